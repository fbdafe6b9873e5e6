//! Querying the index. `templates/assets/search.js` implements the same steps in the same order;
//! the query suites (`tests/search-queries.json`, `tests/search-suite.json`) prove they agree.
//!
//! 1. Analysis ([`query_keys`]): the query is analysed like the texts ([`crate::lang`]); a short
//!    word followed by a number is one code (`cp 3`, `CP-3`, `at 1` → `cp3`, `at1`); stop words,
//!    question words and "faire" are dropped (all kept if nothing else is left).
//! 2. Each query key matches: itself (quality 1); a dotted code, the same code without dots (0.9);
//!    for the last query word when it is neither a key of the index nor a vocabulary term, the
//!    keys it begins (as you type: 0.8 × the share of the key typed, the key's weight at most a
//!    title word's); and only when the key itself
//!    is neither in the index nor a vocabulary term, for words of 5 letters or more, the keys one
//!    typo away (0.6). Typo
//!    candidates are looked for in the shards a typo in the first two letters can lead to
//!    ([`shard_candidates`]), exactly the shards the browser downloads.
//! 3. Vocabulary: a run of query keys that is a vocabulary term (a [`Span`]) matches the
//!    documents holding every word of one of its targets, at the term's weight (below 1: the
//!    reader's own words first).
//! 4. Context: a query key that names a certification (title, sigle, id) or a kind also matches
//!    every document of that certification or kind, at a low weight ([`super::W_CONTEXT`]).
//! 5. A query of several words is also looked up whole, as one compact id (`ntc-2018/cp5`).
//! 6. A document scores by its best [`cover`] of the query: each key by the best of its matches
//!    (weight × quality × idf), or a run of keys by a term standing for them, whichever scores
//!    more (a term weighs once, in place of the words it spans). The score is multiplied by the
//!    share of the query the document holds (the reader's own words count 1 each, a term's
//!    expansion its weight per word) to the power [`super::Tuning::coord`]: a document holding
//!    the reader's words ranks above one holding their synonyms, and a short exact title above
//!    a long passage that holds more words loosely. Higher scores first, then more matched keys,
//!    then index order.
//! 7. A result whose text is that of a higher result of the same certification ([`super::Doc::same`])
//!    is folded under it ([`Hit::also`]); folded sections, paragraphs and articles are not listed.

use std::collections::HashMap;

use serde::Serialize;

use super::{Index, W_CONTEXT, compact};
use crate::lang;
use crate::schema::Kind;

/// The most letters of a short word that joins the number after it into one code (`cp 3`).
pub(crate) const SHORT_CODE: usize = 4;
/// The quality of a dotted code's dotless spelling (`c3.2` → `c32`).
pub(crate) const Q_DOTLESS: f64 = 0.9;
/// The quality of a key the last word begins, times the share of the key typed.
pub(crate) const Q_PREFIX: f64 = 0.8;
/// The quality of a key one typo away.
pub(crate) const Q_TYPO: f64 = 0.6;
/// The fewest letters of a word whose typos are looked for.
pub(crate) const TYPO_LETTERS: usize = 5;
/// The fewest letters of a word being typed whose completions are looked for.
pub(crate) const TYPING_LETTERS: usize = 2;

/// The shard of a key: its first two characters.
pub(crate) fn shard_of(key: &str) -> String {
    key.chars().take(2).collect()
}

/// Shards that may hold a key one typo away from `key` (the first two letters swapped, or one of
/// them dropped), plus the key's own shard.
pub(crate) fn shard_candidates(key: &str) -> Vec<String> {
    let c: Vec<char> = key.chars().collect();
    let mut out = vec![shard_of(key)];
    if c.len() >= 3 {
        let s = |v: &[char]| v.iter().take(2).collect::<String>();
        out.push(s(&[c[1], c[0]]));
        out.push(s(&c[1..]));
        out.push(s(&[c[0], c[2]]));
    }
    out.sort();
    out.dedup();
    out
}

/// One word of a query: its key (stem), the folded word, and whether it is matched as a prefix
/// (the last word, while it is being typed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct QueryKey {
    pub key: String,
    pub word: String,
    pub prefix: bool,
}

fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The query's words, a short word and the number after it joined into one code.
fn words(q: &str) -> Vec<String> {
    let tokens = lang::tokens(q);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let w = &tokens[i].word;
        let short =
            (1..=SHORT_CODE).contains(&w.len()) && w.chars().all(|c| c.is_ascii_lowercase());
        match tokens.get(i + 1) {
            Some(next) if short && is_number(&next.word) => {
                out.push(format!("{w}{}", next.word));
                i += 2;
            }
            _ => {
                out.push(w.clone());
                i += 1;
            }
        }
    }
    out
}

/// The keys of a query, in order, without repeats.
pub(crate) fn query_keys(q: &str) -> Vec<QueryKey> {
    let all = words(q);
    let ends_in_space = q.ends_with(char::is_whitespace);
    let meaningful: Vec<&String> =
        all.iter().filter(|w| !lang::is_stop_word(w) && !lang::is_query_word(w)).collect();
    let chosen: Vec<&String> =
        if meaningful.is_empty() { all.iter().collect() } else { meaningful };
    let n = chosen.len();
    let mut out: Vec<QueryKey> = Vec::new();
    for (i, w) in chosen.into_iter().enumerate() {
        let k =
            QueryKey { key: lang::stem(w), word: w.clone(), prefix: i + 1 == n && !ends_in_space };
        match out.iter_mut().find(|o| o.key == k.key) {
            Some(o) => o.prefix |= k.prefix,
            None => out.push(k),
        }
    }
    out
}

#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    pub doc: u32,
    pub id: String,
    pub url: String,
    pub text: String,
    pub kind: String,
    pub cert: String,
    pub crumbs: String,
    pub score: f64,
    pub(crate) matched: usize,
    /// The index keys that matched, to highlight words.
    pub keys: Vec<String>,
    /// Lower results of the same certification with the same text, folded under this one (shown
    /// as "aussi : …"), in rank order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Also>,
}

/// A result folded under a higher one with the same text.
#[derive(Clone, Debug, Serialize)]
pub struct Also {
    pub doc: u32,
    pub id: String,
    pub url: String,
    pub text: String,
    pub kind: String,
}

/// Filters: a certification id and/or a kind label, as validated by [`Index::filters`].
#[derive(Default, Clone, Debug)]
pub struct Filters {
    pub cert: Option<String>,
    pub kind: Option<String>,
}

/// A filter value that names nothing in the index, with the values that do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::words::command::unknown_filter(.what, .value, &.valid.join(", ")))]
pub struct FilterError {
    /// `certification` or `kind`.
    pub what: &'static str,
    pub value: String,
    pub valid: Vec<String>,
}

fn damerau1(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    strsim::damerau_levenshtein(&a.iter().collect::<String>(), &b.iter().collect::<String>()) <= 1
}

/// doc → (score, matched index key), for one query key.
type Slot = HashMap<u32, (f64, String)>;

fn offer(slot: &mut Slot, doc: u32, score: f64, key: &str) {
    let e = slot.entry(doc).or_insert((0.0, String::new()));
    if score > e.0 {
        *e = (score, key.to_string());
    }
}

/// A vocabulary term among the query's keys: keys `start..end` read as one term, and the
/// documents holding one of its targets, with their score and the target matched.
struct Span {
    start: usize,
    end: usize,
    /// The term's weight: the share of a literal match its expansion is worth.
    weight: f64,
    docs: Slot,
}

/// How a document holds the query: each key by its own word, or a run of keys by a vocabulary
/// term standing for them, whichever scores more; a term weighs once, in place of the words it
/// spans, never on top of them.
#[derive(Clone, Default)]
struct Cover {
    score: f64,
    /// Query keys covered.
    matched: usize,
    /// Keys covered, each by its credit: 1 for the reader's own word, the term's weight for a
    /// vocabulary expansion (another word than the reader's).
    credit: f64,
    keys: Vec<String>,
}

