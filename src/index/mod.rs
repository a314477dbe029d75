//! The index on disk: opening and creating it safely, writing articles into it
//! ([`build`]), remembering what was indexed ([`state`]) and summing it up ([`stats`]).

pub mod build;
pub mod entity_terms;
#[cfg(test)]
pub(crate) mod fixture;
pub mod queued;
pub mod readonly;
pub mod report;
pub mod sources;
pub mod stats;
pub mod store;
pub mod watched;
pub mod workers;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::error::{LockError, OpenReadError};
use tantivy::directory::{Directory, INDEX_WRITER_LOCK, MmapDirectory};
use tantivy::index::{SegmentComponent, SegmentMeta};
use tantivy::{Index, TantivyError};

use crate::error::{Error, Result};
use crate::schema::{self, Fields};

/// The file that marks a folder as a `search` index and records its format version.
pub const MARKER_FILE: &str = "search-index.json";
/// The index format this build reads and writes. Bump it whenever the schema, the
/// analyzers or the way articles are parsed change, so old indexes ask for a rebuild.
pub const FORMAT_VERSION: u32 = 18;
/// tantivy's list of segments and the schema: what a commit writes, atomically.
const META_FILE: &str = "meta.json";

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    tool: String,
    format: u32,
}

/// What the marker file says about a folder.
enum MarkerState {
    /// There is none.
    Missing,
    /// A `search` index of this format version.
    Ours(u32),
    /// Another program's marker.
    Foreign,
    /// The file is there but cannot be read as a marker (cut short, overwritten).
    Unreadable,
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
///
/// Only `meta.json` and the marker are read here; the segment files are checked (their
/// footers) when a reader opens them, and a failure then goes through [`diagnose`].
pub fn open(dir: &Path) -> Result<IndexHandle> {
    if let Err(err @ Error::NotAFolder(_)) = existing_folder(dir) {
        return Err(err);
    }
    let has_meta = dir.join(META_FILE).is_file();
    match marker_state(dir)? {
        MarkerState::Ours(_) if !has_meta => return Err(damaged(dir, "meta.json is missing")),
        MarkerState::Ours(found) if found != FORMAT_VERSION => {
            return Err(Error::FormatVersion {
                path: dir.to_path_buf(),
                found,
                expected: FORMAT_VERSION,
            });
        }
        MarkerState::Ours(_) => {}
        state @ (MarkerState::Missing | MarkerState::Unreadable)
            if has_meta && has_our_schema(dir) =>
        {
            let what = match state {
                MarkerState::Missing => "missing",
                _ => "unreadable",
            };
            return Err(damaged(
                dir,
                format!("{MARKER_FILE}, which records the format version, is {what}"),
            ));
        }
        MarkerState::Missing if !folder_has_files(dir) => {
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        MarkerState::Missing | MarkerState::Unreadable | MarkerState::Foreign => {
            // Name what makes it someone else's: a file no index writes, or else
            // the marker or `meta.json` that another program wrote.
            let entries = entries_of(dir)?;
            let entry = match entries.iter().find(|name| !is_index_file(name)) {
                Some(name) => name.clone(),
                None if has_meta => META_FILE.into(),
                None => MARKER_FILE.into(),
            };
            return Err(Error::NotOurs {
                path: dir.to_path_buf(),
                entry: entry.into(),
            });
        }
    }
    let index = readonly::ReadingDirectory::open(dir)
        .and_then(Index::open)
        .map_err(|err| diagnose(dir, err))?;
    let fields = schema::fields_of(&index.schema())
        .ok_or_else(|| damaged(dir, "meta.json describes another program's index"))?;
    schema::register_tokenizers(&index);
    Ok(IndexHandle {
        dir: dir.to_path_buf(),
        index,
        fields,
    })
}

/// Opens the index at `dir` for writing, creating it if the folder is empty or
/// missing. With `rebuild`, an index of another format version or a damaged one is
/// replaced; a folder that is not a `search` index is never touched, and a new index
/// is only ever made in a folder holding nothing but files an index writes.
pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<IndexHandle> {
    check_writable(dir)?;
    let entries = entries_of(dir)?;
    let foreign = entries.iter().find(|name| !is_index_file(name));
    let has_meta = entries.iter().any(|name| name == META_FILE);
    if !has_meta {
        // Only the marker and hidden files (locks, temporary files): what a first run
        // killed before tantivy made its index, or a run that lost a race, left.
        let unfinished = entries
            .iter()
            .all(|name| name == MARKER_FILE || name.as_encoded_bytes().first() == Some(&b'.'));
        match (marker_state(dir)?, foreign) {
            (MarkerState::Ours(_) | MarkerState::Missing, None) if unfinished => {
                return create(dir);
            }
            (MarkerState::Missing, Some(entry)) => {
                return Err(Error::NotOurs {
                    path: dir.to_path_buf(),
                    entry: entry.clone().into(),
                });
            }
            _ => {}
        }
    }
    match open(dir) {
        Ok(handle) => Ok(handle),
        Err(Error::FormatVersion { .. } | Error::Corrupt { .. }) if rebuild => {
            clear(dir)?;
            // The lock was let go: another run may have made the index meanwhile.
            open(dir)
        }
        Err(err) => Err(err),
    }
}

/// Refuses, before any work, an index path that is a file or lies under one, and a
/// folder this process may not write in — what would otherwise fail only when the first
/// segment is written, minutes into a run, or be taken for another writer's lock.
fn check_writable(dir: &Path) -> Result<()> {
    let folder = existing_folder(dir)?;
    match write_access(&folder) {
        Some(read_only_fs) => Err(Error::NotWritable {
            path: folder,
            read_only_fs,
        }),
        None => Ok(()),
    }
}

/// Why this process may not write in `folder`: `Some(true)` for a read-only file
/// system, `Some(false)` for a permission; `None` when it may (or `access(2)` cannot
/// tell, and the writes themselves will say).
#[cfg(unix)]
fn write_access(folder: &Path) -> Option<bool> {
    use rustix::fs::{Access, access};
    use rustix::io::Errno;
    match access(folder, Access::WRITE_OK | Access::EXEC_OK) {
        Err(Errno::ROFS) => Some(true),
        Err(Errno::ACCESS | Errno::PERM) => Some(false),
        _ => None,
    }
}

#[cfg(not(unix))]
fn write_access(_: &Path) -> Option<bool> {
    None
}

/// The folder `dir` or, when it does not exist yet, its nearest existing ancestor
/// (where it would be made); a file in the way is [`Error::NotAFolder`].
fn existing_folder(dir: &Path) -> Result<PathBuf> {
    for at in dir.ancestors() {
        let at = if at.as_os_str().is_empty() {
            Path::new(".")
        } else {
            at
        };
        match std::fs::metadata(at) {
            Ok(meta) if meta.is_dir() => return Ok(at.to_path_buf()),
            Ok(_) => return Err(Error::NotAFolder(at.to_path_buf())),
            Err(err)
                if matches!(
                    err.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) => {}
            Err(err) => return Err(Error::io(at, err)),
        }
    }
    Ok(PathBuf::from("."))
}

fn create(dir: &Path) -> Result<IndexHandle> {
    std::fs::create_dir_all(dir).map_err(|err| Error::write(dir, err))?;
    write_marker(dir)?;
    let (schema, fields) = schema::build_schema();
    let index = Index::builder()
        .schema(schema)
        .settings(schema::index_settings())
        .create_in_dir(dir)
        .map_err(|err| match err {
            // Another run created it at the same moment, and holds it.
            TantivyError::IndexAlreadyExists => Error::Busy(dir.to_path_buf()),
            other => diagnose(dir, other),
        })?;
    schema::register_tokenizers(&index);
    Ok(IndexHandle {
        dir: dir.to_path_buf(),
        index,
        fields,
    })
}

/// Removes the files of a damaged or outdated index and makes a new, empty index in
/// its folder, holding tantivy's writer lock all along so a run at work on it is never
/// pulled from under it. Only files named as an index names its own are removed
/// ([`is_index_file`]); anything else a user put in the folder stays where it is.
fn clear(dir: &Path) -> Result<()> {
    let directory = MmapDirectory::open(dir).map_err(|err| Error::Tantivy(err.into()))?;
    let _lock = directory
        .acquire_lock(&INDEX_WRITER_LOCK)
        .map_err(|err| writer_error(dir, TantivyError::LockFailure(err, None)))?;
    let lock_file = INDEX_WRITER_LOCK.filepath.as_os_str();
    for entry in std::fs::read_dir(dir).map_err(|err| Error::io(dir, err))? {
        let entry = entry.map_err(|err| Error::io(dir, err))?;
        let name = entry.file_name();
        let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
        if name == lock_file || is_dir || !is_index_file(&name) {
            continue;
        }
        let path = entry.path();
        std::fs::remove_file(&path).map_err(|err| Error::io(&path, err))?;
    }
    create(dir).map(drop)
}

/// The names in `dir`, sorted; none when it does not exist.
fn entries_of(dir: &Path) -> Result<Vec<OsString>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(Error::io(dir, err)),
    };
    let mut names = entries
        .map(|entry| entry.map(|entry| entry.file_name()))
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|err| Error::io(dir, err))?;
    names.sort();
    Ok(names)
}

