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
//!
//! Each [`Language`] has its analyzer: English, Russian and Ukrainian words stemmed by
//! their Snowball stemmers (`з’явилися` one word, `ё` read as `е`), other languages'
//! words folded only. Korean is written with particles and endings on the noun
//! (`북한군이`, "the North Korean army" + subject particle), and the dictionaries of
//! Korean morphological analysers cannot be built here, so a run of Hangul syllables
//! becomes its overlapping syllable pairs (`북한`, `한군`, `군이`), each a token with its
//! own position and byte range; a one-syllable word stays whole. A query analysed the
//! same way finds `북한` inside `북한군이`, and `북한군` (`북한`, `한군`) as a phrase.

use tantivy::tokenizer::{Token as TantivyToken, TokenStream, Tokenizer};

use std::collections::VecDeque;
use std::iter::Peekable;

use super::Language;
use super::chars::{is_apostrophe, is_ignorable};
use super::fold::is_combining_mark;
use super::segment::{Gap, Kind, Segmenter, Token, push_key, segment};
use super::stem::Stemmer;

/// Pieces this long (in bytes) or longer are not indexed.
pub const MAX_WORD_BYTES: usize = 40;

/// What starts a value analysed before it reached the index
/// ([`NewsTokenizer::pre_analyze`]): the analyzer replays its keys instead of reading it
/// as text. Control characters and a noncharacter, which no text that means anything
/// starts with; a value that does anyway (a crafted headline or query) only reads as
/// odd keys of its own, and a passage's text is always read as text.
pub const PRE_ANALYZED: &str = "\u{0}\u{FFFF}\u{0}";
/// Between the position slots of a pre-analysed value.
const SLOT: char = '\u{1}';

/// The analyzer of article text for one language.
#[derive(Clone)]
pub struct NewsTokenizer {
    lang: Language,
    stemmer: Stemmer,
    token: TantivyToken,
    pending: VecDeque<Piece>,
}

/// A token of a Korean word waiting to be handed out: its key (empty for a piece left
/// out, which only takes a position) and its byte range.
#[derive(Clone)]
struct Piece {
    key: String,
    start: usize,
    end: usize,
}

impl NewsTokenizer {
    /// The analyzer for `lang`.
    pub fn new(lang: Language) -> Self {
        NewsTokenizer {
            lang,
            stemmer: Stemmer::new(lang),
            token: TantivyToken::default(),
            pending: VecDeque::new(),
        }
    }

    /// `text` analysed now, as a value this analyzer replays when the index reads it:
    /// [`PRE_ANALYZED`], then each position's key (empty for a position left out), the
    /// keys apart by a control character. Indexing a passage this way moves its analysis
    /// off tantivy's indexing thread, onto the thread that read the article; the index
    /// holds exactly the terms and positions the text itself would give.
    pub fn pre_analyze(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + PRE_ANALYZED.len());
        out.push_str(PRE_ANALYZED);
        // Read as text even if it starts like a pre-analysed value.
        let mut stream = self.stream(text, None);
        let mut slots = 0usize;
        while stream.advance() {
            let token = stream.token();
            while slots <= token.position {
                if slots > 0 {
                    out.push(SLOT);
                }
                slots += 1;
            }
            out.push_str(&token.text);
        }
        out
    }

    /// The token stream over `text`, or over the keys `replay` when given.
    fn stream<'a>(&'a mut self, text: &'a str, replay: Option<&'a str>) -> NewsTokenStream<'a> {
        self.token.reset();
        self.pending.clear();
        NewsTokenStream {
            text,
            tokens: segment(if replay.is_some() { "" } else { text }, self.lang)
                .lean()
                .peekable(),
            replay: replay.map(|keys| keys.split(SLOT)),
            stemmer: &mut self.stemmer,
            token: &mut self.token,
            syllables: (self.lang == Language::Korean).then_some(&mut self.pending),
        }
    }
}

