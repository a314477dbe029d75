//! JSON-LD (`<script type="application/ld+json">`): finds the article node, through
//! arrays, `@graph` and `mainEntity`, and reads its headline, publisher, date, authors,
//! URL and language, resolving `@id` references to other nodes.

use dom_smoothie::Readability;
use serde_json::{Map, Value};

use super::charref::decode_entities;
use super::values::{author_name, clean};

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct JsonLd {
    pub(super) headline: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) date_published: Option<String>,
    pub(super) author: Option<String>,
    pub(super) url: Option<String>,
    pub(super) language: Option<String>,
}

/// At most this many JSON-LD nodes are looked at per page.
const MAX_LD_NODES: usize = 512;

impl JsonLd {
    pub(super) fn collect(readability: &Readability) -> Self {
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

    #[test]
    fn json_ld_nodes_are_read_through_graphs_ids_and_arrays() {
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
}
