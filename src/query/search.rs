//! Running a query: the top passages by score (or the oldest, `Sort::Date`), at most
//! `per_article` from one article, ties broken by article id and passage number so
//! output is stable; the match count (exact up to a bound, or on request); facets on
//! request. Only the passages shown are read from the store.

use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use tantivy::collector::{Count, TopDocs};
use tantivy::columnar::Column;
use tantivy::{DocAddress, Score, Searcher, SegmentReader};

use crate::entities::{Entity, EntityKind};
use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::store::{ArticleColumn, ArticleDoc, PassageDoc, Store, StoredPassage};
use crate::query::copies::{self, Source};
use crate::query::entities::{EntityCount, group_counts, most_common_spelling, top_entities};
use crate::query::explain::{EmptyBecause, empty_because};
use crate::query::facets::{ArticleFacets, Period};
use crate::query::highlight::{Snippet, highlight_ranges, snippet};
use crate::query::parse::{ParsedQuery, QueryRequest, parse};
use crate::query::rank::{
    COUNT_BOUND, Keyed, Total, article_of, best_by_score, best_texts, count_matches,
};
use crate::schema::{Fields, analyzer_of};
use tantivy::tokenizer::TextAnalyzer;

/// How many results and how they are grouped.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// Results shown (0: all).
    pub limit: usize,
    /// At most this many passages from one article (0: no limit).
    pub per_article: usize,
    /// Count outlets, periods and entities over the whole match set.
    pub facets: bool,
    /// The order of the results.
    pub sort: Sort,
    /// The period `facets` counts dates by.
    pub period: Period,
    /// Count matching passages exactly up to this many, and say "at least" beyond
    /// ([`COUNT_BOUND`] unless set); `None` counts them all, as facets and a limit of 0
    /// always do.
    pub count_bound: Option<usize>,
}

impl Default for Page {
    /// Ten results, one passage per article, best first, no facets.
    fn default() -> Self {
        Page {
            limit: 10,
            per_article: 1,
            facets: false,
            sort: Sort::Relevance,
            period: Period::Month,
            count_bound: Some(COUNT_BOUND),
        }
    }
}

/// The order of a query's results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best first.
    #[default]
    Relevance,
    /// Oldest first, undated last (a date known only to the month or year at its first
    /// day; one day's results best first): the first report of a story on top. The page
    /// holds the oldest of *all* matches, not the oldest of the best.
    Date,
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
    /// The article's language (ISO 639-1), if known.
    pub lang: Option<String>,
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
    /// Other articles printing the same story (syndicated, re-filed), oldest first:
    /// where their passages would have been results.
    pub copies: Vec<Source>,
}

/// A count of matching articles for one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// The value (an outlet name, a `YYYY-MM` month, a period of [`Period`]).
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
    /// Per language (ISO 639-1), most first.
    pub langs: Vec<FacetCount>,
    /// Per month, oldest first (articles dated only to the year are in none).
    pub months: Vec<FacetCount>,
    /// The period `periods` counts by.
    pub period: Period,
    /// Per period, oldest first: `2004-03-02` by day, `2004-03` by month, `2004` by
    /// year; an article dated less precisely than the period is counted under its own
    /// date (`2004-05` among days).
    pub periods: Vec<FacetCount>,
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
    /// Matching passages in all, or [`COUNT_BOUND`] when `total_is_lower_bound`.
    pub total_passages: usize,
    /// Whether more than `total_passages` match: the count stopped at its bound.
    pub total_is_lower_bound: bool,
    /// Facet counts, when asked for.
    pub facets: Option<Facets>,
    /// When nothing matched and a filter is the reason: which one, and why.
    pub empty_because: Option<EmptyBecause>,
}

/// Whether results that are copies of one article (syndicated, re-filed) are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copies {
    /// One result per story, under its oldest copy, listing the others.
    Grouped,
    /// Every copy a result of its own (`--all-copies`).
    Listed,
}

