//! The window around a span, read once: its paragraphs, quotations, tokens (words and
//! punctuation) and sentences.

use std::collections::HashMap;
use std::ops::Range;

use crate::entities::key_of;
use crate::text::chars::floor_boundary;
use crate::text::sentence::{is_abbreviation, terminal_run};
use crate::text::words::strip_possessive;
use crate::text::{Gap, Language, segment, sentences};

use super::lexicon::is_speech_verb;
use super::marks::{Scanner, Unit};

/// How far before the span the window may reach, in bytes.
pub const MAX_BACK: usize = 4000;
/// How far after the span's paragraph a quotation may run on, in bytes.
const MAX_FORWARD: usize = 4000;
/// Paragraphs read before the span's: enough for "Kim said: “…” / “…” / the minister
/// warned: “…” / “…,” the official added" chains, short enough that a pronoun does not
/// reach a person from another part of the story.
const PARAGRAPHS_BEFORE: usize = 3;
/// Paragraphs read beyond that while the window opens inside a running quotation.
const PARAGRAPHS_CONTINUED: usize = 4;

/// A word or a punctuation character of the window.
#[derive(Debug)]
pub(super) struct Tok<'b> {
    pub(super) start: usize,
    pub(super) end: usize,
    /// As written: a word with its inner hyphens and apostrophes and an abbreviation's
    /// full stop; or one punctuation character.
    pub(super) text: &'b str,
    /// Lower case, without possessive ending or abbreviation dot.
    pub(super) lower: String,
    /// Folded for name matching ("yong hyun" for "Yong-hyun").
    pub(super) key: String,
    pub(super) word: bool,
    pub(super) cap: bool,
    pub(super) possessive: bool,
    pub(super) para: u32,
    /// Inside the words of this quotation.
    pub(super) unit: Option<u32>,
    /// The opening mark of a quotation.
    opens: bool,
    /// A terminal (`.` `!` `?` `…`) after which the text layer ends a sentence.
    ends_sentence: bool,
    pub(super) sent: u32,
}

impl Tok<'_> {
    pub(super) fn is(&self, chars: &str) -> bool {
        !self.word && self.text.chars().next().is_some_and(|c| chars.contains(c))
    }
    /// A word outside every quotation.
    pub(super) fn free_word(&self) -> bool {
        self.word && self.unit.is_none()
    }
}

/// The window around a span, read once.
pub(super) struct Doc<'b> {
    pub(super) body: &'b str,
    /// The article's opening when `body` does not hold it (else empty), read only for
    /// acronyms spelt out.
    pub(super) lead: &'b str,
    pub(super) units: Vec<Unit>,
    /// Each unit's opening and closing mark tokens.
    pub(super) marks: Vec<(Option<usize>, Option<usize>)>,
    pub(super) toks: Vec<Tok<'b>>,
    /// Token ranges of the sentences, in order.
    pub(super) sentences: Vec<Range<usize>>,
}

/// The start of the line holding `pos`, no earlier than `floor`.
fn line_start(body: &str, floor: usize, pos: usize) -> usize {
    body[floor..pos]
        .rfind('\n')
        .map_or(floor, |i| floor + i + 1)
}

