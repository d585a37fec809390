//! The dashboard over HTTP, against a real SQLite file made by ingesting the demo corpus:
//! the pages, the JSON API and its agreement with the scorer, the CSV downloads, and the
//! 400s and 404s.

mod common;

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::sync::OnceLock;

use common::{Response, get};
use orbit_core::{Gazetteer, Period};
use orbit_score::Scorer;
use orbit_store::{FactFilter, Store};
use serde_json::Value;

/// One demo database and one dashboard for every test of this file.
fn demo() -> &'static (std::path::PathBuf, SocketAddr) {
    static DEMO: OnceLock<(std::path::PathBuf, SocketAddr)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("server-http");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = common::ingest(&dir, &[common::demo_corpus()]);
        let addr = common::serve(&db);
        (db, addr)
    })
}

fn page(path: &str) -> Response {
    let r = get(demo().1, path);
    assert_eq!(r.status, 200, "GET {path}: {}", r.body);
    r
}

/// The page with minijinja's `&#x2f;` and `&#x27;` read back as `/` and `'`, as a browser
/// reads them.
fn html(path: &str) -> String {
    let r = page(path);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    r.body.replace("&#x2f;", "/").replace("&#x27;", "'")
}

fn json(path: &str) -> Value {
    let r = page(path);
    assert_eq!(r.header("content-type"), Some("application/json"));
    r.json()
}

/// ISO2 codes of the countries /api/scores lists for a period query.
fn scored(query: &str) -> BTreeSet<String> {
    json(&format!("/api/scores{query}"))
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["country"].as_str().unwrap().to_string())
        .collect()
}

/// The class attribute of each country of the map, by ISO2.
fn map_classes(body: &str) -> Vec<(String, String)> {
    body.split("<a href=\"/country/")
        .skip(1)
        .filter_map(|a| {
            let class = a.split("class=\"").nth(1)?.split('"').next()?;
            let iso = a.split("data-iso=\"").nth(1)?.split('"').next()?;
            class
                .starts_with("country")
                .then(|| (iso.to_string(), class.to_string()))
        })
        .collect()
}

#[test]
fn the_map_draws_every_state_and_greys_those_without_evidence() {
    let body = html("/");
    let classes = map_classes(&body);
    let gazetteer = Gazetteer::load(None).unwrap();
    assert_eq!(classes.len(), 54, "one outline per state");
    let with_evidence = scored("");
    assert!(
        with_evidence.contains("ML")
            && with_evidence.contains("BF")
            && with_evidence.contains("NE")
    );
    for c in &gazetteer.countries {
        let (_, class) = classes.iter().find(|(iso, _)| *iso == c.iso2).unwrap();
        let grey = class.contains("sna");
        assert_eq!(
            grey,
            !with_evidence.contains(&c.iso2),
            "{} ({class}) is grey exactly when it has no evidence",
            c.iso2
        );
    }
    // The small states are clickable markers; Western Sahara is drawn, grey, not a link.
    assert_eq!(body.matches("<circle class=\"marker\"").count(), 6);
    assert!(body.contains("Western Sahara (disputed territory, not scored)"));
    // Hover text: name, score, confidence, evidence.
    assert!(body.contains("<title>Mali — score "), "{body}");
    assert!(body.contains("<title>Angola — no evidence in this period</title>"));
}

#[test]
fn the_table_lists_every_state_with_its_score_discussion_and_link() {
    let body = html("/");
    assert_eq!(body.matches("<tr data-iso=").count(), 54);
    for header in [
        "Country",
        "Score",
        "Change",
        "Confidence",
        "Facts",
        "Sources",
        "Discussion",
        "Read",
    ] {
        assert!(body.contains(&format!(">{header}<")), "column {header}");
    }
    let mali = body.split("<tr data-iso=\"ML\"").nth(1).unwrap();
    let mali = &mali[..mali.find("</tr>").unwrap()];
    assert!(mali.contains("<a href=\"/country/ML\">Read</a>"), "{mali}");
    assert!(
        mali.contains("Driven by"),
        "the discussion comes from the report: {mali}"
    );
    assert!(
        !mali.contains("[1]"),
        "no citation markers in the one-liner"
    );
    // Sorted by score, strongest Russia first; countries without evidence last.
    let first = body.split("<tr data-iso=\"").nth(1).unwrap();
    assert!(first.contains("data-score=\"5"), "{}", &first[..200]);
    let last = body.rsplit("<tr data-iso=\"").next().unwrap();
    assert!(last.contains("class=\"noevidence\""));
}

