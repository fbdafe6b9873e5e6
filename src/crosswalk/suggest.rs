//! Suggested correspondences between two certifications: compétences compared by their whole
//! [fiche](super::profile), typed by the shape of the evidence, each with the reasons a person
//! can check; then critères and savoirs, only inside a compétence pair that holds.
//!
//! **Compétences.** A fiche becomes a vector over stems ([`crate::lang::terms`]) and the concept
//! terms of the domain vocabulary ([`Synonyms`]): each stem weighs its IDF over the compétences of
//! the two certifications ([`competence_idf`]) times `ln(1 + Σ weights of the fiche's texts
//! holding it)`, each section of the fiche sharing one [budget](super::profile::Section::budget).
//! The whole-fiche score is `FICHE · cos(fiches) + TITLE · cos(titles)`, plus [`IDENTICAL`] for each text the two fiches
//! share word for word and [`NEAR`] for each near-identical one (capped at [`SHARED_CAP`]), plus
//! [`SAME_TITLE`] when both titles read the same; the statements (title, savoir-faire, critères)
//! are also aligned sentence to sentence ([`align`], weight [`ALIGN`]). Scores are then read within
//! the pair of certifications, as ranks: each compétence the tables leave out shows its first
//! [`SHOWN`] candidates (a compétence transversale among transversales only), with their scores
//! and quoted evidence, for a person to review; no fixed threshold decides what is shown, and a
//! suggestion carries no relation (only a person types a link). Critères and savoirs are compared
//! under the compétence pairs that stand out: a score [`Z_MIN`] standard deviations above the
//! mean of all compétence pairs, each among the [`RANKS`] best candidates of the other, reaching
//! [`SUGGEST_THRESHOLD`]; at most [`PER_ELEMENT`] per compétence.
//!
//! **Critères and savoirs**: only between the texts of two compétences that a suggested or table
//! pair relates, and only when the texts are identical, near-identical (weighted Dice ≥ [`NEAR_DICE`])
//! or share at least two meaningful stems (rare enough, not generic words of referentials).

use std::collections::{HashMap, HashSet};

use super::profile::{Fiche, fiche};
use super::{Evidence, Group, Mapping, Status};
use crate::compare::similarity::{self, Space, TermSet, Vector};
use crate::compare::{Item, Synonyms, Tree};
use crate::graph::Graph;
use crate::lang;
use crate::model::Corpus;

/// Minimum score of a compétence suggestion.
pub(crate) const SUGGEST_THRESHOLD: f32 = 0.12;
/// A suggestion's score must stand this many standard deviations above the mean score of the
/// compétence pairs of the two certifications.
pub(crate) const Z_MIN: f32 = 1.5;
/// A suggestion must be among this many best candidates of both its compétences.
pub(crate) const RANKS: usize = 2;
/// Weight of the statements' alignment ([`align`]) next to the whole-fiche score.
pub(crate) const ALIGN: f32 = 0.5;
/// How many sentence pairs the alignment averages.
pub(crate) const ALIGNED: usize = 2;
/// How many suggestions a compétence may have.
pub(crate) const PER_ELEMENT: usize = 2;
/// Weight of the fiches' cosine in the score.
pub const FICHE: f32 = 0.65;
/// Weight of the titles' cosine in the score.
pub(crate) const TITLE: f32 = 0.35;
/// Added for each text two fiches share word for word.
pub(crate) const IDENTICAL: f32 = 0.12;
/// Added for each near-identical text two fiches share.
pub(crate) const NEAR: f32 = 0.06;
/// Cap on what shared texts add.
pub(crate) const SHARED_CAP: f32 = 0.3;
/// Added when the two titles read the same.
pub(crate) const SAME_TITLE: f32 = 0.2;
/// Weighted Dice from which two texts are near-identical.
pub const NEAR_DICE: f32 = 0.8;
/// How many supporting words are reported.
pub(crate) const WORDS: usize = 6;
/// How many shared texts are quoted.
pub(crate) const QUOTES: usize = 4;
/// Words of referentials too common to make two critères or savoirs alike.
const GENERIC: &str = "connaissance connaissances notion notions technique techniques outil outils mettre œuvre utiliser utilisation différents différentes principaux principales ensemble cadre situation client clients entreprise commercial commerciale commerciales commerciaux information informations";