/// True for the names of files an index writes: the marker and the last run's report
/// (and their temporary files), tantivy's `meta.json`, `.managed.json`, locks and
/// temporary files, and segment files (`<32 hex digits>.<component>`). Nothing else in
/// an index folder is ever removed.
pub fn is_index_file(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    const FIXED: [&str; 6] = [
        MARKER_FILE,
        report::LAST_RUN_FILE,
        META_FILE,
        ".managed.json",
        ".tantivy-writer.lock",
        ".tantivy-meta.lock",
    ];
    if FIXED.contains(&name) {
        return true;
    }
    // `write_atomically`'s `.<name>.<pid>.tmp`.
    let ours_temporary = [MARKER_FILE, report::LAST_RUN_FILE].iter().any(|file| {
        name.strip_prefix('.')
            .and_then(|rest| rest.strip_prefix(file))
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
    });
    // tantivy's atomic writes go through the `tempfile` crate's `.tmpXXXXXX`.
    let tantivy_temporary = name
        .strip_prefix(".tmp")
        .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()));
    ours_temporary || tantivy_temporary || is_segment_file(name)
}

/// Removes the temporary files a killed run left in the index folder `dir`: tantivy's
/// (`.tmpXXXXXX`, a `meta.json` or `.managed.json` being written), which no clean-up of
/// tantivy's ever removes, and this program's (`.<marker or report>.<pid>.tmp`) once a
/// minute old — a live run renames its own within microseconds. Only while holding the
/// writer lock: tantivy writes its temporary files only under it.
pub(crate) fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(text) = name.to_str() else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|kind| kind.is_file());
        if !is_file || !is_index_file(&name) {
            continue;
        }
        let tantivys = text.starts_with(".tmp");
        let ours = text.ends_with(".tmp") && !tantivys;
        let stale = || {
            entry
                .metadata()
                .and_then(|meta| meta.modified())
                .ok()
                .and_then(|modified| modified.elapsed().ok())
                .is_some_and(|age| age.as_secs() >= 60)
        };
        if tantivys || (ours && stale()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// `<uuid as 32 lowercase hex digits>.<component>`, the component one tantivy writes
/// (`idx`, `pos`, `term`, `store`, `store.temp`, `fast`, `fieldnorm`, `<opstamp>.del`).
fn is_segment_file(name: &str) -> bool {
    let Some((uuid, component)) = name.split_once('.') else {
        return false;
    };
    let uuid_like = uuid.len() == 32
        && uuid
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let known = matches!(
        component,
        "idx" | "pos" | "term" | "store" | "store.temp" | "fast" | "fieldnorm"
    ) || component
        .strip_suffix(".del")
        .is_some_and(|opstamp| !opstamp.is_empty() && opstamp.bytes().all(|b| b.is_ascii_digit()));
    uuid_like && known
}

/// Writes the marker so that it is whole or absent, never cut short: a run killed
/// while creating an index leaves a folder the next run recognises.
fn write_marker(dir: &Path) -> Result<()> {
    let marker = Marker {
        tool: "search".into(),
        format: FORMAT_VERSION,
    };
    let json = serde_json::to_string_pretty(&marker).unwrap_or_default() + "\n";
    write_atomically(&dir.join(MARKER_FILE), json.as_bytes())
}

/// Writes `path` through a hidden temporary file renamed over it.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temp, bytes).map_err(|err| {
        let _ = std::fs::remove_file(&temp);
        Error::write(&temp, err)
    })?;
    std::fs::rename(&temp, path).map_err(|err| {
        let _ = std::fs::remove_file(&temp);
        Error::write(path, err)
    })
}

