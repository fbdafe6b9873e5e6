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
mod usage;

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use referentiel::compare::Format;
use referentiel::config::Config;
use referentiel::diag::Diagnostic;
use referentiel::model::Corpus;
use referentiel::words::{help, terminal};

pub use out::{ColorChoice, Out};

#[derive(Parser)]
#[command(
    name = "referentiel",
    version,
    about = help::ABOUT,
    after_help = help::EXAMPLES
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
    #[arg(long, global = true, value_name = help::value::FILE, help = help::CONFIG)]
    pub config: Option<PathBuf>,
    #[arg(long, global = true, value_name = help::value::DIR, help = help::DATA)]
    pub data: Option<PathBuf>,
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = help::value::WHEN, help = help::COLOR)]
    pub color: ColorChoice,
    #[arg(short, long, global = true, conflicts_with = "verbose", help = help::QUIET)]
    pub quiet: bool,
    #[arg(short, long, global = true, help = help::VERBOSE)]
    pub verbose: bool,
}

/// How a command prints its result: `--format text|markdown|json`, or `--json` for short.
#[derive(Args, Clone, Copy)]
pub struct FormatArgs {
    #[arg(long, value_enum, value_name = help::value::FORMAT, help = help::FORMAT)]
    pub format: Option<Format>,
    #[arg(long, conflicts_with = "format", help = help::JSON)]
    pub json: bool,
}

impl FormatArgs {
    pub fn get(self) -> Format {
        if self.json { Format::Json } else { self.format.unwrap_or(Format::Text) }
    }
}

#[derive(Subcommand)]
pub enum Command {
    #[command(about = help::CHECK, after_help = help::CHECK_EXAMPLES)]
    Check(check::Args),
    #[command(about = help::LIST)]
    List(list::Args),
    #[command(about = help::SHOW, after_help = help::SHOW_EXAMPLES)]
    Show(show::Args),
    #[command(about = help::SEARCH, after_help = help::SEARCH_EXAMPLES)]
    Search(search::Args),
    #[command(about = help::BUILD, after_help = help::BUILD_EXAMPLES)]
    Build(build::Args),
    #[command(about = help::DIFF, after_help = help::DIFF_EXAMPLES)]
    Diff(diff::Args),
    #[command(about = help::CROSSWALK, after_help = help::CROSSWALK_EXAMPLES)]
    Crosswalk(crosswalk::Args),
    #[command(about = help::EXPORT, after_help = help::EXPORT_EXAMPLES)]
    Export(export::Args),
    #[command(about = help::SERVE, after_help = help::SERVE_EXAMPLES)]
    Serve(serve::Args),
    #[command(about = help::SCHEMA, after_help = help::SCHEMA_EXAMPLES)]
    Schema(schema::Args),
    #[command(about = help::IMPORT, after_help = help::IMPORT_EXAMPLES)]
    Import(import::Args),
    #[command(about = help::NEW)]
    New(import::NewArgs),
    #[command(about = help::PLAN, after_help = help::PLAN_EXAMPLES)]
    Plan(plan::Args),
    #[command(about = help::COMPLETIONS, after_help = help::COMPLETIONS_EXAMPLES)]
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
                out.error(&terminal::problems(diagnostics.len(), files.len()));
                if *wrote_nothing {
                    out.note(terminal::NOTHING_WRITTEN);
                }
            }
        }
    }
}

// The library's errors, as the user reads them and with their exit code: the one place where a
// typed error becomes a message.

/// An unreadable or invalid `book.toml` is a usage mistake (exit 2).
impl From<referentiel::config::Error> for Failure {
    fn from(e: referentiel::config::Error) -> Failure {
        Failure::usage(e.to_string())
    }
}

/// An import that wrote nothing: a usage mistake (exit 2), as a file that exists or a bad id.
impl From<referentiel::import::Error> for Failure {
    fn from(e: referentiel::import::Error) -> Failure {
        Failure::usage(e.to_string())
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
        self.out.verbose(&terminal::loaded(
            &self.data.display().to_string(),
            &format!("{:.2?}", start.elapsed()),
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
    fn exit(e: clap::Error) -> ! {
        e.apply::<usage::French>().exit()
    }
    let matches = usage::french(Cli::command()).try_get_matches().unwrap_or_else(|e| exit(e));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit(e));
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
        Some(path) => Config::read(path)?,
        None => match Config::discover(
            &std::env::current_dir()
                .map_err(|e| Failure::Failed(terminal::current_dir(&e.to_string())))?,
        ) {
            Some(path) => {
                out.verbose(&terminal::configuration(&path.display().to_string()));
                Config::read(&path)?
            }
            None if global.data.is_some() => Config::read_default(),
            None => {
                return Err(Failure::Usage {
                    message: terminal::NO_BOOK_TOML.into(),
                    hint: Some(terminal::NO_BOOK_TOML_HINT.into()),
                });
            }
        },
    };
    let data = global.data.clone().unwrap_or_else(|| cfg.build.data_dir.clone());
    if !data.is_dir() {
        return Err(Failure::Usage {
            message: terminal::no_data_folder(&data.display().to_string()),
            hint: Some(terminal::NO_DATA_FOLDER_HINT.into()),
        });
    }
    Ok(Ctx { cfg, data, out })
}
