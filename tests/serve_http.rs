//! `search serve` over HTTP: status codes of every page and API, the JSON API against
//! the command line's `--json` (the same objects), errors with the command line's
//! messages, escaping of hostile article text, the safety headers, addresses that try
//! to climb out (`/article/../../etc/passwd`), the limits, a reload after `search
//! index`, and the binary's start (the URL printed, the warning off loopback) and
//! Ctrl-C. The pages are tested in a real browser in `serve_browser.rs`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use search::serve::Limits;
use serde_json::Value;

mod hostile;
mod testenv;
mod webenv;

use webenv::{HOSTILE_TITLE, TestServer, json_lines, request, search, succeeded};

/// The shared read-only fixture: the indexed corpus and a server over it.
struct Fixture {
    dir: PathBuf,
    server: TestServer,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = webenv::indexed_corpus("serve-http");
        let server = TestServer::start(&dir.join("index"), Limits::default());
        Fixture { dir, server }
    })
}

/// `search ARGS --json` on the fixture's index, as JSON lines.
fn cli_json(dir: &Path, args: &[&str]) -> Vec<Value> {
    let output = search(dir)
        .arg("--index")
        .arg(dir.join("index"))
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    json_lines(&succeeded(output, args))
}

/// An article id from a query's first hit.
fn some_article_id(server: &TestServer, query: &str) -> String {
    let found = server.json(&format!("/api/query?q={query}"));
    found["hits"][0]["article_id"].as_str().unwrap().to_owned()
}

#[test]
fn every_page_and_api_answers_with_its_status() {
    let fx = fixture();
    let id = some_article_id(&fx.server, "missile");
    let ok = [
        "/".to_owned(),
        "/?q=missile".to_owned(),
        "/?q=missile&outlet=Conflict+Watcher&since=2024-10&until=2024-10".to_owned(),
        "/?q=&entity=Kim+Jong+Un".to_owned(),
        "/?q=missile&limit=40&offset=1".to_owned(),
        format!("/article/{id}"),
        format!("/article/{id}?q=missile&p=2#p2"),
        "/quote".to_owned(),
        "/quote?q=six+officers+from+North+Korea&by=date".to_owned(),
        "/entities".to_owned(),
        "/entities?type=place".to_owned(),
        "/stats".to_owned(),
        "/assets/style.css".to_owned(),
        "/assets/app.js".to_owned(),
        "/api/query?q=missile".to_owned(),
        "/api/quote?q=six+officers+from+North+Korea".to_owned(),
        "/quote/list".to_owned(),
        format!("/api/article/{id}"),
        "/api/entities?type=person".to_owned(),
        "/api/stats".to_owned(),
    ];
    for path in &ok {
        let reply = fx.server.get(path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
    }
    let bad = [
        ("/?q=%22unclosed", 400),
        ("/?q=x&since=someday", 400),
        ("/api/query?q=%22unclosed", 400),
        ("/api/query?q=", 400),
        ("/api/query?q=x&limit=100000", 400),
        ("/api/entities?type=animal", 400),
        ("/api/quote?q=", 400),
        ("/article/0123456789abcdef", 404),
        ("/api/article/0123456789abcdef", 404),
        ("/api/article/not-an-id", 404),
        ("/nowhere", 404),
        ("/api/nowhere", 404),
        ("/assets/Cargo.toml", 404),
    ];
    for (path, status) in bad {
        let reply = fx.server.get(path);
        assert_eq!(reply.status, status, "{path}: {}", reply.body);
        if path.starts_with("/api/") {
            let error: Value = serde_json::from_str(&reply.body).unwrap();
            assert!(
                error["error"].as_str().is_some_and(|e| !e.is_empty()),
                "{path}: {error}"
            );
            assert_eq!(error.as_object().unwrap().len(), 1, "{path}: {error}");
        }
    }
}

#[test]
fn every_answer_carries_the_safety_headers() {
    let fx = fixture();
    for path in [
        "/",
        "/?q=missile",
        "/api/query?q=missile",
        "/nowhere",
        "/assets/app.js",
    ] {
        let reply = fx.server.get(path);
        let csp = reply.header("content-security-policy").unwrap_or("");
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("http"),
            "{path}: {csp}"
        );
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            reply.header("referrer-policy"),
            Some("no-referrer"),
            "{path}"
        );
    }
    let page = fx.server.get("/?q=missile");
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    // No inline script or style, no remote address: everything comes from /assets/.
    assert!(!page.body.contains("<script>") && !page.body.contains("style="));
    assert!(!page.body.contains("http://") && !page.body.contains("https://"));
    assert!(
        page.body
            .contains(r#"<script type="module" src="/assets/app.js"#)
    );
}

