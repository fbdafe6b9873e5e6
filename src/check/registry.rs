//! Pass 1: the registry of source documents (`sources:`) and the lines declared not to be content
//! (`noise:` page furniture, `layout:` a table's repeated header or column heading).

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ids::{DocId, is_slug, slug_hint};
use crate::load::Loaded;
use crate::sources::{Declared, Reason, SourceDoc, SourceSet};

pub fn build(loaded: &Loaded, diags: &mut Diagnostics) -> SourceSet {
    use rayon::prelude::*;
    // The first declaration of each well-formed id is read, side by side; the declarations are
    // then taken in the data's order, as if read one after the other (a later declaration of
    // an id is read there, only when the ones before it could not be: the reads are the same).
    let declared: Vec<_> =
        loaded.files.iter().flat_map(|f| f.data.sources.iter().map(move |s| (f, s))).collect();
    let read_one = |f: &crate::load::LoadedFile, s: &crate::schema::SourceEntry| {
        let dir = f.path.parent().unwrap_or(&loaded.root).join("sources");
        SourceDoc::read_confined(
            DocId::new(s.id.value.as_str()),
            &dir,
            &s.file.value,
            s.kind.value,
            s.title.value.clone(),
        )
    };
    let mut first = std::collections::HashSet::new();
    let firsts: Vec<bool> =
        declared.iter().map(|(_, s)| is_slug(&s.id.value) && first.insert(&s.id.value)).collect();
    let mut read: Vec<Option<_>> = declared
        .par_iter()
        .zip(&firsts)
        .map(|((f, s), first)| first.then(|| read_one(f, s)))
        .collect();
    let mut set = SourceSet::default();
    for ((f, s), read) in declared.into_iter().zip(read.iter_mut()) {
        let id = &s.id.value;
        if !is_slug(id) {
            diags.push(
                Diagnostic::new(
                    Code::MalformedId,
                    &f.pos(&s.id),
                    crate::words::diag::malformed_id("de document", id),
                )
                .hint(slug_hint(id)),
            );
            continue;
        }
        if set.docs.contains_key(&DocId::new(id.as_str())) {
            diags.push(Diagnostic::new(
                Code::DuplicateId,
                &f.pos(&s.id),
                crate::words::diag::doc_declared_twice(id),
            ));
            continue;
        }
        match read.take().unwrap_or_else(|| read_one(f, s)) {
            Ok(doc) => {
                set.docs.insert(doc.id.clone(), doc);
            }
            Err(e) => {
                set.failed.insert(DocId::new(id.as_str()));
                diags.push(
                    Diagnostic::new(Code::Provenance, &f.pos(&s.file), e.to_string())
                        .hint(e.hint()),
                );
            }
        }
    }
    // Declarations, once every document is known.
    for f in &loaded.files {
        let declared = [(Reason::Noise, &f.data.noise), (Reason::Layout, &f.data.layout)];
        let Some((first_reason, first)) =
            declared.iter().find_map(|(r, v)| v.first().map(|n| (*r, n)))
        else {
            continue;
        };
        let Some(doc_id) = &f.data.doc else {
            diags.push(
                Diagnostic::new(
                    Code::MissingKey,
                    &f.pos(first),
                    crate::words::diag::needs_doc(first_reason.key()),
                )
                .hint(crate::words::diag::NEEDS_DOC_HINT),
            );
            continue;
        };
        let Some(doc) =
            set.docs.get_mut(&DocId::new(doc_id.value.as_str())).filter(|_| is_slug(&doc_id.value))
        else {
            continue; // reported by the citations pass, with the other unknown documents
        };
        for (reason, list) in declared {
            for n in list {
                if !doc.in_range(n.value) {
                    diags.push(Diagnostic::new(
                        Code::Provenance,
                        &f.pos(n),
                        crate::words::diag::lines_outside(
                            reason.key(),
                            &n.value.to_string(),
                            doc.id.as_str(),
                            doc.len(),
                        ),
                    ));
                    continue;
                }
                for line in n.value.iter() {
                    if let Some(before) = doc.declared.get(&line) {
                        diags.push(
                            Diagnostic::new(
                                Code::DuplicateId,
                                &f.pos(n),
                                crate::words::diag::line_declared_twice(line, doc.id.as_str()),
                            )
                            .hint(
                                crate::words::diag::already_declared(
                                    before.reason.key(),
                                    &format!("{}:{}", before.at.file.display(), before.at.line),
                                ),
                            ),
                        );
                        continue;
                    }
                    doc.declared.insert(line, Declared { reason, at: f.pos(n) });
                }
            }
        }
    }
    set
}
