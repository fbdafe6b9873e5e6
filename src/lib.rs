//! `referentiel` turns French professional certification referentials (titres professionnels,
//! BTS) into a checked knowledge base and a static web site.
//!
//! Data flows through once, in one direction:
//!
//! ```text
//! data/*.yaml ─ load ─ check (diagnostics) ─ model ─ graph ─ list / export / site
//! ```
//!
//! - [`load`] reads the YAML files and source documents, turning parse failures into diagnostics;
//! - [`check`] enforces every rule of `docs/data-format.md` and proves every cited text;
//! - [`model`] holds the checked data as plain values, [`graph`] links them, [`fiche`] reads each
//!   compétence as its fiche (conditions, critères, savoir-faire, savoirs, évaluation);
//! - [`site`] renders the static site.
//!
//! [`load_corpus`] runs the first three steps.

pub mod check;
pub mod compare;
pub mod config;
pub mod crosswalk;
pub mod diag;
pub mod diff;
pub mod fiche;
pub mod graph;
pub mod ids;
pub mod lang;
pub mod list;
pub mod load;
pub mod model;
pub mod present;
pub mod schema;
pub mod search;
pub mod site;
pub mod sources;
pub mod text;
pub mod urls;
pub mod vocabulary;

use std::path::Path;

use diag::{Diagnostic, Diagnostics};
use model::Corpus;

/// Load, check and model a data folder: the corpus, or every problem found in it.
pub fn load_corpus(data_dir: &Path) -> Result<Corpus, Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    let loaded = load::load_dir(data_dir, &mut diags);
    let checked = check::run(&loaded, &mut diags);
    if !diags.is_empty() {
        return Err(diags.into_sorted());
    }
    Ok(Corpus::build(checked))
}
