//! Whole lists of quotes (`search quote --file`): read a list — one quote a line, or a
//! CSV with a `quote` column (and optional `speaker` and `date`) — check every quote on
//! one open [`Engine`], and give each a verdict: `exact`, `changed`, `paraphrase` or
//! `none`, with the best match, the earliest source and how many articles and outlets
//! carry it. A quote that cannot be checked (an empty line, only common words) is a
//! `none` row with a reason, never the end of the run. `Engine::quote_list` runs it;
//! the command line and the web front end both use that, and `render/list.rs` writes
//! the rows.

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Error, Result};
use crate::quote::{MatchClass, QuoteMatch, QuoteRequest, QuoteResults, Source};

/// One quote of a list, as the list gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    /// 1-based line of the list (a CSV record's first line).
    pub line: u64,
    /// The quote.
    pub quote: String,
    /// Who the list says said it (CSV `speaker` column), if it says.
    pub speaker: Option<String>,
    /// When the list says it was said (CSV `date` column), if it says.
    pub date: Option<String>,
}

/// What the check of one quote of a list concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Found word for word, no figure, sum, negation or name changed.
    Exact,
    /// Found with some words changed (see the best match's `changes`).
    Changed,
    /// Only a reworded version was found.
    Paraphrase,
    /// Not found, or not checked (the row's reason says which).
    None,
}

impl Verdict {
    /// The verdict's name, as every output writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Exact => "exact",
            Verdict::Changed => "changed",
            Verdict::Paraphrase => "paraphrase",
            Verdict::None => "none",
        }
    }
}

/// The report on one quote of a list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    /// The quote, as the list gave it.
    pub item: ListItem,
    /// The verdict.
    pub verdict: Verdict,
    /// Why the verdict is `none`: not found, or why the quote was not checked.
    pub reason: Option<String>,
    /// The most similar match, if any.
    pub best: Option<QuoteMatch>,
    /// The oldest dated article carrying the quote (as the verdict found it).
    pub earliest: Option<Source>,
    /// How many articles carry it (copies included).
    pub articles: usize,
    /// How many outlets those articles come from.
    pub outlets: usize,
}

/// Reads a list: a CSV when the first line has a `quote` column (any case), one quote a
/// line otherwise. `csv_expected` (a file named `*.csv`) makes a first line without a
/// `quote` column an error naming the columns it has.
pub fn read_list(text: &str, csv_expected: bool) -> Result<Vec<ListItem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let header = csv_header(first);
    let has_quote = header
        .as_ref()
        .is_some_and(|columns| column(columns, "quote").is_some());
    if has_quote {
        return read_csv(text);
    }
    if csv_expected {
        let columns = header.unwrap_or_default();
        return Err(Error::BadInput(format!(
            "the CSV has no `quote` column (its columns: {}) — name the column of quotes `quote` in the first line",
            if columns.is_empty() {
                "none".to_owned()
            } else {
                columns.join(", ")
            }
        )));
    }
    Ok(text
        .lines()
        .enumerate()
        .map(|(i, line)| ListItem {
            line: i as u64 + 1,
            quote: line.trim().to_owned(),
            speaker: None,
            date: None,
        })
        .collect())
}

/// The first line's fields, trimmed, when it reads as a CSV record.
fn csv_header(first: &str) -> Option<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(first.as_bytes());
    let record = reader.records().next()?.ok()?;
    Some(record.iter().map(|field| field.trim().to_owned()).collect())
}

fn column(columns: &[String], name: &str) -> Option<usize> {
    columns.iter().position(|c| c.eq_ignore_ascii_case(name))
}

fn read_csv(text: &str) -> Result<Vec<ListItem>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|err| bad_csv(&err))?
        .iter()
        .map(|c| c.trim().to_owned())
        .collect();
    let quote = column(&columns, "quote").unwrap_or(0);
    let speaker = column(&columns, "speaker");
    let date = column(&columns, "date");
    let mut items = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| bad_csv(&err))?;
        let field = |at: Option<usize>| {
            at.and_then(|at| record.get(at))
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        };
        items.push(ListItem {
            line: record.position().map_or(0, |p| p.line()),
            quote: field(Some(quote)).unwrap_or_default(),
            speaker: field(speaker),
            date: field(date),
        });
    }
    Ok(items)
}

fn bad_csv(err: &csv::Error) -> Error {
    Error::BadInput(format!(
        "the CSV cannot be read: {err} — save it as UTF-8 CSV with a `quote` column"
    ))
}

