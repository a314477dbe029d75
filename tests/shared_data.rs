//! Indexing the real collections in `../shared/data` without any options. Skipped,
//! with a message, where that folder is absent.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// `../shared/data/relative`, or `$SEARCH_SHARED_DATA/relative` (a checkout elsewhere, such as
/// a worktree, names the folder so).
fn data(relative: &str) -> Option<PathBuf> {
    let shared = std::env::var_os("SEARCH_SHARED_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        PathBuf::from,
    );
    let path = shared.join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is absent (the shared data is not on this machine)",
            path.display()
        );
        None
    }
}

/// The `search` binary on the index at `index`.
fn search_at(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("search").unwrap();
    cmd.arg("--index").arg(index);
    cmd
}

fn index(paths: &[&Path]) -> (tempfile::TempDir, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    search_at(&index)
        .args(["index", "-q"])
        .args(paths)
        .assert()
        .success();
    let out = search_at(&index)
        .args(["stats", "--json"])
        .output()
        .unwrap();
    let stats = serde_json::from_slice(&out.stdout).unwrap();
    (dir, stats)
}

#[test]
fn reuters_indexes_every_record() {
    let Some(path) = data("reuters.jsonl") else {
        return;
    };
    let (_dir, stats) = index(&[&path]);
    assert_eq!(stats["articles"], 19043);
    assert_eq!(stats["outlets"][0]["outlet"], "Reuters");
    assert_eq!(stats["articles_without_date"], 1);
    assert_eq!(stats["first_date"], "1987-02-26");
    assert_eq!(stats["last_date"], "1987-10-20");
}

#[test]
fn scifact_indexes_every_abstract() {
    let Some(path) = data("scifact/corpus.jsonl") else {
        return;
    };
    let (_dir, stats) = index(&[&path]);
    assert_eq!(stats["articles"], 5183);
    assert_eq!(stats["articles_without_date"], 5183);
}

#[test]
fn scifact_relevance_holds_its_measured_figures() {
    let (Some(corpus), Some(queries), Some(qrels)) = (
        data("scifact/corpus.jsonl"),
        data("scifact/queries.jsonl"),
        data("scifact/qrels/test.tsv"),
    ) else {
        return;
    };
    let (dir, _) = index(&[&corpus]);
    let out = search_at(&dir.path().join("index"))
        .arg("eval")
        .arg("--queries")
        .arg(&queries)
        .arg("--qrels")
        .arg(&qrels)
        .arg("--json")
        .output()
        .unwrap();
    let figures: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figures["queries"], 300);
    // Locked at what this ranking measured (0.6987 / 0.9126 / 0.6646): a drop fails.
    assert!(figures["ndcg@10"].as_f64().unwrap() >= 0.698, "{figures}");
    assert!(
        figures["recall@100"].as_f64().unwrap() >= 0.912,
        "{figures}"
    );
    assert!(figures["mrr@10"].as_f64().unwrap() >= 0.664, "{figures}");
}

#[test]
fn bbc_decodes_its_latin1_file_with_a_warning() {
    let Some(path) = data("bbc") else { return };
    let dir = tempfile::tempdir().unwrap();
    search_at(&dir.path().join("index"))
        .arg("index")
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "sport/199.txt is not UTF-8: decoded as windows-1252\n",
        ))
        .stderr(predicate::str::contains("indexed 2226 articles"));
    let out = search_at(&dir.path().join("index"))
        .arg("show")
        .arg("--json")
        .arg(path.join("sport/199.txt"))
        .output()
        .unwrap();
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text: String = article["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(text.contains("a £15.8m signing"), "{text}");
}

#[test]
fn a_killed_run_leaves_the_previous_index_queryable() {
    let Some(reuters) = data("reuters.jsonl") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    search_at(&index)
        .args(["index", "-q"])
        .arg(&corpus)
        .assert()
        .success();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("search"))
        .arg("--index")
        .arg(&index)
        .args(["index", "-q"])
        .arg(&reuters)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL on unix
    child.wait().unwrap();
    let out = search_at(&index)
        .args(["stats", "--json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        stats["articles"], 5,
        "the corpus committed before the kill is all there is"
    );
    search_at(&index)
        .args(["query", "Donetsk", "--limit", "1"])
        .assert()
        .success();
    // tantivy's lock file is released by the kernel with the process: a new run proceeds.
    search_at(&index)
        .args(["index", "-q"])
        .arg(&reuters)
        .assert()
        .success();
}

