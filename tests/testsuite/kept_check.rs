//! The check that `serve` runs after each save keeps results of the checks before it
//! (`referentiel::Kept`): parsed files, each item's proven citations, the coverage of each
//! document. Whatever was kept, the report is the one a fresh check of the same data gives —
//! also when what changed is read by a rule across files (an element's id taken by another file,
//! a declared line moved in the file that declares it).

use std::path::{Path, PathBuf};

fn data_copy(name: &str) -> PathBuf {
    let dir = crate::harness::temp("kept_check", name);
    crate::harness::copy_dir(Path::new("data"), &dir.join("data"));
    dir.join("data")
}

fn edit(data: &Path, file: &str, from: &str, to: &str) {
    let path = data.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// What a check says: its diagnostics, or the checked elements and coverage (as JSON).
fn report(r: Result<referentiel::model::Corpus, Vec<referentiel::diag::Diagnostic>>) -> String {
    match r {
        Ok(c) => format!(
            "ok {} {} {:?}",
            serde_json::to_string(&c.elements).unwrap(),
            serde_json::to_string(&c.coverage).unwrap(),
            c.warnings
        ),
        Err(diags) => diags.iter().map(|d| d.render()).collect::<Vec<_>>().join("\n"),
    }
}

/// An edit of the data, and what it does.
type Step<'a> = (&'static str, Box<dyn Fn() + 'a>);

#[test]
fn a_kept_check_reports_what_a_fresh_check_reports_edit_after_edit() {
    let data = data_copy("sequence");
    let mut kept = referentiel::Kept::default();
    let noise = "sources/noise-bts-nrc-referentiel.yaml";
    let dup = data.join("certifications/bts-nrc/00-dup.yaml");
    let element = "- id: appellation-p1\n  kind: paragraphe\n  parent: appellation\n  text: Brevet de technicien supérieur Négociation et relation client\n  lines: 5\n";
    let steps: Vec<Step> = vec![
        ("unchanged", Box::new(|| {})),
        // A line in the middle of an element's text (lines 11-22), declared noise: the text is no
        // longer found, and the report points at the declaration.
        (
            "line 13 declared",
            Box::new(|| edit(&data, noise, "noise:\n- 337", "noise:\n- 13\n- 337")),
        ),
        // The declaration moves down a line: the report follows it.
        ("declaration moved", Box::new(|| edit(&data, noise, "doc:", "# Un commentaire.\ndoc:"))),
        ("noise undone", Box::new(|| edit(&data, noise, "noise:\n- 13\n- 337", "noise:\n- 337"))),
        // A file read before 01-rap.yaml takes one of its element ids: 01-rap.yaml did not
        // change, yet its element is now the duplicate, and the other file's is checked.
        (
            "id taken by another file",
            Box::new(|| {
                std::fs::write(
                    &dup,
                    format!("in: bts-nrc\ndoc: bts-nrc-referentiel\nelements:\n{element}"),
                )
                .unwrap()
            }),
        ),
        (
            "the other file's text wrong",
            Box::new(|| {
                edit(
                    &data,
                    "certifications/bts-nrc/00-dup.yaml",
                    "relation client",
                    "relation clients",
                )
            }),
        ),
        ("the other file gone", Box::new(|| std::fs::remove_file(&dup).unwrap())),
        // A text of 01-rap.yaml no longer printed at its lines, then mended.
        (
            "a text broken",
            Box::new(|| {
                edit(&data, "certifications/bts-nrc/01-rap.yaml", "lines: 5\n", "lines: 3\n")
            }),
        ),
        (
            "mended",
            Box::new(|| {
                edit(
                    &data,
                    "certifications/bts-nrc/01-rap.yaml",
                    "lines: 3\n- id: champ",
                    "lines: 5\n- id: champ",
                )
            }),
        ),
    ];
    let mut clean = 0;
    for (what, step) in &steps {
        step();
        let again = report(referentiel::load_corpus_kept(&data, &mut kept));
        let fresh = report(referentiel::load_corpus(&data));
        assert_eq!(again, fresh, "after {what:?}, the kept check reports what a fresh one does");
        clean += usize::from(fresh.starts_with("ok "));
    }
    // The sequence went through clean data and through mistakes.
    assert!(clean >= 3 && clean < steps.len(), "{clean} clean steps of {}", steps.len());
    let _ = std::fs::remove_dir_all(data.parent().unwrap());
}
