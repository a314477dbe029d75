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

/// Each line of `stdout` read as one JSON value (a line that is not JSON fails the test).
#[allow(dead_code)] // not every test file reads JSON
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line:?}")))
        .collect()
}
