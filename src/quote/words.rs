//! The words of a quote or a passage, as `search quote` compares them: each word keeps
//! its byte range in the text (for the diff and highlighting) and a `key` folded so that
//! spelling that doesn't change what was said compares equal — case, accents, curly vs
//! straight apostrophes, a possessive `'s`, hyphens (`Yong-hyun` is `yong`, `hyun`,
//! like `Yong hyun`), punctuation and quotation marks (which are not words at all).
//!
//! A word is a run of letters and digits, holding apostrophes between letters
//! (`don't` → `dont`), the `.`/`,` of a number (`1.6`, `648,000`) and combining marks
//! and joiners; any other character ends it (`U.S.` → `u`, `s`), and each CJK
//! ideograph is a word, as Unicode word boundaries (UAX #29) have it. The rules look
//! only at neighbouring characters — unlike UAX #29, where a combining mark after a
//! `.` changes what the `.` joins — so a word's text read again alone gives the same
//! word, which the diff relies on.

use std::ops::Range;

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
}

/// The words of `text`, in order, each key passed through `stem` (the project passes
/// tantivy's English Snowball stemmer, so `officers` and `officer` are one word).
pub fn words(text: &str, stem: &dyn Fn(&str) -> String) -> Vec<Word> {
    // A word a dozen bytes or so, with its spaces and punctuation.
    let mut found = Vec::with_capacity(text.len() / 6);
    let mut previous_end = 0;
    split(text, &mut |key, range| {
        let after_break = text
            .get(previous_end..range.start)
            .is_some_and(|gap| gap.chars().any(is_break));
        previous_end = range.end;
        let stemmed = stem(key);
        // A stemmer that eats a whole word would leave nothing to compare.
        let key = if stemmed.is_empty() {
            key.to_owned()
        } else {
            stemmed
        };
        found.push(Word {
            key,
            range,
            after_break,
        });
    });
    found
}

/// Whether `key` is an English function word, which counts less when scoring a match:
/// "the" for "a" barely changes a quote. Negations (`not`, `no`, `nor`, `never`) and
/// modals (`can`, `could`, `may`, `will`, `would`, `should`, …) are deliberately left
/// out: dropping or swapping one changes what was said. Keys are stemmed, so the
/// Snowball forms of the longer words (`veri`, `onli`, `becaus`, …) are listed too.
pub fn is_stopword(key: &str) -> bool {
    is_packed_stopword(key, packed(key))
}

/// The first 8 bytes of `key` as an integer, big-endian, zero-padded: one read of a
/// key that the aligner uses both to filter it and to look it up here.
pub(super) fn packed(key: &str) -> u64 {
    key.bytes()
        .take(8)
        .enumerate()
        .fold(0u64, |code, (at, byte)| {
            code | u64::from(byte) << (56 - 8 * at)
        })
}

/// [`is_stopword`] of `key`, whose [`packed`] form is `code`.
pub(super) fn is_packed_stopword(key: &str, code: u64) -> bool {
    // Called on every passage word: one probe or two in a table of the stopwords
    // packed into integers, where a search over strings calls `memcmp` at each step.
    match key.len() {
        1..=8 => {
            let mut slot = slot(code);
            // The table is half empty, so a probe ends.
            loop {
                match STOPWORD_TABLE[slot] {
                    0 => return false,
                    found if found == code => return true,
                    _ => slot = (slot + 1) % STOPWORD_TABLE.len(),
                }
            }
        }
        9 | 10 => LONG_STOPWORDS.contains(&key),
        _ => false,
    }
}

/// A key of at most 8 bytes as an integer (never 0: keys hold no NUL).
const fn pack(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let mut code = 0u64;
    let mut at = 0;
    while at < 8 {
        code <<= 8;
        if at < bytes.len() {
            code |= bytes[at] as u64;
        }
        at += 1;
    }
    code
}

