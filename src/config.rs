//! Site configuration, read from `book.toml`. Key names follow mdBook's where mdBook has them
//! (`book.title`, `book.language`, `build.build-dir`, `output.html.site-url`, `output.html.theme`).
//!
//! Every output (`[output.html]`, `[output.case]`, `[output.skos]`, `[output.sssom]`,
//! `[output.csv]`, `[output.json]`) is on by default; `enable = false` turns one off.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub book: Book,
    #[serde(default)]
    pub build: Build,
    #[serde(default)]
    pub output: Output,
    #[serde(default)]
    pub crosswalk: Crosswalk,
    /// The folder of the configuration file (`None` without one): the site is never written over it.
    #[serde(skip)]
    pub root: Option<PathBuf>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Book {
    pub title: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Build {
    /// Where the site is written.
    #[serde(default = "default_build_dir")]
    pub build_dir: PathBuf,
    /// Where the data is read from.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
}

impl Default for Build {
    fn default() -> Self {
        Build { build_dir: default_build_dir(), data_dir: default_data_dir() }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    #[serde(default)]
    pub html: Html,
    #[serde(default)]
    pub case: Section,
    #[serde(default)]
    pub skos: Section,
    #[serde(default)]
    pub sssom: Section,
    #[serde(default)]
    pub csv: Section,
    #[serde(default)]
    pub json: Section,
    /// #28: the evaluation grids as workbooks and CSV tables (`telechargements/grilles/`).
    #[serde(default)]
    pub grilles: Section,
}

/// `[crosswalk]`: which pairs of certifications a build crosswalks, beyond those a correspondence
/// table or a lineage relates.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    /// Pairs always crosswalked: `pairs = [["ntc-2018", "bts-nrc"]]`.
    #[serde(default)]
    pub pairs: Vec<[String; 2]>,
    /// How many closest certifications each one is crosswalked with (4 by default; 0 for none).
    #[serde(default = "default_nearest")]
    pub nearest: usize,
}

impl Default for Crosswalk {
    fn default() -> Self {
        Crosswalk { pairs: Vec::new(), nearest: default_nearest() }
    }
}

fn default_nearest() -> usize {
    4
}

/// The section of an output that has no setting but whether it runs.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(default = "yes")]
    pub enable: bool,
}

impl Default for Section {
    fn default() -> Self {
        Section { enable: true }
    }
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Html {
    /// The address the site is published at, for readers' information only: every link in the
    /// site is relative, so it works from any sub-path and from `file://`.
    /// The exports' addresses (CASE `uri`s, SKOS IRIs, CSV page addresses) are this address joined
    /// with the page's path: give the absolute publication address for addresses that resolve
    /// from anywhere.
    #[serde(default = "default_site_url")]
    pub site_url: String,
    #[serde(default = "yes")]
    pub enable: bool,
    /// A folder of templates (`base.html`, … and `assets/`) that replace the built-in ones of the
    /// same name, read at every build: the look can change without recompiling. Relative to
    /// `book.toml`; a missing folder means the built-in templates.
    #[serde(default = "default_theme")]
    pub theme: Option<PathBuf>,
}

impl Default for Html {
    fn default() -> Self {
        Html { site_url: default_site_url(), enable: true, theme: default_theme() }
    }
}

fn default_theme() -> Option<PathBuf> {
    Some("templates".into())
}

impl Html {
    /// The address of a page (a site-root-relative path) as the exports give it.
    pub fn address(&self, path: &str) -> String {
        format!("{}/{}", self.site_url.trim_end_matches('/'), path)
    }
}

fn default_language() -> String {
    "fr".into()
}
fn default_build_dir() -> PathBuf {
    "site".into()
}
fn default_data_dir() -> PathBuf {
    "data".into()
}
fn default_site_url() -> String {
    "/".into()
}

impl Config {
    /// Read `book.toml`; relative folders are taken from the file's own folder.
    pub fn read(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut cfg: Config = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        cfg.root = Some(if base.as_os_str().is_empty() { PathBuf::from(".") } else { base.to_path_buf() });
        for p in [&mut cfg.build.build_dir, &mut cfg.build.data_dir].into_iter().chain(cfg.output.html.theme.as_mut()) {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        Ok(cfg)
    }
}

impl Config {
    /// The nearest `book.toml`, in `start` or one of its parents (as cargo finds `Cargo.toml`).
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start.ancestors().map(|dir| dir.join("book.toml")).find(|p| p.is_file())
    }

    /// The configuration used when there is no `book.toml` (with `--data`).
    pub fn read_default() -> Config {
        Config {
            book: Book { title: "Référentiels".into(), language: default_language(), description: String::new() },
            build: Build::default(),
            // Without a project folder, the built-in templates.
            output: Output { html: Html { theme: None, ..Html::default() }, ..Output::default() },
            crosswalk: Crosswalk::default(),
            root: None,
        }
    }
}
