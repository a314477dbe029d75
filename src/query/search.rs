//! Running a query: the top passages by score, at most `per_article` from one article,
//! ties broken by article id and passage number so output is stable; counts over the
//! whole match set; facets on request. Only the passages shown are read from the store.

use std::collections::HashMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::{DocAddress, Score, Searcher};

use crate::entities::{Entity, EntityKind};
use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::store::Store;
use crate::query::entities::{EntityCount, group_counts, most_common_spelling, top_entities};
use crate::query::explain::{EmptyBecause, empty_because};
use crate::query::facets::ArticleFacets;
use crate::query::highlight::{Snippet, highlight_ranges, snippet};
use crate::query::parse::{ParsedQuery, QueryRequest, parse};
use crate::schema::{Fields, text_analyzer};

/// How many results and how they are grouped.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// Results shown.
    pub limit: usize,
    /// At most this many passages from one article (0: no limit).
    pub per_article: usize,
    /// Count outlets and months over the whole match set.
    pub facets: bool,
}

/// One result: a passage with its article's metadata and its snippet.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// 1-based rank.
    pub rank: usize,
    /// The relevance score.
    pub score: f32,
    /// The article's stable id.
    pub article_id: String,
    /// The id the source gave it (JSON Lines `id`/`_id`), if any.
    pub source_id: Option<String>,
    /// The source file (absolute).
    pub path: String,
    /// 1-based line of the source file where the passage starts.
    pub line: u64,
    /// 0-based passage number in the article.
    pub passage_index: u64,
    /// The headline, if known.
    pub title: Option<String>,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The date as precise as the source gave it (`2024-10-08`, `2024-10`), if known.
    pub date: Option<String>,
    /// The whole passage.
    pub passage: String,
    /// The best window of the passage.
    pub snippet: String,
    /// Highlighted byte ranges `[start, end]` into `snippet`.
    pub highlights: Vec<[usize; 2]>,
    /// The people, organisations and places the article mentions.
    pub entities: Vec<Entity>,
}

/// A count of matching articles for one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// The value (an outlet name, a `YYYY-MM` month).
    pub value: String,
    /// Matching articles with it.
    pub articles: u64,
}

/// Facet counts over the whole match set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facets {
    /// Matching articles in all.
    pub articles: u64,
    /// Per outlet, most first.
    pub outlets: Vec<FacetCount>,
    /// Matching articles whose source names no outlet.
    pub no_outlet: u64,
    /// Per month, oldest first.
    pub months: Vec<FacetCount>,
    /// Matching articles with no date.
    pub undated: u64,
    /// The most mentioned people, organisations and places, at most
    /// [`FACET_ENTITIES`] of each type, most first.
    pub entities: Vec<EntityCount>,
}

/// How many entities of each type `--facets` lists.
pub const FACET_ENTITIES: usize = 10;

/// What a query found.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The results shown.
    pub hits: Vec<Hit>,
    /// Matching passages in all.
    pub total_passages: usize,
    /// Facet counts, when asked for.
    pub facets: Option<Facets>,
    /// When nothing matched and a filter is the reason: which one, and why.
    pub empty_because: Option<EmptyBecause>,
}

/// Parses and runs a query on what `searcher` sees of the index.
pub fn search(
    handle: &IndexHandle,
    searcher: &Searcher,
    request: &QueryRequest,
    page: Page,
) -> Result<Results> {
    let parsed = parse(handle, searcher, request)?;
    let (total_passages, chosen) = top_passages(searcher, &parsed, page)?;
    let facets = if page.facets {
        Some(facets(searcher, &handle.fields, &parsed)?)
    } else {
        None
    };
    let mut analyzer = text_analyzer();
    let store = Store::new(searcher, &handle.fields);
    let mut hits = Vec::with_capacity(chosen.len());
    for (rank, (score, address)) in chosen.into_iter().enumerate() {
        let stored = store.passage(address)?;
        let ranges = highlight_ranges(&mut analyzer, &parsed.highlight, &stored.text);
        let Snippet {
            text: snippet_text,
            highlights,
        } = snippet(&stored.text, &ranges);
        hits.push(Hit {
            rank: rank + 1,
            score,
            entities: store.entities_of_passage(address, stored.index)?,
            article_id: stored.article_id,
            source_id: stored.source_id,
            path: stored.path,
            line: stored.line,
            passage_index: stored.index,
            title: stored.title,
            outlet: stored.outlet,
            date: stored.date,
            passage: stored.text,
            snippet: snippet_text,
            highlights: highlights.into_iter().map(|r| [r.start, r.end]).collect(),
        });
    }
    let empty_because = if total_passages == 0 {
        empty_because(handle, searcher, request)?
    } else {
        None
    };
    Ok(Results {
        hits,
        total_passages,
        facets,
        empty_because,
    })
}

