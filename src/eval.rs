//! `search eval`: relevance on a BEIR-layout test collection (queries as JSON Lines,
//! judgments as `query-id corpus-id score` TSV). Every query is run as plain words,
//! articles are ranked by their best passage, and the usual figures are computed:
//! nDCG@10, Recall@100, MRR@10.

use std::collections::HashMap;
use std::path::Path;

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::query::parse::QueryRequest;

/// Relevance judgments: query id → (document id → grade).
pub type Qrels = HashMap<String, HashMap<String, u32>>;

/// The figures, averaged over the judged queries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Mean nDCG over the first 10 articles.
    pub ndcg_10: f64,
    /// Mean share of the relevant articles found in the first 100.
    pub recall_100: f64,
    /// Mean reciprocal rank of the first relevant article within the first 10.
    pub mrr_10: f64,
    /// Queries evaluated (those with judgments).
    pub queries: usize,
}

/// Reads BEIR queries: one `{"_id": …, "text": …}` object a line.
pub fn read_queries(path: &Path) -> Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, err))?;
    let mut queries = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let bad = || {
            Error::BadInput(format!(
                "{}:{}: expected {{\"_id\": …, \"text\": …}}",
                path.display(),
                n + 1
            ))
        };
        let value: serde_json::Value = serde_json::from_str(line).map_err(|_| bad())?;
        let id = match value.get("_id").or_else(|| value.get("id")) {
            Some(serde_json::Value::String(id)) => id.clone(),
            Some(serde_json::Value::Number(id)) => id.to_string(),
            _ => return Err(bad()),
        };
        let query = value.get("text").and_then(|t| t.as_str()).ok_or_else(bad)?;
        queries.push((id, query.to_owned()));
    }
    Ok(queries)
}

/// Reads judgments: `query-id corpus-id score` lines (tabs or spaces), an optional header.
pub fn read_qrels(path: &Path) -> Result<Qrels> {
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, err))?;
    let mut qrels = Qrels::new();
    for (n, line) in text.lines().enumerate() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts[..] {
            [] => {}
            ["query-id", ..] => {}
            [query, doc, grade] => {
                let grade = grade.parse().map_err(|_| {
                    Error::BadInput(format!(
                        "{}:{}: score {grade:?} is not a whole number",
                        path.display(),
                        n + 1
                    ))
                })?;
                qrels
                    .entry(query.to_owned())
                    .or_default()
                    .insert(doc.to_owned(), grade);
            }
            _ => {
                return Err(Error::BadInput(format!(
                    "{}:{}: expected `query-id corpus-id score`",
                    path.display(),
                    n + 1
                )));
            }
        }
    }
    Ok(qrels)
}

/// Runs every judged query and averages the figures.
pub fn evaluate(engine: &Engine, queries: &[(String, String)], qrels: &Qrels) -> Result<Figures> {
    let mut sums = (0.0, 0.0, 0.0);
    let mut count = 0;
    for (id, text) in queries {
        let Some(judged) = qrels.get(id) else {
            continue;
        };
        let request = QueryRequest {
            text: text.clone(),
            plain: true,
            ..QueryRequest::default()
        };
        let ranked = match engine.ranked_articles(&request, 100) {
            Ok(ranked) => ranked,
            Err(Error::BadQuery(_)) => Vec::new(), // a query with no words finds nothing
            Err(err) => return Err(err),
        };
        let (ndcg, recall, mrr) = score(&ranked, judged);
        sums = (sums.0 + ndcg, sums.1 + recall, sums.2 + mrr);
        count += 1;
    }
    let mean = |sum: f64| if count == 0 { 0.0 } else { sum / count as f64 };
    Ok(Figures {
        ndcg_10: mean(sums.0),
        recall_100: mean(sums.1),
        mrr_10: mean(sums.2),
        queries: count,
    })
}

/// nDCG@10, Recall@100 and MRR@10 of one ranking (document ids, best first).
pub fn score(ranked: &[String], judged: &HashMap<String, u32>) -> (f64, f64, f64) {
    let gain = |doc: &String| f64::from(judged.get(doc).copied().unwrap_or(0));
    let discount = |rank: usize| (rank as f64 + 2.0).log2();
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, doc)| gain(doc) / discount(i))
        .sum();
    let mut ideal: Vec<f64> = judged.values().map(|&g| f64::from(g)).collect();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, g)| g / discount(i))
        .sum();
    let relevant = judged.values().filter(|&&g| g > 0).count();
    let found = ranked
        .iter()
        .take(100)
        .filter(|doc| gain(doc) > 0.0)
        .count();
    let first = ranked.iter().take(10).position(|doc| gain(doc) > 0.0);
    (
        if idcg > 0.0 { dcg / idcg } else { 0.0 },
        if relevant > 0 {
            found as f64 / relevant as f64
        } else {
            0.0
        },
        first.map_or(0.0, |rank| 1.0 / (rank as f64 + 1.0)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_for_a_known_ranking() {
        let judged: HashMap<String, u32> = [("a".to_owned(), 1), ("b".to_owned(), 1)].into();
        let ranked: Vec<String> = ["x", "a", "y", "b"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let (ndcg, recall, mrr) = score(&ranked, &judged);
        let expected = (1.0 / 3f64.log2() + 1.0 / 5f64.log2()) / (1.0 + 1.0 / 3f64.log2());
        assert!((ndcg - expected).abs() < 1e-12);
        assert_eq!(recall, 1.0);
        assert_eq!(mrr, 0.5);
        assert_eq!(score(&[], &judged), (0.0, 0.0, 0.0));
    }
}
