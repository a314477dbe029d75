//! A word-level diff of a quote against the passage span that reproduces it, read off
//! the alignment: what the article says the same way, what it adds, what of the quote
//! it lacks — and, around it, the rest of the sentence(s) it came from, the article's
//! context ([`in_sentence`]). Words are shown as written — the article's spelling for
//! words it has, the quote's for words it lacks — and runs of one kind are merged.
//! (The alignment already pairs the words, so `similar` would only recompute a worse
//! pairing here.)

use std::ops::Range;

use super::align::Alignment;
use super::words::Word;

/// One run of the diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffOp {
    /// Words the quote and the article share, in the article's spelling.
    Same {
        /// The words, separated by single spaces (or the hyphen that joined them).
        text: String,
    },
    /// Words the article has and the quote lacks.
    Added {
        /// The article's words.
        text: String,
    },
    /// Words the quote has and the article lacks.
    Missing {
        /// The quote's words.
        text: String,
    },
    /// Words of the source sentence(s) before or after the quote: the article's
    /// context, neither missing from the quote nor added to it.
    Context {
        /// The article's words.
        text: String,
    },
}

impl DiffOp {
    /// The words of this run.
    pub fn text(&self) -> &str {
        match self {
            DiffOp::Same { text }
            | DiffOp::Added { text }
            | DiffOp::Missing { text }
            | DiffOp::Context { text } => text,
        }
    }

    fn text_mut(&mut self) -> &mut String {
        match self {
            DiffOp::Same { text }
            | DiffOp::Added { text }
            | DiffOp::Missing { text }
            | DiffOp::Context { text } => text,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Same,
    Added,
    Missing,
}

/// The diff of `quote` against `alignment`'s span of `passage`, in order. Every quote
/// word the alignment covers appears once (in `Same` or `Missing`), and every span word
/// once (in `Same` or `Added`). A substituted word shows as `Missing` (the quote's word)
/// then `Added` (the article's): "We [-assess-]{+estimate+} that".
/// Pairs that point outside the words or texts are skipped, never a panic.
pub fn diff(
    quote_text: &str,
    quote: &[Word],
    passage_text: &str,
    passage: &[Word],
    alignment: &Alignment,
) -> Vec<DiffOp> {
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut last: Option<(Kind, usize)> = None;
    for pair in &alignment.pairs {
        let (kind, text, words, index) = match *pair {
            (Some(_), Some(p)) => (Kind::Same, passage_text, passage, p),
            (Some(q), None) => (Kind::Missing, quote_text, quote, q),
            (None, Some(p)) => (Kind::Added, passage_text, passage, p),
            (None, None) => continue,
        };
        let Some(surface) = words.get(index).and_then(|w| text.get(w.range.clone())) else {
            continue;
        };
        match (ops.last_mut(), last) {
            (Some(op), Some((last_kind, last_index))) if last_kind == kind => {
                let text_of_op = op.text_mut();
                text_of_op.push_str(separator(text, words, last_index, index));
                text_of_op.push_str(surface);
            }
            _ => {
                let text = surface.to_owned();
                ops.push(match kind {
                    Kind::Same => DiffOp::Same { text },
                    Kind::Added => DiffOp::Added { text },
                    Kind::Missing => DiffOp::Missing { text },
                });
            }
        }
        last = Some((kind, index));
    }
    ops
}

/// [`diff`] inside the sentence(s) the span came from: `sentence`'s words (passage
/// word indices) before the span and after it are [`DiffOp::Context`] runs around it.
pub fn in_sentence(
    quote_text: &str,
    quote: &[Word],
    passage_text: &str,
    passage: &[Word],
    alignment: &Alignment,
    sentence: Range<usize>,
) -> Vec<DiffOp> {
    let span = &alignment.span;
    let before = context(passage_text, passage, sentence.start..span.start);
    let after = context(passage_text, passage, span.end..sentence.end);
    before
        .into_iter()
        .chain(diff(quote_text, quote, passage_text, passage, alignment))
        .chain(after)
        .collect()
}

/// The passage's words `range` as one context run, or `None` when there are none.
fn context(text: &str, words: &[Word], range: Range<usize>) -> Option<DiffOp> {
    let mut run = String::new();
    let mut previous = None;
    for index in range {
        let Some(surface) = words.get(index).and_then(|w| text.get(w.range.clone())) else {
            continue;
        };
        if let Some(previous) = previous {
            run.push_str(separator(text, words, previous, index));
        }
        run.push_str(surface);
        previous = Some(index);
    }
    (!run.is_empty()).then_some(DiffOp::Context { text: run })
}

/// What to put between two words of one run: the hyphen of `Yong-hyun` when only
/// hyphens joined them in the text, a space otherwise.
fn separator<'a>(text: &'a str, words: &[Word], previous: usize, next: usize) -> &'a str {
    let gap = (next == previous + 1)
        .then(|| Some(words.get(previous)?.range.end..words.get(next)?.range.start))
        .flatten()
        .and_then(|gap| text.get(gap));
    match gap {
        Some(gap) if !gap.is_empty() && gap.chars().all(|c| matches!(c, '-' | '‐' | '‑')) => {
            gap
        }
        _ => " ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::align::{MAX_QUOTE_WORDS, align};
    use crate::quote::words::tests::{plain, prose};
    use proptest::prelude::*;

    fn ops_of(quote: &str, passage: &str) -> Vec<DiffOp> {
        let (q, p) = (plain(quote), plain(passage));
        let alignment = align(&q, &p).unwrap();
        diff(quote, &q, passage, &p, &alignment)
    }

    fn same(text: &str) -> DiffOp {
        DiffOp::Same { text: text.into() }
    }
    fn added(text: &str) -> DiffOp {
        DiffOp::Added { text: text.into() }
    }
    fn missing(text: &str) -> DiffOp {
        DiffOp::Missing { text: text.into() }
    }

    #[test]
    fn seed_translation_variant() {
        // Seed corpus: 004's wording of the quote against 000's.
        let quote = "We assess that the occurrence of casualties among North Korean officers \
                     and soldiers in Ukraine is highly likely";
        let passage = "\"We estimate that the presence of casualties among North Korean \
                       officers and soldiers in Ukraine is highly probable, given the various \
                       circumstances,\" he said.";
        let ops = ops_of(quote, passage);
        assert_eq!(
            ops,
            [
                same("We"),
                missing("assess"),
                added("estimate"),
                same("that the"),
                missing("occurrence"),
                added("presence"),
                same(
                    "of casualties among North Korean officers and soldiers in Ukraine is \
                     highly"
                ),
                missing("likely"),
                added("probable"),
            ]
        );
    }

    #[test]
    fn identical_is_one_run_in_the_articles_spelling() {
        let ops = ops_of("kim yong hyun said", "Defence Minister Kim Yong-hyun said.");
        assert_eq!(ops, [same("Kim Yong-hyun said")]);
    }

    #[test]
    fn dropped_added_and_swapped_words() {
        let passage = "North Korean soldiers are fighting beside Russian troops";
        assert_eq!(
            ops_of(
                "North Korean soldiers fighting beside Russian troops",
                passage
            ),
            [
                same("North Korean soldiers"),
                added("are"),
                same("fighting beside Russian troops")
            ]
        );
        assert_eq!(
            ops_of(
                "North Korean soldiers are now fighting beside Russian troops",
                passage
            ),
            [
                same("North Korean soldiers are"),
                missing("now"),
                same("fighting beside Russian troops")
            ]
        );
        assert_eq!(
            ops_of(
                "North Korean soldiers are beside fighting Russian troops",
                passage
            ),
            [
                same("North Korean soldiers are"),
                added("fighting"),
                same("beside"),
                missing("fighting"),
                same("Russian troops"),
            ]
        );
    }

    #[test]
    fn quote_words_the_passage_lacks_at_either_end() {
        let passage = "He spoke in Seoul. Officials estimate heavy losses.";
        assert_eq!(
            ops_of(
                "Kim said officials assess heavy losses, sources added",
                passage
            ),
            [
                missing("Kim said"),
                same("Officials"),
                missing("assess"),
                added("estimate"),
                same("heavy losses"),
                missing("sources added"),
            ]
        );
    }

    #[test]
    fn the_quotes_spelling_for_missing_words() {
        assert_eq!(
            ops_of("“Putin's army, Kim’s ally”", "Putin’s army and ally"),
            [
                same("Putin’s army"),
                missing("Kim’s"),
                added("and"),
                same("ally")
            ]
        );
    }

    #[test]
    fn stale_pairs_are_skipped() {
        let (q, p) = (plain("a b"), plain("a b"));
        let mut alignment = align(&q, &p).unwrap();
        alignment.pairs.push((Some(9), Some(9)));
        alignment.pairs.push((None, None));
        assert_eq!(diff("a b", &q, "a", &p, &alignment), [same("a")]);
    }

    /// The keys of the words of the given ops' texts, read again.
    fn keys_of<'a>(ops: impl Iterator<Item = &'a DiffOp>) -> Vec<String> {
        ops.flat_map(|op| plain(op.text())).map(|w| w.key).collect()
    }

