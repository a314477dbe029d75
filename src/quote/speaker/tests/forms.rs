//! Where the speaker stands: after or before the marks, dash style, pronouns and
//! roles, quotations that run on, spans that cannot be read.

use super::*;

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

#[test]
fn when_or_where_after_the_name_is_left_out() {
    let body = "\"All the talk is about the next game,\" said Shin Won-sik ahead of the \
                12 March tie.";
    assert_eq!(of(body, "All the talk", PEOPLE), said_by("Shin Won-sik"));
    let body = "\"We will win,\" said Shin Won-sik following the draw.";
    assert_eq!(of(body, "We will win", PEOPLE), said_by("Shin Won-sik"));
}

#[test]
fn meanwhile_between_the_speaker_and_the_verb() {
    let body = "Mr Shin meanwhile told the BBC: \"I believe we can do better.\"";
    assert_eq!(
        of(body, "we can do better", PEOPLE),
        said_by("Shin Won-sik")
    );
}

#[test]
fn a_later_quotation_of_the_sentence_is_the_earlier_ones_speakers() {
    let body = "Shin Won-sik called 2004 an \"outstanding success\" that generated \
                \"tremendous momentum\" for 2005.";
    assert_eq!(
        of(body, "outstanding success", PEOPLE),
        said_by("Shin Won-sik")
    );
    assert_eq!(
        of(body, "tremendous momentum", PEOPLE),
        said_by("Shin Won-sik")
    );
    // Someone named between: nobody.
    let body = "Shin Won-sik called 2004 an \"outstanding success\" but Kim Yong-hyun \
                saw \"tremendous risk\" in 2005.";
    assert_eq!(of(body, "tremendous risk", PEOPLE), nobody());
}

#[test]
fn a_sentence_whose_subject_is_the_last_speaker_as_she_hands_on_the_quotation() {
    let arnold = [
        Person {
            name: "Andrea Arnold",
            aliases: &[],
        },
        Person {
            name: "Lars Von Trier",
            aliases: &[],
        },
    ];
    let body = "\"We are still reeling,\" said Andrea Arnold.\n\
                And she won't commit to an opinion of Hollywood yet. \"I'm just in the \
                middle of it.\"";
    assert_eq!(
        of(body, "just in the middle", &arnold),
        said_by("Andrea Arnold")
    );
    // A sentence that names someone else too: nobody.
    let body = "\"We are still reeling,\" said Andrea Arnold.\n\
                And she met Lars Von Trier yesterday. \"I'm just in the middle of it.\"";
    assert_eq!(of(body, "just in the middle", &arnold), nobody());
}

fn people_named(names: &'static [&'static str]) -> Vec<Person<'static>> {
    names
        .iter()
        .map(|name| Person { name, aliases: &[] })
        .collect()
}

#[test]
fn a_quotation_that_lost_its_closing_mark_ends_before_the_next_attribution() {
    let people = people_named(&["Jo Bloggs", "Sam Carter"]);
    // The first quotation never closes; the sentence naming Carter is not in it.
    let body = "Jo Bloggs said: \"We lost today. \"Next week is another game. The club is \
                third in the table. Manager Sam Carter said: \"We need a striker. \"I will \
                decide on Friday.\" The club plays on Saturday.";
    assert_eq!(
        of(body, "We need a striker", &people),
        said_by("Sam Carter")
    );
    assert_eq!(of(body, "I will decide", &people), said_by("Sam Carter"));
    assert_eq!(of(body, "Next week is", &people), said_by("Jo Bloggs"));
}

#[test]
fn a_quoted_question_before_a_new_sentence_ends_its_sentence() {
    let people = people_named(&["Dan Ames", "John Smith"]);
    let body = "Tunely's Dan Ames is not convinced.\n\"We have sold songs for years,\" he \
                said. \"Who would pay twice for the same song?\" Tunely sells songs for a \
                pound.";
    assert_eq!(
        of(body, "Who would pay twice", &people),
        said_by("Dan Ames")
    );
    // A question with its attribution after it is still one sentence.
    let body = "Prices rose.\n\"Why now?\" John Smith asked.";
    assert_eq!(of(body, "Why now", &people), said_by("John Smith"));
}

#[test]
fn a_name_before_a_dashed_appositive_speaks() {
    let people = people_named(&["Lord Penrose"]);
    let body = "The ruling came on Thursday.\nLord Penrose - a senior judge - said the law \
                allowed arrests \"in a way that singles out foreigners\" without trial.";
    assert_eq!(of(body, "in a way that", &people), said_by("Lord Penrose"));
}

