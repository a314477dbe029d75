//! Where a passage was printed — its article's id, file, line, outlet, language, date
//! and headline — read from the fast columns: the store keeps none of them on a
//! passage (the store would hold them once per passage; see docs/benchmarks.md, index
//! size). A story's copies are listed this way too: nine copies cost nine column
//! reads, not nine store blocks decompressed (see docs/benchmarks.md, query latency). A column's dictionary is read
//! once per distinct value: the copies of a story mostly share their headline, outlet
//! and date, and a dictionary block is compressed too.

use std::collections::HashMap;

use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Searcher};

use crate::error::Result;
use crate::index::store::{ArticleColumn, article_doc};

/// Where a text appeared: one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// The article's stable id.
    pub article_id: String,
    /// The source file (absolute, as [`crate::paths::path_string`] writes it).
    pub path: String,
    /// 1-based line of the source file where the matched words (or the passage) start.
    pub line: u64,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The article's language (ISO 639-1), if known.
    pub lang: Option<String>,
    /// The date as precise as the source gave it, if known.
    pub date: Option<String>,
    /// The headline, if known.
    pub title: Option<String>,
}

/// The columns a [`Source`] is read from, per segment.
pub struct SourceColumns {
    segments: Vec<SegmentColumns>,
    /// Dictionaries of at most this many values are read whole ([`READ_WHOLE`]).
    read_whole: usize,
    /// The values read so far, by segment, column and ordinal.
    read: HashMap<(usize, usize, u64), String>,
}

struct SegmentColumns {
    key: ArticleColumn,
    /// A passage's number, which leads to its article document.
    passage: Column<u64>,
    line: Column<u64>,
    /// Path, outlet, language, date and title, in [`TEXTS`]' order.
    texts: Vec<Option<Strings>>,
}

impl SegmentColumns {
    /// The `article` document of the `article` or `passage` document `doc`: every
    /// article document has an `article_key`.
    fn article_of(&self, doc: DocId) -> Option<DocId> {
        match self.key.on(doc) {
            Some(_) => Some(doc),
            None => article_doc(doc, self.passage.first(doc)?),
        }
    }
}

/// A string column, and the whole of its dictionary once read when it is small.
struct Strings {
    column: StrColumn,
    all: Option<Vec<String>>,
}

/// A dictionary of at most this many values (a collection's outlets, languages and
/// dates; its files when there are few) is read whole at its first lookup: each lookup
/// of one value decompresses a block of it, and a page of results with their copies
/// asks for tens of values, mostly from a few blocks. A larger one (the headlines) is
/// read one value at a time.
const READ_WHOLE: usize = 1024;

/// The string columns of a source.
const TEXTS: [&str; 5] = ["path", "outlet", "lang", "date_text", "title"];
/// Where `path` is in [`TEXTS`].
const PATH: usize = 0;
/// Where `title` is in [`TEXTS`]: read at the article document.
const TITLE: usize = 4;

impl SourceColumns {
    /// The columns of every segment `searcher` sees.
    pub fn open(searcher: &Searcher) -> Result<SourceColumns> {
        Self::open_reading_whole(searcher, READ_WHOLE)
    }

    /// [`SourceColumns::open`], reading dictionaries of at most `read_whole` values whole.
    fn open_reading_whole(searcher: &Searcher, read_whole: usize) -> Result<SourceColumns> {
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        for reader in searcher.segment_readers() {
            let fast = reader.fast_fields();
            let mut texts = Vec::with_capacity(TEXTS.len());
            for name in TEXTS {
                texts.push(fast.str(name)?.map(|column| Strings { column, all: None }));
            }
            segments.push(SegmentColumns {
                key: ArticleColumn::open(reader, "article_key")?,
                passage: fast.u64("passage")?,
                line: fast.u64("line")?,
                texts,
            });
        }
        Ok(SourceColumns {
            segments,
            read_whole,
            read: HashMap::new(),
        })
    }

    /// The source of the passage (or article) at `at`.
    pub fn source(&mut self, at: DocAddress) -> Result<Source> {
        self.source_with(at, None)
    }

