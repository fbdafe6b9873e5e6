//! Pass 5: provenance. Every cited text is printed at its cited lines of its document, tightly.
//! The searches are independent, so they run in parallel. Each proven text becomes a [`Claim`]
//! on the characters it was found at, for the coverage pass.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos, did_you_mean};
use crate::ids::DocId;
use crate::load::LoadedFile;
use crate::schema::{Certification, Cited, Element, FactValue, Lines, Sp};
use crate::sources::{Mismatch, SourceDoc, SourceSet};
use crate::text;

use super::Index;
use super::coverage::{Claim, Role};

/// One claim "this text is printed at these lines of this document".
struct Citation<'a> {
    /// Where the claim is written (the text, or the `lines` when there is no text).
    at: Pos,
    lines_at: Pos,
    text: Option<&'a str>,
    lines: Lines,
    /// The document as written (explicit, or the file's default).
    doc: Option<&'a str>,
    doc_at: Pos,
    /// What the text is, and whose.
    role: Role,
    owner: String,
    /// A code printed somewhere in the lines: claimed where found, never an error.
    code: bool,
}

struct Collector<'i, 'a> {
    index: &'i Index<'a>,
    out: Vec<Citation<'a>>,
    diags: Vec<Diagnostic>,
    /// The role and owner of the citations being added.
    role: Role,
    owner: String,
}

impl<'a> Collector<'_, 'a> {
    fn doc(
        &self,
        fi: usize,
        explicit: Option<&'a Sp<String>>,
        fallback: Option<&'a Sp<String>>,
    ) -> (Option<&'a str>, Option<&'a Sp<String>>) {
        self.index.doc_of(fi, explicit, fallback)
    }

    fn add(
        &mut self,
        fi: usize,
        text: Option<&'a Sp<String>>,
        lines: &'a Sp<Lines>,
        doc: Option<&'a Sp<String>>,
        fallback: Option<&'a Sp<String>>,
    ) {
        let (doc, doc_sp) = self.doc(fi, doc, fallback);
        let lines_at = self.index.pos(fi, lines);
        self.out.push(Citation {
            at: text.map(|t| self.index.pos(fi, t)).unwrap_or_else(|| lines_at.clone()),
            doc_at: doc_sp.map(|d| self.index.pos(fi, d)).unwrap_or_else(|| lines_at.clone()),
            lines_at,
            text: text.map(|t| t.value.as_str()),
            lines: lines.value,
            doc,
            role: self.role,
            owner: self.owner.clone(),
            code: false,
        });
    }

    /// An element's code, claimed where it is printed in the element's (or variant's) lines.
    fn code(
        &mut self,
        fi: usize,
        code: &'a Sp<String>,
        lines: &'a Sp<Lines>,
        doc: Option<&'a Sp<String>>,
        fallback: Option<&'a Sp<String>>,
    ) {
        self.add(fi, Some(code), lines, doc, fallback);
        if let Some(c) = self.out.last_mut() {
            c.code = true;
            c.role = Role::Other;
        }
    }

    fn owned(&mut self, role: Role, owner: String) {
        self.role = role;
        self.owner = owner;
    }

    fn cited(&mut self, fi: usize, c: &'a Cited, fallback: Option<&'a Sp<String>>) {
        self.add(fi, Some(&c.text), &c.lines, c.doc.as_ref(), fallback);
    }

    /// A text that needs lines: complain when `lines` is missing.
    fn text_needing_lines(
        &mut self,
        fi: usize,
        text: Option<&'a Sp<String>>,
        lines: Option<&'a Sp<Lines>>,
        doc: Option<&'a Sp<String>>,
        fallback: Option<&'a Sp<String>>,
    ) {
        match (text, lines) {
            (_, Some(l)) => self.add(fi, text, l, doc, fallback),
            (Some(t), None) => self.diags.push(
                Diagnostic::new(
                    Code::MissingKey,
                    &self.index.pos(fi, t),
                    crate::words::diag::TEXT_NEEDS_LINES,
                )
                .hint(crate::words::diag::TEXT_NEEDS_LINES_HINT),
            ),
            (None, None) => {}
        }
    }
}

/// What searching a document's lines for a text gave: where it is printed, or why not.
type Search = Result<Vec<text::Found>, Mismatch>;

