//! Pass 3: references. Every parent, link, matrix header, predecessor and correspondence pair
//! names something that exists; parent chains end. What each written reference resolves to is
//! kept ([`Resolved`]) and handed to the model, which never parses a reference again.

use std::collections::{HashMap, HashSet};

use crate::diag::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::ids::{CertId, ElementKey, Reference};
use crate::schema::Sp;
use crate::sources::SourceSet;

use super::Index;

/// The element each written reference names, as the checker resolved it, by the reference's
/// place in the data (file, line, column).
#[derive(Default)]
pub struct Resolved {
    keys: HashMap<(usize, usize, usize), ElementKey>,
}

impl Resolved {
    fn place(file: usize, written: &Sp<String>) -> (usize, usize, usize) {
        (file, written.referenced.line() as usize, written.referenced.column() as usize)
    }

    fn keep(&mut self, file: usize, written: &Sp<String>, key: &ElementKey) {
        self.keys.insert(Self::place(file, written), key.clone());
    }

    /// The element a reference of file `file` names. Only for data that passed the checks.
    pub fn key(&self, file: usize, written: &Sp<String>) -> ElementKey {
        self.keys
            .get(&Self::place(file, written))
            .cloned()
            .expect("every reference of checked data is resolved")
    }
}

/// Resolve a written element reference from certification `home`, or explain why not.
pub fn resolve(
    index: &Index,
    file: usize,
    home: &CertId,
    written: &Sp<String>,
) -> Result<ElementKey, Diagnostic> {
    let pos = index.pos(file, written);
    let Some(r) = Reference::parse(&written.value) else {
        return Err(Diagnostic::new(
            Code::MalformedId,
            &pos,
            crate::words::diag::malformed_reference(&written.value),
        )
        .hint(crate::words::diag::REFERENCE_HINT));
    };
    let key = r.key(home);
    if index.elements.contains_key(&key) {
        return Ok(key);
    }
    if !index.certs.contains_key(&key.cert) {
        let hint = did_you_mean(key.cert.as_str(), index.certs.keys().map(CertId::as_str));
        return Err(Diagnostic::new(
            Code::UnknownId,
            &pos,
            crate::words::diag::unknown_cert_in(key.cert.as_str(), &written.value),
        )
        .hint_opt(hint));
    }
    let hint = did_you_mean(key.local.as_str(), index.local_ids(&key.cert))
        .or_else(|| Some(crate::words::diag::no_such_element(key.cert.as_str())));
    Err(Diagnostic::new(Code::UnknownId, &pos, crate::words::diag::unknown_id(&written.value))
        .hint_opt(hint))
}

fn cert_exists(
    index: &Index,
    file: usize,
    written: &Sp<String>,
    diags: &mut Diagnostics,
) -> Option<CertId> {
    let id = CertId::new(written.value.clone());
    if crate::ids::is_slug(&written.value) && index.certs.contains_key(&id) {
        return Some(id);
    }
    let hint = did_you_mean(&written.value, index.certs.keys().map(CertId::as_str));
    diags.push(
        Diagnostic::new(
            Code::UnknownId,
            &index.pos(file, written),
            crate::words::diag::unknown_cert(&written.value),
        )
        .hint_opt(hint),
    );
    None
}

