//! `search show ID|PATH[:LINE]`: one article with its metadata (and where each value
//! came from) and its numbered passages — the "open the source" step of a fact-check.

use std::ffi::OsStr;
use std::path::Path;

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::entities::Entity;
use crate::error::{Error, Result};
use crate::index::IndexHandle;
use crate::ingest::Metadata;
use crate::ingest::walk::path_string;
use crate::schema::Fields;

/// One passage as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredPassage {
    /// 0-based position in the article.
    pub index: u64,
    /// 1-based line in the source file.
    pub line: u64,
    /// The text.
    pub text: String,
}

/// An article read back from the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredArticle {
    /// Its stable id.
    pub article_id: String,
    /// The id its source gave it, if any.
    pub source_id: Option<String>,
    /// The source file (absolute).
    pub path: String,
    /// Metadata with origins.
    pub meta: Metadata,
    /// The people, organisations and places it mentions.
    pub entities: Vec<Entity>,
    /// Its passages in order.
    pub passages: Vec<StoredPassage>,
    /// The passage holding the line asked for, if a line was given.
    pub marked: Option<u64>,
}

/// Finds the article named by `target`: an article id, or a file path with an
/// optional `:LINE` (needed to pick one record of a JSON Lines file).
/// A path that is not UTF-8 is taken as it is, and named in messages with `\xNN` for
/// its odd bytes.
pub fn show(handle: &IndexHandle, target: &OsStr) -> Result<StoredArticle> {
    let reader = handle.index.reader()?;
    let searcher = reader.searcher();
    let fields = &handle.fields;
    // The target as text: an id is ASCII, and a path is named as the index stores it.
    let named = path_string(Path::new(target));
    let by_id = docs_with(&searcher, Term::from_field_text(fields.article_id, &named))?;
    if !by_id.is_empty() {
        return assemble(fields, by_id, None);
    }
    let (path, line) = split_line(target);
    let file = path_string(Path::new(path));
    let target = named;
    let absolute = Path::new(path)
        .canonicalize()
        .map_err(|_| Error::NotFound(format!("no article with id {target} and no file {file} — give an article id or the path of an indexed file")))?;
    let docs = docs_with(
        &searcher,
        Term::from_field_text(fields.path, &path_string(&absolute)),
    )?;
    let mut articles: Vec<(String, Vec<TantivyDocument>)> = Vec::new();
    for doc in docs {
        let Some(id) = text(&doc, fields.article_id) else {
            continue;
        }; // the file's own record
        match articles.iter_mut().find(|(known, _)| *known == id) {
            Some((_, group)) => group.push(doc),
            None => articles.push((id, vec![doc])),
        }
    }
    if articles.is_empty() {
        return Err(Error::NotFound(format!(
            "{file} is not in the index — run `search index` on its folder"
        )));
    }
    if articles.len() > 1 {
        let Some(line) = line else {
            return Err(Error::NotFound(format!(
                "{file} holds {} articles — add the line of the one you want, e.g. {file}:1",
                articles.len()
            )));
        };
        let wanted = articles.into_iter().find(|(_, docs)| {
            docs.iter()
                .any(|doc| number(doc, fields.line) == Some(line))
        });
        let (_, docs) = wanted
            .ok_or_else(|| Error::NotFound(format!("no article of {file} is on line {line}")))?;
        return assemble(fields, docs, Some(line));
    }
    let (_, docs) = articles.remove(0);
    assemble(fields, docs, line)
}

/// `path:12` → (`path`, Some(12)); anything else is all path.
fn split_line(target: &OsStr) -> (&OsStr, Option<u64>) {
    let bytes = target.as_encoded_bytes();
    let Some(colon) = bytes.iter().rposition(|&b| b == b':') else {
        return (target, None);
    };
    let line = std::str::from_utf8(&bytes[colon + 1..])
        .ok()
        .and_then(|line| line.parse().ok());
    match (line, before(target, colon)) {
        (Some(line), Some(file)) if !file.is_empty() => (file, Some(line)),
        _ => (target, None),
    }
}

/// The part of `text` before byte `end`, which holds an ASCII character.
#[cfg(unix)]
fn before(text: &OsStr, end: usize) -> Option<&OsStr> {
    use std::os::unix::ffi::OsStrExt;
    Some(OsStr::from_bytes(&text.as_bytes()[..end]))
}

/// The part of `text` before byte `end` (elsewhere only for text that is Unicode).
#[cfg(not(unix))]
fn before(text: &OsStr, end: usize) -> Option<&OsStr> {
    text.to_str()
        .and_then(|text| text.get(..end))
        .map(OsStr::new)
}

fn docs_with(searcher: &Searcher, term: Term) -> Result<Vec<TantivyDocument>> {
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let addresses = searcher.search(&query, &DocSetCollector)?;
    let mut addresses: Vec<_> = addresses.into_iter().collect();
    addresses.sort();
    let mut docs = Vec::with_capacity(addresses.len());
    for address in addresses {
        docs.push(searcher.doc(address)?);
    }
    Ok(docs)
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_owned))
}

fn number(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<u64> {
    doc.get_first(field).and_then(|v| v.as_u64())
}

/// Builds the article from its `article` document and its passage documents.
fn assemble(
    fields: &Fields,
    docs: Vec<TantivyDocument>,
    line: Option<u64>,
) -> Result<StoredArticle> {
    let mut article = StoredArticle {
        article_id: String::new(),
        source_id: None,
        path: String::new(),
        meta: Metadata::default(),
        entities: Vec::new(),
        passages: Vec::new(),
        marked: None,
    };
    for doc in &docs {
        article.article_id = text(doc, fields.article_id).unwrap_or_default();
        article.path = text(doc, fields.path).unwrap_or_default();
        article.source_id = text(doc, fields.source_id);
        match text(doc, fields.meta) {
            Some(meta) => {
                article.meta = serde_json::from_str(&meta).unwrap_or_default();
                article.entities = text(doc, fields.entities)
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_default();
            }
            None => article.passages.push(StoredPassage {
                index: number(doc, fields.passage).unwrap_or_default(),
                line: number(doc, fields.line).unwrap_or_default(),
                text: text(doc, fields.passage_text).unwrap_or_default(),
            }),
        }
    }
    article.passages.sort_by_key(|p| p.index);
    article.marked = line.and_then(|line| {
        article
            .passages
            .iter()
            .rev()
            .find(|p| p.line <= line)
            .or(article.passages.first())
            .map(|p| p.index)
    });
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_suffixes_are_split_off() {
        let split = |text: &str| {
            let (file, line) = split_line(OsStr::new(text));
            (file.to_str().unwrap().to_owned(), line)
        };
        assert_eq!(
            split("corpus/a.txt:12"),
            ("corpus/a.txt".to_owned(), Some(12))
        );
        assert_eq!(split("corpus/a.txt"), ("corpus/a.txt".to_owned(), None));
        assert_eq!(split("c:/x:y"), ("c:/x:y".to_owned(), None));
        assert_eq!(split(":12"), (":12".to_owned(), None));
    }
}
