//! The page of one element: its exact text, where it sits, everything it relates to in both
//! directions, and the source lines it comes from.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::fiche::Fiche;
use crate::model::Element;
use crate::present::{label, short_cert, truncate};
use crate::schema::{CellState, Family, Rel};
use crate::site::context::{CertLink, ElementLink, Provenance, SiteCtx};
use crate::site::richtext::markdown;
use crate::urls;

use super::Page;
use super::fiche::FicheView;
use super::grids::GridLink;
use super::summary::Summary;

/// `element.html`: one element and everything around it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct ElementPage<'a> {
    /// The fiche of a compétence, an activité, a bloc … (`f` in the template).
    fiche: Option<FicheView<'a>>,
    /// How a compétence is evaluated and certified, under its title.
    summary: Option<Summary<'a>>,
    el: El<'a>,
    cert: CertLink,
    breadcrumb: Vec<Crumb>,
    children: Vec<Children<'a>>,
    relations: Vec<Relations<'a>>,
    correspondences: Vec<InTable>,
    matrices: Vec<InMatrix<'a>>,
    /// Elements of the same text, the first ones, and how many more.
    same: Vec<ElementLink>,
    same_more: usize,
    counterparts: Vec<Counterpart<'a>>,
    /// The suggestions behind « voir plus ».
    counterparts_more: Vec<Counterpart<'a>>,
    variants: Vec<VariantView<'a>>,
    facts: Vec<FactView<'a>>,
    pieces: Vec<Provenance<'a>>,
    provenance: Provenance<'a>,
    /// The printable fiche of a bloc.
    printable: Option<String>,
    /// #25: since which version this text exists unchanged, and what it replaced.
    since: Option<Since>,
    /// #28: the evaluation grids of the units that certify it.
    grids: Vec<GridLink>,
    /// The previous and next siblings, for reading in order.
    prev: Option<ElementLink>,
    next: Option<ElementLink>,
}

/// The element itself.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct El<'a> {
    id: String,
    local: &'a str,
    kind: &'static str,
    code: &'a Option<String>,
    code_as_printed: &'a Option<String>,
    /// Its text, glossary terms linked.
    rich: String,
    subtype: Option<String>,
    block: Option<u32>,
    note: Option<String>,
    repair: Option<String>,
    is_term: bool,
    titled: bool,
    /// Its entry in the glossary (a term).
    glossary: Option<String>,
}

/// A level of the breadcrumb: an ellipsis for the levels not shown, or a group above.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
enum Crumb {
    Ellipsis {
        ellipsis: bool,
    },
    Above {
        #[serde(flatten)]
        link: ElementLink,
        short: String,
    },
}

/// The children of one kind.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Children<'a> {
    kind: &'a str,
    items: Vec<Child>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Child {
    #[serde(flatten)]
    link: ElementLink,
    rich: String,
    /// How many children it has.
    children: usize,
}

/// The elements linked by one relation, under its French label.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Relations<'a> {
    label: &'static str,
    items: Vec<Related<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Related<'a> {
    #[serde(flatten)]
    link: ElementLink,
    /// How the document prints the link, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    as_printed: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

/// A pair of a correspondence table the element is in.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct InTable {
    table: String,
    table_title: String,
    status: &'static str,
    status_label: &'static str,
    relation: &'static str,
    /// « vers » or « depuis ».
    direction: &'static str,
    item: ElementLink,
}

/// A matrix in which the element heads a row or a column, and its cells there.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct InMatrix<'a> {
    href: String,
    title: &'a str,
    /// « ligne » or « colonne ».
    #[serde(rename = "as")]
    as_: &'static str,
    cells: Vec<MatrixCell<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct MatrixCell<'a> {
    /// The other heading.
    other: &'a str,
    state: &'static str,
    label: &'static str,
    text: &'a Option<String>,
}

/// A counterpart in another certification, from a table or suggested.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Counterpart<'a> {
    #[serde(flatten)]
    link: ElementLink,
    status: &'static str,
    status_label: &'static str,
    relation: Option<&'static str>,
    score: Option<String>,
    /// The words both texts share.
    words: &'a [String],
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct VariantView<'a> {
    text: &'a str,
    code_as_printed: &'a Option<String>,
    note: Option<String>,
    provenance: Provenance<'a>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct FactView<'a> {
    label: &'static str,
    text: &'a str,
    provenance: Provenance<'a>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Since {
    line: String,
    replaces: &'static str,
    replaced: Vec<ElementLink>,
    class: &'static str,
    degree: Option<&'static str>,
}

