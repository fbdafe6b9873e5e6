//! The exports, on the real data: every CASE package is valid against the official CASE 1.1
//! schema, every SKOS file parses as Turtle, every SSSOM and CSV file reads back; each carries
//! exactly the framework elements of its certification ([`referentiel::outputs::is_framework`])
//! and every official correspondence.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use referentiel::config::Config;
use referentiel::ids::CertId;
use referentiel::model::Corpus;
use referentiel::outputs::{framework_elements, render_all};
use referentiel::schema::CorrespondenceStatus;

struct Built {
    corpus: Corpus,
    files: BTreeMap<String, Vec<u8>>,
}

/// One build of data/ for every test (an absolute site address, as a publisher would give).
fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
        let mut cfg = Config::read_default();
        cfg.output.html.site_url = "https://example.org/referentiel/".into();
        let (files, _) = render_all(&corpus, &cfg).expect("build");
        let files = files.files.into_iter().map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), b)).collect();
        Built { corpus, files }
    })
}

fn file<'a>(b: &'a Built, path: &str) -> &'a [u8] {
    b.files.get(path).unwrap_or_else(|| panic!("{path} was not written"))
}

/// Official pairs as (element, element) keys, both written as `cert/local`.
fn official_pairs(corpus: &Corpus) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in corpus.correspondences.iter().filter(|t| t.status == CorrespondenceStatus::Official) {
        for p in &t.pairs {
            for a in &p.from {
                for b in &p.to {
                    out.push((a.to_string(), b.to_string()));
                }
            }
        }
    }
    assert!(!out.is_empty(), "the data has official correspondences");
    out
}

fn page(key: &str) -> String {
    let (cert, local) = key.split_once('/').unwrap();
    format!("https://example.org/referentiel/c/{cert}/e/{local}.html")
}

#[test]
fn every_case_package_is_valid_and_holds_the_framework_and_the_official_correspondences() {
    let b = built();
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string("tests/schemas/case-v1p1-cfpackage.schema.json").unwrap()).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles");
    let mut links: HashSet<(String, String)> = HashSet::new();
    let mut ids: HashSet<String> = HashSet::new();
    for c in &b.corpus.certs {
        let pkg: serde_json::Value = serde_json::from_slice(file(b, &format!("telechargements/case/{}.json", c.id))).unwrap();
        let errors: Vec<String> = validator.iter_errors(&pkg).take(5).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", c.id);
        let mut broken = pkg.clone();
        broken["CFDocument"].as_object_mut().unwrap().remove("creator");
        assert!(!validator.is_valid(&broken), "the schema rejects a document without its creator");
        let items = pkg["CFItems"].as_array().unwrap();
        assert_eq!(items.len(), framework_elements(&b.corpus, &c.id).len(), "{}: one CFItem per framework element", c.id);
        for i in items {
            assert!(ids.insert(i["identifier"].as_str().unwrap().to_string()), "identifiers are unique across packages");
        }
        let assoc = pkg["CFAssociations"].as_array().unwrap();
        let children = assoc.iter().filter(|a| a["associationType"] == "isChildOf").count();
        assert_eq!(children, items.len(), "{}: every item has its place in the tree", c.id);
        for a in assoc.iter().filter(|a| a["associationType"] != "isChildOf") {
            links.insert((a["originNodeURI"]["uri"].as_str().unwrap().into(), a["destinationNodeURI"]["uri"].as_str().unwrap().into()));
        }
    }
    for (a, z) in official_pairs(&b.corpus) {
        assert!(links.contains(&(page(&a), page(&z))) || links.contains(&(page(&z), page(&a))), "official {a} → {z} is an association");
    }
}

#[test]
fn case_identifiers_are_the_same_at_every_build() {
    let b = built();
    let corpus = &b.corpus;
    let mut cfg = Config::read_default();
    cfg.output.html.site_url = "https://example.org/referentiel/".into();
    let (again, _) = render_all(corpus, &cfg).unwrap();
    for (p, bytes) in again.files.iter().filter(|(p, _)| p.starts_with("telechargements")) {
        assert!(b.files[&p.to_string_lossy().to_string()] == *bytes, "{} differs between two builds", p.display());
    }
}

#[test]
fn every_skos_file_parses_with_one_concept_per_framework_element_and_the_official_mappings() {
    use oxttl::TurtleParser;
    let b = built();
    let mut mappings: HashSet<(String, String)> = HashSet::new();
    for c in &b.corpus.certs {
        let path = format!("telechargements/skos/{}.ttl", c.id);
        let mut concepts = BTreeSet::new();
        let mut labels = 0;
        let mut broader = 0;
        for t in TurtleParser::new().with_base_iri(format!("https://example.org/referentiel/{path}")).unwrap().for_slice(file(b, &path)) {
            let t = t.unwrap_or_else(|e| panic!("{path}: {e}"));
            let (s, p, o) = (t.subject.to_string(), t.predicate.as_str().to_string(), t.object.to_string());
            match p.as_str() {
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" if o == "<http://www.w3.org/2004/02/skos/core#Concept>" => {
                    concepts.insert(s);
                }
                "http://www.w3.org/2004/02/skos/core#prefLabel" => {
                    assert!(o.ends_with("@fr"), "labels are French: {o}");
                    labels += 1;
                }
                "http://www.w3.org/2004/02/skos/core#broader" => broader += 1,
                p if p.starts_with("http://www.w3.org/2004/02/skos/core#") && p.ends_with("Match") => {
                    mappings.insert((s.trim_matches(['<', '>']).into(), o.trim_matches(['<', '>']).into()));
                }
                _ => {}
            }
        }
        let framework = framework_elements(&b.corpus, &c.id);
        assert_eq!(concepts.len(), framework.len(), "{}: one concept per framework element", c.id);
        assert_eq!(labels, framework.len(), "{}: one prefLabel per concept", c.id);
        let with_parent = framework.iter().filter(|e| referentiel::outputs::framework_parent(&b.corpus, e).is_some()).count();
        assert_eq!(broader, with_parent, "{}: skos:broader for every concept under another", c.id);
    }
    for (a, z) in official_pairs(&b.corpus) {
        assert!(mappings.contains(&(page(&a), page(&z))), "official {a} → {z} is a mapping relation");
        assert!(mappings.contains(&(page(&z), page(&a))), "and the other way round, in the other scheme");
    }
}

