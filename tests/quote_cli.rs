//! `search quote`: match classes, diffs, speakers, copies, date order and bad input, on
//! the seed corpus and on six short articles written for these tests
//! (`tests/fixtures/quote/`), where one statement by a harbour master, "The queue of
//! grain ships outside the harbour will double before the end of the month", appears:
//!
//! | file | how | speaker written as | date |
//! |---|---|---|---|
//! | `wire-first.md` | exact, in quotation marks | `…," Elena Marsh said.` (after) | 2024-03-01 |
//! | `daily-copy.md` | a copy of `wire-first.md` (same text, other outlet) | same | 2024-03-02 |
//! | `misquote.md` | one word changed (grain → cargo), no marks | `…, — said Elena Marsh.` (dash) | 2024-02-28 |
//! | `according.md` | one word changed (harbour → port) | `According to Elena Marsh, "…"` (before) | undated |
//! | `reworded.md` | reworded (line, vessels, by) | not a quotation | 2024-03-05 |
//! | `unrelated.md` | not at all | — | 2024-03-03 |
//!
//! and on two more (`tests/fixtures/quote-sentence/`): `wire.md`, short wire paragraphs
//! a quote runs across, and `court.md`, a long sentence a loose quote came from.

mod testenv;

use std::path::Path;

use predicates::prelude::*;
use serde_json::{Value, json};
use testenv::{file_name, search};

/// The harbour master's statement, as the wire first printed it.
const QUOTE: &str =
    "The queue of grain ships outside the harbour will double before the end of the month";

/// A temporary folder holding a copy of `tests/fixtures/<name>` and its index.
fn indexed(name: &str) -> tempfile::TempDir {
    testenv::indexed_copy(&format!("tests/fixtures/{name}"), &[])
}

fn quote_json(dir: &Path, args: &[&str]) -> Vec<Value> {
    let output = search(dir)
        .args(["--index", "index", "quote", "--json"])
        .args(args)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    testenv::json_lines(&output)
}

/// (file, class, similarity, speaker) per match.
fn summary(matches: &[Value]) -> Vec<(String, String, f64, Value)> {
    matches
        .iter()
        .map(|m| {
            (
                file_name(m),
                m["match"].as_str().unwrap().to_owned(),
                (m["similarity"].as_f64().unwrap() * 100.0).round() / 100.0,
                m["speaker"].clone(),
            )
        })
        .collect()
}

#[test]
fn exact_first_then_near_then_paraphrase_with_speakers() {
    let dir = indexed("quote");
    let matches = quote_json(dir.path(), &[QUOTE]);
    let marsh = json!("Elena Marsh");
    assert_eq!(
        summary(&matches),
        [
            ("wire-first.md".into(), "exact".into(), 1.0, marsh.clone()),
            ("misquote.md".into(), "near".into(), 0.91, marsh.clone()),
            ("according.md".into(), "near".into(), 0.91, marsh),
            ("reworded.md".into(), "paraphrase".into(), 0.61, Value::Null),
        ]
    );
    // Every field the JSON promises, on the exact match.
    let exact = &matches[0];
    for field in [
        "similarity",
        "match",
        "article_id",
        "path",
        "line",
        "outlet",
        "date",
        "matched_text",
        "diff",
        "speaker",
    ] {
        assert!(exact.get(field).is_some(), "{field} missing from {exact}");
    }
    assert_eq!(exact["line"], 9);
    assert_eq!(exact["matched_text"], QUOTE);
    // The rest of the sentence is the article's context, not part of the match.
    assert_eq!(
        exact["diff"],
        json!([
            {"op": "same", "text": QUOTE},
            {"op": "context", "text": "Elena Marsh said"},
        ])
    );
}

#[test]
fn the_diff_lists_what_the_article_changed() {
    let dir = indexed("quote");
    let matches = quote_json(dir.path(), &[QUOTE]);
    assert_eq!(
        matches[1]["diff"],
        json!([
            {"op": "same", "text": "The queue of"},
            {"op": "missing", "text": "grain"},
            {"op": "added", "text": "cargo"},
            {"op": "same", "text": "ships outside the harbour will double before the end of the month"},
            {"op": "context", "text": "said Elena Marsh"},
        ])
    );
    // Without colour, the text output marks the change as git's word diff does.
    search(dir.path())
        .args(["--index", "index", "--color", "never", "quote", QUOTE])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "The queue of [-grain-]{+cargo+} ships outside the harbour",
        ))
        .stdout(predicates::str::contains(
            "misquote.md:9 · similarity 0.91 · near · speaker: Elena Marsh",
        ));
}

