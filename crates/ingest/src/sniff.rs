//! Telling HTML from plain text (and feeds from both) by the first bytes of a file.

/// The lowercased first 4 KB of `text`, leading whitespace skipped.
fn head(text: &str) -> String {
    let t = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let mut end = t.len().min(4096);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    t[..end].to_ascii_lowercase()
}

/// A page rather than text: it starts with a doctype or `<html>`, or starts with a tag and
/// has document or block tags early on. Text that merely mentions "<b>" stays text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let h = head(text);
    if h.starts_with("<!doctype html") || h.starts_with("<html") {
        return true;
    }
    h.starts_with('<')
        && [
            "<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<title", "<meta",
        ]
        .iter()
        .any(|tag| h.contains(tag))
}

/// An RSS, RDF or Atom document.
pub(crate) fn looks_like_feed(text: &str) -> bool {
    let h = head(text);
    (h.starts_with("<?xml") || h.starts_with("<rss") || h.starts_with("<feed"))
        && ["<rss", "<feed", "<rdf:rdf"]
            .iter()
            .any(|tag| h.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_pages_feeds_and_text() {
        assert!(looks_like_html("\n<!DOCTYPE html><html><body><p>x</p>"));
        assert!(looks_like_html("<div class=a><p>Body</p></div>"));
        assert!(!looks_like_html("Mali signed a deal. <b> is a tag."));
        assert!(looks_like_feed(
            "<?xml version=\"1.0\"?><rss version=\"2.0\">"
        ));
        assert!(!looks_like_feed("<html><body>rss</body></html>"));
    }
}
