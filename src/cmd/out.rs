//! Where a command's words go: results on standard output (a closed pipe ends the command
//! quietly), messages on standard error, coloured or not, as quiet or verbose as asked.

use referentiel::words::{help, terminal};
use std::io::{IsTerminal, Write};

use super::Failure;

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set and not empty; `CLICOLOR_FORCE` (set, not
    /// empty, not `0`) forces it.
    #[value(help = help::COLOR_AUTO)]
    Auto,
    #[value(help = help::COLOR_ALWAYS)]
    Always,
    #[value(help = help::COLOR_NEVER)]
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal, given the environment.
    pub fn resolve(
        self,
        is_terminal: bool,
        no_color: Option<&str>,
        clicolor_force: Option<&str>,
    ) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if no_color.is_some_and(|v| !v.is_empty()) {
                    false
                } else if clicolor_force.is_some_and(|v| !v.is_empty() && v != "0") {
                    true
                } else {
                    is_terminal
                }
            }
        }
    }
}

#[derive(Clone)]
pub struct Out {
    /// Colour standard output (results).
    pub colour: bool,
    /// Colour standard error (messages).
    colour_err: bool,
    quiet: bool,
    verbose: bool,
    /// Standard error is a terminal: progress lines may be shown.
    pub interactive: bool,
}

impl Out {
    pub fn new(choice: ColorChoice, quiet: bool, verbose: bool) -> Out {
        let no_color = std::env::var("NO_COLOR").ok();
        let force = std::env::var("CLICOLOR_FORCE").ok();
        let err_tty = std::io::stderr().is_terminal();
        Out {
            colour: choice.resolve(
                std::io::stdout().is_terminal(),
                no_color.as_deref(),
                force.as_deref(),
            ),
            colour_err: choice.resolve(err_tty, no_color.as_deref(), force.as_deref()),
            quiet,
            verbose,
            interactive: err_tty && !quiet,
        }
    }

    /// A result, on standard output. A closed pipe is [`Failure::ClosedPipe`] (exit 0).
    pub fn print(&self, s: &str) -> Result<(), Failure> {
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(s.as_bytes()).and_then(|_| stdout.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::ClosedPipe),
            Err(e) => Err(Failure::Failed(terminal::cannot_write_output(&e.to_string()))),
        }
    }

    /// A result meant for a person (text, markdown), on standard output: every control and bidi
    /// character of the data shown escaped (`\u{1b}`), as diagnostics do, but line breaks, tabs
    /// and, when colouring, the colour codes the command itself wrote. `--json` goes through
    /// [`Out::print`], exact.
    pub fn print_text(&self, s: &str) -> Result<(), Failure> {
        self.print(&terminal_text(s, self.colour))
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.colour_err { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }

    fn say(&self, s: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{s}");
    }

    pub fn error(&self, message: &str) {
        self.say(&format!("{} : {message}", self.paint("1;31", terminal::ERROR)));
    }

    pub fn hint(&self, message: &str) {
        self.say(&format!("{} : {message}", self.paint("1;36", terminal::HINT)));
    }

    pub fn note(&self, message: &str) {
        if !self.quiet {
            self.say(&format!("{} : {message}", self.paint("1", terminal::NOTE)));
        }
    }

    /// A rendered diagnostic (already laid out).
    pub fn diagnostic(&self, rendered: &str) {
        let s = match rendered.strip_prefix("error") {
            Some(rest) if self.colour_err => format!("{}{rest}", self.paint("1;31", "error")),
            _ => rendered.to_string(),
        };
        let _ = writeln!(std::io::stderr().lock(), "{s}");
    }

    /// Something worth knowing that does not stop the command, unless `--quiet`.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            self.say(&format!("{} : {message}", self.paint("1;33", terminal::WARNING)));
        }
    }

    /// What happened, unless `--quiet`.
    pub fn info(&self, message: &str) {
        if !self.quiet {
            self.say(message);
        }
    }

    /// Details and timings, only with `--verbose`.
    pub fn verbose(&self, message: &str) {
        if self.verbose {
            self.say(&self.paint("2", message));
        }
    }

    /// Is it `--verbose`?
    pub fn is_verbose(&self) -> bool {
        self.verbose
    }

    /// A progress line that the next one overwrites (only on a terminal).
    pub fn progress(&self, message: &str) {
        if self.interactive {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K{message}");
        }
    }

    /// Clear the progress line.
    pub fn done(&self) {
        if self.interactive {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ColorChoice::*;

    #[test]
    fn colour_follows_no_color_only_when_it_is_not_empty() {
        assert!(Auto.resolve(true, None, None));
        assert!(!Auto.resolve(true, Some("1"), None));
        assert!(Auto.resolve(true, Some(""), None));
        assert!(!Auto.resolve(false, None, None));
        assert!(Auto.resolve(false, None, Some("1")));
        assert!(!Auto.resolve(false, None, Some("0")));
        assert!(Always.resolve(false, Some("1"), None));
        assert!(!Never.resolve(true, None, Some("1")));
    }
}

/// `s` safe on a terminal: [`referentiel::diag::terminal_safe`] for every character but line
/// breaks and tabs, and (`colour`) the SGR colour codes (`ESC [ 1;31 m`) that our renderers write.
fn terminal_text(s: &str, colour: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if colour && c == '\x1b' {
            let sgr = rest[1..]
                .strip_prefix('[')
                .map(|r| r.bytes().take_while(|b| b.is_ascii_digit() || *b == b';').count());
            if let Some(n) = sgr.filter(|n| rest.as_bytes().get(2 + n) == Some(&b'm')) {
                out.push_str(&rest[..3 + n]);
                rest = &rest[3 + n..];
                continue;
            }
        }
        if c == '\n' || c == '\t' {
            out.push(c);
        } else {
            out.push_str(&referentiel::diag::terminal_safe(c.encode_utf8(&mut [0; 4])));
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod terminal_tests {
    #[test]
    fn data_controls_are_shown_escaped_and_our_colours_kept() {
        let s = "\x1b[1;31mCP3\x1b[0m a\x1b]0;titre\x07b\u{202E}c\u{0}\r\n\td";
        assert_eq!(
            super::terminal_text(s, true),
            "\x1b[1;31mCP3\x1b[0m a\\u{1b}]0;titre\\u{7}b\\u{202e}c\\u{0}\\u{d}\n\td"
        );
        assert_eq!(
            super::terminal_text(s, false),
            "\\u{1b}[1;31mCP3\\u{1b}[0m a\\u{1b}]0;titre\\u{7}b\\u{202e}c\\u{0}\\u{d}\n\td"
        );
    }
}
