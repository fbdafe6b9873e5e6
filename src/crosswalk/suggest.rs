//! Suggested correspondences between two certifications that no table relates: for each group
//! (compétences, critères, savoirs) the elements of one side whose French profiles are closest
//! to those of the other side, with a score and the words that support it.
//!
//! An element's **profile** is a vector over stems ([`crate::lang::terms`]): each stem of its own
//! text weighs its IDF (computed over all elements of the two certifications); each stem of its
//! descendants (the critères, savoir-faire … under a compétence) weighs
//! `DESCENDANT_WEIGHT · IDF · (1 + ln count)`. The score is the cosine of the two profiles, or
//! the cosine of the two own texts alone when that is higher (some documents give a compétence's
//! title only, with nothing under it, and its profile would be unfairly short). A pair is
//! suggested when its score is at least [`SUGGEST_THRESHOLD`] and it is among the
//! [`PER_ELEMENT`] best of either of its elements.

use std::collections::HashMap;

use super::{group_of, Group, Mapping, Status};
use crate::compare::Tree;
use crate::compare::similarity::{self, Space, Vector};
use crate::compare::Item;

/// Minimum cosine score of a suggestion.
pub const SUGGEST_THRESHOLD: f32 = 0.35;
/// How many suggestions each element may contribute (its best ones).
pub const PER_ELEMENT: usize = 2;
/// Weight of the descendants' words in a profile, relative to the element's own words.
pub const DESCENDANT_WEIGHT: f32 = 0.3;
/// How many supporting words are reported.
pub const WORDS: usize = 6;

/// Is `i` a compétence with no compétence under it (the unit that suggestions and coverage use)?
pub fn is_leaf_competence(tree: &Tree, i: usize) -> bool {
    group_of(tree.elems[i].kind) == Some(Group::Competences) && !tree.children[i].iter().any(|&c| group_of(tree.elems[c].kind) == Some(Group::Competences))
}

/// The elements of a tree that take part in suggestions for `group`.
pub fn members(tree: &Tree, group: Group) -> Vec<usize> {
    (0..tree.len())
        .filter(|&i| group_of(tree.elems[i].kind) == Some(group) && (group != Group::Competences || is_leaf_competence(tree, i)))
        .collect()
}

fn descendants(tree: &Tree, i: usize, out: &mut Vec<usize>) {
    for &c in &tree.children[i] {
        out.push(c);
        descendants(tree, c, out);
    }
}

struct Profiles {
    space: Space,
}

impl Profiles {
    fn vector(&self, tree: &Tree, own: &[Vec<u32>], i: usize) -> Vector {
        let mut entries: Vec<(u32, f32)> = own[i].iter().map(|&t| (t, self.space.idf(t))).collect();
        let mut desc = Vec::new();
        descendants(tree, i, &mut desc);
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for d in desc {
            for &t in &own[d] {
                *counts.entry(t).or_default() += 1;
            }
        }
        entries.extend(counts.into_iter().map(|(t, c)| (t, DESCENDANT_WEIGHT * self.space.idf(t) * (1.0 + (c as f32).ln()))));
        Vector::from_entries(entries)
    }
}

/// A stem as printed: in `a`'s element, then `b`'s, then their descendants; else the stem.
fn printed_in(space: &Space, a: &Tree, i: usize, b: &Tree, j: usize, term: u32) -> String {
    let stem = space.stem(term);
    let mut da = Vec::new();
    descendants(a, i, &mut da);
    let mut db = Vec::new();
    descendants(b, j, &mut db);
    std::iter::once(a.elems[i].text())
        .chain(std::iter::once(b.elems[j].text()))
        .chain(da.iter().map(|&d| a.elems[d].text()))
        .chain(db.iter().map(|&d| b.elems[d].text()))
        .find_map(|t| similarity::printed(t, stem))
        .unwrap_or_else(|| stem.to_string())
}

