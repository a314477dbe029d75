//! The noun-phrase reader: speakers read backwards from a speech verb or forwards
//! from a closing mark ("Pentagon spokesman Major General Pat Ryder", "the minister",
//! "he"), and what each names — a pronoun, a role or a name.

use std::ops::Range;

use super::lexicon::{
    Gender, collapse, determiner, honorific, is_adverb, is_institution, is_legal_form,
    is_name_particle, is_not_name, is_org_word, is_plural_role, is_speech_verb, is_stop,
    is_surname_title, is_title_word, role_class,
};
use super::window::{Doc, Tok};
use crate::entities::EntityKind;
use crate::entities::gazetteer_kind;
use crate::text::Language;
use crate::text::lexicon::lexicon;
use crate::text::words::strip_possessive;

impl<'b> Doc<'b> {
    /// The quotation in the translated style with no marks: "We estimate …, — said the
    /// minister." Returns where the quotation starts (its paragraph) and the speaker.
    pub(super) fn dash_quote(&self, a: usize, b: usize) -> Option<(usize, Np)> {
        let first = self.toks.partition_point(|t| t.end <= a);
        let para = self.toks.get(first)?.para;
        let para_start = self.toks.iter().position(|t| t.para == para)?;
        let hi = self.toks[first..]
            .iter()
            .position(|t| t.para != para)
            .map_or(self.toks.len(), |n| first + n);
        let after = self.toks.partition_point(|t| t.start < b);
        for j in after..hi {
            let t = &self.toks[j];
            if !t.is("—–-") {
                continue;
            }
            let comma = j > 0 && self.toks[j - 1].is(",");
            if t.is("-") && !comma {
                continue;
            }
            let Some(cue) = self.cue_after(j + 1, hi) else {
                continue;
            };
            // Without the comma, an English aside ("the troops left — officials said
            // they …") looks the same: then the attribution must end the sentence.
            let ends = match self.toks.get(cue.end) {
                None => true,
                Some(t) if cue.end >= hi => t.para != para,
                Some(t) if t.is(".!?") => true,
                Some(t) if !comma => t.is(";"),
                Some(t) => {
                    t.is(",;:)")
                        || matches!(
                            t.lower.as_str(),
                            "on" | "in"
                                | "at"
                                | "during"
                                | "while"
                                | "after"
                                | "before"
                                | "when"
                                | "last"
                                | "yesterday"
                                | "today"
                                | "earlier"
                                | "later"
                        )
                        || cue.verb == Some("told")
                }
            };
            if ends {
                return Some((self.toks[para_start].start, cue.np));
            }
        }
        None
    }