#[test]
fn copies_of_one_text_are_one_match_under_the_oldest() {
    let dir = indexed("quote");
    let matches = quote_json(dir.path(), &[QUOTE]);
    let copies: Vec<String> = matches[0]["copies"]
        .as_array()
        .unwrap()
        .iter()
        .map(file_name)
        .collect();
    assert_eq!(copies, ["daily-copy.md"]);
    assert_eq!(matches[0]["copies"][0]["outlet"], "Evening Daily");
    assert!(
        matches
            .iter()
            .all(|m| file_name(m) != "daily-copy.md" && m["copies"].as_array().is_some())
    );
}

#[test]
fn by_date_puts_the_earliest_source_first_and_undated_last() {
    let dir = indexed("quote");
    let matches = quote_json(dir.path(), &["--by", "date", QUOTE]);
    let order: Vec<(String, Value)> = matches
        .iter()
        .map(|m| (file_name(m), m["date"].clone()))
        .collect();
    assert_eq!(
        order,
        [
            ("misquote.md".into(), json!("2024-02-28")),
            ("wire-first.md".into(), json!("2024-03-01")),
            ("reworded.md".into(), json!("2024-03-05")),
            ("according.md".into(), Value::Null),
        ]
    );
}

#[test]
fn speaker_and_similarity_filters() {
    let dir = indexed("quote");
    let by_marsh = quote_json(dir.path(), &["--speaker", "Marsh", QUOTE]);
    let files: Vec<String> = by_marsh.iter().map(file_name).collect();
    assert_eq!(files, ["wire-first.md", "misquote.md", "according.md"]);
    let close = quote_json(dir.path(), &["--min-similarity", "0.95", QUOTE]);
    assert_eq!(close.len(), 1);
    search(dir.path())
        .args([
            "--index",
            "index",
            "quote",
            "--speaker",
            "Nobody Else",
            QUOTE,
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no passage reproduces the quote"));
}

#[test]
fn bad_quotes_get_a_message_not_a_panic() {
    let dir = indexed("quote");
    let run = |quote: &str| {
        search(dir.path())
            .args(["--index", "index", "quote", quote])
            .assert()
    };
    run("  “ ” ")
        .code(2)
        .stderr("search: the quote has no words — give the words to check, e.g. search quote \"we assess that …\"\n");
    run("the of and")
        .code(2)
        .stderr("search: the quote is only common words (the of and) — add the words that make it distinctive\n");
    search(dir.path())
        .args(["--index", "index", "quote", "--min-similarity", "2", QUOTE])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "\"2\" is not a similarity — give a number from 0 to 1",
        ));
    // One word longer than any the index keeps finds nothing, without an error.
    run(&"x".repeat(100))
        .code(1)
        .stderr(predicates::str::contains("no passage reproduces the quote"));
    // A 10,000-word paste is judged on its first 200 words, and says so.
    let paste = format!("{QUOTE} {}", "lorem ipsum dolor ".repeat(3_400));
    run(&paste)
        .code(0)
        .stderr(predicates::str::contains(
            "only its first 200 words are compared",
        ))
        .stdout(predicates::str::contains("wire-first.md"));
}

#[test]
fn issue_18_a_long_paste_stays_a_quote_under_the_query_word_limit() {
    // A query may have 1,000 words; a quote asks the index with its first 64 words, so
    // a paste of 150,000 words is checked as before.
    let dir = indexed("quote");
    let mut args = vec![QUOTE.to_owned()];
    args.extend((0..10).map(|_| "lorem ipsum dolor ".repeat(5_000)));
    search(dir.path())
        .args(["--index", "index", "quote"])
        .args(&args)
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "only its first 200 words are compared (149816 left out)",
        ))
        .stdout(predicates::str::contains("wire-first.md"));
    // One quote word that is 1,500 words to the index (`1.1.1…`): no error either.
    let dotted = format!("{} {QUOTE}", vec!["1"; 1_500].join("."));
    search(dir.path())
        .args(["--index", "index", "quote", &dotted])
        .assert()
        .code(predicates::ord::lt(2))
        .stderr(predicates::str::contains("words, the most a query may have").not());
}

