//! The exports, on the real data: every CASE package is valid against the official CASE 1.1
//! schema, every SKOS file parses as Turtle, every SSSOM and CSV file reads back; each carries
//! exactly the framework elements of its certification ([`referentiel::outputs::is_framework`])
//! and every official correspondence.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use crate::harness::{Built, built, run, tools_python, written};
use referentiel::config::Config;
use referentiel::ids::CertId;
use referentiel::model::Corpus;
use referentiel::outputs::{framework_elements, render_all};
use referentiel::schema::CorrespondenceStatus;

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
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/case-v1p1-cfpackage.schema.json").unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let mut links: HashSet<(String, String)> = HashSet::new();
    let mut ids: HashSet<String> = HashSet::new();
    for c in &b.corpus.certs {
        let pkg: serde_json::Value =
            serde_json::from_slice(file(b, &format!("telechargements/case/{}.json", c.id)))
                .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&pkg)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", c.id);
        let mut broken = pkg.clone();
        broken["CFDocument"].as_object_mut().unwrap().remove("creator");
        assert!(!validator.is_valid(&broken), "the schema rejects a document without its creator");
        let items = pkg["CFItems"].as_array().unwrap();
        assert_eq!(
            items.len(),
            framework_elements(&b.corpus, &c.id).len(),
            "{}: one CFItem per framework element",
            c.id
        );
        for i in items {
            assert!(
                ids.insert(i["identifier"].as_str().unwrap().to_string()),
                "identifiers are unique across packages"
            );
        }
        let assoc = pkg["CFAssociations"].as_array().unwrap();
        let children = assoc.iter().filter(|a| a["associationType"] == "isChildOf").count();
        assert_eq!(children, items.len(), "{}: every item has its place in the tree", c.id);
        for a in assoc.iter().filter(|a| a["associationType"] != "isChildOf") {
            links.insert((
                a["originNodeURI"]["uri"].as_str().unwrap().into(),
                a["destinationNodeURI"]["uri"].as_str().unwrap().into(),
            ));
        }
    }
    for (a, z) in official_pairs(&b.corpus) {
        assert!(
            links.contains(&(page(&a), page(&z))) || links.contains(&(page(&z), page(&a))),
            "official {a} → {z} is an association"
        );
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
        assert!(
            b.files[&p.to_string_lossy().to_string()] == *bytes,
            "{} differs between two builds",
            p.display()
        );
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
        for t in TurtleParser::new()
            .with_base_iri(format!("https://example.org/referentiel/{path}"))
            .unwrap()
            .for_slice(file(b, &path))
        {
            let t = t.unwrap_or_else(|e| panic!("{path}: {e}"));
            let (s, p, o) =
                (t.subject.to_string(), t.predicate.as_str().to_string(), t.object.to_string());
            match p.as_str() {
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
                    if o == "<http://www.w3.org/2004/02/skos/core#Concept>" =>
                {
                    concepts.insert(s);
                }
                "http://www.w3.org/2004/02/skos/core#prefLabel" => {
                    assert!(o.ends_with("@fr"), "labels are French: {o}");
                    labels += 1;
                }
                "http://www.w3.org/2004/02/skos/core#broader" => broader += 1,
                p if p.starts_with("http://www.w3.org/2004/02/skos/core#")
                    && p.ends_with("Match") =>
                {
                    mappings.insert((
                        s.trim_matches(['<', '>']).into(),
                        o.trim_matches(['<', '>']).into(),
                    ));
                }
                _ => {}
            }
        }
        let framework = framework_elements(&b.corpus, &c.id);
        assert_eq!(concepts.len(), framework.len(), "{}: one concept per framework element", c.id);
        assert_eq!(
            labels,
            framework.len() + 1,
            "{}: one prefLabel per concept, and the scheme's",
            c.id
        );
        let with_parent = framework
            .iter()
            .filter(|e| referentiel::outputs::framework_parent(&b.corpus, e).is_some())
            .count();
        assert_eq!(broader, with_parent, "{}: skos:broader for every concept under another", c.id);
    }
    for (a, z) in official_pairs(&b.corpus) {
        assert!(
            mappings.contains(&(page(&a), page(&z))),
            "official {a} → {z} is a mapping relation"
        );
        assert!(
            mappings.contains(&(page(&z), page(&a))),
            "and the other way round, in the other scheme"
        );
    }
}

