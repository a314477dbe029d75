//! How a re-run knows a file: a file restored with the same size and modification time
//! is read again (its inode and change time differ), and a file reached through a
//! symlink leaves the index when the link is deleted, wherever the file itself lies.

use std::fs;
use std::path::Path;
use std::time::Duration;

mod testenv;

use predicates::prelude::*;
use serde_json::Value;
use testenv::{search, set_mtime};

const FIRST: &str =
    "Harbour officials said the ferry service would resume on Monday after the storms.\n";
const SECOND: &str =
    "Harbour officials said the bridge repairs would finish on Monday after the flood.\n";

fn stats(dir: &Path) -> Value {
    let output = search(dir)
        .args(["--index", "index", "stats", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&output).unwrap()
}

fn finds(dir: &Path, word: &str) -> bool {
    let output = search(dir)
        .args(["--index", "index", "query", word])
        .output()
        .unwrap();
    output.status.code() == Some(0)
}

#[test]
fn issue_18_a_file_restored_with_the_same_size_and_mtime_is_read_again() {
    assert_eq!(FIRST.len(), SECOND.len());
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let edited = corpus.join("edited.txt");
    let restored = corpus.join("restored.txt");
    fs::write(&edited, FIRST).unwrap();
    fs::write(&restored, SECOND).unwrap();
    let mtime = |path: &Path| fs::metadata(path).unwrap().modified().unwrap();
    let (edited_mtime, restored_mtime) = (mtime(&edited), mtime(&restored));
    // A change made within two seconds of a run is never trusted to its times (see
    // `RACY_NANOS` in `index/build.rs`): wait, so that only the inode and the change
    // time can tell the changes below apart.
    std::thread::sleep(Duration::from_millis(2100));
    search(dir.path())
        .args(["--index", "index", "index", "-q", "corpus"])
        .assert()
        .code(0);
    assert!(finds(dir.path(), "ferry"));
    assert!(finds(dir.path(), "bridge"));

    // Edited in place and its time set back: the same inode, a new change time.
    fs::write(&edited, SECOND).unwrap();
    set_mtime(&edited, edited_mtime);
    // Restored from a backup: a new file (a new inode) renamed over it, its old time
    // set back.
    let backup = corpus.join(".restored.txt.backup");
    fs::write(&backup, FIRST).unwrap();
    set_mtime(&backup, restored_mtime);
    fs::rename(&backup, &restored).unwrap();
    assert_eq!(mtime(&edited), edited_mtime);
    assert_eq!(mtime(&restored), restored_mtime);

    search(dir.path())
        .args(["--index", "index", "index", "corpus"])
        .assert()
        .code(0)
        .stderr(
            predicate::str::contains("indexed 2 articles (2 passages) from 2 files in ")
                .and(predicate::str::ends_with("; 0 unchanged, 0 removed\n")),
        );
    let show = |name: &str| {
        let output = search(dir.path())
            .args(["--index", "index", "show", "--json"])
            .arg(corpus.join(name))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let article: Value = serde_json::from_slice(&output).unwrap();
        article["passages"][0]["text"].as_str().unwrap().to_owned()
    };
    assert_eq!(show("edited.txt"), SECOND.trim_end());
    assert_eq!(show("restored.txt"), FIRST.trim_end());
}

#[cfg(unix)]
#[test]
fn issue_18_deleting_a_symlink_to_a_file_outside_the_corpus_removes_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir_all(corpus.join("linked")).unwrap();
    fs::create_dir_all(elsewhere.join("folder")).unwrap();
    fs::write(corpus.join("own.txt"), FIRST).unwrap();
    fs::write(elsewhere.join("outside.txt"), SECOND).unwrap();
    fs::write(
        elsewhere.join("folder/deep.txt"),
        "A lighthouse keeper described the night the lamp failed in the gale.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(elsewhere.join("outside.txt"), corpus.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("folder"), corpus.join("linked/folder")).unwrap();
    search(dir.path())
        .args(["--index", "index", "index", "-q", "corpus"])
        .assert()
        .code(0);
    assert_eq!(stats(dir.path())["articles"], 3);
    assert!(finds(dir.path(), "bridge"));
    assert!(finds(dir.path(), "lighthouse"));

    // The file's link goes; the file stays where it was, outside the corpus.
    fs::remove_file(corpus.join("link.txt")).unwrap();
    search(dir.path())
        .args(["--index", "index", "index", "corpus"])
        .assert()
        .code(0)
        .stderr(predicate::str::ends_with("; 2 unchanged, 1 removed\n"));
    assert!(elsewhere.join("outside.txt").is_file());
    assert_eq!(stats(dir.path())["articles"], 2);
    assert!(!finds(dir.path(), "bridge"));

    // A link to a folder, deleted: its files go too. Indexing another folder first
    // leaves them alone (they were reached under `corpus`, which it does not cover).
    fs::remove_file(corpus.join("linked/folder")).unwrap();
    fs::create_dir(dir.path().join("other")).unwrap();
    fs::write(
        dir.path().join("other/more.txt"),
        "The council approved the harbour budget for the coming year without debate.\n",
    )
    .unwrap();
    search(dir.path())
        .args(["--index", "index", "index", "-q", "other"])
        .assert()
        .code(0);
    assert!(finds(dir.path(), "lighthouse"));
    search(dir.path())
        .args(["--index", "index", "index", "corpus"])
        .assert()
        .code(0)
        .stderr(predicate::str::ends_with("; 1 unchanged, 1 removed\n"));
    assert!(!finds(dir.path(), "lighthouse"));
    assert_eq!(stats(dir.path())["articles"], 2);
}
