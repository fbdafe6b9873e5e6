//! « Depuis quelle version » (#25): for each element of a lineage, the element(s) it replaced in the
//! previous version (from the diff of each lineage pair, levels both versions describe), how it
//! changed, and since which version its text exists unchanged (corrections aside), following the
//! chain of versions back.

use std::collections::HashMap;

use super::{Class, Degree, DiffOptions, diff, lineage_pairs};
use crate::ids::{CertId, ElementKey};
use crate::model::Corpus;

/// Where an element comes from.
#[derive(Clone, Debug)]
pub struct Since {
    /// The version since which its text exists unchanged (or corrected only).
    pub since: CertId,
    /// The elements it replaced in the previous version.
    pub replaced: Vec<ElementKey>,
    pub class: Class,
    pub degree: Option<Degree>,
}

/// What a new element of a 1 → 1 or n → 1 change comes from: the old certification, its old
/// elements, the change's class and degree, and whether the text stayed.
type Direct = (CertId, Vec<ElementKey>, Class, Option<Degree>, bool);

/// The history of every element of a lineage that has a predecessor.
#[derive(Default)]
pub struct History {
    map: HashMap<ElementKey, Since>,
}

/// What the diff of one lineage pair says of the pair's new elements: kept by `serve` between
/// its quick passes for the pairs an edit did not touch ([`History::from_pairs`]).
#[derive(Clone)]
pub struct PairHistory(Vec<(ElementKey, Direct)>);

impl PairHistory {
    pub fn of(corpus: &Corpus, old: &CertId, new: &CertId) -> PairHistory {
        let mut out = Vec::new();
        let r = diff(corpus, old, corpus, new, &DiffOptions::default());
        for c in &r.changes {
            if c.old.is_empty() || c.new.len() != 1 {
                continue;
            }
            let kept = c.old.len() == 1 && (!c.reworded || c.degree == Some(Degree::Correction));
            out.push((
                c.new[0].id.clone(),
                (
                    old.clone(),
                    c.old.iter().map(|i| i.id.clone()).collect(),
                    c.class,
                    c.degree,
                    kept,
                ),
            ));
        }
        PairHistory(out)
    }
}

impl History {
    pub fn build(corpus: &Corpus) -> History {
        let pairs: Vec<PairHistory> = lineage_pairs(corpus)
            .iter()
            .map(|(old, new)| PairHistory::of(corpus, old, new))
            .collect();
        History::from_pairs(&pairs)
    }

    /// The history made of each lineage pair's, in the order of [`lineage_pairs`].
    pub fn from_pairs<'p>(pairs: impl IntoIterator<Item = &'p PairHistory>) -> History {
        // For each new element of a 1 → 1 or n → 1 change: its old elements, and whether the text stayed.
        let mut direct: HashMap<ElementKey, Direct> = HashMap::new();
        for p in pairs {
            for (k, d) in &p.0 {
                direct.insert(k.clone(), d.clone());
            }
        }
        let mut map = HashMap::new();
        for (k, (_, replaced, class, degree, _)) in &direct {
            let mut since = k.cert.clone();
            let mut cur = k.clone();
            for _ in 0..16 {
                match direct.get(&cur) {
                    Some((from, r, _, _, true)) => {
                        since = from.clone();
                        cur = r[0].clone();
                    }
                    _ => break,
                }
            }
            map.insert(
                k.clone(),
                Since { since, replaced: replaced.clone(), class: *class, degree: *degree },
            );
        }
        History { map }
    }

    pub fn of(&self, key: &ElementKey) -> Option<&Since> {
        self.map.get(key)
    }
}
