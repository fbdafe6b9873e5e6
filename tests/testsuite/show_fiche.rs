//! (#27) `show` prints a compétence as its fiche — critères, savoir-faire, savoirs, évaluation,
//! items in full — accepts its id or code whatever the case, reads its breadcrumb parent › child
//! as the site does, and names its source by the document's title and « lignes », never by a
//! file hash or a raw key.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referentiel"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_compétence_prints_as_its_fiche_with_every_part_in_full() {
    let text = stdout(&run(&["show", "ntc-2018/cp3"]));
    for heading in ["Critères de performance", "Savoir-faire", "Savoirs", "Évaluation"] {
        assert!(text.lines().any(|l| l.starts_with(heading)), "no « {heading} » part:\n{text}");
    }
    // A critère in full, under its part (not only a section heading).
    let crit = text.split("Critères de performance").nth(1).expect("critères");
    assert!(
        crit.lines().nth(1).is_some_and(|l| l.trim_start().starts_with("- ") && l.len() > 30),
        "{text}"
    );
    // The evaluation names each modalité with what it belongs to.
    assert!(
        text.contains(
            "Évalué par Modalité d’évaluation Questionnement à partir de production(s) (dans"
        ),
        "{text}"
    );
}

#[test]
fn ids_and_codes_are_accepted_whatever_the_case() {
    let lower = stdout(&run(&["show", "ntc-2018/cp3"]));
    assert_eq!(stdout(&run(&["show", "ntc-2018/CP3"])), lower);
    assert_eq!(stdout(&run(&["show", "CP3", "--cert", "ntc-2018"])), lower);
}

#[test]
fn the_breadcrumb_runs_parent_then_child_and_no_raw_key_or_file_name_shows() {
    let text = stdout(&run(&["show", "ntc-2018/cp3"]));
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["show", "ntc-2018/cp3", "--json"]).stdout).unwrap();
    let ancestors: Vec<&str> =
        json["ancestors"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ancestors.last(), Some(&"ntc-2018/at1"), "parent last, root first: {ancestors:?}");
    // A critère of CP3: its breadcrumb reads the activité type, then CP3.
    let child = json["children"][0]["id"].as_str().expect("a child").to_string();
    let deeper = stdout(&run(&["show", &child]));
    let crumb = deeper.lines().find(|l| l.contains(" › ")).expect("a breadcrumb");
    let (at, cp3) = (
        crumb.find("Élaborer une stratégie commerciale omnicanale").expect("the activité type"),
        crumb.find("CP3").expect("CP3"),
    );
    assert!(at < cp3, "parent › child: {crumb}");
    assert!(!text.contains(".txt") && !text.contains(", lines "), "{text}");
    assert!(text.contains(", lignes "), "{text}");
    let epreuve = stdout(&run(&["show", "ntc-2018/ccp1-qpp"]));
    assert!(!epreuve.contains("duree:") && epreuve.contains("Durée"), "{epreuve}");
}
