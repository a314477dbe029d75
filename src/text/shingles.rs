//! Word 3-grams ("shingles") of a text, the measure copies are told by: how much of one
//! text's 3-grams another holds ([`overlap`]), and one number for a text's whole set
//! ([`fingerprint`]), which the index stores per article so that exact copies are
//! found by comparing numbers. Hashes are xxh3, so an index written by one build is
//! read alike by the next.

use std::cmp::Ordering;

use xxhash_rust::xxh3::xxh3_64;

use crate::text::Language;
use crate::text::segment::{push_key, segment};

/// The hashed word 3-grams of `text` (its only "gram" when it has fewer words),
/// sorted, each once. Words are the text layer's pieces (`don't` is `don`, `t`), folded.
pub fn shingles(text: &str) -> Vec<u64> {
    let mut keys: Vec<u64> = Vec::new();
    let mut key = String::new();
    for token in segment(text, Language::English).lean() {
        if !token.is_piece() {
            continue;
        }
        key.clear();
        push_key(&mut key, token.text(text));
        keys.push(xxh3_64(key.as_bytes()));
    }
    let mut bytes = Vec::with_capacity(24);
    let mut grams: Vec<u64> = keys
        .windows(3.min(keys.len()).max(1))
        .map(|gram| {
            bytes.clear();
            for key in gram {
                bytes.extend_from_slice(&key.to_le_bytes());
            }
            xxh3_64(&bytes)
        })
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Shared grams over the grams of the smaller of two [`shingles`], 0–1 (0 when either
/// is empty): how much of the shorter text the longer one holds, so a copy cut short
/// by a re-filing still counts.
pub fn overlap(a: &[u64], b: &[u64]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        0.0
    } else {
        shared as f32 / smaller as f32
    }
}

/// One number for a set of [`shingles`]: two texts with the same 3-grams (the whole
/// of each in the other) have the same fingerprint; 0 is kept for a text without words,
/// which is a copy of nothing.
pub fn fingerprint(grams: &[u64]) -> u64 {
    if grams.is_empty() {
        return 0;
    }
    let bytes: Vec<u8> = grams.iter().flat_map(|gram| gram.to_le_bytes()).collect();
    xxh3_64(&bytes).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refiled_story_differing_in_one_word_overlaps_and_another_story_does_not() {
        let first = "Brazil has set up a special commission to renegotiate its foreign debt \
                     after suspending interest payments on 68 billion dlrs owed to banks.";
        let refiled = first.replace("dlrs", "dollars");
        let other = "Brazil's coffee exports rose in February as growers sold stocks held \
                     back during the drought, the coffee institute said.";
        let (a, b, c) = (shingles(first), shingles(&refiled), shingles(other));
        assert!(overlap(&a, &b) >= 0.75, "{}", overlap(&a, &b));
        assert!(overlap(&a, &c) < 0.05, "{}", overlap(&a, &c));
        assert_eq!(overlap(&a, &a), 1.0);
        // Case is folded away (possessives are pieces of their own: `s`).
        assert_eq!(shingles("BRAZIL Debt TALKS"), shingles("brazil debt talks"));
    }

    #[test]
    fn texts_with_the_same_grams_share_a_fingerprint_and_an_empty_text_has_none() {
        let one = "Oil prices rose on Monday.\n\nOPEC met in Vienna.";
        let same = "OIL prices rose on Monday. OPEC met in Vienna";
        let changed = "Oil prices fell on Monday.\n\nOPEC met in Vienna.";
        assert_eq!(fingerprint(&shingles(one)), fingerprint(&shingles(same)));
        assert_ne!(fingerprint(&shingles(one)), fingerprint(&shingles(changed)));
        assert_eq!(fingerprint(&shingles("")), 0);
        assert_eq!(fingerprint(&shingles(" -- ")), 0);
        assert_ne!(fingerprint(&shingles("word")), 0);
    }
}
