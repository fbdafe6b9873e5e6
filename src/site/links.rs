//! The generator checks its own output: every relative link of every page leads to a file of the
//! site, and every `#anchor` to an element with that id. A broken link fails the build.

use std::collections::{HashMap, HashSet};

use super::output::SiteFiles;

/// Check every internal link; returns how many were checked.
pub fn check(files: &SiteFiles) -> Result<usize, String> {
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut pages: Vec<(String, &str)> = Vec::new();
    let mut paths: HashSet<String> = HashSet::new();
    for (p, bytes) in &files.files {
        let path = p.to_string_lossy().replace('\\', "/");
        paths.insert(path.clone());
        if path.ends_with(".html") {
            let html = std::str::from_utf8(bytes).map_err(|_| format!("{path}: not UTF-8"))?;
            ids.insert(path.clone(), attr_values(html, "id").into_iter().collect());
            pages.push((path, html));
        }
    }
    let mut broken = Vec::new();
    let mut checked = 0;
    for (path, html) in &pages {
        for href in attr_values(html, "href").into_iter().chain(attr_values(html, "src")) {
            if href.starts_with("http:") || href.starts_with("https:") || href.starts_with("mailto:") || href.starts_with("data:") {
                continue;
            }
            checked += 1;
            let (file, anchor) = match href.split_once('#') {
                Some((f, a)) => (f, Some(a)),
                None => (href.as_str(), None),
            };
            let target = if file.is_empty() { path.clone() } else { resolve(path, file) };
            if !paths.contains(&target) {
                broken.push(format!("{path}: link to missing {href}"));
                continue;
            }
            if let Some(a) = anchor {
                if !a.is_empty() && !ids.get(&target).is_some_and(|s| s.contains(a)) {
                    broken.push(format!("{path}: link to missing anchor {href}"));
                }
            }
        }
    }
    if broken.is_empty() {
        Ok(checked)
    } else {
        let n = broken.len();
        broken.truncate(20);
        Err(format!("{n} broken internal links:\n{}", broken.join("\n")))
    }
}

/// Resolve a relative link from a page.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Every value of attribute `name` in the tags of an HTML text (double-quoted, as the templates
/// write them). Only tags count: markup shown as text (`&lt;a href="…"&gt;`) links nowhere.
fn attr_values(html: &str, name: &str) -> Vec<String> {
    let pat = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        // The tag runs to the first `>` outside quotes.
        let mut quoted = false;
        let end = rest.char_indices().find(|(_, c)| {
            if *c == '"' {
                quoted = !quoted;
            }
            *c == '>' && !quoted
        });
        let Some((end, _)) = end else { break };
        let mut tag = &rest[..end];
        while let Some(k) = tag.find(&pat) {
            tag = &tag[k + pat.len()..];
            if let Some(j) = tag.find('"') {
                out.push(tag[..j].replace("&amp;", "&"));
                tag = &tag[j..];
            }
        }
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        assert_eq!(resolve("c/a/e/x.html", "../../../index.html"), "index.html");
        assert_eq!(resolve("index.html", "c/a/index.html"), "c/a/index.html");
    }

    #[test]
    fn links_shown_as_text_are_not_checked() {
        let mut f = SiteFiles::default();
        f.add("index.html", "<p>&lt;a href=\"nowhere.html\"&gt; <a class=\"x\" href=\"a.html\">a</a></p>");
        f.add("a.html", "");
        assert_eq!(check(&f), Ok(1));
    }

    #[test]
    fn reports_missing_pages_and_anchors() {
        let mut f = SiteFiles::default();
        f.add("index.html", "<a href=\"a.html#x\">a</a> <a href=\"b.html\">b</a>");
        f.add("a.html", "<p id=\"y\"></p>");
        let err = check(&f).unwrap_err();
        assert!(err.contains("missing anchor a.html#x"), "{err}");
        assert!(err.contains("missing b.html"), "{err}");
    }
}
