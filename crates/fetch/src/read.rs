//! From URLs to raw articles: a page is one article; a feed is the articles its items link
//! to, each with the item's title and date as fallbacks.

use orbit_core::{Body, RawArticle};
use orbit_ingest::{IngestError, Sourced, SourcedResult};

use crate::feed::{looks_like_feed, parse_feed};
use crate::{FetchError, Fetched, Fetcher, Validators};

/// What orbit knows about a source beside its URL (from `sources.toml`, or nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceInfo {
    /// The outlet's name, stored as each article's source ("RFI Afrique").
    pub name: Option<String>,
    /// The language its articles are in, when known ("fr").
    pub lang: Option<String>,
    /// Multiplies the weight of its articles' facts (1.0 = neutral).
    pub reliability: f64,
}

impl Default for SourceInfo {
    fn default() -> Self {
        SourceInfo {
            name: None,
            lang: None,
            reliability: 1.0,
        }
    }
}

/// A page to fetch, with what is known of it already (from a feed item or a GDELT row).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageRequest {
    pub url: String,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// What reading one source URL gave.
#[derive(Debug, Default)]
pub struct Harvest {
    /// The articles to ingest, and one error for each URL that failed.
    pub items: Vec<SourcedResult>,
    /// Items not fetched because the store already has their URL.
    pub known: usize,
    /// The server said the feed has not changed since the validators.
    pub unchanged: bool,
    /// The feed's title and item count, when the URL was a feed.
    pub feed: Option<(Option<String>, usize)>,
    /// The feed's new validators, to store once its items are safely ingested.
    pub validators: Option<Validators>,
    /// Failures that may go away (5xx, timeouts): the feed should be read in full again.
    pub transient_failures: usize,
}

impl Fetcher {
    /// Reads one source URL: a page becomes one article; a feed becomes the articles of its
    /// items not already `known` (by URL), fetched concurrently. `validators` makes the feed
    /// request conditional.
    pub fn harvest(
        &self,
        url: &str,
        source: &SourceInfo,
        validators: Option<&Validators>,
        known: &dyn Fn(&str) -> bool,
    ) -> Harvest {
        let mut harvest = Harvest::default();
        if known(url) {
            harvest.known = 1;
            return harvest;
        }
        let fetched = match self.fetch(url, validators) {
            Ok(fetched) => fetched,
            Err(e) => {
                harvest.transient_failures += usize::from(e.is_transient());
                harvest.items.push(Err(e.into()));
                return harvest;
            }
        };
        if fetched.not_modified {
            harvest.unchanged = true;
            return harvest;
        }
        if !looks_like_feed(fetched.content_type.as_deref(), &fetched.body) {
            let request = PageRequest {
                url: url.to_string(),
                ..PageRequest::default()
            };
            harvest.items.push(article_of(&fetched, &request, source));
            return harvest;
        }
        let feed = match parse_feed(&fetched.body, &fetched.final_url) {
            Ok(feed) => feed,
            Err(e) => {
                // Name the URL asked for, not where it redirected to.
                let e = match e {
                    FetchError::BadFeed { reason, .. } => FetchError::BadFeed {
                        url: url.to_string(),
                        reason,
                    },
                    other => other,
                };
                harvest.items.push(Err(e.into()));
                return harvest;
            }
        };
        harvest.feed = Some((feed.title.clone(), feed.items.len()));
        harvest.validators = Some(fetched.validators.clone());
        let mut requests = Vec::new();
        for item in feed.items {
            match item.link {
                Some(link) => {
                    if known(&link) || requests.iter().any(|r: &PageRequest| r.url == link) {
                        harvest.known += 1;
                    } else {
                        requests.push(PageRequest {
                            url: link,
                            title: item.title,
                            published: item.published,
                        });
                    }
                }
                // An item that carries its article instead of linking to it.
                None => match item.content {
                    Some(html) => harvest.items.push(Ok(Sourced {
                        article: RawArticle {
                            origin: format!(
                                "{url} (item \"{}\")",
                                item.title.as_deref().unwrap_or("untitled")
                            ),
                            url: None,
                            title: item.title.clone(),
                            body: Body::Html(html),
                            published: item.published.clone(),
                            source: source.name.clone(),
                            lang: source.lang.clone(),
                        },
                        fallback_title: None,
                        fallback_published: None,
                        reliability: source.reliability,
                    })),
                    None => harvest.items.push(Err(IngestError::Fetch {
                        message: format!(
                            "{url}: feed item \"{}\" has neither a link nor content",
                            item.title.as_deref().unwrap_or("untitled")
                        ),
                    })),
                },
            }
        }
        let (items, transient) = self.read_pages(&requests, source);
        harvest.items.extend(items);
        harvest.transient_failures += transient;
        harvest
    }

    /// Fetches pages concurrently and makes each an article (or an error naming its URL);
    /// also says how many failed in a way that may go away.
    pub fn read_pages(
        &self,
        requests: &[PageRequest],
        source: &SourceInfo,
    ) -> (Vec<SourcedResult>, usize) {
        let urls: Vec<String> = requests.iter().map(|r| r.url.clone()).collect();
        let mut transient = 0;
        let items = self
            .fetch_all(&urls)
            .into_iter()
            .zip(requests)
            .map(|(result, request)| match result {
                Ok(fetched) => article_of(&fetched, request, source),
                Err(e) => {
                    transient += usize::from(e.is_transient());
                    Err(e.into())
                }
            })
            .collect();
        (items, transient)
    }
}

/// The article in a fetched page: HTML, plain text or PDF; anything else is an error.
fn article_of(fetched: &Fetched, request: &PageRequest, source: &SourceInfo) -> SourcedResult {
    let url = &request.url;
    let ct = fetched
        .content_type
        .as_deref()
        .unwrap_or("")
        .to_ascii_lowercase();
    let mime = ct.split(';').next().unwrap_or("").trim();
    let is_pdf = mime == "application/pdf" || fetched.body.starts_with(b"%PDF-");
    let article = if is_pdf {
        let mut article = orbit_ingest::pdf::read_pdf(&fetched.body, url)?;
        article.url = Some(url.clone());
        article
    } else {
        let body = match mime {
            m if m.contains("html") || m.is_empty() || m.ends_with("/xml") => {
                Body::Html(fetched.text())
            }
            m if m.starts_with("text/") => Body::Text(fetched.text()),
            other => {
                return Err(FetchError::NotAPage {
                    url: url.clone(),
                    content_type: other.to_string(),
                }
                .into());
            }
        };
        RawArticle {
            origin: url.clone(),
            url: Some(url.clone()),
            title: None,
            body,
            published: None,
            source: None,
            lang: None,
        }
    };
    Ok(Sourced {
        article: RawArticle {
            source: source.name.clone(),
            lang: source.lang.clone(),
            ..article
        },
        fallback_title: request.title.clone(),
        fallback_published: request.published.clone(),
        reliability: source.reliability,
    })
}
