//! Benchmark of `referentiel serve` on the synthetic corpora of the scale benchmark (×1 is a copy
//! of `data/`), at ×1, ×4, ×16 and ×64 by default (`cargo bench --bench serve -- 1 4` for others).
//!
//! For each size, against `referentiel build` of the same data:
//! - start: from launching `serve` to its « site servi sur » line (the first site built), wall and CPU
//!   time, beside the build's (on a shared machine the CPU time is the steadier figure);
//! - peak memory of `serve` (`VmHWM`, read from `/proc` until it stops, after every measure
//!   below and their full rebuilds) beside the build's;
//! - one edit: the time from saving a data file (a note of critère CP1 of NTC 2018) to the page,
//!   fetched again after the WebSocket's reload message, showing the change (median of a few);
//! - a second save 0.3 s after another: the time from the second save to its page (median);
//! - the full rebuild that follows an edit (the server's own account).
//!
//! Prints each figure; asserts nothing. Builds the release binary first.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[path = "common/synthetic.rs"]
mod synthetic;

const BIN: &str = "target/release/referentiel";
const FILE: &str = "certifications/ntc-2018/elements.yaml";
const ANCHOR: &str = "    note: Critère d’évaluation du référentiel d’évaluation (§3.2).";
const PAGE: &str = "/c/ntc-2018/e/cp1-cr1.html";

fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

/// A status figure of a running process, in kB.
fn status_kb(pid: u32, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines().find(|l| l.starts_with(key))?.split_whitespace().nth(1)?.parse().ok()
}

/// Wait for `child` to end: its CPU time (user and system, s) and peak memory (MiB).
fn wait_cpu_peak(child: &Child) -> (f64, u64) {
    let mut status = 0;
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut u) };
    let s = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (s(u.ru_utime) + s(u.ru_stime), u.ru_maxrss as u64 / 1024)
}