fn marker_state(dir: &Path) -> Result<MarkerState> {
    let path = dir.join(MARKER_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(match serde_json::from_slice::<Marker>(&bytes) {
            Ok(marker) if marker.tool == "search" => MarkerState::Ours(marker.format),
            Ok(_) => MarkerState::Foreign,
            // Valid JSON of another shape is someone else's file.
            Err(err) if err.is_data() => MarkerState::Foreign,
            Err(_) => MarkerState::Unreadable,
        }),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(MarkerState::Missing),
        Err(err) => Err(Error::io(path, err)),
    }
}

/// True when `meta.json` describes an index with this program's fields.
fn has_our_schema(dir: &Path) -> bool {
    Index::open_in_dir(dir).is_ok_and(|index| schema::fields_of(&index.schema()).is_some())
}

/// True when `dir` holds anything but hidden files: a folder of only dotfiles is no
/// index to read (and, to [`open_or_create`], no folder to make one in).
fn folder_has_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().as_encoded_bytes().first() != Some(&b'.'))
    })
}

/// [`Error::Corrupt`] for the index at `dir`.
pub(crate) fn damaged(dir: &Path, problem: impl Into<String>) -> Error {
    Error::Corrupt {
        path: dir.to_path_buf(),
        problem: problem.into(),
    }
}

