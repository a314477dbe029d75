//! The lists compiled into the binary (see `data/entities/LICENSES.md` for where they
//! come from): places and organisations with their aliases, given names, and the titles
//! that stand before a person's name; and the names Ukrainian, Russian and Korean text
//! writes for places, organisations and the people of the news, each under its English
//! canonical name. Built once per process, in milliseconds: every name is a slice of
//! the compiled-in text, looked up by its exact spelling.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::{EntityKind, key_of};
use crate::text::Language;
use crate::text::fold::push_folded;

const PLACES: &str = include_str!("../../data/entities/places.tsv");
const EXTRA_PLACES: &str = include_str!("../../data/entities/places.extra.tsv");
const ORGS: &str = include_str!("../../data/entities/orgs.tsv");
const EXTRA_ORGS: &str = include_str!("../../data/entities/orgs.extra.tsv");
const FIRST_NAMES: &str = include_str!("../../data/entities/first_names.tsv");
const TITLES: &str = include_str!("../../data/entities/titles.tsv");
const SCRIPT_ORGS: &str = include_str!("../../data/entities/orgs.scripts.hand.tsv");
const SCRIPT_PLACES_HAND: &str = include_str!("../../data/entities/places.scripts.hand.tsv");
const SCRIPT_PLACES: &str = include_str!("../../data/entities/places.scripts.tsv");
/// People by their canonical name, with the names other scripts write (no English ones:
/// English text finds people by the rules).
const PEOPLE: &str = include_str!("../../data/entities/people.hand.tsv");

/// What a gazetteer name stands for.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// The one name every alias maps to.
    pub canonical: &'static str,
    /// A demonym ("North Korean") rather than the name itself.
    pub demonym: bool,
}

/// What a span of text spells: a name, the start of a longer name, or both.
#[derive(Debug, Clone, Copy, Default)]
pub struct Surface {
    /// The entry the span names, if it is a name.
    pub entry: Option<u32>,
    /// Whether some longer name starts with the span and more words.
    pub continues: bool,
}

/// Everything the rules look names up in.
pub struct Gazetteer {
    /// Every place and organisation surface form, as written (case-sensitive), to its
    /// index in `entries` and `surfaces`. Names start on word boundaries, so the rules
    /// look up spans of words rather than running an automaton over the text: no
    /// automaton to build (that took 0.1 s per process with `aho-corasick`), and a few
    /// hash lookups per capitalised word. Each leading run of whole words of a surface
    /// form is a key too ("Bank of" for "Bank of England"), so a lookup also says
    /// whether a longer name could follow.
    by_surface: HashMap<&'static str, Surface>,
    /// What each surface form names.
    pub entries: Vec<Entry>,
    /// The surface forms themselves.
    pub surfaces: Vec<&'static str>,
    /// The most words a surface form spans.
    pub longest: usize,
    /// Folded name → entry, for looking up a user's `--entity` and capitalised spans.
    pub by_key: HashMap<String, usize>,
    /// Given names ("Vladimir", "Pat"), as written.
    pub first_names: HashSet<&'static str>,
    /// Titles before a name by their first word, lower-cased and split into words
    /// ("defense minister"), longest first, with whether the title is an honorific ("mr")
    /// rather than a role.
    pub titles: HashMap<String, Vec<(Vec<String>, bool)>>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

impl Gazetteer {
    /// What a span of text spells exactly, if anything.
    pub fn lookup(&self, span: &str) -> Option<Surface> {
        self.by_surface.get(span).copied()
    }
}

/// Where each word of `name` ends, cut as the rules' words are (inner hyphens,
/// apostrophes, dots and ampersands keep a word whole).
fn word_ends(name: &str) -> Vec<usize> {
    super::words::word_ends(name, Language::default())
}

/// The leading runs of whole words of `name` ending at `ends`, shorter than it
/// ("Bank", "Bank of" for "Bank of England").
fn prefixes(name: &str, ends: Vec<usize>) -> impl Iterator<Item = &str> {
    ends.into_iter()
        .filter(move |&end| end < name.len())
        .map(move |end| &name[..end])
}

/// The compiled-in gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// The canonical name and kind a gazetteer gives `name` ("dprk" → North Korea), if any.
/// Scans the lists rather than loading the gazetteer, so a query's `--entity` costs
/// microseconds, not the gazetteer's load; the first row wins, as in [`Gazetteer`].
pub fn canonical_alias(name: &str) -> Option<(EntityKind, String)> {
    let key = key_of(name);
    let first = key.chars().next()?;
    // Rows are skipped unless their first letter folds to the key's, which is much
    // cheaper than folding the whole row.
    let mut folded = String::new();
    let mut folds_to_first = |c: char| {
        folded.clear();
        push_folded(&mut folded, c);
        folded.starts_with(first)
    };
    let lists = [
        (EXTRA_ORGS, EntityKind::Org),
        (ORGS, EntityKind::Org),
        (SCRIPT_ORGS, EntityKind::Org),
        (EXTRA_PLACES, EntityKind::Place),
        (PLACES, EntityKind::Place),
        (SCRIPT_PLACES_HAND, EntityKind::Place),
        (SCRIPT_PLACES, EntityKind::Place),
    ];
    let listed = lists.into_iter().find_map(|(list, kind)| {
        rows(list).find_map(|row| match row[..] {
            [surface, canonical, ..]
                if surface != "name"
                    // Only rows that can fold to the same key are folded.
                    && surface
                        .chars()
                        .find(|c| c.is_alphanumeric())
                        .is_some_and(&mut folds_to_first)
                    && key_of(surface) == key =>
            {
                Some((kind, canonical.to_owned()))
            }
            _ => None,
        })
    });
    listed.or_else(|| {
        people().find_map(|(canonical, surface)| {
            (key_of(surface) == key).then(|| (EntityKind::Person, canonical.to_owned()))
        })
    })
}

/// The `(canonical, surface)` pairs of the people list.
fn people() -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(PEOPLE).flat_map(|row| {
        let canonical = row.first().copied().unwrap_or_default();
        let forms = row.get(1).copied().unwrap_or_default();
        forms
            .split('|')
            .map(str::trim)
            .filter(|form| !form.is_empty())
            .map(move |form| (canonical, form))
    })
}

