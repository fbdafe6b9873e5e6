//! The generator checks its own output: every relative link of every page leads to a file of the
//! site, and every `#anchor` to an element with that id. A broken link fails the build.
//!
//! Pages are scanned as they are added ([`Links::add_page`]), so that the check needs no page in
//! memory and reads none back: it keeps each distinct link once, with the first page that holds
//! it, and each page's ids as 64-bit hashes (8 bytes an id), for the anchored links (a file that
//! is not HTML, when a link is anchored in it, is read back).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::Files;

/// The links of one page: each distinct (target file, anchor) it points to, and how many links
/// it has in all.
#[derive(Debug, Default)]
pub struct PageLinks {
    targets: Vec<(String, String)>,
    count: usize,
    /// The hashes of the page's ids, sorted ([`id_hash`]); none for a file that is not HTML.
    ids: Option<Vec<u64>>,
}

/// An id as the check keeps it: a 64-bit hash (two ids of one page that share it, a chance in
/// 2⁶⁴, would let a link to the missing one pass).
fn id_hash(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
}

impl PageLinks {
    /// The internal links of the page at `path` (none for a file that is not HTML).
    pub fn of(path: &str, bytes: &[u8]) -> Result<PageLinks, String> {
        if !path.ends_with(".html") {
            return Ok(PageLinks::default());
        }
        let html =
            std::str::from_utf8(bytes).map_err(|_| crate::words::build_folder::not_utf8(path))?;
        let mut seen = HashSet::new();
        let mut count = 0;
        for href in attrs(html, &["href", "src"]) {
            if href.starts_with("http:")
                || href.starts_with("https:")
                || href.starts_with("mailto:")
                || href.starts_with("data:")
            {
                continue;
            }
            count += 1;
            let (file, anchor) = href.split_once('#').unwrap_or((href.as_str(), ""));
            let target = if file.is_empty() { path.to_string() } else { resolve(path, file) };
            seen.insert((target, anchor.to_string()));
        }
        let mut targets: Vec<(String, String)> = seen.into_iter().collect();
        targets.sort();
        let mut ids: Vec<u64> = attrs(html, &["id"]).iter().map(|id| id_hash(id)).collect();
        ids.sort_unstable();
        ids.dedup();
        Ok(PageLinks { targets, count, ids: Some(ids) })
    }

    /// The files the page links to (each once).
    pub(crate) fn targets(&self) -> impl Iterator<Item = &String> {
        let mut last: Option<&String> = None;
        self.targets.iter().map(|(t, _)| t).filter(move |t| {
            let new = last != Some(*t);
            last = Some(*t);
            new
        })
    }
}

/// A page's number and the files it links to.
pub type PageTargets = (usize, Vec<String>);

/// The pages whose links are kept, and theirs.
#[derive(Debug)]
struct KeptTargets {
    which: fn(&str) -> bool,
    pages: Vec<PageTargets>,
}

/// The links of every page added so far.
#[derive(Debug, Default)]
pub struct Links {
    /// Each distinct (target file, anchor; empty for none), with the first page that holds it.
    first: HashMap<(String, String), usize>,
    /// The hashes of each HTML page's ids, by page.
    ids: HashMap<usize, Vec<u64>>,
    checked: usize,
    /// Failures met while adding (a page that is not UTF-8, a file that could not be written).
    failures: Vec<String>,
    /// When kept ([`Links::keeping_targets`], for `serve`): which pages, and each such page's
    /// number with the files it links to.
    targets: Option<KeptTargets>,
}

impl Links {
    pub(crate) fn add_page(
        &mut self,
        page: usize,
        path: &Path,
        bytes: &[u8],
    ) -> Result<(), String> {
        let path = path.to_string_lossy().replace('\\', "/");
        let links = PageLinks::of(&path, bytes)?;
        self.merge(page, &path, links);
        Ok(())
    }

    /// Links that also keep, for each page whose path `which` takes, the files it links to that
    /// `which` takes too ([`Links::take_targets`]).
    pub(crate) fn keeping_targets(which: fn(&str) -> bool) -> Links {
        Links { targets: Some(KeptTargets { which, pages: Vec::new() }), ..Links::default() }
    }

    /// Empty links that keep what these keep (for a fork of the files).
    pub(crate) fn like(&self) -> Links {
        let targets =
            self.targets.as_ref().map(|k| KeptTargets { which: k.which, pages: Vec::new() });
        Links { targets, ..Links::default() }
    }

    /// Each kept page's number and the files it links to, when kept.
    pub fn take_targets(&mut self) -> Vec<PageTargets> {
        self.targets.take().map(|k| k.pages).unwrap_or_default()
    }

