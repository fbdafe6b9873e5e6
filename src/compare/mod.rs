//! What comparing two certifications needs, whoever compares: [`diff`](crate::diff) (what
//! changed between versions) and [`crosswalk`](crate::crosswalk) (what corresponds between
//! certifications) both walk [`Tree`]s, score texts with [`similarity`], show [`Item`]s of two
//! [`Side`]s and print in one of the [`Format`]s.

pub mod format;
pub mod item;
pub mod similarity;
pub mod synonyms;
pub mod tree;

pub use format::{Format, Style, md};
pub use item::{Item, Side};
pub use synonyms::Synonyms;
pub use tree::Tree;
