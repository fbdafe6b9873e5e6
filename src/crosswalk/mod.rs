//! Crosswalks between two certifications: which compétences (and critères, savoirs) of one
//! correspond to which of the other.
//!
//! Three sources, always labelled: **official** pairs (correspondence tables printed in a source
//! document), **curated** pairs (tables written in `data/correspondences/` with SKOS relations, a
//! justification, an author and a date, checked like all data), and **suggested** pairs computed
//! from French text similarity ([`suggest`]), never presented as official. An element that an
//! official or curated pair relates gets no suggestion: the tables take precedence. Each crosswalk
//! states its [`coverage`]. [`Counterparts`] gives every compétence page its counterparts in the
//! other certifications.

pub mod coverage;
pub mod pairs;
pub mod profile;
pub mod render;
pub mod suggest;
pub mod units;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::compare::{Item, Side, Synonyms, Tree};
use crate::graph::Graph;
use crate::ids::{CertId, ElementKey, TableId};
use crate::model::Corpus;
use crate::schema::{CorrespondenceStatus, Kind, Relation};

pub use coverage::{Coverage, SideCoverage};
pub use pairs::{PairPolicy, PairsError};

/// Where a correspondence comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Printed in a source document.
    Official,
    /// Written by a person in the data, with a justification.
    Curated,
    /// Read from a document's layout (lists printed side by side), not stated by the document.
    Inferred,
    /// Computed by similarity: a suggestion, not a correspondence anyone stated.
    Suggested,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Official => "official",
            Status::Curated => "curated",
            Status::Inferred => "inferred",
            Status::Suggested => "suggested",
        }
    }
    /// The French label shown on the site.
    pub fn label(self) -> &'static str {
        match self {
            Status::Official => crate::words::status::Official,
            Status::Curated => crate::words::status::Curated,
            Status::Inferred => crate::words::status::Inferred,
            Status::Suggested => crate::words::status::Suggested,
        }
    }

    /// #26: the status as a passerelle verdict names it (« établie par l’équipe »).
    pub(crate) fn verdict_label(self) -> &'static str {
        match self {
            Status::Official => crate::words::rests_on::OFFICIAL,
            Status::Curated => crate::words::rests_on::CURATED,
            Status::Inferred => crate::words::rests_on::INFERRED,
            Status::Suggested => crate::words::rests_on::SUGGESTED,
        }
    }

    /// #26: the heading of the list of mappings of this status, with its length.
    pub fn section(self, n: usize) -> String {
        match self {
            Status::Official => crate::words::crosswalk::official(n),
            Status::Curated => crate::words::crosswalk::curated(n),
            Status::Inferred => crate::words::crosswalk::inferred(n),
            Status::Suggested => crate::words::crosswalk::suggested(n),
        }
    }

    /// The French word for a grid cell.
    pub(crate) fn short_label(self) -> &'static str {
        match self {
            Status::Official => crate::words::status::short::Official,
            Status::Curated => crate::words::status::short::Curated,
            Status::Inferred => crate::words::status::short::Inferred,
            Status::Suggested => crate::words::status::short::Suggested,
        }
    }
}

impl From<CorrespondenceStatus> for Status {
    fn from(s: CorrespondenceStatus) -> Self {
        match s {
            CorrespondenceStatus::Official => Status::Official,
            CorrespondenceStatus::Curated => Status::Curated,
            CorrespondenceStatus::Inferred => Status::Inferred,
        }
    }
}

/// The kinds of elements that suggestions relate, each with its own kind (each kind's group is
/// in the kinds' table, [`crate::schema::KindSpec::crosswalk`]).
pub use crate::schema::CrosswalkGroup as Group;

