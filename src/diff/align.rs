//! Alignment: which elements of the old certification correspond to which elements of the new
//! one, and why (the [`Reason`] of every pairing).
//!
//! The order of the evidence, strongest first:
//!
//! 1. **correspondence tables** between the two certifications: official ones (printed in a
//!    document), then curated ones (written in `data/correspondences/`); a pair may be 1 → 1,
//!    1 → n, n → 1, or have an empty side (the table says there is no counterpart). When a 1 → 1
//!    pair's elements each certify exactly one element (`certifies`: a CCP and its activité
//!    type), those are paired too;
//! 2. then, **top-down, children under their aligned parents** (the roots of both trees form the
//!    first group): equal **codes** (same kind family, unique on both sides, texts not disjoint),
//!    identical normalised texts, the **same local id** (only when two versions of one
//!    certification are compared), then French **similarity** (weighted Dice over stems,
//!    ≥ [`DiffOptions::group_threshold`]), best pairs first;
//! 3. elements left over anywhere (moved ones) by code, then by similarity
//!    ≥ [`DiffOptions::move_threshold`], and their children in turn under them;
//! 4. **split and merge**: a left-over element whose stems are mostly contained in an element of
//!    the other side (≥ [`DiffOptions::part_threshold`]) is a piece of it; the pieces together must
//!    cover ≥ [`DiffOptions::cover_threshold`] of that element's weight.

use std::collections::{HashMap, VecDeque};

use serde::Serialize;

use super::DiffOptions;
use crate::compare::Tree;
use crate::compare::similarity::{self, Space, TermSet};
use crate::ids::TableId;
use crate::model::{Corpus, Element};
use crate::schema::{CorrespondenceStatus, Kind, Pairing, Relation};
use crate::text::normalize;

/// Why two groups of elements were paired.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Reason {
    /// A pair of an official correspondence table (printed in a source document).
    OfficialTable { table: TableId, relation: Relation },
    /// A pair of a curated correspondence table (written by a person, with a justification).
    CuratedTable { table: TableId, relation: Relation, justification: Option<String> },
    /// A pair of an inferred correspondence table (read from a document's layout, not stated by it).
    InferredTable { table: TableId, relation: Relation },
    /// The elements that a table pair certifies (`certifies` links: a CCP's activité type),
    /// when each side of the pair certifies exactly one element of that kind.
    CertifiedByTablePair { table: TableId, old: String, new: String },
    /// Same local id in two versions of the same certification, with the texts' similarity.
    SameId { id: String, score: f64 },
    /// Same code (`C31`, `CP3` …), as printed in the new version.
    Code { code: String },
    /// French-normalised similarity (weighted Dice over stems, 0–1) and the shared words.
    Similarity { score: f64, shared: Vec<String> },
    /// Split or merge: the share (0–1) of the whole element's weight that the pieces cover.
    Coverage { score: f64, shared: Vec<String> },
    /// The last two of their groups (#25): the only unpaired compétences (or activités) among
    /// siblings whose other members are paired with the other's siblings, one on each side, with
    /// at least one shared word: the evidence is one-to-one.
    Rest { score: f64, shared: Vec<String>, siblings: usize },
}

impl Reason {
    /// A short phrase for the text and markdown reports, in French.
    pub fn describe(&self) -> String {
        use crate::words::evolution::reason as w;
        match self {
            Reason::OfficialTable { relation, .. } => w::table(w::OFFICIAL, relation.label()),
            Reason::CuratedTable { relation, .. } => w::table(w::CURATED, relation.label()),
            Reason::InferredTable { relation, .. } => w::table(w::INFERRED, relation.label()),
            Reason::CertifiedByTablePair { old, new, .. } => w::certified_by(old, new),
            Reason::SameId { score, .. } => w::same_place(percent(*score)),
            Reason::Code { code } => w::code(code),
            Reason::Similarity { score, shared } => w::similar(percent(*score), &w::words(shared)),
            Reason::Coverage { score, shared } => w::coverage(percent(*score), &w::words(shared)),
            Reason::Rest { score, shared, siblings } => {
                w::rest(*siblings, percent(*score), &w::words(shared))
            }
        }
    }

