//! Pass 6: coverage, the other direction of provenance. Every non-blank character of every source
//! document is either claimed by the data — a proven text: an element's text or piece, a variant, a
//! fact, a link, a matrix title, header or cell, a correspondence row, a certification field — or
//! declared not to be content (`noise`: page furniture; `layout`: a table's repeated header or
//! column heading).
//!
//! Claiming works per character: each proven text marks the characters it was found at (its first
//! to its last, hyphens and bullets between included). What stays unmarked is reported, one
//! diagnostic per run of unclaimed text (a run stops at a blank line, a declared line or a claimed
//! character). An element's text that is one word of a line whose rest nobody claims is reported
//! as truncated instead. Blank characters are whitespace, private-use glyphs (checkboxes and
//! bullets of the PDF fonts) and the list bullet opening a line.

use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::Path;

use serde::Serialize;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::ids::DocId;
use crate::schema::Lines;
use crate::sources::{SourceDoc, SourceSet};
use crate::text::{self, Found};

/// What a proven text is, for what the coverage pass may say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// An element's own text.
    Text,
    /// A piece of an element's text.
    Piece,
    /// A variant, fact, link, matrix or correspondence text.
    Other,
    /// A field of a certification record (codes may sit in page footers).
    Record,
}

/// A proven text: every place in its cited lines where it is printed, tightly.
#[derive(Clone, Debug)]
pub struct Claim {
    pub doc: DocId,
    pub found: Vec<Found>,
    pub role: Role,
    /// Whose text it is, for messages ("element `cp3`").
    pub owner: String,
    /// Where the data writes it.
    pub at: Pos,
    pub lines: Lines,
    /// The text is a single word.
    pub one_word: bool,
    /// A hash of all of the above, made with the claim: what a document's kept coverage is
    /// found again by ([`sheet_key`]), without hashing every claim's fields at every check.
    key: u64,
}

impl Claim {
    pub(crate) fn new(
        doc: DocId,
        found: Vec<Found>,
        role: Role,
        owner: String,
        at: Pos,
        lines: Lines,
        one_word: bool,
    ) -> Claim {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (doc.as_str(), role as u8, &owner, lines, one_word).hash(&mut h);
        (&at.file, at.line, at.column).hash(&mut h);
        for f in &found {
            (f.first_line, f.last_line, f.first_col, f.last_col).hash(&mut h);
        }
        Claim { doc, found, role, owner, at, lines, one_word, key: h.finish() }
    }
}

/// How much of one document the data accounts for, in non-blank characters.
#[derive(Clone, Debug, Serialize)]
pub struct DocCoverage {
    pub doc: String,
    pub file: String,
    pub chars: usize,
    pub claimed: usize,
    pub declared: usize,
    pub unclaimed: usize,
}

