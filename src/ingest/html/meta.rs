//! What the page declares about itself — `<meta>` tags, `<link rel="canonical">`,
//! `<time>` elements, a visible byline, `dom_smoothie`'s reading and the JSON-LD — and
//! which source wins for each metadata field.

use dom_smoothie::Readability;

use super::body::SKIPPED;
use super::jsonld::JsonLd;
use super::values::{absolute_url, author_name, clean, primary_language, squash};
use crate::ingest::article::{Metadata, Origin, Sourced};
use crate::ingest::date::NewsDate;

/// What the page declares about itself, read before readability changes the document.
pub(super) struct PageFacts {
    /// Title, byline, site name, date and language as `dom_smoothie` reads them from
    /// the first JSON-LD article, meta tags and `<title>`.
    declared: dom_smoothie::Metadata,
    /// Whether `declared.title` comes from JSON-LD or a meta tag rather than `<title>`.
    title_declared: bool,
    /// `<meta>` content by lower-cased `property`, `name`, `itemprop` or `http-equiv`.
    metas: Vec<(String, String)>,
    /// `<link rel="canonical">`.
    canonical: Option<String>,
    /// The JSON-LD article node, with `@graph` and arrays looked through.
    json_ld: JsonLd,
    /// `datetime` of `<time>` elements that date the article.
    time: Option<String>,
    /// The text of the page's byline element, if it has one.
    pub(super) byline_text: Option<String>,
}

impl PageFacts {
    pub(super) fn collect(readability: &Readability) -> Self {
        let ld = readability.parse_json_ld();
        let ld_title = ld.as_ref().is_some_and(|ld| !ld.title.trim().is_empty());
        let declared = readability.get_article_metadata(ld);
        let mut metas = Vec::new();
        let mut canonical = None;
        let doc = &readability.doc;
        if let Some(selection) = doc.try_select("meta[content]") {
            for node in selection.nodes() {
                let Some(content) = node.attr("content") else {
                    continue;
                };
                let content = content.trim();
                if content.is_empty() {
                    continue;
                }
                for attr in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(key) = node.attr(attr) {
                        let key = key.trim().to_ascii_lowercase();
                        if !key.is_empty() {
                            metas.push((key, content.to_owned()));
                        }
                    }
                }
            }
        }
        if let Some(selection) = doc.try_select("link[rel][href]") {
            canonical = selection
                .nodes()
                .iter()
                .find(|node| {
                    node.attr("rel").is_some_and(|rel| {
                        rel.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    })
                })
                .and_then(|node| node.attr("href"))
                .map(|href| href.trim().to_owned());
        }
        let time = first_datetime(
            readability,
            &[
                "time[itemprop~=datePublished]",
                "time[pubdate]",
                "article time[datetime]",
                "main time[datetime]",
            ],
        );
        let title_declared = ld_title
            || metas
                .iter()
                .any(|(key, _)| TITLE_KEYS.contains(&key.as_str()));
        PageFacts {
            declared,
            title_declared,
            metas,
            canonical,
            json_ld: JsonLd::collect(readability),
            time,
            byline_text: byline_text(readability),
        }
    }

    /// Every `<meta>` content under any of `keys`, in key order, then page order.
    fn metas<'s>(&'s self, keys: &'s [&'s str]) -> impl Iterator<Item = &'s str> + 's {
        keys.iter().flat_map(move |key| {
            self.metas
                .iter()
                .filter(move |(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        })
    }

    /// Builds the article's metadata: for each field, the first candidate the page
    /// declares that is usable. `byline` is the byline readability settled on
    /// (declared or read from the page); `content_time` a `<time datetime>` in the
    /// extracted article.
    pub(super) fn metadata(
        &self,
        byline: Option<String>,
        content_time: Option<String>,
    ) -> Metadata {
        let declared = &self.declared;
        let tag = |value: String| Sourced::new(value, Origin::MetaTag);

        // Readability's title comes from its JSON-LD reading or a meta tag when the page
        // declares one, else from `<title>`; a JSON-LD headline it could not see (in a
        // `@graph`) beats that `<title>` guess.
        let title = if self.title_declared {
            clean(&declared.title).or_else(|| self.json_ld.headline.clone())
        } else {
            self.json_ld
                .headline
                .clone()
                .or_else(|| clean(&declared.title))
        };

        let outlet = declared
            .site_name
            .as_deref()
            .into_iter()
            .chain(self.json_ld.publisher.as_deref())
            .chain(self.metas(&["og:site_name", "application-name"]))
            .find_map(clean);

        let date = declared
            .published_time
            .as_deref()
            .into_iter()
            .chain(self.json_ld.date_published.as_deref())
            .chain(self.metas(DATE_KEYS))
            .chain(self.time.as_deref())
            .chain(content_time.as_deref())
            .find_map(NewsDate::parse);

        let declared_author = declared
            .byline
            .as_deref()
            .into_iter()
            .chain(self.json_ld.author.as_deref())
            .chain(self.metas(&["author", "article:author", "dc.creator", "byl"]))
            .find_map(author_name);
        let author = match declared_author {
            Some(name) => Some(tag(name)),
            None => byline
                .as_deref()
                .into_iter()
                .chain(self.byline_text.as_deref())
                .find_map(author_name)
                .map(|name| Sourced::new(name, Origin::Text)),
        };

        let url = self
            .canonical
            .as_deref()
            .into_iter()
            .chain(self.metas(&["og:url", "twitter:url"]))
            .chain(self.json_ld.url.as_deref())
            .chain(declared.url.as_deref())
            .find_map(absolute_url);

        let lang = declared
            .lang
            .as_deref()
            .into_iter()
            .chain(self.metas(&["content-language", "og:locale", "language", "dc.language"]))
            .chain(self.json_ld.language.as_deref())
            .find_map(primary_language);

        Metadata {
            title: title.map(tag),
            outlet: outlet.map(tag),
            date: date.map(|d| Sourced::new(d, Origin::MetaTag)),
            author,
            url: url.map(tag),
            lang: lang.map(tag),
        }
    }
}

/// Meta tags `dom_smoothie` takes a title from.
const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterms:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// Meta tags that carry a publication date, beyond those `dom_smoothie` reads.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "article.published",
];

/// The first `datetime` (or `content`) of an element matching one of `selectors`.
pub(super) fn first_datetime(readability: &Readability, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|selector| {
        let selection = readability.doc.try_select(selector)?;
        selection.nodes().iter().find_map(|node| {
            node.attr("datetime")
                .or_else(|| node.attr("content"))
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        })
    })
}

/// The text of the first element in `<body>` that looks like a byline (`rel=author`,
/// `itemprop=author`, or a class or id such as `byline`), if it is short.
fn byline_text(readability: &Readability) -> Option<String> {
    let body = readability.doc.body()?;
    let mut stack: Vec<_> = body.children_it(true).collect();
    while let Some(node) = stack.pop() {
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().unwrap_or_default();
        if SKIPPED.contains(&&*name) {
            continue;
        }
        let rel = node.attr("rel").unwrap_or_default().to_ascii_lowercase();
        let itemprop = node
            .attr("itemprop")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let class_id = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        let looks_like_byline = rel.split_whitespace().any(|r| r == "author")
            || itemprop.contains("author")
            || ["byline", "author", "dateline", "writtenby", "p-author"]
                .iter()
                .any(|p| class_id.contains(p));
        if looks_like_byline {
            let text = squash(&node.text());
            let chars = text.chars().count();
            if chars > 0 && chars < 100 {
                return Some(text);
            }
        }
        stack.extend(node.children_it(true));
    }
    None
}