/// Every surface form the gazetteer maps to `canonical` as `kind` ("North Korea" →
/// "DPRK", "North Korean", …), the canonical name itself left out.
pub fn aliases_of(kind: EntityKind, canonical: &str) -> Vec<String> {
    static REVERSE: LazyLock<HashMap<(EntityKind, &str), Vec<usize>>> = LazyLock::new(|| {
        let g = gazetteer();
        let mut reverse: HashMap<(EntityKind, &str), Vec<usize>> = HashMap::default();
        for (i, entry) in g.entries.iter().enumerate() {
            reverse
                .entry((entry.kind, entry.canonical))
                .or_default()
                .push(i);
        }
        reverse
    });
    let g = gazetteer();
    REVERSE
        .get(&(kind, canonical))
        .map(|ids| {
            ids.iter()
                .map(|&i| g.surfaces[i].to_owned())
                .filter(|surface| surface != canonical)
                .collect()
        })
        .unwrap_or_default()
}

/// The Cyrillic and Hangul surface forms whose inflected forms are names too: every
/// hand-written one, and GeoNames' for cities of [`INFLECTED_CITY_POP`] or more people
/// (inflected, the forms of smaller towns are too often other words: `Ради` is no
/// Radom).
pub(super) fn inflected_surfaces() -> impl Iterator<Item = &'static str> {
    let cities = rows(SCRIPT_PLACES).filter_map(|row| match row[..] {
        [name, _, _, population, ..]
            if population
                .parse::<u64>()
                .is_ok_and(|p| p >= INFLECTED_CITY_POP) =>
        {
            Some(name)
        }
        _ => None,
    });
    people()
        .map(|(_, surface)| surface)
        .chain(rows_of(SCRIPT_ORGS))
        .chain(rows_of(SCRIPT_PLACES_HAND))
        .chain(cities)
}

/// The fewest people a city has for its GeoNames names to be found inflected.
const INFLECTED_CITY_POP: u64 = 1_000_000;

