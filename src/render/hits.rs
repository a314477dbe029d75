//! `search query` results as text (colour on a terminal, `[brackets]` around matches
//! otherwise) or as JSON, one object a line.

use std::io::{self, Write};
use std::path::Path;

use crate::query::facets::Period;
use crate::query::search::{FacetCount, Hit, Results};
use crate::render::json::{FacetsLineJson, HitJson};
use crate::render::quote::{language_note, location, outlet_and_date};
use crate::render::{Style, display_path, terminal_safe, thousands};

/// ANSI bold red, as grep marks matches.
const MATCH_ON: &str = "\x1b[1;31m";
/// ANSI bold, for result headers.
const HEADER_ON: &str = "\x1b[1m";
/// ANSI dim, for file locations.
const DIM_ON: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Writes a query's results in `style`.
pub fn write(out: &mut impl Write, results: &Results, style: Style) -> io::Result<()> {
    match style {
        Style::Text { color } => write_text(out, results, color),
        Style::Json => write_json(out, results),
    }
}

/// Writes results for a person. With `color`, matches are bold red; without, they are
/// wrapped in `[` `]` so they stay visible in a pipe or a file.
fn write_text(out: &mut impl Write, results: &Results, color: bool) -> io::Result<()> {
    if let Some(facets) = &results.facets {
        crate::render::histogram::write(out, facets)?;
    }
    for hit in &results.hits {
        let title = hit
            .title
            .as_deref()
            .map_or_else(|| "(untitled)".to_owned(), terminal_safe);
        let outlet = hit
            .outlet
            .as_deref()
            .map_or_else(|| "unknown outlet".to_owned(), terminal_safe);
        let date = format!(
            "{}{}",
            hit.date
                .as_deref()
                .map_or_else(|| "undated".to_owned(), terminal_safe),
            language_note(hit.lang.as_deref())
        );
        let place = format!("{}:{}", display_path(Path::new(&hit.path)), hit.line);
        if color {
            writeln!(
                out,
                "{HEADER_ON}{}. {outlet} · {date} · {title}{RESET}",
                hit.rank
            )?;
            writeln!(out, "   {DIM_ON}{place}{RESET}")?;
        } else {
            writeln!(out, "{}. {outlet} · {date} · {title}", hit.rank)?;
            writeln!(out, "   {place}")?;
        }
        writeln!(out, "   {}", marked_snippet(hit, color))?;
        if !hit.copies.is_empty() {
            let (dim, reset) = if color { (DIM_ON, RESET) } else { ("", "") };
            let listed: Vec<String> = hit
                .copies
                .iter()
                .map(|copy| format!("{} · {dim}{}{reset}", outlet_and_date(copy), location(copy)))
                .collect();
            let n = hit.copies.len();
            let word = if n == 1 { "copy" } else { "copies" };
            writeln!(out, "   {dim}+{n} {word}:{reset} {}", listed.join("; "))?;
        }
        writeln!(out)?;
    }
    let shown = results.hits.len();
    let total = total_text(results);
    match &results.facets {
        Some(facets) => {
            write_facet(
                out,
                "outlets",
                &facets.outlets,
                ("(no outlet)", facets.no_outlet),
            )?;
            // An article has one language at most: the rest have none.
            let known: u64 = facets.langs.iter().map(|count| count.articles).sum();
            let no_lang = facets.articles.saturating_sub(known);
            // A block of one line (every article in one language, or none known) says
            // nothing: it is left out (the JSON keeps `langs`).
            if facets.langs.len() + usize::from(no_lang > 0) > 1 {
                write_facet(out, "languages", &facets.langs, ("(unknown)", no_lang))?;
            }
            let periods = match facets.period {
                Period::Day => "days",
                Period::Month => "months",
                Period::Year => "years",
            };
            write_facet(out, periods, &facets.periods, ("(undated)", facets.undated))?;
            write_entity_facets(out, &facets.entities)?;
            writeln!(
                out,
                "{shown} of {total} matching passages shown, from {} articles",
                thousands(facets.articles)
            )
        }
        None => writeln!(out, "{shown} of {total} matching passages shown"),
    }
}

/// The number of matching passages, thousands separated (`114,650`); `10,000+` when
/// the count stopped at its bound.
pub fn total_text(results: &Results) -> String {
    let total = thousands(results.total_passages as u64);
    match results.total_is_lower_bound {
        true => format!("{total}+"),
        false => total,
    }
}

