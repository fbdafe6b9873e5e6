//! The REAC / RC template of the ministry of employment: « FICHE EMPLOI TYPE », « FICHE ACTIVITÉ
//! TYPE N° n », « FICHE COMPÉTENCE PROFESSIONNELLE N° n » (description, contexte(s), critères
//! de performance, savoir-faire and savoirs), « FICHE DES COMPÉTENCES TRANSVERSALES », the
//! glossaries, and the référentiel d'évaluation's modalités. Parts are recognised by the
//! template's own headings (matched folded: lower case, no accents), never by a document's
//! titles, codes or line numbers; what the template does not name is drafted as sections and
//! paragraphs.

use super::doc::Doc;
use super::draft::{Draft, blocks, items};
use super::generic;
use crate::words::import as w;

/// A heading of the template.
#[derive(Clone, Copy, Debug, PartialEq)]
enum H {
    EmploiType,
    Activite(u32),
    Competence(u32),
    Transversales,
    Definition,
    Reglementation,
    ListeCp,
    CtsOfAt,
    Description,
    Contexte,
    Criteres,
    /// The savoir-faire / savoirs list; `Some(subtype)` when the heading names one kind only.
    Savoirs(Option<&'static str>),
    Glossaire,
    /// The end of the REAC proper (its copyright notice): what follows is another part.
    End,
    /// « Modalités Compétences évaluées Durée … »: the head of a table of modalités (RE).
    Modalites,
    /// « CCP » alone on its line, above a certificat's title (RE).
    Ccp,
    /// « Modalités d'évaluation des compétences et organisation de l'épreuve » (RE): the épreuve of
    /// the titre, or the heading of a CCP's table.
    Epreuve,
}

/// The longest line a heading of the template takes (a glossary's name), in characters.
const HEADING_CHARS: usize = 110;

fn number(fold: &str) -> u32 {
    let after = fold.rsplit("n\u{b0}").next().unwrap_or("");
    after
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|d| d.parse().ok())
        .unwrap_or(0)
}

fn heading(doc: &Doc, n: usize) -> Option<H> {
    let l = doc.line(n);
    if l.noise {
        return l.fold.starts_with("reproduction interdite").then_some(H::End);
    }
    let f = l.fold.as_str();
    let short = l.clean.chars().count() <= HEADING_CHARS;
    let h = if f.starts_with("fiche emploi type") {
        H::EmploiType
    } else if f.starts_with("fiche activite type") {
        H::Activite(number(f))
    } else if f.starts_with("fiche competence professionnelle") {
        H::Competence(number(f))
    } else if f.starts_with("fiche des competences transversales") {
        H::Transversales
    } else if f.starts_with("definition, description de l'activite type") {
        H::Definition
    } else if f.starts_with("reglementation d'activites") {
        H::Reglementation
    } else if f.starts_with("liste des competences professionnelles de l'activite") {
        H::ListeCp
    } else if f.starts_with("competences transversales de l'activite type") {
        H::CtsOfAt
    } else if f.starts_with("description de la competence") {
        H::Description
    } else if f.starts_with("contexte(s) professionnel(s) de mise en oeuvre")
        || f.starts_with("contexte professionnel de mise en oeuvre")
    {
        H::Contexte
    } else if f == "criteres de performance" {
        H::Criteres
    } else if f.starts_with("savoir-faire techniques, savoir-faire") {
        H::Savoirs(None)
    } else if f == "savoir-faire techniques" {
        H::Savoirs(Some("technique"))
    } else if f == "savoir-faire organisationnels" {
        H::Savoirs(Some("organisationnel"))
    } else if f == "savoir-faire relationnels" {
        H::Savoirs(Some("relationnel"))
    } else if f == "savoirs" {
        H::Savoirs(Some("savoir"))
    } else if f.starts_with("glossaire") && short {
        H::Glossaire
    } else if f.starts_with("modalites competences evaluees") {
        H::Modalites
    } else if f == "ccp" {
        H::Ccp
    } else if f.contains("modalites d'evaluation des competences et organisation de l'epreuve") {
        H::Epreuve
    } else {
        return None;
    };
    Some(h)
}

