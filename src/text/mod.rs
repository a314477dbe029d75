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
//!   language, with `stem_irregular`'s closed list of Ukrainian and Russian nouns whose
//!   stem alternates; [`stopwords`]: the one stopword list (function words); [`negation`]:
//!   the words that negate, per language.
//! - [`compare`]: the keys a quote compares words by (stems; Korean words without the
//!   [`particles`] written onto them).
//! - [`sentence`]: the one sentence splitter.
//! - [`shingles`]: word 3-grams, how much of one text another holds, and a text's
//!   fingerprint (what copies are told by).
//! - [`lexicon`]: the word lists, as data files compiled in.
//! - [`analyzer`]: the index's tantivy tokenizer over all of it.
//! - [`detect`]: which language a text is written in (en, uk, ru, ko).
//!
//! Every entry point takes a [`Language`] (English, Ukrainian, Russian, Korean, or any
//! other); nothing outside this layer knows which languages there are or how each is
//! analysed. The analyzer, the stemmer and the quote's keys tell them apart; the quote's
//! stopwords, negations and figures know Ukrainian, Russian and Korean too, while the
//! query's stopwords are English only, and the lexicon has English lists and the few
//! Ukrainian and Russian ones the entity rules read.

pub mod analyzer;
pub mod chars;
pub mod compare;
pub mod detect;
pub mod distance;
pub mod fold;
pub mod lexicon;
pub mod negation;
pub mod number;
pub mod particles;
pub mod segment;
pub mod sentence;
pub mod shingles;
pub mod stem;
mod stem_irregular;
pub mod stopwords;
pub mod words;

pub use analyzer::{MAX_WORD_BYTES, NewsTokenizer, pre_analyze};
pub use compare::WordKeys;
pub use detect::{Detection, detect_language};
pub use fold::fold;
pub use lexicon::{Class, Gender, Lexicon, lexicon};
pub use segment::{Gap, Kind, Segmenter, Token, segment, segment_from};
pub use sentence::sentences;
pub use stem::Stemmer;
pub use stopwords::{is_function_word, weighs_less};
pub use words::for_each_word;

/// The language a text is analysed as: which stemmer, word lists and word-splitting
/// apply. An article's settled language code ([`Language::of_code`]) picks it; each
/// language has its own indexed text field, so its postings and scores are its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English: Snowball's English stemmer, English function words and word lists. The
    /// language of the word lists the readers of text use when they are given none.
    #[default]
    English,
    /// Ukrainian: the Snowball Ukrainian stemmer (`snowball_stemmers_rs`; upstream
    /// Snowball has none), `ё` read as `е`, in-word apostrophes (`з’явилися`) kept
    /// joining the word.
    Ukrainian,
    /// Russian: Snowball's Russian stemmer, `ё` read as `е`.
    Russian,
    /// Korean: words cut into overlapping Hangul syllable pairs (`북한군이` → `북한`,
    /// `한군`, `군이`), so a noun is found inside the word its particle is written onto;
    /// a one-syllable word stays whole.
    Korean,
    /// Any other language, or none known: words folded, not stemmed.
    Other,
}

impl Language {
    /// Every language, in the order of their indexed fields.
    pub const ALL: [Language; 5] = [
        Language::English,
        Language::Ukrainian,
        Language::Russian,
        Language::Korean,
        Language::Other,
    ];

    /// The ISO 639-1 code; `None` for [`Language::Other`], which stands for many.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Language::English => Some("en"),
            Language::Ukrainian => Some("uk"),
            Language::Russian => Some("ru"),
            Language::Korean => Some("ko"),
            Language::Other => None,
        }
    }

    /// The language an article with this settled language code is analysed as: `en`,
    /// `uk`, `ru` and `ko` their own, any other code (or none: text with no letters of
    /// a script the detector reads) [`Language::Other`].
    pub fn of_code(code: Option<&str>) -> Language {
        match code {
            Some("en") => Language::English,
            Some("uk") => Language::Ukrainian,
            Some("ru") => Language::Russian,
            Some("ko") => Language::Korean,
            _ => Language::Other,
        }
    }

    /// Where the language stands in [`Language::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether its words are written in Cyrillic, where `ё` is read as `е`.
    pub fn is_cyrillic(self) -> bool {
        matches!(self, Language::Ukrainian | Language::Russian)
    }
}
