//! Where an attribution is: the cues around a quotation's marks ("…," he said;
//! according to Kim; Kim said: "…"), a speech or view verb within a stretch, and the
//! dateline a sentence may open with. What a cue's noun phrase names is read by
//! `phrases.rs`.

use super::lexicon::{
    determiner, is_adverb, is_name_particle, is_naming_word, is_not_name, is_opinion_verb,
    is_participle, is_passive, is_speech_noun, is_speech_verb, is_stop, is_title_word,
    is_verb_first, role_class,
};
use super::phrases::{Np, pronoun};
use super::window::{Doc, Tok};

impl<'b> Doc<'b> {
    /// The attribution that follows a closing mark or a dash, from token `from` to the
    /// sentence end `hi`: "he said", "said Kim", "the official added", "according to
    /// Kim", "Mr Kim, the minister, told reporters".
    pub(super) fn cue_after(&self, from: usize, hi: usize) -> Option<Cue> {
        let mut i = from;
        while i < hi && self.toks[i].is(",—–-") {
            i += 1;
        }
        let t = self.toks.get(i).filter(|_| i < hi)?;
        if !t.free_word() {
            return None;
        }
        if t.lower == "according" && self.toks.get(i + 1).is_some_and(|n| n.lower == "to") {
            let r = self.np_fwd_pp(i + 2, hi)?;
            let end = r.end;
            return Some(Cue {
                np: self.classify(r)?,
                end,
                verb: None,
            });
        }
        // Verbs that attribute only in this place ("…,” agreed Mr Stern) are verb-first
        // without being speech verbs elsewhere ("agreed to buy the “crown jewels”").
        if is_speech_verb(&t.lower) || is_verb_first(&t.lower) {
            if !is_verb_first(&t.lower) {
                return None;
            }
            let (np, end) = self.speaker_after_verb(i + 1, hi)?;
            return Some(Cue {
                np,
                end,
                verb: None,
            });
        }
        // "former MP Martin Bell insisted", "former independent MP Martin Bell
        // insisted": one or two plain words before a name or a role.
        let plain = |k: usize| {
            self.toks.get(k).is_some_and(|n| {
                k < hi && n.free_word() && !n.cap && !is_stop(&n.lower) && !is_speech_verb(&n.lower)
            })
        };
        let names = |k: usize| {
            self.toks.get(k).is_some_and(|n| {
                k < hi && n.free_word() && (n.cap || role_class(&n.lower).is_some())
            })
        };
        let before_name = names(i + 1) || (plain(i + 1) && names(i + 2));
        let starts_np = t.cap
            || pronoun(&t.lower).is_some()
            || determiner(&t.lower).is_some()
            || role_class(&t.lower).is_some()
            || before_name;
        if !starts_np {
            return self.descriptor_then_name(i, hi);
        }
        // "a BBC statement read.": the body whose statement it is.
        if determiner(&t.lower).is_some() {
            let caps = self.toks[i + 1..hi]
                .iter()
                .take_while(|n| n.free_word() && n.cap && !n.possessive)
                .count();
            let k = i + 1 + caps;
            if caps > 0
                && k + 1 < hi
                && self.toks[k].lower == "statement"
                && matches!(self.toks[k + 1].lower.as_str(), "read" | "said" | "added")
            {
                return Some(Cue {
                    np: self.owner_name(k - 1, i + 1),
                    end: k + 2,
                    verb: Some("said"),
                });
            }
        }
        // "the Interfax news agency quoted Mr Khodorkovsky as saying" (the noun phrase
        // reader would run on over "quoted").
        if let Some(k) = (i + 1..hi.min(i + 8))
            .take_while(|&k| {
                let t = &self.toks[k];
                t.free_word() && !is_speech_verb(&t.lower)
            })
            .find(|&k| {
                let t = &self.toks[k];
                !t.cap && matches!(t.lower.as_str(), "quoted" | "quotes")
            })
            && self.np_fwd(i, k).is_some()
            // "he was quoted as saying" is read below, as the one quoted.
            && !is_passive(&self.toks[k - 1].lower)
        {
            return self.quoted_as_saying(k, hi);
        }
        let r = self.np_fwd_pp(i, hi)?;
        let mut j = r.end;
        let mut np = self.classify(r)?;
        if j < hi && self.toks[j].is(",") && matches!(np, Np::Name { .. }) {
            // "Pat Ryder, the Pentagon's spokesman, said"; "Michael Lamberty, a Lufthansa
            // spokesman told the BBC", its closing comma forgotten.
            let within: Vec<usize> = (j + 1..hi)
                .take(20)
                .take_while(|&m| !self.toks[m].is(".!?;") && self.toks[m].unit.is_none())
                .collect();
            let speech_verb_at = |m: usize| {
                let t = &self.toks[m];
                t.free_word() && !t.cap && is_speech_verb(&t.lower)
            };
            let close = within
                .iter()
                .copied()
                .find(|&m| self.toks[m].is(","))
                .map(|m| m + 1)
                // "Rep. Edward Markey, D-Mass, the chairman of the panel said": a second
                // appositive, its closing comma forgotten, up to the speech verb.
                .map(|c| {
                    let verb_next = (c..hi)
                        .find(|&m| !self.adverb_at(m))
                        .is_some_and(speech_verb_at);
                    if verb_next {
                        return c;
                    }
                    within
                        .iter()
                        .copied()
                        .filter(|&m| m >= c)
                        .take(10)
                        .take_while(|&m| !self.toks[m].is(","))
                        .find(|&m| speech_verb_at(m))
                        .unwrap_or(c)
                })
                .or_else(|| within.iter().copied().take(8).find(|&m| speech_verb_at(m)))?;
            let role = self.toks[j + 1..close]
                .iter()
                .find_map(|t| role_class(&t.lower));
            if let Np::Name { roles, .. } = &mut np {
                roles.extend(role);
            }
            j = close;
        }
        // "the minister, Michael Howard, said": the name the role is given.
        if let Some((named, end)) = self.role_named(&np, j, hi, |e| e < hi && self.toks[e].is(","))
        {
            np = named;
            j = end + 1;
        }
        let mut skipped = 0;
        while j < hi && skipped < 2 && self.adverb_at(j) {
            j += 1;
            skipped += 1;
        }
        // "“…,” he was quoted as saying": the one quoted.
        // ("was" may have been read through as an adverb already.)
        let quoted_at = if j < hi && self.toks[j].lower == "quoted" {
            j
        } else {
            j + 1
        };
        let quoted_as = quoted_at < hi
            && quoted_at > 0
            && is_passive(&self.toks[quoted_at - 1].lower)
            && self.toks[quoted_at].lower == "quoted"
            && (quoted_at + 1..hi).any(|k| self.as_saying_at(k, hi));
        if quoted_as {
            return Some(Cue {
                np,
                end: quoted_at + 1,
                verb: Some("said"),
            });
        }
        let verb = self.toks.get(j).filter(|_| j < hi)?;
        let statement = j > 0 && self.toks[j - 1].lower == "statement";
        let speaks = is_speech_verb(&verb.lower) || is_verb_first(&verb.lower);
        if !verb.free_word() || !(speaks || statement && verb.lower == "read") {
            return None;
        }
        Some(Cue {
            np,
            end: j + 1,
            verb: Some(if verb.lower == "told" { "told" } else { "said" }),
        })
    }

