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

    proptest! {
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
