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
        format!(
            "{kind} {name} — {cert} : ses compétences, leurs critères, savoir-faire, savoirs et conditions, et ce qui les évalue, sur une page à imprimer"
        )
    }
}

/// The page shown for an address without a page (`site::pages::notfound`, and `serve`).
pub mod not_found {
    /// Its title.
    pub const title: &str = "Page introuvable";
}

/// What `serve` answers a request it refuses (#23).
pub mod serve {
    /// A request that names a host other than the loopback (DNS rebinding).
    pub const not_loopback: &str =
        "Ce serveur ne répond qu’aux adresses locales (127.0.0.1, localhost).";
    /// A live-reload socket asked for by a page of another origin.
    pub const other_origin: &str =
        "Le rechargement automatique n’est ouvert qu’aux pages de ce serveur.";
    /// Too many live-reload clients at once.
    pub const too_many: &str = "Trop de pages ouvertes sur ce serveur : fermez-en quelques-unes.";
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
    pub const by_curated: &str =
        "une table de correspondance établie par ce projet (non officielle)";
    pub const by_inferred: &str =
        "une table déduite de la mise en page du document (non énoncée par lui)";

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

    /// The last two of their groups (#25).
    pub fn rest(siblings: usize, percent: i64, shared: &[String]) -> String {
        let phrase = super::evolution::rest_phrase(siblings);
        let mut p = phrase.chars();
        let cap =
            p.next().map(|c| c.to_uppercase().collect::<String>() + p.as_str()).unwrap_or_default();
        format!("{cap} ; textes semblables à {percent} %{}.", words(shared))
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
        format!(
            "{covered}/{total} compétence{} couverte{}",
            if total > 1 { "s" } else { "" },
            if total > 1 { "s" } else { "" }
        )
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

// issue #29: the exports' words (CASE groupings and item types, the build's warning, Moodle).
/// The words of the exports ([`crate::outputs`]).
pub mod exports {
    /// `build`, when the site has no absolute address.
    pub fn base_warning(site_url: &str, base: &str) -> String {
        format!(
            "l’adresse du site (site-url = « {site_url} ») n’est pas absolue ; les identifiants des exports (CASE, SKOS, SSSOM, CSV) commencent par « {base} ». Donnez l’adresse de publication dans [output.html] site-url, ou une base stable dans [output] base-iri."
        )
    }

    /// The CASE association groupings, one per status of a link: title and description.
    pub mod grouping {
        pub const Official: (&str, &str) = (
            "Correspondances officielles",
            "Correspondances imprimées dans un document officiel (arrêté, référentiel).",
        );
        pub const Curated: (&str, &str) = (
            "Correspondances établies par l’équipe",
            "Correspondances écrites par une personne dans nos données, avec l’auteur, la date et la justification ; elles ne sont pas officielles.",
        );
        pub const Inferred: (&str, &str) = (
            "Correspondances déduites de la mise en page",
            "Listes imprimées côte à côte dans un document : la mise en page les relie, le document ne le dit pas.",
        );
        pub const Suggested: (&str, &str) = (
            "Suggestions calculées (non officielles)",
            "Rapprochements calculés par similarité des textes : des pistes à vérifier, pas des correspondances.",
        );
        pub const Succession: (&str, &str) = (
            "Succession des versions",
            "Une certification ou un élément remplacé par son successeur, d’après les textes officiels.",
        );
    }

    /// The description of a CASE item type (`kind`: its French label).
    pub fn item_type_description(kind: &str) -> String {
        format!("Élément de type « {kind} » d’un référentiel de certification")
    }

    /// SKOS: the scope note of a concept whose text another concept shares (`parent`: its
    /// parent's label).
    pub fn within(parent: &str) -> String {
        format!("sous « {parent} »")
    }

    /// Moodle: the scale of every framework and its two values.
    pub const MOODLE_SCALE: &str = "Non acquis,Acquis";
    /// Moodle: the description of a framework (`title`: the certification's title).
    pub fn moodle_framework_description(title: &str, source: &str) -> String {
        format!("{title} — texte officiel, élément par élément ; source : {source}")
    }
}

// --- #25 (evolution): verdicts per certifying unit, classes of change, what each side is ---
/// The words of `referentiel diff` and of the evolution pages (#25).
pub mod evolution {
    /// The levels a certification's elements describe ([`crate::diff::Level`]), after « au niveau des ».
    pub mod level {
        pub const Unites: &str = "unités certifiantes";
        pub const Activites: &str = "activités";
        pub const Competences: &str = "compétences";
        pub const Criteres: &str = "critères";
        pub const Savoirs: &str = "savoir-faire et savoirs";
        pub const Contextes: &str = "contextes";
        pub const Evaluation: &str = "modalités d’évaluation";
        pub const Document: &str = "textes du document";
    }

    /// What a certification is known by (the kind of document its title comes from).
    pub mod source {
        pub const RncpFiche: &str = "sa fiche RNCP";
        pub const ReacRe: &str = "son REAC et son référentiel d’évaluation";
        pub const Reac: &str = "son REAC";
        pub const ReferentielBts: &str = "son référentiel";
        pub const Arrete: &str = "son arrêté et ses annexes";
        pub const Unknown: &str = "des documents de nature non précisée";
    }

    /// A version known only by its name and what another document cites of it.
    pub fn only_named(held: &str) -> String {
        if held.is_empty() {
            "son nom".to_string()
        } else {
            format!("son nom et ses {held}, cités par le document d’une autre version")
        }
    }

    /// Both sides are described by the same kind of document.
    pub fn same_kind(by: &str) -> String {
        format!(
            "Les deux versions sont décrites par le même genre de document ({by}) : comparaison à tous les niveaux."
        )
    }

    /// One side is known by less than the other: the comparison keeps to the levels both hold.
    pub fn known_only_by(
        poor: &str,
        poor_by: &str,
        levels: &str,
        rich: &str,
        rich_by: &str,
    ) -> String {
        format!(
            "{poor} n’est connu que par {poor_by} ; {rich}, par {rich_by} : comparaison au niveau des {levels} seulement ; le reste n’est décrit que d’un côté et n’est compté ni comme ajouté ni comme supprimé."
        )
    }

    /// No level in common.
    pub fn nothing_shared(old: &str, old_by: &str, new: &str, new_by: &str) -> String {
        format!(
            "{old} n’est connu que par {old_by} ; {new}, par {new_by} : aucun niveau n’est décrit des deux côtés, rien n’est comparé."
        )
    }

    /// Heading of what only one side describes.
    pub fn only_one_side(name: &str) -> String {
        format!("Décrit seulement par {name} (ni ajouté ni supprimé)")
    }

    /// The class of change of a reworded text ([`crate::diff::Degree`]).
    pub mod degree {
        pub const Correction: &str = "correction";
        pub const Ajustement: &str = "ajustement";
        pub const Revision: &str = "révision";
    }

    /// The verdict of a certifying unit ([`crate::diff::Verdict`]).
    pub mod verdict {
        pub const Equivalent: &str = "équivalent";
        pub const EquivalentAvecChangements: &str = "équivalent avec changements";
        pub const Nouveau: &str = "nouveau";
        pub const Supprime: &str = "supprimé";
        pub const Fusionne: &str = "fusionné";
        pub const Scinde: &str = "scindé";
        pub const NonComparable: &str = "non comparable (non décrit dans l’ancienne version)";
    }

    /// The classes of change of an element, as the command line names them ([`crate::diff::Class`]).
    pub mod class_cli {
        pub const Unchanged: &str = "inchangés";
        pub const Reworded: &str = "reformulés";
        pub const Moved: &str = "déplacés";
        pub const Split: &str = "scindés";
        pub const Merged: &str = "fusionnés";
        pub const Added: &str = "ajoutés";
        pub const Removed: &str = "supprimés";
    }

    /// The words of the text and markdown reports.
    pub const HEADING: &str = "Évolution";
    pub const ELEMENTS: &str = "éléments comparés";
    pub const OLD: &str = "ancienne version";
    pub const NEW: &str = "nouvelle version";
    pub const UNITS: &str = "Verdict par unité certifiante";
    pub const DETAILS: &str = "Détail (les éléments inchangés sont comptés, pas listés)";
    pub const NO_CHANGE: &str = "aucun changement";
    pub const TOP: &str = "(premier niveau)";
    pub const NO_CODE: &str = "sans code";
    pub const NO_UNIT: &str =
        "aucune unité certifiante dans les données de l’une ou l’autre version";
    pub const BY_ACTIVITE: &str = "l’ancienne version n’est connue que par ses activités : l’unité est jugée par l’activité type qu’elle certifie";
    pub const CONTENT_UNKNOWN: &str = "contenu de l’ancienne unité non décrit par les documents : seuls l’intitulé et la table sont comparés";
    pub const TITLE: &str = "intitulé";
    pub const TABLE_ROW: &str = "ligne de la table";
    pub const INSIDE: &str = "dans l’unité";
    pub const UNCHANGED_INSIDE: &str = "inchangés";

    /// The last two of their groups: « seules restées sans pendant, … ».
    pub fn rest_phrase(siblings: usize) -> String {
        if siblings == 1 {
            "seules restées sans pendant, leur voisine ayant son pendant parmi les voisines de l’autre".to_string()
        } else {
            format!(
                "seules restées sans pendant, leurs {siblings} voisines ayant leur pendant parmi les voisines de l’autre"
            )
        }
    }

    /// A change inside a unit whose element came from, or went to, another unit.
    pub const CAME_IN: &str = "venu d’une autre unité";
    pub const WENT_OUT: &str = "parti dans une autre unité";
    /// A version whose activités types stand for its units.
    pub const AT_FOR_CCP: &str = "pas d’unité dans les données : chaque activité type renvoie à un certificat de compétences professionnelles (CCP), d’après le glossaire du REAC";

    /// « Depuis quelle version » on an element page of a lineage.
    pub fn since(version: &str) -> String {
        format!("Texte inchangé depuis {version}")
    }
    pub fn since_new(version: &str) -> String {
        format!("Texte de {version}")
    }
    pub const REPLACES: &str = "remplace";

    /// « sous X → sous Y ».
    pub fn moved(from: &str, to: &str) -> String {
        format!("sous {from} → sous {to}")
    }

    /// « code X → Y ».
    pub fn code(from: &str, to: &str) -> String {
        format!("code {from} → {to}")
    }

    /// « l. 1533 » of a document.
    pub fn lines(doc: &str, lines: &str) -> String {
        format!("{doc}, l. {lines}")
    }

    /// Why two elements were paired, for the command line ([`crate::diff::Reason`]).
    pub mod reason {
        pub fn table(by: &str, relation: &str) -> String {
            format!("apparié par {by} ({relation})")
        }
        pub const OFFICIAL: &str = "la table de correspondance officielle";
        pub const CURATED: &str = "une table établie par ce projet (non officielle)";
        pub const INFERRED: &str = "une table déduite de la mise en page du document";
        pub fn certified_by(old: &str, new: &str) -> String {
            format!("certifiés par {old} et {new}, que la table apparie")
        }
        pub fn same_place(percent: i64) -> String {
            format!("même place dans les deux versions, textes semblables à {percent} %")
        }
        pub fn code(code: &str) -> String {
            format!("même code {code}")
        }
        pub fn similar(percent: i64, words: &str) -> String {
            format!("textes semblables à {percent} %{words}")
        }
        pub fn coverage(percent: i64, words: &str) -> String {
            format!("les parties reprennent {percent} % de l’ensemble{words}")
        }
        pub fn rest(siblings: usize, percent: i64, words: &str) -> String {
            format!("{} ; textes semblables à {percent} %{words}", super::rest_phrase(siblings))
        }
        pub fn words(w: &[String]) -> String {
            if w.is_empty() { String::new() } else { format!(" (mots communs : {})", w.join(", ")) }
        }
    }
}

// ---- #26 (passerelle): the crosswalk in French, on the command line and the site ----

/// The crosswalk (`crosswalk A B`, [`crate::crosswalk::render`] and the passerelle page).
pub mod crosswalk {
    /// The first line: the two certifications.
    pub fn title(a: &str, b: &str) -> String {
        format!("Passerelle {a} ↔ {b}")
    }
    /// The coverage line: for each side, its compétences with a counterpart.
    pub fn coverage(a: &str, share_a: &str, b: &str, share_b: &str) -> String {
        format!("compétences avec un correspondant : {a} {share_a} · {b} {share_b}")
    }
    /// `covered` of `total` compétences have a counterpart.
    pub fn share(covered: usize, total: usize, pct: f64) -> String {
        format!("{covered}/{total} compétences ({pct:.0} %)")
    }
    pub const NO_COMPETENCE: &str = "aucune compétence";
    /// An empty side of a table row.
    pub const NONE: &str = "(aucun)";
    /// The heading of each list, by status, with its length.
    pub fn official(n: usize) -> String {
        format!("Correspondances officielles — imprimées dans un document ({n})")
    }
    pub fn curated(n: usize) -> String {
        format!("Correspondances établies par l’équipe — non officielles, justifiées ({n})")
    }
    pub fn inferred(n: usize) -> String {
        format!(
            "Correspondances déduites de la mise en page d’un document, qui ne les énonce pas ({n})"
        )
    }
    pub fn suggested(n: usize) -> String {
        format!(
            "Suggestions calculées — les trois premiers candidats de chaque compétence, à examiner ; jamais officielles ({n})"
        )
    }
    /// A table row: its table, justification, author and date.
    pub fn table(id: &str) -> String {
        format!("table {id}")
    }
    /// A suggestion: its rank and score.
    pub fn rank(rank: u32, score: f64) -> String {
        format!("{rank}{} candidat · score {score:.2}", if rank == 1 { "er" } else { "e" })
    }
    pub const MUTUAL: &str = "meilleur candidat l’un de l’autre";
    /// The words two fiches share.
    pub fn words(w: &str) -> String {
        format!("mots communs : {w}")
    }
    /// A text the two fiches print word for word.
    pub fn same_text(t: &str) -> String {
        format!("même texte « {t} »")
    }
    /// Two texts, one of each fiche, that meet.
    pub fn texts(a: &str, b: &str) -> String {
        format!("« {a} » / « {b} »")
    }
    /// The compétences of a side that have no counterpart.
    pub fn without(cert: &str, n: usize) -> String {
        format!("Compétences de {cert} sans correspondant ({n})")
    }
    /// The columns of the markdown tables.
    pub const WHY: &str = "pourquoi";
    pub const SIDE: &str = "certification";
    pub const COVERAGE: &str = "compétences avec un correspondant";
    /// The heat map's title (its text alternative).
    pub fn heat_map(a: &str, b: &str) -> String {
        format!("Compétences de {a} en lignes, de {b} en colonnes : une case par lien")
    }
    /// What the documents state, shown first.
    pub const DOCUMENTS_SAY: &str = "Ce que disent les documents";
    /// A document states there is no equivalence.
    pub fn statement(cert: &str, heading: &str, text: &str, none: bool) -> String {
        format!(
            "{cert} : « {heading} » — « {text} »{}",
            if none {
                " : le document n’établit aucune équivalence officielle ; ce qui suit est l’analyse de l’équipe, non officielle"
            } else {
                ""
            }
        )
    }
}

/// What a passerelle verdict rests on ([`crate::crosswalk::units`]).
pub mod rests_on {
    /// A compétence covered, fully or in part, by `by`: `how` names the relation and the status.
    pub fn covered(state: &str, by: &str, how: &str) -> String {
        format!("{state} par {by} ({how})")
    }
    /// The relation and status of a link: « plus large ; établie par l’équipe, table … ».
    pub fn how(relation: &str, status: &str, table: &str) -> String {
        if table.is_empty() {
            format!("{relation} ; {status}")
        } else {
            format!("{relation} ; {status}, {table}")
        }
    }
    /// Links that are listed but never cover (« en lien », suggestions).
    pub fn listed(with: &str, how: &str) -> String {
        format!("en lien seulement avec {with} ({how}) : ne couvre pas")
    }
    /// A table row saying there is no counterpart.
    pub fn none_by_table(status: &str, why: &str) -> String {
        format!("aucun équivalent selon la {status} : {why}")
    }
    /// The unit's verdict rests on links of this status (the weakest).
    pub fn unit(status: &str) -> String {
        format!("repose sur : {status}")
    }
    /// The unit's verdict under a document that states no equivalence.
    pub const OVERRIDDEN: &str =
        "aucune équivalence officielle (le document le dit) ; analyse de l’équipe";
    /// How many compétences are covered in part.
    pub fn partly(n: usize) -> String {
        format!("{n} en partie")
    }
    /// The status of a link, short ([`crate::crosswalk::Status::verdict_label`]).
    pub const OFFICIAL: &str = "officielle";
    pub const CURATED: &str = "établie par l’équipe";
    pub const INFERRED: &str = "déduite de la mise en page";
    pub const SUGGESTED: &str = "suggérée";
}

/// #26: the review of suggestions in `serve` ([`crate::outputs::review`]).
pub mod review {
    pub const METHOD: &str = "Refusé : la relecture n’accepte que POST.";
    pub const FOREIGN: &str = "Refusé : la relecture n’accepte que les formulaires des pages servies par ce serveur (même origine).";
    pub const JUSTIFICATION: &str =
        "Refusé : donnez une justification d’une ligne (400 caractères au plus).";
    pub const ACTION: &str = "Refusé : l’action doit être « accepter » ou « rejeter ».";
    pub const RELATION: &str = "Refusé : choisissez une relation (équivalence exacte ou proche, plus large, plus étroit, en lien).";
    pub const STALE: &str = "Refusé : les tables de cette passerelle ont changé depuis l’affichage de la page. Rechargez la page, puis relisez la suggestion.";
    pub const OUTSIDE: &str = "Refusé : la relecture n’écrit que la table établie par l’équipe de cette passerelle, dans data/correspondences/.";
    pub const NO_AUTHOR: &str = "Refusé : aucun auteur connu. Indiquez authors = [\"…\"] dans la section [book] de book.toml, ou git config user.name.";
    pub const SHAPE: &str =
        "Refusé : le fichier de la table contient plusieurs tables ; ajoutez la paire à la main.";
    pub const RELATION_LABEL: &str = "Relation";
    pub const JUSTIFICATION_LABEL: &str = "Justification";
    pub const ACCEPT: &str = "Accepter";
    pub const REJECT: &str = "Rejeter";
    /// The relation read from the row's compétence to the column's, in the form.
    pub const NARROWER: &str = "la seconde est plus étroite";
    pub const BROADER: &str = "la seconde est plus large";
    pub fn data_errors(n: usize) -> String {
        format!(
            "Refusé : les données ont {n} erreur(s) ; corrigez-les d’abord (referentiel check)."
        )
    }
    pub fn unknown(id: &str) -> String {
        format!("Refusé : l’élément « {id} » est inconnu des données.")
    }
    pub fn io(e: &str) -> String {
        format!("Refusé : écriture impossible ({e}) ; rien n’a été écrit.")
    }
    pub fn refused_by_checker(first: &str) -> String {
        format!("Refusé par le vérificateur, le fichier est remis en l’état : {first}")
    }
    pub fn accepted(file: &str) -> String {
        format!(
            "Enregistré dans data/correspondences/{file} : la page se recharge avec la correspondance établie."
        )
    }
    pub fn rejected(file: &str) -> String {
        format!(
            "Rejet enregistré dans data/correspondences/{file} : la suggestion ne sera plus proposée."
        )
    }
}

// #28 (evaluation grids, positionnement, training plans): the words of the working documents.
/// Evaluation grids: the columns a jury ticks, the blank fields, the headings.
pub mod grille {
    /// The workbook's title (its document properties).
    pub fn workbook_title(cert: &str) -> String {
        format!("Grilles d’évaluation · {cert}")
    }
    /// The first row of each sheet.
    pub const SHEET_TITLE: &str = "Grille d’évaluation";
    /// What a cell to tick says when selected.
    pub const TICK_HINT: &str = "X : cocher une seule case par critère";
    pub const ACQUIS: &str = "Acquis";
    pub const EN_COURS: &str = "En cours d’acquisition";
    pub const NON_ACQUIS: &str = "Non acquis";
    pub const OBSERVATIONS: &str = "Observations";
    /// The columns to tick, in order.
    pub const TICKS: [&str; 3] = [ACQUIS, EN_COURS, NON_ACQUIS];
    pub const CANDIDAT: &str = "Candidat";
    pub const EVALUATEUR: &str = "Évaluateur";
    pub const DATE: &str = "Date";
    pub const CERTIFICATION: &str = "Certification";
    pub const UNITE: &str = "Unité certifiée";
    pub const MODALITES: &str = "Modalités";
    pub const CRITERE: &str = "Critère";
    pub const COMPETENCE: &str = "Compétence";
    /// A compétence for which the document prints no critère: the compétence itself is rated.
    pub const NO_CRITERE: &str = "Le référentiel ne donne pas de critère pour cette compétence : elle est évaluée comme un tout.";
    /// A REAC without CCP: the activité type stands for the CCP that certifies it.
    pub const STANDS_FOR_CCP: &str = "Le document ne définit pas les CCP : chaque activité type est certifiée par un CCP ; la grille reprend celle-ci.";
    /// The tick a cell takes in the spreadsheet.
    pub const TICK: &str = "X";
    /// Critères printed for a group, holding for compétences below it.
    pub fn shared(group: &str, competences: &str) -> String {
        format!("Critères imprimés pour {group}, valables pour {competences}")
    }
    /// A grid's page title.
    pub fn title(unit: &str) -> String {
        format!("Grille d’évaluation · {unit}")
    }
}

/// Positionnement: the answers a learner gives for each critère.
pub mod positionnement {
    pub const OUI: &str = "Oui";
    pub const EN_PARTIE: &str = "En partie";
    pub const NON: &str = "Non";
    /// The answers, with the value the page stores and the CSV writes.
    pub const ANSWERS: [(&str, &str); 3] = [("oui", OUI), ("en-partie", EN_PARTIE), ("non", NON)];
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

// #23, #28: words of the command line and of the grids' workbooks, moved here from their modules.
/// Words of the command line's results.
pub mod cli {
    /// `search` when nothing matches.
    pub const no_result: &str = "aucun résultat\n";
    /// `export --csv-delimiter` given more than one character.
    pub fn one_char_delimiter(d: &str) -> String {
        format!("--csv-delimiter « {d} » : un seul caractère attendu")
    }
    pub const delimiter_hint: &str = "par exemple --csv-delimiter ';' ou --csv-delimiter ','";
}

/// `plan --against`: the heading of the links to review.
pub mod plan_against {
    pub fn heading(cert: &str, other: &str, n: usize) -> String {
        format!(
            "Liens du plan lus dans {other} (appariement du diff {cert} → {other}) : {n} à revoir\n"
        )
    }
}

/// `referentiel plan`'s text report (#28).
pub mod plan_report {
    /// Covered / total per part: critères, savoir-faire, savoirs.
    pub fn counts(c: [(usize, usize); 3]) -> String {
        format!(
            "critères {}/{} · savoir-faire {}/{} · savoirs {}/{}",
            c[0].0, c[0].1, c[1].0, c[1].1, c[2].0, c[2].1
        )
    }
    /// The report's first line (`by`: « , par … » or nothing).
    pub fn summary(sequences: usize, hours: &str, by: &str) -> String {
        format!(
            "{sequences} séquences, {hours} ; plan de formation, pas un document officiel{by}.\n"
        )
    }
    pub const HOURS_RULE: &str =
        "Les heures d’une séquence comptent pour chaque compétence qu’elle touche.\n\n";
    pub const NO_SEQUENCE: &str = "aucune séquence";
}

/// Kinds of element in the plural, for headings ([`crate::schema::Kind::plural`]).
pub mod kind_plural {
    pub const Section: &str = "Sections";
    pub const Paragraphe: &str = "Paragraphes";
    pub const ActiviteType: &str = "Activités types";
    pub const Fonction: &str = "Fonctions";
    pub const SousFonction: &str = "Sous-fonctions";
    pub const Tache: &str = "Tâches";
    pub const BlocCompetences: &str = "Blocs de compétences";
    pub const CompetenceProfessionnelle: &str = "Compétences professionnelles";
    pub const CompetenceTransversale: &str = "Compétences transversales";
    pub const Competence: &str = "Compétences";
    pub const Description: &str = "Descriptions";
    pub const Contexte: &str = "Contextes professionnels";
    pub const ConditionExercice: &str = "Conditions d’exercice";
    pub const Autonomie: &str = "Autonomies";
    pub const ResultatAttendu: &str = "Résultats attendus";
    pub const ConditionRealisation: &str = "Conditions de réalisation";
    pub const CriterePerformance: &str = "Critères de performance";
    pub const CritereEvaluation: &str = "Critères d’évaluation";
    pub const SavoirFaire: &str = "Savoir-faire";
    pub const Savoir: &str = "Savoirs";
    pub const SavoirAssocie: &str = "Savoirs associés";
    pub const LimiteConnaissances: &str = "Limites de connaissances";
    pub const Theme: &str = "Thèmes";
    pub const Unite: &str = "Unités";
    pub const Epreuve: &str = "Épreuves";
    pub const Ccp: &str = "CCP";
    pub const ModaliteEvaluation: &str = "Modalités d’évaluation";
    pub const SituationEvaluation: &str = "Situations d’évaluation";
    pub const Glossaire: &str = "Glossaires";
    pub const Terme: &str = "Termes";
    pub const Definition: &str = "Définitions";
    pub const Article: &str = "Articles";
    pub const Reference: &str = "Références";
}
