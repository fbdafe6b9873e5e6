//! One search rulebook (#31): the browser's engine (`templates/assets/search.js`, with the rulebook
//! that `src/search/rules.rs` writes into it) run under node agrees with the Rust engine on every
//! word of the data (its words and stems) and on the search suites (results, scores and folded
//! results, in the whole index and in the suggestions' index, query by query and, for the
//! suggestions, key by key as a reader types; in the whole index, each query from a fresh page and
//! also filtered by a certification and by a kind). Also: verb forms do not reach other verbs on the
//! data's own words (#27: « rendez » is not « rendre »).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use referentiel::lang;
use referentiel::model::Corpus;
use referentiel::search::query::{Filters, Hit};
use referentiel::search::{Index, rules, shards, suggest};
use serde_json::{Value, json};

fn corpus() -> Corpus {
    referentiel::load_corpus(Path::new("data"))
        .unwrap_or_else(|d| panic!("data/: {} problems", d.len()))
}

/// Every text of the data a reader may search: titles, element texts, vocabulary terms.
fn texts(c: &Corpus) -> Vec<String> {
    let mut out: Vec<String> = c.certs.iter().map(|c| c.title.text.clone()).collect();
    out.extend(c.elements.iter().map(|e| e.text().to_string()));
    out.extend(c.vocabulary.for_search().map(|e| e.key.clone()));
    // Spellings the data does not hold but readers' devices produce: decomposed accents
    // (e + U+0301), capitals, other apostrophes, private-use glyphs.
    out.extend(
        [
            "Re\u{301}sume\u{301} de l\u{2019}e\u{301}tat",
            "ÉCOUTE ACTIVE Œuvre Ã",
            "l\u{2bc}offre \u{f0b7}vente",
        ]
        .map(String::from),
    );
    out
}

fn queries() -> Vec<String> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    for f in ["tests/search-queries.json", "tests/search-suite.json"] {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(f).expect(f)).expect(f);
        out.extend(v.as_array().expect(f).iter().map(|q| q["q"].as_str().expect("q").to_string()));
    }
    out.extend(
        ["cp5 ntc", "rendez-vous", "prendre rendez-vous", "écoute active"].map(String::from),
    );
    out.into_iter().collect()
}

/// A query as the reader types it: each beginning, key after key.
fn typed(q: &str) -> Vec<String> {
    q.char_indices().map(|(i, c)| q[..i + c.len_utf8()].to_string()).collect()
}

/// Numbers as numbers, whatever their JSON spelling (`606.0` in Rust, `606` in JavaScript).
fn norm(v: &Value) -> Value {
    match v {
        Value::Number(n) => json!(n.as_f64()),
        Value::Array(a) => Value::Array(a.iter().map(norm).collect()),
        other => other.clone(),
    }
}

fn hits(hs: &[Hit]) -> Value {
    json!(
        hs.iter()
            .map(|h| json!([h.id, h.score, h.also.iter().map(|a| &a.id).collect::<Vec<_>>()]))
            .collect::<Vec<_>>()
    )
}

/// The site's search files and script, written into a fresh folder.
fn site(full: &Index, sugg: &Index) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("referentiel-parity-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let put = |p: &str, b: &[u8]| {
        let path = dir.join(p);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, b).expect("write");
    };
    for (p, b) in shards::write(full) {
        put(&p, &b);
    }
    put(suggest::PATH, &suggest::write(sugg));
    let script = std::fs::read_to_string("templates/assets/search.js").expect("search.js");
    put("assets/search.js", rules::fill(&script).as_bytes());
    dir
}

