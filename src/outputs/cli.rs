//! `referentiel export FORMAT [--cert ID]… [--out PATH]`: one output on its own. A single file
//! goes to standard output, or to `--out`; several files go into the folder `--out`, by their
//! names (`ntc-2018.ttl`, …).
//!
//! Exit codes: 0 when all is well, 1 when the data has errors or writing fails, 2 on a usage error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::config::Config;
use crate::graph::Graph;
use crate::ids::CertId;
use crate::site::output::SiteFiles;

/// The parsed arguments of `export`.
pub struct ExportArgs {
    pub format: String,
    pub certs: Vec<String>,
    pub out: Option<PathBuf>,
}

/// The formats `export` writes (every output but the site).
pub fn formats() -> Vec<&'static str> {
    super::all().iter().map(|o| o.name()).filter(|n| *n != "html").collect()
}

pub fn export(data: &Path, config: &Config, args: &ExportArgs) -> u8 {
    let Some(output) = super::by_name(&args.format).filter(|o| o.name() != "html") else {
        eprintln!("error: unknown export format `{}`\nhint: one of {}", args.format, formats().join(", "));
        return 2;
    };
    let corpus = match crate::load_corpus(data) {
        Ok(c) => c,
        Err(diags) => {
            for d in &diags {
                eprint!("{}\n", d.render());
            }
            eprintln!("nothing was written: fix the data first");
            return 1;
        }
    };
    let mut only = Vec::new();
    for c in &args.certs {
        match corpus.certs.iter().find(|x| x.id.as_str() == c) {
            Some(x) => only.push(x.id.clone()),
            None => {
                let known: Vec<&str> = corpus.certs.iter().map(|x| x.id.as_str()).collect();
                eprintln!("error: unknown certification `{c}`\nhint: one of {}", known.join(", "));
                return 2;
            }
        }
    }
    let graph = Graph::build(&corpus);
    let crosswalks = OnceLock::new();
    let only: &[CertId] = &only;
    let ctx = super::RenderContext { corpus: &corpus, graph: &graph, config, downloads: &[], only, crosswalks: &crosswalks };
    let mut files = SiteFiles::default();
    if let Err(e) = output.render(&ctx, &mut files) {
        eprintln!("error: output {}: {e}", output.name());
        return 1;
    }
    if files.files.is_empty() {
        eprintln!("error: nothing to export for these certifications");
        return 1;
    }
    match (&args.out, files.files.len()) {
        (None, 1) => {
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(&files.files[0].1).and_then(|_| stdout.flush()).is_err() {
                return 1;
            }
            0
        }
        (None, n) => {
            eprintln!("error: {n} files to write\nhint: give a folder with --out, or one certification with --cert");
            2
        }
        (Some(out), 1) if !out.is_dir() => write(out, &files.files[0].1),
        (Some(dir), _) => {
            for (p, bytes) in &files.files {
                let name = p.file_name().expect("file name");
                let code = write(&dir.join(name), bytes);
                if code != 0 {
                    return code;
                }
            }
            eprintln!("wrote {} files into {}", files.files.len(), dir.display());
            0
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> u8 {
    if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(d) {
            eprintln!("error: cannot create {}: {e}", d.display());
            return 1;
        }
    }
    match std::fs::write(path, bytes) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            1
        }
    }
}