/// Parses and runs a query on what `searcher` sees of the index.
pub fn search(
    handle: &IndexHandle,
    searcher: &Searcher,
    request: &QueryRequest,
    page: Page,
    copies: Copies,
) -> Result<Results> {
    let parsed = parse(handle, searcher, request)?;
    let (total, facets) = if page.facets {
        let (total, facets) = facets(searcher, &handle.fields, &parsed, page.period)?;
        (total, Some(facets))
    } else {
        let bound = page.count_bound.filter(|_| page.limit != 0);
        (count_matches(searcher, &*parsed.matching, bound)?, None)
    };
    // A limit of 0 shows every match, which were all counted.
    let page = match page.limit {
        0 => Page {
            limit: total.passages,
            ..page
        },
        _ => page,
    };
    let store = Store::new(searcher, &handle.fields);
    let shown = match copies {
        Copies::Listed => read_candidates(&store, top_passages(searcher, &parsed, page)?)?,
        Copies::Grouped => grouped_candidates(searcher, &store, &parsed, page)?,
    };
    // Each passage is highlighted with its own language's analyzer, made once.
    let mut analyzers: [Option<TextAnalyzer>; 5] = Default::default();
    let mut hits = Vec::with_capacity(shown.len());
    for (rank, found) in shown.into_iter().enumerate() {
        let Candidate {
            score,
            stored,
            article,
            copies,
        } = found;
        let lang = stored.language();
        let analyzer = analyzers[lang.index()].get_or_insert_with(|| analyzer_of(lang));
        let ranges = highlight_ranges(analyzer, parsed.highlight.of(lang), &stored.text);
        let Snippet {
            text: snippet_text,
            highlights,
        } = snippet(&stored.text, &ranges);
        hits.push(Hit {
            rank: rank + 1,
            score,
            entities: article.entities,
            article_id: stored.source.article_id,
            source_id: article.source_id,
            path: stored.source.path,
            line: stored.source.line,
            passage_index: stored.index,
            title: stored.source.title,
            outlet: stored.source.outlet,
            lang: stored.source.lang,
            date: stored.source.date,
            passage: stored.text,
            snippet: snippet_text,
            highlights: highlights.into_iter().map(|r| [r.start, r.end]).collect(),
            copies,
        });
    }
    let empty_because = if total.passages == 0 {
        empty_because(handle, searcher, request)?
    } else {
        None
    };
    Ok(Results {
        hits,
        total_passages: total.passages,
        total_is_lower_bound: total.is_lower_bound,
        facets,
        empty_because,
    })
}

/// A passage that may be shown, read from the store, with its article's entities and
/// source id, and its copies.
#[derive(Clone)]
struct Candidate {
    score: Score,
    stored: PassageDoc,
    article: ArticleDoc,
    copies: Vec<Source>,
}

impl Candidate {
    /// The passage `stored` at `address` with its article's entities and source id,
    /// read while the store block the two share is still cached.
    fn read(
        store: &Store<'_>,
        score: Score,
        address: DocAddress,
        stored: PassageDoc,
        copies: Vec<Source>,
    ) -> Result<Candidate> {
        Ok(Candidate {
            score,
            article: store.article_of_passage(address, stored.index)?,
            stored,
            copies,
        })
    }
}

fn read_candidates(store: &Store<'_>, chosen: Vec<(Score, DocAddress)>) -> Result<Vec<Candidate>> {
    chosen
        .into_iter()
        .map(|(score, address)| {
            Candidate::read(store, score, address, store.passage(address)?, Vec::new())
        })
        .collect()
}

/// How many more stories than a page shows (at least) are looked at to find its
/// results' copies.
const COPY_MARGIN: usize = 10;

/// How many passages a story is first guessed to take among the best, sorted by date:
/// enough that a page of stories whose articles have each been printed ten times over
/// is found in one search (more are fetched when it is not). By relevance the best
/// distinct texts are fetched instead, copies coming along with them.
const FIRST_GUESS: usize = 10;

