//! Evaluation grids (#28): every certifying unit of the five documents — each CCP, unité or bloc
//! that the data links to what it certifies, or each activité type of a REAC without CCP — has a
//! grid page, a sheet of its certification's workbook and rows of its CSV table, and every critère
//! that holds for a compétence it certifies is on all three. The workbook is read back with
//! `calamine`, as a spreadsheet program would read it.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Reader, Xlsx};
use referentiel::fiche::{BlocFiche, Fiche};
use referentiel::graph::Graph;
use referentiel::ids::{CertId, ElementKey};
use referentiel::model::Corpus;
use referentiel::schema::{Kind, Rel};
use referentiel::urls;

const FIVE: [&str; 5] = ["ntc-2018", "ntc-2013", "cc-2017", "bts-nrc", "bts-tc-2006"];

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The HTML's text, tags dropped and the few entities Tera writes decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    normalise(
        &out.replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#x2F;", "/")
            .replace("&amp;", "&"),
    )
}

/// The certifying units of a certification, read from the data: the CCP, unités and blocs that
/// certify something; when there is none, the activités types (a REAC alone).
fn units_from_data(corpus: &Corpus, cert: &CertId) -> Vec<ElementKey> {
    let units: Vec<ElementKey> = corpus
        .elements_of(cert)
        .filter(|e| matches!(e.kind, Kind::Ccp | Kind::Unite | Kind::BlocCompetences))
        .filter(|e| e.links.iter().any(|l| l.rel == Rel::Certifies))
        .map(|e| e.key.clone())
        .collect();
    if !units.is_empty() {
        return units;
    }
    corpus
        .elements_of(cert)
        .filter(|e| e.kind == Kind::ActiviteType)
        .map(|e| e.key.clone())
        .collect()
}

/// Every critère that holds for a compétence the unit certifies (its own, and those printed at
/// a group above it), with the compétences.
fn expected_criteres(corpus: &Corpus, graph: &Graph, unit: &ElementKey) -> Vec<ElementKey> {
    let b = BlocFiche::of(corpus, graph, unit)
        .unwrap_or_else(|| panic!("{unit} certifies compétences"));
    let mut out: Vec<ElementKey> = Vec::new();
    for f in &b.competences {
        let f = Fiche::of(corpus, graph, &f.key).unwrap();
        for k in f.all_criteres() {
            if !out.contains(k) {
                out.push(k.clone());
            }
        }
    }
    out
}

#[test]
fn every_unit_has_a_grid_page_a_sheet_and_csv_rows_holding_each_critère_it_evaluates() {
    let r = crate::harness::rendered();
    let (corpus, graph) = (&r.corpus, &r.graph);
    let pages: HashMap<String, &[u8]> =
        r.pages.iter().map(|(p, b)| (p.clone(), b.as_slice())).collect();
    let (mut units, mut criteres) = (0, 0);
    for cert in FIVE {
        let id = CertId::new(cert);
        let data_units = units_from_data(corpus, &id);
        assert!(!data_units.is_empty(), "{cert} has certifying units");
        let grids = referentiel::grids::grids(corpus, graph, &id);
        let book = referentiel::outputs::grids::workbook(corpus, &id, &grids)
            .expect("the workbook is written");
        let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(book)).expect("the workbook opens");
        let sheets = xlsx.sheet_names().to_vec();
        assert_eq!(sheets.len(), data_units.len(), "{cert}: one sheet per unit, {sheets:?}");
        let csv = referentiel::outputs::grids::csv(corpus, &grids);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> =
            reader.records().map(|r| r.expect("a CSV record")).collect();
        for (i, unit) in data_units.iter().enumerate() {
            units += 1;
            let html =
                pages.get(&urls::grid(unit)).unwrap_or_else(|| panic!("{unit} has a grid page"));
            let page = text_of(std::str::from_utf8(html).unwrap());
            for t in [
                "Acquis",
                "En cours d’acquisition",
                "Non acquis",
                "Observations",
                "Candidat",
                "Évaluateur",
                "Date",
            ] {
                assert!(page.contains(t), "{unit}'s grid shows « {t} »");
            }
            let sheet = xlsx.worksheet_range(&sheets[i]).expect("the unit's sheet");
            let cells: Vec<String> =
                sheet.rows().flat_map(|r| r.iter().map(|c| normalise(&c.to_string()))).collect();
            let expected = expected_criteres(corpus, graph, unit);
            for k in &expected {
                criteres += 1;
                let text = normalise(corpus.element(k).unwrap().text());
                assert!(page.contains(&text), "{unit}'s grid page shows critère {k}: « {text} »");
                assert!(
                    cells.iter().any(|c| c.ends_with(&text)),
                    "{unit}'s sheet « {} » holds critère {k}: « {text} »",
                    sheets[i]
                );
                assert!(
                    rows.iter().any(|r| r[0] == *unit.local.as_str() && r[4] == *k.local.as_str()),
                    "{cert}.csv has {unit} × {k}"
                );
            }
            // The columns to tick, with the header frozen above the critères.
            assert!(
                cells.iter().any(|c| c == "En cours d’acquisition"),
                "{unit}: the sheet has the columns to tick"
            );
        }
    }
    eprintln!("{units} units, {criteres} critères on their grids");
    // 14 units and 258 critères when this was written.
    assert!(units >= 14 && criteres >= 250, "{units} units, {criteres} critères");
}

#[test]
fn a_bts_unit_prints_the_critères_of_the_group_once_for_the_compétences_below_it() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let graph = Graph::build(&corpus);
    let u4 = ElementKey::new(CertId::new("bts-tc-2006"), referentiel::ids::LocalId::new("u4"));
    let g = referentiel::grids::Grid::of(&corpus, &graph, &u4).expect("U4 has a grid");
    let c1 = g
        .blocks
        .iter()
        .find(|b| b.competence.local.as_str() == "c1")
        .expect("C1's critères are a block of U4");
    assert!(c1.covers.iter().any(|k| k.local.as_str() == "c1.1.1"), "they hold for C1.1.1");
    assert_eq!(
        g.blocks.iter().filter(|b| b.competence.local.as_str() == "c1").count(),
        1,
        "printed once"
    );
    assert!(
        g.assessed_by.iter().any(|k| k.local.as_str() == "e4"),
        "E4 validates U4 and gives its modalités"
    );
}

#[test]
fn a_reac_without_ccp_is_graded_by_activité_type_and_says_so() {
    let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
    let graph = Graph::build(&corpus);
    let grids = referentiel::grids::grids(&corpus, &graph, &CertId::new("cc-2017"));
    assert!(!grids.is_empty() && grids.iter().all(|g| g.stands_for_ccp));
    let ntc = referentiel::grids::grids(&corpus, &graph, &CertId::new("ntc-2018"));
    assert!(
        ntc.iter().all(|g| !g.stands_for_ccp && corpus.element(&g.unit).unwrap().kind == Kind::Ccp)
    );
}
