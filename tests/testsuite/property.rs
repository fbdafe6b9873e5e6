//! Properties checked on a few thousand seeded random inputs (a few seconds; the seed is printed
//! on failure, and `fuzz/` runs the same properties under libFuzzer for longer):
//!
//! - any mutation of a real data file loads without panicking, and its diagnostic points inside
//!   the file and renders without a raw control character;
//! - in a real source document, every content line's text is located at that line.

use std::path::Path;
use std::time::{Duration, Instant};

use referentiel::diag::Diagnostics;
use referentiel::ids::DocId;
use referentiel::schema::{Lines, SourceKind};
use referentiel::sources::SourceDoc;

use crate::synthetic::rng::Rng;

/// Pieces that hostile or careless edits insert.
const INSERTS: &[&str] = &[
    "\t",
    "\u{1b}[31m",
    "\u{202E}",
    "\u{0301}",
    "- ",
    ": ",
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "\n",
    "\n  ",
    "#",
    "!!str ",
    "parent: ",
    "id: ",
    "lines: 0-99999999999999999999",
    "\u{0}",
    "\r",
    "é",
    "---\n",
    "? ",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 if !chars.is_empty() => {
                let n = 1 + rng.below(20);
                let end = (at + n).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            1 => {
                let piece = INSERTS[rng.below(INSERTS.len())];
                chars.splice(at..at, piece.chars());
            }
            _ => {
                // Copy a random slice elsewhere (duplicated keys, ids, items).
                let from = rng.below(chars.len() + 1);
                let slice: Vec<char> =
                    chars[from..(from + rng.below(60)).min(chars.len())].to_vec();
                chars.splice(at..at, slice);
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_data_files_load_without_panic_and_diagnostics_stay_in_the_file() {
    let files: Vec<(String, String)> = [
        "tests/fixtures/base/elements.yaml",
        "tests/fixtures/base/certification.yaml",
        "data/sources.yaml",
        "data/certifications/ntc-2018/certification.yaml",
    ]
    .iter()
    .map(|p| (p.to_string(), std::fs::read_to_string(p).unwrap()))
    .collect();
    let seed = 0x5EED_0009;
    let mut rng = Rng(seed);
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed() < Duration::from_secs(3) {
        let (name, text) = &files[rng.below(files.len())];
        let mutated = mutate(&mut rng, text);
        loads_with_its_diagnostics_in_the_file(
            Path::new(name),
            &mutated,
            &format!("seed {seed:#x} run {runs}"),
        );
        runs += 1;
    }
    assert!(runs > 100, "only {runs} runs");
}

/// The property: `text` as the data file `path` loads without panicking, and its diagnostic (if
/// any) points inside the file and renders without a raw control character.
fn loads_with_its_diagnostics_in_the_file(path: &Path, text: &str, context: &str) {
    if let Err(d) = referentiel::load::parse_str(path, text) {
        let mut diags = Diagnostics::default();
        diags.register_file(path, text);
        diags.push(d);
        for d in diags.into_sorted() {
            // Lines as YAML counts them (`\r` alone breaks a line too).
            let lines = referentiel::diag::yaml_lines(text).count().max(1);
            assert!(
                d.line >= 1 && d.line <= lines + 1,
                "{context}: line {} of {lines}\n{text}",
                d.line
            );
            let shown = d.render();
            assert!(
                !shown.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{context}: {shown:?}"
            );
        }
    }
}

/// What the fuzzer found (`fuzz/`), kept: each input of `tests/fixtures/fuzz/yaml_load/` once
/// broke the property.
#[test]
fn the_fuzzers_findings_stay_fixed() {
    let mut n = 0;
    for e in std::fs::read_dir("tests/fixtures/fuzz/yaml_load").unwrap() {
        let path = e.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            loads_with_its_diagnostics_in_the_file(
                Path::new("fuzz.yaml"),
                text,
                &path.display().to_string(),
            );
            n += 1;
        }
    }
    assert!(n > 0, "the findings are there");
}

#[test]
fn every_content_line_of_a_source_is_located_at_its_line() {
    let text = std::fs::read_to_string("data/sources/002_43ab5ac46e9763ef.txt").unwrap();
    let doc = SourceDoc {
        id: DocId::new("cc-2017-reac"),
        file: "002.txt".into(),
        path: "data/sources/002_43ab5ac46e9763ef.txt".into(),
        kind: SourceKind::Reac,
        title: String::new(),
        lines: text.lines().map(str::to_string).collect(),
        declared: std::collections::BTreeMap::new(),
    };
    let mut rng = Rng(0x5EED_0010);
    let start = Instant::now();
    let mut located = 0;
    while start.elapsed() < Duration::from_secs(2) {
        let n = 1 + rng.below(doc.len());
        let line = doc.line(n).to_string();
        let content = referentiel::text::has_content(&line);
        if !content || line.trim_end().ends_with('-') {
            continue;
        }
        assert!(doc.locate(&line, Lines::one(n)).is_ok(), "line {n}: {line:?}");
        // A random range around it either holds it tightly or says where it is.
        let (a, b) = (n.saturating_sub(rng.below(3)).max(1), (n + rng.below(3)).min(doc.len()));
        let _ = doc.locate(&line, Lines { first: a, last: b });
        located += 1;
    }
    assert!(located > 100, "only {located} lines");
}
