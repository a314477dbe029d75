//! `search quote` on figures, sums and negations (issue 14): equal values written
//! differently are equal, and a changed figure, currency or negation is listed in
//! `changes` and never `exact`. One article written for these tests
//! (`tests/fixtures/quote-changes/maternity.md`) says:
//!
//! - "Maternity pay for new mothers is to rise by £1,400 a year"
//! - "The scheme will cost 1.5bn over five years and reach 25,000 families in every region"
//! - "Turnout fell to 84% in the northern districts after the storm"
//! - "The reform is to ensure that every family keeps its allowance"
//! - "The first payments will reach families in Leeds before the rest of the country"
//! - "At 1405 GMT, shares in Ledger Bank were trading down 0.67% at 590 pence, a cost of
//!   £2m to the fund run by Ana Costa"
//! - "Maria Costa, the director of the scheme, said the payments would start in April"

mod testenv;

use serde_json::{Value, json};
use testenv::search;

fn indexed() -> tempfile::TempDir {
    testenv::indexed_copy("tests/fixtures/quote-changes", &[])
}

/// (class, changes) of the best match.
fn best(dir: &tempfile::TempDir, quote: &str) -> (String, Value) {
    let output = search(dir.path())
        .args(["--index", "index", "quote", "--json", quote])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let matches = testenv::json_lines(&output);
    let first = &matches[0];
    (
        first["match"].as_str().unwrap().to_owned(),
        first["changes"].clone(),
    )
}

#[test]
fn another_currency_is_a_currency_change() {
    let dir = indexed();
    assert_eq!(
        best(
            &dir,
            "Maternity pay for new mothers is to rise by $1,400 a year"
        ),
        (
            "near".to_owned(),
            json!([{"kind": "currency", "quote": "$1,400", "article": "£1,400"}])
        )
    );
    // The sum is shown with its currency.
    assert_eq!(
        best(
            &dir,
            "Maternity pay for new mothers is to rise by £1,400 a year"
        ),
        ("exact".to_owned(), json!([]))
    );
}

#[test]
fn figures_written_another_way_are_exact() {
    let dir = indexed();
    assert_eq!(
        best(
            &dir,
            "The scheme will cost 1.5 billion over 5 years and reach 25000 families in every region"
        ),
        ("exact".to_owned(), json!([]))
    );
    assert_eq!(
        best(
            &dir,
            "Turnout fell to 84 per cent in the northern districts"
        ),
        ("exact".to_owned(), json!([]))
    );
}

#[test]
fn another_figure_is_a_number_change() {
    let dir = indexed();
    assert_eq!(
        best(
            &dir,
            "Turnout fell to 44 per cent in the northern districts"
        ),
        (
            "near".to_owned(),
            json!([{"kind": "number", "quote": "44 per cent", "article": "84%"}])
        )
    );
}

#[test]
fn an_added_negation_is_a_negation_change() {
    let dir = indexed();
    assert_eq!(
        best(
            &dir,
            "The reform is not to ensure that every family keeps its allowance"
        ),
        (
            "near".to_owned(),
            json!([{"kind": "negation", "quote": "not", "article": ""}])
        )
    );
}

#[test]
fn another_name_is_a_name_change() {
    let dir = indexed();
    assert_eq!(
        best(
            &dir,
            "The first payments will reach families in Bristol before the rest of the country"
        ),
        (
            "near".to_owned(),
            json!([{"kind": "name", "quote": "Bristol", "article": "Leeds"}])
        )
    );
    // A capitalised first word is no name: a changed one is an ordinary word.
    assert_eq!(
        best(
            &dir,
            "Early payments will reach families in Leeds before the rest of the country"
        ),
        ("near".to_owned(), json!([]))
    );
}

#[test]
fn a_name_changed_is_named_whole() {
    let dir = indexed();
    // The quote's last word aligns with the article's "Ana"; "Costa" lies past the
    // aligned words, and is still the article's name.
    assert_eq!(
        best(
            &dir,
            "shares in Ledger Bank were trading down 0.67% at 590 pence, a cost of £2m to \
             the fund run by Silva"
        ),
        (
            "near".to_owned(),
            json!([{"kind": "name", "quote": "Silva", "article": "Ana Costa"}])
        )
    );
    // A sentence's capitalised first word is part of the name that follows it.
    assert_eq!(
        best(
            &dir,
            "Ana Silva, the director of the scheme, said the payments would start in April"
        ),
        (
            "near".to_owned(),
            json!([{"kind": "name", "quote": "Ana Silva", "article": "Maria Costa"}])
        )
    );
}

#[test]
fn a_figure_moved_to_another_place_is_no_change_but_its_currency_is() {
    let dir = indexed();
    let reworded = "Ledger Bank shares had slipped 0.67% to 590 pence by 1405 GMT, costing the \
                    fund run by Ana Costa";
    assert_eq!(
        best(&dir, &format!("{reworded} £2m")),
        ("paraphrase".to_owned(), json!([]))
    );
    assert_eq!(
        best(&dir, &format!("{reworded} $2m")),
        (
            "paraphrase".to_owned(),
            json!([{"kind": "currency", "quote": "$2m", "article": "£2m"}])
        )
    );
    assert_eq!(
        best(&dir, &format!("{reworded} £3m")),
        (
            "paraphrase".to_owned(),
            json!([
                {"kind": "number", "quote": "", "article": "£2m"},
                {"kind": "number", "quote": "£3m", "article": ""}
            ])
        )
    );
    assert_eq!(
        best(&dir, &reworded.replace("1405", "1505")),
        (
            "paraphrase".to_owned(),
            json!([
                {"kind": "number", "quote": "1505", "article": ""},
                {"kind": "number", "quote": "", "article": "£2m"}
            ])
        )
    );
}

#[test]
fn changes_are_printed_before_the_diff() {
    let dir = indexed();
    search(dir.path())
        .args(["--index", "index", "--color", "never", "quote"])
        .arg("Turnout fell to 44 per cent in the northern districts")
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "   number changed: 84% → 44 per cent\n   \
             Turnout fell to [-44 per cent-]{+84%+} in the northern districts (after the \
             storm)\n",
        ));
}
