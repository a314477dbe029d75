//! Quotations that name a thing rather than report anyone's words: nicknames, other
//! names given to a thing, a nickname inside a person's name, a quoted noun phrase
//! that is the subject of a clause.

use super::*;

#[test]
fn a_nickname_or_another_name_for_a_thing_is_nobodys() {
    let body = "The biggest culprit, according to the EPA, is the charger, nicknamed \
                \"power leeches\".";
    assert_eq!(of(body, "power leeches", &[]), nobody());
    let body = "Acme Corp said it adopted a shareholder rights plan, or \"poison pill,\" \
                to deter bids.";
    assert_eq!(of(body, "poison pill", &[]), nobody());
    let body = "Acme Corp said its unit, also known as \"the Works\", was sold.";
    assert_eq!(of(body, "the Works", &[]), nobody());
}

#[test]
fn a_nickname_inside_a_name_is_nobodys() {
    let body = "Acme Chairman C. J. \"Pete\" Silas said the stock rose.";
    assert_eq!(of(body, "Pete", &[]), nobody());
    let body = "Acme Chairman Pete Silas said the stock was \"Good Value\" now.";
    assert_eq!(of(body, "Good Value", &[]), written("Pete Silas"));
}

#[test]
fn a_quoted_subject_of_a_clause_is_nobodys() {
    let blair = [Person {
        name: "Tony Blair",
        aliases: &[],
    }];
    let body = "Tony Blair said there could be no concession on the \"basic principle\". \
                Mr Blair told the BBC the \"control orders\" would only be used rarely.\n\
                Critics are worried.\n\
                But the government insists that \"control orders\" must be issued by \
                ministers.";
    assert_eq!(of(body, "basic principle", &blair), said_by("Tony Blair"));
    assert_eq!(of(body, "control orders", &blair), nobody());
    assert_eq!(nth(body, "control orders", 1, &blair), nobody());
}

#[test]
fn a_term_after_a_determiner_is_nobodys() {
    // A name in capitals after "its", "an": the name of a thing.
    let body = "Acme Corp said it received approval on its \"Investigational New Drug\" \
                filing to begin trials.";
    assert_eq!(of(body, "Investigational New Drug", &[]), nobody());
    // A quoted phrase that modifies the noun after it.
    let body = "Acme Corp said it filed suit seeking to invalidate its \"poison pill\" \
                anti-takeover plan.";
    assert_eq!(of(body, "poison pill", &[]), nobody());
    // A phrase of the speaker's own stays theirs.
    let body = "Acme Corp said the deal was a \"huge boost\" to its business.";
    assert_eq!(of(body, "huge boost", &[]), written("Acme Corp"));
    let body = "Acme Corp said the US should understand the \"economic pain\" our partners \
                feel.";
    assert_eq!(of(body, "economic pain", &[]), written("Acme Corp"));
    let body = "Acme Corp said it would not accept a \"mad\" increase in prices.";
    assert_eq!(of(body, "mad", &[]), written("Acme Corp"));
}
