//! `search show` as text or as one JSON object.

use std::io::{self, Write};
use std::path::Path;

use crate::ingest::{Origin, Sourced};
use crate::query::show::Shown;
use crate::render::json::ArticleJson;
use crate::render::{Style, display_path, terminal_safe};

/// Writes an article in `style`.
pub fn write(out: &mut impl Write, shown: &Shown, style: Style) -> io::Result<()> {
    match style {
        Style::Text { .. } => write_text(out, shown),
        Style::Json => {
            serde_json::to_writer(&mut *out, &ArticleJson::from(shown))?;
            writeln!(out)
        }
    }
}

/// Writes the article for a person: metadata with origins, then numbered passages
/// with their lines, the one asked for marked with `>`.
fn write_text(out: &mut impl Write, shown: &Shown) -> io::Result<()> {
    let article = &shown.article;
    let meta = &article.meta;
    writeln!(out, "article  {}", article.article_id)?;
    writeln!(out, "path     {}", display_path(Path::new(&article.path)))?;
    if let Some(id) = &article.source_id {
        writeln!(out, "id       {}", terminal_safe(id))?;
    }
    field(out, "title", meta.title.as_ref())?;
    field(out, "outlet", meta.outlet.as_ref())?;
    let date = meta
        .date
        .as_ref()
        .map(|d| Sourced::new(d.value.to_string(), d.origin));
    field(out, "date", date.as_ref())?;
    field(out, "author", meta.author.as_ref())?;
    field(out, "url", meta.url.as_ref())?;
    field(out, "lang", meta.lang.as_ref())?;
    for kind in crate::entities::EntityKind::ALL {
        let names: Vec<String> = article
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| terminal_safe(&e.name))
            .collect();
        if !names.is_empty() {
            writeln!(
                out,
                "{:<8} {}",
                crate::render::entities::heading(kind),
                names.join(", ")
            )?;
        }
    }
    writeln!(out, "passages {}", article.passages.len())?;
    for passage in &article.passages {
        let mark = if shown.marked == Some(passage.index) {
            '>'
        } else {
            ' '
        };
        writeln!(
            out,
            "\n{mark} [{}] line {}",
            passage.index + 1,
            passage.line
        )?;
        for line in passage.text.lines() {
            writeln!(out, "    {}", terminal_safe(line))?;
        }
    }
    Ok(())
}

fn field(out: &mut impl Write, name: &str, value: Option<&Sourced<String>>) -> io::Result<()> {
    match value {
        Some(value) => writeln!(
            out,
            "{name:<8} {} ({})",
            terminal_safe(&value.value),
            origin_label(value.origin)
        ),
        None => writeln!(out, "{name:<8} unknown"),
    }
}

/// How an origin is named to users.
pub fn origin_label(origin: Origin) -> &'static str {
    match origin {
        Origin::FrontMatter => "front matter",
        Origin::JsonField => "JSON field",
        Origin::MetaTag => "HTML meta",
        Origin::FolderDefaults => "folder defaults",
        Origin::Text => "read from text",
        Origin::Detected => "detected",
    }
}
