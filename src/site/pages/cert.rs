//! The certification page (identity, whole structure as a collapsible tree, evaluation, tables)
//! and its printable document.

use serde::Serialize;

use crate::ids::ElementKey;
use crate::model::{Certification, Element};
use crate::present::{label, short_cert, truncate};
use crate::schema::{Family, Kind};
use crate::site::context::{CertLink, ElementLink, Fact, Provenance, SiteCtx, WithFacts, escape};
use crate::site::richtext::markdown;
use crate::urls;

use super::Page;
use super::grids::Files;
use super::plans::PlanLink;
use super::synoptic::Synoptic;

/// Identity of a certification, shared by its page, the home page and the document.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct Identity<'a> {
    id: &'a str,
    href: String,
    title: &'a str,
    short: String,
    kind: &'static str,
    version: &'a str,
    sigle: Option<&'a str>,
    only_named: bool,
    codes: Vec<CodeRef<'a>>,
    levels: Vec<Text<'a>>,
    dates: Vec<DateRef<'a>>,
    predecessors: Vec<CertLink>,
    successors: Vec<CertLink>,
    note: Option<String>,
    /// How many elements it has.
    elements: usize,
    provenance: Provenance<'a>,
}

/// A code of a certification (RNCP, ROME …), linked to its page.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct CodeRef<'a> {
    system: &'static str,
    code: &'a str,
    label: &'a Option<String>,
    href: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct DateRef<'a> {
    role: &'static str,
    text: &'a str,
    iso: &'a Option<String>,
}

pub(crate) fn identity<'a>(ctx: &SiteCtx<'a>, from: &str, c: &'a Certification) -> Identity<'a> {
    let cert_link = |id: &crate::ids::CertId| ctx.corpus.cert(id).map(|o| ctx.cert_link(from, o));
    let mut preds: Vec<CertLink> = c.predecessors.iter().filter_map(|l| cert_link(&l.id)).collect();
    let mut succs: Vec<CertLink> = c.successors.iter().filter_map(|l| cert_link(&l.id)).collect();
    // Succession stated on the other side only still shows on both: the graph holds both.
    for o in ctx.graph.predecessors(&c.id) {
        if !c.predecessors.iter().any(|l| l.id == *o) {
            preds.extend(cert_link(o));
        }
    }
    for o in ctx.graph.successors(&c.id) {
        if !c.successors.iter().any(|l| l.id == *o) {
            succs.extend(cert_link(o));
        }
    }
    Identity {
        id: c.id.as_str(),
        href: urls::rel(from, &urls::cert(&c.id)),
        title: &c.title.text,
        short: short_cert(c),
        kind: c.kind.label(),
        version: &c.version,
        sigle: c.sigle.as_ref().map(|s| s.text.as_str()),
        only_named: c.only_named,
        codes: c
            .codes
            .iter()
            .map(|k| CodeRef {
                system: k.system.label(),
                code: &k.code,
                label: &k.label,
                href: urls::rel(from, &urls::code(k.system, &k.code)),
            })
            .collect(),
        levels: c.levels.iter().map(|l| Text { text: &l.cite.text }).collect(),
        dates: c
            .dates
            .iter()
            .map(|d| DateRef { role: d.role.label(), text: &d.cite.text, iso: &d.iso })
            .collect(),
        predecessors: preds,
        successors: succs,
        note: c.note.as_deref().map(markdown),
        elements: ctx.corpus.elements_of(&c.id).count(),
        provenance: ctx.provenance(from, &c.title),
    }
}

/// Is the element part of the framework a reader navigates (activités, compétences, savoirs
/// associés, unités, épreuves, CCP, blocs), rather than a statement or the document's layout?
fn in_framework(e: &Element) -> bool {
    e.kind.has_fiche() || e.kind.family() == Family::Evaluation || e.kind == Kind::SavoirAssocie
}

/// The framework elements under `e`, through the document's sections.
fn framework_children<'c>(ctx: &'c SiteCtx, keys: &'c [ElementKey], out: &mut Vec<&'c Element>) {
    for k in keys {
        let e = ctx.corpus.element(k).expect("element");
        if in_framework(e) {
            out.push(e);
        } else if e.kind.family() == Family::Document {
            framework_children(ctx, &e.children, out);
        }
    }
}

