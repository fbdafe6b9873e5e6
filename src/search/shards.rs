//! The index as small JavaScript files, loaded with `<script>` tags so that search works from
//! `file://` (where fetching JSON is forbidden) and offline:
//!
//! - `search/meta.js`: what a first query needs before any file, and nothing that grows with the
//!   corpus but a bounded list: the kinds, where each bucket begins ([`super::buckets`], at most
//!   about 2,048), the characters of the keys, a Bloom filter of the words the search knows (at most
//!   8 KiB), the ranking's figures; the search page carries it, other pages load it when needed;
//! - `search/t/<bucket>.js`: a bucket: a range of keys in order with their postings, and what a
//!   query of them needs (the groups of documents they name, the vocabulary terms they begin with
//!   their targets' postings, the kinds and text classes of the documents they touch);
//! - `search/r/_<key>.js`: the display records of a key's [`RECORDS`] best documents (by weight), for
//!   the keys of two documents or more spelt in `[a-z0-9.]`: the results of a query are mostly among
//!   the best documents of one of its keys, so that one such file replaces several blocks;
//! - `search/d/<block>.js`: documents (id, text, kind, certification, ancestors, and for a text
//!   shared with others of its certification, those others: id and the words before the shared
//!   text, to show what is folded under a result without their files), by blocks of 16;
//!   record files and blocks carry the short titles of their documents' certifications;
//! - `search/certs.js`: the certifications (id, short title, range of documents), for the filter.
//!
//! A first query loads the buckets of its words, and those of its typos and of the words its last
//! word begins when meta.js's Bloom filter says that a word is not one the search knows (one
//! round); then the records of the results shown, from the fewest files among the record files of
//! its keys and the blocks (a second round).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::Index;

/// Documents per block file.
pub(crate) const BLOCK: usize = 16;

/// Documents per record file (`search/r/`): a phone shows five results, a wide screen ten.
pub(crate) const RECORDS: usize = 20;

/// Bits per key of the Bloom filter of words (about 1 % false positives with [`BLOOM_HASHES`]).
const BLOOM_BITS: usize = 10;
/// The most bits of the Bloom filter (8 KiB, 11 kB in the page): about 1 % false positives up to
/// 6,500 words, 10 % at 13,000; a false positive costs a round for that word's typos, never a result.
const BLOOM_MAX_BITS: usize = 1 << 16;
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
    let m = (words.len() * BLOOM_BITS).min(BLOOM_MAX_BITS).div_ceil(8).max(1) as u64 * 8;
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
    let (bounds, buckets) = super::buckets::split(index);
    let (bloom_m, bloom_bits) = bloom(known_words(index).into_iter());
    let meta = json!({
        "n": index.docs.len(),
        "kinds": index.kinds,
        "buckets": buckets.len(),
        "bounds": bounds.front_coded(),
        "letters": super::buckets::letters(index),
        "block": BLOCK,
        "records": RECORDS,
        "bloom": [bloom_m, BLOOM_HASHES, bloom_bits],
        "urls": crate::urls::browser_patterns(),
        "rank": rank(index),
    });
    emit("search/meta.js".to_string(), js("meta", &[json(&meta)]));
    emit(CERTS.to_string(), js("c", &[json(&cert_list(index))]));
    super::buckets::write(index, &bounds, &buckets, &mut emit);
    let record = records(index);
    // The short titles of the certifications of some documents, by number, for their results.
    let titles = |docs: &mut dyn Iterator<Item = u32>| -> String {
        let certs: BTreeMap<usize, &String> =
            docs.map(|d| index.docs[d as usize].cert).map(|c| (c, &index.certs[c].1)).collect();
        json(&certs)
    };
    for (key, postings) in &index.postings {
        if has_records(key, postings.len()) {
            let best = best_of(postings);
            let recs: Vec<Value> = best.iter().map(|&d| json!([d, record(d)])).collect();
            emit(
                format!("search/r/_{key}.js"),
                js("r", &[json(key), json(&recs), titles(&mut best.iter().copied())]),
            );
        }
    }
    for b in 0..index.docs.len().div_ceil(BLOCK) {
        // The address is not stored: it follows from the id (see `url_of` in search.js).
        let range = b * BLOCK..((b + 1) * BLOCK).min(index.docs.len());
        let docs: Vec<Value> = range.clone().map(|i| record(i as u32)).collect();
        emit(
            format!("search/d/{b}.js"),
            js("d", &[b.to_string(), json(&docs), titles(&mut range.map(|i| i as u32))]),
        );
    }
}

/// The file of the certifications, for the search page's filter: `RS.c([[id, short title,
/// first document, end], …])`, fetched when the filter is first opened or a query is filtered.
pub(crate) const CERTS: &str = "search/certs.js";

fn cert_list(index: &Index) -> Vec<Value> {
    index
        .certs
        .iter()
        .enumerate()
        .map(|(ci, (id, title))| {
            let (start, end) = super::buckets::cert_range(index, ci).unwrap_or_default();
            json!([id, title, start, end])
        })
        .collect()
}

/// The words the search knows without their bucket: keys without digits, one-word vocabulary
/// terms, the words of the certifications' and kinds' names. A query word the Bloom filter says
/// is none of them brings its typos' and completions' buckets in the first round.
fn known_words(index: &Index) -> BTreeSet<&String> {
    let mut out: BTreeSet<&String> = index.postings.keys().collect();
    out.extend(index.vocab.keys().filter(|k| !k.contains(' ')));
    out.extend(index.cert_keys.iter().chain(&index.kind_keys).flatten());
    out.retain(|k| !k.chars().any(|c| c.is_ascii_digit()));
    out
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
}
