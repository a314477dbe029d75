//! `search quote` in Ukrainian, Russian and Korean (issue 19, part 3): the quote is read
//! in its language and compared with passages of that language — words by their stems
//! (Korean: without their particles), figures with the language's scale and currency
//! words, its negations — and the speaker is read from the language's attribution forms.
//! Three articles written for these tests (`tests/fixtures/quote-languages/`):
//!
//! - uk: «Ми виділимо 5 млн гривень на ремонт шкіл у прикордонних громадах», —
//!   заявила Олена Коваль. … «Нові податки не потрібні, бо бюджет уже збалансований», —
//!   сказала вона. Ремонту чекають шістдесят дві школи в трьох областях.
//! - ru: «Мы построим 12 новых станций в северных регионах до конца года», — заявил
//!   Павел Орлов. … «Тарифы не вырастут ни для одной семьи в этом году», — добавил он.
//! - ko: 박민수 보건복지부 장관은 … 박 장관은 “내년에 지역 병원 300곳에 500만 원씩
//!   지원하겠다”고 밝혔다. 이어 “의료진 부족 문제는 결코 가볍지 않다”고 말했다. 그는
//!   “정부는 병원이 문을 닫지 않도록 끝까지 돕겠다”고 덧붙였다.

mod testenv;

use serde_json::{Value, json};
use testenv::search;

fn indexed() -> tempfile::TempDir {
    testenv::indexed_copy("tests/fixtures/quote-languages", &[])
}

