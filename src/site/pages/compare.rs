//! Pages that compare certifications: the diff of each lineage pair (what changed from one
//! version to the next) and the crosswalk of each pair (its page: [`super::passerelle`]).

use serde::Serialize;

use crate::compare::Item;
use crate::crosswalk;
use crate::diff::{self, Change, DiffOptions, Reason, WordOp};
use crate::ids::{CertId, ElementKey, LocalId};
use crate::present::{pairing, short_cert};
use crate::schema::{CorrespondenceStatus, Family};
use crate::site::context::{CertLink, ElementLink, SiteCtx};
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

/// An element of a compared certification: a link to its page when it has one, else what the
/// comparison knows of it (a version known only by name).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub(super) enum Compared {
    Linked(ElementLink),
    Unlinked {
        /// Always none: nothing to link to.
        href: Option<String>,
        code: Option<String>,
        text: String,
        kind: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        cert: Option<&'static str>,
    },
}

impl Compared {
    /// `i` linked from `from`; `cert` is what an unlinked one says of its certification.
    pub(super) fn of(ctx: &SiteCtx, from: &str, i: &Item, cert: Option<&'static str>) -> Self {
        match ctx.corpus.element(&i.id) {
            Some(_) => Compared::Linked(ctx.element_link(from, &i.id)),
            None => Compared::Unlinked {
                href: None,
                code: i.code.clone(),
                text: i.text.clone(),
                kind: i.kind.label(),
                cert,
            },
        }
    }
}

pub(super) fn item(ctx: &SiteCtx, from: &str, i: &Item) -> Compared {
    Compared::of(ctx, from, i, Some(""))
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

/// A change between two versions: its class, the elements on each side, and why they pair.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct ChangeView {
    class: &'static str,
    label: &'static str,
    kind: &'static str,
    depth: usize,
    old: Vec<Compared>,
    new: Vec<Compared>,
    reason: Option<String>,
    /// The words removed and added, in HTML.
    words: Option<String>,
}

fn change(ctx: &SiteCtx, from: &str, old: &CertId, c: &Change, only_named: bool) -> ChangeView {
    // When the old version is known only by name, a compétence of the new one is not "added":
    // nothing is known of what it replaces.
    let unknown = only_named && c.class == diff::Class::Added && c.reason.is_none();
    ChangeView {
        class: if unknown { "unknown" } else { c.class.name() },
        label: if unknown { pairing::NOT_COMPARABLE } else { c.class.label() },
        kind: c.kind.label(),
        depth: c.depth.min(6),
        old: c.old.iter().map(|i| item(ctx, from, i)).collect(),
        new: c.new.iter().map(|i| item(ctx, from, i)).collect(),
        reason: c.reason.as_ref().map(|r| reason_fr(ctx, old, r)),
        words: c.words.as_deref().map(words_html),
    }
}

/// `diff.html`: what changed from one version to the next.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct DiffPage {
    diff: DiffView,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct DiffView {
    /// The answer first (#25).
    lead: super::evolution::Lead,
    /// The correspondence tables between the two versions.
    tables: Vec<TableLink>,
    title: String,
    old: CertLink,
    new: CertLink,
    summary: Vec<ClassCount>,
    old_elements: usize,
    new_elements: usize,
    /// Every activité and compétence of either side, unchanged ones too.
    framework: Vec<ChangeView>,
    framework_changed: usize,
    framework_summary: Vec<ClassCount>,
    only_named: bool,
    /// The other changes, those under an added or removed parent folded.
    changes: Vec<ChangeView>,
    folded: usize,
    unchanged: usize,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct TableLink {
    href: String,
    title: String,
    status: &'static str,
}

/// How many changes of a class.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct ClassCount {
    class: &'static str,
    label: &'static str,
    n: usize,
}

/// `crosswalk.html`: the passerelle of a pair.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct CrosswalkPage<'a> {
    cw: super::passerelle::Passerelle<'a>,
}

/// The evolutions and passerelles, for the home page and the list of every comparison.
pub struct Comparisons {
    pub diffs: Vec<Listed>,
    pub crosswalks: Vec<Listed>,
}

