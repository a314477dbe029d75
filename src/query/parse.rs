//! The user's query → a tantivy query over passages, and the terms and phrases to
//! highlight. tantivy's query language is kept whole (words, `"phrases"`, `~slop`,
//! `AND`/`OR`/`NOT`, `+`/`-`, `title:`/`outlet:`); on top of it go proximity clauses, so
//! passages holding the query words close together rank first, and the filters.
//!
//! Bare words search the passage text, which the indexer follows with the article's
//! title, so the headline counts in the same BM25 field. Stopwords among
//! optional bare words ("the", "in", "of") are left out of scoring unless the query
//! has nothing else: they say nothing about relevance and only add noise. Phrases and
//! required words keep them.

use std::ops::Bound;

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, QueryParser,
    QueryParserError, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Score, Searcher, Term};

use crate::error::{Error, Result};
use crate::index::IndexHandle;
use crate::ingest::date::NewsDate;
use crate::query::articles::PassagesOf;
use crate::query::entities::filters as entity_filters;
use crate::query::{limits, operators};
use crate::schema::{Fields, KIND_PASSAGE, analyzer_of, date_value, text_analyzer};
use crate::text::chars::floor_boundary;
use crate::text::{Language, is_function_word};

/// Weight of the proximity clauses, which reward consecutive content words of the query
/// found close together. It is shared out so that the clauses together weigh at most
/// as much as a query's first [`PROXIMITY_PAIRS`] pairs: a pasted sentence has many
/// pairs, and they must not outweigh its words.
pub const PROXIMITY_BOOST: f32 = 0.3;
/// See [`PROXIMITY_BOOST`].
pub const PROXIMITY_PAIRS: usize = 2;
/// How far apart (in words) two consecutive query words may be to earn the proximity boost.
pub const PROXIMITY_SLOP: u32 = 3;
/// Fields a user may name in a query.
const USER_FIELDS: &[&str] = &["title", "text", "outlet", "entity", "lang"];
/// What a query that only excludes is told, whether it excludes words or entities.
const ONLY_EXCLUDES: &str = "the query only excludes — give words or an entity to search for";
/// How many characters of the query a syntax error shows on each side of the spot.
const ERROR_CONTEXT_CHARS: usize = 40;

/// What the user asked, before it becomes a query.
#[derive(Debug, Clone, Default)]
pub struct QueryRequest {
    /// The query text.
    pub text: String,
    /// Read the text as plain words, no syntax.
    pub plain: bool,
    /// Only these outlets (any of them, case-insensitive).
    pub outlets: Vec<String>,
    /// Only articles in these languages (any of them): ISO 639-1 codes, any case.
    pub langs: Vec<String>,
    /// Only articles dated on or after the start of this date.
    pub since: Option<NewsDate>,
    /// Only articles dated on or before the end of this date.
    pub until: Option<NewsDate>,
    /// Only articles mentioning every one of these entities (any alias).
    pub entities: Vec<String>,
}

/// What to highlight: single (stemmed) words, and phrases whose words must stand
/// together (within `slop` extra positions) to be highlighted at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HighlightTerms {
    /// Stemmed words highlighted wherever they occur.
    pub words: Vec<String>,
    /// Stemmed phrases, highlighted only where they match as phrases.
    pub phrases: Vec<(Vec<String>, u32)>,
    /// The query's content words (stopwords left out), stemmed, in query order: the
    /// words whose closeness is rewarded.
    pub content: Vec<String>,
}

/// What a matching passage highlights, per language: the query read by each
/// language's analyzer, so a passage is highlighted with its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryTerms {
    by_language: [HighlightTerms; 5],
}

impl QueryTerms {
    /// The terms a passage in `lang` highlights.
    pub fn of(&self, lang: Language) -> &HighlightTerms {
        &self.by_language[lang.index()]
    }

    fn of_mut(&mut self, lang: Language) -> &mut HighlightTerms {
        &mut self.by_language[lang.index()]
    }
}

/// A query ready to run.
pub struct ParsedQuery {
    /// The full query: the user's, proximity, filters, and `kind:passage`.
    pub query: Box<dyn Query>,
    /// The same match set without the proximity clauses (which only score): for
    /// counting, facets, and the first ranking by BM25, where positions need not be
    /// read. With no filter it is the user's query itself, so that a union of words
    /// reaches tantivy whole and its block-max pruning applies.
    pub matching: Box<dyn Query>,
    /// The proximity clauses alone (each boosted), which `query` adds to `matching`'s
    /// score: the best passages by `matching` are re-ranked with them.
    pub proximity: Vec<Box<dyn Query>>,
    /// What a matching passage highlights, in its language.
    pub highlight: QueryTerms,
    /// The outlets the query requires with `outlet:`.
    pub outlets: Vec<String>,
    /// The entities the query or `--entity` require.
    pub entities: Vec<String>,
}

