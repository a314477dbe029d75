//! The words of a quote or a passage, as `search quote` compares them: the text layer's
//! words ([`crate::text::words`]) — each with its byte range in the text (for the diff
//! and highlighting) and a key folded so that spelling that doesn't change what was
//! said compares equal: case, accents, curly vs straight apostrophes, a possessive
//! `'s`, hyphens (`Yong-hyun` is `yong`, `hyun`, like `Yong hyun`), punctuation and
//! quotation marks (which are not words at all) — stemmed, and marked where a sentence
//! or a quotation breaks between two of them.
//!
//! A word is a run of letters and digits, holding apostrophes between letters
//! (`don't` → `dont`), the `.`/`,` of a number (`1.6`, `648,000`) and combining marks
//! and joiners; any other character ends it (`U.S.` → `u`, `s`), and each CJK
//! ideograph is a word. A word's text read again alone gives the same word, which the
//! diff relies on.
//!
//! A quote is read in its language and compared with passages of that language
//! ([`Reader`]): Ukrainian and Russian words by their stems, Korean words without their
//! particles (`북한군이` = `북한군은`), figures by value with each language's scale and
//! currency words (`5 млн`, `500만`).

use std::cell::RefCell;
use std::ops::Range;

use crate::text::number::figures;
use crate::text::{Language, WordKeys, for_each_word};

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word folded for comparison: lower case, accents folded, apostrophes and a
    /// possessive `'s` dropped, then stemmed. Never empty.
    pub key: String,
    /// Where the word stands in its text: a byte range on char boundaries.
    pub range: Range<usize>,
    /// Whether a sentence end (`.` `!` `?` `…`), a line break, a double quotation mark or
    /// an em dash stands between this word and the one before. The aligner won't stretch a match across one to show a
    /// substituted first or last word.
    pub after_break: bool,
    /// The language the word was read in: its stopwords, negations and figures.
    pub lang: Language,
}

/// Reads one language's texts into words keyed as that language compares them.
pub struct Reader {
    keys: RefCell<WordKeys>,
}

impl Reader {
    /// A reader of `lang`'s texts.
    pub fn new(lang: Language) -> Reader {
        Reader {
            keys: RefCell::new(WordKeys::new(lang)),
        }
    }

    /// The language it reads.
    pub fn lang(&self) -> Language {
        self.keys.borrow().language()
    }

    /// The words of `text`, in order.
    pub fn words(&self, text: &str) -> Vec<Word> {
        let lang = self.lang();
        read_words(text, lang, &|key| self.keys.borrow_mut().key(key))
    }
}

/// The words of `text` read as English, each key passed through `stem` (the project
/// passes the text layer's Snowball stemmer, so `officers` and `officer` are one word).
pub fn words(text: &str, stem: &dyn Fn(&str) -> String) -> Vec<Word> {
    read_words(text, Language::English, &|key| {
        let stemmed = stem(key);
        // A stemmer that eats a whole word would leave nothing to compare.
        if stemmed.is_empty() {
            key.to_owned()
        } else {
            stemmed
        }
    })
}

/// The words of `text` in `lang`, each folded word's key made by `key` (never empty).
fn read_words(text: &str, lang: Language, key: &dyn Fn(&str) -> String) -> Vec<Word> {
    // A word a dozen bytes or so, with its spaces and punctuation.
    let mut read: Vec<(Range<usize>, String)> = Vec::with_capacity(text.len() / 6);
    let mut gaps = Vec::with_capacity(text.len() / 6);
    for_each_word(text, lang, |word| {
        read.push((word.range.clone(), word.key.to_owned()));
        gaps.push(word.gap_start);
    });
    // A figure is one word keyed by its value, so `1.5bn` and `1.5 billion` are equal.
    let figures = figures(text, &read, lang);
    let mut figures = figures.into_iter().peekable();
    let mut found = Vec::with_capacity(read.len());
    let mut i = 0;
    while i < read.len() {
        let after_break = text
            .get(gaps[i]..read[i].0.start)
            .is_some_and(|gap| gap.chars().any(is_break));
        if let Some(figure) = figures.next_if(|f| f.words.start == i) {
            found.push(Word {
                key: figure.value.key(),
                range: figure.range,
                after_break,
                lang,
            });
            i = figure.words.end.max(i + 1);
            continue;
        }
        let (range, folded) = &read[i];
        found.push(Word {
            key: key(folded),
            range: range.clone(),
            after_break,
            lang,
        });
        i += 1;
    }
    found
}

/// Whether `word` is a function word that counts less when scoring a match: "the" for
/// "a" barely changes a quote. The text layer's stopword list of its language, less its
/// negations and modals: dropping or swapping one changes what was said.
pub fn is_stopword(word: &Word) -> bool {
    crate::text::weighs_less(&word.key, word.lang)
}

