//! Speakers in Ukrainian, Russian and Korean text, read from the forms their news copy
//! attributes quotations in:
//!
//! - Ukrainian and Russian: after the closing mark, a dash and the speech verb with its
//!   speaker in either order (`«…», — заявив Кім Йон Хьон.`, `«…», — сказал он.`,
//!   `«…», — Коваленко написав.`), or before the opening mark, the speaker and a speech
//!   verb in the same sentence (`Путін запевнив: «…»`, `Буданов звинуватив Пхеньян у
//!   «…»`);
//! - Korean: the quotative ending after the closing mark (`”고 밝혔다`, `”라고 말했다`,
//!   `”이라고 경고했다`) and the sentence's topic or subject before the opening mark
//!   (`김 장관은 “…”고 밝혔다` → `김 장관`).
//!
//! The speaker is the name the phrase holds: in Cyrillic the last run of capitalised
//! words (titles, acronyms and words after a preposition left out: `речник Пентагону
//! генерал-майор Пет Райдер` → `Пет Райдер`); in Korean the words before a title
//! (`팻 라이더 대변인` → `팻 라이더`). A name given in part is widened to the fuller one
//! the window wrote before (`Ким` → `Ким Ён Хён`, `김 장관` → `김용현`, `코발렌코
//! 센터장` → `안드리 코발렌코`). A pronoun (`він`, `он`, `그는`), a quotation with no
//! subject of its own (`이어 “…”고 말했다`) and a title whose holder the window names
//! (`додав міністр`) take the speaker of the quotation before; a description with no
//! name (`джерело видання`) is given as written. Nobody, rather than a guess, where the
//! phrase names no one the window can tell.

use std::ops::Range;

use crate::text::Language;
use crate::text::particles::strip_particle;

use super::Attribution;

/// A quotation of the window: its marks and the words between them.
#[derive(Debug, Clone)]
struct Quoted {
    /// Where its opening mark starts.
    open: usize,
    /// The words between the marks.
    inner: Range<usize>,
    /// Where its closing mark ends.
    close_end: usize,
}

/// Who said `body[a..b]` (the matched words), read as `lang`'s news copy writes
/// attributions.
pub(super) fn attribute(lang: Language, body: &str, a: usize, b: usize) -> Attribution {
    let quotes = quotations(body);
    let Some(target) = quotes
        .iter()
        .position(|q| q.inner.start <= a && b <= q.inner.end)
    else {
        return Attribution::default();
    };
    // Each quotation up to the span's, in order: a pronoun or a quotation with no
    // subject of its own is the speaker of the one before.
    let mut last: Option<String> = None;
    for (i, quoted) in quotes[..=target].iter().enumerate() {
        let who = match lang {
            Language::Korean => korean_speaker(body, &quotes, quoted, last.as_deref()),
            _ => cyrillic_speaker(body, &quotes, quoted, last.as_deref()),
        };
        if i == target {
            return Attribution {
                quoted: true,
                speaker: who.filter(|s| s.chars().any(char::is_alphanumeric)),
                resolved: false,
            };
        }
        if who.is_some() {
            last = who;
        }
    }
    Attribution::default()
}

/// The outermost quotations of `body`: «…», “…”, „…” and "…" within one line.
fn quotations(body: &str) -> Vec<Quoted> {
    let mut found = Vec::new();
    // The opening marks still open (where, and which), outermost first.
    let mut open: Vec<(usize, char)> = Vec::new();
    for (at, c) in body.char_indices() {
        match c {
            '\n' => open.clear(),
            '«' | '“' | '„' => open.push((at, c)),
            '"' if open.last().is_none_or(|&(_, mark)| mark != '"') => open.push((at, c)),
            '»' | '”' | '"' => {
                let Some((start, _)) = open.pop() else {
                    continue;
                };
                if open.is_empty() {
                    found.push(Quoted {
                        open: start,
                        inner: start + body[start..].chars().next().map_or(1, char::len_utf8)..at,
                        close_end: at + c.len_utf8(),
                    });
                }
            }
            _ => {}
        }
    }
    found
}