/// Draft the elements of a REAC (or REAC + RE) document.
pub(crate) fn recognise(doc: &Doc) -> Draft {
    let mut d = Draft::default();
    let heads: Vec<(usize, H)> =
        (1..=doc.len()).filter_map(|n| heading(doc, n).map(|h| (n, h))).collect();
    // Compétence titles listed under each activité type (« Liste des compétences … »): they give
    // each fiche compétence its activité type.
    let mut listed: Vec<(String, String)> = Vec::new();
    let mut r = Reader {
        doc,
        d: &mut d,
        owner: None,
        at: None,
        section: None,
        in_cts: false,
        after_end: false,
        re: None,
        after_ccp: false,
    };
    if let Some(&(first, _)) = heads.first() {
        generic::region(r.doc, r.d, 1, first - 1, None);
    } else {
        generic::region(doc, &mut d, 1, doc.len(), None);
        return d;
    }
    for (i, &(n, h)) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(doc.len(), |&(m, _)| m - 1);
        let next = heads.get(i + 1).map(|&(_, h)| h);
        r.part(h, n, end, next, &mut listed);
    }
    d
}

struct Reader<'a> {
    doc: &'a Doc,
    d: &'a mut Draft,
    /// The activité type or compétence whose fiche is being read.
    owner: Option<String>,
    /// The activité type of the fiche being read, or of the last one.
    at: Option<String>,
    /// The section of the emploi type, for the parts that are not fiches.
    section: Option<String>,
    in_cts: bool,
    after_end: bool,
    /// The épreuve or CCP whose modalités are being read (RE), and whether the last heading was
    /// « CCP ».
    re: Option<String>,
    after_ccp: bool,
}

