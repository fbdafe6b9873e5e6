//! Where every page lives, and relative links between pages.
//!
//! Addresses are permanent: they derive from ids only (never from a position in a list or from a
//! text). Every link in the site is relative, so the site works from `file://`, from any sub-path
//! and copied on a USB key.

use crate::ids::{CertId, DocId, ElementKey, TableId};
use crate::schema::CodeSystem;

/// Lines per page of a source document: a phone fetches a chunk, not the whole document.
pub(crate) const SOURCE_CHUNK: usize = 400;

pub fn home() -> String {
    "index.html".into()
}
/// A certification's page; `{cert}` is its id. Also given to the browser's search script
/// ([`browser_patterns`]), so that both build addresses from this one scheme.
pub(crate) const CERT_PATTERN: &str = "c/{cert}/index.html";
/// An element's page; `{cert}` and `{local}` are the two halves of its key.
pub(crate) const ELEMENT_PATTERN: &str = "c/{cert}/e/{local}.html";

/// Whether `path` has the shape of an element's page ([`ELEMENT_PATTERN`]).
pub fn is_element(path: &str) -> bool {
    let (before, after) = ELEMENT_PATTERN.split_once("{cert}").expect("a pattern with {cert}");
    let (middle, end) = after.split_once("{local}").expect("a pattern with {local}");
    path.strip_prefix(before)
        .and_then(|rest| rest.strip_suffix(end))
        .and_then(|rest| rest.split_once(middle))
        .is_some_and(|(cert, local)| !cert.is_empty() && !local.is_empty() && !cert.contains('/'))
}

pub fn cert(id: &CertId) -> String {
    CERT_PATTERN.replace("{cert}", id.as_str())
}
pub(crate) fn cert_document(id: &CertId) -> String {
    format!("c/{id}/document.html")
}
/// The printable fiche of a bloc (activité type, CCP, bloc de compétences, unité).
pub fn bloc_fiche(key: &ElementKey) -> String {
    format!("c/{}/fiches/{}.html", key.cert, key.local)
}
pub fn element(key: &ElementKey) -> String {
    ELEMENT_PATTERN.replace("{cert}", key.cert.as_str()).replace("{local}", key.local.as_str())
}

/// The address patterns of the pages that search results link to, for the browser's script.
pub(crate) fn browser_patterns() -> serde_json::Value {
    serde_json::json!({ "cert": CERT_PATTERN, "element": ELEMENT_PATTERN })
}
pub fn matrix(cert: &CertId, id: &TableId) -> String {
    format!("c/{cert}/tableaux/{id}.html")
}
pub fn correspondence(id: &TableId) -> String {
    format!("correspondances/{id}.html")
}
pub(crate) fn source_chunk(doc: &DocId, chunk: usize) -> String {
    format!("sources/{doc}/{}.html", chunk + 1)
}
/// The page and anchor of a source line.
pub(crate) fn source_line(doc: &DocId, line: usize) -> String {
    format!("{}#L{line}", source_chunk(doc, (line.max(1) - 1) / SOURCE_CHUNK))
}
pub(crate) fn sources_index() -> String {
    "sources/index.html".into()
}
pub(crate) fn glossary() -> String {
    "glossaire.html".into()
}
/// Page `page` (from 0) of the glossary's terms under one letter (`letter` is its slug, from
/// [`letter_slug`]): `glossaire/a.html`, then `glossaire/a-2.html` …
pub fn glossary_letter(letter: &str, page: usize) -> String {
    match page {
        0 => format!("glossaire/{letter}.html"),
        n => format!("glossaire/{letter}-{}.html", n + 1),
    }
}
/// A term's anchor on its glossary page (the page comes from where the term sorts:
/// `site::pages::glossary::Places`).
pub fn glossary_term(page: &str, key: &ElementKey) -> String {
    format!("{page}#{}-{}", key.cert, key.local)
}
/// The slug of an index letter in addresses: `a` … `z`, `autres` for what starts otherwise.
pub fn letter_slug(letter: char) -> String {
    if letter.is_ascii_alphabetic() {
        letter.to_ascii_lowercase().to_string()
    } else {
        "autres".into()
    }
}
/// Page `page` (from 0) of the catalogue of every certification, by lineage.
pub fn catalogue(page: usize) -> String {
    format!("certifications/{}.html", page + 1)
}
/// Page `page` (from 0) of the list of every evolution and passerelle page.
pub fn comparisons(page: usize) -> String {
    format!("comparaisons/{}.html", page + 1)
}
pub fn code(system: CodeSystem, code: &str) -> String {
    format!("codes/{}-{}.html", system.slug(), slug(code))
}
pub(crate) fn codes_index() -> String {
    "codes/index.html".into()
}
pub fn downloads() -> String {
    "telechargements/index.html".into()
}
/// Page `page` (from 1: page 0 is [`downloads`]) of the certifications and their files.
pub fn downloads_page(page: usize) -> String {
    match page {
        0 => downloads(),
        n => format!("telechargements/certifications-{}.html", n + 1),
    }
}
pub fn search() -> String {
    "recherche.html".into()
}
/// The page a host serves for an address without a page.
pub(crate) fn not_found() -> String {
    "404.html".into()
}

