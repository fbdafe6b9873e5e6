//! The certification record: identity, codes, level, dates, lineage.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Cited, Lines, Sp};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// The certification's id (`ntc-2018`): lower case, digits, `-` and `.`; the folder's name by convention.
    pub id: Sp<String>,
    /// `titre_professionnel`, `bts`, or `non_precise` when the documents only name it.
    pub kind: Sp<CertKind>,
    /// Groups the versions of one certification (`ntc`): the home page and the diffs follow it.
    pub lineage: Sp<String>,
    /// A short label of this version (`"2018"`).
    pub version: Sp<String>,
    /// True when the documents only name this certification (an old version): it has no elements.
    #[serde(default)]
    pub only_named: bool,
    /// The title as printed (cited), with its other printings as `variants`.
    pub title: CitedWithVariants,
    /// The sigle as printed (`NTC`), cited.
    pub sigle: Option<Cited>,
    /// The certification's codes by system (RNCP, TP, NSF, ROME, Formacode), each cited.
    #[serde(default)]
    pub codes: Codes,
    /// The level as printed (`Niveau 5 (Cadre national des certifications 2019)`), with its value and nomenclature.
    #[serde(default)]
    pub level: Vec<Level>,
    /// Dated acts (arrêté, publication, effect, sessions…), each with its role and cited text.
    #[serde(default)]
    pub dates: Vec<DateEntry>,
    /// The certifications this one replaces, by id, each optionally with the text that says so.
    #[serde(default)]
    pub predecessors: Vec<CertLink>,
    /// The certifications that replace this one, by id, each optionally with the text that says so.
    #[serde(default)]
    pub successors: Vec<CertLink>,
    /// An editor's note (not source text; shown as such).
    pub note: Option<Sp<String>>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CertKind {
    TitreProfessionnel,
    Bts,
    /// A certification that the documents only name, without saying what kind it is.
    NonPrecise,
}

impl CertKind {
    /// The YAML name (`titre_professionnel`).
    pub fn name(self) -> &'static str {
        match self {
            CertKind::TitreProfessionnel => "titre_professionnel",
            CertKind::Bts => "bts",
            CertKind::NonPrecise => "non_precise",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CertKind::TitreProfessionnel => crate::words::cert_kind::TitreProfessionnel,
            CertKind::Bts => crate::words::cert_kind::Bts,
            CertKind::NonPrecise => crate::words::cert_kind::NonPrecise,
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitedWithVariants {
    /// The text, exactly as printed (wrapped lines joined, line-end hyphenation repaired).
    pub text: Sp<String>,
    /// Where it is printed: a line (`309`) or an inclusive range (`368-369`) of the source.
    pub lines: Sp<Lines>,
    /// The source document's id in `sources.yaml` (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
    /// Other printings of the same text, each cited (identical or not).
    #[serde(default)]
    pub variants: Vec<Cited>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Codes {
    /// RNCP fiche numbers (`"7141"`).
    #[serde(default)]
    pub rncp: Vec<CodeEntry>,
    /// Titre professionnel codes (`TP-00338`).
    #[serde(default)]
    pub tp: Vec<CodeEntry>,
    /// NSF domain codes (`312t`), with their label.
    #[serde(default)]
    pub(crate) nsf: Vec<CodeEntry>,
    /// ROME job codes (`D1402`), with their label.
    #[serde(default)]
    pub rome: Vec<CodeEntry>,
    /// Formacode codes (`"34572"`).
    #[serde(default)]
    pub(crate) formacode: Vec<CodeEntry>,
}

impl Codes {
    /// Every code with its system name, in a fixed order.
    pub fn iter(&self) -> impl Iterator<Item = (CodeSystem, &CodeEntry)> {
        [
            (CodeSystem::Rncp, &self.rncp),
            (CodeSystem::Tp, &self.tp),
            (CodeSystem::Nsf, &self.nsf),
            (CodeSystem::Rome, &self.rome),
            (CodeSystem::Formacode, &self.formacode),
        ]
        .into_iter()
        .flat_map(|(s, v)| v.iter().map(move |c| (s, c)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CodeSystem {
    Rncp,
    Tp,
    Nsf,
    Rome,
    Formacode,
}

impl CodeSystem {
    pub fn label(self) -> &'static str {
        match self {
            CodeSystem::Rncp => crate::words::code_system::Rncp,
            CodeSystem::Tp => crate::words::code_system::Tp,
            CodeSystem::Nsf => crate::words::code_system::Nsf,
            CodeSystem::Rome => crate::words::code_system::Rome,
            CodeSystem::Formacode => crate::words::code_system::Formacode,
        }
    }
    pub(crate) fn slug(self) -> &'static str {
        match self {
            CodeSystem::Rncp => "rncp",
            CodeSystem::Tp => "tp",
            CodeSystem::Nsf => "nsf",
            CodeSystem::Rome => "rome",
            CodeSystem::Formacode => "formacode",
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeEntry {
    /// The code as printed; it must be found at `lines`.
    pub code: Sp<String>,
    /// Its label as printed, when given (found at `lines` too).
    pub label: Option<Sp<String>>,
    /// Where the code is printed.
    pub lines: Sp<Lines>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// The level as printed (cited).
    pub text: Sp<String>,
    /// Its value, normalised (`"5"`).
    pub value: Sp<String>,
    /// Its nomenclature, normalised (`Cadre national des certifications 2019`).
    pub(crate) nomenclature: Sp<String>,
    /// Where `text` is printed.
    pub lines: Sp<Lines>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateEntry {
    /// What the date is: `arrete`, `publication_jo`, `effet`, `creation`, `premiere_session`, `derniere_session`, `validation`, `mise_a_jour`, `abrogation`.
    pub role: Sp<DateRole>,
    /// The date as printed (cited).
    pub text: Sp<String>,
    /// ISO form (YYYY-MM-DD), when the text is a full date.
    pub date: Option<Sp<String>>,
    /// Where `text` is printed.
    pub lines: Sp<Lines>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Hash, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateRole {
    Arrete,
    PublicationJo,
    Effet,
    Creation,
    PremiereSession,
    DerniereSession,
    Validation,
    MiseAJour,
    Abrogation,
}

impl DateRole {
    pub fn label(self) -> &'static str {
        match self {
            DateRole::Arrete => crate::words::date_role::Arrete,
            DateRole::PublicationJo => crate::words::date_role::PublicationJo,
            DateRole::Effet => crate::words::date_role::Effet,
            DateRole::Creation => crate::words::date_role::Creation,
            DateRole::PremiereSession => crate::words::date_role::PremiereSession,
            DateRole::DerniereSession => crate::words::date_role::DerniereSession,
            DateRole::Validation => crate::words::date_role::Validation,
            DateRole::MiseAJour => crate::words::date_role::MiseAJour,
            DateRole::Abrogation => crate::words::date_role::Abrogation,
        }
    }
}

/// A predecessor or successor, with the text that says so.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertLink {
    /// The other certification's id.
    pub id: Sp<String>,
    /// The text that states the succession, as printed (cited).
    pub text: Option<Sp<String>>,
    /// Where `text` is printed.
    pub lines: Option<Sp<Lines>>,
    /// The source document's id (default: the file's `doc`).
    pub doc: Option<Sp<String>>,
}
