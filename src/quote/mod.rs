//! `search quote`: did someone really say this, where was it first printed, and how did
//! each outlet word it? The index proposes passages ([`candidates`]); each is aligned
//! word by word with the quote ([`align`], on words normalised by [`words`]) to find
//! the span that best reproduces it, scored 0–1 and classed exact, near or paraphrase;
//! the span's differences from the quote become a word diff ([`diff`]) and the figures,
//! sums and negations that differ are listed ([`changes`]); the speaker is
//! read from the text around it ([`speaker`]). Copies of one text (syndicated or
//! duplicated articles) are grouped under one match.

mod across;
pub mod align;
pub(crate) mod candidates;
pub mod changes;
pub mod diff;
pub mod list;
pub mod sentence;
pub mod speaker;
mod walk;
pub mod words;

use std::collections::HashMap;

use crate::entities::{key_of, name_ends};
use crate::error::{Error, Result};
use crate::index::IndexHandle;
use crate::ingest::date::NewsDate;
use crate::query::copies::{self, oldest_first};
use crate::query::limits;
use crate::query::parse::QueryRequest;
use crate::schema::{MAX_WORD_BYTES, text_analyzer};
use crate::text::{Language, detect_language};

pub use align::{
    DEFAULT_MIN_SIMILARITY, MAX_QUOTE_WORDS, MatchClass, SHORT_QUOTE, SHORT_QUOTE_MIN_SIMILARITY,
    default_min_similarity,
};
pub use changes::{Change, ChangeKind};
pub use diff::DiffOp;

use across::Stretch;
use candidates::{Candidates, candidates};
use speaker::Attribution;
use words::{Reader, Word, is_stopword};

/// The quote's first words the index is asked for: enough to find any passage holding
/// the quote, few enough to keep the query fast on a pasted page.
const QUERY_WORDS: usize = 64;

/// How matches are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Most similar first (then oldest first).
    #[default]
    Similarity,
    /// Oldest first, undated last: the earliest source on top.
    Date,
}

/// A quote to check, and how.
#[derive(Debug, Clone)]
pub struct QuoteRequest {
    /// The quote as the user gave it (quotation marks and punctuation are ignored).
    pub text: String,
    /// Matches scoring below this are dropped; `None`: the default for the quote's
    /// length ([`default_min_similarity`]).
    pub min_similarity: Option<f32>,
    /// Only matches attributed to this person (any spelling; a surname will do).
    pub speaker: Option<String>,
    /// How matches are ordered.
    pub order: Order,
    /// At most this many matches (0: all).
    pub limit: usize,
    /// How many of the matches kept (after ordering and `limit`) get their speaker read,
    /// first first (0: all). Reading a speaker reads the passages before the match; a
    /// list, which shows only its best match, asks for one.
    pub speakers_for: usize,
    /// Only these outlets (any of them, case-insensitive).
    pub outlets: Vec<String>,
    /// Only articles in these languages (ISO 639-1 codes, any of them).
    pub langs: Vec<String>,
    /// Only articles dated on or after the start of this date.
    pub since: Option<NewsDate>,
    /// Only articles dated on or before the end of this date.
    pub until: Option<NewsDate>,
    /// Only articles mentioning every one of these entities.
    pub entities: Vec<String>,
}

pub use crate::query::copies::Source;

/// One place the quote appears (with the copies of that text elsewhere).
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMatch {
    /// How much of the quote the span reproduces, in order, 0–1.
    pub similarity: f32,
    /// Exact, near or paraphrase.
    pub class: MatchClass,
    /// Where: the article (the oldest of its copies).
    pub source: Source,
    /// The article's words that match the quote.
    pub matched_text: String,
    /// Word by word: what the article and the quote share, add and lack.
    pub diff: Vec<DiffOp>,
    /// The figures, sums, negations and names that differ, in quote order.
    pub changes: Vec<Change>,
    /// Who the article says spoke the words, when it says (null otherwise).
    pub speaker: Option<String>,
    /// Whether `speaker` is a person the article names in full (not "the official").
    pub speaker_resolved: bool,
    /// Whether the span sits inside quotation marks.
    pub quoted: bool,
    /// Other articles printing the same text (copies, syndication), oldest first.
    pub copies: Vec<Source>,
}