/// The first column of each data row of a list file.
pub(super) fn rows_of(text: &'static str) -> impl Iterator<Item = &'static str> {
    rows(text).filter_map(|row| row.first().copied())
}

/// The data rows of a TSV file: no blank lines, no `#` comments.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

impl Gazetteer {
    fn load() -> Self {
        let mut surfaces: Vec<&'static str> = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_surface: HashMap<&'static str, Surface> = HashMap::default();
        let mut by_key: HashMap<String, usize> = HashMap::default();
        let mut longest = 0;
        let mut add = |surface: &'static str, entry: Entry| {
            if surface.is_empty() || by_surface.get(surface).is_some_and(|s| s.entry.is_some()) {
                return;
            }
            let index = entries.len();
            by_surface.entry(surface).or_default().entry = Some(index as u32);
            let ends = word_ends(surface);
            longest = longest.max(ends.len());
            for prefix in prefixes(surface, ends) {
                by_surface.entry(prefix).or_default().continues = true;
            }
            by_key.entry(key_of(surface)).or_insert(index);
            surfaces.push(surface);
            entries.push(entry);
        };
        // Organisations first: where a name is both ("Kremlin"), the organisation wins.
        for row in rows(EXTRA_ORGS).chain(rows(ORGS)).chain(rows(SCRIPT_ORGS)) {
            if let [name, canonical, ..] = row[..] {
                if name == "name" {
                    continue;
                }
                add(
                    name,
                    Entry {
                        kind: EntityKind::Org,
                        canonical,
                        demonym: false,
                    },
                );
            }
        }
        let places = rows(EXTRA_PLACES)
            .chain(rows(PLACES))
            .chain(rows(SCRIPT_PLACES_HAND))
            .chain(rows(SCRIPT_PLACES));
        for row in places {
            if let [name, canonical, kind, ..] = row[..] {
                if name == "name" {
                    continue;
                }
                add(
                    name,
                    Entry {
                        kind: EntityKind::Place,
                        canonical,
                        demonym: kind == "demonym",
                    },
                );
            }
        }
        for (canonical, surface) in people() {
            add(
                surface,
                Entry {
                    kind: EntityKind::Person,
                    canonical,
                    demonym: false,
                },
            );
        }
        let first_names = rows(FIRST_NAMES)
            .filter_map(|row| row.first().copied())
            .collect();
        let mut titles: Vec<(Vec<String>, bool)> = rows(TITLES)
            .filter_map(|row| {
                let title = row.first()?;
                let honorific = row.get(1).is_some_and(|kind| *kind == "honorific");
                let words: Vec<String> = title
                    .split_whitespace()
                    .map(|w| w.trim_end_matches('.').to_lowercase())
                    .collect();
                // "General" alone heads more organisations (General Motors, General
                // Agreement on Tariffs) than it titles people; "Gen" stays.
                let ambiguous = words == ["general"];
                (!words.is_empty() && *title != "title" && !ambiguous).then_some((words, honorific))
            })
            .collect();
        // Longest first, so "Defense Minister" is tried before "Defense".
        titles.sort_by_key(|title| std::cmp::Reverse(title.0.len()));
        let mut by_first: HashMap<String, Vec<(Vec<String>, bool)>> = HashMap::default();
        for (words, honorific) in titles {
            by_first
                .entry(words[0].clone())
                .or_default()
                .push((words, honorific));
        }
        let titles = by_first;
        Gazetteer {
            by_surface,
            entries,
            surfaces,
            longest,
            by_key,
            first_names,
            titles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_without_loading_the_gazetteer_as_when_loaded() {
        for (name, kind, canonical) in [
            ("dprk", EntityKind::Place, "North Korea"),
            ("Kiev", EntityKind::Place, "Kyiv"),
            ("nato", EntityKind::Org, "NATO"),
            ("aland", EntityKind::Place, "Aland Islands"),
        ] {
            assert_eq!(
                canonical_alias(name),
                Some((kind, canonical.to_owned())),
                "{name}"
            );
            let g = gazetteer();
            let entry = &g.entries[g.by_key[&key_of(name)]];
            assert_eq!((entry.kind, entry.canonical), (kind, canonical));
        }
        assert_eq!(canonical_alias("Nobody Known"), None);
        for (name, kind, canonical) in [
            ("Кім Чен Ин", EntityKind::Person, "Kim Jong Un"),
            ("김정은", EntityKind::Person, "Kim Jong Un"),
            ("Донецк", EntityKind::Place, "Donetsk"),
            ("북한", EntityKind::Place, "North Korea"),
            ("НАТО", EntityKind::Org, "NATO"),
        ] {
            assert_eq!(
                canonical_alias(name),
                Some((kind, canonical.to_owned())),
                "{name}"
            );
        }
        // English names of people stay the rules' to find.
        assert_eq!(canonical_alias("Kim Jong Un"), None);
    }

    #[test]
    fn names_are_keyed_by_their_leading_words_too() {
        let of = |name| prefixes(name, word_ends(name)).collect::<Vec<&str>>();
        assert_eq!(of("Bank of England"), ["Bank", "Bank of"]);
        assert_eq!(of("Washington, D.C."), ["Washington", "Washington, D.C"]);
        let g = gazetteer();
        let bank_of = g.lookup("Bank of").unwrap_or_default();
        assert!(bank_of.continues && bank_of.entry.is_none());
        assert!(
            g.lookup("Bank of England")
                .is_some_and(|s| s.entry.is_some())
        );
        assert!(g.lookup("Bank of Nowhere Else").is_none());
    }

    #[test]
    fn words_are_counted_as_the_tokenizer_cuts_them() {
        assert_eq!(word_ends("Washington, D.C.").len(), 2);
        assert_eq!(word_ends("Democratic People's Republic of Korea").len(), 5);
        assert_eq!(word_ends("Guinea-Bissau").len(), 1);
        assert_eq!(word_ends("Procter & Gamble").len(), 2);
        assert_eq!(word_ends("").len(), 0);
    }
}
