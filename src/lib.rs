//! `search`: fast, offline full-text search over collections of news articles.
//!
//! The data flows walk → article → passages → index ([`ingest`], [`index`]), and the
//! commands in [`run`] tie the stages to the command line ([`cli`]) and the printed
//! output ([`render`]).

pub mod cli;
pub mod entities;
pub mod error;
pub mod eval;
pub mod index;
pub mod ingest;
pub mod query;
pub mod quote;
pub mod render;
pub mod schema;
pub mod text;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub use error::{Error, Result};

use crate::cli::{
    Cli, ColorChoice, Command, EntitiesArgs, EvalArgs, IndexArgs, QueryArgs, QuoteArgs, ShowArgs,
    StatsArgs,
};
use crate::index::build::{BuildOptions, build};

/// How a command ended, as the process exit code tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done, nothing to report (exit 0).
    Success,
    /// Nothing found (exit 1), as grep does.
    NotFound,
    /// Failed (exit 2).
    Error,
    /// Done, but some files or records were skipped (exit 3).
    Warnings,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(match outcome {
            Outcome::Success => 0,
            Outcome::NotFound => 1,
            Outcome::Error => 2,
            Outcome::Warnings => 3,
        })
    }
}

impl Error {
    /// The outcome this error ends a command with: [`Outcome::NotFound`] when what
    /// was asked for is not there, [`Outcome::Error`] otherwise.
    pub fn outcome(&self) -> Outcome {
        match self {
            Error::NotFound(_) => Outcome::NotFound,
            _ => Outcome::Error,
        }
    }

    /// True when output went to a closed pipe (`search … | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Runs one command, as [`run`] does, and turns a panic into an error: a damaged index
/// (see [`index::damage`]) when the index turns out to be one, [`Error::Internal`]
/// otherwise. Either way one line is printed, never a backtrace.
pub fn run_guarded(cli: &Cli) -> Result<Outcome> {
    let message = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let hook_message = std::sync::Arc::clone(&message);
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_owned());
        let place = info
            .location()
            .map(|at| format!(" at {}:{}", at.file(), at.line()))
            .unwrap_or_default();
        let mut slot = hook_message
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.get_or_insert(format!("{text}{place}").replace(['\n', '\r'], " "));
    }));
    let outcome = std::panic::catch_unwind(|| run(cli));
    std::panic::set_hook(previous_hook);
    outcome.unwrap_or_else(|_| {
        let text = message
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
            .unwrap_or_default();
        Err(match index::damage(&cli.index) {
            Some(problem) if cli.index.join(index::MARKER_FILE).is_file() => {
                index::damaged(&cli.index, problem)
            }
            _ => Error::Internal(text),
        })
    })
}

/// Runs one command.
pub fn run(cli: &Cli) -> Result<Outcome> {
    let outcome = match &cli.command {
        Command::Index(args) => run_index(cli, args),
        Command::Query(args) => run_query(cli, args),
        Command::Quote(args) => run_quote(cli, args),
        Command::Stats(args) => run_stats(cli, args),
        Command::Eval(args) => run_eval(cli, args),
        Command::Show(args) => run_show(cli, args),
        Command::Entities(args) => run_entities(cli, args),
    };
    // Segment files are read lazily, wherever a command first needs them: name the
    // damage, if that is what tantivy ran into.
    outcome.map_err(|err| match err {
        Error::Tantivy(err) => index::diagnose(&cli.index, err),
        other => other,
    })
}

fn run_index(cli: &Cli, args: &IndexArgs) -> Result<Outcome> {
    let threads = args
        .threads
        .map(usize::from)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let options = BuildOptions {
        index_dir: cli.index.clone(),
        paths: args.paths.clone(),
        rebuild: args.rebuild,
        threads,
        memory_budget: args.memory as usize * 1024 * 1024,
        entities: !args.no_entities,
    };
    let show_bar =
        std::io::stderr().is_terminal() && cli.color != ColorChoice::Never && !args.quiet;
    let progress = render::progress::IndexProgress::new(show_bar);
    let report = build(&options, &progress)?;
    if !args.quiet {
        eprintln!("{}", report.summary_line());
    }
    Ok(if report.skipped_total() > 0 {
        Outcome::Warnings
    } else {
        Outcome::Success
    })
}

fn run_stats(cli: &Cli, args: &StatsArgs) -> Result<Outcome> {
    let handle = index::open(&cli.index)?;
    let stats = index::stats::stats(&handle)?;
    print(|out| {
        if args.json {
            render::stats::write_json(out, &stats)
        } else {
            render::stats::write_text(out, &stats)
        }
    })?;
    Ok(Outcome::Success)
}

