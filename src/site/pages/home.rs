//! The home page: every certification, grouped by lineage, oldest version first.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::site::context::SiteCtx;
use crate::urls;

use super::Page;
use super::cert::identity;

/// French names of the lineages, for headings.
fn lineage_title(ctx: &SiteCtx, lineage: &str, certs: &[&crate::model::Certification]) -> String {
    let _ = ctx;
    let newest = certs.iter().rfind(|c| !c.only_named).or(certs.last());
    match newest {
        Some(c) => c.title.text.clone(),
        None => lineage.to_string(),
    }
}

pub fn render(ctx: &SiteCtx, comparisons: &Value) -> Result<Page, String> {
    let path = urls::home();
    let mut lineages: BTreeMap<&str, Vec<&crate::model::Certification>> = BTreeMap::new();
    for c in &ctx.corpus.certs {
        lineages.entry(c.lineage.as_str()).or_default().push(c);
    }
    let groups: Vec<Value> = lineages
        .iter()
        .map(|(lineage, certs)| {
            json!({
                "id": lineage,
                "title": lineage_title(ctx, lineage, certs),
                "certs": certs.iter().map(|c| identity(ctx, &path, c)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut c = ctx.page(&path, &ctx.cfg.book.title);
    c.insert("lineages", &groups);
    c.insert("comparisons", comparisons);
    c.insert(
        "stats",
        &json!({
            "certs": ctx.corpus.certs.len(),
            "elements": ctx.corpus.elements.len(),
            "matrices": ctx.corpus.matrices.len(),
            "correspondences": ctx.corpus.correspondences.len(),
        }),
    );
    Ok((path.clone(), ctx.render("home.html", &c)?))
}
