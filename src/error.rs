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

    /// The index path, or a folder on the way to it, is a file.
    #[error("{} is a file, not a folder — give --index a folder: an index, or a new or empty folder to make one in", path_string(.0))]
    NotAFolder(PathBuf),

    /// The index folder, or a file in it, cannot be written: a permission, or a
    /// read-only file system.
    #[error("{}", not_writable(.path, *.read_only_fs))]
    NotWritable {
        /// The folder or file that cannot be written.
        path: PathBuf,
        /// True when the file system is mounted read-only (no permission would help).
        read_only_fs: bool,
    },

    /// The disk (or the user's quota) filled up during a run: nothing was committed,
    /// and what the run wrote was removed.
    #[error("{} at {}: the index is unchanged — free {needed_mb} MB{} and run again", if *.quota { "disk quota exceeded" } else { "disk full" }, path_string(.path), if *.quota { " (or raise the quota)" } else { "" })]
    DiskFull {
        /// The index folder.
        path: PathBuf,
        /// Megabytes to free, estimated from how far the run got (see `index/build.rs`).
        needed_mb: u64,
        /// True when the user's quota, not the disk, is full.
        quota: bool,
    },

    /// A signal stopped a run before its commit: nothing was committed, and what the
    /// run wrote was removed.
    #[error("{}", stopped(*.signal))]
    Stopped {
        /// The signal's number.
        signal: i32,
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

fn stopped(signal: i32) -> String {
    let name = crate::stop::signal_name(signal);
    if signal == crate::stop::SIGXFSZ {
        format!(
            "stopped by {name}: a file in the index grew past the file size limit (`ulimit -f`) — nothing was committed, the index is as it was; raise the limit (`ulimit -f unlimited`) and run again"
        )
    } else {
        format!(
            "stopped by {name}: nothing was committed, the index is as it was — run `search index` again to bring it up to date"
        )
    }
}

fn not_writable(path: &std::path::Path, read_only_fs: bool) -> String {
    let path = path_string(path);
    if read_only_fs {
        format!(
            "cannot write to {path}: it is on a read-only file system — give --index a folder on a writable disk"
        )
    } else {
        format!(
            "cannot write to {path}: permission denied — make it writable for you (`chmod u+w {path}`) or give --index a folder you can write to"
        )
    }
}

impl Error {
    /// Wraps an I/O failure with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Wraps a failure to write `path`, naming the cause when it is one the user can
    /// act on: a permission or a read-only file system ([`Error::NotWritable`]).
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        match source.kind() {
            std::io::ErrorKind::PermissionDenied => Error::NotWritable {
                path,
                read_only_fs: false,
            },
            std::io::ErrorKind::ReadOnlyFilesystem => Error::NotWritable {
                path,
                read_only_fs: true,
            },
            _ => Error::io(path, source),
        }
    }
}
