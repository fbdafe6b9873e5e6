//! Evolution pages lead with the answer (#25): what each side is, then the verdict table per
//! certifying unit, then the picture; the compétence table lists the activités and compétences of
//! both versions; the churn of the document (sections, paragraphs, critères,
//! savoirs, épreuves) waits behind a closed disclosure; reasons are French sentences without the
//! data's internal ids; a predecessor known only by name is announced as such.

use std::collections::HashMap;
use std::path::Path;

use referentiel::config::Config;
use referentiel::graph::Graph;
use referentiel::schema::Family;

fn evolution_pages() -> (referentiel::model::Corpus, HashMap<String, String>) {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let graph = Graph::build(&corpus);
    let mut files = referentiel::build::Files::default();
    referentiel::site::render(&corpus, &graph, &Config::read_default(), &[], &mut files)
        .expect("render");
    let pages = files
        .files
        .iter()
        .map(|(p, b)| {
            (p.to_string_lossy().replace('\\', "/"), String::from_utf8(b.clone()).unwrap())
        })
        .filter(|(p, _)| p.starts_with("evolutions/"))
        .collect();
    (corpus, pages)
}

/// The part of `html` between `start` and the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = html.find(start)?;
    let rest = &html[i..];
    Some(&rest[..rest.find(end)?])
}

