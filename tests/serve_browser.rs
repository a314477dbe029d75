//! `search serve` in a real browser: headless Chromium driven through chromedriver
//! (WebDriver, with fantoccini), used as a person would — type a query, open a result,
//! go back, narrow by an outlet, by a histogram bar and by dragging across bars, check
//! a quote and read its diff — at laptop and phone widths. Screenshots of each page go to
//! `target/screenshots/`, or to `docs/screenshots/` (shown in the guide) when
//! `SEARCH_SCREENSHOTS=docs` is set to refresh them. Skipped, with the reason, when Chromium
//! or chromedriver is not installed (`apt-get install chromium chromium-driver`;
//! `.ci/run` installs them).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::{Client, ClientBuilder, Locator};
use search::serve::Limits;
use serde_json::json;

mod testenv;
mod webenv;

use webenv::{TestServer, repo, request, search};

/// The first of `names` found on PATH or as a path.
fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|name| {
        let direct = Path::new(name);
        if direct.is_absolute() {
            return direct.is_file().then(|| direct.to_path_buf());
        }
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr = format!("127.0.0.1:{port}").parse().unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(addr).is_err()
            || request(addr, "GET", "/status", &[]).status != 200
        {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A few more dated articles, so the histogram has months to click.
fn add_ferry_articles(corpus: &Path) {
    for (month, outlet, text) in [
        (
            "2024-06-12",
            "Island Times",
            "The new ferry to Pemba made its first crossing.",
        ),
        (
            "2024-06-20",
            "Coast Weekly",
            "Ferry tickets to Pemba sold out within a day.",
        ),
        (
            "2024-08-03",
            "Island Times",
            "A ferry strike kept islanders at home for a week.",
        ),
        (
            "2024-09-14",
            "Coast Weekly",
            "Ferry operators promised new boats before the rains.",
        ),
    ] {
        std::fs::write(
            corpus.join(format!("ferry-{month}.md")),
            format!(
                "---\ntitle: Ferry news {month}\noutlet: {outlet}\ndate: {month}\n---\n\n{text}\n"
            ),
        )
        .unwrap();
    }
}

async fn save_screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    // PNG bytes vary from run to run; the committed pictures change only on request.
    let dir = match std::env::var("SEARCH_SCREENSHOTS").as_deref() {
        Ok("docs") => repo().join("docs/screenshots"),
        _ => repo().join("target/screenshots"),
    };
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|err| panic!("{css}: {err}"))
}

async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in client.find_all(Locator::Css(css)).await.unwrap() {
        out.push(element.text().await.unwrap());
    }
    out
}

async fn path_and_query(client: &Client) -> String {
    let url = client.current_url().await.unwrap();
    match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    }
}

#[test]
fn a_fact_checker_searches_reads_narrows_and_checks_a_quote() {
    let Some(chromium) = find_program(&["chromium", "chromium-browser", "google-chrome"]) else {
        eprintln!(
            "skipped: no Chromium on PATH — install it with `apt-get install chromium chromium-driver` (.ci/run does)"
        );
        return;
    };
    let Some(chromedriver) = find_program(&["chromedriver", "/usr/lib/chromium/chromedriver"])
    else {
        eprintln!(
            "skipped: no chromedriver on PATH — install it with `apt-get install chromium-driver` (.ci/run does)"
        );
        return;
    };
    let dir = webenv::indexed_corpus("serve-browser");
    add_ferry_articles(&dir.join("corpus"));
    search(&dir)
        .args(["--index", "index", "index", "--quiet", "corpus"])
        .assert()
        .code(0);
    let server = TestServer::start(&dir.join("index"), Limits::default());
    let driver = Driver::start(&chromedriver);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(use_the_pages(&chromium, &driver, &server.url()));
}

