//! The quote check `/quote`: paste a quote, see where it appears — each match with its
//! word diff against the article (a legend says what the marks mean), its class and
//! similarity, who the text says spoke it, and the copies that carry the same words;
//! ordered by similarity or oldest first.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use maud::{Markup, html};

use crate::quote::{DiffOp, QuoteMatch, QuoteResults, Source};
use crate::serve::api::run_quote;
use crate::serve::error::WebError;
use crate::serve::pages::{PageError, count, frame, respond};
use crate::serve::params::QuoteParams;
use crate::serve::state::AppState;

/// `GET /quote?q=…&by=&min=&speaker=`.
pub async fn page(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let params = QuoteParams::parse(raw.as_deref(), &state.limits)?;
    if params.q.trim().is_empty() {
        return Ok(respond(frame("Quote check", "/quote", form(&params, None))));
    }
    let body = match run_quote(&state, &params).await {
        Ok(results) => html! { (form(&params, None)) (matches(&results, &params)) },
        Err(WebError::BadRequest(message)) => {
            let mut response = respond(frame(
                "Quote check",
                "/quote",
                form(&params, Some(&message)),
            ));
            *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            return Ok(response);
        }
        Err(err) => return Err(err.into()),
    };
    Ok(respond(frame("Quote check", "/quote", body)))
}

fn form(params: &QuoteParams, error: Option<&str>) -> Markup {
    html! {
        h1 { "Quote check" }
        form.quote action="/quote" method="get" {
            label.big for="q" { "The quote, as it was published or said" }
            textarea #q name="q" rows="4" aria-describedby="q-help" aria-invalid=[error.map(|_| "true")] { (params.q) }
            @if let Some(message) = error { p.error role="alert" { (message) } }
            p.help #q-help { "Quotation marks, punctuation and case do not matter; a fragment will do." }
            p.help { "Many quotes to check? " a href="/quote/list" { "Check a whole list" } "." }
            div.options {
                span {
                    label for="by" { "Order" }
                    select #by name="by" {
                        option value="similarity" selected[!params.by_date] { "most similar first" }
                        option value="date" selected[params.by_date] { "earliest source first" }
                    }
                }
                span {
                    label for="min" { "Least similarity" }
                    input #min name="min" type="number" min="0" max="1" step="0.05" placeholder="auto" value=[params.min_similarity];
                }
                span {
                    label for="speaker" { "Speaker" }
                    input #speaker name="speaker" type="text" value=[params.speaker.as_deref()] placeholder="any";
                }
                button type="submit" { "Check" }
            }
        }
    }
}

/// The legend for the diff's marks.
fn legend() -> Markup {
    html! {
        dl.legend aria-label="How the differences are marked" {
            dt { span.same { "words" } } dd { "the same in the quote and the article" }
            dt { del { "words" } } dd { "in the quote, not in the article" }
            dt { ins { "words" } } dd { "in the article, not in the quote" }
            dt { span.context { "words" } } dd { "the rest of the article's sentence" }
        }
    }
}

fn matches(results: &QuoteResults, params: &QuoteParams) -> Markup {
    html! {
        @if results.words_cut > 0 {
            p.note { "Only the first " (results.quote_words) " words were compared; "
                (results.words_cut) " more were left out." }
        }
        @if results.matches.is_empty() {
            p.count role="status" { "No passage reproduces the quote with similarity "
                (results.min_similarity) " or more. Try a lower least similarity." }
        } @else {
            p.count role="status" { (count(results.matches.len() as u64))
                (if results.matches.len() == 1 { " match, " } else { " matches, " })
                (if params.by_date { "earliest source first" } else { "most similar first" }) "." }
            (legend())
            ol.matches {
                @for found in &results.matches { (match_item(found)) }
            }
            @if results.matches.len() >= params.limit {
                a.more href=(params.href_with(|p| p.limit = (p.limit * 2).min(200))) { "More matches" }
            }
        }
    }
}

fn source_link(source: &Source, quote: Option<&str>) -> String {
    let mut href = format!("/article/{}", source.article_id);
    if let Some(quote) = quote {
        href.push('?');
        href.push_str(
            &form_urlencoded::Serializer::new(String::new())
                .append_pair("quote", quote)
                .finish(),
        );
        href.push_str("#marked");
    }
    href
}

fn source_meta(source: &Source) -> Markup {
    html! {
        span.outlet { (source.outlet.as_deref().unwrap_or("unknown outlet")) }
        " · "
        @if let Some(date) = &source.date { time datetime=(date) { (date) } } @else { span.undated { "undated" } }
    }
}

fn match_item(found: &QuoteMatch) -> Markup {
    let class = found.class.as_str();
    html! {
        li.match {
            h2 { a href=(source_link(&found.source, Some(&found.matched_text))) {
                (found.source.title.as_deref().unwrap_or("(untitled)")) } }
            p.meta {
                (source_meta(&found.source))
                " · " span.class.(class) { (class) }
                " · similarity " (format!("{:.2}", found.similarity))
            }
            // What decides a verdict comes first: a figure, sum, negation or name
            // the quote has and the article doesn't.
            @if !found.changes.is_empty() {
                ul.changes aria-label="What the quote changes" {
                    @for change in &found.changes { li { (crate::render::quote::change_line(change)) } }
                }
            }
            p.diff { (diff(&found.diff)) }
            p.speaker {
                @match &found.speaker {
                    Some(speaker) => {
                        "Speaker: " strong { (speaker) }
                        @if !found.speaker_resolved { " (as the article names them: not a full name)" }
                    }
                    None => { "Speaker: not named near the quote" }
                }
                @if found.quoted { " · in quotation marks" } @else { " · not in quotation marks" }
            }
            @if !found.copies.is_empty() {
                details.copies {
                    summary { (found.copies.len()) " more " (if found.copies.len() == 1 { "copy" } else { "copies" }) " of the same words" }
                    ul {
                        @for copy in &found.copies {
                            li { a href=(source_link(copy, None)) { (copy.title.as_deref().unwrap_or("(untitled)")) }
                                " — " (source_meta(copy)) }
                        }
                    }
                }
            }
        }
    }
}

/// The word diff: same runs plain, missing ones struck, added ones underlined, the
/// rest of the sentence greyed.
fn diff(ops: &[DiffOp]) -> Markup {
    html! {
        @for (i, op) in ops.iter().enumerate() {
            @if i > 0 { " " }
            @match op {
                DiffOp::Same { text } => span.same { (text) },
                DiffOp::Missing { text } => del title="in the quote, not in the article" { (text) },
                DiffOp::Added { text } => ins title="in the article, not in the quote" { (text) },
                DiffOp::Context { text } => span.context title="the rest of the article's sentence" { (text) },
            }
        }
    }
}
