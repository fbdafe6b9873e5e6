//! Training plans (#28): every plan of `plans/` (beside `data/`) as a page, `plans/<id>.html`:
//! per unit and per compétence what it covers, the séquences × compétences matrix, and every
//! element it leaves uncovered, each linked to its page. A plan with mistakes stops the build
//! with its diagnostics, as bad data does.

use std::path::PathBuf;

use serde::Serialize;

use crate::plan::Plan;
use crate::plan::coverage::{Count, Coverage};
use crate::site::context::{CertLink, SiteCtx};
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
pub fn plans(ctx: &SiteCtx) -> Result<Vec<(String, Plan)>, crate::site::Error> {
    let mut out = Vec::new();
    for path in crate::plan::files_in(&dir(ctx)) {
        // A plan of a certification the data being built does not hold (a test's small data
        // beside the project's plans) has no page here; `referentiel plan` still checks it.
        if !crate::plan::names_cert_of(ctx.corpus, &path) {
            continue;
        }
        let plan = crate::plan::read(ctx.corpus, &path).map_err(crate::site::Error::Plan)?;
        let id = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        out.push((id, plan));
    }
    Ok(out)
}

/// How many of some elements a plan covers.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Covered {
    covered: usize,
    total: usize,
    full: bool,
}

fn count(c: &Count) -> Covered {
    Covered { covered: c.covered, total: c.total, full: c.covered == c.total }
}

fn hours(h: f64) -> String {
    if h.fract() == 0.0 { format!("{h:.0} h") } else { format!("{h:.1} h").replace('.', ",") }
}

/// `plan.html`: what a plan covers, unit by unit and séquence by séquence.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct PlanPage<'a> {
    plan: PlanView<'a>,
    cert: CertLink,
    units: Vec<UnitView<'a>>,
    /// The compétences, the matrix's columns.
    columns: Vec<Link<'a>>,
    /// The séquences, the matrix's rows.
    matrix: Vec<SequenceRow<'a>>,
    uncovered: Vec<Link<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct PlanView<'a> {
    title: &'a str,
    author: &'a Option<String>,
    date: &'a Option<String>,
    hours: String,
    sequences: usize,
    file: Option<String>,
}

/// An element of the plan's certification.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Link<'a> {
    href: String,
    name: String,
    kind: &'static str,
    text: String,
    id: &'a str,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct UnitView<'a> {
    item: Link<'a>,
    criteres: Covered,
    savoir_faire: Covered,
    savoirs: Covered,
    hours: String,
    competences: Vec<CompetenceView<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct CompetenceView<'a> {
    item: Link<'a>,
    criteres: Covered,
    savoir_faire: Covered,
    savoirs: Covered,
    hours: String,
    sequences: &'a [String],
    uncovered: usize,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct SequenceRow<'a> {
    id: &'a str,
    title: &'a str,
    hours: String,
    /// Does it cover each compétence, in the columns' order?
    cells: Vec<bool>,
}

fn render<'a>(
    ctx: &SiteCtx<'a>,
    id: &str,
    plan: &'a Plan,
    cov: &'a Coverage,
) -> Result<Page, crate::site::Error> {
    let path = urls::plan(id);
    let corpus = ctx.corpus;
    let cert = corpus.cert(&plan.cert).expect("checked certification");
    let link = |k: &'a crate::ids::ElementKey| {
        let e = corpus.element(k).expect("checked element");
        Link {
            href: urls::rel(&path, &urls::element(k)),
            name: crate::grids::short_name(corpus, k),
            kind: e.kind.label(),
            text: crate::present::truncate(e.text(), 140),
            id: k.local.as_str(),
        }
    };
    let comp = |c: &'a crate::plan::coverage::CompetenceCoverage| CompetenceView {
        item: link(&c.id),
        criteres: count(&c.criteres),
        savoir_faire: count(&c.savoir_faire),
        savoirs: count(&c.savoirs),
        hours: hours(c.hours),
        sequences: &c.sequences,
        uncovered: c.uncovered.len(),
    };
    let units = cov
        .units
        .iter()
        .map(|u| UnitView {
            item: link(&u.id),
            criteres: count(&u.criteres),
            savoir_faire: count(&u.savoir_faire),
            savoirs: count(&u.savoirs),
            hours: hours(u.hours),
            competences: u.competences.iter().map(comp).collect(),
        })
        .collect();
    let matrix = plan
        .sequences
        .iter()
        .map(|s| SequenceRow {
            id: &s.id,
            title: &s.title,
            hours: hours(s.hours),
            cells: cov.competences.iter().map(|c| c.sequences.contains(&s.id)).collect(),
        })
        .collect();
    let base = ctx.base_described(
        &path,
        &format!("Plan · {} · {}", plan.title, crate::present::short_cert(cert)),
        &crate::words::page_words::plan(&crate::present::short_cert(cert), &plan.title),
    );
    let body = PlanPage {
        plan: PlanView {
            title: &plan.title,
            author: &plan.author,
            date: &plan.date,
            hours: hours(cov.hours),
            sequences: plan.sequences.len(),
            file: plan.file.file_name().map(|f| f.to_string_lossy().to_string()),
        },
        cert: ctx.cert_link(&path, cert),
        units,
        columns: cov.competences.iter().map(|c| link(&c.id)).collect(),
        matrix,
        uncovered: cov.uncovered.iter().map(link).collect(),
    };
    Ok((path.clone(), ctx.render_page("plan.html", base, &body)?))
}

/// The page of every plan of `plans/`.
pub fn render_all(ctx: &SiteCtx) -> Result<Vec<Page>, crate::site::Error> {
    let mut out = Vec::new();
    for (id, plan) in plans(ctx)? {
        let cov = crate::plan::coverage::coverage(ctx.corpus, ctx.graph, &plan);
        out.push(render(ctx, &id, &plan, &cov)?);
    }
    Ok(out)
}

/// A link to a plan, by its title.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct PlanLink {
    pub href: String,
    pub title: String,
}

/// Links to the plans of a certification, for its page.
pub(crate) fn links_for(ctx: &SiteCtx, from: &str, cert: &crate::ids::CertId) -> Vec<PlanLink> {
    plans(ctx)
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, p)| &p.cert == cert)
        .map(|(id, p)| PlanLink { href: urls::rel(from, &urls::plan(&id)), title: p.title })
        .collect()
}
