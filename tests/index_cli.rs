//! `search index`, `search stats` and `search show` end to end: every format, every
//! bad input, incremental re-runs and the errors, on the seed corpus and on fixtures.

use std::fs;
use std::path::Path;

mod testenv;

use predicates::prelude::*;
use serde_json::Value;
use testenv::{copy_tree, repo, search};

fn json(output: &[u8]) -> Value {
    serde_json::from_slice(output).unwrap()
}

fn stats(dir: &Path, index: &str) -> Value {
    json(
        &search(dir)
            .args(["--index", index, "stats", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
}

fn show(dir: &Path, index: &str, target: &str) -> Value {
    json(
        &search(dir)
            .args(["--index", index, "show", "--json", target])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
}

/// A temp folder holding a copy of the seed corpus as `corpus/`.
fn seed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("corpus"), &dir.path().join("corpus"));
    dir
}

#[test]
fn seed_corpus_indexes_with_its_folder_metadata() {
    let dir = seed_corpus();
    search(dir.path())
        .args(["index", "corpus"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "indexed 5 articles (56 passages) from 5 files in ",
        ))
        .stderr(predicate::str::ends_with(" s; 0 unchanged, 0 removed\n"));
    let stats = stats(dir.path(), "index");
    assert_eq!(stats["articles"], 5);
    assert_eq!(stats["passages"], 56);
    assert_eq!(stats["first_date"], "2024-10-08");
    assert_eq!(stats["articles_without_date"], 2);
    let outlets: Vec<&str> = stats["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(
        outlets,
        [
            "Babel (English edition)",
            "Conflict Watcher",
            "HuffPost UK",
            "Online.ua",
            "The Independent"
        ]
    );

    let babel = show(dir.path(), "index", "corpus/000_0a409a6b35c5c979.txt");
    let meta = &babel["meta"];
    assert_eq!(
        meta["title"]["value"],
        "South Korea believe that military personnel from the DPRK could have died in the war in Ukraine"
    );
    assert_eq!(meta["title"]["origin"], "text");
    assert_eq!(meta["author"]["value"], "Liza Brovko");
    assert_eq!(meta["outlet"]["origin"], "folder-defaults");
    assert_eq!(
        meta["date"],
        Value::Null,
        "the copy seen carries no date: none may be invented"
    );
    let lines: Vec<u64> = babel["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [6, 8, 12, 14, 16, 20, 22, 24, 26]);
    let second = babel["passages"][1]["text"].as_str().unwrap();
    assert!(
        second.starts_with(
            "This was reported by the AFP agency.\n\nKim Yong-hyun made such a statement"
        ),
        "{second}"
    );

    // The crawler's leading " date 2024-10-08" is read, and the sentence after it kept.
    let online = show(dir.path(), "index", "corpus/001_a89f0acf1ec6b274.txt");
    assert_eq!(online["meta"]["title"], Value::Null);
    assert!(
        online["passages"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("The Democratic People's Republic of Korea may send")
    );
    // No headline line: the first sentence is not taken for a title.
    let huffpost = show(dir.path(), "index", "corpus/002_9d46a3e7a5576322.txt");
    assert_eq!(huffpost["meta"]["title"], Value::Null);
    assert_eq!(huffpost["passages"][0]["line"], 1);
    let independent = show(dir.path(), "index", "corpus/004_114ba9fd5ded81ee.txt");
    assert_eq!(independent["meta"]["author"]["value"], "Shweta Sharma");
    assert_eq!(independent["meta"]["author"]["origin"], "folder-defaults");
}

#[test]
fn reruns_read_only_what_changed() {
    let dir = seed_corpus();
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0)
        .stderr("");
    let meta_before = fs::read(dir.path().join("index/meta.json")).unwrap();

    search(dir.path())
        .args(["index", "corpus"])
        .assert()
        .code(0)
        .stderr(
            predicate::str::contains("indexed 0 articles (0 passages) from 0 files in ")
                .and(predicate::str::ends_with("; 5 unchanged, 0 removed\n")),
        );
    assert_eq!(
        fs::read(dir.path().join("index/meta.json")).unwrap(),
        meta_before,
        "an unchanged corpus rewrites nothing"
    );

    let corpus = dir.path().join("corpus");
    let changed = corpus.join("003_4f4d7faab0ac3298.txt");
    let mut text = fs::read_to_string(&changed).unwrap();
    text.push_str("\nA paragraph added later by the editors, long enough to be a passage of its own in the index.\n");
    fs::write(&changed, text).unwrap();
    fs::remove_file(corpus.join("002_9d46a3e7a5576322.txt")).unwrap();
    search(dir.path())
        .args(["index", "corpus"])
        .assert()
        .code(0)
        .stderr(
            predicate::str::contains("indexed 1 articles (")
                .and(predicate::str::contains("from 1 files in ")),
        )
        .stderr(predicate::str::ends_with("; 3 unchanged, 1 removed\n"));
    let after = stats(dir.path(), "index");
    assert_eq!(after["articles"], 4);
    assert_eq!(after["files"], 4);
    let conflict = show(dir.path(), "index", "corpus/003_4f4d7faab0ac3298.txt");
    let last = conflict["passages"].as_array().unwrap().last().unwrap();
    assert!(
        last["text"]
            .as_str()
            .unwrap()
            .ends_with("a passage of its own in the index.")
    );

    // The same id survives re-indexing; --rebuild gives the same counts.
    let id = conflict["article_id"].as_str().unwrap().to_owned();
    search(dir.path())
        .args(["index", "-q", "--rebuild", "corpus"])
        .assert()
        .code(0);
    assert_eq!(show(dir.path(), "index", &id)["article_id"], id.as_str());
    assert_eq!(stats(dir.path(), "index")["passages"], after["passages"]);
}

#[test]
fn changing_folder_defaults_reindexes_the_files_they_cover() {
    let dir = seed_corpus();
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0);
    let defaults = dir.path().join("corpus/search.toml");
    let text = fs::read_to_string(&defaults)
        .unwrap()
        .replace("\"Conflict Watcher\"", "\"Conflict Watcher Daily\"");
    fs::write(&defaults, text).unwrap();
    search(dir.path())
        .args(["index", "corpus"])
        .assert()
        .stderr(
            predicate::str::contains("from 1 files in ")
                .and(predicate::str::contains("; 4 unchanged, 0 removed")),
        );
    let article = show(dir.path(), "index", "corpus/003_4f4d7faab0ac3298.txt");
    assert_eq!(article["meta"]["outlet"]["value"], "Conflict Watcher Daily");
}

/// A copy of the format fixtures plus the bad inputs no one would commit.
fn formats_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let formats = dir.path().join("formats");
    copy_tree(&repo().join("tests/fixtures/formats"), &formats);
    fs::copy(
        repo().join("tests/fixtures/html/article.html"),
        formats.join("article.html"),
    )
    .unwrap();
    fs::copy(
        repo().join("tests/fixtures/html/empty.html"),
        formats.join("nav-only.html"),
    )
    .unwrap();
    fs::write(formats.join("empty.txt"), "").unwrap();
    fs::write(formats.join("binary.txt"), b"abc\0def").unwrap();
    fs::write(formats.join("report.pdf.txt"), b"%PDF-1.7\n1 0 obj").unwrap();
    fs::write(
        formats.join(".hidden.txt"),
        "A hidden file that must never be indexed at all, whatever it says.",
    )
    .unwrap();
    fs::write(formats.join("notes.docx"), "not an article format").unwrap();
    dir
}

#[test]
fn every_format_is_read_and_every_bad_input_reported() {
    let dir = formats_tree();
    // One worker thread, so warnings come in file order.
    search(dir.path()).args(["index", "--threads", "1", "formats"]).assert().code(3).stdout("").stderr(predicate::str::starts_with(
        "warning: skipped formats/binary.txt: binary file, not text\n\
         warning: skipped formats/empty.txt: empty file\n\
         warning: formats/latin1.txt is not UTF-8: decoded as windows-1252\n\
         warning: skipped formats/nav-only.html: no article text found in the page\n\
         warning: skipped formats/report.pdf.txt: binary file, not text\n\
         warning: skipped formats/wire/feed.jsonl:2: not an article record: invalid JSON (expected ident at line 1 column 2)\n\
         warning: skipped formats/wire/feed.jsonl:3: not an article record: no text in any of the fields body/text/content/article/maintext/full_text\n\
         indexed 6 articles (13 passages) from 5 files in ",
    ))
    .stderr(predicate::str::ends_with(
        " s; 0 unchanged, 0 removed; 1 decoded from legacy encodings; skipped 6 (2 bad record, 2 binary, 1 empty, 1 no article text)\n",
    ));

    let stats = stats(dir.path(), "index");
    assert_eq!(stats["articles"], 6);
    assert_eq!(stats["last_run"]["skipped_by_kind"]["binary"], 2);
    assert_eq!(
        stats["last_run"]["skipped"][0]["reason"],
        "binary file, not text"
    );

    let front = show(dir.path(), "index", "formats/front.md");
    for (key, value) in [
        ("title", "Ministry confirms grain corridor talks"),
        ("outlet", "Kyiv Ledger"),
        ("date", "2024-10-08"),
        ("author", "Olena Marchenko"),
        ("url", "https://example.org/grain-talks"),
        // The declared `en-GB`, reduced to its primary subtag.
        ("lang", "en"),
    ] {
        assert_eq!(front["meta"][key]["value"], value, "{key}");
        assert_eq!(front["meta"][key]["origin"], "front-matter", "{key}");
    }
    let lines: Vec<u64> = front["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(
        lines,
        [12, 14],
        "the short aside on line 14 is merged into the paragraph after it"
    );

    let scraped = show(dir.path(), "index", "formats/scraped.txt");
    assert_eq!(
        scraped["meta"]["date"]["value"], "2024-09",
        "a month stays a month"
    );
    assert_eq!(
        scraped["meta"]["title"]["value"],
        "Ferry operators warn of winter fuel shortage"
    );
    assert_eq!(scraped["meta"]["author"]["value"], "Tomas Lindqvist");
    assert_eq!(scraped["meta"]["date"]["origin"], "text");

    let latin1 = show(dir.path(), "index", "formats/latin1.txt");
    assert_eq!(
        latin1["meta"]["title"]["value"],
        "Café owners in Münster protest rent rises"
    );
    assert!(
        latin1["passages"][0]["text"]
            .as_str()
            .unwrap()
            .contains("£300 a month")
    );

    let html = show(dir.path(), "index", "formats/article.html");
    assert_eq!(html["meta"]["outlet"]["value"], "The Coastal Ledger");
    assert_eq!(html["meta"]["date"]["value"], "2024-10-08");
    assert_eq!(html["meta"]["outlet"]["origin"], "meta-tag");

    let wire = show(dir.path(), "index", "formats/wire/feed.jsonl:1");
    assert_eq!(wire["source_id"], "w-1");
    assert_eq!(
        wire["meta"]["outlet"]["value"], "Wire Service",
        "the record's own field beats folder defaults"
    );
    assert_eq!(wire["meta"]["date"]["value"], "1987-02-26");
    assert_eq!(wire["meta"]["lang"]["origin"], "folder-defaults");
    let undated = show(dir.path(), "index", "formats/wire/feed.jsonl:4");
    assert_eq!(undated["source_id"], "43");
    assert_eq!(undated["meta"]["outlet"]["value"], "Wire Service Archive");
    assert_eq!(undated["meta"]["date"], Value::Null);
    search(dir.path())
        .args(["show", "formats/wire/feed.jsonl"])
        .assert()
        .code(1)
        .stderr("search: formats/wire/feed.jsonl holds 2 articles — add the line of the one you want, e.g. formats/wire/feed.jsonl:1\n");

    // Skipped files are looked at again on every run, so they are reported again.
    search(dir.path())
        .args(["index", "formats"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "warning: skipped formats/binary.txt: binary file, not text\n",
        ))
        .stderr(predicate::str::contains("; 5 unchanged, 0 removed"));
}

#[test]
fn issue_18_a_line_out_of_range_is_an_error_naming_the_articles_lines() {
    // `show FILE:999999` and `FILE:0` printed the article with no mark and exit 0.
    let dir = formats_tree();
    search(dir.path())
        .args(["index", "-q", "formats"])
        .assert()
        .code(3);
    let fails = |target: &str, message: &str| {
        search(dir.path())
            .args(["show", target])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("search: {message}\n"));
    };
    let html_lines = fs::read_to_string(dir.path().join("formats/article.html"))
        .unwrap()
        .lines()
        .count();
    for line in ["0", "999999"] {
        fails(
            &format!("formats/front.md:{line}"),
            &format!(
                "line {line} of formats/front.md is out of range: the article spans lines 1–16 — give a line in that range, or none"
            ),
        );
        fails(
            &format!("formats/article.html:{line}"),
            &format!(
                "line {line} of formats/article.html is out of range: the article spans lines 1–{html_lines} — give a line in that range, or none"
            ),
        );
        fails(
            &format!("formats/wire/feed.jsonl:{line}"),
            &format!(
                "line {line} of formats/wire/feed.jsonl is out of range: its articles are on lines 1–4 — give the line of the one you want"
            ),
        );
    }
    // The last line is in range; a line between two records is not an article.
    let last = show(dir.path(), "index", "formats/front.md:16");
    assert!(last["marked"].is_number(), "{last}");
    search(dir.path())
        .args(["show", "formats/wire/feed.jsonl:2"])
        .assert()
        .code(1)
        .stderr("search: no article of formats/wire/feed.jsonl is on line 2\n");
}

