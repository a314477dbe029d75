//! Where a passage reproduces a quote, and how faithfully: a local alignment
//! (Smith–Waterman) of the quote's words against the passage's words, on their keys.
//!
//! Hand-written because no crate fits: `bio`'s pairwise aligner (and `block-aligner`,
//! `parasail`) align byte strings only — its `MatchFunc` scores `u8` pairs — so words
//! would have to be squeezed into fewer than 256 symbols, and `bio` brings dozens of
//! dependencies for one function. `similar` diffs token sequences, but as a global
//! diff: it cannot find the best-matching span inside a longer passage, and in a
//! 700-word passage it pairs stray "the"s far apart.
//!
//! # Scoring
//!
//! Every quote word has a weight: 1.0 for a content word, 0.3 for a stopword
//! ([`is_stopword`]), so "the" for "a" barely matters. In the alignment
//! - a quote word the passage reproduces (same key) gains its weight;
//! - a quote word the passage lacks gains nothing (it costs no more than that);
//! - a word the passage puts in place of a quote word (a substitution) costs what it
//!   weighs beyond the word it replaces: "estimate" for "assess" or "a" for "the"
//!   nothing more, a content word for "the" 0.7;
//! - a word the passage adds costs its weight.
//!
//! The aligner keeps the passage span with the best total `S` (the span starts and ends
//! on reproduced words, so words around the quote cost nothing), and
//!
//! ```text
//! in-order similarity = S / Q     Q = total weight of the quote's words
//! S = Σ reproduced quote words' weights − Σ added words' weights
//!     − Σ over substitutions of max(0, passage word's weight − quote word's weight)
//! ```
//!
//! the share of the quote the span reproduces in order, less what it adds. Identical:
//! 1.0. A 20-content-word quote with one word substituted: 0.95; one dropped by the
//! quote: 180/190 ≈ 0.947; one added by the quote: 200/210 ≈ 0.952; two words
//! swapped: 0.9; a quote that is a fragment of a longer sentence: 1.0; a few scattered
//! shared words: their share of the quote, which is small. A substitution of content
//! words costs what a dropped word does, not more: pricing it higher would make the
//! span stop short of a substituted first or last word ("*We* assess" vs "*We*
//! estimate"), which would then be missing from the diff.
//!
//! Once the best span is found, a first or last quote word the passage replaced is
//! shown against the passage's word in its place (as far as the quote reaches and not
//! across a sentence end), so the diff says "likely" became "probable". These words
//! are outside the reproduced part and cost nothing.
//!
//! # Classes and the paraphrase score
//!
//! - [`MatchClass::Exact`]: every quote word reproduced, in order, nothing added
//!   (after normalisation); similarity exactly 1.0.
//! - [`MatchClass::Near`]: in-order similarity ≥ [`NEAR_THRESHOLD`] (0.75: a quarter of
//!   the quote's weight may be changed — several words in a 20-word quote, a
//!   translation variant of a few words — but the quote is recognisably the same).
//! - [`MatchClass::Paraphrase`]: everything else. Reworded quotes keep their content
//!   words but not their order, so the aligner also finds the window of the passage
//!   (1.5 × the quote's length) holding most of the quote's distinct content words
//!   (order ignored), and
//!
//! ```text
//! similarity = max(in-order similarity, PARAPHRASE_WEIGHT × content overlap)
//! content overlap = distinct quote content words in the window / distinct quote content words
//! ```
//!
//! with [`PARAPHRASE_WEIGHT`] 0.7, so a paraphrase never scores as high as a near match
//! (0.7 < 0.75) and the classes order like their similarities. When the overlap wins,
//! the span is that window, trimmed to its first and last shared content word.
//!
//! # Cost
//!
//! Only the first [`MAX_QUOTE_WORDS`] words of a quote and the first
//! [`MAX_PASSAGE_WORDS`] of a passage are aligned: a 10,000-word paste is judged on its
//! first 200 words. Time is at most O(n·m) for n quote and m passage words (locally
//! only the cells that can score above 0 are computed, see `walk.rs`). Memory, one
//! passage at a time: two score rows and one step byte per cell (≤ 201 × 4,097 bytes,
//! 0.8 MB, at the caps; 4 KB for a 20-word quote against a 200-word passage).
//!
//! Counted with callgrind (`valgrind --tool=callgrind target/release/search --index
//! INDEX quote --json -n 1 -- QUOTE`), [`align_all`] over a quote's 100 candidate
//! passages took a median of 3.8 million instructions (1.8–5.0 million), 2% of the
//! process, for the 20 speed quotes of `benches/quote_eval.py` on the 10× Reuters
//! replica, and 6.0 million (2.8–12.1 million), 16% of the process, for 40 quotes of
//! its BBC set.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::text::fold::fold_spelling;

use super::walk::{Coded, NONE, best_walk};
use super::words::{Word, is_stopword};

pub use super::walk::Pair;

