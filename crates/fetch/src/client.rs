//! The polite HTTP client: per-host turns and delay, retries with backoff that honour
//! Retry-After, a body size limit, conditional GET, robots.txt, and the address guard.

use std::collections::HashMap;
use std::error::Error as StdError;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::header::{self, HeaderMap};
use reqwest::{Client, StatusCode};
use tokio::sync::{OnceCell, Semaphore, SemaphorePermit};
use url::Url;

use crate::guard::{GuardedResolver, Refused, check_literal_host, check_url};
use crate::robots::Robots;
use crate::{FetchConfig, FetchError};

/// The validators of a response, sent back as `If-None-Match` / `If-Modified-Since` so that an
/// unchanged feed costs a `304 Not Modified` and no body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    /// True when there is nothing to send.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A successful answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    /// The URL asked for.
    pub url: String,
    /// The URL answered, after redirects.
    pub final_url: String,
    pub status: u16,
    pub content_type: Option<String>,
    /// The body, decompressed; empty for `304 Not Modified`.
    pub body: Vec<u8>,
    pub validators: Validators,
    /// The server said `304 Not Modified` to our validators.
    pub not_modified: bool,
}

impl Fetched {
    /// The body as text, decoded as [`crate::decode_body`] does.
    pub fn text(&self) -> String {
        crate::decode_body(&self.body, self.content_type.as_deref())
    }
}

