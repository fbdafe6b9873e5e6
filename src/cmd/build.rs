//! `referentiel build`: check the data, then write the site atomically.

use std::path::PathBuf;

use super::{Ctx, Failure};
use referentiel::compare::Format;

#[derive(clap::Args)]
pub struct Args {
    /// The output folder [default: the configuration's `build.build-dir`].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Delete the files of the output folder that no build wrote (listed otherwise, and the build
    /// refused; `[build] keep` in book.toml keeps them).
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let start = std::time::Instant::now();
    ctx.out.progress("checking the data…");
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
    ctx.out.progress(&format!("rendering the site of {} elements…", corpus.elements.len()));
    let mut cfg = ctx.cfg.clone();
    cfg.build.force = args.force;
    let result = referentiel::outputs::build(&corpus, &cfg, &out_dir);
    ctx.out.done();
    match result {
        Ok(r) => {
            ctx.out.info(&format!(
                "built {} pages ({} files, {}) into {} in {:.1} s",
                r.pages,
                r.files,
                human_bytes(r.bytes as u64),
                out_dir.display(),
                start.elapsed().as_secs_f64()
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
        Err(e) => Err(Failure::Failed(format!("{e}\nthe previous site, if any, is untouched"))),
    }
}

/// `23.4 MB`.
fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1_000_000 => format!("{:.1} MB", n as f64 / 1e6),
        n if n >= 1_000 => format!("{:.1} kB", n as f64 / 1e3),
        n => format!("{n} bytes"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(super::human_bytes(24_539_914), "24.5 MB");
        assert_eq!(super::human_bytes(3_500), "3.5 kB");
        assert_eq!(super::human_bytes(12), "12 bytes");
    }
}
