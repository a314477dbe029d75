//! The query parser, search and highlighter end to end, on an index of the seed corpus:
//! any text is either results whose highlights fall inside their snippets on character
//! boundaries, or a one-line `BadQuery` error — never a panic or another error.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use search::cli::Cli;
use search::index::{self, IndexHandle};
use search::query::parse::QueryRequest;
use search::query::search::{Page, search};

/// The seed corpus indexed once per fuzzing process, into a folder of its own.
fn handle() -> &'static IndexHandle {
    static HANDLE: OnceLock<IndexHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("search-fuzz-query-{}", std::process::id()));
        let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        let args = ["search", "--color", "never", "--index"];
        let cli = Cli::parse_from(args.iter().map(PathBuf::from).chain([
            dir.clone(),
            "index".into(),
            "--quiet".into(),
            "--rebuild".into(),
            corpus,
        ]));
        search::run(&cli).expect("the seed corpus indexes");
        index::open(&dir).expect("the index just built opens")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for plain in [false, true] {
        let request = QueryRequest {
            text: text.to_string(),
            plain,
            ..QueryRequest::default()
        };
        let page = Page {
            limit: 10,
            per_article: 0,
            facets: data.first().is_some_and(|b| b & 1 == 1),
        };
        match search(handle(), &request, page) {
            Ok(results) => {
                assert!(results.hits.len() <= 10);
                for hit in &results.hits {
                    let mut previous_end = 0;
                    for &[start, end] in &hit.highlights {
                        assert!(previous_end <= start && start < end, "{:?}", hit.highlights);
                        assert!(end <= hit.snippet.len());
                        assert!(hit.snippet.is_char_boundary(start));
                        assert!(hit.snippet.is_char_boundary(end));
                        previous_end = end;
                    }
                }
            }
            Err(search::Error::BadQuery(message)) => {
                assert!(!message.is_empty());
                assert!(!message.contains(['\n', '\r']), "not one line: {message:?}");
            }
            Err(other) => panic!("a query gives results or a BadQuery error, not {other:?}"),
        }
    }
});
