//! Who the speaker is: known names written in part, surnames, titles, acronyms and
//! misspellings, and the article's people.

use super::*;

fn people(names: &'static [&'static str]) -> Vec<Person<'static>> {
    names
        .iter()
        .map(|&name| Person { name, aliases: &[] })
        .collect()
}

#[test]
fn a_known_full_name_after_describing_words_is_that_person() {
    // BBC entertainment/343, sport/284.
    let ps = people(&["Barry Weissler", "Charlie Hodgson"]);
    let body = "Producer Barry Weissler said he was \"deeply proud\" of the show.";
    assert_eq!(of(body, "deeply proud", &ps), said_by("Barry Weissler"));
    let body = "\"I'm very disappointed,\" said Fly-half Charlie Hodgson.";
    assert_eq!(
        of(body, "very disappointed", &ps),
        said_by("Charlie Hodgson")
    );
}

#[test]
fn the_first_words_of_a_known_name_are_that_person() {
    // Reuters 9591: the article gives the full name once, two of its words after.
    let ps = people(&["Javier Nogales Iturri"]);
    let body = "\"It's working out very well,\" Javier Nogales said.";
    assert_eq!(
        of(body, "working out", &ps),
        said_by("Javier Nogales Iturri")
    );
    // Not the first words of a longer first name.
    let ps = people(&["Javier Nogalesa"]);
    assert_eq!(of(body, "working out", &ps), written("Javier Nogales"));
}

#[test]
fn an_organisation_is_never_he() {
    // BBC sport/315: "he" is Bell, not the board that ruled on him.
    let ps = people(&["Duncan Bell"]);
    let body = "Bell, 30, had set his sights on a career with Wales. But last December, the International Rugby Board confirmed that he could only be eligible for England. \"I thought I'd burned all my bridges,\" he said.";
    assert_eq!(
        of(body, "burned all my bridges", &ps),
        said_by("Duncan Bell")
    );
    let body = "Last December, the International Rugby Board confirmed the ruling. \"I thought I'd burned all my bridges,\" he said.";
    assert_eq!(of(body, "burned all my bridges", &ps), nobody());
}

#[test]
fn a_name_written_as_an_owner_is_not_the_subject() {
    // BBC entertainment/180; Reuters 13253.
    let ps = people(&["Sylvester Stallone", "Brigitte Nielsen"]);
    let body = "Sylvester Stallone's ex-wife Brigitte Nielsen nominated both John and Bez. She said: \"Bez is a difficult human being.\"";
    assert_eq!(
        of(body, "difficult human", &ps),
        said_by("Brigitte Nielsen")
    );
    let ps = people(&["Michael Howard", "Paul Channon"]);
    let body = "Japan made no concessions ahead of Howard's trip and Trade Secretary Paul Channon sought to dispel concern.\n\"We don't want a trade war,\" he said.";
    assert_eq!(of(body, "trade war", &ps), said_by("Paul Channon"));
}

#[test]
fn two_people_with_the_title_in_one_sentence_are_nobody_unless_its_words_tell() {
    // BBC politics/126: President Bush and President Chirac.
    let ps = people(&["George Bush", "Jacques Chirac"]);
    let body = "French President Jacques Chirac spoke. President Bush met President Chirac. The president told reporters: \"Europe today needs unity.\"";
    assert_eq!(of(body, "needs unity", &ps), nobody());
    let body = "French President Jacques Chirac spoke. President Bush met President Chirac. The French president told reporters: \"Europe today needs unity.\"";
    assert_eq!(of(body, "needs unity", &ps), said_by("Jacques Chirac"));
    let body = "French President Jacques Chirac spoke. He met the prime minister. The French president told reporters: \"Europe today needs unity.\"";
    assert_eq!(of(body, "needs unity", &ps), said_by("Jacques Chirac"));
}

#[test]
fn a_role_then_a_name_in_commas_is_the_name() {
    // Reuters 13253, BBC tech/131.
    let ps = people(&["Michael Howard", "Cynthia Musselman"]);
    let body = "\"I should be expecting a positive response,\" the minister, Michael Howard, said.";
    assert_eq!(
        of(body, "positive response", &ps),
        said_by("Michael Howard")
    );
    let body = "\"You want to be sure,\" Authenti-corp's CEO, Cynthia Musselman, told the BBC.";
    assert_eq!(
        of(body, "want to be sure", &ps),
        said_by("Cynthia Musselman")
    );
}

