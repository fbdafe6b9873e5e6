//! Positionnement (#28): a learner answers, for every critère of a certification's units, *Oui*,
//! *En partie* or *Non*. A page per certification (`c/<cert>/positionnement.html`) and per
//! certifying unit (`c/<cert>/positionnement/<unit>.html`), built from the same grids as the
//! evaluation grids. The answers stay in the browser (localStorage, keyed by certification and
//! critère, so a unit's page and the certification's page share them); the page's own script
//! sums them per unit and writes the CSV and the file to load again. Nothing is sent anywhere.

use serde_json::{Value, json};

use crate::grids::Grid;
use crate::model::Certification;
use crate::present::short_cert;
use crate::site::context::SiteCtx;
use crate::urls;
use crate::words::positionnement as w;

use super::Page;

/// A unit as the page shows it: its name, text and blocks of critères.
fn unit(ctx: &SiteCtx, from: &str, g: &Grid) -> Value {
    let mut v = super::grids::unit(ctx, from, g);
    v["id"] = json!(g.unit.local.as_str());
    v["grid"] = json!(urls::rel(from, &urls::grid(&g.unit)));
    v["blocks"] = json!(super::grids::blocks(ctx, from, g));
    v["rows"] = json!(g.rows().count());
    v
}

fn page(
    ctx: &SiteCtx,
    c: &Certification,
    path: &str,
    gs: &[&Grid],
    title: &str,
) -> Result<Page, String> {
    let description = crate::words::page_words::positioning(&short_cert(c));
    let mut cx = ctx.page_described(path, &format!("{title} · {}", short_cert(c)), &description);
    cx.insert("cert", &json!({"id": c.id.as_str(), "href": urls::rel(path, &urls::cert(&c.id)), "title": short_cert(c), "whole": urls::rel(path, &urls::positioning(&c.id))}));
    cx.insert("title", title);
    cx.insert("units", &gs.iter().map(|g| unit(ctx, path, g)).collect::<Vec<_>>());
    cx.insert(
        "answers",
        &w::ANSWERS
            .iter()
            .map(|(value, label)| json!({"value": value, "label": label}))
            .collect::<Vec<_>>(),
    );
    cx.insert("single", &(gs.len() == 1));
    Ok((path.to_string(), ctx.render("positionnement.html", &cx)?))
}

/// The positionnement pages of every certification with units: the whole certification, then
/// each unit.
pub fn render_all(ctx: &SiteCtx) -> Result<Vec<Page>, String> {
    let mut out = Vec::new();
    for c in &ctx.corpus.certs {
        let gs = crate::grids::grids(ctx.corpus, ctx.graph, &c.id);
        if gs.is_empty() {
            continue;
        }
        let all: Vec<&Grid> = gs.iter().collect();
        out.push(page(ctx, c, &urls::positioning(&c.id), &all, "Positionnement")?);
        for g in &gs {
            let title = format!("Positionnement · {}", super::grids::short_name(ctx, &g.unit));
            out.push(page(ctx, c, &urls::positioning_unit(&g.unit), &[g], &title)?);
        }
    }
    Ok(out)
}
