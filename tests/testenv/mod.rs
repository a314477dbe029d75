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
/// same arguments: paragraphs of words from a small news vocabulary, a headline, and
/// sentences naming people and places, so every article has passages and entities.
#[allow(dead_code)] // only the crash and concurrency tests need a large corpus
pub fn generated_corpus(dir: &Path, first: usize, files: usize) {
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
    fs::create_dir_all(dir).unwrap();
    for n in first..first + files {
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
        fs::write(dir.join(format!("{n:04}.txt")), text).unwrap();
    }
}
