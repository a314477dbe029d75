//! Facet counts over a query's whole match set, counted in *articles*: a query matches
//! passages, and an article with five matching passages (or a matching title, which
//! every passage carries) must count once, not five times. tantivy's `FacetCollector`
//! counts documents, so this collector counts, for an article's first matching passage
//! (told apart by the `article_key` fast field), the facets of the article's own
//! document, which sits `passage + 1` documents before it.

use rustc_hash::FxHashMap as HashMap;

use crate::query::articles::article_doc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts, per distinct matching article, its facets under the given roots.
pub struct ArticleFacets {
    roots: Vec<String>,
    /// Per segment, at most this many entity facets (the most counted) are named.
    entity_limit: Option<usize>,
}

/// What [`ArticleFacets`] found: matching articles, and per facet (in its encoded form)
/// how many of them carry it.
#[derive(Debug, Default)]
pub struct ArticleFacetCounts {
    articles: u64,
    counts: HashMap<String, u64>,
}

impl ArticleFacets {
    /// Counts facets under these roots, such as `/outlet` or `/month`.
    pub fn under(roots: &[&str]) -> Self {
        Self {
            roots: roots.iter().map(|root| encoded_prefix(root)).collect(),
            entity_limit: None,
        }
    }

    /// Names only the `limit` most counted entity facets of each segment: enough for a
    /// top ten, and far cheaper when the match set mentions thousands of names.
    pub fn naming_top_entities(mut self, limit: usize) -> Self {
        self.entity_limit = Some(limit);
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
    /// The ordinals of `/entity/…` facets, and how many of them to name.
    entity_ords: std::ops::Range<u64>,
    entity_limit: Option<usize>,
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
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let facets = reader.facet_reader("facet")?;
        // Facet ordinals follow the paths' order, so `/entity/…` is one range.
        let first_from = |key: &[u8]| -> u64 {
            let Ok(mut stream) = facets.facet_dict().range().ge(key).into_stream() else {
                return facets.num_facets() as u64;
            };
            if stream.advance() {
                stream.term_ord()
            } else {
                facets.num_facets() as u64
            }
        };
        let entity_ords = first_from(b"entity")..first_from(b"entity\x01");
        Ok(SegmentArticleFacets {
            entity_ords,
            entity_limit: self.entity_limit,
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
        for ord in self.facets.facet_ords(article) {
            if let Some(count) = self.counts.get_mut(ord as usize) {
                *count += 1;
            }
        }
    }

    fn harvest(self) -> ArticleFacetCounts {
        // Every facet counted, turned into its path in one ordered pass over the
        // dictionary (looking ordinals up one by one costs a block decode each).
        let (mut entities, mut ords): (Vec<u64>, Vec<u64>) = (0..self.counts.len() as u64)
            .filter(|&ord| self.counts[ord as usize] > 0)
            .partition(|ord| self.entity_ords.contains(ord));
        if let Some(limit) = self.entity_limit
            && entities.len() > limit
        {
            entities.select_nth_unstable_by_key(limit, |&ord| {
                std::cmp::Reverse(self.counts[ord as usize])
            });
            entities.truncate(limit);
        }
        ords.extend(entities);
        ords.sort_unstable();
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
        }
    }
}
