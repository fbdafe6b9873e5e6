//! Writing a draft into a data folder: the source copied into `sources/` and registered in
//! `sources.yaml`, its furniture declared in `sources/noise-<doc>.yaml`, the certification record
//! and the elements in `certifications/<id>/`. Nothing that exists is replaced without `force`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::doc::Doc;
use super::draft::Draft;
use super::{Error, Family};
use crate::words::import as w;

/// A local id as the data format wants it: `^[a-z0-9]+([.-][a-z0-9]+)*$`.
pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split(['.', '-']).all(|p| {
            !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A YAML scalar: a JSON string is a YAML double-quoted scalar.
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn lines(first: usize, last: usize) -> String {
    if first == last { first.to_string() } else { format!("{first}-{last}") }
}

/// FNV-1a, 64 bits: the stable part of the source file's name.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// A file or folder that could not be written.
fn unwritable(path: &Path, source: std::io::Error) -> Error {
    Error::Write { path: path.to_path_buf(), source }
}

/// Refuse to replace `path` unless `force`.
fn free(path: &Path, force: bool) -> Result<(), Error> {
    if path.exists() && !force {
        return Err(Error::Exists { path: path.to_path_buf() });
    }
    Ok(())
}

/// The registered source documents: (id, file) of each entry of `sources.yaml`.
fn registered(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut id = None;
    for l in text.lines() {
        let t = l.trim_start().trim_start_matches("- ");
        if let Some(v) = t.strip_prefix("id:") {
            id = Some(v.trim().trim_matches('"').to_string());
        } else if let (Some(v), Some(i)) = (t.strip_prefix("file:"), id.take()) {
            out.push((i, v.trim().trim_matches('"').to_string()));
        }
    }
    out
}

/// Write the draft of certification `id` from the document `text` into `data`; the files written.
#[allow(clippy::too_many_arguments)]
pub fn write(
    data: &Path,
    id: &str,
    family: Family,
    text: &str,
    doc: &Doc,
    draft: &Draft,
    original: &str,
    force: bool,
) -> Result<Vec<PathBuf>, Error> {
    let cert_dir = data.join("certifications").join(id);
    free(&cert_dir.join("certification.yaml"), force)?;
    free(&cert_dir.join("elements.yaml"), force)?;
    let doc_id = format!("{id}-{}", family.name());
    let sources_yaml = data.join("sources.yaml");
    let registry = std::fs::read_to_string(&sources_yaml).unwrap_or_default();
    let known = registered(&registry);
    let previous = known.iter().find(|(i, _)| *i == doc_id).map(|(_, f)| f.clone());
    if previous.is_some() && !force {
        return Err(Error::Registered { path: sources_yaml, doc: doc_id });
    }
    let file = previous.clone().unwrap_or_else(|| {
        let taken: Vec<u32> = known.iter().filter_map(|(_, f)| f.get(..3)?.parse().ok()).collect();
        let next = taken.iter().max().map_or(0, |m| m + 1);
        format!("{next:03}_{:016x}.txt", fnv(text.as_bytes()))
    });
    let source_path = data.join("sources").join(&file);
    free(&source_path, force && previous.is_some())?;
    let noise_path = data.join("sources").join(format!("noise-{doc_id}.yaml"));
    free(&noise_path, force)?;

    let mk = |p: &Path| std::fs::create_dir_all(p).map_err(|e| unwritable(p, e));
    mk(&data.join("sources"))?;
    mk(&cert_dir)?;
    let put = |p: &Path, s: &str| std::fs::write(p, s).map_err(|e| unwritable(p, e));
    let mut written = Vec::new();
    put(&source_path, text)?;
    written.push(source_path);
    if previous.is_none() {
        let mut reg =
            if registry.trim().is_empty() { "sources:\n".to_string() } else { registry.clone() };
        if !reg.ends_with('\n') {
            reg.push('\n');
        }
        let _ = write!(
            reg,
            "  - id: {doc_id}\n    file: {file}\n    kind: {}\n    title: {}\n",
            family.source_kind(draft),
            q(&w::source_title(original))
        );
        put(&sources_yaml, &reg)?;
        written.push(sources_yaml);
    }
    let noise = doc.noise_lines();
    if !noise.is_empty() || !draft.layout.is_empty() {
        let list = |v: &[usize]| v.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
        let mut s = format!("doc: {doc_id}\n# {}\n", w::NOISE_COMMENT);
        if !noise.is_empty() {
            let _ = writeln!(s, "noise: [{}]", list(&noise));
        }
        if !draft.layout.is_empty() {
            let _ = writeln!(s, "layout: [{}]", list(&draft.layout));
        }
        put(&noise_path, &s)?;
        written.push(noise_path);
    }
    let cert = cert_dir.join("certification.yaml");
    put(&cert, &certification(id, &doc_id, family, doc, draft))?;
    written.push(cert);
    let els = cert_dir.join("elements.yaml");
    put(&els, &elements(id, &doc_id, draft))?;
    written.push(els);
    Ok(written)
}

fn certification(id: &str, doc_id: &str, family: Family, doc: &Doc, draft: &Draft) -> String {
    let (title, line, note) = match &draft.title {
        Some((t, a, b)) => (t.clone(), lines(*a, *b), w::DRAFT_NOTE.to_string()),
        None => {
            let n = (1..=doc.len()).find(|&n| !doc.skip(n)).unwrap_or(1);
            let note = format!("{} {}", w::DRAFT_NOTE, w::NO_TITLE_NOTE);
            (doc.line(n).clean.clone(), n.to_string(), note)
        }
    };
    let _ = family;
    format!(
        "# {}\ncertification:\n  id: {id}\n  kind: titre_professionnel\n  lineage: {id}\n  version: {}\n  title:\n    text: {}\n    doc: {doc_id}\n    lines: {line}\n  note: {}\n",
        w::CERT_COMMENT,
        q(w::DRAFT_VERSION),
        q(&title),
        q(&note)
    )
}

fn elements(id: &str, doc_id: &str, draft: &Draft) -> String {
    let mut s = format!("# {}\nin: {id}\ndoc: {doc_id}\nelements:\n", w::ELEMENTS_COMMENT);
    for e in &draft.elements {
        let _ = writeln!(s, "- id: {}\n  kind: {}", e.id, e.kind);
        if let Some(p) = &e.parent {
            let _ = writeln!(s, "  parent: {p}");
        }
        if let Some(c) = &e.code {
            let _ = writeln!(s, "  code: {}", q(c));
        }
        let _ = writeln!(s, "  text: {}\n  lines: {}", q(&e.text), lines(e.first, e.last));
        if let Some(st) = e.subtype {
            let _ = writeln!(s, "  subtype: {st}");
        }
        if let Some(b) = e.block {
            let _ = writeln!(s, "  block: {b}");
        }
        if let Some(u) = &e.uncertain {
            let _ = writeln!(s, "  uncertain: {}", q(u));
        }
    }
    s
}

/// `referentiel new ID`: an empty certification to fill by hand.
pub fn scaffold(data: &Path, id: &str, force: bool) -> Result<Vec<PathBuf>, Error> {
    let dir = data.join("certifications").join(id);
    let cert = dir.join("certification.yaml");
    let els = dir.join("elements.yaml");
    free(&cert, force)?;
    free(&els, force)?;
    std::fs::create_dir_all(&dir).map_err(|e| unwritable(&dir, e))?;
    std::fs::write(&cert, w::scaffold_certification(id)).map_err(|e| unwritable(&cert, e))?;
    std::fs::write(&els, w::scaffold_elements(id)).map_err(|e| unwritable(&els, e))?;
    Ok(vec![cert, els])
}
