//! The passerelle for learners: for a holder of one certification, which unités, CCP or blocs of
//! the other are covered, partly covered or not, and what each verdict rests on.
//!
//! A compétence of the unit is **couverte** only through an official equivalence or a table link
//! (curated or inferred) whose counterpart is the same (exact, close) or broader; **couverte en
//! partie** through a narrower counterpart; an « en lien » link and a computed suggestion never
//! cover: they are listed, as what a reviewer may look at, not counted. A link on an ancestor of
//! the compétence (its activité, the unit itself) counts for it. Each compétence and each unit
//! says what it rests on: the links, their relation, their status and their table.
//!
//! A statement of the documents themselves comes first ([`Statement`]): a REAC that prints
//! « Equivalences avec d’autres certifications : Sans objet » says that no official equivalence
//! exists; the units of a passerelle with such a certification are then marked `overridden`: our
//! analysis stays visible, under the document's word.

use serde::Serialize;

use super::suggest::is_leaf_competence;
use super::{Group, Mapping, Status};
use crate::compare::{Item, Tree};
use crate::ids::{CertId, TableId};
use crate::schema::{Kind, Rel, Relation};

/// How much of a unit (or of a compétence) a holder of the other certification has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitState {
    Covered,
    Partial,
    NotCovered,
}

impl UnitState {
    pub fn label(self) -> &'static str {
        match self {
            UnitState::Covered => crate::words::passerelle::COVERED,
            UnitState::Partial => crate::words::passerelle::PARTIAL,
            UnitState::NotCovered => crate::words::passerelle::NOT_COVERED,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            UnitState::Covered => "covered",
            UnitState::Partial => "partial",
            UnitState::NotCovered => "not_covered",
        }
    }
}

/// What one link does for the compétence it reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The compétence is covered (official equivalence; same or broader counterpart).
    Covers,
    /// The compétence is covered in part (narrower counterpart).
    Partly,
    /// Listed, never counted: an « en lien » link, a suggestion, or a table row saying there is
    /// no counterpart.
    Listed,
}

/// What a link of status `status` and relation `relation` (read from the compétence held to the
/// compétence of the unit) does for the latter.
pub fn effect(status: Status, relation: Option<Relation>) -> Effect {
    match (status, relation) {
        (Status::Suggested, _) | (_, None) => Effect::Listed,
        (_, Some(Relation::ExactMatch | Relation::CloseMatch | Relation::NarrowMatch)) => {
            Effect::Covers
        }
        (Status::Official, Some(Relation::ReplacedBy | Relation::Replaces)) => Effect::Covers,
        (_, Some(Relation::BroadMatch)) => Effect::Partly,
        _ => Effect::Listed,
    }
}

/// One link a verdict rests on.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// The relation read from the compétence of the unit to the counterpart held (`broad_match`:
    /// the counterpart is broader).
    pub relation: Option<Relation>,
    pub status: Status,
    pub effect: Effect,
    /// The counterparts in the certification held (empty: a table row saying there is none).
    pub with: Vec<Item>,
    /// The element of the unit's side the link is stated on (the compétence, or an ancestor).
    pub on: Item,
    pub table: Option<TableId>,
    pub justification: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    /// Suggestions: the score.
    pub score: Option<f64>,
}

/// One compétence of a unit and what covers it.
#[derive(Clone, Debug, Serialize)]
pub struct CoveredBy {
    pub competence: Item,
    pub state: UnitState,
    /// Compétences of the certification held that cover it, fully or in part (empty: not covered).
    pub by: Vec<Item>,
    /// The strongest status among the links that count (`None`: nothing counts).
    pub status: Option<Status>,
    /// Every link that reaches it, those that count first.
    pub rests_on: Vec<Link>,
}

/// One unit (unité, CCP, bloc) of the other certification.
#[derive(Clone, Debug, Serialize)]
pub struct UnitCoverage {
    pub unit: Item,
    pub state: UnitState,
    /// The weakest status among the links the verdict counts (official only if every counted
    /// link is official); `None` when nothing counts.
    pub status: Option<Status>,
    /// The links the verdict counts (those that cover or partly cover a compétence).
    pub rests_on: Vec<Link>,
    /// A document of either certification states that there is no equivalence: its word comes
    /// first, our analysis is shown under it.
    pub overridden: bool,
    pub competences: Vec<CoveredBy>,
}

/// A statement of a source document about equivalences, quoted from the data.
#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    pub cert: CertId,
    /// The heading, as printed (« Equivalences avec d’autres certifications (le cas échéant) »).
    pub heading: Item,
    /// The text under it, as printed (« Sans objet »).
    pub text: Vec<Item>,
    /// The document says there is no equivalence.
    pub none: bool,
}

/// The passerelle both ways.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Passerelle {
    /// What the documents of either side state about equivalences (shown first).
    pub statements: Vec<Statement>,
    /// For a holder of `a`: the units of `b`.
    pub holder_of_a: Vec<UnitCoverage>,
    /// For a holder of `b`: the units of `a`.
    pub holder_of_b: Vec<UnitCoverage>,
}

fn leaves_under(tree: &Tree, i: usize, out: &mut Vec<usize>) {
    if is_leaf_competence(tree, i) {
        out.push(i);
        return;
    }
    for &c in &tree.children[i] {
        if tree.elems[c].kind.crosswalk_group() == Some(Group::Competences)
            || tree.elems[c].kind == Kind::ActiviteType
        {
            leaves_under(tree, c, out);
        }
    }
}

