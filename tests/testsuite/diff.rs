//! `referentiel diff`: one synthetic edit per class (reword, move, split, merge, add, remove,
//! unchanged), the reasons of the alignment (official table, code, similarity with score), the
//! outputs, two git revisions, and the real lineage NTC 2013 → 2018 when its table is in `data/`.

use crate::synthetic;

use std::path::Path;

use referentiel::compare::{Format, Style};
use referentiel::diff::render;
use referentiel::diff::{self, Change, Class, DiffOptions, DiffReport, Reason, WordOp};
use referentiel::ids::CertId;
use referentiel::model::Corpus;
use synthetic::{El, cert, coded, el};

const CP: &str = "competence_professionnelle";
const CR: &str = "critere_performance";
const AT: &str = "activite_type";

fn base() -> Vec<El> {
    vec![
        coded(
            "at1",
            AT,
            None,
            "1",
            "Élaborer une stratégie commerciale omnicanale pour un secteur géographique défini",
        ),
        coded(
            "cp1",
            CP,
            Some("at1"),
            "1",
            "Assurer une veille commerciale pour analyser l'état du marché",
        ),
        el(
            "cp1-cr1",
            CR,
            Some("cp1"),
            "Le système de veille mis en place permet une actualisation régulière des informations",
        ),
        el("cp1-cr2", CR, Some("cp1"), "Les sources d'information sont fiables et pertinentes"),
        coded("cp2", CP, Some("at1"), "2", "Organiser un plan d'actions commerciales"),
        el(
            "cp2-cr1",
            CR,
            Some("cp2"),
            "Le plan d'actions tient compte des objectifs de l'entreprise",
        ),
        coded("at2", AT, None, "2", "Prospecter et négocier une proposition commerciale"),
        coded("cp3", CP, Some("at2"), "3", "Prospecter un secteur géographique déterminé"),
        el("cp3-cr1", CR, Some("cp3"), "La cible de prospection est définie selon la stratégie"),
        el("cp3-cr2", CR, Some("cp3"), "Le client est satisfait"),
        coded(
            "cp4",
            CP,
            Some("at2"),
            "4",
            "Concevoir une solution technique et financière adaptée au client",
        ),
        coded("cp5", CP, Some("at2"), "5", "Négocier une solution technique et commerciale"),
        el("cp5-cr1", CR, Some("cp5"), "Le client est satisfait"),
    ]
}

/// Diff the base (as `demo`) with an edited copy (also `demo`): two versions of the data.
fn versions(name: &str, edit: impl FnOnce(&mut Vec<El>)) -> DiffReport {
    let old = synthetic::corpus(&format!("{name}-old"), &[cert("demo", "demo", "1", base())], &[]);
    let mut els = base();
    edit(&mut els);
    let new = synthetic::corpus(&format!("{name}-new"), &[cert("demo", "demo", "1", els)], &[]);
    let id = CertId::new("demo");
    let r = diff::diff(&old, &id, &new, &id, &DiffOptions::default());
    assert_partition(&r);
    r
}

/// Every old element is in exactly one change's `old`, every new one in exactly one change's `new`.
#[track_caller]
fn assert_partition(r: &DiffReport) {
    use std::collections::HashSet;
    for (side, total) in [(true, r.summary.old_elements), (false, r.summary.new_elements)] {
        let mut seen = HashSet::new();
        for c in &r.changes {
            for i in if side { &c.old } else { &c.new } {
                assert!(seen.insert(i.id.clone()), "{} is in two changes", i.id);
            }
        }
        assert_eq!(seen.len(), total, "every element is in one change");
    }
}

fn changed(r: &DiffReport) -> Vec<&Change> {
    r.changes.iter().filter(|c| c.class != Class::Unchanged).collect()
}

fn ids(items: &[referentiel::diff::Item]) -> Vec<&str> {
    items.iter().map(|i| i.id.local.as_str()).collect()
}

#[track_caller]
fn only_change(r: &DiffReport) -> &Change {
    let c = changed(r);
    assert_eq!(
        c.len(),
        1,
        "expected exactly one change, got:\n{}",
        render::text(r, Style { colour: false })
    );
    c[0]
}

fn set(els: &mut [El], id: &str, f: impl FnOnce(&mut El)) {
    f(els.iter_mut().find(|e| e.id == id).expect("id in base"));
}

