//! The `case` output: one 1EdTech CASE 1.1 CFPackage per certification,
//! `telechargements/case/<cert>.json`, valid against the official JSON schema.
//!
//! - the **CFDocument** is the certification (title, version, its page's address);
//! - one **CFItem** per framework element ([`super::is_framework`]): `fullStatement` is the exact
//!   text, `humanCodingScheme` the code, `CFItemType` the kind, `notes` the editors' note;
//! - **`isChildOf`** associations make the tree (to the nearest framework ancestor, else to the
//!   document), with the `sequenceNumber` of the element among its siblings;
//! - correspondences become associations to the other certification's items: `exactMatchOf`,
//!   `isRelatedTo`, `replacedBy`, `isPartOf` where CASE has the relation, `ext:closeMatchOf` and
//!   `ext:broadMatchOf` where it has none; suggestions are `isRelatedTo`; the association's
//!   `notes` say whether it is official, ours or computed, and from which table.
//!
//! Identifiers are UUIDv5 of stable names (`element:ntc-2018/cp3`), so a rebuild gives the same
//! ids. `lastChangeDateTime` is the certification's most recent dated text (its latest arrêté),
//! or the corpus's when it has none: it changes only when the data says the framework did.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::config::Config;
use crate::ids::CertId;
use crate::model::{Certification, Element};
use crate::schema::{CertKind, Relation};
use crate::site::output::SiteFiles;
use crate::urls;

use super::{correspondents, framework_elements, framework_parent, Output, RenderContext, DOWNLOADS_DIR};

pub struct Case;

/// The namespace of every identifier of the exports.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"referentiel")
}

/// The UUIDv5 of a stable name (`cert:ntc-2018`, `element:ntc-2018/cp3`).
pub fn uuid(name: &str) -> String {
    Uuid::new_v5(&namespace(), name.as_bytes()).to_string()
}

pub fn element_uuid(e: &Element) -> String {
    uuid(&format!("element:{}", e.key))
}

pub fn cert_uuid(id: &CertId) -> String {
    uuid(&format!("cert:{id}"))
}

/// The CASE association type of a relation read from origin to destination, and whether the
/// association must be written the other way round (CASE has `replacedBy` but not `replaces`).
pub fn association_type(r: Relation) -> (&'static str, bool) {
    match r {
        Relation::ExactMatch => ("exactMatchOf", false),
        Relation::CloseMatch => ("ext:closeMatchOf", false),
        // skos:broadMatch: the other is broader, so this one is part of it.
        Relation::BroadMatch => ("isPartOf", false),
        Relation::NarrowMatch => ("isPartOf", true),
        Relation::RelatedMatch => ("isRelatedTo", false),
        Relation::ReplacedBy => ("replacedBy", false),
        Relation::Replaces => ("replacedBy", true),
    }
}

/// Who promulgates a certification of this kind.
fn creator(kind: CertKind) -> &'static str {
    match kind {
        CertKind::TitreProfessionnel => crate::words::cert_creator::TitreProfessionnel,
        CertKind::Bts => crate::words::cert_creator::Bts,
        CertKind::NonPrecise => crate::words::cert_creator::NonPrecise,
    }
}

/// The most recent ISO date of a certification's dated texts, else of the corpus's.
fn last_change(ctx: &RenderContext, c: &Certification) -> String {
    let newest = |cs: &mut dyn Iterator<Item = &Certification>| cs.flat_map(|c| c.dates.iter().filter_map(|d| d.iso.clone())).max();
    let day = newest(&mut std::iter::once(c)).or_else(|| newest(&mut ctx.corpus.certs.iter())).unwrap_or_else(|| "1970-01-01".into());
    format!("{day}T00:00:00Z")
}

fn link(title: &str, identifier: &str, uri: &str) -> Value {
    json!({"title": title, "identifier": identifier, "uri": uri})
}

