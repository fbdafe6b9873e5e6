//! Word-level diff of two texts: what a rewording kept, removed and added, as runs of words.
//!
//! Texts are cut into words and punctuation marks, each keeping the spaces that follow it so that
//! the runs print back exactly; tokens are compared after [`crate::text::normalize`] (apostrophes
//! and spacing do not count as changes; case and accents do). The diff is a longest common
//! subsequence of tokens.

use serde::Serialize;

use crate::text::normalize;

/// One run of a word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum WordOp {
    /// Words in both texts (printed as in the new text).
    Same(String),
    /// Words only in the old text.
    Removed(String),
    /// Words only in the new text.
    Added(String),
}

impl WordOp {
    pub fn text(&self) -> &str {
        match self {
            WordOp::Same(s) | WordOp::Removed(s) | WordOp::Added(s) => s,
        }
    }
}

/// Above this many token pairs the LCS table is not built: the middle is shown as replaced.
const MAX_CELLS: usize = 4_000_000;

struct Tok<'a> {
    /// The token with its trailing spaces, as printed.
    raw: &'a str,
    /// What is compared.
    key: String,
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    // Leading spaces belong to no token: skip them.
    while i < chars.len() && chars[i].1.is_whitespace() {
        i += 1;
    }
    while i < chars.len() {
        let start = chars[i].0;
        let mut j = i + 1;
        if chars[i].1.is_alphanumeric() {
            while j < chars.len()
                && (chars[j].1.is_alphanumeric()
                    || chars[j].1 == '-' && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric())
            {
                j += 1;
            }
        }
        let core_end = chars.get(j).map(|c| c.0).unwrap_or(text.len());
        while j < chars.len() && chars[j].1.is_whitespace() {
            j += 1;
        }
        let end = chars.get(j).map(|c| c.0).unwrap_or(text.len());
        out.push(Tok { raw: &text[start..end], key: normalize(&text[start..core_end]) });
        i = j;
    }
    out
}

/// The word diff from `old` to `new`, consecutive tokens of one kind joined into runs.
pub(crate) fn diff_words(old: &str, new: &str) -> Vec<WordOp> {
    let a = tokenize(old);
    let b = tokenize(new);
    // Common prefix and suffix first: most rewordings touch a few words.
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre].key == b[pre].key {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre
        && suf < b.len() - pre
        && a[a.len() - 1 - suf].key == b[b.len() - 1 - suf].key
    {
        suf += 1;
    }
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops: Vec<(u8, &str)> = Vec::new(); // 0 same, 1 removed, 2 added
    ops.extend(b[..pre].iter().map(|t| (0, t.raw)));
    if am.len().saturating_mul(bm.len()) <= MAX_CELLS {
        lcs(am, bm, &mut ops);
    } else {
        ops.extend(am.iter().map(|t| (1, t.raw)));
        ops.extend(bm.iter().map(|t| (2, t.raw)));
    }
    ops.extend(b[b.len() - suf..].iter().map(|t| (0, t.raw)));
    let mut out: Vec<WordOp> = Vec::new();
    for (k, s) in ops {
        let merged = match (out.last_mut(), k) {
            (Some(WordOp::Same(x)), 0)
            | (Some(WordOp::Removed(x)), 1)
            | (Some(WordOp::Added(x)), 2) => {
                x.push_str(s);
                true
            }
            _ => false,
        };
        if !merged {
            out.push(match k {
                0 => WordOp::Same(s.to_string()),
                1 => WordOp::Removed(s.to_string()),
                _ => WordOp::Added(s.to_string()),
            });
        }
    }
    // Runs keep their trailing space inside; a run that ends the text has none.
    out
}

fn lcs<'a>(a: &[Tok<'a>], b: &[Tok<'a>], ops: &mut Vec<(u8, &'a str)>) {
    let (n, m) = (a.len(), b.len());
    // table[i][j] = LCS length of a[i..] and b[j..]
    let w = m + 1;
    let mut table = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * w + j] = if a[i].key == b[j].key {
                table[(i + 1) * w + j + 1] + 1
            } else {
                table[(i + 1) * w + j].max(table[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i].key == b[j].key {
            ops.push((0, b[j].raw));
            i += 1;
            j += 1;
        } else if table[(i + 1) * w + j] >= table[i * w + j + 1] {
            ops.push((1, a[i].raw));
            i += 1;
        } else {
            ops.push((2, b[j].raw));
            j += 1;
        }
    }
    ops.extend(a[i..].iter().map(|t| (1, t.raw)));
    ops.extend(b[j..].iter().map(|t| (2, t.raw)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reworded_text_shows_its_changed_words() {
        let ops = diff_words(
            "Prospecter, présenter et négocier une solution technique",
            "Prospecter et négocier une proposition commerciale",
        );
        let removed: String = ops
            .iter()
            .filter_map(|o| if let WordOp::Removed(s) = o { Some(s.as_str()) } else { None })
            .collect();
        let added: String = ops
            .iter()
            .filter_map(|o| if let WordOp::Added(s) = o { Some(s.as_str()) } else { None })
            .collect();
        assert!(removed.contains("présenter") && removed.contains("solution technique"), "{ops:?}");
        assert!(
            added.contains("proposition commerciale") && !added.contains("négocier"),
            "{ops:?}"
        );
    }

    #[test]
    fn same_and_new_runs_rebuild_the_new_text() {
        let old = "Assurer une veille commerciale pour analyser l'état du marché";
        let new =
            "Assurer une veille commerciale et concurrentielle pour analyser l’état du marché";
        let ops = diff_words(old, new);
        let rebuilt: String =
            ops.iter().filter(|o| !matches!(o, WordOp::Removed(_))).map(WordOp::text).collect();
        assert_eq!(rebuilt, new);
        assert_eq!(
            ops.iter().filter(|o| matches!(o, WordOp::Removed(_))).count(),
            0,
            "apostrophes are not a change: {ops:?}"
        );
    }

    #[test]
    fn identical_texts_are_one_run() {
        assert_eq!(
            diff_words("Organiser un plan", "Organiser  un plan"),
            vec![WordOp::Same("Organiser  un plan".into())]
        );
    }
}
