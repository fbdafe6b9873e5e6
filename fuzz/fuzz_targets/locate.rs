//! Text location: any document, any needle, any range — `locate` answers without panicking, and
//! a line's own text is found at that line.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use referentiel::ids::DocId;
use referentiel::schema::{Lines, SourceKind};
use referentiel::sources::SourceDoc;

fuzz_target!(|input: (String, String, u16, u16)| {
    let (doc, needle, first, last) = input;
    let d = SourceDoc {
        id: DocId::new("fuzz"),
        file: "fuzz.txt".into(),
        path: "fuzz.txt".into(),
        kind: SourceKind::Reac,
        title: String::new(),
        lines: doc.lines().map(str::to_string).collect(),
        declared: BTreeMap::new(),
    };
    let _ = d.locate(&needle, Lines { first: first as usize, last: last as usize });
    if let Some(n) = (1..=d.len()).nth(first as usize % d.len().max(1)) {
        let line = d.line(n).to_string();
        // A content line (as `locate` counts them), not ending in a hyphen that joins it to the next.
        let content = referentiel::text::has_content(&line);
        if content && !line.trim_end().ends_with('-') {
            assert!(d.locate(&line, Lines::one(n)).is_ok(), "line {n}: {line:?}");
        }
    }
});