fn run_entities(cli: &Cli, args: &EntitiesArgs) -> Result<Outcome> {
    let handle = index::open(&cli.index)?;
    let entities = query::entities::list(&handle, args.kind, args.top)?;
    if entities.is_empty() {
        eprintln!(
            "search: no entities in the index — index with entity extraction on (without --no-entities)"
        );
        return Ok(Outcome::NotFound);
    }
    print(|out| {
        if args.json {
            render::entities::write_json(out, &entities)
        } else {
            render::entities::write_text(out, &entities)
        }
    })?;
    Ok(Outcome::Success)
}

fn run_show(cli: &Cli, args: &ShowArgs) -> Result<Outcome> {
    let handle = index::open(&cli.index)?;
    let article = query::show::show(&handle, &args.target)?;
    print(|out| {
        if args.json {
            render::show::write_json(out, &article)
        } else {
            render::show::write_text(out, &article)
        }
    })?;
    Ok(Outcome::Success)
}

/// A `--since`/`--until` date, read.
fn date_flag(flag: &str, text: &Option<String>) -> Result<Option<ingest::date::NewsDate>> {
    text.as_deref()
        .map(|text| {
            text.parse()
                .map_err(|err| Error::BadQuery(format!("--{flag}: {err}")))
        })
        .transpose()
}

fn run_quote(cli: &Cli, args: &QuoteArgs) -> Result<Outcome> {
    let request = quote::QuoteRequest {
        text: args.quote.join(" "),
        min_similarity: args.min_similarity,
        speaker: args.speaker.clone(),
        order: args.by,
        limit: args.limit,
        outlets: args.outlet.clone(),
        since: date_flag("since", &args.since)?,
        until: date_flag("until", &args.until)?,
        entities: Vec::new(),
    };
    let handle = index::open(&cli.index)?;
    let results = quote::check(&handle, &request)?;
    if results.words_cut > 0 {
        eprintln!(
            "search: the quote is long: only its first {} words are compared ({} left out)",
            results.quote_words, results.words_cut
        );
    }
    if results.matches.is_empty() {
        eprintln!(
            "no passage reproduces the quote with similarity {} or more (try a lower --min-similarity)",
            request.min_similarity
        );
        return Ok(Outcome::NotFound);
    }
    let color = use_color(cli.color, std::io::stdout().is_terminal());
    print(|out| {
        if args.json {
            render::quote::write_json(out, &results)
        } else {
            render::quote::write_text(out, &results, color)
        }
    })?;
    Ok(Outcome::Success)
}

fn run_query(cli: &Cli, args: &QueryArgs) -> Result<Outcome> {
    let request = query::parse::QueryRequest {
        text: args.query.join(" "),
        plain: args.plain,
        outlets: args.outlet.clone(),
        since: date_flag("since", &args.since)?,
        until: date_flag("until", &args.until)?,
        entities: args.entity.clone(),
    };
    let page = query::search::Page {
        limit: args.limit,
        per_article: args.per_article,
        facets: args.facets,
    };
    let handle = index::open(&cli.index)?;
    let results = query::search::search(&handle, &request, page)?;
    if results.hits.is_empty() && results.total_passages == 0 {
        eprintln!("no passage matches {:?}", request.text);
        return Ok(Outcome::NotFound);
    }
    let color = use_color(cli.color, std::io::stdout().is_terminal());
    print(|out| {
        if args.json {
            render::hits::write_json(out, &results)
        } else {
            render::hits::write_text(out, &results, color)
        }
    })?;
    Ok(Outcome::Success)
}

/// Colour when asked for, or on a terminal unless NO_COLOR is set.
fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn run_eval(cli: &Cli, args: &EvalArgs) -> Result<Outcome> {
    let handle = index::open(&cli.index)?;
    let queries = eval::read_queries(&args.queries)?;
    let qrels = eval::read_qrels(&args.qrels)?;
    let figures = eval::evaluate(&handle, &queries, &qrels)?;
    print(|out| {
        if args.json {
            serde_json::to_writer(&mut *out, &figures)?;
            writeln!(out)
        } else {
            writeln!(
                out,
                "nDCG@10 {:.4}  Recall@100 {:.4}  MRR@10 {:.4}  over {} queries",
                figures.ndcg_10, figures.recall_100, figures.mrr_10, figures.queries
            )
        }
    })?;
    Ok(Outcome::Success)
}

/// Writes a command's results to stdout; a failed write (a closed pipe) becomes an
/// [`Error::Io`] that `main` knows how to treat.
fn print(
    write: impl FnOnce(&mut std::io::StdoutLock<'static>) -> std::io::Result<()>,
) -> Result<()> {
    write(&mut std::io::stdout().lock()).map_err(|err| Error::io("<stdout>", err))
}
