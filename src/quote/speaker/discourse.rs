//! The window read in order: who is mentioned and who speaks, sentence by sentence,
//! and how a speaker named by a pronoun, a role or a lone name resolves to one of the
//! article's people.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::entities::{EntityKind, gazetteer_kind, key_of};
use crate::text::distance::edit_distance;

use super::lexicon::{
    Gender, determiner, honorific, is_adverb, is_honorific, is_legal_form, is_modal,
    is_name_particle, is_naming_word, is_not_name, is_opinion_verb, is_org_word, is_passive,
    is_plural_role, is_speech_verb, is_stop, is_title_word, role_class, without_the,
};
use super::phrases::{Np, pronoun};
use super::window::{Doc, Tok};

/// A person the article is known to mention (from entity extraction): canonical name
/// plus the other spellings the article may use.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    /// The canonical name, returned as the speaker when the text names this person.
    pub name: &'a str,
    /// Other spellings and short forms ("Kim Jong-un" for "Kim Jong Un", "Putin").
    pub aliases: &'a [&'a str],
}

/// Who a speaker or mention is.
#[derive(Debug, Clone)]
pub(super) enum Who {
    /// One of the people.
    Person(usize),
    /// Named, but none of the people (or more than one could be meant): as written.
    Named(String),
    /// Nobody the text names.
    Nobody,
}

/// Someone the window mentions, or a speaker it attributes words to.
#[derive(Debug)]
struct Mention {
    pub(super) pos: usize,
    pub(super) sent: u32,
    who: Who,
    /// A speaker (of a quotation or a speech verb), not only a mention.
    pub(super) speaker: bool,
    /// A name written as an owner ("Sylvester Stallone's ex-wife"): not the subject.
    owner: bool,
    /// The first person its sentence mentions, not as an owner: most likely the
    /// sentence's subject ("Tony Blair is urging …", "Meanwhile, Perpignan centre
    /// Jean-Philippe Granclaude is delighted …").
    subject: bool,
    /// The role class the text gave a speaker ("the minister said").
    class: Option<&'static str>,
    gender: Option<Gender>,
    /// Named in a sentence's opening "Asked if Mr Blunkett could return …,": the one
    /// asked about, never who answers ("he replied").
    topic: bool,
}

/// What the window tells about each person.
#[derive(Debug, Default, Clone)]
struct Known {
    roles: Vec<&'static str>,
    /// The other words of the titles written before the name ("french" of "French
    /// President Jacques Chirac"), which tell two people of one rank apart.
    described: Vec<String>,
    gender: Option<Gender>,
}

/// Whom a title ("the French president") picks out among the window's people.
enum Titled {
    One(usize),
    /// Two people given the title in one sentence, and the words do not tell which.
    Rivals,
    NoOne,
}

/// The people's names, folded.
struct PeopleIndex {
    /// Full keys (names and aliases) to people.
    exact: HashMap<String, Vec<usize>>,
    /// First word of a key to the full keys starting with it.
    by_first: HashMap<String, Vec<(String, usize)>>,
    /// First and last words of multi-word keys to people ("kim" → both Kims).
    ends: HashMap<String, Vec<usize>>,
    /// Whether each person's canonical name has more than one word.
    full: Vec<bool>,
}

fn push_once(list: &mut Vec<usize>, p: usize) {
    if !list.contains(&p) {
        list.push(p);
    }
}

