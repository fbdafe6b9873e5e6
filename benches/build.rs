//! Benchmark of the full build: load and check `data/`, render every page, write the site.
//! Prints figures (pages, bytes, median page size, search index size, times); asserts nothing.
//!
//! Run with `cargo bench --bench build`.

use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let data = Path::new("data");
    let cfg = referentiel::config::Config::read(Path::new("book.toml")).expect("book.toml");
    let out = std::env::temp_dir().join(format!("referentiel-bench-{}", std::process::id()));
    let runs = 5;
    let (mut load, mut build) = (Vec::new(), Vec::new());
    let mut report = None;
    for _ in 0..runs {
        let t = Instant::now();
        let corpus = referentiel::load_corpus(data).unwrap_or_else(|d| panic!("data has {} problems", d.len()));
        load.push(t.elapsed());
        let t = Instant::now();
        report = Some(referentiel::outputs::build(&corpus, &cfg, &out).expect("build"));
        build.push(t.elapsed());
    }
    let r = report.unwrap();
    let mut sizes = r.html_sizes.clone();
    sizes.sort();
    println!("full build of data/ ({runs} runs, {} threads)", rayon::current_num_threads());
    println!("  load + check   median {:>8.1?}", median(load));
    println!("  render + write median {:>8.1?}", median(build));
    println!("  pages          {}", r.pages);
    println!("  files          {}", r.files);
    println!("  bytes          {} ({:.1} MiB)", r.bytes, r.bytes as f64 / 1048576.0);
    println!("  page size      median {} B, largest {} B", sizes[sizes.len() / 2], sizes[sizes.len() - 1]);
    println!("  search index   {} B in total", r.search_bytes);
    println!("  links checked  {}", r.links_checked);
    let _ = std::fs::remove_dir_all(out);
}
