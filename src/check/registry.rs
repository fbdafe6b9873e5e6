//! Pass 1: the registry of source documents (`sources:`) and their noise lines (`noise:`).

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ids::{is_slug, slug_hint, DocId};
use crate::load::Loaded;
use crate::sources::{SourceDoc, SourceSet};

pub fn build(loaded: &Loaded, diags: &mut Diagnostics) -> SourceSet {
    let mut set = SourceSet::default();
    for f in &loaded.files {
        for s in &f.data.sources {
            let id = &s.id.value;
            if !is_slug(id) {
                diags.push(
                    Diagnostic::new(Code::MalformedId, &f.pos(&s.id), format!("malformed document id `{id}`"))
                        .hint(slug_hint(id)),
                );
                continue;
            }
            if set.docs.contains_key(&DocId::new(id.as_str())) {
                diags.push(Diagnostic::new(Code::DuplicateId, &f.pos(&s.id), format!("document `{id}` is declared twice")));
                continue;
            }
            let dir = f.path.parent().unwrap_or(&loaded.root).join("sources");
            match SourceDoc::read_confined(DocId::new(id.as_str()), &dir, &s.file.value, s.kind.value, s.title.value.clone()) {
                Ok(doc) => {
                    set.docs.insert(doc.id.clone(), doc);
                }
                Err(e) => diags.push(Diagnostic::new(Code::Provenance, &f.pos(&s.file), e.to_string()).hint(e.hint())),
            }
        }
    }
    // Noise, once every document is known.
    for f in &loaded.files {
        if f.data.noise.is_empty() {
            continue;
        }
        let Some(doc_id) = &f.data.doc else {
            let pos = f.pos(&f.data.noise[0]);
            diags.push(Diagnostic::new(Code::MissingKey, &pos, "`noise` needs the file's `doc`").hint("add `doc: <document id>` at the top of the file"));
            continue;
        };
        let Some(doc) = set.docs.get_mut(&DocId::new(doc_id.value.as_str())).filter(|_| is_slug(&doc_id.value)) else {
            continue; // reported by the citations pass, with the other unknown documents
        };
        for n in &f.data.noise {
            if !doc.in_range(n.value) {
                diags.push(
                    Diagnostic::new(Code::Provenance, &f.pos(n), format!("noise lines {} are outside `{}` (1-{})", n.value, doc.id, doc.len()))
                );
                continue;
            }
            doc.noise.extend(n.value.iter());
        }
    }
    set
}
