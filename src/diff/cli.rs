//! The entry points of `referentiel diff` and `referentiel crosswalk`: load each side, check the
//! certification ids, render, print. Return the exit code (0 ok, 1 data errors, 2 usage errors).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::compare::Format;
use super::source::{self, DataSource};
use super::{require_cert, DiffError, DiffOptions};

/// Where each side's data comes from, as given on the command line.
pub struct Sides {
    pub old_data: Option<PathBuf>,
    pub new_data: Option<PathBuf>,
    pub old_rev: Option<String>,
    pub new_rev: Option<String>,
}

fn source_of(default: &Path, dir: Option<PathBuf>, rev: Option<String>) -> DataSource {
    let dir = dir.unwrap_or_else(|| default.to_path_buf());
    match rev {
        Some(rev) => DataSource::Revision { data: dir, rev },
        None => DataSource::Folder(dir),
    }
}

/// Colour only on a terminal, and never with `NO_COLOR`.
pub fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn fail(e: &DiffError) -> u8 {
    eprintln!("error: {e}");
    match e {
        DiffError::Data { diagnostics, .. } => {
            for d in diagnostics.iter().take(20) {
                eprintln!("{}", d.render());
            }
            1
        }
        _ => 2,
    }
}

/// Print to stdout; a closed pipe (`| head`) is not an error.
fn out(s: &str) -> u8 {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(s.as_bytes()).and_then(|_| stdout.flush());
    0
}

/// `referentiel diff OLD NEW`.
pub fn diff(default_data: &Path, old: &str, new: &str, format: Format, sides: Sides) -> u8 {
    let old_src = source_of(default_data, sides.old_data, sides.old_rev);
    let new_src = source_of(default_data, sides.new_data, sides.new_rev);
    let same = match (&old_src, &new_src) {
        (DataSource::Folder(a), DataSource::Folder(b)) => a == b,
        (DataSource::Revision { data: a, rev: r }, DataSource::Revision { data: b, rev: s }) => a == b && r == s,
        _ => false,
    };
    let old_corpus = match source::load(&old_src) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let new_loaded;
    let new_corpus = if same {
        &old_corpus
    } else {
        new_loaded = match source::load(&new_src) {
            Ok(c) => c,
            Err(e) => return fail(&e),
        };
        &new_loaded
    };
    let (oc, nc) = match (require_cert(&old_corpus, old, "old"), require_cert(new_corpus, new, "new")) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return fail(&e),
    };
    let mut report = super::diff(&old_corpus, &oc, new_corpus, &nc, &DiffOptions::default());
    if !same {
        report.old.origin = Some(old_src.describe());
        report.new.origin = Some(new_src.describe());
    }
    out(&super::render::render(&report, format, colour()))
}

/// `referentiel crosswalk A B`.
pub fn crosswalk(data: &Path, a: &str, b: &str, format: Format, units: bool) -> u8 {
    let corpus = match source::load(&DataSource::Folder(data.to_path_buf())) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let (ca, cb) = match (require_cert(&corpus, a, "first"), require_cert(&corpus, b, "second")) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return fail(&e),
    };
    if ca == cb {
        eprintln!("error: a crosswalk relates two different certifications; `{ca}` was given twice\n  hint: to see what changed between two versions of one certification, use `referentiel diff`");
        return 2;
    }
    let cw = crate::crosswalk::crosswalk(&corpus, &ca, &cb);
    if units {
        return out(&crate::crosswalk::render::units(&cw, format, colour()));
    }
    out(&crate::crosswalk::render::render(&cw, format, colour()))
}
