//! Scale benchmark: the full build of synthetic corpora ×1, ×4, ×16 … the size of `data/`.
//!
//! Copy `k` of the corpus holds every certification of `data/` under the id `<id>-x<k>` (with its
//! lineage, its correspondence tables, its own copy of each source document and every reference
//! to a certification or a document renamed the same way), so that the copies check like the
//! real data. After loading, the texts of copy `k` are
//! perturbed (a word of their own appended), so that "the same text" lists and the crosswalks'
//! identical texts stay as frequent as in the real data; `--exact` leaves the copies identical,
//! the worst case.
//!
//! Reports per size: elements, pages, wall and CPU time by phase, peak memory (`VmHWM`, of the
//! process so far: sizes run smallest first), bytes written and bytes per page. Asserts nothing.
//!
//! Also: the copy floor (a `cp -r` of the site just built, against the build's wall time), each
//! phase's own CPU time (its thread's; the shared pool's threads on a line of their own, so that
//! the column adds up), and the sizes of the pages that list the whole corpus against the first
//! size's.
//!
//! Run with `cargo bench --bench scale` (sizes 1 4 16 64 by default), or
//! `cargo bench --bench scale -- 1 4 [--exact]`; `-- 4 --data-only DIR` writes the data
//! folder of ×4 into `DIR/data` (without the perturbation, which is applied after loading) and
//! stops.

use std::fs;
use std::path::Path;
use std::time::Instant;

use referentiel::phases;

#[path = "common/synthetic.rs"]
mod synthetic;
use synthetic::synthetic;

// The allocator of the `referentiel` binary, so that memory and time are the tool's own.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The HTML pages of a site by kind (their path with the certification, the document and the
/// page's own name left out: `c/*/e/*.html`), with their count and total size.
fn page_kinds(site: &Path) -> std::collections::BTreeMap<String, (usize, usize)> {
    let mut kinds = std::collections::BTreeMap::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "html") {
                let rel = path.strip_prefix(site).unwrap().to_string_lossy().replace('\\', "/");
                let mut parts: Vec<&str> = rel.split('/').collect();
                let last = parts.len() - 1;
                if last > 0 {
                    parts[last] = "*.html";
                }
                if matches!(parts[0], "c" | "sources") && parts.len() > 2 {
                    parts[1] = "*";
                }
                let slot = kinds.entry(parts.join("/")).or_insert((0, 0));
                slot.0 += 1;
                slot.1 += e.metadata().map(|m| m.len() as usize).unwrap_or(0);
            }
        }
    }
    kinds
}

fn secs(d: std::time::Duration) -> String {
    format!("{:.2}", d.as_secs_f64())
}

