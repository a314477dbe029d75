//! The one reader and writer of stored documents. An index holds three kinds of
//! document (see `schema.rs`): an `article` document with the metadata and entities,
//! one `passage` document per passage, and a `file` document per source file. This
//! file builds them from typed values and reads them back as typed values; no other
//! file reads a stored field.
//!
//! It also owns the adjacency rule: an article's documents are added as one batch, so
//! they sit in one segment with consecutive ids — the `article` document, then its
//! passages in order. The passage numbered `p` is `p + 1` documents after its
//! article's, and the article's `passage` value is how many follow it. Facets, entity
//! filters and a quote's surrounding passages rely on it ([`article_doc`],
//! [`passage_docs`]); ARCHITECTURE.md says which tantivy behaviour it rests on.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::Path;

use tantivy::collector::{Count, DocSetCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, Searcher, SegmentReader, TantivyDocument, Term};

use crate::entities::Entity;
use crate::error::Result;
use crate::index::entity_terms::{entity_hash, term_of};
use crate::index::sources::{Source, SourceColumns};
use crate::ingest::{Article, LineMap, Metadata, Passage};
use crate::paths::path_string;
use crate::schema::{Fields, KIND_ARTICLE, KIND_FILE, KIND_PASSAGE, date_value};
use crate::text::Language;
use crate::text::shingles::{fingerprint, shingles};

// ---------------------------------------------------------------------------------
// The adjacency rule.

/// The `article` document of the passage numbered `passage` at `doc`, in its segment.
pub fn article_doc(doc: DocId, passage: u64) -> Option<DocId> {
    u64::from(doc)
        .checked_sub(passage + 1)
        .and_then(|article| DocId::try_from(article).ok())
}

/// The passage documents of the `article` document at `article`, which has `count`
/// passages, in a segment of `max_doc` documents (empty when it has none).
pub fn passage_docs(article: DocId, count: u64, max_doc: DocId) -> RangeInclusive<DocId> {
    let last = u64::from(article)
        .saturating_add(count)
        .min(u64::from(max_doc.saturating_sub(1)));
    let last = DocId::try_from(last).unwrap_or(DocId::MAX);
    article.saturating_add(1)..=last
}

/// A `u64` column written on `article` documents alone (`article_key`, `copy_hash`),
/// read for a passage through the adjacency rule: its article document is `passage + 1`
/// documents before it.
pub struct ArticleColumn {
    values: Column<u64>,
}

impl ArticleColumn {
    /// The column `field` of `segment`.
    pub fn open(segment: &SegmentReader, field: &str) -> tantivy::Result<ArticleColumn> {
        Ok(ArticleColumn {
            values: segment.fast_fields().u64(field)?,
        })
    }

    /// The value on `doc` itself: `None` for a passage document.
    pub fn on(&self, doc: DocId) -> Option<u64> {
        self.values.first(doc)
    }

    /// The value for the passage document `doc`, numbered `passage` in its article.
    pub fn of_passage(&self, doc: DocId, passage: u64) -> Option<u64> {
        self.values.first(article_doc(doc, passage)?)
    }
}

// ---------------------------------------------------------------------------------
// Typed records.

/// A passage document read back: the passage and where it was printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageDoc {
    /// Its article and where in the source file the passage starts (`source.line`).
    pub source: Source,
    /// 0-based passage number in the article.
    pub index: u64,
    /// The passage's text.
    pub text: String,
}

impl PassageDoc {
    /// The language the passage was indexed as, whose analyzer reads its words.
    pub fn language(&self) -> Language {
        Language::of_code(self.source.lang.as_deref())
    }
}

/// What a passage's `article` document adds to it: the source's own id and the
/// article's entities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleDoc {
    /// The id the source gave the article (JSON Lines `id`/`_id`), if any.
    pub source_id: Option<String>,
    /// The people, organisations and places it mentions.
    pub entities: Vec<Entity>,
}

