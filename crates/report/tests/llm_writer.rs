//! The optional LLM writer, against an OpenAI-compatible server the test starts on
//! 127.0.0.1: an answer that cites correctly is used; one that cites another country's fact,
//! or nothing, or is not an answer at all, is asked for once more and then replaced by the
//! deterministic text, visibly; an accepted answer is cached by prompt hash.
//!
//! The input is `fixtures/mali_2024_06.json`, whose fact 109 is about Burkina Faso (seed 000's
//! citation 4, cited as Mali's evidence by the original).

#[path = "support/mock_llm.rs"]
mod mock_llm;

use std::time::Duration;

use mock_llm::{Canned, MockLlm};
use orbit_core::{Fact, Gazetteer, Period};
use orbit_report::llm::{LlmConfig, LlmWriter, MemoryCache};
use orbit_report::{Report, WriterKind, build_report};
use orbit_score::Scorer;

fn fixture(name: &str) -> Vec<Fact> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// June 2024 with May as the previous period, scored as the CLI does.
fn mali_june() -> Report {
    let facts = fixture("mali_2024_06.json");
    let may = fixture("mali_2024_05.json");
    let gazetteer = Gazetteer::load(None).unwrap();
    let scorer = Scorer::load(None).unwrap();
    let period = Period::parse("2024-06").unwrap();
    let may_period = Period::parse("2024-05").unwrap();
    let own: Vec<Fact> = facts
        .iter()
        .filter(|f| f.country == "ML")
        .cloned()
        .collect();
    let score = scorer.score("ML", "Mali", &period, &own, Some((&may_period, &may)));
    build_report(&score, &facts, &scorer, &gazetteer, &period)
}

fn writer(server: &MockLlm) -> LlmWriter {
    let mut config = LlmConfig::new(&server.url, "test-model");
    config.timeout = Duration::from_secs(10);
    LlmWriter::new(config).unwrap()
}

/// What a good model writes: every section that cites facts, every sentence cited.
const GOOD: &str = "## Summary

Russia's Africa Corps reinforced its presence in Bamako with instructors and air defences [F101]. \
The authorities also refused France's new ambassador [F102] and signed a solar-power deal with \
Rosatom [F103].

## Military and security

The Africa Corps sent more instructors and an air-defence system to Bamako [F101]. Turkey \
delivered further Bayraktar TB2 drones [F107]. A US-funded course for Malian officers in Ghana \
was only a possibility [F104].

## Diplomatic

Mali refused to accredit France's new ambassador [F102], while its foreign minister still met \
the EU's Sahel envoy [F111].

## Economic

Rosatom agreed to build a solar plant near Bamako [F103]. China's Ganfeng began shipping \
lithium from the Goulamina mine [F106].

## Information and public opinion

State broadcaster ORTM started relaying RT programmes in French [F110].

## Political

Mali reaffirmed its exit from ECOWAS and its place in the Alliance of Sahel States [F105].

## Other powers

- Turkey: more Bayraktar TB2 drones [F107].
- China: lithium exports from the Goulamina mine [F106].

## What points the other way

Two facts lean toward the West: a possible US-funded course for officers [F104] and a meeting \
with the EU's Sahel envoy [F111].
";

/// The same answer citing Burkina Faso's fact 109 as Mali's evidence.
fn citing_burkina_faso() -> String {
    GOOD.replace(
        "Turkey \ndelivered",
        "Lavrov promised more instructors [F109]. Turkey \ndelivered",
    )
    .replace(
        "Turkey delivered",
        "Lavrov promised more instructors [F109]. Turkey delivered",
    )
}

fn section<'r>(report: &'r Report, heading: &str) -> &'r str {
    &report
        .sections
        .iter()
        .find(|s| s.heading == heading)
        .unwrap_or_else(|| panic!("no section {heading}"))
        .text
}

