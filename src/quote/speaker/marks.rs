//! Quotation marks: which mark opens or closes a quotation where it stands, and the
//! quotations (outermost first) a paragraph-by-paragraph scan finds, including those
//! running on across paragraphs.

use std::cmp::Reverse;
use std::ops::Range;

/// Double marks (“ ” " „ « ») or single ones (‘ ’ ').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Family {
    Double,
    Single,
}

/// An opening mark still waiting for its closing one.
#[derive(Debug, Clone, Copy)]
pub(super) struct Open {
    family: Family,
    /// Opened by „, so “ closes it.
    low: bool,
    /// Where the quotation began (its first opening mark, in an earlier paragraph when it
    /// runs on).
    unit_open: usize,
    /// Where its words begin.
    inner_start: usize,
    /// It runs on from an earlier paragraph.
    continued: bool,
}

/// One quotation: from its first opening mark to its last closing mark.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// Byte offset of the first opening mark.
    pub(super) open: usize,
    /// The quoted words, marks of the news convention in between included.
    pub(super) inner: Range<usize>,
    /// The closing mark, if the text has one.
    pub(super) close: Option<Range<usize>>,
}

/// What a mark does where it stands.
#[derive(Debug, Clone, Copy)]
enum MarkAction {
    Open(Family, bool),
    Close(Family),
}

/// Finds quotations paragraph by paragraph.
#[derive(Default)]
pub(super) struct Scanner {
    stack: Vec<Open>,
    pub(super) units: Vec<Unit>,
    /// A quotation left open at the end of a paragraph whose next paragraph opens with
    /// the same kind of mark: it runs on.
    pub(super) carried: Option<Open>,
}

fn is_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '„' | '«' | '»' | '‘' | '’' | '\'')
}

/// Does `c`, first in a paragraph, continue a quotation of `family`?
pub(super) fn opens(c: char, family: Family) -> bool {
    match family {
        Family::Double => matches!(c, '“' | '"' | '„' | '«'),
        Family::Single => matches!(c, '‘' | '\''),
    }
}

