//! `search query` end to end: the ranking rules on articles written for them
//! (`fixtures/ranking/`), exact highlight ranges, the JSON shape, every error and exit
//! code, and the seed corpus (filters and facets: `filters_cli.rs`). Each test indexes
//! its own copy into a temp folder and reads the output through a pipe (so without colour).

use std::fs;
use std::path::Path;

mod queryenv;
mod testenv;

use predicates::prelude::*;
use queryenv::*;
use serde_json::Value;
use testenv::search;

// ---------------------------------------------------------------------------------------
// Ranking

#[test]
fn proximity_beats_repetition() {
    let dir = ranking();
    // The premise: on `corridor` alone the letter that repeats it six times is stronger.
    assert_eq!(
        files(&query_json(dir.path(), &["corridor"])),
        ["corridor-column.md", "grain-talks.md"]
    );
    // With all three words, the passage holding them side by side wins over the one
    // repeating `corridor` with `grain` and `talks` sentences away.
    let hits = query_json(dir.path(), &["grain corridor talks"]);
    assert_eq!(located(&hits), ["grain-talks.md:7", "corridor-column.md:7"]);
    assert_eq!(marked(&hits[0]), ["Grain corridor talks"]);
    // The same through separate arguments and through -F.
    assert_eq!(
        located(&query_json(dir.path(), &["grain", "corridor", "talks"])),
        ["grain-talks.md:7", "corridor-column.md:7"]
    );
    assert_eq!(
        located(&query_json(dir.path(), &["-F", "grain corridor talks"])),
        ["grain-talks.md:7", "corridor-column.md:7"]
    );
}

#[test]
fn a_title_holding_the_word_ranks_first() {
    let dir = ranking();
    // Both passages hold `drought` once; the one in `drought-title.md` is a word longer,
    // so on its own passage text it would rank second. Its headline puts it first.
    assert_eq!(
        files(&query_json(dir.path(), &["drought"])),
        ["drought-title.md", "dry-summer.md"]
    );
    assert_eq!(
        files(&query_json(dir.path(), &["title:drought"])),
        ["drought-title.md"]
    );
}

#[test]
fn a_title_clause_scores_every_passage_of_the_article_it_names() {
    let dir = ranking();
    // Only `flood-diary.md` has "rescue" in its headline: the required clause keeps its
    // four passages alone, each scored by the headline, and the one that also holds
    // "hospital" comes first; the others follow in their order.
    let hits = query_json(
        dir.path(),
        &["+title:rescue hospital", "--per-article", "0"],
    );
    assert_eq!(
        located(&hits),
        [
            "flood-diary.md:9",
            "flood-diary.md:7",
            "flood-diary.md:11",
            "flood-diary.md:13"
        ]
    );
    assert_eq!(marked(&hits[0]), ["hospital"]);
    // A group that only excludes matches nothing, as it does without a title clause;
    // a query that only excludes is an error either way.
    assert_eq!(
        located(&query_json(dir.path(), &["grain (-title:drought -maize)"])),
        located(&query_json(dir.path(), &["grain (-drought -maize)"]))
    );
    search(dir.path())
        .args(["--index", "index", "query", "-title:drought -maize"])
        .assert()
        .code(2)
        .stderr("search: the query only excludes — give words or an entity to search for\n");
    // A headline phrase matches as a phrase, on the headline alone.
    assert_eq!(
        files(&query_json(dir.path(), &["title:\"rescue volunteers\""])),
        ["flood-diary.md"]
    );
    search(dir.path())
        .args(["--index", "index", "query", "title:\"volunteers rescue\""])
        .assert()
        .code(1)
        .stdout("")
        .stderr("no passage matches \"title:\\\"volunteers rescue\\\"\"\n");
}

#[test]
fn a_quoted_phrase_matches_only_the_exact_phrase() {
    let dir = ranking();
    let phrase = query_json(dir.path(), &["\"black sea\""]);
    assert_eq!(located(&phrase), ["black-sea.md:7"]);
    assert_eq!(marked(&phrase[0]), ["Black Sea"]);
    // Bare words match either word anywhere; the phrase still comes first.
    let words = query_json(dir.path(), &["black sea"]);
    assert_eq!(
        located(&words),
        ["black-sea.md:7", "black-smoke.md:7", "flood-diary.md:13"]
    );
    assert_eq!(marked(&words[1]), ["Black", "sea"]);
    assert_eq!(marked(&words[2]), ["sea"]);
}

