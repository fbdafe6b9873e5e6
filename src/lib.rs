//! `referentiel` turns French professional certification referentials (titres professionnels,
//! BTS) into a checked knowledge base and a static web site.
//!
//! Data flows through once, in one direction:
//!
//! ```text
//! data/*.yaml → load (diagnostics) → check → model → graph → {search, compare → diff/crosswalk, outputs (html, case, skos, sssom, csv, json)}
//! ```
//!
//! - [`load`] reads the YAML files and source documents, turning parse failures into diagnostics;
//! - [`check`] enforces every rule of `docs/data-format.md` and proves every cited text;
//! - [`model`] holds the checked data as plain values, [`graph`] links them, [`fiche`] reads each
//!   compétence as its fiche (conditions, critères, savoir-faire, savoirs, évaluation);
//! - [`outputs`] are the static site ([`site`]) and the exports (CASE, SKOS, SSSOM, CSV, JSON …),
//!   each an output of its own, which [`build`] runs into one folder, link-checks and publishes;
//!   [`serve`] serves the site and rebuilds it as the data changes.
//!
//! [`load_corpus`] runs the first three steps.

pub mod build;
pub mod check;
pub mod compare;
pub mod config;
pub mod crosswalk;
pub mod diag;
pub mod diff;
pub mod fiche;
pub mod graph;
pub mod grids;
pub mod ids;
pub mod import;
pub mod lang;
pub mod list;
pub mod load;
pub mod model;
pub mod outputs;
pub mod phases;
pub mod plan;
pub mod present;
pub mod schema;
pub mod scratch;
pub mod search;
pub mod serve;
pub mod site;
pub mod sources;
pub mod text;
pub mod urls;
pub mod words;

use std::path::Path;

use diag::{Diagnostic, Diagnostics};
use model::Corpus;

/// Load, check and model a data folder: the corpus, or every problem found in it.
pub fn load_corpus(data_dir: &Path) -> Result<Corpus, Vec<Diagnostic>> {
    check_corpus(data_dir).0
}

/// What a check of a data folder keeps for the next check of the same folder (`serve`): the
/// parsed files, so that only the files whose text changed are parsed again, and the results of
/// the checker's pure, costly parts ([`check::Memo`]). Every rule still runs on the whole data.
#[derive(Default)]
pub struct Kept {
    parsed: load::Parsed,
    memo: check::Memo,
}

impl Kept {
    /// How many searches for a cited text the last check made ([`check::Memo::searched`]).
    pub fn searched(&self) -> usize {
        self.memo.searched()
    }
}

/// [`load_corpus`] again, after a change: what did not change is taken from `kept`, which is
/// left holding this check's.
pub fn load_corpus_kept(data_dir: &Path, kept: &mut Kept) -> Result<Corpus, Vec<Diagnostic>> {
    check_corpus_kept(data_dir, kept).0
}

/// Like [`load_corpus`], with the coverage of each source document, also when the data has
/// problems (it is empty when problems other than coverage stopped the coverage pass).
pub fn check_corpus(
    data_dir: &Path,
) -> (Result<Corpus, Vec<Diagnostic>>, Vec<check::coverage::DocCoverage>) {
    check_corpus_kept(data_dir, &mut Kept::default())
}

fn check_corpus_kept(
    data_dir: &Path,
    kept: &mut Kept,
) -> (Result<Corpus, Vec<Diagnostic>>, Vec<check::coverage::DocCoverage>) {
    let mut diags = Diagnostics::default();
    let loaded = phases::time("load: read and parse", || {
        load::load_dir_kept(data_dir, &mut diags, &mut kept.parsed)
    });
    let checked = phases::time("check", || check::run_kept(&loaded, &mut diags, &mut kept.memo));
    if diags.is_empty() && checked.index.certs.is_empty() {
        let folder = diag::Pos { file: data_dir.to_path_buf(), line: 0, column: 0 };
        diags.push(
            Diagnostic::new(diag::Code::Invalid, &folder, crate::words::diag::NO_CERTIFICATION)
                .hint(crate::words::diag::NO_CERTIFICATION_HINT),
        );
    }
    let coverage = checked.coverage.clone();
    if !diags.is_empty() {
        return (Err(diags.into_sorted()), coverage);
    }
    let mut warnings: Vec<String> = loaded
        .empty
        .iter()
        .map(|p| crate::words::diag::empty_file(&p.display().to_string()))
        .collect();
    warnings.extend(uncertain_warnings(&loaded));
    let mut corpus = phases::time("model", || Corpus::build(checked));
    corpus.warnings = warnings;
    (Ok(corpus), coverage)
}

/// One warning per element that `referentiel import` marked `uncertain`: the places of a draft
/// that a person must still read against the source.
fn uncertain_warnings(loaded: &load::Loaded) -> Vec<String> {
    let mut out = Vec::new();
    for f in &loaded.files {
        for e in &f.data.elements {
            if let Some(reason) = &e.uncertain {
                let pos = f.pos(&e.id);
                out.push(words::import::uncertain_warning(
                    &format!("{}:{}:{}", pos.file.display(), pos.line, pos.column),
                    &e.id.value,
                    &reason.value,
                ));
            }
        }
    }
    out
}
