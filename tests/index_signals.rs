//! `search index` stopped by a signal: SIGINT (Ctrl-C) and SIGTERM stop the run at its
//! next safe point, remove what it had written, say that nothing was committed and end
//! with 128 + the signal's number; a second Ctrl-C ends it at once, as a killed run,
//! which the next run cleans up after. (SIGXFSZ, the third, is in `index_world.rs`.)
#![cfg(target_os = "linux")]

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod testenv;

use testenv::{copy_tree, generated_jsonl, listing, repo, search, stats_of};

/// A folder with the seed corpus indexed into `index/`, and 6,000 generated articles
/// added to the corpus, so that the next run has minutes of work in a debug build.
fn seed_with_work_to_do() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("corpus"), &dir.path().join("corpus"));
    search(dir.path())
        .args(["--index", "index", "index", "-q", "corpus"])
        .assert()
        .code(0);
    generated_jsonl(&dir.path().join("corpus/wire.jsonl"), 6_000);
    dir
}

/// Starts `search index` in `dir` and returns once it catches SIGINT (its handlers are
/// in place: a signal before would end it as the default action does) and has begun
/// writing, or has worked for two seconds.
fn start_run(dir: &Path) -> Child {
    let child = Command::new(assert_cmd::cargo::cargo_bin!("search"))
        .args(["--index", "index", "index", "--threads", "2", "corpus"])
        .current_dir(dir)
        .env_remove("SEARCH_INDEX")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let catches_sigint = || {
        fs::read_to_string(&status).is_ok_and(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("SigCgt:"))
                .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
                .is_some_and(|mask| mask & (1 << (2 - 1)) != 0)
        })
    };
    let started = Instant::now();
    while !catches_sigint() {
        assert!(started.elapsed() < Duration::from_secs(20), "no handler");
        std::thread::sleep(Duration::from_millis(5));
    }
    let committed = listing(&dir.join("index")).len();
    let started = Instant::now();
    while listing(&dir.join("index")).len() == committed
        && started.elapsed() < Duration::from_secs(2)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

fn signal(child: &Child, name: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

#[test]
fn issue_18_ctrl_c_and_sigterm_stop_the_run_and_leave_nothing_behind() {
    let dir = seed_with_work_to_do();
    let before = stats_of(dir.path());
    let files_before = listing(&dir.path().join("index"));
    for (name, code) in [("INT", 130), ("TERM", 143)] {
        let child = start_run(dir.path());
        signal(&child, name);
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!(
                "search: stopped by SIG{name}: nothing was committed, the index is as it was \
                 — run `search index` again to bring it up to date\n"
            )
        );
        assert_eq!(output.status.code(), Some(code));
        assert_eq!(
            listing(&dir.path().join("index")),
            files_before,
            "SIG{name}"
        );
        assert_eq!(stats_of(dir.path()), before);
    }
}

#[test]
fn issue_18_a_second_ctrl_c_ends_the_run_at_once_and_the_next_run_cleans_up() {
    use std::os::unix::process::ExitStatusExt;
    let dir = seed_with_work_to_do();
    let before = stats_of(dir.path());
    let child = start_run(dir.path());
    signal(&child, "INT");
    signal(&child, "INT");
    let output = child.wait_with_output().unwrap();
    // Ended by the signal, or — when the first was heeded before the second came — by
    // the first, as above.
    if output.status.signal() != Some(2) {
        assert_eq!(output.status.code(), Some(130));
    }
    assert_eq!(stats_of(dir.path()), before);
    fs::remove_file(dir.path().join("corpus/wire.jsonl")).unwrap();
    search(dir.path())
        .args(["--index", "index", "index", "-q", "corpus"])
        .assert()
        .code(0);
    assert_eq!(stats_of(dir.path()), before);
}