/// One correspondence of a crosswalk, read from side `a` to side `b`.
#[derive(Clone, Debug, Serialize)]
pub struct Mapping {
    pub status: Status,
    /// The group of the elements (of the first one, for table pairs; `None` for other kinds).
    pub group: Option<Group>,
    /// Elements of side `a` (may be empty when a table says there is no counterpart).
    pub a: Vec<Item>,
    /// Elements of side `b` (may be empty likewise).
    pub b: Vec<Item>,
    /// The SKOS relation, read from `a` to `b`: the table's for table pairs, the one the shape of
    /// the evidence gives for suggestions.
    pub relation: Option<Relation>,
    pub table: Option<TableId>,
    /// Suggestions: the cosine score (0–1).
    pub score: Option<f64>,
    /// Suggestions: the shared words that support it, strongest first (a vocabulary concept
    /// shows as its synonyms, `besoin ≈ attente`).
    pub words: Vec<String>,
    /// Suggestions: the texts of the two fiches that meet, quoted (identical ones first).
    pub evidence: Vec<Evidence>,
    /// Suggestions: each element is the other's best match.
    pub mutual: bool,
    /// Suggestions (#26): the better of the two ranks, 1 = first candidate of one of the two
    /// compétences (a reviewer sees the first three of each).
    pub rank: Option<u32>,
    /// Suggestions: the rank of `b` among `a`'s candidates and of `a` among `b`'s (1 = first).
    pub ranks: Option<(u32, u32)>,
    pub justification: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub note: Option<String>,
}

/// Two texts, one of each fiche, that support a suggestion.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    /// The kind of side `a`'s text (critère, savoir-faire …).
    pub kind: Kind,
    pub a: String,
    pub b: String,
    /// The two texts read the same word for word.
    pub identical: bool,
}

/// A crosswalk between certifications `a` and `b`.
#[derive(Clone, Debug, Serialize)]
pub struct Crosswalk {
    /// Version of the JSON format (`docs/diff-format.md`).
    pub format: u32,
    pub a: Side,
    pub b: Side,
    /// The minimum score of a suggestion.
    pub(crate) threshold: f64,
    pub official: Vec<Mapping>,
    pub curated: Vec<Mapping>,
    /// Pairs read from a document's layout (not stated by it).
    pub(crate) inferred: Vec<Mapping>,
    /// Computed suggestions (never official), by group then score.
    pub suggested: Vec<Mapping>,
    pub coverage: Coverage,
    /// For a holder of either side, the units of the other it covers.
    pub units: units::Passerelle,
}

impl Crosswalk {
    /// Every mapping, official first, then curated, then suggested.
    pub fn mappings(&self) -> impl Iterator<Item = &Mapping> {
        self.official.iter().chain(&self.curated).chain(&self.inferred).chain(&self.suggested)
    }
}

fn side(corpus: &Corpus, cert: &CertId) -> Side {
    let c = corpus.cert(cert);
    Side {
        cert: cert.clone(),
        title: c.map(|c| c.title.text.clone()),
        version: c.map(|c| c.version.clone()),
        origin: None,
    }
}

/// The table pairs between `a` and `b` (either direction), read from `a` to `b`.
fn table_mappings(corpus: &Corpus, ta: &Tree, tb: &Tree) -> Vec<Mapping> {
    let mut out = Vec::new();
    for t in &corpus.correspondences {
        let forward = t.from == ta.cert && t.to == tb.cert;
        let backward = t.from == tb.cert && t.to == ta.cert;
        if !forward && !backward {
            continue;
        }
        let status = Status::from(t.status);
        for p in &t.pairs {
            let (from, to) = if forward { (&p.from, &p.to) } else { (&p.to, &p.from) };
            let items = |keys: &[ElementKey], tree: &Tree| -> Vec<Item> {
                keys.iter().filter_map(|k| tree.find(k)).map(|i| Item::of(tree.elems[i])).collect()
            };
            let (a, b) = (items(from, ta), items(to, tb));
            let group = a.first().or(b.first()).and_then(|i| i.kind.crosswalk_group());
            out.push(Mapping {
                status,
                group,
                a,
                b,
                relation: Some(if forward { p.relation } else { p.relation.inverse() }),
                table: Some(t.id.clone()),
                score: None,
                words: Vec::new(),
                evidence: Vec::new(),
                mutual: false,
                rank: None,
                ranks: None,
                justification: p.justification.clone(),
                author: p.author.clone().or_else(|| t.author.clone()),
                date: p.date.clone().or_else(|| t.date.clone()),
                note: p.note.clone(),
            });
        }
    }
    out
}

