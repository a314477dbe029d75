//! The style sheet and the script, compiled into the binary: the pages load nothing
//! from anywhere else. The script is a plain ES module that only enhances pages that
//! work without it.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::serve::error::WebError;
use crate::serve::pages::PageError;

const STYLE: &str = include_str!("assets/style.css");
const SCRIPT: &str = include_str!("assets/app.js");

/// The style sheet's address, with a version so a new binary's sheet is fetched anew.
pub const STYLE_HREF: &str = concat!("/assets/style.css?v=", env!("CARGO_PKG_VERSION"));
/// The script's address.
pub const SCRIPT_SRC: &str = concat!("/assets/app.js?v=", env!("CARGO_PKG_VERSION"));

/// `GET /assets/{name}`: one of the two files by name; anything else is a 404.
pub async fn asset(Path(name): Path<String>) -> Result<Response, PageError> {
    let (body, kind) = match name.as_str() {
        "style.css" => (STYLE, "text/css; charset=utf-8"),
        "app.js" => (SCRIPT, "text/javascript; charset=utf-8"),
        _ => return Err(WebError::NotFound("no such asset".to_owned()).into()),
    };
    Ok((
        [(CONTENT_TYPE, kind), (CACHE_CONTROL, "public, max-age=300")],
        body,
    )
        .into_response())
}