/// One passage of a [`StoredArticle`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPassage {
    /// 0-based position in the article.
    pub index: u64,
    /// 1-based line in the source file.
    pub line: u64,
    /// The text.
    pub text: String,
}

/// An article read back whole: its document and its passages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
}

/// What a `file` document records about a source file: its identity as git's index
/// keeps it (size, modification and change times, inode), its content hash, and the
/// path the walk reached it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileState {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, ns since the epoch.
    pub mtime: i64,
    /// Inode number (0 where the system has none).
    pub inode: u64,
    /// Status change time, ns since the epoch (0 where the system has none).
    pub ctime: i64,
    /// When the run that recorded this looked at the file, ns since the epoch.
    pub seen: i64,
    /// xxh3 of the content.
    pub content_hash: u64,
    /// xxh3 of the folder defaults that applied to it.
    pub defaults_hash: u64,
    /// The path the walk reached it by (as [`path_string`] writes it): a symlink's
    /// when it came through one.
    pub reached: String,
}

/// The indexed files, by stored path.
pub type IndexedFiles = HashMap<String, FileState>;

// ---------------------------------------------------------------------------------
// Reading.

/// Stored documents of one searcher's view of the index, read as typed values. A
/// passage document stores its own text, number and line alone: its article's id,
/// file, outlet, language, date and headline are read from the fast columns
/// ([`SourceColumns`], opened on first use), and the source's own id from the article
/// document.
pub struct Store<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    columns: RefCell<Option<SourceColumns>>,
}

impl<'a> Store<'a> {
    /// The stored documents `searcher` sees.
    pub fn new(searcher: &'a Searcher, fields: &'a Fields) -> Self {
        Store {
            searcher,
            fields,
            columns: RefCell::new(None),
        }
    }

    /// Where the document at `at` was printed, from the columns.
    pub fn source(&self, at: DocAddress) -> Result<Source> {
        self.with_columns(|columns| columns.source(at))
    }

    /// [`Store::source`] for a document whose headline is known already: an exact
    /// copy's of an article read before.
    pub fn source_titled(&self, at: DocAddress, title: Option<String>) -> Result<Source> {
        self.with_columns(|columns| columns.source_with(at, Some(title)))
    }

    /// `read` of the columns, opened on first use.
    fn with_columns<T>(&self, read: impl FnOnce(&mut SourceColumns) -> Result<T>) -> Result<T> {
        let mut columns = self.columns.borrow_mut();
        match &mut *columns {
            Some(columns) => read(columns),
            none => read(none.insert(SourceColumns::open(self.searcher)?)),
        }
    }

    /// The passage document at `at`.
    pub fn passage(&self, at: DocAddress) -> Result<PassageDoc> {
        let own = self.own_passage(at)?;
        self.sourced(at, own)
    }

    /// What the passage document at `at` stores of its own (text, number and line),
    /// where it was printed not read.
    pub fn own_passage(&self, at: DocAddress) -> Result<StoredPassage> {
        let doc: TantivyDocument = self.searcher.doc(at)?;
        let fields = self.fields;
        Ok(StoredPassage {
            index: number(&doc, fields.passage).unwrap_or_default(),
            line: number(&doc, fields.line).unwrap_or_default(),
            text: text(&doc, fields.passage_text).unwrap_or_default(),
        })
    }

    /// The passage at `at`, `own` as [`Store::own_passage`] read it, with where it was
    /// printed.
    pub fn sourced(&self, at: DocAddress, own: StoredPassage) -> Result<PassageDoc> {
        let source = self.source(at)?;
        Ok(PassageDoc {
            source: Source {
                line: own.line,
                ..source
            },
            index: own.index,
            text: own.text,
        })
    }

    /// The entities stored on the `article` document at `article`.
    pub fn entities(&self, article: DocAddress) -> Result<Vec<Entity>> {
        let doc: TantivyDocument = self.searcher.doc(article)?;
        Ok(entities_of(&doc, self.fields))
    }

