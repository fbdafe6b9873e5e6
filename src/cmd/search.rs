//! `referentiel search`: the site's search, from the command line (same index, same ranking).

use std::fmt::Write as _;

use super::{Ctx, Failure, FormatArgs};
use referentiel::compare::Format;
use referentiel::search::Index;

#[derive(clap::Args)]
pub struct Args {
    /// The query: words, expressions or codes.
    query: String,
    /// Only this certification (its id, as `referentiel list` prints it).
    #[arg(long, value_name = "ID")]
    cert: Option<String>,
    /// Only this kind of element (its French label, as in the site's filter: "Compétence professionnelle", "Savoir" …).
    #[arg(long, value_name = "LABEL")]
    kind: Option<String>,
    /// How many results.
    #[arg(long, default_value_t = 10, value_name = "N")]
    limit: usize,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = args.format.get();
    let corpus = ctx.corpus(format)?;
    let index = Index::build(&corpus);
    let filters = index.filters(args.cert.as_deref(), args.kind.as_deref()).map_err(|e| Failure::usage(e.to_string()))?;
    let hits = index.search(&args.query, &filters, args.limit);
    let mut s = String::new();
    match format {
        Format::Json => s = format!("{}\n", serde_json::to_string_pretty(&hits).expect("serializable")),
        _ if hits.is_empty() => s.push_str("no result\n"),
        Format::Markdown => {
            for h in &hits {
                let _ = writeln!(s, "1. **{}** — {} · {} · {} `{}`", referentiel::compare::md(&h.text), h.kind, h.cert, referentiel::compare::md(&h.crumbs), h.id);
            }
        }
        Format::Text => {
            for (i, h) in hits.iter().enumerate() {
                let _ = writeln!(s, "{:>2}. {}\n    {} · {} · {}  [{}]", i + 1, h.text, h.kind, h.cert, h.crumbs, h.id);
            }
        }
    }
    ctx.out.print(&s)
}