/// A comparison page: its address from the site root, and its title.
pub struct Listed {
    pub href: String,
    pub title: String,
}

/// Every evolution and passerelle page, and their list for the home page.
pub fn render_all(ctx: &SiteCtx) -> Result<(Vec<Page>, Comparisons), crate::site::Error> {
    let mut pages = Vec::new();
    let mut diffs = Vec::new();
    for (old, new) in diff::lineage_pairs(ctx.corpus) {
        let path = diff_path(&old, &new);
        let report = diff::diff(ctx.corpus, &old, ctx.corpus, &new, &DiffOptions::default());
        let summary = diff::Class::ALL
            .iter()
            .map(|c| ClassCount { class: c.name(), label: c.label(), n: report.summary.count(*c) })
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
        let framework = report
            .changes
            .iter()
            .filter(|c| is_framework(c))
            .map(|c| change(ctx, &path, pair, c, only_named))
            .collect();
        let rest = || report.changes.iter().filter(|c| !is_framework(c));
        let listed = rest()
            .filter(|c| c.class != diff::Class::Unchanged)
            .filter(|c| !folded(c))
            .map(|c| change(ctx, &path, pair, c, only_named))
            .collect();
        let folded_count = rest().filter(|c| folded(c)).count();
        let framework_summary = diff::Class::ALL
            .iter()
            .map(|k| ClassCount {
                class: k.name(),
                label: k.label(),
                n: report.changes.iter().filter(|c| is_framework(c) && c.class == *k).count(),
            })
            .filter(|v| v.n != 0)
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
        let tables = ctx
            .corpus
            .correspondences
            .iter()
            .filter(|t| (t.from == old && t.to == new) || (t.from == new && t.to == old))
            .map(|t| TableLink {
                href: urls::rel(&path, &urls::correspondence(&t.id)),
                title: t.title.as_ref().map(|c| c.text.clone()).unwrap_or_else(|| t.id.to_string()),
                status: crosswalk::Status::from(t.status).label(),
            })
            .collect();
        let base = ctx.base(&path, &crate::words::page_words::evolution(&title));
        let body = DiffPage {
            diff: DiffView {
                lead,
                tables,
                title: title.clone(),
                old: cert_link(ctx, &path, &old),
                new: cert_link(ctx, &path, &new),
                summary,
                old_elements: report.summary.old_elements,
                new_elements: report.summary.new_elements,
                framework,
                framework_changed,
                framework_summary,
                only_named,
                changes: listed,
                folded: folded_count,
                unchanged: rest().filter(|c| c.class == diff::Class::Unchanged).count(),
            },
        };
        pages.push((path.clone(), ctx.render_page("diff.html", base, &body)?));
        diffs.push(Listed { href: path, title });
    }
    let mut walks = Vec::new();
    for cw in ctx.crosswalks().paged() {
        let (a, b) = (cw.a.cert.clone(), cw.b.cert.clone());
        let path = crosswalk_path(&a, &b);
        let title = format!("{} ↔ {}", cert_title(ctx, &a), cert_title(ctx, &b));
        let base = ctx.base(&path, &format!("Passerelle : {title}"));
        let (holder_a, holder_b) = (cert_title(ctx, &a), cert_title(ctx, &b));
        let body = CrosswalkPage {
            cw: super::passerelle::context(
                ctx,
                &path,
                cw,
                &title,
                cert_link(ctx, &path, &a),
                cert_link(ctx, &path, &b),
                &holder_a,
                &holder_b,
            ),
        };
        pages.push((path.clone(), ctx.render_page("crosswalk.html", base, &body)?));
        walks.push(Listed { href: path, title });
    }
    Ok((pages, Comparisons { diffs, crosswalks: walks }))
}

fn cert_title(ctx: &SiteCtx, id: &CertId) -> String {
    ctx.corpus.cert(id).map(short_cert).unwrap_or_else(|| id.to_string())
}

fn cert_link(ctx: &SiteCtx, from: &str, id: &CertId) -> CertLink {
    CertLink { href: urls::rel(from, &urls::cert(id)), title: cert_title(ctx, id) }
}
