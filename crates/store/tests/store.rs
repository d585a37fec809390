//! The store against a real SQLite file in a temporary directory, one behaviour per test.

use std::path::PathBuf;

use orbit_core::{Bloc, Category, Direction, Document, EventType, Fact, FuzzyDate, Period, Stance};
use orbit_store::{Counts, FactFilter, Inserted, SCHEMA_VERSION, Store, StoreError, TextHash};
use tempfile::TempDir;

/// A fresh database file in its own temporary directory (kept alive by the returned guard).
fn temp_db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("orbit.db");
    (dir, path)
}

fn doc(url: Option<&str>, text: &str) -> Document {
    Document {
        origin: "test.jsonl:1".into(),
        url: url.map(Into::into),
        source: Some("Example News".into()),
        title: Some("A title".into()),
        published: FuzzyDate::ymd(2024, 6, 20),
        lang: Some("en".into()),
        text: text.into(),
    }
}

/// A fact as the extractor hands it over: no id, no article id.
fn fact(country: &str, event_date: Option<&str>, text: &str) -> Fact {
    Fact {
        id: 0,
        article_id: 0,
        url: None,
        source: None,
        published: None,
        event_date: event_date.map(|d| d.parse().expect("test date")),
        date_basis: None,
        country: country.into(),
        counterpart: "RU".into(),
        bloc: Bloc::Russia,
        direction: Direction::TowardRussia,
        stance: Stance::Cooperative,
        category: Category::Military,
        event_type: EventType::Cooperate,
        actor: orbit_core::Actor::Country,
        hedged: false,
        negated: false,
        weight: 1.0,
        text: text.into(),
        span: [0, text.len()],
        lang: None,
    }
}

/// A store holding one article per fact, each with its own URL and text.
fn store_with(path: &std::path::Path, facts: Vec<Fact>) -> Store {
    let mut store = Store::open(path).expect("open");
    let batch: Vec<_> = facts
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let url = format!("https://example.org/{i}");
            (
                doc(Some(&url), &format!("Article {i}: {}", f.text)),
                vec![f],
            )
        })
        .collect();
    store.insert_batch(&batch).expect("insert");
    store
}

fn texts(facts: &[Fact]) -> Vec<&str> {
    facts.iter().map(|f| f.text.as_str()).collect()
}

fn in_period(store: &Store, period: &str) -> Vec<String> {
    let period = if period == "all" {
        Period::all()
    } else {
        Period::parse(period).expect("test period")
    };
    let filter = FactFilter {
        period: Some(period),
        ..Default::default()
    };
    texts(&store.facts(&filter).expect("facts"))
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn a_fact_round_trips_with_every_field_at_every_date_precision() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let dates = [Some("2024"), Some("2024-06"), Some("2024-06-15"), None];
    let facts: Vec<Fact> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| Fact {
            counterpart: "FR".into(),
            bloc: Bloc::West,
            direction: Direction::TowardWest,
            stance: Stance::Hostile,
            category: Category::Diplomatic,
            event_type: EventType::Reject,
            actor: if i % 2 == 0 {
                orbit_core::Actor::Country
            } else {
                orbit_core::Actor::Counterpart
            },
            hedged: i % 2 == 0,
            negated: i % 2 == 1,
            weight: 0.375,
            span: [12 + i, 87 + i],
            ..fact(
                "ML",
                *d,
                &format!("[Mali] The country expelled the French ambassador ({i})."),
            )
        })
        .collect();
    let article = doc(
        Some("https://example.org/mali"),
        "Mali expelled the ambassador.",
    );
    let inserted = store
        .insert_batch(&[(article.clone(), facts.clone())])
        .unwrap();
    let [
        Inserted::New {
            article_id,
            facts: 4,
        },
    ] = inserted[..]
    else {
        panic!("expected one new article with 4 facts, got {inserted:?}");
    };

    let stored = store.facts(&FactFilter::default()).unwrap();
    assert_eq!(stored.len(), 4);
    for (sent, got) in facts.iter().zip(&stored) {
        let expected = Fact {
            id: got.id,
            article_id,
            url: article.url.clone(),
            source: article.source.clone(),
            published: article.published,
            lang: article.lang.clone(),
            ..sent.clone()
        };
        assert_eq!(got, &expected);
        assert!(got.id > 0);
        assert_eq!(store.fact(got.id).unwrap().as_ref(), Some(got));
    }
    let dates_back: Vec<_> = stored
        .iter()
        .map(|f| f.event_date.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        dates_back,
        [
            Some("2024".to_string()),
            Some("2024-06".to_string()),
            Some("2024-06-15".to_string()),
            None
        ]
    );
    assert_eq!(store.fact(9999).unwrap(), None);
}