impl DocCoverage {
    /// A share of the document's characters, in per cent.
    pub(crate) fn percent(&self, n: usize) -> f64 {
        if self.chars == 0 { 100.0 } else { n as f64 * 100.0 / self.chars as f64 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Blank,
    Open,
    Declared,
    Claimed,
}

const NOBODY: u32 = u32::MAX;

/// One document's characters with their marks and the claim that took each.
struct Sheet<'d> {
    doc: &'d SourceDoc,
    chars: Vec<Vec<char>>,
    marks: Vec<Vec<Mark>>,
    by: Vec<Vec<u32>>,
}

impl<'d> Sheet<'d> {
    fn new(doc: &'d SourceDoc) -> Self {
        let mut chars = Vec::with_capacity(doc.len());
        let mut marks = Vec::with_capacity(doc.len());
        for (i, line) in doc.lines.iter().enumerate() {
            let cs: Vec<char> = line.chars().collect();
            let bullet = bullet_at(&cs);
            let declared = doc.is_declared(i + 1);
            let ms = cs
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    if c.is_whitespace() || text::is_private_use(*c) || Some(j) == bullet {
                        Mark::Blank
                    } else if declared {
                        Mark::Declared
                    } else {
                        Mark::Open
                    }
                })
                .collect();
            marks.push(ms);
            chars.push(cs);
        }
        let by = chars.iter().map(|c| vec![NOBODY; c.len()]).collect();
        Sheet { doc, chars, marks, by }
    }

    /// The characters from `f`'s first to its last, line by line (0-based lines).
    fn span(&self, f: &Found, through_declared: bool) -> Vec<(usize, std::ops::Range<usize>)> {
        (f.first_line..=f.last_line)
            .filter(|n| through_declared || !self.doc.is_declared(*n))
            .map(|n| {
                let len = self.chars[n - 1].len();
                let lo = if n == f.first_line { f.first_col } else { 0 };
                let hi = if n == f.last_line { (f.last_col + 1).min(len) } else { len };
                (n - 1, lo.min(hi)..hi)
            })
            .collect()
    }

    /// How many characters of `f` are already claimed.
    fn taken(&self, f: &Found, through_declared: bool) -> usize {
        self.span(f, through_declared)
            .into_iter()
            .map(|(l, r)| self.marks[l][r].iter().filter(|m| **m == Mark::Claimed).count())
            .sum()
    }

    fn claim(&mut self, f: &Found, through_declared: bool, who: u32) {
        for (l, r) in self.span(f, through_declared) {
            for j in r {
                if self.marks[l][j] != Mark::Blank {
                    self.marks[l][j] = Mark::Claimed;
                    self.by[l][j] = who;
                }
            }
        }
    }

    fn coverage(&self) -> DocCoverage {
        let mut cov = DocCoverage {
            doc: self.doc.id.to_string(),
            file: self.doc.file.clone(),
            chars: 0,
            claimed: 0,
            declared: 0,
            unclaimed: 0,
        };
        for m in self.marks.iter().flatten() {
            match m {
                Mark::Blank => continue,
                Mark::Open => cov.unclaimed += 1,
                Mark::Declared => cov.declared += 1,
                Mark::Claimed => cov.claimed += 1,
            }
            cov.chars += 1;
        }
        cov
    }

    fn has_open(&self, line: usize) -> bool {
        self.marks[line - 1].contains(&Mark::Open)
    }

    /// The runs of unclaimed text, in document order.
    fn runs(&self) -> Vec<Run> {
        let mut runs = Vec::new();
        let mut cur: Option<Run> = None;
        for (l, ms) in self.marks.iter().enumerate() {
            if ms.iter().all(|m| *m == Mark::Blank) || self.doc.is_declared(l + 1) {
                runs.extend(cur.take());
                continue;
            }
            let mut gap = true;
            for (j, m) in ms.iter().enumerate() {
                match m {
                    Mark::Blank => gap = true,
                    Mark::Open => {
                        let run = cur.get_or_insert_with(|| Run {
                            first: (l + 1, j),
                            last: l + 1,
                            end: (l + 1, j),
                            text: String::new(),
                        });
                        if gap && !run.text.is_empty() {
                            run.text.push(' ');
                        }
                        run.text.push(self.chars[l][j]);
                        run.last = l + 1;
                        run.end = (l + 1, j);
                        gap = false;
                    }
                    Mark::Claimed | Mark::Declared => {
                        runs.extend(cur.take());
                        gap = true;
                    }
                }
            }
        }
        runs.extend(cur);
        runs
    }

    /// The claim of the nearest non-blank character before (or after) a position, within its
    /// paragraph (a blank line stops the search).
    fn neighbour(&self, line: usize, col: usize, before: bool) -> Option<u32> {
        let (mut l, mut j) = (line - 1, col as isize);
        loop {
            let ms = &self.marks[l];
            j += if before { -1 } else { 1 };
            if j < 0 || j as usize >= ms.len() {
                let next = if before {
                    l.checked_sub(1)
                } else {
                    Some(l + 1).filter(|n| *n < self.marks.len())
                };
                l = next?;
                if self.marks[l].iter().all(|m| *m == Mark::Blank) {
                    return None;
                }
                j = if before { self.marks[l].len() as isize } else { -1 };
                continue;
            }
            match ms[j as usize] {
                Mark::Blank => {}
                Mark::Claimed => return Some(self.by[l][j as usize]),
                Mark::Open | Mark::Declared => return None,
            }
        }
    }
}

/// A run of unclaimed text.
struct Run {
    /// Line (1-based) and column (0-based) of its first character.
    first: (usize, usize),
    last: usize,
    /// Line (1-based) and column (0-based) of its last character.
    end: (usize, usize),
    text: String,
}

/// The index of the list bullet that opens a line (`- item`, `• item`), if any.
fn bullet_at(cs: &[char]) -> Option<usize> {
    let j = cs.iter().position(|c| !c.is_whitespace())?;
    (matches!(cs[j], '-' | '•') && cs.get(j + 1).is_some_and(|c| c.is_whitespace())).then_some(j)
}

/// How many characters of a run a message quotes.
const QUOTE: usize = 160;

/// The coverage of each document as a check found it, kept for the next check of the same data
/// (`serve`): a document's coverage and diagnostics depend only on the document and on the claims
/// on it, by which they are found again. Each check keeps only its own.
#[derive(Default)]
pub struct Sheets(HashMap<u64, (Vec<Diagnostic>, DocCoverage)>);

