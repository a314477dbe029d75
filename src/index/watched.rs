//! The index folder as an indexing run writes it, watched: how many bytes the run wrote,
//! which files it made and the first write that failed. tantivy's indexing threads
//! report a failed write only as "an index writer was killed"; this is how a run knows
//! the disk filled up (or a permission stopped it), how much room it wanted, and which
//! files to take away again.

use std::fmt;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

/// A write that failed: the file, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedWrite {
    /// The file, relative to the index folder.
    pub path: PathBuf,
    /// What the system said.
    pub kind: io::ErrorKind,
}

/// What a run wrote into the index folder.
#[derive(Debug, Default)]
pub struct WriteLog {
    written: AtomicU64,
    made: Mutex<Vec<PathBuf>>,
    failure: Mutex<Option<FailedWrite>>,
}

impl WriteLog {
    /// Bytes written so far.
    pub fn written(&self) -> u64 {
        self.written.load(Ordering::Relaxed)
    }

    /// The files made so far (relative to the index folder), in order.
    pub fn made(&self) -> Vec<PathBuf> {
        self.made
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The first write that failed, if one did.
    pub fn failure(&self) -> Option<FailedWrite> {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn fail(&self, path: &Path, err: &io::Error) {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert_with(|| FailedWrite {
                path: path.to_path_buf(),
                kind: err.kind(),
            });
    }
}

/// tantivy's own directory of files on disk, with every write recorded in a [`WriteLog`].
#[derive(Clone)]
pub struct WatchedDirectory {
    inner: MmapDirectory,
    log: Arc<WriteLog>,
}

impl WatchedDirectory {
    /// Watches the writes into `inner`, recording them in `log`.
    pub fn new(inner: MmapDirectory, log: Arc<WriteLog>) -> Self {
        WatchedDirectory { inner, log }
    }
}

impl fmt::Debug for WatchedDirectory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WatchedDirectory({:?})", self.inner)
    }
}

impl Directory for WatchedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let writer = self.inner.open_write(path).inspect_err(|err| {
            if let OpenWriteError::IoError { io_error, .. } = err {
                self.log.fail(path, io_error);
            }
        })?;
        self.log
            .made
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path.to_path_buf());
        // A new writer holds nothing in its buffer yet: taking it apart writes nothing.
        let file = writer
            .into_inner()
            .map_err(|err| OpenWriteError::wrap_io_error(err.into_error(), path.to_path_buf()))?;
        Ok(BufWriter::new(Box::new(WatchedWrite {
            inner: file,
            path: path.to_path_buf(),
            log: Arc::clone(&self.log),
        })))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner
            .atomic_write(path, data)
            .inspect(|()| {
                self.log
                    .written
                    .fetch_add(data.len() as u64, Ordering::Relaxed);
            })
            .inspect_err(|err| self.log.fail(path, err))
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// One file being written, its bytes counted and its failure recorded.
struct WatchedWrite {
    inner: Box<dyn TerminatingWrite + Send + Sync>,
    path: PathBuf,
    log: Arc<WriteLog>,
}

impl Write for WatchedWrite {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self
            .inner
            .write(buf)
            .inspect_err(|err| self.log.fail(&self.path, err))?;
        self.log
            .written
            .fetch_add(written as u64, Ordering::Relaxed);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner
            .flush()
            .inspect_err(|err| self.log.fail(&self.path, err))
    }
}

impl TerminatingWrite for WatchedWrite {
    fn terminate_ref(&mut self, token: AntiCallToken) -> io::Result<()> {
        self.inner
            .terminate_ref(token)
            .inspect_err(|err| self.log.fail(&self.path, err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_counted_and_files_listed() {
        let dir = tempfile::tempdir().unwrap();
        let log = Arc::new(WriteLog::default());
        let directory =
            WatchedDirectory::new(MmapDirectory::open(dir.path()).unwrap(), Arc::clone(&log));
        let mut file = directory.open_write(Path::new("a.idx")).unwrap();
        file.write_all(&[7; 10_000]).unwrap();
        file.terminate().unwrap();
        directory
            .atomic_write(Path::new("meta.json"), b"{}")
            .unwrap();
        assert_eq!(log.written(), 10_002);
        assert_eq!(log.made(), [PathBuf::from("a.idx")]);
        assert_eq!(log.failure(), None);
        // tantivy never writes a file twice; the failure is recorded with its cause.
        assert!(directory.open_write(Path::new("a.idx")).is_err());
        assert_eq!(
            log.failure(),
            None,
            "an existing file is not an I/O failure"
        );
    }
}
