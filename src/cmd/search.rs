//! `referentiel search`: the site's search, from the command line (same index, same ranking).

use referentiel::words::help;
use std::fmt::Write as _;

use super::{Ctx, Failure, FormatArgs};
use referentiel::compare::Format;
use referentiel::search::Index;

#[derive(clap::Args)]
pub struct Args {
    #[arg(required_unless_present = "batch", conflicts_with = "batch", value_name = help::value::QUERY, help = help::SEARCH_QUERY)]
    query: Option<String>,
    #[arg(long, value_name = help::value::FILE, help = help::SEARCH_BATCH)]
    batch: Option<std::path::PathBuf>,
    #[arg(long, value_name = help::value::ID, help = help::SEARCH_CERT)]
    cert: Option<String>,
    #[arg(long, value_name = help::value::LABEL, help = help::SEARCH_KIND)]
    kind: Option<String>,
    #[arg(long, default_value_t = 10, value_name = help::value::N, help = help::SEARCH_LIMIT)]
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
            Failure::Failed(referentiel::words::command::cannot_read_stdin(&e.to_string()))
        })?
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            Failure::Failed(referentiel::words::command::cannot_read_queries(
                &path.display().to_string(),
                &e.to_string(),
            ))
        })?
    };
    let mut s = String::new();
    for q in text.lines().filter(|l| !l.trim().is_empty()) {
        let hits = index.search(q, filters, limit);
        let _ = writeln!(s, "{}", serde_json::json!({ "q": q, "hits": hits }));
    }
    ctx.out.print(&s)
}
