//! The words the entity rules read, built on the text layer's tokens: tokens joined by
//! a hyphen, an apostrophe, a dot or `&` with no space are one word (`Kim Yong-hyun`,
//! `O'Brien`, `U.S`, `AT&T`), a compound adjective keeps only its name (`Moscow-based`
//! → `Moscow`). Each word knows whether it is capitalised, whether it opens a clause
//! (where a capital says nothing: after a full stop, a colon, an opening quotation mark
//! or bracket, a dash, a blank line), and whether only a space (and at most one line
//! break) separates it from the word before, so "Kim Yong-hyun" is one run but "Kim,
//! Yong" is not. Only the words near capitalised ones are kept.

use std::iter::Peekable;

use crate::text::chars::{is_ideograph, is_in_word_mark, is_word_char};
use crate::text::lexicon::{Class, Classes, lexicon};
use crate::text::{Gap, Language, Segmenter, Token as TextToken, segment, segment_from};

/// One word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written (internal hyphens, apostrophes and dots kept: `Yong-hyun`,
    /// `O'Brien`, `U.S`).
    pub text: &'a str,
    /// The word with ASCII letters lower-cased, borrowed from the lower-cased copy of
    /// the whole text.
    pub lower: &'a str,
    /// Byte offset in the text.
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// The first word of a sentence, a paragraph, or a quotation.
    pub sentence_start: bool,
    /// Only spaces (and at most one line break) separate it from the previous word.
    pub joined: bool,
    /// Which of the lexicon's lists hold `lower`.
    pub classes: Classes,
}

/// Characters that join tokens into one word of the rules.
fn joins(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | 'ʼ' | '.' | '&')
}

/// Characters of a word when scanning back (letters, digits, ideographs, the marks
/// inside words).
fn is_part(c: char) -> bool {
    is_word_char(c) || is_ideograph(c) || is_in_word_mark(c)
}

/// "W", "U.S", "W.R": a capital letter, or capitals joined by dots.
fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        match c {
            '.' => {}
            c if c.is_uppercase() => letters += 1,
            _ => return false,
        }
    }
    letters == 1 || (letters <= 4 && word.contains('.'))
}

/// How many lower-case words to keep on each side of a capitalised word: enough for
/// "according to Kim", "Kim, head of", "Ministry of the Interior", "said Kim".
const CONTEXT: usize = 2;

/// A word found while scanning, before it is kept or dropped.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    index: usize,
    sentence_start: bool,
    joined: bool,
    cap: bool,
}

/// One word: the next token and those joined to it; its end, and where scanning goes
/// on (past a compound adjective's ending, which is no word).
fn next_word(
    tokens: &mut Peekable<Segmenter<'_>>,
    text: &str,
    lang: Language,
) -> Option<(TextToken, usize, usize)> {
    let first = loop {
        let token = tokens.next()?;
        if token.is_piece() {
            break token;
        }
    };
    let mut end = first.end;
    let mut last_dash = None;
    while let Some(next) = tokens.peek() {
        let joined = next.is_piece()
            && next.gap_start == end
            && match next.gap {
                Gap::None => true,
                Gap::Joiner(c) => joins(c),
                _ => false,
            };
        if !joined {
            break;
        }
        if next.gap == Gap::Joiner('-') {
            // Where the joiner's gap starts and the part after it (an ignorable
            // character may stand beside the hyphen).
            last_dash = Some((next.gap_start, next.start));
        }
        end = next.end;
        tokens.next();
    }
    // A compound adjective ("Moscow-based", "Democrat-controlled") is its name alone,
    // kept apart from the next word.
    let name_end = match last_dash {
        Some((dash, after)) if ending_is_adjective(&text[after..end], lang) => dash,
        _ => end,
    };
    Some((first, name_end, end))
}

/// Where each word of `name` ends, cut as [`words`] cuts them (a compound adjective
/// whole).
pub fn word_ends(name: &str, lang: Language) -> Vec<usize> {
    let mut tokens = segment(name, lang).lean().peekable();
    let mut ends = Vec::new();
    while let Some((_, _, end)) = next_word(&mut tokens, name, lang) {
        ends.push(end);
    }
    ends
}

/// Whether a compound's last part (after its last hyphen) makes it an adjective.
fn ending_is_adjective(ending: &str, lang: Language) -> bool {
    ending.len() <= 16
        && ending.is_ascii()
        && lexicon(lang).has(&ending.to_ascii_lowercase(), Class::AdjectiveEnding)
}

