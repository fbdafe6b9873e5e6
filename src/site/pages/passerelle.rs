//! The passerelle page of a pair of certifications (#26): the answer first (what the documents
//! state, then for a holder of either side each unit couverte / en partie / non couverte with
//! what it rests on), then a heat map of the compétences (inline SVG drawn here, at build time),
//! then the pairs with their evidence and the suggestions to review.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use crate::compare::{Item, Tree};
use crate::crosswalk::units::{CoveredBy, Effect, Link, UnitCoverage, UnitState};
use crate::crosswalk::{self, Crosswalk, Evidence, Mapping, Status};
use crate::schema::Relation;
use crate::site::context::{CertLink, SiteCtx};
use crate::site::richtext::escape;
use crate::words::rests_on;

use super::compare::{Compared, item};

/// A link a compétence's coverage rests on.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct LinkView<'a> {
    /// `covers`, `partly` or `listed`.
    effect: &'static str,
    relation: Option<&'static str>,
    status: &'static str,
    status_label: &'static str,
    with: Vec<Compared>,
    on: Compared,
    /// Is it on a group above the compétence rather than on it?
    on_ancestor: bool,
    table: Option<&'a str>,
    justification: &'a Option<String>,
    author: &'a Option<String>,
    date: &'a Option<String>,
    score: Option<String>,
}

fn link<'a>(ctx: &SiteCtx, from: &str, l: &'a Link, on_ancestor: bool) -> LinkView<'a> {
    LinkView {
        effect: match l.effect {
            Effect::Covers => "covers",
            Effect::Partly => "partly",
            Effect::Listed => "listed",
        },
        relation: l.relation.map(|r| r.label()),
        status: l.status.name(),
        status_label: l.status.verdict_label(),
        with: l.with.iter().map(|i| item(ctx, from, i)).collect(),
        on: item(ctx, from, &l.on),
        on_ancestor,
        table: l.table.as_ref().map(|t| t.as_str()),
        justification: &l.justification,
        author: &l.author,
        date: &l.date,
        score: l.score.map(|s| format!("{s:.2}")),
    }
}

/// A compétence of a unit, covered or not, and what that rests on.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct CompetenceView<'a> {
    competence: Compared,
    state: &'static str,
    state_label: &'static str,
    links: Vec<LinkView<'a>>,
}

fn competence<'a>(ctx: &SiteCtx, from: &str, c: &'a CoveredBy) -> CompetenceView<'a> {
    CompetenceView {
        competence: item(ctx, from, &c.competence),
        state: c.state.name(),
        state_label: c.state.label(),
        links: c.rests_on.iter().map(|l| link(ctx, from, l, l.on.id != c.competence.id)).collect(),
    }
}

/// A unit of one side, for a holder of the other: couverte, en partie or non couverte.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct UnitView<'a> {
    unit: Compared,
    state: &'static str,
    state_label: &'static str,
    /// « 3 compétences sur 4 … ».
    count: String,
    overridden: bool,
    rests_on: Option<String>,
    competences: Vec<CompetenceView<'a>>,
}

fn unit<'a>(ctx: &SiteCtx, from: &str, u: &'a UnitCoverage) -> UnitView<'a> {
    let n = u.competences.len();
    let k = u.competences.iter().filter(|c| c.state == UnitState::Covered).count();
    let p = u.competences.iter().filter(|c| c.state == UnitState::Partial).count();
    let mut count = crate::words::passerelle::count(k, n);
    if p > 0 {
        count.push_str(&format!(", {}", rests_on::partly(p)));
    }
    UnitView {
        unit: item(ctx, from, &u.unit),
        state: u.state.name(),
        state_label: u.state.label(),
        count,
        overridden: u.overridden,
        rests_on: u.status.map(|s| rests_on::unit(s.verdict_label())),
        competences: u.competences.iter().map(|c| competence(ctx, from, c)).collect(),
    }
}

