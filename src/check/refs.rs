//! Pass 3: references. Every parent, link, matrix header, predecessor and correspondence pair
//! names something that exists; parent chains end. What each written reference resolves to is
//! kept ([`Resolved`]) and handed to the model, which never parses a reference again.

use crate::diag::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::ids::{CertId, ElementKey, LocalId, Reference};
use crate::schema::Sp;
use crate::sources::SourceSet;

use super::Index;
use super::index::Id;

/// The element each written reference names, as the checker resolved it, by the reference's
/// place in the data (file, line, column). What a reference names follows from its text and the
/// certification it was written from (`<cert>/<local>`, or a local id of that certification):
/// only the latter is kept, as an index into a short list, and the key is made when the model
/// asks for it (no key is built for a reference at check time). (foldhash: places of our own
/// data files, and nothing iterates the map.)
#[derive(Default)]
pub struct Resolved {
    homes: Vec<CertId>,
    keys: foldhash::HashMap<(usize, usize, usize), u32>,
}

impl Resolved {
    fn place(file: usize, written: &Sp<String>) -> (usize, usize, usize) {
        (file, written.referenced.line() as usize, written.referenced.column() as usize)
    }

    /// The element a reference of file `file` names. Only for data that passed the checks.
    pub fn key(&self, file: usize, written: &Sp<String>) -> ElementKey {
        let home = self
            .keys
            .get(&Self::place(file, written))
            .expect("every reference of checked data is resolved");
        Reference::parse(&written.value)
            .expect("a resolved reference is well formed")
            .key(&self.homes[*home as usize])
    }
}

/// Keeps the certifications references are written from, each once; and the last one asked
/// for (references come certification by certification).
#[derive(Default)]
struct Homes<'s>(foldhash::HashMap<&'s str, u32>, Option<(&'s str, u32)>);

impl<'s> Homes<'s> {
    fn keep(&mut self, resolved: &mut Resolved, file: usize, written: &Sp<String>, home: &'s str) {
        let at = match self.1 {
            Some((last, at)) if last == home => at,
            _ => {
                let at = *self.0.entry(home).or_insert_with(|| {
                    resolved.homes.push(CertId::new(home));
                    (resolved.homes.len() - 1) as u32
                });
                self.1 = Some((home, at));
                at
            }
        };
        resolved.keys.insert(Resolved::place(file, written), at);
    }
}

/// Resolve a written element reference from certification `home`, or explain why not: the
/// element's id as written (borrowed from the reference or from `home`).
pub fn resolve<'s>(
    index: &Index,
    file: usize,
    home: &'s str,
    written: &'s Sp<String>,
) -> Result<Id<'s>, Diagnostic> {
    let Some(r) = Reference::parse(&written.value) else {
        return Err(Diagnostic::new(
            Code::MalformedId,
            &index.pos(file, written),
            crate::words::diag::malformed_reference(&written.value),
        )
        .hint(crate::words::diag::REFERENCE_HINT));
    };
    let id = r.parts(home);
    if index.get(id.0, id.1).is_some() {
        return Ok(id);
    }
    let pos = index.pos(file, written);
    let key = ElementKey::new(CertId::new(id.0), LocalId::new(id.1));
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

