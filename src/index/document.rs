//! Articles → tantivy documents: one `article` document and one `passage` document per
//! passage, and the `file` document that records a source file's state.

use std::path::Path;

use tantivy::TantivyDocument;
use tantivy::schema::Facet;

use crate::entities::{Entity, EntityKind};
use crate::ingest::walk::path_string;
use crate::ingest::{Article, LineMap, Metadata, Passage};
use crate::schema::{Fields, KIND_ARTICLE, KIND_FILE, KIND_PASSAGE, date_value};

/// The stable id of an article: 16 hex digits of a hash of its file's absolute path
/// and, inside a JSON Lines file, the record's own id (or its line when it has none).
pub fn article_id(path: &Path, source_id: Option<&str>, line: u32) -> String {
    format!("{:016x}", article_key(path, source_id, line))
}

/// The number behind [`article_id`].
pub fn article_key(path: &Path, source_id: Option<&str>, line: u32) -> u64 {
    let mut key = path.as_os_str().as_encoded_bytes().to_vec();
    key.push(0);
    match source_id {
        Some(id) => key.extend_from_slice(id.as_bytes()),
        None => key.extend_from_slice(format!("line {line}").as_bytes()),
    }
    xxhash_rust::xxh3::xxh3_64(&key)
}

/// The documents for one article: its `article` document first, then its passages, to
/// be added as one batch so they keep consecutive ids: a passage numbered `p` sits
/// `p + 1` documents after its article's. The article document carries the facets and
/// the entities; passages carry the text.
pub fn article_documents(
    fields: &Fields,
    article: &Article,
    passages: &[Passage],
    entities: &[Entity],
) -> Vec<TantivyDocument> {
    let first_line = passages.first().map_or(1, |p| p.line);
    // Only a JSON Lines record needs its line to tell it apart from its neighbours;
    // a text file's id must not move when its first lines are edited.
    let record_line = match article.lines {
        LineMap::Fixed(line) => line,
        _ => 0,
    };
    let key = article_key(&article.path, article.source_id.as_deref(), record_line);
    let id = format!("{key:016x}");
    let path = path_string(&article.path);
    let meta = &article.meta;
    let facets = facets(meta);
    let date = meta.date.as_ref().map(|d| {
        (
            date_value(d.value.first_day()),
            date_value(d.value.last_day()),
            d.value.to_string(),
        )
    });

    let mut docs = Vec::with_capacity(passages.len() + 1);
    let mut head = TantivyDocument::default();
    head.add_text(fields.kind, KIND_ARTICLE);
    head.add_text(fields.article_id, &id);
    head.add_text(fields.path, &path);
    if let Some(source_id) = &article.source_id {
        head.add_text(fields.source_id, source_id);
    }
    head.add_u64(fields.passage, passages.len() as u64);
    // Every document has an `article_key` and a `passage`, so the fast-field columns are
    // dense and read without a rank lookup.
    head.add_u64(fields.article_key, key);
    head.add_u64(fields.line, u64::from(first_line));
    head.add_text(fields.meta, serde_json::to_string(meta).unwrap_or_default());
    head.add_text(
        fields.entities,
        serde_json::to_string(entities).unwrap_or_default(),
    );
    // One term per entity, and no facet: a facet costs a dictionary entry per level and
    // a column value, which took a third of indexing time; the term's dictionary already
    // holds each name once and its postings list the articles (see `query/entities.rs`),
    // and a column of their hashes lets `--facets` count a match set's entities without
    // reading the dictionary.
    for entity in entities {
        let key = entity.key();
        head.add_u64(fields.entity_hash, entity_hash(entity.kind, &key));
        head.add_text(fields.entity, term_of(entity.kind, &key, &entity.name));
    }
    add_date_and_facets(fields, &mut head, date.as_ref(), &facets);
    docs.push(head);

    for passage in passages {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, KIND_PASSAGE);
        doc.add_text(fields.article_id, &id);
        doc.add_u64(fields.article_key, key);
        doc.add_text(fields.path, &path);
        if let Some(source_id) = &article.source_id {
            doc.add_text(fields.source_id, source_id);
        }
        doc.add_u64(fields.passage, u64::from(passage.index));
        doc.add_u64(fields.line, u64::from(passage.line));
        if let Some(title) = &meta.title {
            doc.add_text(fields.title, &title.value);
        }
        if let Some(outlet) = &meta.outlet {
            doc.add_text(fields.outlet, &outlet.value);
        }
        let text = passage.text(&article.body);
        doc.add_text(fields.text, text);
        if let Some(title) = &meta.title {
            doc.add_text(fields.text, &title.value);
        }
        doc.add_text(fields.passage_text, text);
        // Facets and entities live on the article document alone: queries reach them
        // from a passage through its article (see `query/facets.rs`, `query/articles.rs`).
        add_date_and_facets(fields, &mut doc, date.as_ref(), &[]);
        docs.push(doc);
    }
    docs
}

