//! A quote that runs across a paragraph break. The index holds passages (paragraphs),
//! and wire copy has paragraphs of one or two sentences, so a passage pasted from an
//! article often starts in one and ends in the next. When a candidate's alignment
//! stops at its passage's end (or start) with quote words still to place, the passage
//! beside it in the article is joined on, a blank line apart, and the quote aligned
//! again; the longer stretch is kept when it scores higher. At most
//! [`MAX_PASSAGES`] passages are joined.

use std::borrow::Cow;
use std::ops::Range;

use tantivy::DocAddress;

use crate::error::Result;
use crate::index::store::PassageDoc;

use super::align::{self, Alignment, MAX_QUOTE_WORDS};
use super::candidates::Candidates;
use super::walk::Pair;
use super::words::{Reader, Word, is_stopword};

/// Passages one match may run across.
pub const MAX_PASSAGES: usize = 3;
/// Words a passage may have after the quote's last shared word (or before its first)
/// for the quote to count as running on past it: a substituted word or two at the
/// break ("the U.S. economy" for "the economy").
const SLACK: usize = 3;
/// Below this similarity a candidate is not worth reading its neighbours for: a
/// quote split evenly over two passages scores about 0.5 in each.
pub const FLOOR: f32 = 0.2;

/// A candidate passage, or passages of one article joined across their breaks.
pub struct Stretch<'a> {
    /// Where the first passage sits in the index.
    pub address: DocAddress,
    /// The first passage, with `text` the passages' texts joined by blank lines.
    pub doc: PassageDoc,
    /// The words of `doc.text`.
    pub words: Cow<'a, [Word]>,
    /// The quote aligned with `words`.
    pub alignment: Alignment,
    /// Where each passage starts in `doc.text`, with its first line in the source.
    pub parts: Vec<(usize, u64)>,
}

impl Stretch<'_> {
    /// The source line of byte `at` of the text, counting lines from the passage
    /// holding it with `lines_before`.
    pub fn line_of(&self, at: usize, lines_before: impl Fn(&str) -> u64) -> u64 {
        let (start, line) = self
            .parts
            .iter()
            .rev()
            .find(|(start, _)| *start <= at)
            .copied()
            .unwrap_or((0, self.doc.source.line));
        line + lines_before(self.doc.text.get(start..at).unwrap_or_default())
    }

    /// Which passage of the article byte `at` of the text falls in, by number, and
    /// where in that passage: the same place whichever passage the stretch started
    /// from.
    pub fn passage_at(&self, at: usize) -> (u64, usize) {
        let (k, start) = self
            .parts
            .iter()
            .enumerate()
            .rev()
            .find(|(_, (start, _))| *start <= at)
            .map_or((0, 0), |(k, (start, _))| (k, *start));
        (self.doc.index + k as u64, at - start)
    }
}

