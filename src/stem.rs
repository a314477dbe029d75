//! English stemming with a memo. tantivy's `Stemmer` runs the Snowball algorithm on
//! every token, and profiling showed it taking about 30% of indexing time. News text
//! repeats a small vocabulary endlessly, so remembering each word's stem makes that
//! cost nearly vanish. The stems themselves come from tantivy's own English stemmer,
//! so they are exactly the ones `en_stem` gives. (No crate offers a memoising token
//! filter, hence this one.)

use rustc_hash::FxHashMap as HashMap;

use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Most words remembered per analyzer; the memo is emptied when it fills up, which
/// bounds memory on corpora with huge vocabularies (or garbage).
const MEMO_CAPACITY: usize = 200_000;

/// A token filter stemming English words, with a memo of stems already computed.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedEnglishStemmer;

impl TokenFilter for CachedEnglishStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemFilter<T> {
        CachedStemFilter {
            inner: tokenizer,
            memo: HashMap::default(),
            stemmer: snowball(),
        }
    }
}

/// A function stemming one lower-case English word, with its own memo: for code that
/// compares words outside tantivy's token streams (the quote aligner).
pub fn word_stemmer() -> impl FnMut(&str) -> String {
    let mut stemmer = snowball();
    let mut memo: HashMap<String, String> = HashMap::default();
    move |word: &str| {
        if let Some(stem) = memo.get(word) {
            return stem.clone();
        }
        let stem = stem_of(&mut stemmer, word);
        if memo.len() < MEMO_CAPACITY {
            memo.insert(word.to_owned(), stem.clone());
        }
        stem
    }
}

/// The Snowball stem of one word (the word itself if the stemmer gives nothing).
fn stem_of(stemmer: &mut TextAnalyzer, word: &str) -> String {
    let mut stream = stemmer.token_stream(word);
    if stream.advance() {
        stream.token().text.clone()
    } else {
        word.to_owned()
    }
}

fn snowball() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The tokenizer [`CachedEnglishStemmer`] wraps around another.
pub struct CachedStemFilter<T> {
    inner: T,
    memo: HashMap<String, String>,
    stemmer: TextAnalyzer,
}

impl<T: Clone> Clone for CachedStemFilter<T> {
    /// A clone starts with an empty memo: each indexing thread keeps its own.
    fn clone(&self) -> Self {
        CachedStemFilter {
            inner: self.inner.clone(),
            memo: HashMap::default(),
            stemmer: snowball(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemFilter<T> {
    type TokenStream<'a> = CachedStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() >= MEMO_CAPACITY {
            self.memo.clear();
        }
        CachedStemStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: &mut self.stemmer,
        }
    }
}

/// The token stream of [`CachedStemFilter`].
pub struct CachedStemStream<'a, S> {
    tail: S,
    memo: &'a mut HashMap<String, String>,
    stemmer: &'a mut TextAnalyzer,
}

impl<S: TokenStream> TokenStream for CachedStemStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.memo.get(&token.text) {
            Some(stem) => {
                token.text.clear();
                token.text.push_str(stem);
            }
            None => {
                let stem = stem_of(self.stemmer, &token.text);
                let word = std::mem::replace(&mut token.text, stem.clone());
                self.memo.insert(word, stem);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_match_tantivys_own_stemmer_on_first_and_repeated_words() {
        let text = "Officers running generously; officers ran, running again and the generals' generalisation";
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedEnglishStemmer)
            .build();
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = tokens(&mut plain, text);
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(
            tokens(&mut cached, text),
            expected,
            "second pass, from the memo"
        );
        assert_eq!(expected[0], "offic");
    }
}