/// The CPU time (user and system, s) of a running process so far.
fn cpu_so_far(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The fields after the command's name (which is in parentheses): utime and stime are the
    // 12th and 13th, in clock ticks.
    let rest = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
    let f: Vec<f64> = rest.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    (f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / tick
}

/// The system's load average over 1, 5 and 15 minutes.
fn load_average() -> String {
    let s = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

struct Served {
    child: Child,
    port: u16,
    ws: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    /// The server's log lines, as they come.
    log: mpsc::Receiver<String>,
    /// The phases of the quick passes seen so far (`--verbose`).
    phases: Vec<String>,
}

impl Served {
    /// Wait until the page shows `marker`: the instant it did.
    fn shown(&mut self, marker: &str) -> Instant {
        loop {
            let m = self.ws.read().unwrap();
            let v: serde_json::Value = serde_json::from_str(m.to_text().unwrap()).unwrap();
            if v["errors"].is_null() && get(self.port, PAGE).contains(marker) {
                return Instant::now();
            }
        }
    }

    /// Wait for the end of the full rebuild under way: its time in ms.
    fn rebuilt(&mut self) -> Option<u64> {
        loop {
            let l = self.log.recv_timeout(Duration::from_secs(1800)).ok()?;
            if l.starts_with("quick phases") {
                self.phases.push(l.clone());
            }
            if let Some(ms) = l.strip_prefix("reconstruction complète en ") {
                return ms.trim_end_matches(" ms").parse().ok();
            }
        }
    }
}

fn edited(original: &str, marker: &str) -> String {
    let e = original.replacen(ANCHOR, &format!("{ANCHOR} {marker} —"), 1);
    assert_ne!(e, original, "{FILE} holds {ANCHOR:?}");
    e
}

fn main() {
    let args: Vec<String> =
        std::env::args().skip(1).filter(|a| !a.starts_with("--bench")).collect();
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![1, 4, 16, 64];
    }
    // `REFERENTIEL_BIN` names a binary built earlier (to measure one while the sources change).
    let bin = std::env::var("REFERENTIEL_BIN").unwrap_or_else(|_| {
        let status =
            Command::new("cargo").args(["build", "--release", "--quiet"]).status().expect("cargo");
        assert!(status.success());
        BIN.to_string()
    });
    let bin = bin.as_str();
    let root = std::env::temp_dir().join(format!("referentiel-bench-serve-{}", std::process::id()));
    println!("serve benchmark ({} threads)", std::thread::available_parallelism().unwrap());
    for n in sizes {
        let _ = std::fs::remove_dir_all(&root);
        let data = synthetic::synthetic(Path::new("data"), n, &root);
        let book = root.join("book.toml");
        std::fs::write(&book, std::fs::read_to_string("book.toml").unwrap()).unwrap();
        let config = book.to_string_lossy().into_owned();

        let t = Instant::now();
        #[expect(
            clippy::zombie_processes,
            reason = "reaped by wait4, which gives its CPU and peak"
        )]
        let build = Command::new(bin)
            .args(["--config", &config, "build", "--out"])
            .arg(root.join("site"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (build_cpu, build_peak) = wait_cpu_peak(&build);
        let build_wall = t.elapsed();
        let _ = std::fs::remove_dir_all(root.join("site"));

        let t = Instant::now();
        let mut child = Command::new(bin)
            .args(["--verbose", "--config", &config, "serve", "--port", "0"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let mut cold = String::new();
        let port: u16 = loop {
            let l = lines.next().unwrap().unwrap();
            if l.starts_with("quick phases") {
                cold = l.clone();
            }
            if let Some(rest) = l.strip_prefix("site servi sur http://127.0.0.1:") {
                break rest.split('/').next().unwrap().parse().unwrap();
            }
        };
        let (start, start_cpu) = (t.elapsed(), cpu_so_far(child.id()));
        let (tx, log) = mpsc::channel();
        std::thread::spawn(move || {
            for l in lines.map_while(Result::ok) {
                if tx.send(l).is_err() {
                    break;
                }
            }
        });
        let (mut ws, _) =
            tungstenite::connect(format!("ws://127.0.0.1:{port}/__livereload")).unwrap();
        ws.read().unwrap();
        let mut s = Served { child, port, ws, log, phases: Vec::new() };
        let file = data.join(FILE);
        let original = std::fs::read_to_string(&file).unwrap();
        let rounds = if n <= 4 {
            5
        } else if n <= 16 {
            3
        } else {
            1
        };
        let (mut one, mut second, mut full) = (Vec::new(), Vec::new(), Vec::new());
        // The server's CPU time from a save to its page shown (the quick pass's, all threads).
        let mut one_cpu = Vec::new();
        let mut loads = Vec::new();
        for i in 0..rounds {
            let marker = format!("Mesure {i}");
            let cpu = cpu_so_far(s.child.id());
            let t = Instant::now();
            std::fs::write(&file, edited(&original, &marker)).unwrap();
            one.push(s.shown(&marker) - t);
            one_cpu.push(Duration::from_secs_f64(cpu_so_far(s.child.id()) - cpu));
            loads.push(load_average());
            full.extend(s.rebuilt().map(Duration::from_millis));
        }
        for i in 0..rounds {
            let (a, b) = (format!("Première {i}"), format!("Seconde {i}"));
            std::fs::write(&file, edited(&original, &a)).unwrap();
            std::thread::sleep(Duration::from_millis(300));
            let t = Instant::now();
            std::fs::write(&file, edited(&original, &b)).unwrap();
            second.push(s.shown(&b) - t);
            s.rebuilt();
        }
        let peak = status_kb(s.child.id(), "VmHWM:").unwrap_or(0) / 1024;
        // As Ctrl-C stops it: it removes its private folder.
        #[cfg(unix)]
        unsafe {
            libc::kill(s.child.id() as libc::pid_t, libc::SIGTERM)
        };
        #[cfg(not(unix))]
        let _ = s.child.kill();
        let _ = s.child.wait();
        let show = |v: &[Duration]| {
            v.iter().map(|d| format!("{:.0}", d.as_secs_f64() * 1e3)).collect::<Vec<_>>().join(" ")
        };
        println!("\n×{n}:");
        println!(
            "  build: wall {:.1} s, CPU {build_cpu:.1} s, peak memory {build_peak} MiB",
            build_wall.as_secs_f64()
        );
        println!(
            "  serve: start {:.1} s ({:.2}× the build's wall), CPU {start_cpu:.1} s ({:.2}× the build's), peak memory {peak} MiB ({:.2}× the build's)",
            start.as_secs_f64(),
            start.as_secs_f64() / build_wall.as_secs_f64(),
            start_cpu / build_cpu.max(0.01),
            peak as f64 / build_peak.max(1) as f64
        );
        println!(
            "  one edit → page shown: median {:.0} ms (ms: {})",
            median(one.clone()).as_secs_f64() * 1e3,
            show(&one)
        );
        println!(
            "  one edit, the server's CPU time until shown: median {:.0} ms (ms: {}; load average at each: {})",
            median(one_cpu.clone()).as_secs_f64() * 1e3,
            show(&one_cpu),
            loads.join(" | ")
        );
        println!(
            "  a save 0.3 s after another → its page shown: median {:.0} ms (ms: {})",
            median(second.clone()).as_secs_f64() * 1e3,
            show(&second)
        );
        println!("  the full rebuild after an edit: median {:.1} s", median(full).as_secs_f64());
        println!("  load average at the end: {}", load_average());
        println!("  start, the first check: {cold}");
        // The quick passes of the single edits (the first `rounds`), phase by phase.
        for l in s.phases.iter().take(rounds) {
            println!("  {l}");
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}