/// Candidate `i` (its words and alignment given), joined with the passages beside it
/// while the quote runs on across a break, the words left could lift it to
/// `min_similarity`, and the joined text scores higher.
pub fn stretch<'a>(
    found: &Candidates<'_>,
    i: usize,
    quote: &[Word],
    reader: &Reader,
    words: &'a [Word],
    alignment: Alignment,
    min_similarity: f32,
) -> Result<Stretch<'a>> {
    let (address, doc) = found.found[i].clone();
    let mut stretch = Stretch {
        address,
        parts: vec![(0, doc.source.line)],
        doc,
        words: Cow::Borrowed(words),
        alignment,
    };
    if stretch.alignment.similarity < FLOOR {
        return Ok(stretch);
    }
    let n = quote.len().min(MAX_QUOTE_WORDS);
    let weight = |word: &Word| if is_stopword(word) { 0.3 } else { 1.0 };
    let total: f32 = quote[..n].iter().map(weight).sum();
    // Whether the quote words left could lift the match to `min_similarity`: each adds
    // at most its weight.
    let worth = |left: Option<Range<usize>>, similarity: f32| {
        left.is_some_and(|left| {
            similarity + quote[left].iter().map(weight).sum::<f32>() / total >= min_similarity
        })
    };
    // The last passage joined, to read the one after it.
    let (mut last_address, mut last) = (stretch.address, stretch.doc.clone());
    while stretch.parts.len() < MAX_PASSAGES {
        let (before, after) = runs_on(&stretch.alignment.pairs, n, stretch.words.len());
        let similarity = stretch.alignment.similarity;
        let (before, after) = (worth(before, similarity), worth(after, similarity));
        let beside = if after {
            found.beside(last_address, &last, true)?
        } else if before {
            found.beside(stretch.address, &stretch.doc, false)?
        } else {
            None
        };
        let Some((address, passage)) = beside else {
            break;
        };
        let (text, parts) = if after {
            let start = stretch.doc.text.len() + 2;
            let mut parts = stretch.parts.clone();
            parts.push((start, passage.source.line));
            (format!("{}\n\n{}", stretch.doc.text, passage.text), parts)
        } else {
            let shift = passage.text.len() + 2;
            let mut parts = vec![(0, passage.source.line)];
            parts.extend(stretch.parts.iter().map(|&(at, line)| (at + shift, line)));
            (format!("{}\n\n{}", passage.text, stretch.doc.text), parts)
        };
        let joined = reader.words(&text);
        let Some(alignment) = align::align(quote, &joined) else {
            break;
        };
        if alignment.similarity <= stretch.alignment.similarity {
            break;
        }
        if after {
            (last_address, last) = (address, passage);
            stretch.doc.text = text;
        } else {
            stretch.address = address;
            stretch.doc = PassageDoc { text, ..passage };
        }
        stretch.words = Cow::Owned(joined);
        stretch.alignment = alignment;
        stretch.parts = parts;
    }
    Ok(stretch)
}

/// Quote words (by index) left at one end of a passage, if the quote runs on there.
type Left = Option<Range<usize>>;

/// The quote words left before the passage's start and after its end when the quote
/// runs on past them: quote words before the first shared word (after the last) with
/// at most [`SLACK`] passage words there. `n` quote words are aligned against `m`
/// passage words.
fn runs_on(pairs: &[Pair], n: usize, m: usize) -> (Left, Left) {
    let shared = |pair: &Pair| match *pair {
        (Some(q), Some(p)) => Some((q, p)),
        _ => None,
    };
    let (Some((q_first, p_first)), Some((q_last, p_last))) = (
        pairs.iter().find_map(shared),
        pairs.iter().rev().find_map(shared),
    ) else {
        return (None, None);
    };
    let quote_after = n.saturating_sub(q_last + 1);
    let passage_after = m.saturating_sub(p_last + 1);
    (
        (q_first > 0 && p_first <= q_first.min(SLACK)).then_some(0..q_first),
        (quote_after > 0 && passage_after <= quote_after.min(SLACK)).then_some(q_last + 1..n),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::words::tests::plain;

    #[test]
    fn a_quote_runs_on_where_words_are_left_at_an_end_of_the_passage() {
        let quote = plain("lack of confidence in the economy Lawson said in a radio interview");
        let first = plain("He blamed a lack of confidence in the economy.");
        let a = align::align(&quote, &first).unwrap();
        assert_eq!(
            runs_on(&a.pairs, quote.len(), first.len()),
            (None, Some(6..12))
        );
        let second = plain("Lawson said in a radio interview that it began on Wall Street.");
        let a = align::align(&quote, &second).unwrap();
        assert_eq!(
            runs_on(&a.pairs, quote.len(), second.len()),
            (Some(0..6), None)
        );
        // The passage goes on after the quote's last shared word: the quote ends there.
        let longer = plain("He blamed a lack of confidence in the economy, and the dollar's fall.");
        let a = align::align(&quote, &longer).unwrap();
        assert_eq!(runs_on(&a.pairs, quote.len(), longer.len()), (None, None));
        let whole = plain("lack of confidence in the economy Lawson said in a radio interview");
        let a = align::align(&quote, &whole).unwrap();
        assert_eq!(runs_on(&a.pairs, quote.len(), whole.len()), (None, None));
        assert_eq!(runs_on(&[], 3, 3), (None, None));
    }
}
