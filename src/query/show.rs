//! `search show ID|PATH[:LINE]`: one article with its metadata (and where each value
//! came from) and its numbered passages — the "open the source" step of a fact-check.

use std::ffi::OsStr;
use std::io::Read;
use std::ops::RangeInclusive;
use std::path::Path;

use tantivy::Searcher;

use crate::error::{Error, Result};
use crate::index::store::{Store, StoredArticle};
use crate::ingest::Format;
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
/// its odd bytes. A line outside the file's articles (0, or past the last) is an
/// [`Error::OutOfRange`] saying which lines they span.
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
    let stored = path_string(&absolute);
    // Counted and looked up by term: a JSON Lines file can hold tens of thousands of
    // articles, and only the one asked for is read.
    let count = store.article_count_of_file(&stored)?;
    if count == 0 {
        return Err(Error::NotFound(format!(
            "{file} is not in the index — run `search index` on its folder"
        )));
    }
    if count > 1 {
        let Some(line) = line else {
            return Err(Error::NotFound(format!(
                "{file} holds {count} articles — add the line of the one you want, e.g. {file}:1"
            )));
        };
        if let Some(article) = store.article_on_line(&stored, line)? {
            return Ok(marked(article, Some(line)));
        }
        let span = store.article_lines_of_file(&stored)?.unwrap_or(line..=line);
        if !span.contains(&line) {
            return Err(out_of_range(&file, line, &span, count));
        }
        return Err(Error::NotFound(format!(
            "no article of {file} is on line {line}"
        )));
    }
    let mut articles = store.articles_of_file(&stored)?;
    if let Some(line) = line {
        let span = span(&absolute, &articles)?;
        if !span.contains(&line) {
            return Err(out_of_range(&file, line, &span, articles.len()));
        }
    }
    Ok(marked(articles.remove(0), line))
}

/// The lines of the file at `path` that its `articles` span: a JSON Lines file's
/// articles lie on their records' lines; any other file is one article, from its first
/// line to its last (read from the file, since a web page's passages do not say where
/// its text ends).
fn span(path: &Path, articles: &[StoredArticle]) -> Result<RangeInclusive<u64>> {
    let lines = articles
        .iter()
        .flat_map(|article| article.passages.iter().map(|p| p.line));
    let stored = articles.first().map(|article| Path::new(&article.path));
    if stored.and_then(Format::of) == Some(Format::Jsonl) {
        let first = lines.clone().min().unwrap_or(1);
        return Ok(first..=lines.max().unwrap_or(first));
    }
    Ok(1..=line_count(path)?.max(1))
}

/// How many lines the file at `path` has (a last line without a line break counts).
fn line_count(path: &Path) -> Result<u64> {
    let mut file = std::fs::File::open(path).map_err(|err| Error::io(path, err))?;
    let mut buffer = vec![0; 1 << 16];
    let (mut lines, mut last) = (0, b'\n');
    loop {
        let read = file.read(&mut buffer).map_err(|err| Error::io(path, err))?;
        let Some(&end) = buffer[..read].last() else {
            break;
        };
        lines += buffer[..read].iter().filter(|&&b| b == b'\n').count() as u64;
        last = end;
    }
    Ok(lines + u64::from(last != b'\n'))
}

/// The error for `line` of `file`, outside the `span` its `articles` articles lie in.
fn out_of_range(file: &str, line: u64, span: &RangeInclusive<u64>, articles: usize) -> Error {
    let (first, last) = (span.start(), span.end());
    let lines = if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}–{last}")
    };
    let (lie, advice) = match articles {
        1 if first == last => ("the article is on", "give that line, or none"),
        1 => ("the article spans", "give a line in that range, or none"),
        _ => ("its articles are on", "give the line of the one you want"),
    };
    Error::OutOfRange(format!(
        "line {line} of {file} is out of range: {lie} {lines} — {advice}"
    ))
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
    fn lines_are_counted_with_or_without_a_last_line_break() {
        let dir = tempfile::tempdir().unwrap();
        for (text, lines) in [("", 0), ("a", 1), ("a\nb", 2), ("a\nb\n", 2), ("\n\n", 2)] {
            let path = dir.path().join("a.txt");
            std::fs::write(&path, text).unwrap();
            assert_eq!(line_count(&path).unwrap(), lines, "{text:?}");
        }
        let long = "line\n".repeat(100_000);
        let path = dir.path().join("long.txt");
        std::fs::write(&path, long).unwrap();
        assert_eq!(line_count(&path).unwrap(), 100_000);
    }

    #[test]
    fn a_line_out_of_range_names_the_lines_of_the_articles() {
        let message = |line, span, articles| out_of_range("f", line, &span, articles).to_string();
        assert_eq!(
            message(0, 1..=28, 1),
            "line 0 of f is out of range: the article spans lines 1–28 — give a line in that range, or none"
        );
        assert_eq!(
            message(5, 3..=3, 1),
            "line 5 of f is out of range: the article is on line 3 — give that line, or none"
        );
        assert_eq!(
            message(9, 1..=4, 2),
            "line 9 of f is out of range: its articles are on lines 1–4 — give the line of the one you want"
        );
    }

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