/// How many of an article's passages are first fetched for each one kept ([`Page`]'s
/// `per_article`): another passage of it may be lifted above its best by proximity.
/// By relevance with copies grouped, how many texts a story is first allowed.
const PASSAGES_PER_ARTICLE: usize = 3;

/// The page's passages with copies grouped. The best passages are fetched with what
/// the fast fields say of their articles, and gathered into sets of exact copies by
/// their fingerprints (nothing read), until a page's worth and a margin of such sets
/// are found; then copies that are not exact are looked for among the sets by their
/// texts.
fn grouped_candidates(
    searcher: &Searcher,
    store: &Store<'_>,
    parsed: &ParsedQuery,
    page: Page,
) -> Result<Vec<Candidate>> {
    if page.limit == 0 {
        return Ok(Vec::new());
    }
    let sets_wanted = page.limit + page.limit.max(COPY_MARGIN);
    let mut wanted = match page.sort {
        Sort::Relevance => sets_wanted * page.per_article.max(1) * PASSAGES_PER_ARTICLE,
        Sort::Date => sets_wanted * FIRST_GUESS,
    };
    let mut articles = HashMap::new();
    loop {
        let (ranked, exhausted) = match page.sort {
            Sort::Relevance => {
                let found = best_texts(searcher, parsed, wanted)?;
                let ranked = at_most_per_article(found.passages, page.per_article, |p| p.article);
                (ranked.collect::<Vec<_>>(), found.exhausted)
            }
            Sort::Date => by_date(searcher, parsed, page, wanted)?,
        };
        let sets = exact_copies(&ranked);
        if sets.len() >= sets_wanted || exhausted {
            let mut shown = group_copies(store, &ranked, &sets, page.limit, &mut articles)?;
            if shown.len() >= page.limit || exhausted {
                shown.truncate(page.limit);
                return Ok(shown);
            }
        }
        // As many more as the copies found so far say a full page needs.
        wanted = (wanted * 2).max(wanted * sets_wanted / sets.len().max(1));
    }
}

/// The oldest `wanted` passages (at most `page.per_article` from one article) with what
/// the fast fields say of them, and whether there are no more.
fn by_date(
    searcher: &Searcher,
    parsed: &ParsedQuery,
    page: Page,
    wanted: usize,
) -> Result<(Vec<Keyed>, bool)> {
    let chosen = top_passages(
        searcher,
        parsed,
        Page {
            limit: wanted,
            ..page
        },
    )?;
    let exhausted = chosen.len() < wanted;
    let numbers = u64_columns(searcher, "passage")?;
    let prints = article_columns(searcher, "copy_hash")?;
    let ranked = chosen
        .into_iter()
        .map(|(score, address)| {
            let segment = address.segment_ord as usize;
            let passage = numbers[segment].first(address.doc_id).unwrap_or_default();
            Keyed {
                score,
                address,
                article: article_of(address, passage),
                print: prints[segment]
                    .of_passage(address.doc_id, passage)
                    .unwrap_or_default(),
                passage,
            }
        })
        .collect();
    Ok((ranked, exhausted))
}

/// `passages` in rank order with at most `per_article` (0: all) from one article.
fn at_most_per_article<T>(
    passages: impl IntoIterator<Item = T>,
    per_article: usize,
    article: impl Fn(&T) -> u64,
) -> impl Iterator<Item = T> {
    let mut taken: HashMap<u64, usize> = HashMap::new();
    passages.into_iter().filter(move |passage| {
        let seen = taken.entry(article(passage)).or_default();
        *seen += 1;
        per_article == 0 || *seen <= per_article
    })
}

/// The passages of `ranked` gathered into sets of exact copies (articles with the same
/// fingerprint; an article without one is a set of its own), in the order of their
/// best passages: indexes into `ranked`.
fn exact_copies(ranked: &[Keyed]) -> Vec<Vec<usize>> {
    let mut set_of: HashMap<(u64, u64), usize> = HashMap::new();
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for (i, passage) in ranked.iter().enumerate() {
        let key = match passage.print {
            0 => (0, passage.article),
            print => (print, 0),
        };
        let set = *set_of.entry(key).or_insert_with(|| {
            sets.push(Vec::new());
            sets.len() - 1
        });
        sets[set].push(i);
    }
    sets
}

