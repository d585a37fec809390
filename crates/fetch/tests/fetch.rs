//! The fetcher against a real HTTP server on 127.0.0.1: feeds, redirects, errors, retries,
//! timeouts, size limits, charsets, robots.txt, conditional GET and the address guard.

mod server;

use std::io::Write;
use std::time::{Duration, Instant};

use orbit_fetch::{FetchConfig, FetchError, Fetcher, SourceInfo, Validators};
use orbit_ingest::Body;
use server::{Reply, Server};

/// Fast settings for loopback tests; 127.0.0.1 needs `allow_private`.
fn config() -> FetchConfig {
    FetchConfig {
        allow_private: true,
        timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
        host_delay: Duration::ZERO,
        backoff: Duration::from_millis(50),
        max_redirects: 3,
        max_body: 64 * 1024,
        ..FetchConfig::default()
    }
}

fn fetcher() -> Fetcher {
    Fetcher::new(config()).unwrap()
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
         <p>{body}</p></article></body></html>"
    )
}

const NO_META_PAGE: &str = "<html><body><p>Niger and Russia signed a military cooperation agreement in Niamey.</p></body></html>";

fn rss(server: &Server, items: &[(&str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(path, title, date)| {
            format!(
                "<item><title>{title}</title><link>{}</link><pubDate>{date}</pubDate></item>",
                server.url(path)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
         <title>Sahel Test Feed</title>{items}</channel></rss>"
    )
}

fn err_of(r: Result<orbit_fetch::Fetched, FetchError>) -> FetchError {
    r.expect_err("expected a fetch error")
}

#[test]
fn a_feed_becomes_its_items_articles_with_item_titles_and_dates_as_fallbacks() {
    let s = Server::start();
    s.route("/a", vec![Reply::html(NO_META_PAGE)]);
    s.route(
        "/b",
        vec![Reply::html(&page(
            "Mali and Russia",
            "Mali and Russia signed a defence agreement in Moscow.",
        ))],
    );
    s.route(
        "/feed.xml",
        vec![Reply::rss(&rss(
            &s,
            &[
                (
                    "/a",
                    "Niger signs with Russia",
                    "Wed, 12 Jun 2024 08:00:00 GMT",
                ),
                ("/b", "Item title B", "Thu, 13 Jun 2024 09:30:00 GMT"),
            ],
        ))],
    );
    let info = SourceInfo {
        name: Some("Test Wire".into()),
        lang: Some("en".into()),
        reliability: 0.8,
    };
    let h = fetcher().harvest(&s.url("/feed.xml"), &info, None, &|_| false);
    assert_eq!(h.feed, Some((Some("Sahel Test Feed".into()), 2)));
    assert_eq!(h.items.len(), 2);
    let a = h.items[0].as_ref().unwrap();
    assert_eq!(a.article.url.as_deref(), Some(s.url("/a").as_str()));
    assert_eq!(a.article.source.as_deref(), Some("Test Wire"));
    assert_eq!(a.article.lang.as_deref(), Some("en"));
    assert_eq!(a.fallback_title.as_deref(), Some("Niger signs with Russia"));
    assert_eq!(
        a.fallback_published.as_deref(),
        Some("2024-06-12T08:00:00+00:00")
    );
    assert_eq!(a.reliability, 0.8);
    assert!(matches!(&a.article.body, Body::Html(h) if h.contains("Niamey")));
    // Known items are not fetched again.
    let a_url = s.url("/a");
    let again = fetcher().harvest(&s.url("/feed.xml"), &info, None, &|u| u == a_url);
    assert_eq!(again.known, 1);
    assert_eq!(again.items.len(), 1);
    assert_eq!(s.hits("/a"), 1);
}

#[test]
fn sends_a_clear_user_agent_and_reads_robots_txt_once_per_site() {
    let s = Server::start();
    s.route("/a", vec![Reply::html(NO_META_PAGE)]);
    s.route("/b", vec![Reply::html(NO_META_PAGE)]);
    let f = fetcher();
    f.fetch(&s.url("/a"), None).unwrap();
    f.fetch(&s.url("/b"), None).unwrap();
    let seen = s.seen();
    let ua = &seen.iter().find(|r| r.path == "/a").unwrap().headers["user-agent"];
    assert!(ua.starts_with("orbit/"), "{ua}");
    assert!(
        ua.contains("http"),
        "the UA names where to read about orbit: {ua}"
    );
    assert_eq!(s.hits("/robots.txt"), 1);
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    let s = Server::start();
    s.route("/old", vec![Reply::redirect("/moved")]);
    s.route("/moved", vec![Reply::redirect(&s.url("/final"))]);
    s.route("/final", vec![Reply::html(NO_META_PAGE)]);
    let got = fetcher().fetch(&s.url("/old"), None).unwrap();
    assert_eq!(got.final_url, s.url("/final"));
    assert_eq!(got.url, s.url("/old"));

    s.route("/loop", vec![Reply::redirect("/loop")]);
    let e = err_of(fetcher().fetch(&s.url("/loop"), None));
    assert!(matches!(e, FetchError::Redirects { limit: 3, .. }), "{e}");
    assert_eq!(
        e.to_string(),
        format!("{}: more than 3 redirects", s.url("/loop"))
    );

    s.route("/to-file", vec![Reply::redirect("file:///etc/passwd")]);
    let e = err_of(fetcher().fetch(&s.url("/to-file"), None));
    assert!(matches!(e, FetchError::BadRedirect { .. }), "{e}");
}

#[test]
fn a_404_is_one_line_and_not_retried() {
    let s = Server::start();
    let e = err_of(fetcher().fetch(&s.url("/missing"), None));
    assert_eq!(
        e.to_string(),
        format!("{}: HTTP 404 Not Found", s.url("/missing"))
    );
    assert!(!e.is_transient());
    assert_eq!(s.hits("/missing"), 1);
}

#[test]
fn a_500_then_success_is_retried_with_backoff() {
    let s = Server::start();
    s.route(
        "/flaky",
        vec![
            Reply::status(500),
            Reply::status(503),
            Reply::html(NO_META_PAGE),
        ],
    );
    let got = fetcher().fetch(&s.url("/flaky"), None).unwrap();
    assert_eq!(got.status, 200);
    assert_eq!(s.hits("/flaky"), 3);

    s.route("/down", vec![Reply::status(502)]);
    let e = err_of(fetcher().fetch(&s.url("/down"), None));
    assert_eq!(
        e.to_string(),
        format!("{}: HTTP 502 Bad Gateway", s.url("/down"))
    );
    assert!(e.is_transient());
    assert_eq!(s.hits("/down"), 4, "one try and three retries");
}

#[test]
fn retry_after_is_honoured_and_a_long_one_gives_up() {
    let s = Server::start();
    s.route(
        "/busy",
        vec![
            Reply::status(429).header("Retry-After", "1"),
            Reply::html(NO_META_PAGE),
        ],
    );
    let start = Instant::now();
    fetcher().fetch(&s.url("/busy"), None).unwrap();
    assert!(
        start.elapsed() >= Duration::from_millis(900),
        "waited Retry-After"
    );

    s.route(
        "/later",
        vec![Reply::status(503).header("Retry-After", "3600")],
    );
    let e = err_of(fetcher().fetch(&s.url("/later"), None));
    assert!(e.to_string().contains("retry after 3600 s"), "{e}");
    assert_eq!(s.hits("/later"), 1);
}

#[test]
fn a_slow_server_times_out() {
    let s = Server::start();
    s.route(
        "/slow",
        vec![Reply::html(NO_META_PAGE).delay(Duration::from_secs(4))],
    );
    let start = Instant::now();
    let e = err_of(fetcher().fetch(&s.url("/slow"), None));
    assert!(matches!(e, FetchError::Timeout { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        format!("{}: timed out after 2 s", s.url("/slow"))
    );
    assert!(start.elapsed() < Duration::from_secs(4));
}

#[test]
fn an_oversized_body_is_refused() {
    let s = Server::start();
    s.route("/huge", vec![Reply::html(&"x".repeat(200 * 1024))]);
    let e = err_of(fetcher().fetch(&s.url("/huge"), None));
    assert_eq!(
        e.to_string(),
        format!(
            "{}: response larger than 65536 bytes; not read",
            s.url("/huge")
        )
    );
}

#[test]
fn gzip_bodies_are_decompressed_and_their_size_checked_after() {
    let s = Server::start();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(NO_META_PAGE.as_bytes()).unwrap();
    let body = gz.finish().unwrap();
    s.route(
        "/gz",
        vec![Reply::new(200, "text/html", body).header("Content-Encoding", "gzip")],
    );
    let got = fetcher().fetch(&s.url("/gz"), None).unwrap();
    assert!(got.text().contains("Niamey"));

    // A small compressed body that inflates past the limit: a zip bomb, refused.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&vec![b'a'; 1024 * 1024]).unwrap();
    let bomb = gz.finish().unwrap();
    assert!(bomb.len() < 64 * 1024);
    s.route(
        "/bomb",
        vec![Reply::new(200, "text/html", bomb).header("Content-Encoding", "gzip")],
    );
    let e = err_of(fetcher().fetch(&s.url("/bomb"), None));
    assert!(matches!(e, FetchError::TooLarge { .. }), "{e}");
}

#[test]
fn a_windows_1252_french_page_is_decoded() {
    let s = Server::start();
    // "Le Mali a accueilli l'été dernier des instructeurs russes – « Africa Corps »" in Windows-1252.
    let mut body = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Le Mali a accueilli l'\xe9t\xe9 dernier des instructeurs russes \x96 \xab Africa Corps \xbb.</p></body></html>".to_vec();
    s.route("/fr", vec![Reply::new(200, "text/html", body.clone())]);
    let got = fetcher().fetch(&s.url("/fr"), None).unwrap();
    assert!(
        got.text()
            .contains("l'été dernier des instructeurs russes – « Africa Corps »"),
        "{}",
        got.text()
    );
    // The same bytes declared only in the header, ISO-8859-1 style.
    body = body.replace_meta();
    s.route(
        "/latin1",
        vec![Reply::new(200, "text/html; charset=ISO-8859-1", body)],
    );
    let got = fetcher().fetch(&s.url("/latin1"), None).unwrap();
    assert!(got.text().contains("l'été"), "{}", got.text());
}

trait ReplaceMeta {
    fn replace_meta(self) -> Vec<u8>;
}

impl ReplaceMeta for Vec<u8> {
    /// The page without its `<meta charset>`.
    fn replace_meta(self) -> Vec<u8> {
        let text: String = self.iter().map(|&b| char::from(b)).collect();
        text.replace("<meta charset=\"windows-1252\">", "")
            .chars()
            .map(|c| c as u32 as u8)
            .collect()
    }
}

#[test]
fn a_malformed_feed_is_one_error_and_the_other_items_are_kept() {
    let s = Server::start();
    s.route(
        "/bad.xml",
        vec![Reply::rss(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x",
        )],
    );
    let h = fetcher().harvest(&s.url("/bad.xml"), &SourceInfo::default(), None, &|_| false);
    assert_eq!(h.items.len(), 1);
    let e = h.items[0].as_ref().unwrap_err().to_string();
    assert!(
        e.starts_with(&format!("{}: not a valid RSS/Atom feed", s.url("/bad.xml"))),
        "{e}"
    );
    assert!(e.ends_with("; skipped"), "{e}");

    // A good feed with one dead item: the dead one is an error, the other an article.
    s.route("/ok", vec![Reply::html(NO_META_PAGE)]);
    s.route(
        "/feed.xml",
        vec![Reply::rss(&rss(
            &s,
            &[
                ("/gone", "Gone", "Wed, 12 Jun 2024 08:00:00 GMT"),
                ("/ok", "Ok", "Wed, 12 Jun 2024 08:00:00 GMT"),
            ],
        ))],
    );
    let h = fetcher().harvest(&s.url("/feed.xml"), &SourceInfo::default(), None, &|_| {
        false
    });
    assert_eq!(h.items.len(), 2);
    assert!(
        h.items[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("HTTP 404")
    );
    assert!(h.items[1].is_ok());
    assert_eq!(h.transient_failures, 0);
}

#[test]
fn robots_txt_disallow_is_respected_unless_ignored() {
    let s = Server::start();
    s.route(
        "/robots.txt",
        vec![Reply::new(
            200,
            "text/plain",
            "User-agent: *\nDisallow: /private/\n\nUser-agent: orbit\nDisallow: /members/\n",
        )],
    );
    s.route("/members/a", vec![Reply::html(NO_META_PAGE)]);
    s.route("/private/a", vec![Reply::html(NO_META_PAGE)]);
    let e = err_of(fetcher().fetch(&s.url("/members/a"), None));
    assert_eq!(
        e.to_string(),
        format!(
            "{}: disallowed by {} for orbit; not fetched (--ignore-robots overrides)",
            s.url("/members/a"),
            s.url("/robots.txt")
        )
    );
    assert_eq!(s.hits("/members/a"), 0);
    // Our own group applies, not the * group.
    assert!(fetcher().fetch(&s.url("/private/a"), None).is_ok());
    let ignoring = Fetcher::new(FetchConfig {
        respect_robots: false,
        ..config()
    })
    .unwrap();
    assert!(ignoring.fetch(&s.url("/members/a"), None).is_ok());
}

#[test]
fn a_robots_txt_server_error_fetches_nothing_from_the_site() {
    let s = Server::start();
    s.route("/robots.txt", vec![Reply::status(500)]);
    s.route("/a", vec![Reply::html(NO_META_PAGE)]);
    let e = err_of(fetcher().fetch(&s.url("/a"), None));
    assert!(matches!(e, FetchError::RobotsUnavailable { .. }), "{e}");
    assert!(e.to_string().contains("HTTP 500"), "{e}");
    assert_eq!(s.hits("/a"), 0);
}

#[test]
fn private_and_loopback_addresses_are_refused_by_default() {
    let s = Server::start();
    s.route("/a", vec![Reply::html(NO_META_PAGE)]);
    let strict = Fetcher::new(FetchConfig {
        allow_private: false,
        ..config()
    })
    .unwrap();
    // An IP literal: refused before any connection.
    let e = err_of(strict.fetch(&s.url("/a"), None));
    assert!(
        matches!(
            e,
            FetchError::Private {
                kind: "loopback",
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("--allow-private"), "{e}");
    // A name: refused on the address it resolves to.
    let by_name = format!("http://localhost:{}/a", s.addr.port());
    let e = err_of(strict.fetch(&by_name, None));
    assert!(
        matches!(
            e,
            FetchError::Private {
                kind: "loopback",
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("localhost"), "{e}");
    assert_eq!(s.hits("/a"), 0);
    // (Redirect targets go through the same two checks; no test ever aims a request at a
    // private range, since nothing of ours is there.)
    // Other schemes never.
    let e = err_of(strict.fetch("file:///etc/passwd", None));
    assert!(matches!(e, FetchError::BadUrl { .. }), "{e}");
}

#[test]
fn conditional_get_sends_validators_and_an_unchanged_feed_costs_nothing() {
    let s = Server::start();
    s.route("/a", vec![Reply::html(NO_META_PAGE)]);
    s.route(
        "/feed.xml",
        vec![
            Reply::rss(&rss(&s, &[("/a", "A", "Wed, 12 Jun 2024 08:00:00 GMT")]))
                .with_etag("\"v1\""),
        ],
    );
    let f = fetcher();
    let first = f.harvest(&s.url("/feed.xml"), &SourceInfo::default(), None, &|_| {
        false
    });
    let validators = first.validators.clone().unwrap();
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    let second = f.harvest(
        &s.url("/feed.xml"),
        &SourceInfo::default(),
        Some(&validators),
        &|_| false,
    );
    assert!(second.unchanged);
    assert!(second.items.is_empty());
    let last = s
        .seen()
        .into_iter()
        .rfind(|r| r.path == "/feed.xml")
        .unwrap();
    assert_eq!(
        last.headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(s.hits("/a"), 1);
    assert!(Validators::default().is_empty());
}

#[test]
fn alerts_are_posted_as_json() {
    let s = Server::start();
    s.route("/hook", vec![Reply::new(204, "text/plain", "")]);
    let status = fetcher()
        .post_json(&s.url("/hook"), r#"{"country":"ML"}"#)
        .unwrap();
    assert_eq!(status, 204);
    let posted = s.seen().into_iter().find(|r| r.path == "/hook").unwrap();
    assert_eq!(posted.method, "POST");
    assert_eq!(posted.body, br#"{"country":"ML"}"#);
}
