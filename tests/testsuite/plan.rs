//! Training plans (#28): `referentiel plan` on the sample plan of `plans/` gives the counts that
//! the data gives (computed here from the fiches, walking up from each item rather than down
//! from what the plan names), and each kind of bad input gets its diagnostic, exit code 1 and
//! nothing written.

use std::path::Path;
use std::process::Command;

use referentiel::diag::Code;
use referentiel::fiche::Fiche;
use referentiel::graph::Graph;
use referentiel::ids::ElementKey;
use referentiel::model::Corpus;
use referentiel::plan::{self, Plan};
use referentiel::schema::Family;

const SAMPLE: &str = "plans/ntc-2018-parcours.yaml";

fn corpus() -> Corpus {
    referentiel::load_corpus(Path::new("data")).expect("clean data")
}

/// Is `k` covered: named by a séquence, under an element a séquence names, or listed by the
/// fiche of a compétence a séquence names?
fn covered(corpus: &Corpus, graph: &Graph, plan: &Plan, k: &ElementKey) -> bool {
    plan.sequences.iter().flat_map(|s| &s.covers).any(|c| {
        let mut cur = corpus.element(k);
        while let Some(e) = cur {
            if &e.key == c {
                return true;
            }
            cur = e.parent.as_ref().and_then(|p| corpus.element(p));
        }
        Fiche::of(corpus, graph, c)
            .is_some_and(|f| f.all_items().contains(&k) && !f.all_conditions().any(|x| x == k))
    })
}

#[test]
fn the_sample_plan_gives_the_counts_of_the_data() {
    let corpus = corpus();
    let graph = Graph::build(&corpus);
    let p = plan::read(&corpus, Path::new(SAMPLE)).unwrap_or_else(|d| panic!("{d:?}"));
    let cov = plan::coverage::coverage(&corpus, &graph, &p);
    assert_eq!(cov.hours, 161.0);
    let fam = |k: &ElementKey| corpus.element(k).unwrap().kind.family();
    for c in &cov.competences {
        let f = Fiche::of(&corpus, &graph, &c.id).unwrap();
        let mut items: Vec<&ElementKey> =
            f.all_criteres().chain(f.savoir_faire.iter().flat_map(|g| &g.items)).collect();
        items.extend(
            f.savoirs
                .iter()
                .flat_map(|s| std::iter::once(&s.key).chain(&s.savoirs))
                .filter(|k| fam(k) == Family::Savoir),
        );
        items.sort();
        items.dedup();
        for (family, count) in [
            (Family::Critere, c.criteres),
            (Family::SavoirFaire, c.savoir_faire),
            (Family::Savoir, c.savoirs),
        ] {
            let of: Vec<&&ElementKey> = items.iter().filter(|k| fam(k) == family).collect();
            let yes = of.iter().filter(|k| covered(&corpus, &graph, &p, k)).count();
            assert_eq!((count.covered, count.total), (yes, of.len()), "{} {family:?}", c.id);
        }
    }
    let by = |id: &str| cov.competences.iter().find(|c| c.id.local.as_str() == id).unwrap();
    // CP1 whole; CP3 its critères and two savoir-faire; CP7 its critères only.
    assert_eq!(by("cp1").criteres.covered, by("cp1").criteres.total);
    assert!(by("cp1").uncovered.is_empty());
    let cp3 = by("cp3");
    assert_eq!((cp3.criteres.covered, cp3.criteres.total), (5, 5));
    assert!(cp3.savoir_faire.covered >= 2 && cp3.savoir_faire.covered < cp3.savoir_faire.total);
    assert_eq!(cp3.hours, 14.0);
    let cp7 = by("cp7");
    assert_eq!(cp7.savoir_faire.covered, 0);
    assert!(cp7.criteres.covered == cp7.criteres.total && cp7.criteres.total > 0);
    // The JSON lists every uncovered id, and only those.
    let json: serde_json::Value = serde_json::from_str(&plan::render::json(&p, &cov)).unwrap();
    let uncovered: Vec<&str> =
        json["uncovered"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(uncovered.contains(&"cp3-sf3") && uncovered.contains(&"cp7-sf1"));
    assert!(!uncovered.iter().any(|u| u.starts_with("cp1-") || *u == "cp3-cr1" || *u == "cp7"));
    // Units: the two CCP.
    assert_eq!(json["units"].as_array().unwrap().len(), 2);
}

#[test]
fn the_command_prints_french_counts_and_writes_the_tableau_croisé() {
    let bin = env!("CARGO_BIN_EXE_referentiel");
    let out = Command::new(bin).args(["plan", SAMPLE]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("critères 5/5"), "{text}");
    assert!(text.contains("non couvert : cp3-sf3"), "{text}");
    let dir = std::env::temp_dir().join(format!("referentiel-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("tableau.xlsx");
    let out = Command::new(bin)
        .args(["plan", SAMPLE, "--format", "xlsx", "--out"])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("Tableau croisé").unwrap();
    let cells: Vec<String> = sheet.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(cells.iter().any(|c| c == "s03") && cells.iter().any(|c| c == "Relancer et fidéliser"));
    assert!(cells.iter().filter(|c| *c == "X").count() >= 7, "a cell per link");
    std::fs::remove_dir_all(&dir).ok();
}

fn diagnose(text: &str) -> Vec<referentiel::diag::Diagnostic> {
    plan::read_str(&corpus(), Path::new("plans/bad.yaml"), text).expect_err("a bad plan is refused")
}

const HEAD: &str = "plan:\n  certification: ntc-2018\n  title: Essai\nsequences:\n";

#[test]
fn an_unknown_id_gets_its_line_column_and_a_did_you_mean() {
    let d = diagnose(&format!(
        "{HEAD}  - id: s01\n    title: Veille\n    hours: 3\n    covers: [cp1, cp8]\n"
    ));
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].code, d[0].line, d[0].column), (Code::UnknownId, 8, 19));
    assert_eq!(d[0].message, "identifiant inconnu `cp8` dans ntc-2018");
    // `cp8` is an id of cc-2017: the hint says so too.
    assert!(
        d[0].hint.as_deref().unwrap().starts_with("vouliez-vous dire `cp7` ?"),
        "{:?}",
        d[0].hint
    );
    assert!(d[0].render().contains("plans/bad.yaml:8:19"));
}

