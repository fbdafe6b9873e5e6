//! Diagnostics: what the checker says about the data, with file, line, column, snippet and hint.
//!
//! A diagnostic is a value, never a panic. The loader and every check push diagnostics into a
//! [`Diagnostics`] collection; the command line renders them like a compiler does:
//!
//! ```text
//! error[unknown-id]: identifiant inconnu `cp8`
//!   --> data/certifications/ntc-2018/reac.yaml:12:13
//!    |
//! 12 |     parent: cp8
//!    |             ^^^
//!    = conseil : vouliez-vous dire `cp3` ?
//! ```

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Serialize;

/// What kind of mistake a diagnostic reports; stable names, used in tests and `--json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The file is not readable YAML, or exceeds the parser's limits.
    Yaml,
    /// A key that the format does not know, or a value of the wrong type or variant.
    Schema,
    /// A required key is absent.
    MissingKey,
    /// An id that is not a slug.
    MalformedId,
    /// Two things with one id.
    DuplicateId,
    /// A reference to an id that does not exist.
    UnknownId,
    /// A parent chain that loops.
    Cycle,
    /// A matrix cell naming a missing row or column, or a matrix with cells left unstated.
    Matrix,
    /// A `lines` range outside its document, reversed, or naming an unknown document.
    Provenance,
    /// A text not found at its cited lines, or cited too loosely.
    TextNotFound,
    /// Source text that no data claims and no declaration sets aside.
    Unclaimed,
    /// A line declared not to be content (noise, layout) that holds words of an element.
    DeclaredContent,
    /// An element's text cut down to one word of its line.
    TruncatedText,
    /// Anything else that makes the data inconsistent.
    Invalid,
    // #24: the shape of the tree and double claims (src/check/shapes.rs, coverage.rs).
    /// An element of a kind that always has a parent (tâche, critère, limite, savoir-faire…) without one.
    Orphan,
    /// An element whose kind its place contradicts (a paragraphe in a savoir table, a heading typed limite).
    WrongKind,
    /// A footnote call fused into a title.
    FootnoteCall,
    /// Source characters claimed by the texts of two elements.
    DoubleClaim,
    /// Limites that the layout puts beside other savoirs than the ones they hang from.
    MisplacedLimites,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Yaml => "yaml",
            Code::Schema => "schema",
            Code::MissingKey => "missing-key",
            Code::MalformedId => "malformed-id",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownId => "unknown-id",
            Code::Cycle => "cycle",
            Code::Matrix => "matrix",
            Code::Provenance => "provenance",
            Code::TextNotFound => "text-not-found",
            Code::Unclaimed => "unclaimed",
            Code::DeclaredContent => "declared-content",
            Code::TruncatedText => "truncated-text",
            Code::Invalid => "invalid",
            Code::Orphan => "orphan",
            Code::WrongKind => "wrong-kind",
            Code::FootnoteCall => "footnote-call",
            Code::DoubleClaim => "double-claim",
            Code::MisplacedLimites => "misplaced-limites",
        }
    }
}

/// Is `c` a character that would act on a terminal or reorder text rather than show: a control
/// character (escape sequences start with one) or a bidirectional formatting character?
pub(crate) fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `c` as a terminal shows it safely: itself, or `\u{1b}` for an unsafe character.
fn shown_char(c: char) -> String {
    if is_unsafe_char(c) { c.escape_unicode().to_string() } else { c.to_string() }
}

/// `s` with every control and bidi formatting character written as an escape (`\u{1b}`): safe to
/// print on a terminal, whatever the data holds.
pub fn terminal_safe(s: &str) -> String {
    if !s.chars().any(is_unsafe_char) {
        return s.to_string();
    }
    s.chars().map(shown_char).collect()
}

/// How many characters of a long line a rendered snippet shows.
const WINDOW: usize = 100;

/// A position in a data file (1-based line and column, in characters).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Pos {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

/// One problem found in the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The offending line of the data file, as written.
    pub(crate) snippet: String,
    /// How many characters to underline from `column`.
    pub width: usize,
}

