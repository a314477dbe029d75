//! The article page `/article/{id}`: metadata with where each value came from, the
//! entities as links that filter the search, and the numbered passages — the one a
//! result or a quote pointed at marked (the fragment scrolls to it), the search's
//! words highlighted. Articles are found by id only.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use maud::{Markup, html};

use crate::entities::EntityKind;
use crate::ingest::{Origin, Sourced};
use crate::query::show::Shown;
use crate::serve::api::find_article;
use crate::serve::marks::marked;
use crate::serve::pages::search::heading;
use crate::serve::pages::{PageError, frame, respond};
use crate::serve::params::{SearchParams, toggle};
use crate::serve::state::AppState;

/// `GET /article/{id}?q=…&p=N&quote=…`: `q` and the filters are the search that led
/// here, `p` the passage to mark (1-based), `quote` a matched text to mark.
pub async fn page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let params = SearchParams::parse(raw.as_deref(), &state.limits)?;
    let mut asked: Option<u64> = None;
    let mut quote: Option<String> = None;
    for (key, value) in form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "p" => asked = value.parse::<u64>().ok().filter(|&n| n > 0),
            "quote" if !value.trim().is_empty() => quote = Some(value.into_owned()),
            _ => {}
        }
    }
    let shown = find_article(&state, id).await?;
    let texts: Vec<String> = shown
        .article
        .passages
        .iter()
        .map(|p| p.text.clone())
        .collect();
    let highlights = if params.q.trim().is_empty() {
        vec![Vec::new(); texts.len()]
    } else {
        let request = params.request();
        let lang = shown.article.meta.lang.as_ref().map(|l| l.value.clone());
        // Highlighting is a nicety: a query that no longer parses shows the article plain.
        state
            .ask(move |engine| {
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                engine.highlights(&request, lang.as_deref(), &refs)
            })
            .await
            .unwrap_or_default()
    };
    let title = shown
        .article
        .meta
        .title
        .as_ref()
        .map_or_else(|| "(untitled)".to_owned(), |t| t.value.clone());
    let body = article(&shown, &params, asked, quote.as_deref(), &highlights);
    Ok(respond(frame(&title, "", body)))
}

/// Where a value came from, in words.
fn origin(origin: Origin) -> &'static str {
    match origin {
        Origin::FrontMatter => "from the front matter",
        Origin::JsonField => "from a JSON field",
        Origin::MetaTag => "from the page's meta tags",
        Origin::FolderDefaults => "from the folder's search.toml",
        Origin::Text => "from the text",
        Origin::Detected => "detected from the text",
    }
}

fn field<T: ToString>(name: &str, value: Option<&Sourced<T>>) -> Markup {
    html! {
        @if let Some(value) = value {
            dt { (name) }
            dd { (value.value.to_string()) " " span.origin { (origin(value.origin)) } }
        }
    }
}