    fn is_table(&self) -> bool {
        matches!(
            self,
            Reason::OfficialTable { .. }
                | Reason::CuratedTable { .. }
                | Reason::InferredTable { .. }
                | Reason::CertifiedByTablePair { .. }
        )
    }
}

fn percent(score: f64) -> i64 {
    (score * 100.0).round() as i64
}

/// Old elements paired with new ones; either side may be empty when a table says so.
#[derive(Clone, Debug)]
pub struct Link {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    pub reason: Reason,
}

/// The result of aligning two trees.
pub struct Alignment {
    pub links: Vec<Link>,
    /// The link of each old element, if any.
    pub(crate) old_link: Vec<Option<usize>>,
    pub(crate) new_link: Vec<Option<usize>>,
}

/// Kinds that may be paired with each other share this key ([`crate::schema::KindSpec::diff_pairs`]).
fn family(k: Kind) -> u16 {
    match k.spec().diff_pairs {
        Pairing::Itself => k as u16,
        Pairing::Competences => 1000,
        Pairing::Criteres => 1001,
        Pairing::Savoirs => 1002,
        Pairing::Activites => 1003,
    }
}

fn code_key(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect::<String>()
        .trim_end_matches('.')
        .to_string()
}

struct Aligner<'a, 'c> {
    old: &'a Tree<'c>,
    new: &'a Tree<'c>,
    opts: &'a DiffOptions,
    space: Space,
    os: Vec<TermSet>,
    ns: Vec<TermSet>,
    onorm: Vec<String>,
    nnorm: Vec<String>,
    same_cert: bool,
    links: Vec<Link>,
    live: Vec<bool>,
    old_link: Vec<Option<usize>>,
    new_link: Vec<Option<usize>>,
    queue: VecDeque<usize>,
}

/// Align `old` with `new` (trees of `old_corpus` and `new_corpus`).
pub fn align(
    old_corpus: &Corpus,
    old: &Tree,
    new_corpus: &Corpus,
    new: &Tree,
    opts: &DiffOptions,
) -> Alignment {
    let mut space = Space::new();
    let ob: Vec<Vec<u32>> = old.elems.iter().map(|e| space.add(e.text())).collect();
    let nb: Vec<Vec<u32>> = new.elems.iter().map(|e| space.add(e.text())).collect();
    space.finish();
    let mut a = Aligner {
        old,
        new,
        opts,
        os: ob.iter().map(|b| space.weigh(b)).collect(),
        ns: nb.iter().map(|b| space.weigh(b)).collect(),
        space,
        onorm: old.elems.iter().map(|e| normalize(e.text())).collect(),
        nnorm: new.elems.iter().map(|e| normalize(e.text())).collect(),
        same_cert: old.cert == new.cert,
        links: Vec::new(),
        live: Vec::new(),
        old_link: vec![None; old.len()],
        new_link: vec![None; new.len()],
        queue: VecDeque::new(),
    };
    if !a.same_cert {
        a.tables(old_corpus, new_corpus);
    }
    let (roots_o, roots_n) = (old.roots.clone(), new.roots.clone());
    a.group(&roots_o, &roots_n);
    loop {
        while let Some(l) = a.queue.pop_front() {
            if a.live[l] {
                a.expand(l);
            }
        }
        if a.global() > 0 {
            continue;
        }
        if a.split_merge() > 0 {
            continue;
        }
        if a.rests() > 0 {
            continue;
        }
        break;
    }
    let mut links = Vec::new();
    let mut old_link = vec![None; old.len()];
    let mut new_link = vec![None; new.len()];
    for (l, live) in a.links.into_iter().zip(a.live) {
        if live {
            for &o in &l.old {
                old_link[o] = Some(links.len());
            }
            for &n in &l.new {
                new_link[n] = Some(links.len());
            }
            links.push(l);
        }
    }
    Alignment { links, old_link, new_link }
}

impl<'a, 'c> Aligner<'a, 'c> {
    fn link(&mut self, old: Vec<usize>, new: Vec<usize>, reason: Reason) -> usize {
        let l = self.links.len();
        for &o in &old {
            self.old_link[o] = Some(l);
        }
        for &n in &new {
            self.new_link[n] = Some(l);
        }
        if !old.is_empty() && !new.is_empty() {
            self.queue.push_back(l);
        }
        self.links.push(Link { old, new, reason });
        self.live.push(true);
        l
    }

