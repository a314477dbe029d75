//! The one analysis layer: what a word is, how words compare, where sentences end, and
//! the word lists the readers of text consult. Every reader of text — the index's
//! analyzer, the query parser and highlighter, passage cutting, entity extraction, the
//! quote aligner and speaker reader — goes through it, so they agree.
//!
//! - [`segment`]: the one segmenter — tokens with byte ranges, kinds (word, number,
//!   ideograph, currency, percent), what separates each from the one before,
//!   capitalisation, sentence starts and quotation depth; [`chars`] holds its character
//!   classes.
//! - [`words`]: tokens joined into the words readers compare (`don't`, `1.6`), with keys;
//!   [`number`]: numbers with their currency and percent signs.
//! - [`fold`]: the one fold (case, accents, ligatures); [`stem`]: a memoised stemmer per
//!   language; [`stopwords`]: the one stopword list (function words).
//! - [`sentence`]: the one sentence splitter.
//! - [`shingles`]: word 3-grams, how much of one text another holds, and a text's
//!   fingerprint (what copies are told by).
//! - [`lexicon`]: the word lists, as data files compiled in.
//! - [`analyzer`]: the index's tantivy tokenizer over all of it.
//! - [`detect`]: which language a text is written in (en, uk, ru, ko).
//!
//! Every entry point takes a [`Language`]: English is the only one today, and nothing
//! outside this layer knows which languages there are.

pub mod analyzer;
pub mod chars;
pub mod detect;
pub mod distance;
pub mod fold;
pub mod lexicon;
pub mod number;
pub mod segment;
pub mod sentence;
pub mod shingles;
pub mod stem;
pub mod stopwords;
pub mod words;

pub use analyzer::{MAX_WORD_BYTES, NewsTokenizer};
pub use detect::{Detection, detect_language};
pub use fold::fold;
pub use lexicon::{Class, Gender, Lexicon, lexicon};
pub use segment::{Gap, Kind, Segmenter, Token, segment, segment_from};
pub use sentence::sentences;
pub use stem::Stemmer;
pub use stopwords::{is_function_word, weighs_less};
pub use words::for_each_word;

/// The language a text is analysed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English: Snowball's English stemmer, English function words and word lists. The
    /// language of text whose language is not known.
    #[default]
    English,
}

impl Language {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
        }
    }
}
