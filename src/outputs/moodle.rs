//! The `moodle` output (issue #29): one competency framework per certification in the CSV that
//! Moodle's « Importer un référentiel de compétences » (`admin/tool/lpimportcsv`) reads,
//! `telechargements/moodle/<cert>.csv`.
//!
//! The file follows Moodle's own export, with its default import settings (UTF-8, comma, no
//! byte-order mark): a header row of the 14 columns Moodle maps by position ([`HEADERS`]); one
//! framework row (`Is framework` = 1) with the scale « Non acquis, Acquis » and its
//! configuration (« Non acquis » by default, « Acquis » proficient) and one taxonomy per level;
//! then one row per framework element ([`super::is_framework`]), its parent's ID number in the
//! first column (empty at the top). The ID number is the element's local id; the short name its
//! code and text cut to 100 characters (Moodle cuts there); the description the full text, its
//! kind and its source lines, in HTML (format 1).

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::Config;
use crate::ids::CertId;
use crate::model::{Certification, Element};

use super::csv::{field, neutralise};
use super::{framework_depth, framework_elements, framework_parent};

pub struct Moodle;

/// The columns, as Moodle's export names them (its importer maps them by position).
pub const HEADERS: [&str; 14] = [
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
];

/// The longest ID number and short name Moodle keeps (it cuts longer ones).
pub(crate) const MAX_NAME: usize = 100;

/// Moodle's description format for HTML (`FORMAT_HTML`).
const FORMAT_HTML: &str = "1";

/// The configuration of the scale: the first value by default, the second proficient (the
/// `scaleid` is replaced by the importer with the scale it finds or creates).
pub(crate) const SCALE_CONFIGURATION: &str = r#"[{"scaleid":"0"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1}]"#;

/// `s` cut to `max` characters, with an ellipsis when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

fn html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The Moodle taxonomy of a depth (1 = top): the upper levels are domains, then competencies,
/// then indicators (critères, savoirs …). Moodle's own words, which it translates.
fn taxonomy(depth: usize) -> &'static str {
    match depth {
        1 => "domain",
        2 => "competency",
        3 => "skill",
        _ => "indicator",
    }
}

fn short_name(e: &Element) -> String {
    let text = match &e.code {
        Some(code) if !e.text().starts_with(code.as_str()) => format!("{code} {}", e.text()),
        _ => e.text().to_string(),
    };
    neutralise(&cut(&text.replace(['\n', '\r'], " "), MAX_NAME)).into_owned()
}

fn row(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

/// The framework file of one certification.
pub fn framework(ctx: &RenderContext, c: &Certification) -> String {
    let elements = framework_elements(ctx.corpus, &c.id);
    let depth = elements.iter().map(|e| framework_depth(ctx.corpus, e)).max().unwrap_or(1);
    let taxonomies: Vec<&str> = (1..=depth).map(taxonomy).collect();
    let mut out = String::new();
    row(&mut out, &HEADERS);
    let title = format!("{} ({})", c.title.text, c.version);
    let description = format!(
        "<p>{}</p>",
        html(&crate::words::exports::moodle_framework_description(
            &c.title.text,
            &ctx.address(&crate::urls::cert(&c.id))
        ))
    );
    row(
        &mut out,
        &[
            "",
            &cut(c.id.as_str(), MAX_NAME),
            &neutralise(&cut(&title, MAX_NAME)),
            &description,
            FORMAT_HTML,
            crate::words::exports::MOODLE_SCALE,
            SCALE_CONFIGURATION,
            "",
            "",
            "",
            "",
            "",
            "1",
            &taxonomies.join(","),
        ],
    );
    for e in &elements {
        let parent = framework_parent(ctx.corpus, e).map(|p| p.key.local.as_str()).unwrap_or("");
        let description = format!(
            "<p>{}</p><p>{} — {}, lignes {}</p>",
            html(e.text()).replace('\n', "<br>"),
            html(e.kind.label()),
            html(e.cite.doc.as_str()),
            e.cite.lines
        );
        row(
            &mut out,
            &[
                parent,
                e.key.local.as_str(),
                &short_name(e),
                &description,
                FORMAT_HTML,
                "",
                "",
                "",
                "0",
                "null",
                "",
                "",
                "",
                "",
            ],
        );
    }
    out
}

impl Output for Moodle {
    fn name(&self) -> &str {
        "moodle"
    }
    fn label(&self, _: &Config) -> &str {
        crate::words::outputs::MOODLE.0
    }
    fn description(&self, _: &Config) -> &str {
        crate::words::outputs::MOODLE.1
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.moodle.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        for c in ctx.certs() {
            if framework_elements(ctx.corpus, &c.id).is_empty() {
                continue;
            }
            out.add(format!("{DOWNLOADS_DIR}/moodle/{}.csv", c.id), framework(ctx, c));
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        super::csv::cert_of_file(ctx, path)
    }
}
