//! Phase timings of a build (wall and CPU time), for `referentiel build --timings` and the
//! benchmarks: each phase is recorded as it ends, in a process-wide list read with [`take`].

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

/// Start timing the phase `name`.
pub fn start(name: impl Into<String>) -> Timer {
    Timer { name: name.into(), start: Instant::now(), cpu: cpu() }
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
