//! Temporary folders of ours (a site being staged, a git revision exported for a diff): each is
//! registered while it exists and removed when its guard drops, when the process gets SIGINT,
//! SIGTERM or SIGHUP, or — after a kill that left no chance — by a later run, which recognises
//! it by its name ending in the PID of a process that no longer exists.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, RwLock};

static REGISTRY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Held shared by threads writing into a registered folder, and exclusively by the signal
/// cleanup: files are written in parallel, and never into a folder being removed.
static WRITING: RwLock<()> = RwLock::new(());

fn registry() -> MutexGuard<'static, Vec<PathBuf>> {
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// A registered temporary folder, removed when dropped (unless [`Scratch::keep`] was called).
pub struct Scratch {
    path: PathBuf,
    keep: bool,
}

impl Scratch {
    /// Register `path` (a folder about to be created) for removal.
    pub(crate) fn register(path: PathBuf) -> Scratch {
        install_handlers();
        registry().push(path.clone());
        Scratch { path, keep: false }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder has become something to keep (it was renamed into place): forget it.
    pub fn keep(mut self) {
        self.keep = true;
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let mut reg = registry();
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
        reg.retain(|p| *p != self.path);
    }
}

/// Run `f` while no signal cleanup can run: for renames that must not interleave with a removal.
pub(crate) fn uninterrupted<R>(f: impl FnOnce() -> R) -> R {
    let _writing = WRITING.write().unwrap_or_else(|e| e.into_inner());
    let _reg = registry();
    f()
}

/// Run `f` (the writing of one file into a registered folder) while no signal cleanup can run;
/// other threads may write at the same time.
pub(crate) fn writing<R>(f: impl FnOnce() -> R) -> R {
    let _writing = WRITING.read().unwrap_or_else(|e| e.into_inner());
    f()
}

/// Is a process with this id running (on this machine)?
pub fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
        if pid <= 0 {
            return false;
        }
        // Signal 0 checks existence; EPERM means it exists but is someone else's.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true // cannot tell: never remove
    }
}

/// The PID in a name `<prefix><pid>` or `<prefix><pid>-<n>`, if the name has exactly that form.
pub(crate) fn pid_in(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?;
    let (pid, n) = match rest.split_once('-') {
        Some((p, n)) => (p, Some(n)),
        None => (rest, None),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || n.is_some_and(|n| !digits(n)) {
        return None;
    }
    pid.parse().ok()
}

/// Remove the folders in `dir` named `<prefix><pid>[-<n>]` whose process is gone and for which
/// `ours` holds; returns how many were removed.
pub(crate) fn remove_stale(dir: &Path, prefix: &str, ours: impl Fn(&Path) -> bool) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(|n| pid_in(n, prefix)) else { continue };
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && !alive(pid) && ours(&e.path()) && std::fs::remove_dir_all(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(unix)]
static SIGNAL_FD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);

#[cfg(unix)]
extern "C" fn on_signal(sig: libc::c_int) {
    // Only async-signal-safe work here: hand the signal to the cleanup thread.
    let fd = SIGNAL_FD.load(std::sync::atomic::Ordering::Relaxed);
    let b = sig as u8;
    unsafe {
        libc::write(fd, (&b as *const u8).cast(), 1);
    }
}

/// On SIGINT, SIGTERM or SIGHUP: remove every registered folder, then die of the same signal.
fn install_handlers() {
    static ONCE: Once = Once::new();
    #[cfg(unix)]
    ONCE.call_once(|| {
        let mut fds = [0 as libc::c_int; 2];
        if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
            return;
        }
        SIGNAL_FD.store(fds[1], std::sync::atomic::Ordering::Relaxed);
        let read_fd = fds[0];
        let spawned = std::thread::Builder::new().name("scratch-cleanup".into()).spawn(move || {
            let mut b = 0u8;
            let n = unsafe { libc::read(read_fd, (&mut b as *mut u8).cast(), 1) };
            if n != 1 {
                return;
            }
            let _writing = WRITING.write().unwrap_or_else(|e| e.into_inner());
            let reg = registry();
            for p in reg.iter() {
                let _ = std::fs::remove_dir_all(p);
            }
            unsafe {
                libc::signal(b as libc::c_int, libc::SIG_DFL);
                libc::raise(b as libc::c_int);
            }
            std::process::exit(128 + b as i32);
        });
        if spawned.is_err() {
            return;
        }
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            unsafe {
                libc::signal(sig, on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t);
            }
        }
    });
    #[cfg(not(unix))]
    ONCE.call_once(|| {});
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pids_are_read_from_exact_names_only() {
        assert_eq!(pid_in(".site.staging-123", ".site.staging-"), Some(123));
        assert_eq!(pid_in("referentiel-diff-42-7", "referentiel-diff-"), Some(42));
        assert_eq!(pid_in("referentiel-diff-42-x", "referentiel-diff-"), None);
        assert_eq!(pid_in(".site.staging-", ".site.staging-"), None);
        assert_eq!(pid_in("site", ".site.staging-"), None);
    }

    #[test]
    fn this_process_is_alive_and_an_impossible_pid_is_not() {
        assert!(alive(std::process::id()));
        assert!(!alive(999_999_999));
    }
}
