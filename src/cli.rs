//! The command line: one clap struct per command, a doc comment on every flag (clap
//! turns them into `--help`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::ingest::date::NewsDate;

/// Fast, offline full-text search over collections of news articles.
#[derive(Debug, Parser)]
#[command(name = "search", version, about, long_about = None)]
pub struct Cli {
    /// The index folder.
    #[arg(
        long,
        global = true,
        env = "SEARCH_INDEX",
        default_value = "index",
        value_name = "DIR"
    )]
    pub index: PathBuf,

    /// When to use colour and progress bars: auto (on a terminal, unless NO_COLOR is set),
    /// always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index folders or files of articles (.txt, .md, .html, .jsonl); re-runs only
    /// re-read what changed.
    Index(IndexArgs),
    /// Find the passages that answer a query, best first.
    Query(QueryArgs),
    /// Check a quote: where it appears exactly or nearly, who said it, and how each
    /// article's words differ from it.
    Quote(QuoteArgs),
    /// Show what the index holds.
    Stats(StatsArgs),
    /// Measure ranking quality on a test collection (BEIR layout): nDCG@10,
    /// Recall@100, MRR@10.
    Eval(EvalArgs),
    /// Show one article: its metadata (and where each value came from) and its
    /// numbered passages.
    Show(ShowArgs),
    /// List the people, organisations and places the articles mention, most
    /// mentioned first.
    Entities(EntitiesArgs),
    /// Serve the index as web pages and a JSON API (read-only) until Ctrl-C.
    Serve(ServeArgs),
}

/// `search serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on (port 0: any free port). Anything but a loopback
    /// address lets everyone who can reach it read the collection.
    #[arg(long, value_name = "ADDR", default_value = crate::serve::DEFAULT_LISTEN)]
    pub listen: std::net::SocketAddr,
}

/// `search entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only this type: person, org or place.
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_kind)]
    pub kind: Option<crate::entities::EntityKind>,

    /// At most this many per type (0: all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,

    /// One JSON object per entity: name, type, articles, aliases.
    #[arg(long)]
    pub json: bool,
}

fn parse_kind(text: &str) -> Result<crate::entities::EntityKind, String> {
    crate::entities::EntityKind::parse(text)
        .ok_or_else(|| format!("{text:?} is not an entity type — use person, org or place"))
}

/// `search index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folders or files to index.
    #[arg(default_value = "corpus", value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Drop everything indexed before and build the index again from scratch.
    #[arg(long)]
    pub rebuild: bool,

    /// Print nothing but warnings (no summary line).
    #[arg(long, short)]
    pub quiet: bool,

    /// Threads for parsing and for indexing (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,

    /// Indexing memory budget in MB, shared by the indexing threads.
    #[arg(long, value_name = "MB", default_value_t = 256, value_parser = clap::value_parser!(u32).range(32..=4096))]
    pub memory: u32,

    /// Skip named-entity extraction (faster; no entity facets or --entity filters for the
    /// files indexed this run).
    #[arg(long)]
    pub no_entities: bool,
}

/// `search stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `search show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An article id, or a file path with an optional `:LINE` (the line picks one
    /// record of a JSON Lines file, and marks the passage holding it).
    #[arg(value_name = "ID|PATH[:LINE]")]
    pub target: std::ffi::OsString,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The filters `search query` and `search quote` share: which articles to search.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only articles from this outlet (repeatable; case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub outlet: Vec<String>,

    /// Only articles mentioning this person, organisation or place, by any of its
    /// names (repeatable: all must be mentioned; case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub entity: Vec<String>,

    /// Only articles dated on or after this date (2024-10-08, 2024-10, 2024, "8 Oct 2024").
    #[arg(long, value_name = "DATE")]
    pub since: Option<NewsDate>,

    /// Only articles dated on or before this date (a month or year counts to its end).
    #[arg(long, value_name = "DATE")]
    pub until: Option<NewsDate>,
}

/// `search query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// What to look for: words, "exact phrases", "phrase with slop"~3, AND/OR/NOT,
    /// +must/-mustnot, title:word, outlet:name.
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,

    /// Read the query as plain words, no syntax (as grep -F does): for pasted text.
    #[arg(short = 'F', long)]
    pub plain: bool,

    /// Which articles to search.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// How many results to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// At most N passages from one article (0: no limit).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub per_article: usize,

    /// Count matching articles per outlet, per month and per entity, over all matches.
    #[arg(long)]
    pub facets: bool,

    /// Print one JSON object per result.
    #[arg(long)]
    pub json: bool,
}

/// `search quote`.
#[derive(Debug, Args)]
pub struct QuoteArgs {
    /// The quote (quotation marks, punctuation and case do not matter; a fragment will
    /// do).
    #[arg(value_name = "QUOTE", required = true, num_args = 1..)]
    pub quote: Vec<String>,
    /// Drop matches less similar than this, 0–1 (how much of the quote a match
    /// reproduces in order: one or two words changed score about 0.85–0.95, a quote with
    /// a third of its words reworded about 0.55–0.8).
    #[arg(long, value_name = "F", default_value_t = crate::quote::DEFAULT_MIN_SIMILARITY, value_parser = parse_similarity)]
    pub min_similarity: f32,
    /// Only matches the text attributes to this person (any spelling; a first or last
    /// name will do).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Order: similarity (most similar first) or date (oldest first, undated last).
    #[arg(long, value_enum, default_value_t = QuoteOrder::Similarity, value_name = "ORDER")]
    pub by: QuoteOrder,
    /// Which articles to search.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many matches to show (0: all).
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Print one JSON object per match.
    #[arg(long)]
    pub json: bool,
}

/// How `search quote` orders its matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteOrder {
    /// Most similar first (then oldest first).
    Similarity,
    /// Oldest first, undated last: the earliest source on top.
    Date,
}

impl From<QuoteOrder> for crate::quote::Order {
    fn from(order: QuoteOrder) -> Self {
        match order {
            QuoteOrder::Similarity => crate::quote::Order::Similarity,
            QuoteOrder::Date => crate::quote::Order::Date,
        }
    }
}

fn parse_similarity(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(value) if (0.0..=1.0).contains(&value) => Ok(value),
        _ => Err(format!(
            "{text:?} is not a similarity — give a number from 0 to 1, e.g. 0.5"
        )),
    }
}

/// `search eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The queries: one {"_id": …, "text": …} object a line (run as plain words).
    #[arg(long, value_name = "FILE")]
    pub queries: PathBuf,

    /// The judgments: `query-id corpus-id score` lines (corpus ids are the articles'
    /// own `id`/`_id`).
    #[arg(long, value_name = "FILE")]
    pub qrels: PathBuf,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}
