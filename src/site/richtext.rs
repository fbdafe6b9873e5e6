//! Text to HTML: escaping, glossary terms linked inside element texts, and editors' notes
//! rendered from Markdown (pulldown-cmark, with raw HTML shown as text).

use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser, html};

use crate::ids::{CertId, ElementKey};
use crate::lang;
use crate::model::Corpus;
use crate::schema::Kind;

/// Is `c` a bidirectional formatting character (an embedding, override or isolate, or a mark)?
/// In a text they reorder what follows (`a\u{202E}gnp.exe` shows as “aexe.png”).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Does `s` need isolating from the text around it: a bidi control, or a right-to-left letter?
pub(crate) fn needs_isolation(s: &str) -> bool {
    s.chars().any(|c| is_bidi_control(c) || matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// Escape text for HTML content and attribute values. Bidi controls are shown as what they are
/// (`⟨U+202E⟩`) instead of silently reordering the text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_bidi_control(c) => out.push_str(&format!("⟨U+{:04X}⟩", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// [`escape`] as the templates' autoescape function.
pub(crate) fn escape_into(s: &str, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    w.write_all(escape(s).as_bytes())
}

/// Text (already HTML) wrapped in `<bdi>` when its source text needs isolating.
fn isolated(source: &str, html: String) -> String {
    if needs_isolation(source) { format!("<bdi>{html}</bdi>") } else { html }
}

/// Render an editor's note (Markdown) to HTML; raw HTML in it is shown as text.
pub fn markdown(src: &str) -> String {
    let parser = Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).map(
        |e| match e {
            Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
            Event::Text(t) if t.chars().any(is_bidi_control) => Event::Html(escape(&t).into()),
            e => e,
        },
    );
    let mut out = String::new();
    html::push_html(&mut out, parser);
    isolated(src, out)
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
    pub fn link(
        &self,
        text: &str,
        cert: &CertId,
        skip: Option<&ElementKey>,
        href: impl Fn(&ElementKey) -> String,
    ) -> String {
        let Some(terms) = self.by_cert.get(cert) else { return isolated(text, escape(text)) };
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
            out.push_str(&format!(
                "<a class=\"term\" href=\"{}\">{}</a>",
                escape(&href(key)),
                escape(&text[start..end])
            ));
            at = end;
        }
        out.push_str(&escape(&text[at..]));
        isolated(text, out)
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
    fn bidi_controls_are_shown_and_the_text_isolated() {
        assert_eq!(escape("a\u{202E}gnp.exe"), "a⟨U+202E⟩gnp.exe");
        assert_eq!(markdown("a\u{202E}gnp.exe"), "<bdi><p>a⟨U+202E⟩gnp.exe</p>\n</bdi>");
        assert!(!needs_isolation("Négociateur technico-commercial"));
    }

    #[test]
    fn markdown_shows_raw_html_as_text() {
        assert_eq!(markdown("*lost* <b>x</b>"), "<p><em>lost</em> &lt;b&gt;x&lt;/b&gt;</p>\n");
    }
}
