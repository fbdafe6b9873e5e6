//! The `skos` output: one SKOS thesaurus in Turtle per certification,
//! `telechargements/skos/<cert>.ttl`.
//!
//! The certification is a `skos:ConceptScheme` with a `skos:prefLabel` (title and version); each framework element ([`super::is_framework`])
//! a `skos:Concept` with its exact text as `skos:prefLabel`@fr, its code as `skos:notation`,
//! `skos:broader`/`skos:narrower` for the tree, `skos:inScheme`, `skos:topConceptOf` for the top,
//! `dcterms:source` for its lines in the source document, and `skos:editorialNote` for our note.
//! Concepts whose text another concept of the scheme shares (« Traiter les objections » under two
//! activités) get a `skos:notation` (their code, else their local id) and a `skos:scopeNote`
//! naming their parent.
//! The official and curated correspondences are SKOS mapping relations to the other scheme's
//! concepts (`dcterms:isReplacedBy` / `dcterms:replaces` for succession, which SKOS lacks);
//! computed suggestions are not statements and stay out (see the SSSOM output).
//!
//! IRIs are the addresses of the site's pages, always absolute: joined to `output.html.site-url`
//! when it is absolute, else to `[output] base-iri` (default `urn:referentiel:`).

use std::fmt::Write;

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::Config;
use crate::ids::CertId;
use crate::model::Certification;
use crate::schema::Relation;
use crate::urls;

use super::{correspondents, framework_elements, framework_parent};

pub(crate) struct Skos;

/// The SKOS (or Dublin Core) property of a relation, read from subject to object.
pub fn property(r: Relation) -> &'static str {
    match r {
        Relation::ExactMatch => "skos:exactMatch",
        Relation::CloseMatch => "skos:closeMatch",
        Relation::BroadMatch => "skos:broadMatch",
        Relation::NarrowMatch => "skos:narrowMatch",
        Relation::RelatedMatch => "skos:relatedMatch",
        Relation::ReplacedBy => "dcterms:isReplacedBy",
        Relation::Replaces => "dcterms:replaces",
    }
}

/// A Turtle string literal.
pub fn literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The IRI of a site page (site-root-relative path, may hold an `#anchor`): always absolute.
fn iri(ctx: &RenderContext, path: &str) -> String {
    format!("<{}>", ctx.address(path).replace('>', "%3E").replace(' ', "%20"))
}

/// The thesaurus of one certification.
pub(crate) fn thesaurus(ctx: &RenderContext, c: &Certification) -> String {
    let mut out = String::new();
    out.push_str("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n");
    out.push_str("@prefix dcterms: <http://purl.org/dc/terms/> .\n");
    out.push_str("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n");
    let scheme = iri(ctx, &urls::cert(&c.id));
    let elements = framework_elements(ctx.corpus, &c.id);
    let _ = write!(
        out,
        "{scheme} a skos:ConceptScheme ;\n    skos:prefLabel {}@fr ;\n    dcterms:title {}@fr ;\n    dcterms:identifier {} ;\n    dcterms:hasVersion {}",
        literal(&format!("{} ({})", c.title.text, c.version)),
        literal(&c.title.text),
        literal(c.id.as_str()),
        literal(&c.version)
    );
    for e in elements.iter().filter(|e| framework_parent(ctx.corpus, e).is_none()) {
        let _ = write!(out, " ;\n    skos:hasTopConcept {}", iri(ctx, &urls::element(&e.key)));
    }
    out.push_str(" .\n");
    let mut children: std::collections::HashMap<
        &crate::ids::ElementKey,
        Vec<&crate::ids::ElementKey>,
    > = Default::default();
    for e in &elements {
        if let Some(p) = framework_parent(ctx.corpus, e) {
            children.entry(&p.key).or_default().push(&e.key);
        }
    }
    let mappings = correspondents(ctx, &c.id);
    // Concepts that share their text with another of the scheme: each gets its local id as a
    // `skos:notation` (when it has no code) and a scope note naming its parent, so that a reader
    // and a consumer can tell them apart.
    let mut by_text: std::collections::HashMap<&str, usize> = Default::default();
    for e in &elements {
        *by_text.entry(e.text()).or_default() += 1;
    }
    for e in &elements {
        let me = iri(ctx, &urls::element(&e.key));
        let _ = write!(
            out,
            "\n{me} a skos:Concept ;\n    skos:inScheme {scheme} ;\n    skos:prefLabel {}@fr",
            literal(e.text())
        );
        let shared = by_text.get(e.text()).copied().unwrap_or(0) > 1;
        match &e.code {
            Some(code) => {
                let _ = write!(out, " ;\n    skos:notation {}", literal(code));
            }
            None if shared => {
                let _ = write!(out, " ;\n    skos:notation {}", literal(e.key.local.as_str()));
            }
            None => {}
        }
        if shared {
            let within = framework_parent(ctx.corpus, e)
                .map(crate::present::label)
                .unwrap_or_else(|| c.title.text.clone());
            let _ = write!(
                out,
                " ;\n    skos:scopeNote {}@fr",
                literal(&crate::words::exports::within(&within))
            );
        }
        let _ = write!(out, " ;\n    dcterms:type {}@fr", literal(e.kind.label()));
        let _ = write!(
            out,
            " ;\n    dcterms:source {}",
            iri(ctx, &urls::source_line(&e.cite.doc, e.cite.lines.first))
        );
        let _ = write!(
            out,
            " ;\n    dcterms:bibliographicCitation {}",
            literal(&format!("{}, lignes {}", e.cite.doc, e.cite.lines))
        );
        match framework_parent(ctx.corpus, e) {
            Some(p) => {
                let _ = write!(out, " ;\n    skos:broader {}", iri(ctx, &urls::element(&p.key)));
            }
            None => {
                let _ = write!(out, " ;\n    skos:topConceptOf {scheme}");
            }
        }
        for k in children.get(&e.key).into_iter().flatten() {
            let _ = write!(out, " ;\n    skos:narrower {}", iri(ctx, &urls::element(k)));
        }
        if let Some(n) = &e.note {
            let _ = write!(out, " ;\n    skos:editorialNote {}@fr", literal(n));
        }
        for m in mappings.iter().filter(|m| m.here.key == e.key) {
            if let Some(r) = m.relation {
                let _ = write!(
                    out,
                    " ;\n    {} {}",
                    property(r),
                    iri(ctx, &urls::element(&m.there.key))
                );
            }
        }
        out.push_str(" .\n");
    }
    out
}

impl Output for Skos {
    fn name(&self) -> &str {
        "skos"
    }
    fn label(&self, _: &Config) -> &str {
        crate::words::outputs::SKOS.0
    }
    fn description(&self, _: &Config) -> &str {
        crate::words::outputs::SKOS.1
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.skos.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        for c in ctx.certs() {
            out.add(format!("{DOWNLOADS_DIR}/skos/{}.ttl", c.id), thesaurus(ctx, c));
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        super::csv::cert_of_file(ctx, path)
    }
}
