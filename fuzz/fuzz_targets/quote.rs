//! The quote checker's stages on any text: words, alignment, written changes, diff and
//! speaker. The quote is the text before the first NUL (or the first line, with the
//! whole text as passage, so quotes taken from the passage are common). Similarity
//! stays in [0, 1], an exact match is 1.0, a quote aligned with itself is exact, and
//! spans fall on character boundaries.
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use search::quote::align::{Alignment, MatchClass, align, align_all, mark_written_changes};
use search::quote::diff::diff;
use search::quote::speaker::{Person, attribute};
use search::quote::words::{Word, words};
use search::text::{Language, Stemmer};

fn check(passage_text: &str, passage: &[Word], a: &Alignment) {
    assert!((0.0..=1.0).contains(&a.similarity), "{a:?}");
    if a.class == MatchClass::Exact {
        assert_eq!(a.similarity, 1.0);
    }
    assert!(a.span.start < a.span.end && a.span.end <= passage.len());
    let bytes = &a.byte_range;
    assert!(bytes.start < bytes.end && bytes.end <= passage_text.len());
    assert!(passage_text.is_char_boundary(bytes.start));
    assert!(passage_text.is_char_boundary(bytes.end));
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (quote_text, passage_text) = match input.split_once('\0') {
        Some(parts) => parts,
        None => (input.lines().next().unwrap_or(""), &*input),
    };
    let stemmer = RefCell::new(Stemmer::new(Language::default()));
    let stem = |w: &str| stemmer.borrow_mut().stem(w);
    let quote = words(quote_text, &stem);
    let passage = words(passage_text, &stem);
    for word in quote.iter().chain(&passage) {
        assert!(!word.key.is_empty());
    }

    let found = align_all(&quote, std::slice::from_ref(&passage));
    assert_eq!(found, [align(&quote, &passage)]);
    if let Some(mut a) = found.into_iter().next().flatten() {
        check(passage_text, &passage, &a);
        mark_written_changes(&mut a, quote_text, &quote, passage_text, &passage);
        check(passage_text, &passage, &a);
        let _ = diff(quote_text, &quote, passage_text, &passage, &a);
        let people = [
            Person {
                name: "Kim Yong-hyun",
                aliases: &["Kim"],
            },
            Person {
                name: "Kim Jong Un",
                aliases: &["Kim Jong-un"],
            },
        ];
        let said = attribute(passage_text, a.byte_range.clone(), &people);
        if let Some(speaker) = &said.speaker {
            assert!(!speaker.is_empty());
        }
    }
    // Spans that are reversed, out of range or inside a character are read as unquoted.
    let odd = data.len() / 3..data.len() / 2 + 7;
    let _ = attribute(passage_text, odd.clone(), &[]);
    let _ = attribute(passage_text, odd.end..odd.start, &[]);

    if !quote.is_empty() {
        let itself = align(&quote, &quote).expect("a quote aligns with itself");
        check(quote_text, &quote, &itself);
        assert_eq!(itself.similarity, 1.0);
    }
});
