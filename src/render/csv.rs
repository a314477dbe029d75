//! `search query` and `search entities` as CSV (`--format csv`): a header line, then one
//! record per hit or entity, for a spreadsheet. (A list of quotes: `render/list.rs`.)

use std::io::{self, Write};

use crate::query::entities::EntityCount;
use crate::query::search::Results;

/// The CSV columns of `search query`.
pub const HIT_COLUMNS: [&str; 9] = [
    "rank",
    "score",
    "article_id",
    "outlet",
    "date",
    "title",
    "path",
    "line",
    "snippet",
];

/// The CSV columns of `search entities`.
pub const ENTITY_COLUMNS: [&str; 4] = ["type", "name", "articles", "aliases"];

/// One record per hit.
pub fn hits(out: &mut impl Write, results: &Results) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HIT_COLUMNS)?;
    for hit in &results.hits {
        writer.write_record([
            hit.rank.to_string(),
            format!("{:.4}", hit.score),
            hit.article_id.clone(),
            hit.outlet.clone().unwrap_or_default(),
            hit.date.clone().unwrap_or_default(),
            hit.title.clone().unwrap_or_default(),
            hit.path.clone(),
            hit.line.to_string(),
            hit.snippet.clone(),
        ])?;
    }
    writer.flush()
}

/// One record per entity; its other names joined with `; `.
pub fn entities(out: &mut impl Write, list: &[EntityCount]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(ENTITY_COLUMNS)?;
    for entity in list {
        writer.write_record([
            entity.kind.as_str().to_owned(),
            entity.name.clone(),
            entity.articles.to_string(),
            entity.aliases.join("; "),
        ])?;
    }
    writer.flush()
}
