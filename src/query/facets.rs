//! Facet counts over a query's whole match set, counted in *articles*: a query matches
//! passages, and an article with five matching passages (or a matching title, which
//! every passage carries) must count once, not five times. tantivy's `FacetCollector`
//! counts documents, so this collector counts, for an article's first matching passage
//! (told apart by where its article's document is), the facets of the article's own
//! document, which sits `passage + 1` documents before it. On request it also counts
//! the articles' entities, from their `entity_hash` column, and their dates, by day,
//! month or year, from the `date` column (an article's first day) and the `date_end`
//! terms (which say how precise the date is).

use std::cmp::Reverse;

use rustc_hash::FxHashMap as HashMap;

use crate::index::store::article_doc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{
    BitSet, DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED,
};

use crate::entities::EntityKind;
use crate::index::entity_terms::kind_of_hash;

/// The period `--facets` counts dates by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Period {
    /// `2004-03-02`.
    Day,
    /// `2004-03` (the default).
    #[default]
    Month,
    /// `2004`.
    Year,
}

impl Period {
    /// `day`, `month` or `year`.
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Month => "month",
            Period::Year => "year",
        }
    }
}

/// Counts, per distinct matching article, its facets under the given roots.
pub struct ArticleFacets {
    roots: Vec<String>,
    /// Count entities too.
    count_entities: bool,
    /// Count dates too.
    count_dates: bool,
}

/// What [`ArticleFacets`] found: matching articles, and per facet (in its encoded form)
/// how many of them carry it.
#[derive(Debug, Default)]
pub struct ArticleFacetCounts {
    articles: u64,
    counts: HashMap<String, u64>,
    /// With [`ArticleFacets::counting_entities`]: per entity hash, the matching articles
    /// that mention it and one of them (whose stored entities name it).
    entities: HashMap<u64, EntityTally>,
    /// With [`ArticleFacets::counting_dates`]: matching articles per date.
    dates: HashMap<DateKey, u64>,
    /// With [`ArticleFacets::counting_dates`]: matching articles with no date.
    undated: u64,
}

/// A date as the collector sees it: its first day (days since 1970-01-01), and whether
/// its last day (`date_end`) falls on the first of a month or on 31 January — which is
/// enough to tell its precision (see [`precision`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct DateKey {
    first: i64,
    ends_on_a_first: bool,
    ends_on_31_january: bool,
}

/// How many matching articles mention an entity, and one that does.
#[derive(Debug, Clone, Copy)]
pub struct EntityTally {
    /// Matching articles.
    pub articles: u64,
    /// One of them (its `article` document).
    pub example: DocAddress,
}

impl ArticleFacets {
    /// Counts facets under these roots, such as `/outlet` or `/month`.
    pub fn under(roots: &[&str]) -> Self {
        Self {
            roots: roots.iter().map(|root| encoded_prefix(root)).collect(),
            count_entities: false,
            count_dates: false,
        }
    }

    /// Also counts the matching articles' dates.
    pub fn counting_dates(mut self) -> Self {
        self.count_dates = true;
        self
    }

    /// Also counts the entities the matching articles mention.
    pub fn counting_entities(mut self) -> Self {
        self.count_entities = true;
        self
    }
}

impl ArticleFacetCounts {
    /// Matching articles.
    pub fn articles(&self) -> u64 {
        self.articles
    }

    /// The children of `root` (such as `/outlet`) with the number of matching articles
    /// under each, by name.
    pub fn children(&self, root: &str) -> Vec<(String, u64)> {
        let prefix = encoded_prefix(root);
        let mut children: Vec<(String, u64)> = self
            .counts
            .iter()
            .filter_map(|(facet, n)| {
                let child = facet.strip_prefix(&prefix)?;
                (!child.contains(SEPARATOR)).then(|| (child.to_owned(), *n))
            })
            .collect();
        children.sort();
        children
    }

    /// Matching articles with no date (with [`ArticleFacets::counting_dates`]).
    pub fn undated(&self) -> u64 {
        self.undated
    }