#[test]
fn identical_versions_are_all_unchanged() {
    let r = versions("same", |_| {});
    assert_eq!(r.summary.count(Class::Unchanged), base().len());
    assert!(changed(&r).is_empty());
    assert_eq!(r.summary.by_class.values().sum::<usize>(), base().len());
}

#[test]
fn a_reworded_critere_is_paired_by_its_id_and_similarity_with_a_word_diff() {
    let r = versions("reword", |e| {
        set(e, "cp1-cr2", |x| {
            x.text = "Les sources d'information sont fiables, récentes et pertinentes".into()
        })
    });
    let c = only_change(&r);
    assert_eq!(c.class, Class::Reworded);
    assert_eq!((ids(&c.old), ids(&c.new)), (vec!["cp1-cr2"], vec!["cp1-cr2"]));
    match &c.reason {
        Some(Reason::SameId { id, score }) => {
            assert!(id == "cp1-cr2" && *score >= 0.4 && *score < 1.0, "{score}")
        }
        other => panic!("expected the same id with a similarity score, got {other:?}"),
    }
    let words = c.words.as_ref().expect("a word diff");
    assert!(
        words.iter().any(|w| matches!(w, WordOp::Added(s) if s.contains("récentes"))),
        "{words:?}"
    );
    assert!(!words.iter().any(|w| matches!(w, WordOp::Removed(_))), "{words:?}");
}

#[test]
fn a_reworded_competence_is_paired_by_code() {
    let r = versions("reword-code", |e| {
        set(e, "cp2", |x| x.text = "Mettre en œuvre un plan d'actions commerciales".into())
    });
    let c = only_change(&r);
    assert_eq!(c.class, Class::Reworded);
    assert_eq!(c.reason, Some(Reason::Code { code: "2".into() }));
}

#[test]
fn a_critere_under_another_competence_is_moved() {
    let r = versions("move", |e| set(e, "cp2-cr1", |x| x.parent = Some("cp1".into())));
    let c = only_change(&r);
    assert_eq!(c.class, Class::Moved);
    assert!(!c.reworded);
    assert_eq!(c.old[0].parent.as_ref().unwrap().local.as_str(), "cp2");
    assert_eq!(c.new[0].parent.as_ref().unwrap().local.as_str(), "cp1");
}

#[test]
fn a_competence_cut_in_two_is_split() {
    let r = versions("split", |e| {
        set(e, "cp4", |x| x.text = "Concevoir une solution technique adaptée au client".into());
        let at = e.iter().position(|x| x.id == "cp4").unwrap();
        e.insert(
            at + 1,
            coded(
                "cp4b",
                CP,
                Some("at2"),
                "4b",
                "Concevoir une solution financière adaptée au client",
            ),
        );
    });
    let c = only_change(&r);
    assert_eq!(c.class, Class::Split);
    assert_eq!(ids(&c.old), vec!["cp4"]);
    assert_eq!(ids(&c.new), vec!["cp4", "cp4b"]);
    assert!(
        matches!(c.reason, Some(Reason::Coverage { score, .. }) if score >= 0.99),
        "{:?}",
        c.reason
    );
}

#[test]
fn two_criteres_joined_are_merged() {
    let r = versions("merge", |e| {
        set(e, "cp1-cr1", |x| {
            x.text = "Le système de veille mis en place permet une actualisation régulière des informations, à partir de sources fiables et pertinentes".into()
        });
        e.retain(|x| x.id != "cp1-cr2");
    });
    let c = only_change(&r);
    assert_eq!(c.class, Class::Merged);
    assert_eq!(ids(&c.old), vec!["cp1-cr1", "cp1-cr2"]);
    assert_eq!(ids(&c.new), vec!["cp1-cr1"]);
}

#[test]
fn a_new_critere_is_added() {
    let r = versions("add", |e| {
        let at = e.iter().position(|x| x.id == "cp2-cr1").unwrap();
        e.insert(
            at + 1,
            el("cp2-cr2", CR, Some("cp2"), "Les actions sont planifiées dans un calendrier"),
        );
    });
    let c = only_change(&r);
    assert_eq!(c.class, Class::Added);
    assert_eq!(ids(&c.new), vec!["cp2-cr2"]);
    assert_eq!(c.reason, None);
}

