//! The article readers and the date parser on any bytes: a text, Markdown or HTML file
//! (chosen by the first byte), the same bytes as a JSON Lines chunk, and the text as a
//! date. Readers give articles or notices, never a panic; every article's passages
//! tile its body and point at lines the file has; a parsed date shows as text that
//! parses back to it.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use search::ingest::date::NewsDate;
use search::ingest::{Format, Metadata, jsonl, read_document, split_passages};

fuzz_target!(|data: &[u8]| {
    let format = match data.first().map(|b| b % 3) {
        Some(0) => Format::Text,
        Some(1) => Format::Markdown,
        _ => Format::Html,
    };
    let lines = 1 + data.iter().filter(|&&b| b == b'\n').count();
    let path = Path::new("fuzz.file");
    let defaults = Metadata::default();
    let mut articles = read_document(path, format, data, &defaults).articles;
    articles.extend(jsonl::read_chunk(path, data, 1, &defaults).articles);
    for article in &articles {
        let body = &article.body;
        let passages = split_passages(article);
        if let (Some(first), Some(last)) = (passages.first(), passages.last()) {
            assert_eq!((first.start, last.end), (0, body.len()));
        }
        for pair in passages.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for passage in &passages {
            assert!(body.is_char_boundary(passage.start) && body.is_char_boundary(passage.end));
            assert!(
                passage.line >= 1 && passage.line as usize <= lines,
                "{passage:?}"
            );
        }
        if let Some(date) = &article.meta.date {
            assert_eq!(NewsDate::parse(&date.value.to_string()), Some(date.value));
        }
    }

    let text = String::from_utf8_lossy(data);
    if let Some((date, len)) = NewsDate::parse_prefix(&text) {
        assert!(len > 0 && len <= text.len() && text.is_char_boundary(len));
        assert_eq!(NewsDate::parse(&date.to_string()), Some(date));
        assert!(date.first_day() <= date.last_day());
    }
    if let Some(date) = NewsDate::parse(&text) {
        assert_eq!(
            NewsDate::parse_prefix(&text),
            Some((date, text.trim_end().len()))
        );
    }
});
