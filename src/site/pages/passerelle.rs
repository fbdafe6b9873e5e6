//! The passerelle page of a pair of certifications (#26): the answer first (what the documents
//! state, then for a holder of either side each unit couverte / en partie / non couverte with
//! what it rests on), then a heat map of the compétences (inline SVG drawn here, at build time),
//! then the pairs with their evidence and the suggestions to review.

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::{Value, json};

use crate::compare::{Item, Tree};
use crate::crosswalk::units::{CoveredBy, Effect, Link, UnitCoverage, UnitState};
use crate::crosswalk::{self, Crosswalk, Mapping, Status};
use crate::schema::Relation;
use crate::site::context::SiteCtx;
use crate::site::richtext::escape;
use crate::words::rests_on;

fn item(ctx: &SiteCtx, from: &str, i: &Item) -> Value {
    match ctx.corpus.element(&i.id) {
        Some(_) => ctx.element_link(from, &i.id),
        None => {
            json!({"href": null, "code": i.code, "text": i.text, "kind": i.kind.label(), "cert": ""})
        }
    }
}

fn link(ctx: &SiteCtx, from: &str, l: &Link) -> Value {
    json!({
        "effect": match l.effect { Effect::Covers => "covers", Effect::Partly => "partly", Effect::Listed => "listed" },
        "relation": l.relation.map(|r| r.label()),
        "status": l.status.name(),
        "status_label": l.status.verdict_label(),
        "with": l.with.iter().map(|i| item(ctx, from, i)).collect::<Vec<_>>(),
        "on": item(ctx, from, &l.on),
        "on_ancestor": false,
        "table": l.table.as_ref().map(|t| t.as_str().to_string()),
        "justification": l.justification,
        "author": l.author,
        "date": l.date,
        "score": l.score.map(|s| format!("{s:.2}")),
    })
}

fn competence(ctx: &SiteCtx, from: &str, c: &CoveredBy) -> Value {
    let mut links: Vec<Value> = c.rests_on.iter().map(|l| link(ctx, from, l)).collect();
    for (v, l) in links.iter_mut().zip(&c.rests_on) {
        v["on_ancestor"] = json!(l.on.id != c.competence.id);
    }
    json!({
        "competence": item(ctx, from, &c.competence),
        "state": c.state.name(),
        "state_label": c.state.label(),
        "links": links,
    })
}

fn unit(ctx: &SiteCtx, from: &str, u: &UnitCoverage) -> Value {
    let n = u.competences.len();
    let k = u.competences.iter().filter(|c| c.state == UnitState::Covered).count();
    let p = u.competences.iter().filter(|c| c.state == UnitState::Partial).count();
    let mut count = crate::words::passerelle::count(k, n);
    if p > 0 {
        count.push_str(&format!(", {}", rests_on::partly(p)));
    }
    json!({
        "unit": item(ctx, from, &u.unit),
        "state": u.state.name(),
        "state_label": u.state.label(),
        "count": count,
        "overridden": u.overridden,
        "rests_on": u.status.map(|s| rests_on::unit(s.verdict_label())),
        "competences": u.competences.iter().map(|c| competence(ctx, from, c)).collect::<Vec<_>>(),
    })
}

