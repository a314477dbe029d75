//! Declared values as metadata text: whitespace collapsed, "By" taken off author names,
//! only absolute URLs, a language tag's primary subtag.

/// Collapses whitespace; `None` when nothing is left.
pub(super) fn clean(s: &str) -> Option<String> {
    let out = squash(s);
    (!out.is_empty()).then_some(out)
}

/// Collapses every run of whitespace to one space and trims the ends.
pub(super) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An author name as the page writes it, without a leading "By" on each name; `None`
/// for an empty value or a URL (profile links are not names).
pub(super) fn author_name(s: &str) -> Option<String> {
    let s = squash(s);
    if s.is_empty() || s.contains("://") {
        return None;
    }
    let names: Vec<&str> = s
        .split(", ")
        .map(strip_by)
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Removes a leading "By " / "by:" from a name.
fn strip_by(name: &str) -> &str {
    let trimmed = name.trim();
    let bytes = trimmed.as_bytes();
    if bytes.len() > 2
        && bytes[..2].eq_ignore_ascii_case(b"by")
        && (bytes[2].is_ascii_whitespace() || bytes[2] == b':')
    {
        trimmed[3..].trim()
    } else {
        trimmed
    }
}

/// `s` when it is an absolute http(s) URL; relative links cannot be resolved offline.
pub(super) fn absolute_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let absolute = lower.starts_with("http://") || lower.starts_with("https://");
    (absolute && s.len() > 8 && !s.contains(char::is_whitespace)).then(|| s.to_owned())
}

/// The primary subtag of a language tag, lower-cased: `en-GB` and `en_GB` give `en`.
pub(super) fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    let valid = (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && !primary.eq_ignore_ascii_case("und");
    valid.then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_values_are_cleaned() {
        assert_eq!(primary_language("en-GB").as_deref(), Some("en"));
        assert_eq!(primary_language(" PT_br ").as_deref(), Some("pt"));
        assert_eq!(primary_language("x-klingon"), None);
        assert_eq!(primary_language("und"), None);
        assert_eq!(strip_by("By Jane Doe"), "Jane Doe");
        assert_eq!(strip_by("by: Jane Doe"), "Jane Doe");
        assert_eq!(strip_by("Byron Bay"), "Byron Bay");
        assert_eq!(author_name("By A, By B").as_deref(), Some("A, B"));
        assert_eq!(author_name("https://social.example/jane"), None);
        assert_eq!(
            absolute_url("HTTPS://e.org/x").as_deref(),
            Some("HTTPS://e.org/x")
        );
        assert_eq!(absolute_url("//e.org/x"), None);
    }
}
