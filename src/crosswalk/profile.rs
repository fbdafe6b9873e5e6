//! A compétence as the crosswalk reads it: its **fiche**, the texts that say what the compétence
//! is, each with a weight. Its title; under it, its critères, savoir-faire, savoirs, conditions,
//! descriptions and contexts (at any depth, other compétences excepted); and, more lightly, the
//! title and the critères or conditions of the compétences above it (BTS referentials print
//! those once for a group of compétences).

use super::{group_of, Group};
use crate::compare::Tree;
use crate::schema::Kind;

/// Weight of a compétence's own title.
pub const TITLE: f32 = 1.0;
/// Factor on what the fiche borrows from the compétences above it.
pub const ANCESTOR: f32 = 0.2;

/// The weight of a text of this kind in a fiche (0: not part of it).
pub fn weight(kind: Kind) -> f32 {
    match kind {
        Kind::CriterePerformance | Kind::CritereEvaluation => 0.6,
        Kind::SavoirFaire => 0.5,
        Kind::Savoir | Kind::SavoirAssocie => 0.3,
        Kind::Description | Kind::Contexte | Kind::ConditionRealisation | Kind::ConditionExercice | Kind::ResultatAttendu => 0.3,
        _ => 0.0,
    }
}

/// One compétence's fiche: element indices of its tree with their weights, title first.
#[derive(Clone, Debug)]
pub struct Fiche {
    pub competence: usize,
    pub parts: Vec<(usize, f32)>,
}

impl Fiche {
    /// The texts under the compétence (not its title, not what it borrows from above).
    pub fn own_parts(&self) -> impl Iterator<Item = usize> + '_ {
        self.parts.iter().skip(1).filter(|(_, w)| *w > ANCESTOR * TITLE).map(|(i, _)| *i)
    }
}

fn under(tree: &Tree, i: usize, factor: f32, deep: bool, out: &mut Vec<(usize, f32)>) {
    for &c in &tree.children[i] {
        if group_of(tree.elems[c].kind) == Some(Group::Competences) {
            continue;
        }
        let w = weight(tree.elems[c].kind) * factor;
        if w > 0.0 {
            out.push((c, w));
        }
        if deep {
            under(tree, c, factor, deep, out);
        }
    }
}

/// The fiche of compétence `i` of `tree`.
pub fn fiche(tree: &Tree, i: usize) -> Fiche {
    let mut parts = vec![(i, TITLE)];
    under(tree, i, 1.0, true, &mut parts);
    let mut up = tree.parent[i];
    while let Some(p) = up {
        if group_of(tree.elems[p].kind) != Some(Group::Competences) {
            break;
        }
        parts.push((p, TITLE * ANCESTOR));
        under(tree, p, ANCESTOR, false, &mut parts);
        up = tree.parent[p];
    }
    Fiche { competence: i, parts }
}