    /// A noun phrase ending at token `end` (exclusive), read backwards from a verb: "the
    /// defence minister", "Pentagon spokesman Major General Pat Ryder", "he".
    pub(super) fn np_back(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        if end <= lo {
            return None;
        }
        let last = &self.toks[end - 1];
        if !last.free_word() {
            return None;
        }
        if pronoun(&last.lower).is_some() {
            return Some(end - 1..end);
        }
        let mut s = end;
        let mut lower_run = 0;
        while s > lo && end - s < 10 {
            let t = &self.toks[s - 1];
            if !t.free_word() || t.para != last.para {
                break;
            }
            if determiner(&t.lower).is_some() {
                s -= 1;
                break;
            }
            // "chairman and chief executive Rick Wagoner".
            if t.lower == "and"
                && s >= lo + 2
                && role_class(&self.toks[s - 2].lower).is_some()
                && s < end
                && !self.toks[s].cap
            {
                s -= 1;
                continue;
            }
            if s >= lo + 2 && self.and_in_org_name(s - 1, end) {
                s -= 1;
                continue;
            }
            // A capitalised "May" or "Will" is a name; sentence starters are caught below.
            if !t.cap
                && (pronoun(&t.lower).is_some() || is_stop(&t.lower) || is_speech_verb(&t.lower))
            {
                break;
            }
            if t.cap {
                if is_not_name(&t.lower) {
                    break;
                }
                lower_run = 0;
            } else if role_class(&t.lower).is_none()
                && !is_institution(&t.lower)
                && !is_title_word(&t.lower)
                && !t.possessive
            {
                lower_run += 1;
                if lower_run > 2 {
                    break;
                }
            }
            s -= 1;
        }
        if s == end {
            return None;
        }
        // "a spokesman for the ministry", "Mr Hirsch from Retail Banking Research": the
        // speaker is before the preposition, the institution after it.
        let prep = &self.toks[s.saturating_sub(1)];
        if s >= lo + 2
            && !prep.cap
            && matches!(prep.lower.as_str(), "for" | "of" | "at" | "from")
            && let Some(left) = self.np_back(s - 1, lo)
        {
            if role_class(&self.toks[s - 2].lower).is_some() {
                return Some(left.start..end);
            }
            let named = self.toks[left.end - 1].cap;
            let honoured = self.toks[left.clone()]
                .iter()
                .any(|t| honorific(&t.lower).is_some());
            // "Bank of England", "the Department for Transport": one name.
            let bare = left.len() - usize::from(determiner(&self.toks[left.start].lower).is_some());
            if named
                && !honoured
                && bare == 1
                && self.toks[s].cap
                && matches!(prep.lower.as_str(), "of" | "for")
            {
                return Some(left.start..end);
            }
            // "Mr Hirsch from Retail Banking Research", "Mr Hirsch of the bank", "King
            // Fahd of Saudi Arabia": a titled person, not a country.
            let titled = left.len() >= 2
                && self.toks[left.start].cap
                && is_title_word(&self.toks[left.start].lower);
            if named && (prep.lower != "of" || honoured || titled) {
                return Some(left);
            }
        }
        // "Kim and Putin said": two speakers are not one. ("…, and Giggs said" and a
        // sentence-initial "And Edu said" are one.)
        if s > lo {
            let before = &self.toks[s - 1];
            let joined = !before.cap
                && matches!(before.lower.as_str(), "and" | "or" | "nor")
                && s >= lo + 2
                && self.toks[s - 2].word;
            if before.is("&") || joined {
                return None;
            }
        }
        Some(s..end)
    }

    /// A noun phrase starting at token `start`, before `hi`: "the minister", "Mr Kim",
    /// "South Korea’s defence minister", "he".
    pub(super) fn np_fwd(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        if start >= hi {
            return None;
        }
        let first = &self.toks[start];
        if !first.free_word() {
            return None;
        }
        if pronoun(&first.lower).is_some() {
            return Some(start..start + 1);
        }
        let mut e = start;
        let mut lower_run = 0;
        while e < hi && e - start < 10 {
            let t = &self.toks[e];
            if !t.free_word() || t.para != first.para {
                break;
            }
            if determiner(&t.lower).is_some() {
                if e == start {
                    e += 1;
                    continue;
                }
                break;
            }
            // "chairman and chief executive Rick Wagoner".
            if t.lower == "and"
                && e > start
                && role_class(&self.toks[e - 1].lower).is_some()
                && self
                    .toks
                    .get(e + 1)
                    .is_some_and(|n| n.free_word() && !n.cap && !is_stop(&n.lower))
            {
                e += 1;
                continue;
            }
            if e > start && self.and_in_org_name(e, hi) {
                e += 1;
                continue;
            }
            // A capitalised "May" or "Will" is a name; sentence starters are caught below.
            if !t.cap
                && (pronoun(&t.lower).is_some() || is_stop(&t.lower) || is_speech_verb(&t.lower))
            {
                break;
            }
            if t.cap {
                if is_not_name(&t.lower) {
                    break;
                }
                lower_run = 0;
            } else if role_class(&t.lower).is_some()
                || is_institution(&t.lower)
                || is_title_word(&t.lower)
                || t.possessive
            {
                lower_run = 0;
            } else if is_adverb(&t.lower) {
                break;
            } else if !is_name_particle(&t.lower) {
                lower_run += 1;
                if lower_run > 2 {
                    break;
                }
            }
            e += 1;
        }
        // End on the head: a name or a role word.
        let read = e;
        while e > start {
            let t = &self.toks[e - 1];
            if (t.cap && !t.possessive)
                || role_class(&t.lower).is_some()
                || is_institution(&t.lower)
            {
                break;
            }
            e -= 1;
        }
        // "the European gold medallist": after a determiner, a capital followed by plain
        // words is an adjective, and the head a word no list knows.
        if e < read && e > start && self.toks[e - 1].cap && determiner(&first.lower).is_some() {
            return None;
        }
        (e > start && !(e == start + 1 && determiner(&first.lower).is_some())).then_some(start..e)
    }