#[test]
fn a_deleted_critere_is_removed() {
    let r = versions("remove", |e| e.retain(|x| x.id != "cp3-cr1"));
    let c = only_change(&r);
    assert_eq!(c.class, Class::Removed);
    assert_eq!(ids(&c.old), vec!["cp3-cr1"]);
    // Tree order: the removal is reported after its parent's entry.
    let pos = |id: &str| {
        r.changes
            .iter()
            .position(|c| c.new.first().map(|i| i.id.local.as_str()) == Some(id))
            .unwrap()
    };
    let at = r.changes.iter().position(|c| c.class == Class::Removed).unwrap();
    assert!(pos("cp3") < at && at < pos("cp4"), "removal placed at {at}");
}

#[test]
fn children_follow_their_parents() {
    // Two critères share a text, under cp3 and cp5: each is paired under its own parent.
    let r = versions("children", |e| {
        set(e, "cp3", |x| x.text = "Prospecter un secteur géographique défini".into());
        set(e, "cp5", |x| x.text = "Négocier une solution technique".into());
    });
    assert_eq!(r.summary.count(Class::Reworded), 2);
    assert_eq!(r.summary.count(Class::Moved), 0);
    // A removed subtree is removed whole; an added one added whole.
    let r = versions("subtree", |e| {
        e.retain(|x| {
            x.id != "at1"
                && x.parent.as_deref() != Some("at1")
                && !x.id.starts_with("cp1-")
                && !x.id.starts_with("cp2-")
        });
        e.push(coded(
            "at3",
            AT,
            None,
            "3",
            "Assurer le suivi de la relation client après la vente",
        ));
        e.push(coded(
            "cp6",
            CP,
            Some("at3"),
            "6",
            "Mesurer la satisfaction du client après la livraison",
        ));
    });
    assert_eq!(r.summary.count(Class::Removed), 6);
    assert_eq!(r.summary.count(Class::Added), 2);
    assert_eq!(r.summary.by_kind[&Class::Removed].values().sum::<usize>(), 6);
}

fn ntc_like(table: &str) -> Corpus {
    let old = cert(
        "old",
        "ntc",
        "2013",
        vec![
            coded(
                "ccp1",
                "ccp",
                None,
                "1",
                "Prospecter, présenter et négocier une solution technique",
            ),
            coded(
                "ccp2",
                "ccp",
                None,
                "2",
                "Gérer et optimiser l'activité commerciale sur un secteur géographique déterminé",
            ),
            coded("ccp3", "ccp", None, "3", "Assurer le service après-vente"),
        ],
    );
    let mut new = cert(
        "new",
        "ntc",
        "2018",
        vec![
            coded(
                "ccp1",
                "ccp",
                None,
                "1",
                "Élaborer une stratégie commerciale omnicanale pour un secteur géographique défini",
            ),
            coded("ccp2", "ccp", None, "2", "Prospecter et négocier une proposition commerciale"),
        ],
    );
    new.predecessors = vec!["old".into()];
    synthetic::corpus(table, &[old, new], &[("correspondences/old-new.yaml", table.to_string())])
}

const TABLE: &str = "correspondences:
  - id: old-new
    status: official
    from: old
    to: new
    pairs:
      - {from: [ccp1], to: [ccp2]}
      - {from: [ccp2], to: [ccp1]}
      - {from: [ccp3], to: []}
";

#[test]
fn official_tables_come_before_codes() {
    let corpus = ntc_like(TABLE);
    let r = diff::diff(
        &corpus,
        &CertId::new("old"),
        &corpus,
        &CertId::new("new"),
        &DiffOptions::default(),
    );
    let pairs: Vec<(Vec<&str>, Vec<&str>)> = r
        .changes
        .iter()
        .filter(|c| c.class == Class::Reworded)
        .map(|c| (ids(&c.old), ids(&c.new)))
        .collect();
    assert_eq!(pairs, vec![(vec!["ccp2"], vec!["ccp1"]), (vec!["ccp1"], vec!["ccp2"])]);
    for c in r.of_class(Class::Reworded) {
        assert!(
            matches!(&c.reason, Some(Reason::OfficialTable { table, .. }) if table.as_str() == "old-new"),
            "{:?}",
            c.reason
        );
    }
    let removed: Vec<&Change> = r.of_class(Class::Removed).collect();
    assert_eq!(removed.len(), 1);
    assert!(
        matches!(removed[0].reason, Some(Reason::OfficialTable { .. })),
        "the table says ccp3 has no counterpart"
    );
    assert_eq!(diff::lineage_pairs(&corpus), vec![(CertId::new("old"), CertId::new("new"))]);
}

