//! Tables: matrices with every cell stated (a cell the data leaves out takes the matrix's
//! `default`, else `lost`), and correspondence tables with each pair's relation settled.

use std::collections::HashMap;

use crate::ids::{CertId, TableId};
use crate::schema::{self, CellState, Relation};

use super::read::{Reader, note};
use super::{Cell, Correspondence, Header, Matrix, Pair};

/// Every matrix, by certification and id.
pub(super) fn matrices(read: &Reader) -> Vec<Matrix> {
    read.index.matrices.iter().map(|((cert, id), (fi, m))| matrix(read, *fi, cert, id, m)).collect()
}

fn matrix<'a>(
    read: &Reader<'_, 'a>,
    fi: usize,
    cert: &CertId,
    id: &TableId,
    m: &'a schema::Matrix,
) -> Matrix {
    let header = |h: &'a schema::Header| Header {
        key: h.key.value.clone(),
        reference: h.reference.as_ref().map(|r| read.key(fi, r)),
        cite: match (&h.text, &h.lines) {
            (Some(t), Some(l)) => Some(read.cite(fi, t, l, h.doc.as_ref(), None)),
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
                        place: cell
                            .lines
                            .as_ref()
                            .map(|l| read.place(fi, l, cell.doc.as_ref(), None)),
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
        title: read.cited(fi, &m.title, None),
        rows: m.rows.iter().map(header).collect(),
        columns: m.columns.iter().map(header).collect(),
        cells,
        note: note(&m.note),
    }
}

/// Every correspondence table, by id.
pub(super) fn correspondences(read: &Reader) -> Vec<Correspondence> {
    read.index
        .correspondences
        .iter()
        .map(|(id, (fi, c))| correspondence(read, *fi, id, c))
        .collect()
}

fn correspondence<'a>(
    read: &Reader<'_, 'a>,
    fi: usize,
    id: &TableId,
    c: &'a schema::Correspondence,
) -> Correspondence {
    let default = c.relation.as_ref().map(|r| r.value).unwrap_or(Relation::CloseMatch);
    Correspondence {
        id: id.clone(),
        status: c.status.value,
        title: c.title.as_ref().map(|t| read.cited(fi, t, c.doc.as_ref())),
        author: note(&c.author),
        date: note(&c.date),
        note: note(&c.note),
        pairs: c.pairs.iter().map(|p| pair(read, fi, c, p, default)).collect(),
        rejected: c.rejected.iter().map(|p| pair(read, fi, c, p, Relation::RelatedMatch)).collect(),
        from: CertId::new(c.from.value.as_str()),
        to: CertId::new(c.to.value.as_str()),
    }
}

fn pair<'a>(
    read: &Reader<'_, 'a>,
    fi: usize,
    c: &'a schema::Correspondence,
    p: &'a schema::Pair,
    default: Relation,
) -> Pair {
    Pair {
        from: p.from.iter().map(|r| read.key(fi, r)).collect(),
        to: p.to.iter().map(|r| read.key(fi, r)).collect(),
        relation: p.relation.as_ref().map(|r| r.value).unwrap_or(default),
        place: p.lines.as_ref().map(|l| read.place(fi, l, p.doc.as_ref(), c.doc.as_ref())),
        text: note(&p.text),
        note: note(&p.note),
        justification: note(&p.justification),
        author: note(&p.author),
        date: note(&p.date),
    }
}
