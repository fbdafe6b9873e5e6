//! Lists that grow with the corpus, cut into pages of a fixed size, so that no page grows with
//! it: the page navigation (first, previous, a few around the current one, next, last) and the
//! index of first letters are bounded too, whatever the number of pages.

use serde::Serialize;

use crate::urls;

/// How many pages on each side of the current one the navigation names.
const AROUND: usize = 2;

/// A link to one page of a list.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PageLink {
    /// Its number, from 1.
    pub n: usize,
    pub href: String,
    pub current: bool,
}

/// The navigation of a paginated list, as the templates show it (`components.html`, `pager`).
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Pager {
    /// The current page's number, from 1, and the number of pages.
    pub n: usize,
    pub of: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The pages it names, in order; `None` stands for pages left out (« … »).
    pub pages: Vec<Option<PageLink>>,
}

impl Pager {
    /// The navigation of page `current` (from 0) of `count` pages, seen from `from`; `url`
    /// gives each page's address.
    pub fn new(from: &str, current: usize, count: usize, url: impl Fn(usize) -> String) -> Pager {
        let link =
            |i: usize| PageLink { n: i + 1, href: urls::rel(from, &url(i)), current: i == current };
        let mut pages = Vec::new();
        let mut last_named: Option<usize> = None;
        for i in 0..count {
            let named = i == 0 || i + 1 == count || i.abs_diff(current) <= AROUND;
            if !named {
                continue;
            }
            if last_named.is_some_and(|l| i > l + 1) {
                pages.push(None);
            }
            pages.push(Some(link(i)));
            last_named = Some(i);
        }
        Pager {
            n: current + 1,
            of: count,
            prev: (current > 0).then(|| urls::rel(from, &url(current - 1))),
            next: (current + 1 < count).then(|| urls::rel(from, &url(current + 1))),
            pages,
        }
    }
}

/// The number of pages of `len` items, `per_page` a page (one page when there is nothing).
pub fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page).max(1)
}

/// The index letter of a text: its first letter or digit, without accent, in capitals; `#` for
/// a text that starts otherwise (a digit, a sign).
pub fn letter_of(text: &str) -> char {
    match crate::text::fold(text).chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase(),
        _ => '#',
    }
}

/// One letter of an index: how many items start with it, and where the first one is.
#[derive(Clone, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Letter {
    pub letter: char,
    pub count: usize,
    pub href: String,
    pub current: bool,
}

/// The letter index of a sorted list, seen from `from`: each letter (of `letters`, the items'
/// in order) links to its first item, whose address `target` gives from its position.
pub fn index(
    from: &str,
    letters: impl Iterator<Item = char>,
    target: impl Fn(usize) -> String,
) -> Vec<Letter> {
    let mut firsts: Vec<(char, usize, usize)> = Vec::new();
    for (i, letter) in letters.enumerate() {
        match firsts.iter_mut().find(|(c, _, _)| *c == letter) {
            Some(f) => f.2 += 1,
            None => firsts.push((letter, i, 1)),
        }
    }
    firsts
        .into_iter()
        .map(|(letter, i, count)| Letter {
            letter,
            count,
            href: urls::rel(from, &target(i)),
            current: false,
        })
        .collect()
}

/// The sort key of a text in an index: folded, so that « Éco » sorts with « eco ».
pub fn sort_key(text: &str) -> String {
    crate::text::fold(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(p: &Pager) -> Vec<Option<usize>> {
        p.pages.iter().map(|l| l.as_ref().map(|l| l.n)).collect()
    }

    #[test]
    fn the_navigation_names_a_bounded_number_of_pages() {
        let url = |i: usize| format!("l/{}.html", i + 1);
        let p = Pager::new("l/1.html", 0, 1, url);
        assert_eq!(numbers(&p), [Some(1)]);
        assert!(p.prev.is_none() && p.next.is_none());
        let p = Pager::new("l/50.html", 49, 1000, url);
        assert_eq!(
            numbers(&p),
            [Some(1), None, Some(48), Some(49), Some(50), Some(51), Some(52), None, Some(1000)]
        );
        assert_eq!(p.prev.as_deref(), Some("../l/49.html"));
        assert_eq!(p.next.as_deref(), Some("../l/51.html"));
        assert!(p.pages.iter().flatten().filter(|l| l.current).all(|l| l.n == 50));
        for (current, count) in [(0, 5), (3, 7), (999, 1000), (500, 100_000)] {
            let p = Pager::new("x.html", current, count, url);
            assert!(p.pages.len() <= 2 * AROUND + 5, "{current}/{count}: {:?}", numbers(&p));
        }
        // Consecutive pages are never separated by a gap.
        assert_eq!(
            numbers(&Pager::new("x.html", 3, 7, url)),
            (1..=7).map(Some).collect::<Vec<_>>()
        );
    }

    #[test]
    fn letters_fold_accents_and_set_aside_what_is_not_a_letter() {
        assert_eq!(letter_of("Écoute active"), 'E');
        assert_eq!(letter_of("« œuvre »"), 'O');
        assert_eq!(letter_of("360 degrés"), '#');
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(21, 10), 3);
    }
}