/// The element pairs (indices in `ta`, `tb`) a reviewer rejected in a table between them (#26):
/// never suggested again.
fn rejected_pairs(corpus: &Corpus, ta: &Tree, tb: &Tree) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    for t in &corpus.correspondences {
        let forward = t.from == ta.cert && t.to == tb.cert;
        let backward = t.from == tb.cert && t.to == ta.cert;
        if !forward && !backward {
            continue;
        }
        for p in &t.rejected {
            let (from, to) = if forward { (&p.from, &p.to) } else { (&p.to, &p.from) };
            for x in from.iter().filter_map(|k| ta.find(k)) {
                for y in to.iter().filter_map(|k| tb.find(k)) {
                    out.insert((x, y));
                }
            }
        }
    }
    out
}

/// The crosswalk between certifications `a` and `b` of `corpus`: official and curated pairs of
/// the correspondence tables between them, suggestions for every element they leave out, and the
/// coverage of the compétences of each side.
pub fn crosswalk(corpus: &Corpus, a: &CertId, b: &CertId) -> Crosswalk {
    crosswalk_with(corpus, &Graph::build(corpus), a, b, &synonyms(corpus))
}

/// [`crosswalk`] with the corpus's graph and [`synonyms`] already built.
pub(crate) fn crosswalk_with(
    corpus: &Corpus,
    graph: &Graph,
    a: &CertId,
    b: &CertId,
    syn: &Synonyms,
) -> Crosswalk {
    let ta = Tree::build(corpus, a);
    let tb = Tree::build(corpus, b);
    let tables = table_mappings(corpus, &ta, &tb);
    let taken = |tree: &Tree, side_a: bool| -> HashSet<usize> {
        tables
            .iter()
            .flat_map(|m| if side_a { &m.a } else { &m.b })
            .filter_map(|i| tree.find(&i.id))
            .collect()
    };
    let (taken_a, taken_b) = (taken(&ta, true), taken(&tb, false));
    let anchors: Vec<(usize, usize)> = tables
        .iter()
        .flat_map(|m| m.a.iter().flat_map(|x| m.b.iter().map(move |y| (x, y))))
        .filter_map(|(x, y)| Some((ta.find(&x.id)?, tb.find(&y.id)?)))
        .filter(|&(i, j)| {
            suggest::is_leaf_competence(&ta, i) && suggest::is_leaf_competence(&tb, j)
        })
        .collect();
    let rejected = rejected_pairs(corpus, &ta, &tb);
    let suggested = if a == b {
        Vec::new()
    } else {
        suggest::suggest(
            corpus,
            graph,
            &ta,
            &tb,
            syn,
            &|i| taken_a.contains(&i),
            &|j| taken_b.contains(&j),
            &anchors,
            &|i, j| rejected.contains(&(i, j)),
        )
    };
    let (official, rest): (Vec<Mapping>, Vec<Mapping>) =
        tables.into_iter().partition(|m| m.status == Status::Official);
    let (curated, inferred): (Vec<Mapping>, Vec<Mapping>) =
        rest.into_iter().partition(|m| m.status == Status::Curated);
    let mut cw = Crosswalk {
        format: 2,
        a: side(corpus, a),
        b: side(corpus, b),
        threshold: suggest::SUGGEST_THRESHOLD as f64,
        official,
        curated,
        inferred,
        suggested,
        coverage: Coverage::default(),
        units: units::Passerelle::default(),
    };
    cw.coverage = coverage::coverage(&ta, &tb, &cw);
    cw.units = units::passerelle(&ta, &tb, &cw.mappings().collect::<Vec<_>>());
    cw
}

/// Pairs of certifications worth a crosswalk page: the pairs a build crosswalks
/// ([`pairs::selected`], with the default policy) whose two certifications have compétences, in
/// corpus order.
pub fn crosswalk_pairs(corpus: &Corpus) -> Vec<(CertId, CertId)> {
    paged_pairs(corpus, &pairs::selected(corpus, &PairPolicy::default()))
}

fn paged_pairs(corpus: &Corpus, selected: &[(CertId, CertId)]) -> Vec<(CertId, CertId)> {
    selected
        .iter()
        .filter(|(a, b)| pairs::has_competences(corpus, a) && pairs::has_competences(corpus, b))
        .cloned()
        .collect()
}

