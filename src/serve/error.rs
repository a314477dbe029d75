//! Why a request failed, and its status code: a bad query or parameter is 400 with the
//! message the command line prints, an unknown article 404, a body over the limit or a list of over 1,000 quotes 413,
//! a request over its time 503. The API answers `{"error": "…"}`; pages answer a page.

use std::time::Duration;

use axum::http::StatusCode;

use crate::error::Error;

/// A failed request.
#[derive(Debug)]
pub enum WebError {
    /// The request cannot be read: a bad query, date or parameter.
    BadRequest(String),
    /// No such article or page.
    NotFound(String),
    /// The body is over the limit (bytes).
    TooLarge(usize),
    /// A list holds more quotes than one request may check (how many it holds).
    TooManyQuotes(usize),
    /// The engine call did not finish in time.
    TooSlow(Duration),
    /// The server is stopping.
    Stopping,
    /// The engine panicked.
    Internal,
    /// The engine failed (a damaged index, a read error): its message.
    Engine(String),
}

impl WebError {
    /// The status code it answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::TooLarge(_) | WebError::TooManyQuotes(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::TooSlow(_) | WebError::Stopping => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal | WebError::Engine(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the user is told.
    pub fn message(&self) -> String {
        match self {
            WebError::BadRequest(message)
            | WebError::NotFound(message)
            | WebError::Engine(message) => message.clone(),
            WebError::TooLarge(limit) => {
                format!("the request body is over {limit} bytes — send less at once")
            }
            WebError::TooManyQuotes(n) => format!(
                "the list holds {n} quotes, over the {} one request may check — split it, or use search quote --file",
                crate::serve::api::MAX_LIST_QUOTES
            ),
            WebError::TooSlow(limit) => format!(
                "the search took longer than {} s — narrow it with filters or fewer words",
                limit.as_secs()
            ),
            WebError::Stopping => "the server is stopping".to_owned(),
            WebError::Internal => {
                "internal error — this is a bug in search; please report it with the request that caused it".to_owned()
            }
        }
    }
}

impl From<Error> for WebError {
    fn from(err: Error) -> Self {
        match err {
            Error::BadQuery(_) | Error::BadInput(_) => WebError::BadRequest(err.to_string()),
            Error::NotFound(_) => WebError::NotFound(err.to_string()),
            other => WebError::Engine(other.to_string()),
        }
    }
}
