//! `orbit watch` through the real binary against a real HTTP server on 127.0.0.1: cycles,
//! repeated items, alerts (stdout, JSON file, webhook), and being killed mid-cycle.

mod common;
#[path = "../../fetch/tests/server/mod.rs"]
mod server;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Sandbox;
use server::{Reply, Server};

const NET: &[&str] = &["--allow-private", "--delay", "0", "--timeout", "5s"];

fn bare_page(text: &str) -> String {
    format!("<html><body><article><p>{text}</p></article></body></html>")
}

/// Serves `articles` as pages `/{prefix}{i}` and a feed of them at `/{prefix}.xml`.
fn serve_feed(s: &Server, prefix: &str, articles: &[(&str, &str)], delay: Duration) {
    let mut items = String::new();
    for (i, (date, text)) in articles.iter().enumerate() {
        let path = format!("/{prefix}{i}");
        s.route(&path, vec![Reply::html(&bare_page(text)).delay(delay)]);
        items += &format!(
            "<item><title>{prefix} {i}</title><link>{}</link><pubDate>{date}</pubDate></item>",
            s.url(&path)
        );
    }
    s.route(
        &format!("/{prefix}.xml"),
        vec![Reply::rss(&format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{prefix}</title>{items}</channel></rss>"
        ))],
    );
}

fn sources_file(sb: &Sandbox, s: &Server, feeds: &[&str], alerts: &str) -> String {
    let mut text = alerts.to_string();
    for feed in feeds {
        text += &format!(
            "\n[[source]]\nname = \"{feed} wire\"\nurl = \"{}\"\nlang = \"en\"\ntags = [\"test\"]\n",
            s.url(&format!("/{feed}.xml"))
        );
    }
    sb.write("sources.toml", text.as_bytes());
    sb.path("sources.toml").display().to_string()
}

fn watch(sb: &Sandbox, sources: &str, extra: &[&str]) -> (String, String) {
    let mut args = vec!["watch", "--sources", sources, "--period", "2024-06"];
    args.extend_from_slice(extra);
    args.extend_from_slice(NET);
    let out = sb.orbit(&args);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "watch failed:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    (stdout, stderr)
}

/// Articles, distinct URLs, facts, and SQLite's own integrity verdict.
fn db_state(db: &Path) -> (i64, i64, i64, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let q = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    (
        q("SELECT COUNT(*) FROM articles"),
        q("SELECT COUNT(DISTINCT url) FROM articles"),
        q("SELECT COUNT(*) FROM facts"),
        integrity,
    )
}

const TOWARD_RUSSIA: &[(&str, &str)] = &[
    (
        "Mon, 10 Jun 2024 08:00:00 GMT",
        "Mali signed a military cooperation agreement with Russia in Bamako.",
    ),
    (
        "Tue, 11 Jun 2024 08:00:00 GMT",
        "Mali expelled the French ambassador from Bamako.",
    ),
];

const TOWARD_WEST: &[(&str, &str)] = &[
    (
        "Wed, 12 Jun 2024 08:00:00 GMT",
        "Mali signed a security agreement with the United States in Washington.",
    ),
    (
        "Thu, 13 Jun 2024 08:00:00 GMT",
        "Mali and the European Union signed an economic partnership agreement in Brussels.",
    ),
    (
        "Fri, 14 Jun 2024 08:00:00 GMT",
        "Mali and France agreed to restore military cooperation in Paris.",
    ),
    (
        "Sat, 15 Jun 2024 08:00:00 GMT",
        "Mali expelled Russian diplomats from Bamako and condemned the Wagner group.",
    ),
    (
        "Sun, 16 Jun 2024 08:00:00 GMT",
        "Mali received military aid from the United States.",
    ),
    (
        "Mon, 17 Jun 2024 08:00:00 GMT",
        "The United States and Mali signed a defence cooperation agreement in Bamako.",
    ),
];

#[test]
fn cycles_store_repeated_feed_items_once() {
    let s = Server::start();
    serve_feed(&s, "wire", TOWARD_RUSSIA, Duration::ZERO);
    let sb = Sandbox::new();
    let sources = sources_file(&sb, &s, &["wire"], "");
    let (_, stderr) = watch(&sb, &sources, &["--cycles", "2", "--every", "1s"]);
    assert!(
        stderr.contains("cycle 1: 1 sources (0 unchanged, 0 failed): 2 new articles"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "cycle 2: 1 sources (0 unchanged, 0 failed): 0 new articles, 2 already stored"
        ),
        "{stderr}"
    );
    assert_eq!(s.hits("/wire0"), 1, "a stored item is not fetched again");
    // The feed grows and repeats the old items.
    let mut more = TOWARD_RUSSIA.to_vec();
    more.push((
        "Tue, 18 Jun 2024 08:00:00 GMT",
        "Burkina Faso and Russia signed a nuclear energy agreement.",
    ));
    serve_feed(&s, "wire", &more, Duration::ZERO);
    let (_, stderr) = watch(&sb, &sources, &["--once"]);
    assert!(
        stderr.contains("1 new articles, 2 already stored"),
        "{stderr}"
    );
    let (articles, urls, _, integrity) = db_state(&sb.db());
    assert_eq!((articles, urls, integrity.as_str()), (3, 3, "ok"));
    let facts = sb.ok(&["facts", "--format", "jsonl"]);
    assert!(
        facts.contains("\"source\":\"wire wire\""),
        "the source's name: {facts}"
    );
}

