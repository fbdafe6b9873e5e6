//! The `json` output: the whole corpus (certifications, elements, matrices, correspondences) and
//! its graph in one file, `telechargements/json/referentiel.json`.
//!
//! The file is a contract (#29): its top-level `format` is [`FORMAT`], and its JSON Schema
//! ([`json_schema`], `docs/schema/referentiel-json.schema.json`, written by `referentiel schema
//! --out docs/schema`) is generated from the very types that are serialised, so the two cannot
//! drift; `docs/exports.md` documents it field by field.

use schemars::JsonSchema;

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::Config;
use crate::model;

pub struct Json;

/// The version of the format of `referentiel.json`: the major number changes when a field is
/// removed, renamed or changes meaning; the minor one when a field is added.
pub const FORMAT: &str = "1.0";

/// The name of the schema file in `docs/schema/` (without `.schema.json`).
pub const SCHEMA_NAME: &str = "referentiel-json";

impl Output for Json {
    fn name(&self) -> &str {
        "json"
    }
    fn label(&self, _: &Config) -> &str {
        crate::words::outputs::JSON.0
    }
    fn description(&self, _: &Config) -> &str {
        crate::words::outputs::JSON.1
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.json.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        out.add(format!("{DOWNLOADS_DIR}/json/referentiel.json"), bytes(ctx));
        Ok(())
    }
}

/// The bytes of `referentiel.json` (the certifications `ctx` keeps).
pub fn bytes(ctx: &RenderContext) -> Vec<u8> {
    {
        let c = ctx.corpus;
        let keep = |id: &crate::ids::CertId| ctx.only.is_empty() || ctx.only.contains(id);
        // Written part by part, each item through its own `Value` (whose keys serde_json sorts,
        // as it sorts the top-level keys here): the same bytes as one `Value` of the whole
        // corpus, without holding that tree (ten times the file's size) in memory.
        let mut bytes = Vec::new();
        let part =
            |bytes: &mut Vec<u8>, key: &str, items: &mut dyn Iterator<Item = serde_json::Value>| {
                bytes.extend_from_slice(if bytes.is_empty() { b"{\"" } else { b",\"" });
                bytes.extend_from_slice(key.as_bytes());
                bytes.extend_from_slice(b"\":[");
                for (i, v) in items.enumerate() {
                    if i > 0 {
                        bytes.push(b',');
                    }
                    serde_json::to_writer(&mut *bytes, &v).expect("a JSON value serialises");
                }
                bytes.push(b']');
            };
        part(&mut bytes, "certifications", &mut c.certs.iter().filter(|x| keep(&x.id)).map(value));
        part(
            &mut bytes,
            "correspondences",
            &mut c.correspondences.iter().filter(|x| keep(&x.from) || keep(&x.to)).map(value),
        );
        part(
            &mut bytes,
            "elements",
            &mut c.elements.iter().filter(|x| keep(&x.key.cert)).map(value),
        );
        bytes.extend_from_slice(b",\"format\":");
        serde_json::to_writer(&mut bytes, FORMAT).expect("a string serialises");
        bytes.extend_from_slice(b",\"graph\":");
        ctx.graph.write_json(&mut bytes);
        part(&mut bytes, "matrices", &mut c.matrices.iter().filter(|x| keep(&x.cert)).map(value));
        bytes.push(b'}');
        bytes
    }
}

/// One item as a JSON value (its keys sorted, as in a `Value` of the whole file).
fn value<T: serde::Serialize>(x: &T) -> serde_json::Value {
    serde_json::to_value(x).expect("a corpus item serialises to JSON")
}

/// The shape of `referentiel.json`, for its schema (the file is written part by part, in this
/// order: keys sorted).
#[derive(JsonSchema)]
#[allow(dead_code)]
struct File {
    /// The certifications, in corpus order.
    certifications: Vec<model::Certification>,
    /// The correspondence tables between two certifications (official, curated or inferred).
    correspondences: Vec<model::Correspondence>,
    /// Every element of every certification, in data order.
    elements: Vec<model::Element>,
    /// The version of this format.
    format: String,
    /// The graph: certifications and elements as nodes; containment, typed links,
    /// correspondences and succession as edges.
    graph: GraphFile,
    /// The matrices of the certifications (which unit certifies which compétence …).
    matrices: Vec<model::Matrix>,
}

#[derive(JsonSchema)]
#[allow(dead_code)]
struct GraphFile {
    edges: Vec<GraphEdge>,
    nodes: Vec<GraphNode>,
}

#[derive(JsonSchema)]
#[allow(dead_code)]
struct GraphEdge {
    /// The id of the node the edge starts from: a certification id (`ntc-2018`) or an element
    /// key (`ntc-2018/cp3`).
    from: String,
    /// The id of the node it points to.
    to: String,
    edge: crate::graph::Edge,
}

#[derive(JsonSchema)]
#[allow(dead_code)]
struct GraphNode {
    /// A certification id (`ntc-2018`) or an element key (`ntc-2018/cp3`).
    id: String,
    node: crate::graph::Node,
}

/// The JSON Schema (draft 7) of `referentiel.json`, as the text `referentiel schema` writes.
pub fn json_schema() -> String {
    let settings = schemars::generate::SchemaSettings::draft07();
    let mut root = settings.into_generator().into_root_schema_for::<File>().to_value();
    let obj = root.as_object_mut().expect("a schema is an object");
    obj.insert("title".into(), "referentiel: referentiel.json".into());
    obj.insert(
        "description".into(),
        "The whole corpus of referentiel and its graph (telechargements/json/referentiel.json), docs/exports.md.".into(),
    );
    let format = obj
        .get_mut("properties")
        .and_then(|p| p.get_mut("format"))
        .and_then(serde_json::Value::as_object_mut)
        .expect("File has a format");
    format.insert("const".into(), FORMAT.into());
    let mut text = serde_json::to_string_pretty(&root).expect("a schema serialises");
    text.push('\n');
    text
}
