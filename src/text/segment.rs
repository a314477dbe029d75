//! The one segmenter: text → tokens, each with its byte range (on char boundaries),
//! its kind, what separates it from the token before, its capitalisation, whether it
//! starts a sentence ([`super::sentence`]'s rule) and its quotation depth.
//!
//! Tokens are the finest units any reader uses: a run of letters and digits (with the
//! combining marks and joiners inside it), one ideograph, or a currency or percent sign.
//! Readers that want longer words rebuild them from tokens joined by one character
//! ([`Gap::Joiner`]): the entity rules take `Yong-hyun` and `U.S` whole, the quote
//! aligner joins `don't` and `1.6`, the index keeps the pieces.
//!
//! The rules look only at neighbouring characters, so a token's text read again alone
//! gives the same token, and a segmenter can start at any token's start inside a text
//! ([`segment_from`]) and give the tokens it would have given there.

use std::ops::Range;

use super::Language;
use super::chars::{
    is_currency, is_ideograph, is_ignorable, is_in_word_mark, is_joiner, is_line_break, is_percent,
    is_word_char,
};
use super::fold::push_folded;
use super::sentence::{is_terminal, terminal_run};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Letters (and digits after them): `Kim`, `hyun`, `COVID19`.
    Word,
    /// Digits first: `2024`, `5bn`, `1980s`; a decimal or thousands separator ends it
    /// (`1.6` is `1`, `.`, `6`, and a reader joins them: [`super::number`]).
    Number,
    /// One Han ideograph or kana.
    Ideograph,
    /// A currency mark: `£ $ € ¥ ₩ ₽ ₴` and the rest of Unicode's currency signs.
    Currency,
    /// `%`.
    Percent,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// No token before it.
    Start,
    /// Nothing: ideographs side by side, `10` `%`, `$` `5`.
    None,
    /// One joining character ([`super::chars::is_joiner`]): `Yong-hyun`, `don't`,
    /// `U.S`, `1.6`, `AT&T`.
    Joiner(char),
    /// Spaces and tabs.
    Space,
    /// Spaces with one line break.
    Line,
    /// Two line breaks or more, whatever else: a paragraph break.
    Paragraph,
    /// Punctuation or symbols, with or without spaces and one line break.
    Other,
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset where it starts (a char boundary).
    pub start: usize,
    /// Byte offset where it ends, exclusive (a char boundary).
    pub end: usize,
    /// Word, number, ideograph, currency or percent.
    pub kind: Kind,
    /// What stands between the token before and this one (`text[gap_start..start]`).
    pub gap: Gap,
    /// Where that gap starts: the end of the token before (or where segmenting began).
    pub gap_start: usize,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Its text is its own key: lower-case ASCII letters and digits only (most words),
    /// so a reader can use the text without folding it.
    pub plain: bool,
    /// The first token of a sentence (the text's first token included; after a line
    /// break only, from a [`Segmenter::lean`] one).
    pub sentence_start: bool,
    /// How many quotations are open around it (double marks, and single ones opened by
    /// `‘`), reset at each paragraph; 0 where segmenting began mid-text, and from a
    /// [`Segmenter::lean`] one.
    pub depth: u8,
}

impl Token {
    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The token as written in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// A word, number or ideograph: a token the index holds and readers compare.
    pub fn is_piece(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number | Kind::Ideograph)
    }
}

/// Appends the folded key of a token's text (letters, digits and ideographs folded, the
/// marks inside it dropped) to `out`.
#[inline]
pub fn push_key(out: &mut String, token_text: &str) {
    if token_text.is_ascii() {
        let from = out.len();
        out.push_str(token_text);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in token_text.chars() {
        if c.is_alphanumeric() || is_ideograph(c) {
            push_folded(out, c);
        }
    }
}

/// The tokens of `text`, in order.
pub fn segment(text: &str, lang: Language) -> Segmenter<'_> {
    Segmenter {
        text,
        lang,
        pos: 0,
        gap_start: 0,
        has_previous: false,
        sentence: true,
        quotes: Quotes::default(),
        lean: false,
    }
}