#[test]
fn an_article_without_url_or_date_round_trips_as_nulls() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let article = Document {
        source: None,
        title: None,
        published: None,
        lang: None,
        ..doc(None, "Undated text.")
    };
    store
        .insert_batch(&[(article, vec![fact("NE", None, "Niger and Russia.")])])
        .unwrap();
    let got = &store.facts(&FactFilter::default()).unwrap()[0];
    assert_eq!(
        (&got.url, &got.source, got.published, &got.lang),
        (&None, &None, None, &None)
    );
}

#[test]
fn an_article_with_a_stored_url_is_a_duplicate_and_stores_nothing() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let first = store
        .insert_batch(&[(
            doc(Some("https://example.org/a"), "First text."),
            vec![fact("ML", None, "one")],
        )])
        .unwrap();
    let again = store
        .insert_batch(&[(
            doc(Some("https://example.org/a"), "Completely different text."),
            vec![fact("ML", None, "two"), fact("BF", None, "three")],
        )])
        .unwrap();
    assert_eq!(
        again,
        [Inserted::Duplicate {
            article_id: first[0].article_id()
        }]
    );
    assert_eq!(
        store.counts().unwrap(),
        Counts {
            articles: 1,
            facts: 1
        }
    );
}

#[test]
fn an_article_with_the_same_text_up_to_whitespace_and_case_is_a_duplicate() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store
        .insert_batch(&[(
            doc(
                Some("https://example.org/a"),
                "Mali's junta met Lavrov.\n\nRussia pledged arms.",
            ),
            vec![fact("ML", None, "one")],
        )])
        .unwrap();
    let again = store
        .insert_batch(&[(
            doc(
                Some("https://mirror.example.com/b"),
                "  MALI'S junta   met lavrov. Russia\tpledged ARMS. ",
            ),
            vec![fact("ML", None, "two")],
        )])
        .unwrap();
    assert!(matches!(again[..], [Inserted::Duplicate { .. }]));
    assert_eq!(store.counts().unwrap().facts, 1);
}

#[test]
fn duplicates_inside_one_batch_are_caught_too() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let result = store
        .insert_batch(&[
            (doc(Some("https://example.org/a"), "Text A."), vec![]),
            (doc(Some("https://example.org/a"), "Text B."), vec![]),
            (doc(None, "text a."), vec![]),
            (doc(None, "Text C."), vec![fact("ML", None, "c")]),
            (doc(Some("   "), "Text D."), vec![]),
        ])
        .unwrap();
    let a = result[0].article_id();
    assert!(matches!(result[0], Inserted::New { facts: 0, .. }));
    assert_eq!(result[1], Inserted::Duplicate { article_id: a });
    assert_eq!(result[2], Inserted::Duplicate { article_id: a });
    assert!(matches!(result[3], Inserted::New { facts: 1, .. }));
    // A blank URL is no URL: it does not collide with the URL-less article before it.
    assert!(matches!(result[4], Inserted::New { .. }));
    assert_eq!(store.counts().unwrap().articles, 3);
}

#[test]
fn contains_article_knows_stored_urls_and_texts() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store
        .insert_batch(&[(doc(Some("https://example.org/a"), "Stored   Text."), vec![])])
        .unwrap();
    let contains = |url, text| store.contains_article(url, &TextHash::of(text)).unwrap();
    assert!(contains(Some("https://example.org/a"), "other"));
    assert!(contains(None, "stored text."));
    assert!(contains(Some("https://example.org/new"), "STORED\ntext."));
    assert!(!contains(Some("https://example.org/new"), "new text"));
    assert!(!contains(None, ""));
}

#[test]
fn a_hash_given_with_the_article_is_the_one_it_is_found_by() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let text = "Mali's junta met Lavrov.";
    let hashed = [(doc(None, text), Vec::new(), TextHash::of(text))];
    assert!(matches!(
        store.insert_batch(&hashed).unwrap()[0],
        Inserted::New { .. }
    ));
    assert!(
        store
            .contains_article(None, &TextHash::of("MALI'S junta  met lavrov."))
            .unwrap()
    );
    // The same text given without its hash is hashed here, to the same key.
    assert!(matches!(
        store
            .insert_batch(&[(doc(None, text), Vec::new())])
            .unwrap()[0],
        Inserted::Duplicate { .. }
    ));
}

