//! Output of a diff: plain or coloured text (ANSI colours only when asked, i.e. on a terminal
//! without `NO_COLOR`), markdown, and JSON (the schema is `docs/diff-format.md`). The summary
//! comes first, then the details in tree order; unchanged elements are counted but not listed
//! in text and markdown (JSON lists every change).

use std::fmt::Write;

use super::DiffReport;
use super::classify::{Change, Class, Summary};
use super::units::{Cited, UnitVerdict, Verdict};
use super::words::WordOp;
use crate::compare::{Format, Item, Style, md};
use crate::schema::Kind;
use crate::words::evolution as w;

/// A text in the colour of its class.
fn paint_class(style: Style, c: Class, s: &str) -> String {
    match c {
        Class::Unchanged => style.dim(s),
        Class::Reworded => style.yellow(s),
        Class::Moved | Class::Split | Class::Merged => style.cyan(s),
        Class::Added => style.green(s),
        Class::Removed => style.red(s),
    }
}

/// Render a report in `format`; `colour` only matters for text.
pub fn render(report: &DiffReport, format: Format, colour: bool) -> String {
    match format {
        Format::Text => text(report, Style { colour }),
        Format::Markdown => markdown(report),
        Format::Json => json(report),
    }
}

/// Render the verdicts per certifying unit alone (`diff A B --units`); JSON keeps the whole
/// report's `format`, `old`, `new`, `coverage` and `units`.
pub fn render_units(report: &DiffReport, format: Format, colour: bool) -> String {
    match format {
        Format::Text => {
            let st = Style { colour };
            let mut o = String::new();
            let _ = writeln!(
                o,
                "{} {} → {}",
                st.bold("diff --units"),
                report.old.describe(),
                report.new.describe()
            );
            let _ = writeln!(o, "{}\n", report.coverage.sentence);
            units_text(&mut o, report, st);
            o
        }
        Format::Markdown => {
            let mut o = String::new();
            let _ = writeln!(
                o,
                "# {} : {} → {}\n",
                w::UNITS,
                md(&report.old.describe()),
                md(&report.new.describe())
            );
            let _ = writeln!(o, "{}\n", md(&report.coverage.sentence));
            units_md(&mut o, report);
            o
        }
        Format::Json => {
            let v = serde_json::json!({
                "format": report.format,
                "old": report.old,
                "new": report.new,
                "coverage": report.coverage,
                "units": report.units,
            });
            let mut s = serde_json::to_string_pretty(&v)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            s.push('\n');
            s
        }
    }
}

fn class_word(c: Class) -> &'static str {
    use w::class_cli as k;
    match c {
        Class::Unchanged => k::Unchanged,
        Class::Reworded => k::Reworded,
        Class::Moved => k::Moved,
        Class::Split => k::Split,
        Class::Merged => k::Merged,
        Class::Added => k::Added,
        Class::Removed => k::Removed,
    }
}

fn paint_verdict(st: Style, v: Verdict, s: &str) -> String {
    match v {
        Verdict::Equivalent | Verdict::NonComparable => st.dim(s),
        Verdict::EquivalentAvecChangements => st.yellow(s),
        Verdict::Fusionne | Verdict::Scinde => st.cyan(s),
        Verdict::Nouveau => st.green(s),
        Verdict::Supprime => st.red(s),
    }
}

fn cited_label(c: &Cited) -> String {
    let code = c.item.code.as_deref().map(|x| format!("{x} ")).unwrap_or_default();
    format!(
        "{} {code}« {} » ({})",
        c.item.kind.label(),
        c.item.text,
        w::lines(c.doc.as_str(), &c.lines.to_string())
    )
}