    /// The matching articles per `period`, oldest first (with
    /// [`ArticleFacets::counting_dates`]): `2004-03-02`, `2004-03` or `2004`. An article
    /// dated less precisely than `period` is counted under its own date (`2004-05` among
    /// days, `2004` among months), after the periods it holds that start on the same day.
    pub fn periods(&self, period: Period) -> Vec<(String, u64)> {
        let mut counts: HashMap<(jiff::civil::Date, Period), u64> = HashMap::default();
        for (key, n) in &self.dates {
            let Some(day) = day_of(key.first) else {
                continue;
            };
            // The coarser of the date's own precision and the period.
            let (day, period) = match (precision(day, key), period) {
                (Period::Year, _) | (_, Period::Year) => (day.first_of_year(), Period::Year),
                (Period::Month, _) | (_, Period::Month) => (day.first_of_month(), Period::Month),
                (Period::Day, Period::Day) => (day, Period::Day),
            };
            *counts.entry((day, period)).or_default() += n;
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        // On one first day, the year, then the month, then the day.
        counts.sort_by_key(|((day, period), _)| (*day, Reverse(*period as u8)));
        counts
            .into_iter()
            .map(|((day, period), n)| (label(day, period), n))
            .collect()
    }

    /// The `limit` entities of `kind` most mentioned by matching articles, most first
    /// (ties by hash, so the choice is stable), as (hash, tally).
    pub fn top_entities(&self, kind: EntityKind, limit: usize) -> Vec<(u64, EntityTally)> {
        let mut top: Vec<(u64, EntityTally)> = self
            .entities
            .iter()
            .filter(|(hash, _)| kind_of_hash(**hash) == kind)
            .map(|(hash, tally)| (*hash, *tally))
            .collect();
        let order = |a: &(u64, EntityTally), b: &(u64, EntityTally)| {
            b.1.articles.cmp(&a.1.articles).then(a.0.cmp(&b.0))
        };
        if top.len() > limit {
            top.select_nth_unstable_by(limit, order);
            top.truncate(limit);
        }
        top.sort_unstable_by(order);
        top
    }
}

/// A day value of the index (days since 1970-01-01) as a date.
fn day_of(value: i64) -> Option<jiff::civil::Date> {
    jiff::civil::Date::constant(1970, 1, 1)
        .checked_add(jiff::Span::new().try_days(value).ok()?)
        .ok()
}

/// How precise a date is. A date known to the month spans the month, one known to the
/// year the year, so only a date starting on the first of a month can be either: its
/// last day tells them apart (the same day: a day; a month's end: a month; 31
/// December: a year).
fn precision(first: jiff::civil::Date, key: &DateKey) -> Period {
    if first.day() != 1 || key.ends_on_a_first {
        Period::Day
    } else if first.month() != 1 || key.ends_on_31_january {
        Period::Month
    } else {
        Period::Year
    }
}

/// `2004-03-02`, `2004-03` or `2004`.
fn label(day: jiff::civil::Date, period: Period) -> String {
    match period {
        Period::Day => format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day()),
        Period::Month => format!("{:04}-{:02}", day.year(), day.month()),
        Period::Year => format!("{:04}", day.year()),
    }
}

/// The documents of a segment whose `date_end` falls on the first of a month, and
/// those whose falls on 31 January (see [`precision`]): read from the term dictionary,
/// which holds one term per day that ends a date.
fn date_ends(reader: &SegmentReader) -> tantivy::Result<(BitSet, BitSet)> {
    let field = reader.schema().get_field("date_end")?;
    let index = reader.inverted_index(field)?;
    let max_doc = reader.max_doc();
    let (mut firsts, mut januaries) = (
        BitSet::with_max_value(max_doc),
        BitSet::with_max_value(max_doc),
    );
    let mut terms = index.terms().stream()?;
    while terms.advance() {
        let Ok(bytes) = <[u8; 8]>::try_from(terms.key()) else {
            continue;
        };
        let Some(day) = day_of(tantivy::u64_to_i64(u64::from_be_bytes(bytes))) else {
            continue;
        };
        let set = match (day.month(), day.day()) {
            (_, 1) => &mut firsts,
            (1, 31) => &mut januaries,
            _ => continue,
        };
        let mut postings =
            index.read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            set.insert(doc);
            doc = postings.advance();
        }
    }
    Ok((firsts, januaries))
}

