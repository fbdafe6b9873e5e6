//! Crosswalks: suggestions with scores and supporting words, always labelled as suggestions;
//! official pairs shown as such; curated pairs checked like all data and taking precedence over
//! suggestions; coverage of each side; counterparts for a compétence page; the real data.

use crate::synthetic;

use std::path::Path;

use referentiel::compare::Format;
use referentiel::crosswalk::{self, Counterparts, Group, Status};
use referentiel::ids::{CertId, ElementKey, LocalId};
use referentiel::model::Corpus;
use synthetic::{Cert, cert, coded, el};

fn titre() -> Cert {
    cert(
        "titre",
        "titre",
        "2018",
        vec![
            coded(
                "at1",
                "activite_type",
                None,
                "1",
                "Prospecter et négocier une proposition commerciale",
            ),
            coded(
                "cp1",
                "competence_professionnelle",
                Some("at1"),
                "1",
                "Prospecter un secteur géographique",
            ),
            el(
                "cp1-cr1",
                "critere_performance",
                Some("cp1"),
                "Le fichier des prospects est mis à jour",
            ),
            el(
                "cp1-s1",
                "savoir",
                Some("cp1"),
                "Connaissance des techniques de prospection téléphonique",
            ),
            coded(
                "cp2",
                "competence_professionnelle",
                Some("at1"),
                "2",
                "Négocier une solution commerciale avec le client",
            ),
            el(
                "cp2-cr1",
                "critere_performance",
                Some("cp2"),
                "Les objections du client sont traitées",
            ),
            coded(
                "cp3",
                "competence_professionnelle",
                Some("at1"),
                "3",
                "Piloter un tableau de bord financier",
            ),
        ],
    )
}

fn bts() -> Cert {
    cert(
        "bts",
        "bts",
        "2006",
        vec![
            coded("c1", "competence", None, "C1", "Gérer la relation client"),
            coded(
                "c11",
                "competence",
                Some("c1"),
                "C11",
                "Organiser la prospection d'un secteur géographique",
            ),
            el(
                "c11-ce1",
                "critere_evaluation",
                Some("c11"),
                "Le fichier de prospects est à jour et exploitable",
            ),
            coded(
                "c12",
                "competence",
                Some("c1"),
                "C12",
                "Conduire la négociation commerciale avec le client",
            ),
            el(
                "c12-ce1",
                "critere_evaluation",
                Some("c12"),
                "Le traitement des objections du client est pertinent",
            ),
            coded(
                "c13",
                "competence",
                Some("c1"),
                "C13",
                "Animer une équipe de vendeurs sur le terrain",
            ),
            coded(
                "s1",
                "savoir_associe",
                None,
                "S1",
                "Les techniques de prospection téléphonique et numérique",
            ),
        ],
    )
}

fn load(name: &str, extra: &[(&str, String)]) -> Corpus {
    synthetic::corpus(name, &[titre(), bts()], extra)
}

fn key(c: &str, l: &str) -> ElementKey {
    ElementKey::new(CertId::new(c), LocalId::new(l))
}

fn ids(items: &[referentiel::diff::Item]) -> Vec<&str> {
    items.iter().map(|i| i.id.local.as_str()).collect()
}

