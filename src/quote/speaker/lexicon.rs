//! The speaker reader's word lists: speech verbs, participles, adverbs, stops,
//! determiners, honorifics, role classes, institutions, titles, and the words that are
//! no names.

// Speech verbs follow `entities::rules::SPEECH_VERBS` less its opinion verbs
// ("believes", "thinks": they report a view, not words) plus the reporting verbs news
// uses before or after a quotation.

/// Is `w` (lower case) a verb that reports words said?
#[rustfmt::skip]
pub(super) fn is_speech_verb(w: &str) -> bool {
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
pub(super) fn is_participle(w: &str) -> bool {
    matches!(w,
        "adding" | "saying" | "explaining" | "insisting" | "warning" | "noting" | "telling"
        | "arguing" | "stressing" | "declaring" | "writing" | "asking" | "replying"
    )
}

/// Speech verbs that may come before their speaker ("said the minister"); "told the
/// minister" names the listener, not the speaker.
#[rustfmt::skip]
pub(super) fn is_verb_first(w: &str) -> bool {
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
pub(super) fn is_adverb(w: &str) -> bool {
    matches!(w,
        "also" | "later" | "then" | "previously" | "earlier" | "further" | "again" | "once"
        | "recently" | "has" | "had" | "have" | "just" | "only" | "even" | "still"
        | "never" | "always" | "often"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// Words before a speech verb that make it passive ("was said to be").
pub(super) fn is_passive(w: &str) -> bool {
    matches!(w, "was" | "were" | "is" | "are" | "be" | "been" | "being")
}

/// Words that end a noun phrase: prepositions, conjunctions, auxiliaries.
#[rustfmt::skip]
pub(super) fn is_stop(w: &str) -> bool {
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
pub(super) fn determiner(w: &str) -> Option<bool> {
    match w {
        "the" | "his" | "her" | "its" | "their" | "our" => Some(true),
        "a" | "an" | "one" | "another" | "some" => Some(false),
        _ => None,
    }
}

/// A person's grammatical gender, as far as pronouns and honorifics tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// Honorifics before a name, with the gender they imply.
pub(super) fn honorific(w: &str) -> Option<Option<Gender>> {
    match w {
        "mr" | "sir" | "lord" => Some(Some(Gender::Male)),
        "mrs" | "ms" | "miss" | "lady" | "dame" | "madam" => Some(Some(Gender::Female)),
        "dr" | "prof" | "mx" | "rev" => Some(None),
        _ => None,
    }
}

/// What a person's role word says about them, as a class that lets "the president" match
/// someone called "leader". `None` for words that are no role.
pub(super) fn role_class(w: &str) -> Option<&'static str> {
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
pub(super) fn is_plural_role(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss")) || w.ends_with("men")
}

/// Institutions that speak ("the ministry said"): a speaker, never a person.
#[rustfmt::skip]
pub(super) fn is_institution(w: &str) -> bool {
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
pub(super) fn is_org_word(w: &str) -> bool {
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
pub(super) fn is_title_word(w: &str) -> bool {
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
pub(super) fn is_surname_title(w: &str) -> bool {
    matches!(w,
        "major" | "king" | "bishop" | "judge" | "prince" | "marshal" | "mayor" | "cardinal"
        | "earl" | "duke" | "dean" | "chancellor"
    )
}

/// Capitalised words that start sentences without naming anyone (as in
/// `entities::rules::NOT_NAMES`).
#[rustfmt::skip]
pub(super) fn is_not_name(w: &str) -> bool {
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
pub(super) fn is_name_particle(w: &str) -> bool {
    matches!(w,
        "of" | "for" | "de" | "van" | "von" | "der" | "den" | "bin" | "al" | "da" | "di"
        | "la" | "le" | "du" | "del" | "ibn" | "dos"
    )
}

/// Words whose full stop is no sentence end ("Mr.", "Gen.", "Jan.").
#[rustfmt::skip]
pub(super) fn is_abbreviation(word: &str) -> bool {
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
pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
