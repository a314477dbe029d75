//! `search stats` as text or as one JSON object.

use std::io::{self, Write};

use crate::index::stats::Stats;
use crate::render::json::StatsJson;
use crate::render::run::summary_line;
use crate::render::{Style, terminal_safe};

/// Writes the stats in `style`.
pub fn write(out: &mut impl Write, stats: &Stats, style: Style) -> io::Result<()> {
    match style {
        Style::Text { .. } => write_text(out, stats),
        Style::Json => {
            serde_json::to_writer(&mut *out, &StatsJson::from(stats))?;
            writeln!(out)
        }
    }
}

/// Writes the stats for a person to read.
fn write_text(out: &mut impl Write, stats: &Stats) -> io::Result<()> {
    writeln!(out, "index     {}", terminal_safe(&stats.index))?;
    writeln!(out, "articles  {}", stats.articles)?;
    writeln!(out, "passages  {}", stats.passages)?;
    writeln!(out, "files     {}", stats.files)?;
    match (&stats.first_date, &stats.last_date) {
        (Some(first), Some(last)) => writeln!(
            out,
            "dates     {first} to {last} ({} undated)",
            stats.articles_without_date
        )?,
        _ => writeln!(out, "dates     none known")?,
    }
    writeln!(
        out,
        "outlets   {} ({} articles without one)",
        stats.outlets.len(),
        stats.articles_without_outlet
    )?;
    for outlet in &stats.outlets {
        writeln!(
            out,
            "  {:>8}  {}",
            outlet.articles,
            terminal_safe(&outlet.outlet)
        )?;
    }
    if let Some(run) = &stats.last_run {
        writeln!(out, "last run  {}", summary_line(run))?;
        for item in &run.skipped {
            let at = item.line.map(|line| format!(":{line}")).unwrap_or_default();
            writeln!(
                out,
                "  skipped {}{at}: {}",
                terminal_safe(&item.path),
                terminal_safe(&item.reason)
            )?;
        }
        let listed = run.skipped.len() as u64;
        if run.skipped_total() > listed {
            writeln!(out, "  … and {} more", run.skipped_total() - listed)?;
        }
    }
    Ok(())
}
