//! Tables: matrices (rows × columns of marks) and correspondences between certifications.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Cited, Lines, Sp};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub id: Sp<String>,
    pub title: Cited,
    pub rows: Vec<Header>,
    pub columns: Vec<Header>,
    pub default: Option<Sp<CellState>>,
    #[serde(default)]
    pub cells: Vec<Cell>,
    pub note: Option<Sp<String>>,
}

/// A row or a column of a matrix.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub key: Sp<String>,
    #[serde(rename = "ref")]
    pub reference: Option<Sp<String>>,
    pub text: Option<Sp<String>>,
    pub lines: Option<Sp<Lines>>,
    pub doc: Option<Sp<String>>,
    #[serde(default)]
    pub lost: bool,
    pub note: Option<Sp<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub row: Sp<String>,
    pub col: Sp<String>,
    pub state: Sp<CellState>,
    pub text: Option<Sp<String>>,
    pub lines: Option<Sp<Lines>>,
    pub doc: Option<Sp<String>>,
    pub note: Option<Sp<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
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
    pub id: Sp<String>,
    pub status: Sp<CorrespondenceStatus>,
    pub from: Sp<String>,
    pub to: Sp<String>,
    pub title: Option<Cited>,
    pub doc: Option<Sp<String>>,
    pub relation: Option<Sp<Relation>>,
    pub author: Option<Sp<String>>,
    pub date: Option<Sp<String>>,
    pub note: Option<Sp<String>>,
    #[serde(default)]
    pub pairs: Vec<Pair>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
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
    #[serde(default)]
    pub from: Vec<Sp<String>>,
    #[serde(default)]
    pub to: Vec<Sp<String>>,
    pub relation: Option<Sp<Relation>>,
    pub lines: Option<Sp<Lines>>,
    pub doc: Option<Sp<String>>,
    pub text: Option<Sp<String>>,
    pub note: Option<Sp<String>>,
    pub justification: Option<Sp<String>>,
}

/// SKOS mapping relations, plus succession between versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
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

