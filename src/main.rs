//! The `referentiel` command line: check the data, list it, build the site.
//!
//! Exit codes: 0 when all is well, 1 when the data has errors, 2 on a usage error.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use referentiel::config::Config;
use referentiel::diag::Diagnostic;
use referentiel::model::Corpus;

#[derive(Parser)]
#[command(name = "referentiel", version, about = "Certification referentials as checked data and a static site")]
struct Cli {
    /// The site configuration (its folders are relative to it).
    #[arg(long, global = true, default_value = "book.toml")]
    config: PathBuf,
    /// The data folder (overrides the configuration's `build.data-dir`).
    #[arg(long, global = true)]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check all of the data and report every problem.
    Check {
        /// Print the diagnostics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the certifications with their element counts.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Search the data as the site does (same index, same ranking).
    Search {
        /// The query: words, expressions or codes.
        query: String,
        /// Only this certification (its id).
        #[arg(long)]
        cert: Option<String>,
        /// Only this kind of element (its French label, as in the site's filter).
        #[arg(long)]
        kind: Option<String>,
        /// How many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Check the data, then build the site (nothing is written if the data has errors).
    Build {
        /// The output folder (overrides the configuration's `build.build-dir`).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// What changed in meaning between two certifications, or two versions of the data.
    Diff {
        /// The old certification (its id).
        old: String,
        /// The new certification (its id; the same id to compare two versions of the data).
        new: String,
        #[arg(long, value_enum, default_value = "text")]
        format: referentiel::compare::Format,
        /// The old side's data folder (default: the data folder).
        #[arg(long)]
        old_data: Option<PathBuf>,
        /// The new side's data folder (default: the data folder).
        #[arg(long)]
        new_data: Option<PathBuf>,
        /// The old side's data as it was at this git revision.
        #[arg(long)]
        old_rev: Option<String>,
        /// The new side's data as it was at this git revision.
        #[arg(long)]
        new_rev: Option<String>,
    },
    /// Correspondences between two certifications: official, curated, suggested; coverage.
    Crosswalk {
        a: String,
        b: String,
        #[arg(long, value_enum, default_value = "text")]
        format: referentiel::compare::Format,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cfg = match Config::read(&cli.config) {
        Ok(c) => c,
        Err(e) if cli.config.as_os_str() == "book.toml" && !cli.config.exists() => {
            if cli.data.is_none() {
                eprintln!("error: {e}\nhint: run from the project folder, or pass --config or --data");
                return ExitCode::from(2);
            }
            Config::read_default()
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let data = cli.data.clone().unwrap_or_else(|| cfg.build.data_dir.clone());
    if !data.is_dir() {
        eprintln!("error: no data folder at {}", data.display());
        return ExitCode::from(2);
    }
    match cli.command {
        Command::Check { json } => match referentiel::load_corpus(&data) {
            Ok(corpus) => {
                if json {
                    println!("[]");
                } else {
                    eprintln!("ok: {} certifications, {} elements, {} matrices, {} correspondences", corpus.certs.len(), corpus.elements.len(), corpus.matrices.len(), corpus.correspondences.len());
                }
                ExitCode::SUCCESS
            }
            Err(diags) => {
                report(&diags, json);
                ExitCode::from(1)
            }
        },
        Command::List { json } => with_corpus(&data, |corpus| {
            let summary = referentiel::list::summarize(corpus);
            if json {
                println!("{}", serde_json::to_string_pretty(&summary).expect("serializable"));
            } else {
                print!("{}", referentiel::list::render_text(&summary));
            }
            ExitCode::SUCCESS
        }),
        Command::Search { query, cert, kind, limit, json } => with_corpus(&data, |corpus| {
            let index = referentiel::search::Index::build(corpus);
            let filters = match index.filters(cert.as_deref(), kind.as_deref()) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            let hits = index.search(&query, &filters, limit);
            if json {
                println!("{}", serde_json::to_string_pretty(&hits).expect("serializable"));
            } else if hits.is_empty() {
                println!("no result");
            } else {
                for (i, h) in hits.iter().enumerate() {
                    println!("{:>2}. {}
    {} · {} · {}  [{}]", i + 1, h.text, h.kind, h.cert, h.crumbs, h.id);
                }
            }
            ExitCode::SUCCESS
        }),
        Command::Build { out } => with_corpus(&data, |corpus| {
            let out = out.clone().unwrap_or_else(|| cfg.build.build_dir.clone());
            let start = std::time::Instant::now();
            match referentiel::site::build(corpus, &cfg, &out) {
                Ok(r) => {
                    eprintln!("built {} pages ({} files, {} bytes) in {} in {:.2?}", r.pages, r.files, r.bytes, out.display(), start.elapsed());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}\nthe previous site, if any, is untouched");
                    ExitCode::from(1)
                }
            }
        }),
        Command::Diff { old, new, format, old_data, new_data, old_rev, new_rev } => {
            let sides = referentiel::diff::cli::Sides { old_data, new_data, old_rev, new_rev };
            ExitCode::from(referentiel::diff::cli::diff(&data, &old, &new, format, sides))
        }
        Command::Crosswalk { a, b, format } => ExitCode::from(referentiel::diff::cli::crosswalk(&data, &a, &b, format)),
    }
}

fn with_corpus(data: &std::path::Path, f: impl FnOnce(&Corpus) -> ExitCode) -> ExitCode {
    match referentiel::load_corpus(data) {
        Ok(corpus) => f(&corpus),
        Err(diags) => {
            report(&diags, false);
            eprintln!("nothing was written: fix the data first");
            ExitCode::from(1)
        }
    }
}

fn report(diags: &[Diagnostic], json: bool) {
    if json {
        println!("{}", serde_json::to_string_pretty(diags).expect("serializable"));
        return;
    }
    let _colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags {
        eprint!("{}\n", d.render());
    }
    let files: std::collections::BTreeSet<_> = diags.iter().map(|d| &d.file).collect();
    eprintln!("{} problem{} in {} file{}", diags.len(), if diags.len() == 1 { "" } else { "s" }, files.len(), if files.len() == 1 { "" } else { "s" });
}
