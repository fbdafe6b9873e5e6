//! What every page needs to know beyond its own element: the corpus and its graph, the glossary,
//! which elements share a text, which elements cite each source line, and the compiled templates.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

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
    pub(crate) glossary: Glossary,
    /// Where each glossary term's definition is (its letter's page).
    pub(crate) glossary_places: super::pages::glossary::Places,
    pub tera: tera::Tera,
    /// Elements by normalised text, for "the same text also appears in".
    same_text: HashMap<String, Vec<ElementKey>>,
    /// For each document, the elements whose text starts at each line.
    pub(crate) cited_at: HashMap<DocId, BTreeMap<usize, Vec<ElementKey>>>,
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
        if let Some(made) = self.inputs.counterparts() {
            return made;
        }
        self.counterparts
            .get_or_init(|| crate::crosswalk::Counterparts::of_crosswalks(self.crosswalks()))
    }

    /// #25: where each element of a lineage comes from.
    pub(crate) fn history(&self) -> &crate::diff::history::History {
        self.history.get_or_init(|| crate::diff::history::History::build(self.corpus))
    }

    /// The files of the exports (waits until they are all written).
    pub fn downloads(&self) -> &'a [super::Download] {
        self.inputs.downloads()
    }

    /// Every line of document `doc` that some citation covers.
    pub(crate) fn cited_lines(&self, doc: &DocId) -> &std::collections::BTreeSet<usize> {
        static NONE: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
        self.cited_lines.get(doc).unwrap_or(&NONE)
    }

    /// Where an element heads a row or a column of a matrix: (index in `corpus.matrices`, is a
    /// row, header index).
    pub(crate) fn in_matrices(&self, key: &ElementKey) -> &[(usize, bool, usize)] {
        self.in_matrices.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Other elements with the same text (folded, punctuation aside).
    pub(crate) fn same_text(&self, e: &Element) -> Vec<&ElementKey> {
        self.same_text
            .get(&super::keep::same_text_key(e.text()))
            .map(|v| v.iter().filter(|k| **k != e.key).collect())
            .unwrap_or_default()
    }

    /// A link to an element, as the templates use it.
    pub(crate) fn element_link(&self, from: &str, key: &ElementKey) -> ElementLink {
        let e = self.corpus.element(key).expect("checked reference");
        let cert = self.corpus.cert(&key.cert).map(short_cert).unwrap_or_default();
        ElementLink {
            href: urls::rel(from, &urls::element(key)),
            code: e.code.clone().unwrap_or_default(),
            text: truncate(e.text(), 160),
            kind: e.kind.label(),
            cert,
            same_cert: true,
        }
    }

    /// Like [`element_link`], noting when the element is in another certification than `home`.
    pub(crate) fn element_link_from(
        &self,
        from: &str,
        key: &ElementKey,
        home: &crate::ids::CertId,
    ) -> ElementLink {
        ElementLink { same_cert: &key.cert == home, ..self.element_link(from, key) }
    }

    /// The provenance of a citation: document, lines, link into the source view, and the lines.
    pub fn provenance(&self, from: &str, cite: &Cite) -> Provenance<'a> {
        let doc = self.corpus.sources.get(cite.doc.as_str()).expect("checked document");
        let excerpt = cite
            .lines
            .iter()
            .filter(|n| !doc.is_declared(*n))
            .map(|n| SourceLine {
                n,
                text: doc.line(n).chars().filter(|c| !text::is_private_use(*c)).collect(),
            })
            .collect();
        Provenance {
            doc: doc.id.as_str(),
            doc_title: &doc.title,
            file: &doc.file,
            lines: cite.lines.to_string(),
            href: urls::rel(from, &urls::source_line(&cite.doc, cite.lines.first)),
            excerpt,
        }
    }

    /// A link to a certification's page.
    pub(crate) fn cert_link(&self, from: &str, c: &crate::model::Certification) -> CertLink {
        CertLink { href: urls::rel(from, &urls::cert(&c.id)), title: short_cert(c) }
    }

    /// A text with its certification's glossary terms linked.
    pub(crate) fn rich(
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
    pub(crate) fn title_of(&self, key: &ElementKey) -> String {
        self.titles.get(key).cloned().unwrap_or_default()
    }

    /// The layout's part of a page (`page` in the templates), with the site's description.
    pub fn base(&self, path: &str, title: &str) -> Base<'a> {
        self.base_described(path, title, &self.cfg.book.description)
    }

    /// The layout's part of a page, with the page's own meta description.
    pub(crate) fn base_described(&self, path: &str, title: &str, description: &str) -> Base<'a> {
        Base {
            title: title.to_string(),
            root: urls::root(path),
            site_title: &self.cfg.book.title,
            lang: &self.cfg.book.language,
            description: description.to_string(),
            home: urls::rel(path, &urls::home()),
            search: urls::rel(path, &urls::search()),
            glossary: urls::rel(path, &urls::glossary()),
            sources: urls::rel(path, &urls::sources_index()),
            codes: urls::rel(path, &urls::codes_index()),
            downloads: urls::rel(path, &urls::downloads()),
        }
    }

    /// The base context every page gets, for a page that builds its context key by key.
    pub fn page(&self, path: &str, title: &str) -> tera::Context {
        self.page_described(path, title, &self.cfg.book.description)
    }

    /// The base context, with the page's own meta description.
    pub(crate) fn page_described(
        &self,
        path: &str,
        title: &str,
        description: &str,
    ) -> tera::Context {
        let mut c = tera::Context::new();
        c.insert("page", &self.base_described(path, title, description));
        c
    }

    /// Render `template` with the layout's part `base` (as `page`) and the page's own fields,
    /// `body`'s, at the top level: what a template may read is `Base` and its page's struct.
    pub(crate) fn render_page<T: Serialize>(
        &self,
        template: &str,
        base: Base,
        body: &T,
    ) -> Result<String, super::Error> {
        let mut c = tera::Context::from_serialize(body)
            .map_err(|source| super::Error::Template { name: template.to_string(), source })?;
        debug_assert!(!c.contains_key("page"), "{template}: a page's own field named `page`");
        c.insert("page", &base);
        self.render(template, &c)
    }

    pub fn render(&self, template: &str, ctx: &tera::Context) -> Result<String, super::Error> {
        self.tera
            .render(template, ctx)
            .map_err(|source| super::Error::Template { name: template.to_string(), source })
    }
}

