//! Training plans (#28): every plan of `plans/` (beside `data/`) as a page, `plans/<id>.html`:
//! per unit and per compétence what it covers, the séquences × compétences matrix, and every
//! element it leaves uncovered, each linked to its page. A plan with mistakes stops the build
//! with its diagnostics, as bad data does.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::plan::Plan;
use crate::plan::coverage::{Count, Coverage};
use crate::present::short_cert;
use crate::site::context::SiteCtx;
use crate::urls;

use super::Page;

/// The folder of the plans: `plans/` beside the configuration, else beside the data folder.
pub fn dir(ctx: &SiteCtx) -> PathBuf {
    match &ctx.cfg.root {
        Some(root) => root.join("plans"),
        None => ctx
            .corpus
            .data_dir
            .parent()
            .map(|p| p.join("plans"))
            .unwrap_or_else(|| PathBuf::from("plans")),
    }
}

/// The checked plans of the plans folder, with their page's id (the file's stem).
pub fn plans(ctx: &SiteCtx) -> Result<Vec<(String, Plan)>, String> {
    let mut out = Vec::new();
    for path in crate::plan::files_in(&dir(ctx)) {
        // A plan of a certification the data being built does not hold (a test's small data
        // beside the project's plans) has no page here; `referentiel plan` still checks it.
        if !crate::plan::names_cert_of(ctx.corpus, &path) {
            continue;
        }
        let plan = crate::plan::read(ctx.corpus, &path)
            .map_err(|d| d.iter().map(|d| d.render()).collect::<Vec<_>>().join("\n"))?;
        let id = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        out.push((id, plan));
    }
    Ok(out)
}

fn count(c: &Count) -> Value {
    json!({"covered": c.covered, "total": c.total, "full": c.covered == c.total})
}

fn hours(h: f64) -> String {
    if h.fract() == 0.0 { format!("{h:.0} h") } else { format!("{h:.1} h").replace('.', ",") }
}

fn render(ctx: &SiteCtx, id: &str, plan: &Plan, cov: &Coverage) -> Result<Page, String> {
    let path = urls::plan(id);
    let corpus = ctx.corpus;
    let cert = corpus.cert(&plan.cert).expect("checked certification");
    let link = |k: &crate::ids::ElementKey| {
        let e = corpus.element(k).expect("checked element");
        json!({"href": urls::rel(&path, &urls::element(k)), "name": crate::grids::short_name(corpus, k), "kind": e.kind.label(), "text": crate::present::truncate(e.text(), 140), "id": k.local.as_str()})
    };
    let comp = |c: &crate::plan::coverage::CompetenceCoverage| json!({"item": link(&c.id), "criteres": count(&c.criteres), "savoir_faire": count(&c.savoir_faire), "savoirs": count(&c.savoirs), "hours": hours(c.hours), "sequences": c.sequences, "uncovered": c.uncovered.len()});
    let units: Vec<Value> = cov
        .units
        .iter()
        .map(|u| json!({"item": link(&u.id), "criteres": count(&u.criteres), "savoir_faire": count(&u.savoir_faire), "savoirs": count(&u.savoirs), "hours": hours(u.hours), "competences": u.competences.iter().map(comp).collect::<Vec<_>>()}))
        .collect();
    let matrix: Vec<Value> = plan
        .sequences
        .iter()
        .map(|s| json!({"id": s.id, "title": s.title, "hours": hours(s.hours), "cells": cov.competences.iter().map(|c| c.sequences.contains(&s.id)).collect::<Vec<_>>()}))
        .collect();
    let mut cx = ctx.page_described(
        &path,
        &format!("Plan · {} · {}", plan.title, short_cert(cert)),
        &crate::words::page_words::plan(&short_cert(cert), &plan.title),
    );
    cx.insert("plan", &json!({"title": plan.title, "author": plan.author, "date": plan.date, "hours": hours(cov.hours), "sequences": plan.sequences.len(), "file": plan.file.file_name().map(|f| f.to_string_lossy().to_string())}));
    cx.insert(
        "cert",
        &json!({"href": urls::rel(&path, &urls::cert(&cert.id)), "title": short_cert(cert)}),
    );
    cx.insert("units", &units);
    cx.insert("columns", &cov.competences.iter().map(|c| link(&c.id)).collect::<Vec<_>>());
    cx.insert("matrix", &matrix);
    cx.insert("uncovered", &cov.uncovered.iter().map(link).collect::<Vec<_>>());
    Ok((path.clone(), ctx.render("plan.html", &cx)?))
}

/// The page of every plan of `plans/`.
pub fn render_all(ctx: &SiteCtx) -> Result<Vec<Page>, String> {
    let mut out = Vec::new();
    for (id, plan) in plans(ctx)? {
        let cov = crate::plan::coverage::coverage(ctx.corpus, ctx.graph, &plan);
        out.push(render(ctx, &id, &plan, &cov)?);
    }
    Ok(out)
}

/// Links to the plans of a certification, for its page.
pub(crate) fn links_for(ctx: &SiteCtx, from: &str, cert: &crate::ids::CertId) -> Vec<Value> {
    plans(ctx)
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, p)| &p.cert == cert)
        .map(|(id, p)| json!({"href": urls::rel(from, &urls::plan(&id)), "title": p.title}))
        .collect()
}