#[test]
fn suggestions_have_scores_and_words_and_say_what_they_are() {
    let corpus = load("suggest", &[]);
    let cw = crosswalk::crosswalk(&corpus, &CertId::new("titre"), &CertId::new("bts"));
    assert!(cw.official.is_empty() && cw.curated.is_empty());
    let find = |a: &str| {
        cw.suggested
            .iter()
            .filter(|m| ids(&m.a) == [a])
            .max_by(|x, y| x.score.partial_cmp(&y.score).unwrap())
            .unwrap()
    };
    let p = find("cp1");
    assert_eq!(ids(&p.b), ["c11"], "{:?}", cw.suggested);
    // A suggestion is ranked and scored, never typed: only a person states a relation.
    assert!(p.mutual && p.status == Status::Suggested && p.relation.is_none() && p.rank == Some(1));
    assert!(p.score.unwrap() > 0.0);
    assert!(
        p.words.iter().any(|w| w.starts_with("prospect"))
            && p.words.iter().any(|w| w == "géographique"),
        "{:?}",
        p.words
    );
    assert_eq!(ids(&find("cp2").b), ["c12"]);
    // At most the first three candidates of each compétence are shown.
    assert!(
        cw.suggested
            .iter()
            .filter(|m| m.group == Some(Group::Competences))
            .all(|m| m.rank.is_some_and(|r| r <= 3))
    );
    // Critères and savoirs are suggested within their own groups, only under a compétence pair
    // that holds (cp1 ↔ c11), quoting both texts.
    let cr = cw
        .suggested
        .iter()
        .find(|m| m.group == Some(Group::Criteres) && ids(&m.a) == ["cp1-cr1"])
        .expect("the two fichier critères meet");
    assert_eq!(ids(&cr.b), ["c11-ce1"]);
    assert_eq!(cr.evidence[0].b, "Le fichier de prospects est à jour et exploitable");
    // s1 sits under no compétence: it is never suggested, however alike the words.
    assert!(!cw.suggested.iter().any(|m| ids(&m.b) == ["s1"]));
    assert!(cw.suggested.iter().all(|m| m.group.is_some()
        && m.a.iter().chain(&m.b).all(|i| i.kind.crosswalk_group() == m.group)));
    // Every output says "suggested".
    let text = crosswalk::render::render(&cw, Format::Text, false);
    assert!(text.contains("Suggestions calculées — les trois premiers candidats de chaque compétence, à examiner ; jamais officielles"), "{text}");
    let md = crosswalk::render::render(&cw, Format::Markdown, false);
    assert!(md.contains("jamais officielles"));
    let json: serde_json::Value =
        serde_json::from_str(&crosswalk::render::render(&cw, Format::Json, false)).unwrap();
    assert!(json["suggested"].as_array().unwrap().iter().all(|m| m["status"] == "suggested"));
}

#[test]
fn coverage_counts_competences_with_and_without_counterpart() {
    let corpus = load("coverage", &[]);
    let cw = crosswalk::crosswalk(&corpus, &CertId::new("titre"), &CertId::new("bts"));
    // Titre: cp1, cp2 have counterparts, cp3 (tableau de bord financier) none.
    assert_eq!((cw.coverage.a.competences, cw.coverage.a.covered), (3, 2));
    assert_eq!(ids(&cw.coverage.a.without), ["cp3"]);
    assert_eq!(cw.coverage.a.share, Some(0.667));
    // BTS: leaf compétences only (c1 has compétences under it): c11, c12 covered, c13 not.
    assert_eq!((cw.coverage.b.competences, cw.coverage.b.covered), (3, 2));
    assert_eq!(ids(&cw.coverage.b.without), ["c13"]);
    assert_eq!(cw.coverage.b.by_status.get(&Status::Suggested), Some(&2));
}

const CURATED: &str = "correspondences:
  - id: titre-bts
    status: curated
    from: titre
    to: bts
    author: Équipe pédagogique
    date: \"2024-05-02\"
    relation: close_match
    pairs:
      - {from: [cp1], to: [c13], relation: related_match, justification: La prospection terrain suppose d’animer les vendeurs}
      - {from: [cp2], to: [], justification: Aucun équivalent retenu}
";

#[test]
fn curated_pairs_take_precedence_over_suggestions() {
    let corpus = load("curated", &[("correspondences/titre-bts.yaml", CURATED.to_string())]);
    let cw = crosswalk::crosswalk(&corpus, &CertId::new("titre"), &CertId::new("bts"));
    assert_eq!(cw.curated.len(), 2);
    let m = &cw.curated[0];
    assert_eq!((ids(&m.a), ids(&m.b)), (vec!["cp1"], vec!["c13"]));
    assert_eq!(m.status, Status::Curated);
    assert_eq!(
        m.justification.as_deref(),
        Some("La prospection terrain suppose d’animer les vendeurs")
    );
    assert_eq!(
        (m.author.as_deref(), m.date.as_deref()),
        (Some("Équipe pédagogique"), Some("2024-05-02"))
    );
    // No suggestion for cp1, cp2 (the curators spoke) nor for c13 (already related).
    for m in &cw.suggested {
        assert!(
            !m.a.iter().any(|i| ["cp1", "cp2"].contains(&i.id.local.as_str()))
                && !m.b.iter().any(|i| i.id.local.as_str() == "c13"),
            "{m:?}"
        );
    }
    // cp2 has no counterpart by the curators' word; cp1 is covered by a curated pair.
    assert!(ids(&cw.coverage.a.without).contains(&"cp2"));
    assert_eq!(cw.coverage.a.by_status.get(&Status::Curated), Some(&1));
    // Read from the other side, the relation is the same (related_match is symmetric).
    let back = crosswalk::crosswalk(&corpus, &CertId::new("bts"), &CertId::new("titre"));
    assert_eq!(ids(&back.curated[0].a), ["c13"]);
    // Counterparts of a compétence page: the curated one first, labelled.
    let cps = crosswalk::counterparts(&corpus, &key("titre", "cp1"));
    assert_eq!(cps[0].status, Status::Curated);
    assert_eq!(cps[0].element.id, key("bts", "c13"));
    assert!(cps.iter().skip(1).all(|c| c.status == Status::Suggested));
    let idx = Counterparts::build(&corpus);
    assert_eq!(idx.of(&key("titre", "cp1")).len(), cps.len());
    assert!(
        idx.of(&key("bts", "c13"))
            .iter()
            .any(|c| c.element.id == key("titre", "cp1") && c.status == Status::Curated)
    );
}

