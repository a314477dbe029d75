//! An indexing run: walk the paths, skip what is unchanged, read and split the rest on
//! every core, and commit once at the end — so a run that is killed, fails or is
//! stopped leaves the previous index as it was (one that fails or is stopped also
//! removes what it wrote), and a run with nothing to do writes nothing.
//!
//! One producer (this thread) reads files in order and decides what changed; worker
//! threads parse articles into passages and hand documents to tantivy's own indexing
//! threads. A bounded channel between them keeps memory flat however large the corpus:
//! JSON Lines files travel in chunks of whole lines, never whole.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use tantivy::directory::MmapDirectory;
use tantivy::indexer::UserOperation;
use tantivy::{TantivyDocument, Term};
use xxhash_rust::xxh3::xxh3_128;

use crate::error::{Error, Result};
use crate::index::queued::{QUEUE_BYTES, Queue, QueuedDoc};
use crate::index::report::RunReport;
use crate::index::store::{
    FileState, IndexedFiles, Store, article_documents, file_document, file_document_query,
};

use crate::index::watched::{WatchedDirectory, WriteLog};
use crate::index::workers::Workers;
use crate::index::{
    IndexHandle, damage, damaged, diagnose, is_index_file, open_or_create,
    remove_stale_temporaries, segment_files, writer_error,
};
use crate::ingest::defaults::Defaults;
use crate::ingest::walk::{Format, SourceFile, Walk, walk};
use crate::ingest::{
    MAX_ARTICLE_BYTES, Metadata, Notice, SkipReason, jsonl, read_document, split_passages,
};
use crate::paths::path_string;
use crate::schema::Fields;
use crate::stop::Stop;

/// The writer of an indexing run: its documents carry their batch's share of the
/// queue to tantivy's indexing threads ([`Queue`]).
type IndexWriter = tantivy::IndexWriter<QueuedDoc>;

/// Bytes of JSON Lines handed to a worker at once (rounded up to a whole line).
const CHUNK_BYTES: usize = 1 << 20;

/// What to index and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The index folder.
    pub index_dir: PathBuf,
    /// Folders and files of articles.
    pub paths: Vec<PathBuf>,
    /// Drop everything indexed before and start again.
    pub rebuild: bool,
    /// Parsing threads, tantivy's indexing threads and their memory budget.
    pub workers: Workers,
    /// Extract named entities.
    pub entities: bool,
    /// Raised to stop the run at its next safe point (before its commit, nothing is
    /// kept).
    pub stop: Stop,
}

/// Where a run reports its progress (a terminal bar, or nothing but warnings).
pub trait Progress: Sync {
    /// The walk is done: this many files and bytes are to be looked at.
    fn begin(&self, files: u64, bytes: u64);
    /// This many more bytes have been dealt with (read and parsed, or found unchanged).
    fn advance(&self, bytes: u64, articles: u64);
    /// A file or record was skipped, or decoded from a legacy encoding.
    fn notice(&self, notice: &Notice);
    /// The run is over.
    fn finish(&self);
}

/// A file (or a chunk of one) to parse.
struct Work {
    job: Arc<Job>,
    bytes: Vec<u8>,
    /// For a JSON Lines chunk, the line its first record is on.
    first_line: Option<u32>,
}

struct Job {
    path: PathBuf,
    format: Format,
    defaults: Metadata,
    state: FileState,
    /// The source ids of the file's records indexed so far (JSON Lines), as 128-bit
    /// hashes: a record whose id an earlier one has gets an article id of its own. Held
    /// for the whole file, so as hashes (16 bytes an id, where the ids themselves took
    /// about 13 MB for the 10× replica's 190,430 records).
    source_ids: Mutex<HashSet<u128>>,
}

/// How close to a run a change to a file may come and still be told apart by its
/// times: a change made within this of the moment a run looked at a file may carry
/// the very times the run recorded (timestamps are coarse: a clock tick on Linux, two
/// seconds on FAT), so such a file's times are not trusted on the next run and its
/// content is hashed again — git's "racy clean" rule.
const RACY_NANOS: i64 = 2_000_000_000;

