//! Phase timings of a build (wall and CPU time), for `referentiel build --timings` and the
//! benchmarks: each phase is recorded as it ends, in a process-wide list read with [`take`].
//!
//! Phases overlap (the outputs run on threads of their own), so the process's CPU time during a
//! phase says little of the phase itself. Each phase also records its own CPU time: that of the
//! thread it ran on, less the phases nested in it on that thread ([`Phase::own`]). Summed over
//! every phase, the own times plus [`unattributed`] (the threads of the shared pool, which work
//! for whichever phase asks) make the process's CPU time: the table adds up.
//!
//! Phase boundaries are also where a build can be abandoned: a thread that runs under a
//! [`Cancel`] ([`Cancel::enter`]) stops at the next phase that starts (or [`checkpoint`]) once the
//! cancel says so (except where it holds the cancel off: [`Cancel::hold`]), by unwinding with a
//! [`Cancelled`] payload that the owner of the build catches ([`Cancel::run`]). `serve` uses it
//! so that a newer save supersedes a rebuild under way.

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
    /// The phase's own CPU time (user and system): that of the thread it ran on, less the phases
    /// nested in it on that thread; work it handed to the shared pool is not in it.
    pub own: Duration,
    /// How many phases it is nested in, on its thread.
    pub depth: usize,
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

/// The current thread's CPU time (user and system) so far.
pub(crate) fn thread_cpu() -> Duration {
    #[cfg(unix)]
    {
        let mut t: libc::timespec = unsafe { std::mem::zeroed() };
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
            return Duration::new(t.tv_sec as u64, t.tv_nsec as u32);
        }
    }
    Duration::ZERO
}

thread_local! {
    /// For each phase open on this thread, innermost last: the CPU time of the phases that
    /// ended nested in it.
    static OPEN: std::cell::RefCell<Vec<Duration>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The CPU time of the phases that ran on some thread and that no phase of their thread holds,
/// summed so far: with the phases' own times it makes the process's.
static ATTRIBUTED: Mutex<Duration> = Mutex::new(Duration::ZERO);

/// The process's CPU time (user and system) that no phase holds as its own, from `since` (the
/// process's [`cpu`] when the phases counted began) to now: the shared pool's threads and the
/// time outside any phase.
pub fn unattributed(since: (Duration, Duration)) -> Duration {
    let (u, s) = cpu();
    let total = (u + s).saturating_sub(since.0 + since.1);
    total.saturating_sub(*ATTRIBUTED.lock().unwrap_or_else(|e| e.into_inner()))
}

/// A phase under way; recorded when [`Timer::end`] is called (dropped without it, as when a
/// cancelled build unwinds, it is forgotten).
pub struct Timer {
    name: String,
    start: Instant,
    cpu: (Duration, Duration),
    thread: Duration,
    open: bool,
}

/// Start timing the phase `name` (a thread under a [`Cancel`] that says stop unwinds here).
pub fn start(name: impl Into<String>) -> Timer {
    checkpoint();
    OPEN.with(|o| o.borrow_mut().push(Duration::ZERO));
    Timer { name: name.into(), start: Instant::now(), cpu: cpu(), thread: thread_cpu(), open: true }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if self.open {
            OPEN.with(|o| o.borrow_mut().pop());
        }
    }
}

/// Why a cancelled build unwinds: the payload [`Cancel::run`] recognises.
#[derive(Debug)]
pub(crate) struct Cancelled;

/// When the work of the threads that [`Cancel::enter`] it is no longer wanted (a newer save came).
#[derive(Clone)]
pub struct Cancel(std::sync::Arc<dyn Fn() -> bool + Send + Sync>);

thread_local! {
    static CURRENT: std::cell::RefCell<Option<Cancel>> = const { std::cell::RefCell::new(None) };
}

