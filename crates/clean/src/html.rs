//! HTML pages: the main text (dom_smoothie, with a plain `<p>` fallback) and the metadata a
//! page carries (title, publication date, canonical URL, language).

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};

use dom_smoothie::{Article, Config, Readability, TextMode};
use memchr::memmem;
use scraper::{ElementRef, Html, Selector};

/// What the cleaner takes from a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Page {
    /// Main text, blocks separated by blank lines.
    pub text: String,
    pub title: Option<String>,
    /// Publication date candidates as the page states them, best first; the caller parses.
    pub published: Vec<String>,
    /// The canonical URL (`<link rel=canonical>`, else `og:url`), when absolute.
    pub url: Option<String>,
    /// The `<html lang>` primary subtag, lowercased ("en-US" → "en").
    pub lang: Option<String>,
}

/// Pages with more elements than this are not given to dom_smoothie (its scoring is
/// superlinear); the `<p>` fallback reads them.
const MAX_ELEMENTS: usize = 150_000;
/// dom_smoothie text shorter than this may have missed the article: the `<p>` fallback is
/// tried, and wins if it finds more.
const MIN_MAIN_TEXT_CHARS: usize = 250;

/// Publication-date metadata dom_smoothie does not read, best first.
const DATE_SELECTORS: &[(&str, &str)] = &[
    ("meta[property='og:published_time']", "content"),
    ("meta[itemprop='datePublished']", "content"),
    ("meta[name='date']", "content"),
    ("meta[name='pubdate']", "content"),
    ("meta[name='publishdate']", "content"),
    ("meta[name='publish-date']", "content"),
    ("meta[name='DC.date.issued']", "content"),
    ("meta[name='dc.date']", "content"),
    ("meta[name='sailthru.date']", "content"),
    ("time[itemprop='datePublished']", "datetime"),
    ("time[pubdate]", "datetime"),
    ("time[datetime]", "datetime"),
];

/// Reads `html`; `url` is the page's address when known (it resolves relative links).
pub(crate) fn read_page(html: &str, url: Option<&str>) -> Page {
    let html = &*without_scripts_and_styles(html);
    let absolute = url.filter(|u| is_http_url(u));
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let readability = Readability::new(html, absolute, Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)));
    let mut page = Page::default();
    let article = match readability {
        Ok(mut r) => {
            page.url = canonical_url(&r);
            page.published = extra_dates(&r);
            // dom_smoothie is a large port of Readability.js; a bug there must cost one page,
            // not the run.
            catch_unwind(AssertUnwindSafe(|| r.parse()))
                .ok()
                .and_then(Result::ok)
        }
        Err(_) => None,
    };
    if let Some(article) = article {
        take_article(&mut page, article);
    }
    if page.text.chars().count() < MIN_MAIN_TEXT_CHARS {
        let fallback = paragraph_text(html);
        if fallback.text.chars().count() > page.text.chars().count() {
            page.text = fallback.text;
        }
        page.title = page.title.or(fallback.title);
    }
    page
}

fn take_article(page: &mut Page, article: Article) {
    page.text = article.text_content.to_string();
    page.title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    if let Some(date) = article.published_time.filter(|d| !d.trim().is_empty()) {
        page.published.insert(0, date);
    }
    page.lang = article
        .lang
        .as_deref()
        .and_then(|l| l.split(['-', '_']).next())
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| l.len() == 2 && l.chars().all(|c| c.is_ascii_alphabetic()));
    if page.url.is_none() {
        page.url = article.url.filter(|u| is_http_url(u));
    }
}

