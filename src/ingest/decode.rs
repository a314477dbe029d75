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
pub const SNIFF_LEN: usize = 8192;

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
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return finish(text.into_owned(), Some(encoding.name()));
    }
    if has_binary_signature(bytes) {
        return Err(SkipReason::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(text.to_owned(), None),
        Err(_) if mostly_utf8(bytes) => finish(utf8_with_windows_1252(bytes), Some(MIXED_ENCODING)),
        Err(_) => {
            let encoding = guess_legacy_encoding(bytes);
            let (text, _, _) = encoding.decode(bytes);
            finish(text.into_owned(), Some(encoding.name()))
        }
    }
}

/// True when `bytes` start like a binary file: a known signature, or a NUL byte in
/// the first [`SNIFF_LEN`] bytes. (UTF-16 with a byte-order mark is checked first.)
pub fn has_binary_signature(bytes: &[u8]) -> bool {
    BINARY_MAGIC.iter().any(|magic| bytes.starts_with(magic))
        || bytes[..bytes.len().min(SNIFF_LEN)].contains(&0)
}

/// What a file of UTF-8 with stray legacy bytes is said to be decoded as.
pub const MIXED_ENCODING: &str = "UTF-8, its other bytes as windows-1252";

/// UTF-16 saved without a byte-order mark: in Latin-script text every other byte is
/// zero (the high byte of each unit). Little-endian when the zeros sit at odd offsets.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let units = head.len() / 2;
    if units < 8 {
        return None;
    }
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Most units of one parity are zero, almost none of the other.
    if odd * 10 >= units * 6 && even * 20 <= units {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= units * 6 && odd * 20 <= units {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// True when bytes that are not UTF-8 are mostly UTF-8 all the same: at least as many
/// well-formed multi-byte characters as stray bytes (a Latin-1 paragraph pasted into
/// a UTF-8 file). Decoding all of it as a legacy encoding would garble the UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut stray) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        stray += chunk.invalid().len();
    }
    multibyte > 0 && multibyte >= stray
}

/// The UTF-8 parts as they are, each stray byte read as Windows-1252.
fn utf8_with_windows_1252(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + 16);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for byte in chunk.invalid() {
            let (decoded, _) =
                encoding_rs::WINDOWS_1252.decode_without_bom_handling(std::slice::from_ref(byte));
            text.push_str(&decoded);
        }
    }
    text
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
    fn utf16_without_bom_is_recognised() {
        let text = "Ferry times change next month, the harbour said.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&le).unwrap().fallback, Some("UTF-16LE"));
        assert_eq!(decode(&be).unwrap().fallback, Some("UTF-16BE"));
        // A few NULs in binary data are not UTF-16.
        assert_eq!(
            decode(b"\x00\x01\x02\x03abcdefghijklmnopqrstuvwxyz"),
            Err(SkipReason::Binary)
        );
    }

    #[test]
    fn utf8_with_stray_latin1_bytes_keeps_its_utf8() {
        let decoded = decode(
            "Kyiv – café – Zürich, M\u{fc}ller"
                .as_bytes()
                .iter()
                .copied()
                .chain(*b" caf\xe9")
                .collect::<Vec<u8>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(decoded.text, "Kyiv – café – Zürich, Müller café");
        assert_eq!(decoded.fallback, Some(MIXED_ENCODING));
        // Mostly Latin-1 with one accidental UTF-8 pair stays a legacy decoding.
        let latin = decode(b"Caf\xe9 na\xefve M\xfcller \xc3\xa9t\xe9").unwrap();
        assert_eq!(latin.fallback, Some("windows-1252"));
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
