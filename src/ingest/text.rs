//! Plain-text and Markdown articles: an optional `---` front-matter block, then the
//! metadata scraped articles carry in their first lines (a `date 2024-10-08` prefix, a
//! headline, a byline), then the body.

use std::path::Path;

use crate::ingest::article::{Article, LineMap, Metadata, Origin, Sourced};
use crate::ingest::date::NewsDate;
use crate::ingest::walk::Format;

/// Longest line still read as a headline, in characters.
const HEADLINE_MAX_CHARS: usize = 200;
/// Most words a headline or byline line may have.
const HEADLINE_MAX_WORDS: usize = 30;
const BYLINE_MAX_WORDS: usize = 6;

/// Parses a decoded text or Markdown file into an article.
pub fn parse_text(path: &Path, text: &str, format: Format) -> Article {
    let mut meta = Metadata::default();
    let mut cursor = Cursor { text, pos: 0 };
    if let Some(block) = cursor.front_matter() {
        read_front_matter(block, &mut meta);
    }
    cursor.skip_blank_lines();

    // A crawler's leading `date 2024-10-08` (or `date 2024-10`), which may run straight
    // on into the first sentence on the same line.
    if let Some((date, used)) = leading_date(cursor.rest()) {
        set(&mut meta.date, date, Origin::Text);
        cursor.pos += used;
        cursor.skip_spaces();
        cursor.skip_blank_lines();
    }

    // The first line is the headline when it reads as one and text follows it.
    let (line, after_line) = cursor.line();
    let headline = match format {
        Format::Markdown => line
            .strip_prefix("# ")
            .map(str::trim)
            .or_else(|| headline(line)),
        _ => headline(line),
    };
    if let Some(title) = headline {
        let mut probe = Cursor {
            text,
            pos: after_line,
        };
        probe.skip_blank_lines();
        if !probe.rest().trim().is_empty() {
            if meta.title.is_none() {
                meta.title = Some(Sourced::new(title.to_owned(), Origin::Text));
            }
            cursor = probe;
            let (next, after_next) = cursor.line();
            if let Some(author) = byline(next) {
                let mut rest = Cursor {
                    text,
                    pos: after_next,
                };
                rest.skip_blank_lines();
                if !rest.rest().trim().is_empty() {
                    set(&mut meta.author, author.to_owned(), Origin::Text);
                    cursor = rest;
                }
            }
        }
    }

    let first_line = 1 + text[..cursor.pos].matches('\n').count();
    Article {
        path: path.to_path_buf(),
        source_id: None,
        meta,
        body: text[cursor.pos..].trim_end().to_owned(),
        lines: LineMap::Contiguous(u32::try_from(first_line).unwrap_or(u32::MAX)),
    }
}

/// A position in the text being parsed, always on a char boundary.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// The current line without its newline, and the position after the newline.
    fn line(&self) -> (&'a str, usize) {
        let rest = self.rest();
        match rest.find('\n') {
            Some(end) => (rest[..end].trim_end_matches('\r'), self.pos + end + 1),
            None => (rest, self.text.len()),
        }
    }

    fn skip_blank_lines(&mut self) {
        while self.pos < self.text.len() {
            let (line, next) = self.line();
            if !line.trim().is_empty() {
                return;
            }
            self.pos = next;
        }
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t']).len();
    }

    /// A `---` … `---` block at the very start: returns its inner text and moves past it.
    fn front_matter(&mut self) -> Option<&'a str> {
        let (first, body_start) = self.line();
        if first.trim_end() != "---" {
            return None;
        }
        let mut pos = body_start;
        while pos < self.text.len() {
            let probe = Cursor {
                text: self.text,
                pos,
            };
            let (line, next) = probe.line();
            if line.trim_end() == "---" || line.trim_end() == "..." {
                self.pos = next;
                return Some(&self.text[body_start..pos]);
            }
            if next <= pos {
                break;
            }
            pos = next;
        }
        None
    }
}

fn set<T>(slot: &mut Option<Sourced<T>>, value: T, origin: Origin) {
    if slot.is_none() {
        *slot = Some(Sourced::new(value, origin));
    }
}

