//! How many threads an indexing run uses, and how its memory budget is shared. The
//! budget (`--memory`, in MB of 10^6 bytes) is the whole run's: the run first holds
//! memory of its own ([`reserve_mb`]: the binary and its word lists, the files, chunks
//! and articles in hand, the documents waiting for tantivy, the stemmers' memos, and
//! what tantivy takes beyond its arenas when it writes a segment), and tantivy's
//! indexing threads share what is left, in equal parts. tantivy refuses a part under
//! 15,000,000 bytes (its fixed overhead per thread is about 12 MB). One indexing thread
//! per core failed on a machine of 18 cores with 256 MB for tantivy alone, so the
//! number is chosen from the budget, and numbers the user gave that cannot work are
//! refused saying what to change.

use crate::error::{Error, Result};

/// The share of tantivy's part of the budget each indexing thread gets at least, in
/// MB: above tantivy's 15,000,000-byte floor with some headroom, and a round figure a
/// user can multiply.
pub const MB_PER_INDEXING_THREAD: usize = 16;

/// What a run holds outside tantivy's arenas whatever its threads, in MB.
const RESERVE_BASE_MB: usize = 46;

/// What each parsing thread adds to that, in MB: its chunk, articles and entity lists,
/// and its share of the chunks waiting for the parsing threads.
const RESERVE_PER_PARSING_MB: usize = 12;

/// What each of tantivy's indexing threads adds to that, in MB: its stemmers' memos
/// and what tantivy takes beyond its arena while it writes a segment.
const RESERVE_PER_INDEXING_MB: usize = 18;

/// The MB a run holds outside tantivy's arenas with `parsing` parsing threads and
/// `indexing` indexing threads. Measured on the 10× Reuters replica as the peak
/// resident size less tantivy's part: 74 MB with one thread of each, 103–105 MB with
/// two, and 12 MB more for a second parsing thread alone; the base is rounded up by
/// 2 MB so that the default run keeps within its budget (docs/benchmarks.md, "Leaner
/// indexing (issue 17)"). Small budgets hold less well: tantivy then writes many small
/// segments and merges them through memory maps (with `--memory 130` the replica's run
/// held 135 MB of its own memory, and 188 MiB of mapped index files beside it).
pub fn reserve_mb(parsing: usize, indexing: usize) -> usize {
    RESERVE_BASE_MB + RESERVE_PER_PARSING_MB * parsing + RESERVE_PER_INDEXING_MB * indexing
}

/// What one more thread that parses and one that indexes take of the budget, in MB.
const MB_PER_THREAD: usize =
    RESERVE_PER_PARSING_MB + RESERVE_PER_INDEXING_MB + MB_PER_INDEXING_THREAD;

/// The part of tantivy's memory a default run gives each indexing thread at least, in
/// MB, when it can. An indexing thread writes a segment each time its part fills, so a
/// small part means many small segments, and every segment costs every query: on the
/// 10× Reuters replica a query took 1.2× the time on the 5 segments of two 75 MB
/// parts as on the 2 of one 168 MB part, and the index was 3% larger
/// (docs/benchmarks.md, "Leaner indexing (issue 17)"). tantivy merges segments only
/// once there are 8 of a size, and a merge at the end would read the whole index
/// again.
const MB_PER_SEGMENT: usize = 100;

/// The threads of an indexing run and their memory, checked to work together: what
/// is left of the budget after [`reserve_mb`] gives each indexing thread at least
/// [`MB_PER_INDEXING_THREAD`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Workers {
    parsing: usize,
    indexing: usize,
    /// tantivy's part of the budget, in MB.
    tantivy_mb: usize,
}

