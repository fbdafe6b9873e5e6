//! Pages that compare certifications: the diff of each lineage pair (what changed from one
//! version to the next) and the crosswalk of each pair (its page: [`super::passerelle`]).

use serde_json::{Value, json};

use crate::compare::Item;
use crate::crosswalk;
use crate::diff::{self, Change, DiffOptions, Reason, WordOp};
use crate::ids::{CertId, ElementKey, LocalId};
use crate::present::{pairing, short_cert};
use crate::schema::{CorrespondenceStatus, Family};
use crate::site::context::SiteCtx;
use crate::site::richtext::escape;
use crate::urls;

use super::Page;

pub(crate) fn diff_path(old: &CertId, new: &CertId) -> String {
    format!("evolutions/{old}--{new}.html")
}
/// One page per pair of certifications, whichever way it is asked for (B ↔ A is A ↔ B's page).
pub(crate) fn crosswalk_path(a: &CertId, b: &CertId) -> String {
    let (x, y) = if a.as_str() <= b.as_str() { (a, b) } else { (b, a) };
    format!("passerelles/{x}--{y}.html")
}

fn item(ctx: &SiteCtx, from: &str, i: &Item) -> Value {
    match ctx.corpus.element(&i.id) {
        Some(_) => ctx.element_link(from, &i.id),
        None => {
            json!({"href": null, "code": i.code, "text": i.text, "kind": i.kind.label(), "cert": ""})
        }
    }
}

fn words_html(ops: &[WordOp]) -> String {
    let mut out = String::new();
    for (i, op) in ops.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match op {
            WordOp::Same(w) => out.push_str(&escape(w)),
            WordOp::Removed(w) => out.push_str(&format!("<del>{}</del>", escape(w))),
            WordOp::Added(w) => out.push_str(&format!("<ins>{}</ins>", escape(w))),
        }
    }
    out
}

/// Is the change about the framework itself (activités, compétences), which an evolution page
/// shows first, rather than about the document, the criteria or the evaluation?
fn is_framework(c: &Change) -> bool {
    matches!(c.kind.family(), Family::Competence | Family::Activite)
}

/// The reason of a pairing in French, elements named by code and title, never by internal id.
fn reason_fr(ctx: &SiteCtx, old: &CertId, r: &Reason) -> String {
    let pct = |x: f64| (x * 100.0).round() as i64;
    // The kind of the certifying units, in the plural ("CCP", "Blocs de compétences").
    let units = |cert: &CertId, local: &str| {
        let key = ElementKey::new(cert.clone(), LocalId::new(local));
        ctx.corpus.element(&key).map(|e| e.kind.plural()).unwrap_or_default()
    };
    match r {
        Reason::OfficialTable { relation, .. } => {
            pairing::table(CorrespondenceStatus::Official, relation.label())
        }
        Reason::CuratedTable { relation, .. } => {
            pairing::table(CorrespondenceStatus::Curated, relation.label())
        }
        Reason::InferredTable { relation, .. } => {
            pairing::table(CorrespondenceStatus::Inferred, relation.label())
        }
        Reason::CertifiedByTablePair { old: o, .. } => pairing::certified_by(units(old, o)),
        Reason::SameId { score, .. } => pairing::same_place(pct(*score)),
        Reason::Code { code } => pairing::code(code),
        Reason::Similarity { score, shared } => pairing::similar(pct(*score), shared),
        Reason::Coverage { score, shared } => pairing::coverage(pct(*score), shared),
        Reason::Rest { score, shared, siblings } => pairing::rest(*siblings, pct(*score), shared),
    }
}

fn change(ctx: &SiteCtx, from: &str, old: &CertId, c: &Change, only_named: bool) -> Value {
    // When the old version is known only by name, a compétence of the new one is not "added":
    // nothing is known of what it replaces.
    let unknown = only_named && c.class == diff::Class::Added && c.reason.is_none();
    json!({
        "class": if unknown { "unknown" } else { c.class.name() },
        "label": if unknown { pairing::NOT_COMPARABLE } else { c.class.label() },
        "kind": c.kind.label(),
        "depth": c.depth.min(6),
        "old": c.old.iter().map(|i| item(ctx, from, i)).collect::<Vec<_>>(),
        "new": c.new.iter().map(|i| item(ctx, from, i)).collect::<Vec<_>>(),
        "reason": c.reason.as_ref().map(|r| reason_fr(ctx, old, r)),
        "words": c.words.as_deref().map(words_html),
    })
}

