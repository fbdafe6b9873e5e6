//! The compétence view: for every compétence at every level (CP, CT, BTS C1 … C1.1.1, bloc,
//! activité type, fonction) its *fiche*, the way the ministry prints it: description and contexte,
//! conditions, critères, savoir-faire, savoirs with their limites, and what evaluates and certifies
//! it. Derived from the checked model and graph only: every entry is an element of the data, placed
//! by the hierarchy or by a typed link. Sections and paragraphs (the document's layout) are walked
//! through, never listed.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::graph::Graph;
use crate::ids::ElementKey;
use crate::model::{Corpus, Element};
use crate::schema::{Family, FichePart, Kind, Rel, Subtype};

/// Items printed at a group level (BTS C1, C11) and so holding for every compétence below it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inherited {
    /// The group compétence where the items are printed.
    pub from: ElementKey,
    pub items: Vec<ElementKey>,
}

/// Savoir-faire that the data puts in one block (REAC: technique, organisationnel, relationnel)
/// or gives one subtype; both `None` when the source does not say.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SavoirFaireGroup {
    pub block: Option<u32>,
    pub subtype: Option<Subtype>,
    /// In document order; a savoir-faire detailed under another follows it.
    pub items: Vec<ElementKey>,
}

/// A savoir of the fiche: a savoir printed in the fiche, or a savoir associé that a link ties to
/// the compétence, with the savoirs and limites de connaissances printed under it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SavoirEntry {
    pub key: ElementKey,
    /// The link that ties it to the compétence (`None`: printed in the fiche itself).
    pub rel: Option<Rel>,
    pub savoirs: Vec<ElementKey>,
    pub limites: Vec<ElementKey>,
}

/// An épreuve, modalité, situation, unité, CCP or bloc linked to the compétence.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Assessment {
    pub by: ElementKey,
    pub rel: Rel,
    /// The element the link names when it is not the compétence itself: a group above it (the CCP
    /// certifies the activité type) or a compétence below it (the unité certifies C1.1.1).
    pub via: Option<ElementKey>,
}

/// One compétence, read as a fiche. Every field holds keys of the corpus, in document order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fiche {
    pub key: ElementKey,
    pub kind: Kind,
    /// The framework elements above it (activité type, C1, C1.1 …), root first; no sections.
    pub path: Vec<ElementKey>,
    /// The framework elements it is made of: CP of an activité type, C1.1 of C1, tâches of a
    /// sous-fonction, compétences a bloc certifies.
    pub parts: Vec<ElementKey>,
    pub description: Vec<ElementKey>,
    /// Contexte professionnel, conditions d'exercice, autonomie, résultats attendus.
    pub contexte: Vec<ElementKey>,
    pub conditions: Vec<ElementKey>,
    pub conditions_inherited: Vec<Inherited>,
    pub criteres: Vec<ElementKey>,
    pub criteres_inherited: Vec<Inherited>,
    pub savoir_faire: Vec<SavoirFaireGroup>,
    pub savoirs: Vec<SavoirEntry>,
    /// Épreuves, modalités and situations that evaluate it.
    pub evaluated_by: Vec<Assessment>,
    /// Unités, CCP and blocs that certify it.
    pub certified_by: Vec<Assessment>,
}