/// What separates segments in a facet's encoded form (no escaping needed there).
const SEPARATOR: char = '\u{0}';

/// `/outlet` → the encoded form every facet under it starts with.
fn encoded_prefix(root: &str) -> String {
    let mut prefix = Facet::from(root).encoded_str().to_owned();
    prefix.push(SEPARATOR);
    prefix
}

/// One segment's share of the work.
pub struct SegmentArticleFacets {
    passages: Column<u64>,
    facets: FacetReader,
    roots: Vec<String>,
    segment: SegmentOrdinal,
    /// The `entity_hash` column, when entities are counted.
    entity_hashes: Option<Column<u64>>,
    entities: HashMap<u64, EntityTally>,
    /// When dates are counted: the `date` column and [`date_ends`].
    dates: Option<SegmentDates>,
    /// The `article` document of the last passage counted.
    last_article: Option<DocId>,
    articles: u64,
    /// Matching articles per facet ordinal.
    counts: Vec<u64>,
}

/// A segment's dates, for counting them.
struct SegmentDates {
    column: Column<i64>,
    ends_on_a_first: BitSet,
    ends_on_31_january: BitSet,
    counts: HashMap<DateKey, u64>,
    undated: u64,
}

impl SegmentDates {
    fn count(&mut self, article: DocId) {
        let Some(first) = self.column.first(article) else {
            self.undated += 1;
            return;
        };
        let key = DateKey {
            first,
            ends_on_a_first: self.ends_on_a_first.contains(article),
            ends_on_31_january: self.ends_on_31_january.contains(article),
        };
        *self.counts.entry(key).or_default() += 1;
    }
}

