//! The dynamic programme behind [`align`](super::align::align): the best-scoring walk
//! through a quote and a passage word by word, each step a match, a substitution, a
//! skipped quote word or an added passage word (the scores are in the `align` module
//! docs). One passage at a time, and locally only the cells that can score above 0
//! (see [`best_walk`]); the tests check it against the definition written as a
//! recursion.
//!
//! Why no vector version: one that aligned eight passages at once in 16-bit lanes,
//! with a Bloom filter before the word lookup, was measured against this one (issue
//! 13) and saved 0.4% of a `search quote` process's CPU time on the 10× Reuters
//! replica and 4% on BBC: not worth a second implementation.

/// One pair of the alignment: a quote word index and a passage word index, `None` on
/// the side that has no word there.
pub type Pair = (Option<usize>, Option<usize>);

/// No quote word has this id: a passage word the quote lacks.
pub(super) const NONE: u32 = u32::MAX;

/// Words as the programme sees them: ids (quote words numbered from 0, [`NONE`] for a
/// passage word not in the quote) and weights in tenths.
#[derive(Debug, Clone, Copy)]
pub(super) struct Coded<'a> {
    pub ids: &'a [u32],
    pub weights: &'a [i32],
}

/// How the walk reached a cell. Where two steps score the same, the one with the
/// higher rank (its value) wins: a new start (a local alignment begins on a match),
/// a match, skipping a quote word, adding a passage word, then a substitution, so two
/// swapped words read as one word moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Substitute = 0,
    SkipPassage = 1,
    SkipQuote = 2,
    Match = 3,
    Start = 4,
}

impl Step {
    fn from_rank(rank: i32) -> Step {
        match rank {
            0 => Step::Substitute,
            1 => Step::SkipPassage,
            2 => Step::SkipQuote,
            3 => Step::Match,
            _ => Step::Start,
        }
    }
}

/// Cells hold `score × RANKS + rank`, so a cell's best step is the `max` of its
/// candidates, ties going to the higher rank, without a branch.
const RANKS: i32 = 8;

/// The best-scoring walk, cell by cell: `H[j][i]` is the best score of a walk ending
/// at quote word `i` and passage word `j` (1-based; row and column 0 hold no word).
///
/// Local (`global` false): a walk may start anywhere (scores floor at 0) and the best
/// cell wins, the first in passage order on ties. Global: every word of both is
/// walked. Returns the score and the pairs, passage indices relative to `passage`.
pub(super) fn best_walk(quote: Coded, passage: Coded, global: bool) -> (i32, Vec<Pair>) {
    let n = quote.ids.len().min(quote.weights.len());
    let m = passage.ids.len().min(passage.weights.len());
    let cols = n + 1;
    // Two rows of cells (the one above, the one being filled) and every cell's step.
    let mut above = vec![0i32; cols];
    let mut row = vec![0i32; cols];
    let mut steps = vec![Step::Start; cols * (m + 1)];
    if global {
        // Row 0: leading quote words skipped, for free.
        steps[1..cols].fill(Step::SkipQuote);
    }
    // A local walk may start afresh at 0; a global one may not (below any score).
    let start = if global {
        -(1 << 28)
    } else {
        Step::Start as i32
    };
    // The first column (1-based) where each quote word id stands (ids number the
    // quote's words from 0, so this is at most `n` long).
    let ids = quote.ids[..n].iter().map(|&id| id as usize + 1).max();
    let mut first_column = vec![cols; ids.unwrap_or(0)];
    for (i, &id) in quote.ids[..n].iter().enumerate().rev() {
        first_column[id as usize] = i + 1;
    }
    // Locally a row's scores never fall from left to right (skipping a quote word is
    // free), so its non-zero cells are a tail, and its best cell is its last: `live`
    // is where the tail of the row above starts (`cols`: none; row 0 has none). A cell
    // left of both that tail and the row's first match has only zeros to come from: it
    // is a new start at 0.
    let mut live = cols;
    let mut best = (0, 0, 0);
    for (j, (&id, &added)) in passage.ids.iter().zip(passage.weights).enumerate() {
        let j = j + 1;
        let from = if global {
            1
        } else {
            live.min(first_column.get(id as usize).copied().unwrap_or(cols))
        };
        if !global && from == cols {
            // The whole row is 0, as `above` and `steps` already say.
            continue;
        }
        let steps = &mut steps[j * cols..(j + 1) * cols];
        row[..from].fill(0);
        if global {
            // Column 0: leading passage words added.
            row[0] = above[0] - added * RANKS;
            steps[0] = Step::SkipPassage;
        }
        fill_row(quote, (id, added), start, from, &above, &mut row, steps);
        if !global {
            live = (from..cols).find(|&i| row[i] > 0).unwrap_or(cols);
            if row[n] > best.0 {
                // The first cell of the first row holding the best score.
                let i = (from..cols).find(|&i| row[i] == row[n]).unwrap_or(n);
                best = (row[n], i, j);
            }
        }
        std::mem::swap(&mut above, &mut row);
    }
    let (score, i, j) = if global { (above[n], n, m) } else { best };
    (score / RANKS, traceback(&steps, cols, i, j))
}