pub fn render_all(ctx: &SiteCtx) -> Result<(Vec<Page>, Value), String> {
    let mut pages = Vec::new();
    let mut diffs = Vec::new();
    for (old, new) in diff::lineage_pairs(ctx.corpus) {
        let path = diff_path(&old, &new);
        let report = diff::diff(ctx.corpus, &old, ctx.corpus, &new, &DiffOptions::default());
        let summary: Vec<Value> = diff::Class::ALL
            .iter()
            .map(|c| json!({"class": c.name(), "label": c.label(), "n": report.summary.count(*c)}))
            .collect();
        // Children follow their parents: an added (removed) element under an added (removed)
        // parent is counted, not listed again.
        let added: std::collections::HashSet<&crate::ids::ElementKey> =
            report.of_class(diff::Class::Added).flat_map(|c| c.new.iter().map(|i| &i.id)).collect();
        let removed: std::collections::HashSet<&crate::ids::ElementKey> = report
            .of_class(diff::Class::Removed)
            .flat_map(|c| c.old.iter().map(|i| &i.id))
            .collect();
        let folded = |c: &&Change| match c.class {
            diff::Class::Added => {
                c.new.iter().all(|i| i.parent.as_ref().is_some_and(|p| added.contains(p)))
            }
            diff::Class::Removed => {
                c.old.iter().all(|i| i.parent.as_ref().is_some_and(|p| removed.contains(p)))
            }
            _ => false,
        };
        let only_named = ctx.corpus.cert(&old).is_some_and(|c| c.only_named);
        let pair = &old;
        // The framework first: every activité and compétence of either side, unchanged ones too.
        let framework: Vec<Value> = report
            .changes
            .iter()
            .filter(|c| is_framework(c))
            .map(|c| change(ctx, &path, pair, c, only_named))
            .collect();
        let rest = || report.changes.iter().filter(|c| !is_framework(c));
        let listed: Vec<Value> = rest()
            .filter(|c| c.class != diff::Class::Unchanged)
            .filter(|c| !folded(c))
            .map(|c| change(ctx, &path, pair, c, only_named))
            .collect();
        let folded_count = rest().filter(|c| folded(c)).count();
        let framework_summary: Vec<Value> = diff::Class::ALL
            .iter()
            .map(|k| json!({"class": k.name(), "label": k.label(), "n": report.changes.iter().filter(|c| is_framework(c) && c.class == *k).count()}))
            .filter(|v| v["n"].as_u64() != Some(0))
            .collect();
        let framework_changed = report
            .changes
            .iter()
            .filter(|c| is_framework(c) && c.class != diff::Class::Unchanged)
            .count();
        let title = format!("{} → {}", cert_title(ctx, &old), cert_title(ctx, &new));
        let lead = super::evolution::lead(
            ctx,
            &path,
            &report,
            &|r| reason_fr(ctx, &old, r),
            &cert_title(ctx, &old),
            &cert_title(ctx, &new),
        );
        let tables: Vec<Value> = ctx.corpus.correspondences.iter().filter(|t| (t.from == old && t.to == new) || (t.from == new && t.to == old)).map(|t| json!({
            "href": urls::rel(&path, &urls::correspondence(&t.id)),
            "title": t.title.as_ref().map(|c| c.text.clone()).unwrap_or_else(|| t.id.to_string()),
            "status": crosswalk::Status::from(t.status).label(),
        })).collect();
        let mut cx = ctx.page(&path, &crate::words::page_words::evolution(&title));
        cx.insert(
            "diff",
            &json!({
                "lead": lead,
                "tables": tables,
                "title": title,
                "old": cert_link(ctx, &path, &old),
                "new": cert_link(ctx, &path, &new),
                "summary": summary,
                "old_elements": report.summary.old_elements,
                "new_elements": report.summary.new_elements,
                "framework": framework,
                "framework_changed": framework_changed,
                "framework_summary": framework_summary,
                "only_named": only_named,
                "changes": listed,
                "folded": folded_count,
                "unchanged": rest().filter(|c| c.class == diff::Class::Unchanged).count(),
            }),
        );
        pages.push((path.clone(), ctx.render("diff.html", &cx)?));
        diffs.push(json!({"href": path, "title": title}));
    }
    let mut walks = Vec::new();
    for cw in ctx.crosswalks().paged() {
        let (a, b) = (cw.a.cert.clone(), cw.b.cert.clone());
        let path = crosswalk_path(&a, &b);
        let title = format!("{} ↔ {}", cert_title(ctx, &a), cert_title(ctx, &b));
        let mut cx = ctx.page(&path, &format!("Passerelle : {title}"));
        cx.insert(
            "cw",
            &super::passerelle::context(
                ctx,
                &path,
                cw,
                &title,
                cert_link(ctx, &path, &a),
                cert_link(ctx, &path, &b),
                &cert_title(ctx, &a),
                &cert_title(ctx, &b),
            ),
        );
        pages.push((path.clone(), ctx.render("crosswalk.html", &cx)?));
        walks.push(json!({"href": path, "title": title}));
    }
    Ok((pages, json!({"diffs": diffs, "crosswalks": walks})))
}

fn cert_title(ctx: &SiteCtx, id: &CertId) -> String {
    ctx.corpus.cert(id).map(short_cert).unwrap_or_else(|| id.to_string())
}

fn cert_link(ctx: &SiteCtx, from: &str, id: &CertId) -> Value {
    json!({"href": urls::rel(from, &urls::cert(id)), "title": cert_title(ctx, id)})
}
