//! `referentiel export FORMAT [--cert ID]… [--out PATH]`: one output on its own. A single file
//! goes to standard output, or to `--out`; several files go into the folder `--out`, by their
//! names (`ntc-2018.ttl`, …).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::{Ctx, Failure};
use referentiel::compare::Format;
use referentiel::graph::Graph;
use referentiel::outputs;
use referentiel::site::output::SiteFiles;

#[derive(clap::Args)]
pub struct Args {
    /// The format: case, skos, sssom, csv, xlsx, json, moodle or grilles.
    format: String,
    /// Only this certification (repeatable).
    #[arg(long = "cert", value_name = "ID")]
    certs: Vec<String>,
    /// The file (one file) or folder (several) to write [default: standard output, for one file].
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    // issue #29
    /// CASE: the version to follow, 1.1 or 1.0 (OpenSALT up to 3.2) [default: [output.case] case-version, 1.1].
    #[arg(long = "case-version", value_name = "VERSION")]
    case_version: Option<String>,
    /// CSV: the field separator, one character (`,`, `;`, `\t` for a tab) [default: [output.csv] delimiter, `;`].
    #[arg(long = "csv-delimiter", value_name = "CHAR")]
    csv_delimiter: Option<String>,
    /// CSV: the profile, fr (French spreadsheet) or openedx (Open edX taxonomy: id,value,parent_id, no BOM, comma) [default: [output.csv] profile, fr].
    #[arg(long = "csv-profile", value_name = "PROFILE", value_parser = ["fr", "openedx"])]
    csv_profile: Option<String>,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let Some(output) = outputs::by_name(&args.format).filter(|o| o.name() != "html") else {
        return Err(Failure::Usage {
            message: format!("unknown export format `{}`", args.format),
            hint: Some(format!("one of {}", outputs::cli::formats().join(", "))),
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
                message: format!("no certification `{}`", u.id),
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
    let render = outputs::RenderContext {
        corpus: &corpus,
        graph: &graph,
        config: &cfg,
        downloads: &OnceLock::from(Vec::new()),
        only: &only,
        crosswalks: &crosswalks,
    };
    let mut files = SiteFiles::default();
    output
        .render(&render, &mut files)
        .map_err(|e| Failure::Failed(format!("output {}: {e}", output.name())))?;
    match (&args.out, files.files.as_slice()) {
        (_, []) => Err(Failure::Failed("nothing to export for these certifications".into())),
        (None, [(_, bytes)]) => ctx.out.print(&String::from_utf8_lossy(bytes)),
        (None, many) => Err(Failure::Usage {
            message: format!("{} files to write", many.len()),
            hint: Some("give a folder with --out, or one certification with --cert".into()),
        }),
        (Some(out), [(_, bytes)]) if !out.is_dir() => write(out, bytes),
        (Some(dir), many) => {
            for (p, bytes) in many {
                write(&dir.join(p.file_name().expect("file name")), bytes)?;
            }
            ctx.out.info(&format!("wrote {} files into {}", many.len(), dir.display()));
            Ok(())
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(d)
            .map_err(|e| Failure::Failed(format!("cannot create {}: {e}", d.display())))?;
    }
    std::fs::write(path, bytes)
        .map_err(|e| Failure::Failed(format!("cannot write {}: {e}", path.display())))
}