/// Where the sentence holding `at` starts: after the last `.`, `!`, `?` or line break
/// before it outside every quotation.
fn sentence_start(body: &str, quotes: &[Quoted], at: usize) -> usize {
    let inside = |i: usize| quotes.iter().any(|q| q.open <= i && i < q.close_end);
    body[..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | '\n') && !inside(i))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The words of `body[range]` outside the quotations, with where each starts.
fn words_outside<'b>(
    body: &'b str,
    quotes: &[Quoted],
    range: Range<usize>,
) -> Vec<(usize, &'b str)> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let inside = |i: usize| quotes.iter().any(|q| q.open <= i && i < q.close_end);
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | 'ʼ');
    for (i, c) in body[range.clone()].char_indices() {
        let at = range.start + i;
        if is_word_char(c) && !inside(at) {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            words.push((s, body[s..at].trim_matches(['-', '\'', '’', 'ʼ'])));
        }
    }
    if let Some(s) = start {
        words.push((s, body[s..range.end].trim_matches(['-', '\'', '’', 'ʼ'])));
    }
    words.retain(|(_, w)| !w.is_empty());
    words
}

// --- Ukrainian and Russian ---

/// Speech verbs, by the start every form shares (`заяв` for `заявив`, `заявила`,
/// `заявил`).
const CYRILLIC_SPEECH: [&str; 41] = [
    "заяв",
    "сказа",
    "повідом",
    "дода",
    "зазнач",
    "наголос",
    "підкресл",
    "поясн",
    "запевн",
    "відпові",
    "напис",
    "писа",
    "каза",
    "заува",
    "попере",
    "звинуват",
    "назва",
    "цитує",
    "сообщ",
    "добав",
    "отмет",
    "подчерк",
    "завер",
    "ответи",
    "говор",
    "замет",
    "предупре",
    "обвин",
    "уточн",
    "подтверд",
    "підтверд",
    "розповів",
    "розповіл",
    "рассказ",
    "визна",
    "призна",
    "нагад",
    "напомн",
    "оцін",
    "оцен",
    "пише",
];

/// The endings of the verb forms news copy attributes with: past (`-в`, `-л`, `-ла`,
/// `-ло`, `-ли`) and present (`-є`, `-ить`, `-ет`, `-ит`).
const CYRILLIC_VERB_ENDINGS: [&str; 11] = [
    "в", "л", "ла", "ло", "ли", "є", "ить", "ит", "ет", "ше", "ує",
];

/// Subject pronouns, which stand for the speaker before.
const CYRILLIC_PRONOUNS: [&str; 8] = ["він", "вона", "вони", "воно", "он", "она", "они", "оно"];

/// Titles and roles: never part of a name; alone, they stand for the speaker before
/// when the window gave that speaker the title.
const CYRILLIC_ROLES: [&str; 20] = [
    "міністр",
    "министр",
    "речник",
    "представник",
    "представител",
    "президент",
    "прем",
    "генерал",
    "глава",
    "голова",
    "керівник",
    "начальник",
    "лідер",
    "лидер",
    "посол",
    "секретар",
    "директор",
    "командувач",
    "командующ",
    "посадов",
];

/// Prepositions: a capitalised word after one names a place or a source, not a speaker
/// (`в Пентагоні`, `за даними Kyiv Post`).
const CYRILLIC_PREPOSITIONS: [&str; 24] = [
    "в", "у", "на", "з", "із", "зі", "до", "від", "по", "для", "при", "о", "об", "к", "с", "со",
    "за", "про", "під", "над", "під", "из", "от", "под",
];

/// Whether `word` (lower case) is a speech verb in a form that attributes.
fn is_cyrillic_speech_verb(word: &str) -> bool {
    CYRILLIC_SPEECH.iter().any(|stem| word.starts_with(stem))
        && CYRILLIC_VERB_ENDINGS.iter().any(|end| word.ends_with(end))
}

fn is_role(word: &str) -> bool {
    let lower = word.to_lowercase();
    CYRILLIC_ROLES.iter().any(|role| lower.starts_with(role))
}

/// Whether `word` is written with a capital and is not an acronym (`КНДР`, `ЗСУ`).
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    first_upper && !acronym
}

