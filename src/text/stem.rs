//! Stemming with a memo, one stemmer per language. The Snowball algorithm (the
//! `frostem` crate, which tantivy's own stemmer runs) took about 30% of indexing time
//! when run on every token; news text repeats a small vocabulary endlessly, so
//! remembering each word's stem makes that cost nearly vanish. The stems are exactly
//! Snowball's: English and Russian from `frostem`, Ukrainian from
//! `snowball_stemmers_rs` (upstream Snowball has no Ukrainian stemmer), each with a few
//! mends where a noun's forms came apart (`ukrainian_stem`, `russian_stem`), and a closed
//! list of nouns whose stem alternates (`рік`, `року`; `день`, `дня`), whose forms all
//! stem to the noun's lemma ([`super::stem_irregular`]). Korean and other languages are
//! not stemmed. In Cyrillic words `ё` is read as `е` first, as
//! most Russian text writes it.

use rustc_hash::FxHashMap as HashMap;

use super::{Language, stem_irregular};

/// Most words remembered per stemmer; the memo is emptied when it fills up, which
/// bounds memory on corpora with huge vocabularies (or garbage).
const MEMO_CAPACITY: usize = 200_000;

/// A stemmer for one language, remembering the stems it has computed. Each thread
/// keeps its own (a clone starts with an empty memo).
pub struct Stemmer {
    algorithm: Algorithm,
    memo: HashMap<String, String>,
    /// Whether `ё` is read as `е` before stemming.
    cyrillic: bool,
}

/// The stemming algorithm of a language.
#[derive(Clone, Copy)]
enum Algorithm {
    /// One of Snowball's, as `frostem` runs it (English).
    Frostem(frostem::Stemmer),
    /// Snowball's Russian, as `frostem` runs it, with [`russian_stem`]'s mends.
    Russian(frostem::Stemmer),
    /// Ukrainian, from `snowball_stemmers_rs`.
    Ukrainian,
    /// Words stay as they are (Korean, other languages).
    None,
}

/// The Ukrainian stemmer, made once (it is a function pointer).
static UKRAINIAN: std::sync::LazyLock<snowball_stemmers_rs::Stemmer> =
    std::sync::LazyLock::new(|| {
        snowball_stemmers_rs::Stemmer::create(snowball_stemmers_rs::Algorithm::Ukrainian)
    });

impl Stemmer {
    /// A stemmer for `lang`'s folded words.
    pub fn new(lang: Language) -> Self {
        let algorithm = match lang {
            Language::English => {
                Algorithm::Frostem(frostem::Stemmer::new(frostem::Algorithm::English))
            }
            Language::Russian => {
                Algorithm::Russian(frostem::Stemmer::new(frostem::Algorithm::Russian))
            }
            Language::Ukrainian => Algorithm::Ukrainian,
            Language::Korean | Language::Other => Algorithm::None,
        };
        Stemmer {
            algorithm,
            memo: HashMap::default(),
            cyrillic: lang.is_cyrillic(),
        }
    }

    /// Writes the stem of `word` (folded, as [`super::fold`] makes it) to `out`, replacing
    /// what `out` held.
    #[inline]
    pub fn stem_into(&mut self, word: &str, out: &mut String) {
        out.clear();
        match self.memo.get(word) {
            Some(stem) => out.push_str(stem),
            None => {
                out.push_str(word);
                self.stem_in_place(out);
            }
        }
    }

    /// Replaces `word` (folded, as [`super::fold`] makes it) with its stem.
    pub fn stem_in_place(&mut self, word: &mut String) {
        if let Some(stem) = self.memo.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let read;
        let input = if self.cyrillic && word.contains('ё') {
            read = word.replace('ё', "е");
            read.as_str()
        } else {
            word.as_str()
        };
        let stem = match self.algorithm {
            Algorithm::Russian(stemmer) => russian_stem(stemmer, input),
            Algorithm::Frostem(stemmer) => stemmer.stem(input).into_owned(),
            Algorithm::Ukrainian => ukrainian_stem(input),
            Algorithm::None => input.to_owned(),
        };
        if self.memo.len() >= MEMO_CAPACITY {
            self.memo.clear();
        }
        let word = std::mem::replace(word, stem.clone());
        self.memo.insert(word, stem);
    }

