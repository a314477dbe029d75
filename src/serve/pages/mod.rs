//! The pages: server-rendered HTML that works without script. Each page is a maud
//! template (compiled, escaping every value it is given); this file holds the frame
//! they share and the error page.

pub mod article;
pub mod entities;
pub mod histogram;
pub mod list;
pub mod quote;
pub mod search;
pub mod stats;

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use crate::serve::assets::{SCRIPT_SRC, STYLE_HREF};
use crate::serve::error::WebError;

/// The sections in the header, by address and name.
const SECTIONS: [(&str, &str); 4] = [
    ("/", "Search"),
    ("/quote", "Quote check"),
    ("/entities", "Entities"),
    ("/stats", "Index"),
];

/// A whole page: `title`, the section it belongs to (an address of [`SECTIONS`]) and
/// its main content.
pub fn frame(title: &str, section: &str, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " · search" }
                link rel="stylesheet" href=(STYLE_HREF);
                script type="module" src=(SCRIPT_SRC) {}
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    a.brand href="/" { "search" }
                    nav aria-label="Sections" {
                        @for (href, name) in SECTIONS {
                            @if href == section {
                                a href=(href) aria-current="page" { (name) }
                            } @else {
                                a href=(href) { (name) }
                            }
                        }
                    }
                }
                main #main { (main) }
            }
        }
    }
}

/// A page as an answer.
pub fn respond(page: Markup) -> Response {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-cache"),
        ],
        page.into_string(),
    )
        .into_response()
}

/// A page's error: the error page with its status.
pub struct PageError(pub WebError);

impl From<WebError> for PageError {
    fn from(err: WebError) -> Self {
        PageError(err)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let heading = match status.as_u16() {
            400 => "That request cannot be read",
            404 => "Not found",
            413 => "Too much at once",
            503 => "Not answered in time",
            _ => "Something went wrong",
        };
        let page = frame(
            heading,
            "",
            html! {
                h1 { (heading) }
                p.error role="alert" { (self.0.message()) }
                p { a href="/" { "Back to search" } }
            },
        );
        let mut response = respond(page);
        *response.status_mut() = status;
        response
    }
}

/// A count with thousands separated by commas (`190,430`).
pub fn count(n: impl Into<u64>) -> String {
    crate::render::thousands(n.into())
}

/// Any page that does not exist.
pub async fn not_found() -> PageError {
    PageError(WebError::NotFound(
        "there is no page at this address".to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(count(0u64), "0");
        assert_eq!(count(999u64), "999");
        assert_eq!(count(1000u64), "1,000");
        assert_eq!(count(190_430u64), "190,430");
        assert_eq!(count(1_234_567u64), "1,234,567");
    }
}