#[test]
fn evolution_pages_lead_with_compétences_and_fold_the_document_churn() {
    let (corpus, pages) = evolution_pages();
    assert_eq!(
        pages.len(),
        referentiel::diff::lineage_pairs(&corpus).len(),
        "one page per lineage pair"
    );
    let framework_labels: Vec<&str> = referentiel::schema::Kind::ALL
        .iter()
        .filter(|k| matches!(k.family(), Family::Competence | Family::Activite))
        .map(|k| k.label())
        .collect();
    let document_labels: Vec<&str> = referentiel::schema::Kind::ALL
        .iter()
        .filter(|k| k.family() == Family::Document)
        .map(|k| k.label())
        .collect();
    for (path, html) in &pages {
        let coverage = html
            .find(r#" coverage" role="note""#)
            .unwrap_or_else(|| panic!("{path}: what each side is"));
        let first =
            between(html, "<table", "</table>").unwrap_or_else(|| panic!("{path}: a table"));
        assert!(coverage < html.find("<table").unwrap(), "{path}: what each side is comes first");
        if !path.contains("tp-tsc") {
            assert!(
                first.contains(r#"class="evol verdicts""#),
                "{path}: the first table is the verdict table"
            );
        }
        let Some(comp) = between(html, r#"<section aria-labelledby="competences">"#, "</section>")
        else {
            panic!("{path}: a compétence section")
        };
        let kinds: Vec<&str> =
            comp.split(r#"<span class="k">"#).skip(1).map(|s| &s[..s.find('<').unwrap()]).collect();
        assert!(
            kinds.iter().all(|k| framework_labels.contains(k)),
            "{path}: only activités and compétences in the compétence table: {kinds:?}"
        );
        if path.contains("ntc-2013--ntc-2018") {
            assert!(
                kinds.iter().any(|k| k.starts_with("Compétence")),
                "{path}: compétences in the compétence table"
            );
        }
        // Everything else is inside a disclosure that is closed when the page opens.
        let details = html
            .find(r#"<details class="churn">"#)
            .unwrap_or_else(|| panic!("{path}: a churn disclosure"));
        let before = &html[..details];
        for label in &document_labels {
            assert!(
                !before.contains(&format!(r#"<span class="k">{label}</span>"#)),
                "{path}: {label} before the disclosure"
            );
        }
        assert!(
            html.matches("<details").count() == html.matches("<details class=").count()
                && !html.contains("<details open"),
            "{path}: disclosures closed"
        );
    }
}

#[test]
fn reasons_are_french_and_name_no_internal_id() {
    let (corpus, pages) = evolution_pages();
    for (path, html) in &pages {
        let reasons: Vec<&str> = html
            .split(r#"</span><span class="meta">"#)
            .skip(1)
            .map(|s| &s[..s.find('<').unwrap()])
            .collect();
        for r in &reasons {
            assert!(
                !r.contains("paired") && !r.contains("alike") && !r.contains("certified"),
                "{path}: English reason {r:?}"
            );
            for cert in &corpus.certs {
                for e in corpus.elements_of(&cert.id) {
                    let id = e.key.local.to_string();
                    // An id is written as a word of its own: "ccp2", "cp5 →".
                    let words: Vec<&str> = r
                        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.'))
                        .collect();
                    assert!(
                        !(id.chars().any(|c| c.is_ascii_digit()) && words.contains(&id.as_str())),
                        "{path}: internal id {id} in {r:?}"
                    );
                }
            }
            assert!(!r.contains(" → "), "{path}: arrow notation of ids in {r:?}");
        }
    }
    assert!(
        pages["evolutions/ntc-2013--ntc-2018.html"]
            .contains("Apparié par la table de correspondance officielle")
    );
}

#[test]
fn a_predecessor_known_only_by_name_is_announced_and_not_compared() {
    let (_, pages) = evolution_pages();
    let html = &pages["evolutions/bts-fv-1997--bts-nrc.html"];
    let warning = between(html, r#"<div class="warning coverage" role="note">"#, "</div>")
        .expect("a warning");
    assert!(warning.contains("n’est connu que par son nom"), "{warning}");
    assert!(warning.contains("ni comme ajouté ni comme supprimé"), "{warning}");
    assert!(
        html.find(r#"class="warning"#) < html.find("<table"),
        "the warning comes before the table"
    );
    // Its compétences are not called "added": nothing is known of what they replace.
    let comp = between(html, r#"<section aria-labelledby="competences">"#, "</section>").unwrap();
    assert!(!comp.contains(r#"class="cls added""#), "no compétence of BTS NRC is called added");
    assert!(!html.contains(r#"<span class="cls added">ajouté</span> <span class="k">Compétence"#));
    // The official épreuve table decides, and the page links to it.
    let verdicts = between(html, r#"<table class="evol verdicts">"#, "</table>").unwrap();
    assert!(verdicts.contains("Voir la table"), "{verdicts}");
    // The pair with content says it is known through its RNCP fiche.
    let ntc = &pages["evolutions/ntc-2013--ntc-2018.html"];
    assert!(ntc.contains("n’est connu que par sa fiche RNCP"));
}

#[test]
fn the_picture_is_inline_svg_with_one_band_per_pairing_and_no_script() {
    let (_, pages) = evolution_pages();
    let html = &pages["evolutions/ntc-2013--ntc-2018.html"];
    let svg = between(html, "<svg class=\"evo-picture\"", "</svg>").expect("an inline picture");
    assert!(!svg.contains("<script"));
    let units = svg.matches(r#"<path class="band unit"#).count();
    let comps = svg.matches(r#"<path class="band comp"#).count();
    // Two CCP, paired by the official table; the nine compétences (7 CP, 2 CT) paired one to one.
    assert_eq!(units, 2, "{svg}");
    assert_eq!(comps, 7 + 2, "{svg}");
}

#[test]
fn element_pages_of_a_lineage_say_since_which_version_and_what_they_replace() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let graph = Graph::build(&corpus);
    let mut files = referentiel::build::Files::default();
    referentiel::site::render(&corpus, &graph, &Config::read_default(), &[], &mut files)
        .expect("render");
    let page = |cert: &str, local: &str| {
        let key = referentiel::ids::ElementKey::new(
            referentiel::ids::CertId::new(cert),
            referentiel::ids::LocalId::new(local),
        );
        let path = referentiel::urls::element(&key);
        let (_, bytes) = files
            .files
            .iter()
            .find(|(p, _)| p.to_string_lossy().replace('\\', "/") == path)
            .unwrap_or_else(|| panic!("{path}"));
        String::from_utf8(bytes.clone()).unwrap()
    };
    // 2018 CT « Mobiliser un comportement orienté client… »: the 2013 text, its final period aside.
    let ct = page("ntc-2018", "ct2");
    let since = between(&ct, r#"<p class="meta since">"#, "</p>").expect("a since line");
    assert!(
        since.contains("inchangé depuis") && since.contains("2013") && since.contains("correction"),
        "{since}"
    );
    // 2018 CP7 is a new text that replaces 2013 « Négocier une proposition commerciale et conclure la vente ».
    let cp7 = page("ntc-2018", "cp7");
    let since = between(&cp7, r#"<p class="meta since">"#, "</p>").expect("a since line");
    assert!(
        since.contains("Texte de")
            && since.contains("conclure la vente")
            && since.contains("révision"),
        "{since}"
    );
}