/// A mapping between the two sides: from a table, or suggested.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct MappingView<'a> {
    status: &'static str,
    status_label: &'static str,
    a_id: Option<String>,
    b_id: Option<String>,
    a: Vec<Compared>,
    b: Vec<Compared>,
    relation: Option<&'static str>,
    score: Option<String>,
    rank: Option<u32>,
    mutual: bool,
    words: &'a [String],
    #[cfg_attr(test, schemars(with = "Vec<EvidenceShape>"))]
    evidence: &'a [Evidence],
    justification: &'a Option<String>,
    author: &'a Option<String>,
    date: &'a Option<String>,
    note: &'a Option<String>,
}

/// The fields of [`Evidence`] (the crosswalk's, which has no schema), for the template test.
#[cfg(test)]
#[derive(schemars::JsonSchema)]
#[expect(dead_code, reason = "only its schema is read")]
struct EvidenceShape {
    kind: crate::schema::Kind,
    a: String,
    b: String,
    identical: bool,
}

pub(super) fn mapping<'a>(ctx: &SiteCtx, from: &str, m: &'a Mapping) -> MappingView<'a> {
    MappingView {
        status: m.status.name(),
        status_label: m.status.label(),
        a_id: m.a.first().map(|i| i.id.local.to_string()),
        b_id: m.b.first().map(|i| i.id.local.to_string()),
        a: m.a.iter().map(|i| item(ctx, from, i)).collect(),
        b: m.b.iter().map(|i| item(ctx, from, i)).collect(),
        relation: m.relation.map(|r| r.label()),
        score: m.score.map(|s| format!("{s:.2}")),
        rank: m.rank,
        mutual: m.mutual,
        words: &m.words,
        evidence: &m.evidence,
        justification: &m.justification,
        author: &m.author,
        date: &m.date,
        note: &m.note,
    }
}

/// The class of a heat-map cell and its glyph: by status, then relation (read from the row to
/// the column).
fn cell_class(m: &Mapping, relation: Option<Relation>) -> (&'static str, String) {
    match (m.status, relation) {
        (Status::Suggested, _) => {
            ("hm-sug", m.rank.map(|r| r.to_string()).unwrap_or_else(|| "?".into()))
        }
        (Status::Official, _) => ("hm-off", "=".into()),
        (_, Some(Relation::ExactMatch | Relation::CloseMatch)) => ("hm-eq", "≈".into()),
        (_, Some(Relation::NarrowMatch)) => ("hm-part", "⊃".into()),
        (_, Some(Relation::BroadMatch)) => ("hm-part", "⊂".into()),
        _ => ("hm-rel", "~".into()),
    }
}

/// Short label of a compétence: its code and the start of its title.
fn short(e: &crate::model::Element, n: usize) -> String {
    let t = e.text();
    let title: String = if t.chars().count() > n {
        format!("{}…", t.chars().take(n - 1).collect::<String>().trim_end())
    } else {
        t.to_string()
    };
    match &e.code {
        Some(c) => format!("{c} {title}"),
        None => title,
    }
}

/// Priority of a cell when several links meet in it (lower wins).
fn priority(m: &Mapping) -> (u8, u32) {
    (
        match m.status {
            Status::Official => 0,
            Status::Curated => 1,
            Status::Inferred => 2,
            Status::Suggested => 3,
        },
        m.rank.unwrap_or(0),
    )
}

