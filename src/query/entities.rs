//! Entities on the query side: a user's name → the index terms it may mean (`--entity`,
//! `entity:`), and facet counts → one line per entity (`search entities`, `--facets`).
//!
//! The indexer stores each article's entities under the name that article uses, so the
//! corpus may hold "Kim Jong Un" in one article and "Kim Jong-un" in another. Here they
//! are grouped by their folded key and shown under the most common spelling, and a lone
//! surname that names exactly one known person ("Budanov") is counted with that person.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use tantivy::query::{EnableScoring, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TokenStream;
use tantivy::{DocSet, Searcher, TERMINATED, Term};

use crate::entities::{EntityKind, aliases_of, canonical_alias, key_of, name_ends};
use crate::error::{Error, Result};
use crate::index::entity_terms::{entity_hash, entity_key_prefix, read_entity_term};
use crate::index::store::Store;
use crate::query::facets::ArticleFacetCounts;
#[cfg(doc)]
use crate::query::facets::ArticleFacets;
use crate::schema::{Fields, analyzer_of};
use crate::text::Language;

/// One entity with the number of articles that mention it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCount {
    /// The name shown: the most common spelling in the corpus.
    pub name: String,
    /// `person`, `org` or `place`.
    pub kind: EntityKind,
    /// Articles mentioning it.
    pub articles: u64,
    /// Other names it goes by: other spellings in the corpus, and the gazetteer's aliases.
    pub aliases: Vec<String>,
}

/// The terms `name` may stand for in the `entity` field: its gazetteer canonical name
/// ("DPRK" → place North Korea), the name itself as any kind, and — for a single word —
/// every person whose name has that word ("Budanov" → Kyrylo Budanov). Each of these is a
/// folded key; the terms are every spelling the index holds under it.
pub fn entity_terms(searcher: &Searcher, fields: &Fields, name: &str) -> Result<Vec<Term>> {
    let key = key_of(name);
    if key.is_empty() {
        return Err(Error::BadQuery(format!(
            "--entity {name:?} has no letters to match — give a name such as \"Kim Yong-hyun\""
        )));
    }
    let mut prefixes: BTreeSet<String> = EntityKind::ALL
        .iter()
        .map(|&kind| entity_key_prefix(kind, &key))
        .collect();
    let listed = canonical_alias(name);
    if let Some((kind, canonical)) = &listed {
        prefixes.insert(entity_key_prefix(*kind, &key_of(canonical)));
    }
    // A listed organisation's or place's name is that entity, not a part of people's
    // names ("Moody's" is the agency, not the rugby player Lewis Moody).
    if !key.contains(' ') && listed.is_none() {
        for person in key_counts(searcher, fields, EntityKind::Person)?.into_keys() {
            if person.split(' ').any(|part| part == key) {
                prefixes.insert(entity_key_prefix(EntityKind::Person, &person));
            }
        }
    }
    // "Ronald Reagan" also means the articles that say only "President Reagan", when
    // the lone name is his across the collection (as `search entities` counts it).
    if let Some((first, last)) = name_ends(&key) {
        let people = key_counts(searcher, fields, EntityKind::Person)?;
        for part in [first, last] {
            if !people.contains_key(part) {
                continue;
            }
            let owners: Vec<String> = people
                .keys()
                .filter(|k| name_ends(k).is_some_and(|(f, l)| f == part || l == part))
                .cloned()
                .collect();
            let articles = |k: &str| people.get(k).copied().unwrap_or(0);
            if owner_of(&owners, articles) == Some(key.as_str()) {
                prefixes.insert(entity_key_prefix(EntityKind::Person, part));
            }
        }
    }
    let mut terms = BTreeSet::new();
    for prefix in &prefixes {
        terms.extend(terms_under(searcher, fields, prefix)?.into_keys());
    }
    if terms.is_empty() {
        // A term no document has: the filter matches nothing, as it should.
        terms.extend(prefixes.into_iter().take(1));
    }
    Ok(terms
        .into_iter()
        .map(|term| Term::from_field_text(fields.entity, &term))
        .collect())
}

