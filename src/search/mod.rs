//! Search: a French-aware index built by the generator, queried the same way by the command line
//! (`referentiel search`) and by the site's small script (`templates/assets/search.js`).
//!
//! - Analysis ([`crate::lang`]): folded (case, accents, ’, œ), stop words dropped, light stemming
//!   (prospecter, prospection → `prospect`); codes kept whole (`cp3`, `c3.2`, `d1402`), also without
//!   their dots.
//! - Weights: codes 1000 (also in the spellings readers type: `at1` for an activité type coded 1,
//!   `c111` for C1.1.1), ids 800 (`cp3-cr1`, `ntc-2018/cp5`, as `cp3cr1`, `ntc2018cp5`), the texts
//!   of titled elements (activités, compétences, unités …) 300, other texts 100, the document's own
//!   structure (sections, paragraphs) half as much, compétences a fifth more; the titles of the
//!   parent and of the nearest ancestor that is not a heading 40, their codes 200. Text weights
//!   are divided by 1 + 0.03 × the text's number of keys (shorter texts first), rounded to whole
//!   numbers: the weights are large enough that a text of two words still weighs more than one of
//!   four (100 / 1.06 → 94, 100 / 1.12 → 89); idf = ln(1 + N / df).
//! - Context without postings: each certification's title, sigle and id, and each kind's label,
//!   are matched by the query against the groups of documents they name (weight 30).
//! - Vocabulary ([`crate::model::vocabulary`]): terms and their targets, as stems, for query expansion.
//! - Matching ([`query`]): exact key; one typo (Damerau-Levenshtein 1) in words of 5 letters or more;
//!   the last word of the query also as a prefix (as you type).
//! - Repeats: documents of one certification with the same text (folded, punctuation aside) share
//!   a text class ([`Doc::same`]); a result whose text is that of a higher result is folded under
//!   it ([`query::Hit::also`]), so that the first results hold distinct texts.
//! - Splitting ([`shards`], [`buckets`]): keys in buckets by ranges, documents in blocks, so a
//!   first query downloads the small metadata file and only the shards it needs.

pub(crate) mod buckets;
pub mod query;
pub mod rules;
pub mod shards;
pub mod suggest;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::lang;
use crate::model::{Corpus, Element};
use crate::schema::Kind;
use crate::urls;

pub(crate) const W_CODE: u32 = 1000;
pub(crate) const W_CODE_NODOT: u32 = 600;
pub(crate) const W_TITLE: u32 = 300;
pub(crate) const W_TEXT: u32 = 100;
pub(crate) const W_ID: u32 = 800;
pub(crate) const W_PARENT: u32 = 40;
/// The weight of a query word that names a document's certification.
pub(crate) const W_CONTEXT: f64 = 30.0;

/// The figures of the ranking, measured on the query suite (`examples/search_eval.rs`). Those the
/// query side uses travel to the browser in `meta.js` (`rank`), so both read one set.
#[derive(Clone, Debug, Serialize)]
pub struct Tuning {
    /// Text weights are divided by 1 + `length` × the text's number of keys (shorter texts first).
    #[serde(skip)]
    pub length: f64,
    /// The weight of the parent's code on an element (how readers name what a compétence holds:
    /// "critères cp4").
    #[serde(skip)]
    pub parent_code: u32,
    /// The weight of a query word that names a document's kind ("épreuves", "activités types").
    pub kind: f64,
    /// Coordination: a document's score is multiplied by (query keys it matches / query keys)
    /// to this power (a whole number, so that the browser computes exactly the same products),
    /// so that matching more words counts without one loose word outranking a short exact title.
    pub coord: u32,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning { length: 0.03, parent_code: 200, kind: 120.0, coord: 2 }
    }
}