/// What proving a citation gave: its claim (none for lines without a text), or what is wrong.
type Verified = Result<Option<Claim>, Diagnostic>;

/// The proofs of a check, kept for the next check of the same data (`serve`), at two grains.
///
/// - Per item of a file (its certification record, each element, matrix and correspondence, its
///   vocabulary): what checking the item's citations gave ([`Outcome`]: its claims and
///   diagnostics). It is a function of the item (found in its file by its place in the file's
///   list), of the file's path and default document (positions, the document cited), and of the
///   source documents (their ids, contents, declared lines and where they are declared, those
///   that could not be read); the whole file's text and path key it (the text fixes the item,
///   its place and the file's `doc`), and every item is dropped when anything of the sources
///   that a proof reads changed ([`sources_key`]). Which items are in the index (unique ids, a
///   known certification) is decided afresh by every check: only the items the index holds are
///   looked up, and their order is the index's.
/// - Per search, for the items that were not kept (an edited file): a search is a pure function
///   of the document's content, the lines and the text, so an edit re-searches only the
///   citations it touched, and those of a source document whose content changed.
///
/// Each check keeps only what it used.
#[derive(Default)]
pub struct Proofs {
    /// By file, in this check's file order.
    files: Vec<FileProofs>,
    /// What the sources were when the outcomes were made ([`sources_key`]).
    sources: u64,
    /// The items of the last check, in the order their citations are proven (the index's).
    order: Vec<(usize, Item)>,
    /// How many searches the last check made (those it did not find here).
    pub made: usize,
}

/// An item of a file, by its place in the file's lists.
#[derive(Clone, Copy, Debug)]
enum Item {
    Cert,
    Element(usize),
    Matrix(usize),
    Correspondence(usize),
    Vocabulary,
}

/// What checking one item's citations gave: the diagnostics found while gathering them (a text
/// without lines, pieces that do not make the text), those of proving them, and the claims of
/// the proven ones, in the order they were gathered.
#[derive(Default)]
struct Outcome {
    gathered: Vec<Diagnostic>,
    verified: Vec<Diagnostic>,
    claims: Vec<Claim>,
}

/// The outcomes of one file's items, kept while its text (`hash`) and path are the same, and the
/// searches they made.
struct FileProofs {
    path: PathBuf,
    hash: u64,
    cert: Option<Outcome>,
    elements: Vec<Option<Outcome>>,
    matrices: Vec<Option<Outcome>>,
    correspondences: Vec<Option<Outcome>>,
    vocabulary: Option<Outcome>,
    searches: HashMap<ProofKey, Search>,
}

impl FileProofs {
    fn new(f: &LoadedFile) -> Self {
        let d = &f.data;
        FileProofs {
            path: f.path.clone(),
            hash: f.hash,
            cert: None,
            elements: d.elements.iter().map(|_| None).collect(),
            matrices: d.matrices.iter().map(|_| None).collect(),
            correspondences: d.correspondences.iter().map(|_| None).collect(),
            vocabulary: None,
            searches: HashMap::new(),
        }
    }

    fn slot(&mut self, item: Item) -> &mut Option<Outcome> {
        match item {
            Item::Cert => &mut self.cert,
            Item::Element(i) => &mut self.elements[i],
            Item::Matrix(i) => &mut self.matrices[i],
            Item::Correspondence(i) => &mut self.correspondences[i],
            Item::Vocabulary => &mut self.vocabulary,
        }
    }

    fn get(&self, item: Item) -> Option<&Outcome> {
        match item {
            Item::Cert => self.cert.as_ref(),
            Item::Element(i) => self.elements[i].as_ref(),
            Item::Matrix(i) => self.matrices[i].as_ref(),
            Item::Correspondence(i) => self.correspondences[i].as_ref(),
            Item::Vocabulary => self.vocabulary.as_ref(),
        }
    }
}

/// A search, by the document's content ([`super::content_hash`]), the lines, the text, and
/// whether it is a code (searched as a word).
#[derive(Clone, PartialEq, Eq, Hash)]
struct ProofKey {
    doc: u64,
    lines: Lines,
    text: String,
    code: bool,
}

