//! What each character is to the segmenter: part of a word, a mark inside one, a
//! joiner between two pieces, a symbol that is a token of its own, or a separator.
//! Every reader of text asks these questions here, so they agree on where words are.

/// Letters and digits, which start and make up the pieces of words. Ideographs are
/// pieces one by one ([`is_ideograph`]); `ʼ` (a letter to Unicode) is an apostrophe;
/// the Hangul fillers, letters that show nothing, are ignorable ([`is_ignorable`]).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() && c != 'ʼ' && !is_ideograph(c) && !is_ignorable(c)
}

/// Unicode's default-ignorable code points: characters that show nothing and, inside a
/// word, do not change which word it is — the soft hyphen of hyphenated web and PDF
/// text (`inter\u{AD}national`), zero-width spaces and joiners, the word joiner, the
/// byte-order mark, direction marks, variation selectors, Hangul fillers, tags. Inside
/// or around a word they belong to it and are left out of its key, so
/// `wea\u{200B}ther` is `weather` to the index, the query and the quote aligner alike,
/// while its byte range stays the one of the text as written.
#[inline]
pub fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Han ideographs and hiragana, which Unicode word boundaries treat one by one (the
/// language needs a dictionary to find words; each character is the best guess).
#[inline]
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Apostrophes: between two pieces they join them (`don't`, `Putin’s`, `Koreaʼs`).
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '＇')
}

/// Characters that, alone between two pieces, join them into a compound that a reader
/// may take as one word: hyphens (`Yong-hyun`), apostrophes (`O'Brien`), the dot of an
/// initialism or a decimal (`U.S`, `1.6`), the comma of a number (`648,000`), `&`
/// (`AT&T`).
#[inline]
pub fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '.' | ',' | '&' | '٫' | '٬') || is_apostrophe(c)
}

/// Currency marks, tokens of their own: `£5`, `$1,400`, `€3bn`.
#[inline]
pub fn is_currency(c: char) -> bool {
    matches!(c, '$' | '¢' | '£' | '¤' | '¥' | '₩' | '₽' | '₴' | '€')
        || ('\u{20A0}'..='\u{20CF}').contains(&c)
}

/// Percent signs, tokens of their own: `10%`.
#[inline]
pub fn is_percent(c: char) -> bool {
    matches!(c, '%' | '٪' | '﹪' | '％')
}

/// Spaces, punctuation and symbols: what ends a word. The other characters that are
/// neither letters nor digits (combining marks, joiners, format characters) belong to
/// the word they stand in.
pub fn is_separator(c: char) -> bool {
    let code = c as u32;
    !is_ignorable(c) && is_visible_separator(c, code)
}

/// [`is_separator`] for a character that is not ignorable.
fn is_visible_separator(c: char, code: u32) -> bool {
    c.is_whitespace()
        || c.is_control()
        || c.is_ascii_punctuation()
        || (0x00A1..=0x00BF).contains(&code)
        || c == '×'
        || c == '÷'
        // General Punctuation (its invisible format characters are ignorable).
        || (0x2000..=0x206F).contains(&code)
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

/// Characters that continue a word they stand in without being letters or digits:
/// combining accents and the ignorable characters ([`is_ignorable`]).
#[inline]
pub fn is_in_word_mark(c: char) -> bool {
    is_ignorable(c)
        || !c.is_ascii()
            && !c.is_alphanumeric()
            && !is_apostrophe(c)
            && !is_ideograph(c)
            && !is_joiner(c)
            && !is_separator(c)
}

/// Line and paragraph separators.
#[inline]
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters that separate a number's digits: decimal points and thousands commas
/// (and their Arabic forms).
pub fn is_digit_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// Whether `separator` joins `before` and `after` into one number: digits on both sides.
pub fn joins_number(before: &str, separator: char, after: &str) -> bool {
    is_digit_separator(separator)
        && before
            .chars()
            .rev()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_numeric)
        && after.chars().next().is_some_and(char::is_numeric)
}

/// The largest char boundary of `text` at or before byte `at` (`text.len()` past its
/// end): where a cut at `at` may fall without splitting a character.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_falls_back_to_the_start_of_the_character_it_would_split() {
        let text = "aя";
        assert_eq!(floor_boundary(text, 0), 0);
        assert_eq!(floor_boundary(text, 2), 1);
        assert_eq!(floor_boundary(text, 3), 3);
        assert_eq!(floor_boundary(text, 99), 3);
    }

    #[test]
    fn classes() {
        assert!(is_word_char('a') && is_word_char('É') && is_word_char('7') && is_word_char('북'));
        assert!(!is_word_char('ʼ') && !is_word_char('朝') && !is_word_char('-'));
        assert!(
            is_in_word_mark('\u{301}') && is_in_word_mark('\u{AD}') && is_in_word_mark('\u{200D}')
        );
        assert!(!is_in_word_mark('.') && !is_in_word_mark('’') && !is_in_word_mark('😀'));
        for c in [
            '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{3164}',
        ] {
            assert!(is_ignorable(c) && is_in_word_mark(c), "{c:?}");
            assert!(!is_word_char(c) && !is_separator(c), "{c:?}");
        }
        assert!(!is_ignorable('\u{2010}') && is_separator('\u{2014}'));
        for c in ['£', '$', '€', '¥', '₩', '₽', '₴'] {
            assert!(is_currency(c), "{c}");
        }
    }
}
