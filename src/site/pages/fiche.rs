//! A compétence's fiche as the templates read it: each part of [`crate::fiche::Fiche`] with its
//! heading and its items' full texts, in the order a trainer reads a fiche.

use serde::Serialize;

use crate::fiche::{Assessment, Fiche, Inherited};
use crate::ids::ElementKey;
use crate::present::{fiche_heading, savoir_faire_group, truncate};
use crate::site::context::{ElementLink, SiteCtx};
use crate::urls;

/// A fiche, part by part (`f` in `element.html` and `printable.html`).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct FicheView<'a> {
    /// The groups above the compétence, outermost first.
    path: Vec<GroupTitle>,
    parts: Groups<'a>,
    description: Items<'a>,
    contexte: Groups<'a>,
    pub(super) conditions: WithInherited<'a>,
    pub(super) criteres: WithInherited<'a>,
    savoir_faire: SavoirFaire<'a>,
    savoirs: Savoirs<'a>,
    evaluation: Evaluation,
}

/// An item of a fiche, with its text whole (glossary terms linked) and cut.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Item<'a> {
    href: String,
    code: &'a Option<String>,
    rich: String,
    text: String,
    kind: &'static str,
    /// Is it below an item of its own kind (a sub-critère)?
    sub: bool,
}

/// A group above the compétence, by its name.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct GroupTitle {
    pub(super) href: String,
    label: String,
}

/// Items under a heading.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Items<'a> {
    heading: &'static str,
    items: Vec<Item<'a>>,
}

/// Items grouped under headings (their kind's plural, or a savoir-faire group).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Groups<'a> {
    heading: &'static str,
    groups: Vec<Group<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Group<'a> {
    heading: Option<String>,
    items: Vec<Item<'a>>,
}

/// The compétence's own items, then those printed for a group above it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct WithInherited<'a> {
    heading: String,
    items: Vec<Item<'a>>,
    pub(super) inherited: Vec<InheritedView<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct InheritedView<'a> {
    pub(super) from: GroupTitle,
    items: Vec<Item<'a>>,
    /// Printed once already, higher on the same page (the printable fiche of a bloc).
    pub(super) repeat: bool,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct SavoirFaire<'a> {
    heading: &'static str,
    groups: Vec<Group<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Savoirs<'a> {
    heading: &'static str,
    items: Vec<SavoirRow<'a>>,
}

/// A savoir-faire with the savoirs it draws on and their limits.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct SavoirRow<'a> {
    item: Item<'a>,
    linked: Option<&'static str>,
    savoirs: Vec<Item<'a>>,
    limites: Vec<Item<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Evaluation {
    heading: &'static str,
    evaluated: Vec<AssessedBy>,
    certified: Vec<AssessedBy>,
}

/// What evaluates or certifies the compétence, and the group it does so through.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct AssessedBy {
    #[serde(flatten)]
    link: ElementLink,
    label: &'static str,
    via: Option<GroupTitle>,
}

/// The fiche of an element for its page at `path`.
pub fn context<'a>(ctx: &SiteCtx<'a>, path: &str, f: &Fiche) -> FicheView<'a> {
    let corpus = ctx.corpus;
    let item = |k: &ElementKey| -> Item<'a> {
        let e = corpus.element(k).expect("fiche item");
        let sub =
            e.parent.as_ref().and_then(|p| corpus.element(p)).is_some_and(|p| p.kind == e.kind);
        Item {
            href: urls::rel(path, &urls::element(k)),
            code: &e.code,
            rich: ctx.rich(path, e.text(), &k.cert, None),
            text: truncate(e.text(), 160),
            kind: e.kind.label(),
            sub,
        }
    };
    let group_title = |k: &ElementKey| {
        let e = corpus.element(k).expect("group");
        GroupTitle {
            href: urls::rel(path, &urls::element(k)),
            label: truncate(&crate::present::named_label(e), 90),
        }
    };
    let inherited = |v: &[Inherited]| -> Vec<InheritedView<'a>> {
        v.iter()
            .map(|i| InheritedView {
                from: group_title(&i.from),
                items: i.items.iter().map(item).collect(),
                repeat: false,
            })
            .collect()
    };
    // Items of one role grouped under their kind's plural ("Critères de performance").
    let by_kind = |keys: &[ElementKey]| -> Vec<Group<'a>> {
        let mut groups: Vec<Group<'a>> = Vec::new();
        for k in keys {
            let h = corpus.element(k).expect("item").kind.plural().to_string();
            match groups.iter_mut().find(|g| g.heading.as_deref() == Some(h.as_str())) {
                Some(g) => g.items.push(item(k)),
                None => groups.push(Group { heading: Some(h), items: vec![item(k)] }),
            }
        }
        groups
    };
    let assessment = |a: &Assessment| AssessedBy {
        link: ctx.element_link_from(path, &a.by, &f.key.cert),
        label: a.rel.labels().1,
        via: a.via.as_ref().map(&group_title),
    };
    let criteres_kind = f
        .all_criteres()
        .next()
        .map(|k| corpus.element(k).expect("critère").kind.plural().to_string());
    let savoirs = f
        .savoirs
        .iter()
        .map(|s| SavoirRow {
            item: item(&s.key),
            linked: s.rel.map(|r| r.labels().0),
            savoirs: s.savoirs.iter().map(item).collect(),
            limites: s.limites.iter().map(item).collect(),
        })
        .collect();
    FicheView {
        path: f.path.iter().map(group_title).collect(),
        parts: Groups { heading: fiche_heading("parts"), groups: by_kind(&f.parts) },
        description: Items {
            heading: fiche_heading("description"),
            items: f.description.iter().map(item).collect(),
        },
        contexte: Groups { heading: fiche_heading("contexte"), groups: by_kind(&f.contexte) },
        conditions: WithInherited {
            heading: fiche_heading("conditions").to_string(),
            items: f.conditions.iter().map(item).collect(),
            inherited: inherited(&f.conditions_inherited),
        },
        criteres: WithInherited {
            heading: criteres_kind.unwrap_or_else(|| fiche_heading("criteres").to_string()),
            items: f.criteres.iter().map(item).collect(),
            inherited: inherited(&f.criteres_inherited),
        },
        savoir_faire: SavoirFaire {
            heading: fiche_heading("savoir_faire"),
            groups: f
                .savoir_faire
                .iter()
                .map(|g| Group {
                    heading: savoir_faire_group(g.block, g.subtype),
                    items: g.items.iter().map(item).collect(),
                })
                .collect(),
        },
        savoirs: Savoirs { heading: fiche_heading("savoirs"), items: savoirs },
        evaluation: Evaluation {
            heading: fiche_heading("evaluation"),
            evaluated: f.evaluated_by.iter().map(assessment).collect(),
            certified: f.certified_by.iter().map(assessment).collect(),
        },
    }
}
