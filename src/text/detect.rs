//! Which language an article is written in, told from its title and first few
//! kilobytes. The script decides most cases: Hangul is Korean, Latin is English (the one
//! Latin-script language told apart). Cyrillic text is Ukrainian or Russian: the
//! letters only one of them has (`і ї є ґ`, `ы э ъ ё`) and common words only one of
//! them uses (`data/text/{uk,ru}/marker_words.txt`) decide, and where they are silent,
//! `whatlang`'s trigram statistics restricted to the two languages do. The detector
//! is sure when the script or the markers decide; a declared language (front matter,
//! a JSON field, `<html lang>`, folder defaults) is kept where it is unsure.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::chars::floor_boundary;
use super::lexicon::entries;

/// How many bytes of the body are read after the title: enough for a paragraph or
/// two, so a long article costs no more than a short one.
pub const SAMPLE_BYTES: usize = 4096;
/// How many more marker letters and words one of Ukrainian and Russian must have than
/// the other for the detector to be sure.
const SURE_MARGIN: i32 = 2;
/// The share of letters a script needs to decide the language of the whole.
const SCRIPT_SHARE: f64 = 0.5;

/// The languages the detector tells apart, by their ISO 639-1 codes.
pub const DETECTED: [&str; 4] = ["en", "uk", "ru", "ko"];

const UKRAINIAN_WORDS: &str = include_str!("../../data/text/uk/marker_words.txt");
const RUSSIAN_WORDS: &str = include_str!("../../data/text/ru/marker_words.txt");

/// The word lists, read once.
static MARKERS: LazyLock<(HashSet<&'static str>, HashSet<&'static str>)> = LazyLock::new(|| {
    (
        entries(UKRAINIAN_WORDS).collect(),
        entries(RUSSIAN_WORDS).collect(),
    )
});

/// A detector's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// The ISO 639-1 code, one of [`DETECTED`].
    pub code: &'static str,
    /// Whether the evidence is strong enough to overrule a declared language: the
    /// script alone decided, or one language's markers clearly outnumbered the other's.
    pub sure: bool,
}

impl Detection {
    /// The language to keep when `declared` was given: `declared` unless it is one of
    /// the languages the detector tells apart and this detection is sure of another. A
    /// declared language the detector does not know (`de`, `bg`) is kept, since the
    /// detector cannot tell it from the ones it knows.
    pub fn settle<'a>(&self, declared: &'a str) -> Option<&'a str> {
        let overruled = self.sure && self.code != declared && DETECTED.contains(&declared);
        (!overruled).then_some(declared)
    }
}

/// The language of an article with this `title` and `body`, from the title and the
/// first [`SAMPLE_BYTES`] of the body; `None` when neither has a letter of Latin,
/// Cyrillic or Hangul script.
pub fn detect_language(title: &str, body: &str) -> Option<Detection> {
    let sample = &body[..floor_boundary(body, SAMPLE_BYTES)];
    let mut counts = Counts::default();
    counts.add(title);
    counts.add(sample);
    let letters = counts.latin + counts.cyrillic + counts.hangul;
    if letters == 0 {
        return None;
    }
    let share = |n: usize| n as f64 / letters as f64;
    if share(counts.hangul) >= SCRIPT_SHARE || counts.hangul > counts.latin.max(counts.cyrillic) {
        return Some(Detection {
            code: "ko",
            sure: true,
        });
    }
    if counts.latin >= counts.cyrillic {
        return Some(Detection {
            code: "en",
            sure: true,
        });
    }
    let score = counts.ukrainian - counts.russian;
    if score != 0 {
        let code = if score > 0 { "uk" } else { "ru" };
        let sure = score.abs() >= SURE_MARGIN;
        return Some(Detection { code, sure });
    }
    let text = format!("{title}\n{sample}");
    let code = match CYRILLIC.detect_lang(&text) {
        Some(whatlang::Lang::Ukr) => "uk",
        _ => "ru",
    };
    Some(Detection { code, sure: false })
}

/// `whatlang` restricted to the two Cyrillic languages in play.
static CYRILLIC: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    whatlang::Detector::with_allowlist(vec![whatlang::Lang::Ukr, whatlang::Lang::Rus])
});

/// Letters per script, and the Ukrainian and Russian markers.
#[derive(Debug, Default)]
struct Counts {
    latin: usize,
    cyrillic: usize,
    hangul: usize,
    ukrainian: i32,
    russian: i32,
}