#[test]
fn curated_pairs_are_checked_like_all_data() {
    let bad = CURATED.replace(", justification: Aucun équivalent retenu", "");
    let dir = synthetic::temp("curated-bad");
    synthetic::write(&dir, &[titre(), bts()], &[("correspondences/titre-bts.yaml", bad)]);
    let diags = referentiel::load_corpus(&dir)
        .err()
        .expect("a curated pair without justification is refused");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(diags.iter().any(|d| d.message.contains("justification")), "{diags:?}");
}

#[test]
fn official_pairs_are_shown_as_official() {
    let table = "correspondences:
  - id: titre-bts-off
    status: official
    from: bts
    to: titre
    relation: broad_match
    pairs:
      - {from: [c12], to: [cp2]}
";
    let corpus = load("official", &[("correspondences/off.yaml", table.to_string())]);
    let cw = crosswalk::crosswalk(&corpus, &CertId::new("titre"), &CertId::new("bts"));
    assert_eq!(cw.official.len(), 1);
    assert_eq!((ids(&cw.official[0].a), ids(&cw.official[0].b)), (vec!["cp2"], vec!["c12"]));
    // Read from titre to bts, broad becomes narrow.
    assert_eq!(cw.official[0].relation, Some(referentiel::schema::Relation::NarrowMatch));
    assert_eq!(cw.coverage.a.by_status.get(&Status::Official), Some(&1));
    assert!(
        crosswalk::render::render(&cw, Format::Text, false)
            .contains("Correspondances officielles — imprimées dans un document (1)")
    );
    // Corpus order: by lineage (bts before titre).
    assert_eq!(
        crosswalk::crosswalk_pairs(&corpus),
        vec![(CertId::new("bts"), CertId::new("titre"))]
    );
}

/// The real data, when its certifications are there: every crosswalk pair is consistent.
#[test]
fn real_crosswalks_are_consistent() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("data/certifications").is_dir() {
        eprintln!("notice: no certification in data/ yet; real crosswalk test skipped");
        return;
    }
    let corpus = referentiel::load_corpus(&root.join("data")).unwrap_or_else(|d| {
        panic!(
            "the real data does not check:\n{}",
            d.iter().map(|d| d.render()).collect::<String>()
        )
    });
    for (a, b) in crosswalk::crosswalk_pairs(&corpus) {
        let cw = crosswalk::crosswalk(&corpus, &a, &b);
        for side in [&cw.coverage.a, &cw.coverage.b] {
            assert_eq!(side.covered + side.without.len(), side.competences, "{a} ↔ {b}");
            assert_eq!(side.by_status.values().sum::<usize>(), side.covered);
        }
        assert!(
            cw.suggested.iter().all(|m| m.status == Status::Suggested
                && m.relation.is_none()
                && m.score.is_some())
        );
        let show = |s: &crosswalk::SideCoverage| {
            s.share
                .map(|x| format!("{}/{} ({:.0} %)", s.covered, s.competences, x * 100.0))
                .unwrap_or("-".into())
        };
        eprintln!(
            "{a} ↔ {b}: coverage {} / {}, {} official, {} curated, {} suggested",
            show(&cw.coverage.a),
            show(&cw.coverage.b),
            cw.official.len(),
            cw.curated.len(),
            cw.suggested.len()
        );
    }
    let t = std::time::Instant::now();
    let idx = Counterparts::build(&corpus);
    eprintln!("counterparts of every element: {:.2?}", t.elapsed());
    for e in corpus
        .elements
        .iter()
        .filter(|e| e.kind.crosswalk_group() == Some(Group::Competences))
        .take(50)
    {
        for c in idx.of(&e.key) {
            assert_ne!(c.element.id.cert, e.key.cert, "a counterpart is in another certification");
        }
    }
}

