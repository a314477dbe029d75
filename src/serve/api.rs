//! The JSON API under `/api/`: the objects `--json` prints, built by the same wire
//! types (`render::json`), so a script can move between the command line and the
//! server. Errors are `{"error": "…"}` with the command line's message.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::entities::EntityKind;
use crate::query::search::Page;
use crate::render::json::{ArticleJson, EntitiesJson, ErrorJson, QueryJson, QuoteJson, StatsJson};
use crate::serve::error::WebError;
use crate::serve::params::{QuoteParams, SearchParams};
use crate::serve::state::AppState;

/// An API error: JSON with the status of its kind.
pub struct ApiError(WebError);

impl From<WebError> for ApiError {
    fn from(err: WebError) -> Self {
        ApiError(err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let message = self.0.message();
        let mut response = json(&ErrorJson::new(&message));
        *response.status_mut() = self.0.status();
        response
    }
}

/// `value` as a JSON answer.
pub fn json(value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => ([(CONTENT_TYPE, "application/json")], body).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// True when `id` has the form of an article id (16 hex digits): anything else names
/// no article, and is never looked up.
pub fn is_article_id(id: &str) -> bool {
    id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Runs a search for `params`: the first `offset + shown` results, of which the page
/// shows those after `offset`.
pub async fn run_search(
    state: &AppState,
    params: &SearchParams,
) -> Result<crate::query::search::Results, WebError> {
    if !params.is_search() {
        return Err(WebError::BadRequest(
            "give a query: q=words (or an entity filter: entity=name)".to_owned(),
        ));
    }
    let request = params.request();
    let page = Page {
        limit: params.offset + params.shown(),
        per_article: 1,
        facets: params.facets,
        ..Page::default()
    };
    state.ask(move |engine| engine.query(&request, page)).await
}

/// `GET /api/query?q=&plain=&outlet=&entity=&since=&until=&limit=&offset=&facets=`:
/// `{"total", "hits": [...], "facets": {...}}` (`facets` null unless `facets=1`: over
/// a common word they cost several times the search, as `--facets` does).
pub async fn query(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let params = SearchParams::parse(raw.as_deref(), &state.limits)?;
    let results = run_search(&state, &params).await?;
    let from = params.offset.min(results.hits.len());
    Ok(json(&QueryJson::new(&results, &results.hits[from..])))
}

/// Checks the quote `params` asks for.
pub async fn run_quote(
    state: &AppState,
    params: &QuoteParams,
) -> Result<crate::quote::QuoteResults, WebError> {
    if params.q.trim().is_empty() {
        return Err(WebError::BadRequest("give a quote: q=the words".to_owned()));
    }
    let request = params.request();
    state.ask(move |engine| engine.quote(&request)).await
}

/// `GET /api/quote?q=…`: `{"matches": [...]}`.
pub async fn quote(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let params = QuoteParams::parse(raw.as_deref(), &state.limits)?;
    let results = run_quote(&state, &params).await?;
    Ok(json(&QuoteJson::from(&results)))
}

/// `POST /api/quote`: the quote as the body (plain text, at most the body limit), the
/// filters in the query string; `{"matches": [...]}`. (A list: `POST /api/quote/list`.)
pub async fn quote_body(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let text = body_text(&state, body, "the quote")?;
    let mut params = QuoteParams::parse(raw.as_deref(), &state.limits)?;
    params.q = text;
    let results = run_quote(&state, &params).await?;
    Ok(json(&QuoteJson::from(&results)))
}

/// A request body as UTF-8 text (`what` names it in the error).
pub fn body_text(
    state: &AppState,
    body: Result<Bytes, BytesRejection>,
    what: &str,
) -> Result<String, WebError> {
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            WebError::TooLarge(state.limits.body_bytes)
        } else {
            WebError::BadRequest(rejection.body_text())
        }
    })?;
    String::from_utf8(body.to_vec())
        .map_err(|_| WebError::BadRequest(format!("{what} is not UTF-8 text")))
}

/// Most quotes one list request may hold: a list runs as one engine call.
pub const MAX_LIST_QUOTES: usize = 1000;

/// Checks a list of quotes (one a line, or CSV with a `quote` column) with the
/// settings of `params` (its `q` unused): one report row per quote, as
/// `search quote --file` makes them.
pub async fn run_list(
    state: &AppState,
    text: &str,
    params: &QuoteParams,
) -> Result<Vec<crate::quote::list::ListRow>, WebError> {
    let items = crate::quote::list::read_list(text, false)?;
    if items.is_empty() {
        return Err(WebError::BadRequest(
            "the list is empty — give one quote a line, or a CSV with a quote column".to_owned(),
        ));
    }
    if items.len() > MAX_LIST_QUOTES {
        return Err(WebError::TooManyQuotes(items.len()));
    }
    let template = params.request();
    state
        .ask(move |engine| engine.quote_list(&items, &template, &|| ()))
        .await
}

