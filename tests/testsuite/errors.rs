//! The library's errors are typed values (#31 item 4): each says what failed (the file, the
//! output, the template) and keeps the underlying error as its `source()`; its message is the
//! French one of `src/words.rs`, and only the command line turns it into text and an exit code.

use std::error::Error as _;
use std::path::Path;

use referentiel::config::{self, Config};
use referentiel::outputs::{self, render_all};

use crate::harness::temp;

/// The errors under `e`, `e` first.
fn chain<'a>(
    e: &'a (dyn std::error::Error + 'static),
) -> Vec<&'a (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(e), |&e| e.source()).collect()
}

#[test]
fn an_unreadable_or_invalid_book_toml_says_which_file_and_keeps_the_cause() {
    let dir = temp("errors", "config");
    let book = dir.join("book.toml");
    let err = Config::read(&book).expect_err("no such file");
    assert!(matches!(&err, config::Error::Read { path, .. } if *path == book), "{err:?}");
    let io = err.source().and_then(|s| s.downcast_ref::<std::io::Error>()).expect("an io::Error");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    let message = err.to_string();
    assert!(message.starts_with("impossible de lire "), "{message}");
    assert!(message.contains(&book.display().to_string()), "{message}");

    std::fs::write(&book, "[book\ntitle = \"T\"\n").unwrap();
    let err = Config::read(&book).expect_err("not TOML");
    assert!(matches!(&err, config::Error::Parse { .. }), "{err:?}");
    assert!(err.source().is_some_and(|s| s.is::<toml::de::Error>()), "{err:?}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_import_that_would_replace_a_file_or_cannot_read_its_document_says_which() {
    use referentiel::import::{self, Error, Family};
    let dir = temp("errors", "import");
    assert!(matches!(import::scaffold(&dir, "Pas Un Id", false), Err(Error::BadId(_))));
    let files = import::scaffold(&dir, "nouveau", false).expect("a scaffold");
    let again = import::scaffold(&dir, "nouveau", false).expect_err("it exists");
    assert!(matches!(&again, Error::Exists { path } if *path == files[0]), "{again:?}");
    assert!(again.to_string().contains("existe déjà"), "{again}");

    let missing = dir.join("absent.txt");
    let err =
        import::import(Family::Reac, &missing, "autre", &dir, false).err().expect("no document");
    assert!(matches!(&err, Error::Unreadable { path, .. } if *path == missing), "{err:?}");
    assert!(err.source().is_some_and(|s| s.is::<std::io::Error>()), "{err:?}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_failed_output_names_the_output_and_keeps_the_cause() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let mut cfg = Config::read_default();
    cfg.crosswalk.pairs = vec![["ntc-2018".into(), "nulle-part".into()]];
    let err = render_all(&corpus, &cfg).err().expect("an unknown certification in the pairs");
    assert_eq!(err.output, "crosswalk");
    let pairs = err.source.downcast_ref::<referentiel::crosswalk::PairsError>();
    assert!(
        matches!(pairs, Some(referentiel::crosswalk::PairsError::Unknown { id, .. }) if id.as_str() == "nulle-part"),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("sortie crosswalk : "), "{err}");

    let mut cfg = Config::read_default();
    let section: toml::Table = toml::from_str("label = \"Rien\"\n").unwrap();
    cfg.output.other.insert("rien".into(), section);
    let err = render_all(&corpus, &cfg).err().expect("a section without a command");
    let typed = err.source.downcast_ref::<outputs::Error>();
    assert!(matches!(typed, Some(outputs::Error::NoCommand(name)) if name == "rien"), "{err:?}");
}

#[test]
fn a_theme_whose_template_does_not_compile_is_a_template_error_with_teras_cause() {
    let dir = temp("errors", "theme");
    std::fs::write(dir.join("element.html"), "{% if %}").unwrap();
    let err = referentiel::site::templates::compile(Some(&dir)).expect_err("a broken template");
    assert!(matches!(&err, referentiel::site::Error::Templates(_)), "{err:?}");
    assert!(chain(&err).iter().any(|e| e.is::<tera::Error>()), "{err:?}");
    assert!(err.to_string().starts_with("les gabarits du site : "), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}
