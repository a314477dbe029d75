//! The command line's front end: runs the command `cli` names on the library
//! ([`Engine`], the indexer) and hands the results to `render/`, which prints them;
//! turns the outcome into the exit code `main` returns.

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli::{
    Cli, ColorChoice, Command, EntitiesArgs, EvalArgs, IndexArgs, QueryArgs, QuoteArgs, ServeArgs,
    ShowArgs, SimilarArgs, StatsArgs,
};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::index::build::{BuildOptions, build};
use crate::index::workers::Workers;
use crate::query::parse::QueryRequest;
use crate::query::rank::COUNT_BOUND;
use crate::query::search::{Copies, Page, Results};
use crate::quote::QuoteRequest;
use crate::quote::list::ListItem;
use crate::render::Style;
use crate::stop::Stop;
use crate::{eval, index, render};

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
    /// Stopped by a signal (exit 128 + its number, as a shell reports a process the
    /// signal ended: 130 for Ctrl-C).
    Signal(i32),
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(match outcome {
            Outcome::Success => 0,
            Outcome::NotFound => 1,
            Outcome::Error => 2,
            Outcome::Warnings => 3,
            Outcome::Signal(signal) => u8::try_from(128 + signal).unwrap_or(2),
        })
    }
}

impl Error {
    /// The outcome this error ends a command with: [`Outcome::NotFound`] when what
    /// was asked for is not there, [`Outcome::Error`] otherwise.
    pub fn outcome(&self) -> Outcome {
        match self {
            Error::NotFound(_) => Outcome::NotFound,
            Error::Stopped { signal } => Outcome::Signal(*signal),
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
        Command::Similar(args) => run_similar(cli, args),
        Command::Stats(args) => run_stats(cli, args),
        Command::Eval(args) => run_eval(cli, args),
        Command::Show(args) => run_show(cli, args),
        Command::Entities(args) => run_entities(cli, args),
        Command::Serve(args) => run_serve(cli, args),
        Command::Completions(args) => {
            print(|out| render::shell::completions(out, args.shell)).map(|()| Outcome::Success)
        }
        Command::Man => print(render::shell::man).map(|()| Outcome::Success),
    };
    // Segment files are read lazily, wherever a command first needs them: name the
    // damage, if that is what tantivy ran into.
    outcome.map_err(|err| match err {
        Error::Tantivy(err) => index::diagnose(&cli.index, err),
        other => other,
    })
}

fn run_index(cli: &Cli, args: &IndexArgs) -> Result<Outcome> {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let workers = Workers::plan(args.threads.map(usize::from), cores, args.memory as usize)?;
    let options = BuildOptions {
        index_dir: cli.index.clone(),
        paths: args.paths.clone(),
        rebuild: args.rebuild,
        workers,
        entities: !args.no_entities,
        stop: stop_on_signals(),
    };
    let show_bar =
        std::io::stderr().is_terminal() && cli.color != ColorChoice::Never && !args.quiet;
    let progress = render::progress::IndexProgress::new(show_bar);
    let report = build(&options, &progress)?;
    if !args.quiet {
        render::notes::run_summary(&report);
    }
    if let Some(signal) = report.signal {
        render::notes::stopped_after_commit(signal);
        return Ok(Outcome::Signal(signal));
    }
    Ok(if report.skipped_total() > 0 {
        Outcome::Warnings
    } else {
        Outcome::Success
    })
}

/// A stop request raised by SIGINT, SIGTERM and SIGXFSZ, so that an indexing run they
/// interrupt removes what it had not committed; where signals cannot be caught, one
/// no signal raises (the run then ends as a killed one would).
fn stop_on_signals() -> Stop {
    #[cfg(unix)]
    if let Ok(stop) = Stop::on_signals() {
        return stop;
    }
    Stop::new()
}

fn run_stats(cli: &Cli, args: &StatsArgs) -> Result<Outcome> {
    let stats = Engine::open(&cli.index)?.stats()?;
    print(|out| render::stats::write(out, &stats, style(cli, args.json)))?;
    Ok(Outcome::Success)
}

fn run_serve(cli: &Cli, args: &ServeArgs) -> Result<Outcome> {
    let engine = Engine::open(&cli.index)?;
    let server = crate::serve::Server::bind(engine, args.listen, crate::serve::Limits::default())?;
    let (addr, url, exposed) = (server.addr(), server.url(), server.exposed());
    server.run(|| {
        if exposed {
            render::notes::serving_exposed(addr);
        }
        render::notes::serving(&url);
    })?;
    render::notes::stopped_serving();
    Ok(Outcome::Success)
}

fn run_entities(cli: &Cli, args: &EntitiesArgs) -> Result<Outcome> {
    let entities = Engine::open(&cli.index)?.entities(args.kind, args.top)?;
    if entities.is_empty() {
        render::notes::no_entities();
        return Ok(Outcome::NotFound);
    }
    match crate::cli::format_of(args.format, args.json) {
        crate::cli::Format::Csv => print(|out| render::csv::entities(out, &entities))?,
        format => print(|out| {
            render::entities::write(
                out,
                &entities,
                style(cli, format == crate::cli::Format::Json),
            )
        })?,
    }
    Ok(Outcome::Success)
}

fn run_show(cli: &Cli, args: &ShowArgs) -> Result<Outcome> {
    let shown = Engine::open(&cli.index)?.show(&args.target)?;
    print(|out| render::show::write(out, &shown, style(cli, args.json)))?;
    Ok(Outcome::Success)
}

fn run_quote(cli: &Cli, args: &QuoteArgs) -> Result<Outcome> {
    let filters = &args.filters;
    let request = QuoteRequest {
        text: args.quote.join(" "),
        min_similarity: args.min_similarity,
        speaker: args.speaker.clone(),
        order: args.sort.into(),
        limit: args.limit,
        speakers_for: 0,
        outlets: filters.outlet.clone(),
        langs: filters.lang.clone(),
        since: filters.since,
        until: filters.until,
        entities: filters.entity.clone(),
    };
    let list_file = match (&args.file, args.quote.as_slice()) {
        (Some(file), _) => Some(file.clone()),
        (None, [dash]) if dash == "-" => Some("-".into()),
        _ => None,
    };
    let format = crate::cli::format_of(args.format, args.json);
    if let Some(file) = list_file {
        return run_quote_list(cli, &file, &request, format);
    }
    let results = Engine::open(&cli.index)?.quote(&request)?;
    if format == crate::cli::Format::Csv {
        let item = ListItem {
            line: 1,
            quote: request.text.clone(),
            speaker: None,
            date: None,
        };
        let row = crate::quote::list::row_of(&item, &results.matches, results.min_similarity);
        print(|out| render::list::write(out, &[row], render::list::Format::Csv))?;
        return Ok(Outcome::Success);
    }
    if results.words_cut > 0 {
        render::notes::quote_cut(results.quote_words, results.words_cut);
    }
    if results.matches.is_empty() {
        render::notes::no_quote_match(results.min_similarity);
        return Ok(Outcome::NotFound);
    }
    let json = format == crate::cli::Format::Json;
    print(|out| render::quote::write(out, &results, style(cli, json)))?;
    Ok(Outcome::Success)
}

/// `search quote --file`: every quote of the list checked on one open index; exit 0
/// when the run finished, whatever the verdicts.
fn run_quote_list(
    cli: &Cli,
    file: &std::path::Path,
    template: &QuoteRequest,
    format: crate::cli::Format,
) -> Result<Outcome> {
    let (text, csv_expected) = if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
            .map_err(|err| Error::io("<stdin>", err))?;
        (text, false)
    } else {
        let text = std::fs::read_to_string(file).map_err(|err| list_unreadable(file, &err))?;
        let csv = file
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("csv"));
        (text, csv)
    };
    let items = crate::quote::list::read_list(&text, csv_expected)?;
    let engine = Engine::open(&cli.index)?;
    let show_bar = std::io::stderr().is_terminal() && cli.color != ColorChoice::Never;
    let progress = render::progress::ListProgress::new(show_bar, items.len() as u64);
    let rows = engine.quote_list(&items, template, &|| progress.advance());
    progress.finish();
    let rows = rows?;
    let format = match format {
        crate::cli::Format::Text => render::list::Format::Text {
            color: matches!(style(cli, false), Style::Text { color: true }),
        },
        crate::cli::Format::Json => render::list::Format::Json,
        crate::cli::Format::Csv => render::list::Format::Csv,
    };
    print(|out| render::list::write(out, &rows, format))?;
    Ok(Outcome::Success)
}