impl Counts {
    fn add(&mut self, text: &str) {
        let (ukrainian_words, russian_words) = &*MARKERS;
        let mut word = String::new();
        for piece in text.split(|c: char| !(c.is_alphabetic() || is_apostrophe(c))) {
            let mut cyrillic = false;
            let mut latin_i = false;
            for c in piece.chars() {
                match c {
                    'a'..='z' | 'A'..='Z' => {
                        self.latin += 1;
                        latin_i |= c == 'i' || c == 'I';
                    }
                    '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
                        self.hangul += 1
                    }
                    '\u{0400}'..='\u{04FF}' => {
                        self.cyrillic += 1;
                        cyrillic = true;
                        match c {
                            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                                self.ukrainian += 1
                            }
                            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => {
                                self.russian += 1
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            if !cyrillic {
                continue;
            }
            // A Latin `i` typed inside a Cyrillic word stands for Ukrainian `і`.
            if latin_i {
                self.ukrainian += 2;
            }
            word.clear();
            word.extend(piece.chars().flat_map(char::to_lowercase));
            let uk = ukrainian_words.contains(word.as_str());
            let ru = russian_words.contains(word.as_str());
            if uk && !ru {
                self.ukrainian += 1;
            } else if ru && !uk {
                self.russian += 1;
            }
            // Ukrainian verbal nouns end in -ння and infinitives in -ти; Russian ones
            // in -ние/-ия and -ть.
            if word.chars().count() > 4 {
                if word.ends_with("ння") || word.ends_with("ти") || word.ends_with("тися")
                {
                    self.ukrainian += 1;
                }
                if word.ends_with("ие") || word.ends_with("ия") || word.ends_with("ть") {
                    self.russian += 1;
                }
            }
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(title: &str, body: &str) -> Option<(&'static str, bool)> {
        detect_language(title, body).map(|d| (d.code, d.sure))
    }

    #[test]
    fn the_script_decides_english_and_korean() {
        assert_eq!(
            code("Troops sent", "Six officers were killed."),
            Some(("en", true))
        );
        assert_eq!(code("", "북한군이 러시아에 파병됐다."), Some(("ko", true)));
        // A Korean article quoting an English name is still Korean.
        assert_eq!(
            code("", "국방부는 Kim Yong-hyun 장관이 말했다고 밝혔다."),
            Some(("ko", true))
        );
        assert_eq!(code("", "12 345 — 67"), None);
    }

    #[test]
    fn letters_and_words_tell_ukrainian_from_russian() {
        assert_eq!(
            code("Загинули шестеро офіцерів КНДР", "Про це пише видання."),
            Some(("uk", true))
        );
        assert_eq!(
            code("Погибли шесть офицеров КНДР", "Об этом пишет издание."),
            Some(("ru", true))
        );
        // No marker letter: the words decide (`что`, `он`).
        assert_eq!(code("", "Он сказал, что не знает."), Some(("ru", true)));
        // A Latin `i` typed for `і`.
        assert_eq!(
            code("", "Гетьман Iван Мазепа дiстав освiту"),
            Some(("uk", true))
        );
    }

    #[test]
    fn a_declared_language_is_kept_unless_a_sure_detection_says_otherwise() {
        let sure_uk = Detection {
            code: "uk",
            sure: true,
        };
        let unsure_uk = Detection {
            code: "uk",
            sure: false,
        };
        assert_eq!(sure_uk.settle("uk"), Some("uk"));
        assert_eq!(sure_uk.settle("ru"), None);
        assert_eq!(sure_uk.settle("en"), None);
        assert_eq!(unsure_uk.settle("ru"), Some("ru"));
        // A language the detector does not know is kept.
        assert_eq!(sure_uk.settle("bg"), Some("bg"));
    }

    #[test]
    fn only_the_first_kilobytes_are_read() {
        let body = format!(
            "{}{}",
            "word ".repeat(SAMPLE_BYTES / 5 + 1),
            "слово ".repeat(5000)
        );
        assert_eq!(code("", &body), Some(("en", true)));
        // A sample cut inside a character ends on its boundary.
        let body = "я".repeat(SAMPLE_BYTES);
        assert!(detect_language("", &body).is_some());
    }
}
