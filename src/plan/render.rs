//! A plan's coverage for readers: French text or Markdown (per unit, per compétence, then every
//! uncovered element), JSON (with `uncovered`, the ids of the elements no séquence covers), and
//! the « tableau croisé » workbook (séquences × compétences, a cell per link, totals).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, XlsxError,
};
use serde_json::json;

use super::Plan;
use super::coverage::{CompetenceCoverage, Count, Coverage};
use crate::compare::Format as Out;
use crate::grids::short_name;
use crate::ids::ElementKey;
use crate::model::Corpus;
use crate::present::{short_cert, truncate};

fn hours(h: f64) -> String {
    if h.fract() == 0.0 { format!("{h:.0} h") } else { format!("{h:.1} h").replace('.', ",") }
}

fn counts(c: &Count, s: &Count, v: &Count) -> String {
    crate::words::plan_report::counts([
        (c.covered, c.total),
        (s.covered, s.total),
        (v.covered, v.total),
    ])
}

fn name(corpus: &Corpus, k: &ElementKey) -> String {
    let e = corpus.element(k).expect("checked element");
    match &e.code {
        Some(_) => format!("{} {}", short_name(corpus, k), truncate(e.text(), 70)),
        None => short_name(corpus, k),
    }
}

fn item(corpus: &Corpus, k: &ElementKey) -> String {
    let e = corpus.element(k).expect("checked element");
    format!("{} ({}) « {} »", k.local, e.kind.label(), truncate(e.text(), 90))
}

/// Text or Markdown.
pub fn text(corpus: &Corpus, plan: &Plan, cov: &Coverage, markdown: bool) -> String {
    let cert = corpus.cert(&plan.cert).expect("checked certification");
    let mut out = String::new();
    let h = |level: usize, s: &str| {
        if markdown { format!("{} {s}\n\n", "#".repeat(level)) } else { format!("{s}\n") }
    };
    let li = |depth: usize, s: &str| {
        if markdown {
            format!("{}- {s}\n", "  ".repeat(depth))
        } else {
            format!("{}{s}\n", "  ".repeat(depth + 1))
        }
    };
    out.push_str(&h(1, &format!("Plan « {} » — {}", plan.title, short_cert(cert))));
    let by = match (&plan.author, &plan.date) {
        (Some(a), Some(d)) => format!(" ({a}, {d})"),
        (Some(a), None) => format!(" ({a})"),
        (None, Some(d)) => format!(" ({d})"),
        _ => String::new(),
    };
    out.push_str(&crate::words::plan_report::summary(plan.sequences.len(), &hours(cov.hours), &by));
    out.push_str(crate::words::plan_report::HOURS_RULE);
    let comp = |out: &mut String, c: &CompetenceCoverage, depth: usize| {
        let seqs = if c.sequences.is_empty() {
            crate::words::plan_report::NO_SEQUENCE.to_string()
        } else {
            c.sequences.join(", ")
        };
        out.push_str(&li(
            depth,
            &format!(
                "{} — {} ({seqs}) — {}",
                name(corpus, &c.id),
                hours(c.hours),
                counts(&c.criteres, &c.savoir_faire, &c.savoirs)
            ),
        ));
        for k in &c.uncovered {
            out.push_str(&li(depth + 1, &format!("non couvert : {}", item(corpus, k))));
        }
    };
    for u in &cov.units {
        out.push_str(&h(2, &format!("{} — {}", name(corpus, &u.id), hours(u.hours))));
        out.push_str(&li(0, &counts(&u.criteres, &u.savoir_faire, &u.savoirs)));
        for c in &u.competences {
            comp(&mut out, c, 0);
        }
        out.push('\n');
    }
    let outside: Vec<&CompetenceCoverage> = cov
        .competences
        .iter()
        .filter(|c| !cov.units.iter().any(|u| u.competences.iter().any(|x| x.id == c.id)))
        .collect();
    if !outside.is_empty() {
        out.push_str(&h(2, crate::words::plan_words::UNCERTIFIED));
        for c in outside {
            comp(&mut out, c, 0);
        }
        out.push('\n');
    }
    out.push_str(&h(2, &crate::words::plan_words::uncovered(cov.uncovered.len())));
    for k in &cov.uncovered {
        out.push_str(&li(0, &item(corpus, k)));
    }
    out
}

fn count_json(c: &Count) -> serde_json::Value {
    json!({"covered": c.covered, "total": c.total})
}

fn comp_json(c: &CompetenceCoverage) -> serde_json::Value {
    json!({
        "id": c.id.local.as_str(),
        "criteres": count_json(&c.criteres),
        "savoir_faire": count_json(&c.savoir_faire),
        "savoirs": count_json(&c.savoirs),
        "hours": c.hours,
        "sequences": c.sequences,
        "uncovered": c.uncovered.iter().map(|k| k.local.as_str()).collect::<Vec<_>>(),
    })
}

