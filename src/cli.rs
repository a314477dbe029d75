//! The command line: one clap struct per command, a doc comment on every flag (clap
//! turns them into `--help`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Show what the index holds.
    Stats(StatsArgs),
    /// Show one article: its metadata (and where each value came from) and its
    /// numbered passages.
    Show(ShowArgs),
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
    pub target: String,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}
