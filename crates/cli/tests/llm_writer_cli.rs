//! `orbit report --writer llm` end to end: the real binary and database, an
//! OpenAI-compatible server started by the test on 127.0.0.1 (the only address contacted).

mod common;
#[path = "../../report/tests/support/mock_llm.rs"]
mod mock_llm;

use common::Sandbox;
use mock_llm::{Canned, MockLlm};
use serde_json::Value;

fn llm_env(server: &MockLlm) -> Vec<(&str, &str)> {
    vec![
        ("ORBIT_LLM_URL", server.url.as_str()),
        ("ORBIT_LLM_MODEL", "test-model"),
        ("ORBIT_LLM_API_KEY", "test-key"),
    ]
}

const JULY: [&str; 4] = ["report", "ML", "--period", "2024-07"];

fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    JULY.iter().copied().chain(extra.iter().copied()).collect()
}

/// Runs orbit with the mock as its LLM and returns (stdout, stderr), failing on a non-zero exit.
fn run(sb: &Sandbox, server: &MockLlm, extra: &[&str]) -> (String, String) {
    let out = sb.orbit_env(&args(extra), &llm_env(server));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "orbit failed: {stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// An answer that cites, in each section, the facts orbit's own report cites there.
fn faithful_answer(deterministic: &Value) -> String {
    let citations = deterministic["citations"].as_array().unwrap();
    let mut out = String::new();
    for s in deterministic["sections"].as_array().unwrap() {
        let text = s["text"].as_str().unwrap();
        let ids: Vec<i64> = markers(text)
            .into_iter()
            .map(|n| citations[n - 1]["fact_id"].as_i64().unwrap())
            .collect();
        if ids.is_empty() {
            continue;
        }
        out += &format!("## {}\n\n", s["heading"].as_str().unwrap());
        for id in ids {
            out += &format!("A report from the period bears on this section [F{id}]. ");
        }
        out += "\n\n";
    }
    out
}

fn markers(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        rest = &rest[i + 1..];
        if let Some(j) = rest.find(']')
            && !rest[..j].is_empty()
            && rest[..j].bytes().all(|b| b.is_ascii_digit())
        {
            out.push(rest[..j].parse().unwrap());
        }
    }
    out
}

#[test]
fn the_llm_writer_needs_its_endpoint_configured() {
    let sb = Sandbox::new().with_demo_corpus();
    let out = sb.orbit_env(&args(&["--writer", "llm"]), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ORBIT_LLM_URL"), "{stderr}");
    let out = sb.orbit_env(
        &args(&["--writer", "llm"]),
        &[("ORBIT_LLM_URL", "ftp://x"), ("ORBIT_LLM_MODEL", "m")],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_accepted_answer_is_used_and_then_served_from_the_database() {
    let sb = Sandbox::new().with_demo_corpus();
    let deterministic = sb.json(&args(&["--format", "json"]));
    let server = MockLlm::start(vec![Canned::answer(&faithful_answer(&deterministic))]);

    let (first, _) = run(&sb, &server, &["--writer", "llm", "--format", "json"]);
    assert_eq!(server.request_count(), 1);
    let report: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(report["writer"]["used"], "llm", "{}", report["writer"]);
    assert_eq!(report["score"], deterministic["score"]);
    // Every citation is one of the facts supplied, about Mali, numbered 1..n by first use.
    let supplied: Vec<&Value> = deterministic["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["fact_id"])
        .collect();
    for (k, c) in report["citations"].as_array().unwrap().iter().enumerate() {
        assert_eq!(c["n"], k + 1);
        assert_eq!(c["country"], "ML");
        assert!(supplied.contains(&&c["fact_id"]));
    }
    let prompt = &server.requests()[0];
    assert!(prompt.contains("\"model\":\"test-model\""));

    // The same request again: answered from the database, no HTTP call, same bytes.
    let (second, _) = run(&sb, &server, &["--writer", "llm", "--format", "json"]);
    assert_eq!(
        server.request_count(),
        1,
        "the cached answer was fetched again"
    );
    assert_eq!(first, second);
    // Other formats of the same report use the same cached answer.
    let (md, _) = run(&sb, &server, &["--writer", "llm"]);
    assert_eq!(server.request_count(), 1);
    assert!(md.contains("_Written by the orbit LLM writer (test-model), checked by orbit._"));
    assert!(!md.contains("[F"));
}

#[test]
fn a_wrong_country_answer_is_retried_once_and_the_fallback_is_visible() {
    let sb = Sandbox::new().with_demo_corpus();
    let deterministic = sb.json(&args(&["--format", "json"]));
    // A fact about Burkina Faso, cited as Mali's evidence.
    let bf = sb.ok(&["facts", "--country", "BF", "--format", "jsonl"]);
    let bf_id = serde_json::from_str::<Value>(bf.lines().next().unwrap()).unwrap()["id"]
        .as_i64()
        .unwrap();
    let answer = faithful_answer(&deterministic).replacen(
        "## Summary\n\n",
        &format!("## Summary\n\nRussia sent instructors [F{bf_id}]. "),
        1,
    );
    let server = MockLlm::start(vec![Canned::answer(&answer)]);

    let (md, stderr) = run(&sb, &server, &["--writer", "llm"]);
    assert_eq!(server.request_count(), 2, "one answer and one retry");
    let expected = format!("[F{bf_id}] is not one of the facts supplied about Mali");
    assert!(
        md.contains(
            "> **Note: the LLM writer (test-model) was requested, but its text was not used"
        ),
        "{md}"
    );
    assert!(md.contains(&expected), "{md}");
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(md.contains("_Written by the orbit deterministic writer._"));
    // Apart from the note, the text is orbit's own.
    let plain = sb.ok(&JULY);
    let without_note: String = md
        .split("\n\n")
        .filter(|p| !p.starts_with("> **Note:"))
        .collect::<Vec<_>>()
        .join("\n\n");
    assert_eq!(without_note, plain);

    let (html, _) = run(&sb, &server, &["--writer", "llm", "--format", "html"]);
    assert!(html.contains(r#"<p class="note" role="note">Note: the LLM writer"#));
    let (json, _) = run(&sb, &server, &["--writer", "llm", "--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["writer"]["requested"], "llm");
    assert_eq!(report["writer"]["used"], "deterministic");
    assert!(
        report["writer"]["reason"]
            .as_str()
            .unwrap()
            .contains(&expected)
    );
    // Rejected answers are not cached: each run asked twice.
    assert_eq!(server.request_count(), 6);
}

#[test]
fn a_malformed_answer_falls_back_visibly_in_every_file_of_report_all() {
    let sb = Sandbox::new().with_demo_corpus();
    let server = MockLlm::start(vec![Canned::raw("<html>502 Bad Gateway</html>")]);
    let out = sb.orbit_env(
        &[
            "report", "--all", "--period", "2024-07", "--out", "july", "--writer", "llm",
        ],
        &llm_env(&server),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = sb.path("july");
    let md = std::fs::read_to_string(dir.join("ML.md")).unwrap();
    assert!(
        md.contains("its text was not used: attempt 2 of 2: the endpoint's answer is malformed"),
        "{md}"
    );
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("LLM text rejected"));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ML.json")).unwrap()).unwrap();
    assert_eq!(json["writer"]["used"], "deterministic");
}
