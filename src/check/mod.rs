//! The checker: every rule of `docs/data-format.md` that serde cannot enforce alone.
//!
//! It runs in passes over the loaded files, each pushing diagnostics and none stopping the others,
//! so that one run reports every problem:
//!
//! 1. [`registry`]: the source documents and their noise lines;
//! 2. [`index`]: ids well-formed and unique, files saying which certification they belong to;
//! 3. [`refs`]: every reference resolves ("did you mean …?"), parent chains have no cycle;
//! 4. [`tables`]: matrices name existing rows and columns and state every cell;
//!    [`shapes`]: kinds that always have a parent have one, savoir tables hold no paragraphe, a
//!    limite is no heading, a title carries no footnote call (#24);
//! 5. [`citations`]: every text is printed at its cited lines (in parallel);
//! 6. [`coverage`]: every character of every source is claimed by a proven text or declared not to
//!    be content. It runs once every citation is proven and nothing else is wrong: before that,
//!    the texts that failed would show up as unclaimed and drown the real mistakes.
//! 7. [`vocabulary`]: the domain vocabulary's terms are unique, justified, and mean the documents' words.
//!
//! When a file failed to parse, passes 3 and 4 would drown the real mistake in consequences
//! (every reference into that file would dangle), so they are skipped and the report says so.

mod citations;
pub mod coverage;
mod index;
mod refs;
mod registry;
mod shapes;
mod tables;
mod vocabulary;

pub use index::{FileCtx, Index};
pub use refs::Resolved;
pub(crate) use vocabulary::term_key;

use crate::diag::Diagnostics;
use crate::load::Loaded;
use crate::sources::SourceSet;

/// What the checker learnt, for the model to be built from.
pub struct Checked<'a> {
    /// The data folder, as given.
    pub root: std::path::PathBuf,
    pub sources: SourceSet,
    pub index: Index<'a>,
    /// What every written reference names.
    pub resolved: refs::Resolved,
    /// How much of each source document the data accounts for.
    pub coverage: Vec<coverage::DocCoverage>,
}

/// Check everything; the result is usable only when `diags` stays empty.
pub fn run<'a>(loaded: &'a Loaded, diags: &mut Diagnostics) -> Checked<'a> {
    let sources = registry::build(loaded, diags);
    let index = index::build(loaded, diags);
    let mut resolved = refs::Resolved::default();
    if loaded.failed == 0 {
        resolved = refs::check(&index, &sources, diags);
        tables::check(&index, diags);
        shapes::check(&index, &sources, diags); // #24
    }
    let claims = citations::check(&index, &sources, diags);
    vocabulary::check(loaded, &sources, diags);
    let coverage =
        if diags.is_empty() { coverage::check(&claims, &sources, diags) } else { Vec::new() };
    Checked { root: loaded.root.clone(), sources, index, resolved, coverage }
}
