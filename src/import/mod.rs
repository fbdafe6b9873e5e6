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
pub mod generic;
pub mod re;
pub mod reac;
pub mod rncp;
pub mod source;
pub mod write;

use std::path::{Path, PathBuf};

pub use doc::Doc;
pub use draft::{Draft, El};

use crate::words::import as w;

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
) -> Result<Outcome, String> {
    if !write::valid_id(id) {
        return Err(w::bad_id(id));
    }
    let read = source::read(file)?;
    let (doc, draft) = draft(family, &read.text);
    if draft.elements.is_empty() {
        return Err(w::nothing_recognised(&file.display().to_string(), family.name()));
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
pub fn scaffold(data: &Path, id: &str, force: bool) -> Result<Vec<PathBuf>, String> {
    if !write::valid_id(id) {
        return Err(w::bad_id(id));
    }
    write::scaffold(data, id, force)
}
