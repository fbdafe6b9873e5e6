//! The JSON Schema of the data format (`docs/schema/`): the shipped files are the ones generated
//! from the serde types, every data file is valid against them, and they refuse what the loader
//! refuses.

use std::path::Path;

use referentiel::schema::json::{self, FILES};
use serde_json::Value;

fn validator(name: &str) -> jsonschema::Validator {
    let file = FILES.iter().find(|f| f.name == name).unwrap();
    jsonschema::options().build(&json::schema(file)).expect("the schema compiles")
}

/// A YAML file as the JSON value an editor's schema checker sees.
fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).expect("valid YAML")
}

fn errors(v: &jsonschema::Validator, value: &Value) -> Vec<String> {
    v.iter_errors(value).take(5).map(|e| format!("{e} at {}", e.instance_path)).collect()
}

#[test]
fn the_shipped_schemas_are_the_generated_ones() {
    for file in FILES {
        let path = format!("docs/schema/{}.schema.json", file.name);
        let shipped = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            shipped == json::text(file),
            "{path} is out of date: run `cargo run --release -- schema --out docs/schema`"
        );
    }
    // #28: and the schema of a training plan.
    let plan = std::fs::read_to_string("docs/schema/plan.schema.json").unwrap();
    assert!(
        plan == referentiel::plan::json_schema(),
        "docs/schema/plan.schema.json is out of date: run `cargo run --release -- schema --out docs/schema`"
    );
    let shipped = std::fs::read_dir("docs/schema").unwrap().count();
    assert_eq!(
        shipped,
        FILES.len() + 2,
        "docs/schema holds only the generated schemas (and the JSON export's, tests/testsuite/export_formats.rs)"
    );
}

#[test]
fn every_data_file_is_valid_against_its_folder_schema_and_the_general_one() {
    let all = validator("data-file");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new("data").sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let relative =
            entry.path().strip_prefix("data").unwrap().to_string_lossy().replace('\\', "/");
        let value = yaml(&std::fs::read_to_string(entry.path()).unwrap());
        let folder = validator(json::file_for(&relative).name);
        assert_eq!(
            errors(&folder, &value),
            Vec::<String>::new(),
            "{relative} against {}",
            json::file_for(&relative).name
        );
        assert_eq!(errors(&all, &value), Vec::<String>::new(), "{relative} against data-file");
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} data files found");
}

#[test]
fn the_schemas_refuse_the_mistakes_an_editor_should_flag() {
    let v = validator("certification");
    let good = "in: ntc-2018\nelements:\n  - {id: cp3, kind: competence_professionnelle, text: Prospecter, lines: 309-310}\n";
    assert_eq!(errors(&v, &yaml(good)), Vec::<String>::new());
    for (bad, why) in [
        (
            "in: ntc-2018\nelements:\n  - {id: cp3, kind: competence_pro, text: Prospecter, lines: 309}\n",
            "an unknown kind",
        ),
        (
            "in: ntc-2018\nelements:\n  - {id: cp3, kind: savoir, text: Prospecter, lines: 309, colour: red}\n",
            "an unknown key",
        ),
        (
            "in: ntc-2018\nelements:\n  - {id: cp3, kind: savoir, lines: 309}\n",
            "an element without text",
        ),
        (
            "in: ntc-2018\nelements:\n  - {id: cp3, kind: savoir, text: Prospecter, lines: 309 to 310}\n",
            "lines that are not a range",
        ),
        (
            "vocabulary: {author: x, date: 2025-01-01, status: curated, terms: []}\n",
            "a vocabulary in a certification's folder",
        ),
    ] {
        assert!(!v.is_valid(&yaml(bad)), "the certification schema accepts {why}");
    }
    // The loader agrees on each of these refusals that is about the format itself.
    let loaded: Result<referentiel::schema::DataFile, _> = serde_saphyr::from_str(
        "elements:\n  - {id: a, kind: savoir, text: t, lines: 1, colour: red}\n",
    );
    assert!(loaded.is_err());
}

#[test]
fn a_schema_is_printed_by_the_command_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_referentiel"))
        .args(["schema", "vocabulary"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["title"], "referentiel: vocabulary");
    assert!(printed["properties"].get("vocabulary").is_some());
}

/// The data format's guide names every kind of element in its table of kinds, so that a kind added
/// to the table in `src/schema/kinds.rs` cannot go undocumented for the people who write data.
#[test]
fn the_data_format_guide_names_every_kind() {
    let guide = std::fs::read_to_string("docs/data-format.md").unwrap();
    let start = guide.find("### Kinds").expect("a section « Kinds »");
    let section = &guide[start..];
    let section = &section[..section[3..].find("\n### ").map_or(section.len(), |i| i + 3)];
    for kind in referentiel::schema::Kind::ALL {
        assert!(
            section.contains(&format!("`{}`", kind.name())),
            "docs/data-format.md: the table of kinds does not name `{kind}`"
        );
    }
}
