//! The source view: each document with numbered, linkable lines, cited lines highlighted, and
//! every cited line linking back to the elements that cite it. Long documents are cut into
//! chunks so that a phone fetches only the part it needs.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::present::{label, truncate};
use crate::site::context::SiteCtx;
use crate::sources::SourceDoc;
use crate::text;
use crate::urls::{self, SOURCE_CHUNK};

use super::Page;

/// The pages of one document, chunk by chunk.
pub(crate) fn doc_pages(ctx: &SiteCtx, doc: &SourceDoc) -> Result<Vec<Page>, crate::site::Error> {
    let chunks = doc.len().div_ceil(SOURCE_CHUNK).max(1);
    (0..chunks).map(|i| chunk(ctx, doc, i, chunks)).collect()
}

/// A chunk of a document, as a link (`1–400`).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct ChunkLink {
    href: String,
    label: String,
}

fn chunk_link(from: &str, doc: &SourceDoc, i: usize) -> ChunkLink {
    ChunkLink {
        href: urls::rel(from, &urls::source_chunk(&doc.id, i)),
        label: format!("{}–{}", i * SOURCE_CHUNK + 1, ((i + 1) * SOURCE_CHUNK).min(doc.len())),
    }
}

/// A document in the list of documents.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Listed<'a> {
    id: &'a str,
    title: &'a str,
    file: &'a str,
    lines: usize,
    chunks: Vec<ChunkLink>,
}

/// `sources.html`: every document.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct Index<'a> {
    docs: Vec<Listed<'a>>,
}

/// The list of documents, with their chunks.
pub fn index(ctx: &SiteCtx) -> Result<Page, crate::site::Error> {
    let index = urls::sources_index();
    let docs = ctx
        .corpus
        .sources
        .docs
        .values()
        .map(|doc| {
            let chunks = doc.len().div_ceil(SOURCE_CHUNK).max(1);
            Listed {
                id: doc.id.as_str(),
                title: &doc.title,
                file: &doc.file,
                lines: doc.len(),
                chunks: (0..chunks).map(|i| chunk_link(&index, doc, i)).collect(),
            }
        })
        .collect();
    let base = ctx.base(&index, "Documents sources");
    Ok((index.clone(), ctx.render_page("sources.html", base, &Index { docs })?))
}

/// `source.html`: a chunk of a document, line by line.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct ChunkPage<'a> {
    doc: Doc<'a>,
    lines: Vec<Line>,
    prev: Option<ChunkLink>,
    next: Option<ChunkLink>,
    /// The list of documents.
    index: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Doc<'a> {
    id: &'a str,
    title: &'a str,
    file: &'a str,
    first: usize,
    last: usize,
    total: usize,
}

/// A line of the source view: cited or not, declared noise or not, and the elements whose
/// text starts there.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Line {
    n: usize,
    text: String,
    cited: bool,
    noise: bool,
    refs: Vec<Ref>,
}

/// An element whose text starts at a line.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Ref {
    href: String,
    label: String,
    title: String,
}

fn chunk(
    ctx: &SiteCtx,
    doc: &SourceDoc,
    i: usize,
    chunks: usize,
) -> Result<Page, crate::site::Error> {
    let path = urls::source_chunk(&doc.id, i);
    let first = i * SOURCE_CHUNK + 1;
    let last = ((i + 1) * SOURCE_CHUNK).min(doc.len());
    let starts = ctx.cited_at.get(&doc.id);
    // Every line covered by some citation is highlighted.
    let cited: BTreeSet<usize> = ctx.cited_lines(&doc.id).range(first..=last).copied().collect();
    let lines = (first..=last)
        .map(|n| {
            let refs = starts
                .and_then(|m| m.get(&n))
                .map(|keys| {
                    keys.iter()
                        .filter_map(|k| ctx.corpus.element(k))
                        .map(|e| Ref {
                            href: urls::rel(&path, &urls::element(&e.key)),
                            label: e.code.clone().unwrap_or_else(|| e.key.local.to_string()),
                            title: truncate(&label(e), 120),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let text: String = doc.line(n).chars().filter(|c| !text::is_private_use(*c)).collect();
            Line { n, text, cited: cited.contains(&n), noise: doc.is_declared(n), refs }
        })
        .collect();
    let base = ctx.base(&path, &format!("{} (lignes {first}–{last})", doc.title));
    let body = ChunkPage {
        doc: Doc {
            id: doc.id.as_str(),
            title: &doc.title,
            file: &doc.file,
            first,
            last,
            total: doc.len(),
        },
        lines,
        prev: i.checked_sub(1).map(|j| chunk_link(&path, doc, j)),
        next: (i + 1 < chunks).then(|| chunk_link(&path, doc, i + 1)),
        index: urls::rel(&path, &urls::sources_index()),
    };
    Ok((path.clone(), ctx.render_page("source.html", base, &body)?))
}