/// The tokens of `text` from byte `at` on, which must start a token (or lie in the
/// spaces before one): the same tokens [`segment`] gives there, the first one's gap
/// measured from the token before `at` (quotation depth counted from 0).
pub fn segment_from(text: &str, at: usize, lang: Language) -> Segmenter<'_> {
    let gap_start = previous_token_end(&text[..at]);
    Segmenter {
        text,
        lang,
        pos: gap_start,
        gap_start,
        has_previous: gap_start > 0,
        sentence: gap_start == 0,
        quotes: Quotes::default(),
        lean: false,
    }
}

/// Where the last token of `before` ends (0 when it has none): marks inside a word
/// (combining accents) end it after them, marks anywhere else are gap.
fn previous_token_end(before: &str) -> usize {
    let mut marks_from = None;
    for (i, c) in before.char_indices().rev() {
        if is_word_char(c) {
            return marks_from.unwrap_or(i + c.len_utf8());
        }
        if is_token_char(c) {
            return i + c.len_utf8();
        }
        if is_ignorable(c) {
            // Trailing ignorables are gap; ignorables between marks are part of the word.
        } else if is_in_word_mark(c) {
            marks_from.get_or_insert(i + c.len_utf8());
        } else {
            marks_from = None;
        }
    }
    0
}

/// Whether `c` belongs to some token (the end of a token before a gap).
fn is_token_char(c: char) -> bool {
    is_word_char(c) || is_ideograph(c) || is_currency(c) || is_percent(c)
}

/// Open quotations, innermost last.
#[derive(Debug, Default, Clone, Copy)]
struct Quotes {
    /// One bit per open quotation, 1 for a single mark, innermost lowest.
    singles: u32,
    depth: u8,
}

impl Quotes {
    fn open(&mut self, single: bool) {
        if self.depth < 31 {
            self.singles = self.singles << 1 | u32::from(single);
            self.depth += 1;
        }
    }

    fn close(&mut self, single: bool) {
        if self.depth > 0 && (self.singles & 1 == 1) == single {
            self.singles >>= 1;
            self.depth -= 1;
        }
    }

    fn innermost_is_double(&self) -> bool {
        self.depth > 0 && self.singles & 1 == 0
    }
}

/// The iterator [`segment`] and [`segment_from`] return.
#[derive(Debug, Clone)]
pub struct Segmenter<'t> {
    text: &'t str,
    lang: Language,
    pos: usize,
    gap_start: usize,
    has_previous: bool,
    /// A sentence boundary lies between the previous token and `pos`.
    sentence: bool,
    quotes: Quotes,
    /// Sentence ends after terminals and quotation depth are not looked for.
    lean: bool,
}

