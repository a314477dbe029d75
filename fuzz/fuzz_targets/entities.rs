//! The entity extractor on any text: title, body and author separated by NULs. Every
//! entity has a non-empty name, and the list is sorted with each entity once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use search::entities::extract;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut parts = input.splitn(3, '\0');
    let (first, second, third) = (parts.next(), parts.next(), parts.next());
    let (title, body, author) = match (first, second, third) {
        (Some(body), None, _) => (None, body, None),
        (title, Some(body), author) => (title, body, author),
        (None, None, _) => (None, "", None),
    };
    let found = extract(title, body, author);
    for entity in &found {
        assert!(!entity.name.trim().is_empty(), "{found:?}");
    }
    assert!(found.windows(2).all(|w| w[0] < w[1]), "{found:?}");
    let mut keys: Vec<_> = found.iter().map(|e| (e.kind, e.key())).collect();
    keys.sort();
    let before = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), before, "{found:?}");
});
