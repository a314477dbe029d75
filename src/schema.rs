//! The only place the index's fields and tokenizers are declared.
//!
//! One index holds three kinds of document, told apart by the `kind` field:
//! - `passage`: the searched unit, carrying its article's id, outlet, date and path,
//!   its text, line and number. It stores only its text, line and number: the rest is
//!   indexed and in fast columns (read back by `index/sources.rs`), so the store holds
//!   no value once per passage.
//!   Its searchable text is the passage followed by the article's title, so a headline
//!   word counts in the same BM25 field as the passage's own words; it is indexed in the
//!   text field of the article's language (`text` for English, `text_uk`, `text_ru`,
//!   `text_ko`, `text_other`), read by that language's analyzer;
//! - `article`: one per article, with its headline (the `title` field, which a
//!   `title:` clause searches and scores the article's passages by), its metadata and
//!   where each value came from
//!   (for `search show` and `search stats`), its entities, and the facets
//!   `/outlet/<name>` and `/month/<yyyy-mm>` for per-article counts;
//! - `file`: one per source file indexed, with its size, mtime, inode, ctime and
//!   content hash, and the path the walk reached it by, so a re-run knows what changed
//!   and what is gone.

use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings};

use crate::text::{Language, NewsTokenizer};
use tantivy::schema::{
    FAST, FacetOptions, Field, IndexRecordOption, NumericOptions, STORED, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};

/// The analyzer for English article text and titles: the text layer's words, case and
/// accents folded, stemmed (so `officer` finds `officers`).
pub const TEXT_TOKENIZER: &str = "news";
/// The text field and analyzer names of each [`Language`], in [`Language::ALL`]'s
/// order: English keeps the names it always had.
const LANGUAGE_FIELDS: [(&str, &str); 5] = [
    ("text", TEXT_TOKENIZER),
    ("text_uk", "news_uk"),
    ("text_ru", "news_ru"),
    ("text_ko", "news_ko"),
    ("text_other", "news_other"),
];
/// The analyzer for outlet names: the whole value, case-folded.
pub const KEYWORD_TOKENIZER: &str = "keyword";

/// `kind` value of passage documents.
pub const KIND_PASSAGE: &str = "passage";
/// `kind` value of article documents.
pub const KIND_ARTICLE: &str = "article";
/// `kind` value of file documents.
pub const KIND_FILE: &str = "file";

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `passage`, `article` or `file`.
    pub kind: Field,
    /// Stable article id (16 hex digits), on articles alone: indexed for lookups (a
    /// passage's article is found by the adjacency rule), not stored (it is
    /// `article_key` written in hex).
    pub article_id: Field,
    /// The article id as a number (the id is its 16 hex digits), on articles: a fast
    /// field for grouping hits by article and breaking score ties without reading
    /// stored documents (a passage reads its article's, see `index::store::ArticleColumn`).
    pub article_key: Field,
    /// The article's [`copy_fingerprint`](crate::index::store::copy_fingerprint) (its
    /// word 3-grams and its headline as one number; 0 when it has no words), on
    /// articles: a fast field, so a query groups exact copies without reading stored
    /// documents, and reads their headline once.
    pub copy_hash: Field,
    /// Absolute path of the source file, on all three kinds (deleting by path removes a
    /// file's documents at once). Like the title, outlet, language and date text, a fast
    /// column and not stored: a document's source is read from the columns
    /// (`index/sources.rs`).
    pub path: Field,
    /// The id the source gave the article (JSON Lines `id`/`_id`).
    pub source_id: Field,
    /// Passage number within its article (0-based); on articles, the passage count.
    pub passage: Field,
    /// 1-based source line where the passage starts (on articles, where the first
    /// does): stored, and a fast column for listing copies.
    pub line: Field,
    /// The line an article starts on, on `article` documents alone: indexed, so
    /// `search show FILE:LINE` is a term lookup (indexing `line` on every passage took
    /// 2.8 MB at 10× for lookups that only ever ask for articles).
    pub start_line: Field,
    /// Headline, on `article` documents alone: searchable (`title:`, which scores the
    /// article's passages, `query/articles.rs`) and a fast column.
    pub title: Field,
    /// Passage text as stored, for snippets and `search show`.
    pub passage_text: Field,
    /// Outlet name, matched whole and case-insensitively (`outlet:reuters`).
    pub outlet: Field,
    /// On passages: the article's language, an ISO 639-1 code (`lang:uk`, `--lang uk`).
    pub lang: Field,
    /// First day of the publication date as days since 1970-01-01, for range filters
    /// (a day count, not tantivy's nanosecond dates, so any year fits).
    pub date: Field,
    /// Last day of the publication date's period (the same day for a full date; the
    /// month's last day for `2024-10`), so date filters keep periods that overlap them.
    pub date_end: Field,
    /// The date as the source gave it: `2024-10-08`, `2024-10` or `2024`.
    pub date_text: Field,
    /// On articles: the `/outlet/<name>`, `/lang/<code>` and `/month/<yyyy-mm>` facets.
    pub facet: Field,
    /// On articles: the entities as `<kind>:<key>\u{1f}<name>` terms
    /// (`person:kim yong hyun\u{1f}Kim Yong-hyun`, see `index/document.rs`): filters
    /// look the key up as a prefix, `search entities` and `--facets` count the postings.
    pub entity: Field,
    /// On articles: per entity, its kind and a hash of its key (`document::entity_hash`),
    /// a fast column for counting the entities of a match set.
    pub entity_hash: Field,
    /// On articles: the entities as JSON (`[{"type": …, "name": …}]`).
    pub entities: Field,
    /// On articles: the metadata with origins, as JSON.
    pub meta: Field,
    /// On files: size in bytes.
    pub file_size: Field,
    /// On files: modification time, ns since the epoch.
    pub file_mtime: Field,
    /// On files: xxh3 of the content.
    pub content_hash: Field,
    /// On files: xxh3 of the folder defaults that applied.
    pub defaults_hash: Field,
    /// On files: the inode number (0 where the system has none).
    pub file_inode: Field,
    /// On files: the status change time, ns since the epoch (0 where none).
    pub file_ctime: Field,
    /// On files: when the run that recorded them looked at the file, ns since the epoch
    /// (a change too close to it may not show in the times, see `index/build.rs`).
    pub file_seen: Field,
    /// On files: the path the walk reached the file by (a symlink's, when it came
    /// through one), so that deleting the link removes the file's articles.
    pub file_reached: Field,
    /// The searchable text of passages per language, in [`Language::ALL`]'s order
    /// (`text`, `text_uk`, `text_ru`, `text_ko`, `text_other`), each with its language's
    /// analyzer: a passage's text is indexed in its article's language's field alone,
    /// so each language keeps its own postings and BM25 statistics.
    pub texts: [Field; 5],
}

