//! What an output is: the [`Output`] trait every output implements, what it receives
//! ([`RenderContext`]), how it fails ([`OutputError`]) and what the site lists of the files it
//! wrote ([`Download`]).

use std::sync::OnceLock;

use super::Files;
use crate::config::Config;
use crate::crosswalk::{AllCrosswalks, Crosswalk};
use crate::graph::Graph;
use crate::ids::CertId;
use crate::model::Corpus;

/// The folder of the site that holds the exports.
pub const DOWNLOADS_DIR: &str = "telechargements";

/// What every output receives.
pub struct RenderContext<'a> {
    pub corpus: &'a Corpus,
    pub graph: &'a Graph,
    /// The whole configuration; an output reads its own `[output.NAME]` section and, for the
    /// addresses of pages, `output.html.site-url`.
    pub config: &'a Config,
    /// The files the exports wrote under `telechargements/` (the site lists them), set once they
    /// have all written ([`RenderContext::downloads`] waits for it).
    pub downloads: &'a OnceLock<Vec<Download>>,
    /// Only these certifications (`referentiel export --cert`); empty for all.
    pub only: &'a [CertId],
    /// The crosswalks between certifications, computed once for all outputs that ask.
    pub crosswalks: &'a OnceLock<AllCrosswalks>,
}

impl RenderContext<'_> {
    /// The certifications to export, in corpus order.
    pub fn certs(&self) -> impl Iterator<Item = &crate::model::Certification> {
        self.corpus.certs.iter().filter(|c| self.only.is_empty() || self.only.contains(&c.id))
    }

    /// The crosswalks that get a page and an export: the pairs the build selects whose two
    /// certifications have compétences ([`crate::crosswalk::pairs`]).
    pub fn crosswalks(&self) -> impl Iterator<Item = &Crosswalk> {
        self.all_crosswalks().paged()
    }

    /// The crosswalks of the pairs the build selects, computed at the first call.
    pub(crate) fn all_crosswalks(&self) -> &AllCrosswalks {
        let policy = crate::crosswalk::PairPolicy::of_config(self.config);
        self.crosswalks.get_or_init(|| {
            crate::phases::time("crosswalks", || AllCrosswalks::build_with(self.corpus, &policy))
        })
    }

    /// The files the exports wrote (waits until they have all written).
    pub fn downloads(&self) -> &[Download] {
        self.downloads.wait()
    }

    /// Is this certification exported?
    pub(crate) fn keeps(&self, cert: &CertId) -> bool {
        self.only.is_empty() || self.only.contains(cert)
    }

    /// The address of a site page (site-root-relative path) as the exports give it: always an
    /// absolute IRI ([`crate::config::Output::export_base`]).
    pub fn address(&self, path: &str) -> String {
        self.config.output.export_address(path)
    }
}

/// What an output's [`Output::render`] fails with: its own error type, boxed (each output has
/// its failures; the build only names the output and says why).
pub type RenderError = Box<dyn std::error::Error + Send + Sync>;

/// An output's failure, with the output's name as context.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::words::errors::output_failed(.output, .source))]
pub struct OutputError {
    pub output: String,
    pub source: RenderError,
}

/// One output format: a plug-in, as mdBook's renderers are. A new export implements this trait
/// (its name, its French label and description from [`crate::words::outputs`], whether the
/// configuration enables it, how it writes its files) and is listed in [`crate::outputs::all`]; the site's
/// "Téléchargements" page takes its label and description from here.
pub trait Output: Sync {
    /// The name of its `[output.NAME]` section and of `referentiel export NAME`.
    fn name(&self) -> &str;
    /// Its French name, for readers (« CASE 1.1 », « Grilles d’évaluation »).
    fn label(&self, config: &Config) -> &str;
    /// What its files hold, in one French sentence, for readers.
    fn description(&self, config: &Config) -> &str;
    /// Whether the configuration enables it.
    fn enabled(&self, config: &Config) -> bool;
    /// Write its files into the build folder.
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError>;
    /// The certifications a file it wrote is about (for the site's lists).
    fn certs_of(&self, _ctx: &RenderContext, _path: &str) -> Vec<CertId> {
        Vec::new()
    }
    /// Whether it lists the files of the other outputs (then it does not write any under
    /// `telechargements/` itself, and a build hands them over as they are known).
    fn lists_downloads(&self) -> bool {
        false
    }
}

/// A file of the exports, as the site lists it: the "Téléchargements" page lists them all, and
/// each certification page its own.
#[derive(Clone, Debug)]
pub struct Download {
    /// Path from the site root (`telechargements/csv/ntc-2018.csv`).
    pub path: String,
    pub bytes: usize,
    /// The output that wrote it (`case`, `skos`, `sssom`, `csv`, `json`).
    pub format: String,
    /// That output's French name and description ([`Output::label`]).
    pub label: String,
    pub description: String,
    /// The certifications it is about (none for the whole corpus, two for a crosswalk).
    pub certs: Vec<CertId>,
}
