//! Bytes of a fetched page to text: the charset the server or the page declares, UTF-8 when
//! the bytes say so, and Windows-1252 for the old French and Sahel pages that declare nothing.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decodes a response body.
///
/// In order: a byte-order mark; then valid UTF-8 stays UTF-8 even when an ISO-8859-1 or
/// Windows-1252 label says otherwise (servers often send a default `charset=ISO-8859-1` for
/// pages written in UTF-8); then the charset of the `Content-Type` header, of a `<meta>` tag
/// or of the XML declaration; then Windows-1252 (which WHATWG also uses for "ISO-8859-1").
///
/// ```
/// use orbit_fetch::decode_body;
/// // "Bamako, capitale du Mali, a accueilli l'été" in Windows-1252.
/// let bytes = b"Bamako a accueilli l'\xe9t\xe9";
/// assert_eq!(decode_body(bytes, Some("text/html; charset=windows-1252")), "Bamako a accueilli l'été");
/// assert_eq!(decode_body(bytes, None), "Bamako a accueilli l'été");
/// assert_eq!(decode_body("l'été".as_bytes(), Some("text/html; charset=ISO-8859-1")), "l'été");
/// ```
pub fn decode_body(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| declared_in_document(bytes))
        .and_then(|label| Encoding::for_label(label.as_bytes()));
    let utf8 = std::str::from_utf8(bytes).ok();
    match (declared, utf8) {
        (Some(enc), Some(text)) if enc == UTF_8 || is_single_byte_western(enc) => text.to_string(),
        (Some(enc), _) if enc != UTF_8 => enc.decode_without_bom_handling(bytes).0.into_owned(),
        (_, Some(text)) => text.to_string(),
        // Declared UTF-8 but not valid UTF-8, or nothing declared: the usual legacy encoding.
        _ => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The encodings that mislabelled UTF-8 pages most often claim.
fn is_single_byte_western(enc: &'static Encoding) -> bool {
    enc == WINDOWS_1252 || enc.name() == "ISO-8859-15"
}

/// The `charset=` parameter of a Content-Type value.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The charset a document declares in its first 2 KB: `<meta charset=...>`,
/// `<meta http-equiv="Content-Type" content="...; charset=...">` or `<?xml ... encoding="..."?>`.
fn declared_in_document(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let head: String = head.iter().map(|&b| char::from(b)).collect::<String>();
    let lower = head.to_ascii_lowercase();
    if lower.trim_start().starts_with("<?xml")
        && let Some(end) = lower.find("?>")
    {
        let decl = &lower[..end];
        if let Some(at) = decl.find("encoding") {
            return quoted_value(&decl[at + "encoding".len()..]);
        }
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("charset") {
        let after = &rest[at + "charset".len()..];
        if let Some(value) = quoted_value(after).or_else(|| bare_value(after)) {
            return Some(value);
        }
        rest = after;
    }
    None
}

/// The value after `= "..."` or `= '...'`.
fn quoted_value(s: &str) -> Option<String> {
    let s = s.trim_start().strip_prefix('=')?.trim_start();
    let quote = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = &s[1..];
    let end = inner.find(quote)?;
    Some(inner[..end].trim().to_string()).filter(|v| !v.is_empty())
}

/// The value after `=` up to a quote, space, `;` or `>` (`content="text/html; charset=utf-8"`).
fn bare_value(s: &str) -> Option<String> {
    let s = s.trim_start().strip_prefix('=')?.trim_start();
    let end = s
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '>' || c.is_whitespace())
        .unwrap_or(s.len());
    Some(s[..end].to_string()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_and_xml_declarations_are_read() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>\x93Mali\x94</body>";
        assert!(decode_body(page, Some("text/html")).contains("“Mali”"));
        let legacy =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
                       <p>S\xe9gou</p>";
        assert!(decode_body(legacy, None).contains("Ségou"));
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Kati \xe0 l'heure</title></rss>";
        assert!(decode_body(feed, Some("application/rss+xml")).contains("Kati à l'heure"));
    }

    #[test]
    fn header_beats_meta_and_boms_beat_both() {
        let page = "<meta charset=\"windows-1252\"><p>Goïta</p>".as_bytes();
        assert!(decode_body(page, Some("text/html; charset=utf-8")).contains("Goïta"));
        let bom = b"\xEF\xBB\xBFGo\xC3\xAFta";
        assert_eq!(
            decode_body(bom, Some("text/html; charset=windows-1252")),
            "Goïta"
        );
    }

    #[test]
    fn lying_utf8_labels_fall_back_to_windows_1252() {
        assert_eq!(
            decode_body(b"Tombouctou \x96 Gao", Some("text/html; charset=utf-8")),
            "Tombouctou – Gao"
        );
    }
}
