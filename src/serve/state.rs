//! What every request shares: the engine, the limits, and the gate that runs engine
//! calls on the blocking pool a few at a time, each under a time limit, so a slow
//! query never holds up the threads that read and write connections.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::engine::Engine;
use crate::serve::error::WebError;

/// The limits a server keeps to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest a request may wait for and run its engine call.
    pub request_time: Duration,
    /// Engine calls running at once (more wait their turn, within `request_time`).
    pub engine_calls: usize,
    /// Largest request body, in bytes.
    pub body_bytes: usize,
    /// Most results one request may ask for.
    pub max_limit: usize,
    /// Furthest into the results a request may page.
    pub max_offset: usize,
    /// Connections served at once; more wait to be accepted.
    pub connections: usize,
    /// Longest a client may take to send a request's headers.
    pub header_time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Limits {
            request_time: Duration::from_secs(10),
            engine_calls: cores * 2,
            body_bytes: 1024 * 1024,
            max_limit: 200,
            max_offset: 10_000,
            connections: 1024,
            header_time: Duration::from_secs(10),
        }
    }
}

/// The state handlers share.
#[derive(Clone)]
pub struct AppState {
    /// The one open index.
    pub engine: Arc<Engine>,
    /// The limits.
    pub limits: Limits,
    calls: Arc<Semaphore>,
}

impl AppState {
    /// State for serving `engine` within `limits`.
    pub fn new(engine: Arc<Engine>, limits: Limits) -> Self {
        AppState {
            engine,
            limits,
            calls: Arc::new(Semaphore::new(limits.engine_calls.max(1))),
        }
    }

    /// Runs `call` on the engine on the blocking pool, waiting for a turn, within the
    /// request time limit.
    pub async fn ask<T, F>(&self, call: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&Engine) -> crate::Result<T> + Send + 'static,
    {
        let engine = Arc::clone(&self.engine);
        let calls = Arc::clone(&self.calls);
        let work = async move {
            let permit = calls
                .acquire_owned()
                .await
                .map_err(|_| WebError::Stopping)?;
            let answer = tokio::task::spawn_blocking(move || {
                let _permit = permit;
                // A panic in the engine is one failed request, not a dead server.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    // As on the command line: name the damage, if that is what tantivy
                    // ran into.
                    call(&engine).map_err(|err| match err {
                        crate::Error::Tantivy(err) => crate::index::diagnose(engine.dir(), err),
                        other => other,
                    })
                }))
            })
            .await
            .map_err(|_| WebError::Stopping)?;
            match answer {
                Ok(result) => result.map_err(WebError::from),
                Err(_) => Err(WebError::Internal),
            }
        };
        let limit = self.limits.request_time;
        let deadline = tokio::time::Instant::now() + limit;
        let answer = tokio::time::timeout_at(deadline, work)
            .await
            .map_err(|_| WebError::TooSlow(limit))?;
        // The timer ticks by the millisecond: an answer that came in after the deadline,
        // before the timer fired, is late all the same.
        if tokio::time::Instant::now() > deadline {
            return Err(WebError::TooSlow(limit));
        }
        answer
    }
}

/// Refreshes the engine's view of the index every `period`, so a new commit is seen
/// within that time; a failed refresh keeps the view it had.
pub async fn refresh_every(state: AppState, period: Duration) {
    let mut ticks = tokio::time::interval(period);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let engine = Arc::clone(&state.engine);
        // Errors (a commit half-written, a damaged file) surface on the next query.
        let _ = tokio::task::spawn_blocking(move || engine.refresh()).await;
    }
}
