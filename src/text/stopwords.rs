//! The one stopword list: a language's function words, in `data/text/<language>/
//! stopwords.txt` ([`is_function_word`]). The quote aligner weighs them less, except the
//! negations and modals among them ([`weighs_less`]), since dropping or swapping one
//! changes what was said; a query leaves them out of scoring unless it asks nothing
//! else. Keys are compared after
//! stemming, and the list holds the stemmed forms of its longer words too (`becaus`,
//! `veri`).
//!
//! The aligner asks about every passage word, so the English lists are also packed into
//! open-addressing tables of integers at compile time: one or two probes, where a
//! search over strings would call `memcmp` at each step.
//!
//! Ukrainian, Russian and Korean have lists for the quote aligner ([`weighs_less`]),
//! without their negations and modals, keyed as the quote compares words
//! ([`super::compare::WordKeys`]: stemmed, or a Korean word without its particle). The
//! query's readers ([`is_function_word`]) keep to English until their scoring is
//! measured with the other lists.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::Language;
use super::compare::WordKeys;
use super::lexicon::entries;

/// The English function words, as written.
const ENGLISH: &str = include_str!("../../data/text/en/stopwords.txt");
/// The English negations and modals (function words that change what was said).
const ENGLISH_NEGATIONS: &str = include_str!("../../data/text/en/negations.txt");
const ENGLISH_MODALS: &str = include_str!("../../data/text/en/modals.txt");

/// Whether `key` (folded and stemmed) is a function word of `lang`.
pub fn is_function_word(key: &str, lang: Language) -> bool {
    // Only English has a list yet.
    if lang != Language::English {
        return false;
    }
    in_table(&ENGLISH_TABLE, key, packed(key)) || (key.len() > 8 && ENGLISH_LONG.contains(&key))
}

/// The Ukrainian, Russian and Korean function words the quote aligner weighs less.
const UKRAINIAN: &str = include_str!("../../data/text/uk/stopwords.txt");
const RUSSIAN: &str = include_str!("../../data/text/ru/stopwords.txt");
const KOREAN: &str = include_str!("../../data/text/ko/stopwords.txt");

/// A list, keyed as the quote compares `lang`'s words.
fn keyed(list: &'static str, lang: Language) -> FxHashSet<String> {
    let mut keys = WordKeys::new(lang);
    words(list).map(|word| keys.key(word)).collect()
}

static UKRAINIAN_KEYS: LazyLock<FxHashSet<String>> =
    LazyLock::new(|| keyed(UKRAINIAN, Language::Ukrainian));
static RUSSIAN_KEYS: LazyLock<FxHashSet<String>> =
    LazyLock::new(|| keyed(RUSSIAN, Language::Russian));
static KOREAN_KEYS: LazyLock<FxHashSet<String>> = LazyLock::new(|| keyed(KOREAN, Language::Korean));

/// Whether `key` (as [`WordKeys`] makes it) is one of the listed function words of a
/// language other than English; none for [`Language::Other`].
fn weighs_less_elsewhere(key: &str, lang: Language) -> bool {
    match lang {
        Language::Ukrainian => UKRAINIAN_KEYS.contains(key),
        Language::Russian => RUSSIAN_KEYS.contains(key),
        Language::Korean => KOREAN_KEYS.contains(key),
        Language::English | Language::Other => false,
    }
}

/// Whether `key` (as [`WordKeys`] makes it: folded and stemmed, or a Korean word
/// without its particle) is a function word of `lang` that changes little when dropped
/// or swapped: any but a negation or a modal.
pub fn weighs_less(key: &str, lang: Language) -> bool {
    packed_weighs_less(key, packed(key), lang)
}

/// The first 8 bytes of `key` as an integer, big-endian, zero-padded: one read of a
/// key that the aligner uses both to filter it and to look it up here.
#[inline]
pub fn packed(key: &str) -> u64 {
    key.bytes()
        .take(8)
        .enumerate()
        .fold(0u64, |code, (at, byte)| {
            code | u64::from(byte) << (56 - 8 * at)
        })
}

/// [`weighs_less`] of `key`, whose [`packed`] form is `code`.
#[inline]
pub fn packed_weighs_less(key: &str, code: u64, lang: Language) -> bool {
    if lang != Language::English {
        return weighs_less_elsewhere(key, lang);
    }
    match key.len() {
        1..=8 => in_table(&ENGLISH_TABLE, key, code) && !in_table(&ENGLISH_MEANINGFUL, key, code),
        0 => false,
        _ => ENGLISH_LONG.contains(&key),
    }
}

/// Whether a key of at most 8 bytes, packed as `code`, is in `table`.
#[inline]
fn in_table(table: &[u64; TABLE_SIZE], key: &str, code: u64) -> bool {
    if key.is_empty() || key.len() > 8 {
        return false;
    }
    let mut slot = slot(code);
    // A table is at most half full, so a probe ends.
    loop {
        match table[slot] {
            0 => return false,
            found if found == code => return true,
            _ => slot = (slot + 1) % TABLE_SIZE,
        }
    }
}