/// Turns a tantivy failure while reading the index at `dir` into the error to show:
/// [`Error::Corrupt`] naming the damaged file when [`damage`] finds one (or when
/// tantivy itself says the data is corrupt), the plain tantivy error otherwise (a
/// full disk, a permission).
pub fn diagnose(dir: &Path, err: TantivyError) -> Error {
    if let Some(problem) = damage(dir) {
        return damaged(dir, problem);
    }
    if is_corruption(&err) {
        return damaged(dir, describe(&err));
    }
    Error::Tantivy(err)
}

/// What is damaged in the index at `dir`, if anything: `meta.json` missing or not
/// tantivy's, a segment file missing, cut short, or not matching its checksum. It
/// reads every segment file in full, so it runs only once something has failed.
pub fn damage(dir: &Path) -> Option<String> {
    let text = match std::fs::read(dir.join(META_FILE)) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Some("meta.json is missing".into());
        }
        Err(err) => return Some(format!("meta.json cannot be read ({err})")),
    };
    let Ok(meta) = serde_json::from_slice::<serde_json::Value>(&text) else {
        return Some("meta.json is not valid JSON".into());
    };
    if !meta["segments"].is_array() || !meta["schema"].is_array() {
        return Some(
            "meta.json was written by another program (it lists no tantivy segments)".into(),
        );
    }
    let index = match Index::open_in_dir(dir) {
        Ok(index) => index,
        Err(err) => return Some(describe(&err)),
    };
    let segments = match index.searchable_segment_metas() {
        Ok(segments) => segments,
        Err(err) => return Some(describe(&err)),
    };
    for segment in segments {
        for file in segment_files(&segment) {
            if !dir.join(&file).is_file() {
                return Some(format!("segment file {} is missing", file.display()));
            }
            match index.directory().validate_checksum(&file) {
                Ok(true) => {}
                Ok(false) => {
                    return Some(format!(
                        "segment file {} is damaged (its checksum does not match)",
                        file.display()
                    ));
                }
                Err(_) => {
                    return Some(format!(
                        "segment file {} is cut short or damaged",
                        file.display()
                    ));
                }
            }
        }
    }
    None
}

