//! The JSON that `--json` prints: wire types of their own, built from the library's
//! results, so the core's types can change without changing what users' scripts read.
//! Field names are a promise: add fields, never rename or remove them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::entities::{Entity, EntityKind};
use crate::eval::Figures;
use crate::index::report::{RunReport, SkippedItem};
use crate::index::stats::{OutletCount, Stats};
use crate::ingest::{Metadata, Origin, Sourced};
use crate::query::entities::EntityCount;
use crate::query::search::{FacetCount, Facets, Hit, Results};
use crate::query::show::Shown;
use crate::quote::{Change, DiffOp, MatchClass, QuoteMatch, QuoteResults, Source};

/// An entity an article mentions.
#[derive(Serialize)]
pub struct EntityJson<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

impl<'a> From<&'a Entity> for EntityJson<'a> {
    fn from(entity: &'a Entity) -> Self {
        EntityJson {
            kind: kind_name(entity.kind),
            name: &entity.name,
        }
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    kind.as_str()
}

fn entities(list: &[Entity]) -> Vec<EntityJson<'_>> {
    list.iter().map(EntityJson::from).collect()
}

/// One `search query` result.
#[derive(Serialize)]
pub struct HitJson<'a> {
    rank: usize,
    score: f32,
    article_id: &'a str,
    source_id: Option<&'a str>,
    path: &'a str,
    line: u64,
    passage_index: u64,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    lang: Option<&'a str>,
    date: Option<&'a str>,
    passage: &'a str,
    snippet: &'a str,
    highlights: &'a [[usize; 2]],
    entities: Vec<EntityJson<'a>>,
    copies: Vec<SourceJson<'a>>,
}

impl<'a> From<&'a Hit> for HitJson<'a> {
    fn from(hit: &'a Hit) -> Self {
        HitJson {
            rank: hit.rank,
            score: hit.score,
            article_id: &hit.article_id,
            source_id: hit.source_id.as_deref(),
            path: &hit.path,
            line: hit.line,
            passage_index: hit.passage_index,
            title: hit.title.as_deref(),
            outlet: hit.outlet.as_deref(),
            lang: hit.lang.as_deref(),
            date: hit.date.as_deref(),
            passage: &hit.passage,
            snippet: &hit.snippet,
            highlights: &hit.highlights,
            entities: entities(&hit.entities),
            copies: hit.copies.iter().map(SourceJson::from).collect(),
        }
    }
}

#[derive(Serialize)]
struct FacetCountJson<'a> {
    value: &'a str,
    articles: u64,
}

fn facet_counts(counts: &[FacetCount]) -> Vec<FacetCountJson<'_>> {
    counts
        .iter()
        .map(|count| FacetCountJson {
            value: &count.value,
            articles: count.articles,
        })
        .collect()
}

/// An entity with the articles that mention it (`search entities`, `--facets`).
#[derive(Serialize)]
pub struct EntityCountJson<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    articles: u64,
    aliases: &'a [String],
}

impl<'a> From<&'a EntityCount> for EntityCountJson<'a> {
    fn from(count: &'a EntityCount) -> Self {
        EntityCountJson {
            name: &count.name,
            kind: kind_name(count.kind),
            articles: count.articles,
            aliases: &count.aliases,
        }
    }
}

#[derive(Serialize)]
struct FacetsJson<'a> {
    articles: u64,
    outlets: Vec<FacetCountJson<'a>>,
    no_outlet: u64,
    langs: Vec<FacetCountJson<'a>>,
    months: Vec<FacetCountJson<'a>>,
    undated: u64,
    entities: Vec<EntityCountJson<'a>>,
    /// `day`, `month` or `year`: what `periods` counts by.
    period: &'static str,
    periods: Vec<FacetCountJson<'a>>,
}

/// The line after a query's results that carries its facets.
#[derive(Serialize)]
pub struct FacetsLineJson<'a> {
    facets: FacetsJson<'a>,
    total_passages: usize,
}

impl<'a> FacetsLineJson<'a> {
    /// The facets of a match set of `total_passages` passages.
    pub fn new(facets: &'a Facets, total_passages: usize) -> Self {
        FacetsLineJson {
            facets: FacetsJson::from(facets),
            total_passages,
        }
    }
}

