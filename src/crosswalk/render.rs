//! Output of a crosswalk, in French: text (coloured on demand), markdown and JSON. What the
//! documents state first, then the passerelle (units covered, and what each verdict rests on),
//! the official pairs, the curated ones, and the suggestions, which are always labelled as such.
//! JSON keys are the Rust field names (stable).

use std::fmt::Write;

use super::units::{CoveredBy, Effect, Link, UnitCoverage, UnitState};
use super::{Crosswalk, Mapping, SideCoverage, Status};
use crate::compare::Item;
use crate::compare::{Format, Style, md};
use crate::words;
use crate::words::crosswalk as W;

pub fn render(cw: &Crosswalk, format: Format, colour: bool) -> String {
    match format {
        Format::Text => text(cw, Style { colour }),
        Format::Markdown => markdown(cw),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(cw)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            s.push('\n');
            s
        }
    }
}

fn ids(items: &[Item]) -> String {
    if items.is_empty() {
        return W::NONE.into();
    }
    items.iter().map(Item::label).collect::<Vec<_>>().join(", ")
}

fn share(c: &SideCoverage) -> String {
    match c.share {
        Some(s) => W::share(c.covered, c.competences, s * 100.0),
        None => W::NO_COMPETENCE.into(),
    }
}

fn detail(m: &Mapping) -> String {
    match m.status {
        Status::Suggested => {
            let mut parts = vec![W::rank(m.rank.unwrap_or(0), m.score.unwrap_or(0.0))];
            if m.mutual {
                parts.push(W::MUTUAL.into());
            }
            if !m.words.is_empty() {
                parts.push(W::words(&m.words.join(", ")));
            }
            parts.extend(
                m.evidence
                    .iter()
                    .map(|e| if e.identical { W::same_text(&e.a) } else { W::texts(&e.a, &e.b) }),
            );
            parts.join(" · ")
        }
        _ => {
            let mut parts: Vec<String> =
                m.relation.map(|r| r.label().to_string()).into_iter().collect();
            if let Some(t) = &m.table {
                parts.push(W::table(t.as_str()));
            }
            if let Some(j) = &m.justification {
                parts.push(j.clone());
            }
            let mut s = parts.join(" · ");
            if let (Some(a), Some(d)) = (&m.author, &m.date) {
                s.push_str(&format!(" ({a}, {d})"));
            }
            s
        }
    }
}

fn statements(o: &mut String, cw: &Crosswalk, st: Style, md: bool) {
    if cw.units.statements.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n{}{}", if md { "## " } else { "" }, st.bold(W::DOCUMENTS_SAY));
    for s in &cw.units.statements {
        let text = s.text.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
        let _ = writeln!(
            o,
            "{}{}",
            if md { "- " } else { "  " },
            W::statement(s.cert.as_str(), &s.heading.text, &text, s.none)
        );
    }
}

pub fn text(cw: &Crosswalk, st: Style) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", st.bold(&W::title(&cw.a.describe(), &cw.b.describe())));
    statements(&mut o, cw, st, false);
    let _ = writeln!(
        o,
        "\n{}",
        W::coverage(
            cw.a.cert.as_str(),
            &share(&cw.coverage.a),
            cw.b.cert.as_str(),
            &share(&cw.coverage.b)
        )
    );
    let _ = writeln!(
        o,
        "\n{}",
        st.bold(&words::passerelle::heading(cw.a.cert.as_str(), cw.b.cert.as_str()))
    );
    unit_lines(&mut o, &cw.units.holder_of_a, st, false);
    for (status, list) in [
        (Status::Official, &cw.official),
        (Status::Curated, &cw.curated),
        (Status::Inferred, &cw.inferred),
        (Status::Suggested, &cw.suggested),
    ] {
        let _ = writeln!(o, "\n{}", st.bold(&status.section(list.len())));
        let mut group = None;
        for m in list {
            if status == Status::Suggested && group != m.group {
                group = m.group;
                let _ = writeln!(o, "  {}", st.cyan(m.group.map(|g| g.label()).unwrap_or("")));
            }
            let _ = writeln!(o, "    {} ↔ {}  {}", ids(&m.a), ids(&m.b), st.dim(&detail(m)));
            for i in m.a.iter().chain(&m.b) {
                let _ = writeln!(o, "        {} : {}", i.id, i.text);
            }
        }
    }
    for c in [(&cw.a.cert, &cw.coverage.a), (&cw.b.cert, &cw.coverage.b)] {
        if !c.1.without.is_empty() {
            let _ = writeln!(o, "\n{}", st.bold(&W::without(c.0.as_str(), c.1.without.len())));
            for i in &c.1.without {
                let _ = writeln!(o, "    {} : {}", i.label(), i.text);
            }
        }
    }
    o
}

