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

/// What a check keeps for the next check of the same data (`serve`): the results of its pure,
/// costly parts, each found again only by everything it depends on — the searches that prove a
/// cited text (by the document's content, the lines and the text), the words the documents
/// print (by all their contents), each document's coverage (by its content and the claims on it).
/// Every rule still runs on the whole data; each check keeps only what it used.
#[derive(Default)]
pub struct Memo {
    proofs: citations::Proofs,
    printed: vocabulary::Printed,
    sheets: coverage::Sheets,
}

impl Memo {
    /// How many searches for a cited text the last check made (those it could not take from an
    /// earlier check).
    pub fn searched(&self) -> usize {
        self.proofs.made
    }
}

/// A hash of what searching a document depends on: its lines and which are declared not to be
/// content.
fn content_hash(doc: &crate::sources::SourceDoc) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    doc.lines.hash(&mut h);
    for (line, d) in &doc.declared {
        (line, d.reason.key()).hash(&mut h);
    }
    h.finish()
}

/// Run a pass under `cancel` (the cancel of the thread that handed it to another), into
/// diagnostics of its own.
fn pass<T>(
    cancel: &Option<crate::phases::Cancel>,
    f: impl FnOnce(&mut Diagnostics) -> T,
) -> (T, Diagnostics) {
    let _cancel = cancel.as_ref().map(|c| c.enter());
    let mut d = Diagnostics::default();
    let out = f(&mut d);
    (out, d)
}

/// Check everything; the result is usable only when `diags` stays empty.
pub fn run<'a>(loaded: &'a Loaded, diags: &mut Diagnostics) -> Checked<'a> {
    run_kept(loaded, diags, &mut Memo::default())
}

/// [`run`] again after a change, with what an earlier check kept ([`Memo`]); `memo` is left
/// holding this check's.
pub fn run_kept<'a>(loaded: &'a Loaded, diags: &mut Diagnostics, memo: &mut Memo) -> Checked<'a> {
    use crate::phases::time;
    use rayon::prelude::*;
    let sources = time("check: registry", || registry::build(loaded, diags));
    let hashes: std::collections::HashMap<crate::ids::DocId, u64> =
        sources.docs.par_iter().map(|(id, doc)| (id.clone(), content_hash(doc))).collect();
    let index = time("check: index", || index::build(loaded, diags));
    // Passes 3–5 and 7 only read the index and the sources: they run side by side, each into
    // its own diagnostics, merged in the passes' order (the report does not depend on which
    // finished first). The threads stop with this one when a newer save supersedes the check.
    let cancel = crate::phases::Cancel::current();
    let (ix, src, hs) = (&index, &sources, &hashes);
    let ((resolved, named), ((_, shaped), (claims, texts))) = rayon::join(
        || {
            pass(&cancel, |d| match loaded.failed {
                0 => time("check: refs", || refs::check(ix, src, d)),
                _ => refs::Resolved::default(),
            })
        },
        || {
            rayon::join(
                || {
                    pass(&cancel, |d| {
                        if loaded.failed == 0 {
                            time("check: tables", || tables::check(ix, d));
                            time("check: shapes", || shapes::check(ix, src, d)); // #24
                        }
                    })
                },
                || {
                    pass(&cancel, |d| {
                        let claims = time("check: citations", || {
                            citations::check_kept(ix, src, hs, d, &mut memo.proofs)
                        });
                        time("check: vocabulary", || {
                            vocabulary::check(loaded, src, hs, d, &mut memo.printed)
                        });
                        claims
                    })
                },
            )
        },
    );
    diags.append(named);
    diags.append(shaped);
    diags.append(texts);
    let coverage = if diags.is_empty() {
        time("check: coverage", || {
            coverage::check(&claims, &sources, &hashes, diags, &mut memo.sheets)
        })
    } else {
        Vec::new()
    };
    Checked { root: loaded.root.clone(), sources, index, resolved, coverage }
}
