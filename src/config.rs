//! Site configuration, read from `book.toml`. Key names follow mdBook's where mdBook has them
//! (`book.title`, `book.language`, `build.build-dir`, `output.html.site-url`, `output.html.theme`).
//!
//! Every output (`[output.html]`, `[output.case]`, `[output.skos]`, `[output.sssom]`, `[output.moodle]`,
//! `[output.csv]`, `[output.json]`, `[output.grilles]`, `[output.xlsx]`) is on by default;
//! `enable = false` turns one off. The `[output.*]` table is open, as mdBook's: any other
//! `[output.NAME]` section is kept in [`Output::other`] for an output of that name
//! ([`crate::outputs::external`]).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::words::errors as w;

/// Why `book.toml` could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{}", w::config_unreadable(.path, .source))]
    Read { path: PathBuf, source: std::io::Error },
    /// It is not TOML, or a key is unknown or of the wrong type.
    #[error("{}", w::config_invalid(.path, .source))]
    Parse { path: PathBuf, source: toml::de::Error },
}

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
    pub(crate) language: String,
    #[serde(default)]
    pub description: String,
    /// #26: who curates the data (mdBook's `authors`): the author of a pair a reviewer accepts
    /// or rejects in `serve` (else `git config user.name`).
    #[serde(default)]
    pub(crate) authors: Vec<String>,
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
    /// Files of the site that no build writes, kept from one build to the next (`CNAME`, a
    /// folder as `notes/`); any other such file makes the build refuse, unless forced.
    #[serde(default)]
    pub keep: Vec<String>,
    /// `build --force`: delete the files of the site that no build wrote (not read from
    /// `book.toml`).
    #[serde(skip)]
    pub force: bool,
}

