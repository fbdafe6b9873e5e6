//! The incremental rebuild that `serve` runs after an edit: the quick pass renders again the pages
//! that show what changed, each exactly as a full rebuild of the edited data renders it, and
//! leaves to the full rebuild what it cannot do alone.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use referentiel::config::Config;
use referentiel::model::Corpus;
use referentiel::serve::incremental::{self, FullBuild};

fn data_copy(name: &str) -> PathBuf {
    let dir = crate::harness::temp("incremental", name);
    crate::harness::copy_dir(Path::new("data"), &dir.join("data"));
    dir.join("data")
}

fn config() -> Config {
    Config::read(Path::new("book.toml")).unwrap()
}

type Files = HashMap<String, Arc<Vec<u8>>>;

fn full(corpus: &Corpus, cfg: &Config) -> (Files, FullBuild) {
    let (files, _, computed) =
        referentiel::outputs::render_into(corpus, cfg, referentiel::build::Files::default())
            .unwrap();
    let files: Files = files
        .files
        .into_iter()
        .map(|(p, b)| (p.to_string_lossy().into_owned(), Arc::new(b)))
        .collect();
    let f = FullBuild::new(corpus, computed, |p| files.get(p).map(|b| b.to_vec()));
    (files, f)
}

fn edit(data: &Path, file: &str, from: &str, to: &str) {
    let path = data.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn an_edited_note_shows_at_once_on_the_pages_a_full_rebuild_would_change() {
    let data = data_copy("note");
    let cfg = config();
    let before = referentiel::load_corpus(&data).unwrap();
    let (old_files, last) = full(&before, &cfg);

    let note = "    note: Critère d’évaluation du référentiel d’évaluation (§3.2).";
    edit(
        &data,
        "certifications/ntc-2018/elements.yaml",
        note,
        &format!("{note} Relu en formation."),
    );
    let after = referentiel::load_corpus(&data).unwrap();
    let quick = incremental::quick(&last, &after, &cfg)
        .unwrap()
        .expect("an element's note is rendered at once");
    assert_eq!(quick.changed, 1, "one element changed");
    let (new_files, _) = full(&after, &cfg);

    let edited: Vec<&String> = quick
        .pages
        .iter()
        .filter(|(_, b)| String::from_utf8_lossy(b).contains("Relu en formation."))
        .map(|(p, _)| p)
        .collect();
    assert!(!edited.is_empty(), "the edited element's page is among the pages rendered again");
    for (path, bytes) in &quick.pages {
        assert!(
            new_files.get(path).is_some_and(|b| b.as_slice() == bytes.as_slice()),
            "{path} reads as the full rebuild renders it"
        );
    }
    // Every page the full rebuild changed is rendered at once; the exports and the search index
    // are left to the full rebuild, by design.
    let quick_paths: std::collections::HashSet<&String> =
        quick.pages.iter().map(|(p, _)| p).collect();
    let missed: Vec<&String> = new_files
        .iter()
        .filter(|(p, b)| {
            p.ends_with(".html") && old_files.get(*p) != Some(*b) && !quick_paths.contains(p)
        })
        .map(|(p, _)| p)
        .collect();
    assert!(missed.is_empty(), "pages changed by the edit but not rendered at once: {missed:?}");
    assert!(
        quick.pages.len() < 50,
        "a note edit renders a handful of pages, not the site ({})",
        quick.pages.len()
    );
    let _ = std::fs::remove_dir_all(data.parent().unwrap());
}

#[test]
fn a_changed_table_waits_for_the_full_rebuild() {
    let data = data_copy("table");
    let cfg = config();
    let before = referentiel::load_corpus(&data).unwrap();
    let (_, last) = full(&before, &cfg);
    let table = std::fs::read_dir(data.join("correspondences"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| std::fs::read_to_string(p).unwrap().contains("justification: \""))
        .expect("a curated table");
    let text = std::fs::read_to_string(&table).unwrap();
    std::fs::write(&table, text.replacen("justification: \"", "justification: \"Relu. ", 1))
        .unwrap();
    let after = referentiel::load_corpus(&data).unwrap();
    assert!(
        incremental::quick(&last, &after, &cfg).unwrap().is_none(),
        "a table's change is not rendered alone"
    );
    let _ = std::fs::remove_dir_all(data.parent().unwrap());
}

#[test]
fn nothing_changed_renders_nothing() {
    let data = data_copy("same");
    let cfg = config();
    let corpus = referentiel::load_corpus(&data).unwrap();
    let (_, last) = full(&corpus, &cfg);
    let again = referentiel::load_corpus(&data).unwrap();
    assert!(incremental::quick(&last, &again, &cfg).unwrap().is_none());
    let _ = std::fs::remove_dir_all(data.parent().unwrap());
}
