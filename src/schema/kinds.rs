//! The kinds of element as data: one row per kind in `kinds!` carries every decision the
//! program makes about a kind (its family, title or statement, exported or not, its place in a
//! fiche, certifying unit or not, crosswalk group, diff level and pairing, search code prefix).
//! Each row is a [`KindSpec`] struct literal with every field and no default, so the compiler
//! refuses a row with a decision missing; the label and plural are read from
//! [`crate::words::kind`] and [`crate::words::kind_plural`] by the variant's name, so a kind
//! without its words does not compile either. `CONTRIBUTING.md` gives the recipe for a new kind.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Everything the program decides about one kind of element, in one place: each row of
/// `kinds!` writes one as a struct literal, every field given.
#[derive(Clone, Copy, Debug)]
pub struct KindSpec {
    /// What readers do with it; diff, crosswalk, search and the site group kinds by it.
    pub family: Family,
    /// Is its text a title (activité, compétence, unité …) rather than a statement (critère,
    /// savoir-faire, paragraph …)? Search weighs titles higher; the site sets them as headings;
    /// the checker looks for footnote calls at the end of titles.
    pub(crate) titled: bool,
    /// Does an element of this kind always hang from another (the checker refuses it without a
    /// `parent`)?
    pub(crate) always_child: bool,
    /// Is it part of the **framework** that the exports (CASE, SKOS, CSV, Moodle, spreadsheet)
    /// carry? Document layout, the glossary and legal references stay on the site and in JSON.
    pub(crate) exported: bool,
    /// Its place in a compétence's fiche ([`crate::fiche`]).
    pub fiche: FichePart,
    /// Does it group compétences so that a trainer prints them together (a printable bloc fiche:
    /// activité type, CCP, bloc de compétences, unité)?
    pub(crate) bloc: bool,
    /// `Some(rank)` when an element of this kind certifies (CCP, BTS unité, bloc de compétences);
    /// the rank orders the units that name one group in a diff (the lowest names it).
    pub unit: Option<u8>,
    /// The group of elements a crosswalk relates it in, if any.
    pub crosswalk: Option<CrosswalkGroup>,
    /// The level of description it belongs to in a diff.
    pub(crate) diff_level: DiffLevel,
    /// Which kinds a diff may pair it with.
    pub(crate) diff_pairs: Pairing,
    /// How its numbers are typed in search when the document prints only the number (`1` → `at1`).
    pub(crate) code_prefix: Option<&'static str>,
}

/// Declares [`Kind`] once, from rows `Variant => "yaml_name", KindSpec { decisions };`: the enum,
/// [`Kind::ALL`], the table of decisions, the serde names and the words' lookups are generated
/// from them. A kind's words are the constants named after its variant in [`crate::words::kind`]
/// (label) and [`crate::words::kind_plural`] (plural): a row without them does not compile.
macro_rules! kinds {
    ($($variant:ident => $name:literal, $spec:expr;)+) => {
        /// What an element is. The YAML spelling is the snake_case name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
        pub enum Kind {
            $(#[serde(rename = $name)] $variant,)+
        }

        /// The decisions of every kind, in declaration order (`SPECS[k as usize]` is `k`'s).
        const SPECS: &[KindSpec] = &[$($spec),+];

        impl Kind {
            /// Every kind, in declaration order (the order of the site's kind filter).
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),+];

            /// The YAML name (`competence_professionnelle`).
            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name,)+ }
            }

            /// The French label shown to readers.
            pub fn label(self) -> &'static str {
                match self { $(Kind::$variant => crate::words::kind::$variant,)+ }
            }

            /// The French label in the plural, for headings ("Critères d’évaluation").
            pub fn plural(self) -> &'static str {
                match self { $(Kind::$variant => crate::words::kind_plural::$variant,)+ }
            }

            /// The kind of a YAML name.
            #[cfg(test)]
            pub(crate) fn from_name(name: &str) -> Option<Kind> {
                match name { $($name => Some(Kind::$variant),)+ _ => None }
            }
        }
    };
}

