//! The output formats of comparison reports (`diff`, `crosswalk`): text with optional ANSI
//! colours, markdown, JSON; and the escaping markdown needs.

/// An output format of `referentiel diff` and `referentiel crosswalk`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[value(help = crate::words::help::FORMAT_TEXT)]
    Text,
    #[value(help = crate::words::help::FORMAT_MARKDOWN)]
    Markdown,
    #[value(help = crate::words::help::FORMAT_JSON)]
    Json,
}

/// ANSI styles, or nothing.
#[derive(Clone, Copy)]
pub struct Style {
    pub colour: bool,
}

impl Style {
    pub fn paint(self, code: &str, s: &str) -> String {
        if self.colour { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
    pub(crate) fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }
    pub(crate) fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }
    pub fn red(self, s: &str) -> String {
        self.paint("31", s)
    }
    pub(crate) fn green(self, s: &str) -> String {
        self.paint("32", s)
    }
    pub(crate) fn yellow(self, s: &str) -> String {
        self.paint("33", s)
    }
    pub(crate) fn cyan(self, s: &str) -> String {
        self.paint("36", s)
    }
}

/// Markdown-escape a text (so that `*`, `_`, `|` … print as themselves).
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