/// The file's state as the walk found it, its content hash and settings aside.
fn stat_unchanged(state: &FileState, file: &SourceFile) -> bool {
    // `ctime` is 0 where the system has none; the modification time stands in.
    let changed = if state.ctime != 0 {
        state.ctime
    } else {
        state.mtime
    };
    state.size == file.size
        && state.mtime == file.mtime
        && state.inode == file.inode
        && state.ctime == file.ctime
        && changed < state.seen.saturating_sub(RACY_NANOS)
}

/// State shared by the producer and the workers.
struct Shared<'a> {
    writer: &'a IndexWriter,
    /// What is handed to the writer and not yet indexed.
    queue: Arc<Queue>,
    fields: Fields,
    progress: &'a dyn Progress,
    report: Mutex<RunReport>,
    dirty: AtomicBool,
    failure: Mutex<Option<Error>>,
    /// Set with `failure`, read without a lock by every step.
    failed: AtomicBool,
    /// Extract named entities.
    entities: bool,
    /// Raised when the run is to stop at its next safe point.
    stop: &'a Stop,
    /// How far the run got.
    reach: &'a Reach,
}

/// How far a run got: what a full disk's message estimates the room needed from.
#[derive(Default)]
struct Reach {
    /// Bytes of input dealt with (read and parsed, or found unchanged).
    done: AtomicU64,
    /// Of those, bytes of files read to be indexed.
    parsed: AtomicU64,
}

impl Shared<'_> {
    fn notice(&self, notice: &Notice) {
        self.progress.notice(notice);
        self.report().record(notice);
    }

    /// `bytes` more of the input dealt with, `articles` more articles indexed.
    fn advance(&self, bytes: u64, articles: u64) {
        self.reach.done.fetch_add(bytes, Ordering::Relaxed);
        self.progress.advance(bytes, articles);
    }

    /// True once the run has failed or been asked to stop: nothing more is read, sent
    /// or parsed.
    fn stopping(&self) -> bool {
        self.failed.load(Ordering::SeqCst) || self.stop.requested().is_some()
    }

    fn report(&self) -> std::sync::MutexGuard<'_, RunReport> {
        self.report.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn add(&self, doc: TantivyDocument) -> Result<()> {
        self.add_batch(vec![doc])
    }

    /// Adds documents as one batch: tantivy puts a batch in one segment, in order, so an
    /// article's documents keep consecutive ids (the article facet counts rely on it).
    fn add_batch(&self, docs: Vec<TantivyDocument>) -> Result<()> {
        self.dirty.store(true, Ordering::Relaxed);
        let docs = self.queue.admit(docs, || self.stopping());
        self.writer.run(docs.into_iter().map(UserOperation::Add))?;
        Ok(())
    }

    fn delete_file(&self, path: &str) {
        self.dirty.store(true, Ordering::Relaxed);
        self.writer
            .delete_term(Term::from_field_text(self.fields.path, path));
    }

    fn fail(&self, err: Error) {
        self.failed.store(true, Ordering::SeqCst);
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert(err);
    }
}

/// Indexes `options.paths` into `options.index_dir`, incrementally.
///
/// A run that fails or is stopped before its commit removes the files it wrote and
/// leaves the index as it was: the error says why ([`Error::DiskFull`] when the disk
/// filled up, [`Error::Stopped`] when `options.stop` was raised).
pub fn build(options: &BuildOptions, progress: &dyn Progress) -> Result<RunReport> {
    let started = Instant::now();
    if options.entities {
        // While the walk and the index opening run, not on the first worker's time.
        std::thread::spawn(crate::entities::warm_up);
    }
    let seen_at = now_nanos();
    let walked = walk(&options.paths, &options.stop)?;
    if let Some(signal) = options.stop.requested() {
        return Err(Error::Stopped { signal });
    }
    let handle = open_or_create(&options.index_dir, options.rebuild)?;
    let log = Arc::new(WriteLog::default());
    let mut writer = open_writer(&handle, options, &log)?;
    let reach = Reach::default();
    let total = walked.files.iter().map(|file| file.size).sum::<u64>();
    let outcome = run(
        options,
        &handle,
        &mut writer,
        &walked,
        seen_at,
        &reach,
        progress,
    )
    .and_then(|prepared| commit(options, &handle, &mut writer, prepared));
    let mut report = match outcome {
        Ok(report) => report,
        Err(err) => {
            abandon(&handle, &mut writer, &log);
            let share = reach.done.load(Ordering::Relaxed) as f64 / total.max(1) as f64;
            let parsed = reach.parsed.load(Ordering::Relaxed);
            let room = |available| room_needed(log.written(), parsed, share, available);
            return Err(explain(err, &handle.dir, &log, room, &options.stop));
        }
    };
    if report.committed && writer.wait_merging_threads().is_err() {
        // A merge failed (a full disk): the commit stands, the merge's files do not.
        tidy(&handle);
    }
    report.signal = options.stop.requested();
    report.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    report.save(&handle.dir)?;
    Ok(report)
}

