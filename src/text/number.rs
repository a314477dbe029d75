//! Numbers as readers take them: number tokens joined by a decimal or thousands
//! separator (`1.6`, `648,000`, `1.5bn`), with the currency mark before them (`£1,400`)
//! and the percent sign after them (`10%`), which are tokens of their own; and figures
//! read for their value ([`figures`]), so that `1.5bn` = `1.5 billion`, `25,000` =
//! `25000`, `10%` = `10 per cent` and `five million` = `5m`, each with its currency
//! (`£`, `dollars`). Ukrainian and Russian figures take their scale, share and
//! currency words (`5 млн` = `5m`, `10 відсотків`, `100 гривень`; a decimal comma, `1,5
//! млрд`); Korean ones their scale syllables written onto the digits (`500만` = five
//! million, `3억`), the counter or particle after them left aside (`6명은` is 6), and
//! `원` (won).

use std::ops::Range;

use super::Language;
use super::segment::{Gap, Kind, segment};
use super::words::for_each_word;

/// A number in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The digits with their separators and suffix: `1,400`, `1.5bn`, `5m`.
    pub range: Range<usize>,
    /// The currency mark right before it, if any (`£`, `$`).
    pub currency: Option<Range<usize>>,
    /// The percent sign right after it, if any.
    pub percent: Option<Range<usize>>,
}

/// The numbers of `text`, in order.
pub fn numbers(text: &str, lang: Language) -> Vec<Number> {
    let mut found = Vec::new();
    for_each_word(text, lang, |word| {
        if word.kind == Kind::Number {
            found.push(Number {
                range: word.range.clone(),
                currency: None,
                percent: None,
            });
        }
    });
    // Signs stand right against their number: `$5`, `5%` (`$ 5` is read as `$5` too).
    let signs: Vec<_> = segment(text, lang)
        .filter(|t| matches!(t.kind, Kind::Currency | Kind::Percent))
        .collect();
    for number in &mut found {
        for sign in &signs {
            if sign.kind == Kind::Currency
                && sign.end <= number.range.start
                && text[sign.end..number.range.start].chars().all(|c| c == ' ')
            {
                number.currency = Some(sign.range());
            }
            if sign.kind == Kind::Percent && sign.start == number.range.end && sign.gap == Gap::None
            {
                number.percent = Some(sign.range());
            }
        }
    }
    found
}

/// A currency a figure is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    /// Pounds sterling: `£`, `pounds`, `sterling`, `stg`.
    Pound,
    /// Dollars: `$`, `dollars`, `dlrs`.
    Dollar,
    /// Euros: `€`, `euros`.
    Euro,
    /// Yen: `¥`, `yen`, `엔`.
    Yen,
    /// Hryvnias: `₴`, `гривень`, `грн`.
    Hryvnia,
    /// Roubles: `₽`, `рублів`, `рублей`, `руб`.
    Rouble,
    /// Won: `₩`, `원`.
    Won,
}

impl Currency {
    fn of_sign(sign: char) -> Option<Currency> {
        match sign {
            '£' => Some(Currency::Pound),
            '$' => Some(Currency::Dollar),
            '€' => Some(Currency::Euro),
            '¥' => Some(Currency::Yen),
            '₴' => Some(Currency::Hryvnia),
            '₽' => Some(Currency::Rouble),
            '₩' => Some(Currency::Won),
            _ => None,
        }
    }

    fn of_word(key: &str, lang: Language) -> Option<Currency> {
        if lang.is_cyrillic() {
            return Currency::of_cyrillic_word(key);
        }
        if lang == Language::Korean {
            return match key {
                "원" => Some(Currency::Won),
                "달러" => Some(Currency::Dollar),
                "유로" => Some(Currency::Euro),
                "엔" => Some(Currency::Yen),
                _ => None,
            };
        }
        if lang != Language::English {
            return None;
        }
        match key {
            "pound" | "pounds" | "sterling" | "stg" => Some(Currency::Pound),
            "dollar" | "dollars" | "dlr" | "dlrs" => Some(Currency::Dollar),
            "euro" | "euros" => Some(Currency::Euro),
            "yen" => Some(Currency::Yen),
            _ => None,
        }
    }