    /// Whether token `k` opens "as saying" ("as telling", "as stating"), the words after
    /// a verb of quoting that name who spoke, and the token after it lies before `hi`.
    fn as_saying_at(&self, k: usize, hi: usize) -> bool {
        k + 1 < hi
            && self.toks[k].lower == "as"
            && matches!(
                self.toks[k + 1].lower.as_str(),
                "saying" | "telling" | "stating"
            )
    }

    /// "…,” the newspaper quoted Qantas chief Geoff Dixon as saying": after the verb
    /// of quoting at token `verb`, the speaker is the one quoted "as saying".
    fn quoted_as_saying(&self, verb: usize, hi: usize) -> Option<Cue> {
        let r = self.np_fwd(verb + 1, hi)?;
        if !self.as_saying_at(r.end, hi) {
            return None;
        }
        let end = r.end + 2;
        Some(Cue {
            np: self.classify(r)?,
            end,
            verb: Some("said"),
        })
    }

    /// The speaker named before an opening mark in the same sentence, from token `lo` to
    /// the mark at `open`: "Kim said: “…”", "Mr Kim said reports were “…”", "According
    /// to Kim, “…”". The speech verb nearest the mark wins; its token comes with the
    /// speaker (none for a frame without a speech verb of its own, "… as saying").
    pub(super) fn cue_before(&self, lo: usize, open: usize) -> Option<(Np, Option<usize>)> {
        for j in (lo..open).rev() {
            if let Some(np) = self.speech_at(j, lo, open) {
                return Some((np, Some(j)));
            }
        }
        if let Some(np) = self.framed_before(lo, open) {
            return Some((np, None));
        }
        // "- Brentford boss Martin Allen: “…”": a sentence that is only a name and a
        // colon, as in previews and interview transcripts.
        let colon = open
            .checked_sub(1)
            .filter(|&c| c >= lo && self.toks[c].is(":"))?;
        let first = (lo..colon).find(|&k| self.toks[k].word)?;
        let r = self.np_back(colon, first)?;
        match self.classify(r.clone())? {
            np @ Np::Name { .. } if r.start == first => Some((np, None)),
            _ => None,
        }
    }