fn is_http_url(u: &str) -> bool {
    let lower = u.trim_start().get(..8).unwrap_or("").to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// `<link rel=canonical href>`, else `<meta property=og:url content>`, when absolute.
fn canonical_url(r: &Readability) -> Option<String> {
    let attr = |selector: &str, name: &str| {
        r.doc
            .try_select(selector)
            .and_then(|s| s.attr(name))
            .map(|v| v.trim().to_string())
            .filter(|v| is_http_url(v))
    };
    attr("link[rel='canonical']", "href").or_else(|| attr("meta[property='og:url']", "content"))
}

fn extra_dates(r: &Readability) -> Vec<String> {
    DATE_SELECTORS
        .iter()
        .filter_map(|(selector, name)| {
            r.doc
                .try_select(selector)
                .and_then(|s| s.attr(name))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        })
        .collect()
}

/// The fallback reading: the text of every `<p>` outside navigation, header, footer, aside and
/// forms, one paragraph each, and the `<title>`.
fn paragraph_text(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let (Ok(p), Ok(title)) = (Selector::parse("p"), Selector::parse("title")) else {
        return Page::default();
    };
    let text = doc
        .select(&p)
        .filter(|el| !inside_furniture(el))
        .map(|el| el.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let title = doc
        .select(&title)
        .next()
        .map(|el| el.text().collect::<String>().trim().to_string())
        .filter(|t| !t.is_empty());
    Page {
        text,
        title,
        ..Page::default()
    }
}

/// The page without its `<script>` and `<style>` elements (JSON-LD scripts are kept: they
/// carry metadata).
///
/// Both readings drop those elements anyway, but only after the HTML parser has built them:
/// on news pages they are about half the bytes (55% of the 181 pages of the extraction
/// benchmark), and parsing is most of the cost of reading a page. Cutting them out first
/// leaves the same document to read, so only a page this scanner reads exactly as an HTML
/// parser would is cut: it follows comments, quoted attributes and the elements whose
/// content is not markup (`<title>`, `<textarea>`, `<noscript>`...), and returns the page
/// unchanged at anything it is unsure of (an unclosed comment or tag, `<!--` inside a
/// script, where the parser's escaping rules begin).
fn without_scripts_and_styles(html: &str) -> Cow<'_, str> {
    strip_scripts_and_styles(html).map_or(Cow::Borrowed(html), Cow::Owned)
}

/// Elements whose content the HTML parser reads as text up to their end tag.
const TEXT_ELEMENTS: &[&str] = &[
    "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

fn strip_scripts_and_styles(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut kept_from = 0;
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = start + 4 + memmem::find(&bytes[start + 4..], b"-->")? + 3;
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") || rest.starts_with(b"</") {
            i = start + 2 + memchr::memchr(b'>', &bytes[start + 2..])? + 1;
            continue;
        }
        if !rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let name_len = rest[1..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        let tag_end = end_of_start_tag(bytes, start + 1 + name_len)?;
        let is = |tag: &str| name.eq_ignore_ascii_case(tag.as_bytes());
        if is("script") || is("style") {
            let close = if is("script") { "</script" } else { "</style" };
            let (body_end, element_end) = end_tag(bytes, tag_end, close)?;
            if is("script") {
                let tag = &bytes[start..tag_end];
                if tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json")) {
                    i = element_end;
                    continue;
                }
                if memmem::find(&bytes[tag_end..body_end], b"<!--").is_some() {
                    return None;
                }
            }
            out.push_str(&html[kept_from..start]);
            kept_from = element_end;
            i = element_end;
        } else if is("plaintext") {
            break;
        } else if let Some(text_element) = TEXT_ELEMENTS.iter().find(|t| is(t)) {
            i = end_tag(bytes, tag_end, &format!("</{text_element}"))?.1;
        } else {
            i = tag_end;
        }
    }
    if kept_from == 0 {
        return None;
    }
    out.push_str(&html[kept_from..]);
    Some(out)
}

/// The byte after the `>` that closes a start tag whose name ends at `from`, skipping quoted
/// attribute values.
fn end_of_start_tag(bytes: &[u8], from: usize) -> Option<usize> {
    let mut k = from;
    loop {
        k += memchr::memchr3(b'>', b'"', b'\'', &bytes[k..])?;
        match bytes[k] {
            b'>' => return Some(k + 1),
            quote => k += 1 + memchr::memchr(quote, &bytes[k + 1..])? + 1,
        }
    }
}

