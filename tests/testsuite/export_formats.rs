//! The exports of #29 that spreadsheets and learning platforms read, and the JSON contract, on
//! the real data:
//! - the XLSX workbook of each certification reads back with `calamine` and through LibreOffice
//!   headless: cells, codes as text, the frozen header, clickable page links, the status column;
//! - the Open edX taxonomy profile of the CSV passes the rules of Open edX's own importer,
//!   ported from `openedx_tagging` (openedx-learning: `import_export/parsers.py`, `actions.py`,
//!   `models/base.py`, `models/utils.py`);
//! - `referentiel.json` carries its `format` and is valid against its generated JSON Schema, and
//!   the committed schema is the generated one;
//! - outputs are plug-ins: the downloads page names each format by its output's label, and the
//!   `[output.*]` table of `book.toml` is open.

use std::collections::{HashMap, HashSet};
use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;

use crate::harness::{Built, SITE, build_with as build, built, run, tools_python, written};
use calamine::{Data, Reader, Xlsx};
use referentiel::config::{Config, CsvProfile};
use referentiel::outputs::{framework_depth, framework_elements, render_all};
use referentiel::words::xlsx as w;

/// The same with the CSV in Open edX's profile (`[output.csv] profile = "openedx"`).
fn built_openedx() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build(|c| c.output.csv.profile = CsvProfile::Openedx))
}

fn page(cert: &str, local: &str) -> String {
    format!("{SITE}c/{cert}/e/{local}.html")
}

/// The certifications that have framework elements (the others get no workbook).
fn framework_certs(b: &Built) -> Vec<&referentiel::model::Certification> {
    b.corpus.certs.iter().filter(|c| !framework_elements(&b.corpus, &c.id).is_empty()).collect()
}

// ---- XLSX --------------------------------------------------------------------------------------

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

#[test]
fn every_workbook_reads_back_with_calamine_one_row_per_element_codes_as_text() {
    let b = built();
    let certs = framework_certs(b);
    assert!(certs.len() >= 5, "the data has certifications with a framework");
    for c in certs {
        let path = format!("telechargements/xlsx/{}.xlsx", c.id);
        let bytes = b.files.get(&path).unwrap_or_else(|| panic!("{path} was not written"));
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.as_slice())).expect("it opens");
        assert_eq!(book.sheet_names(), vec![w::ELEMENTS.to_string(), w::LINKS.to_string()]);
        let sheet = book.worksheet_range(w::ELEMENTS).expect("the elements' sheet");
        let rows: Vec<&[Data]> = sheet.rows().collect();
        let header: Vec<String> = rows[0].iter().map(cell_text).collect();
        assert_eq!(
            header,
            w::ELEMENT_HEADERS.map(String::from).to_vec(),
            "{}: French headers",
            c.id
        );
        let framework = framework_elements(&b.corpus, &c.id);
        assert_eq!(rows.len() - 1, framework.len(), "{}: one row per element", c.id);
        for (row, e) in rows[1..].iter().zip(&framework) {
            assert_eq!(cell_text(&row[0]), e.key.local.as_str());
            match (&row[1], &e.code) {
                (Data::String(s), Some(code)) => assert_eq!(s, code, "{}: the code", e.key),
                (Data::Empty, None) => {}
                (cell, code) => panic!("{}: code {code:?} written as {cell:?}, not text", e.key),
            }
            assert_eq!(cell_text(&row[2]), e.kind.label());
            assert_eq!(cell_text(&row[3]), e.text(), "{}: the exact text", e.key);
            assert_eq!(cell_text(&row[5]), framework_depth(&b.corpus, e).to_string());
            let status = if e.repair.is_some() { w::REPAIRED_TEXT } else { w::OFFICIAL_TEXT };
            assert_eq!(cell_text(&row[6]), status);
            assert_eq!(cell_text(&row[7]), e.cite.doc.as_str());
            assert_eq!(cell_text(&row[8]), e.cite.lines.to_string());
            assert_eq!(cell_text(&row[9]), page(e.key.cert.as_str(), e.key.local.as_str()));
        }
    }
}

