//! The library's front door: an [`Engine`] opens an index once and answers every
//! question a front end asks — query, quote, show, entities, stats — with typed
//! results. It never prints and never formats; the command line (`render/`) and any
//! other front end decide how results look.
//!
//! An engine is safe to share across threads (`Engine: Send + Sync`): each call takes a
//! consistent view of the index as of the latest [`Engine::refresh`], so a long-running
//! front end sees a commit made by `search index` while it runs once it refreshes, and
//! a call in flight keeps the view it started with.

use std::ffi::OsStr;
use std::path::Path;

use tantivy::{IndexReader, ReloadPolicy};

use crate::entities::EntityKind;
use crate::error::{Error, Result};
use crate::index::stats::Stats;
use crate::index::store::Store;
use crate::index::{self, IndexHandle};
use crate::query::entities::EntityCount;
use crate::query::parse::QueryRequest;
use crate::query::search::{Copies, Page, Results};
use crate::query::show::Shown;
use crate::quote::list::{ListItem, ListRow};
use crate::quote::{QuoteRequest, QuoteResults};

/// How many decompressed blocks of stored documents (16 KB each) a segment keeps. A
/// query reads about a hundred blocks, seldom one twice, save an article's documents,
/// which sit together: a few suffice, and a block freed is memory the next read
/// reuses, where tantivy's default of 100 keeps every block a query reads (1.7 MB of
/// fresh pages for a page of ten stories with nine copies each).
const STORE_CACHE_BLOCKS: usize = 8;

/// An open index, ready to answer.
pub struct Engine {
    handle: IndexHandle,
    reader: IndexReader,
}

impl Engine {
    /// Opens the index at `dir` for reading (see [`index::open`] for what is checked).
    pub fn open(dir: &Path) -> Result<Engine> {
        let handle = index::open(dir)?;
        let reader = handle
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .doc_store_cache_num_blocks(STORE_CACHE_BLOCKS)
            .try_into()?;
        Ok(Engine { handle, reader })
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.handle.dir
    }

    /// Makes the next calls see the index's latest commit (a new `search index` run).
    pub fn refresh(&self) -> Result<()> {
        self.reader.reload()?;
        Ok(())
    }

    /// The passages that answer a query, best first, with snippets, and facets when
    /// the page asks for them; copies of one article are one result, under the oldest.
    pub fn query(&self, request: &QueryRequest, page: Page) -> Result<Results> {
        self.query_copies(request, page, Copies::Grouped)
    }

    /// [`Engine::query`], grouping copies of one article or listing each.
    pub fn query_copies(
        &self,
        request: &QueryRequest,
        page: Page,
        copies: Copies,
    ) -> Result<Results> {
        let searcher = self.reader.searcher();
        crate::query::search::search(&self.handle, &searcher, request, page, copies)
    }

    /// Where a quote appears, exactly or not, with diffs and speakers.
    pub fn quote(&self, request: &QuoteRequest) -> Result<QuoteResults> {
        let searcher = self.reader.searcher();
        crate::quote::check(&self.handle, &searcher, request)
    }

    /// A list of quotes checked on as many threads as the machine has cores, one report
    /// row each, in list order (see [`crate::quote::list`]); `done` is called after
    /// each quote.
    pub fn quote_list(
        &self,
        items: &[ListItem],
        template: &QuoteRequest,
        done: &(dyn Fn() + Sync),
    ) -> Result<Vec<ListRow>> {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        crate::quote::list::check_list(
            &|request| self.quote(request),
            items,
            template,
            threads,
            done,
        )
    }

    /// One article by id, or by the path of its file (with `:LINE` to pick a record
    /// of a JSON Lines file and mark the passage holding that line).
    pub fn show(&self, target: &OsStr) -> Result<Shown> {
        let searcher = self.reader.searcher();
        crate::query::show::show(&searcher, &self.handle.fields, target)
    }

    /// The articles most like the one `target` names (an id, or a path with `:LINE`
    /// as [`Engine::show`] takes it) that `filters` lets through, best first, copies
    /// grouped, never the article itself or its copies; with the article.
    pub fn similar(
        &self,
        target: &OsStr,
        filters: &QueryRequest,
        limit: usize,
    ) -> Result<(Shown, Results)> {
        let searcher = self.reader.searcher();
        let shown = crate::query::show::show(&searcher, &self.handle.fields, target)?;
        let results = crate::query::similar::similar(
            &self.handle,
            &searcher,
            &shown.article,
            filters,
            limit,
        )?;
        Ok((shown, results))
    }

    /// Where a query's words fall in each of `texts`, as byte ranges (in order, on
    /// character boundaries), found the way a result's snippet is highlighted: for a
    /// front end that shows a whole article with the words that found it marked. `lang`
    /// is the article's language code, whose analyzer reads the texts.
    pub fn highlights(
        &self,
        request: &QueryRequest,
        lang: Option<&str>,
        texts: &[&str],
    ) -> Result<Vec<Vec<[usize; 2]>>> {
        let searcher = self.reader.searcher();
        let parsed = crate::query::parse::parse(&self.handle, &searcher, request)?;
        let lang = crate::text::Language::of_code(lang);
        let mut analyzer = crate::schema::analyzer_of(lang);
        let terms = parsed.highlight.of(lang);
        Ok(texts
            .iter()
            .map(|text| {
                crate::query::highlight::highlight_ranges(&mut analyzer, terms, text)
                    .into_iter()
                    .map(|range| [range.start, range.end])
                    .collect()
            })
            .collect())
    }

    /// One article by its id alone, never by a path: for a front end that takes the id
    /// from someone else's request and must not look at files. [`Error::NotFound`] when
    /// no article has that id.
    pub fn article(&self, id: &str) -> Result<Shown> {
        let searcher = self.reader.searcher();
        match Store::new(&searcher, &self.handle.fields).article_by_id(id)? {
            Some(article) => Ok(Shown {
                article,
                marked: None,
            }),
            None => Err(Error::NotFound(format!("no article with id {id}"))),
        }
    }

    /// The entities the articles mention, most mentioned first: at most `top` of each
    /// kind (0: all), of one kind or all.
    pub fn entities(&self, kind: Option<EntityKind>, top: usize) -> Result<Vec<EntityCount>> {
        let searcher = self.reader.searcher();
        crate::query::entities::list(&searcher, &self.handle.fields, kind, top)
    }

    /// What the index holds, and what the last indexing run left out.
    pub fn stats(&self) -> Result<Stats> {
        let searcher = self.reader.searcher();
        crate::index::stats::stats(&self.handle, &searcher)
    }

    /// The best `limit` articles for a query, each ranked by its best passage, by the
    /// ids their sources gave them (their own ids when none): for relevance evaluation.
    pub fn ranked_articles(&self, request: &QueryRequest, limit: usize) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        crate::query::search::ranked_articles(&self.handle, &searcher, request, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_can_be_shared_across_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Engine>();
    }
}