impl Workers {
    /// The workers for a run with a budget of `memory_mb` MB: `threads` (the user's
    /// `--threads`) parse and index, and must fit the budget. Without it, as many
    /// threads index as can each have [`MB_PER_SEGMENT`] of tantivy's part (at least
    /// one, up to one per core, `cores`), and one more than that parse, up to one per
    /// core: parsing an article takes about two thirds of the time indexing it does.
    pub fn plan(threads: Option<usize>, cores: usize, memory_mb: usize) -> Result<Workers> {
        let cores = cores.max(1);
        let (parsing, indexing) = match threads {
            Some(threads) => (threads.max(1), threads.max(1)),
            None => default_threads(cores, memory_mb),
        };
        let reserve = reserve_mb(parsing, indexing);
        let needed = reserve + indexing * MB_PER_INDEXING_THREAD;
        if needed > memory_mb {
            let most = memory_mb.saturating_sub(RESERVE_BASE_MB) / MB_PER_THREAD;
            let threads = if most == 0 || threads.is_none() {
                String::new()
            } else {
                format!(", or --threads {most} or fewer")
            };
            let noun = if indexing == 1 {
                "thread needs"
            } else {
                "threads need"
            };
            return Err(Error::OverBudget(format!(
                "{indexing} indexing {noun} a memory budget of at least {needed} MB ({MB_PER_INDEXING_THREAD} MB each, beside the {reserve} MB the run holds itself), and --memory is {memory_mb} — give --memory {needed} or more{threads}"
            )));
        }
        Ok(Workers {
            parsing,
            indexing,
            tantivy_mb: memory_mb - reserve,
        })
    }

    /// Threads reading and parsing files.
    pub fn parsing(&self) -> usize {
        self.parsing
    }

    /// tantivy's indexing threads.
    pub fn indexing(&self) -> usize {
        self.indexing
    }

    /// The memory budget tantivy's indexing threads share, in bytes: what is left of
    /// the run's budget after [`reserve_mb`].
    pub fn memory_budget(&self) -> usize {
        self.tantivy_mb * 1_000_000
    }
}