    fn unlink(&mut self, l: usize) {
        self.live[l] = false;
        for o in self.links[l].old.clone() {
            self.old_link[o] = None;
        }
        for n in self.links[l].new.clone() {
            self.new_link[n] = None;
        }
    }

    fn shared_words(&self, o: usize, n: usize) -> Vec<String> {
        let terms = similarity::shared(&self.os[o], &self.ns[n]);
        similarity::printed_words(
            &self.space,
            &terms,
            self.new.elems[n].text(),
            self.old.elems[o].text(),
            6,
        )
    }

    fn similarity(&self, o: usize, n: usize, score: f32) -> Reason {
        Reason::Similarity { score: similarity::round(score), shared: self.shared_words(o, n) }
    }

    /// Pairs of the correspondence tables between the two certifications (both corpora).
    fn tables(&mut self, old_corpus: &Corpus, new_corpus: &Corpus) {
        let (oc, nc) = (self.old.cert.clone(), self.new.cert.clone());
        let mut seen: Vec<&TableId> = Vec::new();
        let mut tables = Vec::new();
        for corpus in [new_corpus, old_corpus] {
            for t in &corpus.correspondences {
                let forward = t.from == oc && t.to == nc;
                let backward = t.from == nc && t.to == oc;
                if (forward || backward) && !seen.contains(&&t.id) {
                    seen.push(&t.id);
                    tables.push((t, forward));
                }
            }
        }
        // Official tables first.
        tables.sort_by_key(|(t, _)| t.status != CorrespondenceStatus::Official);
        for (t, forward) in tables {
            for p in &t.pairs {
                let (from, to) = if forward { (&p.from, &p.to) } else { (&p.to, &p.from) };
                let olds: Vec<usize> = from
                    .iter()
                    .filter_map(|k| self.old.find(k))
                    .filter(|&o| self.old_link[o].is_none())
                    .collect();
                let news: Vec<usize> = to
                    .iter()
                    .filter_map(|k| self.new.find(k))
                    .filter(|&n| self.new_link[n].is_none())
                    .collect();
                // A side that names elements none of which is here (or free) makes the pair moot.
                if (olds.is_empty() && !from.is_empty())
                    || (news.is_empty() && !to.is_empty())
                    || (olds.is_empty() && news.is_empty())
                {
                    continue;
                }
                let relation = if forward { p.relation } else { p.relation.inverse() };
                let reason = match t.status {
                    CorrespondenceStatus::Official => {
                        Reason::OfficialTable { table: t.id.clone(), relation }
                    }
                    CorrespondenceStatus::Curated => Reason::CuratedTable {
                        table: t.id.clone(),
                        relation,
                        justification: p.justification.clone(),
                    },
                    CorrespondenceStatus::Inferred => {
                        Reason::InferredTable { table: t.id.clone(), relation }
                    }
                };
                let table = t.id.clone();
                if olds.len() == 1 && news.len() == 1 {
                    self.certified(olds[0], news[0], &table);
                }
                self.link(olds, news, reason);
            }
        }
    }

    /// When a table pairs `o` with `n` and each certifies exactly one element of one kind (a CCP
    /// and its activité type), pair those elements too.
    fn certified(&mut self, o: usize, n: usize, table: &TableId) {
        let targets = |tree: &Tree, i: usize| -> Vec<usize> {
            tree.elems[i]
                .links
                .iter()
                .filter(|l| l.rel == crate::schema::Rel::Certifies)
                .filter_map(|l| tree.find(&l.to))
                .collect()
        };
        let (to, tn) = (targets(self.old, o), targets(self.new, n));
        if let ([x], [y]) = (to.as_slice(), tn.as_slice()) {
            let (x, y) = (*x, *y);
            if family(self.old.elems[x].kind) == family(self.new.elems[y].kind)
                && self.old_link[x].is_none()
                && self.new_link[y].is_none()
            {
                let reason = Reason::CertifiedByTablePair {
                    table: table.clone(),
                    old: self.old.elems[o].key.local.to_string(),
                    new: self.new.elems[n].key.local.to_string(),
                };
                self.link(vec![x], vec![y], reason);
            }
        }
    }

