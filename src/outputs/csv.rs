//! The `csv` output: one table per certification, `telechargements/csv/<cert>.csv`, one row per
//! framework element ([`super::is_framework`]), in UTF-8 with a byte-order mark so that a
//! spreadsheet opens accents right, comma-separated, quoted as RFC 4180 says.

use crate::config::Config;
use crate::ids::CertId;
use crate::site::output::SiteFiles;
use crate::urls;

use super::{framework_depth, framework_elements, framework_parent, Output, RenderContext, DOWNLOADS_DIR};

/// The column headers, in order.
pub const HEADERS: [&str; 10] = ["id", "code", "type", "texte", "parent_id", "parent_code", "niveau", "document", "lignes", "adresse"];

pub struct Csv;

/// One field, quoted when it holds a comma, a quote or a line break (quotes doubled).
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The table of one certification.
pub fn table(ctx: &RenderContext, cert: &CertId) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, &HEADERS);
    for e in framework_elements(ctx.corpus, cert) {
        let parent = framework_parent(ctx.corpus, e);
        let depth = framework_depth(ctx.corpus, e).to_string();
        let lines = e.cite.lines.to_string();
        let address = ctx.address(&urls::element(&e.key));
        row(
            &mut out,
            &[
                e.key.local.as_str(),
                e.code.as_deref().unwrap_or(""),
                e.kind.label(),
                e.text(),
                parent.map(|p| p.key.local.as_str()).unwrap_or(""),
                parent.and_then(|p| p.code.as_deref()).unwrap_or(""),
                &depth,
                e.cite.doc.as_str(),
                &lines,
                &address,
            ],
        );
    }
    out
}

impl Output for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.csv.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut SiteFiles) -> Result<(), String> {
        for c in ctx.certs() {
            out.add(format!("{DOWNLOADS_DIR}/csv/{}.csv", c.id), table(ctx, &c.id));
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        cert_of_file(ctx, path)
    }
}

/// The certification a per-certification file (`…/<cert>.<ext>`) is about.
pub fn cert_of_file(ctx: &RenderContext, path: &str) -> Vec<CertId> {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    ctx.corpus.certs.iter().filter(|c| c.id.as_str() == stem).map(|c| c.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("veille"), "veille");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("le « x » et \"y\""), "\"le « x » et \"\"y\"\"\"");
        assert_eq!(field("deux\nlignes"), "\"deux\nlignes\"");
    }
}
