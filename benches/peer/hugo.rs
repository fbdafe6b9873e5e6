//! A Hugo project holding the same content as one of our built sites, for the peer benchmark.
//!
//! Every HTML page of the site becomes one Hugo content page at the same address (`url` front
//! matter), whose body is the page's main content as we rendered it, and whose front matter holds
//! its title, description and breadcrumb. Hugo's layouts (Go templates) rebuild the page shell:
//! head, header with the quick search and the section links, breadcrumb, footer, with links made
//! relative to the page as ours are. Every other file of the site (style, scripts, search shards,
//! exports) goes to `static/`, which Hugo copies. Lists, taxonomies, feeds and sitemaps are off:
//! the site has no equivalent.
//!
//! Hugo thus gets the bodies pre-rendered: it does the templating and writing, not the work of
//! computing the content from the data (loading, checking, crosswalks, search index, exports).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What `generate` wrote.
#[derive(Debug, PartialEq, Eq)]
pub struct Project {
    pub pages: usize,
    pub static_files: usize,
}

/// One page of our site, read back from its HTML.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    pub description: String,
    /// Breadcrumb entries: text and address from the site's root (`None` for the last, unlinked one).
    pub crumbs: Vec<(String, Option<String>)>,
    /// The main content, breadcrumb excluded.
    pub body: String,
}

const MAIN_OPEN: &str = "<main id=\"main\" class=\"main\" data-pagefind-body>";
const CRUMBS_OPEN: &str = "<nav class=\"crumbs\" aria-label=\"Fil d’Ariane\">";

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Reads back one page of our site; `path` is its path from the site's root (`c/x/e/y.html`).
pub fn read_page(path: &str, html: &str) -> Result<Page, String> {
    let title =
        between(html, "<title>", "</title>").ok_or_else(|| format!("{path}: no <title>"))?;
    let title = title.rsplit_once(" · ").map_or(title, |(t, _site)| t);
    let description = between(html, "<meta name=\"description\" content=\"", "\">").unwrap_or("");
    let start = html.find(MAIN_OPEN).ok_or_else(|| format!("{path}: no <main>"))? + MAIN_OPEN.len();
    let end = html
        .rfind("</main>")
        .filter(|&e| e >= start)
        .ok_or_else(|| format!("{path}: no </main>"))?;
    let mut body = html[start..end].trim_start_matches('\n');
    let mut crumbs = Vec::new();
    if let Some(rest) = body.strip_prefix(CRUMBS_OPEN) {
        let close = rest.find("</nav>").ok_or_else(|| format!("{path}: unclosed breadcrumb"))?;
        for part in rest[..close].split(" › ") {
            match part.strip_prefix("<a href=\"").and_then(|p| p.split_once("\">")) {
                Some((href, text)) => crumbs.push((
                    unescape(text.trim_end_matches("</a>")),
                    Some(referentiel::build::links::resolve(path, href)),
                )),
                None => crumbs.push((unescape(part), None)),
            }
        }
        body = rest[close + "</nav>".len()..].trim_start_matches('\n');
    }
    Ok(Page {
        title: unescape(title),
        description: unescape(description),
        crumbs,
        body: body.to_string(),
    })
}

/// The content file of one page: JSON front matter, then the body as HTML.
pub fn content_file(path: &str, page: &Page) -> String {
    let crumbs: Vec<serde_json::Value> = page
        .crumbs
        .iter()
        .map(|(t, u)| serde_json::json!({ "t": t, "u": u.as_deref().unwrap_or("") }))
        .collect();
    let front = serde_json::json!({
        "title": page.title,
        "description": page.description,
        "url": format!("/{path}"),
        "crumbs": crumbs,
    });
    format!("{}\n{}", serde_json::to_string_pretty(&front).unwrap(), page.body)
}

const CONFIG: &str = r#"baseURL = "/"
languageCode = "fr"
title = "Référentiels de certification"
uglyURLs = true
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"#;