#[test]
fn issue_18_threads_the_memory_budget_cannot_feed_are_refused_saying_what_to_change() {
    // tantivy said "memory arena … at least 15000000" for 18 threads of 256 MB.
    let dir = seed_corpus();
    let refused = |args: &[&str], message: &str| {
        search(dir.path())
            .arg("index")
            .args(args)
            .arg("corpus")
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("search: {message}\n"));
        assert!(!dir.path().join("index").exists(), "nothing is written");
    };
    // Issue 17: --memory is the whole run's; tantivy gets what the run does not hold
    // itself (`workers::reserve_mb`).
    refused(
        &["--threads", "18"],
        "18 indexing threads need a memory budget of at least 874 MB (16 MB each, beside the 586 MB the run holds itself), and --memory is 256 — give --memory 874 or more, or --threads 4 or fewer",
    );
    refused(
        &["--memory", "32", "--threads", "3"],
        "3 indexing threads need a memory budget of at least 184 MB (16 MB each, beside the 136 MB the run holds itself), and --memory is 32 — give --memory 184 or more",
    );
    refused(
        &["--memory", "32"],
        "1 indexing thread needs a memory budget of at least 92 MB (16 MB each, beside the 76 MB the run holds itself), and --memory is 32 — give --memory 92 or more",
    );
    // What the messages suggest works; so does the smallest budget with default threads.
    for args in [
        &["--threads", "18", "--memory", "874"][..],
        &["--threads", "4"],
        &["--memory", "92"],
    ] {
        search(dir.path())
            .args(["index", "--rebuild", "-q"])
            .args(args)
            .arg("corpus")
            .assert()
            .code(0)
            .stderr("");
        assert_eq!(stats(dir.path(), "index")["articles"], 5, "{args:?}");
    }
}