impl PeopleIndex {
    pub(super) fn new(people: &[Person<'_>]) -> PeopleIndex {
        let mut index = PeopleIndex {
            exact: HashMap::new(),
            by_first: HashMap::new(),
            ends: HashMap::new(),
            full: people.iter().map(|p| p.name.trim().contains(' ')).collect(),
        };
        for (p, person) in people.iter().enumerate() {
            // A person with no usable canonical name can never be returned.
            if !person.name.chars().any(char::is_alphanumeric) {
                continue;
            }
            for name in std::iter::once(person.name).chain(person.aliases.iter().copied()) {
                let key = key_of(name);
                let Some(first) = key.split(' ').next().filter(|f| !f.is_empty()) else {
                    continue;
                };
                let first = first.to_owned();
                push_once(index.exact.entry(key.clone()).or_default(), p);
                if let Some((_, last)) = key.rsplit_once(' ') {
                    push_once(index.ends.entry(first.clone()).or_default(), p);
                    push_once(index.ends.entry(last.to_owned()).or_default(), p);
                }
                let entries = index.by_first.entry(first).or_default();
                if !entries.iter().any(|(k, q)| *k == key && *q == p) {
                    entries.push((key, p));
                }
            }
        }
        index
    }
}

/// The quotation whose speaker is wanted.
pub(super) enum Target {
    /// A quotation in marks.
    Unit(usize),
    /// A quotation in the dash style, starting at this byte, with its speaker as written.
    Dash(usize, Np),
}

/// The window read in order: who is mentioned, who speaks.
pub(super) struct Discourse<'d, 'b> {
    doc: &'d Doc<'b>,
    index: PeopleIndex,
    known: Vec<Known>,
    mentions: Vec<Mention>,
}

impl<'d, 'b> Discourse<'d, 'b> {
    pub(super) fn new(doc: &'d Doc<'b>, people: &[Person<'_>]) -> Self {
        Discourse {
            doc,
            index: PeopleIndex::new(people),
            known: vec![Known::default(); people.len()],
            mentions: Vec::new(),
        }
    }

    /// Reads the window's sentences up to the target and returns its speaker.
    pub(super) fn run(&mut self, target: Target) -> Who {
        let doc = self.doc;
        for (s, range) in doc.sentences.iter().enumerate() {
            let (lo, hi) = (range.start, range.end);
            let sent = u32::try_from(s).unwrap_or(u32::MAX);
            if let Target::Dash(limit, _) = &target
                && doc.toks[lo].start >= *limit
            {
                break;
            }
            self.add_mentions(lo, hi);
            let mut quoted = false;
            for (u, unit) in doc.units.iter().enumerate() {
                let Some(open) = doc.marks[u].0.filter(|&o| lo <= o && o < hi) else {
                    continue;
                };
                quoted = true;
                let claimed = doc.claimed_by(lo, open);
                let (who, class, gender) = self.speaker_of(u, lo, hi, open, sent, claimed.as_ref());
                if matches!(target, Target::Unit(t) if t == u) {
                    return who;
                }
                // Words quoted from a claim the sentence reports do not make its
                // claimant the one "he" means next: the sentence's subject stays so.
                let speaker = claimed.is_none();
                self.mentions.push(Mention {
                    pos: unit.open,
                    sent,
                    who,
                    speaker,
                    owner: false,
                    subject: false,
                    class,
                    gender,
                    topic: false,
                });
            }
            // "Mr MacKenzie thought the former solicitor deserved a chance. “He could
            // join …”": who holds a view speaks for the quotation after it.
            if !quoted
                && let Some((pos, np)) = doc.speech_in(lo, hi).or_else(|| doc.view_in(lo, hi))
            {
                let (who, class, gender) = self.resolve(&np, pos);
                self.mentions.push(Mention {
                    pos,
                    sent,
                    who,
                    speaker: true,
                    owner: false,
                    subject: false,
                    class,
                    gender,
                    topic: false,
                });
            }
        }
        match target {
            Target::Dash(limit, np) => self.resolve(&np, limit).0,
            // The target's sentence was not reached: the window lost it.
            Target::Unit(_) => Who::Nobody,
        }
    }

    /// The speaker of quotation `u`, opening at token `open` in sentence `lo..hi`;
    /// `claimed`, the one a noun of speech names before it ([`Doc::claimed_by`]).
    fn speaker_of(
        &mut self,
        u: usize,
        lo: usize,
        hi: usize,
        open: usize,
        sent: u32,
        claimed: Option<&Np>,
    ) -> (Who, Option<&'static str>, Option<Gender>) {
        let doc = self.doc;
        let limit = doc.units[u].open;
        // "the so-called “grey market”": a term, not anyone's words.
        let so_called = open > lo && doc.toks[open - 1].lower == "so-called";
        if so_called || self.names_a_thing(u, lo, hi, open) {
            return (Who::Nobody, None, None);
        }
        let before = doc.cue_before(lo, open);
        if let Some(close) = doc.marks[u].1
            && let Some(cue) = doc.cue_after(close + 1, hi)
        {
            // "Sevastis told parliament: “… “…,” he added": the name before the
            // quotation says more than the pronoun after it.
            let np = match (&cue.np, &before) {
                (Np::Pronoun(_), Some((named @ (Np::Name { .. } | Np::Role { .. }), _))) => named,
                _ => &cue.np,
            };
            return self.resolve(np, limit);
        }
        if let Some(close) = doc.marks[u].1
            && let Some(np) = doc.named_by(lo, open, close, hi)
        {
            return self.resolve(&np, limit);
        }
        if let Some(np) = claimed {
            return self.resolve(np, limit);
        }
        if let Some((np, verb)) = before {
            let (who, class, gender) = self.resolve(&np, limit);
            // "Howard has said a claim by Hain that the Tory leader is acting like an
            // “attack mongrel”": words quoted inside reported speech, with someone else
            // named between the verb and the mark, may be that person's. Null rather
            // than a guess; a quotation the verb introduces whole ("Kim told Putin:
            // “…”") keeps its speaker.
            let introduced = open > lo && doc.toks[open - 1].is(":,");
            if let Some(v) = verb
                && !introduced
                && self.someone_else_between(&who, sent, doc.toks[v].start, limit)
            {
                return (Who::Nobody, None, None);
            }
            return (who, class, gender);
        }
        // "Britain was “uniquely placed” to make out the common ground …, he suggested.":
        // a quotation inside reported speech whose speech verb closes the sentence, with
        // no other quotation between. Not a source ("…, according to industry
        // experts").
        if let Some(close) = doc.marks[u].1
            && let Some(comma) = (close + 1..hi).rev().find(|&k| doc.toks[k].is(","))
            && doc.toks[close + 1..comma].iter().all(|t| t.unit.is_none())
            && let Some(cue) = doc.cue_after(comma + 1, hi)
            && cue.verb.is_some()
            && doc.toks[cue.end..hi].iter().all(|t| !t.free_word())
        {
            return self.resolve(&cue.np, limit);
        }
        // "Meg Whitman called 2004 an “outstanding success” that generated “tremendous
        // momentum”": a later quotation of the sentence, with no one named and no
        // speech verb since the one before, is that one's speaker's.
        if open > lo
            && let Some(m) = self.mentions.iter().rev().find(|m| {
                m.speaker && m.sent == sent && m.pos < limit && !matches!(m.who, Who::Nobody)
            })
            && let Some(prev) = doc.units.iter().position(|unit| unit.open == m.pos)
            && let Some(prev_close) = doc.marks[prev].1
            && prev_close < open
            && doc.toks[prev_close + 1..open]
                .iter()
                .all(|t| !t.free_word() || (!t.cap && !is_speech_verb(&t.lower)))
            && !self
                .mentions
                .iter()
                .any(|o| o.sent == sent && m.pos < o.pos && o.pos < limit)
        {
            return (m.who.clone(), m.class, m.gender);
        }
        // A quotation that is a sentence of its own continues the speaker before it
        // (not one followed by words that failed to read as an attribution).
        let tail = doc.marks[u]
            .1
            .is_some_and(|c| (c + 1..hi).any(|k| doc.toks[k].free_word()));
        if open == lo
            && !tail
            && sent > 0
            && let Some(m) = self
                .mentions
                .iter()
                .rev()
                .find(|m| m.speaker && m.sent + 1 == sent)
        {
            // "Analysts said …. “There's been rumours …”": a group, or someone the text
            // leaves unnamed ("a spokesman"), reported without quotation marks does not
            // say the next quotation as one speaker; it is often the words of someone
            // named after it. (The unnamed speaker of a quotation goes on speaking: "…,”
            // one trader said. “But …”".)
            let quoting = doc.units.iter().any(|unit| unit.open == m.pos);
            if !quoting && matches!(&m.who, Who::Named(text) if unnamed(text)) {
                return (Who::Nobody, None, None);
            }
            return (m.who.clone(), m.class, m.gender);
        }
        // "And she won't commit to an opinion of Hollywood yet. “I'm just in the middle
        // of it.”": a sentence naming no one but the latest speaker, as "he" or "she"
        // opening it, hands the quotation after it to that speaker.
        if open == lo && !tail && sent > 0 {
            let before: Vec<&Mention> = self
                .mentions
                .iter()
                .filter(|m| m.sent + 1 == sent)
                .collect();
            let latest = self
                .mentions
                .iter()
                .rev()
                .find(|m| m.speaker && m.sent < sent);
            // So does one whose subject is that speaker by name ("“…,” said Kerr. Kerr
            // applauded the move. “It was a brilliant goal.”").
            if let [only] = before.as_slice()
                && let Who::Person(p) = only.who
                && (only.subject
                    || doc.toks.iter().any(|t| {
                        t.start == only.pos
                            && t.free_word()
                            && matches!(pronoun(&t.lower), Some(Np::Pronoun(_)))
                    }))
                && latest.is_some_and(|m| matches!(m.who, Who::Person(q) if q == p))
            {
                return (Who::Person(p), None, only.gender);
            }
        }
        (Who::Nobody, None, None)
    }

    /// Whether quotation `u` (opening at token `open` of sentence `lo..hi`) is a short
    /// name for a thing, not anyone's words: a nickname or another name given to it
    /// ("the power adaptor, nicknamed “energy vampires”", "known as “…”", "a shareholder
    /// rights plan, or “poison pill,”"), a nickname inside a person's name ("C. J. “Pete”
    /// Silas"), or the subject of a clause ("the “control orders” would only be used").
    fn names_a_thing(&self, u: usize, lo: usize, hi: usize, open: usize) -> bool {
        let doc = self.doc;
        let toks = &doc.toks;
        let Some(close) = doc.marks[u].1 else {
            return false;
        };
        let inner: Vec<&Tok<'_>> = toks[open + 1..close].iter().filter(|t| t.word).collect();
        if inner.is_empty() || inner.len() > 4 {
            return false;
        }
        let before = |n: usize| (open >= lo + n).then(|| &toks[open - n]);
        let after = toks.get(close + 1).filter(|_| close + 1 < hi);
        let word_before = |n: usize, w: &str| before(n).is_some_and(|t| t.word && t.lower == w);
        let after_comma = |w: &str| word_before(1, w) && before(2).is_some_and(|t| t.is(","));
        let named = ["nicknamed", "codenamed", "code-named"]
            .iter()
            .any(|w| word_before(1, w))
            || after_comma("dubbed")
            || after_comma("or")
            || (word_before(1, "as") && word_before(2, "known"));
        if named {
            return true;
        }
        // "its “Investigational New Drug” filing", "its “poison pill” anti-takeover plan":
        // after a determiner, a quoted name in capitals, or a quoted phrase qualifying
        // the plain noun after it, names a thing. ("a “huge boost” to", "the “economic
        // pain” our partners feel", "described by Jobs as the “most important Mac”
        // made by Apple" stay the speaker's.)
        let naming = before(2).is_some_and(|t| t.word && is_naming_word(&t.lower));
        if !naming && before(1).is_some_and(|t| t.word && determiner(&t.lower).is_some()) {
            let small = |w: &str| matches!(w, "of" | "and" | "the" | "for");
            let capitals = inner[0].cap && inner.iter().all(|t| t.cap || small(&t.lower));
            let noun = |t: &Tok<'_>| {
                let w = t.lower.as_str();
                t.free_word()
                    && !t.cap
                    && !is_stop(w)
                    && determiner(w).is_none()
                    && pronoun(w).is_none()
                    && !is_modal(w)
                    && !is_passive(w)
                    && !is_speech_verb(w)
                    && !is_adverb(w)
                    && !["ed", "s", "ing"].iter().any(|end| w.ends_with(end))
            };
            // (One quoted word before a noun is the speaker's adjective: "would not
            // accept a “mad” increase"; in capitals, a name: "its “Retrovir” drug".)
            let titled = capitals && (inner.len() >= 2 || after.is_some_and(noun));
            if titled || ((2..=3).contains(&inner.len()) && after.is_some_and(noun)) {
                return true;
            }
        }
        // "C. J. “Pete” Silas said": capitalised words on both sides.
        let name_part = |t: &Tok<'_>| t.word && t.cap && t.unit.is_none();
        if inner.len() <= 2
            && inner.iter().all(|t| t.cap)
            // (Not `before`: the text layer may end a sentence at an initial, "J.".)
            && open > 0
            && (name_part(&toks[open - 1])
                || (open > 1
                    && toks[open - 1].is(".")
                    && name_part(&toks[open - 2])
                    && toks[open - 2].text.chars().count() == 1))
            && after.is_some_and(name_part)
        {
            return true;
        }
        // "Mr Blair told the BBC the “control orders” would only be used": a short
        // quotation as the subject of a verb after it names the thing; after "that"
        // only when the window quoted the same words before ("insist that “control
        // orders” must be issued").
        let subject = inner.len() <= 3
            && after.is_some_and(|t| t.free_word() && (is_modal(&t.lower) || is_passive(&t.lower)));
        let words = |range: std::ops::Range<usize>| -> Vec<&str> {
            toks[range]
                .iter()
                .filter(|t| t.word)
                .map(|t| t.lower.as_str())
                .collect()
        };
        let these = words(open + 1..close);
        let quoted_before = || {
            doc.marks[..u].iter().any(|&(o, c)| match (o, c) {
                (Some(o), Some(c)) => words(o + 1..c) == these,
                _ => false,
            })
        };
        subject && (word_before(1, "the") || (word_before(1, "that") && quoted_before()))
    }