    /// Words that frame a quotation right before its mark without a speech verb of
    /// their own: "… quote Cappy as saying, “…”" (the name before "as"), "Taylor has
    /// written to the watchdog saying: “…”" (the sentence's subject), "Whedon described
    /// the character as “…”" (the subject of describing, calling, branding).
    fn framed_before(&self, lo: usize, open: usize) -> Option<Np> {
        let mut m = open;
        while m > lo && self.toks[m - 1].is(":,") {
            m -= 1;
        }
        // "described … as the “…”": the article before the mark is part of the frame.
        if m > lo + 1
            && determiner(&self.toks[m - 1].lower).is_some()
            && self.toks[m - 2].lower == "as"
        {
            m -= 1;
        }
        let last = self
            .toks
            .get(m.checked_sub(1)?)
            .filter(|t| m > lo && t.free_word())?;
        let at = m - 1;
        // "Kyodo quoted Nakasone as telling reporters after the meeting, “…”": the one
        // quoted as speaking, past the words that say to whom and when.
        if let Some(a) = (lo + 1..at)
            .rev()
            .take(12)
            .find(|&a| self.as_saying_at(a, at + 1))
            && (lo..a).any(|k| {
                let t = &self.toks[k];
                !t.cap && matches!(t.lower.as_str(), "quoted" | "quotes")
            })
            && (a + 2..at).all(|k| {
                let t = &self.toks[k];
                !(t.free_word() && is_speech_verb(&t.lower)) && t.unit.is_none()
            })
            && let Some(np) = self.np_back(a, lo).and_then(|r| self.classify(r))
        {
            return Some(np);
        }
        if matches!(last.lower.as_str(), "saying" | "adding") {
            if at > lo && self.toks[at - 1].lower == "as" {
                return self.classify(self.np_back(at - 1, lo)?);
            }
            // The sentence's subject, past a word opening it that names nothing
            // ("Earlier Tory leader Michael Howard sent …, saying: “…”").
            let mut first = self.after_dateline(lo, at);
            while first + 1 < at && {
                let t = &self.toks[first];
                t.cap
                    && t.free_word()
                    && is_not_name(&t.lower)
                    && determiner(&t.lower).is_none()
                    && pronoun(&t.lower).is_none()
            } {
                first += 1;
            }
            // Up to its verb: the first plain word after a capital that is no role
            // ("… Michael Howard sent Mr Bush his “…”, saying": not Mr Bush).
            let stop = (first + 1..at)
                .find(|&k| {
                    let t = &self.toks[k];
                    t.free_word()
                        && !t.cap
                        && self.toks[k - 1].cap
                        && role_class(&t.lower).is_none()
                        && !is_title_word(&t.lower)
                        && !is_name_particle(&t.lower)
                })
                .unwrap_or(at);
            return self.classify(self.np_fwd(first, stop)?);
        }
        if let Some(np) = self.named_as(lo, m) {
            return Some(np);
        }
        if last.lower == "as" {
            let verb = (lo..at).rev().find(|&k| {
                let t = &self.toks[k];
                t.free_word()
                    && matches!(
                        t.lower.as_str(),
                        "described"
                            | "describes"
                            | "called"
                            | "calls"
                            | "branded"
                            | "brands"
                            | "dubbed"
                    )
            })?;
            // "was described by Jobs as": the one after "by" describes.
            if self.toks.get(verb + 1).is_some_and(|t| t.lower == "by") {
                return self.classify(self.np_fwd(verb + 2, at)?);
            }
            return self.subject_of(verb, lo);
        }
        None
    }

