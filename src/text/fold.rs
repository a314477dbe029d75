//! The one fold: how a character compares once case and accents are set aside. Every
//! key in the project — the index's terms, the aligner's word keys, entity keys — is
//! built with [`push_folded`], so `Société`, `SOCIETE` and `Socie\u{301}te\u{301}` are one
//! word everywhere.
//!
//! Lower case first (Unicode's mapping), then combining marks and ignorable characters
//! (soft hyphens, zero-width spaces, …) dropped, Latin letters with diacritics to their
//! base letter (`é` → `e`, `ł` → `l`, `ệ` → `e`), ligatures and
//! `ß` spelled out (`ß` → `ss`, `ﬁ` → `fi`), full-width Latin letters and digits to
//! ASCII, and superscript and subscript digits to digits. Other scripts (Cyrillic,
//! Greek, Hangul, …) are only lower-cased. A hand-written table: no crate in the build
//! folds single characters (tantivy's ASCII folding works on token streams only).

use super::chars::is_ignorable;

/// Appends `c` folded to `out`. Combining marks and ignorable characters
/// ([`is_ignorable`]: soft hyphens, zero-width spaces, …) append nothing.
#[inline]
pub fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        push_folded_lower(out, lower);
    }
}

/// `text` folded: each character through [`push_folded`].
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// A word's spelling as written, with case, accents and apostrophe styles set aside
/// (`Putin’s` and `putin's` are one spelling; `plans` and `planned` are not).
pub fn fold_spelling(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '’' | 'ʼ' | '‘' | '`' | '＇' => out.push('\''),
            c => push_folded(&mut out, c),
        }
    }
    out
}

/// Appends a lower-case character, folded.
fn push_folded_lower(out: &mut String, c: char) {
    if is_combining_mark(c) || is_ignorable(c) {
        return;
    }
    let spelled = match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ĳ' => "ij",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => {
            out.push(fold_letter(c));
            return;
        }
    };
    out.push_str(spelled);
}

/// Whether `c` is a combining mark (an accent written after its letter).
pub fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The base of one lower-case letter (itself when it has none).
#[rustfmt::skip]
fn fold_letter(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ª' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' | 'ḍ' | 'ḋ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ƒ' | 'ḟ' => 'f',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' => 'g',
        'ĥ' | 'ħ' | 'ḥ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'ḷ' => 'l',
        'ṁ' | 'ṃ' => 'm',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ṅ' | 'ṇ' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'º' => 'o',
        'ṗ' => 'p',
        'ŕ' | 'ŗ' | 'ř' | 'ṛ' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṡ' | 'ṣ' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṫ' | 'ṭ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' => 'u',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
        'ẋ' => 'x',
        'ý' | 'ÿ' | 'ŷ' | 'ẏ' => 'y',
        'ź' | 'ż' | 'ž' | 'ẓ' => 'z',
        // Vietnamese letters with two marks (Latin Extended Additional, lower case at
        // the odd code points): ạ…ặ, ẹ…ệ, ỉ ị, ọ…ợ, ụ…ự, ỳ…ỹ.
        '\u{1EA0}'..='\u{1EB7}' => 'a',
        '\u{1EB8}'..='\u{1EC7}' => 'e',
        '\u{1EC8}'..='\u{1ECB}' => 'i',
        '\u{1ECC}'..='\u{1EE3}' => 'o',
        '\u{1EE4}'..='\u{1EF1}' => 'u',
        '\u{1EF2}'..='\u{1EF9}' => 'y',
        // Full-width Latin letters and digits.
        '\u{FF10}'..='\u{FF19}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴'..='⁹' => char::from_u32(c as u32 - 0x2074 + u32::from(b'4')).unwrap_or(c),
        '₀'..='₉' => char::from_u32(c as u32 - 0x2080 + u32::from(b'0')).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn case_accents_ligatures_and_widths_fold() {
        assert_eq!(fold("Société Générale"), "societe generale");
        assert_eq!(fold("Cafe\u{301} STRASSE Straße"), "cafe strasse strasse");
        assert_eq!(fold("Łódź Erdoğan Việt Nam"), "lodz erdogan viet nam");
        assert_eq!(fold("ﬁnance Æsop œuvre"), "finance aesop oeuvre");
        assert_eq!(fold("ＡＢＣ１２ km² H₂O"), "abc12 km2 h2o");
        assert_eq!(fold("Київ Ёлка 북한"), "київ ёлка 북한");
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(text in "\\PC{0,80}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
        }
    }
}