/// The rows of an SSSOM file, after checking its YAML header.
fn sssom_rows(path: &str, bytes: &[u8]) -> Vec<csv::StringRecord> {
    let text = std::str::from_utf8(bytes).unwrap();
    let header: String =
        text.lines().take_while(|l| l.starts_with('#')).map(|l| format!("{}\n", &l[1..])).collect();
    for key in ["curie_map:", "mapping_set_id:", "license:"] {
        assert!(header.contains(key), "{path}: the header has {key}");
    }
    let table: String =
        text.lines().skip_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    let mut r =
        csv::ReaderBuilder::new().delimiter(b'\t').quoting(false).from_reader(table.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        referentiel::outputs::sssom::COLUMNS.to_vec(),
        "{path}"
    );
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
            assert!(
                row[2].starts_with("skos:") || row[2].starts_with("dcterms:"),
                "{path}: predicate {}",
                &row[2]
            );
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
    assert_eq!(
        n,
        b.corpus.correspondences.len() + referentiel::crosswalk::crosswalk_pairs(&b.corpus).len(),
        "one file per table and per crosswalk"
    );
    for (a, z) in official_pairs(&b.corpus) {
        assert!(
            official.contains(&(curie(&a), curie(&z)))
                || official.contains(&(curie(&z), curie(&a))),
            "official {a} → {z} is a row"
        );
    }
}

#[test]
fn every_csv_file_reads_back_with_one_row_per_framework_element() {
    let b = built();
    let mut rows_by_key: HashSet<String> = HashSet::new();
    for c in &b.corpus.certs {
        let bytes = file(b, &format!("telechargements/csv/{}.csv", c.id));
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "{}: UTF-8 with a byte-order mark", c.id);
        let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
        assert_eq!(
            r.headers().unwrap().iter().collect::<Vec<_>>(),
            referentiel::outputs::csv::HEADERS.to_vec()
        );
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        let framework = framework_elements(&b.corpus, &c.id);
        assert_eq!(rows.len(), framework.len(), "{}: one row per framework element", c.id);
        for (row, e) in rows.iter().zip(&framework) {
            assert_eq!(&row[0], e.key.local.as_str());
            assert_eq!(
                &row[3],
                referentiel::outputs::csv::neutralise(e.text()),
                "texts are exact, quotes and commas included"
            );
            assert_eq!(row[9].to_string(), page(&e.key.to_string()));
            rows_by_key.insert(e.key.to_string());
        }
    }
    for (a, z) in official_pairs(&b.corpus) {
        assert!(
            rows_by_key.contains(&a) && rows_by_key.contains(&z),
            "both sides of official {a} → {z} are rows"
        );
    }
}

#[test]
fn every_file_is_linked_from_the_downloads_page_or_its_certifications_pages() {
    // #32: the downloads page lists the files about the whole corpus, and the certifications
    // (paginated); a certification's own files are on its page.
    let b = built();
    let downloads = std::str::from_utf8(file(b, "telechargements/index.html")).unwrap();
    let cert_pages: Vec<&str> = b
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("c/") && p.ends_with("/index.html"))
        .map(|(_, h)| std::str::from_utf8(h).unwrap())
        .collect();
    let exports: Vec<&String> = b
        .files
        .keys()
        .filter(|p| p.starts_with("telechargements/") && !p.ends_with(".html"))
        .collect();
    assert!(exports.len() > 30);
    for p in &exports {
        let name = p.strip_prefix("telechargements/").unwrap();
        assert!(
            downloads.contains(&format!("href=\"../telechargements/{name}\""))
                || cert_pages
                    .iter()
                    .any(|h| h.contains(&format!("href=\"../../telechargements/{name}\""))),
            "the downloads page or a certification's page links {name}"
        );
    }
    assert!(downloads.contains("href=\"../telechargements/json/referentiel.json\""));
    for c in b.corpus.certs.iter().filter(|c| !c.only_named) {
        assert!(
            downloads.contains(&format!("href=\"../c/{}/index.html#telechargements\"", c.id)),
            "the downloads page leads to {}'s files",
            c.id
        );
    }
    let ntc: CertId =
        b.corpus.certs.iter().find(|c| c.id.as_str() == "ntc-2018").unwrap().id.clone();
    let page = std::str::from_utf8(file(b, &format!("c/{ntc}/index.html"))).unwrap();
    for ext in [
        "case/ntc-2018.json",
        "skos/ntc-2018.ttl",
        "csv/ntc-2018.csv",
        "sssom/ntc-2013-2018.sssom.tsv",
    ] {
        assert!(
            page.contains(&format!("../../telechargements/{ext}")),
            "the certification page links {ext}"
        );
    }
}

