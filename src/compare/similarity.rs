//! Similarity of French texts: sets of stems (from [`crate::lang::terms`]) weighted by their
//! inverse document frequency over the texts being compared, and the measures built on them.
//!
//! - [`dice`]: weighted Dice coefficient, `2·Σ shared / (Σ a + Σ b)`, in `[0, 1]`; 1 for texts
//!   with the same meaningful stems.
//! - [`containment`]: the share of `a`'s weight found in `b` (is `a` a piece of `b`?).
//! - [`cosine`]: cosine of two weighted vectors (crosswalk profiles).
//!
//! The IDF of a stem is `ln(1 + N / df)` where `N` is the number of texts added to the
//! [`Space`] and `df` the number of them that contain the stem: rare words weigh more.

use std::collections::HashMap;

use crate::lang;

/// Interned stems with their document frequencies.
#[derive(Default)]
pub struct Space {
    ids: HashMap<String, u32>,
    stems: Vec<String>,
    df: Vec<u32>,
    docs: u32,
    idf: Vec<f32>,
}

/// A text as a set of stems with their weights, sorted by stem id.
#[derive(Clone, Debug, Default)]
pub struct TermSet {
    pub terms: Vec<(u32, f32)>,
    pub total: f32,
}

impl Space {
    pub fn new() -> Space {
        Space::default()
    }

    /// Intern the stems of `text` and count it once for each of them; its stem ids, sorted, unique.
    pub fn add(&mut self, text: &str) -> Vec<u32> {
        self.add_terms(lang::terms(text))
    }

    /// Intern already computed stems (a text's, plus any concept terms) and count them once.
    pub(crate) fn add_terms(&mut self, terms: Vec<String>) -> Vec<u32> {
        let ids = self.intern(terms);
        for &t in &ids {
            self.df[t as usize] += 1;
        }
        self.docs += 1;
        ids
    }

    fn intern(&mut self, terms: Vec<String>) -> Vec<u32> {
        let mut ids: Vec<u32> = terms
            .into_iter()
            .map(|s| match self.ids.get(&s) {
                Some(&i) => i,
                None => {
                    let i = self.stems.len() as u32;
                    self.ids.insert(s.clone(), i);
                    self.stems.push(s);
                    self.df.push(0);
                    i
                }
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Compute the weights once every text has been added.
    pub(crate) fn finish(&mut self) {
        let n = self.docs.max(1) as f32;
        self.idf = self.df.iter().map(|&df| (1.0 + n / df.max(1) as f32).ln()).collect();
    }

    pub(crate) fn idf(&self, term: u32) -> f32 {
        self.idf.get(term as usize).copied().unwrap_or(0.0)
    }

    /// Weigh a bag of stem ids (after [`Space::finish`]).
    pub(crate) fn weigh(&self, bag: &[u32]) -> TermSet {
        let terms: Vec<(u32, f32)> = bag.iter().map(|&t| (t, self.idf(t))).collect();
        let total = terms.iter().map(|(_, w)| w).sum();
        TermSet { terms, total }
    }

    pub fn stem(&self, term: u32) -> &str {
        &self.stems[term as usize]
    }
}

/// The stems two sets share, heaviest first, with their weights.
pub fn shared(a: &TermSet, b: &TermSet) -> Vec<(u32, f32)> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        let (ta, wa) = a.terms[i];
        let (tb, wb) = b.terms[j];
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((ta, wa.min(wb)));
                i += 1;
                j += 1;
            }
        }
    }
    out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    out
}

