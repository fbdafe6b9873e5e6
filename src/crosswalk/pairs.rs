//! Which pairs of certifications a build crosswalks. Every pair would grow with the square of
//! the catalogue (36 pairs for 9 certifications, 10,296 for 144), so a build keeps the pairs
//! that matter to a reader:
//!
//! - the pairs a correspondence table relates (official, curated or inferred);
//! - the versions of one lineage (what a holder of the old title gets in the new one);
//! - the pairs named in `book.toml` (`[crosswalk] pairs`);
//! - the closest pairs by the words of their compétences, critères and savoirs, found through an
//!   inverted index of those words, each certification in at most `nearest` of them.
//!
//! Any other pair is still crosswalked on demand by `referentiel crosswalk A B`.
//!
//! The closeness of two certifications is the cosine of their word vectors (log-scaled counts
//! weighted by inverse document frequency over certifications). Words held by more than
//! [`COMMON`] certifications are left out of the index: they cannot tell which certifications
//! are close, and leaving them out keeps the cost linear in the size of the corpus.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::ids::CertId;
use crate::model::Corpus;

use super::Group;

/// A pair of `[crosswalk] pairs` (book.toml) that a build cannot crosswalk.
#[derive(Debug, thiserror::Error)]
pub enum PairsError {
    /// It names a certification the data does not hold (`known`: the ones it holds).
    #[error("{}", crate::words::command::pairs_unknown(.id.as_str(), .known))]
    Unknown { id: CertId, known: String },
    /// It pairs a certification with itself.
    #[error("{}", crate::words::command::pairs_itself(.0.as_str()))]
    Itself(CertId),
}

/// How many closest certifications each certification is crosswalked with, by default.
pub(crate) const NEAREST: usize = 4;

/// Words held by more certifications than this do not count in closeness.
pub(crate) const COMMON: usize = 64;

/// What a build crosswalks beyond the tables and lineages.
#[derive(Clone, Debug)]
pub struct PairPolicy {
    /// Pairs to crosswalk whatever their closeness (`[crosswalk] pairs` of `book.toml`).
    pub named: Vec<(CertId, CertId)>,
    /// How many closest certifications each one is crosswalked with.
    pub(crate) nearest: usize,
}

impl Default for PairPolicy {
    fn default() -> Self {
        PairPolicy { named: Vec::new(), nearest: NEAREST }
    }
}

impl PairPolicy {
    /// The policy `book.toml` sets.
    pub(crate) fn of_config(cfg: &crate::config::Config) -> PairPolicy {
        PairPolicy {
            named: cfg
                .crosswalk
                .pairs
                .iter()
                .map(|[a, b]| (CertId::new(a), CertId::new(b)))
                .collect(),
            nearest: cfg.crosswalk.nearest,
        }
    }

    /// Refuse a named pair whose certification the corpus does not hold, or a certification
    /// paired with itself.
    pub fn check(&self, corpus: &Corpus) -> Result<(), PairsError> {
        for (a, b) in &self.named {
            for id in [a, b] {
                if corpus.cert(id).is_none() {
                    let known: Vec<&str> = corpus.certs.iter().map(|c| c.id.as_str()).collect();
                    return Err(PairsError::Unknown { id: id.clone(), known: known.join(", ") });
                }
            }
            if a == b {
                return Err(PairsError::Itself(a.clone()));
            }
        }
        Ok(())
    }
}

/// Does the certification have compétences (the pairs that get a crosswalk page)?
pub(crate) fn has_competences(corpus: &Corpus, id: &CertId) -> bool {
    corpus.elements_of(id).any(|e| e.kind.crosswalk_group() == Some(Group::Competences))
}

