//! Codes: a page per ROME, NSF (and other) code listing the certifications that share it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::schema::CodeSystem;
use crate::site::context::{CertLink, SiteCtx};
use crate::urls;

use super::Page;

/// The certifications that hold one code, with the code's label when one of them gives it.
type Holders<'c> = (Option<String>, Vec<&'c crate::model::Certification>);

/// A code as its page and the index show it.
#[derive(Serialize, Clone, Copy)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Code<'a> {
    system: &'static str,
    code: &'a str,
    label: &'a Option<String>,
}

/// `code.html`: one code and the certifications that hold it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct CodePage<'a> {
    code: Code<'a>,
    certs: Vec<CertLink>,
}

/// A line of the index of codes.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Listed<'a> {
    #[serde(flatten)]
    code: Code<'a>,
    n: usize,
    href: String,
}

/// `codes.html`: every code.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct Index<'a> {
    codes: Vec<Listed<'a>>,
}

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
    let mut codes = Vec::new();
    for ((system, code), (label, certs)) in &by_code {
        let path = urls::code(*system, code);
        let base = ctx.base(&path, &format!("{} {code}", system.label()));
        let code = Code { system: system.label(), code, label };
        let body =
            CodePage { code, certs: certs.iter().map(|c| ctx.cert_link(&path, c)).collect() };
        pages.push((path.clone(), ctx.render_page("code.html", base, &body)?));
        codes.push(Listed { code, n: certs.len(), href: urls::rel(&index, &path) });
    }
    let base = ctx.base(&index, "Codes");
    pages.push((index.clone(), ctx.render_page("codes.html", base, &Index { codes })?));
    Ok(pages)
}
