//! Loading: read every YAML file under `data/` and every source document, turning each failure
//! into a diagnostic. Nothing here judges the meaning of the data; that is `check`'s job.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde_saphyr::{Budget, Options};
use walkdir::WalkDir;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::schema::{DataFile, Loc, Sp};

/// The YAML parser's limits: generous for real data, fatal to bombs and runaway nesting.
pub(crate) fn parser_options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = 32;
    // The format has no use for anchors and aliases; refusing them outright is the simplest
    // defence against alias bombs ("billion laughs").
    budget.max_aliases = 0;
    budget.max_anchors = 0;
    budget.max_events = 2_000_000;
    budget.max_nodes = 1_000_000;
    budget.max_total_scalar_bytes = 16 * 1024 * 1024;
    budget.max_documents = 1;
    serde_saphyr::options! { budget: Some(budget) }
}

/// A parsed data file.
pub struct LoadedFile {
    /// The path as shown in diagnostics (the data folder joined with the relative path).
    pub path: PathBuf,
    /// Shared with the [`Parsed`] files kept between loads.
    pub data: Arc<DataFile>,
    /// A hash of the text it was parsed from: the same hash, the same data.
    pub(crate) hash: u64,
}

impl LoadedFile {
    /// The position of a spanned value in this file.
    pub fn pos<T>(&self, v: &Sp<T>) -> Pos {
        pos_at(&self.path, &v.referenced)
    }
}

pub(crate) fn pos_at(path: &Path, loc: &Loc) -> Pos {
    Pos { file: path.to_path_buf(), line: loc.line() as usize, column: loc.column() as usize }
}

/// Everything read from a data folder.
pub struct Loaded {
    pub root: PathBuf,
    pub files: Vec<LoadedFile>,
    /// How many YAML files could not be parsed (their diagnostics are in `diags`).
    pub failed: usize,
    /// Data files that hold nothing (empty, or only comments): read, and worth a warning.
    pub empty: Vec<PathBuf>,
}

/// Is `name` a file an editor keeps beside the one being edited: an Emacs lock (`.#x.yaml`,
/// often a link to nowhere) or autosave (`#x.yaml#`), a backup (`x.yaml~`), a Vim swap file
/// (`.x.yaml.swp`, `.swo`, `.swx`)? The walk passes over them without a word.
pub(crate) fn is_editor_temporary(name: &str) -> bool {
    name.starts_with(".#")
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || (name.starts_with('.') && [".swp", ".swo", ".swx"].iter().any(|x| name.ends_with(x)))
}