/// The writer of a run, on the index folder watched (see [`WriteLog`]), with what a
/// killed run left removed.
fn open_writer(
    handle: &IndexHandle,
    options: &BuildOptions,
    log: &Arc<WriteLog>,
) -> Result<IndexWriter> {
    let directory = MmapDirectory::open(&handle.dir).map_err(|err| Error::Tantivy(err.into()))?;
    let index = tantivy::Index::open(WatchedDirectory::new(directory, Arc::clone(log)))
        .map_err(|err| diagnose(&handle.dir, err))?;
    crate::schema::register_tokenizers(&index);
    let writer = index
        .writer_with_num_threads(options.workers.indexing(), options.workers.memory_budget())
        .map_err(|err| writer_error(&handle.dir, err))?;
    // A run killed before its commit leaves segment and delete files nothing refers to.
    // Remove them now that the lock is ours: tantivy names a new run's delete files after
    // the same operation numbers, and refuses to write over one left behind.
    writer.garbage_collect_files().wait()?;
    remove_stale_temporaries(&handle.dir);
    Ok(writer)
}

/// What a run has done up to its commit.
struct Prepared {
    report: RunReport,
    /// Unchanged files whose recorded state is out of date.
    refreshed: Vec<(PathBuf, FileState)>,
}

/// Removes what is gone and hands what changed to the writer; commits nothing.
fn run(
    options: &BuildOptions,
    handle: &IndexHandle,
    writer: &mut IndexWriter,
    walked: &Walk,
    seen_at: i64,
    reach: &Reach,
    progress: &dyn Progress,
) -> Result<Prepared> {
    let previous = if options.rebuild {
        IndexedFiles::new()
    } else {
        let reader = handle.index.reader()?;
        Store::new(&reader.searcher(), &handle.fields).files()?
    };
    if options.rebuild {
        writer.delete_all_documents()?;
    }
    let threads = options.workers.parsing();
    let shared = Shared {
        entities: options.entities,
        writer: &*writer,
        queue: Queue::new(QUEUE_BYTES),
        fields: handle.fields,
        progress,
        report: Mutex::new(RunReport {
            other_files: walked.other_files,
            rebuilt: options.rebuild,
            ..RunReport::default()
        }),
        dirty: AtomicBool::new(options.rebuild),
        failure: Mutex::new(None),
        failed: AtomicBool::new(false),
        stop: &options.stop,
        reach,
    };
    for notice in &walked.notices {
        shared.notice(notice);
    }

    // Files indexed before under the walked roots and not found now are gone.
    let seen: HashSet<String> = walked
        .files
        .iter()
        .map(|file| path_string(&file.path))
        .collect();
    // A file reached through a symlink may lie outside every root: it is gone too
    // when the path it was reached by is under one.
    let mut removed = 0;
    for (path, state) in &previous {
        let under_a_root = |at: &str| {
            walked
                .roots
                .iter()
                .any(|root| Path::new(at).starts_with(root))
        };
        if !seen.contains(path) && (under_a_root(path) || under_a_root(&state.reached)) {
            shared.delete_file(path);
            removed += 1;
        }
    }

    let total_bytes = walked.files.iter().map(|file| file.size).sum();
    progress.begin(walked.files.len() as u64, total_bytes);
    let (sender, receiver) = sync_channel::<Work>(threads * 2);
    let receiver = Mutex::new(receiver);
    let produced = std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| work(&receiver, &shared));
        }
        produce(&walked.files, &previous, seen_at, sender, &shared)
    });
    progress.finish();
    let (unchanged, refreshed) = produced?;
    if let Some(err) = shared
        .failure
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
    {
        return Err(err);
    }
    let mut report = shared
        .report
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    report.files_unchanged = unchanged;
    report.files_removed = removed;
    report.committed = shared.dirty.load(Ordering::Relaxed);
    Ok(Prepared { report, refreshed })
}

