//! `referentiel serve`: the site on 127.0.0.1, rebuilt and reloaded whenever the data or the
//! templates change (the server itself is [`referentiel::serve`]).

use std::sync::Arc;

use super::out::Out;
use super::{Ctx, Failure};
use referentiel::serve::{Error, Report, ServeArgs, serve};
use referentiel::words::help;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 3000, value_name = help::value::N, help = help::SERVE_PORT)]
    port: u16,
    #[arg(long, help = help::SERVE_OPEN)]
    open: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let report: Arc<dyn Report> = Arc::new(ctx.out.clone());
    serve(
        &ctx.data,
        &ctx.cfg,
        &ServeArgs { port: args.port, open: args.open, timings: ctx.out.is_verbose() },
        report,
    )
    .map_err(|e| match e {
        Error::Listen { .. } => Failure::Usage {
            message: e.to_string(),
            hint: Some(referentiel::words::serve::CANNOT_LISTEN_HINT.to_string()),
        },
        e => Failure::Failed(e.to_string()),
    })
}

/// The server's messages go where every command's do: `--quiet` silences what happened,
/// `--color` colours errors, the diagnostics are laid out as `check` lays them out.
impl Report for Out {
    fn info(&self, message: &str) {
        Out::info(self, message);
    }
    fn diagnostic(&self, rendered: &str) {
        Out::diagnostic(self, rendered);
    }
    fn error(&self, message: &str) {
        Out::error(self, message);
    }
}
