//! How the data is named for readers: the short forms of certifications and elements that the
//! site, search, diff and crosswalk all print. Reader-facing words live here and in the
//! declarations they belong to (kind labels in the kind table of [`crate::schema::Kind`]); the
//! site's page words live in its templates.

use crate::model::{Certification, Element};

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

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(truncate("court", 10), "court");
        assert_eq!(truncate("Mettre en œuvre des actions de fidélisation", 20), "Mettre en œuvre des…");
    }
}
