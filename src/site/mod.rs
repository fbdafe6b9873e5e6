//! The static site: renders the corpus into pages (in parallel, templates compiled once), checks
//! every internal link and anchor, and publishes the result atomically to the build folder. The
//! `html` output of [`crate::outputs`] runs it.

pub mod context;
pub mod links;
pub mod output;
pub mod pages;
pub mod richtext;
pub mod templates;

use rayon::prelude::*;

use crate::config::Config;
use crate::graph::Graph;
use crate::ids::CertId;
use crate::model::Corpus;
use context::SiteCtx;
use output::SiteFiles;

/// A file of the exports, as the site lists it: the "Téléchargements" page lists them all, and
/// each certification page its own.
#[derive(Clone, Debug)]
pub struct Download {
    /// Path from the site root (`telechargements/csv/ntc-2018.csv`).
    pub path: String,
    pub bytes: usize,
    /// The output that wrote it (`case`, `skos`, `sssom`, `csv`, `json`).
    pub format: String,
    /// The certifications it is about (none for the whole corpus, two for a crosswalk).
    pub certs: Vec<CertId>,
}

/// Render every page and asset of the site into the build folder `files` (the links are checked
/// once every output has written its files).
pub fn render(corpus: &Corpus, graph: &Graph, cfg: &Config, downloads: &[Download], files: &mut SiteFiles) -> Result<(), String> {
    let crosswalks = crate::crosswalk::AllCrosswalks::build(corpus);
    render_with(corpus, graph, cfg, downloads, &crosswalks, files)
}

/// [`render`] with the crosswalks of every pair of certifications already computed.
pub fn render_with(corpus: &Corpus, graph: &Graph, cfg: &Config, downloads: &[Download], crosswalks: &crate::crosswalk::AllCrosswalks, files: &mut SiteFiles) -> Result<(), String> {
    let theme = cfg.output.html.theme.as_deref();
    let tera = templates::compile(theme)?;
    let ctx = crate::phases::time("html: site context (counterparts, titles)", || SiteCtx::new(corpus, graph, cfg, tera, downloads, crosswalks));
    let mut pages: Vec<pages::Page> = Vec::new();
    let t = crate::phases::start("html: comparison pages");
    let (compare, comparisons) = pages::compare::render_all(&ctx)?;
    t.end();
    let t = crate::phases::start("html: other pages");
    pages.extend(compare);
    pages.push(pages::home::render(&ctx, &comparisons)?);
    pages.push(pages::glossary::render(&ctx)?);
    pages.push(pages::downloads::render(&ctx)?);
    pages.extend(pages::codes::render_all(&ctx)?);
    pages.extend(pages::sources::render_all(&ctx)?);
    let per_cert: Vec<Vec<pages::Page>> = corpus.certs.par_iter().map(|c| pages::cert::render(&ctx, c)).collect::<Result<_, _>>()?;
    pages.extend(per_cert.into_iter().flatten());
    t.end();
    let t = crate::phases::start("html: element pages");
    let elements: Vec<pages::Page> = corpus.elements.par_iter().map(|e| pages::element::render(&ctx, e)).collect::<Result<_, _>>()?;
    pages.extend(elements);
    let blocs: Vec<pages::Page> = corpus.elements.par_iter().filter(|e| crate::fiche::is_bloc(e.kind)).map(|e| pages::printable::render(&ctx, e)).collect::<Result<Vec<_>, _>>()?.into_iter().flatten().collect();
    pages.extend(blocs);
    t.end();
    let t = crate::phases::start("html: tables, search, assets");
    let tables: Vec<pages::Page> = corpus.matrices.par_iter().map(|m| pages::tables::matrix(&ctx, m)).collect::<Result<_, _>>()?;
    pages.extend(tables);
    let corr: Vec<pages::Page> = corpus.correspondences.par_iter().map(|t| pages::tables::correspondence(&ctx, t)).collect::<Result<_, _>>()?;
    pages.extend(corr);
    pages.push(search_page(&ctx)?);

    for (path, html) in pages {
        files.add(path, html);
    }
    for (path, bytes) in templates::assets(theme)? {
        files.add(path, bytes);
    }
    for (path, bytes) in crate::search::shards::write(&crate::search::Index::build(corpus)) {
        files.add(path, bytes);
    }
    t.end();
    Ok(())
}

fn search_page(ctx: &SiteCtx) -> Result<pages::Page, String> {
    let path = crate::urls::search();
    let mut c = ctx.page(&path, "Recherche");
    c.insert("certs", &ctx.corpus.certs.iter().map(|c| serde_json::json!({"id": c.id.as_str(), "title": crate::present::short_cert(c)})).collect::<Vec<_>>());
    // The document's layout (sections, paragraphs) is not something readers look for.
    let mut kinds: Vec<&str> = ctx.corpus.elements.iter().filter(|e| e.kind.family() != crate::schema::Family::Document).map(|e| e.kind.label()).collect();
    kinds.sort();
    kinds.dedup();
    c.insert("kinds", &kinds);
    Ok((path.clone(), ctx.render("search.html", &c)?))
}

