//! What the site's context derives from the whole corpus — each page's title, the elements that
//! share a text, the elements that cite each source line, the glossary, the matrices' headers —
//! as parts that `serve` keeps between its quick passes and patches for the elements an edit
//! changed, instead of deriving them again from the whole corpus ([`Parts::patch`] gives what
//! [`Parts::new`] gives on the edited corpus).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::ids::{CertId, DocId, ElementKey};
use crate::model::{Corpus, Element};
use crate::present::{short_cert, truncate};

use super::richtext::Glossary;

/// The parts of [`super::context::SiteCtx`] derived from the whole corpus.
pub struct Parts {
    pub(super) glossary: Glossary,
    /// Elements by normalised text, in corpus order, for "the same text also appears in".
    pub(super) same_text: HashMap<String, Vec<ElementKey>>,
    /// For each document, the elements whose text starts at each line, in corpus order.
    pub(super) cited_at: HashMap<DocId, BTreeMap<usize, Vec<ElementKey>>>,
    /// For each document, every line some citation covers.
    pub(super) cited_lines: HashMap<DocId, BTreeSet<usize>>,
    /// Each element page's title, unique across the site.
    pub(super) titles: HashMap<ElementKey, String>,
    /// Where each element heads a row or a column of a matrix: (matrix index, is a row, header
    /// index), in matrix order.
    pub(super) in_matrices: HashMap<ElementKey, Vec<(usize, bool, usize)>>,
}

/// An element's citations: its text's, its variants', its pieces'.
fn cites(e: &Element) -> impl Iterator<Item = &crate::model::Cite> {
    std::iter::once(&e.cite).chain(e.variants.iter().map(|v| &v.cite)).chain(&e.pieces)
}

impl Parts {
    pub fn new(corpus: &Corpus) -> Parts {
        let mut same_text: HashMap<String, Vec<ElementKey>> = HashMap::new();
        let mut cited_at: HashMap<DocId, BTreeMap<usize, Vec<ElementKey>>> = HashMap::new();
        let mut cited_lines: HashMap<DocId, BTreeSet<usize>> = HashMap::new();
        for e in &corpus.elements {
            let t = same_text_key(e.text());
            if t.chars().count() >= 12 {
                same_text.entry(t).or_default().push(e.key.clone());
            }
            for c in cites(e) {
                cited_lines.entry(c.doc.clone()).or_default().extend(c.lines.iter());
                let slot =
                    cited_at.entry(c.doc.clone()).or_default().entry(c.lines.first).or_default();
                if !slot.contains(&e.key) {
                    slot.push(e.key.clone());
                }
            }
        }
        Parts {
            glossary: Glossary::build(corpus),
            same_text,
            cited_at,
            cited_lines,
            titles: titles(corpus, (0..corpus.elements.len()).collect()),
            in_matrices: in_matrices(corpus),
        }
    }

    /// The parts of `corpus`, from those of the corpus it was edited from: `changed` are the
    /// elements whose content changed (added and removed ones included), `certs` the
    /// certifications whose record changed. The elements that did not change must keep their
    /// order (else derive the parts again with [`Parts::new`]).
    pub fn patch(&mut self, corpus: &Corpus, changed: &HashSet<ElementKey>, certs: &[CertId]) {
        use crate::phases::time;
        let now: Vec<&Element> = changed.iter().filter_map(|k| corpus.element(k)).collect();
        time("patch: same text", || self.patch_same_text(corpus, changed, &now));
        time("patch: cited", || self.patch_cited(corpus, changed, &now));
        time("patch: titles", || self.patch_titles(corpus, changed, certs));
        time("patch: glossary", || {
            self.glossary = Glossary::build(corpus);
            self.in_matrices = in_matrices(corpus);
        });
    }

    /// The texts shared: the changed elements out of their old buckets, into their new ones.
    fn patch_same_text(
        &mut self,
        corpus: &Corpus,
        changed: &HashSet<ElementKey>,
        now: &[&Element],
    ) {
        let order = |k: &ElementKey| corpus.element_index(k).unwrap_or(usize::MAX);
        let mut touched: HashSet<String> = HashSet::new();
        self.same_text.retain(|_, v| {
            v.retain(|k| !changed.contains(k));
            !v.is_empty()
        });
        for e in now {
            let t = same_text_key(e.text());
            if t.chars().count() >= 12 {
                self.same_text.entry(t.clone()).or_default().push(e.key.clone());
                touched.insert(t);
            }
        }
        for t in touched {
            if let Some(v) = self.same_text.get_mut(&t) {
                v.sort_by_key(|k| order(k));
            }
        }
    }

