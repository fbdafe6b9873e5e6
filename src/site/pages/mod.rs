//! One module per kind of page. Each turns part of the corpus into a template context and renders
//! it; none writes files (the site module collects the pages and publishes them at once).

pub mod catalogue;
pub mod cert;
pub mod codes;
pub mod compare;
pub mod downloads;
pub mod element;
pub mod evolution;
pub mod fiche;
pub mod glossary;
pub mod grids;
pub mod home;
pub(crate) mod notfound;
pub(crate) mod paging;
/// #26: the passerelle page of a pair of certifications.
pub(crate) mod passerelle;
pub mod plans;
pub(crate) mod positioning;
pub mod printable;
pub mod sources;
pub mod summary;
pub(crate) mod synoptic;
pub mod tables;
#[cfg(test)]
mod template_fields;

/// A rendered page: its path from the site root and its HTML.
pub type Page = (String, String);