/// Builds the query for `request`.
pub fn parse(
    handle: &IndexHandle,
    searcher: &Searcher,
    request: &QueryRequest,
) -> Result<ParsedQuery> {
    let fields = handle.fields;
    let mut analyzer = text_analyzer();
    limits::check(&request.text, !request.plain, &mut analyzer)?;
    let langs = languages_present(searcher, &fields);
    check_dates(request.since, request.until)?;
    let mut entities = EntityFilters {
        required: request.entities.clone(),
        excluded: Vec::new(),
        outlets: Vec::new(),
        excluded_outlets: Vec::new(),
        langs: Vec::new(),
        excluded_langs: Vec::new(),
    };
    let asked_langs = language_codes(&request.langs)?;
    let (user_query, highlight) = if request.plain {
        plain_query(&fields, &langs, &request.text)?
    } else {
        syntax_query(handle, &langs, &mut analyzer, &request.text, &mut entities)?
    };

    let user_query_missing = user_query.is_none();
    // Without words, the entity filters alone choose; they must choose passages.
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = match user_query {
        Some(query) => vec![(Occur::Must, query)],
        None => vec![(
            Occur::Must,
            term_query(Term::from_field_text(fields.kind, KIND_PASSAGE)),
        )],
    };
    for (names, occur) in [
        (&entities.required, Occur::Must),
        (&entities.excluded, Occur::MustNot),
    ] {
        for alternatives in entity_filters(searcher, &fields, names)? {
            let any: Vec<(Occur, Box<dyn Query>)> = alternatives
                .into_iter()
                .map(|term| (Occur::Should, term_query(term)))
                .collect();
            let articles = Box::new(BooleanQuery::new(any));
            clauses.push((occur, filter(Box::new(PassagesOf::new(articles)))));
        }
    }
    let only_filters =
        entities.required.is_empty() && entities.outlets.is_empty() && entities.langs.is_empty();
    if user_query_missing && only_filters {
        return Err(Error::BadQuery(ONLY_EXCLUDES.to_owned()));
    }
    // Only passages have the fields a query can name, so any query on words selects
    // passages alone, and intersecting with `kind:passage` would only cost time. `*`
    // (everything) is the exception.
    if !request.plain && request.text.contains('*') {
        let passages = term_query(Term::from_field_text(fields.kind, KIND_PASSAGE));
        clauses.push((Occur::Must, passages));
    }
    let proximity = proximity_queries(&fields, &langs, &highlight);
    if !request.outlets.is_empty() {
        let names = request.outlets.iter().map(|outlet| outlet.to_lowercase());
        clauses.push((Occur::Must, filter(any_term(fields.outlet, names))));
    }
    // `outlet:NAME` in the query filters as `--outlet` does, each one required.
    for (names, occur) in [
        (&entities.outlets, Occur::Must),
        (&entities.excluded_outlets, Occur::MustNot),
    ] {
        for outlet in names {
            let term = Term::from_field_text(fields.outlet, &outlet.to_lowercase());
            clauses.push((occur, filter(term_query(term))));
        }
    }
    // `--lang` keeps any of its languages; `lang:CODE` requires (or with `-` excludes) one.
    if !asked_langs.is_empty() {
        let any = any_term(fields.lang, asked_langs.iter().cloned());
        clauses.push((Occur::Must, filter(any)));
    }
    for (codes, occur) in [
        (language_codes(&entities.langs)?, Occur::Must),
        (language_codes(&entities.excluded_langs)?, Occur::MustNot),
    ] {
        for code in codes {
            let term = Term::from_field_text(fields.lang, &code);
            clauses.push((occur, filter(term_query(term))));
        }
    }
    // An article's date is a period (a day, a month, a year); it passes the filters when
    // that period overlaps the one asked for, so `2024-09` is kept by `--since 2024-09-15`.
    if let Some(since) = request.since {
        let from = Term::from_field_i64(fields.date_end, date_value(since.first_day()));
        let range = RangeQuery::new(Bound::Included(from), Bound::Unbounded);
        clauses.push((Occur::Must, filter(Box::new(range))));
    }
    if let Some(until) = request.until {
        let to = Term::from_field_i64(fields.date, date_value(until.last_day()));
        let range = RangeQuery::new(Bound::Unbounded, Bound::Included(to));
        clauses.push((Occur::Must, filter(Box::new(range))));
    }
    let matching: Box<dyn Query> = match clauses.as_slice() {
        [(Occur::Must, alone)] => alone.box_clone(),
        _ => Box::new(BooleanQuery::new(
            clauses.iter().map(|(o, q)| (*o, q.box_clone())).collect(),
        )),
    };
    clauses.extend(proximity.iter().map(|p| (Occur::Should, p.box_clone())));
    Ok(ParsedQuery {
        query: Box::new(BooleanQuery::new(clauses)),
        matching,
        proximity,
        highlight,
        outlets: entities.outlets,
        entities: entities.required,
    })
}

