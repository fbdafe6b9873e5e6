//! The `json` output: the whole corpus (certifications, elements, matrices, correspondences) and
//! its graph in one file, `telechargements/json/referentiel.json`.

use crate::config::Config;
use crate::site::output::SiteFiles;

use super::{DOWNLOADS_DIR, Output, RenderContext};

pub struct Json;

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
    fn render(&self, ctx: &RenderContext, out: &mut SiteFiles) -> Result<(), String> {
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
        bytes.extend_from_slice(b",\"graph\":");
        ctx.graph.write_json(&mut bytes);
        part(&mut bytes, "matrices", &mut c.matrices.iter().filter(|x| keep(&x.cert)).map(value));
        bytes.push(b'}');
        out.add(format!("{DOWNLOADS_DIR}/json/referentiel.json"), bytes);
        Ok(())
    }
}

/// One item as a JSON value (its keys sorted, as in a `Value` of the whole file).
fn value<T: serde::Serialize>(x: &T) -> serde_json::Value {
    serde_json::to_value(x).expect("a corpus item serialises to JSON")
}
