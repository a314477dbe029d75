//! The index on disk: opening and creating it safely, writing articles into it
//! ([`build`]), remembering what was indexed ([`state`]) and summing it up ([`stats`]).

pub mod build;
pub mod document;
pub mod report;
pub mod state;
pub mod stats;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::{Index, TantivyError};

use crate::error::{Error, Result};
use crate::schema::{self, Fields};

/// The file that marks a folder as a `search` index and records its format version.
pub const MARKER_FILE: &str = "search-index.json";
/// The index format this build reads and writes. Bump it whenever the schema, the
/// analyzers or the way articles are parsed change, so old indexes ask for a rebuild.
pub const FORMAT_VERSION: u32 = 4;

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    tool: String,
    format: u32,
}

/// An opened index with its field handles.
pub struct IndexHandle {
    /// Where it lives.
    pub dir: PathBuf,
    /// The tantivy index, analyzers registered.
    pub index: Index,
    /// The schema's fields.
    pub fields: Fields,
}

/// Opens an existing index for reading.
pub fn open(dir: &Path) -> Result<IndexHandle> {
    if !dir.join("meta.json").is_file() {
        return match read_marker(dir)? {
            Some(_) => Err(corrupt(
                dir,
                TantivyError::InvalidArgument("meta.json is missing".into()),
            )),
            None if folder_has_files(dir) => Err(Error::NotOurs {
                path: dir.to_path_buf(),
            }),
            None => Err(Error::NoIndex(dir.to_path_buf())),
        };
    }
    check_marker(dir)?;
    let index = Index::open_in_dir(dir).map_err(|source| corrupt(dir, source))?;
    let fields = schema::fields_of(&index.schema()).ok_or_else(|| Error::NotOurs {
        path: dir.to_path_buf(),
    })?;
    schema::register_tokenizers(&index);
    Ok(IndexHandle {
        dir: dir.to_path_buf(),
        index,
        fields,
    })
}

/// Opens the index at `dir` for writing, creating it if the folder is empty or
/// missing. With `rebuild`, an index of another format version (or one tantivy cannot
/// open) is replaced; a folder that is not a `search` index is never touched.
pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<IndexHandle> {
    if !folder_has_files(dir) {
        return create(dir);
    }
    match open(dir) {
        Ok(handle) => Ok(handle),
        Err(Error::FormatVersion { .. } | Error::Corrupt { .. })
            if rebuild && read_marker(dir)?.is_some() =>
        {
            std::fs::remove_dir_all(dir).map_err(|err| Error::io(dir, err))?;
            create(dir)
        }
        Err(err) => Err(err),
    }
}

fn create(dir: &Path) -> Result<IndexHandle> {
    std::fs::create_dir_all(dir).map_err(|err| Error::io(dir, err))?;
    let marker = Marker {
        tool: "search".into(),
        format: FORMAT_VERSION,
    };
    let marker_path = dir.join(MARKER_FILE);
    let json = serde_json::to_string_pretty(&marker).unwrap_or_default();
    std::fs::write(&marker_path, json + "\n").map_err(|err| Error::io(&marker_path, err))?;
    let (schema, fields) = schema::build_schema();
    let index = Index::create_in_dir(dir, schema).map_err(|source| corrupt(dir, source))?;
    schema::register_tokenizers(&index);
    Ok(IndexHandle {
        dir: dir.to_path_buf(),
        index,
        fields,
    })
}

fn read_marker(dir: &Path) -> Result<Option<Marker>> {
    let path = dir.join(MARKER_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(serde_json::from_slice::<Marker>(&bytes)
            .ok()
            .filter(|m| m.tool == "search")),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(Error::io(path, err)),
    }
}

fn check_marker(dir: &Path) -> Result<()> {
    match read_marker(dir)? {
        None => Err(Error::NotOurs {
            path: dir.to_path_buf(),
        }),
        Some(marker) if marker.format != FORMAT_VERSION => Err(Error::FormatVersion {
            path: dir.to_path_buf(),
            found: marker.format,
            expected: FORMAT_VERSION,
        }),
        Some(_) => Ok(()),
    }
}

/// True when `dir` holds anything but hidden files (a `.gitkeep` or `.DS_Store` does
/// not make a folder someone else's).
fn folder_has_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().as_encoded_bytes().first() != Some(&b'.'))
    })
}

fn corrupt(dir: &Path, source: TantivyError) -> Error {
    Error::Corrupt {
        path: dir.to_path_buf(),
        source,
    }
}

/// Maps tantivy's "lock busy" to [`Error::Busy`], anything else to [`Error::Corrupt`].
pub(crate) fn writer_error(dir: &Path, err: TantivyError) -> Error {
    match err {
        TantivyError::LockFailure(LockError::LockBusy, _) => Error::Busy(dir.to_path_buf()),
        other => Error::Tantivy(other),
    }
}
