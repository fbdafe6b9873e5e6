//! `referentiel build`: check the data, then write the site atomically.

use referentiel::words::help;
use std::path::PathBuf;

use super::{Ctx, Failure};
use referentiel::compare::Format;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_name = help::value::DIR, help = help::BUILD_OUT)]
    out: Option<PathBuf>,
    #[arg(long, help = help::BUILD_FORCE)]
    force: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let start = std::time::Instant::now();
    ctx.out.progress(referentiel::words::command::CHECKING);
    let corpus = ctx.corpus(Format::Text).map_err(|f| {
        ctx.out.done();
        match f {
            Failure::Data { diagnostics, format, .. } => {
                Failure::Data { diagnostics, format, wrote_nothing: true }
            }
            f => f,
        }
    })?;
    let out_dir = args.out.unwrap_or_else(|| ctx.cfg.build.build_dir.clone());
    // issue #29: the exports' identifiers are absolute; say once which base they use.
    if let Some(w) = ctx.cfg.output.export_base_warning().filter(|_| ctx.cfg.output.html.enable) {
        ctx.out.note(&w);
    }
    ctx.out.progress(&referentiel::words::command::rendering(corpus.elements.len()));
    let mut cfg = ctx.cfg.clone();
    cfg.build.force = args.force;
    let result = referentiel::outputs::build(&corpus, &cfg, &out_dir);
    ctx.out.done();
    match result {
        Ok(r) => {
            ctx.out.info(&referentiel::words::command::built(
                r.pages,
                r.files,
                &human_bytes(r.bytes as u64),
                &out_dir.display().to_string(),
                start.elapsed().as_secs_f64(),
            ));
            for p in referentiel::phases::take() {
                ctx.out.verbose(&format!(
                    "  {:<44} {:>6.0} ms wall {:>6.0} ms own CPU {:>6.0} ms user {:>6.0} ms system {:>6} MiB resident {:>6} MiB peak",
                    format!("{}{}", "  ".repeat(p.depth), p.name),
                    p.wall.as_secs_f64() * 1e3,
                    p.own.as_secs_f64() * 1e3,
                    p.user.as_secs_f64() * 1e3,
                    p.system.as_secs_f64() * 1e3,
                    p.resident >> 20,
                    p.peak >> 20
                ));
            }
            Ok(())
        }
        Err(e) => Err(Failure::Failed(referentiel::words::command::previous_site_untouched(
            &e.to_string(),
        ))),
    }
}

/// `23.4 MB`.
fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1_000_000 => referentiel::words::command::megabytes(n as f64 / 1e6),
        n if n >= 1_000 => referentiel::words::command::kilobytes(n as f64 / 1e3),
        n => referentiel::words::command::bytes(n),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(super::human_bytes(24_539_914), "24,5 Mo");
        assert_eq!(super::human_bytes(3_500), "3,5 ko");
        assert_eq!(super::human_bytes(12), "12 octets");
    }
}
