//! The lexicon: the word lists the entity rules and the speaker reader consult, as data
//! files under `data/text/<language>/` compiled in with `include_str!` — one file per
//! kind of word, each word written once, so the two readers share them instead of
//! keeping copies. A word's classes are looked up once, as bits.
//!
//! Files hold one word a line (`#` starts a comment); the `.tsv` files pair a word with
//! a value (a role's class, an honorific's gender, a determiner's definiteness).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::Language;

/// A kind of word the lexicon lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    /// Capitalised words that name nothing: function words, pronouns, weekdays.
    NotName,
    /// Capitalised words of news copy the entity rules never take for a name.
    WireWord,
    /// Month names and abbreviations.
    Month,
    /// Verbs that report words said.
    SpeechVerb,
    /// Verbs that report a view ("believes").
    OpinionVerb,
    /// Speech verbs as participles ("adding").
    SpeechParticiple,
    /// Speech verbs that may come before their speaker ("said the minister").
    VerbFirst,
    /// Words between a speaker and the verb ("later", "has").
    SpeechAdverb,
    /// Words that make a following speech verb passive ("was").
    PassiveAuxiliary,
    /// Words that end a noun phrase (prepositions, conjunctions, auxiliaries).
    PhraseStop,
    /// Institutions that speak ("ministry").
    Institution,
    /// Words that end an organisation's name ("Ministry", "Corp").
    OrgSuffix,
    /// Words that head "… of …" organisations ("Ministry").
    OrgHead,
    /// Directions and the like that may open an organisation's name ("North").
    OrgOpener,
    /// Words before a name that say it is an organisation's ("firm").
    OrgDescriptor,
    /// Roles followed by "at" and an organisation ("economist").
    RoleAt,
    /// Words after "Name's" that make it an organisation's ("shares").
    OrgPossession,
    /// Lower-case words that may join the words of one name ("of").
    NameConnector,
    /// Role words after "Name, …" that make the name a person's ("head").
    AppositiveRole,
    /// Family names written first ("kim").
    EastAsianSurname,
    /// Legal forms of companies ("ltd").
    LegalForm,
    /// Second halves of adjective compounds ("based" in "Moscow-based").
    AdjectiveEnding,
    /// Titles and ranks before a name ("general").
    TitleWord,
    /// Titles that are also surnames ("major").
    SurnameTitle,
    /// Lower-case particles inside names ("de", "von").
    NameParticle,
    /// Words whose full stop ends no sentence ("mr", "gen", "jan").
    Abbreviation,
    /// Negations ("not", "never").
    Negation,
    /// Modal verbs ("may", "would").
    Modal,
    /// Nouns that report words said ("claims", "remark").
    SpeechNoun,
}

/// The classes a word belongs to, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u32);

impl Classes {
    /// Whether the word is in `class`.
    #[inline]
    pub fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u8) != 0
    }

    /// Whether the word is in any of `classes`.
    #[inline]
    pub fn any(self, classes: &[Class]) -> bool {
        classes.iter().any(|&class| self.has(class))
    }

    fn add(&mut self, class: Class) {
        self.0 |= 1 << class as u8;
    }
}

/// A person's grammatical gender, as far as pronouns and honorifics tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "he", "Mr".
    Male,
    /// "she", "Mrs".
    Female,
}

/// The word lists of one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    classes: FxHashMap<&'static str, Classes>,
    roles: FxHashMap<&'static str, &'static str>,
    honorifics: FxHashMap<&'static str, Option<Gender>>,
    determiners: FxHashMap<&'static str, bool>,
    pronouns: FxHashMap<&'static str, Option<Gender>>,
}

impl Lexicon {
    /// The classes of `word` (lower case).
    #[inline]
    pub fn classes(&self, word: &str) -> Classes {
        self.classes.get(word).copied().unwrap_or_default()
    }

    /// Whether `word` (lower case) is in `class`.
    #[inline]
    pub fn has(&self, word: &str, class: Class) -> bool {
        self.classes(word).has(class)
    }

