//! Only the operators the guide documents are syntax: words, `"phrases"` with `~slop`,
//! `AND`/`OR`/`NOT`, `+`/`-`, parentheses, `field:` and `^` boosts. tantivy's grammar
//! knows more — term sets (`field: IN [a b]`), ranges (`[a TO b]`, `{a TO b}`, `>a`,
//! `<=a`) and regular expressions (`/a.*/`) — and so reads the capitalised word `IN`
//! as an operator everywhere (`MADE IN USA` cannot be parsed). A query is rewritten
//! before the grammar reads it so that those are plain text, without moving a byte:
//! error columns stay where the user typed them.

/// `text` with tantivy's undocumented syntax made plain, the same length in bytes:
/// the word `IN` becomes `In` (the index folds case, so it finds the same word);
/// brackets and braces, which only ranges and sets use, become spaces, as do `<`, `>`
/// and `/` where a term starts (a range or a regular expression; `1/2` stays a
/// word). An escaped character (`\[`) is left as it is: the grammar reads it as text.
pub fn plain_extras(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        let term_start = previous.is_none_or(|p| p.is_whitespace() || "():+-^".contains(p));
        let written = match c {
            '\\' => {
                out.push(c);
                if let Some((_, escaped)) = chars.next() {
                    out.push(escaped);
                    previous = Some(escaped);
                }
                continue;
            }
            '[' | ']' | '{' | '}' => ' ',
            '<' | '>' | '/' if term_start => ' ',
            'I' if is_word_in(text, at, previous) => {
                out.push_str("In");
                chars.next();
                previous = Some('n');
                continue;
            }
            c => c,
        };
        out.push(written);
        previous = Some(written);
    }
    out
}

/// Whether the `I` at `at` starts the word `IN` standing alone (not part of a longer
/// word, not a field name such as `IN:`).
fn is_word_in(text: &str, at: usize, previous: Option<char>) -> bool {
    let Some(after) = text[at..].strip_prefix("IN") else {
        return false;
    };
    let alone = previous.is_none_or(|p| !p.is_alphanumeric())
        && after.chars().next().is_none_or(|n| !n.is_alphanumeric());
    alone && !after.trim_start().starts_with(':')
}

/// A query made readable for tantivy's grammar, with where it grew: the byte offsets
/// (in the readable text) of the characters added, so an error's position can be told
/// in the user's own text.
pub struct Readable {
    /// The query as the grammar reads it.
    pub text: String,
    /// Offsets in `text` of each byte added, ascending.
    pub added: Vec<usize>,
}

impl Readable {
    /// `at`, an offset in the readable text, as an offset in the user's text.
    pub fn original_offset(&self, at: usize) -> usize {
        at - self.added.iter().take_while(|&&added| added < at).count()
    }
}

