//! What one `search index` run did: counts, skipped files with reasons, time. Kept
//! beside the index (`search-last-run.json`) so `search stats` can say what the last
//! run left out.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::ingest::Notice;

/// The file in the index folder holding the last run's report.
pub const LAST_RUN_FILE: &str = "search-last-run.json";
/// At most this many skipped items are kept in the saved report (all are counted).
const SAVED_SKIPS: usize = 1000;

/// One file or record left out, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedItem {
    /// The file (shown as given).
    pub path: String,
    /// The record's line, for JSON Lines.
    pub line: Option<u32>,
    /// The kind of skip (`binary`, `empty`, `bad record`, …).
    pub kind: String,
    /// The full reason.
    pub reason: String,
}

/// The outcome of one indexing run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunReport {
    /// Articles (re)indexed by this run.
    pub articles: u64,
    /// Passages (re)indexed by this run.
    pub passages: u64,
    /// Files read and indexed.
    pub files_indexed: u64,
    /// Files already indexed and unchanged.
    pub files_unchanged: u64,
    /// Files indexed before and gone now, removed from the index.
    pub files_removed: u64,
    /// Files in formats `search` does not read (not articles).
    pub other_files: u64,
    /// Files decoded from a legacy encoding.
    pub files_decoded: u64,
    /// Skipped files and records, by kind.
    pub skipped_by_kind: BTreeMap<String, u64>,
    /// The first skipped items, with reasons.
    pub skipped: Vec<SkippedItem>,
    /// Whether the index was built from scratch.
    pub rebuilt: bool,
    /// Whether anything changed (and so a commit was made).
    pub committed: bool,
    /// The signal that asked the run to stop while it was committing: the commit was
    /// finished, and the command ends as the signal asked.
    #[serde(default)]
    pub signal: Option<i32>,
    /// Wall-clock time, milliseconds.
    pub elapsed_ms: u64,
}

impl RunReport {
    /// Counts a notice.
    pub fn record(&mut self, notice: &Notice) {
        match notice {
            Notice::Skipped { path, line, reason } => {
                *self
                    .skipped_by_kind
                    .entry(reason.label().to_owned())
                    .or_default() += 1;
                if self.skipped.len() < SAVED_SKIPS {
                    self.skipped.push(SkippedItem {
                        path: crate::paths::path_string(path),
                        line: *line,
                        kind: reason.label().to_owned(),
                        reason: reason.to_string(),
                    });
                }
            }
            Notice::Decoded { .. } => self.files_decoded += 1,
        }
    }

    /// How many files and records were skipped.
    pub fn skipped_total(&self) -> u64 {
        self.skipped_by_kind.values().sum()
    }

    /// Writes the report into the index folder.
    pub fn save(&self, index_dir: &Path) -> Result<()> {
        let path = index_dir.join(LAST_RUN_FILE);
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        crate::index::write_atomically(&path, json.as_bytes())
    }

    /// The last run's report, if one was saved.
    pub fn load(index_dir: &Path) -> Option<RunReport> {
        let bytes = std::fs::read(index_dir.join(LAST_RUN_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}