impl Fiche {
    /// The fiche of `key`, or `None` when the element is not a compétence, activité or bloc.
    pub fn of(corpus: &Corpus, graph: &Graph, key: &ElementKey) -> Option<Fiche> {
        let e = corpus.element(key)?;
        if !e.kind.has_fiche() {
            return None;
        }
        let mut f = Fiche {
            key: key.clone(),
            kind: e.kind,
            path: corpus
                .ancestors(e)
                .into_iter()
                .filter(|a| a.kind.family() != Family::Document)
                .map(|a| a.key.clone())
                .collect(),
            parts: Vec::new(),
            description: Vec::new(),
            contexte: Vec::new(),
            conditions: Vec::new(),
            conditions_inherited: Vec::new(),
            criteres: Vec::new(),
            criteres_inherited: Vec::new(),
            savoir_faire: Vec::new(),
            savoirs: Vec::new(),
            evaluated_by: Vec::new(),
            certified_by: Vec::new(),
        };
        let mut own = Vec::new();
        collect(corpus, e, &mut own, &mut f.parts);
        for k in own {
            let c = corpus.element(&k).expect("child of the corpus");
            match c.kind.fiche_part() {
                FichePart::Description => f.description.push(k),
                FichePart::Conditions => f.conditions.push(k),
                FichePart::Contexte => f.contexte.push(k),
                FichePart::Criteres => f.criteres.push(k),
                FichePart::SavoirFaire => push_savoir_faire(&mut f.savoir_faire, c),
                FichePart::Savoirs => f.savoirs.push(savoir_entry(corpus, c, None)),
                _ => {}
            }
        }
        // A bloc names the compétences it certifies.
        for l in &e.links {
            if l.rel == Rel::Certifies
                && corpus.element(&l.to).is_some_and(|t| t.kind.has_fiche())
                && !f.parts.contains(&l.to)
            {
                f.parts.push(l.to.clone());
            }
        }
        // Conditions and critères printed at a group level hold for the compétences below it.
        for a in &f.path {
            let group = corpus.element(a).expect("ancestor");
            if group.kind.family() != Family::Competence {
                continue;
            }
            let (mut conds, mut crits) = (Vec::new(), Vec::new());
            let mut items = Vec::new();
            collect(corpus, group, &mut items, &mut Vec::new());
            for k in items {
                match corpus.element(&k).map(|x| x.kind.fiche_part()) {
                    Some(FichePart::Conditions) => conds.push(k),
                    Some(FichePart::Criteres) => crits.push(k),
                    _ => {}
                }
            }
            if !conds.is_empty() {
                f.conditions_inherited.push(Inherited { from: a.clone(), items: conds });
            }
            if !crits.is_empty() {
                f.criteres_inherited.push(Inherited { from: a.clone(), items: crits });
            }
        }
        // Savoirs associés tied to it by a link, in either direction.
        let mut linked: Vec<(Rel, ElementKey)> =
            graph.incoming_links(key).into_iter().map(|(r, k)| (r, k.clone())).collect();
        linked.extend(e.links.iter().map(|l| (l.rel, l.to.clone())));
        let mut seen: BTreeSet<ElementKey> = f.savoirs.iter().map(|s| s.key.clone()).collect();
        for (rel, k) in &linked {
            if let Some(s) = corpus.element(k).filter(|s| {
                s.kind.fiche_part() == FichePart::Savoirs
                    && matches!(rel, Rel::Related | Rel::Mobilises)
            }) && seen.insert(k.clone())
            {
                f.savoirs.push(savoir_entry(corpus, s, Some(*rel)));
            }
        }
        // What evaluates or certifies it: links to it, to a group above it, or to a part below it.
        let mut targets: Vec<(ElementKey, Option<ElementKey>)> = vec![(key.clone(), None)];
        targets.extend(f.path.iter().map(|a| (a.clone(), Some(a.clone()))));
        let mut below = Vec::new();
        descendants_with_fiche(corpus, e, &mut below);
        targets.extend(below.into_iter().map(|d| (d.clone(), Some(d))));
        let mut evaluated = BTreeSet::new();
        let mut certified = BTreeSet::new();
        for (t, via) in &targets {
            for (rel, by) in graph.incoming_links(t) {
                let a = Assessment { by: by.clone(), rel, via: via.clone() };
                match rel {
                    Rel::Evaluates => {
                        evaluated.insert(a);
                    }
                    Rel::Certifies => {
                        certified.insert(a);
                    }
                    _ => {}
                }
            }
        }
        let order = |a: &Assessment| {
            (
                a.via.is_some(),
                corpus.element_index(&a.by),
                a.via.as_ref().and_then(|v| corpus.element_index(v)),
            )
        };
        f.evaluated_by = evaluated.into_iter().collect();
        f.evaluated_by.sort_by_key(order);
        f.certified_by = certified.into_iter().collect();
        f.certified_by.sort_by_key(order);
        Some(f)
    }