/// Is `i` a compétence with no compétence under it (the unit that suggestions and coverage use)?
pub(crate) fn is_leaf_competence(tree: &Tree, i: usize) -> bool {
    tree.elems[i].kind.crosswalk_group() == Some(Group::Competences)
        && !tree.children[i]
            .iter()
            .any(|&c| tree.elems[c].kind.crosswalk_group() == Some(Group::Competences))
}

/// Is `i` a compétence transversale (compared with transversales only)?
fn transversal(tree: &Tree, i: usize) -> bool {
    tree.elems[i].kind == crate::schema::Kind::CompetenceTransversale
}

/// How many candidates of each compétence are shown for review, best first.
pub(crate) const SHOWN: usize = 3;

/// The compétences that take part in suggestions.
pub(crate) fn members(tree: &Tree) -> Vec<usize> {
    (0..tree.len()).filter(|&i| is_leaf_competence(tree, i)).collect()
}

/// Texts folded for comparison word for word.
fn folded(text: &str) -> String {
    lang::tokens(text).into_iter().map(|t| t.word).collect::<Vec<_>>().join(" ")
}

/// Share of `a`'s weight whose stems `b` also holds.
pub(crate) fn containment(a: &Vector, b: &Vector) -> f32 {
    let total: f32 = a.terms.iter().map(|t| t.1).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let held: f32 = a
        .terms
        .iter()
        .filter(|(t, _)| b.terms.binary_search_by_key(t, |x| x.0).is_ok())
        .map(|t| t.1)
        .sum();
    held / total
}

/// One side's texts as the comparison sees them.
struct SideTexts {
    terms: Vec<Vec<u32>>,
    folded: Vec<String>,
}

struct Ctx<'t, 'c> {
    corpus: &'c Corpus,
    graph: &'t Graph,
    space: Space,
    syn: &'t Synonyms,
    a: &'t Tree<'c>,
    b: &'t Tree<'c>,
    sa: SideTexts,
    sb: SideTexts,
    /// Each text's weighted terms, concepts aside ([`Ctx::set`]), computed at first use.
    set_a: Vec<std::sync::OnceLock<TermSet>>,
    set_b: Vec<std::sync::OnceLock<TermSet>>,
    generic: HashSet<String>,
    meaningful_idf: f32,
}

impl Ctx<'_, '_> {
    fn set(&self, own: &[u32]) -> TermSet {
        self.space.weigh(
            &own.iter()
                .copied()
                .filter(|&t| !self.space.stem(t).starts_with(crate::compare::synonyms::CONCEPT))
                .collect::<Vec<_>>(),
        )
    }

    fn fiche_vector(&self, f: &Fiche, side: &SideTexts, idf: &HashMap<u32, f32>) -> Vector {
        let mut acc: HashMap<u32, f32> = HashMap::new();
        for p in &f.parts {
            for &t in &side.terms[p.elem] {
                *acc.entry(t).or_default() += p.weight;
            }
        }
        Vector::from_entries(
            acc.into_iter()
                .map(|(t, w)| (t, idf.get(&t).copied().unwrap_or(0.0) * (1.0 + w).ln()))
                .collect(),
        )
    }

    fn title_vector(&self, i: usize, side: &SideTexts, idf: &HashMap<u32, f32>) -> Vector {
        Vector::from_entries(
            side.terms[i].iter().map(|&t| (t, idf.get(&t).copied().unwrap_or(0.0))).collect(),
        )
    }

    /// The statement of a fiche (title, savoir-faire, critères) as weighted term sets, concepts
    /// of the vocabulary included.
    fn statement(&self, f: &Fiche, side: &SideTexts) -> Vec<TermSet> {
        f.parts
            .iter()
            .filter(|p| p.section.core())
            .map(|p| self.space.weigh(&side.terms[p.elem]))
            .collect()
    }

    /// Is this stem rare and specific enough to make two short texts alike?
    fn meaningful(&self, t: u32) -> bool {
        let s = self.space.stem(t);
        !s.starts_with(crate::compare::synonyms::CONCEPT)
            && self.space.idf(t) >= self.meaningful_idf
            && !self.generic.contains(s)
    }

