//! What every page needs to know beyond its own element: the corpus and its graph, the glossary,
//! which elements share a text, which elements cite each source line, and the compiled templates.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};

use crate::config::Config;
use crate::graph::Graph;
use crate::ids::{DocId, ElementKey};
use crate::model::{Cite, Corpus, Element};
use crate::present::{short_cert, truncate};
use crate::text;

use super::richtext::{self, Glossary};
use crate::urls;

pub struct SiteCtx<'a> {
    pub corpus: &'a Corpus,
    pub graph: &'a Graph,
    pub cfg: &'a Config,
    pub glossary: Glossary,
    /// Where each glossary term's definition is (its letter's page).
    pub glossary_places: super::pages::glossary::Places,
    pub tera: tera::Tera,
    /// Elements by normalised text, for "the same text also appears in".
    same_text: HashMap<String, Vec<ElementKey>>,
    /// For each document, the elements whose text starts at each line.
    pub cited_at: HashMap<DocId, BTreeMap<usize, Vec<ElementKey>>>,
    /// For each document, every line some citation covers.
    cited_lines: HashMap<DocId, std::collections::BTreeSet<usize>>,
    /// Counterparts of compétences, critères and savoirs in the other certifications, from the
    /// crosswalks, made at the first call of [`SiteCtx::counterparts`].
    counterparts: std::sync::OnceLock<crate::crosswalk::Counterparts>,
    /// #25: « depuis quelle version », from the diffs of the lineage pairs, built on first use.
    history: std::sync::OnceLock<crate::diff::history::History>,
    /// What the other outputs make: the files of the exports, for the downloads page and each
    /// certification's links.
    inputs: &'a dyn super::Inputs,
    /// Each element page's title, unique across the site.
    titles: HashMap<ElementKey, String>,
    /// Where each element heads a row or a column of a matrix: (matrix index, is a row, header
    /// index), in matrix order.
    in_matrices: HashMap<ElementKey, Vec<(usize, bool, usize)>>,
}

impl<'a> SiteCtx<'a> {
    pub fn new(
        corpus: &'a Corpus,
        graph: &'a Graph,
        cfg: &'a Config,
        tera: tera::Tera,
        inputs: &'a dyn super::Inputs,
    ) -> Self {
        let mut same_text: HashMap<String, Vec<ElementKey>> = HashMap::new();
        let mut cited_at: HashMap<DocId, BTreeMap<usize, Vec<ElementKey>>> = HashMap::new();
        let mut cited_lines: HashMap<DocId, std::collections::BTreeSet<usize>> = HashMap::new();
        for e in &corpus.elements {
            let t = same_text_key(e.text());
            if t.chars().count() >= 12 {
                same_text.entry(t).or_default().push(e.key.clone());
            }
            let cites =
                std::iter::once(&e.cite).chain(e.variants.iter().map(|v| &v.cite)).chain(&e.pieces);
            for c in cites {
                cited_lines.entry(c.doc.clone()).or_default().extend(c.lines.iter());
                let slot =
                    cited_at.entry(c.doc.clone()).or_default().entry(c.lines.first).or_default();
                if !slot.contains(&e.key) {
                    slot.push(e.key.clone());
                }
            }
        }
        let titles = titles(corpus);
        let mut in_matrices: HashMap<ElementKey, Vec<(usize, bool, usize)>> = HashMap::new();
        for (mi, m) in corpus.matrices.iter().enumerate() {
            for (is_row, headers) in [(true, &m.rows), (false, &m.columns)] {
                for (i, h) in headers.iter().enumerate() {
                    if let Some(k) = &h.reference {
                        in_matrices.entry(k.clone()).or_default().push((mi, is_row, i));
                    }
                }
            }
        }
        let glossary = Glossary::build(corpus);
        SiteCtx {
            corpus,
            graph,
            cfg,
            glossary,
            glossary_places: super::pages::glossary::Places::build(corpus),
            tera,
            same_text,
            cited_at,
            cited_lines,
            counterparts: Default::default(),
            history: Default::default(),
            inputs,
            titles,
            in_matrices,
        }
    }

