//! The synthetic corpora of the scale and serve benchmarks: `n` copies of `data/`, each
//! certification of copy `k` under the id `<id>-x<k>` (with its lineage, its correspondence
//! tables, its own copy of each source document and every reference renamed the same way), so
//! that the copies check like the real data. Included by the benchmarks with `#[path]`.

use std::fs;
use std::path::{Path, PathBuf};

/// `text` with every id of `ids` (certifications and documents) renamed `<id><suffix>` where it
/// stands as a whole id (a certification's id is not renamed at the start of a longer id such as
/// the document `bts-nrc-referentiel`, which is renamed as a whole).
fn rename(text: &str, ids: &[String], suffix: &str) -> String {
    let is_id_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut out = String::with_capacity(text.len() + 64);
    let mut i = 0;
    let b = text.as_bytes();
    'outer: while i < text.len() {
        let before_ok = i == 0 || !is_id_char(text[..i].chars().next_back().unwrap());
        if before_ok {
            for id in ids {
                if text[i..].starts_with(id.as_str())
                    && !text[i + id.len()..].chars().next().is_some_and(is_id_char)
                {
                    out.push_str(id);
                    out.push_str(suffix);
                    i += id.len();
                    continue 'outer;
                }
            }
        }
        let c = text[i..].chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
        let _ = b;
    }
    out
}

fn copy_dir(from: &Path, to: &Path, edit: &dyn Fn(&str) -> String) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target, edit);
        } else if e.path().extension().is_some_and(|x| x == "yaml") {
            fs::write(&target, edit(&fs::read_to_string(e.path()).unwrap())).unwrap();
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A data folder with `n` copies of `data/` (copy 0 is the real data).
pub fn synthetic(data: &Path, n: usize, dir: &Path) -> PathBuf {
    let out = dir.join("data");
    let _ = fs::remove_dir_all(&out);
    copy_dir(data, &out, &|s| s.to_string());
    let certs: Vec<String> = fs::read_dir(data.join("certifications"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let lineage = |s: &str, suffix: &str| -> String {
        s.lines()
            .map(|l| match l.strip_prefix("  lineage: ") {
                Some(v) => format!("  lineage: {v}{suffix}"),
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    let table_ids = |s: &str, suffix: &str| -> String {
        s.lines()
            .map(|l| match l.trim_start().strip_prefix("- id: ") {
                Some(v) => format!("{}- id: {v}{suffix}", &l[..l.len() - l.trim_start().len()]),
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    // Each copy has its own source documents (as each real certification has its own), so that
    // the source pages of one document list the elements of one certification.
    let sources_yaml = fs::read_to_string(data.join("sources.yaml")).unwrap();
    let docs: Vec<(String, String)> = {
        let mut v = Vec::new();
        let mut id = None;
        for l in sources_yaml.lines() {
            if let Some(x) = l.trim_start().strip_prefix("- id: ") {
                id = Some(x.trim().to_string());
            } else if let (Some(f), Some(i)) = (l.trim_start().strip_prefix("file: "), id.take()) {
                v.push((i, f.trim().to_string()));
            }
        }
        v
    };
    let mut ids = certs.clone();
    ids.extend(docs.iter().map(|(d, _)| d.clone()));
    let mut sources_out = sources_yaml.clone();
    for k in 1..n {
        let suffix = format!("-x{k}");
        for c in &certs {
            copy_dir(
                &data.join("certifications").join(c),
                &out.join("certifications").join(format!("{c}{suffix}")),
                &|s| lineage(&rename(s, &ids, &suffix), &suffix),
            );
        }
        for e in fs::read_dir(data.join("correspondences")).unwrap() {
            let e = e.unwrap();
            let name = e.path().file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(e.path()).unwrap();
            fs::write(
                out.join("correspondences").join(format!("{name}{suffix}.yaml")),
                table_ids(&rename(&text, &ids, &suffix), &suffix),
            )
            .unwrap();
        }
        for (doc, file) in &docs {
            let copy = format!("x{k}-{file}");
            fs::copy(data.join("sources").join(file), out.join("sources").join(&copy)).unwrap();
            let noise = data.join("sources").join(format!("noise-{doc}.yaml"));
            if noise.is_file() {
                fs::write(
                    out.join("sources").join(format!("noise-{doc}{suffix}.yaml")),
                    rename(&fs::read_to_string(&noise).unwrap(), &ids, &suffix),
                )
                .unwrap();
            }
            let entry = sources_yaml
                .split("\n  - id: ")
                .find(|e| e.starts_with(&format!("{doc}\n")))
                .unwrap();
            sources_out.push_str(&format!(
                "  - id: {doc}{suffix}{}",
                &entry[doc.len()..].replace(file.as_str(), &copy)
            ));
            if !sources_out.ends_with('\n') {
                sources_out.push('\n');
            }
        }
    }
    fs::write(out.join("sources.yaml"), sources_out).unwrap();
    out
}
