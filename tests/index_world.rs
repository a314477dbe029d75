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

use testenv::{copy_tree, listing, repo, search, stats_of};

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
    let before = stats_of(dir.path());
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
    assert_eq!(stats_of(dir.path()), before);
    assert_eq!(listing(&index), files_before);
    assert!(!dir.path().join("shelf/index").exists());
}

/// Found while naming the read-only folder: every query on an index the user cannot
/// write failed (tantivy's readers open a lock file for writing); it is read now.
#[cfg(unix)]
#[test]
fn issue_18_an_index_the_user_cannot_write_can_still_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = indexed_seed();
    let index = dir.path().join("index");
    let _ = fs::remove_file(index.join(".tantivy-meta.lock"));
    fs::set_permissions(&index, fs::Permissions::from_mode(0o555)).unwrap();
    let expected = search(dir.path())
        .args(["--index", "index", "query", "officers", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    for _ in 0..2 {
        search_bound_by_permissions(dir.path())
            .args(["--index", "index", "query", "officers", "--json"])
            .assert()
            .code(0)
            .stdout(expected.clone());
        // Then with the lock file there, made by the owner, not writable for others.
        fs::set_permissions(&index, fs::Permissions::from_mode(0o755)).unwrap();
        fs::write(index.join(".tantivy-meta.lock"), "").unwrap();
        open_to_all(&index);
        fs::set_permissions(&index, fs::Permissions::from_mode(0o555)).unwrap();
    }
    search_bound_by_permissions(dir.path())
        .args(["--index", "index", "stats"])
        .assert()
        .code(0);
    fs::set_permissions(&index, fs::Permissions::from_mode(0o755)).unwrap();
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

    // Reading it works: an archive on a read-only disk is searched as it is.
    let script = "mount --bind index index && mount -o remount,bind,ro index \
                  && \"$SEARCH\" --index index stats --json >/dev/null \
                  && \"$SEARCH\" --index index query officers; echo \"exit $?\"";
    let output = in_namespace(dir.path(), script).unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.ends_with("exit 0\n"),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("officers"), "{stdout}");
}

/// The names and sizes of the files in `folder` as a shell lists them, one a line.
const LIST: &str = "for f in $(ls -A index | sort); do echo \"$f $(wc -c < index/$f)\"; done";

/// A folder with the seed corpus indexed into `index/`, and `wire.jsonl`, 3,000
/// generated articles (6.6 MB) that do not fit in a megabyte of index, beside it.
fn seed_and_a_large_file() -> tempfile::TempDir {
    let dir = indexed_seed();
    testenv::generated_jsonl(&dir.path().join("wire.jsonl"), 3_000);
    dir
}

/// The stderr of `output`, and its stdout cut at the lines `---`.
fn parts(output: &std::process::Output) -> (String, Vec<String>) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let sections = stdout.split("---\n").map(str::to_owned).collect();
    (
        String::from_utf8_lossy(&output.stderr).into_owned(),
        sections,
    )
}

#[cfg(target_os = "linux")]
#[test]
fn issue_18_a_disk_that_fills_up_is_named_and_the_run_leaves_nothing_behind() {
    let dir = seed_and_a_large_file();
    let before = stats_of(dir.path());
    // The index on a tmpfs of 1 MB (the seed index takes 100 KB of it); the large file
    // comes in and the run fills the disk. Then the disk grows by what the message
    // asked for, and the same run must pass.
    let script = format!(
        "mkdir space && mount -t tmpfs -o size=1m tmpfs space && cp -r index space/ \
         && cd space && {LIST} && echo --- \
         && mv ../wire.jsonl ../corpus/ && \"$SEARCH\" --index index index -q ../corpus; \
         echo \"exit $?\"; echo ---; {LIST}; echo ---; \
         \"$SEARCH\" --index index stats --json"
    );
    let Some(output) = in_namespace(dir.path(), &script) else {
        return;
    };
    let (stderr, sections) = parts(&output);
    let prefix = "search: disk full at index: the index is unchanged — free ";
    let needed: u64 = stderr
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(" MB and run again\n"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{stderr:?} / {sections:?}"));
    assert!(needed >= 1);
    assert_eq!(sections[1], "exit 2\n");
    assert_eq!(
        sections[0], sections[2],
        "the failed run's files are all gone"
    );
    let mut after: serde_json::Value = serde_json::from_str(&sections[3]).unwrap();
    let after = after.as_object_mut().unwrap();
    after.remove("last_run");
    after.insert("index".into(), before["index"].clone());
    assert_eq!(serde_json::Value::Object(after.clone()), before);

    // Honest: with the room asked for, the same run goes through (the file is in the
    // corpus now, the seed index copied in again).
    let script = format!(
        "mount -t tmpfs -o size={}k tmpfs space && cp -r index space/ && cd space \
         && \"$SEARCH\" --index index index -q ../corpus; echo \"exit $?\"",
        1024 + needed * 1024
    );
    let output = in_namespace(dir.path(), &script).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "exit 0\n",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[cfg(unix)]
#[test]
fn issue_18_a_file_size_limit_stops_the_run_and_it_leaves_nothing_behind() {
    let dir = seed_and_a_large_file();
    let before = stats_of(dir.path());
    let files_before = listing(&dir.path().join("index"));
    fs::rename(
        dir.path().join("wire.jsonl"),
        dir.path().join("corpus/wire.jsonl"),
    )
    .unwrap();
    // `ulimit -f` counts 512-byte blocks: no file over 256 KB. The run's segment files
    // grow past it; the system sends SIGXFSZ and fails the write.
    let output = Command::new("sh")
        .args([
            "-c",
            "ulimit -f 512 && exec \"$SEARCH\" --index index index corpus",
        ])
        .current_dir(dir.path())
        .env_remove("SEARCH_INDEX")
        .env("SEARCH", assert_cmd::cargo::cargo_bin!("search"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "search: stopped by SIGXFSZ: a file in the index grew past the file size limit \
         (`ulimit -f`) — nothing was committed, the index is as it was; raise the limit \
         (`ulimit -f unlimited`) and run again\n"
    );
    assert_eq!(output.status.code(), Some(128 + 25));
    assert_eq!(listing(&dir.path().join("index")), files_before);
    assert_eq!(stats_of(dir.path()), before);
}