/// What `search quote` found.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteResults {
    /// The matches, in the order asked for.
    pub matches: Vec<QuoteMatch>,
    /// Words of the quote compared (after cutting a long paste).
    pub quote_words: usize,
    /// Words of the quote left out because it was longer than [`MAX_QUOTE_WORDS`].
    pub words_cut: usize,
    /// Passages the index proposed and the aligner read.
    pub candidates: usize,
    /// The similarity a match needed: the one asked for, or the quote's default.
    pub min_similarity: f32,
}

/// Finds where the quote appears, exactly or not, in what `searcher` sees.
pub fn check(
    handle: &IndexHandle,
    searcher: &tantivy::Searcher,
    request: &QuoteRequest,
) -> Result<QuoteResults> {
    // The quote is read in its language, and in the other one when a Cyrillic quote
    // could be Ukrainian or Russian; it is compared with passages of those languages.
    let readers: Vec<Reader> = quote_languages(&request.text)
        .into_iter()
        .map(Reader::new)
        .collect();
    let mut quotes: Vec<Vec<Word>> = readers.iter().map(|r| r.words(&request.text)).collect();
    let quote = &quotes[0];
    if quote.is_empty() {
        return Err(Error::BadQuery(
            "the quote has no words — give the words to check, e.g. search quote \"we assess that …\""
                .to_owned(),
        ));
    }
    if quote.iter().all(is_stopword) {
        return Err(Error::BadQuery(format!(
            "the quote is only common words ({}) — add the words that make it distinctive",
            request.text.trim()
        )));
    }
    let words_cut = quote.len().saturating_sub(MAX_QUOTE_WORDS);
    for quote in &mut quotes {
        quote.truncate(MAX_QUOTE_WORDS);
    }
    let quote = &quotes[0];
    let min_similarity = request
        .min_similarity
        .unwrap_or_else(|| align::default_min_similarity(quote));
    if quote.iter().all(|w| w.range.len() >= MAX_WORD_BYTES) {
        // No word the index holds: nothing can match.
        return Ok(QuoteResults {
            matches: Vec::new(),
            quote_words: quote.len(),
            words_cut: 0,
            candidates: 0,
            min_similarity,
        });
    }
    let query_end = quote[..quote.len().min(QUERY_WORDS)]
        .last()
        .map_or(0, |w| w.range.end);
    // A quote word such as `1.2.3.4` is several words to the index: the query stays
    // within what a query may have.
    let query_end = limits::word_end(&request.text[..query_end], &mut text_analyzer());
    // An English quote is asked of every passage, as always; another language's only of
    // its own (unless the user chose languages).
    let english = readers[0].lang() == Language::English;
    let langs = if english || !request.langs.is_empty() {
        request.langs.clone()
    } else {
        readers
            .iter()
            .filter_map(|r| r.lang().code().map(str::to_owned))
            .collect()
    };
    let found = candidates(
        handle,
        searcher,
        &QueryRequest {
            text: request.text[..query_end].to_owned(),
            plain: true,
            outlets: request.outlets.clone(),
            langs,
            since: request.since,
            until: request.until,
            entities: request.entities.clone(),
        },
    )?;
    let quote_text = &request.text[..quote.last().map_or(0, |w| w.range.end)];
    // Which reader reads each candidate: its language's (none: not compared).
    let reader_of: Vec<Option<usize>> = found
        .found
        .iter()
        .map(|(_, stored)| {
            if english {
                return Some(0);
            }
            let lang = stored.language();
            readers.iter().position(|r| r.lang() == lang)
        })
        .collect();
    let passages: Vec<Vec<Word>> = found
        .found
        .iter()
        .zip(&reader_of)
        .map(|((_, stored), k)| k.map_or_else(Vec::new, |k| readers[k].words(&stored.text)))
        .collect();
    let mut alignments: Vec<Option<align::Alignment>> = vec![None; passages.len()];
    for (k, quote) in quotes.iter().enumerate() {
        let mine: Vec<usize> = (0..passages.len())
            .filter(|&i| reader_of[i] == Some(k))
            .collect();
        let aligned = align::align_all(
            quote,
            &mine.iter().map(|&i| &passages[i]).collect::<Vec<_>>(),
        );
        for (i, alignment) in mine.into_iter().zip(aligned) {
            alignments[i] = alignment;
        }
    }
    let mut matches: Vec<Found> = Vec::new();
    // With `--speaker`, every match's speaker decides whether it is kept; otherwise
    // speakers are read after the cut, for the matches shown.
    let eager = request.speaker.is_some();
    // Passages joined across a break are found from each of them: one match, the
    // most similar.
    // Where each match starts (article, passage, byte), and its place in `matches`.
    let mut seen: HashMap<(String, u64, usize), usize> = HashMap::new();
    for (i, (passage_words, alignment)) in passages.iter().zip(alignments).enumerate() {
        let (Some(alignment), Some(k)) = (alignment, reader_of[i]) else {
            continue;
        };
        if alignment.similarity < min_similarity.min(across::FLOOR) {
            continue;
        }
        let (quote, reader) = (&quotes[k], &readers[k]);
        let mut stretch = across::stretch(
            &found,
            i,
            quote,
            reader,
            passage_words,
            alignment,
            min_similarity,
        )?;
        let (text, words) = (&stretch.doc.text, &*stretch.words);
        let mut alignment = stretch.alignment.clone();
        align::mark_written_changes(&mut alignment, quote_text, quote, text, words);
        if alignment.similarity < min_similarity {
            continue;
        }
        // The quote against its source sentence: the words placed there are shown (a
        // changed spelling among them too), the similarity stays the span's.
        let sentence = sentence::sentence_of(text, words, alignment.span.clone());
        let (similarity, class) = (alignment.similarity, alignment.class);
        sentence::widen(&mut alignment, quote, words, sentence.clone());
        align::mark_written_changes(&mut alignment, quote_text, quote, text, words);
        (alignment.similarity, alignment.class) = (similarity, class);
        let (passage, offset) = stretch.passage_at(alignment.byte_range.start);
        let key = (stretch.doc.source.article_id.clone(), passage, offset);
        let earlier = seen.get(&key).copied();
        if earlier.is_some_and(|k: usize| matches[k].0.similarity >= alignment.similarity) {
            continue;
        }
        stretch.alignment = alignment;
        let span = stretch.alignment.byte_range.clone();
        let attribution = if eager {
            Some(attribute(
                &found,
                stretch.address,
                &stretch.doc,
                span.clone(),
            )?)
        } else {
            None
        };
        let aligned = Aligned {
            quote_text,
            quote,
            stretch: &stretch,
            sentence,
        };
        if let Some((matched, words_key)) = match_candidate(&aligned, attribution.as_ref(), request)
        {
            let pending = (!eager).then_some(Pending {
                address: stretch.address,
                doc: stretch.doc,
                span,
            });
            let matched = (matched, words_key, pending);
            match earlier {
                Some(k) => matches[k] = matched,
                None => {
                    seen.insert(key, matches.len());
                    matches.push(matched);
                }
            }
        }
    }
    let mut matches = group_copies(matches);
    order(&mut matches, request.order);
    if request.limit > 0 {
        matches.truncate(request.limit);
    }
    let wanted = match request.speakers_for {
        0 => matches.len(),
        n => n.min(matches.len()),
    };
    for (matched, _, pending) in &mut matches[..wanted] {
        if let Some(Pending { address, doc, span }) = pending.take() {
            let attribution = attribute(&found, address, &doc, span)?;
            matched.speaker = attribution.speaker;
            matched.speaker_resolved = attribution.resolved;
            matched.quoted = attribution.quoted;
        }
    }
    Ok(QuoteResults {
        matches: matches.into_iter().map(|(m, _, _)| m).collect(),
        quote_words: quotes[0].len(),
        words_cut,
        candidates: found.found.len(),
        min_similarity,
    })
}

