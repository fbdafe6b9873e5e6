//! Benchmark of bad and extreme input, to show that `check` and `build` stay linear: one data
//! file with 10,000 / 20,000 / 40,000 elements whose texts are not at their lines (what a source
//! shifted by one line does), checked with every diagnostic rendered; and one parent chain 5,000 /
//! 10,000 / 20,000 deep, checked and built in memory. For each it prints the CPU time (user +
//! system, of this process: the figure a busy machine does not inflate) and the growth factor per
//! doubling, which is 2 for linear work and 4 for quadratic. Asserts nothing.
//!
//! Run with `cargo bench --bench linear` (add `-- quick` for the two smaller sizes only).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Duration;

#[path = "../tests/chain/mod.rs"]
mod chain;

/// The CPU time this process has used so far.
fn cpu() -> Duration {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let t = |v: libc::timeval| {
        Duration::from_secs(v.tv_sec as u64) + Duration::from_micros(v.tv_usec as u64)
    };
    t(u.ru_utime) + t(u.ru_stime)
}

/// The small fixture with `n` more elements, none of whose texts is at its lines.
fn failing(dir: &Path, n: usize) {
    let base = Path::new("tests/fixtures/base");
    fs::create_dir_all(dir.join("sources")).unwrap();
    for f in ["certification.yaml", "sources.yaml", "sources/demo.txt"] {
        fs::copy(base.join(f), dir.join(f)).unwrap();
    }
    let mut extra = String::new();
    for i in 0..n {
        let _ = write!(
            extra,
            "  - id: x{i}\n    kind: critere_performance\n    parent: cp1\n    text: Un texte qui ne figure pas dans la source, numéro {i}\n    lines: 10\n"
        );
    }
    let y = fs::read_to_string(base.join("elements.yaml")).unwrap().replacen(
        "elements:\n",
        &format!("elements:\n{extra}"),
        1,
    );
    fs::write(dir.join("elements.yaml"), y).unwrap();
}

fn report(what: &str, rows: &[(usize, Duration)]) {
    println!("{what}");
    for (i, (n, t)) in rows.iter().enumerate() {
        let growth = if i == 0 {
            String::new()
        } else {
            format!(
                "  ×{:.2} for ×{:.0} the size",
                t.as_secs_f64() / rows[i - 1].1.as_secs_f64(),
                *n as f64 / rows[i - 1].0 as f64
            )
        };
        println!("  {n:>6}: {:>8.2?} CPU{growth}", t);
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    let dir = std::env::temp_dir().join(format!("referentiel-bench-linear-{}", std::process::id()));
    let config = referentiel::config::Config::read_default();

    let sizes: &[usize] = if quick { &[10_000, 20_000] } else { &[10_000, 20_000, 40_000] };
    let mut rows = Vec::new();
    for &n in sizes {
        let _ = fs::remove_dir_all(&dir);
        failing(&dir, n);
        let t = cpu();
        let diags = referentiel::load_corpus(&dir).err().expect("every added element fails");
        let text: usize = diags.iter().map(|d| d.render().len()).sum();
        assert!(diags.len() >= n && text > 0);
        rows.push((n, cpu() - t));
    }
    report("check, elements failing in one file:", &rows);

    let depths: &[usize] = if quick { &[5_000, 10_000] } else { &[5_000, 10_000, 20_000] };
    let (mut checks, mut builds) = (Vec::new(), Vec::new());
    for &n in depths {
        let _ = fs::remove_dir_all(&dir);
        chain::write(&dir, n);
        let t = cpu();
        let corpus = referentiel::load_corpus(&dir).unwrap_or_else(|d| panic!("{}", d[0].render()));
        checks.push((n, cpu() - t));
        let t = cpu();
        let (files, _) = referentiel::outputs::render_all(&corpus, &config).unwrap();
        assert!(files.files.len() > n);
        builds.push((n, cpu() - t));
    }
    report("check, one parent chain this deep:", &checks);
    report("build in memory, one parent chain this deep:", &builds);
    let _ = fs::remove_dir_all(&dir);
}
