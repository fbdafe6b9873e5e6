//! Evaluation grids (#28): a page per certifying unit, `c/<cert>/grilles/<unit>.html`, listing
//! per compétence the critères a jury rates with the columns to tick, under a header with the
//! certification, the unit, its modalités and blank fields; made to be printed on A4. The same
//! grid, as a workbook and a CSV table, is written by the `grilles` output.

use serde::Serialize;

use crate::grids::{Block, Grid};
use crate::ids::{CertId, ElementKey};
use crate::model::Certification;
use crate::present::{named_label, short_cert, truncate};
use crate::site::context::{CertLink, Fact, SiteCtx};
use crate::urls;
use crate::words::grille as w;

use super::Page;

/// A short name of a unit or compétence (`CCP 1`, `Unité U4`, `C1.1.1`).
pub(crate) fn short_name(ctx: &SiteCtx, key: &ElementKey) -> String {
    crate::grids::short_name(ctx.corpus, key)
}

/// An element as the grid templates show it: kind, code, text, anchor.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Item<'a> {
    id: &'a str,
    href: String,
    kind: &'static str,
    code: &'a Option<String>,
    text: &'a str,
}

fn item<'a>(ctx: &SiteCtx<'a>, from: &str, key: &'a ElementKey) -> Item<'a> {
    let e = ctx.corpus.element(key).expect("checked element");
    Item {
        id: key.local.as_str(),
        href: urls::rel(from, &urls::element(key)),
        kind: e.kind.label(),
        code: &e.code,
        text: e.text(),
    }
}

/// A block of a grid as the templates show it: the compétence, whom its critères hold for,
/// and its rows (each critère, or the compétence itself when none is printed).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct BlockView<'a> {
    competence: Item<'a>,
    anchor: String,
    shared: Option<String>,
    criteres: Vec<Item<'a>>,
    no_critere: Option<&'static str>,
}

/// The blocks of a grid.
pub fn blocks<'a>(ctx: &SiteCtx<'a>, from: &str, g: &'a Grid) -> Vec<BlockView<'a>> {
    g.blocks.iter().map(|b| block(ctx, from, b)).collect()
}

fn block<'a>(ctx: &SiteCtx<'a>, from: &str, b: &'a Block) -> BlockView<'a> {
    let shared = (!b.covers.is_empty()).then(|| {
        let names: Vec<String> = b.covers.iter().map(|k| short_name(ctx, k)).collect();
        w::shared(&short_name(ctx, &b.competence), &names.join(", "))
    });
    BlockView {
        competence: item(ctx, from, &b.competence),
        anchor: format!("g-{}", b.competence.local),
        shared,
        criteres: b.criteres.iter().map(|k| item(ctx, from, k)).collect(),
        no_critere: b.criteres.is_empty().then_some(w::NO_CRITERE),
    }
}

/// What assesses the unit or its compétences, with the facts printed for it (durée, forme …).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Modalite<'a> {
    #[serde(flatten)]
    item: Item<'a>,
    facts: Vec<Fact<'a>>,
}

fn modalites<'a>(ctx: &SiteCtx<'a>, from: &str, g: &'a Grid) -> Vec<Modalite<'a>> {
    g.assessed_by
        .iter()
        .chain(&g.evaluations)
        .map(|k| {
            let e = ctx.corpus.element(k).expect("checked element");
            Modalite { item: item(ctx, from, k), facts: Fact::all(e) }
        })
        .collect()
}

/// The unit as the templates show it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Unit<'a> {
    href: String,
    kind: &'static str,
    code: &'a Option<String>,
    name: String,
    text: &'a str,
    stands_for_ccp: Option<&'static str>,
}

pub fn unit<'a>(ctx: &SiteCtx<'a>, from: &str, g: &Grid) -> Unit<'a> {
    let e = ctx.corpus.element(&g.unit).expect("checked element");
    Unit {
        href: urls::rel(from, &urls::element(&g.unit)),
        kind: e.kind.label(),
        code: &e.code,
        name: short_name(ctx, &g.unit),
        text: e.text(),
        stands_for_ccp: g.stands_for_ccp.then_some(w::STANDS_FOR_CCP),
    }
}

