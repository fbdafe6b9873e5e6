//! `referentiel check`: every rule of the format, every cited text proven at its lines.

use super::{Ctx, Failure, FormatArgs};
use referentiel::compare::Format;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = args.format.get();
    let (result, coverage) = referentiel::check_corpus(&ctx.data);
    let corpus = match result {
        Ok(corpus) => corpus,
        Err(diagnostics) => {
            let failure = Failure::Data { diagnostics, format, wrote_nothing: false };
            if format != Format::Json && !coverage.is_empty() {
                // The coverage of each source, so that whoever repairs the data sees progress.
                failure.report(&ctx.out);
                ctx.out.info(referentiel::list::render_coverage(&coverage).trim_end());
                return Err(Failure::Reported(1));
            }
            return Err(failure);
        }
    };
    for w in &corpus.warnings {
        ctx.out.warn(w);
    }
    if format == Format::Json {
        ctx.out.print("[]\n")
    } else {
        ctx.out.info(&referentiel::words::command::check_ok(
            corpus.certs.len(),
            corpus.elements.len(),
            corpus.matrices.len(),
            corpus.correspondences.len(),
        ));
        Ok(())
    }
}
