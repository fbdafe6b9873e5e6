//! `referentiel list`: the certifications with their element counts by kind, and the state of
//! their tables (how many cells are lost or uncertain).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::check::coverage::DocCoverage;
use crate::model::Corpus;
use crate::schema::CellState;

/// What `list` reports: the certifications, and how much of each source the data accounts for.
#[derive(Serialize)]
pub struct Listing {
    pub certifications: Vec<CertSummary>,
    pub coverage: Vec<DocCoverage>,
}

pub fn listing(corpus: &Corpus) -> Listing {
    Listing { certifications: summarize(corpus), coverage: corpus.coverage.clone() }
}

#[derive(Serialize)]
pub struct CertSummary {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub version: String,
    pub lineage: String,
    pub only_named: bool,
    pub elements: usize,
    pub counts: BTreeMap<String, usize>,
    pub matrices: Vec<MatrixSummary>,
}

#[derive(Serialize)]
pub struct MatrixSummary {
    pub id: String,
    pub rows: usize,
    pub columns: usize,
    pub marked: usize,
    pub unmarked: usize,
    pub lost: usize,
    pub uncertain: usize,
}

pub(crate) fn summarize(corpus: &Corpus) -> Vec<CertSummary> {
    corpus
        .certs
        .iter()
        .map(|c| {
            let counts = corpus.counts(&c.id);
            CertSummary {
                id: c.id.to_string(),
                title: c.title.text.clone(),
                kind: c.kind.name().to_string(),
                version: c.version.clone(),
                lineage: c.lineage.clone(),
                only_named: c.only_named,
                elements: counts.values().sum(),
                counts: counts.into_iter().map(|(k, n)| (k.name().to_string(), n)).collect(),
                matrices: corpus
                    .matrices
                    .iter()
                    .filter(|m| m.cert == c.id)
                    .map(|m| MatrixSummary {
                        id: m.id.to_string(),
                        rows: m.rows.len(),
                        columns: m.columns.len(),
                        marked: m.count(CellState::Marked),
                        unmarked: m.count(CellState::Unmarked),
                        lost: m.count(CellState::Lost),
                        uncertain: m.count(CellState::Uncertain),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The human-readable listing.
pub fn render_text(listing: &Listing) -> String {
    let mut out = String::new();
    for s in &listing.certifications {
        let named = if s.only_named { crate::words::listing::ONLY_NAMED } else { "" };
        let _ = writeln!(out, "{}  {} [{}]{named}", s.id, s.title, s.version);
        let _ = writeln!(out, "{}", crate::words::listing::elements(s.elements));
        for (k, n) in &s.counts {
            let _ = writeln!(out, "      {k:<28} {n:>5}");
        }
        for m in &s.matrices {
            let _ = writeln!(
                out,
                "{}",
                crate::words::listing::matrix(
                    &m.id,
                    m.rows,
                    m.columns,
                    m.marked,
                    m.unmarked,
                    m.lost,
                    m.uncertain
                )
            );
        }
    }
    out.push_str(&render_coverage(&listing.coverage));
    out
}

/// The coverage of each source document, one line each.
pub fn render_coverage(coverage: &[DocCoverage]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", crate::words::listing::COVERAGE);
    for c in coverage {
        let _ = writeln!(
            out,
            "{}",
            crate::words::listing::coverage_line(
                &c.doc,
                c.chars,
                c.percent(c.claimed),
                c.percent(c.declared),
                c.percent(c.unclaimed),
                c.unclaimed,
            )
        );
    }
    out
}

/// The listing as a markdown table, one row per certification.
pub fn render_markdown(listing: &Listing) -> String {
    let mut out = String::from(crate::words::listing::MARKDOWN_HEAD);
    for s in &listing.certifications {
        let tables: Vec<String> =
            s.matrices.iter().map(|m| format!("{} ({})", m.id, m.lost)).collect();
        let title = if s.only_named {
            format!("{}{}", s.title, crate::words::listing::ONLY_NAMED_SHORT)
        } else {
            s.title.clone()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            s.id,
            crate::compare::md(&title),
            s.version,
            s.elements,
            tables.join(", ")
        );
    }
    out
}
