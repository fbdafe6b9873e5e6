//! A synthetic data folder whose elements form one parent chain, `depth` deep: the worst case for
//! reference checks, cycle detection and breadcrumbs. Shared by `tests/testsuite/safety.rs` and
//! `benches/chain.rs`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Write the chain's data folder into `dir` (which is created).
pub fn write(dir: &Path, depth: usize) {
    fs::create_dir_all(dir.join("sources")).unwrap();
    let mut doc = String::from("FICHE CHAINE\n\nChaîne\n");
    for i in 1..=depth {
        let _ = writeln!(doc, "Élément numéro {i} de la chaîne");
    }
    fs::write(dir.join("sources/chain.txt"), doc).unwrap();
    fs::write(
        dir.join("sources.yaml"),
        "sources:\n  - id: chain\n    file: chain.txt\n    kind: reac\n    title: Chaîne\n",
    )
    .unwrap();
    fs::write(
        dir.join("certification.yaml"),
        "certification:\n  id: chain\n  kind: titre_professionnel\n  lineage: chain\n  version: \"1\"\n  title: {text: Chaîne, doc: chain, lines: 3}\n",
    )
    .unwrap();
    // The running header is page furniture; every other line is claimed by the data.
    let mut y = String::from("in: chain\ndoc: chain\nnoise: [1]\nelements:\n");
    for i in 1..=depth {
        let _ = write!(
            y,
            "  - id: e{i}\n    kind: section\n    text: Élément numéro {i} de la chaîne\n    lines: {}\n",
            i + 3
        );
        if i > 1 {
            let _ = writeln!(y, "    parent: e{}", i - 1);
        }
    }
    fs::write(dir.join("elements.yaml"), y).unwrap();
}
