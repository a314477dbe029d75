//! Character references (`&amp;`, `&#8217;`, `&#x2014;`) in text no HTML parser has
//! decoded: the raw page source the line anchors search, and JSON-LD strings. Names are
//! looked up by `html-escape` (the WHATWG list); numbers are read here.

use std::borrow::Cow;

/// The character reference starting at `bytes[i] == b'&'`: its character (`None` for a
/// name `html-escape` does not know or reads as several characters, and for a number in
/// 128–159, which pages write meaning Windows-1252 — `&#150;` for a dash — rather than a
/// C1 control) and its length in bytes, `;` included. `None` when `&` does not start a
/// `&…;` reference: one without its `;` (within 32 bytes, enough for the longest name) is
/// left alone, as `html-escape` does.
pub(super) fn entity_at(bytes: &[u8], i: usize) -> Option<(Option<char>, usize)> {
    let rest = bytes.get(i + 1..)?;
    let semi = rest.iter().take(32).position(|&b| b == b';')?;
    let name = std::str::from_utf8(&rest[..semi]).ok()?;
    let len = semi + 2;
    if let Some(number) = name.strip_prefix('#') {
        // Read here rather than by `html-escape`, which keeps `&#0;`, other controls and
        // out-of-range numbers as written and turns 128–159 into C1 controls.
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        if (0x80..0xA0).contains(&value) {
            return Some((None, len));
        }
        return Some((Some(char::from_u32(value).unwrap_or('\u{FFFD}')), len));
    }
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let reference = std::str::from_utf8(&bytes[i..i + len]).ok()?;
    // `html-escape` borrows its input back when it decoded nothing.
    let decoded = match html_escape::decode_html_entities(reference) {
        Cow::Borrowed(_) => None,
        Cow::Owned(text) => {
            let mut chars = text.chars();
            chars.next().filter(|_| chars.next().is_none())
        }
    };
    Some((decoded, len))
}

/// Decodes character references in text that no HTML parser has seen (JSON-LD strings
/// written with `&amp;`); references [`entity_at`] reads as no character are kept as
/// written.
pub(super) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let Some(next) = s[i..].find('&') else {
            out.push_str(&s[i..]);
            break;
        };
        out.push_str(&s[i..i + next]);
        i += next;
        match entity_at(bytes, i) {
            Some((Some(c), len)) => {
                out.push(c);
                i += len;
            }
            _ => {
                out.push('&');
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_decode_and_unknown_ones_stay_as_written() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x2014; &bogus; &"),
            "a & b \u{2019} \u{2014} &bogus; &"
        );
    }

    /// The names news pages use most, pinned so an update of `html-escape` cannot change
    /// them unseen.
    #[test]
    fn the_names_news_pages_use_most_decode() {
        let names = "&amp;&AMP;&lt;&LT;&gt;&GT;&quot;&QUOT;&apos;&nbsp;&ensp;&emsp;&thinsp;\
                     &ndash;&mdash;&lsquo;&rsquo;&sbquo;&ldquo;&rdquo;&bdquo;&laquo;&raquo;\
                     &hellip;&middot;&bull;&pound;&euro;&yen;&cent;&copy;&reg;&trade;&deg;\
                     &sect;&para;&times;&frac12;&shy;";
        assert_eq!(
            decode_entities(names),
            "&&<<>>\"\"'\u{A0}\u{2002}\u{2003}\u{2009}–—‘’‚“”„«»…·•£€¥¢©®™°§¶×½\u{AD}"
        );
    }

    #[test]
    fn numbers_rare_names_and_missing_semicolons() {
        assert_eq!(decode_entities("&eacute;t&eacute;"), "été");
        assert_eq!(decode_entities("&#65;&#x42;&#X43;"), "ABC");
        assert_eq!(decode_entities("&#150; &#x9F;"), "&#150; &#x9F;");
        assert_eq!(decode_entities("&#xD800;&#1114112;"), "\u{FFFD}\u{FFFD}");
        assert_eq!(
            decode_entities("&amp &copy 2024 &#65"),
            "&amp &copy 2024 &#65"
        );
        assert_eq!(entity_at(b"x&eacute;", 1), Some((Some('\u{e9}'), 8)));
        assert_eq!(entity_at(b"&nosuchname;", 0), Some((None, 12)));
        assert_eq!(entity_at(b"&a b;", 0), None);
    }
}