pub fn render<'a>(ctx: &SiteCtx<'a>, e: &'a Element) -> Result<Page, crate::site::Error> {
    let path = urls::element(&e.key);
    let corpus = ctx.corpus;
    let cert = corpus.cert(&e.key.cert).expect("checked certification");
    let link = |k| ctx.element_link_from(&path, k, &e.key.cert);

    // The framework above the element (sections only for the document's own structure), at most
    // `BREADCRUMB` levels, the nearest; an ellipsis stands for those above them.
    let in_document = e.kind.family() == Family::Document;
    let (near, more) = corpus.nearest_ancestors(e, crate::model::BREADCRUMB);
    let mut breadcrumb: Vec<Crumb> = Vec::with_capacity(near.len() + 1);
    if more {
        breadcrumb.push(Crumb::Ellipsis { ellipsis: true });
    }
    breadcrumb.extend(
        near.iter().filter(|a| in_document || a.kind.family() != Family::Document).map(|a| {
            Crumb::Above {
                link: link(&a.key),
                short: truncate(&crate::present::named_label(a), 60),
            }
        }),
    );
    let fiche = Fiche::of(corpus, ctx.graph, &e.key);

    // Children grouped by kind, in document order.
    let mut children: Vec<Children> = Vec::new();
    for child in e.children.iter().filter(|_| fiche.is_none()) {
        let c = corpus.element(child).expect("child");
        let item = Child {
            link: link(child),
            rich: ctx.rich(&path, c.text(), &c.key.cert, None),
            children: c.children.len(),
        };
        match children.iter_mut().find(|g| g.kind == c.kind.label()) {
            Some(g) => g.items.push(item),
            None => children.push(Children { kind: c.kind.label(), items: vec![item] }),
        }
    }

    // Relations, forwards and backwards, grouped by their French label.
    let mut relations: BTreeMap<(u8, &'static str), Vec<Related>> = BTreeMap::new();
    for l in &e.links {
        let item = Related {
            link: link(&l.to),
            as_printed: l.text.as_deref(),
            note: l.note.as_deref().map(markdown),
        };
        relations.entry((0, l.rel.labels().0)).or_default().push(item);
    }
    for (rel, from) in ctx.graph.incoming_links(&e.key) {
        if fiche.is_some() && matches!(rel, Rel::Evaluates | Rel::Certifies) {
            continue; // the fiche's évaluation part says it, with what is inherited
        }
        let order = if rel == Rel::Certifies || rel == Rel::Validates { 1 } else { 2 };
        let item = Related { link: link(from), as_printed: None, note: None };
        relations.entry((order, rel.labels().1)).or_default().push(item);
    }
    let relations =
        relations.into_iter().map(|((_, label), items)| Relations { label, items }).collect();

    // Correspondences through tables.
    let correspondences = ctx
        .graph
        .correspondents(&e.key)
        .into_iter()
        .map(|(table, relation, forward, other)| {
            let t = corpus.correspondence(table).expect("table");
            InTable {
                table: urls::rel(&path, &urls::correspondence(table)),
                table_title: t
                    .title
                    .as_ref()
                    .map(|c| c.text.clone())
                    .unwrap_or_else(|| table.to_string()),
                status: crate::crosswalk::Status::from(t.status).name(),
                status_label: crate::crosswalk::Status::from(t.status).label(),
                relation: relation.label(),
                direction: if forward { "vers" } else { "depuis" },
                item: link(other),
            }
        })
        .collect();

    // Matrices in which the element is a row or a column.
    let matrices = ctx
        .in_matrices(&e.key)
        .iter()
        .map(|&(mi, is_row, i)| {
            let m = &corpus.matrices[mi];
            let others = if is_row { &m.columns } else { &m.rows };
            let cells = others
                .iter()
                .enumerate()
                .map(|(j, o)| {
                    let cell = if is_row { &m.cells[i][j] } else { &m.cells[j][i] };
                    MatrixCell {
                        other: o.cite.as_ref().map(|c| c.text.as_str()).unwrap_or(&o.key),
                        state: cell.state.name(),
                        label: state_label(cell.state),
                        text: &cell.text,
                    }
                })
                .collect();
            InMatrix {
                href: urls::rel(&path, &urls::matrix(&m.cert, &m.id)),
                title: &m.title.text,
                as_: if is_row { "ligne" } else { "colonne" },
                cells,
            }
        })
        .collect();

    // Bounded whatever the size of the corpus: the first ones, and how many more.
    let same_all = ctx.same_text(e);
    let same: Vec<ElementLink> = same_all.iter().take(SAME_TEXT_SHOWN).map(|k| link(k)).collect();
    let same_more = same_all.len() - same.len();
    // Table pairs all shown; suggestions: the best few, the rest behind "voir plus".
    let mut shown_suggestions = 0;
    let mut counterparts = Vec::new();
    let mut counterparts_more = Vec::new();
    for c in
        ctx.counterparts().of(&e.key).iter().filter(|c| corpus.element(&c.element.id).is_some())
    {
        let v = Counterpart {
            link: link(&c.element.id),
            status: c.status.name(),
            status_label: c.status.label(),
            relation: c.relation.map(|r| r.label()),
            score: c.score.map(|s| format!("{s:.2}")),
            words: &c.words,
        };
        let more = c.status == crate::crosswalk::Status::Suggested && {
            shown_suggestions += 1;
            shown_suggestions > crate::crosswalk::SHOWN_PER_ELEMENT
        };
        if more { counterparts_more.push(v) } else { counterparts.push(v) }
    }
    let variants = e
        .variants
        .iter()
        .map(|v| VariantView {
            text: &v.cite.text,
            code_as_printed: &v.code_as_printed,
            note: v.note.as_deref().map(markdown),
            provenance: ctx.provenance(&path, &v.cite),
        })
        .collect();
    let facts = e
        .facts
        .iter()
        .map(|f| FactView {
            label: fact_label(f.name),
            text: &f.cite.text,
            provenance: ctx.provenance(&path, &f.cite),
        })
        .collect();
    let pieces = e.pieces.iter().map(|p| ctx.provenance(&path, p)).collect();

    // Previous and next siblings, for reading in order.
    let siblings: Vec<&crate::ids::ElementKey> = match &e.parent {
        Some(p) => corpus.element(p).map(|p| p.children.iter().collect()).unwrap_or_default(),
        None => {
            corpus.elements_of(&e.key.cert).filter(|x| x.parent.is_none()).map(|x| &x.key).collect()
        }
    };
    let pos = siblings.iter().position(|k| **k == e.key);
    let prev = pos.and_then(|i| i.checked_sub(1)).map(|i| link(siblings[i]));
    let next = pos.and_then(|i| siblings.get(i + 1)).map(|k| link(k));

    let title = ctx.title_of(&e.key);
    let description =
        format!("{} {} — {}", e.kind.label(), truncate(&label(e), 150), short_cert(cert));
    let printable =
        e.kind.is_bloc() && crate::fiche::BlocFiche::of(corpus, ctx.graph, &e.key).is_some();
    // #25: since which version this text exists unchanged, and what it replaced.
    let since = ctx.history().of(&e.key).map(|h| {
        let version = |id: &crate::ids::CertId| {
            ctx.corpus.cert(id).map(short_cert).unwrap_or_else(|| id.to_string())
        };
        let line = if h.since == e.key.cert {
            crate::words::evolution::since_new(&version(&h.since))
        } else {
            crate::words::evolution::since(&version(&h.since))
        };
        Since {
            line,
            replaces: crate::words::evolution::REPLACES,
            replaced: h
                .replaced
                .iter()
                .filter(|k| ctx.corpus.element(k).is_some())
                .map(|k| ctx.element_link(&path, k))
                .collect(),
            class: h.class.label(),
            degree: h.degree.map(|d| d.label()),
        }
    });
    // #28: the evaluation grids of the units that certify it (a unit, an activité, a compétence).
    let gradable =
        e.kind.is_unit() || e.kind == crate::schema::Kind::ActiviteType || e.kind.is_competence();
    let body = ElementPage {
        summary: fiche
            .as_ref()
            .filter(|f| f.kind.is_competence())
            .and_then(|f| super::summary::context(ctx, &path, f)),
        fiche: fiche.as_ref().map(|f| super::fiche::context(ctx, &path, f)),
        el: El {
            id: e.key.to_string(),
            local: e.key.local.as_str(),
            kind: e.kind.label(),
            code: &e.code,
            code_as_printed: &e.code_as_printed,
            rich: ctx.rich(&path, e.text(), &e.key.cert, Some(&e.key)),
            subtype: e.subtype.map(|s| format!("{s:?}").to_lowercase()),
            block: e.block,
            note: e.note.as_deref().map(markdown),
            repair: e.repair.as_deref().map(markdown),
            is_term: e.kind == crate::schema::Kind::Terme,
            titled: e.kind.is_titled(),
            glossary: ctx.glossary_term(&path, &e.key),
        },
        cert: ctx.cert_link(&path, cert),
        breadcrumb,
        children,
        relations,
        correspondences,
        matrices,
        same,
        same_more,
        counterparts,
        counterparts_more,
        variants,
        facts,
        pieces,
        provenance: ctx.provenance(&path, &e.cite),
        printable: printable.then(|| urls::rel(&path, &urls::bloc_fiche(&e.key))),
        since,
        grids: if gradable { super::grids::links_for(ctx, &path, &e.key) } else { Vec::new() },
        prev,
        next,
    };
    let base = ctx.base_described(&path, &title, &description);
    Ok((path.clone(), ctx.render_page("element.html", base, &body)?))
}

pub(crate) fn state_label(s: CellState) -> &'static str {
    match s {
        CellState::Marked => crate::words::cell_state::Marked,
        CellState::Unmarked => crate::words::cell_state::Unmarked,
        CellState::Lost => crate::words::cell_state::Lost,
        CellState::Uncertain => crate::words::cell_state::Uncertain,
    }
}

pub fn fact_label(name: &str) -> &'static str {
    match name {
        "duree" => crate::words::fact::duree,
        "duree_preparation" => crate::words::fact::duree_preparation,
        "coefficient" => crate::words::fact::coefficient,
        "forme" => crate::words::fact::forme,
        "mode" => crate::words::fact::mode,
        "horaire" => crate::words::fact::horaire,
        "validite" => crate::words::fact::validite,
        _ => crate::words::fact::other,
    }
}

/// How many elements of the same text an element page lists at most.
pub(crate) const SAME_TEXT_SHOWN: usize = 24;
