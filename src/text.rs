//! Text normalisation: the one place that says when two French texts are "the same".
//!
//! The provenance check compares an element's text with its cited source lines after
//! [`normalize`]: whitespace runs become one space, hyphens inside words and at line ends are
//! dropped (so `technico-\ncommercial` matches `technico-commercial` and `pros-\npect` matches
//! `prospect`), apostrophes are folded to `'`, and private-use glyphs and list bullets (`-` or `•`
//! opening a line) vanish. Case, accents, punctuation and ligatures are kept: they are the
//! source's.
//!
//! [`fold`] goes further, for search and similarity: lower case, no accents, œ → oe, æ → ae.

/// Apostrophe-like characters that the documents use interchangeably.
pub(crate) const APOSTROPHES: [char; 5] = ['\'', '’', '‘', 'ʼ', '´'];

/// Private-use glyphs (checkbox and bullet glyphs of the PDF fonts).
pub(crate) const PRIVATE_USE: (char, char) = ('\u{E000}', '\u{F8FF}');

pub(crate) fn is_private_use(c: char) -> bool {
    (PRIVATE_USE.0..=PRIVATE_USE.1).contains(&c)
}

/// The combining accents of Latin letters (a « é » written e + U+0301): part of their letter's
/// word, and dropped by [`fold`], as the accent of a precomposed letter is.
pub(crate) const COMBINING_MARKS: (char, char) = ('\u{0300}', '\u{036F}');

pub(crate) fn is_combining_mark(c: char) -> bool {
    (COMBINING_MARKS.0..=COMBINING_MARKS.1).contains(&c)
}

/// A character with its origin: the 1-based line it came from, and its 0-based position in that
/// line (in characters), so that a match can be traced back to the characters it consumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Placed {
    pub ch: char,
    pub line: usize,
    pub col: usize,
}

/// Normalise `lines` (numbered from `first_line`), keeping for every output character the line
/// it came from. Lines for which `skip` answers true (noise) are left out.
pub(crate) fn normalize_lines<'a>(
    lines: impl IntoIterator<Item = (usize, &'a str)>,
    skip: impl Fn(usize) -> bool,
) -> Vec<Placed> {
    // First pass: map characters, mark line breaks with '\n'.
    let mut raw: Vec<Placed> = Vec::new();
    for (n, line) in lines {
        if skip(n) {
            continue;
        }
        let body = strip_bullet(line);
        let skipped = line[..line.len() - body.len()].chars().count();
        let mut col = skipped;
        for ch in body.chars() {
            col += 1;
            if is_private_use(ch) {
                continue;
            }
            let ch = if APOSTROPHES.contains(&ch) {
                '\''
            } else if ch.is_whitespace() {
                ' '
            } else {
                ch
            };
            raw.push(Placed { ch, line: n, col: col - 1 });
        }
        raw.push(Placed { ch: '\n', line: n, col });
    }
    squeeze(&raw)
}

/// Does a source line hold content: a character that is neither whitespace, nor a private-use
/// glyph, nor the list bullet opening the line (what the checker requires data to claim)?
pub fn has_content(line: &str) -> bool {
    strip_bullet(line).chars().any(|c| !c.is_whitespace() && !is_private_use(c))
}

/// A line without the list bullet that opens it, if any (`- item`, `• item`).
fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    for b in ["- ", "• "] {
        if let Some(rest) = t.strip_prefix(b) {
            return rest;
        }
    }
    line
}

/// Normalise a single text (as written in the data).
pub(crate) fn normalize(text: &str) -> String {
    let raw: Vec<Placed> = strip_bullet(text)
        .chars()
        .filter(|c| !is_private_use(*c))
        .map(|ch| Placed {
            ch: if APOSTROPHES.contains(&ch) {
                '\''
            } else if ch == '\n' {
                '\n'
            } else if ch.is_whitespace() {
                ' '
            } else {
                ch
            },
            line: 0,
            col: 0,
        })
        .collect();
    squeeze(&raw).into_iter().map(|p| p.ch).collect()
}

/// Drop word-internal and line-end hyphens, collapse whitespace, trim.
fn squeeze(raw: &[Placed]) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let p = raw[i];
        if p.ch == '-' && out.last().is_some_and(|q| q.ch.is_alphabetic()) {
            // Skip spaces and line breaks (a cut word may even straddle a blank line, where the
            // extraction split a table cell); a letter must follow.
            let mut j = i + 1;
            let mut broke = false;
            while j < raw.len() && (raw[j].ch == ' ' || raw[j].ch == '\n') {
                broke |= raw[j].ch == '\n';
                j += 1;
            }
            let next_is_letter = j < raw.len() && raw[j].ch.is_alphabetic();
            if next_is_letter && (j == i + 1 || broke) {
                i = j;
                continue;
            }
        }
        if p.ch == ' ' || p.ch == '\n' {
            if out.last().is_some_and(|q| q.ch != ' ') {
                out.push(Placed { ch: ' ', ..p });
            }
        } else {
            out.push(p);
        }
        i += 1;
    }
    while out.last().is_some_and(|q| q.ch == ' ') {
        out.pop();
    }
    out
}

/// Where a needle was found in a normalised haystack: the lines of its first and last characters,
/// and their positions in those lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub(crate) first_line: usize,
    pub last_line: usize,
    pub(crate) first_col: usize,
    pub(crate) last_col: usize,
}

/// Every occurrence of `needle` (already normalised) in `hay`.
pub(crate) fn find_all(hay: &[Placed], needle: &str) -> Vec<Found> {
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for start in 0..=hay.len() - needle.len() {
        if hay[start..start + needle.len()].iter().zip(&needle).all(|(p, c)| p.ch == *c) {
            let (a, b) = (hay[start], hay[start + needle.len() - 1]);
            found.push(Found {
                first_line: a.line,
                last_line: b.line,
                first_col: a.col,
                last_col: b.col,
            });
        }
    }
    found
}