#[test]
fn a_stock_ticker_is_no_part_of_the_speakers_name() {
    let body = "LONDON, March 25 - Acme Oil Plc <ACO.L> said it will cut costs.\n\
                It said in a statement \"We are sure funds will be found.\"";
    assert_eq!(of(body, "We are sure", &[]), written("Acme Oil Plc"));
}

#[test]
fn a_name_after_the_verb_then_what_it_spoke_of_speaks() {
    let people = people_named(&["Greta Holm"]);
    let body = "Sales rose.\n\"It's the export business,\" said bank analyst Greta Holm of \
                Acme's strong results. Shares rose.";
    assert_eq!(of(body, "It's the export", &people), said_by("Greta Holm"));
}

#[test]
fn a_possessive_written_with_the_apostrophe_alone_before_a_name() {
    let people = people_named(&["Dora Vane"]);
    let body = "Investors want cash.\n\"We are long-term investors,\" Marcus' Dora Vane told \
                the Daily Post.";
    assert_eq!(of(body, "We are long-term", &people), said_by("Dora Vane"));
}

#[test]
fn saying_after_a_sentence_that_opens_with_an_adverb_is_its_subjects() {
    let people = people_named(&["Ruth Abel", "Omar Grant"]);
    let body = "Mr Grant won.\nEarlier party leader Ruth Abel sent Mr Grant her \"warmest \
                wishes\", saying: \"We look to him to unite the country.\"";
    assert_eq!(of(body, "We look to him", &people), said_by("Ruth Abel"));
}

#[test]
fn promised_reports_words() {
    let people = people_named(&["Alan Reeve"]);
    let body = "Posters went up.\nMr Reeve promised a campaign \"which is upbeat and \
                confident\".";
    assert_eq!(of(body, "which is upbeat", &people), said_by("Alan Reeve"));
}

#[test]
fn an_appositive_that_lost_its_closing_comma_leaves_the_name_speaking() {
    let people = people_named(&["Lena Koch"]);
    let body = "Rates rose.\nLena Koch, a strategist at Fenwick Securities told Reuters \
                that \"it is enough to make them hawkish\".";
    assert_eq!(of(body, "it is enough", &people), said_by("Lena Koch"));
}

#[test]
fn the_name_opening_a_sentence_speaks_past_its_appositives() {
    let people = people_named(&["Taro Mori"]);
    let body = "Prices fell.\nTaro Mori, head of the Federation of Traders' Associations, \
                (Fedtra), told reporters: \"The yen might rise.\"";
    assert_eq!(of(body, "The yen might", &people), said_by("Taro Mori"));
    // A dateline opening the sentence is no speaker; a comma inside a company's name is
    // no appositive.
    let body = "OSLO, April 7 - Norfjord Corp, a unit of Vale Group, said it would grow. \
                \"It is a huge market,\" the company said.";
    assert_ne!(of(body, "It is a huge", &[]), written("OSLO"));
    let body = "NEW YORK - Bell, Hart and Co, responding to the charges, said it would \
                fight. \"We believe in him,\" the company said in a statement.";
    assert_ne!(of(body, "We believe in him", &[]), written("Bell"));
}

#[test]
fn a_hyphenated_descriptor_is_no_part_of_the_name() {
    let people = people_named(&["Kevin Doyle"]);
    let body = "Rain fell.\nMan-of-the-match Doyle explained what went wrong. \"I lost it in \
                the lights,\" said the Leeds star.";
    assert_eq!(of(body, "I lost it", &people), said_by("Kevin Doyle"));
}

#[test]
fn a_sentence_whose_subject_is_the_last_speaker_by_name_hands_on_the_quotation() {
    let people = people_named(&["Brian Roe", "Luke Hale"]);
    let body = "Luke Hale scored.\n\"We had chances,\" said Roe. The side kept a clean \
                sheet. Roe applauded the move. \"It was a brilliant goal.\"";
    assert_eq!(
        of(body, "It was a brilliant", &people),
        said_by("Brian Roe")
    );
}

#[test]
fn an_acronym_is_the_name_written_before_it_in_brackets_or_in_the_opening() {
    let body = "WELLINGTON - Rates will fall, the Institute of Trade Research (NZITR) \
                said.\n\"Falling inflation gives scope for cuts,\" the NZITR said.";
    assert_eq!(
        of(body, "Falling inflation", &[]),
        written("Institute of Trade Research")
    );
    // A partial name the window does not widen is widened from the article's opening.
    let lead = "BEIJING - A reshuffle will follow, Vice-Premier Yao Qilin said.";
    let body = "Talks went on.\n\"We hope for peace,\" Yao said.";
    let start = body.find("We hope").unwrap_or_default();
    assert_eq!(
        attribute_after(lead, body, start..start + 7, &[]),
        written("Yao Qilin")
    );
}

