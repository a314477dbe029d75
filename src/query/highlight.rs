//! Highlighting written on top of the analyzer, because tantivy's SnippetGenerator
//! ignores positions: here a phrase query lights up only the words that match as the
//! phrase, a stemmed word lights up every form (`officer` → `officers`), excluded words
//! never light up, and the snippet is the passage's best sentence-aligned window.
//! All ranges are byte ranges on char boundaries.

use std::ops::Range;

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::query::parse::HighlightTerms;
use crate::text::{Language, sentences};

/// Snippets aim to stay within this many characters.
pub const SNIPPET_CHARS: usize = 280;
/// Shown where a snippet cuts the passage.
pub const ELLIPSIS: &str = "…";

/// The matched byte ranges of `text`, in order, not overlapping.
pub fn highlight_ranges(
    analyzer: &mut TextAnalyzer,
    terms: &HighlightTerms,
    text: &str,
) -> Vec<Range<usize>> {
    let mut tokens: Vec<(String, Range<usize>, usize)> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        tokens.push((
            token.text.clone(),
            token.offset_from..token.offset_to,
            token.position,
        ));
    }
    let mut ranges: Vec<Range<usize>> = tokens
        .iter()
        .filter(|(word, _, _)| terms.words.contains(word))
        .map(|(_, range, _)| range.clone())
        .collect();
    for (phrase, slop) in &terms.phrases {
        ranges.extend(phrase_matches(&tokens, phrase, *slop));
    }
    merge(text, ranges)
}

/// Where the phrase's words stand in order, with at most `slop` extra words between
/// them in all: one range from the first word's start to the last word's end.
fn phrase_matches(
    tokens: &[(String, Range<usize>, usize)],
    phrase: &[String],
    slop: u32,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let Some(first) = phrase.first() else {
        return found;
    };
    for (start, (word, range, position)) in tokens.iter().enumerate() {
        if word != first {
            continue;
        }
        let mut expected = *position;
        let mut budget = slop as usize;
        let mut end = range.end;
        let mut at = start;
        let mut matched = true;
        for next in &phrase[1..] {
            let hit = tokens[at + 1..]
                .iter()
                .enumerate()
                .take_while(|(_, (_, _, pos))| *pos <= expected + 1 + budget)
                .find(|(_, (w, _, _))| w == next);
            match hit {
                Some((offset, (_, range, pos))) => {
                    budget -= pos - (expected + 1);
                    expected = *pos;
                    end = range.end;
                    at += offset + 1;
                }
                None => {
                    matched = false;
                    break;
                }
            }
        }
        if matched {
            found.push(range.start..end);
        }
    }
    found
}

/// Sorts the ranges and joins those that overlap or are separated only by spaces, so
/// `North Korean officers` is marked as one run.
fn merge(text: &str, mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last)
                if range.start <= last.end
                    || text[last.end..range.start]
                        .chars()
                        .all(|c| c == ' ' || c == '\t') =>
            {
                last.end = last.end.max(range.end)
            }
            _ => merged.push(range),
        }
    }
    merged
}

/// A passage's snippet and its highlights (byte ranges into the snippet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text shown: a window of the passage, control characters and line breaks
    /// turned into spaces, `…` where it was cut.
    pub text: String,
    /// Highlighted byte ranges into `text`.
    pub highlights: Vec<Range<usize>>,
}

/// The best window of `passage` — the run of whole sentences within
/// [`SNIPPET_CHARS`] holding the most highlights — or, when one sentence is longer
/// than that, a window of words around the first highlight.
pub fn snippet(passage: &str, highlights: &[Range<usize>]) -> Snippet {
    let window = best_window(passage, highlights);
    let mut text = String::new();
    if window.start > 0 {
        text.push_str(ELLIPSIS);
    }
    let shift = text.len();
    for c in passage[window.clone()].chars() {
        // Same byte length in, same out, so highlight offsets stay valid.
        if c.is_control() {
            text.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            text.push(c);
        }
    }
    if window.end < passage.len() {
        text.push_str(ELLIPSIS);
    }
    let highlights = highlights
        .iter()
        .filter(|r| r.start >= window.start && r.end <= window.end)
        .map(|r| r.start - window.start + shift..r.end - window.start + shift)
        .collect();
    Snippet { text, highlights }
}