    /// The crosswalk of every pair of certifications (waits until they are computed).
    ///
    /// The first call waits for them: it belongs on the thread that renders the site, before the
    /// pages that need them are rendered in parallel (a pool thread that waits cannot help).
    pub fn crosswalks(&self) -> &'a crate::crosswalk::AllCrosswalks {
        self.inputs.crosswalks()
    }

    /// Counterparts of compétences, critères and savoirs in the other certifications (see
    /// [`SiteCtx::crosswalks`] on where to call it first).
    pub fn counterparts(&self) -> &crate::crosswalk::Counterparts {
        self.counterparts
            .get_or_init(|| crate::crosswalk::Counterparts::of_crosswalks(self.crosswalks()))
    }

    /// #25: where each element of a lineage comes from.
    pub fn history(&self) -> &crate::diff::history::History {
        self.history.get_or_init(|| crate::diff::history::History::build(self.corpus))
    }

    /// The files of the exports (waits until they are all written).
    pub fn downloads(&self) -> &'a [super::Download] {
        self.inputs.downloads()
    }

    /// Every line of document `doc` that some citation covers.
    pub fn cited_lines(&self, doc: &DocId) -> &std::collections::BTreeSet<usize> {
        static NONE: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
        self.cited_lines.get(doc).unwrap_or(&NONE)
    }

    /// Where an element heads a row or a column of a matrix: (index in `corpus.matrices`, is a
    /// row, header index).
    pub fn in_matrices(&self, key: &ElementKey) -> &[(usize, bool, usize)] {
        self.in_matrices.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Other elements with the same text (folded, punctuation aside).
    pub fn same_text(&self, e: &Element) -> Vec<&ElementKey> {
        self.same_text
            .get(&same_text_key(e.text()))
            .map(|v| v.iter().filter(|k| **k != e.key).collect())
            .unwrap_or_default()
    }

    /// A link to an element, as the templates use it.
    pub fn element_link(&self, from: &str, key: &ElementKey) -> Value {
        let e = self.corpus.element(key).expect("checked reference");
        let cert = self.corpus.cert(&key.cert).map(short_cert).unwrap_or_default();
        json!({
            "href": urls::rel(from, &urls::element(key)),
            "code": e.code.clone().unwrap_or_default(),
            "text": truncate(e.text(), 160),
            "kind": e.kind.label(),
            "cert": cert,
            "same_cert": true,
        })
    }

    /// Like [`element_link`], noting when the element is in another certification than `home`.
    pub fn element_link_from(
        &self,
        from: &str,
        key: &ElementKey,
        home: &crate::ids::CertId,
    ) -> Value {
        let mut v = self.element_link(from, key);
        v["same_cert"] = json!(&key.cert == home);
        v
    }

    /// The provenance of a citation: document, lines, link into the source view, and the lines.
    pub fn provenance(&self, from: &str, cite: &Cite) -> Value {
        let doc = self.corpus.sources.get(cite.doc.as_str()).expect("checked document");
        let lines: Vec<Value> = cite
            .lines
            .iter()
            .filter(|n| !doc.is_declared(*n))
            .map(|n| json!({"n": n, "text": doc.line(n).chars().filter(|c| !text::is_private_use(*c)).collect::<String>()}))
            .collect();
        json!({
            "doc": doc.id.as_str(),
            "doc_title": doc.title,
            "file": doc.file,
            "lines": cite.lines.to_string(),
            "href": urls::rel(from, &urls::source_line(&cite.doc, cite.lines.first)),
            "excerpt": lines,
        })
    }

    /// A text with its certification's glossary terms linked.
    pub fn rich(
        &self,
        from: &str,
        text: &str,
        cert: &crate::ids::CertId,
        skip: Option<&ElementKey>,
    ) -> String {
        self.glossary.link(text, cert, skip, |k| self.glossary_term(from, k).unwrap_or_default())
    }

    /// The link from `from` to a term's definition in the glossary (`None` for an element
    /// that is not a term).
    pub fn glossary_term(&self, from: &str, key: &ElementKey) -> Option<String> {
        self.glossary_places.term(key).map(|to| urls::rel(from, &to))
    }

    /// The `<title>` of an element's page: code and short text, the certification, and what
    /// tells it apart when another element reads the same (its group, then its lines).
    pub fn title_of(&self, key: &ElementKey) -> String {
        self.titles.get(key).cloned().unwrap_or_default()
    }

    /// The base context every page gets.
    pub fn page(&self, path: &str, title: &str) -> tera::Context {
        self.page_described(path, title, &self.cfg.book.description)
    }

    /// The base context, with the page's own meta description.
    pub fn page_described(&self, path: &str, title: &str, description: &str) -> tera::Context {
        let mut c = tera::Context::new();
        c.insert(
            "page",
            &json!({
                "title": title,
                "root": urls::root(path),
                "site_title": self.cfg.book.title,
                "lang": self.cfg.book.language,
                "description": description,
                "home": urls::rel(path, &urls::home()),
                "search": urls::rel(path, &urls::search()),
                "glossary": urls::rel(path, &urls::glossary()),
                "sources": urls::rel(path, &urls::sources_index()),
                "codes": urls::rel(path, &urls::codes_index()),
                "downloads": urls::rel(path, &urls::downloads()),
            }),
        );
        c
    }

    pub fn render(&self, template: &str, ctx: &tera::Context) -> Result<String, String> {
        self.tera.render(template, ctx).map_err(|e| format!("template {template}: {e}"))
    }
}

