//! Benchmark of `serve`'s quick pass alone, in one process, without the server: on the synthetic
//! corpus ×N of the scale benchmark (×16 by default: `cargo bench --bench quick -- 4`; a second number is how many edits, 7 by default), one full
//! build in memory, then a few edits of the same note as the serve benchmark, each checked and
//! passed through the quick pass as `serve` does after a save. Prints, for each edit, the wall
//! time of the check and of the quick pass and each phase (wall and own CPU ms), then the median.
//!
//! Made to look inside the figure the serve benchmark gives as « one edit → page shown » (which
//! adds the watcher's 50 ms of quiet, the write and the fetch); asserts nothing.

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "common/synthetic.rs"]
mod synthetic;

// As in the `referentiel` binary.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FILE: &str = "certifications/ntc-2018/elements.yaml";
const ANCHOR: &str = "    note: Critère d’évaluation du référentiel d’évaluation (§3.2).";
const PAGE: &str = "c/ntc-2018/e/cp1-cr1.html";

fn main() {
    let numbers: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let n = numbers.first().copied().unwrap_or(16);
    let rounds = numbers.get(1).copied().unwrap_or(7).max(2);
    let root = std::env::temp_dir().join(format!("referentiel-bench-quick-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let data = synthetic::synthetic(Path::new("data"), n, &root);
    let book = root.join("book.toml");
    std::fs::write(&book, std::fs::read_to_string("book.toml").unwrap()).unwrap();
    let config = referentiel::config::Config::read(&book).unwrap();

    let mut kept = referentiel::Kept::default();
    let t = Instant::now();
    let corpus =
        referentiel::load_corpus_kept(&data, &mut kept).expect("the synthetic data checks");
    let (files, _, computed) =
        referentiel::outputs::render_into(&corpus, &config, referentiel::build::Files::default())
            .expect("a build");
    let at: std::collections::HashMap<String, usize> = files
        .index
        .iter()
        .enumerate()
        .map(|(i, (p, _))| (p.to_string_lossy().replace('\\', "/"), i))
        .collect();
    let last = referentiel::serve::incremental::FullBuild::new(&corpus, computed, |p| {
        at.get(p).and_then(|i| files.read(*i).ok())
    });
    drop(files);
    println!(
        "quick pass benchmark ×{n}: {} elements, first check and build {:.1} s",
        corpus.elements.len(),
        t.elapsed().as_secs_f64()
    );
    drop(corpus);
    referentiel::phases::take();

    let file = data.join(FILE);
    let original = std::fs::read_to_string(&file).unwrap();
    let mut quick_kept = referentiel::serve::incremental::Kept::default();
    let mut totals = Vec::new();
    for round in 0..rounds {
        let edited = original.replacen(ANCHOR, &format!("{ANCHOR} modifié {round} —"), 1);
        assert_ne!(edited, original, "{FILE} holds {ANCHOR:?}");
        std::fs::write(&file, edited).unwrap();
        let t = Instant::now();
        let corpus = referentiel::load_corpus_kept(&data, &mut kept).expect("the edit checks");
        let checked = t.elapsed();
        let quick =
            referentiel::serve::incremental::quick_kept(&last, &corpus, &config, &mut quick_kept)
                .expect("a quick pass")
                .expect("the edit is one the quick pass renders");
        let total = t.elapsed();
        assert!(
            quick.pages.iter().any(|(p, b)| p == PAGE
                && String::from_utf8_lossy(b).contains(&format!("modifié {round}"))),
            "the quick pass renders {PAGE} with the edit"
        );
        let phases = referentiel::phases::take();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let each: Vec<String> = phases
            .iter()
            .filter(|p| p.depth == 0 || p.name.starts_with("check:") || p.name.starts_with("load:"))
            .map(|p| format!("{} {:.0}/{:.0}", p.name, ms(p.wall), ms(p.own)))
            .collect();
        println!(
            "  edit {round}: {:.0} ms (check {:.0} ms, {} pages); {}",
            ms(total),
            ms(checked),
            quick.pages.len(),
            each.join("; ")
        );
        drop(corpus);
        if round > 0 {
            totals.push(total);
        }
    }
    totals.sort();
    println!(
        "median of the edits after the first: {:.0} ms",
        totals[totals.len() / 2].as_secs_f64() * 1000.0
    );
    let _ = std::fs::remove_dir_all(&root);
}
