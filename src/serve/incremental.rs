//! Incremental rebuilds, for `serve`: after an edit, the pages that show what changed are
//! rendered again at once, then a full rebuild makes the rest of the site consistent.
//!
//! The first, quick pass re-checks the whole data (the checker proves every text against its
//! source, so no edit is taken on trust), compares each element and certification with the last
//! full build by a fingerprint of its content, and renders:
//! - the page of every changed, added or moved element, and of its parent (its list of children);
//! - every element page that links to a changed element's page in the last full build (its
//!   children's breadcrumbs, the pages that cite it, its counterparts), from the links between
//!   element pages that the full build's link scan kept;
//! - the pages of every certification that holds a change (its home, its documents).
//!
//! The quick pass reuses the last full build's crosswalks, their counterparts and the downloads.
//! What it leaves behind — suggestions computed from the new texts, the search index, the
//! exports, the source and comparison pages — is what the full rebuild that follows brings.
//!
//! So that an edit shows at once whatever the corpus's size, a pass derives again only what an
//! edit can change: the check keeps the files parsed and the results of its pure parts, each
//! found again by everything it depends on ([`crate::Kept`]), and the quick pass keeps the site
//! context's corpus-wide parts, patched for the elements that changed since the last pass
//! ([`Kept`]). The rule: a quick pass only ever renders data that the whole checker accepted —
//! every rule runs on the whole data at every pass, nothing kept stands in for a rule — and
//! every page it renders is the page a full build of the same data renders. The elements that
//! changed since the last quick pass are rendered again too, so that an edit undone before the
//! full rebuild shows the old text at once.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use crate::config::Config;
use crate::diff::history::{History, PairHistory};
use crate::ids::{CertId, ElementKey};
use crate::model::Corpus;
use crate::site::keep::Parts;

use crate::build::Computed;

/// A fingerprint of a value's whole content (the model's types derive `Hash` over every field),
/// by a fixed, fast hash of good quality: a collision would only leave one page to the full
/// rebuild that follows every quick pass.
fn fingerprint<T: Hash + ?Sized>(v: &T) -> u64 {
    use std::hash::BuildHasher;
    FINGERPRINTS.hash_one(v)
}

/// The hasher of [`fingerprint`] and of the hashes made of fingerprints.
const FINGERPRINTS: foldhash::quality::FixedState =
    foldhash::quality::FixedState::with_seed(0x5eed);

/// What the last full build knew: the fingerprints of its data, what it computed, and which
/// pages link to which.
pub struct FullBuild {
    elements: Prints,
    certs: HashMap<CertId, u64>,
    rest: u64,
    computed: Computed,
    /// The counterparts of the last full build's crosswalks, which the quick passes reuse.
    counterparts: crate::crosswalk::Counterparts,
    /// For each page, the element pages that link to it.
    linked_from: HashMap<String, Vec<ElementKey>>,
}

impl FullBuild {
    /// Record the full build of `corpus` whose files are `files` (made
    /// [`crate::build::Files::keeping_links`]; their links are taken).
    pub fn of_build(
        corpus: &Corpus,
        computed: Computed,
        files: &mut crate::build::Files,
    ) -> FullBuild {
        let links = files.links.take_targets();
        FullBuild::new(corpus, computed, links.into_iter().map(|(i, t)| (files.path(i), t)))
    }

