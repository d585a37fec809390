//! The verification rules, one behaviour per test.

use super::prompt::Brief;
use super::verify::{Bracket, brackets, check, sentences};
use crate::{Report, build_report};
use orbit_core::{Fact, Gazetteer, Period};
use orbit_score::Scorer;

fn mali_june() -> Report {
    let facts: Vec<Fact> =
        serde_json::from_str(include_str!("../../tests/fixtures/mali_2024_06.json")).unwrap();
    let gazetteer = Gazetteer::load(None).unwrap();
    let scorer = Scorer::load(None).unwrap();
    let period = Period::parse("2024-06").unwrap();
    let own: Vec<Fact> = facts
        .iter()
        .filter(|f| f.country == "ML")
        .cloned()
        .collect();
    let score = scorer.score("ML", "Mali", &period, &own, None);
    build_report(&score, &facts, &scorer, &gazetteer, &period)
}

/// A valid answer with one line per requested section citing its first supplied fact.
fn minimal_answer(brief: &Brief<'_>) -> String {
    brief
        .headings
        .iter()
        .map(|h| {
            let f = brief
                .facts
                .iter()
                .find(|f| {
                    if *h == "What points the other way" {
                        f.counter
                    } else {
                        f.section == *h
                    }
                })
                .unwrap_or(&brief.facts[0]);
            format!(
                "## {h}\n\nThis section rests on a fact [F{}].\n",
                f.citation.fact_id
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn problems(answer: &str) -> Vec<String> {
    let report = mali_june();
    let brief = Brief::of(&report);
    match check(answer, &brief) {
        Ok(_) => Vec::new(),
        Err(r) => r.problems().to_vec(),
    }
}

#[test]
fn the_brief_asks_for_the_sections_that_cite_facts_and_supplies_only_cited_facts() {
    let report = mali_june();
    let brief = Brief::of(&report);
    assert_eq!(brief.headings.first(), Some(&"Summary"));
    assert!(!brief.headings.contains(&"Method and evidence"));
    let mut ids: Vec<i64> = brief.facts.iter().map(|f| f.citation.fact_id).collect();
    ids.sort();
    let mut cited: Vec<i64> = report.citations.iter().map(|c| c.fact_id).collect();
    cited.sort();
    assert_eq!(ids, cited);
    assert!(!ids.contains(&109), "Burkina Faso's fact");
    assert_eq!(brief.counter_ids(), [104, 111]);
}

#[test]
fn a_minimal_valid_answer_passes() {
    let report = mali_june();
    let brief = Brief::of(&report);
    let answer = minimal_answer(&brief);
    assert!(check(&answer, &brief).is_ok(), "{:?}", problems(&answer));
    // Also inside a code fence.
    let fenced = format!("```markdown\n{answer}\n```");
    assert!(check(&fenced, &brief).is_ok());
}

#[test]
fn missing_repeated_and_unknown_sections_are_rejected() {
    let report = mali_june();
    let brief = Brief::of(&report);
    let answer = minimal_answer(&brief);
    let without_summary = answer.replacen("## Summary", "## Overview", 1);
    let p = problems(&without_summary);
    assert!(
        p.iter().any(|p| p == "the section “Summary” is missing"),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|p| p == "“Overview” is not one of the sections asked for")
    );
    let twice = format!("{answer}\n## Summary\n\nAgain [F101].\n");
    assert!(problems(&twice).contains(&"the section “Summary” appears twice".to_string()));
    let preamble = format!("Here is the report.\n\n{answer}");
    assert!(
        problems(&preamble).contains(&"there is text before the first section heading".to_string())
    );
    let title = format!("# Mali\n\n{answer}");
    assert!(problems(&title)[0].starts_with("only `## ` section headings are allowed"));
}

#[test]
fn markers_must_be_well_formed_and_name_supplied_facts() {
    let answer = minimal_answer(&Brief::of(&mali_june()));
    for (bad, expected) in [
        (
            "[F999999]",
            "[F999999] is not one of the facts supplied about Mali",
        ),
        ("[3]", "bare numbered marker [3]"),
        ("[F101, F102]", "malformed marker [F101, F102]"),
        ("[f101]", "malformed marker [f101]"),
    ] {
        let text = answer.replacen("[F101]", bad, 1);
        let p = problems(&text);
        assert!(p.iter().any(|p| p.contains(expected)), "{bad}: {p:?}");
    }
}

#[test]
fn links_html_and_counter_evidence_left_out_are_rejected() {
    let answer = minimal_answer(&Brief::of(&mali_june()));
    let link = answer.replacen("a fact [F101]", "a [fact](https://x.example) [F101]", 1);
    assert!(problems(&link).iter().any(|p| p.contains("link")));
    let html = answer.replacen("a fact [F101]", "a <b>fact</b> [F101]", 1);
    assert!(problems(&html).iter().any(|p| p.contains("HTML")));
    let no_counter = answer
        .replace("[F104]", "[F101]")
        .replace("[F111]", "[F101]");
    assert!(
        problems(&no_counter)
            .iter()
            .any(|p| p.contains("cites none of the facts marked counter")),
        "{:?}",
        problems(&no_counter)
    );
}

#[test]
fn every_sentence_needs_a_marker() {
    let answer = minimal_answer(&Brief::of(&mali_june()));
    let text = answer.replacen(
        "This section rests on a fact [F101].",
        "This section rests on a fact [F101]. Overall, Mali leans east.",
        1,
    );
    assert_eq!(
        problems(&text),
        ["in “Summary”, the sentence “Overall, Mali leans east.” cites no fact"]
    );
}

#[test]
fn sentences_split_at_full_stops_but_not_after_initials_or_abbreviations() {
    assert_eq!(
        sentences("Mali met Russia [F1]. The U.S. embassy protested [F2]."),
        ["Mali met Russia [F1].", "The U.S. embassy protested [F2]."]
    );
    assert_eq!(
        sentences("Gen. Tiani met Col. Goïta on Sept. 15 in Niamey [F3]."),
        ["Gen. Tiani met Col. Goïta on Sept. 15 in Niamey [F3]."]
    );
    assert_eq!(
        sentences("France left. [F4] Russia came [F5]"),
        ["France left. [F4]", "Russia came [F5]"]
    );
    assert_eq!(
        sentences("The index rose 0.5 points, i.e. a lot [F1]! “Why?” asked one [F2]."),
        [
            "The index rose 0.5 points, i.e. a lot [F1]!",
            "“Why?” asked one [F2]."
        ]
    );
}

#[test]
fn brackets_are_told_apart() {
    let kinds: Vec<Bracket> = brackets("[F12] [Mali] [3] [F 4] [1, 2] [F12][F13] [ok")
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    assert_eq!(
        kinds,
        [
            Bracket::Fact(12),
            Bracket::Other,
            Bracket::Number,
            Bracket::Malformed,
            Bracket::Number,
            Bracket::Fact(12),
            Bracket::Fact(13),
        ]
    );
}