    /// Align the free children of a link's old elements with those of its new elements.
    fn expand(&mut self, l: usize) {
        let o: Vec<usize> = self.links[l]
            .old
            .iter()
            .flat_map(|&p| self.old.children[p].iter().copied())
            .filter(|&c| self.old_link[c].is_none())
            .collect();
        let n: Vec<usize> = self.links[l]
            .new
            .iter()
            .flat_map(|&p| self.new.children[p].iter().copied())
            .filter(|&c| self.new_link[c].is_none())
            .collect();
        if !o.is_empty() && !n.is_empty() {
            self.group(&o, &n);
        }
    }

    /// Code pairs among free elements: same family and code, unique on both sides.
    fn codes(&mut self, olds: &[usize], news: &[usize]) -> usize {
        let key = |e: &Element| e.code.as_deref().map(|c| (family(e.kind), code_key(c)));
        let mut by_new: HashMap<(u16, String), Vec<usize>> = HashMap::new();
        for &n in news.iter().filter(|&&n| self.new_link[n].is_none()) {
            if let Some(k) = key(self.new.elems[n]) {
                by_new.entry(k).or_default().push(n);
            }
        }
        let mut by_old: HashMap<(u16, String), Vec<usize>> = HashMap::new();
        for &o in olds.iter().filter(|&&o| self.old_link[o].is_none()) {
            if let Some(k) = key(self.old.elems[o]) {
                by_old.entry(k).or_default().push(o);
            }
        }
        let mut count = 0;
        for &o in olds {
            let Some(k) = key(self.old.elems[o]) else { continue };
            let (Some([o1]), Some([n])) =
                (by_old.get(&k).map(Vec::as_slice), by_new.get(&k).map(Vec::as_slice))
            else {
                continue;
            };
            let (o1, n) = (*o1, *n);
            if o1 != o || self.old_link[o].is_some() || self.new_link[n].is_some() {
                continue;
            }
            let score = similarity::dice(&self.os[o], &self.ns[n]);
            let disjoint =
                score == 0.0 && self.os[o].terms.len() >= 3 && self.ns[n].terms.len() >= 3;
            if !disjoint && !self.text_disagrees(o, n, score, olds, news) {
                let code = self.new.elems[n].code.clone().unwrap_or_default();
                self.link(vec![o], vec![n], Reason::Code { code });
                count += 1;
            }
        }
        count
    }

    /// Does the text clearly pair `o` or `n` with another free element of the group, rather
    /// than with each other (codes are often positions, and positions change)?
    fn text_disagrees(
        &self,
        o: usize,
        n: usize,
        score: f32,
        olds: &[usize],
        news: &[usize],
    ) -> bool {
        let bar = (score + self.opts.code_margin).max(self.opts.group_threshold);
        let (fo, fn_) = (family(self.old.elems[o].kind), family(self.new.elems[n].kind));
        news.iter().any(|&m| {
            m != n
                && self.new_link[m].is_none()
                && family(self.new.elems[m].kind) == fo
                && similarity::dice(&self.os[o], &self.ns[m]) >= bar
        }) || olds.iter().any(|&p| {
            p != o
                && self.old_link[p].is_none()
                && family(self.old.elems[p].kind) == fn_
                && similarity::dice(&self.os[p], &self.ns[n]) >= bar
        })
    }

    /// Scored candidate pairs among free elements, best first (ties: closest positions).
    fn candidates(
        &self,
        olds: &[usize],
        news: &[usize],
        threshold: f32,
    ) -> Vec<(f32, usize, usize)> {
        let olds: Vec<usize> =
            olds.iter().copied().filter(|&o| self.old_link[o].is_none()).collect();
        let news: Vec<usize> =
            news.iter().copied().filter(|&n| self.new_link[n].is_none()).collect();
        let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
        for (j, &n) in news.iter().enumerate() {
            for &(t, _) in &self.ns[n].terms {
                postings.entry(t).or_default().push(j);
            }
        }
        let mut acc = vec![0f32; news.len()];
        let mut touched: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for (i, &o) in olds.iter().enumerate() {
            for &(t, w) in &self.os[o].terms {
                if let Some(p) = postings.get(&t) {
                    for &j in p {
                        if acc[j] == 0.0 {
                            touched.push(j);
                        }
                        acc[j] += w;
                    }
                }
            }
            for &j in &touched {
                let n = news[j];
                let s = similarity::dice_from_shared(&self.os[o], &self.ns[n], acc[j]);
                if s >= threshold
                    && family(self.old.elems[o].kind) == family(self.new.elems[n].kind)
                {
                    let rank = (i as f32 / olds.len() as f32 - j as f32 / news.len() as f32).abs();
                    out.push((s, rank, o, n));
                }
                acc[j] = 0.0;
            }
            touched.clear();
        }
        out.sort_by(|a, b| {
            b.0.total_cmp(&a.0).then(a.1.total_cmp(&b.1)).then((a.2, a.3).cmp(&(b.2, b.3)))
        });
        out.into_iter().map(|(s, _, o, n)| (s, o, n)).collect()
    }