/// Quote words aligned; the rest of a longer quote is ignored.
pub const MAX_QUOTE_WORDS: usize = 200;
/// Passage words aligned; the rest of a longer passage is ignored.
pub const MAX_PASSAGE_WORDS: usize = 4096;
/// The least in-order similarity of a [`MatchClass::Near`] match.
pub const NEAR_THRESHOLD: f32 = 0.75;
/// What a paraphrase's content overlap is worth: its similarity is this times the
/// share of the quote's distinct content words found near each other in the passage.
pub const PARAPHRASE_WEIGHT: f32 = 0.7;
/// The similarity below which `search quote` drops a match unless told otherwise
/// (`--min-similarity`), for a quote of [`SHORT_QUOTE`] distinct content words or more.
/// At 0.4 a paraphrase passes when at least four in seven of the quote's distinct
/// content words appear together in the passage (0.7 × 4/7 = 0.4), and an in-order
/// match when it reproduces two fifths of the quote. Measured with
/// `benches/paraphrase_eval.py` (hand-written rewordings of BBC passages, about half the
/// words changed): recall@10 0.95 at 0.4, 0.80 at 0.45 and 0.58 at 0.5, with no control
/// sentence from elsewhere answered; `benches/quote_eval.py`'s Reuters controls answer
/// 0.5% of the time (none at 0.5). A looser search is `--min-similarity 0.35`.
pub const DEFAULT_MIN_SIMILARITY: f32 = 0.4;

/// The default for a shorter quote: there one shared word is already two fifths ("the
/// ferry strike" against a passage with "ferry" alone), so half is asked.
pub const SHORT_QUOTE_MIN_SIMILARITY: f32 = 0.5;

/// Distinct content words from which a quote is long enough for the lower default.
pub const SHORT_QUOTE: usize = 8;

/// The similarity a match of `quote` needs when none was asked for.
pub fn default_min_similarity(quote: &[Word]) -> f32 {
    let mut content: Vec<&str> = quote
        .iter()
        .filter(|w| !is_stopword(w))
        .map(|w| w.key.as_str())
        .collect();
    content.sort_unstable();
    content.dedup();
    if content.len() >= SHORT_QUOTE {
        DEFAULT_MIN_SIMILARITY
    } else {
        SHORT_QUOTE_MIN_SIMILARITY
    }
}

/// Weights in tenths, so scores are integers and an exact match is exactly 1.0.
const CONTENT_WEIGHT: i32 = 10;
const STOPWORD_WEIGHT: i32 = 3;

/// How a passage reproduces a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchClass {
    /// Every quote word, in order, nothing added (case, accents, punctuation,
    /// hyphens and possessives aside).
    Exact,
    /// In order, with a few words changed, dropped or added.
    Near,
    /// Not close enough in order to be near: the passage shares some of the quote's
    /// content words; the similarity says how many.
    Paraphrase,
}

impl MatchClass {
    /// The class's name, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchClass::Exact => "exact",
            MatchClass::Near => "near",
            MatchClass::Paraphrase => "paraphrase",
        }
    }
}

/// The best match of a quote in a passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The passage words matched against the quote (word indices into the passage).
    pub span: Range<usize>,
    /// The same words as a byte range of the passage text.
    pub byte_range: Range<usize>,
    /// How much of the quote the span reproduces, 0..=1 (see the module docs).
    pub similarity: f32,
    /// Exact, near or paraphrase.
    pub class: MatchClass,
    /// Every aligned quote word (`0..min(quote.len(), MAX_QUOTE_WORDS)`) and every word
    /// of `span`, each once, in order. `(Some(q), Some(p))` only when the keys are
    /// equal; a substitution is `(Some(q), None)` followed by `(None, Some(p))`.
    /// Between two matched pairs, quote-only pairs come before passage-only pairs.
    pub pairs: Vec<Pair>,
}

/// The best match of `quote` in `passage`, or `None` when they share no word (or
/// either is empty).
pub fn align(quote: &[Word], passage: &[Word]) -> Option<Alignment> {
    align_coded(&QuoteCode::new(quote), passage)
}

/// [`align`] of `quote` against each passage, in order, coding the quote once: what
/// `search quote` calls with its candidate passages.
pub fn align_all<P: AsRef<[Word]>>(quote: &[Word], passages: &[P]) -> Vec<Option<Alignment>> {
    let quote = QuoteCode::new(quote);
    passages
        .iter()
        .map(|passage| align_coded(&quote, passage.as_ref()))
        .collect()
}

/// [`align`] with the quote already coded.
fn align_coded(quote: &QuoteCode, passage: &[Word]) -> Option<Alignment> {
    let passage = &passage[..passage.len().min(MAX_PASSAGE_WORDS)];
    let coded = quote.passage(passage)?;
    let core = best_walk(quote.coded(), coded.coded(), false);
    Some(match judge(quote, passage, &coded, core) {
        Verdict::Done(alignment) => alignment,
        Verdict::Reworded { similarity, window } => {
            let pairs = best_walk(quote.coded(), coded.window(&window), true).1;
            reworded(pairs, window, passage, similarity)
        }
    })
}