/// A query's results as one object, for the web API: `total` matching passages (with
/// `total_is_lower_bound` true when the count stopped at 10,000 and more match), the
/// `hits` shown (each as `--json` prints it) and the `facets` object of `--facets`'s
/// last line (`null` when not asked for).
#[derive(Serialize)]
pub struct QueryJson<'a> {
    total: usize,
    total_is_lower_bound: bool,
    hits: Vec<HitJson<'a>>,
    facets: Option<FacetsJson<'a>>,
}

impl<'a> QueryJson<'a> {
    /// `hits` are the results to send (a page of `results.hits`).
    pub fn new(results: &'a Results, hits: &'a [Hit]) -> Self {
        QueryJson {
            total: results.total_passages,
            total_is_lower_bound: results.total_is_lower_bound,
            hits: hits.iter().map(HitJson::from).collect(),
            facets: results.facets.as_ref().map(FacetsJson::from),
        }
    }
}

impl<'a> From<&'a Facets> for FacetsJson<'a> {
    fn from(facets: &'a Facets) -> Self {
        FacetsJson {
            articles: facets.articles,
            outlets: facet_counts(&facets.outlets),
            no_outlet: facets.no_outlet,
            langs: facet_counts(&facets.langs),
            months: facet_counts(&facets.months),
            undated: facets.undated,
            entities: facets.entities.iter().map(EntityCountJson::from).collect(),
            period: facets.period.name(),
            periods: facet_counts(&facets.periods),
        }
    }
}

/// Where a quoted text appeared.
#[derive(Serialize)]
pub(crate) struct SourceJson<'a> {
    article_id: &'a str,
    path: &'a str,
    line: u64,
    outlet: Option<&'a str>,
    lang: Option<&'a str>,
    date: Option<&'a str>,
    title: Option<&'a str>,
}

impl<'a> From<&'a Source> for SourceJson<'a> {
    fn from(source: &'a Source) -> Self {
        SourceJson {
            article_id: &source.article_id,
            path: &source.path,
            line: source.line,
            outlet: source.outlet.as_deref(),
            lang: source.lang.as_deref(),
            date: source.date.as_deref(),
            title: source.title.as_deref(),
        }
    }
}

/// One run of a quote's word diff.
#[derive(Serialize)]
struct DiffOpJson<'a> {
    op: &'static str,
    text: &'a str,
}

impl<'a> From<&'a DiffOp> for DiffOpJson<'a> {
    fn from(op: &'a DiffOp) -> Self {
        let (name, text) = match op {
            DiffOp::Same { text } => ("same", text),
            DiffOp::Added { text } => ("added", text),
            DiffOp::Missing { text } => ("missing", text),
            DiffOp::Context { text } => ("context", text),
        };
        DiffOpJson { op: name, text }
    }
}

/// A change of meaning between a quote and an article: `{"kind", "quote", "article"}`.
#[derive(Serialize)]
pub(crate) struct ChangeJson<'a> {
    kind: &'static str,
    quote: &'a str,
    article: &'a str,
}

impl<'a> From<&'a Change> for ChangeJson<'a> {
    fn from(change: &'a Change) -> Self {
        ChangeJson {
            kind: change.kind.as_str(),
            quote: &change.quote,
            article: &change.article,
        }
    }
}

/// One place a quote appears.
#[derive(Serialize)]
pub struct QuoteMatchJson<'a> {
    similarity: f32,
    #[serde(rename = "match")]
    class: &'static str,
    #[serde(flatten)]
    source: SourceJson<'a>,
    matched_text: &'a str,
    diff: Vec<DiffOpJson<'a>>,
    changes: Vec<ChangeJson<'a>>,
    speaker: Option<&'a str>,
    speaker_resolved: bool,
    quoted: bool,
    copies: Vec<SourceJson<'a>>,
}

impl<'a> From<&'a QuoteMatch> for QuoteMatchJson<'a> {
    fn from(found: &'a QuoteMatch) -> Self {
        QuoteMatchJson {
            similarity: found.similarity,
            class: class_name(found.class),
            source: SourceJson::from(&found.source),
            matched_text: &found.matched_text,
            diff: found.diff.iter().map(DiffOpJson::from).collect(),
            changes: found.changes.iter().map(ChangeJson::from).collect(),
            speaker: found.speaker.as_deref(),
            speaker_resolved: found.speaker_resolved,
            quoted: found.quoted,
            copies: found.copies.iter().map(SourceJson::from).collect(),
        }
    }
}

