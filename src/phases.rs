//! Phase timings of a build (wall and CPU time), for `referentiel build --timings` and the
//! benchmarks: each phase is recorded as it ends, in a process-wide list read with [`take`].
//!
//! Phase boundaries are also where a build can be abandoned: a thread that runs under a
//! [`Cancel`] ([`Cancel::enter`]) stops at the next phase that starts (or [`checkpoint`]) once the
//! cancel says so, by unwinding with a [`Cancelled`] payload that the owner of the build catches
//! ([`Cancel::run`]). `serve` uses it so that a newer save supersedes a rebuild under way.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One finished phase.
#[derive(Clone, Debug)]
pub struct Phase {
    pub name: String,
    pub wall: Duration,
    /// User and system CPU time of the whole process (every thread) during the phase.
    pub user: Duration,
    pub system: Duration,
    /// Resident memory when the phase ended, in bytes (0 where the system does not say).
    pub resident: u64,
    /// The peak resident memory of the process when the phase ended (`VmHWM`), in bytes.
    pub peak: u64,
}

static DONE: Mutex<Vec<Phase>> = Mutex::new(Vec::new());

/// The process's user and system CPU time so far.
pub fn cpu() -> (Duration, Duration) {
    #[cfg(unix)]
    {
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } == 0 {
            let d = |t: libc::timeval| {
                Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
            };
            return (d(u.ru_utime), d(u.ru_stime));
        }
    }
    (Duration::ZERO, Duration::ZERO)
}

/// A phase under way; recorded when [`Timer::end`] is called.
pub struct Timer {
    name: String,
    start: Instant,
    cpu: (Duration, Duration),
}

/// Start timing the phase `name` (a thread under a [`Cancel`] that says stop unwinds here).
pub fn start(name: impl Into<String>) -> Timer {
    checkpoint();
    Timer { name: name.into(), start: Instant::now(), cpu: cpu() }
}

/// Why a cancelled build unwinds: the payload [`Cancel::run`] recognises.
#[derive(Debug)]
pub struct Cancelled;

/// When the work of the threads that [`Cancel::enter`] it is no longer wanted (a newer save came).
#[derive(Clone)]
pub struct Cancel(std::sync::Arc<dyn Fn() -> bool + Send + Sync>);

thread_local! {
    static CURRENT: std::cell::RefCell<Option<Cancel>> = const { std::cell::RefCell::new(None) };
}

/// Restores the thread's previous [`Cancel`] when dropped.
pub struct Entered(Option<Cancel>);

impl Drop for Entered {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

impl Cancel {
    /// A cancel that says stop once `stop` returns true.
    pub fn new(stop: impl Fn() -> bool + Send + Sync + 'static) -> Cancel {
        Cancel(std::sync::Arc::new(stop))
    }

    /// The cancel of the current thread, to hand to the threads it starts.
    pub fn current() -> Option<Cancel> {
        CURRENT.with(|c| c.borrow().clone())
    }

    /// Put this thread under this cancel until the guard drops.
    pub fn enter(&self) -> Entered {
        Entered(CURRENT.with(|c| c.borrow_mut().replace(self.clone())))
    }

    /// Does it say stop?
    pub fn stopped(&self) -> bool {
        (self.0)()
    }

    /// Run `f` under this cancel: `None` when it was cancelled at a phase boundary (any other
    /// panic goes on).
    pub fn run<T>(&self, f: impl FnOnce() -> T) -> Option<T> {
        let _entered = self.enter();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
            Ok(v) => Some(v),
            Err(payload) if payload.is::<Cancelled>() => None,
            Err(payload) => std::panic::resume_unwind(payload),
        }
    }
}

/// Stop here if the current thread's [`Cancel`] says so: unwind with [`Cancelled`], which does
/// not run the panic hook (nothing is printed).
pub fn checkpoint() {
    if CURRENT.with(|c| c.borrow().as_ref().is_some_and(Cancel::stopped)) {
        std::panic::resume_unwind(Box::new(Cancelled));
    }
}

impl Timer {
    pub fn end(self) {
        let (u, s) = cpu();
        let p = Phase {
            name: self.name,
            wall: self.start.elapsed(),
            user: u.saturating_sub(self.cpu.0),
            system: s.saturating_sub(self.cpu.1),
            resident: status_kb("VmRSS:").unwrap_or(0) * 1024,
            peak: peak_memory().unwrap_or(0),
        };
        DONE.lock().unwrap_or_else(|e| e.into_inner()).push(p);
    }
}

/// Time `f` as the phase `name`.
pub fn time<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let t = start(name);
    let r = f();
    t.end();
    r
}

/// The phases recorded since the last call, in the order they ended.
pub fn take() -> Vec<Phase> {
    std::mem::take(&mut *DONE.lock().unwrap_or_else(|e| e.into_inner()))
}

/// The peak resident memory of the process so far, in bytes (`VmHWM`), where the system says.
pub fn peak_memory() -> Option<u64> {
    status_kb("VmHWM:").map(|kb| kb * 1024)
}

/// A figure of `/proc/self/status`, in kB.
fn status_kb(key: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