/// The crosswalk weighs a compétence through its fiche (the one the compétence page shows): every
/// critère and savoir-faire of the fiche is in it, and each section shares one total weight, so a
/// long list of savoirs associés tied to several compétences weighs what a short one does.
#[test]
fn the_crosswalk_weighs_a_competence_through_its_fiche() {
    use referentiel::crosswalk::profile::{self, Section};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = referentiel::load_corpus(&root.join("data")).expect("the real data checks");
    let graph = referentiel::graph::Graph::build(&corpus);
    let nrc = CertId::new("bts-nrc");
    let tree = referentiel::compare::Tree::build(&corpus, &nrc);
    let key = ElementKey::new(nrc.clone(), LocalId::new("c41"));
    let f = profile::fiche(&corpus, &graph, &tree, tree.find(&key).expect("C41"));
    let page = referentiel::fiche::Fiche::of(&corpus, &graph, &key).expect("C41 has a fiche");
    let keys: Vec<&ElementKey> = f.parts.iter().map(|p| &tree.elems[p.elem].key).collect();
    for k in page.criteres.iter().chain(page.savoir_faire.iter().flat_map(|g| &g.items)) {
        assert!(keys.contains(&k), "{k} of the fiche is weighed");
    }
    let total =
        |s: Section| f.parts.iter().filter(|p| p.section == s).map(|p| p.weight).sum::<f32>();
    assert!(
        f.parts.iter().filter(|p| p.section == Section::Savoirs).count() > 50,
        "C41 brings the savoirs associés its links tie to it"
    );
    for s in [Section::Title, Section::SavoirFaire, Section::Savoirs] {
        assert!((total(s) - s.budget()).abs() < 1e-4, "{s:?} weighs {}", total(s));
    }
    assert!(total(Section::Savoirs) < total(Section::SavoirFaire));
}

/// The rules of the passerelle (#26), on a synthetic pair: a table link covers the compétence of
/// the unit when the counterpart held is the same or broader, covers it in part when narrower,
/// and never through « en lien » alone; every verdict says what it rests on.
#[test]
fn a_unit_is_couverte_only_through_equivalent_or_broader_links() {
    use referentiel::crosswalk::units::{Effect, UnitState};
    // A unit U1 of bts that certifies C1 (its text cites C1's line of the synthetic source).
    let unit = "in: bts\ndoc: bts-doc\nelements:\n  - {id: u1, kind: unite, code: U1, text: Gérer la relation client, lines: 2, pieces: [{text: Gérer la relation client, lines: 2}], repair: Intitulé partagé avec C1, links: [{rel: certifies, to: c1}]}\n".to_string();
    let table = |rel: &str| {
        format!(
            "correspondences:
  - id: t
    status: curated
    from: titre
    to: bts
    author: Équipe
    date: \"2024-05-02\"
    pairs:
      - {{from: [cp1], to: [c11], relation: {rel}, justification: Pourquoi}}
      - {{from: [cp2], to: [c12], relation: close_match, justification: Pourquoi}}
"
        )
    };
    let verdict = |rel: &str| {
        let corpus = synthetic::corpus(
            &format!("units-{rel}"),
            &[titre(), bts()],
            &[
                ("correspondences/t.yaml", table(rel)),
                ("certifications/bts/units.yaml", unit.clone()),
            ],
        );
        let cw = crosswalk::crosswalk(&corpus, &CertId::new("titre"), &CertId::new("bts"));
        cw.units.holder_of_a.iter().find(|u| u.unit.id.local.as_str() == "u1").expect("U1").clone()
    };
    // cp1 is broader than c11 (narrow_match read from titre to bts): c11 is covered.
    let u = verdict("narrow_match");
    let c11 = u.competences.iter().find(|c| c.competence.id.local.as_str() == "c11").unwrap();
    assert_eq!(c11.state, UnitState::Covered);
    assert_eq!((c11.rests_on[0].effect, c11.rests_on[0].status), (Effect::Covers, Status::Curated));
    assert_eq!(c11.rests_on[0].justification.as_deref(), Some("Pourquoi"));
    // c13 has no link: the unit is covered only in part.
    assert_eq!(u.state, UnitState::Partial);
    assert_eq!(u.status, Some(Status::Curated));
    // cp1 is narrower than c11: c11 is covered in part.
    let u = verdict("broad_match");
    assert_eq!(
        u.competences.iter().find(|c| c.competence.id.local.as_str() == "c11").unwrap().state,
        UnitState::Partial
    );
    // « en lien » alone: listed, never covers.
    let u = verdict("related_match");
    let c11 = u.competences.iter().find(|c| c.competence.id.local.as_str() == "c11").unwrap();
    assert_eq!(c11.state, UnitState::NotCovered);
    assert!(
        c11.by.is_empty() && c11.rests_on.len() == 1 && c11.rests_on[0].effect == Effect::Listed
    );
}

