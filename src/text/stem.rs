//! Stemming with a memo, one stemmer per language. The Snowball algorithm (the
//! `frostem` crate, which tantivy's own stemmer runs) took about 30% of indexing time
//! when run on every token; news text repeats a small vocabulary endlessly, so
//! remembering each word's stem makes that cost nearly vanish. The stems are exactly
//! Snowball's.

use rustc_hash::FxHashMap as HashMap;

use super::Language;

/// Most words remembered per stemmer; the memo is emptied when it fills up, which
/// bounds memory on corpora with huge vocabularies (or garbage).
const MEMO_CAPACITY: usize = 200_000;

/// A stemmer for one language, remembering the stems it has computed. Each thread
/// keeps its own (a clone starts with an empty memo).
pub struct Stemmer {
    algorithm: frostem::Stemmer,
    memo: HashMap<String, String>,
}

impl Stemmer {
    /// A stemmer for `lang`'s folded words.
    pub fn new(lang: Language) -> Self {
        let algorithm = match lang {
            Language::English => frostem::Algorithm::English,
        };
        Stemmer {
            algorithm: frostem::Stemmer::new(algorithm),
            memo: HashMap::default(),
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
        let stem = match self.algorithm.stem(word) {
            std::borrow::Cow::Borrowed(same) => same.to_owned(),
            std::borrow::Cow::Owned(stem) => stem,
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

impl Clone for Stemmer {
    /// A clone starts with an empty memo: each indexing thread keeps its own.
    fn clone(&self) -> Self {
        Stemmer {
            algorithm: self.algorithm,
            memo: HashMap::default(),
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
}