/// The page shell, as `templates/base.html` writes it; `$root` leads from the page (its `url`,
/// `/c/x/e/y.html`) to the site's root.
const BASEOF: &str = r##"{{- $depth := sub (len (split .Params.url "/")) 2 -}}
{{- $root := strings.Repeat $depth "../" -}}
<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{ .Title }} · {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{ $root }}assets/style.css">
<script src="{{ $root }}assets/search.js" defer data-root="{{ $root }}"></script>
<script src="{{ $root }}assets/keys.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Aller au contenu</a>
<header class="top">
  <a class="brand" href="{{ $root }}index.html">{{ site.Title }}</a>
  <form class="quick" action="{{ $root }}recherche.html" method="get" role="search" aria-label="Recherche rapide">
    <label for="q-top" class="sr">Rechercher</label>
    <input id="q-top" name="q" type="search" placeholder="Rechercher une compétence, un code…" autocomplete="off">
    <button type="submit">Chercher</button>
  </form>
  <nav class="links" aria-label="Rubriques">
    <a href="{{ $root }}index.html">Certifications</a>
    <a href="{{ $root }}glossaire.html">Glossaire</a>
    <a href="{{ $root }}sources/index.html">Sources</a>
    <a href="{{ $root }}codes/index.html">Codes</a>
    <a href="{{ $root }}telechargements/index.html">Téléchargements</a>
  </nav>
</header>
<main id="main" class="main" data-pagefind-body>
{{ with .Params.crumbs }}<nav class="crumbs" aria-label="Fil d’Ariane">{{ range $i, $c := . }}{{ if $i }} › {{ end }}{{ if $c.u }}<a href="{{ $root }}{{ $c.u }}">{{ $c.t }}</a>{{ else }}{{ $c.t }}{{ end }}{{ end }}</nav>
{{ end }}{{ block "main" . }}{{ end }}</main>
<footer class="foot">
  <p>Textes reproduits à l’identique des documents officiels ; chaque élément renvoie à ses lignes sources.</p>
</footer>
</body>
</html>
"##;

const SINGLE: &str = "{{ define \"main\" }}{{ .Content }}{{ end }}\n";

/// Where a page's content file goes: its own path, except that `index.html` (which Hugo would
/// read as a bundle swallowing its folder's pages) is renamed; the `url` keeps the address.
fn content_path(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("{dir}page-index.html"),
        _ => path.to_string(),
    }
}

fn write(path: &Path, text: &[u8]) -> io::Result<()> {
    fs::create_dir_all(path.parent().unwrap())?;
    fs::write(path, text)
}

/// Writes into `project` (removed first) the Hugo project of the site built in `site`.
pub fn generate(site: &Path, project: &Path) -> io::Result<Project> {
    let _ = fs::remove_dir_all(project);
    write(&project.join("config.toml"), CONFIG.as_bytes())?;
    write(&project.join("layouts/_default/baseof.html"), BASEOF.as_bytes())?;
    write(&project.join("layouts/_default/single.html"), SINGLE.as_bytes())?;
    let mut done = Project { pages: 0, static_files: 0 };
    let mut stack: Vec<PathBuf> = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir)? {
            let e = e?;
            let p = e.path();
            if e.file_type()?.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(site).unwrap().to_string_lossy().replace('\\', "/");
            if rel.starts_with('.') {
                continue; // the build's own marker and lock
            }
            if rel.ends_with(".html") {
                let page = read_page(&rel, &fs::read_to_string(&p)?).map_err(io::Error::other)?;
                let target = project.join("content").join(content_path(&rel));
                if target.exists() {
                    return Err(io::Error::other(format!("two pages map to {}", target.display())));
                }
                write(&target, content_file(&rel, &page).as_bytes())?;
                done.pages += 1;
            } else {
                let target = project.join("static").join(&rel);
                fs::create_dir_all(target.parent().unwrap())?;
                fs::copy(&p, &target)?;
                done.static_files += 1;
            }
        }
    }
    Ok(done)
}