/// A searchable document: a certification or an element.
#[derive(Clone, Debug, Serialize)]
pub struct Doc {
    /// Site-root-relative address.
    pub url: String,
    /// Full id (`ntc-2018/cp3`, or the certification id).
    pub id: String,
    /// What is shown: code and text, shortened.
    pub text: String,
    pub kind: usize,
    pub cert: usize,
    /// Ancestors by code and title, shortened.
    pub crumbs: String,
    /// The first document of the same certification with the same text (folded, punctuation
    /// aside): itself when it is the first. A result whose text is that of a higher result is
    /// shown under it (a unité and its épreuve, a bloc and its CCP with one title).
    #[serde(skip)]
    pub same: u32,
}

/// A contiguous range of documents of one certification and kind (documents are sorted so).
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    pub start: u32,
    pub end: u32,
    pub cert: usize,
    pub kind: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct Index {
    pub docs: Vec<Doc>,
    /// (id, title) of each certification.
    pub certs: Vec<(String, String)>,
    /// French labels of the kinds.
    pub kinds: Vec<String>,
    pub groups: Vec<Group>,
    /// key → (doc, weight), by doc.
    pub(crate) postings: BTreeMap<String, Vec<(u32, u32)>>,
    /// The keys that name each certification (title, sigle, id), by certification.
    pub(crate) cert_keys: Vec<Vec<String>>,
    /// The keys of each kind's label, by kind.
    pub(crate) kind_keys: Vec<Vec<String>>,
    /// Vocabulary: a term's key (its stems joined by spaces) → its targets (stems) and weights.
    pub vocab: BTreeMap<String, Vec<(Vec<String>, f64)>>,
    pub tuning: Tuning,
}

/// A text's letters and digits only, folded: how ids and codes are typed (`CP3-CR1` → `cp3cr1`).
pub(crate) fn compact(s: &str) -> String {
    crate::text::fold(s).chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// The meaningful keys of a label (stop words left out), without repeats.
fn label_keys(text: &str) -> Vec<String> {
    let mut out: Vec<String> = lang::terms(text);
    out.sort();
    out.dedup();
    out
}

/// How a kind's numbers are typed when the document prints only the number (`1` → `at1`): in
/// the kinds' table ([`crate::schema::KindSpec::code_prefix`]).
fn code_prefix(kind: Kind) -> Option<&'static str> {
    kind.spec().code_prefix
}

/// Text weights by what the element is: the document's own structure below, compétences above.
fn family_weight(kind: Kind, base: u32) -> u32 {
    match kind.family() {
        crate::schema::Family::Document => base / 2,
        crate::schema::Family::Competence => base + base / 5,
        _ => base,
    }
}

/// The weighted keys of codes and a text (text weights normalised by the text's length), plus
/// `extra` keys at their own weights.
fn keys(
    codes: &[&str],
    text: &str,
    text_weight: u32,
    extra: &[(String, u32)],
    length: f64,
) -> BTreeMap<String, u32> {
    let mut out: BTreeMap<String, u32> = BTreeMap::new();
    let mut put = |k: String, w: u32| {
        let slot = out.entry(k).or_insert(0);
        *slot = (*slot).max(w);
    };
    for code in codes {
        for t in lang::tokens(code) {
            if t.word.contains('.') {
                put(t.word.replace('.', ""), W_CODE_NODOT);
            }
            put(t.word, W_CODE);
        }
    }
    for t in lang::tokens(text) {
        if lang::is_stop_word(&t.word) {
            continue;
        }
        if lang::is_code(&t.word) && t.word.contains('.') {
            put(t.word.replace('.', ""), text_weight);
        }
        put(lang::stem(&t.word), text_weight);
    }
    // Shorter texts rank above longer ones with the same words: text weights are divided by
    // 1 + length × (number of keys), here (the browser reads the same weights).
    let norm = 1.0 + length * out.len() as f64;
    for w in out.values_mut() {
        if *w < W_ID {
            *w = ((*w as f64) / norm).round().max(1.0) as u32;
        }
    }
    for (k, w) in extra {
        let slot = out.entry(k.clone()).or_insert(0);
        *slot = (*slot).max(*w);
    }
    out
}

impl Index {
    pub fn build(corpus: &Corpus) -> Index {
        Index::build_with(corpus, Tuning::default())
    }

