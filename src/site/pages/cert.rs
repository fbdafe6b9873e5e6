//! The certification page (identity, whole structure as a collapsible tree, evaluation, tables)
//! and its printable document.

use serde_json::{Value, json};

use crate::ids::ElementKey;
use crate::model::{Certification, Element};
use crate::present::{label, short_cert, truncate};
use crate::schema::{Family, Kind};
use crate::site::context::{SiteCtx, escape};
use crate::site::richtext::markdown;
use crate::urls;

use super::Page;

/// Identity of a certification, shared by its page, the home page and the document.
pub(crate) fn identity(ctx: &SiteCtx, from: &str, c: &Certification) -> Value {
    let cert_link = |id: &crate::ids::CertId| {
        ctx.corpus
            .cert(id)
            .map(|o| json!({"href": urls::rel(from, &urls::cert(id)), "title": short_cert(o)}))
    };
    let mut preds: Vec<Value> = c.predecessors.iter().filter_map(|l| cert_link(&l.id)).collect();
    let mut succs: Vec<Value> = c.successors.iter().filter_map(|l| cert_link(&l.id)).collect();
    // Succession stated on the other side only still shows on both: the graph holds both.
    for o in ctx.graph.predecessors(&c.id) {
        if !c.predecessors.iter().any(|l| l.id == *o) {
            preds.extend(cert_link(o));
        }
    }
    for o in ctx.graph.successors(&c.id) {
        if !c.successors.iter().any(|l| l.id == *o) {
            succs.extend(cert_link(o));
        }
    }
    json!({
        "id": c.id.as_str(),
        "href": urls::rel(from, &urls::cert(&c.id)),
        "title": c.title.text,
        "short": short_cert(c),
        "kind": c.kind.label(),
        "version": c.version,
        "sigle": c.sigle.as_ref().map(|s| s.text.clone()),
        "only_named": c.only_named,
        "codes": c.codes.iter().map(|k| json!({
            "system": k.system.label(),
            "code": k.code,
            "label": k.label,
            "href": urls::rel(from, &urls::code(k.system, &k.code)),
        })).collect::<Vec<_>>(),
        "levels": c.levels.iter().map(|l| json!({"text": l.cite.text})).collect::<Vec<_>>(),
        "dates": c.dates.iter().map(|d| json!({"role": d.role.label(), "text": d.cite.text, "iso": d.iso})).collect::<Vec<_>>(),
        "predecessors": preds,
        "successors": succs,
        "note": c.note.as_deref().map(markdown),
        "elements": ctx.corpus.elements_of(&c.id).count(),
        "provenance": ctx.provenance(from, &c.title),
    })
}

/// Is the element part of the framework a reader navigates (activités, compétences, savoirs
/// associés, unités, épreuves, CCP, blocs), rather than a statement or the document's layout?
fn in_framework(e: &Element) -> bool {
    e.kind.has_fiche() || e.kind.family() == Family::Evaluation || e.kind == Kind::SavoirAssocie
}

/// The framework elements under `e`, through the document's sections.
fn framework_children<'c>(ctx: &'c SiteCtx, keys: &'c [ElementKey], out: &mut Vec<&'c Element>) {
    for k in keys {
        let e = ctx.corpus.element(k).expect("element");
        if in_framework(e) {
            out.push(e);
        } else if e.kind.family() == Family::Document {
            framework_children(ctx, &e.children, out);
        }
    }
}

/// The framework of a certification as nested lists: activités types → CP, fonctions → tâches,
/// C1 → C1.1 → C1.1.1, savoirs, unités and épreuves, CCP and blocs. Top levels open.
fn framework(ctx: &SiteCtx, from: &str, items: &[&Element], depth: usize, out: &mut String) {
    out.push_str(if depth == 0 { "<ul class=\"tree\">" } else { "<ul>" });
    for e in items {
        let a = format!(
            "<a href=\"{}\"><span class=\"k\">{}</span> {}</a>",
            escape(&urls::rel(from, &urls::element(&e.key))),
            escape(e.kind.label()),
            escape(&truncate(&label(e), 140))
        );
        let mut kids = Vec::new();
        framework_children(ctx, &e.children, &mut kids);
        if kids.is_empty() {
            out.push_str(&format!("<li>{a}</li>"));
        } else {
            let open = if depth < 1 { " open" } else { "" };
            let n = kids.len();
            out.push_str(&format!(
                "<li>{a}<details{open}><summary>{}</summary>",
                crate::words::page_words::children(n)
            ));
            framework(ctx, from, &kids, depth + 1, out);
            out.push_str("</details></li>");
        }
    }
    out.push_str("</ul>");
}

