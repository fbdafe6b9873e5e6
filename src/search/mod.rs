//! Search: a French-aware index built by the generator, queried the same way by the command line
//! (`referentiel search`) and by the site's small script (`templates/assets/search.js`).
//!
//! - Analysis ([`crate::lang`]): folded (case, accents, ’, œ), stop words dropped, light stemming
//!   (prospecter, prospection → `prospect`); codes kept whole (`cp3`, `c3.2`, `d1402`), also without
//!   their dots.
//! - Weights: codes 100, the texts of titled elements (activités, compétences, unités …) 30, other
//!   texts 10, divided by 1 + 0.03 × the document's number of keys (shorter texts first);
//!   idf = ln(1 + N / df).
//! - Matching ([`query`]): exact key; one typo (Damerau-Levenshtein 1) in words of 5 letters or more;
//!   the last word of the query also as a prefix (as you type).
//! - Splitting ([`shards`]): keys are sharded by their first two letters, documents in blocks, so a
//!   first query downloads the small metadata file and only the shards it needs.

pub mod query;
pub mod shards;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::lang;
use crate::model::{Corpus, Element};
use crate::schema::Kind;
use crate::urls;

pub const W_CODE: u32 = 100;
pub const W_CODE_NODOT: u32 = 60;
pub const W_TITLE: u32 = 30;
pub const W_TEXT: u32 = 10;

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
    /// Ancestors, shortened.
    pub crumbs: String,
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
    pub postings: BTreeMap<String, Vec<(u32, u32)>>,
}

/// The weighted keys of a text and codes.
fn keys(codes: &[&str], text: &str, text_weight: u32) -> BTreeMap<String, u32> {
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
    out
}

impl Index {
    pub fn build(corpus: &Corpus) -> Index {
        let mut kinds: Vec<String> = vec!["Certification".to_string()];
        kinds.extend(Kind::ALL.iter().map(|k| k.label().to_string()));
        let certs: Vec<(String, String)> = corpus.certs.iter().map(|c| (c.id.to_string(), crate::present::short_cert(c))).collect();
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
                Doc { url: urls::cert(&c.id), id: c.id.to_string(), text: crate::present::short_cert(c), kind: 0, cert: ci, crumbs: c.kind.label().to_string() },
                keys(&codes, &c.title.text, W_TITLE),
            ));
        }
        let cert_index: BTreeMap<&str, usize> = corpus.certs.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        for e in &corpus.elements {
            let ci = cert_index[e.key.cert.as_str()];
            let ki = 1 + Kind::ALL.iter().position(|k| *k == e.kind).expect("kind");
            let mut codes: Vec<&str> = Vec::new();
            codes.extend(e.code.as_deref());
            codes.extend(e.code_as_printed.as_deref());
            let weight = if e.kind.is_titled() { W_TITLE } else { W_TEXT };
            entries.push((ci, ki, Doc { url: urls::element(&e.key), id: e.key.to_string(), text: display(e), kind: ki, cert: ci, crumbs: crumbs(corpus, e) }, keys(&codes, e.text(), weight)));
        }
        entries.sort_by_key(|(c, k, _, _)| (*c, *k));
        let mut index = Index { certs, kinds, ..Index::default() };
        for (i, (ci, ki, doc, ks)) in entries.into_iter().enumerate() {
            let i = i as u32;
            match index.groups.last_mut() {
                Some(g) if g.cert == ci && g.kind == ki => g.end = i + 1,
                _ => index.groups.push(Group { start: i, end: i + 1, cert: ci, kind: ki }),
            }
            // Shorter texts rank above longer ones with the same words: weights are divided by
            // 1 + 0.03 × (number of keys), once, here (the browser reads the same weights).
            let norm = 1.0 + 0.03 * ks.len() as f64;
            for (k, w) in ks {
                let w = ((w as f64) / norm).round().max(1.0) as u32;
                index.postings.entry(k).or_default().push((i, w));
            }
            index.docs.push(doc);
        }
        index
    }
}

fn display(e: &Element) -> String {
    crate::present::truncate(&crate::present::label(e), 200)
}

fn crumbs(corpus: &Corpus, e: &Element) -> String {
    let (near, more) = corpus.nearest_ancestors(e, crate::model::BREADCRUMB);
    let mut parts: Vec<String> = if more { vec!["…".to_string()] } else { Vec::new() };
    parts.extend(near.iter().map(|a| a.code.clone().unwrap_or_else(|| crate::present::truncate(a.text(), 40))));
    crate::present::truncate(&parts.join(" › "), 140)
}