/// What [`judge`] makes of a passage's best local alignment.
enum Verdict {
    /// The alignment, scored and classified.
    Done(Alignment),
    /// A paraphrase whose content overlap beats its in-order score: its similarity, and
    /// the window of the passage to align the whole quote against.
    Reworded {
        similarity: f32,
        window: Range<usize>,
    },
}

/// Scores and classifies the best local alignment `core` of a passage (see the
/// module docs), or asks for the paraphrase window when the alignment is not near
/// and the window's content overlap scores higher.
fn judge(
    quote: &QuoteCode,
    passage: &[Word],
    coded: &PassageCode,
    core: (i32, Vec<Pair>),
) -> Verdict {
    let (score, pairs) = extend(core, quote.ids.len(), passage);
    let in_order = score as f32 / quote.total as f32;
    if in_order >= NEAR_THRESHOLD {
        let class = if score == quote.total {
            MatchClass::Exact
        } else {
            MatchClass::Near
        };
        return Verdict::Done(finish(pairs, passage, in_order, class));
    }
    if let Some((overlap, window)) = content_overlap(quote, coded) {
        let similarity = PARAPHRASE_WEIGHT * overlap;
        if similarity > in_order {
            return Verdict::Reworded { similarity, window };
        }
    }
    Verdict::Done(finish(pairs, passage, in_order, MatchClass::Paraphrase))
}

/// A paraphrase from the global alignment `pairs` of the quote against `window`.
fn reworded(
    pairs: Vec<Pair>,
    window: Range<usize>,
    passage: &[Word],
    similarity: f32,
) -> Alignment {
    let offset = window.start;
    let pairs = pairs
        .into_iter()
        .map(|(q, p)| (q, p.map(|p| p + offset)))
        .collect();
    finish(pairs, passage, similarity, MatchClass::Paraphrase)
}

/// The quote's words as the programme sees them, coded once for every passage: keys
/// numbered in order of first appearance, so the programme compares integers.
pub(super) struct QuoteCode<'a> {
    keys: FxHashMap<&'a str, u32>,
    ids: Vec<u32>,
    weights: Vec<i32>,
    /// Per id: whether it is a content word.
    content: Vec<bool>,
    total: i32,
}

impl<'a> QuoteCode<'a> {
    /// The first [`MAX_QUOTE_WORDS`] words of `quote`.
    pub(super) fn new(quote: &'a [Word]) -> Self {
        let quote = &quote[..quote.len().min(MAX_QUOTE_WORDS)];
        let mut keys = FxHashMap::default();
        let mut content = Vec::new();
        let ids = quote
            .iter()
            .map(|word| {
                let next = keys.len() as u32;
                *keys.entry(word.key.as_str()).or_insert_with(|| {
                    content.push(!is_stopword(word));
                    next
                })
            })
            .collect();
        let weights: Vec<i32> = quote.iter().map(weight).collect();
        QuoteCode {
            keys,
            ids,
            total: weights.iter().sum(),
            weights,
            content,
        }
    }

    fn coded(&self) -> Coded<'_> {
        Coded {
            ids: &self.ids,
            weights: &self.weights,
        }
    }

    /// How many quote words are coded.
    pub(super) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The quote words `range` (empty if it lies outside), their ids unchanged.
    pub(super) fn coded_range(&self, range: Range<usize>) -> Coded<'_> {
        Coded {
            ids: self.ids.get(range.clone()).unwrap_or_default(),
            weights: self.weights.get(range).unwrap_or_default(),
        }
    }

    fn is_content(&self, id: u32) -> bool {
        self.content.get(id as usize).copied().unwrap_or(false)
    }

    /// A passage's words coded against this quote, or `None` when it has none of the
    /// quote's words.
    pub(super) fn passage(&self, passage: &[Word]) -> Option<PassageCode> {
        let mut ids = Vec::with_capacity(passage.len());
        let mut weights = Vec::with_capacity(passage.len());
        for word in passage {
            let id = self.keys.get(word.key.as_str()).copied().unwrap_or(NONE);
            ids.push(id);
            weights.push(if id == NONE {
                weight(word)
            } else {
                content_weight(self.is_content(id))
            });
        }
        ids.iter()
            .any(|&id| id != NONE)
            .then_some(PassageCode { ids, weights })
    }
}

/// A passage's words coded against a quote.
pub(super) struct PassageCode {
    ids: Vec<u32>,
    weights: Vec<i32>,
}

impl PassageCode {
    pub(super) fn coded(&self) -> Coded<'_> {
        Coded {
            ids: &self.ids,
            weights: &self.weights,
        }
    }

    /// The words of `window` (empty if it lies outside).
    fn window(&self, window: &Range<usize>) -> Coded<'_> {
        Coded {
            ids: self.ids.get(window.clone()).unwrap_or_default(),
            weights: self.weights.get(window.clone()).unwrap_or_default(),
        }
    }
}

fn weight(word: &Word) -> i32 {
    content_weight(!is_stopword(word))
}

fn content_weight(is_content: bool) -> i32 {
    if is_content {
        CONTENT_WEIGHT
    } else {
        STOPWORD_WEIGHT
    }
}

