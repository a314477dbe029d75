//! The sentence(s) a match came from. The aligner scores the passage span that best
//! reproduces the quote in order; a reader judges the quote against the whole sentence
//! it was taken from. So, once a match is found:
//!
//! - [`sentence_of`] finds the passage words of the sentence(s) holding its span (the
//!   text layer's sentences);
//! - [`widen`] places the quote's words the span left out at either end in the rest of
//!   that sentence, where the sentence has them ("The real threat to the *life of the*
//!   nation, …, comes not from terrorism": the opening is the article's, after words it
//!   adds, not missing), so the diff shows them as shared, with what the article adds
//!   between them as added;
//! - the sentence's words before and after the widened span are the article's context
//!   ([`DiffOp::Context`](super::diff::DiffOp::Context)), never missing words.
//!
//! The similarity stays the aligner's: words the article puts in between still cost
//! what they cost.

use std::ops::Range;

use crate::text::{Language, sentences};

use super::align::{Alignment, QuoteCode, extend, finish};
use super::walk::{Pair, best_walk};
use super::words::Word;

/// The least score of an anchor placed outside the span, in tenths: one content word
/// (a lone "the" or "of the" is no evidence the opening was said here)…
const ANCHOR_SCORE: i32 = 10;
/// … unless at most this many words stand between it and the words already placed
/// ("laws [-like-]{+such as+} these").
const NEAR: usize = 2;

/// The passage words of the sentence or sentences (of `text`, which `passage` holds
/// the words of) that hold the words `span`. `span` itself when it lies outside.
pub fn sentence_of(text: &str, passage: &[Word], span: Range<usize>) -> Range<usize> {
    let (Some(first), Some(last)) = (
        passage.get(span.start),
        passage.get(span.end.wrapping_sub(1)),
    ) else {
        return span;
    };
    let bounds = sentences(text, Language::default());
    let holding = |at: usize| {
        bounds
            .iter()
            .find(|s| s.contains(&at))
            .cloned()
            .unwrap_or(at..at + 1)
    };
    let bytes = holding(first.range.start).start..holding(last.range.start).end;
    let start = passage[..span.start]
        .iter()
        .rposition(|w| w.range.start < bytes.start)
        .map_or(0, |k| k + 1);
    let end = span.end
        + passage[span.end..]
            .iter()
            .position(|w| w.range.start >= bytes.end)
            .unwrap_or(passage.len() - span.end);
    start..end
}

/// Places the quote words `alignment` leaves unmatched before its first and after its
/// last shared word in the rest of `sentence` (passage word indices), where that part
/// of the sentence reproduces some of them (at least one content word), and re-measures
/// the span. Class and similarity are kept.
pub fn widen(alignment: &mut Alignment, quote: &[Word], passage: &[Word], sentence: Range<usize>) {
    let same = |pair: &&Pair| matches!(pair, (Some(_), Some(_)));
    let (Some(&(Some(q_first), Some(p_first))), Some(&(Some(q_last), Some(p_last)))) = (
        alignment.pairs.iter().find(same),
        alignment.pairs.iter().rev().find(same),
    ) else {
        return;
    };
    let code = QuoteCode::new(quote);
    let n = code.len();
    let sentence = sentence.start.min(p_first)..sentence.end.max(p_last + 1).min(passage.len());
    // Empty ranges place nothing.
    let head = anchors(&code, passage, 0..q_first, sentence.start..p_first, true);
    let tail = anchors(
        &code,
        passage,
        q_last + 1..n,
        p_last + 1..sentence.end,
        false,
    );
    if head.is_empty() && tail.is_empty() {
        return;
    }
    // The core: from the first shared word to the last, as the aligner paired them.
    let start = alignment.pairs.iter().position(|p| same(&p)).unwrap_or(0);
    let end = alignment
        .pairs
        .iter()
        .rposition(|p| same(&p))
        .map_or(0, |k| k + 1);
    let mut core = Vec::with_capacity(head.len() + alignment.pairs.len() + tail.len());
    join(&mut core, head);
    join(&mut core, alignment.pairs[start..end].to_vec());
    join(&mut core, tail);
    let (_, pairs) = extend((0, core), n, &passage[..sentence.end]);
    *alignment = finish(pairs, passage, alignment.similarity, alignment.class);
}

