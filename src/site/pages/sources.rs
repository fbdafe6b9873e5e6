//! The source view: each document with numbered, linkable lines, cited lines highlighted, and
//! every cited line linking back to the elements that cite it. Long documents are cut into
//! chunks so that a phone fetches only the part it needs.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::present::{label, truncate};
use crate::site::context::SiteCtx;
use crate::sources::SourceDoc;
use crate::text;
use crate::urls::{self, SOURCE_CHUNK};

use super::Page;

/// The pages of one document, chunk by chunk.
pub(crate) fn doc_pages(ctx: &SiteCtx, doc: &SourceDoc) -> Result<Vec<Page>, String> {
    let chunks = doc.len().div_ceil(SOURCE_CHUNK).max(1);
    (0..chunks).map(|i| chunk(ctx, doc, i, chunks)).collect()
}

/// The list of documents, with their chunks.
pub fn index(ctx: &SiteCtx) -> Result<Page, String> {
    let index = urls::sources_index();
    let mut docs = Vec::new();
    for doc in ctx.corpus.sources.docs.values() {
        let chunks = doc.len().div_ceil(SOURCE_CHUNK).max(1);
        docs.push(json!({
            "id": doc.id.as_str(),
            "title": doc.title,
            "file": doc.file,
            "lines": doc.len(),
            "chunks": (0..chunks).map(|i| json!({
                "href": urls::rel(&index, &urls::source_chunk(&doc.id, i)),
                "label": format!("{}–{}", i * SOURCE_CHUNK + 1, ((i + 1) * SOURCE_CHUNK).min(doc.len())),
            })).collect::<Vec<_>>(),
        }));
    }
    let mut c = ctx.page(&index, "Documents sources");
    c.insert("docs", &docs);
    Ok((index.clone(), ctx.render("sources.html", &c)?))
}

fn chunk(ctx: &SiteCtx, doc: &SourceDoc, i: usize, chunks: usize) -> Result<Page, String> {
    let path = urls::source_chunk(&doc.id, i);
    let first = i * SOURCE_CHUNK + 1;
    let last = ((i + 1) * SOURCE_CHUNK).min(doc.len());
    let starts = ctx.cited_at.get(&doc.id);
    // Every line covered by some citation is highlighted.
    let cited: BTreeSet<usize> = ctx.cited_lines(&doc.id).range(first..=last).copied().collect();
    let lines: Vec<Value> = (first..=last)
        .map(|n| {
            let refs: Vec<Value> =
                starts
                    .and_then(|m| m.get(&n))
                    .map(|keys| {
                        keys.iter()
                        .filter_map(|k| ctx.corpus.element(k))
                        .map(|e| json!({
                            "href": urls::rel(&path, &urls::element(&e.key)),
                            "label": e.code.clone().unwrap_or_else(|| e.key.local.to_string()),
                            "title": truncate(&label(e), 120),
                        }))
                        .collect()
                    })
                    .unwrap_or_default();
            let text: String = doc.line(n).chars().filter(|c| !text::is_private_use(*c)).collect();
            json!({
                "n": n,
                "text": text,
                "cited": cited.contains(&n),
                "noise": doc.is_declared(n),
                "refs": refs,
            })
        })
        .collect();
    let nav = |j: usize| json!({"href": urls::rel(&path, &urls::source_chunk(&doc.id, j)), "label": format!("{}–{}", j * SOURCE_CHUNK + 1, ((j + 1) * SOURCE_CHUNK).min(doc.len()))});
    let mut c = ctx.page(&path, &format!("{} (lignes {first}–{last})", doc.title));
    c.insert("doc", &json!({"id": doc.id.as_str(), "title": doc.title, "file": doc.file, "first": first, "last": last, "total": doc.len()}));
    c.insert("lines", &lines);
    c.insert("prev", &i.checked_sub(1).map(nav));
    c.insert("next", &(i + 1 < chunks).then(|| nav(i + 1)));
    c.insert("index", &urls::rel(&path, &urls::sources_index()));
    Ok((path.clone(), ctx.render("source.html", &c)?))
}