/// Sets of exact copies ([`exact_copies`]) joined into stories where they are copies
/// ([`copies`]) by their texts, and each story shown under its oldest article: that
/// article's passages take the places of the story's first passages, listing the
/// other articles on the first; the others' passages are dropped. Stories are read
/// until `limit` passages are shown.
///
/// Two sets whose best passages are the same text under the same title are copies
/// without reading further; `articles` keeps the 3-grams of the articles read whole.
fn group_copies(
    store: &Store<'_>,
    ranked: &[Keyed],
    sets: &[Vec<usize>],
    limit: usize,
    articles: &mut HashMap<u64, Vec<u64>>,
) -> Result<Vec<Candidate>> {
    let sets = &sets[..sets.len().min(limit + limit.max(COPY_MARGIN))];
    // Each set by its best passage's text: where it was printed is read only for the
    // stories shown, and its headline only to tell two sets with the same text apart.
    let mut read: HashMap<usize, StoredPassage> = HashMap::new();
    for set in sets {
        read.insert(set[0], store.own_passage(ranked[set[0]].address)?);
    }
    let best = |k: usize| &read[&sets[k][0]].text;
    let passages: Vec<Vec<u64>> = (0..sets.len()).map(|k| copies::shingles(best(k))).collect();
    let failed = RefCell::new(None);
    let mut titles: HashMap<usize, Option<String>> = HashMap::new();
    let mut title = |k: usize| -> Option<String> {
        let first = &ranked[sets[k][0]];
        let title = titles
            .entry(k)
            .or_insert_with(|| match store.source(first.address) {
                Ok(source) => source.title,
                Err(error) => {
                    failed.borrow_mut().get_or_insert(error);
                    None
                }
            });
        title.clone()
    };
    // Whole articles are read only for the pairs that may be copies.
    let mut article = |k: usize| -> Option<Vec<u64>> {
        let first = &ranked[sets[k][0]];
        if let Some(grams) = articles.get(&first.article) {
            return Some(grams.clone());
        }
        match store.article_text(first.address, first.passage) {
            Ok(text) => {
                let grams = copies::shingles(&text);
                articles.insert(first.article, grams.clone());
                Some(grams)
            }
            Err(error) => {
                failed.borrow_mut().get_or_insert(error);
                None
            }
        }
    };
    // Stories in the order of their best sets (the order `group` is given is kept).
    let stories = copies::group(
        (0..sets.len()).collect(),
        |_, _| std::cmp::Ordering::Equal,
        |i, j| {
            (best(i) == best(j) && title(i) == title(j))
                || copies::may_be_copies(&passages[i], &passages[j])
                    && match (article(i), article(j)) {
                        (Some(x), Some(y)) => copies::overlap(&x, &y) >= copies::COPY_OVERLAP,
                        _ => false,
                    }
        },
    );
    if let Some(error) = failed.into_inner() {
        return Err(error);
    }
    let mut story_of: Vec<Option<usize>> = vec![None; ranked.len()];
    for (story, (first, others)) in stories.iter().enumerate() {
        for &set in std::iter::once(first).chain(others) {
            for &i in &sets[set] {
                story_of[i] = Some(story);
            }
        }
    }
    // Per story met: its lead article's passages, in rank order, and its copies.
    let mut leads: HashMap<usize, (Vec<usize>, Vec<Source>)> = HashMap::new();
    let mut next: HashMap<usize, usize> = HashMap::new();
    let mut shown = Vec::with_capacity(limit);
    for story in story_of.iter().flatten().copied() {
        if shown.len() == limit {
            break;
        }
        if let Entry::Vacant(slot) = leads.entry(story) {
            // One source per article of the story, from its best passage.
            let mut members: Vec<usize> = Vec::new();
            let (first, others) = &stories[story];
            for &set in std::iter::once(first).chain(others) {
                for &i in &sets[set] {
                    if !members
                        .iter()
                        .any(|&m| ranked[m].article == ranked[i].article)
                    {
                        members.push(i);
                    }
                }
            }
            // Exact copies share their headline: it is read once for them all.
            let mut sources = Vec::with_capacity(members.len());
            let mut headlines: HashMap<u64, Option<String>> = HashMap::new();
            for &i in &members {
                let (address, print) = (ranked[i].address, ranked[i].print);
                let source = match headlines.get(&print) {
                    Some(title) => store.source_titled(address, title.clone())?,
                    None => {
                        let source = store.source(address)?;
                        // 0 is no fingerprint: an article copying nothing.
                        if print != 0 {
                            headlines.insert(print, source.title.clone());
                        }
                        source
                    }
                };
                sources.push((source, ranked[i].article));
            }
            sources.sort_by(|a, b| copies::oldest_first(&a.0, &b.0));
            let mut sources = sources.into_iter();
            let Some((_, lead)) = sources.next() else {
                continue;
            };
            let passages: Vec<usize> = (0..ranked.len())
                .filter(|&i| story_of[i] == Some(story) && ranked[i].article == lead)
                .collect();
            slot.insert((passages, sources.map(|(source, _)| source).collect()));
        }
        let at = next.entry(story).or_default();
        let (passages, others) = &leads[&story];
        let Some(&i) = passages.get(*at) else {
            continue;
        };
        // Read again only if it was not among the sets' best (the block may be gone).
        let own = match read.remove(&i) {
            Some(own) => own,
            None => store.own_passage(ranked[i].address)?,
        };
        let stored = store.sourced(ranked[i].address, own)?;
        let copies = if *at == 0 { others.clone() } else { Vec::new() };
        let (score, address) = (ranked[i].score, ranked[i].address);
        shown.push(Candidate::read(store, score, address, stored, copies)?);
        *at += 1;
    }
    Ok(shown)
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
        ..Page::default()
    };
    let chosen = top_passages(searcher, &parsed, page)?;
    let store = Store::new(searcher, &handle.fields);
    chosen
        .into_iter()
        .map(|(_, address)| store.source_or_article_id(address))
        .collect()
}

