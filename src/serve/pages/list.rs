//! The list check `/quote/list`: paste a list of quotes (one a line, or CSV with a
//! `quote` column), get one row per quote with its verdict — exact, changed (with what
//! changed), paraphrase or none — the best match, the earliest source and how widely it
//! ran; the same report as `search quote --file`, and as a CSV download.

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::response::Response;
use maud::{Markup, html};

use crate::quote::Source;
use crate::quote::list::ListRow;
use crate::serve::api::{ListFormat, body_text, csv_download, run_list, take_format};
use crate::serve::error::WebError;
use crate::serve::pages::{PageError, count, frame, respond};
use crate::serve::params::QuoteParams;
use crate::serve::state::AppState;

const TITLE: &str = "Check a list of quotes";

/// `GET /quote/list`: the empty form.
pub async fn page(State(state): State<AppState>) -> Result<Response, PageError> {
    let params = QuoteParams::parse(None, &state.limits)?;
    Ok(respond(frame(TITLE, "/quote", form("", &params, None))))
}

/// `POST /quote/list`: the form sent (`list`, `min`, `speaker`, the filters, and
/// `download=csv` for the CSV report): the report as a table, or the CSV.
pub async fn submit(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, PageError> {
    let (list, settings) = split_form(&body_text(&state, body, "the form")?);
    let (rest, format) = take_format(Some(&settings))?;
    let params = QuoteParams::parse(Some(&rest), &state.limits)?;
    let rows = match run_list(&state, &list, &params).await {
        Ok(rows) => rows,
        Err(WebError::BadRequest(message)) => {
            let mut response =
                respond(frame(TITLE, "/quote", form(&list, &params, Some(&message))));
            *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            return Ok(response);
        }
        Err(err) => return Err(err.into()),
    };
    if format == ListFormat::Csv {
        return Ok(csv_download(&rows));
    }
    Ok(respond(frame(
        TITLE,
        "/quote",
        html! { (form(&list, &params, None)) (report(&rows)) },
    )))
}

/// A sent form: its `list`, and its other fields as a query string.
fn split_form(body: &str) -> (String, String) {
    let mut list = String::new();
    let mut settings = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(body.as_bytes()) {
        match key.as_ref() {
            "list" => list = value.into_owned(),
            _ => {
                settings.append_pair(&key, &value);
            }
        }
    }
    (list, settings.finish())
}

fn form(list: &str, params: &QuoteParams, error: Option<&str>) -> Markup {
    html! {
        h1 { (TITLE) }
        form.quote action="/quote/list" method="post" {
            label.big for="list" { "The quotes, one a line — or CSV whose first line names a " code { "quote" } " column" }
            textarea #list name="list" rows="10" aria-describedby="list-help" aria-invalid=[error.map(|_| "true")] { (list) }
            @if let Some(message) = error { p.error role="alert" { (message) } }
            p.help #list-help { "Each quote gets a verdict: exact, changed (a figure, sum, negation or name differs), paraphrase or none. At most "
                (count(crate::serve::api::MAX_LIST_QUOTES as u64)) " quotes at once; " code { "search quote --file" } " takes any number." }
            div.options {
                span {
                    label for="min" { "Least similarity" }
                    input #min name="min" type="number" min="0" max="1" step="0.05" placeholder="auto" value=[params.min_similarity];
                }
                button type="submit" { "Check the list" }
                button type="submit" name="download" value="csv" { "Download the report as CSV" }
            }
        }
    }
}

fn report(rows: &[ListRow]) -> Markup {
    let tally = |verdict: &str| {
        rows.iter()
            .filter(|r| r.verdict.as_str() == verdict)
            .count()
    };
    html! {
        p.count role="status" {
            (count(rows.len() as u64)) (if rows.len() == 1 { " quote: " } else { " quotes: " })
            (tally("exact")) " exact, " (tally("changed")) " changed, "
            (tally("paraphrase")) " paraphrase, " (tally("none")) " none."
        }
        table.list {
            thead { tr { th { "Line" } th { "Quote" } th { "Verdict" } th { "Best match" } th { "Earliest" } th { "Carried by" } } }
            tbody {
                @for row in rows { (row_markup(row)) }
            }
        }
    }
}

fn row_markup(row: &ListRow) -> Markup {
    let verdict = row.verdict.as_str();
    html! {
        tr {
            td { (row.item.line) }
            td { (row.item.quote) }
            td {
                span.class.(verdict) { (verdict) }
                @if let Some(reason) = &row.reason { br; span.note { (reason) } }
                @if let Some(best) = &row.best {
                    @for change in &best.changes {
                        br; span.change { (crate::render::quote::change_line(change)) }
                    }
                }
            }
            td {
                @if let Some(best) = &row.best {
                    (source(&best.source)) " · similarity " (format!("{:.2}", best.similarity))
                    @if let Some(speaker) = &best.speaker { br; "Speaker: " (speaker) }
                }
            }
            td { @if let Some(earliest) = &row.earliest { (source(earliest)) } }
            td {
                @if row.articles > 0 {
                    (row.articles) (if row.articles == 1 { " article, " } else { " articles, " })
                    (row.outlets) (if row.outlets == 1 { " outlet" } else { " outlets" })
                }
            }
        }
    }
}

fn source(source: &Source) -> Markup {
    html! {
        a href=(format!("/article/{}", source.article_id)) { (source.title.as_deref().unwrap_or("(untitled)")) }
        " — " (source.outlet.as_deref().unwrap_or("unknown outlet")) ", "
        (source.date.as_deref().unwrap_or("undated"))
    }
}