    /// Whether sentence `sent` mentions someone other than `who` between bytes `from`
    /// and `to`.
    /// A name written as an owner counts only when what it owns is words said ("Hain's
    /// claim that …"), not a thing ("Jim Wright's proposal … was “a nonstarter”").
    fn someone_else_between(&self, who: &Who, sent: u32, from: usize, to: usize) -> bool {
        self.mentions
            .iter()
            .filter(|m| m.sent == sent && from < m.pos && m.pos < to)
            .filter(|m| !m.owner || self.doc.owns_words(m.pos))
            .any(|m| match (&m.who, who) {
                (Who::Nobody, _) => false,
                (Who::Person(a), Who::Person(b)) => a != b,
                (Who::Named(a), Who::Named(b)) => key_of(a) != key_of(b),
                _ => true,
            })
    }

    /// Records the people sentence `lo..hi` names outside quotations, and which of them
    /// is its subject.
    fn add_mentions(&mut self, lo: usize, hi: usize) {
        let from = self.mentions.len();
        self.add_names(lo, hi);
        let toks = &self.doc.toks;
        let opening = self.doc.after_dateline(lo, hi);
        if toks
            .get(opening)
            .is_some_and(|t| t.cap && t.lower == "asked")
            && let Some(comma) = (opening..hi).find(|&k| toks[k].is(","))
        {
            let end = toks[comma].start;
            for m in &mut self.mentions[from..] {
                m.topic = m.pos < end;
            }
        }
        let first = self.mentions[from..]
            .iter()
            .position(|m| !m.owner && !matches!(m.who, Who::Nobody))
            .map(|m| from + m);
        if let Some(m) = first
            && matches!(self.mentions[m].who, Who::Person(_))
            && self.verb_follows(self.mentions[m].pos)
        {
            self.mentions[m].subject = true;
        }
    }

