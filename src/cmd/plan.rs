//! `referentiel plan FILE`: a training plan checked against its certification, and what it
//! covers (#28): per unit and per compétence, critères, savoir-faire and savoirs covered out of
//! the total, hours, and every element left uncovered; `--format xlsx --out F` writes the
//! « tableau croisé ».

use std::path::PathBuf;

use referentiel::compare::Format;
use referentiel::graph::Graph;
use referentiel::plan;

use super::{Ctx, Failure};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    Text,
    Markdown,
    Json,
    /// The « tableau croisé » workbook (needs --out).
    Xlsx,
}

#[derive(clap::Args)]
pub struct Args {
    /// The plan file (YAML; see docs/plan-format.md).
    file: PathBuf,
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "text")]
    format: PlanFormat,
    /// Short for --format json.
    #[arg(long, conflicts_with = "format")]
    json: bool,
    /// Read the plan's links in another version of its certification (the diff's pairing):
    /// which now point to reworded, moved, split, merged or removed elements.
    #[arg(long, value_name = "CERT")]
    against: Option<String>,
    /// Write the report into this file instead of printing it.
    #[arg(long, value_name = "FILE")]
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
            message: format!("unknown certification `{}`", u.id),
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
                    message: "a workbook is not printed to the terminal".into(),
                    hint: Some("add --out FILE.xlsx".into()),
                });
            }
            plan::render::xlsx(&corpus, &p, &cov)
                .map_err(|e| Failure::Failed(format!("the workbook: {e}")))?
        }
        PlanFormat::Text => plan::render::render(&corpus, &p, &cov, Format::Text).into_bytes(),
        PlanFormat::Markdown => {
            plan::render::render(&corpus, &p, &cov, Format::Markdown).into_bytes()
        }
        PlanFormat::Json => plan::render::render(&corpus, &p, &cov, Format::Json).into_bytes(),
    };
    match args.out {
        Some(path) => {
            std::fs::write(&path, &bytes)
                .map_err(|e| Failure::Failed(format!("cannot write {}: {e}", path.display())))?;
            ctx.out.info(&format!("wrote {}", path.display()));
            Ok(())
        }
        None => ctx.out.print(&String::from_utf8_lossy(&bytes)),
    }
}
