//! Copies: articles that print the same text (syndicated stories, re-filed wire copy)
//! grouped under the oldest, so a reader sees a story once. `search quote` groups
//! matches whose passages are the same text; `search query` groups articles whose texts
//! are near-identical: at least [`COPY_OVERLAP`] of the shorter text's word 3-grams
//! (words as the text layer reads them, keys folded) are in the longer one's, so a copy
//! a re-filing cut short still counts. How the threshold was chosen, and what it groups
//! on BBC's duplicates, is in docs/benchmarks.md.
//!
//! The index stores each article's fingerprint (its 3-grams and its headline as one
//! number, `index::store::copy_fingerprint`) in a fast column, so a query groups exact
//! copies without reading them; only articles with different fingerprints are compared
//! by their texts.

use std::cmp::Ordering;

pub use crate::index::sources::Source;
pub use crate::text::shingles::{fingerprint, overlap, shingles};

/// Two articles whose word 3-grams [`overlap`] this much are copies.
pub const COPY_OVERLAP: f32 = 0.75;

/// Two results are compared article to article only when their passages overlap this
/// much: a cheap first look over the passages already read.
const PASSAGE_OVERLAP: f32 = 0.5;

/// Dated before undated, older before newer, then by file and line, then by article id
/// (for stable output: the files' order does not change when their folder moves, as the
/// ids made from their paths do).
pub fn oldest_first(a: &Source, b: &Source) -> Ordering {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.path.cmp(&b.path))
    .then_with(|| a.line.cmp(&b.line))
    .then_with(|| a.article_id.cmp(&b.article_id))
}

/// Groups `items` (in rank order) into copies: `same(i, j)` says whether items `i` and
/// `j` are copies, and copies of copies are one group. Each group is placed where its
/// best-ranked member stood and led by its oldest member (`oldest`, which orders
/// items as [`oldest_first`] orders their sources), with the others after it, oldest
/// first. `same` is asked only about
/// items not yet in one group.
pub fn group<T>(
    items: Vec<T>,
    oldest: impl Fn(&T, &T) -> Ordering,
    mut same: impl FnMut(usize, usize) -> bool,
) -> Vec<(T, Vec<T>)> {
    let n = items.len();
    let mut leader: Vec<usize> = (0..n).collect();
    fn root(leader: &mut [usize], mut i: usize) -> usize {
        while leader[i] != i {
            leader[i] = leader[leader[i]];
            i = leader[i];
        }
        i
    }
    for j in 1..n {
        for i in 0..j {
            let (a, b) = (root(&mut leader, i), root(&mut leader, j));
            if a != b && same(i, j) {
                leader[b.max(a)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<Vec<T>> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; n];
    for (i, item) in items.into_iter().enumerate() {
        let first = root(&mut leader, i);
        match slot[first] {
            Some(at) => groups[at].push(item),
            None => {
                slot[first] = Some(groups.len());
                groups.push(vec![item]);
            }
        }
    }
    groups
        .into_iter()
        .filter_map(|mut members| {
            members.sort_by(|a, b| oldest(a, b));
            let mut members = members.into_iter();
            let oldest = members.next()?;
            Some((oldest, members.collect()))
        })
        .collect()
}

/// Whether two results may be copies, by their passages (already read): whether the
/// passages' [`shingles`] overlap.
pub fn may_be_copies(a: &[u64], b: &[u64]) -> bool {
    overlap(a, b) >= PASSAGE_OVERLAP
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str, date: Option<&str>) -> Source {
        Source {
            article_id: id.to_owned(),
            path: String::new(),
            line: 1,
            outlet: None,
            lang: None,
            date: date.map(str::to_owned),
            title: None,
        }
    }

    #[test]
    fn dated_sources_come_before_undated_and_older_before_newer() {
        let mut sources = [
            source("c", None),
            source("b", Some("2024-11-01")),
            source("a", Some("2024-10")),
            source("d", Some("2024-11-01")),
        ];
        sources.sort_by(oldest_first);
        let ids: Vec<&str> = sources.iter().map(|s| s.article_id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d", "c"]);
    }

    #[test]
    fn copies_of_copies_are_one_group_led_by_the_oldest_at_the_best_rank() {
        let items = vec![
            source("new", Some("2024-03")),
            source("alone", Some("2024-01")),
            source("old", Some("2024-02")),
            source("undated", None),
        ];
        // new ~ old, old ~ undated: one group of three.
        let pairs = [("new", "old"), ("old", "undated")];
        let ids: Vec<String> = items.iter().map(|s| s.article_id.clone()).collect();
        let grouped = group(items, oldest_first, |i, j| {
            pairs
                .iter()
                .any(|&(a, b)| (ids[i] == a && ids[j] == b) || (ids[i] == b && ids[j] == a))
        });
        let shown: Vec<(&str, Vec<&str>)> = grouped
            .iter()
            .map(|(lead, copies)| {
                (
                    lead.article_id.as_str(),
                    copies.iter().map(|c| c.article_id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(shown, [("old", vec!["new", "undated"]), ("alone", vec![])]);
    }
}