kinds! {
    Section => "section", KindSpec {
        family: Family::Document, titled: true, always_child: false, exported: false,
        fiche: FichePart::WalkedThrough, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Document, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Paragraphe => "paragraphe", KindSpec {
        family: Family::Document, titled: false, always_child: false, exported: false,
        fiche: FichePart::WalkedThrough, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Document, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    ActiviteType => "activite_type", KindSpec {
        family: Family::Activite, titled: true, always_child: false, exported: true,
        fiche: FichePart::Own, bloc: true, unit: None, crosswalk: None,
        diff_level: DiffLevel::Activites, diff_pairs: Pairing::Activites, code_prefix: Some("at"),
    };
    Fonction => "fonction", KindSpec {
        family: Family::Activite, titled: true, always_child: false, exported: true,
        fiche: FichePart::Own, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Activites, diff_pairs: Pairing::Activites, code_prefix: None,
    };
    SousFonction => "sous_fonction", KindSpec {
        family: Family::Activite, titled: true, always_child: true, exported: true,
        fiche: FichePart::Own, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Activites, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Tache => "tache", KindSpec {
        family: Family::Activite, titled: true, always_child: true, exported: true,
        fiche: FichePart::Own, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Activites, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    BlocCompetences => "bloc_competences", KindSpec {
        family: Family::Evaluation, titled: true, always_child: false, exported: true,
        fiche: FichePart::Own, bloc: true, unit: Some(2), crosswalk: None,
        diff_level: DiffLevel::Unites, diff_pairs: Pairing::Itself, code_prefix: Some("bloc"),
    };
    CompetenceProfessionnelle => "competence_professionnelle", KindSpec {
        family: Family::Competence, titled: true, always_child: false, exported: true,
        fiche: FichePart::Own, bloc: false, unit: None,
        crosswalk: Some(CrosswalkGroup::Competences), diff_level: DiffLevel::Competences,
        diff_pairs: Pairing::Competences, code_prefix: None,
    };
    CompetenceTransversale => "competence_transversale", KindSpec {
        family: Family::Competence, titled: true, always_child: false, exported: true,
        fiche: FichePart::Own, bloc: false, unit: None,
        crosswalk: Some(CrosswalkGroup::Competences), diff_level: DiffLevel::Competences,
        diff_pairs: Pairing::Competences, code_prefix: None,
    };
    Competence => "competence", KindSpec {
        family: Family::Competence, titled: true, always_child: false, exported: true,
        fiche: FichePart::Own, bloc: false, unit: None,
        crosswalk: Some(CrosswalkGroup::Competences), diff_level: DiffLevel::Competences,
        diff_pairs: Pairing::Competences, code_prefix: None,
    };
    Description => "description", KindSpec {
        family: Family::Contexte, titled: false, always_child: false, exported: true,
        fiche: FichePart::Description, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Contextes, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Contexte => "contexte", KindSpec {
        family: Family::Contexte, titled: false, always_child: false, exported: true,
        fiche: FichePart::Contexte, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Contextes, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    ConditionExercice => "condition_exercice", KindSpec {
        family: Family::Contexte, titled: false, always_child: false, exported: true,
        fiche: FichePart::Contexte, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Contextes, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Autonomie => "autonomie", KindSpec {
        family: Family::Contexte, titled: false, always_child: false, exported: true,
        fiche: FichePart::Contexte, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Contextes, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    ResultatAttendu => "resultat_attendu", KindSpec {
        family: Family::Contexte, titled: false, always_child: false, exported: true,
        fiche: FichePart::Contexte, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Contextes, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    ConditionRealisation => "condition_realisation", KindSpec {
        family: Family::Contexte, titled: false, always_child: false, exported: true,
        fiche: FichePart::Conditions, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Contextes, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    CriterePerformance => "critere_performance", KindSpec {
        family: Family::Critere, titled: false, always_child: true, exported: true,
        fiche: FichePart::Criteres, bloc: false, unit: None,
        crosswalk: Some(CrosswalkGroup::Criteres), diff_level: DiffLevel::Criteres,
        diff_pairs: Pairing::Criteres, code_prefix: None,
    };
    CritereEvaluation => "critere_evaluation", KindSpec {
        family: Family::Critere, titled: false, always_child: true, exported: true,
        fiche: FichePart::Criteres, bloc: false, unit: None,
        crosswalk: Some(CrosswalkGroup::Criteres), diff_level: DiffLevel::Criteres,
        diff_pairs: Pairing::Criteres, code_prefix: None,
    };
    SavoirFaire => "savoir_faire", KindSpec {
        family: Family::SavoirFaire, titled: false, always_child: true, exported: true,
        fiche: FichePart::SavoirFaire, bloc: false, unit: None,
        crosswalk: Some(CrosswalkGroup::Savoirs), diff_level: DiffLevel::Savoirs,
        diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Savoir => "savoir", KindSpec {
        family: Family::Savoir, titled: false, always_child: false, exported: true,
        fiche: FichePart::Savoirs, bloc: false, unit: None,
        crosswalk: Some(CrosswalkGroup::Savoirs), diff_level: DiffLevel::Savoirs,
        diff_pairs: Pairing::Savoirs, code_prefix: None,
    };
    SavoirAssocie => "savoir_associe", KindSpec {
        family: Family::Savoir, titled: true, always_child: false, exported: true,
        fiche: FichePart::Savoirs, bloc: false, unit: None,
        crosswalk: Some(CrosswalkGroup::Savoirs), diff_level: DiffLevel::Savoirs,
        diff_pairs: Pairing::Savoirs, code_prefix: None,
    };
    LimiteConnaissances => "limite_connaissances", KindSpec {
        family: Family::Limite, titled: false, always_child: true, exported: true,
        fiche: FichePart::Limites, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Savoirs, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Theme => "theme", KindSpec {
        family: Family::Limite, titled: true, always_child: false, exported: true,
        fiche: FichePart::Limites, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Savoirs, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Unite => "unite", KindSpec {
        family: Family::Evaluation, titled: true, always_child: false, exported: true,
        fiche: FichePart::Outside, bloc: true, unit: Some(1), crosswalk: None,
        diff_level: DiffLevel::Unites, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Epreuve => "epreuve", KindSpec {
        family: Family::Evaluation, titled: true, always_child: false, exported: true,
        fiche: FichePart::Outside, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Unites, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Ccp => "ccp", KindSpec {
        family: Family::Evaluation, titled: true, always_child: false, exported: true,
        fiche: FichePart::Outside, bloc: true, unit: Some(0), crosswalk: None,
        diff_level: DiffLevel::Unites, diff_pairs: Pairing::Itself, code_prefix: Some("ccp"),
    };
    ModaliteEvaluation => "modalite_evaluation", KindSpec {
        family: Family::Evaluation, titled: true, always_child: false, exported: true,
        fiche: FichePart::Outside, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Evaluation, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    SituationEvaluation => "situation_evaluation", KindSpec {
        family: Family::Evaluation, titled: true, always_child: false, exported: true,
        fiche: FichePart::Outside, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Evaluation, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Glossaire => "glossaire", KindSpec {
        family: Family::Glossaire, titled: true, always_child: false, exported: false,
        fiche: FichePart::Outside, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Document, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Terme => "terme", KindSpec {
        family: Family::Glossaire, titled: true, always_child: false, exported: false,
        fiche: FichePart::Outside, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Document, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Definition => "definition", KindSpec {
        family: Family::Glossaire, titled: false, always_child: true, exported: false,
        fiche: FichePart::Outside, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Document, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Article => "article", KindSpec {
        family: Family::Document, titled: false, always_child: false, exported: false,
        fiche: FichePart::WalkedThrough, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Document, diff_pairs: Pairing::Itself, code_prefix: None,
    };
    Reference => "reference", KindSpec {
        family: Family::Reference, titled: false, always_child: false, exported: false,
        fiche: FichePart::Outside, bloc: false, unit: None, crosswalk: None,
        diff_level: DiffLevel::Document, diff_pairs: Pairing::Itself, code_prefix: None,
    };
}

impl Kind {
    /// The kind's decisions: its row of the table.
    pub fn spec(self) -> &'static KindSpec {
        &SPECS[self as usize]
    }

    /// The family the kind belongs to.
    pub fn family(self) -> Family {
        self.spec().family
    }

    /// Is the element's text a title rather than a statement? ([`KindSpec::titled`])
    pub(crate) fn is_titled(self) -> bool {
        self.spec().titled
    }

    /// Is this a compétence of some sort (what crosswalks and diffs compare first)?
    pub fn is_competence(self) -> bool {
        self.family() == Family::Competence
    }

    /// Is it part of the framework the exports carry? ([`KindSpec::exported`])
    pub(crate) fn is_exported(self) -> bool {
        self.spec().exported
    }

    /// Does an element of this kind get a fiche of its own?
    pub(crate) fn has_fiche(self) -> bool {
        self.spec().fiche == FichePart::Own
    }

    /// Its place in a fiche.
    pub(crate) fn fiche_part(self) -> FichePart {
        self.spec().fiche
    }

    /// Does it group compétences for a printable bloc fiche? ([`KindSpec::bloc`])
    pub fn is_bloc(self) -> bool {
        self.spec().bloc
    }

    /// Does an element of this kind certify (a CCP, a BTS unité, a bloc de compétences)?
    pub(crate) fn is_unit(self) -> bool {
        self.spec().unit.is_some()
    }

    /// The group a crosswalk relates it in.
    pub fn crosswalk_group(self) -> Option<CrosswalkGroup> {
        self.spec().crosswalk
    }

    /// Its level of description in a diff.
    pub(crate) fn diff_level(self) -> DiffLevel {
        self.spec().diff_level
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What readers do with a kind of element; diff, crosswalk, search and the site group kinds by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// The document's own structure (sections, paragraphs, articles of an arrêté).
    Document,
    /// What the job is made of: activités types, fonctions, sous-fonctions, tâches.
    Activite,
    /// Compétences at every level.
    Competence,
    /// How a compétence is judged: critères de performance, critères d'évaluation.
    Critere,
    /// Savoir-faire.
    SavoirFaire,
    /// Savoirs and savoirs associés.
    Savoir,
    /// What bounds or organises savoirs: limites de connaissances, thèmes.
    Limite,
    /// The setting of a compétence: descriptions, contextes, conditions, autonomie, résultats.
    Contexte,
    /// How the certification is obtained: blocs, CCP, unités, épreuves, modalités, situations.
    Evaluation,
    /// Glossaries, their terms and definitions.
    Glossaire,
    /// A pointer to another text (another arrêté).
    Reference,
}

/// Where an element of a kind goes in a compétence's fiche ([`crate::fiche`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FichePart {
    /// It has a fiche of its own (compétences, activités, blocs de compétences); under another
    /// fiche it is listed among its parts.
    Own,
    /// Document layout (sections, paragraphes, articles): the fiche walks through it.
    WalkedThrough,
    /// The fiche's description.
    Description,
    /// Contexte and conditions d'exercice.
    Contexte,
    /// Conditions de réalisation (also inherited from a group compétence above).
    Conditions,
    /// Critères (also inherited from a group compétence above).
    Criteres,
    /// Savoir-faire, in blocks (what is under one is walked too).
    SavoirFaire,
    /// Savoirs, with what is under them.
    Savoirs,
    /// The limites of a savoir entry (listed under their savoir, not on their own).
    Limites,
    /// Not part of a fiche (units, épreuves, the glossary, references).
    Outside,
}

/// The kinds of elements that crosswalk suggestions relate, each with its own kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CrosswalkGroup {
    /// Compétences professionnelles, BTS compétences, compétences transversales.
    Competences,
    /// Critères de performance and d'évaluation.
    Criteres,
    /// Savoirs, savoirs associés, savoir-faire.
    Savoirs,
}

impl CrosswalkGroup {
    pub fn label(self) -> &'static str {
        match self {
            CrosswalkGroup::Competences => crate::words::group::Competences,
            CrosswalkGroup::Criteres => crate::words::group::Criteres,
            CrosswalkGroup::Savoirs => crate::words::group::Savoirs,
        }
    }
}

/// A level of description of a certification, in a diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffLevel {
    /// CCP, blocs de compétences, unités, épreuves.
    Unites,
    Activites,
    Competences,
    Criteres,
    /// Savoir-faire, savoirs, limites de connaissances.
    Savoirs,
    /// Descriptions, contextes, conditions.
    Contextes,
    /// Modalités and situations d’évaluation.
    Evaluation,
    /// The document's own structure and its glossary.
    Document,
}

impl DiffLevel {
    pub const ALL: [DiffLevel; 8] = [
        DiffLevel::Unites,
        DiffLevel::Activites,
        DiffLevel::Competences,
        DiffLevel::Criteres,
        DiffLevel::Savoirs,
        DiffLevel::Contextes,
        DiffLevel::Evaluation,
        DiffLevel::Document,
    ];

    /// French, after « au niveau des » (« unités certifiantes », « compétences » …).
    pub fn label(self) -> &'static str {
        use crate::words::evolution::level as w;
        match self {
            DiffLevel::Unites => w::Unites,
            DiffLevel::Activites => w::Activites,
            DiffLevel::Competences => w::Competences,
            DiffLevel::Criteres => w::Criteres,
            DiffLevel::Savoirs => w::Savoirs,
            DiffLevel::Contextes => w::Contextes,
            DiffLevel::Evaluation => w::Evaluation,
            DiffLevel::Document => w::Document,
        }
    }
}

/// Which kinds a diff may pair an element with: its own kind, or any kind of a group (a
/// compétence professionnelle with a BTS compétence, an activité type with a fonction …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pairing {
    /// Only elements of the same kind.
    Itself,
    /// Compétences of every kind.
    Competences,
    /// Critères de performance and d'évaluation.
    Criteres,
    /// Savoirs and savoirs associés.
    Savoirs,
    /// Activités types and fonctions.
    Activites,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_row_and_a_name_of_its_own() {
        assert_eq!(SPECS.len(), Kind::ALL.len());
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(*k));
        }
    }

    #[test]
    fn decisions_agree_with_each_other() {
        for &k in Kind::ALL {
            let row = k.spec();
            // A kind with a fiche of its own is a compétence, an activité or a bloc.
            if k.has_fiche() {
                assert!(
                    matches!(row.family, Family::Competence | Family::Activite) || row.bloc,
                    "{k}"
                );
            }
            // Every unit prints a bloc fiche and sits at the diff's unit level.
            if k.is_unit() {
                assert!(row.bloc && row.diff_level == DiffLevel::Unites, "{k}");
            }
            // The layout a fiche walks through is the document's own structure.
            assert_eq!(
                row.fiche == FichePart::WalkedThrough,
                row.family == Family::Document,
                "{k}"
            );
            // Compétences are what crosswalks relate first.
            assert_eq!(
                row.crosswalk == Some(CrosswalkGroup::Competences),
                k.is_competence(),
                "{k}"
            );
            // A code prefix is lower-case letters, so that `at1` reads as one search word.
            if let Some(p) = row.code_prefix {
                assert!(!p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()), "{k}");
            }
        }
    }

    #[test]
    fn plurals_of_the_table() {
        assert_eq!(Kind::CompetenceProfessionnelle.plural(), "Compétences professionnelles");
        assert_eq!(Kind::CritereEvaluation.plural(), "Critères d’évaluation");
        assert_eq!(Kind::SavoirFaire.plural(), "Savoir-faire");
        assert_eq!(Kind::Ccp.plural(), "CCP");
        assert_eq!(Kind::ActiviteType.plural(), "Activités types");
        assert_eq!(Kind::ConditionExercice.plural(), "Conditions d’exercice");
    }
}