#[test]
fn an_answer_that_cites_correctly_is_used_with_numbered_citations() {
    let server = MockLlm::start(vec![Canned::answer(GOOD)]);
    let deterministic = mali_june();
    let report = writer(&server).rewrite(&deterministic, None);

    assert_eq!(server.request_count(), 1);
    assert_eq!(report.writer.requested, WriterKind::Llm);
    assert_eq!(report.writer.used, WriterKind::Llm);
    assert_eq!(report.writer.reason, None);
    // Numbered by first use; each number resolves to the fact its marker named.
    let ids: Vec<i64> = report.citations.iter().map(|c| c.fact_id).collect();
    assert_eq!(ids, [101, 102, 103, 107, 104, 111, 106, 110, 105]);
    for (k, c) in report.citations.iter().enumerate() {
        assert_eq!(c.n, k + 1);
        assert_eq!(c.country, "ML");
    }
    assert_eq!(
        section(&report, "Summary"),
        "Russia's Africa Corps reinforced its presence in Bamako with instructors and air \
         defences [1]. The authorities also refused France's new ambassador [2] and signed a \
         solar-power deal with Rosatom [3]."
    );
    assert_eq!(
        section(&report, "Other powers"),
        "- Turkey: more Bayraktar TB2 drones [4].\n- China: lithium exports from the Goulamina mine [7]."
    );
    // Sections that cite no fact stay orbit's; the method says who wrote the rest.
    assert_eq!(
        section(&report, "Change since the previous period"),
        section(&deterministic, "Change since the previous period")
    );
    let method = section(&report, "Method and evidence");
    assert!(
        method.contains("written by a language model (test-model)"),
        "{method}"
    );
    assert!(!method.contains("writes deterministically"));
    // The score is orbit's, untouched.
    assert_eq!(report.score, deterministic.score);
    assert_eq!(report.index_interval, deterministic.index_interval);
    let md = report.to_markdown();
    assert!(!md.contains("[F1"), "a raw marker reached the page");
    assert!(!md.contains("Note: the LLM writer"));
    assert!(md.contains("_Written by the orbit LLM writer (test-model), checked by orbit._"));

    // Only the facts the deterministic report cites were sent, and none of Burkina Faso's.
    let prompt = &server.requests()[0];
    assert!(prompt.contains("\\\"id\\\":\\\"F101\\\""), "{prompt}");
    assert!(!prompt.contains("F109") && !prompt.contains("Lavrov"));
    assert!(!prompt.contains("F108"), "a syndicated copy was sent");
}

#[test]
fn an_answer_citing_another_countrys_fact_is_retried_once_then_replaced_visibly() {
    let server = MockLlm::start(vec![Canned::answer(&citing_burkina_faso())]);
    let deterministic = mali_june();
    let report = writer(&server).rewrite(&deterministic, None);

    assert_eq!(server.request_count(), 2, "one answer and one retry");
    let retry = &server.requests()[1];
    assert!(retry.contains("Your answer was rejected"), "{retry}");
    assert!(retry.contains("[F109] is not one of the facts supplied about Mali"));

    assert_eq!(report.writer.used, WriterKind::Deterministic);
    let reason = report.writer.reason.as_deref().unwrap();
    assert!(reason.contains("[F109]"), "{reason}");
    assert_eq!(report.sections, deterministic.sections);
    assert_eq!(report.citations, deterministic.citations);

    let md = report.to_markdown();
    assert!(md.contains("> **Note: the LLM writer (test-model) was requested, but its text was not used: attempt 2 of 2 was rejected: [F109] is not one of the facts supplied about Mali"), "{md}");
    let html = report.to_html();
    assert!(
        html.contains(
            r#"<p class="note" role="note">Note: the LLM writer (test-model) was requested"#
        ),
        "{html}"
    );
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["writer"]["requested"], "llm");
    assert_eq!(json["writer"]["used"], "deterministic");
    assert!(json["writer"]["reason"].as_str().unwrap().contains("F109"));
}