#[test]
fn the_query_api_returns_the_objects_query_json_prints() {
    let fx = fixture();
    for (api, args) in [
        (
            "/api/query?q=missile&limit=20&facets=1",
            vec!["query", "missile", "--facets", "-n", "20"],
        ),
        (
            "/api/query?q=North+Korean+officers&outlet=Conflict+Watcher&limit=5&facets=1",
            vec![
                "query",
                "North Korean officers",
                "--outlet",
                "Conflict Watcher",
                "--facets",
                "-n",
                "5",
            ],
        ),
        (
            "/api/query?q=troops+(Pyongyang&plain=1&limit=3&facets=1",
            vec!["query", "-F", "troops (Pyongyang", "--facets", "-n", "3"],
        ),
    ] {
        let served = fx.server.json(api);
        let mut printed = cli_json(&fx.dir, &args);
        let facets_line = printed.pop().unwrap();
        assert_eq!(served["hits"], Value::Array(printed), "{api}");
        assert_eq!(served["facets"], facets_line["facets"], "{api}");
        assert_eq!(served["total"], facets_line["total_passages"], "{api}");
        // With facets every match is counted: the total is exact.
        assert_eq!(served["total_is_lower_bound"], Value::Bool(false), "{api}");
        assert_eq!(served.as_object().unwrap().len(), 4, "{api}");
    }
    // Paging: offset skips the first results, ranks and all.
    let all = fx.server.json("/api/query?q=missile&limit=4");
    let later = fx.server.json("/api/query?q=missile&limit=2&offset=2");
    assert_eq!(later["hits"][0], all["hits"][2]);
    assert_eq!(later["hits"][1], all["hits"][3]);
    // Facets are computed when asked for, as `--facets` asks the command line.
    let bare = fx.server.json("/api/query?q=missile");
    assert_eq!(bare["facets"], Value::Null);
    assert_eq!(bare["total"], all["total"]);
}

#[test]
fn the_other_apis_return_the_objects_their_commands_print() {
    let fx = fixture();
    let quote = "six officers from North Korea";
    let served = fx.server.json("/api/quote?q=six+officers+from+North+Korea");
    let printed = cli_json(&fx.dir, &["quote", quote]);
    assert!(!printed.is_empty());
    assert_eq!(served, serde_json::json!({ "matches": printed }));

    let by_date = fx
        .server
        .json("/api/quote?q=six+officers+from+North+Korea&by=date&limit=2");
    let printed = cli_json(&fx.dir, &["quote", quote, "--by", "date", "-n", "2"]);
    assert_eq!(by_date, serde_json::json!({ "matches": printed }));

    let id = some_article_id(&fx.server, "missile");
    let served = fx.server.json(&format!("/api/article/{id}"));
    assert_eq!(vec![served], cli_json(&fx.dir, &["show", &id]));

    let served = fx.server.json("/api/entities");
    assert_eq!(
        served,
        serde_json::json!({ "entities": cli_json(&fx.dir, &["entities"]) })
    );
    let served = fx.server.json("/api/entities?type=place&top=3");
    let printed = cli_json(&fx.dir, &["entities", "--type", "place", "--top", "3"]);
    assert_eq!(served, serde_json::json!({ "entities": printed }));

    let served = fx.server.json("/api/stats");
    assert_eq!(vec![served], cli_json(&fx.dir, &["stats"]));
}