/// A hash of all a document's coverage depends on: its content (`content`: its lines and declared
/// lines), its id, path and declarations, and the claims on it, in order (each by its [`Claim::key`]).
fn sheet_key(doc: &SourceDoc, content: u64, mine: &[(u32, &Claim)]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (content, doc.id.as_str(), &doc.path).hash(&mut h);
    doc.hash_declarations(&mut h);
    for (_, c) in mine {
        c.key.hash(&mut h);
    }
    h.finish()
}

/// Mark every claim, report what is left; the coverage of every document. `content` holds each
/// document's content hash; what `kept` holds from an earlier check is taken where nothing a
/// document's coverage depends on changed, and `kept` is left holding this check's.
pub fn check(
    claims: &[&Claim],
    sources: &SourceSet,
    content: &HashMap<DocId, u64>,
    diags: &mut Diagnostics,
    kept: &mut Sheets,
) -> Vec<DocCoverage> {
    use rayon::prelude::*;
    // (foldhash: document ids of our own data, and nothing iterates the map.)
    let mut by_doc: foldhash::HashMap<&DocId, Vec<(u32, &Claim)>> = foldhash::HashMap::default();
    for (i, c) in claims.iter().enumerate() {
        by_doc.entry(&c.doc).or_default().push((i as u32, *c));
    }
    let previous = &*kept;
    let done: Vec<(u64, (Vec<Diagnostic>, DocCoverage))> = sources
        .docs
        .values()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|doc| {
            let mine = by_doc.get(&doc.id).map(Vec::as_slice).unwrap_or_default();
            let key = sheet_key(doc, content.get(&doc.id).copied().unwrap_or_default(), mine);
            let sheet = match previous.0.get(&key) {
                Some(found) => found.clone(),
                None => {
                    let mut found = Diagnostics::default();
                    let coverage = one(doc, claims, mine, &mut found);
                    (found.iter().cloned().collect(), coverage)
                }
            };
            (key, sheet)
        })
        .collect();
    let mut out = Vec::with_capacity(done.len());
    let mut now = HashMap::with_capacity(done.len());
    for (key, (found, coverage)) in done {
        for d in &found {
            diags.push(d.clone());
        }
        out.push(coverage.clone());
        now.insert(key, (found, coverage));
    }
    kept.0 = now;
    out
}

/// The coverage of one document, given the claims on it (`mine`, with their index in `claims`).
fn one(
    doc: &SourceDoc,
    claims: &[&Claim],
    mine: &[(u32, &Claim)],
    diags: &mut Diagnostics,
) -> DocCoverage {
    let mut sheet = Sheet::new(doc);
    // Which occurrence each claim took (the one least taken by the claims before it).
    let mut took: Vec<(u32, Found)> = Vec::with_capacity(mine.len());
    for (i, c) in mine {
        let through = c.lines.iter().all(|n| doc.is_declared(n));
        // Among occurrences equally free, one that stands as a whole word (the coefficient
        // « 4 » rather than the 4 of « U4 »).
        let Some(f) = c
            .found
            .iter()
            .min_by_key(|f| (sheet.taken(f, through), !stands_alone(doc, f)))
            .copied()
        else {
            continue;
        };
        if through && matches!(c.role, Role::Text | Role::Piece) {
            let d = &doc.declared[&f.first_line];
            diags.push(
                Diagnostic::new(
                    Code::DeclaredContent,
                    &d.at,
                    crate::words::diag::declared_but_content(
                        f.first_line,
                        doc.id.as_str(),
                        d.reason.key(),
                        &c.owner,
                    ),
                )
                .hint(crate::words::diag::take_line_out(f.first_line, d.reason.key())),
            );
        }
        if c.role == Role::Text {
            double_claim(&sheet, claims, c, &f, through, diags); // #24
        }
        sheet.claim(&f, through, *i);
        took.push((*i, f));
    }
    let path = &doc.path;
    // Truncated texts: one word of a line whose rest nobody claims.
    let mut explained: BTreeSet<usize> = BTreeSet::new();
    for (i, f) in &took {
        let c = &claims[*i as usize];
        if c.role == Role::Text
            && c.one_word
            && f.first_line == f.last_line
            && sheet.has_open(f.first_line)
        {
            let line = doc.line(f.first_line).trim();
            diags.push(
                Diagnostic::new(
                    Code::TruncatedText,
                    &c.at,
                    crate::words::diag::one_word_of_line(&c.owner, f.first_line, doc.id.as_str()),
                )
                .hint(crate::words::diag::line_reads(&quote(line))),
            );
            explained.insert(f.first_line);
        }
    }
    for run in sheet.runs() {
        if (run.first.0..=run.last).any(|l| explained.contains(&l)) {
            continue;
        }
        diags.push(unclaimed(&sheet, claims, &run, path));
    }
    sheet.coverage()
}

