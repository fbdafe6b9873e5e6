//! Tables: matrices (rows × columns of marks) and correspondences between certifications.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Cited, Lines, Sp};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    /// The matrix's id, unique in the certification.
    pub id: Sp<String>,
    /// The table's title as printed (cited).
    pub title: Cited,
    /// The rows, in the document's order.
    pub rows: Vec<Header>,
    /// The columns, in the document's order.
    pub columns: Vec<Header>,
    /// The state of every cell not listed in `cells`.
    pub default: Option<Sp<CellState>>,
    /// The cells whose state is not the default, each with its row and column keys.
    #[serde(default)]
    pub cells: Vec<Cell>,
    /// An editor's note: how the marks are printed, what the extraction lost.
    pub note: Option<Sp<String>>,
}

/// A row or a column of a matrix.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The row's or column's key, unique in the matrix.
    pub key: Sp<String>,
    /// The element it stands for, when there is one.
    #[serde(rename = "ref")]
    pub reference: Option<Sp<String>>,
    /// Its heading as printed (cited); omitted when `lost`.
    pub text: Option<Sp<String>>,
    /// Where the heading is printed.
    pub lines: Option<Sp<Lines>>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
    /// True when the extraction lost the heading itself.
    #[serde(default)]
    pub lost: bool,
    /// An editor's note.
    pub note: Option<Sp<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// The row's key.
    pub row: Sp<String>,
    /// The column's key.
    pub col: Sp<String>,
    /// `marked`, `unmarked`, `lost` (never guess) or `uncertain` (say why in `note`).
    pub state: Sp<CellState>,
    /// What is printed in the cell, when anything (cited).
    pub text: Option<Sp<String>>,
    /// Where the cell's mark or text is printed.
    pub lines: Option<Sp<Lines>>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
    /// Why the state is what it is, when not plain.
    pub note: Option<Sp<String>>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    Marked,
    Unmarked,
    /// The extraction lost the cell: nothing can be said of it.
    Lost,
    /// Something is printed, but where it belongs is not certain.
    Uncertain,
}

impl CellState {
    pub fn name(self) -> &'static str {
        match self {
            CellState::Marked => "marked",
            CellState::Unmarked => "unmarked",
            CellState::Lost => "lost",
            CellState::Uncertain => "uncertain",
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correspondence {
    /// The table's id.
    pub id: Sp<String>,
    /// `official` (printed in a document), `curated` (written by a person) or `inferred` (read from the layout).
    pub status: Sp<CorrespondenceStatus>,
    /// The certification the `from` ids of the pairs belong to.
    pub from: Sp<String>,
    /// The certification the `to` ids of the pairs belong to.
    pub to: Sp<String>,
    /// The table's title as printed (cited), for an official table.
    pub title: Option<Cited>,
    /// The default source document of the pairs' `lines`.
    pub doc: Option<Sp<String>>,
    /// The default relation of the pairs (SKOS: `exact_match`, `close_match`, `broad_match`, `narrow_match`, `related_match`; or `replaced_by` / `replaces`).
    pub relation: Option<Sp<Relation>>,
    /// Who wrote a curated table.
    pub author: Option<Sp<String>>,
    /// When a curated table was written or last reviewed (YYYY-MM-DD).
    pub date: Option<Sp<String>>,
    /// How the table was read (required for an inferred table).
    pub note: Option<Sp<String>>,
    /// The pairs of the table.
    #[serde(default)]
    pub pairs: Vec<Pair>,
    /// #26: suggestions a reviewer rejected (curated tables), each with its `justification`:
    /// never suggested again, never a link.
    #[serde(default)]
    pub(crate) rejected: Vec<Pair>,
}

#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CorrespondenceStatus {
    /// Printed in a source document.
    Official,
    /// Written by a person, with a justification.
    Curated,
    /// Read from a source document's layout (two lists printed side by side, in the same order),
    /// which does not state the correspondence itself; the table's `note` says how it was read.
    Inferred,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// Elements of the `from` certification (empty when the document says there is no counterpart).
    #[serde(default)]
    pub from: Vec<Sp<String>>,
    /// Elements of the `to` certification (empty when the document says there is no counterpart).
    #[serde(default)]
    pub to: Vec<Sp<String>>,
    /// The pair's relation, when it differs from the table's.
    pub relation: Option<Sp<Relation>>,
    /// Where the document prints the pair.
    pub lines: Option<Sp<Lines>>,
    /// The source document's id (default: the table's `doc`).
    pub doc: Option<Sp<String>>,
    /// The pair as printed (cited).
    pub text: Option<Sp<String>>,
    /// An editor's note.
    pub note: Option<Sp<String>>,
    /// For a curated pair: why, citing both fiches.
    pub justification: Option<Sp<String>>,
    /// #26: who reviewed this pair, when it differs from the table's `author`.
    pub author: Option<Sp<String>>,
    /// #26: when this pair was reviewed (YYYY-MM-DD), when it differs from the table's `date`.
    pub date: Option<Sp<String>>,
}

/// SKOS mapping relations, plus succession between versions.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    ExactMatch,
    CloseMatch,
    BroadMatch,
    NarrowMatch,
    RelatedMatch,
    ReplacedBy,
    Replaces,
}

impl Relation {
    /// The relation read from the other side.
    pub fn inverse(self) -> Relation {
        match self {
            Relation::BroadMatch => Relation::NarrowMatch,
            Relation::NarrowMatch => Relation::BroadMatch,
            Relation::ReplacedBy => Relation::Replaces,
            Relation::Replaces => Relation::ReplacedBy,
            r => r,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Relation::ExactMatch => "exact_match",
            Relation::CloseMatch => "close_match",
            Relation::BroadMatch => "broad_match",
            Relation::NarrowMatch => "narrow_match",
            Relation::RelatedMatch => "related_match",
            Relation::ReplacedBy => "replaced_by",
            Relation::Replaces => "replaces",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Relation::ExactMatch => crate::words::relation::ExactMatch,
            Relation::CloseMatch => crate::words::relation::CloseMatch,
            Relation::BroadMatch => crate::words::relation::BroadMatch,
            Relation::NarrowMatch => crate::words::relation::NarrowMatch,
            Relation::RelatedMatch => crate::words::relation::RelatedMatch,
            Relation::ReplacedBy => crate::words::relation::ReplacedBy,
            Relation::Replaces => crate::words::relation::Replaces,
        }
    }
}
