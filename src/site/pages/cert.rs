//! The certification page (identity, whole structure as a collapsible tree, evaluation, tables)
//! and its printable document.

use serde_json::{json, Value};

use crate::ids::ElementKey;
use crate::model::{Certification, Element};
use crate::schema::Kind;
use crate::present::{label, short_cert, truncate};
use crate::site::context::{escape, SiteCtx};
use crate::site::richtext::markdown;
use crate::urls;

use super::Page;

/// Identity of a certification, shared by its page, the home page and the document.
pub fn identity(ctx: &SiteCtx, from: &str, c: &Certification) -> Value {
    let cert_link = |id: &crate::ids::CertId| {
        ctx.corpus.cert(id).map(|o| json!({"href": urls::rel(from, &urls::cert(id)), "title": short_cert(o)}))
    };
    let mut preds: Vec<Value> = c.predecessors.iter().filter_map(|l| cert_link(&l.id)).collect();
    let mut succs: Vec<Value> = c.successors.iter().filter_map(|l| cert_link(&l.id)).collect();
    // Succession stated on the other side only still shows on both.
    for o in &ctx.corpus.certs {
        if o.successors.iter().any(|l| l.id == c.id) && !c.predecessors.iter().any(|l| l.id == o.id) {
            preds.extend(cert_link(&o.id));
        }
        if o.predecessors.iter().any(|l| l.id == c.id) && !c.successors.iter().any(|l| l.id == o.id) {
            succs.extend(cert_link(&o.id));
        }
    }
    json!({
        "id": c.id.as_str(),
        "href": urls::rel(from, &urls::cert(&c.id)),
        "title": c.title.text,
        "short": short_cert(c),
        "kind": c.kind.label(),
        "version": c.version,
        "sigle": c.sigle.as_ref().map(|s| s.text.clone()),
        "only_named": c.only_named,
        "codes": c.codes.iter().map(|k| json!({
            "system": k.system.label(),
            "code": k.code,
            "label": k.label,
            "href": urls::rel(from, &urls::code(k.system, &k.code)),
        })).collect::<Vec<_>>(),
        "levels": c.levels.iter().map(|l| json!({"text": l.cite.text})).collect::<Vec<_>>(),
        "dates": c.dates.iter().map(|d| json!({"role": d.role.label(), "text": d.cite.text, "iso": d.iso})).collect::<Vec<_>>(),
        "predecessors": preds,
        "successors": succs,
        "note": c.note.as_deref().map(markdown),
        "elements": ctx.corpus.elements_of(&c.id).count(),
        "provenance": ctx.provenance(from, &c.title),
    })
}

/// The nested tree of a certification's elements, as HTML.
fn tree(ctx: &SiteCtx, from: &str, keys: &[&ElementKey], depth: usize, out: &mut String) {
    out.push_str(if depth == 0 { "<ul class=\"tree\">" } else { "<ul>" });
    for k in keys {
        let e = ctx.corpus.element(k).expect("element");
        let a = format!(
            "<a href=\"{}\"><span class=\"k\">{}</span> {}</a>",
            escape(&urls::rel(from, &urls::element(k))),
            escape(e.kind.label()),
            escape(&truncate(&label(e), 140))
        );
        if e.children.is_empty() {
            out.push_str(&format!("<li>{a}</li>"));
        } else {
            // The link stays outside <summary>: a summary must hold no interactive content.
            let open = if depth == 0 { " open" } else { "" };
            let n = e.children.len();
            out.push_str(&format!("<li>{a}<details{open}><summary>{n} sous-élément{}</summary>", if n > 1 { "s" } else { "" }));
            let kids: Vec<&ElementKey> = e.children.iter().collect();
            tree(ctx, from, &kids, depth + 1, out);
            out.push_str("</details></li>");
        }
    }
    out.push_str("</ul>");
}


