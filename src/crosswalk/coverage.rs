//! Coverage of a crosswalk: for each side, the share of its compétences (those with no compétence
//! under them) that have a counterpart on the other side, by the strongest source that gives one
//! (official, curated, suggested: only a suggestion each side ranks first), and the list of
//! those that have none. A compétence is also
//! covered when an official or curated pair relates one of its ancestors.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::suggest::is_leaf_competence;
use super::{Crosswalk, Mapping, Status};
use crate::compare::Item;
use crate::compare::Tree;
use crate::compare::similarity::round;
use crate::ids::ElementKey;

/// The coverage of one side.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SideCoverage {
    /// How many compétences the side has.
    pub competences: usize,
    /// How many have a counterpart.
    pub covered: usize,
    /// `covered / competences` (0–1), `None` when the side has no compétence.
    pub share: Option<f64>,
    /// Covered compétences by the strongest source of their counterpart.
    pub by_status: BTreeMap<Status, usize>,
    /// The compétences without a counterpart.
    pub without: Vec<Item>,
}

/// The coverage of both sides.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Coverage {
    pub a: SideCoverage,
    pub b: SideCoverage,
}

fn side(
    tree: &Tree,
    mappings: &[&Mapping],
    pick: impl Fn(&Mapping) -> (&[Item], &[Item]),
) -> SideCoverage {
    // The strongest status with which each element has a counterpart.
    let mut best: HashMap<&ElementKey, Status> = HashMap::new();
    for m in mappings {
        let (here, there) = pick(m);
        // A suggestion counts only when each compétence is the other's first candidate (#26:
        // every compétence now shows its first three candidates, which say nothing of a match).
        if there.is_empty() || (m.status == Status::Suggested && !m.mutual) {
            continue;
        }
        for i in here {
            let e = best.entry(&i.id).or_insert(m.status);
            *e = (*e).min(m.status);
        }
    }
    let mut s = SideCoverage::default();
    for i in (0..tree.len()).filter(|&i| is_leaf_competence(tree, i)) {
        s.competences += 1;
        let mut status = best.get(&tree.elems[i].key).copied();
        let mut up = tree.parent[i];
        while let Some(p) = up {
            if let Some(&st) = best.get(&tree.elems[p].key).filter(|s| **s != Status::Suggested) {
                status = Some(status.map_or(st, |x| x.min(st)));
            }
            up = tree.parent[p];
        }
        match status {
            Some(st) => {
                s.covered += 1;
                *s.by_status.entry(st).or_default() += 1;
            }
            None => s.without.push(Item::of(tree.elems[i])),
        }
    }
    s.share = (s.competences > 0).then(|| round(s.covered as f32 / s.competences as f32));
    s
}

/// Compute the coverage of a crosswalk whose trees are `a` and `b`.
pub fn coverage(a: &Tree, b: &Tree, cw: &Crosswalk) -> Coverage {
    let all: Vec<&Mapping> = cw.mappings().collect();
    Coverage { a: side(a, &all, |m| (&m.a, &m.b)), b: side(b, &all, |m| (&m.b, &m.a)) }
}
