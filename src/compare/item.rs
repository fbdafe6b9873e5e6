//! The two things every comparison report shows: a side (which certification, from where) and
//! an element as the report shows it.

use serde::Serialize;

use crate::ids::{CertId, ElementKey};
use crate::model::{Corpus, Element};
use crate::schema::Kind;

/// One side of a comparison.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    pub cert: CertId,
    pub title: Option<String>,
    pub version: Option<String>,
    /// Where the data came from (a folder, or a git revision), when known.
    pub origin: Option<String>,
}

impl Side {
    pub fn of(corpus: &Corpus, cert: &CertId) -> Side {
        let c = corpus.cert(cert);
        Side {
            cert: cert.clone(),
            title: c.map(|c| c.title.text.clone()),
            version: c.map(|c| c.version.clone()),
            origin: None,
        }
    }

    /// `ntc-2018 (Négociateur technico-commercial 2018) @ rev`
    pub fn describe(&self) -> String {
        let mut s = self.cert.to_string();
        if let Some(t) = &self.title {
            s.push_str(&format!(
                " ({t}{})",
                self.version.as_ref().map(|v| format!(", {v}")).unwrap_or_default()
            ));
        }
        if let Some(o) = &self.origin {
            s.push_str(&format!(" from {o}"));
        }
        s
    }
}

/// An element as the report shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    pub id: ElementKey,
    pub kind: Kind,
    pub code: Option<String>,
    pub text: String,
    pub parent: Option<ElementKey>,
}

impl Item {
    pub fn of(e: &Element) -> Item {
        Item {
            id: e.key.clone(),
            kind: e.kind,
            code: e.code.clone(),
            text: e.text().to_string(),
            parent: e.parent.clone(),
        }
    }

    /// `code` or local id, for short mentions.
    pub fn label(&self) -> String {
        match &self.code {
            Some(c) => format!("{} ({})", self.id.local, c),
            None => self.id.local.to_string(),
        }
    }
}