/// The pairs, from its first shared word to its last, of the quote words `q` placed in
/// the passage words `p`: the best local alignment, then again on either side of it.
/// Empty when no part scores [`ANCHOR_SCORE`] or stands [`NEAR`] the words placed,
/// which are after `p` when `placed_after`, else before it.
fn anchors(
    code: &QuoteCode,
    passage: &[Word],
    q: Range<usize>,
    p: Range<usize>,
    placed_after: bool,
) -> Vec<Pair> {
    if q.is_empty() || p.is_empty() {
        return Vec::new();
    }
    let coded = code.coded_range(q.clone());
    let Some(words) = code.passage(&passage[p.clone()]) else {
        return Vec::new();
    };
    let (score, core) = best_walk(coded, words.coded(), false);
    let core: Vec<Pair> = core
        .into_iter()
        .map(|(a, b)| (a.map(|a| a + q.start), b.map(|b| b + p.start)))
        .collect();
    let (Some(&(Some(q0), Some(p0))), Some(&(Some(q1), Some(p1)))) = (core.first(), core.last())
    else {
        return Vec::new();
    };
    let gap = if placed_after {
        p.end - (p1 + 1)
    } else {
        p0 - p.start
    };
    if score < ANCHOR_SCORE && gap > NEAR {
        return Vec::new();
    }
    let mut found = anchors(code, passage, q.start..q0, p.start..p0, placed_after);
    join(&mut found, core);
    join(
        &mut found,
        anchors(code, passage, q1 + 1..q.end, p1 + 1..p.end, placed_after),
    );
    found
}

/// Appends `next` to `pairs` (both from a first shared word to a last, `next` after),
/// with the quote words and then the passage words between them unpaired.
fn join(pairs: &mut Vec<Pair>, next: Vec<Pair>) {
    let last = |pairs: &[Pair]| {
        pairs.iter().rev().find_map(|&pair| match pair {
            (Some(q), Some(p)) => Some((q, p)),
            _ => None,
        })
    };
    if let (Some((q0, p0)), Some(&(Some(q1), Some(p1)))) = (last(pairs), next.first()) {
        pairs.extend((q0 + 1..q1).map(|q| (Some(q), None)));
        pairs.extend((p0 + 1..p1).map(|p| (None, Some(p))));
    }
    pairs.extend(next);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::align::align;
    use crate::quote::diff::{DiffOp, in_sentence};
    use crate::quote::words::tests::plain;

    /// Lord Hoffmann, in BBC politics/224.
    const HOFFMANN: &str = "Lord Hoffmann said: \"The real threat to the life of the nation, in \
                            the sense of a people living in accordance with its traditional \
                            laws and political values, comes not from terrorism but from laws \
                            such as these.\" But Lord Walker disagreed.";

    fn widened(quote: &str, passage: &str) -> (Alignment, Range<usize>) {
        let (q, p) = (plain(quote), plain(passage));
        let mut a = align(&q, &p).unwrap();
        let sentence = sentence_of(passage, &p, a.span.clone());
        widen(&mut a, &q, &p, sentence.clone());
        (a, sentence)
    }

    #[test]
    fn the_sentence_holding_a_span() {
        let passage = "He spoke in Seoul. Officials estimate heavy losses. Nobody denied it.";
        let p = plain(passage);
        assert_eq!(sentence_of(passage, &p, 5..7), 4..8);
        assert_eq!(sentence_of(passage, &p, 3..5), 0..8);
        assert_eq!(sentence_of(passage, &p, 9..11), 8..11);
        assert_eq!(sentence_of(passage, &p, 20..22), 20..22);
    }

    #[test]
    fn an_opening_the_sentence_has_is_not_missing() {
        let quote = "The real threat to the nation comes not from terrorism but from laws like \
                     these.";
        let (q, p) = (plain(quote), plain(HOFFMANN));
        let before = align(&q, &p).unwrap();
        let (a, sentence) = widened(quote, HOFFMANN);
        assert_eq!(sentence, 0..38);
        assert_eq!((a.similarity, a.class), (before.similarity, before.class));
        assert_eq!(
            &HOFFMANN[a.byte_range.clone()],
            "The real threat to the life of the nation, in the sense of a people living in \
             accordance with its traditional laws and political values, comes not from \
             terrorism but from laws such as these"
        );
        let text = |op: &DiffOp| match op {
            DiffOp::Same { text } => text.clone(),
            DiffOp::Added { text } => format!("{{+{text}+}}"),
            DiffOp::Missing { text } => format!("[-{text}-]"),
            DiffOp::Context { text } => format!("({text})"),
        };
        let ops: Vec<String> = in_sentence(quote, &q, HOFFMANN, &p, &a, sentence)
            .iter()
            .map(text)
            .collect();
        assert_eq!(
            ops.join(" "),
            "(Lord Hoffmann said) The real threat to the {+life of the+} nation {+in the sense \
             of a people living in accordance with its traditional laws and political \
             values+} comes not from terrorism but from laws [-like-] {+such as+} these"
        );
    }

    #[test]
    fn nothing_to_place_leaves_the_alignment_as_it_was() {
        for (quote, passage) in [
            ("comes not from terrorism", HOFFMANN),
            (
                "Kim said officials assess heavy losses",
                "He spoke in Seoul. Officials estimate heavy losses.",
            ),
            ("of the comes not from terrorism", HOFFMANN),
        ] {
            let (q, p) = (plain(quote), plain(passage));
            let before = align(&q, &p).unwrap();
            assert_eq!(widened(quote, passage).0, before, "{quote}");
        }
    }
}
