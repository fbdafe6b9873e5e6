//! The real data: it passes every check, every cited text is printed at its cited lines, and the
//! counts of each kind per certification are those established from the documents themselves
//! (`tests/expected-counts/*.yaml`, each count with the way it was counted).

use std::collections::BTreeMap;
use std::path::Path;

use referentiel::ids::CertId;
use referentiel::model::{Cite, Corpus};

fn corpus() -> Corpus {
    match referentiel::load_corpus(Path::new("data")) {
        Ok(c) => c,
        Err(diags) => {
            let shown: String = diags.iter().take(30).map(|d| d.render()).collect();
            panic!("data/ has {} problems; the first:\n{shown}", diags.len());
        }
    }
}

#[test]
fn the_data_passes_every_check() {
    let c = corpus();
    assert!(!c.certs.is_empty(), "data/ holds no certification");
}

/// Every citation of the model, with what it belongs to.
fn citations(c: &Corpus) -> Vec<(String, &Cite)> {
    let mut out: Vec<(String, &Cite)> = Vec::new();
    for cert in &c.certs {
        out.push((format!("{} title", cert.id), &cert.title));
        out.extend(cert.title_variants.iter().map(|v| (format!("{} title variant", cert.id), v)));
        out.extend(cert.sigle.iter().map(|v| (format!("{} sigle", cert.id), v)));
        out.extend(cert.levels.iter().map(|l| (format!("{} level", cert.id), &l.cite)));
        out.extend(cert.dates.iter().map(|d| (format!("{} date", cert.id), &d.cite)));
    }
    for e in &c.elements {
        if e.pieces.is_empty() {
            out.push((e.key.to_string(), &e.cite));
        }
        out.extend(e.pieces.iter().map(|p| (format!("{} piece", e.key), p)));
        out.extend(e.variants.iter().map(|v| (format!("{} variant", e.key), &v.cite)));
        out.extend(e.facts.iter().map(|f| (format!("{} fact {}", e.key, f.name), &f.cite)));
    }
    for m in &c.matrices {
        out.push((format!("matrix {}", m.id), &m.title));
        out.extend(
            m.rows
                .iter()
                .chain(&m.columns)
                .filter_map(|h| h.cite.as_ref())
                .map(|h| (format!("matrix {} header", m.id), h)),
        );
    }
    for t in &c.correspondences {
        out.extend(t.title.iter().map(|h| (format!("correspondence {}", t.id), h)));
    }
    out
}

#[test]
fn every_cited_text_is_printed_at_its_cited_lines() {
    let c = corpus();
    let cites = citations(&c);
    assert!(cites.len() >= c.elements.len());
    let mut failures = Vec::new();
    for (what, cite) in &cites {
        let doc = c.sources.get(cite.doc.as_str()).expect("known document");
        if let Err(e) = doc.locate(&cite.text, cite.lines) {
            failures.push(format!("{what}: {:?} at {} {}: {e:?}", cite.text, cite.doc, cite.lines));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} citations fail:\n{}",
        failures.len(),
        cites.len(),
        failures.join("\n")
    );
}

/// The expected counts, summed over the files of each certification (`bts-nrc-part-a.yaml` and
/// `bts-nrc-part-b.yaml` both count `bts-nrc`).
fn expected_counts() -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut out: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for entry in std::fs::read_dir("tests/expected-counts").expect("tests/expected-counts") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let cert = match stem.rsplit_once("-part-") {
            Some((c, _)) => c.to_string(),
            None => stem.clone(),
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let counts: BTreeMap<String, usize> =
            serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let slot = out.entry(cert).or_default();
        for (k, n) in counts {
            *slot.entry(k).or_insert(0) += n;
        }
    }
    out
}

#[test]
fn counts_per_kind_are_those_of_the_documents() {
    let c = corpus();
    let expected = expected_counts();
    // Every counts file names a certification of the data (a renamed one is not silently skipped).
    for id in expected.keys() {
        assert!(
            c.certs.iter().any(|cert| cert.id.as_str() == id),
            "tests/expected-counts: no certification {id}"
        );
    }
    let mut mismatches = Vec::new();
    for cert in &c.certs {
        // A certification without a counts file is a user's own (an import, a scaffold): its
        // counts are not ours to pin; `tests/expected-counts/<id>.yaml` opts it in (#30).
        let Some(want) = expected.get(cert.id.as_str()) else {
            eprintln!("{}: no tests/expected-counts file, counts not compared", cert.id);
            continue;
        };
        let mut have: BTreeMap<String, usize> =
            c.counts(&cert.id).into_iter().map(|(k, n)| (k.name().to_string(), n)).collect();
        let matrices = c.matrices.iter().filter(|m| m.cert == cert.id).count();
        if matrices > 0 {
            have.insert("matrices".into(), matrices);
        }
        // Pairs of the tables the documents print (official) or lay out (inferred); curated tables are ours.
        let pairs: usize = c
            .correspondences
            .iter()
            .filter(|t| {
                t.to == cert.id && t.status != referentiel::schema::CorrespondenceStatus::Curated
            })
            .map(|t| t.pairs.len())
            .sum();
        if pairs > 0 {
            have.insert("correspondence_pairs".into(), pairs);
        }
        let want: BTreeMap<String, usize> =
            want.iter().filter(|(_, n)| **n > 0).map(|(k, n)| (k.clone(), *n)).collect();
        if have != want {
            let keys: std::collections::BTreeSet<&String> =
                have.keys().chain(want.keys()).collect();
            for k in keys {
                let (h, w) = (have.get(k).copied().unwrap_or(0), want.get(k).copied().unwrap_or(0));
                if h != w {
                    mismatches.push(format!("{} {k}: data has {h}, the document {w}", cert.id));
                }
            }
        }
    }
    for cert in expected.keys() {
        if c.cert(&CertId::new(cert.as_str())).is_none() {
            mismatches.push(format!("{cert}: expected counts, but no such certification in data/"));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