/// A `u64` fast field's column in every segment, by segment ordinal.
fn u64_columns(searcher: &Searcher, field: &str) -> Result<Vec<Column<u64>>> {
    per_segment(searcher, |segment| segment.fast_fields().u64(field))
}

/// An [`ArticleColumn`] in every segment, by segment ordinal.
fn article_columns(searcher: &Searcher, field: &str) -> Result<Vec<ArticleColumn>> {
    per_segment(searcher, |segment| ArticleColumn::open(segment, field))
}

/// `open` of every segment, by segment ordinal.
fn per_segment<T>(
    searcher: &Searcher,
    open: impl Fn(&SegmentReader) -> tantivy::Result<T>,
) -> Result<Vec<T>> {
    let mut columns = Vec::new();
    for segment in searcher.segment_readers() {
        columns.push(open(segment)?);
    }
    Ok(columns)
}

/// The passages to show, best first, grouped per article (none for a limit of 0).
pub(crate) fn top_passages(
    searcher: &Searcher,
    parsed: &ParsedQuery,
    page: Page,
) -> Result<Vec<(Score, DocAddress)>> {
    if page.limit == 0 {
        return Ok(Vec::new());
    }
    let article_keys = article_columns(searcher, "article_key")?;
    let passage_numbers = u64_columns(searcher, "passage")?;
    if page.sort == Sort::Date {
        // Checked here, so the collector below can read the column without an error.
        for segment in searcher.segment_readers() {
            segment.fast_fields().i64("date")?;
        }
    }
    let mut fetch = (page.limit * page.per_article.max(1) * PASSAGES_PER_ARTICLE).max(30);
    loop {
        let top: Vec<_> = match page.sort {
            Sort::Relevance => best_by_score(searcher, parsed, fetch)?
                .into_iter()
                .map(|(score, address)| (None, score, address))
                .collect(),
            // Every match is visited for its date: nothing to prune.
            Sort::Date => searcher
                .search(
                    &parsed.query,
                    &TopDocs::with_limit(fetch).tweak_score(oldest_first),
                )?
                .into_iter()
                .map(|((date, score), address)| (date.map(|Reverse(day)| day), score, address))
                .collect(),
        };
        let mut ranked: Vec<Ranked> = top
            .into_iter()
            .map(|(date, score, address)| {
                let segment = address.segment_ord as usize;
                let passage = passage_numbers[segment]
                    .first(address.doc_id)
                    .unwrap_or_default();
                let key = article_keys[segment]
                    .of_passage(address.doc_id, passage)
                    .unwrap_or_default();
                Ranked {
                    date,
                    score,
                    key,
                    passage,
                    address,
                }
            })
            .collect();
        ranked.sort_by(|a, b| {
            let by_date = match page.sort {
                Sort::Relevance => std::cmp::Ordering::Equal,
                // Dated first, then the oldest.
                Sort::Date => (a.date.is_none(), a.date).cmp(&(b.date.is_none(), b.date)),
            };
            by_date
                .then(b.score.total_cmp(&a.score))
                .then(a.key.cmp(&b.key))
                .then(a.passage.cmp(&b.passage))
        });
        let exhausted = ranked.len() < fetch;
        let chosen: Vec<_> = at_most_per_article(ranked, page.per_article, |r| r.key)
            .take(page.limit)
            .map(|r| (r.score, r.address))
            .collect();
        if chosen.len() == page.limit || exhausted {
            return Ok(chosen);
        }
        fetch *= 4;
    }
}

