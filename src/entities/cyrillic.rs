//! Names in Ukrainian and Russian text, where they inflect: "Путін", "Путіна",
//! "Путіним" are one person, "під Донецьком" is Donetsk. The gazetteer's hand-written
//! Cyrillic names, and GeoNames' for cities of a million people or more, are looked up
//! by the stems of their words (their case endings cut), so a span of words in any case
//! finds the name written in the nominative; and a given name ("Кирило", "Кирила") by
//! its stem. Any other Cyrillic name is found as written. Built on first use: English
//! text never pays for it.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer::{gazetteer, inflected_surfaces};
use super::words::Token;
use crate::text::Language;
use crate::text::fold::fold_spelling;

const GIVEN_NAMES: &str = include_str!("../../data/entities/first_names.cyrillic.txt");

/// The Cyrillic names, keyed by stems.
struct Names {
    /// Stems of a surface form's words, joined by spaces → its gazetteer entry.
    by_stems: HashMap<String, usize>,
    /// The most words a Cyrillic surface form spans.
    longest: usize,
    /// Stems of given names.
    given: HashSet<String>,
}

static NAMES: LazyLock<Names> = LazyLock::new(Names::load);

/// The names, for a language written in Cyrillic.
fn names(lang: Language) -> Option<&'static Names> {
    lang.is_cyrillic().then_some(&*NAMES)
}

/// Whether `text` holds a Cyrillic letter.
pub fn is_cyrillic(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{400}'..='\u{4FF}') && c.is_alphabetic())
}

/// `text` with ASCII and Cyrillic letters in lower case, every other character as it is:
/// the same byte offsets (a Cyrillic letter and its lower case are both two bytes), so
/// the rules' words borrow their lower-case forms from it.
pub fn lowered(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{400}'..='\u{4FF}' => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                    _ => c,
                }
            }
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The stem of one word of a name: folded (apostrophes as `'`), without its case
/// ending. Snowball's stemmers read names badly (Russian `Кореи` → `кор` but `Корея` →
/// `коре`; Ukrainian `сили` → `си`), so names have their own rule: the longest ending
/// of [`ENDINGS`] is cut while two letters remain, an adjective's `-кий`/`-кій` whole
/// (`Зеленський`, `Зеленського` → `зеленськ`). Nouns that change a vowel (`Київ`,
/// `Києва`) are listed in both forms.
fn stem(word: &str) -> String {
    let mut folded = fold_spelling(word);
    let adjective = ["кий", "кій", "кый"].iter().any(|e| folded.ends_with(e));
    let cut = if adjective {
        Some(2)
    } else {
        ENDINGS
            .iter()
            .find(|ending| {
                folded.ends_with(*ending) && folded.chars().count() >= ending.chars().count() + 2
            })
            .map(|ending| ending.chars().count())
    };
    if let Some(n) = cut {
        let keep = folded.chars().count() - n;
        if keep >= 2 {
            let at = folded
                .char_indices()
                .nth(keep)
                .map_or(folded.len(), |(i, _)| i);
            folded.truncate(at);
        }
    }
    folded
}

/// Case endings of Ukrainian and Russian nouns and adjectives, longest first.
const ENDINGS: [&str; 44] = [
    "ями", "ами", "ому", "ого", "ими", "ыми", "ою", "ею", "єю", "ем", "єм", "ом", "им", "ім", "ым",
    "ой", "ей", "ая", "яя", "ое", "ее", "ої", "ую", "юю", "их", "ых", "ах", "ях", "ам", "ям", "а",
    "я", "у", "ю", "і", "и", "ї", "е", "є", "о", "ь", "й", "ы", "ё",
];

/// A name's words stemmed in `lang` and joined by spaces: the key inflected forms of one
/// name share ("Кирила Буданова" and "Кирило Буданов").
pub fn stem_key<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for word in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&stem(word));
    }
    key
}

impl Names {
    fn load() -> Names {
        let g = gazetteer();
        let mut by_stems = HashMap::default();
        let mut longest = 0;
        // Abbreviations ("ЗСУ", "США") do not inflect, and cut short they would be
        // other words ("ВСУ" and "Вся").
        let abbreviation = |s: &str| !s.chars().any(char::is_lowercase);
        for surface in inflected_surfaces().filter(|s| is_cyrillic(s) && !abbreviation(s)) {
            let Some(index) = g.lookup(surface).and_then(|s| s.entry) else {
                continue;
            };
            let words: Vec<&str> = surface.split(' ').filter(|w| !w.is_empty()).collect();
            longest = longest.max(words.len());
            // The first surface form to claim a key keeps it, as in the gazetteer.
            by_stems.entry(stem_key(words)).or_insert(index as usize);
        }
        let given = super::gazetteer::rows_of(GIVEN_NAMES).map(stem).collect();
        Names {
            by_stems,
            longest,
            given,
        }
    }
}

/// The gazetteer name spelled, in any case, by the words from `tokens[start]` on: the
/// longest, as the token after its last word and its entry. The words must follow each
/// other with only spaces between, in one sentence.
pub fn lookup(tokens: &[Token<'_>], start: usize, lang: Language) -> Option<(usize, usize)> {
    let names = names(lang)?;
    let mut key = String::new();
    let mut best = None;
    for (j, token) in tokens.iter().enumerate().skip(start).take(names.longest) {
        if j > start && (!token.joined || token.sentence_start) {
            break;
        }
        if !is_cyrillic(token.text) {
            break;
        }
        if j > start {
            key.push(' ');
        }
        key.push_str(&stem(token.text));
        if let Some(&entry) = names.by_stems.get(&key) {
            best = Some((j + 1, entry));
        }
    }
    best
}

/// Whether `word` is a given name in any of its cases ("Кирило", "Кирила").
pub fn is_given_name(word: &str, lang: Language) -> bool {
    names(lang).is_some_and(|names| is_cyrillic(word) && names.given.contains(&stem(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_keeps_byte_offsets() {
        let text = "Кирило БУДАНОВ, Ґанок і Їжак — U.S.";
        let lower = lowered(text);
        assert_eq!(lower, "кирило буданов, ґанок і їжак — u.s.");
        assert_eq!(lower.len(), text.len());
    }

    #[test]
    fn inflected_forms_share_a_stem_key() {
        for (a, b) in [
            ("Кирила Буданова", "Кирило Буданов"),
            ("Кирилла Буданова", "Кирилл Буданов"),
            ("Збройних сил України", "Збройні сили України"),
            ("Міністерства оборони", "Міністерство оборони"),
            ("Южной Кореи", "Южная Корея"),
            ("Північною Кореєю", "Північна Корея"),
            ("Зеленського", "Зеленський"),
            ("Андрія", "Андрій"),
            ("Донецької області", "Донецька область"),
            ("Путіним", "Путін"),
        ] {
            assert_eq!(stem_key(a.split(' ')), stem_key(b.split(' ')), "{a}");
        }
        assert_eq!(stem_key(["Кім", "Чен", "Ином"]), "кім чен ин");
        assert!(is_given_name("Кирила", Language::Ukrainian));
        assert!(is_given_name("Владимира", Language::Russian));
        assert!(!is_given_name("Kyrylo", Language::Ukrainian));
        assert!(!is_given_name("Володимир", Language::English));
    }
}