/// Commits what the run did, if it did anything — unless it was asked to stop: the
/// last safe point. From here on the run finishes what it started.
fn commit(
    options: &BuildOptions,
    handle: &IndexHandle,
    writer: &mut IndexWriter,
    prepared: Prepared,
) -> Result<RunReport> {
    if let Some(signal) = options.stop.requested() {
        return Err(Error::Stopped { signal });
    }
    let Prepared { report, refreshed } = prepared;
    if !report.committed {
        return Ok(report);
    }
    // Files whose content is unchanged but whose times or inode moved: record their new
    // state while committing anyway (alone, it is not worth a commit — a run with
    // nothing to do writes nothing).
    for (path, state) in &refreshed {
        writer.delete_query(file_document_query(&handle.fields, &path_string(path)))?;
        writer.add_document(QueuedDoc::unqueued(file_document(
            &handle.fields,
            path,
            state,
        )))?;
    }
    // New segments are about to be merged with the committed ones: make sure those are
    // sound first (every byte against its checksum; 0.01 s for Reuters' 30 MB), so a
    // damaged file is named now rather than carried into merged segments.
    if !options.rebuild
        && let Some(problem) = damage(&handle.dir)
    {
        return Err(damaged(&handle.dir, problem));
    }
    writer.prepare_commit()?.commit()?;
    Ok(report)
}

/// Undoes a run that failed or was stopped before its commit: tantivy's threads are
/// stopped and every file the run wrote is removed, while the writer lock is still
/// held. Only files tantivy lists as its own, or that this run made and an index
/// writes ([`is_index_file`]), are removed; the committed index stays as it was.
fn abandon(handle: &IndexHandle, writer: &mut IndexWriter, log: &WriteLog) {
    // Best effort: what is left, the next run removes when it takes the lock.
    if writer.rollback().is_err() {
        return;
    }
    let _ = writer.garbage_collect_files().wait();
    // What tantivy's clean-up did not see: a merge that ended after it.
    let living = living_files(handle);
    for made in log.made() {
        let is_ours = made
            .file_name()
            .is_some_and(|name| made.parent() == Some(Path::new("")) && is_index_file(name));
        if is_ours && !living.contains(&made) {
            let _ = std::fs::remove_file(handle.dir.join(&made));
        }
    }
}

/// After a merge failed behind a commit: removes what the merge wrote, if the writer
/// lock can still be had (another run that took it removes them itself).
fn tidy(handle: &IndexHandle) {
    if let Ok(writer) = handle.index.writer::<TantivyDocument>(15_000_000) {
        let _ = writer.garbage_collect_files().wait();
    }
}

/// The files of the committed index, relative to its folder.
fn living_files(handle: &IndexHandle) -> HashSet<PathBuf> {
    let mut living: HashSet<PathBuf> = ["meta.json", ".managed.json"]
        .into_iter()
        .map(PathBuf::from)
        .collect();
    if let Ok(index) = tantivy::Index::open_in_dir(&handle.dir)
        && let Ok(segments) = index.searchable_segment_metas()
    {
        living.extend(segments.iter().flat_map(segment_files));
    }
    living
}

/// The error to report for a run that failed: what stopped it, if a signal did; the
/// full disk or the permission behind tantivy's "an index writer was killed", if a
/// write failed; `err` otherwise.
/// `room` gives the megabytes to free from the bytes free now.
fn explain(
    err: Error,
    dir: &Path,
    log: &WriteLog,
    room: impl Fn(Option<u64>) -> u64,
    stop: &Stop,
) -> Error {
    if let Some(signal) = stop.requested() {
        return Error::Stopped { signal };
    }
    let failed = log
        .failure()
        .map(|failed| (dir.join(failed.path), failed.kind));
    let failed = failed.or_else(|| match &err {
        Error::Io { path, source } => Some((path.clone(), source.kind())),
        _ => None,
    });
    let Some((path, kind)) = failed else {
        return err;
    };
    match kind {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Error::DiskFull {
            path: dir.to_path_buf(),
            quota: kind == std::io::ErrorKind::QuotaExceeded,
            needed_mb: room(available_space(dir)),
        },
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Error::write(path, std::io::Error::from(kind))
        }
        _ => err,
    }
}