fn also(items: &[Item]) -> String {
    if items.is_empty() {
        return String::new();
    }
    format!(
        " [= {}]",
        items
            .iter()
            .map(|i| format!(
                "{} {}",
                i.kind.label().to_lowercase(),
                i.code.clone().unwrap_or_else(|| i.id.local.to_string())
            ))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The lines of one verdict, without markup: the unit, its counterparts and evidence.
fn unit_lines(u: &UnitVerdict) -> (String, Vec<String>) {
    let head = format!("{} — {}{}", u.verdict.label(), cited_label(&u.unit), also(&u.also));
    let mut lines = Vec::new();
    for c in &u.counterparts {
        let why = c.reason.as_ref().map(|r| format!(" · {}", r.describe())).unwrap_or_default();
        lines.push(format!("← {}{}{why}", cited_label(&c.old), also(&c.also)));
        if c.old.item.kind.family() == crate::schema::Family::Activite && !u.by_activite {
            lines.push(w::BY_ACTIVITE.to_string());
        }
        if let Some(row) = &c.row
            && let (Some(doc), Some(l)) = (&row.doc, &row.lines)
        {
            lines.push(format!(
                "  {} : {}{}",
                w::TABLE_ROW,
                w::lines(doc.as_str(), &l.to_string()),
                row.text.as_deref().map(|t| format!(" « {t} »")).unwrap_or_default()
            ));
        }
    }
    if let Some(d) = u.title_change {
        lines.push(format!("{} : {}", w::TITLE, d.label()));
    }
    if u.by_activite {
        lines.push(w::AT_FOR_CCP.to_string());
    }
    if !u.counterparts.is_empty() && !u.old_content_known {
        lines.push(w::CONTENT_UNKNOWN.to_string());
    }
    for e in &u.evidence {
        let side = |v: &[Cited]| {
            v.iter()
                .map(|c| {
                    format!(
                        "{}{} « {} » ({})",
                        e.kind.label().to_lowercase(),
                        c.item.code.as_deref().map(|x| format!(" {x}")).unwrap_or_default(),
                        c.item.text,
                        w::lines(c.doc.as_str(), &c.lines.to_string())
                    )
                })
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let degree = e.degree.map(|d| format!(", {}", d.label())).unwrap_or_default();
        let what = match (e.old.is_empty(), e.new.is_empty()) {
            (true, _) => side(&e.new),
            (_, true) => side(&e.old),
            _ => format!("{} → {}", side(&e.old), side(&e.new)),
        };
        let way = if !e.old_inside && !e.old.is_empty() {
            format!(" ({})", w::CAME_IN)
        } else if !e.new_inside && !e.new.is_empty() {
            format!(" ({})", w::WENT_OUT)
        } else {
            String::new()
        };
        lines.push(format!("{} {}{degree}{way} : {what}", w::INSIDE, e.class.label()));
    }
    if u.unchanged > 0 {
        lines.push(format!("{} : {} {}", w::INSIDE, u.unchanged, w::UNCHANGED_INSIDE));
    }
    (head, lines)
}

fn units_text(o: &mut String, r: &DiffReport, st: Style) {
    let _ = writeln!(o, "{}", st.bold(w::UNITS));
    if r.units.is_empty() {
        let _ = writeln!(o, "  {}", w::NO_UNIT);
        return;
    }
    for u in &r.units {
        let (head, lines) = unit_lines(u);
        let _ = writeln!(o, "- {}", paint_verdict(st, u.verdict, &head));
        for l in lines {
            let _ = writeln!(o, "    {}", st.dim(&l));
        }
    }
}

fn units_md(o: &mut String, r: &DiffReport) {
    if r.units.is_empty() {
        let _ = writeln!(o, "{}\n", w::NO_UNIT);
        return;
    }
    for u in &r.units {
        let (head, lines) = unit_lines(u);
        let _ = writeln!(o, "- **{}**", md(&head));
        for l in lines {
            let _ = writeln!(o, "  - {}", md(&l));
        }
    }
    let _ = writeln!(o);
}

/// What only one side describes, counted apart.
fn apart_lines(r: &DiffReport) -> Vec<String> {
    let mut out = Vec::new();
    for (side, m) in [(&r.old, &r.coverage.old_only), (&r.new, &r.coverage.new_only)] {
        if !m.is_empty() {
            let name = side
                .title
                .clone()
                .map(|t| format!("{t} ({})", side.version.clone().unwrap_or_default()))
                .unwrap_or_else(|| side.cert.to_string());
            out.push(format!("{} : {}", w::only_one_side(&name), kinds_phrase(Some(m))));
        }
    }
    out
}

pub fn json(report: &DiffReport) -> String {
    let mut s =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// `compétence professionnelle 3, critère de performance 12`
pub(crate) fn kinds_phrase(kinds: Option<&std::collections::BTreeMap<Kind, usize>>) -> String {
    kinds
        .map(|m| {
            m.iter()
                .map(|(k, n)| format!("{} {n}", k.label().to_lowercase()))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

fn summary_lines(s: &Summary, mut line: impl FnMut(Class, usize, String)) {
    for c in Class::ALL {
        line(c, s.count(c), kinds_phrase(s.by_kind.get(&c)));
    }
}

/// Join the runs of a word diff, each shown by `show`; a space is put back before a changed run
/// that follows a word directly (the space after the last common word may be the old text's).
fn join_runs(ops: &[WordOp], show: impl Fn(&WordOp) -> String) -> String {
    let mut out = String::new();
    for o in ops {
        let piece = show(o);
        let starts_word = o.text().chars().next().is_some_and(char::is_alphanumeric);
        if !matches!(o, WordOp::Same(_))
            && starts_word
            && out.chars().last().is_some_and(|c| !c.is_whitespace())
            && !out.ends_with(['\'', '’', '('])
        {
            out.push(' ');
        }
        out.push_str(&piece);
    }
    out
}

fn words_text(ops: &[WordOp], st: Style) -> String {
    join_runs(ops, |o| match o {
        WordOp::Same(s) => s.clone(),
        WordOp::Removed(s) if st.colour => st.paint("31;9", s),
        WordOp::Added(s) if st.colour => st.paint("32;4", s),
        WordOp::Removed(s) => format!("[-{}-]", s.trim_end()) + &trailing(s),
        WordOp::Added(s) => format!("{{+{}+}}", s.trim_end()) + &trailing(s),
    })
}

fn trailing(s: &str) -> String {
    s[s.trim_end().len()..].to_string()
}

fn ids(items: &[Item]) -> String {
    items.iter().map(Item::label).collect::<Vec<_>>().join(", ")
}

fn parent_of(items: &[Item]) -> String {
    items
        .first()
        .and_then(|i| i.parent.as_ref())
        .map(|p| p.to_string())
        .unwrap_or_else(|| w::TOP.into())
}

fn head(c: &Change) -> String {
    match c.class {
        Class::Added => format!("{} {}", c.kind.label().to_lowercase(), ids(&c.new)),
        Class::Removed => format!("{} {}", c.kind.label().to_lowercase(), ids(&c.old)),
        _ => format!("{} {} → {}", c.kind.label().to_lowercase(), ids(&c.old), ids(&c.new)),
    }
}

/// The text report.
pub fn text(r: &DiffReport, st: Style) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{} {} → {}", st.bold("diff"), r.old.describe(), r.new.describe());
    let _ = writeln!(o, "{}", r.coverage.sentence);
    let _ = writeln!(
        o,
        "{} : {} ({}), {} ({})\n",
        w::ELEMENTS,
        r.summary.old_elements,
        w::OLD,
        r.summary.new_elements,
        w::NEW
    );
    summary_lines(&r.summary, |c, n, kinds| {
        let label = format!("{:<11}", class_word(c));
        let _ = writeln!(
            o,
            "  {} {:>6}  {}",
            if n > 0 { paint_class(st, c, &label) } else { st.dim(&label) },
            n,
            st.dim(&kinds)
        );
    });
    for l in apart_lines(r) {
        let _ = writeln!(o, "  {}", st.dim(&l));
    }
    let _ = writeln!(o);
    units_text(&mut o, r, st);
    let shown: Vec<&Change> =
        r.changes.iter().filter(|c| c.class != Class::Unchanged || c.code_changed).collect();
    if shown.is_empty() {
        let _ = writeln!(o, "\n{}", w::NO_CHANGE);
        return o;
    }
    let _ = writeln!(o, "\n{}", st.bold(w::DETAILS));
    for c in shown {
        let pad = "  ".repeat(c.depth.min(6));
        let degree = c.degree.map(|d| format!(" ({})", d.label())).unwrap_or_default();
        let mark =
            paint_class(st, c.class, &format!("{} {}{degree}", c.class.mark(), c.class.label()));
        let why =
            c.reason.as_ref().map(|r| st.dim(&format!(" · {}", r.describe()))).unwrap_or_default();
        let _ = writeln!(o, "{pad}{mark}  {}{why}", head(c));
        let pad = format!("{pad}    ");
        match c.class {
            Class::Added => {
                let _ = writeln!(o, "{pad}{}", st.green(&c.new[0].text));
            }
            Class::Removed => {
                let _ = writeln!(o, "{pad}{}", st.red(&c.old[0].text));
            }
            Class::Split | Class::Merged => {
                for i in &c.old {
                    let _ = writeln!(o, "{pad}{} {}: {}", st.red("-"), i.id.local, i.text);
                }
                for i in &c.new {
                    let _ = writeln!(o, "{pad}{} {}: {}", st.green("+"), i.id.local, i.text);
                }
            }
            _ => {
                if c.class == Class::Moved {
                    let _ = writeln!(
                        o,
                        "{pad}{}",
                        st.dim(&w::moved(&parent_of(&c.old), &parent_of(&c.new)))
                    );
                }
                if c.code_changed {
                    let code = |i: &[Item]| {
                        i.first().and_then(|i| i.code.clone()).unwrap_or_else(|| w::NO_CODE.into())
                    };
                    let _ = writeln!(o, "{pad}{}", st.dim(&w::code(&code(&c.old), &code(&c.new))));
                }
                match &c.words {
                    Some(w) => {
                        let _ = writeln!(o, "{pad}{}", words_text(w, st));
                    }
                    None => {
                        let _ = writeln!(o, "{pad}{}", c.new[0].text);
                    }
                }
            }
        }
    }
    o
}

/// Escape markdown's active characters in a text from the data.
fn words_md(ops: &[WordOp]) -> String {
    join_runs(ops, |o| match o {
        WordOp::Same(s) => md(s),
        WordOp::Removed(s) => format!("~~{}~~", md(s.trim_end())) + &trailing(s),
        WordOp::Added(s) => format!("**{}**", md(s.trim_end())) + &trailing(s),
    })
}

/// The markdown report.
pub fn markdown(r: &DiffReport) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {} {} → {}\n", w::HEADING, md(&r.old.describe()), md(&r.new.describe()));
    let _ = writeln!(o, "{}\n", md(&r.coverage.sentence));
    let _ = writeln!(
        o,
        "{} : {} ({}), {} ({}).\n",
        w::ELEMENTS,
        r.summary.old_elements,
        w::OLD,
        r.summary.new_elements,
        w::NEW
    );
    let _ = writeln!(o, "| classe | nombre | par nature |\n|---|---:|---|");
    summary_lines(&r.summary, |c, n, kinds| {
        let _ = writeln!(o, "| {} | {n} | {} |", class_word(c), md(&kinds));
    });
    for l in apart_lines(r) {
        let _ = writeln!(o, "\n{}", md(&l));
    }
    let _ = writeln!(o, "\n## {}\n", w::UNITS);
    units_md(&mut o, r);
    let _ = writeln!(o, "## {}\n", w::DETAILS);
    // Nesting follows the listed changes only: an item is nested under the nearest listed
    // change above it that is shallower, so that no item is indented without a parent item
    // (four spaces without one would make a code block).
    let mut open: Vec<usize> = Vec::new();
    for c in r.changes.iter().filter(|c| c.class != Class::Unchanged || c.code_changed) {
        while open.last().is_some_and(|&d| d >= c.depth) {
            open.pop();
        }
        let pad = "  ".repeat(open.len());
        open.push(c.depth);
        let why =
            c.reason.as_ref().map(|r| format!(" — _{}_", md(&r.describe()))).unwrap_or_default();
        let degree = c.degree.map(|d| format!(" ({})", d.label())).unwrap_or_default();
        let _ = writeln!(o, "{pad}- **{}**{degree} {}{why}", c.class.label(), md(&head(c)));
        let pad = format!("{pad}  ");
        match c.class {
            Class::Added => {
                let _ = writeln!(o, "{pad}- {}", md(&c.new[0].text));
            }
            Class::Removed => {
                let _ = writeln!(o, "{pad}- ~~{}~~", md(&c.old[0].text));
            }
            Class::Split | Class::Merged => {
                for i in &c.old {
                    let _ = writeln!(o, "{pad}- {} `{}` : {}", w::OLD, i.id.local, md(&i.text));
                }
                for i in &c.new {
                    let _ = writeln!(o, "{pad}- {} `{}` : {}", w::NEW, i.id.local, md(&i.text));
                }
            }
            _ => {
                if c.class == Class::Moved {
                    let _ = writeln!(
                        o,
                        "{pad}- {}",
                        md(&w::moved(&parent_of(&c.old), &parent_of(&c.new)))
                    );
                }
                let _ = writeln!(
                    o,
                    "{pad}- {}",
                    c.words.as_deref().map(words_md).unwrap_or_else(|| md(&c.new[0].text))
                );
            }
        }
    }
    o
}
