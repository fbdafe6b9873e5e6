//! The printable fiche of a bloc (activité type, CCP, bloc de compétences, BTS unité): every
//! compétence it covers with its critères, conditions, savoir-faire and savoirs, and the épreuves
//! or modalités that evaluate them, on one page that prints compactly on A4.

use serde_json::{Value, json};

use crate::fiche::BlocFiche;
use crate::model::Element;
use crate::present::{named_label, short_cert, truncate};
use crate::site::context::SiteCtx;
use crate::urls;

use super::Page;

/// The page of bloc `e`, or nothing when it covers no compétence (a CCP of a version known only
/// by name).
pub fn render(ctx: &SiteCtx, e: &Element) -> Result<Option<Page>, String> {
    let Some(b) = BlocFiche::of(ctx.corpus, ctx.graph, &e.key) else { return Ok(None) };
    let path = urls::bloc_fiche(&e.key);
    let corpus = ctx.corpus;
    let cert = corpus.cert(&e.key.cert).expect("checked certification");
    let with_facts = |k: &crate::ids::ElementKey| {
        let mut v = ctx.element_link_from_json(&path, k, &e.key.cert);
        let x = corpus.element(k).expect("assessment");
        v["facts"] = json!(
            x.facts
                .iter()
                .map(|f| json!({"label": super::element::fact_label(f.name), "text": f.cite.text}))
                .collect::<Vec<_>>()
        );
        v
    };
    let assessed: Vec<Value> = b
        .assessed_by
        .iter()
        .map(|(rel, k)| {
            let mut v = with_facts(k);
            v["label"] = json!(rel.labels().1);
            v
        })
        .collect();
    // Modalités are grouped by the épreuve or CCP that holds them (the RE prints the titre's
    // modalités, then each CCP's).
    let mut evaluations: Vec<(Option<String>, Vec<Value>)> = Vec::new();
    for k in b.evaluations.iter().filter(|k| !b.assessed_by.iter().any(|(_, a)| a == *k)) {
        let within = corpus
            .element(k)
            .and_then(|x| x.parent.as_ref())
            .and_then(|p| corpus.element(p))
            .filter(|p| p.kind.family() == crate::schema::Family::Evaluation)
            .map(|p| format!("{} : {}", p.kind.label(), truncate(&crate::present::label(p), 90)));
        match evaluations.last_mut() {
            Some((w, items)) if *w == within => items.push(with_facts(k)),
            _ => evaluations.push((within, vec![with_facts(k)])),
        }
    }
    let evaluations: Vec<Value> =
        evaluations.into_iter().map(|(w, items)| json!({"within": w, "items": items})).collect();
    let competences: Vec<Value> = b
        .competences
        .iter()
        .map(|f| {
            let c = corpus.element(&f.key).expect("a fiche's element is in the corpus");
            json!({
                "href": urls::rel(&path, &urls::element(&f.key)),
                "anchor": format!("c-{}", f.key.local),
                "kind": c.kind.label(),
                "code": c.code,
                "rich": ctx.rich(&path, c.text(), &f.key.cert, Some(&f.key)),
                "text": truncate(c.text(), 90),
                "fiche": super::fiche::context(ctx, &path, f),
            })
        })
        .collect();
    // Critères and conditions printed at a group (BTS C1) hold for each compétence below it: the
    // fiche prints them once, under the first of them, and refers to them after.
    let mut competences = competences;
    let mut seen = std::collections::HashSet::new();
    for c in &mut competences {
        for part in ["criteres", "conditions"] {
            if let Some(groups) = c["fiche"][part]["inherited"].as_array_mut() {
                for g in groups {
                    let first = seen.insert((part, g["from"]["href"].to_string()));
                    g["repeat"] = json!(!first);
                }
            }
        }
    }
    let savoirs: Vec<Value> =
        b.savoirs.iter().map(|k| ctx.element_link_from_json(&path, k, &e.key.cert)).collect();
    let title = format!("Fiche imprimable · {}", truncate(&named_label(e), 70));
    let description = crate::words::printable::description(
        e.kind.label(),
        &truncate(&named_label(e), 120),
        &short_cert(cert),
    );
    let mut c = ctx.page_described(&path, &format!("{title} · {}", short_cert(cert)), &description);
    c.insert(
        "cert",
        &json!({"href": urls::rel(&path, &urls::cert(&cert.id)), "title": short_cert(cert)}),
    );
    c.insert("bloc", &json!({
        "href": urls::rel(&path, &urls::element(&e.key)),
        "kind": e.kind.label(),
        "code": e.code,
        "rich": ctx.rich(&path, e.text(), &e.key.cert, Some(&e.key)),
        "facts": e.facts.iter().map(|f| json!({"label": super::element::fact_label(f.name), "text": f.cite.text})).collect::<Vec<_>>(),
    }));
    c.insert("assessed", &assessed);
    c.insert("evaluations", &evaluations);
    c.insert("competences", &competences);
    c.insert("savoirs", &savoirs);
    Ok(Some((path.clone(), ctx.render("printable.html", &c)?)))
}
