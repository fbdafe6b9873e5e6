//! `referentiel serve`: the site on 127.0.0.1, rebuilt and reloaded whenever the data or the
//! templates change (the server itself is [`referentiel::outputs::serve`]).

use super::{Ctx, Failure};
use referentiel::outputs::serve::{ServeArgs, serve};
use referentiel::words::help;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 3000, value_name = help::value::N, help = help::SERVE_PORT)]
    port: u16,
    #[arg(long, help = help::SERVE_OPEN)]
    open: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    match serve(
        &ctx.data,
        &ctx.cfg,
        &ServeArgs { port: args.port, open: args.open, timings: ctx.out.is_verbose() },
    ) {
        0 => Ok(()),
        code => Err(Failure::Reported(code)),
    }
}
