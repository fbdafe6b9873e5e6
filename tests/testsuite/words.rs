//! Reader-facing words live in one place, `src/words.rs`, so that a translator edits one file.
//! This test reads every string literal of the program's code (tests excluded) and fails on one
//! that reads as words for a reader outside `src/words.rs`, unless it is listed below:
//!
//! - a literal with a French accented letter;
//! - a sentence without accents: three words or more, two of them English function words ("the
//!   file is not") or French ones written without accents ("le fichier est vide"), once markup
//!   (`<a href>`), placeholders (`{}`) and code spans (`` `id` ``) are set aside.
//!
//! Messages for developers (`expect`, `unreachable!`, `panic!`, `assert!`) are not read. The
//! accepted literals are words not shown to readers as the program's own (the documents' words
//! used to analyse texts, examples of data values, code), and the ones not yet moved, each listed
//! exactly so that a new one is caught. The help pages, which clap builds from attributes, are
//! read from the program itself.

use std::path::{Path, PathBuf};
use std::process::Command;

/// (file, start of the literal): the accepted literals outside `src/words.rs`.
const ACCEPTED: &[(&str, &str)] = &[
    // Not the program's words to readers: the default site title of book.toml, the documents'
    // words used to weigh texts.
    ("src/config.rs", "Référentiels"),
    ("src/crosswalk/suggest.rs", "connaissance connaissances notion"),
    // Not words to readers: the script `serve` injects into pages, a phase name of
    // `build --timings` (for developers), the marker file that names a built site and its
    // manifest (a file format read back by later builds: it stays as older builds wrote it).
    ("src/serve/mod.rs", "<script>(function(){var built=BUILD;"),
    // The review's script: its words come from src/words.rs (`WORDS`).
    ("src/serve/review.rs", "<script>(function(){var W=WORDS;"),
    ("src/site/mod.rs", "html: counterparts (waits for the crosswalks)"),
    (
        "src/build/folder.rs",
        "This folder is a site built by referentiel; the next build replaces it whole.",
    ),
    ("src/build/folder.rs", "Files written by the build:\\n"),
    // Not words to readers: the headings of the REAC and RNCP templates the importer recognises,
    // normalised (no accents, lower case) as it compares them.
    ("src/import/reac.rs", "modalites d'evaluation des competences et organisation de l'epreuve"),
    ("src/import/rncp.rs", "niveau et/ou domaine d'activite"),
    ("src/import/rncp.rs", "pour plus d'informations"),
    // The JSON Schemas' descriptions, for editors, in the language of docs/ (the data format's
    // keys are English, and so is its reference, docs/data-format.md).
    ("src/plan/mod.rs", "A training plan of plans/: séquences, hours and the elements"),
    ("src/schema/element.rs", "A value printed at the element's own lines (a text or a number)"),
    ("src/schema/json.rs", "Any data file of referentiel (every top-level key)."),
    ("src/schema/json.rs", "A file of data/certifications/<id>/: the certification record"),
    (
        "src/schema/json.rs",
        "A file of data/correspondences/: tables that relate two certifications.",
    ),
    ("src/schema/json.rs", "A file of data/vocabulary/: a domain vocabulary of ours (curated)."),
    ("src/schema/json.rs", "data/sources.yaml (the source documents) and data/sources/*.yaml"),
    ("src/schema/lines.rs", "A 1-based line number of the source document (`309`)"),
    ("src/outputs/json.rs", "The whole corpus of referentiel and its graph"),
    // A data file's comment, written by the review into data/correspondences/ with its YAML.
    ("src/serve/review.rs", "# Curated crosswalk {fa} ↔ {fb}: ours, not an official table"),
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

/// The string literals of Rust code (comments, char literals and lifetimes skipped), each with
/// the byte offset where it starts.
fn literals_at(code: &str) -> Vec<(usize, String)> {
    let c: Vec<char> = code.chars().collect();
    let byte: Vec<usize> = code.char_indices().map(|(b, _)| b).collect();
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
                out.push((byte[i], c[start..k.min(c.len())].iter().collect()));
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
                out.push((byte[i], s));
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The string literals of Rust code (comments, char literals and lifetimes skipped).
fn literals(code: &str) -> Vec<String> {
    literals_at(code).into_iter().map(|(_, l)| l).collect()
}

fn french(s: &str) -> bool {
    s.chars().any(|ch| "àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ".contains(ch))
}

/// English function words: two of them in a literal of three words or more make a sentence.
const ENGLISH: &[&str] = &[
    "the", "a", "an", "of", "to", "is", "are", "was", "be", "been", "in", "not", "no", "and",
    "with", "for", "this", "that", "these", "those", "by", "or", "it", "its", "from", "as", "at",
    "on", "has", "have", "cannot", "can", "must", "did", "you", "your", "use", "only", "every",
    "any", "than", "but", "into", "each", "which", "there", "does", "should", "would", "will",
];

/// French function words written without accents: two of them make a French sentence even when
/// no letter of it carries an accent.
const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "une", "un", "est", "sont", "pas", "dans", "pour", "avec",
    "sur", "et", "ou", "que", "qui", "ce", "cette", "ces", "son", "sa", "ses", "au", "aux", "ne",
    "aucun", "aucune", "plus", "par", "mais", "leur", "leurs", "nous", "vous", "il", "elle",
];

/// The words of a literal as a reader would read them: without markup (`<a href="…">`),
/// placeholders (`{}`, `{name:>5}`), code spans (`` `id` ``) and escapes (`\n`).
fn reader_words(s: &str) -> Vec<String> {
    let mut text = String::new();
    let mut skip_until: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(end) = skip_until {
            if c == end {
                skip_until = None;
            }
            continue;
        }
        match c {
            '<' => skip_until = Some('>'),
            '{' => skip_until = Some('}'),
            '`' => skip_until = Some('`'),
            '\\' => {
                chars.next();
                text.push(' ');
            }
            _ => text.push(c),
        }
    }
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Does the literal read as a sentence: English, or French without accents?
fn sentence(s: &str) -> Option<&'static str> {
    let words = reader_words(s);
    if words.len() < 3 {
        return None;
    }
    let count = |list: &[&str]| {
        words
            .iter()
            .filter(|w| {
                let w = w.split(['\'', '’']).next().unwrap_or(w);
                list.contains(&w)
            })
            .count()
    };
    let (en, fr) = (count(ENGLISH), count(FRENCH));
    if en >= 2 && en >= fr {
        Some("English")
    } else if fr >= 2 {
        Some("French")
    } else {
        None
    }
}