/// The speaker of a Ukrainian or Russian quotation.
fn cyrillic_speaker(
    body: &str,
    quotes: &[Quoted],
    quoted: &Quoted,
    last: Option<&str>,
) -> Option<String> {
    let line_end = body[quoted.close_end..]
        .find('\n')
        .map_or(body.len(), |i| quoted.close_end + i);
    // After the closing mark: `, — verb speaker.` or `, — speaker verb.`
    let tail = &body[quoted.close_end..line_end];
    let after_comma = tail.trim_start_matches([',', ' ', '\u{a0}']);
    if after_comma.starts_with(['—', '–', '-']) {
        let from = line_end - after_comma.len();
        let end = body[from..line_end]
            .find(['.', '!', '?', '«', '“'])
            .map_or(line_end, |i| from + i);
        let words = words_outside(body, quotes, from..end);
        if let Some(v) = words
            .iter()
            .position(|(_, w)| is_cyrillic_speech_verb(&w.to_lowercase()))
        {
            let phrase = if v == 0 { &words[1..] } else { &words[..v] };
            return cyrillic_name(body, phrase, quoted.open, last);
        }
        return None;
    }
    // Before the opening mark: `speaker verb: «…»`, `speaker verb … у «…»`.
    let start = sentence_start(body, quotes, quoted.open);
    let words = words_outside(body, quotes, start..quoted.open);
    let v = words
        .iter()
        .rposition(|(_, w)| is_cyrillic_speech_verb(&w.to_lowercase()))?;
    cyrillic_name(body, &words[..v], quoted.open, last)
}

/// The speaker a Cyrillic phrase names (see the module's notes).
fn cyrillic_name(
    body: &str,
    phrase: &[(usize, &str)],
    before: usize,
    last: Option<&str>,
) -> Option<String> {
    let lower: Vec<String> = phrase.iter().map(|(_, w)| w.to_lowercase()).collect();
    // Runs of capitalised words, none after a preposition, titles and acronyms apart.
    let mut runs: Vec<Vec<&str>> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (i, &(at, word)) in phrase.iter().enumerate() {
        let after_preposition =
            i > 0 && CYRILLIC_PREPOSITIONS.contains(&lower[i - 1].as_str()) && run.is_empty();
        let preposition = CYRILLIC_PREPOSITIONS.contains(&lower[i].as_str());
        // Any word is capitalised at a sentence's start (`Напередодні міністр заявив`):
        // there it is a name only before another capitalised word or right before the
        // verb (`Путін запевнив`).
        let opener_only =
            starts_sentence(body, at) && i + 1 < phrase.len() && !capitalised(phrase[i + 1].1);
        if capitalised(word) && !is_role(word) && !after_preposition && !preposition && !opener_only
        {
            run.push(word);
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    if let Some(name) = runs.last() {
        let name = name.join(" ");
        return Some(if name.contains(' ') {
            name
        } else {
            widen_cyrillic(&body[..before], &name).unwrap_or(name)
        });
    }
    if lower
        .iter()
        .any(|w| CYRILLIC_PRONOUNS.contains(&w.as_str()))
    {
        return last.map(str::to_owned);
    }
    if let Some(role) = phrase.iter().find(|(_, w)| is_role(w)) {
        // The speaker before, when the window gave them this title.
        return last
            .filter(|name| holds_title(&body[..before], name, role.1))
            .map(str::to_owned);
    }
    // A description with no name: `джерело видання` (not `у Пентагоні`, a place).
    let description = !phrase.is_empty()
        && phrase.len() <= 4
        && lower
            .iter()
            .zip(phrase)
            .all(|(l, (_, w))| l == w && !CYRILLIC_PREPOSITIONS.contains(&l.as_str()));
    description.then(|| phrase.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" "))
}

/// Whether the word at `at` starts a sentence: only spaces and quotation marks stand
/// between it and the text's start, a line break or a sentence's end.
fn starts_sentence(body: &str, at: usize) -> bool {
    let before = body[..at].trim_end_matches([' ', '\u{a0}', '«', '»', '“', '”', '"']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '…'])
}

