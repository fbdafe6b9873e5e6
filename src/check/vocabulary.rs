//! Pass 6: the domain vocabulary (`data/vocabulary/`). Terms are unique across every vocabulary
//! file (compared by their search keys), each means at least one expression made of words that the
//! source documents print, every term is justified, and an abbreviation that a document defines
//! itself cites where (that citation is proven by [`super::citations`] like every other).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::ids::DocId;
use crate::lang;
use crate::load::Loaded;
use crate::schema::{Sp, TermKind};
use crate::sources::SourceSet;

/// The key a term is known by: its meaningful stems, in order (`Prise de RDV` → `pris rdv`).
pub(crate) fn term_key(term: &str) -> String {
    lang::terms(term).join(" ")
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The words the documents print, kept for the next check of the same data (`serve`), by a hash
/// of every document's id and content.
#[derive(Default)]
pub struct Printed(Option<(u64, Arc<BTreeSet<String>>)>);

pub fn check(
    loaded: &Loaded,
    sources: &SourceSet,
    hashes: &HashMap<DocId, u64>,
    diags: &mut Diagnostics,
    kept: &mut Printed,
) {
    if !loaded.files.iter().any(|f| f.data.vocabulary.is_some()) {
        return;
    }
    // Every stem the documents print: a target must be made of the documents' own words.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for id in sources.docs.keys() {
        (id.as_str(), hashes.get(id)).hash(&mut h);
    }
    let key = h.finish();
    let printed = match &kept.0 {
        Some((k, printed)) if *k == key => printed.clone(),
        _ => {
            use rayon::prelude::*;
            let each: Vec<BTreeSet<String>> = sources
                .docs
                .values()
                .collect::<Vec<_>>()
                .par_iter()
                .map(|d| d.lines.iter().flat_map(|l| lang::terms(l)).collect())
                .collect();
            Arc::new(each.into_iter().flatten().collect())
        }
    };
    kept.0 = Some((key, printed.clone()));
    let mut seen: BTreeMap<String, Pos> = BTreeMap::new();
    for f in &loaded.files {
        let Some(v) = &f.data.vocabulary else { continue };
        let blank = |s: &Sp<String>| s.value.trim().is_empty();
        if blank(&v.author) {
            diags.push(
                Diagnostic::new(
                    Code::Invalid,
                    &f.pos(&v.author),
                    crate::words::diag::VOCABULARY_AUTHOR,
                )
                .hint(crate::words::diag::VOCABULARY_AUTHOR_HINT),
            );
        }
        if !is_iso_date(&v.date.value) {
            diags.push(
                Diagnostic::new(
                    Code::Invalid,
                    &f.pos(&v.date),
                    crate::words::diag::not_a_date(&v.date.value),
                )
                .hint(crate::words::diag::DATE_HINT),
            );
        }
        for t in &v.terms {
            let key = term_key(&t.term.value);
            if key.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::Invalid,
                        &f.pos(&t.term),
                        crate::words::diag::no_searchable_word(&t.term.value),
                    )
                    .hint(crate::words::diag::NO_SEARCHABLE_WORD_HINT),
                );
            } else if let Some(first) = seen.get(&key) {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        &f.pos(&t.term),
                        crate::words::diag::duplicate_term(&t.term.value),
                    )
                    .hint(crate::words::diag::term_first_defined(
                        &format!("{}:{}:{}", first.file.display(), first.line, first.column),
                        &key,
                    )),
                );
            } else {
                seen.insert(key, f.pos(&t.term));
            }
            if t.means.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::MissingKey,
                        &f.pos(&t.term),
                        crate::words::diag::means_nothing(&t.term.value),
                    )
                    .hint(crate::words::diag::MEANS_NOTHING_HINT),
                );
            }
            for m in &t.means {
                let words = lang::terms(&m.value);
                if words.is_empty() {
                    diags.push(
                        Diagnostic::new(Code::Invalid, &f.pos(m), crate::words::diag::EMPTY_TARGET)
                            .hint(crate::words::diag::EMPTY_TARGET_HINT),
                    );
                    continue;
                }
                let absent: Vec<&String> = words.iter().filter(|w| !printed.contains(*w)).collect();
                if !absent.is_empty() {
                    diags.push(
                        Diagnostic::new(
                            Code::Invalid,
                            &f.pos(m),
                            crate::words::diag::not_in_documents(&m.value),
                        )
                        .hint(crate::words::diag::no_document_prints(
                            &absent
                                .iter()
                                .map(|w| format!("`{w}…`"))
                                .collect::<Vec<_>>()
                                .join(", "),
                        )),
                    );
                }
            }
            if blank(&t.justification) {
                diags.push(
                    Diagnostic::new(
                        Code::Invalid,
                        &f.pos(&t.justification),
                        crate::words::diag::EMPTY_JUSTIFICATION,
                    )
                    .hint(crate::words::diag::EMPTY_JUSTIFICATION_HINT),
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
                            Diagnostic::new(
                                Code::Invalid,
                                &f.pos(&d.text),
                                crate::words::diag::definition_lacks(&t.term.value),
                            )
                            .hint(crate::words::diag::DEFINITION_LACKS_HINT),
                        );
                    }
                }
                (Some(d), _) => diags.push(
                    Diagnostic::new(
                        Code::Invalid,
                        &f.pos(&d.text),
                        crate::words::diag::ONLY_ABBREVIATIONS,
                    )
                    .hint(crate::words::diag::ONLY_ABBREVIATIONS_HINT),
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