    /// Take in the links of page number `page`, at `path`.
    pub fn merge(&mut self, page: usize, path: &str, links: PageLinks) {
        if let Some(kept) = &mut self.targets
            && (kept.which)(path)
        {
            let targets = links.targets().filter(|t| (kept.which)(t)).cloned().collect();
            kept.pages.push((page, targets));
        }
        self.checked += links.count;
        for t in links.targets {
            self.first.entry(t).or_insert(page);
        }
        if let Some(ids) = links.ids {
            self.ids.insert(page, ids);
        }
    }

    /// Take in the links of pages numbered from `first` on (their own numbers start at 0).
    pub(crate) fn absorb(&mut self, other: Links, first: usize) {
        self.checked += other.checked;
        for (t, page) in other.first {
            self.first.entry(t).or_insert(page + first);
        }
        self.ids.extend(other.ids.into_iter().map(|(page, ids)| (page + first, ids)));
        self.failures.extend(other.failures);
        if let (Some(kept), Some(theirs)) = (&mut self.targets, other.targets) {
            kept.pages.extend(theirs.pages.into_iter().map(|(page, t)| (page + first, t)));
        }
    }

    pub fn fail(&mut self, message: String) {
        self.failures.push(message);
    }
}

/// Check every internal link of the pages added to `files`; returns how many were checked.
pub fn check(files: &Files) -> Result<usize, String> {
    let links = &files.links;
    if let Some(first) = links.failures.first() {
        // One cause (a full disk) fails every file after it: said once, with the count.
        return Err(match links.failures.len() {
            1 => first.clone(),
            n => crate::words::build_folder::more_failures(first, n - 1),
        });
    }
    let path_of = |i: usize| files.path(i);
    let paths: HashMap<String, usize> = (0..files.index.len()).map(|i| (path_of(i), i)).collect();
    let mut broken = Vec::new();
    let mut anchored: HashMap<usize, Vec<(&str, usize)>> = HashMap::new();
    for ((target, anchor), &page) in &links.first {
        match paths.get(target) {
            None => broken.push((
                path_of(page),
                crate::words::build_folder::link_to_missing(&shown(target, anchor, &path_of(page))),
            )),
            Some(&t) if !anchor.is_empty() => anchored.entry(t).or_default().push((anchor, page)),
            Some(_) => {}
        }
    }
    for (t, wanted) in &anchored {
        let read_back: Vec<u64>;
        let ids = match links.ids.get(t) {
            Some(ids) => ids.as_slice(),
            None => {
                let bytes = files.read(*t).map_err(|e| {
                    crate::words::build_folder::cannot_read_back(&path_of(*t), &e.to_string())
                })?;
                let text = String::from_utf8_lossy(&bytes);
                read_back = attrs(&text, &["id"]).iter().map(|id| id_hash(id)).collect();
                &read_back
            }
        };
        for (anchor, page) in wanted {
            if !ids.contains(&id_hash(anchor)) {
                broken.push((
                    path_of(*page),
                    crate::words::build_folder::link_to_missing_anchor(&shown(
                        &path_of(*t),
                        anchor,
                        &path_of(*page),
                    )),
                ));
            }
        }
    }
    if broken.is_empty() {
        Ok(links.checked)
    } else {
        broken.sort();
        let n = broken.len();
        broken.truncate(20);
        let lines =
            broken.into_iter().map(|(p, m)| format!("{p} : {m}")).collect::<Vec<_>>().join("\n");
        Err(crate::words::build_folder::broken_links(n, &lines))
    }
}

/// A link as the page wrote it: from the page through the site's root ([`crate::urls::rel`]).
fn shown(target: &str, anchor: &str, page: &str) -> String {
    let rel = crate::urls::rel(page, target);
    if anchor.is_empty() { rel } else { format!("{rel}#{anchor}") }
}

