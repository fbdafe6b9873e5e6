//! Evaluation of crosswalk suggestions against the reference set `tests/crosswalk-reference.yaml`
//! (pairs a reader of the field draws from the documents, a third held out): precision and recall
//! at compétence level for each of the four certification pairs, on the tuned and held-out halves,
//! for the algorithm alone and with the curated tables; and the noise below the compétence level
//! (suggestions shown on element pages, and the share of them resting on a single word).
//! Figures are printed (`cargo test --release --test testsuite crosswalk_eval:: -- --nocapture`); the test
//! asserts only a floor that the tuned half meets.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use referentiel::crosswalk::{self, Counterparts, Group, Mapping, Status};
use referentiel::ids::CertId;
use referentiel::model::Corpus;
use referentiel::schema::Kind;
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    pairs: Vec<RefPair>,
}

#[derive(Deserialize)]
struct RefPair {
    a: String,
    b: String,
    links: Vec<Link>,
}

#[derive(Deserialize)]
struct Link {
    a: String,
    b: String,
    #[allow(dead_code)]
    relation: String,
    #[serde(default)]
    held_out: bool,
    #[allow(dead_code)]
    reason: String,
}

fn corpus() -> Corpus {
    referentiel::load_corpus(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").as_path())
        .expect("the project's data loads")
}

fn reference() -> Reference {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/crosswalk-reference.yaml"),
    )
    .unwrap();
    serde_saphyr::from_str(&text).expect("the reference set parses")
}

/// The compétences the reference speaks of: compétences professionnelles of the titres and the
/// finest compétences of the BTS (not the transversales).
fn in_scope(m: &referentiel::compare::Item) -> bool {
    matches!(m.kind, Kind::CompetenceProfessionnelle | Kind::Competence)
}