/// The framework of a certification as nested lists: activités types → CP, fonctions → tâches,
/// C1 → C1.1 → C1.1.1, savoirs, unités and épreuves, CCP and blocs. Top levels open.
fn framework(ctx: &SiteCtx, from: &str, items: &[&Element], depth: usize, out: &mut String) {
    out.push_str(if depth == 0 { "<ul class=\"tree\">" } else { "<ul>" });
    for e in items {
        let a = format!(
            "<a href=\"{}\"><span class=\"k\">{}</span> {}</a>",
            escape(&urls::rel(from, &urls::element(&e.key))),
            escape(e.kind.label()),
            escape(&truncate(&label(e), 140))
        );
        let mut kids = Vec::new();
        framework_children(ctx, &e.children, &mut kids);
        if kids.is_empty() {
            out.push_str(&format!("<li>{a}</li>"));
        } else {
            let open = if depth < 1 { " open" } else { "" };
            let n = kids.len();
            out.push_str(&format!(
                "<li>{a}<details{open}><summary>{}</summary>",
                crate::words::page_words::children(n)
            ));
            framework(ctx, from, &kids, depth + 1, out);
            out.push_str("</details></li>");
        }
    }
    out.push_str("</ul>");
}

/// The compétences × what evaluates or certifies them (`grid` in `cert.html`).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct EvaluationMatrix<'a> {
    rows: Vec<EvaluationRow<'a>>,
    columns: Vec<EvaluationColumn<'a>>,
}

/// A compétence and how each column reaches it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct EvaluationRow<'a> {
    href: String,
    code: &'a Option<String>,
    text: String,
    by: Vec<ByGroup>,
    /// How many compétences are above it.
    depth: usize,
    cells: Vec<EvaluationCell>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct EvaluationCell {
    /// `marked`, `via`, `lost` or `none`.
    state: &'static str,
    label: String,
}

/// An épreuve, unit or CCP heading a column.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct EvaluationColumn<'a> {
    href: String,
    code: &'a Option<String>,
    kind: &'static str,
    text: String,
    facts: String,
}

