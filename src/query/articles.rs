//! From articles to their passages: a filter on articles ("mentions Kim Yong-hyun"),
//! matched on their `article` documents, becomes the set of their passages, by the
//! adjacency rule of `index/store.rs`.

use tantivy::query::{
    BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError};

use crate::index::store::passage_docs;

/// Matches the passages of the articles `articles` matches on their `article`
/// documents, each with the same score.
#[derive(Debug)]
pub struct PassagesOf {
    articles: Box<dyn Query>,
}

impl PassagesOf {
    /// The passages of the articles whose `article` document matches `articles`.
    pub fn new(articles: Box<dyn Query>) -> Self {
        Self { articles }
    }
}

impl Clone for PassagesOf {
    fn clone(&self) -> Self {
        Self {
            articles: self.articles.box_clone(),
        }
    }
}

impl Query for PassagesOf {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let articles = self
            .articles
            .weight(EnableScoring::disabled_from_schema(scoring.schema()))?;
        Ok(Box::new(PassagesOfWeight { articles }))
    }
}

struct PassagesOfWeight {
    articles: Box<dyn Weight>,
}

impl Weight for PassagesOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let counts = reader.fast_fields().u64("passage")?;
        let max_doc = reader.max_doc();
        let mut passages = BitSet::with_max_value(max_doc);
        let mut articles = self.articles.scorer(reader, 1.0)?;
        let mut article = articles.doc();
        while article != TERMINATED {
            let count = counts.first(article).unwrap_or(0);
            for passage in passage_docs(article, count, max_doc) {
                passages.insert(passage);
            }
            article = articles.advance();
        }
        Ok(Box::new(ConstScorer::new(
            BitSetDocSet::from(passages),
            boost,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("a passage of a matching article", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} is not a passage of a matching article"
            )))
        }
    }
}