#[test]
fn more_speech_verbs_and_a_plain_word_before_the_name() {
    // BBC politics/259.
    let none: [Person<'_>; 0] = [];
    let body = "\"Nobody has paid any tax,\" observed Mr MacKenzie.";
    assert_eq!(of(body, "paid any tax", &none), written("Mr MacKenzie"));
    let body = "\"That was a total disaster,\" a crestfallen Mr Lim confided in the presenter.";
    assert_eq!(of(body, "total disaster", &none), written("Mr Lim"));
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
    let body =
        "🇺🇦 Кім Йонг-хьон заявив. «Ми оцінюємо втрати 👀 як дуже ймовірні», — said Kim Yong-hyun.";
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
fn a_surname_ending_in_ly_is_no_adverb() {
    let ps = people(&["Lorraine Kelly"]);
    let body = "But Ms Kelly said she “would not trust him as far as she could throw him”.";
    assert_eq!(of(body, "would not trust", &ps), said_by("Lorraine Kelly"));
    let body = "Mr Daly said: “We would not go.”";
    assert_eq!(of(body, "would not go", &[]), written("Mr Daly"));
}

#[test]
fn a_role_with_no_title_to_match_is_the_latest_subject() {
    let ps = people(&["Anna Berg", "Luc Morel", "Jean-Luc Ferrand"]);
    let body = "Anna Berg is urging ministers to act over the strike.\n\
                    “The country has waited long enough,” the prime minister said.";
    assert_eq!(of(body, "waited long", &ps), said_by("Anna Berg"));
    let body = "“We will fight,” said coach Luc Morel. Meanwhile, Lyon winger Jean-Luc \
                    Ferrand is delighted with his call-up. “It is incredible,” the youngster said.";
    assert_eq!(of(body, "incredible", &ps), said_by("Jean-Luc Ferrand"));
    // A speaker after the subject's sentence comes first.
    let body = "Anna Berg is urging ministers to act.\n“We will fight,” said Luc Morel.\n\
                    “The country has waited long enough,” the youngster said.";
    assert_eq!(of(body, "waited long", &ps), said_by("Luc Morel"));
}

#[test]
fn two_people_of_one_rank_are_told_apart_by_the_titles_words() {
    let ps = people(&["Tom Hale", "Anne Dufour"]);
    let opening = "US President Tom Hale spoke in Paris. French President Anne Dufour listened.\n\
                       His words about President Hale met a cool reception from Anne Dufour.";
    let body =
        format!("{opening} The French president told reporters: “Europe must stand together.”");
    assert_eq!(of(&body, "stand together", &ps), said_by("Anne Dufour"));
    // "The president" fits both: nobody rather than a guess.
    let body = format!("{opening} The president told reporters: “Europe must stand together.”");
    assert_eq!(of(&body, "stand together", &ps), nobody());
}

#[test]
fn an_acronym_is_the_name_it_spells_and_wire_brackets_are_no_punctuation() {
    let body = "Petroleum Intelligence Weekly, a trade journal, said refiners were cautious.\n\
                    PIW said “sales will recover in the spring.”";
    assert_eq!(
        of(body, "sales will recover", &[]),
        written("Petroleum Intelligence Weekly")
    );
    let body = "The <Northern Grain Exchange> said it would move trading to the morning.\n\
                    The exchange said, “The change helps everyone.”";
    assert_eq!(
        of(body, "change helps", &[]),
        written("Northern Grain Exchange")
    );
}

#[test]
fn who_holds_a_view_speaks_the_quotation_after_it() {
    let ps = people(&["Kelvin Harlow"]);
    let body = "Kelvin Harlow spoke first. Mr Harlow thought the plan deserved a chance. \
                    “It could work in the end.”";
    assert_eq!(of(body, "could work", &ps), said_by("Kelvin Harlow"));
}

#[test]
fn an_attribution_closing_the_sentence_holds_a_fragment_but_not_a_term() {
    let ps = people(&["Tony Blair"]);
    let body = "Tony Blair spoke in Brussels. Britain was “uniquely placed” to bridge the \
                    gap because of its alliance, he suggested.";
    assert_eq!(of(body, "uniquely placed", &ps), said_by("Tony Blair"));
    let body = "Tony Blair spoke. Sales fell because of the so-called “grey market” for \
                    cars, he said.";
    assert_eq!(of(body, "grey market", &ps), nobody());
    let body = "Games aimed at “casual players” are set to grow, according to experts.";
    assert_eq!(of(body, "casual players", &ps), nobody());
}

#[test]
fn a_role_after_the_verb_takes_the_name_after_its_comma() {
    let ps = people(&["Ian Mace", "Steve Radley"]);
    let body = "CBI chief economist Ian Mace spoke first.\n\
                    “Rates have helped,” said EEF chief economist, Steve Radley.";
    assert_eq!(of(body, "Rates have helped", &ps), said_by("Steve Radley"));
}

#[test]
fn a_wire_dateline_is_no_subject() {
    let ps = people(&["William Randol"]);
    let body = "NEW YORK, April 8 - First Boston analyst William Randol backed the stock \
                    today, saying “the discount has been overdone.”";
    assert_eq!(
        of(body, "discount has been", &ps),
        said_by("William Randol")
    );
}

#[test]
fn described_by_and_a_relative_clause_name_the_speaker() {
    let ps = people(&["Steve Jobs", "Ken Livingstone"]);
    let body = "Steve Jobs spoke. The Macintosh was described by Jobs as the “most \
                    important Mac” made by Apple.";
    assert_eq!(of(body, "most important Mac", &ps), said_by("Steve Jobs"));
    let body = "Labour's Mr Livingstone, who says he is “standing by” his remarks, spoke.";
    assert_eq!(of(body, "standing by", &ps), said_by("Ken Livingstone"));
}

#[test]
fn a_name_misspelt_by_a_letter_is_the_person_it_nearly_spells() {
    let ps = people(&["Monica Chadha", "Chada"]);
    let body = "Monica Chadha, a reporter in Delhi, spoke.\n“Airports are shabby,” Ms Chada said.";
    assert_eq!(
        of(body, "Airports are shabby", &ps),
        said_by("Monica Chadha")
    );
    // Two people a letter away: as written.
    let ps = people(&["Harvey Kapnick", "Ed Kapnic"]);
    let body = "The firm met.\n“Income will rise,” Kapnik said.";
    assert_eq!(of(body, "Income will rise", &ps), written("Kapnik"));
}

#[test]
fn an_acronym_spelt_out_anywhere_in_the_article_and_its_ministry() {
    let body = "The Ministry of International Trade and Industry published a report on \
                    Tuesday.\n“Trade will grow,” MITI said.\n“Jobs will suffer,” the ministry said.";
    let miti = written("Ministry of International Trade and Industry");
    assert_eq!(of(body, "Trade will grow", &[]), miti);
    assert_eq!(of(body, "Jobs will suffer", &[]), miti);
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

#[test]
fn a_publication_named_by_the_word_for_it_is_its_name() {
    let body = "Spears clashed with Us Weekly over photographs. Us magazine was \
                unrepentant, saying: \"She should start her own magazine.\"";
    assert_eq!(
        of(body, "start her own magazine", &[]),
        written("Us Weekly")
    );
}

#[test]
fn an_organisation_named_by_one_word_takes_its_legal_form() {
    // The legal form only in the article's opening, outside the window.
    let lead = "ChemLawn Corp said its board rejected the offer.";
    let body = "Waste made a bid last week.\n\
                ChemLawn said the offer could \"adversely affect\" its staff.";
    let a = body.find("adversely affect").expect("in the body");
    let span = a..a + "adversely affect".len();
    assert_eq!(
        attribute_in(Language::English, body, span, &[], lead),
        written("ChemLawn Corp")
    );
}

#[test]
fn a_speaker_with_no_capital_is_no_name() {
    let body = "Yukos asked the Houston court to order Russia to arbitration so that it can \
                press claims for billions of dollars in damages over a \"campaign of illegal, \
                discriminatory and disproportionate\" tax claims.";
    assert_ne!(
        of(body, "campaign of illegal", &[]).speaker.as_deref(),
        Some("press")
    );
}

#[test]
fn another_given_name_before_a_known_surname_is_someone_else() {
    let ps = people(&["Jarek Kujda"]);
    let body = "Malgorzata Kujda, Jarek's younger sister, describes it as noise. \"It is \
                fun,\" she said.";
    assert_eq!(of(body, "It is fun", &ps), written("Malgorzata Kujda"));
}

#[test]
fn a_surname_with_two_letters_swapped_is_that_person() {
    let ps = people(&["Jarek Kujda"]);
    let body = "Jarek Kujda plays. \"It is more of a project,\" said Kudja.";
    assert_eq!(of(body, "It is more", &ps), said_by("Jarek Kujda"));
}

#[test]
fn a_nickname_is_the_name_it_stands_in() {
    let body = "Ahmed 'Mido' Hossam has made another apology.\n\
                The 21-year-old spoke in Cairo. Mido said: \"I came to apologise.\"";
    assert_eq!(of(body, "I came to", &[]), written("Ahmed Hossam"));
}

#[test]
fn a_company_takes_its_legal_form_after_a_word_of_its_name() {
    // The full name further back than the window reads.
    let body = "TWA filed suit against USAir Group Inc on Monday.\n\
                TWA said more.\nTWA said more.\nTWA said more.\nTWA said more.\n\
                USAir said the request was \"hastily pasted together\" by TWA.";
    assert_eq!(of(body, "hastily pasted", &[]), written("USAir Group Inc"));
}

#[test]
fn a_king_of_a_country_is_the_king() {
    let body = "King Fahd of Saudi Arabia, in an interview with Reuters on March 11, said \
                the kingdom wanted oil price stability.\n\
                \"Saudi Arabia does not decide prices by itself,\" he said.";
    assert_eq!(of(body, "Saudi Arabia does", &[]), written("Fahd"));
    let body = "The Bank of England said: \"Rates will stay.\"";
    assert_eq!(of(body, "Rates will", &[]), written("Bank of England"));
}