/// `range` without leading and trailing whitespace.
pub(super) fn trim(body: &str, range: Range<usize>) -> Range<usize> {
    let text = &body[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.start + text.trim_end().len();
    start..end.max(start)
}

/// Where a sentence starts after `from` (before `to`), to begin a window that the byte
/// limit cut inside a paragraph (the text layer's sentences); `from` when none does.
fn sentence_after(body: &str, from: usize, to: usize) -> usize {
    sentences(&body[from..to], Language::default())
        .get(1)
        .map_or(from, |second| from + second.start)
}

/// The paragraph (a non-blank line) after the one ending at `end`.
fn next_paragraph(body: &str, end: usize, limit: usize) -> Option<Range<usize>> {
    let limit = floor_boundary(body, limit);
    if end >= limit {
        return None;
    }
    let rest = &body[end..limit];
    let skip = rest.len() - rest.trim_start().len();
    let start = end + skip;
    if start >= limit {
        return None;
    }
    let stop = body[start..limit].find('\n').map_or(limit, |i| start + i);
    let para = trim(body, start..stop);
    (!para.is_empty()).then_some(para)
}

/// The paragraph before the one starting at `start`, no earlier than `floor`.
fn prev_paragraph(body: &str, start: usize, floor: usize) -> Option<Range<usize>> {
    let before = &body[floor..start];
    let end = floor + before.trim_end().len();
    if end <= floor {
        return None;
    }
    let mut begin = line_start(body, floor, end);
    if begin == floor && floor > 0 && !body[..floor].ends_with('\n') {
        // The byte limit cut this paragraph: keep its whole sentences only.
        begin = sentence_after(body, floor, end);
        if begin == floor {
            return None;
        }
    }
    let para = trim(body, begin..end);
    (!para.is_empty()).then_some(para)
}

impl<'b> Doc<'b> {
    /// Reads the window around the words `body[a..b]`.
    pub(super) fn read(body: &'b str, a: usize, b: usize) -> Doc<'b> {
        let floor = floor_boundary(body, a.saturating_sub(MAX_BACK));
        let mut first_start = line_start(body, floor, a);
        if first_start == floor && floor > 0 && !body[..floor].ends_with('\n') {
            first_start = sentence_after(body, floor, a);
        }
        let cap = floor_boundary(body, b.saturating_add(MAX_FORWARD));
        let first_end = body[a..cap].find('\n').map_or(cap, |i| a + i);
        let mut paras = vec![trim(body, first_start..first_end)];
        // Back through the paragraphs before, further while the earliest one continues a
        // quotation from the one before it.
        let mut back = Vec::new();
        let mut start = paras[0].start;
        while back.len() < PARAGRAPHS_BEFORE + PARAGRAPHS_CONTINUED {
            let continues = body[start..].starts_with(['“', '"', '„', '«', '‘']);
            if back.len() >= PARAGRAPHS_BEFORE && !continues {
                break;
            }
            let Some(prev) = prev_paragraph(body, start, floor) else {
                break;
            };
            start = prev.start;
            back.push(prev);
        }
        back.reverse();
        back.append(&mut paras);
        let mut paras = back;
        // A span over several paragraphs takes them all.
        while let Some(last) = paras.last()
            && last.end < b
        {
            match next_paragraph(body, last.end, cap) {
                Some(next) => paras.push(next),
                None => break,
            }
        }
        // Quotations; the window grows past the span's paragraph only while one runs on.
        let mut scanner = Scanner::default();
        let mut i = 0;
        let mut forward = 0;
        while i < paras.len() {
            let next = paras
                .get(i + 1)
                .cloned()
                .or_else(|| next_paragraph(body, paras[i].end, cap));
            let next_first = next.as_ref().and_then(|r| body[r.start..].chars().next());
            scanner.paragraph(body, paras[i].clone(), next_first);
            if i + 1 == paras.len()
                && scanner.carried.is_some()
                && forward < PARAGRAPHS_CONTINUED
                && let Some(next) = next
            {
                paras.push(next);
                forward += 1;
            }
            i += 1;
        }
        let end = paras.last().map_or(a, |p| p.end);
        let units = scanner.finish(end);
        let mut toks = tokenize(body, &paras, &units);
        let marks = mark_units(&mut toks, &units);
        let sentences = split_sentences(body, &mut toks, &units, &marks);
        Doc {
            body,
            lead: "",
            units,
            marks,
            toks,
            sentences,
        }
    }
}

/// Splits the paragraphs into words and punctuation: the text layer's tokens, those
/// joined by a hyphen, an apostrophe or a dot taken as one word (`Yong-hyun`,
/// `Korea’s`, `U.S`), an abbreviation with its full stop (`Mr.`, which then ends no
/// sentence), and every other character that is not a space or a wire copy's angle
/// bracket as a token of its own.
fn tokenize<'b>(body: &'b str, paras: &[Range<usize>], units: &[Unit]) -> Vec<Tok<'b>> {
    // Marks that close a quotation are never part of a word.
    let closing = |at: usize| {
        units
            .iter()
            .any(|u| u.close.as_ref().is_some_and(|c| c.start == at))
    };
    let lang = Language::default();
    let mut toks = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        let text = &body[para.clone()];
        let tickers = tickers(text);
        let ticker = |at: usize| tickers.iter().any(|r| r.contains(&at));
        let marks = |from: usize, to: usize, toks: &mut Vec<Tok<'b>>| {
            for (i, c) in text[from..to].char_indices() {
                if ticker(from + i) {
                    continue;
                }
                // Wire copy marks a company's name with angle brackets ("The <New York
                // Stock Exchange> said"): they are not punctuation that splits a phrase.
                if !c.is_whitespace() && !matches!(c, '<' | '>') {
                    let at = from + i;
                    let mut tok = Tok::new(
                        body,
                        para.start + at,
                        para.start + at + c.len_utf8(),
                        pi,
                        false,
                    );
                    tok.ends_sentence = terminal_run(text, at, lang).1 && is_terminal_mark(c);
                    toks.push(tok);
                }
            }
        };
        let mut tokens = segment(text, lang).peekable();
        let mut at = 0;
        while let Some(first) = tokens.next() {
            marks(at, first.start, &mut toks);
            if ticker(first.start) {
                at = first.end;
                continue;
            }
            if !first.is_piece() {
                toks.push(Tok::new(
                    body,
                    para.start + first.start,
                    para.start + first.end,
                    pi,
                    false,
                ));
                at = first.end;
                continue;
            }
            let mut end = first.end;
            while let Some(next) = tokens.peek() {
                let joined = next.is_piece()
                    && next.gap_start == end
                    && match next.gap {
                        Gap::None => true,
                        Gap::Joiner(c) => matches!(c, '-' | '‐' | '\'' | '’' | 'ʼ' | '.'),
                        _ => false,
                    };
                if !joined {
                    break;
                }
                end = next.end;
                tokens.next();
            }
            // An abbreviation keeps its full stop, which then ends no sentence.
            if text[end..].starts_with('.') && is_abbreviation(text, end, lang) {
                end += 1;
            }
            // A possessive written with the apostrophe alone before a name ("Atticus'
            // David Slager") keeps its apostrophe.
            if text[..end].ends_with(['s', 'S'])
                && let Some(rest) = text[end..].strip_prefix(['\'', '’'])
                && rest.starts_with(' ')
                && rest[1..].starts_with(char::is_uppercase)
                && !closing(para.start + end)
            {
                end = text.len() - rest.len();
            }
            toks.push(Tok::new(
                body,
                para.start + first.start,
                para.start + end,
                pi,
                true,
            ));
            at = end;
        }
        marks(at, text.len(), &mut toks);
    }
    toks
}

