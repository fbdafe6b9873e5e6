//! `referentiel list`: the certifications, their element counts by kind, their tables.

use super::{Ctx, Failure, FormatArgs};
use referentiel::compare::Format;
use referentiel::list;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    format: FormatArgs,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = args.format.get();
    let corpus = ctx.corpus(format)?;
    let listing = list::listing(&corpus);
    match format {
        Format::Json => ctx
            .out
            .print(&format!("{}\n", serde_json::to_string_pretty(&listing).expect("serializable"))),
        Format::Markdown => ctx.out.print_text(&list::render_markdown(&listing)),
        Format::Text => ctx.out.print_text(&list::render_text(&listing)),
    }
}
