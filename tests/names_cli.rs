//! Names across scripts (issue 19, part 4), end to end on `fixtures/names/`: one event
//! told in English, Ukrainian, Russian and Korean. A person the gazetteer knows is one
//! entity under its English name whatever the script and case the article writes
//! (`search entities` lists the other spellings the articles hold), and
//! `--entity "Kim Jong Un"` finds the article in every language.

mod testenv;

use std::path::Path;

use serde_json::Value;
use testenv::{copy_tree, repo};

/// The folders of `tests/fixtures/names`, one per language.
const FOLDERS: [&str; 4] = ["en", "ko", "ru", "uk"];

/// A temp folder holding the articles of `tests/fixtures/names` and their index.
fn names() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in FOLDERS {
        copy_tree(
            &repo().join("tests/fixtures/names").join(folder),
            &dir.path().join(folder),
        );
    }
    let mut args = vec!["index", "--quiet"];
    args.extend(FOLDERS);
    testenv::quiet_stdout(dir.path(), &args);
    dir
}

/// `search --index index ARGS…` in `dir`, each line of its output as JSON.
fn json_lines(dir: &Path, args: &[&str]) -> Vec<Value> {
    testenv::json_lines(&testenv::quiet_stdout(dir, args))
}

/// Each listed entity as `(name, articles, aliases)`.
fn listed(lines: &[Value]) -> Vec<(String, u64, Vec<String>)> {
    lines
        .iter()
        .map(|e| {
            let aliases = e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_owned())
                .collect();
            (
                e["name"].as_str().unwrap().to_owned(),
                e["articles"].as_u64().unwrap(),
                aliases,
            )
        })
        .collect()
}

fn owned(rows: &[(&str, u64, &[&str])]) -> Vec<(String, u64, Vec<String>)> {
    rows.iter()
        .map(|(name, n, aliases)| {
            (
                (*name).to_owned(),
                *n,
                aliases.iter().map(|a| (*a).to_owned()).collect(),
            )
        })
        .collect()
}

/// The folders (languages) of the articles a query finds.
fn folders(hits: &[Value]) -> Vec<String> {
    let mut folders: Vec<String> = hits
        .iter()
        .filter_map(|hit| hit.get("path"))
        .map(|path| {
            let path = Path::new(path.as_str().unwrap());
            path.parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    folders.sort();
    folders.dedup();
    folders
}

#[test]
fn people_are_listed_under_their_english_name_with_the_spellings_the_articles_hold() {
    let dir = names();
    let people = json_lines(dir.path(), &["entities", "--type", "person", "--json"]);
    assert_eq!(listed(&people), owned(PEOPLE));
}

#[test]
fn places_in_every_script_are_one_place() {
    let dir = names();
    let places = json_lines(dir.path(), &["entities", "--type", "place", "--json"]);
    assert_eq!(listed(&places), owned(PLACES));
}

#[test]
fn an_english_name_finds_the_articles_of_every_script() {
    let dir = names();
    for name in ["Kim Jong Un", "Кім Чен Ин", "Ким Чен Ын", "김정은"] {
        let hits = json_lines(
            dir.path(),
            &[
                "query",
                "treaty договір договор 조약",
                "--entity",
                name,
                "--json",
            ],
        );
        assert_eq!(folders(&hits), FOLDERS, "--entity {name}");
    }
    // A person only the Ukrainian article names.
    let hits = json_lines(
        dir.path(),
        &[
            "query",
            "договір договор",
            "--entity",
            "Kyrylo Budanov",
            "--json",
        ],
    );
    assert_eq!(folders(&hits), ["uk"]);
}

#[test]
fn an_article_shows_its_entities_under_their_english_names() {
    let dir = names();
    let hits = json_lines(
        dir.path(),
        &["query", "평양", "--lang", "ko", "--json", "-n", "1"],
    );
    let entities: Vec<(String, String)> = hits[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_owned(),
                e["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = KOREAN
        .iter()
        .map(|(t, n)| ((*t).to_owned(), (*n).to_owned()))
        .collect();
    assert_eq!(entities, expected);
}

/// `search entities --type person` on the four articles: the Ukrainian, Russian and
/// Korean spellings under the English name, inflected forms found by their stems
/// ("Кирила Буданова" holds "Кирило Буданов"); an unlisted Ukrainian name as written.
const PEOPLE: &[(&str, u64, &[&str])] = &[
    ("Kim Jong Un", 4, &["Ким Чен Ын", "Кім Чен Ин", "김정은"]),
    (
        "Vladimir Putin",
        4,
        &[
            "Владимир Путин",
            "Володимир Путін",
            "Путин",
            "Путін",
            "블라디미르 푸틴",
            "푸틴",
        ],
    ),
    ("Kyrylo Budanov", 1, &["Буданов", "Кирило Буданов"]),
    ("Остап Гнатюк", 1, &[]),
];

/// `search entities --type place`: "у Пхеньяні", "в Пхеньяне" and "평양에서" are
/// Pyongyang.
const PLACES: &[(&str, u64, &[&str])] = &[
    ("Pyongyang", 4, &["P'yongyang", "Пхеньян", "평양"]),
    ("North Korea", 2, &["КНДР"]),
    ("Moscow", 1, &["Москва"]),
    ("Ukraine", 1, &["Україна"]),
];

/// The Korean article's entities: "김정은은", "블라디미르 푸틴", "평양에서".
const KOREAN: &[(&str, &str)] = &[
    ("person", "Kim Jong Un"),
    ("person", "Vladimir Putin"),
    ("place", "Pyongyang"),
];
