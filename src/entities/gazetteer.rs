//! The lists compiled into the binary (see `data/entities/LICENSES.md` for where they
//! come from): places and organisations with their aliases, given names, and the titles
//! that stand before a person's name. Built once per process.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};

use super::{EntityKind, fold_char, key_of};

const PLACES: &str = include_str!("../../data/entities/places.tsv");
const EXTRA_PLACES: &str = include_str!("../../data/entities/places.extra.tsv");
const ORGS: &str = include_str!("../../data/entities/orgs.tsv");
const EXTRA_ORGS: &str = include_str!("../../data/entities/orgs.extra.tsv");
const FIRST_NAMES: &str = include_str!("../../data/entities/first_names.tsv");
const TITLES: &str = include_str!("../../data/entities/titles.tsv");

/// What a gazetteer name stands for.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// The one name every alias maps to.
    pub canonical: String,
    /// A demonym ("North Korean") rather than the name itself.
    pub demonym: bool,
}

/// Everything the rules look names up in.
pub struct Gazetteer {
    /// Every place and organisation surface form, case-sensitive, longest match first;
    /// built on first use (see [`Gazetteer::matcher`]), since looking up a user's
    /// `--entity` needs only the lists.
    matcher: OnceLock<AhoCorasick>,
    /// Per pattern of `matcher`, what it names.
    pub entries: Vec<Entry>,
    /// Per pattern of `matcher`, the surface form itself.
    pub surfaces: Vec<String>,
    /// Folded name → entry, for looking up a user's `--entity` and capitalised spans.
    pub by_key: HashMap<String, usize>,
    /// Given names ("Vladimir", "Pat"), as written.
    pub first_names: HashSet<String>,
    /// Titles before a name by their first word, lower-cased and split into words
    /// ("defense minister"), longest first, with whether the title is an honorific ("mr")
    /// rather than a role.
    pub titles: HashMap<String, Vec<(Vec<String>, bool)>>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

impl Gazetteer {
    /// The automaton over every surface form (pattern `i` is `surfaces[i]`).
    pub fn matcher(&self) -> &AhoCorasick {
        self.matcher.get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .prefilter(false)
                .build(&self.surfaces)
                .expect("the gazetteer's patterns build an automaton")
        })
    }
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
    let lists = [
        (EXTRA_ORGS, EntityKind::Org),
        (ORGS, EntityKind::Org),
        (EXTRA_PLACES, EntityKind::Place),
        (PLACES, EntityKind::Place),
    ];
    lists.into_iter().find_map(|(list, kind)| {
        rows(list).find_map(|row| match row[..] {
            [surface, canonical, ..]
                if surface != "name"
                    // Only rows that can fold to the same key are folded.
                    && surface
                        .chars()
                        .find(|c| c.is_alphanumeric())
                        .is_some_and(|c| fold_char(c).to_lowercase().eq(first.to_lowercase()))
                    && key_of(surface) == key =>
            {
                Some((kind, canonical.to_owned()))
            }
            _ => None,
        })
    })
}

/// Every surface form the gazetteer maps to `canonical` as `kind` ("North Korea" →
/// "DPRK", "North Korean", …), the canonical name itself left out.
pub fn aliases_of(kind: EntityKind, canonical: &str) -> Vec<String> {
    static REVERSE: LazyLock<HashMap<(EntityKind, String), Vec<usize>>> = LazyLock::new(|| {
        let g = gazetteer();
        let mut reverse: HashMap<(EntityKind, String), Vec<usize>> = HashMap::default();
        for (i, entry) in g.entries.iter().enumerate() {
            reverse
                .entry((entry.kind, entry.canonical.clone()))
                .or_default()
                .push(i);
        }
        reverse
    });
    let g = gazetteer();
    REVERSE
        .get(&(kind, canonical.to_owned()))
        .map(|ids| {
            ids.iter()
                .map(|&i| g.surfaces[i].clone())
                .filter(|surface| surface != canonical)
                .collect()
        })
        .unwrap_or_default()
}

/// The data rows of a TSV file: no blank lines, no `#` comments.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

impl Gazetteer {
    fn load() -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut seen: HashSet<String> = HashSet::default();
        let mut by_key: HashMap<String, usize> = HashMap::default();
        let mut add = |surface: &str, entry: Entry| {
            if surface.is_empty() || !seen.insert(surface.to_owned()) {
                return;
            }
            by_key.entry(key_of(surface)).or_insert(entries.len());
            patterns.push(surface.to_owned());
            entries.push(entry);
        };
        // Organisations first: where a name is both ("Kremlin"), the organisation wins.
        for row in rows(EXTRA_ORGS).chain(rows(ORGS)) {
            if let [name, canonical, ..] = row[..] {
                if name == "name" {
                    continue;
                }
                add(
                    name,
                    Entry {
                        kind: EntityKind::Org,
                        canonical: canonical.to_owned(),
                        demonym: false,
                    },
                );
            }
        }
        for row in rows(EXTRA_PLACES).chain(rows(PLACES)) {
            if let [name, canonical, kind, ..] = row[..] {
                if name == "name" {
                    continue;
                }
                add(
                    name,
                    Entry {
                        kind: EntityKind::Place,
                        canonical: canonical.to_owned(),
                        demonym: kind == "demonym",
                    },
                );
            }
        }
        let first_names = rows(FIRST_NAMES)
            .filter_map(|row| row.first().map(|name| (*name).to_owned()))
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
            matcher: OnceLock::new(),
            entries,
            surfaces: patterns,
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
            assert_eq!((entry.kind, entry.canonical.as_str()), (kind, canonical));
        }
        assert_eq!(canonical_alias("Nobody Known"), None);
    }
}