#[test]
fn missing_paths_are_an_error_and_leave_the_index_alone() {
    let dir = seed_corpus();
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0);
    search(dir.path())
        .args(["index", "corpus", "no-such-folder"])
        .assert()
        .code(2)
        .stderr("search: no-such-folder does not exist: give a folder or file of articles, e.g. `search index corpus/`\n");
    assert_eq!(stats(dir.path(), "index")["articles"], 5);
}

/// A path that is not UTF-8 is named with `\xNN` for its odd bytes, not mangled.
#[cfg(unix)]
#[test]
fn a_missing_path_that_is_not_utf8_is_named_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    search(dir.path())
        .arg("index")
        .arg(std::ffi::OsStr::from_bytes(b"caf\xe9\x1b[31m"))
        .assert()
        .code(2)
        .stderr("search: caf\\xE9\\u{1b}[31m does not exist: give a folder or file of articles, e.g. `search index corpus/`\n");
}

/// `search show` takes a file name that is not UTF-8 as it is.
#[cfg(unix)]
#[test]
fn an_article_whose_file_name_is_not_utf8_can_be_shown() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::create_dir(dir.path().join("notes")).unwrap();
    fs::write(
        dir.path().join("notes").join(name),
        "Cafe owners protest\n\nThe owners of three cafes protested on Monday.\n",
    )
    .unwrap();
    search(dir.path())
        .args(["index", "-q", "notes"])
        .assert()
        .code(0);
    let shown = search(dir.path())
        .args(["show", "--json"])
        .arg(std::path::Path::new("notes").join(name))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let article: serde_json::Value = serde_json::from_slice(&shown).unwrap();
    assert_eq!(article["meta"]["title"]["value"], "Cafe owners protest");
    assert!(
        article["path"]
            .as_str()
            .unwrap()
            .ends_with("/notes/caf\\xE9.txt"),
        "{}",
        article["path"]
    );
    search(dir.path())
        .arg("show")
        .arg(std::ffi::OsStr::from_bytes(b"notes/caf\xe8.txt:3"))
        .assert()
        .code(1)
        .stderr("search: no article with id notes/caf\\xE8.txt:3 and no file notes/caf\\xE8.txt — give an article id or the path of an indexed file\n");
}

