//! Speakers end to end: a handful of the hand-labelled quotations of
//! `tests/fixtures/speakers/labels.tsv`, their BBC articles copied from `../shared/data`
//! into a temp folder, indexed, and quoted with `search quote --json`. Skipped, with a
//! message, where that folder is absent. (The whole label set is measured by
//! `benches/speaker_eval.py`.)

mod testenv;

use std::fs;
use std::path::Path;

use serde_json::Value;

/// (label id, article, quoted words, the speaker `search quote` gives).
const CASES: &[(&str, &str, &str, Option<&str>)] = &[
    // "the International Rugby Board confirmed that he …" before "he said": an
    // organisation is never "he".
    (
        "bbc-166",
        "sport/315.txt",
        "I thought I'd burned all my bridges with England when I expressed",
        Some("Duncan Bell"),
    ),
    // "Sylvester Stallone's ex-wife Brigitte Nielsen … She said:".
    (
        "bbc-057",
        "entertainment/180.txt",
        "Bez is a difficult human being. There's something wrong with him",
        Some("Brigitte Nielsen"),
    ),
    // "The French president told reporters" just after President Bush and Jacques
];

#[test]
fn labelled_bbc_quotations_get_their_speakers() {
    let data = testenv::repo().join("../shared/data/bbc");
    if !data.is_dir() {
        eprintln!(
            "skipped: {} is absent (the shared data is not on this machine)",
            data.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (_, article, _, _) in CASES {
        let to = dir.path().join("bbc").join(article);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(data.join(article), &to).unwrap();
    }
    testenv::search(dir.path())
        .args(["--index", "index", "index", "--quiet", "bbc"])
        .assert()
        .code(0);
    let mut got = Vec::new();
    let mut want = Vec::new();
    for (id, article, words, speaker) in CASES {
        let output = testenv::search(dir.path())
            .args([
                "--index", "index", "quote", "--json", "-n", "0", "--", words,
            ])
            .output()
            .unwrap();
        let matches = testenv::json_lines(&testenv::succeeded(output, id));
        let found = matches
            .iter()
            .find(|m| Path::new(m["path"].as_str().unwrap()).ends_with(article))
            .unwrap_or_else(|| panic!("{id}: {words:?} did not find {article}"));
        got.push((*id, found["speaker"].clone()));
        want.push((*id, speaker.map_or(Value::Null, Value::from)));
    }
    assert_eq!(got, want);
}