/// Restores the thread's previous [`Cancel`] when dropped.
pub(crate) struct Entered(Option<Cancel>);

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
    pub(crate) fn current() -> Option<Cancel> {
        CURRENT.with(|c| c.borrow().clone())
    }

    /// Put this thread under this cancel until the guard drops.
    pub(crate) fn enter(&self) -> Entered {
        Entered(CURRENT.with(|c| c.borrow_mut().replace(self.clone())))
    }

    /// Put this thread under no cancel until the guard drops: for work that must end once begun
    /// (what it takes apart would not be put back if it stopped half-way).
    pub(crate) fn hold() -> Entered {
        Entered(CURRENT.with(|c| c.borrow_mut().take()))
    }

    /// Does it say stop?
    pub(crate) fn stopped(&self) -> bool {
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
pub(crate) fn checkpoint() {
    if CURRENT.with(|c| c.borrow().as_ref().is_some_and(Cancel::stopped)) {
        std::panic::resume_unwind(Box::new(Cancelled));
    }
}

impl Timer {
    pub fn end(mut self) {
        let (u, s) = cpu();
        let spent = thread_cpu().saturating_sub(self.thread);
        self.open = false;
        let (nested, depth) = OPEN.with(|o| {
            let mut o = o.borrow_mut();
            let nested = o.pop().unwrap_or_default();
            match o.last_mut() {
                Some(parent) => *parent += spent,
                None => *ATTRIBUTED.lock().unwrap_or_else(|e| e.into_inner()) += spent,
            }
            (nested, o.len())
        });
        let p = Phase {
            name: std::mem::take(&mut self.name),
            wall: self.start.elapsed(),
            user: u.saturating_sub(self.cpu.0),
            system: s.saturating_sub(self.cpu.1),
            own: spent.saturating_sub(nested),
            depth,
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

/// The phases recorded since the last call, in the order they ended; [`unattributed`] counts
/// from here again.
pub fn take() -> Vec<Phase> {
    *ATTRIBUTED.lock().unwrap_or_else(|e| e.into_inner()) = Duration::ZERO;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_run_stops_at_the_next_phase_and_leaves_the_thread_clean() {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        let cancel = Cancel::new(move || flag.load(std::sync::atomic::Ordering::SeqCst));
        let mut reached = Vec::new();
        let done = cancel.run(|| {
            time("first", || reached.push(1));
            let _outer = start("outer");
            stop.store(true, std::sync::atomic::Ordering::SeqCst);
            time("second", || reached.push(2));
        });
        assert_eq!(done, None, "cancelled");
        assert_eq!(reached, [1], "nothing past the phase boundary ran");
        assert!(Cancel::current().is_none(), "the thread is no longer under the cancel");
        assert!(OPEN.with(|o| o.borrow().is_empty()), "the unwound phases are closed");
        assert_eq!(cancel.run(|| 3), Some(3), "work with no phase boundary is not stopped");
        assert_eq!(cancel.run(|| time("third", || 3)), None, "still cancelled");
        stop.store(false, std::sync::atomic::Ordering::SeqCst);
        assert_eq!(cancel.run(|| time("third", || 3)), Some(3));
        // Held work ends, then the cancel applies again.
        let mut reached = Vec::new();
        let done = cancel.run(|| {
            {
                let _held = Cancel::hold();
                stop.store(true, std::sync::atomic::Ordering::SeqCst);
                time("held", || reached.push(1));
            }
            time("after", || reached.push(2));
        });
        assert_eq!((done, reached), (None, vec![1]), "the held phase ran, the next did not");
    }

    #[test]
    fn a_nested_phase_is_not_counted_twice() {
        let outer = start("outer (test)");
        let burn = |d: Duration| {
            let t = thread_cpu();
            while thread_cpu() - t < d {
                std::hint::black_box(0);
            }
        };
        burn(Duration::from_millis(20));
        time("inner (test)", || burn(Duration::from_millis(30)));
        outer.end();
        let done = DONE.lock().unwrap().clone();
        let inner = done.iter().find(|p| p.name == "inner (test)").unwrap();
        let outer = done.iter().find(|p| p.name == "outer (test)").unwrap();
        assert_eq!((inner.depth, outer.depth), (1, 0));
        assert!(inner.own >= Duration::from_millis(30));
        assert!(outer.own >= Duration::from_millis(20));
        assert!(
            outer.own < Duration::from_millis(20) + inner.own,
            "the outer phase's own time leaves out the inner one's: {outer:?} {inner:?}"
        );
    }
}
