//! (#27) What a trainer asks first about a compétence, answered right under its title: how it is
//! evaluated (each modalité named by what it belongs to — « session du titre », « CCP 1 » — with
//! its duration), what the candidate prepares for it (the document's own paragraphs that name the
//! compétence, quoted with their lines), and which CCP, bloc or unité certifies it.

use serde::Serialize;

use crate::fiche::Fiche;
use crate::ids::ElementKey;
use crate::model::Element;
use crate::schema::{CertKind, Kind};
use crate::site::context::{Provenance, SiteCtx};
use crate::urls;

/// The summary under a compétence's title (`summary` in `element.html`).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Summary<'a> {
    evaluated: Vec<Evaluated>,
    certified: Vec<Certified<'a>>,
    prepares: Vec<Prepared<'a>>,
}

/// An épreuve or modalité that evaluates the compétence, named by what it belongs to.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Evaluated {
    href: String,
    name: String,
    owner: Option<String>,
    owner_href: Option<String>,
    duree: Option<String>,
    /// The groups it reaches the compétence through.
    vias: Vec<String>,
}

/// A CCP, bloc or unité that certifies the compétence.
#[derive(Serialize, PartialEq)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Certified<'a> {
    href: String,
    name: String,
    text: &'a str,
    /// Its printable fiche.
    printable: Option<String>,
}

/// A paragraph of the document about what the candidate prepares.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Prepared<'a> {
    text: &'a str,
    provenance: Provenance<'a>,
}

/// The summary of the fiche `f` for its page at `path`; `None` when nothing evaluates or certifies it.
pub fn context<'a>(ctx: &SiteCtx<'a>, path: &str, f: &Fiche) -> Option<Summary<'a>> {
    if f.evaluated_by.is_empty() && f.certified_by.is_empty() {
        return None;
    }
    let corpus = ctx.corpus;
    let e = corpus.element(&f.key)?;
    let cert = corpus.cert(&f.key.cert)?;
    let link = |k: &ElementKey| urls::rel(path, &urls::element(k));
    let mut evaluated: Vec<Evaluated> = Vec::new();
    for a in &f.evaluated_by {
        let Some(by) = corpus.element(&a.by) else { continue };
        // A modalité or situation is named by what it belongs to; an épreuve is itself the owner.
        let owner =
            by.parent.as_ref().and_then(|p| corpus.element(p)).filter(|_| {
                matches!(by.kind, Kind::ModaliteEvaluation | Kind::SituationEvaluation)
            });
        let via = a.via.as_ref().and_then(|v| corpus.element(v)).map(crate::present::named_label);
        let href = link(&a.by);
        // One line per épreuve or modalité: the groups it reaches the compétence through, together.
        if let Some(seen) = evaluated.iter_mut().find(|x| x.href == href) {
            if let Some(v) = via
                && !seen.vias.contains(&v)
            {
                seen.vias.push(v);
            }
            continue;
        }
        evaluated.push(Evaluated {
            href,
            name: by.code.clone().unwrap_or_else(|| by.text().to_string()),
            owner: owner.map(|o| owner_name(ctx, cert.kind, o)),
            owner_href: owner.map(|o| link(&o.key)),
            duree: by
                .facts
                .iter()
                .find(|x| x.name == "duree")
                .map(|x| x.cite.text.trim().to_string()),
            vias: via.into_iter().collect(),
        });
    }
    let certified = f
        .certified_by
        .iter()
        .filter_map(|a| corpus.element(&a.by))
        .map(|by| {
            let printable = by.kind.is_bloc()
                && crate::fiche::BlocFiche::of(corpus, ctx.graph, &by.key).is_some();
            Certified {
                href: link(&by.key),
                name: owner_name(ctx, cert.kind, by),
                text: by.text(),
                printable: printable.then(|| urls::rel(path, &urls::bloc_fiche(&by.key))),
            }
        })
        .fold(Vec::new(), |mut v, x| {
            if !v.contains(&x) {
                v.push(x);
            }
            v
        });
    let prepares = prepared(ctx, e)
        .into_iter()
        .map(|p| Prepared { text: p.text(), provenance: ctx.provenance(path, &p.cite) })
        .collect();
    Some(Summary { evaluated, certified, prepares })
}

/// What a modalité belongs to, as a reader names it: « CCP 1 » (its rank among the
/// certification's CCP, as the REAC numbers them), « session du titre » for the épreuve of a titre
/// professionnel's own session, otherwise the element's code or label.
fn owner_name(ctx: &SiteCtx, cert_kind: CertKind, o: &Element) -> String {
    use crate::words::summary;
    match o.kind {
        Kind::Ccp => {
            let rank = ctx
                .corpus
                .elements_of(&o.key.cert)
                .filter(|x| x.kind == Kind::Ccp)
                .position(|x| x.key == o.key);
            match (&o.code, rank) {
                (Some(c), _) => format!("{} {c}", summary::ccp),
                (None, Some(n)) => format!("{} {}", summary::ccp, n + 1),
                (None, None) => crate::present::named_label(o),
            }
        }
        Kind::Epreuve if cert_kind == CertKind::TitreProfessionnel => {
            summary::session_du_titre.to_string()
        }
        _ => o.code.clone().unwrap_or_else(|| crate::present::truncate(o.text(), 60)),
    }
}

/// The paragraphs of the certification that name the compétence between « », each with the
/// nearest paragraph before it, in the same section, that names no compétence (the instructions
/// these belong to: « le candidat rédige trois documents … »). Matched on the exact text.
fn prepared<'c>(ctx: &SiteCtx<'c>, e: &Element) -> Vec<&'c Element> {
    let corpus = ctx.corpus;
    let quoted = format!("« {} »", e.text().trim());
    if e.text().trim().chars().count() < 12 {
        return Vec::new();
    }
    let names_some_competence = |p: &Element| p.text().contains('«') && p.text().contains('»');
    let mut out: Vec<&Element> = Vec::new();
    for p in corpus
        .elements_of(&e.key.cert)
        .filter(|p| p.kind == Kind::Paragraphe && p.text().contains(&quoted))
    {
        if let Some(parent) = p.parent.as_ref().and_then(|k| corpus.element(k)) {
            let before = parent
                .children
                .iter()
                .take_while(|k| **k != p.key)
                .filter_map(|k| corpus.element(k));
            if let Some(lead) =
                before.filter(|s| s.kind == Kind::Paragraphe && !names_some_competence(s)).last()
                && !out.iter().any(|x| x.key == lead.key)
            {
                out.push(lead);
            }
        }
        if !out.iter().any(|x| x.key == p.key) {
            out.push(p);
        }
    }
    out
}
