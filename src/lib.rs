//! `search`: fast, offline full-text search over collections of news articles.
//!
//! The data flows walk → article → passages → index ([`ingest`], [`index`]); an
//! [`Engine`] opens an index and answers queries, quote checks and the rest with typed
//! results ([`query`], [`quote`]); front ends decide how they look: the command line
//! ([`cli`], [`app`]) prints them through [`render`]; the web front end ([`serve`])
//! answers with pages and JSON.

pub mod app;
pub mod cli;
pub mod engine;
pub mod entities;
pub mod error;
pub mod eval;
pub mod index;
pub mod ingest;
pub mod paths;
pub mod query;
pub mod quote;
pub mod render;
pub mod schema;
pub mod serve;
pub mod stop;
pub mod text;

pub use engine::Engine;
pub use error::{Error, Result};