/// One YAML file found by the walk, or a reason why part of the folder could not be walked.
enum Found {
    Yaml(PathBuf),
    Refused(PathBuf, String, &'static str),
}

/// Every `*.yaml` under `root`, in path order. Symbolic links are followed when they stay inside
/// `root` and refused otherwise; an unreadable folder or file, a link loop or a YAML name that is
/// not a regular file are refused: nothing is skipped without a word.
fn walk(root: &Path) -> Vec<Found> {
    let mut found = Vec::new();
    let base = match std::fs::canonicalize(root) {
        Ok(b) => b,
        Err(e) => {
            found.push(Found::Refused(
                root.to_path_buf(),
                crate::words::diag::cannot_read_folder(&e.to_string()),
                crate::words::diag::CHECK_FOLDER_HINT,
            ));
            return found;
        }
    };
    let mut it = WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    while let Some(entry) = it.next() {
        let temporary = |p: Option<&Path>| {
            p.and_then(Path::file_name).and_then(|n| n.to_str()).is_some_and(is_editor_temporary)
        };
        let entry = match entry {
            Ok(e) if temporary(Some(e.path())) && !e.file_type().is_dir() => continue,
            Ok(e) => e,
            Err(e) if temporary(e.path()) => continue,
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let (message, hint) = if e.loop_ancestor().is_some() {
                    (crate::words::diag::LINK_LOOP.to_string(), crate::words::diag::LINK_LOOP_HINT)
                } else {
                    let io = e.io_error().map(ToString::to_string).unwrap_or_else(|| e.to_string());
                    (crate::words::diag::cannot_read(&io), crate::words::diag::READABLE_HINT)
                };
                found.push(Found::Refused(path, message, hint));
                continue;
            }
        };
        if entry.path_is_symlink() {
            match std::fs::canonicalize(entry.path()) {
                Ok(real) if real.starts_with(&base) => {}
                Ok(real) => {
                    let message = crate::words::diag::link_outside(&real.display().to_string());
                    found.push(Found::Refused(
                        entry.path().to_path_buf(),
                        message,
                        crate::words::diag::LINK_OUTSIDE_HINT,
                    ));
                    if entry.file_type().is_dir() {
                        it.skip_current_dir();
                    }
                    continue;
                }
                Err(e) => {
                    found.push(Found::Refused(
                        entry.path().to_path_buf(),
                        crate::words::diag::cannot_follow_link(&e.to_string()),
                        crate::words::diag::REPAIR_LINK_HINT,
                    ));
                    continue;
                }
            }
        }
        let yaml = entry.path().extension().is_some_and(|x| x == "yaml" || x == "yml");
        let other_case = entry.path().extension().and_then(|x| x.to_str()).is_some_and(|x| {
            !yaml && (x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml"))
        });
        if other_case && !entry.file_type().is_dir() {
            let message = crate::words::diag::other_case_extension(
                &entry.path().extension().unwrap_or_default().to_string_lossy(),
            );
            found.push(Found::Refused(
                entry.into_path(),
                message,
                crate::words::diag::EXTENSION_HINT,
            ));
            continue;
        }
        if !yaml || entry.file_type().is_dir() {
            continue;
        }
        if entry.file_type().is_file() {
            found.push(Found::Yaml(entry.into_path()));
        } else {
            found.push(Found::Refused(
                entry.into_path(),
                crate::words::diag::NOT_REGULAR.into(),
                crate::words::diag::NOT_REGULAR_HINT,
            ));
        }
    }
    found
}

/// Why a data file could not be read: the line and column where, and what.
type Unread = (usize, usize, String);

/// Read a data file as UTF-8; invalid bytes are reported at their line and column. When its
/// bytes are those of `before` (the text it had at the last load, valid UTF-8), that text is
/// given back, shared, without validating the bytes again.
fn read_text(path: &Path, before: Option<&Arc<str>>) -> Result<Arc<str>, Unread> {
    let bytes = std::fs::read(path)
        .map_err(|e| (1, 1, crate::words::diag::cannot_read_file(&e.to_string())))?;
    if let Some(before) = before.filter(|b| b.as_bytes() == bytes.as_slice()) {
        return Ok(before.clone());
    }
    String::from_utf8(bytes).map(Arc::from).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let good = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        (line, column, crate::words::diag::not_utf8(bytes[at]))
    })
}

/// The data files of the last load of a folder, by path: each one's text, a hash of it, what
/// parsing it gave and whether it holds nothing (`serve` keeps them between loads). A file whose
/// bytes are the same is neither validated, hashed nor parsed again: everything kept is a
/// function of the text. Only the files of the last load are kept; those that failed to parse
/// are not.
#[derive(Default)]
pub struct Parsed(HashMap<PathBuf, KeptFile>);

struct KeptFile {
    text: Arc<str>,
    hash: u64,
    data: Arc<DataFile>,
    empty: bool,
}