    /// Whether the name or pronoun at byte `pos` is followed by what reads as its verb
    /// ("Tony Blair is urging", "Granclaude is delighted", "Shin arrived", "he thinks"),
    /// not by a preposition ("… greeted Shin Won-sik on Monday").
    fn verb_follows(&self, pos: usize) -> bool {
        let toks = &self.doc.toks;
        let Ok(mut k) = toks.binary_search_by_key(&pos, |t| t.start) else {
            return false;
        };
        k += 1;
        while toks.get(k).is_some_and(|t| t.free_word() && t.cap) {
            k += 1;
        }
        toks.get(k)
            .filter(|t| t.free_word() && !t.cap)
            .is_some_and(|t| looks_like_verb(&t.lower))
    }

    fn add_names(&mut self, lo: usize, hi: usize) {
        let doc = self.doc;
        // "She was due to play in the Hopman Cup": a pronoun subject carries the person
        // it stands for, ahead of the names later in its sentence.
        let first = (lo..hi).find(|&k| {
            let t = &doc.toks[k];
            t.word
                && !(t.cap
                    && is_not_name(&t.lower)
                    && pronoun(&t.lower).is_none()
                    && determiner(&t.lower).is_none())
        });
        if let Some(k) = first
            && let Some(Np::Pronoun(gender)) = pronoun(&doc.toks[k].lower)
            && doc.toks[k].free_word()
        {
            let who = self.resolve_pronoun(gender, doc.toks[k].start);
            if !matches!(who, Who::Nobody) {
                self.mentions.push(Mention {
                    pos: doc.toks[k].start,
                    sent: doc.toks[k].sent,
                    who,
                    speaker: false,
                    owner: false,
                    subject: false,
                    class: None,
                    gender: Some(gender),
                    topic: false,
                });
            }
        }
        // "The French star was part of the side …": a role as subject is someone, named
        // or not, that a later "he" may mean.
        if let Some(k) = first
            && doc.toks[k].free_word()
            && determiner(&doc.toks[k].lower) == Some(true)
            && let Some(np @ Np::Role { person: true, .. }) =
                doc.np_fwd(k, hi).and_then(|r| doc.classify(r))
        {
            // Only a person the window gives this title: guessing the latest speaker,
            // as for "the minister said", would be a guess about someone not speaking.
            let pos = doc.toks[k].start;
            if let Np::Role { written, class, .. } = np {
                let who = match self.titled(class, &written, pos) {
                    Titled::One(p) => Who::Person(p),
                    Titled::Rivals | Titled::NoOne => Who::Named(written),
                };
                self.mentions.push(Mention {
                    pos,
                    sent: doc.toks[k].sent,
                    who,
                    speaker: false,
                    owner: false,
                    subject: false,
                    class: Some(class),
                    gender: None,
                    topic: false,
                });
            }
        }
        let mut i = lo;
        while i < hi {
            let t = &doc.toks[i];
            if !t.free_word() || !t.cap || t.key.is_empty() {
                i += 1;
                continue;
            }
            let hon = (i > lo)
                .then(|| honorific(&doc.toks[i - 1].lower))
                .flatten();
            let gender = hon.flatten();
            let sent = t.sent;
            if let Some((who, end)) = self.match_full(i, hi) {
                if let Who::Person(p) = who {
                    self.learn_context(p, self.context_roles(i, end, lo, hi), gender);
                }
                self.mentions.push(Mention {
                    pos: t.start,
                    sent,
                    who,
                    speaker: false,
                    owner: doc.toks[end - 1].possessive,
                    subject: false,
                    class: None,
                    gender,
                    topic: false,
                });
                i = end;
                continue;
            }
            let single = !t.key.contains(' ');
            // "Malgorzata Kujda" when only Jarek Kujda is known: a name word before the
            // surname that the known person's name lacks is someone else of that surname.
            let other_given = i > lo && {
                let g = &doc.toks[i - 1];
                g.free_word()
                    && g.cap
                    && !g.possessive
                    && g.sent == sent
                    && g.text.chars().all(char::is_alphabetic)
                    && !is_not_name(&g.lower)
                    && !is_title_word(&g.lower)
                    && honorific(&g.lower).is_none()
                    && self.index.ends.get(&t.key).is_some_and(|ps| {
                        !self
                            .index
                            .by_first
                            .get(&g.key)
                            .is_some_and(|es| es.iter().any(|(_, p)| ps.contains(p)))
                    })
            };
            let (pos, who) = if single && other_given {
                // Another first name before a known surname: someone else, as written.
                (doc.toks[i - 1].start, Who::Named(doc.written(i - 1, i + 1)))
            } else {
                let who = match self.index.ends.get(&t.key).filter(|_| single) {
                    Some(cands) => {
                        let written = if hon.is_some() {
                            doc.written(i - 1, i + 1)
                        } else {
                            doc.written(i, i + 1)
                        };
                        let cands = cands.clone();
                        self.pick(&cands, t.start, written)
                    }
                    // "Mr Smith", not among the people: someone all the same.
                    None if hon.is_some() => Who::Named(doc.written(i - 1, i + 1)),
                    None => {
                        i += 1;
                        continue;
                    }
                };
                if let Who::Person(p) = who {
                    self.learn_context(p, self.context_roles(i, i + 1, lo, hi), gender);
                }
                (t.start, who)
            };
            self.mentions.push(Mention {
                pos,
                sent,
                who,
                speaker: false,
                owner: t.possessive,
                subject: false,
                class: None,
                gender,
                topic: false,
            });
            i += 1;
        }
    }

