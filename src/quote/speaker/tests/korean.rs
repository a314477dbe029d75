//! Korean speakers: the name a topic phrase holds, without the titles, organisations
//! and clauses written around it.

use super::*;

fn said(body: &str, quote: &str) -> Option<String> {
    let a = body.find(quote).expect("the quote is in the body");
    attribute_in(Language::Korean, body, a..a + quote.len(), &[], "").speaker
}

#[test]
fn a_title_after_a_korean_name_is_left_out() {
    let body = "김지석 수석프로그래머는 “영화들이 만들어지고 있다”라고 말했다.\n\
                최경환 종합상황실장은 “뜻을 존중해야 한다”며 “문을 닫겠다”고 말했다.\n\
                김효석 원내대표는 이날 “특검으로 갈 수밖에 없다”고 밝혔다.";
    assert_eq!(
        said(body, "영화들이 만들어지고 있다").as_deref(),
        Some("김지석")
    );
    assert_eq!(said(body, "뜻을 존중해야 한다").as_deref(), Some("최경환"));
    assert_eq!(said(body, "문을 닫겠다").as_deref(), Some("최경환"));
    assert_eq!(
        said(body, "특검으로 갈 수밖에 없다").as_deref(),
        Some("김효석")
    );
}

#[test]
fn an_organisation_or_a_second_title_after_the_name_is_left_out() {
    let body = "반면 장영수 고려대 법대 교수는 “헌법소원을 제기할 수는 있다”고 주장했다.\n\
                이항구 산업연구원(KIET) 연구위원은 “협력이 절실하다”고 말했다.\n\
                제프 블라터 국제축구연맹(FIFA) 회장은 “브라질로 결정했다”고 발표했다.\n\
                김신일 부총리 겸 교육인적자원부 장관은 “혼란이 가중되고 있다”고 설명했다.\n\
                김효석 대표는 “갈 수밖에 없다”고 밝혔고, 윤호중 의원 등 28명은 “특검법을 발의하겠다”고 말했다.\n\
                만난 적이 있는 라잘리 이스마일 전 유엔 특사는 “애국자라고 믿는다”고 말했다.";
    assert_eq!(
        said(body, "헌법소원을 제기할 수는 있다").as_deref(),
        Some("장영수")
    );
    assert_eq!(said(body, "협력이 절실하다").as_deref(), Some("이항구"));
    assert_eq!(
        said(body, "브라질로 결정했다").as_deref(),
        Some("제프 블라터")
    );
    assert_eq!(
        said(body, "혼란이 가중되고 있다").as_deref(),
        Some("김신일")
    );
    assert_eq!(said(body, "특검법을 발의하겠다").as_deref(), Some("윤호중"));
    assert_eq!(
        said(body, "애국자라고 믿는다").as_deref(),
        Some("라잘리 이스마일")
    );
}

#[test]
fn a_clause_or_a_title_before_the_name_is_left_out() {
    let body = "이 회사 인사기획팀장인 박갑진 상무는 “면접을 여러 번 본다”고 말했다.\n\
                파문이 커지자 한국외대는 26일 “강사를 파면했다”고 발표했다.\n\
                하나로텔레콤이 공시를 하자, 에스케이텔레콤은 “계약서를 갖고 있다”고 맞받아쳤다.";
    assert_eq!(said(body, "면접을 여러 번 본다").as_deref(), Some("박갑진"));
    assert_eq!(said(body, "강사를 파면했다").as_deref(), Some("한국외대"));
    assert_eq!(
        said(body, "계약서를 갖고 있다").as_deref(),
        Some("에스케이텔레콤")
    );
}