/// The CFPackage of one certification.
pub fn package(ctx: &RenderContext, c: &Certification) -> Value {
    let when = last_change(ctx, c);
    let doc_id = cert_uuid(&c.id);
    let doc_uri = ctx.address(&urls::cert(&c.id));
    let mut document = json!({
        "identifier": doc_id,
        "uri": doc_uri,
        "caseVersion": "1.1",
        "creator": creator(c.kind),
        "title": c.title.text,
        "version": c.version,
        "language": "fr",
        "publisher": ctx.config.book.title,
        "lastChangeDateTime": when,
    });
    if let Some(n) = &c.note {
        document["notes"] = json!(n);
    }
    let item_link = |e: &Element| link(&crate::present::truncate(e.text(), 120), &element_uuid(e), &ctx.address(&urls::element(&e.key)));
    let elements = framework_elements(ctx.corpus, &c.id);
    let mut items = Vec::new();
    let mut associations = Vec::new();
    let mut siblings: std::collections::HashMap<Option<&crate::ids::ElementKey>, i64> = Default::default();
    for e in &elements {
        let mut item = json!({
            "identifier": element_uuid(e),
            "fullStatement": e.text(),
            "CFItemType": e.kind.label(),
            "uri": ctx.address(&urls::element(&e.key)),
            "language": "fr",
            "lastChangeDateTime": when,
        });
        if let Some(code) = &e.code {
            item["humanCodingScheme"] = json!(code);
        }
        if let Some(n) = &e.note {
            item["notes"] = json!(n);
        }
        items.push(item);
        let parent = framework_parent(ctx.corpus, e);
        let n = siblings.entry(parent.map(|p| &p.key)).or_insert(0);
        *n += 1;
        let destination = match parent {
            Some(p) => item_link(p),
            None => link(&c.title.text, &doc_id, &doc_uri),
        };
        associations.push(json!({
            "identifier": uuid(&format!("isChildOf:{}", e.key)),
            "associationType": "isChildOf",
            "sequenceNumber": *n,
            "uri": ctx.address(&urls::element(&e.key)),
            "originNodeURI": item_link(e),
            "destinationNodeURI": destination,
            "lastChangeDateTime": when,
        }));
    }
    for m in correspondents(ctx, &c.id) {
        let (kind, reversed) = match m.relation {
            Some(r) => association_type(r),
            None => ("isRelatedTo", false),
        };
        let (origin, destination) = if reversed { (m.there, m.here) } else { (m.here, m.there) };
        let mut notes = vec![m.status.label().to_string()];
        if let Some(t) = &m.table {
            notes.push(format!("table {t}"));
        }
        if let Some(r) = m.relation {
            notes.push(format!("skos:{}", skos_name(r)));
        }
        if let Some(s) = m.score {
            notes.push(format!("score {s:.2}"));
        }
        notes.extend(m.justification.clone());
        notes.extend(m.note.clone());
        let status = m.status.name();
        let name = format!("{status}:{}:{}:{}:{kind}", m.table.as_ref().map(|t| t.as_str()).unwrap_or("-"), origin.key, destination.key);
        let mut dest = item_link(destination);
        dest["targetType"] = json!("CASE");
        associations.push(json!({
            "identifier": uuid(&name),
            "associationType": kind,
            "uri": ctx.address(&urls::element(&origin.key)),
            "originNodeURI": item_link(origin),
            "destinationNodeURI": dest,
            "lastChangeDateTime": when,
            "notes": notes.join(" · "),
        }));
    }
    json!({"CFDocument": document, "CFItems": items, "CFAssociations": associations})
}

/// The SKOS local name of a relation (`exactMatch`), as the CASE notes and SSSOM use it.
pub fn skos_name(r: Relation) -> &'static str {
    match r {
        Relation::ExactMatch => "exactMatch",
        Relation::CloseMatch => "closeMatch",
        Relation::BroadMatch => "broadMatch",
        Relation::NarrowMatch => "narrowMatch",
        Relation::RelatedMatch => "relatedMatch",
        // SKOS has no succession; a replaced element is closest to its replacement.
        Relation::ReplacedBy | Relation::Replaces => "closeMatch",
    }
}

impl Output for Case {
    fn name(&self) -> &'static str {
        "case"
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.case.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut SiteFiles) -> Result<(), String> {
        for c in ctx.certs() {
            let bytes = serde_json::to_vec_pretty(&package(ctx, c)).map_err(|e| e.to_string())?;
            out.add(format!("{DOWNLOADS_DIR}/case/{}.json", c.id), bytes);
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        super::csv::cert_of_file(ctx, path)
    }
}