/// Index bytes per byte of article text, rounded up from what was measured: Reuters'
/// 18.4 MB of JSON Lines make a 29.8 MB index (1.62), BBC's 9.6 MB of text files 7.6 MB.
const INDEX_PER_TEXT: f64 = 1.75;

/// Megabytes to free for a run that filled the disk to succeed, estimated from how far
/// it got (`share`: of its input dealt with): what it had written, with half again for
/// tantivy's merges (a merge writes its new segment before the old ones go) — or, when
/// more, the index the text it had read makes ([`INDEX_PER_TEXT`]; most is written at the
/// commit) — scaled to the whole input, less what is free now that the run's files are
/// removed. At least 1.
fn room_needed(written: u64, parsed: u64, share: f64, available: Option<u64>) -> u64 {
    const MB: f64 = 1024.0 * 1024.0;
    let so_far = (written as f64 * 1.5).max(parsed as f64 * INDEX_PER_TEXT);
    let short = so_far / share.clamp(0.01, 1.0) - available.unwrap_or(0) as f64;
    (short / MB).ceil().max(1.0) as u64
}

/// Bytes free for this user on the file system holding `dir`.
#[cfg(unix)]
fn available_space(dir: &Path) -> Option<u64> {
    let stats = rustix::fs::statvfs(dir).ok()?;
    Some(stats.f_bavail.saturating_mul(stats.f_frsize))
}

#[cfg(not(unix))]
fn available_space(_: &Path) -> Option<u64> {
    None
}

/// Reads files in order, sends what changed to the workers; returns how many files
/// were unchanged, and those of them whose recorded state is out of date (their times
/// or inode changed, or they were recorded too close to a change to be trusted).
fn produce(
    files: &[SourceFile],
    previous: &IndexedFiles,
    seen_at: i64,
    sender: SyncSender<Work>,
    shared: &Shared<'_>,
) -> Result<(u64, Vec<(PathBuf, FileState)>)> {
    let mut defaults = Defaults::new();
    let mut unchanged = 0;
    let mut refreshed = Vec::new();
    for file in files {
        if shared.stopping() {
            break;
        }
        let meta = defaults.for_file(&file.path, &file.root)?;
        // Whether entities are extracted, and by which rules, counts as a setting of
        // the file: switching it, or new rules, re-reads every file.
        let settings = format!(
            "{}{}",
            serde_json::to_string(&meta).unwrap_or_default(),
            if shared.entities {
                format!(" entities {}", crate::entities::RULES_VERSION)
            } else {
                " no-entities".to_owned()
            }
        );
        let defaults_hash = xxhash_rust::xxh3::xxh3_64(settings.as_bytes());
        let key = path_string(&file.path);
        let reached = path_string(&file.reached);
        let before = previous.get(&key);
        let same_stat = |state: &FileState| {
            stat_unchanged(state, file)
                && state.defaults_hash == defaults_hash
                && state.reached == reached
        };
        if before.is_some_and(same_stat) {
            unchanged += 1;
            shared.advance(file.size, 0);
            continue;
        }
        // A file skipped now (emptied, grown too large, unreadable) has no articles:
        // those it had go, as a fresh index would not have them.
        let skipped = |reason: SkipReason| {
            shared.notice(&Notice::skipped(&file.path, reason));
            if before.is_some() {
                shared.delete_file(&key);
            }
            shared.advance(file.size, 0);
        };
        let unreadable = |err: std::io::Error| skipped(SkipReason::Unreadable(err.to_string()));
        let (content_hash, bytes) = if file.format == Format::Jsonl {
            match sniff_jsonl(&file.path, file.size) {
                Ok(None) => {}
                Ok(Some(reason)) => {
                    skipped(reason);
                    continue;
                }
                Err(err) => {
                    unreadable(err);
                    continue;
                }
            }
            match hash_file(&file.path) {
                Ok(hash) => (hash, Vec::new()),
                Err(err) => {
                    unreadable(err);
                    continue;
                }
            }
        } else {
            match read_capped(&file.path) {
                Ok(bytes) if bytes.len() as u64 > MAX_ARTICLE_BYTES => {
                    skipped(SkipReason::TooLarge {
                        bytes: file.size.max(bytes.len() as u64),
                        limit: MAX_ARTICLE_BYTES,
                    });
                    continue;
                }
                Ok(bytes) => (xxhash_rust::xxh3::xxh3_64(&bytes), bytes),
                Err(err) => {
                    unreadable(err);
                    continue;
                }
            }
        };
        let state = FileState {
            size: file.size,
            mtime: file.mtime,
            inode: file.inode,
            ctime: file.ctime,
            seen: seen_at,
            content_hash,
            defaults_hash,
            reached,
        };
        let same_content = |before: &FileState| {
            before.content_hash == content_hash && before.defaults_hash == defaults_hash
        };
        if before.is_some_and(same_content) {
            unchanged += 1;
            refreshed.push((file.path.clone(), state));
            shared.advance(file.size, 0);
            continue;
        }
        if before.is_some() {
            shared.delete_file(&key);
        }
        shared.reach.parsed.fetch_add(file.size, Ordering::Relaxed);
        let job = Arc::new(Job {
            path: file.path.clone(),
            format: file.format,
            defaults: meta,
            state,
            source_ids: Mutex::new(HashSet::new()),
        });
        let sent = if file.format == Format::Jsonl {
            shared.add(file_document(&shared.fields, &job.path, &job.state))?;
            shared.report().files_indexed += 1;
            send_chunks(&job, &sender, shared)
        } else {
            sender
                .send(Work {
                    job,
                    bytes,
                    first_line: None,
                })
                .is_ok()
        };
        if !sent {
            break; // every worker has stopped: the failure is recorded
        }
    }
    Ok((unchanged, refreshed))
}