    /// The stem of `word` (folded).
    pub fn stem(&mut self, word: &str) -> String {
        let mut word = word.to_owned();
        self.stem_in_place(&mut word);
        word
    }
}

/// The Ukrainian stem of `word`: the lemma of a noun of the closed list of alternating
/// stems ([`stem_irregular::ukrainian_lemma`]); for a noun in `-ість`/`-істю`, its stem in
/// `-ост` (the `і`/`о` of `можливість`, `можливості`); else `snowball_stemmers_rs`'s with the
/// mends of
/// [`ukrainian_stem_once`], then one more for the genitive plural with no ending: the
/// stemmer reads the `-ем` or `-ав` that ends such a form (`систем`, `держав`) as an
/// ending and cuts it (`сист`, `держ`), while every other form keeps it (`системи` →
/// `систем`). A stem that ends in `-ем` or `-ав` is therefore stemmed once more, so all of
/// the noun's forms share the shorter stem; the cut must leave four letters (`тема`,
/// `слава` keep theirs). Verbs' past forms in `-ав` (`виконав`) join their other forms
/// (`виконати`) the same way.
fn ukrainian_stem(word: &str) -> String {
    if let Some(lemma) = stem_irregular::ukrainian_lemma(word) {
        return lemma.to_owned();
    }
    // Nouns in `-ість` alternate `і` with `о` (`можливість`, `можливості`): the two forms
    // with `і` stem as the others do, to `-ост`. (Four letters before it at least:
    // `повість`, `совість` keep their `і` throughout.)
    for end in ["ість", "істю"] {
        if let Some(base) = word.strip_suffix(end)
            && base.chars().count() >= 4
        {
            return format!("{base}ост");
        }
    }
    let stem = ukrainian_stem_once(word);
    // A noun in `-ік` with no ending is not cut as if `-ові` ended it (`чоловік` →
    // `чол`, while `чоловіка` → `чоловік`).
    if word.ends_with("ік") && stem.chars().count() + 2 < word.chars().count() {
        return word.to_owned();
    }
    if stem.ends_with("ем") || stem.ends_with("ав") {
        let again = ukrainian_stem_once(&stem);
        let cut = stem.chars().count() - again.chars().count();
        if again.chars().count() >= 4 && (1..=3).contains(&cut) && stem.starts_with(&again) {
            return again;
        }
    }
    stem
}

/// `snowball_stemmers_rs`'s Ukrainian stem, with three mends found on the noun
/// evaluation (`benches/lang_eval.py`): a noun's genitive in `-оти`/`-ети` (`роботи`,
/// `ракети`) is not read as an infinitive in `-ти` (which left `робо`); a short noun in
/// `-ла`/`-ли`/`-ло` is not read as a verb's past form (`сила` → `си`, held-out4); and
/// the vowels, `й` and `ь` the stemmer leaves at a stem's end are dropped while three
/// letters remain (`історі`, `історіє` and `істор` are one stem).
fn ukrainian_stem_once(word: &str) -> String {
    let input = match word.strip_suffix('и') {
        Some(rest) if rest.ends_with("от") || rest.ends_with("ет") => rest,
        _ => word,
    };
    let mut stem = UKRAINIAN.stem(input).into_owned();
    // The stemmer reads a short noun's `-ла`, `-ли`, `-ло` as a verb's past ending and
    // leaves two letters (`сила`, `сили` → `си`, while `силу` → `сил`): such a word
    // keeps all but its final vowel instead.
    if stem.chars().count() <= 2
        && input.chars().count() >= 4
        && ["ла", "ли", "ло"].iter().any(|end| input.ends_with(end))
    {
        stem = input.to_owned();
    }
    while stem.chars().count() > 3
        && stem.ends_with(['а', 'е', 'є', 'и', 'і', 'ї', 'о', 'у', 'ю', 'я', 'ь', 'й'])
    {
        stem.pop();
    }
    stem
}

