//! What the web tests share: an index of the seed corpus plus a hostile article, a
//! server over it running in this process, and a small HTTP/1.1 client on a plain
//! socket (so the tests see the bytes the server sends, and can send paths a client
//! library would tidy up first).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use search::Engine;
use search::serve::{Limits, Server};

use crate::testenv;

#[allow(unused_imports)] // not every test file runs the CLI
pub use testenv::{copy_tree, json_lines, repo, search, succeeded};

/// The title of the article written to try the escaping.
#[allow(dead_code)]
pub const HOSTILE_TITLE: &str = "<script>alert('title')</script> & \"Quoted\" <b>bold</b>";

/// A folder holding `corpus/` (the seed articles plus `hostile.md`) indexed into
/// `index/`, under `name` in cargo's temp folder for integration tests (made anew).
pub fn indexed_corpus(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    copy_tree(&repo().join("corpus"), &dir.join("corpus"));
    std::fs::write(
        dir.join("corpus/hostile.md"),
        format!(
            "---\ntitle: {}\noutlet: <img src=x onerror=alert(1)>\ndate: 2024-09-30\n---\n\n\
             Zanzibar officials said the <script>alert('body')</script> ferry carried 300 people.\n\n\
             A second paragraph about the Zanzibar ferry and its \"javascript:alert(2)\" link.\n",
            HOSTILE_TITLE
        ),
    )
    .unwrap();
    search(&dir)
        .args(["--index", "index", "index", "--quiet", "corpus"])
        .assert()
        .code(0);
    dir
}

/// A server running in this process, stopped when dropped.
pub struct TestServer {
    /// Where it listens.
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestServer {
    /// Serves the index at `index` on a free loopback port, within `limits`.
    pub fn start(index: &Path, limits: Limits) -> TestServer {
        let engine = Engine::open(index).unwrap();
        let server = Server::bind(engine, "127.0.0.1:0".parse().unwrap(), limits).unwrap();
        let addr = server.addr();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            server
                .run_until(async move {
                    let _ = stopped.await;
                })
                .unwrap();
        });
        TestServer {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Reply {
        request(self.addr, "GET", path, &[])
    }

    /// The JSON of `GET path`, which must answer 200.
    #[allow(dead_code)]
    pub fn json(&self, path: &str) -> serde_json::Value {
        let reply = self.get(path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    #[allow(dead_code)]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// An answer: status, headers (names in lower case) and body.
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The headers.
    #[allow(dead_code)] // not every test file reads headers
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
}

impl Reply {
    /// The value of header `name`, if sent.
    #[allow(dead_code)]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One request on its own connection, exactly as written (the path is not tidied).
pub fn request(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    // A server may answer (413) before reading a long body, and close: that is fine.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Reply {
        status,
        headers,
        body: String::from_utf8(body).unwrap(),
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(std::str::from_utf8(&data[..end]).unwrap().trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
}