thread_local! {
    /// Each thread's analyzers, one per language, kept so their stem memos stay warm.
    static ANALYZERS: std::cell::RefCell<Vec<Option<NewsTokenizer>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// [`NewsTokenizer::pre_analyze`] with this thread's analyzer for `lang`.
pub fn pre_analyze(lang: Language, text: &str) -> String {
    ANALYZERS.with_borrow_mut(|analyzers| {
        if analyzers.len() <= lang.index() {
            analyzers.resize_with(Language::ALL.len(), || None);
        }
        analyzers[lang.index()]
            .get_or_insert_with(|| NewsTokenizer::new(lang))
            .pre_analyze(text)
    })
}

impl Tokenizer for NewsTokenizer {
    type TokenStream<'a> = NewsTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NewsTokenStream<'a> {
        let replay = text.strip_prefix(PRE_ANALYZED);
        self.stream(text, replay)
    }
}

/// The token stream of [`NewsTokenizer`].
pub struct NewsTokenStream<'a> {
    text: &'a str,
    tokens: Peekable<Segmenter<'a>>,
    /// The keys of a pre-analysed value, one per position.
    replay: Option<std::str::Split<'a, char>>,
    stemmer: &'a mut Stemmer,
    token: &'a mut TantivyToken,
    /// For Korean: the syllable pairs of the current word still to hand out.
    syllables: Option<&'a mut VecDeque<Piece>>,
}

impl NewsTokenStream<'_> {
    /// The next Korean token: the pieces of each word in turn ([`korean_pieces`]).
    fn advance_korean(&mut self) -> bool {
        let Some(pending) = self.syllables.as_deref_mut() else {
            return false;
        };
        loop {
            while let Some(piece) = pending.pop_front() {
                let token = &mut *self.token;
                token.position = token.position.wrapping_add(1);
                if piece.key.is_empty() {
                    continue;
                }
                token.text = piece.key;
                token.offset_from = piece.start;
                token.offset_to = piece.end;
                return true;
            }
            let Some(word) = self.tokens.by_ref().find(Token::is_piece) else {
                return false;
            };
            korean_pieces(self.text, word.start, word.end, pending);
        }
    }

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
        if let Some(keys) = self.replay.as_mut() {
            for key in keys.by_ref() {
                let token = &mut *self.token;
                token.position = token.position.wrapping_add(1);
                if key.is_empty() {
                    continue;
                }
                token.text.clear();
                token.text.push_str(key);
                return true;
            }
            return false;
        }
        if self.syllables.is_some() {
            return self.advance_korean();
        }
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

