//! `orbit ingest --url`, `--gdelt` and `.pdf` through the real binary, against a real HTTP
//! server on 127.0.0.1 started by each test. No test reaches any other address.

mod common;
#[path = "../../fetch/tests/server/mod.rs"]
mod server;

use std::io::Write;
use std::time::Duration;

use common::Sandbox;
use serde_json::Value;
use server::{Reply, Server};

/// Loopback needs --allow-private; no politeness delay and short timeouts keep tests fast.
const NET: &[&str] = &["--allow-private", "--delay", "0", "--timeout", "2s"];

fn page(title: &str, date: Option<&str>, text: &str) -> String {
    let meta = date.map_or(String::new(), |d| {
        format!("<meta property=\"article:published_time\" content=\"{d}\">")
    });
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><nav>Home | World</nav>\
         <article><h1>{title}</h1><p>{text}</p></article><footer>Share this</footer></body></html>"
    )
}

/// A page with neither a title nor a date: the feed item's are used.
fn bare_page(text: &str) -> String {
    format!("<html><body><article><p>{text}</p></article></body></html>")
}

fn rss(s: &Server, items: &[(&str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(path, title, date)| {
            format!(
                "<item><title>{title}</title><link>{}</link><pubDate>{date}</pubDate></item>",
                s.url(path)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
         <title>Sahel Wire</title>{items}</channel></rss>"
    )
}

fn ingest(sb: &Sandbox, args: &[&str]) -> (bool, String) {
    let mut all = vec!["ingest"];
    all.extend_from_slice(args);
    all.extend_from_slice(NET);
    let out = sb.orbit(&all);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.success(), stderr)
}

fn facts(sb: &Sandbox) -> Vec<Value> {
    sb.ok(&["facts", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn fact_about<'a>(facts: &'a [Value], needle: &str) -> &'a Value {
    facts
        .iter()
        .find(|f| f["text"].as_str().unwrap_or("").contains(needle))
        .unwrap_or_else(|| panic!("no fact with {needle:?} in {facts:#?}"))
}

const NIGER_RU: &str = "Niger signed a military cooperation agreement with Russia in Niamey.";
const MALI_FR: &str = "Mali expelled the French ambassador from Bamako.";

#[test]
fn a_feed_on_loopback_ingests_its_items_articles_with_their_dates_and_a_rerun_adds_nothing() {
    let s = Server::start();
    s.route("/a", vec![Reply::html(&bare_page(NIGER_RU))]);
    s.route(
        "/b",
        vec![Reply::html(&page(
            "Mali expels",
            Some("2024-06-20T10:00:00Z"),
            MALI_FR,
        ))],
    );
    s.route(
        "/feed.xml",
        vec![
            Reply::rss(&rss(
                &s,
                &[
                    (
                        "/a",
                        "Niger and Russia sign",
                        "Wed, 12 Jun 2024 08:00:00 GMT",
                    ),
                    // The page's own date wins over the item's.
                    ("/b", "Mali expels envoy", "Sat, 22 Jun 2024 09:00:00 GMT"),
                ],
            ))
            .with_etag("\"feed-v1\""),
        ],
    );
    let sb = Sandbox::new();
    let feed = s.url("/feed.xml");
    let (ok, stderr) = ingest(&sb, &["--url", &feed]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("2 new articles"), "{stderr}");
    assert!(stderr.contains("feed \"Sahel Wire\", 2 items"), "{stderr}");
    let got = facts(&sb);
    let niger = fact_about(&got, "Niamey");
    assert_eq!(niger["country"], "NE");
    assert_eq!(niger["url"], s.url("/a"));
    assert_eq!(niger["published"], "2024-06-12", "the item's date: {niger}");
    let mali = fact_about(&got, "French ambassador");
    assert_eq!(mali["published"], "2024-06-20", "the page's date: {mali}");

    // Again: the feed answers 304, no article page is fetched, nothing is stored twice.
    let (ok, stderr) = ingest(&sb, &["--url", &feed]);
    assert!(ok, "a run with nothing new is not a failure: {stderr}");
    assert!(stderr.contains("not modified"), "{stderr}");
    assert!(stderr.contains("0 new articles"), "{stderr}");
    assert_eq!(s.hits("/a"), 1);
    assert_eq!(facts(&sb).len(), got.len());

    // The feed changes but repeats its items: only the new item is fetched.
    s.route(
        "/c",
        vec![Reply::html(&bare_page(
            "Burkina Faso and Russia signed a nuclear energy agreement.",
        ))],
    );
    s.route(
        "/feed.xml",
        vec![Reply::rss(&rss(
            &s,
            &[
                ("/c", "Burkina", "Mon, 24 Jun 2024 08:00:00 GMT"),
                (
                    "/a",
                    "Niger and Russia sign",
                    "Wed, 12 Jun 2024 08:00:00 GMT",
                ),
                ("/b", "Mali expels envoy", "Sat, 22 Jun 2024 09:00:00 GMT"),
            ],
        ))],
    );
    let (ok, stderr) = ingest(&sb, &["--url", &feed]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("1 new articles, 2 already stored"),
        "{stderr}"
    );
    assert_eq!((s.hits("/a"), s.hits("/b"), s.hits("/c")), (1, 1, 1));
    let user_agent = &s.seen()[0].headers["user-agent"];
    assert!(user_agent.starts_with("orbit/"), "{user_agent}");
}

#[test]
fn each_failure_gives_one_clear_line_and_loses_nothing_else() {
    let s = Server::start();
    s.route("/ok", vec![Reply::html(&bare_page(NIGER_RU))]);
    s.route("/old", vec![Reply::redirect("/moved")]);
    s.route("/moved", vec![Reply::html(&bare_page(MALI_FR))]);
    s.route(
        "/flaky",
        vec![
            Reply::status(500),
            Reply::html(&bare_page(
                "Burkina Faso and Russia signed a nuclear energy agreement.",
            )),
        ],
    );
    s.route(
        "/slow",
        vec![
            Reply::html(&bare_page("Chad expelled the French troops."))
                .delay(Duration::from_secs(5)),
        ],
    );
    s.route(
        "/huge",
        vec![Reply::html(&"<p>padding</p>".repeat(1_000_000))],
    );
    // Windows-1252, declared only in a meta tag: "Le Mali a renforcé sa coopération militaire
    // avec la Russie à Bamako."
    s.route(
        "/fr",
        vec![Reply::new(
            200,
            "text/html",
            b"<html><head><meta charset=\"windows-1252\"></head><body><article><p>Le Mali a \
              renforc\xe9 sa coop\xe9ration militaire avec la Russie \xe0 Bamako.</p></article>\
              </body></html>"
                .to_vec(),
        )],
    );
    let date = "Wed, 12 Jun 2024 08:00:00 GMT";
    let paths = ["/ok", "/old", "/missing", "/flaky", "/slow", "/huge", "/fr"];
    let items: Vec<(&str, &str, &str)> = paths.iter().map(|p| (*p, *p, date)).collect();
    s.route("/feed.xml", vec![Reply::rss(&rss(&s, &items))]);
    let sb = Sandbox::new();
    let (ok, stderr) = ingest(&sb, &["--url", &s.url("/feed.xml")]);
    assert!(ok, "{stderr}");
    let lines_about = |path: &str| {
        stderr
            .lines()
            .filter(|l| l.contains(&s.url(path)) && l.ends_with("; skipped"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        lines_about("/missing"),
        [format!(
            "orbit: {}: HTTP 404 Not Found; skipped",
            s.url("/missing")
        )]
    );
    assert_eq!(
        lines_about("/slow"),
        [format!(
            "orbit: {}: timed out after 2 s; skipped",
            s.url("/slow")
        )]
    );
    assert_eq!(
        lines_about("/huge"),
        [format!(
            "orbit: {}: response larger than 10485760 bytes; not read; skipped",
            s.url("/huge")
        )]
    );
    assert!(
        stderr.contains("4 new articles, 0 already stored, 3 failed"),
        "{stderr}"
    );
    let got = facts(&sb);
    fact_about(&got, "Niamey");
    fact_about(&got, "French ambassador");
    fact_about(&got, "nuclear energy");
    let fr = fact_about(&got, "coopération militaire");
    assert!(fr["text"].as_str().unwrap().contains("renforcé"), "{fr}");
    assert_eq!(fr["country"], "ML");
    assert_eq!(s.hits("/flaky"), 2, "retried once after the 500");
}

#[test]
fn a_malformed_feed_is_one_line_and_the_other_urls_are_read() {
    let s = Server::start();
    s.route(
        "/broken.xml",
        vec![Reply::rss(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>cut",
        )],
    );
    s.route("/page", vec![Reply::html(&bare_page(NIGER_RU))]);
    let sb = Sandbox::new();
    let (ok, stderr) = ingest(&sb, &["--url", &s.url("/broken.xml"), &s.url("/page")]);
    assert!(ok, "{stderr}");
    let bad: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("/broken.xml"))
        .collect();
    assert_eq!(bad.len(), 2, "the error, and the URL's summary: {stderr}");
    assert!(
        bad[0].starts_with(&format!(
            "orbit: {}: not a valid RSS/Atom feed",
            s.url("/broken.xml")
        )),
        "{stderr}"
    );
    assert!(stderr.contains("orbit: ingest: 1 new articles"), "{stderr}");
}

#[test]
fn robots_txt_is_respected_by_default() {
    let s = Server::start();
    s.route(
        "/robots.txt",
        vec![Reply::new(
            200,
            "text/plain",
            "User-agent: *\nDisallow: /private/\n",
        )],
    );
    s.route("/private/a", vec![Reply::html(&bare_page(NIGER_RU))]);
    let sb = Sandbox::new();
    let (ok, stderr) = ingest(&sb, &["--url", &s.url("/private/a")]);
    assert!(!ok, "nothing ingested: {stderr}");
    assert!(stderr.contains("disallowed by"), "{stderr}");
    assert_eq!(s.hits("/private/a"), 0);
    let (ok, stderr) = ingest(&sb, &["--url", &s.url("/private/a"), "--ignore-robots"]);
    assert!(ok, "{stderr}");
}

#[test]
fn loopback_addresses_are_refused_without_allow_private() {
    let s = Server::start();
    s.route("/a", vec![Reply::html(&bare_page(NIGER_RU))]);
    let sb = Sandbox::new();
    let out = sb.orbit(&[
        "ingest",
        "--url",
        &s.url("/a"),
        &format!("http://localhost:{}/a", s.addr.port()),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let refusals: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("--allow-private"))
        .collect();
    assert_eq!(refusals.len(), 2, "{stderr}");
    assert!(
        refusals[0].contains("127.0.0.1 is a loopback address"),
        "{stderr}"
    );
    assert!(refusals[1].contains("localhost"), "{stderr}");
    assert!(s.seen().is_empty(), "no request reached the server");
    let out = sb.orbit(&["ingest", "--url", "file:///etc/hostname"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not an http(s) URL"), "{stderr}");
}

// ---- GDELT ----------------------------------------------------------------------------------

/// One GDELT 2.0 Events row in the real 61-column layout (synthetic content).
fn gdelt_event(
    id: u64,
    date: &str,
    a1: (&str, &str),
    a2: (&str, &str),
    code: &str,
    url: &str,
) -> String {
    let mut c = vec![String::new(); 61];
    c[0] = id.to_string();
    c[1] = date.into();
    c[2] = date[..6].into();
    c[3] = date[..4].into();
    c[4] = "2024.4500".into();
    c[5] = a1.0.into();
    c[6] = a1.1.into();
    c[7] = a1.0.into();
    c[15] = a2.0.into();
    c[16] = a2.1.into();
    c[17] = a2.0.into();
    c[25] = "1".into();
    c[26] = code.into();
    c[27] = code[..code.len().min(3)].into();
    c[28] = code[..2].into();
    c[29] = "1".into();
    c[30] = "3.0".into();
    c[31] = "10".into();
    c[32] = "2".into();
    c[33] = "10".into();
    c[34] = "1.5".into();
    c[59] = format!("{date}093000");
    c[60] = url.into();
    c.join("\t")
}

fn gdelt_file(s: &Server) -> String {
    [
        gdelt_event(
            1001,
            "20240612",
            ("MLI", "MALI"),
            ("RUS", "RUSSIA"),
            "057",
            &s.url("/g1"),
        ),
        gdelt_event(
            1002,
            "20240613",
            ("FRA", "FRANCE"),
            ("NER", "NIGER"),
            "166",
            &s.url("/g2"),
        ),
        gdelt_event(
            1003,
            "20240614",
            ("MLI", "MALI"),
            ("NER", "NIGER"),
            "042",
            &s.url("/g3"),
        ),
        gdelt_event(
            1004,
            "20240615",
            ("USA", "UNITED STATES"),
            ("CHN", "CHINA"),
            "036",
            &s.url("/g4"),
        ),
        "1005\t20240616\ttoo few columns".to_string(),
        gdelt_event(
            1006,
            "20240617",
            ("BFA", "BURKINA FASO"),
            ("USA", "UNITED STATES"),
            "1123",
            &s.url("/g6"),
        ),
    ]
    .join("\n")
        + "\n"
}

#[test]
fn a_gdelt_events_file_ingests_its_african_events_as_facts() {
    let s = Server::start();
    let sb = Sandbox::new();
    let file = sb.write("20240612.export.CSV", gdelt_file(&s).as_bytes());
    let (ok, stderr) = ingest(&sb, &["--gdelt", file.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}:5: 3 columns where this Events file has 61; row skipped",
            file.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("5 GDELT rows, 4 about African states; 3 events with a foreign power (3 new"),
        "{stderr}"
    );
    let got = facts(&sb);
    assert_eq!(got.len(), 3, "{got:#?}");
    let mali = fact_about(&got, "GDELT event 1001");
    assert_eq!(mali["country"], "ML");
    assert_eq!(mali["counterpart"], "RU");
    assert_eq!(mali["direction"], "toward_russia");
    assert_eq!(mali["event_type"], "AGREE");
    assert_eq!(mali["event_date"], "2024-06-12");
    assert_eq!(mali["url"], format!("{}#gdelt-event-1001", s.url("/g1")));
    let niger = fact_about(&got, "GDELT event 1002");
    assert_eq!(
        (niger["country"].as_str(), niger["counterpart"].as_str()),
        (Some("NE"), Some("FR"))
    );
    assert_eq!(niger["event_type"], "RETREAT");
    assert_eq!(
        niger["direction"], "toward_russia",
        "a break with France: {niger}"
    );
    let burkina = fact_about(&got, "GDELT event 1006");
    assert_eq!(
        burkina["direction"], "toward_russia",
        "accusing the US: {burkina}"
    );
    assert!(s.seen().is_empty(), "coded events need no fetching");

    // Zipped, as GDELT publishes them: the same events, already stored.
    let zipped = sb.path("20240612.export.CSV.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zipped).unwrap());
    zip.start_file(
        "20240612.export.CSV",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(gdelt_file(&s).as_bytes()).unwrap();
    zip.finish().unwrap();
    let (ok, stderr) = ingest(&sb, &["--gdelt", zipped.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("(0 new, 3 already stored)"), "{stderr}");
}

#[test]
fn gdelt_with_fetch_reads_the_source_articles_of_african_rows() {
    let s = Server::start();
    s.route(
        "/g1",
        vec![Reply::html(&bare_page(
            "Mali signed a military cooperation agreement with Russia in Bamako.",
        ))],
    );
    s.route(
        "/g2",
        vec![Reply::html(&bare_page(
            "Niger expelled the French troops from Niamey.",
        ))],
    );
    s.route("/g6", vec![Reply::status(404)]);
    let sb = Sandbox::new();
    let file = sb.write("events.csv", gdelt_file(&s).as_bytes());
    let (ok, stderr) = ingest(&sb, &["--gdelt", file.to_str().unwrap(), "--fetch"]);
    assert!(ok, "{stderr}");
    // Rows 1, 2, 3 and 6 are about Africa; /g3 and /g6 are missing.
    assert!(
        stderr.contains("4 source articles about African states to read"),
        "{stderr}"
    );
    assert!(stderr.contains("orbit: ingest: 2 new articles"), "{stderr}");
    assert_eq!(s.hits("/g4"), 0, "not about Africa");
    let got = facts(&sb);
    let mali = fact_about(&got, "Bamako");
    assert_eq!(
        mali["published"], "2024-06-12",
        "DATEADDED stands in for the page's date"
    );
}

// ---- PDF ------------------------------------------------------------------------------------

/// A two-page PDF (Helvetica, one line of text per page), built byte by byte.
fn two_page_pdf(page1: &str, page2: &str) -> Vec<u8> {
    let content = |text: &str| format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let (c1, c2) = (content(page1), content(page2));
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{c1}\nendstream", c1.len()),
        format!("<< /Length {} >>\nstream\n{c2}\nendstream", c2.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn a_pdf_ingests_end_to_end_with_its_page_numbers_recoverable() {
    let sb = Sandbox::new();
    let pdf = sb.write(
        "report.pdf",
        &two_page_pdf(
            "Sahel Security Brief, June 2024.",
            "Mali signed a military cooperation agreement with Russia in Bamako on 12 June 2024.",
        ),
    );
    let out = sb.ok(&["clean", pdf.to_str().unwrap(), "--format", "json"]);
    assert!(out.contains("⟨page 2⟩ Mali signed"), "{out}");
    let (ok, stderr) = ingest(&sb, &[pdf.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let got = facts(&sb);
    let mali = fact_about(&got, "military cooperation agreement");
    assert_eq!(mali["country"], "ML");
    assert_eq!(mali["event_date"], "2024-06-12");
    // The span leads back to page 2 of the stored text.
    let text: Value = serde_json::from_str(&out).unwrap();
    let text = text.as_array().map_or(&text, |a| &a[0])["text"]
        .as_str()
        .unwrap()
        .to_string();
    let start = mali["span"][0].as_u64().unwrap() as usize;
    assert_eq!(orbit_ingest::pdf::page_at(&text, start), 2);

    let broken = sb.write("broken.pdf", b"%PDF-1.4\n1 0 obj << garbage");
    let (ok, stderr) = ingest(&sb, &[broken.to_str().unwrap()]);
    assert!(!ok);
    assert_eq!(
        stderr.lines().filter(|l| l.contains("broken.pdf")).count(),
        1,
        "{stderr}"
    );
}
