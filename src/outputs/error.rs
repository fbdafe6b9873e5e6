//! Why an output could not write its files: a JSON file, a workbook, a configuration value, a
//! program of `book.toml` (the site fails with its own [`crate::site::Error`]). Each message comes
//! from [`crate::words`]; the underlying error is the `source`. The build receives it boxed
//! ([`crate::build::RenderError`]), with the output's name.

use std::path::PathBuf;

use crate::ids::CertId;
use crate::words::errors as w;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A JSON file could not be serialised.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// A certification's workbook (`xlsx`).
    #[error("{}", crate::words::xlsx::failed(.cert.as_str(), &.source.to_string()))]
    Workbook { cert: CertId, source: rust_xlsxwriter::XlsxError },
    /// A certification's evaluation grids (`grilles`).
    #[error("{}", crate::words::command::grids_failed(.cert.as_str(), &.source.to_string()))]
    Grids { cert: CertId, source: rust_xlsxwriter::XlsxError },
    /// `[output.case] case-version` names no CASE version we write.
    #[error("{}", w::case_version(.0))]
    CaseVersion(String),
    /// An `[output.NAME]` section of `book.toml` names no built-in output and gives no program.
    #[error("{}", crate::words::outputs::no_command(.0))]
    NoCommand(String),
    /// The temporary folder a program writes into could not be made.
    #[error("{}", w::cannot_create(.path, .source))]
    Scratch { path: PathBuf, source: std::io::Error },
    /// A program of `book.toml` could not be started, or waited for.
    #[error("{}", w::cannot_run(.program, .source))]
    Run { program: String, source: std::io::Error },
    /// A program of `book.toml` failed: its status and what it printed.
    #[error("{}", w::program_failed(.command, .status, .output))]
    Program { command: String, status: std::process::ExitStatus, output: String },
    /// A file a program wrote could not be read back.
    #[error("{}", w::cannot_read(.path, .source))]
    Read { path: PathBuf, source: std::io::Error },
}