/// The best local alignment `core` (passage indices into `passage`) with the `n`
/// quote words before and after it added, and a substituted first or last word shown
/// against the passage word in its place.
pub(super) fn extend(
    (score, core): (i32, Vec<Pair>),
    n: usize,
    passage: &[Word],
) -> (i32, Vec<Pair>) {
    let m = passage.len();
    // The core starts and ends on a match (score > 0 as a word is shared).
    let (Some((Some(q_start), Some(p_start))), Some((Some(q_last), Some(p_last)))) =
        (core.first().copied(), core.last().copied())
    else {
        return (score, core);
    };
    let breaks = |p: usize| passage.get(p).is_none_or(|word| word.after_break);
    let before = (1..=q_start.min(p_start))
        .take_while(|t| !breaks(p_start - t + 1))
        .count();
    let after = (1..=n
        .saturating_sub(q_last + 1)
        .min(m.saturating_sub(p_last + 1)))
        .take_while(|t| !breaks(p_last + t))
        .count();
    let mut pairs = Vec::with_capacity(core.len() + n + before + after);
    pairs.extend((0..q_start).map(|q| (Some(q), None)));
    pairs.extend((p_start - before..p_start).map(|p| (None, Some(p))));
    pairs.extend(core);
    pairs.extend((q_last + 1..n).map(|q| (Some(q), None)));
    pairs.extend((p_last + 1..p_last + 1 + after).map(|p| (None, Some(p))));
    (score, pairs)
}

/// The passage window (1.5 × the quote's length) holding the most distinct quote
/// content words, trimmed to its first and last one, with the share of the quote's
/// distinct content words it holds. `None` when the quote has no content word or the
/// passage none of them.
fn content_overlap(quote: &QuoteCode, coded: &PassageCode) -> Option<(f32, Range<usize>)> {
    let wanted = quote.content.iter().filter(|&&c| c).count();
    let m = coded.ids.len();
    if wanted == 0 || m == 0 {
        return None;
    }
    let is_content = |id: u32| id != NONE && quote.is_content(id);
    let width = (quote.ids.len() + quote.ids.len() / 2).clamp(1, m);
    // Branch-free counting (content words come unpredictably): every word has a slot,
    // a content word its id's, any other the last one, which is never counted.
    let other = quote.content.len();
    let slots: Vec<usize> = coded
        .ids
        .iter()
        .map(|&id| if is_content(id) { id as usize } else { other })
        .collect();
    let mut counts = vec![0u32; other + 1];
    let mut present = 0usize;
    let mut best = (0, 0);
    for (j, &slot) in slots.iter().enumerate() {
        counts[slot] += 1;
        present += usize::from((counts[slot] == 1) & (slot != other));
        if let Some(&gone) = j.checked_sub(width).and_then(|g| slots.get(g)) {
            counts[gone] -= 1;
            present -= usize::from((counts[gone] == 0) & (gone != other));
        }
        if present > best.0 {
            best = (present, (j + 1).saturating_sub(width));
        }
    }
    let (present, start) = best;
    if present == 0 {
        return None;
    }
    let end = (start + width).min(m);
    let first = (start..end).find(|&j| is_content(coded.ids[j]))?;
    let last = (start..end).rev().find(|&j| is_content(coded.ids[j]))?;
    Some((present as f32 / wanted as f32, first..last + 1))
}

/// Orders each run between matches (quote-only pairs first) and measures the span.
pub(super) fn finish(
    mut pairs: Vec<Pair>,
    passage: &[Word],
    similarity: f32,
    class: MatchClass,
) -> Alignment {
    let mut run_start = 0;
    for k in 0..=pairs.len() {
        if k == pairs.len() || matches!(pairs[k], (Some(_), Some(_))) {
            // A stable sort keeps each side in its own order.
            pairs[run_start..k].sort_by_key(|pair| pair.0.is_none());
            run_start = k + 1;
        }
    }
    let mut in_span = pairs.iter().filter_map(|pair| pair.1);
    let first = in_span.next().unwrap_or(0);
    let last = in_span.next_back().unwrap_or(first);
    let span = first..last + 1;
    let byte_range = match (passage.get(first), passage.get(last)) {
        (Some(a), Some(b)) => a.range.start..b.range.end,
        _ => 0..0,
    };
    Alignment {
        span,
        byte_range,
        similarity: similarity.clamp(0.0, 1.0),
        class,
        pairs,
    }
}