    /// Whether token `at` is the "and" inside an institution's name ("the Finance and
    /// Economy Ministry"): after a capitalised word, before capitalised words (up to
    /// token `hi`) that end in an organisation's word.
    fn and_in_org_name(&self, at: usize, hi: usize) -> bool {
        if at == 0 || at >= hi || self.toks[at].lower != "and" || !self.toks[at - 1].cap {
            return false;
        }
        let run = self.toks[at + 1..hi]
            .iter()
            .take_while(|t| t.free_word() && t.cap)
            .count();
        run > 0 && is_org_word(&self.toks[at + run].lower)
    }

    /// [`Doc::np_fwd`], taking in a following "for the ministry" or "of Acme".
    pub(super) fn np_fwd_pp(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        let r = self.np_fwd(start, hi)?;
        if let Some(prep) = self.toks.get(r.end).filter(|_| r.end < hi)
            && prep.free_word()
            && !prep.cap
            && matches!(prep.lower.as_str(), "of" | "for" | "at" | "from")
            && pronoun(&self.toks[r.start].lower).is_none()
            && let Some(object) = self.np_fwd(r.end + 1, hi)
            && pronoun(&self.toks[object.start].lower).is_none()
            && !self.spoken_of(r.end)
        {
            return Some(r.start..object.end);
        }
        Some(r)
    }

    /// The speaker named after a speech verb, from token `start`, and the token after
    /// it: "said Kim.", "said the minister on Monday", and a role with the name it is
    /// given after a comma ("said EEF chief economist, Steve Radley.").
    pub(super) fn speaker_after_verb(&self, start: usize, hi: usize) -> Option<(Np, usize)> {
        let r = self.np_fwd_pp(start, hi)?;
        let np = self.classify(r.clone())?;
        if let Some((named, end)) = self.role_named(&np, r.end, hi, |e| self.np_closes(e, hi)) {
            return Some((named, end));
        }
        if self.np_closes(r.end, hi) {
            return Some((np, r.end));
        }
        // "said Mervyn Davies at a press conference": the phrase after the name is no
        // employer but where it was said, read only in part.
        let name = self.np_fwd(start, hi).filter(|n| n.end < r.end)?;
        let np = self.classify(name.clone())?;
        self.np_closes(name.end, hi).then_some((np, name.end))
    }

    /// A person's role `np` followed, after the comma at token `comma`, by the name it
    /// is given ("the minister, Michael Howard, said"; "said EEF chief economist, Steve
    /// Radley."): that name, with the role among its titles, and the token after it,
    /// when `closes` accepts that token.
    pub(super) fn role_named(
        &self,
        np: &Np,
        comma: usize,
        hi: usize,
        closes: impl Fn(usize) -> bool,
    ) -> Option<(Np, usize)> {
        let Np::Role {
            class,
            person: true,
            ..
        } = np
        else {
            return None;
        };
        if !(comma < hi && self.toks.get(comma)?.is(",")) {
            return None;
        }
        let named = self.np_fwd_pp(comma + 1, hi).filter(|n| closes(n.end))?;
        let Np::Name {
            written,
            key,
            gender,
            mut roles,
        } = self.classify(named.clone())?
        else {
            return None;
        };
        roles.push(class);
        let np = Np::Name {
            written,
            key,
            gender,
            roles,
        };
        Some((np, named.end))
    }

