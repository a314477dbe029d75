//! Reading the index back: [`show`] looks up one article with its passages.

pub mod show;
