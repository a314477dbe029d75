//! Changes that alter what a quote says: a figure, a sum of money, a negation or a
//! name that differs between the quote and the article. A match carries them so a
//! fact-checker sees first what decides the verdict; a match with any change is never
//! `exact`.

use std::collections::HashMap;

use super::align::Pair;
use super::words::Word;
use crate::text::lexicon::{Class, lexicon};
use crate::text::negation;
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
    let mut moved = Moved::new(quote_text, quote, passage_text, passage, pairs);
    for pair in pairs.iter().chain([&(None, None)]) {
        match *pair {
            (Some(q), None) => {
                quote_side.extend(
                    quote
                        .get(q)
                        .filter(|w| !moved.take(Side::Quote, quote_text, w)),
                );
                continue;
            }
            (None, Some(p)) => {
                article_side.extend(
                    passage
                        .get(p)
                        .filter(|w| !moved.take(Side::Article, passage_text, w)),
                );
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
            (None, None) => {
                // The article's name may run on past the aligned span: "by Silva" for
                // "by Ana Costa" aligns "Silva" with "Ana" and leaves "Costa" out.
                if quote_side.iter().any(|w| is_name(quote_text, w)) {
                    let after = pairs.iter().filter_map(|pair| pair.1).max();
                    let run = after.map_or(0, |p| p + 1);
                    article_side.extend(
                        passage[run.min(passage.len())..]
                            .iter()
                            .take_while(|w| !w.after_break && is_name(passage_text, w)),
                    );
                }
            }
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
    let lang = quote.first().map_or_else(Language::default, |w| w.lang);
    if lang == Language::Korean {
        trailing_negation(quote_text, quote, passage_text, passage, pairs, &mut found);
    }
    same_sum_moved(&mut found, lang);
    found
}

/// A Korean verb is negated by the word after it (`가볍지 않다`), which falls just
/// outside a quote that drops it (`가볍다`): a negation right after the aligned words,
/// in the same sentence, that the quote's last words lack is a negation dropped.
fn trailing_negation(
    quote_text: &str,
    quote: &[Word],
    passage_text: &str,
    passage: &[Word],
    pairs: &[Pair],
    found: &mut Vec<Change>,
) {
    if found.iter().any(|c| c.kind == ChangeKind::Negation) {
        return;
    }
    let Some(after) = pairs
        .iter()
        .filter_map(|pair| pair.1)
        .max()
        .and_then(|p| passage.get(p + 1))
    else {
        return;
    };
    let quote_ends_negated = quote
        .iter()
        .rev()
        .take(2)
        .any(|w| is_negation(quote_text, w));
    if !after.after_break && is_negation(passage_text, after) && !quote_ends_negated {
        found.push(Change {
            kind: ChangeKind::Negation,
            quote: String::new(),
            article: passage_text
                .get(after.range.clone())
                .unwrap_or_default()
                .to_owned(),
        });
    }
}

/// A figure the quote has in one place and the article, in another currency, in
/// another ("… $2m" for "£2m …"): one currency change, not two number changes.
fn same_sum_moved(found: &mut Vec<Change>, lang: Language) {
    // The amount a lone figure of one side is worth (its currency aside).
    let amount = |c: &Change, quote_side: bool| {
        let (this, other) = if quote_side {
            (&c.quote, &c.article)
        } else {
            (&c.article, &c.quote)
        };
        (c.kind == ChangeKind::Number && !this.is_empty() && other.is_empty())
            .then(|| figure_value(this, lang))
            .flatten()
            .map(|v| (v.digits, v.exponent, v.percent))
    };
    let mut i = 0;
    while i < found.len() {
        if let Some(said) = amount(&found[i], true)
            && let Some(j) = (0..found.len()).find(|&j| amount(&found[j], false) == Some(said))
        {
            let article = found.remove(j).article;
            let at = if j < i { i - 1 } else { i };
            found[at].kind = ChangeKind::Currency;
            found[at].article = article;
        }
        i += 1;
    }
}

/// A side of an alignment.
#[derive(Clone, Copy)]
enum Side {
    Quote,
    Article,
}

/// Figures and names that both sides write, each where the other does not align it: a
/// clause moved ("At 1405 GMT, shares fell" for "shares fell by 1405 GMT"), no change.
struct Moved {
    /// Per key, how many unaligned words of each side are still to be passed over.
    left: HashMap<String, [usize; 2]>,
}

impl Moved {
    fn new(
        quote_text: &str,
        quote: &[Word],
        passage_text: &str,
        passage: &[Word],
        pairs: &[Pair],
    ) -> Moved {
        let mut counts: HashMap<String, [usize; 2]> = HashMap::new();
        let mut count = |side: Side, text: &str, word: Option<&Word>| {
            if let Some(word) = word.filter(|w| is_figure(w) || is_name(text, w)) {
                counts.entry(moved_key(text, word)).or_default()[side as usize] += 1;
            }
        };
        for pair in pairs {
            match *pair {
                (Some(q), None) => count(Side::Quote, quote_text, quote.get(q)),
                (None, Some(p)) => count(Side::Article, passage_text, passage.get(p)),
                _ => {}
            }
        }
        let left = counts
            .into_iter()
            .filter_map(|(key, [q, a])| {
                let both = q.min(a);
                (both > 0).then_some((key, [both, both]))
            })
            .collect();
        Moved { left }
    }

    /// Whether `word` of `side` (in `text`) is one of the moved words (each counted
    /// once).
    fn take(&mut self, side: Side, text: &str, word: &Word) -> bool {
        if self.left.is_empty() || !(is_figure(word) || is_name(text, word)) {
            return false;
        }
        match self.left.get_mut(&moved_key(text, word)) {
            Some(counts) if counts[side as usize] > 0 => {
                counts[side as usize] -= 1;
                true
            }
            _ => false,
        }
    }
}

/// A word's key for finding it moved: a figure's value with its currency, so that "$5m"
/// moved to where "£5m" stands is still a change of currency.
fn moved_key(text: &str, word: &Word) -> String {
    match value_of(text, word).and_then(|v| v.currency) {
        Some(currency) if is_figure(word) => format!("{} {currency:?}", word.key),
        _ => word.key.clone(),
    }
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

/// The value of a figure word, read again from its text in its language.
fn value_of(text: &str, word: &Word) -> Option<Value> {
    figure_value(text.get(word.range.clone())?, word.lang)
}

/// The value of the first figure written in `text` ("£2m", "44 per cent", "5 млн").
fn figure_value(text: &str, lang: Language) -> Option<Value> {
    let mut read = Vec::new();
    for_each_word(text, lang, |w| {
        read.push((w.range.clone(), w.key.to_owned()))
    });
    figures(text, &read, lang).first().map(|f| f.value)
}

/// Whether a word negates what it is said of, in its language (`not`, `n't`; `не`;
/// `않았다`: [`crate::text::negation`]).
fn is_negation(text: &str, word: &Word) -> bool {
    text.get(word.range.clone())
        .is_some_and(|written| negation::is_negation(written, word.lang))
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
    !lexicon(word.lang).classes(&lower).any(&[
        Class::NotName,
        Class::WireWord,
        Class::Month,
        Class::TitleWord,
    ])
}

/// Whether `words[i]` is part of a name: a name itself, or a capitalised word just
/// before one ("Maria" in "Maria Silva" at a sentence's start, which alone could be
/// any word).
fn in_name(text: &str, words: &[&Word], i: usize) -> bool {
    let word = words[i];
    is_name(text, word)
        || text
            .get(word.range.clone())
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            && words
                .get(i + 1)
                .is_some_and(|next| !next.after_break && in_name(text, words, i + 1))
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
    // Each of the quote's figures against the article's next one of the same sort (a
    // sum of money, a share or a plain number): "1505" is not "£2m" changed.
    let sort =
        |text: &str, word: &Word| value_of(text, word).map(|v| (v.currency.is_some(), v.percent));
    let mut unpaired: Vec<&Word> = article_figures;
    let mut push = |said: Option<&Word>, printed: Option<&Word>| {
        let kind = match (said, printed) {
            (Some(a), Some(b)) if a.key == b.key => ChangeKind::Currency,
            _ => ChangeKind::Number,
        };
        found.push(Change {
            kind,
            quote: said.map_or_else(String::new, |w| surface(quote_text, w)),
            article: printed.map_or_else(String::new, |w| surface(article_text, w)),
        });
    };
    for said in quote_figures {
        let like = unpaired
            .iter()
            .position(|w| sort(article_text, w) == sort(quote_text, said));
        push(Some(said), like.map(|k| unpaired.remove(k)));
    }
    for printed in unpaired {
        push(None, Some(printed));
    }
    // The words of each side that `is` picks, as written.
    let picked = |is: fn(&str, &[&Word], usize) -> bool| -> (Vec<String>, Vec<String>) {
        let side = |text: &str, words: &[&Word]| -> Vec<String> {
            (0..words.len())
                .filter(|&i| is(text, words, i))
                .map(|i| surface(text, words[i]))
                .collect()
        };
        (
            side(quote_text, quote_words),
            side(article_text, article_words),
        )
    };
    let (said, printed) = picked(|text, words, i| is_negation(text, words[i]));
    if said.is_empty() != printed.is_empty() {
        found.push(Change {
            kind: ChangeKind::Negation,
            quote: said.join(" "),
            article: printed.join(" "),
        });
    }
    // A name where the article has another: a different person or place. A name
    // against ordinary words ("Smith" for "the minister") is left to the diff.
    let (said, printed) = picked(in_name);
    if !said.is_empty() && !printed.is_empty() {
        found.push(Change {
            kind: ChangeKind::Name,
            quote: said.join(" "),
            article: printed.join(" "),
        });
    }
}
