//! Tables: matrices as real tables (lost and uncertain cells visibly marked and explained), and
//! correspondences side by side.

use serde::Serialize;

use crate::model::{Correspondence, Matrix};
use crate::schema::{CellState, CorrespondenceStatus};
use crate::site::context::{CertLink, ElementLink, Provenance, SiteCtx};
use crate::site::richtext::markdown;
use crate::urls;

use super::Page;
use super::element::state_label;

/// `matrix.html`: a matrix as a table.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct MatrixPage<'a> {
    matrix: MatrixView<'a>,
    cert: CertLink,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct MatrixView<'a> {
    title: &'a str,
    note: Option<String>,
    columns: Vec<HeaderView<'a>>,
    rows: Vec<Row<'a>>,
    counts: Vec<Count>,
    provenance: Provenance<'a>,
}

/// A row's or a column's heading.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct HeaderView<'a> {
    key: &'a str,
    text: Option<&'a str>,
    lost: bool,
    href: Option<String>,
    code: Option<&'a str>,
    note: Option<String>,
    /// #24: a short note (« Année 1. ») is shown under a column's heading.
    short_note: Option<&'a str>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Row<'a> {
    header: HeaderView<'a>,
    cells: Vec<CellView<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct CellView<'a> {
    state: &'static str,
    label: &'static str,
    text: &'a Option<String>,
    note: &'a Option<String>,
    /// Its place in the source view.
    source: Option<String>,
}

/// How many cells are in a state.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Count {
    state: &'static str,
    label: &'static str,
    n: usize,
}

fn header<'a>(ctx: &SiteCtx<'a>, path: &str, h: &'a crate::model::Header) -> HeaderView<'a> {
    HeaderView {
        key: &h.key,
        text: h.cite.as_ref().map(|c| c.text.as_str()),
        lost: h.lost,
        href: h.reference.as_ref().map(|k| urls::rel(path, &urls::element(k))),
        code: h
            .reference
            .as_ref()
            .and_then(|k| ctx.corpus.element(k))
            .and_then(|e| e.code.as_deref()),
        note: h.note.as_deref().map(markdown),
        short_note: h.note.as_deref().filter(|n| n.chars().count() <= 24),
    }
}

pub fn matrix<'a>(ctx: &SiteCtx<'a>, m: &'a Matrix) -> Result<Page, String> {
    let path = urls::matrix(&m.cert, &m.id);
    let header = |h| header(ctx, &path, h);
    let rows = m
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| Row {
            header: header(r),
            cells: m.cells[i]
                .iter()
                .map(|c| CellView {
                    state: c.state.name(),
                    label: state_label(c.state),
                    text: &c.text,
                    note: &c.note,
                    source: c
                        .place
                        .as_ref()
                        .map(|p| urls::rel(&path, &urls::source_line(&p.doc, p.lines.first))),
                })
                .collect(),
        })
        .collect();
    let cert = ctx.corpus.cert(&m.cert).expect("certification");
    let counts = [CellState::Marked, CellState::Unmarked, CellState::Lost, CellState::Uncertain]
        .into_iter()
        .map(|s| Count { state: s.name(), label: state_label(s), n: m.count(s) })
        .collect();
    let body = MatrixPage {
        matrix: MatrixView {
            title: &m.title.text,
            note: m.note.as_deref().map(markdown),
            columns: m.columns.iter().map(header).collect(),
            rows,
            counts,
            provenance: ctx.provenance(&path, &m.title),
        },
        cert: ctx.cert_link(&path, cert),
    };
    let base = ctx.base(&path, &m.title.text);
    Ok((path.clone(), ctx.render_page("matrix.html", base, &body)?))
}

/// `correspondence.html`: a correspondence table, pair by pair.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct CorrespondencePage<'a> {
    table: Table<'a>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Table<'a> {
    title: String,
    /// #25: the evolution page of the same two versions, when they are a lineage pair.
    evolution: Option<String>,
    official: bool,
    status: &'static str,
    status_label: &'static str,
    author: &'a Option<String>,
    date: &'a Option<String>,
    note: Option<String>,
    from: Option<CertLink>,
    to: Option<CertLink>,
    pairs: Vec<PairView>,
    provenance: Option<Provenance<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct PairView {
    from: Vec<ElementLink>,
    to: Vec<ElementLink>,
    relation: &'static str,
    relation_id: &'static str,
    note: Option<String>,
    justification: Option<String>,
    source: Option<SourceRef>,
}

/// Where a pair is printed.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct SourceRef {
    href: String,
    lines: String,
}

pub fn correspondence<'a>(ctx: &SiteCtx<'a>, t: &'a Correspondence) -> Result<Page, String> {
    let path = urls::correspondence(&t.id);
    let side = |keys: &[crate::ids::ElementKey]| -> Vec<ElementLink> {
        keys.iter().map(|k| ctx.element_link(&path, k)).collect()
    };
    let pairs = t
        .pairs
        .iter()
        .map(|p| PairView {
            from: side(&p.from),
            to: side(&p.to),
            relation: p.relation.label(),
            relation_id: p.relation.name(),
            note: p.note.as_deref().map(markdown),
            justification: p.justification.as_deref().map(markdown),
            source: p.place.as_ref().map(|pl| SourceRef {
                href: urls::rel(&path, &urls::source_line(&pl.doc, pl.lines.first)),
                lines: pl.lines.to_string(),
            }),
        })
        .collect();
    let cert = |id| ctx.corpus.cert(id).map(|c| ctx.cert_link(&path, c));
    let title = t.title.as_ref().map(|c| c.text.clone()).unwrap_or_else(|| t.id.to_string());
    let evolution = crate::diff::lineage_pairs(ctx.corpus)
        .into_iter()
        .find(|(a, b)| (a == &t.from && b == &t.to) || (a == &t.to && b == &t.from))
        .map(|(a, b)| urls::rel(&path, &super::compare::diff_path(&a, &b)));
    let base = ctx.base(&path, &title);
    let body = CorrespondencePage {
        table: Table {
            title,
            evolution,
            official: t.status == CorrespondenceStatus::Official,
            status: crate::crosswalk::Status::from(t.status).name(),
            status_label: crate::crosswalk::Status::from(t.status).label(),
            author: &t.author,
            date: &t.date,
            note: t.note.as_deref().map(markdown),
            from: cert(&t.from),
            to: cert(&t.to),
            pairs,
            provenance: t.title.as_ref().map(|ti| ctx.provenance(&path, ti)),
        },
    };
    Ok((path.clone(), ctx.render_page("correspondence.html", base, &body)?))
}
