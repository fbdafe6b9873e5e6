//! Synthetic data folders for the diff and crosswalk tests and the diff benchmark: certifications
//! given as plain values are written as YAML with a source document holding each text on its
//! own line, so that the checker proves every citation and `load_corpus` accepts the folder.
#![allow(dead_code)]

use std::fmt::Write;
use std::fs;
use std::path::{Path, PathBuf};

use referentiel::model::Corpus;

pub mod rng;
#[allow(unused_imports)]
pub use rng::Rng;

/// An element: id, kind (YAML name), parent id, code, text.
#[derive(Clone, Debug)]
pub struct El {
    pub id: String,
    pub kind: &'static str,
    pub parent: Option<String>,
    pub code: Option<String>,
    pub text: String,
}

pub fn el(id: &str, kind: &'static str, parent: Option<&str>, text: &str) -> El {
    El { id: id.into(), kind, parent: parent.map(Into::into), code: None, text: text.into() }
}

pub fn coded(id: &str, kind: &'static str, parent: Option<&str>, code: &str, text: &str) -> El {
    El {
        id: id.into(),
        kind,
        parent: parent.map(Into::into),
        code: Some(code.into()),
        text: text.into(),
    }
}

/// A certification with its elements.
#[derive(Clone, Debug)]
pub struct Cert {
    pub id: String,
    pub lineage: String,
    pub version: String,
    pub title: String,
    pub predecessors: Vec<String>,
    pub elements: Vec<El>,
}

pub fn cert(id: &str, lineage: &str, version: &str, elements: Vec<El>) -> Cert {
    Cert {
        id: id.into(),
        lineage: lineage.into(),
        version: version.into(),
        title: format!("Titre {id}"),
        predecessors: Vec::new(),
        elements,
    }
}

/// A YAML double-quoted string.
pub fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Write `certs` (and extra files, path → content) as a data folder at `dir`.
pub fn write(dir: &Path, certs: &[Cert], extra: &[(&str, String)]) {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir.join("sources")).unwrap();
    let mut sources = String::from("sources:\n");
    for c in certs {
        let doc = format!("{}-doc", c.id);
        let _ = writeln!(
            sources,
            "  - id: {doc}\n    file: {}.txt\n    kind: reac\n    title: Document {}",
            c.id, c.id
        );
        let mut txt = format!("{}\n", c.title);
        let mut cert_yaml = format!(
            "certification:\n  id: {}\n  kind: titre_professionnel\n  lineage: {}\n  version: {}\n  title: {{text: {}, doc: {doc}, lines: 1}}\n",
            c.id,
            c.lineage,
            q(&c.version),
            q(&c.title)
        );
        if !c.predecessors.is_empty() {
            cert_yaml.push_str("  predecessors:\n");
            for p in &c.predecessors {
                let _ = writeln!(cert_yaml, "    - {{id: {p}}}");
            }
        }
        let mut els = format!("in: {}\ndoc: {doc}\nelements:\n", c.id);
        for (i, e) in c.elements.iter().enumerate() {
            let _ = writeln!(txt, "{}", e.text);
            let _ = write!(els, "  - {{id: {}, kind: {}", e.id, e.kind);
            if let Some(p) = &e.parent {
                let _ = write!(els, ", parent: {p}");
            }
            if let Some(code) = &e.code {
                let _ = write!(els, ", code: {}", q(code));
            }
            let _ = writeln!(els, ", text: {}, lines: {}}}", q(&e.text), i + 2);
        }
        let cdir = dir.join("certifications").join(&c.id);
        fs::create_dir_all(&cdir).unwrap();
        fs::write(cdir.join("certification.yaml"), cert_yaml).unwrap();
        fs::write(cdir.join("elements.yaml"), els).unwrap();
        fs::write(dir.join("sources").join(format!("{}.txt", c.id)), txt).unwrap();
    }
    fs::write(dir.join("sources.yaml"), sources).unwrap();
    for (path, content) in extra {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
    }
}

/// A fresh temporary folder for one test.
pub fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("referentiel-synth-{}-{name}", std::process::id()))
}

/// Write and load a corpus; panic with the diagnostics if it does not check.
pub fn corpus(name: &str, certs: &[Cert], extra: &[(&str, String)]) -> Corpus {
    let dir = temp(name);
    write(&dir, certs, extra);
    let result = referentiel::load_corpus(&dir);
    let _ = fs::remove_dir_all(&dir);
    match result {
        Ok(c) => c,
        Err(d) => panic!(
            "synthetic data does not check:\n{}",
            d.iter().map(|d| d.render()).collect::<String>()
        ),
    }
}
