//! Training plans (#28): a YAML file of ours (`docs/plan-format.md`) that lists a programme's
//! séquences, their hours and the elements of one certification each covers, checked against
//! the référentiel like the data is ([`read`]: file, line, column and a hint for every mistake),
//! then measured against it ([`coverage`]) and written out ([`render`]: text, Markdown, JSON, and
//! the « tableau croisé » as a workbook).

pub mod against;
pub mod coverage;
pub mod render;

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos, did_you_mean};
use crate::ids::{CertId, ElementKey, LocalId};
use crate::model::Corpus;
use crate::schema::Sp;

/// A plan file, as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanFile {
    /// What the plan is and which certification it prepares for.
    pub plan: PlanHead,
    /// The séquences of the programme, in the order they are taught.
    #[serde(default)]
    pub sequences: Vec<SequenceEntry>,
}

/// The head of a plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanHead {
    /// The id of the certification (as `referentiel list` prints it), e.g. `ntc-2018`.
    pub certification: Sp<String>,
    /// The plan's title.
    pub title: Sp<String>,
    /// Who wrote the plan (a plan is ours, never official).
    pub author: Option<String>,
    /// When it was written or last revised (YYYY-MM-DD).
    pub date: Option<String>,
    /// A note (Markdown).
    pub note: Option<String>,
}

/// One séquence of a plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SequenceEntry {
    /// A short id, unique in the plan (`s01`).
    pub id: Sp<String>,
    /// Its title.
    pub title: Sp<String>,
    /// Its length in hours (0 or more).
    pub hours: Option<Sp<f64>>,
    /// Element ids of the certification it covers: a compétence covers its critères,
    /// savoir-faire and savoirs; any element covers what is under it.
    #[serde(default)]
    pub covers: Vec<Sp<String>>,
    /// A note.
    pub note: Option<String>,
}

/// A checked séquence.
#[derive(Clone, Debug)]
pub struct Sequence {
    pub id: String,
    pub title: String,
    pub hours: f64,
    pub covers: Vec<ElementKey>,
}

/// A checked plan: every id resolved in its certification.
#[derive(Clone, Debug)]
pub struct Plan {
    pub file: PathBuf,
    pub cert: CertId,
    pub title: String,
    pub author: Option<String>,
    pub date: Option<String>,
    pub sequences: Vec<Sequence>,
}

/// The JSON Schema (draft 7) of a plan file, as shipped in `docs/schema/plan.schema.json`.
pub fn json_schema() -> String {
    let settings = schemars::generate::SchemaSettings::draft07();
    let mut root = settings.into_generator().into_root_schema_for::<PlanFile>().to_value();
    if let Some(obj) = root.as_object_mut() {
        obj.insert("title".into(), "referentiel: plan".into());
        obj.insert("description".into(), "A training plan of plans/: séquences, hours and the elements of one certification each covers (docs/plan-format.md).".into());
    }
    let mut s = serde_json::to_string_pretty(&root).expect("a schema serialises");
    s.push('\n');
    s
}

/// Read and check a plan file against the corpus: the plan, or every problem found in it.
pub fn read(corpus: &Corpus, path: &Path) -> Result<Plan, Vec<Diagnostic>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic::new(
            Code::Invalid,
            &Pos { file: path.to_path_buf(), line: 1, column: 1 },
            crate::words::diag::cannot_read_plan(&e.to_string()),
        )]
    })?;
    read_str(corpus, path, &text)
}

/// Does the plan at `path` name a certification of `corpus`? (A plan that cannot be parsed
/// answers yes, so that its errors are reported.)
pub(crate) fn names_cert_of(corpus: &Corpus, path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else { return true };
    match serde_saphyr::from_str_with_options::<PlanFile>(&text, crate::load::parser_options()) {
        Ok(f) => {
            corpus.cert(&crate::ids::CertId::new(f.plan.certification.value.as_str())).is_some()
        }
        Err(_) => true,
    }
}