/// Found by the `query` fuzz target: excluding a phrase tripped a debug assertion in
/// tantivy's phrase scorer (see `[profile.dev.package.tantivy]` in Cargo.toml).
#[test]
fn a_phrase_can_be_excluded() {
    let dir = seed_corpus();
    // 000 writes "Putinʼs" with U+02BC, an apostrophe like `'` and `’` (issue 13).
    let all = query_json(dir.path(), &["Putin"]);
    assert_eq!(
        located(&all),
        [
            "003_4f4d7faab0ac3298.txt:5",
            "002_9d46a3e7a5576322.txt:1",
            "004_114ba9fd5ded81ee.txt:3",
            "000_0a409a6b35c5c979.txt:20"
        ]
    );
    // 003's title says "North Korean officers", and a title counts in every passage.
    for query in [
        "Putin -\"North Korean officers\"",
        "Putin -\"North Korean officers\"~2",
    ] {
        let hits = query_json(dir.path(), &[query]);
        assert_eq!(
            located(&hits),
            [
                "002_9d46a3e7a5576322.txt:1",
                "004_114ba9fd5ded81ee.txt:3",
                "000_0a409a6b35c5c979.txt:20"
            ],
            "{query}"
        );
    }
}

#[test]
fn per_article_and_limit_shape_the_page() {
    let dir = ranking();
    // flood-diary.md has three passages on the flood (flood, floods, flooded).
    assert_eq!(
        located(&query_json(dir.path(), &["flood"])),
        ["flood-diary.md:11", "flood-brief.md:7"]
    );
    assert_eq!(
        located(&query_json(dir.path(), &["flood", "--per-article", "0"])),
        [
            "flood-diary.md:11",
            "flood-diary.md:7",
            "flood-diary.md:9",
            "flood-brief.md:7"
        ]
    );
    assert_eq!(
        located(&query_json(dir.path(), &["flood", "--per-article", "2"])),
        ["flood-diary.md:11", "flood-diary.md:7", "flood-brief.md:7"]
    );
    assert_eq!(
        located(&query_json(
            dir.path(),
            &["flood", "--per-article", "0", "--limit", "2"]
        )),
        ["flood-diary.md:11", "flood-diary.md:7"]
    );
    let one = query_text(dir.path(), &["flood", "-n", "1"]);
    assert!(one.contains("ranking/flood-diary.md:11\n"), "{one}");
    assert!(!one.contains("flood-brief.md"), "{one}");
    assert!(one.ends_with("\n1 of 4 matching passages shown\n"), "{one}");
}

// ---------------------------------------------------------------------------------------
// Highlights

#[test]
fn stemmed_words_highlight_every_form() {
    let dir = ranking();
    let hits = query_json(dir.path(), &["officer"]);
    assert_eq!(located(&hits), ["harbour-police.md:7"]);
    assert_eq!(
        hits[0]["snippet"],
        "Two police officers now patrol the quay at night, and a third officer checks the cargo manifests before lorries leave, the port authority said."
    );
    assert_eq!(ranges(&hits[0]), [(11, 19), (62, 69)]);
    assert_eq!(marked(&hits[0]), ["officers", "officer"]);
}

#[test]
fn phrases_highlight_only_where_they_match() {
    let dir = ranking();
    let phrase = query_json(dir.path(), &["\"north korean\""]);
    assert_eq!(located(&phrase), ["troops.md:7"]);
    let snippet = phrase[0]["snippet"].as_str().unwrap();
    assert_eq!(
        &snippet[72..78],
        "Korean",
        "the lone Korean is in the snippet"
    );
    assert_eq!(ranges(&phrase[0]), [(0, 12)]);
    assert_eq!(marked(&phrase[0]), ["North Korean"]);
    // As bare words, the lone Korean lights up too.
    let words = query_json(dir.path(), &["north korean"]);
    assert_eq!(ranges(&words[0]), [(0, 12), (72, 78)]);
}

