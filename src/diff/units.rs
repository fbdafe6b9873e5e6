//! A verdict per certifying unit (#25): for every CCP, bloc, unité and épreuve of the new version,
//! its old counterparts (from the alignment: official table first, then code, then meaning), one
//! [`Verdict`] and the evidence it rests on: the table's row, the change of its title, and the
//! changes of the compétences, critères and savoirs inside it (each with its source lines).
//!
//! Units that are one unit under two names are one row: an épreuve and the unité it validates, a
//! bloc and a CCP that certify the same compétences. Old units left without a counterpart get a
//! row of their own, `supprime`.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::align::{Alignment, Reason};
use super::classify::{Change, Class, Degree, degree};
use super::coverage::{Coverage, Level};
use crate::compare::{Item, Tree};
use crate::ids::{DocId, TableId};
use crate::model::Corpus;
use crate::schema::{Kind, Lines, Rel};
use crate::text::normalize;

/// What became of a certifying unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// One old unit, same title (or a correction), nothing inside it changed beyond corrections.
    Equivalent,
    /// One old unit, but its title or what it certifies changed.
    EquivalentAvecChangements,
    /// No old counterpart.
    Nouveau,
    /// An old unit without a new counterpart (its row names the old unit).
    Supprime,
    /// Several old units became this one.
    Fusionne,
    /// One old unit became several new ones (this one among them).
    Scinde,
    /// The old version describes neither units nor activités: nothing to judge by.
    NonComparable,
}

impl Verdict {
    pub const ALL: [Verdict; 7] = [
        Verdict::Equivalent,
        Verdict::EquivalentAvecChangements,
        Verdict::Nouveau,
        Verdict::Supprime,
        Verdict::Fusionne,
        Verdict::Scinde,
        Verdict::NonComparable,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Equivalent => "equivalent",
            Verdict::EquivalentAvecChangements => "equivalent_avec_changements",
            Verdict::Nouveau => "nouveau",
            Verdict::Supprime => "supprime",
            Verdict::Fusionne => "fusionne",
            Verdict::Scinde => "scinde",
            Verdict::NonComparable => "non_comparable",
        }
    }

    pub fn label(self) -> &'static str {
        use crate::words::evolution::verdict as v;
        match self {
            Verdict::Equivalent => v::Equivalent,
            Verdict::EquivalentAvecChangements => v::EquivalentAvecChangements,
            Verdict::Nouveau => v::Nouveau,
            Verdict::Supprime => v::Supprime,
            Verdict::Fusionne => v::Fusionne,
            Verdict::Scinde => v::Scinde,
            Verdict::NonComparable => v::NonComparable,
        }
    }
}

/// An element with where it is printed.
#[derive(Clone, Debug, Serialize)]
pub struct Cited {
    #[serde(flatten)]
    pub item: Item,
    pub doc: DocId,
    pub lines: Lines,
}

/// The row of a correspondence table that pairs two units.
#[derive(Clone, Debug, Serialize)]
pub struct TableRow {
    pub table: TableId,
    pub status: crate::schema::CorrespondenceStatus,
    pub doc: Option<DocId>,
    pub lines: Option<Lines>,
    pub text: Option<String>,
}

/// One old counterpart of a unit, and why.
#[derive(Clone, Debug, Serialize)]
pub struct Counterpart {
    /// The old unit (its first member: a CCP rather than its bloc, a unité rather than its épreuve).
    pub old: Cited,
    /// The other names of the same old unit (its épreuve, its bloc).
    pub also: Vec<Item>,
    /// Why they were paired (the alignment's reason).
    pub reason: Option<Reason>,
    /// The table row that decides, when a table does.
    pub row: Option<TableRow>,
}

/// A change inside a unit: a compétence, critère or savoir added, removed, reworded or moved.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub class: Class,
    /// False when the old element was in another unit (it came into this one).
    pub(crate) old_inside: bool,
    /// False when the new element is in another unit (it left this one).
    pub(crate) new_inside: bool,
    pub degree: Option<Degree>,
    pub kind: Kind,
    pub old: Vec<Cited>,
    pub new: Vec<Cited>,
}

