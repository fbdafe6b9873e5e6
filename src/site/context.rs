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
        Self::from_parts(corpus, graph, cfg, tera, inputs, super::keep::Parts::new(corpus))
    }

    /// A context made of parts kept from an earlier one ([`super::keep`]), patched for `corpus`.
    pub fn from_parts(
        corpus: &'a Corpus,
        graph: &'a Graph,
        cfg: &'a Config,
        tera: tera::Tera,
        inputs: &'a dyn super::Inputs,
        parts: super::keep::Parts,
    ) -> Self {
        let super::keep::Parts { glossary, same_text, cited_at, cited_lines, titles, in_matrices } =
            parts;
        SiteCtx {
            corpus,
            graph,
            cfg,
            glossary,
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

    /// The same context, with its history made already (by [`crate::diff::history::History::from_pairs`]).
    pub fn with_history(self, history: crate::diff::history::History) -> Self {
        let _ = self.history.set(history);
        self
    }

    /// The parts to keep for the next context ([`SiteCtx::from_parts`]).
    pub fn into_parts(self) -> super::keep::Parts {
        let SiteCtx { glossary, same_text, cited_at, cited_lines, titles, in_matrices, .. } = self;
        super::keep::Parts { glossary, same_text, cited_at, cited_lines, titles, in_matrices }
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
            .get(&super::keep::same_text_key(e.text()))
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
        self.glossary.link(text, cert, skip, |k| urls::rel(from, &urls::glossary_anchor(k)))
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

pub fn escape(s: &str) -> String {
    richtext::escape(s)
}
