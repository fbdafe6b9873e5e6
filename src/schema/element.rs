//! Elements: every piece of a referential (activité, compétence, critère, savoir, unité …).

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{Cited, Lines, Sp};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: Sp<String>,
    pub kind: Sp<Kind>,
    pub parent: Option<Sp<String>>,
    pub code: Option<Sp<String>>,
    pub code_as_printed: Option<Sp<String>>,
    pub text: Sp<String>,
    pub lines: Sp<Lines>,
    pub doc: Option<Sp<String>>,
    #[serde(default)]
    pub variants: Vec<Variant>,
    pub subtype: Option<Sp<Subtype>>,
    pub block: Option<Sp<u32>>,
    #[serde(default)]
    pub facts: Facts,
    #[serde(default)]
    pub links: Vec<Link>,
    pub note: Option<Sp<String>>,
    pub repair: Option<Sp<String>>,
    #[serde(default)]
    pub pieces: Vec<Cited>,
}

/// Another printing of the same element.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub text: Sp<String>,
    pub lines: Sp<Lines>,
    pub doc: Option<Sp<String>>,
    pub code_as_printed: Option<Sp<String>>,
    pub note: Option<Sp<String>>,
}

/// What an element is. The YAML spelling is the snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Section,
    Paragraphe,
    ActiviteType,
    Fonction,
    SousFonction,
    Tache,
    BlocCompetences,
    CompetenceProfessionnelle,
    CompetenceTransversale,
    Competence,
    Description,
    Contexte,
    ConditionExercice,
    Autonomie,
    ResultatAttendu,
    ConditionRealisation,
    CriterePerformance,
    CritereEvaluation,
    SavoirFaire,
    Savoir,
    SavoirAssocie,
    LimiteConnaissances,
    Theme,
    Unite,
    Epreuve,
    Ccp,
    ModaliteEvaluation,
    SituationEvaluation,
    Glossaire,
    Terme,
    Definition,
    Article,
    Reference,
}

impl Kind {
    pub const ALL: [Kind; 33] = [
        Kind::Section,
        Kind::Paragraphe,
        Kind::ActiviteType,
        Kind::Fonction,
        Kind::SousFonction,
        Kind::Tache,
        Kind::BlocCompetences,
        Kind::CompetenceProfessionnelle,
        Kind::CompetenceTransversale,
        Kind::Competence,
        Kind::Description,
        Kind::Contexte,
        Kind::ConditionExercice,
        Kind::Autonomie,
        Kind::ResultatAttendu,
        Kind::ConditionRealisation,
        Kind::CriterePerformance,
        Kind::CritereEvaluation,
        Kind::SavoirFaire,
        Kind::Savoir,
        Kind::SavoirAssocie,
        Kind::LimiteConnaissances,
        Kind::Theme,
        Kind::Unite,
        Kind::Epreuve,
        Kind::Ccp,
        Kind::ModaliteEvaluation,
        Kind::SituationEvaluation,
        Kind::Glossaire,
        Kind::Terme,
        Kind::Definition,
        Kind::Article,
        Kind::Reference,
    ];

