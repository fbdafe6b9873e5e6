//! Classification: from an alignment, one [`Change`] per pairing or unpaired element, with its
//! [`Class`], in tree order (each change where it sits in the new tree; removed elements after
//! the nearest element before them that survived).
//!
//! - 1 → 1 pairs are **unchanged** (same normalised text, parents aligned with each other),
//!   **reworded** (text differs; a word diff says how) or **moved** (neither the new parent nor
//!   the nearest ancestor that is not a `section` is the counterpart of the old one: document
//!   headings only organise the page; `reworded` says if the text changed too);
//! - 1 → n pairs are **split**, n → 1 pairs **merged** (an official n → m pair is `merged` too);
//! - new elements without a counterpart are **added**, old ones **removed** (with the table's
//!   reason when a correspondence table says so).

use std::collections::BTreeMap;

use serde::Serialize;

use super::align::{Alignment, Reason, same_place};
use super::words::{WordOp, diff_words};
use crate::compare::{Item, Tree};
use crate::schema::Kind;
use crate::text::normalize;

/// What happened to an element between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Unchanged,
    Reworded,
    Moved,
    Split,
    Merged,
    Added,
    Removed,
}

impl Class {
    pub const ALL: [Class; 7] = [
        Class::Unchanged,
        Class::Reworded,
        Class::Moved,
        Class::Split,
        Class::Merged,
        Class::Added,
        Class::Removed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::Unchanged => "unchanged",
            Class::Reworded => "reworded",
            Class::Moved => "moved",
            Class::Split => "split",
            Class::Merged => "merged",
            Class::Added => "added",
            Class::Removed => "removed",
        }
    }

    /// The French label shown on the site.
    pub fn label(self) -> &'static str {
        match self {
            Class::Unchanged => crate::words::class::Unchanged,
            Class::Reworded => crate::words::class::Reworded,
            Class::Moved => crate::words::class::Moved,
            Class::Split => crate::words::class::Split,
            Class::Merged => crate::words::class::Merged,
            Class::Added => crate::words::class::Added,
            Class::Removed => crate::words::class::Removed,
        }
    }

    /// A one-character mark for the text report.
    pub fn mark(self) -> char {
        match self {
            Class::Unchanged => '=',
            Class::Reworded => '~',
            Class::Moved => '>',
            Class::Split => '<',
            Class::Merged => '}',
            Class::Added => '+',
            Class::Removed => '-',
        }
    }
}

/// One change: the old and new elements it relates, its class and why they were paired.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub class: Class,
    /// The kind of the element (the new one, or the old one when removed).
    pub kind: Kind,
    /// Depth in its tree (0 for a top-level element).
    pub depth: usize,
    pub old: Vec<Item>,
    pub new: Vec<Item>,
    /// Why old and new were paired; for added and removed elements, the table that says so, if any.
    pub reason: Option<Reason>,
    /// True when the text changed (reworded, or moved and reworded).
    pub reworded: bool,
    /// True when a 1 → 1 pair changed its code.
    pub(crate) code_changed: bool,
    /// The word-level diff, for 1 → 1 pairs whose text changed.
    pub words: Option<Vec<WordOp>>,
    /// How much a reworded text changed (#25): correction, ajustement or révision ([`degree`]).
    pub degree: Option<Degree>,
}

/// How much a reworded text changed, after the UK's IfATE classes of change (#25).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    /// Spelling, punctuation, case, accents or agreement: the same words, at most one letter
    /// apart each.
    Correction,
    /// Same meaning, new wording: the meaningful stems are the same, or at most one is dropped
    /// and at most one is brought in.
    Ajustement,
    /// The meaning changed: more stems dropped or brought in.
    Revision,
}

impl Degree {
    pub fn name(self) -> &'static str {
        match self {
            Degree::Correction => "correction",
            Degree::Ajustement => "ajustement",
            Degree::Revision => "revision",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Degree::Correction => crate::words::evolution::degree::Correction,
            Degree::Ajustement => crate::words::evolution::degree::Ajustement,
            Degree::Revision => crate::words::evolution::degree::Revision,
        }
    }
}

/// Levenshtein distance of two short words, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The class of change of a reworded text (rules in `docs/diff-format.md`):
/// - **correction**: the folded words (case and accents aside, punctuation dropped) are the same,
///   or as many and each at most one letter from its counterpart;
/// - **ajustement**: the meaningful stems (stop words dropped, French stems) are the same set, or
///   at most one stem is dropped and at most one brought in;
/// - **révision**: otherwise.
pub fn degree(old: &str, new: &str) -> Degree {
    let words =
        |t: &str| crate::lang::tokens(t).into_iter().map(|t| t.word).collect::<Vec<String>>();
    let (wo, wn) = (words(old), words(new));
    if wo.len() == wn.len()
        && wo
            .iter()
            .zip(&wn)
            .all(|(a, b)| a == b || (a.chars().count() >= 4 && edit_distance(a, b) <= 1))
    {
        return Degree::Correction;
    }
    let stems =
        |t: &str| crate::lang::terms(t).into_iter().collect::<std::collections::BTreeSet<String>>();
    let (so, sn) = (stems(old), stems(new));
    let dropped = so.difference(&sn).count();
    let brought = sn.difference(&so).count();
    if dropped <= 1 && brought <= 1 && so.intersection(&sn).count() > 0 {
        Degree::Ajustement
    } else {
        Degree::Revision
    }
}

/// Counts per class, and per class and kind.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub old_elements: usize,
    pub new_elements: usize,
    pub by_class: BTreeMap<Class, usize>,
    pub by_kind: BTreeMap<Class, BTreeMap<Kind, usize>>,
}