    /// The class of a role word as written ("minister" → "minister", "premier" →
    /// "leader"); `None` for words that are no role.
    pub fn role(&self, word: &str) -> Option<&'static str> {
        self.roles.get(word).copied()
    }

    /// An honorific's gender: `Some(None)` for one that implies none ("Dr").
    pub fn honorific(&self, word: &str) -> Option<Option<Gender>> {
        self.honorifics.get(word).copied()
    }

    /// A determiner, and whether it points back at someone named ("the") rather than
    /// introducing someone ("a").
    pub fn determiner(&self, word: &str) -> Option<bool> {
        self.determiners.get(word).copied()
    }

    /// A personal pronoun and the gender it points at (`Some(None)`: no one person).
    pub fn pronoun(&self, word: &str) -> Option<Option<Gender>> {
        self.pronouns.get(word).copied()
    }
}

/// The lexicon of `lang`, loaded on first use.
pub fn lexicon(lang: Language) -> &'static Lexicon {
    match lang {
        Language::English => &ENGLISH,
        Language::Ukrainian => &UKRAINIAN,
        Language::Russian => &RUSSIAN,
        // Korean and other languages have no word lists: nothing is in any class.
        Language::Korean | Language::Other => &EMPTY,
    }
}

/// The words of a list file: one a line, `#` comments and blank lines skipped.
pub(super) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

/// The `word<TAB>value` pairs of a `.tsv` list.
fn pairs(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(file).filter_map(|line| {
        let (word, value) = line.split_once('\t')?;
        Some((word.trim(), value.trim()))
    })
}

fn gender(value: &str) -> Option<Gender> {
    match value {
        "male" => Some(Gender::Male),
        "female" => Some(Gender::Female),
        _ => None,
    }
}

