//! `lines`: a line number or an inclusive range of lines, written `309` or `368-369`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// An inclusive range of 1-based line numbers. `first <= last` is checked by the checker, not
/// here, so that a reversed range gets a diagnostic with a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Lines {
    pub first: usize,
    pub last: usize,
}

impl Lines {
    pub fn one(n: usize) -> Self {
        Lines { first: n, last: n }
    }

    pub fn contains(&self, n: usize) -> bool {
        self.first <= n && n <= self.last
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> {
        self.first..=self.last
    }
}

impl fmt::Display for Lines {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

impl std::str::FromStr for Lines {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || crate::words::diag::not_lines(s);
        let num = |t: &str| t.trim().parse::<usize>().map_err(|_| bad());
        match s.split_once('-') {
            Some((a, b)) => Ok(Lines { first: num(a)?, last: num(b)? }),
            None => Ok(Lines::one(num(s)?)),
        }
    }
}

impl<'de> Deserialize<'de> for Lines {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Lines;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(crate::words::diag::EXPECTING_LINES)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Lines, E> {
                Ok(Lines::one(n as usize))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Lines, E> {
                usize::try_from(n).map(Lines::one).map_err(|_| E::custom("line numbers start at 1"))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Lines, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// In the JSON Schema: a number, or a string holding a number or a range.
impl schemars::JsonSchema for Lines {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lines".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A 1-based line number of the source document (`309`), or an inclusive range of lines (`368-369`).",
            "oneOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": "^\\s*[0-9]+\\s*(-\\s*[0-9]+\\s*)?$"}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_and_ranges() {
        assert_eq!("309".parse::<Lines>(), Ok(Lines::one(309)));
        assert_eq!("368-369".parse::<Lines>(), Ok(Lines { first: 368, last: 369 }));
        assert!("a-b".parse::<Lines>().is_err());
        assert_eq!(Lines { first: 3, last: 4 }.to_string(), "3-4");
    }
}
