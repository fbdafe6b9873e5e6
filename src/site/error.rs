//! Why the site could not be rendered: a theme file that cannot be read, a template that does not
//! compile or render, a page's own failure. Each message comes from [`crate::words::errors`].

use std::path::PathBuf;

use crate::words::errors as w;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file of the theme folder could not be read.
    #[error("{}", w::cannot_read(.path, .source))]
    Theme { path: PathBuf, source: std::io::Error },
    /// The templates do not compile (built-in or the theme's).
    #[error("{}", w::templates(.0))]
    Templates(#[source] tera::Error),
    /// A template failed to render a page.
    #[error("{}", w::template(.name, .source))]
    Template { name: String, source: tera::Error },
    /// The thread building the search index stopped.
    #[error("{}", crate::words::build_folder::NO_SEARCH_INDEX)]
    NoSearchIndex,
    /// A training plan of the plans folder does not check: its diagnostics.
    #[error("{}", .0.iter().map(|d| d.render()).collect::<Vec<_>>().join("\n"))]
    Plan(Vec<crate::diag::Diagnostic>),
}