impl Segmenter<'_> {
    /// The same tokens without sentence starts after terminals (a line break still
    /// starts one) or quotation depths, for readers that use neither (the index's
    /// analyzer, the entity rules' words), which it saves the looking for.
    pub fn lean(mut self) -> Self {
        self.lean = true;
        self
    }

    /// Where the next token's search starts.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The token of `kind` over `start..end`, with the gap before it.
    #[inline]
    fn token(&mut self, start: usize, end: usize, kind: Kind, cap: bool, gap: GapScan) -> Token {
        self.token_of(start, end, kind, cap, false, gap)
    }

    /// [`Self::token`], saying whether the text is its own key.
    #[inline(always)]
    fn token_of(
        &mut self,
        start: usize,
        end: usize,
        kind: Kind,
        cap: bool,
        plain: bool,
        gap: GapScan,
    ) -> Token {
        let gap_kind = if !self.has_previous {
            Gap::Start
        } else if start == self.gap_start {
            Gap::None
        } else if gap.lines >= 2 {
            Gap::Paragraph
        } else if gap.blank {
            if gap.lines == 1 {
                Gap::Line
            } else {
                Gap::Space
            }
        } else {
            let mut chars = self.text[self.gap_start..start]
                .chars()
                .filter(|&c| !is_ignorable(c));
            match (chars.next(), chars.next()) {
                (Some(c), None) if is_joiner(c) => Gap::Joiner(c),
                _ => Gap::Other,
            }
        };
        let token = Token {
            start,
            end,
            kind,
            gap: gap_kind,
            gap_start: self.gap_start,
            cap,
            plain,
            sentence_start: self.sentence,
            depth: self.quotes.depth,
        };
        self.pos = end;
        self.gap_start = end;
        self.has_previous = true;
        self.sentence = false;
        token
    }

    /// A quotation mark at `at`, between `prev` and `next`.
    fn quote_mark(&mut self, c: char, prev: Option<char>, next: Option<char>) {
        let open_position = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
        match c {
            '“' | '«' | '„' => self.quotes.open(false),
            '”' | '»' => self.quotes.close(false),
            '"' if open_position && !self.quotes.innermost_is_double() => self.quotes.open(false),
            '"' => self.quotes.close(false),
            '‘' if open_position => self.quotes.open(true),
            '’' | '\'' if !open_position && !next.is_some_and(is_word_char) => {
                self.quotes.close(true)
            }
            '\'' if open_position => self.quotes.open(true),
            _ => {}
        }
    }
}

/// What the scan of a gap found.
#[derive(Debug, Clone, Copy)]
struct GapScan {
    lines: u32,
    /// Only whitespace.
    blank: bool,
}

impl Iterator for Segmenter<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut gap = GapScan {
            lines: 0,
            blank: true,
        };
        let mut i = self.pos;
        // Most words follow one space.
        if self.has_previous
            && bytes.get(i) == Some(&b' ')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            return Some(self.piece(i + 1, gap));
        }
        while i < bytes.len() {
            let b = bytes[i];
            // Most text is ASCII letters, spaces and punctuation: those first, cheaply.
            if b < 0x80 {
                match b {
                    b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => return Some(self.piece(i, gap)),
                    b' ' | b'\t' | 0x0B | 0x0C => {}
                    b'\n' | b'\r' => {
                        self.line_break(b == b'\r' && bytes.get(i + 1) == Some(&b'\n'), &mut gap)
                    }
                    b'$' => return Some(self.token(i, i + 1, Kind::Currency, false, gap)),
                    b'%' => return Some(self.token(i, i + 1, Kind::Percent, false, gap)),
                    _ => {
                        gap.blank = false;
                        if !self.lean && matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'') {
                            self.mark(i, char::from(b));
                        }
                    }
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next()?;
            let len = c.len_utf8();
            if is_word_char(c) {
                return Some(self.piece(i, gap));
            }
            if is_ideograph(c) {
                return Some(self.token(i, i + len, Kind::Ideograph, false, gap));
            }
            if is_currency(c) {
                return Some(self.token(i, i + len, Kind::Currency, false, gap));
            }
            if is_percent(c) {
                return Some(self.token(i, i + len, Kind::Percent, false, gap));
            }
            if is_ignorable(c) {
                // Invisible: the gap stays what the visible characters make it.
            } else if c.is_whitespace() {
                if is_line_break(c) {
                    self.line_break(false, &mut gap);
                }
            } else {
                gap.blank = false;
                if !self.lean {
                    self.mark(i, c);
                }
            }
            i += len;
        }
        self.pos = bytes.len();
        None
    }
}