impl Reader<'_> {
    fn part(
        &mut self,
        h: H,
        n: usize,
        end: usize,
        next: Option<H>,
        listed: &mut Vec<(String, String)>,
    ) {
        let doc = self.doc;
        let after_ccp = std::mem::replace(&mut self.after_ccp, h == H::Ccp);
        match h {
            H::Ccp => {
                self.owner = None;
                let bs = blocks(doc, n + 1, end);
                let Some(&(a, b)) = bs.first() else {
                    generic::region(doc, self.d, n, end, self.section.as_deref());
                    return;
                };
                let id = self.d.add(doc, "ccp#", "ccp", self.section.as_deref(), a, b);
                self.d.add(doc, &format!("{id}-entete"), "paragraphe", Some(&id), n, n);
                self.re = Some(id.clone());
                generic::region(doc, self.d, b + 1, end, Some(&id));
            }
            H::Epreuve => {
                let parent = if after_ccp { self.re.clone() } else { self.section.clone() };
                if after_ccp {
                    let s = self.d.add(doc, "epreuve-s#", "section", parent.as_deref(), n, n);
                    generic::region(doc, self.d, n + 1, end, Some(&s));
                } else {
                    let id = self.d.add(doc, "epreuve#", "epreuve", parent.as_deref(), n, n);
                    self.re = Some(id.clone());
                    generic::region(doc, self.d, n + 1, end, Some(&id));
                }
                self.after_ccp = after_ccp;
            }
            H::End => {
                self.after_end = true;
                self.owner = None;
                self.in_cts = false;
                generic::region(doc, self.d, n + 1, end, None);
            }
            H::EmploiType => {
                self.owner = None;
                self.in_cts = false;
                let s = self.d.add(doc, "fet", "section", None, n, n);
                self.section = Some(s.clone());
                let bs = blocks(doc, n + 1, end);
                if let Some(&(a, b)) = bs.first() {
                    self.d.add(doc, "fet-titre", "paragraphe", Some(&s), a, b);
                    self.d.title = Some((doc.text(a, b), a, b));
                    generic::region(doc, self.d, b + 1, end, Some(&s));
                }
            }
            H::Activite(k) | H::Competence(k) => {
                self.in_cts = false;
                let is_at = matches!(h, H::Activite(_));
                let bs = blocks(doc, n + 1, end);
                let Some(&(a, b)) = bs.first() else {
                    let id = if is_at { format!("at{k}-fiche") } else { format!("cp{k}-fiche") };
                    self.d.add(doc, &id, "paragraphe", self.owner.as_deref(), n, n);
                    self.d.uncertain(w::UNCERTAIN_NO_TITLE);
                    return;
                };
                let id = if is_at {
                    let id = self.d.add(doc, &format!("at{k}"), "activite_type", None, a, b);
                    self.at = Some(id.clone());
                    id
                } else {
                    let title = super::doc::fold(&doc.text(a, b));
                    let parent = listed.iter().find(|(t, _)| *t == title).map(|(_, at)| at.clone());
                    let sure = parent.is_some();
                    let parent = parent.or_else(|| self.at.clone());
                    let id = self.d.add(
                        doc,
                        &format!("cp{k}"),
                        "competence_professionnelle",
                        parent.as_deref(),
                        a,
                        b,
                    );
                    if !sure {
                        self.d.uncertain(w::UNCERTAIN_CP_PARENT);
                    }
                    id
                };
                if k == 0 {
                    self.d.uncertain(w::UNCERTAIN_NO_NUMBER);
                }
                self.d.add(doc, &format!("{id}-fiche"), "paragraphe", Some(&id), n, n);
                self.owner = Some(id.clone());
                generic::region(doc, self.d, b + 1, end, Some(&id));
            }
            H::Transversales => {
                self.owner = None;
                self.in_cts = true;
                let s = self.d.add(doc, "cts", "section", None, n, n);
                self.section = Some(s);
                self.body(n + 1, end, next, |r, a, b| generic::region(r.doc, r.d, a, b, None));
            }
            H::Glossaire => self.glossary(n, end),
            H::Modalites => {
                self.after_ccp = after_ccp;
                let parent = self.re.clone().or_else(|| self.section.clone());
                super::re::modalites(doc, self.d, n, end, parent.as_deref())
            }
            _ => {
                let Some(owner) = self.owner.clone().or_else(|| self.section.clone()) else {
                    generic::region(doc, self.d, n, end, None);
                    return;
                };
                let (suffix, kind) = match h {
                    H::Definition => ("definition", Some("description")),
                    H::Description => ("description", Some("description")),
                    H::Contexte => ("contexte", Some("contexte")),
                    H::Reglementation => ("reglementation", None),
                    H::ListeCp => ("liste-cp", None),
                    H::CtsOfAt => ("cts", None),
                    H::Criteres => ("criteres", None),
                    _ => ("savoirs", None),
                };
                let s =
                    self.d.add(doc, &format!("{owner}-{suffix}"), "section", Some(&owner), n, n);
                let at = self.at.clone();
                self.body(n + 1, end, next, |r, a, b| match h {
                    H::Criteres => {
                        r.list(a, b, &s, &format!("{owner}-cr"), |_| "critere_performance")
                    }
                    H::Savoirs(sub) => r.savoirs(a, b, &s, &owner, sub),
                    H::ListeCp => {
                        for (x, y, _, _) in items(r.doc, a, b) {
                            let t = super::doc::fold(&r.doc.text(x, y));
                            if let Some(at) = &at {
                                listed.push((t, at.clone()));
                            }
                            r.d.add(r.doc, &format!("{s}-p#"), "paragraphe", Some(&s), x, y);
                        }
                    }
                    _ => {
                        for (x, y) in blocks(r.doc, a, b) {
                            let id = match kind {
                                Some("description") => format!("{owner}-desc#"),
                                Some("contexte") => format!("{owner}-ctx#"),
                                _ => format!("{s}-p#"),
                            };
                            r.d.add(r.doc, &id, kind.unwrap_or("paragraphe"), Some(&s), x, y);
                        }
                    }
                });
            }
        }
    }

    /// The body of a part, lines `a..=end`; in the fiche of the compétences transversales, the
    /// last block before a « Description de la compétence » heading is the next compétence's
    /// title, taken out of the body and drafted as a `competence_transversale`.
    fn body(
        &mut self,
        a: usize,
        end: usize,
        next: Option<H>,
        mut f: impl FnMut(&mut Self, usize, usize),
    ) {
        if self.in_cts && next == Some(H::Description) {
            let bs = blocks(self.doc, a, end);
            if let Some(&(x, y)) = bs.last() {
                if x > a {
                    f(self, a, x - 1);
                }
                let k =
                    self.d.elements.iter().filter(|e| e.kind == "competence_transversale").count()
                        + 1;
                let parent = self.section.clone();
                let id = self.d.add(
                    self.doc,
                    &format!("ct{k}"),
                    "competence_transversale",
                    parent.as_deref(),
                    x,
                    y,
                );
                self.owner = Some(id);
                return;
            }
        }
        if a <= end {
            f(self, a, end);
        }
    }

    /// One element per item of the list, ids `{prefix}{k}`.
    fn list(
        &mut self,
        a: usize,
        b: usize,
        parent: &str,
        prefix: &str,
        kind: impl Fn(&str) -> &'static str,
    ) {
        for (x, y, _, reason) in items(self.doc, a, b) {
            let kind = kind(&self.doc.line(x).fold);
            self.d.add(self.doc, &format!("{prefix}#"), kind, Some(parent), x, y);
            if let Some(r) = reason {
                self.d.uncertain(&r);
            }
        }
    }

    /// The savoir-faire and savoirs: a « Connaissance … » item is a savoir, any other a
    /// savoir-faire; each with its block number.
    fn savoirs(
        &mut self,
        a: usize,
        b: usize,
        parent: &str,
        owner: &str,
        sub: Option<&'static str>,
    ) {
        let (mut sf, mut sv) = (0, 0);
        for (x, y, block, reason) in items(self.doc, a, b) {
            let savoir = sub == Some("savoir")
                || (sub.is_none() && self.doc.line(x).fold.starts_with("connaissance"));
            let id = if savoir {
                sv += 1;
                format!("{owner}-sv{sv}")
            } else {
                sf += 1;
                format!("{owner}-sf{sf}")
            };
            self.d.add(
                self.doc,
                &id,
                if savoir { "savoir" } else { "savoir_faire" },
                Some(parent),
                x,
                y,
            );
            self.d.block(block);
            if let Some(r) = reason {
                self.d.uncertain(&r);
            }
            if let (Some(s), false) = (sub, savoir) {
                self.d.subtype(s);
            }
        }
    }

    /// A glossary: its heading (continued on the next lines when they open in lower case), then
    /// terms and their definitions. A term is a short line after a blank line, after a line that
    /// ends a sentence, that does not end like one itself; its definition runs to the next term.
    fn glossary(&mut self, n: usize, end: usize) {
        let doc = self.doc;
        self.owner = None;
        self.in_cts = false;
        let mut head_end = n;
        while head_end < end && doc.line(head_end + 1).clean.starts_with(char::is_lowercase) {
            head_end += 1;
        }
        let k = self.d.elements.iter().filter(|e| e.kind == "glossaire").count() + 1;
        let g = self.d.add(doc, &format!("gl{k}"), "glossaire", None, n, head_end);
        let mut terms = Vec::new();
        let mut prev: Option<usize> = None;
        for m in head_end + 1..=end {
            if doc.skip(m) {
                continue;
            }
            let l = doc.line(m);
            // A term opens a paragraph: after a blank line, or set in from the margin.
            let blank_before = m > 1 && doc.line(m - 1).clean.is_empty() || l.raw.starts_with(' ');
            let ends_sentence = prev.is_none_or(|p| {
                let c = doc.line(p).clean.trim_end().to_string();
                c.ends_with('.') || c.ends_with(')') || c.ends_with('\u{bb}') || c.ends_with('"')
            });
            let looks = l.clean.chars().count() <= 70
                && l.clean.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !l.clean.ends_with(['.', ',', ':', ';']);
            if (prev.is_none() || (blank_before && ends_sentence)) && looks {
                terms.push(m);
            }
            prev = Some(m);
        }
        for (i, &t) in terms.iter().enumerate() {
            let stop = terms.get(i + 1).map_or(end, |&u| u - 1);
            let id = self.d.add(doc, &format!("{g}-t{}", i + 1), "terme", Some(&g), t, t);
            if t < stop && (t + 1..=stop).any(|m| !doc.skip(m)) {
                self.d.add(doc, &format!("{id}-def"), "definition", Some(&id), t + 1, stop);
            } else {
                self.d.uncertain(w::UNCERTAIN_NO_DEFINITION);
            }
        }
        if terms.is_empty() && head_end < end {
            generic::region(doc, self.d, head_end + 1, end, Some(&g));
        }
    }
}
