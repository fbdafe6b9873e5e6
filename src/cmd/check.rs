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
    let corpus = ctx.corpus(format)?;
    if format == Format::Json {
        ctx.out.print("[]\n")
    } else {
        ctx.out.info(&format!(
            "ok: {} certifications, {} elements, {} matrices, {} correspondences",
            corpus.certs.len(),
            corpus.elements.len(),
            corpus.matrices.len(),
            corpus.correspondences.len()
        ));
        Ok(())
    }
}