    /// The entities and the source's own id of the article of passage number `passage`
    /// at `at`, from its article document.
    pub fn article_of_passage(&self, at: DocAddress, passage: u64) -> Result<ArticleDoc> {
        let Some(doc_id) = article_doc(at.doc_id, passage) else {
            return Ok(ArticleDoc::default());
        };
        let doc: TantivyDocument = self.searcher.doc(DocAddress { doc_id, ..at })?;
        Ok(ArticleDoc {
            source_id: text(&doc, self.fields.source_id),
            entities: entities_of(&doc, self.fields),
        })
    }

    /// The whole text of the article of passage number `passage` at `at`: its
    /// passages in order, a blank line apart.
    pub fn article_text(&self, at: DocAddress, passage: u64) -> Result<String> {
        let Some(article) = article_doc(at.doc_id, passage) else {
            return Ok(String::new());
        };
        let doc: TantivyDocument = self.searcher.doc(DocAddress {
            doc_id: article,
            ..at
        })?;
        let count = number(&doc, self.fields.passage).unwrap_or_default();
        let max_doc = self.searcher.segment_reader(at.segment_ord).max_doc();
        let mut whole = String::new();
        for doc_id in passage_docs(article, count, max_doc) {
            let doc: TantivyDocument = self.searcher.doc(DocAddress { doc_id, ..at })?;
            if let Some(passage) = text(&doc, self.fields.passage_text) {
                if !whole.is_empty() {
                    whole.push_str("\n\n");
                }
                whole.push_str(&passage);
            }
        }
        Ok(whole)
    }

    /// Up to `count` passages of the same article just before `passage` (at `at`),
    /// in order: what a quote's speaker is read from.
    pub fn passages_before(
        &self,
        at: DocAddress,
        passage: &PassageDoc,
        count: u64,
    ) -> Result<Vec<PassageDoc>> {
        let mut before = Vec::new();
        for back in (1..=passage.index.min(count)).rev() {
            let Some(doc_id) = at.doc_id.checked_sub(back as u32) else {
                continue;
            };
            let earlier = self.passage(DocAddress { doc_id, ..at })?;
            if earlier.source.article_id == passage.source.article_id
                && earlier.index + back == passage.index
            {
                before.push(earlier);
            }
        }
        Ok(before)
    }

    /// The first passage of `passage`'s article (`passage` at `at`), if the index holds
    /// it where its number says.
    pub fn first_passage(
        &self,
        at: DocAddress,
        passage: &PassageDoc,
    ) -> Result<Option<PassageDoc>> {
        let back = u32::try_from(passage.index).unwrap_or(u32::MAX);
        let Some(doc_id) = at.doc_id.checked_sub(back) else {
            return Ok(None);
        };
        let first = self.passage(DocAddress { doc_id, ..at })?;
        Ok(
            (first.source.article_id == passage.source.article_id && first.index == 0)
                .then_some(first),
        )
    }

    /// The passage of the same article just after `passage` (at `at`), or just before
    /// it when `forward` is false, with its address: a quote may run across the break.
    pub fn passage_beside(
        &self,
        at: DocAddress,
        passage: &PassageDoc,
        forward: bool,
    ) -> Result<Option<(DocAddress, PassageDoc)>> {
        let max_doc = self.searcher.segment_reader(at.segment_ord).max_doc();
        let (doc_id, index) = if forward {
            (at.doc_id.checked_add(1), passage.index.checked_add(1))
        } else {
            (at.doc_id.checked_sub(1), passage.index.checked_sub(1))
        };
        let (Some(doc_id), Some(index)) = (doc_id.filter(|&d| d < max_doc), index) else {
            return Ok(None);
        };
        let address = DocAddress { doc_id, ..at };
        let beside = self.passage(address)?;
        Ok(
            (beside.source.article_id == passage.source.article_id && beside.index == index)
                .then_some((address, beside)),
        )
    }

