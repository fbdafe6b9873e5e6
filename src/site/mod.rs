//! The static site: renders the corpus into pages and writes them atomically to the build folder.

pub mod output;

use std::path::Path;

use crate::config::Config;
use crate::graph::Graph;
use crate::model::Corpus;
use output::SiteFiles;

/// What a build produced, for the command line and the benchmark.
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
}

/// Render every page of the site into memory.
pub fn render(corpus: &Corpus, graph: &Graph, cfg: &Config) -> Result<SiteFiles, String> {
    let mut files = SiteFiles::default();
    let mut html = String::new();
    html.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head>\n<body>\n<h1>{}</h1>\n<ul>\n",
        escape(&cfg.book.language),
        escape(&cfg.book.title),
        escape(&cfg.book.title)
    ));
    for c in &corpus.certs {
        let n: usize = corpus.counts(&c.id).values().sum();
        html.push_str(&format!("<li>{} ({}) : {} éléments</li>\n", escape(&c.title.text), escape(&c.version), n));
    }
    html.push_str("</ul>\n<p><a href=\"graph.json\">Le graphe complet (JSON)</a></p>\n</body>\n</html>\n");
    files.add("index.html", html);
    let json = serde_json::json!({
        "certifications": corpus.certs,
        "elements": corpus.elements,
        "matrices": corpus.matrices,
        "correspondences": corpus.correspondences,
        "graph": graph.to_json(),
    });
    files.add("graph.json", serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())?);
    Ok(files)
}

/// Render and publish to `out`.
pub fn build(corpus: &Corpus, cfg: &Config, out: &Path) -> Result<BuildReport, String> {
    let graph = Graph::build(corpus);
    let files = render(corpus, &graph, cfg)?;
    let report = BuildReport {
        pages: files.files.iter().filter(|(p, _)| p.extension().is_some_and(|e| e == "html")).count(),
        files: files.files.len(),
        bytes: files.total_bytes(),
    };
    output::publish(out, &files).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(report)
}

/// Escape text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