#[test]
fn a_disabled_output_writes_nothing() {
    let b = built();
    let mut cfg = Config::read_default();
    cfg.output.skos.enable = false;
    cfg.output.html.enable = false;
    let (files, report) = render_all(&b.corpus, &cfg).unwrap();
    assert!(files.files.iter().all(|(p, _)| !p.starts_with("telechargements/skos")
        && p.extension().is_none_or(|e| e != "html")));
    assert!(report.by_output.iter().all(|(n, _, _)| n != "skos" && n != "html"));
}

// ---- issue #29: exports that the tools people use accept -------------------------------------

/// One build of data/ with the repository's own `book.toml` (its `site-url` is `/`: the exports
/// fall back on the documented base `urn:referentiel:`).
fn built_with_book() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let corpus = referentiel::load_corpus(Path::new("data")).expect("clean data");
        let cfg = Config::read(Path::new("book.toml")).expect("book.toml");
        let (files, _) = render_all(&corpus, &cfg).expect("build");
        let files = files
            .files
            .into_iter()
            .map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), b))
            .collect();
        Built { corpus, files }
    })
}

fn exports(b: &Built) -> impl Iterator<Item = (&String, &Vec<u8>)> {
    b.files.iter().filter(|(p, _)| p.starts_with("telechargements/") && !p.ends_with(".html"))
}

#[test]
fn with_the_repositorys_book_toml_no_export_holds_a_relative_address() {
    let b = built_with_book();
    let base = referentiel::config::DEFAULT_BASE_IRI;
    let mut checked = 0;
    for (path, bytes) in exports(b) {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("<../")
                && !text.contains("\"/c/")
                && !text.contains(": /")
                && !text.contains(";/c/"),
            "{path}: a relative address"
        );
        let mut needles: Vec<String> =
            b.corpus.certs.iter().map(|c| format!("c/{}/", c.id)).collect();
        needles.extend(["telechargements/", "sources/", "ims/case/"].map(String::from));
        for n in &needles {
            for (i, _) in text.match_indices(n.as_str()) {
                // Inside a longer address (`…/c/x/`) or our own words, not a page path.
                if text[..i].ends_with(|c: char| {
                    c.is_alphanumeric() || c == '-' || c == '/' && !text[..i].ends_with(base)
                }) && !text[..i].ends_with(base)
                {
                    continue;
                }
                assert!(
                    text[..i].ends_with(base),
                    "{path}: « {} » is not joined to the base {base}",
                    &text[i..(i + 40).min(text.len())]
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "the scan saw the addresses ({checked})");
}

/// The official CASE 1.1 schema with `format: uri` on every field whose origin is `AnyURI` (the
/// official file types them as plain strings; OpenSALT's validator checks them for a scheme).
fn case_schema_with_uri_formats() -> serde_json::Value {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                if m.get("$comment")
                    .and_then(|c| c.as_str())
                    .is_some_and(|c| c.starts_with("Origin: AnyURI"))
                    && m.get("type") == Some(&serde_json::json!("string"))
                {
                    m.insert("format".into(), serde_json::json!("uri"));
                }
                m.values_mut().for_each(walk);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/case-v1p1-cfpackage.schema.json").unwrap(),
    )
    .unwrap();
    walk(&mut schema);
    schema
}

#[test]
fn case_packages_pass_the_official_schema_with_uri_uuid_and_date_time_formats_asserted() {
    let b = built_with_book();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&case_schema_with_uri_formats())
        .expect("the schema compiles");
    let mut association_ids: HashMap<String, String> = HashMap::new();
    let mut association_uris: HashSet<String> = HashSet::new();
    let mut packages = BTreeMap::new();
    for c in &b.corpus.certs {
        let pkg: serde_json::Value =
            serde_json::from_slice(file(b, &format!("telechargements/case/{}.json", c.id)))
                .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&pkg)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", c.id);
        let mut relative = pkg.clone();
        relative["CFDocument"]["uri"] = serde_json::json!("/c/x/index.html");
        assert!(
            !validator.is_valid(&relative),
            "the uri format is asserted: a relative uri is refused"
        );
        let types: HashSet<&str> = pkg["CFDefinitions"]["CFItemTypes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["identifier"].as_str().unwrap())
            .collect();
        for i in pkg["CFItems"].as_array().unwrap() {
            assert!(
                types.contains(i["CFItemTypeURI"]["identifier"].as_str().unwrap()),
                "{}: every item's type is defined",
                c.id
            );
        }
        for a in pkg["CFAssociations"].as_array().unwrap() {
            let id = a["identifier"].as_str().unwrap().to_string();
            if let Some(other) = association_ids.insert(id.clone(), c.id.to_string()) {
                panic!("association {id} is in two packages: {other} and {}", c.id);
            }
            assert!(
                association_uris.insert(a["uri"].as_str().unwrap().to_string()),
                "{}: association uris are unique",
                c.id
            );
        }
        packages.insert(c.id.to_string(), pkg);
    }
    // The version succession: NTC 2013 is replaced by NTC 2018, document and paired items.
    let ntc13 = &packages["ntc-2013"]["CFAssociations"];
    let replaced: Vec<&serde_json::Value> =
        ntc13.as_array().unwrap().iter().filter(|a| a["associationType"] == "replacedBy").collect();
    assert!(
        replaced
            .iter()
            .any(|a| a["destinationNodeURI"]["uri"] == "urn:referentiel:c/ntc-2018/index.html"),
        "the 2013 document is replacedBy the 2018 one"
    );
    assert!(replaced.len() > 1, "and its items the 2018 items the official table pairs");
}