/// The Russian nouns in `-мя` (a closed class): `время`, `имя`, … decline on a stem in
/// `-мен-` (`времени`, `именем`), which Snowball keeps, while it cuts the nominative to
/// `врем`, `им`. Each is given here without its `мя`.
const RUSSIAN_MYA_NOUNS: [&str; 11] = [
    "вре", "и", "зна", "пла", "пле", "се", "стре", "те", "вы", "бре", "полы",
];

/// The case endings after a `-мя` noun's `-мен-` (`времен`, `времени`, `временем`,
/// `времена`, `временам`, `временами`, `временах`).
const RUSSIAN_MEN_ENDINGS: [&str; 7] = ["", "и", "ем", "а", "ам", "ами", "ах"];

/// The noun endings that follow a stem ending in `й` (`случай`, `случаю`, `случаев`…).
const RUSSIAN_ENDINGS_AFTER_J: [&str; 10] =
    ["й", "я", "ю", "е", "и", "ев", "ем", "ям", "ями", "ях"];

/// The Russian stem of `word`: the lemma of a noun of the closed list of alternating
/// stems ([`stem_irregular::russian_lemma`]), else Snowball's, with two mends found on
/// the noun evaluation (`benches/lang_eval.py`, tune and the first held-out split):
///
/// - a noun in `-мя` and its forms share one stem, the nominative (`время`, `времени`,
///   `временем` → `время`; `имя`, `имени` → `имя`), apart from the words Snowball cuts
///   to `-мен` (`временный` → `времен`, `именно` → `имен`);
/// - a noun whose stem ends in `й` (`случай`, `музей`, `герой`) loses the vowel before
///   it: Snowball keeps it in most forms (`случаю` → `случа`) but reads the genitive's
///   `-ая`, `-ея`, `-оя` as an adjective's ending and cuts it (`случая` → `случ`), and the
///   nominative's `-ой`, `-ей` too (`герой` → `гер`, `героя` → `геро`). So a stem ending
///   in a vowel, followed in the word by one of these nouns' endings, drops the vowel
///   while three letters remain. Verbs in `-ать` meet it only in the forms ending so
///   (`думаю` → `дум`, as `думать` is not: `дума`).
fn russian_stem(stemmer: frostem::Stemmer, word: &str) -> String {
    if let Some(lemma) = stem_irregular::russian_lemma(word) {
        return lemma.to_owned();
    }
    for noun in RUSSIAN_MYA_NOUNS {
        let Some(rest) = word.strip_prefix(noun) else {
            continue;
        };
        if rest == "мя"
            || rest
                .strip_prefix("мен")
                .is_some_and(|ending| RUSSIAN_MEN_ENDINGS.contains(&ending))
        {
            return format!("{noun}мя");
        }
    }
    let mut stem = stemmer.stem(word).into_owned();
    if stem.chars().count() > 3
        && stem.ends_with(['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я'])
        && word
            .strip_prefix(stem.as_str())
            .is_some_and(|ending| RUSSIAN_ENDINGS_AFTER_J.contains(&ending))
    {
        stem.pop();
    }
    stem
}