pub(super) fn mapping(ctx: &SiteCtx, from: &str, m: &Mapping) -> Value {
    json!({
        "status": m.status.name(),
        "status_label": m.status.label(),
        "a_id": m.a.first().map(|i| i.id.local.to_string()),
        "b_id": m.b.first().map(|i| i.id.local.to_string()),
        "a": m.a.iter().map(|i| item(ctx, from, i)).collect::<Vec<_>>(),
        "b": m.b.iter().map(|i| item(ctx, from, i)).collect::<Vec<_>>(),
        "relation": m.relation.map(|r| r.label()),
        "score": m.score.map(|s| format!("{s:.2}")),
        "rank": m.rank,
        "mutual": m.mutual,
        "words": m.words,
        "evidence": m.evidence,
        "justification": m.justification,
        "author": m.author,
        "date": m.date,
        "note": m.note,
    })
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

/// The per-compétence list that stands for the heat map on a phone: each compétence of `a` with
/// its links, strongest first.
fn heat_list(ctx: &SiteCtx, from: &str, ta: &Tree, tb: &Tree, cw: &Crosswalk) -> Vec<Value> {
    crosswalk::suggest::members(ta)
        .into_iter()
        .map(|i| {
            let key = &ta.elems[i].key;
            let mut ms: Vec<&Mapping> = cw.mappings().filter(|m| m.a.iter().any(|x| &x.id == key) && !m.b.is_empty()).collect();
            ms.sort_by_key(|m| priority(m));
            let links: Vec<Value> = ms
                .iter()
                .flat_map(|m| m.b.iter().filter(|y| tb.find(&y.id).is_some()).map(move |y| (m, y)))
                .map(|(m, y)| {
                    let (class, glyph) = cell_class(m, m.relation);
                    json!({"class": class, "glyph": glyph, "with": item(ctx, from, y), "relation": m.relation.map(|r| r.label()), "status": m.status.short_label(), "score": m.score.map(|s| format!("{s:.2}"))})
                })
                .collect();
            json!({"item": item(ctx, from, &Item::of(ta.elems[i])), "links": links})
        })
        .collect()
}

/// The template context of the passerelle page of `cw`, at `path`.
#[expect(
    clippy::too_many_arguments,
    reason = "the page's two sides, each with its link and holder"
)]
pub fn context(
    ctx: &SiteCtx,
    path: &str,
    cw: &Crosswalk,
    title: &str,
    a_link: Value,
    b_link: Value,
    holder_a: &str,
    holder_b: &str,
) -> Value {
    let (a, b) = (&cw.a.cert, &cw.b.cert);
    let (ta, tb) = (Tree::build(ctx.corpus, a), Tree::build(ctx.corpus, b));
    let side = |s: &crosswalk::SideCoverage| {
        json!({
            "competences": s.competences,
            "covered": s.covered,
            "share": s.share.map(|x| format!("{:.0} %", x * 100.0)),
            "without": s.without.iter().map(|i| item(ctx, path, i)).collect::<Vec<_>>(),
        })
    };
    let groups: Vec<Value> = [crosswalk::Group::Competences, crosswalk::Group::Criteres, crosswalk::Group::Savoirs]
        .iter()
        .map(|g| json!({
            "label": g.label(),
            "open": *g == crosswalk::Group::Competences,
            "mappings": cw.suggested.iter().filter(|m| m.group == Some(*g)).map(|m| mapping(ctx, path, m)).collect::<Vec<_>>(),
        }))
        .collect();
    let statements: Vec<Value> = cw
        .units
        .statements
        .iter()
        .map(|s| json!({
            "cert": ctx.corpus.cert(&s.cert).map(crate::present::short_cert).unwrap_or_else(|| s.cert.to_string()),
            "heading": item(ctx, path, &s.heading),
            "text": s.text.iter().map(|t| item(ctx, path, t)).collect::<Vec<_>>(),
            "none": s.none,
        }))
        .collect();
    json!({
        "title": title,
        "review": {"a": a.as_str(), "b": b.as_str(), "hash": crosswalk::tables_hash(ctx.corpus, a, b)},
        "a": a_link,
        "b": b_link,
        "statements": statements,
        "official": cw.official.iter().chain(&cw.curated).chain(&cw.inferred).map(|m| mapping(ctx, path, m)).collect::<Vec<_>>(),
        "groups": groups,
        "coverage_a": side(&cw.coverage.a),
        "coverage_b": side(&cw.coverage.b),
        "heat_map": heat_map(&ta, &tb, cw),
        "heat_list": heat_list(ctx, path, &ta, &tb, cw),
        "passerelle": [
            {"holder": holder_a, "other": holder_b, "units": cw.units.holder_of_a.iter().map(|u| unit(ctx, path, u)).collect::<Vec<_>>()},
            {"holder": holder_b, "other": holder_a, "units": cw.units.holder_of_b.iter().map(|u| unit(ctx, path, u)).collect::<Vec<_>>()},
        ],
    })
}