/// The units of `tree` with the finest compétences each certifies.
fn units(tree: &Tree) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for i in (0..tree.len()).filter(|&i| tree.elems[i].kind.is_unit()) {
        let mut comps = Vec::new();
        for l in tree.elems[i].links.iter().filter(|l| l.rel == Rel::Certifies) {
            if let Some(t) = tree.find(&l.to) {
                leaves_under(tree, t, &mut comps);
            }
        }
        comps.sort_unstable();
        comps.dedup();
        if !comps.is_empty() {
            out.push((i, comps));
        }
    }
    out
}

/// Folded for comparison: lower case, no accents on the first letter, single spaces.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .replace('é', "e")
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the document of `tree` states under its « Equivalences avec d’autres certifications »
/// heading, if it prints one.
pub fn statement(tree: &Tree) -> Option<Statement> {
    let h = (0..tree.len()).find(|&i| {
        tree.elems[i].kind == Kind::Section
            && fold(tree.elems[i].text()).starts_with("equivalences avec d'autres certifications")
    })?;
    let text: Vec<Item> = tree.children[h].iter().map(|&c| Item::of(tree.elems[c])).collect();
    let none = !text.is_empty()
        && text.iter().all(|t| fold(&t.text).trim_end_matches('.') == "sans objet");
    Some(Statement { cert: tree.cert.clone(), heading: Item::of(tree.elems[h]), text, none })
}

/// The elements a link may be stated on for compétence `c` of unit `u`: the compétence, its
/// ancestors and the unit.
fn reached(tree: &Tree, u: usize, c: usize) -> Vec<usize> {
    let mut out = vec![c];
    let mut up = tree.parent[c];
    while let Some(p) = up {
        out.push(p);
        up = tree.parent[p];
    }
    out.push(u);
    out
}

/// The units of `target` as a holder of the other side sees them; `target_is_a`: the target is
/// side `a` of the mappings.
fn side(
    target: &Tree,
    mappings: &[&Mapping],
    overridden: bool,
    target_is_a: bool,
) -> Vec<UnitCoverage> {
    units(target)
        .into_iter()
        .map(|(u, comps)| {
            let competences: Vec<CoveredBy> = comps
                .iter()
                .map(|&c| {
                    let on = reached(target, u, c);
                    let mut rests_on: Vec<Link> = Vec::new();
                    for m in mappings {
                        let (here, there) = if target_is_a { (&m.a, &m.b) } else { (&m.b, &m.a) };
                        // The relation read from the held side to the target side.
                        let held_to_target = if target_is_a {
                            m.relation.map(Relation::inverse)
                        } else {
                            m.relation
                        };
                        for &e in &on {
                            let Some(item) = here.iter().find(|i| i.id == target.elems[e].key)
                            else {
                                continue;
                            };
                            let effect = if there.is_empty() {
                                Effect::Listed
                            } else {
                                effect(m.status, held_to_target)
                            };
                            rests_on.push(Link {
                                relation: held_to_target.map(Relation::inverse),
                                status: m.status,
                                effect,
                                with: there.to_vec(),
                                on: item.clone(),
                                table: m.table.clone(),
                                justification: m.justification.clone(),
                                author: m.author.clone(),
                                date: m.date.clone(),
                                score: m.score,
                            });
                        }
                    }
                    rests_on.sort_by_key(|l| (l.effect, l.status));
                    let counted = || rests_on.iter().filter(|l| l.effect != Effect::Listed);
                    let state = match counted().map(|l| l.effect).min() {
                        Some(Effect::Covers) => UnitState::Covered,
                        Some(_) => UnitState::Partial,
                        None => UnitState::NotCovered,
                    };
                    let mut by: Vec<Item> = Vec::new();
                    for t in counted().flat_map(|l| &l.with) {
                        if !by.iter().any(|b| b.id == t.id) {
                            by.push(t.clone());
                        }
                    }
                    let status = counted().map(|l| l.status).min();
                    CoveredBy { competence: Item::of(target.elems[c]), state, by, status, rests_on }
                })
                .collect();
            let state = if competences.iter().all(|c| c.state == UnitState::Covered) {
                UnitState::Covered
            } else if competences.iter().any(|c| c.state != UnitState::NotCovered) {
                UnitState::Partial
            } else {
                UnitState::NotCovered
            };
            let rests_on: Vec<Link> = competences
                .iter()
                .flat_map(|c| c.rests_on.iter().filter(|l| l.effect != Effect::Listed).cloned())
                .collect();
            let status = rests_on.iter().map(|l| l.status).max();
            UnitCoverage {
                unit: Item::of(target.elems[u]),
                state,
                status,
                rests_on,
                overridden,
                competences,
            }
        })
        .collect()
}

/// The passerelle of a crosswalk whose trees are `a` and `b`.
pub(crate) fn passerelle(a: &Tree, b: &Tree, mappings: &[&Mapping]) -> Passerelle {
    let statements: Vec<Statement> = [statement(a), statement(b)].into_iter().flatten().collect();
    let overridden = statements.iter().any(|s| s.none);
    Passerelle {
        holder_of_a: side(b, mappings, overridden, false),
        holder_of_b: side(a, mappings, overridden, true),
        statements,
    }
}
