//! The model: the checked data as plain, resolved values. Built only from data that passed every
//! check, so references here always resolve and every citation was proven.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::check::Checked;
use crate::ids::{CertId, DocId, ElementKey, TableId};
use crate::schema::{self, CellState, CertKind, CodeSystem, CorrespondenceStatus, DateRole, Kind, Lines, Rel, Relation, Sp, Subtype};
use crate::sources::SourceSet;
use crate::vocabulary::{Entry, Vocabulary, VocabularyFile};

/// A text with where it is printed.
#[derive(Clone, Debug, Serialize)]
pub struct Cite {
    pub text: String,
    pub doc: DocId,
    pub lines: Lines,
}

/// Where something is printed, without a text of its own.
#[derive(Clone, Debug, Serialize)]
pub struct Place {
    pub doc: DocId,
    pub lines: Lines,
}

#[derive(Debug, Serialize)]
pub struct Code {
    pub system: CodeSystem,
    pub code: String,
    pub label: Option<String>,
    pub place: Place,
}

#[derive(Debug, Serialize)]
pub struct Level {
    pub value: String,
    pub nomenclature: String,
    pub cite: Cite,
}

#[derive(Debug, Serialize)]
pub struct Date {
    pub role: DateRole,
    pub iso: Option<String>,
    pub cite: Cite,
}

#[derive(Debug, Serialize)]
pub struct CertLink {
    pub id: CertId,
    pub cite: Option<Cite>,
}

#[derive(Debug, Serialize)]
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