/// What ends a sentence or a line between two words.
fn is_break(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '\n' | '\r' | '\u{2028}' | '\u{2029}' | '。' | '！' | '？'
            // A quotation opens or closes, or an attribution follows a dash: the words on
            // the other side are not the speaker's.
            | '"' | '“' | '”' | '«' | '»' | '„' | '—'
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The words of `text` with no stemming.
    pub(crate) fn plain(text: &str) -> Vec<Word> {
        words(text, &|key| key.to_owned())
    }

    /// Text from a small vocabulary, so that quotes and passages share words.
    pub(crate) fn prose() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "the",
            "a",
            "of",
            "North",
            "Korean",
            "troops",
            "Ukraine",
            "likely",
            "said",
            "Kim",
            "Yong-hyun",
            "Putin’s",
            "Putin's",
            "“",
            "”",
            "\"",
            ",",
            ".",
            "—",
            "é",
            "1.6",
            "not",
            "officers",
            "soldiers",
            "casualties",
            "\n",
        ]);
        prop::collection::vec(word, 0..40).prop_map(|w| w.join(" "))
    }

    fn keys(text: &str) -> Vec<String> {
        plain(text).into_iter().map(|w| w.key).collect()
    }

    fn surfaces(text: &str) -> Vec<&str> {
        plain(text).iter().map(|w| &text[w.range.clone()]).collect()
    }

    #[test]
    fn case_accents_and_punctuation_fold_away() {
        assert_eq!(
            keys("“Société Générale,” he said — déjà vu!"),
            ["societe", "generale", "he", "said", "deja", "vu"]
        );
        // A decomposed accent (e + U+0301) folds like a composed one.
        assert_eq!(keys("Cafe\u{301} Straße"), ["cafe", "strasse"]);
        assert_eq!(surfaces("Cafe\u{301} Straße"), ["Cafe\u{301}", "Straße"]);
    }

    #[test]
    fn apostrophes_and_possessives() {
        assert_eq!(keys("Putin's Putin’s Koreaʼs"), ["putin", "putin", "korea"]);
        assert_eq!(keys("don't don’t it's"), ["dont", "dont", "it"]);
        assert_eq!(surfaces("Putin’s army"), ["Putin’s", "army"]);
        // A closing quote mark is not an apostrophe of the word before it.
        assert_eq!(keys("‘likely’ dying"), ["likely", "dying"]);
    }

    #[test]
    fn hyphens_split_words() {
        assert_eq!(keys("Kim Yong-hyun"), keys("Kim Yong hyun"));
        assert_eq!(keys("full-scale war"), ["full", "scale", "war"]);
        assert_eq!(surfaces("Yong-hyun"), ["Yong", "hyun"]);
    }

    #[test]
    fn ideographs_are_words_one_by_one() {
        assert_eq!(keys("朝鮮軍, Kim"), ["朝", "鮮", "軍", "kim"]);
        assert_eq!(surfaces("ひらがなAB"), ["ひ", "ら", "が", "な", "AB"]);
    }

    #[test]
    fn symbols_end_words_and_marks_do_not() {
        assert_eq!(keys("a😀b 5€ x→y"), ["a", "b", "#5e0", "x", "y"]);
        assert_eq!(
            keys("co\u{AD}operate zero\u{200D}width"),
            ["cooperate", "zerowidth"]
        );
    }

    #[test]
    fn figures_are_one_word_keyed_by_value() {
        assert_eq!(
            keys("about 1.6 million, 74 000 tons, 648,000 casualties, 18%"),
            [
                "about",
                "#16e5",
                "#74e0",
                "#0e0",
                "tons",
                "#648e3",
                "casualties",
                "#18e0%"
            ]
        );
        assert_eq!(keys("U.S. officials"), ["u", "s", "officials"]);
    }

    #[test]
    fn ranges_point_into_the_text() {
        let text = "\"We estimate,\" he said.";
        let found = plain(text);
        assert_eq!(found[0].range, 1..3);
        assert_eq!(found[1].range, 4..12);
        assert_eq!(found[3].range, 18..22);
    }

    #[test]
    fn breaks_between_words_are_noted() {
        let found = plain("One two. Three\nfour, five,” six — seven");
        let breaks: Vec<bool> = found.iter().map(|w| w.after_break).collect();
        assert_eq!(breaks, [false, false, true, true, false, true, true]);
    }

    #[test]
    fn stemmer_is_applied_to_keys() {
        let stem = |key: &str| key.strip_suffix('s').unwrap_or(key).to_owned();
        let found = words("Officers’ casualties", &stem);
        assert_eq!(found[0].key, "officer");
        assert_eq!(found[1].key, "casualtie");
        // A stemmer that returns nothing leaves the key as it was.
        assert_eq!(words("s", &|_| String::new())[0].key, "s");
    }

    proptest! {
        #[test]
        fn words_are_well_formed(text in "\\PC{0,200}") {
            let found = plain(&text);
            let mut previous_end = 0;
            for word in &found {
                prop_assert!(!word.key.is_empty());
                prop_assert!(previous_end <= word.range.start);
                prop_assert!(word.range.start < word.range.end && word.range.end <= text.len());
                prop_assert!(text.is_char_boundary(word.range.start));
                prop_assert!(text.is_char_boundary(word.range.end));
                previous_end = word.range.end;
            }
        }

        #[test]
        fn a_word_alone_has_its_own_key(text in "\\PC{0,120}") {
            // The diff shows words by their text; reading that text again must give
            // the same keys, or the diff would not say what was compared.
            for word in plain(&text) {
                let again = plain(&text[word.range.clone()]);
                prop_assert_eq!(again.len(), 1, "{:?}", &text[word.range.clone()]);
                prop_assert_eq!(&again[0].key, &word.key);
            }
        }
    }
}
