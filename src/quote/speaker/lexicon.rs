//! The speaker reader's questions about words, answered by the text layer's lexicon
//! (`data/text/en/`): speech verbs, participles, adverbs, phrase stops, determiners,
//! honorifics, role classes, institutions, titles, and the words that are no names.

use crate::text::Language;
use crate::text::lexicon::{Class, Lexicon, lexicon};

pub(super) use crate::text::lexicon::Gender;

fn lex() -> &'static Lexicon {
    lexicon(Language::default())
}

/// Is `w` (lower case) a verb that reports words said? (Not one that reports a view:
/// "believes", "thinks".)
pub(super) fn is_speech_verb(w: &str) -> bool {
    lex().has(w, Class::SpeechVerb)
}

/// Words that name something with the words quoted after them ("dismissed as “…”",
/// "branded it “…”").
pub(super) fn is_naming_word(w: &str) -> bool {
    matches!(
        w,
        "as" | "called" | "branded" | "dubbed" | "labelled" | "termed"
    )
}

/// Nouns that report words said ("claims from Kim that …").
pub(super) fn is_speech_noun(w: &str) -> bool {
    lex().has(w, Class::SpeechNoun)
}

/// Modal verbs ("may", "would").
pub(super) fn is_modal(w: &str) -> bool {
    lex().has(w, Class::Modal)
}

/// Is `w` (lower case) a verb that reports a view ("believes", "thought")?
pub(super) fn is_opinion_verb(w: &str) -> bool {
    lex().has(w, Class::OpinionVerb)
}

/// Speech verbs as participles after a comma ("…, adding: “…”").
pub(super) fn is_participle(w: &str) -> bool {
    lex().has(w, Class::SpeechParticiple)
}

/// Speech verbs that may come before their speaker ("said the minister"); "told the
/// minister" names the listener, not the speaker.
pub(super) fn is_verb_first(w: &str) -> bool {
    lex().has(w, Class::VerbFirst)
}

/// Words between a speaker and the verb ("he later said", "Putin has insisted").
pub(super) fn is_adverb(w: &str) -> bool {
    lex().has(w, Class::SpeechAdverb) || (w.len() > 4 && w.ends_with("ly"))
}

/// Words before a speech verb that make it passive ("was said to be").
pub(super) fn is_passive(w: &str) -> bool {
    lex().has(w, Class::PassiveAuxiliary)
}

/// Words that end a noun phrase: prepositions, conjunctions, auxiliaries.
pub(super) fn is_stop(w: &str) -> bool {
    lex().has(w, Class::PhraseStop)
}

/// Determiners that open a noun phrase, and whether they point back at someone already
/// named ("the minister") rather than introduce someone new ("a minister").
pub(super) fn determiner(w: &str) -> Option<bool> {
    lex().determiner(w)
}

/// Honorifics before a name, with the gender they imply.
pub(super) fn honorific(w: &str) -> Option<Option<Gender>> {
    lex().honorific(w)
}

/// Whether a word as written ("Ms", "Dr.") is an honorific.
pub(super) fn is_honorific(written: &str) -> bool {
    honorific(&written.trim_end_matches('.').to_lowercase()).is_some()
}

/// What a person's role word says about them, as a class that lets "the president" match
/// someone called "leader". `None` for words that are no role.
pub(super) fn role_class(w: &str) -> Option<&'static str> {
    lex()
        .role(w)
        .or_else(|| lex().role(w.strip_suffix('s')?))
        // "the 67-year-old", "the 25-year-olds": someone described by age alone.
        .or_else(|| {
            let age = w.strip_suffix('s').unwrap_or(w).strip_suffix("-year-old")?;
            (!age.is_empty()).then_some("person")
        })
}

/// Role words in the plural ("officials said"): a group, never one resolvable person.
pub(super) fn is_plural_role(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss")) || w.ends_with("men")
}

/// Institutions that speak ("the ministry said", "the exchange said"): a speaker, never
/// a person. The words that end organisations' names count too.
pub(super) fn is_institution(w: &str) -> bool {
    lex()
        .classes(w)
        .any(&[Class::Institution, Class::OrgSuffix])
}

/// Words that end organisations' names ("… Management Centre", "… Trust"), and the
/// institutions: no person's name follows one inside a name.
pub(super) fn is_org_word(w: &str) -> bool {
    lex()
        .classes(w)
        .any(&[Class::Institution, Class::OrgSuffix])
}

/// Legal forms that end a company's name ("Brown-Forman Inc", "Daimler AG").
pub(super) fn is_legal_form(w: &str) -> bool {
    lex().has(w, Class::LegalForm)
}

/// Titles and ranks before a name ("Defence Minister Kim", "Major General Pat Ryder").
pub(super) fn is_title_word(w: &str) -> bool {
    honorific(w).is_some() || role_class(w).is_some() || lex().has(w, Class::TitleWord)
}

/// Titles that are also surnames ("John Major", "Stephen King"): after a given name they
/// are part of the name.
pub(super) fn is_surname_title(w: &str) -> bool {
    lex().has(w, Class::SurnameTitle)
}

/// Capitalised words that start sentences without naming anyone.
pub(super) fn is_not_name(w: &str) -> bool {
    lex().has(w, Class::NotName)
}

/// Lower-case particles inside names ("Charles de Gaulle", "Ursula von der Leyen",
/// "Bank of England", "Department for Transport").
pub(super) fn is_name_particle(w: &str) -> bool {
    lex().has(w, Class::NameParticle)
}

/// `text` after a leading "the" ("the Finance Ministry" → "Finance Ministry"), if it
/// has one.
pub(super) fn without_the(text: &str) -> Option<&str> {
    text.strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
}

/// `text` with runs of whitespace as single spaces.
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