/// Splits `text` into words, keeping the capitalised ones and up to [`CONTEXT`]
/// lower-case words on each side of them: the entity rules look at nothing else, and
/// most of a text is lower-case words far from any name. A kept word is `joined` to the
/// kept word before it only when they are neighbours in the text. `lowered` is
/// `text.to_ascii_lowercase()` (same byte offsets), so lower-casing allocates nothing.
pub fn words<'a>(text: &'a str, lowered: &'a str, lang: Language) -> Vec<Token<'a>> {
    let lex = lexicon(lang);
    let mut found: Vec<Token<'a>> = Vec::with_capacity(text.len() / 40 + 8);
    let mut last_kept: Option<usize> = None;
    let mut pending: [Option<Word>; CONTEXT] = [None; CONTEXT];
    let mut after_cap = 0;
    let keep = |word: Word, found: &mut Vec<Token<'a>>, last_kept: &mut Option<usize>| {
        let neighbour = last_kept.is_some_and(|last| last + 1 == word.index);
        let lower = &lowered[word.start..word.end];
        found.push(Token {
            text: &text[word.start..word.end],
            lower,
            start: word.start,
            end: word.end,
            cap: word.cap,
            sentence_start: word.sentence_start,
            joined: word.joined && neighbour,
            classes: lex.classes(lower),
        });
        *last_kept = Some(word.index);
    };
    let mut tokens = segment(text, lang).lean().peekable();
    let mut gap_start = 0;
    let mut previous_start = 0;
    let mut index = 0;
    while let Some((first, end, scanned)) = next_word(&mut tokens, text, lang) {
        let start = first.start;
        let gap = &text[gap_start..start];
        let previous = &text[previous_start..gap_start];
        gap_start = end;
        previous_start = start;
        // Most words follow a single space: nothing to look at.
        let (sentence_start, joined) = if gap == " " && index > 0 {
            (false, true)
        } else {
            clause_flags(gap, previous, first.cap, index)
        };
        let word = Word {
            start,
            end,
            index,
            sentence_start,
            joined,
            cap: first.cap,
        };
        index += 1;
        if word.cap {
            for slot in &mut pending {
                if let Some(before) = slot.take() {
                    keep(before, &mut found, &mut last_kept);
                }
            }
            keep(word, &mut found, &mut last_kept);
            after_cap = CONTEXT;
        } else if after_cap > 0 {
            keep(word, &mut found, &mut last_kept);
            after_cap -= 1;
        } else {
            // Remember the last CONTEXT lower-case words, in order.
            for k in 1..CONTEXT {
                pending[k - 1] = pending[k].take();
            }
            pending[CONTEXT - 1] = Some(word);
            // Far from any capital, jump to the words just before the next one.
            if let Some(resume) = skip_to_capital(text, scanned) {
                tokens = segment_from(text, resume.context_start, lang)
                    .lean()
                    .peekable();
                gap_start = resume.previous.end;
                previous_start = resume.previous.start;
                pending = [None; CONTEXT];
                // The words jumped over break the chain of neighbours.
                index += 1;
            }
        }
    }
    found
}

/// Whether a word after `gap` (the text since the word before, `previous`) opens a
/// clause, and whether only spaces join it to the word before.
fn clause_flags(gap: &str, previous: &str, cap: bool, index: usize) -> (bool, bool) {
    let mut newlines = 0;
    let mut spaces_only = true;
    for &b in gap.as_bytes() {
        newlines += usize::from(b == b'\n');
        spaces_only &= b.is_ascii_whitespace();
    }
    let previous_mark = gap.trim_end().chars().next_back();
    // The dot of an initial or initialism before a capitalised word ("W.R. Grace",
    // "U.S. Treasury") most often ends no sentence.
    let after_initial = gap == ". " && cap && is_initialism(previous);
    let sentence_start = !after_initial
        && (index == 0
            || newlines >= 2
            || matches!(
                previous_mark,
                Some('.' | '!' | '?' | ':' | ';' | '"' | '“' | '‘' | '(' | '[' | '—' | '–')
            ));
    let joined = index > 0 && (after_initial || (spaces_only && newlines <= 1));
    (sentence_start, joined)
}

/// Where scanning resumes after a jump: the first of the [`CONTEXT`] words before a
/// capitalised word, and the word before those (whose end the gap is measured from).
struct Resume {
    context_start: usize,
    previous: std::ops::Range<usize>,
}

/// Jumps shorter than this are not worth the look back.
const MIN_JUMP: usize = 48;