fn titles(corpus: &Corpus) -> HashMap<ElementKey, String> {
    use crate::present::{element_title, label};
    // The nearest ancestor that names a group: not the document's structure, or with a code.
    let groups = corpus.nearest_ancestor_where(|a| {
        a.kind.family() != crate::schema::Family::Document || a.code.is_some()
    });
    let group = |e: &Element| {
        corpus
            .element_index(&e.key)
            .and_then(|i| groups[i])
            .map(|a| format!(" ({})", truncate(&label(&corpus.elements[a]), 40)))
    };
    let cert = |e: &Element| corpus.cert(&e.key.cert).map(short_cert).unwrap_or_default();
    let count = |v: &[(String, &Element)]| {
        let mut n: HashMap<(String, String), usize> = HashMap::new();
        for (t, e) in v {
            *n.entry((t.clone(), cert(e))).or_default() += 1;
        }
        n
    };
    // Code and text; then its group where two read the same; then its lines.
    let first: Vec<(String, &Element)> =
        corpus.elements.iter().map(|e| (element_title(e), e)).collect();
    let n = count(&first);
    let second: Vec<(String, &Element)> = first
        .into_iter()
        .map(|(t, e)| {
            if n[&(t.clone(), cert(e))] > 1 {
                (format!("{t}{}", group(e).unwrap_or_default()), e)
            } else {
                (t, e)
            }
        })
        .collect();
    let n = count(&second);
    let third: Vec<(String, &Element)> = second
        .into_iter()
        .map(|(t, e)| {
            if n[&(t.clone(), cert(e))] > 1 {
                (format!("{t}, lignes {}", e.cite.lines), e)
            } else {
                (t, e)
            }
        })
        .collect();
    // Two printings on one line (two cells of a table row): numbered in reading order.
    let n = count(&third);
    let mut nth: HashMap<(String, String), usize> = HashMap::new();
    third
        .into_iter()
        .map(|(t, e)| {
            let k = (t.clone(), cert(e));
            let t = if n[&k] > 1 {
                let i = nth.entry(k).or_default();
                *i += 1;
                format!("{t}, n° {i}")
            } else {
                t
            };
            (e.key.clone(), format!("{t} · {} · {}", e.kind.label(), cert(e)))
        })
        .collect()
}

fn same_text_key(t: &str) -> String {
    crate::lang::tokens(t).into_iter().map(|t| t.word).collect::<Vec<_>>().join(" ")
}

pub fn escape(s: &str) -> String {
    richtext::escape(s)
}
