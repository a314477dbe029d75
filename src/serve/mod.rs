//! `search serve`: the web front end. Routes (`routes.rs`) turn a request into a typed
//! call on the same [`Engine`] the command line uses, run it on the blocking pool under
//! a time limit (`state.rs`), and answer with a page (`pages/`, compiled maud
//! templates that escape by default) or the JSON objects `--json` prints (`api.rs`).
//! It only reads the index, and refreshes its view on a short timer so a commit made by
//! `search index` while it runs is seen without a restart.
//!
//! [`Server::bind`] binds the address and returns; the caller tells the user where it
//! listens (printing is `render/`'s job), then [`Server::run`] serves until Ctrl-C.

mod api;
mod assets;
mod error;
mod headers;
mod listen;
mod marks;
mod pages;
mod params;
mod routes;
mod state;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::engine::Engine;
use crate::error::{Error, Result};

pub use state::Limits;

/// The address `search serve` listens on unless told otherwise.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7474";

/// How often the server looks for a new commit of the index. A refresh that finds
/// nothing new reads one small file; per request it would add that to every answer
/// (see docs/benchmarks.md, "Web server").
pub const REFRESH_EVERY: Duration = Duration::from_secs(1);

/// A bound, not yet running, web server.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
    engine: Arc<Engine>,
    limits: Limits,
    addr: SocketAddr,
}

impl Server {
    /// Binds `addr` for `engine` (port 0: any free port).
    pub fn bind(engine: Engine, addr: SocketAddr, limits: Limits) -> Result<Server> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("search-serve")
            // Engine calls run on the blocking pool, bounded by `Limits::engine_calls`.
            .max_blocking_threads(limits.engine_calls.max(1) + 2)
            .build()
            .map_err(|err| Error::io("<tokio runtime>", err))?;
        let bound = std::net::TcpListener::bind(addr)
            .and_then(|listener| listener.set_nonblocking(true).map(|()| listener))
            .map_err(|err| Error::io(format!("--listen {addr}"), err))?;
        let addr = bound
            .local_addr()
            .map_err(|err| Error::io(format!("--listen {addr}"), err))?;
        let listener = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(bound)
                .map_err(|err| Error::io(format!("--listen {addr}"), err))?
        };
        Ok(Server {
            runtime,
            listener,
            engine: Arc::new(engine),
            limits,
            addr,
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The URL of its search page.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// True when others than this machine may reach it (not a loopback address).
    pub fn exposed(&self) -> bool {
        !self.addr.ip().is_loopback()
    }

    /// Listens for Ctrl-C and SIGTERM, calls `ready` (to tell the user where it
    /// listens: a signal from then on stops it cleanly), and serves until one comes;
    /// then it stops taking connections and lets the requests under way finish (for at
    /// most a few seconds).
    pub fn run(self, ready: impl FnOnce()) -> Result<()> {
        let stop = {
            let _entered = self.runtime.enter();
            Stop::listen()
        };
        ready();
        self.run_until(stop.wait())
    }

    /// Serves until `stop` completes; for tests and embedding. Blocks the calling
    /// thread, which must not be driving an async runtime of its own.
    pub fn run_until(self, stop: impl Future<Output = ()> + Send + 'static) -> Result<()> {
        let Server {
            runtime,
            listener,
            engine,
            limits,
            ..
        } = self;
        runtime.block_on(async move {
            let state = state::AppState::new(engine, limits);
            let refresher = tokio::spawn(state::refresh_every(state.clone(), REFRESH_EVERY));
            let router = routes::router(state);
            listen::serve(listener, router, limits, stop).await;
            refresher.abort();
        });
        // Blocking engine calls still running after their deadline are let go.
        runtime.shutdown_timeout(Duration::from_secs(2));
        Ok(())
    }
}

/// Ctrl-C and SIGTERM, listened for from the moment the server is bound, so a signal
/// that comes right after the URL is printed still stops it cleanly.
struct Stop {
    #[cfg(unix)]
    signals: Option<(tokio::signal::unix::Signal, tokio::signal::unix::Signal)>,
}

impl Stop {
    /// Starts listening; inside the runtime's context.
    fn listen() -> Stop {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let signals = signal(SignalKind::interrupt())
                .and_then(|interrupt| Ok((interrupt, signal(SignalKind::terminate())?)))
                .ok();
            Stop { signals }
        }
        #[cfg(not(unix))]
        Stop {}
    }

    /// Completes on the first of them.
    async fn wait(self) {
        #[cfg(unix)]
        if let Some((mut interrupt, mut terminate)) = self.signals {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
        // Without handlers of our own, the runtime's Ctrl-C; failing that, nothing to
        // wait for but the process's end.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}