/// Most of a news text is lower-case words far from any name, and the rules read none
/// of them: find the next capital letter after `from` and resume [`CONTEXT`] words
/// before its word. None when the jump would be short or would skip no word.
fn skip_to_capital(text: &str, from: usize) -> Option<Resume> {
    let bytes = text.as_bytes();
    let mut q = from;
    let capital = loop {
        let &b = bytes.get(q)?;
        if b.is_ascii_uppercase() {
            break q;
        }
        if b >= 0xC0 {
            // The first byte of a multi-byte character.
            let c = text[q..].chars().next()?;
            if c.is_uppercase() {
                break q;
            }
            q += c.len_utf8();
        } else {
            q += 1;
        }
    };
    if capital - from < MIN_JUMP {
        return None;
    }
    let mut start = word_start(text, from, capital);
    for _ in 0..CONTEXT {
        start = previous_word(text, from, start)?.start;
    }
    let previous = previous_word(text, from, start)?;
    Some(Resume {
        context_start: start,
        previous,
    })
}

/// The start of the word holding position `at` (which starts a character), looking
/// back no further than `floor`.
fn word_start(text: &str, floor: usize, mut at: usize) -> usize {
    loop {
        let mut back = text[floor..at].chars().rev();
        match back.next() {
            Some(c) if is_part(c) => at -= c.len_utf8(),
            Some(c) if joins(c) && back.next().is_some_and(is_part) => {
                at -= c.len_utf8();
            }
            _ => return at,
        }
    }
}

/// The word before the one starting at `start`, no further back than `floor`.
fn previous_word(text: &str, floor: usize, start: usize) -> Option<std::ops::Range<usize>> {
    let mut end = start;
    loop {
        let c = text[floor..end].chars().next_back()?;
        if is_word_char(c) || is_ideograph(c) {
            break;
        }
        end -= c.len_utf8();
    }
    Some(word_start(text, floor, end)..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::English;

    fn texts(text: &str) -> Vec<String> {
        let lowered = text.to_ascii_lowercase();
        words(text, &lowered, EN)
            .iter()
            .map(|t| t.text.to_owned())
            .collect()
    }

    /// Each word with its sentence-start and joined flags, against `expected`.
    fn assert_flags(text: &str, expected: &[(&str, bool, bool)]) {
        let lowered = text.to_ascii_lowercase();
        let found: Vec<(&str, bool, bool)> = words(text, &lowered, EN)
            .iter()
            .map(|t| (t.text, t.sentence_start, t.joined))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn names_keep_their_hyphens_and_initialisms_their_dots() {
        assert_eq!(
            texts("Kim Yong-hyun, the U.S. envoy's aide."),
            ["Kim", "Yong-hyun", "the", "U.S", "envoy's", "aide"]
        );
    }

    #[test]
    fn compound_adjectives_keep_only_their_name() {
        let text = "the Democrat-controlled U.S. Congress and San Francisco-based Balco";
        let lowered = text.to_ascii_lowercase();
        let found: Vec<(&str, bool)> = words(text, &lowered, EN)
            .iter()
            .map(|t| (t.text, t.joined))
            .collect();
        assert_eq!(
            found,
            [
                ("the", false),
                ("Democrat", true),
                ("U.S", false),
                ("Congress", true),
                ("and", true),
                ("San", true),
                ("Francisco", true),
                ("Balco", false),
            ]
        );
    }

    #[test]
    fn an_initial_s_dot_ends_no_sentence() {
        assert_flags(
            "W.R. Grace and the U.S. Treasury. Then Lee",
            &[
                ("W.R", true, false),
                ("Grace", false, true),
                ("and", false, true),
                ("the", false, true),
                ("U.S", false, true),
                ("Treasury", false, true),
                ("Then", true, false),
                ("Lee", false, true),
            ],
        );
    }

    #[test]
    fn runs_break_at_punctuation_and_sentences_start_after_stops() {
        assert_flags(
            "He met Kim. Then Lee, Park and \"Shin\"",
            &[
                ("He", true, false),
                ("met", false, true),
                ("Kim", false, true),
                ("Then", true, false),
                ("Lee", false, true),
                ("Park", false, false),
                ("and", false, true),
                ("Shin", true, false),
            ],
        );
    }

    #[test]
    fn far_from_capitals_only_the_context_is_kept() {
        let filler = "and then the talks went on for many more hours without any result at all ";
        let text = format!("Kim spoke {filler}{filler}until late when Lee arrived");
        assert_eq!(
            texts(&text),
            ["Kim", "spoke", "and", "late", "when", "Lee", "arrived"]
        );
    }
}
