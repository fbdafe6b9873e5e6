//! The `csv` output: one table per certification, `telechargements/csv/<cert>.csv`, one row per
//! framework element ([`super::is_framework`]), in the French spreadsheet profile: UTF-8 with a
//! byte-order mark (a spreadsheet then opens accents right), fields separated by `;` (what a
//! French Excel or LibreOffice expects on a double-click; `[output.csv] delimiter` or
//! `export csv --csv-delimiter` for another), lines ended by CRLF, quoted as RFC 4180 says.
//!
//! Two rules keep a spreadsheet from rewriting cells:
//! - a code a spreadsheet would read as a number (`1.1`, `2`) is written `="1.1"`, a text
//!   formula, so that it stays the code it is;
//! - a text that starts like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return) gets a
//!   leading `'`, as OWASP recommends against CSV injection ([`neutralise`]): no cell of ours is
//!   ever run as a formula but those constant codes.

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::{Config, CsvProfile};
use crate::ids::CertId;
use crate::urls;

use super::{framework_depth, framework_elements, framework_parent};

/// The column headers, in order.
pub const HEADERS: [&str; 10] = [
    "id",
    "code",
    "type",
    "texte",
    "parent_id",
    "parent_code",
    "niveau",
    "document",
    "lignes",
    "adresse",
];

pub struct Csv;

/// One field, quoted when it holds a comma, a quote or a line break (quotes doubled).
pub fn field(s: &str) -> String {
    field_with(s, ',')
}

/// One field for this delimiter, quoted when it holds the delimiter, a quote or a line break.
pub(crate) fn field_with(s: &str, delimiter: char) -> String {
    if s.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

// issue #29 (and #23 item 8): CSV injection.
/// A text cell as a spreadsheet must not run it: a text that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'` (OWASP's advice against CSV injection); any
/// other text is unchanged.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A code as a spreadsheet keeps it: `="1.1"` when it would be read as a number (digits, dots,
/// commas only), else the code itself (neutralised).
pub fn code_cell(code: &str) -> String {
    if !code.is_empty() && code.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        format!("=\"{code}\"")
    } else {
        neutralise(code).into_owned()
    }
}

fn row(out: &mut String, delimiter: char, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field_with(f, delimiter)).collect();
    out.push_str(&line.join(&delimiter.to_string()));
    out.push_str("\r\n");
}

/// The table of one certification, with the configured delimiter (`;` by default).
pub fn table(ctx: &RenderContext, cert: &CertId) -> String {
    table_with(ctx, cert, ctx.config.output.csv.delimiter)
}

/// The table of one certification with this delimiter.
pub(crate) fn table_with(ctx: &RenderContext, cert: &CertId, delimiter: char) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, delimiter, &HEADERS);
    for e in framework_elements(ctx.corpus, cert) {
        let parent = framework_parent(ctx.corpus, e);
        let depth = framework_depth(ctx.corpus, e).to_string();
        let lines = e.cite.lines.to_string();
        let address = ctx.address(&urls::element(&e.key));
        let code = code_cell(e.code.as_deref().unwrap_or(""));
        let parent_code = code_cell(parent.and_then(|p| p.code.as_deref()).unwrap_or(""));
        row(
            &mut out,
            delimiter,
            &[
                &neutralise(e.key.local.as_str()),
                &code,
                e.kind.label(),
                &neutralise(e.text()),
                parent.map(|p| p.key.local.as_str()).unwrap_or(""),
                &parent_code,
                &depth,
                e.cite.doc.as_str(),
                &lines,
                &address,
            ],
        );
    }
    out
}

// ---- Open edX's taxonomy profile (#29 item 4) ----

/// The columns of an Open edX taxonomy file, in order.
pub(crate) const OPENEDX_HEADERS: [&str; 3] = ["id", "value", "parent_id"];

/// The deepest level of a tag that Open edX shows (`TAXONOMY_MAX_DEPTH` of openedx_tagging):
/// deeper tags are imported but never offered to authors.
pub(crate) const OPENEDX_MAX_DEPTH: usize = 3;

/// The longest tag value Open edX stores (`Tag.value`, 500 characters).
pub(crate) const OPENEDX_MAX_VALUE: usize = 500;