#[test]
fn an_alert_is_raised_when_new_articles_move_a_score() {
    let s = Server::start();
    s.route("/hook", vec![Reply::new(204, "text/plain", "")]);
    serve_feed(&s, "mali", TOWARD_RUSSIA, Duration::ZERO);
    let sb = Sandbox::new();
    let alerts = format!(
        "[alerts]\nfile = \"alerts.jsonl\"\nwebhook = \"{}\"\n",
        s.url("/hook")
    );
    let sources = sources_file(&sb, &s, &["mali"], &alerts);
    let (stdout, stderr) = watch(&sb, &sources, &["--once"]);
    assert!(stdout.is_empty(), "no alert on first evidence: {stdout}");
    assert!(
        stderr.contains("1 countries rescored, 0 alerts"),
        "{stderr}"
    );

    // The feed gains articles that pull Mali toward the West.
    let mut all = TOWARD_RUSSIA.to_vec();
    all.extend_from_slice(TOWARD_WEST);
    serve_feed(&s, "mali", &all, Duration::ZERO);
    let (stdout, stderr) = watch(&sb, &sources, &["--once"]);
    assert!(stderr.contains("6 new articles"), "{stderr}");
    let alert_lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("alert: Mali (ML) 2024-06: score 5 → "))
        .collect();
    assert_eq!(alert_lines.len(), 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let file = std::fs::read_to_string(sb.path("alerts.jsonl")).unwrap();
    let alert: serde_json::Value = serde_json::from_str(file.lines().next().unwrap()).unwrap();
    assert_eq!(alert["country"], "ML");
    assert_eq!(alert["period"], "2024-06");
    assert_eq!(alert["from"], 5);
    assert!(alert["to"].as_u64().unwrap() <= 3, "{alert}");
    let posted = s
        .seen()
        .into_iter()
        .find(|r| r.path == "/hook")
        .expect("webhook POSTed");
    assert_eq!(posted.method, "POST");
    let posted: serde_json::Value = serde_json::from_slice(&posted.body).unwrap();
    assert_eq!(posted["country"], "ML");

    // Nothing new: no new alert.
    let (stdout, _) = watch(&sb, &sources, &["--once"]);
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn watch_survives_being_killed_mid_cycle() {
    let s = Server::start();
    serve_feed(&s, "fast", TOWARD_RUSSIA, Duration::ZERO);
    // The second feed's pages take long: the kill lands while they are being fetched.
    serve_feed(&s, "slow", TOWARD_WEST, Duration::from_secs(3));
    let sb = Sandbox::new();
    let sources = sources_file(&sb, &s, &["fast", "slow"], "");
    let mut child = Command::new(env!("CARGO_BIN_EXE_orbit"))
        .current_dir(sb.dir.path())
        .arg("--db")
        .arg(sb.db())
        .args([
            "watch",
            "--sources",
            &sources,
            "--period",
            "2024-06",
            "--every",
            "1s",
        ])
        .args(NET)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait (bounded) for the first feed's articles to be committed, then for the slow
    // pages to be requested, and kill -9.
    let deadline = Instant::now() + Duration::from_secs(60);
    let stored = |db: &Path| -> i64 {
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    while Instant::now() < deadline && !(stored(&sb.db()) >= 2 && s.hits("/slow0") > 0) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        Instant::now() < deadline,
        "watch never got to the slow feed"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let (articles, urls, facts, integrity) = db_state(&sb.db());
    assert_eq!(integrity, "ok");
    assert_eq!(
        (articles, urls),
        (2, 2),
        "the first feed's articles survived"
    );
    assert!(facts >= 2);

    // Restarted, with a server that answers at once: everything, and each article once.
    serve_feed(&s, "slow", TOWARD_WEST, Duration::ZERO);
    let (_, stderr) = watch(&sb, &sources, &["--once"]);
    assert!(
        stderr.contains("6 new articles, 2 already stored"),
        "{stderr}"
    );
    let (articles, urls, _, integrity) = db_state(&sb.db());
    assert_eq!((articles, urls, integrity.as_str()), (8, 8, "ok"));
}

#[test]
fn a_bad_sources_file_names_the_entry() {
    let sb = Sandbox::new();
    sb.write(
        "sources.toml",
        b"[[source]]\nname = \"RFI\"\nurl = \"https://www.rfi.fr/fr/afrique/rss\"\n\n[[source]]\nname = \"Oops\"\nurl = \"ftp://example.org/feed\"\n",
    );
    let out = sb.orbit(&["watch", "--sources", "sources.toml", "--once"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("source 2 (\"Oops\")"), "{stderr}");
    assert!(stderr.contains("not an http(s) URL"), "{stderr}");
}

#[test]
fn the_bundled_sources_file_is_valid() {
    // Parsed and checked only: its real outlets are never fetched by tests.
    let sb = Sandbox::new();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources.toml");
    let out = sb.orbit(&[
        "watch",
        "--sources",
        bundled.to_str().unwrap(),
        "--tag",
        "no-such-tag",
        "--once",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("lists no enabled [[source]] with those tags"),
        "{stderr}"
    );
}