/// Streams a JSON Lines file to the workers in chunks of whole lines. False when the
/// workers are gone.
fn send_chunks(job: &Arc<Job>, sender: &SyncSender<Work>, shared: &Shared<'_>) -> bool {
    let mut reader = match File::open(&job.path) {
        Ok(file) => BufReader::with_capacity(CHUNK_BYTES, file),
        Err(err) => {
            shared.notice(&Notice::skipped(
                &job.path,
                SkipReason::Unreadable(err.to_string()),
            ));
            return true;
        }
    };
    let mut line = 1u32;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_BYTES + 4096);
        let read = (&mut reader)
            .take(CHUNK_BYTES as u64)
            .read_to_end(&mut chunk)
            .and_then(|_| finish_line(&mut reader, &mut chunk));
        let cut_out = match read {
            Ok(cut_out) => cut_out,
            Err(err) => {
                shared.notice(&Notice::skipped(
                    &job.path,
                    SkipReason::Unreadable(err.to_string()),
                ));
                return true;
            }
        };
        if chunk.is_empty() && cut_out.is_none() {
            return true;
        }
        let newlines = chunk.iter().filter(|&&b| b == b'\n').count();
        let first_line = line;
        line = line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        if !chunk.is_empty() {
            let work = Work {
                job: Arc::clone(job),
                bytes: chunk,
                first_line: Some(first_line),
            };
            if shared.stopping() || sender.send(work).is_err() {
                return false;
            }
        }
        if let Some(bytes) = cut_out {
            shared.notice(&Notice::Skipped {
                path: job.path.clone(),
                line: Some(line),
                reason: SkipReason::BadRecord(format!(
                    "too large ({bytes} bytes, over the limit of {MAX_ARTICLE_BYTES})"
                )),
            });
            shared.advance(bytes, 0);
            line = line.saturating_add(1);
        }
    }
}

/// Completes the chunk's last line. A line longer than [`MAX_ARTICLE_BYTES`] is cut
/// out of the chunk and the rest of it passed over, so a huge record never sits in
/// memory; its length (without the newline) is returned.
fn finish_line(reader: &mut impl BufRead, chunk: &mut Vec<u8>) -> std::io::Result<Option<u64>> {
    if chunk.is_empty() || chunk.last() == Some(&b'\n') {
        return Ok(None);
    }
    let line_start = chunk
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    let limit = usize::try_from(MAX_ARTICLE_BYTES).unwrap_or(usize::MAX);
    let mut cut_out: Option<u64> = None;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buffer.is_empty() {
            return Ok(cut_out); // the file ends without a newline
        }
        let (taken, ends) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (buffer.len(), false),
        };
        match &mut cut_out {
            Some(bytes) => *bytes += taken as u64,
            None if chunk.len() - line_start + taken > limit => {
                cut_out = Some((chunk.len() - line_start + taken) as u64);
                chunk.truncate(line_start);
            }
            None => chunk.extend_from_slice(&buffer[..taken]),
        }
        reader.consume(taken);
        if ends {
            return Ok(cut_out.map(|bytes| bytes - 1));
        }
    }
}

