//! A request to stop a long run at its next safe point. A front end raises it — the
//! command line on SIGINT (Ctrl-C), SIGTERM and SIGXFSZ (a file grew past `ulimit -f`);
//! the core only looks at it between steps, undoes what it had not committed, and says
//! in its result that it stopped.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// SIGINT's number: Ctrl-C.
#[cfg(unix)]
pub const SIGINT: i32 = signal_hook::consts::signal::SIGINT;
/// SIGTERM's number: `kill`, a service manager stopping the run.
#[cfg(unix)]
pub const SIGTERM: i32 = signal_hook::consts::signal::SIGTERM;
/// SIGXFSZ's number: a file grew past the process's file size limit (`ulimit -f`).
#[cfg(unix)]
pub const SIGXFSZ: i32 = signal_hook::consts::signal::SIGXFSZ;
/// SIGINT's usual number, where the system has no signals of its own.
#[cfg(not(unix))]
pub const SIGINT: i32 = 2;
/// SIGTERM's usual number.
#[cfg(not(unix))]
pub const SIGTERM: i32 = 15;
/// SIGXFSZ's usual number.
#[cfg(not(unix))]
pub const SIGXFSZ: i32 = 25;

/// A request to stop, shared between whoever raises it and the run that heeds it.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicUsize>);

impl Stop {
    /// A request not raised (yet).
    pub fn new() -> Stop {
        Stop::default()
    }

    /// Raises the request, for the signal numbered `signal`.
    pub fn raise(&self, signal: i32) {
        self.0
            .store(usize::try_from(signal).unwrap_or(0), Ordering::SeqCst);
    }

    /// The signal that asked the run to stop, if one did.
    pub fn requested(&self) -> Option<i32> {
        match self.0.load(Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }

    /// A request raised by SIGINT, SIGTERM and SIGXFSZ from now on. A second SIGINT or
    /// SIGTERM ends the process at once, as if the run had not caught the first (what a
    /// killed run leaves, the next run removes). SIGXFSZ no longer ends the process: the
    /// write that passed the limit fails instead, and the run stops.
    #[cfg(unix)]
    pub fn on_signals() -> std::io::Result<Stop> {
        use signal_hook::flag;
        use std::sync::atomic::AtomicBool;
        let stop = Stop::new();
        let again = Arc::new(AtomicBool::new(false));
        for signal in [SIGINT, SIGTERM] {
            // Handlers run in the order they were registered: the first signal finds
            // `again` false and sets it; the second finds it set and ends the process.
            flag::register_conditional_default(signal, Arc::clone(&again))?;
            flag::register(signal, Arc::clone(&again))?;
        }
        for signal in [SIGINT, SIGTERM, SIGXFSZ] {
            flag::register_usize(signal, Arc::clone(&stop.0), signal as usize)?;
        }
        Ok(stop)
    }
}

/// The usual name of a signal this module knows (`SIGINT`), or `signal N`.
pub fn signal_name(signal: i32) -> String {
    match signal {
        SIGINT => "SIGINT".into(),
        SIGTERM => "SIGTERM".into(),
        SIGXFSZ => "SIGXFSZ".into(),
        other => format!("signal {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_carries_its_signal() {
        let stop = Stop::new();
        let seen_by_the_run = stop.clone();
        assert_eq!(seen_by_the_run.requested(), None);
        stop.raise(SIGTERM);
        assert_eq!(seen_by_the_run.requested(), Some(SIGTERM));
        assert_eq!(signal_name(SIGXFSZ), "SIGXFSZ");
        assert_eq!(signal_name(9), "signal 9");
    }
}
