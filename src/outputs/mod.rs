//! The outputs, plug-ins in the way of mdBook's renderers: each implements
//! [`crate::build::Output`] (a name, a French label and description, whether `book.toml` enables
//! it, how it writes its files into the build folder) and is listed in [`all`]; [`crate::build`]
//! runs them.
//!
//! The exports (`case`, `skos`, `sssom`, `csv`, `xlsx`, `json`, `moodle`, `grilles`, and the
//! programs `book.toml` declares, [`external`]) write under `telechargements/`; the `html` output,
//! the site, lists their files on its "Téléchargements" page and on each certification page.
//! `referentiel export` runs one output on its own ([`cli`]). What the exports share (which
//! elements make the framework, the correspondences of a certification) is here.

pub mod case;
// issue #29
pub(crate) mod case_provider;
pub mod cli;
pub mod csv;
mod error;
pub(crate) mod external;
pub mod grids;
pub mod html;
pub mod json;
// issue #29
pub mod moodle;
pub mod skos;
pub mod sssom;
pub mod xlsx;

use std::path::Path;

use crate::build::{BuildReport, Computed, Files, Output, OutputError, RenderContext};
use crate::config::Config;
use crate::ids::CertId;
use crate::model::{Corpus, Element};
use crate::schema::Kind;
pub use error::Error;

/// Every output, in the order a build lists their files (the site last).
pub fn all() -> Vec<Box<dyn Output>> {
    vec![
        Box::new(json::Json),
        Box::new(csv::Csv),
        Box::new(xlsx::Xlsx),
        Box::new(case::Case),
        Box::new(skos::Skos),
        Box::new(sssom::Sssom),
        Box::new(moodle::Moodle),
        Box::new(grids::Grids),
        Box::new(html::Html),
    ]
}

/// Every output of a build: the built-in ones, then those `book.toml` declares
/// ([`external`]), before the site.
pub(crate) fn all_for(config: &Config) -> Result<Vec<Box<dyn Output>>, Error> {
    let mut outputs = all();
    let site = outputs.pop().expect("the site is the last output");
    for e in external::External::of_config(config)? {
        outputs.push(Box::new(e));
    }
    outputs.push(site);
    Ok(outputs)
}

/// Build the outputs `book.toml` enables into one folder, in memory, with the links checked
/// ([`crate::build::render_all`]).
pub fn render_all(corpus: &Corpus, config: &Config) -> Result<(Files, BuildReport), OutputError> {
    crate::build::render_all(corpus, config, &registry(config)?)
}

/// [`render_all`] into `files` (in memory or streaming), with what the build computed on the
/// way ([`crate::build::render_into`]).
pub fn render_into(
    corpus: &Corpus,
    config: &Config,
    files: Files,
) -> Result<(Files, BuildReport, Computed), OutputError> {
    crate::build::render_into(corpus, config, &registry(config)?, files)
}

/// Build the outputs `book.toml` enables and publish them in `out` ([`crate::build::build`]).
pub fn build(
    corpus: &Corpus,
    config: &Config,
    out: &Path,
) -> Result<BuildReport, crate::build::Error> {
    crate::build::build(corpus, config, &registry(config)?, out)
}

/// [`all_for`], its failure named after the configuration file.
fn registry(config: &Config) -> Result<Vec<Box<dyn Output>>, OutputError> {
    all_for(config).map_err(|e| OutputError { output: "book.toml".into(), source: e.into() })
}

/// The output called `name`.
pub fn by_name(name: &str) -> Option<Box<dyn Output>> {
    all().into_iter().find(|o| o.name() == name)
}

/// Is an element of this kind part of the **framework** that the exports carry? The framework is
/// what a competency tool imports: activités, compétences, critères, savoirs, unités and épreuves
/// and what describes them (contexte, conditions, résultats attendus …). Document structure
/// (sections, paragraphes), the glossary (glossaire, terme, définition) and legal references
/// (article, référence) are not part of it: they stay on the site and in the JSON export. An
/// element whose parent is outside the framework hangs from its nearest framework ancestor, or
/// from the certification. Decided by the kinds' table ([`crate::schema::KindSpec::exported`]).
pub(crate) fn is_framework(kind: Kind) -> bool {
    kind.is_exported()
}

/// The framework elements of a certification, in data order.
pub fn framework_elements<'c>(corpus: &'c Corpus, cert: &'c CertId) -> Vec<&'c Element> {
    corpus.elements_of(cert).filter(|e| is_framework(e.kind)).collect()
}

/// The nearest ancestor of `e` that is a framework element.
pub fn framework_parent<'c>(corpus: &'c Corpus, e: &Element) -> Option<&'c Element> {
    let mut cur = e.parent.as_ref().and_then(|p| corpus.element(p));
    while let Some(p) = cur {
        if is_framework(p.kind) {
            return Some(p);
        }
        cur = p.parent.as_ref().and_then(|k| corpus.element(k));
    }
    None
}

/// The depth of `e` in the framework tree (1 for an element with no framework ancestor).
pub fn framework_depth(corpus: &Corpus, e: &Element) -> usize {
    let mut depth = 1;
    let mut cur = framework_parent(corpus, e);
    while let Some(p) = cur {
        depth += 1;
        cur = framework_parent(corpus, p);
    }
    depth
}

/// One correspondence between two elements, read from an element of the exported
/// certification (`here`) to an element of another (`there`).
#[derive(Clone, Debug)]
pub struct Correspondent<'c> {
    pub here: &'c Element,
    pub there: &'c Element,
    /// The SKOS relation read from `here` to `there`; `None` for a suggestion.
    pub relation: Option<crate::schema::Relation>,
    pub status: crate::crosswalk::Status,
    pub table: Option<crate::ids::TableId>,
    /// Suggestions: the similarity score (0–1).
    pub score: Option<f64>,
    pub justification: Option<String>,
    pub note: Option<String>,
}

/// Every correspondence of `cert`'s elements: the pairs of the official and curated tables (in
/// either direction), then the crosswalks' suggestions.
pub fn correspondents<'c>(ctx: &RenderContext<'c>, cert: &CertId) -> Vec<Correspondent<'c>> {
    use crate::crosswalk::Status;
    let corpus: &'c Corpus = ctx.corpus;
    let el = |k: &crate::ids::ElementKey| corpus.element(k).expect("checked reference");
    let mut out = Vec::new();
    for t in &corpus.correspondences {
        let status = Status::from(t.status);
        for p in &t.pairs {
            for (ours, theirs, relation) in
                [(&p.from, &p.to, p.relation), (&p.to, &p.from, p.relation.inverse())]
            {
                for h in ours.iter().filter(|k| &k.cert == cert) {
                    for o in theirs {
                        out.push(Correspondent {
                            here: el(h),
                            there: el(o),
                            relation: Some(relation),
                            status,
                            table: Some(t.id.clone()),
                            score: None,
                            justification: p.justification.clone(),
                            note: p.note.clone(),
                        });
                    }
                }
            }
        }
    }
    for cw in ctx.crosswalks().filter(|cw| &cw.a.cert == cert || &cw.b.cert == cert) {
        for m in cw.suggested.iter().filter(|m| m.status == Status::Suggested) {
            let (ours, theirs) = if &cw.a.cert == cert { (&m.a, &m.b) } else { (&m.b, &m.a) };
            for h in ours {
                for o in theirs {
                    out.push(Correspondent {
                        here: el(&h.id),
                        there: el(&o.id),
                        relation: None,
                        status: Status::Suggested,
                        table: None,
                        score: m.score,
                        justification: None,
                        note: None,
                    });
                }
            }
        }
    }
    out
}