#[test]
fn without_a_table_codes_and_similarity_decide() {
    let corpus = ntc_like("correspondences: []\n");
    let r = diff::diff(
        &corpus,
        &CertId::new("old"),
        &corpus,
        &CertId::new("new"),
        &DiffOptions::default(),
    );
    // Same code and shared words: paired by code (which is what the official table corrects).
    let by_code: Vec<&Change> =
        r.changes.iter().filter(|c| matches!(c.reason, Some(Reason::Code { .. }))).collect();
    assert_eq!(by_code.len(), 1, "{}", render::text(&r, Style { colour: false }));
    assert_eq!((ids(&by_code[0].old), ids(&by_code[0].new)), (vec!["ccp2"], vec!["ccp2"]));
    // Same code but no word in common: not paired.
    assert!(r.of_class(Class::Removed).any(|c| ids(&c.old) == ["ccp1"]));
    assert!(r.of_class(Class::Added).any(|c| ids(&c.new) == ["ccp1"]));
}

#[test]
fn similarity_pairs_report_their_score_and_words() {
    let a = cert(
        "a",
        "x",
        "1",
        vec![el("s1", "savoir", None, "Connaissance des techniques de prospection téléphonique")],
    );
    let b = cert(
        "b",
        "x",
        "2",
        vec![el(
            "k9",
            "savoir",
            None,
            "Connaissance des techniques de prospection téléphonique et numérique",
        )],
    );
    let corpus = synthetic::corpus("similarity", &[a, b], &[]);
    let r =
        diff::diff(&corpus, &CertId::new("a"), &corpus, &CertId::new("b"), &DiffOptions::default());
    let c = only_change(&r);
    assert_eq!(c.class, Class::Reworded);
    let Some(Reason::Similarity { score, shared }) = &c.reason else { panic!("{:?}", c.reason) };
    assert!(*score > 0.7 && *score < 1.0, "{score}");
    assert!(
        shared.contains(&"prospection".to_string()) && shared.contains(&"téléphonique".to_string()),
        "{shared:?}"
    );
}

#[test]
fn outputs_text_markdown_json() {
    let r = versions("outputs", |e| {
        set(e, "cp1-cr2", |x| {
            x.text = "Les sources d'information sont fiables, récentes et pertinentes".into()
        })
    });
    let plain = render::render(&r, Format::Text, false);
    assert!(!plain.contains('\x1b'), "no colour when not asked");
    assert!(
        plain.contains("~ reformulé")
            && (plain.contains("{+récentes+}") || plain.contains("{+, récentes+}")),
        "{plain}"
    );
    // French around French data (#25): the summary, then the details.
    assert!(
        !plain.contains("reworded") && !plain.contains("unchanged") && !plain.contains("alike"),
        "{plain}"
    );
    let summary_at = plain.find("inchangés").unwrap();
    let details_at = plain.find("Détail").unwrap();
    assert!(summary_at < details_at, "summary first");
    assert!(render::render(&r, Format::Text, true).contains("\x1b["));
    let md = render::render(&r, Format::Markdown, false);
    assert!(
        md.contains("| classe | nombre | par nature |") && md.contains("**reformulé**"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&render::render(&r, Format::Json, false)).expect("valid JSON");
    assert_eq!(json["format"], 1);
    assert_eq!(json["summary"]["by_class"]["reworded"], 1);
    let ch = json["changes"].as_array().unwrap().iter().find(|c| c["class"] == "reworded").unwrap();
    assert_eq!(ch["reason"]["by"], "same_id");
    assert!(ch["reason"]["score"].as_f64().unwrap() > 0.4);
    assert!(ch["words"].as_array().unwrap().iter().any(|w| w["op"] == "added"));
    assert!(
        ["correction", "ajustement", "revision"].contains(&ch["degree"].as_str().unwrap()),
        "{}",
        ch["degree"]
    );
    assert_eq!(ch["old"][0]["id"]["local"], "cp1-cr2");
    assert!(
        json["coverage"]["sentence"].as_str().unwrap().contains("tous les niveaux"),
        "two versions of one certification compare every level"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(ok.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&ok.stderr));
}

#[test]
fn two_git_revisions_of_the_data() {
    use referentiel::diff::source::{DataSource, load};
    let repo = synthetic::temp("git-repo");
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    let data = repo.join("data");
    synthetic::write(&data, &[cert("demo", "demo", "1", base())], &[]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "one"]);
    let mut els = base();
    els.retain(|x| x.id != "cp3-cr1");
    synthetic::write(&data, &[cert("demo", "demo", "1", els)], &[]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "two"]);
    let old = load(&DataSource::Revision { data: data.clone(), rev: "HEAD~1".into() })
        .expect("old revision loads");
    let new = load(&DataSource::Revision { data: data.clone(), rev: "HEAD".into() })
        .expect("new revision loads");
    let id = CertId::new("demo");
    let r = diff::diff(&old, &id, &new, &id, &DiffOptions::default());
    assert_eq!(only_change(&r).class, Class::Removed);
    let bad = load(&DataSource::Revision { data: data.clone(), rev: "no-such-rev".into() });
    assert!(matches!(bad, Err(diff::DiffError::Git { .. })));
    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn unknown_certifications_are_errors_with_a_hint() {
    let corpus = ntc_like(TABLE);
    let e = diff::require_cert(&corpus, "nwe", referentiel::words::command::side::NEW).unwrap_err();
    assert!(
        e.to_string().contains("aucune certification `nwe`")
            && e.to_string().contains("nouvelle version"),
        "{e}"
    );
}