pub fn markdown(cw: &Crosswalk) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {}", md(&W::title(&cw.a.describe(), &cw.b.describe())));
    statements(&mut o, cw, Style { colour: false }, true);
    let _ = writeln!(
        o,
        "\n| {} | {} |\n|---|---|\n| {} | {} |\n| {} | {} |",
        W::SIDE,
        W::COVERAGE,
        cw.a.cert,
        share(&cw.coverage.a),
        cw.b.cert,
        share(&cw.coverage.b)
    );
    let _ = writeln!(
        o,
        "\n## {}",
        md(&words::passerelle::heading(cw.a.cert.as_str(), cw.b.cert.as_str()))
    );
    unit_lines(&mut o, &cw.units.holder_of_a, Style { colour: false }, true);
    for (status, list) in [
        (Status::Official, &cw.official),
        (Status::Curated, &cw.curated),
        (Status::Inferred, &cw.inferred),
        (Status::Suggested, &cw.suggested),
    ] {
        let _ = writeln!(o, "\n## {}\n", status.section(list.len()));
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(o, "| {} | {} | {} |\n|---|---|---|", cw.a.cert, cw.b.cert, W::WHY);
        for m in list {
            let cell = |items: &[Item]| {
                items
                    .iter()
                    .map(|i| format!("`{}` {}", i.id.local, md(&i.text)))
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let _ = writeln!(o, "| {} | {} | {} |", cell(&m.a), cell(&m.b), md(&detail(m)));
        }
    }
    for c in [(&cw.a.cert, &cw.coverage.a), (&cw.b.cert, &cw.coverage.b)] {
        if !c.1.without.is_empty() {
            let _ = writeln!(o, "\n## {}\n", W::without(c.0.as_str(), c.1.without.len()));
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
            let mut s = serde_json::to_string_pretty(
                &serde_json::json!({"format": cw.format, "a": cw.a, "b": cw.b, "units": cw.units}),
            )
            .unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Text | Format::Markdown => {
            let mut o = String::new();
            let md = format == Format::Markdown;
            let _ = writeln!(
                o,
                "{}{}",
                if md { "# " } else { "" },
                st.bold(&words::passerelle::heading(&cw.a.describe(), &cw.b.describe()))
            );
            statements(&mut o, cw, st, md);
            unit_lines(&mut o, &cw.units.holder_of_a, st, md);
            o
        }
    }
}

/// How a link reads: its relation, status and table.
fn how(l: &Link) -> String {
    words::rests_on::how(
        l.relation.map(|r| r.label()),
        l.status.verdict_label(),
        &l.table.as_ref().map(|t| W::table(t.as_str())).unwrap_or_default(),
    )
}

/// What a compétence's verdict rests on, in one line.
pub fn verdict(c: &CoveredBy) -> String {
    let counted: Vec<&Link> = c.rests_on.iter().filter(|l| l.effect != Effect::Listed).collect();
    if !counted.is_empty() {
        let hows: Vec<String> = counted
            .iter()
            .map(|l| how(l))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        return words::rests_on::covered(c.state.label(), &ids(&c.by), &hows.join(" ; "));
    }
    let mut parts = vec![words::passerelle::NOT_COVERED.to_string()];
    for l in &c.rests_on {
        if l.with.is_empty() {
            parts.push(words::rests_on::none_by_table(
                l.status.label(),
                l.justification.as_deref().unwrap_or(""),
            ));
        } else {
            parts.push(words::rests_on::listed(&ids(&l.with), &how(l)));
        }
    }
    parts.join(" — ")
}

fn unit_lines(o: &mut String, units: &[UnitCoverage], st: Style, md: bool) {
    if units.is_empty() {
        let _ = writeln!(o, "\n{}", words::passerelle::NO_UNIT);
    }
    for u in units {
        let n = u.competences.len();
        let k = u.competences.iter().filter(|c| c.state == UnitState::Covered).count();
        let p = u.competences.iter().filter(|c| c.state == UnitState::Partial).count();
        let mut count = words::passerelle::count(k, n);
        if p > 0 {
            count.push_str(&format!(", {}", words::rests_on::partly(p)));
        }
        let state = if u.overridden {
            format!("{} : {}", words::rests_on::OVERRIDDEN, u.state.label())
        } else {
            u.state.label().to_string()
        };
        let rests = u
            .status
            .map(|s| format!(" — {}", words::rests_on::unit(s.verdict_label())))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "\n{}{} {} : {} ({}){}",
            if md { "### " } else { "" },
            st.bold(&u.unit.label()),
            u.unit.text,
            state,
            count,
            rests
        );
        for c in &u.competences {
            let line = verdict(c);
            let line = if c.state == UnitState::NotCovered { st.red(&line) } else { line };
            let _ = writeln!(
                o,
                "{}{} : {} — {}",
                if md { "- " } else { "    " },
                c.competence.label(),
                c.competence.text,
                line
            );
        }
    }
}
