//! A deterministic hostile corpus: what a newsroom archive really holds. Binary files
//! with text extensions, every encoding mess, empty files, one huge single-line log, a
//! JSON Lines dump of 10,000 tiny articles with broken lines, scripts in HTML, deep
//! nesting, symlink loops, unreadable files, names no terminal should print raw and
//! articles carrying terminal escape sequences.
//!
//! [`generate`] builds it under a folder and returns what `search index` must make of
//! it: how many articles are valid, the exact warning line for each item that must be
//! skipped, and a marker word per kind of valid file to search for. Nothing is random:
//! the same call writes the same bytes.

#![allow(dead_code)] // each test uses its own part

use std::fs;
use std::path::{Path, PathBuf};

use crate::testenv::Rng;

/// Lines in the JSON Lines dump.
pub const JSONL_LINES: u32 = 10_000;
/// The size the issue asks for the single-line log: 100 MB.
pub const FULL_LOG_BYTES: u64 = 100 * 1000 * 1000;

/// A valid file whose article must be found, by a word only it holds.
#[derive(Debug, Clone)]
pub struct Findable {
    /// What kind of hostile input it is (for failure messages).
    pub kind: &'static str,
    /// A made-up word only this article holds.
    pub marker: String,
    /// How the path ends when shown on a terminal (escaped where it must be).
    pub shown_path_end: String,
}

/// What `search index` must make of the corpus.
#[derive(Debug)]
pub struct Corpus {
    /// The folder holding the corpus (`<dir>/hostile`).
    pub root: PathBuf,
    /// Every article that must be indexed.
    pub valid_articles: u64,
    /// Files tried: every entry with an article extension the walk reaches (a file
    /// reached twice counts once), and every link or folder it cannot follow.
    pub files_tried: u64,
    /// Non-blank records of the JSON Lines dump.
    pub records_tried: u64,
    /// The exact `warning: skipped …` lines, as shown run from `<dir>`, each of which
    /// must appear exactly once.
    pub skips: Vec<String>,
    /// One marker per kind of valid input.
    pub findable: Vec<Findable>,
    /// Words that sit only where nothing must be indexed (scripts, styles, skipped
    /// records): a search for any of them finds nothing.
    pub never_found: Vec<&'static str>,
    /// Whether the file and folder without read permission really cannot be read
    /// (false when the tests run as root, who reads them anyway).
    pub permissions_hold: bool,
    /// Paths whose permissions were taken away, to give back on drop.
    locked: Vec<PathBuf>,
}

impl Drop for Corpus {
    fn drop(&mut self) {
        #[cfg(unix)]
        for path in &self.locked {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o755));
        }
    }
}

/// A short article body: a few sentences around `marker`.
fn story(marker: &str) -> String {
    format!(
        "The harbour authority confirmed on Tuesday that the ferry timetable will change \
         from next month, citing fuel costs and a shortage of crews. Officials said the \
         {marker} report was shared with the council before the decision was taken. \
         Passengers were told to check the new times before travelling."
    )
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        if big_endian {
            bytes.extend_from_slice(&unit.to_be_bytes());
        } else {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
    }
    bytes
}