/// Compétences × what evaluates or certifies them, from the `evaluates` / `certifies` links; a
/// link to a group above a compétence (the CCP certifies the activité type) marks it "via";
/// a cell that a source table records as lost says so.
fn evaluation_matrix(ctx: &SiteCtx, from: &str, c: &Certification) -> Option<Value> {
    let corpus = ctx.corpus;
    let fiches: Vec<crate::fiche::Fiche> = corpus
        .elements_of(&c.id)
        .filter(|e| e.kind.is_competence())
        .filter_map(|e| crate::fiche::Fiche::of(corpus, ctx.graph, &e.key))
        .collect();
    let mut columns: Vec<&ElementKey> = Vec::new();
    for f in &fiches {
        for a in f.evaluated_by.iter().chain(&f.certified_by) {
            if !columns.contains(&&a.by) && a.via.as_ref().is_none_or(|v| f.path.contains(v)) {
                columns.push(&a.by);
            }
        }
    }
    if columns.is_empty() {
        return None;
    }
    columns.sort_by_key(|k| corpus.element_index(k));
    // A matrix records the cell as lost, read either way (compétence as row or as column): only
    // the matrices in which the compétence heads a row or a column are looked at.
    let first = |k: &ElementKey, mi: usize, row: bool| {
        ctx.in_matrices(k).iter().find(|&&(m, r, _)| m == mi && r == row).map(|&(_, _, i)| i)
    };
    let lost = |row: &ElementKey, col: &ElementKey| {
        let mut seen: Vec<usize> = Vec::new();
        ctx.in_matrices(row).iter().any(|&(mi, _, _)| {
            if seen.contains(&mi) {
                return false;
            }
            seen.push(mi);
            let m = &corpus.matrices[mi];
            let is_lost = |r: Option<usize>, k: Option<usize>| matches!((r, k), (Some(r), Some(k)) if m.cells[r][k].state == crate::schema::CellState::Lost);
            is_lost(first(row, mi, true), first(col, mi, false)) || is_lost(first(col, mi, true), first(row, mi, false))
        })
    };
    let rows: Vec<Value> = fiches
        .iter()
        .map(|f| {
            let e = corpus.element(&f.key).expect("compétence");
            let cells: Vec<Value> = columns
                .iter()
                .map(|col| {
                    let found = f.evaluated_by.iter().chain(&f.certified_by).find(|a| &a.by == *col && a.via.as_ref().is_none_or(|v| f.path.contains(v)));
                    match found {
                        Some(a) if a.via.is_none() => json!({"state": "marked", "label": a.rel.labels().1}),
                        Some(a) => json!({"state": "via", "label": format!("{} (via {})", a.rel.labels().1, corpus.element(a.via.as_ref().unwrap()).map(crate::present::named_label).map(|t| truncate(&t, 40)).unwrap_or_default())}),
                        None if lost(&f.key, col) => json!({"state": "lost", "label": "perdu"}),
                        None => json!({"state": "none", "label": ""}),
                    }
                })
                .collect();
            json!({
                "href": urls::rel(from, &urls::element(&f.key)),
                "code": e.code,
                "text": truncate(e.text(), 90),
                "by": assessed_by(ctx, from, f),
                "depth": f.path.iter().filter(|k| corpus.element(k).is_some_and(|a| a.kind.is_competence())).count(),
                "cells": cells,
            })
        })
        .collect();
    let columns: Vec<Value> = columns
        .iter()
        .map(|k| {
            let e = corpus.element(k).expect("column");
            json!({"href": urls::rel(from, &urls::element(k)), "code": e.code, "kind": e.kind.label(), "text": truncate(e.text(), 60), "facts": facts_brief(e)})
        })
        .collect();
    Some(json!({"rows": rows, "columns": columns}))
}