/// The parsing and indexing threads of a run without `--threads`: the most indexing
/// threads whose parts of tantivy's memory are [`MB_PER_SEGMENT`] each (one at least),
/// with one more parsing thread, within `cores`; a budget too small for two parsing
/// threads beside one indexing thread gets one.
fn default_threads(cores: usize, memory_mb: usize) -> (usize, usize) {
    let parsing_for = |indexing: usize| (indexing + 1).min(cores);
    let indexing = (1..=cores)
        .take_while(|&indexing| {
            let reserve = reserve_mb(parsing_for(indexing), indexing);
            memory_mb >= reserve + indexing * MB_PER_SEGMENT
        })
        .last()
        .unwrap_or(1);
    let parsing = parsing_for(indexing);
    if indexing == 1 && memory_mb < reserve_mb(parsing, 1) + MB_PER_INDEXING_THREAD {
        return (1, 1);
    }
    (parsing, indexing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(threads: Option<usize>, cores: usize, memory: usize) -> (usize, usize, usize) {
        let workers = Workers::plan(threads, cores, memory).unwrap();
        (
            workers.parsing(),
            workers.indexing(),
            workers.memory_budget() / 1_000_000,
        )
    }

    fn refused(threads: Option<usize>, cores: usize, memory: usize) -> String {
        match Workers::plan(threads, cores, memory) {
            Err(Error::OverBudget(message)) => message,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn issue_17_tantivy_gets_what_the_run_does_not_hold_itself() {
        assert_eq!(reserve_mb(1, 1), 76);
        assert_eq!(reserve_mb(2, 1), 88);
        assert_eq!(reserve_mb(2, 2), 106);
        assert_eq!(reserve_mb(4, 4), 166);
        // The default: 256 MB for the run, 88 of them its own, 168 tantivy's, all for
        // one indexing thread (two would have 75 MB each).
        assert_eq!(planned(None, 2, 256), (2, 1, 168));
        assert_eq!(planned(Some(1), 2, 256), (1, 1, 180));
        assert_eq!(planned(Some(2), 2, 256), (2, 2, 150));
        assert_eq!(planned(Some(2), 2, 1000), (2, 2, 894));
        // The smallest budgets that work.
        assert_eq!(planned(Some(1), 2, 92), (1, 1, 16));
        assert_eq!(planned(None, 2, 92), (1, 1, 16));
        assert_eq!(planned(Some(2), 2, 138), (2, 2, 32));
    }

    #[test]
    fn issue_17_by_default_each_indexing_thread_has_a_segment_s_worth() {
        // Two indexing threads need 106 + 2 × 100 MB.
        assert_eq!(planned(None, 2, 305), (2, 1, 217));
        assert_eq!(planned(None, 2, 306), (2, 2, 200));
        assert_eq!(planned(None, 2, 512), (2, 2, 406));
        // Below one segment's worth, one indexing thread takes what there is.
        assert_eq!(planned(None, 3, 150), (2, 1, 62));
        assert_eq!(planned(None, 2, 103), (1, 1, 27));
        assert_eq!(planned(None, 2, 104), (2, 1, 16));
    }

    #[test]
    fn by_default_the_budget_chooses_how_many_threads_parse_and_index() {
        // 18 cores and 256 MB: tantivy refused 18 threads of 14.2 MB.
        assert_eq!(planned(None, 18, 256), (2, 1, 168));
        assert_eq!(planned(None, 64, 1000), (8, 7, 732));
        assert_eq!(planned(None, 64, 4096), (32, 31, 3108));
        assert_eq!(planned(None, 4, 1000), (4, 4, 834));
        assert_eq!(planned(None, 1, 4096), (1, 1, 4020));
        assert_eq!(planned(None, 0, 100), (1, 1, 24));
    }

    #[test]
    fn threads_the_user_gave_must_fit_the_budget() {
        assert_eq!(planned(Some(16), 2, 782), (16, 16, 256));
        assert_eq!(planned(Some(2), 18, 138), (2, 2, 32));
        assert_eq!(
            refused(Some(18), 2, 256),
            "18 indexing threads need a memory budget of at least 874 MB (16 MB each, beside the 586 MB the run holds itself), and --memory is 256 — give --memory 874 or more, or --threads 4 or fewer"
        );
        assert_eq!(
            refused(Some(3), 2, 150),
            "3 indexing threads need a memory budget of at least 184 MB (16 MB each, beside the 136 MB the run holds itself), and --memory is 150 — give --memory 184 or more, or --threads 2 or fewer"
        );
        assert_eq!(
            refused(Some(3), 2, 32),
            "3 indexing threads need a memory budget of at least 184 MB (16 MB each, beside the 136 MB the run holds itself), and --memory is 32 — give --memory 184 or more"
        );
        assert_eq!(
            refused(None, 2, 91),
            "1 indexing thread needs a memory budget of at least 92 MB (16 MB each, beside the 76 MB the run holds itself), and --memory is 91 — give --memory 92 or more"
        );
    }

    #[test]
    fn what_a_refusal_suggests_works() {
        for memory in 32..=1200 {
            if let Err(Error::OverBudget(message)) = Workers::plan(Some(30), 2, memory) {
                let number = |after: &str| -> usize {
                    let rest = &message[message.find(after).unwrap() + after.len()..];
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    digits.parse().unwrap()
                };
                assert!(Workers::plan(Some(30), 2, number("give --memory ")).is_ok());
                assert!(Workers::plan(Some(30), 2, number("give --memory ") - 1).is_err());
                if message.contains("--threads") {
                    let most = number("--threads ");
                    assert!(Workers::plan(Some(most), 2, memory).is_ok(), "{memory}");
                    assert!(
                        Workers::plan(Some(most + 1), 2, memory).is_err(),
                        "{memory}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_plan_gives_tantivy_a_share_it_accepts_and_keeps_to_the_budget() {
        // tantivy 0.27's floor (`MEMORY_BUDGET_NUM_BYTES_MIN`, not exported).
        const TANTIVY_MIN_BYTES: usize = 15_000_000;
        for memory in [32, 33, 91, 92, 100, 137, 138, 255, 256, 1000, 4096] {
            for cores in 1..=64 {
                for threads in [None, Some(cores)] {
                    if let Ok(workers) = Workers::plan(threads, cores, memory) {
                        let share = workers.memory_budget() / workers.indexing();
                        assert!(share >= TANTIVY_MIN_BYTES, "{memory} MB, {cores}");
                        let reserve = reserve_mb(workers.parsing(), workers.indexing());
                        assert_eq!(
                            reserve * 1_000_000 + workers.memory_budget(),
                            memory * 1_000_000
                        );
                    } else {
                        assert!(threads.is_some() || memory < 92, "{memory} MB, {cores}");
                    }
                }
            }
        }
    }
}