    /// A Ukrainian or Russian currency word, in any case form (`гривень`, `доларів`,
    /// `долларов`, `рублей`).
    fn of_cyrillic_word(key: &str) -> Option<Currency> {
        let starts = |stems: &[&str]| stems.iter().any(|stem| key.starts_with(stem));
        if key == "грн" || starts(&["гривн", "гривен", "гривень"]) {
            Some(Currency::Hryvnia)
        } else if key == "руб" || starts(&["рубл"]) {
            Some(Currency::Rouble)
        } else if starts(&["долар", "доллар"]) {
            Some(Currency::Dollar)
        } else if key == "євро" || key == "евро" {
            Some(Currency::Euro)
        } else if starts(&["фунт"]) {
            Some(Currency::Pound)
        } else if key == "єн" || key == "иен" || key == "йен" {
            Some(Currency::Yen)
        } else {
            None
        }
    }
}

/// What a figure is worth: `digits × 10^exponent` (no trailing zero in `digits`), per
/// cent or not, in a currency or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value {
    /// The significant digits.
    pub digits: u128,
    /// The power of ten they are multiplied by.
    pub exponent: i32,
    /// Whether it is a share (`10%`, `10 per cent`).
    pub percent: bool,
    /// The currency, when the text gives one.
    pub currency: Option<Currency>,
}

impl Value {
    fn new(digits: u128, exponent: i32) -> Value {
        let mut value = Value {
            digits,
            exponent,
            percent: false,
            currency: None,
        };
        value.normalise();
        value
    }

    fn normalise(&mut self) {
        if self.digits == 0 {
            self.exponent = 0;
        }
        while self.digits != 0 && self.digits.is_multiple_of(10) {
            self.digits /= 10;
            self.exponent += 1;
        }
    }

    fn scaled(mut self, power: i32) -> Value {
        self.exponent += power;
        self.normalise();
        self
    }

    /// Whether two values are the same amount (a currency aside).
    pub fn same_amount(&self, other: &Value) -> bool {
        (self.digits, self.exponent, self.percent) == (other.digits, other.exponent, other.percent)
    }

    /// A key equal for equal amounts however written (`#15e8` for `1.5bn`), never a
    /// word's key (which holds no `#`). The currency is left out: the quote check
    /// compares it on its own.
    pub fn key(&self) -> String {
        let percent = if self.percent { "%" } else { "" };
        format!("#{}e{}{percent}", self.digits, self.exponent)
    }
}

/// A figure of a text: the words it spans and what it is worth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The words it spans (indices into the words given to [`figures`]).
    pub words: Range<usize>,
    /// Its bytes, from a currency sign before it to a `%` after it.
    pub range: Range<usize>,
    /// What it is worth.
    pub value: Value,
}

/// The power of ten a scale word or suffix stands for: `bn`, `million`, `k`; in
/// Ukrainian and Russian `тис.`, `млн`, `мільйонів`, `миллиарда`; in Korean `천`, `만`,
/// `억`, `조`.
fn scale(key: &str, lang: Language) -> Option<i32> {
    if lang.is_cyrillic() {
        if let Some(power) = cyrillic_scale(key) {
            return Some(power);
        }
    } else if lang == Language::Korean {
        match key {
            "천" => return Some(3),
            "만" => return Some(4),
            "억" => return Some(8),
            "조" => return Some(12),
            _ => {}
        }
    }
    match key {
        "k" | "thousand" if lang == Language::English || key == "k" => Some(3),
        "m" | "mn" | "mln" | "million" if lang == Language::English || key != "million" => Some(6),
        "bn" | "bln" | "billion" if lang == Language::English || key != "billion" => Some(9),
        "tn" | "trillion" if lang == Language::English || key == "tn" => Some(12),
        _ => None,
    }
}

/// The power of ten of a Ukrainian or Russian scale word, in any case form.
fn cyrillic_scale(key: &str) -> Option<i32> {
    let starts = |stems: &[&str]| stems.iter().any(|stem| key.starts_with(stem));
    if matches!(key, "тис" | "тыс") || starts(&["тисяч", "тысяч"]) {
        Some(3)
    } else if key == "млн" || starts(&["мільйон", "миллион"]) {
        Some(6)
    } else if key == "млрд" || starts(&["мільярд", "миллиард"]) {
        Some(9)
    } else if key == "трлн" || starts(&["трильйон", "триллион"]) {
        Some(12)
    } else {
        None
    }
}

