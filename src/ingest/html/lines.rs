//! Line anchors: joins the paragraphs into the body and finds where each one starts in
//! the raw HTML, so a hit can be shown with the line of the saved page it came from.

use super::charref::entity_at;
use crate::text::chars::floor_boundary;

/// Joins the paragraphs into the body and anchors each one to its line in `html`.
pub(super) fn assemble(html: &str, paragraphs: &[String]) -> (String, Vec<(usize, u32)>) {
    let size = paragraphs.iter().map(|p| p.len() + 2).sum();
    let mut body = String::with_capacity(size);
    let mut anchors = Vec::with_capacity(paragraphs.len());
    let mut finder = AnchorFinder::new(html);
    for paragraph in paragraphs {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let offset = body.len();
        body.push_str(paragraph);
        if let Some(line) = finder.find(paragraph) {
            anchors.push((offset, line));
        }
    }
    (body, anchors)
}

/// How many bytes of a paragraph's start are compared against the source.
const PREFIX_BYTES: usize = 30;

/// How far past the previous match a paragraph's first word alone is looked for.
const WORD_REACH: usize = 4096;

/// Finds paragraphs in the raw HTML, in order, and tells their 1-based line.
struct AnchorFinder<'a> {
    raw: &'a str,
    /// Where the next search starts: the end of the previous match.
    from: usize,
    /// Newlines are counted up to here…
    counted: usize,
    /// …and this is the line at `counted`.
    line: u32,
    /// Bytes of candidate scanning left; bounds the work on pages where little matches.
    budget: usize,
}

impl<'a> AnchorFinder<'a> {
    fn new(raw: &'a str) -> Self {
        let body = find_ascii_ci(raw.as_bytes(), b"<body").unwrap_or(0);
        AnchorFinder {
            raw,
            from: body,
            counted: 0,
            line: 1,
            budget: raw.len().saturating_mul(64).max(1 << 16),
        }
    }

    /// The line where `paragraph` starts, searching forward from the previous match:
    /// first on its first ~30 bytes, then on its first word alone. A lone word matches
    /// too easily to be looked for far ahead: a wrong match would push every later
    /// search past its paragraph.
    fn find(&mut self, paragraph: &str) -> Option<u32> {
        let prefix = char_prefix(paragraph, PREFIX_BYTES);
        let first_word = paragraph.split_whitespace().next().unwrap_or("");
        let found = self.search(prefix, usize::MAX).or_else(|| {
            if first_word.len() < prefix.len() {
                self.search(first_word, WORD_REACH)
            } else {
                None
            }
        });
        let (start, end) = found?;
        let newlines = self.raw.as_bytes()[self.counted..start]
            .iter()
            .filter(|&&b| b == b'\n');
        self.line = self
            .line
            .saturating_add(u32::try_from(newlines.count()).unwrap_or(u32::MAX));
        self.counted = start;
        self.from = end;
        Some(self.line)
    }

    /// The first place within `reach` bytes after `from` where a text run (what follows
    /// a `>`) starts with `needle`; returns the start of its first character and the end
    /// of the match.
    fn search(&mut self, needle: &str, reach: usize) -> Option<(usize, usize)> {
        if needle.is_empty() {
            return None;
        }
        let bytes = self.raw.as_bytes();
        let mut at = self.from;
        let stop = self.from.saturating_add(reach);
        // The very first paragraph may begin right at `from`, without a `>` before it.
        let mut candidate = Some(at);
        loop {
            if let Some(start) = candidate {
                let start = skip_space_and_tags(self.raw, start);
                if let Some(end) = match_at(self.raw, start, needle) {
                    return Some((start, end));
                }
            }
            let gt = bytes.get(at..)?.iter().position(|&b| b == b'>')?;
            self.budget = self.budget.checked_sub(gt + needle.len())?;
            at += gt + 1;
            if at > stop {
                return None;
            }
            candidate = Some(at);
        }
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn char_prefix(s: &str, max: usize) -> &str {
    &s[..floor_boundary(s, max)]
}

/// ASCII-case-insensitive search of `needle` in `hay`.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// True when `<` at `i - 1` opens a tag, an end tag or a comment rather than being text.
fn opens_tag(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
}

/// Skips whitespace (including `&nbsp;`-like entities) and tags from `i`.
fn skip_space_and_tags(raw: &str, mut i: usize) -> usize {
    let bytes = raw.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_whitespace() {
            i += 1;
        } else if b == b'<' && opens_tag(bytes, i + 1) {
            match bytes[i..].iter().position(|&c| c == b'>') {
                Some(close) => i += close + 1,
                None => return bytes.len(),
            }
        } else if b == b'&' {
            match entity_at(bytes, i) {
                Some((Some(c), len)) if c.is_whitespace() => i += len,
                _ => break,
            }
        } else if b >= 0x80 {
            // Non-ASCII whitespace written literally (no-break space and the like).
            match raw.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

/// Whether the source text at `start` reads as `needle`, with tags skipped, entities
/// decoded and any run of whitespace matching any other. Returns the end of the match.
fn match_at(raw: &str, start: usize, needle: &str) -> Option<usize> {
    let bytes = raw.as_bytes();
    let mut i = start;
    for want in needle.chars() {
        if want.is_whitespace() {
            i = skip_space_and_tags(raw, i);
            continue;
        }
        // Inline tags may sit anywhere between two characters of a word.
        while bytes.get(i) == Some(&b'<') && opens_tag(bytes, i + 1) {
            let close = bytes[i..].iter().position(|&c| c == b'>')?;
            i += close + 1;
        }
        let &b = bytes.get(i)?;
        if b == b'&'
            && let Some((decoded, len)) = entity_at(bytes, i)
        {
            // A reference read as no character stands for any one character.
            if decoded.is_some_and(|c| c != want) {
                return None;
            }
            i += len;
            continue;
        }
        let got = raw.get(i..)?.chars().next()?;
        if got != want {
            return None;
        }
        i += got.len_utf8();
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_text_matches_across_tags_and_references() {
        assert_eq!(
            match_at("Tom&rsquo;s <b>big</b>\n day", 0, "Tom\u{2019}s big day"),
            Some(27)
        );
        assert_eq!(match_at("<i>T</i>he&nbsp;end", 0, "The end"), Some(19));
        assert_eq!(match_at("The end", 0, "The fin"), None);
        assert_eq!(char_prefix("ab\u{e9}", 3), "ab");
    }
}
