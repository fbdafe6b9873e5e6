//! The whole index's keys in bucket files, `search/t/<n>.js`: contiguous ranges of the keys in
//! their order (Rust's, by code points), so that the search page needs only where each bucket
//! begins to find the bucket of any key, of each of its typos and of the keys a word begins,
//! whatever the size of the corpus: there are at most about [`MAX_BUCKETS`] of them (a larger
//! index has larger buckets), and the page carries each one's shortest separating beginning.
//!
//! A bucket carries, besides its keys' postings, what a query of those keys needs and the page
//! no longer holds: the groups of documents its keys name (a certification's title words, a
//! kind's label: "context", by document ranges), the vocabulary terms its keys begin and copies
//! of their targets' postings, and for every document it touches (by a posting or a range), the
//! kind of its group and the first document of its text class, to filter and fold results.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::Index;
use super::shards::{gaps, js, json as to_json};

/// The size a bucket file aims at: big enough that a query needs few files, small enough that a
/// phone on a slow connection gets each one in about a tenth of a second.
pub(crate) const BUCKET_BYTES: usize = 6_000;

/// The most buckets, about: past `MAX_BUCKETS × BUCKET_BYTES / 3` of keys, buckets grow instead,
/// so that the page's list of where they begin stays bounded.
pub(crate) const MAX_BUCKETS: usize = 2_048;

/// The first key of each bucket, by position in `sizes` (the sizes of the keys in order): a
/// bucket closes before a key that would take it over `target` once it holds half of it, and a
/// key bigger than `target` is a bucket of its own (so that a query of a small key does not bring
/// it), so that there are at most `3 × total / target + 1` buckets.
pub(crate) fn ranges(sizes: &[usize], target: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut held = 0;
    for (i, s) in sizes.iter().enumerate() {
        let full = held >= target / 2 && held + s > target;
        if starts.is_empty() || full || (held > 0 && *s > target) {
            starts.push(i);
            held = 0;
        }
        held += s;
    }
    starts
}

/// The target size of a bucket for keys of `total` bytes: [`BUCKET_BYTES`], or larger so that
/// there are at most about [`MAX_BUCKETS`] buckets.
pub fn target(total: usize) -> usize {
    BUCKET_BYTES.max((3 * total).div_ceil(MAX_BUCKETS))
}

/// The shortest beginning of `first` that sorts after `last` (`first` sorts after `last`).
pub(crate) fn boundary(last: &str, first: &str) -> String {
    let mut out = String::new();
    for c in first.chars() {
        out.push(c);
        if out.as_str() > last {
            break;
        }
    }
    out
}

/// Where each bucket begins: the first is `""`.
#[derive(Debug, Default)]
pub struct Bounds(pub Vec<String>);

impl Bounds {
    /// The bucket holding `key` (or where it would be): the last that begins at or before it
    /// (`bucketOf` in search.js).
    pub fn of(&self, key: &str) -> usize {
        self.0.partition_point(|b| b.as_str() <= key).saturating_sub(1)
    }

    /// As the page carries them, from the second bucket: each as one character for how many
    /// characters it shares with the one before (`0`–`9`, `a`–`z`: up to 35) and the rest, separated
    /// by spaces (keys hold none).
    pub(crate) fn front_coded(&self) -> String {
        let mut out: Vec<String> = Vec::new();
        for w in self.0.windows(2) {
            let (prev, b): (Vec<char>, Vec<char>) =
                (w[0].chars().collect(), w[1].chars().collect());
            let shared = prev.iter().zip(&b).take_while(|(x, y)| x == y).count().min(35);
            let digit = char::from_digit(shared as u32, 36).expect("below 36");
            out.push(std::iter::once(digit).chain(b[shared..].iter().copied()).collect());
        }
        out.join(" ")
    }
}

/// The index's keys in buckets: where each begins, and each one's keys with their postings
/// (document gaps and weights, as compact JSON).
pub fn split(index: &Index) -> (Bounds, Vec<Vec<(&String, String)>>) {
    let keys: Vec<(&String, String)> =
        index.postings.iter().map(|(k, p)| (k, to_json(&gaps(p)))).collect();
    let sizes: Vec<usize> = keys.iter().map(|(k, p)| k.len() + p.len() + 4).collect();
    let starts = ranges(&sizes, target(sizes.iter().sum()));
    let mut bounds = vec![String::new()];
    for w in starts.windows(2) {
        bounds.push(boundary(keys[w[1] - 1].0, keys[w[1]].0));
    }
    let mut buckets: Vec<Vec<(&String, String)>> = Vec::with_capacity(starts.len());
    let mut rest = keys.into_iter();
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(index.postings.len());
        buckets.push(rest.by_ref().take(end - start).collect());
    }
    (Bounds(bounds), buckets)
}

