//! The `json` output: the whole corpus (certifications, elements, matrices, correspondences) and
//! its graph in one file, `telechargements/json/referentiel.json`.

use crate::config::Config;
use crate::site::output::SiteFiles;

use super::{Output, RenderContext, DOWNLOADS_DIR};

pub struct Json;

impl Output for Json {
    fn name(&self) -> &'static str {
        "json"
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.json.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut SiteFiles) -> Result<(), String> {
        let c = ctx.corpus;
        let keep = |id: &crate::ids::CertId| ctx.only.is_empty() || ctx.only.contains(id);
        let json = serde_json::json!({
            "certifications": c.certs.iter().filter(|x| keep(&x.id)).collect::<Vec<_>>(),
            "elements": c.elements.iter().filter(|x| keep(&x.key.cert)).collect::<Vec<_>>(),
            "matrices": c.matrices.iter().filter(|x| keep(&x.cert)).collect::<Vec<_>>(),
            "correspondences": c.correspondences.iter().filter(|x| keep(&x.from) || keep(&x.to)).collect::<Vec<_>>(),
            "graph": ctx.graph.to_json(),
        });
        out.add(format!("{DOWNLOADS_DIR}/json/referentiel.json"), serde_json::to_vec(&json).map_err(|e| e.to_string())?);
        Ok(())
    }
}
