//! The page of one element: its exact text, where it sits, everything it relates to in both
//! directions, and the source lines it comes from.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::fiche::Fiche;
use crate::model::Element;
use crate::present::{label, short_cert, truncate};
use crate::schema::{CellState, Family, Rel};
use crate::site::context::SiteCtx;
use crate::site::richtext::markdown;
use crate::urls;

use super::Page;

pub fn render(ctx: &SiteCtx, e: &Element) -> Result<Page, String> {
    let path = urls::element(&e.key);
    let corpus = ctx.corpus;
    let cert = corpus.cert(&e.key.cert).expect("checked certification");
    let link = |k| ctx.element_link_from(&path, k, &e.key.cert);

    // The framework above the element (sections only for the document's own structure), at most
    // `BREADCRUMB` levels, the nearest; an ellipsis stands for those above them.
    let in_document = e.kind.family() == Family::Document;
    let (near, more) = corpus.nearest_ancestors(e, crate::model::BREADCRUMB);
    let mut breadcrumb: Vec<Value> = Vec::with_capacity(near.len() + 1);
    if more {
        breadcrumb.push(json!({"ellipsis": true}));
    }
    breadcrumb.extend(
        near.iter().filter(|a| in_document || a.kind.family() != Family::Document).map(|a| {
            let mut v = link(&a.key);
            v["short"] = json!(truncate(&crate::present::named_label(a), 60));
            v
        }),
    );
    let fiche = Fiche::of(corpus, ctx.graph, &e.key);

    // Children grouped by kind, in document order.
    let mut groups: Vec<(&'static str, Vec<Value>)> = Vec::new();
    for child in e.children.iter().filter(|_| fiche.is_none()) {
        let c = corpus.element(child).expect("child");
        let mut item = link(child);
        item["rich"] = json!(ctx.rich(&path, c.text(), &c.key.cert, None));
        item["children"] = json!(c.children.len());
        match groups.iter_mut().find(|(k, _)| *k == c.kind.label()) {
            Some((_, v)) => v.push(item),
            None => groups.push((c.kind.label(), vec![item])),
        }
    }
    let children: Vec<Value> =
        groups.into_iter().map(|(k, items)| json!({"kind": k, "items": items})).collect();

    // Relations, forwards and backwards, grouped by their French label.
    let mut relations: BTreeMap<(u8, &'static str), Vec<Value>> = BTreeMap::new();
    for l in &e.links {
        let mut item = link(&l.to);
        if let Some(t) = &l.text {
            item["as_printed"] = json!(t);
        }
        if let Some(n) = &l.note {
            item["note"] = json!(markdown(n));
        }
        relations.entry((0, l.rel.labels().0)).or_default().push(item);
    }
    for (rel, from) in ctx.graph.incoming_links(&e.key) {
        if fiche.is_some() && matches!(rel, Rel::Evaluates | Rel::Certifies) {
            continue; // the fiche's évaluation part says it, with what is inherited
        }
        let order = if rel == Rel::Certifies || rel == Rel::Validates { 1 } else { 2 };
        relations.entry((order, rel.labels().1)).or_default().push(link(from));
    }
    let relations: Vec<Value> =
        relations.into_iter().map(|((_, l), items)| json!({"label": l, "items": items})).collect();

    // Correspondences through tables.
    let correspondences: Vec<Value> = ctx
        .graph
        .correspondents(&e.key)
        .into_iter()
        .map(|(table, relation, forward, other)| {
            let t = corpus.correspondence(table).expect("table");
            json!({
                "table": urls::rel(&path, &urls::correspondence(table)),
                "table_title": t.title.as_ref().map(|c| c.text.clone()).unwrap_or_else(|| table.to_string()),
                "status": crate::crosswalk::Status::from(t.status).name(),
                "status_label": crate::crosswalk::Status::from(t.status).label(),
                "relation": relation.label(),
                "direction": if forward { "vers" } else { "depuis" },
                "item": link(other),
            })
        })
        .collect();

    // Matrices in which the element is a row or a column.
    let mut matrices = Vec::new();
    for &(mi, is_row, i) in ctx.in_matrices(&e.key) {
        let m = &corpus.matrices[mi];
        {
            {
                let others = if is_row { &m.columns } else { &m.rows };
                let cells: Vec<Value> = others
                    .iter()
                    .enumerate()
                    .map(|(j, o)| {
                        let cell = if is_row { &m.cells[i][j] } else { &m.cells[j][i] };
                        json!({
                            "other": o.cite.as_ref().map(|c| c.text.clone()).unwrap_or_else(|| o.key.clone()),
                            "state": cell.state.name(),
                            "label": state_label(cell.state),
                            "text": cell.text,
                        })
                    })
                    .collect();
                matrices.push(json!({
                    "href": urls::rel(&path, &urls::matrix(&m.cert, &m.id)),
                    "title": m.title.text,
                    "as": if is_row { "ligne" } else { "colonne" },
                    "cells": cells,
                }));
            }
        }
    }

    // Bounded whatever the size of the corpus: the first ones, and how many more.
    let same_all = ctx.same_text(e);
    let same: Vec<Value> = same_all.iter().take(SAME_TEXT_SHOWN).map(|k| link(k)).collect();
    let same_more = same_all.len() - same.len();
    // Table pairs all shown; suggestions: the best few, the rest behind "voir plus".
    let mut shown_suggestions = 0;
    let (counterparts, counterparts_more): (Vec<Value>, Vec<Value>) = ctx
        .counterparts()
        .of(&e.key)
        .iter()
        .filter(|c| ctx.corpus.element(&c.element.id).is_some())
        .map(|c| {
            let mut v = link(&c.element.id);
            v["status"] = json!(c.status.name());
            v["status_label"] = json!(c.status.label());
            v["relation"] = json!(c.relation.map(|r| r.label()));
            v["score"] = json!(c.score.map(|s| format!("{s:.2}")));
            v["words"] = json!(c.words);
            let more = c.status == crate::crosswalk::Status::Suggested && {
                shown_suggestions += 1;
                shown_suggestions > crate::crosswalk::SHOWN_PER_ELEMENT
            };
            (v, more)
        })
        .fold((Vec::new(), Vec::new()), |(mut shown, mut more), (v, m)| {
            if m {
                more.push(v)
            } else {
                shown.push(v)
            }
            (shown, more)
        });
    let variants: Vec<Value> = e
        .variants
        .iter()
        .map(|v| {
            json!({
                "text": v.cite.text,
                "code_as_printed": v.code_as_printed,
                "note": v.note.as_deref().map(markdown),
                "provenance": ctx.provenance(&path, &v.cite),
            })
        })
        .collect();
    let facts: Vec<Value> = e
        .facts
        .iter()
        .map(|f| json!({"label": fact_label(f.name), "text": f.cite.text, "provenance": ctx.provenance(&path, &f.cite)}))
        .collect();
    let pieces: Vec<Value> = e.pieces.iter().map(|p| ctx.provenance(&path, p)).collect();

    // Previous and next siblings, for reading in order.
    let siblings: Vec<&crate::ids::ElementKey> = match &e.parent {
        Some(p) => corpus.element(p).map(|p| p.children.iter().collect()).unwrap_or_default(),
        None => {
            corpus.elements_of(&e.key.cert).filter(|x| x.parent.is_none()).map(|x| &x.key).collect()
        }
    };
    let pos = siblings.iter().position(|k| **k == e.key);
    let prev = pos.and_then(|i| i.checked_sub(1)).map(|i| link(siblings[i]));
    let next = pos.and_then(|i| siblings.get(i + 1)).map(|k| link(k));

    let title = ctx.title_of(&e.key);
    let description =
        format!("{} {} — {}", e.kind.label(), truncate(&label(e), 150), short_cert(cert));
    let mut c = ctx.page_described(&path, &title, &description);
    c.insert("fiche", &fiche.as_ref().map(|f| super::fiche::context(ctx, &path, f)));
    c.insert(
        "summary",
        &fiche
            .as_ref()
            .filter(|f| f.kind.is_competence())
            .and_then(|f| super::summary::context(ctx, &path, f)),
    );
    c.insert(
        "el",
        &json!({
            "id": e.key.to_string(),
            "local": e.key.local.as_str(),
            "kind": e.kind.label(),
            "code": e.code,
            "code_as_printed": e.code_as_printed,
            "rich": ctx.rich(&path, e.text(), &e.key.cert, Some(&e.key)),
            "subtype": e.subtype.map(|s| format!("{s:?}").to_lowercase()),
            "block": e.block,
            "note": e.note.as_deref().map(markdown),
            "repair": e.repair.as_deref().map(markdown),
            "is_term": e.kind == crate::schema::Kind::Terme,
            "titled": e.kind.is_titled(),
            "glossary": ctx.glossary_term(&path, &e.key),
        }),
    );
    c.insert(
        "cert",
        &json!({"href": urls::rel(&path, &urls::cert(&cert.id)), "title": short_cert(cert)}),
    );
    c.insert("breadcrumb", &breadcrumb);
    c.insert("children", &children);
    c.insert("relations", &relations);
    c.insert("correspondences", &correspondences);
    c.insert("matrices", &matrices);
    c.insert("same", &same);
    c.insert("same_more", &same_more);
    c.insert("counterparts", &counterparts);
    c.insert("counterparts_more", &counterparts_more);
    c.insert("variants", &variants);
    c.insert("facts", &facts);
    c.insert("pieces", &pieces);
    c.insert("provenance", &ctx.provenance(&path, &e.cite));
    let printable =
        e.kind.is_bloc() && crate::fiche::BlocFiche::of(corpus, ctx.graph, &e.key).is_some();
    c.insert("printable", &printable.then(|| urls::rel(&path, &urls::bloc_fiche(&e.key))));
    // #25: since which version this text exists unchanged, and what it replaced.
    let since = ctx.history().of(&e.key).map(|h| {
        let version = |id: &crate::ids::CertId| ctx.corpus.cert(id).map(short_cert).unwrap_or_else(|| id.to_string());
        let line = if h.since == e.key.cert { crate::words::evolution::since_new(&version(&h.since)) } else { crate::words::evolution::since(&version(&h.since)) };
        json!({
            "line": line,
            "replaces": crate::words::evolution::REPLACES,
            "replaced": h.replaced.iter().filter(|k| ctx.corpus.element(k).is_some()).map(|k| ctx.element_link(&path, k)).collect::<Vec<_>>(),
            "class": h.class.label(),
            "degree": h.degree.map(|d| d.label()),
        })
    });
    c.insert("since", &since);
    // #28: the evaluation grids of the units that certify it (a unit, an activité, a compétence).
    let gradable =
        e.kind.is_unit() || e.kind == crate::schema::Kind::ActiviteType || e.kind.is_competence();
    c.insert(
        "grids",
        &if gradable { super::grids::links_for(ctx, &path, &e.key) } else { Vec::new() },
    );
    c.insert("prev", &prev);
    c.insert("next", &next);
    Ok((path.clone(), ctx.render("element.html", &c)?))
}

pub fn state_label(s: CellState) -> &'static str {
    match s {
        CellState::Marked => crate::words::cell_state::Marked,
        CellState::Unmarked => crate::words::cell_state::Unmarked,
        CellState::Lost => crate::words::cell_state::Lost,
        CellState::Uncertain => crate::words::cell_state::Uncertain,
    }
}

pub fn fact_label(name: &str) -> &'static str {
    match name {
        "duree" => crate::words::fact::duree,
        "duree_preparation" => crate::words::fact::duree_preparation,
        "coefficient" => crate::words::fact::coefficient,
        "forme" => crate::words::fact::forme,
        "mode" => crate::words::fact::mode,
        "horaire" => crate::words::fact::horaire,
        "validite" => crate::words::fact::validite,
        _ => crate::words::fact::other,
    }
}

/// How many elements of the same text an element page lists at most.
pub const SAME_TEXT_SHOWN: usize = 24;
