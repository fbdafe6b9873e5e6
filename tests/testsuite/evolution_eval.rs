//! Evaluation of the diff's pairing against `tests/evolution-reference.yaml` (#25): the pairs a
//! reader makes between two versions, written from the documents before tuning, every third pair
//! of each lineage held out. A pair is found when one change relates all its old elements to all
//! its new ones. Recall is printed per part and level
//! (`cargo test --release --test testsuite evolution_eval:: -- --nocapture`); the test asserts the figures
//! measured when the set was tuned (every pair of both parts), and that no compétence of the set
//! is paired with anything the set does not name.

use std::collections::BTreeMap;
use std::path::Path;

use referentiel::diff::{self, DiffOptions};
use referentiel::ids::CertId;
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    lineages: Vec<Lineage>,
}

#[derive(Deserialize)]
struct Lineage {
    old: String,
    new: String,
    pairs: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    level: String,
    old: Vec<String>,
    new: Vec<String>,
    held_out: bool,
    #[allow(dead_code)]
    rests_on: String,
}

#[test]
fn pairing_recall_on_the_evaluation_set() {
    let text =
        std::fs::read_to_string("tests/evolution-reference.yaml").expect("the evaluation set");
    let reference: Reference = serde_saphyr::from_str(&text).expect("the evaluation set parses");
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let mut tally: BTreeMap<(bool, String), (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    let mut wrong = Vec::new();
    for l in &reference.lineages {
        let r = diff::diff(
            &corpus,
            &CertId::new(&l.old),
            &corpus,
            &CertId::new(&l.new),
            &DiffOptions::default(),
        );
        let changes: Vec<(Vec<String>, Vec<String>)> = r
            .changes
            .iter()
            .map(|c| {
                (
                    c.old.iter().map(|i| i.id.local.to_string()).collect(),
                    c.new.iter().map(|i| i.id.local.to_string()).collect(),
                )
            })
            .collect();
        for p in &l.pairs {
            let found = changes.iter().any(|(o, n)| {
                p.old.iter().all(|x| o.contains(x)) && p.new.iter().all(|x| n.contains(x))
            });
            for key in [(p.held_out, p.level.clone()), (p.held_out, "all".to_string())] {
                let t = tally.entry(key).or_default();
                t.0 += usize::from(found);
                t.1 += 1;
            }
            if !found {
                missed.push(format!("{} → {}: {:?} → {:?}", l.old, l.new, p.old, p.new));
            }
            // Precision at compétence level: an element of the set paired with another one.
            if p.level == "competence" {
                for (o, n) in &changes {
                    if p.old.iter().any(|x| o.contains(x))
                        && !n.is_empty()
                        && !p.new.iter().all(|x| n.contains(x))
                    {
                        wrong.push(format!("{} → {}: {o:?} → {n:?}", l.old, l.new));
                    }
                }
            }
        }
    }
    for ((held, level), (found, total)) in &tally {
        println!("{} {level:<11} {found}/{total}", if *held { "held-out" } else { "tuned   " });
    }
    for m in &missed {
        println!("missed: {m}");
    }
    for w in &wrong {
        println!("wrong: {w}");
    }
    assert!(wrong.is_empty(), "compétences paired with what the set does not name: {wrong:?}");
    assert!(missed.is_empty(), "pairs of the evaluation set not found: {missed:?}");
}

#[test]
fn ntc_2013_is_known_by_its_rncp_fiche_and_no_level_of_one_side_is_added() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let r = diff::diff(
        &corpus,
        &CertId::new("ntc-2013"),
        &corpus,
        &CertId::new("ntc-2018"),
        &DiffOptions::default(),
    );
    assert!(
        r.coverage.sentence.contains("n’est connu que par sa fiche RNCP"),
        "{}",
        r.coverage.sentence
    );
    assert!(r.coverage.sentence.contains("compétences"), "{}", r.coverage.sentence);
    // Critères and savoir-faire exist only in 2018: counted apart, never added.
    for c in r
        .changes
        .iter()
        .filter(|c| c.class == diff::Class::Added || c.class == diff::Class::Removed)
    {
        assert!(
            r.coverage.compares(c.kind),
            "{:?} {:?} counted although one side only describes it",
            c.class,
            c.kind
        );
    }
    assert!(
        r.coverage.new_only.get(&referentiel::schema::Kind::SavoirFaire).copied().unwrap_or(0)
            > 100
    );
    assert!(
        r.summary
            .by_kind
            .values()
            .all(|m| !m.contains_key(&referentiel::schema::Kind::SavoirFaire))
    );
}