/// The rows of an SSSOM file, after checking its YAML header.
fn sssom_rows(path: &str, bytes: &[u8]) -> Vec<csv::StringRecord> {
    let text = std::str::from_utf8(bytes).unwrap();
    let header: String = text.lines().take_while(|l| l.starts_with('#')).map(|l| format!("{}\n", &l[1..])).collect();
    for key in ["curie_map:", "mapping_set_id:", "license:"] {
        assert!(header.contains(key), "{path}: the header has {key}");
    }
    let table: String = text.lines().skip_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    let mut r = csv::ReaderBuilder::new().delimiter(b'\t').quoting(false).from_reader(table.as_bytes());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), referentiel::outputs::sssom::COLUMNS.to_vec(), "{path}");
    r.records().map(|x| x.unwrap_or_else(|e| panic!("{path}: {e}"))).collect()
}

#[test]
fn every_sssom_file_reads_back_and_every_official_pair_is_a_curated_row() {
    let b = built();
    let curie = |k: &str| {
        let (c, l) = k.split_once('/').unwrap();
        format!("{c}:{l}.html")
    };
    let mut n = 0;
    let mut official: HashSet<(String, String)> = HashSet::new();
    for (path, bytes) in b.files.iter().filter(|(p, _)| p.ends_with(".sssom.tsv")) {
        n += 1;
        for row in sssom_rows(path, bytes) {
            assert!(row[2].starts_with("skos:") || row[2].starts_with("dcterms:"), "{path}: predicate {}", &row[2]);
            let justification = &row[5];
            if row[9].starts_with("correspondance officielle") {
                assert_eq!(justification, "semapv:ManualMappingCuration");
                official.insert((row[0].to_string(), row[3].to_string()));
            } else if row[9].starts_with("suggestion") {
                assert_eq!(justification, "semapv:LexicalMatching");
                let c: f64 = row[6].parse().unwrap();
                assert!((0.0..=1.0).contains(&c), "{path}: confidence {c}");
            }
        }
    }
    assert_eq!(n, b.corpus.correspondences.len() + referentiel::crosswalk::crosswalk_pairs(&b.corpus).len(), "one file per table and per crosswalk");
    for (a, z) in official_pairs(&b.corpus) {
        assert!(official.contains(&(curie(&a), curie(&z))) || official.contains(&(curie(&z), curie(&a))), "official {a} → {z} is a row");
    }
}

#[test]
fn every_csv_file_reads_back_with_one_row_per_framework_element() {
    let b = built();
    let mut rows_by_key: HashSet<String> = HashSet::new();
    for c in &b.corpus.certs {
        let bytes = file(b, &format!("telechargements/csv/{}.csv", c.id));
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "{}: UTF-8 with a byte-order mark", c.id);
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), referentiel::outputs::csv::HEADERS.to_vec());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        let framework = framework_elements(&b.corpus, &c.id);
        assert_eq!(rows.len(), framework.len(), "{}: one row per framework element", c.id);
        for (row, e) in rows.iter().zip(&framework) {
            assert_eq!(&row[0], e.key.local.as_str());
            assert_eq!(&row[3], e.text(), "texts are exact, quotes and commas included");
            assert_eq!(row[9].to_string(), page(&e.key.to_string()));
            rows_by_key.insert(e.key.to_string());
        }
    }
    for (a, z) in official_pairs(&b.corpus) {
        assert!(rows_by_key.contains(&a) && rows_by_key.contains(&z), "both sides of official {a} → {z} are rows");
    }
}

#[test]
fn the_downloads_page_lists_every_file_and_each_certification_links_its_own() {
    let b = built();
    let downloads = std::str::from_utf8(file(b, "telechargements/index.html")).unwrap();
    let exports: Vec<&String> = b.files.keys().filter(|p| p.starts_with("telechargements/") && !p.ends_with(".html")).collect();
    assert!(exports.len() > 30);
    for p in &exports {
        let name = p.strip_prefix("telechargements/").unwrap();
        assert!(downloads.contains(&format!("href=\"../telechargements/{name}\"")), "the downloads page links {name}");
    }
    let ntc: CertId = b.corpus.certs.iter().find(|c| c.id.as_str() == "ntc-2018").unwrap().id.clone();
    let page = std::str::from_utf8(file(b, &format!("c/{ntc}/index.html"))).unwrap();
    for ext in ["case/ntc-2018.json", "skos/ntc-2018.ttl", "csv/ntc-2018.csv", "sssom/ntc-2013-2018.sssom.tsv"] {
        assert!(page.contains(&format!("../../telechargements/{ext}")), "the certification page links {ext}");
    }
}

#[test]
fn a_disabled_output_writes_nothing() {
    let b = built();
    let mut cfg = Config::read_default();
    cfg.output.skos.enable = false;
    cfg.output.html.enable = false;
    let (files, report) = render_all(&b.corpus, &cfg).unwrap();
    assert!(files.files.iter().all(|(p, _)| !p.starts_with("telechargements/skos") && p.extension().is_none_or(|e| e != "html")));
    assert!(report.by_output.iter().all(|(n, _, _)| n != "skos" && n != "html"));
}
