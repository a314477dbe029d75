//! The article's paragraphs: a block-level walk over the tree (readability's pick, or
//! the page's own `<p>`s when that pick is thin), the depth guard that keeps
//! readability off pathological pages, and the removal of headline and byline lines.

use dom_smoothie::Readability;

use crate::ingest::article::Metadata;

/// How [`paragraphs_under`] treats the tree it walks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Walk {
    /// Readability's extracted article: every text node counts.
    Content,
    /// A whole `<body>`: only text inside `p`, `pre` and `blockquote` counts, and page
    /// furniture (`header` as well as `nav`, `footer`…) is skipped.
    BodyParagraphs,
}

/// Elements whose text never belongs to an article.
pub(super) const SKIPPED: &[&str] = &[
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
pub(super) struct Paragraphs {
    /// The finished paragraphs.
    pub(super) done: Vec<String>,
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
    pub(super) fn is_thin(&self) -> bool {
        self.chars < THIN_CHARS || self.link_chars * 2 > self.chars
    }

    /// True when most of the text is link text.
    pub(super) fn is_links(&self) -> bool {
        self.link_chars * 2 > self.chars
    }
}

/// Below this many characters, readability's pick is checked against the body's own
/// paragraphs.
const THIN_CHARS: usize = 200;

/// The text of the first element matching `selector`, one string per paragraph. The walk
/// is iterative, so deeply nested pages cannot overflow the stack.
pub(super) fn paragraphs_under(
    readability: &Readability,
    selector: &str,
    walk: Walk,
) -> Paragraphs {
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
pub(super) const MAX_DEPTH: usize = 1000;

/// How deeply the page's elements nest, counted without recursion; stops counting
/// once past [`MAX_DEPTH`].
pub(super) fn nesting_depth(readability: &Readability) -> usize {
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
pub(super) fn drop_metadata_lines(
    paragraphs: &mut Vec<String>,
    meta: &Metadata,
    byline: Option<&str>,
) {
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
