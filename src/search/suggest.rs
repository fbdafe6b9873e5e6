//! The suggestions' index: one small file, `search/suggest.js`, with the certifications and the
//! elements readers name (activités, compétences, blocs, CCP, unités, épreuves, glossary terms),
//! their keys, postings and display records. The browser fetches it once, when the reader first
//! uses a search box, and answers every key from it without another request; it ranks with the
//! same engine and rulebook as the whole index ([`super::query`]), on these documents only.
//! The document's own structure (sections, paragraphs, articles), critères, savoirs and the like
//! are never suggested: they are found by the results page (Enter).

use serde_json::json;

use super::shards::{gaps, js, json, records};
use super::{Index, Tuning};
use crate::model::Corpus;
use crate::schema::{Family, Kind};

/// The path of the suggestions' file in the site.
pub const PATH: &str = "search/suggest.js";

/// Is an element of this kind suggested as the reader types?
pub fn suggested(kind: Kind) -> bool {
    matches!(kind.family(), Family::Activite | Family::Competence) && kind != Kind::Tache
        || matches!(
            kind,
            Kind::BlocCompetences | Kind::Ccp | Kind::Unite | Kind::Epreuve | Kind::Terme
        )
}

/// The suggestions' index.
pub fn index(corpus: &Corpus) -> Index {
    Index::build_where(corpus, Tuning::default(), suggested)
}

/// The suggestions' file: `RS.s({...})`, everything the engine needs in one call.
pub fn write(index: &Index) -> Vec<u8> {
    let record = records(index);
    let keys: serde_json::Map<String, serde_json::Value> =
        index.postings.iter().map(|(k, p)| (k.clone(), json!(gaps(p)))).collect();
    let data = json!({
        "n": index.docs.len(),
        "certs": index.certs,
        "kinds": index.kinds,
        "groups": index.groups.iter().map(|g| json!([g.start, g.end, g.cert, g.kind])).collect::<Vec<_>>(),
        "urls": crate::urls::browser_patterns(),
        "certKeys": index.cert_keys,
        "kindKeys": index.kind_keys,
        "vocab": index.vocab,
        "same": index.repeats(),
        "rank": super::shards::rank(index),
        "keys": keys,
        "recs": (0..index.docs.len() as u32).map(&record).collect::<Vec<_>>(),
    });
    js("s", &[json(&data)])
}