/// Entities the query names with `entity:` or `--entity`, and outlets it names with
/// `outlet:` at its top level.
struct EntityFilters {
    required: Vec<String>,
    excluded: Vec<String>,
    outlets: Vec<String>,
    excluded_outlets: Vec<String>,
    langs: Vec<String>,
    excluded_langs: Vec<String>,
}

/// The language codes asked for, lower-cased; an error naming the first that is not
/// an ISO 639-1 (or 639-2) code.
fn language_codes(asked: &[String]) -> Result<Vec<String>> {
    asked
        .iter()
        .map(|code| {
            let lower = code.trim().to_ascii_lowercase();
            if (2..=3).contains(&lower.len()) && lower.bytes().all(|b| b.is_ascii_lowercase()) {
                Ok(lower)
            } else {
                Err(Error::BadQuery(format!(
                    "\"{code}\" is not a language code — give an ISO 639-1 code such as en, uk, ru or ko"
                )))
            }
        })
        .collect()
}

/// Refuses a date range that ends before it starts: nothing could match it.
fn check_dates(since: Option<NewsDate>, until: Option<NewsDate>) -> Result<()> {
    match (since, until) {
        (Some(since), Some(until)) if since.first_day() > until.last_day() => {
            Err(Error::BadQuery(format!(
                "--since {since} is after --until {until}, so no article could match — swap the two dates, or drop one of them"
            )))
        }
        _ => Ok(()),
    }
}

/// A clause that chooses passages without scoring them: a filter must never change
/// the order of what it keeps. (A range that covers a whole segment scores nothing
/// there but one point elsewhere, so order would depend on how segments fell.)
fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