/// What orbit asks for: pages, feeds and PDFs, in that order of preference.
const ACCEPT: &str = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
                      application/xml;q=0.9,text/xml;q=0.9,application/pdf;q=0.8,text/plain;q=0.7,*/*;q=0.5";

/// robots.txt files larger than this are cut (Google reads 500 KiB).
const MAX_ROBOTS_BYTES: u64 = 512 * 1024;

/// A redirect orbit refuses to follow; found in the error's source chain.
#[derive(Debug)]
enum RedirectRefused {
    TooMany(usize),
    Scheme(String),
}

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RedirectRefused::TooMany(n) => write!(f, "more than {n} redirects"),
            RedirectRefused::Scheme(target) => write!(f, "redirect to {target}"),
        }
    }
}

impl StdError for RedirectRefused {}

/// One host's turns: at most `concurrency` requests at once, starts spaced by `delay`.
struct HostGate {
    permits: Semaphore,
    next_start: Mutex<Instant>,
    delay: Mutex<Duration>,
}

impl HostGate {
    fn new(concurrency: usize, delay: Duration) -> Self {
        HostGate {
            permits: Semaphore::new(concurrency.max(1)),
            next_start: Mutex::new(Instant::now()),
            delay: Mutex::new(delay),
        }
    }

    /// Waits for a permit and for the host's next start time, and books the one after.
    async fn turn(&self) -> Option<SemaphorePermit<'_>> {
        let permit = self.permits.acquire().await.ok()?;
        let wait = {
            let delay = *lock(&self.delay);
            let mut next = lock(&self.next_start);
            let now = Instant::now();
            let start = (*next).max(now);
            *next = start + delay;
            start - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        Some(permit)
    }

    fn slow_down_to(&self, delay: Duration) {
        let mut current = lock(&self.delay);
        *current = (*current).max(delay);
    }
}

/// A mutex that survives a panicked holder: the data (a time, a map) stays usable.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

type RobotsCell = Arc<OnceCell<Result<Arc<Robots>, FetchError>>>;

/// The shared state of a fetcher; cheap to share between concurrent requests.
pub(crate) struct Http {
    client: Client,
    pub(crate) config: FetchConfig,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
    robots: Mutex<HashMap<String, RobotsCell>>,
}

impl Http {
    pub(crate) fn new(config: FetchConfig) -> Result<Self, FetchError> {
        install_crypto_provider();
        let max_redirects = config.max_redirects;
        let allow_private = config.allow_private;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                return attempt.error(RedirectRefused::TooMany(max_redirects));
            }
            let target = attempt.url().clone();
            if !matches!(target.scheme(), "http" | "https") {
                return attempt.error(RedirectRefused::Scheme(target.to_string()));
            }
            if !allow_private
                && let Err(FetchError::Private { host, ip, kind, .. }) =
                    check_literal_host(&target, target.as_str())
            {
                let ip = ip.parse().unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]));
                return attempt.error(Refused { host, ip, kind });
            }
            attempt.follow()
        });
        let client = Client::builder()
            .user_agent(config.user_agent.clone())
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout.min(config.timeout))
            .redirect(policy)
            .dns_resolver(GuardedResolver { allow_private })
            // A proxy would resolve names itself and defeat the address guard.
            .no_proxy()
            .pool_max_idle_per_host(config.host_concurrency.max(1))
            .build()
            .map_err(|e| FetchError::Other {
                url: String::new(),
                reason: format!("cannot start the HTTP client ({e})"),
            })?;
        Ok(Http {
            client,
            config,
            hosts: Mutex::new(HashMap::new()),
            robots: Mutex::new(HashMap::new()),
        })
    }

    /// GETs `url` politely: address guard, robots.txt, per-host turn, retries, size limit.
    pub(crate) async fn get(
        &self,
        url: &str,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        let parsed = check_url(url, self.config.allow_private)?;
        if self.config.respect_robots {
            let robots = self.robots_for(&parsed, url).await?;
            let path = match parsed.query() {
                Some(q) => format!("{}?{q}", parsed.path()),
                None => parsed.path().to_string(),
            };
            if !robots.allows(&path) {
                return Err(FetchError::Robots {
                    url: url.to_string(),
                    robots: robots_url(&parsed),
                });
            }
        }
        let client = &self.client;
        self.send(&parsed, url, self.config.max_body, || {
            let mut req = client.get(parsed.clone()).header(header::ACCEPT, ACCEPT);
            if let Some(v) = validators {
                if let Some(etag) = &v.etag {
                    req = req.header(header::IF_NONE_MATCH, etag);
                }
                if let Some(date) = &v.last_modified {
                    req = req.header(header::IF_MODIFIED_SINCE, date);
                }
            }
            req
        })
        .await
    }

    /// POSTs a JSON body (an alert to a webhook) under the same guard and retries.
    pub(crate) async fn post_json(&self, url: &str, body: String) -> Result<u16, FetchError> {
        let parsed = check_url(url, self.config.allow_private)?;
        let client = &self.client;
        let fetched = self
            .send(&parsed, url, MAX_ROBOTS_BYTES, || {
                client
                    .post(parsed.clone())
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(body.clone())
            })
            .await?;
        Ok(fetched.status)
    }

    /// Sends the request `build` makes, with turns and retries, and reads the body.
    async fn send(
        &self,
        parsed: &Url,
        url: &str,
        max_body: u64,
        build: impl Fn() -> reqwest::RequestBuilder,
    ) -> Result<Fetched, FetchError> {
        let gate = self.gate(parsed);
        let mut attempt = 0;
        loop {
            let permit = gate.turn().await;
            let response = build().send().await.map_err(|e| self.error(url, &e))?;
            let status = response.status();
            if status == StatusCode::NOT_MODIFIED {
                return Ok(Fetched {
                    url: url.to_string(),
                    final_url: response.url().to_string(),
                    status: status.as_u16(),
                    content_type: None,
                    body: Vec::new(),
                    validators: validators_of(response.headers()),
                    not_modified: true,
                });
            }
            if is_retryable(status) {
                let wait = retry_after(response.headers())
                    .unwrap_or_else(|| self.config.backoff * 2u32.saturating_pow(attempt));
                if wait > self.config.max_retry_wait {
                    return Err(FetchError::RetryLater {
                        url: url.to_string(),
                        status: status.as_u16(),
                        wait,
                    });
                }
                if attempt < self.config.retries {
                    attempt += 1;
                    drop(permit);
                    tokio::time::sleep(wait).await;
                    continue;
                }
            }
            // reqwest hands back a redirect it could not follow (a `file:` or `ftp:` target).
            if status.is_redirection()
                && let Some(target) = response.headers().get(header::LOCATION)
            {
                return Err(FetchError::BadRedirect {
                    url: url.to_string(),
                    target: String::from_utf8_lossy(target.as_bytes()).into_owned(),
                });
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    url: url.to_string(),
                    status: status.as_u16(),
                    reason: status.canonical_reason().unwrap_or("").to_string(),
                });
            }
            let result = self.read_body(response, url, max_body).await;
            drop(permit);
            return result;
        }
    }

    async fn read_body(
        &self,
        mut response: reqwest::Response,
        url: &str,
        max_body: u64,
    ) -> Result<Fetched, FetchError> {
        let too_large = || FetchError::TooLarge {
            url: url.to_string(),
            limit: max_body,
        };
        if response.content_length().is_some_and(|n| n > max_body) {
            return Err(too_large());
        }
        let headers = response.headers().clone();
        let final_url = response.url().to_string();
        let status = response.status().as_u16();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.error(url, &e))? {
            if (body.len() + chunk.len()) as u64 > max_body {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched {
            url: url.to_string(),
            final_url,
            status,
            content_type: headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            body,
            validators: validators_of(&headers),
            not_modified: false,
        })
    }

    /// The host's gate, created on first use.
    fn gate(&self, url: &Url) -> Arc<HostGate> {
        let key = format!(
            "{}:{}",
            url.host_str().unwrap_or_default(),
            url.port_or_known_default().unwrap_or(0)
        );
        lock(&self.hosts)
            .entry(key)
            .or_insert_with(|| {
                Arc::new(HostGate::new(
                    self.config.host_concurrency,
                    self.config.host_delay,
                ))
            })
            .clone()
    }

    /// The site's robots.txt rules, fetched once per run and site. A 4xx (no robots.txt)
    /// allows everything; a 5xx or a network failure fetches nothing from the site (RFC 9309
    /// §2.3.1.4), and the page's error says why.
    async fn robots_for(&self, url: &Url, shown: &str) -> Result<Arc<Robots>, FetchError> {
        let robots_url = robots_url(url);
        let cell = lock(&self.robots)
            .entry(robots_url.clone())
            .or_default()
            .clone();
        let result = cell
            .get_or_init(|| async {
                let parsed = Url::parse(&robots_url).map_err(|e| FetchError::BadUrl {
                    url: robots_url.clone(),
                    reason: e.to_string(),
                })?;
                let client = &self.client;
                match self
                    .send(&parsed, &robots_url, MAX_ROBOTS_BYTES, || {
                        client
                            .get(parsed.clone())
                            .header(header::ACCEPT, "text/plain")
                    })
                    .await
                {
                    Ok(fetched) => {
                        let robots = Robots::parse(&fetched.text(), "orbit");
                        if let Some(delay) = robots.crawl_delay {
                            self.gate(url)
                                .slow_down_to(delay.min(self.config.max_crawl_delay));
                        }
                        Ok(Arc::new(robots))
                    }
                    Err(FetchError::Status { status, .. }) if (400..500).contains(&status) => {
                        Ok(Arc::new(Robots::allow_all()))
                    }
                    Err(FetchError::TooLarge { .. }) => Ok(Arc::new(Robots::allow_all())),
                    Err(e) => Err(e),
                }
            })
            .await;
        match result {
            Ok(robots) => Ok(robots.clone()),
            // The address guard's refusal is the real reason: say that, not "robots.txt".
            Err(FetchError::Private { host, ip, kind, .. }) => Err(FetchError::Private {
                url: shown.to_string(),
                host: host.clone(),
                ip: ip.clone(),
                kind,
            }),
            Err(e) => Err(FetchError::RobotsUnavailable {
                url: shown.to_string(),
                robots: robots_url,
                reason: reason_of(e),
            }),
        }
    }

    /// One line for an HTTP stack error, naming the URL.
    fn error(&self, url: &str, e: &reqwest::Error) -> FetchError {
        let url = url.to_string();
        let mut source: Option<&(dyn StdError + 'static)> = Some(e);
        while let Some(s) = source {
            if let Some(r) = s.downcast_ref::<Refused>() {
                return FetchError::Private {
                    url,
                    host: r.host.clone(),
                    ip: r.ip.to_string(),
                    kind: r.kind,
                };
            }
            if let Some(r) = s.downcast_ref::<RedirectRefused>() {
                return match r {
                    RedirectRefused::TooMany(limit) => FetchError::Redirects { url, limit: *limit },
                    RedirectRefused::Scheme(target) => FetchError::BadRedirect {
                        url,
                        target: target.clone(),
                    },
                };
            }
            source = s.source();
        }
        if e.is_timeout() {
            return FetchError::Timeout {
                url,
                after: self.config.timeout,
            };
        }
        if e.is_redirect() {
            return FetchError::Redirects {
                url,
                limit: self.config.max_redirects,
            };
        }
        let reason = innermost(e);
        if e.is_connect() {
            FetchError::Connect { url, reason }
        } else {
            FetchError::Other { url, reason }
        }
    }
}

/// The reason part of an error, without its URL, for wrapping in another message.
fn reason_of(e: &FetchError) -> String {
    let line = e.to_string();
    let url = e.url();
    line.strip_prefix(url)
        .and_then(|rest| rest.strip_prefix(": "))
        .map(str::to_string)
        .unwrap_or(line)
}

/// The deepest message of an error chain ("Connection refused (os error 111)").
fn innermost(e: &(dyn StdError + 'static)) -> String {
    let mut last = e;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

fn robots_url(url: &Url) -> String {
    let mut robots = url.clone();
    robots.set_path("/robots.txt");
    robots.set_query(None);
    robots.set_fragment(None);
    robots.to_string()
}

/// 429 Too Many Requests and the 5xx answers that mean "try again".
fn is_retryable(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
}

/// `Retry-After` as seconds, or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(value)
        .ok()?;
    let secs = when.duration_since(jiff::Timestamp::now()).as_secs_f64();
    Some(Duration::from_secs_f64(secs.max(0.0)))
}

fn validators_of(headers: &HeaderMap) -> Validators {
    let get = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    Validators {
        etag: get(header::ETAG),
        last_modified: get(header::LAST_MODIFIED),
    }
}

/// rustls needs one process-wide crypto provider; orbit uses ring (see Cargo.toml).
fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Err means another part of the process installed one first; that one serves.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        h.insert(
            header::RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert(header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn robots_url_keeps_scheme_host_and_port() {
        let u = Url::parse("http://127.0.0.1:8123/feed.xml?x=1#y").unwrap();
        assert_eq!(robots_url(&u), "http://127.0.0.1:8123/robots.txt");
    }
}
