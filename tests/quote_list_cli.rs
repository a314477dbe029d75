//! `search quote --file`: a list of quotes, one report row each, on the quote fixture
//! (`tests/fixtures/quote/`, described in `tests/quote_cli.rs`): the harbour master's
//! statement is printed exactly by `wire-first.md` (2024-03-01, copied by `daily-copy.md`),
//! with one word changed by `misquote.md` (2024-02-28) and `according.md` (undated), and
//! reworded by `reworded.md`. Also `--format csv` for `search query` and `search entities`.

mod testenv;

use std::path::Path;

use serde_json::Value;
use testenv::search;

/// The statement as the wire printed it.
const QUOTE: &str =
    "The queue of grain ships outside the harbour will double before the end of the month";

fn indexed() -> tempfile::TempDir {
    testenv::indexed_copy("tests/fixtures/quote", &[])
}

/// Writes `text` to `name` in `dir` and runs `search quote --file name` with `args`.
fn run_list(dir: &Path, name: &str, text: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    std::fs::write(dir.join(name), text).unwrap();
    search(dir)
        .args(["--index", "index", "quote", "--file", name])
        .args(args)
        .assert()
}

fn stdout(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.code(0).get_output().stdout.clone()).unwrap()
}

/// The list every test reads: found exactly, with a word changed, not found, empty,
/// only common words.
fn list() -> String {
    [
        QUOTE,
        "The queue of grain ships outside the harbour will triple before the end of the month",
        "zebra xylophone quantum marmalade",
        "",
        "the of and",
    ]
    .join("\n")
        + "\n"
}

#[test]
fn a_list_gets_one_row_per_quote_with_a_verdict() {
    let dir = indexed();
    let rows = testenv::json_lines(
        run_list(dir.path(), "quotes.txt", &list(), &["--format", "json"])
            .code(0)
            .get_output()
            .stdout
            .as_slice(),
    );
    let summary: Vec<(u64, &str, Option<&str>, u64, u64)> = rows
        .iter()
        .map(|row| {
            (
                row["line"].as_u64().unwrap(),
                row["verdict"].as_str().unwrap(),
                row["reason"].as_str(),
                row["articles"].as_u64().unwrap(),
                row["outlets"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (1, "exact", None, 4, 4),
            (2, "changed", None, 4, 4),
            (3, "none", Some("no match at similarity 0.50 or more"), 0, 0),
            (4, "none", Some("empty line"), 0, 0),
            (5, "none", Some("only common words"), 0, 0),
        ]
    );
    // The best match is the wire's; the earliest article carrying it the misquote's.
    assert_eq!(rows[0]["best"]["outlet"], "Coastal Wire");
    assert_eq!(rows[0]["earliest"]["outlet"], "Market Letter");
    assert_eq!(rows[0]["earliest"]["date"], "2024-02-28");
    assert_eq!(rows[0]["similarity"].as_f64(), Some(1.0));
    assert_eq!(rows[2]["best"], Value::Null);
    // --json is --format json.
    let json = stdout(run_list(dir.path(), "quotes.txt", &list(), &["--json"]));
    assert_eq!(testenv::json_lines(json.as_bytes()), rows);
}

#[test]
fn csv_in_csv_out() {
    let dir = indexed();
    let input = format!(
        "Speaker,Quote,Date,Note\nElena Marsh,\"{QUOTE}\",2024-03-01,wire\nnobody,\"the of and\",,\n"
    );
    let out = stdout(run_list(
        dir.path(),
        "quotes.csv",
        &input,
        &["--format", "csv"],
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "line,quote,verdict,reason,similarity,changes,speaker,article_id,outlet,date,title,earliest_article_id,earliest_date,articles,outlets"
    );
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[1].starts_with(&format!("2,{QUOTE},exact,,1.00,,Elena Marsh,")),
        "{out}"
    );
    assert!(
        lines[1].ends_with(",Coastal Wire,2024-03-01,Port chief warns of grain backlog,")
            || lines[1].contains(",Coastal Wire,2024-03-01,Port chief warns of grain backlog,"),
        "{out}"
    );
    assert!(lines[1].ends_with(",2024-02-28,4,4"), "{out}");
    assert_eq!(lines[2], "3,the of and,none,only common words,,,,,,,,,,0,0");
}

#[test]
fn text_report_and_standard_input() {
    let dir = indexed();
    let text = stdout(
        search(dir.path())
            .args(["--index", "index", "quote", "-"])
            .write_stdin(format!("{QUOTE}\n\nthe of and\n"))
            .assert(),
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("   1 exact      {QUOTE}"));
    assert!(
        lines[1].starts_with("     best: Coastal Wire 2024-03-01 · "),
        "{text}"
    );
    assert!(lines[1].ends_with(" · similarity 1.00"), "{text}");
    assert_eq!(
        lines[2],
        "     earliest: Market Letter 2024-02-28 · 4 articles in 4 outlets"
    );
    assert_eq!(
        lines[3..],
        [
            "   2 none       ",
            "     empty line",
            "   3 none       the of and",
            "     only common words",
            "3 quotes: 1 exact, 0 changed, 0 paraphrase, 2 none",
        ]
    );
}

#[test]
fn bad_lists_are_one_line_errors() {
    let dir = indexed();
    run_list(dir.path(), "quotes.csv", "text,who\nhello,me\n", &[])
        .code(2)
        .stdout("")
        .stderr("search: the CSV has no `quote` column (its columns: text, who) — name the column of quotes `quote` in the first line\n");
    search(dir.path())
        .args(["--index", "index", "quote", "--file", "missing.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("search: missing.txt does not exist — give a file of quotes, one a line (or `-` for standard input)\n");
}

#[test]
fn query_and_entities_write_csv() {
    let dir = indexed();
    let out = stdout(
        search(dir.path())
            .args(["--index", "index", "query", "festival", "--format", "csv"])
            .assert(),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "rank,score,article_id,outlet,date,title,path,line,snippet"
    );
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[1].starts_with("1,"), "{out}");
    assert!(
        lines[1].contains(",Evening Daily,2024-03-03,Festival returns to the old town,"),
        "{out}"
    );
    let out = stdout(
        search(dir.path())
            .args([
                "--index", "index", "entities", "--type", "person", "--format", "csv",
            ])
            .assert(),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "type,name,articles,aliases");
    // The type as JSON names it; four articles name her in full.
    assert!(lines.contains(&"person,Elena Marsh,4,"), "{out}");
}
