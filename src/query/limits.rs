//! How much a query may hold, checked before anything reads it: words (each costs a
//! term query and a proximity clause, about 11 KB of memory on the Reuters index),
//! characters, and how deep parentheses and `NOT`s nest. tantivy's query grammar is
//! recursive descent: a few thousand nested `(` overflow the stack and abort the
//! process, which no error handling can catch, so nesting is bounded before the
//! grammar sees the text.

use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::error::{Error, Result};
use crate::query::operators;

/// The most words a query may have (as the index reads words: `1.6` is two). 1,000
/// words take 0.25 s and 30 MB against the Reuters index; 150,000 took 1.57 GB.
pub const MAX_QUERY_WORDS: usize = 1_000;

/// The most characters a query in the query language may have: room for
/// [`MAX_QUERY_WORDS`] long words. Plain (`-F`) queries are bounded by their words
/// alone, since the grammar never reads them.
pub const MAX_QUERY_CHARS: usize = 20_000;

/// How deep parentheses and `NOT`s may nest. The grammar survives about 700 unclosed
/// `(` on a 2 MiB thread stack (a web server's worker thread) and about 3,000 on the
/// 8 MiB main thread, in debug and release builds alike; no one writes more than a
/// few levels.
pub const MAX_NESTING: usize = 32;

/// Refuses a query that holds too much: more than [`MAX_QUERY_WORDS`] words (as
/// `analyzer` reads them) and, when it is read as the query language (`syntax`), more
/// than [`MAX_QUERY_CHARS`] characters or nesting deeper than [`MAX_NESTING`].
pub fn check(text: &str, syntax: bool, analyzer: &mut TextAnalyzer) -> Result<()> {
    if word_end(text, analyzer) < text.len() {
        return Err(Error::BadQuery(format!(
            "the query has more than {MAX_QUERY_WORDS} words, the most a query may have — keep the words that matter, or check a long passage with `search quote`, which compares its first words"
        )));
    }
    if !syntax {
        return Ok(());
    }
    // The text as the grammar reads it: `NOT[NOT[` is `NOT NOT ` there.
    let depth = nesting(&operators::plain_extras(text));
    if depth > MAX_NESTING {
        return Err(Error::BadQuery(format!(
            "bad query: parentheses and NOTs nest {depth} deep, over the limit of {MAX_NESTING} — remove some, or use -F/--plain to search for the words as they are"
        )));
    }
    let chars = text.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(Error::BadQuery(format!(
            "the query is {chars} characters long, over the limit of {MAX_QUERY_CHARS} — shorten it, or check a long passage with `search quote`"
        )));
    }
    Ok(())
}

/// The end of the longest start of `text` holding at most [`MAX_QUERY_WORDS`] words:
/// `text.len()` when the whole text fits. Counting stops at the first word over.
pub fn word_end(text: &str, analyzer: &mut TextAnalyzer) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut words = 0;
    while stream.advance() {
        words += 1;
        if words > MAX_QUERY_WORDS {
            return stream.token().offset_from;
        }
    }
    text.len()
}

