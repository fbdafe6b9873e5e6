//! A compétence as the crosswalk weighs it: its [fiche](crate::fiche::Fiche) (the one notion of
//! what a compétence contains, shared with the site and the exports), each text of it given a
//! weight. Its title; its own critères, savoir-faire, savoirs (with the savoirs printed under them
//! and the savoirs associés a link ties to it), descriptions, contextes and conditions; and, more
//! lightly, the titles of the compétences above it and the critères and conditions printed at
//! their level (BTS referentials print those once for a group of compétences). Each section has a
//! total weight its texts share, so that long savoir lists shared by several compétences do not
//! outweigh what the compétence itself states.

use super::Group;
use crate::compare::Tree;
use crate::fiche;
use crate::graph::Graph;
use crate::ids::ElementKey;
use crate::model::Corpus;
use crate::schema::{FichePart, Kind};

/// The parts of a fiche, each with the total weight its texts share (a section of forty savoirs
/// weighs what a section of four does: the compétence's statement is its title, savoir-faire and
/// critères, not the length of the savoir lists tied to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Title,
    SavoirFaire,
    Criteres,
    Savoirs,
    /// Descriptions, contextes, conditions, résultats attendus.
    Contexte,
    /// Critères and conditions printed at a group level above the compétence.
    Inherited,
    /// Titles of the compétences above it.
    Ancestors,
}

impl Section {
    /// The total weight of the section's texts.
    pub fn budget(self) -> f32 {
        match self {
            Section::Title => 1.0,
            Section::SavoirFaire => 2.0,
            Section::Criteres => 1.0,
            Section::Savoirs | Section::Contexte | Section::Inherited => 0.3,
            Section::Ancestors => 0.2,
        }
    }

    /// Is it the compétence's own text (not its title, not borrowed from above)?
    pub fn own(self) -> bool {
        !matches!(self, Section::Title | Section::Inherited | Section::Ancestors)
    }

    /// Is it part of the compétence's statement (title, savoir-faire, critères)?
    pub(crate) fn core(self) -> bool {
        matches!(self, Section::Title | Section::SavoirFaire | Section::Criteres)
    }
}

fn section_of(kind: Kind) -> Option<Section> {
    match kind.fiche_part() {
        FichePart::SavoirFaire => Some(Section::SavoirFaire),
        FichePart::Criteres => Some(Section::Criteres),
        FichePart::Savoirs => Some(Section::Savoirs),
        FichePart::Description | FichePart::Contexte | FichePart::Conditions => {
            Some(Section::Contexte)
        }
        _ => None,
    }
}

/// One text of a fiche: an element index of the tree, its section and its weight.
#[derive(Clone, Copy, Debug)]
pub struct Part {
    pub elem: usize,
    pub section: Section,
    pub weight: f32,
}

/// One compétence's fiche as weighted element indices of its tree, title first.
#[derive(Clone, Debug)]
pub struct Fiche {
    pub competence: usize,
    pub parts: Vec<Part>,
}

impl Fiche {
    /// The texts of the compétence itself (not its title, not what it borrows from above).
    pub(crate) fn own_parts(&self) -> impl Iterator<Item = usize> + '_ {
        self.parts.iter().filter(|p| p.section.own()).map(|p| p.elem)
    }
}

/// The fiche of compétence `i` of `tree`, read from [`fiche::Fiche::of`]: each section's
/// [budget](Section::budget) shared equally among its texts.
pub fn fiche(corpus: &Corpus, graph: &Graph, tree: &Tree, i: usize) -> Fiche {
    let mut found: Vec<(usize, Section)> = vec![(i, Section::Title)];
    if let Some(f) = fiche::Fiche::of(corpus, graph, &tree.elems[i].key) {
        let mut push = |keys: &mut dyn Iterator<Item = &ElementKey>, inherited: bool| {
            for j in keys.filter_map(|k| tree.find(k)) {
                let Some(s) = section_of(tree.elems[j].kind) else { continue };
                if !found.iter().any(|p| p.0 == j) {
                    found.push((j, if inherited { Section::Inherited } else { s }));
                }
            }
        };
        push(
            &mut f.description.iter().chain(&f.contexte).chain(&f.conditions).chain(&f.criteres),
            false,
        );
        push(&mut f.savoir_faire.iter().flat_map(|g| &g.items), false);
        push(&mut f.savoirs.iter().flat_map(|s| std::iter::once(&s.key).chain(&s.savoirs)), false);
        push(
            &mut f.criteres_inherited.iter().chain(&f.conditions_inherited).flat_map(|g| &g.items),
            true,
        );
        for a in f
            .path
            .iter()
            .filter_map(|k| tree.find(k))
            .filter(|&a| tree.elems[a].kind.crosswalk_group() == Some(Group::Competences))
        {
            if !found.iter().any(|p| p.0 == a) {
                found.push((a, Section::Ancestors));
            }
        }
    }
    let count = |s: Section| found.iter().filter(|p| p.1 == s).count() as f32;
    let parts = found
        .iter()
        .map(|&(elem, section)| Part { elem, section, weight: section.budget() / count(section) })
        .collect();
    Fiche { competence: i, parts }
}
