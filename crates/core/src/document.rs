//! Articles as they enter orbit and as the cleaner leaves them.

use serde::Serialize;

use crate::FuzzyDate;

/// The body of an article as read from its source.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A whole HTML page, boilerplate included.
    Html(String),
    /// Plain text or Markdown, possibly with page junk around the article.
    Text(String),
}

/// An article as ingest read it, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    /// Where it came from, for messages: `path`, `path:line` or a URL.
    pub origin: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub body: Body,
    /// The publication date as the source gave it, not yet parsed.
    pub published: Option<String>,
    pub source: Option<String>,
    pub lang: Option<String>,
}

/// An article after cleaning: main text only, with its metadata resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Where it came from: `path`, `path:line` or a URL.
    #[serde(rename = "path")]
    pub origin: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub published: Option<FuzzyDate>,
    /// ISO 639-1 code, when detected or given.
    pub lang: Option<String>,
    /// Main text; paragraphs are separated by a blank line.
    pub text: String,
}
