//! Reader-facing French words live in one place, `src/words.rs`, so that a translator edits one
//! file. This test reads every string literal of the program's code (tests excluded) and fails on
//! one with a French accented letter outside `src/words.rs`, unless it is listed below: words that
//! are not shown to readers as the program's own (the documents' words used to analyse texts,
//! examples of data values), and the phrases not yet moved, each listed exactly so that a new one
//! is caught. Words without an accent ("Description") are not caught by this test.

use std::path::{Path, PathBuf};

/// (file, start of the literal): the accepted literals with an accent outside `src/words.rs`.
const ACCEPTED: &[(&str, &str)] = &[
    // Not the program's words to readers: a data value in a hint, command-line examples naming
    // data values, the default site title of book.toml, the documents' words used to weigh texts.
    ("src/check/vocabulary.rs", "`author: équipe referentiel`"),
    ("src/cmd/mod.rs", "\\\nExamples:\n  referentiel check"),
    ("src/cmd/mod.rs", "Examples:\\n  referentiel search"),
    ("src/config.rs", "Référentiels"),
    ("src/crosswalk/suggest.rs", "connaissance connaissances notion"),
    // `expect` messages naming what is expected (never shown when the data is checked).
    ("src/site/pages/cert.rs", "compétence"),
    ("src/site/pages/fiche.rs", "critère"),
    // Not yet moved: page words of the site's pages and of the live-reload overlay, the SSSOM
    // comment.
    ("src/outputs/serve.rs", "{} problème(s)"),
    ("src/outputs/serve.rs", "<script>(function(){var built=BUILD;"),
    ("src/outputs/sssom.rs", "mots partagés : {}"),
    ("src/site/pages/cert.rs", "<li>{a}<details{open}><summary>{n} sous-élément{}</summary>"),
    ("src/site/pages/cert.rs", "{} — {} {}, le référentiel compétence par compétence"),
    ("src/site/pages/cert.rs", "{} : le document tel qu’il est imprimé, section par section"),
    ("src/site/pages/compare.rs", "Évolution : {title}"),
    ("src/site/pages/downloads.rs", "Téléchargements"),
    // The checker's messages and hints are English (for now, #31), naming the documents' kinds.
    (
        "src/check/shapes.rs",
        "a {} always belongs to an element above it (its compétence, sous-fonction, savoir…): give it `parent`",
    ),
    (
        "src/plan/mod.rs",
        "A training plan of plans/: séquences, hours and the elements of one certification each covers (docs/plan-format.md).",
    ),
    (
        "src/plan/mod.rs",
        "the séquence of line {line} has this id already; give each séquence an id of its own",
    ),
    ("src/plan/mod.rs", "hours are the séquence's length: 0 or more"),
    // Not yet moved (#25–#28): words of the new pages and reports, to move with #31.
    ("src/plan/render.rs", "Compétences certifiées par aucune unité du document"),
    ("src/plan/render.rs", "Éléments non couverts ({})"),
    ("src/plan/render.rs", "Tableau croisé · {}"),
    ("src/plan/render.rs", "Tableau croisé"),
    (
        "src/plan/render.rs",
        "Plan de formation (pas un document officiel) ; X : la séquence couvre la compétence ou un de ses critères, savoir-faire ou savoirs.",
    ),
    ("src/plan/render.rs", "Séquence"),
    ("src/plan/render.rs", "Compétences"),
    ("src/plan/render.rs", "Heures par compétence"),
    (
        "src/site/pages/grids.rs",
        "{} : {} — critères à évaluer, à imprimer ou à télécharger en tableur",
    ),
    (
        "src/site/pages/plans.rs",
        "{} : ce que le plan « {} » couvre du référentiel, et ce qu’il laisse de côté",
    ),
    (
        "src/site/pages/positioning.rs",
        "{} : se positionner critère par critère (oui, en partie, non) ; les réponses restent dans ce navigateur",
    ),
];

/// Is this literal of this file accepted?
fn accepted(file: &str, literal: &str) -> Option<usize> {
    ACCEPTED.iter().position(|(f, start)| {
        *f == file
            && (literal == *start || (start.chars().count() >= 20 && literal.starts_with(start)))
    })
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of Rust code (comments, char literals and lifetimes skipped).
fn literals(code: &str) -> Vec<String> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            '\'' => {
                // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
                if c.get(i + 1) == Some(&'\\') {
                    i += 2;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if c.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            'r' if (c.get(i + 1) == Some(&'#') || c.get(i + 1) == Some(&'"'))
                && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let start = j + 1;
                let mut k = start;
                loop {
                    if k >= c.len() {
                        break;
                    }
                    if c[k] == '"' && (1..=hashes).all(|h| c.get(k + h) == Some(&'#')) {
                        break;
                    }
                    k += 1;
                }
                out.push(c[start..k.min(c.len())].iter().collect());
                i = k + 1 + hashes;
            }
            '"' => {
                let mut k = i + 1;
                let mut s = String::new();
                while k < c.len() && c[k] != '"' {
                    if c[k] == '\\' {
                        s.push(c[k]);
                        k += 1;
                    }
                    if k < c.len() {
                        s.push(c[k]);
                    }
                    k += 1;
                }
                out.push(s);
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn french(s: &str) -> bool {
    s.chars().any(|ch| "àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ".contains(ch))
}

/// The program's code of a file: up to its test module.
fn code(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

#[test]
fn french_reader_facing_literals_live_in_src_words_rs() {
    let mut all = Vec::new();
    files(Path::new("src"), &mut all);
    all.sort();
    let mut found = Vec::new();
    for path in &all {
        let name = path.to_string_lossy().replace('\\', "/");
        if name == "src/words.rs" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for lit in literals(code(&text)) {
            if french(&lit) {
                found.push((name.clone(), lit));
            }
        }
    }
    let new: Vec<String> = found
        .iter()
        .filter(|(f, l)| accepted(f, l).is_none())
        .map(|(f, l)| format!("{f}: {l:?}"))
        .collect();
    assert!(
        new.is_empty(),
        "French words outside src/words.rs (move them there):\n{}",
        new.join("\n")
    );
    let used: Vec<usize> = found.iter().filter_map(|(f, l)| accepted(f, l)).collect();
    let stale: Vec<String> = ACCEPTED
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, (f, l))| format!("{f}: {l:?}"))
        .collect();
    assert!(
        stale.is_empty(),
        "listed as accepted but no longer in the code (remove from ACCEPTED):\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_scanner_finds_literals_and_skips_comments_chars_and_lifetimes() {
    let code = "fn f<'a>(x: &'a str) -> char { // « é »\n let _ = \"Durée\"; let _ = r#\"dit \"à\"\"#; '\"' } /* è */";
    assert_eq!(literals(code), vec!["Durée".to_string(), "dit \"à\"".to_string()]);
}
