//! How entities are written into the index: one `entity` term per entity and article
//! (`person:kim yong hyun` + U+001F + the name as spelled), which filters look up by its
//! key as a prefix and listings count; and a hash per entity in the `entity_hash`
//! column (kind in the top two of [`ENTITY_HASH_BITS`] bits), which `--facets` tallies
//! over a match set.

use crate::entities::{Entity, EntityKind};

/// What separates an entity term's key from the name the article used.
pub const ENTITY_NAME_SEPARATOR: char = '\u{1f}';

/// The term an entity is indexed as: `<kind>:<folded name>` (what filters look for, as
/// a prefix), then [`ENTITY_NAME_SEPARATOR`] and the name as the article spells it (what
/// listings show): `person:kim yong hyun\u{1f}Kim Yong-hyun`.
pub fn entity_term(entity: &Entity) -> String {
    term_of(entity.kind, &entity.key(), &entity.name)
}

/// [`entity_term`] for an entity whose folded key is already known.
pub fn term_of(kind: EntityKind, key: &str, name: &str) -> String {
    let mut term = entity_key_prefix(kind, key);
    term.push_str(name);
    term
}

/// The start every term of the entity of this kind and folded key has.
pub fn entity_key_prefix(kind: EntityKind, key: &str) -> String {
    format!("{}:{key}{ENTITY_NAME_SEPARATOR}", kind.as_str())
}

/// How many bits an `entity_hash` value has: the column packs its values at the width
/// of the largest, so 44 bits take 5.5 bytes an entity where 64 took 8 (2.9 MB less on
/// 190,430 Reuters articles). Two entities of one kind share a value (and are counted
/// together in `--facets`) with a chance of about n²/2⁴³ among n distinct names of
/// that kind: under 1% for 300,000.
pub const ENTITY_HASH_BITS: u32 = 44;

/// The number an entity is counted by in the `entity_hash` column: its kind in the top
/// two of [`ENTITY_HASH_BITS`] bits, a hash of its folded key in the rest.
pub fn entity_hash(kind: EntityKind, key: &str) -> u64 {
    let kind_bits = EntityKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or_default() as u64;
    let key_bits = ENTITY_HASH_BITS - 2;
    (kind_bits << key_bits) | (xxhash_rust::xxh3::xxh3_64(key.as_bytes()) >> (64 - key_bits))
}

/// The kind an [`entity_hash`] was made for.
pub fn kind_of_hash(hash: u64) -> EntityKind {
    EntityKind::ALL
        .get((hash >> (ENTITY_HASH_BITS - 2)) as usize)
        .copied()
        .unwrap_or(EntityKind::Place)
}

/// An entity term read back: its kind, folded key and name.
pub fn read_entity_term(term: &str) -> Option<(EntityKind, &str, &str)> {
    let (kind, rest) = term.split_once(':')?;
    let (key, name) = rest.split_once(ENTITY_NAME_SEPARATOR)?;
    Some((EntityKind::parse(kind)?, key, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_terms_read_back_as_kind_key_and_name() {
        let entity = Entity {
            kind: EntityKind::Person,
            name: "Kim Yong-hyun".to_owned(),
        };
        let term = entity_term(&entity);
        assert_eq!(term, "person:kim yong hyun\u{1f}Kim Yong-hyun");
        assert!(term.starts_with(&entity_key_prefix(EntityKind::Person, "kim yong hyun")));
        assert_eq!(
            read_entity_term(&term),
            Some((EntityKind::Person, "kim yong hyun", "Kim Yong-hyun"))
        );
        assert_eq!(read_entity_term("person:kim"), None);
        for kind in EntityKind::ALL {
            let hash = entity_hash(kind, "kim yong hyun");
            assert_eq!(kind_of_hash(hash), kind);
            assert!(hash < 1 << ENTITY_HASH_BITS, "{hash:x}");
        }
        assert_ne!(
            entity_hash(EntityKind::Person, "kim yong hyun"),
            entity_hash(EntityKind::Person, "kim jong un")
        );
        assert_eq!(read_entity_term("thing:x\u{1f}X"), None);
    }
}
