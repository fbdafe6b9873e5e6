//! A plan read against another version of its certification (#28): for each element a séquence
//! covers, what the diff's pairing says became of it in the other version (unchanged, reworded,
//! moved, split, merged, removed), so that the plan can be brought up to date.

use serde::Serialize;

use super::Plan;
use crate::diff::{Class, DiffOptions};
use crate::ids::{CertId, ElementKey};
use crate::model::Corpus;

/// What became of one link of the plan.
#[derive(Clone, Debug, Serialize)]
pub struct LinkFate {
    pub sequence: String,
    pub id: ElementKey,
    pub class: Class,
    /// Its counterparts in the other version.
    pub now: Vec<ElementKey>,
}

/// Every link of the plan whose element did not stay as it was in `other`.
pub fn against(corpus: &Corpus, plan: &Plan, other: &CertId) -> Vec<LinkFate> {
    let report = crate::diff::diff(corpus, &plan.cert, corpus, other, &DiffOptions::default());
    let mut out = Vec::new();
    for s in &plan.sequences {
        for k in &s.covers {
            let change = report.changes.iter().find(|c| c.old.iter().any(|i| &i.id == k));
            let (class, now) = match change {
                Some(c) => (c.class, c.new.iter().map(|i| i.id.clone()).collect()),
                None => (Class::Removed, Vec::new()),
            };
            if class != Class::Unchanged {
                out.push(LinkFate { sequence: s.id.clone(), id: k.clone(), class, now });
            }
        }
    }
    out
}

/// The fates as French text.
pub fn text(plan: &Plan, other: &CertId, fates: &[LinkFate]) -> String {
    let mut out = crate::words::plan_against::heading(
        &plan.cert.to_string(),
        &other.to_string(),
        fates.len(),
    );
    for f in fates {
        let now: Vec<&str> = f.now.iter().map(|k| k.local.as_str()).collect();
        let now = if now.is_empty() { String::new() } else { format!(" → {}", now.join(", ")) };
        out.push_str(&format!("  {} : {} {}{now}\n", f.sequence, f.id.local, f.class.label()));
    }
    out
}
