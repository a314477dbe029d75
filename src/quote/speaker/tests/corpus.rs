//! The speaker reader on real articles of corpus/, copied in, and the first shapes
//! read from them.

use super::*;

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
