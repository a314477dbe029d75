//! `search entities` as aligned text or JSON lines.

use std::io::{self, Write};

use crate::query::entities::EntityCount;
use crate::render::terminal_safe;

/// One JSON object per entity: `name`, `type`, `articles`, `aliases`.
pub fn write_json(out: &mut impl Write, entities: &[EntityCount]) -> io::Result<()> {
    for entity in entities {
        serde_json::to_writer(&mut *out, entity)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Per type a heading, then one line per entity: articles, name, other names.
pub fn write_text(out: &mut impl Write, entities: &[EntityCount]) -> io::Result<()> {
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
