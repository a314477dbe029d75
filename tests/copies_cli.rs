//! Copies and `search similar` end to end, on `fixtures/copies/`: a wire file where one
//! story is filed twice ("dlrs" in one, "dollars" in the other), the story it follows,
//! another story, and a paper's own coverage of the first.

use std::path::Path;

mod testenv;

use serde_json::Value;
use testenv::search;

/// A temp folder holding `tests/fixtures/copies` as `copies/`, indexed into `index/`.
fn indexed() -> tempfile::TempDir {
    testenv::indexed_copy("tests/fixtures/copies", &[])
}

/// `search --color never ARGS…` in `dir`, which must exit 0: its stdout.
fn text(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["--color", "never"];
    all.extend(args);
    String::from_utf8(testenv::quiet_stdout(dir, &all)).unwrap()
}

/// `search ARGS… --json` in `dir`, which must exit 0: one value a line.
fn json(dir: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.push("--json");
    testenv::json_lines(&testenv::quiet_stdout(dir, &all))
}

/// `file:line` of a hit or a copy.
fn located(value: &Value) -> String {
    let path = Path::new(value["path"].as_str().unwrap());
    format!(
        "{}:{}",
        path.file_name().unwrap().to_string_lossy(),
        value["line"]
    )
}

/// Each hit's `file:line` with its copies'.
fn grouped(hits: &[Value]) -> Vec<(String, Vec<String>)> {
    hits.iter()
        .map(|hit| {
            let copies = hit["copies"].as_array().unwrap();
            (located(hit), copies.iter().map(located).collect())
        })
        .collect()
}

fn strings(items: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    items
        .iter()
        .map(|(hit, copies)| {
            (
                (*hit).to_owned(),
                copies.iter().map(|c| (*c).to_owned()).collect(),
            )
        })
        .collect()
}

#[test]
fn issue_15_a_refiled_story_is_one_result_under_the_oldest_copy() {
    let dir = indexed();
    let hits = json(dir.path(), &["query", "Brazil special commission debt"]);
    assert_eq!(
        grouped(&hits),
        strings(&[
            ("wire.jsonl:1", &["wire.jsonl:3"]),
            ("herald.md:6", &[]),
            ("wire.jsonl:2", &[]),
        ])
    );
    assert_eq!(hits[0]["copies"][0]["date"], "1987-03-03");
    assert_eq!(hits[0]["copies"][0]["outlet"], "Wire");
    let listed = json(
        dir.path(),
        &["query", "Brazil special commission debt", "--all-copies"],
    );
    // The two filings score the same: their order is the article ids' (which depend on
    // where the folder is), so they are compared as a set.
    let mut listed = grouped(&listed);
    listed[..2].sort();
    assert_eq!(
        listed,
        strings(&[
            ("wire.jsonl:1", &[]),
            ("wire.jsonl:3", &[]),
            ("herald.md:6", &[]),
            ("wire.jsonl:2", &[]),
        ])
    );
}

#[test]
fn issue_15_text_output_lists_the_copies_under_the_result() {
    let dir = indexed();
    let out = text(dir.path(), &["query", "special commission", "-n", "1"]);
    assert_eq!(
        out,
        "1. Wire · 1987-03-02 · Brazil sets up special debt commission\n   \
         copies/wire.jsonl:1\n   \
         Brazil has set up a [special commission] to renegotiate its foreign debt with \
         creditor banks, the finance ministry said, a week after the government suspended \
         interest payments on 68 billion dlrs of commercial debt.\n   \
         +1 copy: Wire · 1987-03-03 · copies/wire.jsonl:3\n\n\
         1 of 8 matching passages shown\n"
    );
}

#[test]
fn issue_15_similar_finds_other_coverage_without_the_article_or_its_copies() {
    let dir = indexed();
    let by_path = json(dir.path(), &["similar", "copies/wire.jsonl:3"]);
    assert_eq!(
        grouped(&by_path),
        strings(&[("herald.md:6", &[]), ("wire.jsonl:2", &[])])
    );
    // By id, with the query's filters: the later copy is filtered out, so the first
    // filing stands alone.
    let id = by_path[0]["article_id"].as_str().unwrap().to_owned();
    let all = json(dir.path(), &["similar", &id]);
    assert_eq!(
        grouped(&all),
        strings(&[
            ("wire.jsonl:1", &["wire.jsonl:3"]),
            ("wire.jsonl:2", &[]),
            ("wire.jsonl:4", &[])
        ])
    );
    let until = json(
        dir.path(),
        &["similar", &id, "--until", "1987-03-02", "-n", "2"],
    );
    assert_eq!(
        grouped(&until),
        strings(&[("wire.jsonl:1", &[]), ("wire.jsonl:2", &[])])
    );
}

#[test]
fn issue_15_similar_says_what_to_do_about_an_unknown_article() {
    let dir = indexed();
    search(dir.path())
        .args(["--index", "index", "similar", "0123456789abcdef"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "search: no article with id 0123456789abcdef and no file 0123456789abcdef — give \
             an article id or the path of an indexed file\n",
        );
    search(dir.path())
        .args(["--index", "index", "similar", "copies/wire.jsonl:9"])
        .assert()
        .code(2)
        .stdout("");
}
