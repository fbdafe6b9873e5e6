//! Pass 2: ids. Every certification, element, matrix and correspondence id is a well-formed slug
//! and unique in its namespace; every file with elements says which certification it is `in`.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::ids::{CertId, ElementKey, LocalId, TableId, is_slug, slug_hint};
use crate::load::{Loaded, LoadedFile};
use crate::schema::{Certification, Correspondence, Element, Matrix, Sp};

/// A file with what its top-level keys say about the rest of it.
pub struct FileCtx<'a> {
    pub file: &'a LoadedFile,
    /// The certification of the file's elements and matrices (`in`), when valid.
    pub cert: Option<CertId>,
    /// The file's default document (`doc`), as written.
    pub doc: Option<&'a str>,
}

/// Where everything is, by id.
pub struct Index<'a> {
    pub files: Vec<FileCtx<'a>>,
    pub certs: BTreeMap<CertId, (usize, &'a Certification)>,
    pub elements: BTreeMap<ElementKey, (usize, &'a Element)>,
    /// Matrices by (certification, id).
    pub matrices: BTreeMap<(CertId, TableId), (usize, &'a Matrix)>,
    pub correspondences: BTreeMap<TableId, (usize, &'a Correspondence)>,
    /// The elements again, by their certification and local id as the data writes them: a
    /// reference is looked up without building a key. Hashed with foldhash rather than SipHash
    /// (which showed in the profile): the ids come from the project's own data files, so hash
    /// flooding is no concern, and nothing iterates this map (its order would be random).
    by_id: foldhash::HashMap<Id<'a>, (usize, &'a Element)>,
}

/// An element's id as written: its certification and its local id.
pub(crate) type Id<'s> = (&'s str, &'s str);

impl<'a> Index<'a> {
    pub fn pos<T>(&self, file: usize, v: &Sp<T>) -> Pos {
        self.files[file].file.pos(v)
    }

    /// The document a citation of file `file` cites, and where the data names it: its own `doc`,
    /// else the `doc` of what it belongs to (`fallback`: the element of a variant), else its file's
    /// `doc`. The one rule; the checker and the model both ask it.
    pub(crate) fn doc_of(
        &self,
        file: usize,
        explicit: Option<&'a Sp<String>>,
        fallback: Option<&'a Sp<String>>,
    ) -> (Option<&'a str>, Option<&'a Sp<String>>) {
        match explicit.or(fallback) {
            Some(d) => (Some(d.value.as_str()), Some(d)),
            None => (self.files[file].doc, self.files[file].file.data.doc.as_ref()),
        }
    }

    /// The element of a certification with a local id, with its file.
    pub(crate) fn get(&self, cert: &str, local: &str) -> Option<(usize, &'a Element)> {
        self.by_id.get(&(cert, local)).copied()
    }

    /// Local ids of a certification, for "did you mean" hints.
    pub(crate) fn local_ids(&self, cert: &CertId) -> impl Iterator<Item = &str> {
        self.elements.keys().filter(move |k| &k.cert == cert).map(|k| k.local.as_str())
    }
}

fn slug_or_report(v: &Sp<String>, what: &str, f: &LoadedFile, diags: &mut Diagnostics) -> bool {
    if is_slug(&v.value) {
        return true;
    }
    diags.push(
        Diagnostic::new(
            Code::MalformedId,
            &f.pos(v),
            crate::words::diag::malformed_id(what, &v.value),
        )
        .hint(slug_hint(&v.value)),
    );
    false
}

fn duplicate(what: &str, id: &str, first: &Pos, here: Pos) -> Diagnostic {
    Diagnostic::new(Code::DuplicateId, &here, crate::words::diag::duplicate_id(what, id)).hint(
        crate::words::diag::first_defined(&format!(
            "{}:{}:{}",
            first.file.display(),
            first.line,
            first.column
        )),
    )
}

pub fn build<'a>(loaded: &'a Loaded, diags: &mut Diagnostics) -> Index<'a> {
    let mut index = Index {
        files: Vec::new(),
        certs: BTreeMap::new(),
        elements: BTreeMap::new(),
        matrices: BTreeMap::new(),
        correspondences: BTreeMap::new(),
        by_id: foldhash::HashMap::default(),
    };
    // The elements, unique by `by_id`, go into their map at once at the end (sorted then built:
    // cheaper than one insertion each).
    let mut elements = Vec::new();
    // Certifications first: `in` refers to them.
    for (fi, f) in loaded.files.iter().enumerate() {
        if let Some(c) = &f.data.certification
            && slug_or_report(&c.id, crate::words::diag::of::CERTIFICATION, f, diags)
        {
            let id = CertId::new(c.id.value.as_str());
            if let Some((other, oc)) = index.certs.get(&id) {
                let first = loaded.files[*other].pos(&oc.id);
                diags.push(duplicate(
                    crate::words::diag::of::CERTIFICATION,
                    &c.id.value,
                    &first,
                    f.pos(&c.id),
                ));
            } else {
                index.certs.insert(id, (fi, c));
            }
        }
    }
    for (fi, f) in loaded.files.iter().enumerate() {
        let d = &f.data;
        let mut cert = None;
        match &d.in_cert {
            Some(c) if slug_or_report(c, crate::words::diag::of::CERTIFICATION, f, diags) => {
                let id = CertId::new(c.value.as_str());
                if index.certs.contains_key(&id) {
                    cert = Some(id);
                } else {
                    let hint =
                        crate::diag::did_you_mean(&c.value, index.certs.keys().map(CertId::as_str))
                            .unwrap_or_else(|| crate::words::diag::DECLARE_CERT_FIRST.into());
                    diags.push(
                        Diagnostic::new(
                            Code::UnknownId,
                            &f.pos(c),
                            crate::words::diag::unknown_cert(&c.value),
                        )
                        .hint(hint),
                    );
                }
            }
            Some(_) => {}
            None => {
                let first = d
                    .elements
                    .first()
                    .map(|e| f.pos(&e.id))
                    .or_else(|| d.matrices.first().map(|m| f.pos(&m.id)));
                if let Some(pos) = first {
                    diags.push(
                        Diagnostic::new(Code::MissingKey, &pos, crate::words::diag::NEEDS_IN)
                            .hint(crate::words::diag::NEEDS_IN_HINT),
                    );
                }
            }
        }
        if let Some(cert) = &cert {
            // The certification as written (`cert` is made of it).
            let home: &'a str = d.in_cert.as_ref().map(|c| c.value.as_str()).unwrap_or_default();
            for e in &d.elements {
                if !slug_or_report(&e.id, crate::words::diag::of::ELEMENT, f, diags) {
                    continue;
                }
                match index.by_id.entry((home, e.id.value.as_str())) {
                    std::collections::hash_map::Entry::Occupied(o) => {
                        let (other, oe) = *o.get();
                        let first = loaded.files[other].pos(&oe.id);
                        diags.push(duplicate(
                            crate::words::diag::of::ELEMENT,
                            &e.id.value,
                            &first,
                            f.pos(&e.id),
                        ));
                    }
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert((fi, e));
                        let key = ElementKey::new(cert.clone(), LocalId::new(e.id.value.as_str()));
                        elements.push((key, (fi, e)));
                    }
                }
            }
            for m in &d.matrices {
                if !slug_or_report(&m.id, crate::words::diag::of::MATRIX, f, diags) {
                    continue;
                }
                let key = (cert.clone(), TableId::new(m.id.value.as_str()));
                if let Some((other, om)) = index.matrices.get(&key) {
                    let first = loaded.files[*other].pos(&om.id);
                    diags.push(duplicate(
                        crate::words::diag::of::MATRIX,
                        &m.id.value,
                        &first,
                        f.pos(&m.id),
                    ));
                } else {
                    index.matrices.insert(key, (fi, m));
                }
            }
        }
        for c in &d.correspondences {
            if !slug_or_report(&c.id, crate::words::diag::of::CORRESPONDENCE, f, diags) {
                continue;
            }
            let key = TableId::new(c.id.value.as_str());
            if let Some((other, oc)) = index.correspondences.get(&key) {
                let first = loaded.files[*other].pos(&oc.id);
                diags.push(duplicate(
                    crate::words::diag::of::CORRESPONDENCE,
                    &c.id.value,
                    &first,
                    f.pos(&c.id),
                ));
            } else {
                index.correspondences.insert(key, (fi, c));
            }
        }
        index.files.push(FileCtx { file: f, cert, doc: d.doc.as_ref().map(|s| s.value.as_str()) });
    }
    index.elements = elements.into_iter().collect();
    code_pages(loaded, &index, diags);
    index
}

