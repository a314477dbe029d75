//! Reported speech and its forms: words quoted past someone else, employers, "quoted
//! as saying", "termed", statements, "it said", acronyms from the opening, participles.

use super::*;

const BROWN: Person<'static> = Person {
    name: "Tom Brown",
    aliases: &[],
};
const GREEN: Person<'static> = Person {
    name: "Sam Green",
    aliases: &[],
};

#[test]
fn words_quoted_in_reported_speech_past_someone_else_name_nobody() {
    let people = [BROWN, GREEN];
    // Green's words, as Brown reports them: the verb's subject is not their speaker;
    // the claim's is.
    let body = "Tom Brown has said a claim by Sam Green that the plan was \"a total \
                shambles\" shows the party is worried.";
    assert_eq!(of(body, "a total shambles", &people), said_by("Sam Green"));
    let body = "Tom Brown urged Sam Green to withdraw his \"cheap\" remark.";
    assert_eq!(of(body, "cheap", &people), nobody());
    // With no one else between the verb and the mark, the subject speaks.
    let body = "Tom Brown said the plan was \"a total shambles\".";
    assert_eq!(of(body, "a total shambles", &people), said_by("Tom Brown"));
    // A quotation the verb introduces whole keeps its speaker.
    let body = "Tom Brown told Sam Green: \"We will win the vote.\"";
    assert_eq!(
        of(body, "We will win the vote", &people),
        said_by("Tom Brown")
    );
}

#[test]
fn a_group_or_an_unnamed_speaker_does_not_carry_to_the_next_quotation() {
    let people = [BROWN, GREEN];
    let body = "Analysts said the merger would go ahead. \"There have been rumours for weeks.\"";
    assert_eq!(of(body, "There have been rumours", &people), nobody());
    let body = "A spokesman said the talks went well. \"We are hopeful of a deal.\"";
    assert_eq!(of(body, "We are hopeful", &people), nobody());
    // The unnamed speaker of a quotation goes on speaking.
    let body = "\"The talks went well,\" a spokesman said. \"We are hopeful of a deal.\"";
    assert_eq!(of(body, "We are hopeful", &people), written("a spokesman"));
    // A named speaker does.
    let body = "Tom Brown said the talks went well. \"We are hopeful of a deal.\"";
    assert_eq!(of(body, "We are hopeful", &people), said_by("Tom Brown"));
}

#[test]
fn a_surname_and_an_employer_after_of_is_that_person() {
    let people = [BROWN, GREEN];
    let body = "Tom Brown follows retailers. \"Sales were strong in March,\" said Brown of \
                Mellon Bank.";
    assert_eq!(of(body, "Sales were strong", &people), said_by("Tom Brown"));
}

const HART: Person<'static> = Person {
    name: "Alan Hart",
    aliases: &[],
};

#[test]
fn and_inside_an_employers_name_leaves_the_person() {
    let body = "\"Orders will slow,\" said Tom Baker of Hollis and Grant Inc.";
    assert_eq!(of(body, "Orders will slow", &[]), written("Tom Baker"));
    let people = [Person {
        name: "Tom Baker",
        aliases: &[],
    }];
    assert_eq!(of(body, "Orders will slow", &people), said_by("Tom Baker"));
}

#[test]
fn the_one_quoted_as_saying_speaks() {
    let people = [HART];
    let body = "Fares will rise. \"We will cut costs,\" the newspaper quoted chief \
                executive Alan Hart as saying.";
    assert_eq!(of(body, "We will cut costs", &people), said_by("Alan Hart"));
    let body = "Fares will rise. \"We will cut costs,\" the Daily Mail news agency quoted \
                Mr Hart as saying on Monday.";
    assert_eq!(of(body, "We will cut costs", &people), said_by("Alan Hart"));
    let body = "Chief executive Alan Hart was quoted by a local paper as saying the airline \
                could no longer stay \"all-British\".";
    assert_eq!(of(body, "all-British", &people), said_by("Alan Hart"));
    // Quoted without "as saying": no one is named.
    let body = "The fares rose. \"We will cut costs,\" the paper quoted.";
    assert_eq!(of(body, "We will cut costs", &people), nobody());
}

#[test]
fn responded_and_conceded_report_words() {
    let people = [HART];
    let body = "\"Cut the deficit,\" Hart responded when asked about the budget.";
    assert_eq!(of(body, "Cut the deficit", &people), said_by("Alan Hart"));
    let body = "\"We were beaten by a better side,\" conceded Alan Hart.";
    assert_eq!(of(body, "We were beaten", &people), said_by("Alan Hart"));
}

