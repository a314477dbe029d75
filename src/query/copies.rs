//! Copies: articles that print the same text (syndicated stories, re-filed wire copy)
//! grouped under the oldest, so a reader sees a story once. `search quote` groups
//! matches whose passages are the same text; `search query` groups articles whose texts
//! are near-identical: at least [`COPY_OVERLAP`] of the shorter text's word 3-grams
//! (words as the text layer reads them, keys folded) are in the longer one's, so a copy
//! a re-filing cut short still counts. How the threshold was chosen, and what it groups
//! on BBC's duplicates, is in docs/benchmarks.md.

use std::cmp::Ordering;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::text::Language;
use crate::text::segment::{push_key, segment};

/// Two articles whose word 3-grams [`overlap`] this much are copies.
pub const COPY_OVERLAP: f32 = 0.75;

/// Two results are compared article to article only when their passages overlap this
/// much: a cheap first look over the passages already read.
const PASSAGE_OVERLAP: f32 = 0.5;

/// Where a text appeared: one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The article's stable id.
    pub article_id: String,
    /// The source file.
    pub path: String,
    /// 1-based line of the source file where the matched words start.
    pub line: u64,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The date as precise as the source gave it, if known.
    pub date: Option<String>,
    /// The headline, if known.
    pub title: Option<String>,
}

/// Dated before undated, older before newer, then by article id (for stable output).
pub fn oldest_first(a: &Source, b: &Source) -> Ordering {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.article_id.cmp(&b.article_id))
    .then_with(|| a.line.cmp(&b.line))
}

/// The hashed word 3-grams of `text` (its only "gram" when it has fewer words),
/// sorted, each once. Words are the text layer's pieces (`don't` is `don`, `t`), folded.
pub fn shingles(text: &str) -> Vec<u64> {
    let mut keys: Vec<u64> = Vec::new();
    let mut key = String::new();
    for token in segment(text, Language::English).lean() {
        if !token.is_piece() {
            continue;
        }
        key.clear();
        push_key(&mut key, token.text(text));
        let mut hasher = DefaultHasher::new();
        key.hash(&mut hasher);
        keys.push(hasher.finish());
    }
    let mut grams: Vec<u64> = keys
        .windows(3.min(keys.len()).max(1))
        .map(|gram| {
            let mut hasher = DefaultHasher::new();
            gram.hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Shared grams over the grams of the smaller of two [`shingles`], 0–1 (0 when either
/// is empty): how much of the shorter text the longer one holds, so a copy cut short
/// by a re-filing still counts.
pub fn overlap(a: &[u64], b: &[u64]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        0.0
    } else {
        shared as f32 / smaller as f32
    }
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
    fn a_refiled_story_differing_in_one_word_is_a_copy_and_another_story_is_not() {
        let first = "Brazil has set up a special commission to renegotiate its foreign debt \
                     after suspending interest payments on 68 billion dlrs owed to banks.";
        let refiled = first.replace("dlrs", "dollars");
        let other = "Brazil's coffee exports rose in February as growers sold stocks held \
                     back during the drought, the coffee institute said.";
        let (a, b, c) = (shingles(first), shingles(&refiled), shingles(other));
        assert!(overlap(&a, &b) >= COPY_OVERLAP, "{}", overlap(&a, &b));
        assert!(overlap(&a, &c) < 0.05, "{}", overlap(&a, &c));
        assert_eq!(overlap(&a, &a), 1.0);
        // Case is folded away (possessives are pieces of their own: `s`).
        assert_eq!(shingles("BRAZIL Debt TALKS"), shingles("brazil debt talks"));
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
