//! Analysis per language (issue 19, part 2), end to end: articles in Ukrainian, Russian
//! and Korean written for these tests (`fixtures/languages/`) are found by a noun's
//! other forms and highlighted on the forms they hold, and English output stays byte
//! for byte what it was before languages had fields of their own. The same queries on
//! the shared collection's retold story are in `shared_data.rs`, skipped with a message
//! where `../shared/data` is absent.

use std::path::Path;

mod queryenv;
mod testenv;

use queryenv::*;
use serde_json::Value;
use testenv::{copy_tree, repo, search};

/// A temp folder holding the given folders of `tests/fixtures/languages`, indexed
/// into `index/`.
fn languages(folders: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in folders {
        copy_tree(
            &repo().join("tests/fixtures/languages").join(folder),
            &dir.path().join(folder),
        );
    }
    search(dir.path())
        .args(["--index", "index", "index", "--quiet"])
        .args(folders)
        .assert()
        .code(0)
        .stderr("");
    dir
}

/// `(folder/file:line, language, the passage text each highlight covers)` per hit.
fn shown(hits: &[Value]) -> Vec<(String, String, Vec<String>)> {
    hits.iter()
        .map(|hit| {
            let path = Path::new(hit["path"].as_str().unwrap());
            let folder = path
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy();
            let passage = hit["passage"].as_str().unwrap();
            let marked = ranges(hit)
                .into_iter()
                .map(|(start, end)| passage[start..end].to_owned())
                .collect();
            (
                format!("{folder}/{}:{}", file_name(hit), hit["line"]),
                hit["lang"].as_str().unwrap().to_owned(),
                marked,
            )
        })
        .collect()
}

fn owned(rows: &[(&str, &str, &[&str])]) -> Vec<(String, String, Vec<String>)> {
    rows.iter()
        .map(|(at, lang, marked)| {
            (
                (*at).to_owned(),
                (*lang).to_owned(),
                marked.iter().map(|m| (*m).to_owned()).collect(),
            )
        })
        .collect()
}

#[test]
fn issue_19_a_ukrainian_noun_finds_its_other_forms() {
    let dir = languages(&["uk", "ru", "ko", "en"]);
    for query in ["офіцер", "офіцерами", "ОФІЦЕРІВ"] {
        let hits = query_json(dir.path(), &["--per-article", "0", query]);
        assert_eq!(
            shown(&hits),
            owned(&[
                ("uk/report.md:7", "uk", &["Офіцер"]),
                ("uk/strike.md:9", "uk", &["офіцер"]),
                ("uk/strike.md:7", "uk", &["офіцерів"]),
            ]),
            "{query}"
        );
    }
    let hits = query_json(dir.path(), &["--per-article", "0", "офіцер"]);
    assert_eq!(ranges(&hits[0]), [(0, 12)]);
    assert_eq!(ranges(&hits[2]), [(99, 115)]);
}

#[test]
fn issue_19_an_in_word_apostrophe_is_any_apostrophe() {
    let dir = languages(&["uk"]);
    for query in ["з'явився", "з’явився", "зʼявився"] {
        let hits = query_json(dir.path(), &[query]);
        assert_eq!(
            shown(&hits),
            owned(&[("uk/strike.md:9", "uk", &["з’явився"])]),
            "{query}"
        );
        assert_eq!(ranges(&hits[0]), [(49, 66)]);
    }
}

#[test]
fn issue_19_a_russian_noun_finds_its_other_forms_and_yo_is_ye() {
    let dir = languages(&["uk", "ru", "ko", "en"]);
    let hits = query_json(dir.path(), &["офицер"]);
    assert_eq!(
        shown(&hits),
        owned(&[("ru/base.md:7", "ru", &["Офицеры", "офицера"])])
    );
    assert_eq!(ranges(&hits[0]), [(0, 14), (105, 119)]);
    for query in ["еще", "ещё"] {
        let hits = query_json(dir.path(), &[query]);
        assert_eq!(
            shown(&hits),
            owned(&[("ru/base.md:7", "ru", &["ещё"])]),
            "{query}"
        );
    }
}