#[derive(Debug, Serialize)]
pub struct Variant {
    pub cite: Cite,
    pub code_as_printed: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Fact {
    pub name: &'static str,
    pub cite: Cite,
}

#[derive(Debug, Serialize)]
pub struct Link {
    pub rel: Rel,
    pub to: ElementKey,
    pub place: Option<Place>,
    pub text: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Element {
    pub key: ElementKey,
    pub kind: Kind,
    pub parent: Option<ElementKey>,
    pub children: Vec<ElementKey>,
    pub code: Option<String>,
    pub code_as_printed: Option<String>,
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

#[derive(Debug, Serialize)]
pub struct Header {
    pub key: String,
    pub reference: Option<ElementKey>,
    pub cite: Option<Cite>,
    pub lost: bool,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Cell {
    pub state: CellState,
    pub text: Option<String>,
    pub place: Option<Place>,
    pub note: Option<String>,
    /// True when the state comes from the matrix's `default`.
    pub by_default: bool,
}

#[derive(Debug, Serialize)]
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

#[derive(Debug, Serialize)]
pub struct Pair {
    pub from: Vec<ElementKey>,
    pub to: Vec<ElementKey>,
    pub relation: Relation,
    pub place: Option<Place>,
    pub text: Option<String>,
    pub note: Option<String>,
    pub justification: Option<String>,
}

#[derive(Debug, Serialize)]
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
    by_key: HashMap<ElementKey, usize>,
    by_cert: BTreeMap<CertId, usize>,
    /// The indices of each certification's elements, in data order.
    of_cert: HashMap<CertId, Vec<usize>>,
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

    pub fn element_index(&self, key: &ElementKey) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn cert(&self, id: &CertId) -> Option<&Certification> {
        self.by_cert.get(id).map(|i| &self.certs[*i])
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
            .map(|k| format!("did you mean `{k}`?"))
            .or_else(|| crate::diag::did_you_mean(&lower, known.iter().copied()))
            .or_else(|| (!known.is_empty()).then(|| format!("the certifications are: {}", known.join(", "))));
        Err(UnknownCert { id: given.to_string(), hint })
    }

    /// The elements of a certification, in data order.
    pub fn elements_of<'c>(&'c self, cert: &'c CertId) -> impl Iterator<Item = &'c Element> + 'c {
        self.of_cert.get(cert).into_iter().flatten().map(|&i| &self.elements[i])
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
    pub fn nearest_ancestors(&self, e: &Element, max: usize) -> (Vec<&Element>, bool) {
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

    /// Build from data that passed every check.
    pub fn build(checked: Checked) -> Corpus {
        let Checked { root: data_dir, sources, index, resolved, coverage } = checked;
        let doc_of = |fi: usize, explicit: Option<&Sp<String>>, fallback: Option<&Sp<String>>| -> DocId {
            DocId::new(index.doc_of(fi, explicit, fallback).0.unwrap_or_default())
        };
        let cite = |fi: usize, text: &Sp<String>, lines: &Sp<Lines>, doc: Option<&Sp<String>>, fallback: Option<&Sp<String>>| Cite {
            text: text.value.clone(),
            doc: doc_of(fi, doc, fallback),
            lines: lines.value,
        };
        let cited = |fi: usize, c: &schema::Cited, fallback: Option<&Sp<String>>| cite(fi, &c.text, &c.lines, c.doc.as_ref(), fallback);
        let note = |n: &Option<Sp<String>>| n.as_ref().map(|s| s.value.clone());
        let key_in = |fi: usize, r: &Sp<String>| resolved.key(fi, r);

        let mut certs: Vec<Certification> = index
            .certs
            .iter()
            .map(|(id, (fi, c))| {
                let fi = *fi;
                let link = |l: &schema::CertLink| CertLink {
                    id: CertId::new(l.id.value.as_str()),
                    cite: match (&l.text, &l.lines) {
                        (Some(t), Some(li)) => Some(cite(fi, t, li, l.doc.as_ref(), None)),
                        _ => None,
                    },
                };
                Certification {
                    id: id.clone(),
                    kind: c.kind.value,
                    lineage: c.lineage.value.clone(),
                    version: c.version.value.clone(),
                    only_named: c.only_named,
                    title: cite(fi, &c.title.text, &c.title.lines, c.title.doc.as_ref(), None),
                    title_variants: c.title.variants.iter().map(|v| cited(fi, v, None)).collect(),
                    sigle: c.sigle.as_ref().map(|s| cited(fi, s, None)),
                    codes: c
                        .codes
                        .iter()
                        .map(|(system, e)| Code {
                            system,
                            code: e.code.value.clone(),
                            label: note(&e.label),
                            place: Place { doc: doc_of(fi, e.doc.as_ref(), None), lines: e.lines.value },
                        })
                        .collect(),
                    levels: c
                        .level
                        .iter()
                        .map(|l| Level {
                            value: l.value.value.clone(),
                            nomenclature: l.nomenclature.value.clone(),
                            cite: cite(fi, &l.text, &l.lines, l.doc.as_ref(), None),
                        })
                        .collect(),
                    dates: c
                        .dates
                        .iter()
                        .map(|d| Date { role: d.role.value, iso: note(&d.date), cite: cite(fi, &d.text, &d.lines, d.doc.as_ref(), None) })
                        .collect(),
                    predecessors: c.predecessors.iter().map(link).collect(),
                    successors: c.successors.iter().map(link).collect(),
                    note: note(&c.note),
                }
            })
            .collect();
        certs.sort_by(|a, b| (&a.lineage, &a.version, &a.id).cmp(&(&b.lineage, &b.version, &b.id)));

        // Elements in file order (files are sorted by path), then position in the file.
        let mut raw: Vec<(&ElementKey, &(usize, &schema::Element))> = index.elements.iter().collect();
        let position = |e: &schema::Element| (e.id.referenced.line(), e.id.referenced.column());
        raw.sort_by_key(|(_, (fi, e))| (*fi, position(e)));
        let mut elements: Vec<Element> = raw
            .iter()
            .map(|(key, (fi, e))| {
                let fi = *fi;
                let doc = e.doc.as_ref();
                Element {
                    key: (*key).clone(),
                    kind: e.kind.value,
                    parent: e.parent.as_ref().map(|p| key_in(fi, p)),
                    children: Vec::new(),
                    code: note(&e.code),
                    code_as_printed: note(&e.code_as_printed),
                    cite: cite(fi, &e.text, &e.lines, doc, None),
                    variants: e
                        .variants
                        .iter()
                        .map(|v| Variant {
                            cite: cite(fi, &v.text, &v.lines, v.doc.as_ref(), doc),
                            code_as_printed: note(&v.code_as_printed),
                            note: note(&v.note),
                        })
                        .collect(),
                    subtype: e.subtype.as_ref().map(|s| s.value),
                    block: e.block.as_ref().map(|b| b.value),
                    facts: e
                        .facts
                        .iter()
                        .map(|(name, f)| Fact {
                            name,
                            cite: match &f.value {
                                schema::FactValue::Plain(s) => Cite { text: s.clone(), doc: doc_of(fi, doc, None), lines: e.lines.value },
                                schema::FactValue::Cited(c) => cited(fi, c, doc),
                            },
                        })
                        .collect(),
                    links: e
                        .links
                        .iter()
                        .map(|l| Link {
                            rel: l.rel.value,
                            to: key_in(fi, &l.to),
                            place: l.lines.as_ref().map(|li| Place { doc: doc_of(fi, l.doc.as_ref(), doc), lines: li.value }),
                            text: note(&l.text),
                            note: note(&l.note),
                        })
                        .collect(),
                    note: note(&e.note),
                    repair: note(&e.repair),
                    pieces: e.pieces.iter().map(|p| cited(fi, p, doc)).collect(),
                }
            })
            .collect();
        let by_key: HashMap<ElementKey, usize> = elements.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect();
        for i in 0..elements.len() {
            if let Some(p) = elements[i].parent.clone() {
                let child = elements[i].key.clone();
                elements[by_key[&p]].children.push(child);
            }
        }

        let matrices = index
            .matrices
            .iter()
            .map(|((cert, id), (fi, m))| {
                let fi = *fi;
                let header = |h: &schema::Header| Header {
                    key: h.key.value.clone(),
                    reference: h.reference.as_ref().map(|r| key_in(fi, r)),
                    cite: match (&h.text, &h.lines) {
                        (Some(t), Some(l)) => Some(cite(fi, t, l, h.doc.as_ref(), None)),
                        _ => None,
                    },
                    lost: h.lost,
                    note: note(&h.note),
                };
                let stated: HashMap<(&str, &str), &schema::Cell> =
                    m.cells.iter().map(|c| ((c.row.value.as_str(), c.col.value.as_str()), c)).collect();
                let cells = m
                    .rows
                    .iter()
                    .map(|r| {
                        m.columns
                            .iter()
                            .map(|c| match stated.get(&(r.key.value.as_str(), c.key.value.as_str())) {
                                Some(cell) => Cell {
                                    state: cell.state.value,
                                    text: note(&cell.text),
                                    place: cell.lines.as_ref().map(|l| Place { doc: doc_of(fi, cell.doc.as_ref(), None), lines: l.value }),
                                    note: note(&cell.note),
                                    by_default: false,
                                },
                                None => Cell {
                                    state: m.default.as_ref().map(|d| d.value).unwrap_or(CellState::Lost),
                                    text: None,
                                    place: None,
                                    note: None,
                                    by_default: true,
                                },
                            })
                            .collect()
                    })
                    .collect();
                Matrix {
                    cert: cert.clone(),
                    id: id.clone(),
                    title: cited(fi, &m.title, None),
                    rows: m.rows.iter().map(header).collect(),
                    columns: m.columns.iter().map(header).collect(),
                    cells,
                    note: note(&m.note),
                }
            })
            .collect();

        let correspondences = index
            .correspondences
            .iter()
            .map(|(id, (fi, c))| {
                let fi = *fi;
                let from = CertId::new(c.from.value.as_str());
                let to = CertId::new(c.to.value.as_str());
                let default = c.relation.as_ref().map(|r| r.value).unwrap_or(Relation::CloseMatch);
                Correspondence {
                    id: id.clone(),
                    status: c.status.value,
                    title: c.title.as_ref().map(|t| cited(fi, t, c.doc.as_ref())),
                    author: note(&c.author),
                    date: note(&c.date),
                    note: note(&c.note),
                    pairs: c
                        .pairs
                        .iter()
                        .map(|p| Pair {
                            from: p.from.iter().map(|r| key_in(fi, r)).collect(),
                            to: p.to.iter().map(|r| key_in(fi, r)).collect(),
                            relation: p.relation.as_ref().map(|r| r.value).unwrap_or(default),
                            place: p.lines.as_ref().map(|l| Place { doc: doc_of(fi, p.doc.as_ref(), c.doc.as_ref()), lines: l.value }),
                            text: note(&p.text),
                            note: note(&p.note),
                            justification: note(&p.justification),
                        })
                        .collect(),
                    from,
                    to,
                }
            })
            .collect();

        let mut files = Vec::new();
        let mut entries = Vec::new();
        for (fi, f) in index.files.iter().enumerate() {
            let Some(v) = &f.file.data.vocabulary else { continue };
            for t in &v.terms {
                entries.push(Entry {
                    term: t.term.value.clone(),
                    key: crate::check::term_key(&t.term.value),
                    kind: t.kind.value,
                    means: t.means.iter().map(|m| m.value.clone()).collect(),
                    justification: t.justification.value.clone(),
                    defined: t.defined.as_ref().map(|d| cited(fi, d, None)),
                    file: files.len(),
                });
            }
            files.push(VocabularyFile {
                path: f.file.path.display().to_string(),
                author: v.author.value.clone(),
                date: v.date.value.clone(),
                about: note(&v.about),
            });
        }
        let vocabulary = Vocabulary::new(files, entries);

        let by_cert = certs.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        let mut of_cert: HashMap<CertId, Vec<usize>> = HashMap::new();
        for (i, e) in elements.iter().enumerate() {
            of_cert.entry(e.key.cert.clone()).or_default().push(i);
        }
        Corpus { data_dir, sources, coverage, certs, elements, matrices, correspondences, vocabulary, by_key, by_cert, of_cert }
    }
}

