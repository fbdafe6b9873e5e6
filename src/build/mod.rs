//! The build: runs the enabled outputs into one output folder, checks every link of the result,
//! and publishes it atomically, in the way of mdBook's `MDBook::build` and its renderers.
//!
//! - [`plugin`]: what an output is (the [`Output`] trait) and what it receives;
//! - [`folder`]: the output folder: files streamed into a staging folder next to the output (or
//!   kept in memory), the safety rules on what may be replaced, the atomic publish;
//! - [`links`]: the check that every internal link and anchor of the pages leads somewhere;
//! - this file: the orchestration, shared by `build`, `export` and `serve`.
//!
//! The module sits below the outputs (they write into its folder and implement its trait) and
//! the registry of outputs ([`crate::outputs::all`]) is handed in by the caller, so that no
//! module imports one above it.

mod error;
pub mod folder;
pub mod links;
pub mod plugin;

use std::path::Path;
use std::sync::OnceLock;

use crate::config::Config;
use crate::crosswalk::AllCrosswalks;
use crate::graph::Graph;
use crate::model::Corpus;
pub use error::Error;
pub use folder::Files;
pub use plugin::{DOWNLOADS_DIR, Download, Output, OutputError, RenderContext, RenderError};

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
    outputs: &[Box<dyn Output>],
) -> Result<(Files, BuildReport), OutputError> {
    let (files, report, _) = render_into(corpus, config, outputs, Files::default())?;
    Ok((files, report))
}

/// What a build computed on the way that a later, partial build can reuse
/// ([`crate::serve`]).
#[derive(Default)]
pub struct Computed {
    pub crosswalks: OnceLock<AllCrosswalks>,
    pub downloads: Vec<Download>,
}

/// Run every enabled output of `outputs` into `files` (in memory or streaming to a staging folder) and check
/// the links.
///
/// Every output runs on a thread of its own, into a fork of `files`; the crosswalks are computed
/// on another from the start. The outputs that list the others' files (the site) are handed them
/// once the others have all written. The forks are then joined in the order of `outputs`, so that
/// the result does not depend on which thread ran first.
pub fn render_into(
    corpus: &Corpus,
    config: &Config,
    outputs: &[Box<dyn Output>],
    mut files: Files,
) -> Result<(Files, BuildReport, Computed), OutputError> {
    crate::crosswalk::PairPolicy::of_config(config)
        .check(corpus)
        .map_err(|e| OutputError { output: "crosswalk".into(), source: e.into() })?;
    let graph = crate::phases::time("graph", || Graph::build(corpus));
    let crosswalks: OnceLock<AllCrosswalks> = OnceLock::new();
    let downloads: OnceLock<Vec<Download>> = OnceLock::new();
    let (listing, exports): (Vec<&dyn Output>, Vec<&dyn Output>) = outputs
        .iter()
        .map(|o| o.as_ref())
        .filter(|o| o.enabled(config))
        .partition(|o| o.lists_downloads());
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
    let run = |o: &dyn Output, mut out: Files| {
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
                .collect::<Vec<(String, Result<(), RenderError>, Files)>>()
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
    let links_checked = links::check(&files)
        .map_err(|message| OutputError { output: "html".into(), source: message.into() })?;
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
pub fn build(
    corpus: &Corpus,
    config: &Config,
    outputs: &[Box<dyn Output>],
    out: &Path,
) -> Result<BuildReport, Error> {
    folder::check_out(out, &corpus.data_dir, config.root.as_deref())?;
    let cannot = |source: std::io::Error| Error::Write { path: out.to_path_buf(), source };
    let strangers =
        folder::Strangers { keep: config.build.keep.clone(), force: config.build.force };
    let staging = folder::Staging::begin(out, &strangers).map_err(cannot)?;
    let (files, report, _) = render_into(corpus, config, outputs, Files::streaming(staging))?;
    let t = crate::phases::start("publish");
    let published = files.into_staging().expect("a streaming build").commit();
    t.end();
    published.map_err(cannot)?;
    Ok(report)
}
