//! The référentiel d'évaluation (RE) of a titre professionnel: its tables of modalités
//! (« Modalités | Compétences évaluées | Durée | Détail de l'organisation de l'épreuve »). The
//! table's head is layout; each row opens with a modalité named by the RE template (its own
//! glossary: mise en situation professionnelle, entretien technique …), perhaps wrapped on two
//! lines; the other columns of the rows are drafted as paragraphs marked uncertain (the
//! extraction interleaves them).

use super::doc::{Doc, fold};
use super::draft::{Draft, blocks};
use super::generic;
use crate::words::import as w;

/// The modalités the RE template names, folded.
const NAMES: &[&str] = &[
    "mise en situation professionnelle",
    "presentation d'un projet realise en amont de la session",
    "entretien technique",
    "questionnaire professionnel",
    "questionnement a partir de production(s)",
    "entretien final",
];

/// Where a modalité's name is printed from line `n`: its last line and its length in
/// characters on that last line.
fn name_at(doc: &Doc, n: usize, end: usize) -> Option<(usize, usize)> {
    let f = &doc.line(n).fold;
    for name in NAMES {
        if f.starts_with(name) && f[name.len()..].chars().next().is_none_or(|c| c == ' ') {
            return Some((n, name.chars().count()));
        }
        if f.len() >= 8 && name.starts_with(f.as_str()) && n < end {
            let rest = name[f.len()..].trim_start();
            let g = &doc.line(n + 1).fold;
            if g.starts_with(rest) && g[rest.len()..].chars().next().is_none_or(|c| c == ' ') {
                return Some((n + 1, rest.chars().count()));
            }
        }
    }
    None
}

/// The table whose head is line `head`, through line `end`; modalités go under `parent`.
pub fn modalites(doc: &Doc, d: &mut Draft, head: usize, end: usize, parent: Option<&str>) {
    d.layout.push(head);
    let parent = parent.map(str::to_string);
    // The table ends at « Durée totale de l'épreuve … » (the template's closing row).
    let table_end = (head + 1..=end)
        .find(|&n| doc.line(n).fold.starts_with("duree totale"))
        .map_or(end, |n| n - 1);
    let mut n = head + 1;
    let mut cell_start = n;
    let mut modalite: Option<String> = None;
    while n <= table_end {
        if doc.skip(n) {
            n += 1;
            continue;
        }
        let Some((last, len)) = name_at(doc, n, table_end) else {
            n += 1;
            continue;
        };
        cells(doc, d, cell_start, n - 1, modalite.as_deref().or(parent.as_deref()));
        let id = d.add(doc, "modalite#", "modalite_evaluation", parent.as_deref(), n, last);
        let printed: String = doc.line(last).clean.chars().take(len).collect();
        let text = if last > n { format!("{} {printed}", doc.line(n).clean) } else { printed };
        if let Some(e) = d.elements.last_mut() {
            e.text = text;
        }
        modalite = Some(id.clone());
        // The rest of the name's last line belongs to the other columns.
        let rest: String = doc.line(last).clean.chars().skip(len).collect();
        if !rest.trim().is_empty() {
            d.add(doc, &format!("{id}-p#"), "paragraphe", Some(&id), last, last);
            if let Some(e) = d.elements.last_mut() {
                e.text = rest.trim().to_string();
            }
            d.uncertain(w::UNCERTAIN_TABLE);
        }
        n = last + 1;
        cell_start = n;
    }
    cells(doc, d, cell_start, table_end, modalite.as_deref().or(parent.as_deref()));
    generic::region(doc, d, table_end + 1, end, parent.as_deref());
}

/// The other columns of a row: paragraphs marked uncertain.
fn cells(doc: &Doc, d: &mut Draft, a: usize, b: usize, parent: Option<&str>) {
    if a > b {
        return;
    }
    for (x, y) in blocks(doc, a, b) {
        let owner = parent.unwrap_or("doc");
        if x == y
            && generic::heading_like(&doc.line(x).clean)
            && fold(&doc.line(x).clean).starts_with("autres modalites")
        {
            d.add(doc, &format!("{owner}-s#"), "section", parent, x, y);
            continue;
        }
        d.add(doc, &format!("{owner}-p#"), "paragraphe", parent, x, y);
        d.uncertain(w::UNCERTAIN_TABLE);
    }
}