impl Scanner {
    pub(super) fn paragraph(&mut self, body: &str, para: Range<usize>, next_first: Option<char>) {
        let text = &body[para.clone()];
        let mut chars = text.char_indices().peekable();
        let mut prev: Option<char> = None;
        // The last character before this one that is not a space: a sentence end before
        // an opening mark means the quotation runs on.
        let mut solid: Option<char> = None;
        // Where the latest sentence of the paragraph ended (a terminal, then a space
        // before a capital): a quotation that lost its closing mark ends there at most.
        let mut boundary: Option<usize> = None;
        if let Some(mut open) = self.carried.take() {
            // The paragraph starts with the mark that continues the quotation.
            if let Some((_, c)) = chars.next() {
                prev = Some(c);
                solid = Some(c);
            }
            open.continued = true;
            self.stack.push(open);
        }
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if is_mark(c)
                && let Some(action) = self.action(c, prev, next)
            {
                self.apply(action, para.start + i, c.len_utf8(), solid, boundary);
            }
            if c.is_whitespace()
                && matches!(prev, Some('.' | '!' | '?'))
                && next.is_some_and(char::is_uppercase)
            {
                boundary = Some(para.start + i);
            }
            prev = Some(c);
            if !c.is_whitespace() {
                solid = Some(c);
            }
        }
        self.end_paragraph(para.end, next_first);
    }

    fn action(&self, c: char, prev: Option<char>, next: Option<char>) -> Option<MarkAction> {
        use MarkAction::{Close, Open};
        let double_open = self.stack.iter().any(|o| o.family == Family::Double);
        let single_open = self.stack.iter().any(|o| o.family == Family::Single);
        let low_open = self.stack.iter().any(|o| o.low);
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let open_pos = prev
            .is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p) || is_mark(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let close_pos =
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        let action = match c {
            '“' if low_open || (double_open && close_pos && !open_pos) => Close(Family::Double),
            '“' => Open(Family::Double, false),
            '”' if double_open => Close(Family::Double),
            // A closing mark typed where an opening one belongs (Swedish style, or a slip).
            '”' if open_pos && !close_pos => Open(Family::Double, false),
            '„' => Open(Family::Double, true),
            '«' => Open(Family::Double, false),
            '»' if double_open => Close(Family::Double),
            '"' if double_open && close_pos => Close(Family::Double),
            '"' if open_pos => Open(Family::Double, false),
            '"' if double_open => Close(Family::Double),
            // ‘ and ’ between letters are apostrophes ("Korea’s", "don’t").
            '‘' | '’' | '\'' if alnum(prev) && alnum(next) => return None,
            '‘' if open_pos => Open(Family::Single, false),
            '‘' | '’' | '\'' if single_open && close_pos => Close(Family::Single),
            '\'' if open_pos && alnum(next) => Open(Family::Single, false),
            _ => return None,
        };
        Some(action)
    }

    fn apply(
        &mut self,
        action: MarkAction,
        pos: usize,
        len: usize,
        solid: Option<char>,
        boundary: Option<usize>,
    ) {
        match action {
            MarkAction::Open(family, low) => {
                if let Some(top) = self.stack.last().copied()
                    && top.family == family
                {
                    // `… 26 weeks. "We are going …`: a quotation running on after a
                    // sentence end with no closing mark between (paragraphs flattened).
                    if solid.is_some_and(|s| matches!(s, '.' | '!' | '?' | '…')) {
                        return;
                    }
                    // Otherwise the open quotation lost its closing mark: it ends here, or
                    // at the end of the sentence before this mark's, whose words are more
                    // likely the text's own (`"… two seconds. Freddie is likely to start.
                    // Arsene Wenger said: "Freddie …`).
                    self.stack.pop();
                    if self.stack.is_empty() && (family == Family::Double || top.continued) {
                        let end = boundary.filter(|&b| top.inner_start < b).unwrap_or(pos);
                        self.units.push(Unit {
                            open: top.unit_open,
                            inner: top.inner_start..end,
                            close: None,
                        });
                    }
                }
                self.stack.push(Open {
                    family,
                    low,
                    unit_open: pos,
                    inner_start: pos + len,
                    continued: false,
                });
            }
            MarkAction::Close(family) => {
                if let Some(k) = self.stack.iter().rposition(|o| o.family == family) {
                    self.stack.truncate(k + 1);
                    if let Some(o) = self.stack.pop() {
                        // Nested quotations are kept too, then dropped in `finish` when an
                        // outer one holds them: if the outer "quotation" was a stray
                        // apostrophe that never closes, the inner one still counts.
                        self.units.push(Unit {
                            open: o.unit_open,
                            inner: o.inner_start..pos,
                            close: Some(pos..pos + len),
                        });
                    }
                }
            }
        }
    }

    fn end_paragraph(&mut self, end: usize, next_first: Option<char>) {
        let Some(bottom) = self.stack.first().copied() else {
            return;
        };
        if next_first.is_some_and(|c| opens(c, bottom.family)) {
            self.carried = Some(bottom);
        } else if let Some(open) = self
            .stack
            .iter()
            .find(|o| o.family == Family::Double || o.continued)
        {
            // An unclosed double mark runs to the end of its paragraph; an unclosed single
            // one was most likely an apostrophe ("'80s") and is dropped.
            self.units.push(Unit {
                open: open.unit_open,
                inner: open.inner_start..end.max(open.inner_start),
                close: None,
            });
        }
        self.stack.clear();
    }

    /// The outermost quotations, in order.
    pub(super) fn finish(mut self, end: usize) -> Vec<Unit> {
        if let Some(open) = self.carried.take() {
            self.units.push(Unit {
                open: open.unit_open,
                inner: open.inner_start..end.max(open.inner_start),
                close: None,
            });
        }
        let mut units = self.units;
        let reach = |u: &Unit| u.close.as_ref().map_or(u.inner.end, |c| c.end);
        units.sort_by_key(|u| (u.open, Reverse(reach(u))));
        let mut outer: Vec<Unit> = Vec::with_capacity(units.len());
        for unit in units {
            if outer.last().is_some_and(|o| unit.open < reach(o)) {
                continue;
            }
            outer.push(unit);
        }
        outer
    }
}