/// A facet's counts, then the articles it does not know (when there are any).
fn write_facet(
    out: &mut impl Write,
    name: &str,
    counts: &[FacetCount],
    (unknown_name, unknown): (&str, u64),
) -> io::Result<()> {
    writeln!(out, "{name} (matching articles):")?;
    for count in counts {
        writeln!(
            out,
            "  {:>8}  {}",
            count.articles,
            terminal_safe(&count.value)
        )?;
    }
    if unknown > 0 {
        writeln!(out, "  {unknown:>8}  {unknown_name}")?;
    }
    writeln!(out)
}

fn write_entity_facets(
    out: &mut impl Write,
    entities: &[crate::query::entities::EntityCount],
) -> io::Result<()> {
    let mut kind = None;
    for entity in entities {
        if kind != Some(entity.kind) {
            if kind.is_some() {
                writeln!(out)?;
            }
            writeln!(
                out,
                "{} (matching articles):",
                crate::render::entities::heading(entity.kind)
            )?;
            kind = Some(entity.kind);
        }
        writeln!(
            out,
            "  {:>8}  {}",
            entity.articles,
            terminal_safe(&entity.name)
        )?;
    }
    if kind.is_some() {
        writeln!(out)?;
    }
    Ok(())
}

/// The snippet with its matches marked.
pub fn marked_snippet(hit: &Hit, color: bool) -> String {
    let (on, off) = if color { (MATCH_ON, RESET) } else { ("[", "]") };
    let mut text = String::with_capacity(hit.snippet.len() + hit.highlights.len() * 8);
    let mut at = 0;
    // The query layer blanks control characters already; escaping each piece again
    // keeps the printer safe on its own (bidi overrides, any future snippet source).
    for &[start, end] in &hit.highlights {
        text.push_str(&terminal_safe(&hit.snippet[at..start]));
        text.push_str(on);
        text.push_str(&terminal_safe(&hit.snippet[start..end]));
        text.push_str(off);
        at = end;
    }
    text.push_str(&terminal_safe(&hit.snippet[at..]));
    text
}

/// Writes one JSON object per result, then (with facets) one `{"facets": …}` object.
fn write_json(out: &mut impl Write, results: &Results) -> io::Result<()> {
    for hit in &results.hits {
        serde_json::to_writer(&mut *out, &HitJson::from(hit))?;
        writeln!(out)?;
    }
    if let Some(facets) = &results.facets {
        serde_json::to_writer(
            &mut *out,
            &FacetsLineJson::new(facets, results.total_passages),
        )?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(total_passages: usize, total_is_lower_bound: bool) -> String {
        let results = Results {
            hits: Vec::new(),
            total_passages,
            total_is_lower_bound,
            facets: None,
            empty_because: None,
        };
        let mut out = Vec::new();
        write(&mut out, &results, Style::Text { color: false }).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_languages_block_shows_only_when_it_tells_languages_apart() {
        let count = |value: &str, articles| FacetCount {
            value: value.to_owned(),
            articles,
        };
        let text = |langs: Vec<FacetCount>, articles| {
            let results = Results {
                hits: Vec::new(),
                total_passages: 3,
                total_is_lower_bound: false,
                facets: Some(crate::query::search::Facets {
                    articles,
                    outlets: Vec::new(),
                    no_outlet: articles,
                    langs,
                    months: Vec::new(),
                    period: Period::Month,
                    periods: Vec::new(),
                    undated: 0,
                    entities: Vec::new(),
                }),
                empty_because: None,
            };
            let mut out = Vec::new();
            write(&mut out, &results, Style::Text { color: false }).unwrap();
            String::from_utf8(out).unwrap()
        };
        let block = "languages (matching articles):\n";
        assert!(!text(vec![count("en", 3)], 3).contains(block));
        assert!(!text(Vec::new(), 3).contains(block));
        assert!(
            text(vec![count("uk", 2), count("en", 1)], 3)
                .contains("languages (matching articles):\n         2  uk\n         1  en\n\n")
        );
        assert!(
            text(vec![count("en", 2)], 3).contains(
                "languages (matching articles):\n         2  en\n         1  (unknown)\n\n"
            )
        );
    }

    #[test]
    fn a_count_that_stopped_at_its_bound_says_so() {
        assert_eq!(
            counted(10_000, true),
            "0 of 10,000+ matching passages shown\n"
        );
        assert_eq!(
            counted(10_000, false),
            "0 of 10,000 matching passages shown\n"
        );
        assert_eq!(counted(999, false), "0 of 999 matching passages shown\n");
    }
}
