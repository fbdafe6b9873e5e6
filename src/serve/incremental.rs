//! Incremental rebuilds, for `serve`: after an edit, the pages that show what changed are
//! rendered again at once, then a full rebuild makes the rest of the site consistent.
//!
//! The first, quick pass re-checks the whole data (the checker proves every text against its
//! source, so no edit is taken on trust), compares each element and certification with the last
//! full build by a fingerprint of its content, and renders:
//! - the page of every changed, added or moved element, and of its parent (its list of children);
//! - every element page that links to a changed element's page in the last full build (its
//!   children's breadcrumbs, the pages that cite it, its counterparts), from the links the full
//!   build recorded;
//! - the pages of every certification that holds a change (its home, its documents).
//!
//! The quick pass reuses the last full build's crosswalks and downloads. What it leaves behind —
//! suggestions computed from the new texts, the search index, the exports, the source and
//! comparison pages — is what the full rebuild that follows brings.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use crate::config::Config;
use crate::ids::{CertId, ElementKey};
use crate::model::Corpus;

use crate::build::Computed;

/// A fingerprint of what a value serialises to.
fn fingerprint<T: serde::Serialize>(v: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_vec(v).unwrap_or_default().hash(&mut h);
    h.finish()
}

/// What the last full build knew: the fingerprints of its data, what it computed, and which
/// pages link to which.
pub struct FullBuild {
    elements: HashMap<ElementKey, u64>,
    certs: HashMap<CertId, u64>,
    rest: u64,
    computed: Computed,
    /// For each page, the element pages that link to it.
    linked_from: HashMap<String, Vec<ElementKey>>,
}

impl FullBuild {
    /// Record a full build of `corpus` whose files `read` gives back (by path from the site
    /// root): only the element pages are read, one at a time on each thread, for their links.
    pub fn new(
        corpus: &Corpus,
        computed: Computed,
        read: impl Fn(&str) -> Option<Vec<u8>> + Sync,
    ) -> FullBuild {
        use rayon::prelude::*;
        let pairs: Vec<(String, ElementKey)> = corpus
            .elements
            .par_iter()
            .flat_map_iter(|e| {
                let path = crate::urls::element(&e.key);
                let links = read(&path)
                    .and_then(|bytes| crate::build::links::PageLinks::of(&path, &bytes).ok())
                    .unwrap_or_default();
                links
                    .targets()
                    .filter(|t| t.as_str() != path)
                    .map(|t| (t.clone(), e.key.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut linked_from: HashMap<String, Vec<ElementKey>> = HashMap::new();
        for (target, from) in pairs {
            linked_from.entry(target).or_default().push(from);
        }
        FullBuild {
            elements: corpus.elements.par_iter().map(|e| (e.key.clone(), fingerprint(e))).collect(),
            certs: corpus.certs.iter().map(|c| (c.id.clone(), fingerprint(c))).collect(),
            rest: rest_fingerprint(corpus),
            computed,
            linked_from,
        }
    }
}

/// The fingerprint of what is neither an element nor a certification record.
fn rest_fingerprint(corpus: &Corpus) -> u64 {
    fingerprint(&(&corpus.matrices, &corpus.correspondences, &corpus.vocabulary))
}

/// The pages a quick pass rendered again.
pub struct Quick {
    pub pages: Vec<(String, Vec<u8>)>,
    /// Elements whose content changed (added, removed and moved ones included).
    pub changed: usize,
}

/// The quick pass after an edit: `None` when the change is not one it can render alone (a table,
/// a matrix, the vocabulary, or nothing at all changed), and the full rebuild is needed at once.
pub fn quick(
    previous: &FullBuild,
    corpus: &Corpus,
    config: &Config,
) -> Result<Option<Quick>, String> {
    use rayon::prelude::*;
    if rest_fingerprint(corpus) != previous.rest {
        return Ok(None);
    }
    let now: HashMap<&ElementKey, u64> =
        corpus.elements.par_iter().map(|e| (&e.key, fingerprint(e))).collect();
    let mut changed: BTreeSet<ElementKey> = now
        .iter()
        .filter(|(k, f)| previous.elements.get(**k) != Some(*f))
        .map(|(k, _)| (*k).clone())
        .collect();
    changed.extend(previous.elements.keys().filter(|k| !now.contains_key(k)).cloned());
    let mut certs: BTreeSet<CertId> = corpus
        .certs
        .iter()
        .filter(|c| previous.certs.get(&c.id) != Some(&fingerprint(*c)))
        .map(|c| c.id.clone())
        .collect();
    if changed.is_empty() && certs.is_empty() {
        return Ok(None);
    }
    let mut render: HashSet<ElementKey> = HashSet::new();
    for k in &changed {
        certs.insert(k.cert.clone());
        if let Some(e) = corpus.element(k) {
            render.insert(k.clone());
            render.extend(e.parent.iter().cloned());
        }
        for from in previous.linked_from.get(&crate::urls::element(k)).into_iter().flatten() {
            render.insert(from.clone());
        }
    }
    let crosswalks = previous.computed.crosswalks.get().map(|c| c as &_);
    let empty = crate::crosswalk::AllCrosswalks::default();
    let graph = crate::graph::Graph::build(corpus);
    let elements: Vec<ElementKey> = render.into_iter().collect();
    let certs: Vec<CertId> = certs.into_iter().collect();
    let pages = crate::site::render_some(
        corpus,
        &graph,
        config,
        &crate::site::Ready {
            crosswalks: crosswalks.unwrap_or(&empty),
            downloads: &previous.computed.downloads,
        },
        &elements,
        &certs,
    )?;
    Ok(Some(Quick {
        pages: pages.into_iter().map(|(p, h)| (p, h.into_bytes())).collect(),
        changed: changed.len(),
    }))
}
