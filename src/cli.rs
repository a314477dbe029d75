//! The command line: one clap struct per command, a doc comment on every flag (clap
//! turns them into `--help`).

use std::path::PathBuf;

use std::ffi::OsString;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

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
    /// Find the articles most like one (other coverage of the same story), best
    /// first.
    Similar(SimilarArgs),
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
    /// Print the completion script for a shell (bash, zsh, fish, powershell).
    Completions(CompletionsArgs),
    /// Print the man page (roff), e.g. `search man > search.1`.
    Man,
}

/// `search completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish or powershell.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// The shells completions are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
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
    /// Output format: text, json (as --json) or csv.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
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

    /// Threads for parsing and for indexing; each pair needs 46 MB of --memory, beside
    /// 46 MB for the run (default: as many indexing threads as get 100 MB each, at least
    /// one, and one more parsing, up to one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,

    /// Memory budget of the whole indexing run in MB: what the run does not hold itself
    /// goes to tantivy's indexing threads.
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

    /// Only articles in this language, an ISO 639-1 code: en, uk, ru, ko… (repeatable:
    /// any of them).
    #[arg(long, value_name = "CODE")]
    pub lang: Vec<String>,

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
    /// +must/-mustnot, title:word, outlet:name, lang:code.
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,

    /// Read the query as plain words, no syntax (as grep -F does): for pasted text.
    #[arg(short = 'F', long)]
    pub plain: bool,

    /// Which articles to search.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// How many results to show (0: all).
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// At most N passages from one article (0: no limit).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub per_article: usize,

    /// Order: relevance (best first) or date (oldest first, undated last: the first
    /// report of a story on top; -n then keeps the oldest of all matches).
    #[arg(long, value_enum, default_value_t = QuerySort::Relevance, value_name = "ORDER")]
    pub sort: QuerySort,

    /// Count matching articles per outlet, per period (day, month or year; month when
    /// none is given) and per entity, over all matches, with a histogram of the periods.
    #[arg(long, value_enum, value_name = "PERIOD", num_args = 0..=1, default_missing_value = "month")]
    pub facets: Option<FacetPeriod>,

    /// List every copy of a story (syndicated, re-filed) as a result of its own, instead
    /// of one result under the oldest copy.
    #[arg(long)]
    pub all_copies: bool,

    /// Count every matching passage: past 10,000 the count says "10,000+" unless asked
    /// (--facets and -n 0 count them all anyway).
    #[arg(long)]
    pub exact_count: bool,

    /// Print one JSON object per result.
    #[arg(long)]
    pub json: bool,
    /// Output format: text, json (as --json) or csv.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// `search similar`.
#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// The article: its id, or a file path with an optional `:LINE` (as `search show`
    /// takes it).
    #[arg(value_name = "ID|PATH[:LINE]")]
    pub target: std::ffi::OsString,

    /// Which articles to search.
    #[command(flatten)]
    pub filters: FilterArgs,

    /// How many results to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// Print one JSON object per result.
    #[arg(long)]
    pub json: bool,
    /// Output format: text, json (as --json) or csv.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// `search quote`.
#[derive(Debug, Args)]
pub struct QuoteArgs {
    /// The quote (quotation marks, punctuation and case do not matter; a fragment will
    /// do); `-` alone reads a list from standard input, as `--file -` does.
    #[arg(value_name = "QUOTE", required_unless_present = "file", num_args = 1..)]
    pub quote: Vec<String>,
    /// Check a whole list: one quote a line, or a CSV whose first line names a `quote`
    /// column (and optionally `speaker`, `date`); `-` reads standard input. One report
    /// row per quote: exact, changed, paraphrase or none.
    #[arg(long, value_name = "FILE", conflicts_with = "quote")]
    pub file: Option<PathBuf>,
    /// Output format: text, json (as --json) or csv.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Drop matches less similar than this, 0–1 (how much of the quote a match
    /// reproduces in order: one or two words changed score about 0.85–0.95, a quote with
    /// half its words reworded about 0.4–0.6). Default: 0.4, or 0.5 for a quote of fewer
    /// than eight content words.
    #[arg(long, value_name = "F", value_parser = parse_similarity)]
    pub min_similarity: Option<f32>,
    /// Only matches the text attributes to this person (any spelling; a first or last
    /// name will do).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Order: similarity (most similar first) or date (oldest first, undated last).
    #[arg(long, alias = "by", value_enum, default_value_t = QuoteOrder::Similarity, value_name = "ORDER")]
    pub sort: QuoteOrder,
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

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For a person.
    Text,
    /// One JSON object a line.
    Json,
    /// CSV with a header line.
    Csv,
}

