//! Names in Korean text, found by the gazetteer alone: Korean has no capital letters to
//! start a name, and a particle or a noun is written onto the name it follows
//! (`북한군이` is 북한 + 군 + 이, `김정은에게` 김정은 + 에게). A word, or a few words
//! separated by single spaces (`블라디미르 푸틴`), is a name when it starts with a
//! gazetteer's Hangul name and the rest of its last word is made of the endings in
//! `data/text/ko/name_suffixes.txt` (at most three). Built on first use.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer::{gazetteer, rows_of};

const SUFFIXES: &str = include_str!("../../data/text/ko/name_suffixes.txt");

/// How many endings may follow a name in one word.
const MAX_SUFFIXES: usize = 3;

/// The gazetteer's Hangul names.
struct Names {
    /// Surface form (words separated by one space) → gazetteer entry.
    by_name: HashMap<&'static str, usize>,
    /// The most words a Hangul surface form spans.
    longest: usize,
    /// What may follow a name inside its word.
    suffixes: HashSet<&'static str>,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let g = gazetteer();
    let mut by_name = HashMap::default();
    let mut longest = 0;
    for (index, surface) in g.surfaces.iter().enumerate() {
        if surface.chars().any(is_hangul) && surface.chars().all(|c| is_hangul(c) || c == ' ') {
            longest = longest.max(surface.split(' ').count());
            by_name.entry(*surface).or_insert(index);
        }
    }
    Names {
        by_name,
        longest,
        suffixes: rows_of(SUFFIXES).collect(),
    }
});

/// A Hangul syllable.
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Hangul words: runs of syllables, and whether one space alone separates each from the
/// one before.
fn hangul_words(text: &str) -> Vec<(&str, bool)> {
    let mut words = Vec::new();
    let mut start = None;
    let mut last_end = usize::MAX;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_hangul(c), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                let joined = last_end != usize::MAX && &text[last_end..from] == " ";
                words.push((&text[from..i], joined));
                last_end = i;
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Whether `rest` is made of at most `left` endings.
fn endings_only(rest: &str, suffixes: &HashSet<&str>, left: usize) -> bool {
    if rest.is_empty() {
        return true;
    }
    left > 0
        && rest
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain(std::iter::once(rest.len()))
            .any(|cut| {
                suffixes.contains(&rest[..cut]) && endings_only(&rest[cut..], suffixes, left - 1)
            })
}

/// The gazetteer entries the Hangul words of `text` name, in text order.
pub fn entries(text: &str) -> Vec<usize> {
    let names = &*NAMES;
    let words = hangul_words(text);
    let mut found = Vec::new();
    let mut i = 0;
    let mut candidate = String::new();
    while i < words.len() {
        let mut hit = None;
        // The most words first: "블라디미르 푸틴" before "푸틴".
        'spans: for n in (1..=names.longest.min(words.len() - i)).rev() {
            if words[i + 1..i + n].iter().any(|(_, joined)| !joined) {
                continue;
            }
            candidate.clear();
            for (word, _) in &words[i..i + n - 1] {
                candidate.push_str(word);
                candidate.push(' ');
            }
            let head = candidate.len();
            let last = words[i + n - 1].0;
            // The longest start of the last word that is a name, with endings after it.
            let cuts: Vec<usize> = last.char_indices().map(|(c, _)| c).skip(1).collect();
            for cut in cuts.into_iter().chain(std::iter::once(last.len())).rev() {
                candidate.truncate(head);
                candidate.push_str(&last[..cut]);
                if let Some(&entry) = names.by_name.get(candidate.as_str())
                    && endings_only(&last[cut..], &names.suffixes, MAX_SUFFIXES)
                {
                    hit = Some((n, entry));
                    break 'spans;
                }
            }
        }
        match hit {
            Some((n, entry)) => {
                found.push(entry);
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonicals(text: &str) -> Vec<&'static str> {
        let g = gazetteer();
        entries(text)
            .into_iter()
            .map(|e| g.entries[e].canonical)
            .collect()
    }

    #[test]
    fn names_are_found_with_the_endings_written_onto_them() {
        assert_eq!(
            canonicals("북한군이 김정은에게 보고했다. 러시아 쿠르스크주 진격"),
            ["North Korea", "Kim Jong Un", "Russia", "Kursk Oblast"]
        );
        assert_eq!(
            canonicals("블라디미르 푸틴 대통령과 푸틴의 측근"),
            ["Vladimir Putin", "Vladimir Putin"]
        );
    }

    #[test]
    fn a_word_that_only_starts_like_a_name_is_none() {
        // 인도적 (humanitarian) starts with 인도 (India); 적 is no ending of a name.
        assert!(canonicals("인도적 지원과 미국식 제도").is_empty());
        assert_eq!(canonicals("인도는"), ["India"]);
    }

    #[test]
    fn words_split_at_anything_but_syllables() {
        assert_eq!(
            hangul_words("미 국방부(펜타곤)의 팻 라이더"),
            [
                ("미", false),
                ("국방부", true),
                ("펜타곤", false),
                ("의", false),
                ("팻", true),
                ("라이더", true)
            ]
        );
    }
}