pub fn check(index: &Index, _sources: &SourceSet, diags: &mut Diagnostics) -> Resolved {
    let mut resolved = Resolved::default();
    let mut resolve = |index: &Index, fi: usize, home: &CertId, written: &Sp<String>| {
        let r = resolve(index, fi, home, written);
        if let Ok(k) = &r {
            resolved.keep(fi, written, k);
        }
        r
    };
    let mut pending: Vec<Diagnostic> = Vec::new();
    let mut report = |r: Result<ElementKey, Diagnostic>| -> Option<ElementKey> {
        r.map_err(|d| pending.push(d)).ok()
    };
    let mut parents: Vec<(ElementKey, ElementKey, usize)> = Vec::new();
    for (key, (fi, e)) in &index.elements {
        if let Some(p) = &e.parent
            && let Some(pk) = report(resolve(index, *fi, &key.cert, p))
        {
            if pk.cert != key.cert {
                let d = Diagnostic::new(
                    Code::Invalid,
                    &index.pos(*fi, p),
                    crate::words::diag::parent_elsewhere(&p.value),
                )
                .hint(crate::words::diag::PARENT_ELSEWHERE_HINT);
                report(Err(d));
            } else {
                parents.push((key.clone(), pk, *fi));
            }
        }
        for l in &e.links {
            report(resolve(index, *fi, &key.cert, &l.to));
        }
    }
    for ((cert, _), (fi, m)) in &index.matrices {
        for h in m.rows.iter().chain(&m.columns) {
            if let Some(r) = &h.reference {
                report(resolve(index, *fi, cert, r));
            }
        }
    }
    for (fi, c) in index.certs.values() {
        for l in c.predecessors.iter().chain(&c.successors) {
            cert_exists(index, *fi, &l.id, diags);
        }
    }
    for (fi, c) in index.correspondences.values() {
        let from = cert_exists(index, *fi, &c.from, diags);
        let to = cert_exists(index, *fi, &c.to, diags);
        for p in c.pairs.iter().chain(&c.rejected) {
            if let Some(from) = &from {
                for r in &p.from {
                    if let Err(d) = resolve(index, *fi, from, r) {
                        diags.push(d);
                    }
                }
            }
            if let Some(to) = &to {
                for r in &p.to {
                    if let Err(d) = resolve(index, *fi, to, r) {
                        diags.push(d);
                    }
                }
            }
        }
    }
    for d in pending {
        diags.push(d);
    }
    cycles(index, &parents, diags);
    resolved
}

/// Report each parent cycle once, at its smallest member. Linear: every element is walked up
/// from once, and a walk stops at the first element already settled by an earlier walk.
fn cycles(index: &Index, parents: &[(ElementKey, ElementKey, usize)], diags: &mut Diagnostics) {
    let parent_of: HashMap<&ElementKey, &ElementKey> =
        parents.iter().map(|(c, p, _)| (c, p)).collect();
    let mut settled: HashSet<&ElementKey> = HashSet::with_capacity(parents.len());
    for (start, _, _) in parents {
        // The current walk, and where each of its elements sits in it.
        let mut walk: Vec<&ElementKey> = Vec::new();
        let mut at: HashMap<&ElementKey, usize> = HashMap::new();
        let mut cur = start;
        loop {
            if settled.contains(cur) {
                break;
            }
            if let Some(&i) = at.get(cur) {
                let cycle = &walk[i..];
                let min = (*cycle.iter().min().expect("a cycle has members")).clone();
                let (fi, e) = index.elements[&min];
                let mut path: Vec<String> =
                    rotate_from(cycle, &min).iter().map(|k| format!("`{}`", k.local)).collect();
                // A long cycle is shown by its ends and its length, on a line a reader can take in.
                let n = path.len();
                if n > 8 {
                    path = [&path[..4], &["…".to_string()], &path[n - 2..]].concat();
                }
                let close = if n > 8 {
                    format!(" → `{}` ({})", min.local, crate::words::diag::in_cycle(n))
                } else {
                    format!(" → `{}`", min.local)
                };
                let at = e.parent.as_ref().expect("a cycle member has a parent");
                diags.push(
                    Diagnostic::new(
                        Code::Cycle,
                        &index.pos(fi, at),
                        crate::words::diag::parent_cycle(&format!("{}{close}", path.join(" → "))),
                    )
                    .hint(crate::words::diag::CYCLE_HINT),
                );
                break;
            }
            at.insert(cur, walk.len());
            walk.push(cur);
            match parent_of.get(cur) {
                Some(p) => cur = p,
                None => break,
            }
        }
        settled.extend(walk);
    }
}

fn rotate_from<'k>(cycle: &[&'k ElementKey], first: &ElementKey) -> Vec<&'k ElementKey> {
    let i = cycle.iter().position(|k| *k == first).unwrap_or(0);
    cycle[i..].iter().chain(&cycle[..i]).copied().collect()
}
