//! The user's query → a tantivy query over passages, and the terms and phrases to
//! highlight. tantivy's query language is kept whole (words, `"phrases"`, `~slop`,
//! `AND`/`OR`/`NOT`, `+`/`-`, `title:`/`outlet:`); on top of it go proximity clauses, so
//! passages holding the query words close together rank first, and the filters.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, StopWordFilter, TextAnalyzer, TokenStream,
};

use crate::error::{Error, Result};
use crate::index::IndexHandle;
use crate::ingest::date::NewsDate;
use crate::schema::{Fields, KIND_PASSAGE, date_value, text_analyzer};

/// How much a title match weighs against a passage-text match.
pub const TITLE_BOOST: f32 = 0.5;
/// Weight of each clause rewarding two consecutive query words found close together.
pub const PROXIMITY_BOOST: f32 = 0.3;
/// How far apart (in words) two consecutive query words may be to earn the proximity boost.
pub const PROXIMITY_SLOP: u32 = 3;
/// Fields a user may name in a query.
const USER_FIELDS: &[&str] = &["title", "text", "outlet"];

/// What the user asked, before it becomes a query.
#[derive(Debug, Clone, Default)]
pub struct QueryRequest {
    /// The query text.
    pub text: String,
    /// Read the text as plain words, no syntax.
    pub plain: bool,
    /// Only these outlets (any of them, case-insensitive).
    pub outlets: Vec<String>,
    /// Only articles dated on or after the start of this date.
    pub since: Option<NewsDate>,
    /// Only articles dated on or before the end of this date.
    pub until: Option<NewsDate>,
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

/// A query ready to run.
pub struct ParsedQuery {
    /// The full query: the user's, proximity, filters, and `kind:passage`.
    pub query: Box<dyn Query>,
    /// What a matching passage highlights.
    pub highlight: HighlightTerms,
}

/// Builds the query for `request`.
pub fn parse(handle: &IndexHandle, request: &QueryRequest) -> Result<ParsedQuery> {
    let fields = handle.fields;
    let mut analyzer = text_analyzer();
    let (user_query, highlight) = if request.plain {
        plain_query(&fields, &mut analyzer, &request.text)?
    } else {
        syntax_query(handle, &mut analyzer, &request.text)?
    };

    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, user_query)];
    // Only passages have the fields a query can name, so any query on words selects
    // passages alone, and intersecting with `kind:passage` would only cost time. `*`
    // (everything) is the exception.
    if !request.plain && request.text.contains('*') {
        let passages = term_query(Term::from_field_text(fields.kind, KIND_PASSAGE));
        clauses.push((Occur::Must, passages));
    }
    for proximity in proximity_queries(&fields, &highlight) {
        clauses.push((Occur::Should, proximity));
    }
    if !request.outlets.is_empty() {
        let any: Vec<(Occur, Box<dyn Query>)> = request
            .outlets
            .iter()
            .map(|outlet| {
                (
                    Occur::Should,
                    term_query(Term::from_field_text(fields.outlet, &outlet.to_lowercase())),
                )
            })
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    // An article's date is a period (a day, a month, a year); it passes the filters when
    // that period overlaps the one asked for, so `2024-09` is kept by `--since 2024-09-15`.
    if let Some(since) = request.since {
        let from = Term::from_field_i64(fields.date_end, date_value(since.first_day()));
        let range = RangeQuery::new(Bound::Included(from), Bound::Unbounded);
        clauses.push((Occur::Must, Box::new(range)));
    }
    if let Some(until) = request.until {
        let to = Term::from_field_i64(fields.date, date_value(until.last_day()));
        let range = RangeQuery::new(Bound::Unbounded, Bound::Included(to));
        clauses.push((Occur::Must, Box::new(range)));
    }
    Ok(ParsedQuery {
        query: Box::new(BooleanQuery::new(clauses)),
        highlight,
    })
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

/// Plain words: every word may match title or text, none is syntax.
fn plain_query(
    fields: &Fields,
    analyzer: &mut TextAnalyzer,
    text: &str,
) -> Result<(Box<dyn Query>, HighlightTerms)> {
    let words = analyze(analyzer, text);
    if words.is_empty() {
        return Err(Error::BadQuery(
            "the query has no words to search for".to_owned(),
        ));
    }
    let content = content_words(analyzer, text);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for word in &words {
        clauses.push((
            Occur::Should,
            term_query(Term::from_field_text(fields.text, word)),
        ));
        let title = term_query(Term::from_field_text(fields.title, word));
        clauses.push((Occur::Should, Box::new(BoostQuery::new(title, TITLE_BOOST))));
    }
    Ok((
        Box::new(BooleanQuery::new(clauses)),
        HighlightTerms {
            words,
            phrases: Vec::new(),
            content,
        },
    ))
}

/// tantivy's query language, with errors that point at the problem.
fn syntax_query(
    handle: &IndexHandle,
    analyzer: &mut TextAnalyzer,
    text: &str,
) -> Result<(Box<dyn Query>, HighlightTerms)> {
    if text.trim().is_empty() {
        return Err(Error::BadQuery(
            "the query is empty — give words to search for".to_owned(),
        ));
    }
    let ast = match tantivy::query_grammar::parse_query(text) {
        Ok(ast) => ast,
        Err(_) => return Err(Error::BadQuery(syntax_error(text))),
    };
    let mut highlight = HighlightTerms::default();
    check_and_collect(&ast, analyzer, false, &mut highlight)?;
    let fields = handle.fields;
    let mut parser = QueryParser::for_index(&handle.index, vec![fields.title, fields.text]);
    parser.set_field_boost(fields.title, TITLE_BOOST);
    let query = parser
        .parse_query(text)
        .map_err(|err| Error::BadQuery(format!("{err}")))?;
    Ok((query, highlight))
}

/// Where tantivy's grammar gives up on `text`, as a message with a caret under it.
fn syntax_error(text: &str) -> String {
    let (_, errors) = tantivy::query_grammar::parse_query_lenient(text);
    let (pos, what) = errors
        .first()
        .map_or((text.len(), "cannot read the query".to_owned()), |err| {
            (err.pos, err.message.replace("\\\"", "\""))
        });
    let column = text
        .get(..pos.min(text.len()))
        .map_or(0, |before| before.chars().count());
    let (before, after) = text.split_at(pos.min(text.len()));
    format!(
        "bad query at column {}: {what}, here: {before}⟨here⟩{after} — fix it, or use -F/--plain to search for the words as they are",
        column + 1
    )
}

/// Rejects fields users may not query, and gathers the highlight terms from every
/// clause that is not excluded.
fn check_and_collect(
    ast: &UserInputAst,
    analyzer: &mut TextAnalyzer,
    excluded: bool,
    out: &mut HighlightTerms,
) -> Result<()> {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, clause) in clauses {
                check_and_collect(
                    clause,
                    analyzer,
                    excluded || *occur == Some(Occur::MustNot),
                    out,
                )?;
            }
        }
        UserInputAst::Boost(inner, _) => check_and_collect(inner, analyzer, excluded, out)?,
        UserInputAst::Leaf(leaf) => {
            let field = match leaf.as_ref() {
                UserInputLeaf::Literal(literal) => literal.field_name.as_deref(),
                UserInputLeaf::Range { field, .. } | UserInputLeaf::Set { field, .. } => {
                    field.as_deref()
                }
                UserInputLeaf::Exists { field } => Some(field.as_str()),
                _ => None,
            };
            if let Some(field) = field
                && !USER_FIELDS.contains(&field)
            {
                return Err(Error::BadQuery(format!(
                    "unknown field `{field}:` — queries can name title:, text: or outlet:; use --since/--until for dates"
                )));
            }
            if let UserInputLeaf::Literal(literal) = leaf.as_ref()
                && !excluded
                && field != Some("outlet")
            {
                let words = analyze(analyzer, &literal.phrase);
                out.content.extend(content_words(analyzer, &literal.phrase));
                if literal.delimiter == Delimiter::DoubleQuotes && words.len() > 1 {
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

/// The stems of the words of `text` that are not English stopwords ("the", "in",
/// "have"): closeness of stopwords says nothing about relevance.
fn content_words(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stopwords = match StopWordFilter::new(Language::English) {
        Some(filter) => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(filter)
            .build(),
        None => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build(),
    };
    let kept = analyze(&mut stopwords, text).join(" ");
    analyze(analyzer, &kept)
}

/// One clause per pair of consecutive content words, matching passages where the two
/// stand within [`PROXIMITY_SLOP`] words of each other: the more of the query a passage
/// holds close together, the more it gains over one that repeats a single word.
fn proximity_queries(fields: &Fields, highlight: &HighlightTerms) -> Vec<Box<dyn Query>> {
    highlight
        .content
        .windows(2)
        .filter(|pair| pair[0] != pair[1])
        .map(|pair| {
            let terms = pair
                .iter()
                .map(|word| Term::from_field_text(fields.text, word))
                .collect();
            let mut phrase = PhraseQuery::new(terms);
            phrase.set_slop(PROXIMITY_SLOP);
            Box::new(BoostQuery::new(Box::new(phrase), PROXIMITY_BOOST)) as Box<dyn Query>
        })
        .collect()
}
