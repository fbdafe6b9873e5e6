//! Pass 4: tables. Matrix cells name existing rows and columns, each cell is stated once, and
//! every cell ends up with a state; curated correspondences say who wrote them and why, inferred ones how they were read.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::ids::{is_slug, slug_hint};
use crate::schema::{CorrespondenceStatus, Header, Sp};

use super::Index;

pub fn check(index: &Index, diags: &mut Diagnostics) {
    for (fi, m) in index.matrices.values() {
        let fi = *fi;
        let keys = |hs: &[Header], what: &str, diags: &mut Diagnostics| -> BTreeSet<String> {
            let mut set = BTreeSet::new();
            for h in hs {
                let pos = index.pos(fi, &h.key);
                if !is_slug(&h.key.value) {
                    diags.push(
                        Diagnostic::new(
                            Code::MalformedId,
                            &pos,
                            crate::words::diag::malformed_key(what, &h.key.value),
                        )
                        .hint(slug_hint(&h.key.value)),
                    );
                } else if !set.insert(h.key.value.clone()) {
                    diags.push(Diagnostic::new(
                        Code::DuplicateId,
                        &pos,
                        crate::words::diag::duplicate_key(what, &h.key.value),
                    ));
                }
                if !h.lost && (h.text.is_none() || h.lines.is_none()) {
                    diags.push(
                        Diagnostic::new(
                            Code::MissingKey,
                            &pos,
                            crate::words::diag::header_uncited(what, &h.key.value),
                        )
                        .hint(crate::words::diag::HEADER_UNCITED_HINT),
                    );
                }
            }
            set
        };
        let rows = keys(&m.rows, crate::words::diag::ROW.0, diags);
        let cols = keys(&m.columns, crate::words::diag::COLUMN.0, diags);
        let mut stated: BTreeMap<(String, String), &Sp<String>> = BTreeMap::new();
        for c in &m.cells {
            let mut ok = true;
            for (v, set, what) in [
                (&c.row, &rows, crate::words::diag::ROW),
                (&c.col, &cols, crate::words::diag::COLUMN),
            ] {
                if !set.contains(&v.value) {
                    ok = false;
                    let hint = did_you_mean(&v.value, set.iter().map(String::as_str))
                        .unwrap_or_else(|| {
                            crate::words::diag::matrix_headers(
                                what.1,
                                &set.iter().cloned().collect::<Vec<_>>().join(", "),
                            )
                        });
                    diags.push(
                        Diagnostic::new(
                            Code::Matrix,
                            &index.pos(fi, v),
                            crate::words::diag::cell_missing(what.0, &v.value),
                        )
                        .hint(hint),
                    );
                }
            }
            if ok
                && let Some(first) =
                    stated.insert((c.row.value.clone(), c.col.value.clone()), &c.row)
            {
                let f = index.pos(fi, first);
                diags.push(
                    Diagnostic::new(
                        Code::Matrix,
                        &index.pos(fi, &c.row),
                        crate::words::diag::cell_twice(&c.row.value, &c.col.value),
                    )
                    .hint(crate::words::diag::first_stated(f.line)),
                );
            }
        }
        if m.default.is_none() {
            let missing: Vec<String> = rows
                .iter()
                .flat_map(|r| cols.iter().map(move |c| (r.clone(), c.clone())))
                .filter(|k| !stated.contains_key(k))
                .map(|(r, c)| format!("({r}, {c})"))
                .collect();
            if !missing.is_empty() {
                let shown: Vec<&str> = missing.iter().take(5).map(String::as_str).collect();
                let more = if missing.len() > 5 {
                    crate::words::diag::and_more(missing.len() - 5)
                } else {
                    String::new()
                };
                diags.push(
                    Diagnostic::new(
                        Code::Matrix,
                        &index.pos(fi, &m.id),
                        crate::words::diag::cells_without_state(
                            missing.len(),
                            &format!("{}{more}", shown.join(", ")),
                        ),
                    )
                    .hint(crate::words::diag::CELLS_WITHOUT_STATE_HINT),
                );
            }
        }
    }
    for (fi, c) in index.correspondences.values() {
        if c.status.value == CorrespondenceStatus::Inferred && c.note.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::MissingKey,
                    &index.pos(*fi, &c.status),
                    crate::words::diag::INFERRED_NEEDS_NOTE,
                )
                .hint(crate::words::diag::INFERRED_NEEDS_NOTE_HINT),
            );
        }
        if c.status.value != CorrespondenceStatus::Curated {
            continue;
        }
        let pos = index.pos(*fi, &c.status);
        if c.author.is_none() || c.date.is_none() {
            diags.push(
                Diagnostic::new(Code::MissingKey, &pos, crate::words::diag::CURATED_NEEDS_AUTHOR)
                    .hint(crate::words::diag::CURATED_NEEDS_AUTHOR_HINT),
            );
        }
        for p in c.pairs.iter().chain(&c.rejected) {
            if p.justification.is_none() {
                let at = p
                    .from
                    .first()
                    .or(p.to.first())
                    .map(|v| index.pos(*fi, v))
                    .unwrap_or_else(|| pos.clone());
                diags.push(
                    Diagnostic::new(
                        Code::MissingKey,
                        &at,
                        crate::words::diag::PAIR_NEEDS_JUSTIFICATION,
                    )
                    .hint(crate::words::diag::PAIR_NEEDS_JUSTIFICATION_HINT),
                );
            }
        }
    }
}