    /// Every key the fiche names, its own first (for indexes and exports).
    pub fn all_items(&self) -> Vec<&ElementKey> {
        let mut out: Vec<&ElementKey> = Vec::new();
        out.extend(&self.description);
        out.extend(&self.contexte);
        out.extend(&self.conditions);
        out.extend(self.conditions_inherited.iter().flat_map(|i| &i.items));
        out.extend(&self.criteres);
        out.extend(self.criteres_inherited.iter().flat_map(|i| &i.items));
        out.extend(self.savoir_faire.iter().flat_map(|g| &g.items));
        for s in &self.savoirs {
            out.push(&s.key);
            out.extend(&s.savoirs);
            out.extend(&s.limites);
        }
        out
    }

    /// Critères of the fiche, its own and those printed at a group above it.
    pub fn all_criteres(&self) -> impl Iterator<Item = &ElementKey> {
        self.criteres.iter().chain(self.criteres_inherited.iter().flat_map(|i| &i.items))
    }

    /// Conditions of the fiche, its own and those printed at a group above it.
    pub fn all_conditions(&self) -> impl Iterator<Item = &ElementKey> {
        self.conditions.iter().chain(self.conditions_inherited.iter().flat_map(|i| &i.items))
    }
}

/// A bloc as one printable fiche: the compétences it covers, each read as its [`Fiche`], the
/// savoirs it certifies, and what evaluates, certifies or validates the bloc itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BlocFiche {
    pub key: ElementKey,
    /// The compétences of the bloc in document order: the parts of an activité type; what a CCP,
    /// bloc or unité certifies (through the activité type it certifies).
    pub competences: Vec<Fiche>,
    /// Savoirs a unité certifies (BTS).
    pub savoirs: Vec<ElementKey>,
    /// Links to the bloc itself: the CCP that certifies an activité type, the épreuve that
    /// validates a unité.
    pub assessed_by: Vec<(Rel, ElementKey)>,
    /// The épreuves, modalités and situations that evaluate one of its compétences, in document order.
    pub evaluations: Vec<ElementKey>,
}

impl BlocFiche {
    /// The bloc fiche of `key`, or `None` when the element is not a bloc or covers no compétence.
    pub fn of(corpus: &Corpus, graph: &Graph, key: &ElementKey) -> Option<BlocFiche> {
        let e = corpus.element(key)?;
        if !e.kind.is_bloc() {
            return None;
        }
        let mut comps: Vec<ElementKey> = Vec::new();
        let mut savoirs: Vec<ElementKey> = Vec::new();
        fn cover(
            corpus: &Corpus,
            graph: &Graph,
            k: &ElementKey,
            comps: &mut Vec<ElementKey>,
            depth: usize,
        ) {
            let Some(t) = corpus.element(k) else { return };
            if t.kind.is_competence() {
                if !comps.contains(k) {
                    comps.push(k.clone());
                }
            } else if t.kind.family() == Family::Activite
                && depth < 4
                && let Some(f) = Fiche::of(corpus, graph, k)
            {
                for p in &f.parts {
                    cover(corpus, graph, p, comps, depth + 1);
                }
            }
        }
        if e.kind == Kind::ActiviteType {
            cover(corpus, graph, key, &mut comps, 0);
        }
        for l in &e.links {
            if l.rel != Rel::Certifies {
                continue;
            }
            match corpus.element(&l.to) {
                Some(t) if t.kind.family() == Family::Savoir && !savoirs.contains(&l.to) => {
                    savoirs.push(l.to.clone())
                }
                Some(_) => cover(corpus, graph, &l.to, &mut comps, 0),
                None => {}
            }
        }
        if comps.is_empty() {
            return None;
        }
        comps.sort_by_key(|k| corpus.element_index(k));
        savoirs.sort_by_key(|k| corpus.element_index(k));
        let competences: Vec<Fiche> =
            comps.iter().filter_map(|k| Fiche::of(corpus, graph, k)).collect();
        let mut assessed_by: Vec<(Rel, ElementKey)> = graph
            .incoming_links(key)
            .into_iter()
            .filter(|(r, by)| {
                matches!(r, Rel::Evaluates | Rel::Certifies | Rel::Validates)
                    && corpus.element(by).is_some_and(|b| b.kind.family() == Family::Evaluation)
            })
            .map(|(r, by)| (r, by.clone()))
            .collect();
        assessed_by.sort_by_key(|(_, k)| corpus.element_index(k));
        assessed_by.dedup();
        let mut evaluations: Vec<ElementKey> = Vec::new();
        for f in &competences {
            for a in &f.evaluated_by {
                if !evaluations.contains(&a.by) {
                    evaluations.push(a.by.clone());
                }
            }
        }
        evaluations.sort_by_key(|k| corpus.element_index(k));
        Some(BlocFiche { key: key.clone(), competences, savoirs, assessed_by, evaluations })
    }
}