fn class_name(class: MatchClass) -> &'static str {
    class.as_str()
}

#[derive(Serialize)]
struct SourcedJson {
    value: String,
    origin: &'static str,
}

fn sourced<T: ToString>(value: &Option<Sourced<T>>) -> Option<SourcedJson> {
    value.as_ref().map(|value| SourcedJson {
        value: value.value.to_string(),
        origin: origin_name(value.origin),
    })
}

/// How an origin is written in JSON.
fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::FrontMatter => "front-matter",
        Origin::JsonField => "json-field",
        Origin::MetaTag => "meta-tag",
        Origin::FolderDefaults => "folder-defaults",
        Origin::Text => "text",
        Origin::Detected => "detected",
    }
}

#[derive(Serialize)]
struct MetaJson {
    title: Option<SourcedJson>,
    outlet: Option<SourcedJson>,
    date: Option<SourcedJson>,
    author: Option<SourcedJson>,
    url: Option<SourcedJson>,
    lang: Option<SourcedJson>,
}

impl From<&Metadata> for MetaJson {
    fn from(meta: &Metadata) -> Self {
        MetaJson {
            title: sourced(&meta.title),
            outlet: sourced(&meta.outlet),
            date: sourced(&meta.date),
            author: sourced(&meta.author),
            url: sourced(&meta.url),
            lang: sourced(&meta.lang),
        }
    }
}

#[derive(Serialize)]
struct PassageJson<'a> {
    index: u64,
    line: u64,
    text: &'a str,
}

/// `search show`: one article.
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    article_id: &'a str,
    source_id: Option<&'a str>,
    path: &'a str,
    meta: MetaJson,
    entities: Vec<EntityJson<'a>>,
    passages: Vec<PassageJson<'a>>,
    marked: Option<u64>,
}

impl<'a> From<&'a Shown> for ArticleJson<'a> {
    fn from(shown: &'a Shown) -> Self {
        let article = &shown.article;
        ArticleJson {
            article_id: &article.article_id,
            source_id: article.source_id.as_deref(),
            path: &article.path,
            meta: MetaJson::from(&article.meta),
            entities: entities(&article.entities),
            passages: article
                .passages
                .iter()
                .map(|p| PassageJson {
                    index: p.index,
                    line: p.line,
                    text: &p.text,
                })
                .collect(),
            marked: shown.marked,
        }
    }
}

#[derive(Serialize)]
struct OutletCountJson<'a> {
    outlet: &'a str,
    articles: u64,
}

impl<'a> From<&'a OutletCount> for OutletCountJson<'a> {
    fn from(count: &'a OutletCount) -> Self {
        OutletCountJson {
            outlet: &count.outlet,
            articles: count.articles,
        }
    }
}

#[derive(Serialize)]
struct SkippedItemJson<'a> {
    path: &'a str,
    line: Option<u32>,
    kind: &'a str,
    reason: &'a str,
}

impl<'a> From<&'a SkippedItem> for SkippedItemJson<'a> {
    fn from(item: &'a SkippedItem) -> Self {
        SkippedItemJson {
            path: &item.path,
            line: item.line,
            kind: &item.kind,
            reason: &item.reason,
        }
    }
}

/// What one indexing run did.
#[derive(Serialize)]
pub struct RunReportJson<'a> {
    articles: u64,
    passages: u64,
    files_indexed: u64,
    files_unchanged: u64,
    files_removed: u64,
    other_files: u64,
    files_decoded: u64,
    skipped_by_kind: &'a BTreeMap<String, u64>,
    skipped: Vec<SkippedItemJson<'a>>,
    rebuilt: bool,
    committed: bool,
    elapsed_ms: u64,
}

impl<'a> From<&'a RunReport> for RunReportJson<'a> {
    fn from(run: &'a RunReport) -> Self {
        RunReportJson {
            articles: run.articles,
            passages: run.passages,
            files_indexed: run.files_indexed,
            files_unchanged: run.files_unchanged,
            files_removed: run.files_removed,
            other_files: run.other_files,
            files_decoded: run.files_decoded,
            skipped_by_kind: &run.skipped_by_kind,
            skipped: run.skipped.iter().map(SkippedItemJson::from).collect(),
            rebuilt: run.rebuilt,
            committed: run.committed,
            elapsed_ms: run.elapsed_ms,
        }
    }
}

