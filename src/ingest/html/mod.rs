//! Saved web pages: finds the article in an HTML page (readability-style, through
//! `dom_smoothie`), turns it into plain-text paragraphs, reads the title, outlet, date,
//! author, URL and language the page declares in its meta tags and JSON-LD, and maps
//! each paragraph back to the line of the HTML source it came from.
//!
//! From the bottom up: `charref` (character references in raw text) and `values`
//! (declared values as text); `body` (the paragraphs), `lines` (their source lines),
//! `jsonld`; `meta` (every declared fact, and which one wins); this file ties them.

mod body;
mod charref;
mod jsonld;
mod lines;
mod meta;
mod values;

use std::path::Path;

use dom_smoothie::Readability;

use crate::ingest::article::{Article, LineMap};
use body::{MAX_DEPTH, Paragraphs, Walk, drop_metadata_lines, nesting_depth, paragraphs_under};
use lines::assemble;
use meta::{PageFacts, first_datetime};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::article::{Origin, Sourced};
    use proptest::prelude::*;

    const ARTICLE: &str = include_str!("../../../tests/fixtures/html/article.html");
    const JSONLD_ONLY: &str = include_str!("../../../tests/fixtures/html/jsonld-only.html");
    const EMPTY: &str = include_str!("../../../tests/fixtures/html/empty.html");

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
