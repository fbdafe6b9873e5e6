//! The model: the checked data as plain, resolved values. Built only from data that passed every
//! check, so references here always resolve and every citation was proven.
//!
//! The types are declared here; [`Corpus::build`] assembles them from the checked data, one part
//! per module: certification records and lineage (`certs`), elements and their tree (`elements`),
//! matrices and correspondences (`tables`), the domain vocabulary (its types in `vocabulary`, built
//! by `terms`), all reading the data through the checker's index and resolved references (`read`).

mod certs;
mod elements;
mod read;
mod tables;
mod terms;
pub mod vocabulary;

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::Serialize;

use crate::check::Checked;
use crate::ids::{CertId, DocId, ElementKey, TableId};
use crate::schema::{
    CellState, CertKind, CodeSystem, CorrespondenceStatus, DateRole, Kind, Lines, Rel, Relation,
    Subtype,
};
use crate::sources::SourceSet;
use vocabulary::Vocabulary;

use read::Reader;

/// A text with where it is printed.
#[derive(Clone, Debug, Hash, Serialize, JsonSchema)]
pub struct Cite {
    pub text: String,
    pub doc: DocId,
    #[schemars(with = "LineRange")]
    pub lines: Lines,
}

/// Where something is printed, without a text of its own.
#[derive(Clone, Debug, Hash, Serialize, JsonSchema)]
pub struct Place {
    pub doc: DocId,
    #[schemars(with = "LineRange")]
    pub lines: Lines,
}

