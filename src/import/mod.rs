//! `referentiel import`: draft a certification from a document of a known family — a REAC / RC
//! of the ministry of employment ([`reac`], with the RE's modalités in [`re`]) or an RNCP fiche
//! ([`rncp`]) — read as text or PDF ([`source`]). One recogniser per template, reading the
//! template's headings and layout, never a document's own titles or line numbers; what no
//! template part names is drafted as sections and paragraphs ([`generic`]). The draft cites every
//! text at its lines, declares page furniture as noise, and marks `uncertain` each place where
//! the layout did not decide; [`write`] puts it into a data folder without replacing anything
//! unless asked.

pub mod doc;
pub mod draft;
pub(crate) mod generic;
pub mod re;
pub mod reac;
pub mod rncp;
pub mod source;
pub mod write;

use std::path::{Path, PathBuf};

pub use doc::Doc;
pub use draft::{Draft, El};

use crate::words::errors as e;
use crate::words::import as w;

/// Why an import (or `referentiel new`) wrote nothing, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The id is not a valid certification id.
    #[error("{}", w::bad_id(.0))]
    BadId(String),
    /// The document could not be read.
    #[error("{}", e::import_unreadable(.path, .source))]
    Unreadable { path: PathBuf, source: std::io::Error },
    /// A PDF, and poppler's `pdftotext` is not installed.
    #[error("{}", w::NO_PDFTOTEXT)]
    NoPdftotext,
    /// `pdftotext` could not be run, or failed (its own message).
    #[error("{}", e::pdftotext_failed(.path, .message))]
    Pdftotext { path: PathBuf, message: String },
    /// No part of the family's template was recognised.
    #[error("{}", e::nothing_recognised(.path, .family))]
    NothingRecognised { path: PathBuf, family: &'static str },
    /// A file that would be replaced exists (`--force` replaces it).
    #[error("{}", e::import_exists(.path))]
    Exists { path: PathBuf },
    /// The document is already registered in `sources.yaml` under `doc` (`--force` replaces it).
    #[error("{}", e::import_registered(.path, .doc))]
    Registered { path: PathBuf, doc: String },
    /// A file or folder could not be written.
    #[error("{}", e::import_unwritable(.path, .source))]
    Write { path: PathBuf, source: std::io::Error },
}

/// The families of documents the importer knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// REAC / RC (and REAC + RE) of a titre professionnel.
    Reac,
    /// RNCP fiche.
    Rncp,
}

impl Family {
    /// The name used in the source document's id.
    pub fn name(self) -> &'static str {
        match self {
            Family::Reac => "reac",
            Family::Rncp => "rncp",
        }
    }

    /// The source's `kind` in `sources.yaml`.
    fn source_kind(self, draft: &Draft) -> &'static str {
        match self {
            Family::Reac if draft.elements.iter().any(|e| e.kind == "modalite_evaluation") => {
                "reac_re"
            }
            Family::Reac => "reac",
            Family::Rncp => "rncp_fiche",
        }
    }
}

/// Draft a document's text (already read and normalised): its lines and the draft.
pub fn draft(family: Family, text: &str) -> (Doc, Draft) {
    let doc = Doc::new(text);
    let draft = match family {
        Family::Reac => reac::recognise(&doc),
        Family::Rncp => rncp::recognise(&doc),
    };
    (doc, draft)
}

/// What an import did.
pub struct Outcome {
    pub files: Vec<PathBuf>,
    pub elements: usize,
    pub uncertain: usize,
    pub warnings: Vec<String>,
}

/// Import `file` as certification `id` into the data folder `data`.
pub fn import(
    family: Family,
    file: &Path,
    id: &str,
    data: &Path,
    force: bool,
) -> Result<Outcome, Error> {
    if !write::valid_id(id) {
        return Err(Error::BadId(id.to_string()));
    }
    let read = source::read(file)?;
    let (doc, draft) = draft(family, &read.text);
    if draft.elements.is_empty() {
        return Err(Error::NothingRecognised { path: file.to_path_buf(), family: family.name() });
    }
    let name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let files = write::write(data, id, family, &read.text, &doc, &draft, &name, force)?;
    Ok(Outcome {
        files,
        elements: draft.elements.len(),
        uncertain: draft.elements.iter().filter(|e| e.uncertain.is_some()).count(),
        warnings: read.warnings,
    })
}

/// `referentiel new ID`: an empty certification scaffold in `data`.
pub fn scaffold(data: &Path, id: &str, force: bool) -> Result<Vec<PathBuf>, Error> {
    if !write::valid_id(id) {
        return Err(Error::BadId(id.to_string()));
    }
    write::scaffold(data, id, force)
}
