//! The command line as a newcomer meets it in the first hour: it finds its configuration from a
//! sub-folder, refuses an empty data folder, speaks JSON on every command, ends quietly when its
//! reader goes away, shows one element, suggests the id that was meant, and writes markdown that
//! renders as markdown.

use crate::harness::bin;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).env("NO_COLOR", "1").output().expect("runs")
}

fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_configuration_is_found_from_a_sub_folder() {
    let out = run_in(&root().join("data/certifications"), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("ok : "), "{}", stderr(&out));
}

#[test]
fn outside_any_project_the_error_says_what_to_do() {
    let dir = std::env::temp_dir().join(format!("referentiel-nowhere-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = run_in(&dir, &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("aucun book.toml dans ce dossier ni dans ses parents"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--data"), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_empty_data_folder_is_an_error_not_an_empty_site() {
    let dir = std::env::temp_dir().join(format!("referentiel-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = run(&["--data", dir.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ce dossier de données ne contient aucune certification"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("certifications/<id>/"), "{}", stderr(&out));
    let site = dir.join("site");
    let out = run(&["--data", dir.to_str().unwrap(), "build", "--out", site.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!site.exists(), "nothing is built from an empty data folder");
    assert!(stderr(&out).contains("rien n’a été écrit"), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every command that prints a result, with arguments that give a result.
const COMMANDS: &[&[&str]] = &[
    &["check"],
    &["list"],
    &["show", "ntc-2018/cp3"],
    &["search", "commercial", "--limit", "50"],
    &["diff", "ntc-2013", "ntc-2018"],
    &["crosswalk", "ntc-2018", "cc-2017"],
];

#[test]
fn every_command_speaks_json_with_json_and_with_format_json() {
    for args in COMMANDS {
        for flag in [&["--json"][..], &["--format", "json"][..]] {
            let full: Vec<&str> = args.iter().chain(flag).copied().collect();
            let out = run(&full);
            assert_eq!(out.status.code(), Some(0), "{full:?}: {}", stderr(&out));
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&out.stdout);
            assert!(
                parsed.is_ok(),
                "{full:?} did not print JSON: {}",
                String::from_utf8_lossy(&out.stdout)
            );
        }
    }
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    for args in COMMANDS {
        let mut child = bin()
            .current_dir(root())
            .args(*args)
            .args(["--format", "text"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        drop(child.stdout.take()); // the reader goes away, as `| head -0` would
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
    }
}

#[test]
fn show_prints_an_element_with_what_it_holds() {
    let out = run(&["show", "ntc-2018/cp3"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("CP3 Mettre en œuvre des actions de fidélisation"), "{text}");
    assert!(text.contains("Évalué par"), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["show", "cp3", "--cert", "ntc-2018", "--json"]).stdout)
            .unwrap();
    assert_eq!(json["id"], "ntc-2018/cp3");
    assert!(json["children"].as_array().is_some_and(|c| !c.is_empty()));
    let ambiguous = run(&["show", "CP3"]);
    assert_eq!(ambiguous.status.code(), Some(2));
    assert!(stderr(&ambiguous).contains("ntc-2018/cp3"), "{}", stderr(&ambiguous));
}

#[test]
fn an_unknown_certification_gets_the_id_that_was_meant() {
    for args in [
        &["diff", "NTC-2013", "ntc-2018"][..],
        &["crosswalk", "ntc-2018", "cc-2071"][..],
        &["show", "NTC-2018/cp3"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("vouliez-vous dire `ntc-2013` ?")
                || err.contains("vouliez-vous dire `cc-2017` ?")
                || err.contains("vouliez-vous dire `ntc-2018` ?"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn the_markdown_diff_renders_as_lists_never_as_code() {
    use pulldown_cmark::{Event, Parser, Tag};
    let out = run(&["diff", "ntc-2013", "ntc-2018", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8_lossy(&out.stdout);
    let mut items = 0;
    for event in Parser::new(&md) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => panic!("the markdown diff contains a code block"),
            Event::Start(Tag::Item) => items += 1,
            _ => {}
        }
    }
    // Every listed change is an item (#25: only the levels both versions describe are compared,
    // so 2013 → 2018 lists a few dozen changes, not 600).
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["diff", "ntc-2013", "ntc-2018", "--format", "json"]).stdout)
            .unwrap();
    let listed =
        json["changes"].as_array().unwrap().iter().filter(|c| c["class"] != "unchanged").count();
    assert!(
        listed > 10 && items > listed,
        "expected the {listed} changes as list items, found {items}"
    );
}

#[test]
fn colour_is_off_when_no_color_is_set_and_on_when_forced() {
    let plain = bin()
        .current_dir(root())
        .args(["diff", "ntc-2013", "ntc-2018"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("\x1b["));
    let forced = bin()
        .current_dir(root())
        .args(["diff", "ntc-2013", "ntc-2018", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&forced.stdout).contains("\x1b["));
    let empty = bin()
        .current_dir(root())
        .args(["diff", "ntc-2013", "ntc-2018"])
        .env("NO_COLOR", "")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&empty.stdout).contains("\x1b["),
        "an empty NO_COLOR does not turn colour off"
    );
}

#[test]
fn completions_are_printed_for_a_shell() {
    let out = run(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("referentiel"));
}
