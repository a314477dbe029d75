//! Damaged and foreign indexes: a segment file cut short or deleted, a `meta.json` from
//! another program or of garbage, a missing or unreadable marker, an older format
//! version. Every command says what is wrong and how to fix it in one line, exit 2,
//! and `search index --rebuild` repairs each case.

mod testenv;

use std::fs;
use std::path::{Path, PathBuf};

use testenv::{copy_tree, indexed_copy, search};

/// Every command that reads the index, and `search index` itself.
const COMMANDS: [&[&str]; 6] = [
    &["stats"],
    &["query", "officers"],
    &["query", "--facets", "--json", "North Korean officers"],
    &[
        "quote",
        "We assess that the occurrence of casualties among North Korean officers",
    ],
    &["show", "corpus/000_0a409a6b35c5c979.txt"],
    &["index", "corpus"],
];

/// The seed corpus indexed once; each case damages a copy of it.
fn pristine() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| indexed_copy("corpus", &[])).path()
}

/// A fresh copy of the indexed seed corpus.
fn damaged_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(pristine(), dir.path());
    dir
}

/// The largest file of the index with this extension (segments are named by uuid, so
/// size picks the same one every time).
fn segment_file(dir: &Path, extension: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("index"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .collect();
    files.sort_by_key(|path| fs::metadata(path).unwrap().len());
    files.pop().unwrap()
}

/// Every command fails with exactly `message` (one line), and then `--rebuild` brings
/// the index back to the seed corpus's 5 articles and 56 passages.
fn assert_refused_then_rebuilt(dir: &Path, message: &str) {
    let expected = format!("search: {message}\n");
    for args in COMMANDS {
        search(dir)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(expected.clone());
    }
    search(dir)
        .args(["index", "-q", "--rebuild", "corpus"])
        .assert()
        .code(0)
        .stderr("");
    let output = search(dir).args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (stats["articles"].as_u64(), stats["passages"].as_u64()),
        (Some(5), Some(56))
    );
    search(dir).args(["query", "officers"]).assert().code(0);
}

fn damaged(problem: &str) -> String {
    format!(
        "the index at index is damaged: {problem} — run `search index --rebuild` to build it again"
    )
}

const EXTENSIONS: [&str; 6] = ["idx", "pos", "term", "store", "fast", "fieldnorm"];

#[test]
fn a_segment_file_cut_short_is_named() {
    for extension in EXTENSIONS {
        let dir = damaged_copy();
        let file = segment_file(dir.path(), extension);
        let size = fs::metadata(&file).unwrap().len();
        fs::OpenOptions::new()
            .write(true)
            .open(&file)
            .unwrap()
            .set_len(size / 2)
            .unwrap();
        let name = file.file_name().unwrap().to_str().unwrap();
        assert_refused_then_rebuilt(
            dir.path(),
            &damaged(&format!("segment file {name} is cut short or damaged")),
        );
    }
}

#[test]
fn a_deleted_segment_file_is_named() {
    for extension in EXTENSIONS {
        let dir = damaged_copy();
        let file = segment_file(dir.path(), extension);
        fs::remove_file(&file).unwrap();
        let name = file.file_name().unwrap().to_str().unwrap();
        assert_refused_then_rebuilt(
            dir.path(),
            &damaged(&format!("segment file {name} is missing")),
        );
    }
}

#[test]
fn a_meta_json_that_is_not_tantivys_is_named() {
    for (content, problem) in [
        (
            &br#"{"name": "my-app", "version": "1.0.0", "dependencies": {}}"#[..],
            "meta.json was written by another program (it lists no tantivy segments)",
        ),
        (
            &b"\x00\x01\x02 not json at all"[..],
            "meta.json is not valid JSON",
        ),
        (&b""[..], "meta.json is not valid JSON"),
    ] {
        let dir = damaged_copy();
        fs::write(dir.path().join("index/meta.json"), content).unwrap();
        assert_refused_then_rebuilt(dir.path(), &damaged(problem));
    }
    let dir = damaged_copy();
    fs::remove_file(dir.path().join("index/meta.json")).unwrap();
    assert_refused_then_rebuilt(dir.path(), &damaged("meta.json is missing"));
}