    /// The id a judged collection knows the passage at `at` by: the source's own id,
    /// or the article id when the source gave none.
    pub fn source_or_article_id(&self, at: DocAddress) -> Result<String> {
        let passage = self.passage(at)?;
        Ok(self
            .article_of_passage(at, passage.index)?
            .source_id
            .unwrap_or(passage.source.article_id))
    }

    /// The date text of the document at `at`, from its column.
    pub fn date_text(&self, at: DocAddress) -> Result<Option<String>> {
        Ok(self.source(at)?.date)
    }

    /// The article with this id, whole: its `article` document holds the id, and its
    /// passages follow it (the adjacency rule).
    pub fn article_by_id(&self, id: &str) -> Result<Option<StoredArticle>> {
        let heads = self.docs_with(Term::from_field_text(self.fields.article_id, id))?;
        let Some((head_at, head)) = heads.into_iter().next() else {
            return Ok(None);
        };
        let count = number(&head, self.fields.passage).unwrap_or_default();
        let max_doc = self.searcher.segment_reader(head_at.segment_ord).max_doc();
        let mut docs = vec![(head_at, head)];
        for doc_id in passage_docs(head_at.doc_id, count, max_doc) {
            let at = DocAddress { doc_id, ..head_at };
            docs.push((at, self.searcher.doc(at)?));
        }
        self.assemble(&docs).map(Some)
    }

    /// Every article of the source file stored under `path`, whole, in document order.
    pub fn articles_of_file(&self, path: &str) -> Result<Vec<StoredArticle>> {
        let docs = self.docs_with(Term::from_field_text(self.fields.path, path))?;
        let mut groups: Vec<Vec<(DocAddress, TantivyDocument)>> = Vec::new();
        for (address, doc) in docs {
            // The file's own record is no article's; an article's documents follow
            // its `article` document (the adjacency rule).
            if doc.get_first(self.fields.file_size).is_some() {
                continue;
            }
            match groups.last_mut() {
                Some(group) if doc.get_first(self.fields.meta).is_none() => {
                    group.push((address, doc))
                }
                _ => groups.push(vec![(address, doc)]),
            }
        }
        groups.iter().map(|docs| self.assemble(docs)).collect()
    }

    /// How many articles the index holds from the source file stored under `path`:
    /// a count of postings, no document read.
    pub fn article_count_of_file(&self, path: &str) -> Result<usize> {
        Ok(self
            .searcher
            .search(&self.article_docs_of(path, None), &Count)?)
    }

    /// The article of the file stored under `path` whose record starts on `line` (a
    /// JSON Lines record's line), whole: a term lookup on `path` and `start_line`.
    pub fn article_on_line(&self, path: &str, line: u64) -> Result<Option<StoredArticle>> {
        let query = self.article_docs_of(path, Some(line));
        let Some(address) = self
            .searcher
            .search(&query, &DocSetCollector)?
            .into_iter()
            .min()
        else {
            return Ok(None);
        };
        self.article_by_id(&self.source(address)?.article_id)
    }

    /// The first and last lines the articles of the file stored under `path` start on,
    /// from the `line` column (no document read); `None` when it has none.
    pub fn article_lines_of_file(&self, path: &str) -> Result<Option<RangeInclusive<u64>>> {
        let query = self.article_docs_of(path, None);
        let mut columns = Vec::new();
        for reader in self.searcher.segment_readers() {
            columns.push(reader.fast_fields().u64("line")?);
        }
        let lines = self
            .searcher
            .search(&query, &DocSetCollector)?
            .into_iter()
            .filter_map(|address| columns[address.segment_ord as usize].first(address.doc_id));
        let span = lines.fold(None, |span: Option<(u64, u64)>, line| {
            Some(span.map_or((line, line), |(lo, hi)| (lo.min(line), hi.max(line))))
        });
        Ok(span.map(|(first, last)| first..=last))
    }