/// The crosswalks of the pairs a build selects ([`pairs::selected`]: tables, lineages, pairs
/// named in `book.toml`, closest certifications), computed once per build, in parallel, and
/// shared by the site's counterparts, its crosswalk pages and the exports.
#[derive(Default)]
pub struct AllCrosswalks {
    pairs: Vec<Crosswalk>,
    index: HashMap<(CertId, CertId), usize>,
    /// The pairs that get a crosswalk page and an export ([`crosswalk_pairs`]), in that order.
    paged: Vec<usize>,
}

impl AllCrosswalks {
    /// The crosswalks of the default policy's pairs.
    pub fn build(corpus: &Corpus) -> AllCrosswalks {
        AllCrosswalks::build_with(corpus, &PairPolicy::default())
    }

    /// The crosswalks of the pairs `policy` selects.
    pub fn build_with(corpus: &Corpus, policy: &PairPolicy) -> AllCrosswalks {
        use rayon::prelude::*;
        let pairs = pairs::selected(corpus, policy);
        let syn = synonyms(corpus).memoised();
        let graph = Graph::build(corpus);
        let all: Vec<Crosswalk> =
            pairs.par_iter().map(|(a, b)| crosswalk_with(corpus, &graph, a, b, &syn)).collect();
        let index: HashMap<(CertId, CertId), usize> =
            pairs.iter().enumerate().map(|(i, p)| (p.clone(), i)).collect();
        let paged = paged_pairs(corpus, &pairs)
            .into_iter()
            .filter_map(|p| index.get(&p).copied())
            .collect();
        AllCrosswalks { pairs: all, index, paged }
    }

    /// The crosswalk of `a` and `b`, `a` before `b` in corpus order, if the build selected it.
    pub fn get(&self, a: &CertId, b: &CertId) -> Option<&Crosswalk> {
        self.index.get(&(a.clone(), b.clone())).map(|&i| &self.pairs[i])
    }

    /// The crosswalks of [`crosswalk_pairs`], in its order.
    pub(crate) fn paged(&self) -> impl Iterator<Item = &Crosswalk> {
        self.paged.iter().map(|&i| &self.pairs[i])
    }

    /// Every crosswalk the build selected, in corpus order.
    pub fn all(&self) -> impl Iterator<Item = &Crosswalk> {
        self.pairs.iter()
    }
}

/// A counterpart of an element in another certification, for its page.
#[derive(Clone, Debug, Serialize)]
pub struct Counterpart {
    pub status: Status,
    /// The other element.
    pub element: Item,
    /// Table pairs: the relation read from the page's element to the counterpart.
    pub relation: Option<Relation>,
    pub table: Option<TableId>,
    pub score: Option<f64>,
    pub words: Vec<String>,
    pub justification: Option<String>,
}

/// How many suggested counterparts an element keeps at most (the best by score): the page shows
/// [`SHOWN_PER_ELEMENT`] and the rest behind "voir plus"; the crosswalk pages list them all.
pub(crate) const KEPT_PER_ELEMENT: usize = 8;

/// Counterparts of every element, computed once for the whole corpus (the site asks for many).
#[derive(Default)]
pub struct Counterparts {
    map: HashMap<ElementKey, Vec<Counterpart>>,
}

impl Counterparts {
    /// Crosswalk the pairs of the default policy and index the results by element.
    pub fn build(corpus: &Corpus) -> Counterparts {
        Counterparts::of_crosswalks(&AllCrosswalks::build(corpus))
    }

    /// Index by element the crosswalks of every pair, computed once for the build.
    pub(crate) fn of_crosswalks(all: &AllCrosswalks) -> Counterparts {
        let mut idx = Counterparts::default();
        for cw in &all.pairs {
            idx.add(cw);
        }
        for v in idx.map.values_mut() {
            order(v);
        }
        idx
    }