    /// The longest full name or alias starting at token `i`.
    fn match_full(&self, i: usize, hi: usize) -> Option<(Who, usize)> {
        let doc = self.doc;
        let first = doc.toks[i].key.split(' ').next()?;
        let entries = self.index.by_first.get(first)?;
        let mut best: Option<(usize, Vec<usize>)> = None;
        for (key, p) in entries {
            let mut built = String::new();
            let mut j = i;
            while j < hi && doc.toks[j].free_word() && doc.toks[j].para == doc.toks[i].para {
                if !built.is_empty() {
                    built.push(' ');
                }
                built.push_str(&doc.toks[j].key);
                j += 1;
                if built == *key {
                    match &mut best {
                        Some((len, ps)) if *len == j => push_once(ps, *p),
                        Some((len, _)) if *len > j => {}
                        _ => best = Some((j, vec![*p])),
                    }
                    break;
                }
                if !key.starts_with(&built) || key.as_bytes().get(built.len()) != Some(&b' ') {
                    break;
                }
            }
        }
        let (end, ps) = best?;
        let written = doc.written(i, end);
        Some((self.pick(&ps, doc.toks[i].start, written), end))
    }

    /// One of `cands`: the only one, or the one mentioned most recently before `pos`;
    /// otherwise nobody can tell, and the name stays as written.
    pub(super) fn pick(&self, cands: &[usize], pos: usize, written: String) -> Who {
        if let [p] = cands {
            return Who::Person(*p);
        }
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.pos < pos)
            .find_map(|m| match m.who {
                Who::Person(p) if cands.contains(&p) => Some(Who::Person(p)),
                _ => None,
            })
            .unwrap_or(Who::Named(written))
    }