/// The fullest name of two words or more the window writes with `part` as its first
/// or last word, the latest before the quotation (`Ким` → `Ким Ён Хён`, `Коваленко` →
/// `Андрій Коваленко`); a name in another case counts (`Кім Йон Хьона`).
fn widen_cyrillic(window: &str, part: &str) -> Option<String> {
    let mut best = None;
    for sentence in window.split(['.', '!', '?', '\n', '…']) {
        if let Some(name) = widen_in(sentence, part) {
            best = Some(name);
        }
    }
    best
}

/// [`widen_cyrillic`] in one sentence.
fn widen_in(sentence: &str, part: &str) -> Option<String> {
    let words: Vec<&str> = sentence
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut best = None;
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i]) || is_role(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && capitalised(words[i]) && !is_role(words[i]) {
            i += 1;
        }
        let run = &words[start..i];
        // A name is at most three words: "Південної Кореї Кім Йон Хьон" ends with one.
        let run = &run[run.len().saturating_sub(3)..];
        if run.len() >= 2 && (run[0] == part || run[run.len() - 1] == part) {
            best = Some(run.join(" "));
        }
    }
    best
}

/// Whether `window` gives `name` the title `role`: a word starting like it within the
/// six words before the name's last word (in any case form).
fn holds_title(window: &str, name: &str, role: &str) -> bool {
    let Some(surname) = name.split(' ').next_back() else {
        return false;
    };
    let role = role.to_lowercase();
    let stem: String = role.chars().take(6).collect();
    let words: Vec<String> = window
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let surname = surname.to_lowercase();
    words.iter().enumerate().any(|(i, w)| {
        w.starts_with(&surname)
            && words[i.saturating_sub(6)..i]
                .iter()
                .any(|before| before.starts_with(&stem))
    })
}

// --- Korean ---

/// What follows a Korean quotation's closing mark when it is someone's words: the
/// quotative endings (`”고 밝혔다`, `”라고 말했다`, `”이라고`, `”며`).
const KOREAN_QUOTATIVES: [&str; 7] = ["이라고", "라고", "이라며", "라며", "면서", "고", "며"];

/// Titles and roles written after a name (`김용현 국방부 장관`, `팻 라이더 대변인`,
/// `장영수 고려대 법대 교수`), matched as the end of a word: `원내대표` is a `대표`,
/// `인사기획팀장` a `팀장`, `연구위원` a `위원`.
const KOREAN_TITLES: [&str; 47] = [
    "장관",
    "차관",
    "국장",
    "센터장",
    "대변인",
    "위원장",
    "위원",
    "대통령",
    "총리",
    "대사",
    "특사",
    "의원",
    "소장",
    "사령관",
    "서기",
    "총장",
    "청장",
    "실장",
    "팀장",
    "본부장",
    "대표",
    "회장",
    "사장",
    "원장",
    "처장",
    "외무상",
    "부장",
    "교수",
    "기자",
    "상무",
    "전무",
    "이사",
    "감독",
    "코치",
    "선수",
    "주장",
    "변호사",
    "판사",
    "검사",
    "박사",
    "연구원",
    "프로그래머",
    "애널리스트",
    "이코노미스트",
    "대행",
    "지사",
    "시장",
];

/// Words that end a name and start what is said of it: `전` (former: `라잘리 이스마일
/// 전 유엔 특사`), `겸` (and also: `김신일 부총리 겸 … 장관`), `등` (and others: `윤호중
/// 의원 등 28명`), `씨` (Mr or Ms).
const KOREAN_AFTER_NAME: [&str; 6] = ["전", "현", "겸", "등", "및", "씨"];

/// Endings of an organisation's name written between a person's name and the title
/// (`장영수 고려대 법대 교수`, `이항구 산업연구원 연구위원`, `제프 블라터 국제축구연맹
/// 회장`): left out of the name.
const KOREAN_ORGANISATIONS: [&str; 21] = [
    "대",
    "대학",
    "대학교",
    "연구원",
    "연구소",
    "연맹",
    "협회",
    "위원회",
    "부",
    "처",
    "청",
    "당",
    "은행",
    "그룹",
    "공사",
    "공단",
    "재단",
    "센터",
    "기구",
    "회사",
    "학회",
];