/// The best cover of one document (dynamic programming over the query's keys, left to right).
fn cover(doc: u32, slots: &[Slot], spans: &[Span]) -> Cover {
    let n = slots.len();
    let mut best: Vec<Cover> = (0..=n).map(|_| Cover::default()).collect();
    for j in 1..=n {
        // Key j-1 by its own word, or not at all.
        let mut here = best[j - 1].clone();
        if let Some((s, k)) = slots[j - 1].get(&doc) {
            here.score += s;
            here.matched += 1;
            here.credit += 1.0;
            if !k.is_empty() {
                here.keys.push(k.clone());
            }
        }
        // Or a term ending at key j-1.
        for sp in spans.iter().filter(|sp| sp.end == j) {
            if let Some((s, k)) = sp.docs.get(&doc) {
                let from = &best[sp.start];
                let span = (sp.end - sp.start) as f64;
                if from.score + s > here.score {
                    let mut keys = from.keys.clone();
                    keys.push(k.clone());
                    here = Cover {
                        score: from.score + s,
                        matched: from.matched + sp.end - sp.start,
                        credit: from.credit + sp.weight * span,
                        keys,
                    };
                }
            }
        }
        best[j] = here;
    }
    best.pop().unwrap_or_default()
}

impl Index {
    /// Validate filter values: a certification id, a kind label (any case, accents optional).
    pub fn filters(&self, cert: Option<&str>, kind: Option<&str>) -> Result<Filters, FilterError> {
        let cert = match cert {
            None => None,
            Some(c) => match self.certs.iter().find(|(id, _)| id == c) {
                Some((id, _)) => Some(id.clone()),
                None => {
                    return Err(FilterError {
                        what: crate::words::command::FILTER_CERT,
                        value: c.into(),
                        valid: self.certs.iter().map(|(id, _)| id.clone()).collect(),
                    });
                }
            },
        };
        let kind = match kind {
            None => None,
            Some(k) => {
                match self.kinds.iter().find(|l| crate::text::fold(l) == crate::text::fold(k)) {
                    Some(l) => Some(l.clone()),
                    None => {
                        return Err(FilterError {
                            what: crate::words::command::FILTER_KIND,
                            value: k.into(),
                            valid: self.kinds.clone(),
                        });
                    }
                }
            }
        };
        Ok(Filters { cert, kind })
    }

    /// Is this kind (an index of [`Index::kinds`]) the document's own structure (sections,
    /// paragraphs, articles)?
    pub fn structural(&self, kind: usize) -> bool {
        kind > 0
            && Kind::ALL
                .get(kind - 1)
                .is_some_and(|k| k.family() == crate::schema::Family::Document)
    }

    fn idf(&self, df: usize) -> f64 {
        (1.0 + self.docs.len() as f64 / df.max(1) as f64).ln()
    }

    /// The literal matches of one query key: (index key, quality).
    fn expand(&self, q: &QueryKey) -> Vec<(&str, f64)> {
        let key = q.key.as_str();
        let mut out: Vec<(&str, f64)> = Vec::new();
        let exact = self.postings.get_key_value(key);
        if let Some((k, _)) = exact {
            out.push((k.as_str(), 1.0));
        }
        // A dotted code also finds the same code printed without dots (C3.2 → C32).
        let dotless = key.replace('.', "");
        if dotless != key
            && let Some((k, _)) = self.postings.get_key_value(dotless.as_str())
        {
            out.push((k.as_str(), Q_DOTLESS));
        }
        let shards = shard_candidates(key);
        // A vocabulary term is a word the search knows (`closing`): no typo of another.
        let typo = exact.is_none()
            && !self.vocab.contains_key(key)
            && q.word.chars().count() >= TYPO_LETTERS
            && !lang::is_code(key);
        // Only a word that is not yet a word of the index, of the vocabulary or of the name of a
        // certification or kind (`ntc`, `savoirs`) is still being typed.
        let names_context =
            self.cert_keys.iter().chain(&self.kind_keys).any(|ks| ks.iter().any(|k| k == key));
        let typing = q.prefix
            && exact.is_none()
            && !self.vocab.contains_key(key)
            && !names_context
            && q.word.chars().count() >= TYPING_LETTERS;
        for k in self.postings.keys() {
            if k == key || *k == dotless || !shards.contains(&shard_of(k)) {
                continue;
            }
            if typing && k.starts_with(q.word.as_str()) {
                // A word as typed so far: the more of the key it covers, the surer the match.
                let cover = q.word.chars().count() as f64 / k.chars().count() as f64;
                out.push((k.as_str(), -Q_PREFIX * cover.min(1.0)));
            } else if typo && damerau1(key, k) {
                out.push((k.as_str(), Q_TYPO));
            }
        }
        out
    }

