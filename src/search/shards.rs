//! The index as small JavaScript files, loaded with `<script>` tags so that search works from
//! `file://` (where fetching JSON is forbidden) and offline:
//!
//! - `search/meta.js`: certifications and kinds (with the keys that name them), document groups,
//!   the buckets (which shards each bucket file holds), the vocabulary (term keys → target stems
//!   and weights); the search page loads it with the page, other pages when their search box gets focus;
//! - `search/t/<bucket>.js`: a bucket of units: keys grouped by their first two characters (the
//!   shard that typo candidates are drawn from), a big shard split by longer prefixes; units are
//!   packed to about [`BUCKET_BYTES`] a file so that a query of two or three words needs few files;
//! - `search/r/_<key>.js`: the display records of a key's [`RECORDS`] best documents (by weight), for
//!   the keys of two documents or more spelt in `[a-z0-9.]`: the results of a query are mostly among
//!   the best documents of one of its keys, so that one such file replaces several blocks;
//! - `search/d/<block>.js`: documents (id, text, kind, certification, ancestors, and for a text
//!   shared with others of its certification, those others: id and the words before the shared
//!   text, to show what is folded under a result without their files), by blocks of 16.
//!
//! A first query loads the buckets of its words, and those of its typo candidates and of the words
//! its last word begins when meta.js's Bloom filter of the index's words says that a word is not
//! one of them (one round); then the records of the results shown, from the fewest files among
//! the record files of its keys and the blocks (a second round).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::Index;
use super::query::shard_of;

/// Documents per block file.
pub(crate) const BLOCK: usize = 16;

/// The size a bucket file aims at: big enough that a query needs few files, small enough that a
/// phone on a slow connection gets each one in about a tenth of a second.
pub(crate) const BUCKET_BYTES: usize = 6_000;

/// Packs shards (name, size in bytes) into buckets of about `target` bytes: the largest shard
/// first, each into the lightest bucket so far. Returns the shard names of each bucket.
pub(crate) fn pack(shards: &[(String, usize)], target: usize) -> Vec<Vec<String>> {
    let total: usize = shards.iter().map(|s| s.1).sum();
    let n = total.div_ceil(target.max(1)).max(1);
    let mut order: Vec<&(String, usize)> = shards.iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut buckets: Vec<(usize, Vec<String>)> = vec![(0, Vec::new()); n];
    for (name, size) in order {
        let lightest = (0..n).min_by_key(|&i| (buckets[i].0, i)).expect("at least one bucket");
        buckets[lightest].0 += size;
        buckets[lightest].1.push(name.clone());
    }
    buckets
        .into_iter()
        .filter(|b| !b.1.is_empty())
        .map(|(_, mut names)| {
            names.sort();
            names
        })
        .collect()
}

/// Documents per record file (`search/r/`): a phone shows five results, a wide screen ten.
pub(crate) const RECORDS: usize = 20;

/// Bits per key of the Bloom filter of words (about 1 % false positives with [`BLOOM_HASHES`]).
const BLOOM_BITS: usize = 10;
/// Hashes per key of the Bloom filter.
pub(crate) const BLOOM_HASHES: u64 = 5;

/// FNV-1a over a key's characters (as the browser reads them: code points), from `seed`.
fn fnv(key: &str, seed: u32) -> u32 {
    key.chars().fold(seed, |h, c| (h ^ c as u32).wrapping_mul(16_777_619))
}

/// The bit positions of a key in a Bloom filter of `m` bits (double hashing; `bloomHas` in search.js).
pub(crate) fn bloom_bits(key: &str, m: u64) -> impl Iterator<Item = u64> {
    let h1 = fnv(key, 2_166_136_261) as u64;
    let h2 = (fnv(key, 2_166_136_261 ^ 0x9e37_79b9) | 1) as u64;
    (0..BLOOM_HASHES).map(move |i| (h1 + i * h2) % m)
}

