//! Hostile and careless input: every probe runs on a fresh copy of `data/`, and each asserts the
//! refusal and its message, or that the data and the site are intact.

use crate::harness::{copy_dir, referentiel};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder for one test of this area.
fn temp(name: &str) -> PathBuf {
    crate::harness::temp("safety", name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A probe's folder with a fresh copy of the real data in `<folder>/data`.
fn fresh(name: &str) -> (PathBuf, PathBuf) {
    let dir = temp(name);
    let data = dir.join("data");
    copy_dir(Path::new("data"), &data);
    (dir, data)
}

fn check(data: &Path) -> Output {
    referentiel(&["--data", data.to_str().unwrap(), "check"])
}

/// Rewrite the second source's `file:` in `sources.yaml`.
fn name_source(data: &Path, file: &str) {
    let p = data.join("sources.yaml");
    let text = fs::read_to_string(&p)
        .unwrap()
        .replace("file: 001_c409c0101a7412f1.txt", &format!("file: {file}"));
    fs::write(p, text).unwrap();
}

fn assert_refused(out: &Output, needles: &[&str]) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    let err = stderr(out);
    for n in needles {
        assert!(err.contains(n), "missing {n:?} in:\n{err}");
    }
}

// 1. Confinement of the source files.

#[test]
fn an_absolute_source_path_is_refused() {
    let (dir, data) = fresh("abs");
    name_source(&data, "/etc/passwd");
    assert_refused(
        &check(&data),
        &[
            "error[provenance]: le fichier source `/etc/passwd` n’est pas un simple nom dans le dossier des sources",
            "sources.yaml:9:11",
        ],
    );
    let built = referentiel(&[
        "--data",
        data.to_str().unwrap(),
        "build",
        "--out",
        dir.join("site").to_str().unwrap(),
    ]);
    assert_eq!(built.status.code(), Some(1));
    assert!(!dir.join("site").exists(), "nothing is published");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_source_path_climbing_out_is_refused() {
    let (dir, data) = fresh("dotdot");
    name_source(&data, "../../../../etc/passwd");
    assert_refused(
        &check(&data),
        &[
            "le fichier source `../../../../etc/passwd` n’est pas un simple nom dans le dossier des sources",
        ],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_process_environment_cannot_be_published() {
    let (dir, data) = fresh("environ");
    name_source(&data, "/proc/self/environ");
    assert_refused(
        &check(&data),
        &[
            "le fichier source `/proc/self/environ` n’est pas un simple nom dans le dossier des sources",
        ],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_source_linked_out_of_the_sources_folder_is_refused() {
    let (dir, data) = fresh("link-out");
    std::os::unix::fs::symlink("/etc/passwd", data.join("sources/passwd.txt")).unwrap();
    name_source(&data, "passwd.txt");
    assert_refused(
        &check(&data),
        &["le fichier source `passwd.txt` mène hors du dossier des sources (vers /etc/passwd)"],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_device_as_source_is_refused_unread() {
    let (dir, data) = fresh("zero");
    std::os::unix::fs::symlink("/dev/zero", data.join("sources/zero.txt")).unwrap();
    name_source(&data, "zero.txt");
    let out = check(&data);
    // The link leads out of the folder, and the walk says so too.
    assert_refused(
        &out,
        &["le fichier source `zero.txt` mène hors du dossier des sources (vers /dev/zero)"],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_fifo_as_source_is_refused_without_blocking() {
    let (dir, data) = fresh("fifo");
    let fifo = data.join("sources/pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    name_source(&data, "pipe.txt");
    assert_refused(&check(&data), &["le fichier source `pipe.txt` n’est pas un fichier ordinaire"]);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_huge_source_is_refused_unread() {
    let (dir, data) = fresh("huge");
    let f = fs::File::create(data.join("sources/huge.txt")).unwrap();
    f.set_len(referentiel::sources::MAX_SOURCE_BYTES + 1).unwrap();
    name_source(&data, "huge.txt");
    assert_refused(
        &check(&data),
        &["le fichier source `huge.txt` fait 33554433 octets, plus que la limite de 33554432"],
    );
    fs::remove_dir_all(dir).unwrap();
}

// 3. No silent skip.

#[cfg(unix)]
#[test]
fn a_yaml_file_linked_from_outside_is_refused() {
    let (dir, data) = fresh("yaml-link-out");
    fs::write(dir.join("outside.yaml"), "in: nowhere\n").unwrap();
    std::os::unix::fs::symlink(dir.join("outside.yaml"), data.join("extra.yaml")).unwrap();
    assert_refused(
        &check(&data),
        &["error[yaml]: un lien symbolique mène hors du dossier des données", "extra.yaml:1:1"],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_yaml_file_linked_inside_the_data_is_read_with_its_errors() {
    let (dir, data) = fresh("yaml-link-in");
    fs::create_dir_all(data.join("drafts")).unwrap();
    fs::write(data.join("drafts/bad.yaml"), "in: nowhere\n").unwrap();
    std::os::unix::fs::symlink(data.join("drafts/bad.yaml"), data.join("linked.yaml")).unwrap();
    let out = check(&data);
    assert_refused(
        &out,
        &["certification inconnue `nowhere`", "linked.yaml:1:5", "drafts/bad.yaml:1:5"],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_refused() {
    let (dir, data) = fresh("loop");
    std::os::unix::fs::symlink(&data, data.join("certifications/again")).unwrap();
    assert_refused(
        &check(&data),
        &["boucle de liens symboliques : ce dossier se contient lui-même"],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_yaml_fifo_is_refused_without_blocking() {
    let (dir, data) = fresh("yaml-fifo");
    assert!(Command::new("mkfifo").arg(data.join("pipe.yaml")).status().unwrap().success());
    assert_refused(
        &check(&data),
        &["error[yaml]: ce n’est pas un fichier ordinaire", "pipe.yaml:1:1"],
    );
    fs::remove_dir_all(dir).unwrap();
}

/// Run `check` as an unprivileged user, so that permissions hold even when the tests run as root.
#[cfg(unix)]
fn check_unprivileged(data: &Path) -> Output {
    let bin = env!("CARGO_BIN_EXE_referentiel");
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(["--data", data.to_str().unwrap(), "check"])
        .output()
        .expect("runs (setpriv is needed when root)")
}

#[cfg(unix)]
fn open_to_all(p: &Path) {
    assert!(Command::new("chmod").args(["-R", "a+rX"]).arg(p).status().unwrap().success());
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_an_error_not_zero_correspondences() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, data) = fresh("unreadable-dir");
    open_to_all(&dir);
    fs::set_permissions(data.join("correspondences"), fs::Permissions::from_mode(0o000)).unwrap();
    let out = check_unprivileged(&data);
    fs::set_permissions(data.join("correspondences"), fs::Permissions::from_mode(0o755)).unwrap();
    assert_refused(
        &out,
        &[
            "error[yaml]: lecture impossible : Permission denied",
            "correspondences:1:1",
            "rien n’est sauté",
        ],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, data) = fresh("unreadable-file");
    open_to_all(&dir);
    let f = data.join("correspondences/bts-fv-1997-bts-nrc.yaml");
    fs::set_permissions(&f, fs::Permissions::from_mode(0o000)).unwrap();
    let out = check_unprivileged(&data);
    assert_refused(
        &out,
        &["impossible de lire le fichier : Permission denied", "bts-fv-1997-bts-nrc.yaml:1:1"],
    );
    fs::remove_dir_all(dir).unwrap();
}

// 2. Output safety.

fn build_out(data: &Path, out: &Path) -> Output {
    referentiel(&["--data", data.to_str().unwrap(), "build", "--out", out.to_str().unwrap()])
}

/// Every file under `dir` with its bytes, to show that a folder is intact.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push((e.path(), fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

const FIXTURE: &str = "tests/fixtures/base";

#[test]
fn building_into_the_data_folder_is_refused_and_the_data_kept() {
    let (dir, data) = fresh("out-data");
    let before = snapshot(&data);
    let out = build_out(&data, &data);
    assert_refused(
        &out,
        &["est ou contient le dossier de données", "construire là effacerait les données"],
    );
    let inside = build_out(&data, &data.join("site"));
    assert_refused(&inside, &["est dans le dossier de données"]);
    assert_eq!(snapshot(&data), before);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn building_over_the_project_is_refused_and_the_project_kept() {
    let dir = temp("out-project");
    fs::copy("book.toml", dir.join("book.toml")).unwrap();
    fs::create_dir_all(dir.join(".git")).unwrap();
    fs::write(dir.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let before = snapshot(&dir);
    let cfg = dir.join("book.toml");
    let out = referentiel(&[
        "--config",
        cfg.to_str().unwrap(),
        "--data",
        FIXTURE,
        "build",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_refused(&out, &["est ou contient le dossier du projet"]);
    let git = referentiel(&[
        "--data",
        FIXTURE,
        "build",
        "--out",
        dir.join(".git/site").to_str().unwrap(),
    ]);
    assert_refused(&git, &["est dans un dépôt git ou en contient un (.git)"]);
    assert_eq!(snapshot(&dir), before);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_folder_that_is_not_a_site_is_not_wiped() {
    let dir = temp("out-foreign");
    fs::create_dir_all(dir.join("notes")).unwrap();
    fs::write(dir.join("notes/todo.txt"), "mine").unwrap();
    let out = build_out(Path::new(FIXTURE), &dir.join("notes"));
    assert_refused(
        &out,
        &[
            "n’est pas vide et n’est pas un site construit par referentiel (il n’a pas de fichier .referentiel-site)",
        ],
    );
    assert_eq!(fs::read_to_string(dir.join("notes/todo.txt")).unwrap(), "mine");
    // A site of ours is replaced: it carries the marker.
    let site = dir.join("site");
    assert_eq!(build_out(Path::new(FIXTURE), &site).status.code(), Some(0));
    assert!(site.join(".referentiel-site").is_file());
    assert_eq!(build_out(Path::new(FIXTURE), &site).status.code(), Some(0));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_folder_that_only_looks_like_a_site_is_not_replaced() {
    let dir = temp("out-lookalike");
    let out = dir.join("site");
    for f in ["index.html", "assets/search.js", "graph.json", "thesis.docx"] {
        fs::create_dir_all(out.join(f).parent().unwrap()).unwrap();
        fs::write(out.join(f), "mine").unwrap();
    }
    let before = snapshot(&out);
    assert_refused(
        &build_out(Path::new(FIXTURE), &out),
        &["n’est pas un site construit par referentiel (il n’a pas de fichier .referentiel-site)"],
    );
    assert_eq!(snapshot(&out), before, "thesis.docx and its neighbours are intact");
    // A refused build leaves no lock file, here or anywhere.
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        1,
        "{:?}",
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect::<Vec<_>>()
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn files_added_inside_the_site_are_listed_and_only_kept_or_deleted_when_asked() {
    let dir = temp("out-strangers");
    let out = dir.join("site");
    assert_eq!(build_out(Path::new(FIXTURE), &out).status.code(), Some(0));
    fs::write(out.join("CNAME"), "referentiel.example.org\n").unwrap();
    fs::create_dir_all(out.join("notes")).unwrap();
    fs::write(out.join("notes/todo.txt"), "mine").unwrap();
    // Not a word and gone, as before: now refused, naming them.
    let refused = build_out(Path::new(FIXTURE), &out);
    assert_refused(
        &refused,
        &[
            "contient 2 fichier(s) qu’aucune construction n’a écrit(s) : CNAME, notes/todo.txt",
            "[build] keep",
            "--force",
        ],
    );
    assert_eq!(fs::read_to_string(out.join("CNAME")).unwrap(), "referentiel.example.org\n");
    // Listed in book.toml: carried into each new site.
    let cfg = dir.join("book.toml");
    fs::write(&cfg, "[book]\ntitle = \"Essai\"\n[build]\nkeep = [\"CNAME\", \"notes/\"]\n")
        .unwrap();
    let with = |extra: &[&str]| {
        let mut args = vec![
            "--config",
            cfg.to_str().unwrap(),
            "--data",
            FIXTURE,
            "build",
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        referentiel(&args)
    };
    for _ in 0..2 {
        let kept = with(&[]);
        assert_eq!(kept.status.code(), Some(0), "{}", stderr(&kept));
        assert_eq!(fs::read_to_string(out.join("CNAME")).unwrap(), "referentiel.example.org\n");
        assert_eq!(fs::read_to_string(out.join("notes/todo.txt")).unwrap(), "mine");
    }
    // Forced: deleted.
    fs::write(&cfg, "[book]\ntitle = \"Essai\"\n").unwrap();
    assert_refused(&with(&[]), &["CNAME"]);
    assert_eq!(with(&["--force"]).status.code(), Some(0));
    assert!(!out.join("CNAME").exists() && !out.join("notes").exists());
    assert_eq!(
        with(&[]).status.code(),
        Some(0),
        "a site that holds only what builds wrote is replaced"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// The folder's entries other than the site (a build leaves no lock file).
fn leftovers(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "site")
        .collect();
    v.sort();
    v
}

#[test]
fn concurrent_builds_on_one_output_leave_one_complete_site() {
    let dir = temp("out-concurrent");
    let site = dir.join("site");
    assert_eq!(build_out(Path::new(FIXTURE), &site).status.code(), Some(0));
    let expected = snapshot(&site);
    let bin = env!("CARGO_BIN_EXE_referentiel");
    let running: Vec<std::process::Child> = (0..4)
        .map(|_| {
            Command::new(bin)
                .args(["--data", FIXTURE, "build", "--out", site.to_str().unwrap()])
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in running {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(snapshot(&site), expected, "one complete site");
    assert_eq!(leftovers(&dir), Vec::<String>::new(), "no staging or retired folder left");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn stale_staging_folders_of_dead_builds_are_removed_and_others_kept() {
    let dir = temp("out-stale");
    let site = dir.join("site");
    // A PID above Linux's maximum (2^22) never names a living process.
    let dead = dir.join(".site.staging-999999999");
    fs::create_dir_all(dead.join("c")).unwrap();
    fs::write(dead.join(".referentiel-site"), "").unwrap();
    let retired = dir.join(".site.retired-999999998");
    fs::create_dir_all(&retired).unwrap();
    let foreign = dir.join(".site.staging-999999997");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("not-ours.txt"), "kept").unwrap();
    assert_eq!(build_out(Path::new(FIXTURE), &site).status.code(), Some(0));
    assert!(!dead.exists() && !retired.exists(), "{:?}", leftovers(&dir));
    assert_eq!(fs::read_to_string(foreign.join("not-ours.txt")).unwrap(), "kept");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_site_retired_by_a_killed_build_is_not_left_behind() {
    let dir = temp("out-retired");
    let site = dir.join("site");
    assert_eq!(build_out(Path::new(FIXTURE), &site).status.code(), Some(0));
    // As if a build had been killed between moving the old site away and moving the new one in.
    fs::rename(&site, dir.join(".site.retired-999999999")).unwrap();
    assert_eq!(build_out(Path::new(FIXTURE), &site).status.code(), Some(0));
    assert!(site.join("index.html").is_file());
    assert!(!dir.join(".site.retired-999999999").exists());
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn sigint_during_a_build_removes_its_staging_folder_and_keeps_the_site() {
    let dir = temp("out-sigint");
    let site = dir.join("site");
    assert_eq!(build_out(Path::new(FIXTURE), &site).status.code(), Some(0));
    let before = snapshot(&site);
    let bin = env!("CARGO_BIN_EXE_referentiel");
    let mut interrupted = false;
    for _ in 0..5 {
        let mut child = Command::new(bin)
            .args(["build", "--out", site.to_str().unwrap()])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let staging = dir.join(format!(".site.staging-{}", child.id()));
        while child.try_wait().unwrap().is_none() && !staging.join(".referentiel-site").exists() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        if child.try_wait().unwrap().is_some() {
            // Too fast to catch: the site was replaced; put the fixture's back and try again.
            assert_eq!(build_out(Path::new(FIXTURE), &site).status.code(), Some(0));
            continue;
        }
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        let status = child.wait().unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(libc::SIGINT), "{status:?}");
        assert!(!staging.exists(), "the staging folder is removed on SIGINT");
        interrupted = true;
        break;
    }
    assert!(interrupted, "a build was interrupted while staging");
    assert_eq!(snapshot(&site), before, "the previous site is intact");
    assert_eq!(leftovers(&dir), Vec::<String>::new());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_diff_leaves_no_temporary_folder_and_removes_those_of_killed_diffs() {
    let tmp = temp("diff-tmp");
    let stale = tmp.join("referentiel-diff-999999999-0");
    fs::create_dir_all(stale.join("data")).unwrap();
    let alive = tmp.join(format!("referentiel-diff-{}-0", std::process::id()));
    fs::create_dir_all(&alive).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_referentiel"))
        .args(["diff", "ntc-2018", "ntc-2018", "--old-rev", "HEAD"])
        .env("TMPDIR", &tmp)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stale.exists(), "the export of a dead diff is removed");
    assert!(alive.exists(), "the export of a living process is kept");
    let left: Vec<_> = fs::read_dir(&tmp).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 1, "{left:?}");
    fs::remove_dir_all(tmp).unwrap();
}

// 4. Linear checks, bounded pages.

#[path = "../chain/mod.rs"]
mod chain;

#[test]
fn a_deep_parent_chain_checks_and_its_pages_stay_small() {
    let dir = temp("chain");
    let data = dir.join("data");
    chain::write(&data, 2_000);
    let corpus = referentiel::load_corpus(&data).unwrap_or_else(|d| panic!("{}", d[0].render()));
    assert_eq!(corpus.elements.len(), 2_000);
    let out = dir.join("site");
    referentiel::outputs::build(&corpus, &referentiel::config::Config::read_default(), &out)
        .expect("build");
    let page = |i: usize| fs::read_to_string(out.join(format!("c/chain/e/e{i}.html"))).unwrap();
    let (shallow, deep) = (page(referentiel::model::BREADCRUMB + 1), page(2_000));
    // The deepest page names as many ancestors as one 8 levels down, behind an ellipsis.
    assert!(deep.len() < shallow.len() + 200, "{} vs {}", deep.len(), shallow.len());
    let crumbs =
        deep.split("<nav class=\"crumbs\"").nth(1).unwrap().split("</nav>").next().unwrap();
    assert!(crumbs.contains("…"), "{crumbs}");
    assert_eq!(
        crumbs.matches("<a ").count(),
        1 + referentiel::model::BREADCRUMB,
        "the certification and 8 ancestors"
    );
    assert!(!shallow.split("</nav>").next().unwrap().contains("omis"));
    fs::remove_dir_all(dir).unwrap();
}

/// Not a timing test: each bound is tens of times what the work takes now, and several times
/// less than it took when it grew with the square of the size (`cargo bench --bench linear`
/// gives the figures).
fn within(limit: std::time::Duration, what: &str, f: impl FnOnce()) {
    let t = std::time::Instant::now();
    f();
    assert!(t.elapsed() < limit, "{what}: {:.1?}", t.elapsed());
}

#[test]
fn thirty_thousand_failing_elements_in_one_file_are_checked_in_linear_time() {
    let dir = temp("many-failures");
    let data = dir.join("data");
    copy_dir(Path::new(FIXTURE), &data);
    let extra: String = (0..30_000).map(|i| format!("  - id: x{i}\n    kind: critere_performance\n    parent: cp1\n    text: Un texte absent de la source, numéro {i}\n    lines: 10\n")).collect();
    let p = data.join("elements.yaml");
    fs::write(
        &p,
        fs::read_to_string(&p).unwrap().replacen("elements:\n", &format!("elements:\n{extra}"), 1),
    )
    .unwrap();
    // 0.8 s here; it took 6 minutes when each diagnostic scanned its file from the start.
    within(std::time::Duration::from_secs(60), "check of 30,000 failures", || {
        assert_refused(&check(&data), &["30000 problèmes dans 1 fichier"]);
    });
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_chain_twenty_thousand_deep_is_built_in_linear_time() {
    let dir = temp("chain-build");
    chain::write(&dir, 20_000);
    let corpus = referentiel::load_corpus(&dir).unwrap_or_else(|d| panic!("{}", d[0].render()));
    // 3 s of CPU here; 16 s when titles and the search index walked up from each element.
    within(std::time::Duration::from_secs(45), "build of a 20,000-deep chain", || {
        // The command's main thread has 8 MB of stack; a test thread 2 MB.
        std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn_scoped(s, || {
                    let (files, _) = referentiel::outputs::render_all(
                        &corpus,
                        &referentiel::config::Config::read_default(),
                    )
                    .unwrap();
                    assert!(files.files.len() > 20_000);
                })
                .unwrap()
                .join()
                .unwrap();
        });
    });
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_parent_cycle_in_a_long_chain_is_reported_once() {
    let dir = temp("chain-cycle");
    let data = dir.join("data");
    chain::write(&data, 3_000);
    let y = fs::read_to_string(data.join("elements.yaml")).unwrap();
    // e1 becomes the child of e3000: one cycle through all 3,000 elements.
    let y = y.replacen("    lines: 4\n", "    lines: 4\n    parent: e3000\n", 1);
    fs::write(data.join("elements.yaml"), y).unwrap();
    let out = check(&data);
    assert_refused(
        &out,
        &["error[cycle]: cycle de parents : `e1` → `e3000` → `e2999`", "1 problème dans 1 fichier"],
    );
    fs::remove_dir_all(dir).unwrap();
}

// 5. Diagnostics and pages.

/// A copy of the small fixture in `<folder>/data`, with `elements.yaml` edited by `edit`.
fn fixture(name: &str, edit: impl Fn(String) -> String) -> (PathBuf, PathBuf) {
    let dir = temp(name);
    let data = dir.join("data");
    copy_dir(Path::new(FIXTURE), &data);
    let p = data.join("elements.yaml");
    fs::write(&p, edit(fs::read_to_string(&p).unwrap())).unwrap();
    (dir, data)
}

#[test]
fn an_overlong_id_is_refused_with_the_limit() {
    let long = "a".repeat(300);
    let (dir, data) = fixture("long-id", |y| y.replace("id: msp", &format!("id: {long}")));
    assert_refused(
        &check(&data),
        &["error[malformed-id]", "un identifiant a 64 caractères au plus (celui-ci en a 300)"],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn codes_that_would_share_a_page_are_refused() {
    let (dir, data) = fresh("code-slugs");
    let p = data.join("certifications/ntc-2013/certification.yaml");
    let y = fs::read_to_string(&p).unwrap();
    assert!(y.contains("code: D1402"), "ntc-2013 has the ROME code D1402, as ntc-2018 has");
    // Another spelling of the same code: one page for two codes.
    fs::write(&p, y.replacen("code: D1402", "code: d1402", 1)).unwrap();
    assert_refused(
        &check(&data),
        &[
            "les codes ROME `d1402` et `D1402` partageraient la page `codes/rome-d1402.html`",
            "écrivez le code exactement comme les autres certifications",
        ],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn terminal_escapes_in_the_data_are_shown_escaped() {
    let (dir, data) = fixture("escapes", |y| y.replace("id: msp", "id: \"\\e[2J\\e[31mmsp\""));
    let out = check(&data);
    assert_refused(&out, &["identifiant d’élément mal formé `\\u{1b}[2J\\u{1b}[31mmsp`"]);
    assert!(!out.stderr.contains(&0x1b), "no raw escape character reaches the terminal");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bidi_overrides_are_isolated_and_shown_and_html_in_notes_is_text() {
    let (dir, data) = fixture("bidi", |y| {
        y.replace("    lines: 16\n", "    lines: 16\n    note: \"a\u{202E}gnp.exe, voir <a href=\\\"nowhere.html\\\">ici</a>\"\n")
    });
    let out = dir.join("site");
    let built = build_out(&data, &out);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let page = fs::read_to_string(out.join("c/demo/e/msp.html")).unwrap();
    assert!(page.contains("<bdi><p>a⟨U+202E⟩gnp.exe, voir &lt;a href=\"nowhere.html\"&gt;ici&lt;/a&gt;</p>\n</bdi>"), "{page}");
    assert!(!page.contains('\u{202E}'));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_non_utf8_byte_is_reported_where_it_is() {
    let dir = temp("latin1");
    let data = dir.join("data");
    copy_dir(Path::new(FIXTURE), &data);
    let p = data.join("elements.yaml");
    let mut bytes = fs::read(&p).unwrap();
    let at = bytes.windows(7).position(|w| w == b"  - id:").unwrap() + 100;
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    let column =
        std::str::from_utf8(&bytes[..at]).unwrap().rsplit('\n').next().unwrap().chars().count() + 1;
    bytes.insert(at, 0xe9);
    fs::write(&p, bytes).unwrap();
    assert_refused(
        &check(&data),
        &[
            "le fichier n’est pas en UTF-8 : octet invalide 0xe9",
            &format!("elements.yaml:{line}:{column}"),
        ],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_tab_is_reported_on_its_own_line() {
    let (dir, data) = fixture("tab", |y| {
        y.replacen(
            "    kind: competence_professionnelle\n",
            "\tkind: competence_professionnelle\n",
            1,
        )
    });
    let out = check(&data);
    let line = fs::read_to_string(data.join("elements.yaml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with('\t'))
        .unwrap()
        + 1;
    assert_refused(
        &out,
        &[
            &format!("elements.yaml:{line}:1"),
            "le YAML s’indente avec des espaces, jamais des tabulations",
        ],
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_node_limit_is_named_as_such() {
    let (dir, data) = fixture("nodes", |y| {
        y.replace("noise: [1, 13-14]", &format!("noise: [{}]", vec!["13"; 1_000_100].join(",")))
    });
    let out = check(&data);
    assert_refused(
        &out,
        &[
            "le fichier dépasse les limites de l’analyseur",
            "1 000 000 de nœuds",
            "découpez le fichier",
        ],
    );
    assert!(!stderr(&out).contains("anchors"), "{}", stderr(&out));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_decomposed_text_is_refused_naming_unicode_normalisation() {
    let (dir, data) = fixture("nfd", |y| y.replace("Élaborer", "E\u{301}laborer"));
    assert_refused(
        &check(&data),
        &[
            "texte introuvable",
            "marques combinantes séparées (Unicode NFD)",
            "caractères composés (NFC)",
        ],
    );
    fs::remove_dir_all(dir).unwrap();
}

// 6. No script from data.

#[path = "../safety/hostile.rs"]
mod hostile;

#[test]
fn a_hostile_value_in_any_string_field_runs_no_script_and_closes_no_inline_script() {
    let dir = temp("hostile");
    let data = dir.join("data");
    let found = hostile::generate(&dir, Path::new(FIXTURE), &data);
    let names: std::collections::BTreeSet<&str> =
        found.accepted.iter().map(|f| f.name.as_str()).collect();
    let refused: std::collections::BTreeSet<&str> =
        found.refused.iter().map(|f| f.name.as_str()).collect();
    eprintln!(
        "the checker lets the value into {} places ({} fields): {names:?}",
        found.accepted.len(),
        names.len()
    );
    eprintln!(
        "and refuses it in {} places ({} fields): {refused:?}",
        found.refused.len(),
        refused.len()
    );
    // The generator reaches the fields that carry free text to the site, cited or not.
    for must in [
        "Certification.version",
        "Element.text",
        "Element.note",
        "SourceEntry.title",
        "Matrix.note",
        "Pair.justification",
        "Term.term",
    ] {
        assert!(names.contains(&must), "{must} not among {names:?}");
    }
    let site = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-site");
    let built = build_out(&data, &site);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let pages = hostile::pages(&site);
    assert!(pages.len() > 20, "{} pages", pages.len());
    for page in &pages {
        let html = fs::read_to_string(page).unwrap();
        let lower = html.to_ascii_lowercase();
        assert!(
            !lower.contains("<img src=x onerror"),
            "{} holds the value as markup",
            page.display()
        );
        assert!(
            !lower.contains("<script>window.__pwned"),
            "{} holds the value as markup",
            page.display()
        );
        for script in hostile::inline_scripts(&html) {
            assert!(
                !script.contains("window.__pwned=1</"),
                "{}: an inline script is closed by the value",
                page.display()
            );
            assert_ne!(
                script.trim(),
                "window.__pwned=1",
                "{}: the value opened a script",
                page.display()
            );
        }
    }
    fs::remove_dir_all(dir).unwrap();
}

// 7. Terminal output: the data's control characters are shown escaped; `--json` stays exact.

#[test]
fn show_and_search_print_the_datas_control_characters_escaped_and_json_exact() {
    let (dir, data) = fixture("terminal", |y| {
        y.replace("    text: Organiser un plan d’actions commerciales\n    lines: 15\n", "    text: Organiser un plan d’actions commerciales\n    lines: 15\n    note: \"a\\e[2J\\e]0;titre\\ab\\u202Ec\"\n")
    });
    let d = data.to_str().unwrap();
    let shown = referentiel(&["--data", d, "--color", "always", "show", "demo/cp2"]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(text.contains("a\\u{1b}[2J\\u{1b}]0;titre\\u{7}b\\u{202e}c"), "{text}");
    assert!(
        !shown.stdout.contains(&0x07) && !text.contains('\u{202E}'),
        "no raw BEL or bidi override reaches the terminal"
    );
    assert!(!text.contains("\x1b[2J") && !text.contains("\x1b]0"), "no raw escape of the data");
    let json = referentiel(&["--data", d, "show", "demo/cp2", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["note"], "a\u{1b}[2J\u{1b}]0;titre\u{7}b\u{202E}c", "--json is exact");
    for cmd in [&["search", "organiser"][..], &["list"][..]] {
        let out = referentiel(&[&["--data", d][..], cmd].concat());
        assert!(!out.stdout.iter().any(|b| *b == 0x1b || *b == 0x07), "{cmd:?}");
    }
    fs::remove_dir_all(dir).unwrap();
}

// 9. Careless editing.

#[test]
fn editors_files_are_passed_over_and_an_odd_extension_or_an_empty_file_is_said() {
    let (dir, data) = fixture("editors", |y| y);
    // An Emacs lock (a link to nowhere), its autosave, a backup and Vim's swap files.
    std::os::unix::fs::symlink("root@host.1234:1700000000", data.join(".#elements.yaml")).unwrap();
    for f in ["#elements.yaml#", "elements.yaml~", ".elements.yaml.swp", ".elements.yaml.swo"] {
        fs::write(data.join(f), "not: [valid").unwrap();
    }
    let out = check(&data);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A data file whose extension differs only by case: refused, never skipped.
    fs::write(data.join("extra.YAML"), "elements: []\n").unwrap();
    assert_refused(&check(&data), &["extra.YAML", "l’extension `.YAML`", "renommez le fichier"]);
    fs::remove_file(data.join("extra.YAML")).unwrap();
    // An emptied file: a warning with its path.
    fs::create_dir_all(data.join("vocabulary")).unwrap();
    fs::write(data.join("vocabulary/vide.yaml"), "# plus rien\n").unwrap();
    let out = check(&data);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("attention : ")
            && stderr(&out).contains("vocabulary/vide.yaml : le fichier ne contient aucune donnée"),
        "{}",
        stderr(&out)
    );
    fs::remove_dir_all(dir).unwrap();
}

// 10. Diagnostics that lead to the cause.

#[test]
fn an_unreadable_source_is_one_message_not_a_cascade() {
    let (dir, data) = fixture("bad-source", |y| y);
    let mut bytes = fs::read(data.join("sources/demo.txt")).unwrap();
    bytes.insert(20, 0xe9);
    fs::write(data.join("sources/demo.txt"), bytes).unwrap();
    let out = check(&data);
    assert_refused(
        &out,
        &["impossible de lire la source `demo.txt` : pas en UTF-8", "1 problème dans 1 fichier"],
    );
    assert!(!stderr(&out).contains("document inconnu"), "{}", stderr(&out));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_duplicate_key_gets_a_hint_about_duplicate_keys() {
    let (dir, data) =
        fixture("dup-key", |y| y.replacen("    lines: 15\n", "    lines: 15\n    lines: 15\n", 1));
    let out = check(&data);
    assert_refused(&out, &["une clé apparaît deux fois"]);
    assert!(!stderr(&out).contains("tabs"), "{}", stderr(&out));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_long_parent_cycle_is_shown_by_its_ends_and_its_length() {
    let dir = temp("long-cycle");
    chain::write(&dir, 20_000);
    let y = fs::read_to_string(dir.join("elements.yaml")).unwrap().replacen(
        "    lines: 4\n",
        "    lines: 4\n    parent: e20000\n",
        1,
    );
    fs::write(dir.join("elements.yaml"), y).unwrap();
    let out = check(&dir);
    assert_refused(
        &out,
        &[
            "cycle de parents : `e1` → `e20000` → `e19999` → `e19998` → … → `e3` → `e2` → `e1` (20000 éléments dans le cycle)",
        ],
    );
    assert!(
        stderr(&out).lines().all(|l| l.chars().count() < 300),
        "no line is longer than a reader can take in"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_full_disk_is_one_message_with_the_count() {
    // A small file system of our own (root only: CI and this machine run as root).
    let dir = temp("full-disk");
    let mount = dir.join("small");
    fs::create_dir_all(&mount).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.to_str().unwrap()])
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small file system here (not root)");
        return;
    }
    let out = build_out(Path::new(FIXTURE), &mount.join("site"));
    let _ = Command::new("umount").arg(&mount).status();
    assert_refused(&out, &["No space left on device", "autres fichiers qui n’ont pu être écrits"]);
    assert!(stderr(&out).lines().count() < 10, "{}", stderr(&out));
    fs::remove_dir_all(dir).unwrap();
}

// issue #29 (exports), from #23 item 8: CSV injection.
#[test]
fn a_spreadsheet_never_runs_a_text_of_our_csv_files_as_a_formula() {
    use referentiel::outputs::csv::{code_cell, neutralise};
    // OWASP: a cell that starts with = + - @, a tab or a carriage return gets a leading quote.
    for start in ["=", "+", "-", "@", "\t", "\r"] {
        let text = format!("{start}HYPERLINK(\"http://x\")");
        assert_eq!(neutralise(&text), format!("'{text}"), "{start:?}");
    }
    assert_eq!(neutralise("Prospecter"), "Prospecter", "other texts are unchanged");
    // The only formula we write is a constant code kept as text.
    assert_eq!(code_cell("1.1"), "=\"1.1\"");
    assert_eq!(code_cell("=1+1"), "'=1+1");
    // Every CSV the exports write: no cell starts a formula but those constant codes.
    let corpus = referentiel::load_corpus(std::path::Path::new("data")).expect("clean data");
    let (files, _) =
        referentiel::outputs::render_all(&corpus, &referentiel::config::Config::read_default())
            .expect("build");
    let mut cells = 0;
    for (path, bytes) in
        files.files.iter().filter(|(p, _)| p.extension().is_some_and(|e| e == "csv"))
    {
        let text = String::from_utf8_lossy(bytes);
        let delimiter = if path.starts_with("telechargements/moodle") { b',' } else { b';' };
        let mut r = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for row in r.records() {
            for cell in row.unwrap().iter() {
                cells += 1;
                let constant_code = cell.starts_with("=\"")
                    && cell.ends_with('"')
                    && cell[2..cell.len() - 1]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || constant_code,
                    "{}: « {cell} » would run as a formula",
                    path.display()
                );
            }
        }
    }
    assert!(cells > 10_000, "{cells} cells checked");
}
