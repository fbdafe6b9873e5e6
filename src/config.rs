//! Site configuration, read from `book.toml`. Key names follow mdBook's where mdBook has them
//! (`book.title`, `book.language`, `build.build-dir`, `output.html.site-url`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub book: Book,
    #[serde(default)]
    pub build: Build,
    #[serde(default)]
    pub output: Output,
    /// The folder of the configuration file (`None` without one): the site is never written over it.
    #[serde(skip)]
    pub root: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Book {
    pub title: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Deserialize)]
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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    #[serde(default)]
    pub html: Html,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Html {
    /// The address the site is published at, for readers' information only: every link in the
    /// site is relative, so it works from any sub-path and from `file://`.
    #[serde(default = "default_site_url")]
    pub site_url: String,
}

impl Default for Html {
    fn default() -> Self {
        Html { site_url: default_site_url() }
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
        for p in [&mut cfg.build.build_dir, &mut cfg.build.data_dir] {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        Ok(cfg)
    }
}

impl Config {
    /// The configuration used when there is no `book.toml` (with `--data`).
    pub fn read_default() -> Config {
        Config {
            book: Book { title: "Référentiels".into(), language: default_language(), description: String::new() },
            build: Build::default(),
            output: Output::default(),
            root: None,
        }
    }
}
