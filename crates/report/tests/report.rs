//! The report, specified by behaviour: what a reader and an outside checker can rely on.
//!
//! `fixtures/mali_2024_06.json` is a month of synthetic facts about Mali modelled on the
//! seed documents — with a Burkina Faso fact mixed in (seed 000's citation 4) and a
//! syndicated copy (seed 000's duplicates) — and `snapshots/` holds the report written
//! from it, so input and output can be read side by side.

use std::collections::{BTreeSet, HashSet};

use orbit_core::{
    Bloc, Category, Direction, EventType, Fact, FuzzyDate, Gazetteer, Period, Stance,
};
use orbit_report::{Report, build_report};
use orbit_score::{Scorer, text_key};

fn fixture(name: &str) -> Vec<Fact> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    serde_json::from_str(&text).expect("fixture is a JSON array of facts")
}

fn june() -> Period {
    Period::parse("2024-06").unwrap()
}

/// Scores `facts` as the CLI does (only the country's facts) and builds the report.
fn report_for(
    country: &str,
    facts: &[Fact],
    period: &Period,
    previous: Option<(&Period, &[Fact])>,
) -> Report {
    let gazetteer = Gazetteer::load(None).unwrap();
    let scorer = Scorer::load(None).unwrap();
    let own: Vec<Fact> = facts
        .iter()
        .filter(|f| f.country == country)
        .cloned()
        .collect();
    let name = gazetteer
        .country(country)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let score = scorer.score(country, &name, period, &own, previous);
    build_report(&score, facts, &scorer, &gazetteer, period)
}

fn mali_june() -> Report {
    let may = fixture("mali_2024_05.json");
    let may_period = Period::parse("2024-05").unwrap();
    report_for(
        "ML",
        &fixture("mali_2024_06.json"),
        &june(),
        Some((&may_period, &may)),
    )
}

/// A fact about Mali with sensible defaults; tests change what they are about.
fn fact(id: i64, direction: Direction, text: &str) -> Fact {
    let (counterpart, bloc) = match direction {
        Direction::TowardWest => ("US", Bloc::West),
        _ => ("RU", Bloc::Russia),
    };
    Fact {
        id,
        article_id: id,
        url: Some(format!("https://news{id}.example/article")),
        source: Some(format!("Outlet {id}")),
        published: FuzzyDate::ymd(2024, 6, 10),
        event_date: FuzzyDate::ymd(2024, 6, 10),
        date_basis: None,
        country: "ML".into(),
        counterpart: counterpart.into(),
        bloc,
        direction,
        stance: Stance::Cooperative,
        category: Category::Military,
        event_type: EventType::Cooperate,
        actor: orbit_core::Actor::Country,
        hedged: false,
        negated: false,
        weight: 2.0,
        text: text.into(),
        span: [0, text.len()],
        lang: Some("en".into()),
    }
}