impl Default for Build {
    fn default() -> Self {
        Build {
            build_dir: default_build_dir(),
            data_dir: default_data_dir(),
            keep: Vec::new(),
            force: false,
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Output {
    #[serde(default)]
    pub html: Html,
    #[serde(default)]
    pub case: Case,
    #[serde(default)]
    pub skos: Section,
    #[serde(default)]
    pub sssom: Section,
    #[serde(default)]
    pub csv: Csv,
    #[serde(default)]
    pub json: Section,
    // issue #29: exports the tools people use accept.
    #[serde(default)]
    pub moodle: Section,
    /// `[output] base-iri`: the base of the exports' identifiers when `output.html.site-url` is
    /// not an absolute address ([`Output::export_base`]).
    #[serde(default, rename = "base-iri")]
    pub(crate) base_iri: Option<String>,
    /// `[output] license`: the licence the mapping tables (SSSOM) and packages (CASE) declare.
    #[serde(default)]
    pub license: Option<String>,
    /// #28: the evaluation grids as workbooks and CSV tables (`telechargements/grilles/`).
    #[serde(default)]
    pub(crate) grilles: Section,
    /// #29: a workbook per certification (`telechargements/xlsx/`).
    #[serde(default)]
    pub xlsx: Section,
    /// Every other `[output.NAME]` section (the table is open, as mdBook's): a table each, for an
    /// output of that name. A key of `[output]` itself that is not a table stays an error.
    #[serde(flatten)]
    pub other: std::collections::BTreeMap<String, toml::Table>,
}

// issue #29: the base of the exports' identifiers, the CASE and CSV settings.

/// The base of the exports' identifiers when the site has no absolute address and `book.toml`
/// gives no `[output] base-iri`: a URN, stable and absolute, that resolves nowhere (a page address
/// is only known once the site is published).
pub const DEFAULT_BASE_IRI: &str = "urn:referentiel:";

/// The licence of the official texts: the administration's documents are public information,
/// reusable under the Licence Ouverte / Open Licence 2.0 (Etalab), which also covers the tables
/// of ours published beside them.
pub(crate) const DEFAULT_LICENSE: &str = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

/// Does `s` start with a URI scheme (`https:`, `urn:`)?
pub(crate) fn is_absolute_iri(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

impl Output {
    /// The base the exports join page paths to: the site's address when it is absolute, else
    /// `[output] base-iri`, else [`DEFAULT_BASE_IRI`]. Never a path relative to a file.
    pub(crate) fn export_base(&self) -> String {
        let site = &self.html.site_url;
        if is_absolute_iri(site) {
            return if site.ends_with('/') { site.clone() } else { format!("{site}/") };
        }
        match self.base_iri.as_deref().filter(|b| is_absolute_iri(b)) {
            Some(b) if b.ends_with(['/', ':', '#']) => b.to_string(),
            Some(b) => format!("{b}/"),
            None => DEFAULT_BASE_IRI.into(),
        }
    }

    /// Why the exports do not use the site's address, when they do not (`build` says it once).
    pub fn export_base_warning(&self) -> Option<String> {
        if is_absolute_iri(&self.html.site_url) {
            return None;
        }
        Some(crate::words::exports::base_warning(&self.html.site_url, &self.export_base()))
    }

    /// The licence the exports declare: `[output] license`, else [`DEFAULT_LICENSE`].
    pub fn license(&self) -> &str {
        self.license.as_deref().unwrap_or(DEFAULT_LICENSE)
    }

    /// The address of a page (a site-root-relative path) as the exports give it: always absolute.
    pub(crate) fn export_address(&self, path: &str) -> String {
        format!("{}{}", self.export_base(), path)
    }
}

/// `[output.case]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Case {
    #[serde(default = "yes")]
    pub enable: bool,
    /// `1.1` (default) or `1.0`: in 1.0, `ext:` association types become `isRelatedTo` and the
    /// 1.1-only fields are left out (OpenSALT up to 3.2).
    #[serde(default = "default_case_version")]
    pub case_version: String,
    /// Whether a build also writes the static CASE provider's paths (`ims/case/v1p1/…`,
    /// [`crate::outputs::case_provider`]); on by default, never in `referentiel export`.
    #[serde(default = "yes")]
    pub provider: bool,
}

impl Default for Case {
    fn default() -> Self {
        Case { enable: true, case_version: default_case_version(), provider: true }
    }
}

fn default_case_version() -> String {
    "1.1".into()
}

/// `[output.csv]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Csv {
    #[serde(default = "yes")]
    pub enable: bool,
    /// The field separator: `;` (default, what a French spreadsheet expects), `,` or a tab.
    #[serde(default = "default_delimiter")]
    pub delimiter: char,
    /// The shape of the tables: `fr` (default, for a French spreadsheet) or `openedx` (Open edX's
    /// taxonomy import: `id`, `value`, `parent_id`, UTF-8 without BOM, comma).
    #[serde(default)]
    pub profile: CsvProfile,
}

impl Default for Csv {
    fn default() -> Self {
        Csv { enable: true, delimiter: default_delimiter(), profile: CsvProfile::default() }
    }
}

/// `[output.csv] profile`, `export csv --csv-profile`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CsvProfile {
    /// One row per element with its code, type, text, parent, level, source and address, for a
    /// French spreadsheet (`;`, BOM, CRLF).
    #[default]
    Fr,
    /// Open edX's taxonomy CSV (`id,value,parent_id`, no BOM, comma).
    Openedx,
}

impl CsvProfile {
    /// The profile called `name` (`fr`, `openedx`).
    pub fn named(name: &str) -> Option<CsvProfile> {
        match name {
            "fr" => Some(CsvProfile::Fr),
            "openedx" | "open-edx" => Some(CsvProfile::Openedx),
            _ => None,
        }
    }
}

fn default_delimiter() -> char {
    ';'
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
    pub(crate) nearest: usize,
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
    pub fn read(path: &Path) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
        let mut cfg: Config = toml::from_str(&text)
            .map_err(|source| Error::Parse { path: path.to_path_buf(), source })?;
        let base = path.parent().unwrap_or(Path::new("."));
        cfg.root =
            Some(if base.as_os_str().is_empty() { PathBuf::from(".") } else { base.to_path_buf() });
        for p in [&mut cfg.build.build_dir, &mut cfg.build.data_dir]
            .into_iter()
            .chain(cfg.output.html.theme.as_mut())
        {
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
            book: Book {
                title: "Référentiels".into(),
                language: default_language(),
                description: String::new(),
                authors: Vec::new(),
            },
            build: Build::default(),
            // Without a project folder, the built-in templates.
            output: Output { html: Html { theme: None, ..Html::default() }, ..Output::default() },
            crosswalk: Crosswalk::default(),
            root: None,
        }
    }
}