    /// The YAML name (`competence_professionnelle`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Section => "section",
            Kind::Paragraphe => "paragraphe",
            Kind::ActiviteType => "activite_type",
            Kind::Fonction => "fonction",
            Kind::SousFonction => "sous_fonction",
            Kind::Tache => "tache",
            Kind::BlocCompetences => "bloc_competences",
            Kind::CompetenceProfessionnelle => "competence_professionnelle",
            Kind::CompetenceTransversale => "competence_transversale",
            Kind::Competence => "competence",
            Kind::Description => "description",
            Kind::Contexte => "contexte",
            Kind::ConditionExercice => "condition_exercice",
            Kind::Autonomie => "autonomie",
            Kind::ResultatAttendu => "resultat_attendu",
            Kind::ConditionRealisation => "condition_realisation",
            Kind::CriterePerformance => "critere_performance",
            Kind::CritereEvaluation => "critere_evaluation",
            Kind::SavoirFaire => "savoir_faire",
            Kind::Savoir => "savoir",
            Kind::SavoirAssocie => "savoir_associe",
            Kind::LimiteConnaissances => "limite_connaissances",
            Kind::Theme => "theme",
            Kind::Unite => "unite",
            Kind::Epreuve => "epreuve",
            Kind::Ccp => "ccp",
            Kind::ModaliteEvaluation => "modalite_evaluation",
            Kind::SituationEvaluation => "situation_evaluation",
            Kind::Glossaire => "glossaire",
            Kind::Terme => "terme",
            Kind::Definition => "definition",
            Kind::Article => "article",
            Kind::Reference => "reference",
        }
    }

    /// The French label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Section => "Section",
            Kind::Paragraphe => "Paragraphe",
            Kind::ActiviteType => "Activité type",
            Kind::Fonction => "Fonction",
            Kind::SousFonction => "Sous-fonction",
            Kind::Tache => "Tâche",
            Kind::BlocCompetences => "Bloc de compétences",
            Kind::CompetenceProfessionnelle => "Compétence professionnelle",
            Kind::CompetenceTransversale => "Compétence transversale",
            Kind::Competence => "Compétence",
            Kind::Description => "Description",
            Kind::Contexte => "Contexte professionnel",
            Kind::ConditionExercice => "Conditions d’exercice",
            Kind::Autonomie => "Autonomie",
            Kind::ResultatAttendu => "Résultat attendu",
            Kind::ConditionRealisation => "Condition de réalisation",
            Kind::CriterePerformance => "Critère de performance",
            Kind::CritereEvaluation => "Critère d’évaluation",
            Kind::SavoirFaire => "Savoir-faire",
            Kind::Savoir => "Savoir",
            Kind::SavoirAssocie => "Savoir associé",
            Kind::LimiteConnaissances => "Limites de connaissances",
            Kind::Theme => "Thème",
            Kind::Unite => "Unité",
            Kind::Epreuve => "Épreuve",
            Kind::Ccp => "CCP",
            Kind::ModaliteEvaluation => "Modalité d’évaluation",
            Kind::SituationEvaluation => "Situation d’évaluation",
            Kind::Glossaire => "Glossaire",
            Kind::Terme => "Terme",
            Kind::Definition => "Définition",
            Kind::Article => "Article",
            Kind::Reference => "Référence",
        }
    }

    /// Is the element's text a title (activité, compétence, unité …) rather than a statement
    /// (critère, savoir-faire, paragraph …)?
    pub fn is_titled(self) -> bool {
        !matches!(
            self,
            Kind::Paragraphe
                | Kind::Description
                | Kind::Contexte
                | Kind::CriterePerformance
                | Kind::CritereEvaluation
                | Kind::SavoirFaire
                | Kind::Savoir
                | Kind::LimiteConnaissances
                | Kind::ConditionExercice
                | Kind::ConditionRealisation
                | Kind::ResultatAttendu
                | Kind::Autonomie
                | Kind::Definition
                | Kind::Reference
                | Kind::Article
        )
    }

    /// Is this a compétence of some sort (what crosswalks and diffs compare first)?
    pub fn is_competence(self) -> bool {
        matches!(
            self,
            Kind::Competence | Kind::CompetenceProfessionnelle | Kind::CompetenceTransversale
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subtype {
    Technique,
    Organisationnel,
    Relationnel,
}

/// The named, cited values of an element.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    pub duree: Option<Sp<FactValue>>,
    pub duree_preparation: Option<Sp<FactValue>>,
    pub coefficient: Option<Sp<FactValue>>,
    pub forme: Option<Sp<FactValue>>,
    pub mode: Option<Sp<FactValue>>,
    pub horaire: Option<Sp<FactValue>>,
    pub validite: Option<Sp<FactValue>>,
}

impl Facts {
    /// The facts that are present, with their YAML names, in a fixed order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Sp<FactValue>)> {
        [
            ("duree", &self.duree),
            ("duree_preparation", &self.duree_preparation),
            ("coefficient", &self.coefficient),
            ("forme", &self.forme),
            ("mode", &self.mode),
            ("horaire", &self.horaire),
            ("validite", &self.validite),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }
}

/// A fact: a plain string found at the element's own lines, or a cited text.
#[derive(Debug)]
pub enum FactValue {
    Plain(String),
    Cited(Cited),
}

impl FactValue {
    pub fn text(&self) -> &str {
        match self {
            FactValue::Plain(s) => s,
            FactValue::Cited(c) => &c.text.value,
        }
    }
}

impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FactValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a map with `text` and `lines`")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<FactValue, E> {
                Ok(FactValue::Plain(s.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<FactValue, E> {
                Ok(FactValue::Plain(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<FactValue, E> {
                Ok(FactValue::Plain(n.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FactValue, A::Error> {
                Cited::deserialize(de::value::MapAccessDeserializer::new(map)).map(FactValue::Cited)
            }
        }
        d.deserialize_any(V)
    }
}

/// A typed relation from this element to another.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub rel: Sp<Rel>,
    pub to: Sp<String>,
    pub lines: Option<Sp<Lines>>,
    pub doc: Option<Sp<String>>,
    pub text: Option<Sp<String>>,
    pub note: Option<Sp<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rel {
    Certifies,
    Evaluates,
    Validates,
    Mobilises,
    RefersTo,
    Related,
}

impl Rel {
    pub fn name(self) -> &'static str {
        match self {
            Rel::Certifies => "certifies",
            Rel::Evaluates => "evaluates",
            Rel::Validates => "validates",
            Rel::Mobilises => "mobilises",
            Rel::RefersTo => "refers_to",
            Rel::Related => "related",
        }
    }

    /// French label of the relation read forwards, and backwards.
    pub fn labels(self) -> (&'static str, &'static str) {
        match self {
            Rel::Certifies => ("Certifie", "Certifié par"),
            Rel::Evaluates => ("Évalue", "Évalué par"),
            Rel::Validates => ("Valide", "Validé par"),
            Rel::Mobilises => ("Mobilise", "Mobilisé par"),
            Rel::RefersTo => ("Renvoie à", "Cité par"),
            Rel::Related => ("En lien avec", "En lien avec"),
        }
    }
}