/// (#27) What evaluates or certifies a compétence, read as a sentence on a phone: one group per
/// relation (« Évalué par », « Certifié par »), each item its code (or short text) and its facts
/// as the document prints them (« E4 (Orale, coef. 4) »), and the group a link passes through.
fn assessed_by(ctx: &SiteCtx, from: &str, f: &crate::fiche::Fiche) -> Vec<Value> {
    let corpus = ctx.corpus;
    let mut groups: Vec<(&str, Vec<Value>)> = Vec::new();
    for a in f.evaluated_by.iter().chain(&f.certified_by) {
        if a.via.as_ref().is_some_and(|v| !f.path.contains(v)) {
            continue;
        }
        let Some(e) = corpus.element(&a.by) else { continue };
        let label = a.rel.labels().1;
        let item = json!({
            "href": urls::rel(from, &urls::element(&a.by)),
            "name": e.code.clone().unwrap_or_else(|| truncate(e.text(), 40)),
            "facts": facts_brief(e),
            "via": a.via.as_ref().and_then(|v| corpus.element(v)).map(|v| v.code.clone().unwrap_or_else(|| truncate(v.text(), 30))),
        });
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, items)) if !items.contains(&item) => items.push(item),
            Some(_) => {}
            None => groups.push((label, vec![item])),
        }
    }
    groups.into_iter().map(|(label, items)| json!({"label": label, "items": items})).collect()
}

/// (#27) The facts of an épreuve or a unit that tell how it runs, in the document's words, short:
/// « Orale, 40 min, coef. 4 ».
fn facts_brief(e: &Element) -> String {
    let pick = |name: &str| {
        e.facts.iter().find(|f| f.name == name).map(|f| f.cite.text.trim().to_string())
    };
    let mut parts: Vec<String> = Vec::new();
    for name in ["forme", "mode", "duree"] {
        if let Some(t) = pick(name) {
            parts.push(truncate(&t, 40));
        }
    }
    if let Some(t) = pick("coefficient") {
        parts.push(format!("{} {}", crate::words::evalgrid::coef, t));
    }
    parts.join(", ")
}

