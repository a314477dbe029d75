//! The one sentence splitter. Its rule is Unicode's sentence boundaries (UAX #29) as
//! far as prose needs them, written over character classes, plus what UAX #29 cannot
//! know: an abbreviation's full stop ends no sentence (`Mr. Kim`, `Gen. Ryder`,
//! `U.S. officials`, `Jan. 5`), and an ellipsis before a capital does.
//!
//! A sentence ends after a terminal (`.` `!` `?` `…` and their CJK forms), the closing
//! quotation marks and brackets after it, and the spaces after those — unless what
//! follows continues the sentence: a comma, colon, dash or another terminal; for a full
//! stop, a letter or digit right after it (`U.S`, `1.6`) or a lower-case word after it
//! (`e.g. the`); or the full stop of an abbreviation. A line break always ends one
//! (headings, list items and datelines carry no full stop).

use std::ops::Range;

use super::Language;
use super::chars::{is_line_break, is_word_char};
use super::lexicon::{Class, lexicon};

/// Full stops: `.` and its one-dot forms.
fn is_full_stop(c: char) -> bool {
    matches!(c, '.' | '․' | '﹒' | '．')
}

/// Terminals other than the full stop.
fn is_other_terminal(c: char) -> bool {
    matches!(
        c,
        '!' | '?'
            | '…'
            | '‼'
            | '‽'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '։'
    )
}

/// Whether `c` may end a sentence.
pub fn is_terminal(c: char) -> bool {
    is_full_stop(c) || is_other_terminal(c)
}

/// Closing quotation marks and brackets (and the quotation marks that may close).
fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '«'
            | '’'
            | '‘'
            | '”'
            | '“'
            | '„'
            | '‟'
            | '‹'
            | '›'
            | '」'
            | '』'
            | '）'
            | '］'
    )
}

/// Punctuation after a terminal that continues the sentence (`"No!", he said`).
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ':'
            | ';'
            | '-'
            | '–'
            | '—'
            | '、'
            | '，'
            | '：'
            | '；'
            | '－'
            | '﹐'
            | '﹑'
            | '﹕'
            | '﹔'
    )
}

/// Whether the word ending at byte `end` of `text`, just before a full stop, is an
/// abbreviation whose stop ends no sentence: a listed one, capitalised (`Mr`, `Gen`,
/// `Jan`), or an
/// initial — a single capital after another initial (`C.F.`), after a capitalised word
/// (`George W. Bush`) or opening the text or a bracket (`(B. Demple`). A single capital
/// after a lower-case word or a number ends a sentence (`cyclin B.`, `1.0 M.`).
pub fn is_abbreviation(text: &str, end: usize, lang: Language) -> bool {
    let word = word_before(text, end);
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if first.is_uppercase() && chars.next().is_none() {
        let before = &text[..end - word.len()];
        return match before.chars().next_back() {
            None => true,
            Some('.') => true,
            Some(c) if "([{\"“‘«".contains(c) => true,
            Some(c) if c.is_whitespace() => {
                let previous = word_before(before, before.trim_end().len());
                previous.chars().next().is_some_and(char::is_uppercase)
            }
            Some(_) => false,
        };
    }
    // Listed abbreviations are written capitalised (`Ms.`, not the `ms.` of a unit);
    // the longest is short, so a longer word is none.
    let mut lower = [0u8; 8];
    if !first.is_ascii_uppercase() || word.len() > lower.len() || !word.is_ascii() {
        return false;
    }
    for (slot, byte) in lower.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    std::str::from_utf8(&lower[..word.len()])
        .is_ok_and(|lower| lexicon(lang).has(lower, Class::Abbreviation))
}

/// The word (letters and digits) ending at byte `end` of `text`.
fn word_before(text: &str, end: usize) -> &str {
    let before = &text[..end];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(end, |(i, _)| i);
    &before[start..]
}

