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
//! - a title that ends with a footnote call (« Langue vivante étrangère 2 (1) »).

use std::collections::HashMap;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ids::{ElementKey, Reference};
use crate::schema::{Element, Kind};

use super::Index;

/// Kinds that are always some element's child.
const ALWAYS_CHILD: &[Kind] = &[
    Kind::Tache,
    Kind::SousFonction,
    Kind::CriterePerformance,
    Kind::CritereEvaluation,
    Kind::LimiteConnaissances,
    Kind::SavoirFaire,
    Kind::Definition,
];

/// Kinds whose text is a title.
const TITLED: &[Kind] = &[
    Kind::ActiviteType,
    Kind::Fonction,
    Kind::SousFonction,
    Kind::BlocCompetences,
    Kind::CompetenceProfessionnelle,
    Kind::CompetenceTransversale,
    Kind::Competence,
    Kind::SavoirAssocie,
    Kind::Theme,
    Kind::Unite,
    Kind::Epreuve,
    Kind::Ccp,
    Kind::ModaliteEvaluation,
    Kind::SituationEvaluation,
];

pub fn check(index: &Index, diags: &mut Diagnostics) {
    // The parent of each element, as a key, and which parents have table content.
    let parent_of = |key: &ElementKey, e: &Element| -> Option<ElementKey> {
        e.parent.as_ref().and_then(|p| Reference::parse(&p.value)).map(|r| r.key(&key.cert))
    };
    let mut table: HashMap<ElementKey, bool> = HashMap::new();
    for (key, (_, e)) in &index.elements {
        if matches!(e.kind.value, Kind::Savoir | Kind::LimiteConnaissances) {
            if let Some(p) = parent_of(key, e) {
                table.insert(p, true);
            }
        }
    }
    for (key, (fi, e)) in &index.elements {
        let fi = *fi;
        let kind = e.kind.value;
        if e.parent.is_none() && ALWAYS_CHILD.contains(&kind) {
            diags.push(
                Diagnostic::new(Code::Orphan, &index.pos(fi, &e.id), format!("{} `{}` has no parent", kind.name(), e.id.value))
                    .hint(format!("a {} always belongs to an element above it (its compétence, sous-fonction, savoir…): give it `parent`", kind.name())),
            );
        }
        if kind == Kind::Paragraphe {
            if let Some(p) = parent_of(key, e) {
                let parent_kind = index.elements.get(&p).map(|(_, pe)| pe.kind.value);
                if matches!(parent_kind, Some(Kind::SavoirAssocie | Kind::Theme)) && table.contains_key(&p) {
                    diags.push(
                        Diagnostic::new(Code::WrongKind, &index.pos(fi, &e.kind), format!("paragraphe `{}` sits in the savoir table of `{}`", e.id.value, p.local))
                            .hint("a savoir table holds connaissances (`savoir`) and limites (`limite_connaissances`): type it by its column, split fused items at their printed boundaries; a column heading is `layout`"),
                    );
                }
            }
        }
        if kind == Kind::LimiteConnaissances && heading_like(&e.text.value) {
            diags.push(
                Diagnostic::new(Code::WrongKind, &index.pos(fi, &e.text), format!("limite `{}` reads like a heading: “{}”", e.id.value, e.text.value))
                    .hint("a limite de connaissances is a statement; a heading printed between tables is a `section` (or `layout` when it repeats a table's header)"),
            );
        }
        if TITLED.contains(&kind) && footnote_call(&e.text.value) {
            diags.push(
                Diagnostic::new(Code::FootnoteCall, &index.pos(fi, &e.text), format!("the title of `{}` ends with a footnote call: “{}”", e.id.value, e.text.value))
                    .hint("the call is not part of the title: give the title alone as `text`, and the line as printed as a `variant` with a note naming the footnote"),
            );
        }
    }
}

/// No lower-case letter in six letters or more (« TRONC COMMUN STI », not « PIB »), or a savoir code opening it
/// (« S8 / S13 … », « S 10 »).
pub fn heading_like(text: &str) -> bool {
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
pub fn footnote_call(text: &str) -> bool {
    let t = text.trim_end();
    let Some(inner) = t.strip_suffix(')') else { return false };
    let Some(open) = inner.rfind('(') else { return false };
    let call = &inner[open + 1..];
    open > 0 && inner[..open].ends_with(' ') && !call.is_empty() && call.len() <= 2 && call.chars().all(|c| c.is_ascii_digit())
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
