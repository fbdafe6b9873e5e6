//! `referentiel export FORMAT [--cert ID]… [--out PATH]`: one output on its own. A single file
//! goes to standard output, or to `--out`; several files go into the folder `--out`, by their
//! names (`ntc-2018.ttl`, …).

use referentiel::words::help;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::{Ctx, Failure};
use referentiel::build::Files;
use referentiel::compare::Format;
use referentiel::graph::Graph;
use referentiel::outputs;

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = help::value::FORMAT, help = help::EXPORT_FORMAT)]
    format: String,
    #[arg(long = "cert", value_name = help::value::ID, help = help::EXPORT_CERT)]
    certs: Vec<String>,
    #[arg(long, value_name = help::value::PATH, help = help::EXPORT_OUT)]
    out: Option<PathBuf>,
    // issue #29
    #[arg(long = "case-version", value_name = help::value::VERSION, help = help::EXPORT_CASE_VERSION)]
    case_version: Option<String>,
    #[arg(long = "csv-delimiter", value_name = help::value::CHAR, help = help::EXPORT_CSV_DELIMITER)]
    csv_delimiter: Option<String>,
    #[arg(long = "csv-profile", value_name = help::value::PROFILE, help = help::EXPORT_CSV_PROFILE, value_parser = ["fr", "openedx"])]
    csv_profile: Option<String>,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let Some(output) = outputs::by_name(&args.format).filter(|o| o.name() != "html") else {
        return Err(Failure::Usage {
            message: referentiel::words::command::unknown_export(&args.format),
            hint: Some(referentiel::words::command::one_of(&outputs::cli::formats().join(", "))),
        });
    };
    let corpus = ctx.corpus(Format::Text).map_err(|f| match f {
        Failure::Data { diagnostics, format, .. } => {
            Failure::Data { diagnostics, format, wrote_nothing: true }
        }
        f => f,
    })?;
    let only = args
        .certs
        .iter()
        .map(|c| {
            corpus.require_cert(c).map_err(|u| Failure::Usage {
                message: referentiel::words::command::no_cert(&u.id),
                hint: u.hint,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let graph = Graph::build(&corpus);
    let crosswalks = OnceLock::new();
    let mut cfg = ctx.cfg.clone();
    // The static CASE provider belongs to the published site, not to a single export.
    cfg.output.case.provider = false;
    if let Some(v) = args.case_version {
        cfg.output.case.case_version = v;
    }
    if let Some(p) = args.csv_profile.as_deref().and_then(referentiel::config::CsvProfile::named) {
        cfg.output.csv.profile = p;
    }
    if let Some(d) = args.csv_delimiter {
        let d = if d == "\\t" || d == "tab" { "\t".to_string() } else { d };
        let mut chars = d.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c != '"' && c != '\n' && c != '\r' => cfg.output.csv.delimiter = c,
            _ => {
                return Err(Failure::Usage {
                    message: referentiel::words::cli::one_char_delimiter(&d),
                    hint: Some(referentiel::words::cli::delimiter_hint.into()),
                });
            }
        }
    }
    let render = referentiel::build::RenderContext {
        corpus: &corpus,
        graph: &graph,
        config: &cfg,
        downloads: &OnceLock::from(Vec::new()),
        only: &only,
        crosswalks: &crosswalks,
    };
    let mut files = Files::default();
    output.render(&render, &mut files).map_err(|e| {
        Failure::Failed(referentiel::words::command::output_failed(output.name(), &e.to_string()))
    })?;
    match (&args.out, files.files.as_slice()) {
        (_, []) => Err(Failure::Failed(referentiel::words::command::NOTHING_TO_EXPORT.into())),
        (None, [(_, bytes)]) => ctx.out.print(&String::from_utf8_lossy(bytes)),
        (None, many) => Err(Failure::Usage {
            message: referentiel::words::command::files_to_write(many.len()),
            hint: Some(referentiel::words::command::FILES_TO_WRITE_HINT.into()),
        }),
        (Some(out), [(_, bytes)]) if !out.is_dir() => write(out, bytes),
        (Some(dir), many) => {
            for (p, bytes) in many {
                write(&dir.join(p.file_name().expect("file name")), bytes)?;
            }
            ctx.out.info(&referentiel::words::command::wrote_files(
                many.len(),
                &dir.display().to_string(),
            ));
            Ok(())
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(d).map_err(|e| {
            Failure::Failed(referentiel::words::command::cannot_create(
                &d.display().to_string(),
                &e.to_string(),
            ))
        })?;
    }
    std::fs::write(path, bytes).map_err(|e| {
        Failure::Failed(referentiel::words::command::cannot_write(
            &path.display().to_string(),
            &e.to_string(),
        ))
    })
}
