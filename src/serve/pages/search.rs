//! The search page `/`: the query box (query language, or plain words), the filters in
//! force, facets with counts (outlets, entities by type, coverage by month) that
//! narrow the search when clicked, and the results with their highlighted snippets;
//! "more results" asks for a longer page and scrolls to where the last one ended.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use maud::{Markup, html};

use crate::entities::EntityKind;
use crate::query::search::{Facets, Hit, Results};
use crate::serve::api::run_search;
use crate::serve::error::WebError;
use crate::serve::marks::marked;
use crate::serve::pages::histogram::histogram;
use crate::serve::pages::{PageError, count, frame, respond};
use crate::serve::params::{PAGE_SIZE, SearchParams, toggle};
use crate::serve::state::AppState;

/// `GET /`.
pub async fn page(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let params = SearchParams::parse(raw.as_deref(), &state.limits)?;
    let mut params = SearchParams {
        facets: true,
        ..params
    };
    if !params.is_search() {
        // What there is to search, under the empty box; a failure leaves just the box.
        let stats = state.ask(|engine| engine.stats()).await.ok();
        let body = html! {
            (form(&params, None))
            @if let Some(stats) = stats {
                p.overview {
                    (count(stats.articles)) " articles (" (count(stats.passages)) " passages) from "
                    (stats.outlets.len()) (if stats.outlets.len() == 1 { " outlet" } else { " outlets" })
                    @if let (Some(first), Some(last)) = (&stats.first_date, &stats.last_date) {
                        ", dated " (first) " to " (last)
                    }
                    ". " a href="/quote" { "Check a quote" } ", see who is " a href="/entities" { "mentioned" }
                    ", or what " a href="/stats" { "the index holds" } "."
                }
            }
        };
        return Ok(respond(frame("Search", "/", body)));
    }
    // A bad query is shown on the page, under the box that holds it.
    let results = match run_search(&state, &params).await {
        Ok(results) => results,
        Err(WebError::BadRequest(message)) => {
            let body = html! {
                (form(&params, Some(&message)))
            };
            let mut response = respond(frame(&params.q, "/", body));
            *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            return Ok(response);
        }
        Err(err) => return Err(err.into()),
    };
    params.limit = params.shown();
    let title = if params.q.trim().is_empty() {
        params.filters.entities.join(", ")
    } else {
        params.q.clone()
    };
    let body = html! {
        (form(&params, None))
        (filters(&params))
        div.layout {
            aside.facets aria-label="Narrow the results" {
                @if let Some(facets) = &results.facets { (facet_lists(facets, &params)) }
            }
            section.results aria-label="Results" {
                @if let Some(facets) = &results.facets { (histogram(&facets.months, &params)) }
                (hits(&results, &params))
            }
        }
    };
    Ok(respond(frame(&title, "/", body)))
}

/// The query box, with the plain-words switch and the date range.
fn form(params: &SearchParams, error: Option<&str>) -> Markup {
    html! {
        form.search role="search" action="/" method="get" {
            label.big for="q" { "Search the articles" }
            div.row {
                input #q type="search" name="q" value=(params.q) autocomplete="off"
                    placeholder="words, \"a phrase\", -without, title:word"
                    aria-describedby="q-help" aria-invalid=[error.map(|_| "true")];
                button type="submit" { "Search" }
            }
            @if let Some(message) = error {
                p.error #q-error role="alert" { (message) }
            }
            p.help #q-help {
                "Any of the words may match, and more of them rank higher; " code { "\"a phrase\"" } ", "
                code { "+must" } ", " code { "-without" } ", " code { "AND" } "/" code { "OR" } ", " code { "title:" } " and "
                code { "entity:" } " as on the command line. Press " kbd { "/" } " to come back here."
            }
            div.options {
                label.check {
                    input type="checkbox" name="plain" value="1" checked[params.plain];
                    " Plain words (no query syntax — for pasted text)"
                }
                span.dates {
                    label for="since" { "From" }
                    input #since name="since" type="text" inputmode="numeric" size="10" placeholder="2024-10"
                        value=[params.filters.since.map(|d| d.to_string())];
                    label for="until" { "to" }
                    input #until name="until" type="text" inputmode="numeric" size="10" placeholder="2024-10-31"
                        value=[params.filters.until.map(|d| d.to_string())];
                }
                @for outlet in &params.filters.outlets { input type="hidden" name="outlet" value=(outlet); }
                @for entity in &params.filters.entities { input type="hidden" name="entity" value=(entity); }
            }
        }
    }
}

