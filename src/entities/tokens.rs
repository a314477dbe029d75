//! Words with their byte offsets and the facts the entity rules need: capitalised or
//! not, first of its sentence or not, and whether only a space separates it from the
//! word before (so "Kim Yong-hyun" is one run but "Kim, Yong" is not). Only the words
//! near capitalised ones are kept.

/// One word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written (internal hyphens, apostrophes and dots kept: `Yong-hyun`,
    /// `O'Brien`, `U.S`).
    pub text: &'a str,
    /// The word with ASCII letters lower-cased and a trailing dot dropped (`Gen.` →
    /// `gen`), borrowed from the lower-cased copy of the whole text.
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
    /// Which of the rules' word lists hold `lower`, as bits (set by the rules).
    pub classes: u16,
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

pub(super) fn is_inner_char(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | 'ʼ' | '.' | '&')
}

/// Endings that make a compound an adjective ("Democrat-controlled", "Moscow-based",
/// "Kremlin-backed"): the name before them is a word of its own.
#[rustfmt::skip]
const ADJECTIVE_ENDINGS: &[&str] = &[
    "-based", "-led", "-backed", "-controlled", "-owned", "-born", "-run", "-style", "-era",
    "-speaking", "-made", "-funded", "-linked", "-allied", "-friendly", "-bound", "-wide",
    "-held", "-occupied", "-registered", "-listed", "-flagged", "-brokered", "-sponsored",
];

