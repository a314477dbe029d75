//! A speaker named in part ("de Guzman", "Marsh", "Mulyani Indrawati") widened to the
//! fuller name the window writes for the same speaker ("Dante de Guzman", "Marsh &
//! McLennan", "Sri Mulyani Indrawati"), when the article's people do not list them.

use super::lexicon::{
    honorific, is_legal_form, is_name_particle, is_not_name, is_org_word, is_speech_verb,
    is_title_word,
};
use super::window::{Doc, Tok};
use crate::entities::is_given_name;
use crate::text::words::strip_possessive;

/// The one longer name the window writes around an occurrence of `written`'s words, or
/// `None` when it writes none or two that neither holds (two Kims).
pub(super) fn full_name(doc: &Doc<'_>, written: &str) -> Option<String> {
    let words: Vec<&str> = written
        .split_whitespace()
        .skip_while(|w| honorific(&w.trim_end_matches('.').to_lowercase()).is_some())
        .collect();
    if let [one] = words.as_slice()
        && let Some(name) = spelt_out(doc, one)
            .or_else(|| bracketed(doc, one))
            .or_else(|| nicknamed(doc, one))
    {
        return Some(name);
    }
    // "Us magazine" after "Us Weekly": the publication's name, not the word for it.
    if let [name @ .., last] = words.as_slice()
        && !name.is_empty()
        && matches!(
            *last,
            "magazine" | "newspaper" | "paper" | "journal" | "website" | "tabloid"
        )
    {
        return full_name(doc, &name.join(" "));
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if !words.iter().any(capitalised)
        || !words
            .iter()
            .all(|w| capitalised(w) || is_name_particle(&w.to_lowercase()))
    {
        return None;
    }
    match longer_in(&doc.toks, &words) {
        Some(found) => found,
        // Not written in the window: the article's opening, where a name is given whole
        // ("Vice-Premier Yao Yilin said" above "Yao said").
        None if !doc.lead.is_empty() => {
            let end = doc.lead.trim_end().len();
            longer_in(&Doc::read(doc.lead, end, end).toks, &words).flatten()
        }
        None => None,
    }
}

/// The one longer name `toks` write around an occurrence of `words`: `Some(None)` when
/// they write two that neither holds, `None` when they write none.
fn longer_in(toks: &[Tok<'_>], words: &[&str]) -> Option<Option<String>> {
    let mut longer: Option<String> = None;
    for i in 0..toks.len().saturating_sub(words.len() - 1) {
        let fits = words
            .iter()
            .zip(&toks[i..])
            .all(|(w, t)| t.word && strip_possessive(t.text) == *w);
        if !fits {
            continue;
        }
        let (a, b) = widen(toks, i, i + words.len());
        if b - a == words.len() {
            continue;
        }
        let name = joined(&toks[a..b]);
        match &longer {
            // Two different fuller names: the longer one only if it holds the other.
            Some(seen) if name.contains(seen.as_str()) => longer = Some(name),
            Some(seen) if !seen.contains(name.as_str()) => return Some(None),
            Some(_) => {}
            None => longer = Some(name),
        }
    }
    longer.map(Some)
}

/// The name written just before `acronym` in brackets ("the Institute of Economic
/// Research (NZIER)" for NZIER), in the window or the article's opening: its capitalised
/// words and the small words between them, without "the". `None` when none is written,
/// or two different ones.
pub(super) fn bracketed(doc: &Doc<'_>, acronym: &str) -> Option<String> {
    let acronym = acronym.trim_end_matches(['.', ',']);
    if !(2..=8).contains(&acronym.len()) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let small = |w: &str| matches!(w, "of" | "and" | "for" | "on" | "&");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let marked = format!("({acronym})");
    let mut found: Option<String> = None;
    for text in [doc.lead, doc.body] {
        for (at, _) in text.match_indices(&marked) {
            let before: Vec<&str> = text[..at].split_whitespace().collect();
            let mut start = before.len();
            while start > 0 && (capitalised(before[start - 1]) || small(before[start - 1])) {
                start -= 1;
            }
            while start < before.len() && small(before[start]) {
                start += 1;
            }
            if before.len() - start < 2 {
                continue;
            }
            let name = before[start..].join(" ");
            let name = name.strip_prefix("The ").unwrap_or(&name).to_owned();
            match &found {
                Some(seen) if *seen != name => return None,
                _ => found = Some(name),
            }
        }
    }
    found
}

/// The one name the article writes whose capitalised words' initials spell the acronym
/// `written` ("Petroleum Intelligence Weekly" for PIW, "Ministry of International Trade
/// and Industry" for MITI: "of", "and", "for" and "the" inside it spell nothing). The
/// whole body and the article's opening are read, since an acronym is usually spelt out
/// once, at the top. `None`
/// for a word that is no acronym, when no name spells it, or when two different names
/// do.
pub(super) fn spelt_out(doc: &Doc<'_>, written: &str) -> Option<String> {
    let acronym = written.trim_end_matches(['.', ',']);
    if !(2..=6).contains(&acronym.len()) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let connector = |w: &str| matches!(w, "of" | "and" | "for" | "the");
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    let mut found: Option<String> = None;
    // Runs of words between punctuation: a name never spans a comma or a full stop.
    let runs = [doc.lead, doc.body]
        .into_iter()
        .flat_map(|text| text.split(|c: char| ",.;:()\"“”‘’!?<>\n".contains(c)));
    for run in runs {
        let words: Vec<&str> = run.split_whitespace().collect();
        for a in 0..words.len() {
            let mut initials = String::new();
            let mut b = a;
            while b < words.len() && initials.len() < acronym.len() {
                let w = words[b];
                if b > a && connector(w) {
                    b += 1;
                    continue;
                }
                if !capitalised(w) {
                    break;
                }
                initials.extend(w.chars().next());
                b += 1;
            }
            if b - a < 2 || initials != acronym || !capitalised(words[b - 1]) {
                continue;
            }
            let name = words[a..b].join(" ");
            match &found {
                Some(seen) if *seen != name => return None,
                _ => found = Some(name),
            }
        }
    }
    found
}

/// The name the article writes around `nickname` in marks ("Ahmed 'Mido' Hossam" for
/// Mido), in the window or its opening: the given name and the surname, without the
/// nickname. `None` when it writes none, or two different ones.
pub(super) fn nicknamed(doc: &Doc<'_>, nickname: &str) -> Option<String> {
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    };
    if !capitalised(nickname) {
        return None;
    }
    let mut found: Option<String> = None;
    for text in [doc.lead, doc.body] {
        for (open, close) in [('\'', '\''), ('‘', '’'), ('"', '"'), ('“', '”')] {
            let marked = format!("{open}{nickname}{close} ");
            for (at, _) in text.match_indices(&marked) {
                let Some(before) = text[..at].strip_suffix(' ') else {
                    continue;
                };
                let given = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let rest = &text[at + marked.len()..];
                let surname = rest
                    .split(|c: char| !c.is_alphabetic() && c != '-')
                    .next()
                    .unwrap_or("");
                if !capitalised(given) || !capitalised(surname) {
                    continue;
                }
                let name = format!("{given} {surname}");
                match &found {
                    Some(seen) if *seen != name => return None,
                    _ => found = Some(name),
                }
            }
        }
    }
    found
}

/// An organisation named by one word ("ChemLawn") with the legal form the article
/// writes after it, in the window or its opening ("ChemLawn Corp", "USAir Group Inc"),
/// when it writes one form only.
pub(super) fn with_legal_form(doc: &Doc<'_>, written: &str) -> Option<String> {
    let capitalised = written.chars().next().is_some_and(char::is_uppercase);
    if written.contains(' ') || !capitalised {
        return None;
    }
    let mut found: Option<&str> = None;
    for text in [doc.lead, doc.body] {
        for (at, _) in text.match_indices(written) {
            let starts = !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let rest = &text[at + written.len()..];
            let Some(rest) = rest.strip_prefix(' ') else {
                continue;
            };
            let mut words = rest.split(|c: char| !c.is_alphanumeric());
            let first = words.next().unwrap_or("");
            // "USAir Group Inc": a capitalised word that ends organisations' names, then
            // the legal form.
            let form = match words.next() {
                Some(next)
                    if first.chars().next().is_some_and(char::is_uppercase)
                        && rest[first.len()..].starts_with(' ')
                        && is_org_word(&first.to_lowercase())
                        && is_legal_form(&next.to_lowercase()) =>
                {
                    &rest[..first.len() + 1 + next.len()]
                }
                _ => first,
            };
            let last = form.rsplit(' ').next().unwrap_or("");
            if !starts || form.is_empty() || !is_legal_form(&last.to_lowercase()) {
                continue;
            }
            match found {
                Some(seen) if seen != form => return None,
                _ => found = Some(form),
            }
        }
    }
    found.map(|form| format!("{written} {form}"))
}

/// Tokens as a name: their words, without a possessive, joined by spaces.
fn joined(toks: &[Tok<'_>]) -> String {
    let mut out = String::new();
    for (i, t) in toks.iter().enumerate() {
        // No space around a slash that joins two letters ("A/S").
        let tight = t.text == "/" || (i > 0 && toks[i - 1].text == "/");
        if i > 0 && !tight {
            out.push(' ');
        }
        out.push_str(strip_possessive(t.text));
    }
    out
}

/// Widens the name at tokens `a..b` over the capitalised words and particles of its
/// sentence: left while no title, honorific or sentence word comes first; right over
/// capitalised words, `&` between two, and a legal form ("Inc").
fn widen(toks: &[Tok<'_>], mut a: usize, mut b: usize) -> (usize, usize) {
    let sent = toks[a].sent;
    let namelike = |t: &Tok<'_>| {
        t.word
            && t.cap
            && !t.possessive
            && t.unit.is_none()
            && !is_not_name(&t.lower)
            && !is_title_word(&t.lower)
            && t.sent == sent
    };
    // Leftwards only given names ("Dante"), with the particles before a surname ("Dante
    // de Guzman", "Rene Van Der Linden"), or any capitalised word right after a title
    // or a speech verb ("Minister Sri Mulyani Indrawati", "said Sri …"): other
    // capitalised words describe ("Secretary for Foreign Affairs Rene Van Der Linden").
    let given = |t: &Tok<'_>| namelike(t) && is_given_name(t.text);
    let mut at = a;
    while at > 0 {
        let t = &toks[at - 1];
        // After a title or a speech verb, a capitalised word starts the name.
        let titled = at >= 2 && {
            let before = &toks[at - 2];
            (before.cap && is_title_word(&before.lower))
                || (before.word && !before.cap && is_speech_verb(&before.lower))
        };
        if given(t) {
            at -= 1;
            a = at;
        } else if namelike(t) && titled {
            // "Finance Minister Sri Mulyani Indrawati": between a title and the name.
            a = at - 1;
            break;
        } else if (is_name_particle(&t.lower) || namelike(t)) && t.sent == sent && !t.possessive {
            at -= 1;
        } else {
            break;
        }
    }
    if toks[b - 1].possessive {
        return (a, b);
    }
    while b < toks.len() {
        let t = &toks[b];
        if t.word && t.sent == sent && is_legal_form(&t.lower) {
            b += 1;
            break;
        }
        // A legal form written with a slash, read as three tokens ("Novo Industri A/S").
        if let [x, slash, y, ..] = &toks[b..]
            && slash.text == "/"
            && is_legal_form(&format!("{}/{}", x.lower, y.lower))
        {
            b += 3;
            break;
        }
        if t.text == "&" && b + 1 < toks.len() && namelike(&toks[b + 1]) {
            b += 2;
        } else if namelike(t) {
            b += 1;
        } else {
            break;
        }
    }
    (a, b)
}