#[test]
fn the_period_in_the_query_string_changes_the_map() {
    let body = html("/?period=2024-06");
    assert!(
        body.contains("Alignment of African states, June '24"),
        "the title names the month"
    );
    assert!(body.contains("<option value=\"2024-06\" selected>"));
    let june = scored("?period=2024-06");
    assert!(
        !june.is_empty() && june != scored(""),
        "June is a different picture: {june:?}"
    );
    for (iso, class) in map_classes(&body) {
        assert_eq!(!class.contains("sna"), june.contains(&iso), "{iso} in June");
    }
    // Country links keep the period.
    assert!(body.contains("href=\"/country/ML?period=2024-06\""));
    // Quarters, years and all data are periods too.
    for p in ["2024-Q2", "2024", "all"] {
        html(&format!("/?period={p}"));
    }
}

#[test]
fn region_and_sort_in_the_query_string_are_rendered_by_the_server() {
    let body = html("/?region=sahel&sort=country&dir=asc");
    let rows: Vec<&str> = body.split("<tr data-iso=\"").skip(1).collect();
    let visible: Vec<&str> = rows
        .iter()
        .filter(|r| !r[..r.find('>').unwrap()].contains(" hidden"))
        .map(|r| &r[..2])
        .collect();
    assert_eq!(
        visible,
        ["BF", "TD", "ML", "MR", "NE"],
        "the Sahel, by name"
    );
    assert!(body.contains("<option value=\"sahel\" selected>"));
    let dimmed = map_classes(&body)
        .iter()
        .filter(|(_, c)| c.contains(" dim"))
        .count();
    assert_eq!(dimmed, 49, "the map dims what the filter hides");
}

#[test]
fn the_country_page_has_the_report_chart_powers_and_evidence() {
    let body = html("/country/ML");
    assert!(body.contains("<h1>Geopolitics in Africa: Analysis for Mali (all periods)</h1>"));
    assert!(body.contains("Risk Score: "));
    let report = json("/api/countries/ML/report");
    let citations = report["citations"].as_array().unwrap();
    assert!(!citations.is_empty());
    for c in citations {
        let n = c["n"].as_u64().unwrap();
        assert!(body.contains(&format!("<li id=\"c{n}\">")), "citation {n}");
        if let Some(url) = c["url"].as_str() {
            let href = url.replace('&', "&amp;").replace('"', "&quot;");
            assert!(
                body.contains(&format!(
                    "<a href=\"{href}\" rel=\"noopener noreferrer\">View Source</a>"
                )),
                "citation {n} links to its source {url}"
            );
        }
    }
    // The trend chart, one dot per month with evidence.
    let points = body.split("<svg class=\"trend\"").nth(1).unwrap();
    let n: usize = points
        .split("data-points=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let series = json("/api/countries/ML/series?by=month");
    let with_index = series
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["index"].is_null())
        .count();
    assert_eq!(n, with_index);
    assert!(n > 0);
    // The per-power vector.
    assert!(
        body.contains("<tr data-power=\"RU\"><td>Russia</td>"),
        "Russia is among Mali's powers"
    );
    // The evidence table: every fact of the period.
    let facts = json("/api/facts?country=ML");
    assert_eq!(
        body.matches("<tr data-fact=").count(),
        facts.as_array().unwrap().len()
    );
}

#[test]
fn the_evidence_table_filters_and_searches_in_the_query_string() {
    let wagner = html("/country/ML?q=Wagner");
    let rows: Vec<&str> = wagner.split("<tr data-fact=").skip(1).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(
            r[..r.find("</tr>").unwrap()]
                .to_lowercase()
                .contains("wagner")
        );
    }
    let api = json("/api/facts?country=ML&q=Wagner");
    assert_eq!(rows.len(), api.as_array().unwrap().len());
    assert!(
        wagner.contains("value=\"Wagner\""),
        "the search box keeps the query"
    );

    let military = html("/country/ML?category=military&direction=toward_russia");
    for r in military.split("<tr data-fact=").skip(1) {
        let r = &r[..r.find("</tr>").unwrap()];
        assert!(
            r.contains("<td>military</td>") && r.contains("dir-toward_russia"),
            "{r}"
        );
    }
    let dated = json("/api/facts?country=ML&from=2024-07-01&to=2024-07-31");
    for f in dated.as_array().unwrap() {
        assert!(
            f["event_date"].as_str().unwrap().starts_with("2024-07"),
            "{f}"
        );
    }
    let source = json("/api/facts?country=ML").as_array().unwrap()[0]["source"]
        .as_str()
        .unwrap()
        .to_string();
    let by_source = json(&format!(
        "/api/facts?country=ML&source={}",
        url_encode(&source)
    ));
    assert!(
        by_source
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["source"] == source.as_str())
    );
}