/// Any of `values` in `field`: one optional term each.
fn any_term(field: Field, values: impl Iterator<Item = String>) -> Box<dyn Query> {
    let any: Vec<(Occur, Box<dyn Query>)> = values
        .map(|value| {
            (
                Occur::Should,
                term_query(Term::from_field_text(field, &value)),
            )
        })
        .collect();
    Box::new(BooleanQuery::new(any))
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

/// The languages whose text fields hold any passage in the index, English always
/// first: a query is read by each of their analyzers and searched in each field. An
/// index of English alone is searched exactly as before languages had fields. Read
/// from the passages' `lang` terms (a passage is indexed in its article's language's
/// field; one whose article has no language, in `text_other`), not from the text
/// fields: opening a field a segment lacks builds an empty term dictionary, a tenth of
/// a query with no hit.
pub fn languages_present(searcher: &Searcher, fields: &Fields) -> Vec<Language> {
    let mut present = [false; Language::ALL.len()];
    present[Language::English.index()] = true;
    for segment in searcher.segment_readers() {
        let (Ok(langs), Ok(kinds)) = (
            segment.inverted_index(fields.lang),
            segment.inverted_index(fields.kind),
        ) else {
            continue;
        };
        let passages = kinds
            .doc_freq(&Term::from_field_text(fields.kind, KIND_PASSAGE))
            .unwrap_or(0);
        let mut with_language = 0;
        if let Ok(mut codes) = langs.terms().stream() {
            while codes.advance() {
                with_language += codes.value().doc_freq;
                if let Ok(code) = std::str::from_utf8(codes.key()) {
                    present[Language::of_code(Some(code)).index()] = true;
                }
            }
        }
        if with_language < passages {
            present[Language::Other.index()] = true;
        }
    }
    Language::ALL
        .into_iter()
        .filter(|lang| present[lang.index()])
        .collect()
}

/// Plain words: every word is an optional term on the passage text of every language
/// in `langs`, read by that language's analyzer; none is syntax.
fn plain_query(
    fields: &Fields,
    langs: &[Language],
    text: &str,
) -> Result<(Option<Box<dyn Query>>, QueryTerms)> {
    let mut terms = QueryTerms::default();
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for &lang in langs {
        let mut analyzer = analyzer_of(lang);
        let content = content_words(&mut analyzer, lang, text);
        let words = if content.is_empty() {
            analyze(&mut analyzer, text)
        } else {
            content_words_all(&mut analyzer, lang, text)
        };
        let field = fields.text_of(lang);
        any.extend(words.iter().map(|word| {
            (
                Occur::Should,
                term_query(Term::from_field_text(field, word)),
            )
        }));
        *terms.of_mut(lang) = HighlightTerms {
            words,
            phrases: Vec::new(),
            content,
        };
    }
    if terms.of(Language::English).words.is_empty() {
        return Err(Error::BadQuery(
            "the query has no words to search for".to_owned(),
        ));
    }
    Ok((Some(Box::new(BooleanQuery::new(any))), terms))
}

/// tantivy's query language, with errors that point at the problem.
fn syntax_query(
    handle: &IndexHandle,
    langs: &[Language],
    analyzer: &mut TextAnalyzer,
    text: &str,
    entities: &mut EntityFilters,
) -> Result<(Option<Box<dyn Query>>, QueryTerms)> {
    if text.trim().is_empty() {
        return Err(Error::BadQuery(
            "the query is empty — give words to search for".to_owned(),
        ));
    }
    let readable = operators::readable(text);
    let ast = match tantivy::query_grammar::parse_query(&readable.text) {
        Ok(ast) => ast,
        Err(_) => return Err(Error::BadQuery(syntax_error(text, &readable))),
    };
    let Some(ast) = take_entity_clauses(ast, entities)? else {
        return Ok((None, QueryTerms::default()));
    };
    let ast = drop_optional_stopwords(ast, analyzer);
    let mut highlight = QueryTerms::default();
    for &lang in langs {
        let mut analyzer = analyzer_of(lang);
        check_and_collect(&ast, &mut analyzer, lang, false, highlight.of_mut(lang))?;
    }
    // Bare words are read by each language's analyzer and searched in its field; so
    // is `text:`, which names the passage text whatever its language.
    let fields: Vec<Field> = langs.iter().map(|&l| handle.fields.text_of(l)).collect();
    let ast = if langs.len() > 1 {
        every_text_field(ast, handle, langs)
    } else {
        ast
    };
    let parser = QueryParser::for_index(&handle.index, fields);
    Ok((Some(build_query(&parser, ast)?), highlight))
}

/// `ast` built into a query. tantivy's parser builds every part that names no
/// headline; a `title:` clause is asked of the `article` documents, which alone carry
/// the headline, and scores each passage of the articles it matches
/// ([`PassagesOf::scored_as_articles`]).
fn build_query(parser: &QueryParser, ast: UserInputAst) -> Result<Box<dyn Query>> {
    if !names_title(&ast) {
        return parser
            .build_query_from_user_input_ast(ast)
            .map_err(parser_error);
    }
    // tantivy's rule for a query that only excludes, on the whole query.
    if only_excludes(&ast) {
        return Err(Error::BadQuery(ONLY_EXCLUDES.to_owned()));
    }
    build_part(parser, ast)
}

/// A part of a query that names the headline, built as tantivy's parser builds a
/// query, but for its `title:` leaves; a group that only excludes matches nothing, as
/// in a query built by tantivy alone.
fn build_part(parser: &QueryParser, ast: UserInputAst) -> Result<Box<dyn Query>> {
    match ast {
        UserInputAst::Leaf(leaf) => {
            let title = leaf_field(&leaf) == Some("title");
            let query = parser
                .build_query_from_user_input_ast(UserInputAst::Leaf(leaf))
                .map_err(parser_error)?;
            Ok(if title {
                Box::new(PassagesOf::scored_as_articles(query))
            } else {
                query
            })
        }
        UserInputAst::Boost(inner, boost) => Ok(Box::new(BoostQuery::new(
            build_part(parser, *inner)?,
            boost.into_inner() as Score,
        ))),
        UserInputAst::Clause(children) => {
            let mut clauses = Vec::with_capacity(children.len());
            for (occur, child) in children {
                let query = build_part(parser, child)?;
                // What tantivy's parser trims: a part with no words left.
                if query.downcast_ref::<EmptyQuery>().is_none() {
                    clauses.push((occur.unwrap_or(Occur::Should), query));
                }
            }
            if clauses.is_empty() {
                return Ok(Box::new(EmptyQuery));
            }
            Ok(Box::new(BooleanQuery::new(clauses)))
        }
    }
}

/// Whether a query only excludes: every clause is `-` or a group that only excludes.
fn only_excludes(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Leaf(_) => false,
        UserInputAst::Boost(inner, _) => only_excludes(inner),
        UserInputAst::Clause(children) => children
            .iter()
            .all(|(occur, child)| *occur == Some(Occur::MustNot) || only_excludes(child)),
    }
}