/// The pairs a build crosswalks, each as (a, b) with `a` before `b` in corpus order, in corpus
/// order.
pub(crate) fn selected(corpus: &Corpus, policy: &PairPolicy) -> Vec<(CertId, CertId)> {
    let pos: HashMap<&CertId, usize> =
        corpus.certs.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let mut set: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut add = |a: &CertId, b: &CertId| {
        if let (Some(&i), Some(&j)) = (pos.get(a), pos.get(b))
            && i != j
        {
            set.insert((i.min(j), i.max(j)));
        }
    };
    for t in &corpus.correspondences {
        add(&t.from, &t.to);
    }
    let mut lineages: HashMap<&str, Vec<&CertId>> = HashMap::new();
    for c in &corpus.certs {
        lineages.entry(c.lineage.as_str()).or_default().push(&c.id);
    }
    for versions in lineages.values() {
        for (i, a) in versions.iter().enumerate() {
            for b in &versions[i + 1..] {
                add(a, b);
            }
        }
    }
    for (a, b) in &policy.named {
        add(a, b);
    }
    for (a, b) in nearest(corpus, policy.nearest) {
        add(&a, &b);
    }
    set.into_iter().map(|(i, j)| (corpus.certs[i].id.clone(), corpus.certs[j].id.clone())).collect()
}

/// Pairs of certifications with compétences by closeness, each certification in at most `k` of
/// them: the closest pairs first (ties in corpus order), as pairs in no particular order.
pub(crate) fn nearest(corpus: &Corpus, k: usize) -> Vec<(CertId, CertId)> {
    if k == 0 {
        return Vec::new();
    }
    let certs: Vec<&CertId> =
        corpus.certs.iter().map(|c| &c.id).filter(|id| has_competences(corpus, id)).collect();
    let at: HashMap<&CertId, usize> = certs.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    // Word counts of each certification's compétences, critères and savoirs.
    // (In word order, so that every sum below is made in the same order from one build to the
    // next: identical certifications then tie exactly, and ties go by position.)
    let mut counts: Vec<BTreeMap<String, u32>> = vec![BTreeMap::new(); certs.len()];
    for e in &corpus.elements {
        let Some(&i) = at.get(&e.key.cert) else { continue };
        if e.kind.crosswalk_group().is_none() {
            continue;
        }
        for t in crate::lang::terms(e.text()) {
            *counts[i].entry(t).or_default() += 1;
        }
    }
    // The inverted index: each word with the certifications that hold it.
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in counts.iter().enumerate() {
        for w in c.keys() {
            postings.entry(w.as_str()).or_default().push(i);
        }
    }
    let n = certs.len() as f64;
    let idf = |df: usize| (n / df as f64).ln() + 1.0;
    // Unit vectors (every word counts in the norm, common ones included).
    let weights: Vec<HashMap<&str, f64>> = counts
        .iter()
        .map(|c| {
            let v: Vec<(&str, f64)> = c
                .iter()
                .map(|(w, &tf)| {
                    (w.as_str(), (1.0 + (tf as f64).ln()) * idf(postings[w.as_str()].len()))
                })
                .collect();
            let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
            v.into_iter().map(|(w, x)| (w, x / norm)).collect()
        })
        .collect();
    let mut scores: Vec<HashMap<usize, f64>> = vec![HashMap::new(); certs.len()];
    for (w, holders) in &postings {
        if holders.len() > COMMON {
            continue;
        }
        for &i in holders {
            for &j in holders {
                if i != j {
                    *scores[i].entry(j).or_default() += weights[i][w] * weights[j][w];
                }
            }
        }
    }
    // Each certification's best candidates, then the closest pairs first, as long as neither
    // side has its `k` partners: no certification is crosswalked with more than `k` by
    // closeness, however large the corpus (with 5 certifications and k = 4, every pair).
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, s) in scores.into_iter().enumerate() {
        let mut best: Vec<(usize, f64)> = s.into_iter().filter(|(_, x)| *x > 0.0).collect();
        best.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        candidates.extend(best.into_iter().take(2 * k).map(|(j, x)| (x, i.min(j), i.max(j))));
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut seen = std::collections::HashSet::new();
    candidates.retain(|&(_, i, j)| seen.insert((i, j)));
    let mut degree = vec![0usize; certs.len()];
    let mut out = Vec::new();
    for (_, i, j) in candidates {
        if degree[i] < k && degree[j] < k {
            degree[i] += 1;
            degree[j] += 1;
            out.push((certs[i].clone(), certs[j].clone()));
        }
    }
    out
}
