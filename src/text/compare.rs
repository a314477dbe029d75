//! The keys words are compared by when a quote is checked against a passage: the same
//! word in another form is one key. English, Ukrainian and Russian words are stemmed
//! ([`super::stem`]: `officers` = `officer`, `офіцерів` = `офіцерами`); a Korean word
//! loses its particle ([`super::particles`]: `북한군이` = `북한군은`); other languages'
//! words stay as folded. The index reads Korean differently (syllable pairs), since a
//! query must find a noun inside a longer word, where a quote compares whole words.

use super::Language;
use super::particles::strip_particle;
use super::stem::Stemmer;

/// Makes the comparison keys of one language's folded words, remembering stems.
#[derive(Clone)]
pub struct WordKeys {
    lang: Language,
    stemmer: Stemmer,
}

impl WordKeys {
    /// The keys of `lang`'s words.
    pub fn new(lang: Language) -> WordKeys {
        WordKeys {
            lang,
            stemmer: Stemmer::new(lang),
        }
    }

    /// The language whose words these keys are.
    pub fn language(&self) -> Language {
        self.lang
    }

    /// The key of `word` (folded, as [`super::fold`] makes it); never empty for a word
    /// that is not.
    pub fn key(&mut self, word: &str) -> String {
        if self.lang == Language::Korean {
            return strip_particle(word).to_owned();
        }
        let stem = self.stemmer.stem(word);
        // A stemmer that eats a whole word would leave nothing to compare.
        if stem.is_empty() {
            word.to_owned()
        } else {
            stem
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(lang: Language, words: &[&str]) -> Vec<String> {
        let mut keys = WordKeys::new(lang);
        words.iter().map(|w| keys.key(w)).collect()
    }

    #[test]
    fn forms_of_one_word_share_a_key() {
        assert_eq!(
            keys(Language::English, &["officers", "officer"]),
            ["offic"; 2]
        );
        assert_eq!(
            keys(Language::Ukrainian, &["офіцерів", "офіцерами", "офіцер"]),
            ["офіцер"; 3]
        );
        assert_eq!(
            keys(Language::Russian, &["офицеров", "офицерами", "офицер"]),
            ["офицер"; 3]
        );
        assert_eq!(
            keys(Language::Korean, &["북한군이", "북한군은", "북한군"]),
            ["북한군"; 3]
        );
        assert_eq!(keys(Language::Other, &["soldaten"]), ["soldaten"]);
    }
}
