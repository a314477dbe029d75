//! What a command tells the user on stderr beside its results: that nothing was found
//! (and what to try), that a quote was cut, an error. Results go to stdout; these
//! lines go to stderr so a pipe of results stays clean.

use crate::index::report::RunReport;
use crate::render::run::summary_line;
use crate::render::{error_line, terminal_safe};

/// Prints a line on stderr.
fn note(line: &str) {
    eprintln!("{line}");
}

/// The error that ended a command.
pub fn error(err: &crate::Error) {
    note(&error_line(err));
}

/// An indexing run's summary.
pub fn run_summary(run: &RunReport) {
    note(&summary_line(run));
}

/// A signal came while the run was committing: the commit was finished first.
pub fn stopped_after_commit(signal: i32) {
    note(&format!(
        "search: stopped by {} during the commit, which was finished: the run above is committed",
        crate::stop::signal_name(signal)
    ));
}

/// A query matched no passage.
pub fn no_passage_matches(query: &str) {
    note(&format!(
        "no passage matches {}",
        terminal_safe(&format!("{query:?}"))
    ));
}

/// No other article is like the one asked about (within the filters).
pub fn nothing_similar() {
    note("no other article shares enough of this one's words (try fewer filters)");
}

/// Why a query matched nothing, when a filter is the reason.
pub fn empty_because(because: &crate::query::explain::EmptyBecause) {
    note(&crate::render::explain::line(because));
}

/// No match reached the similarity asked for.
pub fn no_quote_match(min_similarity: f32) {
    note(&format!(
        "no passage reproduces the quote with similarity {min_similarity} or more (try a lower --min-similarity)"
    ));
}

/// A long quote was cut to its first words.
pub fn quote_cut(compared: usize, left_out: usize) {
    note(&format!(
        "search: the quote is long: only its first {compared} words are compared ({left_out} left out)"
    ));
}

/// The index holds no entities.
pub fn no_entities() {
    note(
        "search: no entities in the index — index with entity extraction on (without --no-entities)",
    );
}

/// `search serve` is listening: where to point a browser (on stdout, so a script can
/// read it).
pub fn serving(url: &str) {
    println!("search: serving the index at {url} — press Ctrl-C to stop");
}

/// `search serve` listens beyond this machine.
pub fn serving_exposed(addr: std::net::SocketAddr) {
    note(&format!(
        "warning: listening on {addr}, not a loopback address: anyone who can reach it can read the whole collection"
    ));
}

/// `search serve` stopped on Ctrl-C.
pub fn stopped_serving() {
    note("search: stopped");
}
