//! The index's analyzer, a tantivy `Tokenizer` over the segmenter: each word, number
//! or ideograph token ([`super::segment`]) folded ([`super::fold`]) and stemmed
//! ([`super::stem`]). The index, the query parser, the highlighter and the quote
//! aligner all read words through this layer, so they agree on what a word is.
//!
//! Tokens are the segmenter's pieces: `don't` is `don`, `t` and `1.6` is `1`, `6`, as
//! the index has always held them; currency and percent signs are not indexed. A piece
//! of [`MAX_WORD_BYTES`] bytes or more is noise (hashes, run-on garbage) and is left out,
//! keeping its position.

use tantivy::tokenizer::{Token as TantivyToken, TokenStream, Tokenizer};

use super::Language;
use super::segment::{Segmenter, push_key, segment};
use super::stem::Stemmer;

/// Pieces this long (in bytes) or longer are not indexed.
pub const MAX_WORD_BYTES: usize = 40;

/// The analyzer of article text for one language.
#[derive(Clone)]
pub struct NewsTokenizer {
    lang: Language,
    stemmer: Stemmer,
    token: TantivyToken,
}

impl NewsTokenizer {
    /// The analyzer for `lang`.
    pub fn new(lang: Language) -> Self {
        NewsTokenizer {
            lang,
            stemmer: Stemmer::new(lang),
            token: TantivyToken::default(),
        }
    }
}

impl Tokenizer for NewsTokenizer {
    type TokenStream<'a> = NewsTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NewsTokenStream<'a> {
        self.token.reset();
        NewsTokenStream {
            text,
            tokens: segment(text, self.lang).lean(),
            stemmer: &mut self.stemmer,
            token: &mut self.token,
        }
    }
}

/// The token stream of [`NewsTokenizer`].
pub struct NewsTokenStream<'a> {
    text: &'a str,
    tokens: Segmenter<'a>,
    stemmer: &'a mut Stemmer,
    token: &'a mut TantivyToken,
}

impl TokenStream for NewsTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for piece in self.tokens.by_ref() {
            if !piece.is_piece() {
                continue;
            }
            let token = &mut *self.token;
            token.position = token.position.wrapping_add(1);
            if piece.end - piece.start >= MAX_WORD_BYTES {
                continue;
            }
            let written = &self.text[piece.start..piece.end];
            if piece.plain {
                // Its text is its key: looked up as it stands, copied once.
                self.stemmer.stem_into(written, &mut token.text);
            } else {
                token.text.clear();
                push_key(&mut token.text, written);
                if token.text.is_empty() {
                    // Combining marks alone fold to nothing.
                    continue;
                }
                self.stemmer.stem_in_place(&mut token.text);
            }
            token.offset_from = piece.start;
            token.offset_to = piece.end;
            return true;
        }
        false
    }

    fn token(&self) -> &TantivyToken {
        self.token
    }

    fn token_mut(&mut self) -> &mut TantivyToken {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TextAnalyzer;

    fn tokens(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::from(NewsTokenizer::new(Language::English));
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn folds_case_accents_and_stems() {
        let words: Vec<String> = tokens("Officers’ Café KYIV running")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(words, ["offic", "cafe", "kyiv", "run"]);
    }

    #[test]
    fn long_pieces_keep_their_positions_and_signs_take_none() {
        let long = "x".repeat(MAX_WORD_BYTES);
        let found = tokens(&format!("a {long} b $5 10%"));
        assert_eq!(
            found,
            [
                ("a".into(), 0),
                ("b".into(), 2),
                ("5".into(), 3),
                ("10".into(), 4)
            ]
        );
    }
}