#[test]
fn every_certifying_unit_of_the_new_version_gets_a_verdict_in_the_four_lineages() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    for (old, new) in [
        ("ntc-2013", "ntc-2018"),
        ("bts-tc-1997", "bts-tc-2006"),
        ("bts-fv-1997", "bts-nrc"),
        ("tp-commercial", "cc-2017"),
    ] {
        let r = diff::diff(
            &corpus,
            &CertId::new(old),
            &corpus,
            &CertId::new(new),
            &DiffOptions::default(),
        );
        use referentiel::schema::Kind;
        let mut units: Vec<String> = corpus
            .elements_of(&CertId::new(new))
            .filter(|e| {
                matches!(e.kind, Kind::Ccp | Kind::BlocCompetences | Kind::Unite | Kind::Epreuve)
                    && r.coverage.compares(e.kind)
            })
            .map(|e| e.key.local.to_string())
            .collect();
        if units.is_empty() {
            // No unit in the data (CC 2017): its activités types stand for its CCP.
            units = corpus
                .elements_of(&CertId::new(new))
                .filter(|e| e.kind == Kind::ActiviteType)
                .map(|e| e.key.local.to_string())
                .collect();
            assert!(r.units.iter().all(|u| u.by_activite), "{new}: units stand for by activités");
        }
        assert!(!units.is_empty(), "{new} has units");
        for u in &units {
            let row = r.units.iter().find(|v| {
                v.verdict != diff::Verdict::Supprime
                    && (v.unit.item.id.local.as_str() == u
                        || v.also.iter().any(|a| a.id.local.as_str() == u))
            });
            let row = row.unwrap_or_else(|| panic!("{old} → {new}: no verdict for {u}"));
            assert_ne!(
                row.verdict,
                diff::Verdict::NonComparable,
                "{old} → {new}: {u} is comparable"
            );
            // « nouveau » only for a unit that no correspondence table between the two names
            // (BTS NRC UF1: the table of annexe VI lists no optional épreuve of the BTS Force de vente).
            if row.verdict == diff::Verdict::Nouveau {
                let named = corpus
                    .correspondences
                    .iter()
                    .filter(|t| t.from.as_str() == old && t.to.as_str() == new)
                    .any(|t| t.pairs.iter().any(|p| p.to.iter().any(|k| k.local.as_str() == u)));
                assert!(!named, "{old} → {new}: {u} is paired by a table, yet « nouveau »");
            } else {
                assert!(!row.counterparts.is_empty(), "{old} → {new}: {u} has its counterparts");
            }
        }
    }
}

#[test]
fn official_tables_decide_unit_verdicts_with_their_row() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let r = diff::diff(
        &corpus,
        &CertId::new("bts-fv-1997"),
        &corpus,
        &CertId::new("bts-nrc"),
        &DiffOptions::default(),
    );
    let u4 = r.units.iter().find(|v| v.unit.item.id.local.as_str() == "u4").expect("U4 of BTS NRC");
    assert_eq!(u4.counterparts.len(), 1);
    let row = u4.counterparts[0].row.as_ref().expect("the table row");
    assert_eq!(row.lines.map(|l| l.to_string()).as_deref(), Some("3263-3269"));
    // « Négociation vente commerciale » → « Communication commerciale »: the title was revised.
    assert_eq!(u4.verdict, diff::Verdict::EquivalentAvecChangements);
    assert!(!u4.old_content_known);
    let u1 = r.units.iter().find(|v| v.unit.item.id.local.as_str() == "u1").expect("U1");
    assert_eq!(u1.verdict, diff::Verdict::Equivalent, "Français → Français");
}

#[test]
fn classes_of_change_follow_the_documented_rules() {
    use diff::Degree;
    use diff::classify::degree;
    assert_eq!(
        degree(
            "Mobiliser un comportement orienté client et une posture de service.",
            "Mobiliser un comportement orienté client et une posture de service"
        ),
        Degree::Correction
    );
    assert_eq!(degree("Etudier l'état du marché", "Étudier l’état du marché"), Degree::Correction);
    assert_eq!(
        degree(
            "Organiser un plan d'action commerciale",
            "Organiser un plan d’actions commerciales"
        ),
        Degree::Correction
    );
    assert_eq!(
        degree(
            "Mettre en œuvre des actions de fidélisation et de développement",
            "Mettre en œuvre des actions de fidélisation"
        ),
        Degree::Ajustement
    );
    assert_eq!(
        degree(
            "Utiliser les technologies de l'information, les outils informatiques et/ou bureautiques.",
            "Maîtriser les outils et usages numériques"
        ),
        Degree::Revision
    );
}