#[test]
fn an_adverb_between_the_subject_and_a_verb_of_describing_is_read_through() {
    let people = people_named(&["Thierry Brun", "Robert Lacaze"]);
    let body = "Lyon won.\nStriker Thierry Brun, along with Robert Lacaze, scored. And Brun \
                afterwards described the display as \"beautiful to watch\".";
    assert_eq!(
        of(body, "beautiful to watch", &people),
        said_by("Thierry Brun")
    );
}

#[test]
fn a_full_name_without_its_initials_is_that_person() {
    let people = people_named(&["E. Dale Stone"]);
    let body = "Talks went on.\n\"Whether we're going to do something, I don't know,\" said \
                Dale Stone.";
    assert_eq!(of(body, "Whether we're", &people), said_by("E. Dale Stone"));
}

#[test]
fn agreed_attributes_after_a_closing_mark_only() {
    let body = "Models are discussed. \"We see new models,\" said Marc Stern, head of Overpay. \
                \"Buyers want it and we will find new ways,\" agreed Mr Stern.";
    assert_eq!(of(body, "Buyers want", &[]), written("Marc Stern"));
    let body = "\"Buyers want it,\" Mr Stern agreed.";
    assert_eq!(of(body, "Buyers want", &[]), written("Mr Stern"));
    // Before a mark it is no speech verb: the board agreed to a deal, not to words.
    let body = "The board agreed to sell the \"crown jewels\" on Monday.";
    assert_eq!(of(body, "crown jewels", &[]), nobody());
}

#[test]
fn a_second_appositive_without_its_closing_comma_reaches_the_verb() {
    let body = "\"Greed has created a frenzy,\" Rep. Edward Markey, D-Mass, the chairman of \
                the finance subcommittee said at a hearing.";
    assert_eq!(of(body, "Greed has", &[]), written("Edward Markey"));
}

#[test]
fn quoted_as_telling_someone_is_the_one_quoted() {
    let body = "The envoy met the premier. Kyodo quoted Suzuki as telling reporters after \
                meeting the envoy, \"I entirely accept what he said.\" Suzuki said no more.";
    assert_eq!(of(body, "entirely accept", &[]), written("Suzuki"));
    let body = "\"I entirely accept it,\" the agency quoted Suzuki as telling reporters.";
    assert_eq!(of(body, "entirely accept", &[]), written("Suzuki"));
    // Every form of quoting reads "as saying", "as telling" and "as stating" alike.
    let body = "\"I entirely accept it,\" the agency quoted Suzuki as stating.";
    assert_eq!(of(body, "entirely accept", &[]), written("Suzuki"));
    let body = "Suzuki was quoted by Kyodo as telling reporters the deal was \"fair\".";
    assert_eq!(of(body, "fair", &[]), written("Suzuki"));
}

#[test]
fn an_owner_named_inside_reported_speech_leaves_the_speaker_speaking() {
    let people = people_named(&["John Barlow", "Jim Wright"]);
    let body = "\"Taxes will not rise,\" Barlow said. He added that House Speaker Jim \
                Wright's proposal to tax oil was \"a nonstarter\" with the White House.";
    assert_eq!(of(body, "a nonstarter", &people), said_by("John Barlow"));
    // What the owner owns is words said: they may be the owner's, so nobody.
    let body = "\"Taxes will not rise,\" Barlow said. He added that Jim Wright's claim \
                that taxes were \"a lifeline\" was wrong.";
    assert_eq!(of(body, "a lifeline", &people), nobody());
}

#[test]
fn words_quoted_from_a_claim_from_someone_are_theirs() {
    let people = people_named(&["Tony Blair", "Michael Howard"]);
    let body = "Prime Minister Tony Blair spoke. The prime minister shrugged off claims \
                from opposition leader Michael Howard that he led a \"grubby government\". \
                He said: \"We have moved on.\"";
    assert_eq!(
        of(body, "grubby government", &people),
        said_by("Michael Howard")
    );
    // The claimant does not become the "he" of the next sentence.
    assert_eq!(of(body, "moved on", &people), said_by("Tony Blair"));
}

