//! A hostile value in every string field of the data format: the fields are read from the JSON
//! Schemas that `referentiel schema` writes (not from a hand list), each field is tried alone on
//! the small fixture, and every value the checker lets through is put in at once and built. No
//! page may then hold the value as markup, and no inline `<script>` may be closed by it; the
//! browser test `tests/browser/hostile.test.mjs` loads every page of that site in Chromium at
//! 390 and 1280 px and asserts that no script of the value ran.

use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Markup in every form a page could be tricked into running, with the characters that end a
/// script's line (U+2028) and open an HTML comment. Each script sets `window.__pwned`.
pub const PAYLOAD: &str = "</ScRiPt ><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"><!--\u{2028}&amp;";

/// A data file of the hostile fixture and the schema that describes it.
struct File {
    path: &'static str,
    schema: &'static str,
}

const FILES: &[File] = &[
    File { path: "certifications/demo/certification.yaml", schema: "certification" },
    File { path: "certifications/demo/elements.yaml", schema: "data-file" },
    File { path: "certifications/demo2/certification.yaml", schema: "certification" },
    File { path: "certifications/demo2/elements.yaml", schema: "data-file" },
    File { path: "correspondences/demo-demo2.yaml", schema: "correspondences" },
    File { path: "vocabulary/demo.yaml", schema: "vocabulary" },
    File { path: "sources.yaml", schema: "sources" },
];

fn referentiel(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_referentiel")).args(args).output().expect("runs")
}

/// One place a hostile string can go: a file, the JSON pointer of the object, the property.
#[derive(Clone, Debug)]
pub struct Field {
    file: usize,
    object: String,
    property: String,
    /// The schema's name for the field (`Element.note`), for the report.
    pub name: String,
}

/// The fixture as JSON values, with its source texts: two certifications (the second a copy of
/// the first, cited from a copy of its source), a curated correspondence between them and a
/// vocabulary term, so that every file type of the format is there.
pub struct Fixture {
    values: Vec<Value>,
    sources: BTreeMap<String, Vec<String>>,
}

impl Fixture {
    pub fn new(base: &Path) -> Fixture {
        let yaml = |p: &str| -> Value {
            serde_saphyr::from_str(&fs::read_to_string(base.join(p)).unwrap()).unwrap()
        };
        let cert = yaml("certification.yaml");
        let elements = yaml("elements.yaml");
        // The copy: another id, another document (a line may be claimed by one document only).
        let copy = |v: &Value| -> Value {
            let text =
                serde_json::to_string(v).unwrap().replace("\"doc\":\"demo\"", "\"doc\":\"demo2\"");
            let mut v: Value = serde_json::from_str(&text).unwrap();
            if let Some(c) = v.get_mut("certification") {
                c["id"] = "demo2".into();
                c["lineage"] = "demo2".into();
            }
            if v.get("in").is_some() {
                v["in"] = "demo2".into();
            }
            v
        };
        let (cert2, elements2) = (copy(&cert), copy(&elements));
        let correspondences = serde_json::json!({"correspondences": [{
            "id": "demo-demo2", "status": "curated", "from": "demo", "to": "demo2",
            "author": "équipe", "date": "2025-01-01", "note": "Note.",
            "pairs": [{"from": ["cp1"], "to": ["cp1"], "relation": "close_match", "justification": "Même texte."}]
        }]});
        let vocabulary = serde_json::json!({"vocabulary": {
            "author": "équipe", "date": "2025-01-01", "status": "curated", "about": "Démonstration.", "use": "both",
            "terms": [{"term": "veille", "kind": "synonym", "means": ["veille commerciale"], "justification": "Le document le dit."}]
        }});
        let mut sources = yaml("sources.yaml");
        let mut second = sources["sources"][0].clone();
        second["id"] = "demo2".into();
        second["file"] = "demo2.txt".into();
        sources["sources"].as_array_mut().unwrap().push(second);
        let text: Vec<String> = fs::read_to_string(base.join("sources/demo.txt"))
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        let sources_text =
            BTreeMap::from([("demo".to_string(), text.clone()), ("demo2".to_string(), text)]);
        Fixture {
            values: vec![cert, elements, cert2, elements2, correspondences, vocabulary, sources],
            sources: sources_text,
        }
    }

    /// Write the fixture as a data folder (JSON is YAML).
    pub fn write(&self, data: &Path) {
        let _ = fs::remove_dir_all(data);
        for (f, v) in FILES.iter().zip(&self.values) {
            let p = data.join(f.path);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, serde_json::to_string_pretty(v).unwrap()).unwrap();
        }
        fs::create_dir_all(data.join("sources")).unwrap();
        for (doc, lines) in &self.sources {
            fs::write(data.join(format!("sources/{doc}.txt")), lines.join("\n") + "\n").unwrap();
        }
    }

    /// Put the payload in `field` (after its value, or as its value where it has none). With
    /// `cite`, where the object cites `lines`, the payload is also added to the end of the last
    /// cited source line (of the object's document, else its file's), so that a cited text can
    /// still be proven.
    fn poison(&mut self, field: &Field, cite: bool) {
        let file_doc = self.values[field.file].get("doc").and_then(Value::as_str).map(String::from);
        let object = self.values[field.file]
            .pointer_mut(&field.object)
            .and_then(Value::as_object_mut)
            .unwrap();
        let old = object.get(&field.property).and_then(Value::as_str).unwrap_or("").to_string();
        let new =
            if old.is_empty() { PAYLOAD.trim().to_string() } else { format!("{old} {PAYLOAD}") };
        object.insert(field.property.clone(), new.into());
        let doc = object
            .get("doc")
            .and_then(Value::as_str)
            .map(String::from)
            .or(file_doc)
            .unwrap_or_else(|| "demo".into());
        if cite
            && let Some(last) = object.get("lines").and_then(last_line)
            && let Some(lines) = self.sources.get_mut(&doc)
        {
            let line = &mut lines[last - 1];
            if !line.ends_with(PAYLOAD) {
                *line = format!("{} {PAYLOAD}", line.trim_end());
            }
        }
    }

    fn clone_of(&self) -> Fixture {
        Fixture { values: self.values.clone(), sources: self.sources.clone() }
    }
}

