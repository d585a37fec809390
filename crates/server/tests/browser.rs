//! The dashboard in a real headless Chromium, driven through chromedriver (WebDriver) with
//! fantoccini: the map draws every state and colours the demo countries, hovering shows a
//! score, the table sorts and filters, the period switches, a click on Mali opens its report
//! with citations, a View Source link leads to its article, and the XSS payloads stay inert.
//! Screenshots go to `target/browser-artifacts/`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (or `ORBIT_CHROMIUM` / `ORBIT_CHROMEDRIVER`
//! naming the binaries). Without them the tests print a note and pass, so `cargo test` runs
//! on a bare machine; with `ORBIT_BROWSER_TESTS=require` (as `.ci/run` sets) they fail instead.

mod common;

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The flags Chromium needs on a closed, sandboxed CI machine (no network, running as root).
const CHROMIUM_FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
];

/// The browser and its driver, or `None` (with a note) when they are not installed.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let find = |var: &str, names: &[&str]| -> Option<PathBuf> {
        if let Some(p) = std::env::var_os(var) {
            return Some(PathBuf::from(p));
        }
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .find(|p| p.is_file())
    };
    let chromium = find("ORBIT_CHROMIUM", &["chromium", "chromium-browser"]);
    let driver = find("ORBIT_CHROMEDRIVER", &["chromedriver"]);
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        _ => {
            let message = "chromium and chromedriver are not installed \
                (apt-get install chromium chromium-driver, or set ORBIT_CHROMIUM and ORBIT_CHROMEDRIVER)";
            if std::env::var("ORBIT_BROWSER_TESTS").as_deref() == Ok("require") {
                panic!("browser tests are required (ORBIT_BROWSER_TESTS=require) but {message}");
            }
            eprintln!("note: skipping a browser test: {message}");
            None
        }
    }
}

/// A chromedriver we started, stopped (by its own pid) when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver(driver: &Path) -> Driver {
    // A free port: bind, read it, release it for chromedriver.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    }
}

/// A browser session with a fresh profile in `profile`.
async fn session(chromium: &Path, driver: &Driver, profile: &Path) -> Client {
    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"binary": chromium, "args": args}),
    );
    // A chromedriver that just began to listen may still reset the first connection; a few
    // tries tell that from a driver that cannot start a browser.
    let mut tries = 0;
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&driver.url)
            .await
        {
            Ok(client) => return client,
            Err(e) if tries < 3 => {
                tries += 1;
                eprintln!("chromedriver refused a session ({e}); trying again");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(e) => panic!("a Chromium session: {e}"),
        }
    }
}

/// The demo corpus plus two articles of our own, in a database served on loopback, and a
/// second little server standing for the web: the page one article links to as its source.
struct Site {
    dashboard: SocketAddr,
    source_url: String,
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("server-browser");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let source = serve_source_page();
        let source_url = format!("http://{source}/source/mali-russia-2023");
        let local = format!(
            r#"{{"url": "{source_url}", "title": "Mali signs defence pact with Russia", "text": "Mali's military government signed a defence cooperation agreement with Russia on 9 March 2023 in Bamako. Under the deal, Russia will deliver helicopters and train Malian pilots.", "published": "2023-03-10", "source": "Loopback Gazette", "lang": "en"}}"#
        );
        let file = dir.join("extra.jsonl");
        std::fs::write(&file, format!("{local}\n{}", include_str!("hostile.jsonl"))).unwrap();
        let db = common::ingest(&dir, &[common::demo_corpus(), file]);
        Site {
            dashboard: common::serve(&db),
            source_url,
        }
    })
}

/// A page standing for the article on its publisher's site.
fn serve_source_page() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let app = axum::Router::new().route(
                "/source/{name}",
                axum::routing::get(|| async {
                    axum::response::Html(
                        "<!DOCTYPE html><title>Loopback Gazette: Mali signs defence pact with Russia</title><h1>Mali signs defence pact with Russia</h1>",
                    )
                }),
            );
            axum::serve(listener, app).await.unwrap();
        });
    });
    rx.recv_timeout(Duration::from_secs(30)).unwrap()
}

fn artifacts() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("browser-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.expect("a screenshot");
    std::fs::write(artifacts().join(name), png).unwrap();
}

async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, Vec::new()).await.expect(script)
}

