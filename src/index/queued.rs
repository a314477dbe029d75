//! Documents on their way to tantivy's indexing threads, bounded by their size.
//!
//! tantivy queues up to 10,000 batches between `IndexWriter::run` and its indexing
//! threads, whatever their size; an article's batch is its documents with the passage
//! text, the title and the metadata copied in, so when parsing outpaces indexing (it
//! does, with entities on or off) the queue alone held about 40 MB. Here each batch
//! takes a share of [`QUEUE_BYTES`] before it is handed over, and gives it back when
//! tantivy has indexed its last document and dropped it, so the parsing threads wait
//! instead of piling documents up.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use tantivy::TantivyDocument;
use tantivy::schema::Value;
use tantivy::schema::document::{
    DeserializeError, Document, DocumentDeserialize, DocumentDeserializer,
};

/// Bytes of documents that may wait for tantivy's indexing threads at once: enough
/// for about two thousand Reuters articles, far more than two threads take at a time.
pub const QUEUE_BYTES: usize = 8 << 20;

/// The bytes of documents handed to tantivy and not yet indexed.
#[derive(Debug)]
pub struct Queue {
    queued: Mutex<usize>,
    freed: Condvar,
    limit: usize,
}

impl Queue {
    /// A queue that lets `limit` bytes wait at once.
    pub fn new(limit: usize) -> Arc<Queue> {
        Arc::new(Queue {
            queued: Mutex::new(0),
            freed: Condvar::new(),
            limit,
        })
    }

    /// Wraps `docs` (one batch) for the writer once their size fits: waits while the
    /// queue is full, unless it is empty (a batch larger than the limit still goes, on
    /// its own) or `stopping` says the run is over (what is queued then drains as
    /// tantivy drops it).
    pub fn admit(
        self: &Arc<Self>,
        docs: Vec<TantivyDocument>,
        stopping: impl Fn() -> bool,
    ) -> Vec<QueuedDoc> {
        let bytes: usize = docs.iter().map(size_of_doc).sum();
        let mut queued = self.queued.lock().unwrap_or_else(PoisonError::into_inner);
        while *queued > 0 && *queued + bytes > self.limit && !stopping() {
            // A timeout, so a run asked to stop never waits on a queue that no longer
            // drains.
            queued = self
                .freed
                .wait_timeout(queued, Duration::from_millis(50))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        *queued += bytes;
        drop(queued);
        let last = docs.len().saturating_sub(1);
        docs.into_iter()
            .enumerate()
            .map(|(at, doc)| QueuedDoc {
                doc,
                // Documents of a batch are indexed in order: the last one's drop
                // frees the whole batch.
                _share: (at == last).then(|| Share {
                    queue: Arc::clone(self),
                    bytes,
                }),
            })
            .collect()
    }

    /// Bytes handed over and not yet indexed.
    pub fn queued(&self) -> usize {
        *self.queued.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A batch's share of the queue, given back when dropped.
#[derive(Debug)]
struct Share {
    queue: Arc<Queue>,
    bytes: usize,
}

impl Drop for Share {
    fn drop(&mut self) {
        let mut queued = self
            .queue
            .queued
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *queued = queued.saturating_sub(self.bytes);
        self.queue.freed.notify_all();
    }
}

/// A document as the writer of an indexing run takes it: tantivy's own, with the
/// queue share of its batch when it is the batch's last.
#[derive(Debug)]
pub struct QueuedDoc {
    doc: TantivyDocument,
    /// Held for its drop alone.
    _share: Option<Share>,
}

impl QueuedDoc {
    /// A document outside any batch's share (the few written at commit time).
    pub fn unqueued(doc: TantivyDocument) -> QueuedDoc {
        QueuedDoc { doc, _share: None }
    }
}

impl Document for QueuedDoc {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

impl DocumentDeserialize for QueuedDoc {
    fn deserialize<'de, D>(deserializer: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        TantivyDocument::deserialize(deserializer).map(QueuedDoc::unqueued)
    }
}

/// About what a document takes in memory: its text and a word per other value.
fn size_of_doc(doc: &TantivyDocument) -> usize {
    doc.field_values()
        .map(|(_, value)| value.as_str().map_or(16, |text| text.len() + 16))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::Schema;

    fn batch(text: &str, docs: usize) -> Vec<TantivyDocument> {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("t", tantivy::schema::STORED);
        (0..docs)
            .map(|_| {
                let mut doc = TantivyDocument::default();
                doc.add_text(field, text);
                doc
            })
            .collect()
    }

    #[test]
    fn a_batch_holds_its_share_until_its_last_document_is_dropped() {
        let queue = Queue::new(1000);
        let mut docs = queue.admit(batch("0123456789", 3), || false);
        assert_eq!(queue.queued(), 3 * (10 + 16));
        let last = docs.pop();
        drop(docs);
        assert_eq!(queue.queued(), 78, "the first two documents free nothing");
        drop(last);
        assert_eq!(queue.queued(), 0);
    }

    #[test]
    fn a_full_queue_makes_the_next_batch_wait_until_room_is_freed() {
        let queue = Queue::new(100);
        let first = queue.admit(batch(&"x".repeat(60), 1), || false);
        let waiting = {
            let queue = Arc::clone(&queue);
            std::thread::spawn(move || queue.admit(batch(&"y".repeat(60), 1), || false))
        };
        std::thread::sleep(Duration::from_millis(120));
        assert!(!waiting.is_finished(), "76 + 76 bytes do not fit in 100");
        drop(first);
        let second = waiting.join().unwrap();
        assert_eq!(queue.queued(), 76);
        drop(second);
        assert_eq!(queue.queued(), 0);
    }

    #[test]
    fn a_batch_larger_than_the_queue_goes_alone_and_a_stopping_run_never_waits() {
        let queue = Queue::new(10);
        let big = queue.admit(batch("far more than ten bytes", 1), || false);
        assert_eq!(queue.queued(), 39);
        let more = queue.admit(batch("x", 1), || true);
        assert_eq!(queue.queued(), 39 + 17);
        drop((big, more));
        assert_eq!(queue.queued(), 0);
    }
}
