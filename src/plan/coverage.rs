//! What a plan covers of its certification: per certifying unit and per compétence, the critères,
//! savoir-faire and savoirs covered out of the total, the hours of the séquences that touch it,
//! and every element left uncovered.
//!
//! An element is covered when a séquence names it or an element above it (a compétence covers
//! the critères, savoir-faire and savoirs printed under it), or names a compétence whose fiche
//! lists it (a savoir associé tied to it by a link). The items of a compétence are those of its
//! fiche ([`crate::fiche::Fiche`]): its own critères and those printed for its group, its
//! savoir-faire, its savoirs with what is under them. Hours count once per séquence for each
//! compétence or unit it touches, so they overlap from one compétence to the next.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use super::Plan;
use crate::fiche::Fiche;
use crate::graph::Graph;
use crate::ids::ElementKey;
use crate::model::Corpus;
use crate::schema::FichePart;

/// Covered out of total.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    pub covered: usize,
    pub total: usize,
}

impl Count {
    fn add(&mut self, covered: bool) {
        self.total += 1;
        if covered {
            self.covered += 1;
        }
    }
}

/// What a plan covers of one compétence.
#[derive(Clone, Debug, Serialize)]
pub struct CompetenceCoverage {
    pub id: ElementKey,
    pub criteres: Count,
    pub savoir_faire: Count,
    pub savoirs: Count,
    /// Hours of the séquences that cover the compétence or one of its items.
    pub hours: f64,
    /// The séquences that do, by id.
    pub sequences: Vec<String>,
    /// Its items no séquence covers, in document order.
    pub uncovered: Vec<ElementKey>,
}

/// What a plan covers of one certifying unit.
#[derive(Clone, Debug, Serialize)]
pub struct UnitCoverage {
    pub id: ElementKey,
    pub criteres: Count,
    pub savoir_faire: Count,
    pub savoirs: Count,
    pub hours: f64,
    pub competences: Vec<CompetenceCoverage>,
}

/// The coverage of a plan.
#[derive(Clone, Debug, Serialize)]
pub struct Coverage {
    pub units: Vec<UnitCoverage>,
    /// Every compétence of the certification, in document order (some belong to no unit).
    pub competences: Vec<CompetenceCoverage>,
    /// Compétences, critères, savoir-faire and savoirs of the certification that no séquence
    /// covers (a compétence counts as uncovered when nothing of it is covered).
    pub uncovered: Vec<ElementKey>,
    /// Hours of all séquences.
    pub hours: f64,
}

/// The kinds of item counted: critères, savoir-faire, savoirs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Critere,
    SavoirFaire,
    Savoir,
}

fn part(corpus: &Corpus, key: &ElementKey) -> Option<Part> {
    match corpus.element(key)?.kind.fiche_part() {
        FichePart::Criteres => Some(Part::Critere),
        FichePart::SavoirFaire => Some(Part::SavoirFaire),
        FichePart::Savoirs => Some(Part::Savoir),
        _ => None,
    }
}

/// The items of a compétence that are counted, without repeats, in fiche order.
fn items(corpus: &Corpus, f: &Fiche) -> Vec<ElementKey> {
    let mut out: Vec<ElementKey> = Vec::new();
    for k in f.all_criteres().chain(f.savoir_faire.iter().flat_map(|g| &g.items)) {
        if !out.contains(k) {
            out.push(k.clone());
        }
    }
    for s in &f.savoirs {
        for k in std::iter::once(&s.key).chain(&s.savoirs) {
            if !out.contains(k) && part(corpus, k) == Some(Part::Savoir) {
                out.push(k.clone());
            }
        }
    }
    out
}

/// Which elements each séquence covers, directly or through what it names.
struct Reach {
    /// Per séquence, in plan order.
    covered: Vec<HashSet<ElementKey>>,
}

impl Reach {
    fn of(corpus: &Corpus, graph: &Graph, plan: &Plan) -> Reach {
        let covered = plan
            .sequences
            .iter()
            .map(|s| {
                let mut set = HashSet::new();
                for k in &s.covers {
                    subtree(corpus, k, &mut set);
                    if let Some(f) = Fiche::of(corpus, graph, k) {
                        // A compétence brings its fiche's items, savoirs associés included.
                        for i in items(corpus, &f) {
                            subtree(corpus, &i, &mut set);
                        }
                    }
                }
                set
            })
            .collect();
        Reach { covered }
    }

