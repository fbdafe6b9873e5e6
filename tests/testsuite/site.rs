//! The site generator: every element at its permanent address, identical output for identical
//! data, and the search that the command line and the site share.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use referentiel::config::Config;
use referentiel::search::query::Filters;

fn build(data: &str, name: &str) -> PathBuf {
    let out = std::env::temp_dir().join(format!("referentiel-site-{}-{name}", std::process::id()));
    let corpus = referentiel::load_corpus(Path::new(data)).expect("clean data");
    referentiel::outputs::build(&corpus, &Config::read_default(), &out).expect("build");
    out
}

fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            out.insert(
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(e.path()).unwrap(),
            );
        }
    }
    out
}

#[test]
fn two_builds_of_the_same_data_are_byte_identical() {
    for data in ["tests/fixtures/base", "data"] {
        identical_builds(data);
    }
}

fn identical_builds(data: &str) {
    let tag = data.replace('/', "-");
    let (a, b) = (build(data, &format!("{tag}-a")), build(data, &format!("{tag}-b")));
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (p, bytes) in &fa {
        assert!(bytes == &fb[p], "{} differs between two builds", p.display());
    }
    fs::remove_dir_all(a).unwrap();
    fs::remove_dir_all(b).unwrap();
}

#[test]
fn every_element_has_its_page_at_its_permanent_address() {
    let out = build("tests/fixtures/base", "addr");
    for id in ["at1", "cp1", "cp1-cr1", "cp2", "msp"] {
        let page = out.join(format!("c/demo/e/{id}.html"));
        let html =
            fs::read_to_string(&page).unwrap_or_else(|_| panic!("{} missing", page.display()));
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(!html.contains("href=\"/"), "links are relative");
    }
    let cp1 = fs::read_to_string(out.join("c/demo/e/cp1.html")).unwrap();
    assert!(cp1.contains("Évalué par"), "inverse relations are shown");
    assert!(
        cp1.contains("../../../sources/demo/1.html#L8"),
        "provenance links into the source view"
    );
    assert!(cp1.contains("Mise en situation professionnelle"), "matrix membership is shown");
    let source = fs::read_to_string(out.join("sources/demo/1.html")).unwrap();
    assert!(source.contains("id=\"L8\""), "source lines are linkable");
    assert!(source.contains("../../c/demo/e/cp1.html"), "cited lines link back to their elements");
    let matrix = fs::read_to_string(out.join("c/demo/tableaux/cp-modalites.html")).unwrap();
    assert!(matrix.contains("cell lost"), "lost cells are marked");
    let graph: serde_json::Value = serde_json::from_slice(
        &fs::read(out.join("telechargements/json/referentiel.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(graph["elements"].as_array().unwrap().len(), 5);
    fs::remove_dir_all(out).unwrap();
}

#[test]
fn short_exact_titles_rank_above_long_passages_and_vocabulary_hits() {
    let corpus = referentiel::load_corpus(Path::new("data")).unwrap();
    let index = referentiel::search::Index::build(&corpus);
    let hits = index.search("tableau de bord", &Filters::default(), 5);
    // « Tableaux de bord » itself first; the elements that say the words before those that the
    // vocabulary finds (« indicateurs »).
    assert_eq!(hits[0].text, "Tableaux de bord", "{hits:#?}");
    for h in &hits[..3] {
        assert!(h.text.to_lowercase().contains("tableaux de bord"), "{}", h.text);
    }
}

#[test]
fn the_readers_own_words_rank_above_their_synonyms_and_a_term_weighs_once() {
    let corpus = referentiel::load_corpus(Path::new("data")).unwrap();
    let index = referentiel::search::Index::build(&corpus);
    // « Relancer les clients inactifs » says both words; a long tâche that the vocabulary reaches
    // (relancer → suivi) with « client » must not pass it.
    let hits = index.search("relancer un client", &Filters::default(), 5);
    assert_eq!(hits[0].id, "cc-2017/cp3-sf17", "{hits:#?}");
    // « trouver de nouveaux clients » is one term (→ prospecter): the compétences of prospecting
    // come before texts that add « clients » to the term's word (« portefeuille clients/prospects »).
    let hits = index.search("trouver de nouveaux clients", &Filters::default(), 5);
    let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert!(
        ids.iter()
            .any(|id| ["cc-2017/cp3", "cc-2017/cp4", "ntc-2018/cp5", "cc-2017/at1"].contains(id)),
        "{ids:?}"
    );
}

#[test]
fn a_vocabulary_term_is_a_known_word_and_gets_no_typo_expansion() {
    let corpus = referentiel::load_corpus(Path::new("data")).unwrap();
    let index = referentiel::search::Index::build(&corpus);
    // « salaire » is a term (→ rémunération); one typo away lies « salarié », another meaning.
    let hits = index.search("salaire", &Filters::default(), 10);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| !h.keys.iter().any(|k| k == "salari")), "{hits:#?}");
}

#[test]
fn a_repeated_text_of_one_certification_is_folded_under_the_first_result() {
    let corpus = referentiel::load_corpus(Path::new("data")).unwrap();
    let index = referentiel::search::Index::build(&corpus);
    // The unité U4 and the épreuve E4 of the BTS NRC share their title.
    let hits = index.search("communication commerciale", &Filters::default(), 5);
    let u4 = hits.iter().find(|h| h.id == "bts-nrc/u4").expect("the unité is shown");
    assert!(
        u4.also.iter().any(|a| a.id == "bts-nrc/e4"),
        "the épreuve is folded under it: {hits:#?}"
    );
    assert!(hits.iter().all(|h| h.id != "bts-nrc/e4"));
    // Every shown result's text differs from the others of its certification.
    for q in ["strategie commerciale omnicanale", "objections", "negociation technico commerciale"]
    {
        let hits = index.search(q, &Filters::default(), 5);
        assert_eq!(hits.len(), 5, "{q}");
        for (i, a) in hits.iter().enumerate() {
            for b in &hits[..i] {
                let key = |id: &str| {
                    referentiel::search::text_key(
                        &corpus
                            .elements
                            .iter()
                            .find(|e| e.key.to_string() == id)
                            .map(|e| e.text().to_string())
                            .unwrap_or_default(),
                    )
                };
                assert!(
                    a.cert != b.cert || key(&a.id).is_empty() || key(&a.id) != key(&b.id),
                    "{q}: {} repeats {}",
                    a.id,
                    b.id
                );
            }
        }
    }
}

#[test]
fn search_folds_accents_tolerates_a_typo_and_finds_codes() {
    let corpus = referentiel::load_corpus(Path::new("tests/fixtures/base")).unwrap();
    let index = referentiel::search::Index::build(&corpus);
    let top = |q: &str| {
        index.search(q, &Filters::default(), 3).into_iter().map(|h| h.id).collect::<Vec<_>>()
    };
    assert_eq!(top("veile comerciale")[0], "demo/cp1", "one typo in each word");
    assert_eq!(top("ELABORER STRATEGIE")[0], "demo/at1", "case and accents folded");
    assert_eq!(top("l’etat du marche")[0], "demo/cp1", "’ and stop words");
    assert_eq!(top("organis")[0], "demo/cp2", "the last word as a prefix");
    assert!(top("zzzz").is_empty());
    let filtered = index.search(
        "commerciale",
        &Filters { kind: Some("Activité type".into()), ..Filters::default() },
        10,
    );
    assert_eq!(filtered.len(), 1);
}

#[test]
fn a_missing_address_gets_a_404_page_whose_links_resolve_from_the_site_root() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let mut cfg = Config::read_default();
    cfg.output.html.site_url = "/referentiels/".into();
    let (files, _) = referentiel::outputs::render_all(&corpus, &cfg).unwrap();
    let page = files
        .files
        .iter()
        .find(|(p, _)| p.as_path() == Path::new("404.html"))
        .expect("a 404.html at the root");
    let html = String::from_utf8_lossy(&page.1);
    // Hosts serve it at any depth: its base is the configured site address.
    assert!(html.contains("<base href=\"/referentiels/\">"), "{html}");
    // Its style is inline (#27): it shows styled even where the base is wrong (a sub-path the
    // default site-url does not name); its script finds the root then.
    assert!(
        html.contains("<style>")
            && !html.contains("href=\"assets/style.css\"")
            && html.contains("action=\"recherche.html\"")
    );
    for c in corpus.certs.iter().filter(|c| !c.only_named) {
        assert!(
            html.contains(&format!("href=\"c/{}/index.html\"", c.id.as_str())),
            "{} is linked",
            c.id.as_str()
        );
    }
    // No other page carries a <base>: their links are relative, for file:// and any host.
    assert!(
        files
            .files
            .iter()
            .filter(|(p, _)| p.as_path() != Path::new("404.html"))
            .all(|(_, b)| !String::from_utf8_lossy(b).contains("<base "))
    );
}
