//! Named entities — people, organisations, places — found in an article at index time,
//! offline, from the gazetteers in `data/entities/` (compiled into the binary) and rules
//! over capitalised words. No crate does English news NER without a model to download,
//! so this is our own: gazetteer names looked up by their exact spelling over spans of
//! capitalised words, then rules for the names no list can hold (people, most
//! companies).
//!
//! Each entity has a `kind`, a display `name` and a `key` (its name folded: lower case,
//! accents, hyphens and possessives gone), so "Kim Jong-un" and "Kim Jong Un" are one
//! person. Aliases from the gazetteers ("DPRK", "Kiev", "Nato", "U.S.") become their
//! canonical name; demonyms ("North Korean") count for their country; within an
//! article, "Mr Kim" or "Budanov" resolve to the one full name they can mean, and are
//! dropped when they could mean two.

mod cyrillic;
mod gazetteer;
mod hangul;
mod rules;
mod words;

use serde::{Deserialize, Serialize};

use crate::text::Language;
use crate::text::chars::is_apostrophe;
use crate::text::fold::push_folded;
use crate::text::lexicon::{Class, lexicon};
use crate::text::words::strip_possessive;

pub use gazetteer::{aliases_of, canonical_alias};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A company, agency, ministry, military, party, outlet or international body.
    Org,
    /// A country, region or city.
    Place,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Org, EntityKind::Place];

    /// `person`, `org` or `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
        }
    }

    /// The kind named `name` (`person`, `org`, `place`; also `organisation`, `location`).
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "person" | "people" | "per" => Some(EntityKind::Person),
            "org" | "organisation" | "organization" => Some(EntityKind::Org),
            "place" | "location" | "loc" | "gpe" => Some(EntityKind::Place),
            _ => None,
        }
    }
}

/// One entity an article mentions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entity {
    /// Person, organisation or place.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The name to show: the canonical name for gazetteer entries, otherwise the fullest
    /// form the article uses.
    pub name: String,
}

impl Entity {
    /// The folded name that tells entities apart.
    pub fn key(&self) -> String {
        key_of(&self.name)
    }
}

/// The entities an English article mentions in its title or body, each once, sorted by
/// kind and name. The byline `author` is metadata, never a mentioned person.
pub fn extract(title: Option<&str>, body: &str, author: Option<&str>) -> Vec<Entity> {
    extract_in(Language::English, title, body, author)
}

/// The entities an article in `lang` mentions, as [`extract`] finds them in English.
/// Ukrainian and Russian text is read by the same rules with its own word lists, its
/// names found in any case; Korean text by the gazetteer alone. A name the gazetteer
/// knows is given its English canonical name in every language ("Кім Чен Ин", "Ким Чен
/// Ын" and "김정은" are Kim Jong Un). Other languages are read as English.
pub fn extract_in(
    lang: Language,
    title: Option<&str>,
    body: &str,
    author: Option<&str>,
) -> Vec<Entity> {
    let lang = match lang {
        Language::Ukrainian | Language::Russian | Language::Korean => lang,
        Language::English | Language::Other => Language::English,
    };
    let mut found = rules::Found::new(lang);
    if let Some(title) = title {
        // A headline in Title Case capitalises every word, so only the lists are trusted.
        if title_case(title) {
            rules::scan_lists_only(title, &mut found);
        } else {
            rules::scan(title, &mut found);
        }
    }
    rules::scan(body, &mut found);
    let author = author.map(key_of);
    let mut keyed: Vec<(EntityKind, String, Entity)> = found
        .resolve()
        .into_iter()
        .map(|entity| (entity.kind, entity.key(), entity))
        .filter(|(kind, key, _)| *kind != EntityKind::Person || Some(key) != author.as_ref())
        .collect();
    keyed.sort_by(|a, b| (a.0, &a.1, &a.2.name).cmp(&(b.0, &b.1, &b.2.name)));
    keyed.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut entities: Vec<Entity> = keyed.into_iter().map(|(_, _, entity)| entity).collect();
    entities.sort();
    entities
}

/// The entities of an article (title and body; its author left out), read in its
/// language.
pub fn of_article(article: &crate::ingest::Article) -> Vec<Entity> {
    let meta = &article.meta;
    extract_in(
        Language::of_code(meta.lang.as_ref().map(|lang| lang.value.as_str())),
        meta.title.as_ref().map(|t| t.value.as_str()),
        &article.body,
        meta.author.as_ref().map(|a| a.value.as_str()),
    )
}

