//! The answer an evolution page leads with (#25): what each side is, the verdict per certifying
//! unit (with the table row that decides, the change of its title and the changes inside it), and
//! a picture of what moved — an inline SVG drawn here, old units and compétences on the left,
//! new ones on the right, one band per pairing coloured by its verdict or class — with the same
//! pairings as a list for narrow screens. No script.

use std::fmt::Write;

use serde::Serialize;

use crate::diff::units::{Cited, UnitVerdict};
use crate::diff::{Class, DiffReport, Level};
use crate::ids::ElementKey;
use crate::present::truncate;
use crate::site::context::SiteCtx;
use crate::site::richtext::escape;
use crate::urls;
use crate::words::evolution as w;

use super::compare::Compared;

/// An element with the lines it is printed on.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct CitedView {
    #[serde(flatten)]
    item: Compared,
    lines: String,
    /// Its place in the source view.
    source: String,
}

fn cited(ctx: &SiteCtx, from: &str, c: &Cited) -> CitedView {
    CitedView {
        item: Compared::of(ctx, from, &c.item, None),
        lines: c.lines.to_string(),
        source: urls::rel(from, &urls::source_line(&c.doc, c.lines.first)),
    }
}

/// A unit of the new version and its verdict.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct UnitRow {
    verdict: &'static str,
    label: &'static str,
    unit: CitedView,
    /// The other units it stands with, by kind and code.
    also: String,
    counterparts: Vec<CounterpartRow>,
    title_change: Option<&'static str>,
    content_unknown: bool,
    evidence: Vec<EvidenceRow>,
    unchanged: usize,
    by_activite: Option<&'static str>,
}

/// An old unit it pairs with, and why.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct CounterpartRow {
    old: CitedView,
    also: String,
    reason: Option<String>,
    /// The table row that decides.
    row: Option<TableRow>,
    by_activite: bool,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct TableRow {
    table: String,
    status: &'static str,
    lines: Option<String>,
    source: Option<String>,
}

/// A change inside the unit.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct EvidenceRow {
    class: &'static str,
    label: &'static str,
    degree: Option<&'static str>,
    /// Came in from another unit, or went out to one.
    way: Option<&'static str>,
    kind: &'static str,
    old: Vec<CitedView>,
    new: Vec<CitedView>,
}

