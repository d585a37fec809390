//! orbit-fetch: pages and RSS/Atom feeds over HTTP(S), politely and safely, as raw articles
//! for orbit's pipeline.
//!
//! - **Polite**: a clear User-Agent ([`user_agent`]), at most a few requests at a time per
//!   host with a delay between their starts (robots.txt `Crawl-delay` slows it further),
//!   timeouts, a maximum body size, retries with exponential backoff on 429 and 5xx that
//!   honour `Retry-After`, conditional GET with the validators of the last answer, and
//!   robots.txt respected unless the caller says otherwise.
//! - **Safe**: only http(s) URLs, and only public addresses unless
//!   [`FetchConfig::allow_private`]: names are checked on the addresses they resolve to, at
//!   connection time, and redirects are checked too (see [`guard`]).
//! - **Readable**: bodies are decoded by their declared or sniffed charset ([`decode_body`]),
//!   gzip/brotli/deflate are undone, feeds are parsed with feed-rs and each item's link is
//!   followed, with the item's title and date kept as fallbacks ([`Fetcher::harvest`]).
//!
//! The rest of orbit is synchronous: a [`Fetcher`] owns a small single-threaded Tokio runtime
//! and its methods block.
//!
//! ```no_run
//! use orbit_fetch::{FetchConfig, Fetcher, SourceInfo};
//! let fetcher = Fetcher::new(FetchConfig::default())?;
//! let harvest = fetcher.harvest("https://www.rfi.fr/fr/afrique/rss", &SourceInfo::default(), None, &|_| false);
//! for item in harvest.items {
//!     match item {
//!         Ok(sourced) => println!("{}", sourced.article.origin),
//!         Err(e) => eprintln!("orbit: {e}"),
//!     }
//! }
//! # Ok::<(), orbit_fetch::FetchError>(())
//! ```

mod charset;
mod client;
mod error;
mod feed;
pub mod guard;
mod read;
pub mod robots;

use std::sync::Arc;
use std::time::Duration;

pub use charset::decode_body;
pub use client::{Fetched, Validators};
pub use error::FetchError;
pub use feed::{Feed, FeedItem};
pub use read::{Harvest, PageRequest, SourceInfo};

use client::Http;

/// The User-Agent orbit sends: product, version, and where to read what it is.
///
/// ```
/// assert!(orbit_fetch::user_agent().starts_with("orbit/"));
/// ```
pub fn user_agent() -> String {
    format!(
        "orbit/{} (+{}; geopolitical media monitor)",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// How the fetcher behaves. The defaults suit news sites; tests shorten the times.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    /// Fetch from private, loopback and link-local addresses too.
    pub allow_private: bool,
    /// Read each site's robots.txt and fetch only what it allows orbit.
    pub respect_robots: bool,
    /// The whole exchange: connecting, the answer, and reading the body.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Bodies larger than this (after decompression) are refused.
    pub max_body: u64,
    pub max_redirects: usize,
    /// Time between the starts of two requests to the same host.
    pub host_delay: Duration,
    /// Requests in flight to the same host.
    pub host_concurrency: usize,
    /// Requests in flight in all.
    pub concurrency: usize,
    /// Retries after a 429 or 5xx answer.
    pub retries: u32,
    /// The first wait before a retry; it doubles for each further one.
    pub backoff: Duration,
    /// A `Retry-After` longer than this gives up on the URL for this run.
    pub max_retry_wait: Duration,
    /// robots.txt `Crawl-delay` is honoured up to this.
    pub max_crawl_delay: Duration,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: user_agent(),
            allow_private: false,
            respect_robots: true,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_body: 10 * 1024 * 1024,
            max_redirects: 5,
            host_delay: Duration::from_secs(1),
            host_concurrency: 2,
            concurrency: 8,
            retries: 3,
            backoff: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(120),
            max_crawl_delay: Duration::from_secs(30),
        }
    }
}

/// orbit's HTTP client. Build one per run and reuse it: it keeps each host's turns and
/// robots.txt for the whole run.
pub struct Fetcher {
    runtime: tokio::runtime::Runtime,
    http: Arc<Http>,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("config", &self.http.config)
            .finish()
    }
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Result<Self, FetchError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| FetchError::Other {
                url: String::new(),
                reason: format!("cannot start the fetcher ({e})"),
            })?;
        // reqwest's client must be built inside a runtime context.
        let http = {
            let _guard = runtime.enter();
            Arc::new(Http::new(config)?)
        };
        Ok(Fetcher { runtime, http })
    }

    /// The configuration in force.
    pub fn config(&self) -> &FetchConfig {
        &self.http.config
    }

    /// Fetches one URL (with validators for a conditional GET).
    pub fn fetch(&self, url: &str, validators: Option<&Validators>) -> Result<Fetched, FetchError> {
        self.runtime.block_on(self.http.get(url, validators))
    }

    /// Fetches many URLs concurrently (within the global and per-host limits); results are
    /// in the order of `urls`.
    pub fn fetch_all(&self, urls: &[String]) -> Vec<Result<Fetched, FetchError>> {
        let http = self.http.clone();
        let urls = urls.to_vec();
        self.runtime.block_on(async move {
            let limit = Arc::new(tokio::sync::Semaphore::new(http.config.concurrency.max(1)));
            let mut tasks = tokio::task::JoinSet::new();
            for (i, url) in urls.iter().cloned().enumerate() {
                let http = http.clone();
                let limit = limit.clone();
                tasks.spawn(async move {
                    let _permit = limit.acquire_owned().await;
                    (i, http.get(&url, None).await)
                });
            }
            let mut out: Vec<Option<Result<Fetched, FetchError>>> = vec![None; urls.len()];
            while let Some(joined) = tasks.join_next().await {
                if let Ok((i, result)) = joined {
                    out[i] = Some(result);
                }
            }
            out.into_iter()
                .zip(&urls)
                .map(|(r, url)| {
                    r.unwrap_or_else(|| {
                        Err(FetchError::Other {
                            url: url.clone(),
                            reason: "the fetch task failed".into(),
                        })
                    })
                })
                .collect()
        })
    }

    /// POSTs a JSON document (an alert) to `url`, under the same address guard and retries;
    /// returns the HTTP status.
    pub fn post_json(&self, url: &str, body: &str) -> Result<u16, FetchError> {
        self.runtime
            .block_on(self.http.post_json(url, body.to_string()))
    }
}
