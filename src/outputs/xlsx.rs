//! The `xlsx` output (#29): a workbook per certification, `telechargements/xlsx/<cert>.xlsx`,
//! written with `rust_xlsxwriter` in the grids' style ([`super::grids`]):
//! - sheet « Référentiel »: one row per framework element ([`super::is_framework`]), the columns
//!   of the CSV export with French headers, the text's status (official, or official with its
//!   layout repaired) and the element's page;
//! - sheet « Correspondances »: every correspondence of its elements ([`super::correspondents`])
//!   with its status (official, curated, inferred, computed suggestion) and, for a suggestion,
//!   its score.
//!
//! Headers are frozen and filterable, codes are text cells (`1.1` stays `1.1`), long texts wrap
//! in wide columns, and page addresses are hyperlinks when the export base is a web address
//! (`https://…`); a `urn:` base is written as text (no program opens it).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Url, Workbook, Worksheet, XlsxError,
};

use crate::build::{DOWNLOADS_DIR, Files, Output, RenderContext, RenderError};
use crate::config::Config;
use crate::ids::CertId;
use crate::present::short_cert;
use crate::urls;
use crate::words::xlsx as w;

use super::{framework_depth, framework_elements, framework_parent};

pub struct Xlsx;

impl Output for Xlsx {
    fn name(&self) -> &str {
        "xlsx"
    }
    fn label(&self, _: &Config) -> &str {
        crate::words::outputs::XLSX.0
    }
    fn description(&self, _: &Config) -> &str {
        crate::words::outputs::XLSX.1
    }
    fn enabled(&self, config: &Config) -> bool {
        config.output.xlsx.enable
    }
    fn render(&self, ctx: &RenderContext, out: &mut Files) -> Result<(), RenderError> {
        for c in ctx.certs() {
            if framework_elements(ctx.corpus, &c.id).is_empty() {
                continue;
            }
            let book = workbook(ctx, &c.id)
                .map_err(|source| super::Error::Workbook { cert: c.id.clone(), source })?;
            out.add(format!("{DOWNLOADS_DIR}/xlsx/{}.xlsx", c.id), book);
        }
        Ok(())
    }
    fn certs_of(&self, ctx: &RenderContext, path: &str) -> Vec<CertId> {
        super::csv::cert_of_file(ctx, path)
    }
}

/// Column widths in characters, by column, for the elements' sheet.
const ELEMENT_WIDTHS: [f64; 10] = [16.0, 10.0, 16.0, 80.0, 12.0, 8.0, 16.0, 16.0, 9.0, 50.0];
/// …and for the correspondences' sheet.
const LINK_WIDTHS: [f64; 11] = [10.0, 60.0, 22.0, 28.0, 10.0, 60.0, 26.0, 7.0, 24.0, 50.0, 50.0];

struct Formats {
    head: Format,
    text: Format,
    wrap: Format,
    link: Format,
    score: Format,
}

fn formats() -> Formats {
    let top = Format::new().set_align(FormatAlign::Top);
    Formats {
        head: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(0xE8EEF4),
        // `@`: the cell is text, whatever it looks like (a code `1.1`).
        text: top.clone().set_num_format("@"),
        wrap: top.clone().set_text_wrap(),
        link: top
            .clone()
            .set_font_color(0x0563C1)
            .set_underline(rust_xlsxwriter::FormatUnderline::Single),
        score: top.set_num_format("0.00"),
    }
}

/// The workbook of one certification.
pub fn workbook(ctx: &RenderContext, cert: &CertId) -> Result<Vec<u8>, XlsxError> {
    let c = ctx.corpus.cert(cert).expect("checked certification");
    let mut book = Workbook::new();
    // A fixed date, so that a build writes the same bytes for the same data.
    let props = DocProperties::new()
        .set_title(w::title(&short_cert(c)))
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    book.set_properties(&props);
    let f = formats();
    elements_sheet(ctx, cert, book.add_worksheet(), &f)?;
    links_sheet(ctx, cert, book.add_worksheet(), &f)?;
    book.save_to_buffer()
}

