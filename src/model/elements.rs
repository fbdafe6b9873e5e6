//! Elements and their tree: every element in data order (files by path, then position in the
//! file), with its citations, facts and links resolved, and each parent's children.

use crate::ids::ElementKey;
use crate::schema;

use super::read::{Reader, note};
use super::{Cite, Element, Fact, Link, Variant};

/// Every element in data order, and the index of each key.
pub(super) fn elements(read: &Reader) -> (Vec<Element>, foldhash::HashMap<ElementKey, usize>) {
    use rayon::prelude::*;
    let mut raw: Vec<(&ElementKey, &(usize, &schema::Element))> =
        read.index.elements.iter().collect();
    let position = |e: &schema::Element| (e.id.referenced.line(), e.id.referenced.column());
    raw.par_sort_unstable_by_key(|(_, (fi, e))| (*fi, position(e)));
    let mut elements: Vec<Element> =
        raw.par_iter().map(|(key, (fi, e))| element(read, *fi, key, e)).collect();
    let by_key: foldhash::HashMap<ElementKey, usize> =
        elements.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect();
    link_children(&mut elements, &by_key);
    (elements, by_key)
}

/// Give each parent its children, in data order.
fn link_children(elements: &mut [Element], by_key: &foldhash::HashMap<ElementKey, usize>) {
    for i in 0..elements.len() {
        if let Some(p) = elements[i].parent.clone() {
            let child = elements[i].key.clone();
            elements[by_key[&p]].children.push(child);
        }
    }
}

fn element<'a>(
    read: &Reader<'_, 'a>,
    fi: usize,
    key: &ElementKey,
    e: &'a schema::Element,
) -> Element {
    let doc = e.doc.as_ref();
    Element {
        key: key.clone(),
        kind: e.kind.value,
        parent: e.parent.as_ref().map(|p| read.key(fi, p)),
        children: Vec::new(),
        code: note(&e.code),
        code_as_printed: note(&e.code_as_printed),
        cite: read.cite(fi, &e.text, &e.lines, doc, None),
        variants: e
            .variants
            .iter()
            .map(|v| Variant {
                cite: read.cite(fi, &v.text, &v.lines, v.doc.as_ref(), doc),
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
                    schema::FactValue::Plain(s) => {
                        Cite { text: s.clone(), doc: read.doc(fi, doc, None), lines: e.lines.value }
                    }
                    schema::FactValue::Cited(c) => read.cited(fi, c, doc),
                },
            })
            .collect(),
        links: e
            .links
            .iter()
            .map(|l| Link {
                rel: l.rel.value,
                to: read.key(fi, &l.to),
                place: l.lines.as_ref().map(|li| read.place(fi, li, l.doc.as_ref(), doc)),
                text: note(&l.text),
                note: note(&l.note),
            })
            .collect(),
        note: note(&e.note),
        repair: note(&e.repair),
        pieces: e.pieces.iter().map(|p| read.cited(fi, p, doc)).collect(),
    }
}
