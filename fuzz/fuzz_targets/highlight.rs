//! The highlighter and snippet window on any text: the first line is the query's words
//! (highlighted wherever they occur, and as one phrase), the rest the passage. Ranges
//! must be sorted, disjoint, non-empty and on character boundaries, and the snippet's
//! ranges must mark the same text as the passage's.
#![no_main]

use libfuzzer_sys::fuzz_target;
use search::query::highlight::{SNIPPET_CHARS, highlight_ranges, snippet};
use search::query::parse::{HighlightTerms, analyze};
use search::schema::text_analyzer;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (query, passage) = input.split_once('\n').unwrap_or(("", &input));
    let mut analyzer = text_analyzer();
    let words = analyze(&mut analyzer, query);
    let slop = u32::from(data.first().copied().unwrap_or(0) % 4);
    let (single, phrase) = words.split_at(words.len() / 2);
    let terms = HighlightTerms {
        words: single.to_vec(),
        phrases: vec![(phrase.to_vec(), slop)],
        content: words.clone(),
    };
    let ranges = highlight_ranges(&mut analyzer, &terms, passage);
    let mut previous_end = None;
    for range in &ranges {
        assert!(
            range.start < range.end && range.end <= passage.len(),
            "{ranges:?}"
        );
        assert!(
            previous_end.is_none_or(|end| end < range.start),
            "{ranges:?}"
        );
        assert!(passage.is_char_boundary(range.start) && passage.is_char_boundary(range.end));
        assert!(!analyze(&mut analyzer, &passage[range.clone()]).is_empty());
        previous_end = Some(range.end);
    }

    let shown = snippet(passage, &ranges);
    assert!(
        !shown.text.chars().any(char::is_control),
        "{:?}",
        shown.text
    );
    // A control character is blanked with as many spaces as it has bytes (so offsets
    // hold): only those spaces may take a snippet past its length and two ellipses.
    let blanks: usize = passage
        .chars()
        .filter(|c| c.is_control())
        .map(|c| c.len_utf8() - 1)
        .sum();
    let length = shown.text.chars().count();
    assert!(length <= SNIPPET_CHARS + 2 + blanks, "{:?}", shown.text);
    let blank = |s: &str| -> String {
        s.chars()
            .flat_map(|c| {
                let n = if c.is_control() { c.len_utf8() } else { 0 };
                let kept = (n == 0).then_some(c);
                kept.into_iter().chain(std::iter::repeat_n(' ', n))
            })
            .collect()
    };
    let marked: Vec<String> = ranges.iter().map(|r| blank(&passage[r.clone()])).collect();
    let mut previous_end = None;
    for range in &shown.highlights {
        assert!(range.start < range.end && range.end <= shown.text.len());
        assert!(previous_end.is_none_or(|end| end < range.start));
        assert!(shown.text.is_char_boundary(range.start));
        assert!(shown.text.is_char_boundary(range.end));
        assert!(marked.contains(&shown.text[range.clone()].to_owned()));
        previous_end = Some(range.end);
    }
});
