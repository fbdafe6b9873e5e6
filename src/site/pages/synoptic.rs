//! (#27) A certification at a glance, as the REAC's « vue synoptique » draws it: its activités
//! types (or fonctions, or blocs) → their compétences → the CCP, blocs or unités that certify
//! them. Drawn at build time as inline SVG (no script; each box a link), with the same content as
//! a vertical list for a phone.

use serde::Serialize;

use crate::fiche::Fiche;
use crate::ids::ElementKey;
use crate::model::{Certification, Element};
use crate::present::truncate;
use crate::schema::Kind;
use crate::site::context::{SiteCtx, escape};
use crate::urls;

const W: f64 = 960.0;
const ROW: f64 = 46.0;
const GAP: f64 = 10.0;
const COL_GROUP: (f64, f64) = (0.0, 250.0);
const COL_COMP: (f64, f64) = (290.0, 630.0);
const COL_CERT: (f64, f64) = (690.0, 960.0);

struct Row<'c> {
    comp: &'c Element,
    group: Option<&'c Element>,
    certifiers: Vec<&'c Element>,
}

/// A certification at a glance (`synoptic` in `cert.html`): the picture, and the same as a list.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Synoptic {
    svg: String,
    list: Vec<Group>,
}

/// The compétences under one group (none for those outside any).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Group {
    group: Option<Box_>,
    items: Vec<Item>,
}

/// A top-level compétence and the units that certify it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Item {
    href: String,
    name: String,
    certified: Vec<Box_>,
}

/// A group or a certifying unit, by its kind and name.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Box_ {
    href: String,
    name: String,
    kind: &'static str,
}

/// The synoptic of certification `c` for its page at `from`, or `None` when it has no
/// compétence.
pub fn context(ctx: &SiteCtx, from: &str, c: &Certification) -> Option<Synoptic> {
    let corpus = ctx.corpus;
    let is_group =
        |k: Kind| matches!(k, Kind::ActiviteType | Kind::Fonction | Kind::BlocCompetences);
    let mut rows: Vec<Row> = Vec::new();
    for e in corpus.elements_of(&c.id).filter(|e| e.kind.is_competence()) {
        let Some(f) = Fiche::of(corpus, ctx.graph, &e.key) else { continue };
        // Top-level compétences only: those with no compétence above them.
        if f.path.iter().any(|k| corpus.element(k).is_some_and(|a| a.kind.is_competence())) {
            continue;
        }
        let group = f.path.iter().filter_map(|k| corpus.element(k)).find(|a| is_group(a.kind));
        let mut certifiers: Vec<&Element> = Vec::new();
        for a in &f.certified_by {
            if let Some(b) = corpus.element(&a.by).filter(|b| b.kind.is_unit())
                && !certifiers.iter().any(|x| x.key == b.key)
            {
                certifiers.push(b);
            }
        }
        rows.push(Row { comp: e, group, certifiers });
    }
    if rows.is_empty() {
        return None;
    }
    let mut certs: Vec<&Element> = Vec::new();
    for r in &rows {
        for b in &r.certifiers {
            if !certs.iter().any(|x| x.key == b.key) {
                certs.push(b);
            }
        }
    }
    certs.sort_by_key(|b| corpus.element_index(&b.key));
    Some(Synoptic { svg: svg(ctx, from, c, &rows, &certs), list: list(ctx, from, &rows) })
}

fn name(e: &Element) -> String {
    match &e.code {
        Some(code) => format!("{code} {}", e.text()),
        None => e.text().to_string(),
    }
}

/// Words on at most `lines` lines of about `width` characters; the last cut with « … ».
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    for w in text.split_whitespace() {
        let cur = out.last_mut().expect("a line");
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            if out.len() == lines {
                let last = out.last_mut().expect("a line");
                *last = truncate(&format!("{last} {w}…"), width);
                return out;
            }
            out.push(w.to_string());
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
    }
    out
}

#[expect(clippy::too_many_arguments, reason = "one box of the picture: where, what, how drawn")]
fn boxed(
    out: &mut String,
    href: &str,
    title: &str,
    (x0, x1): (f64, f64),
    y: f64,
    h: f64,
    class: &str,
    text: &str,
    width: usize,
) {
    let lines = wrap(text, width, ((h - 8.0) / 16.0).floor().max(1.0) as usize);
    let ty = y + h / 2.0 - (lines.len() as f64 - 1.0) * 8.0 + 5.0;
    out.push_str(&format!(
        "<a href=\"{}\"><title>{}</title><rect class=\"{class}\" x=\"{x0}\" y=\"{y}\" width=\"{}\" height=\"{h}\" rx=\"6\"/><text x=\"{}\" y=\"{ty}\">",
        escape(href),
        escape(title),
        x1 - x0,
        x0 + 8.0
    ));
    for (i, l) in lines.iter().enumerate() {
        out.push_str(&format!(
            "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
            x0 + 8.0,
            if i == 0 { 0.0 } else { 16.0 },
            escape(l)
        ));
    }
    out.push_str("</text></a>");
}

