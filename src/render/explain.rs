//! Why a query found nothing, in words (a line on stderr) and in JSON (one
//! `{"empty_because": …}` line on stdout with `--json`).

use std::io::{self, Write};

use serde::Serialize;

use crate::query::explain::EmptyBecause;
use crate::render::terminal_safe;

/// The explanation as one line.
pub fn line(because: &EmptyBecause) -> String {
    match because {
        EmptyBecause::UnknownOutlet { name, nearest } => format!(
            "no article is from an outlet named {} — {}",
            quoted(name),
            suggest("outlets", nearest, "--outlet")
        ),
        EmptyBecause::UnknownEntity { name, nearest } if nearest.is_empty() => format!(
            "no article mentions an entity named {} — the index holds no entities (index again without --no-entities)",
            quoted(name)
        ),
        EmptyBecause::UnknownEntity { name, nearest } => format!(
            "no article mentions an entity named {} — {}",
            quoted(name),
            suggest("names", nearest, "--entity")
        ),
        EmptyBecause::Dates { undated, outside } => {
            let mut counts = Vec::new();
            if *outside > 0 {
                counts.push(format!(
                    "{} outside the range",
                    articles(*outside, "is dated", "are dated")
                ));
            }
            if *undated > 0 {
                counts.push(format!("{} no date", articles(*undated, "has", "have")));
            }
            format!(
                "the dates left out every match: {} — widen --since/--until or drop them",
                counts.join(", ")
            )
        }
    }
}

/// The explanation as one JSON line.
pub fn write_json(out: &mut impl Write, because: &EmptyBecause) -> io::Result<()> {
    serde_json::to_writer(
        &mut *out,
        &EmptyJson {
            empty_because: because.into(),
        },
    )?;
    writeln!(out)
}

fn quoted(name: &str) -> String {
    terminal_safe(&format!("{name:?}"))
}

fn suggest(what: &str, nearest: &[String], flag: &str) -> String {
    if nearest.is_empty() {
        return format!("the index holds no {what} (drop {flag})");
    }
    let names: Vec<String> = nearest.iter().map(|name| terminal_safe(name)).collect();
    format!(
        "nearest {what}: {} (give {flag} one of them)",
        names.join(", ")
    )
}

fn articles(n: u64, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 matching article {one}"),
        n => format!("{n} matching articles {many}"),
    }
}

#[derive(Serialize)]
struct EmptyJson<'a> {
    empty_because: BecauseJson<'a>,
}

#[derive(Serialize)]
#[serde(tag = "filter", rename_all = "snake_case")]
enum BecauseJson<'a> {
    Outlet {
        name: &'a str,
        nearest: &'a [String],
    },
    Entity {
        name: &'a str,
        nearest: &'a [String],
    },
    Dates {
        undated: u64,
        outside: u64,
    },
}

impl<'a> From<&'a EmptyBecause> for BecauseJson<'a> {
    fn from(because: &'a EmptyBecause) -> Self {
        match because {
            EmptyBecause::UnknownOutlet { name, nearest } => BecauseJson::Outlet { name, nearest },
            EmptyBecause::UnknownEntity { name, nearest } => BecauseJson::Entity { name, nearest },
            EmptyBecause::Dates { undated, outside } => BecauseJson::Dates {
                undated: *undated,
                outside: *outside,
            },
        }
    }
}