/// How deep the grammar would recurse on `text`, or more: each `(` opens a level
/// until its `)`, and each `NOT` opens one until the word or group it applies to
/// ends. Counting errs on the deep side, never the shallow one: parentheses and `NOT`s
/// count inside phrases too, an escaped `\)` closes nothing, and a group holding a
/// quotation mark counts as never closed — its `)` may stand inside a phrase, and the
/// two grammars tantivy tries (strict, then lenient for the error message) disagree
/// on where a phrase starts (`a"b` is a word to one of them).
fn nesting(text: &str) -> usize {
    // For each open `(`: the `NOT`s waiting for the group it opens, and how many
    // quotation marks had been seen when it opened.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0; // open.len() + the NOTs saved in it
    let mut nots = 0; // `NOT`s waiting for the next word or group
    let mut deepest = 0;
    let mut quotes = 0;
    let mut word = String::new();
    let mut chars = text.chars();
    // A word just ended: a `NOT` waits for what follows, anything else is what the
    // waiting `NOT`s applied to.
    let end_word = |word: &mut String, nots: &mut usize| {
        // Any word ending in `NOT` may be one to the lenient grammar, where a term can
        // follow a boost or a sign without a space (`a^2-NOT x`): counting `CANNOT`
        // too costs nothing, since the next word ends the wait.
        if word.ends_with("NOT") {
            *nots += 1;
        } else if !word.is_empty() {
            *nots = 0;
        }
        word.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                word.push(c);
                if let Some(escaped) = chars.next() {
                    word.push(escaped);
                }
            }
            '(' => {
                end_word(&mut word, &mut nots);
                open.push((nots, quotes));
                depth += 1 + nots;
                nots = 0;
            }
            ')' => {
                end_word(&mut word, &mut nots);
                if let Some(&(saved, seen)) = open.last()
                    && seen == quotes
                {
                    open.pop();
                    depth -= 1 + saved;
                    nots = 0;
                }
            }
            '"' | '\'' => {
                end_word(&mut word, &mut nots);
                quotes += 1;
            }
            c if c.is_whitespace() => end_word(&mut word, &mut nots),
            c => word.push(c),
        }
        deepest = deepest.max(depth + nots);
    }
    end_word(&mut word, &mut nots);
    deepest.max(depth + nots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::text_analyzer;

    fn message(text: &str, syntax: bool) -> Option<String> {
        match check(text, syntax, &mut text_analyzer()) {
            Ok(()) => None,
            Err(Error::BadQuery(message)) => Some(message),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn nesting_counts_open_groups_and_waiting_nots() {
        assert_eq!(nesting("oil"), 0);
        assert_eq!(nesting("(oil) (gas) (coal)"), 1);
        assert_eq!(nesting("((oil))"), 2);
        assert_eq!(nesting("((((oil"), 4);
        assert_eq!(nesting("NOT oil NOT gas NOT coal"), 1);
        assert_eq!(nesting("NOT NOT NOT oil"), 3);
        assert_eq!(nesting("NOT (NOT (oil))"), 4);
        assert_eq!(nesting("title:(oil OR (gas))"), 2);
        // Phrases close nothing, groups around them stay open, others close.
        assert_eq!(nesting("\"North Korea\" (a) (b) (c)"), 1);
        assert_eq!(nesting("(\"North Korea\") (a) (b)"), 2);
        assert_eq!(nesting("(\"a\") (\"b\") (\"c\")"), 3);
        // Never shallower than the parser goes.
        assert_eq!(nesting("\\)\\)((oil"), 2);
        assert_eq!(nesting("((\"))\" (oil"), 3);
        assert_eq!(nesting("(((( \"))))\" ((((oil"), 8);
        // `a"b` is a word to the lenient grammar, so `")"` is a phrase to it.
        assert_eq!(nesting("( a\"b \")\" ( a\"b \")\" (oil"), 3);
        assert_eq!(nesting("x\"y (\")\" (oil"), 2);
        // Found by the property test below: the lenient grammar reads these as `NOT`s.
        assert_eq!(nesting("-NOT -NOT x"), 2);
        assert_eq!(nesting("')a'a^2-NOT -"), 1);
        let brackets = format!("{}oil", "NOT[".repeat(33));
        assert!(message(&brackets, true).unwrap().contains("nest 33 deep"));
    }

    /// How deep `ast` nests groups (a `NOT` is a group of one excluded clause).
    fn ast_depth(ast: &tantivy::query_grammar::UserInputAst) -> usize {
        use tantivy::query_grammar::UserInputAst;
        match ast {
            UserInputAst::Clause(clauses) => {
                1 + clauses.iter().map(|(_, c)| ast_depth(c)).max().unwrap_or(0)
            }
            UserInputAst::Boost(inner, _) => ast_depth(inner),
            UserInputAst::Leaf(_) => 0,
        }
    }

    proptest::proptest! {
        #[test]
        fn nesting_is_never_shallower_than_what_either_grammar_builds(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "(", ")", "\"", "'", "\\", " ", "NOT", "NOT ", "a", "b:", "-", "+", "^2",
                    "~1", "*", "AND ", "OR ", "IN", "[", "]", "{", ">", "/",
                ]),
                0..40,
            )
        ) {
            // As `parse` gives it to the grammar.
            let text = operators::plain_extras(&parts.concat());
            // The top level is a group of its own; `AND`/`OR` regroup the clauses of a
            // level (`a AND b OR c` is `(+a +b) c`) without recursing.
            let groups = nesting(&text) + 1;
            let most = if text.contains("AND") || text.contains("OR") {
                2 * groups
            } else {
                groups
            };
            let (lenient, _) = tantivy::query_grammar::parse_query_lenient(&text);
            proptest::prop_assert!(ast_depth(&lenient) <= most, "{text:?}");
            if let Ok(strict) = tantivy::query_grammar::parse_query(&text) {
                proptest::prop_assert!(ast_depth(&strict) <= most, "{text:?}");
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_the_grammar_reads_it() {
        let deep = format!("{}oil{}", "(".repeat(10_000), ")".repeat(10_000));
        assert_eq!(
            message(&deep, true).unwrap(),
            "bad query: parentheses and NOTs nest 10000 deep, over the limit of 32 — remove some, or use -F/--plain to search for the words as they are"
        );
        let unclosed = format!("{}oil", "(".repeat(5_000));
        assert!(message(&unclosed, true).unwrap().contains("nest 5000 deep"));
        let nots = format!("{}oil", "NOT ".repeat(33));
        assert!(message(&nots, true).unwrap().contains("nest 33 deep"));
        let fits = format!("{}oil{}", "(".repeat(32), ")".repeat(32));
        assert_eq!(message(&fits, true), None);
        // Plain words are never parsed: parentheses are only punctuation there.
        assert_eq!(message(&deep, false), None);
    }

    #[test]
    fn the_limit_of_nesting_is_well_inside_a_small_thread_stack() {
        // The shape that recurses deepest for the least input: unclosed groups, which
        // the error path reads again. Ten times the limit still fits a 2 MiB stack.
        let text = format!("{}oil", "(".repeat(10 * MAX_NESTING));
        let parsed = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let strict = tantivy::query_grammar::parse_query(&text).is_err();
                let (_, errors) = tantivy::query_grammar::parse_query_lenient(&text);
                strict && !errors.is_empty()
            })
            .unwrap()
            .join()
            .unwrap();
        assert!(parsed);
    }

    #[test]
    fn words_over_the_limit_are_refused_in_plain_and_syntax_queries() {
        let words = vec!["oil"; MAX_QUERY_WORDS].join(" ");
        assert_eq!(message(&words, false), None);
        assert_eq!(message(&words, true), None);
        let over = format!("{words} gas");
        let expected = "the query has more than 1000 words, the most a query may have — keep the words that matter, or check a long passage with `search quote`, which compares its first words";
        assert_eq!(message(&over, false).unwrap(), expected);
        assert_eq!(message(&over, true).unwrap(), expected);
        // Words as the index reads them: one dotted run is many words.
        let dotted = vec!["1"; MAX_QUERY_WORDS + 1].join(".");
        assert_eq!(message(&dotted, false).unwrap(), expected);
        assert_eq!(word_end(&over, &mut text_analyzer()), words.len() + 1);
    }

    #[test]
    fn long_queries_are_refused_by_their_length() {
        let long = "x".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(
            message(&long, true).unwrap(),
            "the query is 20001 characters long, over the limit of 20000 — shorten it, or check a long passage with `search quote`"
        );
        assert_eq!(message(&long, false), None);
    }
}
