//! What the entity quality tests share: how a name is compared with a label, and the
//! tally of found, labelled and right names that precision and recall come from.

use std::collections::BTreeSet;

use search::entities::{Entity, EntityKind, canonical_alias, key_of};

/// The key a name is compared by: through the gazetteer's aliases where it knows the
/// name as this kind ("AFP" and "Agence France-Presse", "Донецк" and "Donetsk" are one),
/// then folded.
pub fn normal(kind: EntityKind, name: &str) -> String {
    match canonical_alias(name) {
        Some((k, canonical)) if k == kind => key_of(&canonical),
        _ => key_of(name),
    }
}

/// Names found, labelled, and both.
#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub found: usize,
    pub gold: usize,
    pub right: usize,
}

/// The keys of the entities of `kind` among `entities`.
pub fn keys_of(entities: &[Entity], kind: EntityKind) -> BTreeSet<String> {
    entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| normal(kind, &e.name))
        .collect()
}

impl Tally {
    /// Counts one article's names of one kind against its labels; with `ENTITY_DIFF`
    /// set, prints what was found beyond them and what was missed.
    pub fn count(
        &mut self,
        found: &BTreeSet<String>,
        gold: &BTreeSet<String>,
        article: &str,
        kind: EntityKind,
    ) {
        self.found += found.len();
        self.gold += gold.len();
        self.right += found.intersection(gold).count();
        if std::env::var_os("ENTITY_DIFF").is_some() {
            let extra: Vec<_> = found.difference(gold).collect();
            let missed: Vec<_> = gold.difference(found).collect();
            if !extra.is_empty() || !missed.is_empty() {
                eprintln!(
                    "{article} {}: extra {extra:?} missed {missed:?}",
                    kind.as_str()
                );
            }
        }
    }

    pub fn precision(&self) -> f64 {
        self.right as f64 / self.found.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.right as f64 / self.gold.max(1) as f64
    }
}
