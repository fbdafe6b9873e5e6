//! Text to HTML: escaping, glossary terms linked inside element texts, and editors' notes
//! rendered from Markdown (pulldown-cmark, with raw HTML shown as text).

use std::collections::HashMap;

use pulldown_cmark::{html, Event, Options, Parser};

use crate::ids::{CertId, ElementKey};
use crate::lang;
use crate::model::Corpus;
use crate::schema::Kind;

/// Escape text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Render an editor's note (Markdown) to HTML; raw HTML in it is shown as text.
pub fn markdown(src: &str) -> String {
    let parser = Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        e => e,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    out
}

/// A glossary term as a sequence of folded words.
struct Term {
    words: Vec<String>,
    key: ElementKey,
}

/// The glossary terms of each certification, to link them inside texts.
pub struct Glossary {
    by_cert: HashMap<CertId, Vec<Term>>,
}

impl Glossary {
    pub fn build(corpus: &Corpus) -> Glossary {
        let mut by_cert: HashMap<CertId, Vec<Term>> = HashMap::new();
        for e in corpus.elements.iter().filter(|e| e.kind == Kind::Terme) {
            let words: Vec<String> = lang::tokens(e.text()).into_iter().map(|t| t.word).collect();
            if words.is_empty() || (words.len() == 1 && words[0].chars().count() < 3) {
                continue;
            }
            by_cert.entry(e.key.cert.clone()).or_default().push(Term { words, key: e.key.clone() });
        }
        for terms in by_cert.values_mut() {
            // Longest terms first, so that "Marketing opérationnel" wins over "Marketing".
            terms.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then(a.key.cmp(&b.key)));
        }
        Glossary { by_cert }
    }

    /// `text` as HTML, with the certification's glossary terms linked (each term once).
    /// `href` turns a term's key into a link; `skip` is the term the text belongs to, if any.
    pub fn link(&self, text: &str, cert: &CertId, skip: Option<&ElementKey>, href: impl Fn(&ElementKey) -> String) -> String {
        let Some(terms) = self.by_cert.get(cert) else { return escape(text) };
        let tokens = lang::tokens(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
        let mut spans: Vec<(usize, usize, &ElementKey)> = Vec::new();
        let mut used: Vec<&ElementKey> = Vec::new();
        for term in terms {
            if Some(&term.key) == skip || used.contains(&&term.key) {
                continue;
            }
            let n = term.words.len();
            for i in 0..words.len().saturating_sub(n - 1) {
                let hit = (0..n).all(|j| {
                    let (w, t) = (words[i + j], term.words[j].as_str());
                    w == t || (j == n - 1 && w.strip_suffix('s') == Some(t))
                });
                let (start, end) = (tokens[i].start, tokens[i + n - 1].end);
                if hit && !spans.iter().any(|(s, e, _)| start < *e && *s < end) {
                    spans.push((start, end, &term.key));
                    used.push(&term.key);
                    break;
                }
            }
        }
        spans.sort();
        let mut out = String::new();
        let mut at = 0;
        for (start, end, key) in spans {
            out.push_str(&escape(&text[at..start]));
            out.push_str(&format!("<a class=\"term\" href=\"{}\">{}</a>", escape(&href(key)), escape(&text[start..end])));
            at = end;
        }
        out.push_str(&escape(&text[at..]));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }

    #[test]
    fn markdown_shows_raw_html_as_text() {
        assert_eq!(markdown("*lost* <b>x</b>"), "<p><em>lost</em> &lt;b&gt;x&lt;/b&gt;</p>\n");
    }
}
