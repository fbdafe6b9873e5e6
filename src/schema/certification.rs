//! The certification record: identity, codes, level, dates, lineage.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Cited, Lines, Sp};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    pub id: Sp<String>,
    pub kind: Sp<CertKind>,
    pub lineage: Sp<String>,
    pub version: Sp<String>,
    #[serde(default)]
    pub only_named: bool,
    pub title: CitedWithVariants,
    pub sigle: Option<Cited>,
    #[serde(default)]
    pub codes: Codes,
    #[serde(default)]
    pub level: Vec<Level>,
    #[serde(default)]
    pub dates: Vec<DateEntry>,
    #[serde(default)]
    pub predecessors: Vec<CertLink>,
    #[serde(default)]
    pub successors: Vec<CertLink>,
    pub note: Option<Sp<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
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
    pub text: Sp<String>,
    pub lines: Sp<Lines>,
    pub doc: Option<Sp<String>>,
    #[serde(default)]
    pub variants: Vec<Cited>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Codes {
    #[serde(default)]
    pub rncp: Vec<CodeEntry>,
    #[serde(default)]
    pub tp: Vec<CodeEntry>,
    #[serde(default)]
    pub nsf: Vec<CodeEntry>,
    #[serde(default)]
    pub rome: Vec<CodeEntry>,
    #[serde(default)]
    pub formacode: Vec<CodeEntry>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    pub fn slug(self) -> &'static str {
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
    pub code: Sp<String>,
    pub label: Option<Sp<String>>,
    pub lines: Sp<Lines>,
    pub doc: Option<Sp<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub text: Sp<String>,
    pub value: Sp<String>,
    pub nomenclature: Sp<String>,
    pub lines: Sp<Lines>,
    pub doc: Option<Sp<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateEntry {
    pub role: Sp<DateRole>,
    pub text: Sp<String>,
    /// ISO form (YYYY-MM-DD), when the text is a full date.
    pub date: Option<Sp<String>>,
    pub lines: Sp<Lines>,
    pub doc: Option<Sp<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
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
    pub id: Sp<String>,
    pub text: Option<Sp<String>>,
    pub lines: Option<Sp<Lines>>,
    pub doc: Option<Sp<String>>,
}
