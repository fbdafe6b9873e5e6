//! Evaluation of the search on a query suite (default `tests/search-suite.json`): for each type of
//! query and each half (tuned, held-out), the share of queries with an expected element in the
//! top 5 (recall@5), then the misses of the tuned part (the held-out part's misses are not shown,
//! so that nobody tunes on them; `--held-out-misses` shows them). Figures, not assertions:
//! `cargo run --release --example search_eval [SUITE]`.
//!
//! The ranking's figures ([`referentiel::search::Tuning`]) can be tried without rebuilding:
//! `SEARCH_LENGTH=0.05 SEARCH_PARENT_CODE=200 SEARCH_KIND=120 SEARCH_COORD=2 target/release/examples/search_eval`.

use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_held = args.iter().any(|a| a == "--held-out-misses");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "tests/search-suite.json".into());
    let mut tuning = referentiel::search::Tuning::default();
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .map(|v| v.parse::<f64>().unwrap_or_else(|_| panic!("{name}: a number")))
    };
    if let Some(v) = env("SEARCH_LENGTH") {
        tuning.length = v;
    }
    if let Some(v) = env("SEARCH_PARENT_CODE") {
        tuning.parent_code = v as u32;
    }
    if let Some(v) = env("SEARCH_KIND") {
        tuning.kind = v;
    }
    if let Some(v) = env("SEARCH_COORD") {
        tuning.coord = v as u32;
    }
    eprintln!("{tuning:?}");
    let suite: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("suite")).expect("json");
    let corpus = referentiel::load_corpus(std::path::Path::new("data"))
        .unwrap_or_else(|_| panic!("data/ does not check"));
    let index = referentiel::search::Index::build_with(&corpus, tuning);
    let mut table: BTreeMap<(String, bool), (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for q in &suite {
        let text = q["q"].as_str().unwrap();
        let kind = q["type"].as_str().unwrap_or("lexical").to_string();
        let held = q["held_out"].as_bool().unwrap_or(false);
        let expect: Vec<&str> =
            q["expect"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
        let hits = index.search(text, &Default::default(), 5);
        // A result folded under a shown one ("aussi : …") is on the page: it counts.
        let found = hits.iter().any(|h| {
            expect.contains(&h.id.as_str())
                || h.also.iter().any(|a| expect.contains(&a.id.as_str()))
        });
        let e = table.entry((kind.clone(), held)).or_default();
        e.1 += 1;
        if found {
            e.0 += 1;
        } else if !held || show_held {
            misses.push(format!(
                "{}{kind:<10} {text:<45} → {}",
                if held { "H " } else { "  " },
                hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    println!("{:<11} {:>14} {:>14}", "type", "tuned", "held-out");
    for kind in ["lexical", "paraphrase", "question", "code"] {
        let cell = |held| {
            table
                .get(&(kind.to_string(), held))
                .map(|(f, n)| format!("{f}/{n} {:.2}", *f as f64 / *n as f64))
                .unwrap_or_default()
        };
        println!("{kind:<11} {:>14} {:>14}", cell(false), cell(true));
    }
    for m in misses {
        println!("{m}");
    }
}
