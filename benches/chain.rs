//! Benchmark of the checker on its worst case: one parent chain 10,000 elements deep, against
//! the real data. Prints both times and their ratio; asserts nothing.
//!
//! Run with `cargo bench --bench chain` (or `cargo bench --bench chain -- 4000` for another depth).

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../tests/chain/mod.rs"]
mod chain;

fn median_check(data: &Path, runs: usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let corpus = referentiel::load_corpus(data)
            .unwrap_or_else(|d| panic!("{} problems, first: {}", d.len(), d[0].render()));
        times.push(t.elapsed());
        n = corpus.elements.len();
    }
    times.sort();
    (times[runs / 2], n)
}

fn main() {
    let depth: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("referentiel-bench-chain-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    chain::write(&dir, depth);
    let runs = 5;
    let (real, real_n) = median_check(Path::new("data"), runs);
    let (deep, deep_n) = median_check(&dir, runs);
    println!("check of data/ ({real_n} elements):            {real:.2?} (median of {runs})");
    println!("check of a {depth}-deep chain ({deep_n} elements): {deep:.2?} (median of {runs})");
    println!("ratio chain / data: {:.2}", deep.as_secs_f64() / real.as_secs_f64());
    let _ = std::fs::remove_dir_all(&dir);
}
