//! Outputs declared in `book.toml` (#31 item 3): as in mdBook, an `[output.NAME]` section that no
//! built-in output has names a program of the publisher's, which a build runs as one more output.
//!
//! ```toml
//! [output.fiches-pdf]
//! command = ["python3", "outils/fiches.py"]   # or one string, split at spaces
//! label = "Fiches PDF"                         # the downloads page's heading (default: NAME)
//! description = "Une fiche par compétence."
//! ```
//!
//! The program runs in the folder of `book.toml`, reads `referentiel.json` (the JSON contract,
//! [`super::json`], with its `format` version) on its standard input, and writes its files into
//! the folder named by the environment variable `REFERENTIEL_DEST` (a fresh temporary folder of
//! ours, removed afterwards); the build publishes them under `telechargements/NAME/` and lists
//! them. A program that fails (or a section without `command`) fails the build, with its output.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::Config;
use crate::scratch::Scratch;

/// The start of the name of the temporary folders the programs write into.
const PREFIX: &str = "referentiel-output-";

/// An output of `book.toml`.
pub(crate) struct External {
    name: String,
    command: Vec<String>,
    label: String,
    description: String,
    enable: bool,
}

impl External {
    /// The outputs declared in `config` (`[output.NAME]` sections of no built-in output).
    pub(crate) fn of_config(config: &Config) -> Result<Vec<External>, super::Error> {
        let mut out = Vec::new();
        for (name, section) in &config.output.other {
            let text = |key: &str| section.get(key).and_then(|v| v.as_str()).map(String::from);
            let command: Vec<String> = match section.get("command") {
                Some(toml::Value::String(s)) => s.split_whitespace().map(String::from).collect(),
                Some(toml::Value::Array(a)) => {
                    a.iter().filter_map(|v| v.as_str()).map(String::from).collect()
                }
                _ => Vec::new(),
            };
            if command.is_empty() {
                return Err(super::Error::NoCommand(name.clone()));
            }
            out.push(External {
                name: name.clone(),
                command,
                label: text("label").unwrap_or_else(|| name.clone()),
                description: text("description").unwrap_or_default(),
                enable: section.get("enable").and_then(|v| v.as_bool()).unwrap_or(true),
            });
        }
        Ok(out)
    }
}

impl Output for External {
    fn name(&self) -> &str {
        &self.name
    }
    fn label(&self, _: &Config) -> &str {
        &self.label
    }
    fn description(&self, _: &Config) -> &str {
        &self.description
    }
    fn enabled(&self, _: &Config) -> bool {
        self.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = std::env::temp_dir();
        // Folders left by a build that was killed: ours by name, their process gone.
        crate::scratch::remove_stale(&tmp, PREFIX, |p| p.is_dir());
        let dest = Scratch::register(tmp.join(format!("{PREFIX}{}-{n}", std::process::id())));
        let _ = std::fs::remove_dir_all(dest.path());
        std::fs::create_dir_all(dest.path())
            .map_err(|source| super::Error::Scratch { path: dest.path().to_path_buf(), source })?;
        let input = super::json::bytes(ctx);
        let program = &self.command[0];
        let mut child = Command::new(program)
            .args(&self.command[1..])
            .current_dir(ctx.config.root.as_deref().unwrap_or(std::path::Path::new(".")))
            .env("REFERENTIEL_DEST", dest.path())
            .env("REFERENTIEL_OUTPUT", &self.name)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|source| super::Error::Run { program: program.clone(), source })?;
        let mut stdin = child.stdin.take().expect("a piped stdin");
        let writer = std::thread::spawn(move || {
            // A program that does not read its input closes the pipe: not an error of ours.
            let _ = stdin.write_all(&input);
        });
        let done = child
            .wait_with_output()
            .map_err(|source| super::Error::Run { program: program.clone(), source })?;
        let _ = writer.join();
        if !done.status.success() {
            return Err(super::Error::Program {
                command: self.command.join(" "),
                status: done.status,
                output: format!(
                    "{}{}",
                    String::from_utf8_lossy(&done.stderr),
                    String::from_utf8_lossy(&done.stdout)
                ),
            }
            .into());
        }
        let mut files: Vec<_> = walkdir::WalkDir::new(dest.path())
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .collect();
        files.sort_by(|a, b| a.path().cmp(b.path()));
        for f in files {
            let rel = f.path().strip_prefix(dest.path()).expect("under the folder");
            let bytes = std::fs::read(f.path())
                .map_err(|source| super::Error::Read { path: f.path().to_path_buf(), source })?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.add(format!("{DOWNLOADS_DIR}/{}/{rel}", self.name), bytes);
        }
        Ok(())
    }
}