    /// Titles written around a mention: "Defence Minister Kim", "Budanov, the chief of …".
    fn context_roles(&self, i: usize, end: usize, lo: usize, hi: usize) -> Context {
        let doc = self.doc;
        let mut roles = Vec::new();
        let mut described = Vec::new();
        let mut j = i;
        while j > lo && i - j < 5 {
            let t = &doc.toks[j - 1];
            if !t.free_word() || determiner(&t.lower).is_some() || is_stop(&t.lower) {
                break;
            }
            match role_class(&t.lower) {
                Some(class) => roles.push(class),
                None => described.push(t.lower.clone()),
            }
            j -= 1;
        }
        // Describing words count only as part of a title ("French President").
        if roles.is_empty() {
            described.clear();
        }
        if end < hi && doc.toks[end].is(",") {
            for t in doc.toks[end + 1..hi].iter().take(8) {
                if !t.free_word() || is_stop(&t.lower) || is_speech_verb(&t.lower) {
                    break;
                }
                if let Some(class) = role_class(&t.lower) {
                    roles.push(class);
                    break;
                }
            }
        }
        Context { roles, described }
    }

    fn learn_context(&mut self, p: usize, context: Context, gender: Option<Gender>) {
        self.learn(p, &context.roles, gender);
        let known = &mut self.known[p];
        for word in context.described {
            if !known.described.contains(&word) {
                known.described.push(word);
            }
        }
    }

    fn learn(&mut self, p: usize, roles: &[&'static str], gender: Option<Gender>) {
        let known = &mut self.known[p];
        for role in roles {
            if !known.roles.contains(role) {
                known.roles.push(role);
            }
        }
        if known.gender.is_none() {
            known.gender = gender;
        }
    }

    /// Mentions before `limit`, most likely antecedent first: the latest sentence naming
    /// anyone, its speakers (latest first) before its other mentions (first first, as a
    /// sentence's subject tends to come first).
    fn antecedents(&self, limit: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.mentions.len())
            .filter(|&m| self.mentions[m].pos < limit && !self.mentions[m].topic)
            .collect();
        order.sort_by_key(|&m| {
            let mention = &self.mentions[m];
            let pos = i64::try_from(mention.pos).unwrap_or(i64::MAX);
            (
                Reverse(mention.sent),
                !mention.speaker,
                mention.owner,
                if mention.speaker { -pos } else { pos },
            )
        });
        order
    }

    /// Who `np` is, as of byte `limit` (mentions after it are not yet read), with the role
    /// class and gender to remember for the speaker.
    fn resolve(&mut self, np: &Np, limit: usize) -> (Who, Option<&'static str>, Option<Gender>) {
        match np {
            Np::NonPerson => (Who::Nobody, None, None),
            Np::It => (self.resolve_it(limit), Some("institution"), None),
            Np::Pronoun(gender) => {
                let who = self.resolve_pronoun(*gender, limit);
                if let Who::Person(p) = who {
                    self.learn(p, &[], Some(*gender));
                }
                (who, None, Some(*gender))
            }
            Np::Name {
                written,
                key,
                gender,
                roles,
            } => {
                let who = self.resolve_name(key, written, limit);
                if let Who::Person(p) = who {
                    self.learn(p, roles, *gender);
                }
                (who, roles.last().copied(), *gender)
            }
            Np::Role {
                written,
                class,
                definite,
                person,
            } => {
                if !person {
                    return (self.resolve_institution(written, limit), Some(class), None);
                }
                if !definite {
                    return (Who::Named(written.clone()), Some(class), None);
                }
                let who = self.resolve_role(class, written, limit);
                if let Who::Person(p) = who {
                    self.learn(p, &[class], None);
                }
                (who, Some(class), None)
            }
        }
    }

    fn resolve_name(&self, key: &str, written: &str, limit: usize) -> Who {
        if let Some(ps) = self.index.exact.get(key) {
            // "Ms Chada", listed as a person of her own, for Monica Chadha.
            if ps.iter().all(|&p| !self.index.full[p])
                && let Some(p) = self.one_letter_off(key).filter(|&p| self.index.full[p])
            {
                return Who::Person(p);
            }
            return self.pick(ps, limit, written.to_owned());
        }
        let all: Vec<&str> = key.split(' ').collect();
        // "Producer Barry Weissler", "Fly-half Charlie Hodgson": a person's full name
        // after words that describe them.
        for i in 1..all.len().saturating_sub(1) {
            if let Some(ps) = self.index.exact.get(&all[i..].join(" ")) {
                return self.pick(ps, limit, written.to_owned());
            }
        }
        // "Duff Scott" for E. Duff Scott: a full name without its initials.
        if all.len() > 1 {
            let mut ps = Vec::new();
            for (full, entries) in &self.index.exact {
                let initials = full
                    .strip_suffix(key)
                    .and_then(|rest| rest.strip_suffix(' '))
                    .is_some_and(|rest| {
                        !rest.is_empty() && rest.split(' ').all(|w| w.chars().count() == 1)
                    });
                if initials {
                    for &p in entries {
                        push_once(&mut ps, p);
                    }
                }
            }
            if !ps.is_empty() {
                return self.pick(&ps, limit, written.to_owned());
            }
        }
        // "Javier Nogales" for Javier Nogales Iturri: the first words of a full name.
        if all.len() > 1
            && let Some(entries) = self.index.by_first.get(all[0])
        {
            let mut ps = Vec::new();
            for (full, p) in entries {
                if full.len() > key.len()
                    && full.starts_with(key)
                    && full.as_bytes()[key.len()] == b' '
                {
                    push_once(&mut ps, *p);
                }
            }
            if !ps.is_empty() {
                return self.pick(&ps, limit, written.to_owned());
            }
        }
        // A lone surname, with its particles dropped ("de Vabres").
        let mut words = key.split(' ').filter(|w| !is_name_particle(w));
        if let (Some(word), None) = (words.next(), words.next()) {
            if let Some(ps) = self.index.ends.get(word) {
                return self.pick(ps, limit, written.to_owned());
            }
            // Misspelt by a letter in the article ("Kapnik" for Harvey Kapnick, "Ms
            // Chada" for Monica Chadha): the one person whose name is that close.
            if let Some(p) = self.one_letter_off(word) {
                return Who::Person(p);
            }
        }
        // "Greenstein of Bear Stearns", read as one name like "Bank of England": a
        // person's surname and where they work.
        if let Some((head, _)) = key.split_once(" of ")
            && !head.contains(' ')
            && let Some(ps) = self.index.ends.get(head)
            && let Who::Person(p) = self.pick(ps, limit, written.to_owned())
        {
            return Who::Person(p);
        }
        Who::Named(written.to_owned())
    }