/// The verdict of one certifying unit.
#[derive(Clone, Debug, Serialize)]
pub struct UnitVerdict {
    /// The unit (of the new version; of the old one for `supprime`).
    pub unit: Cited,
    /// Its other names in the same version (the épreuve of a unité, the bloc of a CCP).
    pub also: Vec<Item>,
    pub verdict: Verdict,
    /// Its old counterparts (empty for `nouveau` and `supprime`).
    pub counterparts: Vec<Counterpart>,
    /// How the title changed (null when unchanged or without counterpart).
    pub(crate) title_change: Option<Degree>,
    /// True when the documents describe what the old unit certifies (else only its title and
    /// the table are compared).
    pub old_content_known: bool,
    /// The changes inside the unit, compétences first; unchanged elements are counted, not listed.
    pub evidence: Vec<Evidence>,
    /// Elements inside the unit (both sides) that did not change.
    pub unchanged: usize,
    /// True when the version has no unit in the data and its activités types stand for them
    /// (a REAC's activité type « renvoie au certificat de compétences professionnelles »).
    pub by_activite: bool,
}

fn cited(corpus: &Corpus, tree: &Tree, i: usize) -> Cited {
    let _ = corpus;
    let e = tree.elems[i];
    Cited { item: Item::of(e), doc: e.cite.doc.clone(), lines: e.cite.lines }
}

fn is_unit(k: Kind) -> bool {
    k.diff_level() == Level::Unites
}

/// Rank of the member that names a group (CCP, unité, bloc; then épreuve): the units' ranks are
/// in the kinds' table ([`crate::schema::KindSpec::unit`]), other kinds come after them.
fn rank(k: Kind) -> u8 {
    k.spec().unit.unwrap_or(u8::MAX)
}

/// What a unit holds: the elements it certifies or evaluates and its children, with everything
/// under them, above the unit level.
fn content(tree: &Tree, u: usize) -> Vec<usize> {
    let mut stack: Vec<usize> = tree.elems[u]
        .links
        .iter()
        .filter(|l| matches!(l.rel, Rel::Certifies | Rel::Evaluates))
        .filter_map(|l| tree.find(&l.to))
        .chain(tree.children[u].iter().copied())
        .collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    while let Some(i) = stack.pop() {
        if !seen.insert(i) || is_unit(tree.elems[i].kind) {
            continue;
        }
        out.push(i);
        stack.extend(tree.children[i].iter().copied());
    }
    out.sort_by_key(|&i| tree.preorder[i]);
    out
}

