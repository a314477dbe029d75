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
    // Three words of descriptor when the last is a title or an acronym.
    assert_eq!(
        without_descriptor("Virgin Radio DJ Pete Mitchell", &people),
        "Pete Mitchell"
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

mod corpus;
mod forms;
mod korean;
mod names;
mod reported;
mod terms;
