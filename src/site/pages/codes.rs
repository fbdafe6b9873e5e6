//! Codes: a page per ROME, NSF (and other) code listing the certifications that share it.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::present::short_cert;
use crate::schema::CodeSystem;
use crate::site::context::SiteCtx;
use crate::urls;

use super::Page;

/// The certifications that hold one code, with the code's label when one of them gives it.
type Holders<'c> = (Option<String>, Vec<&'c crate::model::Certification>);

pub fn render_all(ctx: &SiteCtx) -> Result<Vec<Page>, String> {
    let mut by_code: BTreeMap<(CodeSystem, String), Holders> = BTreeMap::new();
    for c in &ctx.corpus.certs {
        for k in &c.codes {
            let slot = by_code.entry((k.system, k.code.clone())).or_insert((None, Vec::new()));
            if slot.0.is_none() {
                slot.0 = k.label.clone();
            }
            if !slot.1.iter().any(|x| x.id == c.id) {
                slot.1.push(c);
            }
        }
    }
    let mut pages = Vec::new();
    let index = urls::codes_index();
    let mut list: Vec<Value> = Vec::new();
    for ((system, code), (label, certs)) in &by_code {
        let path = urls::code(*system, code);
        let mut cx = ctx.page(&path, &format!("{} {code}", system.label()));
        cx.insert("code", &json!({"system": system.label(), "code": code, "label": label}));
        cx.insert("certs", &certs.iter().map(|c| json!({"href": urls::rel(&path, &urls::cert(&c.id)), "title": short_cert(c)})).collect::<Vec<_>>());
        pages.push((path.clone(), ctx.render("code.html", &cx)?));
        list.push(json!({"system": system.label(), "code": code, "label": label, "n": certs.len(), "href": urls::rel(&index, &path)}));
    }
    let mut cx = ctx.page(&index, "Codes");
    cx.insert("codes", &list);
    pages.push((index.clone(), ctx.render("codes.html", &cx)?));
    Ok(pages)
}