    /// The `article` documents of `path`, those starting on `line` if given.
    fn article_docs_of(&self, path: &str, line: Option<u64>) -> BooleanQuery {
        let term =
            |term| -> Box<dyn Query> { Box::new(TermQuery::new(term, IndexRecordOption::Basic)) };
        let mut clauses = vec![
            (
                Occur::Must,
                term(Term::from_field_text(self.fields.kind, KIND_ARTICLE)),
            ),
            (
                Occur::Must,
                term(Term::from_field_text(self.fields.path, path)),
            ),
        ];
        if let Some(line) = line {
            clauses.push((
                Occur::Must,
                term(Term::from_field_u64(self.fields.start_line, line)),
            ));
        }
        BooleanQuery::new(clauses)
    }

    /// The state of every file the index holds, from the `file` documents.
    pub fn files(&self) -> Result<IndexedFiles> {
        let fields = self.fields;
        let docs = self.docs_with(Term::from_field_text(fields.kind, KIND_FILE))?;
        let mut files = HashMap::with_capacity(docs.len());
        for (address, doc) in docs {
            let state = || -> Option<FileState> {
                Some(FileState {
                    size: doc.get_first(fields.file_size)?.as_u64()?,
                    mtime: doc.get_first(fields.file_mtime)?.as_i64()?,
                    inode: doc.get_first(fields.file_inode)?.as_u64()?,
                    ctime: doc.get_first(fields.file_ctime)?.as_i64()?,
                    seen: doc.get_first(fields.file_seen)?.as_i64()?,
                    content_hash: doc.get_first(fields.content_hash)?.as_u64()?,
                    defaults_hash: doc.get_first(fields.defaults_hash)?.as_u64()?,
                    reached: text(&doc, fields.file_reached)?,
                })
            };
            let path = self.with_columns(|columns| columns.path(address))?;
            if let (Some(path), Some(state)) = (path, state()) {
                files.insert(path, state);
            }
        }
        Ok(files)
    }

    /// The documents holding `term`, in document order, with their addresses.
    fn docs_with(&self, term: Term) -> Result<Vec<(DocAddress, TantivyDocument)>> {
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let mut addresses: Vec<_> = self
            .searcher
            .search(&query, &DocSetCollector)?
            .into_iter()
            .collect();
        addresses.sort();
        let mut docs = Vec::with_capacity(addresses.len());
        for address in addresses {
            docs.push((address, self.searcher.doc(address)?));
        }
        Ok(docs)
    }

    /// An article from its `article` document and its passage documents.
    fn assemble(&self, docs: &[(DocAddress, TantivyDocument)]) -> Result<StoredArticle> {
        let fields = self.fields;
        let mut article = StoredArticle::default();
        for (address, doc) in docs {
            match text(doc, fields.meta) {
                Some(meta) => {
                    let source = self.source(*address)?;
                    article.article_id = source.article_id;
                    article.path = source.path;
                    article.source_id = text(doc, fields.source_id);
                    article.meta = serde_json::from_str(&meta).unwrap_or_default();
                    article.entities = entities_of(doc, fields);
                }
                None => article.passages.push(StoredPassage {
                    index: number(doc, fields.passage).unwrap_or_default(),
                    line: number(doc, fields.line).unwrap_or_default(),
                    text: text(doc, fields.passage_text).unwrap_or_default(),
                }),
            }
        }
        article.passages.sort_by_key(|p| p.index);
        Ok(article)
    }
}

fn text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_owned))
}

fn number(doc: &TantivyDocument, field: Field) -> Option<u64> {
    doc.get_first(field).and_then(|v| v.as_u64())
}

