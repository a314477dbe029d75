//! The one stopword list: a language's function words, in `data/text/<language>/
//! stopwords.txt`. A query leaves them out of scoring unless it asks nothing else; the
//! quote aligner weighs them less. Keys are compared after stemming, and the list holds
//! the stemmed forms of its longer words too (`becaus`, `veri`).
//!
//! The aligner asks about every passage word, so the list is also packed into an
//! open-addressing table of integers at compile time: one or two probes, where a
//! search over strings would call `memcmp` at each step.

use std::sync::LazyLock;

use super::Language;
use super::lexicon::entries;

/// The English list, as written.
const ENGLISH: &str = include_str!("../../data/text/en/stopwords.txt");

/// Whether `key` (folded and stemmed) is a function word of `lang`.
pub fn is_stopword(key: &str, lang: Language) -> bool {
    is_packed_stopword(key, packed(key), lang)
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

/// [`is_stopword`] of `key`, whose [`packed`] form is `code`.
#[inline]
pub fn is_packed_stopword(key: &str, code: u64, lang: Language) -> bool {
    let Language::English = lang;
    match key.len() {
        1..=8 => {
            let mut slot = slot(code);
            // The table is at most half full, so a probe ends.
            loop {
                match ENGLISH_TABLE[slot] {
                    0 => return false,
                    found if found == code => return true,
                    _ => slot = (slot + 1) % TABLE_SIZE,
                }
            }
        }
        0 => false,
        _ => ENGLISH_LONG.contains(&key),
    }
}

/// The words of the list longer than 8 bytes.
static ENGLISH_LONG: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(ENGLISH).filter(|word| word.len() > 8).collect());

const TABLE_SIZE: usize = 256;

/// Where a packed key's probe starts in a table.
const fn slot(code: u64) -> usize {
    (code.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// The list's words of at most 8 bytes, packed, in an open-addressing table (linear
/// probing, 0 for empty).
const ENGLISH_TABLE: [u64; TABLE_SIZE] = pack_list(ENGLISH.as_bytes());

/// Builds the table from the list's text: one word a line, `#` lines skipped.
const fn pack_list(text: &[u8]) -> [u64; TABLE_SIZE] {
    let mut table = [0u64; TABLE_SIZE];
    let mut filled = 0;
    let mut at = 0;
    while at < text.len() {
        let mut end = at;
        while end < text.len() && text[end] != b'\n' {
            end += 1;
        }
        let len = end - at;
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
        let words: Vec<&str> = entries(ENGLISH).collect();
        assert!(
            words.windows(2).all(|pair| pair[0] < pair[1]),
            "sorted, once each"
        );
        let packed_count = ENGLISH_TABLE.iter().filter(|&&code| code != 0).count();
        assert_eq!(packed_count + ENGLISH_LONG.len(), words.len());
        for word in &words {
            assert!(is_stopword(word, EN), "{word}");
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
            assert!(is_stopword(word, EN), "{word}");
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
            assert!(!is_stopword(word, EN), "{word}");
        }
    }
}
