//! The glossary: every term of every certification with its definition, in alphabetical order,
//! one page per first letter (cut into pages of [`PER_PAGE`] terms), so that no page grows with
//! the corpus. The first page holds the letters with their counts and the first terms.

use std::collections::HashMap;

use serde::Serialize;

use crate::ids::ElementKey;
use crate::model::Corpus;
use crate::present::short_cert;
use crate::schema::Kind;
use crate::site::context::SiteCtx;
use crate::urls;
use crate::words::glossary as words;

use super::Page;
use super::paging::{self, Letter, Pager};

/// Terms a page of a letter holds.
pub const PER_PAGE: usize = 50;
/// Terms the glossary's first page shows before the letters' pages.
pub const FIRST: usize = 12;

/// Where each term's definition is: the terms sorted (folded text, then certification), grouped
/// by first letter, each letter cut into pages. Made once per build: element pages and every
/// text that links a term need it.
pub struct Places {
    /// Each letter with its terms, in order.
    letters: Vec<(char, Vec<ElementKey>)>,
    /// Each term's page.
    page_of: HashMap<ElementKey, String>,
}

impl Places {
    pub fn build(corpus: &Corpus) -> Places {
        let mut terms: Vec<(String, &ElementKey)> = corpus
            .elements
            .iter()
            .filter(|e| e.kind == Kind::Terme)
            .map(|e| (paging::sort_key(e.text()), &e.key))
            .collect();
        terms.sort();
        let mut letters: Vec<(char, Vec<ElementKey>)> = Vec::new();
        for (text, key) in terms {
            let letter = paging::letter_of(&text);
            match letters.last_mut() {
                Some((l, keys)) if *l == letter => keys.push(key.clone()),
                _ => letters.push((letter, vec![key.clone()])),
            }
        }
        // `#` sorts first (digits and signs before letters): it goes last, as in a dictionary.
        if let Some(i) = letters.iter().position(|(l, _)| *l == '#') {
            let other = letters.remove(i);
            letters.push(other);
        }
        let mut page_of = HashMap::new();
        for (letter, keys) in &letters {
            for (i, k) in keys.iter().enumerate() {
                page_of.insert(
                    k.clone(),
                    urls::glossary_letter(&urls::letter_slug(*letter), i / PER_PAGE),
                );
            }
        }
        Places { letters, page_of }
    }

    /// The address of a term's definition (`None` for an element that is not a term).
    pub fn term(&self, key: &ElementKey) -> Option<String> {
        self.page_of.get(key).map(|page| urls::glossary_term(page, key))
    }

    /// The index of letters, seen from `from`, `current` marked.
    fn index(&self, from: &str, current: Option<char>) -> Vec<Letter> {
        self.letters
            .iter()
            .map(|(l, keys)| Letter {
                letter: *l,
                count: keys.len(),
                href: urls::rel(from, &urls::glossary_letter(&urls::letter_slug(*l), 0)),
                current: current == Some(*l),
            })
            .collect()
    }
}

/// A term and its definitions, as a page shows it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct Term {
    /// Its anchor on its letter's page (`None` on the first page, which repeats it).
    anchor: Option<String>,
    term: String,
    /// Its own page, and where its definition is (on the first page).
    href: String,
    definition: String,
    cert: String,
    cert_href: String,
    definitions: Vec<String>,
}

fn term(ctx: &SiteCtx, from: &str, key: &ElementKey, anchored: bool) -> Option<Term> {
    let t = ctx.corpus.element(key)?;
    let cert = ctx.corpus.cert(&key.cert)?;
    Some(Term {
        anchor: anchored.then(|| format!("{}-{}", key.cert, key.local)),
        term: t.text().to_string(),
        href: urls::rel(from, &urls::element(key)),
        definition: urls::rel(from, &ctx.glossary_places.term(key)?),
        cert: short_cert(cert),
        cert_href: urls::rel(from, &urls::cert(&cert.id)),
        definitions: t
            .children
            .iter()
            .filter_map(|k| ctx.corpus.element(k))
            .map(|d| ctx.rich(from, d.text(), &key.cert, Some(key)))
            .collect(),
    })
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub(crate) struct Glossary {
    letters: Vec<Letter>,
    total: usize,
    /// The letter of this page (`None` on the first page).
    letter: Option<char>,
    pager: Option<Pager>,
    terms: Vec<Term>,
    /// On the first page, where the terms shown continue.
    more: Option<String>,
}

/// The first page and every letter's pages.
pub fn render(ctx: &SiteCtx) -> Result<Vec<Page>, crate::site::Error> {
    let places = &ctx.glossary_places;
    let total = places.letters.iter().map(|(_, k)| k.len()).sum();
    let mut pages = Vec::new();
    let path = urls::glossary();
    let first: Vec<Term> = places
        .letters
        .iter()
        .flat_map(|(_, keys)| keys)
        .take(FIRST)
        .filter_map(|k| term(ctx, &path, k, false))
        .collect();
    // Where the terms shown continue: the next term's definition.
    let more = places
        .letters
        .iter()
        .flat_map(|(_, keys)| keys)
        .nth(FIRST)
        .and_then(|k| places.term(k))
        .map(|h| urls::rel(&path, &h));
    let cx = Glossary {
        letters: places.index(&path, None),
        total,
        letter: None,
        pager: None,
        terms: first,
        more,
    };
    pages.push(page(ctx, &path, words::TITLE, &cx)?);
    for (letter, keys) in &places.letters {
        let slug = urls::letter_slug(*letter);
        let count = paging::page_count(keys.len(), PER_PAGE);
        for (i, chunk) in keys.chunks(PER_PAGE).enumerate() {
            let path = urls::glossary_letter(&slug, i);
            let cx = Glossary {
                letters: places.index(&path, Some(*letter)),
                total,
                letter: Some(*letter),
                pager: (count > 1)
                    .then(|| Pager::new(&path, i, count, |p| urls::glossary_letter(&slug, p))),
                terms: chunk.iter().filter_map(|k| term(ctx, &path, k, true)).collect(),
                more: None,
            };
            pages.push(page(ctx, &path, &words::letter_title(*letter, i + 1, count), &cx)?);
        }
    }
    Ok(pages)
}

fn page(ctx: &SiteCtx, path: &str, title: &str, cx: &Glossary) -> Result<Page, crate::site::Error> {
    let mut c = ctx.page(path, title);
    c.insert("gl", cx);
    Ok((path.to_string(), ctx.render("glossary.html", &c)?))
}
