//! `search quote` results as text (the diff coloured on a terminal, `[-missing-]` and
//! `{+added+}` otherwise, as `git diff --word-diff` marks them, within the rest of the
//! source sentence: dim on a terminal, `(in parentheses)` otherwise) or as JSON, one
//! object a line.

use std::io::{self, Write};
use std::path::Path;

use crate::quote::{Change, DiffOp, QuoteResults, Source};
use crate::render::json::QuoteMatchJson;
use crate::render::{Style, display_path, terminal_safe};

/// ANSI bold, for match headers.
const HEADER_ON: &str = "\x1b[1m";
/// ANSI dim, for locations.
const DIM_ON: &str = "\x1b[2m";
/// Words the quote has and the article lacks: red, struck through.
const MISSING_ON: &str = "\x1b[9;31m";
/// Words the article has and the quote lacks: bold green.
const ADDED_ON: &str = "\x1b[1;32m";
const RESET: &str = "\x1b[0m";

/// Writes a quote check's matches in `style`.
pub fn write(out: &mut impl Write, results: &QuoteResults, style: Style) -> io::Result<()> {
    match style {
        Style::Text { color } => write_text(out, results, color),
        Style::Json => write_json(out, results),
    }
}

/// Writes the matches for a person.
fn write_text(out: &mut impl Write, results: &QuoteResults, color: bool) -> io::Result<()> {
    let (header, dim, reset) = if color {
        (HEADER_ON, DIM_ON, RESET)
    } else {
        ("", "", "")
    };
    for (rank, found) in results.matches.iter().enumerate() {
        let source = &found.source;
        let title = source
            .title
            .as_deref()
            .map_or_else(|| "(untitled)".to_owned(), terminal_safe);
        writeln!(
            out,
            "{header}{}. {} · {title}{reset}",
            rank + 1,
            outlet_and_date(source)
        )?;
        let speaker = match (&found.speaker, found.quoted) {
            (Some(name), _) => terminal_safe(name),
            (None, true) => "not named".to_owned(),
            (None, false) => "not a quotation".to_owned(),
        };
        writeln!(
            out,
            "   {dim}{}{reset} · similarity {:.2} · {} · speaker: {speaker}",
            location(source),
            found.similarity,
            found.class.as_str(),
        )?;
        for change in &found.changes {
            writeln!(out, "   {}", change_line(change))?;
        }
        writeln!(out, "   {}", diff_line(&found.diff, color))?;
        for copy in &found.copies {
            writeln!(
                out,
                "   {dim}same text:{reset} {} · {dim}{}{reset}",
                outlet_and_date(copy),
                location(copy)
            )?;
        }
        writeln!(out)?;
    }
    let copies: usize = results.matches.iter().map(|m| m.copies.len()).sum();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut summary = format!(
        "{} ({} of the same text grouped) among {} read",
        plural(results.matches.len(), "match", "matches"),
        plural(copies, "copy", "copies"),
        plural(
            results.candidates,
            "candidate passage",
            "candidate passages"
        ),
    );
    if results.words_cut > 0 {
        summary.push_str(&format!(
            "; only the quote's first {} words were compared",
            results.quote_words
        ));
    }
    writeln!(out, "{summary}")
}

/// `Reuters · 1987-03-02`, as a result's header gives them (`Лента Восток ·
/// 2024-10-09 · ru` for an article not in English).
pub(crate) fn outlet_and_date(source: &Source) -> String {
    let outlet = source
        .outlet
        .as_deref()
        .map_or_else(|| "unknown outlet".to_owned(), terminal_safe);
    let date = source.date.as_deref().unwrap_or("undated");
    format!(
        "{outlet} · {}{}",
        terminal_safe(date),
        language_note(source.lang.as_deref())
    )
}

/// ` · uk` after a header's date for an article known not to be in English; nothing
/// for English or an unknown language, so English results read as they always have.
pub(crate) fn language_note(lang: Option<&str>) -> String {
    match lang {
        Some(code) if code != "en" => format!(" · {}", terminal_safe(code)),
        _ => String::new(),
    }
}

/// `path:line`, the path as the user gave it.
pub(crate) fn location(source: &Source) -> String {
    format!("{}:{}", display_path(Path::new(&source.path)), source.line)
}

/// A change as the quote made it, from the article's words to the quote's: `number
/// changed: 84% → 44%`, `negation added: not` (the quote has it, the article doesn't),
/// `negation dropped: not` (the other way round).
pub fn change_line(change: &Change) -> String {
    let kind = change.kind.as_str();
    let (quote, article) = (terminal_safe(&change.quote), terminal_safe(&change.article));
    match (quote.is_empty(), article.is_empty()) {
        (true, _) => format!("{kind} dropped: {article}"),
        (_, true) => format!("{kind} added: {quote}"),
        _ => format!("{kind} changed: {article} → {quote}"),
    }
}

/// The article's span with the quote's differences marked, in its sentence.
pub fn diff_line(ops: &[DiffOp], color: bool) -> String {
    let mut line = String::new();
    let mut previous: Option<&DiffOp> = None;
    for op in ops {
        // A replacement reads as one unit, `[-assess-]{+estimate+}`, as git marks it.
        let replacement = matches!(
            (previous, op),
            (Some(DiffOp::Missing { .. }), DiffOp::Added { .. })
        );
        if !line.is_empty() && !replacement {
            line.push(' ');
        }
        previous = Some(op);
        let (text, on, off) = match op {
            DiffOp::Same { text } => (text, "", ""),
            // The rest of the source sentence: dim on a terminal, in parentheses otherwise.
            DiffOp::Context { text } if color => (text, DIM_ON, RESET),
            DiffOp::Context { text } => (text, "(", ")"),
            DiffOp::Missing { text } if color => (text, MISSING_ON, RESET),
            DiffOp::Added { text } if color => (text, ADDED_ON, RESET),
            DiffOp::Missing { text } => (text, "[-", "-]"),
            DiffOp::Added { text } => (text, "{+", "+}"),
        };
        line.push_str(on);
        line.push_str(&terminal_safe(text));
        line.push_str(off);
    }
    line
}

/// Writes one JSON object per match.
fn write_json(out: &mut impl Write, results: &QuoteResults) -> io::Result<()> {
    for found in &results.matches {
        serde_json::to_writer(&mut *out, &QuoteMatchJson::from(found))?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_the_diff_reads_like_gits_word_diff() {
        let op = |kind: &str, text: &str| -> DiffOp {
            let text = text.to_owned();
            match kind {
                "same" => DiffOp::Same { text },
                "added" => DiffOp::Added { text },
                _ => DiffOp::Missing { text },
            }
        };
        assert_eq!(diff_line(&[], false), "");
        let context = DiffOp::Context {
            text: "he said".into(),
        };
        assert_eq!(
            diff_line(&[op("same", "a"), context.clone()], false),
            "a (he said)"
        );
        assert_eq!(diff_line(&[context], true), "\x1b[2mhe said\x1b[0m");
        let ops = [
            op("added", "a"),
            op("missing", "b"),
            op("same", "c"),
            op("missing", "d"),
            op("added", "e\u{1b}[2J"),
        ];
        assert_eq!(diff_line(&ops, false), "{+a+} [-b-] c [-d-]{+e\\u{1b}[2J+}");
        assert_eq!(
            diff_line(&ops[3..], true),
            "\x1b[9;31md\x1b[0m\x1b[1;32me\\u{1b}[2J\x1b[0m"
        );
    }
}