    /// "De Kock termed the agreement a “…”", "what he called a “…”", "what spokeswoman
    /// Phyllis Oakley called, “…”": the one who names something with the words quoted
    /// from token `m` on (a verb of naming, its object, an article), when that is a
    /// name, a pronoun or someone already named ("the minister"). "A project called
    /// “…”" and "is called “…”" name no speaker.
    fn named_as(&self, lo: usize, m: usize) -> Option<Np> {
        let mut k = m;
        if k > lo && determiner(&self.toks[k - 1].lower).is_some() {
            k -= 1;
        }
        let verb = (lo..k).rev().take(5).take_while(|&v| {
            let t = &self.toks[v];
            t.free_word() && !is_speech_verb(&t.lower) && !is_stop(&t.lower)
                || matches!(t.lower.as_str(), "called" | "termed" | "dubbed" | "branded")
        });
        let verb = verb.into_iter().find(|&v| {
            let t = &self.toks[v];
            !t.cap && matches!(t.lower.as_str(), "called" | "termed" | "dubbed" | "branded")
        })?;
        if verb > lo && is_passive(&self.toks[verb - 1].lower) {
            return None;
        }
        // With no object, only "what X called".
        let what = (lo..verb)
            .rev()
            .take(6)
            .find(|&w| self.toks[w].lower == "what" && !self.toks[w].cap);
        if verb + 1 == k && what.is_none() {
            return None;
        }
        match self.subject_of(verb, what.map_or(lo, |w| w + 1))? {
            np @ (Np::Name { .. } | Np::Pronoun(_)) => Some(np),
            np @ Np::Role {
                definite: true,
                person: true,
                ..
            } => Some(np),
            _ => None,
        }
    }

    /// The first token after a wire dateline that opens the sentence at `lo` ("NEW
    /// YORK, April 8 - "): words in capitals, a comma, and words up to a dash. `lo`
    /// when there is none.
    pub(super) fn after_dateline(&self, lo: usize, hi: usize) -> usize {
        let capitals =
            |t: &Tok<'_>| t.word && t.text.len() > 1 && !t.text.chars().any(char::is_lowercase);
        let mut k = lo;
        while k < hi && capitals(&self.toks[k]) {
            k += 1;
        }
        if k == lo || !self.toks.get(k).is_some_and(|t| t.is(",")) {
            return lo;
        }
        (k + 1..hi.min(k + 6))
            .find(|&d| self.toks[d].is("-—–"))
            .map_or(lo, |d| d + 1)
    }

    /// The first speaker a sentence without quotation names: "He also added that …",
    /// "…, the minister said." Used as a mention for later pronouns and roles.
    pub(super) fn speech_in(&self, lo: usize, hi: usize) -> Option<(usize, Np)> {
        (lo..hi).find_map(|j| Some((self.toks[j].start, self.speech_at(j, lo, hi)?)))
    }

    /// Whether token `k` is an adverb between a speaker and the verb: a word in lower
    /// case ("later", "firmly"; not "Kelly").
    pub(super) fn adverb_at(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.free_word() && !t.cap && is_adverb(&t.lower)
    }

    /// Whether the owner named at byte `pos` owns words said: the word after its
    /// possessive is a speech noun ("Hain's claim").
    pub(super) fn owns_words(&self, pos: usize) -> bool {
        let toks = &self.toks;
        let Ok(k) = toks.binary_search_by_key(&pos, |t| t.start) else {
            return true;
        };
        let Some(owner) = (k..toks.len()).take(6).find(|&j| toks[j].possessive) else {
            return true;
        };
        toks.get(owner + 1).is_none_or(|t| is_speech_noun(&t.lower))
    }

