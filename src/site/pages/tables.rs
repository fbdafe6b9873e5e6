//! Tables: matrices as real tables (lost and uncertain cells visibly marked and explained), and
//! correspondences side by side.

use serde_json::{Value, json};

use crate::model::{Correspondence, Matrix};
use crate::present::short_cert;
use crate::schema::{CellState, CorrespondenceStatus};
use crate::site::context::SiteCtx;
use crate::site::richtext::markdown;
use crate::urls;

use super::Page;
use super::element::state_label;

pub fn matrix(ctx: &SiteCtx, m: &Matrix) -> Result<Page, String> {
    let path = urls::matrix(&m.cert, &m.id);
    let header = |h: &crate::model::Header| {
        json!({
            "key": h.key,
            "text": h.cite.as_ref().map(|c| c.text.clone()),
            "lost": h.lost,
            "href": h.reference.as_ref().map(|k| urls::rel(&path, &urls::element(k))),
            "code": h.reference.as_ref().and_then(|k| ctx.corpus.element(k)).and_then(|e| e.code.clone()),
            "note": h.note.as_deref().map(markdown),
            // #24: a short note (« Année 1. ») is shown under a column's heading.
            "short_note": h.note.as_deref().filter(|n| n.chars().count() <= 24),
        })
    };
    let rows: Vec<Value> = m
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let cells: Vec<Value> = m.cells[i]
                .iter()
                .map(|c| json!({
                    "state": c.state.name(),
                    "label": state_label(c.state),
                    "text": c.text,
                    "note": c.note,
                    "source": c.place.as_ref().map(|p| urls::rel(&path, &urls::source_line(&p.doc, p.lines.first))),
                }))
                .collect();
            json!({"header": header(r), "cells": cells})
        })
        .collect();
    let cert = ctx.corpus.cert(&m.cert).expect("certification");
    let counts: Vec<Value> =
        [CellState::Marked, CellState::Unmarked, CellState::Lost, CellState::Uncertain]
            .into_iter()
            .map(|s| json!({"state": s.name(), "label": state_label(s), "n": m.count(s)}))
            .collect();
    let mut c = ctx.page(&path, &m.title.text);
    c.insert(
        "matrix",
        &json!({
            "title": m.title.text,
            "note": m.note.as_deref().map(markdown),
            "columns": m.columns.iter().map(header).collect::<Vec<_>>(),
            "rows": rows,
            "counts": counts,
            "provenance": ctx.provenance(&path, &m.title),
        }),
    );
    c.insert(
        "cert",
        &json!({"href": urls::rel(&path, &urls::cert(&cert.id)), "title": short_cert(cert)}),
    );
    Ok((path.clone(), ctx.render("matrix.html", &c)?))
}

pub fn correspondence(ctx: &SiteCtx, t: &Correspondence) -> Result<Page, String> {
    let path = urls::correspondence(&t.id);
    let side = |keys: &[crate::ids::ElementKey]| -> Vec<Value> {
        keys.iter().map(|k| ctx.element_link(&path, k)).collect()
    };
    let pairs: Vec<Value> = t
        .pairs
        .iter()
        .map(|p| json!({
            "from": side(&p.from),
            "to": side(&p.to),
            "relation": p.relation.label(),
            "relation_id": p.relation.name(),
            "note": p.note.as_deref().map(markdown),
            "justification": p.justification.as_deref().map(markdown),
            "source": p.place.as_ref().map(|pl| json!({"href": urls::rel(&path, &urls::source_line(&pl.doc, pl.lines.first)), "lines": pl.lines.to_string()})),
        }))
        .collect();
    let cert = |id| {
        ctx.corpus
            .cert(id)
            .map(|c| json!({"href": urls::rel(&path, &urls::cert(&c.id)), "title": short_cert(c)}))
    };
    let title = t.title.as_ref().map(|c| c.text.clone()).unwrap_or_else(|| t.id.to_string());
    // #25: the evolution page of the same two versions, when they are a lineage pair.
    let evolution = crate::diff::lineage_pairs(ctx.corpus)
        .into_iter()
        .find(|(a, b)| (a == &t.from && b == &t.to) || (a == &t.to && b == &t.from))
        .map(|(a, b)| urls::rel(&path, &super::compare::diff_path(&a, &b)));
    let mut c = ctx.page(&path, &title);
    c.insert(
        "table",
        &json!({
            "title": title,
            "evolution": evolution,
            "official": t.status == CorrespondenceStatus::Official,
            "status": crate::crosswalk::Status::from(t.status).name(),
            "status_label": crate::crosswalk::Status::from(t.status).label(),
            "author": t.author,
            "date": t.date,
            "note": t.note.as_deref().map(markdown),
            "from": cert(&t.from),
            "to": cert(&t.to),
            "pairs": pairs,
            "provenance": t.title.as_ref().map(|ti| ctx.provenance(&path, ti)),
        }),
    );
    Ok((path.clone(), ctx.render("correspondence.html", &c)?))
}
