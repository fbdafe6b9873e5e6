//! The document as lines: blank and page-furniture lines, folded forms for recognising the
//! template's headings, and the exact text of a run of lines (wrapped lines joined by one space,
//! a line-end hyphen kept and joined, list bullets dropped), as the checker will prove it.

/// One line of the document.
pub struct Line {
    /// As printed.
    pub raw: String,
    /// Trimmed, bullets and private-use glyphs dropped, whitespace runs as one space.
    pub clean: String,
    /// `clean` in lower case without accents, apostrophes as `'`: what headings are matched on.
    pub(crate) fold: String,
    /// Page furniture (footer, copyright notice), declared `noise`.
    pub noise: bool,
}

/// The lines of the document, 1-based through [`Doc::line`].
pub struct Doc {
    pub lines: Vec<Line>,
}

impl Doc {
    pub fn new(text: &str) -> Doc {
        let mut lines: Vec<Line> = text
            .lines()
            .map(|raw| {
                let clean = clean(raw);
                let fold = fold(&clean);
                Line { raw: raw.to_string(), clean, fold, noise: false }
            })
            .collect();
        mark_furniture(&mut lines);
        Doc { lines }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `n` (1-based).
    pub fn line(&self, n: usize) -> &Line {
        &self.lines[n - 1]
    }

    /// Nothing to read on line `n`: blank, or page furniture.
    pub fn skip(&self, n: usize) -> bool {
        let l = self.line(n);
        l.clean.is_empty() || l.noise
    }

    /// The text of lines `first..=last` (furniture and blank lines left out), as the data cites it.
    pub fn text(&self, first: usize, last: usize) -> String {
        let mut out = String::new();
        for n in first..=last {
            if self.skip(n) {
                continue;
            }
            let c = &self.line(n).clean;
            // A line-end hyphen joins the next word when it opens in lower case.
            let joined = out.ends_with('-') && c.starts_with(char::is_lowercase);
            if !out.is_empty() && !joined {
                out.push(' ');
            }
            out.push_str(c);
        }
        out
    }

    /// The 1-based numbers of the furniture lines.
    pub(crate) fn noise_lines(&self) -> Vec<usize> {
        (1..=self.len()).filter(|&n| self.line(n).noise).collect()
    }
}

/// Trimmed, with a list bullet opening the line and private-use glyphs dropped, whitespace runs
/// as one space.
pub fn clean(raw: &str) -> String {
    let no_pua: String = raw.chars().filter(|c| !('\u{e000}'..='\u{f8ff}').contains(c)).collect();
    let mut t = no_pua.trim();
    for bullet in ["- ", "\u{2022}", "\u{25aa}", "\u{25cf}", "\u{2013} "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            t = rest.trim_start();
            break;
        }
    }
    if t == "-" {
        t = "";
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case, accents removed, every apostrophe as `'`, dashes as `-`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{2bc}' | '\u{60}' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{153}' | '\u{152}' => {
                out.push_str("oe");
                continue;
            }
            _ => c,
        };
        for l in c.to_lowercase() {
            out.push(match l {
                '\u{e0}' | '\u{e2}' | '\u{e4}' => 'a',
                '\u{e7}' => 'c',
                '\u{e8}' | '\u{e9}' | '\u{ea}' | '\u{eb}' => 'e',
                '\u{ee}' | '\u{ef}' => 'i',
                '\u{f4}' | '\u{f6}' => 'o',
                '\u{f9}' | '\u{fb}' | '\u{fc}' => 'u',
                _ => l,
            });
        }
    }
    out
}

/// Page furniture, by the template's own furniture (never by a document's titles): the REAC
/// page footer (« SIGLE Type de document … Page » and the line of values under it, whatever its
/// sigle and dates), « Page n / m » lines, separator lines (`*****`), and the copyright notice
/// (« Reproduction interdite », the article and the quoted text of the law).
fn mark_furniture(lines: &mut [Line]) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        let f = lines[i].fold.clone();
        if f.starts_with("sigle ") && f.contains("type de document") {
            lines[i].noise = true;
            if i + 1 < n && !lines[i + 1].clean.is_empty() {
                lines[i + 1].noise = true;
                i += 1;
            }
        } else if is_page_number(&f) || is_separator(&lines[i].clean) {
            lines[i].noise = true;
        } else if f.starts_with("reproduction interdite") {
            let mut j = i;
            let mut quote = false;
            while j < n && j < i + 12 {
                let fj = &lines[j].fold;
                let starts_page = lines[j].raw.starts_with(' ') && !lines[j].clean.is_empty();
                if j > i && starts_page && !quote && !fj.starts_with("article l") {
                    break;
                }
                if j > i + 1 && !quote && !fj.is_empty() && !fj.starts_with("article l") {
                    if !fj.starts_with('"') && !fj.starts_with('\u{ab}') {
                        break;
                    }
                    quote = true;
                }
                if quote && j > i + 1 && starts_page {
                    break;
                }
                lines[j].noise = !lines[j].clean.is_empty();
                let end = fj.trim_end();
                if quote && (end.ends_with('"') || end.ends_with('\u{bb}') || end.ends_with(".\""))
                {
                    break;
                }
                j += 1;
            }
            i = j;
        }
        i += 1;
    }
}

fn is_page_number(f: &str) -> bool {
    let rest = f.strip_prefix("page ").unwrap_or(f);
    let parts: Vec<&str> =
        rest.split(['/', ' ']).filter(|p| !p.is_empty() && *p != "sur").collect();
    f.starts_with("page ")
        && !parts.is_empty()
        && parts.len() <= 2
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
}

fn is_separator(clean: &str) -> bool {
    clean.len() >= 3 && clean.chars().all(|c| matches!(c, '*' | '_' | '=' | '~'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_joins_wrapped_lines_and_hyphens() {
        let d = Doc::new("Organiser ses tourn\u{e9}es g\u{e9}o-\noptimisation de \n- la suite\n");
        assert_eq!(d.text(1, 3), "Organiser ses tourn\u{e9}es g\u{e9}o-optimisation de la suite");
    }

    #[test]
    fn footers_are_furniture() {
        let d = Doc::new(
            "x\nSIGLE Type de document Code titre Mill\u{e9}sime Page\nAEP REAC TP-09999 02 21/34\ny\nPage 3 / 12\n",
        );
        assert_eq!(d.noise_lines(), vec![2, 3, 5]);
    }
}