/// Reads `key: value` lines; unknown keys are ignored, quotes around values removed.
fn read_front_matter(block: &str, meta: &mut Metadata) {
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        if value.is_empty() {
            continue;
        }
        let origin = Origin::FrontMatter;
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => set(&mut meta.title, value.to_owned(), origin),
            "outlet" | "source" | "publisher" | "site" => {
                set(&mut meta.outlet, value.to_owned(), origin)
            }
            "date" | "published" | "published_at" | "pubdate" => {
                if let Some(date) = NewsDate::parse(value) {
                    set(&mut meta.date, date, origin);
                }
            }
            "author" | "byline" | "by" => set(&mut meta.author, value.to_owned(), origin),
            "url" | "link" => set(&mut meta.url, value.to_owned(), origin),
            "lang" | "language" => set(&mut meta.lang, value.to_ascii_lowercase(), origin),
            _ => {}
        }
    }
}

/// ` date 2024-10-08 …` at the start of the text: the date and the bytes it used.
fn leading_date(text: &str) -> Option<(NewsDate, usize)> {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let lead = text.len() - trimmed.len();
    let word_end = trimmed.find(|c: char| !c.is_ascii_alphabetic())?;
    let word = trimmed[..word_end].to_ascii_lowercase();
    if !matches!(word.as_str(), "date" | "published" | "updated") {
        return None;
    }
    let after = trimmed[word_end..]
        .strip_prefix(':')
        .unwrap_or(&trimmed[word_end..]);
    let skipped = trimmed.len() - after.len();
    let (date, used) = NewsDate::parse_prefix(after)?;
    Some((date, lead + skipped + used))
}

/// The line as a headline: short, one sentence, not ending like a sentence does.
fn headline(line: &str) -> Option<&str> {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let first = line.chars().next()?;
    let reads_as_headline = (2..=HEADLINE_MAX_WORDS).contains(&words)
        && line.chars().count() <= HEADLINE_MAX_CHARS
        && !line.ends_with(['.', ',', ';', ':'])
        && (first.is_uppercase() || first.is_ascii_digit() || "\"'‘“«".contains(first));
    reads_as_headline.then_some(line)
}