/// The walk through the pages, in the browser `chromium` that `driver` runs, on the
/// server at `base`.
async fn use_the_pages(chromium: &Path, driver: &Driver, base: &str) {
    let profile = tempfile::tempdir().unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let capabilities = json!({
        "goog:chromeOptions": {
            "binary": chromium,
            "prefs": {
                "download.default_directory": downloads.path(),
                "download.prompt_for_download": false,
            },
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        }
    });
    let serde_json::Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("chromedriver session");

    // The search page: "/" puts the cursor in the box; type a query and search.
    client.goto(&format!("{base}/")).await.unwrap();
    let body = wait_for(&client, "body").await;
    body.send_keys("/").await.unwrap();
    let focused = client
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, json!("q"), "/ focuses the search box");
    save_screenshot(&client, "home").await;
    let q = client.find(Locator::Id("q")).await.unwrap();
    q.send_keys("North Korean officers").await.unwrap();
    client
        .find(Locator::Css("form.search button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "li.hit").await;
    assert!(
        path_and_query(&client)
            .await
            .starts_with("/?q=North+Korean+officers")
    );
    let first_titles = texts(&client, "li.hit h2").await;
    assert!(first_titles.len() >= 3, "{first_titles:?}");
    assert!(
        !texts(&client, "li.hit mark").await.is_empty(),
        "snippets are highlighted"
    );
    save_screenshot(&client, "search").await;

    // A result → its article, the passage marked and the words highlighted → back.
    client
        .find(Locator::Css("li.hit h2 a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let marked = wait_for(&client, "li.passage.marked").await;
    assert!(path_and_query(&client).await.starts_with("/article/"));
    assert!(
        !marked
            .find_all(Locator::Css("mark"))
            .await
            .unwrap()
            .is_empty()
    );
    let fragment = client
        .current_url()
        .await
        .unwrap()
        .fragment()
        .map(str::to_owned);
    assert_eq!(
        fragment.as_deref(),
        marked.attr("id").await.unwrap().as_deref(),
        "the fragment names the marked passage"
    );
    save_screenshot(&client, "article-passage").await;
    client
        .execute("window.scrollTo(0, 0)", vec![])
        .await
        .unwrap();
    save_screenshot(&client, "article").await;
    client.back().await.unwrap();
    wait_for(&client, "li.hit").await;
    assert_eq!(texts(&client, "li.hit h2").await, first_titles);
    let kept = client
        .execute("return document.getElementById('q').value", vec![])
        .await
        .unwrap();
    assert_eq!(kept, json!("North Korean officers"));

    // An outlet facet narrows the results to that outlet, and the URL says so.
    let outlet = client.find(Locator::Css(".facet li a")).await.unwrap();
    let outlet_name = outlet
        .find(Locator::Css(".name"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    outlet.click().await.unwrap();
    wait_for(&client, "ul.chips").await;
    assert!(path_and_query(&client).await.contains("outlet="));
    let outlets = texts(&client, "li.hit .outlet").await;
    assert!(!outlets.is_empty() && outlets.len() < first_titles.len());
    assert!(
        outlets.iter().all(|o| *o == outlet_name),
        "{outlets:?} ≠ {outlet_name}"
    );

    // A histogram bar narrows the dates to its month.
    client.goto(&format!("{base}/?q=ferry")).await.unwrap();
    wait_for(&client, "figure.histogram svg").await;
    let before = texts(&client, "li.hit").await.len();
    assert_eq!(before, 5, "four ferry articles and the hostile one");
    save_screenshot(&client, "histogram").await;
    let bar = client
        .find(Locator::Css("figure.histogram a[data-period='2024-06']"))
        .await
        .unwrap();
    bar.click().await.unwrap();
    wait_for(&client, "ul.chips").await;
    let now = path_and_query(&client).await;
    assert!(
        now.contains("since=2024-06") && now.contains("until=2024-06"),
        "{now}"
    );
    let dates = texts(&client, "li.hit time").await;
    assert_eq!(dates.len(), 2, "{dates:?}");
    assert!(dates.iter().all(|d| d.starts_with("2024-06")), "{dates:?}");

    // Dragging across bars narrows the dates to the range (the script's enhancement).
    client.goto(&format!("{base}/?q=ferry")).await.unwrap();
    wait_for(&client, "figure.histogram svg").await;
    let slot = |period: &str| format!("figure.histogram a[data-period='{period}'] rect.slot");
    let from = client.find(Locator::Css(&slot("2024-08"))).await.unwrap();
    let to = client.find(Locator::Css(&slot("2024-09"))).await.unwrap();
    let drag = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveToElement {
            element: from,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: to,
            duration: Some(Duration::from_millis(200)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(drag).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !path_and_query(&client).await.contains("until=2024-09") {
        assert!(
            Instant::now() < deadline,
            "the drag did not narrow the dates"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let now = path_and_query(&client).await;
    assert!(now.contains("since=2024-08"), "{now}");
    wait_for(&client, "li.hit").await;
    let mut dates = texts(&client, "li.hit time").await;
    dates.sort();
    assert_eq!(dates, ["2024-08-03", "2024-09-14", "2024-09-30"]);

    // A quote with a changed number: the diff shows what the quote has and the
    // article has instead, with the legend.
    client.goto(&format!("{base}/quote")).await.unwrap();
    let quote_box = wait_for(&client, "textarea#q").await;
    quote_box
        .send_keys("Among the 30 soldiers killed in the Ukrainian missile attack near Donetsk were six officers from North Korea")
        .await
        .unwrap();
    client
        .find(Locator::Css("form.quote button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "li.match").await;
    assert!(
        texts(&client, "li.match .diff del")
            .await
            .iter()
            .any(|t| t.contains("30"))
    );
    assert!(
        texts(&client, "li.match .diff ins")
            .await
            .iter()
            .any(|t| t.contains("20"))
    );
    assert_eq!(texts(&client, "dl.legend dt").await.len(), 4);
    // What changed is said before the diff.
    assert!(
        texts(&client, "li.match ul.changes li")
            .await
            .iter()
            .any(|t| t == "number changed: 20 → 30"),
        "{:?}",
        texts(&client, "li.match ul.changes li").await
    );
    save_screenshot(&client, "quote").await;

    // A list of quotes: one verdict a row, and the report downloads as CSV.
    client.goto(&format!("{base}/quote/list")).await.unwrap();
    let list_box = wait_for(&client, "textarea#list").await;
    list_box
        .send_keys("Among the 30 soldiers killed in the Ukrainian missile attack near Donetsk were six officers from North Korea\nzebra xylophone quantum marmalade")
        .await
        .unwrap();
    client
        .find(Locator::Css("form.quote button[type=submit]:not([name])"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "table.list").await;
    assert_eq!(
        texts(&client, "table.list td span.class").await,
        ["paraphrase", "none"]
    );
    assert_eq!(
        texts(&client, "table.list td span.change").await,
        ["number changed: 20 → 30"]
    );
    save_screenshot(&client, "quote-list").await;
    client
        .find(Locator::Css("form.quote button[name=download]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let csv_path = downloads.path().join("quote-check.csv");
    let started = Instant::now();
    while !csv_path.exists() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let csv = std::fs::read_to_string(&csv_path).expect("the CSV report downloaded");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with("line,quote,verdict,"), "{csv}");
    assert!(
        lines[1].contains(",paraphrase,,0.66,number changed: 20 → 30,"),
        "{csv}"
    );
    assert!(
        lines[2].starts_with("2,zebra xylophone quantum marmalade,none,"),
        "{csv}"
    );

    client.goto(&format!("{base}/entities")).await.unwrap();
    wait_for(&client, "table.entities").await;
    save_screenshot(&client, "entities").await;
    client.goto(&format!("{base}/stats")).await.unwrap();
    wait_for(&client, "dl.meta").await;
    save_screenshot(&client, "stats").await;

    // At a phone's width the page still reads: no sideways scrolling.
    client.set_window_size(390, 844).await.unwrap();
    client
        .goto(&format!("{base}/?q=North+Korean+officers"))
        .await
        .unwrap();
    wait_for(&client, "li.hit").await;
    let overflow = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        overflow.as_i64().unwrap_or(1) <= 0,
        "sideways overflow {overflow}"
    );
    save_screenshot(&client, "search-phone").await;

    client.close().await.unwrap();
}
