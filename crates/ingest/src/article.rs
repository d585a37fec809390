//! The article JSON object of DESIGN §7:
//! `{"url","title","text" or "html","published" (alias "date"),"source","lang"}`.

use orbit_core::{Body, RawArticle};
use serde_json::{Map, Value};

use crate::IngestError;

/// The article in one JSON value, with `origin` naming where it came from.
///
/// Unknown fields are ignored (corpus lines carry `id` and `labels`). `text` wins over `html`
/// when both are non-empty. The date is kept as given; the cleaner parses it.
pub(crate) fn article_from_json(value: Value, origin: String) -> Result<RawArticle, IngestError> {
    let Value::Object(mut obj) = value else {
        return Err(IngestError::NotAnObject {
            found: kind_of(&value),
            origin,
        });
    };
    let body = match (
        string_field(&mut obj, "text"),
        string_field(&mut obj, "html"),
    ) {
        (Some(text), _) => Body::Text(text),
        (None, Some(html)) => Body::Html(html),
        (None, None) => return Err(IngestError::NoBody { origin }),
    };
    Ok(RawArticle {
        url: string_field(&mut obj, "url"),
        title: string_field(&mut obj, "title"),
        published: date_field(&mut obj, "published").or_else(|| date_field(&mut obj, "date")),
        source: string_field(&mut obj, "source"),
        lang: string_field(&mut obj, "lang"),
        body,
        origin,
    })
}

/// A string field that is present, a string, and not blank.
fn string_field(obj: &mut Map<String, Value>, key: &str) -> Option<String> {
    match obj.remove(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    }
}

/// A date given as a string, or as a bare number such as `2024` (a year).
fn date_field(obj: &mut Map<String, Value>, key: &str) -> Option<String> {
    match obj.remove(key) {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    }
}

/// How an error message names a JSON value that is not an object.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(v: Value) -> Result<RawArticle, IngestError> {
        article_from_json(v, "t.jsonl:1".into())
    }

    #[test]
    fn reads_every_field_and_ignores_unknown_ones() {
        let a = read(
            json!({"url": "https://x.test/a", "title": "T", "text": "Body",
            "published": "2024-06-01", "source": "X", "lang": "en", "labels": {"countries": []}}),
        )
        .unwrap();
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.body, Body::Text("Body".into()));
        assert_eq!(a.published.as_deref(), Some("2024-06-01"));
        assert_eq!(a.source.as_deref(), Some("X"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert_eq!(a.origin, "t.jsonl:1");
    }

    #[test]
    fn date_is_an_alias_of_published_and_null_is_no_date() {
        let a = read(json!({"text": "x", "date": "2023-02"})).unwrap();
        assert_eq!(a.published.as_deref(), Some("2023-02"));
        let b = read(json!({"text": "x", "date": null})).unwrap();
        assert_eq!(b.published, None);
        let c = read(json!({"text": "x", "published": "2024", "date": "2023"})).unwrap();
        assert_eq!(c.published.as_deref(), Some("2024"));
    }

    #[test]
    fn text_wins_over_html_and_empty_text_falls_back_to_html() {
        let a = read(json!({"text": "plain", "html": "<p>x</p>"})).unwrap();
        assert_eq!(a.body, Body::Text("plain".into()));
        let b = read(json!({"text": "  ", "html": "<p>x</p>"})).unwrap();
        assert_eq!(b.body, Body::Html("<p>x</p>".into()));
    }

    #[test]
    fn no_body_and_non_objects_are_errors_naming_the_line() {
        let e = read(json!({"title": "only"})).unwrap_err();
        assert_eq!(e.to_string(), "t.jsonl:1: no text or html field; skipped");
        let e = read(json!(42)).unwrap_err();
        assert!(e.to_string().contains("found a number"), "{e}");
    }
}
