//! The speaker reader on hand-written bodies and on real articles of corpus/, copied
//! in.

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

#[test]
fn a_descriptor_before_one_of_the_articles_people_is_left_out() {
    let people = [
        Person {
            name: "Barry Weissler",
            aliases: &[],
        },
        Person {
            name: "Sarah Teather",
            aliases: &[],
        },
    ];
    assert_eq!(
        without_descriptor("Producer Barry Weissler", &people),
        "Barry Weissler"
    );
    assert_eq!(
        without_descriptor("Liberal Democrat Sarah Teather", &people),
        "Sarah Teather"
    );
    // A given name and a surname after a descriptor: that person, known or not.
    assert_eq!(
        without_descriptor("Agent Brian Hassell", &people),
        "Brian Hassell"
    );
    // More than a given name and a surname, none of the article's people: whole.
    assert_eq!(
        without_descriptor("Farhat Omar Ben Gadaravic", &people),
        "Farhat Omar Ben Gadaravic"
    );
    assert_eq!(
        without_descriptor("Dr Rowan Williams", &people),
        "Dr Rowan Williams"
    );
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
fn an_organisation_may_name_itself_in_its_statement() {
    let body = "Talks go on.\n\n\"Discussions with Barclays continue, but no offer has been made for a stake in Absa,\" Absa said in a statement.";
    assert_eq!(of(body, "no offer has been made", &[]), written("Absa"));
}

#[test]
fn the_ministry_and_the_firm_are_the_organisation_that_spoke_under_that_name() {
    let body = "\"Conditions are likely to remain unfavourable,\" the Finance and Economy Ministry said in a statement. Growth will slow. \"The focus will be on jobs,\" the ministry said.";
    assert_eq!(
        of(body, "Conditions are likely", &[]),
        written("Finance and Economy Ministry")
    );
    assert_eq!(
        of(body, "The focus will be on jobs", &[]),
        written("Finance and Economy Ministry")
    );
    let body = "Shell said the pay-off was in line with her contract. She was leaving \"by mutual agreement\", the firm said in a statement.";
    assert_eq!(of(body, "by mutual agreement", &[]), written("Shell"));
    // No organisation spoke before: "the ministry" is nobody.
    let body = "Growth will slow. \"The focus will be on jobs,\" the ministry said.";
    assert_eq!(of(body, "The focus will be on jobs", &[]), nobody());
    // A person who spoke is not "the company".
    let body = "John Smith said sales fell. \"We expect a recovery,\" the company said.";
    assert_eq!(of(body, "We expect a recovery", &[]), nobody());
}

#[test]
fn an_exchange_is_an_institution_and_an_executive_may_be_a_vice_president() {
    let body = "The New York Stock Exchange said it would move the expiry. \"The NYSE has long advocated settlement in the morning,\" the exchange said.";
    assert_eq!(
        of(body, "long advocated settlement", &[]),
        written("New York Stock Exchange")
    );
    let people = [Person {
        name: "Fred Zuckerman",
        aliases: &[],
    }];
    let body = "Chrysler sold bonds, vice president and treasurer Fred Zuckerman said. \"Phase two will be in a month or so,\" the Chrysler executive said.";
    assert_eq!(
        of(body, "Phase two will be in a month", &people),
        said_by("Fred Zuckerman")
    );
}

#[test]
fn a_name_written_in_part_is_given_whole_as_the_window_writes_it() {
    let people = [Person {
        name: "Mulyani Indrawati",
        aliases: &[],
    }];
    let body = "\"This is the best time,\" said Sri Mulyani Indrawati, State Minister for Planning. \"We are still considering a hike,\" Mulyani Indrawati said.";
    assert_eq!(
        of(body, "We are still considering a hike", &people),
        said_by("Sri Mulyani Indrawati")
    );
    let body = "Central bank governor Dante de Guzman spoke on Monday. \"Prices are higher,\" de Guzman said.";
    assert_eq!(
        of(body, "Prices are higher", &[]),
        written("Dante de Guzman")
    );
    let body = "An executive at Marsh & McLennan pleaded guilty. \"We are saddened,\" Marsh said.";
    assert_eq!(
        of(body, "We are saddened", &[]),
        written("Marsh & McLennan")
    );
    // Describing words before a given name are no part of it.
    let body = "Secretary for Foreign Affairs Rene Van Der Linden spoke. \"It is difficult,\" Van Der Linden said.";
    assert_eq!(
        of(body, "It is difficult", &[]),
        written("Rene Van Der Linden")
    );
    // Two fuller names: the name stays as written.
    let body = "Kim Jong Un met Kim Yong-hyun. \"We will act,\" Kim said.";
    assert_eq!(of(body, "We will act", &[]), written("Kim"));
}

#[test]
fn framing_words_before_the_mark_name_the_speaker() {
    let body = "\"Any of them would make competent MPs,\" former independent MP Martin Bell insisted on the radio.";
    assert_eq!(
        of(body, "would make competent MPs", &[]),
        written("Martin Bell")
    );
    let body = "The company did not say more other than to quote Cappy as saying, \"we will keep you informed.\"";
    assert_eq!(of(body, "we will keep you informed", &[]), written("Cappy"));
    let body = "Lib Dem chairman Matthew Taylor has now written to the watchdog saying: \"The advice we have received is clear.\"";
    assert_eq!(
        of(body, "The advice we have received", &[]),
        written("Matthew Taylor")
    );
    let body = "Joss Whedon described the character as \"the most iconic heroine of our time\".";
    assert_eq!(
        of(body, "the most iconic heroine", &[]),
        written("Joss Whedon")
    );
    let body = "Chelsea's statement added: \"This applies to every drug.\"";
    assert_eq!(
        of(body, "This applies to every drug", &[]),
        written("Chelsea")
    );
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
fn corpus_004_headline_quote_is_the_one_the_headline_says_says_it() {
    // "North Korea is ‘highly likely’ sending troops …, South Korea says".
    let a = of(CORPUS_004, "highly likely", PEOPLE);
    assert_eq!(a, written("South Korea"));
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
    let body = "Pentagon spokesman Major General Pat Ryder noted, “They would be cannon fodder.”";
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
    assert_eq!(of(body, "be fantastic", PEOPLE), nobody());
    let body = "\"It would be fantastic,\" said the European gold medallist.";
    assert_eq!(of(body, "be fantastic", PEOPLE), nobody());
    let body = "\"I come from a village,\" says Prof Reddy, \"I know the people.\"";
    assert_eq!(of(body, "know the people", PEOPLE), written("Prof Reddy"));
    let body = "\"Rates will rise,\" the Bank of England said.";
    assert_eq!(
        of(body, "Rates will rise", PEOPLE),
        written("Bank of England")
    );
    let body =
        "Liberal Democrat spokeswoman for women Sandra Gidley said: \"This money is misdirected.\"";
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
    let body =
        "GM said profits fell. \"Results were solid,\" GM's boss Rick Wagoner nodded to staff.";
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
fn someone_the_quotation_speaks_of_is_not_its_speaker() {
    let none: [Person<'_>; 0] = [];
    let body =
        "Andy Farrell is leaving. \"Andy would be a hard act to follow,\" said Paul Sculthorpe.";
    assert_eq!(of(body, "hard act", &none), written("Paul Sculthorpe"));
    // "he" would be the last person named, Farrell, whom the quotation speaks of.
    let people = [Person {
        name: "Andy Farrell",
        aliases: &[],
    }];
    let body = "Andy Farrell will step down. The 27-year-old said following Farrell would be a challenge. \"Andy would be a hard act to follow,\" he said.";
    assert_eq!(of(body, "hard act", &people), nobody());
    // An honorific alone is nobody.
    let body = "\"She would not trust him,\" Ms said.";
    assert_eq!(of(body, "not trust", &none), nobody());
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
    let body = "Baywatch topped the list for \"predictable scripts,\" according to the magazine.";
    // "The magazine" named before the window is nobody here.
    assert_eq!(of(body, "predictable scripts", &none), nobody());
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
    assert_eq!(of(body, "not enjoying", &none), nobody());
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
    let body = "\"We are doing research,\" Michael Lamberty, a Lufthansa spokesman told the BBC.";
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
    // (Which star, the window does not say: nobody, not Chelsea.)
    assert_eq!(of(body, "be different", &chelsea), nobody());
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
    // A role goes to an earlier speaker or subject whose titles fit, not to anyone
    // merely mentioned, nor to a subject with another title.
    let body = "Shin Won-sik arrived on Monday.\nThe front is stable, – the minister said.";
    assert_eq!(of(body, "front is stable", PEOPLE), said_by("Shin Won-sik"));
    let body = "Crowds greeted Shin Won-sik on Monday.\n“The front is stable,” the minister said.";
    assert_eq!(of(body, "front is stable", PEOPLE), nobody());
    let body = "General Shin Won-sik arrived on Monday.\nThe front is stable, – the minister said.";
    assert_eq!(of(body, "front is stable", PEOPLE), nobody());
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
    let body = "Shin Won-sik arrived.\nOne.\nTwo.\nThree.\nFour.\n“We will not give up,” he said.";
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
fn role_with_nobody_fitting_is_nobody() {
    let body = "Talks resumed in Geneva.\n“We believe progress is possible,” the official added.";
    assert_eq!(of(body, "progress is possible", PEOPLE), nobody());
    let body = "“We believe progress is possible,” The Minister said.";
    assert_eq!(of(body, "progress is possible", PEOPLE), nobody());
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
    assert_eq!(of(body, "progress is possible", PEOPLE), nobody());
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
    // Green's words, as Brown reports them: the verb's subject is not their speaker.
    let body = "Tom Brown has said a claim by Sam Green that the plan was \"a total \
                shambles\" shows the party is worried.";
    assert_eq!(of(body, "a total shambles", &people), nobody());
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