async fn wait_for_url(c: &Client, part: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let url = c.current_url().await.unwrap();
        if url.as_str().contains(part) && js(c, "return document.readyState").await == "complete" {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the browser never reached {part} (at {url})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// ISO2 codes the API scores for a query, by plain HTTP.
fn scored(query: &str) -> BTreeSet<String> {
    common::get(site().dashboard, &format!("/api/scores{query}"))
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["country"].as_str().unwrap().to_string())
        .collect()
}

/// Each drawn country of the map: ISO2, drawn size and computed fill.
const MAP_STATE: &str = r#"
    return Array.from(document.querySelectorAll('#map a.country')).map(a => {
        const shape = a.querySelector('circle.marker') || a.querySelector('path');
        const box = shape.getBBox();
        return { iso: a.dataset.iso, width: box.width, height: box.height,
                 fill: getComputedStyle(a.querySelector('path')).fill,
                 dim: a.classList.contains('dim') };
    });"#;

fn grey(fill: &str) -> bool {
    fill == "rgb(207, 211, 216)"
}

fn run(test: impl AsyncFnOnce(Client, &'static Site)) {
    let Some((chromium, driver)) = browser() else {
        return;
    };
    let site = site();
    let driver = start_driver(&driver);
    let profile = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let client = session(&chromium, &driver, profile.path()).await;
        test(client.clone(), site).await;
        let _ = client.close().await;
    });
}

