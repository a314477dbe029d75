//! Saved web pages: finds the article in an HTML page (readability-style, through
//! `dom_smoothie`), turns it into plain-text paragraphs, reads the title, outlet, date,
//! author, URL and language the page declares in its meta tags and JSON-LD, and maps
//! each paragraph back to the line of the HTML source it came from.

use std::path::Path;

use dom_smoothie::Readability;
use serde_json::{Map, Value};

use crate::ingest::article::{Article, LineMap, Metadata, Origin, Sourced};
use crate::ingest::date::NewsDate;

/// Extracts the article from a saved web page: body text (readability-style), title, and
/// outlet/date/author/url/lang from meta tags and JSON-LD. `None` when the page holds no article text.
///
/// The body holds one paragraph per block element (`p`, headings, list items, quotes…),
/// separated by a blank line, with the whitespace inside each paragraph collapsed. The
/// headline and the byline line are metadata, not body text, and are left out. Every
/// metadata value is one the page declares, tagged [`Origin::MetaTag`]; an author found
/// only in a visible byline element (no meta tag, no JSON-LD) is tagged [`Origin::Text`].
pub fn parse_html(path: &Path, html: &str) -> Option<Article> {
    let mut readability = Readability::new(html, None, None).ok()?;
    // Everything read from the page as written must be read before `parse`, which
    // strips scripts (JSON-LD included) and replaces the document with the article.
    let facts = PageFacts::collect(&readability);

    let mut paragraphs = Vec::new();
    let mut byline = None;
    let mut content_time = None;
    if let Ok(extracted) = readability.parse() {
        paragraphs = paragraphs_under(&readability, "#readability-page-1", Walk::Content);
        byline = extracted.byline;
        content_time = first_datetime(&readability, &["#readability-page-1 time[datetime]"]);
    }
    if paragraphs.is_empty() {
        // Readability found nothing, or only links and boilerplate (a short page): fall
        // back to the paragraphs of the page's body.
        let fresh = Readability::new(html, None, None).ok()?;
        paragraphs = paragraphs_under(&fresh, "body", Walk::BodyParagraphs);
    }

    let meta = facts.metadata(byline, content_time);
    drop_metadata_lines(&mut paragraphs, &meta, facts.byline_text.as_deref());
    if paragraphs.is_empty() {
        return None;
    }

    let (body, anchors) = assemble(html, &paragraphs);
    Some(Article {
        path: path.to_path_buf(),
        source_id: None,
        meta,
        body,
        lines: LineMap::Anchors(anchors),
    })
}

// ---------------------------------------------------------------------------------
// Body text
// ---------------------------------------------------------------------------------

/// How [`paragraphs_under`] treats the tree it walks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Walk {
    /// Readability's extracted article: every text node counts.
    Content,
    /// A whole `<body>`: only text inside `p`, `pre` and `blockquote` counts, and page
    /// furniture (`header` as well as `nav`, `footer`…) is skipped.
    BodyParagraphs,
}

/// Elements whose text never belongs to an article.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "canvas", "iframe", "object", "embed", "button", "select", "option", "textarea", "input",
    "form", "nav", "footer", "aside", "dialog",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements that hold paragraphs in [`Walk::BodyParagraphs`].
const PARAGRAPHS: &[&str] = &["p", "pre", "blockquote"];

/// One step of the iterative tree walk: visit a node, or leave an element.
enum Step<N> {
    Enter(N),
    Leave {
        block: bool,
        paragraph: bool,
        cell: bool,
    },
}

/// Collects paragraphs of collapsed text.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    space: bool,
}

impl Paragraphs {
    /// Appends a text node's words; whitespace at its edges becomes a pending space.
    fn push_text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for (i, word) in text.split_whitespace().enumerate() {
            if (i > 0 || self.space) && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.current.push_str(word);
            self.space = false;
        }
        if text.ends_with(char::is_whitespace) {
            self.space = true;
        }
    }

    /// Ends the current paragraph, if it has any text.
    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
        self.space = false;
    }
}

