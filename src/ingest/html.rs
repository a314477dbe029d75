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

    let mut content = Paragraphs::default();
    let mut byline = None;
    let mut content_time = None;
    // Readability's work grows with the square of the nesting depth; pathologically
    // deep pages go straight to the (iterative) fallback below.
    let parsed = if nesting_depth(&readability) <= MAX_DEPTH {
        readability.parse().ok()
    } else {
        None
    };
    let replaced = parsed.is_some();
    if let Some(extracted) = parsed {
        content = paragraphs_under(&readability, "#readability-page-1", Walk::Content);
        byline = extracted.byline;
        content_time = first_datetime(&readability, &["#readability-page-1 time[datetime]"]);
    }
    let mut paragraphs = if content.is_thin() {
        // Readability found nothing, or little, or mostly links (a short page or a
        // menu): the body's own paragraphs are the better guess when there are any. A
        // successful `parse` replaced the document with its pick, so the page is read
        // again; otherwise it is intact but for scripts and styles.
        if replaced {
            readability = Readability::new(html, None, None).ok()?;
        }
        let body = paragraphs_under(&readability, "body", Walk::BodyParagraphs);
        if !body.done.is_empty() && !body.is_links() {
            body.done
        } else if content.is_links() {
            Vec::new()
        } else {
            content.done
        }
    } else {
        content.done
    };

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
    "nav", "footer", "aside", "dialog",
];

/// Elements that start and end a paragraph.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
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
        link: bool,
    },
}

/// Collects paragraphs of collapsed text.
#[derive(Default)]
struct Paragraphs {
    /// The finished paragraphs.
    done: Vec<String>,
    current: String,
    /// A space is due before the next word.
    space: bool,
    /// How many `<a>` elements the walk is inside.
    links: usize,
    /// Characters of text, and how many of them are link text.
    chars: usize,
    link_chars: usize,
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
            let chars = word.chars().count();
            self.chars += chars;
            if self.links > 0 {
                self.link_chars += chars;
            }
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

    /// True when the text is too short to trust, or mostly link text (menus).
    fn is_thin(&self) -> bool {
        self.chars < THIN_CHARS || self.link_chars * 2 > self.chars
    }

    /// True when most of the text is link text.
    fn is_links(&self) -> bool {
        self.link_chars * 2 > self.chars
    }
}

/// Below this many characters, readability's pick is checked against the body's own
/// paragraphs.
const THIN_CHARS: usize = 200;

/// The text of the first element matching `selector`, one string per paragraph. The walk
/// is iterative, so deeply nested pages cannot overflow the stack.
fn paragraphs_under(readability: &Readability, selector: &str, walk: Walk) -> Paragraphs {
    let mut out = Paragraphs::default();
    let Some(selection) = readability.doc.try_select(selector) else {
        return out;
    };
    let Some(root) = selection.nodes().first().copied() else {
        return out;
    };
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
                let link = name == "a";
                if link {
                    out.links += 1;
                }
                stack.push(Step::Leave {
                    block,
                    paragraph,
                    cell,
                    link,
                });
                stack.extend(node.children_it(true).map(Step::Enter));
            }
            Step::Leave {
                block,
                paragraph,
                cell,
                link,
            } => {
                if link {
                    out.links = out.links.saturating_sub(1);
                }
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
    out
}

/// Pages nested deeper than this skip readability (which needs ~0.15 s at this depth).
const MAX_DEPTH: usize = 1000;