#[test]
fn the_seed_corpus_quote_is_found_exactly_then_as_translated() {
    let dir = testenv::indexed_copy("corpus", &[]);
    let matches = quote_json(
        dir.path(),
        &[
            "We assess that the occurrence of casualties among North Korean officers and soldiers in Ukraine is highly likely",
        ],
    );
    let kim = json!("Kim Yong-hyun");
    assert_eq!(
        summary(&matches),
        [
            (
                "004_114ba9fd5ded81ee.txt".into(),
                "exact".into(),
                1.0,
                kim.clone()
            ),
            (
                "001_a89f0acf1ec6b274.txt".into(),
                "near".into(),
                0.77,
                kim.clone()
            ),
            ("000_0a409a6b35c5c979.txt".into(), "near".into(), 0.77, kim),
        ]
    );
    let changed: Vec<(&str, &str)> = matches[1]["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|op| op["op"] != "same")
        .map(|op| (op["op"].as_str().unwrap(), op["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        changed,
        [
            ("missing", "assess"),
            ("added", "estimate"),
            ("missing", "occurrence"),
            ("added", "presence"),
            ("missing", "likely"),
            ("added", "probable"),
            (
                "context",
                "taking into account various circumstances said the minister"
            ),
        ]
    );
}

/// The verbatim end of one paragraph and start of the next in
/// `fixtures/quote-sentence/wire.md`, where the quote starts on line 10.
const ACROSS: &str = "the lowest figure since the drought of 2010. Traders expect prices to rise \
                      before the summer";

#[test]
fn issue_14_a_quote_across_a_paragraph_break_is_exact_where_it_starts() {
    let dir = indexed("quote-sentence");
    search(dir.path())
        .args(["--index", "index", "quote", ACROSS])
        .assert()
        .code(0)
        .stdout(
            "1. Harbour Wire · 2024-05-02 · Grain exporters cut forecasts\n   \
             quote-sentence/wire.md:10 · similarity 1.00 · exact · speaker: not a quotation\n   \
             the lowest figure since the drought of 2010 Traders expect prices to rise before \
             the summer (a grain broker in Kyiv said on Thursday)\n\
             \n\
             1 match (0 copies of the same text grouped) among 2 candidate passages read\n",
        );
    let matches = quote_json(dir.path(), &[ACROSS]);
    assert_eq!(
        matches[0]["matched_text"],
        "the lowest figure since the drought of 2010.\n\nTraders expect prices to rise before \
         the summer"
    );
    assert_eq!(
        matches[0]["diff"],
        json!([
            {"op": "same", "text": "the lowest figure since the drought of 2010 Traders expect \
                                    prices to rise before the summer"},
            {"op": "context", "text": "a grain broker in Kyiv said on Thursday"},
        ])
    );
}

#[test]
fn issue_14_the_diff_is_against_the_source_sentence() {
    // Judge Okafor said "The real danger to the life of the country, in the sense of …,
    // comes not from violence but from laws such as these": the quote's opening is in
    // the sentence, after words the article adds, so it is not missing.
    let dir = indexed("quote-sentence");
    let quote = "The real danger to the country comes not from violence but from laws like these.";
    let matches = quote_json(dir.path(), &["--min-similarity", "0.3", quote]);
    assert_eq!(summary(&matches)[0].0, "court.md");
    assert_eq!(
        matches[0]["diff"],
        json!([
            {"op": "context", "text": "Judge Amara Okafor said"},
            {"op": "same", "text": "The real danger to the"},
            {"op": "added", "text": "life of the"},
            {"op": "same", "text": "country"},
            {"op": "added", "text": "in the sense of a people governed by its old laws and shared values"},
            {"op": "same", "text": "comes not from violence but from laws"},
            {"op": "missing", "text": "like"},
            {"op": "added", "text": "such as"},
            {"op": "same", "text": "these"},
        ])
    );
    search(dir.path())
        .args([
            "--index",
            "index",
            "quote",
            "--min-similarity",
            "0.3",
            quote,
        ])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "   (Judge Amara Okafor said) The real danger to the {+life of the+} country {+in the \
             sense of a people governed by its old laws and shared values+} comes not from \
             violence but from laws [-like-]{+such as+} these\n",
        ));
}

#[test]
fn issue_14_a_quote_starting_with_a_dash_is_a_quote() {
    // Wire paragraphs start "ODESA, May 2 - …": pasted from the dash on.
    let dir = indexed("quote-sentence");
    let matches = quote_json(
        dir.path(),
        &["- Grain exporters cut their harvest forecasts"],
    );
    assert_eq!(
        summary(&matches),
        [("wire.md".into(), "exact".into(), 1.0, Value::Null)]
    );
    assert_eq!(matches[0]["line"], 7);
    // `-` alone still reads a list from standard input.
    search(dir.path())
        .args(["--index", "index", "quote", "--format", "csv", "-"])
        .write_stdin("- Grain exporters cut their harvest forecasts\n")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("exact"));
}
