//! Why a URL could not be fetched: one line naming the URL and what went wrong.

use std::time::Duration;

/// A fetch that failed. Its `Display` is one line that starts with the URL.
///
/// ```
/// let e = orbit_fetch::FetchError::Status {
///     url: "https://news.test/a".into(),
///     status: 404,
///     reason: "Not Found".into(),
/// };
/// assert_eq!(e.to_string(), "https://news.test/a: HTTP 404 Not Found");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// Not an absolute http(s) URL.
    #[error("{url}: not an http(s) URL ({reason})")]
    BadUrl { url: String, reason: String },
    /// The host is, or resolves to, an address orbit does not fetch from by default.
    #[error(
        "{url}: refused: {host} is a {kind} address ({ip}); orbit fetches only public addresses unless --allow-private is given"
    )]
    Private {
        url: String,
        host: String,
        ip: String,
        kind: &'static str,
    },
    /// robots.txt disallows the URL for orbit.
    #[error("{url}: disallowed by {robots} for orbit; not fetched (--ignore-robots overrides)")]
    Robots { url: String, robots: String },
    /// robots.txt could not be read because of a server or network error; RFC 9309 says to
    /// fetch nothing from the site then.
    #[error("{url}: {robots} unavailable ({reason}); not fetched")]
    RobotsUnavailable {
        url: String,
        robots: String,
        reason: String,
    },
    /// The server answered with an error status (after any retries).
    #[error("{url}: HTTP {status} {reason}")]
    Status {
        url: String,
        status: u16,
        reason: String,
    },
    /// The server asked to come back later than orbit is willing to wait.
    #[error("{url}: HTTP {status}, and the server asks to retry after {} s", .wait.as_secs())]
    RetryLater {
        url: String,
        status: u16,
        wait: Duration,
    },
    /// No complete answer within the timeout.
    #[error("{url}: timed out after {} s", .after.as_secs_f64())]
    Timeout { url: String, after: Duration },
    /// More redirects than the limit, or a redirect loop.
    #[error("{url}: more than {limit} redirects")]
    Redirects { url: String, limit: usize },
    /// A redirect to something orbit does not follow (another scheme).
    #[error("{url}: redirected to {target}, which is not an http(s) URL")]
    BadRedirect { url: String, target: String },
    /// The body is larger than the limit.
    #[error("{url}: response larger than {limit} bytes; not read")]
    TooLarge { url: String, limit: u64 },
    /// The answer is not a page, a feed or a PDF (an image, a video, an archive).
    #[error("{url}: not a page or feed (content type {content_type})")]
    NotAPage { url: String, content_type: String },
    /// A body that looks like a feed but does not parse as one.
    #[error("{url}: not a valid RSS/Atom feed ({reason})")]
    BadFeed { url: String, reason: String },
    /// Could not connect, or the connection broke.
    #[error("{url}: cannot connect ({reason})")]
    Connect { url: String, reason: String },
    /// Anything else the HTTP stack reports.
    #[error("{url}: {reason}")]
    Other { url: String, reason: String },
}

impl FetchError {
    /// Whether trying again later could succeed (a server or network trouble), as opposed to
    /// an answer that will stay the same (404, robots.txt, a refused address, a bad feed).
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Status { status, .. } => *status == 408 || *status >= 500,
            FetchError::RetryLater { .. }
            | FetchError::Timeout { .. }
            | FetchError::Connect { .. }
            | FetchError::RobotsUnavailable { .. }
            | FetchError::Other { .. } => true,
            _ => false,
        }
    }

    /// The URL the error is about.
    pub fn url(&self) -> &str {
        match self {
            FetchError::BadUrl { url, .. }
            | FetchError::Private { url, .. }
            | FetchError::Robots { url, .. }
            | FetchError::RobotsUnavailable { url, .. }
            | FetchError::Status { url, .. }
            | FetchError::RetryLater { url, .. }
            | FetchError::Timeout { url, .. }
            | FetchError::Redirects { url, .. }
            | FetchError::BadRedirect { url, .. }
            | FetchError::TooLarge { url, .. }
            | FetchError::NotAPage { url, .. }
            | FetchError::BadFeed { url, .. }
            | FetchError::Connect { url, .. }
            | FetchError::Other { url, .. } => url,
        }
    }
}

impl From<FetchError> for orbit_ingest::IngestError {
    fn from(e: FetchError) -> Self {
        orbit_ingest::IngestError::Fetch {
            message: e.to_string(),
        }
    }
}