fn entities_of(doc: &TantivyDocument, fields: &Fields) -> Vec<Entity> {
    doc.get_first(fields.entities)
        .and_then(|v| v.as_str())
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------
// Writing.

/// An article's `copy_hash`: the [`fingerprint`] of its text's 3-grams with its headline,
/// byte for byte, mixed in. Articles sharing one are exact copies under the same
/// headline, so a story's copies have their headline read once, not once per segment
/// (a re-filing under a new headline is a copy that is not exact, found by its text).
/// 0 for a text without words, which is a copy of nothing.
pub fn copy_fingerprint(title: Option<&str>, grams: &[u64]) -> u64 {
    match fingerprint(grams) {
        0 => 0,
        print => {
            let mut bytes = print.to_le_bytes().to_vec();
            if let Some(title) = title {
                bytes.push(1);
                bytes.extend_from_slice(title.as_bytes());
            }
            xxhash_rust::xxh3::xxh3_64(&bytes).max(1)
        }
    }
}

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
/// `p + 1` documents after its article's. The article document carries the headline,
/// the facets and the entities; passages carry the text.
///
/// `repeated_id`: an earlier record of the same JSON Lines file has the same source id.
/// Two articles must never share an id (facets count an article by it, `show` gathers
/// its passages by it), so such a record is told apart by its line as well.
pub fn article_documents(
    fields: &Fields,
    article: &Article,
    passages: &[Passage],
    entities: &[Entity],
    repeated_id: bool,
) -> Vec<TantivyDocument> {
    let first_line = passages.first().map_or(1, |p| p.line);
    // Only a JSON Lines record needs its line to tell it apart from its neighbours;
    // a text file's id must not move when its first lines are edited.
    let record_line = match article.lines {
        LineMap::Fixed(line) => line,
        _ => 0,
    };
    let key = match &article.source_id {
        Some(id) if repeated_id => article_key(
            &article.path,
            Some(&format!("{id}\u{0}line {record_line}")),
            record_line,
        ),
        source_id => article_key(&article.path, source_id.as_deref(), record_line),
    };
    let id = format!("{key:016x}");
    // The whole text as `article_text` reads it back: the passages, a blank line apart.
    let whole: Vec<&str> = passages.iter().map(|p| p.text(&article.body)).collect();
    let copy_hash = copy_fingerprint(
        article
            .meta
            .title
            .as_ref()
            .map(|title| title.value.as_str()),
        &shingles(&whole.join("\n\n")),
    );
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
    // Every document has a `passage`, so that column is dense and read without a rank
    // lookup; `article_key` and `copy_hash` are the article's alone (an [`ArticleColumn`]
    // reads them for a passage), so a query's scattered reads of them touch a sixth of
    // the pages.
    head.add_u64(fields.article_key, key);
    head.add_u64(fields.copy_hash, copy_hash);
    head.add_u64(fields.line, u64::from(first_line));
    head.add_u64(fields.start_line, u64::from(first_line));
    // The headline is indexed (for `title:`) and a column on the article alone: a
    // passage reaches it through its article, and has its words in its own text.
    if let Some(title) = &meta.title {
        head.add_text(fields.title, &title.value);
    }
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

    // A passage is searched in its language's field alone, with that language's analyzer,
    // run here (on the thread that read the article) rather than on tantivy's indexing
    // thread, which replays the keys; the headline's once for all the passages.
    let lang = language_of(meta);
    let text_field = fields.text_of(lang);
    let title_keys = meta
        .title
        .as_ref()
        .map(|title| crate::text::pre_analyze(lang, &title.value));
    for passage in passages {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, KIND_PASSAGE);
        doc.add_text(fields.path, &path);
        doc.add_u64(fields.passage, u64::from(passage.index));
        doc.add_u64(fields.line, u64::from(passage.line));
        if let Some(outlet) = &meta.outlet {
            doc.add_text(fields.outlet, &outlet.value);
        }
        if let Some(lang) = &meta.lang {
            doc.add_text(fields.lang, &lang.value);
        }
        let text = passage.text(&article.body);
        doc.add_text(text_field, crate::text::pre_analyze(lang, text));
        if let Some(keys) = &title_keys {
            doc.add_text(text_field, keys);
        }
        doc.add_text(fields.passage_text, text);
        // Facets and entities live on the article document alone: queries reach them
        // from a passage through its article (see `query/facets.rs`, `query/articles.rs`).
        add_date_and_facets(fields, &mut doc, date.as_ref(), &[]);
        docs.push(doc);
    }
    docs
}

