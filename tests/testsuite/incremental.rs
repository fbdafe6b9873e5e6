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
    let (mut files, _, computed) = referentiel::outputs::render_into(
        corpus,
        cfg,
        referentiel::build::Files::default().keeping_links(referentiel::urls::is_element),
    )
    .unwrap();
    let f = FullBuild::of_build(corpus, computed, &mut files);
    let files: Files = files
        .files
        .into_iter()
        .map(|(p, b)| (p.to_string_lossy().into_owned(), Arc::new(b)))
        .collect();
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

// What `serve` keeps between its checks and quick passes (#32): parsed files, the checker's
// searches and coverage, the site context's parts. What it keeps must never hide a problem or
// show an old text.

#[test]
fn a_reference_broken_by_an_edit_of_another_file_is_still_reported() {
    let data = data_copy("kept-ref");
    let mut kept = referentiel::Kept::default();
    referentiel::load_corpus_kept(&data, &mut kept).expect("clean data");
    // The correspondence table names ccp1 of ntc-2013; the edit renames it in the elements file,
    // and the table's file, not edited, is taken from what was kept.
    edit(&data, "certifications/ntc-2013/elements.yaml", "- id: ccp1\n", "- id: ccp9\n");
    let diags = referentiel::load_corpus_kept(&data, &mut kept).err().expect("a broken reference");
    let table = data.join("correspondences/ntc-2013-2018.yaml");
    assert!(
        diags.iter().any(|d| d.file == table && d.message.contains("ccp1")),
        "the table's reference to ccp1 is reported: {:?}",
        diags.iter().map(|d| d.render()).collect::<Vec<_>>()
    );
    // The same diagnostics as a check that keeps nothing.
    let fresh = referentiel::load_corpus(&data).err().expect("a broken reference");
    assert_eq!(diags, fresh);
    let _ = std::fs::remove_dir_all(data.parent().unwrap());
}

#[test]
fn an_edit_reverted_shows_the_old_text_again() {
    let data = data_copy("kept-revert");
    let cfg = config();
    let mut kept = referentiel::Kept::default();
    let mut parts = incremental::Kept::default();
    let before = referentiel::load_corpus_kept(&data, &mut kept).unwrap();
    let (old_files, last) = full(&before, &cfg);
    let file = "certifications/ntc-2018/elements.yaml";
    let note = "    note: Critère d’évaluation du référentiel d’évaluation (§3.2).";
    let edited = format!("{note} Relu en formation.");
    edit(&data, file, note, &edited);
    let after = referentiel::load_corpus_kept(&data, &mut kept).unwrap();
    let quick = incremental::quick_kept(&last, &after, &cfg, &mut parts).unwrap().unwrap();
    let shown: Vec<&String> = quick
        .pages
        .iter()
        .filter(|(_, b)| String::from_utf8_lossy(b).contains("Relu en formation."))
        .map(|(p, _)| p)
        .collect();
    assert!(!shown.is_empty(), "the edit is shown");
    // Undone before any full rebuild: the data is the full build's again, yet the served pages
    // show the edit; they are rendered again at once, as they were.
    edit(&data, file, &edited, note);
    let reverted = referentiel::load_corpus_kept(&data, &mut kept).unwrap();
    let again = incremental::quick_kept(&last, &reverted, &cfg, &mut parts)
        .unwrap()
        .expect("the pages that showed the edit are rendered again");
    for path in shown {
        let (_, bytes) = again.pages.iter().find(|(p, _)| p == path).expect("rendered again");
        assert_eq!(old_files[path].as_slice(), bytes.as_slice(), "{path} reads as before the edit");
    }
    let _ = std::fs::remove_dir_all(data.parent().unwrap());
}

#[test]
fn an_edited_source_document_is_searched_again_and_a_false_citation_caught() {
    let data = data_copy("kept-source");
    let mut kept = referentiel::Kept::default();
    let corpus = referentiel::load_corpus_kept(&data, &mut kept).expect("clean data");
    let all = kept.searched();
    assert!(all > 0, "the first check searches every citation");
    referentiel::load_corpus_kept(&data, &mut kept).expect("clean data");
    assert_eq!(kept.searched(), 0, "nothing changed: no citation is searched again");
    // A word of a cited line of one document changes: that document's citations are searched
    // again, not the others'.
    let e = corpus
        .elements
        .iter()
        .find(|e| e.key.cert.as_str() == "ntc-2018" && e.key.local.as_str() == "cp1-cr1")
        .expect("cp1-cr1");
    let doc = corpus.sources.get(e.cite.doc.as_str()).unwrap();
    let path = doc.path.clone();
    let text = std::fs::read_to_string(&path).unwrap();
    let line = doc.line(e.cite.lines.first).to_string();
    let word =
        line.split_whitespace().find(|w| w.chars().count() >= 5).expect("a word").to_string();
    let changed = line.replacen(&word, "Xyzzy", 1);
    let mut lines: Vec<&str> = text.split('\n').collect();
    let n = e.cite.lines.first - 1;
    assert_eq!(lines[n], line);
    lines[n] = &changed;
    std::fs::write(&path, lines.join("\n")).unwrap();
    let diags = referentiel::load_corpus_kept(&data, &mut kept).err().expect("a false citation");
    let searched = kept.searched();
    assert!(searched > 0 && searched < all, "{searched} of {all} citations searched again");
    let citing: usize = corpus.elements.iter().filter(|x| x.cite.doc == e.cite.doc).count();
    assert!(searched >= citing, "every element citing the document is searched again");
    assert!(
        diags.iter().any(|d| d.code == referentiel::diag::Code::TextNotFound),
        "the text no longer printed is reported: {:?}",
        diags.iter().map(|d| d.render()).collect::<Vec<_>>()
    );
    assert_eq!(diags, referentiel::load_corpus(&data).err().expect("the same"));
    let _ = std::fs::remove_dir_all(data.parent().unwrap());
}

#[test]
fn a_second_edit_renders_with_the_kept_context_as_a_full_build_does() {
    let data = data_copy("kept-second");
    let cfg = config();
    let mut kept = referentiel::Kept::default();
    let mut parts = incremental::Kept::default();
    let before = referentiel::load_corpus_kept(&data, &mut kept).unwrap();
    let (_, last) = full(&before, &cfg);
    let note = "    note: Critère d’évaluation du référentiel d’évaluation (§3.2).";
    edit(&data, "certifications/ntc-2018/elements.yaml", note, &format!("{note} Relu."));
    let first = referentiel::load_corpus_kept(&data, &mut kept).unwrap();
    incremental::quick_kept(&last, &first, &cfg, &mut parts).unwrap().expect("rendered");
    // The second pass patches the context the first one kept.
    let other = "  note: Certificat nommé seulement par l’annexe 2 du référentiel d’évaluation de 2018 (correspondances).";
    edit(&data, "certifications/ntc-2013/elements.yaml", other, &format!("{other} Vu."));
    let second = referentiel::load_corpus_kept(&data, &mut kept).unwrap();
    let quick =
        incremental::quick_kept(&last, &second, &cfg, &mut parts).unwrap().expect("rendered");
    let (new_files, _) = full(&second, &cfg);
    assert!(quick.pages.iter().any(|(_, b)| String::from_utf8_lossy(b).contains("Vu.")));
    for (path, bytes) in &quick.pages {
        assert!(
            new_files.get(path).is_some_and(|b| b.as_slice() == bytes.as_slice()),
            "{path} reads as the full build of the edited data renders it"
        );
    }
    let _ = std::fs::remove_dir_all(data.parent().unwrap());
}
