//! RSS and Atom feeds (feed-rs): what each item links to, and its title and date.

use crate::FetchError;

/// One feed item, reduced to what orbit uses.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    /// The article the item points to (absolute), if it has one.
    pub link: Option<String>,
    pub title: Option<String>,
    /// RFC 3339, from the item's published date, else its updated date.
    pub published: Option<String>,
    /// The item's own HTML content, for items that carry the article instead of a link.
    pub content: Option<String>,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub title: Option<String>,
    pub items: Vec<FeedItem>,
}

/// Whether a response is a feed: by its content type, else by its first bytes.
pub(crate) fn looks_like_feed(content_type: Option<&str>, body: &[u8]) -> bool {
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if ct.contains("rss") || ct.contains("atom") || ct.contains("feed+json") {
        return true;
    }
    if ct.contains("html") {
        return false;
    }
    let head: String = body[..body.len().min(2048)]
        .iter()
        .map(|&b| char::from(b))
        .collect::<String>()
        .to_ascii_lowercase();
    let start = head.trim_start_matches(|c: char| {
        c.is_whitespace() || c == '\u{ef}' || c == '\u{bb}' || c == '\u{bf}'
    });
    (start.starts_with("<?xml") || start.starts_with("<rss") || start.starts_with("<feed"))
        && ["<rss", "<feed", "<rdf:rdf"]
            .iter()
            .any(|t| head.contains(t))
}

/// Parses a feed from its raw bytes (feed-rs reads the XML declaration's encoding itself);
/// `url` resolves relative links and names the feed in errors.
pub(crate) fn parse_feed(body: &[u8], url: &str) -> Result<Feed, FetchError> {
    let parser = feed_rs::parser::Builder::new().base_uri(Some(url)).build();
    let feed = parser.parse(body).map_err(|e| FetchError::BadFeed {
        url: url.to_string(),
        reason: e.to_string(),
    })?;
    let base = url::Url::parse(url).ok();
    let items = feed
        .entries
        .into_iter()
        .map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone())
                .or_else(|| {
                    // An RSS guid that is a permalink.
                    (entry.id.starts_with("http://") || entry.id.starts_with("https://"))
                        .then(|| entry.id.clone())
                })
                .and_then(|href| absolute(base.as_ref(), &href));
            FeedItem {
                link,
                title: entry
                    .title
                    .map(|t| plain(&t.content))
                    .filter(|t| !t.is_empty()),
                published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
                content: entry
                    .content
                    .and_then(|c| c.body)
                    .or(entry.summary.map(|s| s.content))
                    .filter(|c| !c.trim().is_empty()),
            }
        })
        .collect();
    Ok(Feed {
        title: feed
            .title
            .map(|t| plain(&t.content))
            .filter(|t| !t.is_empty()),
        items,
    })
}

fn absolute(base: Option<&url::Url>, href: &str) -> Option<String> {
    let href = href.trim();
    match url::Url::parse(href) {
        Ok(u) => Some(u.to_string()),
        Err(_) => base?.join(href).ok().map(|u| u.to_string()),
    }
}

/// A title without tags or surrounding whitespace ("<b>Mali</b> " → "Mali").
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel News</title>
<item><title>Mali signs a deal</title><link>/a/1</link>
<pubDate>Wed, 12 Jun 2024 08:00:00 GMT</pubDate></item>
<item><title>No link</title><guid isPermaLink="true">https://news.test/a/2</guid>
<description>&lt;p&gt;Body&lt;/p&gt;</description></item>
</channel></rss>"#;

    #[test]
    fn items_give_absolute_links_titles_and_dates() {
        assert!(looks_like_feed(None, RSS.as_bytes()));
        assert!(looks_like_feed(Some("application/rss+xml"), b""));
        assert!(!looks_like_feed(Some("text/html"), RSS.as_bytes()));
        let feed = parse_feed(RSS.as_bytes(), "https://news.test/feed.xml").unwrap();
        assert_eq!(feed.title.as_deref(), Some("Sahel News"));
        assert_eq!(feed.items.len(), 2);
        let first = &feed.items[0];
        assert_eq!(first.link.as_deref(), Some("https://news.test/a/1"));
        assert_eq!(first.title.as_deref(), Some("Mali signs a deal"));
        assert_eq!(
            first.published.as_deref(),
            Some("2024-06-12T08:00:00+00:00")
        );
        assert_eq!(feed.items[1].link.as_deref(), Some("https://news.test/a/2"));
    }

    #[test]
    fn a_broken_feed_is_one_error_naming_the_url() {
        let e =
            parse_feed(b"<rss version=\"2.0\"><channel><item>", "https://x.test/f").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("https://x.test/f: not a valid RSS/Atom feed"),
            "{e}"
        );
    }
}
