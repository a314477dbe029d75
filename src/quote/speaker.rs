//! Who said a quoted passage. `search quote "…"` finds where words appear in an article;
//! [`attribute`] says whether the matched span sits inside a quotation and, if so, who the
//! text says spoke it, resolved to one of the article's known people where it can be.
//!
//! It reads a window of the body around the span — the span's paragraph and the three
//! before it (further back only while a quotation runs on across paragraphs), at most
//! [`MAX_BACK`] bytes back — never the whole body, so a call costs time linear in that
//! window. Paragraphs are lines. Within the window it:
//!
//! 1. finds quotations: “…” "…" «…» „…“ ‘…’ '…' (’ and ' between letters are
//!    apostrophes; an unclosed single mark is dropped as one), nested ones inside the
//!    outermost, the news convention of a quotation running on across paragraphs — or,
//!    where paragraphs were flattened into one line as in the BBC files, across sentences
//!    (`… 26 weeks. "We are going …`) — with no closing mark until the last, and the
//!    translated style with no marks that ends "…, — said the minister." (the dash needs
//!    a comma before it, or the attribution must end the sentence);
//! 2. reads the attribution: first right after the closing mark (`,” he said`, `,” said
//!    Kim`, `,” the official added`, `”, according to Kim`, `,” Pat Ryder, the Pentagon's
//!    spokesman, said`), then before the opening mark in the same sentence (`Kim said:
//!    “…”`, `Mr Kim said reports were “…”`, `According to Kim, “…”`, `…, adding: “…”`,
//!    `Kim … and said: “…”`, a bare `Brentford boss Martin Allen: “…”`); a quotation that
//!    is a sentence of its own with neither takes the speaker of the sentence before it
//!    (`Mr Kim said …. “We assess …”`), unless words it cannot read follow its closing
//!    mark;
//! 3. reads the speaker's noun phrase: titles and ranks are stripped from names ("Defence
//!    Minister Kim Yong-hyun" → "Kim Yong-hyun", "Peter Ainsworth MP" → "Peter
//!    Ainsworth"), an honorific kept with a lone surname ("Mr Kim"), an employer after
//!    "of"/"from"/"at" dropped ("Grant Wilson of Mellon Bank"), organisations kept whole
//!    ("Bank of England");
//! 4. resolves it against the people the article mentions: a full name or alias is that
//!    person; a single name ("Kim", "Mr Kim") the one person whose name starts or ends
//!    with it, or among several the one mentioned most recently in the window, otherwise
//!    left as written; "he"/"she" the most recent person in the window (the subject of the
//!    latest sentence naming anyone, its speakers first; honorifics rule out the wrong
//!    gender); "the minister" the most recent person the window gives that title, else the
//!    most recent speaker whose known titles do not contradict it, else "the minister" as
//!    written. Speakers found earlier in the window count as mentions, so "the minister
//!    warned …" resolved once carries to "the official added" after it. "An official",
//!    "officials", "the ministry" and names not among the people are returned as written,
//!    never resolved; "it", "they" are nobody.
//!
//! What it never does: pick between two people on a shared surname without a recent
//! mention, look at the paragraph after a closed quotation, or name a speaker for a span
//! outside quotations.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;

use crate::entities::{key_of, strip_possessive};

/// A person the article is known to mention (from entity extraction): canonical name
/// plus the other spellings the article may use.
#[derive(Debug, Clone, Copy)]
pub struct Person<'a> {
    /// The canonical name, returned as the speaker when the text names this person.
    pub name: &'a str,
    /// Other spellings and short forms ("Kim Jong-un" for "Kim Jong Un", "Putin").
    pub aliases: &'a [&'a str],
}

/// Whether a span is quoted, and who the text says said it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The span's words lie inside one quotation (marks around them, or the
    /// "…, — said X." style).
    pub quoted: bool,
    /// Who said it: a person's canonical name when `resolved`, otherwise the words the
    /// text uses ("Mr Kim" when two Kims could be meant, "the official" when nobody in the
    /// window is one, "Reuters"). `None` when the span is not quoted, the text names no
    /// speaker, or names one only by a pronoun that points at nobody ("he" with no person
    /// before it, "it", "they"). Never empty.
    pub speaker: Option<String>,
    /// `speaker` is one of the `people` passed in, under its canonical name.
    pub resolved: bool,
}

/// Who said the words of `body[span]`: whether they are inside a quotation and, if so,
/// the speaker named around it, resolved to one of `people` where the text allows.
///
/// `span` is a byte range of the matched words; it may be a fragment of a longer
/// quotation and may include or leave out the quotation marks. A span that is reversed,
/// out of range, not on character boundaries or without any letter or digit is read as
/// unquoted. A span whose words run past a closing mark into the narration is unquoted
/// too: the words as matched were not said by anyone.
pub fn attribute(body: &str, span: Range<usize>, people: &[Person<'_>]) -> Attribution {
    let Some((a, b)) = words_of(body, &span) else {
        return Attribution::default();
    };
    let doc = Doc::read(body, a, b);
    let target = if let Some(u) = doc
        .units
        .iter()
        .position(|u| u.inner.start <= a && b <= u.inner.end)
    {
        Target::Unit(u)
    } else if doc
        .units
        .iter()
        .any(|u| a < u.inner.end && u.inner.start < b)
    {
        return Attribution::default();
    } else if let Some((limit, np)) = doc.dash_quote(a, b) {
        Target::Dash(limit, np)
    } else {
        return Attribution::default();
    };
    let mut talk = Discourse::new(&doc, people);
    let who = talk.run(target);
    let (speaker, resolved) = match who {
        Who::Person(p) => (Some(people[p].name.trim().to_owned()), true),
        Who::Named(text) => (Some(text), false),
        Who::Nobody => (None, false),
    };
    // A speaker is shown to a reader: never an empty or letterless string.
    let speaker = speaker.filter(|s| s.chars().any(char::is_alphanumeric));
    Attribution {
        quoted: true,
        resolved: resolved && speaker.is_some(),
        speaker,
    }
}

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

/// The first and last letter or digit of the span, as a byte range; `None` when the span
/// is unusable.
fn words_of(body: &str, span: &Range<usize>) -> Option<(usize, usize)> {
    if span.start > span.end
        || span.end > body.len()
        || !body.is_char_boundary(span.start)
        || !body.is_char_boundary(span.end)
    {
        return None;
    }
    let text = &body[span.clone()];
    let first = text.char_indices().find(|(_, c)| c.is_alphanumeric())?.0;
    let (last, c) = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())?;
    Some((span.start + first, span.start + last + c.len_utf8()))
}

// ---------------------------------------------------------------------------------------
// Word lists. Speech verbs follow `entities::rules::SPEECH_VERBS` less its opinion verbs
// ("believes", "thinks": they report a view, not words) plus the reporting verbs news
// uses before or after a quotation.

/// Is `w` (lower case) a verb that reports words said?
#[rustfmt::skip]
fn is_speech_verb(w: &str) -> bool {
    matches!(w,
        "said" | "says" | "say" | "told" | "tells" | "added" | "adds" | "stated" | "wrote"
        | "writes" | "announced" | "explained" | "noted" | "warned" | "warns" | "claimed"
        | "claims" | "argued" | "insisted" | "confirmed" | "denied" | "stressed" | "urged"
        | "asked" | "asks" | "declared" | "continued" | "acknowledged" | "admitted"
        | "replied" | "suggested" | "recalled" | "emphasised" | "emphasized" | "commented"
        | "remarked" | "concluded" | "tweeted" | "revealed" | "explains" | "notes" | "insists"
        | "argues" | "recalls" | "admits" | "reveals" | "stresses" | "replies"
    )
}

/// Speech verbs as participles after a comma ("…, adding: “…”").
#[rustfmt::skip]
fn is_participle(w: &str) -> bool {
    matches!(w,
        "adding" | "saying" | "explaining" | "insisting" | "warning" | "noting" | "telling"
        | "arguing" | "stressing" | "declaring" | "writing" | "asking" | "replying"
    )
}

/// Speech verbs that may come before their speaker ("said the minister"); "told the
/// minister" names the listener, not the speaker.
#[rustfmt::skip]
fn is_verb_first(w: &str) -> bool {
    matches!(w,
        "said" | "says" | "added" | "adds" | "asked" | "asks" | "wrote" | "writes"
        | "explained" | "noted" | "continued" | "replied" | "stated" | "declared"
        | "insisted" | "warned" | "stressed" | "argued" | "recalled" | "concluded"
        | "remarked" | "commented" | "emphasised" | "emphasized" | "tweeted" | "explains"
        | "notes" | "insists" | "argues" | "recalls" | "replies"
    )
}