/// Whether `ending` (a word's last hyphen and what follows) makes it an adjective.
fn is_compound_adjective(ending: &str) -> bool {
    ADJECTIVE_ENDINGS.contains(&ending)
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

/// Splits `text` into words, keeping the capitalised ones and up to [`CONTEXT`]
/// lower-case words on each side of them: the entity rules look at nothing else, and
/// most of a text is lower-case words far from any name. A kept word is `joined` to the
/// kept word before it only when they are neighbours in the text. `lowered` is
/// `text.to_ascii_lowercase()` (same byte offsets), so lower-casing allocates nothing.
pub fn tokenize<'a>(text: &'a str, lowered: &'a str) -> Vec<Token<'a>> {
    let bytes = text.as_bytes();
    let char_at = |i: usize| -> (char, usize) {
        match bytes[i] {
            b if b < 0x80 => (b as char, 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((' ', 1), |c| (c, c.len_utf8())),
        }
    };
    let mut tokens: Vec<Token<'a>> = Vec::with_capacity(text.len() / 40 + 8);
    let mut last_kept: Option<usize> = None;
    let mut pending: [Option<Word>; CONTEXT] = [None; CONTEXT];
    let mut after_cap = 0;
    let keep = |word: Word, tokens: &mut Vec<Token<'a>>, last_kept: &mut Option<usize>| {
        let neighbour = last_kept.is_some_and(|last| last + 1 == word.index);
        tokens.push(Token {
            text: &text[word.start..word.end],
            // A word never ends in a dot (inner characters need a word character after).
            lower: &lowered[word.start..word.end],
            start: word.start,
            end: word.end,
            cap: word.cap,
            sentence_start: word.sentence_start,
            joined: word.joined && neighbour,
            classes: 0,
        });
        *last_kept = Some(word.index);
    };
    let mut gap_start = 0;
    let mut previous_start = 0;
    let mut index = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: ASCII that is not a letter or digit.
        if bytes[i] < 0x80 && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let (c, len) = char_at(i);
        if !is_word_char(c) {
            i += len;
            continue;
        }
        let start = i;
        let mut last_dash = None;
        i += len;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let (next, len) = char_at(i);
            if is_word_char(next) {
                i += len;
            } else if is_inner_char(next)
                && i + len < bytes.len()
                && is_word_char(char_at(i + len).0)
            {
                // Kept only between word characters ("Yong-hyun"), or as the dot of an
                // initialism ("U.S").
                if next == '-' {
                    last_dash = Some(i);
                }
                i += len;
            } else {
                break;
            }
        }
        // A compound adjective ("Moscow-based", "Democrat-controlled") is its name
        // alone, kept apart from the next word.
        let end = match last_dash {
            Some(dash) if is_compound_adjective(&text[dash..i]) => dash,
            _ => i,
        };
        let gap = &text[gap_start..start];
        let previous = &text[previous_start..gap_start];
        gap_start = end;
        previous_start = start;
        // Most words follow a single space: nothing to look at.
        let (sentence_start, joined) = if gap == " " && index > 0 {
            (false, true)
        } else {
            let mut newlines = 0;
            let mut spaces_only = true;
            for &b in gap.as_bytes() {
                newlines += usize::from(b == b'\n');
                spaces_only &= b.is_ascii_whitespace();
            }
            let previous_mark = gap.trim_end().chars().next_back();
            // The dot of an initial or initialism before a capitalised word ("W.R.
            // Grace", "U.S. Treasury") most often ends no sentence.
            let after_initial = gap == ". " && c.is_uppercase() && is_initialism(previous);
            let sentence_start = !after_initial
                && (index == 0
                    || newlines >= 2
                    || matches!(
                        previous_mark,
                        Some('.' | '!' | '?' | ':' | ';' | '"' | '“' | '‘' | '(' | '[' | '—' | '–')
                    ));
            let joined = index > 0 && (after_initial || (spaces_only && newlines <= 1));
            (sentence_start, joined)
        };
        let word = Word {
            start,
            end,
            index,
            sentence_start,
            joined,
            cap: c.is_uppercase(),
        };
        index += 1;
        if word.cap {
            for slot in &mut pending {
                if let Some(before) = slot.take() {
                    keep(before, &mut tokens, &mut last_kept);
                }
            }
            keep(word, &mut tokens, &mut last_kept);
            after_cap = CONTEXT;
        } else if after_cap > 0 {
            keep(word, &mut tokens, &mut last_kept);
            after_cap -= 1;
        } else {
            // Remember the last CONTEXT lower-case words, in order.
            pending.rotate_left(1);
            pending[CONTEXT - 1] = Some(word);
            // Far from any capital, jump to the words just before the next one.
            if let Some(resume) = skip_to_capital(text, i) {
                i = resume.context_start;
                gap_start = resume.previous.end;
                previous_start = resume.previous.start;
                pending = [None; CONTEXT];
                // The words jumped over break the chain of neighbours.
                index += 1;
            }
        }
    }
    tokens
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
            Some(c) if is_word_char(c) => at -= c.len_utf8(),
            Some(c) if is_inner_char(c) && back.next().is_some_and(is_word_char) => {
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
        if is_word_char(c) {
            break;
        }
        end -= c.len_utf8();
    }
    Some(word_start(text, floor, end)..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let lowered = text.to_ascii_lowercase();
        tokenize(text, &lowered)
            .iter()
            .map(|t| t.text.to_owned())
            .collect()
    }

    #[test]
    fn names_keep_their_hyphens_and_initialisms_their_dots() {
        assert_eq!(
            words("Kim Yong-hyun, the U.S. envoy's aide."),
            ["Kim", "Yong-hyun", "the", "U.S", "envoy's", "aide"]
        );
    }

    #[test]
    fn compound_adjectives_keep_only_their_name() {
        let text = "the Democrat-controlled U.S. Congress and San Francisco-based Balco";
        let lowered = text.to_ascii_lowercase();
        let flags: Vec<(&str, bool)> = tokenize(text, &lowered)
            .iter()
            .map(|t| (t.text, t.joined))
            .collect();
        assert_eq!(
            flags,
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
        let text = "W.R. Grace and the U.S. Treasury. Then Lee";
        let lowered = text.to_ascii_lowercase();
        let flags: Vec<(&str, bool, bool)> = tokenize(text, &lowered)
            .iter()
            .map(|t| (t.text, t.sentence_start, t.joined))
            .collect();
        assert_eq!(
            flags,
            [
                ("W.R", true, false),
                ("Grace", false, true),
                ("and", false, true),
                ("the", false, true),
                ("U.S", false, true),
                ("Treasury", false, true),
                ("Then", true, false),
                ("Lee", false, true),
            ]
        );
    }

    #[test]
    fn runs_break_at_punctuation_and_sentences_start_after_stops() {
        let text = "He met Kim. Then Lee, Park and \"Shin\"";
        let lowered = text.to_ascii_lowercase();
        let tokens = tokenize(text, &lowered);
        let flags: Vec<(&str, bool, bool)> = tokens
            .iter()
            .map(|t| (t.text, t.sentence_start, t.joined))
            .collect();
        assert_eq!(
            flags,
            [
                ("He", true, false),
                ("met", false, true),
                ("Kim", false, true),
                ("Then", true, false),
                ("Lee", false, true),
                ("Park", false, false),
                ("and", false, true),
                ("Shin", true, false),
            ]
        );
    }
}
