//! How the data is named for readers: the short forms of certifications and elements that the
//! site, search, diff and crosswalk all print. The labels of kinds, relations, states and the
//! like are in [`crate::words`], where the reader-facing words are gathered; the fiche and
//! evolution phrases below are still to move there. The site's page words live in its templates.

use crate::model::{Certification, Element};
use crate::schema::{CorrespondenceStatus, Kind, Subtype};

/// "Négociateur technico-commercial (2018)".
pub fn short_cert(c: &Certification) -> String {
    format!("{} ({})", c.title.text, c.version)
}

/// At most `n` characters, cut at a word, with an ellipsis.
pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > n / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The label of an element in lists: code and text.
pub fn label(e: &Element) -> String {
    match &e.code {
        Some(c) if !e.text().starts_with(c.as_str()) => format!("{c} {}", e.text()),
        _ => e.text().to_string(),
    }
}

/// A kind's label in the plural, for headings ("Critères d’évaluation", "Compétences
/// professionnelles"): each word before a "de"/"d’" complement takes an s, codes in capitals and
/// "Savoir-faire" stay as they are.
pub fn plural(kind: Kind) -> String {
    let mut out = Vec::new();
    let mut complement = false;
    for w in kind.label().split(' ') {
        complement |= w == "de" || w.starts_with("d’") || w.starts_with("d'");
        let keep = complement || w.ends_with(['s', 'x']) || w.ends_with("faire") || w.chars().all(|c| c.is_uppercase());
        out.push(if keep { w.to_string() } else { format!("{w}s") });
    }
    out.join(" ")
}

/// The label with the kind named when the code alone says nothing ("Activité type 1 …").
pub fn named_label(e: &Element) -> String {
    match &e.code {
        Some(c) if c.chars().all(|ch| ch.is_ascii_digit() || ch == '.') => format!("{} {c} {}", e.kind.label(), e.text()),
        _ => label(e),
    }
}

/// The title of an element's page: its code and short text.
pub fn element_title(e: &Element) -> String {
    truncate(&named_label(e), 70)
}

/// The words of a fiche's parts, in the order a trainer reads them: (role, heading, lead).
pub const FICHE_ROLES: &[(&str, &str)] = &[
    ("parts", "Composée de"),
    ("description", "Description"),
    ("contexte", "Contexte et conditions d’exercice"),
    ("conditions", "Conditions de réalisation"),
    ("criteres", "Critères"),
    ("savoir_faire", "Savoir-faire"),
    ("savoirs", "Savoirs"),
    ("evaluation", "Évaluation et certification"),
];

/// The heading of a fiche part.
pub fn fiche_heading(role: &str) -> &'static str {
    FICHE_ROLES.iter().find(|(r, _)| *r == role).map(|(_, h)| *h).unwrap_or("")
}

/// "Bloc 2 de la liste" / "Savoir-faire relationnels": how a savoir-faire group is headed.
pub fn savoir_faire_group(block: Option<u32>, subtype: Option<Subtype>) -> Option<String> {
    match (subtype, block) {
        (Some(Subtype::Technique), _) => Some("Savoir-faire techniques".into()),
        (Some(Subtype::Organisationnel), _) => Some("Savoir-faire organisationnels".into()),
        (Some(Subtype::Relationnel), _) => Some("Savoir-faire relationnels".into()),
        (None, Some(b)) => Some(format!("Bloc {b} de la liste (le document ne nomme pas les blocs)")),
        (None, None) => None,
    }
}

/// Why a comparison paired two elements, in the reader's words: the phrases of an evolution
/// page. Callers name elements by their code and title, never by an internal id.
pub mod pairing {
    use super::CorrespondenceStatus;

    /// "Apparié par la table de correspondance officielle (équivalence proche)".
    pub fn table(status: CorrespondenceStatus, relation: &str) -> String {
        let by = match status {
            CorrespondenceStatus::Official => "la table de correspondance officielle du référentiel",
            CorrespondenceStatus::Curated => "une table de correspondance établie par ce projet (non officielle)",
            CorrespondenceStatus::Inferred => "une table déduite de la mise en page du document (non énoncée par lui)",
        };
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

#[cfg(test)]
mod tests {
    use super::{plural, truncate};
    use crate::schema::Kind;

    #[test]
    fn kind_labels_take_the_plural_before_their_complement() {
        assert_eq!(plural(Kind::CompetenceProfessionnelle), "Compétences professionnelles");
        assert_eq!(plural(Kind::CritereEvaluation), "Critères d’évaluation");
        assert_eq!(plural(Kind::SavoirFaire), "Savoir-faire");
        assert_eq!(plural(Kind::Ccp), "CCP");
        assert_eq!(plural(Kind::ActiviteType), "Activités types");
        assert_eq!(plural(Kind::ConditionExercice), "Conditions d’exercice");
    }

    #[test]
    fn truncation_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(truncate("court", 10), "court");
        assert_eq!(truncate("Mettre en œuvre des actions de fidélisation", 20), "Mettre en œuvre des…");
    }
}