/// The units of a tree, grouped when they are one unit under two names.
fn groups(tree: &Tree) -> Vec<Vec<usize>> {
    let units: Vec<usize> = (0..tree.len()).filter(|&i| is_unit(tree.elems[i].kind)).collect();
    let comps = |u: usize| -> Vec<usize> {
        let mut c: Vec<usize> = content(tree, u)
            .into_iter()
            .filter(|&i| tree.elems[i].kind.diff_level() == Level::Competences)
            .collect();
        c.sort();
        c
    };
    let sets: Vec<Vec<usize>> = units.iter().map(|&u| comps(u)).collect();
    let mut root: Vec<usize> = (0..units.len()).collect();
    fn find(root: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while root[r] != r {
            r = root[r];
        }
        root[i] = r;
        r
    }
    for (a, &u) in units.iter().enumerate() {
        for (b, &v) in units.iter().enumerate().skip(a + 1) {
            let linked = tree.elems[u]
                .links
                .iter()
                .any(|l| l.rel == Rel::Validates && tree.find(&l.to) == Some(v))
                || tree.elems[v]
                    .links
                    .iter()
                    .any(|l| l.rel == Rel::Validates && tree.find(&l.to) == Some(u));
            let same = !sets[a].is_empty()
                && sets[a] == sets[b]
                && tree.elems[u].kind != tree.elems[v].kind;
            if linked || same {
                let (ra, rb) = (find(&mut root, a), find(&mut root, b));
                root[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (a, &unit) in units.iter().enumerate() {
        let r = find(&mut root, a);
        by_root.entry(r).or_default().push(unit);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    for g in &mut out {
        g.sort_by_key(|&i| (rank(tree.elems[i].kind), tree.preorder[i]));
    }
    // By code when every group has one (U1 … U6, then UF1), else in document order.
    let natural = |c: &str| -> (String, u64) {
        let letters: String = c.chars().take_while(|ch| !ch.is_ascii_digit()).collect();
        let digits: String = c
            .chars()
            .skip_while(|ch| !ch.is_ascii_digit())
            .take_while(|ch| ch.is_ascii_digit())
            .collect();
        (letters, digits.parse().unwrap_or(0))
    };
    if out.iter().all(|g| tree.elems[g[0]].code.is_some()) {
        out.sort_by_key(|g| {
            (natural(tree.elems[g[0]].code.as_deref().unwrap_or("")), tree.preorder[g[0]])
        });
    } else {
        out.sort_by_key(|g| g.iter().map(|&i| tree.preorder[i]).min());
    }
    out
}

/// The row of a table that pairs `o` with `n` (either direction).
fn table_row(corpus: &Corpus, table: &TableId, o: &Item, n: &Item) -> Option<TableRow> {
    let t = corpus.correspondences.iter().find(|t| &t.id == table)?;
    let p = t.pairs.iter().find(|p| {
        (p.from.contains(&o.id) && p.to.contains(&n.id))
            || (p.from.contains(&n.id) && p.to.contains(&o.id))
    })?;
    Some(TableRow {
        table: table.clone(),
        status: t.status,
        doc: p.place.as_ref().map(|pl| pl.doc.clone()),
        lines: p.place.as_ref().map(|pl| pl.lines),
        text: p.text.clone(),
    })
}

/// The verdict of every certifying unit of the new version, then the old units without a
/// counterpart. `changes` are those the report keeps (levels both sides describe).
#[allow(clippy::too_many_arguments)]
pub fn verdicts(
    old_corpus: &Corpus,
    old: &Tree,
    new_corpus: &Corpus,
    new: &Tree,
    al: &Alignment,
    changes: &[Change],
    coverage: &Coverage,
) -> Vec<UnitVerdict> {
    let top_activites = |t: &Tree| -> Vec<Vec<usize>> {
        (0..t.len())
            .filter(|&i| {
                t.elems[i].kind.diff_level() == Level::Activites
                    && t.parent[i].is_none_or(|p| t.elems[p].kind.diff_level() != Level::Activites)
            })
            .map(|i| vec![i])
            .collect()
    };
    let (mut og, mut ng) = (groups(old), groups(new));
    // A version without units in the data: its activités types stand for them.
    let new_by_activite = ng.is_empty() && coverage.compared.contains(&Level::Activites);
    if new_by_activite {
        ng = top_activites(new);
    }
    let old_units = !og.is_empty() || new_by_activite;
    let old_activites = coverage.old.levels.contains(&Level::Activites)
        && coverage.compared.contains(&Level::Activites);
    if !old_units && old_activites {
        // The old version is known by its activités only: a unit is judged by the activités
        // types it certifies, whose old counterparts stand for the old units.
        og = top_activites(old);
    }
    if new_by_activite && og.is_empty() {
        og = top_activites(old);
    }
    let old_group_of = |o: usize| og.iter().position(|g| g.contains(&o));
    // For each new group, the old groups its members are linked to, with the link.
    let counterparts_of = |g: &[usize]| -> Vec<(usize, usize, usize, usize)> {
        let mut out: Vec<(usize, usize, usize, usize)> = Vec::new(); // (old group, old member, new member, link)
        let mut members: Vec<usize> = g.to_vec();
        if !old_units {
            members.extend(
                g.iter()
                    .flat_map(|&u| {
                        new.elems[u]
                            .links
                            .iter()
                            .filter(|l| l.rel == Rel::Certifies)
                            .filter_map(|l| new.find(&l.to))
                    })
                    .filter(|&t| new.elems[t].kind.diff_level() == Level::Activites),
            );
        }
        for n in members {
            let Some(l) = al.new_link[n] else { continue };
            for &o in &al.links[l].old {
                if let Some(x) = old_group_of(o)
                    && !out.iter().any(|c| c.0 == x)
                {
                    out.push((x, o, n, l));
                }
            }
        }
        out
    };
    let all: Vec<Vec<(usize, usize, usize, usize)>> =
        ng.iter().map(|g| counterparts_of(g)).collect();
    let compared = |k: Kind| coverage.compares(k) && !is_unit(k);
    let mut rows = Vec::new();
    for (gi, g) in ng.iter().enumerate() {
        let primary = g[0];
        let cps = &all[gi];
        let new_content: HashSet<usize> = g
            .iter()
            .flat_map(|&u| content(new, u))
            .filter(|&i| compared(new.elems[i].kind))
            .collect();
        let old_content: HashSet<usize> = cps
            .iter()
            .flat_map(|c| og[c.0].iter().flat_map(|&u| content(old, u)))
            .filter(|&i| compared(old.elems[i].kind))
            .collect();
        let new_keys: HashSet<String> =
            new_content.iter().map(|&i| new.elems[i].key.to_string()).collect();
        let old_keys: HashSet<String> =
            old_content.iter().map(|&i| old.elems[i].key.to_string()).collect();
        let mut evidence = Vec::new();
        let mut unchanged = 0;
        for ch in changes {
            let inside = ch.new.iter().any(|i| new_keys.contains(&i.id.to_string()))
                || ch.old.iter().any(|i| old_keys.contains(&i.id.to_string()));
            if !inside || is_unit(ch.kind) {
                continue;
            }
            if ch.class == Class::Unchanged && !ch.code_changed {
                unchanged += 1;
                continue;
            }
            let side = |corpus: &Corpus, tree: &Tree, items: &[Item]| {
                items
                    .iter()
                    .filter_map(|i| tree.find(&i.id))
                    .map(|x| cited(corpus, tree, x))
                    .collect::<Vec<_>>()
            };
            let old_inside = ch.old.iter().any(|i| old_keys.contains(&i.id.to_string()));
            let new_inside = ch.new.iter().any(|i| new_keys.contains(&i.id.to_string()));
            evidence.push(Evidence {
                class: ch.class,
                old_inside,
                new_inside,
                degree: ch.degree,
                kind: ch.kind,
                old: side(old_corpus, old, &ch.old),
                new: side(new_corpus, new, &ch.new),
            });
        }
        // Compétences first, then the rest, each in tree order (already).
        evidence.sort_by_key(|e| e.kind.diff_level());
        let old_content_known = !old_content.is_empty();
        let scinde = cps.len() == 1
            && all.iter().enumerate().any(|(gj, c)| gj != gi && c.iter().any(|x| x.0 == cps[0].0));
        let title_change = cps.first().and_then(|c| {
            // Titles compare like with like: the activité type that stands for an old unit with
            // the new one that the unit certifies.
            let (ot, nt) = (
                old.elems[og[c.0][0]].text(),
                new.elems[if old_units { primary } else { c.2 }].text(),
            );
            (normalize(ot) != normalize(nt)).then(|| degree(ot, nt))
        });
        // No counterpart, and the old version describes none of the unit's kinds: not « nouveau ».
        let kind_unknown = !new_by_activite
            && coverage
                .unit_kinds
                .as_ref()
                .is_some_and(|k| !g.iter().any(|&u| k.contains(&new.elems[u].kind)));
        let verdict = match cps.len() {
            _ if !old_units && !old_activites => Verdict::NonComparable,
            0 if kind_unknown => Verdict::NonComparable,
            0 => Verdict::Nouveau,
            1 if scinde => Verdict::Scinde,
            1 => {
                let light = |d: Option<Degree>| d.is_none() || d == Some(Degree::Correction);
                let content_same = evidence.iter().all(|e| {
                    matches!(e.class, Class::Unchanged | Class::Reworded) && light(e.degree)
                });
                if light(title_change) && content_same {
                    Verdict::Equivalent
                } else {
                    Verdict::EquivalentAvecChangements
                }
            }
            _ => Verdict::Fusionne,
        };
        let counterparts = cps
            .iter()
            .map(|&(x, o, n, l)| {
                let reason = al.links[l].reason.clone();
                let (oi, ni) = (Item::of(old.elems[o]), Item::of(new.elems[n]));
                let row = match &reason {
                    Reason::OfficialTable { table, .. }
                    | Reason::CuratedTable { table, .. }
                    | Reason::InferredTable { table, .. } => table_row(new_corpus, table, &oi, &ni)
                        .or_else(|| table_row(old_corpus, table, &oi, &ni)),
                    _ => None,
                };
                Counterpart {
                    old: cited(old_corpus, old, og[x][0]),
                    also: og[x][1..].iter().map(|&i| Item::of(old.elems[i])).collect(),
                    reason: Some(reason),
                    row,
                }
            })
            .collect();
        rows.push(UnitVerdict {
            unit: cited(new_corpus, new, primary),
            also: g[1..].iter().map(|&i| Item::of(new.elems[i])).collect(),
            verdict,
            counterparts,
            title_change,
            old_content_known,
            evidence,
            unchanged,
            by_activite: new_by_activite,
        });
    }
    for (x, g) in og.iter().enumerate() {
        let kind_unknown = !new_by_activite
            && coverage
                .unit_kinds
                .as_ref()
                .is_some_and(|k| !g.iter().any(|&u| k.contains(&old.elems[u].kind)));
        if !old_units || kind_unknown || all.iter().any(|c| c.iter().any(|y| y.0 == x)) {
            continue;
        }
        rows.push(UnitVerdict {
            unit: cited(old_corpus, old, g[0]),
            also: g[1..].iter().map(|&i| Item::of(old.elems[i])).collect(),
            verdict: Verdict::Supprime,
            counterparts: Vec::new(),
            title_change: None,
            old_content_known: true,
            evidence: Vec::new(),
            unchanged: 0,
            by_activite: new_by_activite,
        });
    }
    rows
}
