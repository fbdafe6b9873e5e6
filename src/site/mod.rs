//! The static site: renders the corpus into pages (in parallel, templates compiled once) in the
//! build folder, where [`crate::build`] checks every internal link and anchor and publishes the
//! result. The `html` output of [`crate::outputs`] runs it.

pub mod context;
mod error;
pub mod keep;
pub mod pages;
pub(crate) mod richtext;
pub mod templates;

use rayon::prelude::*;

use crate::build::Download;
use crate::build::Files;
use crate::config::Config;
use crate::graph::Graph;
use crate::ids::CertId;
use crate::model::Corpus;
use context::SiteCtx;
pub use error::Error;

/// What the site shows of the other outputs' work, asked for only when a page needs it, so that
/// the pages that do not can be rendered while that work goes on: the crosswalks (computed
/// beside the exports) and the exports' files (listed by the "Téléchargements" page and each
/// certification's page). Either call may wait for the other threads of the build.
pub trait Inputs: Sync {
    fn crosswalks(&self) -> &crate::crosswalk::AllCrosswalks;
    fn downloads(&self) -> &[Download];
    /// The counterparts of the crosswalks, when they are already made (else the site makes them
    /// from [`Inputs::crosswalks`]).
    fn counterparts(&self) -> Option<&crate::crosswalk::Counterparts> {
        None
    }
}

/// A build's outputs ask these of the build under way.
impl Inputs for crate::build::RenderContext<'_> {
    fn crosswalks(&self) -> &crate::crosswalk::AllCrosswalks {
        self.all_crosswalks()
    }
    fn downloads(&self) -> &[Download] {
        crate::build::RenderContext::downloads(self)
    }
}

/// Inputs already at hand.
pub(crate) struct Ready<'a> {
    pub crosswalks: &'a crate::crosswalk::AllCrosswalks,
    pub downloads: &'a [Download],
    /// The counterparts of `crosswalks`, made once for them.
    pub counterparts: &'a crate::crosswalk::Counterparts,
}

impl Inputs for Ready<'_> {
    fn crosswalks(&self) -> &crate::crosswalk::AllCrosswalks {
        self.crosswalks
    }
    fn downloads(&self) -> &[Download] {
        self.downloads
    }
    fn counterparts(&self) -> Option<&crate::crosswalk::Counterparts> {
        Some(self.counterparts)
    }
}

/// Render every page and asset of the site into the build folder `files` (the links are checked
/// once every output has written its files).
pub fn render(
    corpus: &Corpus,
    graph: &Graph,
    cfg: &Config,
    downloads: &[Download],
    files: &mut Files,
) -> Result<(), Error> {
    let crosswalks = crate::crosswalk::AllCrosswalks::build_with(
        corpus,
        &crate::crosswalk::PairPolicy::of_config(cfg),
    );
    let counterparts = crate::crosswalk::Counterparts::of_crosswalks(&crosswalks);
    render_with(
        corpus,
        graph,
        cfg,
        &Ready { crosswalks: &crosswalks, downloads, counterparts: &counterparts },
        files,
    )
}

