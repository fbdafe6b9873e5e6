//! A compétence's fiche as the templates read it: each part of [`crate::fiche::Fiche`] with its
//! heading and its items' full texts, in the order a trainer reads a fiche.

use serde_json::{Value, json};

use crate::fiche::{Assessment, Fiche, Inherited};
use crate::ids::ElementKey;
use crate::present::{fiche_heading, savoir_faire_group, truncate};
use crate::site::context::SiteCtx;
use crate::urls;

/// The fiche of an element for its page at `path`.
pub fn context(ctx: &SiteCtx, path: &str, f: &Fiche) -> Value {
    let corpus = ctx.corpus;
    let item = |k: &ElementKey| -> Value {
        let e = corpus.element(k).expect("fiche item");
        let sub =
            e.parent.as_ref().and_then(|p| corpus.element(p)).is_some_and(|p| p.kind == e.kind);
        json!({
            "href": urls::rel(path, &urls::element(k)),
            "code": e.code,
            "rich": ctx.rich(path, e.text(), &k.cert, None),
            "text": truncate(e.text(), 160),
            "kind": e.kind.label(),
            "sub": sub,
        })
    };
    let group_title = |k: &ElementKey| {
        let e = corpus.element(k).expect("group");
        json!({"href": urls::rel(path, &urls::element(k)), "label": truncate(&crate::present::named_label(e), 90)})
    };
    let inherited = |v: &[Inherited]| -> Vec<Value> {
        v.iter().map(|i| json!({"from": group_title(&i.from), "items": i.items.iter().map(item).collect::<Vec<_>>()})).collect()
    };
    // Items of one role grouped under their kind's plural ("Critères de performance").
    let by_kind = |keys: &[ElementKey]| -> Vec<Value> {
        let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
        for k in keys {
            let h = corpus.element(k).expect("item").kind.plural().to_string();
            match groups.iter_mut().find(|(g, _)| *g == h) {
                Some((_, v)) => v.push(item(k)),
                None => groups.push((h, vec![item(k)])),
            }
        }
        groups.into_iter().map(|(h, items)| json!({"heading": h, "items": items})).collect()
    };
    let assessment = |a: &Assessment| -> Value {
        let mut v = ctx.element_link_from_json(path, &a.by, &f.key.cert);
        v["label"] = json!(a.rel.labels().1);
        v["via"] = json!(a.via.as_ref().map(&group_title));
        v
    };
    let criteres_kind = f
        .all_criteres()
        .next()
        .map(|k| corpus.element(k).expect("critère").kind.plural().to_string());
    let savoirs: Vec<Value> = f
        .savoirs
        .iter()
        .map(|s| {
            json!({
                "item": item(&s.key),
                "linked": s.rel.map(|r| r.labels().0),
                "savoirs": s.savoirs.iter().map(item).collect::<Vec<_>>(),
                "limites": s.limites.iter().map(item).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "path": f.path.iter().map(group_title).collect::<Vec<_>>(),
        "parts": { "heading": fiche_heading("parts"), "groups": by_kind(&f.parts) },
        "description": { "heading": fiche_heading("description"), "items": f.description.iter().map(item).collect::<Vec<_>>() },
        "contexte": { "heading": fiche_heading("contexte"), "groups": by_kind(&f.contexte) },
        "conditions": {
            "heading": fiche_heading("conditions"),
            "items": f.conditions.iter().map(item).collect::<Vec<_>>(),
            "inherited": inherited(&f.conditions_inherited),
        },
        "criteres": {
            "heading": criteres_kind.unwrap_or_else(|| fiche_heading("criteres").to_string()),
            "items": f.criteres.iter().map(item).collect::<Vec<_>>(),
            "inherited": inherited(&f.criteres_inherited),
        },
        "savoir_faire": {
            "heading": fiche_heading("savoir_faire"),
            "groups": f.savoir_faire.iter().map(|g| json!({
                "heading": savoir_faire_group(g.block, g.subtype),
                "items": g.items.iter().map(item).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
        "savoirs": { "heading": fiche_heading("savoirs"), "items": savoirs },
        "evaluation": {
            "heading": fiche_heading("evaluation"),
            "evaluated": f.evaluated_by.iter().map(assessment).collect::<Vec<_>>(),
            "certified": f.certified_by.iter().map(assessment).collect::<Vec<_>>(),
        },
    })
}