/// For the terminal at byte `at` of `text`: where its run (more terminals, closing
/// marks, spaces) ends, and whether a sentence ends there.
pub fn terminal_run(text: &str, at: usize, lang: Language) -> (usize, bool) {
    let Some(terminal) = text[at..].chars().next() else {
        return (at, false);
    };
    let mut i = at + terminal.len_utf8();
    let full_stop = is_full_stop(terminal);
    // `U.S`, `example.com`, `1.6`, `P <.001`: a letter after the stop with a letter or
    // digit before it, or a digit after it, and no space between.
    let after = text[i..].chars().next();
    let before = text[..at].chars().next_back();
    if full_stop
        && after.is_some_and(|c| {
            c.is_numeric() || (c.is_alphabetic() && before.is_some_and(char::is_alphabetic))
        })
    {
        return (i, false);
    }
    if full_stop && is_abbreviation(text, at, lang) {
        return (i, false);
    }
    let mut closed = false;
    for c in text[i..].chars() {
        if is_close(c) && !closed {
            i += c.len_utf8();
        } else if c.is_whitespace() && !is_line_break(c) {
            closed = true;
            i += c.len_utf8();
        } else {
            break;
        }
    }
    let Some(next) = text[i..].chars().next() else {
        return (i, true);
    };
    if is_line_break(next) {
        // The break belongs to the sentence it ends (`\r\n` as one).
        let breaks = if text[i..].starts_with("\r\n") {
            2
        } else {
            next.len_utf8()
        };
        return (i + breaks, true);
    }
    if is_continuation(next) || is_terminal(next) {
        return (i, false);
    }
    if full_stop {
        // `e.g. the`, `ends. (see below) the`: a lower-case word after the stop, past
        // anything that is not a letter, continues the sentence.
        for c in text[i..].chars() {
            if c.is_lowercase() {
                return (i, false);
            }
            if c.is_alphabetic() || is_line_break(c) || is_terminal(c) {
                break;
            }
        }
    }
    (i, true)
}

/// The sentences of `text` as byte ranges that tile it: each from its first character
/// (after the last one's trailing spaces) to the next one's.
pub fn sentences(text: &str, lang: Language) -> Vec<Range<usize>> {
    let mut bounds = vec![0];
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let end = if is_line_break(c) {
            // `\r\n` is one break.
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
                at + 2
            } else {
                at + c.len_utf8()
            }
        } else if is_terminal(c) {
            let (end, breaks) = terminal_run(text, at, lang);
            while chars.peek().is_some_and(|&(i, _)| i < end) {
                chars.next();
            }
            if !breaks {
                continue;
            }
            end
        } else {
            continue;
        };
        if end < text.len() && bounds.last() != Some(&end) {
            bounds.push(end);
        }
    }
    let mut ranges: Vec<Range<usize>> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
    if !text.is_empty() {
        ranges.push(bounds[bounds.len() - 1]..text.len());
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, Language::English)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentences_end_after_terminals_closers_and_spaces() {
        assert_eq!(
            split("He left. Then she came."),
            ["He left. ", "Then she came."]
        );
        assert_eq!(split("done.\" “We go"), ["done.\" ", "“We go"]);
        assert_eq!(split("Why?! No."), ["Why?! ", "No."]);
        assert_eq!(split("He left… Then"), ["He left… ", "Then"]);
        assert_eq!(split("a.\nb\n\nc"), ["a.\n", "b\n", "\n", "c"]);
    }

    #[test]
    fn abbreviations_initials_numbers_and_lower_case_continue() {
        assert_eq!(
            split("Mr. Kim met Gen. Ryder in the U.S. Treasury."),
            ["Mr. Kim met Gen. Ryder in the U.S. Treasury."]
        );
        assert_eq!(
            split("It rose 1.6 per cent, e.g. the rest."),
            ["It rose 1.6 per cent, e.g. the rest."]
        );
        assert_eq!(
            split("\"No!\", he said. — said Kim"),
            ["\"No!\", he said. — said Kim"]
        );
        assert_eq!(split("ends. 5 people"), ["ends. 5 people"]);
    }

    proptest! {
        #[test]
        fn sentences_tile_the_text(text in "(\\PC{0,20}[.!?…\n \"”]{0,3}){0,20}") {
            let ranges = sentences(&text, Language::English);
            let mut at = 0;
            for range in &ranges {
                prop_assert_eq!(range.start, at);
                prop_assert!(range.start < range.end);
                prop_assert!(text.is_char_boundary(range.end));
                at = range.end;
            }
            prop_assert_eq!(at, text.len());
        }
    }
}
