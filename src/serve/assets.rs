//! The style sheet and the script, compiled into the binary: the pages load nothing
//! from anywhere else. The script is a plain ES module that only enhances pages that
//! work without it.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

const STYLE: &str = include_str!("assets/style.css");
const SCRIPT: &str = include_str!("assets/app.js");

/// The style sheet's address, with a version so a new binary's sheet is fetched anew.
pub const STYLE_HREF: &str = concat!("/assets/style.css?v=", env!("CARGO_PKG_VERSION"));
/// The script's address.
pub const SCRIPT_SRC: &str = concat!("/assets/app.js?v=", env!("CARGO_PKG_VERSION"));

/// `GET /assets/{name}`: one of the two files by name; anything else is a plain 404
/// (a missing style sheet or script is read by a browser, not a person: no error page).
pub async fn asset(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "style.css" => (STYLE, "text/css; charset=utf-8"),
        "app.js" => (SCRIPT, "text/javascript; charset=utf-8"),
        _ => {
            return (
                StatusCode::NOT_FOUND,
                [(CONTENT_TYPE, "text/plain; charset=utf-8")],
                "no such asset\n",
            )
                .into_response();
        }
    };
    (
        [(CONTENT_TYPE, kind), (CACHE_CONTROL, "public, max-age=300")],
        body,
    )
        .into_response()
}