/// Reads a file, but never more than one byte past [`MAX_ARTICLE_BYTES`]: a file that
/// grew after the walk, or lied about its size, is still refused as too large.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Looks at the start of a JSON Lines file: an empty file, or a binary one (a
/// compressed dump saved as `.jsonl`), is skipped whole instead of line by line.
fn sniff_jsonl(path: &Path, size: u64) -> std::io::Result<Option<SkipReason>> {
    if size == 0 {
        return Ok(Some(SkipReason::Empty));
    }
    let mut head = Vec::new();
    File::open(path)?
        .take(crate::ingest::decode::SNIFF_LEN as u64)
        .read_to_end(&mut head)?;
    if crate::ingest::decode::has_binary_signature(&head) {
        return Ok(Some(SkipReason::Binary));
    }
    if (head.len() as u64) >= size && head.iter().all(u8::is_ascii_whitespace) {
        return Ok(Some(SkipReason::Empty));
    }
    Ok(None)
}

/// Now, in nanoseconds since the epoch, as file times are kept.
fn now_nanos() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|since| i64::try_from(since.as_nanos()).ok())
        .unwrap_or(0)
}

fn hash_file(path: &Path) -> std::io::Result<u64> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut file = File::open(path)?;
    let mut buffer = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            return Ok(hasher.digest());
        }
        hasher.update(&buffer[..n]);
    }
}

/// A worker: parses what it receives into documents until the producer is done. Once
/// the run fails or is asked to stop, it passes over what it still receives: a worker
/// that left would leave the producer waiting for room in the channel for ever.
fn work(receiver: &Mutex<Receiver<Work>>, shared: &Shared<'_>) {
    loop {
        let next = receiver
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .recv();
        let Ok(work) = next else { return };
        if shared.stopping() {
            continue;
        }
        if let Err(err) = index_work(&work, shared) {
            shared.fail(err);
        }
    }
}

