//! PDF files: think-tank reports and briefings, read page by page with pdf-extract (pure Rust).
//!
//! The text of every page after the first starts with a page mark, `⟨page N⟩`, so the page a
//! fact comes from can be told from its span ([`page_at`]) and a reader of the fact text sees
//! it when a sentence runs across pages. The mark has no full stop, so no sentence splitter
//! takes it for the end of a sentence.

use std::panic::{AssertUnwindSafe, catch_unwind};

use orbit_core::{Body, RawArticle};

use crate::{IngestError, ReadResult};

/// The mark that starts page `n` (n ≥ 2) in the text of a PDF.
///
/// ```
/// assert_eq!(orbit_ingest::pdf::page_mark(3), "⟨page 3⟩");
/// ```
pub fn page_mark(n: usize) -> String {
    format!("⟨page {n}⟩")
}

/// The page of a PDF's text on which byte `offset` lies: the last page mark before it (or
/// starting at it: a fact's span starts at the mark of the page it opens), else 1.
///
/// ```
/// let text = "Intro.\n⟨page 2⟩ Mali signed.\n⟨page 3⟩ Niger left.";
/// assert_eq!(orbit_ingest::pdf::page_at(text, 0), 1);
/// assert_eq!(orbit_ingest::pdf::page_at(text, text.find("Mali").unwrap()), 2);
/// assert_eq!(orbit_ingest::pdf::page_at(text, text.find("⟨page 2").unwrap()), 2);
/// assert_eq!(orbit_ingest::pdf::page_at(text, text.len()), 3);
/// ```
pub fn page_at(text: &str, offset: usize) -> usize {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if text[end..].starts_with("⟨page ")
        && let Some(close) = text[end..].find('⟩')
    {
        end += close + '⟩'.len_utf8();
    }
    let before = &text[..end];
    let mut page = 1;
    let mut rest = before;
    while let Some(i) = rest.find("⟨page ") {
        let tail = &rest[i + "⟨page ".len()..];
        if let Some(close) = tail.find('⟩')
            && let Ok(n) = tail[..close].parse::<usize>()
        {
            page = n;
        }
        rest = tail;
    }
    page
}

/// True when `bytes` start like a PDF file.
pub(crate) fn is_pdf(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(1024)];
    start.windows(5).any(|w| w == b"%PDF-")
}

/// The text of the PDF in `bytes` as one article named `name`, pages marked.
///
/// A PDF with no extractable text (scanned pages), a damaged or encrypted one, or one that
/// makes pdf-extract panic is one clear error, never a crash.
pub fn read_pdf(bytes: &[u8], name: &str) -> ReadResult {
    let fail = |message: String| IngestError::Pdf {
        path: name.to_string(),
        message,
    };
    let pages = pages_of(bytes).map_err(fail)?;
    let text = join_pages(&pages);
    if text.trim().is_empty() {
        return Err(fail(
            "no text layer: scanned pages need OCR before orbit can read them".into(),
        ));
    }
    Ok(RawArticle {
        origin: name.to_string(),
        url: None,
        title: None,
        body: Body::Text(text),
        published: None,
        source: None,
        lang: None,
    })
}

/// Each page's text. pdf-extract is a large parser that can panic on unusual files: the panic
/// costs this file only, and its message is kept off stderr (we print our own line).
fn pages_of(bytes: &[u8]) -> Result<Vec<String>, String> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(bytes)
    }));
    std::panic::set_hook(previous_hook);
    match result {
        Ok(Ok(pages)) => Ok(pages),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the PDF parser failed on this file".into()),
    }
}

/// The pages' text with a page mark at the start of every page after the first. Pages are
/// joined by a line break, not a blank line: a sentence that runs across a page break stays
/// one paragraph (and one sentence).
fn join_pages(pages: &[String]) -> String {
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        let page = page.trim_matches(|c: char| c.is_whitespace() || c == '\u{0C}');
        if i > 0 {
            out.push_str(&page_mark(i + 1));
            out.push(' ');
        }
        out.push_str(page);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_after_the_first_are_marked() {
        let text = join_pages(&["Title\n\nIntro.".into(), "\u{0C}Second page.".into()]);
        assert_eq!(text, "Title\n\nIntro.\n⟨page 2⟩ Second page.\n");
        assert_eq!(page_at(&text, text.find("Second").unwrap()), 2);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let e = read_pdf(b"%PDF-1.4\nthis is not a pdf", "bad.pdf").unwrap_err();
        assert!(
            e.to_string().starts_with("bad.pdf: cannot read this PDF"),
            "{e}"
        );
    }
}
