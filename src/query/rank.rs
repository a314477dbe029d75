//! The best passages by score without scoring every match, and a count of the matches
//! that stops at a bound. BM25 ranks first, over the query without its proximity
//! clauses, so tantivy can skip the blocks of postings that cannot reach the top
//! (block-max WAND, which it applies only to a plain union or intersection of words
//! collected by score alone); the full query, proximity included, then scores those
//! candidates only.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocSet, Score, Searcher, TERMINATED};

use crate::error::Result;
use crate::query::parse::ParsedQuery;

/// How many matching passages are counted exactly before the count says "at least"
/// (as Elasticsearch's `track_total_hits` does): counting every match of a common
/// word costs more than finding the best ones.
pub const COUNT_BOUND: usize = 10_000;

/// The fewest candidates ranked by BM25 before the proximity clauses re-rank them: a
/// passage holding the query words together, but ranked lower by BM25 alone, still
/// reaches a small page. (A large pool costs: block-max WAND skips less the lower
/// the score it must beat.)
pub const MIN_POOL: usize = 100;

/// How many passages match a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    /// Matching passages, or the bound when there are more.
    pub passages: usize,
    /// Whether there are more than `passages` (the count stopped at its bound).
    pub is_lower_bound: bool,
}

impl Total {
    /// An exact count.
    pub fn exact(passages: usize) -> Total {
        Total {
            passages,
            is_lower_bound: false,
        }
    }
}

/// The passages `query` matches, counted exactly up to `bound` (all of them with
/// `None`): visiting matches in document order without scoring them, it stops at the
/// first match past the bound.
pub fn count_matches(
    searcher: &Searcher,
    query: &dyn Query,
    bound: Option<usize>,
) -> Result<Total> {
    let Some(bound) = bound else {
        return Ok(Total::exact(searcher.search(query, &Count)?));
    };
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut passages = 0;
    for segment in searcher.segment_readers() {
        let mut scorer = weight.scorer(segment, 1.0)?;
        let alive = segment.alive_bitset();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|alive| alive.is_alive(doc)) {
                passages += 1;
                if passages > bound {
                    return Ok(Total {
                        passages: bound,
                        is_lower_bound: true,
                    });
                }
            }
            doc = scorer.advance();
        }
    }
    Ok(Total::exact(passages))
}

/// The best `limit` passages by the full query's score (BM25 and proximity), best
/// first, ties by document order. The best `limit` by BM25 alone (at least
/// [`MIN_POOL`] when there are proximity clauses) are the candidates; a passage
/// outside them is not found even if its proximity would have lifted it, the price of
/// not scoring every match.
pub fn best_by_score(
    searcher: &Searcher,
    parsed: &ParsedQuery,
    limit: usize,
) -> Result<Vec<(Score, DocAddress)>> {
    let pool = match parsed.proximity.is_empty() {
        true => limit,
        false => limit.max(MIN_POOL),
    };
    let mut candidates = searcher.search(
        &parsed.matching,
        &TopDocs::with_limit(pool).order_by_score(),
    )?;
    rescore(searcher, &*parsed.query, &mut candidates)?;
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.truncate(limit);
    Ok(candidates)
}

/// Gives `candidates` the full query's scores. Besides adding the proximity clauses,
/// this keeps copies of one text on one score: block-max WAND sums a passage's word
/// scores in an order that varies from passage to passage, and the last bit it moves
/// would otherwise break the ties that article ids should.
fn rescore(
    searcher: &Searcher,
    query: &dyn Query,
    candidates: &mut [(Score, DocAddress)],
) -> Result<()> {
    // By segment, then document: the scorer only moves forward.
    candidates.sort_by_key(|&(_, address)| address);
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    let mut at = 0;
    while at < candidates.len() {
        let segment_ord = candidates[at].1.segment_ord;
        let mut scorer = weight.scorer(searcher.segment_reader(segment_ord), 1.0)?;
        while at < candidates.len() && candidates[at].1.segment_ord == segment_ord {
            let doc = candidates[at].1.doc_id;
            if scorer.doc() < doc {
                scorer.seek(doc);
            }
            // The full query matches what its words match; were it not so, the
            // passage would keep its BM25 score.
            if scorer.doc() == doc {
                candidates[at].0 = scorer.score();
            }
            at += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::fixture::{doc, indexed};
    use crate::query::parse::{QueryRequest, parse};

    /// `bodies` indexed in `dir`, one article each, and `text` parsed against them.
    fn parsed(dir: &std::path::Path, bodies: &[&str], text: &str) -> (Searcher, ParsedQuery) {
        let names: Vec<String> = (0..bodies.len()).map(|i| format!("{i}.md")).collect();
        let docs: Vec<_> = names.iter().zip(bodies).map(|(n, b)| doc(n, b)).collect();
        drop(indexed(dir, &docs));
        let handle = crate::index::open(&dir.join("index")).unwrap();
        let searcher = handle.index.reader().unwrap().searcher();
        let request = QueryRequest {
            text: text.to_owned(),
            ..QueryRequest::default()
        };
        let parsed = parse(&handle, &searcher, &request).unwrap();
        (searcher, parsed)
    }

    #[test]
    fn re_ranked_candidates_score_as_the_full_query_does() {
        let dir = tempfile::tempdir().unwrap();
        let bodies = [
            "Flood warnings were issued for the valleys after two days of heavy rain.",
            "Warnings about the harvest came first; only later, far down the valley, a flood.",
            "Flood, flood and more flood: the river rose again over the old bridge.",
            "Heavy rain brought flood warnings to the coast and warnings to the ports.",
            "The council approved a new budget for schools and hospitals.",
        ];
        let (searcher, parsed) = parsed(dir.path(), &bodies, "flood warnings heavy rain");
        assert_eq!(parsed.proximity.len(), 3);
        let full = searcher
            .search(&parsed.query, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        let re_ranked = best_by_score(&searcher, &parsed, 10).unwrap();
        assert_eq!(re_ranked.len(), 4);
        assert_eq!(re_ranked, full);
        let best_two = best_by_score(&searcher, &parsed, 2).unwrap();
        assert_eq!(best_two, full[..2]);
    }

    #[test]
    fn a_count_is_exact_up_to_its_bound() {
        let dir = tempfile::tempdir().unwrap();
        let bodies = [
            "A flood.",
            "Another flood.",
            "A third flood.",
            "Dry weather.",
        ];
        let (searcher, parsed) = parsed(dir.path(), &bodies, "flood");
        let count = |bound| count_matches(&searcher, &*parsed.matching, bound).unwrap();
        let at_least = |passages| Total {
            passages,
            is_lower_bound: true,
        };
        assert_eq!(count(None), Total::exact(3));
        assert_eq!(count(Some(3)), Total::exact(3));
        assert_eq!(count(Some(2)), at_least(2));
        assert_eq!(count(Some(0)), at_least(0));
    }
}