impl Fields {
    /// The searchable text field of passages in `lang`.
    pub fn text_of(&self, lang: Language) -> Field {
        self.texts[lang.index()]
    }
}

/// Builds the schema and its field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text_indexing = TextFieldIndexing::default()
        .set_tokenizer(TEXT_TOKENIZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let searchable = TextOptions::default().set_indexing_options(text_indexing);
    // Only the text fields and `title` are scored by their length (BM25): every other indexed
    // field is a filter or a lookup, so it keeps no field norms (a byte per document
    // and field, 8.5 MB of the 10× replica's index).
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD_TOKENIZER)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    let string = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    let indexed = || NumericOptions::default().set_indexed();
    let fields = Fields {
        kind: builder.add_text_field("kind", string.clone()),
        article_id: builder.add_text_field("article_id", string.clone()),
        article_key: builder.add_u64_field("article_key", FAST),
        copy_hash: builder.add_u64_field("copy_hash", FAST),
        path: builder.add_text_field("path", string.clone().set_fast("raw")),
        source_id: builder.add_text_field("source_id", STORED),
        passage: builder.add_u64_field("passage", STORED | FAST),
        line: builder.add_u64_field("line", STORED | FAST),
        start_line: builder.add_u64_field("start_line", indexed()),
        title: builder.add_text_field("title", searchable.clone().set_fast("raw")),
        // English's text field keeps the place (and id) it had before languages had
        // fields; the others are added after every other field, below.
        texts: [builder.add_text_field(LANGUAGE_FIELDS[0].0, searchable.clone()); 5],
        passage_text: builder.add_text_field("passage_text", STORED),
        outlet: builder.add_text_field("outlet", keyword.set_fast("raw")),
        lang: builder.add_text_field("lang", string.clone().set_fast("raw")),
        date: builder.add_i64_field("date", indexed() | FAST),
        date_end: builder.add_i64_field("date_end", indexed()),
        date_text: builder.add_text_field("date_text", TextOptions::default().set_fast("raw")),
        facet: builder.add_facet_field("facet", FacetOptions::default()),
        entity: builder.add_text_field("entity", string),
        entity_hash: builder.add_u64_field("entity_hash", FAST),
        entities: builder.add_text_field("entities", STORED),
        meta: builder.add_text_field("meta", STORED),
        file_size: builder.add_u64_field("file_size", STORED),
        file_mtime: builder.add_i64_field("file_mtime", STORED),
        content_hash: builder.add_u64_field("content_hash", STORED),
        defaults_hash: builder.add_u64_field("defaults_hash", STORED),
        file_inode: builder.add_u64_field("file_inode", STORED),
        file_ctime: builder.add_i64_field("file_ctime", STORED),
        file_seen: builder.add_i64_field("file_seen", STORED),
        file_reached: builder.add_text_field("file_reached", STORED),
    };
    // The other languages' fields come after every field the index had before them.
    let mut fields = fields;
    for (lang, (name, analyzer)) in Language::ALL.iter().zip(LANGUAGE_FIELDS).skip(1) {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        fields.texts[lang.index()] =
            builder.add_text_field(name, TextOptions::default().set_indexing_options(indexing));
    }
    (builder.build(), fields)
}