/// The language an article's passages are analysed as: its settled language's.
pub fn language_of(meta: &Metadata) -> Language {
    Language::of_code(meta.lang.as_ref().map(|lang| lang.value.as_str()))
}

/// An article's facets: `/outlet/<name>`, `/lang/<code>` and `/month/<yyyy-mm>` (a
/// date known only to the year has no month facet).
fn facets(meta: &Metadata) -> Vec<Facet> {
    let mut facets = Vec::with_capacity(3);
    if let Some(outlet) = &meta.outlet {
        facets.push(Facet::from_path(["outlet", outlet.value.as_str()]));
    }
    if let Some(lang) = &meta.lang {
        facets.push(Facet::from_path(["lang", lang.value.as_str()]));
    }
    if let Some(date) = &meta.date
        && let Some(month) = date.value.month_value()
    {
        facets.push(Facet::from_path([
            "month".to_owned(),
            format!("{:04}-{month:02}", date.value.year_value()),
        ]));
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

/// The `file` document for a source file.
pub fn file_document(fields: &Fields, path: &Path, state: &FileState) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, KIND_FILE);
    doc.add_text(fields.path, path_string(path));
    doc.add_u64(fields.passage, 0);
    doc.add_u64(fields.file_size, state.size);
    doc.add_i64(fields.file_mtime, state.mtime);
    doc.add_u64(fields.content_hash, state.content_hash);
    doc.add_u64(fields.defaults_hash, state.defaults_hash);
    doc.add_u64(fields.file_inode, state.inode);
    doc.add_i64(fields.file_ctime, state.ctime);
    doc.add_i64(fields.file_seen, state.seen);
    doc.add_text(fields.file_reached, &state.reached);
    doc
}