impl Segmenter<'_> {
    /// A line break in the gap (`\r\n` counted once, at its `\n`): a sentence ends, and
    /// a paragraph at the second.
    #[inline]
    fn line_break(&mut self, carriage_return_before_newline: bool, gap: &mut GapScan) {
        if !carriage_return_before_newline {
            gap.lines += 1;
        }
        self.sentence = true;
        if gap.lines >= 2 {
            self.quotes = Quotes::default();
        }
    }

    /// A punctuation mark at byte `at` of the gap: a terminal may end a sentence, a
    /// quotation mark open or close a quotation.
    fn mark(&mut self, at: usize, c: char) {
        let text = self.text;
        if is_terminal(c) {
            if terminal_run(text, at, self.lang).1 {
                self.sentence = true;
            }
        } else if matches!(c, '"' | '\'' | '“' | '”' | '«' | '»' | '„' | '‘' | '’') {
            let prev = text[..at].chars().next_back();
            let next = text[at + c.len_utf8()..].chars().next();
            self.quote_mark(c, prev, next);
        }
    }

    /// The run of letters and digits starting at `start`.
    #[inline(always)]
    fn piece(&mut self, start: usize, gap: GapScan) -> Token {
        let text = self.text;
        let bytes = text.as_bytes();
        let (kind, cap, mut end) = match bytes[start] {
            b @ 0..0x80 => {
                let kind = if b.is_ascii_digit() {
                    Kind::Number
                } else {
                    Kind::Word
                };
                (kind, b.is_ascii_uppercase(), start + 1)
            }
            _ => {
                let first = text[start..].chars().next().unwrap_or(' ');
                let kind = if first.is_numeric() {
                    Kind::Number
                } else {
                    Kind::Word
                };
                (kind, first.is_uppercase(), start + first.len_utf8())
            }
        };
        // The bits of every byte's class: a word byte, and whether it is no plain one.
        let mut classes = ASCII_CLASS[usize::from(bytes[start])];
        while end < bytes.len() {
            let class = ASCII_CLASS[usize::from(bytes[end])];
            if class & WORD_BYTE != 0 {
                classes |= class;
                end += 1;
                continue;
            }
            if bytes[end] < 0x80 {
                break;
            }
            let Some(c) = text[end..].chars().next() else {
                break;
            };
            if is_word_char(c) || is_in_word_mark(c) {
                classes |= NOT_PLAIN;
                end += c.len_utf8();
            } else {
                break;
            }
        }
        // Ignorables after the last letter or mark are the gap's, not the word's.
        while bytes[end - 1] >= 0x80
            && let Some(last) = text[start..end].chars().next_back()
            && is_ignorable(last)
        {
            end -= last.len_utf8();
        }
        self.token_of(start, end, kind, cap, classes & NOT_PLAIN == 0, gap)
    }
}

/// [`ASCII_CLASS`] bit: an ASCII letter or digit.
const WORD_BYTE: u8 = 1;
/// [`ASCII_CLASS`] bit: a byte that is not a lower-case ASCII letter or digit.
const NOT_PLAIN: u8 = 2;

