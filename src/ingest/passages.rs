//! Cutting an article body into passages, the unit that is searched and shown:
//! paragraphs, long ones cut at sentence boundaries, tiny ones (subheadings, bylines,
//! one-line asides) merged into the next. Passages tile the body exactly — every byte
//! belongs to one passage — so offsets always map back to the source.

use std::ops::Range;

use crate::ingest::article::{Article, LineCursor};
use crate::text::{Language, sentences};

/// A paragraph longer than this (bytes, trimmed, about 400 words) is cut at sentence
/// boundaries; shorter ones stay whole, since a paragraph is the author's own unit of
/// one point. (Cutting at 1200 bytes split scientific abstracts in two and cost 0.017
/// nDCG@10 on SciFact; see the README.)
pub const MAX_PASSAGE: usize = 2400;
/// Sentences are gathered until a cut piece reaches this many bytes.
pub const TARGET_PASSAGE: usize = 1200;
/// A piece shorter than this (bytes, trimmed) is merged into the next one.
pub const MIN_PASSAGE: usize = 80;
/// A single sentence longer than this is cut at the last space before it (or, in
/// text without spaces, at a character boundary).
pub const HARD_MAX_PASSAGE: usize = 4000;

/// One passage of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    /// 0-based position in the article.
    pub index: u32,
    /// Byte range in the article body (passages tile the body).
    pub start: usize,
    /// End of the byte range, exclusive.
    pub end: usize,
    /// 1-based line in the source file where the passage's text starts.
    pub line: u32,
}

impl Passage {
    /// The passage's text, without the blank space between it and the next.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        body[self.start..self.end].trim()
    }
}

/// Splits an article into passages with their source lines.
pub fn split_passages(article: &Article) -> Vec<Passage> {
    split_passages_with(article, &mut article.lines.cursor(&article.body))
}

/// [`split_passages`], finding lines with `lines`, a cursor over the article's body.
fn split_passages_with(article: &Article, lines: &mut LineCursor) -> Vec<Passage> {
    let body = &article.body;
    split_spans(body)
        .into_iter()
        .enumerate()
        .map(|(index, span)| {
            let lead = body[span.clone()].len() - body[span.clone()].trim_start().len();
            Passage {
                index: u32::try_from(index).unwrap_or(u32::MAX),
                start: span.start,
                end: span.end,
                line: lines.line_at(span.start + lead),
            }
        })
        .collect()
}

/// Cuts `body` into contiguous byte ranges covering all of it. Empty or blank text
/// gives no ranges.
pub fn split_spans(body: &str) -> Vec<Range<usize>> {
    if body.trim().is_empty() {
        return Vec::new();
    }
    let mut pieces = Vec::new();
    for paragraph in paragraphs(body) {
        cut_long(body, paragraph, &mut pieces);
    }
    merge_tiny(body, pieces)
}

/// Paragraph ranges. Text with blank lines is split at blank lines (single newlines
/// are hard wraps); text without any is split at every newline.
fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut line_starts = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        line_starts.push((offset, line.trim().is_empty()));
        offset += line.len();
    }
    let has_blank_lines = line_starts.iter().any(|&(_, blank)| blank);
    let mut starts = vec![0];
    let mut previous_blank = false;
    for &(start, blank) in &line_starts {
        let opens = !blank && (previous_blank || !has_blank_lines);
        if opens && start > 0 && starts.last() != Some(&start) {
            starts.push(start);
        }
        previous_blank = blank;
    }
    let mut ranges: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().unwrap_or(&0)..body.len());
    ranges
}

