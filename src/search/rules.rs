//! The search's rulebook as the browser reads it: the tables and figures of the analysis
//! ([`crate::lang`], [`crate::text::fold`]) and of the query ([`super::query`]), written into
//! `assets/search.js` at build, so that the script holds no copy of them. The parity test
//! (`tests/testsuite/search_parity.rs`) runs the script under node and compares it with the Rust side.

use serde_json::{Value, json};

use crate::{lang, text};

/// The line of `templates/assets/search.js` that the rulebook replaces.
pub(crate) const MARKER: &str = "{/* the rulebook, written at build (src/search/rules.rs) */}";

/// What [`text::fold`] turns characters into, where it is not their lower case (accented letters,
/// ligatures, apostrophes): read from `fold` itself over the scripts the referentials are written
/// in, not copied. The browser looks a character up, then its lower case, then keeps the lower
/// case; so a capital is listed only when its lower case's entry does not already say it.
/// Private-use glyphs and combining accents, which fold drops, are given as ranges.
fn fold_table() -> Value {
    let lower = |c: char| -> String { c.to_lowercase().take(1).collect() };
    let chars = ('\u{80}'..='\u{2FFF}').filter(|c| !text::is_combining_mark(*c));
    let mut out = serde_json::Map::new();
    for c in chars.clone().filter(|c| lower(*c) == c.to_string()) {
        let folded = text::fold(&c.to_string());
        if folded != c.to_string() {
            out.insert(c.to_string(), Value::String(folded));
        }
    }
    for c in chars.filter(|c| lower(*c) != c.to_string()) {
        let folded = text::fold(&c.to_string());
        let l = lower(c);
        let browser = out.get(&l).and_then(Value::as_str).unwrap_or(&l).to_string();
        if folded != browser {
            out.insert(c.to_string(), Value::String(folded));
        }
    }
    Value::Object(out)
}

/// The rulebook as JSON.
pub(crate) fn browser_rules() -> Value {
    let range = |(a, b): (char, char)| json!([a as u32, b as u32]);
    json!({
        "fold": fold_table(),
        "drop": [range(text::PRIVATE_USE), range(text::COMBINING_MARKS)],
        "combining": range(text::COMBINING_MARKS),
        "stop": lang::STOP_WORDS,
        "queryWords": lang::QUERY_WORDS,
        "suffixes": lang::SUFFIXES,
        "minStem": lang::MIN_STEM,
        "stemWhole": lang::STEM_WHOLE,
        "stemEndings": lang::STEM_ENDINGS,
        "codeLetters": lang::CODE_LETTERS,
        "shortCode": super::query::SHORT_CODE,
        "dotless": super::query::Q_DOTLESS,
        "prefix": super::query::Q_PREFIX,
        "typo": super::query::Q_TYPO,
        "typoLetters": super::query::TYPO_LETTERS,
        "typingLetters": super::query::TYPING_LETTERS,
    })
}

/// The browser's script with its rulebook: `script` (the built-in `search.js`, or a theme's) with
/// [`MARKER`] replaced; a script without the marker is left as it is.
pub fn fill(script: &str) -> String {
    let json = crate::text::script_safe(&browser_rules().to_string());
    script.replacen(MARKER, &json, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_table_holds_what_fold_changes() {
        let t = fold_table();
        assert_eq!(t["é"], "e");
        assert!(t.get("É").is_none(), "a capital is read by its lower case");
        assert_eq!(t["œ"], "oe");
        assert_eq!(t["’"], "'");
        assert!(t.get("a").is_none() && t.get("B").is_none());
    }

    #[test]
    fn the_builtin_script_has_its_marker() {
        let script = include_str!("../../templates/assets/search.js");
        assert_eq!(script.matches(MARKER).count(), 1);
        assert!(!fill(script).contains(MARKER));
    }
}