    /// The documents holding every key of `target`, with their summed weight × idf.
    fn all_of(&self, target: &[String]) -> HashMap<u32, f64> {
        let mut acc: HashMap<u32, (usize, f64)> = HashMap::new();
        for t in target {
            let Some(p) = self.postings.get(t) else { return HashMap::new() };
            let idf = self.idf(p.len());
            for (doc, w) in p {
                let e = acc.entry(*doc).or_insert((0, 0.0));
                e.0 += 1;
                e.1 += *w as f64 * idf;
            }
        }
        acc.into_iter()
            .filter(|(_, (n, _))| *n == target.len())
            .map(|(d, (_, s))| (d, s / target.len() as f64))
            .collect()
    }

    fn slots(&self, keys: &[QueryKey], q: &str) -> Vec<Slot> {
        let mut slots: Vec<Slot> = vec![Slot::new(); keys.len()];
        for (i, qk) in keys.iter().enumerate() {
            for (k, quality) in self.expand(qk) {
                let postings = &self.postings[k];
                let idf = self.idf(postings.len());
                for (doc, w) in postings {
                    // A prefix (negative quality) weighs at most as a title word: the beginning
                    // of a word is no code and no id.
                    let w = if quality < 0.0 { (*w).min(super::W_TITLE) } else { *w };
                    offer(&mut slots[i], *doc, w as f64 * quality.abs() * idf, k);
                }
            }
        }
        // Certifications and kinds named by the query.
        for (i, qk) in keys.iter().enumerate() {
            let certs: Vec<usize> =
                (0..self.certs.len()).filter(|c| self.cert_keys[*c].contains(&qk.key)).collect();
            let kinds: Vec<usize> =
                (0..self.kinds.len()).filter(|k| self.kind_keys[*k].contains(&qk.key)).collect();
            for (weight, groups) in [
                (
                    W_CONTEXT,
                    self.groups.iter().filter(|g| certs.contains(&g.cert)).collect::<Vec<_>>(),
                ),
                (
                    self.tuning.kind,
                    self.groups.iter().filter(|g| kinds.contains(&g.kind)).collect(),
                ),
            ] {
                let count: u32 = groups.iter().map(|g| g.end - g.start).sum();
                let score = weight * self.idf(count as usize);
                for g in groups {
                    for doc in g.start..g.end {
                        offer(&mut slots[i], doc, score, "");
                    }
                }
            }
        }
        // The whole query as one compact id or code.
        if keys.len() >= 2 {
            let whole = compact(q);
            if let Some(p) = self.postings.get(&whole) {
                let idf = self.idf(p.len());
                for (doc, w) in p {
                    for slot in &mut slots {
                        offer(slot, *doc, *w as f64 * idf, &whole);
                    }
                }
            }
        }
        slots
    }

    /// The vocabulary terms among the query keys, each with the documents holding one of its
    /// targets (all of the target's words), at the term's weight.
    fn spans(&self, keys: &[QueryKey]) -> Vec<Span> {
        let stems: Vec<&str> = keys.iter().map(|k| k.key.as_str()).collect();
        let mut out = Vec::new();
        for start in 0..stems.len() {
            for end in start + 1..=stems.len() {
                let Some(targets) = self.vocab.get(&stems[start..end].join(" ")) else { continue };
                let mut docs = Slot::new();
                let mut weight: f64 = 0.0;
                for (target, w) in targets {
                    weight = weight.max(*w);
                    let joined = target.join(" ");
                    for (doc, s) in self.all_of(target) {
                        offer(&mut docs, doc, s * w, &joined);
                    }
                }
                out.push(Span { start, end, weight, docs });
            }
        }
        out
    }