#[test]
fn the_correspondences_sheet_tells_official_curated_and_computed_apart_by_a_column() {
    let b = built();
    let status = referentiel::words::status::Suggested;
    let (mut suggested, mut stated) = (0, 0);
    for c in framework_certs(b) {
        let path = format!("telechargements/xlsx/{}.xlsx", c.id);
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(b.files[&path].as_slice())).unwrap();
        let sheet = book.worksheet_range(w::LINKS).expect("the correspondences' sheet");
        let rows: Vec<&[Data]> = sheet.rows().collect();
        let header: Vec<String> = rows[0].iter().map(cell_text).collect();
        assert_eq!(header, w::LINK_HEADERS.map(String::from).to_vec());
        for row in &rows[1..] {
            let st = cell_text(&row[6]);
            if st == status {
                suggested += 1;
                assert_eq!(cell_text(&row[2]), w::NO_RELATION, "a suggestion claims no relation");
                assert!(
                    matches!(row[7], Data::Float(s) if (0.0..=1.0).contains(&s)),
                    "a suggestion has its score"
                );
            } else {
                stated += 1;
                assert!(
                    [
                        referentiel::words::status::Official,
                        referentiel::words::status::Curated,
                        referentiel::words::status::Inferred
                    ]
                    .contains(&st.as_str()),
                    "{}: status « {st} »",
                    c.id
                );
                assert_eq!(row[7], Data::Empty, "only suggestions have a score");
                assert!(!cell_text(&row[8]).is_empty(), "a stated link names its table");
            }
            assert!(cell_text(&row[10]).starts_with(SITE));
        }
    }
    assert!(suggested > 0 && stated > 0, "both kinds are in the workbooks: {suggested}, {stated}");
}

#[derive(serde::Deserialize)]
struct Sheet {
    name: String,
    frozen: Option<String>,
    rows: Vec<Vec<String>>,
    links: HashMap<String, String>,
}