#[test]
fn the_map_colours_the_demo_countries_and_switches_period() {
    run(async |c, site| {
        let base = format!("http://{}", site.dashboard);
        c.goto(&format!("{base}/")).await.unwrap();
        c.wait().for_element(Locator::Css("#map")).await.unwrap();
        screenshot(&c, "01-map.png").await;

        // Every state is drawn, with a visible size; the small ones as markers.
        let states = js(&c, MAP_STATE).await;
        let states = states.as_array().unwrap();
        assert_eq!(states.len(), 54, "54 states on the map");
        for s in states {
            assert!(
                s["width"].as_f64().unwrap() > 1.0 && s["height"].as_f64().unwrap() > 1.0,
                "{s} is drawn"
            );
        }
        // Coloured exactly when the API scores them; the rest grey.
        let with_evidence = scored("");
        assert!(with_evidence.len() >= 10, "{with_evidence:?}");
        for s in states {
            let iso = s["iso"].as_str().unwrap();
            let fill = s["fill"].as_str().unwrap();
            assert_eq!(
                !grey(fill),
                with_evidence.contains(iso),
                "{iso} is filled {fill}"
            );
        }

        // Hovering Mali shows its name, score, confidence and evidence.
        let mali = c
            .find(Locator::Css("#map a[data-iso='ML'] path"))
            .await
            .unwrap();
        let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: mali,
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        c.perform_actions(hover).await.unwrap();
        let info = c
            .find(Locator::Id("map-info"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            info.starts_with("Mali — score ")
                && info.contains("confidence")
                && info.contains("facts"),
            "{info}"
        );
        screenshot(&c, "02-map-hover-mali.png").await;

        // The table sorts by a click and filters by region, and the URL keeps both.
        c.find(Locator::Css("#countries th[data-key='country'] button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let first = js(
            &c,
            "return document.querySelector('#countries tbody tr:not([hidden])').dataset.iso",
        )
        .await;
        assert_eq!(first, "DZ", "Algeria first by name");
        c.find(Locator::Id("region"))
            .await
            .unwrap()
            .select_by_value("sahel")
            .await
            .unwrap();
        let visible = js(&c, "return Array.from(document.querySelectorAll('#countries tbody tr')).filter(r => !r.hidden).map(r => r.dataset.iso)").await;
        assert_eq!(visible, json!(["BF", "TD", "ML", "MR", "NE"]));
        let url = c.current_url().await.unwrap();
        assert!(
            url.as_str().contains("region=sahel") && url.as_str().contains("sort=country"),
            "{url}"
        );
        let dimmed = js(
            &c,
            "return document.querySelectorAll('#map a.country.dim').length",
        )
        .await;
        assert_eq!(dimmed, 49);
        screenshot(&c, "03-table-sahel.png").await;

        // Switching the period reloads the map for June 2024, keeping the region.
        c.find(Locator::Id("period"))
            .await
            .unwrap()
            .select_by_value("2024-06")
            .await
            .unwrap();
        wait_for_url(&c, "period=2024-06").await;
        let url = c.current_url().await.unwrap();
        assert!(url.as_str().contains("region=sahel"), "{url}");
        let heading = c
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(heading, "Alignment of African states, June '24");
        let june = scored("?period=2024-06");
        assert_ne!(june, with_evidence);
        for s in js(&c, MAP_STATE).await.as_array().unwrap() {
            let iso = s["iso"].as_str().unwrap();
            assert_eq!(
                !grey(s["fill"].as_str().unwrap()),
                june.contains(iso),
                "{iso} in June"
            );
        }
        screenshot(&c, "04-map-june-2024.png").await;
    });
}

#[test]
fn clicking_mali_opens_its_report_with_citations_and_sources() {
    run(async |c, site| {
        let base = format!("http://{}", site.dashboard);
        c.goto(&format!("{base}/")).await.unwrap();
        c.find(Locator::Css("#map a[data-iso='ML'] path"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_url(&c, "/country/ML").await;
        let h1 = c
            .find(Locator::Css("#report-header h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(h1, "Geopolitics in Africa: Analysis for Mali (all periods)");

        // The citations, each with a View Source link to the URL of its fact.
        let report = common::get(site.dashboard, "/api/countries/ML/report").json();
        let citations = report["citations"].as_array().unwrap();
        let items = c.find_all(Locator::Css("ol.citations li")).await.unwrap();
        assert_eq!(items.len(), citations.len());
        assert!(!items.is_empty());
        for (item, cited) in items.iter().zip(citations) {
            let text = item.text().await.unwrap();
            assert!(text.contains(cited["text"].as_str().unwrap()), "{text}");
            match cited["url"].as_str() {
                Some(url) if url.starts_with("http") => {
                    let link = item.find(Locator::LinkText("View Source")).await.unwrap();
                    assert_eq!(link.attr("href").await.unwrap().as_deref(), Some(url));
                }
                // Not a web address (the hostile `javascript:` one): shown, never linked.
                _ => assert!(item.find(Locator::Css("a")).await.is_err(), "{text}"),
            }
        }
        // A citation marker jumps to its citation.
        c.find(Locator::Css("#report a.cite"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert!(c.current_url().await.unwrap().as_str().contains("#c"));
        // The trend chart and the evidence.
        let dots = c
            .find_all(Locator::Css("svg.trend circle.dot"))
            .await
            .unwrap();
        assert!(!dots.is_empty());
        let rows = c.find_all(Locator::Css("#facts tbody tr")).await.unwrap();
        assert!(!rows.is_empty());
        screenshot(&c, "05-mali.png").await;

        // Full-text search in the evidence, kept in the URL.
        let search = c
            .find(Locator::Css("#evidence input[name='q']"))
            .await
            .unwrap();
        search.send_keys("Wagner").await.unwrap();
        c.find(Locator::Css("#evidence button[type='submit']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_url(&c, "q=Wagner").await;
        let texts = js(&c, "return Array.from(document.querySelectorAll('#facts tbody tr td.fact')).map(td => td.textContent)").await;
        let texts = texts.as_array().unwrap();
        assert!(!texts.is_empty());
        assert!(
            texts
                .iter()
                .all(|t| t.as_str().unwrap().to_lowercase().contains("wagner")),
            "{texts:?}"
        );
        screenshot(&c, "06-mali-search-wagner.png").await;

        // Switching the period on the country page.
        c.find(Locator::Id("period"))
            .await
            .unwrap()
            .select_by_value("2024-07")
            .await
            .unwrap();
        wait_for_url(&c, "period=2024-07").await;
        let h1 = c
            .find(Locator::Css("#report-header h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(h1, "Geopolitics in Africa: Analysis for Mali (July '24)");

        // Following a View Source link reaches the article it cites.
        c.goto(&format!("{base}/country/ML?period=2023-03"))
            .await
            .unwrap();
        let link = c
            .find(Locator::Css("ol.citations li a[href]"))
            .await
            .unwrap();
        assert_eq!(
            link.attr("href").await.unwrap().as_deref(),
            Some(site.source_url.as_str())
        );
        link.click().await.unwrap();
        wait_for_url(&c, "/source/mali-russia-2023").await;
        assert_eq!(
            c.title().await.unwrap(),
            "Loopback Gazette: Mali signs defence pact with Russia"
        );
        screenshot(&c, "07-view-source.png").await;
    });
}

#[test]
fn injected_markup_stays_text_in_the_browser() {
    run(async |c, site| {
        let base = format!("http://{}", site.dashboard);
        for path in [
            "/country/ML?period=2023-05",
            "/?period=2023-05",
            "/country/ML?period=2023-05&q=script",
        ] {
            c.goto(&format!("{base}{path}")).await.unwrap();
            c.wait().for_element(Locator::Css("main")).await.unwrap();
            // Hover everything, so an onmouseover payload would have its chance.
            js(&c, "document.querySelectorAll('td, li, a').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))").await;
            let pwned = js(
                &c,
                "return window.__orbit_xss === undefined ? null : window.__orbit_xss",
            )
            .await;
            assert_eq!(pwned, Value::Null, "a payload ran on {path}");
            let imgs = js(
                &c,
                "return document.querySelectorAll('img, main script, b[onmouseover]').length",
            )
            .await;
            assert_eq!(imgs, 0, "no injected element on {path}");
        }
        let facts = js(&c, "return Array.from(document.querySelectorAll('#facts td.fact')).map(td => td.textContent).join('\\n')").await;
        assert!(
            facts
                .as_str()
                .unwrap()
                .contains("<script>window.__orbit_xss=3</script>"),
            "shown as text: {facts}"
        );
        screenshot(&c, "08-xss-as-text.png").await;
    });
}
