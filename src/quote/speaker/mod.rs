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
//!    (`… 26 weeks. "We are going …`) — with no closing mark until the last (a quotation
//!    that lost its closing mark ends at the sentence before the next opening mark), and the
//!    translated style with no marks that ends "…, — said the minister." (the dash needs
//!    a comma before it, or the attribution must end the sentence);
//! 2. reads the attribution: first right after the closing mark (`,” he said`, `,” said
//!    Kim`, `,” agreed Kim`, `,” the official added`, `”, according to Kim`, `,” Pat Ryder, the Pentagon's
//!    spokesman, said`, `,” Rep. Markey, D-Mass, the chairman of … said`, `,” hunt
//!    master, Captain Kim, said`, `,” he was quoted as saying`), then before the opening
//!    mark in the same sentence (`Kim said:
//!    “…”`, `Mr Kim said reports were “…”`, `According to Kim, “…”`, `…, adding: “…”`,
//!    `Kim … and said: “…”`, `Lord Bingham - a law lord - said`, a bare `Brentford boss
//!    Martin Allen: “…”`, `the paper quoted
//!    Kim as saying`, `Kim was quoted … as saying`, `Kim termed the deal a “…”`, `what Kim
//!    called “…”`, `Kim declined to comment but said`, `dismissed as “…” by Kim`,
//!    `described as a “…” by his friend and fellow broadcaster Kim`, `a BBC
//!    statement read`, `A statement from Chelsea … read:`, `Kyodo quoted Kim as telling
//!    reporters …, “…”`); the one named after a noun of speech (`claims from Howard that
//!    he led a “…”`, `a claim by Hain that …`), who does not become the next "he"; but
//!    nobody when the sentence names someone else between that speech verb and a mark it
//!    does not open with a colon or comma (`Howard said Hain's remark that …`: the words
//!    may be Hain's), except an owner of something other than words (`Miller added that
//!    Wright's proposal was “a nonstarter”`); a quotation that is a sentence of
//!    its own with neither takes the speaker of the sentence before it (`Mr Kim said ….
//!    “We assess …”`), unless words it cannot read follow its closing mark, or that
//!    speaker is a group or someone unnamed reported without quotation marks
//!    (`Analysts said …. “…”` is nobody; `“…,” one trader said. “…”` stays the trader);
//! 3. reads the speaker's noun phrase: titles and ranks are stripped from names ("Defence
//!    Minister Kim Yong-hyun" → "Kim Yong-hyun", "Peter Ainsworth MP" → "Peter
//!    Ainsworth"), an honorific kept with a lone surname ("Mr Kim"), an employer after
//!    "of"/"from"/"at" dropped ("Grant Wilson of Mellon Bank"), organisations kept whole
//!    ("Bank of England") unless the word before "of" is one of the people's surnames
//!    ("Greenstein of Bear Stearns");
//! 4. resolves it against the people the article mentions: a full name or alias is that
//!    person; a single name ("Kim", "Mr Kim") the one person whose name starts or ends
//!    with it, or among several the one mentioned most recently in the window, otherwise
//!    left as written; "he"/"she" the most recent person in the window (the subject of the
//!    latest sentence naming anyone, its speakers first; honorifics rule out the wrong
//!    gender; not the one asked about in an opening "Asked if Mr Smith …,"); "the
//!    minister" the most recent person the window gives that title, else the
//!    most recent speaker whose known titles do not contradict it, else nobody (two
//!    people with the title in the latest sentence naming one are nobody too; "the Texas
//!    Democrat", "the 67-year-old" fit anyone); "it" the organisation that spoke in the
//!    latest sentence naming anyone, else nobody. Speakers
//!    found earlier in the window count as mentions, so "the minister warned …" resolved
//!    once carries to "the official added" after it. "An official", "officials" and names
//!    not among the people are returned as written, never resolved; "the ministry", "the
//!    company" with no organisation before them, and "they", are nobody: a description
//!    with "the" means someone named outside the window, and shown alone it would be
//!    read as a name. A written name
//!    resolves when it is a known full name after describing words ("Producer Barry
//!    Weissler") or the first words of one ("Javier Nogales" for Javier Nogales Iturri);
//!    "he"/"she" never stands for an organisation ("the International Rugby Board
//!    confirmed that he …") nor, before anyone else in its sentence, for a name written
//!    as an owner ("Sylvester Stallone's ex-wife Brigitte Nielsen … She said"). A
//!    surname after a given name its known bearer lacks ("Malgorzata Kujda" beside Jarek
//!    Kujda) is someone else; one misspelt by a letter, or with two letters swapped
//!    ("Kudja"), is the one person it is that close to; a nickname the article writes
//!    inside a name ("Ahmed 'Mido' Hossam") is that name.
//!
//! 5. widens a name given in part to the one fuller name the window writes around it
//!    ("de Guzman" → "Dante de Guzman", "Marsh" → "Marsh & McLennan"), and resolves "the
//!    ministry", "the firm" to the organisation that spoke last under that name ("the
//!    group" to a company written with its legal form, "BASF AG"; never to a ministry).
//!
//! A quotation opened right after "so-called" is a term: nobody's; so is a name given to
//! a thing ("nicknamed “…”", "known as “…”", "…, or “poison pill,”"), a nickname inside
//! a person's name ("C. J. “Pete” Silas"), a short quotation that is the subject of a
//! clause ("the “control orders” would …"), and one after a determiner that is a name in
//! capitals ("its “Investigational New Drug” filing", "its “Retrovir” drug") or qualifies
//! the noun after it ("its “poison pill” anti-takeover plan").
//!
//! What it never does: pick between two people on a shared surname without a recent
//! mention, look at the paragraph after a closed quotation, or name a speaker for a span
//! outside quotations. Where two readings compete as above, it names nobody: a wrong
//! name misleads a fact-checker more than none (`docs/benchmarks.md` measures both).

