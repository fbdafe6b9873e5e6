//! The static site: renders the corpus into pages (in parallel, templates compiled once), checks
//! every internal link and anchor, and publishes the result atomically to the build folder.

pub mod context;
pub mod links;
pub mod output;
pub mod pages;
pub mod richtext;
pub mod templates;

use std::path::Path;

use rayon::prelude::*;

use crate::config::Config;
use crate::graph::Graph;
use crate::model::Corpus;
use context::SiteCtx;
use output::SiteFiles;

/// What a build produced, for the command line and the benchmark.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
    pub html_sizes: Vec<usize>,
    pub search_bytes: usize,
    pub links_checked: usize,
}

/// Render every page and asset of the site into memory, and check its links.
pub fn render(corpus: &Corpus, graph: &Graph, cfg: &Config) -> Result<(SiteFiles, usize), String> {
    let tera = templates::compile()?;
    let ctx = SiteCtx::new(corpus, graph, cfg, tera);
    let mut pages: Vec<pages::Page> = Vec::new();
    let (compare, comparisons) = pages::compare::render_all(&ctx)?;
    pages.extend(compare);
    pages.push(pages::home::render(&ctx, &comparisons)?);
    pages.push(pages::glossary::render(&ctx)?);
    pages.extend(pages::codes::render_all(&ctx)?);
    pages.extend(pages::sources::render_all(&ctx)?);
    let per_cert: Vec<Vec<pages::Page>> = corpus.certs.par_iter().map(|c| pages::cert::render(&ctx, c)).collect::<Result<_, _>>()?;
    pages.extend(per_cert.into_iter().flatten());
    let elements: Vec<pages::Page> = corpus.elements.par_iter().map(|e| pages::element::render(&ctx, e)).collect::<Result<_, _>>()?;
    pages.extend(elements);
    let tables: Vec<pages::Page> = corpus.matrices.par_iter().map(|m| pages::tables::matrix(&ctx, m)).collect::<Result<_, _>>()?;
    pages.extend(tables);
    let corr: Vec<pages::Page> = corpus.correspondences.par_iter().map(|t| pages::tables::correspondence(&ctx, t)).collect::<Result<_, _>>()?;
    pages.extend(corr);
    pages.push(search_page(&ctx)?);

    let mut files = SiteFiles::default();
    for (path, html) in pages {
        files.add(path, html);
    }
    for (path, bytes) in templates::assets() {
        files.add(path, bytes);
    }
    for (path, bytes) in crate::search::shards::write(&crate::search::Index::build(corpus)) {
        files.add(path, bytes);
    }
    let json = serde_json::json!({
        "certifications": corpus.certs,
        "elements": corpus.elements,
        "matrices": corpus.matrices,
        "correspondences": corpus.correspondences,
        "graph": graph.to_json(),
    });
    files.add("graph.json", serde_json::to_vec(&json).map_err(|e| e.to_string())?);
    files.files.sort_by(|a, b| a.0.cmp(&b.0));
    let checked = links::check(&files)?;
    Ok((files, checked))
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

/// Render, check and publish to `out`; on any error nothing is written.
pub fn build(corpus: &Corpus, cfg: &Config, out: &Path) -> Result<BuildReport, String> {
    let graph = Graph::build(corpus);
    let (files, links_checked) = render(corpus, &graph, cfg)?;
    let html_sizes: Vec<usize> = files.files.iter().filter(|(p, _)| p.extension().is_some_and(|e| e == "html")).map(|(_, b)| b.len()).collect();
    let report = BuildReport {
        pages: html_sizes.len(),
        files: files.files.len(),
        bytes: files.total_bytes(),
        search_bytes: files.files.iter().filter(|(p, _)| p.starts_with("search")).map(|(_, b)| b.len()).sum(),
        html_sizes,
        links_checked,
    };
    output::publish(out, &files).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(report)
}
