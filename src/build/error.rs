//! Why a build did not publish: the output folder may not be written (it would replace the data,
//! the project or a git repository), a file could not be written, an output failed, or the pages'
//! links do not all lead somewhere. Each message comes from [`crate::words::build_folder`]; the
//! previous site is untouched in every case.

use std::path::PathBuf;

use crate::words::build_folder as w;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The output folder's path cannot be made absolute.
    #[error("{}", w::cannot_resolve_out(&.out.display().to_string(), &.source.to_string()))]
    ResolveOut { out: PathBuf, source: std::io::Error },
    /// The output is the root of the file system.
    #[error("{}", w::out_is_root(&.0.display().to_string()))]
    OutIsRoot(PathBuf),
    /// The data folder's path cannot be made absolute.
    #[error("{}", w::cannot_resolve_data(&.0.to_string()))]
    ResolveData(#[source] std::io::Error),
    /// The output is or holds the data folder.
    #[error("{}", w::out_holds_data(&.out.display().to_string(), &.data.display().to_string()))]
    OutHoldsData { out: PathBuf, data: PathBuf },
    /// The output is inside the data folder.
    #[error("{}", w::out_in_data(&.out.display().to_string(), &.data.display().to_string()))]
    OutInData { out: PathBuf, data: PathBuf },
    /// The configuration's folder cannot be made absolute.
    #[error("{}", w::cannot_resolve_config(&.0.to_string()))]
    ResolveConfig(#[source] std::io::Error),
    /// The output is or holds the project's folder (that of `book.toml`).
    #[error("{}", w::out_holds_project(&.out.display().to_string(), &.project.display().to_string()))]
    OutHoldsProject { out: PathBuf, project: PathBuf },
    /// The output is in, or holds, a git repository.
    #[error("{}", w::out_in_git(&.0.display().to_string()))]
    OutInGit(PathBuf),
    /// The staging folder could not be made or written, or could not take the output's place
    /// (the folder is not a site of ours, holds files no build wrote …: the source says why).
    #[error("{}", w::cannot_write(&.path.display().to_string(), &.source.to_string()))]
    Write { path: PathBuf, source: std::io::Error },
    /// An output failed.
    #[error(transparent)]
    Output(#[from] super::OutputError),
}