/// [`render`] with the crosswalks and the exports' files asked of `inputs` when needed.
///
/// The search index, which needs neither, is built on a thread of its own from the start; the
/// pages that list the exports' files come last.
pub(crate) fn render_with(
    corpus: &Corpus,
    graph: &Graph,
    cfg: &Config,
    inputs: &dyn Inputs,
    files: &mut Files,
) -> Result<(), Error> {
    let theme = cfg.output.html.theme.as_deref();
    std::thread::scope(|scope| {
        let mut search_files = files.fork();
        let cancel = crate::phases::Cancel::current();
        let search = scope.spawn(move || {
            let _cancel = cancel.as_ref().map(|c| c.enter());
            let t = crate::phases::start("html: search index");
            // The search files go to the site as they are made; the search page carries the metadata.
            let mut meta = Vec::new();
            crate::search::shards::write_each(
                &crate::search::Index::build(corpus),
                |path, bytes| {
                    if path == "search/meta.js" {
                        meta = bytes.clone();
                    }
                    search_files.add(path, bytes);
                },
            );
            let suggest = crate::search::suggest::index(corpus);
            search_files.add(
                crate::search::suggest::PATH.to_string(),
                crate::search::suggest::write(&suggest),
            );
            t.end();
            (search_files, meta)
        });
        let tera = templates::compile(theme)?;
        let ctx = crate::phases::time("html: site context (titles, texts, lines)", || {
            SiteCtx::new(corpus, graph, cfg, tera, inputs)
        });
        pages_of(&ctx, files)?;
        let (search_files, meta) = search.join().map_err(|panic| {
            if panic.is::<crate::phases::Cancelled>() {
                std::panic::resume_unwind(panic);
            }
            Error::NoSearchIndex
        })?;
        files.join(search_files);
        let mut assets = templates::assets(theme)?;
        // The search script gets its rulebook (the analysis' tables, the query's figures).
        for (path, bytes) in &mut assets {
            if *path == "assets/search.js" {
                *bytes = crate::search::rules::fill(&String::from_utf8_lossy(bytes)).into_bytes();
            }
        }
        let script = assets
            .iter()
            .find(|(p, _)| *p == "assets/search.js")
            .map(|(_, b)| b.as_slice())
            .unwrap_or_default();
        files.add_all(vec![search_page(&ctx, script, &meta)?]);
        for (path, bytes) in assets {
            files.add(path, bytes);
        }
        // Last, the pages that list the exports' files, which may still be being written.
        let t = crate::phases::start("html: certifications and downloads");
        files.add_all(pages::downloads::render(&ctx)?);
        for chunk in corpus.certs.chunks(CHUNK / 8) {
            let rendered: Vec<Vec<pages::Page>> =
                chunk.par_iter().map(|c| pages::cert::render(&ctx, c)).collect::<Result<_, _>>()?;
            files.add_all(rendered.into_iter().flatten().collect());
        }
        t.end();
        Ok(())
    })
}

/// Every page that needs neither the search index nor the exports' files.
fn pages_of(ctx: &SiteCtx, files: &mut Files) -> Result<(), Error> {
    let corpus = ctx.corpus;
    // Pages go to `files` phase by phase, element pages a chunk at a time, so that a streaming
    // build holds no more than a chunk of pages in memory. First the pages that need no
    // crosswalk, while they may still be being computed.
    let t = crate::phases::start("html: other pages");
    let mut pages: Vec<pages::Page> =
        crate::phases::time("html: glossary", || pages::glossary::render(ctx))?;
    pages.push(pages::notfound::render(ctx)?);
    pages.extend(pages::catalogue::render(ctx)?);
    pages.extend(crate::phases::time("html: codes", || pages::codes::render_all(ctx))?);
    files.add_all(pages);
    // Source pages a few documents at a time, in parallel, each batch written before the next.
    let ts = crate::phases::start("html: sources");
    let docs: Vec<&crate::sources::SourceDoc> = corpus.sources.docs.values().collect();
    for batch in docs.chunks(16) {
        crate::phases::checkpoint();
        let rendered: Vec<Vec<pages::Page>> = batch
            .par_iter()
            .map(|d| pages::sources::doc_pages(ctx, d))
            .collect::<Result<_, _>>()?;
        files.add_all(rendered.into_iter().flatten().collect());
    }
    files.add_all(vec![pages::sources::index(ctx)?]);
    ts.end();
    t.end();
    crate::phases::time("html: counterparts (waits for the crosswalks)", || ctx.counterparts());
    let t = crate::phases::start("html: comparison pages");
    let (compare, comparisons) = pages::compare::render_all(ctx)?;
    files.add_all(compare);
    files.add_all(vec![crate::phases::time("html: home", || {
        pages::home::render(ctx, &comparisons)
    })?]);
    files.add_all(pages::catalogue::render_comparisons(ctx, &comparisons)?);
    t.end();
    let t = crate::phases::start("html: element pages");
    for chunk in corpus.elements.chunks(CHUNK) {
        crate::phases::checkpoint();
        files.add_all(
            chunk.par_iter().map(|e| pages::element::render(ctx, e)).collect::<Result<_, _>>()?,
        );
    }
    let blocs: Vec<pages::Page> = corpus
        .elements
        .par_iter()
        .filter(|e| e.kind.is_bloc())
        .map(|e| pages::printable::render(ctx, e))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    files.add_all(blocs);
    t.end();
    // #28: evaluation grids and positionnement, per certifying unit.
    let t = crate::phases::start("html: grids and positionnement");
    files.add_all(pages::grids::render_all(ctx)?);
    files.add_all(pages::positioning::render_all(ctx)?);
    files.add_all(pages::plans::render_all(ctx)?);
    t.end();
    let t = crate::phases::start("html: tables");
    files.add_all(
        corpus
            .matrices
            .par_iter()
            .map(|m| pages::tables::matrix(ctx, m))
            .collect::<Result<_, _>>()?,
    );
    files.add_all(
        corpus
            .correspondences
            .par_iter()
            .map(|t| pages::tables::correspondence(ctx, t))
            .collect::<Result<_, _>>()?,
    );
    t.end();
    Ok(())
}