#[test]
fn the_one_asked_about_is_not_the_one_who_replies() {
    let body = "Mr Brown spoke to reporters on Monday. Asked if Mr Smith could return to \
                the cabinet, he replied: \"I admire him greatly.\"";
    assert_eq!(of(body, "admire him", &[]), written("Mr Brown"));
}

#[test]
fn a_cleric_is_resolved_by_the_title_given_with_the_name() {
    let people = people_named(&["Desmond Tutu"]);
    let body = "Archbishop Desmond Tutu has called for the camp's closure. The South African \
                archbishop said detentions without trial were \"unacceptable\".";
    assert_eq!(of(body, "unacceptable", &people), said_by("Desmond Tutu"));
}

#[test]
fn he_was_quoted_as_saying_is_the_one_quoted() {
    let people = people_named(&["Gerhard Stoltenberg"]);
    let body = "Stoltenberg told the paper there had been \"criminal conduct.\"\n\n\"I do not \
                want to prejudge results,\" he was quoted as saying.";
    assert_eq!(
        of(body, "prejudge results", &people),
        said_by("Gerhard Stoltenberg")
    );
}

#[test]
fn the_group_is_the_company_named_with_its_legal_form() {
    let body = "BASF AG said turnover fell. The group said it expected better business. \"At \
                the moment we do not expect extraordinary influences,\" it said.";
    assert_eq!(of(body, "At the moment", &[]), written("BASF AG"));
    // Not a ministry: "the group" is no ministry's.
    let body = "The Finance Ministry said taxes would rise. The group said it expected \
                growth. \"We are hopeful,\" it said.";
    assert_eq!(of(body, "We are hopeful", &[]), nobody());
}

#[test]
fn described_as_by_someone_described_is_that_one() {
    let body = "Fletcher was described as a \"consummate professional\" by his friend and \
                fellow broadcaster Michael Pointon.";
    assert_eq!(
        of(body, "consummate professional", &[]),
        written("Michael Pointon")
    );
    // Not past "of": the critics described it.
    let body = "The plan was described as \"a disaster\" by critics of President Bush.";
    assert_eq!(of(body, "a disaster", &[]), nobody());
}

#[test]
fn a_lower_case_descriptor_before_a_name_in_commas() {
    let body = "The hunt met. \"We are not going away,\" hunt master, Captain Ian Farquhar, \
                said.";
    assert_eq!(of(body, "not going away", &[]), written("Ian Farquhar"));
}

#[test]
fn one_quoted_word_in_capitals_before_a_noun_names_a_thing() {
    let body = "A Wellcome spokesman said the company was applying for licences for its \
                \"Retrovir\" drug.";
    assert_eq!(of(body, "Retrovir", &[]), nobody());
}

#[test]
fn a_title_that_opens_a_known_company_is_part_of_its_name() {
    let body = "General Motors will not comment on the talks, saying only it is seeking to \
                become a \"world-class competitor.\"";
    assert_eq!(of(body, "world-class", &[]), written("General Motors"));
}

#[test]
fn a_legal_form_written_with_a_slash_widens_the_name() {
    let body = "COPENHAGEN - Danish producer Novo Industri A/S (NVO.CO) said earnings fell.\n\n\
                Earnings fell.\n\n\"Foreign exchange was a factor,\" Novo said in a statement.";
    assert_eq!(
        of(body, "Foreign exchange", &[]),
        written("Novo Industri A/S")
    );
}

#[test]
fn a_comma_inside_the_speakers_firm_leaves_the_opening_name_speaking() {
    let body = "Prices rose. Daniel McKinley, oil analyst with Smith Barney, Upham Harris and \
                Co said, \"both markets have been oversold.\"";
    assert_eq!(of(body, "both markets", &[]), written("Daniel McKinley"));
}

#[test]
fn the_titles_of_a_name_in_an_appositive_after_the_ones_role() {
    let people = people_named(&["Tom Wright"]);
    let body = "The book claims Jesus was not crucified. The Bishop of Durham, the Rt Rev Dr \
                Tom Wright, described the novel as a \"great thriller\". Later the Bishop \
                said: \"Conspiracy theories are always fun.\"";
    assert_eq!(of(body, "great thriller", &people), said_by("Tom Wright"));
    assert_eq!(
        of(body, "Conspiracy theories", &people),
        said_by("Tom Wright")
    );
}

#[test]
fn a_place_is_never_he() {
    let body = "A radio report monitored in London said the minister had called for talks.\n\n\
                \"We call on Greece to talk,\" he said.";
    assert_eq!(of(body, "We call on", &[]), nobody());
}