    /// Does a speaker named after its verb end at token `end`? "said Kim." and "said
    /// Kim on Monday" do; in "said Britain had to act" the name starts a new clause.
    #[rustfmt::skip]
    fn np_closes(&self, end: usize, hi: usize) -> bool {
        let Some(t) = self.toks.get(end).filter(|_| end < hi) else {
            return true;
        };
        if self.spoken_of(end) {
            return true;
        }
        !t.word
            || matches!(t.lower.as_str(),
                "on" | "in" | "at" | "during" | "while" | "after" | "before" | "when" | "as"
                | "last" | "yesterday" | "today" | "earlier" | "later" | "according"
                | "adding" | "who" | "to" | "ahead" | "following"
            )
    }

    /// Whether token `at` is "of" or "about" before a thing's owner, what was spoken
    /// of ("said analyst Gerard Rijk of Inbev's strong results"), not an employer.
    fn spoken_of(&self, at: usize) -> bool {
        self.toks
            .get(at)
            .is_some_and(|t| t.free_word() && !t.cap && matches!(t.lower.as_str(), "of" | "about"))
            && self
                .toks
                .get(at + 1)
                .is_some_and(|t| t.word && t.possessive)
    }

    /// Does the title word at `i` open, with the word after it, an organisation the
    /// gazetteer knows ("General Motors", "General Electric")?
    fn org_opened_by(&self, i: usize) -> bool {
        let Some(next) = self.toks.get(i + 1).filter(|t| t.word && t.cap) else {
            return false;
        };
        let text = collapse(&self.body[self.toks[i].start..next.end]);
        gazetteer_kind(&text) == Some(EntityKind::Org)
    }

    /// Is the title word at `i` really part of a name ("John Major")?
    fn title_at(&self, i: usize, lo: usize) -> bool {
        let t = &self.toks[i];
        if !is_title_word(&t.lower) {
            return false;
        }
        let surname = t.cap
            && is_surname_title(&t.lower)
            && i > lo
            && self.toks[i - 1].cap
            && self.toks[i - 1].word
            && !is_title_word(&self.toks[i - 1].lower)
            && !is_not_name(&self.toks[i - 1].lower);
        !surname
    }

    /// The text of tokens `a..b` as written, on one line; a sentence-initial "The" of a
    /// role lower-cased so "The minister said" and "the minister said" read alike.
    pub(super) fn written(&self, a: usize, b: usize) -> String {
        let text = collapse(&self.body[self.toks[a].start..self.toks[b - 1].end]);
        let first = &self.toks[a];
        if first.cap && determiner(&first.lower).is_some() {
            let mut chars = text.chars();
            return chars.next().map_or(String::new(), |c| {
                c.to_lowercase().chain(chars).collect::<String>()
            });
        }
        text
    }

