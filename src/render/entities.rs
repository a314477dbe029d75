//! `search entities` as aligned text or JSON lines.

use std::io::{self, Write};

use crate::query::entities::EntityCount;
use crate::render::json::EntityCountJson;
use crate::render::{Style, terminal_safe};

/// Writes entities with their article counts in `style`.
pub fn write(out: &mut impl Write, entities: &[EntityCount], style: Style) -> io::Result<()> {
    match style {
        Style::Text { .. } => write_text(out, entities),
        Style::Json => write_json(out, entities),
    }
}

/// One JSON object per entity: `name`, `type`, `articles`, `aliases`.
fn write_json(out: &mut impl Write, entities: &[EntityCount]) -> io::Result<()> {
    for entity in entities {
        serde_json::to_writer(&mut *out, &EntityCountJson::from(entity))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Per type a heading, then one line per entity: articles, name, other names.
fn write_text(out: &mut impl Write, entities: &[EntityCount]) -> io::Result<()> {
    let mut kind = None;
    for entity in entities {
        if kind != Some(entity.kind) {
            if kind.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{} (articles):", heading(entity.kind))?;
            kind = Some(entity.kind);
        }
        write!(
            out,
            "  {:>8}  {}",
            entity.articles,
            terminal_safe(&entity.name)
        )?;
        if !entity.aliases.is_empty() {
            let shown: Vec<String> = entity
                .aliases
                .iter()
                .take(6)
                .map(|a| terminal_safe(a))
                .collect();
            let more = entity.aliases.len().saturating_sub(shown.len());
            write!(out, "  (also {}", shown.join(", "))?;
            if more > 0 {
                write!(out, ", +{more}")?;
            }
            write!(out, ")")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The heading for a type's block.
pub fn heading(kind: crate::entities::EntityKind) -> &'static str {
    match kind {
        crate::entities::EntityKind::Person => "people",
        crate::entities::EntityKind::Org => "organisations",
        crate::entities::EntityKind::Place => "places",
    }
}