    /// How two texts (one per side) meet: (score, identical, near-identical, meaningful shared stems).
    fn texts(&self, p: usize, q: usize) -> (f32, bool, bool, Vec<u32>) {
        if self.sa.folded[p] == self.sb.folded[q] && !self.sa.folded[p].is_empty() {
            return (1.0, true, true, Vec::new());
        }
        let x = self.set_a[p].get_or_init(|| self.set(&self.sa.terms[p]));
        let y = self.set_b[q].get_or_init(|| self.set(&self.sb.terms[q]));
        let d = similarity::dice(x, y);
        let shared: Vec<u32> = similarity::shared(x, y)
            .into_iter()
            .map(|s| s.0)
            .filter(|&t| self.meaningful(t))
            .collect();
        (d, false, d >= NEAR_DICE, shared)
    }

    /// A term as a reader sees it: a concept's label, or the word as printed in one of the texts.
    fn word(&self, t: u32, fa: &Fiche, fb: &Fiche) -> String {
        let s = self.space.stem(t);
        if let Some(l) = self.syn.label(s) {
            return l.to_string();
        }
        fa.parts
            .iter()
            .map(|p| self.a.elems[p.elem].text())
            .chain(fb.parts.iter().map(|p| self.b.elems[p.elem].text()))
            .find_map(|text| similarity::printed(text, s))
            .unwrap_or_else(|| s.to_string())
    }
}

/// A scored compétence pair with its evidence.
struct Scored {
    x: usize,
    y: usize,
    score: f32,
    evidence: Vec<Evidence>,
    /// The fiches' cosine, stem by stem.
    parts: Vec<(u32, f32)>,
}

/// How two statements meet: the mean of the [`ALIGNED`] best weighted Dice coefficients between
/// a text of one and a text of the other (the sentences a reader would set side by side).
fn align(a: &[TermSet], b: &[TermSet]) -> f32 {
    let mut best = [0.0f32; ALIGNED];
    for x in a {
        for y in b {
            let d = similarity::dice(x, y);
            if let Some(k) = best.iter().position(|&v| d > v) {
                best[k..].rotate_right(1);
                best[k] = d;
            }
        }
    }
    best.iter().sum::<f32>() / ALIGNED as f32
}

fn evidence(ctx: &Ctx, fa: &Fiche, fb: &Fiche) -> (f32, Vec<Evidence>) {
    let mut ident = Vec::new();
    let mut near = Vec::new();
    let mut linked = Vec::new();
    let mut used_b = HashSet::new();
    for p in fa.own_parts() {
        let mut best: Option<(f32, bool, bool, Vec<u32>, usize)> = None;
        for q in fb.own_parts().filter(|q| !used_b.contains(q)) {
            let (d, i, n, sh) = ctx.texts(p, q);
            if (i || n || sh.len() >= 2) && best.as_ref().is_none_or(|b| d > b.0) {
                best = Some((d, i, n, sh, q));
            }
        }
        if let Some((d, i, n, _, q)) = best {
            used_b.insert(q);
            let e = Evidence {
                kind: ctx.a.elems[p].kind,
                a: ctx.a.elems[p].text().to_string(),
                b: ctx.b.elems[q].text().to_string(),
                identical: i,
            };
            if i {
                ident.push((d, e));
            } else if n {
                near.push((d, e));
            } else {
                linked.push((d, e));
            }
        }
    }
    let bonus = (IDENTICAL * ident.len() as f32 + NEAR * near.len() as f32).min(SHARED_CAP);
    linked.sort_by(|x, y| y.0.total_cmp(&x.0));
    near.sort_by(|x, y| y.0.total_cmp(&x.0));
    let quotes = ident.into_iter().chain(near).chain(linked).take(QUOTES).map(|x| x.1).collect();
    (bonus, quotes)
}

/// Every compétence pair of two certifications with its score, read within the pair of
/// certifications: how many standard deviations it stands above the mean of all compétence
/// pairs, and the rank of each side among the other's candidates (0 = best).
pub struct Candidate {
    pub a: usize,
    pub b: usize,
    pub score: f32,
    pub z: f32,
    pub rank_a: usize,
    pub rank_b: usize,
    /// The terms that weigh most in the fiches' cosine, as printed (or a concept's label).
    pub words: Vec<String>,
    /// Share of each fiche's weight the other holds ([`containment`]).
    pub contained: (f32, f32),
}

