//! Reading the checked data: what every part of the model needs to turn a YAML value into a model
//! value — the document a citation cites (the checker's one rule), the element a reference names
//! (as the checker resolved it), cited texts and places.

use crate::check::{Index, Resolved};
use crate::ids::{DocId, ElementKey};
use crate::schema::{self, Lines, Sp};

use super::{Cite, Place};

/// The checker's index and resolved references, with the conversions built on them.
pub(super) struct Reader<'r, 'a> {
    pub index: &'r Index<'a>,
    resolved: &'r Resolved,
}

impl<'r, 'a> Reader<'r, 'a> {
    pub fn new(index: &'r Index<'a>, resolved: &'r Resolved) -> Self {
        Reader { index, resolved }
    }

    /// The document that a citation of file `fi` cites ([`Index::doc_of`]).
    pub fn doc(
        &self,
        fi: usize,
        explicit: Option<&'a Sp<String>>,
        fallback: Option<&'a Sp<String>>,
    ) -> DocId {
        DocId::new(self.index.doc_of(fi, explicit, fallback).0.unwrap_or_default())
    }

    pub fn cite(
        &self,
        fi: usize,
        text: &Sp<String>,
        lines: &Sp<Lines>,
        doc: Option<&'a Sp<String>>,
        fallback: Option<&'a Sp<String>>,
    ) -> Cite {
        Cite { text: text.value.clone(), doc: self.doc(fi, doc, fallback), lines: lines.value }
    }

    pub fn cited(&self, fi: usize, c: &'a schema::Cited, fallback: Option<&'a Sp<String>>) -> Cite {
        self.cite(fi, &c.text, &c.lines, c.doc.as_ref(), fallback)
    }

    pub fn place(
        &self,
        fi: usize,
        lines: &Sp<Lines>,
        doc: Option<&'a Sp<String>>,
        fallback: Option<&'a Sp<String>>,
    ) -> Place {
        Place { doc: self.doc(fi, doc, fallback), lines: lines.value }
    }

    /// The element that a reference written in file `fi` names.
    pub fn key(&self, fi: usize, written: &Sp<String>) -> ElementKey {
        self.resolved.key(fi, written)
    }
}

/// An optional string value, as a plain string.
pub(super) fn note(n: &Option<Sp<String>>) -> Option<String> {
    n.as_ref().map(|s| s.value.clone())
}
