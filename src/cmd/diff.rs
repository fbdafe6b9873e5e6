//! `referentiel diff OLD NEW`: what changed in meaning between two certifications, or between
//! two versions of the data (two folders, two git revisions).

use referentiel::words::help;
use std::path::{Path, PathBuf};

use super::{Ctx, Failure, FormatArgs};
use referentiel::diff::source::{self, DataSource};
use referentiel::diff::{self, DiffError, DiffOptions};

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_name = help::value::OLD, help = help::DIFF_OLD)]
    old: String,
    #[arg(value_name = help::value::NEW, help = help::DIFF_NEW)]
    new: String,
    #[command(flatten)]
    format: FormatArgs,
    #[arg(long, value_name = help::value::DIR, help = help::DIFF_OLD_DATA)]
    old_data: Option<PathBuf>,
    #[arg(long, value_name = help::value::DIR, help = help::DIFF_NEW_DATA)]
    new_data: Option<PathBuf>,
    #[arg(long, value_name = help::value::REV, help = help::DIFF_OLD_REV)]
    old_rev: Option<String>,
    #[arg(long, value_name = help::value::REV, help = help::DIFF_NEW_REV)]
    new_rev: Option<String>,
    #[arg(long, help = help::DIFF_UNITS)]
    units: bool,
}

fn source_of(default: &Path, dir: Option<PathBuf>, rev: Option<String>) -> DataSource {
    let dir = dir.unwrap_or_else(|| default.to_path_buf());
    match rev {
        Some(rev) => DataSource::Revision { data: dir, rev },
        None => DataSource::Folder(dir),
    }
}

/// A comparison that could not start, as the command line reports it.
pub fn failure(e: DiffError, format: referentiel::compare::Format) -> Failure {
    match e {
        DiffError::Data { diagnostics, .. } => {
            Failure::Data { diagnostics, format, wrote_nothing: false }
        }
        DiffError::UnknownCert { side, id, hint } => {
            Failure::Usage { message: referentiel::words::command::no_cert_for(&id, side), hint }
        }
        e => Failure::usage(e.to_string()),
    }
}

pub fn run(args: Args, ctx: &Ctx) -> Result<(), Failure> {
    let format = args.format.get();
    let old_src = source_of(&ctx.data, args.old_data, args.old_rev);
    let new_src = source_of(&ctx.data, args.new_data, args.new_rev);
    let same = match (&old_src, &new_src) {
        (DataSource::Folder(a), DataSource::Folder(b)) => a == b,
        (DataSource::Revision { data: a, rev: r }, DataSource::Revision { data: b, rev: s }) => {
            a == b && r == s
        }
        _ => false,
    };
    let old_corpus = source::load(&old_src).map_err(|e| failure(e, format))?;
    let new_loaded;
    let new_corpus = if same {
        &old_corpus
    } else {
        new_loaded = source::load(&new_src).map_err(|e| failure(e, format))?;
        &new_loaded
    };
    let oc = diff::require_cert(&old_corpus, &args.old, referentiel::words::command::side::OLD)
        .map_err(|e| failure(e, format))?;
    let nc = diff::require_cert(new_corpus, &args.new, referentiel::words::command::side::NEW)
        .map_err(|e| failure(e, format))?;
    let mut report = diff::diff(&old_corpus, &oc, new_corpus, &nc, &DiffOptions::default());
    if !same {
        report.old.origin = Some(old_src.describe());
        report.new.origin = Some(new_src.describe());
    }
    if args.units {
        return super::print_for(
            ctx,
            format,
            &diff::render::render_units(&report, format, ctx.out.colour),
        );
    }
    super::print_for(ctx, format, &diff::render::render(&report, format, ctx.out.colour))
}
