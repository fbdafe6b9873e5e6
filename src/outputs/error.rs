//! Why an output could not write its files: the site's failure, a workbook, a configuration value,
//! a program of `book.toml`. Each message comes from [`crate::words`]; the underlying error is the
//! `source`.

use std::path::PathBuf;

use crate::ids::CertId;
use crate::words::errors as w;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site (`html`) could not be rendered.
    #[error(transparent)]
    Site(#[from] crate::site::Error),
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
    /// `[crosswalk] pairs` names a certification the data lacks, or pairs one with itself.
    #[error(transparent)]
    Pairs(#[from] crate::crosswalk::PairsError),
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