/// The class of each byte: [`WORD_BYTE`] for ASCII letters and digits, [`NOT_PLAIN`]
/// for every byte but lower-case letters and digits.
const ASCII_CLASS: [u8; 256] = {
    let mut table = [NOT_PLAIN; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            table[b] = WORD_BYTE;
        } else if byte.is_ascii_uppercase() {
            table[b] = WORD_BYTE | NOT_PLAIN;
        }
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EN: Language = Language::English;

    fn texts(text: &str) -> Vec<&str> {
        segment(text, EN).map(|t| t.text(text)).collect()
    }

    fn gaps(text: &str) -> Vec<(&str, Gap)> {
        segment(text, EN).map(|t| (t.text(text), t.gap)).collect()
    }

    #[test]
    fn pieces_symbols_and_ideographs() {
        assert_eq!(
            texts("Kim Yong-hyun's $1,400 (10%) 朝鮮軍 Cafe\u{301}s co\u{AD}op 5bn"),
            [
                "Kim",
                "Yong",
                "hyun",
                "s",
                "$",
                "1",
                "400",
                "10",
                "%",
                "朝",
                "鮮",
                "軍",
                "Cafe\u{301}s",
                "co\u{AD}op",
                "5bn"
            ]
        );
        let kinds: Vec<Kind> = segment("£5 is 10% of €3bn", EN).map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Currency,
                Kind::Number,
                Kind::Word,
                Kind::Number,
                Kind::Percent,
                Kind::Word,
                Kind::Currency,
                Kind::Number
            ]
        );
    }

    #[test]
    fn gaps_say_what_separates_tokens() {
        assert_eq!(
            gaps("U.S. Yong-hyun don’t\nx\n\ny, z 10%"),
            [
                ("U", Gap::Start),
                ("S", Gap::Joiner('.')),
                ("Yong", Gap::Other),
                ("hyun", Gap::Joiner('-')),
                ("don", Gap::Space),
                ("t", Gap::Joiner('’')),
                ("x", Gap::Line),
                ("y", Gap::Paragraph),
                ("z", Gap::Other),
                ("10", Gap::Space),
                ("%", Gap::None),
            ]
        );
    }

    #[test]
    fn sentence_starts_caps_and_quotation_depth() {
        let text = "Mr. Kim said: “We assess ‘likely’ losses.” Then Lee\nspoke.";
        let flags: Vec<(&str, bool, bool, u8)> = segment(text, EN)
            .map(|t| (t.text(text), t.sentence_start, t.cap, t.depth))
            .collect();
        assert_eq!(
            flags,
            [
                ("Mr", true, true, 0),
                ("Kim", false, true, 0),
                ("said", false, false, 0),
                ("We", false, true, 1),
                ("assess", false, false, 1),
                ("likely", false, false, 2),
                ("losses", false, false, 1),
                ("Then", true, true, 0),
                ("Lee", false, true, 0),
                ("spoke", true, false, 0),
            ]
        );
    }

    #[test]
    fn keys_fold_pieces() {
        let mut key = String::new();
        push_key(&mut key, "Cafe\u{301}");
        push_key(&mut key, "-Straße");
        assert_eq!(key, "cafestrasse");
    }

    proptest! {
        #[test]
        fn tokens_cover_the_text_in_order(text in "\\PC{0,200}") {
            let mut previous_end = 0;
            for token in segment(&text, EN) {
                prop_assert_eq!(token.gap_start, previous_end);
                prop_assert!(token.start < token.end && token.end <= text.len());
                prop_assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
                // The gap holds no token character.
                prop_assert!(!text[token.gap_start..token.start].chars().any(is_token_char));
                previous_end = token.end;
            }
            prop_assert!(!text[previous_end..].chars().any(is_token_char));
        }

        #[test]
        fn a_token_read_alone_is_the_same_token(text in "\\PC{0,120}") {
            for token in segment(&text, EN) {
                let alone = token.text(&text);
                let again: Vec<Token> = segment(alone, EN).collect();
                prop_assert_eq!(again.len(), 1, "{:?}", alone);
                prop_assert_eq!(again[0].kind, token.kind);
                let (mut a, mut b) = (String::new(), String::new());
                push_key(&mut a, alone);
                push_key(&mut b, again[0].text(alone));
                prop_assert_eq!(&a, &b);
                if token.plain {
                    prop_assert_eq!(a.as_str(), alone, "a plain token is its own key");
                }
            }
        }

        #[test]
        fn segmenting_from_a_token_gives_the_same_tokens(text in "\\PC{0,160}", pick in 0usize..40) {
            let all: Vec<Token> = segment(&text, EN).collect();
            if let Some(from) = all.get(pick) {
                let rest: Vec<Token> = segment_from(&text, from.start, EN).collect();
                prop_assert_eq!(rest.len(), all.len() - pick);
                for (a, b) in rest.iter().zip(&all[pick..]) {
                    prop_assert_eq!((a.start, a.end, a.kind, a.gap, a.gap_start, a.cap), (b.start, b.end, b.kind, b.gap, b.gap_start, b.cap));
                }
            }
        }
    }
}