#[test]
fn excluded_terms_are_never_highlighted() {
    let dir = ranking();
    // The passage and the article naming Pyongyang are left out.
    let hits = query_json(dir.path(), &["troops -pyongyang"]);
    assert_eq!(located(&hits), ["troops.md:7"]);
    assert_eq!(ranges(&hits[0]), [(13, 19)]);
    assert_eq!(marked(&hits[0]), ["troops"]);
    // Excluded from titles only: a passage naming Pyongyang in its text still matches,
    // and Pyongyang is not marked in it.
    let hits = query_json(
        dir.path(),
        &["troops -title:pyongyang", "--per-article", "0"],
    );
    assert_eq!(located(&hits), ["troops.md:9", "troops.md:7"]);
    assert_eq!(
        hits[0]["snippet"],
        "Officials in Pyongyang said the troops were on a training exercise and denied any role in the fighting, a claim that analysts dismissed."
    );
    assert_eq!(ranges(&hits[0]), [(32, 38)]);
    assert_eq!(marked(&hits[0]), ["troops"]);
}

#[test]
#[ignore = "`search query troops -pyongyang` is a clap error (\"unexpected argument '-p'\"): \
            the query help offers -mustnot, and the query is otherwise accepted as several arguments"]
fn an_exclusion_can_be_its_own_argument() {
    let dir = ranking();
    assert_eq!(
        located(&query_json(dir.path(), &["troops", "-pyongyang"])),
        ["troops.md:7"]
    );
}

#[test]
fn adjacent_words_merge_into_one_range() {
    let dir = ranking();
    let hits = query_json(dir.path(), &["north korean troops"]);
    assert_eq!(
        located(&hits),
        [
            "troops.md:7",
            "pyongyang-statement.md:6",
            "corridor-column.md:7"
        ]
    );
    assert_eq!(ranges(&hits[0]), [(0, 19), (72, 78)]);
    assert_eq!(marked(&hits[0]), ["North Korean troops", "Korean"]);
    // Words apart stay apart.
    let smoke = query_json(dir.path(), &["black smoke sea"]);
    assert_eq!(marked(&smoke[0]), ["Black smoke", "sea"]);
}

// ---------------------------------------------------------------------------------------
// JSON, facets

#[test]
fn json_lines_carry_every_field() {
    let dir = ranking();
    let hits = query_json(dir.path(), &["cocoa OR warning"]);
    assert_eq!(
        located(&hits),
        ["feed.jsonl:2", "feed.jsonl:1", "flood-brief.md:7"]
    );
    for (i, hit) in hits.iter().enumerate() {
        for key in [
            "rank",
            "score",
            "article_id",
            "source_id",
            "path",
            "line",
            "title",
            "outlet",
            "date",
            "passage",
            "snippet",
            "highlights",
        ] {
            assert!(hit.get(key).is_some(), "no {key} in {hit}");
        }
        assert_eq!(hit["rank"], i + 1);
        assert!(hit["score"].as_f64().unwrap() > 0.0);
        let id = hit["article_id"].as_str().unwrap();
        assert!(
            id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit()),
            "{id}"
        );
        assert!(Path::new(hit["path"].as_str().unwrap()).is_absolute());
    }
    assert!(hits[0]["score"].as_f64() > hits[2]["score"].as_f64());
    assert_ne!(hits[0]["article_id"], hits[1]["article_id"]);

    assert_eq!(hits[0]["source_id"], "cc-102");
    assert_eq!(hits[0]["title"], "Cocoa exporters raise prices");
    assert_eq!(hits[0]["outlet"], "Wire Service");
    assert_eq!(hits[0]["date"], "2024-10-04");
    assert_eq!(hits[1]["source_id"], "cc-101");
    assert_eq!(hits[1]["line"], 1);

    let brief = &hits[2];
    assert_eq!(brief["source_id"], Value::Null);
    assert_eq!(brief["title"], "Warnings lifted in the western valleys");
    assert_eq!(brief["outlet"], "Kyiv Ledger");
    assert_eq!(brief["date"], "2024-10-15");
    assert_eq!(brief["line"], 7);
    let passage = brief["passage"].as_str().unwrap();
    assert!(passage.starts_with("Forecasters said on Tuesday evening that the flood warning"));
    assert_eq!(brief["snippet"], passage, "a short passage is shown whole");
    assert_eq!(marked(brief), ["warning"]);

    // An undated article has a null date in JSON, `undated` in text.
    let undated = query_json(dir.path(), &["spokesman"]);
    assert_eq!(undated[0]["date"], Value::Null);
    assert!(
        query_text(dir.path(), &["spokesman"]).starts_with(
            "1. Eastern Monitor · undated · Pyongyang denies sending soldiers abroad\n"
        )
    );
}

// ---------------------------------------------------------------------------------------
// Exit codes and errors

