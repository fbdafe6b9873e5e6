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

/// The address the export tests publish the site at (exports carry absolute identifiers).
pub const SITE: &str = "https://example.org/referentiel/";

/// A build of data/ in memory: the corpus and every file the outputs wrote, by path.
pub struct Built {
    pub corpus: referentiel::model::Corpus,
    pub files: std::collections::BTreeMap<String, Vec<u8>>,
}

/// Build data/ in memory at [`SITE`], after `edit` changed the configuration.
pub fn build_with(edit: impl FnOnce(&mut referentiel::config::Config)) -> Built {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let mut cfg = referentiel::config::Config::read_default();
    cfg.output.html.site_url = SITE.into();
    edit(&mut cfg);
    let (files, _) = referentiel::outputs::render_all(&corpus, &cfg).expect("build");
    let files =
        files.files.into_iter().map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), b)).collect();
    Built { corpus, files }
}

/// One build of data/ at [`SITE`], shared by every test that reads the outputs.
pub fn built() -> &'static Built {
    static B: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
    B.get_or_init(|| build_with(|_| ()))
}

/// The files of the build under `telechargements/<dir>/`, written into a fresh folder.
pub fn written(b: &Built, dir: &str, name: &str) -> (PathBuf, Vec<PathBuf>) {
    let folder = temp("written", name);
    let mut paths = Vec::new();
    for (p, bytes) in
        b.files.iter().filter(|(p, _)| p.starts_with(&format!("telechargements/{dir}/")))
    {
        let to = folder.join(p.rsplit('/').next().unwrap());
        fs::write(&to, bytes).unwrap();
        paths.push(to);
    }
    assert!(!paths.is_empty(), "telechargements/{dir}/ has files");
    (folder, paths)
}

/// Run a consumer's tool: whether it succeeded, and what it said.
pub fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    (
        out.status.success(),
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
    )
}

/// The site of data/ rendered in memory with the repository's settings, and what it was built from.
pub struct Rendered {
    pub corpus: referentiel::model::Corpus,
    pub graph: referentiel::graph::Graph,
    /// Each page and file, by its path in the site.
    pub pages: std::collections::HashMap<String, Vec<u8>>,
}

/// One rendering of the site, shared by the tests that read its pages.
pub fn rendered() -> &'static Rendered {
    static R: std::sync::OnceLock<Rendered> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
        let graph = referentiel::graph::Graph::build(&corpus);
        let mut files = referentiel::build::Files::default();
        let cfg = referentiel::config::Config::read_default();
        referentiel::site::render(&corpus, &graph, &cfg, &[], &mut files).expect("render");
        let pages = files
            .files
            .into_iter()
            .map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), b))
            .collect();
        Rendered { corpus, graph, pages }
    })
}
