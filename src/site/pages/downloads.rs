//! The "Téléchargements" page: every file of the exports with its format and size, and the list of
//! a certification's own files for its page. Each format's French name and description come from
//! the output that wrote the file ([`crate::site::Download`]).

use serde_json::{Value, json};

use crate::ids::CertId;
use crate::present::short_cert;
use crate::site::context::SiteCtx;
use crate::urls;

use super::Page;

/// A size for readers: `812 o`, `14,2 Ko`, `3,1 Mo`.
pub(crate) fn size_label(bytes: usize) -> String {
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} o")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} Ko", b / 1024.0).replace('.', ",")
    } else {
        format!("{:.1} Mo", b / 1048576.0).replace('.', ",")
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn entry(ctx: &SiteCtx, from: &str, d: &crate::site::Download) -> Value {
    json!({
        "href": urls::rel(from, &d.path),
        "name": file_name(&d.path),
        "format": d.label,
        "size": size_label(d.bytes),
        "certs": d.certs.iter().filter_map(|c| ctx.corpus.cert(c)).map(short_cert).collect::<Vec<_>>(),
    })
}

/// A certification's own files, for its page.
pub(crate) fn of_cert(ctx: &SiteCtx, from: &str, cert: &CertId) -> Vec<Value> {
    ctx.downloads().iter().filter(|d| d.certs.contains(cert)).map(|d| entry(ctx, from, d)).collect()
}

pub fn render(ctx: &SiteCtx) -> Result<Page, String> {
    let path = urls::downloads();
    let mut formats: Vec<&str> = Vec::new();
    for d in ctx.downloads() {
        if !formats.contains(&d.format.as_str()) {
            formats.push(&d.format);
        }
    }
    let groups: Vec<Value> = formats
        .iter()
        .map(|f| {
            let first = ctx.downloads().iter().find(|d| d.format == *f).expect("a listed format");
            let (name, description) = (&first.label, &first.description);
            let files: Vec<Value> = ctx.downloads().iter().filter(|d| d.format == *f).map(|d| entry(ctx, &path, d)).collect();
            let total: usize = ctx.downloads().iter().filter(|d| d.format == *f).map(|d| d.bytes).sum();
            json!({"name": name, "description": description, "files": files, "total": size_label(total)})
        })
        .collect();
    let mut c = ctx.page(&path, crate::words::downloads::TITLE);
    c.insert("groups", &groups);
    Ok((path.clone(), ctx.render("downloads.html", &c)?))
}