/// Every `entity` term of the index that starts with `prefix`, with the number of
/// articles holding it (deleted ones included: it only ranks spellings).
fn terms_under(
    searcher: &Searcher,
    fields: &Fields,
    prefix: &str,
) -> Result<BTreeMap<String, u64>> {
    let mut end = prefix.as_bytes().to_vec();
    if let Some(last) = end.last_mut() {
        *last += 1;
    }
    let mut terms = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let index = segment.inverted_index(fields.entity)?;
        let mut stream = index
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .lt(&end)
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                *terms.entry(term.to_owned()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(terms)
}

/// Every key of `kind` in the index with the number of articles holding it (deleted
/// ones included: it only weighs names against each other).
fn key_counts(
    searcher: &Searcher,
    fields: &Fields,
    kind: EntityKind,
) -> Result<BTreeMap<String, u64>> {
    let mut counts = BTreeMap::new();
    for (term, n) in terms_under(searcher, fields, &format!("{}:", kind.as_str()))? {
        if let Some((_, key, _)) = read_entity_term(&term) {
            *counts.entry(key.to_owned()).or_default() += n;
        }
    }
    Ok(counts)
}

/// Per kind, every spelling of an entity with the number of live articles using it.
/// Read from the `entity` field alone: its dictionary holds each spelling once, and its
/// postings list the articles.
pub fn spelling_counts(
    searcher: &Searcher,
    fields: &Fields,
) -> Result<HashMap<EntityKind, Vec<(String, u64)>>> {
    let mut counts: HashMap<Vec<u8>, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let alive = segment.alive_bitset();
        let index = segment.inverted_index(fields.entity)?;
        let mut stream = index
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            let info = stream.value();
            let n = match alive {
                None => u64::from(info.doc_freq),
                Some(alive) => {
                    let mut postings = index
                        .read_block_postings_from_terminfo(info, IndexRecordOption::Basic)
                        .map_err(tantivy::TantivyError::from)?;
                    let mut n = 0;
                    while !postings.docs().is_empty() {
                        n += postings
                            .docs()
                            .iter()
                            .filter(|&&doc| alive.is_alive(doc))
                            .count() as u64;
                        postings.advance();
                    }
                    n
                }
            };
            if n > 0 {
                *counts.entry(stream.key().to_vec()).or_default() += n;
            }
        }
    }
    let mut by_kind: HashMap<EntityKind, Vec<(String, u64)>> = HashMap::new();
    for (term, n) in counts {
        if let Ok(term) = std::str::from_utf8(&term)
            && let Some((kind, _, name)) = read_entity_term(term)
        {
            by_kind.entry(kind).or_default().push((name.to_owned(), n));
        }
    }
    Ok(by_kind)
}

/// The `limit` entities of `kind` most mentioned in a match set (counted by
/// [`ArticleFacets::counting_entities`]), each with its count of matching articles, under
/// the name one article that mentions it uses. Names come from articles' stored
/// entities; one article names every entity it holds, so the popular ones, which share
/// their first articles, cost few reads.
pub fn top_entities(
    searcher: &Searcher,
    fields: &Fields,
    found: &ArticleFacetCounts,
    kind: EntityKind,
    limit: usize,
) -> Result<Vec<(String, u64)>> {
    let mut known: HashMap<u64, String> = HashMap::new();
    let mut read: HashSet<tantivy::DocAddress> = HashSet::new();
    let mut named = Vec::new();
    for (hash, tally) in found.top_entities(kind, limit) {
        if !known.contains_key(&hash) && read.insert(tally.example) {
            let stored = Store::new(searcher, fields).entities(tally.example)?;
            for entity in stored.into_iter().filter(|e| e.kind == kind) {
                known.insert(entity_hash(kind, &entity.key()), entity.name);
            }
        }
        if let Some(name) = known.get(&hash) {
            named.push((name.clone(), tally.articles));
        }
    }
    Ok(named)
}

/// The spelling of the entity `name` of `kind` that most articles use (the longer one
/// on a tie), if the index holds it.
pub fn most_common_spelling(
    searcher: &Searcher,
    fields: &Fields,
    kind: EntityKind,
    name: &str,
) -> Result<Option<String>> {
    let spellings = terms_under(searcher, fields, &entity_key_prefix(kind, &key_of(name)))?;
    Ok(spellings
        .iter()
        .filter_map(|(term, n)| Some((read_entity_term(term)?.2, *n)))
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(name, _)| name.to_owned()))
}

