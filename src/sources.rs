//! Source documents: the plain-text extractions that every `lines` points into, with their noise
//! lines, and the search that proves a text is printed at its cited lines.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::ids::DocId;
use crate::schema::{Lines, SourceKind};
use crate::text;

/// One source document, read into lines.
pub struct SourceDoc {
    pub id: DocId,
    pub file: String,
    pub kind: SourceKind,
    pub title: String,
    /// The document's lines; `lines[0]` is line 1.
    pub lines: Vec<String>,
    /// Lines that are not content (page footers, repeated headers …).
    pub noise: BTreeSet<usize>,
}

/// Why a text was not accepted at its cited lines.
#[derive(Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// The range is reversed, starts at 0, or ends past the document's end.
    OutOfRange { len: usize },
    /// The text is not in the range; `matched` characters of it were found somewhere in it.
    NotFound { matched: usize, total: usize, elsewhere: Option<Lines> },
    /// The text is in the range, but the range also holds lines that are not part of it.
    Loose { found: Lines },
    /// The text is empty.
    Empty,
}

/// The largest source document read (the real ones are under 1 MB): a path naming a device or a
/// huge file is refused before it can exhaust memory.
pub const MAX_SOURCE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a source file named by the data was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum SourceError {
    /// The name is absolute, or climbs out with `..`, or is empty.
    NotInside { file: String },
    /// The name resolves (through a symbolic link) outside the sources folder.
    Escapes { file: String, target: PathBuf },
    /// The path exists but is a folder, a device, a FIFO or a socket.
    NotRegular { file: String },
    /// The file is larger than [`MAX_SOURCE_BYTES`].
    TooLarge { file: String, bytes: u64 },
    /// The file cannot be read (absent, unreadable, not UTF-8).
    Io { file: String, message: String },
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceError::NotInside { file } => write!(f, "source file `{file}` is not a plain name inside the sources folder"),
            SourceError::Escapes { file, target } => write!(f, "source file `{file}` leads outside the sources folder (to {})", target.display()),
            SourceError::NotRegular { file } => write!(f, "source file `{file}` is not a regular file"),
            SourceError::TooLarge { file, bytes } => write!(f, "source file `{file}` has {bytes} bytes, more than the limit of {MAX_SOURCE_BYTES}"),
            SourceError::Io { file, message } => write!(f, "cannot read source `{file}`: {message}"),
        }
    }
}

impl SourceError {
    /// What to do about it, for the diagnostic's hint.
    pub fn hint(&self) -> &'static str {
        match self {
            SourceError::NotInside { .. } | SourceError::Escapes { .. } => {
                "a source is named by its file name relative to data/sources/ (no absolute path, no `..`, no link leading out)"
            }
            SourceError::NotRegular { .. } | SourceError::TooLarge { .. } => "a source is a plain-text extraction of the official document, kept in data/sources/",
            SourceError::Io { .. } => "source documents live in data/sources/, next to sources.yaml, as UTF-8 text",
        }
    }
}