/// Fills the cells `from..` of a row (`row[from - 1]` given) from the row above, for
/// the passage word `(id, weight)`. Not inlined: in a frame of its own the loop keeps
/// its values in registers.
#[inline(never)]
fn fill_row(
    quote: Coded,
    (id, added): (u32, i32),
    start: i32,
    from: usize,
    above: &[i32],
    row: &mut [i32],
    steps: &mut [Step],
) {
    let n = quote.ids.len().min(quote.weights.len());
    // Slices of one length, so the loop indexes them without bounds checks.
    let (ids, weights) = (&quote.ids[from - 1..n], &quote.weights[from - 1..n]);
    let k = ids.len();
    let (diagonals, ups) = (&above[from - 1..from - 1 + k], &above[from..from + k]);
    let mut left = row[from - 1];
    let (cells, steps) = (&mut row[from..from + k], &mut steps[from..from + k]);
    for c in 0..k {
        // A match gains the quote word's weight; a substitution costs what the
        // passage word weighs beyond the quote word it replaces.
        let diagonal = if ids[c] == id {
            diagonals[c] + weights[c] * RANKS + Step::Match as i32
        } else {
            diagonals[c] - (added - weights[c]).max(0) * RANKS + Step::Substitute as i32
        };
        let skip_passage = ups[c] - added * RANKS + Step::SkipPassage as i32;
        let cell = diagonal
            .max(skip_passage)
            .max(left + Step::SkipQuote as i32)
            .max(start);
        left = cell & !(RANKS - 1);
        cells[c] = left;
        steps[c] = Step::from_rank(cell & (RANKS - 1));
    }
}

