//! The architecture as a rule: data flows once, in one direction,
//! `load → check → model → graph → {search, compare → diff/crosswalk, outputs}`, and no module
//! imports one that stands above it. Foundations (ids, text, diagnostics, schema …) sit below
//! everything. A new module must be given its layer here.

use std::collections::BTreeMap;
use std::path::Path;

/// Each top-level module of `src/` with its layer; a module may use modules of its own layer
/// or of lower ones.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("ids", 0),
    ("diag", 0),
    ("config", 0),
    ("scratch", 0),
    ("phases", 0),
    ("words", 0),
    ("lang", 1),
    ("schema", 1),
    ("sources", 2),
    ("load", 2),
    ("import", 2),
    ("check", 3),
    ("model", 4),
    ("vocabulary", 4),
    ("present", 5),
    ("urls", 5),
    ("graph", 5),
    ("fiche", 6),
    ("grids", 6),
    ("search", 7),
    ("compare", 7),
    ("diff", 8),
    ("crosswalk", 8),
    ("list", 9),
    ("site", 9),
    ("plan", 9),
    ("outputs", 10),
    ("serve", 11),
    ("cmd", 12),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The top-level module a source file belongs to (`src/site/pages/cert.rs` → `site`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// Every module named after `crate::` (library) or `referentiel::` (binary) in a file's code
/// (comments, where documentation links to other modules, are not imports).
fn uses(text: &str) -> Vec<String> {
    let code: String =
        text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut out = Vec::new();
    for prefix in ["crate::", "referentiel::"] {
        let mut rest = code.as_str();
        while let Some(i) = rest.find(prefix) {
            let after = &rest[i + prefix.len()..];
            let name: String =
                after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.push(name);
            }
            rest = after;
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src/") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_has_a_layer() {
    let mut all = Vec::new();
    files(Path::new("src"), &mut all);
    let unknown: Vec<String> =
        all.iter().filter_map(|p| module_of(p)).filter(|m| layer(m).is_none()).collect();
    assert!(unknown.is_empty(), "modules without a layer in tests/layers.rs: {unknown:?}");
}

#[test]
fn no_module_imports_one_above_it() {
    let mut all = Vec::new();
    files(Path::new("src"), &mut all);
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in &all {
        let Some(module) = module_of(path) else { continue };
        let Some(own) = layer(&module) else { continue };
        let text = std::fs::read_to_string(path).expect("readable");
        for used in uses(&text) {
            if let Some(l) = layer(&used)
                && l > own
            {
                wrong
                    .entry(path.display().to_string())
                    .or_default()
                    .push(format!("{used} (layer {l} > {module}'s {own})"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports that run against the data flow:\n{wrong:#?}");
}

#[test]
fn the_rule_catches_an_import_that_runs_backwards() {
    // The scanner itself: `search` (layer 7) using `site` (layer 9) is found.
    let found = uses(
        "//! [`x`](crate::cmd)\nuse crate::site::pages;\nlet x = crate::present::truncate(s, 3);",
    );
    assert_eq!(found, vec!["site".to_string(), "present".to_string()]);
    assert!(layer("site") > layer("search"));
}