#[test]
fn a_folder_that_is_not_an_index_is_never_touched() {
    let dir = seed_corpus();
    fs::create_dir(dir.path().join("photos")).unwrap();
    fs::write(dir.path().join("photos/holiday.jpg"), "jpeg").unwrap();
    for args in [
        &["index", "corpus"][..],
        &["index", "--rebuild", "corpus"],
        &["stats"],
    ] {
        search(dir.path()).args(["--index", "photos"]).args(args).assert().code(2).stderr(
            "search: photos is not a search index: it holds holiday.jpg, which search did not write — give --index an empty or new folder (search never deletes files it did not write)\n",
        );
    }
    assert_eq!(fs::read_dir(dir.path().join("photos")).unwrap().count(), 1);
}

#[test]
fn no_index_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["stats", "show"] {
        let mut cmd = search(dir.path());
        cmd.arg(command);
        if command == "show" {
            cmd.arg("abc");
        }
        cmd.assert().code(2).stderr(
            "search: no index at index — run `search index corpus/` first (or point --index / SEARCH_INDEX at one)\n",
        );
    }
}

#[test]
fn the_index_folder_comes_from_the_flag_or_the_environment() {
    let dir = seed_corpus();
    search(dir.path())
        .env("SEARCH_INDEX", "elsewhere")
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0);
    assert!(dir.path().join("elsewhere/meta.json").is_file());
    assert!(!dir.path().join("index").exists());
    search(dir.path())
        .env("SEARCH_INDEX", "elsewhere")
        .args(["stats"])
        .assert()
        .code(0);
    search(dir.path())
        .args(["--index", "elsewhere", "stats"])
        .assert()
        .code(0);
}