impl Diagnostic {
    pub fn new(code: Code, pos: &Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            file: pos.file.clone(),
            line: pos.line,
            column: pos.column,
            message: message.into(),
            hint: None,
            snippet: String::new(),
            width: 1,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Render like a compiler diagnostic (no colour).
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "error[{}]: {}", self.code.as_str(), terminal_safe(&self.message));
        let gutter = self.line.to_string().len().max(2);
        let pad = " ".repeat(gutter);
        if self.line == 0 {
            // A diagnostic about a whole file or folder.
            let _ = writeln!(out, "{pad}--> {}", terminal_safe(&self.file.display().to_string()));
        } else {
            let _ = writeln!(
                out,
                "{pad}--> {}:{}:{}",
                terminal_safe(&self.file.display().to_string()),
                self.line,
                self.column
            );
        }
        if !self.snippet.is_empty() {
            // Long lines are shown as a window around the column.
            let chars: Vec<char> = self.snippet.chars().collect();
            let col = self.column.saturating_sub(1).min(chars.len());
            let start = if chars.len() > WINDOW { col.saturating_sub(WINDOW / 3) } else { 0 };
            let end = (start + WINDOW).min(chars.len());
            let width = self.width.max(1).min(end.saturating_sub(col).max(1));
            let (pre, post) =
                (if start > 0 { "…" } else { "" }, if end < chars.len() { "…" } else { "" });
            // Tabs are kept (the caret line repeats them); other unsafe characters are escaped,
            // and the caret moves by the width of their escapes.
            let show = |c: &char| if *c == '\t' { "\t".to_string() } else { shown_char(*c) };
            let shown: String = chars[start..end].iter().map(show).collect();
            let lead: String = chars[start..col]
                .iter()
                .map(|c| {
                    if *c == '\t' { "\t".to_string() } else { " ".repeat(show(c).chars().count()) }
                })
                .collect();
            let width: usize = chars[col.min(end)..(col + width).min(end)]
                .iter()
                .map(|c| show(c).chars().count())
                .sum::<usize>()
                .max(1);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{:>gutter$} | {pre}{shown}{post}", self.line);
            let _ = writeln!(
                out,
                "{pad} | {}{lead}{}",
                " ".repeat(pre.chars().count()),
                "^".repeat(width)
            );
        }
        if let Some(h) = &self.hint {
            let _ = writeln!(out, "{pad} = {} : {}", crate::words::diag::HINT, terminal_safe(h));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// The lines of a YAML text as the YAML parser numbers them: a line break is `\r\n`, `\r` or
/// `\n` (YAML 1.2, §5.4), so that a diagnostic's line number and the line it quotes agree even in a
/// file saved with old Mac line ends.
pub fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text).filter(|t| !t.is_empty());
    std::iter::from_fn(move || {
        let t = rest?;
        match t.find(['\r', '\n']) {
            Some(i) => {
                let skip = if t[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&t[i + skip..]).filter(|r| !r.is_empty());
                Some(&t[..i])
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
}

/// The diagnostics of one run, with the data files' texts to quote snippets from. Quoting a line
/// costs the same whatever its place and however many diagnostics a file has: each file's line
/// starts are found once, at its first diagnostic.
#[derive(Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    files: Vec<Quoted>,
    by_path: std::collections::HashMap<PathBuf, usize>,
}

/// A data file's text, and where its lines are (`yaml_lines`), once asked for.
struct Quoted {
    text: std::sync::Arc<str>,
    lines: Option<Vec<(usize, usize)>>,
}

impl Quoted {
    fn line(&mut self, n: usize) -> Option<&str> {
        let text = &self.text;
        let spans = self.lines.get_or_insert_with(|| {
            yaml_lines(text)
                .map(|l| {
                    let start = l.as_ptr() as usize - text.as_ptr() as usize;
                    (start, start + l.len())
                })
                .collect()
        });
        spans.get(n.saturating_sub(1)).map(|&(a, b)| &self.text[a..b])
    }
}

impl Diagnostics {
    /// Keep a file's text so that diagnostics in it can quote their line.
    pub fn register_file(&mut self, path: &Path, text: &str) {
        self.register_shared(path, std::sync::Arc::from(text));
    }

    /// [`Self::register_file`], sharing the text rather than copying it.
    pub fn register_shared(&mut self, path: &Path, text: std::sync::Arc<str>) {
        self.by_path.entry(path.to_path_buf()).or_insert(self.files.len());
        self.files.push(Quoted { text, lines: None });
    }

    pub fn push(&mut self, mut d: Diagnostic) {
        if d.snippet.is_empty()
            && let Some(&i) = self.by_path.get(&d.file)
            && let Some(line) = self.files[i].line(d.line)
        {
            d.snippet = line.to_string();
            if d.width <= 1 {
                d.width = token_width(line, d.column);
            }
        }
        self.items.push(d);
    }

    /// Push every diagnostic of `other`, in its order (a pass run on a thread of its own
    /// gathers into its own, merged in a fixed order so that the report does not depend on
    /// which thread finished first).
    pub fn append(&mut self, other: Diagnostics) {
        for d in other.items {
            self.push(d);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The diagnostics in file, line, column order, without exact duplicates.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// The width of the YAML token that starts at `column` (1-based, in characters).
fn token_width(line: &str, column: usize) -> usize {
    let rest: String = line.chars().skip(column.saturating_sub(1)).collect();
    let rest = rest.trim_end();
    let w = if rest.starts_with('"') || rest.starts_with('\'') {
        rest.chars().count()
    } else if let Some(key) =
        rest.split_once(": ").map(|(k, _)| k).filter(|k| !k.contains([' ', ',']))
    {
        key.chars().count()
    } else {
        rest.chars().take_while(|c| !matches!(c, ',' | ']' | '}' | '#')).count()
    };
    rest.chars().take(w).collect::<String>().trim_end().chars().count().max(1)
}

/// Suggest the closest of `candidates` to `wrong` ("did you mean …?"), if one is close enough:
/// the fewest edits (Damerau-Levenshtein), then the nearest trailing number (`cp8` → `cp7`),
/// then alphabetical order.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let limit = (wrong.chars().count() / 3).max(2);
    let number = |s: &str| -> Option<i64> {
        let digits: String = s
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        digits.parse().ok()
    };
    let n = number(wrong);
    candidates
        .into_iter()
        .filter(|c| *c != wrong)
        .map(|c| {
            let d = strsim::damerau_levenshtein(wrong, c);
            let gap = match (n, number(c)) {
                (Some(a), Some(b)) => (a - b).unsigned_abs(),
                _ => u64::MAX,
            };
            (d, gap, c)
        })
        .filter(|(d, _, _)| *d <= limit)
        .min()
        .map(|(_, _, c)| crate::words::diag::did_you_mean(c))
}

#[cfg(test)]
mod tests {
    #[test]
    fn yaml_lines_break_where_the_parser_does() {
        let lines = |t| super::yaml_lines(t).collect::<Vec<_>>();
        assert_eq!(lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n"), ["a"]);
        assert_eq!(lines("\r\r\0u"), ["", "", "\0u"]);
        assert_eq!(lines(""), Vec::<&str>::new());
    }

    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let pos = Pos { file: "data/x.yaml".into(), line: 12, column: 13 };
        let mut d = Diagnostic::new(Code::UnknownId, &pos, "identifiant inconnu `cp8`")
            .hint("vouliez-vous dire `cp3` ?");
        d.snippet = "    parent: cp8".into();
        d.width = 3;
        assert_eq!(
            d.render(),
            "error[unknown-id]: identifiant inconnu `cp8`\n  --> data/x.yaml:12:13\n   |\n12 |     parent: cp8\n   |             ^^^\n   = conseil : vouliez-vous dire `cp3` ?\n"
        );
    }

    #[test]
    fn control_characters_are_escaped_and_the_caret_follows() {
        let pos = Pos { file: "data/x.yaml".into(), line: 3, column: 9 };
        let mut d = Diagnostic::new(Code::MalformedId, &pos, "malformed element id `\u{1b}[31mx`");
        d.snippet = "  - id: \u{1b}[31mx".into();
        d.width = 6;
        let r = d.render();
        assert!(!r.contains('\u{1b}'), "{r:?}");
        assert!(r.contains("malformed element id `\\u{1b}[31mx`"), "{r}");
        assert!(r.contains(" 3 |   - id: \\u{1b}[31mx\n   |         ^^^^^^^^^^^\n"), "{r}");
        assert_eq!(terminal_safe("a\u{202E}b"), "a\\u{202e}b");
    }

    #[test]
    fn suggestions_pick_the_closest_id() {
        assert_eq!(
            did_you_mean("cp8", ["cp1", "cp7", "cp3-cr1", "ct1"]).as_deref(),
            Some("vouliez-vous dire `cp7` ?")
        );
        assert_eq!(
            did_you_mean("dmeo", ["demo", "doc"]).as_deref(),
            Some("vouliez-vous dire `demo` ?")
        );
        assert_eq!(did_you_mean("zzz", ["cp1", "cp3"]), None);
    }

    #[test]
    fn token_width_stops_at_flow_punctuation() {
        assert_eq!(token_width("  - {rel: certifies, to: c31}", 26), 3);
        assert_eq!(token_width("    text: \"a, b\"", 11), 6);
    }
}