    /// What the noun phrase `r` names: a pronoun, a role, or a name.
    pub(super) fn classify(&self, r: Range<usize>) -> Option<Np> {
        let (a, b) = (r.start, r.end);
        if a >= b {
            return None;
        }
        let last = &self.toks[b - 1];
        if b - a == 1
            && let Some(np) = pronoun(&last.lower)
        {
            return Some(np);
        }
        // "Peter Ainsworth MP", "John Smith QC": letters after a name.
        if b - a >= 2
            && matches!(
                last.text,
                "MP" | "MEP" | "MSP" | "AM" | "QC" | "KC" | "Jr" | "Jr."
            )
            && self.toks[b - 2].cap
        {
            return self.classify(a..b - 1);
        }
        if last.possessive || !last.word {
            return None;
        }
        // "a BBC statement", "a Downing Street statement": the body whose statement it is.
        if last.lower == "statement" {
            let from = a + usize::from(determiner(&self.toks[a].lower).is_some());
            let body = &self.toks[from..b - 1];
            if body.is_empty() || !body.iter().all(|t| t.cap && t.word && !t.possessive) {
                return None;
            }
            return Some(self.owner_name(b - 2, from));
        }
        // "director of Regular Music", "a spokesman for the ministry": what follows the
        // preposition is where the speaker works; the speaker comes before it. Not in
        // "spokeswoman for women Sandra Gidley", where a name follows plain words.
        if let Some(k) = (a + 1..b).find(|&k| {
            let t = &self.toks[k];
            !t.cap && matches!(t.lower.as_str(), "of" | "for" | "at" | "from")
        }) {
            let mut m = k + 1;
            if m < b && determiner(&self.toks[m].lower).is_some() {
                m += 1;
            }
            // "and" or "&" between capitalised words is inside the employer's name
            // ("Griggs and Santow Inc", "Merrill Lynch and Co").
            let mut plain = false;
            let name_after_plain = (m..b).any(|q| {
                let t = &self.toks[q];
                let joins = matches!(t.lower.as_str(), "and" | "&")
                    && q > m
                    && self.toks[q - 1].cap
                    && self.toks.get(q + 1).is_some_and(|n| q + 1 < b && n.cap);
                plain |= !t.cap && !joins;
                t.cap && plain
            });
            let honoured = self.toks[a..k]
                .iter()
                .any(|t| honorific(&t.lower).is_some());
            // "Bank of England", "Department for Transport"; not "Grant Wilson of Mellon
            // Bank".
            let one_name = matches!(self.toks[k].lower.as_str(), "of" | "for")
                && k == a + 1 + usize::from(determiner(&self.toks[a].lower).is_some())
                && self.toks[k - 1].cap
                && role_class(&self.toks[k - 1].lower).is_none()
                && !honoured
                && self.toks[m..b].iter().all(|t| t.cap);
            // "The chairman of the Environmental Audit Committee Peter Ainsworth": a name
            // after the institution's name.
            // ("Daiwa Securities SMBC" is one name: a person's has two words or more.)
            if let Some(q) = (m..b - 1).rev().find(|&q| is_org_word(&self.toks[q].lower))
                && b - q > 2
                && self.toks[q + 1..b].iter().all(|t| {
                    t.cap && !is_org_word(&t.lower) && t.text.chars().any(char::is_lowercase)
                })
                && let Some(Np::Name {
                    written,
                    key,
                    gender,
                    mut roles,
                }) = self.classify(q + 1..b)
            {
                roles.extend(role_class(&self.toks[k - 1].lower));
                return Some(Np::Name {
                    written,
                    key,
                    gender,
                    roles,
                });
            }
            if !name_after_plain && !one_name {
                if let Some(class) = role_class(&self.toks[k - 1].lower) {
                    return Some(Np::Role {
                        written: self.written(a, b),
                        class,
                        definite: determiner(&self.toks[a].lower).unwrap_or(true),
                        person: true,
                    });
                }
                return self.classify(a..k);
            }
        }
        if let Some(class) = role_class(&last.lower).filter(|_| self.title_at(b - 1, a)) {
            let definite = match determiner(&self.toks[a].lower) {
                Some(definite) => definite,
                // "South Korea’s defence minister": a possessive points at one person.
                None if self.toks[a..b].iter().any(|t| t.possessive) => true,
                // "Officials said" is a group; "Defence Minister said" is one person.
                None => !is_plural_role(&last.lower),
            };
            return Some(Np::Role {
                written: self.written(a, b),
                class,
                definite: definite && !is_plural_role(&last.lower),
                person: true,
            });
        }
        if is_institution(&last.lower) && !last.cap {
            return Some(Np::Role {
                written: self.written(a, b),
                class: "institution",
                definite: false,
                person: false,
            });
        }
        if !last.cap {
            return None;
        }
        // The name: the capitalised words at the end, after any title.
        let mut s = b - 1;
        while s > a {
            let t = &self.toks[s - 1];
            let part = (t.cap && t.word && !t.possessive && !is_not_name(&t.lower))
                || (is_name_particle(&t.lower) && self.toks[s].cap)
                || (s >= a + 2 && self.and_in_org_name(s - 1, b));
            if !part || (self.title_at(s - 1, a) && !self.org_opened_by(s - 1)) {
                break;
            }
            s -= 1;
        }
        if is_not_name(&self.toks[s].lower) {
            return None;
        }
        let hon = (s > a)
            .then(|| honorific(&self.toks[s - 1].lower))
            .flatten();
        // "Mr Kim", "Mr de Vabres": the honorific stays with a lone surname.
        let lone = self.toks[s..b].iter().filter(|t| t.cap).count() == 1;
        let from = if hon.is_some() && lone { s - 1 } else { s };
        let key = self.toks[s..b]
            .iter()
            .map(|t| t.key.as_str())
            .filter(|k| !k.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let roles = self.toks[a..s]
            .iter()
            .filter_map(|t| role_class(&t.lower))
            .collect();
        Some(Np::Name {
            written: self.written(from, b),
            key,
            gender: hon.flatten(),
            roles,
        })
    }

    /// The speaker a speech verb at token `verb` has before it, back to token `lo`:
    /// "Kim said", "he later said", "Kovalenko, head of the centre, added".
    pub(super) fn subject_of(&self, verb: usize, lo: usize) -> Option<Np> {
        let mut k = verb;
        // "McCartney last year described …": a time between the speaker and the verb.
        if k >= lo + 2
            && self.toks[k - 2].lower == "last"
            && matches!(
                self.toks[k - 1].lower.as_str(),
                "year" | "month" | "week" | "night" | "season"
            )
        {
            k -= 2;
        }
        let mut skipped = 0;
        while k > lo && skipped < 2 && self.adverb_at(k - 1) {
            k -= 1;
            skipped += 1;
        }
        // "Dunne is keen … and said: “…”", "Jacobson declined to comment but said": the
        // sentence's subject, past any "But".
        if k > lo
            && matches!(self.toks[k - 1].lower.as_str(), "and" | "but")
            && self.toks[k - 1].free_word()
        {
            let mut first = lo;
            while first < k
                && (self.toks[first].is(",")
                    || (self.toks[first].cap
                        && is_not_name(&self.toks[first].lower)
                        && determiner(&self.toks[first].lower).is_none()
                        && pronoun(&self.toks[first].lower).is_none()))
            {
                first += 1;
            }
            return self.classify(self.np_fwd(first, k - 1)?);
        }
        if k > lo && self.toks[k - 1].is(",") {
            return self.appositive_subject(k - 1, lo);
        }
        // "Lord Bingham - a senior law lord - said": the name before a dashed appositive.
        if k > lo
            && self.toks[k - 1].is("-–—")
            && let Some(dash) = (lo..k - 1)
                .rev()
                .take(20)
                .take_while(|&m| !self.toks[m].is(".!?;") && self.toks[m].unit.is_none())
                .find(|&m| self.toks[m].is("-–—"))
        {
            return self.classify(self.np_back(dash, lo)?);
        }
        // "Mr Livingstone, who says he is …": the name before the relative clause.
        if k >= lo + 2 && self.toks[k - 1].lower == "who" && self.toks[k - 2].is(",") {
            return self.classify(self.np_back(k - 2, lo)?);
        }
        // "Chelsea's statement added": the statement's owner speaks.
        if k >= lo + 2
            && self.toks[k - 1].lower == "statement"
            && self.toks[k - 2].possessive
            && self.toks[k - 2].cap
        {
            return Some(self.owner_name(k - 2, lo));
        }
        let np = self.np_back(k, lo)?;
        let toks = &self.toks;
        // "Marc Ostwald, a strategist at Monument Securities told Reuters": an appositive
        // whose closing comma was forgotten; the name before it speaks.
        if np.start >= lo + 2
            && toks[np.start - 1].is(",")
            && matches!(toks[np.start].lower.as_str(), "a" | "an")
            && let Some(name @ Np::Name { .. }) = self
                .np_back(np.start - 1, lo)
                .and_then(|r| self.classify(r))
        {
            return Some(name);
        }
        // "Charles Andrew, an analyst … of Greenwich, Conn said": a place's state (or
        // country) after its town is no speaker; the subject is before the appositive.
        // The sentence opens with a name and a comma ("Charles Andrew, an analyst").
        let opens_appositive = (lo + 1..np.start)
            .find(|&c| toks[c].is(","))
            .is_some_and(|c| c > lo && toks[lo..c].iter().all(|t| t.word && t.cap));
        // "Daniel McKinley, oil analyst with Smith Barney, Upham Harris and Co said": the
        // end of the firm's name after the speaker's role, a comma inside it.
        if opens_appositive
            && np.start > lo + 1
            && toks[np.start - 1].is(",")
            && is_legal_form(&toks[np.end - 1].lower)
            && toks[lo..np.start]
                .iter()
                .any(|t| !t.cap && role_class(&t.lower).is_some())
            && let Some(name @ Np::Name { .. }) = self.appositive_subject(np.start - 1, lo)
        {
            return Some(name);
        }
        if np.len() == 1
            && opens_appositive
            && toks[np.start].cap
            && np.start >= lo + 3
            && toks[np.start - 1].is(",")
            && toks[np.start - 2].word
            && toks[np.start - 2].cap
            && matches!(
                toks[np.start - 3].lower.as_str(),
                "of" | "in" | "at" | "from" | "near"
            )
        {
            return self.appositive_subject(np.start - 1, lo);
        }
        self.classify(np)
    }

    /// The capitalised name ending in the possessive word at `end` ("Chelsea's",
    /// "Marsh & McLennan's"), back to token `lo`, without its "'s".
    pub(super) fn owner_name(&self, end: usize, lo: usize) -> Np {
        let mut a = end;
        while a > lo
            && self.toks[a - 1].cap
            && self.toks[a - 1].word
            && !is_not_name(&self.toks[a - 1].lower)
        {
            a -= 1;
        }
        let written = self.toks[a..=end]
            .iter()
            .map(|t| strip_possessive(t.text))
            .collect::<Vec<_>>()
            .join(" ");
        let key = self.toks[a..=end]
            .iter()
            .map(|t| t.key.as_str())
            .filter(|k| !k.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Np::Name {
            written,
            key,
            gender: None,
            roles: Vec::new(),
        }
    }

    /// The speaker before appositives ending at the comma `comma`: "Kovalenko, head of
    /// the centre, added", "Hans Reckers, a board member of the central bank, the
    /// Bundesbank, said", "The Shadow Secretary of State, Theresa May, said".
    fn appositive_subject(&self, comma: usize, lo: usize) -> Option<Np> {
        let commas: Vec<usize> = (lo..comma)
            .rev()
            .take(30)
            .take_while(|&m| !self.toks[m].is(".!?;") && self.toks[m].unit.is_none())
            .filter(|&m| self.toks[m].is(","))
            .take(3)
            .collect();
        let Some(&nearest) = commas.first() else {
            // "Peter Ainsworth MP, said": a stray comma.
            return self.classify(self.np_back(comma, lo)?);
        };
        let roles_in = |from: usize, to: usize| -> Vec<&'static str> {
            self.toks[from..to]
                .iter()
                .filter_map(|t| role_class(&t.lower))
                .take(1)
                .collect()
        };
        // A name, with the role the appositive from token `from` to `to` gives it.
        let with_roles = |np: Option<Np>, from: usize, to: usize| {
            let mut np = np?;
            let Np::Name { roles, .. } = &mut np else {
                return None;
            };
            roles.extend(roles_in(from, to));
            Some(np)
        };
        // The nearest appositive is itself a bare name: the title came before it. ("Moya,
        // nicknamed Charly, admitted" is no bare name.)
        // ("The Bishop of Durham, the Rt Rev Dr Tom Wright, described": a "the" before
        // the titles of the name.)
        let mut first = nearest + 1;
        if first + 1 < comma
            && self.toks[first].lower == "the"
            && is_title_word(&self.toks[first + 1].lower)
        {
            first += 1;
        }
        if let Some(inner) = self.np_back(comma, first)
            && inner.start == first
            && self.toks[inner.clone()]
                .iter()
                .all(|t| t.cap || is_name_particle(&t.lower))
            && determiner(&self.toks[inner.start].lower).is_none()
            && let Some(np) = with_roles(self.classify(inner), lo, nearest)
        {
            return Some(np);
        }
        // "Bumpei Otsuki, president of the Japan Federation of Employers' Associations,
        // (Nikkeiren), told": the name that opens the sentence, before its appositives.
        let opening = self.after_dateline(lo, comma);
        // ("Goldman, Sachs and Co, responding to …, said": a comma inside a company's
        // name is left alone.)
        let inside_a_name = |c: usize| {
            let run: Vec<&Tok<'_>> = self.toks[c + 1..comma]
                .iter()
                .take_while(|t| t.word && (t.cap || matches!(t.lower.as_str(), "and" | "&")))
                .collect();
            run.last().is_some_and(|t| is_legal_form(&t.lower))
        };
        if let Some(&farthest) = commas.iter().rev().find(|&&c| c > opening)
            && !inside_a_name(farthest)
            && let Some(r) = self.np_back(farthest, opening)
            && r.start == opening
            && let Some(np) = with_roles(self.classify(r), farthest + 1, comma)
        {
            return Some(np);
        }
        // Otherwise the first name found before an appositive.
        for &c in &commas {
            let np = self.np_back(c, lo).and_then(|r| self.classify(r));
            if let Some(np) = with_roles(np, c + 1, comma) {
                return Some(np);
            }
        }
        None
    }
}

/// What "he", "she", "it", "they" say about the speaker.
pub(super) fn pronoun(w: &str) -> Option<Np> {
    match lexicon(Language::default()).pronoun(w)? {
        Some(gender) => Some(Np::Pronoun(gender)),
        None if w == "it" => Some(Np::It),
        None => Some(Np::NonPerson),
    }
}

/// A speaker as the text names it.
#[derive(Debug, Clone)]
pub(super) enum Np {
    /// "he", "she".
    Pronoun(Gender),
    /// "it", "they", "we": no one person.
    NonPerson,
    /// "it": no person, but an organisation that has just spoken ("Acme said …. It
    /// said …").
    It,
    /// "Kim Yong-hyun", "Mr Kim", "Pat Ryder", "Reuters".
    Name {
        /// As written, an honorific kept before a single name ("Mr Kim").
        written: String,
        /// Folded, without titles or honorific.
        key: String,
        gender: Option<Gender>,
        /// Role classes of the titles written with it ("minister").
        roles: Vec<&'static str>,
    },
    /// "the minister", "an official", "the ministry".
    Role {
        written: String,
        class: &'static str,
        /// Points back at someone ("the minister", "South Korea's defence minister"),
        /// rather than introducing someone ("an official", "officials").
        definite: bool,
        /// A person's role, not an institution.
        person: bool,
    },
}