/// Whether `ast` names the `title` field anywhere.
fn names_title(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(children) => children.iter().any(|(_, child)| names_title(child)),
        UserInputAst::Boost(inner, _) => names_title(inner),
        UserInputAst::Leaf(leaf) => leaf_field(leaf) == Some("title"),
    }
}

/// The field a leaf names, if any.
fn leaf_field(leaf: &UserInputLeaf) -> Option<&str> {
    match leaf {
        UserInputLeaf::Literal(literal) => literal.field_name.as_deref(),
        UserInputLeaf::Range { field, .. } | UserInputLeaf::Set { field, .. } => field.as_deref(),
        UserInputLeaf::Exists { field } => Some(field.as_str()),
        _ => None,
    }
}

fn parser_error(err: QueryParserError) -> Error {
    match err {
        QueryParserError::AllButQueryForbidden => Error::BadQuery(ONLY_EXCLUDES.to_owned()),
        other => Error::BadQuery(other.to_string()),
    }
}

/// `ast` with each `text:` literal asked of the text field of every language in `langs`
/// (any of them).
fn every_text_field(ast: UserInputAst, handle: &IndexHandle, langs: &[Language]) -> UserInputAst {
    match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, clause)| (occur, every_text_field(clause, handle, langs)))
                .collect(),
        ),
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(every_text_field(*inner, handle, langs)), boost)
        }
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(literal) if literal.field_name.as_deref() == Some("text") => {
                let schema = handle.index.schema();
                UserInputAst::Clause(
                    langs
                        .iter()
                        .map(|&lang| {
                            let name = schema.get_field_name(handle.fields.text_of(lang));
                            let mut one = literal.clone();
                            one.field_name = Some(name.to_owned());
                            (
                                Some(Occur::Should),
                                UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(one))),
                            )
                        })
                        .collect(),
                )
            }
            other => UserInputAst::Leaf(Box::new(other)),
        },
    }
}

/// Moves the query's top-level `entity:NAME` clauses into `entities` (required, or
/// excluded with `-`); `None` when nothing else is left. An `entity:` clause nested in a
/// group is an error, since entity filters apply to whole articles.
fn take_entity_clauses(
    ast: UserInputAst,
    entities: &mut EntityFilters,
) -> Result<Option<UserInputAst>> {
    fn field_value<'a>(ast: &'a UserInputAst, field: &str) -> Option<&'a str> {
        match ast {
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                UserInputLeaf::Literal(literal) if literal.field_name.as_deref() == Some(field) => {
                    Some(literal.phrase.as_str())
                }
                _ => None,
            },
            _ => None,
        }
    }
    let clauses = match ast {
        UserInputAst::Clause(clauses) => clauses,
        other => vec![(None, other)],
    };
    let mut kept = Vec::with_capacity(clauses.len());
    for (occur, clause) in clauses {
        // An OR-ed `outlet:` stays a clause of the query (it matches the outlet).
        if occur != Some(Occur::Should)
            && let Some(outlet) = field_value(&clause, "outlet")
        {
            match occur {
                Some(Occur::MustNot) => entities.excluded_outlets.push(outlet.to_owned()),
                _ => entities.outlets.push(outlet.to_owned()),
            }
            continue;
        }
        // So does an OR-ed `lang:`, with the code as the index holds it.
        if let Some(code) = field_value(&clause, "lang") {
            if occur == Some(Occur::Should) {
                let code = language_codes(&[code.to_owned()])?.remove(0);
                kept.push((occur, lang_clause(code)));
                continue;
            }
            match occur {
                Some(Occur::MustNot) => entities.excluded_langs.push(code.to_owned()),
                _ => entities.langs.push(code.to_owned()),
            }
            continue;
        }
        match field_value(&clause, "entity").map(str::to_owned) {
            Some(_) if occur == Some(Occur::Should) => {
                return Err(Error::BadQuery(
                    "entity: cannot be OR-ed with other clauses (it filters whole articles) — drop the OR, or use --entity NAME".to_owned(),
                ));
            }
            Some(name) if occur == Some(Occur::MustNot) => entities.excluded.push(name),
            Some(name) => entities.required.push(name),
            None => {
                if mentions_entity_field(&clause) {
                    return Err(Error::BadQuery(
                        "entity: can only stand at the top level of a query (it filters whole articles) — or use --entity NAME".to_owned(),
                    ));
                }
                kept.push((occur, clause));
            }
        }
    }
    Ok(match kept.len() {
        0 => None,
        1 if kept[0].0.is_none() => kept.pop().map(|(_, ast)| ast),
        _ => Some(UserInputAst::Clause(kept)),
    })
}