#[test]
fn a_second_writer_is_turned_away() {
    let dir = seed_corpus();
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0);
    let handle = search::index::open(&dir.path().join("index")).unwrap();
    let writer: tantivy::IndexWriter = handle.index.writer(50_000_000).unwrap();
    search(dir.path()).args(["index", "corpus"]).assert().code(2).stderr(
        "search: the index at index is being updated by another process — wait for that `search index` to finish and run this again\n",
    );
    // Readers are not blocked by the writer.
    assert_eq!(stats(dir.path(), "index")["articles"], 5);
    drop(writer);
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0);
}

#[test]
fn an_index_of_another_format_version_asks_for_a_rebuild() {
    let dir = seed_corpus();
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0);
    fs::write(
        dir.path().join("index/search-index.json"),
        r#"{"tool": "search", "format": 0}"#,
    )
    .unwrap();
    let expected = format!(
        "search: the index at index has format version 0, this search reads version {} — run `search index --rebuild` to build it again\n",
        search::index::FORMAT_VERSION
    );
    search(dir.path())
        .args(["stats"])
        .assert()
        .code(2)
        .stderr(expected.clone());
    search(dir.path())
        .args(["index", "corpus"])
        .assert()
        .code(2)
        .stderr(expected);
    search(dir.path())
        .args(["index", "-q", "--rebuild", "corpus"])
        .assert()
        .code(0);
    assert_eq!(stats(dir.path(), "index")["articles"], 5);
}

#[test]
fn a_record_whose_headline_and_body_start_with_control_characters_is_found_by_its_words() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("odd.jsonl"),
        "{\"id\": \"odd-1\", \"title\": \"\\u0000Brent crude headline\", \"body\": \
         \"\\u0000\\uffff\\u0000Oil prices fell sharply in London.\"}\n",
    )
    .unwrap();
    search(dir.path())
        .args(["index", "-q", "odd.jsonl"])
        .assert()
        .success();
    for query in ["oil prices", "title:brent"] {
        let out = search(dir.path())
            .args(["query", "--json", "--", query])
            .output()
            .unwrap();
        let hits: Vec<Value> = out
            .stdout
            .split(|&b| b == b'\n')
            .filter(|line| !line.is_empty())
            .map(json)
            .collect();
        assert_eq!(
            hits.len(),
            1,
            "{query}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