/// [`read`] on a text already at hand.
pub fn read_str(corpus: &Corpus, path: &Path, text: &str) -> Result<Plan, Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    diags.register_file(path, text);
    let file: PlanFile = match serde_saphyr::from_str_with_options::<PlanFile>(
        text,
        crate::load::parser_options(),
    ) {
        Ok(f) => f,
        Err(e) => {
            let loc = e.location().filter(|l| l.line() > 0);
            let pos = loc
                .map(|l| Pos {
                    file: path.to_path_buf(),
                    line: l.line() as usize,
                    column: l.column() as usize,
                })
                .unwrap_or(Pos { file: path.to_path_buf(), line: 1, column: 1 });
            let message =
                e.to_string().lines().next().unwrap_or(crate::words::diag::NOT_A_PLAN).to_string();
            diags.push(
                Diagnostic::new(Code::Yaml, &pos, message)
                    .hint(crate::words::diag::PLAN_SHAPE_HINT),
            );
            return Err(diags.into_sorted());
        }
    };
    let at = |s: &crate::schema::Loc| Pos {
        file: path.to_path_buf(),
        line: s.line() as usize,
        column: s.column() as usize,
    };
    let cert = match corpus.require_cert(&file.plan.certification.value) {
        Ok(c) => c,
        Err(u) => {
            diags.push(
                Diagnostic::new(
                    Code::UnknownId,
                    &at(&file.plan.certification.referenced),
                    crate::words::diag::unknown_cert(&u.id),
                )
                .hint_opt(u.hint),
            );
            return Err(diags.into_sorted());
        }
    };
    let locals: Vec<&str> = corpus.elements_of(&cert).map(|e| e.key.local.as_str()).collect();
    let mut sequences: Vec<Sequence> = Vec::new();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for s in &file.sequences {
        let id = s.id.value.trim();
        if let Some((_, line)) = seen.iter().find(|(k, _)| *k == id) {
            diags.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    &at(&s.id.referenced),
                    crate::words::diag::duplicate_sequence(id),
                )
                .hint(crate::words::diag::sequence_line_has_id(*line)),
            );
        }
        seen.push((id, s.id.referenced.line() as usize));
        let hours = match &s.hours {
            Some(h) if h.value < 0.0 || !h.value.is_finite() => {
                diags.push(
                    Diagnostic::new(
                        Code::Invalid,
                        &at(&h.referenced),
                        crate::words::diag::negative_hours(h.value, id),
                    )
                    .hint(crate::words::diag::HOURS_HINT),
                );
                0.0
            }
            Some(h) => h.value,
            None => 0.0,
        };
        let mut covers = Vec::new();
        for c in &s.covers {
            let given = c.value.trim();
            let pos = at(&c.referenced);
            let (in_cert, local) = match given.split_once('/') {
                Some((cid, l)) => (Some(cid), l),
                None => (None, given),
            };
            if let Some(other) = in_cert.filter(|c| *c != cert.as_str()) {
                diags.push(
                    Diagnostic::new(
                        Code::UnknownId,
                        &pos,
                        crate::words::diag::element_of_other(given, other),
                    )
                    .hint(crate::words::diag::plan_prepares_for(cert.as_str(), other)),
                );
                continue;
            }
            let key = ElementKey::new(cert.clone(), LocalId::new(local));
            if corpus.element(&key).is_some() {
                if !covers.contains(&key) {
                    covers.push(key);
                }
                continue;
            }
            // An id of another certification, written without its certification.
            let elsewhere: Vec<&str> = corpus
                .certs
                .iter()
                .filter(|c| {
                    c.id != cert
                        && corpus
                            .element(&ElementKey::new(c.id.clone(), LocalId::new(local)))
                            .is_some()
                })
                .map(|c| c.id.as_str())
                .collect();
            let hint = did_you_mean(local, locals.iter().copied());
            let hint = match (hint, elsewhere.is_empty()) {
                (Some(h), true) => Some(h),
                (Some(h), false) => Some(crate::words::diag::exists_elsewhere(
                    &h,
                    local,
                    &elsewhere.join(", "),
                    cert.as_str(),
                )),
                (None, false) => Some(crate::words::diag::id_of_other(
                    local,
                    &elsewhere.join(", "),
                    cert.as_str(),
                )),
                (None, true) => Some(crate::words::diag::ids_of(cert.as_str())),
            };
            diags.push(
                Diagnostic::new(
                    Code::UnknownId,
                    &pos,
                    crate::words::diag::unknown_id_in(local, cert.as_str()),
                )
                .hint_opt(hint),
            );
        }
        sequences.push(Sequence {
            id: id.to_string(),
            title: s.title.value.clone(),
            hours,
            covers,
        });
    }
    if !diags.is_empty() {
        return Err(diags.into_sorted());
    }
    Ok(Plan {
        file: path.to_path_buf(),
        cert,
        title: file.plan.title.value.clone(),
        author: file.plan.author.clone(),
        date: file.plan.date.clone(),
        sequences,
    })
}

/// The plan files of a folder (`plans/`), sorted by name; none when it does not exist.
pub(crate) fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    out.sort();
    out
}
