//! Outputs as plug-ins, in the way of mdBook's renderers: each output has a name, receives the
//! checked corpus, its graph and the configuration, and writes its files into the build folder,
//! which is published atomically once every enabled output has written (a failed output leaves the
//! previous site as it was).
//!
//! The exports (`case`, `skos`, `sssom`, `csv`, `xlsx`, `json`, `moodle`, `grilles`) write under
//! `telechargements/`. A build
//! runs every output at once, each on a thread of its own, beside the crosswalks, which are
//! computed from the start for the outputs that ask for them. The `html` output, the site, lists
//! the exports' files on its "Téléchargements" page and on each certification page: it renders
//! those pages last, once the exports are written. `referentiel export` runs one output on its own
//! ([`cli`]).

pub mod case;
// issue #29
pub mod case_provider;
pub mod cli;
pub mod csv;
mod error;
pub mod external;
pub mod grids;
pub mod html;
pub mod incremental;
pub mod json;
// issue #29
pub mod moodle;
/// #26: the review of suggestions, in `serve` only.
pub mod review;
pub mod serve;
pub mod skos;
pub mod sssom;
pub mod xlsx;

use std::path::Path;
use std::sync::OnceLock;

use crate::config::Config;
use crate::crosswalk::{AllCrosswalks, Crosswalk};
use crate::graph::Graph;
use crate::ids::CertId;
use crate::model::{Corpus, Element};
use crate::schema::Kind;
use crate::site::Download;
use crate::site::output::{self, SiteFiles};
pub use error::Error;

/// The folder of the site that holds the exports.
pub const DOWNLOADS_DIR: &str = "telechargements";

/// What every output receives.
pub struct RenderContext<'a> {
    pub corpus: &'a Corpus,
    pub graph: &'a Graph,
    /// The whole configuration; an output reads its own `[output.NAME]` section and, for the
    /// addresses of pages, `output.html.site-url`.
    pub config: &'a Config,
    /// The files the exports wrote under `telechargements/` (the site lists them), set once they
    /// have all written ([`RenderContext::downloads`] waits for it).
    pub downloads: &'a OnceLock<Vec<Download>>,
    /// Only these certifications (`referentiel export --cert`); empty for all.
    pub only: &'a [CertId],
    /// The crosswalks between certifications, computed once for all outputs that ask.
    pub crosswalks: &'a OnceLock<AllCrosswalks>,
}

impl RenderContext<'_> {
    /// The certifications to export, in corpus order.
    pub fn certs(&self) -> impl Iterator<Item = &crate::model::Certification> {
        self.corpus.certs.iter().filter(|c| self.only.is_empty() || self.only.contains(&c.id))
    }

    /// The crosswalks that get a page and an export: the pairs the build selects whose two
    /// certifications have compétences ([`crate::crosswalk::pairs`]).
    pub fn crosswalks(&self) -> impl Iterator<Item = &Crosswalk> {
        self.all_crosswalks().paged()
    }

    /// The crosswalks of the pairs the build selects, computed at the first call.
    pub fn all_crosswalks(&self) -> &AllCrosswalks {
        let policy = crate::crosswalk::PairPolicy::of_config(self.config);
        self.crosswalks.get_or_init(|| {
            crate::phases::time("crosswalks", || AllCrosswalks::build_with(self.corpus, &policy))
        })
    }

    /// The files the exports wrote (waits until they have all written).
    pub fn downloads(&self) -> &[Download] {
        self.downloads.wait()
    }

    /// Is this certification exported?
    pub fn keeps(&self, cert: &CertId) -> bool {
        self.only.is_empty() || self.only.contains(cert)
    }

    /// The address of a site page (site-root-relative path) as the exports give it: always an
    /// absolute IRI ([`crate::config::Output::export_base`]).
    pub fn address(&self, path: &str) -> String {
        self.config.output.export_address(path)
    }
}

/// An output's failure, with the output's name as context.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::words::errors::output_failed(.output, .source))]
pub struct OutputError {
    pub output: String,
    pub source: Error,
}

