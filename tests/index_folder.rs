//! An index only ever removes files it wrote (issue 18): a folder holding anything
//! else — dotfiles included — is never made an index, and every path that deletes
//! (`--rebuild`, a format version change, a damaged index, a cancelled first run)
//! leaves a user's own files in the index folder as they were.

mod testenv;

use std::fs;
use std::path::Path;

use testenv::{copy_tree, indexed_copy, repo, search};

/// What a careless user keeps in a folder: dotfiles, a hidden folder, a plain file.
const PLANTED: [(&str, &str); 4] = [
    (".ssh/id_ed25519", "secret\n"),
    (".bashrc", "x\n"),
    ("notes.txt", "my notes\n"),
    (".tmp-not-tantivys", "mine\n"),
];

fn plant(folder: &Path) {
    for (name, text) in PLANTED {
        let path = folder.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

fn assert_planted(folder: &Path) {
    for (name, text) in PLANTED {
        assert_eq!(
            fs::read_to_string(folder.join(name)).ok().as_deref(),
            Some(text),
            "{name} was changed or removed"
        );
    }
}

/// The index of the seed corpus holds its 5 articles.
fn assert_seed_index(dir: &Path) {
    let output = search(dir).args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["articles"], 5);
}

#[test]
fn issue_18_a_folder_of_dotfiles_is_not_made_an_index() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("corpus"), &dir.path().join("corpus"));
    plant(&dir.path().join("h"));
    for args in [&["index", "corpus"][..], &["index", "--rebuild", "corpus"]] {
        search(dir.path())
            .args(["--index", "h"])
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr("search: h is not a search index: it holds .bashrc, which search did not write — give --index an empty or new folder (search never deletes files it did not write)\n");
    }
    assert_planted(&dir.path().join("h"));
    assert!(!dir.path().join("h/search-index.json").exists());
}

#[test]
fn a_folder_holding_only_a_gitkeep_is_not_made_an_index() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("corpus"), &dir.path().join("corpus"));
    fs::create_dir(dir.path().join("index")).unwrap();
    fs::write(dir.path().join("index/.gitkeep"), "").unwrap();
    search(dir.path())
        .args(["stats"])
        .assert()
        .code(2)
        .stderr("search: no index at index — run `search index corpus/` first (or point --index / SEARCH_INDEX at one)\n");
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(2)
        .stderr("search: index is not a search index: it holds .gitkeep, which search did not write — give --index an empty or new folder (search never deletes files it did not write)\n");
    assert_eq!(fs::read_dir(dir.path().join("index")).unwrap().count(), 1);
}

#[test]
fn issue_18_a_rebuild_after_a_format_change_keeps_a_users_files() {
    let dir = indexed_copy("corpus", &[]);
    let index = dir.path().join("index");
    plant(&index);
    let marker = index.join("search-index.json");
    let text = fs::read_to_string(&marker).unwrap();
    let older = format!("\"format\": {}", search::index::FORMAT_VERSION - 1);
    let current = format!("\"format\": {}", search::index::FORMAT_VERSION);
    fs::write(&marker, text.replace(&current, &older)).unwrap();
    search(dir.path())
        .args(["index", "-q", "--rebuild", "corpus"])
        .assert()
        .code(0)
        .stderr("");
    assert_planted(&index);
    assert_seed_index(dir.path());
}

#[test]
fn a_rebuild_of_a_sound_index_keeps_a_users_files() {
    let dir = indexed_copy("corpus", &[]);
    plant(&dir.path().join("index"));
    search(dir.path())
        .args(["index", "-q", "--rebuild", "corpus"])
        .assert()
        .code(0)
        .stderr("");
    assert_planted(&dir.path().join("index"));
    assert_seed_index(dir.path());
}

#[test]
fn a_rebuild_of_a_damaged_index_keeps_a_users_files() {
    let dir = indexed_copy("corpus", &[]);
    let index = dir.path().join("index");
    plant(&index);
    fs::write(index.join("meta.json"), "{").unwrap();
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(2)
        .stderr("search: the index at index is damaged: meta.json is not valid JSON — run `search index --rebuild` to build it again\n");
    search(dir.path())
        .args(["index", "-q", "--rebuild", "corpus"])
        .assert()
        .code(0)
        .stderr("");
    assert_planted(&index);
    assert_seed_index(dir.path());
}

#[test]
fn a_cancelled_first_run_keeps_a_users_files() {
    // A first run killed after writing the marker, then a user's files put beside it.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("corpus"), &dir.path().join("corpus"));
    let index = dir.path().join("index");
    fs::create_dir(&index).unwrap();
    fs::write(
        index.join("search-index.json"),
        format!(
            "{{\"tool\": \"search\", \"format\": {}}}\n",
            search::index::FORMAT_VERSION
        ),
    )
    .unwrap();
    fs::write(index.join(".tmpAbC123"), "").unwrap();
    plant(&index);
    search(dir.path())
        .args(["index", "-q", "corpus"])
        .assert()
        .code(2)
        .stderr("search: the index at index is damaged: meta.json is missing — run `search index --rebuild` to build it again\n");
    search(dir.path())
        .args(["index", "-q", "--rebuild", "corpus"])
        .assert()
        .code(0)
        .stderr("");
    assert_planted(&index);
    assert!(!index.join(".tmpAbC123").exists());
    assert_seed_index(dir.path());
}