/// JSON: the plan, per unit and per compétence, and `uncovered`.
pub fn json(plan: &Plan, cov: &Coverage) -> String {
    let v = json!({
        "plan": {"certification": plan.cert.as_str(), "title": plan.title, "file": plan.file.to_string_lossy(), "author": plan.author, "date": plan.date},
        "sequences": plan.sequences.iter().map(|s| json!({"id": s.id, "title": s.title, "hours": s.hours, "covers": s.covers.iter().map(|k| k.local.as_str()).collect::<Vec<_>>()})).collect::<Vec<_>>(),
        "hours": cov.hours,
        "units": cov.units.iter().map(|u| json!({
            "id": u.id.local.as_str(),
            "criteres": count_json(&u.criteres),
            "savoir_faire": count_json(&u.savoir_faire),
            "savoirs": count_json(&u.savoirs),
            "hours": u.hours,
            "competences": u.competences.iter().map(comp_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "competences": cov.competences.iter().map(comp_json).collect::<Vec<_>>(),
        "uncovered": cov.uncovered.iter().map(|k| k.local.as_str()).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&v).expect("serialisable");
    s.push('\n');
    s
}

/// The report in a text format.
pub fn render(corpus: &Corpus, plan: &Plan, cov: &Coverage, format: Out) -> String {
    match format {
        Out::Text => text(corpus, plan, cov, false),
        Out::Markdown => text(corpus, plan, cov, true),
        Out::Json => json(plan, cov),
    }
}

/// The « tableau croisé »: a row per séquence (id, title, hours), a column per compétence, an X
/// where the séquence covers the compétence or one of its items; totals of hours per compétence
/// and of compétences per séquence (formulas); a second sheet lists every uncovered element.
pub fn xlsx(corpus: &Corpus, plan: &Plan, cov: &Coverage) -> Result<Vec<u8>, XlsxError> {
    let cert = corpus.cert(&plan.cert).expect("checked certification");
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(crate::words::plan_words::workbook_title(&plan.title))
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(0xE8EEF4);
    let cell =
        Format::new().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::Top);
    let mark = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Center);
    let total = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_background_color(0xF3F3F3);
    let sheet = book.add_worksheet();
    sheet.set_name(crate::words::plan_words::SHEET)?;
    sheet.write_string_with_format(
        0,
        0,
        format!("{} — {}", plan.title, short_cert(cert)),
        &bold,
    )?;
    sheet.write_string(1, 0, crate::words::plan_words::NOTICE)?;
    let top = 3u32;
    sheet.write_string_with_format(top, 0, crate::words::plan_words::SEQUENCE, &head)?;
    sheet.write_string_with_format(top, 1, "Titre", &head)?;
    sheet.write_string_with_format(top, 2, "Heures", &head)?;
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 8)?;
    let comps = &cov.competences;
    for (j, c) in comps.iter().enumerate() {
        let col = 3 + j as u16;
        sheet.write_string_with_format(top, col, short_name(corpus, &c.id), &head)?;
        sheet.set_column_width(col, 9)?;
    }
    let last_col = 3 + comps.len() as u16;
    sheet.write_string_with_format(top, last_col, crate::words::plan_words::COMPETENCES, &head)?;
    sheet.set_column_width(last_col, 12)?;
    sheet.set_row_height(top, 64)?;
    for (i, s) in plan.sequences.iter().enumerate() {
        let row = top + 1 + i as u32;
        sheet.write_string_with_format(row, 0, &s.id, &cell)?;
        sheet.write_string_with_format(row, 1, &s.title, &cell)?;
        sheet.write_number_with_format(row, 2, s.hours, &cell)?;
        for (j, c) in comps.iter().enumerate() {
            let col = 3 + j as u16;
            if c.sequences.contains(&s.id) {
                sheet.write_string_with_format(row, col, "X", &mark)?;
            } else {
                sheet.write_blank(row, col, &mark)?;
            }
        }
        let (a, b) = (col_name(3), col_name(last_col - 1));
        // The result is written with the formula: a reader that does not recalculate shows it.
        let n = comps.iter().filter(|c| c.sequences.contains(&s.id)).count();
        sheet.write_formula_with_format(
            row,
            last_col,
            Formula::new(format!("=COUNTIF({a}{r}:{b}{r},\"X\")", r = row + 1))
                .set_result(n.to_string()),
            &total,
        )?;
    }
    let end = top + plan.sequences.len() as u32;
    let trow = end + 1;
    sheet.write_string_with_format(trow, 0, "Total", &total)?;
    sheet.write_string_with_format(
        trow,
        1,
        crate::words::plan_words::HOURS_PER_COMPETENCE,
        &total,
    )?;
    sheet.write_formula_with_format(
        trow,
        2,
        Formula::new(format!("=SUM(C{}:C{})", top + 2, end + 1)).set_result(cov.hours.to_string()),
        &total,
    )?;
    for (j, c) in comps.iter().enumerate() {
        let col = 3 + j as u16;
        let l = col_name(col);
        let f = Formula::new(format!(
            "=SUMIF({l}{}:{l}{},\"X\",$C${}:$C${})",
            top + 2,
            end + 1,
            top + 2,
            end + 1
        ))
        .set_result(c.hours.to_string());
        sheet.write_formula_with_format(trow, col, f, &total)?;
    }
    sheet.set_freeze_panes(top + 1, 3)?;
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_area(0, 0, trow, last_col)?;
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(top, top)?;

    let un = book.add_worksheet();
    un.set_name("Non couverts")?;
    un.write_string_with_format(0, 0, "Id", &head)?;
    un.write_string_with_format(0, 1, "Type", &head)?;
    un.write_string_with_format(0, 2, "Texte", &head)?;
    un.set_column_width(0, 18)?;
    un.set_column_width(1, 24)?;
    un.set_column_width(2, 90)?;
    for (i, k) in cov.uncovered.iter().enumerate() {
        let e = corpus.element(k).expect("checked element");
        let r = 1 + i as u32;
        un.write_string_with_format(r, 0, k.local.as_str(), &cell)?;
        un.write_string_with_format(r, 1, e.kind.label(), &cell)?;
        un.write_string_with_format(r, 2, e.text(), &cell)?;
    }
    un.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

/// A spreadsheet column's letters (0 → A, 26 → AA).
fn col_name(mut col: u16) -> String {
    let mut s = Vec::new();
    loop {
        s.push((b'A' + (col % 26) as u8) as char);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.iter().rev().collect()
}