    pub fn build_with(corpus: &Corpus, tuning: Tuning) -> Index {
        Index::build_where(corpus, tuning, |_| true)
    }

    /// The index of the certifications and of the elements of the kinds `keep` keeps (the
    /// suggestions' index, [`suggest`]), weighted as in the whole index.
    pub(crate) fn build_where(
        corpus: &Corpus,
        tuning: Tuning,
        keep: impl Fn(Kind) -> bool,
    ) -> Index {
        let length = tuning.length;
        let mut kinds: Vec<String> = vec!["Certification".to_string()];
        kinds.extend(Kind::ALL.iter().map(|k| k.label().to_string()));
        let certs: Vec<(String, String)> = corpus
            .certs
            .iter()
            .map(|c| (c.id.to_string(), crate::present::short_cert(c)))
            .collect();
        // Documents sorted by certification, then kind, then data order.
        let mut entries: Vec<(usize, usize, Doc, BTreeMap<String, u32>)> = Vec::new();
        for (ci, c) in corpus.certs.iter().enumerate() {
            let mut codes: Vec<&str> = c.codes.iter().map(|k| k.code.as_str()).collect();
            if let Some(s) = &c.sigle {
                codes.push(&s.text);
            }
            entries.push((
                ci,
                0,
                Doc {
                    url: urls::cert(&c.id),
                    id: c.id.to_string(),
                    text: crate::present::short_cert(c),
                    kind: 0,
                    cert: ci,
                    crumbs: c.kind.label().to_string(),
                    same: 0,
                },
                keys(&codes, &c.title.text, W_TITLE, &cert_codes(c), length),
            ));
        }
        let cert_index: BTreeMap<&str, usize> =
            corpus.certs.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        // Each element's nearest ancestor that is not the document's structure, found once.
        let titled =
            corpus.nearest_ancestor_where(|a| a.kind.family() != crate::schema::Family::Document);
        for e in corpus.elements.iter().filter(|e| keep(e.kind)) {
            let ci = cert_index[e.key.cert.as_str()];
            let ki = 1 + Kind::ALL.iter().position(|k| *k == e.kind).expect("kind");
            let mut codes: Vec<&str> = Vec::new();
            codes.extend(e.code.as_deref());
            codes.extend(e.code_as_printed.as_deref());
            let weight = family_weight(e.kind, if e.kind.is_titled() { W_TITLE } else { W_TEXT });
            let mut extra: Vec<(String, u32)> =
                vec![(compact(e.key.local.as_str()), W_ID), (compact(&e.key.to_string()), W_ID)];
            if let (Some(prefix), Some(code)) = (code_prefix(e.kind), e.code.as_deref())
                && code.chars().all(|c| c.is_ascii_digit())
            {
                extra.push((format!("{prefix}{code}"), W_CODE));
            }
            // The parent's title and code, and those of the nearest ancestor that is not the
            // document's own structure (the compétence above a heading "Critères de performance").
            let parent = e.parent.as_ref().and_then(|p| corpus.element_index(p));
            let above = parent.and_then(|p| {
                if corpus.elements[p].kind.family() == crate::schema::Family::Document {
                    titled[p]
                } else {
                    None
                }
            });
            for p in parent.into_iter().chain(above).map(|i| &corpus.elements[i]) {
                extra.extend(p.code.as_deref().map(|c| (compact(c), tuning.parent_code)));
                extra.extend(lang::terms(p.text()).into_iter().map(|k| (k, W_PARENT)));
            }
            entries.push((
                ci,
                ki,
                Doc {
                    url: urls::element(&e.key),
                    id: e.key.to_string(),
                    text: display(e),
                    kind: ki,
                    cert: ci,
                    crumbs: crumbs(corpus, e),
                    same: 0,
                },
                keys(&codes, e.text(), weight, &extra, length),
            ));
        }
        entries.sort_by_key(|(c, k, _, _)| (*c, *k));
        // The text of each document, as compared for repeats: its element's text without its
        // code, or the certification's title.
        let by_id: std::collections::HashMap<String, String> = corpus
            .certs
            .iter()
            .map(|c| (c.id.to_string(), text_key(&c.title.text)))
            .chain(corpus.elements.iter().map(|e| (e.key.to_string(), text_key(e.text()))))
            .collect();
        let texts: Vec<String> = entries
            .iter()
            .map(|(_, _, d, _)| by_id.get(&d.id).cloned().unwrap_or_default())
            .collect();
        let cert_keys = corpus
            .certs
            .iter()
            .map(|c| {
                let mut ks = label_keys(&format!(
                    "{} {} {}",
                    crate::present::short_cert(c),
                    c.sigle.as_ref().map(|s| s.text.as_str()).unwrap_or(""),
                    c.id.as_str().replace('-', " ")
                ));
                ks.push(compact(c.id.as_str()));
                ks.sort();
                ks.dedup();
                ks
            })
            .collect();
        let kind_keys = kinds.iter().map(|l| label_keys(l)).collect();
        let mut vocab: BTreeMap<String, Vec<(Vec<String>, f64)>> = BTreeMap::new();
        for e in corpus.vocabulary.for_search() {
            vocab.insert(
                e.key.clone(),
                e.means.iter().map(|m| (lang::terms(m), e.kind.weight())).collect(),
            );
        }
        let mut index =
            Index { certs, kinds, cert_keys, kind_keys, vocab, tuning, ..Index::default() };
        for (i, (ci, ki, doc, ks)) in entries.into_iter().enumerate() {
            let i = i as u32;
            match index.groups.last_mut() {
                Some(g) if g.cert == ci && g.kind == ki => g.end = i + 1,
                _ => index.groups.push(Group { start: i, end: i + 1, cert: ci, kind: ki }),
            }
            for (k, w) in ks {
                index.postings.entry(k).or_default().push((i, w));
            }
            index.docs.push(doc);
        }
        let mut first: BTreeMap<(usize, &str), u32> = BTreeMap::new();
        for (i, t) in texts.iter().enumerate() {
            let doc = &mut index.docs[i];
            doc.same = if t.is_empty() {
                i as u32
            } else {
                *first.entry((doc.cert, t.as_str())).or_insert(i as u32)
            };
        }
        index
    }

