//! Suggestions ranked for review, measured against the curated tables as gold: for each
//! compétence that a curated table relates (both directions of each table), is one of its curated
//! counterparts the first candidate (hit@1), or among the first three (hit@3), of the other
//! certification's compétences ranked by [`crosswalk::suggest::candidates`]?
//!
//! The split was decided before any tuning: the gold compétences of each direction, sorted by
//! id, every third one (index 2, 5, 8 …) is held out; only the tuned part may guide changes to
//! the scoring. Figures are printed (`cargo test --release --test testsuite crosswalk_rank:: -- --nocapture`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use referentiel::compare::Tree;
use referentiel::crosswalk;
use referentiel::ids::CertId;
use referentiel::model::Corpus;
use referentiel::schema::CorrespondenceStatus;

fn corpus() -> Corpus {
    referentiel::load_corpus(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").as_path())
        .expect("the project's data loads")
}

#[derive(Default, Clone, Copy)]
struct Hits {
    n: usize,
    at1: usize,
    at3: usize,
}

impl Hits {
    fn add(&mut self, rank: Option<usize>) {
        self.n += 1;
        if rank == Some(0) {
            self.at1 += 1;
        }
        if rank.is_some_and(|r| r < 3) {
            self.at3 += 1;
        }
    }
    fn h1(&self) -> f64 {
        self.at1 as f64 / self.n.max(1) as f64
    }
    fn h3(&self) -> f64 {
        self.at3 as f64 / self.n.max(1) as f64
    }
}

fn fmt(h: &Hits) -> String {
    format!("hit@1 {:.2} hit@3 {:.2} (n {})", h.h1(), h.h3(), h.n)
}

/// For each curated table: (pair name, [tuned, held-out]) hits over both directions.
fn evaluate(corpus: &Corpus) -> Vec<(String, [Hits; 2])> {
    let graph = referentiel::graph::Graph::build(corpus);
    let syn = crosswalk::synonyms(corpus);
    let mut rows = Vec::new();
    for t in corpus.correspondences.iter().filter(|t| t.status == CorrespondenceStatus::Curated) {
        let (a, b): (CertId, CertId) = (t.from.clone(), t.to.clone());
        let (ta, tb) = (Tree::build(corpus, &a), Tree::build(corpus, &b));
        let cands = crosswalk::suggest::candidates(corpus, &graph, &ta, &tb, &syn);
        // gold[direction][compétence] = its curated counterparts.
        let mut gold: [BTreeMap<String, BTreeSet<String>>; 2] = Default::default();
        for p in &t.pairs {
            for x in &p.from {
                for y in &p.to {
                    gold[0].entry(x.local.to_string()).or_default().insert(y.local.to_string());
                    gold[1].entry(y.local.to_string()).or_default().insert(x.local.to_string());
                }
            }
        }
        let mut hits = [Hits::default(); 2];
        for (dir, g) in gold.iter().enumerate() {
            for (k, (id, wanted)) in g.iter().enumerate() {
                // The candidates of this compétence, best first, as a reviewer would see them.
                let mut mine: Vec<(usize, String)> = cands
                    .iter()
                    .filter_map(|c| {
                        let (here, there, rank) = if dir == 0 {
                            (&ta.elems[c.a], &tb.elems[c.b], c.rank_a)
                        } else {
                            (&tb.elems[c.b], &ta.elems[c.a], c.rank_b)
                        };
                        (here.key.local.as_str() == id).then(|| (rank, there.key.local.to_string()))
                    })
                    .collect();
                mine.sort();
                let rank = mine.iter().position(|(_, o)| wanted.contains(o));
                if std::env::var_os("RANK_DIAG").is_some()
                    && k % 3 != 2
                    && rank.is_none_or(|r| r > 0)
                {
                    println!(
                        "  tuned miss {dir} {id}: wanted {wanted:?}, first {:?}, rank {rank:?}",
                        mine.iter().take(3).map(|x| &x.1).collect::<Vec<_>>()
                    );
                }
                hits[usize::from(k % 3 == 2)].add(rank);
            }
        }
        rows.push((format!("{} ↔ {}", t.from, t.to), hits));
    }
    rows
}

#[test]
fn the_right_counterpart_is_among_the_first_three_candidates() {
    let corpus = corpus();
    let rows = evaluate(&corpus);
    println!("\n{:<28} | {:<34} | {:<34}", "pair (curated table)", "tuned", "held-out");
    for (pair, h) in &rows {
        println!("{:<28} | {:<34} | {:<34}", pair, fmt(&h[0]), fmt(&h[1]));
    }
    assert_eq!(rows.len(), 4, "the four curated tables are evaluated");
    // The floor the tuned part meets (goal: hit@3 ≥ 0.85 and hit@1 ≥ 0.65 on every pair).
    for (pair, h) in &rows {
        assert!(h[0].h3() >= 0.5, "{pair}: {}", fmt(&h[0]));
    }
}