    /// "…,” hunt master, Captain Ian Farquhar, said": lower-case words describing the
    /// speaker from token `i`, then the name between commas, then the speech verb.
    fn descriptor_then_name(&self, i: usize, hi: usize) -> Option<Cue> {
        let comma = (i + 1..hi.min(i + 5)).find(|&k| self.toks[k].is(","))?;
        let described = (i..comma).all(|k| {
            let t = &self.toks[k];
            t.free_word() && !t.cap && !is_speech_verb(&t.lower) && !is_stop(&t.lower)
        });
        let r = self.np_fwd_pp(comma + 1, hi).filter(|_| described)?;
        let end = r.end;
        let verb = self.toks.get(end + 1).filter(|_| end + 1 < hi)?;
        if !self.toks[end].is(",") || !verb.free_word() || verb.cap || !is_speech_verb(&verb.lower)
        {
            return None;
        }
        match self.classify(r)? {
            np @ Np::Name { .. } => Some(Cue {
                np,
                end: end + 2,
                verb: Some("said"),
            }),
            _ => None,
        }
    }

    /// "… dismissed as “ridiculous” by Justice David Souter", "described as a “…” by his
    /// friend and fellow broadcaster Michael Pointon": the name after "by", past the
    /// words that describe it (not past "of": "by critics of President Bush" is the
    /// critics').
    pub(super) fn named_by(&self, lo: usize, open: usize, close: usize, hi: usize) -> Option<Np> {
        let mut m = open;
        if m > lo + 1 && determiner(&self.toks[m - 1].lower).is_some() {
            m -= 1;
        }
        let naming = m > lo && is_naming_word(&self.toks[m - 1].lower);
        if !naming
            || !self
                .toks
                .get(close + 1)
                .is_some_and(|t| close + 1 < hi && t.lower == "by")
        {
            return None;
        }
        let start = (close + 2..hi)
            .take(8)
            .take_while(|&k| {
                let t = &self.toks[k];
                t.free_word() && (t.cap || t.lower == "and" || !is_stop(&t.lower))
            })
            .find(|&k| self.toks[k].cap)?;
        match self.classify(self.np_fwd(start, hi)?)? {
            np @ Np::Name { .. } => Some(np),
            _ => None,
        }
    }

    /// "shrugged off claims from Conservative leader Michael Howard that he led a
    /// “grubby government”": the one named after a noun of speech and "from" or "by",
    /// when "that" opens what they said and the mark follows with no speech verb
    /// between.
    pub(super) fn claimed_by(&self, lo: usize, open: usize) -> Option<Np> {
        (lo..open.saturating_sub(3)).rev().find_map(|k| {
            let t = &self.toks[k];
            let noun_from = t.free_word()
                && !t.cap
                && is_speech_noun(&t.lower)
                && matches!(self.toks[k + 1].lower.as_str(), "from" | "by");
            if !noun_from {
                return None;
            }
            let r = self.np_fwd(k + 2, open)?;
            let that = r.end;
            let clean = that < open
                && self.toks[that].lower == "that"
                && self.toks[that + 1..open]
                    .iter()
                    .all(|t| t.unit.is_none() && !(t.free_word() && is_speech_verb(&t.lower)));
            match self.classify(r)? {
                np @ Np::Name { .. } if clean => Some(np),
                _ => None,
            }
        })
    }

    /// The holder of the view a sentence reports, and where its verb is: "Mr MacKenzie
    /// thought …", "Smith believes …" (not "is thought to").
    pub(super) fn view_in(&self, lo: usize, hi: usize) -> Option<(usize, Np)> {
        let j = (lo..hi).find(|&j| {
            let t = &self.toks[j];
            t.free_word() && !t.cap && is_opinion_verb(&t.lower)
        })?;
        if j > lo && is_passive(&self.toks[j - 1].lower) {
            return None;
        }
        Some((self.toks[j].start, self.subject_of(j, lo)?))
    }