impl crate::site::Inputs for RenderContext<'_> {
    fn crosswalks(&self) -> &AllCrosswalks {
        self.all_crosswalks()
    }
    fn downloads(&self) -> &[Download] {
        RenderContext::downloads(self)
    }
}

/// One output format: a plug-in, as mdBook's renderers are. A new export implements this trait
/// (its name, its French label and description from [`crate::words::outputs`], whether the
/// configuration enables it, how it writes its files) and is listed in [`all`]; the site's
/// "Téléchargements" page takes its label and description from here.
pub trait Output: Sync {
    /// The name of its `[output.NAME]` section and of `referentiel export NAME`.
    fn name(&self) -> &str;
    /// Its French name, for readers (« CASE 1.1 », « Grilles d’évaluation »).
    fn label(&self, config: &Config) -> &str;
    /// What its files hold, in one French sentence, for readers.
    fn description(&self, config: &Config) -> &str;
    /// Whether the configuration enables it.
    fn enabled(&self, config: &Config) -> bool;
    /// Write its files into the build folder.
    fn render(&self, ctx: &RenderContext, out: &mut SiteFiles) -> Result<(), Error>;
    /// The certifications a file it wrote is about (for the site's lists).
    fn certs_of(&self, _ctx: &RenderContext, _path: &str) -> Vec<CertId> {
        Vec::new()
    }
    /// Whether it lists the files of the other outputs (then it does not write any under
    /// `telechargements/` itself, and a build hands them over as they are known).
    fn lists_downloads(&self) -> bool {
        false
    }
}

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
pub fn all_for(config: &Config) -> Result<Vec<Box<dyn Output>>, Error> {
    let mut outputs = all();
    let site = outputs.pop().expect("the site is the last output");
    for e in external::External::of_config(config)? {
        outputs.push(Box::new(e));
    }
    outputs.push(site);
    Ok(outputs)
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
pub fn is_framework(kind: Kind) -> bool {
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

/// What a build produced, for the command line and the benchmark.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
    pub html_sizes: Vec<usize>,
    pub search_bytes: usize,
    pub links_checked: usize,
    /// Files and bytes written by each output, in build order.
    pub by_output: Vec<(String, usize, usize)>,
}

/// Run every enabled output into one build folder, in memory, and check its links: the whole
/// site, ready to publish.
pub fn render_all(
    corpus: &Corpus,
    config: &Config,
) -> Result<(SiteFiles, BuildReport), OutputError> {
    let (files, report, _) = render_into(corpus, config, SiteFiles::default())?;
    Ok((files, report))
}

/// What a build computed on the way that a later, partial build can reuse
/// ([`incremental`]).
#[derive(Default)]
pub struct Computed {
    pub crosswalks: OnceLock<AllCrosswalks>,
    pub downloads: Vec<Download>,
}

/// Run every enabled output into `files` (in memory or streaming to a staging folder) and check
/// the links.
///
/// Every output runs on a thread of its own, into a fork of `files`; the crosswalks are computed
/// on another from the start. The outputs that list the others' files (the site) are handed them
/// once the others have all written. The forks are then joined in the order of [`all`], so that
/// the result does not depend on which thread ran first.
pub fn render_into(
    corpus: &Corpus,
    config: &Config,
    mut files: SiteFiles,
) -> Result<(SiteFiles, BuildReport, Computed), OutputError> {
    crate::crosswalk::PairPolicy::of_config(config)
        .check(corpus)
        .map_err(|e| OutputError { output: "crosswalk".into(), source: e.into() })?;
    let graph = crate::phases::time("graph", || Graph::build(corpus));
    let crosswalks: OnceLock<AllCrosswalks> = OnceLock::new();
    let downloads: OnceLock<Vec<Download>> = OnceLock::new();
    let enabled: Vec<Box<dyn Output>> = all_for(config)
        .map_err(|source| OutputError { output: "book.toml".into(), source })?
        .into_iter()
        .filter(|o| o.enabled(config))
        .collect();
    let (listing, exports): (Vec<&dyn Output>, Vec<&dyn Output>) =
        enabled.iter().map(|o| o.as_ref()).partition(|o| o.lists_downloads());
    let ctx = RenderContext {
        corpus,
        graph: &graph,
        config,
        downloads: &downloads,
        only: &[],
        crosswalks: &crosswalks,
    };
    // The threads below stop with this one when a newer save supersedes the build (`serve`).
    let cancel = crate::phases::Cancel::current();
    let run = |o: &dyn Output, mut out: SiteFiles| {
        let _cancel = cancel.as_ref().map(|c| c.enter());
        let t = crate::phases::start(format!("output {}", o.name()));
        let rendered = o.render(&ctx, &mut out);
        t.end();
        (o.name().to_string(), rendered, out)
    };
    let (exported, listed) = std::thread::scope(|scope| {
        scope.spawn(|| {
            let _cancel = cancel.as_ref().map(|c| c.enter());
            ctx.all_crosswalks();
        });
        let threads: Vec<_> = exports
            .iter()
            .map(|&o| {
                let out = files.fork();
                scope.spawn(move || run(o, out))
            })
            .collect();
        let collect = scope.spawn(|| {
            // Every thread is waited for, and the list set, before a panic goes on: the site
            // must not wait for ever.
            let joined: Vec<_> = threads.into_iter().map(|h| h.join()).collect();
            let mut list = Vec::new();
            for ((name, _, out), o) in
                joined.iter().zip(&exports).filter_map(|(j, o)| Some((j.as_ref().ok()?, o)))
            {
                for (p, n) in &out.index {
                    let path = p.to_string_lossy().replace('\\', "/");
                    if path.starts_with(DOWNLOADS_DIR) {
                        list.push(Download {
                            certs: o.certs_of(&ctx, &path),
                            path,
                            bytes: *n,
                            format: name.to_string(),
                            label: o.label(config).to_string(),
                            description: o.description(config).to_string(),
                        });
                    }
                }
            }
            // Set even when an export failed, so that the site does not wait for ever; the
            // failure is reported below.
            let _ = downloads.set(list);
            joined
                .into_iter()
                .map(|j| j.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect::<Vec<(String, Result<(), Error>, SiteFiles)>>()
        });
        let listed: Vec<_> = listing.iter().map(|&o| run(o, files.fork())).collect();
        (collect.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), listed)
    });
    let mut by_output = Vec::new();
    for (name, rendered, out) in exported.into_iter().chain(listed) {
        rendered.map_err(|source| OutputError { output: name.clone(), source })?;
        by_output.push((name.to_string(), out.index.len(), out.index.iter().map(|(_, n)| n).sum()));
        files.join(out);
    }
    let t = crate::phases::start("link check");
    let links_checked = crate::site::links::check(&files)
        .map_err(|message| OutputError { output: "html".into(), source: Error::Links(message) })?;
    t.end();
    let html_sizes: Vec<usize> = files
        .index
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .map(|(_, n)| *n)
        .collect();
    let report = BuildReport {
        pages: html_sizes.len(),
        files: files.index.len(),
        bytes: files.total_bytes(),
        search_bytes: files
            .index
            .iter()
            .filter(|(p, _)| p.starts_with("search"))
            .map(|(_, n)| n)
            .sum(),
        html_sizes,
        links_checked,
        by_output,
    };
    let downloads = downloads.into_inner().unwrap_or_default();
    Ok((files, report, Computed { crosswalks, downloads }))
}

/// Render every enabled output into a staging folder next to `out`, file by file, check the
/// links, and put the staging folder in the place of `out`; on any error `out` is left as it
/// was.
pub fn build(corpus: &Corpus, config: &Config, out: &Path) -> Result<BuildReport, String> {
    output::check_out(out, &corpus.data_dir, config.root.as_deref())?;
    let cannot = |e: std::io::Error| format!("cannot write {}: {e}", out.display());
    let strangers =
        output::Strangers { keep: config.build.keep.clone(), force: config.build.force };
    let staging = output::Staging::begin(out, &strangers).map_err(cannot)?;
    let (files, report, _) =
        render_into(corpus, config, SiteFiles::streaming(staging)).map_err(|e| e.to_string())?;
    let t = crate::phases::start("publish");
    let published = files.into_staging().expect("a streaming build").commit();
    t.end();
    published.map_err(cannot)?;
    Ok(report)
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