/// Sentence adverbs that open a sentence before its subject (`반면 장영수 … 교수는`).
const KOREAN_OPENERS: [&str; 22] = [
    "반면",
    "한편",
    "또",
    "또한",
    "이어",
    "이에",
    "그러나",
    "하지만",
    "그런데",
    "특히",
    "다만",
    "이날",
    "당시",
    "이후",
    "앞서",
    "최근",
    "현재",
    "결국",
    "따라서",
    "아울러",
    "그리고",
    "그래서",
];

/// Whether `word` is a title or role (`원내대표`, `연구위원`), by its end.
fn is_korean_title(word: &str) -> bool {
    KOREAN_TITLES.iter().any(|t| word.ends_with(t))
}

/// Whether `word`, not the first of a name, is an organisation's name or acronym
/// (`고려대`, `국제축구연맹`, `KIET`).
fn is_korean_organisation(word: &str) -> bool {
    let acronym = word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    acronym || KOREAN_ORGANISATIONS.iter().any(|o| word.ends_with(o))
}

/// The name a Korean speaker's phrase holds: the words before its first title or word
/// like `전` (`김신일 부총리 겸 … 장관` → `김신일`, `윤호중 의원 등 28명` → `윤호중`),
/// without sentence adverbs before it or organisations after it (`장영수 고려대 법대`
/// → `장영수`). Empty for a title alone (`장관`).
fn korean_name<'w>(phrase: &[&'w str]) -> Vec<&'w str> {
    let start = phrase
        .iter()
        .position(|w| !KOREAN_OPENERS.contains(w))
        .unwrap_or(phrase.len());
    let phrase = &phrase[start..];
    let end = phrase
        .iter()
        .position(|w| is_korean_title(w) || KOREAN_AFTER_NAME.contains(w))
        .unwrap_or(phrase.len());
    let mut name = phrase[..end].to_vec();
    while name.len() > 1 && name.last().is_some_and(|w| is_korean_organisation(w)) {
        name.pop();
    }
    name
}

/// Subject pronouns, which stand for the speaker before.
const KOREAN_PRONOUNS: [&str; 2] = ["그", "그녀"];

/// Words that describe a speaker without naming one (`매체는`, the outlet).
const KOREAN_DESCRIPTIONS: [&str; 6] = ["매체", "소식통", "관계자", "당국", "통신", "신문"];

/// Where the particle of a Korean speaker's word starts: the topic (`은`, `는`) or
/// additive (`도`) marker. The subject marker (`이`, `가`) is not read: before a
/// quotation it more often marks a clause's subject (`북한이 “…”`, `장교들이 숨졌다는`)
/// than the speaker, and nobody is better than the wrong one.
fn subject_particle(word: &str) -> Option<usize> {
    for particle in ["은", "는", "도"] {
        if let Some(rest) = word.strip_suffix(particle) {
            // `대해서는`, `에서는`, `으로는`: a topic that is no one; `숨졌다는`,
            // `이라는`: a verb's form.
            let not_noun = ["에", "서", "로", "데", "다", "라"]
                .iter()
                .any(|end| rest.ends_with(end));
            if !rest.is_empty() && !not_noun {
                return Some(rest.len());
            }
        }
    }
    None
}

/// Whether a word ends a Korean noun phrase read backwards: a case particle other than
/// the subject's (`정보총국의`, `국회에서`), or a figure (`8일`).
fn ends_korean_phrase(word: &str) -> bool {
    // Not `로`, `고`, `서` alone: names end with them (`키릴로`).
    [
        "의", "에", "에서", "에게", "을", "를", "으로", "과", "와", "며",
    ]
    .iter()
    .any(|p| word.ends_with(p))
        || word.chars().any(|c| c.is_ascii_digit())
        // A verb that links a clause (`공시를 하자,`, `커지자`) or describes a noun
        // (`만난 적이 있는`): what comes before it is no part of the name.
        || ["하자", "되자", "지자", "있는", "없는", "하는", "했던"]
            .iter()
            .any(|p| word.ends_with(p))
        // A title with the copula (`인사기획팀장인 박갑진 상무`): the name follows it.
        || word
            .strip_suffix('인')
            .is_some_and(|stem| !stem.is_empty() && is_korean_title(stem))
}