/// The walk back from cell (`i`, `j`) to where it started, read off `steps`.
fn traceback(steps: &[Step], cols: usize, mut i: usize, mut j: usize) -> Vec<Pair> {
    let mut reversed = Vec::with_capacity(i + j);
    // Each step moves back at least one cell, and row 0 and column 0 lead to (0, 0),
    // which is `Start`, so this ends.
    loop {
        match steps.get(j * cols + i) {
            Some(Step::Match) => {
                reversed.push((Some(i - 1), Some(j - 1)));
                (i, j) = (i - 1, j - 1);
            }
            Some(Step::Substitute) => {
                reversed.push((None, Some(j - 1)));
                reversed.push((Some(i - 1), None));
                (i, j) = (i - 1, j - 1);
            }
            Some(Step::SkipQuote) => {
                reversed.push((Some(i - 1), None));
                i -= 1;
            }
            Some(Step::SkipPassage) => {
                reversed.push((None, Some(j - 1)));
                j -= 1;
            }
            Some(Step::Start) | None => break,
        }
    }
    reversed.reverse();
    reversed
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// The programme's definition as a recursion, memoised: the best score of a walk
    /// ending at (`i`, `j`) and its step, the preferred one on equal scores.
    struct Definition<'a> {
        quote: Coded<'a>,
        passage: Coded<'a>,
        global: bool,
        memo: HashMap<(usize, usize), (i32, Step)>,
    }

    impl Definition<'_> {
        fn best(&mut self, i: usize, j: usize) -> (i32, Step) {
            if let Some(&found) = self.memo.get(&(i, j)) {
                return found;
            }
            // In order of preference.
            let mut candidates = Vec::new();
            if !self.global || (i, j) == (0, 0) {
                candidates.push((0, Step::Start));
            }
            let same = i > 0 && j > 0 && self.quote.ids[i - 1] == self.passage.ids[j - 1];
            if same {
                let kept = self.quote.weights[i - 1];
                candidates.push((self.best(i - 1, j - 1).0 + kept, Step::Match));
            }
            if i > 0 {
                candidates.push((self.best(i - 1, j).0, Step::SkipQuote));
            }
            if j > 0 {
                let added = self.passage.weights[j - 1];
                candidates.push((self.best(i, j - 1).0 - added, Step::SkipPassage));
            }
            if i > 0 && j > 0 && !same {
                let (kept, added) = (self.quote.weights[i - 1], self.passage.weights[j - 1]);
                let cost = (added - kept).max(0);
                candidates.push((self.best(i - 1, j - 1).0 - cost, Step::Substitute));
            }
            let top = candidates.iter().map(|c| c.0).max().unwrap_or(0);
            let found = candidates
                .into_iter()
                .find(|c| c.0 == top)
                .unwrap_or((0, Step::Start));
            self.memo.insert((i, j), found);
            found
        }
    }

    /// What [`best_walk`] must return, from the definition: locally the first cell in
    /// passage order with the best score (none above 0: no walk), globally the last.
    fn reference(quote: Coded, passage: Coded, global: bool) -> (i32, Vec<Pair>) {
        let (n, m) = (quote.ids.len(), passage.ids.len());
        let mut definition = Definition {
            quote,
            passage,
            global,
            memo: HashMap::new(),
        };
        let mut steps = vec![Step::Start; (n + 1) * (m + 1)];
        let mut best = (0, 0, 0);
        for j in 0..=m {
            for i in 0..=n {
                let (score, step) = definition.best(i, j);
                steps[j * (n + 1) + i] = step;
                if score > best.0 {
                    best = (score, i, j);
                }
            }
        }
        let (score, i, j) = if global {
            (definition.best(n, m).0, n, m)
        } else {
            best
        };
        (score, traceback(&steps, n + 1, i, j))
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

    /// Quote words are never `NONE`, and one id has one weight.
    fn as_quote(words: Vec<(u32, i32)>) -> (Vec<u32>, Vec<i32>) {
        words
            .into_iter()
            .map(|(id, _)| {
                let id = id % 6;
                (id, if id < 2 { 3 } else { 10 })
            })
            .unzip()
    }

    /// Passage words with a quote word's id weigh what it weighs.
    fn as_passage(words: Vec<(u32, i32)>) -> (Vec<u32>, Vec<i32>) {
        words
            .into_iter()
            .map(|(id, w)| match id {
                0 | 1 => (id, 3),
                2..6 => (id, 10),
                _ => (id, w),
            })
            .unzip()
    }

    fn coded<'a>((ids, weights): &'a (Vec<u32>, Vec<i32>)) -> Coded<'a> {
        Coded { ids, weights }
    }

    #[test]
    fn examples() {
        let one = (vec![1], vec![3]);
        assert_eq!(
            best_walk(coded(&one), coded(&one), false),
            (3, vec![(Some(0), Some(0))])
        );
        // An empty quote still aligns globally: every passage word is added.
        let empty = (vec![], vec![]);
        let passage = (vec![0], vec![3]);
        assert_eq!(
            best_walk(coded(&empty), coded(&passage), true),
            (-3, vec![(None, Some(0))])
        );
        // Nothing shared: no local walk.
        let other = (vec![NONE, NONE], vec![10, 3]);
        assert_eq!(best_walk(coded(&one), coded(&other), false), (0, vec![]));
    }

    proptest! {
        #[test]
        fn best_walk_is_the_definition(
            quote in coded_words(30),
            passage in coded_words(80),
            global in any::<bool>(),
        ) {
            let (quote, passage) = (as_quote(quote), as_passage(passage));
            let (quote, passage) = (coded(&quote), coded(&passage));
            prop_assert_eq!(
                best_walk(quote, passage, global),
                reference(quote, passage, global)
            );
        }
    }
}
