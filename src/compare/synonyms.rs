//! Synonym groups for comparing texts: a text that holds any member of a group (all the stems of
//! one of its phrases) also gets the group's concept term, so that two texts wording one idea
//! differently ("besoins détectés" / "attentes du client") share a term. The groups come from the
//! domain vocabulary in the data; this module only applies them.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::lang;

/// One group: its label (members joined by " ≈ ") and each member as its stems.
#[derive(Clone, Debug)]
pub(crate) struct SynonymGroup {
    pub label: String,
    pub(crate) members: Vec<Vec<String>>,
}

/// The terms of each text already seen, shared between threads.
type Memo = Arc<RwLock<HashMap<String, Vec<String>>>>;

/// The synonym groups a comparison uses.
#[derive(Clone, Debug, Default)]
pub struct Synonyms {
    groups: Vec<SynonymGroup>,
    /// The terms of each text already seen, when memoised ([`Synonyms::memoised`]).
    memo: Option<Memo>,
}

/// The prefix of concept terms (never a stem of a word: words are alphanumeric).
pub(crate) const CONCEPT: char = '≈';

impl Synonyms {
    /// Groups of phrases (each group: the phrases that say one thing).
    pub fn new<'a>(groups: impl IntoIterator<Item = Vec<&'a str>>) -> Synonyms {
        let groups = groups
            .into_iter()
            .map(|phrases| SynonymGroup {
                label: phrases.join(" ≈ "),
                members: phrases.iter().map(|p| lang::terms(p)).filter(|t| !t.is_empty()).collect(),
            })
            .filter(|g| g.members.len() >= 2)
            .collect();
        Synonyms { groups, memo: None }
    }

    /// The same groups, remembering the terms of every text they are asked about: for many
    /// comparisons over the same texts (the crosswalks of every pair of certifications).
    pub(crate) fn memoised(self) -> Synonyms {
        Synonyms { memo: Some(Arc::default()), ..self }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The stems of `text` followed by the concept terms of the groups it holds.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let Some(memo) = &self.memo else { return self.compute(text) };
        if let Some(t) = memo.read().unwrap_or_else(|e| e.into_inner()).get(text) {
            return t.clone();
        }
        let t = self.compute(text);
        memo.write().unwrap_or_else(|e| e.into_inner()).insert(text.to_string(), t.clone());
        t
    }

    fn compute(&self, text: &str) -> Vec<String> {
        let mut terms = lang::terms(text);
        let concepts: Vec<String> = self
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.members.iter().any(|m| m.iter().all(|s| terms.contains(s))))
            .map(|(i, _)| format!("{CONCEPT}{i}"))
            .collect();
        terms.extend(concepts);
        terms
    }

    /// The label of a concept term (`≈3` → "besoin ≈ attente"), `None` for a plain stem.
    pub fn label(&self, term: &str) -> Option<&str> {
        let i: usize = term.strip_prefix(CONCEPT)?.parse().ok()?;
        self.groups.get(i).map(|g| g.label.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_wording_one_idea_differently_share_its_concept() {
        let s = Synonyms::new([
            vec!["besoin", "attente"],
            vec!["prospecter", "rechercher de nouveaux clients"],
        ]);
        let a = s.terms("La découverte du besoin est pertinente");
        let b = s.terms("Identifier les attentes du client");
        let c = s.terms("Rechercher de nouveaux clients par téléphone");
        assert!(a.contains(&"≈0".to_string()) && b.contains(&"≈0".to_string()));
        assert!(c.contains(&"≈1".to_string()) && !a.contains(&"≈1".to_string()));
        assert_eq!(s.label("≈0"), Some("besoin ≈ attente"));
        assert_eq!(s.label("besoin"), None);
    }
}