/// Resolve `file`, as written in the data, inside the folder `dir`: a relative path without `..`,
/// whose real location (links followed) is still inside `dir`, and a regular file.
pub fn confine(dir: &Path, file: &str) -> Result<PathBuf, SourceError> {
    let written = Path::new(file);
    let plain = !file.is_empty() && written.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
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
    /// Read the source `file` (as written in the data) from the folder `dir`, confined to it.
    pub fn read_confined(id: DocId, dir: &Path, file: &str, kind: SourceKind, title: String) -> Result<Self, SourceError> {
        let path = confine(dir, file)?;
        let io = |e: std::io::Error| SourceError::Io { file: file.to_string(), message: e.to_string() };
        let mut bytes = Vec::new();
        // Read at most one byte past the limit: the file may have grown since it was measured.
        std::fs::File::open(&path).map_err(io)?.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() as u64 > MAX_SOURCE_BYTES {
            return Err(SourceError::TooLarge { file: file.to_string(), bytes: bytes.len() as u64 });
        }
        let text = String::from_utf8(bytes).map_err(|e| SourceError::Io { file: file.to_string(), message: format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to() + 1) })?;
        Ok(Self::from_text(id, file, kind, title, &text))
    }

    fn from_text(id: DocId, path: &str, kind: SourceKind, title: String, text: &str) -> Self {
        let file = Path::new(path).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        SourceDoc { id, file, kind, title, lines: text.lines().map(str::to_string).collect(), noise: BTreeSet::new() }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn in_range(&self, l: Lines) -> bool {
        l.first >= 1 && l.first <= l.last && l.last <= self.len()
    }

    /// A line's text (1-based).
    pub fn line(&self, n: usize) -> &str {
        self.lines.get(n.wrapping_sub(1)).map(String::as_str).unwrap_or("")
    }

    /// Is line `n` content: neither blank, nor only glyphs, nor noise (unless the whole cited
    /// range is noise)?
    fn is_content(&self, n: usize, all_noise: bool) -> bool {
        (all_noise || !self.noise.contains(&n))
            && self.line(n).chars().any(|c| !c.is_whitespace() && !text::is_private_use(c))
    }

    /// Prove that `needle` is printed at `range`, tightly.
    pub fn locate(&self, needle: &str, range: Lines) -> Result<(), Mismatch> {
        if !self.in_range(range) {
            return Err(Mismatch::OutOfRange { len: self.len() });
        }
        let needle = text::normalize(needle);
        if needle.is_empty() {
            return Err(Mismatch::Empty);
        }
        let hay = self.normalized(range);
        let found = text::find_all(&hay, &needle);
        let all_noise = range.iter().all(|n| self.noise.contains(&n));
        let content: Vec<usize> = range.iter().filter(|n| self.is_content(*n, all_noise)).collect();
        let (Some(&first), Some(&last)) = (content.first(), content.last()) else {
            return Err(self.not_found(&hay, &needle, range));
        };
        if found.iter().any(|f| f.first_line == first && f.last_line == last) {
            return Ok(());
        }
        match found.first() {
            Some(f) => Err(Mismatch::Loose { found: Lines { first: f.first_line, last: f.last_line } }),
            None => Err(self.not_found(&hay, &needle, range)),
        }
    }

    /// The range's text, normalised, without its noise lines — unless the range is only noise
    /// (a code printed in a page footer, say), which is then searched as it is.
    fn normalized(&self, range: Lines) -> Vec<text::Placed> {
        let all_noise = range.iter().all(|n| self.noise.contains(&n));
        text::normalize_lines(range.iter().map(|n| (n, self.line(n))), |n| !all_noise && self.noise.contains(&n))
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
        Mismatch::NotFound { matched, total: needle.chars().count(), elsewhere }
    }
}

/// All source documents, by id.
#[derive(Default)]
pub struct SourceSet {
    pub docs: BTreeMap<DocId, SourceDoc>,
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
            kind: SourceKind::Reac,
            title: String::new(),
            lines: lines.iter().map(|s| s.to_string()).collect(),
            noise: BTreeSet::new(),
        }
    }

    #[test]
    fn a_text_at_its_lines_is_found() {
        let d = doc(&["Critères de performance", "", "L’analyse et la segmentation du marché sont réalisées de façon rationnelle, ", "en conformité avec les objectifs fixés. "]);
        let t = "L'analyse et la segmentation du marché sont réalisées de façon rationnelle, en conformité avec les objectifs fixés.";
        assert_eq!(d.locate(t, Lines { first: 3, last: 4 }), Ok(()));
    }

    #[test]
    fn a_loose_range_is_refused_with_the_tight_one() {
        let d = doc(&["titre", "", "texte"]);
        assert_eq!(d.locate("texte", Lines { first: 1, last: 3 }), Err(Mismatch::Loose { found: Lines::one(3) }));
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
        d.noise.insert(2);
        assert_eq!(d.locate("une phrase qui continue", Lines { first: 1, last: 3 }), Ok(()));
        assert_eq!(d.locate("TP-00338", Lines::one(2)), Ok(()));
    }

    #[test]
    fn ranges_past_the_end_are_out_of_range() {
        let d = doc(&["un"]);
        assert_eq!(d.locate("un", Lines { first: 1, last: 9 }), Err(Mismatch::OutOfRange { len: 1 }));
        assert_eq!(d.locate("un", Lines { first: 2, last: 1 }), Err(Mismatch::OutOfRange { len: 1 }));
    }
}