fn shared_weight(a: &TermSet, b: &TermSet) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a.terms[i].1.min(b.terms[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Weighted Dice coefficient in `[0, 1]`. Two empty texts are not similar (0).
pub(crate) fn dice(a: &TermSet, b: &TermSet) -> f32 {
    let denom = a.total + b.total;
    if denom <= 0.0 { 0.0 } else { 2.0 * shared_weight(a, b) / denom }
}

/// Dice from an already known shared weight.
pub(crate) fn dice_from_shared(a: &TermSet, b: &TermSet, shared: f32) -> f32 {
    let denom = a.total + b.total;
    if denom <= 0.0 { 0.0 } else { 2.0 * shared / denom }
}

/// The share of `a`'s weight that `b` also holds, in `[0, 1]`.
pub(crate) fn containment(a: &TermSet, b: &TermSet) -> f32 {
    if a.total <= 0.0 { 0.0 } else { shared_weight(a, b) / a.total }
}

/// The share of `a`'s weight held by at least one of `parts`.
pub fn coverage(a: &TermSet, parts: &[&TermSet]) -> f32 {
    if a.total <= 0.0 {
        return 0.0;
    }
    let covered: f32 = a
        .terms
        .iter()
        .filter(|(t, _)| parts.iter().any(|p| p.terms.binary_search_by_key(t, |x| x.0).is_ok()))
        .map(|(_, w)| w)
        .sum();
    covered / a.total
}

/// A weighted vector (any weights), sorted by stem id, with its Euclidean norm.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vector {
    pub terms: Vec<(u32, f32)>,
    pub norm: f32,
}

impl Vector {
    /// Build from (stem, weight) entries in any order; repeated stems add up.
    pub(crate) fn from_entries(mut entries: Vec<(u32, f32)>) -> Vector {
        entries.sort_by_key(|e| e.0);
        let mut terms: Vec<(u32, f32)> = Vec::with_capacity(entries.len());
        for (t, w) in entries {
            match terms.last_mut() {
                Some(last) if last.0 == t => last.1 += w,
                _ => terms.push((t, w)),
            }
        }
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        Vector { terms, norm }
    }
}

/// Cosine of two vectors, with each shared stem's contribution (largest first).
pub(crate) fn cosine(a: &Vector, b: &Vector) -> (f32, Vec<(u32, f32)>) {
    if a.norm <= 0.0 || b.norm <= 0.0 {
        return (0.0, Vec::new());
    }
    let (mut i, mut j) = (0, 0);
    let mut parts = Vec::new();
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                parts.push((a.terms[i].0, a.terms[i].1 * b.terms[j].1 / (a.norm * b.norm)));
                i += 1;
                j += 1;
            }
        }
    }
    let score = parts.iter().map(|p| p.1).sum::<f32>().min(1.0);
    parts.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    (score, parts)
}

/// The word of `text` as printed (lower-cased) whose stem is `stem`, for showing why two texts meet.
pub fn printed(text: &str, stem: &str) -> Option<String> {
    lang::tokens(text)
        .into_iter()
        .find(|t| !lang::is_stop_word(&t.word) && lang::stem(&t.word) == stem)
        .map(|t| text[t.start..t.end].to_lowercase())
}

/// Shared words as printed: in `a`'s text first, then `b`'s, else the stem itself.
pub(crate) fn printed_words(
    space: &Space,
    terms: &[(u32, f32)],
    a: &str,
    b: &str,
    limit: usize,
) -> Vec<String> {
    terms
        .iter()
        .take(limit)
        .map(|(t, _)| {
            let s = space.stem(*t);
            printed(a, s).or_else(|| printed(b, s)).unwrap_or_else(|| s.to_string())
        })
        .collect()
}

/// Round a score for output (3 decimals).
pub fn round(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_forms_make_texts_similar() {
        let mut sp = Space::new();
        let a = sp.add("Prospecter les clients");
        let b = sp.add("La prospection des clients");
        let c = sp.add("Gérer un budget");
        sp.finish();
        let (a, b, c) = (sp.weigh(&a), sp.weigh(&b), sp.weigh(&c));
        assert!((dice(&a, &b) - 1.0).abs() < 1e-6);
        assert_eq!(dice(&a, &c), 0.0);
        assert!(printed("La prospection des clients", sp.stem(shared(&a, &b)[0].0)).is_some());
    }

    #[test]
    fn containment_measures_pieces() {
        let mut sp = Space::new();
        let whole = sp.add("Prospecter et négocier une solution");
        let part = sp.add("Négocier une solution");
        sp.finish();
        let (w, p) = (sp.weigh(&whole), sp.weigh(&part));
        assert!((containment(&p, &w) - 1.0).abs() < 1e-6);
        assert!(containment(&w, &p) < 1.0);
    }
}
