//! Writing the site safely and atomically.
//!
//! - The output folder is refused when it is, contains or sits inside the data folder, when it is
//!   or contains the configuration's folder, when it is in or holds a `.git`, and when it is a
//!   non-empty folder that is not a site of ours (no [`MARKER`] file).
//! - A lock on the folder that holds it serialises builds on one output (no lock file is left).
//! - Files in the output that no build wrote (a `CNAME`, notes) are never deleted silently: the
//!   marker lists what the last build wrote, and a build refuses to replace a site holding other
//!   files unless they are kept (`[build] keep` in `book.toml`: carried into the new site) or the
//!   build is forced (`build --force`).
//! - Everything is written into a staging folder next to the output (same file system), which then
//!   takes the output's place in one step: `renameat2(RENAME_EXCHANGE)` on Linux; elsewhere two
//!   renames, and a build killed between them is repaired by the next one.
//! - Staging folders left by a killed build are removed by the next build; on SIGINT/SIGTERM the
//!   staging folder is removed at once (see [`crate::scratch`]).
//!
//! A failed build leaves the previous site untouched.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::scratch::{self, Scratch};

/// The file that marks a folder as a site built by this tool (and so safe to replace).
pub(crate) const MARKER: &str = ".referentiel-site";

const MARKER_TEXT: &str =
    "This folder is a site built by referentiel; the next build replaces it whole.\n";

/// The line after which the marker lists the files the build wrote, one a line.
const MANIFEST: &str = "Files written by the build:\n";

/// What a build does with the files of the output folder that the last build did not write.
#[derive(Clone, Debug, Default)]
pub(crate) struct Strangers {
    /// Paths relative to the site (a folder ends with `/`) carried into the new site.
    pub keep: Vec<String>,
    /// Delete the others rather than refuse.
    pub force: bool,
}

impl Strangers {
    fn kept(&self, rel: &str) -> bool {
        self.keep.iter().any(|k| {
            let k = k.trim_start_matches("./");
            rel == k.trim_end_matches('/') || (k.ends_with('/') && rel.starts_with(k))
        })
    }
}