#[test]
fn a_bad_query_is_a_400_with_the_command_lines_message() {
    let fx = fixture();
    let output = search(&fx.dir)
        .arg("--index")
        .arg(fx.dir.join("index"))
        .args(["query", "\"unclosed"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let line = String::from_utf8(output.stderr).unwrap();
    let message = line.trim_end().strip_prefix("search: ").unwrap();
    let reply = fx.server.get("/api/query?q=%22unclosed");
    assert_eq!(reply.status, 400);
    let error: Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(error["error"], message);
    // The page shows it under the box, escaped, with the query kept in the box.
    let page = fx.server.get("/?q=%22unclosed");
    assert_eq!(page.status, 400);
    assert!(page.body.contains("role=\"alert\""), "{}", page.body);
    assert!(
        page.body.contains("value=\"&quot;unclosed\""),
        "{}",
        page.body
    );
}

#[test]
fn hostile_article_text_is_escaped_on_every_page() {
    let fx = fixture();
    let found = fx.server.json("/api/query?q=Zanzibar+ferry");
    assert_eq!(found["hits"][0]["title"], HOSTILE_TITLE);
    let id = found["hits"][0]["article_id"].as_str().unwrap();
    let pages = [
        "/?q=Zanzibar+ferry".to_owned(),
        "/?q=Zanzibar&outlet=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E".to_owned(),
        format!("/article/{id}?q=Zanzibar+script&p=1#p1"),
        "/quote?q=Zanzibar+officials+said+the+ferry+carried+300+people".to_owned(),
        "/entities?type=place".to_owned(),
        "/stats".to_owned(),
    ];
    for path in &pages {
        let page = fx.server.get(path);
        assert_eq!(page.status, 200, "{path}");
        let body = &page.body;
        // The only script element is the module the frame loads.
        assert_eq!(body.matches("<script").count(), 1, "{path}: {body}");
        assert!(!body.contains("<img"), "{path}");
        assert!(!body.contains("<b>bold"), "{path}");
        assert!(!body.contains("onerror=alert(1)>"), "{path}");
    }
    let results = fx.server.get("/?q=Zanzibar+ferry").body;
    assert!(
        results.contains("&lt;script&gt;alert('title')&lt;/script&gt; &amp; &quot;Quoted&quot; &lt;b&gt;bold&lt;/b&gt;"),
        "{results}"
    );
    assert!(results.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let article = fx.server.get(&format!("/article/{id}")).body;
    assert!(
        article.contains("&lt;script&gt;alert('body')&lt;/script&gt;"),
        "{article}"
    );
    // In an attribute (the outlet filter's hidden input and links) it is escaped too.
    let filtered = fx
        .server
        .get("/?q=Zanzibar&outlet=%22%3E%3Cscript%3Ealert(3)%3C%2Fscript%3E")
        .body;
    assert!(
        filtered.contains("value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;\""),
        "{filtered}"
    );
}

#[test]
fn paths_that_climb_out_are_not_found() {
    let fx = fixture();
    for path in [
        "/article/../../etc/passwd",
        "/article/..%2F..%2Fetc%2Fpasswd",
        "/article/%2Fetc%2Fpasswd",
        "/api/article/..%2F..%2FCargo.toml",
        "/api/article/..%2Fcorpus%2F003_4f4d7faab0ac3298.txt",
        "/assets/..%2F..%2FCargo.toml",
        "/assets/../../Cargo.toml",
        "/../../../etc/passwd",
    ] {
        let reply = request(fx.server.addr, "GET", path, &[]);
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
        assert!(!reply.body.contains("root:"), "{path}");
    }
}

#[test]
fn a_list_of_quotes_gets_the_report_search_quote_file_prints() {
    let fx = fixture();
    let list = "six officers from North Korea\n\nthe of and\nzebra xylophone quantum marmalade\n";
    std::fs::write(fx.dir.join("serve-list.txt"), list).unwrap();
    let printed = cli_json(&fx.dir, &["quote", "--file", "serve-list.txt"]);
    assert_eq!(printed.len(), 4);
    let reply = request(fx.server.addr, "POST", "/api/quote/list", list.as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.body);
    let served: Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(served, serde_json::json!({ "rows": printed }));

    // The CSV report, as a download: what `--format csv` prints.
    let csv = search(&fx.dir)
        .arg("--index")
        .arg(fx.dir.join("index"))
        .args(["quote", "--file", "serve-list.txt", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(succeeded(csv, ["quote", "--format", "csv"])).unwrap();
    let reply = request(
        fx.server.addr,
        "POST",
        "/api/quote/list?format=csv",
        list.as_bytes(),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.header("content-type"),
        Some("text/csv; charset=utf-8")
    );
    assert_eq!(reply.body, csv);

    // The page: a table row per quote, each with its verdict.
    let form = format!("list={}", list.replace(' ', "+").replace('\n', "%0A"));
    let reply = request(fx.server.addr, "POST", "/quote/list", form.as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body.matches("<tr>").count(), 5, "{}", reply.body);
    assert!(
        reply
            .body
            .contains("4 quotes: 1 exact, 0 changed, 0 paraphrase, 3 none."),
        "{}",
        reply.body
    );
    let reply = request(
        fx.server.addr,
        "POST",
        "/quote/list",
        format!("{form}&download=csv").as_bytes(),
    );
    assert_eq!(reply.body, csv);

    // An empty list and a CSV without its column are 400s with the command line's words.
    let reply = request(fx.server.addr, "POST", "/api/quote/list", b"");
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body,
        r#"{"error":"the list is empty — give one quote a line, or a CSV with a quote column"}"#
    );
    // Over 1,000 quotes is a 413, as a body over the limit is.
    let long: String = (0..1001).map(|i| format!("quote number {i}\n")).collect();
    let reply = request(fx.server.addr, "POST", "/api/quote/list", long.as_bytes());
    assert_eq!(reply.status, 413);
    assert_eq!(
        reply.body,
        r#"{"error":"the list holds 1001 quotes, over the 1000 one request may check — split it, or use search quote --file"}"#
    );
    let reply = request(
        fx.server.addr,
        "POST",
        "/api/quote/list?format=xml",
        b"a b c",
    );
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.body,
        r#"{"error":"format=\"xml\" — give json or csv"}"#
    );
}

#[test]
fn bodies_and_limits_are_capped() {
    let fx = fixture();
    let big = vec![b'a'; 2 * 1024 * 1024];
    let reply = request(fx.server.addr, "POST", "/api/quote", &big);
    assert_eq!(reply.status, 413, "{}", reply.body);
    let error: Value = serde_json::from_str(&reply.body).unwrap();
    assert!(
        error["error"]
            .as_str()
            .unwrap()
            .contains("over 1048576 bytes"),
        "{error}"
    );
    // A body within the limit is a quote to check.
    let reply = request(
        fx.server.addr,
        "POST",
        "/api/quote",
        b"six officers from North Korea",
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let matches: Value = serde_json::from_str(&reply.body).unwrap();
    assert!(!matches["matches"].as_array().unwrap().is_empty());
    // A limit over the cap is refused, not served.
    let reply = fx.server.get("/api/query?q=missile&limit=201");
    assert_eq!(reply.status, 400);
    assert_eq!(fx.server.get("/api/query?q=missile&limit=200").status, 200);
    assert_eq!(
        fx.server.get("/api/query?q=missile&offset=20000").status,
        400
    );
}

#[test]
fn a_request_over_its_time_is_a_503_and_others_go_on() {
    let dir = webenv::indexed_corpus("serve-http-slow");
    let limits = Limits {
        request_time: Duration::ZERO,
        ..Limits::default()
    };
    let server = TestServer::start(&dir.join("index"), limits);
    let reply = server.get("/api/query?q=missile");
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(reply.body.contains("took longer than"), "{}", reply.body);
    // Pages that ask nothing of the engine still answer.
    assert_eq!(server.get("/assets/style.css").status, 200);
}

#[test]
fn a_slow_client_does_not_hold_up_others() {
    let fx = fixture();
    // Half a request, never finished, on several connections.
    let stalled: Vec<std::net::TcpStream> = (0..8)
        .map(|_| {
            let mut stream = std::net::TcpStream::connect(fx.server.addr).unwrap();
            std::io::Write::write_all(&mut stream, b"GET /api/query?q=mis").unwrap();
            stream
        })
        .collect();
    let started = Instant::now();
    let reply = fx.server.get("/api/query?q=missile");
    assert_eq!(reply.status, 200);
    assert!(started.elapsed() < Duration::from_secs(5));
    drop(stalled);
}

#[test]
fn a_new_commit_is_seen_without_a_restart() {
    let dir = webenv::indexed_corpus("serve-http-reload");
    let server = TestServer::start(&dir.join("index"), Limits::default());
    let before = server.get("/api/query?q=quokka");
    assert_eq!(before.status, 200);
    let before: Value = serde_json::from_str(&before.body).unwrap();
    assert_eq!(before["total"], 0);
    std::fs::write(
        dir.join("corpus/quokka.md"),
        "---\ntitle: Quokka census\n---\n\nThe quokka census found more quokkas than expected.\n",
    )
    .unwrap();
    search(&dir)
        .args(["--index", "index", "index", "--quiet", "corpus"])
        .assert()
        .code(0);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found = server.json("/api/query?q=quokka");
        if found["total"].as_u64().unwrap_or(0) > 0 {
            assert_eq!(found["hits"][0]["title"], "Quokka census");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the new article was not seen: {found}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_hostile_corpus_is_served_through_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = hostile::generate(dir.path(), 17_000_000);
    let output = search(dir.path())
        .args([
            "--index",
            "index",
            "index",
            "--quiet",
            "--threads",
            "2",
            "hostile",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let server = TestServer::start(&dir.path().join("index"), Limits::default());
    let mut pages = vec![
        "/stats".to_owned(),
        "/entities".to_owned(),
        "/entities?type=org&top=0".to_owned(),
    ];
    for findable in &corpus.findable {
        let marker = &findable.marker;
        let found = server.json(&format!("/api/query?q={marker}&facets=1"));
        let id = found["hits"][0]["article_id"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: {marker} not found", findable.kind));
        pages.push(format!("/?q={marker}"));
        pages.push(format!("/article/{id}?q={marker}&p=1"));
        pages.push(format!("/api/article/{id}"));
        pages.push(format!("/quote?q=the+harbour+authority+confirmed+{marker}"));
    }
    for word in &corpus.never_found {
        pages.push(format!("/?q={word}"));
    }
    for path in &pages {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        if !path.starts_with("/api/") {
            // Nothing from the articles runs: the one script is the page's own module.
            assert_eq!(reply.body.matches("<script").count(), 1, "{path}");
            assert!(
                !reply.body.contains("<img") && !reply.body.contains("<iframe"),
                "{path}"
            );
            assert!(!reply.body.contains("javascript:"), "{path}");
        }
    }
}

/// `search serve` as a user starts it: the URL on stdout, then Ctrl-C.
fn spawn_serve(dir: &Path, listen: &str) -> (std::process::Child, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_search"))
        .current_dir(dir)
        .args(["--index", "index", "serve", "--listen", listen])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_owned();
    (child, line, url)
}

/// Ctrl-C to `child`, which must stop with exit code 0; its stderr.
fn interrupt(child: std::process::Child) -> String {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn serve_prints_its_url_and_stops_on_ctrl_c() {
    let fx = fixture();
    let (child, line, url) = spawn_serve(&fx.dir, "127.0.0.1:0");
    assert!(
        line.starts_with("search: serving the index at http://127.0.0.1:"),
        "{line}"
    );
    assert!(line.contains("Ctrl-C"), "{line}");
    let addr: std::net::SocketAddr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert_eq!(request(addr, "GET", "/", &[]).status, 200);
    let stderr = interrupt(child);
    assert_eq!(stderr, "search: stopped\n");
}

#[test]
fn serve_warns_when_it_listens_beyond_this_machine() {
    let fx = fixture();
    let (child, _, _) = spawn_serve(&fx.dir, "0.0.0.0:0");
    let stderr = interrupt(child);
    assert!(
        stderr.starts_with("warning: listening on 0.0.0.0:"),
        "{stderr}"
    );
    assert!(stderr.contains("anyone who can reach it can read the whole collection"));
}

#[test]
fn serve_without_an_index_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    search(dir.path())
        .args(["--index", "missing", "serve", "--listen", "127.0.0.1:0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no index at missing"));
}
