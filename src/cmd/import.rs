//! `referentiel import reac|rncp FILE --id ID [--out DIR] [--force]` and `referentiel new ID`:
//! draft a certification from a document of a known family, or scaffold an empty one.

use std::path::PathBuf;

use referentiel::import::{self, Family};
use referentiel::words::help;
use referentiel::words::import as w;

use super::{Ctx, Failure};

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_enum, value_name = help::value::FAMILY, help = help::IMPORT_FAMILY)]
    family: FamilyArg,
    #[arg(value_name = help::value::FILE, help = help::IMPORT_FILE)]
    file: PathBuf,
    #[arg(long, value_name = help::value::ID, help = help::IMPORT_ID)]
    id: String,
    #[arg(long, value_name = help::value::DIR, help = help::IMPORT_OUT)]
    out: Option<PathBuf>,
    #[arg(long, help = help::IMPORT_FORCE)]
    force: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FamilyArg {
    Reac,
    Rncp,
}

#[derive(clap::Args)]
pub struct NewArgs {
    #[arg(value_name = help::value::ID, help = help::NEW_ID)]
    id: String,
    #[arg(long, value_name = help::value::DIR, help = help::IMPORT_OUT)]
    out: Option<PathBuf>,
    #[arg(long, help = help::NEW_FORCE)]
    force: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let family = match args.family {
        FamilyArg::Reac => Family::Reac,
        FamilyArg::Rncp => Family::Rncp,
    };
    let data = args.out.unwrap_or_else(|| ctx.data.clone());
    let done = import::import(family, &args.file, &args.id, &data, args.force)?;
    for warning in &done.warnings {
        ctx.out.warn(warning);
    }
    ctx.out.note(&w::done(&args.id, done.elements, done.uncertain));
    for f in &done.files {
        ctx.out.note(&w::wrote(&f.display().to_string()));
    }
    ctx.out.note(w::NEXT);
    Ok(())
}

pub fn run_new(args: NewArgs, ctx: &Ctx) -> Result<(), Failure> {
    let data = args.out.unwrap_or_else(|| ctx.data.clone());
    let files = import::scaffold(&data, &args.id, args.force)?;
    ctx.out.note(&w::scaffolded(&args.id));
    for f in &files {
        ctx.out.note(&w::wrote(&f.display().to_string()));
    }
    Ok(())
}