#[test]
fn the_api_agrees_with_the_scorer_to_the_digit() {
    let (db, _) = demo();
    let store = Store::open(db).unwrap();
    let scorer = Scorer::load(None).unwrap();
    let period = Period::parse("2024-07").unwrap();
    let previous = period.previous().unwrap();
    let facts = |p: &Period| {
        store
            .facts(&FactFilter {
                country: Some("ML".into()),
                period: Some(p.clone()),
                ..Default::default()
            })
            .unwrap()
    };
    let (now, before) = (facts(&period), facts(&previous));
    let card = scorer.score("ML", "Mali", &period, &now, Some((&previous, &before)));
    let api = json("/api/scores?period=2024-07");
    let mali = api
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["country"] == "ML")
        .unwrap();
    assert_eq!(mali, &serde_json::to_value(&card).unwrap());
    for field in [
        "country",
        "name",
        "period",
        "score",
        "index",
        "confidence",
        "n_facts",
        "n_sources",
        "categories",
        "powers",
        "previous",
        "change",
        "drivers",
        "counter_evidence",
    ] {
        assert!(mali.get(field).is_some(), "scores field {field}");
    }
}

#[test]
fn the_report_json_follows_the_contract_and_cites_only_the_country() {
    let r = json("/api/countries/ML/report?period=2024-07");
    for field in [
        "title",
        "country",
        "name",
        "period",
        "score",
        "index",
        "confidence",
        "n_facts",
        "n_sources",
        "sections",
        "citations",
    ] {
        assert!(r.get(field).is_some(), "report field {field}");
    }
    assert_eq!(
        r["title"],
        "Geopolitics in Africa: Analysis for Mali (July '24)"
    );
    assert_eq!(r["period"]["from"], "2024-07-01");
    let mali_facts: BTreeSet<i64> = json("/api/facts?country=ML&period=2024-07")
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_i64().unwrap())
        .collect();
    for c in r["citations"].as_array().unwrap() {
        assert!(
            mali_facts.contains(&c["fact_id"].as_i64().unwrap()),
            "cites a Mali fact of July: {c}"
        );
        for field in [
            "n",
            "fact_id",
            "text",
            "url",
            "source",
            "published",
            "event_date",
            "direction",
        ] {
            assert!(c.get(field).is_some(), "citation field {field}");
        }
    }
    // ISO3 and names find the same country.
    assert_eq!(
        json("/api/countries/MLI/report?period=2024-07")["title"],
        r["title"]
    );
    assert_eq!(
        json("/api/countries/mali/report?period=2024-07")["title"],
        r["title"]
    );
}

#[test]
fn the_series_covers_the_data_month_by_month() {
    let s = json("/api/countries/ML/series?by=month");
    let keys: Vec<&str> = s
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["period"]["key"].as_str().unwrap())
        .collect();
    assert!(keys.len() >= 3);
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "oldest first, one per month: {keys:?}"
    );
    assert!(keys.contains(&"2024-07"));
    let q = json("/api/countries/ML/series?by=quarter&period=2024");
    let keys: Vec<&str> = q
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["period"]["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
}

#[test]
fn csv_downloads_hold_the_table_and_the_facts() {
    let r = page("/api/scores.csv?period=2024-06");
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        r.header("content-disposition")
            .unwrap()
            .contains("orbit-scores-2024-06.csv")
    );
    let mut rows = csv::Reader::from_reader(r.body.as_bytes());
    assert_eq!(
        rows.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "country",
            "name",
            "period",
            "score",
            "index",
            "confidence",
            "n_facts",
            "n_sources",
            "change"
        ]
    );
    assert_eq!(rows.records().count(), scored("?period=2024-06").len());

    let r = page("/api/facts.csv?country=ML");
    let mut rows = csv::Reader::from_reader(r.body.as_bytes());
    assert_eq!(rows.headers().unwrap().get(16), Some("text"));
    assert_eq!(
        rows.records().count(),
        json("/api/facts?country=ML").as_array().unwrap().len()
    );
    let r = page("/api/scores.csv?region=sahel");
    assert_eq!(
        csv::Reader::from_reader(r.body.as_bytes())
            .records()
            .count(),
        5
    );
}