/// The documents that each key of a certification's or kind's name names, as ranges: those of the
/// certifications (one range each: documents are sorted by certification) and those of the kinds.
type Context = BTreeMap<String, Named>;
/// The ranges of documents a key names: those of certifications, those of kinds.
type Named = (Vec<(u32, u32)>, Vec<(u32, u32)>);
/// A vocabulary term's targets (stems) and weights.
type Targets = Vec<(Vec<String>, f64)>;

/// The documents of a certification: one range (documents are sorted by certification).
pub(crate) fn cert_range(index: &Index, ci: usize) -> Option<(u32, u32)> {
    let mut groups = index.groups.iter().filter(|g| g.cert == ci);
    let first = groups.next()?;
    Some((first.start, groups.next_back().map_or(first.end, |l| l.end)))
}

fn context(index: &Index) -> Context {
    let mut out = Context::new();
    for (ci, keys) in index.cert_keys.iter().enumerate() {
        let range = cert_range(index, ci);
        for k in keys {
            out.entry(k.clone()).or_default().0.extend(range);
        }
    }
    for (ki, keys) in index.kind_keys.iter().enumerate() {
        let ranges: Vec<(u32, u32)> =
            index.groups.iter().filter(|g| g.kind == ki).map(|g| (g.start, g.end)).collect();
        for k in keys {
            out.entry(k.clone()).or_default().1.extend(&ranges);
        }
    }
    for (certs, kinds) in out.values_mut() {
        certs.sort();
        certs.dedup();
        kinds.sort();
        kinds.dedup();
    }
    out
}

/// The groups a bucket touches, as small numbers: each one's start after the previous one's
/// start, its length, its kind.
fn touched_groups(index: &Index, groups: &BTreeSet<u32>) -> Vec<u32> {
    let mut at = 0;
    let mut out = Vec::with_capacity(groups.len() * 3);
    for g in groups.iter().map(|g| &index.groups[*g as usize]) {
        out.extend([g.start - at, g.end - g.start, g.kind as u32]);
        at = g.start;
    }
    out
}

/// The documents a bucket touches that repeat an earlier one's text, as small numbers: each one
/// after the previous one, and how far before it is the first of its class.
fn repeats(same: &BTreeMap<u32, u32>) -> Vec<u32> {
    let mut at = 0;
    let mut out = Vec::with_capacity(same.len() * 2);
    for (d, first) in same {
        out.extend([d - at, d - first]);
        at = *d;
    }
    out
}

fn flat(ranges: &[(u32, u32)]) -> Vec<u32> {
    ranges.iter().flat_map(|(s, e)| [*s, *e]).collect()
}