/// A list report as a CSV download.
pub fn csv_download(rows: &[crate::quote::list::ListRow]) -> Response {
    let mut body = Vec::new();
    if crate::render::list::write(&mut body, rows, crate::render::list::Format::Csv).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"quote-check.csv\"",
            ),
        ],
        body,
    )
        .into_response()
}

/// `POST /api/quote/list`: a list of quotes as the body — one a line, or a CSV whose
/// first line names a `quote` column — with `min`, `speaker` and the filters in the
/// query string; `{"rows": [...]}`, each row the object `search quote --file --json`
/// prints. `format=csv` answers the CSV report, as a download.
pub async fn quote_list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let text = body_text(&state, body, "the list")?;
    let (rest, format) = take_format(raw.as_deref())?;
    let params = QuoteParams::parse(Some(&rest), &state.limits)?;
    let rows = run_list(&state, &text, &params).await?;
    Ok(if format == ListFormat::Csv {
        csv_download(&rows)
    } else {
        json(&crate::render::list::ListJson::from(rows.as_slice()))
    })
}

/// The form a list report is answered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// `{"rows": [...]}`, or the page's table.
    Json,
    /// The CSV report, as a download.
    Csv,
}

/// Takes `format=json|csv` out of a query string: the rest, and the format.
pub fn take_format(raw: Option<&str>) -> Result<(String, ListFormat), WebError> {
    let mut format = ListFormat::Json;
    let mut rest = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        match (key.as_ref(), value.as_ref()) {
            ("format" | "download", "csv") => format = ListFormat::Csv,
            ("format", "json" | "") | ("download", "") => {}
            ("format" | "download", other) => {
                return Err(WebError::BadRequest(format!(
                    "format={other:?} — give json or csv"
                )));
            }
            _ => {
                rest.append_pair(&key, &value);
            }
        }
    }
    Ok((rest.finish(), format))
}

/// Looks up one article by id (404 for anything that is not one).
pub async fn find_article(
    state: &AppState,
    id: String,
) -> Result<crate::query::show::Shown, WebError> {
    if !is_article_id(&id) {
        return Err(WebError::NotFound(
            "no article with that id — articles are named by 16 hex digits".to_owned(),
        ));
    }
    state.ask(move |engine| engine.article(&id)).await
}

/// `GET /api/article/{id}`: the object `search show ID --json` prints.
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let shown = find_article(&state, id).await?;
    Ok(json(&ArticleJson::from(&shown)))
}

/// Entities asked for by `type=` and `top=` (20 of each type unless told).
pub async fn list_entities(
    state: &AppState,
    raw: Option<&str>,
) -> Result<(Option<EntityKind>, Vec<crate::query::entities::EntityCount>), WebError> {
    let mut kind = None;
    let mut top = 20;
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "type" if !value.is_empty() => {
                kind = Some(EntityKind::parse(&value).ok_or_else(|| {
                    WebError::BadRequest(format!(
                        "{value:?} is not an entity type — use person, org or place"
                    ))
                })?);
            }
            "top" => {
                top = value
                    .parse::<usize>()
                    .map_err(|_| WebError::BadRequest(format!("top={value:?} is not a number")))?;
            }
            _ => {}
        }
    }
    // 0 is "all" on the command line; a server sends at most a bounded list.
    let top = if top == 0 { 1000 } else { top.min(1000) };
    let list = state.ask(move |engine| engine.entities(kind, top)).await?;
    Ok((kind, list))
}

/// `GET /api/entities?type=&top=`: `{"entities": [...]}`, each as `search entities
/// --json` prints it.
pub async fn entities(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (_, list) = list_entities(&state, raw.as_deref()).await?;
    Ok(json(&EntitiesJson::from(list.as_slice())))
}

/// `GET /api/stats`: the object `search stats --json` prints.
pub async fn stats(State(state): State<AppState>) -> Result<Response, ApiError> {
    let stats = state.ask(|engine| engine.stats()).await?;
    Ok(json(&StatsJson::from(&stats)))
}

/// Any other `/api/` address.
pub async fn not_found() -> ApiError {
    ApiError(WebError::NotFound(
        "no such API — see /api/query, /api/quote, /api/article/ID, /api/entities, /api/stats"
            .to_owned(),
    ))
}