/// Suggestions between `a` and `b` for every group, leaving out elements in `taken_a`/`taken_b`
/// (elements that an official or curated pair already relates: those take precedence).
pub fn suggest(a: &Tree, b: &Tree, taken_a: &dyn Fn(usize) -> bool, taken_b: &dyn Fn(usize) -> bool) -> Vec<Mapping> {
    let mut space = Space::new();
    let own_a: Vec<Vec<u32>> = a.elems.iter().map(|e| space.add(e.text())).collect();
    let own_b: Vec<Vec<u32>> = b.elems.iter().map(|e| space.add(e.text())).collect();
    space.finish();
    let p = Profiles { space };
    let mut out = Vec::new();
    for group in [Group::Competences, Group::Criteres, Group::Savoirs] {
        let ma: Vec<usize> = members(a, group).into_iter().filter(|&i| !taken_a(i)).collect();
        let mb: Vec<usize> = members(b, group).into_iter().filter(|&j| !taken_b(j)).collect();
        if ma.is_empty() || mb.is_empty() {
            continue;
        }
        let va: Vec<Vector> = ma.iter().map(|&i| p.vector(a, &own_a, i)).collect();
        let vb: Vec<Vector> = mb.iter().map(|&j| p.vector(b, &own_b, j)).collect();
        let title = |own: &[Vec<u32>], i: usize| Vector::from_entries(own[i].iter().map(|&t| (t, p.space.idf(t))).collect());
        let ta: Vec<Vector> = ma.iter().map(|&i| title(&own_a, i)).collect();
        let tb: Vec<Vector> = mb.iter().map(|&j| title(&own_b, j)).collect();
        let best = |x: usize, y: usize| {
            let (sp, pp) = similarity::cosine(&va[x], &vb[y]);
            let (st, pt) = similarity::cosine(&ta[x], &tb[y]);
            if st > sp { (st, pt) } else { (sp, pp) }
        };
        // Every pair above the threshold.
        let mut scored: Vec<(f32, usize, usize)> = Vec::new();
        for x in 0..va.len() {
            for y in 0..vb.len() {
                let (s, _) = best(x, y);
                if s >= SUGGEST_THRESHOLD {
                    scored.push((s, x, y));
                }
            }
        }
        scored.sort_by(|l, r| r.0.total_cmp(&l.0).then((l.1, l.2).cmp(&(r.1, r.2))));
        let mut rank_a: HashMap<usize, usize> = HashMap::new();
        let mut rank_b: HashMap<usize, usize> = HashMap::new();
        let mut best_a: HashMap<usize, usize> = HashMap::new();
        let mut best_b: HashMap<usize, usize> = HashMap::new();
        let mut kept: Vec<(f32, usize, usize, usize, usize)> = Vec::new();
        for (s, x, y) in scored {
            let ra = *rank_a.entry(x).and_modify(|r| *r += 1).or_insert(0);
            let rb = *rank_b.entry(y).and_modify(|r| *r += 1).or_insert(0);
            best_a.entry(x).or_insert(y);
            best_b.entry(y).or_insert(x);
            if ra < PER_ELEMENT || rb < PER_ELEMENT {
                kept.push((s, x, y, ra, rb));
            }
        }
        for (s, x, y, _, _) in kept {
            let (i, j) = (ma[x], mb[y]);
            let (_, parts) = best(x, y);
            let words = parts.iter().take(WORDS).map(|(t, _)| printed_in(&p.space, a, i, b, j, *t)).collect();
            out.push(Mapping {
                status: Status::Suggested,
                group: Some(group),
                a: vec![Item::of(a.elems[i])],
                b: vec![Item::of(b.elems[j])],
                relation: None,
                table: None,
                score: Some(similarity::round(s)),
                words,
                mutual: best_a.get(&x) == Some(&y) && best_b.get(&y) == Some(&x),
                justification: None,
                author: None,
                date: None,
                note: None,
            });
        }
    }
    out
}
