//! Source documents: the plain-text extractions that every `lines` points into, with the lines
//! declared not to be content, and the search that proves a text is printed at its cited lines.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::diag::Pos;
use crate::ids::DocId;
use crate::schema::{Lines, SourceKind};
use crate::text;

/// One source document, read into lines.
pub struct SourceDoc {
    pub id: DocId,
    pub file: String,
    /// The file's path, as diagnostics show it.
    pub path: std::path::PathBuf,
    pub kind: SourceKind,
    pub title: String,
    /// The document's lines; `lines[0]` is line 1.
    pub lines: Vec<String>,
    /// Lines declared not to be content (page footers, repeated table headers …), with why.
    pub declared: BTreeMap<usize, Declared>,
}

/// Why a line is declared not to be content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Page furniture: page numbers, running headers and footers, copyright boilerplate.
    Noise,
    /// A table's layout: a table header repeated on a new page, a column heading.
    Layout,
}

impl Reason {
    /// The key that declares it in a data file.
    pub fn key(self) -> &'static str {
        match self {
            Reason::Noise => "noise",
            Reason::Layout => "layout",
        }
    }
}

/// A line declared not to be content: why, and where the data says so.
#[derive(Clone, Debug)]
pub struct Declared {
    pub reason: Reason,
    pub at: Pos,
}

/// Why a text was not accepted at its cited lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The range is reversed, starts at 0, or ends past the document's end.
    OutOfRange { len: usize },
    /// The text is not in the range; `matched` characters of it were found somewhere in it.
    /// `through` is a declared line that the text runs through: it is printed there, but the
    /// line is declared not to be content.
    NotFound { matched: usize, total: usize, elsewhere: Option<Lines>, through: Option<usize> },
    /// The text is in the range, but the range also holds lines that are not part of it.
    Loose { found: Lines },
    /// The text is empty.
    Empty,
}

/// The largest source document read (the real ones are under 1 MB): a path naming a device or a
/// huge file is refused before it can exhaust memory.
pub const MAX_SOURCE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a source file named by the data was not read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum SourceError {
    /// The name is absolute, or climbs out with `..`, or is empty.
    #[error("{}", crate::words::diag::source_not_inside(.file))]
    NotInside { file: String },
    /// The name resolves (through a symbolic link) outside the sources folder.
    #[error("{}", crate::words::diag::source_escapes(.file, &.target.display().to_string()))]
    Escapes { file: String, target: PathBuf },
    /// The path exists but is a folder, a device, a FIFO or a socket.
    #[error("{}", crate::words::diag::source_not_regular(.file))]
    NotRegular { file: String },
    /// The file is larger than [`MAX_SOURCE_BYTES`].
    #[error("{}", crate::words::diag::source_too_large(.file, *.bytes, MAX_SOURCE_BYTES))]
    TooLarge { file: String, bytes: u64 },
    /// The file cannot be read (absent, unreadable, not UTF-8): the reason as text, so that the
    /// error compares equal (the diagnostics are compared in tests).
    #[error("{}", crate::words::diag::source_unreadable(.file, .message))]
    Io { file: String, message: String },
}

impl SourceError {
    /// What to do about it, for the diagnostic's hint.
    pub fn hint(&self) -> &'static str {
        match self {
            SourceError::NotInside { .. } | SourceError::Escapes { .. } => {
                crate::words::diag::SOURCE_NAME_HINT
            }
            SourceError::NotRegular { .. } | SourceError::TooLarge { .. } => {
                crate::words::diag::SOURCE_PLAIN_HINT
            }
            SourceError::Io { .. } => crate::words::diag::SOURCE_IO_HINT,
        }
    }
}

/// Resolve `file`, as written in the data, inside the folder `dir`: a relative path without `..`,
/// whose real location (links followed) is still inside `dir`, and a regular file.
pub(crate) fn confine(dir: &Path, file: &str) -> Result<PathBuf, SourceError> {
    let written = Path::new(file);
    let plain = !file.is_empty()
        && written.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !plain {
        return Err(SourceError::NotInside { file: file.to_string() });
    }
    let io = |e: std::io::Error| SourceError::Io { file: file.to_string(), message: e.to_string() };
    let base = std::fs::canonicalize(dir).map_err(io)?;
    let real = std::fs::canonicalize(dir.join(written)).map_err(io)?;
    if !real.starts_with(&base) || real == base {
        return Err(SourceError::Escapes { file: file.to_string(), target: real });
    }
    let meta = std::fs::metadata(&real).map_err(io)?;
    if !meta.is_file() {
        return Err(SourceError::NotRegular { file: file.to_string() });
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(SourceError::TooLarge { file: file.to_string(), bytes: meta.len() });
    }
    Ok(real)
}

impl SourceDoc {
    /// Hash its declared lines, each with its reason and where it is declared (a diagnostic
    /// points there): part of what the check's kept results are found again by.
    pub(crate) fn hash_declarations(&self, h: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        for (line, d) in &self.declared {
            (line, d.reason.key(), &d.at.file, d.at.line, d.at.column).hash(h);
        }
    }