/// Every file under `dir`, relative to it, with `/` between names (links are not followed).
fn files_under(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d)? {
            let e = e?;
            if e.file_type()?.is_dir() {
                stack.push(e.path());
            } else if let Ok(rel) = e.path().strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The files of the site at `out` that the build which wrote it did not write. A marker from
/// before the list was kept says nothing: then none.
fn strangers_in(out: &Path) -> io::Result<Vec<String>> {
    let Ok(marker) = fs::read_to_string(out.join(MARKER)) else { return Ok(Vec::new()) };
    let Some((_, list)) = marker.split_once(MANIFEST) else { return Ok(Vec::new()) };
    let written: std::collections::HashSet<&str> = list.lines().collect();
    Ok(files_under(out)?
        .into_iter()
        .filter(|f| f != MARKER && !written.contains(f.as_str()))
        .collect())
}

/// Pages and assets to write, by path relative to the site root. In memory (the default: for
/// `serve`, `export` and tests) every file is kept until published; streaming
/// ([`Files::streaming`], for `build`) every file goes to the staging folder as it is added,
/// and only its path, its size and its links are kept, so that memory does not grow with the
/// size of the site.
#[derive(Default)]
pub struct Files {
    /// In memory: every file with its bytes, in the order added. Streaming: empty.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// Every file added, in order, with its size (both ways).
    pub index: Vec<(PathBuf, usize)>,
    /// The links of the pages added, for [`super::links::check`].
    pub links: super::links::Links,
    staging: Option<std::sync::Arc<Staging>>,
}

impl Files {
    /// Files written into `staging` as they are added.
    pub(crate) fn streaming(staging: Staging) -> Files {
        Files { staging: Some(std::sync::Arc::new(staging)), ..Files::default() }
    }

    /// An empty set of files going to the same place as these (the same staging folder, or
    /// memory), for work done on another thread; [`Files::join`] takes them back in.
    pub(crate) fn fork(&self) -> Files {
        Files { staging: self.staging.clone(), links: self.links.like(), ..Files::default() }
    }

    /// These files, keeping the links between the pages whose paths `which` takes, for later
    /// ([`super::links::Links::take_targets`]).
    pub fn keeping_links(self, which: fn(&str) -> bool) -> Files {
        Files { links: super::links::Links::keeping_targets(which), ..self }
    }

    /// Take in the files of a [`Files::fork`], as if they had been added here now.
    pub fn join(&mut self, other: Files) {
        let first = self.index.len();
        self.links.absorb(other.links, first);
        self.index.extend(other.index);
        self.files.extend(other.files);
    }

    pub fn add(&mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        let (path, bytes) = (path.into(), bytes.into());
        if let Err(e) = self.add_checked(path, bytes) {
            // Kept for the end: `add` cannot fail for the in-memory outputs that call it.
            self.links.fail(e);
        }
    }

    fn add_checked(&mut self, path: PathBuf, bytes: Vec<u8>) -> Result<(), String> {
        let page = self.index.len();
        self.links.add_page(page, &path, &bytes)?;
        self.index.push((path.clone(), bytes.len()));
        match &self.staging {
            Some(s) => s.write(&path, &bytes).map_err(|e| {
                crate::words::build_folder::cannot_write(
                    &path.display().to_string(),
                    &e.to_string(),
                )
            }),
            None => {
                self.files.push((path, bytes));
                Ok(())
            }
        }
    }

    /// Add many files at once, written and scanned for links in parallel.
    pub(crate) fn add_all(&mut self, files: Vec<(String, String)>) {
        use rayon::prelude::*;
        let Some(staging) = &self.staging else {
            for (p, b) in files {
                self.add(p, b);
            }
            return;
        };
        let first = self.index.len();
        let scanned: Vec<Result<super::links::PageLinks, String>> = files
            .par_iter()
            .map(|(p, b)| {
                staging
                    .write(Path::new(p), b.as_bytes())
                    .map_err(|e| crate::words::build_folder::cannot_write(p, &e.to_string()))?;
                super::links::PageLinks::of(p, b.as_bytes())
            })
            .collect();
        for (i, ((p, b), links)) in files.into_iter().zip(scanned).enumerate() {
            match links {
                Ok(l) => self.links.merge(first + i, &p, l),
                Err(e) => self.links.fail(e),
            }
            self.index.push((PathBuf::from(p), b.len()));
        }
    }

    /// The path of file number `i`, from the site's root, with `/` between folders.
    pub fn path(&self, i: usize) -> String {
        self.index[i].0.to_string_lossy().replace('\\', "/")
    }

    pub(crate) fn total_bytes(&self) -> usize {
        self.index.iter().map(|(_, n)| n).sum()
    }

    /// The bytes of a file added, from memory or from the staging folder.
    pub fn read(&self, i: usize) -> io::Result<Vec<u8>> {
        match &self.staging {
            Some(s) => fs::read(s.path().join(&self.index[i].0)),
            None => Ok(self.files[i].1.clone()),
        }
    }

    /// The staging folder the files were streamed into, ready to publish.
    pub(crate) fn into_staging(self) -> Option<Staging> {
        self.staging.map(|s| std::sync::Arc::into_inner(s).expect("every fork of the files joined"))
    }
}

fn refuse(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, message)
}

