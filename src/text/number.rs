//! Numbers as readers take them: number tokens joined by a decimal or thousands
//! separator (`1.6`, `648,000`, `1.5bn`), with the currency mark before them (`£1,400`)
//! and the percent sign after them (`10%`), which are tokens of their own. Reading their
//! values (`1.5bn` = `1.5 billion`, `10%` = `10 per cent`) belongs to the comparison of
//! numbers, built on these spans.

use std::ops::Range;

use super::Language;
use super::segment::{Gap, Kind, segment};
use super::words::for_each_word;

/// A number in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The digits with their separators and suffix: `1,400`, `1.5bn`, `5m`.
    pub range: Range<usize>,
    /// The currency mark right before it, if any (`£`, `$`).
    pub currency: Option<Range<usize>>,
    /// The percent sign right after it, if any.
    pub percent: Option<Range<usize>>,
}

/// The numbers of `text`, in order.
pub fn numbers(text: &str, lang: Language) -> Vec<Number> {
    let mut found = Vec::new();
    for_each_word(text, lang, |word| {
        if word.kind == Kind::Number {
            found.push(Number {
                range: word.range.clone(),
                currency: None,
                percent: None,
            });
        }
    });
    // Signs stand right against their number: `$5`, `5%` (`$ 5` is read as `$5` too).
    let signs: Vec<_> = segment(text, lang)
        .filter(|t| matches!(t.kind, Kind::Currency | Kind::Percent))
        .collect();
    for number in &mut found {
        for sign in &signs {
            if sign.kind == Kind::Currency
                && sign.end <= number.range.start
                && text[sign.end..number.range.start].chars().all(|c| c == ' ')
            {
                number.currency = Some(sign.range());
            }
            if sign.kind == Kind::Percent && sign.start == number.range.end && sign.gap == Gap::None
            {
                number.percent = Some(sign.range());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_their_signs() {
        let text = "Pay rose by £1,400 to 1.5bn, or 10% of $ 5m; Win 95 vs 2024";
        let shown: Vec<(&str, Option<&str>, bool)> = numbers(text, Language::English)
            .iter()
            .map(|n| {
                (
                    &text[n.range.clone()],
                    n.currency.clone().map(|c| &text[c]),
                    n.percent.is_some(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("1,400", Some("£"), false),
                ("1.5bn", None, false),
                ("10", None, true),
                ("5m", Some("$"), false),
                ("95", None, false),
                ("2024", None, false),
            ]
        );
    }
}
