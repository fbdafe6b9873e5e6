//! Writing the site atomically: everything goes into a fresh sibling folder, which replaces the
//! previous site only once it is complete. A failed build leaves the previous site untouched.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Pages and assets to write, by path relative to the site root.
#[derive(Default)]
pub struct SiteFiles {
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

impl SiteFiles {
    pub fn add(&mut self, path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) {
        self.files.push((path.into(), bytes.into()));
    }

    pub fn total_bytes(&self) -> usize {
        self.files.iter().map(|(_, b)| b.len()).sum()
    }
}

/// Write `files` as the new content of `out`.
pub fn publish(out: &Path, files: &SiteFiles) -> io::Result<()> {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.retired-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    let result = (|| {
        for (rel, bytes) in &files.files {
            let path = staging.join(rel);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::write(&path, bytes)?;
        }
        if out.exists() {
            fs::rename(out, &retired)?;
        }
        if let Err(e) = fs::rename(&staging, out) {
            // Put the previous site back.
            if retired.exists() {
                let _ = fs::rename(&retired, out);
            }
            return Err(e);
        }
        let _ = fs::remove_dir_all(&retired);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_replaces_the_whole_site() {
        let dir = std::env::temp_dir().join(format!("referentiel-out-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let out = dir.join("site");
        let mut a = SiteFiles::default();
        a.add("old.html", "old");
        publish(&out, &a).unwrap();
        let mut b = SiteFiles::default();
        b.add("sub/new.html", "new");
        publish(&out, &b).unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read_to_string(out.join("sub/new.html")).unwrap(), "new");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "no staging folder left behind");
        fs::remove_dir_all(&dir).unwrap();
    }
}
