//! Reading the document to import: a `.txt` extraction or a `.pdf` (through poppler's
//! `pdftotext -layout`), decoded to UTF-8 (Latin-1 / Windows-1252 converted, with a warning),
//! with CRLF, lone CR, form feeds and a byte-order mark settled. The result is the text that is
//! copied into `data/sources/`, so that every cited line number points into that copy.

use std::path::Path;
use std::process::Command;

use super::Error;
use crate::words::import as w;

/// The document as it will be kept: its text and what was done to it.
pub struct Read {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Read `path`: PDF through `pdftotext`, text decoded and normalised.
pub fn read(path: &Path) -> Result<Read, Error> {
    let bytes = std::fs::read(path)
        .map_err(|source| Error::Unreadable { path: path.to_path_buf(), source })?;
    let mut warnings = Vec::new();
    let is_pdf = bytes.starts_with(b"%PDF")
        || path.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf"));
    let bytes = if is_pdf { pdftotext(path)? } else { bytes };
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            warnings.push(w::latin1(&path.display().to_string()));
            e.into_bytes().iter().map(|&b| cp1252(b)).collect()
        }
    };
    let (text, crlf) = normalise(&text);
    if crlf {
        warnings.push(w::crlf(&path.display().to_string()));
    }
    Ok(Read { text, warnings })
}

/// `pdftotext -layout FILE -`, or a clear message when poppler is not installed.
fn pdftotext(path: &Path) -> Result<Vec<u8>, Error> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::NoPdftotext
            } else {
                Error::Pdftotext { path: path.to_path_buf(), message: e.to_string() }
            }
        })?;
    if !out.status.success() {
        let message = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(Error::Pdftotext { path: path.to_path_buf(), message });
    }
    Ok(out.stdout)
}

/// A Windows-1252 byte as a character (Latin-1 outside 0x80–0x9F).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Line ends as `\n` (CRLF and lone CR), form feeds and a byte-order mark removed, a final line
/// end. Says whether there were CRLF or CR line ends.
pub fn normalise(text: &str) -> (String, bool) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let crlf = text.contains('\r');
    let mut out = text.replace("\r\n", "\n").replace('\r', "\n").replace('\u{c}', "");
    if !out.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    (out, crlf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_windows_1252() {
        assert_eq!(normalise("a\r\nb\rc").0, "a\nb\nc\n");
        assert_eq!(cp1252(0x92), '’');
        assert_eq!(cp1252(0xe9), '\u{e9}');
    }
}
