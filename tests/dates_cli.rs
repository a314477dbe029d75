//! Results by date and coverage by period (issue 15): `search query --sort date`,
//! `search quote --sort date` (and its old name `--by`), `--facets day|month|year`,
//! on `fixtures/dates/` — nine articles about one ferry strike, dated to the day (on a
//! month's first day and on 1 January too), to the month (January too), to the year,
//! or not at all, with one reprint of the first report.

mod queryenv;
mod testenv;

use queryenv::*;
use serde_json::json;
use testenv::search;

fn dates() -> tempfile::TempDir {
    testenv::indexed_copy("tests/fixtures/dates", &["--no-entities"])
}

/// The files of `hits`, each with the copies grouped under it.
fn with_copies(hits: &[serde_json::Value]) -> Vec<String> {
    hits.iter()
        .filter(|hit| hit.get("facets").is_none())
        .map(|hit| {
            let copies: Vec<String> = hit["copies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|copy| {
                    copy["path"]
                        .as_str()
                        .unwrap()
                        .rsplit('/')
                        .next()
                        .unwrap()
                        .to_owned()
                })
                .collect();
            match copies.as_slice() {
                [] => file_name(hit),
                _ => format!("{} +{}", file_name(hit), copies.join(" ")),
            }
        })
        .collect()
}