/// The fiche of every compétence, activité and bloc of the corpus, in data order.
pub fn fiches(corpus: &Corpus, graph: &Graph) -> Vec<Fiche> {
    corpus
        .elements
        .iter()
        .filter(|e| e.kind.has_fiche())
        .filter_map(|e| Fiche::of(corpus, graph, &e.key))
        .collect()
}

/// The content of `e` down to the next framework element: items in `own` (document order),
/// framework children in `parts`. Sections and paragraphs are walked through.
fn collect(corpus: &Corpus, e: &Element, own: &mut Vec<ElementKey>, parts: &mut Vec<ElementKey>) {
    for k in &e.children {
        let Some(c) = corpus.element(k) else { continue };
        match c.kind.fiche_part() {
            FichePart::Own => parts.push(k.clone()),
            FichePart::WalkedThrough => collect(corpus, c, own, parts),
            FichePart::Description
            | FichePart::Contexte
            | FichePart::Conditions
            | FichePart::Criteres => own.push(k.clone()),
            FichePart::SavoirFaire => {
                own.push(k.clone());
                collect(corpus, c, own, parts);
            }
            // A savoir entry gathers what is under it.
            FichePart::Savoirs => own.push(k.clone()),
            FichePart::Limites | FichePart::Outside => {}
        }
    }
}

fn descendants_with_fiche(corpus: &Corpus, e: &Element, out: &mut Vec<ElementKey>) {
    for k in &e.children {
        let Some(c) = corpus.element(k) else { continue };
        if c.kind.has_fiche() {
            out.push(k.clone());
        }
        if matches!(c.kind.fiche_part(), FichePart::Own | FichePart::WalkedThrough) {
            descendants_with_fiche(corpus, c, out);
        }
    }
}

fn push_savoir_faire(groups: &mut Vec<SavoirFaireGroup>, sf: &Element) {
    // A savoir-faire detailed under another stays with its parent's group.
    let (block, subtype) = (sf.block, sf.subtype);
    match groups.last_mut() {
        Some(g)
            if (g.block, g.subtype) == (block, subtype)
                || (block.is_none()
                    && subtype.is_none()
                    && sf.parent.as_ref().is_some_and(|p| g.items.contains(p))) =>
        {
            g.items.push(sf.key.clone())
        }
        _ => groups.push(SavoirFaireGroup { block, subtype, items: vec![sf.key.clone()] }),
    }
}