/// Whether `key` is a Ukrainian or Russian word for per cent (`відсотків`,
/// `процентов`).
fn cyrillic_percent(key: &str) -> bool {
    ["відсот", "процент", "процен"]
        .iter()
        .any(|stem| key.starts_with(stem))
}

/// Ukrainian and Russian number words up to ten in their common case forms and the
/// collective numerals (`шестеро`, `трое`), the tens and a hundred, as keys are folded
/// (apostrophes dropped: `п’ять` is `пять`).
const CYRILLIC_NUMBER_WORDS: [(&str, u128); 118] = [
    ("один", 1),
    ("одна", 1),
    ("одне", 1),
    ("одно", 1),
    ("одного", 1),
    ("одній", 1),
    ("одной", 1),
    ("одну", 1),
    ("одним", 1),
    ("одному", 1),
    ("два", 2),
    ("дві", 2),
    ("две", 2),
    ("двох", 2),
    ("двух", 2),
    ("двом", 2),
    ("двум", 2),
    ("двома", 2),
    ("двумя", 2),
    ("двоє", 2),
    ("двое", 2),
    ("три", 3),
    ("трьох", 3),
    ("трех", 3),
    ("трёх", 3),
    ("трьом", 3),
    ("трем", 3),
    ("трём", 3),
    ("трьома", 3),
    ("тремя", 3),
    ("троє", 3),
    ("трое", 3),
    ("чотири", 4),
    ("четыре", 4),
    ("чотирьох", 4),
    ("четырех", 4),
    ("четырёх", 4),
    ("чотирьом", 4),
    ("четырем", 4),
    ("четырём", 4),
    ("четверо", 4),
    ("пять", 5),
    ("пяти", 5),
    ("пятьох", 5),
    ("пятеро", 5),
    ("шість", 6),
    ("шесть", 6),
    ("шести", 6),
    ("шістьох", 6),
    ("шестеро", 6),
    ("сім", 7),
    ("семь", 7),
    ("семи", 7),
    ("сімох", 7),
    ("семеро", 7),
    ("вісім", 8),
    ("восемь", 8),
    ("восьми", 8),
    ("вісьмох", 8),
    ("восьмеро", 8),
    ("девять", 9),
    ("девяти", 9),
    ("девятьох", 9),
    ("девятеро", 9),
    ("десять", 10),
    ("десяти", 10),
    ("десятьох", 10),
    ("десятеро", 10),
    ("одинадцять", 11),
    ("одиннадцать", 11),
    ("дванадцять", 12),
    ("двенадцать", 12),
    ("тринадцять", 13),
    ("тринадцать", 13),
    ("чотирнадцять", 14),
    ("четырнадцать", 14),
    ("пятнадцять", 15),
    ("пятнадцать", 15),
    ("шістнадцять", 16),
    ("шестнадцать", 16),
    ("сімнадцять", 17),
    ("семнадцать", 17),
    ("вісімнадцять", 18),
    ("восемнадцать", 18),
    ("девятнадцять", 19),
    ("девятнадцать", 19),
    ("двадцять", 20),
    ("двадцать", 20),
    ("двадцяти", 20),
    ("двадцати", 20),
    ("тридцять", 30),
    ("тридцать", 30),
    ("тридцяти", 30),
    ("тридцати", 30),
    ("сорок", 40),
    ("сорока", 40),
    ("пятдесят", 50),
    ("пятьдесят", 50),
    ("пятдесяти", 50),
    ("пятидесяти", 50),
    ("шістдесят", 60),
    ("шестьдесят", 60),
    ("шістдесяти", 60),
    ("шестидесяти", 60),
    ("сімдесят", 70),
    ("семьдесят", 70),
    ("сімдесяти", 70),
    ("семидесяти", 70),
    ("вісімдесят", 80),
    ("восемьдесят", 80),
    ("вісімдесяти", 80),
    ("восьмидесяти", 80),
    ("девяносто", 90),
    ("девяноста", 90),
    ("сто", 100),
    ("ста", 100),
    ("сотні", 100),
    ("сотни", 100),
];

