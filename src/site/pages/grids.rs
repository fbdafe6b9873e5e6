//! Evaluation grids (#28): a page per certifying unit, `c/<cert>/grilles/<unit>.html`, listing
//! per compétence the critères a jury rates with the columns to tick, under a header with the
//! certification, the unit, its modalités and blank fields; made to be printed on A4. The same
//! grid, as a workbook and a CSV table, is written by the `grilles` output.

use serde_json::{Value, json};

use crate::grids::{Block, Grid};
use crate::ids::{CertId, ElementKey};
use crate::model::Certification;
use crate::present::{named_label, short_cert, truncate};
use crate::site::context::SiteCtx;
use crate::urls;
use crate::words::grille as w;

use super::Page;

/// A short name of a unit or compétence (`CCP 1`, `Unité U4`, `C1.1.1`).
pub(crate) fn short_name(ctx: &SiteCtx, key: &ElementKey) -> String {
    crate::grids::short_name(ctx.corpus, key)
}

/// The links of an element for the grid templates: kind, code, text, anchor.
fn item(ctx: &SiteCtx, from: &str, key: &ElementKey) -> Value {
    let e = ctx.corpus.element(key).expect("checked element");
    json!({
        "id": key.local.as_str(),
        "href": urls::rel(from, &urls::element(key)),
        "kind": e.kind.label(),
        "code": e.code,
        "text": e.text(),
    })
}

/// The blocks of a grid as the templates show them: the compétence, whom its critères hold
/// for, and its rows (each critère, or the compétence itself when none is printed).
pub fn blocks(ctx: &SiteCtx, from: &str, g: &Grid) -> Vec<Value> {
    g.blocks.iter().map(|b| block(ctx, from, b)).collect()
}

fn block(ctx: &SiteCtx, from: &str, b: &Block) -> Value {
    let shared = (!b.covers.is_empty()).then(|| {
        let names: Vec<String> = b.covers.iter().map(|k| short_name(ctx, k)).collect();
        w::shared(&short_name(ctx, &b.competence), &names.join(", "))
    });
    json!({
        "competence": item(ctx, from, &b.competence),
        "anchor": format!("g-{}", b.competence.local),
        "shared": shared,
        "criteres": b.criteres.iter().map(|k| item(ctx, from, k)).collect::<Vec<_>>(),
        "no_critere": b.criteres.is_empty().then_some(w::NO_CRITERE),
    })
}

/// What assesses the unit and its compétences, with the facts printed for it (durée, forme …).
pub fn modalites(ctx: &SiteCtx, from: &str, g: &Grid) -> Vec<Value> {
    g.assessed_by
        .iter()
        .chain(&g.evaluations)
        .map(|k| {
            let e = ctx.corpus.element(k).expect("checked element");
            let mut v = item(ctx, from, k);
            v["facts"] = json!(e.facts.iter().map(|f| json!({"label": super::element::fact_label(f.name), "text": f.cite.text})).collect::<Vec<_>>());
            v
        })
        .collect()
}

/// The unit as the templates show it.
pub fn unit(ctx: &SiteCtx, from: &str, g: &Grid) -> Value {
    let e = ctx.corpus.element(&g.unit).expect("checked element");
    json!({
        "href": urls::rel(from, &urls::element(&g.unit)),
        "kind": e.kind.label(),
        "code": e.code,
        "name": short_name(ctx, &g.unit),
        "text": e.text(),
        "stands_for_ccp": g.stands_for_ccp.then_some(w::STANDS_FOR_CCP),
    })
}

/// Are the grids' workbooks and CSV tables written (the `grilles` output is on)?
pub(crate) fn files_written(ctx: &SiteCtx) -> bool {
    ctx.cfg.output.grilles.enable
}

/// The grid pages of every certification.
pub fn render_all(ctx: &SiteCtx) -> Result<Vec<Page>, String> {
    let mut out = Vec::new();
    for c in &ctx.corpus.certs {
        for g in crate::grids::grids(ctx.corpus, ctx.graph, &c.id) {
            out.push(render(ctx, c, &g)?);
        }
    }
    Ok(out)
}

fn render(ctx: &SiteCtx, c: &Certification, g: &Grid) -> Result<Page, String> {
    let path = urls::grid(&g.unit);
    let e = ctx.corpus.element(&g.unit).expect("checked element");
    let title = w::title(&short_name(ctx, &g.unit));
    let description =
        crate::words::page_words::grid(&short_cert(c), &truncate(&named_label(e), 120));
    let mut cx = ctx.page_described(&path, &format!("{title} · {}", short_cert(c)), &description);
    cx.insert(
        "cert",
        &json!({"href": urls::rel(&path, &urls::cert(&c.id)), "title": short_cert(c)}),
    );
    cx.insert("unit", &unit(ctx, &path, g));
    cx.insert("modalites", &modalites(ctx, &path, g));
    cx.insert("blocks", &blocks(ctx, &path, g));
    cx.insert("words", &json!({"ticks": w::TICKS, "observations": w::OBSERVATIONS, "candidat": w::CANDIDAT, "evaluateur": w::EVALUATEUR, "date": w::DATE, "certification": w::CERTIFICATION, "unite": w::UNITE, "modalites": w::MODALITES, "critere": w::CRITERE}));
    cx.insert("files", &files(ctx, &path, &c.id));
    cx.insert("positioning", &urls::rel(&path, &urls::positioning_unit(&g.unit)));
    Ok((path.clone(), ctx.render("grid.html", &cx)?))
}

/// The workbook and CSV table of a certification's grids, when they are written.
pub fn files(ctx: &SiteCtx, from: &str, cert: &CertId) -> Value {
    if !files_written(ctx) {
        return json!(null);
    }
    json!({"xlsx": urls::rel(from, &urls::grids_file(cert, "xlsx")), "csv": urls::rel(from, &urls::grids_file(cert, "csv"))})
}

/// Links to the grids of the units that certify `key` (the unit itself, or a compétence of it),
/// for the element pages.
pub(crate) fn links_for(ctx: &SiteCtx, from: &str, key: &ElementKey) -> Vec<Value> {
    crate::grids::grids(ctx.corpus, ctx.graph, &key.cert)
        .iter()
        .filter(|g| g.unit == *key || g.competences.contains(key) || g.blocks.iter().any(|b| b.competence == *key))
        .map(|g| json!({"href": urls::rel(from, &urls::grid(&g.unit)), "name": short_name(ctx, &g.unit)}))
        .collect()
}
