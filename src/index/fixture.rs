//! Small indexes built in a temp folder for the library's own unit tests: articles
//! as Markdown files with front matter, indexed as `search index` would index them.

use std::path::Path;

use crate::engine::Engine;
use crate::index::build::{BuildOptions, Progress, build};
use crate::index::workers::{Workers, reserve_mb};
use crate::ingest::Notice;

/// Progress that shows nothing.
struct Quiet;

impl Progress for Quiet {
    fn begin(&self, _files: u64, _bytes: u64) {}
    fn advance(&self, _bytes: u64, _articles: u64) {}
    fn notice(&self, _notice: &Notice) {}
    fn finish(&self) {}
}

/// One article: its file name, front matter (`outlet`, `date`, `title`) and body.
pub struct Doc<'a> {
    /// File name under the corpus folder (`a.md`).
    pub name: &'a str,
    /// Outlet, if any.
    pub outlet: Option<&'a str>,
    /// Date, if any (`2024-10-08`).
    pub date: Option<&'a str>,
    /// Headline, if any.
    pub title: Option<&'a str>,
    /// Paragraphs separated by blank lines.
    pub body: &'a str,
}

/// Writes `docs` under `dir/corpus`, indexes them into `dir/index` with one thread
/// (so document order is the walk's: files sorted by name) and opens the index.
pub fn indexed(dir: &Path, docs: &[Doc<'_>]) -> Engine {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for doc in docs {
        let mut text = String::from("---\n");
        for (key, value) in [
            ("outlet", doc.outlet),
            ("date", doc.date),
            ("title", doc.title),
        ] {
            if let Some(value) = value {
                text.push_str(&format!("{key}: {value}\n"));
            }
        }
        text.push_str("---\n");
        text.push_str(doc.body);
        std::fs::write(corpus.join(doc.name), text).unwrap();
    }
    let options = BuildOptions {
        index_dir: dir.join("index"),
        paths: vec![corpus],
        rebuild: false,
        workers: Workers::plan(Some(1), 1, reserve_mb(1, 1) + 50).unwrap(),
        entities: true,
        stop: crate::stop::Stop::new(),
    };
    build(&options, &Quiet).unwrap();
    Engine::open(&dir.join("index")).unwrap()
}

/// A [`Doc`] with a body and nothing else.
pub fn doc<'a>(name: &'a str, body: &'a str) -> Doc<'a> {
    Doc {
        name,
        outlet: None,
        date: None,
        title: None,
        body,
    }
}
