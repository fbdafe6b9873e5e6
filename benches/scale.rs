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
//! Run with `cargo bench --bench scale` (sizes 1 4 16 by default), or
//! `cargo bench --bench scale -- 1 4 16 64 [--exact]`; `-- 4 --data-only DIR` writes the data
//! folder of ×4 into `DIR/data` (without the perturbation, which is applied after loading) and
//! stops.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use referentiel::phases;

// The allocator of the `referentiel` binary, so that memory and time are the tool's own.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `text` with every id of `ids` (certifications and documents) renamed `<id><suffix>` where it
/// stands as a whole id (a certification's id is not renamed at the start of a longer id such as
/// the document `bts-nrc-referentiel`, which is renamed as a whole).
fn rename(text: &str, ids: &[String], suffix: &str) -> String {
    let is_id_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut out = String::with_capacity(text.len() + 64);
    let mut i = 0;
    let b = text.as_bytes();
    'outer: while i < text.len() {
        let before_ok = i == 0 || !is_id_char(text[..i].chars().next_back().unwrap());
        if before_ok {
            for id in ids {
                if text[i..].starts_with(id.as_str())
                    && !text[i + id.len()..].chars().next().is_some_and(is_id_char)
                {
                    out.push_str(id);
                    out.push_str(suffix);
                    i += id.len();
                    continue 'outer;
                }
            }
        }
        let c = text[i..].chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
        let _ = b;
    }
    out
}

fn copy_dir(from: &Path, to: &Path, edit: &dyn Fn(&str) -> String) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target, edit);
        } else if e.path().extension().is_some_and(|x| x == "yaml") {
            fs::write(&target, edit(&fs::read_to_string(e.path()).unwrap())).unwrap();
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A data folder with `n` copies of `data/` (copy 0 is the real data).
fn synthetic(data: &Path, n: usize, dir: &Path) -> PathBuf {
    let out = dir.join("data");
    let _ = fs::remove_dir_all(&out);
    copy_dir(data, &out, &|s| s.to_string());
    let certs: Vec<String> = fs::read_dir(data.join("certifications"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let lineage = |s: &str, suffix: &str| -> String {
        s.lines()
            .map(|l| match l.strip_prefix("  lineage: ") {
                Some(v) => format!("  lineage: {v}{suffix}"),
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    let table_ids = |s: &str, suffix: &str| -> String {
        s.lines()
            .map(|l| match l.trim_start().strip_prefix("- id: ") {
                Some(v) => format!("{}- id: {v}{suffix}", &l[..l.len() - l.trim_start().len()]),
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    // Each copy has its own source documents (as each real certification has its own), so that
    // the source pages of one document list the elements of one certification.
    let sources_yaml = fs::read_to_string(data.join("sources.yaml")).unwrap();
    let docs: Vec<(String, String)> = {
        let mut v = Vec::new();
        let mut id = None;
        for l in sources_yaml.lines() {
            if let Some(x) = l.trim_start().strip_prefix("- id: ") {
                id = Some(x.trim().to_string());
            } else if let (Some(f), Some(i)) = (l.trim_start().strip_prefix("file: "), id.take()) {
                v.push((i, f.trim().to_string()));
            }
        }
        v
    };
    let mut ids = certs.clone();
    ids.extend(docs.iter().map(|(d, _)| d.clone()));
    let mut sources_out = sources_yaml.clone();
    for k in 1..n {
        let suffix = format!("-x{k}");
        for c in &certs {
            copy_dir(
                &data.join("certifications").join(c),
                &out.join("certifications").join(format!("{c}{suffix}")),
                &|s| lineage(&rename(s, &ids, &suffix), &suffix),
            );
        }
        for e in fs::read_dir(data.join("correspondences")).unwrap() {
            let e = e.unwrap();
            let name = e.path().file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(e.path()).unwrap();
            fs::write(
                out.join("correspondences").join(format!("{name}{suffix}.yaml")),
                table_ids(&rename(&text, &ids, &suffix), &suffix),
            )
            .unwrap();
        }
        for (doc, file) in &docs {
            let copy = format!("x{k}-{file}");
            fs::copy(data.join("sources").join(file), out.join("sources").join(&copy)).unwrap();
            let noise = data.join("sources").join(format!("noise-{doc}.yaml"));
            if noise.is_file() {
                fs::write(
                    out.join("sources").join(format!("noise-{doc}{suffix}.yaml")),
                    rename(&fs::read_to_string(&noise).unwrap(), &ids, &suffix),
                )
                .unwrap();
            }
            let entry = sources_yaml
                .split("\n  - id: ")
                .find(|e| e.starts_with(&format!("{doc}\n")))
                .unwrap();
            sources_out.push_str(&format!(
                "  - id: {doc}{suffix}{}",
                &entry[doc.len()..].replace(file.as_str(), &copy)
            ));
            if !sources_out.ends_with('\n') {
                sources_out.push('\n');
            }
        }
    }
    fs::write(out.join("sources.yaml"), sources_out).unwrap();
    out
}

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
        sizes = vec![1, 4, 16];
    }
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
        let r = referentiel::outputs::build(&corpus, &cfg, &out).expect("build");
        let wall = t.elapsed();
        let (u1, s1) = phases::cpu();
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
        println!(
            "  {:<44} {:>8} {:>8} {:>8} {:>10} {:>10}",
            "phase", "wall s", "user s", "sys s", "rss MiB", "peak MiB"
        );
        for p in phases::take() {
            println!(
                "  {:<44} {:>8} {:>8} {:>8} {:>10} {:>10}",
                p.name,
                secs(p.wall),
                secs(p.user),
                secs(p.system),
                p.resident >> 20,
                p.peak >> 20
            );
        }
        println!("  {:<44} {:>8} {:>12}", "HTML pages by kind", "pages", "B per page");
        for (kind, (pages, bytes)) in page_kinds(&out) {
            println!("  {:<44} {:>8} {:>12}", kind, pages, bytes / pages.max(1));
        }
        drop(corpus);
    }
    let _ = fs::remove_dir_all(root);
}