/// The line as a byline: "By Jane Doe" or a short run of capitalised name words.
fn byline(line: &str) -> Option<&str> {
    let line = line.trim().trim_matches('*').trim();
    let name = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))
        .unwrap_or(line)
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_like = (2..=BYLINE_MAX_WORDS).contains(&words.len())
        && words.iter().all(|word| {
            let first = word.chars().next().unwrap_or(' ');
            first.is_uppercase()
                || matches!(*word, "and" | "de" | "van" | "von" | "al" | "bin" | "&")
        })
        && !name.ends_with(['.', '!', '?', ':'])
        && name
            .chars()
            .all(|c| c.is_alphabetic() || " .-'’&".contains(c));
    name_like.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(text: &str) -> Article {
        parse_text(Path::new("a.txt"), text, Format::Text)
    }

    #[test]
    fn front_matter_is_declared_metadata() {
        let article = parse(
            "---\ntitle: \"Troops sent\"\noutlet: Yonhap\ndate: 2024-10-08\nauthor: Kim Min-ji\nurl: https://example.org/a\nlang: EN\nmood: grim\n---\n\nFirst paragraph.\n",
        );
        let meta = &article.meta;
        assert_eq!(
            meta.title,
            Some(Sourced::new("Troops sent".into(), Origin::FrontMatter))
        );
        assert_eq!(meta.outlet.as_ref().unwrap().value, "Yonhap");
        assert_eq!(meta.date.as_ref().unwrap().value.to_string(), "2024-10-08");
        assert_eq!(meta.author.as_ref().unwrap().value, "Kim Min-ji");
        assert_eq!(meta.url.as_ref().unwrap().value, "https://example.org/a");
        assert_eq!(meta.lang.as_ref().unwrap().value, "en");
        assert_eq!(article.body, "First paragraph.");
        assert_eq!(article.lines, LineMap::Contiguous(11));
    }

    #[test]
    fn headline_and_byline_are_read_from_the_text() {
        let article =
            parse("\nSouth Korea believes troops died\n\nLiza Brovko\n\nThe minister said so.\n");
        assert_eq!(
            article.meta.title,
            Some(Sourced::new(
                "South Korea believes troops died".into(),
                Origin::Text
            ))
        );
        assert_eq!(
            article.meta.author,
            Some(Sourced::new("Liza Brovko".into(), Origin::Text))
        );
        assert_eq!(article.body, "The minister said so.");
        assert_eq!(article.lines, LineMap::Contiguous(6));
    }

    #[test]
    fn a_sentence_is_not_a_headline() {
        let text = "North Korean soldiers are fighting, according to South Korea.\nMore text.";
        let article = parse(text);
        assert_eq!(article.meta.title, None);
        assert_eq!(article.body, text);
        assert_eq!(article.lines, LineMap::Contiguous(1));
    }

    #[test]
    fn leading_date_keeps_its_precision_and_the_sentence_after_it() {
        let article =
            parse(" date 2024-10-08 The DPRK may send its military. It is likely.\n\nMore.");
        assert_eq!(
            article.meta.date.as_ref().unwrap().value.to_string(),
            "2024-10-08"
        );
        assert_eq!(article.meta.date.as_ref().unwrap().origin, Origin::Text);
        assert_eq!(article.meta.title, None);
        assert!(article.body.starts_with("The DPRK may send"));
        let month = parse(" date 2024-10\nHeadline here\nBody text.");
        assert_eq!(month.meta.date.unwrap().value.to_string(), "2024-10");
        assert_eq!(month.meta.title.unwrap().value, "Headline here");
        assert_eq!(month.body, "Body text.");
        assert_eq!(month.lines, LineMap::Contiguous(3));
    }

    #[test]
    fn a_lone_headline_stays_the_body() {
        let article = parse("Just one line here");
        assert_eq!(article.meta.title, None);
        assert_eq!(article.body, "Just one line here");
    }

    #[test]
    fn markdown_heading_is_the_title() {
        let article = parse_text(
            Path::new("a.md"),
            "# Troops. Sent.\n\n*By Jane Doe*\n\nBody.",
            Format::Markdown,
        );
        assert_eq!(article.meta.title.unwrap().value, "Troops. Sent.");
        assert_eq!(article.meta.author.unwrap().value, "Jane Doe");
        assert_eq!(article.body, "Body.");
    }

    #[test]
    fn subheadings_are_not_bylines() {
        assert_eq!(byline("Union of Russia and North Korea"), None);
        assert_eq!(byline("By Shweta Sharma"), Some("Shweta Sharma"));
        assert_eq!(byline("Over 20 soldiers were killed."), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn the_body_maps_back_to_its_source_lines(
            text in prop_oneof![
                any::<String>(),
                "(---\r?\n((title|outlet|date|author|x): ?[^\n]{0,16}\n){0,4}(---|\\.\\.\\.)?\n)?(\n{0,2}date 2024-1[0-3](-0[0-9])? ?)?([A-Z][^\n]{0,40}\n)?(By [A-Z][a-z]+( [A-Z][a-z]+)?\n)?\n?([^\n]{0,50}\n?){0,4}",
            ],
            markdown in any::<bool>(),
        ) {
            let format = if markdown { Format::Markdown } else { Format::Text };
            let article = parse_text(Path::new("a.md"), &text, format);
            let LineMap::Contiguous(first) = article.lines else {
                return Err(TestCaseError::fail("text bodies are contiguous"));
            };
            let body = &article.body;
            prop_assert_eq!(body.trim_end(), body.as_str());
            if !body.is_empty() {
                // The body is the source from some position on, trailing space dropped,
                // and that position is on the line the map gives.
                let at = text.trim_end().len() - body.len();
                prop_assert_eq!(&text[at..].trim_end(), body);
                prop_assert_eq!(first as usize, 1 + text[..at].matches('\n').count());
            }
            for value in [&article.meta.title, &article.meta.author].into_iter().flatten() {
                prop_assert!(!value.value.trim().is_empty());
                prop_assert!(!value.value.contains('\n'), "{:?}", value.value);
            }
        }
    }
}
