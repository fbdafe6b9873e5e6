//! The JSON Schema of the data format, generated from the serde types of this module (with
//! `schemars`), for editors: completion of keys and kind names, and errors as one types.
//!
//! Every data file has the shape of [`DataFile`] (`data-file.schema.json`); each folder of `data/`
//! conventionally holds only some of its keys, and gets a schema of its own that offers only those
//! ([`FILES`]). `referentiel schema --out docs/schema` writes them all; a test checks that the
//! shipped files are the generated ones and that every file of `data/` is valid.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::DataFile;

/// One schema file: its name, what it is for, and which top-level keys it offers.
pub struct SchemaFile {
    /// The file name without `.schema.json`.
    pub name: &'static str,
    /// The data files it describes.
    pub about: &'static str,
    /// The top-level keys of [`DataFile`] it offers; `None` for all of them.
    pub keys: Option<&'static [&'static str]>,
}

/// The schema files, the general one first.
pub const FILES: &[SchemaFile] = &[
    SchemaFile {
        name: "data-file",
        about: "Any data file of referentiel (every top-level key).",
        keys: None,
    },
    SchemaFile {
        name: "certification",
        about: "A file of data/certifications/<id>/: the certification record, or elements and matrices of one certification.",
        keys: Some(&["certification", "in", "doc", "noise", "layout", "elements", "matrices"]),
    },
    SchemaFile {
        name: "correspondences",
        about: "A file of data/correspondences/: tables that relate two certifications.",
        keys: Some(&["doc", "correspondences"]),
    },
    SchemaFile {
        name: "vocabulary",
        about: "A file of data/vocabulary/: a domain vocabulary of ours (curated).",
        keys: Some(&["vocabulary"]),
    },
    SchemaFile {
        name: "sources",
        about: "data/sources.yaml (the source documents) and data/sources/*.yaml (lines declared noise or layout).",
        keys: Some(&["sources", "doc", "noise", "layout"]),
    },
];

/// The schema file that describes a data file, by its path relative to the data folder
/// (`certifications/ntc-2018/elements.yaml`).
pub fn file_for(relative: &str) -> &'static SchemaFile {
    let relative = relative.replace('\\', "/");
    let name = match relative.split('/').next() {
        Some("certifications") => "certification",
        Some("correspondences") => "correspondences",
        Some("vocabulary") => "vocabulary",
        Some("sources" | "sources.yaml") => "sources",
        _ => "data-file",
    };
    FILES.iter().find(|f| f.name == name).expect("every name is in FILES")
}

/// The JSON Schema (draft 7) of one schema file.
pub fn schema(file: &SchemaFile) -> Value {
    let settings = schemars::generate::SchemaSettings::draft07();
    let mut root = settings.into_generator().into_root_schema_for::<DataFile>().to_value();
    let obj = root.as_object_mut().expect("a schema is an object");
    obj.insert("title".into(), Value::String(format!("referentiel: {}", file.name)));
    obj.insert("description".into(), Value::String(file.about.into()));
    if let Some(keys) = file.keys {
        let properties = obj
            .get_mut("properties")
            .and_then(Value::as_object_mut)
            .expect("DataFile has properties");
        for key in keys {
            assert!(properties.contains_key(*key), "`{key}` is not a key of a data file");
        }
        properties.retain(|k, _| keys.contains(&k.as_str()));
        prune_definitions(obj);
    }
    root
}

/// The text of a schema file as shipped: pretty JSON, keys sorted, with a final newline.
pub fn text(file: &SchemaFile) -> String {
    let mut s = serde_json::to_string_pretty(&sorted(schema(file))).expect("a schema serialises");
    s.push('\n');
    s
}

/// The value with every object's keys in sorted order, whether or not serde_json keeps
/// insertion order (its `preserve_order` feature), so that the text is the same in every build.
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut entries: Vec<(String, Value)> = m.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(sorted).collect()),
        v => v,
    }
}

/// Drop the definitions that nothing reachable from the root refers to.
fn prune_definitions(root: &mut Map<String, Value>) {
    let Some(Value::Object(defs)) = root.get("definitions") else { return };
    let mut reached = BTreeSet::new();
    let mut todo: Vec<String> = Vec::new();
    let mut top = root.clone();
    top.remove("definitions");
    refs(&Value::Object(top), &mut todo);
    while let Some(name) = todo.pop() {
        if reached.insert(name.clone())
            && let Some(def) = defs.get(&name)
        {
            refs(def, &mut todo);
        }
    }
    if let Some(Value::Object(defs)) = root.get_mut("definitions") {
        defs.retain(|k, _| reached.contains(k));
    }
}

/// The definition names that a schema refers to (`"$ref": "#/definitions/Name"`).
fn refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                if k == "$ref"
                    && let Some(name) = v.as_str().and_then(|s| s.strip_prefix("#/definitions/"))
                {
                    out.push(name.to_string());
                }
                refs(v, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_folder_schema_offers_only_its_keys_and_keeps_what_they_need() {
        let vocabulary = schema(file_for("vocabulary/metier.yaml"));
        let props: Vec<&String> = vocabulary["properties"].as_object().unwrap().keys().collect();
        assert_eq!(props, ["vocabulary"]);
        let defs = vocabulary["definitions"].as_object().unwrap();
        assert!(defs.contains_key("Vocabulary") && defs.contains_key("Term"));
        assert!(
            !defs.contains_key("Element"),
            "element definitions are not needed by a vocabulary"
        );
        let all = schema(file_for("elsewhere.yaml"));
        assert!(all["definitions"].as_object().unwrap().contains_key("Element"));
        assert_eq!(
            all["additionalProperties"],
            Value::Bool(false),
            "unknown keys are refused, as the loader does"
        );
    }

    #[test]
    fn paths_map_to_their_folder_schema() {
        assert_eq!(file_for("certifications/ntc-2018/elements.yaml").name, "certification");
        assert_eq!(file_for("correspondences/ntc-2013-2018.yaml").name, "correspondences");
        assert_eq!(file_for("sources.yaml").name, "sources");
        assert_eq!(file_for("sources/noise-cc-2017-reac.yaml").name, "sources");
    }
}