/// The passage words `search query` marks for `query` over `index`, each once, sorted.
fn marked_words(index: &Path, query: &str) -> Vec<String> {
    let out = search_at(index)
        .args([
            "query",
            "--json",
            "-n",
            "0",
            "--per-article",
            "0",
            "--",
            query,
        ])
        .output()
        .unwrap();
    let mut words = Vec::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        let passage = hit["passage"].as_str().unwrap();
        for range in hit["highlights"].as_array().unwrap() {
            let (start, end) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
            words.push(passage[start as usize..end as usize].to_owned());
        }
    }
    words.sort();
    words.dedup();
    words
}

/// An index of `folder` in a temporary folder (kept while the first is), and its path.
fn indexed(folder: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    search_at(&index)
        .args(["index", "-q"])
        .arg(folder)
        .assert()
        .success();
    (dir, index)
}

#[test]
fn issue_19_the_retold_story_is_found_by_other_forms_in_each_language() {
    let Some(story) = data("multilingual/story") else {
        return;
    };
    let (_dir, index) = indexed(&story);
    assert!(marked_words(&index, "офіцер").contains(&"офіцерів".to_owned()));
    assert!(marked_words(&index, "офицер").contains(&"офицеров".to_owned()));
    // A word with its particle finds itself whole; the noun alone is marked inside it.
    let korean = marked_words(&index, "북한군이");
    assert!(korean.contains(&"북한군이".to_owned()), "{korean:?}");
    assert!(marked_words(&index, "북한").contains(&"북한".to_owned()));
}
/// The words of the `place`-th quotation («…» or “…») of a story file's body, at most
/// its first 20.
fn story_quotation(story: &std::path::Path, file: &str, place: usize) -> String {
    let text = std::fs::read_to_string(story.join(file)).unwrap();
    let body = text.splitn(3, "---").nth(2).unwrap_or(&text);
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in body.char_indices() {
        match (open, c) {
            (None, '«' | '“') => open = Some((at + c.len_utf8(), c)),
            (Some((start, '«')), '»') | (Some((start, '“')), '”') => {
                found.push(&body[start..at]);
                open = None;
            }
            _ => {}
        }
    }
    found[place - 1]
        .split_whitespace()
        .take(20)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn issue_19_the_storys_quotations_are_exact_and_their_speakers_named() {
    let Some(story) = data("multilingual/story") else {
        return;
    };
    let labels = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/quote-languages/story_speakers.tsv"),
    )
    .unwrap();
    let labels: Vec<(&str, usize, &str)> = labels
        .lines()
        .filter(|line| !line.starts_with('#'))
        .skip(1)
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols[0], cols[1].parse().unwrap(), cols[2])
        })
        .collect();
    let (_dir, index) = indexed(&story);
    let quotes: String = labels
        .iter()
        .map(|(file, place, _)| {
            let file = file.strip_prefix("story/").unwrap();
            story_quotation(&story, file, *place) + "\n"
        })
        .collect();
    let output = search_at(&index)
        .args(["quote", "--file", "-", "--format", "json"])
        .write_stdin(quotes)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rows: Vec<serde_json::Value> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(rows.len(), labels.len());
    for row in &rows {
        assert_eq!(row["verdict"], "exact", "{}", row["quote"]);
    }
    // Right for 28 of 33, never wrong; the five without a speaker are the known misses
    // of docs/benchmarks.md (no speech verb, a name the reader cannot tell at a
    // sentence's start, a title and an acronym, a title not given to the speaker
    // before, an outlet behind "the outlet").
    let missing = [
        "Кім Йон Хьон",
        "Міністерство закордонних справ КНДР",
        "Путин",
        "Ким Чен Ын",
        "키이우포스트",
    ];
    let mut misses = Vec::new();
    for ((_, _, label), row) in labels.iter().zip(&rows) {
        match row["speaker"].as_str() {
            Some(said) => assert_eq!(said, *label, "{}", row["quote"]),
            None => misses.push(*label),
        }
    }
    assert_eq!(misses, missing);
}