/// The format `--format` and `--json` ask for (text when neither does).
pub fn format_of(format: Option<Format>, json: bool) -> Format {
    match (format, json) {
        (Some(format), _) => format,
        (None, true) => Format::Json,
        (None, false) => Format::Text,
    }
}

/// How `search query` orders its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuerySort {
    /// Best first.
    Relevance,
    /// Oldest first, undated last: the first report on top.
    Date,
}

impl From<QuerySort> for crate::query::search::Sort {
    fn from(sort: QuerySort) -> Self {
        match sort {
            QuerySort::Relevance => crate::query::search::Sort::Relevance,
            QuerySort::Date => crate::query::search::Sort::Date,
        }
    }
}

/// The periods `--facets` counts dates by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetPeriod {
    /// Per day (2004-03-02).
    Day,
    /// Per month (2004-03).
    Month,
    /// Per year (2004).
    Year,
}

impl From<FacetPeriod> for crate::query::facets::Period {
    fn from(period: FacetPeriod) -> Self {
        match period {
            FacetPeriod::Day => crate::query::facets::Period::Day,
            FacetPeriod::Month => crate::query::facets::Period::Month,
            FacetPeriod::Year => crate::query::facets::Period::Year,
        }
    }
}

/// How `search quote` orders its matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteOrder {
    /// Most similar first (then oldest first).
    #[value(alias = "relevance")]
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

/// The command line as clap should read it: for `query` and `quote`, a word that starts
/// with `-` but is no flag of theirs (`search query troops -pyongyang`, a quote pasted
/// as `- A shareholder group said …`) is part of the query, not an unknown option. The
/// words are moved behind a `--`, in their order, after the flags.
pub fn args(raw: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let raw: Vec<OsString> = raw.into_iter().collect();
    let command = Cli::command();
    // The subcommand: the first word that is neither a global flag nor its value.
    let mut at = 1;
    while let Some(text) = raw.get(at).and_then(|arg| arg.to_str()) {
        let global = command.get_arguments().find(|arg| {
            arg.get_long()
                .is_some_and(|long| text.split('=').next() == Some(&format!("--{long}")))
        });
        match global {
            Some(arg) if arg.get_action().takes_values() && !text.contains('=') => at += 2,
            Some(_) => at += 1,
            None => break,
        }
    }
    let Some(sub) = raw
        .get(at)
        .and_then(|arg| arg.to_str())
        .filter(|name| *name == "query" || *name == "quote")
        .and_then(|name| command.find_subcommand(name))
    else {
        return raw;
    };
    // Flags of the subcommand and the global ones, and the values each takes: none,
    // any, or (a flag whose value may be left out, `--facets [PERIOD]`) only its own.
    let mut flags: Vec<(String, Takes)> = Vec::new();
    for arg in sub.get_arguments().chain(command.get_arguments()) {
        let takes = if !arg.get_action().takes_values() {
            Takes::Nothing
        } else if arg.get_num_args().is_some_and(|n| n.min_values() == 0) {
            Takes::Own(
                arg.get_possible_values()
                    .iter()
                    .flat_map(|value| value.get_name_and_aliases().map(str::to_owned))
                    .collect(),
            )
        } else {
            Takes::Any
        };
        let longs = arg.get_long().into_iter();
        for long in longs.chain(arg.get_all_aliases().into_iter().flatten()) {
            flags.push((format!("--{long}"), takes.clone()));
        }
        if let Some(short) = arg.get_short() {
            flags.push((format!("-{short}"), takes));
        }
    }
    flags.extend([
        ("--help".into(), Takes::Nothing),
        ("-h".into(), Takes::Nothing),
    ]);
    let mut head: Vec<OsString> = raw[..=at].to_vec();
    let mut words: Vec<OsString> = Vec::new();
    let mut rest = raw[at + 1..].iter().peekable();
    while let Some(arg) = rest.next() {
        let Some(text) = arg.to_str() else {
            words.push(arg.clone());
            continue;
        };
        if text == "--" {
            words.extend(rest.by_ref().cloned());
            break;
        }
        let name = text.split_once('=').map_or(text, |(name, _)| name);
        match flags.iter().find(|(flag, _)| flag == name) {
            Some((_, takes)) => {
                head.push(arg.clone());
                let value = match takes {
                    _ if text.contains('=') => None,
                    Takes::Nothing => None,
                    Takes::Any => rest.next(),
                    Takes::Own(values) => rest.next_if(|next| {
                        next.to_str()
                            .is_some_and(|next| values.iter().any(|value| value == next))
                    }),
                };
                head.extend(value.cloned());
            }
            None => words.push(arg.clone()),
        }
    }
    if !words.is_empty() {
        head.push("--".into());
        head.extend(words);
    }
    head
}

