//! The `case` output: one 1EdTech CASE 1.1 CFPackage per certification,
//! `telechargements/case/<cert>.json`, valid against the official JSON schema.
//!
//! - the **CFDocument** is the certification (title, version, its page's address);
//! - one **CFItem** per framework element ([`super::is_framework`]): `fullStatement` is the exact
//!   text, `humanCodingScheme` the code, `CFItemType` the kind, `notes` the editors' note;
//! - **`isChildOf`** associations make the tree (to the nearest framework ancestor, else to the
//!   document), with the `sequenceNumber` of the element among its siblings;
//! - correspondences become associations to the other certification's items: `exactMatchOf`,
//!   `isRelatedTo`, `replacedBy`, `isPartOf` where CASE has the relation, `ext:closeMatchOf`
//!   where it has none (`isRelatedTo` in CASE 1.0); suggestions are `isRelatedTo`. Each is in
//!   its origin's package only, and its status is data: the `CFAssociationGroupingURI` of its
//!   status (official, curated, inferred, suggested) and `extensions.status` (1.1); the
//!   `notes` say it in French, with the table;
//! - the version succession is `replacedBy`: between the CFDocuments of a certification and its
//!   successor, and between the items an official table of the two pairs;
//! - `CFDefinitions` hold one `CFItemType` per kind (French title, `hierarchyCode`, `typeCode`)
//!   and the association groupings; items point to their type by `CFItemTypeURI`.
//!
//! Every `uri` is absolute ([`RenderContext::address`]); those of associations, item types and
//! groupings are their CASE REST path (`…/ims/case/v1p1/CFAssociations/<id>`), unique.
//!
//! Identifiers are UUIDv5 of stable names (`element:ntc-2018/cp3`), so a rebuild gives the same
//! ids. `lastChangeDateTime` is the certification's most recent dated text (its latest arrêté),
//! or the corpus's when it has none: it changes only when the data says the framework did.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::Config;
use crate::ids::CertId;
use crate::model::{Certification, Element};
use crate::schema::{CertKind, Relation};
use crate::urls;

use super::{correspondents, framework_elements, framework_parent};

pub struct Case;

/// The namespace of every identifier of the exports.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"referentiel")
}

/// The UUIDv5 of a stable name (`cert:ntc-2018`, `element:ntc-2018/cp3`).
pub(crate) fn uuid(name: &str) -> String {
    Uuid::new_v5(&namespace(), name.as_bytes()).to_string()
}

pub(crate) fn element_uuid(e: &Element) -> String {
    uuid(&format!("element:{}", e.key))
}

pub(crate) fn cert_uuid(id: &CertId) -> String {
    uuid(&format!("cert:{id}"))
}

/// The CASE association type of a relation read from origin to destination, and whether the
/// association must be written the other way round (CASE has `replacedBy` but not `replaces`).
pub(crate) fn association_type(r: Relation) -> (&'static str, bool) {
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
    let newest = |cs: &mut dyn Iterator<Item = &Certification>| {
        cs.flat_map(|c| c.dates.iter().filter_map(|d| d.iso.clone())).max()
    };
    let day = newest(&mut std::iter::once(c))
        .or_else(|| newest(&mut ctx.corpus.certs.iter()))
        .unwrap_or_else(|| "1970-01-01".into());
    format!("{day}T00:00:00Z")
}

/// The most recent ISO date of the whole corpus: the date of the definitions (item types,
/// groupings), which every package shares under the same identifiers.
fn corpus_last_change(ctx: &RenderContext) -> String {
    let day = ctx
        .corpus
        .certs
        .iter()
        .flat_map(|c| c.dates.iter().filter_map(|d| d.iso.clone()))
        .max()
        .unwrap_or_else(|| "1970-01-01".into());
    format!("{day}T00:00:00Z")
}

fn link(title: &str, identifier: &str, uri: &str) -> Value {
    json!({"title": title, "identifier": identifier, "uri": uri})
}

/// Which CASE version a package follows (`[output.case] case-version`, `export case --case-version`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// CASE 1.1 (the default): `ext:` association types, `extensions`, `targetType`.
    V1p1,
    /// CASE 1.0 (OpenSALT up to 3.2): `ext:` types become `isRelatedTo`; no 1.1-only field.
    V1p0,
}

impl Version {
    pub(crate) fn of_config(config: &Config) -> Result<Version, super::Error> {
        match config.output.case.case_version.as_str() {
            "1.1" => Ok(Version::V1p1),
            "1.0" => Ok(Version::V1p0),
            v => Err(super::Error::CaseVersion(v.to_string())),
        }
    }
}

/// The address a static CASE provider gives an object (`CFAssociations/<id>`): the exports' base
/// joined with the CASE 1.1 REST path, unique and absolute.
pub(crate) fn case_uri(ctx: &RenderContext, class: &str, id: &str) -> String {
    ctx.address(&format!("ims/case/v1p1/{class}/{id}"))
}

