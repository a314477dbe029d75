//! What the `search query` CLI tests share: the ranking fixture indexed, the query
//! run for JSON or text, and readers of the hits.

#![allow(dead_code)] // not every test file uses every helper

use std::path::Path;

use serde_json::Value;

use crate::testenv::{self, copy_tree, repo, search};

/// A temp folder holding `tests/fixtures/ranking` as `ranking/`, indexed into `index/`.
pub fn ranking() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo().join("tests/fixtures/ranking"),
        &dir.path().join("ranking"),
    );
    search(dir.path())
        .args(["--index", "index", "index", "--quiet", "ranking"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    dir
}

/// A temp folder holding a copy of the seed corpus as `corpus/`, indexed into `index/`.
pub fn seed_corpus() -> tempfile::TempDir {
    testenv::indexed_copy("corpus", &[])
}

/// `search query --json ARGS…` in `dir`, which must find something: one value a line.
pub fn query_json(dir: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["query", "--json"];
    all.extend(args);
    testenv::json_lines(&testenv::quiet_stdout(dir, &all))
}

/// `search query --color never ARGS…` in `dir`: its stdout.
pub fn query_text(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["--color", "never", "query"];
    all.extend(args);
    String::from_utf8(testenv::quiet_stdout(dir, &all)).unwrap()
}

pub use crate::testenv::file_name;

/// `file:line` of each hit, in rank order.
pub fn located(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|hit| format!("{}:{}", file_name(hit), hit["line"]))
        .collect()
}

/// The file names of the hits, in rank order.
pub fn files(hits: &[Value]) -> Vec<String> {
    hits.iter().map(file_name).collect()
}

/// The file names of the hits, sorted: for filters, where order is not the point.
pub fn file_set(hits: &[Value]) -> Vec<String> {
    let mut names = files(hits);
    names.sort();
    names
}

/// A hit's highlight ranges as `(start, end)` pairs.
pub fn ranges(hit: &Value) -> Vec<(usize, usize)> {
    hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

/// The snippet text each highlight covers (ranges are byte ranges into `snippet`).
pub fn marked(hit: &Value) -> Vec<String> {
    let snippet = hit["snippet"].as_str().unwrap();
    ranges(hit)
        .into_iter()
        .map(|(start, end)| snippet[start..end].to_owned())
        .collect()
}

/// Runs `search query ARGS…` on the ranking index expecting exit 2 and `message` alone
/// on stderr.
pub fn query_fails(dir: &Path, args: &[&str], message: &str) {
    search(dir)
        .args(["--index", "index", "query"])
        .args(args)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!("search: {message}\n"));
}