/// The text of the first element matching `selector`, one string per paragraph. The walk
/// is iterative, so deeply nested pages cannot overflow the stack.
fn paragraphs_under(readability: &Readability, selector: &str, walk: Walk) -> Vec<String> {
    let Some(selection) = readability.doc.try_select(selector) else {
        return Vec::new();
    };
    let Some(root) = selection.nodes().first().copied() else {
        return Vec::new();
    };
    let mut out = Paragraphs::default();
    let mut inside_paragraph = 0usize;
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    if walk == Walk::Content || inside_paragraph > 0 {
                        out.push_text(&node.text());
                    }
                    continue;
                }
                let Some(name) = node.node_name() else {
                    continue;
                };
                let name: &str = &name;
                let hidden = node.has_attr("hidden")
                    || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true");
                if SKIPPED.contains(&name)
                    || hidden
                    || (walk == Walk::BodyParagraphs && name == "header")
                {
                    continue;
                }
                // Table cells and line breaks separate words, not paragraphs.
                let cell = matches!(name, "br" | "td" | "th");
                if cell {
                    out.space = true;
                }
                let block = !cell && BLOCKS.contains(&name);
                let paragraph = walk == Walk::BodyParagraphs && PARAGRAPHS.contains(&name);
                if block {
                    out.flush();
                }
                if paragraph {
                    inside_paragraph += 1;
                }
                stack.push(Step::Leave {
                    block,
                    paragraph,
                    cell,
                });
                stack.extend(node.children_it(true).map(Step::Enter));
            }
            Step::Leave {
                block,
                paragraph,
                cell,
            } => {
                if block {
                    out.flush();
                }
                if paragraph {
                    inside_paragraph = inside_paragraph.saturating_sub(1);
                }
                if cell {
                    out.space = true;
                }
            }
        }
    }
    out.flush();
    out.done
}

/// Removes the headline (if the extracted text repeats it first) and the byline line
/// from the first paragraphs: they are metadata, not article text.
fn drop_metadata_lines(paragraphs: &mut Vec<String>, meta: &Metadata, byline: Option<&str>) {
    if let (Some(first), Some(title)) = (paragraphs.first(), &meta.title) {
        if same_text(first, &title.value) {
            paragraphs.remove(0);
        }
    }
    if let Some(byline) = byline {
        let head = paragraphs.len().min(3);
        if let Some(at) = paragraphs[..head].iter().position(|p| same_text(p, byline)) {
            paragraphs.remove(at);
        }
    }
}

/// Equal up to case and whitespace.
fn same_text(a: &str, b: &str) -> bool {
    let mut a = a.split_whitespace();
    let mut b = b.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.to_lowercase() == y.to_lowercase() => {}
            _ => return false,
        }
    }
}

/// Joins the paragraphs into the body and anchors each one to its line in `html`.
fn assemble(html: &str, paragraphs: &[String]) -> (String, Vec<(usize, u32)>) {
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

// ---------------------------------------------------------------------------------
// Line anchors
// ---------------------------------------------------------------------------------

/// How many bytes of a paragraph's start are compared against the source.
const PREFIX_BYTES: usize = 30;

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
    /// first on its first ~30 bytes, then on its first word alone.
    fn find(&mut self, paragraph: &str) -> Option<u32> {
        let prefix = char_prefix(paragraph, PREFIX_BYTES);
        let first_word = paragraph.split_whitespace().next().unwrap_or("");
        let found = self.search(prefix).or_else(|| {
            if first_word.len() < prefix.len() {
                self.search(first_word)
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

    /// The first place after `from` where a text run (what follows a `>`) starts with
    /// `needle`; returns the start of its first character and the end of the match.
    fn search(&mut self, needle: &str) -> Option<(usize, usize)> {
        if needle.is_empty() {
            return None;
        }
        let bytes = self.raw.as_bytes();
        let mut at = self.from;
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
            candidate = Some(at);
        }
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn char_prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
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
        if b == b'&' {
            if let Some((decoded, len)) = entity_at(bytes, i) {
                match decoded {
                    // An entity this table does not know stands for any one character.
                    None => {}
                    Some(c) if c == want || (c.is_whitespace() && want.is_whitespace()) => {}
                    Some(_) => return None,
                }
                i += len;
                continue;
            }
        }
        let got = raw.get(i..)?.chars().next()?;
        if got != want {
            return None;
        }
        i += got.len_utf8();
    }
    Some(i)
}

/// The character reference starting at `bytes[i] == b'&'`: its character (`None` for a
/// named reference this module does not know) and its length in bytes, `;` included.
/// `None` when `&` does not start a `&…;` reference.
fn entity_at(bytes: &[u8], i: usize) -> Option<(Option<char>, usize)> {
    let rest = bytes.get(i + 1..)?;
    let semi = rest.iter().take(32).position(|&b| b == b';')?;
    let name = std::str::from_utf8(&rest[..semi]).ok()?;
    let len = semi + 2;
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // Windows-1252 remaps (&#150; and friends) are left to match anything.
        if (0x80..0xA0).contains(&value) {
            return Some((None, len));
        }
        return Some((Some(char::from_u32(value).unwrap_or('\u{FFFD}')), len));
    }
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some((named_entity(name), len))
}

/// The commonest named character references in news pages.
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "pound" => '£',
        "euro" => '€',
        "yen" => '¥',
        "cent" => '¢',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "frac12" => '½',
        "shy" => '\u{AD}',
        _ => return None,
    })
}

