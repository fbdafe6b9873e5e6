//! How the data is named for readers: the short forms of certifications and elements that the
//! site, search, diff and crosswalk all print. The labels of kinds, relations, states and the
//! like, and the phrases of fiches and evolution pages, are in [`crate::words`], where the
//! reader-facing words are gathered. The site's page words live in its templates.

use crate::model::{Certification, Element};
use crate::schema::{CorrespondenceStatus, Subtype};
use crate::words::fiche_part;

/// "Négociateur technico-commercial (2018)".
pub fn short_cert(c: &Certification) -> String {
    format!("{} ({})", c.title.text, c.version)
}

/// At most `n` characters, cut at a word, with an ellipsis.
pub(crate) fn truncate(s: &str, n: usize) -> String {
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

/// The label with the kind named when the code alone says nothing ("Activité type 1 …").
pub(crate) fn named_label(e: &Element) -> String {
    match &e.code {
        Some(c) if c.chars().all(|ch| ch.is_ascii_digit() || ch == '.') => {
            format!("{} {c} {}", e.kind.label(), e.text())
        }
        _ => label(e),
    }
}

/// The title of an element's page: its code and short text.
pub(crate) fn element_title(e: &Element) -> String {
    truncate(&named_label(e), 70)
}

/// The parts of a fiche, in the order a trainer reads them: (role, heading).
pub(crate) const FICHE_ROLES: &[(&str, &str)] = &[
    ("parts", fiche_part::parts),
    ("description", fiche_part::description),
    ("contexte", fiche_part::contexte),
    ("conditions", fiche_part::conditions),
    ("criteres", fiche_part::criteres),
    ("savoir_faire", fiche_part::savoir_faire),
    ("savoirs", fiche_part::savoirs),
    ("evaluation", fiche_part::evaluation),
];

/// The heading of a fiche part.
pub fn fiche_heading(role: &str) -> &'static str {
    FICHE_ROLES.iter().find(|(r, _)| *r == role).map(|(_, h)| *h).unwrap_or("")
}

/// "Bloc 2 de la liste" / "Savoir-faire relationnels": how a savoir-faire group is headed.
pub fn savoir_faire_group(block: Option<u32>, subtype: Option<Subtype>) -> Option<String> {
    use crate::words::savoir_faire_group as w;
    match (subtype, block) {
        (Some(Subtype::Technique), _) => Some(w::technique.into()),
        (Some(Subtype::Organisationnel), _) => Some(w::organisationnel.into()),
        (Some(Subtype::Relationnel), _) => Some(w::relationnel.into()),
        (None, Some(b)) => Some(w::unnamed_block(b)),
        (None, None) => None,
    }
}

/// Why a comparison paired two elements, in the reader's words: the phrases of an evolution
/// page ([`crate::words::pairing`]). Callers name elements by their code and title, never by an
/// internal id.
pub(crate) mod pairing {
    use super::CorrespondenceStatus;
    use crate::words::pairing as w;

    pub use w::{NOT_COMPARABLE, certified_by, code, coverage, rest, same_place, similar};

    /// "Apparié par la table de correspondance officielle (équivalence proche)".
    pub fn table(status: CorrespondenceStatus, relation: &str) -> String {
        let by = match status {
            CorrespondenceStatus::Official => w::by_official,
            CorrespondenceStatus::Curated => w::by_curated,
            CorrespondenceStatus::Inferred => w::by_inferred,
        };
        w::table(by, relation)
    }
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(truncate("court", 10), "court");
        assert_eq!(
            truncate("Mettre en œuvre des actions de fidélisation", 20),
            "Mettre en œuvre des…"
        );
    }
}
