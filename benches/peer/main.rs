//! Peer benchmark: our full build of `data/` against Hugo's build of the same content.
//!
//! Builds the site once, turns it into a Hugo project (`hugo.rs`: one content page per page, at
//! the same address, the page shell rebuilt by Go templates, every other file as a static file),
//! then runs, alternating, `runs` times each (5 by default):
//!
//! - ours, fresh: `referentiel build --out DIR` into a folder that does not exist;
//! - ours, existing: the same into the folder of the previous build (what `build` usually does);
//! - Hugo, fresh: `hugo --quiet -s PROJECT -d DIR` into a folder that does not exist;
//! - Hugo, existing: the same over its previous output.
//!
//! Each run is a child process, measured alone: wall time, user and system CPU time and peak
//! resident memory (`wait4`), bytes the process wrote (`write_bytes` of `/proc/PID/io`: what it
//! gave the file system to store), pages (HTML files) and bytes in the output. Prints medians;
//! asserts nothing. Outputs go under `target/peer/` (the disk the site is built on).
//!
//! Run with `cargo bench --bench peer` (`-- --runs N`, `--hugo PATH`, `--keep` to keep the
//! project and outputs).

mod hugo;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[derive(Clone, Copy, Default)]
struct Run {
    wall: f64,
    user: f64,
    system: f64,
    peak_kib: u64,
    written: Option<u64>,
    pages: usize,
    bytes: u64,
}

fn tv(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

/// `write_bytes` of a finished process not yet reaped.
fn written_by(pid: i32) -> Option<u64> {
    let io = fs::read_to_string(format!("/proc/{pid}/io")).ok()?;
    io.lines().find_map(|l| l.strip_prefix("write_bytes: ")).and_then(|v| v.trim().parse().ok())
}

/// HTML files and bytes of every file under `dir`.
fn tally(dir: &Path) -> (usize, u64) {
    let (mut pages, mut bytes) = (0, 0);
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        pages += usize::from(e.path().extension().is_some_and(|x| x == "html"));
        bytes += e.metadata().map_or(0, |m| m.len());
    }
    (pages, bytes)
}