/// Decodes character references in text that no HTML parser has seen (JSON-LD strings
/// written with `&amp;`); references this module does not know are kept as written.
fn decode_entities(s: &str) -> String {
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

// ---------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------

/// What the page declares about itself, read before readability changes the document.
struct PageFacts {
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
    byline_text: Option<String>,
}

impl PageFacts {
    fn collect(readability: &Readability) -> Self {
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

    /// The first non-empty `<meta>` content under any of `keys`, in key order.
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| {
            self.metas
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        })
    }

    /// Builds the article's metadata. `byline` is the byline readability settled on
    /// (declared or read from the page); `content_time` a `<time datetime>` in the
    /// extracted article.
    fn metadata(&self, byline: Option<String>, content_time: Option<String>) -> Metadata {
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
            .and_then(clean)
            .or_else(|| self.json_ld.publisher.clone())
            .or_else(|| {
                self.meta(&["application-name", "og:site_name"])
                    .and_then(clean)
            });

        let date = [
            declared.published_time.as_deref(),
            self.json_ld.date_published.as_deref(),
            self.meta(DATE_KEYS),
            self.time.as_deref(),
            content_time.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find_map(NewsDate::parse);

        let declared_author = declared
            .byline
            .as_deref()
            .and_then(author_name)
            .or_else(|| self.json_ld.author.clone())
            .or_else(|| {
                self.meta(&["author", "article:author", "byl"])
                    .and_then(author_name)
            });
        let author = match declared_author {
            Some(name) => Some(tag(name)),
            None => byline
                .as_deref()
                .or(self.byline_text.as_deref())
                .and_then(author_name)
                .map(|name| Sourced::new(name, Origin::Text)),
        };

        let url = [
            self.canonical.as_deref(),
            self.meta(&["og:url", "twitter:url"]),
            self.json_ld.url.as_deref(),
            declared.url.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find_map(absolute_url);

        let lang = [
            declared.lang.as_deref(),
            self.meta(&["content-language", "og:locale", "language"]),
            self.json_ld.language.as_deref(),
        ]
        .into_iter()
        .flatten()
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
fn first_datetime(readability: &Readability, selectors: &[&str]) -> Option<String> {
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

/// Collapses whitespace; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let out = squash(s);
    (!out.is_empty()).then_some(out)
}

/// Collapses every run of whitespace to one space and trims the ends.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An author name as the page writes it, without a leading "By" on each name; `None`
/// for an empty value or a URL (profile links are not names).
fn author_name(s: &str) -> Option<String> {
    let s = squash(s);
    if s.is_empty() || s.contains("://") {
        return None;
    }
    let names: Vec<&str> = s
        .split(", ")
        .map(strip_by)
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Removes a leading "By " / "by:" from a name.
fn strip_by(name: &str) -> &str {
    let trimmed = name.trim();
    let bytes = trimmed.as_bytes();
    if bytes.len() > 2
        && bytes[..2].eq_ignore_ascii_case(b"by")
        && (bytes[2].is_ascii_whitespace() || bytes[2] == b':')
    {
        trimmed[3..].trim()
    } else {
        trimmed
    }
}

/// `s` when it is an absolute http(s) URL; relative links cannot be resolved offline.
fn absolute_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let absolute = lower.starts_with("http://") || lower.starts_with("https://");
    (absolute && s.len() > 8 && !s.contains(char::is_whitespace)).then(|| s.to_owned())
}

/// The primary subtag of a language tag, lower-cased: `en-GB` and `en_GB` give `en`.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    let valid = (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && !primary.eq_ignore_ascii_case("und");
    valid.then(|| primary.to_ascii_lowercase())
}

// ---------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default, PartialEq, Eq)]
struct JsonLd {
    headline: Option<String>,
    publisher: Option<String>,
    date_published: Option<String>,
    author: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

/// At most this many JSON-LD nodes are looked at per page.
const MAX_LD_NODES: usize = 512;

impl JsonLd {
    fn collect(readability: &Readability) -> Self {
        let mut nodes = Vec::new();
        if let Some(selection) = readability.doc.try_select("script[type]") {
            for script in selection.nodes() {
                let is_ld = script.attr("type").is_some_and(|t| {
                    t.trim()
                        .to_ascii_lowercase()
                        .starts_with("application/ld+json")
                });
                if !is_ld {
                    continue;
                }
                if let Some(value) = parse_json_block(&script.text()) {
                    flatten(value, &mut nodes, 0);
                }
            }
        }
        Self::from_nodes(&nodes)
    }

    fn from_nodes(nodes: &[Map<String, Value>]) -> Self {
        let Some(article) = nodes.iter().find(|node| is_article(node)) else {
            return JsonLd::default();
        };
        let text = |key: &str| {
            article
                .get(key)
                .and_then(first_string)
                .and_then(|s| clean_ld(&s))
        };
        let authors = article
            .get("author")
            .map(|a| names(a, nodes))
            .unwrap_or_default();
        let authors: Vec<String> = authors.iter().filter_map(|a| author_name(a)).collect();
        let mut unique: Vec<String> = Vec::new();
        for author in authors {
            if !unique.contains(&author) {
                unique.push(author);
            }
        }
        let url = text("url").or_else(|| {
            let page = article.get("mainEntityOfPage")?;
            match page {
                Value::Object(map) => map
                    .get("@id")
                    .or_else(|| map.get("url"))
                    .and_then(first_string)
                    .and_then(|s| clean_ld(&s)),
                other => first_string(other).and_then(|s| clean_ld(&s)),
            }
        });
        JsonLd {
            headline: text("headline").or_else(|| text("name")),
            publisher: article
                .get("publisher")
                .and_then(|p| names(p, nodes).into_iter().next()),
            date_published: text("datePublished"),
            author: (!unique.is_empty()).then(|| unique.join(", ")),
            url,
            language: text("inLanguage"),
        }
    }
}

/// Parses one `<script type="application/ld+json">` body, tolerating comment and CDATA
/// wrappers and junk after the first value.
fn parse_json_block(text: &str) -> Option<Value> {
    let mut s = text.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = s.strip_prefix(open) {
            s = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    serde_json::Deserializer::from_str(s)
        .into_iter::<Value>()
        .next()?
        .ok()
}

/// Collects the objects of a JSON-LD value: arrays and `@graph` are looked through,
/// and a page's `mainEntity` counts as a node of its own.
fn flatten(value: Value, out: &mut Vec<Map<String, Value>>, depth: usize) {
    if depth > 8 || out.len() >= MAX_LD_NODES {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten(item, out, depth + 1);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            if let Some(main) = map.get("mainEntity").filter(|m| m.is_object()).cloned() {
                flatten(main, out, depth + 1);
            }
            if map.contains_key("@type") || map.contains_key("@id") {
                out.push(map);
            }
        }
        _ => {}
    }
}

/// Whether a node's `@type` is an article type (`NewsArticle`, `BlogPosting`…).
fn is_article(node: &Map<String, Value>) -> bool {
    let is_article_type = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report")
    };
    match node.get("@type") {
        Some(Value::String(t)) => is_article_type(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

/// The first string of a string or an array of strings.
fn first_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(|v| v.as_str().map(str::to_owned)),
        _ => None,
    }
}

/// The names in a JSON-LD person or organisation value: a string, an object with a
/// `name` (or an `@id` pointing at a node that has one), or an array of those.
fn names(value: &Value, nodes: &[Map<String, Value>]) -> Vec<String> {
    let mut out = Vec::new();
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for item in items {
        let name = match item {
            Value::String(s) => clean_ld(s),
            Value::Object(map) => map
                .get("name")
                .and_then(first_string)
                .and_then(|s| clean_ld(&s))
                .or_else(|| {
                    let id = map.get("@id")?.as_str()?;
                    let target = nodes
                        .iter()
                        .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))?;
                    target
                        .get("name")
                        .and_then(first_string)
                        .and_then(|s| clean_ld(&s))
                }),
            _ => None,
        };
        out.extend(name);
    }
    out
}

/// A JSON-LD string as text: entities decoded, whitespace collapsed.
fn clean_ld(s: &str) -> Option<String> {
    clean(&decode_entities(s))
}
