//! Crash safety and concurrency of `search index`, on generated corpora: a run killed
//! with SIGKILL at any moment leaves the last committed index whole and queryable, and
//! the next run completes it exactly as a clean build would; a second writer is turned
//! away at once, while any number of readers keep working.

mod testenv;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use testenv::{generated_corpus, json_lines, search, succeeded};

const BUSY: &str = "search: the index at index is being updated by another process — wait for that `search index` to finish and run this again\n";

/// `search index` on `corpus/` into `index`, started and left running.
fn spawn_index(dir: &Path, index: &str, extra: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("search"))
        .current_dir(dir)
        .env_remove("SEARCH_INDEX")
        .args(["--index", index, "index", "--quiet"])
        .args(extra)
        .arg("corpus")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for a run of `search index` and checks that it succeeded.
fn assert_completes(child: Child) {
    succeeded(child.wait_with_output().unwrap(), "search index");
}

/// What an index holds, as `search stats --json` says, less what differs between two
/// builds of the same articles (its folder and the last run's report).
fn contents(dir: &Path, index: &str) -> Value {
    let output = search(dir)
        .args(["--index", index, "stats", "--json"])
        .output()
        .unwrap();
    let mut stats: Value = serde_json::from_slice(&succeeded(output, "stats")).unwrap();
    let object = stats.as_object_mut().unwrap();
    object.remove("index");
    object.remove("last_run");
    stats
}

