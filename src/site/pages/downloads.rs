//! The "Téléchargements" pages: every format with its files about the whole corpus, then the
//! certifications with their files' count (paginated, so that no page grows with the corpus), and
//! the list of a certification's own files for its page. Each format's French name and
//! description come from the output that wrote the file ([`crate::build::Download`]).

use std::collections::HashMap;

use serde::Serialize;

use crate::ids::CertId;
use crate::present::short_cert;
use crate::site::context::SiteCtx;
use crate::urls;

use super::Page;
use super::paging::{self, Letter, Pager};

/// A size for readers: `812 o`, `14,2 Ko`, `3,1 Mo`.
pub(crate) fn size_label(bytes: usize) -> String {
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} o")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} Ko", b / 1024.0).replace('.', ",")
    } else {
        format!("{:.1} Mo", b / 1048576.0).replace('.', ",")
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A file of the exports as a page lists it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct FileEntry {
    href: String,
    name: String,
    /// The output's French name.
    format: String,
    size: String,
    /// The certifications it is about, by their short names.
    certs: Vec<String>,
}

fn entry(ctx: &SiteCtx, from: &str, d: &crate::build::Download) -> FileEntry {
    FileEntry {
        href: urls::rel(from, &d.path),
        name: file_name(&d.path).to_string(),
        format: d.label.clone(),
        size: size_label(d.bytes),
        certs: d.certs.iter().filter_map(|c| ctx.corpus.cert(c)).map(short_cert).collect(),
    }
}

/// A certification's own files, for its page.
pub(crate) fn of_cert(ctx: &SiteCtx, from: &str, cert: &CertId) -> Vec<FileEntry> {
    ctx.downloads().iter().filter(|d| d.certs.contains(cert)).map(|d| entry(ctx, from, d)).collect()
}

/// Certifications the first page of the downloads lists (with their files' count and size),
/// after the formats; each further page lists [`PER_PAGE`].
pub const FIRST: usize = 10;
pub const PER_PAGE: usize = 30;

/// The page of the `i`-th certification.
fn page_of(i: usize) -> usize {
    if i < FIRST { 0 } else { 1 + (i - FIRST) / PER_PAGE }
}

/// A format: its files about the whole corpus, and how many are about certifications.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Format<'a> {
    #[serde(skip)]
    output: &'a str,
    #[serde(skip)]
    bytes: usize,
    name: &'a str,
    description: &'a str,
    files: Vec<FileEntry>,
    count: usize,
    total: String,
    /// Its files about one certification or a pair (listed on their pages).
    of_certs: usize,
}

/// A certification and its own files (on its page).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct CertFiles {
    id: String,
    title: String,
    href: String,
    count: usize,
    size: String,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct Downloads<'a> {
    /// The formats (on the first page only).
    formats: Vec<Format<'a>>,
    letters: Vec<Letter>,
    pager: Option<Pager>,
    certs: Vec<CertFiles>,
    /// Certifications with files of their own.
    total: usize,
}

/// The downloads' pages: the formats and the files about the whole corpus first, then the
/// certifications with their files' count and size, [`FIRST`] then [`PER_PAGE`] a page (each certification's
/// page lists its files).
pub fn render(ctx: &SiteCtx) -> Result<Vec<Page>, crate::site::Error> {
    let path = urls::downloads();
    let mut formats: Vec<Format> = Vec::new();
    let mut by_cert: HashMap<&CertId, (usize, usize)> = HashMap::new();
    for d in ctx.downloads() {
        let i = match formats.iter().position(|f| f.output == d.format) {
            Some(i) => i,
            None => {
                formats.push(Format {
                    output: &d.format,
                    bytes: 0,
                    name: &d.label,
                    description: &d.description,
                    files: Vec::new(),
                    count: 0,
                    total: String::new(),
                    of_certs: 0,
                });
                formats.len() - 1
            }
        };
        let f = &mut formats[i];
        f.count += 1;
        f.bytes += d.bytes;
        if d.certs.is_empty() {
            f.files.push(entry(ctx, &path, d));
        } else {
            f.of_certs += 1;
        }
        for c in &d.certs {
            let slot = by_cert.entry(c).or_default();
            slot.0 += 1;
            slot.1 += d.bytes;
        }
    }
    for f in &mut formats {
        f.total = size_label(f.bytes);
    }
    let mut certs: Vec<(String, &crate::model::Certification, usize, usize)> = ctx
        .corpus
        .certs
        .iter()
        .filter_map(|c| by_cert.get(&c.id).map(|&(n, b)| (short_cert(c), c, n, b)))
        .map(|(t, c, n, b)| (paging::sort_key(&t), c, n, b))
        .collect();
    certs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    let count = page_of(certs.len().saturating_sub(1)) + 1;
    let mut pages = Vec::new();
    let mut formats = Some(formats);
    // Every page is in one folder: the index of letters is the same on each.
    let letters = paging::index(&path, certs.iter().map(|c| paging::letter_of(&c.0)), |i| {
        format!("{}#{}", urls::downloads_page(page_of(i)), certs[i].1.id)
    });
    for p in 0..count {
        let path = urls::downloads_page(p);
        let (start, len) = match p {
            0 => (0, FIRST),
            p => (FIRST + (p - 1) * PER_PAGE, PER_PAGE),
        };
        let chunk = certs.iter().skip(start).take(len);
        let cx = Downloads {
            formats: formats.take().unwrap_or_default(),
            letters: letters.clone(),
            pager: (count > 1).then(|| Pager::new(&path, p, count, urls::downloads_page)),
            certs: chunk
                .map(|(_, c, n, b)| CertFiles {
                    id: c.id.to_string(),
                    title: short_cert(c),
                    href: format!("{}#telechargements", urls::rel(&path, &urls::cert(&c.id))),
                    count: *n,
                    size: size_label(*b),
                })
                .collect(),
            total: certs.len(),
        };
        let title = match p {
            0 => crate::words::downloads::TITLE.to_string(),
            _ => crate::words::downloads::page_title(p + 1, count),
        };
        let mut c = ctx.page(&path, &title);
        c.insert("dl", &cx);
        pages.push((path, ctx.render("downloads.html", &c)?));
    }
    Ok(pages)
}
