//! What each side of a diff describes (#25): the levels its elements hold (unités certifiantes,
//! activités, compétences, critères, savoirs, contextes, évaluation, document) and the kind of
//! document that describes it (the source of its title: RNCP fiche, REAC, REAC and RE, référentiel,
//! arrêté; or its name only). A diff compares only the levels both sides hold — every level when
//! both sides are described by the same kind of document — and counts the rest apart, never as
//! added or removed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::compare::Tree;
use crate::ids::CertId;
use crate::model::Corpus;
use crate::schema::{Kind, SourceKind};
use crate::words::evolution as w;

/// A level of description of a certification (each kind's level is in the kinds' table,
/// [`crate::schema::KindSpec::diff_level`]).
pub use crate::schema::DiffLevel as Level;

/// What one side describes.
#[derive(Clone, Debug, Serialize)]
pub struct SideCoverage {
    pub cert: CertId,
    /// The kind of document its title comes from (null when unknown).
    pub(crate) source_kind: Option<SourceKind>,
    /// Known only by its name (and at most its units), cited by another certification's document.
    pub only_named: bool,
    /// The levels its elements hold, in order.
    pub levels: Vec<Level>,
    /// In French: « sa fiche RNCP », « son REAC et son RE », « son nom et ses unités certifiantes ».
    pub(crate) known_by: String,
}

/// What the two sides describe, what is compared, and what is counted apart.
#[derive(Clone, Debug, Serialize)]
pub struct Coverage {
    pub old: SideCoverage,
    pub new: SideCoverage,
    /// The levels both sides hold (every level when both come from the same kind of document).
    pub compared: Vec<Level>,
    /// At the unit level, the kinds both sides hold (CCP, bloc, unité, épreuve), when not every
    /// level is compared: an épreuve is not « ajoutée » beside CCP that had none described.
    pub(crate) unit_kinds: Option<Vec<Kind>>,
    /// One French sentence that says so, first thing of every report.
    pub sentence: String,
    /// Elements of levels only the old side describes, per kind: neither added nor removed.
    pub(crate) old_only: BTreeMap<Kind, usize>,
    /// Elements of levels only the new side describes, per kind.
    pub new_only: BTreeMap<Kind, usize>,
}

impl Coverage {
    pub fn compares(&self, k: Kind) -> bool {
        let l = k.diff_level();
        self.compared.contains(&l)
            && (l != Level::Unites || self.unit_kinds.as_ref().is_none_or(|u| u.contains(&k)))
    }
}

fn side(corpus: &Corpus, tree: &Tree) -> SideCoverage {
    let cert = corpus.cert(&tree.cert);
    let source_kind = cert.and_then(|c| corpus.sources.get(c.title.doc.as_str())).map(|d| d.kind);
    let only_named = cert.is_some_and(|c| c.only_named);
    let mut levels: Vec<Level> = tree.elems.iter().map(|e| e.kind.diff_level()).collect();
    levels.sort();
    levels.dedup();
    let known_by = if only_named {
        let held: Vec<&str> =
            levels.iter().filter(|l| **l != Level::Document).map(|l| l.label()).collect();
        w::only_named(&join(&held))
    } else {
        match source_kind {
            Some(SourceKind::RncpFiche) => w::source::RncpFiche.to_string(),
            Some(SourceKind::ReacRe) => w::source::ReacRe.to_string(),
            Some(SourceKind::Reac) => w::source::Reac.to_string(),
            Some(SourceKind::ReferentielBts) => w::source::ReferentielBts.to_string(),
            Some(SourceKind::Arrete) => w::source::Arrete.to_string(),
            None => w::source::Unknown.to_string(),
        }
    };
    SideCoverage { cert: tree.cert.clone(), source_kind, only_named, levels, known_by }
}

/// « a, b et c ».
pub fn join(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// The name of a side in a sentence: « Négociateur technico-commercial (2018) ».
fn name(corpus: &Corpus, cert: &CertId) -> String {
    match corpus.cert(cert) {
        Some(c) => format!("{} ({})", c.title.text, c.version),
        None => cert.to_string(),
    }
}

/// What the two trees describe and compare.
pub fn coverage(old_corpus: &Corpus, old: &Tree, new_corpus: &Corpus, new: &Tree) -> Coverage {
    let (o, n) = (side(old_corpus, old), side(new_corpus, new));
    let same_kind = !o.only_named && !n.only_named && o.source_kind == n.source_kind;
    let compared: Vec<Level> = if same_kind || old.cert == new.cert {
        Level::ALL.to_vec()
    } else {
        Level::ALL
            .iter()
            .copied()
            .filter(|l| o.levels.contains(l) && n.levels.contains(l) && *l != Level::Document)
            .collect()
    };
    let labels: Vec<&str> = compared.iter().map(|l| l.label()).collect();
    let (on, nn) = (name(old_corpus, &old.cert), name(new_corpus, &new.cert));
    let sentence = if compared.len() == Level::ALL.len() {
        w::same_kind(&o.known_by)
    } else if compared.is_empty() {
        w::nothing_shared(&on, &o.known_by, &nn, &n.known_by)
    } else if o.levels.len() <= n.levels.len() {
        w::known_only_by(&on, &o.known_by, &join(&labels), &nn, &n.known_by)
    } else {
        w::known_only_by(&nn, &n.known_by, &join(&labels), &on, &o.known_by)
    };
    let unit_kinds = (compared.len() != Level::ALL.len()).then(|| {
        let kinds = |t: &Tree| {
            t.elems
                .iter()
                .map(|e| e.kind)
                .filter(|k| k.diff_level() == Level::Unites)
                .collect::<std::collections::BTreeSet<Kind>>()
        };
        kinds(old).intersection(&kinds(new)).copied().collect::<Vec<Kind>>()
    });
    let compares = |k: Kind| {
        compared.contains(&k.diff_level())
            && (k.diff_level() != Level::Unites
                || unit_kinds.as_ref().is_none_or(|u| u.contains(&k)))
    };
    let apart = |t: &Tree| {
        let mut m: BTreeMap<Kind, usize> = BTreeMap::new();
        for e in t.elems.iter().filter(|e| !compares(e.kind)) {
            *m.entry(e.kind).or_default() += 1;
        }
        m
    };
    Coverage {
        old_only: apart(old),
        new_only: apart(new),
        old: o,
        new: n,
        compared,
        unit_kinds,
        sentence,
    }
}