impl Summary {
    pub fn count(&self, c: Class) -> usize {
        self.by_class.get(&c).copied().unwrap_or(0)
    }
}

pub(crate) fn summarize(old: &Tree, new: &Tree, changes: &[Change]) -> Summary {
    let mut s = Summary { old_elements: old.len(), new_elements: new.len(), ..Summary::default() };
    for c in Class::ALL {
        s.by_class.insert(c, 0);
    }
    for ch in changes {
        *s.by_class.entry(ch.class).or_default() += 1;
        *s.by_kind.entry(ch.class).or_default().entry(ch.kind).or_default() += 1;
    }
    s
}

/// Every change, in tree order.
pub fn classify(old: &Tree, new: &Tree, al: &Alignment) -> Vec<Change> {
    // Where each old element's change goes: after the nearest old element before it (pre-order)
    // that has a counterpart — right under that counterpart when it is the element's ancestor
    // (a removed child stays under its parent), after the counterpart's whole subtree otherwise
    // (a removed sibling never sits between an element and its children).
    let mut old_order: Vec<usize> = (0..old.len()).collect();
    old_order.sort_by_key(|&o| old.preorder[o]);
    let mut size = vec![1usize; new.len()];
    let mut new_order: Vec<usize> = (0..new.len()).collect();
    new_order.sort_by_key(|&n| std::cmp::Reverse(new.preorder[n]));
    for &n in &new_order {
        if let Some(p) = new.parent[n] {
            size[p] += size[n];
        }
    }
    let is_ancestor = |a: usize, mut o: usize| {
        while let Some(p) = old.parent[o] {
            if p == a {
                return true;
            }
            o = p;
        }
        false
    };
    let mut anchor = vec![0usize; old.len()];
    let mut last: Option<(usize, usize)> = None; // (old element, its first counterpart)
    for &o in &old_order {
        anchor[o] = match last {
            None => 0,
            Some((po, n)) if is_ancestor(po, o) => new.preorder[n] + 1,
            Some((_, n)) => new.preorder[n] + size[n],
        };
        if let Some(n) = al.old_link[o]
            .and_then(|l| al.links[l].new.iter().copied().min_by_key(|&n| new.preorder[n]))
        {
            last = Some((o, n));
        }
    }

    let mut keyed: Vec<((usize, usize), Change)> = Vec::new();
    let change = |class: Class,
                  kind: Kind,
                  depth: usize,
                  os: &[usize],
                  ns: &[usize],
                  reason: Option<Reason>| Change {
        class,
        kind,
        depth,
        old: os.iter().map(|&o| Item::of(old.elems[o])).collect(),
        new: ns.iter().map(|&n| Item::of(new.elems[n])).collect(),
        reason,
        reworded: false,
        code_changed: false,
        words: None,
        degree: None,
    };

    for link in &al.links {
        let (os, ns) = (&link.old, &link.new);
        let reason = Some(link.reason.clone());
        let first_new = ns.iter().copied().min_by_key(|&n| new.preorder[n]);
        match (os.len(), ns.len()) {
            (0, 0) => {}
            (_, 0) => {
                for &o in os {
                    keyed.push((
                        (anchor[o], 1 + old.preorder[o]),
                        change(
                            Class::Removed,
                            old.elems[o].kind,
                            old.depth[o],
                            &[o],
                            &[],
                            reason.clone(),
                        ),
                    ));
                }
            }
            (0, _) => {
                for &n in ns {
                    keyed.push((
                        (new.preorder[n] + 1, 0),
                        change(
                            Class::Added,
                            new.elems[n].kind,
                            new.depth[n],
                            &[],
                            &[n],
                            reason.clone(),
                        ),
                    ));
                }
            }
            (1, 1) => {
                let (o, n) = (os[0], ns[0]);
                let (oe, ne) = (old.elems[o], new.elems[n]);
                let same_place = same_place(old, new, &al.old_link, &al.new_link, o, n);
                let reworded = normalize(oe.text()) != normalize(ne.text());
                let class = if !same_place {
                    Class::Moved
                } else if reworded {
                    Class::Reworded
                } else {
                    Class::Unchanged
                };
                let mut ch = change(class, ne.kind, new.depth[n], &[o], &[n], reason);
                ch.reworded = reworded;
                ch.code_changed = oe.code != ne.code;
                if reworded {
                    ch.words = Some(diff_words(oe.text(), ne.text()));
                    ch.degree = Some(degree(oe.text(), ne.text()));
                }
                keyed.push(((new.preorder[n] + 1, 0), ch));
            }
            (1, _) => {
                let n = first_new.unwrap_or(ns[0]);
                keyed.push((
                    (new.preorder[n] + 1, 0),
                    change(Class::Split, old.elems[os[0]].kind, new.depth[n], os, ns, reason),
                ));
            }
            _ => {
                let n = first_new.unwrap_or(ns[0]);
                keyed.push((
                    (new.preorder[n] + 1, 0),
                    change(Class::Merged, new.elems[n].kind, new.depth[n], os, ns, reason),
                ));
            }
        }
    }
    for o in (0..old.len()).filter(|&o| al.old_link[o].is_none()) {
        keyed.push((
            (anchor[o], 1 + old.preorder[o]),
            change(Class::Removed, old.elems[o].kind, old.depth[o], &[o], &[], None),
        ));
    }
    for n in (0..new.len()).filter(|&n| al.new_link[n].is_none()) {
        keyed.push((
            (new.preorder[n] + 1, 0),
            change(Class::Added, new.elems[n].kind, new.depth[n], &[], &[n], None),
        ));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, c)| c).collect()
}