/// A hash of a file's text, for [`LoadedFile::hash`].
fn text_hash(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Does the file hold nothing (empty, or only comments)?
fn holds_nothing(text: &str) -> bool {
    crate::diag::yaml_lines(text).all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

/// Read and parse every `*.yaml` under `root`, in path order (parsing runs in parallel), parsing
/// again only the files whose text differs from when `kept` was made (`serve`; a build starts
/// from an empty one), and leaving in `kept` the files of this load.
pub fn load_dir_kept(root: &Path, diags: &mut Diagnostics, kept: &mut Parsed) -> Loaded {
    let mut paths = Vec::new();
    let mut failed = 0;
    for f in walk(root) {
        match f {
            Found::Yaml(p) => paths.push(p),
            Found::Refused(path, message, hint) => {
                failed += 1;
                let pos = Pos { file: path, line: 1, column: 1 };
                diags.push(Diagnostic::new(Code::Yaml, &pos, message).hint(hint));
            }
        }
    }
    paths.sort();
    let before = &kept.0;
    let texts: Vec<(PathBuf, Result<Arc<str>, Unread>)> = crate::phases::time("load: read", || {
        paths
            .into_par_iter()
            .map(|path| {
                let text = read_text(&path, before.get(&path).map(|k| &k.text));
                (path, text)
            })
            .collect()
    });
    let parsed: Vec<(PathBuf, Read)> = crate::phases::time("load: parse", || {
        texts
            .into_par_iter()
            .map(|(path, result)| {
                let result = result.map(|text| match before.get(&path) {
                    Some(k) if Arc::ptr_eq(&k.text, &text) => {
                        (text, k.hash, k.empty, Ok(k.data.clone()))
                    }
                    _ => {
                        let data = parse_str(&path, &text).map(Arc::new);
                        (text.clone(), text_hash(&text), holds_nothing(&text), data)
                    }
                });
                (path, result)
            })
            .collect()
    });
    let mut now = HashMap::with_capacity(parsed.len());
    let mut files = Vec::new();
    let mut empty = Vec::new();
    for (path, result) in parsed {
        match result {
            Err((line, column, message)) => {
                failed += 1;
                let pos = Pos { file: path.clone(), line, column };
                let hint = if !message.contains("UTF-8") {
                    crate::words::diag::FILE_READABLE_HINT
                } else {
                    crate::words::diag::UTF8_HINT
                };
                diags.push(Diagnostic::new(Code::Yaml, &pos, message).hint(hint));
            }
            Ok((text, hash, nothing, data)) => {
                if nothing {
                    empty.push(path.clone());
                }
                diags.register_shared(&path, text.clone());
                match data {
                    Ok(data) => {
                        now.insert(
                            path.clone(),
                            KeptFile { text, hash, data: data.clone(), empty: nothing },
                        );
                        files.push(LoadedFile { path, data, hash });
                    }
                    Err(d) => {
                        failed += 1;
                        diags.push(d);
                    }
                }
            }
        }
    }
    kept.0 = now;
    Loaded { root: root.to_path_buf(), files, failed, empty }
}

/// One data file as read: its text, the text's hash, whether it holds nothing and what parsing
/// it gave (the data shared with [`Parsed`]), or where reading it failed.
type Read = Result<(Arc<str>, u64, bool, Result<Arc<DataFile>, Diagnostic>), Unread>;

/// Parse one data file's text; a failure becomes one diagnostic with the parser's position.
pub fn parse_str(path: &Path, text: &str) -> Result<DataFile, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(DataFile::default());
    }
    serde_saphyr::from_str_with_options::<DataFile>(text, parser_options())
        .map_err(|e| yaml_diagnostic(path, text, &e))
}

/// Turn a parser error into a diagnostic: its message, position, and a hint for common cases.
fn yaml_diagnostic(path: &Path, text: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let loc = e.location().filter(|l| l.line() > 0);
    let pos = match loc {
        Some(l) => pos_at(path, &Loc::from(&l)),
        None => Pos { file: path.to_path_buf(), line: 1, column: 1 },
    };
    let full = e.to_string();
    let message = bare_message(&full);
    // serde notices a missing key at the end of its mapping; point at the item's start instead.
    let pos = if message.starts_with("missing field") { item_start(text, pos) } else { pos };
    // The scanner notices a tab while finishing the token before it: point at the tab itself.
    let pos = if message.contains("found a tab") || message.contains("tabs") {
        first_tab_from(text, pos)
    } else {
        pos
    };
    let (code, hint) = classify(&message);
    Diagnostic::new(code, &pos, plain_message(&message)).hint_opt(hint)
}

/// The first tab at or after `pos`, or `pos` itself.
fn first_tab_from(text: &str, pos: Pos) -> Pos {
    for (i, line) in text.lines().enumerate().skip(pos.line.saturating_sub(1)) {
        let from = if i + 1 == pos.line { pos.column.saturating_sub(1) } else { 0 };
        if let Some(col) = line.chars().skip(from).position(|c| c == '\t') {
            return Pos { line: i + 1, column: from + col + 1, ..pos };
        }
    }
    pos
}

/// The start of the list item (`- key: …`) that encloses `pos`, or `pos` itself.
fn item_start(text: &str, pos: Pos) -> Pos {
    let lines: Vec<&str> = text.lines().collect();
    for n in (1..=pos.line.min(lines.len())).rev() {
        let line = lines[n - 1];
        let indent = line.len() - line.trim_start().len();
        if line.trim_start().starts_with("- ") {
            return Pos { line: n, column: line[..indent].chars().count() + 3, ..pos };
        }
    }
    pos
}

/// The first line of the parser's message, without its own position, and with serde's long
/// "expected one of …" list cut off (the hint carries a suggestion instead).
fn bare_message(full: &str) -> String {
    let mut m = full.lines().next().unwrap_or(full).trim();
    m = m.trim_start_matches("error: ");
    if let Some(rest) = m.strip_prefix("line ")
        && let Some(i) = rest.find(": ")
        && rest[..i].split(' ').all(|w| w == "column" || w.chars().all(|c| c.is_ascii_digit()))
    {
        m = &rest[i + 2..];
    }
    if let Some(i) = m.find(" at line ") {
        m = &m[..i];
    }
    m.trim().to_string()
}

