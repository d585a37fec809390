//! orbit-clean: from a raw article to a [`Document`] — main text only, page junk removed,
//! with its title, publication date, language and source resolved.
//!
//! HTML goes through dom_smoothie (a Readability port) for the main content; every text then
//! goes through the junk rules of `data/junk.toml` (share buttons, comment forms, photo
//! credits, bylines, author bios, and the teasers of other stories after the article's end).
//!
//! ```
//! use orbit_core::{Body, RawArticle};
//! let cleaner = orbit_clean::Cleaner::load(None).unwrap();
//! let raw = RawArticle {
//!     origin: "a.txt".into(),
//!     url: Some("https://www.example.org/mali".into()),
//!     title: None,
//!     body: Body::Text("Mali and Russia\n\n09 November 2024\n\nFollow us on social\n\n\
//!         Mali and Russia signed a military cooperation agreement in Moscow.".into()),
//!     published: None,
//!     source: None,
//!     lang: None,
//! };
//! let doc = cleaner.clean(&raw).unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Mali and Russia"));
//! assert_eq!(doc.published.unwrap().to_string(), "2024-11-09");
//! assert_eq!(doc.source.as_deref(), Some("example.org"));
//! assert_eq!(
//!     doc.text,
//!     "Mali and Russia\n\nMali and Russia signed a military cooperation agreement in Moscow."
//! );
//! ```

mod html;
mod junk;
mod lang;
mod layout;
mod literals;

use std::path::Path;

use orbit_core::{Body, DataError, Document, FuzzyDate, RawArticle};

use crate::html::Page;
use crate::junk::JunkRules;
use crate::lang::LanguageId;

/// An article that cleaning could not turn into a document.
#[derive(Debug, thiserror::Error)]
pub enum CleanError {
    /// Nothing but junk (or nothing at all) was left.
    #[error("{origin}: no article text left after cleaning; skipped")]
    NoText { origin: String },
}

/// Turns raw articles into documents. Build it once (it compiles the junk rules and the
/// language detector) and share it: cleaning takes `&self`.
#[derive(Debug)]
pub struct Cleaner {
    junk: JunkRules,
    lang: LanguageId,
}

impl Cleaner {
    /// Loads data/junk.toml from `data_dir` (ORBIT_DATA override) or the built-in copy.
    pub fn load(data_dir: Option<&Path>) -> Result<Self, DataError> {
        Ok(Cleaner {
            junk: JunkRules::load(data_dir)?,
            lang: LanguageId::new(),
        })
    }

    /// Turns a raw article into a Document: main text only, paragraphs separated by "\n\n", title, published date, language.
    ///
    /// Metadata the source gave wins over what the page or text says: `raw.title`, then the
    /// page's title, then (plain text) a headline-like first line; `raw.published`, then the
    /// page's date metadata, then a date line under the headline; `raw.lang`, then detection.
    pub fn clean(&self, raw: &RawArticle) -> Result<Document, CleanError> {
        let page = match &raw.body {
            Body::Html(html) => Some(html::read_page(html, raw.url.as_deref())),
            Body::Text(_) => None,
        };
        let text = match (&raw.body, &page) {
            (_, Some(page)) => page.text.as_str(),
            (Body::Text(text) | Body::Html(text), None) => text.as_str(),
        };
        let mut lines = self.junk.strip(layout::lines_of(text));
        let date_line = layout::take_date_line(&mut lines);
        let lines = self.junk.clean(lines);
        let body = layout::paragraphs(&lines);
        if body.trim().is_empty() {
            return Err(CleanError::NoText {
                origin: raw.origin.clone(),
            });
        }
        let title = non_blank(raw.title.as_deref()).or_else(|| match &page {
            Some(page) => page.title.clone(),
            None => layout::title_of(&lines),
        });
        let url = non_blank(raw.url.as_deref()).or_else(|| page.as_ref()?.url.clone());
        let source = non_blank(raw.source.as_deref()).or_else(|| host_of(url.as_deref()?));
        Ok(Document {
            origin: raw.origin.clone(),
            published: published_of(raw, page.as_ref(), date_line),
            lang: self.language_of(raw, page.as_ref(), &body),
            url,
            source,
            title,
            text: body,
        })
    }

    /// `raw.lang`; else the detected language; else the page's declared one. A declared
    /// language the detector does not know ("pl") is trusted over a guess among the others.
    fn language_of(&self, raw: &RawArticle, page: Option<&Page>, body: &str) -> Option<String> {
        if let Some(given) = raw.lang.as_deref().and_then(primary_subtag) {
            return Some(given);
        }
        let declared = page.and_then(|p| p.lang.clone());
        if let Some(code) = &declared
            && !LanguageId::knows(code)
        {
            return declared;
        }
        self.lang.detect(body).or(declared)
    }
}

/// The first date that parses among: the source's, the page metadata's, the text's date line.
fn published_of(
    raw: &RawArticle,
    page: Option<&Page>,
    date_line: Option<FuzzyDate>,
) -> Option<FuzzyDate> {
    raw.published
        .iter()
        .chain(page.into_iter().flat_map(|p| p.published.iter()))
        .find_map(|d| FuzzyDate::parse_loose(d))
        .or(date_line)
}

fn non_blank(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// "en-US" → "en"; `None` for something that is not a language tag.
fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

/// The host of an absolute URL, lowercased, without "www.": `https://www.Reuters.com/x` →
/// `reuters.com`.
fn host_of(url: &str) -> Option<String> {
    let (_, rest) = url.trim().split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = host_port.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_of_strips_scheme_www_port_and_path() {
        assert_eq!(
            host_of("https://www.Reuters.com/world?x=1").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(
            host_of("http://user@news.test:8080/a").as_deref(),
            Some("news.test")
        );
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn primary_subtag_lowercases_and_validates() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("FR").as_deref(), Some("fr"));
        assert_eq!(primary_subtag("12"), None);
    }
}