#[test]
fn case_1_0_packages_pass_the_case_1_0_openapi_definitions() {
    let b = built_with_book();
    let api: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/case-v1p0-openapi2.json").unwrap(),
    )
    .unwrap();
    let schema = serde_json::json!({"$schema": "http://json-schema.org/draft-04/schema#", "$ref": "#/definitions/CFPackage.Type", "definitions": api["definitions"]});
    let validator = jsonschema::options().build(&schema).expect("the 1.0 definitions compile");
    let mut cfg = Config::read(Path::new("book.toml")).unwrap();
    cfg.output.case.case_version = "1.0".into();
    let graph = referentiel::graph::Graph::build(&b.corpus);
    let ctx = referentiel::build::RenderContext {
        corpus: &b.corpus,
        graph: &graph,
        config: &cfg,
        downloads: &OnceLock::from(Vec::new()),
        only: &[],
        crosswalks: &OnceLock::new(),
    };
    for c in &b.corpus.certs {
        let pkg = referentiel::outputs::case::package_in(
            &ctx,
            c,
            referentiel::outputs::case::Version::V1p0,
        );
        let errors: Vec<String> = validator
            .iter_errors(&pkg)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{} (CASE 1.0): {errors:#?}", c.id);
        assert!(
            !serde_json::to_string(&pkg).unwrap().contains("\"ext:"),
            "{}: no ext: type in 1.0",
            c.id
        );
    }
    let v11 = referentiel::outputs::case::package_in(
        &ctx,
        &b.corpus.certs[0],
        referentiel::outputs::case::Version::V1p1,
    );
    assert!(
        !validator.is_valid(&v11)
            || v11["CFAssociations"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a.get("extensions").is_none()),
        "the 1.0 definitions refuse 1.1-only fields"
    );
}

