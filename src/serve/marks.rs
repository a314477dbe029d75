//! Highlighted text as HTML: byte ranges from the engine become `<mark>` elements, and
//! every piece of the text between them is escaped like any other article text.

use maud::{Markup, html};

/// `text` with the byte ranges `ranges` (in order, not overlapping) marked. A range
/// that is out of order, past the end or not on character boundaries is left unmarked
/// rather than cutting a character.
pub fn marked(text: &str, ranges: &[[usize; 2]]) -> Markup {
    let mut pieces: Vec<(&str, bool)> = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for &[start, end] in ranges {
        let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        pieces.push((before, false));
        pieces.push((inside, true));
        at = end;
    }
    pieces.push((text.get(at..).unwrap_or(""), false));
    html! {
        @for (piece, mark) in pieces {
            @if mark { mark { (piece) } } @else { (piece) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_become_marks_and_text_is_escaped() {
        let text = "a <b> & \"oil\" prices";
        let oil = text.find("oil").unwrap();
        let html = marked(text, &[[oil, oil + 3]]).into_string();
        assert_eq!(
            html,
            "a &lt;b&gt; &amp; &quot;<mark>oil</mark>&quot; prices"
        );
    }

    #[test]
    fn a_range_inside_a_character_is_left_unmarked() {
        let text = "café au lait";
        let html = marked(text, &[[4, 5], [10, 99]]).into_string();
        assert_eq!(html, "café au lait");
    }
}
