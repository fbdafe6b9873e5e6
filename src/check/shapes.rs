//! Pass 3b (#24): the shape of the tree, what citations cannot see. A text can be printed at its
//! lines and still sit in the wrong place or have the wrong kind; these rules catch the classes of
//! mistake the audit of 004 found:
//!
//! - an element of a kind that always hangs from something (a tâche, a critère, a limite, a
//!   savoir-faire, a définition, a sous-fonction) without a `parent`;
//! - a `paragraphe` among the connaissances and limites of a BTS savoir table (a savoir associé or
//!   thème that has `savoir` or `limite_connaissances` children): the table's content is one or the other;
//! - a limite de connaissances that reads like a heading (no lower-case letter, or opening with a
//!   savoir code « S8 / S13 »);
//! - a title that ends with a footnote call (« Langue vivante étrangère 2 (1) »);
//! - limites placed where the layout says otherwise: every limite of a group of savoirs under its last
//!   savoir (004 S8: `s8.5` held the limites of S8.1–S8.4), or a group's own limites printed in as
//!   many blocks as it has savoirs (each block faces one savoir: 004 S7.1). The checker has no warning
//!   severity: these are reported like the rest, and pass on all of `data/`.

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ids::{ElementKey, Reference};
use crate::schema::{Element, Kind};
use crate::sources::SourceSet;

use super::Index;
use super::index::Id;

/// The id an element's `parent` names, as written (resolved against its own certification).
fn parent_of<'s>(key: &'s ElementKey, e: &'s Element) -> Option<Id<'s>> {
    e.parent.as_ref().and_then(|p| Reference::parse(&p.value)).map(|r| r.parts(key.cert.as_str()))
}

pub fn check(index: &Index, sources: &SourceSet, diags: &mut Diagnostics) {
    placement(index, sources, diags);
    // Which parents have table content. (foldhash for the sets and maps of ids here: our own
    // data files, and nothing iterates them.)
    let mut table: foldhash::HashSet<Id> = foldhash::HashSet::default();
    for (key, (_, e)) in &index.elements {
        if matches!(e.kind.value, Kind::Savoir | Kind::LimiteConnaissances)
            && let Some(p) = parent_of(key, e)
        {
            table.insert(p);
        }
    }
    for (key, (fi, e)) in &index.elements {
        let fi = *fi;
        let kind = e.kind.value;
        if e.parent.is_none() && kind.spec().always_child {
            diags.push(
                Diagnostic::new(
                    Code::Orphan,
                    &index.pos(fi, &e.id),
                    crate::words::diag::orphan(kind.name(), &e.id.value),
                )
                .hint(crate::words::diag::orphan_hint(kind.name())),
            );
        }
        if kind == Kind::Paragraphe
            && let Some(p) = parent_of(key, e)
        {
            let parent_kind = index.get(p.0, p.1).map(|(_, pe)| pe.kind.value);
            if matches!(parent_kind, Some(Kind::SavoirAssocie | Kind::Theme)) && table.contains(&p)
            {
                diags.push(
                    Diagnostic::new(
                        Code::WrongKind,
                        &index.pos(fi, &e.kind),
                        crate::words::diag::paragraphe_in_savoirs(&e.id.value, p.1),
                    )
                    .hint(crate::words::diag::PARAGRAPHE_IN_SAVOIRS_HINT),
                );
            }
        }
        if kind == Kind::LimiteConnaissances && heading_like(&e.text.value) {
            diags.push(
                Diagnostic::new(
                    Code::WrongKind,
                    &index.pos(fi, &e.text),
                    crate::words::diag::limite_heading(&e.id.value, &e.text.value),
                )
                .hint(crate::words::diag::LIMITE_HEADING_HINT),
            );
        }
        if kind.is_titled() && footnote_call(&e.text.value) {
            diags.push(
                Diagnostic::new(
                    Code::FootnoteCall,
                    &index.pos(fi, &e.text),
                    crate::words::diag::footnote_call(&e.id.value, &e.text.value),
                )
                .hint(crate::words::diag::FOOTNOTE_CALL_HINT),
            );
        }
    }
}