/// The pages of some elements and of some certifications (their home and document pages),
/// rendered with the crosswalks and downloads of an earlier build: what `serve` shows at once
/// after an edit, before the full rebuild that follows. The site context is made of `parts`
/// ([`keep::Parts`], patched for `corpus`), given back for the next quick pass, and `history`.
#[expect(
    clippy::too_many_arguments,
    reason = "what a quick pass renders, from what, and the kept context it gives back"
)]
pub fn render_some(
    corpus: &Corpus,
    graph: &Graph,
    cfg: &Config,
    inputs: &dyn Inputs,
    elements: &[crate::ids::ElementKey],
    certs: &[CertId],
    parts: keep::Parts,
    history: crate::diff::history::History,
) -> (Result<Vec<pages::Page>, Error>, keep::Parts) {
    let tera = match crate::phases::time("quick: templates", || {
        templates::compile(cfg.output.html.theme.as_deref())
    }) {
        Ok(t) => t,
        Err(e) => return (Err(e), parts),
    };
    let ctx = SiteCtx::from_parts(corpus, graph, cfg, tera, inputs, parts).with_history(history);
    crate::phases::time("quick: counterparts", || ctx.counterparts());
    let t = crate::phases::start("quick: pages");
    let mut out: Result<Vec<pages::Page>, Error> = elements
        .par_iter()
        .filter_map(|k| corpus.element(k))
        .map(|e| pages::element::render(&ctx, e))
        .collect();
    for c in certs.iter().filter_map(|c| corpus.cert(c)) {
        if let Ok(pages) = &mut out {
            match pages::cert::render(&ctx, c) {
                Ok(p) => pages.extend(p),
                Err(e) => out = Err(e),
            }
        }
    }
    t.end();
    (out, ctx.into_parts())
}

/// A script's text made safe to inline in a page: every `</script` (whatever its case) becomes
/// `<\/script`, which means the same inside a JavaScript string or regular expression.
fn inline_script(js: &str) -> String {
    let lower = js.to_ascii_lowercase();
    let mut out = String::with_capacity(js.len());
    let mut last = 0;
    for (i, _) in lower.match_indices("</script") {
        out.push_str(&js[last..i]);
        out.push_str("<\\/");
        last = i + 2;
    }
    out.push_str(&js[last..]);
    out
}

/// How many element pages are rendered (in parallel) before they are handed to the build folder.
const CHUNK: usize = 512;

/// `search.html`: the script, the index's metadata, and the filters' choices.
#[derive(serde::Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Search {
    search_script: String,
    search_meta: String,
    /// The kinds a reader may filter on, by their French names.
    kinds: Vec<&'static str>,
}

/// The search page carries the search script and the index's metadata in itself, so that a query
/// arriving with the page (`recherche.html?q=…`) needs two rounds of requests: the words' index
/// files, then the texts of the results shown.
fn search_page(ctx: &SiteCtx, script: &[u8], meta: &[u8]) -> Result<pages::Page, Error> {
    let path = crate::urls::search();
    // Inline scripts end at the first `</`+`script`, in any case: the JSON never holds a `<`
    // (`text::script_safe`), but a theme's script might.
    let inline = |b: &[u8]| inline_script(&String::from_utf8_lossy(b));
    // The certifications of the filter come from `search/certs.js` (the page stays bounded).
    // The document's layout (sections, paragraphs) is not something readers look for.
    let mut kinds: Vec<&str> = ctx
        .corpus
        .elements
        .iter()
        .filter(|e| e.kind.family() != crate::schema::Family::Document)
        .map(|e| e.kind.label())
        .collect();
    kinds.sort();
    kinds.dedup();
    let body = Search { search_script: inline(script), search_meta: inline(meta), kinds };
    let base = ctx.base(&path, "Recherche");
    Ok((path.clone(), ctx.render_page("search.html", base, &body)?))
}
