//! Where a quote may be: the passages the index ranks best for its words (BM25 over
//! plain words, with the query's proximity boost). For the few that match, the passages
//! before them in their article (to find who is speaking), the people the article
//! mentions and the passages beside them (a quote may run across a paragraph break)
//! are read on demand.

use tantivy::{DocAddress, Searcher};

use crate::entities::{EntityKind, is_given_name, key_of};
use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::store::{PassageDoc, Store};
use crate::query::parse::{QueryRequest, parse};
use crate::query::search::{Page, top_passages};
use crate::text::Language;
use crate::text::lexicon::{Class, lexicon};

/// Passages read from the index per quote: the aligner re-ranks them all.
pub const CANDIDATES: usize = 100;
/// Passages before a match read for its speaker ("…," he said — who is he?).
const CONTEXT_PASSAGES: u64 = 3;

/// The passages that may hold the quote, best first.
pub struct Candidates<'a> {
    store: Store<'a>,
    /// Each passage, with where it sits in the index.
    pub found: Vec<(DocAddress, PassageDoc)>,
}

/// What the speaker is read from: a passage with the passages before it.
#[derive(Debug, Clone)]
pub struct Surroundings {
    /// The passages before it in its article and the passage itself, one a line.
    pub context: String,
    /// Where the passage starts in `context`.
    pub passage_start: usize,
    /// The people the article mentions (their display names).
    pub people: Vec<String>,
    /// The article's first passage when `context` does not hold it (else empty): where
    /// a name is spelt out before its acronym ("the Ministry of International Trade and
    /// Industry (MITI) said").
    pub lead: String,
}

/// The best [`CANDIDATES`] passages for `request` (its text read as plain words).
pub fn candidates<'a>(
    handle: &'a IndexHandle,
    searcher: &'a Searcher,
    request: &QueryRequest,
) -> Result<Candidates<'a>> {
    let parsed = parse(handle, searcher, request)?;
    let page = Page {
        limit: CANDIDATES,
        per_article: 0,
        ..Page::default()
    };
    let chosen = top_passages(searcher, &parsed, page)?;
    let store = Store::new(searcher, &handle.fields);
    let mut found = Vec::with_capacity(chosen.len());
    for (_, address) in chosen {
        found.push((address, store.passage(address)?));
    }
    Ok(Candidates { store, found })
}

impl Candidates<'_> {
    /// The surroundings (read only for a passage that matched) of `text`, which starts with the passage `first` (at
    /// `address`) and may run on into the passages after it.
    pub fn surroundings_of(
        &self,
        address: DocAddress,
        first: &PassageDoc,
        text: &str,
    ) -> Result<Surroundings> {
        let entities = self
            .store
            .article_of_passage(address, first.index)?
            .entities;
        let mut people: Vec<String> = Vec::new();
        for entity in entities {
            let name = match entity.kind {
                EntityKind::Person => without_title(&entity.name).to_owned(),
                EntityKind::Org => match person_before_employer(&entity.name) {
                    Some(person) => person.to_owned(),
                    None => continue,
                },
                _ => continue,
            };
            if !people.iter().any(|p| key_of(p) == key_of(&name)) {
                people.push(name);
            }
        }
        let mut context = String::new();
        for before in self
            .store
            .passages_before(address, first, CONTEXT_PASSAGES)?
        {
            context.push_str(&before.text);
            context.push('\n');
        }
        let passage_start = context.len();
        context.push_str(text);
        let lead = match first.index.checked_sub(CONTEXT_PASSAGES + 1) {
            Some(_) => self.store.first_passage(address, first)?,
            None => None,
        };
        Ok(Surroundings {
            context,
            passage_start,
            people,
            lead: lead.map(|p| p.text).unwrap_or_default(),
        })
    }

    /// The passage of the same article just after `passage` (at `address`), or just
    /// before it when `forward` is false.
    pub fn beside(
        &self,
        address: DocAddress,
        passage: &PassageDoc,
        forward: bool,
    ) -> Result<Option<(DocAddress, PassageDoc)>> {
        self.store.passage_beside(address, passage, forward)
    }
}

/// The person in an organisation's name that is a person and where they work ("Charles
/// Bradford of Merrill Lynch and Co", which the entity rules read as one organisation
/// when the employer ends in a legal form): "Charles Bradford". Two or three
/// capitalised words before "of", the first a given name and none an organisation's
/// word ("Bank of England", "Friends of the Earth" are no person).
fn person_before_employer(name: &str) -> Option<&str> {
    let (head, employer) = name.split_once(" of ")?;
    let words: Vec<&str> = head.split(' ').collect();
    let org_word = |w: &str| {
        lexicon(Language::English).classes(&w.to_lowercase()).any(&[
            Class::Institution,
            Class::OrgSuffix,
            Class::LegalForm,
        ])
    };
    let name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && !org_word(w)
    };
    ((2..=3).contains(&words.len())
        && is_given_name(words[0])
        && words.iter().all(name_word)
        && employer.starts_with(char::is_uppercase))
    .then_some(head)
}

/// A person's name without the titles the entity rules kept before it ("Vice-Premier
/// Tian Jiyun", "Bank of China President Wang Deyan"): the words after the last title
/// or role word, when two or more capitalised words are left. Honorifics stay ("Mr
/// Blair"), and so does a title that ends the name ("John Major").
fn without_title(name: &str) -> &str {
    let lex = lexicon(Language::English);
    let title = |w: &str| {
        let last = w.rsplit('-').next().unwrap_or(w).to_lowercase();
        lex.role(&last).is_some() || lex.has(&last, Class::TitleWord)
    };
    let words: Vec<&str> = name.split(' ').collect();
    let Some(t) = words.iter().rposition(|w| title(w)) else {
        return name;
    };
    let rest = &words[t + 1..];
    if rest.len() < 2 || !rest.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return name;
    }
    let skipped: usize = words[..=t].iter().map(|w| w.len() + 1).sum();
    &name[skipped..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_before_an_employer_is_a_person() {
        assert_eq!(
            person_before_employer("Charles Bradford of Merrill Lynch and Co"),
            Some("Charles Bradford")
        );
        assert_eq!(
            person_before_employer("Michelle Galanter Applebaum of Salomon Brothers Inc"),
            Some("Michelle Galanter Applebaum")
        );
        assert_eq!(person_before_employer("Bank of England"), None);
        assert_eq!(person_before_employer("Friends of the Earth"), None);
        assert_eq!(person_before_employer("Williams of Bankers Trust"), None);
    }

    #[test]
    fn a_persons_titles_are_left_out() {
        assert_eq!(without_title("Vice-Premier Tian Jiyun"), "Tian Jiyun");
        assert_eq!(
            without_title("Bank of China President Wang Deyan"),
            "Wang Deyan"
        );
        assert_eq!(without_title("Mr Blair"), "Mr Blair");
        assert_eq!(without_title("John Major"), "John Major");
        assert_eq!(without_title("President Bush"), "President Bush");
        assert_eq!(without_title("Tony Blair"), "Tony Blair");
    }
}
