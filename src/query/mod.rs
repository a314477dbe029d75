//! Reading the index back: [`parse`] a query, [`search`] it for passages, [`highlight`]
//! them, count [`facets`] over the matching articles; [`show`] looks up one article with its passages.

pub mod articles;
pub mod entities;
pub mod facets;
pub mod highlight;
pub mod parse;
pub mod search;
pub mod show;
