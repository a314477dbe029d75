//! Reading the index back: [`parse`] a query, [`search`] it for passages, [`highlight`]
//! them; [`show`] looks up one article with its passages.

pub mod highlight;
pub mod parse;
pub mod search;
pub mod show;