fn savoir_entry(corpus: &Corpus, s: &Element, rel: Option<Rel>) -> SavoirEntry {
    let mut entry =
        SavoirEntry { key: s.key.clone(), rel, savoirs: Vec::new(), limites: Vec::new() };
    fn walk(corpus: &Corpus, e: &Element, entry: &mut SavoirEntry) {
        for k in &e.children {
            let Some(c) = corpus.element(k) else { continue };
            match c.kind.fiche_part() {
                FichePart::Savoirs | FichePart::WalkedThrough => {
                    if c.kind.fiche_part() == FichePart::Savoirs {
                        entry.savoirs.push(k.clone());
                    }
                    walk(corpus, c, entry);
                }
                FichePart::Limites => {
                    entry.limites.push(k.clone());
                    walk(corpus, c, entry);
                }
                _ => {}
            }
        }
    }
    walk(corpus, s, &mut entry);
    entry
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::OnceLock;

    use super::*;
    use crate::ids::{CertId, LocalId};

    fn data() -> &'static (Corpus, Graph) {
        static DATA: OnceLock<(Corpus, Graph)> = OnceLock::new();
        DATA.get_or_init(|| {
            let corpus = crate::load_corpus(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
                .unwrap_or_else(|d| panic!("the data checks: {d:?}"));
            let graph = Graph::build(&corpus);
            (corpus, graph)
        })
    }

    fn key(s: &str) -> ElementKey {
        let (c, l) = s.split_once('/').unwrap();
        ElementKey::new(CertId::new(c), LocalId::new(l))
    }

    fn locals(keys: &[ElementKey]) -> Vec<&str> {
        keys.iter().map(|k| k.local.as_str()).collect()
    }

    fn fiche(s: &str) -> Fiche {
        let (c, g) = data();
        Fiche::of(c, g, &key(s)).unwrap_or_else(|| panic!("{s} has a fiche"))
    }

    #[test]
    fn ntc_2018_cp3_reads_as_its_printed_fiche() {
        let f = fiche("ntc-2018/cp3");
        assert_eq!(locals(&f.path), ["at1"]);
        assert_eq!(locals(&f.description), ["cp3-desc"]);
        assert_eq!(locals(&f.contexte), ["cp3-ctx"]);
        assert_eq!(locals(&f.criteres), ["cp3-cr1", "cp3-cr2", "cp3-cr3", "cp3-cr4", "cp3-cr5"]);
        assert!(f.criteres_inherited.is_empty());
        let sf: usize = f.savoir_faire.iter().map(|g| g.items.len()).sum();
        assert!(sf >= 12, "{sf} savoir-faire");
        assert!(
            f.savoir_faire.iter().all(|g| g.block.is_some()),
            "the REAC numbers its savoir-faire blocks"
        );
        assert!(!f.savoirs.is_empty());
        // Évalué par « Questionnement à partir de production(s) », certifié par le CCP 1 via AT1.
        assert!(
            f.evaluated_by.iter().any(|a| a.by.local.as_str() == "titre-qpp" && a.via.is_none())
        );
        assert!(f.certified_by.iter().any(|a| a.by.local.as_str() == "ccp1"
            && a.via.as_ref().map(|v| v.local.as_str()) == Some("at1")));
    }

    #[test]
    fn no_fiche_lists_a_section_or_a_paragraph() {
        let (c, g) = data();
        for f in fiches(c, g) {
            for k in f.all_items().into_iter().chain(&f.parts).chain(&f.path) {
                let kind = c.element(k).unwrap().kind;
                assert_ne!(kind.family(), Family::Document, "{} lists {k} ({kind})", f.key);
            }
        }
    }

    #[test]
    fn bts_tc_2006_c1_1_1_inherits_the_critères_and_conditions_printed_for_c1() {
        let f = fiche("bts-tc-2006/c1.1.1");
        assert_eq!(locals(&f.path), ["c1", "c1.1"]);
        assert_eq!(locals(&f.savoir_faire[0].items), ["c1.1.1-sf1", "c1.1.1-sf2"]);
        assert!(f.criteres.is_empty());
        assert_eq!(f.criteres_inherited.len(), 1);
        assert_eq!(f.criteres_inherited[0].from, key("bts-tc-2006/c1"));
        assert!(
            locals(&f.criteres_inherited[0].items).starts_with(&["c1-ce1", "c1-ce2", "c1-ce3"])
        );
        // 7 printed before C1.1.1 (1012-1030), 4 on the next page (1111-1123).
        assert_eq!(f.conditions_inherited[0].items.len(), 11);
        assert!(f.certified_by.iter().any(|a| a.by.local.as_str() == "u4" && a.via.is_none()));
    }

    #[test]
    fn a_bts_group_lists_its_sub_compétences_and_what_certifies_them() {
        let f = fiche("bts-tc-2006/c1");
        assert!(f.path.is_empty());
        assert_eq!(locals(&f.parts), ["c1.1", "c1.2"]);
        assert_eq!(f.conditions.len(), 11);
        assert!(f.criteres.len() >= 3);
        assert!(
            f.certified_by
                .iter()
                .any(|a| a.by.local.as_str() == "u4" && a.via == Some(key("bts-tc-2006/c1.1.1")))
        );
    }

    #[test]
    fn bts_nrc_savoirs_associés_come_from_their_links() {
        let f = fiche("bts-nrc/c11");
        assert_eq!(f.criteres_inherited[0].from, key("bts-nrc/c1"));
        let s4 =
            f.savoirs.iter().find(|s| s.key == key("bts-nrc/s4")).expect("S4 is related to C11");
        assert_eq!(s4.rel, Some(Rel::Related));
        assert!(
            !s4.savoirs.is_empty() && !s4.limites.is_empty(),
            "S4 brings its savoirs and limites"
        );
    }

    #[test]
    fn activités_and_fonctions_have_fiches_too() {
        let at = fiche("ntc-2018/at1");
        assert!(locals(&at.parts).starts_with(&["cp1", "cp2", "cp3"]));
        assert!(at.certified_by.iter().any(|a| a.by.local.as_str() == "ccp1" && a.via.is_none()));
        let f1 = fiche("bts-nrc/f1");
        assert_eq!(locals(&f1.parts), ["f1.1", "f1.2", "f1.3"]);
        assert!(f1.contexte.len() >= 10, "conditions d'exercice, autonomie, résultats attendus");
        let ntc_2013 = CertId::new("ntc-2013");
        let bloc =
            data().0.elements_of(&ntc_2013).find(|e| e.kind == Kind::BlocCompetences).unwrap();
        assert!(!fiche(&bloc.key.to_string()).parts.is_empty(), "a bloc lists what it certifies");
    }

    #[test]
    fn a_ccp_prints_the_compétences_of_the_activité_type_it_certifies() {
        let (c, g) = data();
        let b = BlocFiche::of(c, g, &key("ntc-2018/ccp1")).expect("CCP 1 is a bloc");
        let at = fiche("ntc-2018/at1");
        let cps: Vec<&ElementKey> = b.competences.iter().map(|f| &f.key).collect();
        assert_eq!(
            cps,
            at.parts
                .iter()
                .filter(|k| c.element(k).unwrap().kind.is_competence())
                .collect::<Vec<_>>()
        );
        assert!(
            b.competences.iter().all(|f| !f.criteres.is_empty()),
            "every CP of the REAC has critères"
        );
        assert!(!b.evaluations.is_empty(), "the RE's modalités evaluate the CPs");
        // The activité type is printed with the CCP that certifies it.
        let at1 = BlocFiche::of(c, g, &key("ntc-2018/at1")).unwrap();
        assert!(
            at1.assessed_by.iter().any(|(r, k)| *r == Rel::Certifies && k.local.as_str() == "ccp1")
        );
    }

    #[test]
    fn a_bts_unité_prints_the_compétences_and_savoirs_it_certifies() {
        let (c, g) = data();
        let b = BlocFiche::of(c, g, &key("bts-tc-2006/u4")).expect("U4 is a bloc");
        assert_eq!(b.competences.first().map(|f| f.key.local.as_str()), Some("c1.1.1"));
        assert!(
            b.competences.iter().all(|f| f.all_criteres().next().is_some()),
            "critères printed at C1 hold for C1.1.1"
        );
        assert!(b.savoirs.contains(&key("bts-tc-2006/s1.1")));
        assert!(b.assessed_by.iter().any(|(_, k)| k.local.as_str() == "e4"), "E4 validates U4");
        assert!(
            BlocFiche::of(c, g, &key("bts-tc-2006/c1.1.1")).is_none(),
            "a compétence is not a bloc"
        );
    }

    #[test]
    fn only_framework_elements_have_fiches() {
        let (c, g) = data();
        assert!(Fiche::of(c, g, &key("ntc-2018/cp3-cr1")).is_none());
        assert!(Fiche::of(c, g, &key("ntc-2018/cp3-criteres")).is_none());
        let all = fiches(c, g);
        for cert in ["ntc-2018", "ntc-2013", "cc-2017", "bts-nrc", "bts-tc-2006"] {
            let id = CertId::new(cert);
            let competences = c.elements_of(&id).filter(|e| e.kind.is_competence()).count();
            assert!(competences > 0, "{cert}");
            assert_eq!(
                all.iter().filter(|f| f.key.cert == id && f.kind.is_competence()).count(),
                competences,
                "{cert}"
            );
        }
    }
}
