//! The `sssom` output: mapping tables in SSSOM/TSV (a YAML header of `#` lines with the curie map,
//! then a tab-separated table), in `telechargements/sssom/`:
//!
//! - `<table>.sssom.tsv`: one per correspondence table of the data, official or curated;
//! - `<a>--<b>.sssom.tsv`: one per crosswalk of two certifications, with the official, curated and
//!   suggested rows alike.
//!
//! `predicate_id` is the SKOS relation (suggestions always say `skos:relatedMatch`: similar wording,
//! not a stated equivalence); `mapping_justification` is `semapv:ManualMappingCuration` for official and
//! curated rows, `semapv:LexicalMatching` for suggestions, whose `confidence` is their score;
//! `comment` says where the row comes from. A table row that gives no counterpart has
//! `sssom:NoTermFound` as its object. Element ids are CURIEs: the certification's id as prefix,
//! expanded to the folder of its element pages (always absolute, [`RenderContext::address`]).
//!
//! The header declares the licence (`[output] license`, by default the Licence Ouverte 2.0 of
//! the official texts), `sssom_version`, `mapping_tool`, the creator and the `mapping_date` (the
//! table's date, else the newest dated text of the two certifications). `sssom validate`
//! (sssom-py) accepts every file (`tests/testsuite/outputs.rs`).

use std::fmt::Write;

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::Config;
use crate::crosswalk::{Crosswalk, Mapping, Status};
use crate::ids::{CertId, ElementKey};
use crate::model::Correspondence;
use crate::schema::Relation;

pub(crate) struct Sssom;

/// The columns, in order.
pub const COLUMNS: [&str; 10] = [
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "author_label",
    "mapping_date",
    "comment",
];

/// The predicate of a relation, read from subject to object: the SKOS property (or Dublin Core,
/// for succession).
pub fn predicate(r: Relation) -> &'static str {
    super::skos::property(r)
}

/// The CURIE of an element: `ntc-2018:cp3.html`.
pub fn curie(k: &ElementKey) -> String {
    format!("{}:{}.html", k.cert, k.local)
}

/// A cell: tabs and line breaks become spaces (TSV has no quoting).
fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

struct Row {
    subject: Option<ElementKey>,
    predicate: &'static str,
    object: Option<ElementKey>,
    justification: &'static str,
    confidence: Option<f64>,
    author: Option<String>,
    date: Option<String>,
    comment: String,
}

/// The SSSOM version the files follow.
pub(crate) const SSSOM_VERSION: &str = "1.0";

/// The newest dated text of these certifications (ISO date), for the set's `mapping_date`: it
/// changes only when the data says a framework did, so a rebuild gives the same bytes.
fn newest_date(ctx: &RenderContext, certs: &[&CertId]) -> Option<String> {
    ctx.corpus
        .certs
        .iter()
        .filter(|c| certs.contains(&&c.id))
        .flat_map(|c| c.dates.iter().filter_map(|d| d.iso.clone()))
        .max()
}

/// A YAML scalar, double-quoted (a JSON string is one): titles and addresses may hold `: `.
fn q(s: &str) -> String {
    serde_json::to_string(&s.replace('\n', " ")).expect("a string serialises")
}