/// Runs `cmd` to its end and measures it; `out` is the folder it builds.
fn measure(mut cmd: Command, out: &Path, log: &Path) -> Run {
    let t = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(fs::File::create(log).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let pid = child.id() as i32;
    // Wait for its end without reaping it, to read its I/O figures, then reap it with its usage.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    unsafe {
        libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT)
    };
    let wall = t.elapsed().as_secs_f64();
    let written = written_by(pid);
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    drop(child);
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        panic!("{cmd:?} failed:\n{}", fs::read_to_string(log).unwrap_or_default());
    }
    let (pages, bytes) = tally(out);
    Run {
        wall,
        user: tv(usage.ru_utime),
        system: tv(usage.ru_stime),
        peak_kib: usage.ru_maxrss as u64,
        written,
        pages,
        bytes,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn mib(b: f64) -> String {
    format!("{:.1} MiB", b / 1048576.0)
}

fn main() {
    let args: Vec<String> =
        std::env::args().skip(1).filter(|a| !a.starts_with("--bench")).collect();
    let opt =
        |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let runs: usize = opt("--runs").map_or(5, |r| r.parse().expect("--runs N"));
    let hugo_bin = opt("--hugo").unwrap_or_else(|| "hugo".to_string());
    let keep = args.iter().any(|a| a == "--keep");
    let ours = PathBuf::from(env!("CARGO_BIN_EXE_referentiel"));
    let root = std::env::current_dir().unwrap().join("target/peer");
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(&root).unwrap();

    let hugo_version = Command::new(&hugo_bin)
        .arg("version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let hugo_version = hugo_version.unwrap_or_else(|e| panic!("`{hugo_bin} version`: {e} (install Hugo, e.g. `apt-get install hugo`, or pass --hugo PATH)"));

    // The content: our site, built once, as a Hugo project.
    let reference = root.join("reference");
    let r = measure(ours_build(&ours, &reference), &reference, &root.join("reference.log"));
    let project = root.join("hugo-project");
    let p = hugo::generate(&reference, &project).expect("Hugo project");
    println!(
        "peer benchmark: our build of data/ against Hugo on the same content ({runs} runs each, alternating)"
    );
    println!(
        "  ours: {} pages, {} in {} files",
        r.pages,
        mib(r.bytes as f64),
        walk_files(&reference)
    );
    println!(
        "  Hugo project: {} content pages, {} static files ({hugo_version})",
        p.pages, p.static_files
    );

    let fresh_ours = root.join("ours-fresh");
    let existing_ours = root.join("ours-existing");
    let fresh_hugo = root.join("hugo-fresh");
    let existing_hugo = root.join("hugo-existing");
    // The "existing" folders start from one build of their own.
    measure(ours_build(&ours, &existing_ours), &existing_ours, &root.join("warm.log"));
    measure(
        hugo_build(&hugo_bin, &project, &existing_hugo),
        &existing_hugo,
        &root.join("warm.log"),
    );
    let compare = same_files(&reference, &existing_hugo);
    let identical = same_pages(&reference, &existing_hugo);

    let names = [
        "ours, new folder",
        "ours, over previous site",
        "Hugo, new folder",
        "Hugo, over previous output",
    ];
    let mut results: Vec<Vec<Run>> = vec![Vec::new(); 4];
    let load = || {
        fs::read_to_string("/proc/loadavg")
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let mut loads = vec![load()];
    for i in 0..runs {
        let _ = fs::remove_dir_all(&fresh_ours);
        results[0].push(measure(
            ours_build(&ours, &fresh_ours),
            &fresh_ours,
            &root.join("ours.log"),
        ));
        results[1].push(measure(
            ours_build(&ours, &existing_ours),
            &existing_ours,
            &root.join("ours.log"),
        ));
        let _ = fs::remove_dir_all(&fresh_hugo);
        results[2].push(measure(
            hugo_build(&hugo_bin, &project, &fresh_hugo),
            &fresh_hugo,
            &root.join("hugo.log"),
        ));
        results[3].push(measure(
            hugo_build(&hugo_bin, &project, &existing_hugo),
            &existing_hugo,
            &root.join("hugo.log"),
        ));
        eprintln!(
            "  run {}/{runs}: {}",
            i + 1,
            results.iter().map(|r| format!("{:.2} s", r[i].wall)).collect::<Vec<_>>().join(", ")
        );
        loads.push(load());
    }

    println!("  load average (1, 5, 15 min) before and after each round: {}", loads.join(" | "));
    println!("  same files: {compare}");
    println!(
        "  pages byte for byte the same as ours: {identical} of {} (once Go's escape `&#43;` of `+` is read as `+`)",
        r.pages
    );
    println!();
    println!("| build | wall | user CPU | system CPU | peak memory | pages | output | written |");
    println!("|---|---|---|---|---|---|---|---|");
    for (name, runs) in names.iter().zip(&results) {
        let m = |f: &dyn Fn(&Run) -> f64| median(runs.iter().map(f).collect());
        let written = if runs.iter().all(|r| r.written.is_some()) {
            mib(m(&|r| r.written.unwrap() as f64))
        } else {
            "–".to_string()
        };
        println!(
            "| {name} | {:.2} s | {:.2} s | {:.2} s | {:.0} MiB | {} | {} | {written} |",
            m(&|r| r.wall),
            m(&|r| r.user),
            m(&|r| r.system),
            m(&|r| r.peak_kib as f64) / 1024.0,
            runs[0].pages,
            mib(m(&|r| r.bytes as f64)),
        );
    }
    let ratio = |a: usize, b: usize| {
        median(results[a].iter().map(|r| r.wall).collect())
            / median(results[b].iter().map(|r| r.wall).collect())
    };
    println!();
    println!(
        "  wall, ours / Hugo: new folder {:.2}×, over the previous output {:.2}×",
        ratio(0, 2),
        ratio(1, 3)
    );
    if !keep {
        let _ = fs::remove_dir_all(&root);
    }
}

fn ours_build(bin: &Path, out: &Path) -> Command {
    let mut c = Command::new(bin);
    c.args(["build", "-q", "--out"]).arg(out);
    c
}

fn hugo_build(bin: &str, project: &Path, out: &Path) -> Command {
    let mut c = Command::new(bin);
    c.arg("--quiet").arg("-s").arg(project).arg("-d").arg(out);
    c
}

fn walk_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

/// Whether the two outputs hold the same files (by path, dot-files aside), or what differs.
fn same_files(a: &Path, b: &Path) -> String {
    let list = |d: &Path| -> std::collections::BTreeSet<String> {
        walkdir::WalkDir::new(d)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(d).unwrap().to_string_lossy().into_owned())
            .filter(|p| !p.starts_with('.'))
            .collect()
    };
    let (la, lb) = (list(a), list(b));
    let only_a: Vec<_> = la.difference(&lb).collect();
    let only_b: Vec<_> = lb.difference(&la).collect();
    if only_a.is_empty() && only_b.is_empty() {
        format!("yes, the same {} paths", la.len())
    } else {
        format!(
            "no: {} only in ours (first {:?}), {} only in Hugo's (first {:?})",
            only_a.len(),
            only_a.first(),
            only_b.len(),
            only_b.first()
        )
    }
}

/// How many HTML pages of `b` read the same as in `a`, Go templates' `&#43;` for `+` aside.
fn same_pages(a: &Path, b: &Path) -> usize {
    walkdir::WalkDir::new(a)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter(|e| {
            let theirs =
                fs::read_to_string(b.join(e.path().strip_prefix(a).unwrap())).unwrap_or_default();
            fs::read_to_string(e.path()).unwrap() == theirs.replace("&#43;", "+")
        })
        .count()
}