#[cfg(unix)]
fn os_name(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

/// Writes the corpus under `dir/hostile`, with a single-line log of `log_bytes` bytes.
pub fn generate(dir: &Path, log_bytes: u64) -> Corpus {
    let root = dir.join("hostile");
    fs::create_dir_all(&root).unwrap();
    let mut corpus = Corpus {
        root: root.clone(),
        valid_articles: 0,
        files_tried: 0,
        records_tried: 0,
        skips: Vec::new(),
        findable: Vec::new(),
        never_found: Vec::new(),
        permissions_hold: false,
        locked: Vec::new(),
    };
    let mut rng = Rng(0x005E_ED0F_A7C4);
    let write = |name: &str, bytes: &[u8]| fs::write(root.join(name), bytes).unwrap();
    let valid = |corpus: &mut Corpus, kind: &'static str, marker: &str, shown: &str| {
        corpus.valid_articles += 1;
        corpus.files_tried += 1;
        corpus.findable.push(Findable {
            kind,
            marker: marker.to_owned(),
            shown_path_end: shown.to_owned(),
        });
    };
    // A valid article written at `name` under the corpus root.
    let article =
        |corpus: &mut Corpus, name: &str, bytes: &[u8], kind: &'static str, marker: &str| {
            write(name, bytes);
            valid(corpus, kind, marker, &format!("hostile/{name}"));
        };
    let skip = |corpus: &mut Corpus, shown: &str, reason: &str| {
        corpus.files_tried += 1;
        corpus
            .skips
            .push(format!("warning: skipped hostile/{shown}: {reason}"));
    };

    // Encodings.
    let mut latin1 = b"Caf\xe9 owners in M\xfcnster protest rent rises\n\n".to_vec();
    latin1.extend_from_slice(story("zqlatinone").as_bytes());
    latin1.extend_from_slice(b" Rents rose by \xa3300 a month, na\xefve tenants said.\n");
    article(&mut corpus, "latin1.txt", &latin1, "Latin-1", "zqlatinone");

    let mut cp1252 = b"Harbour fees \x93too high\x94, say owners\n\n".to_vec();
    cp1252.extend_from_slice(story("zqwinansi").as_bytes());
    cp1252.extend_from_slice(b" The fee is \x80120 \x96 up from \x80100.\n");
    article(
        &mut corpus,
        "cp1252.txt",
        &cp1252,
        "Windows-1252",
        "zqwinansi",
    );

    article(
        &mut corpus,
        "utf16le.txt",
        &utf16(&story("zqutfsixle"), false),
        "UTF-16LE with BOM",
        "zqutfsixle",
    );
    article(
        &mut corpus,
        "utf16be.md",
        &utf16(&format!("# Ferry times\n\n{}", story("zqutfsixbe")), true),
        "UTF-16BE with BOM",
        "zqutfsixbe",
    );

    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(story("zqbomeight").as_bytes());
    article(
        &mut corpus,
        "utf8-bom.txt",
        &bom,
        "UTF-8 with BOM",
        "zqbomeight",
    );

    // UTF-8 text with Latin-1 bytes pasted into it, and stray bytes that are no
    // encoding's: still an article.
    let mut mixed = format!(
        "{} Kyiv – café – Zürich – naïve – Łódź.",
        story("zqmixedenc")
    )
    .into_bytes();
    mixed.extend_from_slice(b" Caf\xe9 M\xfcller, stray \xc3\x28 and \xff\xfe bytes.\n");
    article(
        &mut corpus,
        "mixed.txt",
        &mixed,
        "mixed encodings",
        "zqmixedenc",
    );

    let nobom: Vec<u8> = story("zqutfsixnobom")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    article(
        &mut corpus,
        "utf16-no-bom.txt",
        &nobom,
        "UTF-16LE without BOM",
        "zqutfsixnobom",
    );

    // Empty and blank files.
    write("empty.txt", b"");
    skip(&mut corpus, "empty.txt", "empty file");
    write("empty.html", b"");
    skip(&mut corpus, "empty.html", "empty file");
    write("empty.jsonl", b"");
    skip(&mut corpus, "empty.jsonl", "empty file");
    write("blank.md", b" \n\t\r\n  \n");
    skip(&mut corpus, "blank.md", "empty file");

    // Binary files with text extensions.
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n".to_vec();
    pdf.extend(rng.bytes(4096));
    write("report.pdf.txt", &pdf);
    skip(&mut corpus, "report.pdf.txt", "binary file, not text");
    let mut jpeg = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00".to_vec();
    jpeg.extend(rng.bytes(4096));
    write("photo.html", &jpeg);
    skip(&mut corpus, "photo.html", "binary file, not text");
    let mut zip = b"PK\x03\x04\x14\x00".to_vec();
    zip.extend(rng.bytes(4096));
    write("archive.md", &zip);
    skip(&mut corpus, "archive.md", "binary file, not text");
    write("random.txt", &rng.bytes(20_000));
    skip(&mut corpus, "random.txt", "binary file, not text");
    let mut gzip = b"\x1F\x8B\x08\x00".to_vec();
    gzip.extend(rng.bytes(20_000));
    write("dump.jsonl", &gzip);
    skip(&mut corpus, "dump.jsonl", "binary file, not text");

    // HTML: a script and a style whose text must never be indexed, and a page nested
    // 200 levels deep.
    let script = format!(
        "<!doctype html><html lang=\"en\"><head><title>Port strike talks</title>\
         <script>var zqscripthidden = \"<p>fake</p>\"; document.write(zqscripthidden);</script>\
         <style>.zqstylehidden {{ color: red }}</style></head><body><nav>Home | News</nav>\
         <article><h1>Port strike talks</h1><p>{}</p><p>{}</p>\
         <script type=\"text/javascript\">trackZqscripthidden();</script></article></body></html>",
        story("zqscriptvisible"),
        story("zqscriptsecond")
    );
    article(
        &mut corpus,
        "script.html",
        script.as_bytes(),
        "HTML with <script>",
        "zqscriptvisible",
    );
    corpus
        .never_found
        .extend(["zqscripthidden", "zqstylehidden"]);

    let mut deep = String::from("<!doctype html><html><head><title>Deep page</title></head><body>");
    for _ in 0..200 {
        deep.push_str("<div>");
    }
    deep.push_str(&format!(
        "<p>{}</p><p>{}</p>",
        story("zqdeepnest"),
        story("zqdeepnesttwo")
    ));
    for _ in 0..200 {
        deep.push_str("</div>");
    }
    deep.push_str("</body></html>");
    article(
        &mut corpus,
        "deep.html",
        deep.as_bytes(),
        "HTML nested 200 deep",
        "zqdeepnest",
    );

    // Terminal escape sequences and control characters in an article: colour, clear
    // screen, a title change, a hyperlink, a bell, backspaces, a carriage return that
    // would overwrite the line, C1 controls and a right-to-left override.
    let ansi = format!(
        "---\ntitle: \"Market \x1b[31mcrash\x1b[0m zqansititle\x1b]0;pwned\x07\"\n\
         outlet: \"Evil\x1b[2J Wire\"\n---\n\n\
         {} Click \x1b]8;;http://evil.example/\x07here\x1b]8;;\x07 now.\x07\x08\x08\r\
         Everything is fine \u{9b}31m red \u{85} and \u{202e}txt.exe zqansibody.\n",
        story("zqansistory")
    );
    article(
        &mut corpus,
        "ansi.md",
        ansi.as_bytes(),
        "ANSI escapes",
        "zqansistory",
    );

    // Names with spaces, newlines and bytes that are not UTF-8.
    fs::create_dir_all(root.join("names")).unwrap();
    article(
        &mut corpus,
        "names/with space.txt",
        story("zqspacename").as_bytes(),
        "space in name",
        "zqspacename",
    );
    #[cfg(unix)]
    {
        write("names/new\nline.txt", story("zqnewlinename").as_bytes());
        valid(
            &mut corpus,
            "newline in name",
            "zqnewlinename",
            "hostile/names/new\\nline.txt",
        );
        write("names/esc\x1b[31mred.txt", story("zqescname").as_bytes());
        valid(
            &mut corpus,
            "ESC in name",
            "zqescname",
            "hostile/names/esc\\u{1b}[31mred.txt",
        );
        // Two names that differ only in a byte that is not UTF-8: a lossy conversion
        // would make them one file.
        let names = root.join("names");
        fs::write(names.join(os_name(b"caf\xe9.txt")), story("zqcafelatin")).unwrap();
        valid(
            &mut corpus,
            "non-UTF-8 name",
            "zqcafelatin",
            "hostile/names/caf\\xE9.txt",
        );
        fs::write(names.join(os_name(b"caf\xe8.txt")), story("zqcafegrave")).unwrap();
        valid(
            &mut corpus,
            "non-UTF-8 name",
            "zqcafegrave",
            "hostile/names/caf\\xE8.txt",
        );
    }

    // Symlinks: a loop, a link to itself, a dangling link, and a second way to an
    // article that must be indexed once.
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        fs::create_dir_all(root.join("links")).unwrap();
        article(
            &mut corpus,
            "links/linked.txt",
            story("zqlinkedonce").as_bytes(),
            "file reached twice",
            "zqlinkedonce",
        );
        symlink("linked.txt", root.join("links/alias.txt")).unwrap();
        symlink("..", root.join("links/up")).unwrap();
        corpus.skips.push(
            "warning: skipped hostile/links/up: cannot read: symlink loop, not followed".into(),
        );
        symlink("self.txt", root.join("links/self.txt")).unwrap();
        corpus.files_tried += 1;
        corpus.skips.push(
            "warning: skipped hostile/links/self.txt: cannot read: Too many levels of symbolic links (os error 40)".into(),
        );
        symlink("nowhere.txt", root.join("links/dangling.txt")).unwrap();
        corpus.files_tried += 1;
        corpus.skips.push(
            "warning: skipped hostile/links/dangling.txt: cannot read: No such file or directory (os error 2)".into(),
        );
    }

    // A file and a folder without read permission.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        write("locked.txt", story("zqlockedfile").as_bytes());
        fs::create_dir_all(root.join("locked-dir")).unwrap();
        write("locked-dir/inside.txt", story("zqlockeddir").as_bytes());
        for name in ["locked.txt", "locked-dir"] {
            let path = root.join(name);
            fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
            corpus.locked.push(path);
        }
        // root reads anything: then both are ordinary articles.
        corpus.permissions_hold = fs::read(root.join("locked.txt")).is_err();
        if corpus.permissions_hold {
            skip(
                &mut corpus,
                "locked.txt",
                "cannot read: Permission denied (os error 13)",
            );
            corpus.skips.push(
                "warning: skipped hostile/locked-dir: cannot read: Permission denied (os error 13)"
                    .into(),
            );
        } else {
            valid(
                &mut corpus,
                "unreadable file (read as root)",
                "zqlockedfile",
                "hostile/locked.txt",
            );
            valid(
                &mut corpus,
                "unreadable folder (read as root)",
                "zqlockeddir",
                "hostile/locked-dir/inside.txt",
            );
        }
    }

    // One huge single-line file: a log saved as .txt.
    {
        use std::io::Write;
        let file = fs::File::create(root.join("server-log.txt")).unwrap();
        let mut out = std::io::BufWriter::new(file);
        let unit = b"2024-10-08T03:14:15Z GET /api/v1/items?id=42 200 0.003s zqlogline | ";
        let mut left = log_bytes;
        while left > 0 {
            let n = left.min(unit.len() as u64) as usize;
            out.write_all(&unit[..n]).unwrap();
            left -= n as u64;
        }
        out.flush().unwrap();
    }
    corpus.files_tried += 1;
    corpus.skips.push(format!(
        "warning: skipped hostile/server-log.txt: too large for one article ({log_bytes} bytes, over the limit of 16777216) — split it into articles, or move it out of the folder"
    ));
    corpus.never_found.push("zqlogline");

    // A JSON Lines record as large as the log, between two small ones.
    {
        use std::io::Write;
        let file = fs::File::create(root.join("big-record.jsonl")).unwrap();
        let mut out = std::io::BufWriter::new(file);
        writeln!(out, r#"{{"id": "b1", "body": "{}"}}"#, story("zqbigbefore")).unwrap();
        let head = br#"{"id": "b2", "body": ""#;
        let tail = br#""}"#;
        out.write_all(head).unwrap();
        let unit = b"zqbigrecord filler text ";
        let mut left = log_bytes - (head.len() + tail.len()) as u64;
        while left > 0 {
            let n = left.min(unit.len() as u64) as usize;
            out.write_all(&unit[..n]).unwrap();
            left -= n as u64;
        }
        out.write_all(tail).unwrap();
        writeln!(out).unwrap();
        writeln!(out, r#"{{"id": "b3", "body": "{}"}}"#, story("zqbigafter")).unwrap();
        out.flush().unwrap();
    }
    corpus.files_tried += 1;
    corpus.records_tried += 3;
    corpus.valid_articles += 2;
    for marker in ["zqbigbefore", "zqbigafter"] {
        corpus.findable.push(Findable {
            kind: "JSON Lines record beside a huge one",
            marker: marker.to_owned(),
            shown_path_end: "hostile/big-record.jsonl".to_owned(),
        });
    }
    corpus.skips.push(format!(
        "warning: skipped hostile/big-record.jsonl:2: not an article record: too large ({log_bytes} bytes, over the limit of 16777216)"
    ));
    corpus.never_found.push("zqbigrecord");

    // A JSON Lines dump of 10,000 tiny articles; every 50th line is broken in one of
    // ten ways, and a few valid records carry huge fields or escape sequences.
    let mut jsonl = String::new();
    let mut bad_lines = 0;
    let mut physical = 0; // the file's line, blank lines counted
    for n in 1..=JSONL_LINES {
        physical += 1;
        let line = if n % 50 == 0 {
            bad_lines += 1;
            let (line, reason) = broken_record(n);
            corpus.skips.push(format!(
                "warning: skipped hostile/feed.jsonl:{physical}: not an article record: {reason}"
            ));
            line
        } else if n == 7 {
            // A 1 MB body and a 64 KB title: large, but an article.
            let body = story("zqhugebody").repeat(1_000_000 / 330);
            format!(
                r#"{{"id": "r{n}", "title": "{}", "body": "{body}"}}"#,
                "Long title ".repeat(6_000)
            )
        } else if n == 9 {
            format!(
                r#"{{"id": "r{n}", "title": "Rates \u001b[31mup\u001b[0m zqjsonansi\u0007", "source": "Wire\u001b]0;x\u0007 Desk", "author": "A\u0008\u0008B", "body": "{} \u001b[2J\u009b1m\r\nzqjsonansibody"}}"#,
                story("zqjsonansistory")
            )
        } else {
            format!(
                r#"{{"id": "r{n}", "title": "Record {n}", "source": "Wire", "date": "2024-10-{:02}", "body": "Item {n}: the council met on Tuesday to discuss the harbour budget and zqrecord{n} figures."}}"#,
                n % 28 + 1
            )
        };
        jsonl.push_str(&line);
        jsonl.push('\n');
        if n == 100 {
            jsonl.push_str("\n   \n"); // blank lines are not records
            physical += 2;
        }
    }
    write("feed.jsonl", jsonl.as_bytes());
    corpus.files_tried += 1;
    corpus.records_tried += u64::from(JSONL_LINES);
    corpus.valid_articles += u64::from(JSONL_LINES) - bad_lines;
    for (kind, marker) in [
        ("JSON Lines record", "zqrecord1"),
        ("JSON Lines record after blank lines", "zqrecord9999"),
        ("JSON Lines record with huge fields", "zqhugebody"),
        ("JSON Lines record with ANSI escapes", "zqjsonansistory"),
    ] {
        corpus.findable.push(Findable {
            kind,
            marker: marker.to_owned(),
            shown_path_end: "hostile/feed.jsonl".to_owned(),
        });
    }
    corpus.never_found.push("zqbrokenrecord");

    corpus
}

/// Broken line `n` of the dump, and the reason its skip must give.
fn broken_record(n: u32) -> (String, String) {
    let no_text = "no text in any of the fields body/text/content/article/maintext/full_text";
    match (n / 50) % 10 {
        0 => {
            let line = format!(r#"{{"id": "r{n}", "body": "zqbrokenrecord unterminated"#);
            let reason = format!(
                "invalid JSON (EOF while parsing a string at line 1 column {})",
                line.len()
            );
            (line, reason)
        }
        1 => (
            format!("not json at all zqbrokenrecord {n}"),
            "invalid JSON (expected ident at line 1 column 2)".to_owned(),
        ),
        2 => (
            format!(r#"{{"id": "r{n}", "body": 12345, "title": "zqbrokenrecord"}}"#),
            no_text.to_owned(),
        ),
        3 => (
            format!(r#"{{"id": "r{n}", "body": ["zqbrokenrecord", "in", "a", "list"]}}"#),
            no_text.to_owned(),
        ),
        4 => (
            format!(r#"{{"id": "r{n}", "title": "zqbrokenrecord with no body"}}"#),
            no_text.to_owned(),
        ),
        5 => (
            format!(r#"["r{n}", "zqbrokenrecord"]"#),
            "not a JSON object".to_owned(),
        ),
        6 => (
            format!(r#"{{"id": "r{n}", "body": "   "}}"#),
            no_text.to_owned(),
        ),
        7 => {
            let mut line = String::new();
            for _ in 0..200 {
                line.push_str(r#"{"body": "#);
            }
            line.push_str(r#""zqbrokenrecord""#);
            for _ in 0..200 {
                line.push('}');
            }
            (
                line,
                "invalid JSON (recursion limit exceeded at line 1 column 1144)".to_owned(),
            )
        }
        8 => (
            format!(r#"{{"id": "r{n}", "body": null, "text": {{"zqbrokenrecord": 1}}}}"#),
            no_text.to_owned(),
        ),
        _ => (
            // A huge field, but not an article: 2 MB of title and no body.
            format!(
                r#"{{"id": "r{n}", "title": "zqbrokenrecord {}"}}"#,
                "x".repeat(2_000_000)
            ),
            no_text.to_owned(),
        ),
    }
}