/// A hash of everything of the sources that proving a citation reads besides a searched
/// document's content: each document's id, content and length, its declared lines with where
/// they are declared (a diagnostic points there), and the documents that could not be read.
fn sources_key(sources: &SourceSet, hashes: &HashMap<DocId, u64>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (id, doc) in &sources.docs {
        (id.as_str(), hashes.get(id), doc.len(), doc.declared.len()).hash(&mut h);
        doc.hash_declarations(&mut h);
    }
    for id in &sources.failed {
        id.as_str().hash(&mut h);
    }
    h.finish()
}

/// Where `one` sits in `all`, by its address: the index holds references into the files' lists.
fn ordinal<T>(all: &[T], one: &T) -> usize {
    let size = std::mem::size_of::<T>().max(1);
    let at = (one as *const T as usize).wrapping_sub(all.as_ptr() as usize) / size;
    assert!(
        all.get(at).is_some_and(|x| std::ptr::eq(x, one)),
        "the index refers into its files' lists"
    );
    at
}

/// Gather the citations of one item.
fn gather<'a>(index: &Index<'a>, fi: usize, item: Item) -> (Vec<Citation<'a>>, Vec<Diagnostic>) {
    let mut c = Collector {
        index,
        out: Vec::new(),
        diags: Vec::new(),
        role: Role::Other,
        owner: String::new(),
    };
    let d = &index.files[fi].file.data;
    match item {
        Item::Cert => {
            if let Some(cert) = &d.certification {
                gather_cert(&mut c, fi, cert);
            }
        }
        Item::Element(i) => gather_element(&mut c, fi, &d.elements[i]),
        Item::Matrix(i) => {
            let m = &d.matrices[i];
            c.owned(Role::Other, crate::words::diag::owner_matrix(&m.id.value));
            c.cited(fi, &m.title, None);
            for h in m.rows.iter().chain(&m.columns) {
                c.text_needing_lines(fi, h.text.as_ref(), h.lines.as_ref(), h.doc.as_ref(), None);
            }
            for cell in &m.cells {
                c.text_needing_lines(
                    fi,
                    cell.text.as_ref(),
                    cell.lines.as_ref(),
                    cell.doc.as_ref(),
                    None,
                );
            }
        }
        Item::Correspondence(i) => {
            let corr = &d.correspondences[i];
            c.owned(Role::Other, crate::words::diag::owner_correspondence(&corr.id.value));
            if let Some(t) = &corr.title {
                c.cited(fi, t, corr.doc.as_ref());
            }
            for p in &corr.pairs {
                c.text_needing_lines(
                    fi,
                    p.text.as_ref(),
                    p.lines.as_ref(),
                    p.doc.as_ref(),
                    corr.doc.as_ref(),
                );
            }
        }
        Item::Vocabulary => {
            if let Some(v) = &d.vocabulary {
                for t in &v.terms {
                    if let Some(def) = &t.defined {
                        c.cited(fi, def, None);
                    }
                }
            }
        }
    }
    (c.out, c.diags)
}

fn gather_cert<'a>(c: &mut Collector<'_, 'a>, fi: usize, cert: &'a Certification) {
    c.owned(Role::Record, crate::words::diag::owner_cert(&cert.id.value));
    c.add(fi, Some(&cert.title.text), &cert.title.lines, cert.title.doc.as_ref(), None);
    for v in &cert.title.variants {
        c.cited(fi, v, None);
    }
    if let Some(s) = &cert.sigle {
        c.cited(fi, s, None);
    }
    for (_, code) in cert.codes.iter() {
        c.add(fi, Some(&code.code), &code.lines, code.doc.as_ref(), None);
        if let Some(label) = &code.label {
            c.add(fi, Some(label), &code.lines, code.doc.as_ref(), None);
        }
    }
    for l in &cert.level {
        c.add(fi, Some(&l.text), &l.lines, l.doc.as_ref(), None);
    }
    for d in &cert.dates {
        c.add(fi, Some(&d.text), &d.lines, d.doc.as_ref(), None);
    }
    for l in cert.predecessors.iter().chain(&cert.successors) {
        c.text_needing_lines(fi, l.text.as_ref(), l.lines.as_ref(), l.doc.as_ref(), None);
    }
}

