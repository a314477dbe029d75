//! An article's language, settled once when it is read: what the source declared
//! (front matter, a JSON field, `<html lang>`, folder defaults) where the detector
//! agrees or is unsure, else what the detector found in the title and first few
//! kilobytes (see [`crate::text::detect`]).

use crate::ingest::article::{Article, Origin, Sourced};
use crate::text::detect_language;

/// Sets `article.meta.lang` to the language the article is written in, with its
/// origin: the declared value (reduced to its primary subtag, `en-GB` → `en`) where
/// detection agrees or is unsure, [`Origin::Detected`] otherwise. It stays `None` only
/// when nothing was declared and the text has no letter of a script the detector reads.
pub fn settle_language(article: &mut Article) {
    let title = article.meta.title.as_ref().map_or("", |t| t.value.as_str());
    let detected = detect_language(title, &article.body);
    let declared = article
        .meta
        .lang
        .as_ref()
        .filter(|lang| lang.origin.is_declared())
        .and_then(|lang| primary_subtag(&lang.value).map(|code| (code, lang.origin)));
    article.meta.lang = match (declared, detected) {
        (Some((code, origin)), Some(detection)) => match detection.settle(&code) {
            Some(_) => Some(Sourced::new(code, origin)),
            None => Some(Sourced::new(detection.code.to_owned(), Origin::Detected)),
        },
        (Some((code, origin)), None) => Some(Sourced::new(code, origin)),
        (None, Some(detection)) => Some(Sourced::new(detection.code.to_owned(), Origin::Detected)),
        (None, None) => None,
    };
}

/// The primary subtag of a language tag, lower-cased (`EN-gb` → `en`); `None` for a
/// tag that does not start with two or three ASCII letters.
fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let letters = primary.len();
    ((2..=3).contains(&letters) && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::article::{LineMap, Metadata};
    use std::path::PathBuf;

    fn settled(declared: Option<(&str, Origin)>, body: &str) -> Option<(String, Origin)> {
        let mut article = Article {
            path: PathBuf::from("a.txt"),
            source_id: None,
            meta: Metadata {
                lang: declared.map(|(code, origin)| Sourced::new(code.to_owned(), origin)),
                ..Metadata::default()
            },
            body: body.to_owned(),
            lines: LineMap::Contiguous(1),
        };
        settle_language(&mut article);
        article.meta.lang.map(|lang| (lang.value, lang.origin))
    }

    #[test]
    fn detection_fills_what_nothing_declared() {
        assert_eq!(
            settled(None, "Шестеро офіцерів із Північної Кореї загинули."),
            Some(("uk".into(), Origin::Detected))
        );
        assert_eq!(settled(None, "1 2 3"), None);
    }

    #[test]
    fn a_declared_language_stands_where_detection_agrees_or_is_unsure() {
        let uk = "Шестеро офіцерів із Північної Кореї загинули.";
        assert_eq!(
            settled(Some(("UK", Origin::FrontMatter)), uk),
            Some(("uk".into(), Origin::FrontMatter))
        );
        assert_eq!(
            settled(
                Some(("en-GB", Origin::FolderDefaults)),
                "Six officers were killed."
            ),
            Some(("en".into(), Origin::FolderDefaults))
        );
        // The detector does not tell German from English: the declaration stands.
        assert_eq!(
            settled(
                Some(("de", Origin::JsonField)),
                "Sechs Offiziere wurden getötet."
            ),
            Some(("de".into(), Origin::JsonField))
        );
        // Too little to be sure of Russian against a declared Ukrainian.
        assert_eq!(
            settled(Some(("uk", Origin::MetaTag)), "Пока"),
            Some(("uk".into(), Origin::MetaTag))
        );
    }

    #[test]
    fn a_sure_detection_overrules_a_wrong_declaration() {
        // Folder defaults say English, the article is Korean.
        assert_eq!(
            settled(
                Some(("en", Origin::FolderDefaults)),
                "북한군이 러시아에 파병됐다."
            ),
            Some(("ko".into(), Origin::Detected))
        );
        assert_eq!(
            settled(
                Some(("ru", Origin::FrontMatter)),
                "Шестеро офіцерів із Північної Кореї загинули."
            ),
            Some(("uk".into(), Origin::Detected))
        );
        // A value read from the text is no declaration.
        assert_eq!(
            settled(Some(("xx", Origin::Text)), "Six officers were killed."),
            Some(("en".into(), Origin::Detected))
        );
    }
}