/// The filters in force, each with a link that takes it away.
fn filters(params: &SearchParams) -> Markup {
    html! {
        @if params.filters.any() {
            ul.chips aria-label="Filters in force" {
                @for outlet in &params.filters.outlets {
                    li { "Outlet: " strong { (outlet) } " "
                        a.remove href=(params.with(|p| toggle(&mut p.filters.outlets, outlet)).href())
                            aria-label=(format!("Remove the outlet filter {outlet}")) { "×" } }
                }
                @for entity in &params.filters.entities {
                    li { "Mentions: " strong { (entity) } " "
                        a.remove href=(params.with(|p| toggle(&mut p.filters.entities, entity)).href())
                            aria-label=(format!("Remove the entity filter {entity}")) { "×" } }
                }
                @if params.filters.since.is_some() || params.filters.until.is_some() {
                    li { "Dates: " strong {
                            (params.filters.since.map_or_else(|| "…".to_owned(), |d| d.to_string()))
                            " – "
                            (params.filters.until.map_or_else(|| "…".to_owned(), |d| d.to_string()))
                        } " "
                        a.remove href=(params.with(|p| { p.filters.since = None; p.filters.until = None; }).href())
                            aria-label="Remove the date filter" { "×" } }
                }
            }
        }
    }
}

/// Outlets and entities with their counts of matching articles, each a link that
/// adds (or, when in force, removes) it as a filter.
fn facet_lists(facets: &Facets, params: &SearchParams) -> Markup {
    html! {
        details.facet open {
            summary { h2 { "Outlets" } }
            @if facets.outlets.is_empty() { p.none { "No outlet known" } }
            ul {
                @for outlet in &facets.outlets {
                    @let active = params.filters.outlets.iter().any(|o| o.eq_ignore_ascii_case(&outlet.value));
                    li.active[active] {
                        a href=(params.with(|p| toggle(&mut p.filters.outlets, &outlet.value)).href())
                            aria-pressed=(if active { "true" } else { "false" }) {
                            span.name { (outlet.value) }
                            span.n { (count(outlet.articles)) }
                        }
                    }
                }
            }
        }
        @for kind in EntityKind::ALL {
            @let names: Vec<_> = facets.entities.iter().filter(|e| e.kind == kind).collect();
            @if !names.is_empty() {
                details.facet open {
                    summary { h2 { (heading(kind)) } }
                    ul {
                        @for entity in names {
                            @let active = params.filters.entities.iter().any(|e| e.eq_ignore_ascii_case(&entity.name));
                            li.active[active] {
                                a href=(params.with(|p| toggle(&mut p.filters.entities, &entity.name)).href())
                                    aria-pressed=(if active { "true" } else { "false" }) {
                                    span.name { (entity.name) }
                                    span.n { (count(entity.articles)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A type of entity as a heading.
pub fn heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Org => "Organisations",
        EntityKind::Place => "Places",
    }
}

/// The results, the count, and the link to more.
fn hits(results: &Results, params: &SearchParams) -> Markup {
    let shown = &results.hits[params.offset.min(results.hits.len())..];
    let total = results.total_passages;
    let articles = results.facets.as_ref().map(|f| f.articles);
    let more = results.hits.len() < total && results.hits.len() >= params.offset + params.shown();
    html! {
        p.count role="status" {
            @if shown.is_empty() {
                "No passage matches. Try fewer words, plain words, or remove a filter."
            } @else {
                "Results " (params.offset + 1) "–" (params.offset + shown.len())
                " of " (count(total as u64)) @if results.total_is_lower_bound { "+" } " matching passages"
                @if let Some(articles) = articles { " in " (count(articles)) " articles" }
            }
            // Copies grouped under their first report and sorting by date come with
            // the query work (issue 15): their controls go here.
        }
        ol.hits start=(params.offset + 1) {
            @for hit in shown { (hit_item(hit, params)) }
        }
        nav.paging aria-label="More results" {
            @if params.offset > 0 {
                a href=(params.with(|p| p.limit = params.shown()).href()) { "From the first result" }
            }
            @if more {
                @let next = params.offset + params.shown() + 1;
                a.more href=(format!("{}#r{next}", params.with(|p| { p.offset = params.offset; p.limit = params.shown() + PAGE_SIZE; }).href())) {
                    "More results"
                }
            }
        }
    }
}

/// The link to a result's article: its passage marked, the search kept so the words
/// can be highlighted and the way back is the same search.
pub fn article_href(article_id: &str, passage: u64, params: &SearchParams) -> String {
    format!(
        "/article/{article_id}?{}&p={n}#p{n}",
        params.query_string(),
        n = passage + 1
    )
}

fn hit_item(hit: &Hit, params: &SearchParams) -> Markup {
    html! {
        li.hit #(format!("r{}", hit.rank)) {
            h2 {
                a href=(article_href(&hit.article_id, hit.passage_index, params)) {
                    (hit.title.as_deref().unwrap_or("(untitled)"))
                }
            }
            p.meta {
                span.outlet { (hit.outlet.as_deref().unwrap_or("unknown outlet")) }
                " · "
                @if let Some(date) = &hit.date { time datetime=(date) { (date) } } @else { span.undated { "undated" } }
                " · passage " (hit.passage_index + 1)
            }
            p.snippet { (marked(&hit.snippet, &hit.highlights)) }
        }
    }
}
