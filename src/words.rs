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
    pub(crate) const Paragraphe: &str = "Paragraphe";
    pub const ActiviteType: &str = "Activité type";
    pub(crate) const Fonction: &str = "Fonction";
    pub(crate) const SousFonction: &str = "Sous-fonction";
    pub(crate) const Tache: &str = "Tâche";
    pub const BlocCompetences: &str = "Bloc de compétences";
    pub const CompetenceProfessionnelle: &str = "Compétence professionnelle";
    pub(crate) const CompetenceTransversale: &str = "Compétence transversale";
    pub const Competence: &str = "Compétence";
    pub const Description: &str = "Description";
    pub const Contexte: &str = "Contexte professionnel";
    pub(crate) const ConditionExercice: &str = "Conditions d’exercice";
    pub(crate) const Autonomie: &str = "Autonomie";
    pub(crate) const ResultatAttendu: &str = "Résultat attendu";
    pub(crate) const ConditionRealisation: &str = "Condition de réalisation";
    pub(crate) const CriterePerformance: &str = "Critère de performance";
    pub(crate) const CritereEvaluation: &str = "Critère d’évaluation";
    pub const SavoirFaire: &str = "Savoir-faire";
    pub const Savoir: &str = "Savoir";
    pub(crate) const SavoirAssocie: &str = "Savoir associé";
    pub(crate) const LimiteConnaissances: &str = "Limites de connaissances";
    pub const Theme: &str = "Thème";
    pub const Unite: &str = "Unité";
    pub const Epreuve: &str = "Épreuve";
    pub const Ccp: &str = "CCP";
    pub const ModaliteEvaluation: &str = "Modalité d’évaluation";
    pub(crate) const SituationEvaluation: &str = "Situation d’évaluation";
    pub const Glossaire: &str = "Glossaire";
    pub(crate) const Terme: &str = "Terme";
    pub(crate) const Definition: &str = "Définition";
    pub(crate) const Article: &str = "Article";
    pub const Reference: &str = "Référence";
}

/// Kinds of certification ([`crate::schema::CertKind`]).
pub(crate) mod cert_kind {
    pub const TitreProfessionnel: &str = "Titre professionnel";
    pub const Bts: &str = "Brevet de technicien supérieur";
    pub const NonPrecise: &str = "Nature non précisée par les documents";
}

/// Who promulgates a certification of each kind (the CASE export's creator).
pub(crate) mod cert_creator {
    pub const TitreProfessionnel: &str = "Ministère chargé de l’emploi";
    pub const Bts: &str = "Ministère chargé de l’éducation nationale";
    pub const NonPrecise: &str = "Non précisé par les documents";
}

/// Code systems ([`crate::schema::CodeSystem`]).
pub(crate) mod code_system {
    pub const Rncp: &str = "RNCP";
    pub const Tp: &str = "Code titre";
    pub const Nsf: &str = "NSF";
    pub const Rome: &str = "ROME";
    pub const Formacode: &str = "Formacode";
}

/// What a date of a certification record is ([`crate::schema::DateRole`]).
pub(crate) mod date_role {
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
pub(crate) mod cell_state {
    pub const Marked: &str = "coché";
    pub const Unmarked: &str = "non coché";
    pub const Lost: &str = "perdu";
    pub const Uncertain: &str = "incertain";
}

/// The facts of an element, by their YAML names ([`crate::schema::Facts`]).
pub mod fact {
    pub const duree: &str = "Durée";
    pub(crate) const duree_preparation: &str = "Durée de préparation";
    pub(crate) const coefficient: &str = "Coefficient";
    pub(crate) const forme: &str = "Forme";
    pub(crate) const mode: &str = "Mode";
    pub(crate) const horaire: &str = "Horaire";
    pub(crate) const validite: &str = "Validité";
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
pub(crate) mod not_found {
    /// Its title.
    pub const title: &str = "Page introuvable";
}

/// What `serve` answers a request it refuses (#23).
pub mod serve {
    /// A request that names a host other than the loopback (DNS rebinding).
    pub(crate) const not_loopback: &str =
        "Ce serveur ne répond qu’aux adresses locales (127.0.0.1, localhost).";
    /// A live-reload socket asked for by a page of another origin.
    pub(crate) const other_origin: &str =
        "Le rechargement automatique n’est ouvert qu’aux pages de ce serveur.";
    /// Too many live-reload clients at once.
    pub const too_many: &str = "Trop de pages ouvertes sur ce serveur : fermez-en quelques-unes.";
    /// (#32) A full rebuild that a newer save made useless.
    pub(crate) const superseded: &str =
        "reconstruction complète abandonnée : une modification plus récente la remplace";
    /// After the diagnostics of a save that does not pass the checker.
    pub(crate) const still_served: &str = "le dernier site valide reste servi";
    /// The count of problems on the served pages' banner.
    pub fn problems(n: usize) -> String {
        format!("{n} problème(s)")
    }
    pub(crate) fn cannot_listen(port: u16, e: &str) -> String {
        format!("impossible d’écouter sur 127.0.0.1:{port} : {e}")
    }
    pub const CANNOT_LISTEN_HINT: &str = "choisissez un autre port avec --port";
    pub fn cannot_create(dir: &str, e: &str) -> String {
        format!("impossible de créer un dossier dans {dir} : {e}")
    }
    pub(crate) fn cannot_watch(path: &str, e: &str) -> String {
        format!("impossible de surveiller {path} : {e}")
    }
    pub(crate) fn cannot_watch_files(e: &str) -> String {
        format!("impossible de surveiller les fichiers : {e}")
    }
    /// The line that says where the site is served (tests and benchmarks read the address
    /// after « site servi sur »).
    pub(crate) fn serving(url: &str, watched: &str) -> String {
        format!("site servi sur {url} (surveille {watched}) ; Ctrl-C pour arrêter")
    }
    /// A full rebuild published: how many files the served site has.
    pub fn rebuilt(files: usize) -> String {
        format!("site reconstruit ({files} fichiers)")
    }
    /// The time of a full rebuild (the serve benchmark reads the figure).
    pub(crate) fn full_rebuild_ms(ms: u128) -> String {
        format!("reconstruction complète en {ms} ms")
    }
    /// The quick pass after a save: what changed, how many pages were rendered again, how fast.
    pub(crate) fn quick_pass(changed: usize, pages: usize, ms: u128) -> String {
        format!("{changed} élément(s) modifié(s) : {pages} page(s) rendue(s) à nouveau en {ms} ms")
    }
    pub(crate) fn quick_pass_failed(e: &str) -> String {
        format!("passe rapide : {e}")
    }
}

/// The build folder's guards and failures (`build::folder`, `build::links`): why a folder is not
/// written into, and what could not be written.
pub(crate) mod build_folder {
    pub fn cannot_write(path: &str, e: &str) -> String {
        format!("impossible d’écrire {path} : {e}")
    }
    pub(crate) fn cannot_resolve_out(out: &str, e: &str) -> String {
        format!("impossible de résoudre le dossier de sortie {out} : {e}")
    }
    pub(crate) fn out_is_root(out: &str) -> String {
        format!("le dossier de sortie {out} est la racine du système de fichiers")
    }
    pub(crate) fn cannot_resolve_data(e: &str) -> String {
        format!("impossible de résoudre le dossier de données : {e}")
    }
    pub(crate) fn out_holds_data(out: &str, data: &str) -> String {
        format!(
            "le dossier de sortie {out} est ou contient le dossier de données {data} ; construire là effacerait les données"
        )
    }
    pub(crate) fn out_in_data(out: &str, data: &str) -> String {
        format!(
            "le dossier de sortie {out} est dans le dossier de données {data} ; le site s’écrit ailleurs"
        )
    }
    pub(crate) fn cannot_resolve_config(e: &str) -> String {
        format!("impossible de résoudre le dossier de la configuration : {e}")
    }
    pub(crate) fn out_holds_project(out: &str, project: &str) -> String {
        format!(
            "le dossier de sortie {out} est ou contient le dossier du projet {project} ; construire là l’effacerait"
        )
    }
    pub(crate) fn out_in_git(out: &str) -> String {
        format!("le dossier de sortie {out} est dans un dépôt git ou en contient un (.git)")
    }
    pub(crate) fn out_is_symlink(out: &str) -> String {
        format!(
            "la sortie {out} est un lien symbolique ; donnez à --out le dossier vers lequel il pointe"
        )
    }
    pub(crate) fn out_is_file(out: &str) -> String {
        format!("la sortie {out} est un fichier, pas un dossier")
    }
    pub(crate) fn out_holds_git(out: &str) -> String {
        format!("le dossier de sortie {out} contient un dépôt git (.git)")
    }
    pub(crate) fn out_not_ours(out: &str, marker: &str) -> String {
        format!(
            "le dossier de sortie {out} n’est pas vide et n’est pas un site construit par referentiel (il n’a pas de fichier {marker}) ; choisissez un dossier neuf ou vide, ou videz-le vous-même"
        )
    }
    /// Files in the site that no build wrote (`shown`: the first ten).
    pub fn strangers(site: &str, n: usize, shown: &str, first: &str) -> String {
        let more = if n > 10 { format!(" et {} autres", n - 10) } else { String::new() };
        format!(
            "le site {site} contient {n} fichier(s) qu’aucune construction n’a écrit(s) : {shown}{more} ; pour les garder, listez-les dans book.toml ([build] keep = [\"{first}\"]), ou construisez avec --force pour les supprimer"
        )
    }
    /// The first failure to write or read, and how many more there were.
    pub(crate) fn more_failures(first: &str, more: usize) -> String {
        format!("{first}\n(et {more} autres fichiers qui n’ont pu être écrits ou lus)")
    }
    pub const NO_SEARCH_INDEX: &str = "l’index de recherche n’a pas pu être construit";
    /// A page written by the build that is not UTF-8 (a theme's template, a bug).
    pub(crate) fn not_utf8(path: &str) -> String {
        format!("{path} : la page n’est pas en UTF-8")
    }
    pub(crate) fn cannot_read_back(path: &str, e: &str) -> String {
        format!("impossible de relire {path} : {e}")
    }
    /// A link of the site to a file the build did not write.
    pub(crate) fn link_to_missing(target: &str) -> String {
        format!("lien vers une page absente : {target}")
    }
    /// A link to an anchor that its page does not hold.
    pub(crate) fn link_to_missing_anchor(target: &str) -> String {
        format!("lien vers une ancre absente : {target}")
    }
    /// The link check's verdict: how many broken links, then the first twenty, a line each.
    pub(crate) fn broken_links(n: usize, lines: &str) -> String {
        format!("{n} lien(s) interne(s) cassé(s) :\n{lines}")
    }
}

/// The headings of a fiche's parts (`present::FICHE_ROLES`), in the order a trainer reads them.
pub(crate) mod fiche_part {
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
    pub(crate) const organisationnel: &str = "Savoir-faire organisationnels";
    pub(crate) const relationnel: &str = "Savoir-faire relationnels";

    /// A block the document lists without naming it.
    pub(crate) fn unnamed_block(b: u32) -> String {
        format!("Bloc {b} de la liste (le document ne nomme pas les blocs)")
    }
}

/// Why a comparison paired two elements: the phrases of an evolution page
/// (`present::pairing`).
pub(crate) mod pairing {
    /// Who made the table that pairs them.
    pub(crate) const by_official: &str = "la table de correspondance officielle du référentiel";
    pub(crate) const by_curated: &str =
        "une table de correspondance établie par ce projet (non officielle)";
    pub(crate) const by_inferred: &str =
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
pub(crate) mod passerelle {
    /// The heading: for a holder of `a`, the unités of `b`.
    pub fn heading(a: &str, b: &str) -> String {
        format!("Passerelle pour un titulaire de {a} : unités de {b}")
    }

    /// The certification gives no unit that certifies compétences.
    pub(crate) const NO_UNIT: &str = "(les données ne donnent à cette certification ni unité, ni CCP, ni bloc qui certifie des compétences)";

    /// How many of a unit's compétences are covered.
    pub fn count(covered: usize, total: usize) -> String {
        format!(
            "{covered}/{total} compétence{} couverte{}",
            if total > 1 { "s" } else { "" },
            if total > 1 { "s" } else { "" }
        )
    }

    /// A compétence that nothing covers; a unit none of whose compétences is covered.
    pub(crate) const NOT_COVERED: &str = "non couverte";
    /// A unit all of whose compétences are covered.
    pub(crate) const COVERED: &str = "couverte";
    /// A unit some of whose compétences are covered.
    pub(crate) const PARTIAL: &str = "couverte en partie";
}

// issue #29: the exports' words (CASE groupings and item types, the build's warning, Moodle).
/// The words of the exports ([`crate::outputs`]).
pub mod exports {
    /// `build`, when the site has no absolute address.
    pub(crate) fn base_warning(site_url: &str, base: &str) -> String {
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
        pub(crate) const Succession: (&str, &str) = (
            "Succession des versions",
            "Une certification ou un élément remplacé par son successeur, d’après les textes officiels.",
        );
    }