/// The last line of a `lines` value (`12`, `"12-14"`, `[3, "5-6"]`).
fn last_line(v: &Value) -> Option<usize> {
    match v {
        Value::Number(n) => n.as_u64().map(|n| n as usize),
        Value::String(s) => s.rsplit('-').next()?.trim().parse().ok(),
        Value::Array(a) => a.last().and_then(last_line),
        _ => None,
    }
}

/// The schemas `referentiel schema --out` writes, by name.
fn schemas(dir: &Path) -> BTreeMap<String, Value> {
    let out = referentiel(&["schema", "--out", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .trim_end_matches(".schema.json")
                    .to_string(),
                serde_json::from_str(&fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect()
}

/// A schema node with its references followed and its `anyOf`/`allOf` with null unwrapped.
fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..16 {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            node = root.pointer(r.trim_start_matches('#')).unwrap_or(node);
        } else if let Some(one) = ["anyOf", "allOf"].iter().find_map(|k| {
            node.get(*k)
                .and_then(Value::as_array)
                .and_then(|a| a.iter().find(|x| x.get("type") != Some(&"null".into())))
        }) {
            node = one;
        } else {
            break;
        }
    }
    node
}

/// A string that any text may fill: no enumeration, constant, pattern or format.
fn free_string(node: &Value) -> bool {
    let t = node.get("type");
    let string = t == Some(&"string".into())
        || t.and_then(Value::as_array).is_some_and(|a| a.contains(&"string".into()));
    string
        && !["enum", "const", "pattern", "format", "oneOf"].iter().any(|k| node.get(*k).is_some())
}

/// Every object of `value` that `schema` describes, and in it every free-string property of the
/// schema, present or not.
fn fields(
    root: &Value,
    schema: &Value,
    value: &Value,
    pointer: String,
    file: usize,
    name: &str,
    out: &mut Vec<Field>,
) {
    let schema = resolve(root, schema);
    let title = schema_name(root, schema).unwrap_or_else(|| name.to_string());
    match value {
        Value::Object(map) => {
            let Some(props) = schema.get("properties").and_then(Value::as_object) else { return };
            for (k, sub) in props {
                let sub_r = resolve(root, sub);
                if free_string(sub_r) && map.get(k).is_none_or(Value::is_string) {
                    out.push(Field {
                        file,
                        object: pointer.clone(),
                        property: k.clone(),
                        name: format!("{title}.{k}"),
                    });
                }
                if let Some(v) = map.get(k) {
                    fields(
                        root,
                        sub,
                        v,
                        format!("{pointer}/{k}"),
                        file,
                        &format!("{title}.{k}"),
                        out,
                    );
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = schema.get("items") {
                for (i, v) in items.iter().enumerate() {
                    fields(root, item, v, format!("{pointer}/{i}"), file, name, out);
                }
            }
        }
        _ => {}
    }
}

/// The definition's name of a resolved schema node, when it is one.
fn schema_name(root: &Value, node: &Value) -> Option<String> {
    root.get("definitions")?
        .as_object()?
        .iter()
        .find(|(_, d)| std::ptr::eq(*d, node))
        .map(|(k, _)| k.clone())
}

/// What the generator found: the fields the checker let the payload into (they reach the site),
/// and those it refused (they never do).
pub struct Poisoned {
    pub accepted: Vec<Field>,
    pub refused: Vec<Field>,
}

/// Try the payload in every field alone (and, where it is refused, with its cited source line
/// poisoned too); then write the fixture with every accepted field poisoned into `data`.
pub fn generate(work: &Path, base: &Path, data: &Path) -> Poisoned {
    let schemas = schemas(&work.join("schemas"));
    let clean = Fixture::new(base);
    let mut all = Vec::new();
    for (i, f) in FILES.iter().enumerate() {
        let root = &schemas[f.schema];
        fields(root, root, &clean.values[i], String::new(), i, f.schema, &mut all);
    }
    let probe = work.join("probe");
    let passes = |fx: &Fixture| {
        fx.write(&probe);
        referentiel(&["--data", probe.to_str().unwrap(), "check"]).status.success()
    };
    clean.write(&probe);
    assert!(passes(&clean), "the hostile fixture passes check before any payload");
    let (mut accepted, mut refused) = (Vec::new(), Vec::new());
    let mut together = clean.clone_of();
    for field in all {
        let mut fx = clean.clone_of();
        fx.poison(&field, false);
        let mut cite = false;
        let mut ok = passes(&fx);
        if !ok {
            fx = clean.clone_of();
            fx.poison(&field, true);
            ok = passes(&fx);
            cite = true;
        }
        if ok {
            together.poison(&field, cite);
            accepted.push(field);
        } else {
            refused.push(field);
        }
    }
    together.write(data);
    let _ = fs::remove_dir_all(&probe);
    Poisoned { accepted, refused }
}

/// Every HTML page under `dir`.
pub fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The page's inline scripts, each as the text between its opening tag and the first `</script`
/// that follows (in any case), as a browser reads them.
pub fn inline_scripts(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<script") {
        let open = at + i;
        let Some(gt) = lower[open..].find('>') else { break };
        let body = open + gt + 1;
        let end = lower[body..].find("</script").map_or(html.len(), |e| body + e);
        out.push(html[body..end].to_string());
        at = end.max(body);
    }
    out
}