/// A Bloom filter of the keys without digits (words, not codes or ids), as base64: whether a word
/// of a query is one of the index's, known before any bucket is loaded, tells which buckets its
/// typos and completions need in the same round as its own.
fn bloom<'a>(keys: impl Iterator<Item = &'a String>) -> (u64, String) {
    let words: Vec<&String> = keys.filter(|k| !k.chars().any(|c| c.is_ascii_digit())).collect();
    let m = (words.len() * BLOOM_BITS).div_ceil(8).max(1) as u64 * 8;
    let mut bits = vec![0u8; (m / 8) as usize];
    for w in words {
        for b in bloom_bits(w, m) {
            bits[(b / 8) as usize] |= 1 << (b % 8);
        }
    }
    (m, base64(&bits))
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            out.push(if i <= c.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// Whether a key has a record file: two documents or more, and a name any file system takes.
pub(crate) fn has_records(key: &str, df: usize) -> bool {
    df >= 2 && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.')
}

/// A key's best documents: by weight, then by number (`bestOf` in search.js).
pub(crate) fn best_of(postings: &[(u32, u32)]) -> Vec<u32> {
    let mut p: Vec<&(u32, u32)> = postings.iter().collect();
    p.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    p.into_iter().take(RECORDS).map(|(d, _)| *d).collect()
}

/// The longest prefix a unit is split down to (whole ids share long prefixes).
const MAX_UNIT: usize = 16;

/// Splits the keys under `prefix` into units no bigger than a bucket: a unit is named by a
/// prefix and holds the keys for which it is the longest unit prefix, so that a key's unit is
/// found from its characters alone (see `unitOf` in search.js).
fn split(prefix: String, keys: Vec<(String, Vec<u32>)>, out: &mut BTreeMap<String, Unit>) {
    let size: usize = keys.iter().map(|(k, v)| k.len() + json(v).len() + 4).sum();
    let depth = prefix.chars().count();
    if size <= BUCKET_BYTES || depth >= MAX_UNIT {
        out.entry(prefix).or_default().extend(keys);
        return;
    }
    let mut longer: BTreeMap<String, Vec<(String, Vec<u32>)>> = BTreeMap::new();
    for (key, postings) in keys {
        if key.chars().count() <= depth {
            out.entry(prefix.clone()).or_default().insert(key, postings);
        } else {
            longer.entry(key.chars().take(depth + 1).collect()).or_default().push((key, postings));
        }
    }
    for (p, keys) in longer {
        split(p, keys, out);
    }
}

/// A unit's keys with their postings (gaps and weights, flat), in key order.
type Unit = BTreeMap<String, Vec<u32>>;

/// The unit a key lives in: its longest beginning that names a unit (`unitOf` in search.js).
fn unit_of<'a>(units: &'a BTreeMap<String, Unit>, key: &str) -> Option<&'a String> {
    let chars: Vec<char> = key.chars().collect();
    (1..=chars.len())
        .rev()
        .find_map(|i| units.get_key_value(&chars[..i].iter().collect::<String>()).map(|(k, _)| k))
}

/// Copies of the postings of vocabulary targets, by bucket: each term's targets ride in the bucket
/// of its first word's unit, which a query holding the term loads anyway, so that a term costs no
/// file of its own (a target already in that bucket is not copied).
fn vocabulary_copies(
    index: &Index,
    units: &BTreeMap<String, Unit>,
    buckets: &[Vec<String>],
) -> Vec<Unit> {
    let bucket_of: BTreeMap<&String, usize> =
        buckets.iter().enumerate().flat_map(|(i, ns)| ns.iter().map(move |n| (n, i))).collect();
    let mut copies: Vec<Unit> = vec![Unit::new(); buckets.len()];
    for (term, targets) in &index.vocab {
        let first = term.split(' ').next().unwrap_or_default();
        let Some(b) = unit_of(units, first).map(|u| bucket_of[u]) else { continue };
        for key in targets.iter().flat_map(|(t, _)| t) {
            let (Some(postings), Some(u)) = (index.postings.get(key), unit_of(units, key)) else {
                continue;
            };
            if bucket_of[u] != b {
                copies[b].insert(
                    key.clone(),
                    units[u].get(key).cloned().unwrap_or_else(|| gaps(postings)),
                );
            }
        }
    }
    copies
}

/// Postings as the files hold them: document gaps and weights, flat.
pub(super) fn gaps(postings: &[(u32, u32)]) -> Vec<u32> {
    let mut flat: Vec<u32> = Vec::with_capacity(postings.len() * 2);
    let mut prev = 0;
    for (doc, w) in postings {
        flat.push(doc - prev);
        flat.push(*w);
        prev = *doc;
    }
    flat
}

/// Compact JSON, safe inside a script file and inlined in a page (see [`crate::text::script_safe`]).
pub(super) fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    crate::text::script_safe(&serde_json::to_string(v).expect("serializable"))
}

/// A call of the browser's loader with JSON arguments; compact: the files are downloaded by phones.
pub(super) fn js(call: &str, args: &[String]) -> Vec<u8> {
    format!("RS.{call}({});\n", args.join(",")).into_bytes()
}

