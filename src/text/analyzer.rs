//! The index's analyzer, a tantivy `Tokenizer` over the segmenter: each word, number
//! or ideograph token ([`super::segment`]) folded ([`super::fold`]) and stemmed
//! ([`super::stem`]). The index, the query parser, the highlighter and the quote
//! aligner all read words through this layer, so they agree on what a word is.
//!
//! Tokens are the segmenter's pieces, except that pieces joined by an apostrophe are
//! one word, as news writes names and possessives: `O'Neill` is `oneill`, `don't` is
//! `dont`, and a possessive `'s` is dropped (`Moody's`, `Moody’s` and `Moodyʼs` are all
//! `moodi`, and `Reuters'` is `reuter`), so a query with an apostrophe finds every way
//! of writing it. Numbers stay pieces (`1.6` is `1`, `6`); currency and percent signs
//! are not indexed. A word of [`MAX_WORD_BYTES`] bytes or more is noise (hashes, run-on
//! garbage) and is left out, keeping its position.

use tantivy::tokenizer::{Token as TantivyToken, TokenStream, Tokenizer};

use std::iter::Peekable;

use super::Language;
use super::chars::is_apostrophe;
use super::segment::{Gap, Kind, Segmenter, Token, push_key, segment};
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
            tokens: segment(text, self.lang).lean().peekable(),
            stemmer: &mut self.stemmer,
            token: &mut self.token,
        }
    }
}

/// The token stream of [`NewsTokenizer`].
pub struct NewsTokenStream<'a> {
    text: &'a str,
    tokens: Peekable<Segmenter<'a>>,
    stemmer: &'a mut Stemmer,
    token: &'a mut TantivyToken,
}

impl NewsTokenStream<'_> {
    /// The next token, when it continues `word` (ending at `end`) across an apostrophe.
    fn joined_after(&mut self, kind: Kind, end: usize) -> Option<Token> {
        let next = self.tokens.peek()?;
        let joins = kind == Kind::Word
            && next.kind == Kind::Word
            && next.gap_start == end
            && matches!(next.gap, Gap::Joiner(c) if is_apostrophe(c));
        if joins { self.tokens.next() } else { None }
    }
}

impl TokenStream for NewsTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(piece) = self.tokens.next() {
            if !piece.is_piece() {
                continue;
            }
            let (start, mut end) = (piece.start, piece.end);
            let mut next = self.joined_after(piece.kind, end);
            if next.is_none() && piece.plain {
                // The common case: one piece whose text is its key, stemmed as it stands.
                let token = &mut *self.token;
                token.position = token.position.wrapping_add(1);
                if end - start >= MAX_WORD_BYTES {
                    continue;
                }
                self.stemmer
                    .stem_into(&self.text[start..end], &mut token.text);
                token.offset_from = start;
                token.offset_to = end;
                return true;
            }
            let mut key = std::mem::take(&mut self.token.text);
            key.clear();
            push_key(&mut key, &self.text[start..end]);
            // Where the text after the last apostrophe starts in the key, to tell a
            // possessive `'s` from `don't`.
            let mut after_apostrophe = None;
            while let Some(joined) = next {
                after_apostrophe = Some(key.len());
                push_key(&mut key, &self.text[joined.start..joined.end]);
                end = joined.end;
                next = self.joined_after(piece.kind, end);
            }
            if let Some(at) = after_apostrophe
                && at > 0
                && key.get(at..) == Some("s")
            {
                key.truncate(at);
            }
            let token = &mut *self.token;
            token.text = key;
            token.position = token.position.wrapping_add(1);
            if end - start >= MAX_WORD_BYTES || token.text.is_empty() {
                // Too long to be a word, or combining marks alone, which fold to nothing.
                continue;
            }
            self.stemmer.stem_in_place(&mut token.text);
            token.offset_from = start;
            token.offset_to = end;
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
    fn apostrophes_join_words_and_possessives_fold() {
        let words = |text: &str| -> Vec<String> { tokens(text).into_iter().map(|t| t.0).collect() };
        assert_eq!(words("Moody's Moody’s Moodyʼs Moody"), ["moodi"; 4]);
        assert_eq!(words("O'Neill said"), ["oneil", "said"]);
        assert_eq!(words("don't Reuters' view"), ["dont", "reuter", "view"]);
        assert_eq!(words("1.6 per cent"), ["1", "6", "per", "cent"]);
        let offsets: Vec<(usize, usize)> = {
            let mut analyzer = TextAnalyzer::from(NewsTokenizer::new(Language::English));
            let mut stream = analyzer.token_stream("Putin’s war");
            let mut out = Vec::new();
            while stream.advance() {
                out.push((stream.token().offset_from, stream.token().offset_to));
            }
            out
        };
        assert_eq!(offsets, [(0, 9), (10, 13)]);
    }

    #[test]
    fn ignorable_characters_join_the_word_and_offsets_stay_the_texts() {
        let text =
            "inter\u{AD}national wea\u{200B}ther \u{FEFF}Kyiv\u{2060} co\u{200C}op \u{200B} end";
        let mut analyzer = TextAnalyzer::from(NewsTokenizer::new(Language::English));
        let mut stream = analyzer.token_stream(text);
        let mut found = Vec::new();
        while stream.advance() {
            let token = stream.token();
            found.push((
                token.text.clone(),
                &text[token.offset_from..token.offset_to],
            ));
        }
        assert_eq!(
            found,
            [
                ("internat".into(), "inter\u{AD}national"),
                ("weather".into(), "wea\u{200B}ther"),
                ("kyiv".into(), "Kyiv"),
                ("coop".into(), "co\u{200C}op"),
                ("end".into(), "end"),
            ]
        );
        let plain: Vec<String> = tokens("international weather Kyiv coop end")
            .into_iter()
            .map(|t| t.0)
            .collect();
        let keys: Vec<String> = found.into_iter().map(|t| t.0).collect();
        assert_eq!(keys, plain);
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
