//! What the areas of the suite share: running the program, fresh temporary folders, copying a
//! fixture project, and the exports' validators (installed by `tests/exports/setup.sh`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The program under test, ready to be given arguments.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_referentiel"))
}

/// Run the program with `args` from the project's folder and wait for it.
pub fn referentiel(args: &[&str]) -> Output {
    bin().args(args).output().expect("the program runs")
}

/// A fresh, empty folder of the system's temporary folder for one test of `area`, named so that
/// tests of other areas and other runs never share it.
pub fn temp(area: &str, name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("referentiel-{area}-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// Copy the folder `from` into `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The Python of the exports' validators (sssom-py, rdflib, openpyxl).
pub fn tools_python() -> PathBuf {
    let p = Path::new("target/export-tools/venv/bin/python").to_path_buf();
    assert!(
        p.exists(),
        "the exports' validators are not installed: run `bash tests/exports/setup.sh` (tests/run-all.sh does)"
    );
    p
}
