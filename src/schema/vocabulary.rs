//! The domain vocabulary (`data/vocabulary/*.yaml`): how readers ask (abbreviations, everyday and
//! English words, synonyms, expressions) mapped to the documents' own words. Curated by the project,
//! never official: each file names its author, date and status, each term its justification.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Cited, Sp};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// Who wrote the vocabulary.
    pub author: Sp<String>,
    /// ISO date of the last review (`2025-06-01`).
    pub date: Sp<String>,
    /// Always `curated`: a vocabulary is the project's, never official.
    pub status: Sp<VocabularyStatus>,
    /// What this file is for, in a sentence.
    pub about: Option<Sp<String>>,
    /// What reads its terms: `search`, `crosswalk` or `both` (the default). A term may say otherwise.
    #[serde(rename = "use")]
    pub(crate) used_by: Option<Sp<VocabularyUse>>,
    /// The terms.
    pub terms: Vec<Term>,
}

/// Only curated vocabularies exist: they are the project's, never an official text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VocabularyStatus {
    Curated,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// What a reader types: `rdv`, `kpi`, `client mécontent`.
    pub term: Sp<String>,
    /// `abbreviation`, `english`, `synonym`, `everyday` or `expression`: sets how much a match through it weighs.
    pub kind: Sp<TermKind>,
    /// The documents' own words that the term stands for, each a word or an expression.
    pub means: Vec<Sp<String>>,
    /// Why the term means what it means, from the documents' wording.
    pub justification: Sp<String>,
    /// For an abbreviation that a document defines itself: where it does so (text, lines, doc).
    pub defined: Option<Cited>,
    /// What reads this term, when not what its file says: `search`, `crosswalk` or `both`.
    #[serde(rename = "use")]
    pub(crate) used_by: Option<Sp<VocabularyUse>>,
}

/// What reads a vocabulary's terms. Search expands what readers type (everyday words, English,
/// a reader's phrasing); crosswalk compares two documents' wordings of one idea, where a reader's
/// loose equivalence (« vendre » for « négocier ») would make unrelated compétences meet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum VocabularyUse {
    /// Query expansion only.
    Search,
    /// Comparison of compétences only.
    Crosswalk,
    /// Both.
    #[default]
    Both,
}

impl VocabularyUse {
    pub fn search(self) -> bool {
        matches!(self, VocabularyUse::Search | VocabularyUse::Both)
    }

    pub fn crosswalk(self) -> bool {
        matches!(self, VocabularyUse::Crosswalk | VocabularyUse::Both)
    }
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// An abbreviation or acronym (`RGPD`, `rdv`).
    Abbreviation,
    /// A word of the same meaning in the trade (`embaucher` for recruter).
    Synonym,
    /// How people say it in everyday words (`client mécontent` for réclamation).
    Everyday,
    /// An English term of the trade (`closing`, `reporting`).
    English,
    /// A longer way of saying it (`trouver de nouveaux clients` for prospecter).
    Expression,
}

impl TermKind {
    pub const ALL: [TermKind; 5] = [
        TermKind::Abbreviation,
        TermKind::Synonym,
        TermKind::Everyday,
        TermKind::English,
        TermKind::Expression,
    ];

    /// How much a match through this term weighs against the literal words (1.0). An abbreviation
    /// names exactly its expansion; the others are near, not equal.
    pub fn weight(self) -> f64 {
        match self {
            TermKind::Abbreviation => 0.8,
            TermKind::English => 0.7,
            TermKind::Synonym => 0.6,
            TermKind::Everyday | TermKind::Expression => 0.5,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TermKind::Abbreviation => "abbreviation",
            TermKind::Synonym => "synonym",
            TermKind::Everyday => "everyday",
            TermKind::English => "english",
            TermKind::Expression => "expression",
        }
    }
}
