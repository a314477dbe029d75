//! The dynamic programme behind [`align`](super::align::align): the best-scoring way
//! to walk a quote and a passage word by word, moving by match, substitution, skipped
//! quote word or added passage word (scores in the `align` module docs).
//!
//! Two implementations of one programme: [`programme`] aligns one passage, computing
//! only the cells that can be non-zero; [`programme_lanes`] aligns passages eight at
//! a time, one per 16-bit lane of a vector register — the passages are
//! independent, so every step is lane-wise and LLVM vectorises the loop (SSE2 on
//! baseline x86-64), about four instructions a cell against twenty-two. Both must give
//! exactly what the plain cell-by-cell `reference` in the tests gives.

use super::align::{CONTENT_WEIGHT, MAX_QUOTE_WORDS, Pair, STOPWORD_WEIGHT};

/// No quote word has this id.
pub(super) const NONE: u32 = u32::MAX;

/// Words as the programme sees them: ids (quote words numbered from 0 in order of
/// first appearance, [`NONE`] for a passage word not in the quote) and weights in
/// tenths.
#[derive(Debug, Clone, Copy)]
pub(super) struct Coded<'a> {
    pub ids: &'a [u32],
    pub weights: &'a [i32],
}

// Traceback moves, one byte per cell. Their order is the preference on equal scores:
// a new start over anything (a local alignment begins on a match), a match, then
// skipping a quote word, then adding a passage word, then a substitution, so two
// swapped words read as one word moved.
const SUBSTITUTE: u8 = 0;
const SKIP_PASSAGE: u8 = 1;
const SKIP_QUOTE: u8 = 2;
const MATCH: u8 = 3;
const START: u8 = 4;
/// Cells hold `score × 8 + move`, so the best move is a plain `max` and ties go to the
/// preferred move: a cell is a handful of branch-free instructions.
const SHIFT: i32 = 8;
/// Below any score (at least −10 × SHIFT per passage word, ≤ 4,096 words).
const NEVER: i32 = -(1 << 28);

