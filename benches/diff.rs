//! Benchmark of `referentiel diff`: two synthetic referentials of 10,000 elements each (the second
//! an edited copy of the first: rewordings, moves, splits, merges, additions, removals), written
//! as data folders, loaded and checked, then diffed. Prints the times and the classes found next
//! to the edits made; asserts nothing.
//!
//! Run with `cargo bench --bench diff`.

#[path = "../tests/synthetic/mod.rs"]
mod synthetic;

use std::time::{Duration, Instant};

use referentiel::diff::{self, Class, DiffOptions};
use referentiel::ids::CertId;
use synthetic::{El, Rng, cert, coded, el};

/// A pseudo-French vocabulary: syllables and endings.
fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    const SYL: [&str; 24] = [
        "pro", "spec", "ne", "go", "ci", "ta", "ve", "ri", "com", "mer", "fi", "de", "li", "sa",
        "tion", "con", "cep", "mar", "ché", "ges", "plan", "ac", "tu", "lo",
    ];
    const END: [&str; 8] = ["er", "ation", "ement", "eur", "ique", "ité", "ance", "age"];
    let mut v: Vec<String> = Vec::new();
    while v.len() < n {
        let k = 2 + rng.below(3);
        let mut w: String = (0..k).map(|_| SYL[rng.below(SYL.len())]).collect();
        w.push_str(END[rng.below(END.len())]);
        if !v.contains(&w) {
            v.push(w);
        }
    }
    v
}

fn sentence(rng: &mut Rng, vocab: &[String]) -> String {
    let n = 6 + rng.below(9);
    let mut words: Vec<&str> = Vec::new();
    for i in 0..n {
        words.push(&vocab[rng.below(vocab.len())]);
        if i % 3 == 1 {
            words.push(["de la", "des", "et", "pour le", "avec les"][rng.below(5)]);
        }
    }
    let mut s = words.join(" ");
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// 40 activités × 5 compétences × 48 critères and savoir-faire, plus 160 savoirs: 10,000 elements.
fn referential(rng: &mut Rng, vocab: &[String]) -> Vec<El> {
    let mut out = Vec::with_capacity(10_000);
    for a in 1..=40 {
        let at = format!("at{a}");
        out.push(coded(&at, "activite_type", None, &a.to_string(), &sentence(rng, vocab)));
        for c in 1..=5 {
            let cp = format!("cp{a}-{c}");
            out.push(coded(
                &cp,
                "competence_professionnelle",
                Some(&at),
                &format!("{a}.{c}"),
                &sentence(rng, vocab),
            ));
            for k in 1..=48 {
                let kind = if k % 2 == 0 { "critere_performance" } else { "savoir_faire" };
                out.push(el(&format!("{cp}-{k}"), kind, Some(&cp), &sentence(rng, vocab)));
            }
        }
    }
    for s in 1..=160 {
        out.push(el(&format!("s{s}"), "savoir", None, &sentence(rng, vocab)));
    }
    out
}

#[derive(Default, Debug)]
struct Edits {
    reworded: usize,
    moved: usize,
    split: usize,
    merged: usize,
    added: usize,
    removed: usize,
}

/// An edited copy: each leaf element is reworded, moved, split, merged with the next, removed,
/// or followed by a new one, with small probabilities; the total stays close to 10,000.
fn edit(rng: &mut Rng, vocab: &[String], old: &[El]) -> (Vec<El>, Edits) {
    let mut e = Edits::default();
    let mut out: Vec<El> = Vec::with_capacity(old.len());
    let mut i = 0;
    let mut fresh = 0;
    let mut skip = std::collections::HashSet::new();
    while i < old.len() {
        if skip.contains(&i) {
            i += 1;
            continue;
        }
        let mut x = old[i].clone();
        let leaf = x.kind == "critere_performance" || x.kind == "savoir_faire";
        if !leaf {
            out.push(x);
            i += 1;
            continue;
        }
        let roll = rng.below(1000);
        match roll {
            0..=39 => {
                // Reword: replace one word.
                let mut words: Vec<String> = x.text.split(' ').map(String::from).collect();
                let at = rng.below(words.len());
                words[at] = vocab[rng.below(vocab.len())].clone();
                x.text = words.join(" ");
                e.reworded += 1;
                out.push(x);
            }
            40..=49 => {
                // Move under another compétence.
                x.parent = Some(format!("cp{}-{}", 1 + rng.below(40), 1 + rng.below(5)));
                e.moved += 1;
                out.push(x);
            }
            50..=54 => {
                // Split in two halves.
                let words: Vec<&str> = x.text.split(' ').collect();
                let mid = words.len() / 2;
                let (a, b) = (words[..mid].join(" "), words[mid..].join(" "));
                out.push(El { text: a, ..x.clone() });
                out.push(El { id: format!("{}-b", x.id), text: b, ..x });
                e.split += 1;
            }
            55..=59
                if i + 2 < old.len()
                    && old[i + 2].parent == x.parent
                    && old[i + 2].kind == x.kind
                    && !skip.contains(&(i + 1)) =>
            {
                // Merge with the next sibling of the same kind (two places on).
                x.text = format!("{} {}", x.text, old[i + 2].text);
                out.push(x);
                e.merged += 1;
                skip.insert(i + 2);
            }
            60..=79 => e.removed += 1,
            80..=99 => {
                out.push(x.clone());
                fresh += 1;
                out.push(El { id: format!("new{fresh}"), text: sentence(rng, vocab), ..x });
                e.added += 1;
            }
            _ => out.push(x),
        }
        i += 1;
    }
    (out, e)
}

fn main() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let vocab = vocabulary(&mut rng, 3000);
    let old = referential(&mut rng, &vocab);
    let (new, edits) = edit(&mut rng, &vocab, &old);
    println!("old: {} elements, new: {} elements", old.len(), new.len());
    println!("edits made: {edits:?}");

    let dir_old = synthetic::temp("bench-old");
    let dir_new = synthetic::temp("bench-new");
    synthetic::write(&dir_old, &[cert("synth", "synth", "1", old)], &[]);
    synthetic::write(&dir_new, &[cert("synth", "synth", "1", new)], &[]);
    let t = Instant::now();
    let a = referentiel::load_corpus(&dir_old)
        .unwrap_or_else(|d| panic!("{} problems: {}", d.len(), d[0].render()));
    let b = referentiel::load_corpus(&dir_new)
        .unwrap_or_else(|d| panic!("{} problems: {}", d.len(), d[0].render()));
    println!("load and check both: {:.2?}", t.elapsed());
    let _ = std::fs::remove_dir_all(&dir_old);
    let _ = std::fs::remove_dir_all(&dir_new);

    let id = CertId::new("synth");
    let runs = 5;
    let mut times: Vec<Duration> = Vec::new();
    let mut report = None;
    for _ in 0..runs {
        let t = Instant::now();
        report = Some(diff::diff(&a, &id, &b, &id, &DiffOptions::default()));
        times.push(t.elapsed());
    }
    times.sort();
    let r = report.unwrap();
    println!(
        "diff of 10,000 × {} elements: median {:.2?}, min {:.2?}, max {:.2?} ({runs} runs)",
        b.elements.len(),
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
    let t = Instant::now();
    let text = diff::render::render(&r, referentiel::compare::Format::Json, false);
    println!("JSON output: {} bytes in {:.2?}", text.len(), t.elapsed());
    print!("classes found:");
    for c in Class::ALL {
        print!(" {} {}", c.name(), r.summary.count(c));
    }
    println!();
}