/// Whether `c` is a precomposed Hangul syllable.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The tokens of the Korean word at `start..end` of `text`, pushed to `out`: each run
/// of Hangul syllables as its overlapping pairs (one syllable alone as itself), each
/// run of anything else (Latin, digits, jamo) as one folded key; a run of
/// [`MAX_WORD_BYTES`] or more is pushed with no key, so it keeps its position. Marks
/// and ignorable characters inside a run are read through.
fn korean_pieces(text: &str, start: usize, end: usize, out: &mut VecDeque<Piece>) {
    let word = &text[start..end];
    // (byte offset, char) of the syllables in the current Hangul run.
    let mut syllables: Vec<(usize, char)> = Vec::new();
    let mut other: Option<usize> = None;
    let flush_syllables = |syllables: &mut Vec<(usize, char)>, out: &mut VecDeque<Piece>| {
        let span = |i: usize| {
            let (at, c): (usize, char) = syllables[i];
            (start + at, start + at + c.len_utf8())
        };
        match syllables.len() {
            0 => {}
            1 => {
                let (from, to) = span(0);
                out.push_back(Piece {
                    key: syllables[0].1.to_string(),
                    start: from,
                    end: to,
                });
            }
            n => {
                for i in 0..n - 1 {
                    let mut key = String::with_capacity(6);
                    key.push(syllables[i].1);
                    key.push(syllables[i + 1].1);
                    out.push_back(Piece {
                        key,
                        start: span(i).0,
                        end: span(i + 1).1,
                    });
                }
            }
        }
        syllables.clear();
    };
    let flush_other = |from: usize, to: usize, out: &mut VecDeque<Piece>| {
        let mut key = String::new();
        push_key(&mut key, &word[from..to]);
        if key.is_empty() {
            return;
        }
        if to - from >= MAX_WORD_BYTES {
            key.clear();
        }
        out.push_back(Piece {
            key,
            start: start + from,
            end: start + to,
        });
    };
    for (at, c) in word.char_indices() {
        if is_hangul_syllable(c) {
            if let Some(from) = other.take() {
                flush_other(from, at, out);
            }
            syllables.push((at, c));
        } else if !syllables.is_empty() && (is_ignorable(c) || is_combining_mark(c)) {
            // Read through, inside a run of syllables.
        } else {
            flush_syllables(&mut syllables, out);
            other.get_or_insert(at);
        }
    }
    flush_syllables(&mut syllables, out);
    if let Some(from) = other {
        flush_other(from, word.len(), out);
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

    /// `(key, text it covers, position)` of each token of `text` in `lang`.
    fn read(lang: Language, text: &str) -> Vec<(String, String, usize)> {
        let mut analyzer = TextAnalyzer::from(NewsTokenizer::new(lang));
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let token = stream.token();
            out.push((
                token.text.clone(),
                text[token.offset_from..token.offset_to].to_owned(),
                token.position,
            ));
        }
        out
    }

    fn keys(lang: Language, text: &str) -> Vec<String> {
        read(lang, text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn korean_words_are_overlapping_syllable_pairs() {
        let found = read(Language::Korean, "북한군이 왔다 차 UN-군 500만원");
        let shown: Vec<(&str, &str, usize)> = found
            .iter()
            .map(|(k, t, p)| (k.as_str(), t.as_str(), *p))
            .collect();
        assert_eq!(
            shown,
            [
                ("북한", "북한", 0),
                ("한군", "한군", 1),
                ("군이", "군이", 2),
                ("왔다", "왔다", 3),
                ("차", "차", 4),
                ("un", "UN", 5),
                ("군", "군", 6),
                ("500", "500", 7),
                ("만원", "만원", 8),
            ]
        );
        // A query word reads the same way, so `북한` is one of `북한군이`'s tokens.
        assert_eq!(keys(Language::Korean, "북한"), ["북한"]);
    }

    #[test]
    fn cyrillic_words_keep_their_apostrophes_and_read_yo_as_ye() {
        for lang in [Language::Ukrainian, Language::Russian] {
            let straight = keys(lang, "з'явилися");
            assert_eq!(straight.len(), 1, "{lang:?}");
            assert_eq!(keys(lang, "З’явилися"), straight, "{lang:?}");
            assert_eq!(keys(lang, "зʼявилися"), straight, "{lang:?}");
        }
        assert_eq!(
            keys(Language::Russian, "Ещё ёлка"),
            keys(Language::Russian, "еще елка")
        );
        assert_eq!(
            keys(Language::Ukrainian, "Офіцерів офіцерами"),
            keys(Language::Ukrainian, "офіцер офіцер")
        );
        assert_eq!(
            keys(Language::Russian, "Офицеров офицерами"),
            keys(Language::Russian, "офицер офицер")
        );
    }

    #[test]
    fn a_pre_analysed_value_replays_the_same_keys_at_the_same_positions() {
        let long = "x".repeat(MAX_WORD_BYTES);
        for (lang, text) in [
            (
                Language::English,
                format!("Moody's cut {long} Kyiv's rating, $5 10% O'Neill said"),
            ),
            (
                Language::Ukrainian,
                "Збройні сили з’явилися під Донецьком".to_owned(),
            ),
            (
                Language::Korean,
                "북한군이 왔다 차 UN-군 500만원".to_owned(),
            ),
            (Language::English, String::new()),
            // A text starting like a pre-analysed value, or with a NUL, is read as text.
            (Language::English, format!("{PRE_ANALYZED}Oil prices fell")),
            (Language::English, "\u{0}Oil prices fell".to_owned()),
        ] {
            let keys_at = |text: &str| -> Vec<(String, usize)> {
                read(lang, text)
                    .into_iter()
                    .map(|(k, _, p)| (k, p))
                    .collect()
            };
            // (A text that starts with the marker is read as text: the marker is no word.)
            let direct = keys_at(&text.replacen(PRE_ANALYZED, " ", 1));
            let keys = NewsTokenizer::new(lang).pre_analyze(&text);
            assert!(keys.starts_with(PRE_ANALYZED));
            assert_eq!(keys_at(&keys), direct, "{lang:?}: {text}");
            assert_eq!(pre_analyze(lang, &text), keys);
        }
        // The long word's position stays empty.
        let keys = NewsTokenizer::new(Language::English).pre_analyze(&format!("a {long} b"));
        assert_eq!(keys, format!("{PRE_ANALYZED}a\u{1}\u{1}b"));
    }

    #[test]
    fn other_languages_are_folded_not_stemmed() {
        assert_eq!(
            keys(Language::Other, "Soldaten Café running"),
            ["soldaten", "cafe", "running"]
        );
    }
}
