//! `referentiel crosswalk A B`: official, curated and suggested correspondences between two
//! certifications, with coverage.

use super::{Ctx, Failure, FormatArgs};
use referentiel::crosswalk;
use referentiel::diff;

#[derive(clap::Args)]
pub struct Args {
    /// The first certification (its id, as `referentiel list` prints it).
    a: String,
    /// The second certification.
    b: String,
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = args.format.get();
    let corpus = ctx.corpus(format)?;
    let a = diff::require_cert(&corpus, &args.a, "first").map_err(|e| super::diff::failure(e, format))?;
    let b = diff::require_cert(&corpus, &args.b, "second").map_err(|e| super::diff::failure(e, format))?;
    let cw = crosswalk::crosswalk(&corpus, &a, &b);
    ctx.out.print(&crosswalk::render::render(&cw, format, ctx.out.colour))
}
