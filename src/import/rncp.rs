//! The RNCP fiche of France compétences (« Résumé descriptif de la certification »): the
//! activités as numbered lines (« 1. … ») with their compétences under them, the « Compétences
//! transversales de l'emploi », the « Bloc de compétence » table, and the labelled parts
//! (intitulé, niveau, secteurs …) as sections and paragraphs; the « Base légale »'s legal texts
//! as references under their labels. Recognised by the
//! layout's own labels (folded), never by a fiche's number or titles.

use super::doc::Doc;
use super::draft::{Draft, blocks, items};
use super::generic;

/// The labels of the fiche's parts, folded: each opens a section.
const LABELS: &[&str] = &[
    "intitule",
    "autorite responsable de la certification",
    "niveau et/ou domaine d'activite",
    "resume du referentiel d'emploi",
    "activites visees",
    "competences attestees",
    "competences transversales de l'emploi",
    "secteurs d'activite ou types d'emplois",
    "codes des fiches rome",
    "reglementation d'activites",
    "modalites d'acces a cette certification",
    "bloc de competence",
    "blocs de competences",
    "conditions d'inscription a la certification",
    "liens avec d'autres certifications",
    "base legale",
    "pour plus d'informations",
    "historique de la certification",
];

/// The longest line a label of the fiche takes, in characters.
const LABEL_CHARS: usize = 130;

fn label(doc: &Doc, n: usize) -> Option<&'static str> {
    let l = doc.line(n);
    if l.noise || l.clean.chars().count() > LABEL_CHARS {
        return None;
    }
    if l.fold.starts_with("bloc de competence n") {
        return None; // a bloc of the table, not the table's label
    }
    let f = l.fold.trim_end_matches([' ', ':']);
    LABELS.iter().copied().find(|p| if *p == "intitule" { f == *p } else { f.starts_with(p) })
}

/// « 1. Title »: the number and where the title starts (in characters).
fn numbered(line: &str) -> Option<(String, usize)> {
    let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &line[digits.len()..];
    (!digits.is_empty() && digits.len() <= 2 && rest.starts_with(". "))
        .then(|| (digits.clone(), digits.len() + 2))
}

/// Draft the elements of an RNCP fiche.
pub(crate) fn recognise(doc: &Doc) -> Draft {
    let mut d = Draft::default();
    let heads: Vec<(usize, &str)> =
        (1..=doc.len()).filter_map(|n| label(doc, n).map(|l| (n, l))).collect();
    let first = heads.first().map_or(doc.len() + 1, |&(n, _)| n);
    generic::region(doc, &mut d, 1, first - 1, None);
    for (i, &(n, l)) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(doc.len(), |&(m, _)| m - 1);
        let s = d.add(doc, "s#", "section", None, n, n);
        match l {
            "intitule" => {
                let bs = blocks(doc, n + 1, end);
                if let Some(&(a, b)) = bs.first()
                    && d.title.is_none()
                {
                    d.title = Some((doc.text(a, b), a, b));
                }
                generic::region(doc, &mut d, n + 1, end, Some(&s));
            }
            "resume du referentiel d'emploi" | "activites visees" | "competences attestees" => {
                activites(doc, &mut d, n + 1, end, &s)
            }
            "competences transversales de l'emploi" => {
                for (x, y, _, reason) in items(doc, n + 1, end) {
                    d.add(doc, "ct#", "competence_transversale", Some(&s), x, y);
                    if let Some(r) = reason {
                        d.uncertain(&r);
                    }
                }
            }
            "bloc de competence" | "blocs de competences" => {
                // A bloc's name opens with « Bloc de compétence n° », perhaps right under the
                // table's head; it runs to the blank line.
                for (x, y) in blocks(doc, n + 1, end) {
                    let start =
                        (x..=y).find(|&m| doc.line(m).fold.starts_with("bloc de competence n"));
                    match start {
                        Some(m) => {
                            generic::region(doc, &mut d, x, m - 1, Some(&s));
                            d.add(doc, "bloc#", "bloc_competences", Some(&s), m, y);
                        }
                        None => generic::region(doc, &mut d, x, y, Some(&s)),
                    }
                }
            }
            "base legale" => legal(doc, &mut d, n + 1, end, &s),
            _ => generic::region(doc, &mut d, n + 1, end, Some(&s)),
        }
    }
    d
}

/// The « Base légale »: its labels (« Référence du décret général : », a line that ends with a
/// colon) as paragraphes, and under each the legal texts it lists, one `reference` an item
/// (a wrapped line joined to its item).
fn legal(doc: &Doc, d: &mut Draft, a: usize, b: usize, section: &str) {
    let is_label = |n: usize| !doc.skip(n) && doc.line(n).clean.trim_end().ends_with(':');
    let mut n = a;
    while n <= b {
        if doc.skip(n) {
            n += 1;
            continue;
        }
        if is_label(n) {
            d.add(doc, &format!("{section}-p#"), "paragraphe", Some(section), n, n);
            n += 1;
            continue;
        }
        let stop = (n..=b).find(|&m| is_label(m)).map_or(b, |m| m - 1);
        for (x, y, _, reason) in items(doc, n, stop) {
            d.add(doc, &format!("{section}-ref#"), "reference", Some(section), x, y);
            if let Some(r) = reason {
                d.uncertain(&r);
            }
        }
        n = stop + 1;
    }
}

/// Paragraphs, then numbered activités each followed by its compétences (one a line).
fn activites(doc: &Doc, d: &mut Draft, a: usize, b: usize, section: &str) {
    let first = (a..=b).find(|&n| !doc.skip(n) && numbered(&doc.line(n).clean).is_some());
    let Some(first) = first else {
        generic::region(doc, d, a, b, Some(section));
        return;
    };
    generic::region(doc, d, a, first - 1, Some(section));
    let mut at: Option<String> = None;
    let mut n = first;
    while n <= b {
        if doc.skip(n) {
            n += 1;
            continue;
        }
        if let Some((code, skip)) = numbered(&doc.line(n).clean) {
            let id = d.add(doc, &format!("at{code}"), "activite_type", None, n, n);
            if let Some(e) = d.elements.last_mut() {
                e.text = doc.line(n).clean.chars().skip(skip).collect();
                e.code = Some(code);
            }
            at = Some(id);
            n += 1;
            continue;
        }
        let stop = (n..=b)
            .find(|&m| !doc.skip(m) && numbered(&doc.line(m).clean).is_some())
            .map_or(b, |m| m - 1);
        for (x, y, _, reason) in items(doc, n, stop) {
            d.add(doc, "cp#", "competence_professionnelle", at.as_deref(), x, y);
            if let Some(r) = reason {
                d.uncertain(&r);
            }
        }
        n = stop + 1;
    }
}