/// A matching passage as [`top_passages`] orders it.
struct Ranked {
    /// The first day of its article's date (with [`Sort::Date`] only).
    date: Option<i64>,
    score: Score,
    key: u64,
    passage: u64,
    address: DocAddress,
}

/// The sort key of [`Sort::Date`] in one segment, greatest kept: dated before undated,
/// then the oldest day, then the best score.
fn oldest_first(
    segment: &SegmentReader,
) -> impl Fn(tantivy::DocId, Score) -> (Option<Reverse<i64>>, Score) + use<> {
    // `top_passages` has checked that every segment has the column.
    let dates = segment.fast_fields().i64("date").ok();
    move |doc, score| {
        let date = dates.as_ref().and_then(|column| column.first(doc));
        (date.map(Reverse), score)
    }
}

fn facets(
    searcher: &Searcher,
    fields: &Fields,
    parsed: &ParsedQuery,
    period: Period,
) -> Result<(Total, Facets)> {
    // Facets visit every match: counting them all costs nothing more.
    let (passages, found) = searcher.search(
        &parsed.matching,
        &(
            Count,
            ArticleFacets::under(&["/outlet", "/lang", "/month"])
                .counting_entities()
                .counting_dates(),
        ),
    )?;
    let values = |root: &str| -> Vec<FacetCount> {
        found
            .children(root)
            .into_iter()
            .map(|(value, articles)| FacetCount { value, articles })
            .collect()
    };
    let most_first = |a: &FacetCount, b: &FacetCount| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.value.cmp(&b.value))
    };
    let mut outlets = values("/outlet");
    outlets.sort_by(most_first);
    let mut langs = values("/lang");
    langs.sort_by(most_first);
    let months = values("/month");
    // An article has one outlet at most: the rest have none.
    let known: u64 = outlets.iter().map(|count| count.articles).sum();
    let no_outlet = found.articles().saturating_sub(known);
    let periods = found
        .periods(period)
        .into_iter()
        .map(|(value, articles)| FacetCount { value, articles })
        .collect();
    let undated = found.undated();
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
    let facets = Facets {
        articles: found.articles(),
        outlets,
        no_outlet,
        langs,
        months,
        period,
        periods,
        undated,
        entities,
    };
    Ok((Total::exact(passages), facets))
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
            ..Page::default()
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

    /// The four passages above, one article each, in the order a, b, c, d.
    fn four_articles(dir: &std::path::Path) -> crate::Engine {
        indexed(
            dir,
            &[
                doc("a.md", APART),
                doc("b.md", NEAR),
                doc("c.md", REPEAT),
                doc("d.md", OTHER),
            ],
        )
    }

    #[test]
    fn passages_holding_the_words_together_rank_first() {
        let dir = tempfile::tempdir().unwrap();
        let engine = four_articles(dir.path());
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
        // A limit of 0 shows every match, as `search quote -n 0` does.
        let every = engine.query(&request("flood"), page(0, 0)).unwrap();
        assert_eq!(every.hits.len(), 3);
        assert_eq!(every.total_passages, 3);
        let each_article = engine.query(&request("flood"), page(0, 1)).unwrap();
        assert_eq!(each_article.hits.len(), 2);
        let none = engine.query(&request("nowhere"), page(0, 1)).unwrap();
        assert_eq!((none.hits.len(), none.total_passages), (0, 0));
    }

    #[test]
    fn the_count_stops_at_its_bound_unless_every_match_is_visited() {
        let dir = tempfile::tempdir().unwrap();
        let engine = four_articles(dir.path());
        let count = |page: Page| {
            let results = engine.query(&request("flood"), page).unwrap();
            (results.total_passages, results.total_is_lower_bound)
        };
        let bounded = |bound| Page {
            count_bound: bound,
            ..page(1, 1)
        };
        assert_eq!(count(bounded(Some(2))), (2, true));
        assert_eq!(count(bounded(Some(3))), (3, false));
        assert_eq!(count(bounded(None)), (3, false));
        // Facets and a limit of 0 visit every match, so they count them all.
        let facets = Page {
            facets: true,
            ..bounded(Some(2))
        };
        assert_eq!(count(facets), (3, false));
        let every = Page {
            limit: 0,
            ..bounded(Some(2))
        };
        assert_eq!(count(every), (3, false));
        assert_eq!(
            engine.query(&request("flood"), every).unwrap().hits.len(),
            3
        );
    }

    #[test]
    fn equal_scores_are_ordered_by_article_id() {
        let dir = tempfile::tempdir().unwrap();
        let names = ["a.md", "b.md", "c.md", "d.md"];
        let docs: Vec<_> = names.iter().map(|name| doc(name, NEAR)).collect();
        let engine = indexed(dir.path(), &docs);
        let results = engine
            .query_copies(&request("flood"), page(10, 1), Copies::Listed)
            .unwrap();
        assert_eq!(results.hits.len(), 4);
        assert!(results.hits.windows(2).all(|w| w[0].score == w[1].score));
        let ids: Vec<&str> = results.hits.iter().map(|h| h.article_id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn passages_are_gathered_by_fingerprint_and_an_article_without_one_stands_alone() {
        // (article, fingerprint) of passages in rank order.
        let passages = [(1, 7), (2, 9), (3, 7), (4, 0), (5, 0), (4, 0)];
        let ranked: Vec<Keyed> = passages
            .iter()
            .enumerate()
            .map(|(i, &(article, print))| Keyed {
                score: 1.0,
                address: DocAddress::new(0, i as u32),
                article,
                print,
                passage: 0,
            })
            .collect();
        assert_eq!(
            exact_copies(&ranked),
            [vec![0, 2], vec![1], vec![3, 5], vec![4]]
        );
    }

    /// A dated copy of `body` under `name`.
    fn dated<'a>(name: &'a str, date: &'a str, body: &'a str) -> crate::index::fixture::Doc<'a> {
        crate::index::fixture::Doc {
            date: Some(date),
            ..doc(name, body)
        }
    }

    #[test]
    fn copies_of_an_article_are_one_result_under_the_oldest_at_the_best_rank() {
        let dir = tempfile::tempdir().unwrap();
        // b is a copy of a with one word changed; c prints it again, older; d is
        // another story; a's own second passage is no copy of anything.
        let refiled = NEAR.replace("heavy", "torrential");
        let engine = indexed(
            dir.path(),
            &[
                dated("a.md", "2024-03-02", &format!("{NEAR}\n\n{OTHER}\n")),
                dated("b.md", "2024-03-03", &format!("{refiled}\n\n{OTHER}\n")),
                dated("c.md", "2024-03-01", &format!("{NEAR}\n\n{OTHER}\n")),
                dated("d.md", "2024-03-01", APART),
            ],
        );
        let grouped = engine
            .query(&request("flood warnings"), page(10, 1))
            .unwrap();
        let shown: Vec<(&str, Vec<&str>)> = grouped
            .hits
            .iter()
            .map(|hit| {
                (
                    hit.path.rsplit('/').next().unwrap(),
                    hit.copies
                        .iter()
                        .map(|c| c.path.rsplit('/').next().unwrap())
                        .collect(),
                )
            })
            .collect();
        // d's passage is shorter (the others' two paragraphs make one passage).
        assert_eq!(shown, [("d.md", vec![]), ("c.md", vec!["a.md", "b.md"])]);
        assert_eq!(
            grouped.hits.iter().map(|h| h.rank).collect::<Vec<_>>(),
            [1, 2]
        );
        let listed = engine
            .query_copies(&request("flood warnings"), page(10, 1), Copies::Listed)
            .unwrap();
        assert_eq!(listed.hits.len(), 4);
        assert!(listed.hits.iter().all(|h| h.copies.is_empty()));
        // A page of one is still full after grouping, its copies found beyond it.
        let one = engine.query(&request("heavy rain"), page(1, 1)).unwrap();
        assert_eq!(one.hits.len(), 1);
        assert_eq!(one.hits[0].copies.len(), 2);
    }
    #[test]
    fn copies_are_listed_with_what_their_own_documents_store() {
        let dir = tempfile::tempdir().unwrap();
        let body = format!("{NEAR}\n");
        let with = |name, outlet, date, title| crate::index::fixture::Doc {
            outlet: Some(outlet),
            date: Some(date),
            title: Some(title),
            ..doc(name, &body)
        };
        let engine = indexed(
            dir.path(),
            &[
                with("a.md", "Wire", "2024-03-02", "Floods close roads"),
                with("b.md", "Daily Post", "2024-03-01", "Roads shut by floods"),
                doc("c.md", &body),
            ],
        );
        let flood = request("flood warnings");
        let grouped = engine.query(&flood, page(10, 1)).unwrap();
        let listed = engine
            .query_copies(&flood, page(10, 1), Copies::Listed)
            .unwrap();
        // Grouped, the copies' sources come from the fast columns; listed, each is
        // read from its stored document.
        let stored = |path: &str| {
            let hit = listed.hits.iter().find(|h| h.path.ends_with(path)).unwrap();
            Source {
                article_id: hit.article_id.clone(),
                path: hit.path.clone(),
                line: hit.line,
                outlet: hit.outlet.clone(),
                lang: hit.lang.clone(),
                date: hit.date.clone(),
                title: hit.title.clone(),
            }
        };
        assert_eq!(grouped.hits.len(), 1);
        assert!(grouped.hits[0].path.ends_with("b.md"));
        assert_eq!(grouped.hits[0].copies, [stored("a.md"), stored("c.md")]);
        let a = &grouped.hits[0].copies[0];
        assert_eq!(
            (
                a.outlet.as_deref(),
                a.date.as_deref(),
                a.title.as_deref(),
                a.line
            ),
            (
                Some("Wire"),
                Some("2024-03-02"),
                Some("Floods close roads"),
                6
            )
        );
        let c = &grouped.hits[0].copies[1];
        assert_eq!(
            (c.outlet.as_deref(), c.date.as_deref(), c.line),
            (None, None, 3)
        );
    }
}
