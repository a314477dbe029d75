//! `search query` filters and facets end to end: `--outlet`, `--since`/`--until`,
//! `outlet:` and `entity:` in the query, and the counts of `--facets`, on the ranking
//! fixture. Each test indexes its own copy into a temp folder.

mod queryenv;
mod testenv;

use std::fs;

use queryenv::*;
use serde_json::json;
use testenv::search;

// ---------------------------------------------------------------------------------------
// Filters

#[test]
fn outlet_filters_are_case_insensitive_and_repeatable() {
    let dir = ranking();
    assert_eq!(
        file_set(&query_json(
            dir.path(),
            &["said", "--outlet", "harbour gazette", "-n", "50"]
        )),
        ["black-sea.md", "corridor-column.md", "harbour-police.md"]
    );
    assert_eq!(
        file_set(&query_json(
            dir.path(),
            &[
                "said",
                "--outlet",
                "kyiv ledger",
                "--outlet",
                "COASTAL COURIER",
                "-n",
                "50"
            ]
        )),
        [
            "black-smoke.md",
            "flood-brief.md",
            "flood-diary.md",
            "grain-talks.md"
        ]
    );
    // An outlet is matched whole, not by one of its words.
    search(dir.path())
        .args(["--index", "index", "query", "said", "--outlet", "kyiv"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "no passage matches \"said\"\n\
             no article is from an outlet named \"kyiv\" — nearest outlets: Kyiv Ledger, \
             Farm Weekly, Wire Service, Coastal Courier, Eastern Monitor (give --outlet one of them)\n",
        );
}

#[test]
fn date_filters_give_exact_result_sets() {
    let dir = ranking();
    let dated = |args: &[&str]| {
        let mut all = vec!["said", "-n", "50"];
        all.extend_from_slice(args);
        file_set(&query_json(dir.path(), &all))
    };
    // Unfiltered, `said` is in all 13 articles; the undated pyongyang-statement.md
    // never passes a date filter.
    assert_eq!(dated(&[]).len(), 13);
    assert!(dated(&[]).contains(&"pyongyang-statement.md".to_owned()));
    assert!(!dated(&["--since", "2000"]).contains(&"pyongyang-statement.md".to_owned()));
    assert_eq!(
        dated(&["--since", "2024-10"]),
        [
            "black-sea.md",
            "dry-summer.md",
            "feed.jsonl",
            "feed.jsonl",
            "flood-brief.md",
            "grain-talks.md",
            "harbour-police.md",
            "troops.md"
        ]
    );
    assert_eq!(
        dated(&["--until", "2024-09-30"]),
        [
            "black-smoke.md",
            "corridor-column.md",
            "drought-title.md",
            "flood-diary.md"
        ]
    );
    assert_eq!(
        dated(&["--since", "2024-09-20", "--until", "2024-10-01"]),
        // black-smoke.md is dated only `2024-09`, which overlaps the range.
        [
            "black-smoke.md",
            "corridor-column.md",
            "drought-title.md",
            "dry-summer.md"
        ]
    );
    assert_eq!(
        dated(&["--since", "1 Oct 2024", "--outlet", "Farm Weekly"]),
        ["dry-summer.md"]
    );
    assert_eq!(dated(&["--until", "2024-08"]), ["flood-diary.md"]);
}

#[test]
fn filters_choose_passages_without_changing_their_scores() {
    // A filter used to add a point to a passage's score, except in a segment it
    // covered whole, so ranks moved with how the index happened to be built.
    let dir = seed_corpus();
    let scores = |args: &[&str]| -> Vec<(String, String)> {
        query_json(dir.path(), args)
            .iter()
            .map(|hit| (hit["article_id"].to_string(), hit["score"].to_string()))
            .collect()
    };
    let all = scores(&["military alliance", "-n", "20"]);
    for filters in [
        &["--since", "2024-10", "--until", "2024-10-08"][..],
        &["--outlet", "HuffPost UK", "--outlet", "The Independent"],
        &["--entity", "Kim Yong-hyun"],
    ] {
        let mut args = vec!["military alliance", "-n", "20"];
        args.extend_from_slice(filters);
        let kept = scores(&args);
        assert!(!kept.is_empty(), "{filters:?}");
        assert!(kept.len() < all.len(), "{filters:?} filters nothing out");
        for hit in &kept {
            assert!(
                all.contains(hit),
                "{filters:?} changed the score of {hit:?}"
            );
        }
    }
}

#[test]
fn a_month_date_counts_for_every_day_of_its_month() {
    // black-smoke.md is dated `2024-09`, a month: any filter overlapping September keeps it.
    let dir = ranking();
    let smoke = |args: &[&str]| {
        search(dir.path())
            .args(["--index", "index", "query", "--json", "smoke"])
            .args(args)
            .assert()
            .get_output()
            .status
            .code()
    };
    assert_eq!(smoke(&[]), Some(0));
    assert_eq!(smoke(&["--since", "2024-09"]), Some(0));
    assert_eq!(smoke(&["--since", "2024-09-01"]), Some(0));
    assert_eq!(smoke(&["--until", "2024-09-14"]), Some(0));
    assert_eq!(smoke(&["--until", "2024-09"]), Some(0));
    assert_eq!(smoke(&["--until", "2024-08-31"]), Some(1));
    assert_eq!(smoke(&["--since", "2024-10"]), Some(1));
    assert_eq!(smoke(&["--since", "2024-09-30"]), Some(0));
    assert_eq!(
        smoke(&["--since", "2024-09-15", "--until", "2024-09-20"]),
        Some(0)
    );
    let hit = &query_json(dir.path(), &["smoke"])[0];
    assert_eq!(hit["date"], "2024-09", "the month is shown as a month");
}

#[test]
fn a_month_date_overlapping_since_is_kept() {
    let dir = ranking();
    assert_eq!(
        files(&query_json(dir.path(), &["smoke", "--since", "2024-09-15"])),
        ["black-smoke.md"]
    );
}

#[test]
fn far_away_years_are_valid_filters_and_dates() {
    let dir = ranking();
    for args in [["--since", "1000"], ["--until", "2999"]] {
        let hits = query_json(dir.path(), &["said", "-n", "50", args[0], args[1]]);
        assert_eq!(hits.len(), 12, "{args:?}: every dated article");
    }
    let old = dir.path().join("old");
    fs::create_dir_all(&old).unwrap();
    fs::write(
        old.join("charter.md"),
        "---\ntitle: A charter of the town\ndate: 1600-05-01\n---\n\n\
         The charter granted the town a weekly market and the right to levy tolls on the bridge.\n",
    )
    .unwrap();
    search(dir.path())
        .args(["--index", "index", "index", "--quiet", "ranking", "old"])
        .assert()
        .code(0);
    let hits = query_json(dir.path(), &["charter", "--until", "1700"]);
    assert_eq!(located(&hits), ["charter.md:6"]);
    assert_eq!(hits[0]["date"], "1600-05-01");
}

#[test]
fn fields_can_be_named_in_the_query() {
    let dir = ranking();
    assert_eq!(
        file_set(&query_json(
            dir.path(),
            &["said AND outlet:\"Kyiv Ledger\""]
        )),
        ["flood-brief.md", "grain-talks.md"]
    );
    assert_eq!(
        file_set(&query_json(dir.path(), &["+outlet:\"farm weekly\" said"])),
        ["drought-title.md", "dry-summer.md"]
    );
    let titled = query_json(dir.path(), &["title:pyongyang"]);
    assert_eq!(located(&titled), ["pyongyang-statement.md:6"]);
    assert_eq!(
        titled[0]["title"],
        "Pyongyang denies sending soldiers abroad"
    );
    // Bare, it matches troops.md's text too, and a match in the passage outweighs one
    // in the headline alone.
    assert_eq!(
        located(&query_json(dir.path(), &["pyongyang"])),
        ["troops.md:9", "pyongyang-statement.md:6"]
    );
}

#[test]
fn outlet_in_the_query_filters_as_the_flag_does() {
    let dir = ranking();
    // Alone, it lists the outlet's passages; with words, only its passages holding them.
    assert_eq!(
        file_set(&query_json(dir.path(), &["outlet:\"Kyiv Ledger\""])),
        ["flood-brief.md", "grain-talks.md"]
    );
    assert_eq!(
        files(&query_json(dir.path(), &["outlet:\"farm weekly\" maize"])),
        ["drought-title.md"]
    );
    assert_eq!(
        files(&query_json(
            dir.path(),
            &["outlet:\"Farm Weekly\" title:drought"]
        )),
        ["drought-title.md"]
    );
    // Excluded, the outlet's articles drop out.
    assert_eq!(
        file_set(&query_json(
            dir.path(),
            &["-outlet:\"farm weekly\" corridor"]
        )),
        ["corridor-column.md", "grain-talks.md"]
    );
    search(dir.path())
        .args([
            "--index",
            "index",
            "query",
            "outlet:\"Farm Weekly\" corridor",
        ])
        .assert()
        .code(1)
        .stdout("");
    // OR-ed, it is one of the alternatives.
    assert_eq!(
        file_set(&query_json(
            dir.path(),
            &["maize OR outlet:\"kyiv ledger\""]
        )),
        ["drought-title.md", "flood-brief.md", "grain-talks.md"]
    );
}

#[test]
fn a_date_range_that_ends_before_it_starts_is_refused() {
    let dir = ranking();
    query_fails(
        dir.path(),
        &["--since", "2025", "--until", "2020", "said"],
        "--since 2025 is after --until 2020, so no article could match — swap the two dates, or drop one of them",
    );
    query_fails(
        dir.path(),
        &["--since", "2024-10-02", "--until", "2024-10-01", "said"],
        "--since 2024-10-02 is after --until 2024-10-01, so no article could match — swap the two dates, or drop one of them",
    );
    // A month and a day in it overlap.
    assert_eq!(
        located(&query_json(
            dir.path(),
            &["--since", "2024-10-04", "--until", "2024-10", "cocoa"]
        )),
        ["feed.jsonl:2"]
    );
    search(dir.path())
        .args(["--index", "index", "quote", "--since", "2025", "--until", "2020", "cocoa prices"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("search: --since 2025 is after --until 2020, so no article could match — swap the two dates, or drop one of them\n");
}

// ---------------------------------------------------------------------------------------
// Facets

#[test]
fn json_facets_come_last_as_one_object() {
    let dir = ranking();
    let lines = query_json(dir.path(), &["flood", "--facets", "--limit", "1"]);
    assert_eq!(lines.len(), 2);
    assert_eq!(located(&lines[..1]), ["flood-diary.md:11"]);
    assert_eq!(
        lines[1],
        json!({
            "facets": {
                "articles": 2,
                "outlets": [
                    {"value": "Coastal Courier", "articles": 1},
                    {"value": "Kyiv Ledger", "articles": 1}
                ],
                "no_outlet": 0,
                "langs": [{"value": "en", "articles": 2}],
                "months": [
                    {"value": "2024-08", "articles": 1},
                    {"value": "2024-10", "articles": 1}
                ],
                "undated": 0,
                "entities": [],
                "period": "month",
                "periods": [
                    {"value": "2024-08", "articles": 1},
                    {"value": "2024-10", "articles": 1}
                ]
            },
            "total_passages": 4
        })
    );
    // The diary matches in three passages but is one article, and counts once.
    // Without --facets, no such line.
    let plain = query_json(dir.path(), &["flood", "--limit", "1"]);
    assert_eq!(plain.len(), 1);
    assert!(plain[0].get("facets").is_none());
}

#[test]
fn facets_count_the_whole_match_set() {
    let dir = ranking();
    let text = query_text(dir.path(), &["said", "--facets", "--limit", "1"]);
    let facets = &text[text.find("outlets (").unwrap()..];
    assert_eq!(
        facets,
        [
            "outlets (matching articles):",
            "         3  Harbour Gazette",
            "         2  Coastal Courier",
            "         2  Eastern Monitor",
            "         2  Farm Weekly",
            "         2  Kyiv Ledger",
            "         2  Wire Service",
            "",
            "months (matching articles):",
            "         1  2024-08",
            "         3  2024-09",
            "         8  2024-10",
            "         1  (undated)",
            "",
            "places (matching articles):",
            "         2  Odesa",
            "         2  Pyongyang",
            "         1  Istanbul",
            "         1  North Korea",
            "",
            "1 of 16 matching passages shown, from 13 articles",
            "",
        ]
        .join("\n")
    );
    // The filters narrow the counts too.
    let lines = query_json(
        dir.path(),
        &["said", "--facets", "--limit", "1", "--since", "2024-10"],
    );
    let last = lines.last().unwrap();
    assert_eq!(last["total_passages"], 10);
    assert_eq!(last["facets"]["articles"], 8);
    assert_eq!(
        last["facets"]["months"],
        json!([{"value": "2024-10", "articles": 8}])
    );
}

// ---------------------------------------------------------------------------------------
// Filters that explain themselves, facets that show the unknown (`fixtures/filters/`:
// five articles on a ferry strike, two without an outlet and two without a date)

fn ferries() -> tempfile::TempDir {
    testenv::indexed_copy("tests/fixtures/filters", &["--no-entities"])
}

/// `search query ARGS…` expecting exit 1: (stdout, stderr).
fn query_empty(dir: &std::path::Path, args: &[&str]) -> (String, String) {
    let output = search(dir)
        .args(["--index", "index", "query"])
        .args(args)
        .assert()
        .code(1)
        .get_output()
        .clone();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn a_date_filter_that_empties_the_result_counts_the_undated_it_dropped() {
    let dir = ferries();
    let (stdout, stderr) = query_empty(dir.path(), &["--since", "2006", "ferry"]);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "no passage matches \"ferry\"\nthe dates left out every match: 3 matching articles are dated outside the range, 2 matching articles have no date — widen --since/--until or drop them\n"
    );
    let (stdout, _) = query_empty(dir.path(), &["--json", "--until", "2003", "tickets"]);
    assert_eq!(
        stdout,
        "{\"empty_because\":{\"filter\":\"dates\",\"undated\":1,\"outside\":0}}\n"
    );
    // A query that matches nothing anyway has nothing to explain.
    let (stdout, stderr) = query_empty(dir.path(), &["--json", "--since", "2006", "zeppelin"]);
    assert_eq!(stdout, "");
    assert_eq!(stderr, "no passage matches \"zeppelin\"\n");
}

#[test]
fn an_unknown_outlet_lists_the_nearest_that_exist() {
    let dir = ferries();
    let (stdout, stderr) = query_empty(dir.path(), &["--outlet", "Harbour", "ferry"]);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "no passage matches \"ferry\"\nno article is from an outlet named \"Harbour\" — nearest outlets: Harbour Gazette, Farm Weekly (give --outlet one of them)\n"
    );
    let (stdout, _) = query_empty(dir.path(), &["--json", "outlet:\"Farm Weakly\" ferry"]);
    assert_eq!(
        stdout,
        "{\"empty_because\":{\"filter\":\"outlet\",\"name\":\"Farm Weakly\",\"nearest\":[\"Farm Weekly\",\"Harbour Gazette\"]}}\n"
    );
}

#[test]
fn an_unknown_entity_says_so() {
    let dir = ferries();
    let (_, stderr) = query_empty(dir.path(), &["--entity", "Nobody", "ferry"]);
    assert_eq!(
        stderr,
        "no passage matches \"ferry\"\nno article mentions an entity named \"Nobody\" — the index holds no entities (index again without --no-entities)\n"
    );
}

#[test]
fn facets_count_articles_without_an_outlet_or_a_date() {
    let dir = ferries();
    let text = query_text(dir.path(), &["ferry", "--facets", "--limit", "0"]);
    let bar = |n: usize| "█".repeat(n);
    let histogram = format!(
        "coverage (matching articles per month):\n  2004-03    1  {}\n  2004-05    1  {}\n  2005-01    1  {}\n  (undated)  2  {}\n\n",
        bar(20),
        bar(20),
        bar(20),
        bar(40)
    );
    assert_eq!(
        text.strip_prefix(&histogram)
            .unwrap_or_else(|| panic!("no histogram first: {text}")),
        "1. Harbour Gazette · 2004-05 · Ferry strike ends with a new offer\n   filters/strike-may.md:7\n   The [ferry] strike ended after the operator raised its pay offer, and crossings resumed on the afternoon tide.\n\n\
         2. Harbour Gazette · 2004-03-02 · Ferry crews walk out over pay\n   filters/strike-march.md:7\n   [Ferry] crews stopped work at dawn over a pay offer the union called an insult, and the morning crossings were cancelled.\n\n\
         3. unknown outlet · undated · Notice to passengers\n   filters/notice.md:5\n   Passengers are asked to keep their [ferry] tickets until the end of the crossing.\n\n\
         4. unknown outlet · 2005-01-10 · A letter from the quay\n   filters/letter.md:6\n   A reader writes that the [ferry] has never once left on time, strike or no strike, and asks who answers for it.\n\n\
         5. Farm Weekly · undated · Growers fear for the island market\n   filters/market-ferry.md:6\n   Growers on the island said the [ferry] stoppage left crates of lettuce on the quay and buyers on the mainland without stock.\n\n\
         outlets (matching articles):\n         2  Harbour Gazette\n         1  Farm Weekly\n         2  (no outlet)\n\nmonths (matching articles):\n         1  2004-03\n         1  2004-05\n         1  2005-01\n         2  (undated)\n\n5 of 5 matching passages shown, from 5 articles\n"
    );
    // `--limit 0` shows every match: five hits, then the facets line.
    let lines = query_json(dir.path(), &["ferry", "--facets", "--limit", "0"]);
    assert_eq!(lines.len(), 6);
    let lines = &lines[5..];
    assert_eq!(lines[0]["facets"]["no_outlet"], 2);
    assert_eq!(lines[0]["facets"]["undated"], 2);
}