/// Compétences × what evaluates or certifies them, from the `evaluates` / `certifies` links; a
/// link to a group above a compétence (the CCP certifies the activité type) marks it "via";
/// a cell that a source table records as lost says so.
fn evaluation_matrix<'a>(
    ctx: &SiteCtx<'a>,
    from: &str,
    c: &Certification,
) -> Option<EvaluationMatrix<'a>> {
    let corpus = ctx.corpus;
    let fiches: Vec<crate::fiche::Fiche> = corpus
        .elements_of(&c.id)
        .filter(|e| e.kind.is_competence())
        .filter_map(|e| crate::fiche::Fiche::of(corpus, ctx.graph, &e.key))
        .collect();
    let mut columns: Vec<&ElementKey> = Vec::new();
    for f in &fiches {
        for a in f.evaluated_by.iter().chain(&f.certified_by) {
            if !columns.contains(&&a.by) && a.via.as_ref().is_none_or(|v| f.path.contains(v)) {
                columns.push(&a.by);
            }
        }
    }
    if columns.is_empty() {
        return None;
    }
    columns.sort_by_key(|k| corpus.element_index(k));
    // A matrix records the cell as lost, read either way (compétence as row or as column): only
    // the matrices in which the compétence heads a row or a column are looked at.
    let first = |k: &ElementKey, mi: usize, row: bool| {
        ctx.in_matrices(k).iter().find(|&&(m, r, _)| m == mi && r == row).map(|&(_, _, i)| i)
    };
    let lost = |row: &ElementKey, col: &ElementKey| {
        let mut seen: Vec<usize> = Vec::new();
        ctx.in_matrices(row).iter().any(|&(mi, _, _)| {
            if seen.contains(&mi) {
                return false;
            }
            seen.push(mi);
            let m = &corpus.matrices[mi];
            let is_lost = |r: Option<usize>, k: Option<usize>| matches!((r, k), (Some(r), Some(k)) if m.cells[r][k].state == crate::schema::CellState::Lost);
            is_lost(first(row, mi, true), first(col, mi, false)) || is_lost(first(col, mi, true), first(row, mi, false))
        })
    };
    let cell = |state: &'static str, label: String| EvaluationCell { state, label };
    let rows = fiches
        .iter()
        .map(|f| {
            let e = corpus.element(&f.key).expect("compétence");
            let cells = columns
                .iter()
                .map(|col| {
                    let found = f.evaluated_by.iter().chain(&f.certified_by).find(|a| {
                        &a.by == *col && a.via.as_ref().is_none_or(|v| f.path.contains(v))
                    });
                    match found {
                        Some(a) if a.via.is_none() => cell("marked", a.rel.labels().1.to_string()),
                        Some(a) => cell(
                            "via",
                            format!(
                                "{} (via {})",
                                a.rel.labels().1,
                                corpus
                                    .element(a.via.as_ref().unwrap())
                                    .map(crate::present::named_label)
                                    .map(|t| truncate(&t, 40))
                                    .unwrap_or_default()
                            ),
                        ),
                        None if lost(&f.key, col) => cell("lost", "perdu".to_string()),
                        None => cell("none", String::new()),
                    }
                })
                .collect();
            EvaluationRow {
                href: urls::rel(from, &urls::element(&f.key)),
                code: &e.code,
                text: truncate(e.text(), 90),
                by: assessed_by(ctx, from, f),
                depth: f
                    .path
                    .iter()
                    .filter(|k| corpus.element(k).is_some_and(|a| a.kind.is_competence()))
                    .count(),
                cells,
            }
        })
        .collect();
    let columns = columns
        .iter()
        .map(|k| {
            let e = corpus.element(k).expect("column");
            EvaluationColumn {
                href: urls::rel(from, &urls::element(k)),
                code: &e.code,
                kind: e.kind.label(),
                text: truncate(e.text(), 60),
                facts: facts_brief(e),
            }
        })
        .collect();
    Some(EvaluationMatrix { rows, columns })
}

/// What reaches a compétence by one relation (« Évalué par »).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct ByGroup {
    label: &'static str,
    items: Vec<By>,
}

/// An épreuve or unit by its code and facts (« E4 (Orale, coef. 4) »), and the group it
/// reaches the compétence through.
#[derive(Serialize, PartialEq)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct By {
    href: String,
    name: String,
    facts: String,
    via: Option<String>,
}

/// (#27) What evaluates or certifies a compétence, read as a sentence on a phone: one group per
/// relation (« Évalué par », « Certifié par »), each item its code (or short text) and its facts
/// as the document prints them (« E4 (Orale, coef. 4) »), and the group a link passes through.
fn assessed_by(ctx: &SiteCtx, from: &str, f: &crate::fiche::Fiche) -> Vec<ByGroup> {
    let corpus = ctx.corpus;
    let mut groups: Vec<ByGroup> = Vec::new();
    for a in f.evaluated_by.iter().chain(&f.certified_by) {
        if a.via.as_ref().is_some_and(|v| !f.path.contains(v)) {
            continue;
        }
        let Some(e) = corpus.element(&a.by) else { continue };
        let label = a.rel.labels().1;
        let item = By {
            href: urls::rel(from, &urls::element(&a.by)),
            name: e.code.clone().unwrap_or_else(|| truncate(e.text(), 40)),
            facts: facts_brief(e),
            via: a
                .via
                .as_ref()
                .and_then(|v| corpus.element(v))
                .map(|v| v.code.clone().unwrap_or_else(|| truncate(v.text(), 30))),
        };
        match groups.iter_mut().find(|g| g.label == label) {
            Some(g) if !g.items.contains(&item) => g.items.push(item),
            Some(_) => {}
            None => groups.push(ByGroup { label, items: vec![item] }),
        }
    }
    groups
}