/// What separates an entity term's key from the name the article used.
pub const ENTITY_NAME_SEPARATOR: char = '\u{1f}';

/// The term an entity is indexed as: `<kind>:<folded name>` (what filters look for, as
/// a prefix), then [`ENTITY_NAME_SEPARATOR`] and the name as the article spells it (what
/// listings show): `person:kim yong hyun\u{1f}Kim Yong-hyun`.
pub fn entity_term(entity: &Entity) -> String {
    term_of(entity.kind, &entity.key(), &entity.name)
}

fn term_of(kind: EntityKind, key: &str, name: &str) -> String {
    let mut term = entity_key_prefix(kind, key);
    term.push_str(name);
    term
}

/// The start every term of the entity of this kind and folded key has.
pub fn entity_key_prefix(kind: EntityKind, key: &str) -> String {
    format!("{}:{key}{ENTITY_NAME_SEPARATOR}", kind.as_str())
}

/// The number an entity is counted by in the `entity_hash` column: its kind in the top
/// two bits, a hash of its folded key in the rest.
pub fn entity_hash(kind: EntityKind, key: &str) -> u64 {
    let kind_bits = EntityKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or_default() as u64;
    (kind_bits << 62) | (xxhash_rust::xxh3::xxh3_64(key.as_bytes()) >> 2)
}

/// The kind an [`entity_hash`] was made for.
pub fn kind_of_hash(hash: u64) -> EntityKind {
    EntityKind::ALL
        .get((hash >> 62) as usize)
        .copied()
        .unwrap_or(EntityKind::Place)
}

/// An entity term read back: its kind, folded key and name.
pub fn read_entity_term(term: &str) -> Option<(EntityKind, &str, &str)> {
    let (kind, rest) = term.split_once(':')?;
    let (key, name) = rest.split_once(ENTITY_NAME_SEPARATOR)?;
    Some((EntityKind::parse(kind)?, key, name))
}

fn facets(meta: &Metadata) -> Vec<Facet> {
    let mut facets = Vec::with_capacity(2);
    if let Some(outlet) = &meta.outlet {
        facets.push(Facet::from_path(["outlet", outlet.value.as_str()]));
    }
    if let Some(date) = &meta.date {
        let mut path = vec!["date".to_owned()];
        path.extend(date.value.facet_segments());
        facets.push(Facet::from_path(path));
        if let Some(month) = date.value.month_value() {
            facets.push(Facet::from_path([
                "month".to_owned(),
                format!("{:04}-{month:02}", date.value.year_value()),
            ]));
        }
    }
    facets
}

fn add_date_and_facets(
    fields: &Fields,
    doc: &mut TantivyDocument,
    date: Option<&(i64, i64, String)>,
    facets: &[Facet],
) {
    if let Some((first, last, text)) = date {
        doc.add_i64(fields.date, *first);
        doc.add_i64(fields.date_end, *last);
        doc.add_text(fields.date_text, text);
    }
    for facet in facets {
        doc.add_facet(fields.facet, facet.clone());
    }
}

/// What a `file` document records about a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, ns since the epoch.
    pub mtime: i64,
    /// xxh3 of the content.
    pub content_hash: u64,
    /// xxh3 of the folder defaults that applied to it.
    pub defaults_hash: u64,
}

/// The `file` document for a source file.
pub fn file_document(fields: &Fields, path: &Path, state: FileState) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, KIND_FILE);
    doc.add_text(fields.path, path_string(path));
    doc.add_u64(fields.article_key, 0);
    doc.add_u64(fields.passage, 0);
    doc.add_u64(fields.file_size, state.size);
    doc.add_i64(fields.file_mtime, state.mtime);
    doc.add_u64(fields.content_hash, state.content_hash);
    doc.add_u64(fields.defaults_hash, state.defaults_hash);
    doc
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
            assert_eq!(kind_of_hash(entity_hash(kind, "kim yong hyun")), kind);
        }
        assert_ne!(
            entity_hash(EntityKind::Person, "kim yong hyun"),
            entity_hash(EntityKind::Person, "kim jong un")
        );
        assert_eq!(read_entity_term("thing:x\u{1f}X"), None);
    }

    #[test]
    fn article_ids_are_stable_and_distinct() {
        let a = article_id(Path::new("/c/a.jsonl"), Some("reuters-1"), 1);
        assert_eq!(a, article_id(Path::new("/c/a.jsonl"), Some("reuters-1"), 9));
        assert_eq!(a.len(), 16);
        assert_ne!(a, article_id(Path::new("/c/a.jsonl"), Some("reuters-2"), 1));
        assert_ne!(
            article_id(Path::new("/c/b.txt"), None, 1),
            article_id(Path::new("/c/b.txt"), None, 2)
        );
    }
}
