//! The library's error type: one variant per way a command can fail, each message
//! saying what to do next. Problems with a single article are not errors: they are
//! [`crate::ingest::Skip`]s, counted and reported while the run goes on.

use std::path::PathBuf;

use crate::paths::path_string;

/// Everything that stops a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{} does not exist: give a folder or file of articles, e.g. `search index corpus/`", path_string(.0))]
    MissingPath(PathBuf),

    /// No index where one was expected.
    #[error("no index at {} — run `search index corpus/` first (or point --index / SEARCH_INDEX at one)", path_string(.0))]
    NoIndex(PathBuf),

    /// The query cannot be read.
    #[error("{0}")]
    BadQuery(String),

    /// An input file (queries, judgments) is not in the expected form.
    #[error("{0}")]
    BadInput(String),

    /// What the user asked for is not in the index.
    #[error("{0}")]
    NotFound(String),

    /// A position the user gave lies outside what it points into (a line before the
    /// first or past the last of a file's articles).
    #[error("{0}")]
    OutOfRange(String),

    /// The index folder holds something that is not a `search` index; nothing in it
    /// is touched.
    #[error("{} is not a search index: it holds {}, which search did not write — give --index an empty or new folder (search never deletes files it did not write)", path_string(.path), path_string(.entry))]
    NotOurs {
        /// The folder.
        path: PathBuf,
        /// The first entry in it (by name) that an index does not write.
        entry: PathBuf,
    },

    /// The index was written by another format version of `search`.
    #[error("the index at {} has format version {found}, this search reads version {expected} — run `search index --rebuild` to build it again", path_string(.path))]
    FormatVersion {
        /// The folder.
        path: PathBuf,
        /// The version recorded in the index.
        found: u32,
        /// The version this build reads and writes.
        expected: u32,
    },

    /// The indexing threads asked for need more memory than the budget gives them.
    #[error("{0}")]
    OverBudget(String),

    /// Another process holds the index's writer lock.
    #[error("the index at {} is being updated by another process — wait for that `search index` to finish and run this again", path_string(.0))]
    Busy(PathBuf),

    /// The index is damaged: a file missing, cut short or overwritten, or not written
    /// by `search`.
    #[error("the index at {} is damaged: {problem} — run `search index --rebuild` to build it again", path_string(.path))]
    Corrupt {
        /// The folder.
        path: PathBuf,
        /// What is wrong, in a few words naming the file.
        problem: String,
    },

    /// Reading or writing a file failed.
    #[error("{}: {source}", path_string(.path))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying failure.
        source: std::io::Error,
    },

    /// A `search.toml` defaults file could not be read.
    #[error("{}: {message} — fix the file (see README, \"Folder defaults\") or remove it", path_string(.path))]
    Defaults {
        /// The defaults file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },

    /// tantivy failed while the index was open (disk full, permissions).
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),

    /// A bug: the command panicked on an index that checks out as sound.
    #[error(
        "internal error: {0} — this is a bug in search; please report it with the command that caused it"
    )]
    Internal(String),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O failure with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
