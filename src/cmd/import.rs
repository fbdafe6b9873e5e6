//! `referentiel import reac|rncp FILE --id ID [--out DIR] [--force]` and `referentiel new ID`:
//! draft a certification from a document of a known family, or scaffold an empty one.

use std::path::PathBuf;

use referentiel::import::{self, Family};
use referentiel::words::import as w;

use super::{Ctx, Failure};

#[derive(clap::Args)]
pub struct Args {
    /// The family of the document: reac (REAC / RC of a titre professionnel, with its RE) or rncp (RNCP fiche).
    #[arg(value_enum)]
    family: FamilyArg,
    /// The document: a text extraction (.txt) or a PDF (read with poppler's pdftotext -layout).
    file: PathBuf,
    /// The new certification's id (lower case, digits, `-` and `.`): `cc-2017`.
    #[arg(long)]
    id: String,
    /// The data folder to write into [default: the project's data folder].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace a previous draft of the same id.
    #[arg(long)]
    force: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FamilyArg {
    Reac,
    Rncp,
}

#[derive(clap::Args)]
pub struct NewArgs {
    /// The new certification's id.
    id: String,
    /// The data folder to write into [default: the project's data folder].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace the files of a previous scaffold of the same id.
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let family = match args.family {
        FamilyArg::Reac => Family::Reac,
        FamilyArg::Rncp => Family::Rncp,
    };
    let data = args.out.unwrap_or_else(|| ctx.data.clone());
    let done =
        import::import(family, &args.file, &args.id, &data, args.force).map_err(Failure::usage)?;
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
    let files = import::scaffold(&data, &args.id, args.force).map_err(Failure::usage)?;
    ctx.out.note(&w::scaffolded(&args.id));
    for f in &files {
        ctx.out.note(&w::wrote(&f.display().to_string()));
    }
    Ok(())
}
