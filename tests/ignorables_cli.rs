//! Invisible characters inside words (issue 18): soft hyphens (U+00AD), zero-width
//! spaces (U+200B), word joiners (U+2060) and the other default-ignorable code points
//! are part of the word they stand in and left out of its key, so a query or a quote
//! finds such words whichever way either side writes them, and highlights cover the
//! word as written. On `tests/fixtures/ignorables/`:
//!
//! | file | written with |
//! |---|---|
//! | `soft-hyphens.md` | `inter\u{AD}national`, `ship\u{AD}ments`, a quotation with `har\u{AD}vest` |
//! | `zero-width.md` | `wea\u{200B}ther`, `\u{2060}national`, a quotation with `sum\u{200B}mer` |
//! | `plain.md` | none |

mod testenv;

use std::path::Path;

use serde_json::Value;
use testenv::file_name;

fn indexed() -> tempfile::TempDir {
    testenv::indexed_copy("tests/fixtures/ignorables", &[])
}

/// `search COMMAND --json ARGS…` in `dir`: one value a line.
fn json(dir: &Path, command: &str, args: &[&str]) -> Vec<Value> {
    let mut all = vec![command, "--json"];
    all.extend(args);
    testenv::json_lines(&testenv::quiet_stdout(dir, &all))
}

/// A highlight: start, end and the snippet text it covers.
type Mark = (usize, usize, String);

/// Each hit's file and its highlights.
fn hits(dir: &Path, query: &str) -> Vec<(String, Vec<Mark>)> {
    json(dir, "query", &[query])
        .iter()
        .map(|hit| {
            let snippet = hit["snippet"].as_str().unwrap();
            let marks = hit["highlights"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let (start, end) = (
                        r[0].as_u64().unwrap() as usize,
                        r[1].as_u64().unwrap() as usize,
                    );
                    (start, end, snippet[start..end].to_owned())
                })
                .collect();
            (file_name(hit), marks)
        })
        .collect()
}

#[test]
fn issue_18_words_with_invisible_characters_are_found_and_highlighted_as_written() {
    let dir = indexed();
    let dir = dir.path();
    assert_eq!(
        hits(dir, "international"),
        [(
            "soft-hyphens.md".into(),
            vec![(4, 19, "inter\u{AD}national".into())]
        )]
    );
    assert_eq!(
        hits(dir, "weather"),
        [(
            "zero-width.md".into(),
            vec![(21, 31, "wea\u{200B}ther".into())]
        )]
    );
    // The word joiner before `national` does not make it another word.
    assert_eq!(
        hits(dir, "national"),
        [("zero-width.md".into(), vec![(86, 94, "national".into())])]
    );
}

#[test]
fn issue_18_a_query_written_with_invisible_characters_finds_the_plain_word() {
    let dir = indexed();
    let dir = dir.path();
    assert_eq!(
        hits(dir, "ship\u{200B}ments"),
        [(
            "soft-hyphens.md".into(),
            vec![(54, 65, "ship\u{AD}ments".into())]
        )]
    );
    assert_eq!(
        hits(dir, "\u{FEFF}port au\u{AD}thority"),
        [
            // Neighbouring matched words are one highlight.
            ("plain.md".into(), vec![(4, 18, "port authority".into())]),
            ("soft-hyphens.md".into(), vec![(84, 88, "port".into())])
        ]
    );
}

#[test]
fn issue_18_quotes_match_across_invisible_characters_on_either_side() {
    let dir = indexed();
    let dir = dir.path();
    let summary = |quote: &str| -> Vec<(String, String, Value)> {
        json(dir, "quote", &[quote])
            .iter()
            .map(|m| {
                (
                    file_name(m),
                    m["match"].as_str().unwrap().to_owned(),
                    m["speaker"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(
        summary("Heavy rain will delay the harvest by at least two weeks"),
        [("soft-hyphens.md".into(), "exact".into(), "Ann Lee".into())]
    );
    assert_eq!(
        summary("Farmers should plan for a dry sum\u{200B}mer on every field"),
        [("zero-width.md".into(), "exact".into(), "Tom Reed".into())]
    );
    assert_eq!(
        summary("Farmers should plan for a dry summer on every\u{200B} field"),
        [("zero-width.md".into(), "exact".into(), "Tom Reed".into())]
    );
}
