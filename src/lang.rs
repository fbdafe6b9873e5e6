//! French text analysis shared by search and similarity: tokens, stop words, and a light stemmer
//! so that word forms meet (prospecter, prospection, prospects → `prospect`).
//!
//! Everything works on [`crate::text::fold`]ed text: lower case, no accents, œ → oe, ’ → '.

use crate::text::fold;

/// Words too common to say anything about a text.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a", "afin", "ainsi", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de",
    "des", "du", "elle", "elles", "en", "entre", "est", "et", "etre", "il", "ils", "j", "l", "la",
    "le", "les", "leur", "leurs", "lors", "m", "n", "ne", "ou", "par", "pas", "pour", "qu", "que",
    "qui", "s", "sa", "se", "selon", "ses", "son", "sont", "sur", "t", "un", "une", "y",
];

/// Words that make a query a question (the question words, the asker's pronouns: "comment je
/// relance mes clients", "que dois-je savoir"), and the verb "faire" (which would match every
/// "savoir-faire"): dropped from queries, never from texts.
pub(crate) const QUERY_WORDS: &[&str] = &[
    "combien",
    "comment",
    "dois",
    "doit",
    "est",
    "faire",
    "fait",
    "faut",
    "il",
    "je",
    "laquelle",
    "lequel",
    "lesquelles",
    "lesquels",
    "ma",
    "mes",
    "mon",
    "nous",
    "on",
    "ou",
    "peut",
    "peux",
    "pourquoi",
    "puis",
    "quand",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "quoi",
    "vous",
];

/// Suffixes removed by the stemmer, longest first. One is removed at most, and only when at least
/// [`MIN_STEM`] letters remain (so that short words stay whole). Not « -ez »: in the referentials
/// it ends only « rendez(-vous) » (a noun, not a form of « rendre ») and « chez ».
pub(crate) const SUFFIXES: &[&str] = &[
    "issements",
    "issement",
    "atrices",
    "ateurs",
    "ations",
    "atrice",
    "ateur",
    "ation",
    "ements",
    "ement",
    "ments",
    "ment",
    "ances",
    "ance",
    "ences",
    "ence",
    "ables",
    "able",
    "ibles",
    "ible",
    "iques",
    "ique",
    "istes",
    "iste",
    "ismes",
    "isme",
    "euses",
    "euse",
    "eurs",
    "eur",
    "ions",
    "ion",
    "ives",
    "ive",
    "ites",
    "ite",
    "ees",
    "ee",
    "es",
    "er",
    "e",
    "s",
    "x",
];

/// The fewest letters a stem keeps when a suffix is removed.
pub(crate) const MIN_STEM: usize = 4;

/// How a verb's stem and its noun's are brought together (see [`verb_and_noun`]): whole stems
/// replaced, then endings replaced when at least the given number of letters stays before them.
pub(crate) const STEM_WHOLE: &[(&str, &str)] = &[("vent", "vend")];
pub(crate) const STEM_ENDINGS: &[(&str, &str, usize)] =
    &[("qu", "c", 0), ("ifi", "ific", 0), ("dr", "d", 3)];

/// The most letters a code's letter part has (`cp3`, `c3.2`, `d1402`, not `bloc1`).
pub(crate) const CODE_LETTERS: usize = 3;

/// A word of a text: its folded form and its byte range in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    pub start: usize,
    pub end: usize,
}

/// Split a text into words (letters and digits; `.` inside codes like `C3.2` is kept), folded.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() {
            let (_, d) = chars[j];
            let dot_in_code = d == '.'
                && j + 1 < chars.len()
                && chars[j + 1].1.is_ascii_digit()
                && chars[i..j].iter().any(|(_, x)| x.is_ascii_digit());
            // A combining accent (a decomposed « é ») belongs to its letter's word; folding drops it.
            if d.is_alphanumeric() || dot_in_code || crate::text::is_combining_mark(d) {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map(|(b, _)| *b).unwrap_or(text.len());
        out.push(Token { word: fold(&text[start..end]), start, end });
        i = j;
    }
    out
}

pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Is this word dropped from a query (question words, "faire")?
pub(crate) fn is_query_word(word: &str) -> bool {
    QUERY_WORDS.binary_search(&word).is_ok()
}

/// Is this word a code (`cp3`, `c3.2`, `u5`, `s41`, `d1402`): letters then digits?
pub(crate) fn is_code(word: &str) -> bool {
    let letters = word.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    (1..=CODE_LETTERS).contains(&letters)
        && word.len() > letters
        && word[letters..].chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The stem of a folded word.
pub fn stem(word: &str) -> String {
    if is_code(word) || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    let base = SUFFIXES
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix).filter(|b| b.chars().count() >= MIN_STEM))
        .unwrap_or(word);
    verb_and_noun(base)
}

/// Brings a verb's stem and its noun's together where the suffixes alone do not: -quer and
/// -cation (communiquer, communication → `communic`), -ifier and -ification (qualifier,
/// qualification → `qualific`), -dre verbs (vendre → `vend`, as vendeur), and vente (→ `vend`).
fn verb_and_noun(base: &str) -> String {
    if let Some((_, to)) = STEM_WHOLE.iter().find(|(from, _)| *from == base) {
        return to.to_string();
    }
    for (ending, to, keep) in STEM_ENDINGS {
        if let Some(b) = base.strip_suffix(ending).filter(|b| b.chars().count() >= *keep) {
            return format!("{b}{to}");
        }
    }
    base.to_string()
}

/// The meaningful stems of a text, in order (stop words left out).
pub fn terms(text: &str) -> Vec<String> {
    tokens(text).into_iter().filter(|t| !is_stop_word(&t.word)).map(|t| stem(&t.word)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort();
        assert_eq!(sorted, STOP_WORDS);
        let mut sorted = QUERY_WORDS.to_vec();
        sorted.sort();
        assert_eq!(sorted, QUERY_WORDS);
    }

    #[test]
    fn word_forms_meet() {
        for group in [
            ["prospecter", "prospection", "prospects"],
            ["négocier", "négociation", "négociateur"],
            ["fidélisation", "fidéliser", "fidélisations"],
            ["relancer", "relance", "relancés"],
            ["qualifier", "qualification", "qualifié"],
            ["communiquer", "communication", "communications"],
            ["vendre", "vente", "vendeurs"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(&fold(w))).collect();
            assert!(stems.windows(2).all(|w| w[0] == w[1]), "{group:?} → {stems:?}");
        }
    }

    #[test]
    fn objections_are_not_objectives() {
        assert_ne!(stem("objections"), stem("objectifs"));
    }

    #[test]
    fn tokens_keep_codes_and_split_elisions() {
        let words: Vec<String> =
            tokens("C3.2 : l’état du marché (CP3, D1402).").into_iter().map(|t| t.word).collect();
        assert_eq!(words, ["c3.2", "l", "etat", "du", "marche", "cp3", "d1402"]);
    }

    #[test]
    fn terms_drop_stop_words_and_stem() {
        assert_eq!(terms("Assurer une veille commerciale"), ["assur", "veill", "commercial"]);
    }

    #[test]
    fn codes_are_recognised() {
        assert!(is_code("cp3") && is_code("c3.2") && is_code("d1402") && is_code("s41"));
        assert!(!is_code("veille") && !is_code("3") && !is_code("312t"));
    }
}