#[test]
fn an_id_of_another_certification_is_refused_with_which_one() {
    let d = diagnose(&format!("{HEAD}  - id: s01\n    title: Veille\n    covers: [bts-nrc/c11]\n"));
    assert_eq!((d[0].code, d[0].line), (Code::UnknownId, 7));
    assert_eq!(d[0].message, "`bts-nrc/c11` est un élément d’une autre certification (bts-nrc)");
    let d = diagnose(&format!("{HEAD}  - id: s01\n    title: Veille\n    covers: [c11]\n"));
    assert!(d[0].hint.as_deref().unwrap().contains("bts-nrc"), "{:?}", d[0].hint);
}

#[test]
fn a_duplicate_sequence_id_points_at_the_second_and_names_the_first() {
    let d = diagnose(&format!("{HEAD}  - id: s01\n    title: A\n  - id: s01\n    title: B\n"));
    assert_eq!((d[0].code, d[0].line, d[0].column), (Code::DuplicateId, 7, 9));
    assert_eq!(d[0].message, "identifiant de séquence en double `s01`");
    assert!(d[0].hint.as_deref().unwrap().contains("ligne 5"));
}

#[test]
fn negative_hours_are_refused() {
    let d = diagnose(&format!("{HEAD}  - id: s01\n    title: A\n    hours: -7\n"));
    assert_eq!((d[0].code, d[0].line, d[0].column), (Code::Invalid, 7, 12));
    assert_eq!(d[0].message, "heures négatives (-7) pour la séquence `s01`");
}

#[test]
fn an_unknown_certification_gets_a_did_you_mean() {
    let d = diagnose("plan:\n  certification: ntc-2081\n  title: Essai\n");
    assert_eq!((d[0].code, d[0].line, d[0].column), (Code::UnknownId, 2, 18));
    assert_eq!(d[0].hint.as_deref(), Some("vouliez-vous dire `ntc-2018` ?"));
}

#[test]
fn a_bad_plan_exits_1_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("referentiel-badplan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.yaml");
    std::fs::write(
        &bad,
        format!("{HEAD}  - id: s01\n    title: A\n    hours: -1\n    covers: [cp9]\n"),
    )
    .unwrap();
    let out_file = dir.join("out.json");
    let out = Command::new(env!("CARGO_BIN_EXE_referentiel"))
        .arg("plan")
        .arg(&bad)
        .arg("--json")
        .arg("--out")
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_file.exists(), "nothing written");
    let diags: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(diags.as_array().unwrap().len(), 2, "both problems reported: {diags}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn against_another_version_the_links_that_changed_are_listed_with_their_class() {
    let corpus = corpus();
    let p = plan::read(&corpus, Path::new(SAMPLE)).unwrap();
    let other = referentiel::ids::CertId::new("ntc-2013");
    let fates = plan::against::against(&corpus, &p, &other);
    let report = referentiel::diff::diff(&corpus, &p.cert, &corpus, &other, &Default::default());
    // Every link the diff does not class unchanged is listed, and only those.
    for s in &p.sequences {
        for k in &s.covers {
            let class = report
                .changes
                .iter()
                .find(|c| c.old.iter().any(|i| &i.id == k))
                .map(|c| c.class)
                .unwrap_or(referentiel::diff::Class::Removed);
            let listed = fates.iter().any(|f| &f.id == k && f.sequence == s.id);
            assert_eq!(
                listed,
                class != referentiel::diff::Class::Unchanged,
                "{} {k}: {class:?}",
                s.id
            );
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_referentiel"))
        .args(["plan", SAMPLE, "--against", "ntc-2013"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("à revoir"));
}