/// The files of a committed segment, relative to the index folder: its six
/// components, and its delete file when it has deletes.
pub(crate) fn segment_files(segment: &SegmentMeta) -> Vec<PathBuf> {
    const COMPONENTS: [SegmentComponent; 6] = [
        SegmentComponent::Postings,
        SegmentComponent::Positions,
        SegmentComponent::Terms,
        SegmentComponent::Store,
        SegmentComponent::FastFields,
        SegmentComponent::FieldNorms,
    ];
    let deletes = segment
        .has_deletes()
        .then(|| segment.relative_path(SegmentComponent::Delete));
    COMPONENTS
        .into_iter()
        .map(|component| segment.relative_path(component))
        .chain(deletes)
        .collect()
}

/// True for the tantivy errors that mean the data on disk is not what it should be.
fn is_corruption(err: &TantivyError) -> bool {
    let bad_data = |err: &std::io::Error| {
        matches!(
            err.kind(),
            std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
        )
    };
    match err {
        TantivyError::DataCorruption(_)
        | TantivyError::IncompatibleIndex(_)
        | TantivyError::OpenReadError(
            OpenReadError::FileDoesNotExist(_) | OpenReadError::IncompatibleIndex(_),
        ) => true,
        TantivyError::OpenReadError(OpenReadError::IoError { io_error, .. }) => bad_data(io_error),
        TantivyError::IoError(io_error) => bad_data(io_error),
        _ => false,
    }
}

/// A tantivy error in a few words on one line.
fn describe(err: &TantivyError) -> String {
    let name = |path: &Path| path.file_name().unwrap_or_default().display().to_string();
    match err {
        TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(path)) => {
            format!("{} is missing", name(path))
        }
        TantivyError::OpenReadError(OpenReadError::IoError { filepath, .. }) => {
            format!("{} is cut short or damaged", name(filepath))
        }
        TantivyError::IncompatibleIndex(_)
        | TantivyError::OpenReadError(OpenReadError::IncompatibleIndex(_)) => {
            "it was written by an incompatible version of tantivy".into()
        }
        other => {
            let text = other.to_string().replace(['\n', '\r'], " ");
            match text.char_indices().nth(200) {
                Some((cut, _)) => format!("{}…", &text[..cut]),
                None => text,
            }
        }
    }
}

/// Maps tantivy's "lock busy" to [`Error::Busy`], a lock file that cannot be written
/// to [`Error::NotWritable`], anything else to [`Error::Tantivy`].
pub(crate) fn writer_error(dir: &Path, err: TantivyError) -> Error {
    match err {
        TantivyError::LockFailure(LockError::LockBusy, _) => Error::Busy(dir.to_path_buf()),
        TantivyError::LockFailure(LockError::IoError(io), _)
            if matches!(
                io.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            let lock = dir.join(INDEX_WRITER_LOCK.filepath.as_path());
            Error::write(lock, std::io::Error::from(io.kind()))
        }
        other => Error::Tantivy(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_an_index_writes_are_its_own() {
        for name in [
            "search-index.json",
            "search-last-run.json",
            ".search-index.json.4711.tmp",
            "meta.json",
            ".managed.json",
            ".tantivy-writer.lock",
            ".tantivy-meta.lock",
            ".tmpAbC123",
            "0123456789abcdef0123456789abcdef.idx",
            "0123456789abcdef0123456789abcdef.store.temp",
            "0123456789abcdef0123456789abcdef.fieldnorm",
            "0123456789abcdef0123456789abcdef.42.del",
        ] {
            assert!(is_index_file(OsStr::new(name)), "{name}");
        }
        for name in [
            ".bashrc",
            ".ssh",
            ".gitkeep",
            ".DS_Store",
            "notes.txt",
            ".search-index.json.tmp",
            ".tmpAbC1234",
            ".tmp-not-tantivys",
            "0123456789ABCDEF0123456789ABCDEF.idx",
            "0123456789abcdef0123456789abcdef.txt",
            "0123456789abcdef0123456789abcde.idx",
            "0123456789abcdef0123456789abcdef..del",
        ] {
            assert!(!is_index_file(OsStr::new(name)), "{name}");
        }
    }
}
