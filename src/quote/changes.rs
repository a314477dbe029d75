//! Changes that alter what a quote says: a figure, a sum of money, a negation or a
//! name that differs between the quote and the article. A match carries them so a
//! fact-checker sees first what decides the verdict; a match with any change is never
//! `exact`.

use super::align::Pair;
use super::words::Word;
use crate::text::lexicon::{Class, lexicon};
use crate::text::number::{Value, figures};
use crate::text::{Language, for_each_word};

/// What kind of meaning-bearing word changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A number: a different value (`84%` → `44%`), not another way of writing the
    /// same one (`1.5bn` = `1.5 billion`).
    Number,
    /// A currency: the same figure in another currency (`£1,400` → `$1,400`).
    Currency,
    /// A negation added or dropped (`is to ensure` → `is not to ensure`).
    Negation,
    /// A different person or place.
    Name,
}

impl ChangeKind {
    /// The kind's name, as JSON writes it: `number`, `currency`, `negation`, `name`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Number => "number",
            ChangeKind::Currency => "currency",
            ChangeKind::Negation => "negation",
            ChangeKind::Name => "name",
        }
    }
}

/// One meaning-bearing difference between the quote and the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The quote's words (empty when the article added them, e.g. a negation).
    pub quote: String,
    /// The article's words (empty when the article lacks them).
    pub article: String,
}

/// The changes a quote's alignment with a passage shows, in quote order: between two
/// runs of shared words, the figures each side has (paired in order: the same amount
/// in another currency is a currency change, another amount a number change) and a
/// negation one side has and the other lacks.
pub fn changes(
    quote_text: &str,
    quote: &[Word],
    passage_text: &str,
    passage: &[Word],
    pairs: &[Pair],
) -> Vec<Change> {
    let mut found = Vec::new();
    let mut quote_side = Vec::new();
    let mut article_side = Vec::new();
    for pair in pairs.iter().chain([&(None, None)]) {
        match *pair {
            (Some(q), None) => {
                quote_side.extend(quote.get(q));
                continue;
            }
            (None, Some(p)) => {
                article_side.extend(passage.get(p));
                continue;
            }
            // Equal keys, but a figure may still name another currency.
            (Some(q), Some(p)) => {
                if let (Some(a), Some(b)) = (quote.get(q), passage.get(p))
                    && currencies_differ(quote_text, a, passage_text, b)
                {
                    quote_side.push(a);
                    article_side.push(b);
                }
            }
            (None, None) => {}
        }
        // A shared word (or the end) closes the gap before it.
        gap_changes(
            (quote_text, quote_side.as_slice()),
            (passage_text, article_side.as_slice()),
            &mut found,
        );
        quote_side.clear();
        article_side.clear();
    }
    found
}

/// Whether a figure of the quote names a currency the article's figure doesn't (a
/// quote that leaves the currency out says nothing wrong).
pub fn currencies_differ(
    quote_text: &str,
    quote: &Word,
    passage_text: &str,
    passage: &Word,
) -> bool {
    if !is_figure(quote) || !is_figure(passage) {
        return false;
    }
    let said = value_of(quote_text, quote).and_then(|v| v.currency);
    let printed = value_of(passage_text, passage).and_then(|v| v.currency);
    said.is_some() && said != printed
}

/// Whether a word is a figure, keyed by its value.
fn is_figure(word: &Word) -> bool {
    word.key.starts_with('#')
}

/// The value of a figure word, read again from its text.
fn value_of(text: &str, word: &Word) -> Option<Value> {
    let text = text.get(word.range.clone())?;
    let mut read = Vec::new();
    for_each_word(text, Language::default(), |w| {
        read.push((w.range.clone(), w.key.to_owned()))
    });
    figures(text, &read, Language::default())
        .first()
        .map(|f| f.value)
}

/// Whether a word negates what it is said of: `not`, `no`, `never`, `without`, `nor`,
/// `cannot` and the `n't` forms.
fn is_negation(text: &str, word: &Word) -> bool {
    let Some(written) = text.get(word.range.clone()) else {
        return false;
    };
    let written = written.to_lowercase();
    matches!(
        written.as_str(),
        "not" | "no" | "never" | "without" | "nor" | "cannot"
    ) || written.ends_with("n't")
        || written.ends_with("n’t")
}

/// Whether a word names someone or somewhere: written with a capital inside a sentence
/// (not its first word, which any word may be), and not a word the lexicon knows to
/// name nothing (`I`, weekdays, months, titles, the wire's capitalised words).
fn is_name(text: &str, word: &Word) -> bool {
    if word.after_break || word.range.start == 0 || is_figure(word) {
        return false;
    }
    let Some(written) = text.get(word.range.clone()) else {
        return false;
    };
    if !written.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // The word before it ends a sentence when only a closing mark stands between.
    let before = text[..word.range.start].trim_end_matches([' ', '"', '\'', '“', '‘', '(']);
    if before.is_empty() || before.ends_with(['.', '!', '?', ':', '…']) {
        return false;
    }
    let lower = written.to_lowercase();
    !lexicon(Language::default()).classes(&lower).any(&[
        Class::NotName,
        Class::WireWord,
        Class::Month,
        Class::TitleWord,
    ])
}

/// The changes between two runs of shared words: `quote` has these words where the
/// article has `article`'s.
fn gap_changes(quote: (&str, &[&Word]), article: (&str, &[&Word]), found: &mut Vec<Change>) {
    let (quote_text, quote_words) = quote;
    let (article_text, article_words) = article;
    let surface = |text: &str, word: &Word| text.get(word.range.clone()).unwrap_or("").to_owned();
    let quote_figures: Vec<&Word> = quote_words
        .iter()
        .copied()
        .filter(|w| is_figure(w))
        .collect();
    let article_figures: Vec<&Word> = article_words
        .iter()
        .copied()
        .filter(|w| is_figure(w))
        .collect();
    for i in 0..quote_figures.len().max(article_figures.len()) {
        let (said, printed) = (quote_figures.get(i), article_figures.get(i));
        let kind = match (said, printed) {
            (Some(a), Some(b)) if a.key == b.key => ChangeKind::Currency,
            _ => ChangeKind::Number,
        };
        found.push(Change {
            kind,
            quote: said.map_or_else(String::new, |w| surface(quote_text, w)),
            article: printed.map_or_else(String::new, |w| surface(article_text, w)),
        });
    }
    // The words of each side that `is` picks, as written.
    let picked = |is: fn(&str, &Word) -> bool| -> (Vec<String>, Vec<String>) {
        let side = |text: &str, words: &[&Word]| -> Vec<String> {
            words
                .iter()
                .filter(|w| is(text, w))
                .map(|w| surface(text, w))
                .collect()
        };
        (
            side(quote_text, quote_words),
            side(article_text, article_words),
        )
    };
    let (said, printed) = picked(is_negation);
    if said.is_empty() != printed.is_empty() {
        found.push(Change {
            kind: ChangeKind::Negation,
            quote: said.join(" "),
            article: printed.join(" "),
        });
    }
    // A name where the article has another: a different person or place. A name
    // against ordinary words ("Smith" for "the minister") is left to the diff.
    let (said, printed) = picked(is_name);
    if !said.is_empty() && !printed.is_empty() {
        found.push(Change {
            kind: ChangeKind::Name,
            quote: said.join(" "),
            article: printed.join(" "),
        });
    }
}
