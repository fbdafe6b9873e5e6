//! The index as small JavaScript files, loaded with `<script>` tags so that search works from
//! `file://` (where fetching JSON is forbidden) and offline:
//!
//! - `search/meta.js`: certifications and kinds (with the keys that name them), document groups,
//!   the list of shards, the vocabulary (term keys → target stems and weights);
//! - `search/t/<shard>.js`: the keys of one shard with their postings (document deltas, weights);
//! - `search/d/<block>.js`: documents (id, text, kind, certification, ancestors), by blocks of 16.
//!
//! A first query loads `meta.js`, the shards of its words, and the blocks of the results shown.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::query::shard_of;
use super::Index;

/// Documents per block file.
pub const BLOCK: usize = 16;

/// The file name of a shard (`pr`, or `_e9x` for characters outside a–z, 0–9).
pub fn shard_file(shard: &str) -> String {
    let mut out = String::new();
    for c in shard.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}", c as u32));
        }
    }
    out
}

/// Compact JSON: the files are downloaded by phones.
fn js(call: &str, args: &[Value]) -> Vec<u8> {
    let parts: Vec<String> = args.iter().map(|a| serde_json::to_string(a).expect("serializable")).collect();
    format!("RS.{call}({});\n", parts.join(",")).into_bytes()
}

pub fn write(index: &Index) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut shards: BTreeMap<String, serde_json::Map<String, Value>> = BTreeMap::new();
    for (key, postings) in &index.postings {
        let mut flat: Vec<u32> = Vec::with_capacity(postings.len() * 2);
        let mut prev = 0;
        for (doc, w) in postings {
            flat.push(doc - prev);
            flat.push(*w);
            prev = *doc;
        }
        shards.entry(shard_file(&shard_of(key))).or_default().insert(key.clone(), json!(flat));
    }
    let names: Vec<&String> = shards.keys().collect();
    let meta = json!({
        "n": index.docs.len(),
        "certs": index.certs,
        "kinds": index.kinds,
        "groups": index.groups.iter().map(|g| json!([g.start, g.end, g.cert, g.kind])).collect::<Vec<_>>(),
        "shards": names,
        "block": BLOCK,
        "urls": crate::urls::browser_patterns(),
        "certKeys": index.cert_keys,
        "kindKeys": index.kind_keys,
        "vocab": index.vocab,
    });
    files.push(("search/meta.js".to_string(), js("meta", &[meta])));
    for (name, keys) in &shards {
        files.push((format!("search/t/{name}.js"), js("t", &[json!(name), Value::Object(keys.clone())])));
    }
    for (b, chunk) in index.docs.chunks(BLOCK).enumerate() {
        // The address is not stored: it follows from the id (see `url_of` in search.js).
        let docs: Vec<Value> = chunk.iter().map(|d| json!([d.id, d.text, d.kind, d.cert, d.crumbs])).collect();
        files.push((format!("search/d/{b}.js"), js("d", &[json!(b), json!(docs)])));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_files_are_ascii() {
        assert_eq!(shard_file("pr"), "pr");
        assert_eq!(shard_file("c3"), "c3");
        assert_eq!(shard_file("ß1"), "_df1");
    }
}
