//! Compétence pages are their fiche: every compétence of the five documents shows, as text, its
//! critères, savoir-faire, savoirs and conditions (from the data), and no two element pages share
//! a `<title>`.

use std::collections::HashMap;
use std::path::Path;

use referentiel::config::Config;
use referentiel::fiche::Fiche;
use referentiel::graph::Graph;
use referentiel::urls;

/// The page's text as a reader sees it: tags dropped, entities decoded, spaces normalised.
fn text_of(html: &str) -> String {
    // Inline tags (links, bold, glossary terms) join their text; other tags separate it.
    const INLINE: &[&str] = &["a", "b", "i", "span", "mark", "abbr", "code", "em", "strong"];
    let mut out = String::new();
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(t), '>') => {
                let name: String = t
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if !INLINE.contains(&name.as_str()) {
                    out.push(' ');
                }
                tag = None;
            }
            (Some(t), c) => t.push(c),
            (None, c) => out.push(c),
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
    normalise(&out)
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_compétence_page_shows_its_critères_savoir_faire_savoirs_and_conditions() {
    let r = crate::harness::rendered();
    let (corpus, graph) = (&r.corpus, &r.graph);
    let pages: HashMap<String, &[u8]> =
        r.pages.iter().map(|(p, b)| (p.clone(), b.as_slice())).collect();
    let mut tested = 0;
    let mut items = 0;
    for cert in ["ntc-2018", "ntc-2013", "cc-2017", "bts-nrc", "bts-tc-2006"] {
        let id = referentiel::ids::CertId::new(cert);
        let competences: Vec<_> =
            corpus.elements_of(&id).filter(|e| e.kind.is_competence()).collect();
        assert!(!competences.is_empty(), "{cert} has compétences");
        for e in competences {
            let f = Fiche::of(corpus, graph, &e.key).expect("a compétence has a fiche");
            let html = std::str::from_utf8(pages[&urls::element(&e.key)]).unwrap();
            let text = text_of(html);
            let shown = f
                .all_criteres()
                .chain(f.all_conditions())
                .chain(f.savoir_faire.iter().flat_map(|g| &g.items))
                .chain(
                    f.savoirs
                        .iter()
                        .flat_map(|s| std::iter::once(&s.key).chain(&s.savoirs).chain(&s.limites)),
                );
            for k in shown {
                let t = normalise(corpus.element(k).unwrap().text());
                assert!(text.contains(&t), "{}: the page does not show {k}: {t:?}", e.key);
                items += 1;
            }
            tested += 1;
        }
    }
    eprintln!("{tested} compétence pages, {items} fiche items checked");
    assert!(tested >= 100, "{tested}");
}

#[test]
fn no_two_element_pages_share_a_title() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let graph = Graph::build(&corpus);
    let mut files = referentiel::build::Files::default();
    referentiel::site::render(&corpus, &graph, &Config::read_default(), &[], &mut files)
        .expect("render");
    let mut seen: HashMap<String, String> = HashMap::new();
    for (path, bytes) in &files.files {
        let path = path.to_string_lossy().to_string();
        if !path.contains("/e/") {
            continue;
        }
        let html = std::str::from_utf8(bytes).unwrap();
        let title = html
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .expect("a title")
            .to_string();
        if let Some(other) = seen.insert(title.clone(), path.clone()) {
            panic!("{path} and {other} share the title {title:?}");
        }
    }
    assert!(seen.len() > 3000);
}

#[test]
fn every_bloc_prints_its_compétences_with_their_critères_savoir_faire_savoirs_conditions_and_épreuves()
 {
    use referentiel::fiche::BlocFiche;
    let r = crate::harness::rendered();
    let (corpus, graph) = (&r.corpus, &r.graph);
    let pages: HashMap<String, &[u8]> =
        r.pages.iter().map(|(p, b)| (p.clone(), b.as_slice())).collect();
    let (mut blocs, mut items) = (0, 0);
    for cert in ["ntc-2018", "ntc-2013", "cc-2017", "bts-nrc", "bts-tc-2006"] {
        let id = referentiel::ids::CertId::new(cert);
        let mut printed = 0;
        for e in corpus.elements_of(&id).filter(|e| e.kind.is_bloc()) {
            let Some(b) = BlocFiche::of(corpus, graph, &e.key) else {
                assert!(
                    !pages.contains_key(&urls::bloc_fiche(&e.key)),
                    "{}: no compétence, no printable fiche",
                    e.key
                );
                continue;
            };
            let html = std::str::from_utf8(
                pages
                    .get(&urls::bloc_fiche(&e.key))
                    .unwrap_or_else(|| panic!("{}: no printable fiche", e.key)),
            )
            .unwrap();
            let element_page = std::str::from_utf8(pages[&urls::element(&e.key)]).unwrap();
            assert!(
                element_page.contains(&format!("fiches/{}.html", e.key.local)),
                "{}: its page links to its printable fiche",
                e.key
            );
            let text = text_of(html);
            for f in &b.competences {
                let shown =
                    std::iter::once(&f.key)
                        .chain(f.all_criteres())
                        .chain(f.all_conditions())
                        .chain(f.savoir_faire.iter().flat_map(|g| &g.items))
                        .chain(f.savoirs.iter().flat_map(|s| {
                            std::iter::once(&s.key).chain(&s.savoirs).chain(&s.limites)
                        }))
                        .chain(f.evaluated_by.iter().chain(&f.certified_by).map(|a| &a.by));
                for k in shown {
                    let t = normalise(corpus.element(k).unwrap().text());
                    let t: String = t.chars().take(150).collect(); // evaluation names are shortened to 160 characters
                    assert!(
                        text.contains(&t),
                        "{}: the printable fiche does not show {k}: {t:?}",
                        e.key
                    );
                    items += 1;
                }
            }
            for k in b
                .savoirs
                .iter()
                .chain(b.evaluations.iter())
                .chain(b.assessed_by.iter().map(|(_, k)| k))
            {
                let t: String =
                    normalise(corpus.element(k).unwrap().text()).chars().take(150).collect();
                assert!(text.contains(&t), "{}: the printable fiche does not name {k}", e.key);
            }
            printed += 1;
        }
        assert!(printed > 0, "{cert} has a printable fiche");
        blocs += printed;
    }
    eprintln!("{blocs} printable fiches, {items} items checked");
}
