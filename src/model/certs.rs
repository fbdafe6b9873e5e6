//! Certification records: identity, codes, levels, dates and lineage (predecessors and
//! successors), ordered by lineage then version.

use crate::ids::CertId;
use crate::schema;

use super::read::{Reader, note};
use super::{CertLink, Certification, Code, Date, Level};

/// Every certification, by lineage, version and id.
pub(super) fn certifications(read: &Reader) -> Vec<Certification> {
    let mut certs: Vec<Certification> =
        read.index.certs.iter().map(|(id, (fi, c))| certification(read, *fi, id, c)).collect();
    certs.sort_by(|a, b| (&a.lineage, &a.version, &a.id).cmp(&(&b.lineage, &b.version, &b.id)));
    certs
}

fn certification<'a>(
    read: &Reader<'_, 'a>,
    fi: usize,
    id: &CertId,
    c: &'a schema::Certification,
) -> Certification {
    let link = |l: &'a schema::CertLink| CertLink {
        id: CertId::new(l.id.value.as_str()),
        cite: match (&l.text, &l.lines) {
            (Some(t), Some(li)) => Some(read.cite(fi, t, li, l.doc.as_ref(), None)),
            _ => None,
        },
    };
    Certification {
        id: id.clone(),
        kind: c.kind.value,
        lineage: c.lineage.value.clone(),
        version: c.version.value.clone(),
        only_named: c.only_named,
        title: read.cite(fi, &c.title.text, &c.title.lines, c.title.doc.as_ref(), None),
        title_variants: c.title.variants.iter().map(|v| read.cited(fi, v, None)).collect(),
        sigle: c.sigle.as_ref().map(|s| read.cited(fi, s, None)),
        codes: c
            .codes
            .iter()
            .map(|(system, e)| Code {
                system,
                code: e.code.value.clone(),
                label: note(&e.label),
                place: read.place(fi, &e.lines, e.doc.as_ref(), None),
            })
            .collect(),
        levels: c
            .level
            .iter()
            .map(|l| Level {
                value: l.value.value.clone(),
                nomenclature: l.nomenclature.value.clone(),
                cite: read.cite(fi, &l.text, &l.lines, l.doc.as_ref(), None),
            })
            .collect(),
        dates: c
            .dates
            .iter()
            .map(|d| Date {
                role: d.role.value,
                iso: note(&d.date),
                cite: read.cite(fi, &d.text, &d.lines, d.doc.as_ref(), None),
            })
            .collect(),
        predecessors: c.predecessors.iter().map(link).collect(),
        successors: c.successors.iter().map(link).collect(),
        note: note(&c.note),
    }
}