/// Resolve a relative link from a page: its path from the site's root.
pub fn resolve(page: &str, href: &str) -> String {
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

/// Every value of the attributes `names`, in order, in the tags of an HTML text (double-quoted, as the templates
/// write them), `<base>` aside. Only tags count: markup shown as text (`&lt;a href="…"&gt;`) and
/// the text of an inline script (`'<a href="' + url + '">'`) link nowhere.
///
/// One pass reads them all: a tag runs to the first `>` outside quotes; attributes are read
/// outside quotes only; a script's text is skipped.
fn attrs(html: &str, names: &[&str]) -> Vec<String> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + k + 1;
        // `<base href>` (the 404 page's) names the site's root, not a page: the page sits at the
        // root, so its links resolve from there as written.
        let base = b[start..].starts_with(b"base ");
        let mut j = start;
        let mut quoted = false;
        while j < b.len() {
            match b[j] {
                b'"' => quoted = !quoted,
                b'>' if !quoted => break,
                b' ' if !quoted && !base => {
                    let rest = &b[j + 1..];
                    if let Some(name) = names.iter().find(|n| {
                        rest.starts_with(n.as_bytes()) && rest[n.len()..].starts_with(b"=\"")
                    }) {
                        let from = j + 1 + name.len() + 2;
                        let Some(len) = b[from..].iter().position(|&c| c == b'"') else { break };
                        let value = &html[from..from + len];
                        out.push(if value.contains("&amp;") {
                            value.replace("&amp;", "&")
                        } else {
                            value.to_string()
                        });
                        j = from + len + 1;
                        continue;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= b.len() {
            break;
        }
        let script =
            b[start..j].starts_with(b"script") && matches!(b.get(start + 6), Some(b' ' | b'>'));
        i = j;
        if script {
            match html[i..].find("</script") {
                Some(k) => i += k,
                None => break,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inline_script_builds_no_link() {
        let html = "<script data-root=\"\">x = '<a href=\"' + url + '\">';</script><a href=\"b.html\">b</a><script>1</script>";
        assert_eq!(attrs(html, &["href"]), ["b.html"]);
    }

    #[test]
    fn attributes_are_read_in_one_pass_outside_quotes() {
        let html = r#"<a title="a > b href=&quot;x&quot;" href="p.html?a=1&amp;b=2">x</a><img alt="" src="i.png"><base href="/"><p id="z">"#;
        assert_eq!(attrs(html, &["href", "src", "id"]), ["p.html?a=1&b=2", "i.png", "z"]);
    }

    #[test]
    fn resolves_relative_links() {
        assert_eq!(resolve("c/a/e/x.html", "../../../index.html"), "index.html");
        assert_eq!(resolve("index.html", "c/a/index.html"), "c/a/index.html");
    }

    #[test]
    fn kept_links_follow_their_pages_through_forks() {
        let mut f = Files::default().keeping_links(|p| p.ends_with(".html"));
        f.add("a.html", r#"<a id="top" href="c/b.html#x">b</a> <a href="a.html#top">top</a>"#);
        let mut fork = f.fork();
        fork.add("c/b.html", r#"<p id="x"><a href="../a.html">a</a></p>"#);
        f.join(fork);
        assert_eq!(check(&f), Ok(3));
        let kept = f.links.take_targets();
        assert_eq!(
            kept,
            vec![
                (0, vec!["a.html".to_string(), "c/b.html".to_string()]),
                (1, vec!["a.html".to_string()])
            ]
        );
        assert!(Files::default().links.take_targets().is_empty(), "kept only when asked");
    }

    #[test]
    fn links_shown_as_text_are_not_checked() {
        let mut f = Files::default();
        f.add(
            "index.html",
            "<p>&lt;a href=\"nowhere.html\"&gt; <a class=\"x\" href=\"a.html\">a</a></p>",
        );
        f.add("a.html", "");
        assert_eq!(check(&f), Ok(1));
    }

    #[test]
    fn reports_missing_pages_and_anchors() {
        let mut f = Files::default();
        f.add("index.html", "<a href=\"a.html#x\">a</a> <a href=\"b.html\">b</a>");
        f.add("a.html", "<p id=\"y\"></p>");
        let err = check(&f).unwrap_err();
        assert!(err.contains("ancre absente : a.html#x"), "{err}");
        assert!(err.contains("page absente : b.html"), "{err}");
    }

    #[test]
    fn anchors_are_found_without_reading_pages_back_also_across_forks() {
        let mut f = Files::default();
        f.add("index.html", "<a href=\"b.html#y\">b</a> <a href=\"s.svg#icon\">i</a>");
        let mut fork = f.fork();
        fork.add("a.html", "<p id=\"x\"></p>");
        fork.add("b.html", "<p id=\"y\"><a href=\"a.html#x\">a</a></p>");
        f.join(fork);
        // A file that is not HTML is read back for its ids.
        f.add("s.svg", "<svg><symbol id=\"icon\"/></svg>");
        assert_eq!(check(&f), Ok(3));
        f.add("c.html", "<a href=\"b.html#x\">?</a> <a href=\"s.svg#other\">?</a>");
        let err = check(&f).unwrap_err();
        assert!(err.contains("ancre absente : b.html#x"), "{err}");
        assert!(err.contains("ancre absente : s.svg#other"), "{err}");
    }
}