/// (#27) The facts of an épreuve or a unit that tell how it runs, in the document's words, short:
/// « Orale, 40 min, coef. 4 ».
fn facts_brief(e: &Element) -> String {
    let pick = |name: &str| {
        e.facts.iter().find(|f| f.name == name).map(|f| f.cite.text.trim().to_string())
    };
    let mut parts: Vec<String> = Vec::new();
    for name in ["forme", "mode", "duree"] {
        if let Some(t) = pick(name) {
            parts.push(truncate(&t, 40));
        }
    }
    if let Some(t) = pick("coefficient") {
        parts.push(format!("{} {}", crate::words::evalgrid::coef, t));
    }
    parts.join(", ")
}

/// `cert.html`: a certification's page.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct CertPage<'a> {
    cert: Identity<'a>,
    /// Compétences × what evaluates or certifies them.
    grid: Option<EvaluationMatrix<'a>>,
    synoptic: Option<Synoptic>,
    /// The framework as nested lists, in HTML.
    tree: String,
    /// The épreuves, unités and CCP, with their facts.
    evaluation: Vec<WithFacts<'a>>,
    matrices: Vec<MatrixRef<'a>>,
    /// The blocs' printable fiches.
    printables: Vec<ElementLink>,
    /// #28: the whole certification's positionnement and the grids' files, when it has grids.
    #[serde(skip_serializing_if = "Option::is_none")]
    positioning: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grid_files: Option<Option<Files>>,
    grids: Vec<GridRef>,
    plans: Vec<PlanLink>,
    correspondences: Vec<TableRef<'a>>,
    counts: Vec<KindCount>,
    /// The exports' files about it.
    downloads: Vec<super::downloads::FileEntry>,
    /// Its printable document.
    document: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct MatrixRef<'a> {
    href: String,
    title: &'a str,
    /// Rows × columns.
    size: String,
    lost: usize,
    uncertain: usize,
}

/// A unit's evaluation grid.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct GridRef {
    href: String,
    name: String,
    text: String,
}

/// A correspondence table from or to the certification.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct TableRef<'a> {
    href: String,
    title: &'a str,
    status: &'static str,
    status_label: &'static str,
    pairs: usize,
    /// The other certification.
    other: Option<String>,
}

/// How many elements of a kind.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct KindCount {
    kind: &'static str,
    n: usize,
}

/// `document.html`: every element in order.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct DocumentPage<'a> {
    cert: Identity<'a>,
    /// The document, in HTML.
    body: String,
    /// The certification's page.
    back: String,
}