/// Per-spelling article counts of one kind → one count per entity: spellings grouped
/// by key, lone surnames folded into the one person they name.
pub fn group_counts(
    kind: EntityKind,
    names: Vec<(String, u64)>,
    with_aliases: bool,
) -> Vec<EntityCount> {
    let mut groups: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    for (name, n) in names {
        groups.entry(key_of(&name)).or_default().push((name, n));
    }
    if kind == EntityKind::Person {
        // Which full names hold each word as their first or last part.
        let mut owners: HashMap<String, Vec<String>> = HashMap::new();
        for (key, (first, last)) in groups.keys().filter_map(|k| Some((k, name_ends(k)?))) {
            for part in [first, last] {
                let list = owners.entry(part.to_owned()).or_default();
                if list.last() != Some(key) {
                    list.push(key.clone());
                }
            }
        }
        let singles: Vec<String> = groups
            .keys()
            .filter(|k| !k.contains(' '))
            .cloned()
            .collect();
        let articles = |key: &str| {
            groups
                .get(key)
                .map_or(0, |names| names.iter().map(|(_, n)| n).sum::<u64>())
        };
        let joins: Vec<(String, String)> = singles
            .into_iter()
            .filter_map(|single| {
                let owners = owners.get(&single)?;
                let owner = owner_of(owners, articles)?;
                Some((single, owner.to_owned()))
            })
            .collect();
        for (single, owner) in joins {
            if let Some(names) = groups.remove(&single) {
                groups.entry(owner).or_default().extend(names);
            }
        }
    }
    let mut counts: Vec<EntityCount> = groups
        .into_values()
        .map(|mut names| {
            // The most common spelling of the full name (a lone name joined to it is
            // shown under it), the longer one on a tie.
            names.sort_by(|a, b| {
                b.0.contains(' ')
                    .cmp(&a.0.contains(' '))
                    .then(b.1.cmp(&a.1))
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(a.0.cmp(&b.0))
            });
            let articles = names.iter().map(|(_, n)| n).sum();
            let name = names[0].0.clone();
            let mut aliases: BTreeSet<String> =
                names[1..].iter().map(|(other, _)| other.clone()).collect();
            if with_aliases {
                aliases.extend(aliases_of(kind, &name));
            }
            aliases.remove(&name);
            EntityCount {
                name,
                kind,
                articles,
                aliases: aliases.into_iter().collect(),
            }
        })
        .collect();
    counts.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.name.cmp(&b.name)));
    counts
}

/// The full name a lone name ("Reagan") stands for across the collection: its only
/// owner (a full name it starts or ends), or the owner carried by at least
/// [`DOMINANT`] times as many articles as the others together and by three or more
/// (Ronald Reagan in 24, Nancy and Michael Reagan in one each). Two people of a
/// similar weight ("Kim") keep the lone name apart.
fn owner_of(owners: &[String], articles: impl Fn(&str) -> u64) -> Option<&str> {
    if let [owner] = owners {
        return Some(owner);
    }
    let (top, rest) = owners.iter().map(|owner| (owner, articles(owner))).fold(
        ((None, 0), 0),
        |((best, most), others), (owner, n)| {
            if n > most {
                ((Some(owner), n), others + most)
            } else {
                ((best, most), others + n)
            }
        },
    );
    let (owner, most) = top;
    (most >= 3 && most >= DOMINANT * rest).then_some(owner?.as_str())
}

/// How many times the articles of the other owners a lone name's owner needs.
const DOMINANT: u64 = 4;

/// `search entities`: the corpus's entities with article counts, most mentioned first.
pub fn list(
    searcher: &Searcher,
    fields: &Fields,
    kind: Option<EntityKind>,
    top: usize,
) -> Result<Vec<EntityCount>> {
    let mut spellings = spelling_counts(searcher, fields)?;
    let mut all = Vec::new();
    for k in EntityKind::ALL {
        if kind.is_some_and(|wanted| wanted != k) {
            continue;
        }
        let names = spellings.remove(&k).unwrap_or_default();
        let written: HashSet<String> = names.iter().map(|(name, _)| name.clone()).collect();
        let mut grouped = group_counts(k, names, true);
        if top > 0 {
            grouped.truncate(top);
        }
        // A gazetteer alias is shown only where the articles write it: GeoNames holds
        // alternate names in every language ("Cathair Nua-Eabhrac" for New York City).
        for entity in &mut grouped {
            let mut kept = Vec::with_capacity(entity.aliases.len());
            for alias in std::mem::take(&mut entity.aliases) {
                if written.contains(&alias) || occurs(searcher, fields, &alias)? {
                    kept.push(alias);
                }
            }
            entity.aliases = kept;
        }
        all.extend(grouped);
    }
    Ok(all)
}