/// The kind of place or organisation the gazetteer knows `name` as ("London" → place,
/// "General Motors" → organisation), by its folded key: a hash lookup in the loaded
/// gazetteer, for callers that ask often (speaker attribution), where
/// [`canonical_alias`] scans the lists once per call.
pub fn gazetteer_kind(name: &str) -> Option<EntityKind> {
    let g = gazetteer::gazetteer();
    g.by_key.get(&key_of(name)).map(|&i| g.entries[i].kind)
}

/// Whether `word`, as written ("Sarah"), is a given name the gazetteer knows.
pub fn is_given_name(word: &str) -> bool {
    let names = &gazetteer::gazetteer().first_names;
    names.contains(word)
        // "Jean-Philippe", "Anne-Marie": a given name joined by a hyphen to another
        // capitalised one (the list lacks many European second parts).
        || word.split_once('-').is_some_and(|(first, rest)| {
            names.contains(first)
                && rest.split('-').all(|part| {
                    part.chars().next().is_some_and(char::is_uppercase)
                        && part.chars().skip(1).all(char::is_lowercase)
                        && part.len() >= 3
                })
        })
}

/// Loads the word lists extraction needs (a few milliseconds), so a caller can do it on
/// a spare thread before the first article arrives instead of on the first worker.
pub fn warm_up() {
    gazetteer::gazetteer();
    rules::warm_up();
}

/// Most longer words capitalised: "Fed Adopts Redeposit Service".
fn title_case(title: &str) -> bool {
    let long: Vec<&str> = title
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 2 && capitalised * 5 >= long.len() * 4
}

/// The version of the extraction rules and lists. Indexes record it per file, so a new
/// version makes the next `search index` re-read every file (and entity keys, which
/// queries compute with the same rules, stay in step).
pub const RULES_VERSION: u32 = 3;

/// A name folded for comparison: lower case, accents and possessives dropped (the text
/// layer's one fold), hyphens, dots and apostrophes read as spaces, a leading "the" and
/// trailing legal forms ("Corp", "Co Ltd", "and Co": the lexicon's `legal_forms.txt`)
/// dropped.
pub fn key_of(name: &str) -> String {
    let lex = lexicon(Language::default());
    let name = strip_possessive(name.trim());
    let mut key = String::with_capacity(name.len());
    // A separator is written only between two kept characters, so the key has single
    // spaces and none at either end.
    let mut separated = false;
    for c in name.chars() {
        if (c.is_alphanumeric() && !is_apostrophe(c)) || c == '&' {
            if separated && !key.is_empty() {
                key.push(' ');
            }
            separated = false;
            push_folded(&mut key, c);
        } else {
            separated = true;
        }
    }
    if key.starts_with("the ") {
        key.drain(..4);
    }
    let mut end = key.len();
    while let Some((rest, last)) = key[..end].rsplit_once(' ')
        && lex.has(last, Class::LegalForm)
    {
        end = rest
            .strip_suffix(" and")
            .or_else(|| rest.strip_suffix(" &"))
            .unwrap_or(rest)
            .len();
    }
    key.truncate(end);
    key
}

/// The words a lone name may stand for in a full name's key: its first and last
/// ("Budanov" for Kyrylo Budanov, "Kim" for Kim Yong-hyun); none for a single word.
pub fn name_ends(key: &str) -> Option<(&str, &str)> {
    let (first, _) = key.split_once(' ')?;
    let (_, last) = key.rsplit_once(' ')?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_spelling_variants_together() {
        assert_eq!(key_of("Kim Jong-un"), key_of("Kim Jong Un"));
        assert_eq!(key_of("Kim Yong-hyun"), "kim yong hyun");
        assert_eq!(key_of("Putinʼs"), "putin");
        assert_eq!(key_of("The Washington Post"), "washington post");
        assert_eq!(key_of("U.S."), "u s");
        assert_eq!(key_of("Zelenskyy’s"), "zelenskyy");
        assert_eq!(key_of("Société Générale"), "societe generale");
    }

    #[test]
    fn keys_drop_legal_forms_but_never_the_whole_name() {
        assert_eq!(key_of("Volkswagen AG"), "volkswagen");
        assert_eq!(key_of("Honda Motor Co Ltd"), "honda motor");
        assert_eq!(key_of("W.R. Grace and Co"), "w r grace");
        assert_eq!(key_of("Co"), "co");
    }
}

#[cfg(test)]
mod extraction_tests {
    use super::*;
    use proptest::prelude::*;