/// The header row, frozen, with an autofilter over `rows` rows below it.
fn header(
    sheet: &mut Worksheet,
    headers: &[&str],
    widths: &[f64],
    rows: u32,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (i, (h, width)) in headers.iter().zip(widths).enumerate() {
        let col = i as u16;
        sheet.write_string_with_format(0, col, *h, &f.head)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows, headers.len() as u16 - 1)?;
    Ok(())
}

/// A page's address: a hyperlink when it is a web address, else text.
fn address(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    addr: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    if addr.starts_with("http://") || addr.starts_with("https://") {
        sheet.write_url_with_format(row, col, Url::new(addr), &f.link)?;
    } else {
        sheet.write_string_with_format(row, col, addr, &f.text)?;
    }
    Ok(())
}

fn elements_sheet(
    ctx: &RenderContext,
    cert: &CertId,
    sheet: &mut Worksheet,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(w::ELEMENTS)?;
    let elements = framework_elements(ctx.corpus, cert);
    header(sheet, &w::ELEMENT_HEADERS, &ELEMENT_WIDTHS, elements.len() as u32, f)?;
    for (i, e) in elements.iter().enumerate() {
        let row = i as u32 + 1;
        let parent = framework_parent(ctx.corpus, e);
        let parent_code = parent.map(|p| p.code.clone().unwrap_or_else(|| p.key.local.to_string()));
        sheet.write_string_with_format(row, 0, e.key.local.as_str(), &f.text)?;
        sheet.write_string_with_format(row, 1, e.code.as_deref().unwrap_or(""), &f.text)?;
        sheet.write_string_with_format(row, 2, e.kind.label(), &f.text)?;
        sheet.write_string_with_format(row, 3, e.text(), &f.wrap)?;
        sheet.write_string_with_format(row, 4, parent_code.as_deref().unwrap_or(""), &f.text)?;
        sheet.write_number_with_format(row, 5, framework_depth(ctx.corpus, e) as f64, &f.wrap)?;
        let status = if e.repair.is_some() { w::REPAIRED_TEXT } else { w::OFFICIAL_TEXT };
        sheet.write_string_with_format(row, 6, status, &f.text)?;
        sheet.write_string_with_format(row, 7, e.cite.doc.as_str(), &f.text)?;
        sheet.write_string_with_format(row, 8, e.cite.lines.to_string(), &f.text)?;
        address(sheet, row, 9, &ctx.address(&urls::element(&e.key)), f)?;
    }
    Ok(())
}

fn links_sheet(
    ctx: &RenderContext,
    cert: &CertId,
    sheet: &mut Worksheet,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(w::LINKS)?;
    let links = super::correspondents(ctx, cert);
    header(sheet, &w::LINK_HEADERS, &LINK_WIDTHS, links.len().max(1) as u32, f)?;
    let code =
        |e: &crate::model::Element| e.code.clone().unwrap_or_else(|| e.key.local.to_string());
    for (i, l) in links.iter().enumerate() {
        let row = i as u32 + 1;
        let other = ctx.corpus.cert(&l.there.key.cert).map(short_cert).unwrap_or_default();
        sheet.write_string_with_format(row, 0, code(l.here), &f.text)?;
        sheet.write_string_with_format(row, 1, l.here.text(), &f.wrap)?;
        let relation = l.relation.map_or(w::NO_RELATION, |r| r.label());
        sheet.write_string_with_format(row, 2, relation, &f.wrap)?;
        sheet.write_string_with_format(row, 3, &other, &f.wrap)?;
        sheet.write_string_with_format(row, 4, code(l.there), &f.text)?;
        sheet.write_string_with_format(row, 5, l.there.text(), &f.wrap)?;
        sheet.write_string_with_format(row, 6, l.status.label(), &f.wrap)?;
        if let Some(score) = l.score {
            sheet.write_number_with_format(row, 7, score, &f.score)?;
        }
        sheet.write_string_with_format(
            row,
            8,
            l.table.as_ref().map_or("", |t| t.as_str()),
            &f.text,
        )?;
        address(sheet, row, 9, &ctx.address(&urls::element(&l.here.key)), f)?;
        address(sheet, row, 10, &ctx.address(&urls::element(&l.there.key)), f)?;
    }
    Ok(())
}