fn best_window(passage: &str, highlights: &[Range<usize>]) -> Range<usize> {
    let trimmed = passage.trim_end();
    if trimmed.chars().count() <= SNIPPET_CHARS {
        return 0..trimmed.len();
    }
    let sentences: Vec<Range<usize>> = sentences(trimmed, Language::default());
    // Distinct matched words first (a window with `North Korean officers` beats one
    // with `North Korean … South Korean`), then matched words in all.
    let count = |window: &Range<usize>| -> (usize, usize) {
        let words: Vec<String> = highlights
            .iter()
            .filter(|h| h.start >= window.start && h.end <= window.end)
            .flat_map(|h| trimmed[h.clone()].split_whitespace())
            .map(str::to_lowercase)
            .collect();
        let distinct: std::collections::HashSet<&String> = words.iter().collect();
        (distinct.len(), words.len())
    };
    let mut best: Option<((usize, usize), Range<usize>)> = None;
    for first in 0..sentences.len() {
        let mut end = first;
        let mut chars = 0;
        while end < sentences.len() {
            let len = trimmed[sentences[end].clone()].chars().count();
            if chars + len > SNIPPET_CHARS {
                break;
            }
            chars += len;
            end += 1;
        }
        if end == first {
            continue;
        }
        let window = sentences[first].start..sentences[end - 1].end;
        let window = window.start..window.start + trimmed[window.clone()].trim_end().len();
        let score = count(&window);
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, window));
        }
    }
    match best {
        Some((score, window)) if score.0 > 0 || highlights.is_empty() => window,
        _ => word_window(trimmed, highlights.first().map_or(0, |h| h.start)),
    }
}