/// A `lang:CODE` clause with the code as the index holds it (lower case).
fn lang_clause(code: String) -> UserInputAst {
    UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(UserInputLiteral {
        field_name: Some("lang".to_owned()),
        phrase: code,
        delimiter: Delimiter::None,
        slop: 0,
        prefix: false,
    })))
}

fn mentions_entity_field(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(clauses) => clauses.iter().any(|(_, c)| mentions_entity_field(c)),
        UserInputAst::Boost(inner, _) => mentions_entity_field(inner),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(literal) => literal.field_name.as_deref() == Some("entity"),
            _ => false,
        },
    }
}

/// Leaves out of a query's top level the optional bare words that are all stopwords,
/// when something else remains to search for.
fn drop_optional_stopwords(ast: UserInputAst, analyzer: &mut TextAnalyzer) -> UserInputAst {
    let UserInputAst::Clause(clauses) = ast else {
        return ast;
    };
    let mut is_stopword = |clause: &(Option<Occur>, UserInputAst)| match clause {
        (None | Some(Occur::Should), UserInputAst::Leaf(leaf)) => match leaf.as_ref() {
            UserInputLeaf::Literal(literal) => {
                literal.delimiter == Delimiter::None
                    && literal.field_name.is_none()
                    && !literal.prefix
                    && content_words(analyzer, Language::English, &literal.phrase).is_empty()
                    && !analyze(analyzer, &literal.phrase).is_empty()
            }
            _ => false,
        },
        _ => false,
    };
    let stop: Vec<bool> = clauses.iter().map(&mut is_stopword).collect();
    let keeps_positive = clauses
        .iter()
        .zip(&stop)
        .any(|((occur, _), stop)| !stop && *occur != Some(Occur::MustNot));
    if !keeps_positive {
        return UserInputAst::Clause(clauses);
    }
    UserInputAst::Clause(
        clauses
            .into_iter()
            .zip(stop)
            .filter(|(_, stop)| !stop)
            .map(|(clause, _)| clause)
            .collect(),
    )
}

/// Where tantivy's grammar gives up on `readable` (the user's `text` as
/// [`operators::readable`] rewrote it), as a message pointing at the spot in `text`:
/// its column, and up to [`ERROR_CONTEXT_CHARS`] characters on each side, so a long
/// query does not fill the screen.
fn syntax_error(text: &str, readable: &operators::Readable) -> String {
    let (_, errors) = tantivy::query_grammar::parse_query_lenient(&readable.text);
    let (pos, what) = errors.first().map_or(
        (readable.text.len(), "cannot read the query".to_owned()),
        |err| (err.pos, err.message.replace("\\\"", "\"")),
    );
    let pos = floor_boundary(text, readable.original_offset(pos));
    let (before, after) = text.split_at(pos);
    let column = before.chars().count();
    format!(
        "bad query at column {}: {what}, here: {}⟨here⟩{} — fix it, or use -F/--plain to search for the words as they are",
        column + 1,
        tail(before, ERROR_CONTEXT_CHARS),
        head(after, ERROR_CONTEXT_CHARS),
    )
}

/// The last `count` characters of `text`, after a `…` when some were left out.
fn tail(text: &str, count: usize) -> String {
    match text.char_indices().rev().nth(count.saturating_sub(1)) {
        Some((start, _)) if start > 0 => format!("…{}", &text[start..]),
        _ => text.to_owned(),
    }
}