/// The speaker of a Korean quotation.
fn korean_speaker(
    body: &str,
    quotes: &[Quoted],
    quoted: &Quoted,
    last: Option<&str>,
) -> Option<String> {
    let tail = &body[quoted.close_end..];
    if !KOREAN_QUOTATIVES.iter().any(|q| tail.starts_with(q)) {
        return None;
    }
    let start = sentence_start(body, quotes, quoted.open);
    let words = words_outside(body, quotes, start..quoted.open);
    let subject = words
        .iter()
        .rposition(|(_, w)| subject_particle(w).is_some());
    let Some(s) = subject else {
        // `이어 “…”고 말했다`: the speaker before goes on.
        return last.map(str::to_owned);
    };
    let head_len = subject_particle(words[s].1)?;
    let head = &words[s].1[..head_len];
    if KOREAN_PRONOUNS.contains(&head) {
        return last.map(str::to_owned);
    }
    // The phrase: up to five words before the head, back to a case particle or a
    // clause of its own.
    let mut first = s;
    while first > 0 && s - first < 5 && !ends_korean_phrase(words[first - 1].1) {
        // `”고 밝혔고, 윤호중 의원 등 28명은`: a comma ends the clause before.
        let (at, word) = words[first - 1];
        if body
            .get(at..)
            .and_then(|rest| rest.find(word).map(|i| &rest[i + word.len()..]))
            .is_some_and(|rest| rest.starts_with(','))
        {
            break;
        }
        // `파문이 커지자 한국외대는`: a subject and its verb are a clause before the
        // speaker's phrase.
        if first >= 2 && is_korean_subject(words[first - 2].1) {
            break;
        }
        first -= 1;
    }
    let mut phrase: Vec<&str> = words[first..s].iter().map(|(_, w)| *w).collect();
    phrase.push(head);
    let name = korean_name(&phrase);
    if name.is_empty() {
        // A title alone (`장관은`): the speaker before.
        return last.map(str::to_owned);
    }
    if name.len() == 1 && KOREAN_DESCRIPTIONS.iter().any(|d| name[0].ends_with(d)) {
        return None;
    }
    // The title right after the name (`김 장관`), by which a fuller name is looked for.
    let title = phrase
        .iter()
        .skip_while(|w| **w != name[name.len() - 1])
        .nth(1)
        .copied()
        .filter(|w| is_korean_title(w));
    if let Some(title) = title
        && name.len() == 1
        && let Some(full) = widen_korean(&words_before(body, start), name[0], title)
    {
        return Some(full);
    }
    Some(name.join(" "))
}

/// Whether `word` ends with the subject marker (`파문이`, `회사가`): the subject of a
/// clause of its own when a verb follows it.
fn is_korean_subject(word: &str) -> bool {
    word.chars().count() >= 2 && (word.ends_with('이') || word.ends_with('가'))
}

