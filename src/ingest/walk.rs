//! Finding the article files under the paths a user gives: hidden files and folders are
//! skipped, symlinks are followed but loops are not, and each file is listed once even
//! when two links lead to it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::error::{Error, Result};
use crate::ingest::{Notice, SkipReason};
use crate::stop::Stop;

/// The article formats `search` reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `.txt`, `.text`: plain text.
    Text,
    /// `.md`, `.markdown`.
    Markdown,
    /// `.html`, `.htm`, `.xhtml`: a saved web page.
    Html,
    /// `.jsonl`, `.ndjson`: one article per line.
    Jsonl,
}

impl Format {
    /// The format of a path, from its extension (case-insensitive).
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// One article file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The absolute, symlink-free path: the file's identity in the index.
    pub path: PathBuf,
    /// The walk root it was found under (absolute), where folder defaults stop.
    pub root: PathBuf,
    /// Its format.
    pub format: Format,
    /// Size in bytes when walked.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime: i64,
    /// The inode number (0 where the system has none): a file restored or replaced
    /// with the same size and modification time is another inode.
    pub inode: u64,
    /// The status change time in nanoseconds since the epoch (0 where the system has
    /// none): writing to a file changes it, and no user can set it back.
    pub ctime: i64,
    /// The path the walk reached it by (absolute, under `root`): through a symlink, the
    /// link's path, which may lie elsewhere than `path`.
    pub reached: PathBuf,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Article files, sorted by path, each once.
    pub files: Vec<SourceFile>,
    /// The absolute roots walked (files indexed earlier under them and now gone are
    /// removed from the index).
    pub roots: Vec<PathBuf>,
    /// Files in other formats, not read.
    pub other_files: u64,
    /// Folders and files that could not be walked.
    pub notices: Vec<Notice>,
}

/// Lists the article files under `paths` (folders or single files). Once `stop` is
/// raised it ends early, with what it found so far.
pub fn walk(paths: &[PathBuf], stop: &Stop) -> Result<Walk> {
    let mut walk = Walk::default();
    let mut seen = HashSet::new();
    for given in paths {
        let root = given
            .canonicalize()
            .map_err(|_| Error::MissingPath(given.clone()))?;
        walk.roots.push(root.clone());
        let entries = walkdir::WalkDir::new(&root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
        for entry in entries {
            if stop.requested().is_some() {
                break;
            }
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(&root).to_path_buf();
                    let why = if err.loop_ancestor().is_some() {
                        "symlink loop, not followed".to_owned()
                    } else {
                        err.io_error()
                            .map_or_else(|| err.to_string(), ToString::to_string)
                    };
                    walk.notices
                        .push(Notice::skipped(&path, SkipReason::Unreadable(why)));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(format) = Format::of(entry.path()) else {
                walk.other_files += 1;
                continue;
            };
            let path = match entry.path().canonicalize() {
                Ok(path) => path,
                Err(err) => {
                    let reason = SkipReason::Unreadable(err.to_string());
                    walk.notices.push(Notice::skipped(entry.path(), reason));
                    continue;
                }
            };
            if !seen.insert(path.clone()) {
                continue;
            }
            let stat = entry.metadata().ok();
            walk.files.push(SourceFile {
                path,
                root: root.clone(),
                format,
                size: stat.as_ref().map_or(0, std::fs::Metadata::len),
                mtime: stat.as_ref().map_or(0, mtime_nanos),
                inode: stat.as_ref().map_or(0, inode),
                ctime: stat.as_ref().map_or(0, ctime_nanos),
                reached: entry.path().to_path_buf(),
            });
        }
    }
    walk.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(walk)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn mtime_nanos(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .and_then(|since| i64::try_from(since.as_nanos()).ok())
        .unwrap_or(0)
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

#[cfg(unix)]
fn ctime_nanos(meta: &std::fs::Metadata) -> i64 {
    use std::os::unix::fs::MetadataExt;
    meta.ctime()
        .saturating_mul(1_000_000_000)
        .saturating_add(meta.ctime_nsec())
}

#[cfg(not(unix))]
fn ctime_nanos(_: &std::fs::Metadata) -> i64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(Format::of(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::of(Path::new("b.md")), Some(Format::Markdown));
        assert_eq!(Format::of(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(Format::of(Path::new("b.ndjson")), Some(Format::Jsonl));
        assert_eq!(Format::of(Path::new("b.pdf")), None);
        assert_eq!(Format::of(Path::new("README")), None);
    }

    #[test]
    fn walk_skips_hidden_lists_once_and_sorts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/.git")).unwrap();
        std::fs::write(root.join("b/2.txt"), "x").unwrap();
        std::fs::write(root.join("b/.git/x.txt"), "x").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join("a.md"), "x").unwrap();
        std::fs::write(root.join("notes.pdf"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("b/loop")).unwrap();
        let walk = walk(&[root.to_path_buf(), root.join("a.md")], &Stop::new()).unwrap();
        let names: Vec<_> = walk
            .files
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(root.canonicalize().unwrap())
                    .unwrap()
                    .to_path_buf()
            })
            .collect();
        assert_eq!(names, [PathBuf::from("a.md"), PathBuf::from("b/2.txt")]);
        assert_eq!(walk.other_files, 1);
        #[cfg(unix)]
        assert!(
            matches!(&walk.notices[..], [Notice::Skipped { reason: SkipReason::Unreadable(why), .. }] if why.contains("loop"))
        );
    }

    #[test]
    fn missing_paths_are_an_error() {
        let err = walk(&[PathBuf::from("/no/such/folder")], &Stop::new()).unwrap_err();
        assert!(matches!(err, Error::MissingPath(_)));
    }
}