    /// The description of a CASE item type (`kind`: its French label).
    pub(crate) fn item_type_description(kind: &str) -> String {
        format!("Élément de type « {kind} » d’un référentiel de certification")
    }

    /// SKOS: the scope note of a concept whose text another concept shares (`parent`: its
    /// parent's label).
    pub fn within(parent: &str) -> String {
        format!("sous « {parent} »")
    }

    /// Moodle: the scale of every framework and its two values.
    pub(crate) const MOODLE_SCALE: &str = "Non acquis,Acquis";
    /// Moodle: the description of a framework (`title`: the certification's title).
    pub(crate) fn moodle_framework_description(title: &str, source: &str) -> String {
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
    pub(crate) fn same_kind(by: &str) -> String {
        format!(
            "Les deux versions sont décrites par le même genre de document ({by}) : comparaison à tous les niveaux."
        )
    }

    /// One side is known by less than the other: the comparison keeps to the levels both hold.
    pub(crate) fn known_only_by(
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
    pub(crate) fn nothing_shared(old: &str, old_by: &str, new: &str, new_by: &str) -> String {
        format!(
            "{old} n’est connu que par {old_by} ; {new}, par {new_by} : aucun niveau n’est décrit des deux côtés, rien n’est comparé."
        )
    }

    /// Heading of what only one side describes.
    pub(crate) fn only_one_side(name: &str) -> String {
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
    pub(crate) mod class_cli {
        pub const Unchanged: &str = "inchangés";
        pub const Reworded: &str = "reformulés";
        pub const Moved: &str = "déplacés";
        pub const Split: &str = "scindés";
        pub const Merged: &str = "fusionnés";
        pub const Added: &str = "ajoutés";
        pub const Removed: &str = "supprimés";
    }

    /// The words of the text and markdown reports.
    pub(crate) const HEADING: &str = "Évolution";
    pub const ELEMENTS: &str = "éléments comparés";
    pub const OLD: &str = "ancienne version";
    pub const NEW: &str = "nouvelle version";
    pub(crate) const UNITS: &str = "Verdict par unité certifiante";
    pub(crate) const DETAILS: &str = "Détail (les éléments inchangés sont comptés, pas listés)";
    pub(crate) const NO_CHANGE: &str = "aucun changement";
    pub(crate) const TOP: &str = "(premier niveau)";
    pub(crate) const NO_CODE: &str = "sans code";
    pub(crate) const NO_UNIT: &str =
        "aucune unité certifiante dans les données de l’une ou l’autre version";
    pub(crate) const BY_ACTIVITE: &str = "l’ancienne version n’est connue que par ses activités : l’unité est jugée par l’activité type qu’elle certifie";
    pub(crate) const CONTENT_UNKNOWN: &str = "contenu de l’ancienne unité non décrit par les documents : seuls l’intitulé et la table sont comparés";
    pub(crate) const TITLE: &str = "intitulé";
    pub(crate) const TABLE_ROW: &str = "ligne de la table";
    pub(crate) const INSIDE: &str = "dans l’unité";
    pub(crate) const UNCHANGED_INSIDE: &str = "inchangés";

    /// The last two of their groups: « seules restées sans pendant, … ».
    pub(crate) fn rest_phrase(siblings: usize) -> String {
        if siblings == 1 {
            "seules restées sans pendant, leur voisine ayant son pendant parmi les voisines de l’autre".to_string()
        } else {
            format!(
                "seules restées sans pendant, leurs {siblings} voisines ayant leur pendant parmi les voisines de l’autre"
            )
        }
    }

    /// A change inside a unit whose element came from, or went to, another unit.
    pub(crate) const CAME_IN: &str = "venu d’une autre unité";
    pub(crate) const WENT_OUT: &str = "parti dans une autre unité";
    /// A version whose activités types stand for its units.
    pub(crate) const AT_FOR_CCP: &str = "pas d’unité dans les données : chaque activité type renvoie à un certificat de compétences professionnelles (CCP), d’après le glossaire du REAC";

    /// « Depuis quelle version » on an element page of a lineage.
    pub fn since(version: &str) -> String {
        format!("Texte inchangé depuis {version}")
    }
    pub(crate) fn since_new(version: &str) -> String {
        format!("Texte de {version}")
    }
    pub(crate) const REPLACES: &str = "remplace";

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
        pub(crate) const OFFICIAL: &str = "la table de correspondance officielle";
        pub const CURATED: &str = "une table établie par ce projet (non officielle)";
        pub(crate) const INFERRED: &str = "une table déduite de la mise en page du document";
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
    pub(crate) const NO_COMPETENCE: &str = "aucune compétence";
    /// An empty side of a table row.
    pub(crate) const NONE: &str = "(aucun)";
    /// The heading of each list, by status, with its length.
    pub fn official(n: usize) -> String {
        format!("Correspondances officielles — imprimées dans un document ({n})")
    }
    pub fn curated(n: usize) -> String {
        format!("Correspondances établies par l’équipe — non officielles, justifiées ({n})")
    }
    pub(crate) fn inferred(n: usize) -> String {
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
    pub(crate) const MUTUAL: &str = "meilleur candidat l’un de l’autre";
    /// The words two fiches share.
    pub fn words(w: &str) -> String {
        format!("mots communs : {w}")
    }
    /// A text the two fiches print word for word.
    pub(crate) fn same_text(t: &str) -> String {
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
    pub(crate) const WHY: &str = "pourquoi";
    pub(crate) const SIDE: &str = "certification";
    pub(crate) const COVERAGE: &str = "compétences avec un correspondant";
    /// The heat map's title (its text alternative).
    pub(crate) fn heat_map(a: &str, b: &str) -> String {
        format!("Compétences de {a} en lignes, de {b} en colonnes : une case par lien")
    }
    /// What the documents state, shown first.
    pub(crate) const DOCUMENTS_SAY: &str = "Ce que disent les documents";
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
    /// (A suggestion claims no relation: its status alone.)
    pub(crate) fn how(relation: Option<&str>, status: &str, table: &str) -> String {
        let what = match relation {
            Some(r) => format!("{r} ; {status}"),
            None => status.to_string(),
        };
        if table.is_empty() { what } else { format!("{what}, {table}") }
    }
    /// Links that are listed but never cover (« en lien », suggestions).
    pub fn listed(with: &str, how: &str) -> String {
        format!("en lien seulement avec {with} ({how}) : ne couvre pas")
    }
    /// A table row saying there is no counterpart.
    pub(crate) fn none_by_table(status: &str, why: &str) -> String {
        format!("aucun équivalent selon la {status} : {why}")
    }
    /// The unit's verdict rests on links of this status (the weakest).
    pub fn unit(status: &str) -> String {
        format!("repose sur : {status}")
    }
    /// The unit's verdict under a document that states no equivalence.
    pub(crate) const OVERRIDDEN: &str =
        "aucune équivalence officielle (le document le dit) ; analyse de l’équipe";
    /// How many compétences are covered in part.
    pub(crate) fn partly(n: usize) -> String {
        format!("{n} en partie")
    }
    /// The status of a link, short ([`crate::crosswalk::Status::verdict_label`]).
    pub(crate) const OFFICIAL: &str = "officielle";
    pub const CURATED: &str = "établie par l’équipe";
    pub(crate) const INFERRED: &str = "déduite de la mise en page";
    pub(crate) const SUGGESTED: &str = "suggérée";
}

/// #26: the review of suggestions in `serve` ([`crate::serve::review`]).
pub mod review {
    pub(crate) const METHOD: &str = "Refusé : la relecture n’accepte que POST.";
    pub(crate) const FOREIGN: &str = "Refusé : la relecture n’accepte que les formulaires des pages servies par ce serveur (même origine).";
    pub(crate) const JUSTIFICATION: &str =
        "Refusé : donnez une justification d’une ligne (400 caractères au plus).";
    pub(crate) const ACTION: &str = "Refusé : l’action doit être « accepter » ou « rejeter ».";
    pub(crate) const RELATION: &str = "Refusé : choisissez une relation (équivalence exacte ou proche, plus large, plus étroit, en lien).";
    pub(crate) const STALE: &str = "Refusé : les tables de cette passerelle ont changé depuis l’affichage de la page. Rechargez la page, puis relisez la suggestion.";
    pub(crate) const OUTSIDE: &str = "Refusé : la relecture n’écrit que la table établie par l’équipe de cette passerelle, dans data/correspondences/.";
    pub(crate) const NO_AUTHOR: &str = "Refusé : aucun auteur connu. Indiquez authors = [\"…\"] dans la section [book] de book.toml, ou git config user.name.";
    pub(crate) const SHAPE: &str =
        "Refusé : le fichier de la table contient plusieurs tables ; ajoutez la paire à la main.";
    pub(crate) const RELATION_LABEL: &str = "Relation";
    pub(crate) const JUSTIFICATION_LABEL: &str = "Justification";
    pub(crate) const ACCEPT: &str = "Accepter";
    pub(crate) const REJECT: &str = "Rejeter";
    /// The relation read from the row's compétence to the column's, in the form.
    pub(crate) const NARROWER: &str = "la seconde est plus étroite";
    pub(crate) const BROADER: &str = "la seconde est plus large";
    pub(crate) fn data_errors(n: usize) -> String {
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
    pub(crate) fn refused_by_checker(first: &str) -> String {
        format!("Refusé par le vérificateur, le fichier est remis en l’état : {first}")
    }
    pub fn accepted(file: &str) -> String {
        format!(
            "Enregistré dans data/correspondences/{file} : la page se recharge avec la correspondance établie."
        )
    }
    /// Shown above the suggestions once the page has reloaded.
    pub(crate) fn accepted_after(file: &str) -> String {
        format!("Correspondance établie, enregistrée dans data/correspondences/{file}.")
    }
    pub(crate) fn rejected(file: &str) -> String {
        format!(
            "Rejet enregistré dans data/correspondences/{file} : la suggestion ne sera plus proposée."
        )
    }
}

// #28 (evaluation grids, positionnement, training plans): the words of the working documents.
/// Evaluation grids: the columns a jury ticks, the blank fields, the headings.
pub(crate) mod grille {
    /// The workbook's title (its document properties).
    pub(crate) fn workbook_title(cert: &str) -> String {
        format!("Grilles d’évaluation · {cert}")
    }
    /// The first row of each sheet.
    pub(crate) const SHEET_TITLE: &str = "Grille d’évaluation";
    /// What a cell to tick says when selected.
    pub(crate) const TICK_HINT: &str = "X : cocher une seule case par critère";
    pub(crate) const ACQUIS: &str = "Acquis";
    pub(crate) const EN_COURS: &str = "En cours d’acquisition";
    pub(crate) const NON_ACQUIS: &str = "Non acquis";
    pub(crate) const OBSERVATIONS: &str = "Observations";
    /// The columns to tick, in order.
    pub(crate) const TICKS: [&str; 3] = [ACQUIS, EN_COURS, NON_ACQUIS];
    pub(crate) const CANDIDAT: &str = "Candidat";
    pub(crate) const EVALUATEUR: &str = "Évaluateur";
    pub(crate) const DATE: &str = "Date";
    pub(crate) const CERTIFICATION: &str = "Certification";
    pub(crate) const UNITE: &str = "Unité certifiée";
    pub(crate) const MODALITES: &str = "Modalités";
    pub(crate) const CRITERE: &str = "Critère";
    pub(crate) const COMPETENCE: &str = "Compétence";
    /// A compétence for which the document prints no critère: the compétence itself is rated.
    pub(crate) const NO_CRITERE: &str = "Le référentiel ne donne pas de critère pour cette compétence : elle est évaluée comme un tout.";
    /// A REAC without CCP: the activité type stands for the CCP that certifies it.
    pub(crate) const STANDS_FOR_CCP: &str = "Le document ne définit pas les CCP : chaque activité type est certifiée par un CCP ; la grille reprend celle-ci.";
    /// The tick a cell takes in the spreadsheet.
    pub(crate) const TICK: &str = "X";
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
pub(crate) mod positionnement {
    pub(crate) const OUI: &str = "Oui";
    pub(crate) const EN_PARTIE: &str = "En partie";
    pub(crate) const NON: &str = "Non";
    /// The answers, with the value the page stores and the CSV writes.
    pub(crate) const ANSWERS: [(&str, &str); 3] =
        [("oui", OUI), ("en-partie", EN_PARTIE), ("non", NON)];
}

/// (#27, glance) The « Qui évalue quoi » grid of a certification page, its legend and its list per
/// compétence on a phone.
pub(crate) mod evalgrid {
    /// Before a coefficient, in a short list of facts: « Orale, coef. 4 ».
    pub(crate) const coef: &str = "coef.";
}

/// (#27, glance) The summary at the top of a compétence's page.
pub mod summary {
    /// A CCP named by its rank: « CCP 1 ».
    pub const ccp: &str = "CCP";
    /// The épreuve of a titre professionnel's own session (as opposed to a CCP's).
    pub(crate) const session_du_titre: &str = "session du titre";
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
pub(crate) mod synoptic {
    /// Its three columns' heads.
    pub const COLUMNS: [&str; 3] = ["Activités, fonctions", "Compétences", "Certifiées par"];
}

// ---- #31 (French for every reader): the command line's help, its messages, the checker's ----

/// `referentiel --help` and each command's help (clap, [`crate`]'s `cmd` module): the texts, the
/// headings of the help pages and the names of the values. Command and option names stay English
/// (`check`, `--out`): they are typed, not read.
pub mod help {
    /// The page of every help: what the command does, how to call it, its parts.
    pub const TEMPLATE: &str =
        "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}\n";
    pub const COMMANDS: &str = "Commandes";
    pub const ARGUMENTS: &str = "Arguments";
    pub const OPTIONS: &str = "Options";
    pub const COMMAND: &str = "COMMANDE";
    pub const HELP: &str = "Afficher l’aide (--help en dit plus que -h)";
    pub const HELP_SHORT: &str = "Afficher l’aide";
    pub const VERSION: &str = "Afficher la version";
    pub const HELP_COMMAND: &str = "Afficher cette aide, ou celle des commandes nommées";
    /// The list of an option's values in its long help, each with what it means.
    pub const POSSIBLE_VALUES: &str = "Valeurs possibles :";
    pub fn default_value(v: &str) -> String {
        format!("par défaut : {v}")
    }

    /// The names of the values (`--out <DOSSIER>`).
    pub mod value {
        pub const FILE: &str = "FICHIER";
        pub const DIR: &str = "DOSSIER";
        pub const PATH: &str = "CHEMIN";
        pub const WHEN: &str = "QUAND";
        pub const FORMAT: &str = "FORMAT";
        pub const ID: &str = "ID";
        pub const REV: &str = "RÉVISION";
        pub const LABEL: &str = "LIBELLÉ";
        pub const N: &str = "N";
        pub const VERSION: &str = "VERSION";
        pub const CHAR: &str = "CARACTÈRE";
        pub const CERT: &str = "CERT";
        pub const SHELL: &str = "SHELL";
        pub const QUERY: &str = "REQUÊTE";
        pub const NAME: &str = "NOM";
        pub const A: &str = "A";
        pub const B: &str = "B";
        pub const OLD: &str = "ANCIENNE";
        pub const NEW: &str = "NOUVELLE";
        pub const PROFILE: &str = "PROFIL";
        pub const FAMILY: &str = "FAMILLE";
    }

    pub const ABOUT: &str =
        "Les référentiels de certification en données vérifiées et en site statique";
    pub const EXAMPLES: &str = "\
Exemples :
  referentiel check                          vérifier tout data/, signaler chaque problème
  referentiel build                          vérifier, puis écrire le site dans site/
  referentiel show ntc-2018/cp3              un élément, ses critères, savoirs et liens
  referentiel search \"relancer un client\"     chercher comme le site
  referentiel diff ntc-2013 ntc-2018         ce qui a changé entre deux versions
  referentiel crosswalk bts-nrc ntc-2018     les correspondances entre deux certifications

La configuration est le book.toml le plus proche, dans ce dossier ou un dossier parent.";

    /// The options every command takes.
    pub const CONFIG: &str = "La configuration du site [par défaut : le book.toml le plus proche, ici ou dans un dossier parent]";
    pub const DATA: &str =
        "Le dossier des données [par défaut : `build.data-dir` de la configuration]";
    pub const COLOR: &str =
        "Quand colorer la sortie (`NO_COLOR` et `CLICOLOR_FORCE` sont respectés avec `auto`)";
    pub const COLOR_AUTO: &str = "Couleur sur un terminal, sauf si `NO_COLOR` est posé et non vide ; `CLICOLOR_FORCE` (posé, non vide, différent de `0`) l’impose";
    pub const COLOR_ALWAYS: &str = "Toujours en couleur";
    pub const COLOR_NEVER: &str = "Jamais en couleur";
    pub const QUIET: &str = "N’afficher que les erreurs";
    pub const VERBOSE: &str = "Afficher ce qui est fait, avec les durées";
    pub const FORMAT: &str = "Le format de sortie";
    pub const FORMAT_TEXT: &str = "Du texte pour le terminal";
    pub const FORMAT_MARKDOWN: &str = "Du Markdown";
    pub const FORMAT_JSON: &str = "Du JSON, pour les programmes";
    pub const FORMAT_XLSX: &str = "Le classeur « tableau croisé » (demande --out)";
    pub const JSON: &str = "Abrège `--format json`";

    /// `check`.
    pub const CHECK: &str =
        "Vérifier toutes les données et signaler chaque problème (code de sortie 1 s’il y en a)";
    pub const CHECK_EXAMPLES: &str = "Exemple :\n  referentiel check --json | jq '.[].message'";
    /// `list`.
    pub const LIST: &str =
        "Lister les certifications, le nombre de leurs éléments par type et l’état de leurs tables";
    /// `show`.
    pub const SHOW: &str = "Afficher un élément : son texte, son parent, ses enfants, ses liens, ses correspondances et ses lignes sources";
    pub const SHOW_EXAMPLES: &str = "Exemples :\n  referentiel show ntc-2018/cp3\n  referentiel show cp3 --cert ntc-2018 --json\n  referentiel show bts-tc-2006        (une certification)";
    pub const SHOW_ID: &str = "`cert/élément` (`ntc-2018/cp3`), un id d’élément avec `--cert`, un id d’élément qu’une seule certification a, ou un id de certification";
    pub const SHOW_CERT: &str = "La certification de l’élément";
    /// `search`.
    pub const SEARCH: &str =
        "Chercher dans les données comme le site (même index, même classement)";
    pub const SEARCH_EXAMPLES: &str = "Exemples :\n  referentiel search \"veile comerciale\"\n  referentiel search cp3 --cert ntc-2018 --kind \"Compétence professionnelle\"\n  referentiel search --batch requetes.txt      (une requête par ligne ; une ligne JSON de résultats pour chacune)\n  printf 'cp3\\nveille\\n' | referentiel search --batch -";
    pub const SEARCH_QUERY: &str = "La requête : des mots, des expressions ou des codes";
    pub const SEARCH_BATCH: &str = "Plusieurs requêtes à la fois, une par ligne, lues dans FICHIER (`-` pour l’entrée standard) : les données sont chargées une fois, et les résultats de chaque requête sont écrits sur une ligne JSON, {\"q\": …, \"hits\": […]}, dans l’ordre des requêtes (les lignes vides sont sautées)";
    pub const SEARCH_CERT: &str =
        "Seulement cette certification (son id, tel que `referentiel list` l’affiche)";
    pub const SEARCH_KIND: &str = "Seulement ce type d’élément (son libellé français, comme dans le filtre du site : \"Compétence professionnelle\", \"Savoir\" …)";
    pub const SEARCH_LIMIT: &str = "Combien de résultats";
    /// `build`.
    pub const BUILD: &str = "Vérifier les données, puis construire le site (rien n’est écrit si les données ont des erreurs)";
    pub const BUILD_EXAMPLES: &str = "Exemple :\n  referentiel build --out /tmp/site";
    pub const BUILD_OUT: &str =
        "Le dossier de sortie [par défaut : `build.build-dir` de la configuration]";
    pub const BUILD_FORCE: &str = "Supprimer les fichiers du dossier de sortie qu’aucune construction n’a écrits (sinon ils sont listés et la construction refusée ; `[build] keep` dans book.toml les garde)";
    /// `diff`.
    pub const DIFF: &str =
        "Ce qui a changé de sens entre deux certifications, ou deux versions des données";
    pub const DIFF_EXAMPLES: &str = "Exemples :\n  referentiel diff ntc-2013 ntc-2018 --format markdown\n  referentiel diff ntc-2018 ntc-2018 --old-rev HEAD~3";
    pub const DIFF_OLD: &str =
        "L’ancienne certification (son id, tel que `referentiel list` l’affiche)";
    pub const DIFF_NEW: &str =
        "La nouvelle certification (le même id pour comparer deux versions des données)";
    pub const DIFF_OLD_DATA: &str =
        "Le dossier des données de l’ancienne version [par défaut : le dossier des données]";
    pub const DIFF_NEW_DATA: &str =
        "Le dossier des données de la nouvelle version [par défaut : le dossier des données]";
    pub const DIFF_OLD_REV: &str =
        "Les données de l’ancienne version telles qu’elles étaient à cette révision git";
    pub const DIFF_NEW_REV: &str =
        "Les données de la nouvelle version telles qu’elles étaient à cette révision git";
    pub const DIFF_UNITS: &str = "Seulement le verdict par unité certifiante (CCP, bloc, unité, épreuve) de la nouvelle version";
    /// `crosswalk`.
    pub const CROSSWALK: &str = "Les correspondances entre deux certifications : officielles, établies par l’équipe, suggérées ; la couverture";
    pub const CROSSWALK_EXAMPLES: &str =
        "Exemple :\n  referentiel crosswalk bts-nrc ntc-2018 --json";
    pub const CROSSWALK_A: &str =
        "La première certification (son id, tel que `referentiel list` l’affiche)";
    pub const CROSSWALK_B: &str = "La seconde certification";
    pub const CROSSWALK_UNITS: &str = "Seulement la passerelle : pour un titulaire de A, les unités, CCP ou blocs de B couverts en tout ou en partie";
    /// `export`.
    pub const EXPORT: &str = "Écrire un export (case, skos, sssom, csv, xlsx, json, moodle, grilles) de toutes les certifications ou de certaines";
    pub const EXPORT_EXAMPLES: &str = "Exemples :\n  referentiel export skos --cert ntc-2018 > ntc-2018.ttl\n  referentiel export csv --out exports/";
    pub const EXPORT_FORMAT: &str =
        "Le format : case, skos, sssom, csv, xlsx, json, moodle ou grilles";
    pub const EXPORT_CERT: &str = "Seulement cette certification (option répétable)";
    pub const EXPORT_OUT: &str = "Le fichier (un fichier) ou le dossier (plusieurs) à écrire [par défaut : la sortie standard, pour un fichier]";
    pub const EXPORT_CASE_VERSION: &str = "CASE : la version à suivre, 1.1 ou 1.0 (OpenSALT jusqu’à 3.2) [par défaut : case-version de [output.case], 1.1]";
    pub const EXPORT_CSV_DELIMITER: &str = "CSV : le séparateur de champs, un caractère (`,`, `;`, `\\t` pour une tabulation) [par défaut : delimiter de [output.csv], `;`]";
    /// `serve`.
    pub const SERVE: &str = "Servir le site sur 127.0.0.1, reconstruit et rechargé à chaque changement des données ou des modèles";
    pub const SERVE_EXAMPLES: &str = "Exemple :\n  referentiel serve --port 8080 --open";
    pub const SERVE_PORT: &str = "Le port sur 127.0.0.1 (0 pour un port libre quelconque)";
    pub const SERVE_OPEN: &str = "Ouvrir le site dans le navigateur";
    /// `schema`.
    pub const SCHEMA: &str = "Afficher le schéma JSON des fichiers de données, pour les éditeurs (ou écrire chaque schéma dans un dossier)";
    pub const SCHEMA_EXAMPLES: &str = "Exemples :\n  referentiel schema certification\n  referentiel schema --out docs/schema\n\nDans un fichier YAML, pour l’extension YAML de VS Code :\n  # yaml-language-server: $schema=../../../docs/schema/certification.schema.json";
    pub const SCHEMA_NAME: &str = "Le schéma à afficher : data-file (tout fichier de données), certification, correspondences, vocabulary ou sources (les fichiers de ce dossier de data/), ou plan (un plan de formation de plans/), ou referentiel-json (l’export JSON, telechargements/json/referentiel.json)";
    pub const SCHEMA_OUT: &str =
        "Écrire chaque schéma dans ce dossier, en NOM.schema.json, au lieu d’en afficher un";
    /// `plan`.
    /// `import` and `new` (#30).
    pub const IMPORT: &str = "Rédiger le brouillon d’une certification depuis un REAC / RC ou une fiche RNCP (texte ou PDF), à vérifier et corriger";
    pub const IMPORT_EXAMPLES: &str = "Exemples :\n  referentiel import reac reac.pdf --id cc-2024\n  referentiel import rncp fiche.txt --id tp-x --out /tmp/essai/data\n\nEnsuite : referentiel check, et docs/ajouter-une-certification.md";
    pub const IMPORT_FAMILY: &str = "La famille du document : reac (REAC / RC d’un titre professionnel, avec son RE) ou rncp (fiche RNCP)";
    pub const IMPORT_FILE: &str = "Le document : une extraction texte (.txt) ou un PDF (lu avec pdftotext -layout de poppler)";
    pub const IMPORT_ID: &str = "L’identifiant de la nouvelle certification (minuscules, chiffres, « - » et « . ») : cc-2017";
    pub const IMPORT_OUT: &str =
        "Le dossier de données où écrire [par défaut : le dossier de données du projet]";
    pub const IMPORT_FORCE: &str = "Remplacer un brouillon précédent du même identifiant";
    pub const NEW: &str = "Créer une certification vide (documents d’autres familles : BTS…), que le vérificateur guide ensuite";
    pub const NEW_ID: &str = "L’identifiant de la nouvelle certification";
    pub const NEW_FORCE: &str =
        "Remplacer les fichiers d’une ébauche précédente du même identifiant";
    pub const EXPORT_CSV_PROFILE: &str = "CSV : le profil, fr (tableur français) ou openedx (taxonomie Open edX : id,value,parent_id, sans BOM, virgule) [par défaut : profile de [output.csv], fr]";
    pub const PLAN: &str = "Un plan de formation vérifié contre sa certification : ce qu’il couvre, ce qu’il laisse de côté";
    pub const PLAN_EXAMPLES: &str = "Exemples :\n  referentiel plan plans/ntc-2018-parcours.yaml\n  referentiel plan plans/ntc-2018-parcours.yaml --json\n  referentiel plan plans/ntc-2018-parcours.yaml --format xlsx --out tableau-croise.xlsx";
    pub const PLAN_FILE: &str = "Le fichier du plan (YAML ; voir docs/plan-format.md)";
    pub const PLAN_AGAINST: &str = "Lire les liens du plan dans une autre version de sa certification (l’appariement du diff) : lesquels pointent maintenant vers des éléments reformulés, déplacés, scindés, fusionnés ou supprimés";
    pub const PLAN_OUT: &str = "Écrire le rapport dans ce fichier au lieu de l’afficher";
    /// `completions`.
    pub const COMPLETIONS: &str = "Afficher un script de complétion pour le shell";
    pub const COMPLETIONS_EXAMPLES: &str = "Exemple :\n  referentiel completions bash > ~/.local/share/bash-completion/completions/referentiel";
    pub const COMPLETIONS_SHELL: &str = "Le shell";
}

/// The command line's usage errors, in place of clap's English ones (`cmd::usage`).
pub mod usage {
    pub fn unknown_argument(arg: &str) -> String {
        format!("argument inattendu « {arg} »")
    }
    pub fn invalid_value(value: &str, arg: &str) -> String {
        format!("valeur « {value} » invalide pour « {arg} »")
    }
    pub fn missing_value(arg: &str) -> String {
        format!("« {arg} » demande une valeur, aucune n’est donnée")
    }
    pub fn possible_values(values: &str) -> String {
        format!("valeurs possibles : {values}")
    }
    pub fn unknown_command(cmd: &str) -> String {
        format!("commande inconnue « {cmd} »")
    }
    pub const MISSING_ARGUMENTS: &str = "ces arguments obligatoires manquent :";
    pub fn missing_command(cmd: &str) -> String {
        format!("« {cmd} » demande une commande, aucune n’est donnée")
    }
    pub fn commands(values: &str) -> String {
        format!("commandes : {values}")
    }
    pub fn used_twice(arg: &str) -> String {
        format!("l’argument « {arg} » ne peut être donné qu’une fois")
    }
    pub fn conflict(arg: &str) -> String {
        format!("l’argument « {arg} » ne peut pas être donné avec")
    }
    pub const CONFLICT_OTHERS: &str = "un ou plusieurs des autres arguments donnés";
    pub fn too_many(value: &str, arg: &str) -> String {
        format!("valeur « {value} » en trop pour « {arg} »")
    }
    pub fn no_equals(arg: &str) -> String {
        format!("« {arg} » demande un signe égal avant sa valeur")
    }
    pub fn wrong_count(arg: &str, expected: &str, given: &str) -> String {
        format!("« {arg} » demande {expected} valeur(s), {given} donnée(s)")
    }
    pub const INVALID_UTF8: &str = "un argument n’est pas de l’UTF-8 valide";
    pub const OTHER: &str = "ligne de commande invalide";
    pub fn similar(values: &str) -> String {
        format!("conseil : voulez-vous dire {values} ?")
    }
    pub fn tip(tip: &str) -> String {
        format!("conseil : {tip}")
    }
    /// An argument that looks like an option, given as a value.
    pub fn as_value(arg: &str, written: &str) -> String {
        format!("pour donner « {arg} » comme valeur, écrivez « {written} »")
    }
    /// `Usage:` of clap's usage line, as the help pages say it.
    pub const USAGE: &str = "Utilisation :";
    pub fn more(help: &str) -> String {
        format!("Pour en savoir plus, essayez « {help} ».")
    }
}

/// The labels of the command line's messages on standard error (`cmd::out`). The head of a
/// diagnostic, `error[unknown-id]`, is a stable identifier and stays as it is.
pub mod terminal {
    pub const ERROR: &str = "erreur";
    pub const HINT: &str = "conseil";
    pub const NOTE: &str = "note";
    pub const WARNING: &str = "attention";
    /// « 3 problèmes dans 2 fichiers ».
    pub fn problems(problems: usize, files: usize) -> String {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        format!("{problems} problème{} dans {files} fichier{}", s(problems), s(files))
    }
    pub const NOTHING_WRITTEN: &str = "rien n’a été écrit : corrigez d’abord les données";
    pub fn loaded(data: &str, took: &str) -> String {
        format!("{data} chargé et vérifié en {took}")
    }
    pub fn configuration(path: &str) -> String {
        format!("configuration : {path}")
    }
    pub const NO_BOOK_TOML: &str = "aucun book.toml dans ce dossier ni dans ses parents";
    pub const NO_BOOK_TOML_HINT: &str =
        "lancez la commande depuis le projet, ou donnez --config FICHIER ou --data DOSSIER";
    pub fn no_data_folder(path: &str) -> String {
        format!("aucun dossier de données à {path}")
    }
    pub const NO_DATA_FOLDER_HINT: &str =
        "donnez --data DOSSIER, ou posez build.data-dir dans book.toml";
    pub fn cannot_write_output(e: &str) -> String {
        format!("impossible d’écrire la sortie : {e}")
    }
    pub fn current_dir(e: &str) -> String {
        format!("impossible de lire le dossier courant : {e}")
    }
}

/// The checker's diagnostics (`diag`, `load`, `check::*`, `sources`, `ids`, `plan`): their
/// messages and hints. Their codes (`unknown-id`) are stable identifiers, not words.
pub mod diag {
    /// The label of a diagnostic's hint line: `= conseil : …`.
    pub const HINT: &str = "conseil";
    pub fn did_you_mean(c: &str) -> String {
        format!("vouliez-vous dire `{c}` ?")
    }

    /// What an id names, after « identifiant »: « identifiant d’élément mal formé ».
    pub mod of {
        pub(crate) const CERTIFICATION: &str = "de certification";
        pub(crate) const ELEMENT: &str = "d’élément";
        pub(crate) const MATRIX: &str = "de matrice";
        pub(crate) const CORRESPONDENCE: &str = "de table de correspondance";
    }

    // Ids (`ids`, `check::index`, `check::refs`).
    pub(crate) fn id_too_long(max: usize, len: usize) -> String {
        format!(
            "un identifiant a {max} caractères au plus (celui-ci en a {len}) ; un identifiant est une position ou un code, pas un texte"
        )
    }
    pub(crate) const ID_CHARS: &str =
        "un identifiant s’écrit en lettres minuscules et chiffres, avec `-` ou `.` entre eux";
    pub(crate) fn id_chars_try(suggestion: &str) -> String {
        format!("{ID_CHARS} ; essayez `{suggestion}`")
    }
    pub(crate) fn malformed_id(of: &str, id: &str) -> String {
        format!("identifiant {of} mal formé `{id}`")
    }
    pub(crate) fn duplicate_id(of: &str, id: &str) -> String {
        format!("identifiant {of} en double `{id}`")
    }
    pub(crate) fn first_defined(at: &str) -> String {
        format!(
            "défini d’abord en {at} ; les identifiants sont des positions ou des codes : donnez à celui-ci sa propre position ou son propre code"
        )
    }
    pub(crate) const DECLARE_CERT_FIRST: &str =
        "déclarez-la d’abord par une fiche `certification:`";
    pub fn unknown_cert(id: &str) -> String {
        format!("certification inconnue `{id}`")
    }
    pub(crate) const NEEDS_IN: &str =
        "les éléments et les matrices demandent la certification du fichier, `in`";
    pub(crate) const NEEDS_IN_HINT: &str =
        "ajoutez `in: <id de la certification>` en tête du fichier";
    pub(crate) fn code_without_letter(system: &str, code: &str) -> String {
        format!("le code {system} `{code}` n’a ni lettre ni chiffre")
    }
    pub(crate) const CODE_LETTERS: &str = "un code nomme sa page par ses lettres et ses chiffres";
    pub(crate) fn codes_share_page(system: &str, other: &str, code: &str, page: &str) -> String {
        format!("les codes {system} `{other}` et `{code}` partageraient la page `{page}`")
    }
    pub(crate) fn codes_first_at(at: &str) -> String {
        format!(
            "le premier est en {at} ; écrivez le code exactement comme les autres certifications"
        )
    }
    pub(crate) fn malformed_reference(r: &str) -> String {
        format!("référence mal formée `{r}`")
    }
    pub(crate) const REFERENCE_HINT: &str =
        "une référence est un id local (`cp3`) ou `<certification>/<id>` (`ntc-2013/cp1`)";
    pub(crate) fn unknown_cert_in(cert: &str, r: &str) -> String {
        format!("certification inconnue `{cert}` dans `{r}`")
    }
    pub(crate) fn no_such_element(cert: &str) -> String {
        format!("aucun élément de `{cert}` n’a cet identifiant")
    }
    pub(crate) fn unknown_id(id: &str) -> String {
        format!("identifiant inconnu `{id}`")
    }
    pub(crate) fn parent_elsewhere(p: &str) -> String {
        format!("le parent `{p}` est dans une autre certification")
    }
    pub(crate) const PARENT_ELSEWHERE_HINT: &str = "un parent est dans la même certification ; reliez des certifications par une correspondance";
    pub(crate) fn in_cycle(n: usize) -> String {
        format!("{n} éléments dans le cycle")
    }
    pub(crate) fn parent_cycle(path: &str) -> String {
        format!("cycle de parents : {path}")
    }
    pub(crate) const CYCLE_HINT: &str =
        "un élément ne peut pas être son propre ancêtre ; une de ces clés `parent` est fausse";

    // The data folder (`lib`).
    pub(crate) const NO_CERTIFICATION: &str =
        "ce dossier de données ne contient aucune certification";
    pub(crate) const NO_CERTIFICATION_HINT: &str = "une certification est un dossier `certifications/<id>/` avec un `certification.yaml` ; voir docs/data-format.md";
    pub(crate) fn empty_file(file: &str) -> String {
        format!(
            "{file} : le fichier ne contient aucune donnée (il est vide ou n’a que des commentaires) ; supprimez-le, ou remplissez-le"
        )
    }

    // The shape of the tree (`check::shapes`).
    pub fn orphan(kind: &str, id: &str) -> String {
        format!("{kind} `{id}` n’a pas de parent")
    }
    pub(crate) fn orphan_hint(kind: &str) -> String {
        format!(
            "un élément de type {kind} appartient toujours à un élément au-dessus de lui (sa compétence, sa sous-fonction, son savoir…) : donnez-lui `parent`"
        )
    }
    pub(crate) fn paragraphe_in_savoirs(id: &str, parent: &str) -> String {
        format!("le paragraphe `{id}` est dans la table des savoirs de `{parent}`")
    }
    pub(crate) const PARAGRAPHE_IN_SAVOIRS_HINT: &str = "une table de savoirs contient des connaissances (`savoir`) et des limites (`limite_connaissances`) : typez l’élément par sa colonne, séparez les items fusionnés à leurs limites imprimées ; un en-tête de colonne est `layout`";
    pub(crate) fn limite_heading(id: &str, text: &str) -> String {
        format!("la limite `{id}` se lit comme un titre : « {text} »")
    }
    pub(crate) const LIMITE_HEADING_HINT: &str = "une limite de connaissances est un énoncé ; un titre imprimé entre des tables est une `section` (ou `layout` s’il répète l’en-tête d’une table)";
    pub(crate) fn footnote_call(id: &str, text: &str) -> String {
        format!("le titre de `{id}` finit par un appel de note : « {text} »")
    }
    pub(crate) const FOOTNOTE_CALL_HINT: &str = "l’appel ne fait pas partie du titre : donnez le titre seul en `text`, et la ligne telle qu’imprimée en `variant` avec une note qui nomme la note de bas de page";
    pub(crate) fn limites_under_last(group: &str, last: &str, total: usize) -> String {
        format!("toutes les limites de `{group}` sont sous son dernier savoir `{last}` ({total})")
    }
    pub(crate) const LIMITES_UNDER_LAST_HINT: &str = "une table à deux colonnes imprime les limites de chaque savoir en face de lui : donnez à chaque bloc de limites le savoir qui lui fait face (ou, quand la mise en page ne tranche pas, rattachez-les au groupe avec une note)";
    pub(crate) fn limites_in_blocks(group: &str, blocks: usize) -> String {
        format!("`{group}` range ses limites en {blocks} blocs pour ses {blocks} savoirs")
    }
    pub(crate) const LIMITES_IN_BLOCKS_HINT: &str = "un bloc par savoir, dans le même ordre : la mise en page tranche ; mettez chaque bloc sous le savoir qui lui fait face, avec une note qui le dit";

    // Source documents (`sources`, `check::registry`).
    pub(crate) fn source_not_inside(file: &str) -> String {
        format!("le fichier source `{file}` n’est pas un simple nom dans le dossier des sources")
    }
    pub(crate) fn source_escapes(file: &str, target: &str) -> String {
        format!("le fichier source `{file}` mène hors du dossier des sources (vers {target})")
    }
    pub(crate) fn source_not_regular(file: &str) -> String {
        format!("le fichier source `{file}` n’est pas un fichier ordinaire")
    }
    pub(crate) fn source_too_large(file: &str, bytes: u64, max: u64) -> String {
        format!("le fichier source `{file}` fait {bytes} octets, plus que la limite de {max}")
    }
    pub(crate) fn source_not_utf8(byte: usize) -> String {
        format!("pas en UTF-8 (octet {byte})")
    }
    pub(crate) fn source_unreadable(file: &str, message: &str) -> String {
        format!("impossible de lire la source `{file}` : {message}")
    }
    pub(crate) const SOURCE_NAME_HINT: &str = "une source est nommée par son nom de fichier relatif à data/sources/ (pas de chemin absolu, pas de `..`, pas de lien qui en sort)";
    pub(crate) const SOURCE_PLAIN_HINT: &str = "une source est une extraction en texte brut du document officiel, gardée dans data/sources/";
    pub(crate) const SOURCE_IO_HINT: &str =
        "les documents sources sont dans data/sources/, à côté de sources.yaml, en texte UTF-8";
    pub(crate) fn doc_declared_twice(id: &str) -> String {
        format!("le document `{id}` est déclaré deux fois")
    }
    pub(crate) fn needs_doc(key: &str) -> String {
        format!("`{key}` demande le `doc` du fichier")
    }
    pub(crate) const NEEDS_DOC_HINT: &str = "ajoutez `doc: <id du document>` en tête du fichier";
    pub(crate) fn lines_outside(key: &str, lines: &str, doc: &str, len: usize) -> String {
        format!("les lignes {key} {lines} sont hors de `{doc}` (1-{len})")
    }
    pub(crate) fn line_declared_twice(line: usize, doc: &str) -> String {
        format!("la ligne {line} de `{doc}` est déclarée deux fois")
    }
    pub(crate) fn already_declared(key: &str, at: &str) -> String {
        format!("elle est déjà déclarée `{key}` en {at}")
    }

    // Citations (`check::citations`, `check::coverage`). An owner is « l’élément `cp3` ».
    pub(crate) fn owner_cert(id: &str) -> String {
        format!("la certification `{id}`")
    }
    pub(crate) fn owner_element(id: &str) -> String {
        format!("l’élément `{id}`")
    }
    pub(crate) fn owner_matrix(id: &str) -> String {
        format!("la matrice `{id}`")
    }
    pub(crate) fn owner_correspondence(id: &str) -> String {
        format!("la table de correspondance `{id}`")
    }
    pub(crate) const TEXT_NEEDS_LINES: &str = "un texte cité demande ses lignes, `lines`";
    pub(crate) const TEXT_NEEDS_LINES_HINT: &str =
        "ajoutez `lines: <première>-<dernière>` là où le document l’imprime";
    pub(crate) const PIECES_NOT_TEXT: &str =
        "les morceaux joints par des espaces ne sont pas le texte de l’élément";
    pub(crate) const PIECES_NOT_TEXT_HINT: &str =
        "`text` doit être exactement les textes de `pieces` dans l’ordre, joints par une espace";
    pub(crate) const PIECES_NEED_REPAIR: &str =
        "un élément fait de morceaux (`pieces`) demande une note `repair`";
    pub(crate) const PIECES_NEED_REPAIR_HINT: &str = "dites pourquoi le texte n’est pas d’un seul tenant dans la source (colonnes entrelacées, saut de page …)";
    pub(crate) const NO_DOCUMENT: &str = "aucun document pour ces lignes";
    pub(crate) const NO_DOCUMENT_HINT: &str =
        "ajoutez `doc: <id du document>` en tête du fichier ou sur cet item";
    pub(crate) fn documents_are(ids: &str) -> String {
        format!("les documents sont : {ids}")
    }
    pub(crate) fn unknown_document(id: &str) -> String {
        format!("document inconnu `{id}`")
    }
    pub(crate) const EMPTY_TEXT: &str = "texte vide";
    pub(crate) const EMPTY_TEXT_HINT: &str = "un texte cité ne peut pas être vide";
    pub(crate) fn cite_more(lines: &str, doc: &str) -> String {
        format!("les lignes {lines} de `{doc}` citent plus que le texte")
    }
    pub(crate) fn cite_exactly(found: &str) -> String {
        format!("le texte est aux lignes {found} ; citez exactement celles-là")
    }
    pub(crate) fn declared_but_content(line: usize, doc: &str, key: &str, owner: &str) -> String {
        format!("la ligne {line} de `{doc}` est déclarée `{key}` mais contient des mots de {owner}")
    }
    pub(crate) fn take_line_out(line: usize, key: &str) -> String {
        format!(
            "retirez la ligne {line} de `{key}` : les déclarations écartent le mobilier des pages et la mise en page des tables, jamais du contenu"
        )
    }
    pub(crate) const NFD_HINT: &str = "le texte écrit les accents en marques combinantes séparées (Unicode NFD), la source en lettres uniques (NFC) ; enregistrez le fichier en caractères composés (NFC)";
    pub(crate) fn printed_at(lines: &str) -> String {
        format!("le texte est imprimé aux lignes {lines}")
    }
    pub(crate) fn first_chars_match(matched: usize, total: usize, ok: &str, bad: &str) -> String {
        format!(
            "les {matched} premiers caractères sur {total} concordent ; après « …{ok} » les données ont « {bad}… »"
        )
    }
    pub(crate) const NOT_PRINTED_THERE: &str = "aucune partie n’en est imprimée là ; vérifiez les lignes et le texte (les textes sont ceux de la source, exactement)";
    pub(crate) fn text_not_found(lines: &str, doc: &str) -> String {
        format!("texte introuvable aux lignes {lines} de `{doc}`")
    }
    pub(crate) fn not_a_range(lines: &str) -> String {
        format!("les lignes {lines} ne sont pas un intervalle (la première d’abord, à partir de 1)")
    }
    pub(crate) fn lines_beyond(lines: &str, doc: &str, len: usize) -> String {
        format!("les lignes {lines} sont hors de `{doc}`, qui a {len} lignes")
    }
    pub(crate) const PROVENANCE_HINT: &str = "la provenance désigne des lignes du document source";
    pub(crate) fn one_word_of_line(owner: &str, line: usize, doc: &str) -> String {
        format!(
            "le texte de {owner} est un mot de la ligne {line} de `{doc}`, dont aucun élément ne tient le reste"
        )
    }
    pub(crate) fn line_reads(line: &str) -> String {
        format!(
            "la ligne se lit « {line} » : donnez à l’élément son texte entier, ou le reste de la ligne à l’élément auquel il appartient"
        )
    }
    pub(crate) fn double_claim(
        owner: &str,
        line: usize,
        doc: &str,
        other: &str,
        text: &str,
    ) -> String {
        format!(
            "le texte de {owner} prend des caractères de la ligne {line} de `{doc}` que le texte de {other} tient déjà : « {text} »"
        )
    }
    pub(crate) fn double_claim_hint(other: &str, at: &str) -> String {
        format!(
            "les textes de deux éléments ne partagent jamais de caractères de la source : coupez le texte de l’un d’eux là où l’autre commence (voir {other} en {at})"
        )
    }
    /// « ligne 3 » or « lignes 3-5 ».
    pub(crate) fn lines_word(lines: &str, one: bool) -> String {
        if one { format!("ligne {lines}") } else { format!("lignes {lines}") }
    }
    pub fn unclaimed(lines: &str, doc: &str, text: &str) -> String {
        format!("texte non réclamé dans `{doc}`, {lines} : « {text} »")
    }
    pub fn follows(owner: &str, lines: &str) -> String {
        format!(
            "il suit le texte de {owner} (lignes {lines}) : s’il continue ce texte, étendez-le ; "
        )
    }
    pub(crate) fn precedes(owner: &str, lines: &str) -> String {
        format!(
            "il précède le texte de {owner} (lignes {lines}) : s’il commence ce texte, étendez-le ; "
        )
    }
    pub(crate) fn encode_or_declare(lines: &str, one: bool, file: &str) -> String {
        format!(
            "encodez-le en données qui citent {} {lines} (un élément, un morceau, une variante, un fait, un en-tête ou une case de matrice, une ligne de table de correspondance), ou, si ce n’est pas du contenu, déclarez {} dans {file} sous `noise` (mobilier des pages) ou `layout` (en-tête de table répété, en-tête de colonne)",
            if one { "la" } else { "les" },
            if one { "la ligne" } else { "les lignes" }
        )
    }

    // Matrices and correspondence tables (`check::tables`).
    /// What a matrix header is: « de ligne », « de colonne ».
    pub(crate) const ROW: (&str, &str) = ("ligne", "lignes");
    pub(crate) const COLUMN: (&str, &str) = ("colonne", "colonnes");
    pub(crate) fn malformed_key(what: &str, key: &str) -> String {
        format!("clé de {what} mal formée `{key}`")
    }
    pub(crate) fn duplicate_key(what: &str, key: &str) -> String {
        format!("clé de {what} en double `{key}`")
    }
    pub(crate) fn header_uncited(what: &str, key: &str) -> String {
        format!("la {what} `{key}` n’a ni `text` ni `lines` cités")
    }
    pub(crate) const HEADER_UNCITED_HINT: &str =
        "citez l’en-tête tel qu’imprimé, ou dites `lost: true` quand l’extraction l’a perdu";
    pub(crate) fn matrix_headers(whats: &str, list: &str) -> String {
        format!("les {whats} de la matrice sont : {list}")
    }
    pub(crate) fn cell_missing(what: &str, key: &str) -> String {
        format!("une case nomme une {what} absente `{key}`")
    }
    pub(crate) fn cell_twice(row: &str, col: &str) -> String {
        format!("la case ({row}, {col}) est donnée deux fois")
    }
    pub(crate) fn first_stated(line: usize) -> String {
        format!("donnée d’abord à la ligne {line}")
    }
    pub(crate) fn and_more(n: usize) -> String {
        format!(" et {n} autres")
    }
    pub(crate) fn cells_without_state(n: usize, shown: &str) -> String {
        format!("{n} cases n’ont pas d’état : {shown}")
    }
    pub(crate) const CELLS_WITHOUT_STATE_HINT: &str = "donnez l’état de chaque case (marked, unmarked, lost, uncertain), ou donnez à la matrice un `default`";
    pub(crate) const INFERRED_NEEDS_NOTE: &str = "une correspondance déduite demande une `note`";
    pub(crate) const INFERRED_NEEDS_NOTE_HINT: &str =
        "dites comment la mise en page du document a été lue (quelles listes, imprimées comment)";
    pub(crate) const CURATED_NEEDS_AUTHOR: &str =
        "une correspondance établie par l’équipe demande `author` et `date`";
    pub(crate) const CURATED_NEEDS_AUTHOR_HINT: &str = "dites qui l’a écrite, et quand";
    pub(crate) const PAIR_NEEDS_JUSTIFICATION: &str =
        "une paire établie par l’équipe demande une `justification`";
    pub(crate) const PAIR_NEEDS_JUSTIFICATION_HINT: &str =
        "dites pourquoi ces éléments se correspondent";

    // Vocabularies (`check::vocabulary`).
    pub(crate) const VOCABULARY_AUTHOR: &str = "un vocabulaire nomme son auteur";
    /// The example of an author, a data value.
    pub(crate) const VOCABULARY_AUTHOR_HINT: &str = "`author: équipe referentiel`";
    pub(crate) fn not_a_date(d: &str) -> String {
        format!("`{d}` n’est pas une date")
    }
    pub(crate) const DATE_HINT: &str = "écrivez la date de la dernière relecture en `AAAA-MM-JJ`";
    pub(crate) fn no_searchable_word(term: &str) -> String {
        format!("le terme `{term}` n’a aucun mot cherchable")
    }
    pub(crate) const NO_SEARCHABLE_WORD_HINT: &str =
        "un terme demande un mot qui ne soit pas un mot vide (le, de, pour …)";
    pub(crate) fn duplicate_term(term: &str) -> String {
        format!("terme en double `{term}`")
    }
    pub(crate) fn term_first_defined(at: &str, key: &str) -> String {
        format!(
            "défini d’abord en {at} (les termes sont comparés par leurs clés de recherche, `{key}`) ; fusionnez les deux entrées"
        )
    }
    pub(crate) fn means_nothing(term: &str) -> String {
        format!("le terme `{term}` ne veut rien dire")
    }
    pub(crate) const MEANS_NOTHING_HINT: &str = "ajoutez `means: [<les mots des documents>]`";
    pub(crate) const EMPTY_TARGET: &str = "une cible vide";
    pub(crate) const EMPTY_TARGET_HINT: &str =
        "une cible est un mot ou une expression des documents";
    pub(crate) fn not_in_documents(w: &str) -> String {
        format!("`{w}` n’est pas dans les mots des documents")
    }
    pub(crate) fn no_document_prints(words: &str) -> String {
        format!(
            "aucun document source n’imprime {words} ; les cibles sont les mots mêmes des documents"
        )
    }
    pub(crate) const EMPTY_JUSTIFICATION: &str = "une justification vide";
    pub(crate) const EMPTY_JUSTIFICATION_HINT: &str =
        "dites pourquoi le terme veut dire les mots des documents";
    pub(crate) fn definition_lacks(term: &str) -> String {
        format!("la définition citée n’imprime pas `{term}`")
    }
    pub(crate) const DEFINITION_LACKS_HINT: &str =
        "citez le texte où le document écrit l’abréviation à côté de son sens";
    pub(crate) const ONLY_ABBREVIATIONS: &str =
        "seule une abréviation est définie (`defined`) par un document";
    pub(crate) const ONLY_ABBREVIATIONS_HINT: &str =
        "retirez `defined`, ou faites du terme une abréviation (`kind: abbreviation`)";

    // Reading the data folder and parsing YAML (`load`). The parser's own words, when no
    // French one fits, follow « YAML invalide : ».
    pub(crate) fn cannot_read_folder(e: &str) -> String {
        format!("impossible de lire le dossier des données : {e}")
    }
    pub(crate) const CHECK_FOLDER_HINT: &str = "vérifiez le chemin du dossier et ses droits";
    pub(crate) const LINK_LOOP: &str =
        "boucle de liens symboliques : ce dossier se contient lui-même";
    pub(crate) const LINK_LOOP_HINT: &str =
        "supprimez le lien, ou faites-le pointer vers un dossier qui ne le contient pas";
    pub(crate) fn cannot_read(e: &str) -> String {
        format!("lecture impossible : {e}")
    }
    pub(crate) const READABLE_HINT: &str = "chaque fichier et dossier sous le dossier des données doit être lisible ; rien n’est sauté";
    pub(crate) fn link_outside(to: &str) -> String {
        format!("un lien symbolique mène hors du dossier des données, vers {to}")
    }
    pub(crate) const LINK_OUTSIDE_HINT: &str =
        "les liens du dossier des données doivent y rester ; copiez plutôt le fichier dedans";
    pub(crate) fn cannot_follow_link(e: &str) -> String {
        format!("impossible de suivre le lien symbolique : {e}")
    }
    pub(crate) const REPAIR_LINK_HINT: &str = "supprimez ou réparez le lien";
    pub(crate) fn other_case_extension(ext: &str) -> String {
        format!(
            "fichier de données à l’extension `.{ext}` : il serait lu sur certains systèmes et pas sur d’autres"
        )
    }
    pub(crate) const EXTENSION_HINT: &str =
        "les fichiers de données finissent par `.yaml`, en minuscules ; renommez le fichier";
    pub(crate) const NOT_REGULAR: &str = "ce n’est pas un fichier ordinaire";
    pub(crate) const NOT_REGULAR_HINT: &str = "un fichier de données est un simple fichier YAML (pas une FIFO, un périphérique ou une socket)";
    pub(crate) fn cannot_read_file(e: &str) -> String {
        format!("impossible de lire le fichier : {e}")
    }
    pub(crate) fn not_utf8(byte: u8) -> String {
        format!("le fichier n’est pas en UTF-8 : octet invalide 0x{byte:02x}")
    }
    pub(crate) const FILE_READABLE_HINT: &str =
        "chaque fichier sous le dossier des données doit être lisible ; rien n’est sauté";
    pub(crate) const UTF8_HINT: &str =
        "les fichiers de données sont du texte UTF-8 ; enregistrez le fichier en UTF-8";
    /// What serde found wrong, named in French (`what`: the key or value as written).
    pub(crate) fn unknown_key(what: &str) -> String {
        format!("clé inconnue {what}")
    }
    pub(crate) fn unknown_value(what: &str) -> String {
        format!("valeur inconnue {what}")
    }
    pub(crate) fn missing_key(what: &str) -> String {
        format!("clé manquante {what}")
    }
    pub(crate) fn invalid_type(rest: &str) -> String {
        format!("type invalide : {rest}")
    }
    pub fn invalid_value(rest: &str) -> String {
        format!("valeur invalide : {rest}")
    }
    /// A `lines` value that is not one (`schema::Lines`), and what serde expected instead.
    pub(crate) fn not_lines(s: &str) -> String {
        format!("`{s}` n’est ni un numéro de ligne ni un intervalle comme `12-15`")
    }
    pub(crate) const EXPECTING_LINES: &str =
        "un numéro de ligne ou un intervalle de lignes comme `12-15`";
    pub(crate) const EXPECTING_FACT: &str = "un texte, ou un tableau avec `text` et `lines`";
    pub(crate) fn duplicate_yaml_key(key: &str) -> String {
        format!("clé en double : {key}")
    }
    pub(crate) fn invalid_yaml(parser: &str) -> String {
        format!("YAML invalide : {parser}")
    }
    pub(crate) const KEYS: &str = "clés";
    pub(crate) const VALUES: &str = "valeurs";
    pub(crate) const MISSING_KEY_HINT: &str =
        "voir docs/data-format.md pour les clés de chaque item";
    pub(crate) const TOO_DEEP_HINT: &str = "le format des données n’imbrique jamais aussi profond ; le fichier est refusé sans être lu";
    pub(crate) const DUPLICATE_KEY_HINT: &str = "une clé apparaît deux fois dans le même tableau associatif ; gardez-en une (fusionnez leurs valeurs) ou renommez l’autre";
    pub(crate) const TAB_HINT: &str = "le YAML s’indente avec des espaces, jamais des tabulations ; remplacez la tabulation par des espaces";
    pub(crate) const ALIAS_HINT: &str = "le format des données n’utilise ni ancres ni alias (ils sont refusés, contre les bombes YAML) ; écrivez les valeurs en entier";
    pub(crate) const BUDGET_HINT: &str = "les limites de l’analyseur (1 000 000 de nœuds, 2 000 000 d’événements, 16 Mo de texte par fichier) protègent des entrées démesurées ; découpez le fichier";
    pub(crate) const TYPE_HINT: &str = "voir docs/data-format.md pour le type de cette valeur";
    pub(crate) const NOT_YAML_HINT: &str =
        "le fichier n’est pas du YAML valide ; vérifiez l’indentation et les guillemets près d’ici";
    pub(crate) const NO_ALIASES: &str = "les ancres et alias YAML ne sont pas permis";
    pub(crate) const TOO_DEEP: &str = "le YAML s’imbrique trop profond";
    pub(crate) fn over_limits(m: &str) -> String {
        format!("le fichier dépasse les limites de l’analyseur ({m})")
    }
    pub(crate) fn allowed_here(what: &str, list: &str) -> String {
        format!("les {what} permises ici sont : {list}")
    }
    pub(crate) fn see_allowed(what: &str) -> String {
        format!("voir docs/data-format.md pour les {what} permises")
    }

    // Training plans (`plan`).
    pub(crate) fn cannot_read_plan(e: &str) -> String {
        format!("impossible de lire le plan : {e}")
    }
    pub(crate) const NOT_A_PLAN: &str = "ce n’est pas un plan";
    pub(crate) const PLAN_SHAPE_HINT: &str = "un plan a `plan:` (certification, titre) et `sequences:` (id, titre, heures, éléments couverts) ; voir docs/plan-format.md";
    pub(crate) fn duplicate_sequence(id: &str) -> String {
        format!("identifiant de séquence en double `{id}`")
    }
    pub(crate) fn sequence_line_has_id(line: usize) -> String {
        format!(
            "la séquence de la ligne {line} a déjà cet identifiant ; donnez à chaque séquence le sien"
        )
    }
    pub(crate) fn negative_hours(hours: f64, id: &str) -> String {
        format!("heures négatives ({hours}) pour la séquence `{id}`")
    }
    pub(crate) const HOURS_HINT: &str = "les heures sont la durée de la séquence : 0 ou plus";
    pub(crate) fn element_of_other(given: &str, other: &str) -> String {
        format!("`{given}` est un élément d’une autre certification ({other})")
    }
    pub(crate) fn plan_prepares_for(cert: &str, other: &str) -> String {
        format!(
            "ce plan prépare à {cert} : couvrez des identifiants de {cert}, ou faites un plan à part pour {other}"
        )
    }
    pub(crate) fn exists_elsewhere(hint: &str, local: &str, elsewhere: &str, cert: &str) -> String {
        format!("{hint} (`{local}` existe dans {elsewhere}, pas dans {cert})")
    }
    pub(crate) fn id_of_other(local: &str, elsewhere: &str, cert: &str) -> String {
        format!(
            "`{local}` est un identifiant de {elsewhere}, pas de {cert}, à laquelle ce plan prépare"
        )
    }
    pub(crate) fn ids_of(cert: &str) -> String {
        format!("`referentiel list` et le site donnent les identifiants de {cert}")
    }
    pub(crate) fn unknown_id_in(local: &str, cert: &str) -> String {
        format!("identifiant inconnu `{local}` dans {cert}")
    }
}

/// What the commands say besides their results (`cmd::*`, `list`, `diff::DiffError`,
/// `model::Corpus::require_cert`, `crosswalk::pairs`).
pub mod command {
    /// (#31) A search filter (`cert:`, `kind:`) naming a value that does not exist.
    pub(crate) const FILTER_CERT: &str = "certification";
    pub(crate) const FILTER_KIND: &str = "type";
    pub(crate) fn unknown_filter(what: &str, value: &str, valid: &str) -> String {
        format!("{what} « {value} » inconnu(e) ; valeurs possibles : {valid}")
    }
    /// Which side of a comparison a certification was named for.
    pub mod side {
        pub const OLD: &str = "l’ancienne version";
        pub const NEW: &str = "la nouvelle version";
        pub const FIRST: &str = "la première certification";
        pub const SECOND: &str = "la seconde certification";
    }
    pub fn no_cert_for(id: &str, side: &str) -> String {
        format!("aucune certification `{id}` dans les données de {side}")
    }
    pub fn no_cert(id: &str) -> String {
        format!("aucune certification `{id}`")
    }
    pub(crate) fn certifications_are(list: &str) -> String {
        format!("les certifications sont : {list}")
    }
    pub(crate) fn data_problems(origin: &str, n: usize) -> String {
        format!("les données de {origin} ont {n} problème(s) ; lancez `referentiel check` dessus")
    }
    pub(crate) fn git_revision(rev: &str) -> String {
        format!("la révision git {rev}")
    }
    pub(crate) fn cannot_read_revision(rev: &str, message: &str) -> String {
        format!("impossible de lire la révision `{rev}` : {message}")
    }
    pub(crate) fn cannot_run(program: &str, e: &str) -> String {
        format!("impossible de lancer {program} : {e}")
    }
    pub(crate) const REVISION_DASH: &str = "une révision ne peut pas commencer par `-`";
    pub(crate) fn outside_work_tree(data: &str, top: &str) -> String {
        format!("{data} n’est pas dans l’arbre de travail git {top}")
    }
    pub(crate) const NO_SUCH_REVISION: &str = "révision inconnue";
    pub const NO_ARCHIVE_OUTPUT: &str = "git archive n’a rien produit";
    pub(crate) fn not_in_revision(path: &str) -> String {
        format!("{path} n’est pas dans cette révision")
    }
    pub(crate) fn tar_failed(e: &str) -> String {
        format!("tar a échoué : {e}")
    }
    /// `crosswalk A A`.
    pub fn crosswalk_twice(a: &str) -> String {
        format!("une passerelle relie deux certifications différentes ; `{a}` est donnée deux fois")
    }
    pub const CROSSWALK_TWICE_HINT: &str = "pour voir ce qui a changé entre deux versions d’une certification, lancez `referentiel diff`";
    /// `book.toml`'s `[crosswalk] pairs`.
    pub(crate) fn pairs_unknown(id: &str, known: &str) -> String {
        format!(
            "book.toml : [crosswalk] pairs nomme la certification `{id}`, que les données n’ont pas (connues : {known})"
        )
    }
    pub(crate) fn pairs_itself(a: &str) -> String {
        format!("book.toml : [crosswalk] pairs apparie `{a}` avec elle-même")
    }
    /// `show`.
    pub fn no_element_in(local: &str, cert: &str) -> String {
        format!("aucun élément `{local}` dans {cert}")
    }
    pub fn is_a_certification(given: &str) -> String {
        format!("`{given}` est une certification")
    }
    pub fn is_a_certification_hint(given: &str) -> String {
        format!(
            "`referentiel list` la décrit ; `referentiel show {given}/ID` affiche un de ses éléments"
        )
    }
    pub fn no_element(given: &str) -> String {
        format!("aucun élément `{given}`")
    }
    pub const NO_ELEMENT_HINT: &str = "nommez-le CERT/ID (`ntc-2018/cp3`) ; `referentiel search` trouve les éléments par leurs mots";
    pub fn element_of_many(given: &str, n: usize) -> String {
        format!("`{given}` est un élément de {n} certifications")
    }
    pub fn name_one(list: &str) -> String {
        format!("nommez-en un : {list}")
    }
    /// `check`.
    pub fn check_ok(certs: usize, elements: usize, matrices: usize, tables: usize) -> String {
        format!(
            "ok : {certs} certifications, {elements} éléments, {matrices} matrices, {tables} tables de correspondance"
        )
    }
    /// `build`.
    pub const CHECKING: &str = "vérification des données…";
    pub fn rendering(n: usize) -> String {
        format!("rendu du site de {n} éléments…")
    }
    pub fn built(pages: usize, files: usize, size: &str, out: &str, secs: f64) -> String {
        let secs = format!("{secs:.1}").replace('.', ",");
        format!("{pages} pages construites ({files} fichiers, {size}) dans {out} en {secs} s")
    }
    pub fn previous_site_untouched(e: &str) -> String {
        format!("{e}\nle site précédent, s’il y en a un, est intact")
    }
    pub fn bytes(n: u64) -> String {
        format!("{n} octets")
    }
    pub fn megabytes(n: f64) -> String {
        format!("{n:.1} Mo").replace('.', ",")
    }
    pub fn kilobytes(n: f64) -> String {
        format!("{n:.1} ko").replace('.', ",")
    }
    /// `export`, `plan`, `schema`.
    pub fn unknown_export(format: &str) -> String {
        format!("format d’export inconnu `{format}`")
    }
    pub fn one_of(list: &str) -> String {
        format!("au choix : {list}")
    }
    pub fn output_failed(name: &str, e: &str) -> String {
        format!("export {name} : {e}")
    }
    pub const NOTHING_TO_EXPORT: &str = "rien à exporter pour ces certifications";
    pub fn files_to_write(n: usize) -> String {
        format!("{n} fichiers à écrire")
    }
    pub const FILES_TO_WRITE_HINT: &str =
        "donnez un dossier avec --out, ou une seule certification avec --cert";
    pub fn wrote_files(n: usize, dir: &str) -> String {
        format!("{n} fichiers écrits dans {dir}")
    }
    pub fn wrote(path: &str) -> String {
        format!("{path} écrit")
    }
    pub fn wrote_schemas(n: usize, dir: &str) -> String {
        format!("{n} schémas écrits dans {dir}")
    }
    pub fn cannot_create(path: &str, e: &str) -> String {
        format!("impossible de créer {path} : {e}")
    }
    pub fn cannot_write(path: &str, e: &str) -> String {
        format!("impossible d’écrire {path} : {e}")
    }
    pub fn unknown_cert(id: &str) -> String {
        format!("certification inconnue `{id}`")
    }
    pub const WORKBOOK_NOT_PRINTED: &str = "un classeur ne s’affiche pas dans le terminal";
    pub const WORKBOOK_HINT: &str = "ajoutez --out FICHIER.xlsx";
    pub fn workbook_failed(e: &str) -> String {
        format!("le classeur : {e}")
    }
    pub(crate) fn grids_failed(cert: &str, e: &str) -> String {
        format!("les grilles de {cert} : {e}")
    }
    /// `search --batch`.
    pub fn cannot_read_stdin(e: &str) -> String {
        format!("impossible de lire les requêtes sur l’entrée standard : {e}")
    }
    pub fn cannot_read_queries(path: &str, e: &str) -> String {
        format!("impossible de lire les requêtes de {path} : {e}")
    }
    /// The configuration (`config`).
    pub(crate) fn cannot_read_config(path: &str, e: &str) -> String {
        format!("impossible de lire {path} : {e}")
    }
}

/// `referentiel list`: the certifications, their counts and the coverage of the sources.
pub mod listing {
    pub(crate) const ONLY_NAMED: &str = " (seulement nommée par les documents)";
    pub(crate) const ONLY_NAMED_SHORT: &str = " (seulement nommée)";
    pub fn elements(n: usize) -> String {
        format!("    {n} éléments")
    }
    pub fn matrix(
        id: &str,
        rows: usize,
        cols: usize,
        marked: usize,
        unmarked: usize,
        lost: usize,
        uncertain: usize,
    ) -> String {
        format!(
            "    matrice {id} : {rows}×{cols}, {marked} cochées, {unmarked} non cochées, {lost} perdues, {uncertain} incertaines"
        )
    }
    pub(crate) const COVERAGE: &str = "couverture des sources (caractères non blancs : réclamés par les données, déclarés hors contenu, non réclamés)";
    pub(crate) fn coverage_line(
        doc: &str,
        chars: usize,
        claimed: f64,
        declared: f64,
        unclaimed: f64,
        unclaimed_n: usize,
    ) -> String {
        format!(
            "    {doc:<24} {chars:>7} caractères  réclamés {claimed:>6.2} %  déclarés {declared:>5.2} %  non réclamés {unclaimed:>5.2} % ({unclaimed_n})"
        )
    }
    pub(crate) const MARKDOWN_HEAD: &str = "| id | certification | version | éléments | tables (cases perdues) |\n|---|---|---|---:|---|\n";
}

/// (#31, moved from the pages and reports of #25–#28) The descriptions of pages (their meta
/// description) and the words of the plan's reports and workbook.
pub(crate) mod page_words {
    /// A certification page's description: its short name, kind and codes.
    pub fn cert(short: &str, kind: &str, codes: &str) -> String {
        format!("{short} — {kind} {codes}, le référentiel compétence par compétence")
    }
    /// The page of a certification's document.
    pub fn document(short: &str) -> String {
        format!("{short} : le document tel qu’il est imprimé, section par section")
    }
    /// A folded list of a framework's children: « 3 sous-éléments ».
    pub fn children(n: usize) -> String {
        format!("{n} sous-élément{}", if n > 1 { "s" } else { "" })
    }
    /// An evolution page's title.
    pub fn evolution(title: &str) -> String {
        format!("Évolution : {title}")
    }
    /// A grid page's description.
    pub fn grid(short: &str, unit: &str) -> String {
        format!("{short} : {unit} — critères à évaluer, à imprimer ou à télécharger en tableur")
    }
    /// A plan page's description.
    pub fn plan(short: &str, title: &str) -> String {
        format!(
            "{short} : ce que le plan « {title} » couvre du référentiel, et ce qu’il laisse de côté"
        )
    }
    /// A positionnement page's description.
    pub(crate) fn positioning(short: &str) -> String {
        format!(
            "{short} : se positionner critère par critère (oui, en partie, non) ; les réponses restent dans ce navigateur"
        )
    }
    /// SSSOM: the words two texts share, in a mapping's comment.
    pub(crate) fn shared_words(w: &str) -> String {
        format!("mots partagés : {w}")
    }
}

/// The glossary's pages (`site::pages::glossary`).
pub mod glossary {
    pub const TITLE: &str = "Glossaire";
    /// A letter's page: « Glossaire : C », « Glossaire : C (page 2 sur 3) ».
    pub fn letter_title(letter: char, n: usize, of: usize) -> String {
        if of > 1 {
            format!("Glossaire : {letter} (page {n} sur {of})")
        } else {
            format!("Glossaire : {letter}")
        }
    }
}

/// The home page and the catalogue of certifications (`site::pages::home`, `catalogue`).
pub mod home {
    /// The groups of the home page: the certifications of one kind.
    pub const GROUP_TITRE_PROFESSIONNEL: &str = "Titres professionnels";
    pub const GROUP_BTS: &str = "Brevets de technicien supérieur";
    pub const GROUP_NON_PRECISE: &str = "Nature non précisée par les documents";
    /// « 12 certifications en 5 lignées ».
    pub fn counts(certs: usize, lineages: usize) -> String {
        let s = |n: usize| if n > 1 { "s" } else { "" };
        format!("{certs} certification{} en {lineages} lignée{}", s(certs), s(lineages))
    }
    pub fn catalogue_title(n: usize, of: usize) -> String {
        if of > 1 {
            format!("Toutes les certifications (page {n} sur {of})")
        } else {
            "Toutes les certifications".to_string()
        }
    }
    pub fn comparisons_title(n: usize, of: usize) -> String {
        if of > 1 {
            format!("Évolutions et passerelles (page {n} sur {of})")
        } else {
            "Évolutions et passerelles".to_string()
        }
    }
}

/// The « Téléchargements » page (each export gives its own label and description: [`crate::words::outputs`]).
pub mod downloads {
    pub(crate) const TITLE: &str = "Téléchargements";
    /// A further page of the certifications and their files.
    pub fn page_title(n: usize, of: usize) -> String {
        format!("Téléchargements par certification (page {n} sur {of})")
    }
}

/// `referentiel plan`: the headings of the markdown report and the « tableau croisé » workbook.
pub(crate) mod plan_words {
    pub(crate) const UNCERTIFIED: &str = "Compétences certifiées par aucune unité du document";
    pub fn uncovered(n: usize) -> String {
        format!("Éléments non couverts ({n})")
    }
    pub(crate) fn workbook_title(plan: &str) -> String {
        format!("Tableau croisé · {plan}")
    }
    pub(crate) const SHEET: &str = "Tableau croisé";
    pub(crate) const NOTICE: &str = "Plan de formation (pas un document officiel) ; X : la séquence couvre la compétence ou un de ses critères, savoir-faire ou savoirs.";
    pub(crate) const SEQUENCE: &str = "Séquence";
    pub(crate) const COMPETENCES: &str = "Compétences";
    pub(crate) const HOURS_PER_COMPETENCE: &str = "Heures par compétence";
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
pub(crate) mod plan_against {
    pub fn heading(cert: &str, other: &str, n: usize) -> String {
        format!(
            "Liens du plan lus dans {other} (appariement du diff {cert} → {other}) : {n} à revoir\n"
        )
    }
}

/// `referentiel plan`'s text report (#28).
pub(crate) mod plan_report {
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
    pub(crate) const HOURS_RULE: &str =
        "Les heures d’une séquence comptent pour chaque compétence qu’elle touche.\n\n";
    pub(crate) const NO_SEQUENCE: &str = "aucune séquence";
}

/// `referentiel import` and `referentiel new` (#30): messages, the draft's notes and the reasons
/// of its `uncertain` markers.
pub mod import {
    pub fn unreadable(path: &str, e: &std::io::Error) -> String {
        format!("impossible de lire {path} : {e}")
    }
    pub fn cannot_write(path: &str, e: &std::io::Error) -> String {
        format!("impossible d’écrire {path} : {e}")
    }
    pub fn latin1(path: &str) -> String {
        format!(
            "{path} n’est pas en UTF-8 : lu comme Latin-1 (Windows-1252) et converti ; relisez les accents de la copie"
        )
    }
    pub fn crlf(path: &str) -> String {
        format!("{path} : fins de ligne Windows (CRLF) converties en fins de ligne simples")
    }
    pub const NO_PDFTOTEXT: &str = "pdftotext est introuvable : il faut poppler-utils pour lire un PDF (sous Debian ou Ubuntu : sudo apt-get install poppler-utils), ou bien donnez l’extraction texte du document (.txt)";
    pub(crate) fn pdftotext_failed(path: &str, err: &str) -> String {
        format!("pdftotext n’a pas pu lire {path} : {err}")
    }
    pub(crate) fn bad_id(id: &str) -> String {
        format!(
            "« {id} » n’est pas un identifiant valable : minuscules, chiffres, et « - » ou « . » entre eux (ex. cc-2017)"
        )
    }
    pub fn exists(path: &str) -> String {
        format!(
            "{path} existe déjà : rien n’a été écrit (choisissez un autre --id, ou --force pour remplacer un brouillon précédent)"
        )
    }
    pub(crate) fn nothing_recognised(path: &str, family: &str) -> String {
        format!(
            "{path} : aucune partie du modèle « {family} » reconnue ; est-ce bien la bonne famille de document ? (sinon : referentiel new ID)"
        )
    }
    pub(crate) fn source_title(file: &str) -> String {
        format!("Document importé ({file}) : titre à compléter")
    }
    pub(crate) fn uncertain_warning(pos: &str, id: &str, reason: &str) -> String {
        format!("{pos} : élément « {id} » à vérifier (import) : {reason}")
    }
    pub fn done(id: &str, elements: usize, uncertain: usize) -> String {
        format!(
            "brouillon « {id} » écrit : {elements} éléments, dont {uncertain} marqués « uncertain » à vérifier"
        )
    }
    pub fn wrote(path: &str) -> String {
        format!("  écrit : {path}")
    }
    pub const NEXT: &str = "ensuite : referentiel check (voir docs/ajouter-une-certification.md)";
    pub fn scaffolded(id: &str) -> String {
        format!("certification « {id} » créée, vide : complétez-la, referentiel check vous guide")
    }
    pub(crate) const NOISE_COMMENT: &str = "Brouillon (referentiel import) : pieds de page, mentions de copyright et en-têtes de tableaux reconnus par le modèle. À vérifier.";
    pub(crate) const CERT_COMMENT: &str = "Brouillon fait par referentiel import : complétez le sigle, les codes, le niveau et les dates (docs/data-format.md).";
    pub(crate) const ELEMENTS_COMMENT: &str = "Brouillon fait par referentiel import : lisez chaque « uncertain », corrigez, puis retirez le marqueur.";
    pub(crate) const DRAFT_VERSION: &str = "brouillon";
    pub(crate) const DRAFT_NOTE: &str = "Brouillon importé : à relire contre le document.";
    pub(crate) const NO_TITLE_NOTE: &str =
        "Le titre n’a pas été reconnu : la première ligne du document est citée à sa place.";
    pub(crate) const UNCERTAIN_WRAP: &str = "la ligne du dessus est longue : cet élément en est peut-être la suite (un seul élément sur deux lignes ?)";
    pub(crate) const UNCERTAIN_TABLE: &str = "tableau : l’extraction a mêlé ses colonnes ; vérifiez le découpage et le type de chaque morceau";
    pub(crate) const UNCERTAIN_CP_PARENT: &str = "aucune liste de compétences d’une activité type ne porte ce titre : l’activité type parente est celle de la fiche précédente";
    pub(crate) const UNCERTAIN_NO_TITLE: &str = "fiche sans titre reconnu";
    pub(crate) const UNCERTAIN_NO_NUMBER: &str = "fiche sans numéro reconnu (« N° … »)";
    pub(crate) const UNCERTAIN_NO_DEFINITION: &str = "terme du glossaire sans définition reconnue";
    pub(crate) fn scaffold_certification(id: &str) -> String {
        format!(
            "# Certification « {id} » : complétez chaque champ depuis le document source (docs/data-format.md).\n# Enregistrez d’abord le document dans data/sources.yaml et copiez-le dans data/sources/.\ncertification:\n  id: {id}\n  kind: bts            # titre_professionnel | bts | non_precise\n  lineage: {id}\n  version: \"\"          # un libellé court (« 2024 »)\n  title:\n    text: \"\"           # le titre tel qu’imprimé\n    doc: \"\"            # l’id du document dans data/sources.yaml\n    lines: 1           # la ligne où il est imprimé\n"
        )
    }
    pub(crate) fn scaffold_elements(id: &str) -> String {
        format!(
            "# Les éléments de « {id} » : un par compétence, savoir, critère… avec son texte exact et ses lignes.\nin: {id}\ndoc: \"\"   # l’id du document dans data/sources.yaml\nelements: []\n"
        )
    }
}

// ---- exports helper (#29 item 4, #31 item 3): each output's name and description ----
/// What each output is called and what it holds, for the "Téléchargements" page and certification
/// pages ([`crate::build::Output::label`] and [`crate::build::Output::description`]).
pub mod outputs {
    /// (label, description) of an output.
    pub type Words = (&'static str, &'static str);
    /// An `[output.NAME]` section of book.toml that names no built-in output and gives no program.
    pub(crate) fn no_command(name: &str) -> String {
        format!(
            "[output.{name}] : aucune sortie de ce nom ; donnez le programme à lancer : command = [\"programme\", \"argument\"]"
        )
    }
    pub const CASE: Words = (
        "CASE 1.1",
        "Un paquet CFPackage (JSON) par certification, pour les plateformes d’apprentissage et serveurs de compétences (OpenSALT, OpenCASE…).",
    );
    pub(crate) const SKOS: Words = (
        "SKOS",
        "Un thésaurus SKOS (Turtle) par certification, avec les correspondances vers les autres certifications.",
    );
    pub(crate) const SSSOM: Words = (
        "SSSOM",
        "Une table de correspondances SSSOM (TSV avec en-tête YAML) par table de correspondance et par paire de certifications : officielles, établies par l’équipe et suggestions calculées.",
    );
    pub const CSV: Words = (
        "CSV",
        "Un tableau par certification (UTF-8, séparateur point-virgule), à ouvrir dans un tableur : code, type, texte, parent, niveau, source et adresse de chaque élément.",
    );
    /// The CSV output in Open edX's taxonomy profile (`[output.csv] profile = "openedx"`).
    pub(crate) const CSV_OPENEDX: Words = (
        "CSV (taxonomie Open edX)",
        "Une taxonomie par certification, au format CSV qu’Open edX importe (Studio › Taxonomies › Importer) : colonnes id, value, parent_id, UTF-8 sans BOM, séparateur virgule.",
    );
    pub(crate) const MOODLE: Words = (
        "Moodle",
        "Un référentiel de compétences par certification, au format CSV que Moodle importe (Administration du site › Compétences › Importer un référentiel de compétences).",
    );
    pub const JSON: Words = ("JSON", "Le corpus entier et son graphe, en un fichier.");
    pub(crate) const GRILLES: Words = (
        "Grilles d’évaluation",
        "Par certification, les grilles d’évaluation de ses unités (CCP, unités, blocs) : un classeur XLSX, une feuille par unité, avec les critères et les cases Acquis / En cours d’acquisition / Non acquis à cocher, prêt à imprimer sur A4 ; et le même tableau en CSV.",
    );
    pub(crate) const XLSX: Words = (
        "Classeur XLSX",
        "Un classeur par certification : une feuille avec chaque élément du référentiel (code, type, texte, parent, niveau, statut, source, page), une autre avec ses correspondances et leur statut (officielle, établie par l’équipe, suggestion calculée) ; en-têtes figés, codes en texte.",
    );
    pub const HTML: Words = ("Site", "Les pages du site, une par élément.");
}

/// The certification workbook (`telechargements/xlsx/<cert>.xlsx`, [`crate::outputs::xlsx`]).
pub mod xlsx {
    /// A workbook that could not be written.
    pub fn failed(cert: &str, e: &str) -> String {
        format!("le classeur de {cert} : {e}")
    }
    /// The sheet of the elements and its columns.
    pub const ELEMENTS: &str = "Référentiel";
    pub const ELEMENT_HEADERS: [&str; 10] = [
        "Identifiant",
        "Code",
        "Type",
        "Texte",
        "Code du parent",
        "Niveau",
        "Statut",
        "Document",
        "Lignes",
        "Page",
    ];
    /// The sheet of the correspondences and its columns.
    pub const LINKS: &str = "Correspondances";
    pub const LINK_HEADERS: [&str; 11] = [
        "Code",
        "Élément",
        "Relation",
        "Certification liée",
        "Code lié",
        "Élément lié",
        "Statut",
        "Score",
        "Table",
        "Page",
        "Page liée",
    ];
    /// The status of an element's text: printed in an official document as it is…
    pub const OFFICIAL_TEXT: &str = "officiel";
    /// …or with its layout repaired (a `repair` of the data: line breaks, page footers).
    pub const REPAIRED_TEXT: &str = "officiel (mise en page réparée)";
    /// A suggestion has no relation of its own.
    pub const NO_RELATION: &str = "rapprochement calculé";
    /// The workbook's title.
    pub fn title(cert: &str) -> String {
        format!("{cert} — le référentiel élément par élément")
    }
}

/// Kinds of element in the plural, for headings ([`crate::schema::Kind::plural`]).
pub(crate) mod kind_plural {
    pub const Section: &str = "Sections";
    pub(crate) const Paragraphe: &str = "Paragraphes";
    pub const ActiviteType: &str = "Activités types";
    pub(crate) const Fonction: &str = "Fonctions";
    pub(crate) const SousFonction: &str = "Sous-fonctions";
    pub(crate) const Tache: &str = "Tâches";
    pub const BlocCompetences: &str = "Blocs de compétences";
    pub const CompetenceProfessionnelle: &str = "Compétences professionnelles";
    pub(crate) const CompetenceTransversale: &str = "Compétences transversales";
    pub const Competence: &str = "Compétences";
    pub const Description: &str = "Descriptions";
    pub const Contexte: &str = "Contextes professionnels";
    pub(crate) const ConditionExercice: &str = "Conditions d’exercice";
    pub(crate) const Autonomie: &str = "Autonomies";
    pub(crate) const ResultatAttendu: &str = "Résultats attendus";
    pub(crate) const ConditionRealisation: &str = "Conditions de réalisation";
    pub(crate) const CriterePerformance: &str = "Critères de performance";
    pub(crate) const CritereEvaluation: &str = "Critères d’évaluation";
    pub const SavoirFaire: &str = "Savoir-faire";
    pub const Savoir: &str = "Savoirs";
    pub(crate) const SavoirAssocie: &str = "Savoirs associés";
    pub(crate) const LimiteConnaissances: &str = "Limites de connaissances";
    pub const Theme: &str = "Thèmes";
    pub const Unite: &str = "Unités";
    pub const Epreuve: &str = "Épreuves";
    pub const Ccp: &str = "CCP";
    pub const ModaliteEvaluation: &str = "Modalités d’évaluation";
    pub(crate) const SituationEvaluation: &str = "Situations d’évaluation";
    pub const Glossaire: &str = "Glossaires";
    pub(crate) const Terme: &str = "Termes";
    pub(crate) const Definition: &str = "Définitions";
    pub(crate) const Article: &str = "Articles";
    pub const Reference: &str = "Références";
}

// ---- errors helper (#31 item 4): the messages of the library's typed errors ----
/// What the library's errors say ([`crate::config::Error`], [`crate::import::Error`],
/// [`crate::site::Error`], [`crate::outputs::Error`] …): each error's `#[error(…)]` calls one of
/// these, and the command line prints it. The underlying error (an `io::Error`, a TOML or template
/// error) ends the message: what failed, then why.
pub mod errors {
    use std::fmt::Display;
    use std::path::Path;

    /// `book.toml` could not be read.
    pub(crate) fn config_unreadable(path: &Path, e: &std::io::Error) -> String {
        super::command::cannot_read_config(&path.display().to_string(), &e.to_string())
    }
    /// `book.toml` is not valid (TOML syntax, an unknown key, a wrong type).
    pub(crate) fn config_invalid(path: &Path, e: &dyn Display) -> String {
        at(path, e)
    }

    /// `referentiel import`: the document could not be read.
    pub(crate) fn import_unreadable(path: &Path, e: &std::io::Error) -> String {
        super::import::unreadable(&path.display().to_string(), e)
    }
    /// `pdftotext` could not be run, or failed with this message.
    pub(crate) fn pdftotext_failed(path: &Path, message: &str) -> String {
        super::import::pdftotext_failed(&path.display().to_string(), message)
    }
    pub(crate) fn nothing_recognised(path: &Path, family: &str) -> String {
        super::import::nothing_recognised(&path.display().to_string(), family)
    }
    /// A file the import would replace.
    pub(crate) fn import_exists(path: &Path) -> String {
        super::import::exists(&path.display().to_string())
    }
    /// A document already registered in `sources.yaml`.
    pub(crate) fn import_registered(sources: &Path, doc: &str) -> String {
        super::import::exists(&format!("{} ({doc})", sources.display()))
    }
    pub(crate) fn import_unwritable(path: &Path, e: &std::io::Error) -> String {
        super::import::cannot_write(&path.display().to_string(), e)
    }
    /// A file (of the theme …) could not be read.
    pub(crate) fn cannot_read(path: &Path, e: &std::io::Error) -> String {
        format!("impossible de lire {} : {e}", path.display())
    }
    /// The site's templates do not compile.
    pub fn templates(e: &dyn Display) -> String {
        format!("les gabarits du site : {e}")
    }
    /// A template failed to render.
    pub fn template(name: &str, e: &dyn Display) -> String {
        format!("le gabarit {name} : {e}")
    }
    /// A folder could not be made.
    pub fn cannot_create(path: &Path, e: &std::io::Error) -> String {
        super::command::cannot_create(&path.display().to_string(), &e.to_string())
    }
    /// `[output.case] case-version`.
    pub fn case_version(v: &str) -> String {
        format!("case-version « {v} » : 1.1 ou 1.0 attendu")
    }
    /// A program of `book.toml` (`[output.NAME] command`) could not be started or waited for.
    pub(crate) fn cannot_run(program: &str, e: &std::io::Error) -> String {
        super::command::cannot_run(&format!("`{program}`"), &e.to_string())
    }
    /// A program of `book.toml` failed: its exit status, then what it printed.
    pub(crate) fn program_failed(command: &str, status: &dyn Display, output: &str) -> String {
        format!("`{command}` a échoué ({status}) : {output}")
    }
    /// An output failed: its name, then why.
    pub fn output_failed(name: &str, e: &dyn Display) -> String {
        format!("sortie {name} : {e}")
    }
    /// `diff`: no certification `id` on this side, and what to do about it.
    pub fn no_cert_for(id: &str, side: &str, hint: Option<&str>) -> String {
        let message = super::command::no_cert_for(id, side);
        match hint {
            Some(h) => format!("{message}\n{} : {h}", super::terminal::HINT),
            None => message,
        }
    }
    /// A file-system error at a path: the path, then the error.
    pub fn at(path: &Path, e: &dyn Display) -> String {
        format!("{}: {e}", path.display())
    }
}
