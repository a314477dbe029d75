//! The values every reader produces: an [`Article`] with its [`Metadata`], each value
//! tagged with where it came from, and a [`LineMap`] back to the source file.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::ingest::date::NewsDate;

/// Where a metadata value came from. Everything but [`Origin::Text`] was declared by
/// the source or the user; `Text` means the reader found it in the article's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A `---` front-matter block at the top of a text or Markdown file.
    FrontMatter,
    /// A field of a JSON Lines record.
    JsonField,
    /// An HTML `<meta>` tag, `<title>` or JSON-LD block.
    MetaTag,
    /// A `search.toml` defaults file in the article's folder or above it.
    FolderDefaults,
    /// Read from the article text itself (a headline line, a byline, a `date` line).
    Text,
    /// Found by the language detector in the article's title and first few kilobytes.
    Detected,
}

impl Origin {
    /// True when the value was declared rather than read from the text or detected.
    pub fn is_declared(self) -> bool {
        !matches!(self, Origin::Text | Origin::Detected)
    }
}

/// A metadata value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sourced<T> {
    /// The value itself.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
}

impl<T> Sourced<T> {
    /// Tags `value` with `origin`.
    pub fn new(value: T, origin: Origin) -> Self {
        Sourced { value, origin }
    }
}

/// What is known about an article. A field stays `None` when nothing says it: no
/// value is ever guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<Sourced<String>>,
    /// The publication that printed it ("Reuters", "BBC News").
    pub outlet: Option<Sourced<String>>,
    /// The publication date, at the precision the source gave.
    pub date: Option<Sourced<NewsDate>>,
    /// The byline.
    pub author: Option<Sourced<String>>,
    /// Where the article was published.
    pub url: Option<Sourced<String>>,
    /// The language, an ISO 639-1 code such as `en`: declared, or detected when nothing
    /// was declared or detection is sure the declaration is wrong (see `ingest/language.rs`).
    pub lang: Option<Sourced<String>>,
}

impl Metadata {
    /// Takes each value of `fallback` where this one has none, or only one read from
    /// the text: declared beats guessed, and what is declared first (the article's
    /// own front matter or fields, then the nearest folder defaults) wins.
    pub fn fill_from(&mut self, fallback: &Metadata) {
        fn fill<T: Clone>(slot: &mut Option<Sourced<T>>, other: &Option<Sourced<T>>) {
            let guessed = slot
                .as_ref()
                .is_none_or(|value| !value.origin.is_declared());
            if guessed && other.is_some() {
                slot.clone_from(other);
            }
        }
        fill(&mut self.title, &fallback.title);
        fill(&mut self.outlet, &fallback.outlet);
        fill(&mut self.date, &fallback.date);
        fill(&mut self.author, &fallback.author);
        fill(&mut self.url, &fallback.url);
        fill(&mut self.lang, &fallback.lang);
    }
}

/// Maps a byte offset in an article's body back to a 1-based line of its source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineMap {
    /// The body is a verbatim slice of the source text starting on this line, so
    /// lines are counted through the body's own newlines.
    Contiguous(u32),
    /// Every offset maps to one line (a JSON Lines record).
    Fixed(u32),
    /// Body offsets at which a known source line starts, ascending (extracted HTML).
    Anchors(Vec<(usize, u32)>),
}

impl LineMap {
    /// The source line holding byte `offset` of `body`.
    pub fn line_at(&self, body: &str, offset: usize) -> u32 {
        match self {
            LineMap::Contiguous(first) => {
                let end = offset.min(body.len());
                let newlines = body.as_bytes()[..end]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                first.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX))
            }
            LineMap::Fixed(line) => *line,
            LineMap::Anchors(anchors) => {
                let at = anchors.partition_point(|&(start, _)| start <= offset);
                if at == 0 { 1 } else { anchors[at - 1].1 }
            }
        }
    }
}

impl LineMap {
    /// A cursor answering [`LineMap::line_at`] for ascending offsets of `body`, each
    /// answer counting only the text since the one before: asking for every passage
    /// of an article takes time linear in its length, not quadratic.
    pub fn cursor<'a>(&'a self, body: &'a str) -> LineCursor<'a> {
        LineCursor {
            map: self,
            body,
            offset: 0,
            newlines: 0,
            scanned: 0,
        }
    }
}

