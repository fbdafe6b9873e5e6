//! Evaluation of `referentiel import` (#30) against the reviewed data: each document we hold is
//! drafted in memory and compared, kind by kind, with the elements a person reviewed.
//!
//! - recall: the share of reviewed elements of the kind that the draft holds with the same text,
//!   kind and parent;
//! - precision: the share of drafted elements of the kind that the reviewed data holds so.
//!
//! A parent is compared as the nearest ancestor that is not a `section` or `paragraphe` (its kind
//! and text): ids and heading elements are the editor's choice, the hierarchy of content is not.
//! Tuned on 002 (REAC CC 2017); 000 (REAC + RE NTC 2018) was kept aside, then reported; 001
//! (RNCP fiche 7141) is read with the `rncp` recogniser. The import time of each document is
//! the median of 20 runs. Run: `cargo bench --bench import_eval`.

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use referentiel::import::{self, Family};

#[derive(serde::Deserialize)]
struct File {
    doc: Option<String>,
    #[serde(default)]
    elements: Vec<Elem>,
}

#[derive(serde::Deserialize)]
struct Elem {
    id: String,
    kind: String,
    parent: Option<String>,
    text: String,
    doc: Option<String>,
}

/// (kind, text, parent's (kind, text)) of each content element.
type Key = (String, String, Option<(String, String)>);

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn keys(els: &[(String, String, Option<String>, String)]) -> Vec<Key> {
    let by_id: HashMap<&str, &(String, String, Option<String>, String)> =
        els.iter().map(|e| (e.0.as_str(), e)).collect();
    let structural = |k: &str| k == "section" || k == "paragraphe";
    els.iter()
        .filter(|e| !structural(&e.1))
        .map(|e| {
            let mut p = e.2.as_deref().and_then(|p| by_id.get(p));
            while let Some(q) = p {
                if !structural(&q.1) {
                    break;
                }
                p = q.2.as_deref().and_then(|x| by_id.get(x));
            }
            (e.1.clone(), norm(&e.3), p.map(|q| (q.1.clone(), norm(&q.3))))
        })
        .collect()
}

fn reviewed(cert: &str, doc: &str) -> Vec<(String, String, Option<String>, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(format!("data/certifications/{cert}")).expect("cert folder") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        let Ok(f) = serde_saphyr::from_str::<File>(&text) else { continue };
        for e in f.elements {
            let d = e.doc.clone().or(f.doc.clone());
            out.push((e.id, e.kind, e.parent, e.text, d));
        }
    }
    // Parents are kept whatever their document; the compared elements are those of `doc`.
    out.into_iter()
        .map(|(id, kind, parent, text, d)| {
            let kind = if d.as_deref() == Some(doc) { kind } else { format!("other:{kind}") };
            (id, kind, parent, text)
        })
        .collect()
}

const KINDS: &[&str] = &[
    "activite_type",
    "competence_professionnelle",
    "competence_transversale",
    "bloc_competences",
    "description",
    "contexte",
    "critere_performance",
    "savoir_faire",
    "savoir",
    "glossaire",
    "terme",
    "definition",
    "epreuve",
    "ccp",
    "modalite_evaluation",
    "reference",
];

fn evaluate(
    label: &str,
    file: &str,
    family: Family,
    cert: &str,
    doc: &str,
) -> BTreeMap<String, (usize, usize, usize, usize)> {
    let text = std::fs::read_to_string(format!("data/sources/{file}")).expect("source");
    let mut times = Vec::new();
    let mut drafted = None;
    for _ in 0..20 {
        let t = Instant::now();
        let (_, d) = import::draft(family, &text);
        times.push(t.elapsed());
        drafted = Some(d);
    }
    times.sort();
    let d = drafted.expect("drafted");
    let mine: Vec<_> = d
        .elements
        .iter()
        .map(|e| (e.id.clone(), e.kind.to_string(), e.parent.clone(), e.text.clone()))
        .collect();
    let mine = keys(&mine);
    let theirs: Vec<Key> =
        keys(&reviewed(cert, doc)).into_iter().filter(|k| !k.0.starts_with("other:")).collect();
    let mut counts: BTreeMap<String, (usize, usize, usize, usize)> = BTreeMap::new();
    let (cm, ct) = (count(&mine), count(&theirs));
    for k in KINDS {
        let t: Vec<&Key> = theirs.iter().filter(|x| x.0 == *k).collect();
        let m: Vec<&Key> = mine.iter().filter(|x| x.0 == *k).collect();
        if t.is_empty() && m.is_empty() {
            continue;
        }
        let found = t.iter().filter(|x| cm.contains_key(**x)).count();
        let right = m.iter().filter(|x| ct.contains_key(**x)).count();
        counts.insert(k.to_string(), (found, t.len(), right, m.len()));
    }
    println!(
        "\n## {label} ({} lines, import {:.1?} median of 20)\n",
        text.lines().count(),
        times[times.len() / 2]
    );
    table(&counts);
    if std::env::var_os("IMPORT_EVAL_MISSES").is_some() {
        for x in theirs.iter().filter(|x| !cm.contains_key(x)) {
            println!("  missed: {x:?}");
        }
        for x in mine.iter().filter(|x| !ct.contains_key(x) && KINDS.contains(&x.0.as_str())) {
            println!("  wrong:  {x:?}");
        }
    }
    counts
}

fn count(v: &[Key]) -> HashMap<&Key, usize> {
    let mut m: HashMap<&Key, usize> = HashMap::new();
    for k in v {
        *m.entry(k).or_default() += 1;
    }
    m
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 { "—".into() } else { format!("{:.2} ({a}/{b})", a as f64 / b as f64) }
}

fn table(counts: &BTreeMap<String, (usize, usize, usize, usize)>) {
    println!("| kind | recall | precision |\n|---|---|---|");
    for (k, &(f, t, r, m)) in counts {
        println!("| {k} | {} | {} |", ratio(f, t), ratio(r, m));
    }
}

fn main() {
    let held_out = evaluate(
        "000 REAC + RE NTC 2018 (held out)",
        "000_6cdb63e91c8d64a3.txt",
        Family::Reac,
        "ntc-2018",
        "ntc-2018-reac-re",
    );
    let tuned = evaluate(
        "002 REAC CC 2017 (tuned on)",
        "002_43ab5ac46e9763ef.txt",
        Family::Reac,
        "cc-2017",
        "cc-2017-reac",
    );
    let mut both = held_out.clone();
    for (k, v) in tuned {
        let e = both.entry(k).or_default();
        *e = (e.0 + v.0, e.1 + v.1, e.2 + v.2, e.3 + v.3);
    }
    println!("\n## Both REACs (000 + 002)\n");
    table(&both);
    evaluate(
        "001 RNCP fiche 7141",
        "001_c409c0101a7412f1.txt",
        Family::Rncp,
        "ntc-2013",
        "rncp-7141",
    );
}
