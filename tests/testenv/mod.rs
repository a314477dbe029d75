//! What the CLI tests share: the binary with a clean environment, and copies of
//! fixture trees in temp folders.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `search` binary with a clean environment, run from `dir`.
pub fn search(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("search").unwrap();
    cmd.current_dir(dir)
        .env_remove("SEARCH_INDEX")
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100");
    cmd
}

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the tree at `from` to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A temp folder holding a copy of the repository's folder `from` (as its last name,
/// e.g. `corpus/`), indexed into `index/` with `extra` flags.
#[allow(dead_code)] // not every test file indexes a copy
pub fn indexed_copy(from: &str, extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let name = Path::new(from).file_name().unwrap();
    copy_tree(&repo().join(from), &dir.path().join(name));
    search(dir.path())
        .args(["--index", "index", "index", "--quiet"])
        .args(extra)
        .arg(name)
        .assert()
        .code(0);
    dir
}

/// The stdout of a finished command, which must have exited 0 (its stderr, and
/// `what` it was, shown when it did not).
#[allow(dead_code)] // for tests that run commands by hand (spawned, or many at once)
pub fn succeeded(output: std::process::Output, what: impl std::fmt::Debug) -> Vec<u8> {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{what:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// `search ARGS…` in `dir`, which must exit 0 with nothing on stderr: its stdout.
#[allow(dead_code)] // not every test file runs commands this way
pub fn quiet_run(dir: &Path, args: &[&str]) -> Vec<u8> {
    search(dir)
        .args(args)
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .stdout
        .clone()
}

/// `search --index index ARGS…` in `dir`, which must exit 0 with nothing on stderr:
/// its stdout.
#[allow(dead_code)] // not every test file runs commands this way
pub fn quiet_stdout(dir: &Path, args: &[&str]) -> Vec<u8> {
    let with_index: Vec<&str> = ["--index", "index"].iter().chain(args).copied().collect();
    quiet_run(dir, &with_index)
}

#[allow(dead_code)] // not every test file reads paths
/// The file name of a JSON result's `path`.
pub fn file_name(value: &serde_json::Value) -> String {
    Path::new(value["path"].as_str().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// Each line of `stdout` read as one JSON value (a line that is not JSON fails the test).
#[allow(dead_code)] // not every test file reads JSON
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line:?}")))
        .collect()
}

/// Writes `files` made-up articles (`{first:04}.txt` on) into `dir`, the same for the
/// same arguments (see [`generated_article`]).
#[allow(dead_code)] // only the crash and concurrency tests need a large corpus
pub fn generated_corpus(dir: &Path, first: usize, files: usize) {
    fs::create_dir_all(dir).unwrap();
    for n in first..first + files {
        fs::write(dir.join(format!("{n:04}.txt")), generated_article(n)).unwrap();
    }
}

/// Writes `records` made-up articles as one JSON Lines file at `path` (see
/// [`generated_article`]; record `n` is article `n`).
#[allow(dead_code)] // only the tests that fill a disk need one large file
pub fn generated_jsonl(path: &Path, records: usize) {
    let mut lines = String::new();
    for n in 0..records {
        let text = generated_article(n);
        let (title, body) = text.split_once('\n').unwrap_or(("", &text));
        let record = serde_json::json!({"id": format!("g{n}"), "title": title, "body": body});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    fs::write(path, lines).unwrap();
}

/// Made-up article number `n`, the same for the same `n`: a headline, then paragraphs
/// of words from a small news vocabulary and sentences naming people and places, so
/// every article has passages and entities.
#[allow(dead_code)]
pub fn generated_article(n: usize) -> String {
    const WORDS: &[&str] = &[
        "minister",
        "officers",
        "troops",
        "border",
        "talks",
        "agreement",
        "market",
        "prices",
        "oil",
        "report",
        "government",
        "council",
        "election",
        "vote",
        "city",
        "river",
        "bridge",
        "school",
        "hospital",
        "police",
        "court",
        "judge",
        "company",
        "shares",
        "bank",
        "rates",
        "inflation",
        "growth",
        "summer",
        "winter",
        "festival",
        "music",
        "film",
        "players",
        "match",
        "season",
        "coach",
        "injury",
        "the",
        "of",
        "and",
        "in",
    ];
    const PEOPLE: &[&str] = &[
        "Anna Kovalenko",
        "John Smith",
        "Kim Yong-hyun",
        "Maria Garcia",
    ];
    const PLACES: &[&str] = &["Kyiv", "Paris", "Seoul", "London", "Berlin", "Madrid"];
    // A small linear congruential generator, seeded by the article's number.
    let mut state = (n as u64).wrapping_mul(6364136223846793005) ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = |below: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % below
    };
    let mut text = format!("Report {n} on the {}\n", WORDS[next(38)]);
    for _ in 0..3 + next(5) {
        text.push('\n');
        for _ in 0..2 + next(4) {
            let words: Vec<&str> = (0..8 + next(12))
                .map(|_| WORDS[next(WORDS.len())])
                .collect();
            let sentence = words.join(" ");
            let mut chars = sentence.chars();
            let first = chars.next().unwrap().to_uppercase();
            text.push_str(&format!(
                "{first}{} in {}, {} said. ",
                chars.as_str(),
                PLACES[next(PLACES.len())],
                PEOPLE[next(PEOPLE.len())]
            ));
        }
        text.push('\n');
    }
    text
}

/// `search stats --json` of the index `index/` in `dir`, without the last run's report
/// (what two states of the same index are compared on).
#[allow(dead_code)] // for the tests that compare an index before and after a run
pub fn stats_of(dir: &Path) -> serde_json::Value {
    let output = search(dir)
        .args(["--index", "index", "stats", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let mut stats: serde_json::Value = serde_json::from_slice(&output).unwrap();
    if let Some(stats) = stats.as_object_mut() {
        stats.remove("last_run");
    }
    stats
}

/// The names in `folder` with their sizes, sorted: what a run left in an index folder.
/// A file removed between the listing and its size (a run still writing) is left out.
#[allow(dead_code)] // for the tests that check a run left nothing behind
pub fn listing(folder: &Path) -> Vec<(String, u64)> {
    let mut names: Vec<_> = fs::read_dir(folder)
        .unwrap()
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let size = entry.metadata().ok()?.len();
            Some((entry.file_name().to_string_lossy().into_owned(), size))
        })
        .collect();
    names.sort();
    names
}

/// A small deterministic generator (SplitMix64), so generated corpora and sequences
/// need no crate: the same numbers for the same seed.
#[allow(dead_code)] // for the tests that generate their input
pub struct Rng(pub u64);

#[allow(dead_code)]
impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `items`, if there are any.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }

    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Sets `path`'s modification time to `mtime` (what a restore from a backup does).
#[allow(dead_code)] // for the tests of how a re-run knows a file
pub fn set_mtime(path: &Path, mtime: std::time::SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
}
