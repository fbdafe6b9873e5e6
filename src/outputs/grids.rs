//! The `grilles` output (#28): the evaluation grids of each certification, as a workbook
//! (`telechargements/grilles/<cert>.xlsx`, written with `rust_xlsxwriter`: one sheet per
//! certifying unit, frozen header, wrapped text, A4 print area, cells to tick) and as a CSV table
//! (`<cert>.csv`, one row per critère and unit). The grids themselves come from [`crate::grids`].

use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::Config;
use crate::grids::{Grid, grids, short_name};
use crate::ids::{CertId, ElementKey};
use crate::model::Corpus;
use crate::present::short_cert;
use crate::words::grille as w;

pub struct Grids;

/// The CSV columns, in order.
pub(crate) const CSV_HEADERS: [&str; 12] = [
    "unite_id",
    "unite",
    "competence_id",
    "competence",
    "critere_id",
    "critere",
    "valable_pour",
    w::ACQUIS,
    w::EN_COURS,
    w::NON_ACQUIS,
    w::OBSERVATIONS,
    "lignes",
];

impl Output for Grids {
    fn name(&self) -> &str {
        "grilles"
    }
    fn label(&self, _: &Config) -> &str {
        crate::words::outputs::GRILLES.0
    }
    fn description(&self, _: &Config) -> &str {
        crate::words::outputs::GRILLES.1
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.grilles.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        for c in ctx.certs() {
            let gs = grids(ctx.corpus, ctx.graph, &c.id);
            if gs.is_empty() {
                continue;
            }
            let book = workbook(ctx.corpus, &c.id, &gs)
                .map_err(|source| super::Error::Grids { cert: c.id.clone(), source })?;
            out.add(format!("{DOWNLOADS_DIR}/grilles/{}.xlsx", c.id), book);
            out.add(format!("{DOWNLOADS_DIR}/grilles/{}.csv", c.id), csv(ctx.corpus, &gs));
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        super::csv::cert_of_file(ctx, path)
    }
}

/// The name of a unit's sheet: its code, unique in the workbook, at most 31 characters, none of
/// the characters a sheet name cannot hold.
fn sheet_name(corpus: &Corpus, key: &ElementKey, taken: &mut Vec<String>) -> String {
    let e = corpus.element(key).expect("checked element");
    let base: String = e
        .code
        .clone()
        .unwrap_or_else(|| key.local.to_string())
        .chars()
        .filter(|c| !"[]:*?/\\'".contains(*c))
        .take(28)
        .collect();
    let base = if base.trim().is_empty() { key.local.to_string() } else { base };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// The workbook of a certification's grids, one sheet per unit.
pub fn workbook(corpus: &Corpus, cert: &CertId, gs: &[Grid]) -> Result<Vec<u8>, XlsxError> {
    let c = corpus.cert(cert).expect("checked certification");
    let mut book = Workbook::new();
    // A fixed date, so that a build writes the same bytes for the same data.
    let props = DocProperties::new()
        .set_title(crate::words::grille::workbook_title(&short_cert(c)))
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    book.set_properties(&props);
    let mut taken = Vec::new();
    for g in gs {
        let name = sheet_name(corpus, &g.unit, &mut taken);
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        sheet_of(corpus, &short_cert(c), g, sheet)?;
    }
    book.save_to_buffer()
}

/// Columns: critère, the three to tick, observations.
const COLS: u16 = 5;

fn sheet_of(corpus: &Corpus, cert: &str, g: &Grid, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let bold = wrap.clone().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(0xE8EEF4);
    let cell = wrap.clone().set_border(FormatBorder::Thin);
    let tick = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let group = bold.clone().set_border(FormatBorder::Thin).set_background_color(0xF3F3F3);
    let note = Format::new()
        .set_text_wrap()
        .set_italic()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_background_color(0xF3F3F3);
    let blank = Format::new().set_border_bottom(FormatBorder::Thin);

    sheet.set_column_width(0, 60)?;
    for col in 1..=3 {
        sheet.set_column_width(col, 13)?;
    }
    sheet.set_column_width(4, 28)?;

    let unit = corpus.element(&g.unit).expect("checked element");
    let mut row: u32 = 0;
    sheet.merge_range(row, 0, row, COLS - 1, crate::words::grille::SHEET_TITLE, &title)?;
    row += 1;
    let field =
        |sheet: &mut Worksheet, row: &mut u32, label: &str, value: &str| -> Result<(), XlsxError> {
            sheet.write_string_with_format(*row, 0, label, &bold)?;
            sheet.merge_range(*row, 1, *row, COLS - 1, value, &wrap)?;
            sheet.set_row_height(*row, height(value, 67))?;
            *row += 1;
            Ok(())
        };
    field(sheet, &mut row, w::CERTIFICATION, cert)?;
    let mut unit_text = format!("{} {}", short_name(corpus, &g.unit), unit.text());
    if g.stands_for_ccp {
        unit_text = format!("{unit_text} ({})", w::STANDS_FOR_CCP);
    }
    field(sheet, &mut row, w::UNITE, &unit_text)?;
    for k in g.assessed_by.iter().chain(&g.evaluations) {
        let e = corpus.element(k).expect("checked element");
        let mut text = format!("{} : {}", short_name(corpus, k), e.text());
        for f in &e.facts {
            text.push_str(&format!(
                " · {} : {}",
                crate::site::pages::element::fact_label(f.name),
                f.cite.text
            ));
        }
        field(sheet, &mut row, w::MODALITES, &text)?;
    }
    for label in [w::CANDIDAT, w::EVALUATEUR, w::DATE] {
        sheet.write_string_with_format(row, 0, label, &bold)?;
        sheet.merge_range(row, 1, row, COLS - 1, "", &blank)?;
        sheet.set_row_height(row, 22)?;
        row += 1;
    }
    row += 1;
    // The header of the table: frozen, repeated on every printed page.
    let header_row = row;
    sheet.write_string_with_format(row, 0, format!("{} / {}", w::COMPETENCE, w::CRITERE), &head)?;
    for (i, t) in w::TICKS.iter().enumerate() {
        sheet.write_string_with_format(row, 1 + i as u16, *t, &head)?;
    }
    sheet.write_string_with_format(row, 4, w::OBSERVATIONS, &head)?;
    sheet.set_row_height(row, 30)?;
    sheet.set_freeze_panes(row + 1, 0)?;
    sheet.set_repeat_rows(row, row)?;
    row += 1;
    let first_tick = row;
    for b in &g.blocks {
        let comp = corpus.element(&b.competence).expect("checked element");
        let name = format!("{} {}", short_name(corpus, &b.competence), comp.text());
        sheet.merge_range(row, 0, row, COLS - 1, &name, &group)?;
        sheet.set_row_height(row, height(&name, 110))?;
        row += 1;
        if !b.covers.is_empty() {
            let names: Vec<String> = b.covers.iter().map(|k| short_name(corpus, k)).collect();
            let shared = w::shared(&short_name(corpus, &b.competence), &names.join(", "));
            sheet.merge_range(row, 0, row, COLS - 1, &shared, &note)?;
            sheet.set_row_height(row, height(&shared, 110))?;
            row += 1;
        }
        if b.criteres.is_empty() {
            sheet.merge_range(row, 0, row, COLS - 1, w::NO_CRITERE, &note)?;
            row += 1;
            sheet.write_string_with_format(row, 0, comp.text(), &cell)?;
            sheet.set_row_height(row, height(comp.text(), 60))?;
            ticks(sheet, row, &tick, &cell)?;
            row += 1;
        }
        for k in &b.criteres {
            let e = corpus.element(k).expect("checked element");
            let text = match &e.code {
                Some(code) if !e.text().starts_with(code.as_str()) => {
                    format!("{code} {}", e.text())
                }
                _ => e.text().to_string(),
            };
            sheet.write_string_with_format(row, 0, &text, &cell)?;
            sheet.set_row_height(row, height(&text, 60))?;
            ticks(sheet, row, &tick, &cell)?;
            row += 1;
        }
    }
    // A tick is an X chosen from a list; anything else is refused.
    if row > first_tick {
        let dv = DataValidation::new()
            .allow_list_strings(&[w::TICK])?
            .set_input_message(crate::words::grille::TICK_HINT)?;
        sheet.add_data_validation(first_tick, 1, row - 1, 3, &dv)?;
    }
    let _ = header_row;
    sheet.set_paper_size(9); // A4
    sheet.set_portrait();
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_print_area(0, 0, row.max(1) - 1, COLS - 1)?;
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_footer("&L&A&RPage &P / &N");
    Ok(())
}

/// The height of a row whose wrapped text is `width` characters wide: a spreadsheet program
/// does not grow a row to fit when it opens a file, so the writer sets it.
fn height(text: &str, width: usize) -> f64 {
    // Average characters per line a little below the column's width in characters.
    let per_line = (width * 9 / 10).max(1);
    let lines: usize = text.split('\n').map(|l| l.chars().count().div_ceil(per_line).max(1)).sum();
    15.0 * lines as f64 + 3.0
}

fn ticks(sheet: &mut Worksheet, row: u32, tick: &Format, cell: &Format) -> Result<(), XlsxError> {
    for col in 1..=3 {
        sheet.write_blank(row, col, tick)?;
    }
    sheet.write_blank(row, 4, cell)?;
    Ok(())
}

/// The CSV table of a certification's grids: one row per critère (or compétence rated as a
/// whole) and unit, the columns to tick left empty.
pub fn csv(corpus: &Corpus, gs: &[Grid]) -> String {
    let field = super::csv::field;
    let mut out = String::from("\u{feff}");
    let mut line = |fields: &[&str]| {
        out.push_str(&fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    line(&CSV_HEADERS);
    for g in gs {
        let unit = short_name(corpus, &g.unit);
        for (b, critere) in g.rows() {
            let comp = corpus.element(&b.competence).expect("checked element");
            let covers: Vec<String> = b.covers.iter().map(|k| k.local.to_string()).collect();
            let (id, text, lines) = match critere {
                Some(k) => {
                    let e = corpus.element(k).expect("checked element");
                    (k.local.as_str(), e.text(), e.cite.lines.to_string())
                }
                None => ("", comp.text(), comp.cite.lines.to_string()),
            };
            line(&[
                g.unit.local.as_str(),
                &unit,
                b.competence.local.as_str(),
                comp.text(),
                id,
                text,
                &covers.join(" "),
                "",
                "",
                "",
                "",
                &lines,
            ]);
        }
    }
    out
}
