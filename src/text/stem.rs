//! Stemming with a memo, one stemmer per language. The Snowball algorithm (the
//! `frostem` crate, which tantivy's own stemmer runs) took about 30% of indexing time
//! when run on every token; news text repeats a small vocabulary endlessly, so
//! remembering each word's stem makes that cost nearly vanish. The stems are exactly
//! Snowball's: English and Russian from `frostem`, Ukrainian from
//! `snowball_stemmers_rs` (upstream Snowball has no Ukrainian stemmer). Korean and
//! other languages are not stemmed. In Cyrillic words `ё` is read as `е` first, as
//! most Russian text writes it.

use rustc_hash::FxHashMap as HashMap;

use super::Language;

/// Most words remembered per stemmer; the memo is emptied when it fills up, which
/// bounds memory on corpora with huge vocabularies (or garbage).
const MEMO_CAPACITY: usize = 200_000;

/// A stemmer for one language, remembering the stems it has computed. Each thread
/// keeps its own (a clone starts with an empty memo).
pub struct Stemmer {
    algorithm: Algorithm,
    memo: HashMap<String, String>,
    /// Whether `ё` is read as `е` before stemming.
    cyrillic: bool,
}

/// The stemming algorithm of a language.
#[derive(Clone, Copy)]
enum Algorithm {
    /// One of Snowball's, as `frostem` runs it (English, Russian).
    Frostem(frostem::Stemmer),
    /// Ukrainian, from `snowball_stemmers_rs`.
    Ukrainian,
    /// Words stay as they are (Korean, other languages).
    None,
}

/// The Ukrainian stemmer, made once (it is a function pointer).
static UKRAINIAN: std::sync::LazyLock<snowball_stemmers_rs::Stemmer> =
    std::sync::LazyLock::new(|| {
        snowball_stemmers_rs::Stemmer::create(snowball_stemmers_rs::Algorithm::Ukrainian)
    });

impl Stemmer {
    /// A stemmer for `lang`'s folded words.
    pub fn new(lang: Language) -> Self {
        let frostem = |algorithm| Algorithm::Frostem(frostem::Stemmer::new(algorithm));
        let algorithm = match lang {
            Language::English => frostem(frostem::Algorithm::English),
            Language::Russian => frostem(frostem::Algorithm::Russian),
            Language::Ukrainian => Algorithm::Ukrainian,
            Language::Korean | Language::Other => Algorithm::None,
        };
        Stemmer {
            algorithm,
            memo: HashMap::default(),
            cyrillic: lang.is_cyrillic(),
        }
    }

    /// Writes the stem of `word` (folded, as [`super::fold`] makes it) to `out`, replacing
    /// what `out` held.
    #[inline]
    pub fn stem_into(&mut self, word: &str, out: &mut String) {
        out.clear();
        match self.memo.get(word) {
            Some(stem) => out.push_str(stem),
            None => {
                out.push_str(word);
                self.stem_in_place(out);
            }
        }
    }

    /// Replaces `word` (folded, as [`super::fold`] makes it) with its stem.
    pub fn stem_in_place(&mut self, word: &mut String) {
        if let Some(stem) = self.memo.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let read;
        let input = if self.cyrillic && word.contains('ё') {
            read = word.replace('ё', "е");
            read.as_str()
        } else {
            word.as_str()
        };
        let stem = match self.algorithm {
            Algorithm::Frostem(stemmer) => stemmer.stem(input).into_owned(),
            Algorithm::Ukrainian => ukrainian_stem(input),
            Algorithm::None => input.to_owned(),
        };
        if self.memo.len() >= MEMO_CAPACITY {
            self.memo.clear();
        }
        let word = std::mem::replace(word, stem.clone());
        self.memo.insert(word, stem);
    }

    /// The stem of `word` (folded).
    pub fn stem(&mut self, word: &str) -> String {
        let mut word = word.to_owned();
        self.stem_in_place(&mut word);
        word
    }
}

/// The Ukrainian stem of `word`: `snowball_stemmers_rs`'s, with two mends found on the
/// tune split of the noun evaluation (`benches/lang_eval.py`): a noun's genitive in
/// `-оти`/`-ети` (`роботи`, `ракети`) is not read as an infinitive in `-ти` (which left
/// `робо`), and the vowels, `й` and `ь` the stemmer leaves at a stem's end are dropped
/// while three letters remain (`історі`, `історіє` and `істор` are one stem).
fn ukrainian_stem(word: &str) -> String {
    let input = match word.strip_suffix('и') {
        Some(rest) if rest.ends_with("от") || rest.ends_with("ет") => rest,
        _ => word,
    };
    let mut stem = UKRAINIAN.stem(input).into_owned();
    while stem.chars().count() > 3
        && stem.ends_with(['а', 'е', 'є', 'и', 'і', 'ї', 'о', 'у', 'ю', 'я', 'ь', 'й'])
    {
        stem.pop();
    }
    stem
}

impl Clone for Stemmer {
    /// A clone starts with an empty memo: each indexing thread keeps its own.
    fn clone(&self) -> Self {
        Stemmer {
            algorithm: self.algorithm,
            memo: HashMap::default(),
            cyrillic: self.cyrillic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{
        Language as TantivyLanguage, LowerCaser, SimpleTokenizer, Stemmer as TantivyStemmer,
        TextAnalyzer, TokenStream,
    };

    #[test]
    fn stems_match_tantivys_own_stemmer_on_first_and_repeated_words() {
        let text = "Officers running generously; officers ran, running again and the generals' generalisation";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(TantivyStemmer::new(TantivyLanguage::English))
            .build();
        let mut expected = Vec::new();
        let mut stream = plain.token_stream(text);
        while stream.advance() {
            expected.push(stream.token().text.clone());
        }
        let mut stemmer = Stemmer::new(Language::English);
        for pass in ["first", "second, from the memo"] {
            let stems: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| stemmer.stem(&w.to_lowercase()))
                .collect();
            assert_eq!(stems, expected, "{pass} pass");
        }
        assert_eq!(expected[0], "offic");
    }

    #[test]
    fn russian_and_ukrainian_stems_join_a_nouns_forms() {
        let mut russian = Stemmer::new(Language::Russian);
        let stems: Vec<String> = ["офицер", "офицеров", "офицерами", "ракетой", "ракеты"]
            .iter()
            .map(|w| russian.stem(w))
            .collect();
        assert_eq!(stems, ["офицер", "офицер", "офицер", "ракет", "ракет"]);
        // `ё` is read as `е`: `ещё` and `еще` are one word.
        assert_eq!(russian.stem("ещё"), russian.stem("еще"));
        let mut ukrainian = Stemmer::new(Language::Ukrainian);
        let stems: Vec<String> = ["офіцер", "офіцерів", "офіцерами", "офіцерові"]
            .iter()
            .map(|w| ukrainian.stem(w))
            .collect();
        assert_eq!(stems, ["офіцер"; 4]);
        let stems: Vec<String> = ["робота", "роботи", "історія", "історією", "історії"]
            .iter()
            .map(|w| ukrainian.stem(w))
            .collect();
        assert_eq!(stems, ["робот", "робот", "істор", "істор", "істор"]);
        // Korean and other languages are not stemmed.
        assert_eq!(Stemmer::new(Language::Korean).stem("북한군이"), "북한군이");
        assert_eq!(Stemmer::new(Language::Other).stem("soldaten"), "soldaten");
    }
}
