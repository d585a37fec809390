//! Article text is data, never markup: an ingested article carrying `<script>` and `onerror=`
//! payloads in its text, title, source and URL shows up escaped on every page, a
//! `javascript:` URL never becomes a link, and a reflected parameter is escaped in the error
//! page. (tests/browser.rs loads the same payloads in Chromium and checks none runs.)

mod common;

use std::net::SocketAddr;
use std::sync::OnceLock;

use common::get;

/// Articles about Mali whose every field tries to inject markup (facts dated May 2023).
const HOSTILE: &str = include_str!("hostile.jsonl");

fn hostile() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("server-xss");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("hostile.jsonl");
        std::fs::write(&file, HOSTILE).unwrap();
        let db = common::ingest(&dir, &[common::demo_corpus(), file]);
        common::serve(&db)
    })
}

/// The markup a payload would need to run; none may appear in a page.
const LIVE: [&str; 6] = [
    "<script>window",
    "<img src=x",
    "onerror=\"window",
    "<b onmouseover",
    "href=\"javascript:",
    "\"><script>",
];

fn assert_inert(path: &str) -> String {
    let r = get(hostile(), path);
    assert!(r.status == 200 || r.status >= 400, "{path}: {}", r.status);
    for live in LIVE {
        assert!(
            !r.body.contains(live),
            "{path} carries live markup {live:?}"
        );
    }
    if r.header("content-type")
        .is_some_and(|t| t.starts_with("text/html"))
    {
        assert_eq!(
            r.body.matches("<script").count(),
            1,
            "{path}: only the dashboard's own script"
        );
    }
    r.body
}

#[test]
fn the_payloads_are_stored_as_text() {
    // The test is only worth something if the payloads reach the facts.
    let facts = get(hostile(), "/api/facts?country=ML&period=2023-05").json();
    let texts: Vec<&str> = facts
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>window.__orbit_xss=3</script>")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("onerror=\"window.__orbit_xss=4\"")),
        "{texts:?}"
    );
}

#[test]
fn every_page_shows_the_payloads_escaped() {
    let page = assert_inert("/country/ML?period=2023-05");
    assert!(
        page.contains("&lt;script&gt;window.__orbit_xss=3&lt;&#x2f;script&gt;"),
        "the fact is shown, escaped"
    );
    assert!(page.contains("&lt;img src=x onerror=&quot;window.__orbit_xss=4&quot;&gt;"));
    assert!(
        page.contains("&lt;script&gt;window.__orbit_xss=5&lt;&#x2f;script&gt;Evil Times"),
        "the source, escaped"
    );
    for path in [
        "/",
        "/?period=2023-05",
        "/?period=2023",
        "/country/ML",
        "/country/ML?period=2023-05&q=script",
        "/country/ML?period=2023-05&source=%3Cscript%3Ewindow.__orbit_xss%3D5%3C%2Fscript%3EEvil+Times",
        "/country/ML?period=2023-05&q=%3Cscript%3Ewindow.__orbit_xss%3D9%3C%2Fscript%3E",
    ] {
        assert_inert(path);
    }
}

#[test]
fn a_javascript_url_is_never_a_link() {
    let page = assert_inert("/country/ML?period=2023-05");
    assert!(!page.to_lowercase().contains("href=\"javascript"));
    // The report shows it as text, marked as no web link.
    assert!(page.contains("javascript:window.__orbit_xss=6"));
}

#[test]
fn reflected_parameters_are_escaped_in_error_pages() {
    for path in [
        "/?period=%3Cscript%3Ewindow.__orbit_xss%3D8%3C%2Fscript%3E",
        "/country/%3Cimg%20src=x%20onerror=%22window.__orbit_xss=8%22%3E",
        "/?%3Cscript%3Ewindow.x=1%3C%2Fscript%3E=1",
    ] {
        let body = assert_inert(path);
        assert!(body.contains("&lt;"), "{path}: the value is shown, escaped");
    }
    // JSON errors are JSON strings, not markup, and say so in their type.
    let r = get(hostile(), "/api/scores?period=%3Cscript%3E");
    assert_eq!(r.status, 400);
    assert_eq!(r.header("content-type"), Some("application/json"));
}

#[test]
fn csv_cells_that_look_like_formulas_are_made_inert() {
    let r = get(hostile(), "/api/facts.csv?country=ML&period=2023-05");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("'=HYPERLINK("), "{}", r.body);
    assert!(!r.body.contains(",=HYPERLINK("));
}
