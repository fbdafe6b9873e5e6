//! The reader-facing French words of the program, in one place: a translator edits this file.
//!
//! Each module names the words of one thing; the constants are named after the variant of the
//! type they label (`kind::ActiviteType` is the label of `Kind::ActiviteType`), and the types'
//! `label` methods return them. Phrases with values in them are small functions. The site's page
//! furniture (headings, buttons) is in its templates. The words are French, as the documents are;
//! nothing here is a text of the documents.
#![allow(non_upper_case_globals)]

/// Kinds of element ([`crate::schema::Kind`]).
pub mod kind {
    pub const Section: &str = "Section";
    pub const Paragraphe: &str = "Paragraphe";
    pub const ActiviteType: &str = "Activité type";
    pub const Fonction: &str = "Fonction";
    pub const SousFonction: &str = "Sous-fonction";
    pub const Tache: &str = "Tâche";
    pub const BlocCompetences: &str = "Bloc de compétences";
    pub const CompetenceProfessionnelle: &str = "Compétence professionnelle";
    pub const CompetenceTransversale: &str = "Compétence transversale";
    pub const Competence: &str = "Compétence";
    pub const Description: &str = "Description";
    pub const Contexte: &str = "Contexte professionnel";
    pub const ConditionExercice: &str = "Conditions d’exercice";
    pub const Autonomie: &str = "Autonomie";
    pub const ResultatAttendu: &str = "Résultat attendu";
    pub const ConditionRealisation: &str = "Condition de réalisation";
    pub const CriterePerformance: &str = "Critère de performance";
    pub const CritereEvaluation: &str = "Critère d’évaluation";
    pub const SavoirFaire: &str = "Savoir-faire";
    pub const Savoir: &str = "Savoir";
    pub const SavoirAssocie: &str = "Savoir associé";
    pub const LimiteConnaissances: &str = "Limites de connaissances";
    pub const Theme: &str = "Thème";
    pub const Unite: &str = "Unité";
    pub const Epreuve: &str = "Épreuve";
    pub const Ccp: &str = "CCP";
    pub const ModaliteEvaluation: &str = "Modalité d’évaluation";
    pub const SituationEvaluation: &str = "Situation d’évaluation";
    pub const Glossaire: &str = "Glossaire";
    pub const Terme: &str = "Terme";
    pub const Definition: &str = "Définition";
    pub const Article: &str = "Article";
    pub const Reference: &str = "Référence";
}

/// Kinds of certification ([`crate::schema::CertKind`]).
pub mod cert_kind {
    pub const TitreProfessionnel: &str = "Titre professionnel";
    pub const Bts: &str = "Brevet de technicien supérieur";
    pub const NonPrecise: &str = "Nature non précisée par les documents";
}

/// Who promulgates a certification of each kind (the CASE export's creator).
pub mod cert_creator {
    pub const TitreProfessionnel: &str = "Ministère chargé de l’emploi";
    pub const Bts: &str = "Ministère chargé de l’éducation nationale";
    pub const NonPrecise: &str = "Non précisé par les documents";
}

/// Code systems ([`crate::schema::CodeSystem`]).
pub mod code_system {
    pub const Rncp: &str = "RNCP";
    pub const Tp: &str = "Code titre";
    pub const Nsf: &str = "NSF";
    pub const Rome: &str = "ROME";
    pub const Formacode: &str = "Formacode";
}

/// What a date of a certification record is ([`crate::schema::DateRole`]).
pub mod date_role {
    pub const Arrete: &str = "Arrêté";
    pub const PublicationJo: &str = "Publication au JO";
    pub const Effet: &str = "Date d’effet";
    pub const Creation: &str = "Création";
    pub const PremiereSession: &str = "Première session";
    pub const DerniereSession: &str = "Dernière session";
    pub const Validation: &str = "Validation";
    pub const MiseAJour: &str = "Mise à jour";
    pub const Abrogation: &str = "Abrogation";
}

/// Relations between elements ([`crate::schema::Rel`]), read forwards and backwards.
pub mod rel {
    pub const Certifies: (&str, &str) = ("Certifie", "Certifié par");
    pub const Evaluates: (&str, &str) = ("Évalue", "Évalué par");
    pub const Validates: (&str, &str) = ("Valide", "Validé par");
    pub const Mobilises: (&str, &str) = ("Mobilise", "Mobilisé par");
    pub const RefersTo: (&str, &str) = ("Renvoie à", "Cité par");
    pub const Related: (&str, &str) = ("En lien avec", "En lien avec");
}