#[test]
fn a_period_keeps_only_facts_dated_wholly_inside_it() {
    let (_dir, path) = temp_db();
    let store = store_with(
        &path,
        vec![
            fact("ML", Some("2024"), "year"),
            fact("ML", Some("2024-06"), "month"),
            fact("ML", Some("2024-06-03"), "day"),
            fact("ML", Some("2024-07-01"), "july"),
            fact("ML", None, "undated"),
        ],
    );
    assert_eq!(in_period(&store, "2024-06"), ["month", "day"]);
    assert_eq!(in_period(&store, "2024-Q2"), ["month", "day"]);
    assert_eq!(in_period(&store, "2024"), ["year", "month", "day", "july"]);
    assert_eq!(in_period(&store, "2023"), Vec::<String>::new());
    assert_eq!(
        in_period(&store, "all"),
        ["year", "month", "day", "july", "undated"]
    );

    // Half-open ranges bound one side only, and still leave undated facts out.
    let since_june = Period::range(Some("2024-06-02"), None).unwrap();
    let filter = FactFilter {
        period: Some(since_june),
        ..Default::default()
    };
    assert_eq!(texts(&store.facts(&filter).unwrap()), ["day", "july"]);
    let until_june = Period::range(None, Some("2024-06")).unwrap();
    let filter = FactFilter {
        period: Some(until_june),
        ..Default::default()
    };
    assert_eq!(texts(&store.facts(&filter).unwrap()), ["month", "day"]);
}

#[test]
fn the_period_filter_agrees_with_period_contains() {
    let (_dir, path) = temp_db();
    let dates = [
        Some("2023-12-31"),
        Some("2024"),
        Some("2024-01"),
        Some("2024-02-29"),
        Some("2024-06"),
        Some("2024-06-30"),
        Some("2024-07"),
        Some("2025"),
        None,
    ];
    let facts: Vec<Fact> = dates
        .iter()
        .map(|d| fact("ML", *d, d.unwrap_or("none")))
        .collect();
    let store = store_with(&path, facts.clone());
    for p in ["2024", "2024-06", "2024-Q1", "2024-02", "2023", "all"] {
        let period = if p == "all" {
            Period::all()
        } else {
            Period::parse(p).unwrap()
        };
        let mut expected: Vec<&str> = facts
            .iter()
            .filter(|f| period.contains(f.event_date))
            .map(|f| f.text.as_str())
            .collect();
        expected.sort_unstable();
        let mut got = in_period(&store, p);
        got.sort_unstable();
        assert_eq!(got, expected, "period {p}");
    }
}

#[test]
fn facts_come_ordered_by_date_with_undated_last_and_limit_takes_the_first() {
    let (_dir, path) = temp_db();
    let store = store_with(
        &path,
        vec![
            fact("ML", None, "undated"),
            fact("ML", Some("2024-06-03"), "june 3"),
            fact("ML", Some("2023"), "2023"),
            fact("ML", Some("2024-06-03"), "june 3 again"),
            fact("ML", Some("2024-06"), "june"),
        ],
    );
    let all = store.facts(&FactFilter::default()).unwrap();
    assert_eq!(
        texts(&all),
        ["2023", "june", "june 3", "june 3 again", "undated"]
    );
    let first_two = FactFilter {
        limit: Some(2),
        ..Default::default()
    };
    assert_eq!(texts(&store.facts(&first_two).unwrap()), ["2023", "june"]);
}

#[test]
fn the_country_filter_keeps_that_country_only() {
    let (_dir, path) = temp_db();
    let store = store_with(
        &path,
        vec![
            fact("ML", Some("2024-06-01"), "mali"),
            fact("BF", Some("2024-06-02"), "burkina"),
            fact("ML", Some("2024-05-01"), "mali may"),
            fact("NE", None, "niger"),
        ],
    );
    let filter = |country: &str, period: Option<&str>| FactFilter {
        country: Some(country.into()),
        period: period.map(|p| Period::parse(p).unwrap()),
        ..Default::default()
    };
    assert_eq!(
        texts(&store.facts(&filter("ML", None)).unwrap()),
        ["mali may", "mali"]
    );
    assert_eq!(
        texts(&store.facts(&filter("ML", Some("2024-06"))).unwrap()),
        ["mali"]
    );
    assert_eq!(
        texts(&store.facts(&filter("BF", None)).unwrap()),
        ["burkina"]
    );
    assert!(store.facts(&filter("SN", None)).unwrap().is_empty());
}

