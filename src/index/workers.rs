//! How many threads an indexing run uses, and the memory they share. Parsing threads
//! cost little memory; tantivy's indexing threads each take an equal share of the
//! memory budget, and tantivy refuses a share under 15,000,000 bytes (its fixed
//! overhead per thread is about 12 MB). One indexing thread per core failed on a
//! machine of 18 cores with the default 256 MB, so the number is chosen from the
//! budget, and numbers the user gave that cannot work are refused saying what to change.

use crate::error::{Error, Result};

/// The share of the memory budget each indexing thread gets at least, in MiB: above
/// tantivy's 15,000,000-byte floor with some headroom, and a round figure a user can
/// multiply.
pub const MIB_PER_INDEXING_THREAD: usize = 16;

/// The threads of an indexing run and their memory, checked to work together: each
/// indexing thread has at least [`MIB_PER_INDEXING_THREAD`] of the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Workers {
    parsing: usize,
    indexing: usize,
    memory_mib: usize,
}

impl Workers {
    /// The workers for a run with a budget of `memory_mib` MiB: `threads` (the user's
    /// `--threads`) parse and index, and must fit the budget; without it, one thread
    /// per core parses (`cores`) and as many index as the budget feeds, up to one per
    /// core.
    pub fn plan(threads: Option<usize>, cores: usize, memory_mib: usize) -> Result<Workers> {
        let fits = memory_mib / MIB_PER_INDEXING_THREAD;
        let (parsing, indexing) = match threads {
            Some(threads) => (threads.max(1), threads.max(1)),
            None => (cores.max(1), cores.clamp(1, fits.max(1))),
        };
        if indexing > fits {
            let needed = indexing * MIB_PER_INDEXING_THREAD;
            let threads = if fits == 0 {
                String::new()
            } else {
                format!(", or --threads {fits} or fewer")
            };
            let noun = if indexing == 1 {
                "thread needs"
            } else {
                "threads need"
            };
            return Err(Error::OverBudget(format!(
                "{indexing} indexing {noun} a memory budget of at least {needed} MB ({MIB_PER_INDEXING_THREAD} MB each), and --memory is {memory_mib} — give --memory {needed} or more{threads}"
            )));
        }
        Ok(Workers {
            parsing,
            indexing,
            memory_mib,
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

    /// The memory budget tantivy's indexing threads share, in bytes.
    pub fn memory_budget(&self) -> usize {
        self.memory_mib << 20
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(threads: Option<usize>, cores: usize, memory: usize) -> (usize, usize) {
        let workers = Workers::plan(threads, cores, memory).unwrap();
        (workers.parsing(), workers.indexing())
    }

    fn refused(threads: Option<usize>, cores: usize, memory: usize) -> String {
        match Workers::plan(threads, cores, memory) {
            Err(Error::OverBudget(message)) => message,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn by_default_the_budget_chooses_how_many_threads_index() {
        assert_eq!(planned(None, 2, 256), (2, 2));
        // 18 cores and 256 MB: tantivy refused 18 threads of 14.2 MB.
        assert_eq!(planned(None, 18, 256), (18, 16));
        assert_eq!(planned(None, 64, 256), (64, 16));
        assert_eq!(planned(None, 3, 32), (3, 2));
        assert_eq!(planned(None, 1, 4096), (1, 1));
        assert_eq!(planned(None, 0, 32), (1, 1));
    }

    #[test]
    fn threads_the_user_gave_must_fit_the_budget() {
        assert_eq!(planned(Some(16), 2, 256), (16, 16));
        assert_eq!(planned(Some(2), 18, 32), (2, 2));
        assert_eq!(
            refused(Some(18), 2, 256),
            "18 indexing threads need a memory budget of at least 288 MB (16 MB each), and --memory is 256 — give --memory 288 or more, or --threads 16 or fewer"
        );
        assert_eq!(
            refused(Some(3), 2, 32),
            "3 indexing threads need a memory budget of at least 48 MB (16 MB each), and --memory is 32 — give --memory 48 or more, or --threads 2 or fewer"
        );
        assert_eq!(
            refused(None, 2, 8),
            "1 indexing thread needs a memory budget of at least 16 MB (16 MB each), and --memory is 8 — give --memory 16 or more"
        );
    }

    #[test]
    fn every_plan_gives_tantivy_a_share_it_accepts() {
        // tantivy 0.27's floor (`MEMORY_BUDGET_NUM_BYTES_MIN`, not exported).
        const TANTIVY_MIN_BYTES: usize = 15_000_000;
        for memory in [32, 33, 47, 48, 255, 256, 1000, 4096] {
            for cores in 1..=64 {
                for threads in [None, Some(cores)] {
                    if let Ok(workers) = Workers::plan(threads, cores, memory) {
                        let share = workers.memory_budget() / workers.indexing();
                        assert!(share >= TANTIVY_MIN_BYTES, "{memory} MB, {cores}");
                    }
                }
            }
        }
    }
}