fn index_work(work: &Work, shared: &Shared<'_>) -> Result<()> {
    let job = &work.job;
    let read = match work.first_line {
        Some(first_line) => jsonl::read_chunk(&job.path, &work.bytes, first_line, &job.defaults),
        None => read_document(&job.path, job.format, &work.bytes, &job.defaults),
    };
    for notice in &read.notices {
        shared.notice(notice);
    }
    let mut articles = 0;
    let mut passages = 0;
    for article in &read.articles {
        let cut = split_passages(article);
        if cut.is_empty() {
            shared.notice(&Notice::skipped(&article.path, SkipReason::Empty));
            continue;
        }
        let entities = if shared.entities {
            crate::entities::of_article(article)
        } else {
            Vec::new()
        };
        // Records of a chunk come in line order, so within a chunk (a file under 1 MB
        // is one) the first of two records with one id keeps the plain article id.
        let repeated_id = article.source_id.as_ref().is_some_and(|id| {
            !job.source_ids
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(xxh3_128(id.as_bytes()))
        });
        shared.add_batch(article_documents(
            &shared.fields,
            article,
            &cut,
            &entities,
            repeated_id,
        ))?;
        articles += 1;
        passages += cut.len() as u64;
    }
    if work.first_line.is_none() && articles > 0 {
        shared.add(file_document(&shared.fields, &job.path, &job.state))?;
        shared.report().files_indexed += 1;
    }
    {
        let mut report = shared.report();
        report.articles += articles;
        report.passages += passages;
    }
    shared.advance(work.bytes.len() as u64, articles);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file the walk found, and its state as recorded by a run at `seen`.
    fn recorded(seen: i64) -> (SourceFile, FileState) {
        let file = SourceFile {
            path: PathBuf::from("/c/a.txt"),
            root: PathBuf::from("/c"),
            format: Format::Text,
            size: 100,
            mtime: 1_000 * RACY_NANOS,
            inode: 42,
            ctime: 1_000 * RACY_NANOS,
            reached: PathBuf::from("/c/a.txt"),
        };
        let state = FileState {
            size: file.size,
            mtime: file.mtime,
            inode: file.inode,
            ctime: file.ctime,
            seen,
            content_hash: 7,
            defaults_hash: 8,
            reached: "/c/a.txt".into(),
        };
        (file, state)
    }

    #[test]
    fn a_file_is_unchanged_when_size_times_and_inode_are() {
        let (file, state) = recorded(1_002 * RACY_NANOS);
        assert!(stat_unchanged(&state, &file));
        // Written in place with its modification time set back: a new change time.
        let edited = SourceFile {
            ctime: file.ctime + 1,
            ..file.clone()
        };
        assert!(!stat_unchanged(&state, &edited));
        // Restored from a backup: another inode.
        let restored = SourceFile {
            inode: 43,
            ..file.clone()
        };
        assert!(!stat_unchanged(&state, &restored));
        let grown = SourceFile { size: 101, ..file };
        assert!(!stat_unchanged(&state, &grown));
    }

    #[test]
    fn a_file_recorded_too_close_to_its_last_change_is_read_again() {
        // Changed a second before the run looked: a change right after the run could
        // carry the same coarse times, so they are not trusted.
        let (file, state) = recorded(1_000 * RACY_NANOS + RACY_NANOS / 2);
        assert!(!stat_unchanged(&state, &file));
        // Without a change time (not unix), the modification time stands in.
        let (file, state) = recorded(1_000 * RACY_NANOS + RACY_NANOS / 2);
        let (file, state) = (
            SourceFile { ctime: 0, ..file },
            FileState { ctime: 0, ..state },
        );
        assert!(!stat_unchanged(&state, &file));
        let state = FileState {
            seen: 1_003 * RACY_NANOS,
            ..state
        };
        assert!(stat_unchanged(&state, &file));
    }

    #[test]
    fn the_room_a_full_disk_asks_for_scales_what_was_written() {
        const MB: u64 = 1 << 20;
        // 10 MB written (and half again for merges) with a quarter of the input dealt
        // with: 60 MB; nothing free.
        assert_eq!(room_needed(10 * MB, 0, 0.25, Some(0)), 60);
        // What is free counts; the share is never taken as under 1%.
        assert_eq!(room_needed(10 * MB, 0, 1.0, Some(5 * MB)), 10);
        assert_eq!(room_needed(MB, 0, 0.0, None), 150);
        // Failing in the commit, with little written yet: the text read says more.
        assert_eq!(room_needed(MB, 20 * MB, 1.0, Some(0)), 35);
        // Never less than a megabyte.
        assert_eq!(room_needed(MB, 0, 1.0, Some(100 * MB)), 1);
    }

    #[test]
    fn a_line_over_the_limit_is_cut_out_and_passed_over() {
        let limit = MAX_ARTICLE_BYTES as usize;
        let mut file = b"{\"body\": \"one\"}\n{\"body\": \"".to_vec();
        file.extend(std::iter::repeat_n(b'x', limit));
        file.extend_from_slice(b"\"}\n{\"body\": \"three\"}\n");
        let mut reader = std::io::BufReader::with_capacity(1 << 16, &file[..]);
        let mut chunk = Vec::new();
        (&mut reader).take(20).read_to_end(&mut chunk).unwrap();
        let cut = finish_line(&mut reader, &mut chunk).unwrap();
        assert_eq!(chunk, b"{\"body\": \"one\"}\n");
        // `{"body": "` and `"}` around the x's; the newline is not counted.
        assert_eq!(cut, Some(limit as u64 + 12));
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, b"{\"body\": \"three\"}\n");
    }

    #[test]
    fn a_line_within_the_limit_is_completed() {
        let file = b"{\"body\": \"one\"}\n{\"body\": \"two\"}";
        let mut reader = std::io::BufReader::with_capacity(4, &file[..]);
        let mut chunk = Vec::new();
        (&mut reader).take(20).read_to_end(&mut chunk).unwrap();
        assert_eq!(finish_line(&mut reader, &mut chunk).unwrap(), None);
        assert_eq!(chunk, file);
    }
}
