//! What the index already holds, file by file: read back from its `file` documents
//! so a re-run can tell unchanged, changed and deleted files apart.

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::document::FileState;
use crate::schema::{Fields, KIND_FILE};

/// The indexed files, by stored path.
pub type IndexedFiles = HashMap<String, FileState>;

/// Reads the state of every file the index holds.
pub fn indexed_files(handle: &IndexHandle) -> Result<IndexedFiles> {
    let reader = handle.index.reader()?;
    let searcher = reader.searcher();
    let fields = &handle.fields;
    let query = TermQuery::new(
        Term::from_field_text(fields.kind, KIND_FILE),
        IndexRecordOption::Basic,
    );
    let addresses = searcher.search(&query, &DocSetCollector)?;
    let mut files = HashMap::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some((path, state)) = file_state(fields, &doc) {
            files.insert(path, state);
        }
    }
    Ok(files)
}

fn file_state(fields: &Fields, doc: &TantivyDocument) -> Option<(String, FileState)> {
    let state = FileState {
        size: doc.get_first(fields.file_size)?.as_u64()?,
        mtime: doc.get_first(fields.file_mtime)?.as_i64()?,
        content_hash: doc.get_first(fields.content_hash)?.as_u64()?,
        defaults_hash: doc.get_first(fields.defaults_hash)?.as_u64()?,
    };
    Some((doc.get_first(fields.path)?.as_str()?.to_owned(), state))
}
