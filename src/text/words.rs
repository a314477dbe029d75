//! Words as they are compared: tokens joined by an apostrophe (`don't`, `Putin’s`,
//! `O'Brien`) or by the separator of a number (`1.6`, `648,000`, `1.5bn`) are one word;
//! hyphens, dots between letters and every other mark separate words (`Yong-hyun` is
//! `yong`, `hyun`, like `Yong hyun`; `U.S.` is `u`, `s`). Currency and percent signs
//! are no words. Each word has a key: its tokens' keys ([`super::segment::push_key`])
//! with the apostrophes and a possessive `'s` dropped and a number's separators kept.
//!
//! The quote aligner compares words by these keys (stemmed); the query side will read
//! apostrophes the same way (possessives folded).

use std::ops::Range;

use super::Language;
use super::chars::{is_apostrophe, joins_number};
use super::segment::{Gap, Kind, Token, push_key, segment};

/// `Putin's`, `Koreaʼs`, `Reuters’` → the word without its possessive ending.
pub fn strip_possessive(word: &str) -> &str {
    // A plural's or a name's possessive written with the apostrophe alone ("Atticus'").
    if let Some(stem) = word.strip_suffix(['\'', '’'])
        && stem.ends_with(['s', 'S'])
    {
        return stem;
    }
    if !word.ends_with(['s', 'S']) {
        return word;
    }
    for ending in ["'s", "’s", "ʼs", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(ending) {
            return stem;
        }
    }
    word
}

/// One word of a text, handed to the caller of [`for_each_word`].
#[derive(Debug, Clone)]
pub struct Word<'k> {
    /// Where the word stands: a byte range on char boundaries.
    pub range: Range<usize>,
    /// Word, number or ideograph (the kind of its first token).
    pub kind: Kind,
    /// The word folded: lower case, accents folded, apostrophes and a possessive `'s`
    /// dropped. Never empty.
    pub key: &'k str,
    /// Where the space before it starts: the end of the word before (0 for the first).
    pub gap_start: usize,
    /// Its first token: capitalisation, sentence start, quotation depth.
    pub first: Token,
}

/// A word being built.
struct Building {
    start: usize,
    end: usize,
    kind: Kind,
    first: Token,
    /// The key's length where the text after the last apostrophe starts, to tell a
    /// possessive `'s` from `don't`.
    after_apostrophe: Option<usize>,
}

/// Calls `emit` with each word of `text`, in order. The key is built in a buffer shared
/// by all words, so a caller that only reads keys allocates nothing.
pub fn for_each_word(text: &str, lang: Language, mut emit: impl FnMut(&Word<'_>)) {
    let mut key = String::new();
    let mut word: Option<Building> = None;
    let mut gap_start = 0;
    let mut finish = |word: &mut Option<Building>, key: &mut String, gap_start: &mut usize| {
        if let Some(w) = word.take() {
            if let Some(at) = w.after_apostrophe
                && at > 0
                && key.get(at..) == Some("s")
            {
                key.truncate(at);
            }
            // A word of combining marks alone folds to nothing: no word.
            if !key.is_empty() {
                emit(&Word {
                    range: w.start..w.end,
                    kind: w.kind,
                    key,
                    gap_start: *gap_start,
                    first: w.first,
                });
                *gap_start = w.end;
            }
        }
        key.clear();
    };
    for token in segment(text, lang) {
        if !token.is_piece() {
            finish(&mut word, &mut key, &mut gap_start);
            continue;
        }
        let piece = token.text(text);
        if let Some(w) = word.as_mut()
            && w.end == token.gap_start
            && token.kind != Kind::Ideograph
            && w.kind != Kind::Ideograph
            && let Gap::Joiner(c) = token.gap
        {
            if is_apostrophe(c) {
                w.after_apostrophe = Some(key.len());
                push_key(&mut key, piece);
                w.end = token.end;
                continue;
            }
            if joins_number(&text[w.start..w.end], c, piece) {
                key.push(c);
                push_key(&mut key, piece);
                w.end = token.end;
                continue;
            }
        }
        finish(&mut word, &mut key, &mut gap_start);
        push_key(&mut key, piece);
        word = Some(Building {
            start: token.start,
            end: token.end,
            kind: token.kind,
            first: token,
            after_apostrophe: None,
        });
    }
    finish(&mut word, &mut key, &mut gap_start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EN: Language = Language::English;

    fn keys(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, EN, |w| out.push(w.key.to_owned()));
        out
    }

    fn surfaces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_word(text, EN, |w| out.push(&text[w.range.clone()]));
        out
    }

    #[test]
    fn apostrophes_join_and_possessives_drop() {
        assert_eq!(
            keys("Putin's Putin’s Koreaʼs don't O'Brien"),
            ["putin", "putin", "korea", "dont", "obrien"]
        );
        assert_eq!(surfaces("Putin’s army"), ["Putin’s", "army"]);
        assert_eq!(keys("‘likely’ dying"), ["likely", "dying"]);
    }

    #[test]
    fn numbers_keep_their_separators_and_hyphens_split() {
        assert_eq!(
            keys("1.6 million, 648,000 and 1.5bn; U.S. full-scale $5 10%"),
            [
                "1.6", "million", "648,000", "and", "1.5bn", "u", "s", "full", "scale", "5", "10"
            ]
        );
    }

    proptest! {
        #[test]
        fn a_word_alone_has_its_own_key(text in "\\PC{0,120}") {
            let mut found = Vec::new();
            for_each_word(&text, EN, |w| found.push((w.range.clone(), w.key.to_owned())));
            for (range, key) in found {
                prop_assert!(!key.is_empty());
                prop_assert_eq!(keys(&text[range.clone()]), vec![key], "{:?}", &text[range]);
            }
        }
    }
}