#[test]
fn the_text_query_matches_all_words_stemmed_and_without_accents() {
    let (_dir, path) = temp_db();
    let store = store_with(
        &path,
        vec![
            fact("ML", None, "Russian mercenaries arrived in Bamako."),
            fact("CI", None, "Côte d'Ivoire signed a deal with France."),
            fact("ML", None, "Wagner mercenary forces left."),
        ],
    );
    let query = |q: &str| {
        let filter = FactFilter {
            query: Some(q.into()),
            ..Default::default()
        };
        texts(&store.facts(&filter).unwrap())
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        query("mercenary"),
        [
            "Russian mercenaries arrived in Bamako.",
            "Wagner mercenary forces left."
        ]
    );
    assert_eq!(
        query("WAGNER mercenaries"),
        ["Wagner mercenary forces left."]
    );
    assert_eq!(query("cote"), ["Côte d'Ivoire signed a deal with France."]);
    assert!(query("mercenaries France").is_empty());
    assert_eq!(query("   ").len(), 3);
}

#[test]
fn any_text_query_is_safe_even_with_fts_syntax_in_it() {
    let (_dir, path) = temp_db();
    let store = store_with(
        &path,
        vec![
            fact("ML", None, "An unbalanced AND lopsided deal."),
            fact("ML", None, "An unbalanced budget."),
        ],
    );
    let nasty = [
        r#""unbalanced AND ("#,
        "unbalanced AND (",
        "NEAR(unbalanced",
        "text:unbalanced*",
        "^unbalanced OR -",
        r#"""""#,
        "(((",
        "'; DROP TABLE facts; --",
        "\u{0}\u{301}",
    ];
    for q in nasty {
        let filter = FactFilter {
            query: Some(q.into()),
            ..Default::default()
        };
        let result = store.facts(&filter);
        assert!(result.is_ok(), "query {q:?} failed: {result:?}");
    }
    let filter = FactFilter {
        query: Some(r#""unbalanced AND ("#.into()),
        ..Default::default()
    };
    assert_eq!(
        texts(&store.facts(&filter).unwrap()),
        ["An unbalanced AND lopsided deal."]
    );
    assert_eq!(store.counts().unwrap().facts, 2);
}

#[test]
fn reopening_the_file_keeps_the_data_and_the_schema() {
    let (_dir, path) = temp_db();
    {
        let store = store_with(&path, vec![fact("ML", Some("2024-06-03"), "kept")]);
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }
    // A second open would fail if it re-ran the first migration (CREATE TABLE articles ...).
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        store.counts().unwrap(),
        Counts {
            articles: 1,
            facts: 1
        }
    );
    assert_eq!(
        texts(&store.facts(&FactFilter::default()).unwrap()),
        ["kept"]
    );
    // Deduplication and the full-text index survive the reopen too.
    let again = store
        .insert_batch(&[(doc(Some("https://example.org/0"), "x"), vec![])])
        .unwrap();
    assert!(matches!(again[..], [Inserted::Duplicate { .. }]));
    let filter = FactFilter {
        query: Some("kept".into()),
        ..Default::default()
    };
    assert_eq!(store.facts(&filter).unwrap().len(), 1);
}

#[test]
fn facts_stored_before_actors_existed_read_as_the_countrys_acts() {
    let (_dir, path) = temp_db();
    drop(store_with(
        &path,
        vec![fact("ML", None, "Mali expelled them.")],
    ));
    // Take the file back to schema 4, as a release before the actor column wrote it.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("ALTER TABLE facts DROP COLUMN actor; PRAGMA user_version = 4;")
        .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let facts = store.facts(&FactFilter::default()).unwrap();
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0].actor, orbit_core::Actor::Country);
}

#[test]
fn the_file_is_in_wal_mode_with_foreign_keys_cascading_to_the_index() {
    let (_dir, path) = temp_db();
    drop(store_with(&path, vec![fact("ML", None, "Wagner arrived.")]));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    conn.execute("DELETE FROM articles", []).unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap(), Counts::default());
    let filter = FactFilter {
        query: Some("wagner".into()),
        ..Default::default()
    };
    assert!(store.facts(&filter).unwrap().is_empty());
}

#[test]
fn a_database_from_a_newer_orbit_asks_for_an_upgrade() {
    let (_dir, path) = temp_db();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 98)
            .unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found, known, .. } if found == SCHEMA_VERSION + 98 && known == SCHEMA_VERSION),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("upgrade orbit"), "{message}");
    assert!(message.contains("orbit.db"), "{message}");
    // The newer database is left alone.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION + 98);
}

