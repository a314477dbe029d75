//! What `search index` says about a run: its one-line summary.

use crate::index::report::RunReport;

/// The one-line summary printed at the end of a run.
pub fn summary_line(run: &RunReport) -> String {
    let mut line = format!(
        "indexed {} articles ({} passages) from {} files in {:.1} s",
        run.articles,
        run.passages,
        run.files_indexed,
        run.elapsed_ms as f64 / 1000.0
    );
    line.push_str(&format!(
        "; {} unchanged, {} removed",
        run.files_unchanged, run.files_removed
    ));
    if run.files_decoded > 0 {
        line.push_str(&format!(
            "; {} decoded from legacy encodings",
            run.files_decoded
        ));
    }
    if run.skipped_total() > 0 {
        let kinds: Vec<String> = run
            .skipped_by_kind
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        line.push_str(&format!(
            "; skipped {} ({})",
            run.skipped_total(),
            kinds.join(", ")
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Notice, SkipReason};
    use std::path::Path;

    #[test]
    fn summary_counts_skips_by_kind() {
        let mut report = RunReport {
            articles: 3,
            passages: 9,
            files_indexed: 2,
            elapsed_ms: 1234,
            ..RunReport::default()
        };
        report.record(&Notice::skipped(Path::new("a.txt"), SkipReason::Binary));
        report.record(&Notice::skipped(Path::new("b.txt"), SkipReason::Empty));
        report.record(&Notice::skipped(Path::new("c.txt"), SkipReason::Binary));
        assert_eq!(
            summary_line(&report),
            "indexed 3 articles (9 passages) from 2 files in 1.2 s; 0 unchanged, 0 removed; skipped 3 (2 binary, 1 empty)"
        );
        assert_eq!(report.skipped[1].reason, "empty file");
    }
}