/// Keeps "exact" for words identical as written. The alignment compares stems, so a
/// quote saying "planned" matches an article's "plans" — found, rightly, but a fact-
/// checker must see the change: each such pair becomes the quote's word missing and
/// the article's added (in `pairs`, so the diff shows it), costs half its weight in
/// similarity, and an exact match with one becomes near. Written forms are compared
/// with case, accents and apostrophe styles folded; figures by value and currency
/// (`1.5bn` is `1.5 billion`, `$1,400` is not `£1,400`).
pub fn mark_written_changes(
    alignment: &mut Alignment,
    quote_text: &str,
    quote: &[Word],
    passage_text: &str,
    passage: &[Word],
) {
    let total: i32 = quote.iter().take(MAX_QUOTE_WORDS).map(weight).sum();
    let mut lost = 0;
    let mut pairs = Vec::with_capacity(alignment.pairs.len());
    for &pair in &alignment.pairs {
        if let (Some(q), Some(p)) = pair
            && differs_as_written(quote_text, quote.get(q), passage_text, passage.get(p))
        {
            lost += quote.get(q).map_or(0, weight);
            pairs.push((Some(q), None));
            pairs.push((None, Some(p)));
        } else {
            pairs.push(pair);
        }
    }
    if lost == 0 || total == 0 {
        return;
    }
    alignment.pairs = pairs;
    alignment.similarity = (alignment.similarity - lost as f32 / (2 * total) as f32).max(0.0);
    if alignment.class == MatchClass::Exact {
        alignment.class = MatchClass::Near;
    }
}

