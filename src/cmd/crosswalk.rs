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
    /// Only the passerelle: for a holder of A, the unités / CCP / blocs of B covered fully or in part.
    #[arg(long)]
    units: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = args.format.get();
    let corpus = ctx.corpus(format)?;
    let a = diff::require_cert(&corpus, &args.a, "first")
        .map_err(|e| super::diff::failure(e, format))?;
    let b = diff::require_cert(&corpus, &args.b, "second")
        .map_err(|e| super::diff::failure(e, format))?;
    if a == b {
        return Err(Failure::Usage {
            message: format!("a crosswalk relates two different certifications; `{a}` was given twice"),
            hint: Some("to see what changed between two versions of one certification, use `referentiel diff`".into()),
        });
    }
    let cw = crosswalk::crosswalk(&corpus, &a, &b);
    if args.units {
        return super::print_for(
            ctx,
            format,
            &crosswalk::render::units(&cw, format, ctx.out.colour),
        );
    }
    super::print_for(ctx, format, &crosswalk::render::render(&cw, format, ctx.out.colour))
}