/// Is the literal at `at` a message for developers: in an `expect`, `unreachable!`, `panic!`,
/// `todo!` or assertion, within the statement it belongs to?
fn for_developers(code: &str, at: usize) -> bool {
    let before = &code[..at];
    let from = before.rfind([';', '{', '}']).map_or(0, |i| i + 1);
    let statement = &before[from..];
    ["expect(", "unreachable!(", "panic!(", "todo!(", "assert!(", "assert_eq!(", "assert_ne!("]
        .iter()
        .any(|t| statement.contains(t))
}

/// What the scan finds: (file relative to `root`, literal, why it is reported).
fn scan(root: &Path) -> Vec<(String, String, &'static str)> {
    let mut all = Vec::new();
    files(&root.join("src"), &mut all);
    all.sort();
    let mut found = Vec::new();
    for path in &all {
        let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if name == "src/words.rs" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let code = code(&text);
        for (at, lit) in literals_at(code) {
            if for_developers(code, at) {
                continue;
            }
            let why = if french(&lit) { Some("accented French") } else { sentence(&lit) };
            if let Some(why) = why {
                found.push((name.clone(), lit, why));
            }
        }
    }
    found
}

/// The program's code of a file: up to its test module.
fn code(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

/// The literals found that are not accepted, one a line.
fn unaccepted(found: &[(String, String, &'static str)]) -> Vec<String> {
    found
        .iter()
        .filter(|(f, l, _)| accepted(f, l).is_none())
        .map(|(f, l, why)| format!("{f}: {l:?} ({why})"))
        .collect()
}

#[test]
fn reader_facing_literals_live_in_src_words_rs() {
    let found = scan(Path::new(env!("CARGO_MANIFEST_DIR")));
    let new = unaccepted(&found);
    assert!(
        new.is_empty(),
        "words for readers outside src/words.rs (move them there):\n{}",
        new.join("\n")
    );
    let used: Vec<usize> = found.iter().filter_map(|(f, l, _)| accepted(f, l)).collect();
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

/// Copy the `.rs` files of `from` into `to`, keeping their paths.
fn copy_tree(from: &Path, to: &Path) {
    let mut all = Vec::new();
    files(from, &mut all);
    for f in all {
        let target = to.join(f.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&f, &target).unwrap();
    }
}

#[test]
fn a_sentence_planted_in_a_copy_of_the_code_is_caught() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("words-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &root.join("src"));
    assert_eq!(unaccepted(&scan(&root)), Vec::<String>::new(), "the copy is clean");
    let file = root.join("src/cmd/check.rs");
    let text = std::fs::read_to_string(&file).unwrap();
    let planted = format!(
        "{text}\nfn planted(n: usize) -> (String, &'static str) {{\n    (format!(\"{{n}} files could not be read: check the folder\"), \"le fichier est vide\")\n}}\n"
    );
    std::fs::write(&file, planted).unwrap();
    let caught = unaccepted(&scan(&root));
    let _ = std::fs::remove_dir_all(&root);
    assert_eq!(
        caught,
        vec![
            "src/cmd/check.rs: \"{n} files could not be read: check the folder\" (English)"
                .to_string(),
            "src/cmd/check.rs: \"le fichier est vide\" (French)".to_string(),
        ]
    );
}

#[test]
fn the_heuristic_reads_sentences_and_not_code() {
    assert_eq!(sentence("the file is not UTF-8"), Some("English"));
    assert_eq!(sentence("no data folder at {}"), Some("English"));
    assert_eq!(sentence("le fichier est vide"), Some("French"));
    assert_eq!(sentence("<a class=\"term\" href=\"{}\">{}</a>"), None);
    assert_eq!(sentence("`{id}` is"), None);
    assert_eq!(sentence("case skos sssom csv json"), None);
    assert_eq!(sentence("referentiel-diff-"), None);
    let code = "let a = x.expect(\"every reference is resolved\"); let b = \"the file is empty\";";
    let at: Vec<bool> = literals_at(code).iter().map(|(i, _)| for_developers(code, *i)).collect();
    assert_eq!(at, vec![true, false]);
}

/// Every help page of the command line, as clap prints it: `--help` of the program and of each
/// command.
fn help_pages() -> Vec<(String, String)> {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_referentiel")).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let top = run(&["--help"]);
    let commands: Vec<String> = top
        .split("Commandes:")
        .nth(1)
        .expect("the help lists the commands under « Commandes »")
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 10, "{commands:?}");
    let mut pages = vec![("--help".to_string(), top)];
    for c in commands {
        pages.push((format!("{c} --help"), run(&[&c, "--help"])));
    }
    pages
}

#[test]
fn the_help_pages_are_french() {
    let mut english = Vec::new();
    for (page, text) in help_pages() {
        for line in text.lines() {
            // Command lines of the examples are typed, not read.
            if line.trim_start().starts_with("referentiel ") || line.contains("| referentiel") {
                continue;
            }
            if sentence(line) == Some("English") {
                english.push(format!("{page}: {line}"));
            }
        }
        for heading in ["Usage:", "Commands:", "Possible values", "[default"] {
            if text.contains(heading) {
                english.push(format!("{page}: clap's heading {heading:?}"));
            }
        }
    }
    assert!(english.is_empty(), "English in the help:\n{}", english.join("\n"));
}

#[test]
fn the_scanner_finds_literals_and_skips_comments_chars_and_lifetimes() {
    let code = "fn f<'a>(x: &'a str) -> char { // « é »\n let _ = \"Durée\"; let _ = r#\"dit \"à\"\"#; '\"' } /* è */";
    assert_eq!(literals(code), vec!["Durée".to_string(), "dit \"à\"".to_string()]);
}