/// Pushes `range` onto `out`, cut at sentence boundaries when it is too long.
fn cut_long(body: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    if body[range.clone()].trim().len() <= MAX_PASSAGE {
        out.push(range);
        return;
    }
    let mut start = range.start;
    for sentence in sentences(&body[range.clone()], Language::default()) {
        let sentence_end = range.start + sentence.end;
        if sentence_end - start > HARD_MAX_PASSAGE {
            start = cut_hard(body, start..sentence_end, out);
        }
        if sentence_end - start >= TARGET_PASSAGE && sentence_end < range.end {
            out.push(start..sentence_end);
            start = sentence_end;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
}

/// Cuts an overlong run of text without sentence breaks into pieces of at most
/// [`HARD_MAX_PASSAGE`] bytes; returns where the unfinished remainder starts.
fn cut_hard(body: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) -> usize {
    let mut start = range.start;
    while range.end - start > HARD_MAX_PASSAGE {
        let mut cut = start + HARD_MAX_PASSAGE;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = body[start..cut].rfind(char::is_whitespace)
            && space > 0
        {
            cut = start + space + 1;
        }
        while !body.is_char_boundary(cut) {
            cut += 1;
        }
        out.push(start..cut);
        start = cut;
    }
    start
}

/// Merges pieces too short to stand alone into the piece after them (the last one
/// into the piece before).
fn merge_tiny(body: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    let mut pending: Option<usize> = None;
    for piece in pieces {
        let start = pending.take().unwrap_or(piece.start);
        let range = start..piece.end;
        if body[range.clone()].trim().len() < MIN_PASSAGE {
            pending = Some(start);
        } else {
            merged.push(range);
        }
    }
    if let Some(start) = pending {
        match merged.last_mut() {
            Some(last) => last.end = body.len(),
            None => merged.push(start..body.len()),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::article::{LineMap, Metadata};
    use proptest::prelude::*;

    fn texts(body: &str) -> Vec<&str> {
        split_spans(body)
            .into_iter()
            .map(|r| body[r].trim())
            .collect()
    }

    const LONG_A: &str = "The minister told lawmakers that the treaty between the two countries resembles a military alliance in all but name.";
    const LONG_B: &str = "Intelligence sources said six officers were killed in a missile strike near the occupied city, with three more injured.";

    #[test]
    fn blank_lines_separate_paragraphs_and_tiny_ones_merge_forward() {
        let body = format!("Subheading here\n\n{LONG_A}\n\n{LONG_B}\nwrapped line.\n\n");
        assert_eq!(
            texts(&body),
            [
                format!("Subheading here\n\n{LONG_A}"),
                format!("{LONG_B}\nwrapped line.")
            ]
        );
    }

    #[test]
    fn without_blank_lines_every_line_is_a_paragraph() {
        let body = format!("{LONG_A}\n{LONG_B}\nShort tail.");
        assert_eq!(
            texts(&body),
            [LONG_A.to_owned(), format!("{LONG_B}\nShort tail.")]
        );
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentence_boundaries() {
        let body = [LONG_A, LONG_B].repeat(15).join(" ");
        let pieces = texts(&body);
        assert!(pieces.len() >= 2, "{pieces:?}");
        for piece in &pieces {
            assert!(piece.ends_with('.'), "{piece}");
            assert!(piece.len() <= MAX_PASSAGE);
        }
    }

    #[test]
    fn a_sentence_without_end_is_cut_at_spaces() {
        let body = "word ".repeat(3000);
        let spans = split_spans(&body);
        assert!(spans.iter().all(|r| r.len() <= HARD_MAX_PASSAGE));
        assert!(spans.iter().all(|r| body[r.clone()].starts_with("word")));
    }

    #[test]
    fn passages_know_their_lines() {
        let body = format!("{LONG_A}\n\n\n{LONG_B}");
        let article = Article {
            path: "a.txt".into(),
            source_id: None,
            meta: Metadata::default(),
            body,
            lines: LineMap::Contiguous(5),
        };
        let lines: Vec<u32> = split_passages(&article).iter().map(|p| p.line).collect();
        assert_eq!(lines, [5, 8]);
    }

    #[test]
    fn finding_the_lines_of_many_passages_reads_the_body_once() {
        let paragraph = "Officials said the talks would resume next week in the capital city.";
        let body = format!("{paragraph}\n\n").repeat(2000);
        let article = Article {
            path: "a.md".into(),
            source_id: None,
            meta: Metadata::default(),
            body,
            lines: LineMap::Contiguous(1),
        };
        let mut cursor = article.lines.cursor(&article.body);
        let passages = split_passages_with(&article, &mut cursor);
        // Short paragraphs are joined in twos; each passage starts on its own line.
        assert_eq!(passages.len(), 1000);
        for passage in &passages {
            assert_eq!(passage.line, 4 * passage.index + 1);
            assert_eq!(
                passage.line,
                article.lines.line_at(&article.body, passage.start)
            );
        }
        assert!(
            cursor.scanned() < article.body.len(),
            "{}",
            cursor.scanned()
        );
    }

    proptest! {
        #[test]
        fn passages_start_on_the_line_of_their_first_word(
            body in "([a-zA-Zé .]{0,120}[\n]{0,3}){0,40}",
            first in 1u32..1000,
        ) {
            let article = Article {
                path: "a.txt".into(),
                source_id: None,
                meta: Metadata::default(),
                body,
                lines: LineMap::Contiguous(first),
            };
            let passages = split_passages(&article);
            let body = &article.body;
            for (index, passage) in passages.iter().enumerate() {
                prop_assert_eq!(passage.index as usize, index);
                let text = passage.text(body);
                let at = passage.start + body[passage.start..].find(text).unwrap_or(0);
                let newlines = body[..at].matches('\n').count();
                prop_assert_eq!(passage.line as usize, first as usize + newlines);
            }
        }

        #[test]
        fn spans_tile_the_body_on_char_boundaries(body in "(\\PC{0,80}[\n .]{0,3}){0,60}") {
            let spans = split_spans(&body);
            if body.trim().is_empty() {
                prop_assert!(spans.is_empty());
            } else {
                prop_assert_eq!(spans[0].start, 0);
                prop_assert_eq!(spans.last().unwrap().end, body.len());
                for pair in spans.windows(2) {
                    prop_assert_eq!(pair[0].end, pair[1].start);
                }
                for span in &spans {
                    prop_assert!(span.start < span.end);
                    prop_assert!(body.is_char_boundary(span.start) && body.is_char_boundary(span.end));
                    prop_assert!(!body[span.clone()].trim().is_empty());
                }
            }
        }
    }
}