/// Compétence pairs (local ids, read from a to b) a list of mappings relates.
fn pairs<'m>(mappings: impl Iterator<Item = &'m Mapping>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for m in mappings.filter(|m| m.group == Some(Group::Competences) || m.group.is_none()) {
        for x in m.a.iter().filter(|i| in_scope(i)) {
            for y in m.b.iter().filter(|i| in_scope(i)) {
                out.insert((x.id.local.to_string(), y.id.local.to_string()));
            }
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Score {
    hits: usize,
    predicted: usize,
    expected: usize,
}

impl Score {
    fn p(&self) -> f64 {
        if self.predicted == 0 { 1.0 } else { self.hits as f64 / self.predicted as f64 }
    }
    fn r(&self) -> f64 {
        if self.expected == 0 { 1.0 } else { self.hits as f64 / self.expected as f64 }
    }
}

/// Precision and recall of `predicted` on one half of the reference: predictions that are pairs
/// of the other half count neither for nor against.
fn score(
    predicted: &BTreeSet<(String, String)>,
    half: &BTreeSet<(String, String)>,
    other: &BTreeSet<(String, String)>,
) -> Score {
    let judged: Vec<_> = predicted.iter().filter(|p| !other.contains(*p)).collect();
    Score {
        hits: judged.iter().filter(|p| half.contains(**p)).count(),
        predicted: judged.len(),
        expected: half.len(),
    }
}

struct Row {
    pair: String,
    alone: [Score; 2],
    curated: [Score; 2],
}

fn evaluate(corpus: &Corpus) -> Vec<Row> {
    let mut rows = Vec::new();
    for rp in reference().pairs {
        let (a, b) = (CertId::new(&rp.a), CertId::new(&rp.b));
        let half = |held: bool| -> BTreeSet<(String, String)> {
            rp.links
                .iter()
                .filter(|l| l.held_out == held)
                .map(|l| (l.a.clone(), l.b.clone()))
                .collect()
        };
        let (tuned, held) = (half(false), half(true));
        let alone = pairs(crosswalk::suggest_only(corpus, &a, &b).iter());
        let cw = crosswalk::crosswalk(corpus, &a, &b);
        let with = pairs(cw.mappings());
        rows.push(Row {
            pair: format!("{} ↔ {}", rp.a, rp.b),
            alone: [score(&alone, &tuned, &held), score(&alone, &held, &tuned)],
            curated: [score(&with, &tuned, &held), score(&with, &held, &tuned)],
        });
    }
    rows
}

fn fmt(s: &Score) -> String {
    format!("P {:.2} R {:.2} ({}/{} of {})", s.p(), s.r(), s.hits, s.predicted, s.expected)
}

#[test]
fn suggestions_meet_the_reference_set_at_competence_level() {
    let corpus = corpus();
    let rows = evaluate(&corpus);
    println!(
        "\n{:<26} | {:<32} | {:<32} | {:<32} | {:<32}",
        "pair", "alone, tuned", "alone, held-out", "with curated, tuned", "with curated, held-out"
    );
    for r in &rows {
        println!(
            "{:<26} | {:<32} | {:<32} | {:<32} | {:<32}",
            r.pair,
            fmt(&r.alone[0]),
            fmt(&r.alone[1]),
            fmt(&r.curated[0]),
            fmt(&r.curated[1])
        );
    }
    // The floor: on the tuned half, the first three candidates of each compétence the algorithm
    // alone shows hold at least 75 % of the reference pairs of every certification pair. Since
    // #26 every compétence shows its first three candidates for review (no fixed threshold), so
    // precision here is low by construction (about 3 shown per compétence): the quality of the
    // ranking is measured by hit@1 / hit@3 in tests/testsuite/crosswalk_rank.rs. With the curated tables,
    // every reference pair is found.
    for r in &rows {
        assert!(r.alone[0].r() >= 0.75, "{}: {}", r.pair, fmt(&r.alone[0]));
        assert!(
            r.curated[0].r() == 1.0 && r.curated[1].r() == 1.0,
            "{}: the curated tables hold every reference pair",
            r.pair
        );
    }
}

/// Suggestions below the compétence level as element pages show them, and the share of them
/// that rest on a single shared word.
#[test]
fn noise_below_the_competence_level() {
    let corpus = corpus();
    let idx = Counterparts::build(&corpus);
    let mut shown = 0usize;
    let mut one_word = 0usize;
    let mut most: HashMap<usize, usize> = HashMap::new();
    for e in corpus
        .elements
        .iter()
        .filter(|e| matches!(e.kind.crosswalk_group(), Some(Group::Criteres | Group::Savoirs)))
    {
        let sugg: Vec<_> =
            idx.of(&e.key).iter().filter(|c| c.status == Status::Suggested).collect();
        let visible = sugg.len().min(crosswalk::SHOWN_PER_ELEMENT);
        shown += visible;
        one_word += sugg
            .iter()
            .take(visible)
            .filter(|c| {
                c.score.unwrap_or(0.0) < crosswalk::suggest::NEAR_DICE as f64 && c.words.len() <= 1
            })
            .count();
        *most.entry(sugg.len()).or_default() += 1;
    }
    let max = most.keys().max().copied().unwrap_or(0);
    println!(
        "\ncritère/savoir suggestions shown on element pages: {shown}, resting on one word: {one_word} ({:.0} %), most for one element: {max}",
        if shown == 0 { 0.0 } else { 100.0 * one_word as f64 / shown as f64 }
    );
    assert!(max <= 12, "no element carries a wall of suggestions");
}

/// Why the tuned half's pairs are found or missed: each reference pair of the tuned half with its
/// score, z-score and ranks, and each suggestion that is no reference pair. The held-out half is
/// not printed (it is not looked at while tuning).
#[test]
fn tuned_half_diagnosis() {
    let corpus = corpus();
    let graph = referentiel::graph::Graph::build(&corpus);
    let syn = crosswalk::synonyms(&corpus);
    for rp in reference().pairs {
        let (a, b) = (CertId::new(&rp.a), CertId::new(&rp.b));
        let (ta, tb) = (
            referentiel::compare::Tree::build(&corpus, &a),
            referentiel::compare::Tree::build(&corpus, &b),
        );
        let cands = crosswalk::suggest::candidates(&corpus, &graph, &ta, &tb, &syn);
        let shown = pairs(crosswalk::suggest_only(&corpus, &a, &b).iter());
        let all: BTreeSet<(String, String)> =
            rp.links.iter().map(|l| (l.a.clone(), l.b.clone())).collect();
        let local = |c: &crosswalk::suggest::Candidate| {
            (ta.elems[c.a].key.local.to_string(), tb.elems[c.b].key.local.to_string())
        };
        println!("\n{} ↔ {}", rp.a, rp.b);
        for l in rp.links.iter().filter(|l| !l.held_out) {
            let key = (l.a.clone(), l.b.clone());
            if let Some(c) = cands.iter().find(|c| local(c) == key) {
                println!(
                    "  {} {:>6} ↔ {:<8} score {:.3} z {:>5.2} ranks {}/{} c {:.2}/{:.2} {}",
                    if shown.contains(&key) { "found " } else { "MISSED" },
                    l.a,
                    l.b,
                    c.score,
                    c.z,
                    c.rank_a,
                    c.rank_b,
                    c.contained.0,
                    c.contained.1,
                    c.words.join(", ")
                );
            } else {
                println!(
                    "  ?????? {:>6} ↔ {:<8} not a compétence pair of the comparison",
                    l.a, l.b
                );
            }
        }
        for c in cands.iter().filter(|c| shown.contains(&local(c)) && !all.contains(&local(c))) {
            let (x, y) = local(c);
            println!(
                "  WRONG  {x:>6} ↔ {y:<8} score {:.3} z {:>5.2} ranks {}/{} c {:.2}/{:.2} {}",
                c.score,
                c.z,
                c.rank_a,
                c.rank_b,
                c.contained.0,
                c.contained.1,
                c.words.join(", ")
            );
        }
    }
}
