//! Positionnement (#28): a learner answers, for every critère of a certification's units, *Oui*,
//! *En partie* or *Non*. A page per certification (`c/<cert>/positionnement.html`) and per
//! certifying unit (`c/<cert>/positionnement/<unit>.html`), built from the same grids as the
//! evaluation grids. The answers stay in the browser (localStorage, keyed by certification and
//! critère, so a unit's page and the certification's page share them); the page's own script
//! sums them per unit and writes the CSV and the file to load again. Nothing is sent anywhere.

use serde::Serialize;

use crate::grids::Grid;
use crate::model::Certification;
use crate::present::short_cert;
use crate::site::context::SiteCtx;
use crate::urls;
use crate::words::positionnement as w;

use super::Page;
use super::grids::{BlockView, Unit};

/// A unit as the page shows it: its name, text and blocks of critères.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Positioned<'a> {
    #[serde(flatten)]
    unit: Unit<'a>,
    id: &'a str,
    /// The unit's evaluation grid.
    grid: String,
    blocks: Vec<BlockView<'a>>,
    /// How many critères (or compétences rated whole) it has.
    rows: usize,
}

fn unit<'a>(ctx: &SiteCtx<'a>, from: &str, g: &'a Grid) -> Positioned<'a> {
    Positioned {
        unit: super::grids::unit(ctx, from, g),
        id: g.unit.local.as_str(),
        grid: urls::rel(from, &urls::grid(&g.unit)),
        blocks: super::grids::blocks(ctx, from, g),
        rows: g.rows().count(),
    }
}

/// `positionnement.html`: the units of a certification, or one of them, with the answers.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct Positioning<'a> {
    cert: Cert<'a>,
    title: &'a str,
    units: Vec<Positioned<'a>>,
    answers: Vec<Answer>,
    /// One unit, not the whole certification?
    single: bool,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Cert<'a> {
    /// Keys the answers kept in the browser.
    id: &'a str,
    href: String,
    title: String,
    /// The whole certification's positionnement.
    whole: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Answer {
    value: &'static str,
    label: &'static str,
}

fn page<'a>(
    ctx: &SiteCtx<'a>,
    c: &'a Certification,
    path: &str,
    gs: &[&'a Grid],
    title: &str,
) -> Result<Page, String> {
    let description = crate::words::page_words::positioning(&short_cert(c));
    let base = ctx.base_described(path, &format!("{title} · {}", short_cert(c)), &description);
    let body = Positioning {
        cert: Cert {
            id: c.id.as_str(),
            href: urls::rel(path, &urls::cert(&c.id)),
            title: short_cert(c),
            whole: urls::rel(path, &urls::positioning(&c.id)),
        },
        title,
        units: gs.iter().map(|g| unit(ctx, path, g)).collect(),
        answers: w::ANSWERS.iter().map(|&(value, label)| Answer { value, label }).collect(),
        single: gs.len() == 1,
    };
    Ok((path.to_string(), ctx.render_page("positionnement.html", base, &body)?))
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
