//! The `html` output: the static site ([`crate::site`]), with its "Téléchargements" page listing
//! the files of the other outputs.

use crate::build::{Files, Output, RenderContext, RenderError};
use crate::config::Config;

pub struct Html;

impl Output for Html {
    fn name(&self) -> &str {
        "html"
    }
    fn label(&self, _: &Config) -> &str {
        crate::words::outputs::HTML.0
    }
    fn description(&self, _: &Config) -> &str {
        crate::words::outputs::HTML.1
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.html.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        Ok(crate::site::render_with(ctx.corpus, ctx.graph, ctx.config, ctx, out)?)
    }
    fn lists_downloads(&self) -> bool {
        true
    }
}