    pub fn search(&self, q: &str, filters: &Filters, limit: usize) -> Vec<Hit> {
        let keys = query_keys(q);
        let slots = self.slots(&keys, q);
        let spans = self.spans(&keys);
        let mut docs: Vec<u32> = slots
            .iter()
            .flat_map(|s| s.keys())
            .chain(spans.iter().flat_map(|s| s.docs.keys()))
            .copied()
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let n = keys.len().max(1) as f64;
        let cert =
            filters.cert.as_ref().and_then(|c| self.certs.iter().position(|(id, _)| id == c));
        let kind = filters.kind.as_ref().and_then(|k| self.kinds.iter().position(|l| l == k));
        let mut hits: Vec<(u32, usize, f64, Vec<String>)> = docs
            .into_iter()
            .filter(|d| {
                let doc = &self.docs[*d as usize];
                cert.is_none_or(|c| doc.cert == c) && kind.is_none_or(|k| doc.kind == k)
            })
            .map(|d| {
                let c = cover(d, &slots, &spans);
                // Coordination: the share of the query a document holds, the reader's own words
                // counting fully and a term's expansion at its weight, weighs on its score.
                let share = (c.credit / n).min(1.0);
                (d, c.matched, (0..self.tuning.coord).fold(c.score, |a, _| a * share), c.keys)
            })
            .collect();
        hits.sort_by(|a, b| b.2.total_cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
        // Repeats: a result whose text is that of a higher result of its certification is folded
        // under it, so that the first results hold distinct texts.
        let mut shown: HashMap<u32, usize> = HashMap::new();
        let mut folded: Vec<Vec<u32>> = Vec::new();
        let mut kept = Vec::new();
        for h in hits {
            let class = self.docs[h.0 as usize].same;
            match shown.get(&class) {
                Some(&i) => folded[i].push(h.0),
                None => {
                    shown.insert(class, kept.len());
                    folded.push(Vec::new());
                    kept.push(h);
                }
            }
        }
        kept.truncate(limit);
        kept.into_iter()
            .zip(folded)
            .map(|((d, m, s, k), also)| {
                let doc = &self.docs[d as usize];
                Hit {
                    // The document's own structure is not listed (« aussi : Section, Section… »
                    // says nothing): folded, it stays under the hit.
                    also: also
                        .into_iter()
                        .filter(|a| !self.structural(self.docs[*a as usize].kind))
                        .map(|a| {
                            let x = &self.docs[a as usize];
                            Also {
                                doc: a,
                                id: x.id.clone(),
                                url: x.url.clone(),
                                text: x.text.clone(),
                                kind: self.kinds[x.kind].clone(),
                            }
                        })
                        .collect(),
                    doc: d,
                    id: doc.id.clone(),
                    url: doc.url.clone(),
                    text: doc.text.clone(),
                    kind: self.kinds[doc.kind].clone(),
                    cert: self.certs[doc.cert].1.clone(),
                    crumbs: doc.crumbs.clone(),
                    score: (s * 1000.0).round() / 1000.0,
                    matched: m,
                    keys: k,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_shards_cover_the_first_letters() {
        assert_eq!(shard_candidates("prospect"), vec!["po", "pr", "ro", "rp"]);
        assert_eq!(shard_candidates("cp"), vec!["cp"]);
    }

    #[test]
    fn query_keys_are_stems_and_the_last_is_a_prefix() {
        let k =
            |key: &str, word: &str, prefix| QueryKey { key: key.into(), word: word.into(), prefix };
        assert_eq!(query_keys("la prospection"), vec![k("prospect", "prospection", true)]);
        assert_eq!(
            query_keys("veille marché "),
            vec![k("veill", "veille", false), k("march", "marche", false)]
        );
    }

    #[test]
    fn codes_are_read_in_every_spelling() {
        for q in ["cp3", "CP3", "cp 3", "CP-3", "Cp 3"] {
            assert_eq!(
                query_keys(q).iter().map(|k| k.key.as_str()).collect::<Vec<_>>(),
                ["cp3"],
                "{q}"
            );
        }
        assert_eq!(query_keys("c 4.2")[0].key, "c4.2");
    }

    #[test]
    fn question_words_and_faire_are_dropped() {
        let keys: Vec<String> =
            query_keys("comment faire un devis").into_iter().map(|k| k.key).collect();
        assert_eq!(keys, ["devi"]);
        let keys: Vec<String> = query_keys("combien de ccp").into_iter().map(|k| k.key).collect();
        assert_eq!(keys, ["ccp"]);
    }
}