    fn add(&mut self, cw: &Crosswalk) {
        for m in cw.mappings() {
            for (here, there, relation) in
                [(&m.a, &m.b, m.relation), (&m.b, &m.a, m.relation.map(Relation::inverse))]
            {
                for h in here {
                    for t in there {
                        self.map.entry(h.id.clone()).or_default().push(Counterpart {
                            status: m.status,
                            element: t.clone(),
                            relation,
                            table: m.table.clone(),
                            score: m.score,
                            words: m.words.clone(),
                            justification: m.justification.clone(),
                        });
                    }
                }
            }
        }
    }

    /// The counterparts of `key`: official first, then curated, then suggestions by score.
    pub fn of(&self, key: &ElementKey) -> &[Counterpart] {
        self.map.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Table pairs first (official, curated, inferred), then suggestions by score, at most
/// [`KEPT_PER_ELEMENT`] of them.
fn order(v: &mut Vec<Counterpart>) {
    v.sort_by(|x, y| {
        (x.status, std::cmp::Reverse(x.score.map(|s| (s * 1000.0) as i64)), &x.element.id).cmp(&(
            y.status,
            std::cmp::Reverse(y.score.map(|s| (s * 1000.0) as i64)),
            &y.element.id,
        ))
    });
    let mut suggested = 0;
    v.retain(|c| {
        if c.status != Status::Suggested {
            return true;
        }
        suggested += 1;
        suggested <= KEPT_PER_ELEMENT
    });
}

/// The counterparts of one element in the certifications a build crosswalks its own with
/// (official, curated, then suggested). For many elements, build [`Counterparts`] once instead.
pub fn counterparts(corpus: &Corpus, key: &ElementKey) -> Vec<Counterpart> {
    let mut idx = Counterparts::default();
    for (a, b) in pairs::selected(corpus, &PairPolicy::default())
        .iter()
        .filter(|(a, b)| *a == key.cert || *b == key.cert)
    {
        idx.add(&crosswalk(corpus, a, b));
    }
    let mut v = idx.map.remove(key).unwrap_or_default();
    order(&mut v);
    v
}

/// Counts of mappings by status, for summaries.
pub fn counts(cw: &Crosswalk) -> BTreeMap<Status, usize> {
    let mut m = BTreeMap::new();
    for s in [Status::Official, Status::Curated, Status::Inferred, Status::Suggested] {
        m.insert(s, cw.mappings().filter(|x| x.status == s).count());
    }
    m
}

/// How many suggestions an element page shows before "voir plus".
pub const SHOWN_PER_ELEMENT: usize = 3;

/// The synonym groups of the corpus's domain vocabulary: each synonym, expression or
/// abbreviation that crosswalk reads (`use: crosswalk` or `both`) with the documents' words it
/// stands for (everyday and English words are left out: they bring related words together, not
/// words of one meaning).
pub fn synonyms(corpus: &Corpus) -> Synonyms {
    use crate::schema::TermKind;
    Synonyms::new(
        corpus
            .vocabulary
            .for_crosswalk()
            .filter(|e| {
                matches!(e.kind, TermKind::Synonym | TermKind::Expression | TermKind::Abbreviation)
            })
            .map(|e| {
                std::iter::once(e.term.as_str()).chain(e.means.iter().map(String::as_str)).collect()
            }),
    )
}

/// The suggestions between `a` and `b` as if no table related them: what the algorithm alone says.
pub fn suggest_only(corpus: &Corpus, a: &CertId, b: &CertId) -> Vec<Mapping> {
    let ta = Tree::build(corpus, a);
    let tb = Tree::build(corpus, b);
    suggest::suggest(
        corpus,
        &Graph::build(corpus),
        &ta,
        &tb,
        &synonyms(corpus),
        &|_| false,
        &|_| false,
        &[],
        &|_, _| false,
    )
}

/// #26: a content hash of the correspondence tables between `a` and `b` (either direction): the
/// passerelle page sends it with a review, and the server refuses the review when the tables
/// changed since the page was rendered (FNV-1a over their JSON, as 16 hex digits).
pub(crate) fn tables_hash(corpus: &Corpus, a: &CertId, b: &CertId) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for t in corpus
        .correspondences
        .iter()
        .filter(|t| (&t.from == a && &t.to == b) || (&t.from == b && &t.to == a))
    {
        for byte in serde_json::to_string(t).unwrap_or_default().bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