/// The values a flag takes, for [`args`].
#[derive(Clone)]
enum Takes {
    Nothing,
    Any,
    /// Its own values only (it may go without one).
    Own(Vec<String>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(args: &[&str]) -> Vec<String> {
        let raw = std::iter::once("search")
            .chain(args.iter().copied())
            .map(OsString::from);
        args_of(raw)
    }

    fn args_of(raw: impl IntoIterator<Item = OsString>) -> Vec<String> {
        args(raw)
            .into_iter()
            .skip(1)
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn exclusions_and_dashed_quotes_are_words() {
        assert_eq!(
            read(&["query", "troops", "-pyongyang", "-n", "5", "--json"]),
            ["query", "-n", "5", "--json", "--", "troops", "-pyongyang"]
        );
        assert_eq!(
            read(&["--index", "ix", "query", "--outlet", "BBC", "-F", "a", "-b"]),
            [
                "--index", "ix", "query", "--outlet", "BBC", "-F", "--", "a", "-b"
            ]
        );
        assert_eq!(
            read(&["quote", "- A shareholder group said", "--since=2024"]),
            ["quote", "--since=2024", "--", "- A shareholder group said"]
        );
        assert_eq!(
            read(&["query", "--", "-x", "--json"]),
            ["query", "--", "-x", "--json"]
        );
        assert_eq!(read(&["index", "-q", "corpus"]), ["index", "-q", "corpus"]);
        assert_eq!(
            read(&["--index", "query", "query", "x", "-y"]),
            ["--index", "query", "query", "--", "x", "-y"]
        );
        assert_eq!(read(&["query", "--help"]), ["query", "--help"]);
    }

    #[test]
    fn facets_take_a_period_only_when_one_follows() {
        assert_eq!(
            read(&["query", "--facets", "flood", "-n", "1"]),
            ["query", "--facets", "-n", "1", "--", "flood"]
        );
        assert_eq!(
            read(&["query", "--facets", "day", "flood"]),
            ["query", "--facets", "day", "--", "flood"]
        );
        assert_eq!(
            read(&["query", "flood", "--facets=year"]),
            ["query", "--facets=year", "--", "flood"]
        );
        let facets = |words: &[&str]| match Cli::parse_from(args(
            ["search", "query"].iter().chain(words).map(OsString::from),
        ))
        .command
        {
            Command::Query(query) => (query.facets, query.query),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            facets(&["flood", "--facets"]),
            (Some(FacetPeriod::Month), vec!["flood".to_owned()])
        );
        assert_eq!(
            facets(&["--facets", "month", "day"]),
            (Some(FacetPeriod::Month), vec!["day".to_owned()])
        );
        assert_eq!(facets(&["flood"]).0, None);
    }

    #[test]
    fn quote_takes_sort_and_keeps_by() {
        let sort = |args: &[&str]| match Cli::parse_from(
            ["search", "quote", "a quote"].iter().chain(args),
        )
        .command
        {
            Command::Quote(quote) => quote.sort,
            other => panic!("{other:?}"),
        };
        assert_eq!(sort(&[]), QuoteOrder::Similarity);
        assert_eq!(sort(&["--sort", "date"]), QuoteOrder::Date);
        assert_eq!(sort(&["--by", "date"]), QuoteOrder::Date);
        assert_eq!(sort(&["--sort", "relevance"]), QuoteOrder::Similarity);
        // The alias is a flag, not words of the quote, wherever it stands.
        assert_eq!(
            read(&["quote", "crews walked", "--by", "date"]),
            ["quote", "--by", "date", "--", "crews walked"]
        );
    }

    #[test]
    fn what_is_read_parses() {
        let raw = ["search", "query", "troops", "-pyongyang", "-n", "5"].map(OsString::from);
        let cli = Cli::parse_from(args(raw));
        match cli.command {
            Command::Query(query) => {
                assert_eq!(query.query, ["troops", "-pyongyang"]);
                assert_eq!(query.limit, 5);
            }
            other => panic!("{other:?}"),
        }
    }
}