/// The heat map: compétences of `a` in rows, of `b` in columns, one square per link, coloured by
/// status and relation; labels code + short title; a `<title>` per square for pointer users.
pub(crate) fn heat_map(ta: &Tree, tb: &Tree, cw: &Crosswalk) -> String {
    let ra = crosswalk::suggest::members(ta);
    let rb = crosswalk::suggest::members(tb);
    if ra.is_empty() || rb.is_empty() {
        return String::new();
    }
    let mut cells: HashMap<(usize, usize), &Mapping> = HashMap::new();
    for m in cw
        .mappings()
        .filter(|m| m.group == Some(crosswalk::Group::Competences) || m.group.is_none())
    {
        for x in m.a.iter().filter_map(|i| ta.find(&i.id)) {
            for y in m.b.iter().filter_map(|i| tb.find(&i.id)) {
                let e = cells.entry((x, y)).or_insert(m);
                if priority(m) < priority(e) {
                    *e = m;
                }
            }
        }
    }
    const CELL: usize = 22;
    const LABEL: usize = 250;
    const TOP: usize = 190;
    let (w, h) = (LABEL + CELL * rb.len() + 110, TOP + CELL * ra.len() + 4);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="heatmap" viewBox="0 0 {w} {h}" width="{w}" role="img" aria-labelledby="hm-title" xmlns="http://www.w3.org/2000/svg"><title id="hm-title">{}</title>"#,
        escape(&crate::words::crosswalk::heat_map(ta.cert.as_str(), tb.cert.as_str()))
    );
    for (c, &j) in rb.iter().enumerate() {
        let x = LABEL + c * CELL + CELL / 2;
        let _ = write!(
            s,
            r#"<text class="hm-label" transform="translate({x},{}) rotate(-60)">{}</text>"#,
            TOP - 6,
            escape(&short(tb.elems[j], 30))
        );
    }
    for (r, &i) in ra.iter().enumerate() {
        let y = TOP + r * CELL;
        let _ = write!(
            s,
            r#"<text class="hm-label" x="{}" y="{}" text-anchor="end">{}</text>"#,
            LABEL - 6,
            y + CELL / 2 + 4,
            escape(&short(ta.elems[i], 34))
        );
        for (c, &j) in rb.iter().enumerate() {
            let x = LABEL + c * CELL;
            match cells.get(&(i, j)) {
                Some(m) => {
                    let (class, glyph) = cell_class(m, m.relation);
                    let what = match m.status {
                        Status::Suggested => {
                            format!("suggestion, score {:.2}", m.score.unwrap_or(0.0))
                        }
                        st => format!(
                            "{}{}",
                            st.label(),
                            m.relation.map(|r| format!(", {}", r.label())).unwrap_or_default()
                        ),
                    };
                    let _ = write!(
                        s,
                        r#"<g class="{class}"><title>{} ↔ {} : {}</title><rect x="{x}" y="{y}" width="{}" height="{}" rx="3"/><text x="{}" y="{}" text-anchor="middle">{}</text></g>"#,
                        escape(&short(ta.elems[i], 60)),
                        escape(&short(tb.elems[j], 60)),
                        escape(&what),
                        CELL - 2,
                        CELL - 2,
                        x + CELL / 2 - 1,
                        y + CELL / 2 + 4,
                        escape(&glyph)
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        r#"<rect class="hm-none" x="{x}" y="{y}" width="{}" height="{}" rx="3"/>"#,
                        CELL - 2,
                        CELL - 2
                    );
                }
            }
        }
    }
    s.push_str("</svg>");
    s
}

/// A compétence of `a` with its links, for the list that stands for the heat map on a phone.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct HeatRow {
    item: Compared,
    links: Vec<HeatLink>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct HeatLink {
    class: &'static str,
    glyph: String,
    with: Compared,
    relation: Option<&'static str>,
    status: &'static str,
    score: Option<String>,
}

/// The per-compétence list that stands for the heat map on a phone: each compétence of `a` with
/// its links, strongest first.
fn heat_list(ctx: &SiteCtx, from: &str, ta: &Tree, tb: &Tree, cw: &Crosswalk) -> Vec<HeatRow> {
    crosswalk::suggest::members(ta)
        .into_iter()
        .map(|i| {
            let key = &ta.elems[i].key;
            let mut ms: Vec<&Mapping> = cw
                .mappings()
                .filter(|m| m.a.iter().any(|x| &x.id == key) && !m.b.is_empty())
                .collect();
            ms.sort_by_key(|m| priority(m));
            let links = ms
                .iter()
                .flat_map(|m| m.b.iter().filter(|y| tb.find(&y.id).is_some()).map(move |y| (m, y)))
                .map(|(m, y)| {
                    let (class, glyph) = cell_class(m, m.relation);
                    HeatLink {
                        class,
                        glyph,
                        with: item(ctx, from, y),
                        relation: m.relation.map(|r| r.label()),
                        status: m.status.short_label(),
                        score: m.score.map(|s| format!("{s:.2}")),
                    }
                })
                .collect();
            HeatRow { item: item(ctx, from, &Item::of(ta.elems[i])), links }
        })
        .collect()
}

