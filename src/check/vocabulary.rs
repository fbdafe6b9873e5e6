//! Pass 6: the domain vocabulary (`data/vocabulary/`). Terms are unique across every vocabulary
//! file (compared by their search keys), each means at least one expression made of words that the
//! source documents print, every term is justified, and an abbreviation that a document defines
//! itself cites where (that citation is proven by [`super::citations`] like every other).

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::lang;
use crate::load::Loaded;
use crate::schema::{Sp, TermKind};
use crate::sources::SourceSet;

/// The key a term is known by: its meaningful stems, in order (`Prise de RDV` → `pris rdv`).
pub fn term_key(term: &str) -> String {
    lang::terms(term).join(" ")
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

pub fn check(loaded: &Loaded, sources: &SourceSet, diags: &mut Diagnostics) {
    if !loaded.files.iter().any(|f| f.data.vocabulary.is_some()) {
        return;
    }
    // Every stem the documents print: a target must be made of the documents' own words.
    let printed: BTreeSet<String> =
        sources.docs.values().flat_map(|d| d.lines.iter()).flat_map(|l| lang::terms(l)).collect();
    let mut seen: BTreeMap<String, Pos> = BTreeMap::new();
    for f in &loaded.files {
        let Some(v) = &f.data.vocabulary else { continue };
        let blank = |s: &Sp<String>| s.value.trim().is_empty();
        if blank(&v.author) {
            diags.push(
                Diagnostic::new(Code::Invalid, &f.pos(&v.author), "a vocabulary names its author")
                    .hint("`author: équipe referentiel`"),
            );
        }
        if !is_iso_date(&v.date.value) {
            diags.push(
                Diagnostic::new(
                    Code::Invalid,
                    &f.pos(&v.date),
                    format!("`{}` is not a date", v.date.value),
                )
                .hint("write the date of the last review as `YYYY-MM-DD`"),
            );
        }
        for t in &v.terms {
            let key = term_key(&t.term.value);
            if key.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::Invalid,
                        &f.pos(&t.term),
                        format!("the term `{}` has no searchable word", t.term.value),
                    )
                    .hint("a term needs a word that is not a stop word (le, de, pour …)"),
                );
            } else if let Some(first) = seen.get(&key) {
                diags.push(Diagnostic::new(Code::DuplicateId, &f.pos(&t.term), format!("duplicate term `{}`", t.term.value)).hint(format!(
                    "first defined at {}:{}:{} (terms are compared by their search keys, `{key}`); merge the two entries",
                    first.file.display(),
                    first.line,
                    first.column
                )));
            } else {
                seen.insert(key, f.pos(&t.term));
            }
            if t.means.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::MissingKey,
                        &f.pos(&t.term),
                        format!("the term `{}` means nothing", t.term.value),
                    )
                    .hint("add `means: [<the documents' words>]`"),
                );
            }
            for m in &t.means {
                let words = lang::terms(&m.value);
                if words.is_empty() {
                    diags.push(
                        Diagnostic::new(Code::Invalid, &f.pos(m), "an empty target")
                            .hint("a target is a word or expression of the documents"),
                    );
                    continue;
                }
                let absent: Vec<&String> = words.iter().filter(|w| !printed.contains(*w)).collect();
                if !absent.is_empty() {
                    diags.push(
                        Diagnostic::new(
                            Code::Invalid,
                            &f.pos(m),
                            format!("`{}` is not in the documents' words", m.value),
                        )
                        .hint(format!(
                            "no source document prints {}; targets are the documents' own words",
                            absent.iter().map(|w| format!("`{w}…`")).collect::<Vec<_>>().join(", ")
                        )),
                    );
                }
            }
            if blank(&t.justification) {
                diags.push(
                    Diagnostic::new(
                        Code::Invalid,
                        &f.pos(&t.justification),
                        "an empty justification",
                    )
                    .hint("say why the term means the documents' words"),
                );
            }
            match (&t.defined, t.kind.value) {
                (Some(d), TermKind::Abbreviation) => {
                    let printed_here: BTreeSet<String> =
                        lang::tokens(&d.text.value).into_iter().map(|t| t.word).collect();
                    let own: Vec<String> =
                        lang::tokens(&t.term.value).into_iter().map(|t| t.word).collect();
                    if !own.iter().all(|w| printed_here.contains(w)) {
                        diags.push(
                            Diagnostic::new(Code::Invalid, &f.pos(&d.text), format!("the cited definition does not print `{}`", t.term.value))
                                .hint("cite the text where the document writes the abbreviation beside its meaning"),
                        );
                    }
                }
                (Some(d), _) => diags.push(
                    Diagnostic::new(
                        Code::Invalid,
                        &f.pos(&d.text),
                        "only an abbreviation is `defined` by a document",
                    )
                    .hint("remove `defined`, or make the term `kind: abbreviation`"),
                ),
                (None, _) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_known_by_their_stems() {
        assert_eq!(term_key("Prise de RDV"), "pris rdv");
        assert_eq!(term_key("prise de rdv"), term_key("PRISE  DE   RDV"));
        assert!(is_iso_date("2025-06-01") && !is_iso_date("juin 2025"));
    }
}
