//! `referentiel crosswalk A B`: official, curated and suggested correspondences between two
//! certifications, with coverage.

use super::{Ctx, Failure, FormatArgs};
use referentiel::crosswalk;
use referentiel::diff;
use referentiel::words::help;

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = help::value::A, help = help::CROSSWALK_A)]
    a: String,
    #[arg(value_name = help::value::B, help = help::CROSSWALK_B)]
    b: String,
    #[command(flatten)]
    format: FormatArgs,
    #[arg(long, help = help::CROSSWALK_UNITS)]
    units: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = args.format.get();
    let corpus = ctx.corpus(format)?;
    let a = diff::require_cert(&corpus, &args.a, referentiel::words::command::side::FIRST)
        .map_err(|e| super::diff::failure(e, format))?;
    let b = diff::require_cert(&corpus, &args.b, referentiel::words::command::side::SECOND)
        .map_err(|e| super::diff::failure(e, format))?;
    if a == b {
        return Err(Failure::Usage {
            message: referentiel::words::command::crosswalk_twice(a.as_str()),
            hint: Some(referentiel::words::command::CROSSWALK_TWICE_HINT.into()),
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