/// `search stats`.
#[derive(Serialize)]
pub struct StatsJson<'a> {
    index: &'a str,
    articles: u64,
    passages: u64,
    files: u64,
    outlets: Vec<OutletCountJson<'a>>,
    articles_without_outlet: u64,
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    articles_without_date: u64,
    last_run: Option<RunReportJson<'a>>,
}

impl<'a> From<&'a Stats> for StatsJson<'a> {
    fn from(stats: &'a Stats) -> Self {
        StatsJson {
            index: &stats.index,
            articles: stats.articles,
            passages: stats.passages,
            files: stats.files,
            outlets: stats.outlets.iter().map(OutletCountJson::from).collect(),
            articles_without_outlet: stats.articles_without_outlet,
            first_date: stats.first_date.as_deref(),
            last_date: stats.last_date.as_deref(),
            articles_without_date: stats.articles_without_date,
            last_run: stats.last_run.as_ref().map(RunReportJson::from),
        }
    }
}

/// A quote check's matches as one object, for the web API (each as `--json` prints it).
#[derive(Serialize)]
pub struct QuoteJson<'a> {
    matches: Vec<QuoteMatchJson<'a>>,
}

impl<'a> From<&'a QuoteResults> for QuoteJson<'a> {
    fn from(results: &'a QuoteResults) -> Self {
        QuoteJson {
            matches: results.matches.iter().map(QuoteMatchJson::from).collect(),
        }
    }
}

/// `search entities`' list as one object, for the web API.
#[derive(Serialize)]
pub struct EntitiesJson<'a> {
    entities: Vec<EntityCountJson<'a>>,
}

impl<'a> From<&'a [EntityCount]> for EntitiesJson<'a> {
    fn from(list: &'a [EntityCount]) -> Self {
        EntitiesJson {
            entities: list.iter().map(EntityCountJson::from).collect(),
        }
    }
}

/// A failed request's answer, for the web API: the message the command line prints.
#[derive(Serialize)]
pub struct ErrorJson<'a> {
    error: &'a str,
}

impl<'a> ErrorJson<'a> {
    /// An error answer saying `message`.
    pub fn new(message: &'a str) -> Self {
        ErrorJson { error: message }
    }
}

/// `search eval`'s figures.
#[derive(Serialize)]
pub struct FiguresJson {
    #[serde(rename = "ndcg@10")]
    ndcg_10: f64,
    #[serde(rename = "recall@100")]
    recall_100: f64,
    #[serde(rename = "mrr@10")]
    mrr_10: f64,
    queries: usize,
}

impl From<&Figures> for FiguresJson {
    fn from(figures: &Figures) -> Self {
        FiguresJson {
            ndcg_10: figures.ndcg_10,
            recall_100: figures.recall_100,
            mrr_10: figures.mrr_10,
            queries: figures.queries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_runs_are_written_with_an_op_tag() {
        let ops = [
            DiffOp::Same {
                text: "that the".into(),
            },
            DiffOp::Added {
                text: "estimate".into(),
            },
            DiffOp::Missing {
                text: "assess".into(),
            },
        ];
        let json: Vec<DiffOpJson<'_>> = ops.iter().map(DiffOpJson::from).collect();
        assert_eq!(
            serde_json::to_string(&json).unwrap(),
            r#"[{"op":"same","text":"that the"},{"op":"added","text":"estimate"},{"op":"missing","text":"assess"}]"#
        );
    }

    #[test]
    fn match_classes_and_origins_are_written_in_lower_case() {
        let classes = [MatchClass::Exact, MatchClass::Near, MatchClass::Paraphrase].map(class_name);
        assert_eq!(classes, ["exact", "near", "paraphrase"]);
        let origins = [
            Origin::FrontMatter,
            Origin::JsonField,
            Origin::MetaTag,
            Origin::FolderDefaults,
            Origin::Text,
            Origin::Detected,
        ]
        .map(origin_name);
        assert_eq!(
            origins,
            [
                "front-matter",
                "json-field",
                "meta-tag",
                "folder-defaults",
                "text",
                "detected"
            ]
        );
    }
}
