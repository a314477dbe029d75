//! Throughput of the ingest stages that run before tantivy sees a document: cutting
//! bodies into passages, finding named entities, parsing JSON Lines records into
//! articles, and reading a plain text article. Input bytes per second, so the figures compare with the end-to-end
//! MB/s of `benches/e2e.sh`.
//!
//! Reads `../shared/data/reuters.jsonl` when it is there; otherwise the first two
//! benchmarks run on synthetic news-like text made here, so `cargo bench` always runs.
//!
//! ```text
//! cargo bench --bench ingest
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

use search::ingest::{Format, Metadata, decode::decode, jsonl, split_passages, text};

/// The Reuters dump, from the crate root.
const REUTERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/reuters.jsonl");
/// The seed articles.
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

/// Records whose bodies `split_spans` is measured on.
const SPLIT_RECORDS: usize = 2_000;
/// About how much JSON Lines `read_chunk` is measured on (cut at a line end).
const CHUNK_TARGET: usize = 4 << 20;

/// The JSON Lines input: the head of the Reuters dump, or synthetic records.
fn jsonl_input() -> (Vec<u8>, &'static str) {
    match std::fs::read(REUTERS) {
        Ok(bytes) => (bytes, "reuters.jsonl"),
        Err(err) => {
            eprintln!(
                "ingest bench: cannot read {REUTERS} ({err}); \
                 split_spans and read_chunk run on synthetic text instead"
            );
            (synthetic_jsonl(CHUNK_TARGET + (64 << 10)), "synthetic")
        }
    }
}

/// The first `lines` lines of `bytes`, newline included.
fn head_lines(bytes: &[u8], lines: usize) -> &[u8] {
    let end = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .nth(lines.saturating_sub(1))
        .map_or(bytes.len(), |(at, _)| at + 1);
    &bytes[..end]
}

/// About `target` bytes of `bytes`, extended to the end of the line it cuts.
fn head_bytes(bytes: &[u8], target: usize) -> &[u8] {
    if bytes.len() <= target {
        return bytes;
    }
    let end = bytes[target..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |at| target + at + 1);
    &bytes[..end]
}

/// About `target` bytes of plausible newswire, deterministic: records of 3–12
/// paragraphs of 1–8 sentences, with the odd one-line paragraph and overlong one so
/// every branch of the splitter is taken.
fn synthetic_jsonl(target: usize) -> Vec<u8> {
    const WORDS: &[&str] = &[
        "the",
        "company",
        "said",
        "in",
        "a",
        "statement",
        "that",
        "profits",
        "rose",
        "pct",
        "to",
        "mln",
        "dlrs",
        "from",
        "last",
        "year",
        "analysts",
        "expected",
        "bank",
        "shares",
        "fell",
        "on",
        "Tuesday",
        "after",
        "officials",
        "announced",
        "new",
        "trade",
        "talks",
        "with",
        "Japan",
        "and",
        "the",
        "United",
        "States",
        "over",
        "tariffs",
        "wheat",
        "oil",
        "prices",
        "market",
        "quarter",
        "government",
        "minister",
        "reported",
        "billion",
    ];
    // A fixed linear congruential generator: same text on every run and machine.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |below: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % below
    };
    let mut out = Vec::with_capacity(target + 8192);
    let mut id = 0;
    while out.len() < target {
        id += 1;
        let mut body = String::new();
        for paragraph in 0..3 + next(10) {
            if paragraph > 0 {
                body.push_str("\\n\\n");
            }
            let sentences = if next(40) == 0 { 20 } else { 1 + next(8) };
            for sentence in 0..sentences {
                if sentence > 0 {
                    body.push(' ');
                }
                for word in 0..4 + next(20) {
                    if word > 0 {
                        body.push(' ');
                    }
                    let w = WORDS[next(WORDS.len())];
                    if word == 0 {
                        let mut chars = w.chars();
                        body.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                        body.push_str(chars.as_str());
                    } else {
                        body.push_str(w);
                    }
                }
                body.push('.');
            }
        }
        let record = format!(
            "{{\"id\": \"synthetic-{id}\", \"outlet\": \"Synthetic\", \
             \"date\": \"1987-03-{:02}T12:00:00Z\", \"title\": \"Record {id}\", \
             \"body\": \"{body}\"}}\n",
            1 + next(28)
        );
        out.extend_from_slice(record.as_bytes());
    }
    out
}

/// The seed articles' texts, decoded, with their paths.
fn seed_articles() -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let text = decode(&bytes).ok()?.text;
            Some((path, text))
        })
        .collect()
}

fn ingest(c: &mut Criterion) {
    let (data, source) = jsonl_input();
    let path = Path::new(if source == "synthetic" {
        "synthetic.jsonl"
    } else {
        REUTERS
    });
    let defaults = Metadata::default();

    // (a) Passage splitting, on the bodies of the first records.
    let head = head_lines(&data, SPLIT_RECORDS);
    let bodies: Vec<String> = jsonl::read_chunk(path, head, 1, &defaults)
        .articles
        .into_iter()
        .map(|article| article.body)
        .collect();
    let body_bytes: usize = bodies.iter().map(String::len).sum();
    let mut group = c.benchmark_group("split_spans");
    group.throughput(Throughput::Bytes(body_bytes as u64));
    group.bench_function(format!("{source}/{}_bodies", bodies.len()), |b| {
        b.iter(|| {
            for body in &bodies {
                black_box(search::ingest::passages::split_spans(black_box(body)));
            }
        });
    });
    group.finish();

    // (b) JSON Lines parsing: one chunk of whole lines into articles, as a worker does.
    let chunk = head_bytes(&data, CHUNK_TARGET);
    let mut group = c.benchmark_group("read_chunk");
    // ~15 ms an iteration: too slow for linear sampling to fit 20 samples in 3 s.
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(chunk.len() as u64));
    group.bench_function(format!("{source}/{}_KiB", chunk.len() >> 10), |b| {
        b.iter(|| jsonl::read_chunk(path, black_box(chunk), 1, &defaults));
    });
    group.finish();

    // (b2) Entity extraction on the same bodies (title, body), as the workers do.
    let articles = jsonl::read_chunk(path, head, 1, &defaults).articles;
    let _ = search::entities::of_article(&articles[0]); // the gazetteer loads once
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(body_bytes as u64));
    group.bench_function(format!("{source}/{}_articles", articles.len()), |b| {
        b.iter(|| {
            for article in &articles {
                black_box(search::entities::of_article(black_box(article)));
            }
        });
    });
    group.finish();

    // (c) A plain-text article: metadata lines, then passages.
    let seeds = seed_articles();
    if seeds.is_empty() {
        eprintln!("ingest bench: no .txt files in {CORPUS}; text parsing not measured");
        return;
    }
    let seed_bytes: usize = seeds.iter().map(|(_, text)| text.len()).sum();
    let mut group = c.benchmark_group("parse_text+split_passages");
    group.throughput(Throughput::Bytes(seed_bytes as u64));
    group.bench_function(format!("corpus/{}_seed_articles", seeds.len()), |b| {
        b.iter(|| {
            for (path, text) in &seeds {
                let article = text::parse_text(path, black_box(text), Format::Text);
                black_box(split_passages(&article));
            }
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    targets = ingest
}
criterion_main!(benches);