fn classify(message: &str) -> (Code, Option<String>) {
    let m = message.to_lowercase();
    if m.contains("unknown field") {
        (Code::Schema, Some(expected_hint(message, crate::words::diag::KEYS)))
    } else if m.contains("unknown variant") {
        (Code::Schema, Some(expected_hint(message, crate::words::diag::VALUES)))
    } else if m.contains("missing field") {
        (Code::MissingKey, Some(crate::words::diag::MISSING_KEY_HINT.into()))
    } else if m.contains("depth") || m.contains("nesting") || m.contains("recursion") {
        (Code::Yaml, Some(crate::words::diag::TOO_DEEP_HINT.into()))
    } else if m.contains("duplicate") {
        (Code::Yaml, Some(crate::words::diag::DUPLICATE_KEY_HINT.into()))
    } else if m.split(|c: char| !c.is_alphanumeric()).any(|w| w == "tab" || w == "tabs") {
        (Code::Yaml, Some(crate::words::diag::TAB_HINT.into()))
    } else if m.contains("alias") || m.contains("anchor") {
        (Code::Yaml, Some(crate::words::diag::ALIAS_HINT.into()))
    } else if m.contains("budget") {
        (Code::Yaml, Some(crate::words::diag::BUDGET_HINT.into()))
    } else if m.contains("invalid type") || m.contains("expected") {
        (Code::Schema, Some(crate::words::diag::TYPE_HINT.into()))
    } else {
        (Code::Yaml, Some(crate::words::diag::NOT_YAML_HINT.into()))
    }
}

/// The message in plain words: without serde's list of expected names, and with the parser's
/// limits named for what they protect against.
fn plain_message(message: &str) -> String {
    let m = message.to_lowercase();
    if m.starts_with("budget breached") && (m.contains("anchor") || m.contains("alias")) {
        return crate::words::diag::NO_ALIASES.into();
    }
    if m.starts_with("budget breached") || m.contains("recursion limit") {
        if m.contains("depth") || m.contains("recursion") {
            return crate::words::diag::TOO_DEEP.into();
        }
        return crate::words::diag::over_limits(message);
    }
    let short = match message.find(", expected") {
        Some(i) if message.starts_with("unknown") => &message[..i],
        _ => message,
    };
    if let Some(rest) = short.strip_prefix("unknown field ") {
        crate::words::diag::unknown_key(rest)
    } else if let Some(rest) = short.strip_prefix("unknown variant ") {
        crate::words::diag::unknown_value(rest)
    } else if let Some(rest) = short.strip_prefix("missing field ") {
        crate::words::diag::missing_key(rest)
    } else if let Some(rest) = short.strip_prefix("invalid type: ") {
        crate::words::diag::invalid_type(rest)
    } else if let Some(rest) = short.strip_prefix("duplicate mapping key: ") {
        crate::words::diag::duplicate_yaml_key(rest.split(',').next().unwrap_or(rest))
    } else if let Some(rest) = short.strip_prefix("invalid value: ") {
        crate::words::diag::invalid_value(rest)
    } else {
        crate::words::diag::invalid_yaml(short)
    }
}

/// From serde's "unknown field `x`, expected one of a, b" make a hint with a suggestion.
fn expected_hint(message: &str, what: &str) -> String {
    let wrong = message.split('`').nth(1).unwrap_or_default();
    let expected: Vec<&str> = match message
        .split_once("expected one of ")
        .or_else(|| message.split_once("expected "))
    {
        Some((_, list)) => {
            list.split(", ").map(|s| s.trim().trim_matches('`')).filter(|s| !s.is_empty()).collect()
        }
        None => Vec::new(),
    };
    if let Some(s) = crate::diag::did_you_mean(wrong, expected.iter().copied()) {
        return s;
    }
    if !expected.is_empty() {
        return crate::words::diag::allowed_here(what, &expected.join(", "));
    }
    crate::words::diag::see_allowed(what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_lose_their_position() {
        assert_eq!(bare_message("unknown field `txt` at line 3 column 5"), "unknown field `txt`");
        assert_eq!(
            bare_message("line 11 column 5: unknown field `txt`, expected one of id, text"),
            "unknown field `txt`, expected one of id, text"
        );
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let (code, hint) = classify("unknown field `txt`, expected one of id, kind, text");
        assert_eq!(code, Code::Schema);
        assert_eq!(hint.as_deref(), Some("vouliez-vous dire `text` ?"));
    }
}