/// The passages (article id, passage number) a query finds, all of them.
fn found(dir: &Path, index: &str, query: &str) -> BTreeSet<(String, u64)> {
    let output = search(dir)
        .args([
            "--index",
            index,
            "query",
            "--per-article",
            "0",
            "--limit",
            "100000",
        ])
        .args(["--json", query])
        .output()
        .unwrap();
    json_lines(&succeeded(output, query))
        .iter()
        .map(|hit| {
            (
                hit["article_id"].as_str().unwrap().to_owned(),
                hit["passage_index"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// One of the two corpora the kill test swaps between: `corpus/` holds either the
/// first third of the articles or the other two thirds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Half {
    Small,
    Large,
}

impl Half {
    fn name(self) -> &'static str {
        match self {
            Half::Small => "small",
            Half::Large => "large",
        }
    }

    fn other(self) -> Half {
        match self {
            Half::Small => Half::Large,
            Half::Large => Half::Small,
        }
    }
}

/// A corpus of `articles` generated articles, split into the two halves under
/// `stash/`, and a clean build of each (with the half in `corpus/`, so paths and
/// article ids are the ones the tested index sees).
struct KillBench {
    dir: tempfile::TempDir,
    /// What a clean build of each half holds, and what `festival` finds in it.
    clean: [(Value, BTreeSet<(String, u64)>); 2],
    /// How long a clean build of the large half took: kills are spread over it.
    build_time: Duration,
}

impl KillBench {
    fn new(articles: usize) -> KillBench {
        let dir = tempfile::tempdir().unwrap();
        let stash = dir.path().join("stash");
        let third = articles / 3;
        generated_corpus(&stash.join("small"), 0, third);
        generated_corpus(&stash.join("large"), third, articles - third);
        fs::create_dir(dir.path().join("corpus")).unwrap();
        let mut bench = KillBench {
            dir,
            clean: Default::default(),
            build_time: Duration::ZERO,
        };
        for half in [Half::Small, Half::Large] {
            bench.arrange(half);
            let index = format!("clean-{}", half.name());
            let started = Instant::now();
            assert_completes(spawn_index(bench.path(), &index, &[]));
            if half == Half::Large {
                bench.build_time = started.elapsed();
            }
            bench.clean[half as usize] = (
                contents(bench.path(), &index),
                found(bench.path(), &index, "festival"),
            );
            fs::remove_dir_all(bench.path().join(index)).unwrap();
        }
        assert_ne!(bench.clean[0].0, bench.clean[1].0);
        bench
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Puts `half` in `corpus/` and the other one in `stash/`.
    fn arrange(&self, half: Half) {
        let place = |half: Half| -> (PathBuf, PathBuf) {
            (
                self.path().join("stash").join(half.name()),
                self.path().join("corpus").join(half.name()),
            )
        };
        let (stashed, shown) = place(half);
        if stashed.exists() {
            fs::rename(stashed, shown).unwrap();
        }
        let (stashed, shown) = place(half.other());
        if shown.exists() {
            fs::rename(shown, stashed).unwrap();
        }
    }

    /// The half whose clean build the index at `index` equals; fails if it equals none.
    fn committed(&self, index: &str) -> Half {
        let held = contents(self.path(), index);
        let half = [Half::Small, Half::Large]
            .into_iter()
            .find(|half| self.clean[*half as usize].0 == held)
            .unwrap_or_else(|| panic!("the index holds neither clean build: {held:#}"));
        assert_eq!(
            found(self.path(), index, "festival"),
            self.clean[half as usize].1
        );
        half
    }

    /// Starts `kills` runs of `search index` and kills each at a pseudo-random moment
    /// (the same moments every time), swapping the halves so every run has work: files
    /// to add and files to remove. After each kill the index must hold one of the two
    /// committed states in full; at the end a run left alone must equal a clean build.
    /// Returns how many runs were killed while still running.
    fn kill_loop(&self, kills: u64) -> u64 {
        self.arrange(Half::Small);
        assert_completes(spawn_index(self.path(), "index", &[]));
        let mut committed = self.committed("index");
        let mut killed = 0;
        let span = self.build_time.as_micros() as u64 * 6 / 5 + 1;
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..kills {
            self.arrange(committed.other());
            // Small memory budget (32 MB for tantivy, beside the 106 MB two threads
            // hold): tantivy writes segments mid-run, so kills also land while segment
            // files are being written, not only before the commit.
            let mut child =
                spawn_index(self.path(), "index", &["--threads", "2", "--memory", "138"]);
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            std::thread::sleep(Duration::from_micros(state % span));
            if child.try_wait().unwrap().is_none() {
                killed += 1;
                child.kill().unwrap();
                child.wait().unwrap();
            } else {
                // Finished before its kill: it must have succeeded.
                assert_completes(child);
            }
            committed = self.committed("index");
        }
        self.arrange(committed.other());
        assert_completes(spawn_index(self.path(), "index", &[]));
        assert_eq!(self.committed("index"), committed.other());
        self.assert_no_stray_files("index");
        killed
    }

    /// Every file in the index belongs to a committed segment, or is one of the index's
    /// own: runs killed mid-write leave nothing behind once a run has committed.
    fn assert_no_stray_files(&self, index: &str) {
        let index = self.path().join(index);
        let meta: Value =
            serde_json::from_slice(&fs::read(index.join("meta.json")).unwrap()).unwrap();
        let segments: Vec<String> = meta["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|segment| segment["segment_id"].as_str().unwrap().replace('-', ""))
            .collect();
        for entry in fs::read_dir(&index).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let known = name.starts_with('.')
                || ["meta.json", "search-index.json", "search-last-run.json"]
                    .contains(&name.as_str())
                || segments
                    .iter()
                    .any(|segment| name.starts_with(segment.as_str()));
            assert!(known, "stray file in the index: {name}");
        }
    }
}

#[test]
fn killed_runs_leave_the_last_commit_and_a_rerun_equals_a_clean_build() {
    let bench = KillBench::new(900);
    let killed = bench.kill_loop(4);
    println!("{killed} of 4 runs killed while running");
}

/// The long version: `cargo test --test crash_safety -- --ignored --nocapture`
/// (`KILLS=N` for another count than 100).
#[test]
#[ignore]
fn killed_runs_long_loop() {
    let kills = std::env::var("KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let bench = KillBench::new(3000);
    let killed = bench.kill_loop(kills);
    println!(
        "{killed} of {kills} runs killed while running (clean build of the large half: {:.2} s); the index held a committed state after every kill, and the final run equalled a clean build",
        bench.build_time.as_secs_f64()
    );
}

/// True when process `pid` holds a `flock` on `file` (Linux: `/proc/locks`).
#[cfg(target_os = "linux")]
fn holds_lock(pid: u32, file: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(inode) = fs::metadata(file).map(|meta| meta.ino()) else {
        return false;
    };
    fs::read_to_string("/proc/locks")
        .unwrap()
        .lines()
        .any(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            // "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"
            fields.get(1) == Some(&"FLOCK")
                && fields.get(4) == Some(&pid.to_string().as_str())
                && fields
                    .get(5)
                    .and_then(|id| id.rsplit(':').next())
                    .and_then(|ino| ino.parse::<u64>().ok())
                    == Some(inode)
        })
}

#[cfg(target_os = "linux")]
#[test]
fn a_second_writer_is_turned_away_and_readers_see_the_last_commit() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    generated_corpus(&corpus.join("first"), 0, 40);
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0);
    let quote = "the index keeps answering while it is rebuilt";
    fs::write(
        corpus.join("first/quoted.txt"),
        format!("A quoted line\n\n\u{201c}{quote},\u{201d} Anna Kovalenko said.\n"),
    )
    .unwrap();
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0);
    let readers: [&[&str]; 3] = [
        &["query", "festival", "--limit", "5", "--json"],
        &["query", "--facets", "officers border"],
        &["quote", "--json", quote],
    ];
    let read = |args: &[&str]| succeeded(search(dir.path()).args(args).output().unwrap(), args);
    let before: Vec<Vec<u8>> = readers.iter().map(|args| read(args)).collect();

    // A long run: 2,500 more articles on one thread.
    generated_corpus(&corpus.join("second"), 40, 2500);
    let mut writer = spawn_index(dir.path(), "index", &["--threads", "1"]);
    let lock = dir.path().join("index/.tantivy-writer.lock");
    while !holds_lock(writer.id(), &lock) {
        assert!(
            writer.try_wait().unwrap().is_none(),
            "the run ended before it was seen holding the lock"
        );
        std::thread::sleep(Duration::from_millis(5));
    }

    let second = search(dir.path())
        .args(["index", "corpus"])
        .output()
        .unwrap();
    let running = writer.try_wait().unwrap().is_none();
    assert!(
        running,
        "the first run ended before the second was turned away: use a larger corpus"
    );
    assert_eq!(second.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&second.stderr), BUSY);
    assert!(second.stdout.is_empty());

    // Readers at the same time as each other and the writer: six processes at once.
    let spawned: Vec<(usize, Child)> = (0..2)
        .flat_map(|_| 0..readers.len())
        .map(|n| {
            let child = Command::new(assert_cmd::cargo::cargo_bin("search"))
                .current_dir(dir.path())
                .env_remove("SEARCH_INDEX")
                .env_remove("NO_COLOR")
                .env("COLUMNS", "100")
                .args(readers[n])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            (n, child)
        })
        .collect();
    let during: Vec<(usize, std::process::Output)> = spawned
        .into_iter()
        .map(|(n, child)| (n, child.wait_with_output().unwrap()))
        .collect();

    assert_completes(writer);
    let after: Vec<Vec<u8>> = readers.iter().map(|args| read(args)).collect();
    assert_ne!(before[0], after[0], "the run changed what the query finds");
    for (n, output) in during {
        let stdout = succeeded(output, readers[n]);
        assert!(
            stdout == before[n] || stdout == after[n],
            "{:?} saw neither committed state",
            readers[n]
        );
    }
}
