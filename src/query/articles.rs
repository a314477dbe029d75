//! From articles to their passages: a filter on articles ("mentions Kim Yong-hyun"),
//! matched on their `article` documents, becomes the set of their passages, by the
//! adjacency rule of `index/store.rs`; a clause on the headline (`title:`), which only
//! `article` documents carry, scores each of its articles' passages as it scores the
//! article.

use tantivy::query::{
    BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError};

use crate::index::store::{article_doc, passage_docs};

/// Matches the passages of the articles `articles` matches on their `article`
/// documents: each with the same score (a filter), or scored as its article is (how a
/// `title:` clause, which only article documents carry, scores the passages of the
/// articles whose headline it matches).
#[derive(Debug)]
pub struct PassagesOf {
    articles: Box<dyn Query>,
    scored: bool,
}

impl PassagesOf {
    /// The passages of the articles whose `article` document matches `articles`.
    pub fn new(articles: Box<dyn Query>) -> Self {
        Self {
            articles,
            scored: false,
        }
    }

    /// The same, each passage scored as `articles` scores its article.
    pub fn scored_as_articles(articles: Box<dyn Query>) -> Self {
        Self {
            articles,
            scored: true,
        }
    }
}

impl Clone for PassagesOf {
    fn clone(&self) -> Self {
        Self {
            articles: self.articles.box_clone(),
            scored: self.scored,
        }
    }
}

impl Query for PassagesOf {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        if self.scored {
            return Ok(Box::new(ScoredAsArticlesWeight {
                articles: self.articles.weight(scoring)?,
            }));
        }
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

struct ScoredAsArticlesWeight {
    articles: Box<dyn Weight>,
}

impl Weight for ScoredAsArticlesWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let counts = reader.fast_fields().u64("passage")?;
        let max_doc = reader.max_doc();
        let mut scored = Vec::new();
        let mut articles = self.articles.scorer(reader, boost)?;
        while articles.doc() != TERMINATED {
            let article = articles.doc();
            let score = articles.score();
            let count = counts.first(article).unwrap_or(0);
            scored.extend(passage_docs(article, count, max_doc).map(|doc| (doc, score)));
            articles.advance();
        }
        Ok(Box::new(ScoredDocs { scored, at: 0 }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let counts = reader.fast_fields().u64("passage")?;
        let article = counts
            .first(doc)
            .and_then(|passage| article_doc(doc, passage))
            .filter(|&article| {
                passage_docs(
                    article,
                    counts.first(article).unwrap_or(0),
                    reader.max_doc(),
                )
                .contains(&doc)
            });
        match article {
            Some(article) => {
                let of_article = self.articles.explain(reader, article)?;
                let mut explanation = Explanation::new("its article's", of_article.value());
                explanation.add_detail(of_article);
                Ok(explanation)
            }
            None => Err(TantivyError::InvalidArgument(format!(
                "document {doc} is not a passage"
            ))),
        }
    }
}

/// Documents in order, each with its score.
struct ScoredDocs {
    scored: Vec<(DocId, Score)>,
    at: usize,
}

impl DocSet for ScoredDocs {
    fn advance(&mut self) -> DocId {
        self.at += 1;
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.scored.get(self.at).map_or(TERMINATED, |&(doc, _)| doc)
    }

    fn size_hint(&self) -> u32 {
        u32::try_from(self.scored.len().saturating_sub(self.at)).unwrap_or(u32::MAX)
    }
}

impl Scorer for ScoredDocs {
    fn score(&mut self) -> Score {
        self.scored.get(self.at).map_or(0.0, |&(_, score)| score)
    }
}