/// Whether two words the alignment pairs read differently: figures by their currency
/// (their keys are their values: `1.5bn` is `1.5 billion`), other words as written.
fn differs_as_written(
    quote_text: &str,
    quote: Option<&Word>,
    passage_text: &str,
    passage: Option<&Word>,
) -> bool {
    let (Some(q), Some(p)) = (quote, passage) else {
        return false;
    };
    if q.key.starts_with('#') {
        return super::changes::currencies_differ(quote_text, q, passage_text, p);
    }
    let written = |text: &str, word: &Word| text.get(word.range.clone()).map(fold_spelling);
    written(quote_text, q) != written(passage_text, p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::words::tests::{plain, prose};
    use crate::quote::words::words;
    use proptest::prelude::*;

    #[test]
    fn a_short_quote_needs_half_and_a_long_one_two_fifths() {
        // Stopwords and repeated words do not count.
        // Six content words: ferry, strike, union, closed, port, dawn.
        let short = plain("the ferry strike and the ferry union closed the port at dawn");
        assert_eq!(default_min_similarity(&short), SHORT_QUOTE_MIN_SIMILARITY);
        // Eight: … and shipping, Calais.
        let long = plain(
            "the ferry strike and the ferry union closed the port of Calais to shipping at dawn",
        );
        assert_eq!(default_min_similarity(&long), DEFAULT_MIN_SIMILARITY);
    }

    fn run(quote: &str, passage: &str) -> Option<Alignment> {
        align(&plain(quote), &plain(passage))
    }

    /// The passage text the alignment's byte range covers.
    fn matched<'a>(passage: &'a str, alignment: &Alignment) -> &'a str {
        &passage[alignment.byte_range.clone()]
    }

    /// Twenty content words, none a stopword.
    const TWENTY: &str = "Officials confirmed seven soldiers crossed northern border checkpoints \
                          Tuesday morning carrying heavy artillery shells toward disputed \
                          mountain villages beyond Lake";

    fn twenty_with(change: impl FnOnce(&mut Vec<&str>)) -> String {
        let mut words: Vec<&str> = TWENTY.split(' ').filter(|w| !w.is_empty()).collect();
        change(&mut words);
        words.join(" ")
    }

    #[test]
    fn the_twenty_word_quote_is_all_content() {
        let found = plain(TWENTY);
        assert_eq!(found.len(), 20);
        assert!(found.iter().all(|w| !is_stopword(w)));
    }

    #[test]
    fn identical_quote_is_exact() {
        let passage = format!("Reports said: {TWENTY}. Nobody denied it.");
        let a = run(TWENTY, &passage).unwrap();
        assert_eq!(a.class, MatchClass::Exact);
        assert_eq!(a.similarity, 1.0);
        assert_eq!(a.span, 2..22);
        assert_eq!(
            matched(&passage, &a),
            TWENTY.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert_eq!(a.pairs.len(), 20);
        assert!(
            a.pairs
                .iter()
                .enumerate()
                .all(|(k, p)| *p == (Some(k), Some(k + 2)))
        );
    }

    #[test]
    fn fragment_of_a_longer_sentence_is_exact() {
        let passage = "Kim said North Korean soldiers are fighting beside Russian troops in \
                       Ukraine, and more could be sent.";
        let a = run("fighting beside Russian troops", passage).unwrap();
        assert_eq!(a.class, MatchClass::Exact);
        assert_eq!(a.similarity, 1.0);
        assert_eq!(a.span, 6..10);
        assert_eq!(matched(passage, &a), "fighting beside Russian troops");
    }

    #[test]
    fn one_word_substituted() {
        let quote = twenty_with(|w| w[9] = "evening");
        let a = run(&quote, TWENTY).unwrap();
        assert_eq!(a.similarity, 0.95);
        assert_eq!(a.class, MatchClass::Near);
        assert_eq!(a.span, 0..20);
        assert_eq!(a.pairs[9], (Some(9), None));
        assert_eq!(a.pairs[10], (None, Some(9)));
    }

    #[test]
    fn one_word_dropped_or_added() {
        let dropped = twenty_with(|w| {
            w.remove(5);
        });
        let a = run(&dropped, TWENTY).unwrap();
        // 19 words reproduced, 1 added by the passage: (190 - 10) / 190.
        assert_eq!((a.similarity, a.class), (180.0 / 190.0, MatchClass::Near));
        assert_eq!(a.span, 0..20);
        assert_eq!(a.pairs[5], (None, Some(5)));

        let added = twenty_with(|w| w.insert(5, "remote"));
        let a = run(&added, TWENTY).unwrap();
        // 20 of 21 words reproduced: 200 / 210.
        assert_eq!((a.similarity, a.class), (200.0 / 210.0, MatchClass::Near));
        assert_eq!(a.pairs[5], (Some(5), None));
    }

    #[test]
    fn two_words_swapped() {
        let quote = twenty_with(|w| w.swap(3, 4));
        let a = run(&quote, TWENTY).unwrap();
        assert_eq!((a.similarity, a.class), (0.9, MatchClass::Near));
        assert_eq!(a.span, 0..20);
    }

    #[test]
    fn stopwords_barely_matter() {
        let passage = "The minister said the possibility of such a deployment is highly likely.";
        let a = run(
            "a possibility of such the deployment is highly likely",
            passage,
        )
        .unwrap();
        // Q = 4 content words (40) + 5 stopwords (15) = 55; "a" and "the" are replaced
        // by each other, which loses 3 + 3.
        assert_eq!(a.similarity, 49.0 / 55.0);
        assert_eq!(a.class, MatchClass::Near);
    }

    #[test]
    fn scattered_words_score_low() {
        let passage = "Officials in the capital said nothing about soldiers, and the border \
                       stayed quiet all Tuesday while villages slept.";
        let a = run(TWENTY, passage).unwrap();
        assert!(a.similarity < 0.2, "{}", a.similarity);
        assert_eq!(a.class, MatchClass::Paraphrase);
    }

    #[test]
    fn punctuation_quotes_and_apostrophes_do_not_matter() {
        let passage = "Putin’s army occupies 18% of Ukraine, it’s thought.";
        let a = run(
            "\"Putin's army occupies 18% of Ukraine\" -- it's thought",
            passage,
        )
        .unwrap();
        assert_eq!(a.class, MatchClass::Exact);
        assert_eq!(
            matched(passage, &a),
            "Putin’s army occupies 18% of Ukraine, it’s thought"
        );
    }

    #[test]
    fn hyphens_do_not_matter() {
        let passage = "Defence Minister Kim Yong-hyun told lawmakers.";
        let a = run("Kim Yong hyun told", passage).unwrap();
        assert_eq!(a.class, MatchClass::Exact);
        assert_eq!(matched(passage, &a), "Kim Yong-hyun told");
        let a = run("full scale", "its full-scale war").unwrap();
        assert_eq!((a.class, a.byte_range.clone()), (MatchClass::Exact, 4..14));
    }

    #[test]
    fn quote_pasted_with_its_quotation_marks() {
        // Seed corpus, 002.
        let passage = "“We believe there have been injuries and fatalities among North Korean \
                       troops in Ukraine,” the official added.";
        for quote in [
            "“We believe there have been injuries and fatalities among North Korean troops in Ukraine,”",
            "\"We believe there have been injuries and fatalities among North Korean troops in Ukraine\"",
        ] {
            let a = run(quote, passage).unwrap();
            assert_eq!(a.class, MatchClass::Exact);
            assert_eq!(a.byte_range, 3..90);
            assert!(matched(passage, &a).starts_with("We believe"));
            assert!(matched(passage, &a).ends_with("in Ukraine"));
        }
    }

    #[test]
    fn quote_spanning_two_sentences() {
        // Seed corpus, 004.
        let passage = "“We assess that the occurrence of casualties among North Korean officers \
                       and soldiers in Ukraine is highly likely, considering various \
                       circumstances.” The Kyiv Post and Interfax Ukraine had quoted unnamed \
                       intelligence sources.";
        let quote = "considering various circumstances. The Kyiv Post and Interfax Ukraine";
        let a = run(quote, passage).unwrap();
        assert_eq!(a.class, MatchClass::Exact);
        assert_eq!(a.span, 18..27);
        assert_eq!(
            matched(passage, &a),
            "considering various circumstances.” The Kyiv Post and Interfax Ukraine"
        );
    }

    /// The seed corpus's two translations of Kim Yong-hyun's statement (004, 000).
    const ASSESS: &str = "We assess that the occurrence of casualties among North Korean \
                          officers and soldiers in Ukraine is highly likely";
    const ESTIMATE: &str = "\"We estimate that the presence of casualties among North Korean \
                            officers and soldiers in Ukraine is highly probable, given the \
                            various circumstances,\" he said.";

    #[test]
    fn seed_translation_variant_is_near() {
        let a = run(ASSESS, ESTIMATE).unwrap();
        // Q: 11 content words + 7 stopwords = 131; assess, occurrence and likely are
        // replaced: S = 101.
        assert_eq!(a.similarity, 101.0 / 131.0);
        assert_eq!(a.class, MatchClass::Near);
        // From "We" to "probable": the substituted last word is shown, the rest of the
        // sentence is not.
        assert_eq!(a.span, 0..18);
        assert_eq!(
            matched(ESTIMATE, &a),
            "We estimate that the presence of casualties among North Korean officers and \
             soldiers in Ukraine is highly probable"
        );
    }

    #[test]
    fn seed_paraphrase() {
        let quote = "We believe there have been injuries and fatalities among North Korean \
                     troops in Ukraine";
        let passage = format!("{ASSESS}, considering various circumstances.");
        let a = run(quote, &passage).unwrap();
        assert_eq!(a.class, MatchClass::Paraphrase);
        // 4 of 8 distinct content words (among, north, korean, ukraine).
        assert_eq!(a.similarity, PARAPHRASE_WEIGHT * 0.5);
        // Half the content words is below the default threshold: shown only on request.
        assert!(a.similarity < DEFAULT_MIN_SIMILARITY);
        assert_eq!(
            matched(&passage, &a),
            "among North Korean officers and soldiers in Ukraine"
        );
    }

    #[test]
    fn shared_names_alone_stay_below_the_default() {
        let quote = "We believe there have been injuries and fatalities among North Korean \
                     troops in Ukraine";
        let passage = "North Korean soldiers could fight alongside the Russian army in Ukraine, \
                       South Korea’s defence minister told the country’s parliament.";
        let a = run(quote, passage).unwrap();
        assert_eq!(a.class, MatchClass::Paraphrase);
        assert!(a.similarity < DEFAULT_MIN_SIMILARITY, "{}", a.similarity);
    }

    #[test]
    fn a_substituted_first_word_is_not_pulled_across_a_sentence_end() {
        let passage = "He spoke in Seoul. Officials estimate heavy losses.";
        let a = run("Kim said officials assess heavy losses", passage).unwrap();
        // "estimate" stands in for "assess"; "Seoul" is not shown for "said".
        assert_eq!(matched(passage, &a), "Officials estimate heavy losses");
        assert_eq!(
            a.pairs,
            [
                (Some(0), None),
                (Some(1), None),
                (Some(2), Some(4)),
                (Some(3), None),
                (None, Some(5)),
                (Some(4), Some(6)),
                (Some(5), Some(7)),
            ]
        );
    }

    #[test]
    fn only_stopwords() {
        let a = run("it is what it is", "Nobody knows what it is worth.").unwrap();
        // "what it is" reproduced; "Nobody knows" stands where "it is" would.
        assert_eq!(a.span, 0..5);
        assert_eq!(a.class, MatchClass::Paraphrase);
        // "what it is" of "it is what it is": 9 of 15.
        assert_eq!(a.similarity, 9.0 / 15.0);
        let a = run("of the", "the end of the war").unwrap();
        assert_eq!((a.class, a.span.clone()), (MatchClass::Exact, 2..4));
    }

    #[test]
    fn keys_compare_after_stemming() {
        // The project passes Snowball; any stemmer that folds "officers" to "officer".
        let stem = |key: &str| {
            let stem = key.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(key);
            stem.to_owned()
        };
        let quote = words("casualties among North Korean officer", &stem);
        let passage = words(
            "Casualty reports: casualties among North Korean officers.",
            &stem,
        );
        let a = align(&quote, &passage).unwrap();
        assert_eq!((a.class, a.span.clone()), (MatchClass::Exact, 2..7));
    }

    #[test]
    fn nothing_to_align() {
        assert_eq!(run("", "some passage"), None);
        assert_eq!(run("some quote", ""), None);
        assert_eq!(run("“ — ”", "some passage"), None);
        assert_eq!(run("entirely different words", "some passage here"), None);
    }

    #[test]
    fn first_occurrence_wins_ties() {
        let a = run("highly likely", "highly likely, and again highly likely").unwrap();
        assert_eq!(a.span, 0..2);
    }

    #[test]
    fn long_quotes_are_capped() {
        let quote = "word ".repeat(10_000);
        let passage = "word ".repeat(700);
        let a = run(&quote, &passage).unwrap();
        assert_eq!(a.class, MatchClass::Exact);
        assert_eq!(a.span, 0..MAX_QUOTE_WORDS);
        assert_eq!(a.pairs.len(), MAX_QUOTE_WORDS);
    }

    /// Checks what every alignment promises.
    fn check(
        quote: &[Word],
        passage: &[Word],
        text: &str,
        a: &Alignment,
    ) -> Result<(), TestCaseError> {
        prop_assert!((0.0..=1.0).contains(&a.similarity));
        if a.class == MatchClass::Exact {
            prop_assert_eq!(a.similarity, 1.0);
        }
        prop_assert!(a.span.start < a.span.end && a.span.end <= passage.len());
        prop_assert!(a.byte_range.start < a.byte_range.end && a.byte_range.end <= text.len());
        prop_assert!(text.is_char_boundary(a.byte_range.start));
        prop_assert!(text.is_char_boundary(a.byte_range.end));
        let quote_side: Vec<usize> = a.pairs.iter().filter_map(|p| p.0).collect();
        let passage_side: Vec<usize> = a.pairs.iter().filter_map(|p| p.1).collect();
        prop_assert_eq!(
            quote_side,
            (0..quote.len().min(MAX_QUOTE_WORDS)).collect::<Vec<_>>()
        );
        prop_assert_eq!(passage_side, a.span.clone().collect::<Vec<_>>());
        for pair in &a.pairs {
            if let (Some(q), Some(p)) = *pair {
                prop_assert_eq!(&quote[q].key, &passage[p].key);
            }
        }
        Ok(())
    }

    #[test]
    fn align_all_is_align_on_each() {
        let quote = plain(ASSESS);
        let passages: Vec<Vec<Word>> = [ESTIMATE, "", "nothing shared here", ASSESS, TWENTY]
            .iter()
            .map(|p| plain(p))
            .collect();
        let each: Vec<Option<Alignment>> = passages.iter().map(|p| align(&quote, p)).collect();
        assert_eq!(align_all(&quote, &passages), each);
        assert_eq!(each[1], None);
        assert_eq!(each[3].as_ref().map(|a| a.class), Some(MatchClass::Exact));
        assert!(align_all::<Vec<Word>>(&quote, &[]).is_empty());
    }

    proptest! {
        #[test]
        fn any_text_aligns_safely(quote in "\\PC{0,80}", passage in "\\PC{0,300}") {
            let (q, p) = (plain(&quote), plain(&passage));
            if let Some(a) = align(&q, &p) {
                check(&q, &p, &passage, &a)?;
            }
        }

        #[test]
        fn prose_aligns_safely(quote in prose(), passage in prose()) {
            let (q, p) = (plain(&quote), plain(&passage));
            match align(&q, &p) {
                Some(a) => check(&q, &p, &passage, &a)?,
                None => prop_assert!(q.iter().all(|w| p.iter().all(|v| v.key != w.key))),
            }
        }

        #[test]
        fn align_all_agrees_with_align(quote in prose(), passages in prop::collection::vec(prose(), 0..11)) {
            let q = plain(&quote);
            let p: Vec<Vec<Word>> = passages.iter().map(|p| plain(p)).collect();
            let each: Vec<Option<Alignment>> = p.iter().map(|p| align(&q, p)).collect();
            prop_assert_eq!(align_all(&q, &p), each);
        }

        #[test]
        fn any_text_aligned_with_itself_is_exact(text in "\\PC{0,120}") {
            let words = plain(&text);
            match align(&words, &words) {
                Some(a) => {
                    check(&words, &words, &text, &a)?;
                    prop_assert_eq!((a.class, a.similarity), (MatchClass::Exact, 1.0));
                }
                None => prop_assert!(words.is_empty()),
            }
        }

        #[test]
        fn a_quote_taken_from_the_passage_is_exact(
            passage in prose(),
            from in any::<prop::sample::Index>(),
            len in 1usize..20,
        ) {
            let p = plain(&passage);
            prop_assume!(!p.is_empty());
            let from = from.index(p.len());
            let end = (from + len).min(p.len());
            let quote = &passage[p[from].range.start..p[end - 1].range.end];
            let a = align(&plain(quote), &p).unwrap();
            prop_assert_eq!(a.class, MatchClass::Exact);
            prop_assert_eq!(a.similarity, 1.0);
        }
    }

    #[test]
    fn a_changed_tense_is_near_not_exact_and_shows_in_the_pairs() {
        let stem = |w: &str| {
            w.strip_suffix("ned")
                .or_else(|| w.strip_suffix('s'))
                .unwrap_or(w)
                .to_owned()
        };
        let quote_text = "Kraft planned to cut costs";
        let passage_text = "Kraft plans to cut costs";
        let quote = words(quote_text, &stem);
        let passage = words(passage_text, &stem);
        let mut a = align(&quote, &passage).unwrap();
        assert_eq!((a.class, a.similarity), (MatchClass::Exact, 1.0));
        mark_written_changes(&mut a, quote_text, &quote, passage_text, &passage);
        assert_eq!(a.class, MatchClass::Near);
        // "planned" weighs 1.0 of the quote's 4.3 and costs half of it.
        assert!(
            (a.similarity - (1.0 - 0.5 / 4.3)).abs() < 1e-6,
            "{}",
            a.similarity
        );
        assert_eq!(
            a.pairs[..3],
            [(Some(0), Some(0)), (Some(1), None), (None, Some(1))]
        );
        // Case, accents and apostrophe styles are not changes.
        let quote_text = "KRAFT’S PLANS";
        let passage_text = "Kraft's plans";
        let (quote, passage) = (words(quote_text, &stem), words(passage_text, &stem));
        let mut a = align(&quote, &passage).unwrap();
        mark_written_changes(&mut a, quote_text, &quote, passage_text, &passage);
        assert_eq!((a.class, a.similarity), (MatchClass::Exact, 1.0));
    }
}
