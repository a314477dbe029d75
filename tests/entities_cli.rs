//! `search entities`, `--entity`, `entity:`, entity facets and entities in `show` and
//! JSON results, on the five seed articles in `corpus/`.

mod testenv;

use std::path::Path;

use serde_json::Value;
use testenv::search;

/// A temporary folder holding a copy of `corpus/` and its index.
fn corpus(extra: &[&str]) -> tempfile::TempDir {
    testenv::indexed_copy("corpus", extra)
}

fn json_lines(dir: &Path, args: &[&str]) -> Vec<Value> {
    let output = search(dir)
        .args(["--index", "index"])
        .args(args)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    testenv::json_lines(&output)
}

fn file_names(hits: &[Value]) -> Vec<String> {
    let mut names: Vec<String> = hits
        .iter()
        .filter(|hit| hit.get("path").is_some())
        .map(|hit| {
            Path::new(hit["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The two people `--facets` counts most among the articles matching "casualties".
fn top_people_of_casualties(dir: &Path) -> Vec<(String, u64)> {
    let lines = json_lines(dir, &["query", "casualties", "--facets", "--json"]);
    lines.last().unwrap()["facets"]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "person")
        .take(2)
        .map(|e| {
            let name = e["name"].as_str().unwrap().to_owned();
            (name, e["articles"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn the_seed_corpus_lists_each_person_once() {
    let dir = corpus(&[]);
    let people = json_lines(dir.path(), &["entities", "--type", "person", "--json"]);
    let names: Vec<(&str, u64)> = people
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["articles"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("Kim Jong Un", 4),
            ("Kim Yong-hyun", 4),
            ("Vladimir Putin", 3),
            ("Shin Won-sik", 2),
            ("Andriy Kovalenko", 1),
            ("Antony Blinken", 1),
            ("Kyrylo Budanov", 1),
            ("Pat Ryder", 1),
        ]
    );
    // Two spellings, one person; the other spelling is an alias.
    assert_eq!(people[0]["aliases"], serde_json::json!(["Kim Jong-un"]));
    assert!(people.iter().all(|p| p["type"] == "person"));
}

#[test]
fn places_merge_their_aliases() {
    let dir = corpus(&[]);
    let places = json_lines(
        dir.path(),
        &["entities", "--type", "place", "--json", "--top", "0"],
    );
    // Most mentioned first, ties by name.
    let top: Vec<(&str, u64)> = places
        .iter()
        .take(5)
        .map(|p| (p["name"].as_str().unwrap(), p["articles"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        top,
        [
            ("Donetsk", 5),
            ("North Korea", 5),
            ("Russia", 5),
            ("South Korea", 5),
            ("Ukraine", 5)
        ]
    );
    let aliases: Vec<&str> = places[1]["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(aliases.contains(&"DPRK"), "{aliases:?}");
    assert!(aliases.contains(&"North Korean"), "{aliases:?}");
}

#[test]
fn the_defence_ministers_statement_is_found_in_every_article_that_reports_it() {
    let dir = corpus(&[]);
    let hits = json_lines(
        dir.path(),
        &["query", "--entity", "Kim Yong-hyun", "casualties", "--json"],
    );
    assert_eq!(
        file_names(&hits),
        [
            "000_0a409a6b35c5c979.txt",
            "001_a89f0acf1ec6b274.txt",
            "002_9d46a3e7a5576322.txt",
            "004_114ba9fd5ded81ee.txt"
        ]
    );
    // Each result carries its article's entities.
    assert!(hits.iter().all(|hit| {
        hit["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "Kim Yong-hyun" && e["type"] == "person")
    }));
    // The same through the query text, and through an alias of a place.
    let inline = json_lines(
        dir.path(),
        &["query", "entity:\"kim yong-hyun\" casualties", "--json"],
    );
    assert_eq!(file_names(&inline), file_names(&hits));
    let dprk = json_lines(
        dir.path(),
        &["query", "--entity", "DPRK", "troops", "--json"],
    );
    let north_korea = json_lines(
        dir.path(),
        &["query", "--entity", "North Korea", "troops", "--json"],
    );
    assert_eq!(file_names(&dprk), file_names(&north_korea));
    assert!(!dprk.is_empty());
}

#[test]
fn several_entities_must_all_be_mentioned() {
    let dir = corpus(&[]);
    let hits = json_lines(
        dir.path(),
        &[
            "query",
            "--entity",
            "Pat Ryder",
            "--entity",
            "Kim Jong Un",
            "troops",
            "--json",
        ],
    );
    assert_eq!(file_names(&hits), ["003_4f4d7faab0ac3298.txt"]);
    // A lone surname finds the person whose name it is.
    let budanov = json_lines(
        dir.path(),
        &["query", "--entity", "Budanov", "troops", "--json"],
    );
    assert_eq!(file_names(&budanov), ["004_114ba9fd5ded81ee.txt"]);
}

#[test]
fn entity_clauses_that_cannot_be_filters_are_errors() {
    let dir = corpus(&[]);
    search(dir.path())
        .args(["--index", "index", "query", "entity:Putin OR troops"])
        .assert()
        .code(2)
        .stderr(
            "search: entity: cannot be OR-ed with other clauses (it filters whole articles) — drop the OR, or use --entity NAME\n",
        );
    search(dir.path())
        .args([
            "--index",
            "index",
            "query",
            "--entity",
            "Nobody Known",
            "troops",
        ])
        .assert()
        .code(1);
}

#[test]
fn facets_and_show_list_entities() {
    let dir = corpus(&[]);
    assert_eq!(
        top_people_of_casualties(dir.path()),
        [
            ("Kim Yong-hyun".to_owned(), 4),
            ("Kim Jong Un".to_owned(), 3)
        ]
    );
    let shown = json_lines(
        dir.path(),
        &["show", "corpus/003_4f4d7faab0ac3298.txt", "--json"],
    );
    let people: Vec<&str> = shown[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "person")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        people,
        ["Kim Jong Un", "Pat Ryder", "Shin Won-sik", "Vladimir Putin"]
    );
}

#[test]
fn without_extraction_there_are_no_entities() {
    let dir = corpus(&["--no-entities"]);
    search(dir.path())
        .args(["--index", "index", "entities"])
        .assert()
        .code(1)
        .stderr(
            "search: no entities in the index — index with entity extraction on (without --no-entities)\n",
        );
    // Turning extraction back on re-reads every file.
    search(dir.path())
        .args(["--index", "index", "index", "--quiet", "corpus"])
        .assert()
        .code(0);
    let people = json_lines(dir.path(), &["entities", "--type", "person", "--json"]);
    assert_eq!(people.len(), 8);
}

#[test]
fn facets_name_an_entity_by_its_most_common_spelling() {
    // Only 004 mentions Blinken, and it spells "Kim Jong-un"; three articles spell
    // "Kim Jong Un", which `search entities` shows too.
    let dir = corpus(&[]);
    let lines = json_lines(dir.path(), &["query", "Blinken", "--facets", "--json"]);
    let facets = &lines.last().unwrap()["facets"];
    assert_eq!(facets["articles"], 1);
    let people: Vec<&str> = facets["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "person")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        people,
        [
            "Antony Blinken",
            "Kim Jong Un",
            "Kim Yong-hyun",
            "Kyrylo Budanov",
            "Vladimir Putin"
        ]
    );
}

#[test]
fn a_re_indexed_article_is_counted_once() {
    let dir = corpus(&[]);
    let before = json_lines(dir.path(), &["entities", "--json"]);
    // Editing an article replaces its documents; the old ones stay in the segment,
    // deleted, until a merge, and must not count.
    let article = dir.path().join("corpus/003_4f4d7faab0ac3298.txt");
    let mut text = std::fs::read_to_string(&article).unwrap();
    text.push_str("\nEnd of report.\n");
    std::fs::write(&article, text).unwrap();
    search(dir.path())
        .args(["--index", "index", "index", "--quiet", "corpus"])
        .assert()
        .code(0);
    assert_eq!(json_lines(dir.path(), &["entities", "--json"]), before);
    assert_eq!(
        top_people_of_casualties(dir.path()),
        [
            ("Kim Yong-hyun".to_owned(), 4),
            ("Kim Jong Un".to_owned(), 3)
        ]
    );
}

/// Articles naming the rating agency, a rugby player called Moody and Theresa May, each
/// kind of apostrophe once, indexed into `index/`.
fn news_names() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    for (name, text) in [
        (
            "straight.txt",
            "Moody's Investors Service cut the rating of the bank on Friday.",
        ),
        (
            "curly.txt",
            "Analysts at Moody’s said the downgrade of the debt was expected.",
        ),
        (
            "modifier.txt",
            "Reports said Moodyʼs would review the ratings again in the spring.",
        ),
        (
            "rugby.txt",
            "Lewis Moody captained the side in the rugby match on Saturday afternoon.",
        ),
        (
            "may.txt",
            "Theresa May said on Monday that the talks would go on until May.",
        ),
    ] {
        std::fs::write(news.join(name), text).unwrap();
    }
    search(dir.path())
        .args(["--index", "index", "index", "-q", "news"])
        .assert()
        .code(0);
    dir
}

#[test]
fn issue_15_the_agency_and_the_player_named_moody_stay_apart() {
    let dir = news_names();
    let listed: Vec<(String, String, u64)> = json_lines(dir.path(), &["entities", "--json"])
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_owned(),
                e["name"].as_str().unwrap().to_owned(),
                e["articles"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("person", "Lewis Moody", 1),
        ("person", "Theresa May", 1),
        ("org", "Moody's", 3),
    ]
    .map(|(kind, name, n)| (kind.to_owned(), name.to_owned(), n));
    assert_eq!(listed, expected);
    for name in ["Moody's", "Moody’s", "Moody's Investors Service"] {
        let hits = json_lines(
            dir.path(),
            &[
                "query",
                "--entity",
                name,
                "--json",
                "rating OR ratings OR downgrade",
            ],
        );
        assert_eq!(
            file_names(&hits),
            ["curly.txt", "modifier.txt", "straight.txt"],
            "{name}"
        );
    }
    let hits = json_lines(
        dir.path(),
        &["query", "--entity", "Lewis Moody", "--json", "rugby"],
    );
    assert_eq!(file_names(&hits), ["rugby.txt"]);
    let hits = json_lines(
        dir.path(),
        &["query", "--entity", "Theresa May", "--json", "talks"],
    );
    assert_eq!(file_names(&hits), ["may.txt"]);
}