#[test]
fn a_file_that_is_not_a_database_is_an_open_error_naming_it() {
    let (dir, _) = temp_db();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "this is not a database, just some text that is long enough",
    )
    .unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("notes.txt"), "{message}");
    assert!(message.contains("--db"), "{message}");
}

#[test]
fn a_path_in_a_missing_directory_is_an_open_error() {
    let (dir, _) = temp_db();
    let path = dir.path().join("no/such/dir/orbit.db");
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(err.to_string().starts_with("cannot open database "));
}

#[test]
fn a_fact_that_cannot_be_stored_leaves_the_whole_batch_unwritten() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let bad = Fact {
        weight: f64::NAN,
        ..fact("ML", None, "bad weight")
    };
    let err = store
        .insert_batch(&[
            (
                doc(Some("https://example.org/ok"), "fine"),
                vec![fact("ML", None, "ok")],
            ),
            (doc(Some("https://example.org/bad"), "bad"), vec![bad]),
        ])
        .unwrap_err();
    assert!(matches!(err, StoreError::InvalidFact { .. }), "{err:?}");
    assert!(err.to_string().contains("bad weight"));
    assert_eq!(store.counts().unwrap(), Counts::default());
}

#[test]
fn countries_with_facts_lists_each_country_once_sorted_for_the_period() {
    let (_dir, path) = temp_db();
    let store = store_with(
        &path,
        vec![
            fact("NE", Some("2024-06-10"), "a"),
            fact("BF", Some("2024-06-11"), "b"),
            fact("ML", Some("2024-06-12"), "c"),
            fact("ML", Some("2024-06-13"), "d"),
            fact("SN", Some("2024"), "e"),
            fact("TD", None, "f"),
        ],
    );
    let june = Period::parse("2024-06").unwrap();
    assert_eq!(
        store.countries_with_facts(&june).unwrap(),
        ["BF", "ML", "NE"]
    );
    assert_eq!(
        store
            .countries_with_facts(&Period::parse("2024").unwrap())
            .unwrap(),
        ["BF", "ML", "NE", "SN"]
    );
    assert_eq!(
        store.countries_with_facts(&Period::all()).unwrap(),
        ["BF", "ML", "NE", "SN", "TD"]
    );
    assert!(
        store
            .countries_with_facts(&Period::parse("2019").unwrap())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn fact_date_range_spans_first_to_last_day_of_dated_facts() {
    let (_dir, path) = temp_db();
    let store = store_with(
        &path,
        vec![
            fact("ML", Some("2023-03"), "a"),
            fact("ML", Some("2024-06-15"), "b"),
            fact("BF", Some("2025"), "c"),
            fact("BF", None, "d"),
            fact("NE", None, "e"),
        ],
    );
    let date = |s: &str| s.parse::<jiff::civil::Date>().unwrap();
    assert_eq!(
        store.fact_date_range(None).unwrap(),
        Some((date("2023-03-01"), date("2025-12-31")))
    );
    assert_eq!(
        store.fact_date_range(Some("ML")).unwrap(),
        Some((date("2023-03-01"), date("2024-06-15")))
    );
    assert_eq!(
        store.fact_date_range(Some("BF")).unwrap(),
        Some((date("2025-01-01"), date("2025-12-31")))
    );
    assert_eq!(store.fact_date_range(Some("NE")).unwrap(), None);
    assert_eq!(store.fact_date_range(Some("SN")).unwrap(), None);
}

#[test]
fn a_large_batch_is_stored_in_one_call() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let batch: Vec<_> = (0..3000)
        .map(|i| {
            (
                doc(
                    Some(&format!("https://example.org/{i}")),
                    &format!("Article number {i} about Mali and Russia."),
                ),
                vec![
                    fact("ML", Some("2024-06-03"), &format!("Fact {i} one.")),
                    fact("BF", None, &format!("Fact {i} two.")),
                ],
            )
        })
        .collect();
    let result = store.insert_batch(&batch).unwrap();
    assert_eq!(result.len(), 3000);
    assert!(
        result
            .iter()
            .all(|r| matches!(r, Inserted::New { facts: 2, .. }))
    );
    assert_eq!(
        store.counts().unwrap(),
        Counts {
            articles: 3000,
            facts: 6000
        }
    );
    // Re-ingesting the same batch is a no-op.
    let again = store.insert_batch(&batch).unwrap();
    assert!(
        again
            .iter()
            .all(|r| matches!(r, Inserted::Duplicate { .. }))
    );
    assert_eq!(store.counts().unwrap().facts, 6000);
}
