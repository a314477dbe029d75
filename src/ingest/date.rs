//! Publication dates as news articles and feeds write them, kept at the
//! precision the source gives: a year, a month or a day. A month stays a
//! month; a day is never invented.
//!
//! The tokenizing is hand-written rather than a list of strptime patterns:
//! news text mixes ISO 8601, RFC 2822, Reuters' `26-FEB-1987` and prose such
//! as `Tuesday, October 8th, 2024`, with optional weekdays, ordinals, dots
//! after abbreviations, commas and trailing times and zones, and a date must
//! also be found at the start of longer text. No single pattern covers that
//! mix. jiff does the calendar arithmetic and validation.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Years a [`NewsDate`] may have; anything else in news text is a typo or not a year.
const YEARS: RangeInclusive<i16> = 1000..=2999;

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
];

#[rustfmt::skip]
const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Zone names accepted after a time, in any case. Only known ones, so that a
/// following word (`09:10 SEOUL`) is never taken for a zone.
const ZONES: &[&str] = &[
    "z", "ut", "utc", "gmt", "bst", "ist", "cet", "cest", "eet", "eest", "msk", "et", "est", "edt",
    "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "akst", "akdt", "hst", "jst",
    "kst", "hkt", "sgt", "pht", "wib", "aest", "aedt", "acst", "acdt", "awst", "nzst", "nzdt",
];

/// A calendar date at the precision its source gave: a year, a month, or a day.
///
/// Ordering is chronological, with a coarser date before the finer dates it
/// contains (`2024` < `2024-01` < `2024-01-01`). Serialized as its
/// [`Display`](fmt::Display) string (`"2024-10"`), and validated when deserialized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NewsDate {
    year: i16,
    month: Option<i8>,
    /// Only ever `Some` when `month` is.
    day: Option<i8>,
}

impl NewsDate {
    /// A day, if it exists in the calendar (no 30 February) and its year is in 1000..=2999.
    #[must_use]
    pub fn day(year: i16, month: i8, day: i8) -> Option<NewsDate> {
        let valid = YEARS.contains(&year) && Date::new(year, month, day).is_ok();
        valid.then_some(NewsDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A month (1..=12) of a year in 1000..=2999.
    #[must_use]
    pub fn month(year: i16, month: i8) -> Option<NewsDate> {
        let valid = YEARS.contains(&year) && (1..=12).contains(&month);
        valid.then_some(NewsDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A year in 1000..=2999.
    #[must_use]
    pub fn year(year: i16) -> Option<NewsDate> {
        YEARS.contains(&year).then_some(NewsDate {
            year,
            month: None,
            day: None,
        })
    }

    /// Parses a string that is a date (optionally with a time and zone), trimmed,
    /// case-insensitive. None if it is not one.
    ///
    /// The date is the calendar date as written; a time zone is not applied.
    #[must_use]
    pub fn parse(text: &str) -> Option<NewsDate> {
        let text = text.trim();
        match scan(text) {
            Some((date, len)) if len == text.len() => Some(date),
            _ => None,
        }
    }

    /// Like [`parse`](Self::parse) but for a date at the very start of `text`
    /// (after leading whitespace), followed by whitespace, end, or punctuation.
    ///
    /// Returns the date and the byte length consumed, including the leading
    /// whitespace and any time (and zone) that directly follows a day; the
    /// length is always a char boundary of `text`.
    #[must_use]
    pub fn parse_prefix(text: &str) -> Option<(NewsDate, usize)> {
        scan(text)
    }

    /// The year.
    #[must_use]
    pub fn year_value(&self) -> i16 {
        self.year
    }

    /// The month (1..=12), if the date has month or day precision.
    #[must_use]
    pub fn month_value(&self) -> Option<i8> {
        self.month
    }

    /// The day of the month, if the date has day precision.
    #[must_use]
    pub fn day_value(&self) -> Option<i8> {
        self.day
    }

    /// First day of the period (2024-10 -> 2024-10-01) as a jiff civil date,
    /// for range filters and sorting.
    #[must_use]
    pub fn first_day(&self) -> Date {
        // Valid by construction: every constructor checked the fields.
        jiff::civil::date(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Last day of the period (2024-10 -> 2024-10-31; 2024 -> 2024-12-31),
    /// for `--until` filters.
    #[must_use]
    pub fn last_day(&self) -> Date {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(_), None) => self.first_day().last_of_month(),
            _ => jiff::civil::date(self.year, 12, 31),
        }
    }

    /// Facet path segments: `["2024","10","08"]` / `["2024","10"]` / `["2024"]` (zero-padded).
    #[must_use]
    pub fn facet_segments(&self) -> Vec<String> {
        let mut segments = vec![format!("{:04}", self.year)];
        segments.extend(self.month.map(|m| format!("{m:02}")));
        segments.extend(self.day.map(|d| format!("{d:02}")));
        segments
    }
}

impl fmt::Display for NewsDate {
    /// `2024-10-08`, `2024-10` or `2024`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.facet_segments().join("-"))
    }
}

impl FromStr for NewsDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, DateError> {
        NewsDate::parse(s).ok_or_else(|| DateError {
            input: s.chars().take(60).collect(),
        })
    }
}

impl TryFrom<String> for NewsDate {
    type Error = DateError;

    fn try_from(s: String) -> Result<Self, DateError> {
        s.parse()
    }
}

impl From<NewsDate> for String {
    fn from(date: NewsDate) -> String {
        date.to_string()
    }
}

/// Text that [`NewsDate::parse`] does not take for a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The rejected text, cut to its first 60 chars.
    input: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            r#"not a date: {:?} (try 2024-10-08, 2024-10 or "8 Oct 2024")"#,
            self.input
        )
    }
}

