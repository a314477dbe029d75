//! `search completions SHELL` and `search man`: generated from the same definitions as
//! `--help`, so each names every command and the flags of each.

mod testenv;

use testenv::search;

const COMMANDS: [&str; 10] = [
    "index",
    "query",
    "quote",
    "stats",
    "eval",
    "show",
    "entities",
    "serve",
    "completions",
    "man",
];

/// The stdout of a successful `search ARGS…` (nothing on stderr).
fn printed(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    String::from_utf8(testenv::quiet_run(dir.path(), args)).unwrap()
}

#[test]
fn each_shell_gets_a_script_naming_every_command() {
    let starts = [
        ("bash", "_search() {"),
        ("zsh", "#compdef search"),
        ("fish", "complete -c search "),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName 'search'",
        ),
    ];
    for (shell, start) in starts {
        let script = printed(&["completions", shell]);
        assert!(script.contains(start), "{shell}: {start:?} missing");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell}: {command} missing");
        }
        assert!(
            script.contains("per-article"),
            "{shell}: query's flags missing"
        );
        assert!(
            script.contains("min-similarity"),
            "{shell}: quote's flags missing"
        );
    }
}

#[test]
fn an_unknown_shell_is_refused_naming_the_shells() {
    let dir = tempfile::tempdir().unwrap();
    search(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "invalid value 'tcsh' for '<SHELL>'\n  [possible values: bash, zsh, fish, powershell]",
        ));
}

#[test]
fn the_man_page_is_roff_with_a_section_per_command() {
    let page = printed(&["man"]);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq\n"),
        "{}",
        &page[..80]
    );
    assert!(page.contains(".TH search 1 "), "no title line");
    assert!(page.contains(".SH NAME\nsearch \\- Fast, offline full\\-text search"));
    for command in COMMANDS {
        assert!(
            page.contains(&format!(".SH \"SEARCH {}\"\n", command.to_uppercase())),
            "no section for {command}"
        );
    }
    assert!(
        page.contains("\\-\\-per\\-article"),
        "query's flags missing"
    );
}
