//! What `referentiel export` offers (the command itself is in the binary's `cmd/export.rs`).

/// The formats `export` writes (every output but the site).
pub fn formats() -> Vec<String> {
    super::all().iter().map(|o| o.name().to_string()).filter(|n| n != "html").collect()
}
