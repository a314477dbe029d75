//! `search eval`'s figures as one line of text or one JSON object.

use std::io::{self, Write};

use crate::eval::Figures;
use crate::render::Style;
use crate::render::json::FiguresJson;

/// Writes the figures in `style`.
pub fn write(out: &mut impl Write, figures: &Figures, style: Style) -> io::Result<()> {
    match style {
        Style::Text { .. } => writeln!(
            out,
            "nDCG@10 {:.4}  Recall@100 {:.4}  MRR@10 {:.4}  over {} queries",
            figures.ndcg_10, figures.recall_100, figures.mrr_10, figures.queries
        ),
        Style::Json => {
            serde_json::to_writer(&mut *out, &FiguresJson::from(figures))?;
            writeln!(out)
        }
    }
}