/// The languages a quote is read in, the first its own: the detector's language for
/// Korean, and for Ukrainian or Russian when it is sure; both Cyrillic languages, the
/// likelier first, when a short quote leaves it unsure; English for Latin script or
/// text with no letters it reads, as every quote was read before languages were told
/// apart.
fn quote_languages(text: &str) -> Vec<Language> {
    match detect_language("", text) {
        Some(found) if found.code == "ko" => vec![Language::Korean],
        Some(found) if found.code == "uk" || found.code == "ru" => {
            let lang = Language::of_code(Some(found.code));
            let other = if lang == Language::Ukrainian {
                Language::Russian
            } else {
                Language::Ukrainian
            };
            if found.sure {
                vec![lang]
            } else {
                vec![lang, other]
            }
        }
        _ => vec![Language::English],
    }
}

/// A match, the keys of its passage's words (which identify copies), and where its
/// speaker is still to be read.
type Found = (QuoteMatch, String, Option<Pending>);

/// What reading a match's speaker needs: its passage (or passages joined across a
/// break) and the matched bytes in it.
struct Pending {
    address: tantivy::DocAddress,
    doc: crate::index::store::PassageDoc,
    span: std::ops::Range<usize>,
}

/// Who the text says spoke the bytes `span` of `doc` (at `address`): the passages before
/// it are read for the people and the attribution around them.
fn attribute(
    found: &Candidates<'_>,
    address: tantivy::DocAddress,
    doc: &crate::index::store::PassageDoc,
    span: std::ops::Range<usize>,
) -> Result<Attribution> {
    let surroundings = found.surroundings_of(address, doc, &doc.text)?;
    let people: Vec<speaker::Person<'_>> = surroundings
        .people
        .iter()
        .map(|name| speaker::Person { name, aliases: &[] })
        .collect();
    let start = surroundings.passage_start;
    Ok(speaker::attribute_in(
        doc.language(),
        &surroundings.context,
        start + span.start..start + span.end,
        &people,
        &surroundings.lead,
    ))
}

