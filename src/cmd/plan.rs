//! `referentiel plan FILE`: a training plan checked against its certification, and what it
//! covers (#28): per unit and per compétence, critères, savoir-faire and savoirs covered out of
//! the total, hours, and every element left uncovered; `--format xlsx --out F` writes the
//! « tableau croisé ».

use referentiel::words::help;
use std::path::PathBuf;

use referentiel::compare::Format;
use referentiel::graph::Graph;
use referentiel::plan;

use super::{Ctx, Failure};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    #[value(help = help::FORMAT_TEXT)]
    Text,
    #[value(help = help::FORMAT_MARKDOWN)]
    Markdown,
    #[value(help = help::FORMAT_JSON)]
    Json,
    #[value(help = help::FORMAT_XLSX)]
    Xlsx,
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = help::value::FILE, help = help::PLAN_FILE)]
    file: PathBuf,
    #[arg(long, value_enum, value_name = help::value::FORMAT, default_value = "text", help = help::FORMAT)]
    format: PlanFormat,
    #[arg(long, conflicts_with = "format", help = help::JSON)]
    json: bool,
    #[arg(long, value_name = help::value::CERT, help = help::PLAN_AGAINST)]
    against: Option<String>,
    #[arg(long, value_name = help::value::FILE, help = help::PLAN_OUT)]
    out: Option<PathBuf>,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = if args.json { PlanFormat::Json } else { args.format };
    let diag_format = if format == PlanFormat::Json { Format::Json } else { Format::Text };
    let corpus = ctx.corpus(diag_format)?;
    let p = plan::read(&corpus, &args.file).map_err(|diagnostics| Failure::Data {
        diagnostics,
        format: diag_format,
        wrote_nothing: args.out.is_some(),
    })?;
    if let Some(other) = &args.against {
        let other = corpus.require_cert(other).map_err(|u| Failure::Usage {
            message: referentiel::words::command::unknown_cert(&u.id),
            hint: u.hint,
        })?;
        let fates = plan::against::against(&corpus, &p, &other);
        let report = if format == PlanFormat::Json {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({"certification": p.cert.as_str(), "against": other.as_str(), "links": fates})).expect("serialisable");
            s.push('\n');
            s
        } else {
            plan::against::text(&p, &other, &fates)
        };
        return ctx.out.print(&report);
    }
    let graph = Graph::build(&corpus);
    let cov = plan::coverage::coverage(&corpus, &graph, &p);
    let bytes: Vec<u8> = match format {
        PlanFormat::Xlsx => {
            if args.out.is_none() {
                return Err(Failure::Usage {
                    message: referentiel::words::command::WORKBOOK_NOT_PRINTED.into(),
                    hint: Some(referentiel::words::command::WORKBOOK_HINT.into()),
                });
            }
            plan::render::xlsx(&corpus, &p, &cov).map_err(|e| {
                Failure::Failed(referentiel::words::command::workbook_failed(&e.to_string()))
            })?
        }
        PlanFormat::Text => plan::render::render(&corpus, &p, &cov, Format::Text).into_bytes(),
        PlanFormat::Markdown => {
            plan::render::render(&corpus, &p, &cov, Format::Markdown).into_bytes()
        }
        PlanFormat::Json => plan::render::render(&corpus, &p, &cov, Format::Json).into_bytes(),
    };
    match args.out {
        Some(path) => {
            std::fs::write(&path, &bytes).map_err(|e| {
                Failure::Failed(referentiel::words::command::cannot_write(
                    &path.display().to_string(),
                    &e.to_string(),
                ))
            })?;
            ctx.out.info(&referentiel::words::command::wrote(&path.display().to_string()));
            Ok(())
        }
        None => ctx.out.print(&String::from_utf8_lossy(&bytes)),
    }
}