fn sheets(path: &Path) -> Vec<Sheet> {
    let (ok, out) = run(std::process::Command::new(tools_python())
        .arg("tests/exports/xlsx_sheets.py")
        .arg(path));
    assert!(ok, "{out}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn the_workbooks_keep_their_cells_frozen_header_and_links_through_libreoffice() {
    let b = built();
    let (dir, files) = written(b, "xlsx", "xlsx");
    assert!(
        std::process::Command::new("soffice").arg("--version").output().is_ok(),
        "LibreOffice is not installed: run `bash tests/exports/setup.sh`"
    );
    // LibreOffice opens each workbook and saves it again: what it read is what it writes.
    let resaved = dir.join("libreoffice");
    std::fs::create_dir_all(&resaved).unwrap();
    // A profile of its own: a LibreOffice already running with the default one would take the
    // conversion over (or hold its lock).
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let (ok, said) = run(std::process::Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(&resaved)
        .args(&files));
    assert!(ok, "soffice: {said}");
    for file in &files {
        let cert = file.file_stem().unwrap().to_str().unwrap();
        let framework = framework_elements(
            &b.corpus,
            &b.corpus.certs.iter().find(|c| c.id.as_str() == cert).unwrap().id,
        );
        for (who, path) in
            [("ours", file.clone()), ("LibreOffice", resaved.join(file.file_name().unwrap()))]
        {
            let s = sheets(&path);
            assert_eq!(s[0].name, w::ELEMENTS, "{cert} ({who})");
            // The frozen header is a view setting: LibreOffice without its interface has no view,
            // so its re-saved file has none (measured: `<sheetView>` without `<pane>`); the
            // pane is checked in our file, as a spreadsheet program reads it.
            if who == "ours" {
                for sheet in &s {
                    assert_eq!(
                        sheet.frozen.as_deref(),
                        Some("A2"),
                        "{cert}: the header of {} is frozen",
                        sheet.name
                    );
                }
            }
            let rows = &s[0].rows;
            assert_eq!(rows[0], w::ELEMENT_HEADERS.map(String::from).to_vec(), "{cert} ({who})");
            assert_eq!(rows.len() - 1, framework.len(), "{cert} ({who})");
            for (i, (row, e)) in rows[1..].iter().zip(&framework).enumerate() {
                assert_eq!(
                    row[1],
                    e.code.clone().unwrap_or_default(),
                    "{cert} ({who}): codes stay text"
                );
                assert_eq!(
                    row[3],
                    e.text().replace("\r\n", "\n"),
                    "{cert} ({who}): accents intact"
                );
                let address = page(cert, e.key.local.as_str());
                assert_eq!(
                    s[0].links.get(&format!("J{}", i + 2)),
                    Some(&address),
                    "{cert} ({who}): the page link of {} is clickable",
                    e.key
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

// ---- Open edX taxonomy CSV ---------------------------------------------------------------------

/// A tag as Open edX's importer builds it (`TagItem`).
#[derive(Debug)]
struct Tag {
    id: String,
    value: String,
    parent_id: Option<String>,
}

/// What Open edX's taxonomy import does with a CSV file on an empty taxonomy, ported from
/// openedx_tagging's code: the tags it creates, or its errors (its messages).
///
/// - `CSVParser._load_data`: the bytes are decoded as UTF-8 (strict; a byte-order mark is not
///   removed, so the first header becomes `\u{feff}id`), read by Python's `csv.DictReader`
///   (comma, `"` doubled inside quotes, blank lines skipped); `_verify_header`: `id` and `value`
///   must be headers (« Missing 'id' field on CSV headers »).
/// - `Parser._parse_tags`: rows counted from 2; a missing or empty `id` or `value` is an error
///   for that row; an empty `parent_id` is none; `TagItem(**row)` takes no other field.
/// - `TagImportPlan.generate_actions` on an empty taxonomy: one `CreateTag` per row, whose
///   `validate` refuses an id already created, a value already created (the database's unique
///   index on (taxonomy, value) and (taxonomy, external_id) is case-insensitive:
///   `case_insensitive_char_field`), and a parent not created before the child (« You need to
///   add parent before the child in your file. »).
/// - `Tag`: `value` at most 500 characters, `external_id` at most 255; `Tag.clean`: no leading or
///   trailing space, none of `RESERVED_TAG_CHARS` (a tab, ` > `, `;`) in a value, no tab in an id.
/// - `TAXONOMY_MAX_DEPTH = 3`: a deeper tag is imported but never shown (counted here as an error,
///   since an export is useless if its tags are hidden).
fn openedx_import(bytes: &[u8]) -> Result<Vec<Tag>, Vec<String>> {
    let text = std::str::from_utf8(bytes).map_err(|e| vec![format!("UnicodeDecodeError: {e}")])?;
    let mut r =
        csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let mut headers: Vec<String> =
        r.headers().map_err(|e| vec![e.to_string()])?.iter().map(String::from).collect();
    // The csv crate drops a byte-order mark; Python's reader (utf-8, not utf-8-sig) keeps it in
    // the first header.
    if text.starts_with('\u{feff}')
        && let Some(first) = headers.first_mut()
    {
        first.insert(0, '\u{feff}');
    }
    let missing: Vec<String> = ["id", "value"]
        .iter()
        .filter(|f| !headers.iter().any(|h| h == *f))
        .map(|f| format!("Invalid '.csv' format: Missing '{f}' field on CSV headers"))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut errors = Vec::new();
    let mut tags = Vec::new();
    for (i, record) in r.records().enumerate() {
        let row = i + 2;
        let record = record.map_err(|e| vec![e.to_string()])?;
        if record.iter().all(|f| f.is_empty()) && record.len() <= 1 {
            continue; // DictReader skips a blank line
        }
        let mut fields: HashMap<&str, Option<&str>> = HashMap::new();
        for (k, h) in headers.iter().enumerate() {
            fields.insert(h.as_str(), record.get(k)); // restval None when the row is short
        }
        if record.len() > headers.len() {
            errors.push(format!("row {row}: TagItem() got an unexpected keyword argument None"));
            continue;
        }
        if let Some(other) =
            headers.iter().find(|h| !["id", "value", "parent_id"].contains(&h.as_str()))
        {
            errors
                .push(format!("row {row}: TagItem() got an unexpected keyword argument '{other}'"));
            continue;
        }
        let mut bad = false;
        for f in ["id", "value"] {
            if fields.get(f).copied().flatten().is_none_or(str::is_empty) {
                errors.push(format!("row {row}: Empty '{f}' field on the CSV file"));
                bad = true;
            }
        }
        if bad {
            continue;
        }
        let parent_id = fields.get("parent_id").copied().flatten().filter(|p| !p.is_empty());
        tags.push((
            row,
            Tag {
                id: fields["id"].unwrap().to_string(),
                value: fields["value"].unwrap().to_string(),
                parent_id: parent_id.map(String::from),
            },
        ));
    }
    // The plan: every tag is a creation on an empty taxonomy.
    let mut ids: HashMap<String, usize> = HashMap::new(); // lower-cased id → depth
    let mut values: HashSet<String> = HashSet::new();
    for (row, t) in &tags {
        let at = format!("row {row} (id={})", t.id);
        if ids.contains_key(&t.id.to_lowercase()) {
            errors.push(format!("{at}: Duplicated external_id tag."));
        }
        if !values.insert(t.value.to_lowercase()) {
            errors.push(format!("{at}: Duplicated tag value."));
        }
        let depth = match &t.parent_id {
            None => 0,
            Some(p) => match ids.get(&p.to_lowercase()) {
                Some(d) => d + 1,
                None => {
                    errors.push(format!("{at}: Unknown parent tag ({p}). You need to add parent before the child in your file."));
                    0
                }
            },
        };
        if depth >= 3 {
            errors.push(format!(
                "{at}: level {} of a tag: Open edX shows 3 levels (TAXONOMY_MAX_DEPTH)",
                depth + 1
            ));
        }
        ids.insert(t.id.to_lowercase(), depth);
        if t.value.chars().count() > 500 {
            errors.push(format!("{at}: value longer than 500 characters"));
        }
        if t.id.chars().count() > 255 || t.id.contains('\t') {
            errors.push(format!("{at}: external_id longer than 255 characters or with a tab"));
        }
        if t.value.trim() != t.value {
            errors.push(format!("{at}: leading or trailing whitespace (Tag.clean strips it)"));
        }
        for reserved in ["\t", " > ", ";"] {
            if t.value.contains(reserved) {
                errors.push(format!("{at}: Tags cannot contain a '{reserved}' character."));
            }
        }
    }
    if errors.is_empty() { Ok(tags.into_iter().map(|(_, t)| t).collect()) } else { Err(errors) }
}

#[test]
fn every_openedx_csv_passes_the_ported_open_edx_importer_and_keeps_the_tree() {
    let b = built_openedx();
    let mut checked = 0;
    for c in &b.corpus.certs {
        let path = format!("telechargements/csv/{}.csv", c.id);
        let bytes = b.files.get(&path).unwrap_or_else(|| panic!("{path}"));
        assert!(!bytes.starts_with("\u{feff}".as_bytes()), "{}: no byte-order mark", c.id);
        assert!(bytes.starts_with(b"id,value,parent_id\r\n"), "{}: the three columns, comma", c.id);
        let tags = openedx_import(bytes)
            .unwrap_or_else(|e| panic!("{}: Open edX says:\n{}", c.id, e.join("\n")));
        let framework = framework_elements(&b.corpus, &c.id);
        assert_eq!(tags.len(), framework.len(), "{}: one tag per element", c.id);
        for (t, e) in tags.iter().zip(&framework) {
            assert_eq!(t.id, e.key.local.as_str());
            // The value is the text (on one line, reserved sequences replaced), at most
            // qualified by the code or id.
            let text = referentiel::outputs::csv::openedx_value(e.text(), 0);
            assert!(
                t.value == text
                    || t.value.starts_with(text.trim_end_matches('…').split(" (").next().unwrap()),
                "{}: value « {} » for « {text} »",
                e.key,
                t.value
            );
            // The parent is the element's parent, or its ancestor of level 2 when it is deeper.
            let depth = framework_depth(&b.corpus, e);
            let parent = referentiel::outputs::framework_parent(&b.corpus, e);
            if depth <= 3 {
                assert_eq!(
                    t.parent_id.as_deref(),
                    parent.map(|p| p.key.local.as_str()),
                    "{}",
                    e.key
                );
            } else {
                let mut up = parent.unwrap();
                while framework_depth(&b.corpus, up) > 2 {
                    up = referentiel::outputs::framework_parent(&b.corpus, up).unwrap();
                }
                assert_eq!(t.parent_id.as_deref(), Some(up.key.local.as_str()), "{}", e.key);
            }
        }
        checked += tags.len();
    }
    assert!(checked > 1000, "every certification's tags: {checked}");
}

#[test]
fn the_ported_open_edx_importer_refuses_what_open_edx_refuses() {
    let ok = "id,value,parent_id\r\na,Prospecter,\r\nb,\"Vendre, négocier\",a\r\n";
    assert_eq!(openedx_import(ok.as_bytes()).map(|t| t.len()), Ok(2));
    let bom = format!("\u{feff}{ok}");
    assert_eq!(
        openedx_import(bom.as_bytes()).unwrap_err(),
        vec!["Invalid '.csv' format: Missing 'id' field on CSV headers"],
        "a byte-order mark hides the `id` column"
    );
    for (bad, why) in [
        ("id;value;parent_id\r\na;b;\r\n", "semicolons"),
        ("id,value,parent_id\r\na,,\r\n", "an empty value"),
        ("id,value,parent_id\r\na,X,\r\nb,x,\r\n", "a value twice, whatever the case"),
        ("id,value,parent_id\r\na,X,\r\nA,Y,\r\n", "an id twice"),
        ("id,value,parent_id\r\nb,Y,a\r\na,X,\r\n", "a child before its parent"),
        ("id,value,parent_id\r\na,A,\r\nb,B,a\r\nc,C,b\r\nd,D,c\r\n", "a fourth level"),
        ("id,value,parent_id\r\na,un ; deux,\r\n", "a reserved `;`"),
        ("id,value,parent_id\r\na,un > deux,\r\n", "a reserved ` > `"),
        ("id,value,parent_id,comments\r\na,A,,x\r\n", "an unknown column"),
    ] {
        assert!(openedx_import(bad.as_bytes()).is_err(), "{why} is refused");
    }
    let long = format!("id,value,parent_id\r\na,{},\r\n", "x".repeat(501));
    assert!(openedx_import(long.as_bytes()).is_err(), "a value over 500 characters");
}

#[test]
fn openedx_values_are_on_one_line_without_reserved_sequences_and_within_500_characters() {
    use referentiel::outputs::csv::openedx_value;
    assert_eq!(
        openedx_value("Prospecter ; vendre > acheter\n\tet > fidéliser ", 0),
        "Prospecter , vendre › acheter et › fidéliser"
    );
    let long = "mot ".repeat(200);
    let v = openedx_value(&long, 10);
    assert_eq!(v.chars().count(), 490);
    assert!(v.ends_with('…'));
}

// ---- JSON contract -----------------------------------------------------------------------------

#[test]
fn referentiel_json_carries_its_format_and_is_valid_against_its_generated_schema() {
    let b = built();
    let bytes = &b.files["telechargements/json/referentiel.json"];
    let value: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
    assert_eq!(value["format"], referentiel::outputs::json::FORMAT);
    let schema: serde_json::Value =
        serde_json::from_str(&referentiel::outputs::json::json_schema()).unwrap();
    let validator = jsonschema::options().build(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .take(10)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    // A file that breaks the contract is refused: the schema is not a formality.
    let mut broken = value.clone();
    broken["format"] = "0.9".into();
    assert!(!validator.is_valid(&broken), "another format version");
    let mut broken = value.clone();
    broken["elements"][0]["kind"] = "inconnu".into();
    assert!(!validator.is_valid(&broken), "an unknown kind");
    let mut broken = value;
    broken["elements"][0]["cite"]["lines"] = "12-14".into();
    assert!(!validator.is_valid(&broken), "lines as the data files write them");
}

#[test]
fn the_committed_json_schema_of_the_export_is_the_generated_one() {
    let path = format!("docs/schema/{}.schema.json", referentiel::outputs::json::SCHEMA_NAME);
    let shipped = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(
        shipped == referentiel::outputs::json::json_schema(),
        "{path} is out of date: run `cargo run --release -- schema --out docs/schema`"
    );
}

// ---- outputs as plug-ins -----------------------------------------------------------------------

#[test]
fn the_downloads_page_names_every_format_by_its_outputs_label() {
    let b = built();
    let html = String::from_utf8_lossy(&b.files["telechargements/index.html"]);
    let cfg = Config::read_default();
    for o in referentiel::outputs::all().iter().filter(|o| o.name() != "html") {
        assert!(
            html.contains(&format!("<h2>{}</h2>", o.label(&cfg))),
            "the downloads page names {} « {} »",
            o.name(),
            o.label(&cfg)
        );
    }
    assert!(!html.contains("<h2>Autre"), "no format without a name");
    let cert = String::from_utf8_lossy(&b.files["c/ntc-2018/index.html"]);
    assert!(cert.contains("xlsx/ntc-2018.xlsx"), "the workbooks are listed on their pages");
}

#[test]
fn the_output_table_of_book_toml_is_open_and_a_stray_key_stays_an_error() {
    let dir = std::env::temp_dir().join(format!("referentiel-book-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("book.toml");
    std::fs::write(
        &book,
        "[book]\ntitle = \"T\"\n[output.html]\nsite-url = \"/\"\n[output.mine]\ncommand = \"mine\"\nlabel = \"Le mien\"\n",
    )
    .unwrap();
    let cfg = Config::read(&book).expect("an [output.NAME] of another output is accepted");
    assert_eq!(cfg.output.other["mine"]["label"].as_str(), Some("Le mien"));
    std::fs::write(&book, "[book]\ntitle = \"T\"\n[output]\nbase_iri = \"https://x.fr/\"\n")
        .unwrap();
    assert!(Config::read(&book).is_err(), "a key of [output] that is not a section is refused");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_output_of_book_toml_runs_its_program_on_the_json_and_its_files_are_listed() {
    let section = |text: &str| -> toml::Table { toml::from_str(text).unwrap() };
    let b = build(|c| {
        c.output.other.insert(
            "taille".into(),
            section(
                "command = [\"sh\", \"-c\", \"wc -c > \\\"$REFERENTIEL_DEST/taille.txt\\\"\"]\nlabel = \"Taille du corpus\"\ndescription = \"Le nombre d’octets de referentiel.json.\"\n",
            ),
        );
    });
    let size =
        String::from_utf8_lossy(&b.files["telechargements/taille/taille.txt"]).trim().to_string();
    assert_eq!(
        size,
        b.files["telechargements/json/referentiel.json"].len().to_string(),
        "the program read referentiel.json on its input"
    );
    let html = String::from_utf8_lossy(&b.files["telechargements/index.html"]);
    assert!(html.contains("<h2>Taille du corpus</h2>"), "listed under its own label");
    assert!(html.contains("taille/taille.txt"));

    let corpus = referentiel::load_corpus(Path::new("data")).unwrap();
    let mut cfg = Config::read_default();
    cfg.output.other.insert("casse".into(), section("command = \"sh -c exit\"\n"));
    cfg.output.other.insert(
        "faux".into(),
        section("command = [\"sh\", \"-c\", \"echo 'plus de papier' >&2; exit 3\"]\n"),
    );
    let err = render_all(&corpus, &cfg).err().expect("a failing program fails the build");
    assert!(err.to_string().contains("plus de papier"), "{err}");
    let mut cfg = Config::read_default();
    cfg.output.other.insert("rien".into(), section("label = \"Rien\"\n"));
    let err = render_all(&corpus, &cfg).err().expect("a section without a command");
    assert!(err.to_string().contains("[output.rien]"), "{err}");
}
