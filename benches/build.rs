//! Benchmark of the full build: load and check `data/`, render every page, write the site.
//! Prints figures (pages, bytes, median page size, search index size, times by phase, wall and
//! CPU); asserts nothing.
//!
//! Run with `cargo bench --bench build`.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use referentiel::phases;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// One phase's runs: its order, then its wall, user and system times per run.
type PhaseRuns = (usize, Vec<Duration>, Vec<Duration>, Vec<Duration>);

fn main() {
    let data = Path::new("data");
    let cfg = referentiel::config::Config::read(Path::new("book.toml")).expect("book.toml");
    let out = std::env::temp_dir().join(format!("referentiel-bench-{}", std::process::id()));
    let runs = 5;
    let (mut load, mut build) = (Vec::new(), Vec::new());
    let mut by_phase: BTreeMap<String, PhaseRuns> = BTreeMap::new();
    let mut report = None;
    for _ in 0..runs {
        phases::take();
        let t = Instant::now();
        let corpus = phases::time("load + check", || {
            referentiel::load_corpus(data)
                .unwrap_or_else(|d| panic!("data has {} problems", d.len()))
        });
        load.push(t.elapsed());
        let t = Instant::now();
        report = Some(referentiel::outputs::build(&corpus, &cfg, &out).expect("build"));
        build.push(t.elapsed());
        let n = by_phase.len();
        for (i, p) in phases::take().into_iter().enumerate() {
            let slot = by_phase
                .entry(p.name)
                .or_insert_with(|| (n + i, Vec::new(), Vec::new(), Vec::new()));
            slot.1.push(p.wall);
            slot.2.push(p.user);
            slot.3.push(p.system);
        }
    }
    let r = report.unwrap();
    let mut sizes = r.html_sizes.clone();
    sizes.sort();
    println!("full build of data/ ({runs} runs, {} threads)", rayon::current_num_threads());
    println!("  load + check   median {:>8.1?}", median(load));
    println!("  render + write median {:>8.1?}", median(build));
    println!("  by phase (medians: wall, user CPU, system CPU):");
    let mut rows: Vec<_> = by_phase.into_iter().collect();
    rows.sort_by_key(|(_, v)| v.0);
    for (name, (_, wall, user, sys)) in rows {
        println!(
            "    {name:<44} {:>9.1?} {:>9.1?} {:>9.1?}",
            median(wall),
            median(user),
            median(sys)
        );
    }
    println!("  pages          {}", r.pages);
    println!("  files          {}", r.files);
    println!("  bytes          {} ({:.1} MiB)", r.bytes, r.bytes as f64 / 1048576.0);
    println!(
        "  page size      median {} B, largest {} B",
        sizes[sizes.len() / 2],
        sizes[sizes.len() - 1]
    );
    println!("  search index   {} B in total", r.search_bytes);
    println!("  links checked  {}", r.links_checked);
    if let Some(m) = phases::peak_memory() {
        println!("  peak memory    {:.0} MiB", m as f64 / 1048576.0);
    }
    let _ = std::fs::remove_dir_all(out);
}