#[test]
fn a_consumer_selects_suggestions_out_by_a_field_in_case_sssom_and_skos() {
    let b = built_with_book();
    let suggested = referentiel::outputs::case::grouping_uuid("suggested");
    let (mut kept, mut dropped) = (0, 0);
    for c in &b.corpus.certs {
        let pkg: serde_json::Value =
            serde_json::from_slice(file(b, &format!("telechargements/case/{}.json", c.id)))
                .unwrap();
        for a in pkg["CFAssociations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["associationType"] != "isChildOf")
        {
            let is_suggestion = a["CFAssociationGroupingURI"]["identifier"] == suggested.as_str();
            assert_eq!(
                is_suggestion,
                a["extensions"]["status"] == "suggested",
                "CASE: grouping and extensions agree"
            );
            assert_eq!(
                is_suggestion,
                a["notes"].as_str().unwrap().starts_with("suggestion"),
                "CASE: the field says what the notes say"
            );
            if is_suggestion {
                assert_eq!(a["associationType"], "isRelatedTo");
                dropped += 1;
            } else {
                kept += 1;
            }
        }
    }
    assert!(kept > 0 && dropped > 0, "CASE: both kinds ({kept} stated, {dropped} suggestions)");
    // SSSOM: by mapping_justification.
    let (mut lexical, mut manual) = (0, 0);
    for (path, bytes) in b.files.iter().filter(|(p, _)| p.ends_with(".sssom.tsv")) {
        for row in sssom_rows(path, bytes) {
            if &row[5] == "semapv:LexicalMatching" {
                assert_eq!(
                    &row[2], "skos:relatedMatch",
                    "{path}: a suggestion is never an equivalence"
                );
                assert!(!row[6].is_empty(), "{path}: a suggestion has its confidence");
                assert!(row[9].starts_with("suggestion"), "{path}");
                lexical += 1;
            } else {
                assert_eq!(&row[5], "semapv:ManualMappingCuration");
                assert!(
                    !row[9].starts_with("suggestion"),
                    "{path}: a stated row is not a suggestion"
                );
                manual += 1;
            }
        }
    }
    assert!(lexical > 0 && manual > 0);
    // SKOS: mapping relations are the tables' pairs only, never a suggestion.
    let mut stated: HashSet<(String, String)> = HashSet::new();
    for t in &b.corpus.correspondences {
        for p in &t.pairs {
            for a in &p.from {
                for z in &p.to {
                    let iri = |k: &referentiel::ids::ElementKey| {
                        format!("urn:referentiel:c/{}/e/{}.html", k.cert, k.local)
                    };
                    stated.insert((iri(a), iri(z)));
                    stated.insert((iri(z), iri(a)));
                }
            }
        }
    }
    for c in &b.corpus.certs {
        let path = format!("telechargements/skos/{}.ttl", c.id);
        for t in oxttl::TurtleParser::new().for_slice(file(b, &path)) {
            let t = t.unwrap();
            let p = t.predicate.as_str();
            if p.starts_with("http://www.w3.org/2004/02/skos/core#") && p.ends_with("Match") {
                let pair = (
                    t.subject.to_string().trim_matches(['<', '>']).to_string(),
                    t.object.to_string().trim_matches(['<', '>']).to_string(),
                );
                assert!(
                    stated.contains(&pair),
                    "{path}: {pair:?} is a table's pair, not a suggestion"
                );
            }
        }
    }
}

#[test]
fn sssom_py_validates_every_sssom_file() {
    let b = built_with_book();
    let (dir, files) = written(b, "sssom", "sssom");
    let (ok, said) = run(std::process::Command::new(tools_python())
        .arg("tests/exports/sssom_validate.py")
        .args(&files));
    assert!(ok, "sssom validate:\n{said}");
    assert!(said.contains(&format!("{0} of {0} files valid", files.len())), "{said}");
    // The validator does refuse a file with a relative mapping_set_id.
    let bad = dir.join("relative.sssom.tsv");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let line = text.lines().find(|l| l.starts_with("# mapping_set_id:")).unwrap();
    std::fs::write(
        &bad,
        text.replace(line, "# mapping_set_id: /telechargements/sssom/x.sssom.tsv"),
    )
    .unwrap();
    let (ok, _) = run(std::process::Command::new(tools_python())
        .arg("tests/exports/sssom_validate.py")
        .arg(&bad));
    assert!(!ok, "sssom validate refuses a relative mapping_set_id");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn rdflib_parses_every_turtle_file_and_the_qskos_checks_pass() {
    let b = built_with_book();
    let (dir, files) = written(b, "skos", "skos");
    let (ok, said) = run(std::process::Command::new(tools_python())
        .arg("tests/exports/skos_check.py")
        .args(&files));
    assert!(ok && said.contains(" 0 problems"), "rdflib / qSKOS checks:\n{said}");
    let bad = dir.join("bad.ttl");
    std::fs::write(&bad, "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<urn:x:s> a skos:ConceptScheme .\n<urn:x:a> a skos:Concept ; skos:inScheme <urn:x:s> ; skos:broader <urn:x:a> .\n").unwrap();
    let (ok, said) = run(std::process::Command::new(tools_python())
        .arg("tests/exports/skos_check.py")
        .arg(&bad));
    assert!(
        !ok && said.contains("scheme without prefLabel") && said.contains("cycle"),
        "the checks catch a bad file:\n{said}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_csv_opens_in_libreoffice_calc_into_the_right_columns_with_accents_intact() {
    let b = built_with_book();
    let (dir, files) = written(b, "csv", "csv");
    assert!(
        std::process::Command::new("soffice").arg("--version").output().is_ok(),
        "LibreOffice is not installed: run `bash tests/exports/setup.sh`"
    );
    // The settings of LibreOffice's import dialog for a French CSV: `;`, `"`, UTF-8 (76), line 1.
    // A profile of its own: a LibreOffice already running with the default one would take the
    // conversion over (or hold its lock), as the workbook test found.
    let profile = crate::harness::temp("outputs", "libreoffice-profile");
    let profile = format!("-env:UserInstallation=file://{}", profile.display());
    let (ok, said) = run(std::process::Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--infilter=CSV:59,34,76,1", "--convert-to", "xlsx", "--outdir"])
        .arg(&dir)
        .args(&files));
    assert!(ok, "soffice: {said}");
    for (csv_path, c) in files.iter().zip(
        b.corpus
            .certs
            .iter()
            .filter(|c| files.iter().any(|f| f.file_stem().unwrap() == c.id.as_str())),
    ) {
        let c = b
            .corpus
            .certs
            .iter()
            .find(|x| x.id.as_str() == csv_path.file_stem().unwrap().to_str().unwrap())
            .unwrap_or(c);
        let (ok, cells) = run(std::process::Command::new(tools_python())
            .arg("tests/exports/xlsx_cells.py")
            .arg(csv_path.with_extension("xlsx")));
        assert!(ok, "{cells}");
        let rows: Vec<Vec<String>> = serde_json::from_str(&cells).unwrap();
        assert_eq!(
            rows[0],
            referentiel::outputs::csv::HEADERS.map(String::from).to_vec(),
            "{}: the header, byte-order mark gone",
            c.id
        );
        let framework = framework_elements(&b.corpus, &c.id);
        assert_eq!(rows.len() - 1, framework.len(), "{}: one row per element", c.id);
        for (row, e) in rows[1..].iter().zip(&framework) {
            assert_eq!(row[0], e.key.local.as_str());
            assert_eq!(
                row[1],
                e.code.clone().unwrap_or_default(),
                "{}: codes stay text (`1.1`, not 1,1)",
                c.id
            );
            assert_eq!(row[2], e.kind.label(), "accents intact");
            assert_eq!(
                row[3],
                referentiel::outputs::csv::neutralise(e.text()).replace("\r\n", "\n"),
                "{}: the text in its own column, accents intact",
                c.id
            );
            assert_eq!(row[9], format!("urn:referentiel:c/{}/e/{}.html", e.key.cert, e.key.local));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// What Moodle's `tool_lpimportcsv\framework_importer` does with a file, ported from its code
/// (admin/tool/lpimportcsv/classes/framework_importer.php and lib/csvlib.class.php): the
/// framework and the competencies it would create, or its error.
struct MoodleImport {
    framework: BTreeMap<&'static str, String>,
    /// (idnumber, shortname, parent idnumber), in the order of the tree it builds.
    created: Vec<(String, String, String)>,
}

fn moodle_import(bytes: &[u8]) -> Result<MoodleImport, String> {
    // csv_import_reader::load_csv_content: UTF-8 (the form's default), byte-order mark trimmed,
    // comma (the form's default); the first row is the columns; fewer than 2 columns, an empty
    // or a duplicate column name is an error.
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "File format is invalid. (not UTF-8)".to_string())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r =
        csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        r.headers().map_err(|e| e.to_string())?.iter().map(String::from).collect();
    if headers.len() < 2
        || headers.iter().any(|h| h.trim().is_empty())
        || headers.iter().collect::<HashSet<_>>().len() != headers.len()
    {
        return Err("File format is invalid. (columns)".into());
    }
    // read_mapping_data with no mapping: columns by position; shorten_text(…, 100).
    let col = |row: &csv::StringRecord, i: usize| row.get(i).unwrap_or("").to_string();
    let clean_text = |s: String| {
        if s.contains('<') && s.contains('>') {
            Err(format!("PARAM_TEXT would strip tags from « {s} »"))
        } else {
            Ok(s)
        }
    };
    let within_100 = |s: &str| {
        if s.chars().count() > 100 {
            Err(format!("shorten_text would cut « {s} »"))
        } else {
            Ok(())
        }
    };
    let php_truthy = |s: &str| !s.is_empty() && s != "0";
    let mut framework = None;
    let mut flat: Vec<(String, String, String)> = Vec::new();
    let mut seen = HashSet::new();
    for row in r.records() {
        let row = row.map_err(|e| format!("File format is invalid. ({e})"))?;
        let (idnumber, shortname) = (clean_text(col(&row, 1))?, clean_text(col(&row, 2))?);
        within_100(&idnumber)?;
        within_100(&shortname)?;
        col(&row, 4).parse::<i64>().map_err(|_| {
            format!("{idnumber}: description format « {} » is not PARAM_INT", col(&row, 4))
        })?;
        if php_truthy(&col(&row, 12)) {
            let mut f = BTreeMap::new();
            f.insert("idnumber", idnumber);
            f.insert("shortname", shortname);
            f.insert("scalevalues", col(&row, 5));
            f.insert("scaleconfiguration", col(&row, 6));
            f.insert("taxonomies", col(&row, 13));
            framework = Some(f);
        } else {
            if !col(&row, 8).is_empty() {
                col(&row, 8)
                    .parse::<i64>()
                    .map_err(|_| "rule outcome is not PARAM_INT".to_string())?;
            }
            // $flat[$idnumber] = $competency: a second row with the same ID number replaces the first.
            if !seen.insert(idnumber.clone()) {
                return Err(format!("ID number {idnumber} twice: Moodle would keep only the last"));
            }
            flat.push((idnumber, shortname, clean_text(col(&row, 0))?));
        }
    }
    let framework = framework.ok_or("File format is invalid. (no framework row)")?;
    // The framework's scale: get_scale_configuration sets [0]->scaleid; a framework needs one
    // default value and at least one proficient value (competency_framework::validate_scaleconfiguration).
    let config: Vec<serde_json::Value> = serde_json::from_str(&framework["scaleconfiguration"])
        .map_err(|e| format!("scale configuration: {e}"))?;
    let values = framework["scalevalues"].split(',').count();
    if !config.first().is_some_and(|c| c.is_object()) || framework["scalevalues"].is_empty() {
        return Err("scale configuration without its scaleid object".into());
    }
    let defaults = config[1..].iter().filter(|c| c["scaledefault"] == 1).count();
    let proficient = config[1..].iter().filter(|c| c["proficient"] == 1).count();
    if defaults != 1
        || proficient == 0
        || config[1..].iter().any(|c| c["id"].as_u64().is_none_or(|i| i < 1 || i as usize > values))
    {
        return Err("the scale needs one default and a proficient value among its values".into());
    }
    const TAXONOMIES: [&str; 11] = [
        "behaviour",
        "competency",
        "concept",
        "domain",
        "indicator",
        "level",
        "outcome",
        "practice",
        "proficiency",
        "skill",
        "value",
    ];
    if framework["taxonomies"].split(',').any(|t| !TAXONOMIES.contains(&t)) {
        return Err(format!("unknown taxonomy in « {} »", framework["taxonomies"]));
    }
    // add_children($framework, ''): the tree from the top; create_competency needs an ID
    // number and a short name.
    let mut created = Vec::new();
    fn add(
        parent: &str,
        flat: &[(String, String, String)],
        out: &mut Vec<(String, String, String)>,
        depth: usize,
    ) {
        assert!(depth < 64, "a cycle of parents");
        for c in flat.iter().filter(|c| c.2 == parent) {
            if !c.0.is_empty() && !c.1.is_empty() {
                out.push(c.clone());
                add(&c.0, flat, out, depth + 1);
            }
        }
    }
    add("", &flat, &mut created, 0);
    Ok(MoodleImport { framework, created })
}

#[test]
fn every_moodle_csv_passes_the_ported_moodle_importer_and_builds_the_whole_tree() {
    let b = built_with_book();
    let mut n = 0;
    for c in &b.corpus.certs {
        let framework = framework_elements(&b.corpus, &c.id);
        let Some(bytes) = b.files.get(&format!("telechargements/moodle/{}.csv", c.id)) else {
            assert!(
                framework.is_empty(),
                "{}: a framework file for every certification with elements",
                c.id
            );
            continue;
        };
        let import = moodle_import(bytes).unwrap_or_else(|e| panic!("{}: Moodle says: {e}", c.id));
        assert_eq!(import.framework["idnumber"], c.id.as_str());
        assert_eq!(import.framework["scalevalues"], "Non acquis,Acquis");
        assert_eq!(
            import.created.len(),
            framework.len(),
            "{}: Moodle creates every element, none lost as an orphan",
            c.id
        );
        let depth = framework
            .iter()
            .map(|e| referentiel::outputs::framework_depth(&b.corpus, e))
            .max()
            .unwrap();
        assert!(
            import.framework["taxonomies"].split(',').count() >= depth,
            "{}: a taxonomy per level",
            c.id
        );
        for (id, _, parent) in &import.created {
            let e = framework.iter().find(|e| e.key.local.as_str() == id).unwrap();
            let p = referentiel::outputs::framework_parent(&b.corpus, e)
                .map(|p| p.key.local.to_string())
                .unwrap_or_default();
            assert_eq!(parent, &p, "{}: {id} under its parent", c.id);
        }
        n += 1;
    }
    assert!(n >= 5, "{n} frameworks");
    // The port refuses what Moodle refuses.
    assert!(moodle_import(b"a,b\n1,2\n").is_err(), "no framework row");
    assert!(moodle_import("\u{feff}Parent ID number,ID number,Short name,Description,Description format,Scale values,Scale configuration,Rule type (optional),Rule outcome (optional),Rule config (optional),Cross-referenced competency ID numbers,Exported ID (optional),Is framework,Taxonomy\n,f,F,,1,\"A,B\",\"[{\"\"scaleid\"\":\"\"0\"\"},{\"\"id\"\":1,\"\"scaledefault\"\":1,\"\"proficient\"\":1}]\",,,,,,1,competency\n,x,X,,1,,,,0,null,,,,\nnowhere,y,Y,,1,,,,0,null,,,,\n".as_bytes()).is_ok_and(|i| i.created.len() == 1), "an orphan row is not created");
}

/// A CASE client reading the static provider: the list of documents, then each package by
/// its document's identifier, as OpenSALT's « import from a CASE server » does.
#[test]
fn a_case_client_reads_every_package_from_the_static_provider_paths() {
    let b = built_with_book();
    let get = |path: &str| -> serde_json::Value {
        serde_json::from_slice(file(b, &format!("ims/case/v1p1/{path}")))
            .unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let list = get("CFDocuments/index.json");
    let documents = list["CFDocuments"].as_array().unwrap();
    assert_eq!(documents.len(), b.corpus.certs.len(), "every certification is listed");
    for (d, c) in documents.iter().zip(&b.corpus.certs) {
        let id = d["identifier"].as_str().unwrap();
        assert_eq!(get(&format!("CFDocuments/{id}")), *d);
        let package = get(&format!("CFPackages/{id}"));
        let published: serde_json::Value =
            serde_json::from_slice(file(b, &format!("telechargements/case/{}.json", c.id)))
                .unwrap();
        assert_eq!(package, published, "{}: the provider serves the published package", c.id);
        for t in package["CFDefinitions"]["CFItemTypes"].as_array().unwrap() {
            let uri = t["uri"].as_str().unwrap();
            let path = uri.strip_prefix("urn:referentiel:ims/case/v1p1/").expect("a provider path");
            assert_eq!(get(path), *t, "an item type's uri is its provider path");
        }
    }
}