/// Source lines of ascending offsets of one body; see [`LineMap::cursor`].
#[derive(Debug, Clone)]
pub struct LineCursor<'a> {
    map: &'a LineMap,
    body: &'a str,
    /// The body offset counted up to.
    offset: usize,
    /// Newlines in `body[..offset]`.
    newlines: usize,
    /// Bytes scanned in all, restarts included.
    scanned: usize,
}

impl LineCursor<'_> {
    /// The source line holding byte `offset`, as [`LineMap::line_at`]. An offset
    /// before the last one asked counts again from the start of the body.
    pub fn line_at(&mut self, offset: usize) -> u32 {
        let LineMap::Contiguous(first) = self.map else {
            return self.map.line_at(self.body, offset);
        };
        let end = offset.min(self.body.len());
        if end < self.offset {
            self.offset = 0;
            self.newlines = 0;
        }
        self.newlines += self.body.as_bytes()[self.offset..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.scanned += end - self.offset;
        self.offset = end;
        first.saturating_add(u32::try_from(self.newlines).unwrap_or(u32::MAX))
    }

    /// How many body bytes the cursor has scanned, restarts included: the work done.
    pub fn scanned(&self) -> usize {
        self.scanned
    }
}

/// One article, ready to be cut into passages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The file it came from.
    pub path: PathBuf,
    /// The id the source itself gave (a JSON record's `id`/`_id`); `None` for plain files.
    pub source_id: Option<String>,
    /// Title, outlet, date and the rest, each with its origin.
    pub meta: Metadata,
    /// The article text without its metadata lines.
    pub body: String,
    /// Where each part of `body` sits in the source file.
    pub lines: LineMap,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_lines_count_newlines_before_the_offset() {
        let body = "a\nbb\n\nccc";
        let map = LineMap::Contiguous(3);
        assert_eq!(map.line_at(body, 0), 3);
        assert_eq!(map.line_at(body, 2), 4);
        assert_eq!(map.line_at(body, 6), 6);
        assert_eq!(map.line_at(body, 99), 6);
    }

    #[test]
    fn the_cursor_agrees_with_line_at_forwards_and_backwards() {
        let body = "a\nbb\n\nccc\nd";
        let map = LineMap::Contiguous(3);
        let mut cursor = map.cursor(body);
        for offset in [0, 1, 2, 5, 6, 6, 9, 99, 3, 0, 11] {
            assert_eq!(
                cursor.line_at(offset),
                map.line_at(body, offset),
                "{offset}"
            );
        }
        let anchors = LineMap::Anchors(vec![(0, 10), (50, 14)]);
        assert_eq!(anchors.cursor("").line_at(60), 14);
        assert_eq!(LineMap::Fixed(7).cursor("x").line_at(1), 7);
    }

    #[test]
    fn anchors_pick_the_last_anchor_at_or_before_the_offset() {
        let map = LineMap::Anchors(vec![(0, 10), (50, 14)]);
        assert_eq!(map.line_at("", 0), 10);
        assert_eq!(map.line_at("", 49), 10);
        assert_eq!(map.line_at("", 50), 14);
        assert_eq!(LineMap::Anchors(vec![(5, 3)]).line_at("", 1), 1);
    }

    #[test]
    fn declared_values_beat_values_read_from_text() {
        let mut meta = Metadata {
            outlet: Some(Sourced::new("Reuters".into(), Origin::JsonField)),
            ..Metadata::default()
        };
        let defaults = Metadata {
            outlet: Some(Sourced::new("BBC News".into(), Origin::FolderDefaults)),
            lang: Some(Sourced::new("en".into(), Origin::FolderDefaults)),
            ..Metadata::default()
        };
        meta.title = Some(Sourced::new("Read from text".into(), Origin::Text));
        meta.author = Some(Sourced::new("Jane Doe".into(), Origin::Text));
        let mut defaults = defaults;
        defaults.title = Some(Sourced::new("Declared".into(), Origin::FolderDefaults));
        meta.fill_from(&defaults);
        assert_eq!(meta.outlet.unwrap().value, "Reuters");
        assert_eq!(meta.lang.unwrap().origin, Origin::FolderDefaults);
        assert_eq!(meta.title.unwrap().value, "Declared");
        assert_eq!(meta.author.unwrap().value, "Jane Doe");
    }
}
