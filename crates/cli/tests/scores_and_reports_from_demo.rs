//! Issue 4's done-when checks, end to end: the real binary, a real SQLite database, the
//! bundled demo corpus (`data/demo/sahel-2024.jsonl`, Sahel reporting May–August 2024).

mod common;

use std::collections::BTreeSet;

use common::Sandbox;
use serde_json::Value;

const SECTIONS: [&str; 10] = [
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
];

fn section<'r>(report: &'r Value, heading: &str) -> &'r str {
    report["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["heading"] == heading)
        .and_then(|s| s["text"].as_str())
        .unwrap_or_else(|| panic!("no section {heading}"))
}

/// The citation numbers `[n]` in a text.
fn markers(text: &str) -> Vec<u64> {
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

fn index_of(sb: &Sandbox, country: &str, period: &str) -> Value {
    let scores = sb.json(&[
        "scores",
        "--country",
        country,
        "--period",
        period,
        "--format",
        "json",
    ]);
    scores[0].clone()
}

#[test]
fn mali_has_a_monthly_score_series() {
    let sb = Sandbox::new().with_demo_corpus();
    let series = sb.json(&[
        "scores",
        "--country",
        "ML",
        "--by",
        "month",
        "--format",
        "json",
    ]);
    let cards = series.as_array().expect("an array of months");
    let keys: Vec<&str> = cards
        .iter()
        .map(|c| c["period"]["key"].as_str().unwrap())
        .collect();
    let distinct: BTreeSet<&str> = keys.iter().copied().collect();
    assert_eq!(distinct.len(), keys.len(), "one row per month: {keys:?}");
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "months in order");
    let scored: Vec<&Value> = cards.iter().filter(|c| !c["score"].is_null()).collect();
    assert!(scored.len() >= 3, "only {} scored months", scored.len());
    for c in cards {
        assert_eq!(c["country"], "ML");
        // A month without evidence has no score and no interval, never a default.
        assert_eq!(c["score"].is_null(), c["index_interval"].is_null(), "{c}");
    }
    // The table and CSV forms carry the same series.
    let csv = sb.ok(&[
        "scores",
        "--country",
        "ML",
        "--by",
        "month",
        "--format",
        "csv",
    ]);
    assert_eq!(csv.lines().count(), cards.len() + 1);
}