    /// The one person a name word of five letters or more is a letter away from, or two
    /// letters swapped.
    fn one_letter_off(&self, word: &str) -> Option<usize> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 5 {
            return None;
        }
        let mut found: Vec<usize> = Vec::new();
        for (end, ps) in &self.index.ends {
            let other: Vec<char> = end.chars().collect();
            // ("Kudja" for Jarek Kujda: two letters swapped count as one.)
            let swapped = other.len() == chars.len() && {
                let diff: Vec<usize> = (0..chars.len()).filter(|&k| chars[k] != other[k]).collect();
                matches!(diff.as_slice(), [x, y] if *y == x + 1
                    && chars[*x] == other[*y] && chars[*y] == other[*x])
            };
            if swapped
                || (other.len().abs_diff(chars.len()) <= 1 && edit_distance(&chars, &other) == 1)
            {
                for &p in ps {
                    push_once(&mut found, p);
                }
            }
        }
        match found.as_slice() {
            [p] => Some(*p),
            _ => None,
        }
    }

    fn resolve_pronoun(&self, gender: Gender, limit: usize) -> Who {
        for m in self.antecedents(limit) {
            let mention = &self.mentions[m];
            let fits = |g: Option<Gender>| g.is_none_or(|g| g == gender);
            match &mention.who {
                Who::Person(p) if fits(self.known[*p].gender) && fits(mention.gender) => {
                    return Who::Person(*p);
                }
                // "The International Rugby Board confirmed that he …": an organisation
                // is never "he" or "she".
                // Nor a place ("a report monitored in London said …").
                Who::Named(text)
                    if fits(mention.gender)
                        && mention.class != Some("institution")
                        && !text.split(' ').any(|w| is_org_word(&w.to_lowercase()))
                        && gazetteer_kind(text) != Some(EntityKind::Place) =>
                {
                    return Who::Named(text.clone());
                }
                _ => {}
            }
        }
        Who::Nobody
    }

    /// "It said": the organisation that spoke in the latest sentence naming anyone or
    /// speaking ("Petranol Plc said it was discussing …. It said …"). Nobody when that
    /// sentence's latest speaker is a person or unnamed, or it has none: "it" may be a
    /// court, a report, a plan.
    fn resolve_it(&self, limit: usize) -> Who {
        let order = self.antecedents(limit);
        let Some(&first) = order.first() else {
            return Who::Nobody;
        };
        let sent = self.mentions[first].sent;
        let speaker = order
            .iter()
            .map(|&m| &self.mentions[m])
            .take_while(|m| m.sent == sent)
            .find(|m| m.speaker);
        match speaker.map(|m| (&m.who, m.class)) {
            Some((Who::Named(name), None | Some("institution")))
                if looks_like_org(without_the(name).unwrap_or(name))
                    && !name.split(' ').any(is_honorific) =>
            {
                Who::Named(name.clone())
            }
            _ => Who::Nobody,
        }
    }

    /// The latest person before `limit` the window gives the title `class`. Two given it
    /// in one sentence are told apart by the words `written` adds to the title ("His
    /// words about President Bush met a cool reception from Jacques Chirac. The French
    /// president told reporters", after "French President Jacques Chirac").
    fn titled(&self, class: &'static str, written: &str, limit: usize) -> Titled {
        // "The official", "the youngster" fit anyone, so no title picks one out.
        if fits_anyone(class) {
            return Titled::NoOne;
        }
        let titled = |m: usize| match self.mentions[m].who {
            Who::Person(p) if self.known[p].roles.contains(&class) => Some(p),
            _ => None,
        };
        let order = self.antecedents(limit);
        let Some((m, p)) = order.iter().find_map(|&m| titled(m).map(|p| (m, p))) else {
            return Titled::NoOne;
        };
        let sent = self.mentions[m].sent;
        let mut rivals = vec![p];
        for &o in order.iter().filter(|&&o| self.mentions[o].sent == sent) {
            if let Some(q) = titled(o) {
                push_once(&mut rivals, q);
            }
        }
        if let [one] = rivals.as_slice() {
            return Titled::One(*one);
        }
        let words: Vec<String> = written
            .split(' ')
            .map(str::to_lowercase)
            .filter(|w| determiner(w).is_none() && role_class(w).is_none())
            .collect();
        let described: Vec<usize> = rivals
            .into_iter()
            .filter(|&q| {
                !words.is_empty() && words.iter().all(|w| self.known[q].described.contains(w))
            })
            .collect();
        match described.as_slice() {
            [one] => Titled::One(*one),
            _ => Titled::Rivals,
        }
    }

    /// "The ministry said", "the firm said": the organisation that spoke last in the
    /// window under a name that ends in that word ("the Finance and Economy Ministry
    /// said"), or, for a company word (company, firm, group), the latest organisation
    /// that spoke. An organisation is a speaker named as written, with no honorific and
    /// no given name first; a person named by the text never stands for "the company".
    /// "A ministry", or no such speaker: as written (which "the …" shows as nobody).
    fn resolve_institution(&self, written: &str, limit: usize) -> Who {
        let lower = written.to_lowercase();
        let Some(head) = lower
            .strip_prefix("the ")
            .and_then(|w| w.split(' ').next_back())
        else {
            return Who::Named(written.to_owned());
        };
        let generic = matches!(head, "company" | "firm" | "group");
        for m in self.antecedents(limit) {
            let mention = &self.mentions[m];
            let Who::Named(name) = &mention.who else {
                continue;
            };
            let name = without_the(name).unwrap_or(name);
            if !mention.speaker || !looks_like_org(name) {
                continue;
            }
            // "MITI said … the ministry said": the name the acronym spells.
            let spelt = super::fullname::spelt_out(self.doc, name);
            let full = spelt.as_deref().unwrap_or(name).to_lowercase();
            let words: Vec<&str> = full.split(' ').collect();
            let last = words.last().copied().unwrap_or("");
            // "the ministry" for "Ministry of International Trade and Industry" too.
            let head_first = words.first() == Some(&head) && words.get(1) == Some(&"of");
            // "the group" for "BASF AG", not for "the Finance Ministry".
            let company = !is_org_word(last) || is_legal_form(last);
            if last == head || head_first || (generic && company) {
                return Who::Named(name.to_owned());
            }
        }
        Who::Named(written.to_owned())
    }

    fn resolve_role(&self, class: &'static str, written: &str, limit: usize) -> Who {
        match self.titled(class, written, limit) {
            Titled::One(p) => return Who::Person(p),
            Titled::Rivals => return Who::Named(written.to_owned()),
            Titled::NoOne => {}
        }
        let order = self.antecedents(limit);
        let fits = |p: usize| {
            let roles = &self.known[p].roles;
            fits_anyone(class) || roles.is_empty() || roles.iter().any(|&r| same_rank(r, class))
        };
        // Else the latest speaker or sentence subject whose known titles do not say
        // otherwise: "Tony Blair is urging European leaders … “…,” the prime minister
        // said"; "Granclaude is delighted … “…,” the youngster said".
        for &m in &order {
            let mention = &self.mentions[m];
            if !mention.speaker && !mention.subject {
                continue;
            }
            match &mention.who {
                Who::Person(p) if fits(*p) => return Who::Person(*p),
                // The same unnamed role spoke before: still unnamed.
                Who::Named(_) if mention.speaker && mention.class == Some(class) => break,
                _ => {}
            }
        }
        Who::Named(written.to_owned())
    }
}