/// The best `limit` articles for a query, each ranked by its best passage, as the ids
/// their sources gave them (or their own ids when they have none): for evaluation.
pub fn ranked_articles(
    handle: &IndexHandle,
    searcher: &Searcher,
    request: &QueryRequest,
    limit: usize,
) -> Result<Vec<String>> {
    let parsed = parse(handle, searcher, request)?;
    let page = Page {
        limit,
        per_article: 1,
        facets: false,
    };
    let (_, chosen) = top_passages(searcher, &parsed, page)?;
    let store = Store::new(searcher, &handle.fields);
    chosen
        .into_iter()
        .map(|(_, address)| store.source_or_article_id(address))
        .collect()
}

/// The passages to show, best first, grouped per article; and the match count.
pub(crate) fn top_passages(
    searcher: &Searcher,
    parsed: &ParsedQuery,
    page: Page,
) -> Result<(usize, Vec<(Score, DocAddress)>)> {
    if page.limit == 0 {
        return Ok((searcher.search(&parsed.query, &Count)?, Vec::new()));
    }
    let keys = |field: &str| -> Result<Vec<_>> {
        let mut columns = Vec::new();
        for segment in searcher.segment_readers() {
            columns.push(segment.fast_fields().u64(field)?);
        }
        Ok(columns)
    };
    let article_keys = keys("article_key")?;
    let passage_numbers = keys("passage")?;
    let mut fetch = (page.limit * page.per_article.max(1) * 3).max(30);
    loop {
        let (total, top) = searcher.search(
            &parsed.query,
            &(Count, TopDocs::with_limit(fetch).order_by_score()),
        )?;
        let mut ranked: Vec<(Score, u64, u64, DocAddress)> = top
            .into_iter()
            .map(|(score, address)| {
                let segment = address.segment_ord as usize;
                let key = article_keys[segment]
                    .first(address.doc_id)
                    .unwrap_or_default();
                let passage = passage_numbers[segment]
                    .first(address.doc_id)
                    .unwrap_or_default();
                (score, key, passage, address)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let exhausted = ranked.len() < fetch;
        let mut per_article: HashMap<u64, usize> = HashMap::new();
        let mut chosen = Vec::with_capacity(page.limit);
        for (score, key, _, address) in ranked {
            let seen = per_article.entry(key).or_default();
            if page.per_article == 0 || *seen < page.per_article {
                *seen += 1;
                chosen.push((score, address));
                if chosen.len() == page.limit {
                    break;
                }
            }
        }
        if chosen.len() == page.limit || exhausted {
            return Ok((total, chosen));
        }
        fetch *= 4;
    }
}

fn facets(searcher: &Searcher, fields: &Fields, parsed: &ParsedQuery) -> Result<Facets> {
    let found = searcher.search(
        &parsed.matching,
        &ArticleFacets::under(&["/outlet", "/month"]).counting_entities(),
    )?;
    let values = |root: &str| -> Vec<FacetCount> {
        found
            .children(root)
            .into_iter()
            .map(|(value, articles)| FacetCount { value, articles })
            .collect()
    };
    let mut outlets = values("/outlet");
    outlets.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.value.cmp(&b.value))
    });
    let months = values("/month");
    // An article has one outlet and one month at most: the rest are the unknown.
    let unknown = |counts: &[FacetCount]| {
        let known: u64 = counts.iter().map(|count| count.articles).sum();
        found.articles().saturating_sub(known)
    };
    let no_outlet = unknown(&outlets);
    let undated = unknown(&months);
    let mut entities = Vec::new();
    for kind in EntityKind::ALL {
        // Ten times more than are shown, so lone surnames can join their person (and
        // a lone name is not joined to the one owner among few, wrongly).
        let names = top_entities(searcher, fields, &found, kind, FACET_ENTITIES * 10)?;
        let mut counts = group_counts(kind, names, false);
        counts.truncate(FACET_ENTITIES);
        for count in &mut counts {
            if let Some(name) = most_common_spelling(searcher, fields, kind, &count.name)? {
                count.name = name;
            }
        }
        entities.extend(counts);
    }
    Ok(Facets {
        articles: found.articles(),
        outlets,
        no_outlet,
        months,
        undated,
        entities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::fixture::{doc, indexed};

    fn request(text: &str) -> QueryRequest {
        QueryRequest {
            text: text.to_owned(),
            ..QueryRequest::default()
        }
    }

    fn page(limit: usize, per_article: usize) -> Page {
        Page {
            limit,
            per_article,
            facets: false,
        }
    }

    const NEAR: &str =
        "Flood warnings were issued for the northern valleys after two days of heavy rain.";
    const APART: &str =
        "Warnings about the harvest came first; only later, far down the valley, a flood.";
    const REPEAT: &str =
        "Flood, flood and more flood: the river rose again over the old town's bridge today.";
    const OTHER: &str =
        "The council approved a new budget for schools and hospitals in the coming year.";

    #[test]
    fn passages_holding_the_words_together_rank_first() {
        let dir = tempfile::tempdir().unwrap();
        let engine = indexed(
            dir.path(),
            &[
                doc("a.md", APART),
                doc("b.md", NEAR),
                doc("c.md", REPEAT),
                doc("d.md", OTHER),
            ],
        );
        let results = engine
            .query(&request("flood warnings"), page(10, 1))
            .unwrap();
        let shown: Vec<&str> = results.hits.iter().map(|h| h.passage.as_str()).collect();
        assert_eq!(shown, [NEAR, APART, REPEAT]);
        assert_eq!(results.total_passages, 3);
        assert_eq!(
            results.hits.iter().map(|h| h.rank).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        // The snippet is the whole (short) passage, its matches marked by byte range.
        let first = &results.hits[0];
        let marked: Vec<&str> = first
            .highlights
            .iter()
            .map(|&[s, e]| &first.snippet[s..e])
            .collect();
        assert_eq!(marked, ["Flood warnings"]);
    }

    #[test]
    fn per_article_limits_passages_of_one_article_and_limit_cuts_the_page() {
        let dir = tempfile::tempdir().unwrap();
        let engine = indexed(
            dir.path(),
            &[
                doc("a.md", &format!("{NEAR}\n\n{REPEAT}\n")),
                doc("b.md", APART),
            ],
        );
        let one = engine.query(&request("flood"), page(10, 1)).unwrap();
        assert_eq!(one.hits.len(), 2);
        assert_ne!(one.hits[0].article_id, one.hits[1].article_id);
        let all = engine.query(&request("flood"), page(10, 0)).unwrap();
        assert_eq!(all.hits.len(), 3);
        assert_eq!(all.total_passages, 3);
        let cut = engine.query(&request("flood"), page(1, 0)).unwrap();
        assert_eq!(cut.hits.len(), 1);
        assert_eq!(cut.total_passages, 3);
    }

    #[test]
    fn equal_scores_are_ordered_by_article_id() {
        let dir = tempfile::tempdir().unwrap();
        let names = ["a.md", "b.md", "c.md", "d.md"];
        let docs: Vec<_> = names.iter().map(|name| doc(name, NEAR)).collect();
        let engine = indexed(dir.path(), &docs);
        let results = engine.query(&request("flood"), page(10, 1)).unwrap();
        assert_eq!(results.hits.len(), 4);
        assert!(results.hits.windows(2).all(|w| w[0].score == w[1].score));
        let ids: Vec<&str> = results.hits.iter().map(|h| h.article_id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }
}