/// The best match of `quote` as JSON.
fn best(dir: &tempfile::TempDir, quote: &str) -> Value {
    let output = search(dir.path())
        .args([
            "--index", "index", "quote", "--json", "-n", "1", "--", quote,
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    testenv::json_lines(&output).remove(0)
}

/// (class, similarity, language, speaker, changes) of the best match.
fn verdict(found: &Value) -> (&str, f64, &str, Option<&str>, &Value) {
    (
        found["match"].as_str().unwrap(),
        found["similarity"].as_f64().unwrap(),
        found["lang"].as_str().unwrap(),
        found["speaker"].as_str(),
        &found["changes"],
    )
}

#[test]
fn exact_quotes_are_exact_with_their_speakers() {
    let dir = indexed();
    let cases = [
        (
            "Ми виділимо 5 млн гривень на ремонт шкіл у прикордонних громадах",
            "uk",
            "Олена Коваль",
        ),
        (
            "Мы построим 12 новых станций в северных регионах до конца года",
            "ru",
            "Павел Орлов",
        ),
        (
            "내년에 지역 병원 300곳에 500만 원씩 지원하겠다",
            "ko",
            "박민수",
        ),
        // `그는`: the speaker of the quotation before.
        (
            "정부는 병원이 문을 닫지 않도록 끝까지 돕겠다",
            "ko",
            "박민수",
        ),
    ];
    for (quote, lang, speaker) in cases {
        let found = best(&dir, quote);
        assert_eq!(
            verdict(&found),
            ("exact", 1.0, lang, Some(speaker), &json!([])),
            "{quote}"
        );
    }
}

#[test]
fn a_changed_ending_or_particle_is_the_same_word_changed_in_writing() {
    let dir = indexed();
    // Each changed form costs half a word (a different word would cost it whole) and is
    // shown against the article's form; no change of meaning is flagged.
    let found = best(
        &dir,
        "Ми виділимо 5 млн гривень на ремонт шкіл у прикордонній громаді",
    );
    assert_eq!(
        verdict(&found),
        ("near", 0.855, "uk", Some("Олена Коваль"), &json!([]))
    );
    assert_eq!(
        found["diff"],
        json!([
            {"op": "same", "text": "Ми виділимо 5 млн гривень на ремонт шкіл у"},
            {"op": "missing", "text": "прикордонній"},
            {"op": "added", "text": "прикордонних"},
            {"op": "missing", "text": "громаді"},
            {"op": "added", "text": "громадах"},
            {"op": "context", "text": "заявила Олена Коваль"}
        ])
    );
    let found = best(
        &dir,
        "Мы построим 12 новых станций в северном регионе до конца года",
    );
    assert_eq!(
        verdict(&found),
        ("near", 0.888, "ru", Some("Павел Орлов"), &json!([]))
    );
    let found = best(&dir, "의료진 부족 문제가 결코 가볍지 않다");
    assert_eq!(
        verdict(&found),
        ("near", 0.917, "ko", Some("박민수"), &json!([]))
    );
    assert_eq!(
        found["diff"],
        json!([
            {"op": "context", "text": "이어"},
            {"op": "same", "text": "의료진 부족"},
            {"op": "missing", "text": "문제가"},
            {"op": "added", "text": "문제는"},
            {"op": "same", "text": "결코 가볍지 않다"},
            {"op": "context", "text": "고 말했다"}
        ])
    );
}

#[test]
fn a_changed_figure_is_a_number_change() {
    let dir = indexed();
    let cases = [
        (
            "Ми виділимо 7 млн гривень на ремонт шкіл у прикордонних громадах",
            0.855,
            json!([{"kind": "number", "quote": "7 млн гривень", "article": "5 млн гривень"}]),
        ),
        // A number word is a figure: 62 is not 72.
        (
            "Ремонту чекають сімдесят дві школи в трьох областях",
            0.841,
            json!([{"kind": "number", "quote": "сімдесят дві", "article": "шістдесят дві"}]),
        ),
        (
            "Мы построим 15 новых станций в северных регионах до конца года",
            0.888,
            json!([{"kind": "number", "quote": "15", "article": "12"}]),
        ),
        (
            "내년에 지역 병원 300곳에 700만 원씩 지원하겠다",
            0.857,
            json!([{"kind": "number", "quote": "700만", "article": "500만"}]),
        ),
    ];
    for (quote, similarity, changes) in cases {
        let found = best(&dir, quote);
        assert_eq!(found["match"], "near", "{quote}");
        assert_eq!(found["similarity"].as_f64(), Some(similarity), "{quote}");
        assert_eq!(found["changes"], changes, "{quote}");
    }
}

#[test]
fn a_negation_dropped_or_added_is_flagged() {
    let dir = indexed();
    let cases = [
        (
            "Нові податки потрібні, бо бюджет уже збалансований",
            json!([{"kind": "negation", "quote": "", "article": "не"}]),
        ),
        (
            "Тарифы вырастут ни для одной семьи в этом году",
            json!([{"kind": "negation", "quote": "", "article": "не"}]),
        ),
        (
            "Тарифы не вырастут ни для одной семьи в этом году",
            json!([]),
        ),
        // A Korean verb's negation follows it: `가볍지 않다` quoted as `가볍다`.
        (
            "의료진 부족 문제는 결코 가볍다",
            json!([{"kind": "negation", "quote": "", "article": "않다"}]),
        ),
        (
            "내년에 지역 병원 300곳에 500만 원씩 안 지원하겠다",
            json!([{"kind": "negation", "quote": "안", "article": ""}]),
        ),
        // `안 닫도록` for `닫지 않도록`: negated either way, no change.
        ("정부는 병원이 문을 안 닫도록 끝까지 돕겠다", json!([])),
    ];
    for (quote, changes) in cases {
        assert_eq!(best(&dir, quote)["changes"], changes, "{quote}");
    }
}

#[test]
fn the_text_output_names_the_language_and_the_change() {
    let dir = indexed();
    let output = search(dir.path())
        .env("NO_COLOR", "1")
        .args([
            "--index",
            "index",
            "quote",
            "-n",
            "1",
            "--",
            "의료진 부족 문제는 결코 가볍다",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    let lines: Vec<&str> = text.lines().take(4).collect();
    assert_eq!(
        lines,
        [
            "1. 시험일보 · 2024-11-04 · ko · 박민수 장관 “지역 병원 지원 늘린다”",
            "   quote-languages/ko.md:12 · similarity 0.80 · near · speaker: 박민수",
            "   negation dropped: 않다",
            "   (이어) 의료진 부족 문제는 결코 [-가볍다-]{+가볍지+} (않다 고 말했다)",
        ]
    );
}

#[test]
fn a_quote_is_compared_only_with_passages_of_its_language() {
    let dir = indexed();
    // The Russian article's figure asked in Ukrainian words finds nothing Russian to
    // compare with: no passage of its language holds it.
    search(dir.path())
        .args([
            "--index",
            "index",
            "quote",
            "--json",
            "--",
            "Ми побудуємо 12 нових станцій у північних регіонах",
        ])
        .assert()
        .code(1);
}