/// `p` made absolute, with symbolic links resolved as far as the path exists and `.`/`..`
/// resolved by name beyond that.
pub fn resolve(p: &Path) -> io::Result<PathBuf> {
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir()?.join(p) };
    let mut existing = abs.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        match fs::canonicalize(&existing) {
            Ok(c) => {
                let mut out = c;
                for name in rest.iter().rev() {
                    match Path::new(name).components().next() {
                        Some(Component::ParentDir) => {
                            out.pop();
                        }
                        Some(Component::CurDir) | None => {}
                        _ => out.push(name),
                    }
                }
                return Ok(out);
            }
            Err(_) => {
                let Some(name) = existing.file_name().map(|n| n.to_os_string()) else {
                    // `..` at the end, or the root: step up by name.
                    rest.push(
                        existing
                            .components()
                            .next_back()
                            .map(|c| c.as_os_str().to_os_string())
                            .unwrap_or_default(),
                    );
                    if !existing.pop() {
                        return Ok(abs);
                    }
                    continue;
                };
                rest.push(name);
                if !existing.pop() {
                    return Ok(abs);
                }
            }
        }
    }
}

/// Refuse an output folder that would replace or hold the data, the configuration's folder or a
/// git repository. `data` is the data folder; `config_dir` the folder of `book.toml`, if any.
pub(crate) fn check_out(
    out: &Path,
    data: &Path,
    config_dir: Option<&Path>,
) -> Result<(), super::Error> {
    use super::Error;
    let o = resolve(out).map_err(|source| Error::ResolveOut { out: out.to_path_buf(), source })?;
    if o.parent().is_none() {
        return Err(Error::OutIsRoot(out.to_path_buf()));
    }
    let d = resolve(data).map_err(Error::ResolveData)?;
    if o == d || d.starts_with(&o) {
        return Err(Error::OutHoldsData { out: out.to_path_buf(), data: d });
    }
    if o.starts_with(&d) {
        return Err(Error::OutInData { out: out.to_path_buf(), data: d });
    }
    if let Some(c) = config_dir {
        let c = resolve(if c.as_os_str().is_empty() { Path::new(".") } else { c })
            .map_err(Error::ResolveConfig)?;
        if o == c || c.starts_with(&o) {
            return Err(Error::OutHoldsProject { out: out.to_path_buf(), project: c });
        }
    }
    if o.components().any(|c| c.as_os_str() == ".git") || o.join(".git").exists() {
        return Err(Error::OutInGit(out.to_path_buf()));
    }
    Ok(())
}

/// Is `dir` a site built by this tool? By its marker alone: a folder that only looks like a
/// site (a home page, a search script) may hold anything else.
fn is_our_site(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
}

/// May `out` be replaced? It must be absent, an empty folder, or a site of ours.
fn check_replaceable(out: &Path) -> io::Result<()> {
    let shown = out.display();
    let meta = match fs::symlink_metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
        Ok(m) => m,
    };
    if meta.file_type().is_symlink() {
        return Err(refuse(crate::words::build_folder::out_is_symlink(&shown.to_string())));
    }
    if !meta.is_dir() {
        return Err(refuse(crate::words::build_folder::out_is_file(&shown.to_string())));
    }
    if out.join(".git").exists() {
        return Err(refuse(crate::words::build_folder::out_holds_git(&shown.to_string())));
    }
    let empty = fs::read_dir(out)?.next().is_none();
    if !empty && !is_our_site(out) {
        return Err(refuse(crate::words::build_folder::out_not_ours(&shown.to_string(), MARKER)));
    }
    Ok(())
}

/// An exclusive lock on `path`, held until dropped.
struct Lock(#[allow(dead_code)] fs::File);

/// Lock the folder `dir` itself (`flock` on the folder): nothing is created, so a refused or
/// finished build leaves nothing behind.
fn lock(dir: &Path) -> io::Result<Lock> {
    let file = fs::File::open(dir)?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        loop {
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
                break;
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }
    Ok(Lock(file))
}

/// Swap two directories in one step; `Ok(false)` when the platform or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let ca = std::ffi::CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let cb = std::ffi::CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Is `path` a regular file (not a link) holding exactly `bytes`?
fn same_file_content(path: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|b| b == bytes)
        }
        _ => false,
    }
}

