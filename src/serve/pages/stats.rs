//! The index page `/stats`: what the index holds (articles, passages, outlets, dates)
//! and what the last indexing run left out, and why.

use axum::extract::State;
use axum::response::Response;
use maud::html;

use crate::render::run::summary_line;
use crate::serve::pages::{PageError, count, frame, respond};
use crate::serve::state::AppState;

/// `GET /stats`.
pub async fn page(State(state): State<AppState>) -> Result<Response, PageError> {
    let stats = state.ask(|engine| engine.stats()).await?;
    let body = html! {
        h1 { "Index" }
        dl.meta {
            dt { "Articles" } dd { (count(stats.articles)) }
            dt { "Passages" } dd { (count(stats.passages)) }
            dt { "Files" } dd { (count(stats.files)) }
            dt { "Dates" }
            dd {
                @match (&stats.first_date, &stats.last_date) {
                    (Some(first), Some(last)) => { (first) " to " (last) }
                    _ => { "none known" }
                }
                " (" (count(stats.articles_without_date)) " undated)"
            }
            dt { "Outlets" } dd { (stats.outlets.len()) " (" (count(stats.articles_without_outlet)) " articles without one)" }
        }
        @if !stats.outlets.is_empty() {
            table.outlets {
                caption { "Articles per outlet" }
                thead { tr { th scope="col" { "Outlet" } th.n scope="col" { "Articles" } } }
                tbody {
                    @for outlet in &stats.outlets {
                        tr { td { (outlet.outlet) } td.n { (count(outlet.articles)) } }
                    }
                }
            }
        }
        h2 { "Last indexing run" }
        @match &stats.last_run {
            None => p.none { "No record of the last run." },
            Some(run) => {
                p { (summary_line(run)) }
                @if run.skipped.is_empty() {
                    p.none { "Nothing was skipped." }
                } @else {
                    table.skipped {
                        caption { "Skipped, and why" }
                        thead { tr { th scope="col" { "File" } th scope="col" { "Kind" } th scope="col" { "Reason" } } }
                        tbody {
                            @for item in &run.skipped {
                                tr {
                                    td { code { (item.path) @if let Some(line) = item.line { ":" (line) } } }
                                    td { (item.kind) }
                                    td { (item.reason) }
                                }
                            }
                        }
                    }
                    @let listed = run.skipped.len() as u64;
                    @if run.skipped_total() > listed {
                        p.note { "… and " (count(run.skipped_total() - listed)) " more." }
                    }
                }
            }
        }
        p { a href="/" { "Search" } " · " a href="/api/stats" { "JSON" } }
    };
    Ok(respond(frame("Index", "/stats", body)))
}
