//! The report on a list of quotes (`search quote --file`): one row per quote, as text
//! (a line per quote, its verdict first), JSON (one object a line) or CSV (a header
//! line, then one record per quote).

use std::io::{self, Write};

use serde::Serialize;

use crate::quote::list::ListRow;
use crate::quote::{Change, Source};
use crate::render::json::{ChangeJson, SourceJson};
use crate::render::terminal_safe;

/// How a report is written: for a person, for a program, for a spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned text, coloured when `color`.
    Text {
        /// Colour with ANSI escapes.
        color: bool,
    },
    /// One JSON object a line.
    Json,
    /// CSV with a header line.
    Csv,
}

/// The CSV columns of a list report, in order.
pub const CSV_COLUMNS: [&str; 15] = [
    "line",
    "quote",
    "verdict",
    "reason",
    "similarity",
    "changes",
    "speaker",
    "article_id",
    "outlet",
    "date",
    "title",
    "earliest_article_id",
    "earliest_date",
    "articles",
    "outlets",
];

/// Writes the rows in `format`.
pub fn write(out: &mut impl Write, rows: &[ListRow], format: Format) -> io::Result<()> {
    match format {
        Format::Text { color } => write_text(out, rows, color),
        Format::Json => {
            for row in rows {
                serde_json::to_writer(&mut *out, &RowJson::from(row))?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => write_csv(out, rows),
    }
}

/// `number changed: 84% → 44%; negation added: not` (article → quote, as a match prints
/// them), the changes of one match.
pub fn changes_text(changes: &[Change]) -> String {
    changes
        .iter()
        .map(crate::render::quote::change_line)
        .collect::<Vec<_>>()
        .join("; ")
}

fn outlet_date(source: &Source) -> String {
    let outlet = source.outlet.as_deref().unwrap_or("(no outlet)");
    match &source.date {
        Some(date) => format!("{outlet} {date}"),
        None => outlet.to_owned(),
    }
}

fn write_text(out: &mut impl Write, rows: &[ListRow], color: bool) -> io::Result<()> {
    let (bold, reset) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    for row in rows {
        let quote = terminal_safe(&row.item.quote);
        writeln!(
            out,
            "{bold}{:>4} {:<10}{reset} {quote}",
            row.item.line,
            row.verdict.as_str()
        )?;
        if let Some(reason) = &row.reason {
            writeln!(out, "     {}", terminal_safe(reason))?;
        }
        if let Some(best) = &row.best {
            let mut line = format!(
                "     best: {} · {} · similarity {:.2}",
                terminal_safe(&outlet_date(&best.source)),
                terminal_safe(&best.source.article_id),
                best.similarity
            );
            if !best.changes.is_empty() {
                line.push_str(&format!(" · {}", changes_text(&best.changes)));
            }
            writeln!(out, "{line}")?;
            let earliest = row
                .earliest
                .as_ref()
                .map_or_else(|| "undated".to_owned(), outlet_date);
            writeln!(
                out,
                "     earliest: {} · {} {} in {} {}",
                terminal_safe(&earliest),
                row.articles,
                if row.articles == 1 {
                    "article"
                } else {
                    "articles"
                },
                row.outlets,
                if row.outlets == 1 {
                    "outlet"
                } else {
                    "outlets"
                },
            )?;
        }
    }
    let count = |verdict: &str| {
        rows.iter()
            .filter(|row| row.verdict.as_str() == verdict)
            .count()
    };
    writeln!(
        out,
        "{} quotes: {} exact, {} changed, {} paraphrase, {} none",
        rows.len(),
        count("exact"),
        count("changed"),
        count("paraphrase"),
        count("none")
    )
}

fn write_csv(out: &mut impl Write, rows: &[ListRow]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    for row in rows {
        let best = row.best.as_ref();
        let text = |value: Option<&str>| value.unwrap_or("").to_owned();
        writer.write_record([
            row.item.line.to_string(),
            row.item.quote.clone(),
            row.verdict.as_str().to_owned(),
            text(row.reason.as_deref()),
            best.map_or_else(String::new, |b| format!("{:.2}", b.similarity)),
            best.map_or_else(String::new, |b| changes_text(&b.changes)),
            text(best.and_then(|b| b.speaker.as_deref())),
            text(best.map(|b| b.source.article_id.as_str())),
            text(best.and_then(|b| b.source.outlet.as_deref())),
            text(best.and_then(|b| b.source.date.as_deref())),
            text(best.and_then(|b| b.source.title.as_deref())),
            text(row.earliest.as_ref().map(|s| s.article_id.as_str())),
            text(row.earliest.as_ref().and_then(|s| s.date.as_deref())),
            row.articles.to_string(),
            row.outlets.to_string(),
        ])?;
    }
    writer.flush()
}

/// A list report as one JSON object, as the server answers it: `{"rows": [...]}`.
#[derive(Serialize)]
pub struct ListJson<'a> {
    rows: Vec<RowJson<'a>>,
}

impl<'a> From<&'a [ListRow]> for ListJson<'a> {
    fn from(rows: &'a [ListRow]) -> Self {
        ListJson {
            rows: rows.iter().map(RowJson::from).collect(),
        }
    }
}

/// One row of a list report as JSON.
#[derive(Serialize)]
pub struct RowJson<'a> {
    line: u64,
    quote: &'a str,
    verdict: &'static str,
    reason: Option<&'a str>,
    similarity: Option<f32>,
    changes: Vec<ChangeJson<'a>>,
    speaker: Option<&'a str>,
    best: Option<SourceJson<'a>>,
    earliest: Option<SourceJson<'a>>,
    articles: usize,
    outlets: usize,
}

impl<'a> From<&'a ListRow> for RowJson<'a> {
    fn from(row: &'a ListRow) -> Self {
        let best = row.best.as_ref();
        RowJson {
            line: row.item.line,
            quote: &row.item.quote,
            verdict: row.verdict.as_str(),
            reason: row.reason.as_deref(),
            similarity: best.map(|b| b.similarity),
            changes: best.map_or_else(Vec::new, |b| {
                b.changes.iter().map(ChangeJson::from).collect()
            }),
            speaker: best.and_then(|b| b.speaker.as_deref()),
            best: best.map(|b| SourceJson::from(&b.source)),
            earliest: row.earliest.as_ref().map(SourceJson::from),
            articles: row.articles,
            outlets: row.outlets,
        }
    }
}