    /// Read the source `file` (as written in the data) from the folder `dir`, confined to it.
    pub(crate) fn read_confined(
        id: DocId,
        dir: &Path,
        file: &str,
        kind: SourceKind,
        title: String,
    ) -> Result<Self, SourceError> {
        let path = confine(dir, file)?;
        let io =
            |e: std::io::Error| SourceError::Io { file: file.to_string(), message: e.to_string() };
        let mut bytes = Vec::new();
        // Read at most one byte past the limit: the file may have grown since it was measured.
        std::fs::File::open(&path)
            .map_err(io)?
            .take(MAX_SOURCE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > MAX_SOURCE_BYTES {
            return Err(SourceError::TooLarge {
                file: file.to_string(),
                bytes: bytes.len() as u64,
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| SourceError::Io {
            file: file.to_string(),
            message: crate::words::diag::source_not_utf8(e.utf8_error().valid_up_to() + 1),
        })?;
        Ok(Self::from_text(id, dir.join(file), kind, title, &text))
    }

    fn from_text(id: DocId, path: PathBuf, kind: SourceKind, title: String, text: &str) -> Self {
        let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        SourceDoc {
            id,
            file,
            path,
            kind,
            title,
            lines: text.lines().map(str::to_string).collect(),
            declared: BTreeMap::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub(crate) fn in_range(&self, l: Lines) -> bool {
        l.first >= 1 && l.first <= l.last && l.last <= self.len()
    }

    /// A line's text (1-based).
    pub fn line(&self, n: usize) -> &str {
        self.lines.get(n.wrapping_sub(1)).map(String::as_str).unwrap_or("")
    }

    /// Is line `n` declared not to be content (noise or layout)?
    pub(crate) fn is_declared(&self, n: usize) -> bool {
        self.declared.contains_key(&n)
    }

    /// Is every line of `range` declared?
    fn all_declared(&self, range: Lines) -> bool {
        range.iter().all(|n| self.is_declared(n))
    }

    /// Is line `n` content: neither blank, nor only glyphs, nor declared (unless the whole cited
    /// range is declared)?
    fn is_content(&self, n: usize, all_noise: bool) -> bool {
        (all_noise || !self.is_declared(n))
            && self.line(n).chars().any(|c| !c.is_whitespace() && !text::is_private_use(c))
    }

    /// Prove that `needle` is printed at `range`, tightly; the answer is every place in the
    /// range where it is (tightly) printed.
    pub fn locate(&self, needle: &str, range: Lines) -> Result<Vec<text::Found>, Mismatch> {
        if !self.in_range(range) {
            return Err(Mismatch::OutOfRange { len: self.len() });
        }
        let needle = text::normalize(needle);
        if needle.is_empty() {
            return Err(Mismatch::Empty);
        }
        let hay = self.normalized(range);
        let found = text::find_all(&hay, &needle);
        let all_noise = self.all_declared(range);
        let content: Vec<usize> = range.iter().filter(|n| self.is_content(*n, all_noise)).collect();
        let (Some(&first), Some(&last)) = (content.first(), content.last()) else {
            return Err(self.not_found(&hay, &needle, range));
        };
        let tight: Vec<text::Found> = found
            .iter()
            .filter(|f| f.first_line == first && f.last_line == last)
            .copied()
            .collect();
        if !tight.is_empty() {
            return Ok(tight);
        }
        match found.first() {
            Some(f) => {
                Err(Mismatch::Loose { found: Lines { first: f.first_line, last: f.last_line } })
            }
            None => Err(self.not_found(&hay, &needle, range)),
        }
    }

    /// Where `word` (a code, say) is printed in `range` as a whole word: not inside a longer word
    /// or number. A trailing `.` or `)` printed right after it (`1.`, `a)`), or a dash or colon set
    /// after it (`C11 - …`), goes with it.
    pub(crate) fn find_word(&self, word: &str, range: Lines) -> Vec<text::Found> {
        if !self.in_range(range) {
            return Vec::new();
        }
        let needle: Vec<char> = text::normalize(word).chars().collect();
        if needle.is_empty() {
            return Vec::new();
        }
        let hay = self.normalized(range);
        let mut out = Vec::new();
        for start in 0..hay.len().saturating_sub(needle.len() - 1) {
            let end = start + needle.len();
            if !hay[start..end].iter().zip(&needle).all(|(p, c)| p.ch == *c) {
                continue;
            }
            let before = start.checked_sub(1).map(|i| hay[i].ch);
            let mut last = hay[end - 1];
            if let Some(p) =
                hay.get(end).filter(|p| matches!(p.ch, '.' | ')') && p.line == last.line)
            {
                last = *p;
            }
            // A dash or colon set after the code (`C11 - Se situer`, `S1 : …`) goes with it too.
            if let [sp, dash, sp2, ..] = &hay[end.min(hay.len())..]
                && sp.ch == ' '
                && matches!(dash.ch, '-' | '–' | ':')
                && sp2.ch == ' '
                && dash.line == last.line
            {
                last = *dash;
            }
            let after = hay.get(end).map(|p| p.ch).filter(|c| !matches!(c, '.' | ')'));
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            out.push(text::Found {
                first_line: hay[start].line,
                last_line: last.line,
                first_col: hay[start].col,
                last_col: last.col,
            });
        }
        out
    }

    /// The range's text, normalised, without its noise lines — unless the range is only noise
    /// (a code printed in a page footer, say), which is then searched as it is.
    fn normalized(&self, range: Lines) -> Vec<text::Placed> {
        let all_noise = self.all_declared(range);
        text::normalize_lines(range.iter().map(|n| (n, self.line(n))), |n| {
            !all_noise && self.is_declared(n)
        })
    }

    fn not_found(&self, hay: &[text::Placed], needle: &str, range: Lines) -> Mismatch {
        let matched = text::longest_found_prefix(hay, needle);
        // Look for the text near the cited range, to suggest the right lines.
        let lo = range.first.saturating_sub(60).max(1);
        let hi = (range.last + 60).min(self.len());
        let wide = self.normalized(Lines { first: lo, last: hi });
        let elsewhere = text::find_all(&wide, needle)
            .into_iter()
            .min_by_key(|f| f.first_line.abs_diff(range.first))
            .map(|f| Lines { first: f.first_line, last: f.last_line });
        // Printed in the range once the declared lines are read as content?
        let whole = text::normalize_lines(range.iter().map(|n| (n, self.line(n))), |_| false);
        let through = text::find_all(&whole, needle)
            .into_iter()
            .find_map(|f| (f.first_line..=f.last_line).find(|n| self.is_declared(*n)));
        Mismatch::NotFound { matched, total: needle.chars().count(), elsewhere, through }
    }
}

/// All source documents, by id.
#[derive(Default)]
pub struct SourceSet {
    pub docs: BTreeMap<DocId, SourceDoc>,
    /// Documents declared but not read (absent, unreadable, not UTF-8…): the reason was reported
    /// once, at the declaration; what cites them says nothing more (one cause, one message).
    pub failed: std::collections::BTreeSet<DocId>,
}

impl SourceSet {
    pub fn get(&self, id: &str) -> Option<&SourceDoc> {
        self.docs.get(&DocId::new(id))
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.docs.keys().map(DocId::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(lines: &[&str]) -> SourceDoc {
        SourceDoc {
            id: DocId::new("d"),
            file: "d.txt".into(),
            path: "d.txt".into(),
            kind: SourceKind::Reac,
            title: String::new(),
            lines: lines.iter().map(|s| s.to_string()).collect(),
            declared: BTreeMap::new(),
        }
    }

    #[test]
    fn a_text_at_its_lines_is_found() {
        let d = doc(&[
            "Critères de performance",
            "",
            "L’analyse et la segmentation du marché sont réalisées de façon rationnelle, ",
            "en conformité avec les objectifs fixés. ",
        ]);
        let t = "L'analyse et la segmentation du marché sont réalisées de façon rationnelle, en conformité avec les objectifs fixés.";
        let found = d.locate(t, Lines { first: 3, last: 4 }).unwrap();
        assert_eq!((found[0].first_line, found[0].first_col, found[0].last_line), (3, 0, 4));
    }

    #[test]
    fn a_loose_range_is_refused_with_the_tight_one() {
        let d = doc(&["titre", "", "texte"]);
        assert_eq!(
            d.locate("texte", Lines { first: 1, last: 3 }),
            Err(Mismatch::Loose { found: Lines::one(3) })
        );
    }

    #[test]
    fn a_text_elsewhere_is_pointed_at() {
        let d = doc(&["un", "deux", "trois"]);
        match d.locate("trois", Lines::one(1)) {
            Err(Mismatch::NotFound { elsewhere, .. }) => assert_eq!(elsewhere, Some(Lines::one(3))),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn noise_is_skipped_unless_it_is_all_that_is_cited() {
        let mut d = doc(&["une phrase", "NTC REAC TP-00338 06", "qui continue"]);
        d.declared.insert(
            2,
            Declared {
                reason: Reason::Noise,
                at: Pos { file: "noise.yaml".into(), line: 2, column: 8 },
            },
        );
        assert!(d.locate("une phrase qui continue", Lines { first: 1, last: 3 }).is_ok());
        assert!(d.locate("TP-00338", Lines::one(2)).is_ok());
        match d.locate("phrase NTC", Lines { first: 1, last: 3 }) {
            Err(Mismatch::NotFound { through, .. }) => assert_eq!(through, Some(2)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ranges_past_the_end_are_out_of_range() {
        let d = doc(&["un"]);
        assert_eq!(
            d.locate("un", Lines { first: 1, last: 9 }),
            Err(Mismatch::OutOfRange { len: 1 })
        );
        assert_eq!(
            d.locate("un", Lines { first: 2, last: 1 }),
            Err(Mismatch::OutOfRange { len: 1 })
        );
    }
}