    fn greedy(&mut self, olds: &[usize], news: &[usize], threshold: f32) -> usize {
        let mut count = 0;
        for (s, o, n) in self.candidates(olds, news, threshold) {
            if self.old_link[o].is_none() && self.new_link[n].is_none() {
                let reason = self.similarity(o, n, s);
                self.link(vec![o], vec![n], reason);
                count += 1;
            }
        }
        count
    }

    /// Align siblings (or the two lists of roots).
    fn group(&mut self, olds: &[usize], news: &[usize]) {
        self.codes(olds, news);
        // Identical texts, in order.
        let mut by_text: HashMap<(u16, &str), VecDeque<usize>> = HashMap::new();
        for &n in news.iter().filter(|&&n| self.new_link[n].is_none()) {
            by_text
                .entry((family(self.new.elems[n].kind), self.nnorm[n].as_str()))
                .or_default()
                .push_back(n);
        }
        let mut pairs = Vec::new();
        for &o in olds.iter().filter(|&&o| self.old_link[o].is_none()) {
            if let Some(n) = by_text
                .get_mut(&(family(self.old.elems[o].kind), self.onorm[o].as_str()))
                .and_then(VecDeque::pop_front)
            {
                pairs.push((o, n));
            }
        }
        for (o, n) in pairs {
            let reason = self.similarity(o, n, 1.0);
            self.link(vec![o], vec![n], reason);
        }
        if self.same_cert {
            let in_news: std::collections::HashSet<usize> = news.iter().copied().collect();
            for &o in olds {
                let Some(n) = self.new.find_local(self.old.elems[o].key.local.as_str()) else {
                    continue;
                };
                if self.old_link[o].is_none()
                    && self.new_link[n].is_none()
                    && in_news.contains(&n)
                    && family(self.old.elems[o].kind) == family(self.new.elems[n].kind)
                {
                    let score = similarity::dice(&self.os[o], &self.ns[n]);
                    if score >= self.opts.same_id_floor {
                        self.link(
                            vec![o],
                            vec![n],
                            Reason::SameId {
                                id: self.old.elems[o].key.local.to_string(),
                                score: similarity::round(score),
                            },
                        );
                    }
                }
            }
        }
        self.greedy(olds, news, self.opts.group_threshold);
    }

    /// Left-over elements anywhere: by code, then by similarity (moves).
    fn global(&mut self) -> usize {
        let olds: Vec<usize> =
            (0..self.old.len()).filter(|&o| self.old_link[o].is_none()).collect();
        let news: Vec<usize> =
            (0..self.new.len()).filter(|&n| self.new_link[n].is_none()).collect();
        if olds.is_empty() || news.is_empty() {
            return 0;
        }
        self.codes(&olds, &news) + self.greedy(&olds, &news, self.opts.move_threshold)
    }

