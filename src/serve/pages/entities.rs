//! The entities page `/entities`: the people, organisations and places the articles
//! mention, most mentioned first, each a link to the articles that mention it.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use maud::html;

use crate::entities::EntityKind;
use crate::serve::api::list_entities;
use crate::serve::pages::search::heading;
use crate::serve::pages::{PageError, count, frame, respond};
use crate::serve::params::{Filters, SearchParams};
use crate::serve::state::AppState;

/// Aliases shown beside a name; the JSON API has them all. (A gazetteer gives some
/// places dozens of alternate names; which of them occur in the corpus comes with
/// issue 15.)
const SHOWN_ALIASES: usize = 5;

/// `GET /entities?type=&top=`.
pub async fn page(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let (kind, list) = list_entities(&state, raw.as_deref()).await?;
    let body = html! {
        h1 { "Entities" }
        nav.kinds aria-label="Entity types" {
            a href="/entities" aria-current=[kind.is_none().then_some("page")] { "All" }
            @for each in EntityKind::ALL {
                a href=(format!("/entities?type={}&top=100", each.as_str()))
                    aria-current=[(kind == Some(each)).then_some("page")] { (heading(each)) }
            }
        }
        @if list.is_empty() {
            p.none { "The index holds no entities (was it built with --no-entities?)." }
        }
        div.columns {
            @for each in EntityKind::ALL {
                @let names: Vec<_> = list.iter().filter(|e| e.kind == each).collect();
                @if !names.is_empty() {
                    section {
                        h2 { (heading(each)) }
                        table.entities {
                            thead { tr { th scope="col" { "Name" } th.n scope="col" { "Articles" } } }
                            tbody {
                                @for entity in names {
                                    @let search = SearchParams {
                                        filters: Filters { entities: vec![entity.name.clone()], ..Filters::default() },
                                        ..SearchParams::default()
                                    };
                                    tr {
                                        td {
                                            a href=(search.href()) { (entity.name) }
                                            @if !entity.aliases.is_empty() {
                                                span.aliases {
                                                    " also " (entity.aliases.iter().take(SHOWN_ALIASES).cloned().collect::<Vec<_>>().join(", "))
                                                    @if entity.aliases.len() > SHOWN_ALIASES {
                                                        " and " (entity.aliases.len() - SHOWN_ALIASES) " more"
                                                    }
                                                }
                                            }
                                        }
                                        td.n { (count(entity.articles)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(respond(frame("Entities", "/entities", body)))
}
