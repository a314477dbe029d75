//! Turning files into articles: walk → decode → parse (text, HTML, JSON Lines) →
//! folder defaults → passages. Nothing here knows about the index.

pub mod article;
pub mod date;
pub mod decode;
pub mod defaults;
pub mod html;
pub mod jsonl;
pub mod language;
pub mod passages;
pub mod text;
pub mod walk;

use std::fmt;
use std::path::{Path, PathBuf};

pub use article::{Article, LineMap, Metadata, Origin, Sourced};
pub use language::settle_language;
pub use passages::{Passage, split_passages};
pub use walk::{Format, SourceFile};

/// Why a file or record was left out of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The file holds no text (NUL bytes, or a known binary signature).
    Binary,
    /// The file is empty or only whitespace.
    Empty,
    /// The file or folder could not be read.
    Unreadable(String),
    /// An HTML page with no article text in it.
    NoArticleText,
    /// A JSON Lines record that is not an article.
    BadRecord(String),
    /// A file too large to be one article (a log, a dump saved with a text
    /// extension): it is not read at all, so it cannot exhaust memory.
    TooLarge {
        /// Its size.
        bytes: u64,
        /// [`MAX_ARTICLE_BYTES`].
        limit: u64,
    },
}

/// The largest file read as one article, and the longest JSON Lines record: 16 MiB.
/// News articles are kilobytes; a saved page with inline images a few megabytes. A
/// bigger text file is a log or a dump, and reading it whole would cost several times
/// its size in memory.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

impl SkipReason {
    /// A short label for counting skips by kind in the summary.
    pub fn label(&self) -> &'static str {
        match self {
            SkipReason::Binary => "binary",
            SkipReason::Empty => "empty",
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::NoArticleText => "no article text",
            SkipReason::BadRecord(_) => "bad record",
            SkipReason::TooLarge { .. } => "too large",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Binary => f.write_str("binary file, not text"),
            SkipReason::Empty => f.write_str("empty file"),
            SkipReason::Unreadable(why) => write!(f, "cannot read: {why}"),
            SkipReason::NoArticleText => f.write_str("no article text found in the page"),
            SkipReason::BadRecord(why) => write!(f, "not an article record: {why}"),
            SkipReason::TooLarge { bytes, limit } => write!(
                f,
                "too large for one article ({bytes} bytes, over the limit of {limit}) — split it into articles, or move it out of the folder"
            ),
        }
    }
}

/// Something the user should hear about one file while the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file (or one record of it, at `line`) was not indexed.
    Skipped {
        /// The file.
        path: PathBuf,
        /// The record's line, for JSON Lines.
        line: Option<u32>,
        /// Why.
        reason: SkipReason,
    },
    /// The file was not UTF-8 and was decoded as `encoding`.
    Decoded {
        /// The file.
        path: PathBuf,
        /// The encoding used, e.g. `windows-1252`.
        encoding: &'static str,
    },
}

impl Notice {
    /// A skip of the whole file.
    pub fn skipped(path: &Path, reason: SkipReason) -> Self {
        Notice::Skipped {
            path: path.to_path_buf(),
            line: None,
            reason,
        }
    }
}

/// The articles read from one file (or one chunk of a JSON Lines file), and what to
/// tell the user about it.
#[derive(Debug, Default)]
pub struct FileRead {
    /// The articles, in file order.
    pub articles: Vec<Article>,
    /// Skips and decoding warnings.
    pub notices: Vec<Notice>,
}

/// Reads a whole text, Markdown or HTML file into its article. JSON Lines files are
/// read chunk by chunk with [`jsonl::read_chunk`] instead, so memory stays bounded.
pub fn read_document(path: &Path, format: Format, bytes: &[u8], defaults: &Metadata) -> FileRead {
    let mut read = FileRead::default();
    let text = match decode::decode(bytes) {
        Ok(decoded) => {
            if let Some(encoding) = decoded.fallback {
                read.notices.push(Notice::Decoded {
                    path: path.to_path_buf(),
                    encoding,
                });
            }
            decoded.text
        }
        Err(reason) => {
            read.notices.push(Notice::skipped(path, reason));
            return read;
        }
    };
    let article = match format {
        Format::Text | Format::Markdown => Some(text::parse_text(path, &text, format)),
        Format::Html => html::parse_html(path, &text),
        Format::Jsonl => None,
    };
    match article {
        Some(mut article) => {
            article.meta.fill_from(defaults);
            settle_language(&mut article);
            read.articles.push(article);
        }
        None => read
            .notices
            .push(Notice::skipped(path, SkipReason::NoArticleText)),
    }
    read
}