/// The byte ranges of wire copy's stock tickers in `text` ("Tricentrol Plc <TCT.L>"):
/// angle brackets around one word of capitals, digits and dots. They are no words of
/// the name before them. (A name in brackets, "<New York Stock Exchange>", is kept.)
fn tickers(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('<').map(|i| from + i) {
        let inner_end = text[open + 1..]
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.'))
            .map_or(text.len(), |i| open + 1 + i);
        if inner_end > open + 1 && text[inner_end..].starts_with('>') {
            found.push(open..inner_end + 1);
        }
        from = open + 1;
    }
    found
}

/// The terminals whose sentence end the window takes from the text layer.
fn is_terminal_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

impl<'b> Tok<'b> {
    pub(super) fn new(body: &'b str, start: usize, end: usize, para: usize, word: bool) -> Tok<'b> {
        let text = &body[start..end];
        let lowered = text.to_lowercase();
        let lowered = lowered.strip_suffix('.').unwrap_or(&lowered);
        let stem = if word {
            strip_possessive(lowered)
        } else {
            lowered
        };
        let possessive = stem.len() < lowered.len();
        let key = if word { key_of(stem) } else { String::new() };
        Tok {
            start,
            end,
            text,
            lower: stem.to_owned(),
            key,
            word,
            cap: word && text.chars().next().is_some_and(char::is_uppercase),
            possessive,
            para: u32::try_from(para).unwrap_or(u32::MAX),
            unit: None,
            opens: false,
            ends_sentence: false,
            sent: 0,
        }
    }
}

/// Marks the tokens inside each quotation and finds each one's mark tokens.
fn mark_units(toks: &mut [Tok<'_>], units: &[Unit]) -> Vec<(Option<usize>, Option<usize>)> {
    let find = |toks: &[Tok<'_>], pos: usize| toks.binary_search_by_key(&pos, |t| t.start).ok();
    let marks: Vec<(Option<usize>, Option<usize>)> = units
        .iter()
        .map(|u| {
            (
                find(toks, u.open),
                u.close.as_ref().and_then(|c| find(toks, c.start)),
            )
        })
        .collect();
    for &(open, _) in &marks {
        if let Some(o) = open {
            toks[o].opens = true;
        }
    }
    let mut u = 0;
    for t in toks.iter_mut() {
        while u < units.len() && units[u].inner.end <= t.start {
            u += 1;
        }
        if let Some(unit) = units.get(u)
            && unit.inner.start <= t.start
            && t.end <= unit.inner.end
        {
            t.unit = u32::try_from(u).ok();
        }
    }
    marks
}

/// Whether a speech verb comes within the first words from `from`, in the same paragraph
/// and before a terminal (`Smith asked`, `Mr Kim, the minister, said`).
fn attribution_follows(toks: &[Tok<'_>], from: usize) -> bool {
    let para = toks.get(from).map(|t| t.para);
    toks[from..]
        .iter()
        .take_while(|t| Some(t.para) == para && !t.ends_sentence)
        .filter(|t| t.word)
        .take(6)
        .any(|t| !t.cap && is_speech_verb(&t.lower))
}

/// Numbers the sentences. Outside quotations a sentence ends where the text layer's
/// splitter ends one; punctuation inside a quotation ends none (the quotation and its
/// attribution are one); a quotation ending in a full stop does, when a capital or a new
/// quotation follows its closing mark, and one ending in `?` or `!` does too when no
/// speech verb follows. Paragraphs end sentences, except inside a quotation that runs on.
fn split_sentences(
    body: &str,
    toks: &mut [Tok<'_>],
    units: &[Unit],
    marks: &[(Option<usize>, Option<usize>)],
) -> Vec<Range<usize>> {
    let mut closes: HashMap<usize, usize> = HashMap::new();
    for (u, &(_, close)) in marks.iter().enumerate() {
        if let Some(c) = close {
            closes.insert(c, u);
        }
    }
    let mut sentences = Vec::new();
    let mut from = 0;
    let mut sent = 0u32;
    for i in 0..toks.len() {
        toks[i].sent = sent;
        let Some(next) = toks.get(i + 1) else {
            break;
        };
        let t = &toks[i];
        let begins = (next.word && (next.cap || next.text.starts_with(|c: char| c.is_numeric())))
            || next.opens
            || next.is("\"“‘«„(");
        let bump = if next.para != t.para {
            !(t.unit.is_some() && t.unit == next.unit)
        } else if t.unit.is_some() {
            false
        } else if let Some(&u) = closes.get(&i) {
            let inner = body[units[u].inner.clone()].trim_end();
            // A question or an exclamation ends its sentence when what follows is no
            // attribution (`"Who wants that?" Wippit offers …`, but `"Why?" Smith asked`).
            begins
                && (inner.ends_with(['.', '…'])
                    || (inner.ends_with(['?', '!']) && !attribution_follows(toks, i + 1)))
        } else {
            t.ends_sentence
        };
        if bump {
            sentences.push(from..i + 1);
            from = i + 1;
            sent += 1;
        }
    }
    if from < toks.len() {
        sentences.push(from..toks.len());
    }
    sentences
}