/// Are the grids' workbooks and CSV tables written (the `grilles` output is on)?
pub(crate) fn files_written(ctx: &SiteCtx) -> bool {
    ctx.cfg.output.grilles.enable
}

/// The grid pages of every certification.
pub fn render_all(ctx: &SiteCtx) -> Result<Vec<Page>, crate::site::Error> {
    let mut out = Vec::new();
    for c in &ctx.corpus.certs {
        for g in crate::grids::grids(ctx.corpus, ctx.graph, &c.id) {
            out.push(render(ctx, c, &g)?);
        }
    }
    Ok(out)
}

/// `grid.html`: the grid of one unit.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct GridPage<'a> {
    cert: CertLink,
    unit: Unit<'a>,
    modalites: Vec<Modalite<'a>>,
    blocks: Vec<BlockView<'a>>,
    words: Words,
    files: Option<Files>,
    /// The unit's positionnement page.
    positioning: String,
}

/// The grid's printed headings and fields.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Words {
    ticks: [&'static str; 3],
    observations: &'static str,
    candidat: &'static str,
    evaluateur: &'static str,
    date: &'static str,
    certification: &'static str,
    unite: &'static str,
    modalites: &'static str,
    critere: &'static str,
}

const WORDS: Words = Words {
    ticks: w::TICKS,
    observations: w::OBSERVATIONS,
    candidat: w::CANDIDAT,
    evaluateur: w::EVALUATEUR,
    date: w::DATE,
    certification: w::CERTIFICATION,
    unite: w::UNITE,
    modalites: w::MODALITES,
    critere: w::CRITERE,
};

fn render<'a>(
    ctx: &SiteCtx<'a>,
    c: &Certification,
    g: &'a Grid,
) -> Result<Page, crate::site::Error> {
    let path = urls::grid(&g.unit);
    let e = ctx.corpus.element(&g.unit).expect("checked element");
    let title = w::title(&short_name(ctx, &g.unit));
    let description =
        crate::words::page_words::grid(&short_cert(c), &truncate(&named_label(e), 120));
    let base = ctx.base_described(&path, &format!("{title} · {}", short_cert(c)), &description);
    let body = GridPage {
        cert: ctx.cert_link(&path, c),
        unit: unit(ctx, &path, g),
        modalites: modalites(ctx, &path, g),
        blocks: blocks(ctx, &path, g),
        words: WORDS,
        files: files(ctx, &path, &c.id),
        positioning: urls::rel(&path, &urls::positioning_unit(&g.unit)),
    };
    Ok((path.clone(), ctx.render_page("grid.html", base, &body)?))
}

/// The workbook and the CSV table of a certification's grids.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Files {
    xlsx: String,
    csv: String,
}

/// The workbook and CSV table of a certification's grids, when they are written.
pub fn files(ctx: &SiteCtx, from: &str, cert: &CertId) -> Option<Files> {
    files_written(ctx).then(|| Files {
        xlsx: urls::rel(from, &urls::grids_file(cert, "xlsx")),
        csv: urls::rel(from, &urls::grids_file(cert, "csv")),
    })
}

/// A link to a unit's grid, by the unit's short name.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct GridLink {
    pub href: String,
    pub name: String,
}

/// Links to the grids of the units that certify `key` (the unit itself, or a compétence of it),
/// for the element pages.
pub(crate) fn links_for(ctx: &SiteCtx, from: &str, key: &ElementKey) -> Vec<GridLink> {
    crate::grids::grids(ctx.corpus, ctx.graph, &key.cert)
        .iter()
        .filter(|g| {
            g.unit == *key
                || g.competences.contains(key)
                || g.blocks.iter().any(|b| b.competence == *key)
        })
        .map(|g| GridLink {
            href: urls::rel(from, &urls::grid(&g.unit)),
            name: short_name(ctx, &g.unit),
        })
        .collect()
}
