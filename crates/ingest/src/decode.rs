//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1252 for the
//! old pages and Word exports that are not UTF-8. Anything else is binary.

/// Why bytes could not be read as text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NotText {
    Binary,
}

/// The text in `bytes`, or `NotText::Binary` for data that is not text.
pub(crate) fn text_of(bytes: &[u8]) -> Result<String, NotText> {
    if let Some(text) = utf16_with_bom(bytes) {
        return Ok(text);
    }
    if bytes.contains(&0) {
        return Err(NotText::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) if mostly_control_bytes(bytes) => Err(NotText::Binary),
        // Not UTF-8 but no NULs: a legacy single-byte encoding. Windows-1252 is what such
        // news pages and exports almost always are (a superset of Latin-1 for printable bytes).
        Err(_) => Ok(bytes.iter().map(|&b| windows_1252_char(b)).collect()),
    }
}

fn utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let (body, little_endian) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (rest, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (rest, false)
    } else {
        return None;
    };
    let units = body.chunks(2).map(|pair| match (pair, little_endian) {
        ([lo, hi], true) => u16::from_le_bytes([*lo, *hi]),
        ([hi, lo], false) => u16::from_be_bytes([*hi, *lo]),
        _ => 0xFFFD,
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// More than 10% of bytes are C0 controls other than tab, newline, form feed and carriage
/// return: an image, archive or executable that happens to contain no NUL in its sample.
fn mostly_control_bytes(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 10 > sample.len()
}

/// Windows-1252: 0x80–0x9F hold typographic characters (curly quotes, dashes, euro sign);
/// every other byte is the Latin-1 code point of the same value.
fn windows_1252_char(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_and_strips_the_bom() {
        assert_eq!(text_of("\u{FEFF}Goïta".as_bytes()).unwrap(), "Goïta");
    }

    #[test]
    fn falls_back_to_windows_1252() {
        // "Goïta’s" in Windows-1252: ï = 0xEF, ’ = 0x92.
        assert_eq!(text_of(b"Go\xEFta\x92s").unwrap(), "Goïta’s");
    }

    #[test]
    fn reads_utf16_with_a_bom() {
        assert_eq!(text_of(b"\xFF\xFEM\x00a\x00").unwrap(), "Ma");
    }

    #[test]
    fn rejects_nul_bytes_and_control_soup() {
        assert_eq!(text_of(b"PK\x03\x04\x00\x00"), Err(NotText::Binary));
        assert_eq!(text_of(b"\x01\x02\x03\x04\xff\x05"), Err(NotText::Binary));
    }
}