#[test]
fn a_party_member_or_an_age_is_the_person_just_named() {
    let penn = Person {
        name: "Lloyd Penn",
        aliases: &[],
    };
    let body = "Senate chairman Lloyd Penn said he had spoken to the White House. \"They \
                have not decided yet,\" the Ohio Democrat told reporters.";
    assert_eq!(
        of(body, "They have not decided", &[penn]),
        said_by("Lloyd Penn")
    );
    let moss = Person {
        name: "Ann Moss",
        aliases: &[],
    };
    let body = "Singer Ann Moss has criticised the music business. The 54-year-old said \
                she had lost her \"appetite\" for touring.";
    assert_eq!(of(body, "appetite", &[moss]), said_by("Ann Moss"));
    // Without anyone before it, nobody.
    let body = "\"We will see,\" the 54-year-old said.";
    assert_eq!(of(body, "We will see", &[]), nobody());
}

#[test]
fn where_it_was_said_is_no_employer() {
    let people = [HART];
    let body = "\"We are pleased with the price,\" said Alan Hart at a press conference.";
    assert_eq!(of(body, "We are pleased", &people), said_by("Alan Hart"));
}

#[test]
fn who_calls_or_terms_something_the_words_says_them() {
    let kruger = Person {
        name: "Piet Kruger",
        aliases: &[],
    };
    let body = "In Pretoria, central bank governor Piet Kruger termed the accord a \"fair \
                compromise\" for both sides.";
    assert_eq!(
        of(body, "fair compromise", &[kruger]),
        said_by("Piet Kruger")
    );
    let roe = Person {
        name: "Jane Roe",
        aliases: &[],
    };
    let body = "The department renewed its warning because of what spokeswoman Jane Roe \
                called, \"a policy of open hostility.\"";
    assert_eq!(
        of(body, "a policy of open hostility", &[roe]),
        said_by("Jane Roe")
    );
    let body = "Jane Roe spoke first. She mocked the plans - what she called a \"fantasy \
                scheme\".";
    assert_eq!(of(body, "fantasy scheme", &[roe]), said_by("Jane Roe"));
    // Something that is called so names no speaker.
    let body = "Jane Roe runs a project called \"Phoenix\" in the city.";
    assert_eq!(of(body, "Phoenix", &[roe]), nobody());
    let body = "Jane Roe said the plan is called \"Phoenix\" by staff.";
    assert_ne!(of(body, "Phoenix", &[roe]), written("staff"));
}

#[test]
fn a_time_between_speaker_and_verb_is_skipped() {
    let reed = Person {
        name: "Tom Reed",
        aliases: &[],
    };
    let body = "Party chairman Tom Reed last year described the minister as a \"menace\".";
    assert_eq!(of(body, "menace", &[reed]), said_by("Tom Reed"));
}

#[test]
fn it_is_the_organisation_that_just_spoke() {
    let body = "Acme Plc said it was in talks to buy a rival. It said the rival held a \
                \"substantial stake\" in a mine.";
    assert_eq!(of(body, "substantial stake", &[]), written("Acme Plc"));
    let body = "Acme Plc said it was in talks. \"We expect a deal,\" it said.";
    assert_eq!(of(body, "We expect a deal", &[]), written("Acme Plc"));
    // A person spoke last, or nobody did: "it" is no one.
    let people = [HART];
    let body = "Acme Plc said it was in talks. Alan Hart said a deal was near. \"We expect \
                it soon,\" it said.";
    assert_eq!(of(body, "We expect it soon", &people), nobody());
    let body = "The court ruled against Acme. It said the deal was \"unlawful\".";
    assert_eq!(of(body, "unlawful", &[]), nobody());
}

#[test]
fn an_acronym_is_read_against_the_articles_opening() {
    let lead = "The Ministry of Fisheries and Forests (MFF) said catches fell.";
    let body = "Boats were idle.\n\"Catches will fall again,\" MFF said.";
    let start = body.find("Catches").unwrap_or(0);
    let span = start..start + "Catches will fall".len();
    assert_eq!(
        attribute_in(Language::English, body, span.clone(), &[], lead),
        written("Ministry of Fisheries and Forests")
    );
    assert_eq!(
        attribute_in(Language::English, body, span, &[], ""),
        written("MFF")
    );
}

#[test]
fn a_so_called_term_is_nobodys_words() {
    let people = [HART];
    let body = "Alan Hart said the so-called \"green levy\" would be dropped.";
    assert_eq!(of(body, "green levy", &people), nobody());
}

#[test]
fn an_initial_is_part_of_a_name() {
    assert_eq!(
        without_descriptor("S. Stanley Katz", &[]),
        "S. Stanley Katz"
    );
    assert_eq!(without_descriptor("R Alan Cole", &[]), "R Alan Cole");
}

