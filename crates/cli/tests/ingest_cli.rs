//! `orbit ingest`, `clean`, `facts` and `scores` through the real binary on real files.

mod common;

use common::{Sandbox, shared};

const GOOD_A: &str = r#"{"url":"https://example.org/a","title":"A","text":"On 6 July 2024, Niger expelled the French ambassador and signed a military cooperation agreement with Russia.","date":"2024-07-06","source":"Example Wire","extra":"ignored"}"#;
const GOOD_B: &str = r#"{"url":"https://example.org/b","text":"Le Mali a signé un accord de défense avec la Russie le 12 juin 2024.","published":"2024-06-12","lang":"fr"}"#;

#[test]
fn a_broken_line_is_named_and_skipped_and_the_rest_is_ingested() {
    let sb = Sandbox::new();
    let file = sb.write(
        "mixed.jsonl",
        format!("{GOOD_A}\n{{not json\n{GOOD_B}\n").as_bytes(),
    );
    let out = sb.orbit(&["ingest", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "exit 0 when something was ingested: {stderr}"
    );
    assert!(
        stderr.contains("mixed.jsonl:2"),
        "the bad line is named: {stderr}"
    );
    assert!(stderr.contains("2 new articles"), "summary: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let facts = sb.ok(&["facts", "--format", "jsonl"]);
    let countries: Vec<String> = facts
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["country"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        countries.contains(&"NE".to_string()) && countries.contains(&"ML".to_string()),
        "{countries:?}"
    );
}

#[test]
fn re_ingesting_the_same_articles_is_a_no_op() {
    let sb = Sandbox::new();
    let file = sb.write("a.jsonl", format!("{GOOD_A}\n{GOOD_B}\n").as_bytes());
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let before = sb.ok(&["facts", "--format", "jsonl"]);
    // Same text under another URL, and the same URL again: both duplicates.
    let copy = sb.write(
        "copy.jsonl",
        GOOD_A
            .replace("example.org/a", "mirror.example/x")
            .as_bytes(),
    );
    let out = sb.orbit(&["ingest", file.to_str().unwrap(), copy.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("0 new articles, 3 duplicates"), "{stderr}");
    assert_eq!(before, sb.ok(&["facts", "--format", "jsonl"]));
}

#[test]
fn binary_and_empty_files_give_one_clear_line_each() {
    let sb = Sandbox::new();
    let bin = sb.write("blob.txt", &[0u8, 159, 146, 150, 0, 1, 2, 3]);
    let empty = sb.write("empty.jsonl", b"");
    for (path, word) in [(bin, "blob.txt"), (empty, "empty.jsonl")] {
        let out = sb.orbit(&["ingest", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "nothing ingested → exit 1: {stderr}"
        );
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(word)).collect();
        assert_eq!(errors.len(), 1, "one line names the file: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("backtrace"),
            "{stderr}"
        );
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    use std::io::Write;
    let sb = Sandbox::new();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_orbit"))
        .arg("--db")
        .arg(sb.db())
        .args(["ingest", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{GOOD_A}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        sb.ok(&["facts", "--country", "Niger"])
            .contains("ambassador")
    );
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let sb = Sandbox::new();
    let out = sb.orbit(&["report", "Atlantis"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown country 'Atlantis'"));
    let out = sb.orbit(&["scores", "--period", "June"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a period"));
}

#[test]
fn scores_cover_periods_in_every_format() {
    let sb = Sandbox::new();
    let file = sb.write("a.jsonl", format!("{GOOD_A}\n{GOOD_B}\n").as_bytes());
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let july = sb.json(&["scores", "--period", "2024-07", "--format", "json"]);
    let rows = july.as_array().unwrap();
    assert_eq!(rows.len(), 1, "only Niger has July evidence: {july}");
    assert_eq!(rows[0]["country"], "NE");
    assert!(rows[0]["score"].as_u64().unwrap() >= 4);
    for key in [
        "index",
        "confidence",
        "n_facts",
        "n_sources",
        "drivers",
        "counter_evidence",
        "powers",
        "categories",
    ] {
        assert!(rows[0].get(key).is_some(), "scores JSON lacks {key}");
    }
    let series = sb.json(&[
        "scores",
        "--country",
        "ML",
        "--by",
        "month",
        "--from",
        "2024-05",
        "--to",
        "2024-07",
        "--format",
        "json",
    ]);
    let keys: Vec<&str> = series
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["period"]["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["2024-05", "2024-06", "2024-07"]);
    assert!(
        series[0]["score"].is_null(),
        "no evidence in May → null score"
    );
    assert!(series[1]["score"].as_u64().is_some());
    let csv = sb.ok(&["scores", "--format", "csv"]);
    assert!(csv.starts_with("country,name,period,score"));
    let table = sb.ok(&["scores"]);
    assert!(table.contains("Niger") && table.contains("Mali"));
}

#[test]
fn clean_shows_what_orbit_reads() {
    let Some(shared) = shared() else { return };
    let sb = Sandbox::new();
    let seed = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("004"))
        .unwrap();
    let out = sb.ok(&["clean", "--format", "json", seed.to_str().unwrap()]);
    let doc: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    for key in ["path", "title", "published", "lang", "text"] {
        assert!(doc.get(key).is_some(), "clean JSON lacks {key}");
    }
    assert_eq!(doc["published"], "2024-11-09");
    assert_eq!(doc["lang"], "en");
}

#[test]
fn facts_export_as_csv_with_a_header() {
    let sb = Sandbox::new();
    let file = sb.write("a.jsonl", GOOD_A.as_bytes());
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let csv = sb.ok(&["facts", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id,article_id,url,source,published,event_date,country")
    );
    assert!(lines.next().unwrap().contains(",NE,"));
}

#[test]
fn facts_export_as_plover_events_with_iso3_codes() {
    let sb = Sandbox::new();
    let file = sb.write("a.jsonl", GOOD_A.as_bytes());
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let out = sb.ok(&["facts", "--format", "plover"]);
    let events: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!events.is_empty());
    let expel = events
        .iter()
        .find(|e| e["recipient_country"] == "FRA")
        .expect("the expulsion of France's ambassador");
    assert_eq!(expel["actor_country"], "NER");
    assert_eq!(expel["event_type"], "COERCE");
    assert_eq!(expel["date"], "2024-07-06");
    assert_eq!(expel["source_url"], "https://example.org/a");
    assert!(expel["sentence"].as_str().unwrap().contains("expelled"));
}

#[test]
fn plover_events_name_the_power_as_actor_when_it_acts_on_the_country() {
    let sb = Sandbox::new();
    let file = sb.write(
        "sanction.jsonl",
        br#"{"url":"https://example.org/s","title":"Sanctions","published":"2024-03-01","text":"On 1 March 2024, the United States imposed sanctions on Sudan over the war."}
"#,
    );
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let out = sb.ok(&["facts", "--format", "plover"]);
    let event: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(event["event_type"], "SANCTION");
    assert_eq!(event["actor_country"], "USA");
    assert_eq!(event["recipient_country"], "SDN");
    assert_eq!(event["country"], "SD");
    let csv = sb.ok(&["facts", "--format", "csv"]);
    assert!(csv.lines().next().unwrap().ends_with(",lang,actor"));
    assert!(csv.lines().nth(1).unwrap().ends_with(",counterpart"));
}

#[test]
fn demo_loads_the_bundled_corpus_and_writes_reports() {
    let sb = Sandbox::new();
    let out = sb.ok(&["demo", "--dir", "demo"]);
    assert!(out.contains("Mali"), "{out}");
    let reports = sb.path("demo/reports");
    for f in ["index.md", "ML.md", "ML.html", "ML.json", "NE.json"] {
        assert!(reports.join(f).exists(), "demo did not write {f}");
    }
    // Running it again starts from a fresh database and gives the same table.
    assert_eq!(out, sb.ok(&["demo", "--dir", "demo"]));
}

/// Runs `orbit ARGS` with its stdout a pipe whose reader has already gone, as in
/// `orbit demo | head -0`.
fn run_into_closed_pipe(sb: &Sandbox, args: &[&str]) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_orbit"))
        .current_dir(sb.dir.path())
        .env_remove("ORBIT_DATA")
        .arg("--db")
        .arg(sb.db())
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_reader_closing_the_pipe_ends_orbit_quietly() {
    let sb = Sandbox::new().with_demo_corpus();
    for args in [
        &["demo", "--dir", "demo"][..],
        &["facts", "--format", "jsonl"],
        &["report", "ML"],
    ] {
        let out = run_into_closed_pipe(&sb, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
    }
}