/// The words of the list longer than 8 bytes (no negation or modal is).
static ENGLISH_LONG: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(ENGLISH).filter(|word| word.len() > 8).collect());

/// The words of a list, without the marks after them.
fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    entries(list).filter_map(|line| line.split('\t').next())
}

const TABLE_SIZE: usize = 512;

/// Where a packed key's probe starts in a table.
const fn slot(code: u64) -> usize {
    (code.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_SIZE.trailing_zeros())) as usize
}

/// The list's words of at most 8 bytes, packed, in an open-addressing table (linear
/// probing, 0 for empty).
const ENGLISH_TABLE: [u64; TABLE_SIZE] = pack_lists(&[ENGLISH.as_bytes()]);
/// The negations and modals, likewise.
const ENGLISH_MEANINGFUL: [u64; TABLE_SIZE] =
    pack_lists(&[ENGLISH_NEGATIONS.as_bytes(), ENGLISH_MODALS.as_bytes()]);

/// Builds a table from lists' text: one word a line (what follows a tab is a mark),
/// `#` lines skipped.
const fn pack_lists(lists: &[&[u8]]) -> [u64; TABLE_SIZE] {
    let mut table = [0u64; TABLE_SIZE];
    let mut filled = 0;
    let mut list = 0;
    while list < lists.len() {
        let text = lists[list];
        let mut at = 0;
        while at < text.len() {
            let mut end = at;
            while end < text.len() && text[end] != b'\n' {
                end += 1;
            }
            let mut len = 0;
            while at + len < end && text[at + len] != b'\t' {
                len += 1;
            }
            if len > 0 && len <= 8 && text[at] != b'#' {
                let mut code = 0u64;
                let mut k = 0;
                while k < 8 {
                    code <<= 8;
                    if k < len {
                        code |= text[at + k] as u64;
                    }
                    k += 1;
                }
                let mut probe = slot(code);
                while table[probe] != 0 && table[probe] != code {
                    probe = (probe + 1) % TABLE_SIZE;
                }
                if table[probe] == 0 {
                    filled += 1;
                }
                table[probe] = code;
            }
            at = end + 1;
        }
        list += 1;
    }
    // A half-empty table keeps probes short, and guarantees they end.
    assert!(filled * 2 <= TABLE_SIZE, "too many stopwords for the table");
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::English;

    #[test]
    fn every_listed_word_is_found_and_no_other() {
        let words: Vec<&str> = words(ENGLISH).collect();
        assert!(
            words.windows(2).all(|pair| pair[0] < pair[1]),
            "sorted, once each"
        );
        let packed_count = ENGLISH_TABLE.iter().filter(|&&code| code != 0).count();
        assert_eq!(packed_count + ENGLISH_LONG.len(), words.len());
        for word in &words {
            assert!(is_function_word(word, EN), "{word}");
        }
        for word in [
            "the",
            "a",
            "of",
            "and",
            "to",
            "in",
            "is",
            "that",
            "veri",
            "doe",
            "themselves",
        ] {
            assert!(
                is_function_word(word, EN) && weighs_less(word, EN),
                "{word}"
            );
        }
        for word in ["casualties", "", "ourselve", "themselvesx", "th", "thee"] {
            assert!(
                !is_function_word(word, EN) && !weighs_less(word, EN),
                "{word}"
            );
        }
    }

    #[test]
    fn other_languages_weigh_their_function_words_less_but_not_negations() {
        let weighs = |lang: Language, word: &str| weighs_less(&WordKeys::new(lang).key(word), lang);
        for word in ["що", "та", "від", "його", "також", "була"] {
            assert!(weighs(Language::Ukrainian, word), "{word}");
        }
        for word in ["что", "и", "его", "также", "была", "этот"] {
            assert!(weighs(Language::Russian, word), "{word}");
        }
        for word in ["그는", "그리고", "위해", "것이"] {
            assert!(weighs(Language::Korean, word), "{word}");
        }
        for (lang, word) in [
            (Language::Ukrainian, "не"),
            (Language::Ukrainian, "офіцерів"),
            (Language::Ukrainian, "може"),
            (Language::Russian, "не"),
            (Language::Russian, "офицеров"),
            (Language::Korean, "않았다"),
            (Language::Korean, "북한군이"),
            (Language::Other, "und"),
        ] {
            assert!(!weighs(lang, word), "{word}");
        }
        // The query's readers keep to English.
        assert!(!is_function_word("що", Language::Ukrainian));
    }

    #[test]
    fn negations_and_modals_are_function_words_that_weigh_fully() {
        for word in entries(ENGLISH_NEGATIONS).chain(entries(ENGLISH_MODALS)) {
            assert!(is_function_word(word, EN), "{word} is in the one list");
            assert!(!weighs_less(word, EN), "{word}");
        }
        for word in ["not", "no", "never", "could", "will", "may"] {
            assert!(!weighs_less(word, EN), "{word}");
        }
    }
}
