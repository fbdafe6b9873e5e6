//! Any bytes as a data file: the loader never panics, and its diagnostic renders with a position
//! inside the file and no raw control character.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(d) = referentiel::load::parse_str(Path::new("fuzz.yaml"), text) {
        let mut diags = referentiel::diag::Diagnostics::default();
        diags.register_file(Path::new("fuzz.yaml"), text);
        diags.push(d);
        // Lines as YAML counts them (`\r` alone breaks a line too).
        let lines = referentiel::diag::yaml_lines(text).count();
        for d in diags.into_sorted() {
            assert!(d.line >= 1 && d.line <= lines.max(1) + 1, "line {} of {lines}", d.line);
            let shown = d.render();
            assert!(!shown.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{shown:?}");
        }
    }
});