    fn any(&self, k: &ElementKey) -> bool {
        self.covered.iter().any(|s| s.contains(k))
    }
}

fn subtree(corpus: &Corpus, k: &ElementKey, set: &mut HashSet<ElementKey>) {
    if !set.insert(k.clone()) {
        return;
    }
    if let Some(e) = corpus.element(k) {
        for c in &e.children {
            subtree(corpus, c, set);
        }
    }
}

fn competence(corpus: &Corpus, plan: &Plan, reach: &Reach, f: &Fiche) -> CompetenceCoverage {
    let mut c = CompetenceCoverage {
        id: f.key.clone(),
        criteres: Count::default(),
        savoir_faire: Count::default(),
        savoirs: Count::default(),
        hours: 0.0,
        sequences: Vec::new(),
        uncovered: Vec::new(),
    };
    let its = items(corpus, f);
    for k in &its {
        let covered = reach.any(k);
        match part(corpus, k) {
            Some(Part::Critere) => c.criteres.add(covered),
            Some(Part::SavoirFaire) => c.savoir_faire.add(covered),
            Some(Part::Savoir) => c.savoirs.add(covered),
            None => {}
        }
        if !covered {
            c.uncovered.push(k.clone());
        }
    }
    for (s, set) in plan.sequences.iter().zip(&reach.covered) {
        if set.contains(&f.key) || its.iter().any(|k| set.contains(k)) {
            c.hours += s.hours;
            c.sequences.push(s.id.clone());
        }
    }
    c
}

/// Measure a checked plan against its certification.
pub fn coverage(corpus: &Corpus, graph: &Graph, plan: &Plan) -> Coverage {
    let reach = Reach::of(corpus, graph, plan);
    let fiches: Vec<Fiche> = corpus
        .elements_of(&plan.cert)
        .filter(|e| e.kind.is_competence())
        .filter_map(|e| Fiche::of(corpus, graph, &e.key))
        .collect();
    let competences: Vec<CompetenceCoverage> =
        fiches.iter().map(|f| competence(corpus, plan, &reach, f)).collect();
    let units = crate::grids::grids(corpus, graph, &plan.cert)
        .into_iter()
        .map(|g| {
            let comps: Vec<CompetenceCoverage> =
                competences.iter().filter(|c| g.competences.contains(&c.id)).cloned().collect();
            let mut u = UnitCoverage {
                id: g.unit.clone(),
                criteres: Count::default(),
                savoir_faire: Count::default(),
                savoirs: Count::default(),
                hours: 0.0,
                competences: comps,
            };
            // A critère printed for a group counts once for the unit.
            let mut seen = BTreeSet::new();
            for f in fiches.iter().filter(|f| g.competences.contains(&f.key)) {
                for k in items(corpus, f) {
                    if !seen.insert(k.clone()) {
                        continue;
                    }
                    let covered = reach.any(&k);
                    match part(corpus, &k) {
                        Some(Part::Critere) => u.criteres.add(covered),
                        Some(Part::SavoirFaire) => u.savoir_faire.add(covered),
                        Some(Part::Savoir) => u.savoirs.add(covered),
                        None => {}
                    }
                }
            }
            let touched: BTreeSet<&str> =
                u.competences.iter().flat_map(|c| c.sequences.iter().map(String::as_str)).collect();
            u.hours = plan
                .sequences
                .iter()
                .filter(|s| touched.contains(s.id.as_str()))
                .map(|s| s.hours)
                .sum();
            u
        })
        .collect();
    let mut uncovered: Vec<ElementKey> = Vec::new();
    for e in corpus.elements_of(&plan.cert) {
        let counted = e.kind.is_competence() || part(corpus, &e.key).is_some();
        if !counted || reach.any(&e.key) {
            continue;
        }
        if e.kind.is_competence() {
            // Uncovered when nothing of it is covered.
            if competences.iter().find(|c| c.id == e.key).is_some_and(|c| {
                c.criteres.covered + c.savoir_faire.covered + c.savoirs.covered > 0
            }) {
                continue;
            }
        }
        uncovered.push(e.key.clone());
    }
    Coverage { units, competences, uncovered, hours: plan.sequences.iter().map(|s| s.hours).sum() }
}
