//! Reading an index in a folder this process cannot write: on a read-only file system
//! (a mounted archive, a read-only share) or in a folder another user keeps. tantivy's
//! readers take its meta lock while they open the segments, so that a writer's clean-up
//! cannot delete them meanwhile, and taking it means opening a lock file for writing —
//! which fails there, and failed every query. Where the lock file cannot be opened, the
//! reader goes on without it: on a read-only file system no writer can run at all; in a
//! folder another user writes, a query that meets a clean-up in the instant it opens the
//! segments fails and can be run again.

use std::fmt;
use std::io;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, META_LOCK, MmapDirectory, WatchCallback,
    WatchHandle, WritePtr,
};

/// tantivy's directory of files on disk, read without its locks where they cannot be
/// taken for want of write access.
#[derive(Clone)]
pub struct ReadingDirectory(MmapDirectory);

impl ReadingDirectory {
    /// Reads the index folder at `dir`.
    pub fn open(dir: &Path) -> tantivy::Result<ReadingDirectory> {
        Ok(ReadingDirectory(MmapDirectory::open(dir)?))
    }
}

impl fmt::Debug for ReadingDirectory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReadingDirectory({:?})", self.0)
    }
}

/// Stands for a lock that could not be taken for want of write access.
struct NoLock;

impl Directory for ReadingDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.0.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.0.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.0.sync_directory()
    }

    /// Only readers' meta lock is ever gone without: the writer lock is always taken.
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.0.acquire_lock(lock) {
            Err(LockError::IoError(err))
                if lock.filepath == META_LOCK.filepath
                    && matches!(
                        err.kind(),
                        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                    ) =>
            {
                Ok(DirectoryLock::from(Box::new(NoLock)))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(watch_callback)
    }
}