/// Where a packed key's probe starts in [`STOPWORD_TABLE`].
const fn slot(code: u64) -> usize {
    (code.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// The stopwords longer than 8 bytes.
const LONG_STOPWORDS: [&str; 3] = ["ourselves", "themselves", "yourselves"];

/// The other stopwords, packed, in an open-addressing table (linear probing, 0 for
/// empty) built at compile time.
const STOPWORD_TABLE: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut k = 0;
    while k < STOPWORDS.len() {
        if STOPWORDS[k].len() <= 8 {
            let code = pack(STOPWORDS[k]);
            let mut at = slot(code);
            while table[at] != 0 {
                at = (at + 1) % 256;
            }
            table[at] = code;
        }
        k += 1;
    }
    table
};

/// The stopwords, sorted.
const STOPWORDS: [&str; 127] = [
    "a",
    "about",
    "abov",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "ani",
    "any",
    "are",
    "as",
    "at",
    "be",
    "becaus",
    "because",
    "been",
    "befor",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "did",
    "do",
    "doe",
    "does",
    "doing",
    "down",
    "dure",
    "during",
    "each",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "onc",
    "once",
    "or",
    "other",
    "our",
    "ours",
    "ourselv",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselv",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "veri",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whi",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "with",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselv",
    "yourselves",
];

/// A word being built. Its key is built in a buffer shared by all words, so that the
/// only allocation per word is the stemmer's.
struct Part {
    start: usize,
    end: usize,
    /// The key's length where the text after the last apostrophe starts, to tell a
    /// possessive `'s` from `don't`.
    after_apostrophe: Option<usize>,
    /// An apostrophe was seen and the next character is a letter or digit.
    apostrophe: bool,
    last_is_digit: bool,
}

impl Part {
    fn new(start: usize) -> Self {
        Part {
            start,
            end: start,
            after_apostrophe: None,
            apostrophe: false,
            last_is_digit: false,
        }
    }
}

/// Splits `text` into words, handing each one's folded key and byte range to `emit`.
fn split(text: &str, emit: &mut dyn FnMut(&str, Range<usize>)) {
    let mut key = String::new();
    let mut part: Option<Part> = None;
    let mut finish = |part: &mut Option<Part>, key: &mut String| {
        if let Some(p) = part.take() {
            if let Some(at) = p.after_apostrophe
                && at > 0
                && key.get(at..) == Some("s")
            {
                key.truncate(at);
            }
            if !key.is_empty() {
                emit(key, p.start..p.end);
            }
        }
        key.clear();
    };
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        // Most text is ASCII letters and spaces: the common cases first, cheaply.
        if c.is_ascii_alphanumeric() {
            let p = part.get_or_insert_with(|| Part::new(at));
            if p.apostrophe {
                p.after_apostrophe = Some(key.len());
                p.apostrophe = false;
            }
            key.push(c.to_ascii_lowercase());
            p.end = at + 1;
            p.last_is_digit = c.is_ascii_digit();
            continue;
        }
        if c == ' ' {
            finish(&mut part, &mut key);
            continue;
        }
        let next = chars.peek().map(|&(_, next)| next);
        let next_is_alphanumeric = next.is_some_and(char::is_alphanumeric);
        // Apostrophes first: `ʼ` (U+02BC) is a letter to Unicode.
        if is_apostrophe(c) {
            match part.as_mut() {
                Some(p) if next_is_alphanumeric => p.apostrophe = true,
                Some(_) => finish(&mut part, &mut key),
                None => {}
            }
        } else if is_ideograph(c) {
            finish(&mut part, &mut key);
            let mut one = Part::new(at);
            push_folded(&mut key, c);
            one.end = at + c.len_utf8();
            finish(&mut Some(one), &mut key);
        } else if c.is_alphanumeric() {
            let p = part.get_or_insert_with(|| Part::new(at));
            if p.apostrophe {
                p.after_apostrophe = Some(key.len());
                p.apostrophe = false;
            }
            push_folded(&mut key, c);
            p.end = at + c.len_utf8();
            p.last_is_digit = c.is_numeric();
        } else if matches!(c, '.' | ',' | '٫' | '٬')
            && next.is_some_and(|n| n.is_numeric() && !is_ideograph(n))
            && part.as_ref().is_some_and(|p| p.last_is_digit)
        {
            key.push(c);
        } else if is_separator(c) {
            finish(&mut part, &mut key);
        } else if let Some(p) = part.as_mut() {
            // Combining accents, joiners, soft hyphens: part of the word, not its key.
            p.end = at + c.len_utf8();
        }
    }
    finish(&mut part, &mut key);
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '＇')
}

