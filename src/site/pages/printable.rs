//! The printable fiche of a bloc (activité type, CCP, bloc de compétences, BTS unité): every
//! compétence it covers with its critères, conditions, savoir-faire and savoirs, and the épreuves
//! or modalités that evaluate them, on one page that prints compactly on A4.

use serde::Serialize;

use crate::fiche::BlocFiche;
use crate::model::Element;
use crate::present::{named_label, short_cert, truncate};
use crate::site::context::{CertLink, ElementLink, Fact, SiteCtx, WithFacts};
use crate::urls;

use super::Page;
use super::fiche::FicheView;

/// `printable.html`: a bloc and every compétence it covers.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(super) struct Printable<'a> {
    cert: CertLink,
    bloc: Bloc<'a>,
    /// What validates or certifies the bloc itself.
    assessed: Vec<Assessed<'a>>,
    /// What evaluates its compétences, by what holds it.
    evaluations: Vec<Within<'a>>,
    competences: Vec<Competence<'a>>,
    savoirs: Vec<ElementLink>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Bloc<'a> {
    href: String,
    kind: &'static str,
    code: &'a Option<String>,
    rich: String,
    facts: Vec<Fact<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Assessed<'a> {
    #[serde(flatten)]
    by: WithFacts<'a>,
    /// The relation, read backwards (« Certifié par »).
    label: &'static str,
}

/// The modalités held by one épreuve or CCP (`within`: « Épreuve : … »).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Within<'a> {
    within: Option<String>,
    items: Vec<WithFacts<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Competence<'a> {
    href: String,
    anchor: String,
    kind: &'static str,
    code: &'a Option<String>,
    rich: String,
    text: String,
    fiche: FicheView<'a>,
}

/// The page of bloc `e`, or nothing when it covers no compétence (a CCP of a version known only
/// by name).
pub fn render<'a>(ctx: &SiteCtx<'a>, e: &'a Element) -> Result<Option<Page>, crate::site::Error> {
    let Some(b) = BlocFiche::of(ctx.corpus, ctx.graph, &e.key) else { return Ok(None) };
    let path = urls::bloc_fiche(&e.key);
    let corpus = ctx.corpus;
    let cert = corpus.cert(&e.key.cert).expect("checked certification");
    let with_facts = |k: &crate::ids::ElementKey| WithFacts {
        link: ctx.element_link_from(&path, k, &e.key.cert),
        facts: Fact::all(corpus.element(k).expect("assessment")),
    };
    let assessed = b
        .assessed_by
        .iter()
        .map(|(rel, k)| Assessed { by: with_facts(k), label: rel.labels().1 })
        .collect();
    // Modalités are grouped by the épreuve or CCP that holds them (the RE prints the titre's
    // modalités, then each CCP's).
    let mut evaluations: Vec<Within> = Vec::new();
    for k in b.evaluations.iter().filter(|k| !b.assessed_by.iter().any(|(_, a)| a == *k)) {
        let within = corpus
            .element(k)
            .and_then(|x| x.parent.as_ref())
            .and_then(|p| corpus.element(p))
            .filter(|p| p.kind.family() == crate::schema::Family::Evaluation)
            .map(|p| format!("{} : {}", p.kind.label(), truncate(&crate::present::label(p), 90)));
        match evaluations.last_mut() {
            Some(w) if w.within == within => w.items.push(with_facts(k)),
            _ => evaluations.push(Within { within, items: vec![with_facts(k)] }),
        }
    }
    let mut competences: Vec<Competence> = b
        .competences
        .iter()
        .map(|f| {
            let c = corpus.element(&f.key).expect("a fiche's element is in the corpus");
            Competence {
                href: urls::rel(&path, &urls::element(&f.key)),
                anchor: format!("c-{}", f.key.local),
                kind: c.kind.label(),
                code: &c.code,
                rich: ctx.rich(&path, c.text(), &f.key.cert, Some(&f.key)),
                text: truncate(c.text(), 90),
                fiche: super::fiche::context(ctx, &path, f),
            }
        })
        .collect();
    // Critères and conditions printed at a group (BTS C1) hold for each compétence below it: the
    // fiche prints them once, under the first of them, and refers to them after.
    let mut seen = std::collections::HashSet::new();
    for c in &mut competences {
        for (part, with) in
            [("criteres", &mut c.fiche.criteres), ("conditions", &mut c.fiche.conditions)]
        {
            for g in &mut with.inherited {
                let first = seen.insert((part, g.from.href.clone()));
                g.repeat = !first;
            }
        }
    }
    let savoirs = b.savoirs.iter().map(|k| ctx.element_link_from(&path, k, &e.key.cert)).collect();
    let title = format!("Fiche imprimable · {}", truncate(&named_label(e), 70));
    let description = crate::words::printable::description(
        e.kind.label(),
        &truncate(&named_label(e), 120),
        &short_cert(cert),
    );
    let base = ctx.base_described(&path, &format!("{title} · {}", short_cert(cert)), &description);
    let body = Printable {
        cert: ctx.cert_link(&path, cert),
        bloc: Bloc {
            href: urls::rel(&path, &urls::element(&e.key)),
            kind: e.kind.label(),
            code: &e.code,
            rich: ctx.rich(&path, e.text(), &e.key.cert, Some(&e.key)),
            facts: Fact::all(e),
        },
        assessed,
        evaluations,
        competences,
        savoirs,
    };
    Ok(Some((path.clone(), ctx.render_page("printable.html", base, &body)?)))
}