/// The quote check one list runs on (an open index's).
pub type Checker<'a> = dyn Fn(&QuoteRequest) -> Result<QuoteResults> + Sync + 'a;

/// Checks every quote of `items` with `check`, as `template` asks (its text is
/// replaced, its limit ignored: every match counts), on `threads` threads; `done` is
/// called after each quote. Rows come back in list order.
pub fn check_list(
    check: &Checker<'_>,
    items: &[ListItem],
    template: &QuoteRequest,
    threads: usize,
    done: &(dyn Fn() + Sync),
) -> Result<Vec<ListRow>> {
    let next = AtomicUsize::new(0);
    let rows: Mutex<Vec<Option<ListRow>>> = Mutex::new(vec![None; items.len()]);
    let failure: Mutex<Option<Error>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| {
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    if at >= items.len() || lock(&failure).is_some() {
                        break;
                    }
                    match check_one(check, &items[at], template) {
                        Ok(row) => lock(&rows)[at] = Some(row),
                        Err(err) => {
                            lock(&failure).get_or_insert(err);
                            break;
                        }
                    }
                    done();
                }
            });
        }
    });
    if let Some(err) = lock(&failure).take() {
        return Err(err);
    }
    let rows = std::mem::take(&mut *lock(&rows));
    Ok(rows.into_iter().flatten().collect())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Checks one quote of a list.
pub fn check_one(check: &Checker<'_>, item: &ListItem, template: &QuoteRequest) -> Result<ListRow> {
    let none = |reason: String| ListRow {
        item: item.clone(),
        verdict: Verdict::None,
        reason: Some(reason),
        best: None,
        earliest: None,
        articles: 0,
        outlets: 0,
    };
    if item.quote.trim().is_empty() {
        return Ok(none("empty line".to_owned()));
    }
    let request = QuoteRequest {
        text: item.quote.clone(),
        limit: 0,
        // The row shows the best match's speaker only.
        speakers_for: 1,
        order: crate::quote::Order::Similarity,
        ..template.clone()
    };
    let results = match check(&request) {
        Ok(results) => results,
        Err(Error::BadQuery(message)) => {
            return Ok(none(reason_of(&message)));
        }
        Err(err) => return Err(err),
    };
    Ok(row_of(item, &results.matches, results.min_similarity))
}

/// A refused quote's reason, without the advice meant for one typed quote.
fn reason_of(message: &str) -> String {
    if message.starts_with("the quote has no words") {
        "no words".to_owned()
    } else if message.starts_with("the quote is only common words") {
        "only common words".to_owned()
    } else {
        message.to_owned()
    }
}

/// The row for `matches` (most similar first): the verdict of the best, and the
/// articles carrying the quote at that verdict or better (a paraphrase elsewhere does
/// not count as carrying a quote found word for word).
pub fn row_of(item: &ListItem, matches: &[QuoteMatch], min_similarity: f32) -> ListRow {
    let Some(best) = matches.first() else {
        return ListRow {
            item: item.clone(),
            verdict: Verdict::None,
            reason: Some(format!(
                "no match at similarity {min_similarity:.2} or more"
            )),
            best: None,
            earliest: None,
            articles: 0,
            outlets: 0,
        };
    };
    let verdict = verdict_of(best);
    let carrying: Vec<&Source> = matches
        .iter()
        .filter(|m| verdict == Verdict::Paraphrase || m.class != MatchClass::Paraphrase)
        .flat_map(|m| std::iter::once(&m.source).chain(&m.copies))
        .collect();
    let articles: HashSet<&str> = carrying.iter().map(|s| s.article_id.as_str()).collect();
    let outlets: HashSet<String> = carrying
        .iter()
        .filter_map(|s| s.outlet.as_deref())
        .map(str::to_lowercase)
        .collect();
    let earliest = carrying
        .iter()
        .filter(|s| s.date.is_some())
        .min_by(|a, b| a.date.cmp(&b.date).then(a.article_id.cmp(&b.article_id)))
        .map(|s| (*s).clone());
    ListRow {
        item: item.clone(),
        verdict,
        reason: None,
        best: Some(best.clone()),
        earliest,
        articles: articles.len(),
        outlets: outlets.len(),
    }
}

/// A match's verdict: `exact` only when every word is there and nothing that carries
/// meaning changed.
pub fn verdict_of(found: &QuoteMatch) -> Verdict {
    match found.class {
        MatchClass::Exact if found.changes.is_empty() => Verdict::Exact,
        MatchClass::Exact | MatchClass::Near => Verdict::Changed,
        MatchClass::Paraphrase => Verdict::Paraphrase,
    }
}
