//! Why a query found nothing, when its filters are the reason: an outlet or an entity
//! the index does not hold (with the names it does hold, nearest first), or dates that
//! left out every match (counting the matches dropped for having no date). Typed here;
//! `render/` words it.

use tantivy::Searcher;
use tantivy::collector::FacetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;

use crate::entities::key_of;
use crate::error::Result;
use crate::index::IndexHandle;
use crate::query::entities::{entity_terms, spelling_counts};
use crate::query::facets::ArticleFacets;
use crate::query::parse::{QueryRequest, parse};
use crate::schema::{KIND_ARTICLE, facet_children};
use crate::text::distance::edit_distance;

/// How many names an explanation suggests.
pub const NEAREST: usize = 5;

/// Which filter emptied a query's result, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmptyBecause {
    /// No article has this outlet; `nearest` are outlets that exist, nearest first.
    UnknownOutlet {
        /// The outlet asked for.
        name: String,
        /// Outlets in the index, nearest to `name` first.
        nearest: Vec<String>,
    },
    /// No article mentions an entity of this name; `nearest` are names that exist.
    UnknownEntity {
        /// The name asked for.
        name: String,
        /// Entity names in the index, nearest to `name` first.
        nearest: Vec<String>,
    },
    /// Without `--since`/`--until` the query matches articles: `undated` of them have
    /// no date, and `outside` are dated outside the range.
    Dates {
        /// Matching articles dropped for having no date.
        undated: u64,
        /// Matching articles dated outside the range.
        outside: u64,
    },
}

/// Why `request`, which found nothing, found nothing, when a filter explains it.
pub fn empty_because(
    handle: &IndexHandle,
    searcher: &Searcher,
    request: &QueryRequest,
) -> Result<Option<EmptyBecause>> {
    let parsed = parse(handle, searcher, request)?;
    let mut outlets = request.outlets.clone();
    outlets.extend(parsed.outlets.iter().cloned());
    if !outlets.is_empty() {
        let known = known_outlets(handle, searcher)?;
        let unknown = outlets.iter().find(|outlet| {
            let outlet = outlet.to_lowercase();
            !known.iter().any(|known| known.to_lowercase() == outlet)
        });
        if let Some(name) = unknown {
            return Ok(Some(EmptyBecause::UnknownOutlet {
                name: name.clone(),
                nearest: nearest(name, known, str::to_lowercase),
            }));
        }
    }
    let fields = &handle.fields;
    for name in &parsed.entities {
        let terms = entity_terms(searcher, fields, name)?;
        let mut mentioned = false;
        for term in &terms {
            mentioned |= searcher.doc_freq(term)? > 0;
        }
        if !mentioned {
            let mut names: Vec<String> = spelling_counts(searcher, fields)?
                .into_values()
                .flatten()
                .map(|(spelling, _)| spelling)
                .collect();
            names.sort();
            names.dedup();
            return Ok(Some(EmptyBecause::UnknownEntity {
                name: name.clone(),
                nearest: nearest(name, names, key_of),
            }));
        }
    }
    if request.since.is_some() || request.until.is_some() {
        let undated_request = QueryRequest {
            since: None,
            until: None,
            ..request.clone()
        };
        let parsed = parse(handle, searcher, &undated_request)?;
        let found = searcher.search(&parsed.matching, &ArticleFacets::under(&["/month"]))?;
        let dated: u64 = found.children("/month").iter().map(|(_, n)| n).sum();
        if found.articles() > 0 {
            return Ok(Some(EmptyBecause::Dates {
                undated: found.articles().saturating_sub(dated),
                outside: dated,
            }));
        }
    }
    Ok(None)
}

/// Every outlet the index holds, by name.
fn known_outlets(handle: &IndexHandle, searcher: &Searcher) -> Result<Vec<String>> {
    let articles = TermQuery::new(
        tantivy::Term::from_field_text(handle.fields.kind, KIND_ARTICLE),
        IndexRecordOption::Basic,
    );
    let mut facets = FacetCollector::for_field("facet");
    facets.add_facet("/outlet");
    let counts = searcher.search(&articles, &facets)?;
    Ok(facet_children(&counts, "/outlet")
        .into_iter()
        .map(|(outlet, _)| outlet)
        .collect())
}

/// The [`NEAREST`] of `names` closest to `name`: those whose `key` holds `name`'s (or
/// is held in it) first, then by edit distance between `name`'s key and the candidate's
/// key or its nearest word; ties by name.
fn nearest(name: &str, names: Vec<String>, key: impl Fn(&str) -> String) -> Vec<String> {
    let target_key = key(name);
    let target: Vec<char> = target_key.chars().collect();
    let mut ranked: Vec<(bool, usize, String)> = names
        .into_iter()
        .map(|candidate| {
            let candidate_key = key(&candidate);
            let apart =
                !(candidate_key.contains(&target_key) || target_key.contains(&candidate_key));
            // A misspelt word of a longer name is near it: the closest of the whole key
            // and each of its words counts.
            let distance = std::iter::once(candidate_key.as_str())
                .chain(candidate_key.split_whitespace())
                .map(|part| edit_distance(&target, &part.chars().collect::<Vec<_>>()))
                .min()
                .unwrap_or(usize::MAX);
            (apart, distance, candidate)
        })
        .collect();
    ranked.sort();
    ranked
        .into_iter()
        .take(NEAREST)
        .map(|(_, _, name)| name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_names_come_first_ties_by_name() {
        let names = ["Farm Weekly", "Harbour Gazette", "Harbor Post", "AP"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            nearest("harbour", names, str::to_lowercase),
            ["Harbour Gazette", "Harbor Post", "Farm Weekly", "AP"]
        );
    }
}