/// A quote aligned with one candidate passage (or passages joined across a break).
struct Aligned<'a> {
    quote_text: &'a str,
    quote: &'a [Word],
    stretch: &'a Stretch<'a>,
    /// The words of the sentence(s) the span came from.
    sentence: std::ops::Range<usize>,
}

/// The match in a candidate passage (if the text says it was said by the speaker asked
/// for), with the passage's words' keys, which identify copies.
fn match_candidate(
    aligned: &Aligned<'_>,
    attribution: Option<&Attribution>,
    request: &QuoteRequest,
) -> Option<(QuoteMatch, String)> {
    let Aligned {
        quote_text,
        quote,
        stretch,
        ref sentence,
    } = *aligned;
    let (stored, passage_words, alignment) = (&stretch.doc, &*stretch.words, &stretch.alignment);
    let passage = &stored.text;
    let span = alignment.byte_range.clone();
    if let Some(wanted) = &request.speaker
        && !attribution
            .and_then(|a| a.speaker.as_deref())
            .is_some_and(|said| same_person(said, wanted))
    {
        return None;
    }
    let attribution = attribution.cloned().unwrap_or_default();
    let changes = changes::changes(quote_text, quote, passage, passage_words, &alignment.pairs);
    // A changed figure, sum or negation is never exact.
    let class = match alignment.class {
        MatchClass::Exact if !changes.is_empty() => MatchClass::Near,
        class => class,
    };
    let copy_key = passage_words
        .iter()
        .map(|w| w.key.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some((
        QuoteMatch {
            // Three decimals are all a reader can use, and keep output stable.
            similarity: (alignment.similarity * 1000.0).round() / 1000.0,
            class,
            source: Source {
                line: stretch.line_of(span.start, |before| {
                    lines_before(&stored.source.path, before)
                }),
                ..stored.source.clone()
            },
            matched_text: passage[span].to_owned(),
            diff: diff::in_sentence(
                quote_text,
                quote,
                passage,
                passage_words,
                alignment,
                sentence.clone(),
            ),
            changes,
            speaker: attribution.speaker,
            speaker_resolved: attribution.resolved,
            quoted: attribution.quoted,
            copies: Vec::new(),
        },
        copy_key,
    ))
}

/// Lines between a passage's first line and its matched words, in files whose lines
/// are the body's lines (plain text and Markdown; a JSON Lines record is one line, and
/// a web page's passage starts at its block's line).
fn lines_before(path: &str, before: &str) -> u64 {
    let text_file = [".txt", ".md", ".markdown", ".text"]
        .iter()
        .any(|ext| path.to_ascii_lowercase().ends_with(ext));
    if text_file {
        before.matches('\n').count() as u64
    } else {
        0
    }
}

/// Whether the speaker the text names is the person asked for: the same name in any
/// spelling, or their first or last name alone ("Kim Yong-hyun" for `--speaker "Mr
/// Kim"` is too loose, so honorifics are dropped first and a lone word must be a whole
/// first or last name).
fn same_person(said: &str, wanted: &str) -> bool {
    let strip = |name: &str| {
        let key = key_of(name);
        ["mr ", "mrs ", "ms ", "dr "]
            .iter()
            .find_map(|h| key.strip_prefix(h).map(str::to_owned))
            .unwrap_or(key)
    };
    let (said, wanted) = (strip(said), strip(wanted));
    if said.is_empty() || wanted.is_empty() {
        return false;
    }
    said == wanted
        || (!wanted.contains(' ')
            && name_ends(&said).is_some_and(|(first, last)| first == wanted || last == wanted))
}

/// Matches whose passages are the same text (after normalisation) are one match: the
/// oldest keeps the place and lists the others as copies.
fn group_copies(matches: Vec<Found>) -> Vec<Found> {
    let keys: Vec<String> = matches.iter().map(|(_, key, _)| key.clone()).collect();
    copies::group(
        matches,
        |(a, _, _), (b, _, _)| oldest_first(&a.source, &b.source),
        |i, j| keys[i] == keys[j],
    )
    .into_iter()
    .map(|((mut first, key, pending), group)| {
        first.copies = group.into_iter().map(|(copy, _, _)| copy.source).collect();
        (first, key, pending)
    })
    .collect()
}

fn order(matches: &mut [Found], order: Order) {
    let by_similarity = |a: &QuoteMatch, b: &QuoteMatch| b.similarity.total_cmp(&a.similarity);
    matches.sort_by(|(a, _, _), (b, _, _)| match order {
        Order::Similarity => by_similarity(a, b).then_with(|| oldest_first(&a.source, &b.source)),
        Order::Date => oldest_first(&a.source, &b.source).then_with(|| by_similarity(a, b)),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_read_for_the_first_matches_asked_for_unless_one_is_wanted() {
        use crate::index::fixture::{Doc, indexed};
        let dir = tempfile::tempdir().unwrap();
        let said = |name: &'static str, date: &'static str, speaker: &'static str| Doc {
            name,
            outlet: None,
            date: Some(date),
            title: Some("Talks"),
            body: match speaker {
                "Kim" => {
                    "Talks went on.\n\n\"We assess that casualties are highly likely among the officers,\" Kim Yong-hyun said.\n"
                }
                _ => {
                    "Talks went on.\n\n\"We assess that casualties are likely among the officers,\" Shin Won-sik said.\n"
                }
            },
        };
        let engine = indexed(
            dir.path(),
            &[
                said("a.md", "2024-10-08", "Kim"),
                said("b.md", "2024-10-09", "Shin"),
            ],
        );
        let request = |speakers_for: usize, speaker: Option<&str>| QuoteRequest {
            text: "We assess that casualties are highly likely among the officers".to_owned(),
            min_similarity: Some(0.5),
            speaker: speaker.map(str::to_owned),
            order: Order::Similarity,
            limit: 0,
            speakers_for,
            outlets: Vec::new(),
            langs: Vec::new(),
            since: None,
            until: None,
            entities: Vec::new(),
        };
        let speakers = |results: QuoteResults| -> Vec<Option<String>> {
            results.matches.into_iter().map(|m| m.speaker).collect()
        };
        let all = engine.quote(&request(0, None)).unwrap();
        assert_eq!(
            speakers(all),
            [
                Some("Kim Yong-hyun".to_owned()),
                Some("Shin Won-sik".to_owned())
            ]
        );
        let first = engine.quote(&request(1, None)).unwrap();
        assert_eq!(speakers(first), [Some("Kim Yong-hyun".to_owned()), None]);
        // A speaker asked for is read for every match, whatever the count.
        let wanted = engine.quote(&request(1, Some("Shin"))).unwrap();
        assert_eq!(speakers(wanted), [Some("Shin Won-sik".to_owned())]);
    }

    #[test]
    fn speakers_match_by_any_spelling_or_a_whole_first_or_last_name() {
        assert!(same_person("Kim Yong-hyun", "kim yong hyun"));
        assert!(!same_person("Kim Yong-hyun", "Yong-hyun"));
        assert!(same_person("Antony Blinken", "Blinken"));
        assert!(same_person("Mr Kim", "Kim"));
        assert!(!same_person("Kim Jong Un", "Kim Yong-hyun"));
        assert!(!same_person("the official", ""));
    }
}