    /// The source of the passage (or article) at `at`, its headline `title` when that
    /// is known already (an exact copy's, [`crate::index::store::copy_fingerprint`]),
    /// else read.
    pub fn source_with(&mut self, at: DocAddress, title: Option<Option<String>>) -> Result<Source> {
        let segment = at.segment_ord as usize;
        let doc = at.doc_id;
        let article = self.segments[segment].article_of(doc);
        let mut texts: [Option<String>; TEXTS.len()] = Default::default();
        for (column, text) in texts.iter_mut().enumerate() {
            // The headline is on the article document alone.
            let on = if column == TITLE { article } else { Some(doc) };
            if let Some(on) = on
                && (column != TITLE || title.is_none())
            {
                *text = self.text(segment, column, on)?;
            }
        }
        if let Some(known) = title {
            texts[TITLE] = known;
        }
        let [path, outlet, lang, date, title] = texts;
        let columns = &self.segments[segment];
        Ok(Source {
            article_id: format!(
                "{:016x}",
                article
                    .and_then(|article| columns.key.on(article))
                    .unwrap_or_default()
            ),
            path: path.unwrap_or_default(),
            line: columns.line.first(doc).unwrap_or_default(),
            outlet,
            lang,
            date,
            title,
        })
    }

    /// The path of the document at `at` (a `file` document's too), if it has one.
    pub fn path(&mut self, at: DocAddress) -> Result<Option<String>> {
        self.text(at.segment_ord as usize, PATH, at.doc_id)
    }

    /// The first value of `doc` in string column number `column` of `segment` (`None`
    /// when it has none, or the segment has no such column: no document in it has the
    /// field).
    fn text(&mut self, segment: usize, column: usize, doc: DocId) -> Result<Option<String>> {
        let Some(strings) = &mut self.segments[segment].texts[column] else {
            return Ok(None);
        };
        let Some(ord) = strings.column.term_ords(doc).next() else {
            return Ok(None);
        };
        if strings.column.num_terms() <= self.read_whole {
            let all = match &mut strings.all {
                Some(all) => all,
                none => none.insert(whole_dictionary(&strings.column)?),
            };
            return Ok(all.get(ord as usize).cloned());
        }
        if let Some(value) = self.read.get(&(segment, column, ord)) {
            return Ok(Some(value.clone()));
        }
        let mut value = String::new();
        strings
            .column
            .ord_to_str(ord, &mut value)
            .map_err(tantivy::TantivyError::from)?;
        self.read.insert((segment, column, ord), value.clone());
        Ok(Some(value))
    }
}

/// Every value of `column`'s dictionary, by ordinal.
fn whole_dictionary(column: &StrColumn) -> Result<Vec<String>> {
    let mut all = Vec::with_capacity(column.num_terms());
    let mut values = column
        .dictionary()
        .stream()
        .map_err(tantivy::TantivyError::from)?;
    while values.advance() {
        all.push(String::from_utf8_lossy(values.key()).into_owned());
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::fixture::{Doc, doc, indexed};

    #[test]
    fn a_dictionary_read_whole_gives_the_values_read_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let dated = |name, outlet, date, title| Doc {
            name,
            outlet: Some(outlet),
            date: Some(date),
            title: Some(title),
            body: "Officers were sent to the front, the ministry said on Tuesday.\n",
        };
        indexed(
            dir.path(),
            &[
                dated("a.md", "Yonhap", "2024-10-08", "Officers sent"),
                dated("b.md", "Reuters", "2024-10", "Troops sent"),
                doc(
                    "c.md",
                    "An undated article with no outlet, long enough to stand alone.\n",
                ),
            ],
        );
        let handle = crate::index::open(&dir.path().join("index")).unwrap();
        let reader = handle.index.reader().unwrap();
        let searcher = reader.searcher();
        let mut whole = SourceColumns::open(&searcher).unwrap();
        let mut one_by_one = SourceColumns::open_reading_whole(&searcher, 0).unwrap();
        let mut read = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc_id in 0..segment.max_doc() {
                let at = DocAddress::new(ord as u32, doc_id);
                let source = whole.source(at).unwrap();
                assert_eq!(source, one_by_one.source(at).unwrap());
                read.push((source.outlet, source.date, source.title));
            }
        }
        for expected in [
            (Some("Yonhap"), Some("2024-10-08"), Some("Officers sent")),
            (Some("Reuters"), Some("2024-10"), Some("Troops sent")),
            (None, None, None),
        ] {
            let found = |(o, d, t): &(Option<String>, Option<String>, Option<String>)| {
                (o.as_deref(), d.as_deref(), t.as_deref()) == expected
            };
            assert!(read.iter().any(found), "{expected:?} not among {read:?}");
        }
    }
}