    /// The documents that repeat an earlier one's text, by class: `[first, repeat, …]` each.
    pub fn repeats(&self) -> Vec<Vec<u32>> {
        let mut classes: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for (i, d) in self.docs.iter().enumerate() {
            if d.same != i as u32 {
                classes.entry(d.same).or_insert_with(|| vec![d.same]).push(i as u32);
            }
        }
        classes.into_values().collect()
    }
}

/// A certification's codes as typed: `rncp7141`, `d1402`.
fn cert_codes(c: &crate::model::Certification) -> Vec<(String, u32)> {
    c.codes
        .iter()
        .map(|k| (compact(&format!("{}{}", k.system.slug(), k.code)), W_CODE))
        .chain(c.codes.iter().map(|k| (compact(&k.code), W_CODE)))
        .collect()
}

/// A text as compared for repeats: its words folded, punctuation aside.
pub fn text_key(text: &str) -> String {
    lang::tokens(text).into_iter().map(|t| t.word).collect::<Vec<_>>().join(" ")
}

fn display(e: &Element) -> String {
    crate::present::truncate(&crate::present::label(e), 200)
}

fn crumbs(corpus: &Corpus, e: &Element) -> String {
    let (near, more) = corpus.nearest_ancestors(e, crate::model::BREADCRUMB);
    let mut parts: Vec<String> = if more { vec!["…".to_string()] } else { Vec::new() };
    // Each ancestor by its code and title ("CP3 Prospecter à distance"), so that a reader on a
    // phone sees where a result sits without opening it.
    parts.extend(near.iter().map(|a| crate::present::truncate(&crate::present::label(a), 48)));
    crate::present::truncate(&parts.join(" › "), 160)
}