/// Over every pair the build crosswalks, both ways: no compétence, hence no unit, is « couverte »
/// through an « en lien » link or a suggestion alone; the NTC 2018 REAC's « Equivalences avec
/// d’autres certifications : Sans objet » is shown first on each of its passerelles.
#[test]
fn no_unit_of_any_pair_is_couverte_through_a_related_link_alone() {
    use referentiel::crosswalk::units::{Effect, UnitState};
    use referentiel::schema::Relation;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = referentiel::load_corpus(&root.join("data")).expect("the real data checks");
    let all = crosswalk::AllCrosswalks::build(&corpus);
    let (mut units, mut covered, mut ntc) = (0, 0, 0);
    for cw in all.all() {
        for u in cw.units.holder_of_a.iter().chain(&cw.units.holder_of_b) {
            units += 1;
            for c in &u.competences {
                let strong = c.rests_on.iter().any(|l| {
                    l.effect == Effect::Covers
                        && l.status != Status::Suggested
                        && l.relation != Some(Relation::RelatedMatch)
                        && !l.with.is_empty()
                });
                let some = c.rests_on.iter().any(|l| {
                    l.effect != Effect::Listed
                        && l.status != Status::Suggested
                        && l.relation != Some(Relation::RelatedMatch)
                });
                match c.state {
                    UnitState::Covered => assert!(
                        strong,
                        "{} ↔ {}: {} is couverte on {:?}",
                        cw.a.cert, cw.b.cert, c.competence.id, c.rests_on
                    ),
                    UnitState::Partial => {
                        assert!(some, "{} ↔ {}: {}", cw.a.cert, cw.b.cert, c.competence.id)
                    }
                    UnitState::NotCovered => assert!(!some),
                }
            }
            if u.state == UnitState::Covered {
                covered += 1;
                assert!(u.competences.iter().all(|c| c.state == UnitState::Covered));
                assert!(!u.rests_on.is_empty() && u.status.is_some());
            }
        }
        if cw.a.cert.as_str() == "ntc-2018" || cw.b.cert.as_str() == "ntc-2018" {
            ntc += 1;
            let s = cw
                .units
                .statements
                .iter()
                .find(|s| s.cert.as_str() == "ntc-2018")
                .expect("the NTC 2018 REAC's statement");
            assert!(s.none && s.text.iter().any(|t| t.text == "Sans objet"), "{s:?}");
            assert!(s.heading.text.starts_with("Equivalences avec d’autres certifications"));
            assert!(cw.units.holder_of_a.iter().chain(&cw.units.holder_of_b).all(|u| u.overridden));
            let text = crosswalk::render::render(cw, Format::Text, false);
            let first_unit = text.find("Passerelle pour un titulaire").unwrap();
            assert!(
                text.find("« Sans objet »").is_some_and(|i| i < first_unit),
                "the document's word comes first"
            );
        }
    }
    eprintln!(
        "{units} units over {} pairs, {covered} couvertes; {ntc} passerelles with NTC 2018",
        all.all().count()
    );
    assert!(ntc >= 2);
}

#[test]
fn a_suggestion_reads_as_its_status_without_an_empty_relation() {
    let out =
        crate::harness::referentiel(&["--color", "never", "crosswalk", "bts-nrc", "ntc-2018"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(suggérée)"), "{text}");
    assert!(!text.contains("( ;"), "a link without a relation reads « ( ; … »");
}