/// A list file that cannot be read: missing, or not UTF-8 text.
fn list_unreadable(file: &std::path::Path, err: &std::io::Error) -> Error {
    let name = crate::paths::path_string(file);
    Error::BadInput(match err.kind() {
        std::io::ErrorKind::NotFound => {
            format!(
                "{name} does not exist — give a file of quotes, one a line (or `-` for standard input)"
            )
        }
        std::io::ErrorKind::InvalidData => {
            format!("{name} is not UTF-8 text — save the list as UTF-8 text or CSV")
        }
        _ => format!("{name} cannot be read: {err} — check the path and its permissions"),
    })
}

fn run_query(cli: &Cli, args: &QueryArgs) -> Result<Outcome> {
    let filters = &args.filters;
    let request = QueryRequest {
        text: args.query.join(" "),
        plain: args.plain,
        outlets: filters.outlet.clone(),
        langs: filters.lang.clone(),
        since: filters.since,
        until: filters.until,
        entities: filters.entity.clone(),
    };
    let page = Page {
        limit: args.limit,
        per_article: args.per_article,
        facets: args.facets.is_some(),
        sort: args.sort.into(),
        period: args.facets.map(Into::into).unwrap_or_default(),
        count_bound: (!args.exact_count).then_some(COUNT_BOUND),
    };
    let copies = if args.all_copies {
        Copies::Listed
    } else {
        Copies::Grouped
    };
    let results = Engine::open(&cli.index)?.query_copies(&request, page, copies)?;
    if results.hits.is_empty() && results.total_passages == 0 {
        render::notes::no_passage_matches(&request.text);
        if let Some(because) = &results.empty_because {
            render::notes::empty_because(because);
            if args.json {
                print(|out| render::explain::write_json(out, because))?;
            }
        }
        return Ok(Outcome::NotFound);
    }
    write_hits(cli, &results, crate::cli::format_of(args.format, args.json))?;
    Ok(Outcome::Success)
}

