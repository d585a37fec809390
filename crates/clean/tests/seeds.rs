//! Cleaning the seed articles and corpus excerpts of ../shared, read in place (they are
//! third-party text and never copied into the repository). Each test skips, with a note,
//! where the shared directory is absent.

use std::path::{Path, PathBuf};

use orbit_clean::Cleaner;
use orbit_core::{Body, Document, FuzzyDate, RawArticle};

fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("note: {} is absent; skipping", path.display());
        None
    }
}

/// The seed whose file name starts with `prefix` ("002_"), cleaned as a plain-text article.
fn seed(prefix: &str) -> Option<Document> {
    let dir = shared("seeds")?;
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })?;
    let text = std::fs::read_to_string(&path).ok()?;
    let raw = RawArticle {
        origin: path.display().to_string(),
        url: None,
        title: None,
        body: Body::Text(text),
        published: None,
        source: None,
        lang: None,
    };
    Some(Cleaner::load(None).unwrap().clean(&raw).unwrap())
}

fn assert_absent(doc: &Document, needles: &[&str]) {
    for needle in needles {
        assert!(
            !doc.text.contains(needle),
            "{needle:?} left in {}:\n{}",
            doc.origin,
            doc.text
        );
    }
}

#[test]
fn seed_002_keeps_the_wagner_analysis_and_cuts_the_teasers_after_it() {
    let Some(doc) = seed("002_") else { return };
    let wagner_paragraphs = doc
        .text
        .split("\n\n")
        .filter(|p| p.contains("Wagner"))
        .count();
    assert!(wagner_paragraphs >= 8, "{}", doc.text);
    assert_absent(
        &doc,
        &[
            "Dnipro",
            "Netanyahu",
            "landmines",
            "Subscribe",
            "Follow us",
            "keep reading",
            "Photo:",
        ],
    );
    assert!(
        doc.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Is Mali"))
    );
    assert_eq!(doc.lang.as_deref(), Some("en"));
}

#[test]
fn seed_001_loses_the_comment_form_and_the_publisher_boilerplate() {
    let Some(doc) = seed("001_") else { return };
    assert_absent(
        &doc,
        &[
            "Leave a Reply",
            "email address",
            "views expressed",
            "About the author",
            "This article was published",
            "Founded in 1955",
        ],
    );
    assert!(doc.text.contains("Kremlin"));
    assert!(
        doc.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Why Russia"))
    );
    assert_eq!(doc.published, None);
    assert_eq!(doc.lang.as_deref(), Some("en"));
}

#[test]
fn seed_000_inline_comment_policy_and_most_popular_list_are_cut() {
    let Some(doc) = seed("000_") else { return };
    assert_absent(
        &doc,
        &["Comments will be moderated", "Most Popular", "Taipei Times"],
    );
    // The sentences before the pasted policy stay.
    assert!(doc.text.contains("Air Base 201"), "{}", doc.text);
}

#[test]
fn seed_003_loses_its_byline_and_read_more_link() {
    let Some(doc) = seed("003_") else { return };
    assert_absent(&doc, &["by clicking here", "By Dr.", "###"]);
    assert!(doc.text.contains("MINUSMA"));
}

#[test]
fn seed_004_is_dated_by_its_date_line_which_leaves_the_text() {
    let Some(doc) = seed("004_") else { return };
    assert_eq!(doc.published, FuzzyDate::ymd(2024, 11, 9));
    assert_absent(&doc, &["09 November 2024"]);
    // Dates inside sentences stay where they are.
    assert!(doc.text.contains("On October 21, 2024"));
    assert_eq!(doc.lang.as_deref(), Some("en"));
}

/// The corpus lines of `file` as raw articles with their language withheld.
fn corpus(file: &str) -> Vec<(String, RawArticle)> {
    let Some(path) = shared(&format!("corpus/{file}")) else {
        return Vec::new();
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|v| {
            let field = |k: &str| v[k].as_str().map(str::to_string);
            let raw = RawArticle {
                origin: field("id").unwrap_or_default(),
                url: field("url"),
                title: field("title"),
                body: Body::Text(field("text").unwrap_or_default()),
                published: field("date"),
                source: None,
                lang: None,
            };
            (field("lang").unwrap_or_default(), raw)
        })
        .collect()
}

#[test]
fn corpus_languages_are_detected() {
    let cleaner = Cleaner::load(None).unwrap();
    let mut checked = 0;
    for file in ["dev.jsonl", "june2024.jsonl"] {
        for (lang, raw) in corpus(file) {
            if !["en", "fr", "ar"].contains(&lang.as_str()) {
                continue;
            }
            let doc = cleaner.clean(&raw).unwrap();
            assert_eq!(doc.lang.as_deref(), Some(lang.as_str()), "{}", doc.origin);
            checked += 1;
        }
    }
    assert!(
        checked == 0 || checked > 100,
        "only {checked} lines checked"
    );
}

#[test]
fn corpus_dates_and_crawler_artefacts() {
    let cleaner = Cleaner::load(None).unwrap();
    for file in ["dev.jsonl", "june2024.jsonl"] {
        for (_, raw) in corpus(file) {
            let doc = cleaner.clean(&raw).unwrap();
            assert!(
                !doc.text.starts_with("date "),
                "{}: {}",
                doc.origin,
                doc.text
            );
            if let Some(given) = raw.published.as_deref() {
                assert_eq!(
                    doc.published.map(|d| d.to_string()).as_deref(),
                    Some(given),
                    "{}",
                    doc.origin
                );
            }
        }
    }
}