/// Everything the selection of compétence pairs reads.
struct Scoring {
    ma: Vec<usize>,
    mb: Vec<usize>,
    fa: Vec<Fiche>,
    fb: Vec<Fiche>,
    va: Vec<Vector>,
    vb: Vec<Vector>,
    scored: Vec<Scored>,
    mean: f32,
    sd: f32,
    rank_a: HashMap<(usize, usize), usize>,
    rank_b: HashMap<(usize, usize), usize>,
}

fn context<'t, 'c>(
    corpus: &'c Corpus,
    graph: &'t Graph,
    a: &'t Tree<'c>,
    b: &'t Tree<'c>,
    syn: &'t Synonyms,
) -> Ctx<'t, 'c> {
    let mut space = Space::new();
    let mut side = |t: &Tree| SideTexts {
        terms: t.elems.iter().map(|e| space.add_terms(syn.terms(e.text()))).collect(),
        folded: t.elems.iter().map(|e| folded(e.text())).collect(),
    };
    let (sa, sb) = (side(a), side(b));
    space.finish();
    let n = (a.len() + b.len()).max(1) as f32;
    let generic = GENERIC.split_whitespace().flat_map(lang::terms).collect();
    let (set_a, set_b) = (
        (0..a.len()).map(|_| std::sync::OnceLock::new()).collect(),
        (0..b.len()).map(|_| std::sync::OnceLock::new()).collect(),
    );
    Ctx {
        corpus,
        graph,
        space,
        syn,
        a,
        b,
        sa,
        sb,
        set_a,
        set_b,
        generic,
        meaningful_idf: (1.0 + n / 40.0f32.min(n)).ln(),
    }
}

/// Inverse document frequency of each term over the compétences of both certifications, a
/// compétence holding the terms of its statement (title, savoir-faire, critères): a word that
/// most compétences state ("client", "identifier") cannot tell which of them meet, however rare
/// it is among all the texts (savoir lists and contextes, where the texts' own IDF is counted).
fn competence_idf(ctx: &Ctx, fa: &[Fiche], fb: &[Fiche]) -> HashMap<u32, f32> {
    let mut df: HashMap<u32, f32> = HashMap::new();
    for (f, side) in fa.iter().map(|f| (f, &ctx.sa)).chain(fb.iter().map(|f| (f, &ctx.sb))) {
        let held: HashSet<u32> = f
            .parts
            .iter()
            .filter(|p| p.section.core())
            .flat_map(|p| side.terms[p.elem].iter().copied())
            .collect();
        for t in held {
            *df.entry(t).or_default() += 1.0;
        }
    }
    let n = (fa.len() + fb.len()).max(1) as f32;
    df.into_iter().map(|(t, d)| (t, (1.0 + n / d).ln())).collect()
}

fn scoring(ctx: &Ctx) -> Scoring {
    let (corpus, graph, a, b) = (ctx.corpus, ctx.graph, ctx.a, ctx.b);
    let ma = members(a);
    let mb = members(b);
    let fa: Vec<Fiche> = ma.iter().map(|&i| fiche(corpus, graph, a, i)).collect();
    let fb: Vec<Fiche> = mb.iter().map(|&j| fiche(corpus, graph, b, j)).collect();
    let idf = competence_idf(ctx, &fa, &fb);
    let va: Vec<Vector> = fa.iter().map(|f| ctx.fiche_vector(f, &ctx.sa, &idf)).collect();
    let vb: Vec<Vector> = fb.iter().map(|f| ctx.fiche_vector(f, &ctx.sb, &idf)).collect();
    let ta: Vec<Vector> = ma.iter().map(|&i| ctx.title_vector(i, &ctx.sa, &idf)).collect();
    let tb: Vec<Vector> = mb.iter().map(|&j| ctx.title_vector(j, &ctx.sb, &idf)).collect();

    let sta: Vec<Vec<TermSet>> = fa.iter().map(|f| ctx.statement(f, &ctx.sa)).collect();
    let stb: Vec<Vec<TermSet>> = fb.iter().map(|f| ctx.statement(f, &ctx.sb)).collect();

    let mut scored: Vec<Scored> = Vec::new();
    for x in 0..ma.len() {
        for y in 0..mb.len() {
            // Like with like: a compétence transversale is compared with transversales only.
            if transversal(a, ma[x]) != transversal(b, mb[y]) {
                continue;
            }
            let (cf, parts) = similarity::cosine(&va[x], &vb[y]);
            let (ct, _) = similarity::cosine(&ta[x], &tb[y]);
            let same_title = ctx.sa.folded[ma[x]] == ctx.sb.folded[mb[y]];
            let (bonus, quotes) = evidence(ctx, &fa[x], &fb[y]);
            let whole =
                (FICHE * cf + TITLE * ct + bonus + if same_title { SAME_TITLE } else { 0.0 })
                    .min(1.0);
            let score = (whole + ALIGN * align(&sta[x], &stb[y])) / (1.0 + ALIGN);
            scored.push(Scored { x, y, score, evidence: quotes, parts });
        }
    }
    // Scores are read within the pair of certifications: as z-scores over all its compétence
    // pairs, and as ranks among each compétence's candidates.
    let n = scored.len().max(1) as f32;
    let mean = scored.iter().map(|s| s.score).sum::<f32>() / n;
    let sd =
        (scored.iter().map(|s| (s.score - mean).powi(2)).sum::<f32>() / n).sqrt().max(f32::EPSILON);
    let rank = |key: &dyn Fn(&Scored) -> usize,
                other: &dyn Fn(&Scored) -> usize|
     -> HashMap<(usize, usize), usize> {
        let mut by: HashMap<usize, Vec<(f32, usize)>> = HashMap::new();
        for s in &scored {
            by.entry(key(s)).or_default().push((s.score, other(s)));
        }
        let mut out = HashMap::new();
        for (k, mut v) in by {
            v.sort_by(|l, r| r.0.total_cmp(&l.0).then(l.1.cmp(&r.1)));
            for (r, (_, o)) in v.into_iter().enumerate() {
                out.insert((k, o), r);
            }
        }
        out
    };
    let rank_a = rank(&|s| s.x, &|s| s.y);
    let rank_b = rank(&|s| s.y, &|s| s.x);
    Scoring { ma, mb, fa, fb, va, vb, scored, mean, sd, rank_a, rank_b }
}