#[test]
fn issue_19_a_korean_noun_is_found_inside_longer_words() {
    let dir = languages(&["uk", "ru", "ko", "en"]);
    // `북한` inside `북한군이` and `북한의`: the noun itself is highlighted.
    let hits = query_json(dir.path(), &["북한"]);
    assert_eq!(
        shown(&hits),
        owned(&[("ko/border.md:7", "ko", &["북한", "북한"])])
    );
    assert_eq!(ranges(&hits[0]), [(0, 6), (61, 67)]);
    // A longer word is its syllable pairs, searched as a phrase.
    let hits = query_json(dir.path(), &["북한군"]);
    assert_eq!(
        shown(&hits),
        owned(&[("ko/border.md:7", "ko", &["북한군"])])
    );
    assert_eq!(ranges(&hits[0]), [(0, 9)]);
    // `text:` names the passage text of every language.
    let hits = query_json(dir.path(), &["text:정부"]);
    assert_eq!(shown(&hits), owned(&[("ko/border.md:7", "ko", &["정부"])]));
}

#[test]
fn issue_19_a_language_filter_keeps_its_own() {
    let dir = languages(&["uk", "ru", "ko", "en"]);
    let hits = query_json(dir.path(), &["--lang", "uk", "офіцер"]);
    assert_eq!(files(&hits), ["report.md", "strike.md"]);
    search(dir.path())
        .args(["--index", "index", "query", "--lang", "ru", "офіцер"])
        .assert()
        .code(1);
}

/// `search query --json QUERY` for each query over `dir/index`, as one text with the
/// indexed folder written `{DIR}` and article ids `{ID}`.
fn english_output(dir: &Path, folder: &Path, queries: &[&str]) -> String {
    let mut out = String::new();
    for query in queries {
        let stdout = testenv::quiet_stdout(dir, &["query", "--json", "--", query]);
        out.push_str(&String::from_utf8(stdout).unwrap());
    }
    let folder = folder.canonicalize().unwrap();
    let out = out.replace(folder.to_str().unwrap(), "{DIR}");
    let mut redacted = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(at) = rest.find("\"article_id\":\"") {
        let start = at + "\"article_id\":\"".len();
        redacted.push_str(&rest[..start]);
        redacted.push_str("{ID}");
        rest = &rest[start + 16..];
    }
    redacted.push_str(rest);
    redacted
}

#[test]
fn issue_19_english_results_are_byte_for_byte_what_they_were() {
    let dir = languages(&["en"]);
    let queries = [
        "officer",
        "officers depot",
        "\"fuel depot\"",
        "missiles",
        "report",
    ];
    let expected =
        std::fs::read_to_string(repo().join("tests/fixtures/languages/en-before.jsonl")).unwrap();
    assert_eq!(
        english_output(dir.path(), &dir.path().join("en"), &queries),
        expected
    );
}

#[test]
fn an_article_in_no_language_is_searched_beside_english_ones() {
    // Figures alone give the detector nothing to read: the article has no language,
    // and its passage is indexed in the field of other languages, which the query must
    // still search though no passage names a language of that field.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("a");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("figures.txt"), "2024 — 1500 — 38 — 7,400\n").unwrap();
    std::fs::write(folder.join("oil.txt"), "Oil prices fell to 1500 dollars.\n").unwrap();
    search(dir.path())
        .args(["--index", "index", "index", "--quiet", "a"])
        .assert()
        .code(0);
    let hits = query_json(dir.path(), &["1500"]);
    // Each field scores with its own statistics: which comes first is not the point.
    let mut found: Vec<(String, Value)> = hits
        .iter()
        .map(|hit| (file_name(hit), hit["lang"].clone()))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        found,
        [
            ("figures.txt".to_owned(), Value::Null),
            ("oil.txt".to_owned(), Value::from("en"))
        ]
    );
}
