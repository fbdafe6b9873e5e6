//! The command line as a person uses it: exit codes, what is printed, and that a failed build
//! leaves the previous site untouched.

use crate::harness::referentiel;
use std::fs;
use std::path::PathBuf;

/// A fresh folder for one test of this area.
fn temp(name: &str) -> PathBuf {
    crate::harness::temp("cli", name)
}

fn copy_base(to: &std::path::Path) {
    fs::create_dir_all(to.join("sources")).unwrap();
    for f in ["sources.yaml", "certification.yaml", "elements.yaml", "sources/demo.txt"] {
        fs::copy(PathBuf::from("tests/fixtures/base").join(f), to.join(f)).unwrap();
    }
}

#[test]
fn check_exits_0_on_clean_data() {
    let out = referentiel(&["--data", "tests/fixtures/base", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("ok : 1 certifications, 5 éléments"));
}

#[test]
fn check_exits_1_on_data_errors_and_shows_them() {
    let dir = temp("broken");
    copy_base(&dir);
    fs::write(dir.join("bad.yaml"), "in: demo\ndoc: demo\nelements:\n  - id: x\n    kind: section\n    parent: cp8\n    text: FICHE DEMO\n    lines: 1\n").unwrap();
    let out = referentiel(&["--data", dir.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error[unknown-id]: identifiant inconnu `cp8`"), "{err}");
    assert!(err.contains("bad.yaml:6:13"), "{err}");
    assert!(err.contains("= conseil : vouliez-vous dire `cp2` ?"), "{err}");
    assert!(err.ends_with("1 problème dans 1 fichier\n"), "{err}");
    let json = referentiel(&["--data", dir.to_str().unwrap(), "check", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON diagnostics");
    assert_eq!(v[0]["code"], "unknown-id");
    assert_eq!(v[0]["line"], 6);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(referentiel(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(referentiel(&["--data", "/nonexistent/folder", "check"]).status.code(), Some(2));
}

#[test]
fn list_json_gives_counts_by_kind_table_states_and_source_coverage() {
    let out = referentiel(&["--data", "tests/fixtures/base", "list", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cert = &v["certifications"][0];
    assert_eq!(cert["id"], "demo");
    assert_eq!(cert["counts"]["competence_professionnelle"], 2);
    assert_eq!(cert["matrices"][0]["lost"], 1);
    // Every non-blank character of the fixture's source is claimed or declared.
    let cov = &v["coverage"][0];
    assert_eq!(cov["doc"], "demo");
    assert_eq!(cov["unclaimed"], 0);
    assert!(cov["claimed"].as_u64().unwrap() > 0 && cov["declared"].as_u64().unwrap() > 0);
    assert_eq!(
        cov["chars"].as_u64(),
        Some(cov["claimed"].as_u64().unwrap() + cov["declared"].as_u64().unwrap())
    );
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let dir = temp("build");
    let data = dir.join("data");
    copy_base(&data);
    let site = dir.join("site");
    let ok =
        referentiel(&["--data", data.to_str().unwrap(), "build", "--out", site.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    let before = fs::read(site.join("index.html")).unwrap();
    fs::write(data.join("bad.yaml"), "in: demo\nelements: [").unwrap();
    let bad =
        referentiel(&["--data", data.to_str().unwrap(), "build", "--out", site.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("rien n’a été écrit"));
    assert_eq!(fs::read(site.join("index.html")).unwrap(), before);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn unknown_search_filters_exit_2_with_the_valid_values() {
    let out = referentiel(&["--data", "tests/fixtures/base", "search", "--cert", "nope", "veille"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("certification « nope » inconnu(e) ; valeurs possibles : demo"), "{err}");
    let out =
        referentiel(&["--data", "tests/fixtures/base", "search", "--kind", "competense", "veille"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "type « competense » inconnu(e) ; valeurs possibles : Certification, Section"
        )
    );
}
