//! Identifiers: newtypes for the ids of certifications, elements, documents and tables.
//!
//! Every id is a *slug*: lower-case ASCII letters and digits, with single `-` or `.` between them
//! (`cp3`, `cp3-cr2`, `c1.1.1`). Slugs are safe as URL path segments and file names on every
//! system. An element is known across the corpus by its [`ElementKey`]: certification and local id.

use std::fmt;

use serde::Serialize;

/// The longest id accepted: ids become file names and URL segments, which systems limit (255
/// bytes for a file name); the real data's longest id has 38 characters.
pub(crate) const MAX_ID_LEN: usize = 64;

/// Is `s` a well-formed slug (`^[a-z0-9]+([.-][a-z0-9]+)*$`, at most [`MAX_ID_LEN`] long)?
pub(crate) fn is_slug(s: &str) -> bool {
    if s.len() > MAX_ID_LEN {
        return false;
    }
    let mut prev_sep = true; // at start, a separator is not allowed
    for c in s.chars() {
        match c {
            'a'..='z' | '0'..='9' => prev_sep = false,
            '-' | '.' if !prev_sep => prev_sep = true,
            _ => return false,
        }
    }
    !s.is_empty() && !prev_sep
}

/// Explain why `s` is not a slug, for a diagnostic hint.
pub(crate) fn slug_hint(s: &str) -> String {
    if s.len() > MAX_ID_LEN {
        return crate::words::diag::id_too_long(MAX_ID_LEN, s.chars().count());
    }
    let suggestion: String = {
        let lowered = s.trim().to_lowercase().replace([' ', '_', '/'], "-");
        let mut out = String::new();
        for c in lowered.chars() {
            let c = crate::text::fold_accent(c);
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                if (c == '-' || c == '.') && (out.is_empty() || out.ends_with(['-', '.'])) {
                    continue;
                }
                out.push(c);
            }
        }
        out.trim_end_matches(['-', '.']).to_string()
    };
    if suggestion.is_empty() {
        crate::words::diag::ID_CHARS.to_string()
    } else {
        crate::words::diag::id_chars_try(&suggestion)
    }
}

/// A code (ROME, NSF …) as a file-name-safe slug (`D1402` → `d1402`, `ZZ 1` → `zz-1`): its
/// page's name. Two codes with one slug would share a page, so the checker refuses them.
pub(crate) fn code_slug(s: &str) -> String {
    let mut out = String::new();
    for c in crate::text::fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

macro_rules! slug_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wrap a string already checked with [`is_slug`].
            pub fn new(s: impl Into<String>) -> Self {
                let s = s.into();
                debug_assert!(is_slug(&s), "not a slug: {s}");
                Self(s)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

slug_newtype!(
    /// The id of a certification (`ntc-2018`).
    CertId
);
slug_newtype!(
    /// The id of an element inside its certification (`cp3-cr2`).
    LocalId
);
slug_newtype!(
    /// The id of a source document (`ntc-2018-reac-re`).
    DocId
);
slug_newtype!(
    /// The id of a matrix inside its certification, or of a correspondence table.
    TableId
);

/// An element's identity across the corpus: `<cert>/<local>`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
pub struct ElementKey {
    pub cert: CertId,
    pub local: LocalId,
}

impl ElementKey {
    pub fn new(cert: CertId, local: LocalId) -> Self {
        Self { cert, local }
    }
}

impl fmt::Display for ElementKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.cert, self.local)
    }
}

/// A reference as written in the data: a local id, or `<cert>/<local>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reference<'a> {
    Local(&'a str),
    Full(&'a str, &'a str),
}

impl<'a> Reference<'a> {
    /// Split a written reference; `None` when it is malformed.
    pub fn parse(s: &'a str) -> Option<Self> {
        match s.split_once('/') {
            None if is_slug(s) => Some(Reference::Local(s)),
            Some((c, l)) if is_slug(c) && is_slug(l) => Some(Reference::Full(c, l)),
            _ => None,
        }
    }

    /// Resolve against the certification the reference is written in.
    pub fn key(&self, home: &CertId) -> ElementKey {
        match self {
            Reference::Local(l) => ElementKey::new(home.clone(), LocalId::new(*l)),
            Reference::Full(c, l) => ElementKey::new(CertId::new(*c), LocalId::new(*l)),
        }
    }

    /// [`Reference::key`] as the data writes it, without building a key: the certification
    /// (`home` for a local reference) and the local id.
    pub fn parts<'s>(&self, home: &'s str) -> (&'s str, &'s str)
    where
        'a: 's,
    {
        match *self {
            Reference::Local(l) => (home, l),
            Reference::Full(c, l) => (c, l),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_codes_and_positions() {
        for ok in ["cp3", "cp3-cr2", "c1.1.1", "s4.2.3", "ntc-2018", "0"] {
            assert!(is_slug(ok), "{ok}");
        }
    }

    #[test]
    fn slugs_refuse_case_spaces_and_doubled_separators() {
        for bad in ["", "CP3", "cp 3", "cp--3", "-cp3", "cp3.", "c1..1", "cp_3", "é1", "a/b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn ids_are_limited_in_length() {
        assert!(is_slug(&"a".repeat(MAX_ID_LEN)));
        assert!(!is_slug(&"a".repeat(MAX_ID_LEN + 1)));
        assert!(
            slug_hint(&"a".repeat(300))
                .starts_with("un identifiant a 64 caractères au plus (celui-ci en a 300)")
        );
    }

    #[test]
    fn codes_that_differ_only_by_punctuation_share_a_slug() {
        assert_eq!(code_slug("ZZ-1"), code_slug("ZZ 1"));
        assert_eq!(code_slug("D1402"), "d1402");
        assert_eq!(code_slug("--"), "");
    }

    #[test]
    fn hint_suggests_a_slug() {
        assert!(slug_hint("CP 3").ends_with("essayez `cp-3`"));
        assert!(slug_hint("Élément_1").ends_with("essayez `element-1`"));
    }

    #[test]
    fn references_split_on_the_slash() {
        assert_eq!(Reference::parse("cp3"), Some(Reference::Local("cp3")));
        assert_eq!(Reference::parse("ntc-2013/cp1"), Some(Reference::Full("ntc-2013", "cp1")));
        assert_eq!(Reference::parse("ntc/cp/1"), None);
        assert_eq!(Reference::parse("CP1"), None);
    }
}