/// Every compétence pair of `a` and `b` with its score, z-score and ranks (element indices of
/// the trees): what the selection of suggestions reads, for evaluation and diagnosis.
pub fn candidates<'c>(
    corpus: &'c Corpus,
    graph: &Graph,
    a: &Tree<'c>,
    b: &Tree<'c>,
    syn: &Synonyms,
) -> Vec<Candidate> {
    let ctx = context(corpus, graph, a, b, syn);
    let s = scoring(&ctx);
    s.scored
        .iter()
        .map(|c| Candidate {
            a: s.ma[c.x],
            b: s.mb[c.y],
            score: c.score,
            z: (c.score - s.mean) / s.sd,
            rank_a: s.rank_a[&(c.x, c.y)],
            rank_b: s.rank_b[&(c.y, c.x)],
            words: c
                .parts
                .iter()
                .take(WORDS)
                .map(|(t, _)| ctx.word(*t, &s.fa[c.x], &s.fb[c.y]))
                .collect(),
            contained: (containment(&s.va[c.x], &s.vb[c.y]), containment(&s.vb[c.y], &s.va[c.x])),
        })
        .collect()
}

/// Suggestions between `a` and `b`, leaving out elements in `taken_a`/`taken_b` (those an
/// official or curated pair already relates: tables take precedence). `anchors` are compétence
/// pairs the tables state: critères and savoirs are also compared under them.
#[expect(
    clippy::too_many_arguments,
    reason = "each argument is one filter of the suggestions; the two callers pass them apart"
)]
pub fn suggest<'c>(
    corpus: &'c Corpus,
    graph: &Graph,
    a: &Tree<'c>,
    b: &Tree<'c>,
    syn: &Synonyms,
    taken_a: &dyn Fn(usize) -> bool,
    taken_b: &dyn Fn(usize) -> bool,
    anchors: &[(usize, usize)],
    rejected: &dyn Fn(usize, usize) -> bool,
) -> Vec<Mapping> {
    let ctx = context(corpus, graph, a, b, syn);
    let Scoring { ma, mb, fa, fb, mut scored, mean, sd, rank_a, rank_b, .. } = scoring(&ctx);
    scored.sort_by(|l, r| r.score.total_cmp(&l.score).then((l.x, l.y).cmp(&(r.x, r.y))));
    // Shown for review: the first [`SHOWN`] candidates of every compétence the tables leave
    // out, with their scores, whatever the score (a reviewer reads them in order); no relation:
    // only a person types a link. Critères and savoirs are compared under the pairs that stand
    // out (z-score, reciprocal ranks, threshold): there, noise would multiply.
    let mut out = Vec::new();
    let mut held: Vec<(usize, usize)> = anchors.to_vec();
    let (mut count_a, mut count_b): (HashMap<usize, usize>, HashMap<usize, usize>) =
        (HashMap::new(), HashMap::new());
    for s in scored {
        let (ra, rb) = (rank_a[&(s.x, s.y)], rank_b[&(s.y, s.x)]);
        let (i, j) = (ma[s.x], mb[s.y]);
        if taken_a(i) || taken_b(j) || s.score <= 0.0 || rejected(i, j) {
            continue;
        }
        if s.score >= SUGGEST_THRESHOLD
            && (s.score - mean) / sd >= Z_MIN
            && ra < RANKS
            && rb < RANKS
        {
            let (ca, cb) = (count_a.entry(s.x).or_default(), count_b.entry(s.y).or_default());
            if *ca < PER_ELEMENT && *cb < PER_ELEMENT {
                *ca += 1;
                *cb += 1;
                held.push((i, j));
            }
        }
        if ra >= SHOWN && rb >= SHOWN {
            continue;
        }
        let words =
            s.parts.iter().take(WORDS).map(|(t, _)| ctx.word(*t, &fa[s.x], &fb[s.y])).collect();
        out.push(Mapping {
            status: Status::Suggested,
            group: Some(Group::Competences),
            a: vec![Item::of(a.elems[i])],
            b: vec![Item::of(b.elems[j])],
            relation: None,
            table: None,
            score: Some(similarity::round(s.score)),
            words,
            evidence: s.evidence,
            mutual: ra == 0 && rb == 0,
            rank: Some((ra.min(rb) + 1) as u32),
            ranks: Some((ra as u32 + 1, rb as u32 + 1)),
            justification: None,
            author: None,
            date: None,
            note: None,
        });
    }
    out.extend(below(&ctx, &held, taken_a, taken_b));
    out
}

