//! `search show ID|PATH[:LINE]`: one article with its metadata (and where each value
//! came from) and its numbered passages — the "open the source" step of a fact-check.

use std::ffi::OsStr;
use std::path::Path;

use tantivy::Searcher;

use crate::error::{Error, Result};
use crate::index::store::{Store, StoredArticle};
use crate::paths::path_string;
use crate::schema::Fields;

/// An article to show, with the passage asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The article, whole.
    pub article: StoredArticle,
    /// The passage holding the line asked for, if a line was given.
    pub marked: Option<u64>,
}

/// Finds the article named by `target`: an article id, or a file path with an
/// optional `:LINE` (needed to pick one record of a JSON Lines file).
/// A path that is not UTF-8 is taken as it is, and named in messages with `\xNN` for
/// its odd bytes.
pub fn show(searcher: &Searcher, fields: &Fields, target: &OsStr) -> Result<Shown> {
    let store = Store::new(searcher, fields);
    // The target as text: an id is ASCII, and a path is named as the index stores it.
    let named = path_string(Path::new(target));
    if let Some(article) = store.article_by_id(&named)? {
        return Ok(Shown {
            article,
            marked: None,
        });
    }
    let (path, line) = split_line(target);
    let file = path_string(Path::new(path));
    let absolute = Path::new(path)
        .canonicalize()
        .map_err(|_| Error::NotFound(format!("no article with id {named} and no file {file} — give an article id or the path of an indexed file")))?;
    let mut articles = store.articles_of_file(&path_string(&absolute))?;
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
        let article = articles
            .into_iter()
            .find(|article| article.passages.iter().any(|p| p.line == line))
            .ok_or_else(|| Error::NotFound(format!("no article of {file} is on line {line}")))?;
        return Ok(marked(article, Some(line)));
    }
    Ok(marked(articles.remove(0), line))
}

/// The article with the passage holding `line` marked: the last one starting on or
/// before it.
fn marked(article: StoredArticle, line: Option<u64>) -> Shown {
    let marked = line.and_then(|line| {
        article
            .passages
            .iter()
            .rev()
            .find(|p| p.line <= line)
            .or(article.passages.first())
            .map(|p| p.index)
    });
    Shown { article, marked }
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
