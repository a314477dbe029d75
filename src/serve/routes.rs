//! Every address the server answers, and the layers around them: the safety headers
//! on every answer and the request body limit. Articles are addressed by id; no route
//! reads a file named by the request.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::serve::state::AppState;
use crate::serve::{api, assets, headers, pages};

/// The router for `state`.
pub fn router(state: AppState) -> Router {
    let body_limit = state.limits.body_bytes;
    Router::new()
        .route("/", get(pages::search::page))
        .route("/article/{id}", get(pages::article::page))
        .route("/quote", get(pages::quote::page))
        .route(
            "/quote/list",
            get(pages::list::page).post(pages::list::submit),
        )
        .route("/entities", get(pages::entities::page))
        .route("/stats", get(pages::stats::page))
        .route("/assets/{name}", get(assets::asset))
        .route("/api/query", get(api::query))
        .route("/api/quote", get(api::quote).post(api::quote_body))
        .route("/api/quote/list", post(api::quote_list))
        .route("/api/article/{id}", get(api::article))
        .route("/api/entities", get(api::entities))
        .route("/api/stats", get(api::stats))
        .route("/api/{*rest}", get(api::not_found).post(api::not_found))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::map_response(headers::secure))
        .with_state(state)
}