    /// The lines cited: out of the slots they were in, into their new ones; the documents they
    /// were or are in have their cited lines counted again.
    fn patch_cited(&mut self, corpus: &Corpus, changed: &HashSet<ElementKey>, now: &[&Element]) {
        let order = |k: &ElementKey| corpus.element_index(k).unwrap_or(usize::MAX);
        let mut docs: HashSet<DocId> = HashSet::new();
        for (doc, slots) in self.cited_at.iter_mut() {
            slots.retain(|_, v| {
                let before = v.len();
                v.retain(|k| !changed.contains(k));
                if v.len() != before {
                    docs.insert(doc.clone());
                }
                !v.is_empty()
            });
        }
        let mut slots_touched: HashSet<(DocId, usize)> = HashSet::new();
        for e in now {
            for c in cites(e) {
                docs.insert(c.doc.clone());
                let slot = self
                    .cited_at
                    .entry(c.doc.clone())
                    .or_default()
                    .entry(c.lines.first)
                    .or_default();
                if !slot.contains(&e.key) {
                    slot.push(e.key.clone());
                }
                slots_touched.insert((c.doc.clone(), c.lines.first));
            }
        }
        for (doc, line) in slots_touched {
            if let Some(v) = self.cited_at.get_mut(&doc).and_then(|s| s.get_mut(&line)) {
                v.sort_by_key(|k| order(k));
            }
        }
        self.cited_at.retain(|_, slots| !slots.is_empty());
        for doc in docs {
            let mut lines = BTreeSet::new();
            let citing = self.cited_at.get(&doc).into_iter().flat_map(|s| s.values().flatten());
            for e in citing.filter_map(|k| corpus.element(k)) {
                for c in cites(e).filter(|c| c.doc == doc) {
                    lines.extend(c.lines.iter());
                }
            }
            if lines.is_empty() {
                self.cited_lines.remove(&doc);
            } else {
                self.cited_lines.insert(doc, lines);
            }
        }
    }

    /// Titles are unique among the certifications of one short name: those of the names
    /// touched (all of them when a certification's record, and so maybe its name, changed).
    fn patch_titles(&mut self, corpus: &Corpus, changed: &HashSet<ElementKey>, certs: &[CertId]) {
        if certs.is_empty() {
            let name = |c: &CertId| corpus.cert(c).map(short_cert).unwrap_or_default();
            let names: HashSet<String> = changed.iter().map(|k| name(&k.cert)).collect();
            let touched: Vec<&CertId> =
                corpus.certs.iter().map(|c| &c.id).filter(|c| names.contains(&name(c))).collect();
            let gone: HashSet<&CertId> = touched.iter().copied().collect();
            self.titles.retain(|k, _| !gone.contains(&k.cert));
            let mut which: Vec<usize> =
                touched.iter().flat_map(|c| corpus.indices_of(c)).copied().collect();
            which.sort_unstable();
            self.titles.extend(titles(corpus, which));
        } else {
            self.titles = titles(corpus, (0..corpus.elements.len()).collect());
        }
    }
}

fn in_matrices(corpus: &Corpus) -> HashMap<ElementKey, Vec<(usize, bool, usize)>> {
    let mut in_matrices: HashMap<ElementKey, Vec<(usize, bool, usize)>> = HashMap::new();
    for (mi, m) in corpus.matrices.iter().enumerate() {
        for (is_row, headers) in [(true, &m.rows), (false, &m.columns)] {
            for (i, h) in headers.iter().enumerate() {
                if let Some(k) = &h.reference {
                    in_matrices.entry(k.clone()).or_default().push((mi, is_row, i));
                }
            }
        }
    }
    in_matrices
}

/// The titles of the elements `which` (indices, in corpus order; whole certifications: a title
/// is unique among the certifications of one short name).
fn titles(corpus: &Corpus, which: Vec<usize>) -> HashMap<ElementKey, String> {
    use crate::present::{element_title, label};
    // The nearest ancestor that names a group: not the document's structure, or with a code.
    let groups = corpus.nearest_ancestor_where_of(which.iter().copied(), |a| {
        a.kind.family() != crate::schema::Family::Document || a.code.is_some()
    });
    let group = |e: &Element| {
        corpus
            .element_index(&e.key)
            .and_then(|i| groups[i])
            .map(|a| format!(" ({})", truncate(&label(&corpus.elements[a]), 40)))
    };
    let short: HashMap<&CertId, String> =
        corpus.certs.iter().map(|c| (&c.id, short_cert(c))).collect();
    let cert = |e: &Element| short.get(&e.key.cert).cloned().unwrap_or_default();
    let count = |v: &[(String, &Element)]| {
        let mut n: HashMap<(String, String), usize> = HashMap::new();
        for (t, e) in v {
            *n.entry((t.clone(), cert(e))).or_default() += 1;
        }
        n
    };
    // Code and text; then its group where two read the same; then its lines.
    let first: Vec<(String, &Element)> =
        which.into_iter().map(|i| &corpus.elements[i]).map(|e| (element_title(e), e)).collect();
    let n = count(&first);
    let second: Vec<(String, &Element)> = first
        .into_iter()
        .map(|(t, e)| {
            if n[&(t.clone(), cert(e))] > 1 {
                (format!("{t}{}", group(e).unwrap_or_default()), e)
            } else {
                (t, e)
            }
        })
        .collect();
    let n = count(&second);
    let third: Vec<(String, &Element)> = second
        .into_iter()
        .map(|(t, e)| {
            if n[&(t.clone(), cert(e))] > 1 {
                (format!("{t}, lignes {}", e.cite.lines), e)
            } else {
                (t, e)
            }
        })
        .collect();
    // Two printings on one line (two cells of a table row): numbered in reading order.
    let n = count(&third);
    let mut nth: HashMap<(String, String), usize> = HashMap::new();
    third
        .into_iter()
        .map(|(t, e)| {
            let k = (t.clone(), cert(e));
            let t = if n[&k] > 1 {
                let i = nth.entry(k).or_default();
                *i += 1;
                format!("{t}, n° {i}")
            } else {
                t
            };
            (e.key.clone(), format!("{t} · {} · {}", e.kind.label(), cert(e)))
        })
        .collect()
}

pub(super) fn same_text_key(t: &str) -> String {
    crate::lang::tokens(t).into_iter().map(|t| t.word).collect::<Vec<_>>().join(" ")
}