/// Spaces, punctuation and symbols: what ends a word. The other characters that are
/// neither letters nor digits (combining marks, joiners, format characters) belong to
/// the word they stand in.
fn is_separator(c: char) -> bool {
    let code = c as u32;
    c.is_whitespace()
        || c.is_control()
        || c.is_ascii_punctuation()
        || ((0x00A1..=0x00BF).contains(&code) && c != '\u{AD}')
        || c == '×'
        || c == '÷'
        // General Punctuation, but not its joiners and invisible format characters.
        || ((0x2000..=0x205F).contains(&code) && !matches!(c, '\u{200C}' | '\u{200D}'))
        // Currency, letterlike, arrows, maths, technical, shapes, dingbats, ….
        || (0x20A0..=0x20CF).contains(&code)
        || (0x2100..=0x2BFF).contains(&code)
        || (0x3000..=0x303F).contains(&code)
        || (0xFE10..=0xFE1F).contains(&code)
        || (0xFE30..=0xFE6F).contains(&code)
        || (0xFF01..=0xFF0F).contains(&code)
        || (0xFF1A..=0xFF20).contains(&code)
        || (0xFF3B..=0xFF40).contains(&code)
        || (0xFF5B..=0xFF65).contains(&code)
        // Emoji and other pictographs.
        || (0x1F000..=0x1FAFF).contains(&code)
}

/// Han ideographs and hiragana, which Unicode word boundaries treat one by one (the
/// language needs a dictionary to find words; each character is the best guess).
fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
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

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Appends `c` lower-cased with its accent folded away (`É` → `e`, `ß` → `ss`).
fn push_folded(key: &mut String, c: char) {
    if c.is_ascii() {
        key.push(c.to_ascii_lowercase());
        return;
    }
    for c in c.to_lowercase() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => key.push_str("ss"),
            'æ' => key.push_str("ae"),
            'œ' => key.push_str("oe"),
            'þ' => key.push_str("th"),
            _ => key.push(fold_char(c)),
        }
    }
}

/// The base letter of a lower-case Latin letter with a diacritic (the project's
/// `entities::fold_char` covers names; quotes need the lower-case Latin-1 and
/// Latin Extended-A letters too).
fn fold_char(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
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
        assert_eq!(keys("a😀b 5€ x→y"), ["a", "b", "5", "x", "y"]);
        assert_eq!(
            keys("co\u{AD}operate zero\u{200D}width"),
            ["cooperate", "zerowidth"]
        );
    }

    #[test]
    fn numbers_stay_words() {
        assert_eq!(
            keys("about 1.6 million, 74 000 tons, 648,000 casualties, 18%"),
            [
                "about",
                "1.6",
                "million",
                "74",
                "000",
                "tons",
                "648,000",
                "casualties",
                "18"
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

    #[test]
    fn stopwords() {
        assert!(STOPWORDS.windows(2).all(|pair| pair[0] < pair[1]));
        let packed = STOPWORD_TABLE.iter().filter(|&&code| code != 0).count();
        assert_eq!(packed + LONG_STOPWORDS.len(), STOPWORDS.len());
        for word in STOPWORDS {
            assert!(is_stopword(word), "{word}");
            assert_eq!(word.len() > 8, LONG_STOPWORDS.contains(&word), "{word}");
        }
        for word in [
            "the", "a", "of", "and", "to", "in", "is", "that", "veri", "doe",
        ] {
            assert!(is_stopword(word), "{word}");
        }
        for word in [
            "not",
            "no",
            "never",
            "could",
            "will",
            "may",
            "casualties",
            "",
            "ourselve",
            "themselvesx",
            "th",
            "thee",
        ] {
            assert!(!is_stopword(word), "{word}");
        }
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
