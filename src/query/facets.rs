//! Facet counts over a query's whole match set, counted in *articles*: a query matches
//! passages, and an article with five matching passages (or a matching title, which
//! every passage carries) must count once, not five times. tantivy's `FacetCollector`
//! counts documents, so this collector counts, for an article's first matching passage
//! (told apart by the `article_key` fast field), the facets of the article's own
//! document, which sits `passage + 1` documents before it. On request it also counts
//! the articles' entities, from their `entity_hash` column.

use rustc_hash::FxHashMap as HashMap;

use crate::index::store::article_doc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::entities::EntityKind;
use crate::index::entity_terms::kind_of_hash;

/// Counts, per distinct matching article, its facets under the given roots.
pub struct ArticleFacets {
    roots: Vec<String>,
    /// Count entities too.
    count_entities: bool,
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
        }
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
    keys: Column<u64>,
    passages: Column<u64>,
    facets: FacetReader,
    roots: Vec<String>,
    segment: SegmentOrdinal,
    /// The `entity_hash` column, when entities are counted.
    entity_hashes: Option<Column<u64>>,
    entities: HashMap<u64, EntityTally>,
    last_key: Option<u64>,
    articles: u64,
    /// Matching articles per facet ordinal.
    counts: Vec<u64>,
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
            keys: reader.fast_fields().u64("article_key")?,
            passages: reader.fast_fields().u64("passage")?,
            counts: vec![0; facets.num_facets()],
            facets,
            roots: self.roots.clone(),
            last_key: None,
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
    /// one batch (one segment, consecutive ids), so a key that differs from the last
    /// one seen is an article not yet counted.
    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(key) = self.keys.first(doc) else {
            return;
        };
        if self.last_key == Some(key) {
            return;
        }
        self.last_key = Some(key);
        self.articles += 1;
        // The facets are on the article's own document, just before its passages.
        let passage = self.passages.first(doc).unwrap_or(0);
        let Some(article) = article_doc(doc, passage) else {
            return;
        };
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
