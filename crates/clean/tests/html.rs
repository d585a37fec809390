//! Cleaning an HTML page: only the story's paragraphs, and the page's metadata.

use orbit_clean::Cleaner;
use orbit_core::{Body, FuzzyDate, RawArticle};

fn page(html: &str, url: Option<&str>) -> RawArticle {
    RawArticle {
        origin: "article.html".into(),
        url: url.map(str::to_string),
        title: None,
        body: Body::Html(html.into()),
        published: None,
        source: None,
        lang: None,
    }
}

const FIXTURE: &str = include_str!("fixtures/article.html");

#[test]
fn a_news_page_gives_only_its_body_paragraphs() {
    let doc = Cleaner::load(None)
        .unwrap()
        .clean(&page(FIXTURE, None))
        .unwrap();
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{}", doc.text);
    assert!(paragraphs[0].starts_with("The transport ministers of three Sahel states"));
    assert!(paragraphs[3].starts_with("The agreement takes effect next month"));
    for junk in [
        "cookies",
        "Accept all",
        "Home",
        "Opinion",
        "Share this",
        "Tweet",
        "Photo:",
        "Related",
        "Fuel prices",
        "Most read",
        "Celebrity",
        "newsletter",
        "©",
        "Privacy",
        "By Amadou",
    ] {
        assert!(!doc.text.contains(junk), "{junk:?} left in:\n{}", doc.text);
    }
}

#[test]
fn a_news_page_gives_its_metadata() {
    let doc = Cleaner::load(None)
        .unwrap()
        .clean(&page(FIXTURE, None))
        .unwrap();
    assert_eq!(doc.published, FuzzyDate::ymd(2024, 9, 16));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://www.example-courier.test/africa/sahel-grain-corridor")
    );
    assert_eq!(doc.source.as_deref(), Some("example-courier.test"));
    assert_eq!(doc.lang.as_deref(), Some("en"));
    let title = doc.title.unwrap_or_default();
    assert!(
        title.starts_with("Sahel states sign a grain corridor pact"),
        "{title}"
    );
}

#[test]
fn the_given_url_wins_over_the_canonical_one() {
    let doc = Cleaner::load(None)
        .unwrap()
        .clean(&page(FIXTURE, Some("https://mirror.test/story")))
        .unwrap();
    assert_eq!(doc.url.as_deref(), Some("https://mirror.test/story"));
    assert_eq!(doc.source.as_deref(), Some("mirror.test"));
}

#[test]
fn a_time_element_dates_a_page_without_date_metadata() {
    let html = "<html><body><article><h1>Talks resume</h1>\
        <time datetime=\"2024-06-03T10:00:00+01:00\">3 June</time>\
        <p>Negotiators from both capitals met again on Monday to resume the talks that stalled \
        in the spring, officials said, adding that a new round was planned for July.</p>\
        <p>The delegations exchanged draft texts and agreed to meet at a technical level within \
        weeks, according to a statement from the host ministry after the session ended.</p>\
        </article></body></html>";
    let doc = Cleaner::load(None)
        .unwrap()
        .clean(&page(html, None))
        .unwrap();
    assert_eq!(doc.published, FuzzyDate::ymd(2024, 6, 3));
}

#[test]
fn a_page_with_no_text_is_an_error_naming_it() {
    let e = Cleaner::load(None)
        .unwrap()
        .clean(&page("<html><body><nav>Home</nav></body></html>", None))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "article.html: no article text left after cleaning; skipped"
    );
}