#[test]
fn a_missing_or_unreadable_marker_on_our_index_asks_for_a_rebuild() {
    let dir = damaged_copy();
    fs::remove_file(dir.path().join("index/search-index.json")).unwrap();
    assert_refused_then_rebuilt(
        dir.path(),
        &damaged("search-index.json, which records the format version, is missing"),
    );
    let dir = damaged_copy();
    fs::write(
        dir.path().join("index/search-index.json"),
        r#"{"tool": "sea"#,
    )
    .unwrap();
    assert_refused_then_rebuilt(
        dir.path(),
        &damaged("search-index.json, which records the format version, is unreadable"),
    );
}

#[test]
fn an_older_format_version_asks_for_a_rebuild() {
    let dir = damaged_copy();
    let older = search::index::FORMAT_VERSION - 1;
    fs::write(
        dir.path().join("index/search-index.json"),
        format!(r#"{{"tool": "search", "format": {older}}}"#),
    )
    .unwrap();
    assert_refused_then_rebuilt(
        dir.path(),
        &format!(
            "the index at index has format version {older}, this search reads version {} — run `search index --rebuild` to build it again",
            search::index::FORMAT_VERSION
        ),
    );
}

#[test]
fn another_programs_tantivy_index_is_never_touched() {
    let dir = damaged_copy();
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    let mut schema = tantivy::schema::Schema::builder();
    schema.add_text_field("body", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&other, schema.build()).unwrap();
    let before = fs::read(other.join("meta.json")).unwrap();
    for args in [&["stats"][..], &["index", "--rebuild", "corpus"]] {
        search(dir.path()).args(["--index", "other"]).args(args).assert().code(2).stderr(
            "search: other is not a search index: it holds meta.json, which search did not write — give --index an empty or new folder (search never deletes files it did not write)\n",
        );
    }
    assert_eq!(fs::read(other.join("meta.json")).unwrap(), before);
}

#[test]
fn a_first_run_killed_after_writing_the_marker_is_resumed() {
    // What a run killed between writing the marker and creating the tantivy index
    // leaves: the marker alone (and tantivy's hidden temporary files).
    let dir = damaged_copy();
    let index = dir.path().join("index");
    fs::remove_dir_all(&index).unwrap();
    fs::create_dir(&index).unwrap();
    fs::copy(
        pristine().join("index/search-index.json"),
        index.join("search-index.json"),
    )
    .unwrap();
    fs::write(index.join(".tmpAbC123"), "").unwrap();
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(0)
        .stderr("");
    search(dir.path())
        .args(["query", "officers"])
        .assert()
        .code(0);
}

#[test]
fn a_segment_file_overwritten_in_place_stops_the_next_run_before_it_commits() {
    let dir = damaged_copy();
    let file = segment_file(dir.path(), "idx");
    let mut bytes = fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    fs::write(&file, bytes).unwrap();
    let meta = fs::read(dir.path().join("index/meta.json")).unwrap();
    fs::write(
        dir.path().join("corpus/new.txt"),
        "A new article\n\nNorth Korean officers were seen near Donetsk, officials said.\n",
    )
    .unwrap();
    let name = file.file_name().unwrap().to_str().unwrap();
    search(dir.path())
        .args(["index", "corpus"])
        .assert()
        .code(2)
        .stderr(format!(
            "search: {}\n",
            damaged(&format!(
                "segment file {name} is damaged (its checksum does not match)"
            ))
        ));
    assert_eq!(fs::read(dir.path().join("index/meta.json")).unwrap(), meta);
    search(dir.path())
        .args(["index", "-q", "--rebuild", "corpus"])
        .assert()
        .code(0);
    let output = search(dir.path())
        .args(["stats", "--json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["articles"], 6);
}