/// Relations of a correspondence ([`crate::schema::Relation`]).
pub mod relation {
    pub const ExactMatch: &str = "équivalence exacte";
    pub const CloseMatch: &str = "équivalence proche";
    pub const BroadMatch: &str = "plus large";
    pub const NarrowMatch: &str = "plus étroit";
    pub const RelatedMatch: &str = "en lien";
    pub const ReplacedBy: &str = "remplacé par";
    pub const Replaces: &str = "remplace";
}

/// How an element changed between two versions ([`crate::diff::Class`]).
pub mod class {
    pub const Unchanged: &str = "inchangé";
    pub const Reworded: &str = "reformulé";
    pub const Moved: &str = "déplacé";
    pub const Split: &str = "scindé";
    pub const Merged: &str = "fusionné";
    pub const Added: &str = "ajouté";
    pub const Removed: &str = "supprimé";
}

/// Where a correspondence comes from ([`crate::crosswalk::Status`]): in a sentence, and in a
/// grid cell.
pub mod status {
    pub const Official: &str = "correspondance officielle";
    pub const Curated: &str = "correspondance établie par l’équipe";
    pub const Inferred: &str = "correspondance déduite de la mise en page du document";
    pub const Suggested: &str = "suggestion calculée (non officielle)";

    pub mod short {
        pub const Official: &str = "officielle";
        pub const Curated: &str = "par l’équipe";
        pub const Inferred: &str = "déduite";
        pub const Suggested: &str = "suggestion";
    }
}

/// The kinds of elements that suggestions relate ([`crate::crosswalk::Group`]).
pub mod group {
    pub const Competences: &str = "compétences";
    pub const Criteres: &str = "critères";
    pub const Savoirs: &str = "savoirs";
}

/// The state of a matrix cell ([`crate::schema::CellState`]).
pub mod cell_state {
    pub const Marked: &str = "coché";
    pub const Unmarked: &str = "non coché";
    pub const Lost: &str = "perdu";
    pub const Uncertain: &str = "incertain";
}

/// The facts of an element, by their YAML names ([`crate::schema::Facts`]).
pub mod fact {
    pub const duree: &str = "Durée";
    pub const duree_preparation: &str = "Durée de préparation";
    pub const coefficient: &str = "Coefficient";
    pub const forme: &str = "Forme";
    pub const mode: &str = "Mode";
    pub const horaire: &str = "Horaire";
    pub const validite: &str = "Validité";
    /// A fact of another name.
    pub const other: &str = "Valeur";
}

/// The printable fiche of a bloc (`site::pages::printable`).
pub mod printable {
    /// Its meta description: the bloc's kind and name, and its certification.
    pub fn description(kind: &str, name: &str, cert: &str) -> String {
        format!("{kind} {name} — {cert} : ses compétences, leurs critères, savoir-faire, savoirs et conditions, et ce qui les évalue, sur une page à imprimer")
    }
}

/// The page shown for an address without a page (`site::pages::notfound`, and `serve`).
pub mod not_found {
    /// Its title.
    pub const title: &str = "Page introuvable";
}

/// The headings of a fiche's parts (`present::FICHE_ROLES`), in the order a trainer reads them.
pub mod fiche_part {
    pub const parts: &str = "Composée de";
    pub const description: &str = "Description";
    pub const contexte: &str = "Contexte et conditions d’exercice";
    pub const conditions: &str = "Conditions de réalisation";
    pub const criteres: &str = "Critères";
    pub const savoir_faire: &str = "Savoir-faire";
    pub const savoirs: &str = "Savoirs";
    pub const evaluation: &str = "Évaluation et certification";
}

/// How a group of savoir-faire is headed (`present::savoir_faire_group`).
pub mod savoir_faire_group {
    pub const technique: &str = "Savoir-faire techniques";
    pub const organisationnel: &str = "Savoir-faire organisationnels";
    pub const relationnel: &str = "Savoir-faire relationnels";

    /// A block the document lists without naming it.
    pub fn unnamed_block(b: u32) -> String {
        format!("Bloc {b} de la liste (le document ne nomme pas les blocs)")
    }
}

