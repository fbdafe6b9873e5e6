//! `referentiel serve`: the site on 127.0.0.1, rebuilt and reloaded whenever the data or the
//! templates change (the server itself is [`referentiel::outputs::serve`]).

use super::{Ctx, Failure};
use referentiel::outputs::serve::{ServeArgs, serve};

#[derive(clap::Args)]
pub struct Args {
    /// The port on 127.0.0.1 (0 for any free port).
    #[arg(long, default_value_t = 3000, value_name = "N")]
    port: u16,
    /// Open the site in the browser.
    #[arg(long)]
    open: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    match serve(&ctx.data, &ctx.cfg, &ServeArgs { port: args.port, open: args.open }) {
        0 => Ok(()),
        code => Err(Failure::Reported(code)),
    }
}
