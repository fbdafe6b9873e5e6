//! One certification's elements as a tree, in data order: what diff and crosswalk walk.

use std::collections::HashMap;

use crate::ids::{CertId, ElementKey};
use crate::model::{Corpus, Element};

/// The elements of one certification as a tree, in data order.
pub struct Tree<'c> {
    pub cert: CertId,
    pub elems: Vec<&'c Element>,
    pub parent: Vec<Option<usize>>,
    pub children: Vec<Vec<usize>>,
    pub(crate) roots: Vec<usize>,
    /// Position of each element in a pre-order walk.
    pub(crate) preorder: Vec<usize>,
    pub depth: Vec<usize>,
    by_local: HashMap<&'c str, usize>,
}

impl<'c> Tree<'c> {
    pub fn build(corpus: &'c Corpus, cert: &CertId) -> Tree<'c> {
        let elems: Vec<&Element> = corpus.elements_of(cert).collect();
        let by_local: HashMap<&str, usize> =
            elems.iter().enumerate().map(|(i, e)| (e.key.local.as_str(), i)).collect();
        let parent: Vec<Option<usize>> = elems
            .iter()
            .map(|e| e.parent.as_ref().and_then(|p| by_local.get(p.local.as_str()).copied()))
            .collect();
        let children: Vec<Vec<usize>> = elems
            .iter()
            .map(|e| {
                e.children.iter().filter_map(|c| by_local.get(c.local.as_str()).copied()).collect()
            })
            .collect();
        let roots: Vec<usize> = (0..elems.len()).filter(|&i| parent[i].is_none()).collect();
        let mut preorder = vec![0; elems.len()];
        let mut depth = vec![0; elems.len()];
        let mut stack: Vec<(usize, usize)> = roots.iter().rev().map(|&r| (r, 0)).collect();
        let mut pos = 0;
        let mut seen = vec![false; elems.len()];
        while let Some((i, d)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            preorder[i] = pos;
            depth[i] = d;
            pos += 1;
            stack.extend(children[i].iter().rev().map(|&c| (c, d + 1)));
        }
        Tree { cert: cert.clone(), elems, parent, children, roots, preorder, depth, by_local }
    }

    pub fn len(&self) -> usize {
        self.elems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.elems.is_empty()
    }

    /// The element of this tree with this local id.
    pub(crate) fn find_local(&self, local: &str) -> Option<usize> {
        self.by_local.get(local).copied()
    }

    pub fn find(&self, key: &ElementKey) -> Option<usize> {
        if key.cert != self.cert {
            return None;
        }
        self.by_local.get(key.local.as_str()).copied()
    }
}
