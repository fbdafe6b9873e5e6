//! `referentiel search`: the site's search, from the command line (same index, same ranking).

use std::fmt::Write as _;

use super::{Ctx, Failure, FormatArgs};
use referentiel::compare::Format;
use referentiel::search::Index;

#[derive(clap::Args)]
pub struct Args {
    /// The query: words, expressions or codes.
    #[arg(required_unless_present = "batch", conflicts_with = "batch")]
    query: Option<String>,
    /// Many queries at once, one a line, from FILE (`-` for standard input): the data is loaded
    /// once, and each query's results are written as one JSON line, {"q": …, "hits": […]}, in
    /// the order of the queries (empty lines are skipped).
    #[arg(long, value_name = "FILE")]
    batch: Option<std::path::PathBuf>,
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
    let filters = index
        .filters(args.cert.as_deref(), args.kind.as_deref())
        .map_err(|e| Failure::usage(e.to_string()))?;
    if let Some(path) = &args.batch {
        return batch(&index, &filters, args.limit, path, ctx);
    }
    let hits = index.search(args.query.as_deref().unwrap_or_default(), &filters, args.limit);
    let mut s = String::new();
    match format {
        Format::Json => {
            s = format!("{}\n", serde_json::to_string_pretty(&hits).expect("serializable"))
        }
        _ if hits.is_empty() => s.push_str(referentiel::words::cli::no_result),
        Format::Markdown => {
            for h in &hits {
                let _ = writeln!(
                    s,
                    "1. **{}** — {} · {} · {} `{}`",
                    referentiel::compare::md(&h.text),
                    h.kind,
                    h.cert,
                    referentiel::compare::md(&h.crumbs),
                    h.id
                );
                if !h.also.is_empty() {
                    let _ = writeln!(
                        s,
                        "   aussi : {}",
                        h.also
                            .iter()
                            .map(|a| format!("{} `{}`", a.kind, a.id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
            }
        }
        Format::Text => {
            for (i, h) in hits.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{:>2}. {}\n    {} · {} · {}  [{}]",
                    i + 1,
                    h.text,
                    h.kind,
                    h.cert,
                    h.crumbs,
                    h.id
                );
                if !h.also.is_empty() {
                    let _ = writeln!(
                        s,
                        "    aussi : {}",
                        h.also
                            .iter()
                            .map(|a| format!("{} [{}]", a.kind, a.id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
            }
        }
    }
    super::print_for(ctx, format, &s)
}

/// `--batch`: one JSON line of results per line of queries.
fn batch(
    index: &Index,
    filters: &referentiel::search::query::Filters,
    limit: usize,
    path: &std::path::Path,
    ctx: &Ctx,
) -> Result<(), Failure> {
    let text = if path.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| {
            Failure::Failed(format!("cannot read the queries from standard input: {e}"))
        })?
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            Failure::Failed(format!("cannot read the queries from {}: {e}", path.display()))
        })?
    };
    let mut s = String::new();
    for q in text.lines().filter(|l| !l.trim().is_empty()) {
        let hits = index.search(q, filters, limit);
        let _ = writeln!(s, "{}", serde_json::json!({ "q": q, "hits": hits }));
    }
    ctx.out.print(&s)
}