impl Clone for Stemmer {
    /// A clone starts with an empty memo: each indexing thread keeps its own.
    fn clone(&self) -> Self {
        Stemmer {
            algorithm: self.algorithm,
            memo: HashMap::default(),
            cyrillic: self.cyrillic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{
        Language as TantivyLanguage, LowerCaser, SimpleTokenizer, Stemmer as TantivyStemmer,
        TextAnalyzer, TokenStream,
    };

    #[test]
    fn stems_match_tantivys_own_stemmer_on_first_and_repeated_words() {
        let text = "Officers running generously; officers ran, running again and the generals' generalisation";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(TantivyStemmer::new(TantivyLanguage::English))
            .build();
        let mut expected = Vec::new();
        let mut stream = plain.token_stream(text);
        while stream.advance() {
            expected.push(stream.token().text.clone());
        }
        let mut stemmer = Stemmer::new(Language::English);
        for pass in ["first", "second, from the memo"] {
            let stems: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| stemmer.stem(&w.to_lowercase()))
                .collect();
            assert_eq!(stems, expected, "{pass} pass");
        }
        assert_eq!(expected[0], "offic");
    }

    #[test]
    fn russian_and_ukrainian_stems_join_a_nouns_forms() {
        let mut russian = Stemmer::new(Language::Russian);
        let stems: Vec<String> = ["офицер", "офицеров", "офицерами", "ракетой", "ракеты"]
            .iter()
            .map(|w| russian.stem(w))
            .collect();
        assert_eq!(stems, ["офицер", "офицер", "офицер", "ракет", "ракет"]);
        // `ё` is read as `е`: `ещё` and `еще` are one word.
        assert_eq!(russian.stem("ещё"), russian.stem("еще"));
        let mut ukrainian = Stemmer::new(Language::Ukrainian);
        let stems: Vec<String> = ["офіцер", "офіцерів", "офіцерами", "офіцерові"]
            .iter()
            .map(|w| ukrainian.stem(w))
            .collect();
        assert_eq!(stems, ["офіцер"; 4]);
        let stems: Vec<String> = ["турбота", "турботи", "історія", "історією", "історії"]
            .iter()
            .map(|w| ukrainian.stem(w))
            .collect();
        assert_eq!(stems, ["турбот", "турбот", "істор", "істор", "істор"]);
        // A genitive plural with no ending shares its noun's stem.
        let stems: Vec<String> = ["система", "системи", "систем", "держава", "держав"]
            .iter()
            .map(|w| ukrainian.stem(w))
            .collect();
        assert_eq!(stems, ["сист", "сист", "сист", "держ", "держ"]);
        // A short noun in `-ла`, `-ли` is not cut as a verb's past form.
        let stems: Vec<String> = ["сила", "сили", "силу", "силами", "сил"]
            .iter()
            .map(|w| ukrainian.stem(w))
            .collect();
        assert_eq!(stems, ["сил"; 5]);
        let stems: Vec<String> = ["можливість", "можливості", "можливостей", "можливістю"]
            .iter()
            .map(|w| ukrainian.stem(w))
            .collect();
        assert_eq!(stems, ["можливост"; 4]);
        let stems: Vec<String> = ["чоловік", "чоловіка", "чоловіки"]
            .iter()
            .map(|w| ukrainian.stem(w))
            .collect();
        assert_eq!(stems, ["чоловік"; 3]);
        // Korean and other languages are not stemmed.
        assert_eq!(Stemmer::new(Language::Korean).stem("북한군이"), "북한군이");
        assert_eq!(Stemmer::new(Language::Other).stem("soldaten"), "soldaten");
    }

    #[test]
    fn russian_nouns_in_mya_and_in_j_keep_one_stem() {
        let mut russian = Stemmer::new(Language::Russian);
        for forms in [
            &["время", "времени", "временем", "времена", "времён"][..],
            &["имя", "имени", "именем", "имена"],
            &["случай", "случая", "случаю", "случаем", "случае", "случаев"],
            &["герой", "героя", "героев"],
        ] {
            let stems: Vec<String> = forms.iter().map(|w| russian.stem(w)).collect();
            assert!(
                stems.iter().all(|s| *s == stems[0]),
                "{forms:?} → {stems:?}"
            );
        }
        assert_eq!(russian.stem("времени"), "время");
        // Words that only start like an `-мя` noun keep Snowball's stem, which is not
        // the noun's.
        let snowball = frostem::Stemmer::new(frostem::Algorithm::Russian);
        for word in ["именно", "временный", "временно"] {
            assert_eq!(russian.stem(word), snowball.stem(word));
            assert_ne!(russian.stem(word), russian.stem("время"));
            assert_ne!(russian.stem(word), russian.stem("имя"));
        }
        // An adjective's `-ая` is not a noun's: `новая` is Snowball's `нов`.
        assert_eq!(russian.stem("новая"), russian.stem("новый"));
    }

    /// Issue 19: nouns whose stem alternates or drops a vowel (uk `рік`, `року`;
    /// `день`, `дня`), which Snowball parts, keep one stem through the closed list of
    /// `stem_irregular`; without it each group below has two or more stems.
    #[test]
    fn issue_19_alternating_nouns_keep_one_stem() {
        for (lang, forms) in [
            (
                Language::Ukrainian,
                &["рік", "року", "років", "році", "роками"][..],
            ),
            (Language::Ukrainian, &["день", "дня", "дні", "днів", "днях"]),
            (Language::Ukrainian, &["ніч", "ночі", "ночей"]),
            (Language::Ukrainian, &["вечір", "вечора"]),
            (Language::Ukrainian, &["будинок", "будинку", "будинки"]),
            (Language::Ukrainian, &["робота", "роботи", "робіт"]),
            (Language::Ukrainian, &["особа", "осіб"]),
            (Language::Russian, &["день", "дня", "дней", "дни", "днями"]),
            (Language::Russian, &["отец", "отца", "отцы"]),
            (Language::Russian, &["рынок", "рынка", "рынке"]),
            (Language::Russian, &["мать", "матери", "матерью"]),
            (Language::Russian, &["окно", "окон"]),
        ] {
            let mut stemmer = Stemmer::new(lang);
            let stems: Vec<String> = forms.iter().map(|w| stemmer.stem(w)).collect();
            assert!(
                stems.iter().all(|s| *s == stems[0]),
                "{forms:?} → {stems:?}"
            );
        }
        let mut ukrainian = Stemmer::new(Language::Ukrainian);
        let mut russian = Stemmer::new(Language::Russian);
        // `ё` is read as `е` before the list is looked up.
        assert_eq!(russian.stem("лёд"), russian.stem("льда"));
        // The lemma is the stem: a query's nominative and the text's other forms meet.
        assert_eq!(ukrainian.stem("року"), "рік");
        assert_eq!(russian.stem("дня"), "день");
    }

    /// Issue 19: the list keeps apart what the stemmer would join to a listed noun —
    /// `ріка` ("river", otherwise `рік`) and `нічого` ("nothing", otherwise `ніч`) — and
    /// leaves out forms another frequent word shares (ru `дне`, "bottom"; uk `рівні`,
    /// "equal"), which keep Snowball's stems.
    #[test]
    fn issue_19_irregular_list_keeps_other_words_apart() {
        let mut ukrainian = Stemmer::new(Language::Ukrainian);
        assert_ne!(ukrainian.stem("ріка"), ukrainian.stem("рік"));
        assert_eq!(ukrainian.stem("ріка"), ukrainian.stem("ріки"));
        assert_ne!(ukrainian.stem("нічого"), ukrainian.stem("ніч"));
        assert_eq!(ukrainian.stem("рівні"), ukrainian_stem_once("рівні"));
        // `рок` ("rock music") is not `рік`'s.
        assert_ne!(ukrainian.stem("рок"), ukrainian.stem("рік"));
        let mut russian = Stemmer::new(Language::Russian);
        let snowball = frostem::Stemmer::new(frostem::Algorithm::Russian);
        assert_eq!(russian.stem("дне"), snowball.stem("дне"));
        assert_ne!(russian.stem("дне"), russian.stem("день"));
        // `деньги` ("money") is a noun of its own, not `день`'s.
        assert_eq!(russian.stem("деньги"), russian.stem("денег"));
        assert_ne!(russian.stem("деньги"), russian.stem("день"));
    }
}
