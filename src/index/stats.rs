//! `search stats`: what the index holds — articles, passages, outlets, dates — and
//! what the last run left out.

use tantivy::collector::{Count, DocSetCollector, FacetCollector};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::report::RunReport;
use crate::index::store::Store;
use crate::schema::{Fields, KIND_ARTICLE, KIND_FILE, KIND_PASSAGE, facet_children};

/// Articles from one outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletCount {
    /// The outlet's name.
    pub outlet: String,
    /// How many articles it has in the index.
    pub articles: u64,
}

/// An overview of an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// The index folder.
    pub index: String,
    /// Articles indexed.
    pub articles: u64,
    /// Passages indexed.
    pub passages: u64,
    /// Source files indexed.
    pub files: u64,
    /// Articles per outlet, most first (ties by name).
    pub outlets: Vec<OutletCount>,
    /// Articles with no known outlet.
    pub articles_without_outlet: u64,
    /// The earliest publication date, as precise as its source gave it.
    pub first_date: Option<String>,
    /// The latest publication date.
    pub last_date: Option<String>,
    /// Articles with no known date.
    pub articles_without_date: u64,
    /// The last indexing run's report (what it skipped and why).
    pub last_run: Option<RunReport>,
}

/// Computes the overview of an opened index.
pub fn stats(handle: &IndexHandle, searcher: &Searcher) -> Result<Stats> {
    let fields = &handle.fields;
    let count = |kind: &str| -> Result<u64> {
        Ok(searcher.search(&kind_query(fields, kind), &Count)? as u64)
    };
    let articles = count(KIND_ARTICLE)?;

    let mut facets = FacetCollector::for_field("facet");
    facets.add_facet("/outlet");
    let counts = searcher.search(&kind_query(fields, KIND_ARTICLE), &facets)?;
    let mut outlets: Vec<OutletCount> = facet_children(&counts, "/outlet")
        .into_iter()
        .map(|(outlet, articles)| OutletCount { outlet, articles })
        .collect();
    outlets.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    let with_outlet: u64 = outlets.iter().map(|o| o.articles).sum();

    let (first_date, last_date, dated) = date_range(searcher, fields)?;
    Ok(Stats {
        index: crate::paths::path_string(&handle.dir),
        articles,
        passages: count(KIND_PASSAGE)?,
        files: count(KIND_FILE)?,
        outlets,
        articles_without_outlet: articles.saturating_sub(with_outlet),
        first_date,
        last_date,
        articles_without_date: articles.saturating_sub(dated),
        last_run: RunReport::load(&handle.dir),
    })
}

fn kind_query(fields: &Fields, kind: &str) -> TermQuery {
    TermQuery::new(
        Term::from_field_text(fields.kind, kind),
        IndexRecordOption::Basic,
    )
}

/// The earliest and latest article dates (as stored text) and how many are dated.
fn date_range(
    searcher: &Searcher,
    fields: &Fields,
) -> Result<(Option<String>, Option<String>, u64)> {
    let docs = searcher.search(&kind_query(fields, KIND_ARTICLE), &DocSetCollector)?;
    let mut first: Option<(i64, tantivy::DocAddress)> = None;
    let mut last: Option<(i64, tantivy::DocAddress)> = None;
    let mut dated = 0;
    let mut columns = Vec::new();
    for segment in searcher.segment_readers() {
        columns.push(segment.fast_fields().i64("date")?);
    }
    for address in docs {
        let Some(when) = columns[address.segment_ord as usize].first(address.doc_id) else {
            continue;
        };
        let key = when;
        dated += 1;
        if first.is_none_or(|(k, _)| key < k) {
            first = Some((key, address));
        }
        if last.is_none_or(|(k, _)| key > k) {
            last = Some((key, address));
        }
    }
    let text = |found: Option<(i64, tantivy::DocAddress)>| -> Result<Option<String>> {
        let Some((_, address)) = found else {
            return Ok(None);
        };
        Store::new(searcher, fields).date_text(address)
    };
    Ok((text(first)?, text(last)?, dated))
}