/// For an element whose content runs from `from` to its end tag `close` (`"</script"`,
/// matched case-insensitively and followed by a space, `/` or `>`): where the content ends
/// and where the end tag does.
fn end_tag(bytes: &[u8], from: usize, close: &str) -> Option<(usize, usize)> {
    let close = close.as_bytes();
    let mut k = from;
    loop {
        let at = k + memmem::find(&bytes[k..], b"</")?;
        let candidate = bytes.get(at..at + close.len())?;
        let after = bytes.get(at + close.len()).copied();
        if candidate.eq_ignore_ascii_case(close)
            && after.is_some_and(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        {
            let gt = at + close.len() + memchr::memchr(b'>', &bytes[at + close.len()..])?;
            return Some((at, gt + 1));
        }
        k = at + 2;
    }
}

fn inside_furniture(el: &ElementRef) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        matches!(
            a.value().name(),
            "nav" | "header" | "footer" | "aside" | "form" | "noscript"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_canonical_url_dates_and_language() {
        let html = r#"<html lang="en-GB"><head><title>T | Site</title>
            <link rel="canonical" href="https://news.test/a">
            <meta property="article:published_time" content="2024-09-16T08:30:00Z"></head>
            <body><article><h1>T</h1><p>One paragraph of text long enough to count as an article body for the extractor, which wants some words.</p>
            <p>A second paragraph follows, also with enough words in it to be read as part of the body of this story.</p></article></body></html>"#;
        let page = read_page(html, None);
        assert_eq!(page.url.as_deref(), Some("https://news.test/a"));
        assert_eq!(
            page.published.first().map(String::as_str),
            Some("2024-09-16T08:30:00Z")
        );
        assert_eq!(page.lang.as_deref(), Some("en"));
        assert!(page.text.contains("One paragraph"), "{}", page.text);
        assert!(
            page.text.contains("\n\nA second paragraph"),
            "{}",
            page.text
        );
    }

    #[test]
    fn the_fallback_reads_paragraphs_outside_navigation() {
        let page = paragraph_text("<title>T</title><p>Short.</p><nav><p>Menu</p></nav>");
        assert_eq!(page.text, "Short.");
        assert_eq!(page.title.as_deref(), Some("T"));
        assert!(read_page("<p>Short.</p>", None).text.contains("Short."));
    }

    #[test]
    fn scripts_and_styles_are_cut_before_parsing_except_json_ld() {
        let html = "<html><head><title>a <script> b</title><style>p{}</style>\
            <script type=\"application/ld+json\">{\"datePublished\":\"2024-06-01\"}</script>\
            <SCRIPT src=x>if (a<b) {}</SCRIPT ></head><body data-x=\"<script>\">\
            <!-- <script> --><p>Text</p><script>var s = \"</scr\" + \"ipt>\";</script></body></html>";
        assert_eq!(
            without_scripts_and_styles(html),
            "<html><head><title>a <script> b</title>\
            <script type=\"application/ld+json\">{\"datePublished\":\"2024-06-01\"}</script>\
            </head><body data-x=\"<script>\">\
            <!-- <script> --><p>Text</p></body></html>"
        );
    }

    #[test]
    fn pages_the_scanner_is_unsure_of_are_read_whole() {
        for html in [
            "<p>no scripts</p>",
            "<script><!-- document.write('<script></script>') --></script><p>x</p>",
            "<script>never closed",
            "<!-- never closed <script></script>",
            "<p title=\"never closed><script></script>",
        ] {
            assert_eq!(without_scripts_and_styles(html), html);
        }
    }

    #[test]
    fn survives_garbage() {
        for html in [
            "",
            "<",
            "<<<>>>",
            "<html><body></body></html>",
            "\u{0}\u{1}",
        ] {
            let _ = read_page(html, Some("not a url"));
        }
    }
}