/// A code as a file-name-safe slug (`D1402` → `d1402`, `312t` → `312t`).
pub(crate) fn slug(s: &str) -> String {
    crate::ids::code_slug(s)
}

/// The relative link from page `from` to `to` (both site-root-relative paths).
pub fn rel(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    let mut out = "../".repeat(depth);
    out.push_str(to);
    out
}

/// The prefix that leads from page `from` to the site root (`""`, `"../"`, …).
pub fn root(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

// #28: evaluation grids, positionnement, training plans.
/// The evaluation grid of a certifying unit (CCP, unité, bloc).
pub fn grid(unit: &ElementKey) -> String {
    format!("c/{}/grilles/{}.html", unit.cert, unit.local)
}
/// The grids of a certification as a workbook (one sheet per unit) and as a CSV table.
pub(crate) fn grids_file(cert: &CertId, ext: &str) -> String {
    format!("telechargements/grilles/{cert}.{ext}")
}
/// A learner's positionnement over a whole certification.
pub(crate) fn positioning(cert: &CertId) -> String {
    format!("c/{cert}/positionnement.html")
}
/// A learner's positionnement over one certifying unit.
pub(crate) fn positioning_unit(unit: &ElementKey) -> String {
    format!("c/{}/positionnement/{}.html", unit.cert, unit.local)
}
/// The page of a training plan of `plans/`.
pub fn plan(id: &str) -> String {
    format!("plans/{}.html", slug(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_page() {
        assert_eq!(rel("index.html", "c/a/index.html"), "c/a/index.html");
        assert_eq!(rel("c/a/e/x.html", "index.html"), "../../../index.html");
        assert_eq!(rel("c/a/e/x.html", "c/b/e/y.html"), "../../../c/b/e/y.html");
    }

    #[test]
    fn patterns_give_the_same_addresses_as_the_functions() {
        let key =
            ElementKey { cert: CertId::new("ntc-2018"), local: crate::ids::LocalId::new("cp3") };
        assert_eq!(cert(&key.cert), "c/ntc-2018/index.html");
        assert_eq!(element(&key), "c/ntc-2018/e/cp3.html");
        assert!(is_element(&element(&key)));
        for other in [
            "c/ntc-2018/index.html",
            "c/ntc-2018/e/.html",
            "c//e/x.html",
            "c/a/b/e/x.html",
            "recherche.html",
        ] {
            assert!(!is_element(other), "{other}");
        }
    }

    #[test]
    fn source_lines_land_in_their_chunk() {
        let d = DocId::new("doc");
        assert_eq!(source_line(&d, 1), "sources/doc/1.html#L1");
        assert_eq!(source_line(&d, 400), "sources/doc/1.html#L400");
        assert_eq!(source_line(&d, 401), "sources/doc/2.html#L401");
    }

    #[test]
    fn code_slugs_are_file_names() {
        assert_eq!(slug("D1402"), "d1402");
        assert_eq!(slug("312t"), "312t");
        assert_eq!(slug("TP-00338"), "tp-00338");
    }
}