/// The real lineage: the CCP pairs of the official table NTC 2013 → 2018 come out as the table says.
#[test]
fn real_ntc_2013_2018_ccps_follow_the_official_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("data/correspondences/ntc-2013-2018.yaml").exists() {
        eprintln!(
            "notice: data/correspondences/ntc-2013-2018.yaml is not there yet; real-lineage test skipped"
        );
        return;
    }
    let corpus = referentiel::load_corpus(&root.join("data")).unwrap_or_else(|d| {
        panic!(
            "the real data does not check:\n{}",
            d.iter().map(|d| d.render()).collect::<String>()
        )
    });
    let table = corpus
        .correspondences
        .iter()
        .find(|t| t.id.as_str() == "ntc-2013-2018")
        .expect("the table ntc-2013-2018");
    let r = diff::diff(&corpus, &table.from, &corpus, &table.to, &DiffOptions::default());
    eprintln!(
        "{}",
        render::text(&r, Style { colour: false }).lines().take(10).collect::<Vec<_>>().join("\n")
    );
    assert_partition(&r);
    assert!(!table.pairs.is_empty());
    for p in &table.pairs {
        let want_old: Vec<&str> = p.from.iter().map(|k| k.local.as_str()).collect();
        let want_new: Vec<&str> = p.to.iter().map(|k| k.local.as_str()).collect();
        let c = r
            .changes
            .iter()
            .find(|c| {
                (!want_old.is_empty() && ids(&c.old) == want_old)
                    || (want_old.is_empty() && ids(&c.new) == want_new)
            })
            .unwrap_or_else(|| panic!("no change for the pair {want_old:?} → {want_new:?}"));
        assert_eq!(ids(&c.new), want_new, "pair {want_old:?}");
        assert!(
            matches!(&c.reason, Some(Reason::OfficialTable { table, .. }) if table.as_str() == "ntc-2013-2018"),
            "{:?}",
            c.reason
        );
    }
}

/// Every real lineage pair diffs into a partition of both sides (and prints its summary).
#[test]
fn real_lineages_partition_both_sides() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("data/certifications").is_dir() {
        eprintln!("notice: no certification in data/ yet; real lineage test skipped");
        return;
    }
    let corpus = referentiel::load_corpus(&root.join("data")).unwrap_or_else(|d| {
        panic!(
            "the real data does not check:\n{}",
            d.iter().map(|d| d.render()).collect::<String>()
        )
    });
    for (a, b) in diff::lineage_pairs(&corpus) {
        let r = diff::diff(&corpus, &a, &corpus, &b, &DiffOptions::default());
        assert_partition(&r);
        let counts: Vec<String> =
            Class::ALL.iter().map(|c| format!("{} {}", c.name(), r.summary.count(*c))).collect();
        eprintln!("{a} → {b}: {}", counts.join(", "));
    }
}
