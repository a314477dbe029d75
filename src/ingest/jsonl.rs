//! JSON Lines article dumps: one object a line, under whichever of the usual field
//! names the dump uses (`id`/`_id`, `body`/`text`/`content`, `outlet`/`source`, …).
//! Files are read in chunks of whole lines so a large dump is parsed in parallel and
//! never held in memory at once.

use std::path::Path;

use serde_json::{Map, Value};

use crate::ingest::article::{Article, LineMap, Metadata, Origin, Sourced};
use crate::ingest::date::NewsDate;
use crate::ingest::{FileRead, Notice, SkipReason};

const ID_KEYS: &[&str] = &["id", "_id", "doc_id", "docid", "uuid"];
const BODY_KEYS: &[&str] = &[
    "body",
    "text",
    "content",
    "article",
    "maintext",
    "full_text",
];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const OUTLET_KEYS: &[&str] = &[
    "outlet",
    "source",
    "publisher",
    "site",
    "source_name",
    "site_name",
];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publish_date",
    "date_published",
    "datePublished",
    "pubdate",
];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline"];
const URL_KEYS: &[&str] = &["url", "link", "source_url"];
const LANG_KEYS: &[&str] = &["lang", "language"];

/// Reads the records in `chunk`, whole lines of a JSON Lines file whose first line is
/// `first_line` (1-based). Blank lines are passed over; a line that is not an
/// article record becomes a [`Notice`] naming its line.
pub fn read_chunk(path: &Path, chunk: &[u8], first_line: u32, defaults: &Metadata) -> FileRead {
    let mut read = FileRead::default();
    for (index, raw) in chunk.split(|&b| b == b'\n').enumerate() {
        let line_no = first_line.saturating_add(u32::try_from(index).unwrap_or(u32::MAX));
        let raw = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_record(path, raw, line_no) {
            Ok(mut article) => {
                article.meta.fill_from(defaults);
                crate::ingest::settle_language(&mut article);
                read.articles.push(article);
            }
            Err(why) => read.notices.push(Notice::Skipped {
                path: path.to_path_buf(),
                line: Some(line_no),
                reason: SkipReason::BadRecord(why),
            }),
        }
    }
    read
}

/// Parses one record into an article, or says why it is not one.
pub fn parse_record(path: &Path, raw: &[u8], line: u32) -> Result<Article, String> {
    let value: Value =
        serde_json::from_slice(raw).map_err(|err| format!("invalid JSON ({err})"))?;
    let Value::Object(record) = value else {
        return Err("not a JSON object".to_owned());
    };
    // A body must be a string: a number or object there means the record is not text.
    let body = BODY_KEYS
        .iter()
        .find_map(|key| match record.get(*key) {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.as_str()),
            _ => None,
        })
        .ok_or_else(|| format!("no text in any of the fields {}", BODY_KEYS.join("/")))?;
    let declared =
        |keys: &[&str]| first_text(&record, keys).map(|v| Sourced::new(v, Origin::JsonField));
    let meta = Metadata {
        title: declared(TITLE_KEYS),
        outlet: declared(OUTLET_KEYS),
        date: first_text(&record, DATE_KEYS)
            .and_then(|text| NewsDate::parse(&text))
            .map(|date| Sourced::new(date, Origin::JsonField)),
        author: declared(AUTHOR_KEYS),
        url: declared(URL_KEYS),
        lang: declared(LANG_KEYS).map(|mut lang| {
            lang.value.make_ascii_lowercase();
            lang
        }),
    };
    Ok(Article {
        path: path.to_path_buf(),
        source_id: first_text(&record, ID_KEYS),
        meta,
        body: body.trim_end().to_owned(),
        lines: LineMap::Fixed(line),
    })
}

/// The first of `keys` holding usable text: a non-empty string, a number (ids), an
/// object's `name` (publishers, authors), or the texts of an array joined by ", ".
fn first_text(record: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|key| record.get(*key).and_then(text_of))
}

fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.trim().to_owned(),
        Value::Number(number) => number.to_string(),
        Value::Object(object) => object.get("name").and_then(text_of)?,
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            parts.join(", ")
        }
        Value::Null | Value::Bool(_) => return None,
    };
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reuters_style_record() {
        let raw = br#"{"id": "reuters-1", "outlet": "Reuters", "date": "1987-02-26T15:01:01Z", "title": "Bahia Cocoa Review", "body": "SALVADOR, Feb 26 - Showers.\n\nMore.\n"}"#;
        let article = parse_record(Path::new("r.jsonl"), raw, 7).unwrap();
        assert_eq!(article.source_id.as_deref(), Some("reuters-1"));
        assert_eq!(
            article.meta.outlet,
            Some(Sourced::new("Reuters".into(), Origin::JsonField))
        );
        assert_eq!(article.meta.date.unwrap().value.to_string(), "1987-02-26");
        assert_eq!(article.meta.title.unwrap().value, "Bahia Cocoa Review");
        assert_eq!(article.body, "SALVADOR, Feb 26 - Showers.\n\nMore.");
        assert_eq!(article.lines, LineMap::Fixed(7));
    }

    #[test]
    fn beir_style_record_and_other_field_names() {
        let raw = br#"{"_id": 4983, "title": "", "text": "Alterations of the architecture.", "publisher": {"name": "AP"}, "authors": ["A. One", {"name": "B. Two"}], "published_at": null}"#;
        let article = parse_record(Path::new("c.jsonl"), raw, 1).unwrap();
        assert_eq!(article.source_id.as_deref(), Some("4983"));
        assert_eq!(article.meta.title, None);
        assert_eq!(article.meta.outlet.unwrap().value, "AP");
        assert_eq!(article.meta.author.unwrap().value, "A. One, B. Two");
        assert_eq!(article.meta.date, None);
    }

    #[test]
    fn bad_lines_are_named_and_good_ones_kept() {
        let chunk = b"{\"text\": \"one\"}\n\nnot json\n[1,2]\n{\"title\": \"no body\"}\n{\"body\": 5}\n{\"content\": \"two\"}";
        let read = read_chunk(Path::new("d.jsonl"), chunk, 10, &Metadata::default());
        let bodies: Vec<_> = read.articles.iter().map(|a| a.body.as_str()).collect();
        assert_eq!(bodies, ["one", "two"]);
        let lines: Vec<_> = read
            .notices
            .iter()
            .map(|n| match n {
                Notice::Skipped { line, .. } => line.unwrap(),
                Notice::Decoded { .. } => 0,
            })
            .collect();
        assert_eq!(lines, [12, 13, 14, 15]);
        assert_eq!(read.articles[1].lines, LineMap::Fixed(16));
        assert!(matches!(
            &read.notices[0],
            Notice::Skipped { reason: SkipReason::BadRecord(why), .. } if why.starts_with("invalid JSON")
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn every_line_is_an_article_or_a_notice_naming_it(
            lines in prop::collection::vec(
                prop_oneof![
                    ("\\PC{0,12}", "\\PC{0,30}", "[0-9 a-zA-Z,:-]{0,20}").prop_map(|(title, text, date)| {
                        serde_json::json!({"id": 7, "title": title, "text": text, "published": date, "authors": [{"name": title}, 3, null]}).to_string()
                    }),
                    "[\\PC\r\t]{0,40}",
                ],
                0..12,
            ),
            first_line in 1u32..100_000,
        ) {
            let chunk = lines.join("\n");
            let read = read_chunk(Path::new("a.jsonl"), chunk.as_bytes(), first_line, &Metadata::default());
            let mut seen: Vec<u32> = read
                .articles
                .iter()
                .map(|article| match article.lines {
                    LineMap::Fixed(line) => line,
                    _ => 0,
                })
                .chain(read.notices.iter().filter_map(|notice| match notice {
                    Notice::Skipped { line, .. } => *line,
                    _ => None,
                }))
                .collect();
            seen.sort_unstable();
            let expected: Vec<u32> = chunk
                .split('\n')
                .enumerate()
                .filter(|(_, line)| !line.trim_start_matches('\u{feff}').bytes().all(|b| b.is_ascii_whitespace()))
                .map(|(index, _)| first_line + index as u32)
                .collect();
            prop_assert_eq!(seen, expected);
            for article in &read.articles {
                prop_assert!(!article.body.trim().is_empty());
            }
        }
    }
}
