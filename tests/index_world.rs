//! `search index` when the world around it fails: an index folder that cannot be written
//! (a permission, a read-only file system), an index path that is a file, a disk that
//! fills up, a file size limit. Each is named with what to do, exit 2, the index left as
//! it was and nothing left behind.
//!
//! Run as root (as in CI containers), permissions bind nobody: the commands that must
//! meet them run as user `nobody` then. A read-only file system and a full disk are made
//! for real, without root, in a user and mount namespace (`unshare -Urm`) holding a
//! read-only bind mount or a small tmpfs; where the system allows no such namespace those
//! tests say so and pass, and the file size limit (`ulimit -f`, which fails writes the same
//! way) still runs the same clean-up everywhere.

use std::fs;
use std::path::Path;
use std::process::Command;

mod testenv;

use testenv::{copy_tree, repo, search};

/// A temp folder holding a copy of the seed corpus as `corpus/`, indexed into `index/`,
/// readable by anyone (so that `nobody` can run in it).
fn indexed_seed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("corpus"), &dir.path().join("corpus"));
    search(dir.path())
        .args(["--index", "index", "index", "-q", "corpus"])
        .assert()
        .code(0);
    open_to_all(dir.path());
    dir
}

/// Lets any user read `path` and everything under it.
#[cfg(unix)]
fn open_to_all(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::symlink_metadata(path).unwrap();
    if meta.is_dir() {
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
        for entry in fs::read_dir(path).unwrap() {
            open_to_all(&entry.unwrap().path());
        }
    } else if meta.is_file() {
        fs::set_permissions(path, fs::Permissions::from_mode(0o644)).unwrap();
    }
}

/// True when this test runs as root, whom permissions do not bind.
#[cfg(unix)]
fn is_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join(".owner-probe");
    fs::write(&probe, "").unwrap();
    let root = fs::metadata(&probe).unwrap().uid() == 0;
    fs::remove_file(probe).unwrap();
    root
}

/// `search` run from `dir` as a user whom permissions bind: `nobody` when the test runs
/// as root, the test's own user otherwise.
#[cfg(unix)]
fn search_bound_by_permissions(dir: &Path) -> assert_cmd::Command {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(assert_cmd::cargo::cargo_bin!("search"));
    command
        .current_dir(dir)
        .env_remove("SEARCH_INDEX")
        .env_remove("NO_COLOR");
    if is_root(dir) {
        command.uid(65534).gid(65534);
    }
    assert_cmd::Command::from_std(command)
}

/// The names in `folder` with their sizes, sorted.
fn listing(folder: &Path) -> Vec<(String, u64)> {
    let mut names: Vec<_> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let size = entry.metadata().unwrap().len();
            (entry.file_name().to_string_lossy().into_owned(), size)
        })
        .collect();
    names.sort();
    names
}

fn stats(dir: &Path) -> serde_json::Value {
    let output = search(dir)
        .args(["--index", "index", "stats", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let mut stats: serde_json::Value = serde_json::from_slice(&output).unwrap();
    stats.as_object_mut().unwrap().remove("last_run");
    stats
}

/// Adds an article to `corpus/`, so that a run has something to write.
fn add_article(dir: &Path) {
    fs::write(
        dir.join("corpus/added.txt"),
        "The harbour authority said the new ferry terminal would open in the spring.\n",
    )
    .unwrap();
    open_to_all(&dir.join("corpus"));
}

#[cfg(unix)]
#[test]
fn issue_18_a_read_only_index_folder_is_named_not_blamed_on_another_writer() {
    use std::os::unix::fs::PermissionsExt;
    let dir = indexed_seed();
    let before = stats(dir.path());
    let files_before = listing(&dir.path().join("index"));
    add_article(dir.path());
    let index = dir.path().join("index");
    fs::set_permissions(&index, fs::Permissions::from_mode(0o555)).unwrap();
    search_bound_by_permissions(dir.path())
        .args(["--index", "index", "index", "corpus"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "search: cannot write to index: permission denied — make it writable for you \
             (`chmod u+w index`) or give --index a folder you can write to\n",
        );
    // A new index in a folder that cannot be written: the folder is named.
    fs::create_dir(dir.path().join("shelf")).unwrap();
    fs::set_permissions(dir.path().join("shelf"), fs::Permissions::from_mode(0o555)).unwrap();
    search_bound_by_permissions(dir.path())
        .args(["--index", "shelf/index", "index", "corpus"])
        .assert()
        .code(2)
        .stderr(
            "search: cannot write to shelf: permission denied — make it writable for you \
             (`chmod u+w shelf`) or give --index a folder you can write to\n",
        );
    fs::set_permissions(&index, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(stats(dir.path()), before);
    assert_eq!(listing(&index), files_before);
    assert!(!dir.path().join("shelf/index").exists());
}

#[test]
fn issue_18_an_index_path_that_is_a_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("corpus"), &dir.path().join("corpus"));
    fs::write(dir.path().join("notes.txt"), "mine\n").unwrap();
    let message = "search: notes.txt is a file, not a folder — give --index a folder: an \
                   index, or a new or empty folder to make one in\n";
    for index in ["notes.txt", "notes.txt/index"] {
        for command in [
            &["index", "corpus"][..],
            &["index", "--rebuild", "corpus"],
            &["stats"],
            &["query", "officers"],
        ] {
            search(dir.path())
                .args(["--index", index])
                .args(command)
                .assert()
                .code(2)
                .stdout("")
                .stderr(message);
        }
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine\n"
    );
}

/// Runs `script` with `sh` in a new user and mount namespace, from `dir`; `None` when
/// the system allows no such namespace.
#[cfg(target_os = "linux")]
fn in_namespace(dir: &Path, script: &str) -> Option<std::process::Output> {
    let probe = Command::new("unshare")
        .args(["-Urm", "true"])
        .output()
        .ok()?;
    if !probe.status.success() {
        eprintln!(
            "no user namespace here (unshare -Urm: {}): skipped",
            String::from_utf8_lossy(&probe.stderr).trim()
        );
        return None;
    }
    let output = Command::new("unshare")
        .args(["-Urm", "sh", "-c", script])
        .current_dir(dir)
        .env_remove("SEARCH_INDEX")
        .env("SEARCH", assert_cmd::cargo::cargo_bin!("search"))
        .output()
        .unwrap();
    Some(output)
}

#[cfg(target_os = "linux")]
#[test]
fn issue_18_an_index_on_a_read_only_file_system_is_named() {
    let dir = indexed_seed();
    add_article(dir.path());
    let script = "mount --bind index index && mount -o remount,bind,ro index \
                  && \"$SEARCH\" --index index index corpus; echo \"exit $?\"";
    let Some(output) = in_namespace(dir.path(), script) else {
        return;
    };
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "search: cannot write to index: it is on a read-only file system — give --index a \
         folder on a writable disk\n"
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), "exit 2\n");
}