/// Whether some passage's text holds `words` (as a phrase, analysed as the text is, in
/// the languages written in its script: Hangul in Korean text, Cyrillic in Ukrainian
/// and Russian, anything else in English, so "Путін" is found as "Путіна"): stops at
/// the first match.
fn occurs(searcher: &Searcher, fields: &Fields, words: &str) -> Result<bool> {
    let languages: &[Language] = if words.chars().any(|c| matches!(c, '\u{AC00}'..='\u{D7A3}')) {
        &[Language::Korean]
    } else if words.chars().any(|c| matches!(c, '\u{400}'..='\u{4FF}')) {
        &[Language::Ukrainian, Language::Russian]
    } else {
        &[Language::English]
    };
    for &lang in languages {
        let mut analyzer = analyzer_of(lang);
        let mut stream = analyzer.token_stream(words);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(Term::from_field_text(
                fields.text_of(lang),
                &stream.token().text,
            ));
        }
        let query: Box<dyn Query> = match terms.len() {
            0 => continue,
            1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
            _ => Box::new(PhraseQuery::new(terms)),
        };
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        for segment in searcher.segment_readers() {
            if weight.scorer(segment, 1.0)?.doc() != TERMINATED {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// The distinct terms of several `--entity` names, each a list of alternatives.
pub fn filters(searcher: &Searcher, fields: &Fields, names: &[String]) -> Result<Vec<Vec<Term>>> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for name in names {
        if seen.insert(key_of(name)) {
            out.push(entity_terms(searcher, fields, name)?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(names: &[(&str, u64)]) -> Vec<(String, u64)> {
        names.iter().map(|(n, c)| ((*n).to_owned(), *c)).collect()
    }

    fn shown(grouped: &[EntityCount]) -> Vec<(&str, u64)> {
        grouped
            .iter()
            .map(|e| (e.name.as_str(), e.articles))
            .collect()
    }

    #[test]
    fn spellings_of_one_key_are_one_entity_under_the_most_common() {
        let grouped = group_counts(
            EntityKind::Person,
            counts(&[("Kim Jong-un", 1), ("Kim Jong Un", 3), ("Pat Ryder", 2)]),
            false,
        );
        assert_eq!(shown(&grouped), [("Kim Jong Un", 4), ("Pat Ryder", 2)]);
        assert_eq!(grouped[0].aliases, ["Kim Jong-un"]);
    }

    #[test]
    fn a_lone_name_joins_its_one_owner_and_stays_apart_from_two() {
        let one = group_counts(
            EntityKind::Person,
            counts(&[("Kyrylo Budanov", 2), ("Budanov", 1)]),
            false,
        );
        assert_eq!(shown(&one), [("Kyrylo Budanov", 3)]);
        let two = group_counts(
            EntityKind::Person,
            counts(&[
                ("Reagan", 5),
                ("Ronald Reagan", 2),
                ("Reagan Administration", 1),
            ]),
            false,
        );
        assert_eq!(
            shown(&two),
            [
                ("Reagan", 5),
                ("Ronald Reagan", 2),
                ("Reagan Administration", 1)
            ]
        );
    }

    #[test]
    fn a_full_name_filter_takes_the_lone_name_it_carries_across_the_collection() {
        use crate::index::fixture::{doc, indexed};
        use crate::query::parse::QueryRequest;
        use crate::query::search::Page;
        let dir = tempfile::tempdir().unwrap();
        let bodies = [
            ("a.md", "Ronald Reagan signed the budget on Monday."),
            ("b.md", "The budget of Ronald Reagan passed the Senate."),
            ("c.md", "Ronald Reagan said the budget would pass."),
            ("d.md", "President Reagan defended the budget."),
            ("f.md", "A budget, Ronald Reagan said, is a promise."),
            ("e.md", "Nancy Reagan spoke of the budget at a dinner."),
        ];
        let docs: Vec<_> = bodies.iter().map(|(name, body)| doc(name, body)).collect();
        let engine = indexed(dir.path(), &docs);
        let articles = |entity: &str| {
            let request = QueryRequest {
                text: "budget".to_owned(),
                entities: vec![entity.to_owned()],
                ..QueryRequest::default()
            };
            let page = Page {
                limit: 10,
                ..Page::default()
            };
            let mut found: Vec<String> = engine
                .query(&request, page)
                .unwrap()
                .hits
                .iter()
                .map(|hit| hit.path.rsplit('/').next().unwrap().to_owned())
                .collect();
            found.sort();
            found
        };
        // Ronald Reagan in four articles, Nancy Reagan in one: "President Reagan" is his.
        assert_eq!(
            articles("Ronald Reagan"),
            ["a.md", "b.md", "c.md", "d.md", "f.md"]
        );
        assert_eq!(articles("Nancy Reagan"), ["e.md"]);
    }

    #[test]
    fn a_lone_name_joins_an_owner_that_carries_it_four_times_the_others() {
        let dominant = group_counts(
            EntityKind::Person,
            counts(&[
                ("Reagan", 347),
                ("Ronald Reagan", 24),
                ("Nancy Reagan", 1),
                ("Michael Reagan", 1),
            ]),
            false,
        );
        assert_eq!(
            shown(&dominant),
            [
                ("Ronald Reagan", 371),
                ("Michael Reagan", 1),
                ("Nancy Reagan", 1)
            ]
        );
        // 8 against 3: not four times the others, so apart.
        let close = group_counts(
            EntityKind::Person,
            counts(&[("Kim", 9), ("Kim Jong Un", 8), ("Kim Yong-hyun", 3)]),
            false,
        );
        assert_eq!(
            shown(&close),
            [("Kim", 9), ("Kim Jong Un", 8), ("Kim Yong-hyun", 3)]
        );
    }
}