mod cues;
mod discourse;
mod fullname;
mod lexicon;
mod marks;
mod phrases;
mod reported;
mod window;

use std::ops::Range;

pub use discourse::Person;
pub use window::MAX_BACK;

use crate::entities::key_of;
use crate::text::Language;
use discourse::{Discourse, Target, Who};
use window::Doc;

/// Whether a span is quoted, and who the text says said it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The span's words lie inside one quotation (marks around them, or the
    /// "…, — said X." style).
    pub quoted: bool,
    /// Who said it: a person's canonical name when `resolved`, otherwise the words the
    /// text uses ("Mr Kim" when two Kims could be meant, "an official", "Reuters"). `None`
    /// when the span is not quoted, the text names no speaker, names one only by a
    /// pronoun that points at nobody ("he" with no person before it, "it", "they"), or by
    /// a "the …" description that points at nobody in the window ("the minister" with no
    /// minister before it). Never empty.
    pub speaker: Option<String>,
    /// `speaker` is one of the `people` passed in, under its canonical name.
    pub resolved: bool,
}

/// [`attribute`] for text in `lang`: Ukrainian, Russian and Korean quotations are read
/// by their own attribution forms (`«…», — заявив він`, `“…”고 밝혔다`; see
/// `reported.rs`), names as the text writes them (`resolved` is false: the article's
/// people are not yet extracted in those scripts); any other language as English.
///
/// `lead` is the article's opening when `body` does not hold it (else empty): an acronym
/// the speaker is named by is read as the name spelt out there ("MITI" for the Ministry
/// of International Trade and Industry).
pub fn attribute_in(
    lang: Language,
    body: &str,
    span: Range<usize>,
    people: &[Person<'_>],
    lead: &str,
) -> Attribution {
    match lang {
        Language::Ukrainian | Language::Russian | Language::Korean => match words_of(body, &span) {
            Some((a, b)) => reported::attribute(lang, body, a, b),
            None => Attribution::default(),
        },
        Language::English | Language::Other => attribute_after(lead, body, span, people),
    }
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
    attribute_after("", body, span, people)
}

/// [`attribute`], with the article's opening `lead` read for acronyms spelt out.
fn attribute_after(
    lead: &str,
    body: &str,
    span: Range<usize>,
    people: &[Person<'_>],
) -> Attribution {
    let Some((a, b)) = words_of(body, &span) else {
        return Attribution::default();
    };
    let mut doc = Doc::read(body, a, b);
    doc.lead = lead;
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
    // The quotation's own words: a name in them is someone spoken about.
    let said = match target {
        Target::Unit(u) => body.get(doc.units[u].inner.clone()).unwrap_or(""),
        _ => body.get(a..b).unwrap_or(""),
    };
    let mut talk = Discourse::new(&doc, people);
    let who = talk.run(target);
    let person = matches!(who, Who::Person(_));
    // A name written in part where the window writes it whole: the whole name.
    let whole = |name: &str| fullname::full_name(&doc, name).unwrap_or_else(|| name.to_owned());
    let (speaker, resolved) = match who {
        Who::Person(p) => (Some(whole(people[p].name.trim())), true),
        Who::Named(text) => match lexicon::without_the(&text) {
            // "The Finance and Economy Ministry said": the name, without its article.
            // "The company said", "the minister added" with no one in the window to say
            // who: the text means someone it named before the window, and the
            // description alone would be read as a name. ("An official", "officials"
            // name nobody in particular.)
            Some(rest) => (proper_name(rest).map(str::to_owned), false),
            // "ChemLawn said", after "ChemLawn Corp said" at the top: the fuller name.
            None => {
                let name = whole(&text);
                let name = fullname::with_legal_form(&doc, &name).unwrap_or(name);
                (Some(name), false)
            }
        },
        Who::Nobody => (None, false),
    };
    // A speaker is shown to a reader: never an empty or letterless string.
    let speaker = speaker
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .map(|s| without_descriptor(&s, people))
        // An honorific alone ("Ms") names nobody.
        .filter(|s| !lexicon::is_honorific(s))
        // A name as written is capitalised somewhere ("al-Qabas"): one plain word that
        // is no role ("press", misread from "so that it can press claims") is no one.
        .filter(|s| resolved || !plain_word(s))
        // A person the quotation speaks of ("Andy would be a hard act to follow") is not
        // who says it: null is better than that name. (An organisation names itself in
        // its statements: "… a majority stake in Absa," Absa said.)
        .filter(|s| !(person && named_in(s, said)));
    Attribution {
        quoted: true,
        resolved: resolved && speaker.is_some(),
        speaker,
    }
}

/// Whether `written` is one word with no capital that names no role or group
/// ("officials", "analysts" do).
fn plain_word(written: &str) -> bool {
    !written.contains(' ')
        && !written.chars().any(char::is_uppercase)
        && !lexicon::is_title_word(written)
        && !lexicon::is_plural_role(written)
}

/// `rest` of "the Finance and Economy Ministry", "the New York Stock Exchange" when it is
/// a proper name: its first and last words capitalised, the last no title ("the
/// Minister" is a description).
fn proper_name(rest: &str) -> Option<&str> {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let first = rest.split(' ').next()?;
    let last = rest.rsplit(' ').next()?;
    (capital(first) && capital(last) && !lexicon::is_title_word(&last.to_lowercase()))
        .then_some(rest)
}

/// A name without the capitalised descriptor a text puts before it ("Producer Barry
/// Weissler", "Liberal Democrat Sarah Teather", "Fly-half Charlie Hodgson"): when the
/// first word is neither a given name nor an honorific, the name starts at a later given
/// name (the first) if from there it is one of the article's people, or a given name and
/// a surname after at most two words ("Farhat Omar Ben Gadaravic" stays whole). Honorifics stay
/// ("Dr Rowan Williams").
fn without_descriptor(name: &str, people: &[Person<'_>]) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // "Man-of-the-match Duff": a hyphenated phrase before a name describes.
    let phrase = |w: &str| {
        w.split('-').count() >= 3
            && w.split('-')
                .any(|part| matches!(part, "of" | "the" | "in" | "for" | "and"))
    };
    if words.len() >= 2 && phrase(words[0]) {
        words.remove(0);
        return without_descriptor(&words.join(" "), people);
    }
    let given = crate::entities::is_given_name;
    let first = words.first().copied().unwrap_or("");
    // "S. Stanley Katz": an initial is part of the name.
    let initial = first.trim_end_matches('.').chars().count() == 1;
    if words.len() < 3 || given(first) || lexicon::is_honorific(first) || initial {
        return name.to_owned();
    }
    let known = |candidate: &str| {
        let key = key_of(candidate);
        people.iter().any(|person| key_of(person.name) == key)
    };
    // "Virgin Radio DJ Pete Mitchell": a title or an acronym just before the given name
    // ends a longer descriptor.
    let titled = |i: usize| {
        let w = words[i - 1];
        lexicon::is_title_word(&w.to_lowercase())
            || (w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    // The first given name only: "Omar Ben …" does not start at "Ben".
    match (1..words.len() - 1).find(|&i| given(words[i])) {
        Some(i)
            if known(&words[i..].join(" "))
                || ((i <= 2 || (i <= 3 && titled(i))) && words.len() - i == 2) =>
        {
            words[i..].join(" ")
        }
        _ => name.to_owned(),
    }
}

/// Whether a capitalised word of `name` (three letters or more, not an honorific)
/// stands as a word in `text`.
fn named_in(name: &str, text: &str) -> bool {
    name.split_whitespace()
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| !lexicon::is_honorific(w))
        .any(|w| {
            text.match_indices(w).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
}

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

#[cfg(test)]
mod tests;