#[test]
fn the_subject_says_what_follows_but_said() {
    let people = [HART];
    let body = "Alan Hart, the bank's president, declined to comment on the shares but \
                said: \"We are pleased to have them as investors.\"";
    assert_eq!(of(body, "We are pleased", &people), said_by("Alan Hart"));
    let body = "Alan Hart spoke first. He said the board would not meet but said \"keep in \
                mind the offer stands.\"";
    assert_eq!(of(body, "keep in mind", &people), said_by("Alan Hart"));
}

#[test]
fn a_participles_subject_ends_at_its_verb() {
    let people = [HART, BROWN];
    let body = "Trade secretary Alan Hart rejected Tom Brown's comment, telling a radio \
                programme that the party was not \"worried\".";
    assert_eq!(of(body, "worried", &people), said_by("Alan Hart"));
}

#[test]
fn a_name_after_by_says_what_was_dismissed_as_quoted() {
    let souter = Person {
        name: "David Souter",
        aliases: &[],
    };
    let body = "The argument was dismissed as \"ridiculous\" by Justice David Souter.";
    assert_eq!(of(body, "ridiculous", &[souter]), said_by("David Souter"));
    // Not a name: nobody.
    let body = "The argument was dismissed as \"ridiculous\" by most lawyers.";
    assert_eq!(of(body, "ridiculous", &[souter]), nobody());
}

#[test]
fn a_bodys_statement_is_the_bodys_words() {
    let body = "Viewers complained. \"The act went too far,\" a BBC statement read. \"It \
                will not be shown again.\"";
    assert_eq!(of(body, "The act went too far", &[]), written("BBC"));
    assert_eq!(of(body, "It will not be shown", &[]), written("BBC"));
    let body = "The club acted at once. A statement from Chelsea explaining the decision \
                read: \"We have a zero tolerance policy.\"";
    assert_eq!(of(body, "zero tolerance", &[]), written("Chelsea"));
    // A statement nobody is named for: nobody.
    let body = "\"The act went too far,\" a statement read.";
    assert_eq!(of(body, "The act went too far", &[]), nobody());
}

#[test]
fn who_sees_something_speaks_the_quotation_after_it() {
    let people = [HART];
    let body = "\"Games teach us,\" Mr Hart said. Ultimately, Mr Hart sees games as a \
                laboratory for ideas. \"Children learn a lot through play.\"";
    assert_eq!(
        of(body, "Children learn a lot", &people),
        said_by("Alan Hart")
    );
}

#[test]
fn a_story_told_is_no_speech() {
    let arnold = [Person {
        name: "Andrea Arnold",
        aliases: &[],
    }];
    let body = "Andrea Arnold won. \"I felt so privileged,\" says Arnold.\n\
                Set in her home town, Wasp tells the story of a young mum. \
                \"I just start with an image,\" she explains.";
    assert_eq!(
        of(body, "start with an image", &arnold),
        said_by("Andrea Arnold")
    );
}

#[test]
fn a_state_after_a_town_is_no_speaker() {
    let andrew = [Person {
        name: "Charles Andrew",
        aliases: &[],
    }];
    let body = "Charles Andrew, an analyst who follows Acme for Herold Inc of \
                Greenwich, Conn said the value is 34 dlrs.\n\
                \"The stock is cheap,\" he said.";
    assert_eq!(
        of(body, "stock is cheap", &andrew),
        said_by("Charles Andrew")
    );
    let body = "In a speech before the Economic Club of Detroit, Charles Andrew said, \
                \"The dollar must fall.\"";
    assert_eq!(
        of(body, "dollar must fall", &andrew),
        said_by("Charles Andrew")
    );
}

#[test]
fn repeated_and_reiterated_report_words() {
    let douglas = [Person {
        name: "Kenneth Douglas",
        aliases: &[],
    }];
    let body = "Chairman Kenneth Douglas told analysts sales would rise.\n\
                He repeated an earlier projection that earnings \"will probably be off \
                slightly\" from last year's.";
    assert_eq!(
        of(body, "will probably be off", &douglas),
        said_by("Kenneth Douglas")
    );
    let body = "Kenneth Douglas reiterated that sales \"should exceed forecasts\".";
    assert_eq!(
        of(body, "should exceed forecasts", &douglas),
        said_by("Kenneth Douglas")
    );
}

#[test]
fn who_is_alleged_to_have_said_something_says_it() {
    let houston = [Person {
        name: "John Houston",
        aliases: &[],
    }];
    let body = "John Houston was suspended.\n\
                Mr Houston is alleged to have said that the land should be \"made \
                available to law-abiding members of the community\".";
    assert_eq!(
        of(body, "made available", &houston),
        said_by("John Houston")
    );
}