/// The words of the window before `end`, split at spaces, without edge punctuation.
fn words_before(body: &str, end: usize) -> Vec<String> {
    body[..end]
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The fuller name the window gives someone with `title`: for a surname alone (`김`
/// of `김 장관`) a name starting with it (`김용현 국방부 장관`), for one word of a
/// name (`코발렌코`) the name ending with it (`안드리 코발렌코 센터장`). The latest.
fn widen_korean(window: &[String], part: &str, title: &str) -> Option<String> {
    let mut best = None;
    for (t, word) in window.iter().enumerate() {
        if strip_particle(word) != title {
            continue;
        }
        // The name before the title, past an organisation word or two (`국방부`).
        let mut names: Vec<&str> = Vec::new();
        let mut i = t;
        while i > 0 && t - i < 4 && !ends_korean_phrase(&window[i - 1]) {
            i -= 1;
            names.insert(0, &window[i]);
        }
        let surname = part.chars().count() == 1;
        let found = if surname {
            names
                .iter()
                .find(|n| n.starts_with(part) && n.chars().count() >= 2)
                .map(|n| (*n).to_owned())
        } else {
            names
                .iter()
                .position(|n| *n == part)
                .filter(|&k| k > 0)
                .map(|k| names[k - 1..=k].join(" "))
        };
        if found.is_some() {
            best = found;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(lang: Language, body: &str, quote: &str) -> Option<String> {
        let a = body.find(quote).expect("the quote is in the body");
        attribute(lang, body, a, a + quote.len()).speaker
    }

    #[test]
    fn cyrillic_speakers_after_the_dash_and_before_the_mark() {
        let uk = "Міністерка фінансів Олена Коваль виступила у вівторок.\n\
                  «Ми виділимо гроші», — заявила Олена Коваль.\n\
                  «Податки не потрібні», — сказала вона.\n\
                  «Бюджет збалансований», — додала Коваль.\n\
                  Прем'єр Іван Сірко раніше запевнив: «Виплати будуть».\n\
                  «Гроші є», — повідомило джерело видання.\n\
                  У Пентагоні попереджали про «гарматне м'ясо».";
        let uk_said = |quote| said(Language::Ukrainian, uk, quote);
        assert_eq!(
            uk_said("Ми виділимо гроші").as_deref(),
            Some("Олена Коваль")
        );
        assert_eq!(
            uk_said("Податки не потрібні").as_deref(),
            Some("Олена Коваль")
        );
        assert_eq!(
            uk_said("Бюджет збалансований").as_deref(),
            Some("Олена Коваль")
        );
        assert_eq!(uk_said("Виплати будуть").as_deref(), Some("Іван Сірко"));
        assert_eq!(uk_said("Гроші є").as_deref(), Some("джерело видання"));
        assert_eq!(uk_said("гарматне м'ясо"), None);
        let ru = "Министр Павел Орлов выступил.\n\
                  «Мы построим станции», — заявил министр энергетики Павел Орлов.\n\
                  «Тарифы не вырастут», — добавил он.\n\
                  «Цены прежние», — добавил министр.";
        let ru_said = |quote| said(Language::Russian, ru, quote);
        assert_eq!(
            ru_said("Мы построим станции").as_deref(),
            Some("Павел Орлов")
        );
        assert_eq!(
            ru_said("Тарифы не вырастут").as_deref(),
            Some("Павел Орлов")
        );
        assert_eq!(ru_said("Цены прежние").as_deref(), Some("Павел Орлов"));
        // Words outside quotation marks are nobody's quotation.
        assert_eq!(ru_said("выступил"), None);
    }

    #[test]
    fn korean_speakers_are_the_topic_before_the_mark() {
        let ko = "박민수 보건복지부 장관은 5일 국회에서 예산안을 설명했다.\n\
                  박 장관은 “병원을 지원하겠다”고 밝혔다.\n\
                  이어 “문제가 가볍지 않다”고 말했다.\n\
                  그는 “끝까지 돕겠다”고 덧붙였다.\n\
                  안드리 코발렌코 센터장은 북한이 “공병을 보냈다”고 말했다.\n\
                  매체는 “3명이 다쳤다”고 전했다.\n\
                  코발렌코 센터장도 앞서 “일부는 사망했다”고 밝혔다.\n\
                  그는 이를 “실수”라고 부르지 않았다는 “소문”에 대해 묻자 답하지 않았다.";
        let ko_said = |quote| said(Language::Korean, ko, quote);
        assert_eq!(ko_said("병원을 지원하겠다").as_deref(), Some("박민수"));
        assert_eq!(ko_said("문제가 가볍지 않다").as_deref(), Some("박민수"));
        assert_eq!(ko_said("끝까지 돕겠다").as_deref(), Some("박민수"));
        assert_eq!(ko_said("공병을 보냈다").as_deref(), Some("안드리 코발렌코"));
        assert_eq!(ko_said("3명이 다쳤다"), None);
        assert_eq!(
            ko_said("일부는 사망했다").as_deref(),
            Some("안드리 코발렌코")
        );
        // A quoted word with no quotative after it is nobody's words.
        assert_eq!(ko_said("소문"), None);
    }
}
