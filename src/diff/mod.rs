//! `referentiel diff`: what changed in meaning between two certifications (a referential and its
//! renewal), or between two versions of the data (two folders, two git revisions).
//!
//! [`diff`] aligns the elements of both sides ([`align`]: official tables, then codes, then
//! French similarity, children under their aligned parents), classes every pairing ([`classify`]:
//! unchanged, reworded, moved, split, merged, added, removed), and returns a [`DiffReport`] that
//! [`render`] prints as text, markdown or JSON (schema in `docs/diff-format.md`) and that the site
//! renders as a page per lineage pair ([`lineage_pairs`]).

pub mod align;
pub mod classify;
pub mod coverage;
pub(crate) mod history;
pub mod render;
pub mod source;
pub mod units;
pub mod words;

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::ids::CertId;
use crate::model::Corpus;

pub use crate::compare::{Item, Side};
pub use align::Reason;
pub use classify::{Change, Class, Degree, Summary};
pub use coverage::{Coverage, Level};
pub use units::{UnitVerdict, Verdict};
pub use words::WordOp;

/// The thresholds of the alignment (all scores are in `[0, 1]`).
#[derive(Clone, Debug, Serialize)]
pub struct DiffOptions {
    /// Minimum weighted Dice similarity to pair two elements under aligned parents (0.4).
    pub(crate) group_threshold: f32,
    /// Minimum similarity to pair two elements anywhere in the trees: a move (0.6).
    pub(crate) move_threshold: f32,
    /// Minimum share of a piece's weight contained in the whole, for a split or merge (0.6).
    pub(crate) part_threshold: f32,
    /// Minimum share of the whole's weight that the pieces cover together (0.6).
    pub(crate) cover_threshold: f32,
    /// Minimum similarity for the same local id to pair two versions of an element (0.2).
    pub(crate) same_id_floor: f32,
    /// A code pair is refused when one of its elements is more similar than this margin (0.25),
    /// and at least `group_threshold`, to another free element of the group: codes are often
    /// positions, and positions change between versions.
    pub(crate) code_margin: f32,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            group_threshold: 0.4,
            move_threshold: 0.6,
            part_threshold: 0.6,
            cover_threshold: 0.6,
            same_id_floor: 0.2,
            code_margin: 0.25,
        }
    }
}

/// Everything a diff found: the summary first, then every change in tree order.
#[derive(Clone, Debug, Serialize)]
pub struct DiffReport {
    /// Version of the JSON format (`docs/diff-format.md`).
    pub format: u32,
    pub old: Side,
    pub new: Side,
    pub options: DiffOptions,
    /// What each side describes and which levels are compared (#25): said first.
    pub coverage: Coverage,
    pub summary: Summary,
    /// A verdict per certifying unit of the new version, then the old units without counterpart.
    pub units: Vec<UnitVerdict>,
    pub changes: Vec<Change>,
}

impl DiffReport {
    /// The changes of one class.
    pub fn of_class(&self, class: Class) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.class == class)
    }
}

/// Compare certification `old_cert` of `old` with `new_cert` of `new` (the two corpora may be the
/// same, or two versions of the data). A certification missing from its corpus counts as empty:
/// check with [`require_cert`] first to report it.
pub fn diff(
    old: &Corpus,
    old_cert: &CertId,
    new: &Corpus,
    new_cert: &CertId,
    opts: &DiffOptions,
) -> DiffReport {
    let old_tree = crate::compare::Tree::build(old, old_cert);
    let new_tree = crate::compare::Tree::build(new, new_cert);
    let alignment = align::align(old, &old_tree, new, &new_tree, opts);
    let coverage = coverage::coverage(old, &old_tree, new, &new_tree);
    // Only the levels both sides describe are compared; the rest is counted apart (`coverage`).
    let changes: Vec<Change> = classify::classify(&old_tree, &new_tree, &alignment)
        .into_iter()
        .filter(|c| coverage.compares(c.kind))
        .collect();
    let mut summary = classify::summarize(&old_tree, &new_tree, &changes);
    summary.old_elements = old_tree.elems.iter().filter(|e| coverage.compares(e.kind)).count();
    summary.new_elements = new_tree.elems.iter().filter(|e| coverage.compares(e.kind)).count();
    let units = units::verdicts(old, &old_tree, new, &new_tree, &alignment, &changes, &coverage);
    DiffReport {
        format: 1,
        old: Side::of(old, old_cert),
        new: Side::of(new, new_cert),
        options: opts.clone(),
        coverage,
        summary,
        units,
        changes,
    }
}

/// Predecessor → successor pairs of certifications that are both in the corpus (from the
/// certifications' `predecessors` and `successors`), in the corpus order: one diff page each.
pub fn lineage_pairs(corpus: &Corpus) -> Vec<(CertId, CertId)> {
    let mut out: Vec<(CertId, CertId)> = Vec::new();
    for c in &corpus.certs {
        let pairs = c
            .predecessors
            .iter()
            .map(|p| (p.id.clone(), c.id.clone()))
            .chain(c.successors.iter().map(|s| (c.id.clone(), s.id.clone())));
        for (a, b) in pairs {
            if a != b
                && corpus.cert(&a).is_some()
                && corpus.cert(&b).is_some()
                && !out.contains(&(a.clone(), b.clone()))
            {
                out.push((a, b));
            }
        }
    }
    out
}

/// What can go wrong before a diff can be computed.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// No certification with this id in the data of this side.
    #[error("{}", crate::words::errors::no_cert_for(.id, .side, .hint.as_deref()))]
    UnknownCert { side: &'static str, id: String, hint: Option<String> },
    /// The data of one side does not pass the checks.
    #[error("{}", crate::words::command::data_problems(.origin, .diagnostics.len()))]
    Data { origin: String, diagnostics: Vec<Diagnostic> },
    /// A git revision could not be exported.
    #[error("{}", crate::words::command::cannot_read_revision(.rev, .message))]
    Git { rev: String, message: String },
    /// A folder could not be resolved or made (the data folder, the temporary export).
    #[error("{}", crate::words::errors::at(.path, .source))]
    Io { path: std::path::PathBuf, source: std::io::Error },
    /// `tar` could not be run.
    #[error("{}", crate::words::command::cannot_run("tar", &.0.to_string()))]
    NoTar(#[source] std::io::Error),
    /// `tar` failed, with its message.
    #[error("{}", crate::words::command::tar_failed(.0))]
    Tar(String),
    /// `git archive` gave no output to read, or could not be waited for.
    #[error("{}", crate::words::command::NO_ARCHIVE_OUTPUT)]
    NoArchive,
    #[error(transparent)]
    Archive(std::io::Error),
}

/// Check that `id` names a certification of `corpus`, with a suggestion when it does not.
pub fn require_cert(corpus: &Corpus, id: &str, side: &'static str) -> Result<CertId, DiffError> {
    corpus.require_cert(id).map_err(|u| DiffError::UnknownCert { side, id: u.id, hint: u.hint })
}