/// The first `count` characters of `text`, before a `…` when some were left out.
fn head(text: &str, count: usize) -> String {
    match text.char_indices().nth(count) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// Rejects fields users may not query, and gathers the highlight terms from every
/// clause that is not excluded.
fn check_and_collect(
    ast: &UserInputAst,
    analyzer: &mut TextAnalyzer,
    lang: Language,
    excluded: bool,
    out: &mut HighlightTerms,
) -> Result<()> {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, clause) in clauses {
                check_and_collect(
                    clause,
                    analyzer,
                    lang,
                    excluded || *occur == Some(Occur::MustNot),
                    out,
                )?;
            }
        }
        UserInputAst::Boost(inner, _) => check_and_collect(inner, analyzer, lang, excluded, out)?,
        UserInputAst::Leaf(leaf) => {
            let field = leaf_field(leaf);
            if let UserInputLeaf::Exists { field } = leaf.as_ref() {
                // tantivy answers `field:*` only on fast fields, which these are not.
                return Err(Error::BadQuery(format!(
                    "`{field}:*` (any value) cannot be searched — give words, e.g. `{field}:troops`"
                )));
            }
            if let Some(field) = field
                && !USER_FIELDS.contains(&field)
            {
                return Err(Error::BadQuery(format!(
                    "unknown field `{field}:` — queries can name title:, text:, outlet: or entity:; use --since/--until for dates"
                )));
            }
            if let UserInputLeaf::Literal(literal) = leaf.as_ref()
                && !excluded
                && field != Some("outlet")
            {
                let words = analyze(analyzer, &literal.phrase);
                out.content
                    .extend(content_words(analyzer, lang, &literal.phrase));
                // tantivy searches a word its analyzer cuts in several (a Korean word's
                // syllable pairs) as a phrase; English words are highlighted as before.
                let phrase = literal.delimiter == Delimiter::DoubleQuotes
                    || (lang != Language::English && literal.field_name.is_none());
                if phrase && words.len() > 1 {
                    out.phrases.push((words, literal.slop));
                } else {
                    out.words.extend(words);
                }
            }
        }
    }
    Ok(())
}

/// The analyzed (lower-cased, stemmed) words of `text`.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}

/// The stems of the words of `text` that are not stopwords ("the", "in", "of": the text
/// layer's one list): closeness of stopwords says nothing about relevance. A word the
/// analyzer cuts into overlapping pieces (Korean syllable pairs) counts by its first.
fn content_words(analyzer: &mut TextAnalyzer, lang: Language, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    let mut end = 0;
    while stream.advance() {
        let token = stream.token();
        let overlaps = token.offset_from < end;
        end = end.max(token.offset_to);
        if !overlaps && !is_function_word(&token.text, lang) {
            words.push(token.text.clone());
        }
    }
    words
}

/// The analyzed words of `text` that are not stopwords, every piece of each word.
fn content_words_all(analyzer: &mut TextAnalyzer, lang: Language, text: &str) -> Vec<String> {
    let mut words = analyze(analyzer, text);
    words.retain(|word| !is_function_word(word, lang));
    words
}

/// One clause per pair of consecutive content words, matching passages where the two
/// stand within [`PROXIMITY_SLOP`] words of each other: the more of the query a passage
/// holds close together, the more it gains over one that repeats a single word.
///
/// Each language present asks its own pairs in its own field; a passage is in one
/// field only, so it earns the boost of one language's pairs.
fn proximity_queries(
    fields: &Fields,
    langs: &[Language],
    highlight: &QueryTerms,
) -> Vec<Box<dyn Query>> {
    let mut queries = Vec::new();
    for &lang in langs {
        let field = fields.text_of(lang);
        let pairs: Vec<&[String]> = highlight
            .of(lang)
            .content
            .windows(2)
            .filter(|pair| pair[0] != pair[1])
            .collect();
        let boost = proximity_boost(pairs.len());
        queries.extend(pairs.into_iter().map(|pair| {
            let terms = pair
                .iter()
                .map(|word| Term::from_field_text(field, word))
                .collect();
            let mut phrase = PhraseQuery::new(terms);
            phrase.set_slop(PROXIMITY_SLOP);
            Box::new(BoostQuery::new(Box::new(phrase), boost)) as Box<dyn Query>
        }));
    }
    queries
}