/// How deeply the page's elements nest, counted without recursion; stops counting
/// once past [`MAX_DEPTH`].
fn nesting_depth(readability: &Readability) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(readability.doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        if deepest > MAX_DEPTH {
            break;
        }
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

/// Removes the headline (if the extracted text repeats it first) and the byline line
/// from the first paragraphs: they are metadata, not article text.
fn drop_metadata_lines(paragraphs: &mut Vec<String>, meta: &Metadata, byline: Option<&str>) {
    if let (Some(first), Some(title)) = (paragraphs.first(), &meta.title)
        && same_text(first, &title.value)
    {
        paragraphs.remove(0);
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
        if b == b'&'
            && let Some((decoded, len)) = entity_at(bytes, i)
        {
            // An entity this table does not know stands for any one character.
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ARTICLE: &str = include_str!("../../tests/fixtures/html/article.html");
    const JSONLD_ONLY: &str = include_str!("../../tests/fixtures/html/jsonld-only.html");
    const EMPTY: &str = include_str!("../../tests/fixtures/html/empty.html");

    fn parse(html: &str) -> Article {
        parse_html(Path::new("page.html"), html).expect("the page has article text")
    }

    fn value<T: Clone>(field: &Option<Sourced<T>>) -> T {
        field.as_ref().expect("the field is set").value.clone()
    }

    fn paragraphs(article: &Article) -> Vec<&str> {
        article.body.split("\n\n").collect()
    }

    /// The 1-based source line of the paragraph that starts with `start`.
    fn line_of(article: &Article, start: &str) -> u32 {
        let offset = article
            .body
            .find(start)
            .expect("the paragraph is in the body");
        article.lines.line_at(&article.body, offset)
    }

    /// A wrapper with enough text for readability to settle on the article.
    fn page(head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html>\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"
        )
    }

    fn story(paragraphs: usize) -> String {
        (1..=paragraphs)
            .map(|i| {
                format!(
                    "<p>Paragraph {i} of the story says that the harbour authority met on \
                     Tuesday and agreed, after a long debate, to publish its accounts.</p>\n"
                )
            })
            .collect()
    }

    #[test]
    fn article_page_metadata_comes_from_its_meta_tags() {
        let article = parse(ARTICLE);
        let meta = &article.meta;
        assert_eq!(
            value(&meta.title),
            "Harbour council approves flood barrier after two-year dispute"
        );
        assert_eq!(value(&meta.outlet), "The Coastal Ledger");
        assert_eq!(value(&meta.date).to_string(), "2024-10-08");
        assert_eq!(value(&meta.author), "Maria Lindqvist");
        assert_eq!(
            value(&meta.url),
            "https://www.coastalledger.example/news/2024/10/08/harbour-flood-barrier"
        );
        assert_eq!(value(&meta.lang), "en");
        assert_eq!(article.source_id, None);
        assert_eq!(article.path, Path::new("page.html"));
        let origins = [
            meta.title.as_ref().map(|s| s.origin),
            meta.outlet.as_ref().map(|s| s.origin),
            meta.date.as_ref().map(|s| s.origin),
            meta.author.as_ref().map(|s| s.origin),
            meta.url.as_ref().map(|s| s.origin),
            meta.lang.as_ref().map(|s| s.origin),
        ];
        assert!(
            origins.iter().all(|o| *o == Some(Origin::MetaTag)),
            "{origins:?}"
        );
    }

    #[test]
    fn article_page_body_is_exactly_the_story_paragraphs() {
        let article = parse(ARTICLE);
        let paras = paragraphs(&article);
        assert_eq!(paras.len(), 7, "{paras:#?}");
        assert_eq!(
            paras[0],
            "Eastmouth councillors voted 31 to 12 on Monday night to build a tidal barrier \
             across the mouth of the harbour, ending a dispute that has split the town for \
             more than two years."
        );
        assert_eq!(
            paras[1],
            "The council\u{2019}s decision follows an independent review, published in May, \
             which found that the existing sea wall would be overtopped by a \
             one-in-fifty-year storm within the next decade. Residents & business owners on \
             the quay had warned that the barrier would permanently change the character of \
             the old harbour."
        );
        assert_eq!(paras[3], "Cost and timetable");
        assert_eq!(
            paras[6],
            "A public exhibition of the final design will open at the Eastmouth library on \
             21 October."
        );
        assert!(article.body.contains("cost \u{a3}48 million"));
        assert!(
            article
                .body
                .contains("\u{201c}a sad night for the harbour\u{201d}.")
        );
        for boilerplate in [
            "&amp;",
            "&#8217;",
            "&ldquo;",
            "tracking",
            "ledgerAnalytics",
            "font-family",
            "Home",
            "Subscribe",
            "By Maria",
            "local affairs correspondent",
            "Related stories",
            "Hundreds march",
            "cookie",
            "rights reserved",
            "Harbour council approves",
        ] {
            assert!(
                !article.body.contains(boilerplate),
                "body holds {boilerplate:?}"
            );
        }
        for para in &paras {
            assert_eq!(para.trim(), *para);
            assert!(!para.contains('\n') && !para.contains("  "), "{para:?}");
        }
    }

    #[test]
    fn article_page_paragraphs_are_anchored_to_their_source_lines() {
        let article = parse(ARTICLE);
        let LineMap::Anchors(anchors) = &article.lines else {
            panic!("HTML bodies are anchored");
        };
        assert_eq!(anchors.len(), 7);
        assert_eq!(article.lines.line_at(&article.body, 0), 55);
        assert_eq!(line_of(&article, "The council\u{2019}s decision"), 56);
        // Inside a paragraph the line stays that of the paragraph's start.
        let inside = article.body.find("Residents & business").unwrap_or(0);
        assert_eq!(article.lines.line_at(&article.body, inside), 56);
        assert_eq!(line_of(&article, "\u{201c}We have listened"), 59);
        assert_eq!(line_of(&article, "Cost and timetable"), 60);
        assert_eq!(line_of(&article, "A public exhibition"), 63);
        let source: Vec<&str> = ARTICLE.lines().collect();
        assert!(
            source[62]
                .trim_start()
                .starts_with("<p>A public exhibition")
        );
    }

    #[test]
    fn json_ld_graph_supplies_everything_on_a_page_without_meta_tags() {
        let article = parse(JSONLD_ONLY);
        let meta = &article.meta;
        assert_eq!(
            value(&meta.title),
            "Ferry operator fined & warned over lifejacket shortfall"
        );
        assert_eq!(value(&meta.outlet), "North Sound Post");
        assert_eq!(value(&meta.date).to_string(), "2024-10-08");
        assert_eq!(value(&meta.author), "Ewan MacLeod, Anna Berg");
        assert_eq!(
            value(&meta.url),
            "https://northsoundpost.example/2024/10/ferry-fine"
        );
        assert_eq!(value(&meta.lang), "en");
        for origin in [
            meta.title.as_ref().map(|s| s.origin),
            meta.outlet.as_ref().map(|s| s.origin),
            meta.date.as_ref().map(|s| s.origin),
            meta.author.as_ref().map(|s| s.origin),
            meta.url.as_ref().map(|s| s.origin),
            meta.lang.as_ref().map(|s| s.origin),
        ] {
            assert_eq!(origin, Some(Origin::MetaTag));
        }
        let paras = paragraphs(&article);
        assert_eq!(paras.len(), 4);
        assert!(paras[0].starts_with("A ferry company that runs the crossing"));
        assert_eq!(
            paras[3],
            "The fine of 18,000 pounds is the largest the agency has imposed on a passenger \
             ferry in the region."
        );
        assert_eq!(article.lines.line_at(&article.body, 0), 39);
        assert_eq!(line_of(&article, "The fine of 18,000"), 42);
    }

    #[test]
    fn a_page_without_article_text_gives_none() {
        assert_eq!(parse_html(Path::new("empty.html"), EMPTY), None);
        assert_eq!(parse_html(Path::new("blank.html"), ""), None);
        assert_eq!(
            parse_html(Path::new("nav.html"), &page("", "<nav><p>Home</p></nav>")),
            None
        );
    }

    #[test]
    fn a_short_page_falls_back_to_its_body_paragraphs() {
        let html = page(
            "<title>Notice</title>",
            "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n\
             <header><p>The Daily Example</p></header>\n\
             <p>The office is closed on Friday.</p>\n\
             <footer><p>We use cookies.</p></footer>",
        );
        let article = parse(&html);
        assert_eq!(article.body, "The office is closed on Friday.");
        assert_eq!(article.lines.line_at(&article.body, 0), 9);
    }

    #[test]
    fn block_elements_make_paragraphs_and_inline_ones_do_not() {
        let body = format!(
            "<article><div><p><span class=\"dropcap\">T</span>he lead sentence, \
             with <a href=\"/x\">a link</a>and <b>bold</b> words.</p><p>Second\u{a0}one,\n\t\
             spread   over   lines.</p><ul><li>First item</li><li>Second <i>item</i></li></ul>\
             <div>Direct text in a div<p>Nested paragraph.</p></div>\
             <blockquote>A quoted line<br>after a break.</blockquote>\
             <script>var tracking = 1;</script><style>p {{ color: red }}</style>\
             <table><tr><td>cell one</td><td>cell two</td></tr></table>{}</div></article>",
            story(4)
        );
        let article = parse(&page("<title>Block test</title>", &body));
        let paras = paragraphs(&article);
        assert_eq!(paras[0], "The lead sentence, with a linkand bold words.");
        assert_eq!(paras[1], "Second one, spread over lines.");
        assert_eq!(paras[2], "First item");
        assert_eq!(paras[3], "Second item");
        assert_eq!(paras[4], "Direct text in a div");
        assert_eq!(paras[5], "Nested paragraph.");
        assert_eq!(paras[6], "A quoted line after a break.");
        assert_eq!(paras[7], "cell one cell two");
        assert!(paras[8].starts_with("Paragraph 1 of the story"));
        assert!(!article.body.contains("tracking") && !article.body.contains("color"));
    }

    #[test]
    fn a_byline_inside_the_story_is_metadata_not_body_text() {
        let body = format!(
            "<article><h1>Harbour accounts to be published</h1>\
             <div class=\"text\"><p class=\"byline\">By Jo Smith</p>{}</div></article>",
            story(5)
        );
        let head = "<title>Harbour accounts to be published</title>\n\
                    <meta name=\"author\" content=\"Jo Smith\">";
        let article = parse(&page(head, &body));
        assert_eq!(value(&article.meta.author), "Jo Smith");
        assert!(!article.body.contains("By Jo Smith"), "{}", article.body);
        assert!(
            !article.body.contains("Harbour accounts"),
            "{}",
            article.body
        );
        assert!(article.body.starts_with("Paragraph 1 of the story"));
        assert_eq!(paragraphs(&article).len(), 5);
    }

    #[test]
    fn an_author_only_in_a_visible_byline_is_read_from_the_text() {
        let body = format!(
            "<article><p class=\"byline\">By Jo Smith</p><div>{}</div></article>",
            story(5)
        );
        let article = parse(&page("<title>Accounts</title>", &body));
        let author = article.meta.author.expect("the byline gives an author");
        assert_eq!(author.value, "Jo Smith");
        assert_eq!(author.origin, Origin::Text);
        assert!(!article.body.contains("Jo Smith"));
    }

    #[test]
    fn json_ld_shapes_are_all_understood() {
        let head = r##"<title>Fallback title</title>
<script type="application/ld+json">
[{"@context": "https://schema.org", "@type": "WebPage", "name": "Not this"},
 {"@context": "https://schema.org", "@type": "ReportageNewsArticle",
  "headline": "Quay &amp; harbour report", "author": "by Sam Lee",
  "publisher": [{"@id": "#org"}], "datePublished": "2023-05-01",
  "mainEntityOfPage": {"@id": "https://example.org/quay-report"}}]
</script>
<script type="application/ld+json">{"@graph": [{"@type": "Organization", "@id": "#org", "name": "Harbour Gazette"}]}</script>"##;
        let article = parse(&page(head, &format!("<article>{}</article>", story(5))));
        let meta = &article.meta;
        assert_eq!(value(&meta.title), "Quay & harbour report");
        assert_eq!(value(&meta.author), "Sam Lee");
        assert_eq!(value(&meta.date).to_string(), "2023-05-01");
        assert_eq!(value(&meta.url), "https://example.org/quay-report");
        // The publisher is only an `@id`, resolved against a node of a later block.
        assert_eq!(value(&meta.outlet), "Harbour Gazette");
        assert_eq!(meta.lang, None);

        let nodes = |json: &str| {
            let mut out = Vec::new();
            flatten(serde_json::from_str(json).expect("valid JSON"), &mut out, 0);
            JsonLd::from_nodes(&out)
        };
        let ld = nodes(
            r#"{"@graph": [{"@type": "Organization", "@id": "o", "name": "Gazette"},
                {"@type": "Person", "@id": "p", "name": "By Ann Roe"},
                {"@type": ["Article"], "name": "Name only", "publisher": {"@id": "o"},
                 "author": [{"@id": "p"}, "Bo Li", {"name": "Bo Li"}], "url": ["https://e.org/a"],
                 "inLanguage": "fr-CA"}]}"#,
        );
        assert_eq!(ld.headline.as_deref(), Some("Name only"));
        assert_eq!(ld.publisher.as_deref(), Some("Gazette"));
        assert_eq!(ld.author.as_deref(), Some("Ann Roe, Bo Li"));
        assert_eq!(ld.url.as_deref(), Some("https://e.org/a"));
        assert_eq!(ld.language.as_deref(), Some("fr-CA"));
        let ld = nodes(
            r#"{"@type": "WebPage", "mainEntity": {"@type": "BlogPosting", "publisher": "Blog Co"}}"#,
        );
        assert_eq!(ld.publisher.as_deref(), Some("Blog Co"));
        assert_eq!(
            nodes(r#"{"@type": "Recipe", "name": "Soup"}"#),
            JsonLd::default()
        );
        assert_eq!(
            parse_json_block("<!-- {\"a\": 1} -->"),
            Some(serde_json::json!({"a": 1}))
        );
        assert_eq!(
            parse_json_block("{\"a\": 1};\n junk"),
            Some(serde_json::json!({"a": 1}))
        );
        assert_eq!(parse_json_block("{broken"), None);
    }

    #[test]
    fn other_meta_tags_fill_what_readability_leaves_out() {
        let head = r#"<meta name="application-name" content="Ledger Weekly">
<meta name="pubdate" content="not a date">
<meta name="DC.date" content="2022-02-03">
<meta property="og:url" content="https://example.org/og">
<link rel="canonical" href="/relative/only">
<meta http-equiv="content-language" content="DE-at">
<title>Weekly news</title>"#;
        let article = parse(&page(head, &format!("<article>{}</article>", story(5))));
        let meta = &article.meta;
        assert_eq!(value(&meta.outlet), "Ledger Weekly");
        assert_eq!(value(&meta.date).to_string(), "2022-02-03");
        assert_eq!(value(&meta.url), "https://example.org/og");
        assert_eq!(value(&meta.lang), "de");
        assert_eq!(meta.author, None);
    }

    #[test]
    fn a_time_element_in_the_article_dates_it_and_nothing_is_invented() {
        let body = format!(
            "<article><p>Filed <time datetime=\"2021-12-24T18:00:00Z\">Christmas Eve</time> \
             from the quay.</p>{}</article>",
            story(5)
        );
        let article = parse(&page("<title>T</title>", &body));
        assert_eq!(value(&article.meta.date).to_string(), "2021-12-24");
        let bare = parse(&page("", &format!("<main>{}</main>", story(5))));
        assert_eq!(bare.meta.outlet, None);
        assert_eq!(bare.meta.date, None);
        assert_eq!(bare.meta.author, None);
        assert_eq!(bare.meta.url, None);
        assert_eq!(bare.meta.lang, None);
    }

    #[test]
    fn small_helpers() {
        assert_eq!(primary_language("en-GB").as_deref(), Some("en"));
        assert_eq!(primary_language(" PT_br ").as_deref(), Some("pt"));
        assert_eq!(primary_language("x-klingon"), None);
        assert_eq!(primary_language("und"), None);
        assert_eq!(strip_by("By Jane Doe"), "Jane Doe");
        assert_eq!(strip_by("by: Jane Doe"), "Jane Doe");
        assert_eq!(strip_by("Byron Bay"), "Byron Bay");
        assert_eq!(author_name("By A, By B").as_deref(), Some("A, B"));
        assert_eq!(author_name("https://social.example/jane"), None);
        assert_eq!(
            absolute_url("HTTPS://e.org/x").as_deref(),
            Some("HTTPS://e.org/x")
        );
        assert_eq!(absolute_url("//e.org/x"), None);
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x2014; &bogus; &"),
            "a & b \u{2019} \u{2014} &bogus; &"
        );
        assert_eq!(
            match_at("Tom&rsquo;s <b>big</b>\n day", 0, "Tom\u{2019}s big day"),
            Some(27)
        );
        assert_eq!(match_at("<i>T</i>he&nbsp;end", 0, "The end"), Some(19));
        assert_eq!(match_at("The end", 0, "The fin"), None);
        assert_eq!(char_prefix("ab\u{e9}", 3), "ab");
    }

    /// Invariants every result must keep, whatever the input.
    fn check(html: &str) -> Result<(), TestCaseError> {
        if let Some(article) = parse_html(Path::new("x.html"), html) {
            let LineMap::Anchors(anchors) = &article.lines else {
                return Err(TestCaseError::fail("not anchored"));
            };
            prop_assert!(!article.body.is_empty());
            prop_assert_eq!(article.body.trim(), article.body.as_str());
            prop_assert!(!article.body.contains("\n\n\n"));
            let mut previous = 0;
            for &(offset, line) in anchors {
                prop_assert!(offset <= article.body.len());
                prop_assert!(article.body.is_char_boundary(offset));
                prop_assert!(offset >= previous);
                prop_assert!(line >= 1);
                previous = offset;
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn never_panics_on_arbitrary_text(html in any::<String>()) {
            check(&html)?;
        }

        #[test]
        fn never_panics_on_tag_soup(
            html in r#"(<(/?[a-z]{1,7}|!--|p|div|script)( [a-z]{1,5}(="[^"]{0,8}")?)?>|[a-zA-Z &;#<>"'\n]{0,12}|&[a-z#0-9]{0,6};?)*"#
        ) {
            check(&html)?;
        }

        #[test]
        fn never_panics_on_damaged_article(
            cut in 0usize..8000,
            start in 0usize..8000,
            len in 0usize..400,
            insert in r#"[<>&;"a-z/ \n]{0,20}"#,
        ) {
            let floor = |s: &str, mut i: usize| {
                i = i.min(s.len());
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            check(&ARTICLE[..floor(ARTICLE, cut)])?;
            let from = floor(ARTICLE, start);
            let to = floor(ARTICLE, from + len);
            let mut damaged = String::with_capacity(ARTICLE.len());
            damaged.push_str(&ARTICLE[..from]);
            damaged.push_str(&insert);
            damaged.push_str(&ARTICLE[to..]);
            check(&damaged)?;
        }
    }
}