/// The search files, in order: `meta.js`, the buckets, the document blocks. Postings stay plain
/// numbers until their bucket is written (not one JSON value per number: at a national
/// catalogue's size that tree alone would be several times the index).
pub fn write(index: &Index) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    write_each(index, |path, bytes| files.push((path, bytes)));
    files
}

/// [`write`], handing each file to `emit` as soon as it is made.
pub(crate) fn write_each(index: &Index, mut emit: impl FnMut(String, Vec<u8>)) {
    let mut shards: BTreeMap<String, Vec<(String, Vec<u32>)>> = BTreeMap::new();
    for (key, postings) in &index.postings {
        shards.entry(shard_of(key)).or_default().push((key.clone(), gaps(postings)));
    }
    let mut units: BTreeMap<String, Unit> = BTreeMap::new();
    for (shard, keys) in shards {
        split(shard, keys, &mut units);
    }
    let sizes: Vec<(String, usize)> =
        units.iter().map(|(name, keys)| (name.clone(), json(keys).len())).collect();
    let buckets = pack(&sizes, BUCKET_BYTES);
    let (bloom_m, bloom_bits) = bloom(index.postings.keys());
    let meta = json!({
        "n": index.docs.len(),
        "certs": index.certs,
        "kinds": index.kinds,
        "groups": index.groups.iter().map(|g| json!([g.start, g.end, g.cert, g.kind])).collect::<Vec<_>>(),
        "buckets": buckets,
        "block": BLOCK,
        "records": RECORDS,
        "bloom": [bloom_m, BLOOM_HASHES, bloom_bits],
        "urls": crate::urls::browser_patterns(),
        "certKeys": index.cert_keys,
        "kindKeys": index.kind_keys,
        "vocab": index.vocab,
        "same": index.repeats(),
        "rank": rank(index),
    });
    emit("search/meta.js".to_string(), js("meta", &[json(&meta)]));
    let copies = vocabulary_copies(index, &units, &buckets);
    for (i, names) in buckets.iter().enumerate() {
        let content: BTreeMap<&String, &Unit> = names.iter().map(|n| (n, &units[n])).collect();
        emit(
            format!("search/t/{i}.js"),
            js("t", &[i.to_string(), json(&content), json(&copies[i])]),
        );
    }
    let record = records(index);
    for (key, postings) in &index.postings {
        if has_records(key, postings.len()) {
            let recs: Vec<Value> =
                best_of(postings).into_iter().map(|d| json!([d, record(d)])).collect();
            emit(format!("search/r/_{key}.js"), js("r", &[json(key), json(&recs)]));
        }
    }
    for b in 0..index.docs.len().div_ceil(BLOCK) {
        // The address is not stored: it follows from the id (see `url_of` in search.js).
        let docs: Vec<Value> = (b * BLOCK..((b + 1) * BLOCK).min(index.docs.len()))
            .map(|i| record(i as u32))
            .collect();
        emit(format!("search/d/{b}.js"), js("d", &[b.to_string(), json(&docs)]));
    }
}

/// The ranking's figures that the browser reads.
pub(super) fn rank(index: &Index) -> Value {
    let structural: Vec<usize> = (0..index.kinds.len()).filter(|k| index.structural(*k)).collect();
    json!({ "context": super::W_CONTEXT, "kind": index.tuning.kind, "coord": index.tuning.coord, "title": super::W_TITLE, "structural": structural })
}

/// The display record of each document: id, text, kind, certification, ancestors.
///
/// A document that shares its text with others of its certification carries them, so that a
/// result shows what is folded under it ("aussi : Épreuve E4") without more files: each as
/// [document, id, the words of its text before those it shares with this one].
pub(super) fn records(index: &Index) -> impl Fn(u32) -> Value + '_ {
    let classes: BTreeMap<u32, Vec<u32>> = index.repeats().into_iter().map(|c| (c[0], c)).collect();
    move |i: u32| {
        let d = &index.docs[i as usize];
        match classes.get(&d.same) {
            Some(class) => {
                let others: Vec<Value> = class
                    .iter()
                    .filter(|&&o| o != i)
                    .map(|&o| {
                        json!([
                            o,
                            index.docs[o as usize].id,
                            before_shared(&index.docs[o as usize].text, &d.text)
                        ])
                    })
                    .collect();
                json!([d.id, d.text, d.kind, d.cert, d.crumbs, others])
            }
            None => json!([d.id, d.text, d.kind, d.cert, d.crumbs]),
        }
    }
}