/// About [`SNIPPET_CHARS`] characters of words around byte `focus`.
fn word_window(text: &str, focus: usize) -> Range<usize> {
    let before = SNIPPET_CHARS / 3;
    let mut start = text[..focus]
        .char_indices()
        .rev()
        .nth(before)
        .map_or(0, |(i, _)| i);
    let mut end = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    // Past the whole space character: a no-break space is two bytes.
    if start > 0
        && let Some((space, c)) = text[start..focus]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
    {
        start += space + c.len_utf8();
    }
    if end < text.len()
        && let Some(space) = text[focus..end].rfind(char::is_whitespace)
    {
        end = focus + space;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::text_analyzer;
    use proptest::prelude::*;

    fn terms(words: &[&str], phrases: &[(&[&str], u32)]) -> HighlightTerms {
        HighlightTerms {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            phrases: phrases
                .iter()
                .map(|(p, s)| (p.iter().map(|w| (*w).to_owned()).collect(), *s))
                .collect(),
            content: Vec::new(),
        }
    }

    fn marked(text: &str, ranges: &[Range<usize>]) -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].to_owned()).collect()
    }

    #[test]
    fn stemmed_words_light_up_every_form() {
        let text = "Six officers died; the officer said an Officer’s life";
        let ranges = highlight_ranges(&mut text_analyzer(), &terms(&["offic"], &[]), text);
        // A possessive is one word with its ending, lit up whole.
        assert_eq!(ranges, [4..12, 23..30, 39..50]);
        assert_eq!(marked(text, &ranges), ["officers", "officer", "Officer’s"]);
        let adjacent = highlight_ranges(
            &mut text_analyzer(),
            &terms(&["north", "korean"], &[]),
            "North Korean, north\nKorean",
        );
        assert_eq!(
            adjacent,
            [0..12, 14..19, 20..26],
            "words are joined across spaces only"
        );
    }

    #[test]
    fn phrases_light_up_only_where_they_match() {
        let text =
            "North Korean troops went north to meet Korean officials and North  Korean officers";
        let ranges = highlight_ranges(
            &mut text_analyzer(),
            &terms(&[], &[(&["north", "korean"], 0)]),
            text,
        );
        assert_eq!(marked(text, &ranges), ["North Korean", "North  Korean"]);
        let sloppy = highlight_ranges(
            &mut text_analyzer(),
            &terms(&[], &[(&["north", "offic"], 1)]),
            text,
        );
        assert_eq!(marked(text, &sloppy), ["North  Korean officers"]);
    }

    #[test]
    fn snippets_pick_the_sentences_with_most_matches() {
        let filler =
            "Nothing to see in this sentence at all, it only fills the passage up. ".repeat(6);
        let passage = format!("{filler}Six North Korean officers died near Donetsk. {filler}");
        let ranges = highlight_ranges(
            &mut text_analyzer(),
            &terms(&["donetsk", "offic"], &[]),
            &passage,
        );
        let snippet = snippet(&passage, &ranges);
        assert!(
            snippet.text.starts_with('…') && snippet.text.ends_with('…'),
            "{}",
            snippet.text
        );
        assert!(
            snippet
                .text
                .contains("Six North Korean officers died near Donetsk.")
        );
        assert!(snippet.text.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(
            marked(&snippet.text, &snippet.highlights),
            ["officers", "Donetsk"]
        );
    }

    #[test]
    fn short_passages_are_shown_whole_with_control_characters_blanked() {
        let passage = "Line one\nline \u{1b}[31mtwo";
        let two = 19..22;
        let snippet = snippet(passage, std::slice::from_ref(&two));
        assert_eq!(snippet.text, "Line one line  [31mtwo");
        assert_eq!(snippet.highlights.len(), 1);
        assert_eq!(&snippet.text[snippet.highlights[0].clone()], "two");
    }

    #[test]
    fn a_word_window_starts_after_a_no_break_space_not_inside_it() {
        // Found by the `highlight` fuzz target: a window opened one byte into U+00A0.
        let passage = format!(
            "{}\u{a0}{} officers {}",
            "a".repeat(150),
            "b".repeat(50),
            "c ".repeat(200)
        );
        let officers = 203..211;
        assert_eq!(&passage[officers.clone()], "officers");
        let snippet = snippet(&passage, std::slice::from_ref(&officers));
        assert!(snippet.text.starts_with(&format!("…{}", "b".repeat(50))));
        assert_eq!(marked(&snippet.text, &snippet.highlights), ["officers"]);
    }

    proptest! {
        #[test]
        fn snippet_ranges_are_valid(text in "\\PC{0,600}", word in "[a-z]{1,6}") {
            let ranges = highlight_ranges(&mut text_analyzer(), &terms(&[&word], &[(&[&word, "a"], 2)]), &text);
            for range in &ranges {
                prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            }
            let snippet = snippet(&text, &ranges);
            for range in &snippet.highlights {
                prop_assert!(range.start < range.end && range.end <= snippet.text.len());
                prop_assert!(snippet.text.is_char_boundary(range.start) && snippet.text.is_char_boundary(range.end));
            }
        }

        #[test]
        fn snippet_highlights_mark_the_passages_words(
            text in "([A-Za-zé]{1,8}[ ,.!?\n\t\u{1}\u{85}]{1,3}){0,120}",
            word in "[a-z]{1,3}",
            other in "[a-z]{1,3}",
        ) {
            let terms = terms(&[&word], &[(&[&other, &word], 1)]);
            let ranges = highlight_ranges(&mut text_analyzer(), &terms, &text);
            for pair in ranges.windows(2) {
                prop_assert!(pair[0].end < pair[1].start, "sorted and apart: {:?}", ranges);
            }
            let blank = |s: &str| -> String {
                s.chars()
                    .map(|c| if c.is_control() { " ".repeat(c.len_utf8()) } else { c.to_string() })
                    .collect()
            };
            let marked: Vec<String> = ranges.iter().map(|r| blank(&text[r.clone()])).collect();
            let snippet = snippet(&text, &ranges);
            prop_assert!(!snippet.text.chars().any(char::is_control));
            for pair in snippet.highlights.windows(2) {
                prop_assert!(pair[0].end < pair[1].start);
            }
            for range in &snippet.highlights {
                let shown = snippet.text[range.clone()].to_owned();
                prop_assert!(marked.contains(&shown), "{:?} is not one of {:?}", shown, marked);
            }
            // A passage short enough to show whole keeps every highlight.
            if text.trim_end().chars().count() <= SNIPPET_CHARS {
                prop_assert_eq!(snippet.highlights.len(), ranges.len());
            }
        }
    }
}
