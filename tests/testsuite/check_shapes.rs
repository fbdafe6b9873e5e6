//! #24: the checker sees a wrong kind, a missing parent and a double claim, not only a text that is
//! not at its lines. Each test starts from the valid fixture (`tests/fixtures/base` with the BTS
//! savoir table of `tests/fixtures/shapes` laid over it), makes the one mistake the audit of 004
//! found, and checks the diagnostic `referentiel check` gives.

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::copy_dir;
use referentiel::diag::{Code, Diagnostic};

/// The base fixture, the savoir table over it, then `files` over both; its diagnostics.
fn check(name: &str, files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir: PathBuf = crate::harness::temp("shapes", name);
    copy_dir(Path::new("tests/fixtures/base"), &dir);
    copy_dir(Path::new("tests/fixtures/shapes"), &dir);
    for (path, text) in files {
        fs::write(dir.join(path), text).unwrap();
    }
    let result = referentiel::load_corpus(&dir);
    let _ = fs::remove_dir_all(&dir);
    result.err().unwrap_or_default()
}

fn file(path: &str) -> String {
    fs::read_to_string(path).unwrap()
}

/// `text` with `from` replaced by `to`, which must be there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the fixture has no `{from}`");
    text.replacen(from, to, 1)
}

/// Exactly one diagnostic, of this code, at this line of this file, saying this.
#[track_caller]
fn assert_one(diags: &[Diagnostic], file: &str, line: usize, code: Code, message: &str) -> String {
    let shown: String = diags.iter().map(Diagnostic::render).collect();
    assert_eq!(diags.len(), 1, "expected one diagnostic, got:\n{shown}");
    let d = &diags[0];
    assert!(d.file.ends_with(file), "{shown}");
    assert_eq!((d.code, d.line), (code, line), "{shown}");
    assert_eq!(d.message, message);
    d.hint.clone().unwrap_or_default()
}

#[test]
fn the_savoir_table_fixture_is_clean() {
    let d = check("clean", &[]);
    assert!(d.is_empty(), "{}", d.iter().map(Diagnostic::render).collect::<String>());
}

#[test]
fn a_critere_without_its_parent_is_refused() {
    // Deleting one `parent:` line used to pass: the critère became a root of the tree.
    let base = file("tests/fixtures/base/elements.yaml");
    let orphan = edit(
        &base,
        "    kind: critere_performance\n    parent: cp1\n",
        "    kind: critere_performance\n",
    );
    let d = check("orphan", &[("elements.yaml", &orphan)]);
    let hint = assert_one(
        &d,
        "elements.yaml",
        15,
        Code::Orphan,
        "critere_performance `cp1-cr1` n’a pas de parent",
    );
    assert!(hint.contains("donnez-lui `parent`"), "{hint}");
}

#[test]
fn a_limite_without_its_savoir_is_refused() {
    let t = file("tests/fixtures/shapes/savoirs.yaml");
    let orphan = edit(
        &t,
        "    kind: limite_connaissances\n    parent: s1\n",
        "    kind: limite_connaissances\n",
    );
    let d = check("orphan-limite", &[("savoirs.yaml", &orphan)]);
    assert_one(
        &d,
        "savoirs.yaml",
        16,
        Code::Orphan,
        "limite_connaissances `s1-lim1` n’a pas de parent",
    );
}

#[test]
fn a_paragraphe_in_a_savoir_table_is_refused() {
    // 004 S5–S14: connaissances and limites typed `paragraphe` escaped savoir search and counts.
    let t = file("tests/fixtures/shapes/savoirs.yaml");
    let para =
        edit(&t, "  - id: s1-k1\n    kind: savoir\n", "  - id: s1-k1\n    kind: paragraphe\n");
    let d = check("paragraphe", &[("savoirs.yaml", &para)]);
    let hint = assert_one(
        &d,
        "savoirs.yaml",
        12,
        Code::WrongKind,
        "le paragraphe `s1-k1` est dans la table des savoirs de `s1`",
    );
    assert!(hint.contains("typez l’élément par sa colonne"), "{hint}");
}

#[test]
fn a_heading_typed_limite_is_refused() {
    // 004 s7.3-lim6: the heading « S8 / S13 TRONC COMMUN STI » read as a limite of S7.3.
    let t = file("tests/fixtures/shapes/savoirs.yaml");
    let heading = edit(
        &t,
        "  - id: tronc\n    kind: section\n",
        "  - id: tronc\n    kind: limite_connaissances\n    parent: s1\n",
    );
    let d = check("heading", &[("savoirs.yaml", &heading)]);
    assert_one(
        &d,
        "savoirs.yaml",
        24,
        Code::WrongKind,
        "la limite `tronc` se lit comme un titre : « S8 / S13 TRONC COMMUN STI »",
    );
}

#[test]
fn a_footnote_call_in_a_title_is_refused() {
    // 004 ef1: the title read « Langue vivante étrangère 2 (1) ».
    let t = file("tests/fixtures/shapes/savoirs.yaml");
    let fused = edit(
        &t,
        "    text: Langue vivante étrangère 2\n",
        "    text: Langue vivante étrangère 2 (1)\n",
    );
    let d = check("footnote", &[("savoirs.yaml", &fused)]);
    let hint = assert_one(
        &d,
        "savoirs.yaml",
        28,
        Code::FootnoteCall,
        "le titre de `ef1` finit par un appel de note : « Langue vivante étrangère 2 (1) »",
    );
    assert!(hint.contains("`variant`"), "{hint}");
}