pub fn render<'a>(
    ctx: &SiteCtx<'a>,
    c: &'a Certification,
) -> Result<Vec<Page>, crate::site::Error> {
    let path = urls::cert(&c.id);
    let top: Vec<&ElementKey> =
        ctx.corpus.elements_of(&c.id).filter(|e| e.parent.is_none()).map(|e| &e.key).collect();
    let top_owned: Vec<ElementKey> = top.iter().map(|k| (*k).clone()).collect();
    let mut roots = Vec::new();
    framework_children(ctx, &top_owned, &mut roots);
    let mut tree_html = String::new();
    if !roots.is_empty() {
        framework(ctx, &path, &roots, 0, &mut tree_html);
    }

    let evaluation = ctx
        .corpus
        .elements_of(&c.id)
        .filter(|e| matches!(e.kind, Kind::Epreuve | Kind::Unite | Kind::Ccp))
        .map(|e| WithFacts { link: ctx.element_link(&path, &e.key), facts: Fact::all(e) })
        .collect();
    let printables = ctx
        .corpus
        .elements_of(&c.id)
        .filter(|e| {
            e.kind.is_bloc() && crate::fiche::BlocFiche::of(ctx.corpus, ctx.graph, &e.key).is_some()
        })
        .map(|e| ElementLink {
            href: urls::rel(&path, &urls::bloc_fiche(&e.key)),
            ..ctx.element_link(&path, &e.key)
        })
        .collect();
    let matrices = ctx
        .corpus
        .matrices
        .iter()
        .filter(|m| m.cert == c.id)
        .map(|m| MatrixRef {
            href: urls::rel(&path, &urls::matrix(&m.cert, &m.id)),
            title: &m.title.text,
            size: format!("{} × {}", m.rows.len(), m.columns.len()),
            lost: m.count(crate::schema::CellState::Lost),
            uncertain: m.count(crate::schema::CellState::Uncertain),
        })
        .collect();
    let correspondences = ctx
        .corpus
        .correspondences
        .iter()
        .filter(|t| t.from == c.id || t.to == c.id)
        .map(|t| TableRef {
            href: urls::rel(&path, &urls::correspondence(&t.id)),
            title: t.title.as_ref().map(|x| x.text.as_str()).unwrap_or(t.id.as_str()),
            status: crate::crosswalk::Status::from(t.status).name(),
            status_label: crate::crosswalk::Status::from(t.status).label(),
            pairs: t.pairs.len(),
            other: ctx.corpus.cert(if t.from == c.id { &t.to } else { &t.from }).map(short_cert),
        })
        .collect();
    let counts = ctx
        .corpus
        .counts(&c.id)
        .into_iter()
        .filter(|(k, _)| k.family() != Family::Document)
        .map(|(k, n)| KindCount { kind: k.plural(), n })
        .collect();

    let description = crate::words::page_words::cert(
        &short_cert(c),
        c.kind.label(),
        &c.codes
            .iter()
            .map(|k| format!("{} {}", k.system.label(), k.code))
            .collect::<Vec<_>>()
            .join(", "),
    );
    // #28: evaluation grids and positionnement.
    let grids: Vec<GridRef> = crate::grids::grids(ctx.corpus, ctx.graph, &c.id)
        .iter()
        .map(|g| GridRef {
            href: urls::rel(&path, &urls::grid(&g.unit)),
            name: super::grids::short_name(ctx, &g.unit),
            text: crate::present::truncate(
                ctx.corpus.element(&g.unit).map(|e| e.text()).unwrap_or_default(),
                120,
            ),
        })
        .collect();
    let has_grids = !grids.is_empty();
    let body = CertPage {
        grid: evaluation_matrix(ctx, &path, c),
        synoptic: super::synoptic::context(ctx, &path, c),
        cert: identity(ctx, &path, c),
        tree: tree_html,
        evaluation,
        matrices,
        printables,
        positioning: has_grids.then(|| urls::rel(&path, &urls::positioning(&c.id))),
        grid_files: has_grids.then(|| super::grids::files(ctx, &path, &c.id)),
        grids,
        plans: super::plans::links_for(ctx, &path, &c.id),
        correspondences,
        counts,
        downloads: super::downloads::of_cert(ctx, &path, &c.id),
        document: urls::rel(&path, &urls::cert_document(&c.id)),
    };
    let base = ctx.base_described(&path, &short_cert(c), &description);
    let page = (path.clone(), ctx.render_page("cert.html", base, &body)?);

    // The printable document: every element in order, headings for those with children.
    let dpath = urls::cert_document(&c.id);
    let mut html = String::new();
    for k in &top {
        document(ctx, &dpath, ctx.corpus.element(k).expect("element"), 2, &mut html);
    }
    let base = ctx.base_described(
        &dpath,
        &format!("Document · {}", short_cert(c)),
        &crate::words::page_words::document(&short_cert(c)),
    );
    let body = DocumentPage {
        cert: identity(ctx, &dpath, c),
        body: html,
        back: urls::rel(&dpath, &urls::cert(&c.id)),
    };
    Ok(vec![page, (dpath.clone(), ctx.render_page("document.html", base, &body)?)])
}

fn document(ctx: &SiteCtx, from: &str, e: &Element, level: usize, out: &mut String) {
    let href = escape(&urls::rel(from, &urls::element(&e.key)));
    if e.children.is_empty() {
        out.push_str(&format!(
            "<p class=\"el\"><span class=\"k\">{}</span> <a href=\"{href}\">{}</a></p>",
            escape(e.kind.label()),
            escape(&label(e))
        ));
        return;
    }
    let h = level.min(6);
    out.push_str(&format!(
        "<section><h{h}><span class=\"k\">{}</span> <a href=\"{href}\">{}</a></h{h}>",
        escape(e.kind.label()),
        escape(&label(e))
    ));
    for k in &e.children {
        document(ctx, from, ctx.corpus.element(k).expect("child"), level + 1, out);
    }
    out.push_str("</section>");
}