fn svg(ctx: &SiteCtx, from: &str, c: &Certification, rows: &[Row], certs: &[&Element]) -> String {
    let href = |k: &ElementKey| urls::rel(from, &urls::element(k));
    let top = 28.0;
    let y_of = |i: usize| top + i as f64 * (ROW + GAP);
    let h = y_of(rows.len()) + 4.0;
    let mut out = format!(
        "<svg class=\"synoptic\" viewBox=\"0 0 {W} {h}\" aria-labelledby=\"syn-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"syn-title\">{}</title>",
        escape(&format!("{} : vue d’ensemble", crate::present::short_cert(c)))
    );
    let words = &crate::words::synoptic::COLUMNS;
    for (i, (x0, _)) in [COL_GROUP, COL_COMP, COL_CERT].iter().enumerate() {
        out.push_str(&format!(
            "<text class=\"head\" x=\"{x0}\" y=\"16\">{}</text>",
            escape(words[i])
        ));
    }
    // Connectors first, under the boxes: compétence → each of its certifiers.
    let cert_span = spans(rows, certs, |r, b| r.certifiers.iter().any(|x| x.key == b.key));
    for (i, r) in rows.iter().enumerate() {
        for b in &r.certifiers {
            let j = certs.iter().position(|x| x.key == b.key).expect("listed");
            let (a, z) = cert_span[j];
            let (y0, y1) = (y_of(a), y_of(z) + ROW);
            out.push_str(&format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                COL_COMP.1,
                y_of(i) + ROW / 2.0,
                COL_CERT.0,
                (y0 + y1) / 2.0
            ));
        }
        if r.group.is_some() {
            out.push_str(&format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                COL_GROUP.1,
                y_of(i) + ROW / 2.0,
                COL_COMP.0,
                y_of(i) + ROW / 2.0
            ));
        }
    }
    // Groups: one box over the rows of their compétences (consecutive in document order).
    let mut i = 0;
    while i < rows.len() {
        let g = rows[i].group;
        let mut z = i;
        while z + 1 < rows.len() && rows[z + 1].group.map(|x| &x.key) == g.map(|x| &x.key) {
            z += 1;
        }
        if let Some(g) = g {
            boxed(
                &mut out,
                &href(&g.key),
                &name(g),
                COL_GROUP,
                y_of(i),
                y_of(z) + ROW - y_of(i),
                "group",
                &crate::present::named_label(g),
                30,
            );
        }
        i = z + 1;
    }
    for (i, r) in rows.iter().enumerate() {
        boxed(
            &mut out,
            &href(&r.comp.key),
            &name(r.comp),
            COL_COMP,
            y_of(i),
            ROW,
            "comp",
            &name(r.comp),
            44,
        );
    }
    for (j, b) in certs.iter().enumerate() {
        let (a, z) = cert_span[j];
        let _ = ctx;
        boxed(
            &mut out,
            &href(&b.key),
            &name(b),
            COL_CERT,
            y_of(a),
            y_of(z) + ROW - y_of(a),
            "cert",
            &format!("{} {}", b.kind.label(), name(b)),
            33,
        );
    }
    out.push_str("</svg>");
    out
}

/// The rows each certifier box spans: those of its compétences when the spans do not overlap
/// (a CCP per activité type), otherwise equal shares of the height in order.
fn spans(
    rows: &[Row],
    certs: &[&Element],
    has: impl Fn(&Row, &Element) -> bool,
) -> Vec<(usize, usize)> {
    let own: Vec<(usize, usize)> = certs
        .iter()
        .map(|b| {
            let idx: Vec<usize> =
                rows.iter().enumerate().filter(|(_, r)| has(r, b)).map(|(i, _)| i).collect();
            (*idx.first().unwrap_or(&0), *idx.last().unwrap_or(&0))
        })
        .collect();
    let overlap = own.windows(2).any(|w| w[1].0 <= w[0].1);
    if !overlap && certs.len() <= rows.len() {
        return own;
    }
    // One row each, spread down the column.
    let n = certs.len().max(1);
    (0..n)
        .map(|j| {
            let a = j * rows.len() / n;
            (a.min(rows.len() - 1), a.min(rows.len() - 1))
        })
        .collect()
}

fn list(ctx: &SiteCtx, from: &str, rows: &[Row]) -> Vec<Group> {
    let href = |k: &ElementKey| urls::rel(from, &urls::element(k));
    let mut groups: Vec<Group> = Vec::new();
    let mut last: Option<&ElementKey> = None;
    for r in rows {
        let item = Item {
            href: href(&r.comp.key),
            name: name(r.comp),
            certified: r
                .certifiers
                .iter()
                .map(|b| Box_ {
                    href: href(&b.key),
                    name: b.code.clone().unwrap_or_else(|| truncate(b.text(), 40)),
                    kind: b.kind.label(),
                })
                .collect(),
        };
        let key = r.group.map(|g| &g.key);
        if groups.is_empty() || key != last {
            let group =
                r.group.map(|g| Box_ { href: href(&g.key), name: name(g), kind: g.kind.label() });
            groups.push(Group { group, items: Vec::new() });
            last = key;
        }
        groups.last_mut().expect("a group").items.push(item);
    }
    let _ = ctx;
    groups
}