fn header(
    ctx: &RenderContext,
    path: &str,
    title: &str,
    certs: &[&CertId],
    date: Option<String>,
) -> String {
    let mut h = String::new();
    h.push_str("# curie_map:\n");
    for c in certs {
        let _ = writeln!(h, "#   {c}: {}", q(&ctx.address(&format!("c/{c}/e/"))));
    }
    h.push_str("#   dcterms: http://purl.org/dc/terms/\n#   semapv: https://w3id.org/semapv/vocab/\n#   skos: http://www.w3.org/2004/02/skos/core#\n#   sssom: https://w3id.org/sssom/\n");
    // A base that is not a web address (`urn:referentiel:`): its scheme is declared as a prefix
    // that expands to itself, so that a consumer reading the addresses as CURIEs finds it.
    let base = ctx.config.output.export_base();
    if let Some((scheme, _)) = base.split_once(':').filter(|(s, _)| !matches!(*s, "http" | "https"))
    {
        let _ = writeln!(h, "#   {scheme}: \"{scheme}:\"");
    }
    let _ = writeln!(h, "# mapping_set_id: {}", q(&ctx.address(path)));
    let _ = writeln!(h, "# mapping_set_title: {}", q(title));
    let _ = writeln!(h, "# license: {}", q(ctx.config.output.license()));
    let _ = writeln!(h, "# sssom_version: \"{SSSOM_VERSION}\"");
    let _ = writeln!(h, "# mapping_tool: referentiel");
    let _ = writeln!(h, "# mapping_tool_version: \"{}\"", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(h, "# creator_label:\n#   - {}", q(&ctx.config.book.title));
    let _ = writeln!(h, "# mapping_provider: {}", q(&ctx.address("")));
    if let Some(d) = date.or_else(|| newest_date(ctx, certs)) {
        let _ = writeln!(h, "# mapping_date: {d}");
    }
    for (side, c) in ["subject_source", "object_source"].iter().zip(certs) {
        let _ = writeln!(h, "# {side}: {}", q(&ctx.address(&crate::urls::cert(c))));
    }
    h
}

fn table_text(ctx: &RenderContext, header: String, rows: &[Row]) -> String {
    let label = |k: &Option<ElementKey>| {
        k.as_ref()
            .and_then(|k| ctx.corpus.element(k))
            .map(|e| cell(&crate::present::label(e)))
            .unwrap_or_default()
    };
    let id = |k: &Option<ElementKey>| {
        k.as_ref().map(curie).unwrap_or_else(|| "sssom:NoTermFound".into())
    };
    let mut out = header;
    out.push_str(&COLUMNS.join("\t"));
    out.push('\n');
    for r in rows {
        let fields = [
            id(&r.subject),
            label(&r.subject),
            r.predicate.to_string(),
            id(&r.object),
            label(&r.object),
            r.justification.to_string(),
            r.confidence.map(|c| format!("{c:.2}")).unwrap_or_default(),
            cell(r.author.as_deref().unwrap_or("")),
            r.date.clone().unwrap_or_default(),
            cell(&r.comment),
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

fn justification(status: Status) -> &'static str {
    match status {
        // A table inferred from a document's layout was read by a person too.
        Status::Official | Status::Curated | Status::Inferred => "semapv:ManualMappingCuration",
        Status::Suggested => "semapv:LexicalMatching",
    }
}

fn comment(
    status: Status,
    table: Option<&str>,
    justification: Option<&str>,
    note: Option<&str>,
    words: &[String],
) -> String {
    let mut parts = vec![status.label().to_string()];
    parts.extend(table.map(|t| format!("table {t}")));
    parts.extend(justification.map(str::to_string));
    parts.extend(note.map(str::to_string));
    if !words.is_empty() {
        parts.push(crate::words::page_words::shared_words(&words.join(", ")));
    }
    parts.join(" · ")
}

/// Rows for every subject × object of a pair (one row with `NoTermFound` when a side is empty).
fn cross(
    subjects: &[ElementKey],
    objects: &[ElementKey],
    mut make: impl FnMut(Option<ElementKey>, Option<ElementKey>) -> Row,
) -> Vec<Row> {
    let s: Vec<Option<ElementKey>> =
        if subjects.is_empty() { vec![None] } else { subjects.iter().cloned().map(Some).collect() };
    let o: Vec<Option<ElementKey>> =
        if objects.is_empty() { vec![None] } else { objects.iter().cloned().map(Some).collect() };
    s.iter()
        .flat_map(|a| o.iter().map(move |b| (a.clone(), b.clone())))
        .map(|(a, b)| make(a, b))
        .collect()
}

/// The mapping table of one correspondence table.
pub(crate) fn of_table(ctx: &RenderContext, path: &str, t: &Correspondence) -> String {
    let status = Status::from(t.status);
    let title = t.title.as_ref().map(|x| x.text.clone()).unwrap_or_else(|| t.id.to_string());
    let mut rows = Vec::new();
    for p in &t.pairs {
        rows.extend(cross(&p.from, &p.to, |s, o| Row {
            subject: s,
            predicate: predicate(p.relation),
            object: o,
            justification: justification(status),
            confidence: (status == Status::Official).then_some(1.0),
            author: t.author.clone(),
            date: t.date.clone(),
            comment: comment(
                status,
                Some(t.id.as_str()),
                p.justification.as_deref(),
                p.note.as_deref(),
                &[],
            ),
        }));
    }
    table_text(ctx, header(ctx, path, &title, &[&t.from, &t.to], t.date.clone()), &rows)
}

/// The mapping table of one crosswalk.
pub(crate) fn of_crosswalk(ctx: &RenderContext, path: &str, cw: &Crosswalk) -> String {
    let keys = |items: &[crate::diff::Item]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    let mut rows = Vec::new();
    for m in cw.mappings() {
        let Mapping { status, relation, .. } = m;
        rows.extend(cross(&keys(&m.a), &keys(&m.b), |s, o| Row {
            subject: s,
            // A suggestion is similar wording, never a stated equivalence.
            predicate: match status {
                Status::Suggested => "skos:relatedMatch",
                _ => relation.map(predicate).unwrap_or("skos:relatedMatch"),
            },
            object: o,
            justification: justification(*status),
            confidence: match status {
                Status::Official => Some(1.0),
                Status::Curated | Status::Inferred => None,
                Status::Suggested => m.score,
            },
            author: m.author.clone(),
            date: m.date.clone(),
            comment: comment(
                *status,
                m.table.as_ref().map(|t| t.as_str()),
                m.justification.as_deref(),
                m.note.as_deref(),
                &m.words,
            ),
        }));
    }
    let title = format!("{} ↔ {}", cw.a.describe(), cw.b.describe());
    table_text(ctx, header(ctx, path, &title, &[&cw.a.cert, &cw.b.cert], None), &rows)
}

impl Output for Sssom {
    fn name(&self) -> &str {
        "sssom"
    }
    fn label(&self, _: &Config) -> &str {
        crate::words::outputs::SSSOM.0
    }
    fn description(&self, _: &Config) -> &str {
        crate::words::outputs::SSSOM.1
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.sssom.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        for t in
            ctx.corpus.correspondences.iter().filter(|t| ctx.keeps(&t.from) || ctx.keeps(&t.to))
        {
            let path = format!("{DOWNLOADS_DIR}/sssom/{}.sssom.tsv", t.id);
            out.add(path.clone(), of_table(ctx, &path, t));
        }
        for cw in ctx.crosswalks().filter(|cw| ctx.keeps(&cw.a.cert) || ctx.keeps(&cw.b.cert)) {
            let path = format!("{DOWNLOADS_DIR}/sssom/{}--{}.sssom.tsv", cw.a.cert, cw.b.cert);
            out.add(path.clone(), of_crosswalk(ctx, &path, cw));
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        let name = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".sssom.tsv");
        if let Some((a, b)) = name.split_once("--") {
            return [a, b]
                .iter()
                .filter_map(|x| ctx.corpus.certs.iter().find(|c| c.id.as_str() == *x))
                .map(|c| c.id.clone())
                .collect();
        }
        ctx.corpus
            .correspondences
            .iter()
            .filter(|t| t.id.as_str() == name)
            .flat_map(|t| [t.from.clone(), t.to.clone()])
            .collect()
    }
}