fn run_similar(cli: &Cli, args: &SimilarArgs) -> Result<Outcome> {
    let filters = &args.filters;
    let request = QueryRequest {
        outlets: filters.outlet.clone(),
        langs: filters.lang.clone(),
        since: filters.since,
        until: filters.until,
        entities: filters.entity.clone(),
        ..QueryRequest::default()
    };
    let engine = Engine::open(&cli.index)?;
    let (_, results) = engine.similar(&args.target, &request, args.limit)?;
    if results.hits.is_empty() {
        render::notes::nothing_similar();
        return Ok(Outcome::NotFound);
    }
    write_hits(cli, &results, crate::cli::format_of(args.format, args.json))?;
    Ok(Outcome::Success)
}

/// Writes a query's (or `similar`'s) results in the format asked for.
fn write_hits(cli: &Cli, results: &Results, format: crate::cli::Format) -> Result<()> {
    match format {
        crate::cli::Format::Csv => print(|out| render::csv::hits(out, results)),
        format => print(|out| {
            render::hits::write(out, results, style(cli, format == crate::cli::Format::Json))
        }),
    }
}

/// How to write results: JSON when asked, otherwise text, coloured when asked for
/// or on a terminal unless NO_COLOR is set.
fn style(cli: &Cli, json: bool) -> Style {
    if json {
        return Style::Json;
    }
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    Style::Text { color }
}

fn run_eval(cli: &Cli, args: &EvalArgs) -> Result<Outcome> {
    let engine = Engine::open(&cli.index)?;
    let queries = eval::read_queries(&args.queries)?;
    let qrels = eval::read_qrels(&args.qrels)?;
    let figures = eval::evaluate(&engine, &queries, &qrels)?;
    print(|out| render::eval::write(out, &figures, style(cli, args.json)))?;
    Ok(Outcome::Success)
}

/// Writes a command's results to stdout; a failed write (a closed pipe) becomes an
/// [`Error::Io`] that `main` knows how to treat.
fn print(
    write: impl FnOnce(&mut std::io::StdoutLock<'static>) -> std::io::Result<()>,
) -> Result<()> {
    write(&mut std::io::stdout().lock()).map_err(|err| Error::io("<stdout>", err))
}