/// Lines as the model writes them (`referentiel.json`): the data files write `309` or `368-369`
/// ([`Lines`]' own schema), the model `{"first": 368, "last": 369}`.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct LineRange {
    /// The first line (1-based) of the source document.
    first: usize,
    /// The last line, included.
    last: usize,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Code {
    pub system: CodeSystem,
    pub code: String,
    pub label: Option<String>,
    pub place: Place,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Level {
    pub value: String,
    pub(crate) nomenclature: String,
    pub cite: Cite,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Date {
    pub role: DateRole,
    pub(crate) iso: Option<String>,
    pub cite: Cite,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct CertLink {
    pub id: CertId,
    pub cite: Option<Cite>,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Certification {
    pub id: CertId,
    pub kind: CertKind,
    pub lineage: String,
    pub version: String,
    pub only_named: bool,
    pub title: Cite,
    pub title_variants: Vec<Cite>,
    pub sigle: Option<Cite>,
    pub codes: Vec<Code>,
    pub levels: Vec<Level>,
    pub dates: Vec<Date>,
    pub predecessors: Vec<CertLink>,
    pub successors: Vec<CertLink>,
    pub note: Option<String>,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Variant {
    pub cite: Cite,
    pub(crate) code_as_printed: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Fact {
    pub name: &'static str,
    pub cite: Cite,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Link {
    pub rel: Rel,
    pub to: ElementKey,
    pub place: Option<Place>,
    pub text: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Element {
    pub key: ElementKey,
    pub kind: Kind,
    pub parent: Option<ElementKey>,
    pub children: Vec<ElementKey>,
    pub code: Option<String>,
    pub(crate) code_as_printed: Option<String>,
    pub cite: Cite,
    pub variants: Vec<Variant>,
    pub subtype: Option<Subtype>,
    pub block: Option<u32>,
    pub facts: Vec<Fact>,
    pub links: Vec<Link>,
    pub note: Option<String>,
    pub repair: Option<String>,
    pub pieces: Vec<Cite>,
}

impl Element {
    pub fn text(&self) -> &str {
        &self.cite.text
    }
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Header {
    pub key: String,
    pub reference: Option<ElementKey>,
    pub cite: Option<Cite>,
    pub lost: bool,
    pub note: Option<String>,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Cell {
    pub state: CellState,
    pub text: Option<String>,
    pub place: Option<Place>,
    pub note: Option<String>,
    /// True when the state comes from the matrix's `default`.
    pub(crate) by_default: bool,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Matrix {
    pub cert: CertId,
    pub id: TableId,
    pub title: Cite,
    pub rows: Vec<Header>,
    pub columns: Vec<Header>,
    /// `cells[r][c]`, every cell stated.
    pub cells: Vec<Vec<Cell>>,
    pub note: Option<String>,
}

impl Matrix {
    pub fn count(&self, state: CellState) -> usize {
        self.cells.iter().flatten().filter(|c| c.state == state).count()
    }
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Pair {
    pub from: Vec<ElementKey>,
    pub to: Vec<ElementKey>,
    pub relation: Relation,
    pub place: Option<Place>,
    pub text: Option<String>,
    pub note: Option<String>,
    pub justification: Option<String>,
    /// #26: the pair's own reviewer and date, when they differ from the table's.
    pub author: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Hash, Serialize, JsonSchema)]
pub struct Correspondence {
    pub id: TableId,
    pub status: CorrespondenceStatus,
    pub from: CertId,
    pub to: CertId,
    pub title: Option<Cite>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub note: Option<String>,
    pub pairs: Vec<Pair>,
    /// #26: suggestions a reviewer rejected, with the reason (never a link).
    pub(crate) rejected: Vec<Pair>,
}

/// How many ancestors a breadcrumb (on a page, in a search result) shows at most; an ellipsis
/// stands for those above. The real data nests far less deep.
pub const BREADCRUMB: usize = 8;

/// The whole checked corpus.
pub struct Corpus {
    /// The data folder it was read from (the site is never written there).
    pub data_dir: std::path::PathBuf,
    pub sources: SourceSet,
    /// How much of each source document the data accounts for.
    pub coverage: Vec<crate::check::coverage::DocCoverage>,
    pub certs: Vec<Certification>,
    pub elements: Vec<Element>,
    pub matrices: Vec<Matrix>,
    pub correspondences: Vec<Correspondence>,
    /// The domain vocabulary of `data/vocabulary/` (ours, curated).
    pub vocabulary: Vocabulary,
    /// What the checker noticed without refusing the data (an empty data file), for the reader.
    pub warnings: Vec<String>,
    /// Looked up for every link of every page: a fast hash (the keys are our own data's ids).
    by_key: foldhash::HashMap<ElementKey, usize>,
    by_cert: BTreeMap<CertId, usize>,
    /// The indices of each certification's elements, in data order.
    of_cert: HashMap<CertId, Vec<usize>>,
    by_table: HashMap<TableId, usize>,
}

/// A certification id that names no certification of the corpus.
#[derive(Clone, Debug)]
pub struct UnknownCert {
    pub id: String,
    /// A suggestion, or the valid ids.
    pub hint: Option<String>,
}

impl Corpus {
    pub fn element(&self, key: &ElementKey) -> Option<&Element> {
        self.by_key.get(key).map(|i| &self.elements[*i])
    }

    pub(crate) fn element_index(&self, key: &ElementKey) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn cert(&self, id: &CertId) -> Option<&Certification> {
        self.by_cert.get(id).map(|i| &self.certs[*i])
    }

    /// The correspondence table `id`.
    pub fn correspondence(&self, id: &TableId) -> Option<&Correspondence> {
        self.by_table.get(id).map(|i| &self.correspondences[*i])
    }

    /// The certification a person named (on the command line, in a URL), or why there is none:
    /// a suggestion (also across case, `NTC-2013` → `ntc-2013`), else the list of ids.
    pub fn require_cert(&self, given: &str) -> Result<CertId, UnknownCert> {
        if let Some(c) = self.certs.iter().find(|c| c.id.as_str() == given) {
            return Ok(c.id.clone());
        }
        let known: Vec<&str> = self.certs.iter().map(|c| c.id.as_str()).collect();
        let lower = given.to_lowercase();
        let hint = known
            .iter()
            .find(|k| k.to_lowercase() == lower)
            .map(|k| crate::words::diag::did_you_mean(k))
            .or_else(|| crate::diag::did_you_mean(&lower, known.iter().copied()))
            .or_else(|| {
                (!known.is_empty())
                    .then(|| crate::words::command::certifications_are(&known.join(", ")))
            });
        Err(UnknownCert { id: given.to_string(), hint })
    }

    /// The elements of a certification, in data order.
    pub fn elements_of<'c>(&'c self, cert: &CertId) -> impl Iterator<Item = &'c Element> + use<'c> {
        let elements = &self.elements;
        self.of_cert.get(cert).into_iter().flatten().map(move |&i| &elements[i])
    }

    /// The indices (in [`Corpus::elements`]) of a certification's elements, in data order.
    pub(crate) fn indices_of(&self, cert: &CertId) -> &[usize] {
        self.of_cert.get(cert).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Element counts by kind for a certification.
    pub fn counts(&self, cert: &CertId) -> BTreeMap<Kind, usize> {
        let mut m = BTreeMap::new();
        for e in self.elements_of(cert) {
            *m.entry(e.kind).or_insert(0) += 1;
        }
        m
    }

    /// The nearest `max` ancestors, farthest first, and whether there are more beyond them: what a
    /// breadcrumb shows, in time bounded by `max` however deep the element sits.
    pub(crate) fn nearest_ancestors(&self, e: &Element, max: usize) -> (Vec<&Element>, bool) {
        let mut out = Vec::new();
        let mut cur = e.parent.as_ref().and_then(|p| self.element(p));
        while let Some(p) = cur {
            if out.len() == max {
                out.reverse();
                return (out, true);
            }
            out.push(p);
            cur = p.parent.as_ref().and_then(|k| self.element(k));
        }
        out.reverse();
        (out, false)
    }

    /// For every element (by index), the index of its nearest ancestor for which `pred` holds:
    /// one pass, each element visited a bounded number of times however deep the chains, where
    /// walking up from every element would take time in the square of the depth.
    pub(crate) fn nearest_ancestor_where(
        &self,
        pred: impl Fn(&Element) -> bool,
    ) -> Vec<Option<usize>> {
        self.nearest_ancestor_where_of(0..self.elements.len(), pred)
    }

    /// [`Corpus::nearest_ancestor_where`] for the elements `of` (by index) only, in time bounded
    /// by theirs and their ancestors' number: the others' answers are `None`.
    pub(crate) fn nearest_ancestor_where_of(
        &self,
        of: impl IntoIterator<Item = usize>,
        pred: impl Fn(&Element) -> bool,
    ) -> Vec<Option<usize>> {
        let parent =
            |i: usize| self.elements[i].parent.as_ref().and_then(|p| self.element_index(p));
        let mut done: Vec<Option<Option<usize>>> = vec![None; self.elements.len()];
        let mut path = Vec::new();
        for start in of {
            // Up to the first ancestor whose answer is known, or that answers itself.
            let mut cur = start;
            let mut found = None;
            while done[cur].is_none() {
                path.push(cur);
                match parent(cur) {
                    Some(p) if path.len() <= self.elements.len() => cur = p,
                    _ => break,
                }
            }
            if let Some(known) = done[cur] {
                found = if pred(&self.elements[cur]) { Some(cur) } else { known };
            }
            // Down the path: each element's answer is the nearest one above it.
            while let Some(i) = path.pop() {
                done[i] = Some(found);
                if pred(&self.elements[i]) {
                    found = Some(i);
                }
            }
        }
        done.into_iter().map(Option::flatten).collect()
    }

    /// The chain of ancestors, root first.
    pub fn ancestors(&self, e: &Element) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut cur = e.parent.as_ref().and_then(|p| self.element(p));
        while let Some(p) = cur {
            out.push(p);
            cur = p.parent.as_ref().and_then(|k| self.element(k));
        }
        out.reverse();
        out
    }

    /// Build from data that passed every check: each part of the model from its own module.
    pub fn build(checked: Checked) -> Corpus {
        let Checked { root: data_dir, sources, index, resolved, coverage } = checked;
        let read = Reader::new(&index, &resolved);
        let certs = certs::certifications(&read);
        let (elements, by_key) = elements::elements(&read);
        let matrices = tables::matrices(&read);
        let correspondences = tables::correspondences(&read);
        let vocabulary = terms::vocabulary(&read);
        let by_cert = certs.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        let mut of_cert: HashMap<CertId, Vec<usize>> = HashMap::new();
        // Elements come file by file, and a file is one certification's: runs of one certification.
        let mut start = 0;
        for run in elements.chunk_by(|a, b| a.key.cert == b.key.cert) {
            of_cert.entry(run[0].key.cert.clone()).or_default().extend(start..start + run.len());
            start += run.len();
        }
        let by_table = correspondences.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
        Corpus {
            data_dir,
            sources,
            coverage,
            certs,
            elements,
            matrices,
            correspondences,
            vocabulary,
            warnings: Vec::new(),
            by_key,
            by_cert,
            of_cert,
            by_table,
        }
    }
}