fn main() {
    let args: Vec<String> =
        std::env::args().skip(1).filter(|a| !a.starts_with("--bench")).collect();
    let exact = args.iter().any(|a| a == "--exact");
    // `--data-only DIR`: write the synthetic data folder of the first size into DIR and stop
    // (to profile a build of it with `referentiel build --data DIR/data`).
    if let Some(dir) = args.iter().position(|a| a == "--data-only").and_then(|i| args.get(i + 1)) {
        let n = args.iter().filter(|a| *a != dir).find_map(|a| a.parse().ok()).unwrap_or(4);
        let data = synthetic(Path::new("data"), n, Path::new(dir));
        println!("{}", data.display());
        return;
    }
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![1, 4, 16, 64];
    }
    // The sizes of the pages that list the whole corpus at the first size, to compare.
    let mut first_sizes: Option<Vec<u64>> = None;
    let cfg = referentiel::config::Config::read(Path::new("book.toml")).expect("book.toml");
    let root = std::env::temp_dir().join(format!("referentiel-scale-{}", std::process::id()));
    println!(
        "scale benchmark ({} copies, {} threads)",
        if exact { "exact" } else { "perturbed" },
        rayon::current_num_threads()
    );
    for n in sizes {
        let data = synthetic(Path::new("data"), n, &root);
        let out = root.join("site");
        let _ = fs::remove_dir_all(&out);
        phases::take();
        let (u0, s0) = phases::cpu();
        let t = Instant::now();
        let mut corpus = phases::time("load + check", || {
            referentiel::load_corpus(&data)
                .unwrap_or_else(|d| panic!("×{n}: {} problems, first: {:?}", d.len(), d.first()))
        });
        if !exact {
            for e in corpus.elements.iter_mut() {
                if let Some(k) = e.key.cert.as_str().rsplit_once("-x").map(|(_, k)| k.to_string()) {
                    e.cite.text.push_str(&format!(" copie{k}"));
                }
            }
        }
        let built = Instant::now();
        let r = referentiel::outputs::build(&corpus, &cfg, &out).expect("build");
        let (wall, build_wall) = (t.elapsed(), built.elapsed());
        let (u1, s1) = phases::cpu();
        let unattributed = phases::unattributed((u0, s0));
        let peak = phases::peak_memory().unwrap_or(0);
        println!(
            "\n×{n}: {} certifications, {} elements, {} pages, {} files",
            corpus.certs.len(),
            corpus.elements.len(),
            r.pages,
            r.files
        );
        println!(
            "  wall {} s, user {} s, system {} s, peak memory {} MiB",
            secs(wall),
            secs(u1 - u0),
            secs(s1 - s0),
            peak / 1048576
        );
        println!(
            "  written {} B ({:.1} MiB), {} B per page, {:.2} ms wall per element",
            r.bytes,
            r.bytes as f64 / 1048576.0,
            r.bytes / r.pages.max(1),
            wall.as_secs_f64() * 1000.0 / corpus.elements.len() as f64
        );
        // The copy floor: a plain copy of the site just written (its files in the page cache).
        let copy = root.join("copy");
        let _ = fs::remove_dir_all(&copy);
        let c = Instant::now();
        let copied = std::process::Command::new("cp").arg("-r").arg(&out).arg(&copy).status();
        let copy_wall = c.elapsed();
        if copied.is_ok_and(|s| s.success()) {
            println!(
                "  copy floor: cp -r of the site {} s; the build's outputs {} s, {:.1}× the floor (with load and check {:.1}×)",
                secs(copy_wall),
                secs(build_wall),
                build_wall.as_secs_f64() / copy_wall.as_secs_f64(),
                wall.as_secs_f64() / copy_wall.as_secs_f64()
            );
        }
        let _ = fs::remove_dir_all(&copy);
        // Each phase's own CPU (its thread's, less the phases nested in it), then what no phase
        // holds (the shared pool's threads): the own column adds up to the process's CPU time.
        println!(
            "  {:<44} {:>8} {:>8} {:>8} {:>8} {:>10} {:>10}",
            "phase (nested ones indented)",
            "wall s",
            "own s",
            "user s",
            "sys s",
            "rss MiB",
            "peak MiB"
        );
        let mut owned = std::time::Duration::ZERO;
        for p in phases::take() {
            owned += p.own;
            println!(
                "  {:<44} {:>8} {:>8} {:>8} {:>8} {:>10} {:>10}",
                format!("{}{}", "  ".repeat(p.depth), p.name),
                secs(p.wall),
                secs(p.own),
                secs(p.user),
                secs(p.system),
                p.resident >> 20,
                p.peak >> 20
            );
        }
        println!("  {:<44} {:>8} {:>8}", "shared pool and outside phases", "", secs(unattributed));
        println!(
            "  {:<44} {:>8} {:>8} {:>8} {:>8}",
            "sum of own / process CPU",
            "",
            secs(owned + unattributed),
            secs(u1 - u0),
            secs(s1 - s0)
        );
        let listing =
            ["recherche.html", "index.html", "glossaire.html", "telechargements/index.html"];
        let sizes: Vec<u64> = listing
            .iter()
            .map(|p| fs::metadata(out.join(p)).map(|m| m.len()).unwrap_or(0))
            .collect();
        let first = first_sizes.get_or_insert_with(|| sizes.clone());
        println!("  {:<44} {:>12} {:>12}", "pages that list the corpus", "bytes", "× first size");
        for ((p, b), b1) in listing.iter().zip(&sizes).zip(first.iter()) {
            println!("  {:<44} {:>12} {:>12.2}", p, b, *b as f64 / (*b1).max(1) as f64);
        }
        println!("  {:<44} {:>8} {:>12}", "HTML pages by kind", "pages", "B per page");
        for (kind, (pages, bytes)) in page_kinds(&out) {
            println!("  {:<44} {:>8} {:>12}", kind, pages, bytes / pages.max(1));
        }
        drop(corpus);
    }
    let _ = fs::remove_dir_all(root);
}
