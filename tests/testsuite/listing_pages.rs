//! #32: the pages that list the corpus (home, glossary, downloads) stay bounded whatever its size:
//! each lists at most a fixed number of items, the rest goes to pages of a fixed size (catalogue,
//! letters of the glossary, downloads per certification), and every item stays reachable. Built
//! on synthetic corpora of two sizes past every bound: doubling the corpus leaves the first pages
//! the same size.

use std::collections::BTreeMap;

use referentiel::config::Config;
use referentiel::site::pages::{catalogue, downloads, glossary, home};

use crate::synthetic::{self, Cert, cert, coded, el};

/// Words that start the glossary's terms: every term of a certification starts with another
/// letter, and each letter holds one term of each certification.
const STARTS: [&str; 4] = ["Argumentaire", "Besoin", "Client", "Devis"];

/// Lineage `i`'s two versions (the second succeeds the first), each with a glossary.
fn lineage(i: usize) -> [Cert; 2] {
    let version = |v: usize| {
        let id = format!("l{i:03}-v{v}");
        let mut els = vec![
            coded("at1", "activite_type", None, "1", &format!("Vendre le produit {i} version {v}")),
            coded(
                "cp1",
                "competence_professionnelle",
                Some("at1"),
                "1",
                &format!("Prospecter le secteur {i} version {v}"),
            ),
            el("g", "glossaire", None, "Glossaire"),
        ];
        for (t, start) in STARTS.iter().enumerate() {
            els.push(el(&format!("t{t}"), "terme", Some("g"), &format!("{start} {i:03} {v}")));
            els.push(el(
                &format!("t{t}-d"),
                "definition",
                Some(&format!("t{t}")),
                &format!("Ce que la certification {i} version {v} entend par {start}"),
            ));
        }
        let mut c = cert(&id, &format!("l{i:03}"), &format!("{}", 2000 + v), els);
        c.title = format!("Titre {i:03}");
        if v == 2 {
            c.predecessors.push(format!("l{i:03}-v1"));
        }
        c
    };
    [version(1), version(2)]
}

/// The site of `lineages` lineages, in memory.
fn site(lineages: usize) -> BTreeMap<String, String> {
    let certs: Vec<Cert> = (0..lineages).flat_map(lineage).collect();
    let corpus = synthetic::corpus(&format!("listing-{lineages}"), &certs, &[]);
    let (files, _) = referentiel::outputs::render_all(&corpus, &Config::read_default())
        .expect("the build and its link check pass");
    files
        .files
        .into_iter()
        .map(|(p, b)| {
            (p.to_string_lossy().replace('\\', "/"), String::from_utf8_lossy(&b).into_owned())
        })
        .collect()
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

fn pages<'a>(
    site: &'a BTreeMap<String, String>,
    prefix: &'a str,
) -> impl Iterator<Item = (&'a String, &'a String)> {
    site.iter().filter(move |(p, _)| p.starts_with(prefix) && p.ends_with(".html"))
}

#[test]
fn home_glossary_and_downloads_stay_the_same_size_when_the_corpus_doubles() {
    // Both sizes are past every bound: more lineages than the home shows and than a catalogue
    // page holds, more terms of a letter than a glossary page holds, more certifications than a
    // downloads page lists.
    let (n, m) = (30, 60);
    assert!(n > catalogue::PER_PAGE && 2 * n > downloads::PER_PAGE && 2 * n > glossary::PER_PAGE);
    let (small, large) = (site(n), site(m));
    for page in ["index.html", "glossaire.html", "telechargements/index.html"] {
        let (a, b) = (small[page].len() as f64, large[page].len() as f64);
        assert!(b / a < 1.05, "{page}: {a} bytes at {n} lineages, {b} at {m}");
    }

    // The home: a bounded number of certifications, a link to the catalogue, whose pages list
    // every certification once.
    let certs = 2 * m;
    let home_page = &large["index.html"];
    let shown = count(home_page, "class=\"cert-name\"");
    assert!(shown > 0 && shown <= home::CARDS, "{shown} certifications on the home page");
    assert!(home_page.contains("href=\"certifications/1.html\""));
    assert!(home_page.contains(&format!("{certs} certifications en {m} lignées")));
    let mut listed = 0;
    for (path, html) in pages(&large, "certifications/") {
        let lineages = count(html, "<section class=\"lineage\"");
        assert!(lineages <= catalogue::PER_PAGE, "{path}: {lineages} lineages");
        listed += count(html, "class=\"cert-name\"");
    }
    assert_eq!(listed, certs, "the catalogue lists every certification once");
    let evolutions = count(home_page, "href=\"evolutions/");
    assert!(evolutions <= home::COMPARISONS, "{evolutions} evolutions on the home page");
    let in_lists: usize =
        pages(&large, "comparaisons/").map(|(_, h)| count(h, "href=\"../evolutions/")).sum();
    assert_eq!(in_lists, m, "the comparison list links every evolution");

    // The glossary: the first page a bounded first set, each letter's pages at most PER_PAGE
    // terms, every term's anchor on one page, where its element page sends the reader.
    let first = &large["glossaire.html"];
    assert!(count(first, "<dt") <= glossary::FIRST);
    let mut anchors: BTreeMap<String, &str> = BTreeMap::new();
    for (path, html) in pages(&large, "glossaire/") {
        let terms = count(html, "<dt id=\"");
        assert!(terms <= glossary::PER_PAGE, "{path}: {terms} terms");
        for part in html.split("<dt id=\"").skip(1) {
            let anchor = part.split('"').next().unwrap().to_string();
            assert!(anchors.insert(anchor.clone(), path).is_none(), "{anchor} on one page only");
        }
    }
    assert_eq!(anchors.len(), certs * STARTS.len(), "every term has its definition");
    assert!(large.contains_key("glossaire/a-2.html"), "a letter past PER_PAGE terms goes on");
    // Terms sort by their text: « Devis 059 2 » is the 120th of the D's.
    let d_page = (2 * 59 + 1) / glossary::PER_PAGE;
    let d_path = format!("glossaire/d-{}.html", d_page + 1);
    for (cert, local, path) in
        [("l059-v2", "t3", d_path.as_str()), ("l000-v1", "t0", "glossaire/a.html")]
    {
        let anchor = format!("{cert}-{local}");
        assert_eq!(anchors[&anchor], path);
        let element = &large[&format!("c/{cert}/e/{local}.html")];
        assert!(
            element.contains(&format!("href=\"../../../{path}#{anchor}\"")),
            "the page of {anchor} links its definition"
        );
    }

    // The downloads: the files about the whole corpus, then the certifications (FIRST on the
    // first page, PER_PAGE on the next), each listed once, linking its own page's files.
    let mut by_cert = 0;
    for (path, html) in pages(&large, "telechargements/") {
        let listed = count(html, "#telechargements\"");
        let most = if path == "telechargements/index.html" {
            downloads::FIRST
        } else {
            downloads::PER_PAGE
        };
        assert!(listed <= most, "{path}: {listed} certifications");
        by_cert += listed;
    }
    assert_eq!(by_cert, certs, "every certification with files is listed once");
    assert!(large["telechargements/index.html"].contains("href=\"../telechargements/json/"));
}