fn gather_element<'a>(c: &mut Collector<'_, 'a>, fi: usize, e: &'a Element) {
    let index = c.index;
    let owner = crate::words::diag::owner_element(&e.id.value);
    if e.pieces.is_empty() {
        c.owned(Role::Text, owner.clone());
        c.add(fi, Some(&e.text), &e.lines, e.doc.as_ref(), None);
    } else {
        c.owned(Role::Piece, owner.clone());
        c.add(fi, None, &e.lines, e.doc.as_ref(), None);
        for p in &e.pieces {
            c.cited(fi, p, e.doc.as_ref());
        }
        let joined: Vec<&str> = e.pieces.iter().map(|p| p.text.value.as_str()).collect();
        if text::normalize(&joined.join(" ")) != text::normalize(&e.text.value) {
            c.diags.push(
                Diagnostic::new(
                    Code::TextNotFound,
                    &index.pos(fi, &e.text),
                    crate::words::diag::PIECES_NOT_TEXT,
                )
                .hint(crate::words::diag::PIECES_NOT_TEXT_HINT),
            );
        }
        if e.repair.is_none() {
            c.diags.push(
                Diagnostic::new(
                    Code::MissingKey,
                    &index.pos(fi, &e.text),
                    crate::words::diag::PIECES_NEED_REPAIR,
                )
                .hint(crate::words::diag::PIECES_NEED_REPAIR_HINT),
            );
        }
    }
    if let Some(code) = e.code_as_printed.as_ref().or(e.code.as_ref()) {
        c.code(fi, code, &e.lines, e.doc.as_ref(), None);
    }
    c.owned(Role::Other, owner);
    for v in &e.variants {
        c.add(fi, Some(&v.text), &v.lines, v.doc.as_ref(), e.doc.as_ref());
        if let Some(code) =
            v.code_as_printed.as_ref().or(e.code_as_printed.as_ref()).or(e.code.as_ref())
        {
            c.code(fi, code, &v.lines, v.doc.as_ref(), e.doc.as_ref());
        }
    }
    for (_, f) in e.facts.iter() {
        match &f.value {
            FactValue::Plain(s) => {
                // Found at the element's own lines; positioned at the fact.
                let (doc, doc_sp) = c.doc(fi, e.doc.as_ref(), None);
                c.out.push(Citation {
                    at: index.pos(fi, f),
                    lines_at: index.pos(fi, &e.lines),
                    doc_at: doc_sp
                        .map(|d| index.pos(fi, d))
                        .unwrap_or_else(|| index.pos(fi, &e.lines)),
                    text: Some(s.as_str()),
                    lines: e.lines.value,
                    doc,
                    role: Role::Other,
                    owner: c.owner.clone(),
                    code: false,
                });
            }
            FactValue::Cited(cited) => c.cited(fi, cited, e.doc.as_ref()),
        }
    }
    for l in &e.links {
        c.text_needing_lines(fi, l.text.as_ref(), l.lines.as_ref(), l.doc.as_ref(), e.doc.as_ref());
    }
}

