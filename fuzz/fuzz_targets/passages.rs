//! The passage splitter on any text: passages tile the body exactly, start and end on
//! character boundaries, are never blank, and their source lines never go back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use search::ingest::article::{Article, LineMap, Metadata};
use search::ingest::split_passages;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    let article = Article {
        path: "fuzz.txt".into(),
        source_id: None,
        meta: Metadata::default(),
        body,
        lines: LineMap::Contiguous(1),
    };
    let body = &article.body;
    let passages = split_passages(&article);
    if body.trim().is_empty() {
        assert!(passages.is_empty());
        return;
    }
    assert_eq!(passages.first().map(|p| p.start), Some(0));
    assert_eq!(passages.last().map(|p| p.end), Some(body.len()));
    for pair in passages.windows(2) {
        assert_eq!(pair[0].end, pair[1].start);
        assert!(pair[0].line <= pair[1].line);
    }
    let lines = 1 + body.bytes().filter(|&b| b == b'\n').count();
    for (index, passage) in passages.iter().enumerate() {
        assert_eq!(passage.index as usize, index);
        assert!(passage.start < passage.end);
        assert!(body.is_char_boundary(passage.start) && body.is_char_boundary(passage.end));
        assert!(!passage.text(body).is_empty());
        assert!(passage.line >= 1 && passage.line as usize <= lines);
    }
});