#[test]
fn sort_date_puts_the_oldest_first_and_the_undated_last() {
    let dir = dates();
    // By relevance (the default), the first report is far down.
    assert_eq!(
        with_copies(&query_json(dir.path(), &["ferry", "strike"])),
        [
            "strike-talks.md",
            "notice.md",
            "review.md",
            "new-year.md",
            "fares.md",
            "letter.md",
            "first-report.md +reprint.md",
            "almanac.md",
        ]
    );
    // By date: oldest first (a year or a month at its first day), the reprint under
    // the first report, the undated last and, among them, the best first.
    let by_date = query_json(dir.path(), &["ferry", "strike", "--sort", "date"]);
    assert_eq!(
        with_copies(&by_date),
        [
            "almanac.md",
            "first-report.md +reprint.md",
            "strike-talks.md",
            "new-year.md",
            "review.md",
            "fares.md",
            "notice.md",
            "letter.md",
        ]
    );
    let dates: Vec<&str> = by_date
        .iter()
        .map(|hit| hit["date"].as_str().unwrap_or("undated"))
        .collect();
    assert_eq!(
        dates,
        [
            "2003",
            "2004-03-01",
            "2004-04",
            "2005-01-01",
            "2006-01",
            "2006-01-20",
            "undated",
            "undated"
        ]
    );
    let ranks: Vec<u64> = by_date
        .iter()
        .map(|hit| hit["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5, 6, 7, 8]);
    // `--sort relevance` is the default, said out loud.
    assert_eq!(
        query_json(dir.path(), &["ferry", "strike", "--sort", "relevance"]),
        query_json(dir.path(), &["ferry", "strike"])
    );
}

#[test]
fn sort_date_with_a_limit_shows_the_oldest_of_all_matches() {
    let dir = dates();
    // Neither of the two oldest is among the two best: -n cuts after sorting.
    assert_eq!(
        query_text(
            dir.path(),
            &["ferry", "strike", "--sort", "date", "-n", "2"]
        ),
        "1. Island Times · 2003 · The island almanac\n   dates/almanac.md:7\n   Tides, saints' days, harvest fairs, the lifeboat rota and the winter timetable of the [ferry], with a page of recipes.\n\n\
         2. Harbour Gazette · 2004-03-01 · Ferry crews walk out\n   dates/first-report.md:7\n   [Ferry] crews walked out at dawn over pay, and the morning crossings were cancelled.\n   +1 copy: Coast Wire · 2004-03-04 · dates/reprint.md:7\n\n\
         2 of 9 matching passages shown\n"
    );
    // With every copy listed, the reprint is a result of its own, in its place.
    assert_eq!(
        files(&query_json(
            dir.path(),
            &["ferry", "--sort", "date", "-n", "3", "--all-copies"]
        )),
        ["almanac.md", "first-report.md", "reprint.md"]
    );
    // Filters still choose first: the oldest Harbour Gazette article since 2005.
    assert_eq!(
        files(&query_json(
            dir.path(),
            &[
                "ferry",
                "--sort",
                "date",
                "-n",
                "1",
                "--since",
                "2005",
                "--outlet",
                "harbour gazette"
            ]
        )),
        ["fares.md"]
    );
}

#[test]
fn a_bad_sort_is_refused_with_the_orders_there_are() {
    let dir = dates();
    search(dir.path())
        .args(["--index", "index", "query", "ferry", "--sort", "oldest"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: invalid value 'oldest' for '--sort <ORDER>'\n  [possible values: relevance, date]\n\nFor more information, try '--help'.\n",
        );
}

#[test]
fn facets_count_by_day_month_or_year_each_date_at_its_own_precision() {
    let dir = dates();
    let bar = |n: usize| "█".repeat(n);
    let histogram = |period: &str, rows: &[(&str, usize, usize)]| {
        let width = rows.iter().map(|row| row.0.chars().count()).max().unwrap();
        let mut text = format!("coverage (matching articles per {period}):\n");
        for (label, n, bars) in rows {
            text.push_str(&format!("  {label:<width$}  {n}  {}\n", bar(*bars)));
        }
        text + "\n"
    };
    let starts = |args: &[&str], expected: &str| {
        let mut all = vec!["ferry", "-n", "1"];
        all.extend_from_slice(args);
        let text = query_text(dir.path(), &all);
        assert!(text.starts_with(expected), "{text}");
        text
    };
    let by_day = starts(
        &["--facets", "day"],
        &histogram(
            "day",
            &[
                ("2003", 1, 20),
                ("2004-03-01", 1, 20),
                ("2004-03-04", 1, 20),
                ("2004-04", 1, 20),
                ("2005-01-01", 1, 20),
                ("2006-01", 1, 20),
                ("2006-01-20", 1, 20),
                ("(undated)", 2, 40),
            ],
        ),
    );
    assert!(by_day.ends_with(
        "days (matching articles):\n         1  2003\n         1  2004-03-01\n         1  2004-03-04\n         1  2004-04\n         1  2005-01-01\n         1  2006-01\n         1  2006-01-20\n         2  (undated)\n\n1 of 9 matching passages shown, from 9 articles\n"
    ), "{by_day}");
    // `--facets` alone counts by month; a word after it is the query's.
    let by_month = histogram(
        "month",
        &[
            ("2003", 1, 20),
            ("2004-03", 2, 40),
            ("2004-04", 1, 20),
            ("2005-01", 1, 20),
            ("2006-01", 2, 40),
            ("(undated)", 2, 40),
        ],
    );
    starts(&["--facets"], &by_month);
    assert_eq!(
        query_text(dir.path(), &["--facets", "ferry", "-n", "1"]),
        query_text(dir.path(), &["ferry", "--facets", "month", "-n", "1"])
    );
    starts(
        &["--facets", "year"],
        &histogram(
            "year",
            &[
                // The bars are scaled to the largest year, at least one block each.
                ("2003", 1, 14),
                ("2004", 3, 40),
                ("2005", 1, 14),
                ("2006", 2, 27),
                ("(undated)", 2, 27),
            ],
        ),
    );
}

#[test]
fn json_facets_keep_their_fields_and_add_the_period() {
    let dir = dates();
    let lines = query_json(dir.path(), &["ferry", "--facets", "year", "-n", "1"]);
    assert_eq!(lines.len(), 2);
    let facets = &lines[1]["facets"];
    // `months` stays as it was: articles dated to the month or the day.
    assert_eq!(
        facets["months"],
        json!([
            {"value": "2004-03", "articles": 2},
            {"value": "2004-04", "articles": 1},
            {"value": "2005-01", "articles": 1},
            {"value": "2006-01", "articles": 2},
        ])
    );
    assert_eq!(facets["undated"], 2);
    assert_eq!(facets["period"], "year");
    assert_eq!(
        facets["periods"],
        json!([
            {"value": "2003", "articles": 1},
            {"value": "2004", "articles": 3},
            {"value": "2005", "articles": 1},
            {"value": "2006", "articles": 2},
        ])
    );
    let day = query_json(dir.path(), &["ferry", "--facets", "day", "-n", "1"]);
    assert_eq!(day[1]["facets"]["period"], "day");
    assert_eq!(
        day[1]["facets"]["periods"][1],
        json!({"value": "2004-03-01", "articles": 1})
    );
}

#[test]
fn quote_sorts_with_the_same_flag_and_keeps_by() {
    let dir = dates();
    let quote = |args: &[&str]| {
        let mut command = search(dir.path());
        command.args(["--index", "index", "quote", "--json", "the ferry strike"]);
        let output = command.args(args).output().unwrap();
        files(&testenv::json_lines(&testenv::succeeded(output, args)))
    };
    let by_date = quote(&["--sort", "date", "-n", "3"]);
    assert_eq!(by_date, ["almanac.md", "strike-talks.md", "new-year.md"]);
    assert_eq!(quote(&["--by", "date", "-n", "3"]), by_date);
    let by_similarity = quote(&["-n", "3"]);
    assert_eq!(by_similarity, ["strike-talks.md", "review.md", "notice.md"]);
    assert_eq!(quote(&["--sort", "similarity", "-n", "3"]), by_similarity);
}