pub fn render(ctx: &SiteCtx, c: &Certification) -> Result<Vec<Page>, String> {
    let path = urls::cert(&c.id);
    let top: Vec<&ElementKey> =
        ctx.corpus.elements_of(&c.id).filter(|e| e.parent.is_none()).map(|e| &e.key).collect();
    let top_owned: Vec<ElementKey> = top.iter().map(|k| (*k).clone()).collect();
    let mut roots = Vec::new();
    framework_children(ctx, &top_owned, &mut roots);
    let mut tree_html = String::new();
    if !roots.is_empty() {
        framework(ctx, &path, &roots, 0, &mut tree_html);
    }

    let evaluation: Vec<Value> = ctx
        .corpus
        .elements_of(&c.id)
        .filter(|e| matches!(e.kind, Kind::Epreuve | Kind::Unite | Kind::Ccp))
        .map(|e| {
            let mut v = ctx.element_link(&path, &e.key);
            v["facts"] = json!(e.facts.iter().map(|f| json!({"label": super::element::fact_label(f.name), "text": f.cite.text})).collect::<Vec<_>>());
            v
        })
        .collect();
    let printables: Vec<Value> = ctx
        .corpus
        .elements_of(&c.id)
        .filter(|e| {
            e.kind.is_bloc() && crate::fiche::BlocFiche::of(ctx.corpus, ctx.graph, &e.key).is_some()
        })
        .map(|e| {
            let mut v = ctx.element_link(&path, &e.key);
            v["href"] = json!(urls::rel(&path, &urls::bloc_fiche(&e.key)));
            v
        })
        .collect();
    let matrices: Vec<Value> = ctx
        .corpus
        .matrices
        .iter()
        .filter(|m| m.cert == c.id)
        .map(|m| {
            json!({
                "href": urls::rel(&path, &urls::matrix(&m.cert, &m.id)),
                "title": m.title.text,
                "size": format!("{} × {}", m.rows.len(), m.columns.len()),
                "lost": m.count(crate::schema::CellState::Lost),
                "uncertain": m.count(crate::schema::CellState::Uncertain),
            })
        })
        .collect();
    let correspondences: Vec<Value> = ctx
        .corpus
        .correspondences
        .iter()
        .filter(|t| t.from == c.id || t.to == c.id)
        .map(|t| json!({
            "href": urls::rel(&path, &urls::correspondence(&t.id)),
            "title": t.title.as_ref().map(|x| x.text.clone()).unwrap_or_else(|| t.id.to_string()),
            "status": crate::crosswalk::Status::from(t.status).name(),
            "status_label": crate::crosswalk::Status::from(t.status).label(),
            "pairs": t.pairs.len(),
            "other": ctx.corpus.cert(if t.from == c.id { &t.to } else { &t.from }).map(short_cert),
        }))
        .collect();
    let counts: Vec<Value> = ctx
        .corpus
        .counts(&c.id)
        .into_iter()
        .filter(|(k, _)| k.family() != Family::Document)
        .map(|(k, n)| json!({"kind": k.plural(), "n": n}))
        .collect();

    let description = crate::words::page_words::cert(
        &short_cert(c),
        c.kind.label(),
        &c.codes
            .iter()
            .map(|k| format!("{} {}", k.system.label(), k.code))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let mut cx = ctx.page_described(&path, &short_cert(c), &description);
    cx.insert("grid", &evaluation_matrix(ctx, &path, c));
    cx.insert("synoptic", &super::synoptic::context(ctx, &path, c));
    cx.insert("cert", &identity(ctx, &path, c));
    cx.insert("tree", &tree_html);
    cx.insert("evaluation", &evaluation);
    cx.insert("matrices", &matrices);
    cx.insert("printables", &printables);
    // #28: evaluation grids and positionnement.
    let grids: Vec<Value> = crate::grids::grids(ctx.corpus, ctx.graph, &c.id)
        .iter()
        .map(|g| json!({"href": urls::rel(&path, &urls::grid(&g.unit)), "name": super::grids::short_name(ctx, &g.unit), "text": crate::present::truncate(ctx.corpus.element(&g.unit).map(|e| e.text()).unwrap_or_default(), 120)}))
        .collect();
    if !grids.is_empty() {
        cx.insert("positioning", &urls::rel(&path, &urls::positioning(&c.id)));
        cx.insert("grid_files", &super::grids::files(ctx, &path, &c.id));
    }
    cx.insert("grids", &grids);
    cx.insert("plans", &super::plans::links_for(ctx, &path, &c.id));
    cx.insert("correspondences", &correspondences);
    cx.insert("counts", &counts);
    cx.insert("downloads", &super::downloads::of_cert(ctx, &path, &c.id));
    cx.insert("document", &urls::rel(&path, &urls::cert_document(&c.id)));
    let page = (path.clone(), ctx.render("cert.html", &cx)?);

    // The printable document: every element in order, headings for those with children.
    let dpath = urls::cert_document(&c.id);
    let mut body = String::new();
    for k in &top {
        document(ctx, &dpath, ctx.corpus.element(k).expect("element"), 2, &mut body);
    }
    let mut dx = ctx.page_described(
        &dpath,
        &format!("Document · {}", short_cert(c)),
        &crate::words::page_words::document(&short_cert(c)),
    );
    dx.insert("cert", &identity(ctx, &dpath, c));
    dx.insert("body", &body);
    dx.insert("back", &urls::rel(&dpath, &urls::cert(&c.id)));
    Ok(vec![page, (dpath.clone(), ctx.render("document.html", &dx)?)])
}

fn document(ctx: &SiteCtx, from: &str, e: &Element, level: usize, out: &mut String) {
    let href = escape(&urls::rel(from, &urls::element(&e.key)));
    if e.children.is_empty() {
        out.push_str(&format!(
            "<p class=\"el\"><span class=\"k\">{}</span> <a href=\"{href}\">{}</a></p>",
            escape(e.kind.label()),
            escape(&label(e))
        ));
        return;
    }
    let h = level.min(6);
    out.push_str(&format!(
        "<section><h{h}><span class=\"k\">{}</span> <a href=\"{href}\">{}</a></h{h}>",
        escape(e.kind.label()),
        escape(&label(e))
    ));
    for k in &e.children {
        document(ctx, from, ctx.corpus.element(k).expect("child"), level + 1, out);
    }
    out.push_str("</section>");
}