/// Words between a speaker and the verb ("he later said", "Putin has insisted").
#[rustfmt::skip]
fn is_adverb(w: &str) -> bool {
    matches!(w,
        "also" | "later" | "then" | "previously" | "earlier" | "further" | "again" | "once"
        | "recently" | "has" | "had" | "have" | "just" | "only" | "even" | "still"
        | "never" | "always" | "often"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// Words before a speech verb that make it passive ("was said to be").
fn is_passive(w: &str) -> bool {
    matches!(w, "was" | "were" | "is" | "are" | "be" | "been" | "being")
}

/// Words that end a noun phrase: prepositions, conjunctions, auxiliaries.
#[rustfmt::skip]
fn is_stop(w: &str) -> bool {
    matches!(w,
        "in" | "on" | "at" | "of" | "for" | "to" | "from" | "with" | "by" | "about"
        | "after" | "before" | "during" | "since" | "into" | "over" | "under" | "near"
        | "against" | "between" | "among" | "amid" | "without" | "within" | "through"
        | "across" | "despite" | "and" | "or" | "nor" | "but" | "while" | "whereas"
        | "because" | "although" | "though" | "if" | "when" | "as" | "than" | "that"
        | "which" | "who" | "whom" | "whose" | "where" | "so" | "is" | "was" | "were"
        | "are" | "be" | "been" | "being" | "has" | "had" | "have" | "do" | "does" | "did"
        | "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must" | "not"
        | "no" | "there" | "here" | "this" | "these" | "those" | "what" | "how" | "why"
        | "according" | "yesterday" | "today" | "tonight" | "tomorrow" | "last" | "next"
    )
}

/// Determiners that open a noun phrase, and whether they point back at someone already
/// named ("the minister") rather than introduce someone new ("a minister").
fn determiner(w: &str) -> Option<bool> {
    match w {
        "the" | "his" | "her" | "its" | "their" | "our" => Some(true),
        "a" | "an" | "one" | "another" | "some" => Some(false),
        _ => None,
    }
}

/// A person's grammatical gender, as far as pronouns and honorifics tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Honorifics before a name, with the gender they imply.
fn honorific(w: &str) -> Option<Option<Gender>> {
    match w {
        "mr" | "sir" | "lord" => Some(Some(Gender::Male)),
        "mrs" | "ms" | "miss" | "lady" | "dame" | "madam" => Some(Some(Gender::Female)),
        "dr" | "prof" | "mx" | "rev" => Some(None),
        _ => None,
    }
}

/// What a person's role word says about them, as a class that lets "the president" match
/// someone called "leader". `None` for words that are no role.
fn role_class(w: &str) -> Option<&'static str> {
    role_class_of(w).or_else(|| role_class_of(w.strip_suffix('s')?))
}

/// [`role_class`] for the word as written.
fn role_class_of(w: &str) -> Option<&'static str> {
    let class = match w {
        "minister" | "ministers" | "secretary" | "secretaries" => "minister",
        "spokesman" | "spokesmen" | "spokeswoman" | "spokeswomen" | "spokesperson" => {
            "spokesperson"
        }
        "president" | "presidents" | "leader" | "leaders" | "premier" | "dictator" | "ruler"
        | "king" | "queen" | "monarch" => "leader",
        "general" | "generals" | "commander" | "commanders" | "colonel" | "admiral" | "marshal"
        | "lieutenant" | "brigadier" | "sergeant" | "officer" | "officers" => "commander",
        "chairman" | "chairwoman" | "chair" | "chief" | "chiefs" | "head" | "director"
        | "directors" | "executive" | "executives" | "ceo" | "boss" | "founder" | "owner" => "head",
        "manager" | "coach" | "captain" | "skipper" => "manager",
        // "The official", "a source": anyone who speaks for an institution.
        "official" | "officials" | "source" | "sources" | "aide" | "aides" => "official",
        "adviser" | "advisers" | "advisor" | "advisors" => "adviser",
        "ambassador" | "envoy" | "diplomat" | "diplomats" | "negotiator" => "diplomat",
        "analyst" | "analysts" | "economist" | "economists" | "expert" | "experts"
        | "researcher" | "researchers" | "scientist" | "scientists" | "professor"
        | "strategist" | "trader" | "traders" | "dealer" | "dealers" | "broker" | "brokers"
        | "investor" | "investors" => "expert",
        "governor" | "mayor" | "senator" | "lawmaker" | "lawmakers" | "mp" | "mps"
        | "congressman" | "congresswoman" | "politician" | "chancellor" | "candidate" => {
            "politician"
        }
        "judge" | "prosecutor" | "prosecutors" | "lawyer" | "lawyers" | "attorney" => "lawyer",
        "player" | "striker" | "midfielder" | "defender" | "goalkeeper" | "star" | "singer"
        | "actor" | "actress" | "champion" | "artist" | "musician" | "presenter" => "performer",
        "doctor" | "doctors" | "surgeon" | "nurse" => "doctor",
        "author" | "writer" | "editor" | "reporter" | "correspondent" | "journalist"
        | "columnist" | "reviewer" | "critic" | "critics" | "commentator" => "writer",
        "witness" | "witnesses" | "resident" | "residents" | "survivor" | "victim"
        | "campaigner" | "campaigners" | "activist" | "activists" | "organiser" | "organizer"
        | "organisers" | "organizers" | "protester" | "protesters" | "soldier" | "soldiers"
        | "fan" | "fans" | "farmer" | "farmers" | "worker" | "workers" | "teacher" | "student"
        | "students" | "parent" | "parents" | "mother" | "father" => "witness",
        _ => return None,
    };
    Some(class)
}

/// Role words in the plural ("officials said"): a group, never one resolvable person.
fn is_plural_role(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss")) || w.ends_with("men")
}

/// Institutions that speak ("the ministry said"): a speaker, never a person.
#[rustfmt::skip]
fn is_institution(w: &str) -> bool {
    matches!(w,
        "ministry" | "government" | "company" | "firm" | "agency" | "army" | "military"
        | "police" | "bank" | "union" | "group" | "council" | "committee" | "department"
        | "office" | "commission" | "court" | "party" | "club" | "embassy" | "kremlin"
        | "cabinet" | "administration" | "team" | "board" | "authority" | "authorities"
        | "regulator" | "watchdog" | "organisation" | "organization" | "newspaper"
        | "magazine" | "paper" | "broadcaster" | "website" | "network" | "station" | "channel"
        | "studio"
    )
}

/// Words that end organisations' names ("… Management Centre", "… Trust"), as in
/// `entities::rules::ORG_SUFFIXES`: no person's name follows one inside a name.
#[rustfmt::skip]
fn is_org_word(w: &str) -> bool {
    is_institution(w)
        || matches!(w,
            "centre" | "center" | "university" | "institute" | "college" | "school"
            | "association" | "federation" | "foundation" | "trust" | "society" | "bureau"
            | "hospital" | "museum" | "academy" | "partners" | "capital" | "corporation"
            | "corp" | "inc" | "ltd" | "plc" | "co" | "holdings" | "industries" | "systems"
            | "services" | "service" | "securities" | "fund" | "forces" | "command" | "force"
        )
}

/// Titles and ranks before a name ("Defence Minister Kim", "Major General Pat Ryder").
#[rustfmt::skip]
fn is_title_word(w: &str) -> bool {
    honorific(w).is_some()
        || role_class(w).is_some()
        || matches!(w,
            "gen" | "maj" | "major" | "col" | "lt" | "capt" | "sgt" | "adm" | "brig"
            | "cmdr" | "cpl" | "corporal" | "private" | "gov" | "sen" | "rep"
            | "representative" | "prime" | "deputy" | "vice" | "acting" | "former" | "pope"
            | "cardinal" | "bishop" | "archbishop" | "rabbi" | "imam" | "sheikh"
            | "ayatollah" | "prince" | "princess" | "duke" | "duchess" | "earl" | "baron"
            | "baroness" | "justice" | "dean"
        )
}

/// Titles that are also surnames ("John Major", "Stephen King"): after a given name they
/// are part of the name.
#[rustfmt::skip]
fn is_surname_title(w: &str) -> bool {
    matches!(w,
        "major" | "king" | "bishop" | "judge" | "prince" | "marshal" | "mayor" | "cardinal"
        | "earl" | "duke" | "dean" | "chancellor"
    )
}

