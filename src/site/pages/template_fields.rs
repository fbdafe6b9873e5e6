//! A template reads only what its page gives: every `x.field` a template reads must be a field
//! of its page's struct (at any depth) or of the layout's [`Base`]. Rendering the site already
//! fails on `{{ x.field }}` when the field is missing, but not on `{% if x.field %}` nor on a
//! filter's argument, where tera reads a missing last field as undefined, hence false: those are
//! what this test catches. It checks names, not types: a field of the right name in another
//! struct of the same page passes.

use std::collections::BTreeSet;

use schemars::{Schema, schema_for};

use crate::site::context::Base;

/// Each typed page's template and the struct it is rendered with.
fn pages() -> Vec<(&'static str, Schema)> {
    vec![
        ("404.html", schema_for!(super::notfound::NotFound)),
        ("code.html", schema_for!(super::codes::CodePage)),
        ("codes.html", schema_for!(super::codes::Index)),
        ("sources.html", schema_for!(super::sources::Index)),
        ("source.html", schema_for!(super::sources::ChunkPage)),
        ("matrix.html", schema_for!(super::tables::MatrixPage)),
        ("correspondence.html", schema_for!(super::tables::CorrespondencePage)),
        ("grid.html", schema_for!(super::grids::GridPage)),
        ("positionnement.html", schema_for!(super::positioning::Positioning)),
        ("plan.html", schema_for!(super::plans::PlanPage)),
        ("printable.html", schema_for!(super::printable::Printable)),
        ("element.html", schema_for!(super::element::ElementPage)),
        ("cert.html", schema_for!(super::cert::CertPage)),
        ("document.html", schema_for!(super::cert::DocumentPage)),
        ("diff.html", schema_for!(super::compare::DiffPage)),
        ("crosswalk.html", schema_for!(super::compare::CrosswalkPage)),
        ("search.html", schema_for!(crate::site::Search)),
        ("home.html", schema_for!(super::home::Home)),
        ("catalogue.html", schema_for!(super::catalogue::Catalogue)),
        ("comparisons.html", schema_for!(super::catalogue::Comparisons)),
        ("glossary.html", schema_for!(super::glossary::Glossary)),
        ("downloads.html", schema_for!(super::downloads::Downloads)),
    ]
}

/// Every property name of a schema, at any depth.
fn names(schema: &Schema) -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::Object(props)) = m.get("properties") {
                    out.extend(props.keys().cloned());
                }
                m.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(schema.as_value(), &mut out);
    out
}

/// The inside of every tag (`{{ … }}`, `{% … %}`) of a template, comments and strings left out.
fn tags(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find('{') {
        let close = match rest[i + 1..].chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                rest = &rest[i + 1..];
                continue;
            }
        };
        let body = &rest[i + 2..];
        let end = body.find(close).unwrap_or(body.len());
        if close != "#}" {
            let mut tag = String::new();
            let mut quote = None;
            for c in body[..end].chars() {
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if c == '"' || c == '\'' || c == '`' => quote = Some(c),
                    None => tag.push(c),
                }
            }
            out.push(tag);
        }
        rest = &body[(end + 2).min(body.len())..];
    }
    out
}

/// Each `root.field.field …` a template reads, but `loop.…`.
fn reads(src: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for tag in tags(src) {
        let b = tag.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let starts = (b[i].is_ascii_alphabetic() || b[i] == b'_')
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'));
            if !starts {
                i += 1;
                continue;
            }
            let mut path = Vec::new();
            loop {
                let s = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                path.push(tag[s..i].to_string());
                if i + 1 < b.len()
                    && b[i] == b'.'
                    && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'_')
                {
                    i += 1;
                } else {
                    break;
                }
            }
            if path.len() > 1 && path[0] != "loop" {
                out.push(path);
            }
        }
    }
    out
}

/// The reads of `src` whose fields are not in `known`, as `root.field` paths.
fn unknown_reads(src: &str, known: &BTreeSet<String>) -> Vec<String> {
    reads(src)
        .into_iter()
        .filter(|p| p[1..].iter().any(|f| !known.contains(f)))
        .map(|p| p.join("."))
        .collect()
}

fn template(name: &str) -> String {
    let path = format!("{}/templates/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_field_a_template_reads_is_in_its_page() {
    let base = names(&schema_for!(Base));
    let mut all = base.clone();
    let mut wrong = Vec::new();
    for (name, schema) in pages() {
        let mut known = names(&schema);
        all.extend(known.iter().cloned());
        known.extend(base.iter().cloned());
        wrong.extend(
            unknown_reads(&template(name), &known).into_iter().map(|r| format!("{name}: {r}")),
        );
    }
    // The layout reads `page` only; the components read what the pages hand them.
    for name in ["base.html", "components.html"] {
        let known = if name == "base.html" { &base } else { &all };
        wrong.extend(
            unknown_reads(&template(name), known).into_iter().map(|r| format!("{name}: {r}")),
        );
    }
    assert!(wrong.is_empty(), "fields read that no page gives:\n{}", wrong.join("\n"));
}

#[test]
fn a_field_no_page_gives_is_caught() {
    let known = names(&schema_for!(super::codes::CodePage));
    let src = r#"{% if code.label %}{{ code.label }}{% endif %}{% for c in certs %}{% if c.titel %}"x.y"{% endif %}{% endfor %}{{ loop.index }}"#;
    assert_eq!(unknown_reads(src, &known), vec!["c.titel".to_string()]);
}