/// The CFItemType of a kind: its identifier.
pub(crate) fn item_type_uuid(kind: crate::schema::Kind) -> String {
    uuid(&format!("item-type:{}", kind.name()))
}

/// The association grouping of a status (official, curated, inferred, suggested) or of the
/// version succession (`"succession"`): its identifier.
pub fn grouping_uuid(name: &str) -> String {
    uuid(&format!("grouping:{name}"))
}

fn grouping_words(name: &str) -> (&'static str, &'static str) {
    use crate::words::exports::grouping as g;
    match name {
        "official" => g::Official,
        "curated" => g::Curated,
        "inferred" => g::Inferred,
        "suggested" => g::Suggested,
        _ => g::Succession,
    }
}

/// The CFPackage of one certification in CASE 1.1.
pub fn package(ctx: &RenderContext, c: &Certification) -> Value {
    package_in(ctx, c, Version::V1p1)
}

/// The CFPackage of one certification, in the given CASE version.
///
/// Each association is written in exactly one package, its origin's: a package holds the
/// associations whose origin is one of its items or its document. Links to other certifications
/// carry their status as data: a `CFAssociationGroupingURI` to the grouping of their status
/// (official, curated, inferred, suggested, succession) and, in 1.1, `extensions.status`.
pub fn package_in(ctx: &RenderContext, c: &Certification, version: Version) -> Value {
    let v11 = version == Version::V1p1;
    let when = last_change(ctx, c);
    let doc_id = cert_uuid(&c.id);
    let doc_uri = ctx.address(&urls::cert(&c.id));
    let mut document = json!({
        "identifier": doc_id,
        "uri": doc_uri,
        "creator": creator(c.kind),
        "title": c.title.text,
        "version": c.version,
        "language": "fr",
        "publisher": ctx.config.book.title,
        "lastChangeDateTime": when,
    });
    if v11 {
        document["caseVersion"] = json!("1.1");
    }
    if let Some(n) = &c.note {
        document["notes"] = json!(n);
    }
    let item_link = |e: &Element| {
        link(
            &crate::present::truncate(e.text(), 120),
            &element_uuid(e),
            &ctx.address(&urls::element(&e.key)),
        )
    };
    let doc_link = |c: &Certification| {
        link(&c.title.text, &cert_uuid(&c.id), &ctx.address(&urls::cert(&c.id)))
    };
    let elements = framework_elements(ctx.corpus, &c.id);
    let mut items = Vec::new();
    let mut associations = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    let mut groupings = std::collections::BTreeSet::new();
    let mut siblings: std::collections::HashMap<Option<&crate::ids::ElementKey>, i64> =
        Default::default();
    let type_link = |k: crate::schema::Kind| {
        link(k.label(), &item_type_uuid(k), &case_uri(ctx, "CFItemTypes", &item_type_uuid(k)))
    };
    for e in &elements {
        kinds.insert(e.kind);
        let mut item = json!({
            "identifier": element_uuid(e),
            "fullStatement": e.text(),
            "CFItemType": e.kind.label(),
            "CFItemTypeURI": type_link(e.kind),
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
        let id = uuid(&format!("isChildOf:{}", e.key));
        associations.push(json!({
            "identifier": id,
            "associationType": "isChildOf",
            "sequenceNumber": *n,
            "uri": case_uri(ctx, "CFAssociations", &id),
            "originNodeURI": item_link(e),
            "destinationNodeURI": destination,
            "lastChangeDateTime": when,
        }));
    }
    let grouping_link = |name: &str| {
        link(
            grouping_words(name).0,
            &grouping_uuid(name),
            &case_uri(ctx, "CFAssociationGroupings", &grouping_uuid(name)),
        )
    };
    let mut linked = |associations: &mut Vec<Value>,
                      name: String,
                      kind: &str,
                      origin: Value,
                      mut destination: Value,
                      group: &str,
                      notes: String,
                      extensions: Value| {
        let id = uuid(&name);
        let kind = if v11 || !kind.starts_with("ext:") { kind } else { "isRelatedTo" };
        if v11 {
            destination["targetType"] = json!("CASE");
        }
        groupings.insert(group.to_string());
        let mut a = json!({
            "identifier": id,
            "associationType": kind,
            "uri": case_uri(ctx, "CFAssociations", &id),
            "originNodeURI": origin,
            "destinationNodeURI": destination,
            "CFAssociationGroupingURI": grouping_link(group),
            "lastChangeDateTime": when,
        });
        // CASE 1.0 has neither notes nor extensions on an association: the grouping says it.
        if v11 {
            a["notes"] = json!(notes);
            a["extensions"] = extensions;
        }
        associations.push(a);
    };
    // The version succession: this certification replaced by its successors (the document),
    // and its items by those an official table between the two pairs them with.
    for s in c.successors.iter().filter_map(|l| ctx.corpus.certs.iter().find(|x| x.id == l.id)) {
        let name = format!("succession:{}:{}", c.id, s.id);
        let ext = json!({"status": "official", "succession": true});
        linked(
            &mut associations,
            name,
            "replacedBy",
            doc_link(c),
            doc_link(s),
            "succession",
            crate::words::exports::grouping::Succession.1.to_string(),
            ext,
        );
    }
    for m in correspondents(ctx, &c.id) {
        let (kind, reversed) = match m.relation {
            Some(r) => association_type(r),
            None => ("isRelatedTo", false),
        };
        let (origin, destination) = if reversed { (m.there, m.here) } else { (m.here, m.there) };
        // Each association in its origin's package only.
        if origin.key.cert != c.id {
            continue;
        }
        let status = m.status.name();
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
        let mut ext = json!({"status": status});
        if let Some(t) = &m.table {
            ext["table"] = json!(t.as_str());
        }
        if let Some(r) = m.relation {
            ext["skosRelation"] = json!(format!("skos:{}", skos_name(r)));
        }
        if let Some(s) = m.score {
            ext["score"] = json!((s * 100.0).round() / 100.0);
        }
        let name = format!(
            "{status}:{}:{}:{}:{kind}",
            m.table.as_ref().map(|t| t.as_str()).unwrap_or("-"),
            origin.key,
            destination.key
        );
        linked(
            &mut associations,
            name,
            kind,
            item_link(origin),
            item_link(destination),
            status,
            notes.join(" · "),
            ext,
        );
        // An official pair between a certification and its successor: the older item is
        // replaced by the newer.
        let successor = |a: &Element, b: &Element| {
            ctx.corpus
                .certs
                .iter()
                .any(|x| x.id == a.key.cert && x.successors.iter().any(|l| l.id == b.key.cert))
        };
        if m.status == crate::crosswalk::Status::Official
            && kind != "replacedBy"
            && successor(origin, destination)
        {
            let name = format!("succession:{}:{}", origin.key, destination.key);
            let ext = json!({"status": "official", "succession": true, "table": m.table.as_ref().map(|t| t.as_str())});
            let notes = format!(
                "{} · table {}",
                crate::words::exports::grouping::Succession.1,
                m.table.as_ref().map(|t| t.as_str()).unwrap_or("-")
            );
            linked(
                &mut associations,
                name,
                "replacedBy",
                item_link(origin),
                item_link(destination),
                "succession",
                notes,
                ext,
            );
        }
    }
    // The same pair may come from two tables: one association per identifier.
    let mut seen = std::collections::HashSet::new();
    associations.retain(|a| seen.insert(a["identifier"].as_str().unwrap_or_default().to_string()));
    // Shared by every package under the same identifiers: one date for all.
    let defined = corpus_last_change(ctx);
    let item_types: Vec<Value> = kinds
        .iter()
        .map(|&k| {
            json!({
                "identifier": item_type_uuid(k),
                "uri": case_uri(ctx, "CFItemTypes", &item_type_uuid(k)),
                "title": k.label(),
                "description": crate::words::exports::item_type_description(k.label()),
                "hierarchyCode": (crate::schema::Kind::ALL.iter().position(|x| *x == k).unwrap_or(0) + 1).to_string(),
                "typeCode": k.name(),
                "lastChangeDateTime": defined,
            })
        })
        .collect();
    let groupings: Vec<Value> = groupings
        .iter()
        .map(|g| {
            let (title, description) = grouping_words(g);
            json!({
                "identifier": grouping_uuid(g),
                "uri": case_uri(ctx, "CFAssociationGroupings", &grouping_uuid(g)),
                "title": title,
                "description": description,
                "lastChangeDateTime": defined,
            })
        })
        .collect();
    json!({
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {"CFItemTypes": item_types, "CFAssociationGroupings": groupings},
    })
}

/// The SKOS local name of a relation (`exactMatch`), as the CASE notes and SSSOM use it.
pub(crate) fn skos_name(r: Relation) -> &'static str {
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
    fn name(&self) -> &str {
        "case"
    }
    fn label(&self, _: &Config) -> &str {
        crate::words::outputs::CASE.0
    }
    fn description(&self, _: &Config) -> &str {
        crate::words::outputs::CASE.1
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.case.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        let version = Version::of_config(ctx.config)?;
        let mut packages = Vec::new();
        for c in ctx.certs() {
            let package = package_in(ctx, c, version);
            let bytes = serde_json::to_vec_pretty(&package)?;
            out.add(format!("{DOWNLOADS_DIR}/case/{}.json", c.id), bytes);
            packages.push(package);
        }
        // The static CASE provider's paths, in a build of the whole site (CASE 1.1 paths only).
        if ctx.config.output.case.provider && version == Version::V1p1 {
            super::case_provider::write(&packages, out)?;
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        super::csv::cert_of_file(ctx, path)
    }
}
