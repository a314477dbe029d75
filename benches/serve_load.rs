//! Load on `search serve`: CLIENTS concurrent clients, each on one keep-alive
//! connection, send varied `GET /api/query` requests (pairs of words from a news
//! vocabulary, some phrases, some date and outlet filters) for SECONDS, and on until at
//! least REQUESTS have been answered. Prints requests/s, latency percentiles and the
//! server's resident memory (VmRSS of SERVE_PID, sampled every 1,000 requests).
//!
//! Run by `benches/serve_load.sh`, which builds the index and starts the server:
//!
//!   SERVE_URL=http://127.0.0.1:7474 SERVE_PID=1234 cargo bench --bench serve_load
//!
//! Environment: SERVE_URL (required), SERVE_PID (for memory; optional), CLIENTS
//! (default 16), SECONDS (default 30), REQUESTS (default 20000; 0 stops at SECONDS),
//! EXTRA (appended to every query string, e.g. `&facets=1`), RATE (requests/s for
//! all clients together). Without RATE each client sends its next request as soon as
//! the last is answered (the most the server can answer); with it, requests leave on a
//! fixed schedule and latency counts from when each was due, so a server that falls
//! behind is charged for the wait (no coordinated omission). Only loopback addresses
//! are accepted.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Words the queries are made of: common in the Reuters newswire of 1987.
const WORDS: &[&str] = &[
    "oil",
    "prices",
    "opec",
    "dollar",
    "yen",
    "trade",
    "deficit",
    "bank",
    "rates",
    "interest",
    "wheat",
    "exports",
    "grain",
    "coffee",
    "sugar",
    "gold",
    "shares",
    "stock",
    "profit",
    "loss",
    "tax",
    "budget",
    "inflation",
    "growth",
    "japan",
    "germany",
    "brazil",
    "debt",
    "loans",
    "merger",
    "takeover",
    "bid",
    "dividend",
    "earnings",
    "quarter",
    "crude",
    "gas",
    "steel",
    "copper",
    "cocoa",
    "tariffs",
    "imports",
    "currency",
    "treasury",
    "bonds",
    "federal",
    "reserve",
    "money",
    "supply",
    "unemployment",
    "strike",
    "shipping",
    "farm",
    "corn",
    "soybeans",
    "rubber",
    "tin",
    "zinc",
    "airline",
    "computer",
];

/// The `i`-th query string: mostly two words, some one word, phrases and filters.
fn query(i: u64) -> String {
    // A fixed pseudo-random sequence (SplitMix64) so runs are comparable.
    let mut z = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    let n = WORDS.len() as u64;
    let a = WORDS[(z % n) as usize];
    let b = WORDS[((z >> 16) % n) as usize];
    match (z >> 40) % 10 {
        0 => format!("q={a}"),
        1 => format!("q=%22{a}+{b}%22"),
        2 => format!("q={a}+{b}&since=1987-03&until=1987-06"),
        3 => format!("q={a}+{b}&outlet=Reuters"),
        _ => format!("q={a}+{b}"),
    }
}