/// Prove every citation; the proven ones are returned as claims on the source text, in the
/// index's order. What `proofs` holds from an earlier check is taken where nothing it depends on
/// changed (see [`Proofs`]), and `proofs` is left holding this check's (which the claims borrow).
pub fn check_kept<'p>(
    index: &Index,
    sources: &SourceSet,
    hashes: &HashMap<DocId, u64>,
    diags: &mut Diagnostics,
    proofs: &'p mut Proofs,
) -> Vec<&'p Claim> {
    let key = sources_key(sources, hashes);
    let same_sources = key == proofs.sources;
    let mut old: HashMap<PathBuf, FileProofs> =
        std::mem::take(&mut proofs.files).into_iter().map(|f| (f.path.clone(), f)).collect();
    // This check's files: those whose text, path and sources are the same keep their outcomes;
    // the others start empty, with the searches the file made last time to draw on.
    let mut files = Vec::with_capacity(index.files.len());
    let mut earlier: Vec<Option<HashMap<ProofKey, Search>>> = Vec::new();
    for ctx in &index.files {
        let f = ctx.file;
        match old.remove(&f.path) {
            Some(p) if p.hash == f.hash && same_sources => {
                files.push(p);
                earlier.push(None);
            }
            Some(p) => {
                files.push(FileProofs::new(f));
                earlier.push(Some(p.searches));
            }
            None => {
                files.push(FileProofs::new(f));
                earlier.push(None);
            }
        }
    }
    drop(old);
    // The items in the index's order; those without a kept outcome are gathered.
    let mut order: Vec<(usize, Item)> = Vec::with_capacity(proofs.order.len());
    let mut pending: Vec<(usize, Item, Vec<Citation>, Vec<Diagnostic>)> = Vec::new();
    let mut visit = |fi: usize, item: Item| {
        order.push((fi, item));
        if files[fi].get(item).is_none() {
            let (cites, gathered) = gather(index, fi, item);
            pending.push((fi, item, cites, gathered));
        }
    };
    for (fi, _) in index.certs.values() {
        visit(*fi, Item::Cert);
    }
    for (fi, e) in index.elements.values() {
        visit(*fi, Item::Element(ordinal(&index.files[*fi].file.data.elements, *e)));
    }
    for (fi, m) in index.matrices.values() {
        visit(*fi, Item::Matrix(ordinal(&index.files[*fi].file.data.matrices, *m)));
    }
    for (fi, c) in index.correspondences.values() {
        let at = ordinal(&index.files[*fi].file.data.correspondences, *c);
        visit(*fi, Item::Correspondence(at));
    }
    for (fi, f) in index.files.iter().enumerate() {
        if f.file.data.vocabulary.is_some() {
            visit(fi, Item::Vocabulary);
        }
    }
    // Prove the gathered citations, in parallel; each search is taken from the file's searches
    // where an earlier check made it.
    type Made = (ProofKey, Search, bool);
    let files_ref = &files;
    let earlier_ref = &earlier;
    let proven: Vec<(usize, Item, Outcome, Vec<Made>)> = pending
        .into_par_iter()
        .map(|(fi, item, cites, gathered)| {
            let kept = &files_ref[fi].searches;
            let before = earlier_ref[fi].as_ref();
            let mut outcome = Outcome { gathered, ..Outcome::default() };
            let mut made_all = Vec::new();
            for c in &cites {
                let mut made = None;
                let search = |doc: &SourceDoc, needle: &str| {
                    let key = ProofKey {
                        doc: hashes.get(&doc.id).copied().unwrap_or_default(),
                        lines: c.lines,
                        text: needle.to_string(),
                        code: c.code,
                    };
                    let (found, fresh) =
                        match kept.get(&key).or_else(|| before.and_then(|b| b.get(&key))) {
                            Some(found) => (found.clone(), false),
                            None if c.code => (Ok(doc.find_word(needle, c.lines)), true),
                            None => (doc.locate(needle, c.lines), true),
                        };
                    made = Some((key, found.clone(), fresh));
                    found
                };
                match verify(c, sources, search) {
                    Ok(Some(claim)) => outcome.claims.push(claim),
                    Ok(None) => {}
                    Err(d) => outcome.verified.push(d),
                }
                made_all.extend(made);
            }
            (fi, item, outcome, made_all)
        })
        .collect();
    drop(earlier);
    let mut fresh = 0;
    for (fi, item, outcome, made) in proven {
        let f = &mut files[fi];
        for (key, search, new) in made {
            fresh += usize::from(new);
            f.searches.insert(key, search);
        }
        *f.slot(item) = Some(outcome);
    }
    *proofs = Proofs { files, sources: key, order, made: fresh };
    let proofs: &'p Proofs = proofs;
    let outcomes: Vec<&'p Outcome> = proofs
        .order
        .iter()
        .map(|(fi, item)| proofs.files[*fi].get(*item).expect("every item is proven"))
        .collect();
    for o in &outcomes {
        for d in &o.gathered {
            diags.push(d.clone());
        }
    }
    for o in &outcomes {
        for d in &o.verified {
            diags.push(d.clone());
        }
    }
    outcomes.iter().flat_map(|o| &o.claims).collect()
}