impl std::error::Error for DateError {}

/// Finds a date at the start of `text`; returns it and the bytes consumed.
fn scan(text: &str) -> Option<(NewsDate, usize)> {
    let mut c = Cursor { s: text, pos: 0 };
    c.ws();
    let date = c.date()?;
    if date.day.is_some() {
        c.attempt(|c| {
            c.time()?;
            c.attempt(Cursor::meridiem);
            c.attempt(Cursor::zone);
            c.at_boundary().then_some(())
        });
    }
    c.at_boundary().then_some((date, c.pos))
}

/// Index in `names` of the name that `word` is or abbreviates (3+ letters, any case).
fn lookup(names: &[&str], word: &str) -> Option<usize> {
    let w = word.as_bytes();
    if w.len() < 3 {
        return None;
    }
    names
        .iter()
        .position(|n| n.len() >= w.len() && n.as_bytes()[..w.len()].eq_ignore_ascii_case(w))
}

/// A position in the text. It only ever steps over ASCII bytes or whole
/// whitespace chars, so `pos` is always a char boundary.
#[derive(Clone, Copy)]
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    /// True if the byte `ahead` bytes on is an ASCII digit.
    fn digit_at(&self, ahead: usize) -> bool {
        self.s
            .as_bytes()
            .get(self.pos + ahead)
            .is_some_and(u8::is_ascii_digit)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        self.pos += usize::from(hit);
        hit
    }

    /// Runs `f`, and puts the cursor back where it was if `f` fails.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let saved = *self;
        let out = f(self);
        if out.is_none() {
            *self = saved;
        }
        out
    }

    /// Skips whitespace (Unicode, so a no-break space counts); true if there was any.
    fn ws(&mut self) -> bool {
        let rest = self.rest();
        let skipped = rest.len() - rest.trim_start().len();
        self.pos += skipped;
        skipped > 0
    }

    /// True at the end of the text, whitespace or punctuation.
    fn at_boundary(&self) -> bool {
        self.rest()
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    }

    fn run(&mut self, f: impl Fn(&u8) -> bool) -> &'a str {
        let rest = self.rest();
        let len = rest.bytes().take_while(f).count();
        self.pos += len;
        &rest[..len]
    }

    /// A whole run of ASCII digits, if it has `min..=max` (at most 4) of them.
    fn number(&mut self, min: usize, max: usize) -> Option<i16> {
        let digits = self.run(u8::is_ascii_digit);
        if (min..=max).contains(&digits.len()) {
            digits.parse().ok()
        } else {
            None
        }
    }

    /// A whole word of ASCII letters.
    fn word(&mut self) -> Option<&'a str> {
        let word = self.run(u8::is_ascii_alphabetic);
        (!word.is_empty() && self.at_boundary()).then_some(word)
    }

    /// Any of the date forms, with an optional leading weekday.
    fn date(&mut self) -> Option<NewsDate> {
        if self.digit_at(0) {
            return if self.rest().bytes().take_while(u8::is_ascii_digit).count() == 4 {
                self.numeric()
            } else {
                self.day_first()
            };
        }
        if self.attempt(|c| lookup(&WEEKDAYS, c.word()?)).is_some() {
            // `Tue, 8 Oct 2024`, `Tue. Oct 8`, `Tuesday October 8, 2024`.
            if !self.eat(b',') {
                self.eat(b'.');
            }
            self.ws().then_some(())?;
            if self.digit_at(0) {
                return self.day_first();
            }
        }
        self.month_first()
    }

    /// `2024`, `2024-10`, `2024/10`, `2024-10-08`, `2024/10/08`, `2024.10.08`.
    fn numeric(&mut self) -> Option<NewsDate> {
        let year = self.number(4, 4)?;
        let Some(sep) = self.peek().filter(|b| b"-/.".contains(b)) else {
            return NewsDate::year(year);
        };
        if !self.digit_at(1) {
            // `2024-` or `2024.` ends the year: the separator is punctuation.
            return NewsDate::year(year);
        }
        self.pos += 1;
        let month = i8::try_from(self.number(1, 2)?).ok()?;
        if self.peek() == Some(sep) && self.digit_at(1) {
            self.pos += 1;
            let day = i8::try_from(self.number(1, 2)?).ok()?;
            return NewsDate::day(year, month, day);
        }
        // `2024.10` reads as a decimal number more often than as a month.
        if sep == b'.' {
            None
        } else {
            NewsDate::month(year, month)
        }
    }

    /// `8 Oct 2024`, `08 October, 2024`, `8th of October 2024`, `26-FEB-1987`.
    fn day_first(&mut self) -> Option<NewsDate> {
        let day = self.day_number()?;
        let dashed = self.eat(b'-');
        if !dashed {
            self.ws().then_some(())?;
            self.attempt(|c| (c.word()?.eq_ignore_ascii_case("of") && c.ws()).then_some(()));
        }
        let month = self.month_name()?;
        if dashed {
            self.eat(b'-').then_some(())?;
        } else {
            let comma = self.eat(b',');
            (self.ws() || comma).then_some(())?;
        }
        NewsDate::day(self.number(4, 4)?, month, day)
    }

    /// `October 2024`, `Oct. 8, 2024`, `October 8th 2024`, `Sept 8,2024`.
    fn month_first(&mut self) -> Option<NewsDate> {
        let month = self.month_name()?;
        self.ws().then_some(())?;
        if let Some(year) = self.attempt(|c| c.number(4, 4)) {
            return NewsDate::month(year, month);
        }
        let day = self.day_number()?;
        let comma = self.eat(b',');
        (self.ws() || comma).then_some(())?;
        NewsDate::day(self.number(4, 4)?, month, day)
    }

    /// A day of the month, with an optional ordinal suffix (`8th`, `1st`).
    fn day_number(&mut self) -> Option<i8> {
        let day = i8::try_from(self.number(1, 2)?).ok()?;
        self.attempt(|c| {
            let suffix = c.word()?.to_ascii_lowercase();
            ["st", "nd", "rd", "th"]
                .contains(&suffix.as_str())
                .then_some(())
        });
        Some(day)
    }

    /// A month name or abbreviation, with an optional dot: its number 1..=12.
    fn month_name(&mut self) -> Option<i8> {
        let index = lookup(&MONTHS, self.word()?)?;
        self.eat(b'.');
        i8::try_from(index + 1).ok()
    }

    /// A time after a day: `T09:10`, ` 09:10:00.123`, `, 15:01:01.79`.
    fn time(&mut self) -> Option<()> {
        if !(self.eat(b'T') || self.eat(b't')) {
            let comma = self.eat(b',');
            (self.ws() || comma).then_some(())?;
        }
        let hour = self.number(1, 2)?;
        self.eat(b':').then_some(())?;
        let minute = self.number(2, 2)?;
        let mut second = 0;
        if self.eat(b':') {
            second = self.number(2, 2)?;
            if (self.eat(b'.') || self.eat(b',')) && self.run(u8::is_ascii_digit).is_empty() {
                return None;
            }
        }
        (hour <= 24 && minute <= 59 && second <= 60).then_some(())
    }

    /// `am`, `PM`, `a.m.`, `p.m.` after a time.
    fn meridiem(&mut self) -> Option<()> {
        self.ws();
        let word = self.word()?;
        if ["am", "pm"].iter().any(|m| m.eq_ignore_ascii_case(word)) {
            return Some(());
        }
        ["a", "p"]
            .iter()
            .any(|m| m.eq_ignore_ascii_case(word))
            .then_some(())?;
        (self.eat(b'.') && self.word()?.eq_ignore_ascii_case("m")).then_some(())?;
        self.eat(b'.');
        Some(())
    }

    /// A zone after a time: `Z`, `+01:00`, `+0100`, `GMT`, `bst`, `UTC+1`.
    fn zone(&mut self) -> Option<()> {
        self.ws();
        if self.attempt(Cursor::offset).is_some() {
            return Some(());
        }
        let word = self.word()?;
        ZONES
            .iter()
            .any(|z| z.eq_ignore_ascii_case(word))
            .then_some(())?;
        self.attempt(Cursor::offset);
        Some(())
    }

    /// `+01:00`, `-0500`, `+1`.
    fn offset(&mut self) -> Option<()> {
        (self.eat(b'+') || self.eat(b'-')).then_some(())?;
        self.number(1, 4)?;
        if self.eat(b':') {
            self.number(2, 2)?;
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_the_forms_news_text_uses() {
        let cases = [
            // ISO / RFC 3339 and numeric variants
            ("2024-10-08", "2024-10-08"),
            ("2024-10-08T09:10:00Z", "2024-10-08"),
            ("2024-10-08T09:10:00+01:00", "2024-10-08"),
            ("2024-10-08T23:59:59-05:00", "2024-10-08"),
            ("2024-10-08 09:10", "2024-10-08"),
            ("2024-10-08T09:10:00.123Z", "2024-10-08"),
            ("2024-10-08t09:10z", "2024-10-08"),
            ("2024/10/08", "2024-10-08"),
            ("2024.10.08", "2024-10-08"),
            ("2024-02-29", "2024-02-29"),
            // month and year precision
            ("2024-10", "2024-10"),
            ("2024/10", "2024-10"),
            ("2024", "2024"),
            ("1000", "1000"),
            ("2999", "2999"),
            ("October 2024", "2024-10"),
            ("Oct 2024", "2024-10"),
            ("oct. 2024", "2024-10"),
            // Reuters
            ("26-FEB-1987 15:01:01.79", "1987-02-26"),
            ("26-Feb-1987", "1987-02-26"),
            // prose
            ("October 8, 2024", "2024-10-08"),
            ("Oct 8, 2024", "2024-10-08"),
            ("Oct. 8, 2024", "2024-10-08"),
            ("October 8 2024", "2024-10-08"),
            ("October 8,2024", "2024-10-08"),
            ("8 October 2024", "2024-10-08"),
            ("8 Oct 2024", "2024-10-08"),
            ("08 Oct 2024", "2024-10-08"),
            ("8th October 2024", "2024-10-08"),
            ("8th of October, 2024", "2024-10-08"),
            ("October 8th, 2024", "2024-10-08"),
            ("1st Jan 2024", "2024-01-01"),
            ("Tuesday, October 8, 2024", "2024-10-08"),
            ("Tue 8 Oct 2024", "2024-10-08"),
            ("Tues. Oct 8, 2024", "2024-10-08"),
            ("Sept 8, 2024", "2024-09-08"),
            ("OCTOBER 8, 2024", "2024-10-08"),
            ("october 8, 2024", "2024-10-08"),
            // RFC 2822 / HTTP
            ("Tue, 08 Oct 2024 09:10:00 +0100", "2024-10-08"),
            ("Tue, 08 Oct 2024 09:10:00 GMT", "2024-10-08"),
            ("tue, 08 oct 2024 09:10:00 gmt", "2024-10-08"),
            // trailing times and zones, taken as written
            ("2024-10-08 09:10 BST", "2024-10-08"),
            ("8 Oct 2024 09:10 BST", "2024-10-08"),
            ("2024-10-08 23:30 bst", "2024-10-08"),
            ("October 8, 2024, 9:10 p.m. EDT", "2024-10-08"),
            ("October 8, 2024 9:10 PM", "2024-10-08"),
            ("8 Oct 2024 09:10 UTC+9", "2024-10-08"),
            // whitespace
            ("  2024-10-08 \n", "2024-10-08"),
            ("8\u{a0}Oct\u{a0}2024", "2024-10-08"),
        ];
        for (input, want) in cases {
            let got = NewsDate::parse(input).map(|d| d.to_string());
            assert_eq!(got.as_deref(), Some(want), "parsing {input:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_unambiguous_date() {
        let cases = [
            "",
            "   ",
            "hello",
            "2024-13-01",
            "2024-02-30",
            "2023-02-29",
            "2024-00",
            "31/12/2024",
            "12/31/2024",
            "8/10/2024",
            "10-08-2024",
            "20241008",
            "999",
            "0999",
            "3000",
            "12345",
            "42",
            "-2024",
            "2024.10",
            "2024-1008",
            "2024-10-08 foo",
            "October 8, 2024 in Seoul",
            "2024-10-08é",
            "2024-10-08T25:00",
            "October 8",
            "8 October",
            "Oct 32, 2024",
            "Octember 2024",
            "Tuesday",
            "Oct8 2024",
            "２０２４",
        ];
        for input in cases {
            assert_eq!(NewsDate::parse(input), None, "parsing {input:?}");
        }
    }

    #[test]
    fn parse_prefix_reports_the_bytes_consumed() {
        let cases = [
            (
                " 2024-10-08 The Democratic People's Republic",
                "2024-10-08",
                11,
            ),
            ("2024-10 Text", "2024-10", 7),
            ("October 8, 2024 — SEOUL", "2024-10-08", 15),
            ("2024-10-08T09:10:00Z, Seoul", "2024-10-08", 20),
            ("8 Oct 2024 09:10 BST (Reuters)", "2024-10-08", 20),
            ("Tue, 08 Oct 2024 09:10:00 GMT\nbody", "2024-10-08", 29),
            ("2024-10-08 09:10 The talks", "2024-10-08", 16),
            ("2024-10-08 12 people", "2024-10-08", 10),
            ("2024-10-08. Next", "2024-10-08", 10),
            ("2024 was a year", "2024", 4),
            ("\u{a0}8 Oct 2024…", "2024-10-08", 12),
        ];
        for (input, want, len) in cases {
            let got = NewsDate::parse_prefix(input).map(|(d, n)| (d.to_string(), n));
            assert_eq!(got, Some((want.to_string(), len)), "scanning {input:?}");
        }
        for input in [
            "The 2024-10-08",
            "2024-10-08abc",
            "20245 items",
            "2024-10-99 x",
            "",
        ] {
            assert_eq!(NewsDate::parse_prefix(input), None, "scanning {input:?}");
        }
    }

    #[test]
    fn periods_have_first_and_last_days() {
        let cases = [
            ("2024-10-08", "2024-10-08", "2024-10-08"),
            ("2024-10", "2024-10-01", "2024-10-31"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2023-02", "2023-02-01", "2023-02-28"),
            ("2024", "2024-01-01", "2024-12-31"),
        ];
        for (input, first, last) in cases {
            let date = NewsDate::parse(input).unwrap();
            assert_eq!(date.first_day().to_string(), first, "{input}");
            assert_eq!(date.last_day().to_string(), last, "{input}");
        }
    }

    #[test]
    fn constructors_validate_and_accessors_read_back() {
        assert_eq!(NewsDate::day(2024, 2, 30), None);
        assert_eq!(NewsDate::day(999, 1, 1), None);
        assert_eq!(NewsDate::month(2024, 13), None);
        assert_eq!(NewsDate::month(2024, 0), None);
        assert_eq!(NewsDate::year(3000), None);
        let d = NewsDate::day(2024, 10, 8).unwrap();
        assert_eq!(
            (d.year_value(), d.month_value(), d.day_value()),
            (2024, Some(10), Some(8))
        );
        let m = NewsDate::month(2024, 10).unwrap();
        assert_eq!(
            (m.year_value(), m.month_value(), m.day_value()),
            (2024, Some(10), None)
        );
        let y = NewsDate::year(2024).unwrap();
        assert_eq!(
            (y.year_value(), y.month_value(), y.day_value()),
            (2024, None, None)
        );
        assert!(y < m && m < d && d < NewsDate::day(2024, 10, 9).unwrap());
    }

    #[test]
    fn facet_segments_are_zero_padded() {
        let seg = |s: &str| NewsDate::parse(s).unwrap().facet_segments();
        assert_eq!(seg("2024-10-08"), ["2024", "10", "08"]);
        assert_eq!(seg("Sept 2024"), ["2024", "09"]);
        assert_eq!(seg("2024"), ["2024"]);
    }

    #[test]
    fn from_str_explains_what_it_wants() {
        assert_eq!(
            "8 Oct 2024".parse::<NewsDate>(),
            Ok(NewsDate::day(2024, 10, 8).unwrap())
        );
        let err = "foo".parse::<NewsDate>().unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"not a date: "foo" (try 2024-10-08, 2024-10 or "8 Oct 2024")"#
        );
        let long = "é".repeat(500).parse::<NewsDate>().unwrap_err().to_string();
        assert!(long.chars().count() < 120, "{long}");
    }

    #[test]
    fn serde_uses_the_display_string_and_validates() {
        let d = NewsDate::month(2024, 10).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), r#""2024-10""#);
        assert_eq!(serde_json::from_str::<NewsDate>(r#""2024-10""#).unwrap(), d);
        assert!(serde_json::from_str::<NewsDate>(r#""2024-02-30""#).is_err());
    }

    fn valid_date() -> impl Strategy<Value = NewsDate> {
        prop_oneof![
            (1000i16..=2999, 1i8..=12, 1i8..=31)
                .prop_filter_map("no such day", |(y, m, d)| NewsDate::day(y, m, d)),
            (1000i16..=2999, 1i8..=12).prop_filter_map("month", |(y, m)| NewsDate::month(y, m)),
            (1000i16..=2999).prop_filter_map("year", NewsDate::year),
        ]
    }

    /// Strings glued from date-like pieces, to reach deep into the parser.
    fn date_like() -> impl Strategy<Value = String> {
        let pieces = vec![
            "2024", "10", "08", "8", "-", "/", ".", ",", " ", "\u{a0}", "T", "t", ":", "09:10",
            ":00", "Z", "+01:00", "+", "GMT", "Oct", "October", "Tue", "th", "of", "p.m.", "a.",
            "é", "—", "日", "123456", "Sept", "29", "02",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..10).prop_map(|v| v.concat())
    }

    fn check_no_panic_and_sane_prefix(text: &str) -> Result<(), TestCaseError> {
        let parsed = NewsDate::parse(text);
        let prefix = NewsDate::parse_prefix(text);
        if let Some((_, len)) = prefix {
            prop_assert!(len > 0 && len <= text.len() && text.is_char_boundary(len));
        }
        if let Some(date) = parsed {
            prop_assert_eq!(prefix, Some((date, text.trim_end().len())));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn never_panics_on_any_string(text in any::<String>()) {
            check_no_panic_and_sane_prefix(&text)?;
        }

        #[test]
        fn never_panics_on_date_like_strings(text in date_like()) {
            check_no_panic_and_sane_prefix(&text)?;
        }

        #[test]
        fn display_round_trips(date in valid_date(), tail in "[A-Za-z][A-Za-z ]{0,20}") {
            let shown = date.to_string();
            prop_assert_eq!(NewsDate::parse(&shown), Some(date));
            prop_assert_eq!(shown.parse::<NewsDate>(), Ok(date));
            let text = format!("{shown} {tail}");
            prop_assert_eq!(NewsDate::parse_prefix(&text), Some((date, shown.len())));
        }
    }
}