/// The server's resident memory in KiB.
fn rss_kib(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One request on a keep-alive connection; the status, or None when it failed.
fn get(reader: &mut BufReader<TcpStream>, host: &str, path: &str) -> Option<u16> {
    let head = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
    reader.get_mut().write_all(head.as_bytes()).ok()?;
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let status = line.split(' ').nth(1)?.parse().ok()?;
    let mut length = 0usize;
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        if let Some((name, value)) = trimmed.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(status)
}

fn main() {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.into());
    let Ok(url) = std::env::var("SERVE_URL") else {
        eprintln!("serve_load: set SERVE_URL (benches/serve_load.sh does); nothing to do");
        return;
    };
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let addr: SocketAddr = host.parse().expect("SERVE_URL is http://IP:PORT");
    assert!(
        addr.ip().is_loopback(),
        "load only a server on this machine"
    );
    let clients: usize = env("CLIENTS", "16").parse().expect("CLIENTS");
    let seconds: u64 = env("SECONDS", "30").parse().expect("SECONDS");
    let wanted: u64 = env("REQUESTS", "20000").parse().expect("REQUESTS");
    let extra = env("EXTRA", "");
    let rate: Option<f64> = std::env::var("RATE").ok().map(|r| r.parse().expect("RATE"));
    let pid = std::env::var("SERVE_PID").ok();

    let next = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let rss_start = pid.as_deref().and_then(rss_kib);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    // A hard stop, whatever happens: twice the time asked for.
    let cutoff = started + Duration::from_secs(seconds * 2 + 60);

    let workers: Vec<_> = (0..clients)
        .map(|client| {
            let (next, done, failed, stop) = (
                Arc::clone(&next),
                Arc::clone(&done),
                Arc::clone(&failed),
                Arc::clone(&stop),
            );
            let (host, extra) = (host.clone(), extra.clone());
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let connect = || {
                    let stream = TcpStream::connect(addr).ok()?;
                    stream.set_nodelay(true).ok()?;
                    stream
                        .set_read_timeout(Some(Duration::from_secs(30)))
                        .ok()?;
                    Some(BufReader::new(stream))
                };
                let mut reader = connect();
                // With a rate, this client's k-th request is due at start + (k·clients +
                // client) / rate.
                let mut k = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let path = format!("/api/query?{}&limit=10{extra}", query(i));
                    let sent = match rate {
                        Some(rate) => {
                            let due = started
                                + Duration::from_secs_f64(
                                    (k as f64 * clients as f64 + client as f64) / rate,
                                );
                            k += 1;
                            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                                std::thread::sleep(wait);
                            }
                            due
                        }
                        None => Instant::now(),
                    };
                    let status = reader.as_mut().and_then(|reader| get(reader, &host, &path));
                    latencies.push(sent.elapsed());
                    if status != Some(200) {
                        failed.fetch_add(1, Ordering::Relaxed);
                        reader = connect();
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
                latencies
            })
        })
        .collect();

    let mut rss_samples = Vec::new();
    let mut next_sample = 1000;
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let answered = done.load(Ordering::Relaxed);
        while answered >= next_sample {
            if let Some(kib) = pid.as_deref().and_then(rss_kib) {
                rss_samples.push((next_sample, kib));
            }
            next_sample += 1000;
        }
        let now = Instant::now();
        if (now >= deadline && answered >= wanted) || now >= cutoff {
            stop.store(true, Ordering::Relaxed);
            break;
        }
    }
    let mut latencies: Vec<Duration> = workers
        .into_iter()
        .flat_map(|worker| worker.join().unwrap_or_default())
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let total = latencies.len();
    let paced = rate.map_or_else(
        || "as fast as answered".to_owned(),
        |rate| format!("paced at {rate} requests/s"),
    );
    let with = if extra.is_empty() {
        String::new()
    } else {
        format!(", every query with {extra}")
    };
    println!("clients {clients} ({paced}{with}): {total} requests in {elapsed:.1} s");
    println!("requests/s {:.0}", total as f64 / elapsed);
    println!(
        "latency ms: p50 {:.1}, p90 {:.1}, p99 {:.1}, max {:.1}",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0)
    );
    println!("failed {}", failed.load(Ordering::Relaxed));
    if let (Some(start), Some(&(_, first)), Some(&(at, last))) =
        (rss_start, rss_samples.first(), rss_samples.last())
    {
        let max = rss_samples
            .iter()
            .map(|&(_, kib)| kib)
            .max()
            .unwrap_or(last);
        println!(
            "server RSS MiB: before {:.0}, after 1,000 requests {:.0}, after {at} requests {:.0}, max {:.0}",
            start as f64 / 1024.0,
            first as f64 / 1024.0,
            last as f64 / 1024.0,
            max as f64 / 1024.0
        );
        let every: Vec<String> = rss_samples
            .iter()
            .filter(|(n, _)| n % 5000 == 0)
            .map(|(n, kib)| format!("{n}: {:.0}", *kib as f64 / 1024.0))
            .collect();
        if !every.is_empty() {
            println!("server RSS MiB every 5,000 requests: {}", every.join(", "));
        }
    }
}
