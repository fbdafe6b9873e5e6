//! The test suite: one binary (as mdBook's `tests/testsuite/`), one module per area, sharing
//! [`harness`]; fixtures live in `tests/fixtures/<area>/`. Run one area with
//! `cargo test --release --test testsuite <area>::` (e.g. `safety::`).

mod harness;
/// Synthetic referentials of any size, shared with the benchmarks.
#[path = "../synthetic/mod.rs"]
mod synthetic;

mod check_shapes;
mod cli;
mod crosswalk;
mod crosswalk_eval;
mod crosswalk_rank;
mod data;
mod diagnostics;
mod diff;
mod errors;
mod evolution_eval;
mod evolution_pages;
mod export_formats;
mod fiche_pages;
mod grids;
mod import;
mod incremental;
mod kept_check;
mod layers;
mod listing_pages;
mod newcomer;
mod outputs;
mod peer_hugo;
mod plan;
mod property;
mod safety;
mod schema;
mod search_parity;
mod serve;
mod show_fiche;
mod site;
mod words;