/// The words of `text` before those it ends with in common with `other` ("E4" of « E4
/// Communication commerciale » beside « U4 Communication commerciale »).
pub(crate) fn before_shared(text: &str, other: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (text.split(' ').collect(), other.split(' ').collect());
    let common = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a[..a.len() - common].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_hold_every_shard_once_and_stay_near_the_target() {
        let shards: Vec<(String, usize)> = (0..40)
            .map(|i| (format!("s{i}"), if i == 0 { 9_000 } else { 100 + 50 * (i % 7) }))
            .collect();
        let total: usize = shards.iter().map(|s| s.1).sum();
        let buckets = pack(&shards, 3_000);
        let mut all: Vec<&String> = buckets.iter().flatten().collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 40, "every shard in exactly one bucket");
        assert_eq!(buckets.iter().map(Vec::len).sum::<usize>(), 40);
        assert_eq!(buckets.len(), total.div_ceil(3_000));
        // The big shard is alone; the others share the remaining buckets evenly.
        assert!(buckets.contains(&vec!["s0".to_string()]));
        let size = |b: &Vec<String>| {
            b.iter().map(|n| shards.iter().find(|s| &s.0 == n).unwrap().1).sum::<usize>()
        };
        let rest: Vec<usize> = buckets.iter().filter(|b| b[0] != "s0").map(size).collect();
        assert!(rest.iter().max().unwrap() - rest.iter().min().unwrap() <= 250, "{rest:?}");
    }

    #[test]
    fn a_big_shard_is_split_by_longer_prefixes() {
        // Postings of about a quarter of a bucket each (`1,` is two bytes of JSON).
        let big = vec![1u32; BUCKET_BYTES / 8];
        let keys: Vec<(String, Vec<u32>)> =
            ["bt", "btsa", "btsb", "btz"].iter().map(|k| (k.to_string(), big.clone())).collect();
        let mut out = BTreeMap::new();
        split("bt".to_string(), keys, &mut out);
        let names: Vec<&String> = out.keys().collect();
        assert_eq!(names, ["bt", "bts", "btz"], "the key equal to the prefix stays in its unit");
        assert!(out["bts"].contains_key("btsa") && out["bts"].contains_key("btsb"));
        let mut small = BTreeMap::new();
        split("pr".to_string(), vec![("prise".to_string(), vec![1, 2])], &mut small);
        assert_eq!(small.keys().collect::<Vec<_>>(), ["pr"], "a small shard is one unit");
    }

    #[test]
    fn base64_pads_as_the_browser_decodes() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        assert_eq!(base64(&[0xff, 0xfe, 0x01, 0x80]), "//4BgA==");
    }

    #[test]
    fn the_bloom_filter_holds_every_word_and_few_others() {
        let words: Vec<String> = (0..500)
            .map(|i| format!("mot{}", char::from(b'a' + (i % 26) as u8)).repeat(1 + i / 26))
            .collect();
        let (m, _) = bloom(words.iter());
        let mut bits = vec![false; m as usize];
        for w in &words {
            bloom_bits(w, m).for_each(|b| bits[b as usize] = true);
        }
        assert!(words.iter().all(|w| bloom_bits(w, m).all(|b| bits[b as usize])));
        let others = (0..1000)
            .filter(|i| bloom_bits(&format!("autre{i}"), m).all(|b| bits[b as usize]))
            .count();
        assert!(others < 50, "{others} false positives in 1000");
        assert_eq!(
            bloom([String::from("cp3"), String::from("c1.1")].iter()).0,
            8,
            "keys with digits are left out"
        );
    }

    #[test]
    fn a_folded_document_is_named_by_the_words_before_the_shared_text() {
        assert_eq!(
            before_shared("E4 Communication commerciale", "U4 Communication commerciale"),
            "E4"
        );
        assert_eq!(before_shared("Épreuve E4 Communication", "U4 Communication"), "Épreuve E4");
        assert_eq!(before_shared("Même texte", "Même texte"), "");
    }

    #[test]
    fn record_files_hold_a_keys_best_documents() {
        let postings: Vec<(u32, u32)> =
            (0..20).map(|d| (d, if d % 5 == 0 { 300 } else { 100 + d })).collect();
        let best = best_of(&postings);
        assert_eq!(best.len(), RECORDS);
        assert_eq!(&best[..4], &[0, 5, 10, 15], "the heaviest first, by number among equals");
        assert!(has_records("c1.1", 2) && has_records("veill", 3));
        assert!(!has_records("veill", 1) && !has_records("cœur", 4) && !has_records("a/b", 4));
    }

    #[test]
    fn an_empty_index_has_no_bucket() {
        assert!(pack(&[], 1_000).is_empty());
    }
}
