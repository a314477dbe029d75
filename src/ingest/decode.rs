//! Bytes → text. UTF-8 (with or without BOM) passes through; UTF-16 with a BOM and
//! legacy single-byte encodings (Latin-1, Windows-1252, …) are decoded with a warning;
//! binary and empty files are refused with a reason.

use crate::ingest::SkipReason;

/// Text decoded from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, always valid UTF-8, without a byte-order mark.
    pub text: String,
    /// The encoding used when the bytes were not UTF-8 (the caller warns about it).
    pub fallback: Option<&'static str>,
}

/// How many leading bytes are checked for NUL bytes and control characters.
const SNIFF_LEN: usize = 8192;

/// Signatures of binary formats often saved with a text extension.
const BINARY_MAGIC: &[&[u8]] = &[
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xFF\xD8\xFF",
    b"\x1F\x8B",
    b"\x7FELF",
    b"\xD0\xCF\x11\xE0",
];

/// Decodes a file's bytes, or says why they are not an article's text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, SkipReason> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, _) = encoding.decode_without_bom_handling(body);
        let fallback = (encoding != encoding_rs::UTF_8).then(|| encoding.name());
        return finish(text.into_owned(), fallback);
    }
    if BINARY_MAGIC.iter().any(|magic| bytes.starts_with(magic)) {
        return Err(SkipReason::Binary);
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return Err(SkipReason::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(text.to_owned(), None),
        Err(_) => {
            let encoding = guess_legacy_encoding(bytes);
            let (text, _, _) = encoding.decode(bytes);
            finish(text.into_owned(), Some(encoding.name()))
        }
    }
}

/// Below this many non-ASCII bytes there is too little evidence to tell one legacy
/// encoding from another, and Windows-1252 (a superset of Latin-1's printable range,
/// the commonest in Western newsroom archives) is the safest reading: a lone `£`
/// byte would otherwise come out as `Ł` in Windows-1250.
const MIN_EVIDENCE_BYTES: usize = 16;

/// Picks the legacy encoding of text that is not UTF-8.
fn guess_legacy_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let evidence = bytes.iter().filter(|&&b| b >= 0x80).count();
    if evidence < MIN_EVIDENCE_BYTES {
        return encoding_rs::WINDOWS_1252;
    }
    // chardetng weighs byte statistics, which tells Windows-1252 from, say,
    // Windows-1251 (Cyrillic) when there is text enough to judge.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

fn finish(text: String, fallback: Option<&'static str>) -> Result<Decoded, SkipReason> {
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    if looks_binary(&text) {
        return Err(SkipReason::Binary);
    }
    Ok(Decoded { text, fallback })
}

/// True when the start of the text is mostly control characters: a binary file that
/// happened to decode.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}' | '\u{1b}') {
            control += 1;
        }
    }
    control * 10 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_loses_its_bom() {
        let plain = decode("Kyiv – café".as_bytes()).unwrap();
        assert_eq!(
            plain,
            Decoded {
                text: "Kyiv – café".into(),
                fallback: None
            }
        );
        let bom = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(
            bom,
            Decoded {
                text: "Hello".into(),
                fallback: None
            }
        );
    }

    #[test]
    fn latin1_is_decoded_with_a_warning() {
        let decoded = decode(b"Caf\xe9 au lait for M\xfcller, \xa330m").unwrap();
        assert_eq!(decoded.text, "Café au lait for Müller, £30m");
        assert_eq!(decoded.fallback, Some("windows-1252"));
    }

    #[test]
    fn a_lone_pound_sign_is_windows_1252_and_cyrillic_is_detected() {
        let decoded = decode(b"transfer fee for Mutu, a \xa315.8m signing").unwrap();
        assert_eq!(decoded.text, "transfer fee for Mutu, a £15.8m signing");
        let cyrillic = decode(b"\xcc\xee\xf1\xea\xe2\xe0 \xe8 \xca\xe8\xe5\xe2 \xe7\xe0\xff\xe2\xe8\xeb\xe8 \xee \xef\xee\xe4\xe3\xee\xf2\xee\xe2\xea\xe5").unwrap();
        assert_eq!(cyrillic.text, "Москва и Киев заявили о подготовке");
        assert_eq!(cyrillic.fallback, Some("windows-1251"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "North Korea".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "North Korea");
        assert_eq!(decoded.fallback, Some("UTF-16LE"));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"%PDF-1.7\n..."), Err(SkipReason::Binary));
        assert_eq!(decode(b"abc\0def"), Err(SkipReason::Binary));
        assert_eq!(decode(b"\x01\x02\x03\x04\x05abc"), Err(SkipReason::Binary));
        assert_eq!(decode(b""), Err(SkipReason::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(SkipReason::Empty));
    }
}