/// The bucket files, `(path, bytes)` each to `emit`: `RS.t(n, keys, copies, info)`.
pub fn write(
    index: &Index,
    bounds: &Bounds,
    buckets: &[Vec<(&String, String)>],
    mut emit: impl FnMut(String, Vec<u8>),
) {
    let n = buckets.len();
    if n == 0 {
        return;
    }
    let ctx = context(index);
    let mut ctx_of: Vec<Vec<(&String, &Named)>> = vec![Vec::new(); n];
    for (k, v) in &ctx {
        ctx_of[bounds.of(k).min(n - 1)].push((k, v));
    }
    // A term's targets ride in its first word's bucket, which a query holding the term loads
    // anyway: the term itself, and copies of its targets' postings held by other buckets.
    let mut vocab_of: Vec<BTreeMap<&String, &Targets>> = vec![BTreeMap::new(); n];
    let mut copies: Vec<BTreeMap<&String, &Vec<(u32, u32)>>> = vec![BTreeMap::new(); n];
    for (term, targets) in &index.vocab {
        let first = term.split(' ').next().unwrap_or_default();
        let b = bounds.of(first).min(n - 1);
        vocab_of[b].insert(term, targets);
        for key in targets.iter().flat_map(|(t, _)| t) {
            if let Some((k, postings)) = index.postings.get_key_value(key)
                && bounds.of(key) != b
            {
                copies[b].insert(k, postings);
            }
        }
    }
    let group_of: Vec<u32> = index
        .groups
        .iter()
        .enumerate()
        .flat_map(|(i, g)| (g.start..g.end).map(move |_| i as u32))
        .collect();
    for (i, keys) in buckets.iter().enumerate() {
        let mut docs: Vec<u32> = keys
            .iter()
            .flat_map(|(k, _)| index.postings[*k].iter().map(|p| p.0))
            .chain(copies[i].values().flat_map(|p| p.iter().map(|p| p.0)))
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let ranges: Vec<(u32, u32)> = ctx_of[i]
            .iter()
            .flat_map(|(_, (c, k))| c.iter().chain(k.iter()).copied())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut groups: BTreeSet<u32> = docs.iter().map(|d| group_of[*d as usize]).collect();
        for (s, e) in &ranges {
            groups.extend(group_of[*s as usize]..=group_of[*e as usize - 1]);
        }
        let mut same: BTreeMap<u32, u32> = BTreeMap::new();
        let in_ranges = ranges.iter().flat_map(|(s, e)| *s..*e);
        for d in docs.iter().copied().chain(in_ranges) {
            let first = index.docs[d as usize].same;
            if first != d {
                same.insert(d, first);
            }
        }
        let info = json!({
            "c": ctx_of[i].iter().map(|(k, (c, kinds))| ((*k).clone(), json!([flat(c), flat(kinds)]))).collect::<serde_json::Map<String, Value>>(),
            "v": vocab_of[i],
            "g": touched_groups(index, &groups),
            "s": repeats(&same),
        });
        let body: Vec<String> = keys.iter().map(|(k, p)| format!("{}:{p}", to_json(k))).collect();
        let copied: BTreeMap<&String, Vec<u32>> =
            copies[i].iter().map(|(k, p)| (*k, gaps(p))).collect();
        emit(
            format!("search/t/{i}.js"),
            js(
                "t",
                &[
                    i.to_string(),
                    format!("{{{}}}", body.join(",")),
                    to_json(&copied),
                    to_json(&info),
                ],
            ),
        );
    }
}

/// Every character of the index's keys, in order: the letters a typo may put in a word (the
/// browser finds the buckets of a word's typos from them).
pub(crate) fn letters(index: &Index) -> String {
    let set: BTreeSet<char> = index.postings.keys().flat_map(|k| k.chars()).collect();
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_hold_half_a_target_or_more_and_a_big_key_alone() {
        let sizes = [100, 900, 3_000, 2_500, 9_000, 200, 200, 4_000, 100];
        let starts = ranges(&sizes, 6_000);
        assert_eq!(starts, [0, 3, 4, 5]);
        let held = |i: usize| -> usize {
            sizes[starts[i]..*starts.get(i + 1).unwrap_or(&sizes.len())].iter().sum()
        };
        assert_eq!((0..starts.len()).map(held).collect::<Vec<_>>(), [4_000, 2_500, 9_000, 4_500]);
        assert!(ranges(&[], 6_000).is_empty());
    }

    #[test]
    fn the_number_of_buckets_is_bounded() {
        for total in [1_000usize, 1_000_000, 100_000_000] {
            let sizes = vec![700; total / 700];
            let n = ranges(&sizes, target(total)).len();
            assert!(n <= MAX_BUCKETS + 1, "{total}: {n} buckets");
        }
        assert_eq!(target(10_000), BUCKET_BYTES);
    }

    #[test]
    fn a_boundary_is_the_shortest_beginning_that_separates() {
        assert_eq!(boundary("commercial", "commerciali"), "commerciali");
        assert_eq!(boundary("abc", "abd"), "abd");
        assert_eq!(boundary("az", "ba"), "b");
        assert_eq!(boundary("prospect", "prot"), "prot");
        let b = Bounds(vec!["".into(), "b".into(), "prot".into(), "prov".into()]);
        assert_eq!(b.of("a"), 0);
        assert_eq!(b.of("b"), 1);
        assert_eq!(b.of("pro"), 1);
        assert_eq!(b.of("prou"), 2);
        assert_eq!(b.of("zz"), 3);
        assert_eq!(b.front_coded(), "0b 0prot 3v");
    }
}