#[test]
fn the_browser_and_the_command_line_read_and_rank_alike() {
    let c = corpus();
    let full = Index::build(&c);
    let sugg = suggest::index(&c);
    let dir = site(&full, &sugg);
    let texts = texts(&c);
    let queries = queries();
    let suggestions: Vec<String> =
        queries.iter().flat_map(|q| typed(q)).collect::<BTreeSet<_>>().into_iter().collect();
    // Each query also filtered, by one certification and by one kind in turn (the browser finds a
    // certification's documents in search/certs.js and the kinds of the documents in the buckets).
    let kinds: Vec<&String> = full.kinds.iter().skip(1).collect();
    let filtered: Vec<(String, String, String)> = queries
        .iter()
        .enumerate()
        .flat_map(|(i, q)| {
            let cert = full.certs[i % full.certs.len()].0.clone();
            let kind = kinds[i % kinds.len()].clone();
            [(q.clone(), cert, String::new()), (q.clone(), String::new(), kind)]
        })
        .collect();
    let input = json!({ "texts": texts, "queries": queries, "suggestions": suggestions, "filtered": filtered });
    let mut child = Command::new("node")
        .arg("tests/search-parity.mjs")
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs (the parity test needs node)");
    child.stdin.take().expect("stdin").write_all(input.to_string().as_bytes()).expect("write");
    let out = child.wait_with_output().expect("node");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "node failed");
    let js: Value = serde_json::from_slice(&out.stdout).expect("node's JSON");

    let mut diffs: Vec<String> = Vec::new();
    for (t, w) in texts.iter().zip(js["words"].as_array().expect("words")) {
        let words: Vec<String> = lang::tokens(t).into_iter().map(|t| t.word).collect();
        let stems: Vec<String> = words.iter().map(|w| lang::stem(w)).collect();
        if json!([words, stems]) != *w {
            diffs.push(format!("text {t:?}: rust {:?} {:?}, browser {w}", words, stems));
        }
    }
    let none = Filters::default();
    for (q, b) in queries.iter().zip(js["full"].as_array().expect("full")) {
        let r = hits(&full.search(q, &none, 10));
        if norm(&r) != norm(b) {
            diffs.push(format!("query {q:?}: rust {r}, browser {b}"));
        }
    }
    for ((q, cert, kind), b) in filtered.iter().zip(js["filtered"].as_array().expect("filtered")) {
        let some = |s: &String| (!s.is_empty()).then(|| s.clone());
        let filters = Filters { cert: some(cert), kind: some(kind) };
        let r = hits(&full.search(q, &filters, 10));
        if norm(&r) != norm(b) {
            diffs.push(format!("query {q:?} in {cert:?} {kind:?}: rust {r}, browser {b}"));
        }
    }
    for (q, b) in suggestions.iter().zip(js["suggest"].as_array().expect("suggest")) {
        let r = hits(&sugg.search(q, &none, 8));
        if norm(&r) != norm(b) {
            diffs.push(format!("suggestions for {q:?}: rust {r}, browser {b}"));
        }
    }
    assert!(
        diffs.is_empty(),
        "{} differences between the browser and the command line; the first:\n{}",
        diffs.len(),
        diffs.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(
        texts.len() > 1000 && suggestions.len() > 1000,
        "{} texts, {} typed",
        texts.len(),
        suggestions.len()
    );
}

/// The data's own words: a verb form ending in « -ez » keeps its stem apart from the verbs whose
/// infinitive ends in « -re » (« rendez » of « rendez-vous » is not « rendre », nor « rendu »).
#[test]
fn verb_forms_do_not_reach_other_verbs() {
    let c = corpus();
    let words: BTreeSet<String> =
        texts(&c).iter().flat_map(|t| lang::tokens(t)).map(|t| t.word).collect();
    assert!(words.contains("rendez") && words.contains("rendre"), "the data holds both words");
    let ez: Vec<&String> =
        words.iter().filter(|w| w.ends_with("ez") && w.chars().count() > 4).collect();
    assert!(!ez.is_empty());
    for w in ez {
        let s = lang::stem(w);
        let same: Vec<&String> = words.iter().filter(|o| *o != w && lang::stem(o) == s).collect();
        assert!(same.is_empty(), "« {w} » shares its stem `{s}` with {same:?}");
    }
    // And the search: « prendre rendez-vous » finds the techniques of prise de rendez-vous first,
    // before anything about « rendre ».
    let index = Index::build(&c);
    let hits = index.search("prendre rendez-vous", &Filters::default(), 5);
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| !lang::terms(&h.text).iter().any(|t| t == "rend")),
        "{:?}",
        hits.iter().map(|h| &h.text).collect::<Vec<_>>()
    );
    assert!(
        hits.iter().any(|h| h.text.contains("rendez-vous")),
        "{:?}",
        hits.iter().map(|h| &h.text).collect::<Vec<_>>()
    );
}
