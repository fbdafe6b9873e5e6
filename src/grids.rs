//! Evaluation grids (#28): for every certifying unit of a certification (CCP of a titre, unité of
//! a BTS, bloc de compétences), the critères a jury rates, grouped by the compétence where the
//! document prints them. Read from the fiches ([`crate::fiche::BlocFiche`]): the « qui évalue
//! quoi » links decide which compétences a unit certifies, the fiches which critères hold for
//! them (a BTS prints its critères at group level, C1, for every C1.x.y below it).
//!
//! A certification whose document defines no unit (a REAC alone) is certified by activité type,
//! one CCP each: its activités types stand for the units, and [`Grid::stands_for_ccp`] says so.

use serde::Serialize;

use crate::fiche::{BlocFiche, Fiche};
use crate::graph::Graph;
use crate::ids::{CertId, ElementKey};
use crate::model::Corpus;
use crate::schema::Kind;

/// Critères printed for one compétence, rated for the unit's compétences they hold for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    /// The compétence (or group of compétences, BTS C1) the critères are printed for.
    pub competence: ElementKey,
    /// The unit's compétences below it that the critères hold for; empty when the critères are
    /// the unit's compétence's own.
    pub covers: Vec<ElementKey>,
    /// The critères in document order; empty when the document prints none for it (the
    /// compétence itself is then rated).
    pub criteres: Vec<ElementKey>,
}

/// The evaluation grid of one certifying unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Grid {
    pub unit: ElementKey,
    /// True when the unit is an activité type standing for the CCP the document does not define.
    pub stands_for_ccp: bool,
    /// The épreuves or CCP that validate or certify the unit itself (their facts: durée, forme …).
    pub assessed_by: Vec<ElementKey>,
    /// The épreuves, modalités and situations that evaluate its compétences.
    pub evaluations: Vec<ElementKey>,
    /// The unit's compétences in document order.
    pub competences: Vec<ElementKey>,
    pub blocks: Vec<Block>,
}

impl Grid {
    /// The grid of unit `key`, or `None` when it certifies no compétence the data knows.
    pub fn of(corpus: &Corpus, graph: &Graph, key: &ElementKey) -> Option<Grid> {
        let e = corpus.element(key)?;
        let b = BlocFiche::of(corpus, graph, key)?;
        let mut blocks: Vec<Block> = Vec::new();
        for f in &b.competences {
            push_blocks(&mut blocks, f);
        }
        let assessed_by: Vec<ElementKey> = b.assessed_by.iter().map(|(_, k)| k.clone()).collect();
        let evaluations =
            b.evaluations.iter().filter(|k| !assessed_by.contains(k)).cloned().collect();
        Some(Grid {
            unit: key.clone(),
            stands_for_ccp: e.kind == Kind::ActiviteType,
            assessed_by,
            evaluations,
            competences: b.competences.iter().map(|f| f.key.clone()).collect(),
            blocks,
        })
    }

    /// Every critère of the grid, in order.
    pub fn criteres(&self) -> impl Iterator<Item = &ElementKey> {
        self.blocks.iter().flat_map(|b| &b.criteres)
    }

    /// The rows a jury rates: each critère, or the compétence itself where none is printed.
    pub fn rows(&self) -> impl Iterator<Item = (&Block, Option<&ElementKey>)> {
        self.blocks.iter().flat_map(|b| {
            let rows: Vec<(&Block, Option<&ElementKey>)> = if b.criteres.is_empty() {
                vec![(b, None)]
            } else {
                b.criteres.iter().map(|c| (b, Some(c))).collect()
            };
            rows
        })
    }
}

/// A compétence's own critères make a block; critères printed for a group make one block,
/// shared by every compétence of the unit below the group.
fn push_blocks(blocks: &mut Vec<Block>, f: &Fiche) {
    if !f.criteres.is_empty() {
        blocks.push(Block {
            competence: f.key.clone(),
            covers: Vec::new(),
            criteres: f.criteres.clone(),
        });
    }
    for g in &f.criteres_inherited {
        match blocks.iter_mut().find(|b| b.competence == g.from) {
            Some(b) => {
                if !b.covers.contains(&f.key) {
                    b.covers.push(f.key.clone())
                }
            }
            None => blocks.push(Block {
                competence: g.from.clone(),
                covers: vec![f.key.clone()],
                criteres: g.items.clone(),
            }),
        }
    }
    if f.all_criteres().next().is_none() {
        blocks.push(Block { competence: f.key.clone(), covers: Vec::new(), criteres: Vec::new() });
    }
}

/// The grids of a certification's units, in document order: its CCP, unités and blocs, or its
/// activités types when the document defines none of those.
pub fn grids(corpus: &Corpus, graph: &Graph, cert: &CertId) -> Vec<Grid> {
    let units: Vec<Grid> = corpus
        .elements_of(cert)
        .filter(|e| e.kind.is_unit())
        .filter_map(|e| Grid::of(corpus, graph, &e.key))
        .collect();
    if !units.is_empty() || corpus.elements_of(cert).any(|e| e.kind.is_unit()) {
        return units;
    }
    corpus
        .elements_of(cert)
        .filter(|e| e.kind == Kind::ActiviteType)
        .filter_map(|e| Grid::of(corpus, graph, &e.key))
        .collect()
}

/// A unit's or compétence's short name: `CCP 1`, `Unité U4`, `C1.1.1`, else its text.
pub(crate) fn short_name(corpus: &Corpus, key: &ElementKey) -> String {
    let e = corpus.element(key).expect("checked element");
    match &e.code {
        Some(c) if c.starts_with(e.kind.label()) || !e.kind.is_unit() => c.clone(),
        Some(c) => format!("{} {c}", e.kind.label()),
        // A unit the document names by its title only: `CCP « Élaborer une stratégie… »`.
        None if e.kind.is_unit() || e.kind == Kind::ActiviteType => {
            format!("{} « {} »", e.kind.label(), crate::present::truncate(e.text(), 40))
        }
        None => crate::present::truncate(e.text(), 60),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn every_unit_of_the_five_documents_has_a_grid() {
        let corpus = crate::load_corpus(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
            .unwrap_or_else(|d| panic!("{d:?}"));
        let graph = Graph::build(&corpus);
        for cert in ["ntc-2018", "ntc-2013", "cc-2017", "bts-nrc", "bts-tc-2006"] {
            let gs = grids(&corpus, &graph, &CertId::new(cert));
            assert!(!gs.is_empty(), "{cert}");
            for g in &gs {
                eprintln!(
                    "{cert} {}: {} compétences, {} blocks, {} critères, assessed {:?}, eval {}",
                    g.unit.local,
                    g.competences.len(),
                    g.blocks.len(),
                    g.criteres().count(),
                    g.assessed_by.iter().map(|k| k.local.as_str()).collect::<Vec<_>>(),
                    g.evaluations.len()
                );
            }
        }
    }
}
