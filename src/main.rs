//! The `search` binary: parse the command line, run it, turn the outcome into an
//! exit code. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = search::cli::Cli::parse_from(search::cli::args(std::env::args_os()));
    match search::app::run_guarded(&cli) {
        Ok(code) => code.into(),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            search::render::notes::error(&err);
            err.outcome().into()
        }
    }
}
