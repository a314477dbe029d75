//! Where a quote may be: the passages the index ranks best for its words (BM25 over
//! plain words, with the query's proximity boost). For the few that match, the passages
//! before them in their article (to find who is speaking) and the people the article
//! mentions are read on demand.

use tantivy::{DocAddress, Searcher};

use crate::entities::EntityKind;
use crate::error::Result;
use crate::index::IndexHandle;
use crate::query::parse::{QueryRequest, parse};
use crate::query::search::{Page, StoredPassage, article_entities, read_passage, top_passages};
use crate::schema::Fields;

/// Passages read from the index per quote: the aligner re-ranks them all.
pub const CANDIDATES: usize = 100;
/// Passages before a match read for its speaker ("…," he said — who is he?).
const CONTEXT_PASSAGES: u64 = 3;

/// The passages that may hold the quote, best first.
pub struct Candidates {
    searcher: Searcher,
    fields: Fields,
    /// Each passage, with where it sits in the index.
    pub found: Vec<(DocAddress, StoredPassage)>,
}

/// What the speaker is read from: a passage with the passages before it.
#[derive(Debug, Clone)]
pub struct Surroundings {
    /// The passages before it in its article and the passage itself, one a line.
    pub context: String,
    /// Where the passage starts in `context`.
    pub passage_start: usize,
    /// The people the article mentions (their display names).
    pub people: Vec<String>,
}

/// The best [`CANDIDATES`] passages for `request` (its text read as plain words).
pub fn candidates(handle: &IndexHandle, request: &QueryRequest) -> Result<Candidates> {
    let reader = handle.index.reader()?;
    let searcher = reader.searcher();
    let parsed = parse(handle, &searcher, request)?;
    let page = Page {
        limit: CANDIDATES,
        per_article: 0,
        facets: false,
    };
    let (_, chosen) = top_passages(&searcher, &parsed, page)?;
    let mut found = Vec::with_capacity(chosen.len());
    for (_, address) in chosen {
        found.push((address, read_passage(&searcher, &handle.fields, address)?));
    }
    Ok(Candidates {
        searcher,
        fields: handle.fields,
        found,
    })
}

impl Candidates {
    /// The surroundings of candidate `i`, read only for a passage that matched.
    pub fn surroundings(&self, i: usize) -> Result<Surroundings> {
        let (address, stored) = &self.found[i];
        let (searcher, fields) = (&self.searcher, &self.fields);
        let people = article_entities(searcher, fields, *address, stored.passage_index)?
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name)
            .collect();
        // An article's passages are consecutive documents, in order.
        let mut context = String::new();
        for back in (1..=stored.passage_index.min(CONTEXT_PASSAGES)).rev() {
            let Some(doc_id) = address.doc_id.checked_sub(back as u32) else {
                continue;
            };
            let before = read_passage(searcher, fields, DocAddress { doc_id, ..*address })?;
            if before.article_id == stored.article_id
                && before.passage_index + back == stored.passage_index
            {
                context.push_str(&before.passage);
                context.push('\n');
            }
        }
        let passage_start = context.len();
        context.push_str(&stored.passage);
        Ok(Surroundings {
            context,
            passage_start,
            people,
        })
    }
}