/// A new site being written next to `out`, in a staging folder on the same file system, under
/// the lock of `out`; [`Staging::commit`] puts it in the place of `out` in one step. Dropped
/// without a commit, it is removed and `out` stays as it was.
pub(crate) struct Staging {
    out: PathBuf,
    folder: Scratch,
    retired_prefix: String,
    /// The site being replaced: a file that reads the same there is linked, not written again.
    previous: Option<PathBuf>,
    /// Files of the previous site that no build wrote, carried into the new one (`[build] keep`).
    kept: Vec<String>,
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    /// When recorded ([`Staging::recording`]): the files written anew, not linked to the same
    /// file of the previous site.
    fresh: Option<std::sync::Mutex<Vec<String>>>,
    _lock: Lock,
}

impl Staging {
    /// Lock `out`, repair what a killed build left, check that `out` may be replaced and create
    /// the staging folder with its marker.
    pub(crate) fn begin(out: &Path, strangers: &Strangers) -> io::Result<Staging> {
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        let lock = lock(parent)?;
        let (staging_prefix, retired_prefix) =
            (format!(".{name}.staging-"), format!(".{name}.retired-"));
        // A build killed between the two renames of the fallback left the old site retired: put it back.
        if !out.exists()
            && let Ok(entries) = fs::read_dir(parent)
        {
            for e in entries.flatten() {
                let retired = e
                    .file_name()
                    .to_str()
                    .and_then(|n| scratch::pid_in(n, &retired_prefix))
                    .filter(|p| !scratch::alive(*p));
                if retired.is_some() && is_our_site(&e.path()) && fs::rename(e.path(), out).is_ok()
                {
                    break;
                }
            }
        }
        check_replaceable(out)?;
        let mut kept = Vec::new();
        if out.is_dir() {
            let found = strangers_in(out)?;
            let (keep, other): (Vec<String>, Vec<String>) =
                found.into_iter().partition(|f| strangers.kept(f));
            if !other.is_empty() && !strangers.force {
                let shown: Vec<&str> = other.iter().take(10).map(String::as_str).collect();
                return Err(refuse(crate::words::build_folder::strangers(
                    &out.display().to_string(),
                    other.len(),
                    &shown.join(", "),
                    shown[0],
                )));
            }
            kept = keep;
        }
        for prefix in [&staging_prefix, &retired_prefix] {
            scratch::remove_stale(parent, prefix, |p| {
                p.join(MARKER).is_file() || fs::read_dir(p).is_ok_and(|mut d| d.next().is_none())
            });
        }
        let folder =
            Scratch::register(parent.join(format!("{staging_prefix}{}", std::process::id())));
        let _ = fs::remove_dir_all(folder.path());
        fs::create_dir(folder.path())?;
        // The marker first: a staging folder left by a kill is recognisable as ours.
        fs::write(folder.path().join(MARKER), MARKER_TEXT)?;
        let previous = out.is_dir().then(|| out.to_path_buf());
        Ok(Staging {
            out: out.to_path_buf(),
            folder,
            retired_prefix,
            previous,
            kept,
            made: Default::default(),
            fresh: None,
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        self.folder.path()
    }

    /// Record the files that are not the same as in the previous site ([`Staging::fresh`]).
    pub(crate) fn recording(mut self) -> Staging {
        self.fresh = Some(Default::default());
        self
    }

    /// The files written so far that differ from the previous site's (or are new), when
    /// [`Staging::recording`]; paths relative to the site with `/`.
    pub fn fresh(&self) -> Vec<String> {
        self.fresh
            .as_ref()
            .map(|f| f.lock().unwrap_or_else(|e| e.into_inner()).clone())
            .unwrap_or_default()
    }

    /// Write one file (from any thread). A file that reads the same as in the previous site is
    /// a new link to it, not a new file: no inode to allocate, no bytes to write, and the old
    /// site's removal frees nothing of it.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> io::Result<()> {
        let path = self.folder.path().join(rel);
        // No signal cleanup runs while a file is written; it waits for the end of this one.
        scratch::writing(|| -> io::Result<()> {
            if let Some(dir) = path.parent() {
                let known = self.made.lock().unwrap_or_else(|e| e.into_inner()).contains(dir);
                if !known {
                    fs::create_dir_all(dir)?;
                    self.made.lock().unwrap_or_else(|e| e.into_inner()).insert(dir.to_path_buf());
                }
            }
            if let Some(old) = self.previous.as_ref().map(|o| o.join(rel))
                && same_file_content(&old, bytes)
                && fs::hard_link(&old, &path).is_ok()
            {
                return Ok(());
            }
            if let Some(fresh) = &self.fresh {
                let rel = rel.to_string_lossy().replace('\\', "/");
                fresh.lock().unwrap_or_else(|e| e.into_inner()).push(rel);
            }
            fs::write(&path, bytes)
        })
    }

    /// Put the staging folder in the place of `out`.
    pub fn commit(self) -> io::Result<()> {
        // The old site, when swapped out in one step, is removed here.
        self.swap().map(drop)
    }

    /// [`Staging::commit`], handing back the old site when it was swapped out in one step: it is
    /// removed when the guard drops (`serve` drops it once it no longer blocks anyone).
    pub(crate) fn swap(self) -> io::Result<Option<Scratch>> {
        // The marker lists what this build wrote; then the kept files join them, unlisted.
        let written = files_under(self.folder.path())?;
        let mut marker = format!("{MARKER_TEXT}{MANIFEST}");
        for f in written.iter().filter(|f| *f != MARKER) {
            marker.push_str(f);
            marker.push('\n');
        }
        fs::write(self.folder.path().join(MARKER), marker)?;
        if let Some(previous) = &self.previous {
            for rel in self.kept.iter().filter(|k| !written.contains(k)) {
                let to = self.folder.path().join(rel);
                if let Some(dir) = to.parent() {
                    fs::create_dir_all(dir)?;
                }
                if fs::hard_link(previous.join(rel), &to).is_err() {
                    fs::copy(previous.join(rel), &to)?;
                }
            }
        }
        let Staging { out, folder, retired_prefix, .. } = self;
        let out = out.as_path();
        if !out.exists() {
            scratch::uninterrupted(|| fs::rename(folder.path(), out))?;
            folder.keep();
            return Ok(None);
        }
        // The staging folder takes the old site's place; the old site, now under the staging
        // name, is removed when `folder` drops.
        if scratch::uninterrupted(|| exchange(folder.path(), out))? {
            return Ok(Some(folder));
        }
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let retired = parent.join(format!("{retired_prefix}{}", std::process::id()));
        scratch::uninterrupted(|| -> io::Result<()> {
            fs::rename(out, &retired)?;
            if let Err(e) = fs::rename(folder.path(), out) {
                fs::rename(&retired, out)?;
                return Err(e);
            }
            Ok(())
        })?;
        folder.keep();
        fs::remove_dir_all(&retired).map(|()| None)
    }
}

/// Replace one file of a published site (`serve`'s pages rendered after an edit): written beside
/// it, then renamed over it, so that a reader sees the old file or the new one, and a file the
/// previous site shares by a link is left as it was.
pub(crate) fn replace_file(site: &Path, rel: &str, bytes: &[u8]) -> io::Result<()> {
    let path = site.join(rel);
    let dir = path.parent().unwrap_or(site);
    fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{name}.new-{}", std::process::id()));
    scratch::writing(|| fs::write(&temp, bytes))?;
    scratch::uninterrupted(|| fs::rename(&temp, &path)).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// Write `files` (kept in memory) as the new content of `out`.
pub fn publish(out: &Path, files: &Files) -> io::Result<()> {
    let staging = Staging::begin(out, &Strangers::default())?;
    for (rel, bytes) in &files.files {
        staging.write(rel, bytes)?;
    }
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("referentiel-out-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn publish_replaces_the_whole_site() {
        let dir = temp("replace");
        let out = dir.join("site");
        let mut a = Files::default();
        a.add("old.html", "old");
        publish(&out, &a).unwrap();
        let mut b = Files::default();
        b.add("sub/new.html", "new");
        publish(&out, &b).unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read_to_string(out.join("sub/new.html")).unwrap(), "new");
        assert!(out.join(MARKER).is_file());
        let left: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(left, ["site"], "only the site: no staging folder, no lock file");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn an_unchanged_file_is_kept_and_a_changed_one_rewritten() {
        use std::os::unix::fs::MetadataExt;
        let dir = temp("reuse");
        let out = dir.join("site");
        let mut a = Files::default();
        a.add("same.html", "same");
        a.add("sub/changed.html", "before");
        publish(&out, &a).unwrap();
        let inode = fs::metadata(out.join("same.html")).unwrap().ino();
        let mut b = Files::default();
        b.add("same.html", "same");
        b.add("sub/changed.html", "after!");
        publish(&out, &b).unwrap();
        assert_eq!(
            fs::metadata(out.join("same.html")).unwrap().ino(),
            inode,
            "the unchanged file is the same file"
        );
        assert_eq!(fs::read_to_string(out.join("same.html")).unwrap(), "same");
        assert_eq!(fs::read_to_string(out.join("sub/changed.html")).unwrap(), "after!");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn files_made_on_another_thread_join_as_if_added_last() {
        let mut main = Files::default();
        main.add("a.html", r#"<a href="b.html">b</a>"#);
        let mut fork = main.fork();
        let made = std::thread::spawn(move || {
            fork.add("b.html", r#"<a href="missing.html">?</a>"#);
            fork
        });
        main.add("c.html", r#"<a href="a.html">a</a>"#);
        main.join(made.join().unwrap());
        let paths: Vec<_> =
            main.index.iter().map(|(p, _)| p.to_string_lossy().into_owned()).collect();
        assert_eq!(paths, ["a.html", "c.html", "b.html"]);
        assert_eq!(main.read(2).unwrap(), br#"<a href="missing.html">?</a>"#);
        let err = super::super::links::check(&main).unwrap_err();
        assert!(
            err.contains("b.html") && err.contains("missing.html"),
            "the broken link is the joined page's: {err}"
        );
    }

    #[test]
    fn a_folder_that_is_not_a_site_is_not_replaced() {
        let dir = temp("foreign");
        let out = dir.join("notes");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("mine.txt"), "keep me").unwrap();
        let err = publish(&out, &Files::default()).unwrap_err();
        assert!(
            err.to_string()
                .contains("n’est pas vide et n’est pas un site construit par referentiel"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(out.join("mine.txt")).unwrap(), "keep me");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn paths_resolve_beyond_what_exists() {
        let dir = temp("resolve");
        let real = fs::canonicalize(&dir).unwrap();
        assert_eq!(resolve(&dir.join("a/b/../c")).unwrap(), real.join("a/c"));
        assert_eq!(resolve(&dir.join("a/..")).unwrap(), real);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_output_may_not_hold_or_be_the_data() {
        use crate::build::Error;
        let dir = temp("guard");
        let data = dir.join("data");
        fs::create_dir_all(&data).unwrap();
        let err = check_out(&data, &data, None).unwrap_err();
        assert!(matches!(err, Error::OutHoldsData { .. }), "{err}");
        assert!(err.to_string().contains("est ou contient le dossier de données"), "{err}");
        assert!(matches!(check_out(&dir, &data, None), Err(Error::OutHoldsData { .. })));
        let err = check_out(&data.join("site"), &data, None).unwrap_err();
        assert!(matches!(err, Error::OutInData { .. }), "{err}");
        assert!(err.to_string().contains("est dans le dossier de données"), "{err}");
        assert!(check_out(&dir.join("site"), &data, Some(&dir)).is_ok());
        let err = check_out(&dir, Path::new("/nonexistent/data"), Some(&dir)).unwrap_err();
        assert!(matches!(err, Error::OutHoldsProject { .. }), "{err}");
        assert!(err.to_string().contains("dossier du projet"), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