/// The dynamic programme over quote words `i` (columns) and passage words `j` (rows):
/// `H[i][j]` is the best score of an alignment ending at quote word `i` and passage
/// word `j`. Local: scores floor at 0 (a new start) and the best cell anywhere wins,
/// the first one in passage order on ties. Global: every word of both is aligned.
/// Returns the score and the pairs, passage indices relative to `passage`.
///
/// Skipping a quote word is free, so each row is non-decreasing from left to right:
/// its best cell is its last, and locally its non-zero cells are a tail. A row is
/// computed only from where that tail starts in the row above, or from the first
/// column its word matches, whichever comes first; the cells before stay 0 (START),
/// and a row with neither is skipped: on the seed corpus, 60% of the cells are computed.
/// (Vectorising the rows was tried: they are short, ~13 live cells, and the fixed
/// cost per row of vector loops ate the gain.)
pub(super) fn programme(quote: Coded, passage: Coded, global: bool) -> (i32, Vec<Pair>) {
    let (quote, quote_weights) = (quote.ids, quote.weights);
    let (passage, passage_weights) = (passage.ids, passage.weights);
    let n = quote.len();
    let m = passage.len();
    let cols = n + 1;
    let mut trace = vec![START; cols * (m + 1)];
    let mut previous = vec![0i32; cols];
    let mut current = vec![0i32; cols];
    let weights: Vec<i32> = quote_weights.iter().map(|&w| w * SHIFT).collect();
    let gains: Vec<i32> = weights.iter().map(|w| w + i32::from(MATCH)).collect();
    // What substituting a stopword or a content word for each quote word costs.
    let substitute = |added: i32| -> Vec<i32> {
        weights
            .iter()
            .map(|w| (added * SHIFT - w).max(0) - i32::from(SUBSTITUTE))
            .collect()
    };
    let costs = [substitute(STOPWORD_WEIGHT), substitute(CONTENT_WEIGHT)];
    let traceback = |trace: &[u8], (i, j)| traceback(trace, cols, 1, 0, i, j);
    // The first column (1-based) where each quote word id stands. (`Coded` numbers
    // ids from 0, so this is at most `n` long.)
    let ids = quote.iter().map(|&id| id as usize + 1).max().unwrap_or(0);
    let mut first_column = vec![cols; ids];
    for (i, &id) in quote.iter().enumerate().rev() {
        if let Some(column) = first_column.get_mut(id as usize) {
            *column = i + 1;
        }
    }
    if global {
        // Row 0: leading quote words skipped, for free.
        trace[1..cols].fill(SKIP_QUOTE);
    }
    let start = if global { NEVER } else { i32::from(START) };
    let mut best = (0, 0, 0);
    // Locally, where the non-zero tail of the row above starts (`cols`: all zero), and
    // of the row `current` still holds from before.
    let mut live = if global { 1 } else { cols };
    let mut stale = cols;
    for (j, (&id, &added)) in passage.iter().zip(passage_weights).enumerate() {
        let j = j + 1;
        let added = added * SHIFT;
        let from = if global {
            1
        } else {
            live.min(first_column.get(id as usize).copied().unwrap_or(cols))
        };
        if !global && from >= cols {
            // The row stays all zero, and so does `previous`.
            continue;
        }
        let row = &mut trace[j * cols..(j + 1) * cols];
        if global {
            current[0] = previous[0] - added;
            row[0] = SKIP_PASSAGE;
        }
        if stale < from {
            current[stale..from].fill(0);
        }
        let costs = if added > STOPWORD_WEIGHT * SHIFT {
            &costs[1]
        } else {
            &costs[0]
        };
        row_cells(
            Row {
                quote: &quote[from - 1..],
                gains: &gains[from - 1..],
                costs: &costs[from - 1..],
                previous: &previous[from - 1..],
                id,
                added,
                start,
            },
            &mut current[from - 1..],
            &mut row[from..],
        );
        if !global {
            let tail = &current[from..];
            stale = live;
            live = from + tail.partition_point(|&score| score == 0);
            let end = current[n];
            if end > best.0 {
                // The first cell of the first row holding the best score.
                best = (end, from + tail.partition_point(|&score| score < end), j);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let (score, i, j) = if global { (previous[n], n, m) } else { best };
    let score = score / SHIFT;
    (score, traceback(&trace, (i, j)))
}

/// What one row of the programme reads, from one column left of its first computed
/// cell: the quote, the row above, this row's passage word, and per column what a
/// match gains and what substituting this word costs (× SHIFT, move bits included).
struct Row<'a> {
    quote: &'a [u32],
    gains: &'a [i32],
    costs: &'a [i32],
    previous: &'a [i32],
    id: u32,
    added: i32,
    start: i32,
}

/// Fills a row's cells (`current` and `traced` start one cell left of its first
/// computed cell, like `row.previous`). Not inlined: in its own frame the loop keeps
/// everything in registers, about 20 instructions a cell.
#[inline(never)]
fn row_cells(row: Row, current: &mut [i32], traced: &mut [u8]) {
    let n = row.quote.len().min(traced.len());
    let (quote, gains, costs) = (&row.quote[..n], &row.gains[..n], &row.costs[..n]);
    let (diagonals, ups) = (&row.previous[..n], &row.previous[1..=n]);
    let (left, current, traced) = (current[0], &mut current[1..=n], &mut traced[..n]);
    let (id, start) = (row.id, row.start);
    let added = row.added - i32::from(SKIP_PASSAGE);
    let mut carry = left + i32::from(SKIP_QUOTE);
    for i in 0..n {
        let diagonal = diagonals[i] + if quote[i] == id { gains[i] } else { -costs[i] };
        let other = diagonal.max(ups[i] - added).max(start);
        // Skipping a quote word carries the best score so far rightwards, for free.
        let cell = other.max(carry);
        let score = cell & !(SHIFT - 1);
        carry = score + i32::from(SKIP_QUOTE);
        current[i] = score;
        traced[i] = (cell & (SHIFT - 1)) as u8;
    }
}

/// The path back from cell (`i`, `j`) to where it started, read off `trace`, which
/// holds `lanes` interleaved programmes (`lane` is ours) of `cols` cells a row.
fn traceback(
    trace: &[u8],
    cols: usize,
    lanes: usize,
    lane: usize,
    i: usize,
    j: usize,
) -> Vec<Pair> {
    let (mut i, mut j) = (i, j);
    let mut reversed = Vec::with_capacity(i + j);
    // Each step moves back at least one cell, and the border cells are START or lead
    // to (0, 0), so this ends.
    loop {
        match trace.get((j * cols + i) * lanes + lane) {
            Some(&MATCH) => {
                reversed.push((Some(i - 1), Some(j - 1)));
                (i, j) = (i - 1, j - 1);
            }
            Some(&SUBSTITUTE) => {
                reversed.push((None, Some(j - 1)));
                reversed.push((Some(i - 1), None));
                (i, j) = (i - 1, j - 1);
            }
            Some(&SKIP_QUOTE) => {
                reversed.push((Some(i - 1), None));
                i -= 1;
            }
            Some(&SKIP_PASSAGE) => {
                reversed.push((None, Some(j - 1)));
                j -= 1;
            }
            _ => break,
        }
    }
    reversed.reverse();
    reversed
}

/// Passages aligned at once.
const LANES: usize = 8;
type Lanes = [i16; LANES];

/// One quote column in every lane, so the inner loop loads vectors.
#[derive(Clone, Copy)]
struct Column {
    id: [u16; LANES],
    /// What a match gains, move bits included.
    gain: Lanes,
    weight: Lanes,
}

/// [`programme`] of `quote` against each passage, eight at a time: the same results,
/// faster. Cells are 16-bit: a local score lies in 0..=MAX_QUOTE_WORDS × 10 × SHIFT
/// (16,000), and a global one, over at most [`MAX_GLOBAL_WORDS`] passage words, above
/// −10 × SHIFT × that − 80 (−24,080); anything else goes through [`programme`].
/// Passages of similar lengths should come together (the caller sorts them), as a
/// batch runs as long as its longest.
pub(super) fn programme_lanes(
    quote: Coded,
    passages: &[Coded],
    global: bool,
) -> Vec<(i32, Vec<Pair>)> {
    let fits = quote.ids.len() <= MAX_QUOTE_WORDS
        && quote.ids.iter().all(|&id| id < u32::from(u16::MAX))
        && quote
            .weights
            .iter()
            .all(|&w| (0..=CONTENT_WEIGHT).contains(&w))
        && passages.iter().all(|p| {
            p.weights.iter().all(|&w| (0..=CONTENT_WEIGHT).contains(&w))
                && (!global || p.ids.len() <= MAX_GLOBAL_WORDS)
        });
    if !fits {
        return passages
            .iter()
            .map(|&p| programme(quote, p, global))
            .collect();
    }
    passages
        .chunks(LANES)
        .flat_map(|batch| batch_programme(quote, batch, global))
        .collect()
}

/// The longest passage a global alignment takes in 16-bit lanes: a paraphrase window
/// is at most 1.5 × [`MAX_QUOTE_WORDS`].
pub(super) const MAX_GLOBAL_WORDS: usize = MAX_QUOTE_WORDS * 3 / 2;

/// Up to [`LANES`] passages.
fn batch_programme(quote: Coded, batch: &[Coded], global: bool) -> Vec<(i32, Vec<Pair>)> {
    let n = quote.ids.len().min(quote.weights.len());
    let cols = n + 1;
    let m = batch.iter().map(|p| p.ids.len()).max().unwrap_or(0);
    let columns: Vec<Column> = quote
        .ids
        .iter()
        .zip(quote.weights)
        .map(|(&id, &weight)| {
            let weight = cell(weight);
            Column {
                id: [id as u16; LANES],
                gain: [weight + i16::from(MATCH); LANES],
                weight: [weight; LANES],
            }
        })
        .collect();
    let mut previous = vec![[0i16; LANES]; cols];
    let mut current = vec![[0i16; LANES]; cols];
    let mut moves = vec![[0i16; LANES]; n];
    let mut trace = vec![START; (m + 1) * cols * LANES];
    if global {
        // Row 0: leading quote words skipped, for free.
        trace[LANES..cols * LANES].fill(SKIP_QUOTE);
    }
    let start = if global { i16::MIN } else { i16::from(START) };
    // Each row's word in every lane. Lanes past their passage's end read a word that
    // is not the quote's and costs nothing: no score grows there (a local best must
    // grow strictly), and no result is taken there.
    let mut words = vec![([u16::MAX; LANES], [0i16; LANES]); m];
    for (lane, passage) in batch.iter().enumerate() {
        for ((id, weight), (ids, added)) in passage.ids.iter().zip(passage.weights).zip(&mut words)
        {
            ids[lane] = u16::try_from(*id).unwrap_or(u16::MAX);
            added[lane] = cell(*weight);
        }
    }
    let lengths: Vec<usize> = batch.iter().map(|p| p.ids.len()).collect();
    // Locally the best cell (score, i, j); globally the last cell (n, length).
    let mut best: Vec<(i16, usize, usize)> = batch.iter().map(|_| (0, n, 0)).collect();
    let mut best_scores = [0i16; LANES];
    for (j, &(ids, added)) in (1..=m).zip(&words) {
        let row = &mut trace[j * cols * LANES..(j + 1) * cols * LANES];
        if global {
            for lane in 0..LANES {
                current[0][lane] = previous[0][lane] - added[lane];
            }
            row[..LANES].fill(SKIP_PASSAGE);
        }
        lane_row(
            &columns,
            ids,
            added,
            start,
            &previous,
            &mut current,
            &mut moves,
        );
        narrow(moves.as_flattened(), &mut row[LANES..]);
        let ends = current[n];
        if global {
            for (lane, &length) in lengths.iter().enumerate() {
                if j == length {
                    best[lane] = (ends[lane], n, j);
                }
            }
        } else if (0..LANES).any(|lane| ends[lane] > best_scores[lane]) {
            for (lane, best) in best.iter_mut().enumerate() {
                let end = ends[lane];
                if end > best_scores[lane] {
                    // The first cell of the first row holding the best score.
                    let i = (1..=n).find(|&i| current[i][lane] >= end).unwrap_or(n);
                    *best = (end, i, j);
                    best_scores[lane] = end;
                }
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best.iter()
        .enumerate()
        .map(|(lane, &(score, i, j))| {
            let score = i32::from(score) / SHIFT;
            (score, traceback(&trace, cols, LANES, lane, i, j))
        })
        .collect()
}

/// A weight in tenths (3 or 10, checked by the caller) as a 16-bit cell score.
fn cell(weight: i32) -> i16 {
    i16::try_from(weight * SHIFT).unwrap_or(i16::MAX)
}

/// One row of eight local programmes. The lanes never mix, so the loop body is a
/// straight run of vector instructions; the selects are written with masks because
/// LLVM vectorises those, not `if`s.
#[inline(never)]
fn lane_row(
    columns: &[Column],
    ids: [u16; LANES],
    added: Lanes,
    start: i16,
    previous: &[Lanes],
    current: &mut [Lanes],
    moves: &mut [Lanes],
) {
    let n = columns.len();
    let (previous, current, moves) = (&previous[..=n], &mut current[..=n], &mut moves[..n]);
    let skipped = added.map(|a| a - i16::from(SKIP_PASSAGE));
    let shift = SHIFT as i16;
    let mut carry = current[0].map(|left| left + i16::from(SKIP_QUOTE));
    for i in 0..n {
        let column = &columns[i];
        let (diagonals, ups) = (previous[i], previous[i + 1]);
        let mut scores = [0i16; LANES];
        let mut steps = [0i16; LANES];
        for lane in 0..LANES {
            let is_match = -i16::from(ids[lane] == column.id[lane]);
            let matched = diagonals[lane] + column.gain[lane];
            let substituted = diagonals[lane] - (added[lane] - column.weight[lane]).max(0)
                + i16::from(SUBSTITUTE);
            let diagonal = (is_match & matched) | (!is_match & substituted);
            let other = diagonal.max(ups[lane] - skipped[lane]).max(start);
            let cell = other.max(carry[lane]);
            let score = cell & !(shift - 1);
            carry[lane] = score + i16::from(SKIP_QUOTE);
            scores[lane] = score;
            steps[lane] = cell & (shift - 1);
        }
        current[i + 1] = scores;
        moves[i] = steps;
    }
}

/// Move bits (0..=4) from 16 to 8 bits, in a loop of its own because it vectorises
/// there and not inside [`lane_row`].
fn narrow(wide: &[i16], narrow: &mut [u8]) {
    let n = wide.len().min(narrow.len());
    let (wide, narrow) = (&wide[..n], &mut narrow[..n]);
    for k in 0..n {
        narrow[k] = wide[k] as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The programme written plainly, cell by cell, with the same preferences: what
    /// the vectorised, tail-only `programme` must reproduce exactly.
    fn reference(
        quote: &[u32],
        quote_weights: &[i32],
        passage: &[u32],
        passage_weights: &[i32],
        global: bool,
    ) -> (i32, Vec<Pair>) {
        let (n, m) = (quote.len(), passage.len());
        let mut h = vec![vec![0i32; n + 1]; m + 1];
        let mut step = vec![vec![START; n + 1]; m + 1];
        if global {
            step[0][1..].fill(SKIP_QUOTE);
            for j in 1..=m {
                h[j][0] = h[j - 1][0] - passage_weights[j - 1];
                step[j][0] = SKIP_PASSAGE;
            }
        }
        let mut best = (0, 0, 0);
        for j in 1..=m {
            for i in 1..=n {
                let (w, a) = (quote_weights[i - 1], passage_weights[j - 1]);
                let mut cell = if global {
                    (i32::MIN / 2, START)
                } else {
                    (0, START)
                };
                let is_match = quote[i - 1] == passage[j - 1];
                if is_match {
                    cell = (h[j - 1][i - 1] + w, MATCH);
                }
                if h[j][i - 1] > cell.0 {
                    cell = (h[j][i - 1], SKIP_QUOTE);
                }
                if h[j - 1][i] - a > cell.0 {
                    cell = (h[j - 1][i] - a, SKIP_PASSAGE);
                }
                let substituted = h[j - 1][i - 1] - (a - w).max(0);
                if !is_match && substituted > cell.0 {
                    cell = (substituted, SUBSTITUTE);
                }
                (h[j][i], step[j][i]) = cell;
                if cell.0 > best.0 {
                    best = (cell.0, i, j);
                }
            }
        }
        let (score, mut i, mut j) = if global { (h[m][n], n, m) } else { best };
        let mut pairs = Vec::new();
        while i > 0 || j > 0 {
            match step[j][i] {
                MATCH => pairs.push((Some(i - 1), Some(j - 1))),
                SUBSTITUTE => {
                    pairs.push((None, Some(j - 1)));
                    pairs.push((Some(i - 1), None));
                }
                SKIP_QUOTE => pairs.push((Some(i - 1), None)),
                SKIP_PASSAGE => pairs.push((None, Some(j - 1))),
                _ => break,
            }
            match step[j][i] {
                MATCH | SUBSTITUTE => (i, j) = (i - 1, j - 1),
                SKIP_QUOTE => i -= 1,
                _ => j -= 1,
            }
        }
        pairs.reverse();
        (score, pairs)
    }

    /// Word ids and weights: a few ids (so words repeat and match), `NONE` for words
    /// not in the quote, weights 3 or 10.
    fn coded_words(max: usize) -> impl Strategy<Value = Vec<(u32, i32)>> {
        let word = (
            prop_oneof![0u32..6, Just(NONE)],
            prop_oneof![Just(3), Just(10)],
        );
        prop::collection::vec(word, 0..max)
    }

    /// The ids and weights as the programme takes them.
    fn coded(words: &[(u32, i32)]) -> (Vec<u32>, Vec<i32>) {
        words.iter().copied().unzip()
    }

    /// Quote words are never `NONE`, and one id has one weight.
    fn as_quote(words: Vec<(u32, i32)>) -> Vec<(u32, i32)> {
        words
            .into_iter()
            .map(|(id, _)| {
                let id = id % 6;
                (id, if id < 2 { 3 } else { 10 })
            })
            .collect()
    }

    fn as_passage(words: Vec<(u32, i32)>) -> Vec<(u32, i32)> {
        words
            .into_iter()
            .map(|(id, w)| {
                if id < 6 {
                    (id, if id < 2 { 3 } else { 10 })
                } else {
                    (id, w)
                }
            })
            .collect()
    }

    /// Cases the equivalence property below once found, kept as examples.
    #[test]
    fn found_by_the_property() {
        // Quote ids need not be dense: `first_column` was once sized by quote length.
        let (ids, weights) = (vec![1], vec![3]);
        let one = Coded {
            ids: &ids,
            weights: &weights,
        };
        assert_eq!(programme(one, one, false), (3, vec![(Some(0), Some(0))]));
        // An empty quote still aligns globally: every passage word is added.
        let (ids, weights) = (vec![0], vec![3]);
        let passage = Coded {
            ids: &ids,
            weights: &weights,
        };
        let empty = Coded {
            ids: &[],
            weights: &[],
        };
        assert_eq!(programme(empty, passage, true), (-3, vec![(None, Some(0))]));
    }

    proptest! {
        #[test]
        fn programme_matches_the_plain_reference(
            quote in coded_words(30),
            passage in coded_words(80),
            global in any::<bool>(),
        ) {
            let (q, qw) = coded(&as_quote(quote));
            let (p, pw) = coded(&as_passage(passage));
            let (quote, passage) = (Coded { ids: &q, weights: &qw }, Coded { ids: &p, weights: &pw });
            prop_assert_eq!(
                programme(quote, passage, global),
                reference(&q, &qw, &p, &pw, global)
            );
        }

        #[test]
        fn lanes_match_the_plain_reference(
            quote in coded_words(30),
            passages in prop::collection::vec(coded_words(60), 0..12),
        ) {
            let (q, qw) = coded(&as_quote(quote));
            let passages: Vec<(Vec<u32>, Vec<i32>)> =
                passages.into_iter().map(|p| coded(&as_passage(p))).collect();
            let coded: Vec<Coded> =
                passages.iter().map(|(ids, weights)| Coded { ids, weights }).collect();
            for global in [false, true] {
                let lanes = programme_lanes(Coded { ids: &q, weights: &qw }, &coded, global);
                prop_assert_eq!(lanes.len(), passages.len());
                for ((p, pw), got) in passages.iter().zip(lanes) {
                    prop_assert_eq!(got, reference(&q, &qw, p, pw, global));
                }
            }
        }
    }
}
