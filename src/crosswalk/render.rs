//! Output of a crosswalk: text (coloured on demand), markdown and JSON. Coverage first, then the
//! official pairs, the curated ones, and the suggestions, which are always labelled as such.

use std::fmt::Write;

use super::units::UnitCoverage;
use super::{Crosswalk, Mapping, SideCoverage, Status};
use crate::compare::{md, Format, Style};
use crate::compare::Item;
use crate::words;

pub fn render(cw: &Crosswalk, format: Format, colour: bool) -> String {
    match format {
        Format::Text => text(cw, Style { colour }),
        Format::Markdown => markdown(cw),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(cw).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            s.push('\n');
            s
        }
    }
}

fn ids(items: &[Item]) -> String {
    if items.is_empty() {
        return "(none)".into();
    }
    items.iter().map(Item::label).collect::<Vec<_>>().join(", ")
}

fn share(c: &SideCoverage) -> String {
    match c.share {
        Some(s) => format!("{}/{} compétences ({:.0} %)", c.covered, c.competences, s * 100.0),
        None => "no compétence".into(),
    }
}

fn section_title(status: Status, n: usize) -> String {
    match status {
        Status::Official => format!("official correspondences ({n})"),
        Status::Curated => format!("curated correspondences ({n})"),
        Status::Inferred => format!("inferred correspondences — read from the document's layout, not stated by it ({n})"),
        Status::Suggested => format!("suggested correspondences — computed by similarity, not official ({n})"),
    }
}

fn detail(m: &Mapping) -> String {
    match m.status {
        Status::Suggested => format!(
            "{} · score {:.2}{}{}{}",
            m.relation.map(|r| r.label()).unwrap_or(""),
            m.score.unwrap_or(0.0),
            if m.mutual { ", mutual best" } else { "" },
            if m.words.is_empty() { String::new() } else { format!(" · {}", m.words.join(", ")) },
            m.evidence.iter().map(|e| if e.identical { format!(" · same text « {} »", e.a) } else { format!(" · « {} » / « {} »", e.a, e.b) }).collect::<String>()
        ),
        _ => {
            let mut s = format!("{} · table {}", m.relation.map(|r| r.label()).unwrap_or(""), m.table.as_ref().map(|t| t.as_str()).unwrap_or(""));
            if let Some(j) = &m.justification {
                s.push_str(&format!(" · {j}"));
            }
            if let (Some(a), Some(d)) = (&m.author, &m.date) {
                s.push_str(&format!(" ({a}, {d})"));
            }
            s
        }
    }
}

pub fn text(cw: &Crosswalk, st: Style) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{} {} ↔ {}", st.bold("crosswalk"), cw.a.describe(), cw.b.describe());
    let _ = writeln!(o, "coverage: {} {} · {} {}", cw.a.cert, share(&cw.coverage.a), cw.b.cert, share(&cw.coverage.b));
    for (status, list) in [(Status::Official, &cw.official), (Status::Curated, &cw.curated), (Status::Inferred, &cw.inferred), (Status::Suggested, &cw.suggested)] {
        let _ = writeln!(o, "\n{}", st.bold(&section_title(status, list.len())));
        let mut group = None;
        for m in list {
            if status == Status::Suggested && group != m.group {
                group = m.group;
                let _ = writeln!(o, "  {}", st.cyan(m.group.map(|g| g.label()).unwrap_or("")));
            }
            let _ = writeln!(o, "    {} ↔ {}  {}", ids(&m.a), ids(&m.b), st.dim(&detail(m)));
            for i in m.a.iter().chain(&m.b) {
                let _ = writeln!(o, "        {}: {}", i.id, i.text);
            }
        }
    }
    let _ = writeln!(o, "\n{}", st.bold(&words::passerelle::heading(cw.a.cert.as_str(), cw.b.cert.as_str())));
    unit_lines(&mut o, &cw.units.holder_of_a, st, false);
    for c in [(&cw.a.cert, &cw.coverage.a), (&cw.b.cert, &cw.coverage.b)] {
        if !c.1.without.is_empty() {
            let _ = writeln!(o, "\n{}", st.bold(&format!("{} compétences without counterpart ({})", c.0, c.1.without.len())));
            for i in &c.1.without {
                let _ = writeln!(o, "    {}: {}", i.label(), i.text);
            }
        }
    }
    o
}

pub fn markdown(cw: &Crosswalk) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Crosswalk {} ↔ {}\n", md(&cw.a.describe()), md(&cw.b.describe()));
    let _ = writeln!(o, "| side | coverage |\n|---|---|\n| {} | {} |\n| {} | {} |", cw.a.cert, share(&cw.coverage.a), cw.b.cert, share(&cw.coverage.b));
    for (status, list) in [(Status::Official, &cw.official), (Status::Curated, &cw.curated), (Status::Inferred, &cw.inferred), (Status::Suggested, &cw.suggested)] {
        let _ = writeln!(o, "\n## {}\n", section_title(status, list.len()));
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(o, "| {} | {} | why |\n|---|---|---|", cw.a.cert, cw.b.cert);
        for m in list {
            let cell = |items: &[Item]| items.iter().map(|i| format!("`{}` {}", i.id.local, md(&i.text))).collect::<Vec<_>>().join("<br>");
            let _ = writeln!(o, "| {} | {} | {} |", cell(&m.a), cell(&m.b), md(&detail(m)));
        }
    }
    for c in [(&cw.a.cert, &cw.coverage.a), (&cw.b.cert, &cw.coverage.b)] {
        if !c.1.without.is_empty() {
            let _ = writeln!(o, "\n## {} compétences without counterpart\n", c.0);
            for i in &c.1.without {
                let _ = writeln!(o, "- `{}` {}", i.id.local, md(&i.text));
            }
        }
    }
    o
}

/// The passerelle alone (`crosswalk A B --units`): for a holder of `a`, the units of `b`.
pub fn units(cw: &Crosswalk, format: Format, colour: bool) -> String {
    let st = Style { colour };
    match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({"format": cw.format, "a": cw.a, "b": cw.b, "units": cw.units})).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Text | Format::Markdown => {
            let mut o = String::new();
            let md = format == Format::Markdown;
            let _ = writeln!(o, "{}{}", if md { "# " } else { "" }, st.bold(&words::passerelle::heading(&cw.a.describe(), &cw.b.describe())));
            unit_lines(&mut o, &cw.units.holder_of_a, st, md);
            o
        }
    }
}

fn unit_lines(o: &mut String, units: &[UnitCoverage], st: Style, md: bool) {
    if units.is_empty() {
        let _ = writeln!(o, "\n{}", words::passerelle::NO_UNIT);
    }
    for u in units {
        let n = u.competences.len();
        let k = u.competences.iter().filter(|c| !c.by.is_empty()).count();
        let _ = writeln!(o, "\n{}{} {} : {} ({})", if md { "## " } else { "" }, st.bold(&u.unit.label()), u.unit.text, u.state.label(), words::passerelle::count(k, n));
        for c in &u.competences {
            let by = if c.by.is_empty() { st.red(words::passerelle::NOT_COVERED) } else { words::passerelle::covered_by(c.status.map(|s| s.label()).unwrap_or(""), &ids(&c.by)) };
            let _ = writeln!(o, "{}{} : {} — {}", if md { "- " } else { "    " }, c.competence.label(), c.competence.text, by);
        }
    }
}