fn unit_row(
    ctx: &SiteCtx,
    from: &str,
    u: &UnitVerdict,
    reason: &dyn Fn(&crate::diff::Reason) -> String,
) -> UnitRow {
    let also = |items: &[crate::compare::Item]| {
        items
            .iter()
            .map(|i| format!("{} {}", i.kind.label(), i.code.clone().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let counterparts = u
        .counterparts
        .iter()
        .map(|c| {
            let row = c.row.as_ref().map(|r| TableRow {
                table: urls::rel(from, &urls::correspondence(&r.table)),
                status: crate::crosswalk::Status::from(r.status).label(),
                lines: r.lines.map(|l| l.to_string()),
                source: match (&r.doc, &r.lines) {
                    (Some(d), Some(l)) => Some(urls::rel(from, &urls::source_line(d, l.first))),
                    _ => None,
                },
            });
            CounterpartRow {
                old: cited(ctx, from, &c.old),
                also: also(&c.also),
                reason: c.reason.as_ref().map(reason),
                row,
                by_activite: c.old.item.kind.family() == crate::schema::Family::Activite
                    && !u.by_activite,
            }
        })
        .collect();
    let evidence = u
        .evidence
        .iter()
        .map(|e| EvidenceRow {
            class: e.class.name(),
            label: e.class.label(),
            degree: e.degree.map(|d| d.label()),
            way: if !e.old_inside && !e.old.is_empty() {
                Some(w::CAME_IN)
            } else if !e.new_inside && !e.new.is_empty() {
                Some(w::WENT_OUT)
            } else {
                None
            },
            kind: e.kind.label(),
            old: e.old.iter().map(|c| cited(ctx, from, c)).collect(),
            new: e.new.iter().map(|c| cited(ctx, from, c)).collect(),
        })
        .collect();
    UnitRow {
        verdict: u.verdict.name(),
        label: u.verdict.label(),
        unit: cited(ctx, from, &u.unit),
        also: also(&u.also),
        counterparts,
        title_change: u.title_change.map(|d| d.label()),
        content_unknown: !u.counterparts.is_empty() && !u.old_content_known,
        evidence,
        unchanged: u.unchanged,
        by_activite: if u.by_activite { Some(w::AT_FOR_CCP) } else { None },
    }
}

/// A node of the picture: an old or new unit, or a compétence.
struct Node {
    key: ElementKey,
    label: String,
    title: String,
    unit: bool,
    /// The verdict of an unpaired unit (nouveau, supprimé), shown as its box's stripe.
    mark: Option<&'static str>,
}

fn node(c: &Cited, unit: bool, mark: Option<&'static str>) -> Node {
    let code = c.item.code.clone().map(|x| format!("{x} ")).unwrap_or_default();
    let prefix = if unit && c.item.code.is_none() {
        format!("{} ", c.item.kind.label())
    } else {
        String::new()
    };
    Node {
        key: c.item.id.clone(),
        label: truncate(&format!("{prefix}{code}{}", c.item.text), if unit { 34 } else { 40 }),
        title: format!("{} {code}{}", c.item.kind.label(), c.item.text),
        unit,
        mark,
    }
}

/// One pairing drawn: the old node, the new node, the CSS class and the sentence of its title.
struct Band {
    old: ElementKey,
    new: ElementKey,
    class: String,
    title: String,
    unit: bool,
}

/// The nodes and bands of a report: units with their compétences, then the other compétences.
fn layout(report: &DiffReport) -> (Vec<Node>, Vec<Node>, Vec<Band>) {
    let comps = report.coverage.compared.contains(&Level::Competences);
    let mut left: Vec<Node> = Vec::new();
    let mut right: Vec<Node> = Vec::new();
    let mut bands = Vec::new();
    for u in &report.units {
        if u.verdict == crate::diff::Verdict::Supprime {
            left.push(node(&u.unit, true, Some("supprime")));
            continue;
        }
        let mark = matches!(
            u.verdict,
            crate::diff::Verdict::Nouveau | crate::diff::Verdict::NonComparable
        )
        .then_some(u.verdict.name());
        right.push(node(&u.unit, true, mark));
        for c in &u.counterparts {
            if !left.iter().any(|n| n.key == c.old.item.id) {
                left.push(node(&c.old, true, None));
            }
            bands.push(Band {
                old: c.old.item.id.clone(),
                new: u.unit.item.id.clone(),
                class: format!("v-{}", u.verdict.name()),
                title: format!(
                    "{} → {} : {}",
                    c.old.item.text,
                    u.unit.item.text,
                    u.verdict.label()
                ),
                unit: true,
            });
        }
    }
    if comps {
        for ch in report.changes.iter().filter(|c| c.kind.diff_level() == Level::Competences) {
            let as_cited = |i: &crate::compare::Item| Cited {
                item: i.clone(),
                doc: crate::ids::DocId::new(""),
                lines: crate::schema::Lines { first: 0, last: 0 },
            };
            for i in &ch.old {
                if !left.iter().any(|n| n.key == i.id) {
                    left.push(node(
                        &as_cited(i),
                        false,
                        (ch.class == Class::Removed).then_some("supprime"),
                    ));
                }
            }
            for i in &ch.new {
                if !right.iter().any(|n| n.key == i.id) {
                    right.push(node(
                        &as_cited(i),
                        false,
                        (ch.class == Class::Added).then_some("nouveau"),
                    ));
                }
            }
            let what = match ch.degree {
                Some(d) => format!("{}, {}", ch.class.label(), d.label()),
                None => ch.class.label().to_string(),
            };
            let class = match (ch.class, ch.degree) {
                (Class::Unchanged, _) | (_, Some(crate::diff::Degree::Correction)) => {
                    "c-same".to_string()
                }
                (_, Some(crate::diff::Degree::Ajustement)) => "c-adjust".to_string(),
                (Class::Split | Class::Merged, _) => "c-split".to_string(),
                _ => "c-revise".to_string(),
            };
            for o in &ch.old {
                for n in &ch.new {
                    bands.push(Band {
                        old: o.id.clone(),
                        new: n.id.clone(),
                        class: class.clone(),
                        title: format!("{} → {} : {what}", o.text, n.text),
                        unit: false,
                    });
                }
            }
        }
    }
    (left, right, bands)
}

const W: f32 = 720.0;
const BOX: f32 = 290.0;

fn ys(nodes: &[Node]) -> Vec<(f32, f32)> {
    let mut y = 24.0;
    nodes
        .iter()
        .map(|n| {
            let h = if n.unit { 30.0 } else { 22.0 };
            let top = if n.unit && y > 24.0 { y + 6.0 } else { y };
            y = top + h + 4.0;
            (top, h)
        })
        .collect()
}

/// The picture of what moved, as inline SVG (no script), with a title per band.
fn svg(left: &[Node], right: &[Node], bands: &[Band], old_name: &str, new_name: &str) -> String {
    let (ly, ry) = (ys(left), ys(right));
    let height = ly.iter().chain(&ry).map(|(t, h)| t + h).fold(40.0f32, f32::max) + 8.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="evo-picture" viewBox="0 0 {W} {height}" width="100%" role="img" aria-labelledby="evo-picture-title" xmlns="http://www.w3.org/2000/svg"><title id="evo-picture-title">{}</title>"#,
        escape(&format!("{old_name} → {new_name}"))
    );
    let _ = write!(
        s,
        r#"<text class="head" x="0" y="14">{}</text><text class="head" x="{}" y="14">{}</text>"#,
        escape(&truncate(old_name, 40)),
        W - BOX,
        escape(&truncate(new_name, 40))
    );
    for b in bands {
        let (Some(i), Some(j)) =
            (left.iter().position(|n| n.key == b.old), right.iter().position(|n| n.key == b.new))
        else {
            continue;
        };
        let (y1, y2) = (ly[i].0 + ly[i].1 / 2.0, ry[j].0 + ry[j].1 / 2.0);
        let (x1, x2) = (BOX, W - BOX);
        let mid = (x1 + x2) / 2.0;
        let _ = write!(
            s,
            r#"<path class="band {} {}" data-old="{}" data-new="{}" d="M{x1},{y1:.1} C{mid},{y1:.1} {mid},{y2:.1} {x2},{y2:.1}"><title>{}</title></path>"#,
            if b.unit { "unit" } else { "comp" },
            b.class,
            escape(&b.old.to_string()),
            escape(&b.new.to_string()),
            escape(&b.title)
        );
    }
    for (nodes, pos, x) in [(left, &ly, 0.0f32), (right, &ry, W - BOX)] {
        for (n, (top, h)) in nodes.iter().zip(pos.iter()) {
            let indent = if n.unit { 0.0 } else { 12.0 };
            let cls = format!(
                "node{}{}",
                if n.unit { " unit" } else { "" },
                n.mark.map(|m| format!(" v-{m}")).unwrap_or_default()
            );
            let _ = write!(
                s,
                r#"<g class="{cls}"><title>{}</title><rect x="{}" y="{top}" width="{}" height="{h}" rx="4"/><text x="{}" y="{:.1}">{}</text></g>"#,
                escape(&n.title),
                x + indent,
                BOX - indent,
                x + indent + 8.0,
                top + h / 2.0 + 4.0,
                escape(&n.label)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// What the evolution page shows first (`diff.lead` in `diff.html`).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct Lead {
    /// What each side is, in a sentence.
    sentence: String,
    old_only: String,
    new_only: String,
    old_only_title: String,
    new_only_title: String,
    units: Vec<UnitRow>,
    verdict_counts: Vec<VerdictCount>,
    /// The picture of what moved, in SVG.
    picture: String,
    /// The picture's bands as a list, for a phone.
    pairings: Vec<Pairing>,
    bands: usize,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct VerdictCount {
    verdict: &'static str,
    label: &'static str,
    n: usize,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Pairing {
    text: String,
    class: String,
    unit: bool,
}

/// What the evolution page shows first: coverage, verdicts, picture and its list.
pub(crate) fn lead(
    ctx: &SiteCtx,
    from: &str,
    report: &DiffReport,
    reason: &dyn Fn(&crate::diff::Reason) -> String,
    old_name: &str,
    new_name: &str,
) -> Lead {
    let (mut left, mut right, bands) = layout(report);
    // Units first, then compétences, each column in its own document's order: the crossings of
    // the bands show what moved.
    // New units keep the verdict table's order (by code); old ones follow their document.
    for (nodes, cert, old) in
        [(&mut left, &report.old.cert, true), (&mut right, &report.new.cert, false)]
    {
        let tree = crate::compare::Tree::build(ctx.corpus, cert);
        let units_order: Vec<ElementKey> =
            nodes.iter().filter(|n| n.unit).map(|n| n.key.clone()).collect();
        let doc_order =
            |k: &ElementKey| tree.find(k).map(|i| tree.preorder[i]).unwrap_or(usize::MAX);
        nodes.sort_by_key(|n| {
            (
                !n.unit,
                if n.unit && !old {
                    units_order.iter().position(|k| *k == n.key).unwrap_or(0)
                } else {
                    doc_order(&n.key)
                },
            )
        });
    }
    let picture = svg(&left, &right, &bands, old_name, new_name);
    let pairings = bands
        .iter()
        .map(|b| Pairing { text: b.title.clone(), class: b.class.clone(), unit: b.unit })
        .collect();
    let apart = |m: &std::collections::BTreeMap<crate::schema::Kind, usize>| {
        m.iter()
            .map(|(k, n)| format!("{} {n}", k.plural().to_lowercase()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let verdict_counts = crate::diff::Verdict::ALL
        .iter()
        .map(|v| VerdictCount {
            verdict: v.name(),
            label: v.label(),
            n: report.units.iter().filter(|u| u.verdict == *v).count(),
        })
        .filter(|v| v.n != 0)
        .collect();
    Lead {
        sentence: report.coverage.sentence.clone(),
        old_only: apart(&report.coverage.old_only),
        new_only: apart(&report.coverage.new_only),
        old_only_title: w::only_one_side(old_name),
        new_only_title: w::only_one_side(new_name),
        units: report.units.iter().map(|u| unit_row(ctx, from, u, reason)).collect(),
        verdict_counts,
        picture,
        pairings,
        bands: bands.len(),
    }
}
