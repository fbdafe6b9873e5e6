//! The index as small JavaScript files, loaded with `<script>` tags so that search works from
//! `file://` (where fetching JSON is forbidden) and offline:
//!
//! - `search/meta.js`: certifications and kinds (with the keys that name them), document groups,
//!   the buckets (which shards each bucket file holds), the vocabulary (term keys → target stems
//!   and weights); the search page loads it with the page, other pages when their search box gets focus;
//! - `search/t/<bucket>.js`: a bucket of units: keys grouped by their first two characters (the
//!   shard that typo candidates are drawn from), a big shard split by longer prefixes; units are
//!   packed to about [`BUCKET_BYTES`] a file so that a query of two or three words needs few files;
//! - `search/d/<block>.js`: documents (id, text, kind, certification, ancestors), by blocks of 16.
//!
//! A first query loads the buckets of its words (one round), then the blocks of the results
//! shown (a second round); a word with no exact key also loads the buckets of its typo candidates.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::query::shard_of;
use super::Index;

/// Documents per block file.
pub const BLOCK: usize = 16;

/// The size a bucket file aims at: big enough that a query needs few files, small enough that a
/// phone on a slow connection gets each one in about a tenth of a second.
pub const BUCKET_BYTES: usize = 6_000;

/// Packs shards (name, size in bytes) into buckets of about `target` bytes: the largest shard
/// first, each into the lightest bucket so far. Returns the shard names of each bucket.
pub fn pack(shards: &[(String, usize)], target: usize) -> Vec<Vec<String>> {
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

/// Compact JSON.
fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).expect("serializable")
}

/// A call of the browser's loader with JSON arguments; compact: the files are downloaded by phones.
fn js(call: &str, args: &[String]) -> Vec<u8> {
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
pub fn write_each(index: &Index, mut emit: impl FnMut(String, Vec<u8>)) {
    let mut shards: BTreeMap<String, Vec<(String, Vec<u32>)>> = BTreeMap::new();
    for (key, postings) in &index.postings {
        let mut flat: Vec<u32> = Vec::with_capacity(postings.len() * 2);
        let mut prev = 0;
        for (doc, w) in postings {
            flat.push(doc - prev);
            flat.push(*w);
            prev = *doc;
        }
        shards.entry(shard_of(key)).or_default().push((key.clone(), flat));
    }
    let mut units: BTreeMap<String, Unit> = BTreeMap::new();
    for (shard, keys) in shards {
        split(shard, keys, &mut units);
    }
    let sizes: Vec<(String, usize)> = units.iter().map(|(name, keys)| (name.clone(), json(keys).len())).collect();
    let buckets = pack(&sizes, BUCKET_BYTES);
    let meta = json!({
        "n": index.docs.len(),
        "certs": index.certs,
        "kinds": index.kinds,
        "groups": index.groups.iter().map(|g| json!([g.start, g.end, g.cert, g.kind])).collect::<Vec<_>>(),
        "buckets": buckets,
        "block": BLOCK,
        "urls": crate::urls::browser_patterns(),
        "certKeys": index.cert_keys,
        "kindKeys": index.kind_keys,
        "vocab": index.vocab,
        "rank": { "context": super::W_CONTEXT, "kind": index.tuning.kind, "coord": index.tuning.coord, "title": super::W_TITLE },
    });
    emit("search/meta.js".to_string(), js("meta", &[json(&meta)]));
    for (i, names) in buckets.iter().enumerate() {
        let content: BTreeMap<&String, &Unit> = names.iter().map(|n| (n, &units[n])).collect();
        emit(format!("search/t/{i}.js"), js("t", &[i.to_string(), json(&content)]));
    }
    for (b, chunk) in index.docs.chunks(BLOCK).enumerate() {
        // The address is not stored: it follows from the id (see `url_of` in search.js).
        let docs: Vec<Value> = chunk.iter().map(|d| json!([d.id, d.text, d.kind, d.cert, d.crumbs])).collect();
        emit(format!("search/d/{b}.js"), js("d", &[b.to_string(), json(&docs)]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_hold_every_shard_once_and_stay_near_the_target() {
        let shards: Vec<(String, usize)> =
            (0..40).map(|i| (format!("s{i}"), if i == 0 { 9_000 } else { 100 + 50 * (i % 7) })).collect();
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
        let size = |b: &Vec<String>| b.iter().map(|n| shards.iter().find(|s| &s.0 == n).unwrap().1).sum::<usize>();
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
    fn an_empty_index_has_no_bucket() {
        assert!(pack(&[], 1_000).is_empty());
    }
}