/// The longest prefix of `needle` found in `hay`, in characters: tells a user how far the text
/// matched before it went wrong.
pub(crate) fn longest_found_prefix(hay: &[Placed], needle: &str) -> usize {
    let needle: Vec<char> = needle.chars().collect();
    let mut best = 0;
    for start in 0..hay.len() {
        let n = hay[start..].iter().zip(&needle).take_while(|(p, c)| p.ch == **c).count();
        best = best.max(n);
        if best == needle.len() {
            break;
        }
    }
    best
}

/// Fold a character for search and similarity: lower case without accents.
pub(crate) fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' | 'Ÿ' => 'y',
        'ñ' | 'Ñ' => 'n',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Fold a text for search and similarity: lower case, no accents, ligatures spelt out,
/// apostrophes folded, private-use glyphs removed.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            c if APOSTROPHES.contains(&c) => out.push('\''),
            c if is_private_use(c) || is_combining_mark(c) => {}
            c => out.push(fold_accent(c)),
        }
    }
    out
}

/// JSON (or any JavaScript) made safe to stand inside an HTML `<script>` element and in a script
/// file: `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, and the line separators U+2028 and
/// U+2029 `\u2028`, `\u2029`. In serialised JSON these characters only occur inside strings,
/// where the escapes mean the same characters, so no value can close the element (`</script>`,
/// `</SCRIPT >`), open a comment (`<!--`) or end a line of the script, whatever its case.
pub(crate) fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hay(lines: &[&str]) -> Vec<Placed> {
        normalize_lines(lines.iter().enumerate().map(|(i, l)| (i + 1, *l)), |_| false)
    }

    fn text_of(h: &[Placed]) -> String {
        h.iter().map(|p| p.ch).collect()
    }

    #[test]
    fn whitespace_runs_are_one_space() {
        assert_eq!(normalize("Se  situer \n dans"), "Se situer dans");
        assert_eq!(
            text_of(&hay(&["Se  situer  dans  le ", "  système"])),
            "Se situer dans le système"
        );
    }

    #[test]
    fn line_end_hyphenation_matches_both_joined_and_compound_forms() {
        let h = hay(&["le négociateur technico-", "commercial et la pros-", "pection"]);
        let needle_compound = normalize("négociateur technico-commercial");
        let needle_joined = normalize("la prospection");
        assert_eq!(find_all(&h, &needle_compound).len(), 1);
        assert_eq!(find_all(&h, &needle_joined).len(), 1);
    }

    #[test]
    fn spaced_dashes_are_kept() {
        assert_eq!(normalize("vendeur - manageur"), "vendeur - manageur");
        assert_eq!(normalize("C11  -  Se situer"), "C11 - Se situer");
    }

    #[test]
    fn a_line_of_a_bullet_alone_has_no_content() {
        // Found by the `locate` fuzzer: « • » alone was taken for content that no text can match.
        assert!(!has_content("• "));
        assert!(!has_content("  - "));
        assert!(!has_content("\u{f0b7} "));
        assert!(has_content("• Prospecter"));
        assert!(has_content("-"));
    }

    #[test]
    fn list_bullets_are_layout() {
        let h = hay(&["Un surveillant est présent ", "- pendant que le candidat", "• lit"]);
        assert_eq!(text_of(&h), "Un surveillant est présent pendant que le candidat lit");
        assert_eq!(normalize("- pendant que"), "pendant que");
    }

    #[test]
    fn apostrophes_fold_and_glyphs_vanish() {
        assert_eq!(normalize("l’état d'achat"), "l'état d'achat");
        assert_eq!(normalize("\u{F0A7} Entretien"), "Entretien");
    }

    #[test]
    fn accents_and_case_are_kept_by_normalize_and_dropped_by_fold() {
        assert_ne!(normalize("Élaborer"), normalize("elaborer"));
        assert_eq!(fold("Élaborer une stratégie, l’œuvre"), "elaborer une strategie, l'oeuvre");
    }

    #[test]
    fn found_reports_the_lines_of_the_match() {
        let h = hay(&[
            "intro",
            "Assurer une veille commerciale pour analyser l’état du ",
            "marché",
            "fin",
        ]);
        let f = find_all(
            &h,
            &normalize("Assurer une veille commerciale pour analyser l'état du marché"),
        );
        assert_eq!(f, vec![Found { first_line: 2, last_line: 3, first_col: 0, last_col: 5 }]);
    }

    #[test]
    fn noise_lines_are_skipped() {
        let lines = ["une phrase qui", "SIGLE Type de document", "continue"];
        let h = normalize_lines(lines.iter().enumerate().map(|(i, l)| (i + 1, *l)), |n| n == 2);
        assert_eq!(text_of(&h), "une phrase qui continue");
    }

    #[test]
    fn longest_prefix_measures_partial_matches() {
        let h = hay(&["Le système de veille mis en place"]);
        assert_eq!(
            longest_found_prefix(&h, "Le système de veile"),
            "Le système de veil".chars().count()
        );
    }

    #[test]
    fn script_safe_json_cannot_close_its_script_element() {
        let json = serde_json::to_string("1</SCRIPT><script>a&b\u{2028}").unwrap();
        let safe = script_safe(&json);
        assert_eq!(safe, r#""1\u003c/SCRIPT\u003e\u003cscript\u003ea\u0026b\u2028""#);
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), "1</SCRIPT><script>a&b\u{2028}");
    }
}
