//! The best passages by score without scoring every match, and a count of the matches
//! that stops at a bound. BM25 ranks first, over the query without its proximity
//! clauses, so tantivy can skip the blocks of postings that cannot reach the top
//! (block-max WAND, which it applies only to a plain union or intersection of words
//! collected by score alone); the full query, proximity included, then scores those
//! candidates only. Where copies are grouped, the candidates are the best distinct
//! texts ([`best_texts`]): a story printed ten times takes one place among them, not
//! ten, so the bar that block-max WAND must beat rises as fast as without copies, and
//! each text is scored once.

use std::collections::HashMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocSet, Score, Searcher, TERMINATED};

use crate::error::Result;
use crate::index::store::{ArticleColumn, article_doc};
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

/// A matching passage with what the fast fields say of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyed {
    /// Its score: BM25 while pooling, then its text's full score.
    pub score: Score,
    /// Where it is.
    pub address: DocAddress,
    /// Its article, told apart from the others by where its `article` document is
    /// ([`article_of`]), so no column of 64-bit keys is read for every candidate.
    pub article: u64,
    /// Its article's fingerprint (`copy_hash`): articles sharing one are exact copies.
    pub print: u64,
    /// Its number in its article (`passage`).
    pub passage: u64,
}

impl Keyed {
    /// Which text it is: the same passage of exact copies is one text; an article
    /// without a fingerprint shares its texts with no other.
    fn text(&self) -> Text {
        match self.print {
            0 => (0, self.article, self.passage),
            print => (print, 0, self.passage),
        }
    }
}

/// A text's identity: (fingerprint, article when there is none, passage number).
type Text = (u64, u64, u64);

/// One article of the index as a number: its segment and its `article` document.
pub fn article_of(address: DocAddress, passage: u64) -> u64 {
    let doc = article_doc(address.doc_id, passage).unwrap_or(address.doc_id);
    (u64::from(address.segment_ord) << 32) | u64::from(doc)
}

/// What [`best_texts`] found.
pub struct Texts {
    /// Every passage of the best texts whose BM25 beats the last text's, each with its
    /// text's full score: best first, ties as [`top_passages`] orders them (by article
    /// key, then passage number), a text's passages together.
    ///
    /// [`top_passages`]: crate::query::search::top_passages
    pub passages: Vec<Keyed>,
    /// Whether the query matches no more texts than were asked for.
    pub exhausted: bool,
}

/// The best `texts` distinct texts by BM25, each scored once by the full query (one
/// passage of it standing for all), and every passage holding one of them whose BM25
/// beats the last one's: exact copies of an article are found together without taking
/// the places of other texts. One block-max WAND pass across the segments keeps at
/// most one passage per text, so its bar is the `texts`-th best text's score.
pub fn best_texts(searcher: &Searcher, parsed: &ParsedQuery, texts: usize) -> Result<Texts> {
    let weight = parsed
        .matching
        .weight(EnableScoring::enabled_from_searcher(searcher))?;
    let mut pool = TextPool::new(texts);
    let mut seen: Vec<Keyed> = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let fast = segment.fast_fields();
        let numbers = fast.u64("passage")?;
        let prints = ArticleColumn::open(segment, "copy_hash")?;
        let alive = segment.alive_bitset();
        let segment_ord = ord as u32;
        weight.for_each_pruning(pool.bar(), segment, &mut |doc, score| {
            if alive.is_none_or(|alive| alive.is_alive(doc)) {
                let address = DocAddress::new(segment_ord, doc);
                let passage = numbers.first(doc).unwrap_or_default();
                let found = Keyed {
                    score,
                    address,
                    article: article_of(address, passage),
                    print: prints.of_passage(doc, passage).unwrap_or_default(),
                    passage,
                };
                pool.offer(&found);
                seen.push(found);
            }
            pool.bar()
        })?;
    }
    let exhausted = pool.best.len() < texts;
    let bar = pool.bar();
    let mut standing: Vec<(Score, DocAddress)> = pool
        .best
        .values()
        .map(|found| (found.score, found.address))
        .collect();
    rescore(searcher, &*parsed.query, &mut standing)?;
    let full: HashMap<DocAddress, Score> = standing
        .into_iter()
        .map(|(score, address)| (address, score))
        .collect();
    // Every passage that beats the bar was seen, whenever it came: the bar only rises.
    let mut members: HashMap<Text, Vec<Keyed>> = HashMap::new();
    for found in seen {
        let text = found.text();
        if let Some(standing) = pool.best.get(&text)
            && (found.score > bar || found.address == standing.address)
        {
            let score = full[&standing.address];
            members
                .entry(text)
                .or_default()
                .push(Keyed { score, ..found });
        }
    }
    let mut ranked: Vec<(Score, (u64, u64), Vec<Keyed>)> = members
        .into_values()
        .map(|passages| (passages[0].score, (0, 0), passages))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    break_ties(searcher, &mut ranked)?;
    let passages = ranked
        .into_iter()
        .flat_map(|(_, _, mut passages)| {
            passages.sort_by_key(|found| found.address);
            passages
        })
        .collect();
    Ok(Texts {
        passages,
        exhausted,
    })
}

