//! The passerelle for learners: for a holder of one certification, which unités, CCP or blocs of
//! the other have all their compétences covered, which are partly covered and by what. A
//! compétence counts as covered when an official or curated pair, or a strong suggestion (score
//! at least [`STRONG`]), relates it to a compétence of the certification held. A unit's
//! compétences are those it certifies (its `certifies` links), down to the finest compétences;
//! a link to an activité type stands for the compétences under it.

use serde::Serialize;

use super::suggest::is_leaf_competence;
use super::{group_of, Group, Mapping, Status};
use crate::compare::{Item, Tree};
use crate::schema::{Kind, Rel};

/// Score from which a suggestion counts for the passerelle. Derived from the scores of the
/// compétence suggestions of the four cross-certification pairs of the reference set
/// (`tests/crosswalk-reference.yaml`, tuned half, printed by `tests/crosswalk_eval.rs`): from 0.28
/// up, 18 of the 20 suggestions are reference pairs (90 %); below it, 6 of 12 (50 %). The median
/// of the suggestions' scores is 0.36: half of them, among the weakest still right, would not count.
pub const STRONG: f64 = 0.28;

/// How much of a unit a holder of the other certification has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
}

/// One compétence of a unit and what covers it.
#[derive(Clone, Debug, Serialize)]
pub struct CoveredBy {
    pub competence: Item,
    /// Compétences of the certification held that cover it (empty: not covered).
    pub by: Vec<Item>,
    /// The strongest source among them.
    pub status: Option<Status>,
}

/// One unit (unité, CCP, bloc) of the other certification.
#[derive(Clone, Debug, Serialize)]
pub struct UnitCoverage {
    pub unit: Item,
    pub state: UnitState,
    pub competences: Vec<CoveredBy>,
}

/// The passerelle both ways.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Passerelle {
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
        if group_of(tree.elems[c].kind) == Some(Group::Competences) || tree.elems[c].kind == Kind::ActiviteType {
            leaves_under(tree, c, out);
        }
    }
}

/// The units of `tree` with the finest compétences each certifies.
fn units(tree: &Tree) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for i in (0..tree.len()).filter(|&i| matches!(tree.elems[i].kind, Kind::Unite | Kind::Ccp | Kind::BlocCompetences)) {
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

fn counts(m: &Mapping) -> bool {
    m.status != Status::Suggested || (m.group == Some(Group::Competences) && m.score.unwrap_or(0.0) >= STRONG)
}

/// The units of `target` as a holder of the other side sees them; `pick` gives a mapping's
/// (target side, held side) items.
fn side(target: &Tree, mappings: &[&Mapping], pick: impl Fn(&Mapping) -> (&[Item], &[Item])) -> Vec<UnitCoverage> {
    units(target)
        .into_iter()
        .map(|(u, comps)| {
            let competences: Vec<CoveredBy> = comps
                .iter()
                .map(|&c| {
                    let key = &target.elems[c].key;
                    let mut by: Vec<Item> = Vec::new();
                    let mut status = None;
                    for m in mappings.iter().filter(|m| counts(m)) {
                        let (here, there) = pick(m);
                        if here.iter().any(|i| &i.id == key) && !there.is_empty() {
                            for t in there {
                                if !by.iter().any(|b| b.id == t.id) {
                                    by.push(t.clone());
                                }
                            }
                            status = Some(status.map_or(m.status, |s: Status| s.min(m.status)));
                        }
                    }
                    CoveredBy { competence: Item::of(target.elems[c]), by, status }
                })
                .collect();
            let covered = competences.iter().filter(|c| !c.by.is_empty()).count();
            let state = if covered == competences.len() { UnitState::Covered } else if covered > 0 { UnitState::Partial } else { UnitState::NotCovered };
            UnitCoverage { unit: Item::of(target.elems[u]), state, competences }
        })
        .collect()
}

/// The passerelle of a crosswalk whose trees are `a` and `b`.
pub fn passerelle(a: &Tree, b: &Tree, mappings: &[&Mapping]) -> Passerelle {
    Passerelle { holder_of_a: side(b, mappings, |m| (&m.b, &m.a)), holder_of_b: side(a, mappings, |m| (&m.a, &m.b)) }
}
