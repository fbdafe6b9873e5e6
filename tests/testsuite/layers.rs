//! The architecture as a rule: data flows once, in one direction,
//! `load → check → model → graph → {search, compare → diff/crosswalk, outputs}`, and no module
//! imports one that stands above it, nor one of its own layer that imports it back (no cycles).
//! Foundations (ids, text, diagnostics, schema …) sit below everything. A new module must be given
//! its layer here; the README's layer table is this list, and a test keeps them equal.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module of `src/` with its layer; a module may use modules of its own layer
/// or of lower ones, without a cycle. `lib` is the crate root (`load_corpus` runs load → check →
/// model); `cmd` is the binary's.
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
    ("lib", 4),
    ("present", 5),
    ("urls", 5),
    ("graph", 5),
    ("fiche", 6),
    ("grids", 6),
    ("search", 7),
    ("compare", 7),
    ("diff", 8),
    ("crosswalk", 8),
    ("build", 9),
    ("list", 10),
    ("site", 10),
    ("plan", 10),
    ("outputs", 11),
    ("serve", 12),
    ("cmd", 13),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The top-level module a source file belongs to (`src/site/pages/cert.rs` → `site`;
/// `src/lib.rs` → `lib`; `src/main.rs` → `cmd`, the binary's root).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    Some(if name == "main" { "cmd".to_string() } else { name.to_string() })
}

/// Every module named after `crate::` (library) or `referentiel::` (binary) in a file's code,
/// grouped imports included (`crate::{graph, model::Corpus}`); comments, where documentation
/// links to other modules, are not imports.
fn uses(text: &str) -> Vec<String> {
    let code: String =
        text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let ident = |s: &str| -> String {
        s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
    };
    let mut out = Vec::new();
    for prefix in ["crate::", "referentiel::"] {
        let mut rest = code.as_str();
        while let Some(i) = rest.find(prefix) {
            let after = &rest[i + prefix.len()..];
            if let Some(group) = after.strip_prefix('{') {
                // The first name of each top-level item of the group.
                let (mut depth, mut start) = (0usize, true);
                for (j, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => start = true,
                        c if start && !c.is_whitespace() => {
                            start = false;
                            let name = ident(&group[j..]);
                            if !name.is_empty() && name != "self" {
                                out.push(name);
                            }
                        }
                        _ => {}
                    }
                }
            } else {
                let name = ident(after);
                if !name.is_empty() {
                    out.push(name);
                }
            }
            rest = after;
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src/") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Which top-level modules each top-level module uses, with the files that do.
fn edges() -> BTreeMap<(String, String), Vec<String>> {
    let mut all = Vec::new();
    files(Path::new("src"), &mut all);
    let mut out: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for path in &all {
        let Some(module) = module_of(path) else { continue };
        let text = std::fs::read_to_string(path).expect("readable");
        for used in uses(&text) {
            if used != module && layer(&used).is_some() {
                out.entry((module.clone(), used)).or_default().push(path.display().to_string());
            }
        }
    }
    out
}

#[test]
fn every_module_has_a_layer_and_every_layer_a_module() {
    let mut all = Vec::new();
    files(Path::new("src"), &mut all);
    let found: BTreeSet<String> = all.iter().filter_map(|p| module_of(p)).collect();
    let unknown: Vec<&String> = found.iter().filter(|m| layer(m).is_none()).collect();
    assert!(
        unknown.is_empty(),
        "modules without a layer in tests/testsuite/layers.rs: {unknown:?}"
    );
    let gone: Vec<&str> = LAYERS.iter().map(|(m, _)| *m).filter(|m| !found.contains(*m)).collect();
    assert!(gone.is_empty(), "layers naming a module that src/ no longer has: {gone:?}");
    // The library declares every module but the binary's.
    let lib = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs");
    let declared: BTreeSet<&str> =
        lib.lines().filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';')).collect();
    let expected: BTreeSet<&str> =
        LAYERS.iter().map(|(m, _)| *m).filter(|m| !matches!(*m, "lib" | "cmd")).collect();
    assert_eq!(declared, expected, "src/lib.rs declares other modules than the layers name");
}

#[test]
fn no_module_imports_one_above_it() {
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ((module, used), paths) in edges() {
        let (own, l) = (layer(&module).unwrap(), layer(&used).unwrap());
        if l > own {
            for p in paths {
                wrong.entry(p).or_default().push(format!("{used} (layer {l} > {module}'s {own})"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports that run against the data flow:\n{wrong:#?}");
}

/// The modules of a cycle in `edges`, if there is one (depth-first search).
fn cycle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeSet<(String, String)>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut c = path[i..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for (_, to) in edges.iter().filter(|(from, _)| from == node) {
            if let Some(c) = visit(to, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    let nodes: BTreeSet<&String> = edges.iter().map(|(a, _)| a).collect();
    nodes.into_iter().find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_modules_import_each_other() {
    let e: BTreeSet<(String, String)> = edges().into_keys().collect();
    assert_eq!(cycle(&e), None, "modules that import each other, in a cycle");
}

#[test]
fn the_rules_catch_a_backward_import_a_group_and_a_cycle() {
    // The scanner: `search` (layer 7) using `site` (layer 9) is found, also inside a group.
    let found = uses(
        "//! [`x`](crate::cmd)\nuse crate::site::pages;\nlet x = crate::present::truncate(s, 3);\n\
         use crate::{graph::Graph, model::{Corpus, Cite}, self};",
    );
    assert_eq!(found, ["site", "present", "graph", "model"]);
    assert!(layer("site") > layer("search"));
    // Two modules of one layer importing each other (the old model ⇄ vocabulary) are a cycle.
    let e: BTreeSet<(String, String)> =
        [("model", "vocabulary"), ("vocabulary", "model"), ("graph", "model")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
    assert_eq!(cycle(&e).map(|c| c.len()), Some(3));
}

/// The README's table of layers, as this file declares them.
fn layer_table() -> String {
    let mut rows = String::from("| layer | modules |\n|---|---|\n");
    let top = LAYERS.iter().map(|(_, l)| *l).max().unwrap_or(0);
    for l in 0..=top {
        let names: Vec<String> =
            LAYERS.iter().filter(|(_, x)| *x == l).map(|(m, _)| format!("`{m}`")).collect();
        if !names.is_empty() {
            rows.push_str(&format!("| {l} | {} |\n", names.join(", ")));
        }
    }
    rows
}

#[test]
fn the_readme_shows_the_layers_as_they_are() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let table = layer_table();
    assert!(
        readme.contains(&table),
        "README.md's layer table differs from tests/testsuite/layers.rs; it should read:\n{table}"
    );
    // One flow line, the same in the README and the crate's documentation.
    let flow = |text: &str| -> Option<String> {
        text.lines()
            .map(|l| l.trim_start_matches("//!").trim())
            .find(|l| l.starts_with("data/*.yaml"))
            .map(str::to_string)
    };
    let lib = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs");
    assert_eq!(flow(&readme), flow(&lib), "README.md and src/lib.rs draw the flow differently");
}
