//! The YAML format of `data/`, as serde types: what a data file may contain, nothing more.
//!
//! Every value that a diagnostic may point at is wrapped in [`Sp`] (serde-saphyr's `Spanned`), so
//! that later checks can report the file, line and column of the offending value. Unknown keys are
//! refused everywhere (`deny_unknown_fields`). `docs/data-format.md` documents this format for
//! people; this module is its definition for the program.

mod certification;
mod element;
pub mod json;
mod kinds;
mod lines;
mod tables;
mod vocabulary;

pub use certification::*;
pub use element::*;
pub use kinds::*;
pub use lines::Lines;
pub use tables::*;
pub use vocabulary::*;

use schemars::JsonSchema;
use serde::Deserialize;

/// A value with the position where the YAML wrote it (read through serde-saphyr's `Spanned`,
/// of which only the line and column are kept: a data folder holds hundreds of thousands of
/// spanned values, and `Spanned`'s two full locations would triple their size). A type of ours
/// so that it can also describe itself in the JSON Schema as the value it wraps.
#[derive(Clone, Debug)]
pub struct Sp<T> {
    pub value: T,
    /// Where the value is written.
    pub referenced: Loc,
}

/// A line and column in a data file, both counted from 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    line: u32,
    column: u32,
}

impl Loc {
    pub fn line(&self) -> u64 {
        self.line as u64
    }
    pub fn column(&self) -> u64 {
        self.column as u64
    }
}

impl From<&serde_saphyr::Location> for Loc {
    fn from(l: &serde_saphyr::Location) -> Loc {
        Loc {
            line: l.line().min(u32::MAX as u64) as u32,
            column: l.column().min(u32::MAX as u64) as u32,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        Ok(Sp { referenced: Loc::from(&s.referenced), value: s.value })
    }
}

/// In the JSON Schema, a spanned value is the value itself.
impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// One data file. Every key is optional; which ones make sense together is checked later.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// The source documents (only in `sources.yaml`).
    #[serde(default)]
    pub sources: Vec<SourceEntry>,
    /// The certification record (by convention in `certification.yaml`).
    pub certification: Option<Certification>,
    /// The certification that this file's elements and matrices belong to.
    #[serde(rename = "in")]
    pub(crate) in_cert: Option<Sp<String>>,
    /// The default source document for the `lines` of this file.
    pub doc: Option<Sp<String>>,
    /// Lines of `doc` that are page furniture (page numbers, footers, boilerplate), not content.
    #[serde(default)]
    pub noise: Vec<Sp<Lines>>,
    /// Lines of `doc` that are a table's layout (a repeated table header, a column heading).
    #[serde(default)]
    pub layout: Vec<Sp<Lines>>,
    /// The elements of the certification named by `in`.
    #[serde(default)]
    pub elements: Vec<Element>,
    /// The matrices (tables of marks) of the certification named by `in`.
    #[serde(default)]
    pub matrices: Vec<Matrix>,
    /// Tables that relate two certifications (official, curated or inferred).
    #[serde(default)]
    pub correspondences: Vec<Correspondence>,
    /// A domain vocabulary of ours (`data/vocabulary/`).
    pub vocabulary: Option<Vocabulary>,
}

/// A source document of `sources.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// The document's id, used by `doc`.
    pub id: Sp<String>,
    /// Its file name in `data/sources/` (the document byte for byte).
    pub file: Sp<String>,
    /// `reac`, `reac_re`, `rncp_fiche`, `referentiel_bts` or `arrete`.
    pub kind: Sp<SourceKind>,
    /// Its title, for readers.
    pub title: Sp<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Référentiel emploi activités compétences.
    Reac,
    /// REAC followed by its référentiel d'évaluation.
    ReacRe,
    /// A fiche of the Répertoire national des certifications professionnelles.
    RncpFiche,
    /// The référentiel of a BTS.
    ReferentielBts,
    /// An arrêté with its annexes.
    Arrete,
}

/// A text quoted from a source, with where it is printed.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cited {
    /// The text, exactly as printed (wrapped lines joined, line-end hyphenation repaired).
    pub text: Sp<String>,
    /// Where it is printed: a line (`309`) or an inclusive range (`368-369`) of the source.
    pub lines: Sp<Lines>,
    /// The source document's id in `sources.yaml` (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
}
