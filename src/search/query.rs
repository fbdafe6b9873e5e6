//! Querying the index. `templates/assets/search.js` implements the same steps in the same order;
//! the shared query suite (`tests/search-queries.json`) proves they agree.
//!
//! 1. The query is analysed like the texts ([`crate::lang`]); if every word is a stop word, the
//!    stop words are kept.
//! 2. Each query key matches: itself (quality 1); a dotted code, the same code without dots (0.9);
//!    the keys one typo away, for words of 5 letters or
//!    more (quality 0.6); for the last query word, the keys it begins (quality 0.8, as you type).
//!    Typo candidates are looked for in the shards a typo in the first two letters can lead to
//!    ([`shard_candidates`]), exactly the shards the browser downloads.
//! 3. A document scores, for each query key, the best weight × quality × idf among its matches.
//! 4. Documents matching more query keys come first, then higher scores, then index order.

use std::collections::HashMap;

use serde::Serialize;

use super::Index;
use crate::lang;

/// The shard of a key: its first two characters.
pub fn shard_of(key: &str) -> String {
    key.chars().take(2).collect()
}

/// Shards that may hold a key one typo away from `key` (the first two letters swapped, or one of
/// them dropped), plus the key's own shard.
pub fn shard_candidates(key: &str) -> Vec<String> {
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
pub struct QueryKey {
    pub key: String,
    pub word: String,
    pub prefix: bool,
}

/// The keys of a query, in order, without repeats.
pub fn query_keys(q: &str) -> Vec<QueryKey> {
    let tokens = lang::tokens(q);
    let ends_in_space = q.ends_with(char::is_whitespace);
    let meaningful: Vec<&lang::Token> = tokens.iter().filter(|t| !lang::is_stop_word(&t.word)).collect();
    let chosen: Vec<&lang::Token> = if meaningful.is_empty() { tokens.iter().collect() } else { meaningful };
    let n = chosen.len();
    let mut out: Vec<QueryKey> = Vec::new();
    for (i, t) in chosen.into_iter().enumerate() {
        let k = QueryKey { key: lang::stem(&t.word), word: t.word.clone(), prefix: i + 1 == n && !ends_in_space };
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
    pub matched: usize,
    /// The index keys that matched, to highlight words.
    pub keys: Vec<String>,
}

/// Filters: a certification id and/or a kind label.
#[derive(Default, Clone, Debug)]
pub struct Filters {
    pub cert: Option<String>,
    pub kind: Option<String>,
}

fn damerau1(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    strsim::damerau_levenshtein(&a.iter().collect::<String>(), &b.iter().collect::<String>()) <= 1
}

impl Index {
    /// The matches of one query key: (index key, quality).
    fn expand(&self, q: &QueryKey) -> Vec<(&str, f64)> {
        let key = q.key.as_str();
        let mut out: Vec<(&str, f64)> = Vec::new();
        if let Some((k, _)) = self.postings.get_key_value(key) {
            out.push((k.as_str(), 1.0));
        }
        // A dotted code also finds the same code printed without dots (C3.2 → C32).
        let dotless = key.replace('.', "");
        if dotless != key {
            if let Some((k, _)) = self.postings.get_key_value(dotless.as_str()) {
                out.push((k.as_str(), 0.9));
            }
        }
        let is_code = lang::is_code(key);
        let shards = shard_candidates(key);
        let typo = q.word.chars().count() >= 5 && !is_code;
        for k in self.postings.keys() {
            if k == key || *k == dotless || !shards.contains(&shard_of(k)) {
                continue;
            }
            if q.prefix && q.word.chars().count() >= 2 && k.starts_with(q.word.as_str()) {
                out.push((k.as_str(), 0.8));
            } else if typo && damerau1(key, k) {
                out.push((k.as_str(), 0.6));
            }
        }
        out
    }

    pub fn search(&self, q: &str, filters: &Filters, limit: usize) -> Vec<Hit> {
        let n = self.docs.len() as f64;
        let keys = query_keys(q);
        // doc → (matched query keys, score, matched index keys)
        let mut acc: HashMap<u32, (usize, f64, Vec<String>)> = HashMap::new();
        for qk in &keys {
            let mut best: HashMap<u32, (f64, &str)> = HashMap::new();
            for (k, quality) in self.expand(qk) {
                let postings = &self.postings[k];
                let idf = (1.0 + n / postings.len() as f64).ln();
                for (doc, w) in postings {
                    let s = *w as f64 * quality * idf;
                    let slot = best.entry(*doc).or_insert((0.0, k));
                    if s > slot.0 {
                        *slot = (s, k);
                    }
                }
            }
            for (doc, (s, k)) in best {
                let slot = acc.entry(doc).or_insert((0, 0.0, Vec::new()));
                slot.0 += 1;
                slot.1 += s;
                slot.2.push(k.to_string());
            }
        }
        let cert = filters.cert.as_ref().and_then(|c| self.certs.iter().position(|(id, _)| id == c));
        let kind = filters.kind.as_ref().and_then(|k| self.kinds.iter().position(|l| l == k));
        let mut hits: Vec<(u32, usize, f64, Vec<String>)> = acc
            .into_iter()
            .filter(|(d, _)| {
                let doc = &self.docs[*d as usize];
                cert.is_none_or(|c| doc.cert == c) && kind.is_none_or(|k| doc.kind == k)
            })
            .map(|(d, (m, s, k))| (d, m, s, k))
            .collect();
        hits.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
        hits.truncate(limit);
        hits.into_iter()
            .map(|(d, m, s, k)| {
                let doc = &self.docs[d as usize];
                Hit {
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
        let k = |key: &str, word: &str, prefix| QueryKey { key: key.into(), word: word.into(), prefix };
        assert_eq!(query_keys("la prospection"), vec![k("prospect", "prospection", true)]);
        assert_eq!(query_keys("veille marché "), vec![k("veill", "veille", false), k("march", "marche", false)]);
    }
}
