//! Words that negate what they are said of, per language: a quote that drops or adds
//! one says the opposite, so the quote check flags it. English: `not`, `no`, `never`,
//! `without`, `nor`, `cannot` and the `n't` forms; Ukrainian and Russian: the words of
//! `data/text/{uk,ru}/negations.txt` (`не`, `ні`/`ни`, `ніколи`/`никогда`, `без`, …);
//! Korean, where negation is a word of its own or a verb's ending: `안` and `못` before
//! a verb, `않-` (`하지 않았다`), `못하-`, `없-` and `아니-`/`아닌`.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Language;
use super::lexicon::entries;
use super::particles::strip_particle;

const UKRAINIAN: &str = include_str!("../../data/text/uk/negations.txt");
const RUSSIAN: &str = include_str!("../../data/text/ru/negations.txt");

static LISTS: LazyLock<(HashSet<&'static str>, HashSet<&'static str>)> =
    LazyLock::new(|| (entries(UKRAINIAN).collect(), entries(RUSSIAN).collect()));

/// Whether `written` (a word as the text writes it) negates, in `lang`. Case does not
/// matter; apostrophes may be straight or curly (`don’t`).
pub fn is_negation(written: &str, lang: Language) -> bool {
    let lower = written.to_lowercase();
    match lang {
        Language::English | Language::Other => {
            matches!(
                lower.as_str(),
                "not" | "no" | "never" | "without" | "nor" | "cannot"
            ) || lower.ends_with("n't")
                || lower.ends_with("n’t")
        }
        Language::Ukrainian => LISTS.0.contains(lower.as_str()),
        Language::Russian => LISTS.1.contains(lower.replace('ё', "е").as_str()),
        Language::Korean => korean_negation(&lower),
    }
}

/// A Korean word that negates: the adverbs `안` and `못` standing alone (`안 했다`), the
/// auxiliary `않-` anywhere (`않았다`, `하지않는`), and the verbs `못하-`, `없-` and `아니-`
/// at a word's start (`못했다`, `없다`, `아니다`, `아닌`). `안` and `못` inside a longer
/// word are other words (`안보`, security; `못` a nail is rare in news).
fn korean_negation(word: &str) -> bool {
    let word = strip_particle(word);
    word == "안"
        || word == "못"
        || word.contains('않')
        || ["못하", "못했", "못한", "못할", "없", "아니", "아닌", "아닙"]
            .iter()
            .any(|start| word.starts_with(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negations_of_each_language() {
        let cases = [
            (Language::English, "Not", true),
            (Language::English, "don’t", true),
            (Language::English, "note", false),
            (Language::Ukrainian, "не", true),
            (Language::Ukrainian, "Ніколи", true),
            (Language::Ukrainian, "нема", false),
            (Language::Ukrainian, "небезпечним", false),
            (Language::Russian, "НЕ", true),
            (Language::Russian, "нет", true),
            (Language::Russian, "ничего", true),
            (Language::Russian, "нечто", false),
            (Language::Korean, "안", true),
            (Language::Korean, "않았다", true),
            (Language::Korean, "못했다", true),
            (Language::Korean, "없다", true),
            (Language::Korean, "아니다", true),
            (Language::Korean, "안보", false),
            (Language::Korean, "높다", false),
            (Language::Korean, "안전을", false),
        ];
        for (lang, word, negates) in cases {
            assert_eq!(is_negation(word, lang), negates, "{lang:?} {word}");
        }
    }
}
