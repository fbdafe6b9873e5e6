//! The glossary: every term of every certification with its definition.

use serde_json::{Value, json};

use crate::present::short_cert;
use crate::schema::Kind;
use crate::site::context::SiteCtx;
use crate::urls;

use super::Page;

pub fn render(ctx: &SiteCtx) -> Result<Page, String> {
    let path = urls::glossary();
    let mut certs: Vec<Value> = Vec::new();
    for c in &ctx.corpus.certs {
        let glossaries: Vec<Value> = ctx
            .corpus
            .elements_of(&c.id)
            .filter(|e| e.kind == Kind::Glossaire)
            .map(|g| {
                let terms: Vec<Value> = g
                    .children
                    .iter()
                    .filter_map(|k| ctx.corpus.element(k))
                    .filter(|t| t.kind == Kind::Terme)
                    .map(|t| {
                        let definitions: Vec<String> = t
                            .children
                            .iter()
                            .filter_map(|k| ctx.corpus.element(k))
                            .map(|d| ctx.rich(&path, d.text(), &c.id, Some(&t.key)))
                            .collect();
                        json!({
                            "anchor": format!("{}-{}", t.key.cert, t.key.local),
                            "term": t.text(),
                            "href": urls::rel(&path, &urls::element(&t.key)),
                            "definitions": definitions,
                        })
                    })
                    .collect();
                json!({"title": g.text(), "href": urls::rel(&path, &urls::element(&g.key)), "terms": terms})
            })
            .collect();
        if !glossaries.is_empty() {
            certs.push(json!({"title": short_cert(c), "href": urls::rel(&path, &urls::cert(&c.id)), "glossaries": glossaries}));
        }
    }
    let mut cx = ctx.page(&path, "Glossaire");
    cx.insert("certs", &certs);
    Ok((path.clone(), ctx.render("glossary.html", &cx)?))
}