/// The value of a number word up to ninety (`twenty`, `five`), in English; in
/// Ukrainian and Russian the words of [`CYRILLIC_NUMBER_WORDS`].
fn number_word(key: &str, lang: Language) -> Option<u128> {
    if lang.is_cyrillic() {
        return CYRILLIC_NUMBER_WORDS
            .iter()
            .find(|(word, _)| *word == key)
            .map(|(_, value)| *value);
    }
    if lang != Language::English {
        return None;
    }
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(at) = UNITS.iter().position(|w| *w == key) {
        return Some(at as u128);
    }
    TENS.iter()
        .position(|w| *w == key)
        .map(|at| (at as u128 + 2) * 10)
}

/// Reads digits with thousands separators, a decimal point and a scale suffix stuck
/// to them: `25,000`, `1.5`, `1.5bn`, `5m`.
fn read_digits(key: &str, lang: Language) -> Option<Value> {
    let numeric_end = key
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(key.len());
    let (number, suffix) = key.split_at(numeric_end);
    if !number.starts_with(|c: char| c.is_ascii_digit()) || number.ends_with(['.', ',']) {
        return None;
    }
    let (power, currency) = if suffix.is_empty() {
        (0, None)
    } else if lang == Language::Korean {
        korean_suffix(suffix)
    } else {
        (scale(suffix, lang)?, None)
    };
    // Ukrainian and Russian write a decimal comma (`1,5 млрд`); a comma before a group
    // of three digits stays a thousands separator (`25,000`).
    let decimal_comma = lang.is_cyrillic()
        && !number.contains('.')
        && number.matches(',').count() == 1
        && number
            .rsplit(',')
            .next()
            .is_some_and(|group| group.len() != 3);
    let number = if decimal_comma {
        std::borrow::Cow::Owned(number.replace(',', "."))
    } else {
        std::borrow::Cow::Borrowed(number)
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((&number, ""));
    if fraction.contains(['.', ',']) {
        return None;
    }
    let mut digits: u128 = 0;
    for c in whole.chars().filter(|c| *c != ',').chain(fraction.chars()) {
        digits = digits
            .checked_mul(10)?
            .checked_add(c.to_digit(10)? as u128)?;
    }
    let mut value = Value::new(digits, power - fraction.len() as i32);
    value.currency = currency;
    Some(value)
}

/// What a Korean figure's suffix says: the scale syllables written onto the digits
/// (`만` in `500만`, `천만` in `5천만`: each multiplies), then a currency (`원`) or a
/// counter or particle (`명은`, `여`), which says nothing of the value.
fn korean_suffix(suffix: &str) -> (i32, Option<Currency>) {
    let mut power = 0;
    let mut rest = suffix;
    while let Some(c) = rest.chars().next() {
        match scale(&rest[..c.len_utf8()], Language::Korean) {
            Some(p) => {
                power += p;
                rest = &rest[c.len_utf8()..];
            }
            _ => break,
        }
    }
    let currency = rest.starts_with('원').then_some(Currency::Won);
    (power, currency)
}

/// The figures among `words` (each its byte range in `text` and its folded key, as
/// [`for_each_word`] gives them): digits (`25,000`, `1.5bn`), number words up to "a
/// million" (`twenty-five`, `five hundred thousand`), with a scale word after them
/// (`1.5 billion`), a share (`%`, `per cent`, `percent`, `pct`) and a currency (`£`
/// before, `pounds` after).
pub fn figures(text: &str, words: &[(Range<usize>, String)], lang: Language) -> Vec<Figure> {
    let key = |i: usize| words.get(i).map(|(_, k)| k.as_str());
    // Words of one figure stand apart by spaces or hyphens only.
    let joined = |i: usize| {
        words
            .get(i)
            .zip(words.get(i + 1))
            .and_then(|(a, b)| text.get(a.0.end..b.0.start))
            .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-'))
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let start = i;
        let mut value = None;
        let k = key(i).unwrap_or_default();
        if let Some(v) = read_digits(k, lang) {
            value = Some(v);
            i += 1;
        } else if (k == "a" || k == "an")
            && joined(i)
            && key(i + 1)
                .and_then(|k| scale(k, lang))
                .is_some_and(|p| p >= 6)
        {
            value = Some(Value::new(1, 0));
            i += 1;
        } else if let Some(n) = number_word(k, lang) {
            // twenty-five, five hundred
            let mut total = n;
            i += 1;
            if n >= 20
                && joined(i - 1)
                && let Some(unit) = key(i)
                    .and_then(|k| number_word(k, lang))
                    .filter(|u| *u < 10 && *u > 0)
            {
                total += unit;
                i += 1;
            }
            if joined(i - 1) && key(i) == Some("hundred") {
                total *= 100;
                i += 1;
            }
            value = Some(Value::new(total, 0));
        }
        let Some(mut value) = value else {
            i += 1;
            continue;
        };
        while joined(i - 1)
            // A lone letter after a space is a unit, not a scale: `5 m` is five metres.
            && let Some(power) = key(i)
                .filter(|k| k.chars().nth(1).is_some())
                .and_then(|k| scale(k, lang))
        {
            value = value.scaled(power);
            i += 1;
        }
        let mut range = words[start].0.start..words[i - 1].0.end;
        let before = text[..range.start].trim_end_matches(' ');
        if let Some(sign) = before
            .chars()
            .next_back()
            .and_then(|c| Currency::of_sign(c).map(|cur| (c, cur)))
        {
            value.currency = Some(sign.1);
            range.start = before.len() - sign.0.len_utf8();
        }
        if text[range.end..].starts_with('%') {
            value.percent = true;
            range.end += 1;
        } else if lang != Language::English && joined(i - 1) {
            if let Some(word) = key(i) {
                let share = (lang.is_cyrillic() && cyrillic_percent(word))
                    || (lang == Language::Korean && word == "퍼센트");
                if share {
                    value.percent = true;
                    range.end = words[i].0.end;
                    i += 1;
                } else if value.currency.is_none()
                    && let Some(currency) = Currency::of_word(word, lang)
                {
                    value.currency = Some(currency);
                    range.end = words[i].0.end;
                    i += 1;
                }
            }
        } else if lang == Language::English && joined(i - 1) {
            match (key(i), key(i + 1)) {
                (Some("per"), Some("cent")) if joined(i) => {
                    value.percent = true;
                    range.end = words[i + 1].0.end;
                    i += 2;
                }
                (Some("percent" | "pct"), _) => {
                    value.percent = true;
                    range.end = words[i].0.end;
                    i += 1;
                }
                (Some(word), _) if value.currency.is_none() => {
                    if let Some(currency) = Currency::of_word(word, lang) {
                        value.currency = Some(currency);
                        range.end = words[i].0.end;
                        i += 1;
                    }
                }
                _ => {}
            }
        }
        found.push(Figure {
            words: start..i,
            range,
            value,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(&str, String, Option<Currency>)> {
        shown_in(Language::English, text)
    }

    fn shown_in(lang: Language, text: &str) -> Vec<(&str, String, Option<Currency>)> {
        let mut words = Vec::new();
        for_each_word(text, lang, |w| {
            words.push((w.range.clone(), w.key.to_owned()))
        });
        figures(text, &words, lang)
            .into_iter()
            .map(|f| (&text[f.range], f.value.key(), f.value.currency))
            .collect()
    }

    #[test]
    fn ukrainian_and_russian_figures_read_their_scale_share_and_currency_words() {
        assert_eq!(
            shown_in(
                Language::Ukrainian,
                "понад 20 військових, 5 млн гривень, 1,5 мільярда доларів, 10 відсотків і 25,000"
            ),
            [
                ("20", "#2e1".to_owned(), None),
                ("5 млн гривень", "#5e6".to_owned(), Some(Currency::Hryvnia)),
                (
                    "1,5 мільярда доларів",
                    "#15e8".to_owned(),
                    Some(Currency::Dollar)
                ),
                ("10 відсотків", "#1e1%".to_owned(), None),
                ("25,000", "#25e3".to_owned(), None),
            ]
        );
        assert_eq!(
            shown_in(Language::Russian, "₽300 и 5 миллионов рублей, 44 процента"),
            [
                ("₽300", "#3e2".to_owned(), Some(Currency::Rouble)),
                (
                    "5 миллионов рублей",
                    "#5e6".to_owned(),
                    Some(Currency::Rouble)
                ),
                ("44 процента", "#44e0%".to_owned(), None),
            ]
        );
        // Number words: `шестеро` is 6, `двадцять пять` 25, `пять миллионов` five million.
        assert_eq!(
            shown_in(
                Language::Ukrainian,
                "шестеро офіцерів і двадцять п’ять солдатів"
            ),
            [
                ("шестеро", "#6e0".to_owned(), None),
                ("двадцять п’ять", "#25e0".to_owned(), None),
            ]
        );
        assert_eq!(
            shown_in(Language::Russian, "пять миллионов рублей")[0].1,
            shown("5m")[0].1
        );
        // `5 млн` is `5m`.
        assert_eq!(shown_in(Language::Russian, "5 млн")[0].1, shown("5m")[0].1);
    }

    #[test]
    fn korean_figures_take_their_scale_syllables_and_leave_counters_aside() {
        assert_eq!(
            shown_in(
                Language::Korean,
                "500만 명, 5천만원, 20여 명, 6명은 3억 달러"
            ),
            [
                ("500만", "#5e6".to_owned(), None),
                ("5천만원", "#5e7".to_owned(), Some(Currency::Won)),
                ("20여", "#2e1".to_owned(), None),
                ("6명은", "#6e0".to_owned(), None),
                ("3억 달러", "#3e8".to_owned(), Some(Currency::Dollar)),
            ]
        );
        // English reads none of these words.
        assert_eq!(shown("5 млн")[0].0, "5");
    }

    #[test]
    fn figures_written_differently_have_one_key() {
        let pairs = [
            ("1.5bn", "1.5 billion"),
            ("25,000", "25000"),
            ("10%", "10 per cent"),
            ("10 percent", "10 pct"),
            ("five million", "5m"),
            ("a million", "1,000,000"),
            ("twenty-five", "25"),
            ("five hundred thousand", "500k"),
            ("5.93 mln", "5,930,000"),
            ("1.5 bln dlrs", "$1.5bn"),
            ("$1,400", "1,400 dollars"),
        ];
        for (a, b) in pairs {
            let (a_shown, b_shown) = (shown(a), shown(b));
            assert_eq!(a_shown.len(), 1, "{a}");
            assert_eq!(b_shown.len(), 1, "{b}");
            assert_eq!(a_shown[0].0, a);
            assert_eq!(b_shown[0].0, b);
            assert_eq!(
                (&a_shown[0].1, a_shown[0].2),
                (&b_shown[0].1, b_shown[0].2),
                "{a} vs {b}"
            );
        }
    }

    #[test]
    fn a_lone_letter_after_a_space_is_a_unit_not_a_scale() {
        assert_eq!(
            shown("The wall is 5 m high; the deal is worth 5m, or 5 mln."),
            [
                ("5", "#5e0".to_owned(), None),
                ("5m", "#5e6".to_owned(), None),
                ("5 mln", "#5e6".to_owned(), None),
            ]
        );
    }

    #[test]
    fn figures_in_a_sentence_keep_their_currency() {
        assert_eq!(
            shown("Pay rose by £1,400 to 1.5bn, 84% of the 2.3 million, not 44 per cent."),
            [
                ("£1,400", "#14e2".to_owned(), Some(Currency::Pound)),
                ("1.5bn", "#15e8".to_owned(), None),
                ("84%", "#84e0%".to_owned(), None),
                ("2.3 million", "#23e5".to_owned(), None),
                ("44 per cent", "#44e0%".to_owned(), None),
            ]
        );
        assert_ne!(shown("$1,400")[0].2, shown("£1,400")[0].2);
    }

    #[test]
    fn numbers_with_their_signs() {
        let text = "Pay rose by £1,400 to 1.5bn, or 10% of $ 5m; Win 95 vs 2024";
        let shown: Vec<(&str, Option<&str>, bool)> = numbers(text, Language::English)
            .iter()
            .map(|n| {
                (
                    &text[n.range.clone()],
                    n.currency.clone().map(|c| &text[c]),
                    n.percent.is_some(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("1,400", Some("£"), false),
                ("1.5bn", None, false),
                ("10", None, true),
                ("5m", Some("$"), false),
                ("95", None, false),
                ("2024", None, false),
            ]
        );
    }
}