    /// The last of their groups (#25): an unpaired compétence or activité `o` whose siblings are
    /// paired 1 → 1 with siblings of an unpaired `n` of the same family, when `o` and `n` are the
    /// only unpaired members of their family among their siblings and share at least one word.
    fn rests(&mut self) -> usize {
        let fam_ok = |k: Kind| {
            matches!(
                k.family(),
                crate::schema::Family::Competence | crate::schema::Family::Activite
            )
        };
        let siblings = |tree: &Tree, i: usize| -> Vec<usize> {
            match tree.parent[i] {
                Some(p) => tree.children[p].clone(),
                None => tree.roots.clone(),
            }
        };
        let mut count = 0;
        for o in 0..self.old.len() {
            let ok = self.old.elems[o].kind;
            if self.old_link[o].is_some() || !fam_ok(ok) {
                continue;
            }
            let f = family(ok);
            let sibs_o = siblings(self.old, o);
            if sibs_o.iter().any(|&s| {
                s != o && family(self.old.elems[s].kind) == f && self.old_link[s].is_none()
            }) {
                continue;
            }
            // The new parents of o's paired siblings, and how many siblings lead to each.
            let mut parents: Vec<(Option<usize>, usize)> = Vec::new();
            for &s in sibs_o.iter().filter(|&&s| s != o && family(self.old.elems[s].kind) == f) {
                let Some(l) = self.old_link[s] else { continue };
                if self.links[l].old.len() != 1 || self.links[l].new.len() != 1 {
                    continue;
                }
                let np = self.new.parent[self.links[l].new[0]];
                match parents.iter_mut().find(|(p, _)| *p == np) {
                    Some(x) => x.1 += 1,
                    None => parents.push((np, 1)),
                }
            }
            let mut found: Option<(usize, usize, f32)> = None;
            let mut several = false;
            for (np, k) in parents {
                let sibs_n: Vec<usize> = match np {
                    Some(p) => self.new.children[p].clone(),
                    None => self.new.roots.clone(),
                };
                let free: Vec<usize> = sibs_n
                    .into_iter()
                    .filter(|&m| family(self.new.elems[m].kind) == f && self.new_link[m].is_none())
                    .collect();
                if let [n] = free.as_slice() {
                    let score = similarity::dice(&self.os[o], &self.ns[*n]);
                    if score > 0.0 {
                        several |= found.is_some();
                        found = Some((*n, k, score));
                    }
                }
            }
            if let (Some((n, k, score)), false) = (found, several) {
                let shared = self.shared_words(o, n);
                self.link(
                    vec![o],
                    vec![n],
                    Reason::Rest { score: similarity::round(score), shared, siblings: k },
                );
                count += 1;
            }
        }
        count
    }

    /// Is `l` a plain 1 → 1 link that a split or merge may take over?
    fn one_to_one(&self, l: Option<usize>) -> bool {
        match l {
            None => true,
            Some(l) => {
                self.links[l].old.len() == 1
                    && self.links[l].new.len() == 1
                    && !self.links[l].reason.is_table()
            }
        }
    }

    /// Are `o` and `n` in the same place (see [`same_place`])?
    fn same_context(&self, o: usize, n: usize) -> bool {
        same_place(self.old, self.new, &self.old_link, &self.new_link, o, n)
    }

    /// Pieces: for each free element of one side, the element of the other side that contains it best.
    fn pieces(&self, new_side: bool) -> HashMap<usize, Vec<usize>> {
        let (free_tree, whole_tree) =
            if new_side { (self.new, self.old) } else { (self.old, self.new) };
        let (free_sets, whole_sets) =
            if new_side { (&self.ns, &self.os) } else { (&self.os, &self.ns) };
        let (free_links, whole_links) = if new_side {
            (&self.new_link, &self.old_link)
        } else {
            (&self.old_link, &self.new_link)
        };
        let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
        for w in 0..whole_tree.len() {
            if self.one_to_one(whole_links[w]) {
                for &(t, _) in &whole_sets[w].terms {
                    postings.entry(t).or_default().push(w);
                }
            }
        }
        let mut acc: HashMap<usize, f32> = HashMap::new();
        let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
        for f in (0..free_tree.len()).filter(|&f| free_links[f].is_none()) {
            acc.clear();
            for &(t, w) in &free_sets[f].terms {
                for &x in postings.get(&t).map(Vec::as_slice).unwrap_or(&[]) {
                    *acc.entry(x).or_default() += w;
                }
            }
            let best = acc
                .iter()
                .filter(|(x, _)| {
                    family(whole_tree.elems[**x].kind) == family(free_tree.elems[f].kind)
                })
                .map(|(&x, &s)| {
                    (x, if free_sets[f].total > 0.0 { s / free_sets[f].total } else { 0.0 })
                })
                .filter(|&(_, c)| c >= self.opts.part_threshold)
                .map(|(x, c)| {
                    let ctx =
                        if new_side { self.same_context(x, f) } else { self.same_context(f, x) };
                    (ctx, c, std::cmp::Reverse(x))
                })
                .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
            if let Some((_, _, std::cmp::Reverse(x))) = best {
                out.entry(x).or_default().push(f);
            }
        }
        out
    }