/// Every `[n]` in the section texts, in reading order.
fn markers(report: &Report) -> Vec<usize> {
    let mut out = Vec::new();
    for s in &report.sections {
        let t = s.text.as_bytes();
        let mut i = 0;
        while i < t.len() {
            if t[i] == b'[' {
                let d = t[i + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
                if d > 0 && t.get(i + 1 + d) == Some(&b']') {
                    out.push(s.text[i + 1..i + 1 + d].parse().unwrap());
                    i += d + 2;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

fn section<'r>(report: &'r Report, heading: &str) -> Option<&'r str> {
    report
        .sections
        .iter()
        .find(|s| s.heading == heading)
        .map(|s| s.text.as_str())
}

#[test]
fn markdown_report_for_a_month_of_mali() {
    let facts = fixture("mali_2024_06.json");
    let input: Vec<String> = facts
        .iter()
        .map(|f| {
            format!(
                "#{} {} {} {} {:?} {}: {}",
                f.id,
                f.country,
                f.counterpart,
                f.direction,
                f.category,
                f.event_date.map(|d| d.to_string()).unwrap_or_default(),
                f.text
            )
        })
        .collect();
    insta::with_settings!({
        description => format!("input: tests/fixtures/mali_2024_06.json (+ mali_2024_05.json as the previous period)\n{}", input.join("\n")),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(mali_june().to_markdown());
    });
}

#[test]
fn citations_are_unique_and_numbered_by_first_use() {
    let report = mali_june();
    let mut first_use = Vec::new();
    for n in markers(&report) {
        if !first_use.contains(&n) {
            first_use.push(n);
        }
    }
    let expected: Vec<usize> = (1..=report.citations.len()).collect();
    assert_eq!(first_use, expected, "markers first appear as 1, 2, 3, ...");
    let numbers: Vec<usize> = report.citations.iter().map(|c| c.n).collect();
    assert_eq!(numbers, expected);
    let ids: HashSet<i64> = report.citations.iter().map(|c| c.fact_id).collect();
    assert_eq!(
        ids.len(),
        report.citations.len(),
        "no fact is cited under two numbers"
    );
}

#[test]
fn every_marker_resolves_and_every_citation_is_used() {
    let report = mali_june();
    let used: BTreeSet<usize> = markers(&report).into_iter().collect();
    let listed: BTreeSet<usize> = report.citations.iter().map(|c| c.n).collect();
    assert!(!listed.is_empty());
    assert_eq!(used, listed);
}

#[test]
fn a_fact_about_another_country_is_never_cited() {
    let facts = fixture("mali_2024_06.json");
    assert!(
        facts.iter().any(|f| f.country == "BF"),
        "the fixture mixes in a Burkina Faso fact"
    );
    let report = mali_june();
    for c in &report.citations {
        let fact = facts.iter().find(|f| f.id == c.fact_id).unwrap();
        assert_eq!(
            fact.country, "ML",
            "citation {} is about {}",
            c.n, fact.country
        );
    }
    assert!(!report.to_markdown().contains("Lavrov visited Burkina Faso"));

    // Even when the score was (wrongly) computed with it, the writer does not cite it.
    let gazetteer = Gazetteer::load(None).unwrap();
    let scorer = Scorer::load(None).unwrap();
    let mut stray = fact(
        7,
        Direction::TowardRussia,
        "Russian military personnel arrived in Niamey to train their soldiers.",
    );
    stray.country = "NE".into();
    let facts = vec![
        fact(
            1,
            Direction::TowardRussia,
            "Mali received Russian helicopters.",
        ),
        stray.clone(),
    ];
    let score = scorer.score("ML", "Mali", &june(), &facts, None);
    let report = build_report(&score, &facts, &scorer, &gazetteer, &june());
    assert_eq!(report.citations.len(), 1);
    assert_eq!(report.citations[0].fact_id, 1);
    assert!(!report.to_json().contains("Niamey"));
}

#[test]
fn facts_with_the_same_text_are_cited_once() {
    let report = mali_june();
    let keys: Vec<String> = report.citations.iter().map(|c| text_key(&c.text)).collect();
    let distinct: HashSet<&String> = keys.iter().collect();
    assert_eq!(distinct.len(), keys.len());
    let africa_corps = report
        .citations
        .iter()
        .filter(|c| c.text.contains("Africa Corps deployed"))
        .count();
    assert_eq!(
        africa_corps, 1,
        "the syndicated copy (fact 108) is not cited again"
    );

    // Same text under different ids, sources and case: one citation.
    let facts: Vec<Fact> = (1..=4)
        .map(|i| {
            fact(
                i,
                Direction::TowardRussia,
                if i % 2 == 0 {
                    "MALI bought Russian drones!"
                } else {
                    "Mali bought Russian drones."
                },
            )
        })
        .collect();
    let report = report_for("ML", &facts, &june(), None);
    assert_eq!(report.citations.len(), 1);
}

#[test]
fn counter_evidence_section_cites_the_west_leaning_facts_of_a_russia_leaning_country() {
    let report = mali_june();
    assert!(
        report.index.unwrap() > 0.0,
        "Mali leans toward Russia in the fixture"
    );
    let text = section(&report, "What points the other way").expect("section present");
    let cited_here: BTreeSet<usize> = report
        .citations
        .iter()
        .filter(|c| text.contains(&format!("[{}]", c.n)))
        .map(|c| c.n)
        .collect();
    let west: BTreeSet<usize> = report
        .citations
        .iter()
        .filter(|c| c.direction == Direction::TowardWest)
        .map(|c| c.n)
        .collect();
    assert_eq!(west.len(), 2, "facts 104 and 111 lean West");
    assert_eq!(cited_here, west);
    for c in report
        .citations
        .iter()
        .filter(|c| c.direction == Direction::TowardWest)
    {
        assert!(
            text.contains(&c.text),
            "the counter-evidence is quoted in full"
        );
    }
}

#[test]
fn with_nothing_pointing_the_other_way_the_report_says_so() {
    let facts: Vec<Fact> = (1..=3)
        .map(|i| {
            fact(
                i,
                Direction::TowardRussia,
                &format!("Mali hosted Russian instructors, group {i}."),
            )
        })
        .collect();
    let report = report_for("ML", &facts, &june(), None);
    let text = section(&report, "What points the other way").unwrap();
    assert!(
        text.starts_with("No fact in the period points the other way"),
        "{text}"
    );
    assert!(!text.contains('['));
}

#[test]
fn no_evidence_gives_a_null_score_and_a_plain_report() {
    let report = report_for("ML", &[], &june(), None);
    assert_eq!(report.score, None);
    assert!(report.citations.is_empty());
    let headings: Vec<&str> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["Summary", "Method and evidence"]);
    assert!(
        section(&report, "Summary")
            .unwrap()
            .starts_with("No fact about Mali was found for June '24")
    );
    let md = report.to_markdown();
    assert!(
        md.contains("Risk Score: n/a — no evidence in this period"),
        "{md}"
    );
    assert!(md.contains("0 facts from 0 sources"));
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert!(json["score"].is_null());
    assert!(json["index"].is_null());
    assert_eq!(json["citations"], serde_json::json!([]));
    // minijinja's escaper writes "/" as "&#x2f;".
    assert!(
        report
            .to_html()
            .replace("&#x2f;", "/")
            .contains("Risk Score: n/a — no evidence in this period")
    );
}

#[test]
fn html_escapes_every_piece_of_source_text() {
    let mut evil = fact(
        1,
        Direction::TowardRussia,
        "Mali <script>alert(1)</script> signed \" onerror=\"alert(2) a deal with Russia.",
    );
    evil.source = Some("Evil\" onerror=\"alert(3)<b>".into());
    evil.url = Some("javascript:alert(4)".into());
    let mut sly = fact(
        2,
        Direction::TowardRussia,
        "Mali & Russia agreed on <b>arms</b>.",
    );
    sly.url = Some("https://x.example/a?b=1&c=\"><script>alert(5)</script>".into());
    let report = report_for("ML", &[evil, sly], &june(), None);
    let raw = report.to_html();
    assert!(!raw.contains("<script"), "no script element survives");
    // minijinja's escaper also writes "/" as "&#x2f;" and "'" as "&#x27;".
    let html = raw.replace("&#x2f;", "/").replace("&#x27;", "'");
    assert!(!html.contains("<b>"));
    assert!(!html.contains("\" onerror=\""));
    assert!(!html.to_lowercase().contains("href=\"javascript:"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Evil&quot; onerror=&quot;alert(3)&lt;b&gt;"));
    assert!(
        html.contains("javascript:alert(4)"),
        "a non-web URL is shown as text"
    );
    assert!(html.contains("Mali &amp; Russia"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("@media print"));
    assert!(
        !html.contains("src=") && !html.contains("<link"),
        "no external assets"
    );
    let md = report.to_markdown();
    assert!(
        !md.contains("](javascript:"),
        "Markdown does not link it either"
    );
}

#[test]
fn html_markers_link_to_their_citations() {
    let report = mali_june();
    let html = report.to_html();
    for c in &report.citations {
        assert!(html.contains(&format!("<a class=\"cite\" href=\"#c{0}\">[{0}]</a>", c.n)));
        assert!(html.contains(&format!("<li id=\"c{}\">", c.n)));
    }
    assert!(html.contains("class=\"badge s5\"") || html.contains("class=\"badge s4\""));
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let a = mali_june();
    let b = mali_june();
    assert_eq!(a.to_markdown(), b.to_markdown());
    assert_eq!(a.to_html(), b.to_html());
    assert_eq!(a.to_json(), b.to_json());
    // The order facts arrive in does not matter either.
    let mut facts = fixture("mali_2024_06.json");
    let forward = report_for("ML", &facts, &june(), None).to_markdown();
    facts.reverse();
    assert_eq!(
        report_for("ML", &facts, &june(), None).to_markdown(),
        forward
    );
}

#[test]
fn titles_name_the_country_and_the_period() {
    let facts = fixture("mali_2024_06.json");
    let title = |p: &Period| report_for("ML", &facts, p, None).title;
    assert_eq!(
        title(&june()),
        "Geopolitics in Africa: Analysis for Mali (June '24)"
    );
    assert_eq!(
        title(&Period::parse("2024").unwrap()),
        "Geopolitics in Africa: Analysis for Mali (2024)"
    );
    assert_eq!(
        title(&Period::all()),
        "Geopolitics in Africa: Analysis for Mali (all periods)"
    );
    assert_eq!(
        title(&Period::parse("2024-Q2").unwrap()),
        "Geopolitics in Africa: Analysis for Mali (Q2 2024)"
    );
}

#[test]
fn sections_come_in_the_documented_order() {
    let report = mali_june();
    let headings: Vec<&str> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Summary",
            "Military and security",
            "Diplomatic",
            "Economic",
            "Information and public opinion",
            "Political",
            "Other powers",
            "What points the other way",
            "Change since the previous period",
            "Method and evidence",
        ]
    );
    let other = section(&report, "Other powers").unwrap();
    assert!(other.contains("China") && other.contains("Turkey"));
    assert!(other.contains("Goulamina") && other.contains("Bayraktar"));
}

#[test]
fn header_and_cited_facts_follow_the_documented_forms() {
    let report = mali_june();
    let md = report.to_markdown();
    let score = report.score.unwrap();
    assert!(md.contains(&format!("Risk Score: {score}")));
    assert!(md.contains(&format!("Index: {:+.2}", report.index.unwrap())));
    assert!(md.contains(&format!("Confidence: {:.2}", report.confidence)));
    assert!(md.contains(&format!(
        "{} facts from {} sources",
        report.n_facts, report.n_sources
    )));
    assert!(md.contains("Period: 2024-06-01 to 2024-06-30"));
    let summary = section(&report, "Summary").unwrap();
    assert!(summary.contains("5 is overwhelming alignment with Russia"));
    assert!(
        summary.contains("[1]") && summary.contains("[2]"),
        "the summary cites its drivers"
    );

    let c = report.citations.iter().find(|c| c.fact_id == 101).unwrap();
    assert!(md.contains(&format!("On 12 June 2024: {} [{}]", c.text, c.n)));
    let rosatom = report.citations.iter().find(|c| c.fact_id == 103).unwrap();
    assert!(md.contains(&format!("In June 2024: {} [{}]", rosatom.text, rosatom.n)));
    assert!(md.contains(&format!(
        "{}: {} — Le Monde, 2024-06-13 [View Source](https://www.lemonde.fr/en/africa/article/2024/06/13/africa-corps-bamako.html)",
        c.n, c.text
    )));
    let change = section(&report, "Change since the previous period").unwrap();
    assert!(change.contains("May '24"));
}

#[test]
fn json_follows_the_report_contract() {
    let report = mali_june();
    let text = report.to_json();
    assert!(text.ends_with("}\n"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for key in [
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
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["country"], "ML");
    assert_eq!(
        v["period"],
        serde_json::json!({"from": "2024-06-01", "to": "2024-06-30"})
    );
    assert_eq!(v["generated_by"], "orbit deterministic writer");
    let c = &v["citations"][0];
    for key in [
        "n",
        "fact_id",
        "text",
        "url",
        "source",
        "published",
        "event_date",
        "direction",
    ] {
        assert!(c.get(key).is_some(), "citation misses {key}");
    }
    let directions: BTreeSet<&str> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["direction"].as_str().unwrap())
        .collect();
    assert!(
        directions.is_subset(
            &["toward_russia", "toward_west", "neutral"]
                .into_iter()
                .collect()
        )
    );
    assert!(directions.contains("toward_west"));
    assert!(v["sections"][0]["heading"] == "Summary" && v["sections"][0]["text"].is_string());
}

#[test]
fn long_evidence_is_capped_to_a_readable_report() {
    let mut facts = Vec::new();
    for i in 0..60 {
        let direction = if i % 4 == 0 {
            Direction::TowardWest
        } else {
            Direction::TowardRussia
        };
        let mut f = fact(i, direction, &distinct_sentence(i));
        f.category = Category::ALL[(i as usize) % 5];
        f.weight = 1.0 + (i % 7) as f64 * 0.3;
        f.source = Some(format!("Outlet {}", i % 9));
        facts.push(f);
    }
    let report = report_for("ML", &facts, &june(), None);
    assert!(
        report.citations.len() <= 20,
        "{} citations",
        report.citations.len()
    );
    assert!(report.citations.len() >= 12);
    for c in Category::ALL {
        let heading = match c {
            Category::Military => "Military and security",
            Category::Diplomatic => "Diplomatic",
            Category::Economic => "Economic",
            Category::Information => "Information and public opinion",
            Category::Political => "Political",
        };
        let text = section(&report, heading).unwrap();
        let quoted = text.lines().filter(|l| l.starts_with("- ")).count();
        assert!(quoted <= 6, "{heading}: {quoted}");
    }
    assert_eq!(report.n_facts, 60);
}

#[test]
fn fact_texts_that_look_like_markers_or_exceed_600_characters_are_not_cited() {
    let long = format!("Mali and Russia {}.", "signed an accord ".repeat(40));
    assert!(long.chars().count() > 600);
    let facts = vec![
        fact(
            1,
            Direction::TowardRussia,
            "Mali hosted Russian instructors [3] in Kati.",
        ),
        fact(2, Direction::TowardRussia, &long),
        fact(3, Direction::TowardRussia, "Mali bought Russian drones."),
    ];
    let report = report_for("ML", &facts, &june(), None);
    let ids: Vec<i64> = report.citations.iter().map(|c| c.fact_id).collect();
    assert_eq!(ids, [3]);
    let used: BTreeSet<usize> = markers(&report).into_iter().collect();
    assert_eq!(used, [1].into_iter().collect());
}

#[test]
fn undated_and_year_dated_facts_read_as_such() {
    let mut undated = fact(
        1,
        Direction::TowardRussia,
        "Mali renewed its defence pact with Russia.",
    );
    undated.event_date = None;
    undated.published = None;
    let mut yearly = fact(2, Direction::TowardRussia, "Mali expelled French troops.");
    yearly.event_date = Some(FuzzyDate::year(2022));
    yearly.counterpart = "FR".into();
    yearly.bloc = Bloc::West;
    let report = report_for("ML", &[undated, yearly], &Period::all(), None);
    let md = report.to_markdown();
    assert!(
        md.contains("Undated: Mali renewed its defence pact with Russia. ["),
        "{md}"
    );
    assert!(md.contains("In 2022: Mali expelled French troops. ["));
    assert!(md.contains("— Outlet 1, undated [View Source]"));
}

#[test]
fn a_west_leaning_country_is_countered_by_its_russia_leaning_facts() {
    let mut facts: Vec<Fact> = (1..=3)
        .map(|i| {
            fact(
                i,
                Direction::TowardWest,
                [
                    "Mali held joint exercises with US forces near Kati.",
                    "US trainers opened a counter-terrorism course for Malian officers in Bamako.",
                    "Washington resumed intelligence sharing with the Malian army after talks.",
                ][i as usize - 1],
            )
        })
        .collect();
    facts.push(fact(
        9,
        Direction::TowardRussia,
        "Mali bought Russian drones.",
    ));
    let report = report_for("ML", &facts, &june(), None);
    assert!(report.index.unwrap() < 0.0);
    let text = section(&report, "What points the other way").unwrap();
    assert!(
        text.starts_with(
            "Against the overall lean toward the US/West, 1 of the 4 facts points toward Russia; it is outweighed"
        ),
        "{text}"
    );
    let russia = report.citations.iter().find(|c| c.fact_id == 9).unwrap();
    assert!(text.contains(&format!("Mali bought Russian drones. [{}]", russia.n)));
}

#[test]
fn evenly_balanced_evidence_is_called_balanced() {
    let facts = vec![
        fact(1, Direction::TowardRussia, "Mali bought Russian drones."),
        fact(
            2,
            Direction::TowardWest,
            "Mali held joint exercises with US forces.",
        ),
    ];
    let report = report_for("ML", &facts, &june(), None);
    assert_eq!((report.score, report.index), (Some(3), Some(0.0)));
    assert!(
        section(&report, "Summary")
            .unwrap()
            .contains("The evidence is evenly balanced.")
    );
    assert!(
        section(&report, "What points the other way")
            .unwrap()
            .starts_with("The evidence is evenly balanced")
    );
    assert_eq!(report.citations.len(), 2);
}

#[test]
fn neutral_evidence_scores_three_and_names_no_driver() {
    let mut f = fact(
        1,
        Direction::Neutral,
        "Mali signed a mining agreement with a Chinese firm.",
    );
    f.counterpart = "CN".into();
    f.bloc = Bloc::China;
    f.category = Category::Economic;
    let report = report_for("ML", &[f], &june(), None);
    assert_eq!(report.score, Some(3));
    let summary = section(&report, "Summary").unwrap();
    assert!(
        summary.contains("The only fact does not lean toward Russia or toward the US/West"),
        "{summary}"
    );
    assert!(
        section(&report, "What points the other way")
            .unwrap()
            .starts_with("No fact in the period points the other way")
    );
    assert!(
        section(&report, "Other powers")
            .unwrap()
            .contains("China (1 fact, cooperative)")
    );
    assert_eq!(
        report.citations.len(),
        1,
        "the fact is quoted under Other powers"
    );
}

/// Sixty different sentences about Mali (syndication would merge near-identical ones).
fn distinct_sentence(i: i64) -> String {
    const SUBJECTS: [&str; 6] = [
        "Mali's junta",
        "The transitional government in Bamako",
        "Malian officers",
        "Mali's foreign ministry",
        "The defence ministry of Mali",
        "Assimi Goïta's government",
    ];
    const ACTS: [&str; 10] = [
        "signed a mining accord",
        "received a shipment of drones",
        "opened talks on fuel supplies",
        "hosted a training mission",
        "agreed a grain delivery",
        "announced a radio partnership",
        "discussed a railway loan",
        "welcomed a delegation of engineers",
        "renewed a security protocol",
        "ordered armoured vehicles",
    ];
    format!(
        "{} {} with its partner in week {}.",
        SUBJECTS[(i % 6) as usize],
        ACTS[(i / 6 % 10) as usize],
        i
    )
}

#[test]
fn a_report_with_evidence_has_every_section_even_when_some_are_empty() {
    let facts = vec![fact(
        1,
        Direction::TowardRussia,
        "Russian instructors arrived in Mali to train its army.",
    )];
    let report = report_for("ML", &facts, &Period::all(), None);
    let headings: Vec<&str> = report.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Summary",
            "Military and security",
            "Diplomatic",
            "Economic",
            "Information and public opinion",
            "Political",
            "Other powers",
            "What points the other way",
            "Change since the previous period",
            "Method and evidence",
        ]
    );
    assert_eq!(
        section(&report, "Economic"),
        Some("No fact in this period concerns economic ties.")
    );
    assert!(
        section(&report, "Other powers")
            .unwrap()
            .starts_with("No fact in this period shows Mali dealing with a power beyond the")
    );
    assert!(
        section(&report, "Change since the previous period")
            .unwrap()
            .starts_with("This report covers all dates, so there is no previous period")
    );
}

#[test]
fn the_index_interval_is_in_the_header_the_method_and_the_json() {
    let report = mali_june();
    let [lo, hi] = report.index_interval.expect("an interval");
    assert!(lo <= hi);
    let md = report.to_markdown();
    assert!(
        md.contains(&format!("(80% interval {lo:+.2} to {hi:+.2})")),
        "{md}"
    );
    assert!(
        section(&report, "Method and evidence")
            .unwrap()
            .contains("The index's 80% interval runs from")
    );
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["index_interval"], serde_json::json!([lo, hi]));
    assert_eq!(json["writer"]["used"], "deterministic");
    assert!(json["writer"]["reason"].is_null());
}

#[test]
fn the_index_page_links_every_country_and_escapes_names() {
    let mut mali = mali_june();
    mali.name = "Mali <script>alert(1)</script>".into();
    let index = orbit_report::Index::new("June '24", vec![mali]);
    let html = index.to_html();
    assert!(
        html.contains(r#"<a href="ML.html">Mali &lt;script&gt;"#),
        "{html}"
    );
    assert!(!html.contains("<script>"));
    assert!(index.to_markdown().contains("[html](ML.html)"));
}