/// Orders texts of equal scores (`ranked` is sorted by score) as their first passages
/// would be by article key and passage number: their articles' keys are read for
/// those only.
fn break_ties(searcher: &Searcher, ranked: &mut [(Score, (u64, u64), Vec<Keyed>)]) -> Result<()> {
    let mut keys: Vec<Option<ArticleColumn>> = (0..searcher.segment_readers().len())
        .map(|_| None)
        .collect();
    let mut start = 0;
    while start < ranked.len() {
        let score = ranked[start].0;
        let end = start + ranked[start..].partition_point(|text| text.0 == score);
        if end - start > 1 {
            for (_, first, passages) in &mut ranked[start..end] {
                let mut least = (u64::MAX, u64::MAX);
                for found in passages.iter() {
                    let segment = found.address.segment_ord as usize;
                    let column = match &mut keys[segment] {
                        Some(column) => column,
                        slot => slot.insert(ArticleColumn::open(
                            searcher.segment_reader(found.address.segment_ord),
                            "article_key",
                        )?),
                    };
                    let key = column
                        .of_passage(found.address.doc_id, found.passage)
                        .unwrap_or_default();
                    least = least.min((key, found.passage));
                }
                *first = least;
            }
            ranked[start..end].sort_by_key(|text| text.1);
        }
        start = end;
    }
    Ok(())
}

/// The best `size` texts met so far, by their best passage's BM25 (ties to the passage
/// met first, as tantivy's top-k keeps the lower address).
struct TextPool {
    size: usize,
    best: HashMap<Text, Keyed>,
    /// The text with the lowest score, when the pool is full.
    last: Option<Text>,
}

impl TextPool {
    fn new(size: usize) -> TextPool {
        TextPool {
            size,
            best: HashMap::with_capacity(size + 1),
            last: None,
        }
    }

    /// The score a passage must beat to change the pool.
    fn bar(&self) -> Score {
        match self.last {
            Some(text) => self.best[&text].score,
            None => Score::MIN,
        }
    }

    fn offer(&mut self, found: &Keyed) {
        if self.size == 0 || found.score <= self.bar() {
            return;
        }
        let text = found.text();
        match self.best.get_mut(&text) {
            Some(standing) if standing.score >= found.score => return,
            Some(standing) => *standing = *found,
            None => {
                if let Some(last) = self.last {
                    self.best.remove(&last);
                }
                self.best.insert(text, *found);
            }
        }
        if self.best.len() == self.size {
            self.last = self
                .best
                .iter()
                .min_by(|a, b| {
                    a.1.score
                        .total_cmp(&b.1.score)
                        .then(b.1.address.cmp(&a.1.address))
                })
                .map(|(text, _)| *text);
        }
    }
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
    fn copies_of_a_text_take_one_place_among_the_best_texts_and_come_together() {
        let dir = tempfile::tempdir().unwrap();
        let copied = "Flood warnings for the valley: flood water rose over the flood wall.";
        let bodies = [
            copied,
            "A flood warning was issued for the coast.",
            copied,
            "Dry weather, though a flood is not ruled out.",
            copied,
        ];
        let (searcher, parsed) = parsed(dir.path(), &bodies, "flood");
        let texts = |n| best_texts(&searcher, &parsed, n).unwrap();
        let articles = |found: &Texts| {
            let mut seen: Vec<u64> = found.passages.iter().map(|p| p.article).collect();
            seen.dedup();
            seen.len()
        };
        // The copied text and the next best: three copies and one other article.
        let two = texts(2);
        assert!(!two.exhausted);
        assert_eq!(two.passages.len(), 4);
        assert_eq!(articles(&two), 4);
        let (first, rest) = two.passages.split_at(3);
        assert!(
            first
                .iter()
                .all(|p| p.score == first[0].score && p.print == first[0].print)
        );
        assert!(rest[0].score < first[0].score);
        assert_ne!(rest[0].print, first[0].print);
        // The full query's scores, as best_by_score gives them.
        let best = best_by_score(&searcher, &parsed, 1).unwrap();
        assert_eq!(first[0].score, best[0].0);
        // Asking for more texts than match finds every passage.
        let all = texts(10);
        assert!(all.exhausted);
        assert_eq!(all.passages.len(), 5);
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