#[test]
fn mali_report_has_every_section_and_cites_counter_evidence() {
    let sb = Sandbox::new().with_demo_corpus();
    for period in [None, Some("2024")] {
        let mut args = vec!["report", "ML", "--format", "json"];
        if let Some(p) = period {
            args.extend(["--period", p]);
        }
        let report = sb.json(&args);
        let headings: Vec<&str> = report["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["heading"].as_str().unwrap())
            .collect();
        assert_eq!(headings, SECTIONS, "{period:?}");

        let counter = report["counter_evidence"].as_array().unwrap();
        assert!(!counter.is_empty(), "the demo has evidence pointing west");
        let cited = markers(section(&report, "What points the other way"));
        assert!(
            !cited.is_empty(),
            "counter-evidence is not cited ({period:?})"
        );
        let lean_west = report["index"].as_f64().unwrap() < 0.0;
        let against = if lean_west {
            "toward_russia"
        } else {
            "toward_west"
        };
        for n in cited {
            let c = &report["citations"][(n - 1) as usize];
            assert_eq!(c["n"], n);
            assert_eq!(c["direction"], against, "{c}");
            assert_eq!(c["country"], "ML");
        }
        let md_args: Vec<&str> = args
            .iter()
            .copied()
            .filter(|a| *a != "--format" && *a != "json")
            .collect();
        let md = sb.ok(&md_args);
        for h in SECTIONS {
            assert!(md.contains(&format!("\n## {h}\n")), "markdown lacks {h}");
        }
    }
}

#[test]
fn report_json_carries_confidence_powers_drivers_and_the_interval() {
    let sb = Sandbox::new().with_demo_corpus();
    let report = sb.json(&["report", "ML", "--format", "json"]);
    let confidence = report["confidence"].as_f64().expect("confidence");
    assert!(confidence > 0.0 && confidence <= 1.0);
    let powers = report["powers"].as_object().expect("the per-power vector");
    assert!(powers.contains_key("RU"), "{powers:?}");
    for p in powers.values() {
        assert!(p["warmth"].as_f64().unwrap().abs() <= 1.0);
        assert!(p["n_facts"].as_u64().unwrap() >= 1);
    }
    let drivers = report["drivers"].as_array().expect("drivers");
    assert!(!drivers.is_empty() && drivers.iter().all(Value::is_i64));
    let interval = report["index_interval"].as_array().expect("[lo, hi]");
    let (lo, hi) = (interval[0].as_f64().unwrap(), interval[1].as_f64().unwrap());
    let index = report["index"].as_f64().unwrap();
    assert!(-1.0 <= lo && lo <= hi && hi <= 1.0, "{lo} {hi}");
    assert!(
        lo - 0.05 <= index && index <= hi + 0.05,
        "{index} vs [{lo}, {hi}]"
    );
    assert!(section(&report, "Method and evidence").contains("80% interval"));
    assert_eq!(
        report["writer"],
        serde_json::json!({"requested": "deterministic", "used": "deterministic", "model": null, "reason": null})
    );
    // The scores JSON carries the same interval.
    let card = index_of(&sb, "ML", "2024-07");
    assert!(card["index_interval"].is_array(), "{card}");
}

#[test]
fn two_identical_runs_give_byte_identical_reports() {
    let sb = Sandbox::new().with_demo_corpus();
    for format in ["md", "html", "json"] {
        let a = sb.ok(&["report", "ML", "--period", "2024-08", "--format", format]);
        let b = sb.ok(&["report", "ML", "--period", "2024-08", "--format", format]);
        assert_eq!(a, b, "{format} differs between runs");
    }
    sb.ok(&["report", "--all", "--out", "a"]);
    sb.ok(&["report", "--all", "--out", "b"]);
    let names = |dir: &str| -> BTreeSet<String> {
        std::fs::read_dir(sb.path(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names("a"), names("b"));
    for name in names("a") {
        let a = std::fs::read(sb.path("a").join(&name)).unwrap();
        let b = std::fs::read(sb.path("b").join(&name)).unwrap();
        assert!(a == b, "{name} differs between runs");
    }
}

#[test]
fn report_all_writes_an_html_index_linking_every_country() {
    let sb = Sandbox::new().with_demo_corpus();
    sb.ok(&["report", "--all", "--period", "2024-07", "--out", "july"]);
    let dir = sb.path("july");
    let index = std::fs::read_to_string(dir.join("index.html")).expect("index.html");
    assert!(index.starts_with("<!DOCTYPE html>"));
    assert!(
        !index.contains("<script") && !index.contains("<link"),
        "self-contained"
    );
    let countries: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".html").map(str::to_string))
        .filter(|n| n != "index")
        .collect();
    assert!(countries.len() >= 3, "{countries:?}");
    for iso in &countries {
        assert!(
            index.contains(&format!("<a href=\"{iso}.html\">")),
            "index.html does not link {iso}"
        );
        assert!(dir.join(format!("{iso}.md")).is_file());
        assert!(dir.join(format!("{iso}.json")).is_file());
    }
    let md = std::fs::read_to_string(dir.join("index.md")).expect("index.md");
    assert_eq!(md.matches("[html](").count(), countries.len());
}

#[test]
fn pro_west_facts_lower_the_score_and_copies_of_one_story_do_not_move_it() {
    let sb = Sandbox::new().with_demo_corpus();
    let before = index_of(&sb, "ML", "2024-07");

    // One new story about Russian helicopters, then four copies of it from other outlets:
    // a dateline added, a word changed, punctuation and case edited.
    let story = r#"{"url":"https://wire.example/helicopters","source":"Wire One","published":"2024-07-16","text":"On 15 July 2024, Russia delivered two attack helicopters to the Malian air force at Bamako airport, the army said."}"#;
    let copies = [
        r#"{"url":"https://paper-a.example/helis","source":"Paper A","published":"2024-07-16","text":"Bamako (Wire One) — On 15 July 2024, Russia delivered two attack helicopters to the Malian air force at Bamako airport, the army said."}"#,
        r#"{"url":"https://paper-b.example/helis","source":"Paper B","published":"2024-07-17","text":"On 15 July 2024, Russia delivered two attack helicopters to the Malian air force at Bamako airport, the army said on Tuesday."}"#,
        r#"{"url":"https://paper-c.example/helis","source":"Paper C","published":"2024-07-17","text":"On 15 July 2024 Russia delivered two attack helicopters to the Malian air force at Bamako's airport, the army said."}"#,
        r#"{"url":"https://paper-d.example/helis","source":"Paper D","published":"2024-07-18","text":"ON 15 JULY 2024, RUSSIA DELIVERED TWO ATTACK HELICOPTERS TO THE MALIAN AIR FORCE AT BAMAKO AIRPORT, THE ARMY SAID."}"#,
    ];
    let file = sb.write("story.jsonl", story.as_bytes());
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let with_story = index_of(&sb, "ML", "2024-07");
    let file = sb.write("copies.jsonl", copies.join("\n").as_bytes());
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let with_copies = index_of(&sb, "ML", "2024-07");
    assert_eq!(
        with_story, with_copies,
        "copies of one story moved the score"
    );

    // Evidence toward the West from three new outlets lowers the index.
    let west = [
        r#"{"url":"https://example.org/west/1","source":"Counterfactual Wire","published":"2024-07-20","text":"On 19 July 2024, Mali signed a defence cooperation agreement with the United States in Bamako, opening the way for American military advisers."}"#,
        r#"{"url":"https://example.org/west/2","source":"Sahel Monitor","published":"2024-07-22","text":"Mali's transitional government expelled the Russian military instructors on 21 July 2024 and ordered Africa Corps personnel to leave the country within two weeks."}"#,
        r#"{"url":"https://example.org/west/3","source":"Bamako Daily","published":"2024-07-25","text":"Le Mali a signé le 24 juillet 2024 un accord de formation militaire avec les États-Unis, a annoncé le ministre de la Défense à Bamako."}"#,
    ];
    let file = sb.write("west.jsonl", west.join("\n").as_bytes());
    sb.ok(&["ingest", file.to_str().unwrap()]);
    let after = index_of(&sb, "ML", "2024-07");
    let f = |v: &Value| v["index"].as_f64().unwrap();
    assert!(
        f(&after) < f(&with_copies) && f(&after) < f(&before),
        "index {} → {} after pro-West facts",
        f(&with_copies),
        f(&after)
    );
    assert!(after["score"].as_u64() < with_copies["score"].as_u64());
}