#[test]
fn a_rejected_answer_corrected_on_the_retry_is_used() {
    let server = MockLlm::start(vec![
        Canned::answer(&citing_burkina_faso()),
        Canned::answer(GOOD),
    ]);
    let report = writer(&server).rewrite(&mali_june(), None);
    assert_eq!(server.request_count(), 2);
    assert_eq!(report.writer.used, WriterKind::Llm);
    assert!(report.citations.iter().all(|c| c.fact_id != 109));
}

#[test]
fn an_uncited_sentence_is_rejected() {
    let uncited = GOOD.replace(
        "State broadcaster ORTM",
        "Moscow's influence keeps growing. State broadcaster ORTM",
    );
    let server = MockLlm::start(vec![Canned::answer(&uncited)]);
    let report = writer(&server).rewrite(&mali_june(), None);
    assert_eq!(server.request_count(), 2);
    assert_eq!(report.writer.used, WriterKind::Deterministic);
    let reason = report.writer.reason.unwrap();
    assert!(
        reason.contains("the sentence “Moscow's influence keeps growing.” cites no fact"),
        "{reason}"
    );
}

#[test]
fn a_malformed_answer_falls_back_visibly() {
    for canned in [
        Canned::raw("this is not JSON"),
        Canned::raw(r#"{"choices": []}"#),
        Canned::answer("I cannot help with that."),
        Canned::status(500),
    ] {
        let server = MockLlm::start(vec![canned.clone()]);
        let report = writer(&server).rewrite(&mali_june(), None);
        assert_eq!(server.request_count(), 2, "{canned:?}");
        assert_eq!(report.writer.used, WriterKind::Deterministic, "{canned:?}");
        assert!(report.to_markdown().contains("> **Note: the LLM writer"));
        assert!(report.to_html().contains(r#"class="note""#));
    }
}

#[test]
fn an_unreachable_endpoint_falls_back_visibly() {
    // Port 1 on loopback: below the ephemeral range the other tests' servers bind, and
    // closed, so the connection is refused at once.
    let mut config = LlmConfig::new("http://127.0.0.1:1/v1", "test-model");
    config.timeout = Duration::from_secs(5);
    let report = LlmWriter::new(config).unwrap().rewrite(&mali_june(), None);
    assert_eq!(report.writer.used, WriterKind::Deterministic);
    assert!(
        report
            .writer
            .reason
            .unwrap()
            .contains("could not be reached")
    );
}

#[test]
fn an_accepted_answer_is_cached_by_prompt_hash_and_reused_without_a_call() {
    let server = MockLlm::start(vec![Canned::answer(GOOD)]);
    let cache = MemoryCache::default();
    let w = writer(&server);
    let first = w.rewrite(&mali_june(), Some(&cache));
    assert_eq!(server.request_count(), 1);
    assert_eq!(cache.len(), 1);
    let second = w.rewrite(&mali_june(), Some(&cache));
    assert_eq!(
        server.request_count(),
        1,
        "the cached answer was fetched again"
    );
    assert_eq!(first.to_json(), second.to_json());
    assert_eq!(second.writer.used, WriterKind::Llm);
}

#[test]
fn rejected_answers_are_not_cached() {
    let server = MockLlm::start(vec![Canned::answer(&citing_burkina_faso())]);
    let cache = MemoryCache::default();
    writer(&server).rewrite(&mali_june(), Some(&cache));
    assert!(cache.is_empty());
}

#[test]
fn a_report_without_citations_is_not_sent() {
    let server = MockLlm::start(vec![Canned::answer(GOOD)]);
    let gazetteer = Gazetteer::load(None).unwrap();
    let scorer = Scorer::load(None).unwrap();
    let period = Period::parse("2024-06").unwrap();
    let score = scorer.score("ML", "Mali", &period, &[], None);
    let empty = build_report(&score, &[], &scorer, &gazetteer, &period);
    let report = writer(&server).rewrite(&empty, None);
    assert_eq!(server.request_count(), 0);
    assert_eq!(report.writer.used, WriterKind::Deterministic);
    assert!(report.writer.reason.unwrap().contains("cites no fact"));
}
