//! Where the data of one side of a diff comes from: a data folder, or the `data/` folder of a
//! git revision (exported with `git archive REV <data> | tar -x` into a temporary folder, loaded
//! with [`crate::load_corpus`], then removed — also on SIGINT, and by a later diff when a kill left
//! it behind; see [`crate::scratch`]).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::DiffError;
use crate::model::Corpus;
use crate::scratch::Scratch;

/// The data of one side.
#[derive(Clone, Debug)]
pub enum DataSource {
    /// A data folder on disk.
    Folder(PathBuf),
    /// The data folder `data` (a path inside a git work tree) as it was at revision `rev`.
    Revision { data: PathBuf, rev: String },
}

impl DataSource {
    /// How the report names this side's origin.
    pub fn describe(&self) -> String {
        match self {
            DataSource::Folder(p) => p.display().to_string(),
            DataSource::Revision { rev, .. } => crate::words::command::git_revision(rev),
        }
    }
}

/// Load and check the data of one side.
pub fn load(source: &DataSource) -> Result<Corpus, DiffError> {
    match source {
        DataSource::Folder(dir) => crate::load_corpus(dir)
            .map_err(|diagnostics| DiffError::Data { origin: source.describe(), diagnostics }),
        DataSource::Revision { data, rev } => {
            let tmp = export(data, rev)?;
            let result = crate::load_corpus(&tmp.data);
            drop(tmp);
            result.map_err(|diagnostics| DiffError::Data { origin: source.describe(), diagnostics })
        }
    }
}

/// A temporary export, removed when dropped.
struct Export {
    root: Scratch,
    data: PathBuf,
}

/// The temporary exports' name: `referentiel-diff-<pid>-<n>` in the system's temporary folder.
const PREFIX: &str = "referentiel-diff-";

fn git(dir: &Path, args: &[&str], rev: &str) -> Result<String, DiffError> {
    let out =
        Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| DiffError::Git {
            rev: rev.to_string(),
            message: crate::words::command::cannot_run("git", &e.to_string()),
        })?;
    if !out.status.success() {
        return Err(DiffError::Git {
            rev: rev.to_string(),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn export(data: &Path, rev: &str) -> Result<Export, DiffError> {
    if rev.starts_with('-') {
        return Err(DiffError::Git {
            rev: rev.to_string(),
            message: crate::words::command::REVISION_DASH.into(),
        });
    }
    let data = std::fs::canonicalize(data)
        .map_err(|source| DiffError::Io { path: data.to_path_buf(), source })?;
    let top = PathBuf::from(git(&data, &["rev-parse", "--show-toplevel"], rev)?);
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let inside = data.strip_prefix(&top).map_err(|_| DiffError::Git {
        rev: rev.to_string(),
        message: crate::words::command::outside_work_tree(
            &data.display().to_string(),
            &top.display().to_string(),
        ),
    })?;
    let inside =
        if inside.as_os_str().is_empty() { PathBuf::from(".") } else { inside.to_path_buf() };
    // The revision must exist (and name a commit) before we archive it.
    git(&top, &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")], rev).map_err(
        |_| DiffError::Git {
            rev: rev.to_string(),
            message: crate::words::command::NO_SUCH_REVISION.into(),
        },
    )?;

    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = std::env::temp_dir();
    // Exports left by a diff that was killed: ours by name, their process gone, and our own user's.
    crate::scratch::remove_stale(&tmp, PREFIX, owned_by_us);
    let root = Scratch::register(tmp.join(format!("{PREFIX}{}-{n}", std::process::id())));
    let _ = std::fs::remove_dir_all(root.path());
    std::fs::create_dir_all(root.path())
        .map_err(|source| DiffError::Io { path: root.path().to_path_buf(), source })?;
    let export = Export { data: root.path().join(&inside), root };

    let mut archive = Command::new("git")
        .arg("-C")
        .arg(&top)
        .args(["archive", "--format=tar", rev, "--"])
        .arg(&inside)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| DiffError::Git {
            rev: rev.to_string(),
            message: crate::words::command::cannot_run("git", &e.to_string()),
        })?;
    let stdout = archive.stdout.take().ok_or(DiffError::NoArchive)?;
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(export.root.path())
        .stdin(stdout)
        .stderr(Stdio::piped())
        .output()
        .map_err(DiffError::NoTar)?;
    let archived = archive.wait_with_output().map_err(DiffError::Archive)?;
    if !archived.status.success() {
        let message = String::from_utf8_lossy(&archived.stderr).trim().to_string();
        return Err(DiffError::Git {
            rev: rev.to_string(),
            message: if message.is_empty() {
                crate::words::command::not_in_revision(&inside.display().to_string())
            } else {
                message
            },
        });
    }
    if !tar.status.success() {
        return Err(DiffError::Tar(String::from_utf8_lossy(&tar.stderr).trim().to_string()));
    }
    if !export.data.is_dir() {
        return Err(DiffError::Git {
            rev: rev.to_string(),
            message: crate::words::command::not_in_revision(&inside.display().to_string()),
        });
    }
    Ok(export)
}

/// Is `p` owned by the user running this process?
fn owned_by_us(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(p).is_ok_and(|m| m.uid() == unsafe { libc::geteuid() })
    }
    #[cfg(not(unix))]
    {
        let _ = p;
        false
    }
}
