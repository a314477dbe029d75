//! Coverage over time for a person: one line per period (day, month or year) of
//! `--facets`' counts, oldest first, a bar scaled to the largest, then the undated
//! articles.

use std::io::{self, Write};

use crate::query::search::Facets;
use crate::render::terminal_safe;

/// The longest bar, in characters.
pub const BAR_WIDTH: u64 = 40;

/// Writes the histogram of `facets` by its period (nothing when no article is counted).
pub fn write(out: &mut impl Write, facets: &Facets) -> io::Result<()> {
    let largest = facets
        .periods
        .iter()
        .map(|count| count.articles)
        .chain([facets.undated])
        .max()
        .unwrap_or(0);
    if largest == 0 {
        return Ok(());
    }
    let rows: Vec<(String, u64)> = facets
        .periods
        .iter()
        .map(|count| (terminal_safe(&count.value), count.articles))
        .chain((facets.undated > 0).then(|| ("(undated)".to_owned(), facets.undated)))
        .collect();
    let label_width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    let count_width = largest.to_string().len();
    writeln!(
        out,
        "coverage (matching articles per {}):",
        facets.period.name()
    )?;
    for (label, articles) in rows {
        // At least one character for any article, so a small month stays visible.
        let bar = (articles * BAR_WIDTH).div_ceil(largest) as usize;
        writeln!(
            out,
            "  {label:<label_width$}  {articles:>count_width$}  {}",
            "█".repeat(bar)
        )?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::facets::Period;
    use crate::query::search::FacetCount;

    fn facets(period: Period, periods: &[(&str, u64)], undated: u64) -> Facets {
        let counts: Vec<FacetCount> = periods
            .iter()
            .map(|&(value, articles)| FacetCount {
                value: value.to_owned(),
                articles,
            })
            .collect();
        Facets {
            articles: periods.iter().map(|p| p.1).sum::<u64>() + undated,
            outlets: Vec::new(),
            no_outlet: 0,
            langs: Vec::new(),
            months: Vec::new(),
            period,
            periods: counts,
            undated,
            entities: Vec::new(),
        }
    }

    fn written(facets: &Facets) -> String {
        let mut out = Vec::new();
        write(&mut out, facets).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn bars_are_scaled_to_the_largest_period() {
        let text = written(&facets(
            Period::Month,
            &[("2004-03", 20), ("2004-05", 10), ("2005-01", 1)],
            5,
        ));
        let bar = |n: usize| "█".repeat(n);
        assert_eq!(
            text,
            format!(
                "coverage (matching articles per month):\n  2004-03    20  {}\n  2004-05    10  {}\n  2005-01     1  {}\n  (undated)   5  {}\n\n",
                bar(40),
                bar(20),
                bar(2),
                bar(10)
            )
        );
    }

    #[test]
    fn nothing_counted_writes_nothing() {
        assert_eq!(written(&facets(Period::Day, &[], 0)), "");
    }

    #[test]
    fn the_heading_names_the_period() {
        let text = written(&facets(Period::Year, &[("1987", 3), ("1988", 1)], 0));
        let bar = |n: usize| "█".repeat(n);
        assert_eq!(
            text,
            format!(
                "coverage (matching articles per year):\n  1987  3  {}\n  1988  1  {}\n\n",
                bar(40),
                bar(14)
            )
        );
    }
}