/// Capitalised words that start sentences without naming anyone (as in
/// `entities::rules::NOT_NAMES`).
#[rustfmt::skip]
fn is_not_name(w: &str) -> bool {
    matches!(w,
        "a" | "about" | "according" | "after" | "also" | "although" | "an" | "and"
        | "another" | "any" | "as" | "at" | "because" | "before" | "both" | "but" | "by"
        | "during" | "each" | "earlier" | "even" | "every" | "for" | "from" | "he" | "her"
        | "here" | "his" | "however" | "i" | "if" | "in" | "it" | "its" | "last" | "later"
        | "many" | "meanwhile" | "more" | "most" | "my" | "no" | "not" | "now" | "of"
        | "on" | "one" | "only" | "or" | "other" | "our" | "over" | "she" | "since" | "so"
        | "some" | "such" | "that" | "the" | "their" | "then" | "there" | "these" | "they"
        | "this" | "those" | "though" | "to" | "today" | "under" | "until" | "we" | "what"
        | "when" | "where" | "which" | "while" | "who" | "why" | "with" | "yet" | "you"
        | "yesterday" | "speaking" | "share" | "monday" | "tuesday" | "wednesday"
        | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Lower-case particles inside names ("Charles de Gaulle", "Ursula von der Leyen",
/// "Bank of England", "Department for Transport").
#[rustfmt::skip]
fn is_name_particle(w: &str) -> bool {
    matches!(w,
        "of" | "for" | "de" | "van" | "von" | "der" | "den" | "bin" | "al" | "da" | "di"
        | "la" | "le" | "du" | "del" | "ibn" | "dos"
    )
}

/// Words whose full stop is no sentence end ("Mr.", "Gen.", "Jan.").
#[rustfmt::skip]
fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    let mut chars = word.chars();
    let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_capital
        || word.contains('.')
        || honorific(&lower).is_some()
        || matches!(
            lower.as_str(),
            "st" | "gen" | "lt" | "col" | "maj" | "sgt" | "capt" | "adm" | "brig" | "cmdr"
            | "gov" | "sen" | "rep" | "jr" | "sr" | "no" | "vs" | "inc" | "corp" | "co"
            | "ltd" | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep"
            | "sept" | "oct" | "nov" | "dec"
        )
}

/// `text` with runs of whitespace as single spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------
// Quotation marks.

/// Double marks (“ ” " „ « ») or single ones (‘ ’ ').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// An opening mark still waiting for its closing one.
#[derive(Debug, Clone, Copy)]
struct Open {
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
struct Unit {
    /// Byte offset of the first opening mark.
    open: usize,
    /// The quoted words, marks of the news convention in between included.
    inner: Range<usize>,
    /// The closing mark, if the text has one.
    close: Option<Range<usize>>,
}

/// What a mark does where it stands.
#[derive(Debug, Clone, Copy)]
enum MarkAction {
    Open(Family, bool),
    Close(Family),
}

/// Finds quotations paragraph by paragraph.
#[derive(Default)]
struct Scanner {
    stack: Vec<Open>,
    units: Vec<Unit>,
    /// A quotation left open at the end of a paragraph whose next paragraph opens with
    /// the same kind of mark: it runs on.
    carried: Option<Open>,
}

fn is_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '„' | '«' | '»' | '‘' | '’' | '\'')
}

/// Does `c`, first in a paragraph, continue a quotation of `family`?
fn opens(c: char, family: Family) -> bool {
    match family {
        Family::Double => matches!(c, '“' | '"' | '„' | '«'),
        Family::Single => matches!(c, '‘' | '\''),
    }
}

impl Scanner {
    fn paragraph(&mut self, body: &str, para: Range<usize>, next_first: Option<char>) {
        let text = &body[para.clone()];
        let mut chars = text.char_indices().peekable();
        let mut prev: Option<char> = None;
        // The last character before this one that is not a space: a sentence end before
        // an opening mark means the quotation runs on.
        let mut solid: Option<char> = None;
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
                self.apply(action, para.start + i, c.len_utf8(), solid);
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

    fn apply(&mut self, action: MarkAction, pos: usize, len: usize, solid: Option<char>) {
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
                    // Otherwise the open quotation lost its closing mark: it ends here.
                    self.stack.pop();
                    if self.stack.is_empty() && (family == Family::Double || top.continued) {
                        self.units.push(Unit {
                            open: top.unit_open,
                            inner: top.inner_start..pos,
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
    fn finish(mut self, end: usize) -> Vec<Unit> {
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

// ---------------------------------------------------------------------------------------
// The window: paragraphs, quotations, tokens, sentences.

/// A word or a punctuation character of the window.
#[derive(Debug)]
struct Tok<'b> {
    start: usize,
    end: usize,
    /// As written: a word with its inner hyphens and apostrophes and an abbreviation's
    /// full stop; or one punctuation character.
    text: &'b str,
    /// Lower case, without possessive ending or abbreviation dot.
    lower: String,
    /// Folded for name matching ("yong hyun" for "Yong-hyun").
    key: String,
    word: bool,
    cap: bool,
    possessive: bool,
    para: u32,
    /// Inside the words of this quotation.
    unit: Option<u32>,
    /// The opening mark of a quotation.
    opens: bool,
    sent: u32,
}

impl Tok<'_> {
    fn is(&self, chars: &str) -> bool {
        !self.word && self.text.chars().next().is_some_and(|c| chars.contains(c))
    }
    /// A word outside every quotation.
    fn free_word(&self) -> bool {
        self.word && self.unit.is_none()
    }
}

/// The window around a span, read once.
struct Doc<'b> {
    body: &'b str,
    units: Vec<Unit>,
    /// Each unit's opening and closing mark tokens.
    marks: Vec<(Option<usize>, Option<usize>)>,
    toks: Vec<Tok<'b>>,
    /// Token ranges of the sentences, in order.
    sentences: Vec<Range<usize>>,
}

/// The largest char boundary at or before `at`.
fn floor_char(body: &str, at: usize) -> usize {
    let mut at = at.min(body.len());
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The start of the line holding `pos`, no earlier than `floor`.
fn line_start(body: &str, floor: usize, pos: usize) -> usize {
    body[floor..pos]
        .rfind('\n')
        .map_or(floor, |i| floor + i + 1)
}

/// `range` without leading and trailing whitespace.
fn trim(body: &str, range: Range<usize>) -> Range<usize> {
    let text = &body[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.start + text.trim_end().len();
    start..end.max(start)
}

/// Where a sentence starts after `from` (before `to`), to begin a window that the byte
/// limit cut inside a paragraph.
fn sentence_after(body: &str, from: usize, to: usize) -> usize {
    let text = &body[from..to];
    let mut prev_end = false;
    for (i, c) in text.char_indices() {
        if prev_end && c.is_whitespace() {
            return from + i;
        }
        prev_end = matches!(c, '.' | '!' | '?');
    }
    from
}

/// The paragraph (a non-blank line) after the one ending at `end`.
fn next_paragraph(body: &str, end: usize, limit: usize) -> Option<Range<usize>> {
    let limit = floor_char(body, limit);
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
    fn read(body: &'b str, a: usize, b: usize) -> Doc<'b> {
        let floor = floor_char(body, a.saturating_sub(MAX_BACK));
        let mut first_start = line_start(body, floor, a);
        if first_start == floor && floor > 0 && !body[..floor].ends_with('\n') {
            first_start = sentence_after(body, floor, a);
        }
        let cap = floor_char(body, b.saturating_add(MAX_FORWARD));
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
        let mut toks = tokenize(body, &paras);
        let marks = mark_units(&mut toks, &units);
        let sentences = split_sentences(body, &mut toks, &units, &marks);
        Doc {
            body,
            units,
            marks,
            toks,
            sentences,
        }
    }

    /// The quotation in the translated style with no marks: "We estimate …, — said the
    /// minister." Returns where the quotation starts (its paragraph) and the speaker.
    fn dash_quote(&self, a: usize, b: usize) -> Option<(usize, Np)> {
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
    fn np_back(&self, end: usize, lo: usize) -> Option<Range<usize>> {
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
            // "Mr Hirsch from Retail Banking Research", "Mr Hirsch of the bank".
            if named && (prep.lower != "of" || honoured) {
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
    fn np_fwd(&self, start: usize, hi: usize) -> Option<Range<usize>> {
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

    /// [`Doc::np_fwd`], taking in a following "for the ministry" or "of Acme".
    fn np_fwd_pp(&self, start: usize, hi: usize) -> Option<Range<usize>> {
        let r = self.np_fwd(start, hi)?;
        if let Some(prep) = self.toks.get(r.end).filter(|_| r.end < hi)
            && prep.free_word()
            && !prep.cap
            && matches!(prep.lower.as_str(), "of" | "for" | "at" | "from")
            && pronoun(&self.toks[r.start].lower).is_none()
            && let Some(object) = self.np_fwd(r.end + 1, hi)
            && pronoun(&self.toks[object.start].lower).is_none()
        {
            return Some(r.start..object.end);
        }
        Some(r)
    }

    /// Does a speaker named after its verb end at token `end`? "said Kim." and "said
    /// Kim on Monday" do; in "said Britain had to act" the name starts a new clause.
    #[rustfmt::skip]
    fn np_closes(&self, end: usize, hi: usize) -> bool {
        let Some(t) = self.toks.get(end).filter(|_| end < hi) else {
            return true;
        };
        !t.word
            || matches!(t.lower.as_str(),
                "on" | "in" | "at" | "during" | "while" | "after" | "before" | "when" | "as"
                | "last" | "yesterday" | "today" | "earlier" | "later" | "according"
                | "adding" | "who" | "to"
            )
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
    fn written(&self, a: usize, b: usize) -> String {
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
    fn classify(&self, r: Range<usize>) -> Option<Np> {
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
            let mut plain = false;
            let name_after_plain = self.toks[m..b].iter().any(|t| {
                plain |= !t.cap;
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
                || (is_name_particle(&t.lower) && self.toks[s].cap);
            if !part || self.title_at(s - 1, a) {
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
    fn subject_of(&self, verb: usize, lo: usize) -> Option<Np> {
        let mut k = verb;
        let mut skipped = 0;
        while k > lo
            && skipped < 2
            && self.toks[k - 1].free_word()
            && is_adverb(&self.toks[k - 1].lower)
        {
            k -= 1;
            skipped += 1;
        }
        // "Dunne is keen … and said: “…”": the sentence's subject, past any "But".
        if k > lo && self.toks[k - 1].lower == "and" && self.toks[k - 1].free_word() {
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
        self.classify(self.np_back(k, lo)?)
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
        // The nearest appositive is itself a bare name: the title came before it. ("Moya,
        // nicknamed Charly, admitted" is no bare name.)
        if let Some(inner) = self.np_back(comma, nearest + 1)
            && inner.start == nearest + 1
            && self.toks[inner.clone()]
                .iter()
                .all(|t| t.cap || is_name_particle(&t.lower))
            && determiner(&self.toks[inner.start].lower).is_none()
            && let Some(Np::Name {
                written,
                key,
                gender,
                mut roles,
            }) = self.classify(inner)
        {
            roles.extend(roles_in(lo, nearest));
            return Some(Np::Name {
                written,
                key,
                gender,
                roles,
            });
        }
        // Otherwise the first name found before an appositive.
        for &c in &commas {
            if let Some(Np::Name {
                written,
                key,
                gender,
                mut roles,
            }) = self.np_back(c, lo).and_then(|r| self.classify(r))
            {
                roles.extend(roles_in(c + 1, comma));
                return Some(Np::Name {
                    written,
                    key,
                    gender,
                    roles,
                });
            }
        }
        None
    }

    /// The attribution that follows a closing mark or a dash, from token `from` to the
    /// sentence end `hi`: "he said", "said Kim", "the official added", "according to
    /// Kim", "Mr Kim, the minister, told reporters".
    fn cue_after(&self, from: usize, hi: usize) -> Option<Cue> {
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
        if is_speech_verb(&t.lower) {
            if !is_verb_first(&t.lower) {
                return None;
            }
            let r = self
                .np_fwd_pp(i + 1, hi)
                .filter(|r| self.np_closes(r.end, hi))?;
            let end = r.end;
            return Some(Cue {
                np: self.classify(r)?,
                end,
                verb: None,
            });
        }
        let starts_np = t.cap
            || pronoun(&t.lower).is_some()
            || determiner(&t.lower).is_some()
            || role_class(&t.lower).is_some();
        if !starts_np {
            return None;
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
            let close = within
                .iter()
                .copied()
                .find(|&m| self.toks[m].is(","))
                .map(|m| m + 1)
                .or_else(|| {
                    within.iter().copied().take(8).find(|&m| {
                        self.toks[m].free_word()
                            && !self.toks[m].cap
                            && is_speech_verb(&self.toks[m].lower)
                    })
                })?;
            let role = self.toks[j + 1..close]
                .iter()
                .find_map(|t| role_class(&t.lower));
            if let Np::Name { roles, .. } = &mut np {
                roles.extend(role);
            }
            j = close;
        }
        let mut skipped = 0;
        while j < hi && skipped < 2 && self.toks[j].free_word() && is_adverb(&self.toks[j].lower) {
            j += 1;
            skipped += 1;
        }
        let verb = self.toks.get(j).filter(|_| j < hi)?;
        if !verb.free_word() || !is_speech_verb(&verb.lower) {
            return None;
        }
        Some(Cue {
            np,
            end: j + 1,
            verb: Some(if verb.lower == "told" { "told" } else { "said" }),
        })
    }

    /// The speaker named before an opening mark in the same sentence, from token `lo` to
    /// the mark at `open`: "Kim said: “…”", "Mr Kim said reports were “…”", "According
    /// to Kim, “…”". The speech verb nearest the mark wins.
    fn cue_before(&self, lo: usize, open: usize) -> Option<Np> {
        for j in (lo..open).rev() {
            if let Some(np) = self.speech_at(j, lo, open) {
                return Some(np);
            }
        }
        // "- Brentford boss Martin Allen: “…”": a sentence that is only a name and a
        // colon, as in previews and interview transcripts.
        let colon = open
            .checked_sub(1)
            .filter(|&c| c >= lo && self.toks[c].is(":"))?;
        let first = (lo..colon).find(|&k| self.toks[k].word)?;
        let r = self.np_back(colon, first)?;
        match self.classify(r.clone())? {
            np @ Np::Name { .. } if r.start == first => Some(np),
            _ => None,
        }
    }

    /// The first speaker a sentence without quotation names: "He also added that …",
    /// "…, the minister said." Used as a mention for later pronouns and roles.
    fn speech_in(&self, lo: usize, hi: usize) -> Option<(usize, Np)> {
        (lo..hi).find_map(|j| Some((self.toks[j].start, self.speech_at(j, lo, hi)?)))
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
            return self.classify(self.np_fwd(lo, j)?);
        }
        // A capitalised "Said" starts a sentence or a name, rarely an attribution.
        if t.cap || !is_speech_verb(&t.lower) {
            return None;
        }
        if j > lo && is_passive(&self.toks[j - 1].lower) {
            return None;
        }
        // "…, said the minister: “…”" reads forwards; "the minister said" backwards.
        let after_break = j == lo || !self.toks[j - 1].word;
        if after_break
            && is_verb_first(&t.lower)
            && let Some(np) = self
                .np_fwd_pp(j + 1, hi)
                .filter(|r| self.np_closes(r.end, hi))
                .and_then(|r| self.classify(r))
        {
            return Some(np);
        }
        self.subject_of(j, lo)
    }
}

/// What "he", "she", "it", "they" say about the speaker.
fn pronoun(w: &str) -> Option<Np> {
    match w {
        "he" => Some(Np::Pronoun(Gender::Male)),
        "she" => Some(Np::Pronoun(Gender::Female)),
        "it" | "they" | "we" | "i" | "you" => Some(Np::NonPerson),
        _ => None,
    }
}

/// Splits the paragraphs into words and punctuation.
fn tokenize<'b>(body: &'b str, paras: &[Range<usize>]) -> Vec<Tok<'b>> {
    let mut toks = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        let text = &body[para.clone()];
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let offset = |k: usize| para.start + chars.get(k).map_or(text.len(), |&(i, _)| i);
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k].1;
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            let start = offset(k);
            if !c.is_alphanumeric() {
                k += 1;
                toks.push(Tok::new(body, start, offset(k), pi, false));
                continue;
            }
            let mut e = k + 1;
            loop {
                if e < chars.len() && chars[e].1.is_alphanumeric() {
                    e += 1;
                } else if e + 1 < chars.len()
                    && matches!(chars[e].1, '-' | '‐' | '\'' | '’' | 'ʼ' | '.')
                    && chars[e + 1].1.is_alphanumeric()
                {
                    e += 2;
                } else {
                    break;
                }
            }
            // An abbreviation keeps its full stop, which then ends no sentence.
            if chars.get(e).is_some_and(|&(_, c)| c == '.')
                && is_abbreviation(&body[start..offset(e)])
            {
                e += 1;
            }
            toks.push(Tok::new(body, start, offset(e), pi, true));
            k = e;
        }
    }
    toks
}

impl<'b> Tok<'b> {
    fn new(body: &'b str, start: usize, end: usize, para: usize, word: bool) -> Tok<'b> {
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

/// Numbers the sentences. Punctuation inside a quotation ends no sentence (the quotation
/// and its attribution are one); a quotation ending in a full stop does, when a capital
/// or a new quotation follows its closing mark. Paragraphs end sentences, except inside
/// a quotation that runs on.
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
            let inner = &body[units[u].inner.clone()];
            begins && inner.trim_end().ends_with(['.', '…'])
        } else {
            begins && t.is(".!?…")
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

// ---------------------------------------------------------------------------------------
// Resolution.

/// A speaker as the text names it.
#[derive(Debug, Clone)]
enum Np {
    /// "he", "she".
    Pronoun(Gender),
    /// "it", "they", "we": no one person.
    NonPerson,
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

/// An attribution read after a mark: the speaker, the token after it, and the verb
/// when one followed the speaker.
struct Cue {
    np: Np,
    end: usize,
    verb: Option<&'static str>,
}

/// Who a speaker or mention is.
#[derive(Debug, Clone)]
enum Who {
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
    pos: usize,
    sent: u32,
    who: Who,
    /// A speaker (of a quotation or a speech verb), not only a mention.
    speaker: bool,
    /// The role class the text gave a speaker ("the minister said").
    class: Option<&'static str>,
    gender: Option<Gender>,
}

/// What the window tells about each person.
#[derive(Debug, Default, Clone)]
struct Known {
    roles: Vec<&'static str>,
    gender: Option<Gender>,
}

/// The people's names, folded.
struct PeopleIndex {
    /// Full keys (names and aliases) to people.
    exact: HashMap<String, Vec<usize>>,
    /// First word of a key to the full keys starting with it.
    by_first: HashMap<String, Vec<(String, usize)>>,
    /// First and last words of multi-word keys to people ("kim" → both Kims).
    ends: HashMap<String, Vec<usize>>,
}

fn push_once(list: &mut Vec<usize>, p: usize) {
    if !list.contains(&p) {
        list.push(p);
    }
}

impl PeopleIndex {
    fn new(people: &[Person<'_>]) -> PeopleIndex {
        let mut index = PeopleIndex {
            exact: HashMap::new(),
            by_first: HashMap::new(),
            ends: HashMap::new(),
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
enum Target {
    /// A quotation in marks.
    Unit(usize),
    /// A quotation in the dash style, starting at this byte, with its speaker as written.
    Dash(usize, Np),
}

/// The window read in order: who is mentioned, who speaks.
struct Discourse<'d, 'b> {
    doc: &'d Doc<'b>,
    index: PeopleIndex,
    known: Vec<Known>,
    mentions: Vec<Mention>,
}

impl<'d, 'b> Discourse<'d, 'b> {
    fn new(doc: &'d Doc<'b>, people: &[Person<'_>]) -> Self {
        Discourse {
            doc,
            index: PeopleIndex::new(people),
            known: vec![Known::default(); people.len()],
            mentions: Vec::new(),
        }
    }

    /// Reads the window's sentences up to the target and returns its speaker.
    fn run(&mut self, target: Target) -> Who {
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
                let (who, class, gender) = self.speaker_of(u, lo, hi, open, sent);
                if matches!(target, Target::Unit(t) if t == u) {
                    return who;
                }
                self.mentions.push(Mention {
                    pos: unit.open,
                    sent,
                    who,
                    speaker: true,
                    class,
                    gender,
                });
            }
            if !quoted && let Some((pos, np)) = doc.speech_in(lo, hi) {
                let (who, class, gender) = self.resolve(&np, pos);
                self.mentions.push(Mention {
                    pos,
                    sent,
                    who,
                    speaker: true,
                    class,
                    gender,
                });
            }
        }
        match target {
            Target::Dash(limit, np) => self.resolve(&np, limit).0,
            // The target's sentence was not reached: the window lost it.
            Target::Unit(_) => Who::Nobody,
        }
    }

    /// The speaker of quotation `u`, opening at token `open` in sentence `lo..hi`.
    fn speaker_of(
        &mut self,
        u: usize,
        lo: usize,
        hi: usize,
        open: usize,
        sent: u32,
    ) -> (Who, Option<&'static str>, Option<Gender>) {
        let doc = self.doc;
        let limit = doc.units[u].open;
        let before = doc.cue_before(lo, open);
        if let Some(close) = doc.marks[u].1
            && let Some(cue) = doc.cue_after(close + 1, hi)
        {
            // "Sevastis told parliament: “… “…,” he added": the name before the
            // quotation says more than the pronoun after it.
            let np = match (&cue.np, &before) {
                (Np::Pronoun(_), Some(named @ (Np::Name { .. } | Np::Role { .. }))) => named,
                _ => &cue.np,
            };
            return self.resolve(np, limit);
        }
        if let Some(np) = before {
            return self.resolve(&np, limit);
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
            return (m.who.clone(), m.class, m.gender);
        }
        (Who::Nobody, None, None)
    }

    /// Records the people sentence `lo..hi` names outside quotations.
    fn add_mentions(&mut self, lo: usize, hi: usize) {
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
                    class: None,
                    gender: Some(gender),
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
                let who = self
                    .titled(class, pos)
                    .map_or(Who::Named(written), Who::Person);
                self.mentions.push(Mention {
                    pos,
                    sent: doc.toks[k].sent,
                    who,
                    speaker: false,
                    class: Some(class),
                    gender: None,
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
                    self.learn(p, &self.context_roles(i, end, lo, hi), gender);
                }
                self.mentions.push(Mention {
                    pos: t.start,
                    sent,
                    who,
                    speaker: false,
                    class: None,
                    gender,
                });
                i = end;
                continue;
            }
            let single = !t.key.contains(' ');
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
                self.learn(p, &self.context_roles(i, i + 1, lo, hi), gender);
            }
            self.mentions.push(Mention {
                pos: t.start,
                sent,
                who,
                speaker: false,
                class: None,
                gender,
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
    fn pick(&self, cands: &[usize], pos: usize, written: String) -> Who {
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
    fn context_roles(&self, i: usize, end: usize, lo: usize, hi: usize) -> Vec<&'static str> {
        let doc = self.doc;
        let mut roles = Vec::new();
        let mut j = i;
        while j > lo && i - j < 5 {
            let t = &doc.toks[j - 1];
            if !t.free_word() || determiner(&t.lower).is_some() || is_stop(&t.lower) {
                break;
            }
            roles.extend(role_class(&t.lower));
            j -= 1;
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
        roles
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
            .filter(|&m| self.mentions[m].pos < limit)
            .collect();
        order.sort_by_key(|&m| {
            let mention = &self.mentions[m];
            let pos = i64::try_from(mention.pos).unwrap_or(i64::MAX);
            (
                Reverse(mention.sent),
                !mention.speaker,
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
                if !person || !definite {
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
            return self.pick(ps, limit, written.to_owned());
        }
        // A lone surname, with its particles dropped ("de Vabres").
        let mut words = key.split(' ').filter(|w| !is_name_particle(w));
        if let (Some(word), None) = (words.next(), words.next())
            && let Some(ps) = self.index.ends.get(word)
        {
            return self.pick(ps, limit, written.to_owned());
        }
        Who::Named(written.to_owned())
    }

    fn resolve_pronoun(&self, gender: Gender, limit: usize) -> Who {
        for m in self.antecedents(limit) {
            let mention = &self.mentions[m];
            let fits = |g: Option<Gender>| g.is_none_or(|g| g == gender);
            match &mention.who {
                Who::Person(p) if fits(self.known[*p].gender) && fits(mention.gender) => {
                    return Who::Person(*p);
                }
                Who::Named(text)
                    if fits(mention.gender) && mention.class != Some("institution") =>
                {
                    return Who::Named(text.clone());
                }
                _ => {}
            }
        }
        Who::Nobody
    }

    /// The latest person before `limit` the window gives the title `class`.
    fn titled(&self, class: &'static str, limit: usize) -> Option<usize> {
        // "The official" fits anyone, so no title picks one out.
        if class == "official" {
            return None;
        }
        self.antecedents(limit)
            .into_iter()
            .find_map(|m| match self.mentions[m].who {
                Who::Person(p) if self.known[p].roles.contains(&class) => Some(p),
                _ => None,
            })
    }

    fn resolve_role(&self, class: &'static str, written: &str, limit: usize) -> Who {
        if let Some(p) = self.titled(class, limit) {
            return Who::Person(p);
        }
        let order = self.antecedents(limit);
        // Else the latest speaker whose known titles do not say otherwise.
        for &m in &order {
            let mention = &self.mentions[m];
            if !mention.speaker {
                continue;
            }
            match &mention.who {
                Who::Person(p) => {
                    let roles = &self.known[*p].roles;
                    if class == "official" || roles.is_empty() || roles.contains(&class) {
                        return Who::Person(*p);
                    }
                }
                // The same unnamed role spoke before: still unnamed.
                Who::Named(_) if mention.class == Some(class) => break,
                _ => {}
            }
        }
        Who::Named(written.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const KIM: Person<'static> = Person {
        name: "Kim Yong-hyun",
        aliases: &[],
    };
    const SHIN: Person<'static> = Person {
        name: "Shin Won-sik",
        aliases: &[],
    };
    const KIM_JONG_UN: Person<'static> = Person {
        name: "Kim Jong Un",
        aliases: &["Kim Jong-un"],
    };
    const PUTIN: Person<'static> = Person {
        name: "Vladimir Putin",
        aliases: &["Putin"],
    };
    const PEOPLE: &[Person<'static>] = &[KIM, SHIN, KIM_JONG_UN, PUTIN];

    /// The attribution of the `nth` occurrence of `needle` in `body`.
    fn nth(body: &str, needle: &str, n: usize, people: &[Person<'_>]) -> Attribution {
        let (start, _) = body
            .match_indices(needle)
            .nth(n)
            .unwrap_or_else(|| panic!("{needle:?} not in the test body"));
        attribute(body, start..start + needle.len(), people)
    }

    fn of(body: &str, needle: &str, people: &[Person<'_>]) -> Attribution {
        nth(body, needle, 0, people)
    }

    fn said_by(name: &str) -> Attribution {
        Attribution {
            quoted: true,
            speaker: Some(name.to_owned()),
            resolved: true,
        }
    }

    fn written(text: &str) -> Attribution {
        Attribution {
            quoted: true,
            speaker: Some(text.to_owned()),
            resolved: false,
        }
    }

    fn nobody() -> Attribution {
        Attribution {
            quoted: true,
            speaker: None,
            resolved: false,
        }
    }

    fn unquoted() -> Attribution {
        Attribution::default()
    }

    // Real articles from corpus/, copied in (and trimmed after the paragraphs the tests
    // use) so the tests do not depend on where the corpus lives.

    const CORPUS_000: &str = "\nSouth Korea believe that military personnel from the DPRK could have died in the war in Ukraine\n\nLiza Brovko\n\nSouth Korean Defense Minister Kim Yong-hyun believes that the agreements between Russia and North Korea resemble a military alliance, so there is a high probability that the military from North Korea is fighting on the side of the Russian Federation in Ukraine.\n\nThis was reported by the AFP agency.\n\nKim Yong-hyun made such a statement against the background of what the media wrote about the death of several North Korean officers near occupied Donetsk.\n\n\"We estimate that the presence of casualties among North Korean officers and soldiers in Ukraine is highly probable, given the various circumstances,\" he said.\n\nAnd he added that North Korea may send even more of its soldiers to help Russia in its full-scale war against Ukraine.\n\nUnion of Russia and North Korea\n\nThe Washington Post newspaper reported that North Korea could transfer approximately 1.6 million artillery ammunition to Russia from August 2023 to January 2024.\n\nIn an interview with Bloomberg on June 14, South Koreaʼs Defense Minister Shin Won-sik said that North Korea sent containers to Russia that can hold almost 5 million artillery shells, but Moscow needs more. Western media connected Putinʼs first visit to Pyongyang in 24 years with this very thing.\n\nOn June 18, the Russian leader visited North Korea and met with its leader Kim Jong Un.";

    const CORPUS_001: &str = " date 2024-10-08 The Democratic People's Republic of Korea may send its military to Ukraine to support the Russian Federation. The possibility of such a development of the scenario is very likely.\n\nRussia and North Korea signed a mutual agreement\n\nSouth Korean Defense Minister Kim Yong-hyun, while addressing lawmakers at a parliamentary hearing, recalled that Russia and North Korea signed a mutual treaty similar to a military alliance.\n\nSince Russia and North Korea have signed a mutual agreement similar to a military alliance, the possibility of such a deployment (sending troops to Ukraine, — ed.) is very likely, the minister said. Share\n\nHe also added that the information about the deaths of North Korean soldiers in the temporarily occupied territories of Ukraine is also probably true.\n\nWe estimate that the presence of casualties among North Korean officers and soldiers in Ukraine is highly probable, taking into account various circumstances, — said the minister. Share\n\nCommenting on the defense minister's statement, Andriy Kovalenko, head of the Counter-Disinformation Center, added that the DPRK has already sent a limited number of its troops to Ukraine, mainly engineers, who oversee the quality and use of Pyongyang's weapons by Russian terrorists.\n\nSome have already died. The ammunition and KN23 ballistic missiles themselves are mainly of low quality, which these military personnel report to Kim, Kovalenko added. Share";

    const CORPUS_002: &str = "North Korean soldiers are fighting – and “likely” dying – beside Vladimir Putin’s troops in Russia’s war against Ukraine, according to South Korea.\nPutin and the North Korean dictator Kim Jong Un signed a defence pact in June, when the Russian president visited the country for the first time in 25 years, vowing to aid one another if attacked.\nAnd, according to South Korea’s defence minister, the agreement may have already led to direct military assistance, with North Korean soldiers fighting on Russia’s behalf – and more could be sent over.\nKim Yong-hyun said on Tuesday: “As Russia and North Korea have signed a mutual treaty akin to a military alliance, the possibility of such a deployment is highly likely.\n“The relations between Russia and North Korea are evolving to be almost as close as a military alliance.”\nSpeaking to his country’s parliament, the minister warned: “As such, more North Korean troops could be deployed in the war, from how we look at it.”\n“We believe there have been injuries and fatalities among North Korean troops in Ukraine,” the official added.\nHis words support a report from Kyiv Post last week, where intelligence sources claimed six officers from North Korea died after a Ukrainian missile strike killed 20 people on the Russian-occupied territory in the Donetsk.\nAn arm of the Ukrainian government, the Main Intelligence Directorate, already reported last year that Russia had brought in North Korean citizens to Donetsk and Luhansk areas of occupied Ukraine.\nWhile South Korea has strongly condemned Russia’s war against Ukraine, it’s thought the alliance between Moscow and Pyongyang is now the strongest it has been since the Cold War.\nKim has been a vocal supporter of Putin, blaming the US for the global “nuclear threat” rather than Russia, even though its president has repeatedly said he is considering pressing the nuclear button.\nKim also claimed Ukraine’s recent incursion into the Russian region of Kursk is “unforgivable,” despite the fact that Putin’s army occupies 18% of Ukraine.";

    const CORPUS_004: &str = "North Korea is ‘highly likely’ sending troops to fight for Russia in Ukraine, South Korea says\nNorth Korean soldiers could fight alongside the Russian army in Ukraine, South Korea’s defence minister told the country’s parliament after media reports claimed Pyongyang had lost troops in the war.\nKim Yong-hyun claimed that North Korean troops could be sent to Ukraine under the mutual defence treaty signed during Russian president Vladimir Putin’s visit to Pyongyang in June.\nMr Putin and North Korean leader Kim Jong-un signed a “comprehensive partnership agreement” that provided for mutual assistance “using all available means” in the event of aggression against either country. The treaty served to deepen military cooperation between Pyongyang and Moscow.\n“As Russia and North Korea have signed a mutual treaty akin to a military alliance, the possibility of such a deployment is highly likely,\" the defence minister told lawmakers during a parliamentary audit session.\nMr Kim said reports of North Korean casualties on the Ukrainian frontlines were “also likely to be true”, reported South Korean state news agency Yonhap. “We assess that the occurrence of casualties among North Korean officers and soldiers in Ukraine is highly likely, considering various circumstances.”\nThe Kyiv Post and Interfax Ukraine had quoted unnamed intelligence sources as claiming that six North Korean soldiers were killed in a Ukrainian missile strike in the eastern Donetsk region.\nThe North Korean foreign ministry on Sunday blasted Nato for accusing the country of “fuelling” the war in Ukraine by allegedly sending missiles, shells and drones to Moscow. “If NATO continues to try hard to infringe upon the dignity of the DPRK, Nato blindly following the US will be held wholly responsible for the tragic consequences to be entailed by it,” it said in a statement, according to the state news agency KCNA.";

    #[test]
    fn corpus_000_he_said_is_the_defence_minister_named_before() {
        let a = of(
            CORPUS_000,
            "presence of casualties among North Korean officers",
            PEOPLE,
        );
        assert_eq!(a, said_by("Kim Yong-hyun"));
    }

    #[test]
    fn corpus_000_narration_is_unquoted() {
        let a = of(CORPUS_000, "North Korea may send even more", PEOPLE);
        assert_eq!(a, unquoted());
    }

    #[test]
    fn corpus_001_dash_style_said_the_minister_is_the_minister_named_before() {
        let a = of(
            CORPUS_001,
            "presence of casualties among North Korean",
            PEOPLE,
        );
        assert_eq!(a, said_by("Kim Yong-hyun"));
    }

    #[test]
    fn corpus_001_comma_attribution_without_dash_or_marks_is_unquoted() {
        // ", the minister said." with no marks and no dash is reported speech as far as
        // the text shows; "— ed." in parentheses is an editor's note, no attribution.
        assert_eq!(
            of(CORPUS_001, "possibility of such a deployment", PEOPLE),
            unquoted()
        );
        assert_eq!(of(CORPUS_001, "ammunition and KN23", PEOPLE), unquoted());
    }

    #[test]
    fn corpus_002_the_official_is_the_minister_quoted_just_before() {
        // "Kim Yong-hyun said: “…” / “…” / the minister warned: “…” / “…,” the official
        // added": the official is the speaker of the quotations before.
        let a = of(
            CORPUS_002,
            "injuries and fatalities among North Korean",
            PEOPLE,
        );
        assert_eq!(a, said_by("Kim Yong-hyun"));
        let a = of(
            CORPUS_002,
            "more North Korean troops could be deployed",
            PEOPLE,
        );
        assert_eq!(a, said_by("Kim Yong-hyun"));
    }

    #[test]
    fn corpus_002_quotation_running_on_into_the_next_paragraph() {
        let a = of(CORPUS_002, "evolving to be almost as close", PEOPLE);
        assert_eq!(a, said_by("Kim Yong-hyun"));
        let a = of(CORPUS_002, "such a deployment is highly likely", PEOPLE);
        assert_eq!(a, said_by("Kim Yong-hyun"));
    }

    #[test]
    fn corpus_002_kim_alone_with_two_kims_and_no_recent_one_stays_as_written() {
        let a = of(CORPUS_002, "unforgivable", PEOPLE);
        assert_eq!(a, written("Kim"));
    }

    #[test]
    fn corpus_002_scare_quotes_without_a_speech_verb_have_no_speaker() {
        assert_eq!(of(CORPUS_002, "nuclear threat", PEOPLE), nobody());
        assert_eq!(of(CORPUS_002, "likely", PEOPLE), nobody());
    }

    #[test]
    fn corpus_004_quotation_after_mr_kim_sentence_is_mr_kim() {
        let people = [KIM, SHIN, KIM_JONG_UN, PUTIN];
        let a = of(
            CORPUS_004,
            "occurrence of casualties among North Korean",
            &people,
        );
        assert_eq!(a, said_by("Kim Yong-hyun"));
        let a = of(CORPUS_004, "also likely to be true", &people);
        assert_eq!(a, said_by("Kim Yong-hyun"));
    }

    #[test]
    fn corpus_004_the_defence_minister_with_mixed_marks() {
        // Opened with “ and closed with a straight ": the defence minister is the
        // latest speaker whose titles do not say otherwise (Putin is "president", Kim
        // Jong-un "leader").
        let a = of(
            CORPUS_004,
            "mutual treaty akin to a military alliance",
            PEOPLE,
        );
        assert_eq!(a, said_by("Kim Yong-hyun"));
    }

    #[test]
    fn corpus_004_it_said_names_no_person() {
        let a = of(CORPUS_004, "infringe upon the dignity", PEOPLE);
        assert_eq!(a, nobody());
    }

    #[test]
    fn corpus_004_headline_single_quotes_are_quoted_without_speaker() {
        let a = of(CORPUS_004, "highly likely", PEOPLE);
        assert_eq!(a, nobody());
    }

    #[test]
    fn speaker_after_closing_mark_in_its_forms() {
        let body = "The talks failed. “We will not give up,” said Kim Yong-hyun.";
        assert_eq!(
            of(body, "will not give up", PEOPLE),
            said_by("Kim Yong-hyun")
        );
        let body = "Kim Yong-hyun spoke. “We will not give up,” Mr Kim told reporters.";
        assert_eq!(
            of(body, "will not give up", &[KIM]),
            said_by("Kim Yong-hyun")
        );
        let body = "“We will not give up”, according to Shin Won-sik.";
        assert_eq!(
            of(body, "will not give up", PEOPLE),
            said_by("Shin Won-sik")
        );
        let body = "Kim Yong-hyun spoke. “Why would we give up?” he later asked.";
        assert_eq!(
            of(body, "would we give up", PEOPLE),
            said_by("Kim Yong-hyun")
        );
        let body = "“We will not give up,” Pat Ryder, the Pentagon spokesman, said.";
        assert_eq!(of(body, "will not give up", PEOPLE), written("Pat Ryder"));
    }

    #[test]
    fn speaker_before_opening_mark_in_its_forms() {
        let body = "Shin Won-sik said: “We will not give up.”";
        assert_eq!(
            of(body, "will not give up", PEOPLE),
            said_by("Shin Won-sik")
        );
        let body = "According to Shin Won-sik, “the talks are over”.";
        assert_eq!(of(body, "talks are over", PEOPLE), said_by("Shin Won-sik"));
        let body =
            "Pentagon spokesman Major General Pat Ryder noted, “They would be cannon fodder.”";
        assert_eq!(of(body, "cannon fodder", PEOPLE), written("Pat Ryder"));
        let pat = [Person {
            name: "Patrick Ryder",
            aliases: &["Pat Ryder"],
        }];
        assert_eq!(of(body, "cannon fodder", &pat), said_by("Patrick Ryder"));
    }

    #[test]
    fn where_the_speaker_works_is_not_the_speaker() {
        // From the BBC files: the organisation after "of"/"from" is the affiliation.
        let body = "Mark Mackie, director of Regular Music, said: \"It is fantastic news.\"";
        assert_eq!(of(body, "fantastic news", PEOPLE), written("Mark Mackie"));
        let body = "But Mr Hirsch from Retail Banking Research said the risk was low. \"Windows cash machines have been around for years,\" he said.";
        assert_eq!(of(body, "cash machines", PEOPLE), written("Mr Hirsch"));
        let body = "\"We regret the delay,\" a spokesman for the ministry said.";
        assert_eq!(
            of(body, "regret the delay", PEOPLE),
            written("a spokesman for the ministry")
        );
        let body = "\"It won't take much,\" said Grant Wilson of Mellon Bank.";
        assert_eq!(of(body, "take much", PEOPLE), written("Grant Wilson"));
        let body = "\"It would be fantastic,\" said the European cross-country champion.";
        let champion = written("the European cross-country champion");
        assert_eq!(of(body, "be fantastic", PEOPLE), champion);
        let body = "\"It would be fantastic,\" said the European gold medallist.";
        assert_eq!(of(body, "be fantastic", PEOPLE), nobody());
        let body = "\"I come from a village,\" says Prof Reddy, \"I know the people.\"";
        assert_eq!(of(body, "know the people", PEOPLE), written("Prof Reddy"));
        let body = "\"Rates will rise,\" the Bank of England said.";
        assert_eq!(
            of(body, "Rates will rise", PEOPLE),
            written("Bank of England")
        );
        let body = "Liberal Democrat spokeswoman for women Sandra Gidley said: \"This money is misdirected.\"";
        assert_eq!(of(body, "misdirected", PEOPLE), written("Sandra Gidley"));
    }

    #[test]
    fn more_shapes_from_the_bbc_files() {
        // ", said Britain had to …" is a subject of its own clause, not a speaker.
        let leigh = [Person {
            name: "Edward Leigh",
            aliases: &[],
        }];
        let body = "Edward Leigh, chairman of the Commons public accounts committee, said Britain had to set an example. \"Any fraud is fraud against the taxpayer,\" he said.";
        assert_eq!(of(body, "Any fraud", &leigh), said_by("Edward Leigh"));
        // A second verb after "and" shares the sentence's subject.
        let body = "But Shin Won-sik is keen to move on and said: \"I've grown up a lot.\"";
        assert_eq!(of(body, "grown up", PEOPLE), said_by("Shin Won-sik"));
        // A name with a particle keeps its honorific and resolves by surname.
        let vabres = [Person {
            name: "Renaud Donnedieu de Vabres",
            aliases: &[],
        }];
        let body = "\"You have explored the possibilities of film,\" Mr de Vabres said.";
        assert_eq!(of(body, "possibilities", &[]), written("Mr de Vabres"));
        assert_eq!(
            of(body, "possibilities", &vabres),
            said_by("Renaud Donnedieu de Vabres")
        );
        // An unnamed speaker carries to the standalone quotation after it.
        let body = "\"It is not that brokers are indifferent,\" one Bombay trader said this week. \"But business sense tends to overrule everything else.\"";
        assert_eq!(
            of(body, "business sense", PEOPLE),
            written("one Bombay trader")
        );
    }

    #[test]
    fn subjects_in_coordinated_and_titled_sentences() {
        let people = [
            Person {
                name: "Rick Wagoner",
                aliases: &[],
            },
            Person {
                name: "Ryan Giggs",
                aliases: &[],
            },
            Person {
                name: "John Toshack",
                aliases: &[],
            },
            Person {
                name: "Jennifer Capriati",
                aliases: &[],
            },
        ];
        let body = "GM said its profits were hit. \"GM reported solid results,\" GM chairman and chief executive Rick Wagoner said in a statement.";
        assert_eq!(of(body, "solid results", &people), said_by("Rick Wagoner"));
        let body = "Toshack takes charge on Wednesday, and Giggs said: \"It's my 50th cap.\"";
        assert_eq!(of(body, "50th cap", &people), said_by("Ryan Giggs"));
        let body = "Toshack was there. And Giggs, 31, added: \"It's my 50th cap.\"";
        assert_eq!(of(body, "50th cap", &people), said_by("Ryan Giggs"));
        // Words after a closing mark that read as no attribution stop the quotation
        // from borrowing the speaker before it.
        let body = "GM said profits fell. \"Results were solid,\" GM's boss Rick Wagoner conceded to staff.";
        assert_eq!(of(body, "Results were solid", &people), nobody());
        // A pronoun subject carries its person ahead of a later name in its sentence.
        let body = "Jennifer Capriati won seven titles. She was due to play in the Hopman Cup in Perth. \"I wanted to rest my knee,\" she said.";
        let cup = [
            people[3],
            Person {
                name: "Hopman Cup",
                aliases: &[],
            },
        ];
        assert_eq!(of(body, "rest my knee", &cup), said_by("Jennifer Capriati"));
    }

    #[test]
    fn shapes_from_a_second_bbc_sample() {
        let none: [Person<'_>; 0] = [];
        let org = [Person {
            name: "Greek Athletics Federation",
            aliases: &[],
        }];
        // The name before a running quotation beats the pronoun after it.
        let body = "Greek Athletics Federation boss Vassilli Sevastis told parliament: \"I believe they won't race again. \"The damage has been done,\" he added.";
        assert_eq!(of(body, "race again", &org), written("Vassilli Sevastis"));
        let body =
            "Baywatch topped the list for \"predictable scripts,\" according to the magazine.";
        assert_eq!(
            of(body, "predictable scripts", &none),
            written("the magazine")
        );
        let body = "\"We are opening accounts,\" the central bank's vice president Farhat Omar Ben Gadaravic said.";
        assert_eq!(
            of(body, "opening accounts", &none),
            written("Farhat Omar Ben Gadaravic")
        );
        let body = "- Brentford boss Martin Allen: \"I have to admit I'm not very confident.\"";
        assert_eq!(
            of(body, "not very confident", &none),
            written("Martin Allen")
        );
        let body = "\"It's hard to think of anybody not enjoying it,\" wrote the judges.";
        assert_eq!(of(body, "not enjoying", &none), written("the judges"));
        let body = "But, Hans Reckers, a board member of Germany's central bank, the Bundesbank, said: \"It must stay in Frankfurt.\"";
        assert_eq!(
            of(body, "stay in Frankfurt", &none),
            written("Hans Reckers")
        );
        let body = "The chairman of the Environmental Audit Committee Peter Ainsworth MP, said: \"It is disjointed thinking.\"";
        assert_eq!(of(body, "disjointed", &none), written("Peter Ainsworth"));
        let body = "Linda Knox, Director of the Scottish Local Authority Management Centre at Strathclyde University, said: \"The increase is slowing.\"";
        assert_eq!(
            of(body, "increase is slowing", &none),
            written("Linda Knox")
        );
        let body = "\"It sparked worries [about costs]\" explained Kazuhiro Takahashi of Daiwa Securities SMBC.";
        assert_eq!(
            of(body, "sparked worries", &none),
            written("Kazuhiro Takahashi")
        );
        let body =
            "\"We are doing research,\" Michael Lamberty, a Lufthansa spokesman told the BBC.";
        assert_eq!(
            of(body, "doing research", &none),
            written("Michael Lamberty")
        );
        let body = "\"Consumer companies want UWB,\" Jeff Ravencraft, technology strategist at Intel and chairman of the WiMedia Alliance, said.";
        assert_eq!(
            of(body, "companies want", &none),
            written("Jeff Ravencraft")
        );
        let body = "And Moya, nicknamed Charly, admitted: \"The Davis Cup is my dream.\"";
        assert_eq!(of(body, "my dream", &none), written("Moya"));
        let body = "\"We will introduce a Bill,\" the Department for Transport said.";
        assert_eq!(
            of(body, "introduce a Bill", &none),
            written("Department for Transport")
        );
        // A role as a sentence's subject is who a later "he" means, named or not.
        let chelsea = [Person {
            name: "Chelsea",
            aliases: &[],
        }];
        let body = "The French star was part of the Chelsea side crushed in 2000. \"Things will be different,\" he told BBC Sport.";
        assert_eq!(
            of(body, "be different", &chelsea),
            written("the French star")
        );
    }

    #[test]
    fn participle_after_a_comma_takes_the_sentence_subject() {
        let body = "Shin Won-sik believes a break has advantages, explaining: \"It is the perfect chance to recharge.\"";
        assert_eq!(of(body, "perfect chance", PEOPLE), said_by("Shin Won-sik"));
    }

    #[test]
    fn nested_quotation_takes_the_outer_speaker() {
        // The words inside ‘…’ are the outer speaker's account; who said them first is
        // inside the quotation and not resolved.
        let body = "Vladimir Putin met aides. “They told me ‘we are ready’ and I believe them,” Mr Putin said.";
        assert_eq!(of(body, "we are ready", PEOPLE), said_by("Vladimir Putin"));
        assert_eq!(
            of(body, "I believe them", PEOPLE),
            said_by("Vladimir Putin")
        );
    }

    #[test]
    fn span_crossing_a_closing_mark_is_unquoted_but_touching_marks_is_fine() {
        let body = "“We will not give up,” said Kim Yong-hyun.";
        assert_eq!(of(body, "give up,” said", PEOPLE), unquoted());
        assert_eq!(
            of(body, "“We will not give up,”", PEOPLE),
            said_by("Kim Yong-hyun")
        );
        assert_eq!(of(body, "give up,", PEOPLE), said_by("Kim Yong-hyun"));
    }

    #[test]
    fn attribution_in_the_next_paragraph_is_not_used() {
        let body = "The minister spoke briefly.\n“We will not give up.”\nShin Won-sik said the talks would resume.";
        assert_eq!(of(body, "will not give up", PEOPLE), nobody());
    }

    #[test]
    fn dash_style_variants() {
        let body = "Shin Won-sik spoke on Monday.\nThe front is stable and our troops hold the line, — said Kim Yong-hyun.";
        assert_eq!(
            of(body, "our troops hold", PEOPLE),
            said_by("Kim Yong-hyun")
        );
        let body = "Shin Won-sik said on Monday the front was calm.\nThe front is stable, – the minister said.";
        assert_eq!(of(body, "front is stable", PEOPLE), said_by("Shin Won-sik"));
        // A role goes to an earlier speaker, not to anyone merely mentioned.
        let body = "Shin Won-sik arrived on Monday.\nThe front is stable, – the minister said.";
        assert_eq!(of(body, "front is stable", PEOPLE), written("the minister"));
        let body = "Shin Won-sik spoke.\nThe front is stable — he said.";
        assert_eq!(of(body, "front is stable", PEOPLE), said_by("Shin Won-sik"));
        // An English aside with a clause after the verb is narration.
        let body = "Shin Won-sik spoke.\nThe troops left — officials said they numbered 3,000.";
        assert_eq!(of(body, "troops left", PEOPLE), unquoted());
    }

    #[test]
    fn pronoun_with_no_person_before_is_nobody() {
        let body = "The talks failed.\n“We will not give up,” he said.";
        assert_eq!(of(body, "will not give up", PEOPLE), nobody());
    }

    #[test]
    fn pronoun_does_not_reach_past_the_window() {
        let body =
            "Shin Won-sik arrived.\nOne.\nTwo.\nThree.\nFour.\n“We will not give up,” he said.";
        assert_eq!(of(body, "will not give up", PEOPLE), nobody());
        let body = "Shin Won-sik arrived.\nTwo.\nThree.\n“We will not give up,” he said.";
        assert_eq!(
            of(body, "will not give up", PEOPLE),
            said_by("Shin Won-sik")
        );
    }

    #[test]
    fn pronoun_gender_skips_a_mr() {
        let people = [
            Person {
                name: "Patricia Hewitt",
                aliases: &[],
            },
            Person {
                name: "David Frost",
                aliases: &[],
            },
        ];
        let body = "Ms Hewitt spoke first. Then Mr Frost spoke. “It is misdirected,” she said.";
        assert_eq!(of(body, "misdirected", &people), said_by("Patricia Hewitt"));
        let body = "Ms Hewitt spoke first. Then Mr Frost spoke. “It is misdirected,” he said.";
        assert_eq!(of(body, "misdirected", &people), said_by("David Frost"));
    }

    #[test]
    fn role_with_nobody_fitting_is_returned_as_written() {
        let body =
            "Talks resumed in Geneva.\n“We believe progress is possible,” the official added.";
        assert_eq!(
            of(body, "progress is possible", PEOPLE),
            written("the official")
        );
        let body = "“We believe progress is possible,” The Minister said.";
        assert_eq!(
            of(body, "progress is possible", PEOPLE),
            written("the Minister")
        );
    }

    #[test]
    fn new_people_and_groups_are_never_resolved() {
        let body = "Kim Yong-hyun spoke.\n“We believe progress is possible,” an official said.";
        assert_eq!(
            of(body, "progress is possible", PEOPLE),
            written("an official")
        );
        let body = "Kim Yong-hyun spoke.\n“We believe progress is possible,” officials said.";
        assert_eq!(
            of(body, "progress is possible", PEOPLE),
            written("officials")
        );
        let body = "Kim Yong-hyun spoke.\n“We believe progress is possible,” the ministry said.";
        assert_eq!(
            of(body, "progress is possible", PEOPLE),
            written("the ministry")
        );
        let body = "Kim Yong-hyun spoke.\n“We believe progress is possible,” Reuters said.";
        assert_eq!(of(body, "progress is possible", PEOPLE), written("Reuters"));
    }

    #[test]
    fn role_prefers_the_person_with_that_title() {
        let body = "Russian president Vladimir Putin met Defence Minister Kim Yong-hyun.\n“We disagree,” the president said.";
        assert_eq!(of(body, "We disagree", PEOPLE), said_by("Vladimir Putin"));
        let body = "Russian president Vladimir Putin met Defence Minister Kim Yong-hyun.\n“We disagree,” the minister said.";
        assert_eq!(of(body, "We disagree", PEOPLE), said_by("Kim Yong-hyun"));
    }

    #[test]
    fn shared_surname_needs_a_recent_mention() {
        let body = "“We disagree,” Mr Kim said.";
        assert_eq!(of(body, "We disagree", PEOPLE), written("Mr Kim"));
        let body = "Kim Jong Un was absent. Kim Yong-hyun spoke.\n“We disagree,” Mr Kim said.";
        assert_eq!(of(body, "We disagree", PEOPLE), said_by("Kim Yong-hyun"));
        let body = "Kim Yong-hyun spoke. Kim Jong Un was absent.\n“We disagree,” Mr Kim said.";
        assert_eq!(of(body, "We disagree", PEOPLE), said_by("Kim Jong Un"));
    }

    #[test]
    fn surnames_and_aliases_resolve_to_the_one_person() {
        let body = "“We disagree,” Putin said.";
        assert_eq!(of(body, "We disagree", PEOPLE), said_by("Vladimir Putin"));
        let body = "“We disagree,” said Mr Shin.";
        assert_eq!(of(body, "We disagree", PEOPLE), said_by("Shin Won-sik"));
        let body = "“We disagree,” said Kim Jong-un.";
        assert_eq!(of(body, "We disagree", PEOPLE), said_by("Kim Jong Un"));
        let body = "“We disagree,” said Olaf Scholz.";
        assert_eq!(of(body, "We disagree", PEOPLE), written("Olaf Scholz"));
    }

    #[test]
    fn titles_that_are_surnames_stay_names() {
        let major = [Person {
            name: "John Major",
            aliases: &[],
        }];
        let body = "“It was a mistake,” John Major said.";
        assert_eq!(of(body, "a mistake", &major), said_by("John Major"));
    }

    #[test]
    fn two_speakers_and_passives_are_no_attribution() {
        let body = "Kim and Putin said “the pact is strong”.";
        assert_eq!(of(body, "pact is strong", PEOPLE), nobody());
        let body = "The pact was said to be “very strong”.";
        assert_eq!(of(body, "very strong", PEOPLE), nobody());
    }

    #[test]
    fn standalone_quotation_continues_the_previous_speaker() {
        let body = "“We are ready,” Shin Won-sik said. “We will respond.” “And we will win.”";
        assert_eq!(of(body, "will respond", PEOPLE), said_by("Shin Won-sik"));
        assert_eq!(of(body, "we will win", PEOPLE), said_by("Shin Won-sik"));
    }

    #[test]
    fn flattened_paragraphs_with_straight_quotes() {
        // The BBC files join paragraphs into one line, so the news convention shows as
        // an opening mark after a sentence end inside an open quotation.
        let people = [
            Person {
                name: "Patricia Hewitt",
                aliases: &[],
            },
            Person {
                name: "Theresa May",
                aliases: &[],
            },
        ];
        let body = "Ms Hewitt said: \"We have already doubled the length of maternity pay. \"We are going to extend the pay to nine months by 2007.\" She said new mothers were entitled to leave. \"We have made a firm commitment.\" The Shadow Secretary of State for the Family, Theresa May, said: \"These plans were announced in December.\"";
        assert_eq!(
            of(body, "extend the pay", &people),
            said_by("Patricia Hewitt")
        );
        assert_eq!(
            of(body, "doubled the length", &people),
            said_by("Patricia Hewitt")
        );
        assert_eq!(
            of(body, "firm commitment", &people),
            said_by("Patricia Hewitt")
        );
        assert_eq!(
            of(body, "announced in December", &people),
            said_by("Theresa May")
        );
        assert_eq!(of(body, "new mothers", &people), unquoted());
    }

    #[test]
    fn apostrophes_open_no_quotation() {
        let body =
            "South Korea’s minister said Korea’s troops aren’t ready, Kim Yong-hyun’s aide added.";
        assert_eq!(of(body, "troops aren’t ready", PEOPLE), unquoted());
        let body = "It's the players' union, not the '80s club, that won.";
        assert_eq!(of(body, "union, not the", PEOPLE), unquoted());
        let body = "Kim Yong-hyun said the plan was ‘not realistic’ for Korea’s army.";
        assert_eq!(of(body, "not realistic", PEOPLE), said_by("Kim Yong-hyun"));
    }

    #[test]
    fn other_quotation_marks() {
        let body = "Kim Yong-hyun said: „Wir sind bereit“, und ging.";
        assert_eq!(
            of(body, "Wir sind bereit", PEOPLE),
            said_by("Kim Yong-hyun")
        );
        let body = "«The front is stable», said Shin Won-sik.";
        assert_eq!(of(body, "front is stable", PEOPLE), said_by("Shin Won-sik"));
        let body = "'The front is stable,' said Shin Won-sik.";
        assert_eq!(of(body, "front is stable", PEOPLE), said_by("Shin Won-sik"));
    }

    #[test]
    fn unusable_spans_are_unquoted() {
        let body = "“Ÿes, we will,” said Kim Yong-hyun.";
        let reversed = Range { start: 5, end: 2 };
        assert_eq!(attribute(body, reversed, PEOPLE), unquoted());
        assert_eq!(attribute(body, 0..body.len() + 1, PEOPLE), unquoted());
        assert_eq!(attribute(body, 1..4, PEOPLE), unquoted());
        assert_eq!(attribute(body, 3..3, PEOPLE), unquoted());
        assert_eq!(attribute(body, 0..3, PEOPLE), unquoted());
        assert_eq!(attribute("", 0..0, PEOPLE), unquoted());
        assert_eq!(attribute(body, 3..6, &[]), written("Kim Yong-hyun"));
    }

    #[test]
    fn unicode_around_quotations() {
        let body = "🇺🇦 Кім Йонг-хьон заявив. «Ми оцінюємо втрати 👀 як дуже ймовірні», — said Kim Yong-hyun.";
        assert_eq!(of(body, "втрати 👀 як", PEOPLE), said_by("Kim Yong-hyun"));
        let body = "金勇贤说：“伤亡的可能性很高，”he said.";
        assert_eq!(of(body, "伤亡", PEOPLE), nobody());
        let body = "Zelenskýy spoke. “Slava,” he said.";
        let z = [Person {
            name: "Volodymyr Zelenskyy",
            aliases: &["Zelenskyy"],
        }];
        assert_eq!(of(body, "Slava", &z), said_by("Volodymyr Zelenskyy"));
    }

    #[test]
    fn people_with_blank_names_are_never_returned() {
        let people = [Person {
            name: " ",
            aliases: &["Kim Yong-hyun"],
        }];
        let body = "“We disagree,” said Kim Yong-hyun.";
        assert_eq!(of(body, "We disagree", &people), written("Kim Yong-hyun"));
    }

    proptest! {
        #[test]
        fn any_text_and_span_never_panics(body in "\\PC{0,300}", x in 0usize..400, y in 0usize..400) {
            let a = attribute(&body, x..y, PEOPLE);
            prop_assert!(a.quoted || a.speaker.is_none());
            prop_assert!(a.speaker.as_deref().is_none_or(|s| !s.trim().is_empty()));
            prop_assert!(!a.resolved || a.speaker.is_some());
        }

        #[test]
        fn newsy_text_keeps_the_invariants(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("“"), Just("”"), Just("\""), Just("‘"), Just("’"), Just("'"),
                    Just("«"), Just("»"), Just("„"), Just(", — "), Just(" — "), Just(", "),
                    Just(". "), Just("\n"), Just("\n\n"), Just(" said "), Just(" he "),
                    Just(" she "), Just("the minister"), Just("Mr Kim"), Just("Kim Yong-hyun"),
                    Just("Kim Jong Un"), Just(" according to "), Just("Putin’s"), Just("We "),
                    Just("estimate "), Just("Korea’s "), Just("officials "), Just("é"),
                    Just("👀"), Just(" "), Just("Ms "), Just("told "), Just(": "),
                ],
                0..60,
            ),
            x in 0usize..600,
            y in 0usize..600,
        ) {
            let body: String = parts.concat();
            let a = attribute(&body, x..y, PEOPLE);
            prop_assert!(a.quoted || a.speaker.is_none());
            prop_assert!(a.speaker.as_deref().is_none_or(|s| !s.trim().is_empty()));
            if a.resolved {
                let name = a.speaker.as_deref().unwrap_or_default();
                prop_assert!(PEOPLE.iter().any(|p| p.name == name));
            }
        }
    }
}
