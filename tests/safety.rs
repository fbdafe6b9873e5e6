//! Hostile and careless input: every probe runs on a fresh copy of `data/`, and each asserts the
//! refusal and its message, or that the data and the site are intact.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn referentiel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referentiel")).args(args).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh, empty folder for one probe.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("referentiel-safety-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
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
    let text = fs::read_to_string(&p).unwrap().replace("file: 001_c409c0101a7412f1.txt", &format!("file: {file}"));
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
    assert_refused(&check(&data), &["error[provenance]: source file `/etc/passwd` is not a plain name inside the sources folder", "sources.yaml:9:11"]);
    let built = referentiel(&["--data", data.to_str().unwrap(), "build", "--out", dir.join("site").to_str().unwrap()]);
    assert_eq!(built.status.code(), Some(1));
    assert!(!dir.join("site").exists(), "nothing is published");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_source_path_climbing_out_is_refused() {
    let (dir, data) = fresh("dotdot");
    name_source(&data, "../../../../etc/passwd");
    assert_refused(&check(&data), &["source file `../../../../etc/passwd` is not a plain name inside the sources folder"]);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_process_environment_cannot_be_published() {
    let (dir, data) = fresh("environ");
    name_source(&data, "/proc/self/environ");
    assert_refused(&check(&data), &["source file `/proc/self/environ` is not a plain name inside the sources folder"]);
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_source_linked_out_of_the_sources_folder_is_refused() {
    let (dir, data) = fresh("link-out");
    std::os::unix::fs::symlink("/etc/passwd", data.join("sources/passwd.txt")).unwrap();
    name_source(&data, "passwd.txt");
    assert_refused(&check(&data), &["source file `passwd.txt` leads outside the sources folder (to /etc/passwd)"]);
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
    assert_refused(&out, &["source file `zero.txt` leads outside the sources folder (to /dev/zero)"]);
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_fifo_as_source_is_refused_without_blocking() {
    let (dir, data) = fresh("fifo");
    let fifo = data.join("sources/pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    name_source(&data, "pipe.txt");
    assert_refused(&check(&data), &["source file `pipe.txt` is not a regular file"]);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_huge_source_is_refused_unread() {
    let (dir, data) = fresh("huge");
    let f = fs::File::create(data.join("sources/huge.txt")).unwrap();
    f.set_len(referentiel::sources::MAX_SOURCE_BYTES + 1).unwrap();
    name_source(&data, "huge.txt");
    assert_refused(&check(&data), &["source file `huge.txt` has 33554433 bytes, more than the limit of 33554432"]);
    fs::remove_dir_all(dir).unwrap();
}

// 3. No silent skip.

#[cfg(unix)]
#[test]
fn a_yaml_file_linked_from_outside_is_refused() {
    let (dir, data) = fresh("yaml-link-out");
    fs::write(dir.join("outside.yaml"), "in: nowhere\n").unwrap();
    std::os::unix::fs::symlink(dir.join("outside.yaml"), data.join("extra.yaml")).unwrap();
    assert_refused(&check(&data), &["error[yaml]: symbolic link leads outside the data folder", "extra.yaml:1:1"]);
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
    assert_refused(&out, &["unknown certification `nowhere`", "linked.yaml:1:5", "drafts/bad.yaml:1:5"]);
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_refused() {
    let (dir, data) = fresh("loop");
    std::os::unix::fs::symlink(&data, data.join("certifications/again")).unwrap();
    assert_refused(&check(&data), &["symbolic link loop: this folder contains itself"]);
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_yaml_fifo_is_refused_without_blocking() {
    let (dir, data) = fresh("yaml-fifo");
    assert!(Command::new("mkfifo").arg(data.join("pipe.yaml")).status().unwrap().success());
    assert_refused(&check(&data), &["error[yaml]: not a regular file", "pipe.yaml:1:1"]);
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
    cmd.args(["--data", data.to_str().unwrap(), "check"]).output().expect("runs (setpriv is needed when root)")
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
    assert_refused(&out, &["error[yaml]: cannot read: Permission denied", "correspondences:1:1", "nothing is skipped"]);
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
    assert_refused(&out, &["cannot read file: Permission denied", "bts-fv-1997-bts-nrc.yaml:1:1"]);
    fs::remove_dir_all(dir).unwrap();
}
