//! Entities on the query side: a user's name → the index terms it may mean (`--entity`,
//! `entity:`), and facet counts → one line per entity (`search entities`, `--facets`).
//!
//! The indexer stores each article's entities under the name that article uses, so the
//! corpus may hold "Kim Jong Un" in one article and "Kim Jong-un" in another. Here they
//! are grouped by their folded key and shown under the most common spelling, and a lone
//! surname that names exactly one known person ("Budanov") is counted with that person.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::entities::{EntityKind, aliases_of, canonical_alias, key_of, name_ends};
use crate::error::{Error, Result};
use crate::index::IndexHandle;
use crate::query::facets::ArticleFacets;
use crate::schema::{Fields, KIND_PASSAGE};

/// One entity with the number of articles that mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    /// The name shown: the most common spelling in the corpus.
    pub name: String,
    /// `person`, `org` or `place`.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Articles mentioning it.
    pub articles: u64,
    /// Other names it goes by: other spellings in the corpus, and the gazetteer's aliases.
    pub aliases: Vec<String>,
}

/// The terms `name` may stand for in the `entity` field: its gazetteer canonical name
/// ("DPRK" → place North Korea), the name itself as any kind, and — for a single word —
/// every person whose name has that word ("Budanov" → Kyrylo Budanov).
pub fn entity_terms(searcher: &Searcher, fields: &Fields, name: &str) -> Result<Vec<Term>> {
    let key = key_of(name);
    if key.is_empty() {
        return Err(Error::BadQuery(format!(
            "--entity {name:?} has no letters to match — give a name such as \"Kim Yong-hyun\""
        )));
    }
    let mut terms: BTreeSet<String> = EntityKind::ALL
        .iter()
        .map(|kind| format!("{}:{key}", kind.as_str()))
        .collect();
    if let Some((kind, canonical)) = canonical_alias(name) {
        terms.insert(format!("{}:{}", kind.as_str(), key_of(&canonical)));
    }
    if !key.contains(' ') {
        for person in indexed_keys(searcher, fields, EntityKind::Person)? {
            if person.split(' ').any(|part| part == key) {
                terms.insert(format!("person:{person}"));
            }
        }
    }
    Ok(terms
        .into_iter()
        .map(|term| Term::from_field_text(fields.entity, &term))
        .collect())
}

/// Every key of `kind` in the index, from the `entity` field's term dictionaries.
fn indexed_keys(
    searcher: &Searcher,
    fields: &Fields,
    kind: EntityKind,
) -> Result<BTreeSet<String>> {
    let prefix = format!("{}:", kind.as_str());
    let mut end = prefix.clone().into_bytes();
    if let Some(last) = end.last_mut() {
        *last += 1;
    }
    let mut keys = BTreeSet::new();
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
            if let Ok(term) = std::str::from_utf8(stream.key())
                && let Some(key) = term.strip_prefix(&prefix)
            {
                keys.insert(key.to_owned());
            }
        }
    }
    Ok(keys)
}

/// Per-name article counts under `/entity/<kind>` → one count per entity: spellings
/// grouped by key, lone surnames folded into the one person they name.
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
        for single in singles {
            if let Some([owner]) = owners.get(&single).map(Vec::as_slice)
                && let Some(names) = groups.remove(&single)
            {
                groups.entry(owner.clone()).or_default().extend(names);
            }
        }
    }
    let mut counts: Vec<EntityCount> = groups
        .into_values()
        .map(|mut names| {
            // The most common spelling, the longer one on a tie.
            names.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(a.0.cmp(&b.0))
            });
            let articles = names.iter().map(|(_, n)| n).sum();
            let name = names[0].0.clone();
            let mut aliases: BTreeSet<String> =
                names[1..].iter().map(|(other, _)| other.clone()).collect();
            if with_aliases && kind != EntityKind::Person {
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

/// `search entities`: the corpus's entities with article counts, most mentioned first.
pub fn list(
    handle: &IndexHandle,
    kind: Option<EntityKind>,
    top: usize,
) -> Result<Vec<EntityCount>> {
    let reader = handle.index.reader()?;
    let searcher = reader.searcher();
    // Every passage, counted once per article, with the facets of its article.
    let passages = TermQuery::new(
        Term::from_field_text(handle.fields.kind, KIND_PASSAGE),
        IndexRecordOption::Basic,
    );
    let roots: Vec<String> = EntityKind::ALL
        .iter()
        .map(|k| format!("/entity/{}", k.as_str()))
        .collect();
    let root_refs: Vec<&str> = roots.iter().map(String::as_str).collect();
    let counts = searcher.search(&passages, &ArticleFacets::under(&root_refs))?;
    let mut all = Vec::new();
    for k in EntityKind::ALL {
        if kind.is_some_and(|wanted| wanted != k) {
            continue;
        }
        let names = counts.children(&format!("/entity/{}", k.as_str()));
        let mut grouped = group_counts(k, names, true);
        if top > 0 {
            grouped.truncate(top);
        }
        all.extend(grouped);
    }
    Ok(all)
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
