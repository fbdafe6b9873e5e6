//! Bad input gets a clear error: one small fixture per class of mistake, and the exact diagnostic
//! it must produce (file, line, column, message, hint).
//!
//! Each test starts from the valid fixture in `tests/fixtures/base`, replaces or adds one file,
//! and checks what `referentiel check` reports.

use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::copy_dir;
use referentiel::diag::{Code, Diagnostic};

/// A copy of the base fixture with `files` written over it; returns the folder.
fn fixture(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = crate::harness::temp("diag", name);
    copy_dir(Path::new("tests/fixtures/base"), &dir);
    for (path, text) in files {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    dir
}

/// Check a fixture; return its diagnostics.
fn check(name: &str, files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir = fixture(name, files);
    let result = referentiel::load_corpus(&dir);
    let _ = fs::remove_dir_all(&dir);
    match result {
        Ok(_) => Vec::new(),
        Err(d) => d,
    }
}

/// Assert exactly one diagnostic, and its every field.
#[track_caller]
fn assert_one(
    diags: &[Diagnostic],
    file: &str,
    line: usize,
    column: usize,
    code: Code,
    message: &str,
    hint: Option<&str>,
) {
    assert_eq!(diags.len(), 1, "expected one diagnostic, got:\n{}", render(diags));
    let d = &diags[0];
    assert!(d.file.ends_with(file), "file {} does not end with {file}", d.file.display());
    assert_eq!((d.line, d.column), (line, column), "position of:\n{}", d.render());
    assert_eq!(d.code, code, "{}", d.render());
    assert_eq!(d.message, message);
    assert_eq!(d.hint.as_deref(), hint);
}

fn render(diags: &[Diagnostic]) -> String {
    diags.iter().map(Diagnostic::render).collect()
}

const HEAD: &str = "in: demo\ndoc: demo\nelements:\n";

#[test]
fn the_base_fixture_is_clean() {
    assert_eq!(check("clean", &[]), Vec::new());
}

#[test]
fn yaml_syntax_errors_point_at_the_fault() {
    let d = check(
        "syntax",
        &[("extra.yaml", "in: demo\ndoc: demo\nelements:\n  - id: x\n    text: \"unclosed\n")],
    );
    assert_eq!(d.len(), 1, "{}", render(&d));
    assert_eq!(d[0].code, Code::Yaml);
    assert_eq!(d[0].line, 5);
    assert!(d[0].file.ends_with("extra.yaml"));
    assert_eq!(
        d[0].hint.as_deref(),
        Some(
            "le fichier n’est pas du YAML valide ; vérifiez l’indentation et les guillemets près d’ici"
        )
    );
}

#[test]
fn unknown_keys_suggest_the_closest_key() {
    let yaml = format!("{HEAD}  - id: x\n    kind: section\n    txt: FICHE DEMO\n    lines: 1\n");
    let d = check("unknown-key", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        6,
        5,
        Code::Schema,
        "clé inconnue `txt`",
        Some("vouliez-vous dire `text` ?"),
    );
    assert!(d[0].render().contains("    txt: FICHE DEMO\n   |     ^^^\n"), "{}", d[0].render());
}

#[test]
fn unknown_kinds_suggest_the_closest_kind() {
    let yaml = format!(
        "{HEAD}  - id: x\n    kind: competence_profesionnelle\n    text: FICHE DEMO\n    lines: 1\n"
    );
    let d = check("unknown-kind", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        5,
        11,
        Code::Schema,
        "valeur inconnue `competence_profesionnelle`",
        Some("vouliez-vous dire `competence_professionnelle` ?"),
    );
}

#[test]
fn missing_keys_are_named() {
    let yaml = format!("{HEAD}  - id: x\n    kind: section\n    text: FICHE DEMO\n");
    let d = check("missing-key", &[("extra.yaml", &yaml)]);
    assert_eq!(d.len(), 1, "{}", render(&d));
    assert_eq!(d[0].code, Code::MissingKey);
    assert_eq!(d[0].message, "clé manquante `lines`");
    assert_eq!((d[0].line, d[0].column), (4, 5), "points at the item that lacks the key");
}

#[test]
fn malformed_ids_get_a_slug_suggestion() {
    let yaml =
        format!("{HEAD}  - id: CP 3\n    kind: section\n    text: FICHE DEMO\n    lines: 1\n");
    let d = check("malformed-id", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        4,
        9,
        Code::MalformedId,
        "identifiant d’élément mal formé `CP 3`",
        Some(
            "un identifiant s’écrit en lettres minuscules et chiffres, avec `-` ou `.` entre eux ; essayez `cp-3`",
        ),
    );
}

#[test]
fn duplicate_ids_point_at_both_definitions() {
    let yaml =
        format!("{HEAD}  - id: cp1\n    kind: section\n    text: FICHE DEMO\n    lines: 1\n");
    let d = check("duplicate-id", &[("extra.yaml", &yaml)]);
    assert_eq!(d.len(), 1, "{}", render(&d));
    assert_eq!((d[0].code, d[0].line, d[0].column), (Code::DuplicateId, 4, 9));
    assert_eq!(d[0].message, "identifiant d’élément en double `cp1`");
    assert!(d[0].hint.as_deref().unwrap().contains("elements.yaml:10:9"), "{:?}", d[0].hint);
}

#[test]
fn dangling_references_suggest_the_closest_id() {
    let yaml = format!(
        "{HEAD}  - id: cp3-cr1\n    kind: critere_performance\n    parent: cp3\n    text: FICHE DEMO\n    lines: 1\n"
    );
    let d = check("dangling", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        6,
        13,
        Code::UnknownId,
        "identifiant inconnu `cp3`",
        Some("vouliez-vous dire `cp2` ?"),
    );
}

#[test]
fn references_into_unknown_certifications_are_refused() {
    let yaml = format!(
        "{HEAD}  - id: x\n    kind: section\n    text: FICHE DEMO\n    lines: 1\n    links:\n      - {{rel: related, to: dmo/cp1}}\n"
    );
    let d = check("unknown-cert-ref", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        9,
        28,
        Code::UnknownId,
        "certification inconnue `dmo` dans `dmo/cp1`",
        Some("vouliez-vous dire `demo` ?"),
    );
}

#[test]
fn parent_cycles_are_reported_once() {
    let yaml = format!(
        "{HEAD}  - id: a\n    kind: section\n    parent: b\n    text: FICHE DEMO\n    lines: 1\n  - id: b\n    kind: section\n    parent: a\n    text: FICHE DEMO\n    lines: 1\n"
    );
    let d = check("cycle", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        6,
        13,
        Code::Cycle,
        "cycle de parents : `a` → `b` → `a`",
        Some(
            "un élément ne peut pas être son propre ancêtre ; une de ces clés `parent` est fausse",
        ),
    );
}

#[test]
fn matrix_cells_must_name_existing_rows_and_columns() {
    let base = fs::read_to_string("tests/fixtures/base/elements.yaml").unwrap();
    let broken =
        base.replace("{row: cp2, col: msp, state: lost}", "{row: cp3, col: msp, state: lost}");
    let d = check("matrix-row", &[("elements.yaml", &broken)]);
    assert_eq!(d.len(), 2, "{}", render(&d));
    assert_eq!((d[0].code, d[0].line, d[0].column), (Code::Matrix, 33, 9));
    assert_eq!(d[0].message, "1 cases n’ont pas d’état : (cp2, msp)");
    assert_eq!(
        d[0].hint.as_deref(),
        Some(
            "donnez l’état de chaque case (marked, unmarked, lost, uncertain), ou donnez à la matrice un `default`"
        )
    );
    assert_eq!((d[1].code, d[1].line, d[1].column), (Code::Matrix, 42, 15));
    assert_eq!(d[1].message, "une case nomme une ligne absente `cp3`");
    assert_eq!(d[1].hint.as_deref(), Some("vouliez-vous dire `cp2` ?"));
}

#[test]
fn provenance_outside_the_document_is_refused() {
    let yaml =
        format!("{HEAD}  - id: x\n    kind: section\n    text: FICHE DEMO\n    lines: 90-91\n");
    let d = check("out-of-range", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        7,
        12,
        Code::Provenance,
        "les lignes 90-91 sont hors de `demo`, qui a 16 lignes",
        Some("la provenance désigne des lignes du document source"),
    );
}

#[test]
fn reversed_ranges_are_refused() {
    let yaml =
        format!("{HEAD}  - id: x\n    kind: section\n    text: FICHE DEMO\n    lines: 3-1\n");
    let d = check("reversed", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        7,
        12,
        Code::Provenance,
        "les lignes 3-1 ne sont pas un intervalle (la première d’abord, à partir de 1)",
        Some("la provenance désigne des lignes du document source"),
    );
}

#[test]
fn a_text_not_at_its_lines_points_at_where_it_is() {
    let yaml = format!(
        "{HEAD}  - id: x\n    kind: section\n    text: Organiser un plan d’actions commerciales\n    lines: 3\n"
    );
    let d = check("elsewhere", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        6,
        11,
        Code::TextNotFound,
        "texte introuvable aux lignes 3 de `demo`",
        Some("le texte est imprimé aux lignes 15"),
    );
}

#[test]
fn a_misspelt_text_says_where_it_diverges() {
    let yaml = format!(
        "{HEAD}  - id: x\n    kind: section\n    text: Titre professionnel Démonstrateur, édition 2\n    lines: 3\n"
    );
    let d = check("misspelt", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        6,
        11,
        Code::TextNotFound,
        "texte introuvable aux lignes 3 de `demo`",
        Some(
            "les 33 premiers caractères sur 44 concordent ; après « …l Démonstrateur » les données ont « , édition 2… »",
        ),
    );
}

#[test]
fn a_loose_range_is_refused_with_the_tight_one() {
    let yaml = format!(
        "{HEAD}  - id: x\n    kind: section\n    text: Titre professionnel Démonstrateur\n    lines: 1-4\n"
    );
    let d = check("loose", &[("extra.yaml", &yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        7,
        12,
        Code::TextNotFound,
        "les lignes 1-4 de `demo` citent plus que le texte",
        Some("le texte est aux lignes 3 ; citez exactement celles-là"),
    );
}

#[test]
fn unknown_documents_suggest_the_closest() {
    let yaml = "in: demo\ndoc: dmeo\nelements:\n  - id: x\n    kind: section\n    text: FICHE DEMO\n    lines: 1\n";
    let d = check("unknown-doc", &[("extra.yaml", yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        2,
        6,
        Code::UnknownId,
        "document inconnu `dmeo`",
        Some("vouliez-vous dire `demo` ?"),
    );
}

#[test]
fn elements_need_their_certification() {
    let yaml =
        "doc: demo\nelements:\n  - id: x\n    kind: section\n    text: FICHE DEMO\n    lines: 1\n";
    let d = check("no-in", &[("extra.yaml", yaml)]);
    assert_one(
        &d,
        "extra.yaml",
        3,
        9,
        Code::MissingKey,
        "les éléments et les matrices demandent la certification du fichier, `in`",
        Some("ajoutez `in: <id de la certification>` en tête du fichier"),
    );
}

#[test]
fn curated_correspondences_say_who_and_why() {
    let yaml = "correspondences:\n  - id: c\n    status: curated\n    from: demo\n    to: demo\n    pairs:\n      - {from: [cp1], to: [cp2]}\n";
    let d = check("curated", &[("corr.yaml", yaml)]);
    assert_eq!(d.len(), 2, "{}", render(&d));
    assert_eq!(d[0].message, "une correspondance établie par l’équipe demande `author` et `date`");
    assert_eq!(d[1].message, "une paire établie par l’équipe demande une `justification`");
    assert_eq!((d[1].line, d[1].column), (7, 17));
}

#[test]
fn a_yaml_bomb_is_refused_unexpanded() {
    let mut bomb = String::from("noise: &a [1, 2]\n");
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            ["b", "c", "d", "e", "f", "g", "h"][i - 1].to_string()
        };
        bomb.push_str(&format!("x{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let d = check("bomb", &[("bomb.yaml", &bomb)]);
    assert_one(
        &d,
        "bomb.yaml",
        1,
        11,
        Code::Yaml,
        "les ancres et alias YAML ne sont pas permis",
        Some(
            "le format des données n’utilise ni ancres ni alias (ils sont refusés, contre les bombes YAML) ; écrivez les valeurs en entier",
        ),
    );
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let deep = format!("elements: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let d = check("deep", &[("deep.yaml", &deep)]);
    assert_eq!(d.len(), 1, "{}", render(&d));
    assert_eq!(d[0].code, Code::Yaml);
    assert_eq!(d[0].message, "le YAML s’imbrique trop profond");
    assert_eq!(
        d[0].hint.as_deref(),
        Some(
            "le format des données n’imbrique jamais aussi profond ; le fichier est refusé sans être lu"
        )
    );
    assert!(d[0].render().lines().all(|l| l.chars().count() < 140), "long lines are windowed");
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let yaml = format!(
        "{HEAD}  - id: x\n    kind: section\n    parent: nope\n    text: FICHE DEMO\n    lines: 1\n  - id: y\n    kind: section\n    text: pas là\n    lines: 1\n"
    );
    let d = check("many", &[("extra.yaml", &yaml)]);
    let codes: Vec<Code> = d.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::UnknownId, Code::TextNotFound], "{}", render(&d));
}

// Coverage: every non-blank character of a source is claimed by the data or declared.

#[test]
fn source_text_that_no_data_claims_is_reported_with_its_lines() {
    let base = fs::read_to_string("tests/fixtures/base/elements.yaml").unwrap();
    let without = base.replace(
        "  - id: cp1-cr1\n    kind: critere_performance\n    parent: cp1\n    text: Le système de veille mis en place permet une actualisation régulière des informations\n    lines: 10-11\n",
        "",
    );
    assert_ne!(without, base);
    let d = check("unclaimed", &[("elements.yaml", &without)]);
    assert_eq!(d.len(), 1, "one diagnostic per run of text, not per character:\n{}", render(&d));
    let d = &d[0];
    assert!(d.file.ends_with("sources/demo.txt"), "{}", d.file.display());
    assert_eq!((d.code, d.line, d.column), (Code::Unclaimed, 10, 1));
    assert_eq!(
        d.message,
        "texte non réclamé dans `demo`, lignes 10-11 : « Le système de veille mis en place permet une actualisation régu- lière des informations »"
    );
    let hint = d.hint.as_deref().unwrap();
    assert!(hint.starts_with("il suit le texte de l’élément `cp1` (lignes 8-9) : s’il continue ce texte, étendez-le ; encodez-le en données qui citent les lignes 10-11 "), "{hint}");
    // Declarations go in the file that already declares the document's lines.
    assert!(hint.ends_with("elements.yaml sous `noise` (mobilier des pages) ou `layout` (en-tête de table répété, en-tête de colonne)"), "{hint}");
}

#[test]
fn a_line_declared_noise_that_holds_words_of_an_element_is_refused() {
    let base = fs::read_to_string("tests/fixtures/base/elements.yaml").unwrap();
    let hiding = base.replace("noise: [1, 13-14]", "noise: [1, 10, 13-14]");
    assert_ne!(hiding, base);
    let d = check("declared-content", &[("elements.yaml", &hiding)]);
    assert_one(
        &d,
        "elements.yaml",
        3,
        12,
        Code::DeclaredContent,
        "la ligne 10 de `demo` est déclarée `noise` mais contient des mots de l’élément `cp1-cr1`",
        Some(
            "retirez la ligne 10 de `noise` : les déclarations écartent le mobilier des pages et la mise en page des tables, jamais du contenu",
        ),
    );
}

#[test]
fn an_element_text_cut_down_to_one_word_of_its_line_is_refused() {
    let base = fs::read_to_string("tests/fixtures/base/elements.yaml").unwrap();
    let cut = base.replace(
        "text: Le système de veille mis en place permet une actualisation régulière des informations\n    lines: 10-11",
        "text: Le\n    lines: 10",
    );
    assert_ne!(cut, base);
    let d = check("truncated", &[("elements.yaml", &cut)]);
    assert_one(
        &d,
        "elements.yaml",
        18,
        11,
        Code::TruncatedText,
        "le texte de l’élément `cp1-cr1` est un mot de la ligne 10 de `demo`, dont aucun élément ne tient le reste",
        Some(
            "la ligne se lit « Le système de veille mis en place permet une actualisation régu- » : donnez à l’élément son texte entier, ou le reste de la ligne à l’élément auquel il appartient",
        ),
    );
}

/// A vocabulary file's header, then its terms.
const VOCAB: &str =
    "vocabulary:\n  author: équipe referentiel\n  date: 2025-06-01\n  status: curated\n  terms:\n";

#[test]
fn a_valid_vocabulary_is_accepted_and_modelled() {
    let yaml = format!(
        "{VOCAB}    - term: PAC\n      kind: abbreviation\n      means: [plan d’actions commerciales]\n      justification: The usual abbreviation.\n"
    );
    let dir = fixture("vocab-ok", &[("vocabulary/trade.yaml", &yaml)]);
    let corpus = referentiel::load_corpus(&dir).map_err(|d| render(&d)).unwrap();
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(corpus.vocabulary.expansions("pac"), vec![("plan d’actions commerciales", 0.8)]);
    assert_eq!(corpus.vocabulary.files[0].author, "équipe referentiel");
}

#[test]
fn a_vocabulary_says_what_reads_its_terms_file_by_file_and_term_by_term() {
    // The file serves search; one term of it serves the crosswalk too; the other file serves both.
    let search = "vocabulary:\n  author: équipe referentiel\n  date: 2025-06-01\n  status: curated\n  use: search\n  terms:\n    - term: démarcher\n      kind: synonym\n      means: [stratégie commerciale]\n      justification: x\n    - term: PAC\n      kind: abbreviation\n      means: [plan d’actions commerciales]\n      justification: x\n      use: both\n";
    let both = format!(
        "{VOCAB}    - term: veille\n      kind: synonym\n      means: [système de veille]\n      justification: x\n"
    );
    let dir = fixture(
        "vocab-use",
        &[("vocabulary/trade.yaml", search), ("vocabulary/metier.yaml", &both)],
    );
    let corpus = referentiel::load_corpus(&dir).map_err(|d| render(&d)).unwrap();
    let _ = fs::remove_dir_all(&dir);
    let terms =
        |it: &mut dyn Iterator<Item = &referentiel::model::vocabulary::Entry>| -> Vec<String> {
            let mut v: Vec<String> = it.map(|e| e.term.clone()).collect();
            v.sort();
            v
        };
    assert_eq!(terms(&mut corpus.vocabulary.for_search()), ["PAC", "démarcher", "veille"]);
    assert_eq!(terms(&mut corpus.vocabulary.for_crosswalk()), ["PAC", "veille"]);
    let syn = referentiel::crosswalk::synonyms(&corpus);
    assert_eq!(
        syn.terms("démarcher").len(),
        1,
        "the crosswalk does not read a search-only synonym"
    );
    assert_eq!(syn.terms("la veille").len(), 2, "it reads the others: the stem and the concept");
}

#[test]
fn vocabulary_unknown_keys_are_refused() {
    let yaml = format!("{VOCAB}    - term: PAC\n      kind: abbreviation\n      mean: [plan]\n");
    let d = check("vocab-unknown", &[("vocabulary/trade.yaml", &yaml)]);
    assert_one(
        &d,
        "trade.yaml",
        8,
        7,
        Code::Schema,
        "clé inconnue `mean`",
        Some("vouliez-vous dire `means` ?"),
    );
}

#[test]
fn vocabulary_terms_are_unique_by_their_search_keys() {
    let t = "      kind: synonym\n      means: [veille]\n      justification: x\n";
    let yaml = format!("{VOCAB}    - term: Veilles\n{t}    - term: la veille\n{t}");
    let d = check("vocab-dup", &[("vocabulary/trade.yaml", &yaml)]);
    assert_eq!(d.len(), 1, "{}", render(&d));
    assert_eq!(
        (d[0].code, d[0].line, d[0].message.as_str()),
        (Code::DuplicateId, 10, "terme en double `la veille`")
    );
}

#[test]
fn vocabulary_targets_are_the_documents_words() {
    let yaml = format!(
        "{VOCAB}    - term: rdv\n      kind: abbreviation\n      means: [rendez-vous, '']\n      justification: x\n"
    );
    let d = check("vocab-target", &[("vocabulary/trade.yaml", &yaml)]);
    let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        ["`rendez-vous` n’est pas dans les mots des documents", "une cible vide"],
        "{}",
        render(&d)
    );
}

#[test]
fn a_cited_abbreviation_is_proven_at_its_lines() {
    let term = "    - term: PAC\n      kind: abbreviation\n      means: [plan d’actions commerciales]\n      justification: x\n";
    let wrong_line = format!(
        "{VOCAB}{term}      defined: {{doc: demo, lines: 3, text: Organiser un plan d’actions commerciales}}\n"
    );
    let d = check("vocab-cite", &[("vocabulary/trade.yaml", &wrong_line)]);
    assert_eq!(d.len(), 2, "{}", render(&d));
    assert!(
        d.iter().any(|d| d.code == Code::TextNotFound
            && d.hint.as_deref() == Some("le texte est imprimé aux lignes 15")),
        "{}",
        render(&d)
    );
    assert!(
        d.iter().any(|d| d.message == "la définition citée n’imprime pas `PAC`"),
        "{}",
        render(&d)
    );
}