#[test]
fn bad_parameters_get_a_400_that_says_what_is_accepted() {
    let addr = demo().1;
    let cases = [
        ("/?period=2024-13", "not a period"),
        ("/?period=June", "not a period"),
        ("/?perod=2024-06", "unknown parameter 'perod'"),
        ("/?region=atlantic", "region 'atlantic' is unknown"),
        ("/?sort=colour", "sort 'colour' is unknown"),
        ("/country/ML?category=naval", "category 'naval' is unknown"),
        ("/country/ML?direction=up", "direction 'up' is unknown"),
        (
            "/country/ML?from=yesterday",
            "from 'yesterday' is not a date",
        ),
        ("/api/scores?period=junk", "not a period"),
        ("/api/facts?limit=0", "limit '0' is not a whole number"),
        ("/api/facts?from=2024-07&to=2024-06", "is after"),
        ("/api/facts?power=%22%3E", "is not a power"),
        ("/api/countries/ML/series?by=week", "by 'week' is unknown"),
        (
            "/api/countries/ML/report?period=2024&period=2023",
            "given twice",
        ),
    ];
    for (path, message) in cases {
        let r = get(addr, path);
        assert_eq!(r.status, 400, "{path}");
        let body = r.body.replace("&#x27;", "'");
        assert!(body.contains(message), "{path}: {body}");
        if path.starts_with("/api/") {
            assert_eq!(r.json()["status"], 400);
        } else {
            assert!(r.header("content-type").unwrap().starts_with("text/html"));
        }
    }
}

#[test]
fn unknown_countries_and_pages_get_a_404() {
    let addr = demo().1;
    for path in [
        "/country/XX",
        "/country/Atlantis",
        "/api/countries/XX/report",
        "/api/countries/ZZZ/series",
        "/api/facts?country=Narnia",
        "/no/such/page",
        "/api/nothing",
    ] {
        let r = get(addr, path);
        assert_eq!(r.status, 404, "{path}: {}", r.body);
        if path.starts_with("/api/") {
            assert!(r.json()["error"].as_str().unwrap().len() > 10);
        }
    }
    let r = get(addr, "/country/XX");
    assert!(
        r.body
            .replace("&#x27;", "'")
            .contains("unknown country 'XX'")
    );
}

#[test]
fn the_dashboard_never_creates_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing.db");
    let e = orbit_server::Dashboard::open(&missing, None)
        .err()
        .expect("refused");
    assert!(e.to_string().contains("no database at"), "{e}");
    assert!(!missing.exists());
}

#[test]
fn pages_carry_a_strict_content_security_policy() {
    let r = page("/");
    let csp = r.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-"),
        "{csp}"
    );
    assert!(!csp.contains("script-src 'unsafe-inline'"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
}

#[test]
fn the_shared_june_corpus_serves_every_country_page() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = common::ingest(dir.path(), &[shared.join("corpus/june2024.jsonl")]);
    let addr = common::serve(&db);
    let scores = get(addr, "/api/scores?period=2024-06").json();
    let countries: Vec<String> = scores
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["country"].as_str().unwrap().to_string())
        .collect();
    assert!(countries.contains(&"ML".to_string()), "{countries:?}");
    assert_eq!(get(addr, "/?period=2024-06").status, 200);
    for iso in &countries {
        let r = get(addr, &format!("/country/{iso}?period=2024-06"));
        assert_eq!(r.status, 200, "{iso}");
        assert!(r.body.contains("Risk Score: "), "{iso}");
    }
}

fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[test]
fn pages_follow_the_database_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::ingest(dir.path(), &[common::demo_corpus()]);
    let addr = common::serve(&db);
    let before = get(addr, "/api/scores?period=2023-03").json();
    assert_eq!(before, serde_json::json!([]), "nothing in March 2023 yet");
    let page = get(addr, "/?period=2023-03").body;
    assert!(page.contains("0 of 54 states with evidence"));
    // `orbit ingest` writes while the dashboard runs.
    let file = dir.path().join("more.jsonl");
    std::fs::write(
        &file,
        r#"{"url": "https://example.org/mali-2023", "title": "Mali and Russia", "text": "Mali's military government signed a defence cooperation agreement with Russia on 9 March 2023 in Bamako.", "published": "2023-03-10", "source": "Example", "lang": "en"}"#,
    )
    .unwrap();
    common::ingest(dir.path(), &[file]);
    let after = get(addr, "/api/scores?period=2023-03").json();
    assert_eq!(after[0]["country"], "ML", "{after}");
    assert!(
        get(addr, "/?period=2023-03")
            .body
            .contains("1 of 54 states with evidence")
    );
}

#[test]
fn sorting_by_change_keeps_countries_with_evidence_above_the_rest() {
    let body = html("/?period=2024-07&sort=change");
    let evidence: Vec<bool> = body
        .split("<tr data-iso=\"")
        .skip(1)
        .map(|r| !r[..r.find('>').unwrap()].contains("noevidence"))
        .collect();
    assert_eq!(evidence.len(), 54);
    let first_without = evidence.iter().position(|e| !e).unwrap();
    assert!(first_without > 0);
    assert!(evidence[first_without..].iter().all(|e| !e), "{evidence:?}");
}