pub fn render(ctx: &SiteCtx, c: &Certification) -> Result<Vec<Page>, String> {
    let path = urls::cert(&c.id);
    let top: Vec<&ElementKey> = ctx.corpus.elements_of(&c.id).filter(|e| e.parent.is_none()).map(|e| &e.key).collect();
    let mut tree_html = String::new();
    if !top.is_empty() {
        tree(ctx, &path, &top, 0, &mut tree_html);
    }
    let evaluation: Vec<Value> = ctx
        .corpus
        .elements_of(&c.id)
        .filter(|e| matches!(e.kind, Kind::Epreuve | Kind::Unite | Kind::Ccp))
        .map(|e| {
            let mut v = ctx.element_link(&path, &e.key);
            v["facts"] = json!(e.facts.iter().map(|f| json!({"label": super::element::fact_label(f.name), "text": f.cite.text})).collect::<Vec<_>>());
            v
        })
        .collect();
    let matrices: Vec<Value> = ctx
        .corpus
        .matrices
        .iter()
        .filter(|m| m.cert == c.id)
        .map(|m| json!({
            "href": urls::rel(&path, &urls::matrix(&m.cert, &m.id)),
            "title": m.title.text,
            "size": format!("{} × {}", m.rows.len(), m.columns.len()),
            "lost": m.count(crate::schema::CellState::Lost),
            "uncertain": m.count(crate::schema::CellState::Uncertain),
        }))
        .collect();
    let correspondences: Vec<Value> = ctx
        .corpus
        .correspondences
        .iter()
        .filter(|t| t.from == c.id || t.to == c.id)
        .map(|t| json!({
            "href": urls::rel(&path, &urls::correspondence(&t.id)),
            "title": t.title.as_ref().map(|x| x.text.clone()).unwrap_or_else(|| t.id.to_string()),
            "status": crate::crosswalk::Status::from(t.status).name(),
            "status_label": crate::crosswalk::Status::from(t.status).label(),
            "pairs": t.pairs.len(),
            "other": ctx.corpus.cert(if t.from == c.id { &t.to } else { &t.from }).map(short_cert),
        }))
        .collect();
    let counts: Vec<Value> = ctx.corpus.counts(&c.id).into_iter().map(|(k, n)| json!({"kind": k.label(), "n": n})).collect();

    let mut cx = ctx.page(&path, &short_cert(c));
    cx.insert("cert", &identity(ctx, &path, c));
    cx.insert("tree", &tree_html);
    cx.insert("evaluation", &evaluation);
    cx.insert("matrices", &matrices);
    cx.insert("correspondences", &correspondences);
    cx.insert("counts", &counts);
    cx.insert("downloads", &super::downloads::of_cert(ctx, &path, &c.id));
    cx.insert("document", &urls::rel(&path, &urls::cert_document(&c.id)));
    let page = (path.clone(), ctx.render("cert.html", &cx)?);

    // The printable document: every element in order, headings for those with children.
    let dpath = urls::cert_document(&c.id);
    let mut body = String::new();
    for k in &top {
        document(ctx, &dpath, ctx.corpus.element(k).expect("element"), 2, &mut body);
    }
    let mut dx = ctx.page(&dpath, &short_cert(c));
    dx.insert("cert", &identity(ctx, &dpath, c));
    dx.insert("body", &body);
    dx.insert("back", &urls::rel(&dpath, &urls::cert(&c.id)));
    Ok(vec![page, (dpath.clone(), ctx.render("document.html", &dx)?)])
}

fn document(ctx: &SiteCtx, from: &str, e: &Element, level: usize, out: &mut String) {
    let href = escape(&urls::rel(from, &urls::element(&e.key)));
    if e.children.is_empty() {
        out.push_str(&format!(
            "<p class=\"el\"><span class=\"k\">{}</span> <a href=\"{href}\">{}</a></p>",
            escape(e.kind.label()),
            escape(&label(e))
        ));
        return;
    }
    let h = level.min(6);
    out.push_str(&format!(
        "<section><h{h}><span class=\"k\">{}</span> <a href=\"{href}\">{}</a></h{h}>",
        escape(e.kind.label()),
        escape(&label(e))
    ));
    for k in &e.children {
        document(ctx, from, ctx.corpus.element(k).expect("child"), level + 1, out);
    }
    out.push_str("</section>");
}
