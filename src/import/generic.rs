//! What a template does not name: each blank-line-separated block of a region becomes a
//! `section` (one short line that does not end like a sentence) or a `paragraphe` under the last
//! section; a block laid out in columns is marked uncertain (a table the layout cannot read).

use super::doc::Doc;
use super::draft::{Draft, blocks};
use crate::words::import as w;

/// Draft lines `a..=b` under `parent`.
pub(crate) fn region(doc: &Doc, d: &mut Draft, a: usize, b: usize, parent: Option<&str>) {
    if a > b {
        return;
    }
    let mut section: Option<String> = None;
    for (x, y) in blocks(doc, a, b) {
        let line = &doc.line(x).clean;
        if x == y && heading_like(line) {
            let id =
                d.add(doc, &format!("{}-s#", parent.unwrap_or("doc")), "section", parent, x, y);
            section = Some(id);
            continue;
        }
        let owner = section.as_deref().or(parent);
        d.add(doc, &format!("{}-p#", owner.unwrap_or("doc")), "paragraphe", owner, x, y);
        if (x..=y).any(|n| columns(&doc.line(n).raw)) {
            d.uncertain(w::UNCERTAIN_TABLE);
        }
    }
}

/// A title: short, opens with a capital or a digit, does not end like a sentence or a list
/// lead-in.
pub(crate) fn heading_like(line: &str) -> bool {
    line.chars().count() <= 90
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with(['.', ',', ';', ':'])
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// Is the line laid out in columns (a run of three spaces or more between words)?
pub fn columns(raw: &str) -> bool {
    raw.trim().contains("   ")
}
