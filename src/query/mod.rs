//! Reading the index back: [`parse`] a query (within its [`limits`], with only the
//! documented [`operators`] as syntax), [`search`] it for passages, [`highlight`]
//! them, count [`facets`] over the matching articles, group a result's [`copies`];
//! [`show`] looks up one article with its passages.

pub mod articles;
pub mod copies;
pub mod entities;
pub mod explain;
pub mod facets;
pub mod highlight;
pub mod limits;
pub mod operators;
pub mod parse;
pub mod rank;
pub mod search;
pub mod show;
pub mod similar;