/// #24: the characters an element's text takes that another element's text took already. Variants,
/// pieces, facts and the other claims may share characters (a variant repeats the line as printed);
/// two elements' own texts may not: one of them swallowed the other's words.
fn double_claim(
    sheet: &Sheet,
    claims: &[&Claim],
    c: &Claim,
    f: &Found,
    through: bool,
    diags: &mut Diagnostics,
) {
    let mut shared: Vec<(u32, usize, String)> = Vec::new();
    for (l, r) in sheet.span(f, through) {
        for j in r {
            let by = sheet.by[l][j];
            if sheet.marks[l][j] != Mark::Claimed || by == NOBODY {
                continue;
            }
            let other = &claims[by as usize];
            if other.role != Role::Text || other.owner == c.owner {
                continue;
            }
            let gap = j > 0 && sheet.marks[l][j - 1] == Mark::Blank;
            match shared.iter_mut().find(|(w, _, _)| *w == by) {
                Some((_, _, t)) => {
                    if gap {
                        t.push(' ');
                    }
                    t.push(sheet.chars[l][j]);
                }
                None => shared.push((by, l + 1, sheet.chars[l][j].to_string())),
            }
        }
    }
    for (by, line, text) in shared {
        let other = &claims[by as usize];
        diags.push(
            Diagnostic::new(
                Code::DoubleClaim,
                &c.at,
                crate::words::diag::double_claim(
                    &c.owner,
                    line,
                    sheet.doc.id.as_str(),
                    &other.owner,
                    &quote(&text),
                ),
            )
            .hint(crate::words::diag::double_claim_hint(
                &other.owner,
                &format!("{}:{}", other.at.file.display(), other.at.line),
            )),
        );
    }
}

/// Whether an occurrence is not glued to a letter or digit on either side.
fn stands_alone(doc: &SourceDoc, f: &crate::text::Found) -> bool {
    let first: Vec<char> = doc.line(f.first_line).chars().collect();
    let last: Vec<char> = doc.line(f.last_line).chars().collect();
    let before = f.first_col.checked_sub(1).and_then(|i| first.get(i));
    let after = last.get(f.last_col + 1);
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// "line 3" or "lines 3-5".
fn lines_word(l: Lines) -> String {
    crate::words::diag::lines_word(&l.to_string(), l.first == l.last)
}

/// Where a document's lines are declared: the file that already declares some, else a new
/// `noise-<doc>.yaml` next to the document.
fn declarations_file(doc: &SourceDoc) -> std::path::PathBuf {
    match doc.declared.values().next() {
        Some(d) => d.at.file.clone(),
        None => doc.path.with_file_name(format!("noise-{}.yaml", doc.id)),
    }
}

fn quote(s: &str) -> String {
    if s.chars().count() <= QUOTE {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(QUOTE).collect::<String>())
    }
}

fn unclaimed(sheet: &Sheet, claims: &[&Claim], run: &Run, path: &Path) -> Diagnostic {
    let doc = sheet.doc;
    let lines = Lines { first: run.first.0, last: run.last };
    let pos = Pos { file: path.to_path_buf(), line: run.first.0, column: run.first.1 + 1 };
    let mut d = Diagnostic::new(
        Code::Unclaimed,
        &pos,
        crate::words::diag::unclaimed(&lines_word(lines), doc.id.as_str(), &quote(&run.text)),
    );
    d.snippet = doc.line(run.first.0).to_string();
    d.width = sheet.chars[run.first.0 - 1].len().saturating_sub(run.first.1).max(1);
    let element = |w: Option<u32>| {
        w.map(|w| claims[w as usize]).filter(|c| matches!(c.role, Role::Text | Role::Piece))
    };
    let mut hint = String::new();
    if let Some(c) = element(sheet.neighbour(run.first.0, run.first.1, true)) {
        hint.push_str(&crate::words::diag::follows(&c.owner, &c.lines.to_string()));
    } else if let Some(c) = element(sheet.neighbour(run.end.0, run.end.1, false)) {
        hint.push_str(&crate::words::diag::precedes(&c.owner, &c.lines.to_string()));
    }
    hint.push_str(&crate::words::diag::encode_or_declare(
        &lines_word(lines),
        lines.first == lines.last,
        &declarations_file(doc).display().to_string(),
    ));
    d.hint(hint)
}