/// A word in lower case that reads as a verb after its subject: an auxiliary or modal,
/// a verb of speech or view, an adverb, or a past or third-person form.
fn looks_like_verb(w: &str) -> bool {
    is_passive(w)
        || is_modal(w)
        || is_speech_verb(w)
        || is_opinion_verb(w)
        || is_adverb(w)
        || matches!(w, "has" | "had" | "have" | "did" | "does")
        || w.ends_with("ed")
        || (w.ends_with('s') && !w.ends_with("ss") && !is_stop(w))
}

/// A speaker as written that names no one: a description in lower case ("a spokesman",
/// "industry sources"), one with "a" or "some", or a group ("Analysts").
fn unnamed(written: &str) -> bool {
    let first = written.split(' ').next().unwrap_or("").to_lowercase();
    written.starts_with(char::is_lowercase)
        || determiner(&first) == Some(false)
        || (role_class(&first).is_some() && is_plural_role(&first))
}

/// What the words around a mention say of the person.
struct Context {
    roles: Vec<&'static str>,
    described: Vec<String>,
}

/// A speaker's name as written that reads as an organisation's: capitalised, not a
/// description ("the …", "an official"), no honorific and no given name first.
fn looks_like_org(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase)
        && determiner(&first.to_lowercase()).is_none()
        && !is_honorific(first)
        && !crate::entities::is_given_name(first)
}

/// Whether two role classes may name the same person: equal, a head and a leader
/// ("the Chrysler executive" for its vice president), or a description that fits anyone.
fn same_rank(a: &str, b: &str) -> bool {
    a == b
        || fits_anyone(a)
        || fits_anyone(b)
        || matches!((a, b), ("head", "leader") | ("leader", "head"))
}

/// Role classes that say nothing of a rank: "the official", "the youngster", "the Scot".
fn fits_anyone(class: &str) -> bool {
    matches!(class, "official" | "person")
}