/// The two placement rules, per group of savoirs whose sub-savoirs are all leaves.
fn placement(index: &Index, sources: &SourceSet, diags: &mut Diagnostics) {
    type Child<'s> = (Id<'s>, usize, &'s Element);
    let mut children: foldhash::HashMap<Id, Vec<Child>> = foldhash::HashMap::default();
    for (key, (fi, e)) in &index.elements {
        if let Some(p) = parent_of(key, e) {
            children.entry(p).or_default().push(((key.cert.as_str(), key.local.as_str()), *fi, e));
        }
    }
    let is_sub = |e: &Element| matches!(e.kind.value, Kind::SavoirAssocie | Kind::Theme);
    for (gkey, (gfi, g)) in &index.elements {
        if !is_sub(g) {
            continue;
        }
        let gkey: Id = (gkey.cert.as_str(), gkey.local.as_str());
        let kids = children.get(&gkey).map(Vec::as_slice).unwrap_or(&[]);
        let mut subs: Vec<&Child> = kids.iter().filter(|(_, _, e)| is_sub(e)).collect();
        if subs.len() < 2
            || subs.iter().any(|(k, _, _)| {
                children.get(k).is_some_and(|c| c.iter().any(|(_, _, e)| is_sub(e)))
            })
        {
            continue;
        }
        subs.sort_by_key(|(_, _, e)| e.lines.value.first);
        let limites = |k: &Id| -> usize {
            children.get(k).map_or(0, |c| {
                c.iter().filter(|(_, _, e)| e.kind.value == Kind::LimiteConnaissances).count()
            })
        };
        let per_sub: Vec<usize> = subs.iter().map(|(k, _, _)| limites(k)).collect();
        let total: usize = per_sub.iter().sum();
        let last = subs.last().expect("two sub-savoirs or more");
        if total >= 2 && per_sub.last() == Some(&total) {
            diags.push(
                Diagnostic::new(
                    Code::MisplacedLimites,
                    &index.pos(last.1, &last.2.id),
                    crate::words::diag::limites_under_last(gkey.1, last.0.1, total),
                )
                .hint(crate::words::diag::LIMITES_UNDER_LAST_HINT),
            );
        }
        // The group's own limites, cut into blocks where a blank line separates two of them.
        let mut own: Vec<&Element> = kids
            .iter()
            .filter(|(_, _, e)| e.kind.value == Kind::LimiteConnaissances)
            .map(|(_, _, e)| *e)
            .collect();
        if own.len() < 2 {
            continue;
        }
        own.sort_by_key(|e| e.lines.value.first);
        let (doc, _) = index.doc_of(*gfi, g.doc.as_ref(), None);
        let Some(doc) = doc.and_then(|d| sources.get(d)) else { continue };
        let blocks = 1 + own
            .windows(2)
            .filter(|w| {
                (w[0].lines.value.last + 1..w[1].lines.value.first)
                    .any(|n| n <= doc.len() && doc.line(n).trim().is_empty())
            })
            .count();
        if blocks == subs.len() {
            diags.push(
                Diagnostic::new(
                    Code::MisplacedLimites,
                    &index.pos(*gfi, &g.id),
                    crate::words::diag::limites_in_blocks(gkey.1, blocks),
                )
                .hint(crate::words::diag::LIMITES_IN_BLOCKS_HINT),
            );
        }
    }
}

/// No lower-case letter in six letters or more (« TRONC COMMUN STI », not « PIB »), or a savoir code opening it
/// (« S8 / S13 … », « S 10 »).
pub(crate) fn heading_like(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 6 && !letters.iter().any(|c| c.is_lowercase()) {
        return true;
    }
    let mut cs = text.chars().peekable();
    if cs.next() != Some('S') {
        return false;
    }
    while cs.peek() == Some(&' ') {
        cs.next();
    }
    cs.peek().is_some_and(|c| c.is_ascii_digit())
}

/// A title ending with « (1) », « (2) » …: a call to a footnote printed after the title.
pub(crate) fn footnote_call(text: &str) -> bool {
    let t = text.trim_end();
    let Some(inner) = t.strip_suffix(')') else { return false };
    let Some(open) = inner.rfind('(') else { return false };
    let call = &inner[open + 1..];
    open > 0
        && inner[..open].ends_with(' ')
        && !call.is_empty()
        && call.len() <= 2
        && call.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_told_from_statements() {
        assert!(heading_like("S8 / S13 TRONC COMMUN STI"));
        assert!(heading_like("LIMITES DE CONNAISSANCES"));
        assert!(heading_like("S 10 Exigences"));
        assert!(!heading_like("Situer son activité dans le groupe de projet,"));
        assert!(!heading_like("Savoir identifier les besoins"));
        assert!(!heading_like("PIB"));
    }

    #[test]
    fn footnote_calls_end_a_title() {
        assert!(footnote_call("Langue vivante étrangère 2 (1)"));
        assert!(!footnote_call("Analyse du cycle de vie (ACV)"));
        assert!(!footnote_call("Langue vivante étrangère 2"));
        assert!(!footnote_call("Épreuve (2006)"));
    }
}