/// A text as an Open edX tag value: on one line (a line break or tab becomes a space), without
/// the sequences Open edX reserves (a tab, ` > ` between levels, `;` between tags: ` > ` becomes
/// ` › `, `;` becomes `,`), trimmed, and at most [`OPENEDX_MAX_VALUE`] characters (cut with `…`,
/// leaving `room` characters for a qualifier).
pub fn openedx_value(text: &str, room: usize) -> String {
    let one_line: Vec<&str> = text.split_whitespace().collect();
    let v = one_line.join(" ").replace(" > ", " › ").replace(';', ",");
    let max = OPENEDX_MAX_VALUE - room;
    if v.chars().count() <= max {
        v
    } else {
        let cut: String = v.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The taxonomy of one certification in Open edX's CSV profile: `id,value,parent_id`, UTF-8
/// without a byte-order mark (Open edX reads the first column as `\u{feff}id` and stops:
/// « Missing 'id' field »), comma-separated, one row per framework element, a parent before its
/// children. `id` is the element's id; `value` its text ([`openedx_value`]), qualified by its
/// code (or id) when two elements share a text (Open edX refuses two tags with the same value,
/// whatever their case); an element deeper than [`OPENEDX_MAX_DEPTH`] hangs from its ancestor of
/// level [`OPENEDX_MAX_DEPTH`]` - 1`, so that every tag is shown.
pub(crate) fn openedx_table(ctx: &RenderContext, cert: &CertId) -> String {
    let elements = framework_elements(ctx.corpus, cert);
    let qualifier = |e: &crate::model::Element| {
        format!(" ({})", e.code.as_deref().unwrap_or(e.key.local.as_str()))
    };
    let plain: Vec<String> = elements.iter().map(|e| openedx_value(e.text(), 0)).collect();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for v in &plain {
        *seen.entry(v.to_lowercase()).or_default() += 1;
    }
    let mut taken = std::collections::HashSet::new();
    let mut out = String::new();
    row(&mut out, ',', &OPENEDX_HEADERS);
    for (e, v) in elements.iter().zip(&plain) {
        let mut value = v.clone();
        if seen[&v.to_lowercase()] > 1 {
            let q = qualifier(e);
            value = format!("{}{q}", openedx_value(e.text(), q.chars().count()));
        }
        if !taken.insert(value.to_lowercase()) {
            // Two elements with the same text and code: the id tells them apart.
            let q = format!(" ({})", e.key.local);
            value = format!("{}{q}", openedx_value(e.text(), q.chars().count()));
            taken.insert(value.to_lowercase());
        }
        let mut chain = Vec::new();
        let mut p = framework_parent(ctx.corpus, e);
        while let Some(x) = p {
            chain.push(x);
            p = framework_parent(ctx.corpus, x);
        }
        // `chain` is nearest first: the element's level is chain.len() + 1.
        let parent = if chain.len() < OPENEDX_MAX_DEPTH {
            chain.first()
        } else {
            chain.get(chain.len() - (OPENEDX_MAX_DEPTH - 1))
        };
        row(
            &mut out,
            ',',
            &[e.key.local.as_str(), &value, parent.map_or("", |p| p.key.local.as_str())],
        );
    }
    out
}

impl Output for Csv {
    fn name(&self) -> &str {
        "csv"
    }
    fn label(&self, config: &Config) -> &str {
        match config.output.csv.profile {
            CsvProfile::Fr => crate::words::outputs::CSV.0,
            CsvProfile::Openedx => crate::words::outputs::CSV_OPENEDX.0,
        }
    }
    fn description(&self, config: &Config) -> &str {
        match config.output.csv.profile {
            CsvProfile::Fr => crate::words::outputs::CSV.1,
            CsvProfile::Openedx => crate::words::outputs::CSV_OPENEDX.1,
        }
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.csv.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        for c in ctx.certs() {
            let bytes = match ctx.config.output.csv.profile {
                CsvProfile::Fr => table(ctx, &c.id),
                CsvProfile::Openedx => openedx_table(ctx, &c.id),
            };
            out.add(format!("{DOWNLOADS_DIR}/csv/{}.csv", c.id), bytes);
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        cert_of_file(ctx, path)
    }
}

/// The certification a per-certification file (`…/<cert>.<ext>`) is about.
pub(crate) fn cert_of_file(ctx: &RenderContext, path: &str) -> Vec<CertId> {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    ctx.corpus.certs.iter().filter(|c| c.id.as_str() == stem).map(|c| c.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::{code_cell, field, neutralise};

    #[test]
    fn formula_starts_are_neutralised_and_codes_kept_as_text() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("- Prospecter"), "'- Prospecter");
        assert_eq!(neutralise("Prospecter"), "Prospecter");
        assert_eq!(code_cell("1.1"), "=\"1.1\"");
        assert_eq!(code_cell("C11"), "C11");
        assert_eq!(code_cell(""), "");
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("veille"), "veille");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("le « x » et \"y\""), "\"le « x » et \"\"y\"\"\"");
        assert_eq!(field("deux\nlignes"), "\"deux\nlignes\"");
    }
}
