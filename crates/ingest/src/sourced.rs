//! An article together with what its source says about it beside the article itself.

use orbit_core::RawArticle;

use crate::IngestError;

/// A raw article plus what its source knows that the article may not say: a feed item's
/// title and date (used only when the page itself has none), and how far the source is
/// trusted.
///
/// Files and stdin give plain articles (`Sourced::from(raw)`); feeds and `orbit watch`
/// sources fill the rest.
///
/// ```
/// use orbit_ingest::{Body, RawArticle, Sourced};
/// let raw = RawArticle {
///     origin: "https://news.test/a".into(),
///     url: Some("https://news.test/a".into()),
///     title: None,
///     body: Body::Html("<p>Mali and Russia signed a deal.</p>".into()),
///     published: None,
///     source: None,
///     lang: None,
/// };
/// let item = Sourced {
///     fallback_published: Some("2024-06-12T08:00:00Z".into()),
///     ..Sourced::from(raw)
/// };
/// assert_eq!(item.reliability, 1.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced {
    pub article: RawArticle,
    /// The title to use when neither the source metadata nor the page gives one.
    pub fallback_title: Option<String>,
    /// The publication date to use when the page has none (a feed item's `pubDate`).
    pub fallback_published: Option<String>,
    /// Multiplies the weight of the article's facts: a source's reliability, 1.0 = neutral.
    pub reliability: f64,
}

impl From<RawArticle> for Sourced {
    fn from(article: RawArticle) -> Self {
        Sourced {
            article,
            fallback_title: None,
            fallback_published: None,
            reliability: 1.0,
        }
    }
}

/// One sourced item, or the reason it could not be read.
pub type SourcedResult = Result<Sourced, IngestError>;
