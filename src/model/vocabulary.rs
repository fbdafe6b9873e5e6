//! The domain vocabulary as the model holds it: each term a reader may type (known by its search
//! key, see [`crate::check::term_key`]) with the documents' words it stands for and how much a match
//! through it weighs. Search expands queries with it; crosswalk compares compétences with it.

use std::collections::HashMap;

use serde::Serialize;

use super::Cite;
use crate::schema::{TermKind, VocabularyUse};

/// One vocabulary file's header: whose it is.
#[derive(Clone, Debug, Hash, Serialize)]
pub struct VocabularyFile {
    pub path: String,
    pub author: String,
    pub date: String,
    pub about: Option<String>,
}

#[derive(Clone, Debug, Hash, Serialize)]
pub struct Entry {
    /// As written in the file (`RDV`).
    pub term: String,
    /// Its search key (`rdv`).
    pub key: String,
    pub kind: TermKind,
    /// The documents' words it stands for.
    pub means: Vec<String>,
    pub justification: String,
    /// Where a document defines it (abbreviations).
    pub defined: Option<Cite>,
    /// Index into [`Vocabulary::files`].
    pub file: usize,
    /// What reads it (the term's `use`, else its file's, else both).
    pub(crate) used_by: VocabularyUse,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Vocabulary {
    pub files: Vec<VocabularyFile>,
    pub(crate) entries: Vec<Entry>,
    /// Search keys of the terms that search reads.
    #[serde(skip)]
    by_key: HashMap<String, usize>,
}

/// A vocabulary's content is its files and entries (the search keys are derived from them).
impl std::hash::Hash for Vocabulary {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (&self.files, &self.entries).hash(state);
    }
}

impl Vocabulary {
    /// The terms that search reads.
    pub fn for_search(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.used_by.search())
    }

    /// The terms that crosswalk reads.
    pub fn for_crosswalk(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.used_by.crosswalk())
    }

    pub fn new(files: Vec<VocabularyFile>, entries: Vec<Entry>) -> Vocabulary {
        let by_key = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.used_by.search())
            .map(|(i, e)| (e.key.clone(), i))
            .collect();
        Vocabulary { files, entries, by_key }
    }

    /// The term of this search key that search reads.
    pub fn entry(&self, term: &str) -> Option<&Entry> {
        self.by_key.get(&crate::check::term_key(term)).map(|i| &self.entries[*i])
    }

    /// What a term stands for: each target (the documents' words) with the weight of a match
    /// through it, below the literal words' 1.0. Empty for an unknown term.
    pub fn expansions(&self, term: &str) -> Vec<(&str, f64)> {
        self.entry(term)
            .map(|e| e.means.iter().map(|m| (m.as_str(), e.kind.weight())).collect())
            .unwrap_or_default()
    }
}
