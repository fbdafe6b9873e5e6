//! The command line: the arguments ([`Cli`]), one file per command, and the one place where
//! every outcome becomes an exit code ([`Failure::exit_code`]), ripgrep's way.
//!
//! Exit codes: 0 when all is well (a closed pipe, as in `| head`, is not an error), 1 when the
//! data has errors, 2 on a usage error (unknown id, unreadable configuration, bad value).

mod build;
mod check;
mod completions;
mod crosswalk;
mod diff;
mod export;
mod import;
mod list;
mod out;
// #28
mod plan;
mod schema;
mod search;
mod serve;
mod show;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use referentiel::compare::Format;
use referentiel::config::Config;
use referentiel::diag::Diagnostic;
use referentiel::model::Corpus;

pub use out::{ColorChoice, Out};

const EXAMPLES: &str = "\
Examples:
  referentiel check                          check all of data/, report every problem
  referentiel build                          check, then write the site into site/
  referentiel show ntc-2018/cp3              one element with its critères, savoirs and links
  referentiel search \"relancer un client\"     search as the site does
  referentiel diff ntc-2013 ntc-2018         what changed between two versions
  referentiel crosswalk bts-nrc ntc-2018     correspondences between two certifications

The configuration is the nearest book.toml in this folder or its parents.";

#[derive(Parser)]
#[command(
    name = "referentiel",
    version,
    about = "Certification referentials as checked data and a static site",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Args)]
pub struct Global {
    /// The site configuration [default: the nearest book.toml, here or in a parent folder].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The data folder [default: the configuration's `build.data-dir`].
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// When to colour the output (`NO_COLOR` and `CLICOLOR_FORCE` are honoured under `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print what is done, with timings.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// How a command prints its result: `--format text|markdown|json`, or `--json` for short.
#[derive(Args, Clone, Copy)]
pub struct FormatArgs {
    /// The output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Short for `--format json`.
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

impl FormatArgs {
    pub fn get(self) -> Format {
        if self.json { Format::Json } else { self.format.unwrap_or(Format::Text) }
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Check all of the data and report every problem (exit 1 if any).
    #[command(after_help = "Example:\n  referentiel check --json | jq '.[].message'")]
    Check(check::Args),
    /// List the certifications with their element counts by kind and the state of their tables.
    List(list::Args),
    /// Show one element: its text, parent, children, links, correspondences and source lines.
    #[command(
        after_help = "Examples:\n  referentiel show ntc-2018/cp3\n  referentiel show cp3 --cert ntc-2018 --json\n  referentiel show bts-tc-2006        (a certification)"
    )]
    Show(show::Args),
    /// Search the data as the site does (same index, same ranking).
    #[command(
        after_help = "Examples:\n  referentiel search \"veile comerciale\"\n  referentiel search cp3 --cert ntc-2018 --kind \"Compétence professionnelle\"\n  referentiel search --batch queries.txt      (one query a line; one JSON line of results each)\n  printf 'cp3\\nveille\\n' | referentiel search --batch -"
    )]
    Search(search::Args),
    /// Check the data, then build the site (nothing is written if the data has errors).
    #[command(after_help = "Example:\n  referentiel build --out /tmp/site")]
    Build(build::Args),
    /// What changed in meaning between two certifications, or two versions of the data.
    #[command(
        after_help = "Examples:\n  referentiel diff ntc-2013 ntc-2018 --format markdown\n  referentiel diff ntc-2018 ntc-2018 --old-rev HEAD~3"
    )]
    Diff(diff::Args),
    /// Correspondences between two certifications: official, curated, suggested; coverage.
    #[command(after_help = "Example:\n  referentiel crosswalk bts-nrc ntc-2018 --json")]
    Crosswalk(crosswalk::Args),
    /// Write one export (case, skos, sssom, csv, json) of all or some certifications.
    #[command(
        after_help = "Examples:\n  referentiel export skos --cert ntc-2018 > ntc-2018.ttl\n  referentiel export csv --out exports/"
    )]
    Export(export::Args),
    /// Serve the site on 127.0.0.1, rebuilt and reloaded whenever the data or the templates change.
    #[command(after_help = "Example:\n  referentiel serve --port 8080 --open")]
    Serve(serve::Args),
    /// Print the JSON Schema of the data files, for editors (or write every schema into a folder).
    #[command(
        after_help = "Examples:\n  referentiel schema certification\n  referentiel schema --out docs/schema\n\nIn a YAML file, for the VS Code YAML extension:\n  # yaml-language-server: $schema=../../../docs/schema/certification.schema.json"
    )]
    Schema(schema::Args),
    /// Draft a certification from a REAC / RC or an RNCP fiche (text or PDF), to check and correct (#30).
    #[command(
        after_help = "Examples:\n  referentiel import reac reac.pdf --id cc-2024\n  referentiel import rncp fiche.txt --id tp-x --out /tmp/essai/data\n\nThen: referentiel check, and docs/ajouter-une-certification.md"
    )]
    Import(import::Args),
    /// Scaffold an empty certification (documents of other families: BTS …), for the checker to guide.
    New(import::NewArgs),
    /// Print a shell completion script.
    // #28
    /// A training plan checked against its certification: what it covers, what it leaves out.
    #[command(
        after_help = "Examples:\n  referentiel plan plans/ntc-2018-parcours.yaml\n  referentiel plan plans/ntc-2018-parcours.yaml --json\n  referentiel plan plans/ntc-2018-parcours.yaml --format xlsx --out tableau-croise.xlsx"
    )]
    Plan(plan::Args),
    #[command(
        after_help = "Example:\n  referentiel completions bash > ~/.local/share/bash-completion/completions/referentiel"
    )]
    Completions(completions::Args),
}