/// Critère and savoir pairs under the compétence pairs that hold.
fn below(
    ctx: &Ctx,
    held: &[(usize, usize)],
    taken_a: &dyn Fn(usize) -> bool,
    taken_b: &dyn Fn(usize) -> bool,
) -> Vec<Mapping> {
    let mut seen = HashSet::new();
    let mut out: Vec<(Group, f32, Mapping)> = Vec::new();
    for &(i, j) in held {
        let (fa, fb) =
            (fiche(ctx.corpus, ctx.graph, ctx.a, i), fiche(ctx.corpus, ctx.graph, ctx.b, j));
        for p in fa.own_parts().filter(|&p| !taken_a(p)) {
            let Some(g) =
                ctx.a.elems[p].kind.crosswalk_group().filter(|g| *g != Group::Competences)
            else {
                continue;
            };
            for q in fb
                .own_parts()
                .filter(|&q| !taken_b(q) && ctx.b.elems[q].kind.crosswalk_group() == Some(g))
            {
                let (d, ident, near, shared) = ctx.texts(p, q);
                if !(ident || near || shared.len() >= 2) || !seen.insert((p, q)) {
                    continue;
                }
                let words: Vec<String> = if ident {
                    Vec::new()
                } else {
                    shared
                        .iter()
                        .take(WORDS)
                        .map(|&t| {
                            similarity::printed(ctx.a.elems[p].text(), ctx.space.stem(t))
                                .unwrap_or_else(|| ctx.space.stem(t).to_string())
                        })
                        .collect()
                };
                let score = if ident { 1.0 } else { d };
                out.push((
                    g,
                    score,
                    Mapping {
                        status: Status::Suggested,
                        group: Some(g),
                        a: vec![Item::of(ctx.a.elems[p])],
                        b: vec![Item::of(ctx.b.elems[q])],
                        relation: None,
                        table: None,
                        score: Some(similarity::round(score)),
                        words,
                        evidence: vec![Evidence {
                            kind: ctx.a.elems[p].kind,
                            a: ctx.a.elems[p].text().to_string(),
                            b: ctx.b.elems[q].text().to_string(),
                            identical: ident,
                        }],
                        mutual: false,
                        rank: None,
                        ranks: None,
                        justification: None,
                        author: None,
                        date: None,
                        note: None,
                    },
                ));
            }
        }
    }
    out.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
    out.into_iter().map(|x| x.2).collect()
}
