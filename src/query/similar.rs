//! `search similar`: the articles most like a given one — other coverage of the same
//! story. The article's own words make the query: the [`SIMILAR_WORDS`] words that
//! weigh most in it (how often the article uses a word, times how rare the word is
//! among passages; function words left out), asked as plain words through the query
//! path, so filters, copy grouping and results are the query's. The article itself
//! and its copies are left out.

use std::collections::HashMap;

use tantivy::tokenizer::TokenStream;
use tantivy::{Searcher, Term};

use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::store::StoredArticle;
use crate::query::parse::QueryRequest;
use crate::query::search::{Copies, Page, Results, search};
use crate::schema::analyzer_of;
use crate::text::{Language, is_function_word};

/// How many of the article's words make the query.
pub const SIMILAR_WORDS: usize = 25;

/// The articles most like `article` that `filters` lets through (its text is not
/// read), best first, at most `limit`, copies grouped; never `article` or its copies.
pub fn similar(
    handle: &IndexHandle,
    searcher: &Searcher,
    article: &StoredArticle,
    filters: &QueryRequest,
    limit: usize,
) -> Result<Results> {
    let request = QueryRequest {
        text: weightiest_words(handle, searcher, article).join(" "),
        plain: true,
        ..filters.clone()
    };
    if request.text.is_empty() {
        return Ok(Results {
            hits: Vec::new(),
            total_passages: 0,
            total_is_lower_bound: false,
            facets: None,
            empty_because: None,
        });
    }
    // The article and its copies are one result at most: ask for one more.
    let page = Page {
        limit: limit + 1,
        per_article: 1,
        ..Page::default()
    };
    let mut results = search(handle, searcher, &request, page, Copies::Grouped)?;
    let own = &article.article_id;
    results.hits.retain(|hit| {
        hit.article_id != *own && !hit.copies.iter().any(|copy| copy.article_id == *own)
    });
    results.hits.truncate(limit);
    for (rank, hit) in results.hits.iter_mut().enumerate() {
        hit.rank = rank + 1;
    }
    Ok(results)
}

/// The article's words that weigh most, as it spells them (each once), heaviest first.
fn weightiest_words(
    handle: &IndexHandle,
    searcher: &Searcher,
    article: &StoredArticle,
) -> Vec<String> {
    let mut text = article
        .meta
        .title
        .as_ref()
        .map(|title| title.value.clone())
        .unwrap_or_default();
    for passage in &article.passages {
        text.push_str("\n\n");
        text.push_str(&passage.text);
    }
    // Per indexed term: how often, and the first spelling; read as the article's
    // language is, and weighed in its language's field.
    let lang = Language::of_code(article.meta.lang.as_ref().map(|l| l.value.as_str()));
    let field = handle.fields.text_of(lang);
    let mut counts: HashMap<String, (u32, String)> = HashMap::new();
    let mut analyzer = analyzer_of(lang);
    let mut stream = analyzer.token_stream(&text);
    while stream.advance() {
        let token = stream.token();
        if is_function_word(&token.text, lang) {
            continue;
        }
        let entry = counts
            .entry(token.text.clone())
            .or_insert_with(|| (0, text[token.offset_from..token.offset_to].to_owned()));
        entry.0 += 1;
    }
    let passages = searcher.num_docs() as f64;
    let mut weighed: Vec<(f64, String, String)> = counts
        .into_iter()
        .filter_map(|(key, (count, spelling))| {
            let term = Term::from_field_text(field, &key);
            let found = searcher.doc_freq(&term).ok()?;
            // Words the index does not hold, or that one passage holds (the article's
            // own oddities), find nothing else.
            (found > 1).then(|| {
                let rarity = (passages / found as f64).ln();
                (f64::from(count) * rarity, key, spelling)
            })
        })
        .collect();
    weighed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    weighed
        .into_iter()
        .take(SIMILAR_WORDS)
        .map(|(_, _, spelling)| spelling)
        .collect()
}
