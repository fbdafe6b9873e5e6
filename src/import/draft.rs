//! The draft a recogniser produces: elements with their exact text and lines, parents from the
//! layout, an `uncertain` reason where the layout did not decide, and the certification's title.

use std::collections::HashSet;

use super::doc::Doc;

/// One drafted element.
#[derive(Clone, Debug)]
pub struct El {
    pub id: String,
    pub kind: &'static str,
    pub parent: Option<String>,
    pub text: String,
    pub first: usize,
    pub last: usize,
    pub block: Option<u32>,
    /// The code printed before the text (`1.`), claimed by the element.
    pub code: Option<String>,
    pub subtype: Option<&'static str>,
    pub uncertain: Option<String>,
}

/// What a recogniser found in a document.
#[derive(Default)]
pub struct Draft {
    pub elements: Vec<El>,
    /// The certification's title and the lines it is printed on.
    pub title: Option<(String, usize, usize)>,
    /// Lines of a table's layout (a table's head), declared `layout`.
    pub layout: Vec<usize>,
    ids: HashSet<String>,
}

impl Draft {
    /// Add an element for lines `first..=last` of `doc` (its text is read there); the id is made
    /// unique by a suffix when taken. Returns the id given.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        doc: &Doc,
        id: &str,
        kind: &'static str,
        parent: Option<&str>,
        first: usize,
        last: usize,
    ) -> String {
        let (first, last) = tighten(doc, first, last);
        let id = self.unique(id);
        self.elements.push(El {
            id: id.clone(),
            kind,
            parent: parent.map(str::to_string),
            text: doc.text(first, last),
            first,
            last,
            block: None,
            code: None,
            subtype: None,
            uncertain: None,
        });
        id
    }

    /// Mark the last element added uncertain, with the reason.
    pub fn uncertain(&mut self, reason: &str) {
        if let Some(e) = self.elements.last_mut() {
            e.uncertain = Some(reason.to_string());
        }
    }

    /// Set the block number of the last element added.
    pub fn block(&mut self, block: u32) {
        if let Some(e) = self.elements.last_mut() {
            e.block = Some(block);
        }
    }

    /// Set the savoir-faire subtype of the last element added (where its heading names it).
    pub fn subtype(&mut self, subtype: &'static str) {
        if let Some(e) = self.elements.last_mut() {
            e.subtype = Some(subtype);
        }
    }

    /// `id` itself, or `id-2`, `id-3` … when taken; an id ending in `#` is numbered from 1.
    fn unique(&mut self, id: &str) -> String {
        if let Some(stem) = id.strip_suffix('#') {
            let mut k = 1;
            while self.ids.contains(&format!("{stem}{k}")) {
                k += 1;
            }
            let candidate = format!("{stem}{k}");
            self.ids.insert(candidate.clone());
            return candidate;
        }
        let mut candidate = id.to_string();
        let mut k = 2;
        while self.ids.contains(&candidate) {
            candidate = format!("{id}-{k}");
            k += 1;
        }
        self.ids.insert(candidate.clone());
        candidate
    }
}

/// The range without leading and trailing blank or furniture lines (the checker wants it tight).
fn tighten(doc: &Doc, mut first: usize, mut last: usize) -> (usize, usize) {
    while first < last && doc.skip(first) {
        first += 1;
    }
    while last > first && doc.skip(last) {
        last -= 1;
    }
    (first, last)
}

/// Runs of lines in `first..=last` that are not blank or furniture: the blocks of a section.
pub fn blocks(doc: &Doc, first: usize, last: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for n in first..=last {
        if doc.line(n).clean.is_empty() {
            if let Some(s) = start.take() {
                out.push((s, n - 1));
            }
        } else if doc.line(n).noise {
            // A footer inside a paragraph does not end it (the text skips it).
        } else if start.is_none() {
            start = Some(n);
        }
    }
    if let Some(s) = start {
        out.push((s, last));
    }
    out
}

/// A list of items over `first..=last`, one a line, a line joined to the item above when the
/// layout says it continues it (it opens in lower case or with punctuation, or the line above
/// ends with a hyphen, a comma or an opening word). Each item: (first, last, block number,
/// uncertain reason). A long line followed by one in upper case is kept apart but marked.
pub fn items(doc: &Doc, first: usize, last: usize) -> Vec<(usize, usize, u32, Option<String>)> {
    let mut out: Vec<(usize, usize, u32, Option<String>)> = Vec::new();
    let mut block = 0;
    let mut prev_blank = true;
    for n in first..=last {
        let l = doc.line(n);
        if l.noise {
            continue;
        }
        if l.clean.is_empty() {
            prev_blank = true;
            continue;
        }
        let continues = !prev_blank
            && out
                .last()
                .is_some_and(|&(_, e, _, _)| continues_above(&doc.line(e).clean, &l.clean));
        if continues {
            out.last_mut().expect("checked").1 = n;
        } else {
            if prev_blank {
                block += 1;
            }
            let mut reason = None;
            if !prev_blank
                && let Some(&(_, e, _, _)) = out.last()
                && doc.line(e).clean.chars().count() >= 95
            {
                reason = Some(crate::words::import::UNCERTAIN_WRAP.to_string());
            }
            out.push((n, n, block, reason));
        }
        prev_blank = false;
    }
    out
}

/// Does `next` continue the item printed on `above`?
fn continues_above(above: &str, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() || matches!(first, '(' | ',' | ';' | ':' | ')' | '.' | '\u{bb}') {
        return true;
    }
    let a = above.trim_end();
    if a.ends_with('-') || a.ends_with(',') || a.ends_with('(') || a.ends_with('\'') {
        return true;
    }
    let last_word = a.rsplit(' ').next().unwrap_or("");
    matches!(
        last_word,
        "de" | "des"
            | "du"
            | "la"
            | "le"
            | "les"
            | "et"
            | "ou"
            | "en"
            | "au"
            | "aux"
            | "a"
            | "pour"
            | "avec"
            | "sur"
            | "par"
            | "d'"
            | "l'"
    )
}