/// The passerelle of a pair (`cw` in `crosswalk.html`).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Passerelle<'a> {
    title: &'a str,
    /// What the review page needs to find the pair's tables.
    review: Review<'a>,
    a: CertLink,
    b: CertLink,
    /// What the documents state about the other certification.
    statements: Vec<StatementView>,
    /// The mappings from tables: official, then ours.
    official: Vec<MappingView<'a>>,
    /// The suggestions to review, by group.
    groups: Vec<GroupView<'a>>,
    coverage_a: Side,
    coverage_b: Side,
    /// The heat map, in SVG.
    heat_map: String,
    heat_list: Vec<HeatRow>,
    /// For a holder of each side, the other side's units.
    passerelle: [Holder<'a>; 2],
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Review<'a> {
    a: &'a str,
    b: &'a str,
    hash: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct StatementView {
    cert: String,
    heading: Compared,
    text: Vec<Compared>,
    none: bool,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct GroupView<'a> {
    label: &'static str,
    /// Shown open (the compétences).
    open: bool,
    mappings: Vec<MappingView<'a>>,
}

/// How much of one side the links cover.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Side {
    competences: usize,
    covered: usize,
    share: Option<String>,
    without: Vec<Compared>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Holder<'a> {
    holder: &'a str,
    other: &'a str,
    units: Vec<UnitView<'a>>,
}

/// The template context of the passerelle page of `cw`, at `path`.
#[expect(
    clippy::too_many_arguments,
    reason = "the page's two sides, each with its link and holder"
)]
pub fn context<'a>(
    ctx: &SiteCtx,
    path: &str,
    cw: &'a Crosswalk,
    title: &'a str,
    a_link: CertLink,
    b_link: CertLink,
    holder_a: &'a str,
    holder_b: &'a str,
) -> Passerelle<'a> {
    let (a, b) = (&cw.a.cert, &cw.b.cert);
    let (ta, tb) = (Tree::build(ctx.corpus, a), Tree::build(ctx.corpus, b));
    let side = |s: &crosswalk::SideCoverage| Side {
        competences: s.competences,
        covered: s.covered,
        share: s.share.map(|x| format!("{:.0} %", x * 100.0)),
        without: s.without.iter().map(|i| item(ctx, path, i)).collect(),
    };
    let groups =
        [crosswalk::Group::Competences, crosswalk::Group::Criteres, crosswalk::Group::Savoirs]
            .iter()
            .map(|g| GroupView {
                label: g.label(),
                open: *g == crosswalk::Group::Competences,
                mappings: cw
                    .suggested
                    .iter()
                    .filter(|m| m.group == Some(*g))
                    .map(|m| mapping(ctx, path, m))
                    .collect(),
            })
            .collect();
    let statements = cw
        .units
        .statements
        .iter()
        .map(|s| StatementView {
            cert: ctx
                .corpus
                .cert(&s.cert)
                .map(crate::present::short_cert)
                .unwrap_or_else(|| s.cert.to_string()),
            heading: item(ctx, path, &s.heading),
            text: s.text.iter().map(|t| item(ctx, path, t)).collect(),
            none: s.none,
        })
        .collect();
    Passerelle {
        title,
        review: Review {
            a: a.as_str(),
            b: b.as_str(),
            hash: crosswalk::tables_hash(ctx.corpus, a, b),
        },
        a: a_link,
        b: b_link,
        statements,
        official: cw
            .official
            .iter()
            .chain(&cw.curated)
            .chain(&cw.inferred)
            .map(|m| mapping(ctx, path, m))
            .collect(),
        groups,
        coverage_a: side(&cw.coverage.a),
        coverage_b: side(&cw.coverage.b),
        heat_map: heat_map(&ta, &tb, cw),
        heat_list: heat_list(ctx, path, &ta, &tb, cw),
        passerelle: [
            Holder {
                holder: holder_a,
                other: holder_b,
                units: cw.units.holder_of_a.iter().map(|u| unit(ctx, path, u)).collect(),
            },
            Holder {
                holder: holder_b,
                other: holder_a,
                units: cw.units.holder_of_b.iter().map(|u| unit(ctx, path, u)).collect(),
            },
        ],
    }
}