/// Every code gets a page named after its slug: two different codes of one system with the same
/// slug (`ZZ-1`, `ZZ 1`) would share it, and a code with no letter or digit would have none.
fn code_pages(loaded: &Loaded, index: &Index, diags: &mut Diagnostics) {
    let mut pages: BTreeMap<(crate::schema::CodeSystem, String), (&str, Pos)> = BTreeMap::new();
    for (fi, c) in index.certs.values() {
        let f = &loaded.files[*fi];
        for (system, entry) in c.codes.iter() {
            let code = entry.code.value.as_str();
            let slug = crate::ids::code_slug(code);
            let pos = f.pos(&entry.code);
            if slug.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::MalformedId,
                        &pos,
                        crate::words::diag::code_without_letter(system.label(), code),
                    )
                    .hint(crate::words::diag::CODE_LETTERS),
                );
                continue;
            }
            match pages.get(&(system, slug.clone())) {
                Some((other, first)) if *other != code => {
                    diags.push(
                        Diagnostic::new(
                            Code::DuplicateId,
                            &pos,
                            crate::words::diag::codes_share_page(
                                system.label(),
                                other,
                                code,
                                &format!("codes/{}-{slug}.html", system.slug()),
                            ),
                        )
                        .hint(crate::words::diag::codes_first_at(
                            &format!("{}:{}:{}", first.file.display(), first.line, first.column),
                        )),
                    )
                }
                Some(_) => {}
                None => {
                    pages.insert((system, slug), (code, pos));
                }
            }
        }
    }
}