/// What the layout (`base.html`) reads of every page, as `page`.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Base<'a> {
    pub title: String,
    /// From the page to the site's root (`../../`).
    pub root: String,
    pub(crate) site_title: &'a str,
    pub lang: &'a str,
    pub description: String,
    /// The menu's links, from the page.
    pub home: String,
    pub search: String,
    pub(crate) glossary: String,
    pub sources: String,
    pub codes: String,
    pub downloads: String,
}

/// A link to an element with what a list shows of it (`components.html`'s `element_link`).
#[derive(Serialize, Clone, PartialEq)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct ElementLink {
    pub href: String,
    /// Its code, or empty.
    pub code: String,
    /// Its text, cut at 160 characters.
    pub text: String,
    pub kind: &'static str,
    /// Its certification's short name.
    pub cert: String,
    /// Is it in the certification of the page that links to it?
    pub(crate) same_cert: bool,
}

/// Where a text comes from: its document, its lines, a link into the source view, the lines.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Provenance<'a> {
    pub doc: &'a str,
    pub(crate) doc_title: &'a str,
    pub file: &'a str,
    pub lines: String,
    pub href: String,
    pub(crate) excerpt: Vec<SourceLine>,
}

/// A numbered line of a source document.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct SourceLine {
    pub n: usize,
    pub text: String,
}

/// A link to a certification, by its short name.
#[derive(Serialize, Clone, PartialEq)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CertLink {
    pub href: String,
    pub title: String,
}

/// A fact of an épreuve or a unit (durée, coefficient …) as printed.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Fact<'a> {
    pub label: &'static str,
    pub text: &'a str,
}

impl<'a> Fact<'a> {
    /// The facts of an element, in the document's order.
    pub fn all(e: &'a Element) -> Vec<Fact<'a>> {
        e.facts
            .iter()
            .map(|f| Fact { label: super::pages::element::fact_label(f.name), text: &f.cite.text })
            .collect()
    }
}

/// An element linked, with its facts (an épreuve, a modalité, a CCP …).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct WithFacts<'a> {
    #[serde(flatten)]
    pub(crate) link: ElementLink,
    pub(crate) facts: Vec<Fact<'a>>,
}

pub fn escape(s: &str) -> String {
    richtext::escape(s)
}