    fn names(entities: &[Entity], kind: EntityKind) -> Vec<&str> {
        entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.as_str())
            .collect()
    }

    #[test]
    fn titles_demonyms_and_gazetteer_aliases() {
        let found = extract(
            None,
            "South Korean Defense Minister Kim Yong-hyun said the DPRK may send more troops. \
             Mr Kim spoke after Kyiv Post reported the strike near Kiev.",
            None,
        );
        assert_eq!(names(&found, EntityKind::Person), ["Kim Yong-hyun"]);
        assert_eq!(names(&found, EntityKind::Org), ["Kyiv Post"]);
        assert_eq!(
            names(&found, EntityKind::Place),
            ["Kyiv", "North Korea", "South Korea"]
        );
    }

    #[test]
    fn a_hyphenated_given_name_starts_a_name() {
        let found = extract(
            None,
            "Meanwhile, Lyon winger Jean-Philippe Ferrand is delighted with his call-up.",
            None,
        );
        assert_eq!(names(&found, EntityKind::Person), ["Jean-Philippe Ferrand"]);
        assert!(is_given_name("Jean-Philippe") && is_given_name("Anne-Marie"));
        assert!(!is_given_name("Jean-PHILIPPE") && !is_given_name("Rolls-Royce"));
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart_and_the_bare_surname_is_dropped() {
        let found = extract(
            None,
            "Kim Yong-hyun met officials. Kim Jong Un was not there. Mr Kim said nothing.",
            None,
        );
        assert_eq!(
            names(&found, EntityKind::Person),
            ["Kim Jong Un", "Kim Yong-hyun"]
        );
    }

    #[test]
    fn possessives_given_names_and_authors() {
        let found = extract(
            Some("Putinʼs visit"),
            "President Vladimir Putin arrived. Putinʼs visit was brief, Liza Brovko writes.",
            Some("Liza Brovko"),
        );
        assert_eq!(names(&found, EntityKind::Person), ["Vladimir Putin"]);
        assert!(names(&found, EntityKind::Place).is_empty(), "{found:?}");
    }

    #[test]
    fn a_month_after_a_given_name_is_a_surname() {
        let found = extract(
            None,
            "Theresa May said talks would go on in May. In June, May met voters.",
            None,
        );
        assert_eq!(names(&found, EntityKind::Person), ["Theresa May"]);
    }

    #[test]
    fn listed_names_hold_and_and_possessives_and_institutions_are_no_people() {
        let found = extract(
            None,
            "The Securities and Exchange Commission said Merrill Lynch and Moody's Investors \
             Service agreed. A Reagan Administration official said Ronald Reagan would sign. \
             Officials of the Reagan White House agreed to the Reagan Administration's plan, \
             and the Reagan Adminstration said so.",
            None,
        );
        assert_eq!(names(&found, EntityKind::Person), ["Ronald Reagan"]);
        assert_eq!(
            names(&found, EntityKind::Org),
            [
                "Merrill Lynch",
                "Moody's",
                "Securities and Exchange Commission"
            ]
        );
    }

    #[test]
    fn organisation_rules() {
        let found = extract(
            None,
            "The Armed Forces of Ukraine struck. Texaco Canada Inc said profits rose, \
             and the Russian Defence Ministry denied it.",
            None,
        );
        assert_eq!(
            names(&found, EntityKind::Org),
            [
                "Armed Forces of Ukraine",
                "Russian Defence Ministry",
                "Texaco Canada Inc"
            ]
        );
    }

    #[test]
    fn organisations_named_by_their_context_lists_and_place_heads() {
        let found = extract(
            None,
            "Jonathan Loynes, chief economist at Capital Economics, said Sandvine's chief \
             technology officer met consultancy group Capgemini and Kredietbank. The US \
             Anti-Doping Agency, the US Treasury, the Chicago Board of Trade and W.R. Grace \
             and Co said State Plantations Corp agreed.",
            None,
        );
        assert_eq!(
            names(&found, EntityKind::Org),
            [
                "Capgemini",
                "Capital Economics",
                "Chicago Board of Trade",
                "Kredietbank",
                "Sandvine",
                "State Plantations Corp",
                "Treasury",
                "US Anti-Doping Agency",
                "W.R Grace and Co"
            ]
        );
        assert_eq!(
            names(&found, EntityKind::Place),
            ["Chicago", "United States"]
        );
    }

    #[test]
    fn a_wire_dateline_names_its_city() {
        let found = extract(None, "SALVADOR, Feb 26 - Showers continued.", None);
        assert_eq!(names(&found, EntityKind::Place), ["Salvador"]);
    }

    proptest! {
        #[test]
        fn any_text_extracts_without_panicking(text in "\\PC{0,200}", title in "\\PC{0,40}") {
            let _ = extract(Some(&title), &text, Some(&title));
        }

        #[test]
        fn capitalised_word_soup_extracts_without_panicking(
            words in proptest::collection::vec("(Mr|of|the|Kim|Bank|Ministry|North|Korea|said|,|\\.|[A-Z][a-z]{0,6})", 0..40)
        ) {
            let _ = extract(None, &words.join(" "), None);
        }
    }
}