    /// Record a full build of `corpus`, with the files each page of the build links to (by
    /// path from the site root, as the build's link check saw them: no page is read back).
    pub fn new(
        corpus: &Corpus,
        computed: Computed,
        links: impl IntoIterator<Item = (String, Vec<String>)>,
    ) -> FullBuild {
        let element_at: HashMap<String, &ElementKey> =
            corpus.elements.iter().map(|e| (crate::urls::element(&e.key), &e.key)).collect();
        let mut linked_from: HashMap<String, Vec<ElementKey>> = HashMap::new();
        for (path, targets) in links {
            let Some(from) = element_at.get(&path) else { continue };
            for target in targets.into_iter().filter(|t| *t != path) {
                linked_from.entry(target).or_default().push((*from).clone());
            }
        }
        let counterparts = computed
            .crosswalks
            .get()
            .map(crate::crosswalk::Counterparts::of_crosswalks)
            .unwrap_or_default();
        FullBuild {
            counterparts,
            elements: Prints::of(corpus, element_prints(corpus), None),
            certs: cert_prints(corpus),
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

/// The fingerprints of a corpus's elements, in corpus order.
fn element_prints(corpus: &Corpus) -> Vec<u64> {
    use rayon::prelude::*;
    corpus.elements.par_iter().map(fingerprint).collect()
}

/// A corpus's elements, in order, with their fingerprints: what a later corpus is compared with.
struct Prints {
    keys: Vec<ElementKey>,
    prints: Vec<u64>,
}

impl Prints {
    /// The elements of `corpus` with their fingerprints `prints`; the keys of `reuse` are taken
    /// when they are those of `corpus`, in the same order (an edit that changed no id).
    fn of(corpus: &Corpus, prints: Vec<u64>, reuse: Option<Prints>) -> Prints {
        let keys = match reuse {
            Some(r) if same_keys(&r.keys, corpus) => r.keys,
            _ => corpus.elements.iter().map(|e| e.key.clone()).collect(),
        };
        Prints { keys, prints }
    }

    /// Whether `corpus` has these elements in this order.
    fn same_order(&self, corpus: &Corpus) -> bool {
        same_keys(&self.keys, corpus)
    }

    /// The elements whose fingerprint differs between these and `corpus`'s (`now`, in its
    /// order), those added and those removed included.
    fn differ(&self, corpus: &Corpus, now: &[u64]) -> Vec<ElementKey> {
        if self.same_order(corpus) {
            return (0..now.len())
                .filter(|i| self.prints[*i] != now[*i])
                .map(|i| self.keys[i].clone())
                .collect();
        }
        let old: HashMap<&ElementKey, u64> =
            self.keys.iter().zip(self.prints.iter().copied()).collect();
        let new: HashMap<&ElementKey, u64> =
            corpus.elements.iter().map(|e| &e.key).zip(now.iter().copied()).collect();
        let mut out: Vec<ElementKey> = new
            .iter()
            .filter(|(k, f)| old.get(*k) != Some(*f))
            .map(|(k, _)| (*k).clone())
            .collect();
        out.extend(old.keys().filter(|k| !new.contains_key(*k)).map(|k| (*k).clone()));
        out
    }
}

fn same_keys(keys: &[ElementKey], corpus: &Corpus) -> bool {
    keys.len() == corpus.elements.len()
        && keys.iter().zip(&corpus.elements).all(|(k, e)| *k == e.key)
}

/// The fingerprints of a corpus's certification records.
fn cert_prints(corpus: &Corpus) -> HashMap<CertId, u64> {
    corpus.certs.iter().map(|c| (c.id.clone(), fingerprint(c))).collect()
}

/// The pages a quick pass rendered again.
pub struct Quick {
    pub pages: Vec<(String, Vec<u8>)>,
    /// Elements whose content changed (added, removed and moved ones included).
    pub changed: usize,
}

/// What the quick passes keep between them: the site context's parts ([`Parts`]) of the corpus of
/// the last pass, with that corpus's fingerprints and order, to patch them for the next corpus
/// instead of deriving them again from the whole corpus.
#[derive(Default)]
pub struct Kept {
    /// The parts of the last pass's corpus; `None` while a pass has them (a pass stopped
    /// half-way leaves none: the next derives them again).
    parts: Option<KeptParts>,
    /// The history of each lineage pair, by a hash of all its diff depends on: the pair's
    /// certifications (records and elements) and the rest of the corpus (tables, matrices).
    pairs: HashMap<(CertId, CertId), (u64, PairHistory)>,
    /// What describes the corpus of the pass under way, until its parts are given back.
    pending: Option<Described>,
}

struct KeptParts {
    parts: Parts,
    of: Described,
}

/// A corpus as the kept parts need it described: its elements' and certifications' fingerprints
/// and its elements in order.
struct Described {
    elements: Prints,
    certs: HashMap<CertId, u64>,
}

impl Kept {
    /// The history of `corpus` (#25), the diff of a lineage pair made again only when one of its
    /// certifications changed since the last pass.
    fn history(&mut self, corpus: &Corpus, now: &[u64]) -> History {
        use rayon::prelude::*;
        use std::hash::BuildHasher;
        let rest = rest_fingerprint(corpus);
        let mut of_cert: HashMap<&CertId, foldhash::quality::FoldHasher> = HashMap::new();
        for c in &corpus.certs {
            let mut h = FINGERPRINTS.build_hasher();
            (rest, fingerprint(c)).hash(&mut h);
            of_cert.insert(&c.id, h);
        }
        for (e, print) in corpus.elements.iter().zip(now) {
            if let Some(h) = of_cert.get_mut(&e.key.cert) {
                (&e.key, print).hash(h);
            }
        }
        let of_cert: HashMap<&CertId, u64> =
            of_cert.into_iter().map(|(c, h)| (c, h.finish())).collect();
        let pairs = crate::diff::lineage_pairs(corpus);
        let kept = &self.pairs;
        let made: Vec<((CertId, CertId), (u64, PairHistory))> = pairs
            .par_iter()
            .map(|(old, new)| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                (of_cert.get(old), of_cert.get(new)).hash(&mut h);
                let key = h.finish();
                let history = match kept.get(&(old.clone(), new.clone())) {
                    Some((k, h)) if *k == key => h.clone(),
                    _ => PairHistory::of(corpus, old, new),
                };
                ((old.clone(), new.clone()), (key, history))
            })
            .collect();
        let history = History::from_pairs(made.iter().map(|(_, (_, h))| h));
        self.pairs = made.into_iter().collect();
        history
    }
}

/// What changed between the corpus of the kept parts and the corpus of a pass: the elements
/// (added and removed ones included) and the certification records.
struct Since {
    elements: HashSet<ElementKey>,
    certs: Vec<CertId>,
}

impl Kept {
    /// What changed since the corpus of the last quick pass (`None` when nothing is kept).
    fn since(&self, corpus: &Corpus, now: &[u64], certs: &HashMap<CertId, u64>) -> Option<Since> {
        let k = self.parts.as_ref()?;
        let elements: HashSet<ElementKey> = k.of.elements.differ(corpus, now).into_iter().collect();
        let certs = certs
            .iter()
            .filter(|(c, f)| k.of.certs.get(*c) != Some(*f))
            .map(|(c, _)| c.clone())
            .chain(k.of.certs.keys().filter(|c| !certs.contains_key(*c)).cloned())
            .collect();
        Some(Since { elements, certs })
    }

    /// The parts of `corpus` (whose elements' and records' fingerprints are `now` and `certs`,
    /// and which differs from the corpus of the kept parts by `since`): those kept, patched, or
    /// derived again when nothing is kept or the elements that did not change moved.
    fn take(
        &mut self,
        corpus: &Corpus,
        now: Vec<u64>,
        certs: HashMap<CertId, u64>,
        since: Option<&Since>,
    ) -> Parts {
        let (parts, reuse) = match (self.parts.take(), since) {
            (Some(mut k), Some(since)) => {
                let in_order = k.of.elements.same_order(corpus)
                    || k.of
                        .elements
                        .keys
                        .iter()
                        .filter(|key| !since.elements.contains(*key))
                        .filter_map(|key| corpus.element_index(key))
                        .is_sorted();
                if in_order {
                    k.parts.patch(corpus, &since.elements, &since.certs);
                    (k.parts, Some(k.of.elements))
                } else {
                    (Parts::new(corpus), Some(k.of.elements))
                }
            }
            _ => (Parts::new(corpus), None),
        };
        self.pending = Some(Described { elements: Prints::of(corpus, now, reuse), certs });
        parts
    }

    /// Derive the parts and the history of `corpus`, the data of the full build just made, so
    /// that the first quick pass after it patches them like every later one.
    pub fn prime(&mut self, corpus: &Corpus) {
        let now = element_prints(corpus);
        let _ = self.history(corpus, &now);
        let parts = self.take(corpus, now, cert_prints(corpus), None);
        self.give_back(parts);
    }

    /// Keep `parts`, the parts of the corpus [`Kept::take`] was last given.
    fn give_back(&mut self, parts: Parts) {
        if let Some(of) = self.pending.take() {
            self.parts = Some(KeptParts { parts, of });
        }
    }
}

/// The quick pass after an edit: `None` when the change is not one it can render alone (a table,
/// a matrix, the vocabulary, or nothing at all changed), and the full rebuild is needed at once.
pub fn quick(
    previous: &FullBuild,
    corpus: &Corpus,
    config: &Config,
) -> Result<Option<Quick>, crate::site::Error> {
    quick_kept(previous, corpus, config, &mut Kept::default())
}

/// [`quick`], with the site context's parts kept from the last quick pass (`kept`, left holding
/// this pass's).
pub fn quick_kept(
    previous: &FullBuild,
    corpus: &Corpus,
    config: &Config,
    kept: &mut Kept,
) -> Result<Option<Quick>, crate::site::Error> {
    let t = crate::phases::start("quick: fingerprints");
    if rest_fingerprint(corpus) != previous.rest {
        return Ok(None);
    }
    let now = element_prints(corpus);
    let mut changed: BTreeSet<ElementKey> =
        previous.elements.differ(corpus, &now).into_iter().collect();
    let certs_now = cert_prints(corpus);
    let mut certs: BTreeSet<CertId> = certs_now
        .iter()
        .filter(|(c, f)| previous.certs.get(*c) != Some(*f))
        .map(|(c, _)| c.clone())
        .collect();
    // What the quick passes since the last full build showed is on the served site too: what
    // changed since the last pass is rendered again (an edit reverted shows the old text).
    let since = kept.since(corpus, &now, &certs_now);
    if let Some(since) = &since {
        changed.extend(since.elements.iter().cloned());
        certs.extend(since.certs.iter().cloned());
    }
    t.end();
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
    // Up to here a newer save stops the pass (`serve` runs it under a cancel); from here on it
    // takes the kept parts apart, and ends.
    crate::phases::checkpoint();
    let _whole = crate::phases::Cancel::hold();
    // The graph on one thread, the history and the site context's parts on another.
    let (graph, (history, parts)) = rayon::join(
        || crate::phases::time("quick: graph", || crate::graph::Graph::build(corpus)),
        || {
            let history = crate::phases::time("quick: history", || kept.history(corpus, &now));
            let parts = crate::phases::time("quick: site context", || {
                kept.take(corpus, now, certs_now, since.as_ref())
            });
            (history, parts)
        },
    );
    let elements: Vec<ElementKey> = render.into_iter().collect();
    let certs: Vec<CertId> = certs.into_iter().collect();
    let (pages, parts) = crate::site::render_some(
        corpus,
        &graph,
        config,
        &crate::site::Ready {
            crosswalks: crosswalks.unwrap_or(&empty),
            downloads: &previous.computed.downloads,
            counterparts: &previous.counterparts,
        },
        &elements,
        &certs,
        parts,
        history,
    );
    kept.give_back(parts);
    Ok(Some(Quick {
        pages: pages?.into_iter().map(|(p, h)| (p, h.into_bytes())).collect(),
        changed: changed.len(),
    }))
}