/// The weight of each of `pairs` proximity clauses: [`PROXIMITY_BOOST`], shared out once
/// there are more than [`PROXIMITY_PAIRS`].
fn proximity_boost(pairs: usize) -> f32 {
    PROXIMITY_BOOST * (PROXIMITY_PAIRS as f32 / pairs.max(1) as f32).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Parses `text` against an empty index, as `search query` would.
    fn parse_text(handle: &IndexHandle, text: &str, plain: bool) -> Result<ParsedQuery> {
        let reader = handle.index.reader()?;
        let request = QueryRequest {
            text: text.to_owned(),
            plain,
            ..QueryRequest::default()
        };
        parse(handle, &reader.searcher(), &request)
    }

    #[test]
    fn issue_15_function_words_of_a_question_do_not_score() {
        let dir = tempfile::tempdir().unwrap();
        let handle = crate::index::open_or_create(dir.path(), false).unwrap();
        for plain in [false, true] {
            let parsed = parse_text(&handle, "what did Blair say about Iraq", plain).unwrap();
            assert_eq!(
                parsed.highlight.of(Language::English).content,
                ["blair", "say", "iraq"],
                "plain: {plain}"
            );
        }
        let parsed = parse_text(&handle, "what did Blair say about Iraq", true).unwrap();
        assert_eq!(
            parsed.highlight.of(Language::English).words,
            ["blair", "say", "iraq"]
        );
        // Asked alone, function words are what is searched for.
        let parsed = parse_text(&handle, "what about it", true).unwrap();
        assert_eq!(
            parsed.highlight.of(Language::English).words,
            ["what", "about", "it"]
        );
    }

    /// The message of the `BadQuery` error `text` must give, against an empty index.
    fn bad_query(text: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let handle = crate::index::open_or_create(dir.path(), false).unwrap();
        match parse_text(&handle, text, false) {
            Err(Error::BadQuery(message)) => message,
            Err(other) => panic!("{text:?} gave another error: {other}"),
            Ok(_) => panic!("{text:?} parsed"),
        }
    }

    #[test]
    fn a_bad_query_points_at_the_column_where_reading_stopped() {
        // The message quotes the query as given; the front end makes it safe to show
        // (`render::error_line` escapes the line break, found by the `query` fuzz target).
        let text = "North K\n\"unclosed";
        let message = syntax_error(text, &operators::readable(text));
        assert_eq!(
            message,
            "bad query at column 18: missing delimiter \", here: North K\n\"unclosed⟨here⟩ — fix it, or use -F/--plain to search for the words as they are"
        );
    }

    #[test]
    fn a_long_bad_query_is_shown_around_the_spot() {
        // A 96 KB query was echoed whole; the column still counts from the start.
        let text = format!("{}) {}", "alpha ".repeat(20), "beta ".repeat(20));
        assert_eq!(
            syntax_error(&text, &operators::readable(&text)),
            "bad query at column 121: unparsed end of query, here: …pha alpha alpha alpha alpha alpha alpha ⟨here⟩) beta beta beta beta beta beta beta bet… — fix it, or use -F/--plain to search for the words as they are"
        );
        assert_eq!(tail("abc", 3), "abc");
        assert_eq!(tail("éabc", 3), "…abc");
        assert_eq!(head("abc", 3), "abc");
        assert_eq!(head("abcé", 3), "abc…");
    }

    #[test]
    fn a_query_that_only_excludes_says_what_to_add() {
        // tantivy said "Invalid query: Only excluding terms given" for these.
        for text in ["NOT oil", "-oil", "(-oil -gas)", "-entity:Putin"] {
            assert_eq!(bad_query(text), ONLY_EXCLUDES, "{text}");
        }
    }

    #[test]
    fn a_field_wildcard_is_a_bad_query_not_a_schema_error() {
        // Found by the `query` fuzz target: `title:*` failed at search time with
        // tantivy's "Field title is not a fast field".
        assert_eq!(
            bad_query("Donetsk title:*"),
            "`title:*` (any value) cannot be searched — give words, e.g. `title:troops`"
        );
    }

    #[test]
    fn an_unknown_field_is_named_as_written() {
        assert_eq!(
            bad_query("a\\\u{1b}b:word"),
            "unknown field `a\\\u{1b}b:` — queries can name title:, text:, outlet: or entity:; use --since/--until for dates"
        );
    }

    #[test]
    fn any_query_parses_or_is_a_bad_query() {
        let dir = tempfile::tempdir().unwrap();
        let handle = crate::index::open_or_create(dir.path(), false).unwrap();
        let text = prop_oneof![
            any::<String>(),
            "([a-zA-Z0-9 \t\n\"():+\\-~^*{}\\[\\]!\\\\]|AND|OR|NOT|title:|outlet:|entity:|é){0,24}",
        ];
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(300));
        let outcome = runner.run(&(text, any::<bool>()), |(text, plain)| {
            match parse_text(&handle, &text, plain) {
                Ok(parsed) => {
                    let words = &parsed.highlight.of(Language::English).words;
                    prop_assert!(words.iter().all(|w| !w.is_empty()));
                }
                Err(Error::BadQuery(message)) => {
                    prop_assert!(!message.is_empty());
                }
                Err(other) => prop_assert!(false, "not a BadQuery: {:?}", other),
            }
            Ok(())
        });
        if let Err(failure) = outcome {
            panic!("{failure}");
        }
    }

    #[test]
    fn long_queries_share_the_proximity_weight() {
        assert_eq!(proximity_boost(1), PROXIMITY_BOOST);
        assert_eq!(proximity_boost(2), PROXIMITY_BOOST);
        // A pasted sentence's ten pairs weigh together what two pairs do.
        assert!((proximity_boost(10) * 10.0 - PROXIMITY_BOOST * 2.0).abs() < 1e-6);
    }
}