    fn reconstructs(quote: &str, passage: &str) -> Result<(), TestCaseError> {
        let (q, p) = (plain(quote), plain(passage));
        let Some(alignment) = align(&q, &p) else {
            return Ok(());
        };
        let ops = diff(quote, &q, passage, &p, &alignment);
        let quote_side = keys_of(ops.iter().filter(|op| !matches!(op, DiffOp::Added { .. })));
        let quote_keys: Vec<String> = q
            .iter()
            .take(MAX_QUOTE_WORDS)
            .map(|w| w.key.clone())
            .collect();
        prop_assert_eq!(quote_side, quote_keys);
        let span_side = keys_of(
            ops.iter()
                .filter(|op| !matches!(op, DiffOp::Missing { .. })),
        );
        let span_keys: Vec<String> = p[alignment.span.clone()]
            .iter()
            .map(|w| w.key.clone())
            .collect();
        prop_assert_eq!(span_side, span_keys);
        for pair in ops.windows(2) {
            prop_assert!(std::mem::discriminant(&pair[0]) != std::mem::discriminant(&pair[1]));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn diff_reconstructs_quote_and_span(quote in prose(), passage in prose()) {
            reconstructs(&quote, &passage)?;
        }

        #[test]
        fn diff_reconstructs_any_text(quote in "\\PC{0,60}", passage in "\\PC{0,200}") {
            reconstructs(&quote, &passage)?;
        }

    }
}