/// A query for the `file` document of the file stored under `path` alone (its
/// articles and passages carry the same path): to record a file's new state when
/// only its times or inode changed, without indexing it again.
pub fn file_document_query(fields: &Fields, path: &str) -> Box<dyn tantivy::query::Query> {
    let term = |field, value| -> Box<dyn tantivy::query::Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ))
    };
    Box::new(tantivy::query::BooleanQuery::intersection(vec![
        term(fields.kind, KIND_FILE),
        term(fields.path, path),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_copy_fingerprint_is_the_texts_under_the_same_headline() {
        let grams = shingles("Brazil has set up a special commission to renegotiate its debt.");
        let print = copy_fingerprint(Some("Brazil Sets Up Debt Commission"), &grams);
        assert_ne!(print, 0);
        assert_eq!(
            print,
            copy_fingerprint(Some("Brazil Sets Up Debt Commission"), &grams)
        );
        assert_ne!(
            print,
            copy_fingerprint(Some("Brazil Sets Up Debt Panel"), &grams)
        );
        assert_ne!(print, copy_fingerprint(None, &grams));
        let other = shingles("Brazil has set up a special commission to renegotiate its loans.");
        assert_ne!(
            print,
            copy_fingerprint(Some("Brazil Sets Up Debt Commission"), &other)
        );
        // A text without words is a copy of nothing, whatever its headline.
        assert_eq!(copy_fingerprint(Some("Headline"), &[]), 0);
    }
}

#[cfg(test)]
mod reading {
    use super::*;
    use crate::entities::EntityKind;
    use crate::index::fixture::{Doc, doc, indexed};
    use tantivy::collector::DocSetCollector;

    const FIRST: &str = "Defence Minister Kim Yong-hyun told lawmakers in Seoul that officers had been sent to the front.";
    const SECOND: &str = "The ministry said the report could not be confirmed independently, and asked for patience.";

    #[test]
    fn the_adjacency_rule_maps_passages_to_their_article_and_back() {
        assert_eq!(article_doc(10, 0), Some(9));
        assert_eq!(article_doc(10, 2), Some(7));
        assert_eq!(article_doc(0, 0), None);
        assert_eq!(passage_docs(9, 2, 100), 10..=11);
        assert!(passage_docs(9, 0, 100).is_empty());
        // Never past the segment's last document.
        assert_eq!(passage_docs(98, 5, 100), 99..=99);
    }

    #[test]
    fn an_article_is_read_back_as_it_was_written() {
        let dir = tempfile::tempdir().unwrap();
        indexed(
            dir.path(),
            &[
                Doc {
                    name: "a.md",
                    outlet: Some("Yonhap"),
                    date: Some("2024-10-08"),
                    title: Some("Officers sent to the front"),
                    body: &format!("{FIRST}\n\n{SECOND}\n"),
                },
                doc(
                    "b.md",
                    "An unrelated article about the weather in the mountains, long enough to stand alone.\n",
                ),
            ],
        );
        let handle = crate::index::open(&dir.path().join("index")).unwrap();
        let reader = handle.index.reader().unwrap();
        let searcher = reader.searcher();
        let store = Store::new(&searcher, &handle.fields);

        let files = store.files().unwrap();
        assert_eq!(files.len(), 2);
        let path = dir.path().join("corpus/a.md").canonicalize().unwrap();
        let articles = store.articles_of_file(&path_string(&path)).unwrap();
        assert_eq!(articles.len(), 1);
        let article = &articles[0];
        assert_eq!(
            article
                .passages
                .iter()
                .map(|p| (p.index, p.line, p.text.as_str()))
                .collect::<Vec<_>>(),
            [(0, 6, FIRST), (1, 8, SECOND)]
        );
        assert_eq!(
            article.meta.outlet.as_ref().map(|o| o.value.as_str()),
            Some("Yonhap")
        );
        assert_eq!(
            article
                .meta
                .date
                .as_ref()
                .map(|d| d.value.to_string())
                .as_deref(),
            Some("2024-10-08")
        );
        let person = Entity {
            kind: EntityKind::Person,
            name: "Kim Yong-hyun".into(),
        };
        assert!(article.entities.contains(&person), "{:?}", article.entities);
        assert_eq!(
            store.article_by_id(&article.article_id).unwrap().as_ref(),
            Some(article)
        );
        assert_eq!(store.article_by_id("0000000000000000").unwrap(), None);

        // The second passage: its article's entities, and the passage before it.
        let query = TermQuery::new(
            Term::from_field_text(handle.fields.kind, KIND_PASSAGE),
            IndexRecordOption::Basic,
        );
        let mut addresses: Vec<_> = searcher
            .search(&query, &DocSetCollector)
            .unwrap()
            .into_iter()
            .collect();
        addresses.sort();
        let (second, doc) = addresses
            .iter()
            .map(|&at| (at, store.passage(at).unwrap()))
            .find(|(_, p)| p.text == SECOND)
            .unwrap();
        assert_eq!(
            (doc.index, doc.source.line, doc.source.title.as_deref()),
            (1, 8, Some("Officers sent to the front"))
        );
        assert_eq!(
            store.article_of_passage(second, doc.index).unwrap(),
            ArticleDoc {
                source_id: article.source_id.clone(),
                entities: article.entities.clone(),
            }
        );
        let before = store.passages_before(second, &doc, 3).unwrap();
        assert_eq!(
            before.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            [FIRST]
        );
        // The first passage of the other article has nothing of this one before it.
        let other = addresses
            .iter()
            .map(|&at| (at, store.passage(at).unwrap()))
            .find(|(_, p)| p.source.article_id != article.article_id)
            .unwrap();
        assert!(
            store
                .passages_before(other.0, &other.1, 3)
                .unwrap()
                .is_empty()
        );
    }
}