/// How the index keeps its stored documents: zstd (level 3) rather than tantivy's
/// default lz4, in blocks of the default 16 KB. Passage text and article metadata are
/// most of the index, and zstd keeps them in 28% less room (the 1× Reuters store:
/// 16.2 MB with lz4, 11.6 MB with zstd); a block still decompresses in microseconds, and
/// a larger block would make every snippet read cost more.
pub fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: 16_384,
        ..IndexSettings::default()
    }
}

/// Looks the field handles up in an opened index's schema; `None` when a field is
/// missing (the index is not one of ours).
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let (_, expected) = build_schema();
    let field = |name: &str| schema.get_field(name).ok();
    let mut texts = expected.texts;
    for (text, (name, _)) in texts.iter_mut().zip(LANGUAGE_FIELDS) {
        *text = field(name)?;
    }
    let fields = Fields {
        kind: field("kind")?,
        article_id: field("article_id")?,
        article_key: field("article_key")?,
        copy_hash: field("copy_hash")?,
        path: field("path")?,
        source_id: field("source_id")?,
        passage: field("passage")?,
        line: field("line")?,
        start_line: field("start_line")?,
        title: field("title")?,
        passage_text: field("passage_text")?,
        outlet: field("outlet")?,
        lang: field("lang")?,
        date: field("date")?,
        date_end: field("date_end")?,
        date_text: field("date_text")?,
        facet: field("facet")?,
        entity: field("entity")?,
        entity_hash: field("entity_hash")?,
        entities: field("entities")?,
        meta: field("meta")?,
        file_size: field("file_size")?,
        file_mtime: field("file_mtime")?,
        content_hash: field("content_hash")?,
        defaults_hash: field("defaults_hash")?,
        file_inode: field("file_inode")?,
        file_ctime: field("file_ctime")?,
        file_seen: field("file_seen")?,
        file_reached: field("file_reached")?,
        texts,
    };
    // Field ids are assigned in declaration order, so a schema with the same names in
    // another order is someone else's.
    (fields.texts == expected.texts).then_some(fields)
}

/// The indexed value of a day: days since 1970-01-01 (negative before).
pub fn date_value(day: jiff::civil::Date) -> i64 {
    let epoch = jiff::civil::Date::constant(1970, 1, 1);
    i64::from(day.since(epoch).map_or(0, |span| span.get_days()))
}

/// The children of facet `root` (`/outlet`, `/month`) in `counts`, as (last path
/// segment, count) pairs.
pub fn facet_children(counts: &tantivy::collector::FacetCounts, root: &str) -> Vec<(String, u64)> {
    counts
        .get(root)
        .map(|(facet, n)| {
            (
                facet
                    .to_path()
                    .last()
                    .map(|s| (*s).to_owned())
                    .unwrap_or_default(),
                n,
            )
        })
        .collect()
}

/// Registers the analyzers the schema names on `index`.
pub fn register_tokenizers(index: &Index) {
    for (lang, (_, name)) in Language::ALL.iter().zip(LANGUAGE_FIELDS) {
        index.tokenizers().register(name, analyzer_of(*lang));
    }
    let keyword = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    index.tokenizers().register(KEYWORD_TOKENIZER, keyword);
}

/// Words this long (in bytes) or longer are not indexed: they are noise (hashes,
/// run-on garbage), and a query of them alone finds nothing.
pub use crate::text::MAX_WORD_BYTES;

/// The English text analyzer (the `text` and `title` fields'), also used by the query
/// side to count and read a query's words: the text layer's words, folded and stemmed
/// ([`NewsTokenizer`]).
pub fn text_analyzer() -> TextAnalyzer {
    analyzer_of(Language::English)
}

/// The analyzer of `lang`'s text field ([`Fields::text_of`]), which the highlighter
/// also runs over a passage of that language.
pub fn analyzer_of(lang: Language) -> TextAnalyzer {
    TextAnalyzer::from(NewsTokenizer::new(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    #[test]
    fn text_analyzer_folds_case_accents_and_stems() {
        let mut analyzer = text_analyzer();
        let mut stream = analyzer.token_stream("Officers’ Café KYIV running");
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().text.clone());
        }
        assert_eq!(tokens, ["offic", "cafe", "kyiv", "run"]);
    }

    #[test]
    fn dates_are_day_counts_for_any_year() {
        let day = |y, m, d| jiff::civil::Date::new(y, m, d).unwrap();
        assert_eq!(date_value(day(1970, 1, 2)), 1);
        assert_eq!(date_value(day(1969, 12, 31)), -1);
        assert_eq!(date_value(day(1600, 1, 1)), -135_140);
        assert!(date_value(day(2999, 12, 31)) > date_value(day(2024, 10, 8)));
    }

    #[test]
    fn fields_round_trip() {
        let (schema, fields) = build_schema();
        let english = |f: Fields| f.text_of(Language::English);
        assert_eq!(fields_of(&schema).map(english), Some(english(fields)));
    }
}