/// Prove one citation: its claim on the source text (none when it cites lines without a text),
/// or what is wrong with it. `search` searches a document's lines for the text (as a word for a
/// code).
fn verify(
    c: &Citation,
    sources: &SourceSet,
    mut search: impl FnMut(&SourceDoc, &str) -> Search,
) -> Verified {
    let Some(doc_id) = c.doc else {
        return Err(Diagnostic::new(
            Code::MissingKey,
            &c.lines_at,
            crate::words::diag::NO_DOCUMENT,
        )
        .hint(crate::words::diag::NO_DOCUMENT_HINT));
    };
    if sources.failed.contains(&crate::ids::DocId::new(doc_id)) {
        return Ok(None); // the document could not be read: said once, where it is declared
    }
    let Some(doc) = sources.get(doc_id).filter(|_| crate::ids::is_slug(doc_id)) else {
        let hint = did_you_mean(doc_id, sources.ids()).or_else(|| {
            Some(crate::words::diag::documents_are(&sources.ids().collect::<Vec<_>>().join(", ")))
        });
        return Err(Diagnostic::new(
            Code::UnknownId,
            &c.doc_at,
            crate::words::diag::unknown_document(doc_id),
        )
        .hint_opt(hint));
    };
    let Some(needle) = c.text else {
        return if doc.in_range(c.lines) {
            Ok(None)
        } else {
            Err(out_of_range(c, doc.id.as_str(), doc.len()))
        };
    };
    let claim = |found| {
        let one_word = !text::normalize(needle).contains(' ');
        Claim::new(doc.id.clone(), found, c.role, c.owner.clone(), c.at.clone(), c.lines, one_word)
    };
    let found = search(doc, needle);
    if c.code {
        let found = found.unwrap_or_default();
        return Ok((!found.is_empty()).then(|| claim(found)));
    }
    match found {
        Ok(found) => Ok(Some(claim(found))),
        Err(Mismatch::OutOfRange { len }) => Err(out_of_range(c, doc.id.as_str(), len)),
        Err(Mismatch::Empty) => {
            Err(Diagnostic::new(Code::TextNotFound, &c.at, crate::words::diag::EMPTY_TEXT)
                .hint(crate::words::diag::EMPTY_TEXT_HINT))
        }
        Err(Mismatch::Loose { found }) => Err(Diagnostic::new(
            Code::TextNotFound,
            &c.lines_at,
            crate::words::diag::cite_more(&c.lines.to_string(), doc.id.as_str()),
        )
        .hint(crate::words::diag::cite_exactly(&found.to_string()))),
        Err(Mismatch::NotFound { through: Some(line), .. })
            if matches!(c.role, Role::Text | Role::Piece) =>
        {
            let d = &doc.declared[&line];
            Err(Diagnostic::new(
                Code::DeclaredContent,
                &d.at,
                crate::words::diag::declared_but_content(
                    line,
                    doc.id.as_str(),
                    d.reason.key(),
                    &c.owner,
                ),
            )
            .hint(crate::words::diag::take_line_out(line, d.reason.key())))
        }
        Err(Mismatch::NotFound { matched, total, elsewhere, .. }) => {
            let decomposed = needle.chars().any(|ch| ('\u{300}'..='\u{36f}').contains(&ch));
            let hint = match elsewhere {
                _ if decomposed => crate::words::diag::NFD_HINT.to_string(),
                Some(l) => crate::words::diag::printed_at(&l.to_string()),
                None if matched > 0 => {
                    let norm: Vec<char> = text::normalize(needle).chars().collect();
                    let lo = matched.saturating_sub(15);
                    let ok: String = norm[lo..matched].iter().collect();
                    let bad: String =
                        norm[matched..(matched + 15).min(norm.len())].iter().collect();
                    crate::words::diag::first_chars_match(matched, total, &ok, &bad)
                }
                None => crate::words::diag::NOT_PRINTED_THERE.to_string(),
            };
            Err(Diagnostic::new(
                Code::TextNotFound,
                &c.at,
                crate::words::diag::text_not_found(&c.lines.to_string(), doc.id.as_str()),
            )
            .hint(hint))
        }
    }
}

fn out_of_range(c: &Citation, doc: &str, len: usize) -> Diagnostic {
    let msg = if c.lines.first > c.lines.last || c.lines.first == 0 {
        crate::words::diag::not_a_range(&c.lines.to_string())
    } else {
        crate::words::diag::lines_beyond(&c.lines.to_string(), doc, len)
    };
    Diagnostic::new(Code::Provenance, &c.lines_at, msg).hint(crate::words::diag::PROVENANCE_HINT)
}