/// Why a command did not succeed.
pub enum Failure {
    /// The data has errors: they are reported, nothing was written.
    Data { diagnostics: Vec<Diagnostic>, format: Format, wrote_nothing: bool },
    /// A usage mistake: an unknown id, a bad value, an unreadable configuration.
    Usage { message: String, hint: Option<String> },
    /// The command itself failed (a file could not be written …).
    Failed(String),
    /// Standard output was closed by its reader (`| head`): not an error.
    ClosedPipe,
    /// Already told to the user; ends with this exit code.
    Reported(u8),
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage { message: message.into(), hint: None }
    }

    /// The one mapping from outcomes to exit codes.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::ClosedPipe => 0,
            Failure::Reported(code) => *code,
            Failure::Data { .. } | Failure::Failed(_) => 1,
            Failure::Usage { .. } => 2,
        }
    }

    /// Tell the user, on standard error (standard output for JSON diagnostics).
    pub fn report(&self, out: &Out) {
        match self {
            Failure::ClosedPipe | Failure::Reported(_) => {}
            Failure::Usage { message, hint } => {
                out.error(message);
                if let Some(h) = hint {
                    out.hint(h);
                }
            }
            Failure::Failed(message) => out.error(message),
            Failure::Data { diagnostics, format, wrote_nothing } => {
                if *format == Format::Json {
                    let _ = out.print(&format!(
                        "{}\n",
                        serde_json::to_string_pretty(diagnostics).expect("serializable")
                    ));
                    return;
                }
                for d in diagnostics {
                    out.diagnostic(&d.render());
                }
                let files: std::collections::BTreeSet<_> =
                    diagnostics.iter().map(|d| &d.file).collect();
                let plural = |n: usize| if n == 1 { "" } else { "s" };
                out.error(&format!(
                    "{} problem{} in {} file{}",
                    diagnostics.len(),
                    plural(diagnostics.len()),
                    files.len(),
                    plural(files.len())
                ));
                if *wrote_nothing {
                    out.note("nothing was written: fix the data first");
                }
            }
        }
    }
}

/// What every command gets: the configuration, the data folder and the output.
pub struct Ctx {
    pub cfg: Config,
    pub data: PathBuf,
    pub out: Out,
}

impl Ctx {
    /// Load, check and model the data folder.
    pub fn corpus(&self, format: Format) -> Result<Corpus, Failure> {
        let start = std::time::Instant::now();
        let corpus =
            referentiel::phases::time("load + check", || referentiel::load_corpus(&self.data))
                .map_err(|diagnostics| Failure::Data {
                    diagnostics,
                    format,
                    wrote_nothing: false,
                })?;
        for w in &corpus.warnings {
            self.out.warn(w);
        }
        self.out.verbose(&format!(
            "loaded and checked {} in {:.2?}",
            self.data.display(),
            start.elapsed()
        ));
        Ok(corpus)
    }
}

/// A command's result in `format`: JSON exact, text and markdown safe on a terminal.
fn print_for(ctx: &Ctx, format: Format, s: &str) -> Result<(), Failure> {
    match format {
        Format::Json => ctx.out.print(s),
        _ => ctx.out.print_text(s),
    }
}

/// Run the command line; the result is the process's exit code.
pub fn main() -> u8 {
    let cli = Cli::parse();
    let out = Out::new(cli.global.color, cli.global.quiet, cli.global.verbose);
    let result = match cli.command {
        Command::Completions(args) => completions::run(args, &out),
        Command::Schema(args) => schema::run(args, &out),
        command => context(&cli.global, out.clone()).and_then(|ctx| dispatch(command, &ctx)),
    };
    match result {
        Ok(()) => 0,
        Err(failure) => {
            failure.report(&out);
            failure.exit_code()
        }
    }
}

fn dispatch(command: Command, ctx: &Ctx) -> Result<(), Failure> {
    match command {
        Command::Check(a) => check::run(a, ctx),
        Command::List(a) => list::run(a, ctx),
        Command::Show(a) => show::run(a, ctx),
        Command::Search(a) => search::run(a, ctx),
        Command::Build(a) => build::run(a, ctx),
        Command::Diff(a) => diff::run(a, ctx),
        Command::Crosswalk(a) => crosswalk::run(a, ctx),
        Command::Plan(a) => plan::run(a, ctx),
        Command::Export(a) => export::run(a, ctx),
        Command::Serve(a) => serve::run(a, ctx),
        Command::Import(a) => import::run(a, ctx),
        Command::New(a) => import::run_new(a, ctx),
        Command::Completions(_) | Command::Schema(_) => {
            unreachable!("handled before the configuration is read")
        }
    }
}

/// Find and read the configuration, and settle the data folder.
fn context(global: &Global, out: Out) -> Result<Ctx, Failure> {
    let cfg = match &global.config {
        Some(path) => Config::read(path).map_err(Failure::usage)?,
        None => match Config::discover(
            &std::env::current_dir().map_err(|e| Failure::Failed(e.to_string()))?,
        ) {
            Some(path) => {
                out.verbose(&format!("configuration: {}", path.display()));
                Config::read(&path).map_err(Failure::usage)?
            }
            None if global.data.is_some() => Config::read_default(),
            None => {
                return Err(Failure::Usage {
                    message: "no book.toml in this folder or any parent".into(),
                    hint: Some(
                        "run from inside the project, or pass --config FILE or --data DIR".into(),
                    ),
                });
            }
        },
    };
    let data = global.data.clone().unwrap_or_else(|| cfg.build.data_dir.clone());
    if !data.is_dir() {
        return Err(Failure::Usage {
            message: format!("no data folder at {}", data.display()),
            hint: Some("pass --data DIR, or set build.data-dir in book.toml".into()),
        });
    }
    Ok(Ctx { cfg, data, out })
}