/// Each word of the list files with the classes of the files that hold it.
fn classes_of(lists: &[(&'static str, Class)]) -> FxHashMap<&'static str, Classes> {
    let mut classes: FxHashMap<&'static str, Classes> = FxHashMap::default();
    for &(file, class) in lists {
        for word in entries(file) {
            classes.entry(word).or_default().add(class);
        }
    }
    classes
}

/// The lexicon of a Cyrillic language: the lists the entity rules read for names in its
/// text (`data/text/<lang>/`). Its words are written in lower case, as the rules look
/// them up.
macro_rules! cyrillic_lexicon {
    ($lang:literal) => {
        LazyLock::new(|| {
            macro_rules! list {
                ($file:literal) => {
                    include_str!(concat!("../../data/text/", $lang, "/", $file))
                };
            }
            Lexicon {
                classes: classes_of(&[
                    (list!("not_names.txt"), Class::NotName),
                    (list!("months.txt"), Class::Month),
                    (list!("speech_verbs.txt"), Class::SpeechVerb),
                    (list!("east_asian_surnames.txt"), Class::EastAsianSurname),
                    (list!("title_words.txt"), Class::TitleWord),
                ]),
                ..Lexicon::default()
            }
        })
    };
}

static UKRAINIAN: LazyLock<Lexicon> = cyrillic_lexicon!("uk");
static RUSSIAN: LazyLock<Lexicon> = cyrillic_lexicon!("ru");

/// The lexicon of a language with no word lists.
static EMPTY: LazyLock<Lexicon> = LazyLock::new(Lexicon::default);

static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| {
    macro_rules! list {
        ($file:literal) => {
            include_str!(concat!("../../data/text/en/", $file))
        };
    }
    let lists: [(&'static str, Class); 29] = [
        (list!("not_names.txt"), Class::NotName),
        (list!("wire_words.txt"), Class::WireWord),
        (list!("months.txt"), Class::Month),
        (list!("speech_verbs.txt"), Class::SpeechVerb),
        (list!("opinion_verbs.txt"), Class::OpinionVerb),
        (list!("speech_participles.txt"), Class::SpeechParticiple),
        (list!("verb_first_speech_verbs.txt"), Class::VerbFirst),
        (list!("speech_adverbs.txt"), Class::SpeechAdverb),
        (list!("passive_auxiliaries.txt"), Class::PassiveAuxiliary),
        (list!("phrase_stops.txt"), Class::PhraseStop),
        (list!("institutions.txt"), Class::Institution),
        (list!("org_suffixes.txt"), Class::OrgSuffix),
        (list!("org_heads.txt"), Class::OrgHead),
        (list!("org_openers.txt"), Class::OrgOpener),
        (list!("org_descriptors.txt"), Class::OrgDescriptor),
        (list!("roles_at.txt"), Class::RoleAt),
        (list!("org_possessions.txt"), Class::OrgPossession),
        (list!("name_connectors.txt"), Class::NameConnector),
        (list!("appositive_roles.txt"), Class::AppositiveRole),
        (list!("east_asian_surnames.txt"), Class::EastAsianSurname),
        (list!("legal_forms.txt"), Class::LegalForm),
        (list!("adjective_endings.txt"), Class::AdjectiveEnding),
        (list!("title_words.txt"), Class::TitleWord),
        (list!("surname_titles.txt"), Class::SurnameTitle),
        (list!("name_particles.txt"), Class::NameParticle),
        (list!("abbreviations.txt"), Class::Abbreviation),
        (list!("negations.txt"), Class::Negation),
        (list!("modals.txt"), Class::Modal),
        (list!("speech_nouns.txt"), Class::SpeechNoun),
    ];
    Lexicon {
        classes: classes_of(&lists),
        roles: pairs(list!("roles.tsv")).collect(),
        honorifics: pairs(list!("honorifics.tsv"))
            .map(|(word, value)| (word, gender(value)))
            .collect(),
        determiners: pairs(list!("determiners.tsv"))
            .map(|(word, value)| (word, value == "definite"))
            .collect(),
        pronouns: pairs(list!("pronouns.tsv"))
            .map(|(word, value)| (word, gender(value)))
            .collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_their_classes() {
        let en = lexicon(Language::English);
        assert!(en.has("said", Class::SpeechVerb));
        assert!(!en.has("believes", Class::SpeechVerb) && en.has("believes", Class::OpinionVerb));
        assert!(
            en.classes("ministry").any(&[Class::OrgSuffix])
                && en.has("ministry", Class::Institution)
        );
        assert!(en.has("may", Class::Month) && !en.has("may", Class::Abbreviation));
        assert!(en.has("jan", Class::Abbreviation) && en.has("mr", Class::Abbreviation));
        assert!(en.has("based", Class::AdjectiveEnding));
        assert_eq!(en.role("premier"), Some("leader"));
        assert_eq!(en.honorific("mrs"), Some(Some(Gender::Female)));
        assert_eq!(en.honorific("dr"), Some(None));
        assert_eq!(en.determiner("the"), Some(true));
        assert_eq!(en.determiner("an"), Some(false));
        assert_eq!(en.pronoun("she"), Some(Some(Gender::Female)));
        assert_eq!(en.pronoun("they"), Some(None));
        assert_eq!(en.classes("zebra"), Classes::default());
    }

    #[test]
    fn cyrillic_lists_load_in_lower_case() {
        let uk = lexicon(Language::Ukrainian);
        assert!(
            uk.has("заявив", Class::SpeechVerb) && uk.has("генерал-лейтенант", Class::TitleWord)
        );
        assert!(uk.has("кім", Class::EastAsianSurname) && uk.has("жовтня", Class::Month));
        let ru = lexicon(Language::Russian);
        assert!(ru.has("заявил", Class::SpeechVerb) && ru.has("ким", Class::EastAsianSurname));
        assert!(!ru.has("заявив", Class::SpeechVerb));
        assert_eq!(
            lexicon(Language::Korean).classes("북한"),
            Classes::default()
        );
    }

    #[test]
    fn every_line_is_one_lower_case_word() {
        for word in [Language::English, Language::Ukrainian, Language::Russian]
            .into_iter()
            .flat_map(|lang| lexicon(lang).classes.keys())
        {
            assert!(
                !word.is_empty() && !word.contains(char::is_whitespace),
                "{word:?}"
            );
            assert_eq!(*word, word.to_lowercase(), "{word}");
        }
    }
}