impl Collector for ArticleFacets {
    type Fruit = ArticleFacetCounts;
    type Child = SegmentArticleFacets;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let facets = reader.facet_reader("facet")?;
        Ok(SegmentArticleFacets {
            segment,
            entity_hashes: if self.count_entities {
                Some(reader.fast_fields().u64("entity_hash")?)
            } else {
                None
            },
            entities: HashMap::default(),
            dates: if self.count_dates {
                let (ends_on_a_first, ends_on_31_january) = date_ends(reader)?;
                Some(SegmentDates {
                    column: reader.fast_fields().i64("date")?,
                    ends_on_a_first,
                    ends_on_31_january,
                    counts: HashMap::default(),
                    undated: 0,
                })
            } else {
                None
            },
            passages: reader.fast_fields().u64("passage")?,
            counts: vec![0; facets.num_facets()],
            facets,
            roots: self.roots.clone(),
            last_article: None,
            articles: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<ArticleFacetCounts>) -> tantivy::Result<ArticleFacetCounts> {
        let mut merged = ArticleFacetCounts::default();
        for fruit in fruits {
            merged.articles += fruit.articles;
            merged.undated += fruit.undated;
            for (key, n) in fruit.dates {
                *merged.dates.entry(key).or_default() += n;
            }
            for (hash, tally) in fruit.entities {
                merged
                    .entities
                    .entry(hash)
                    .and_modify(|merged| merged.articles += tally.articles)
                    .or_insert(tally);
            }
            for (facet, n) in fruit.counts {
                *merged.counts.entry(facet).or_default() += n;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentArticleFacets {
    type Fruit = ArticleFacetCounts;

    /// Documents arrive in id order, and the indexer adds each article's documents as
    /// one batch (one segment, consecutive ids, the `article` document first), so an
    /// article document other than the last one met is an article not yet counted.
    fn collect(&mut self, doc: DocId, _score: Score) {
        // The facets are on the article's own document, just before its passages.
        let Some(passage) = self.passages.first(doc) else {
            return;
        };
        let Some(article) = article_doc(doc, passage) else {
            return;
        };
        if self.last_article == Some(article) {
            return;
        }
        self.last_article = Some(article);
        self.articles += 1;
        if let Some(dates) = &mut self.dates {
            dates.count(article);
        }
        if let Some(hashes) = &self.entity_hashes {
            for hash in hashes.values_for_doc(article) {
                self.entities
                    .entry(hash)
                    .or_insert(EntityTally {
                        articles: 0,
                        example: DocAddress::new(self.segment, article),
                    })
                    .articles += 1;
            }
        }
        for ord in self.facets.facet_ords(article) {
            if let Some(count) = self.counts.get_mut(ord as usize) {
                *count += 1;
            }
        }
    }

    fn harvest(self) -> ArticleFacetCounts {
        let (dates, undated) = self
            .dates
            .map(|dates| (dates.counts, dates.undated))
            .unwrap_or_default();
        // Every facet counted, turned into its path in one ordered pass over the
        // dictionary (looking ordinals up one by one costs a block decode each).
        let ords: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&ord| self.counts[ord as usize] > 0)
            .collect();
        let mut counts = HashMap::default();
        let mut next = ords.iter();
        let _ = self
            .facets
            .facet_dict()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                let Some(&ord) = next.next() else { return };
                let Ok(path) = std::str::from_utf8(bytes) else {
                    return;
                };
                if self
                    .roots
                    .iter()
                    .any(|root| path.starts_with(root.as_str()))
                {
                    counts.insert(path.to_owned(), self.counts[ord as usize]);
                }
            });
        ArticleFacetCounts {
            articles: self.articles,
            counts,
            entities: self.entities,
            dates,
            undated,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::index::fixture::{Doc, indexed};
    use crate::query::parse::QueryRequest;
    use crate::query::search::{FacetCount, Page};

    fn article<'a>(name: &'a str, outlet: &'a str, date: &'a str, body: &'a str) -> Doc<'a> {
        Doc {
            name,
            outlet: Some(outlet),
            date: Some(date),
            title: None,
            body,
        }
    }

    const FLOOD: &str =
        "Flood waters reached the town centre overnight, officials in Bremen said on Monday.";
    const FLOOD_AGAIN: &str =
        "The flood is expected to peak on Wednesday, when more rain is forecast for Bremen.";
    const DRY: &str =
        "Farmers in Seville asked for help as the drought entered its third month of the year.";

    #[test]
    fn facets_count_matching_articles_not_passages() {
        let dir = tempfile::tempdir().unwrap();
        let three = format!("{FLOOD}\n\n{FLOOD_AGAIN}\n\n{FLOOD}\n");
        let engine = indexed(
            dir.path(),
            &[
                article("a.md", "Reuters", "2024-10-08", &three),
                article("b.md", "Reuters", "2024-11-02", FLOOD),
                article("c.md", "AP", "2024-11-30", FLOOD_AGAIN),
                article("d.md", "AP", "2024-11-30", DRY),
            ],
        );
        let request = QueryRequest {
            text: "flood".into(),
            ..QueryRequest::default()
        };
        let page = Page {
            limit: 10,
            per_article: 1,
            facets: true,
            ..Page::default()
        };
        let results = engine.query(&request, page).unwrap();
        assert_eq!(results.total_passages, 5);
        let facets = results.facets.unwrap();
        assert_eq!(facets.articles, 3);
        let counts = |list: &[FacetCount]| -> Vec<(String, u64)> {
            list.iter().map(|c| (c.value.clone(), c.articles)).collect()
        };
        assert_eq!(
            counts(&facets.outlets),
            [("Reuters".to_owned(), 2), ("AP".to_owned(), 1)]
        );
        assert_eq!(
            counts(&facets.months),
            [("2024-10".to_owned(), 1), ("2024-11".to_owned(), 2)]
        );
        let bremen = facets.entities.iter().find(|e| e.name == "Bremen").unwrap();
        assert_eq!(bremen.articles, 3);
        assert!(!facets.entities.iter().any(|e| e.name == "Seville"));
    }
}