fn article(
    shown: &Shown,
    params: &SearchParams,
    asked: Option<u64>,
    quote: Option<&str>,
    highlights: &[Vec<[usize; 2]>],
) -> Markup {
    let article = &shown.article;
    let meta = &article.meta;
    // The passage to mark: the one asked for, else the first holding the quote (or
    // the quote's first paragraph, when it runs across a break).
    let texts: Vec<&str> = article.passages.iter().map(|p| p.text.as_str()).collect();
    let quote_marks = quote
        .map(|quote| quote_ranges(&texts, quote))
        .unwrap_or_default();
    let quoted = quote_marks.first().map(|&(i, _)| article.passages[i].index);
    let marked_passage = asked.map(|n| n - 1).or(quoted).or(shown.marked);
    let back = params.is_search().then(|| params.with(|_| {}).href());
    html! {
        nav.back aria-label="Back" {
            @if let Some(back) = &back { a href=(back) { "← Back to the results" } }
            @else { a href="/" { "← Search" } }
        }
        article.article {
            h1 { (meta.title.as_ref().map_or("(untitled)", |t| t.value.as_str())) }
            dl.meta {
                (field("Outlet", meta.outlet.as_ref()))
                (field("Date", meta.date.as_ref()))
                (field("Author", meta.author.as_ref()))
                (field("URL", meta.url.as_ref()))
                (field("Language", meta.lang.as_ref()))
                (field("Title", meta.title.as_ref()))
                dt { "Source" }
                dd { code { (article.path) } }
                @if let Some(id) = &article.source_id { dt { "Source id" } dd { code { (id) } } }
                dt { "Article id" }
                dd { code { (article.article_id) } " " a href=(format!("/api/article/{}", article.article_id)) { "JSON" } }
            }
            @if !article.entities.is_empty() {
                section.entities aria-label="Mentioned" {
                    @for kind in EntityKind::ALL {
                        @let names: Vec<_> = article.entities.iter().filter(|e| e.kind == kind).collect();
                        @if !names.is_empty() {
                            h2 { (heading(kind)) }
                            ul.links {
                                @for entity in names {
                                    li { a href=(params.with(|p| {
                                            if !p.filters.entities.iter().any(|e| e.eq_ignore_ascii_case(&entity.name)) {
                                                toggle(&mut p.filters.entities, &entity.name);
                                            }
                                        }).href())
                                        title=(format!("Search the articles that mention {}", entity.name)) { (entity.name) } }
                                }
                            }
                        }
                    }
                }
            }
            h2 { (article.passages.len()) " passages" }
            ol.passages {
                @for (i, passage) in article.passages.iter().enumerate() {
                    @let is_marked = marked_passage == Some(passage.index);
                    @let n = passage.index + 1;
                    li.passage.marked[is_marked] #(format!("p{n}")) aria-current=[is_marked.then_some("true")] {
                        a.num href=(format!("#p{n}")) aria-label=(format!("Passage {n}")) { (n) }
                        div.text {
                            @if is_marked { span #marked {} }
                            @let span = (quoted == marked_passage)
                                .then(|| quote_marks.iter().find(|(at, _)| *at == i).map(|&(_, range)| vec![range]))
                                .flatten();
                            @match span {
                                Some(ranges) => (marked(&passage.text, &ranges)),
                                None => (marked(&passage.text, highlights.get(i).map_or(&[][..], Vec::as_slice))),
                            }
                        }
                        span.line { "line " (passage.line) }
                    }
                }
            }
        }
    }
}

/// Where a matched quote sits among an article's passages: `(passage, byte range)`
/// pairs in order — one passage holding it whole, or, for a quote that runs across
/// paragraph breaks, the end of one passage, any whole ones, and the start of the
/// next. Empty when the passages do not hold it.
fn quote_ranges(passages: &[&str], quote: &str) -> Vec<(usize, [usize; 2])> {
    if let Some((i, at)) = passages
        .iter()
        .enumerate()
        .find_map(|(i, text)| text.find(quote).map(|at| (i, at)))
    {
        return vec![(i, [at, at + quote.len()])];
    }
    let pieces: Vec<&str> = quote
        .split("\n\n")
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect();
    if pieces.len() < 2 {
        return Vec::new();
    }
    let last = pieces.len() - 1;
    for start in 0..passages.len().saturating_sub(last) {
        let found: Option<Vec<(usize, [usize; 2])>> = pieces
            .iter()
            .enumerate()
            .map(|(k, piece)| {
                let text = passages[start + k].trim_end();
                let fits = match k {
                    0 => text.ends_with(piece),
                    k if k == last => text.trim_start().starts_with(piece),
                    _ => text.trim() == *piece,
                };
                if !fits {
                    return None;
                }
                let at = if k == 0 {
                    text.len() - piece.len()
                } else {
                    passages[start + k].find(piece)?
                };
                Some((start + k, [at, at + piece.len()]))
            })
            .collect();
        if let Some(found) = found {
            return found;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::quote_ranges;

    #[test]
    fn a_quote_is_found_whole_or_across_paragraph_breaks() {
        let passages = [
            "The minister spoke first.",
            "Lawson said the crisis began abroad. It was a lack of confidence.",
            "This began on Wall Street, he said.",
        ];
        assert_eq!(
            quote_ranges(&passages, "the crisis began abroad"),
            [(1, [12, 35])]
        );
        assert_eq!(
            quote_ranges(
                &passages,
                "It was a lack of confidence.\n\nThis began on Wall Street"
            ),
            [(1, [37, 65]), (2, [0, 25])]
        );
        assert!(quote_ranges(&passages, "never said").is_empty());
        // Pieces that are not neighbours are no match.
        assert!(quote_ranges(&passages, "spoke first.\n\nThis began").is_empty());
    }
}