/// The user's query as the grammar should read it: [`plain_extras`], then every
/// apostrophe that belongs to a word escaped. tantivy reads `'` as a quotation mark
/// anywhere, so `Moody's`, `O'Neill` and `Reuters' report` could not be parsed; news
/// text is full of them. An apostrophe after a letter or digit is part of the word
/// (`Moody's`, `don't`, the possessive `Reuters'`), except the one that closes a
/// `'single-quoted phrase'`; inside such a phrase, one between two letters is a word's
/// (`'Moody's rating'`). Apostrophes inside `"double quotes"` are plain text already.
pub fn readable(text: &str) -> Readable {
    let plain = plain_extras(text);
    let mut out = Readable {
        text: String::with_capacity(plain.len() + 4),
        added: Vec::new(),
    };
    let mut previous: Option<char> = None;
    let mut in_double = false;
    let mut in_single = false;
    let mut chars = plain.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.text.push(c);
                if let Some(escaped) = chars.next() {
                    out.text.push(escaped);
                    previous = Some(escaped);
                }
                continue;
            }
            '"' if !in_single => in_double = !in_double,
            '\'' if !in_double => {
                let after_word = previous.is_some_and(char::is_alphanumeric);
                let before_word = chars.peek().is_some_and(|n| n.is_alphanumeric());
                let in_word = if in_single {
                    after_word && before_word
                } else {
                    after_word
                };
                if in_word {
                    out.added.push(out.text.len());
                    out.text.push('\\');
                } else {
                    in_single = !in_single;
                }
            }
            _ => {}
        }
        out.text.push(c);
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn in_is_a_word() {
        assert_eq!(plain_extras("MADE IN USA"), "MADE In USA");
        assert_eq!(plain_extras("IN"), "In");
        assert_eq!(plain_extras("(IN) +IN -IN \"IN\""), "(In) +In -In \"In\"");
        assert_eq!(plain_extras("title:IN"), "title:In");
        // Part of a longer word, or a field name: left alone.
        assert_eq!(plain_extras("INDIA WIN IN: IN :x"), "INDIA WIN IN: IN :x");
    }

    #[test]
    fn ranges_sets_and_regular_expressions_are_plain_text() {
        assert_eq!(plain_extras("title:[a TO z]"), "title: a TO z ");
        assert_eq!(plain_extras("title: IN [a b]"), "title: In  a b ");
        assert_eq!(plain_extras("{5 TO 10}"), " 5 TO 10 ");
        assert_eq!(plain_extras(">5 million"), " 5 million");
        assert_eq!(plain_extras("title:>=a (<b)"), "title: =a ( b)");
        assert_eq!(plain_extras("/kor.*/ 24/7 a>b"), " kor.*/ 24/7 a>b");
        // Escaped, a character is the grammar's text already.
        assert_eq!(plain_extras("\\[a\\]"), "\\[a\\]");
    }

    #[test]
    fn documented_syntax_is_untouched() {
        for query in [
            "\"North Korean officers\"~2 -Putin +troops",
            "(oil OR gas) AND NOT coal",
            "title:Korea^2 outlet:\"HuffPost UK\" entity:DPRK",
            "Kim Yong-hyun's *",
        ] {
            assert_eq!(plain_extras(query), query);
        }
    }

    #[test]
    fn apostrophes_in_words_are_escaped_and_quotation_marks_kept() {
        let read = |text: &str| readable(text).text;
        assert_eq!(
            read("Moody's downgrade rating"),
            "Moody\\'s downgrade rating"
        );
        assert_eq!(read("O'Neill"), "O\\'Neill");
        assert_eq!(read("Reuters' report"), "Reuters\\' report");
        assert_eq!(read("'north korea' troops"), "'north korea' troops");
        assert_eq!(read("'Moody's rating' cut"), "'Moody\\'s rating' cut");
        assert_eq!(read("\"Moody's rating\""), "\"Moody's rating\"");
        assert_eq!(read("don\\'t"), "don\\'t");
    }

    #[test]
    fn offsets_map_back_to_the_users_text() {
        let read = readable("O'Neill's bad \"x");
        assert_eq!(read.text, "O\\'Neill\\'s bad \"x");
        assert_eq!(read.added, [1, 8]);
        assert_eq!(
            read.original_offset(read.text.len()),
            "O'Neill's bad \"x".len()
        );
        assert_eq!(read.original_offset(0), 0);
        assert_eq!(read.original_offset(3), 2);
    }

    proptest! {
        #[test]
        fn added_bytes_are_all_that_differ(text in any::<String>()) {
            let read = readable(&text);
            let mut kept = read.text.clone().into_bytes();
            for &at in read.added.iter().rev() {
                kept.remove(at);
            }
            prop_assert_eq!(kept, plain_extras(&text).into_bytes());
        }

        #[test]
        fn nothing_moves(text in any::<String>()) {
            let plain = plain_extras(&text);
            prop_assert_eq!(plain.len(), text.len());
            for (at, _) in text.char_indices() {
                prop_assert!(plain.is_char_boundary(at));
            }
        }
    }
}
