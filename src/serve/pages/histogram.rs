//! The coverage histogram: matching articles per month (per year when the months are
//! too many to read), drawn as inline SVG (its sizes are attributes, so the strict
//! style policy holds) with every bar a link that narrows the search to its period.
//! The script lets a range of bars be dragged; the links work without it.

use maud::{Markup, html};

use crate::query::search::FacetCount;
use crate::serve::pages::count;
use crate::serve::params::SearchParams;

/// More months than this are drawn by year.
const MAX_BARS: usize = 120;
/// The width the SVG is drawn for, in bars, however few there are.
const MIN_SLOTS: usize = 12;
/// Bar height, in the SVG's units.
const HEIGHT: u64 = 60;
/// One bar's slot, in the SVG's units (bar and gap).
const SLOT: usize = 10;

/// One bar: its period (`1987-03`, or `1987`), and the articles in it.
struct Bar {
    period: String,
    articles: u64,
}

/// `(year, month)` of a `YYYY-MM` facet value.
fn year_month(value: &str) -> Option<(i32, u32)> {
    let (year, month) = value.split_once('-')?;
    let year = year.parse().ok()?;
    let month = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((year, month))
}

/// True when period or date `a` ends before `b` starts: compared on the digits both
/// give (`1987` is neither before nor after `1987-03`).
fn before(a: &str, b: &str) -> bool {
    let common = a.len().min(b.len());
    a.as_bytes()[..common] < b.as_bytes()[..common]
}

/// The bars for `months` (oldest first): every month from the first to the last, with
/// the empty ones, or every year when that is more than [`MAX_BARS`] months.
fn bars(months: &[FacetCount]) -> Vec<Bar> {
    let known: Vec<((i32, u32), u64)> = months
        .iter()
        .filter_map(|count| Some((year_month(&count.value)?, count.articles)))
        .collect();
    let (Some(&((y0, m0), _)), Some(&((y1, m1), _))) = (known.first(), known.last()) else {
        return Vec::new();
    };
    let span = (y1 - y0) as i64 * 12 + i64::from(m1) - i64::from(m0) + 1;
    if span <= 0 {
        return Vec::new();
    }
    if span as usize <= MAX_BARS {
        let mut out: Vec<Bar> = (0..span)
            .map(|i| {
                let at = i64::from(y0) * 12 + i64::from(m0) - 1 + i;
                Bar {
                    period: format!("{:04}-{:02}", at / 12, at % 12 + 1),
                    articles: 0,
                }
            })
            .collect();
        for ((y, m), articles) in known {
            let i = (y - y0) as i64 * 12 + i64::from(m) - i64::from(m0);
            if let Some(bar) = out.get_mut(i as usize) {
                bar.articles += articles;
            }
        }
        out
    } else {
        let mut out: Vec<Bar> = (y0..=y1)
            .map(|y| Bar {
                period: format!("{y:04}"),
                articles: 0,
            })
            .collect();
        for ((y, _), articles) in known {
            if let Some(bar) = out.get_mut((y - y0) as usize) {
                bar.articles += articles;
            }
        }
        out
    }
}

/// The histogram for `months`, its bars linking to `params` narrowed to their period.
pub fn histogram(months: &[FacetCount], params: &SearchParams) -> Markup {
    let bars = bars(months);
    let Some(top) = bars.iter().map(|bar| bar.articles).max().filter(|&n| n > 0) else {
        return html! {};
    };
    // A few bars keep their width, left-aligned, rather than stretching to fill.
    let width = bars.len().max(MIN_SLOTS) * SLOT;
    let by_year = bars.first().is_some_and(|bar| bar.period.len() == 4);
    let unit = if by_year { "year" } else { "month" };
    let (since, until) = (params.filters.since, params.filters.until);
    let selected = |period: &str| {
        (since.is_some() || until.is_some())
            && since.is_none_or(|since| !before(period, &since.to_string()))
            && until.is_none_or(|until| !before(&until.to_string(), period))
    };
    html! {
        figure.histogram {
            figcaption {
                "Coverage by " (unit) " — click a bar to narrow the dates"
                span.drag-hint { ", or drag across bars for a range" }
            }
            svg viewBox=(format!("0 0 {width} {}", HEIGHT + 2)) preserveAspectRatio="none"
                role="group" aria-label=(format!("Matching articles by {unit}")) {
                @for (i, bar) in bars.iter().enumerate() {
                    @let height = if bar.articles == 0 { 0 } else { (bar.articles * HEIGHT).div_ceil(top).max(2) };
                    @let label = format!("{}: {} articles", bar.period, count(bar.articles));
                    @let href = params.with(|p| {
                        p.filters.since = bar.period.parse().ok();
                        p.filters.until = bar.period.parse().ok();
                    }).href();
                    a href=(href) data-period=(bar.period) aria-label=(label) {
                        title { (label) }
                        rect.slot x=((i * SLOT).to_string()) y="0" width=(SLOT.to_string()) height=((HEIGHT + 2).to_string()) {}
                        rect.bar.selected[selected(&bar.period)]
                            x=((i * SLOT + 1).to_string()) y=((HEIGHT + 2 - height).to_string())
                            width=((SLOT - 2).to_string()) height=(height.to_string()) {}
                    }
                }
            }
            div.axis {
                @let first = bars.first().map_or("", |bar| bar.period.as_str());
                @let last = bars.last().map_or("", |bar| bar.period.as_str());
                @if bars.len() >= MIN_SLOTS {
                    span { (first) } span { "most: " (count(top)) " articles" } span { (last) }
                } @else {
                    span { (first) @if bars.len() > 1 { " to " (last) } " · most: " (count(top)) " articles" }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facet(value: &str, articles: u64) -> FacetCount {
        FacetCount {
            value: value.to_owned(),
            articles,
        }
    }

    #[test]
    fn months_between_are_drawn_empty() {
        let drawn = bars(&[facet("1987-11", 3), facet("1988-02", 5)]);
        let periods: Vec<&str> = drawn.iter().map(|b| b.period.as_str()).collect();
        assert_eq!(periods, ["1987-11", "1987-12", "1988-01", "1988-02"]);
        assert_eq!(drawn[1].articles, 0);
        assert_eq!(drawn[3].articles, 5);
    }

    #[test]
    fn decades_are_drawn_by_year() {
        let drawn = bars(&[
            facet("1990-01", 1),
            facet("2004-06", 2),
            facet("2004-07", 4),
        ]);
        assert_eq!(drawn.len(), 15);
        assert_eq!(drawn[0].period, "1990");
        assert_eq!(drawn[14].articles, 6);
    }

    #[test]
    fn a_bar_links_to_its_month() {
        let params = SearchParams {
            q: "oil".to_owned(),
            ..SearchParams::default()
        };
        let html = histogram(&[facet("1987-03", 2)], &params).into_string();
        assert!(
            html.contains("href=\"/?q=oil&amp;since=1987-03&amp;until=1987-03\""),
            "{html}"
        );
    }
}