    /// Splits (one old element → several new ones), then merges (several old → one new).
    fn split_merge(&mut self) -> usize {
        let mut count = 0;
        for new_side in [true, false] {
            let mut groups: Vec<(usize, Vec<usize>)> = self.pieces(new_side).into_iter().collect();
            groups.sort();
            for (whole, mut parts) in groups {
                let wl = if new_side { self.old_link[whole] } else { self.new_link[whole] };
                if !self.one_to_one(wl) {
                    continue;
                }
                let whole_set = if new_side { &self.os[whole] } else { &self.ns[whole] };
                if let Some(l) = wl {
                    let partner =
                        if new_side { self.links[l].new[0] } else { self.links[l].old[0] };
                    let pset = if new_side { &self.ns[partner] } else { &self.os[partner] };
                    if similarity::containment(pset, whole_set) >= self.opts.part_threshold {
                        parts.push(partner);
                    }
                }
                // The pieces of a split (or merge) are siblings: keep those under the partner's
                // parent, or else under the most common parent.
                let tree = if new_side { self.new } else { self.old };
                let anchor = match wl {
                    Some(l) => {
                        tree.parent
                            [if new_side { self.links[l].new[0] } else { self.links[l].old[0] }]
                    }
                    None => {
                        let mut counts: HashMap<Option<usize>, usize> = HashMap::new();
                        for &p in &parts {
                            *counts.entry(tree.parent[p]).or_default() += 1;
                        }
                        counts
                            .into_iter()
                            .max_by_key(|&(p, c)| (c, std::cmp::Reverse(p)))
                            .map(|(p, _)| p)
                            .unwrap_or(None)
                    }
                };
                parts.retain(|&p| tree.parent[p] == anchor);
                if parts.len() < 2 {
                    continue;
                }
                parts.sort();
                let sets: Vec<&TermSet> = parts
                    .iter()
                    .map(|&p| if new_side { &self.ns[p] } else { &self.os[p] })
                    .collect();
                let cover = similarity::coverage(whole_set, &sets);
                if cover < self.opts.cover_threshold {
                    continue;
                }
                let covered: Vec<(u32, f32)> = whole_set
                    .terms
                    .iter()
                    .copied()
                    .filter(|(t, _)| {
                        sets.iter().any(|s| s.terms.binary_search_by_key(t, |x| x.0).is_ok())
                    })
                    .collect();
                let mut covered = covered;
                covered.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                let text = if new_side {
                    self.old.elems[whole].text()
                } else {
                    self.new.elems[whole].text()
                };
                let shared = similarity::printed_words(&self.space, &covered, text, "", 6);
                if let Some(l) = wl {
                    self.unlink(l);
                }
                let reason = Reason::Coverage { score: similarity::round(cover), shared };
                if new_side {
                    self.link(vec![whole], parts, reason);
                } else {
                    self.link(parts, vec![whole], reason);
                }
                count += 1;
            }
        }
        count
    }
}

/// The nearest ancestor of `i` that is not a `section` (document headings only organise the page).
fn meaningful_parent(tree: &Tree, i: usize) -> Option<usize> {
    let mut p = tree.parent[i];
    while let Some(x) = p {
        if tree.elems[x].kind != Kind::Section {
            return Some(x);
        }
        p = tree.parent[x];
    }
    None
}

/// Are old `o` and new `n` in the same place: their parents are aligned with each other, or
/// their nearest ancestors that are not sections are (or they have none)?
pub fn same_place(
    old: &Tree,
    new: &Tree,
    old_link: &[Option<usize>],
    new_link: &[Option<usize>],
    o: usize,
    n: usize,
) -> bool {
    let aligned = |po: Option<usize>, pn: Option<usize>| match (po, pn) {
        (None, None) => true,
        (Some(po), Some(pn)) => old_link[po].is_some() && old_link[po] == new_link[pn],
        _ => false,
    };
    aligned(old.parent[o], new.parent[n])
        || aligned(meaningful_parent(old, o), meaningful_parent(new, n))
}
