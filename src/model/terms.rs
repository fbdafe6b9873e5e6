//! The domain vocabulary of `data/vocabulary/` (ours, curated): every term of every file, with
//! the file that states it.

use super::vocabulary::{Entry, Vocabulary, VocabularyFile};

use super::read::{Reader, note};

pub(super) fn vocabulary(read: &Reader) -> Vocabulary {
    let mut files = Vec::new();
    let mut entries = Vec::new();
    for (fi, f) in read.index.files.iter().enumerate() {
        let Some(v) = &f.file.data.vocabulary else { continue };
        let file_use = v.used_by.as_ref().map(|u| u.value).unwrap_or_default();
        for t in &v.terms {
            entries.push(Entry {
                term: t.term.value.clone(),
                key: crate::check::term_key(&t.term.value),
                kind: t.kind.value,
                means: t.means.iter().map(|m| m.value.clone()).collect(),
                justification: t.justification.value.clone(),
                defined: t.defined.as_ref().map(|d| read.cited(fi, d, None)),
                file: files.len(),
                used_by: t.used_by.as_ref().map_or(file_use, |u| u.value),
            });
        }
        files.push(VocabularyFile {
            path: f.file.path.display().to_string(),
            author: v.author.value.clone(),
            date: v.date.value.clone(),
            about: note(&v.about),
        });
    }
    Vocabulary::new(files, entries)
}