#[test]
fn no_match_exits_1_and_says_so() {
    let dir = ranking();
    for args in [&["zebra"][..], &["zebra", "--json"], &["zebra", "--facets"]] {
        search(dir.path())
            .args(["--index", "index", "query"])
            .args(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr("no passage matches \"zebra\"\n");
    }
    // Words that exist, filtered away.
    search(dir.path())
        .args(["--index", "index", "query", "flood", "--since", "2025"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "no passage matches \"flood\"\n\
             the dates left out every match: 2 matching articles are dated outside the range \
             — widen --since/--until or drop them\n",
        );
}

#[test]
fn malformed_queries_exit_2_with_one_line() {
    let dir = ranking();
    let advice = " — fix it, or use -F/--plain to search for the words as they are";
    query_fails(
        dir.path(),
        &["\"unclosed"],
        &format!("bad query at column 10: missing delimiter \", here: \"unclosed⟨here⟩{advice}"),
    );
    query_fails(
        dir.path(),
        &["AND AND"],
        &format!(
            "bad query at column 8: Found unexpected boolean operator before term, here: AND AND⟨here⟩{advice}"
        ),
    );
    query_fails(
        dir.path(),
        &["title:"],
        &format!("bad query at column 7: expected word, here: title:⟨here⟩{advice}"),
    );
    query_fails(
        dir.path(),
        &["title:drought AND"],
        &format!(
            "bad query at column 18: cannot read the query, here: title:drought AND⟨here⟩{advice}"
        ),
    );
}

#[test]
fn issue_18_deep_nesting_is_a_bad_query_not_an_abort() {
    // 10,000 nested groups overflowed tantivy's recursive grammar: abort, exit 134.
    let dir = ranking();
    let advice = "remove some, or use -F/--plain to search for the words as they are";
    let closed = format!("{}oil{}", "(".repeat(10_000), ")".repeat(10_000));
    query_fails(
        dir.path(),
        &[&closed],
        &format!(
            "bad query: parentheses and NOTs nest 10000 deep, over the limit of 32 — {advice}"
        ),
    );
    let unclosed = format!("{}oil", "(".repeat(5_000));
    query_fails(
        dir.path(),
        &[&unclosed],
        &format!("bad query: parentheses and NOTs nest 5000 deep, over the limit of 32 — {advice}"),
    );
    let nots = format!("{}oil", "NOT ".repeat(999));
    query_fails(
        dir.path(),
        &[&nots],
        &format!("bad query: parentheses and NOTs nest 999 deep, over the limit of 32 — {advice}"),
    );
    // Within the limit, a group nested 32 deep is an ordinary query.
    let fits = format!("{}flood{}", "(".repeat(32), ")".repeat(32));
    assert!(!query_json(dir.path(), &[&fits]).is_empty());
}

#[test]
fn issue_18_a_query_of_too_many_words_says_the_limit_and_what_to_do() {
    // 150,000 words as -F took 1.57 GB.
    let dir = ranking();
    let message = "the query has more than 1000 words, the most a query may have — keep the words that matter, or check a long passage with `search quote`, which compares its first words";
    let mut args = vec!["-F"];
    args.extend(std::iter::repeat_n("x", 150_000));
    query_fails(dir.path(), &args, message);
    let words = vec!["flood"; 1_001].join(" ");
    query_fails(dir.path(), &[&words], message);
    query_fails(dir.path(), &["-F", &words], message);
    // A thousand words are a query.
    let words = vec!["flood"; 1_000].join(" ");
    assert!(!query_json(dir.path(), &["-F", &words]).is_empty());
}

#[test]
fn issue_18_a_long_query_is_refused_and_a_long_bad_one_shown_around_the_spot() {
    let dir = ranking();
    // 96 KB of query was echoed whole in the error.
    let long = format!("{}\"unclosed", "a".repeat(96_000));
    query_fails(
        dir.path(),
        &[&long],
        "the query is 96009 characters long, over the limit of 20000 — shorten it, or check a long passage with `search quote`",
    );
    // Under the limit, the error shows 40 characters on each side of the spot.
    let long = format!("{}\"unclosed (", "floods ".repeat(900));
    query_fails(
        dir.path(),
        &[&long],
        "bad query at column 6312: missing delimiter \", here: … floods floods floods floods \"unclosed (⟨here⟩ — fix it, or use -F/--plain to search for the words as they are",
    );
}

#[test]
fn issue_18_a_query_that_only_excludes_says_what_to_add() {
    // `NOT oil` said tantivy's "Invalid query: Only excluding terms given".
    let dir = ranking();
    let message = "the query only excludes — give words or an entity to search for";
    for query in [
        "NOT flood",
        "-flood",
        "-flood -drought",
        "(-flood)",
        "-entity:Pyongyang",
    ] {
        query_fails(dir.path(), &["--", query], message);
    }
}

#[test]
fn issue_18_capitalised_words_that_are_not_documented_operators_are_words() {
    // `IN` was read as tantivy's set operator (`field: IN [a b]`), `TO` as a range's.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("articles")).unwrap();
    fs::write(
        dir.path().join("articles/shoes.txt"),
        "Shoes made in USA\n\nThe factory says its shoes are made in USA from leather.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("articles/harbour.txt"),
        "Harbour\n\nA ship sailed to the harbour and back.\n",
    )
    .unwrap();
    search(dir.path())
        .args(["--index", "index", "index", "--quiet", "articles"])
        .assert()
        .code(0);
    let hits = query_json(dir.path(), &["MADE IN USA"]);
    assert_eq!(files(&hits), ["shoes.txt"]);
    assert_eq!(marked(&hits[0]), ["made", "USA"]);
    let hits = query_json(dir.path(), &["IN"]);
    assert_eq!(files(&hits), ["shoes.txt"]);
    assert_eq!(marked(&hits[0]), ["in"]);
    let hits = query_json(dir.path(), &["TO"]);
    assert_eq!(files(&hits), ["harbour.txt"]);
    assert_eq!(marked(&hits[0]), ["to"]);
    // Ranges and sets are not the query language: their brackets are punctuation.
    let hits = query_json(dir.path(), &["title:[harbour TO ship]"]);
    assert_eq!(files(&hits), ["harbour.txt"]);
    let hits = query_json(dir.path(), &["text: IN [leather]"]);
    assert_eq!(files(&hits), ["shoes.txt"]);
    // The documented operators stay operators.
    let hits = query_json(dir.path(), &["harbour OR (made AND NOT leather)"]);
    assert_eq!(files(&hits), ["harbour.txt"]);
}

#[test]
fn syntax_errors_show_no_escapes() {
    let dir = ranking();
    search(dir.path())
        .args(["--index", "index", "query", "\"unclosed"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\\").not());
}

#[test]
fn unknown_fields_and_empty_queries_are_errors() {
    let dir = ranking();
    let fields =
        "queries can name title:, text:, outlet: or entity:; use --since/--until for dates";
    query_fails(
        dir.path(),
        &["path:x"],
        &format!("unknown field `path:` — {fields}"),
    );
    query_fails(
        dir.path(),
        &["flood AND date:2024"],
        &format!("unknown field `date:` — {fields}"),
    );
    query_fails(
        dir.path(),
        &["flood OR source:x"],
        &format!("unknown field `source:` — {fields}"),
    );
    for empty in ["", "   "] {
        query_fails(
            dir.path(),
            &[empty],
            "the query is empty — give words to search for",
        );
    }
    query_fails(
        dir.path(),
        &["-F", "(( ))"],
        "the query has no words to search for",
    );
}

#[test]
fn bad_dates_are_errors() {
    // Dates are read by the command line parser, which names the flag and the value.
    let dir = ranking();
    for (flag, value) in [("--since", "notadate"), ("--until", "2024-13")] {
        search(dir.path())
            .args(["--index", "index", "query", "flood", flag, value])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "error: invalid value '{value}' for '{flag} <DATE>': not a date: \"{value}\" (try 2024-10-08, 2024-10 or \"8 Oct 2024\")\n\nFor more information, try '--help'.\n"
            ));
    }
}

#[test]
fn no_index_tells_how_to_build_one() {
    let dir = tempfile::tempdir().unwrap();
    search(dir.path())
        .args(["query", "flood"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("search: no index at index — run `search index corpus/` first (or point --index / SEARCH_INDEX at one)\n");
    assert!(
        !dir.path().join("index").exists(),
        "a query creates nothing"
    );
    search(dir.path())
        .args(["query", "flood"])
        .env("SEARCH_INDEX", "elsewhere")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "search: no index at elsewhere — ",
        ));
}

#[test]
fn plain_queries_read_syntax_as_words() {
    let dir = ranking();
    let pasted = "1/2000 at the quay \"abnormal (night.";
    // The premise: as a query it is broken syntax.
    search(dir.path())
        .args(["--index", "index", "query", pasted])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("search: bad query at column "));
    for flag in ["-F", "--plain"] {
        let hits = query_json(dir.path(), &[flag, pasted]);
        assert!(!hits.is_empty());
        for hit in &hits {
            for word in marked(hit) {
                assert!(
                    ["quay", "night"].contains(&word.to_lowercase().as_str()),
                    "{word} in {hit}"
                );
            }
        }
    }
    // Operators are words too.
    let hits = query_json(dir.path(), &["-F", "AND AND"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|hit| marked(hit) == ["and"]), "{hits:?}");
    // And a pasted quote that is not in the corpus is simply not found.
    search(dir.path())
        .args(["--index", "index", "query", "-F", "\"zebra (quagga"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn colour_only_when_asked() {
    let dir = ranking();
    let piped = search(dir.path())
        .args(["--index", "index", "query", "officer"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let piped = String::from_utf8(piped).unwrap();
    assert!(!piped.contains('\x1b'), "{piped:?}");
    assert!(
        piped.contains("Two police [officers] now patrol"),
        "{piped}"
    );
    let coloured = search(dir.path())
        .args(["--index", "index", "--color", "always", "query", "officer"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let coloured = String::from_utf8(coloured).unwrap();
    assert!(
        coloured.contains("Two police \x1b[1;31mofficers\x1b[0m now patrol"),
        "{coloured:?}"
    );
}

// ---------------------------------------------------------------------------------------
// The seed corpus

#[test]
fn seed_corpus_puts_the_officers_killed_near_donetsk_first() {
    let dir = seed_corpus();
    let hits = query_json(dir.path(), &["North Korean officers Donetsk"]);
    // Conflict Watcher's report of the six officers killed near Donetsk, then Babel's
    // account of the same deaths.
    assert_eq!(
        located(&hits[..2]),
        ["003_4f4d7faab0ac3298.txt:4", "000_0a409a6b35c5c979.txt:8"]
    );
    assert!(
        hits[0]["passage"]
            .as_str()
            .unwrap()
            .contains("near Donetsk were six officers from North Korea")
    );
    assert_eq!(
        marked(&hits[0]),
        ["Donetsk", "officers", "North", "North Korean"]
    );
    assert!(
        hits[1]["passage"]
            .as_str()
            .unwrap()
            .contains("the death of several North Korean officers near occupied Donetsk.")
    );
    assert_eq!(marked(&hits[1]), ["North Korean officers", "Donetsk"]);

    // Each text result names its source as path:line, relative to where it was run.
    let text = query_text(dir.path(), &["North Korean officers Donetsk"]);
    let results: Vec<&str> = text.split("\n\n").collect();
    let (summary, results) = results.split_last().unwrap();
    assert_eq!(
        *summary,
        format!("{} of 45 matching passages shown\n", hits.len())
    );
    assert_eq!(results.len(), hits.len());
    for (result, hit) in results.iter().zip(&hits) {
        let location = result.lines().nth(1).unwrap();
        assert_eq!(
            location,
            format!("   corpus/{}:{}", file_name(hit), hit["line"])
        );
    }
}

#[test]
fn seed_corpus_snippets_prefer_the_sentence_with_more_query_words() {
    let dir = seed_corpus();
    let hits = query_json(dir.path(), &["North Korean officers Donetsk"]);
    let independent = hits
        .iter()
        .find(|hit| file_name(hit) == "004_114ba9fd5ded81ee.txt")
        .unwrap();
    assert!(
        marked(independent).contains(&"North Korean officers".to_owned()),
        "{}",
        independent["snippet"]
    );
}

// ---------------------------------------------------------------------------------------
// Snapshots of the text rendering

#[test]
fn snapshot_seed_corpus_query() {
    let dir = seed_corpus();
    // Through a pipe, without --color: matches are [bracketed].
    let output = search(dir.path())
        .args([
            "--index",
            "index",
            "query",
            "North Korean officers Donetsk",
            "--limit",
            "3",
        ])
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!(String::from_utf8(output).unwrap());
}

#[test]
fn snapshot_fixture_query_with_facets() {
    let dir = ranking();
    insta::assert_snapshot!(query_text(dir.path(), &["flood", "--facets"]));
}

#[test]
fn match_all_lists_passages_only() {
    let dir = seed_corpus();
    let hits = query_json(dir.path(), &["*", "--per-article", "0", "--limit", "1000"]);
    assert_eq!(
        hits.len(),
        56,
        "every passage of the seed corpus, and no article or file record"
    );
    assert!(
        hits.iter()
            .all(|hit| !hit["passage"].as_str().unwrap().is_empty())
    );
    let dated = query_json(
        dir.path(),
        &["*", "--since", "2024-10-08", "--limit", "1000"],
    );
    assert_eq!(
        dated.len(),
        3,
        "one best passage for each of the three dated articles"
    );
}

#[test]
fn stopwords_among_other_words_neither_score_nor_highlight() {
    let dir = ranking();
    for args in [&["the quay at night"][..], &["-F", "the quay at night"]] {
        let hits = query_json(dir.path(), args);
        assert_eq!(files(&hits), ["harbour-police.md"], "{args:?}");
        assert_eq!(marked(&hits[0]), ["quay", "night"], "{args:?}");
    }
    // A phrase keeps its stopwords: they must stand where the phrase has them.
    let hits = query_json(dir.path(), &["\"the quay at night\""]);
    assert_eq!(marked(&hits[0]), ["the quay at night"]);
    // A query of stopwords alone still searches for them.
    let hits = query_json(dir.path(), &["-F", "at the"]);
    assert!(!hits.is_empty());
    assert!(
        marked(&hits[0])
            .iter()
            .any(|m| m.eq_ignore_ascii_case("the"))
    );
}

// ---------------------------------------------------------------------------------------
// Apostrophes (issue 15)

/// Three short articles writing possessives and names with each kind of apostrophe.
fn apostrophes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    fs::create_dir(&news).unwrap();
    for (name, text) in [
        (
            "straight.txt",
            "Moody's cut the rating of the bank after Mr O'Neill resigned on Friday.",
        ),
        (
            "curly.txt",
            "Analysts at Moody’s said the downgrade of the country’s debt was expected.",
        ),
        (
            "modifier.txt",
            "Reports said Moodyʼs would review the ratings again in the spring.",
        ),
        (
            "plain.txt",
            "Lewis Moody captained the side in the rugby match on Saturday afternoon.",
        ),
    ] {
        fs::write(news.join(name), text).unwrap();
    }
    search(dir.path())
        .args(["--index", "index", "index", "-q", "news"])
        .assert()
        .code(0);
    dir
}

#[test]
fn issue_15_apostrophes_search_as_words() {
    let dir = apostrophes();
    // Straight, curly and modifier apostrophes alike; the possessive folds to its name.
    for query in ["Moody's", "Moody’s", "Moodyʼs"] {
        let hits = query_json(dir.path(), &[query]);
        assert_eq!(
            file_set(&hits),
            ["curly.txt", "modifier.txt", "plain.txt", "straight.txt"],
            "{query}"
        );
    }
    // The whole word is marked, never a stray `s`.
    let hits = query_json(dir.path(), &["Moody's downgrade rating"]);
    let curly = hits.iter().find(|h| file_name(h) == "curly.txt").unwrap();
    assert_eq!(marked(curly), ["Moody’s", "downgrade"]);
    let hits = query_json(dir.path(), &["-F", "Moody's rating"]);
    let straight = hits
        .iter()
        .find(|h| file_name(h) == "straight.txt")
        .unwrap();
    assert_eq!(marked(straight), ["Moody's", "rating"]);
    // A name with an apostrophe is one word.
    let hits = query_json(dir.path(), &["O'Neill"]);
    assert_eq!(files(&hits), ["straight.txt"]);
    assert_eq!(marked(&hits[0]), ["O'Neill"]);
    assert_eq!(
        files(&query_json(dir.path(), &["O’Neill"])),
        ["straight.txt"]
    );
    // A single-quoted phrase still reads as a phrase.
    let hits = query_json(dir.path(), &["'rugby match'"]);
    assert_eq!(files(&hits), ["plain.txt"]);
}

#[test]
fn issue_15_an_exclusion_needs_no_quoting() {
    let dir = seed_corpus();
    let unquoted = query_json(dir.path(), &["troops", "-Pyongyang", "-n", "20"]);
    let quoted = query_json(dir.path(), &["troops -Pyongyang", "-n", "20"]);
    assert!(!unquoted.is_empty());
    assert_eq!(located(&unquoted), located(&quoted));
}