/// [`resolve`], keeping what a resolved reference names.
fn resolve_kept<'s>(
    (resolved, homes): (&mut Resolved, &mut Homes<'s>),
    index: &Index,
    file: usize,
    home: &'s str,
    written: &'s Sp<String>,
) -> Result<Id<'s>, Diagnostic> {
    let id = resolve(index, file, home, written)?;
    homes.keep(resolved, file, written, home);
    Ok(id)
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
    // About one reference per element (its parent): room for them at once.
    resolved.keys.reserve(index.elements.len());
    let mut homes = Homes::default();
    let mut pending: Vec<Diagnostic> = Vec::new();
    let mut parents: Vec<(Id, Id)> = Vec::new();
    for (key, (fi, e)) in &index.elements {
        let home = key.cert.as_str();
        if let Some(p) = &e.parent {
            match resolve_kept((&mut resolved, &mut homes), index, *fi, home, p) {
                Err(d) => pending.push(d),
                Ok((cert, _)) if cert != home => {
                    let d = Diagnostic::new(
                        Code::Invalid,
                        &index.pos(*fi, p),
                        crate::words::diag::parent_elsewhere(&p.value),
                    )
                    .hint(crate::words::diag::PARENT_ELSEWHERE_HINT);
                    pending.push(d);
                }
                Ok(parent) => parents.push(((home, key.local.as_str()), parent)),
            }
        }
        for l in &e.links {
            if let Err(d) = resolve_kept((&mut resolved, &mut homes), index, *fi, home, &l.to) {
                pending.push(d);
            }
        }
    }
    for ((cert, _), (fi, m)) in &index.matrices {
        for h in m.rows.iter().chain(&m.columns) {
            if let Some(r) = &h.reference
                && let Err(d) =
                    resolve_kept((&mut resolved, &mut homes), index, *fi, cert.as_str(), r)
            {
                pending.push(d);
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
            // (`from` and `to` are the ids as written, when they name a certification.)
            if from.is_some() {
                for r in &p.from {
                    if let Err(d) = resolve_kept(
                        (&mut resolved, &mut homes),
                        index,
                        *fi,
                        c.from.value.as_str(),
                        r,
                    ) {
                        diags.push(d);
                    }
                }
            }
            if to.is_some() {
                for r in &p.to {
                    if let Err(d) = resolve_kept(
                        (&mut resolved, &mut homes),
                        index,
                        *fi,
                        c.to.value.as_str(),
                        r,
                    ) {
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
/// (foldhash for the maps of ids: our own data files, nothing iterates them.)
fn cycles(index: &Index, parents: &[(Id, Id)], diags: &mut Diagnostics) {
    let parent_of: foldhash::HashMap<Id, Id> = parents.iter().copied().collect();
    // Each element walked so far: the walk that reached it, and its place in that walk.
    let mut seen: foldhash::HashMap<Id, (usize, usize)> = foldhash::HashMap::default();
    seen.reserve(parents.len());
    // The current walk.
    let mut walk: Vec<Id> = Vec::new();
    for (n, (start, _)) in parents.iter().enumerate() {
        walk.clear();
        let mut cur = *start;
        loop {
            match seen.get(&cur) {
                Some(&(w, _)) if w != n => break, // settled by an earlier walk
                Some(&(_, i)) => {
                    let cycle = &walk[i..];
                    let min = *cycle.iter().min().expect("a cycle has members");
                    let (fi, e) = index.get(min.0, min.1).expect("a cycle member is an element");
                    let mut path: Vec<String> =
                        rotate_from(cycle, &min).iter().map(|k| format!("`{}`", k.1)).collect();
                    // A long cycle is shown by its ends and its length, on a line a reader can take in.
                    let n = path.len();
                    if n > 8 {
                        path = [&path[..4], &["…".to_string()], &path[n - 2..]].concat();
                    }
                    let close = if n > 8 {
                        format!(" → `{}` ({})", min.1, crate::words::diag::in_cycle(n))
                    } else {
                        format!(" → `{}`", min.1)
                    };
                    let at = e.parent.as_ref().expect("a cycle member has a parent");
                    diags.push(
                        Diagnostic::new(
                            Code::Cycle,
                            &index.pos(fi, at),
                            crate::words::diag::parent_cycle(&format!(
                                "{}{close}",
                                path.join(" → ")
                            )),
                        )
                        .hint(crate::words::diag::CYCLE_HINT),
                    );
                    break;
                }
                None => {}
            }
            seen.insert(cur, (n, walk.len()));
            walk.push(cur);
            match parent_of.get(&cur) {
                Some(p) => cur = *p,
                None => break,
            }
        }
    }
}

fn rotate_from<'k>(cycle: &[Id<'k>], first: &Id) -> Vec<Id<'k>> {
    let i = cycle.iter().position(|k| k == first).unwrap_or(0);
    cycle[i..].iter().chain(&cycle[..i]).copied().collect()
}