/// Why a comparison paired two elements: the phrases of an evolution page
/// (`present::pairing`).
pub mod pairing {
    /// Who made the table that pairs them.
    pub const by_official: &str = "la table de correspondance officielle du référentiel";
    pub const by_curated: &str = "une table de correspondance établie par ce projet (non officielle)";
    pub const by_inferred: &str = "une table déduite de la mise en page du document (non énoncée par lui)";

    /// "Apparié par la table de correspondance officielle (équivalence proche)".
    pub fn table(by: &str, relation: &str) -> String {
        format!("Apparié par {by} : {relation}.")
    }

    /// The elements certified by two units (CCP, blocs …, named by their plural kind label)
    /// that a correspondence table pairs.
    pub fn certified_by(units: &str) -> String {
        format!("Certifiés par deux {units} que la table de correspondance apparie.")
    }

    /// Same place in both versions.
    pub fn same_place(percent: i64) -> String {
        format!("Même place dans les deux versions ; textes semblables à {percent} %.")
    }

    /// Same printed code.
    pub fn code(code: &str) -> String {
        format!("Même code {code} dans les deux versions.")
    }

    /// Texts alike, with the words they share.
    pub fn similar(percent: i64, shared: &[String]) -> String {
        format!("Textes semblables à {percent} %{}.", words(shared))
    }

    /// A split or a merge: how much of the whole the pieces cover.
    pub fn coverage(percent: i64, shared: &[String]) -> String {
        format!("Les parties reprennent {percent} % du texte d’ensemble{}.", words(shared))
    }

    /// A compétence of a new version whose predecessor is known only by its name.
    pub const NOT_COMPARABLE: &str = "non comparable";

    fn words(w: &[String]) -> String {
        if w.is_empty() { String::new() } else { format!(" (mots communs : {})", w.join(", ")) }
    }
}

/// The passerelle for learners (`crosswalk A B --units`, [`crate::crosswalk::units`]).
pub mod passerelle {
    /// The heading: for a holder of `a`, the unités of `b`.
    pub fn heading(a: &str, b: &str) -> String {
        format!("Passerelle pour un titulaire de {a} : unités de {b}")
    }

    /// The certification gives no unit that certifies compétences.
    pub const NO_UNIT: &str = "(les données ne donnent à cette certification ni unité, ni CCP, ni bloc qui certifie des compétences)";

    /// How many of a unit's compétences are covered.
    pub fn count(covered: usize, total: usize) -> String {
        format!("{covered}/{total} compétence{} couverte{}", if total > 1 { "s" } else { "" }, if total > 1 { "s" } else { "" })
    }

    /// A compétence that nothing covers; a unit none of whose compétences is covered.
    pub const NOT_COVERED: &str = "non couverte";
    /// A unit all of whose compétences are covered.
    pub const COVERED: &str = "couverte";
    /// A unit some of whose compétences are covered.
    pub const PARTIAL: &str = "couverte en partie";

    /// A compétence covered by the compétences `by` of the certification held, through a pair
    /// of this status (`status`: its label, « correspondance officielle » …).
    pub fn covered_by(status: &str, by: &str) -> String {
        format!("couverte par {by} ; {status}")
    }
}

/// (#27, glance) The « Qui évalue quoi » grid of a certification page, its legend and its list per
/// compétence on a phone.
pub mod evalgrid {
    /// Before a coefficient, in a short list of facts: « Orale, coef. 4 ».
    pub const coef: &str = "coef.";
}

/// (#27, glance) The summary at the top of a compétence's page.
pub mod summary {
    /// A CCP named by its rank: « CCP 1 ».
    pub const ccp: &str = "CCP";
    /// The épreuve of a titre professionnel's own session (as opposed to a CCP's).
    pub const session_du_titre: &str = "session du titre";
}

/// (#27, glance) `show`: the words of a compétence printed as its fiche.
pub mod show {
    /// Before the source lines: « REAC …, lignes 120-124 ».
    pub const lines: &str = "lignes";
    pub const source: &str = "Source";
    pub const note: &str = "Note de l’équipe";
    /// An item printed for a group compétence: « (imprimé pour C1 …) ».
    pub const printed_for: &str = "imprimé pour";
    /// A modalité within its épreuve or CCP: « (dans CCP … ) ».
    pub const within: &str = "dans";
}

/// (#27, glance) The synoptic picture of a certification page.
pub mod synoptic {
    /// Its three columns' heads.
    pub const COLUMNS: [&str; 3] = ["Activités, fonctions", "Compétences", "Certifiées par"];
}