    /// The speaker of the speech verb (or "according to") at token `j`, if it is one.
    fn speech_at(&self, j: usize, lo: usize, hi: usize) -> Option<Np> {
        let t = &self.toks[j];
        if !t.free_word() {
            return None;
        }
        if t.lower == "according" {
            self.toks.get(j + 1).filter(|n| n.lower == "to")?;
            return self.classify(self.np_fwd_pp(j + 2, hi)?);
        }
        // "Hodgson believes …, explaining: “…”": the speaker is the sentence's subject.
        if !t.cap && is_participle(&t.lower) && j > lo && self.toks[j - 1].is(",") {
            let first = self.after_dateline(lo, j);
            // "Beckett rejected Mr Howard's comment, telling …": the subject ends at its
            // verb.
            let verb = (first + 1..j).find(|&k| {
                let (before, t) = (&self.toks[k - 1], &self.toks[k]);
                before.cap
                    && t.free_word()
                    && !t.cap
                    && (t.lower.ends_with("ed")
                        || is_speech_verb(&t.lower)
                        || is_opinion_verb(&t.lower))
            });
            return self.classify(self.np_fwd(first, verb.unwrap_or(j))?);
        }
        // "A statement from Chelsea explaining the decision read: “…”", "a BBC statement
        // said": the body whose statement it is.
        if !t.cap && matches!(t.lower.as_str(), "read" | "said") {
            let first = self.after_dateline(lo, j);
            let opens = first + 1 < j
                && self.toks[first].lower == "a"
                && self.toks[first + 1].lower == "statement"
                && self.toks[first + 2].lower == "from";
            if opens
                && let Some(np @ Np::Name { .. }) =
                    self.np_fwd(first + 3, j).and_then(|r| self.classify(r))
            {
                return Some(np);
            }
            if t.lower == "read" && j > first + 1 && self.toks[j - 1].lower == "statement" {
                return self.classify(first..j);
            }
        }
        // "Dixon was quoted by The Australian as saying the carrier …": the one quoted.
        if !t.cap && t.lower == "quoted" && j > lo && is_passive(&self.toks[j - 1].lower) {
            let as_saying = (j + 1..hi).take(12).any(|k| self.as_saying_at(k, hi));
            return as_saying.then(|| self.subject_of(j - 1, lo)).flatten();
        }
        // "Mr Houston is alleged to have said that …": the one it is alleged of.
        if !t.cap
            && t.lower == "said"
            && j >= lo + 4
            && self.toks[j - 1].lower == "have"
            && self.toks[j - 2].lower == "to"
            && matches!(
                self.toks[j - 3].lower.as_str(),
                "alleged" | "reported" | "understood" | "believed" | "thought" | "claimed"
            )
            && is_passive(&self.toks[j - 4].lower)
        {
            return self.subject_of(j - 4, lo);
        }
        // A capitalised "Said" starts a sentence or a name, rarely an attribution.
        if t.cap || !is_speech_verb(&t.lower) {
            return None;
        }
        if j > lo && is_passive(&self.toks[j - 1].lower) {
            return None;
        }
        // "Wasp tells the story of a young mum": a story told is no speech.
        if matches!(t.lower.as_str(), "tell" | "tells" | "told" | "telling")
            && self
                .toks
                .get(j + 1)
                .is_some_and(|d| determiner(&d.lower).is_some())
            && self.toks.get(j + 2).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "story" | "stories" | "tale" | "tales" | "truth" | "time"
                )
            })
        {
            return None;
        }
        // "…, said the minister: “…”" reads forwards; "the minister said" backwards.
        let after_break = j == lo || !self.toks[j - 1].word;
        if after_break
            && is_verb_first(&t.lower)
            && let Some((np, _)) = self.speaker_after_verb(j + 1, hi)
        {
            return Some(np);
        }
        self.subject_of(j, lo)
    }
}

/// An attribution read after a mark: the speaker, the token after it, and the verb
/// when one followed the speaker.
pub(super) struct Cue {
    pub(super) np: Np,
    pub(super) end: usize,
    pub(super) verb: Option<&'static str>,
}