#[test]
fn two_elements_claiming_one_printing_are_refused() {
    // 004 s8.3: the title « Pièces graphiques » had swallowed the start of its connaissance.
    let t = file("tests/fixtures/shapes/savoirs.yaml");
    let swallow = edit(
        &t,
        "    text: Identifier les outils\n    lines: 4\n",
        "    text: la communication Identifier les outils\n    lines: 3-4\n",
    );
    let d = check("double", &[("savoirs.yaml", &swallow)]);
    assert_one(
        &d,
        "savoirs.yaml",
        19,
        Code::DoubleClaim,
        "le texte de l’élément `s1-lim1` prend des caractères de la ligne 3 de `bts` que le texte de l’élément `s1-k1` tient déjà : « la communication »",
    );
}

#[test]
fn a_shared_printing_declared_as_a_piece_is_accepted() {
    // 003's règlement prints one title for an épreuve and the unité it validates: the unité's
    // text is declared as a piece, with the reason, and the rule accepts it.
    let t = file("tests/fixtures/shapes/savoirs.yaml");
    let shared = edit(
        &t,
        "    text: Identifier les outils\n    lines: 4\n",
        "    text: la communication Identifier les outils\n    lines: 3-4\n    pieces:\n      - {text: la communication Identifier les outils, lines: 3-4}\n    repair: Partagé avec la connaissance imprimée sur la même ligne.\n",
    );
    let d = check("shared", &[("savoirs.yaml", &shared)]);
    assert!(d.is_empty(), "{}", d.iter().map(Diagnostic::render).collect::<String>());
}

#[test]
fn all_the_limites_of_a_group_under_its_last_savoir_are_reported() {
    // 004 S8: `s8.5` held the limites of S8.1–S8.4.
    let t = file("tests/fixtures/shapes/savoirs.yaml");
    let group = edit(
        &t,
        "  - id: s1-k1\n",
        "  - id: s1.1\n    kind: savoir_associe\n    parent: s1\n    text: S1\n    lines: 1\n  - id: s1.2\n    kind: savoir_associe\n    parent: s1\n    text: Communication\n    lines: 1\n  - id: s1-k1\n",
    );
    let group =
        edit(&group, "    kind: savoir\n    parent: s1\n", "    kind: savoir\n    parent: s1.1\n");
    let group = edit(
        &group,
        "    kind: limite_connaissances\n    parent: s1\n",
        "    kind: limite_connaissances\n    parent: s1.2\n",
    );
    let group = edit(
        &group,
        "  - id: tronc\n    kind: section\n",
        "  - id: tronc\n    kind: limite_connaissances\n    parent: s1.2\n",
    );
    let group = edit(
        &group,
        "    text: S8 / S13 TRONC COMMUN STI\n",
        "    text: S8 / S13 TRONC COMMUN STI\n    note: x\n",
    );
    let d: Vec<Diagnostic> = check("last", &[("savoirs.yaml", &group)])
        .into_iter()
        .filter(|d| d.code == Code::MisplacedLimites)
        .collect();
    assert_eq!(d.len(), 1, "{}", d.iter().map(Diagnostic::render).collect::<String>());
    assert_eq!(d[0].message, "toutes les limites de `s1` sont sous son dernier savoir `s1.2` (2)");
}

#[test]
fn a_group_holding_one_block_of_limites_per_savoir_is_reported() {
    // 004 S7.1: two blocks of limites printed below S7.11 and S7.12, one facing each.
    let t = file("tests/fixtures/shapes/savoirs.yaml");
    let group = edit(
        &t,
        "  - id: s1-k1\n",
        "  - id: s1.1\n    kind: savoir_associe\n    parent: s1\n    text: S1\n    lines: 1\n  - id: s1.2\n    kind: savoir_associe\n    parent: s1\n    text: Communication\n    lines: 1\n  - id: s1-k1\n",
    );
    let group =
        edit(&group, "    kind: savoir\n    parent: s1\n", "    kind: savoir\n    parent: s1.1\n");
    let group = edit(
        &group,
        "  - id: tronc\n    kind: section\n",
        "  - id: tronc\n    kind: limite_connaissances\n    parent: s1\n",
    );
    let blank = "S1 Communication\nConnaissances Limites de connaissances\nLes outils de la communication\nIdentifier les outils\n\nS8 / S13 TRONC COMMUN STI\nEF1 Langue vivante étrangère 2 (1)\n";
    let group = edit(&group, "    lines: 5\n", "    lines: 6\n");
    let group = edit(
        &group,
        "    text: Langue vivante étrangère 2\n    lines: 6\n",
        "    text: Langue vivante étrangère 2\n    lines: 7\n",
    );
    let group = edit(
        &group,
        "{text: Langue vivante étrangère 2 (1), lines: 6,",
        "{text: Langue vivante étrangère 2 (1), lines: 7,",
    );
    let d: Vec<Diagnostic> =
        check("blocks", &[("savoirs.yaml", &group), ("sources/bts.txt", blank)])
            .into_iter()
            .filter(|d| d.code == Code::MisplacedLimites)
            .collect();
    assert_eq!(d.len(), 1, "{}", d.iter().map(Diagnostic::render).collect::<String>());
    assert_eq!(d[0].message, "`s1` range ses limites en 2 blocs pour ses 2 savoirs");
}
