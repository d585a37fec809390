//! Every case of `fixtures/sentences.toml`: a sentence, and the fact orbit must read from it.

use orbit_core::{Actor, Direction, Document, EventType, Knowledge};
use orbit_extract::Extractor;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    lang: String,
    text: String,
    country: String,
    counterpart: String,
    direction: Direction,
    actor: Actor,
    /// Checked when given: the fact's PLOVER type.
    event_type: Option<EventType>,
    /// Checked when given: whether the fact is read as denied or not done.
    negated: Option<bool>,
    /// Countries the sentence names that must get no fact (a stop on a tour, a party's friend).
    #[serde(default)]
    not_countries: Vec<String>,
}

#[test]
fn every_fixture_sentence_is_read_as_specified() {
    let cases: Cases = toml::from_str(include_str!("fixtures/sentences.toml")).unwrap();
    let knowledge = Knowledge::load(None).unwrap();
    let extractor = Extractor::new(&knowledge).unwrap();
    let mut wrong = Vec::new();
    for case in &cases.case {
        let doc = Document {
            origin: "fixture".into(),
            url: None,
            source: None,
            title: None,
            published: None,
            lang: Some(case.lang.clone()),
            text: case.text.clone(),
        };
        let facts = extractor.extract(&doc);
        let describe = |f: &orbit_core::Fact| {
            let mut d = format!(
                "{} {} {} {}",
                f.country, f.counterpart, f.direction, f.actor
            );
            if case.event_type.is_some() {
                d += &format!(" {}", f.event_type);
            }
            if case.negated.is_some() {
                d += if f.negated { " negated" } else { " affirmed" };
            }
            d
        };
        let got: Vec<String> = facts.iter().map(describe).collect();
        let mut expected = format!(
            "{} {} {} {}",
            case.country, case.counterpart, case.direction, case.actor
        );
        if let Some(t) = case.event_type {
            expected += &format!(" {t}");
        }
        if let Some(negated) = case.negated {
            expected += if negated { " negated" } else { " affirmed" };
        }
        let strays = facts
            .iter()
            .any(|f| case.not_countries.contains(&f.country));
        if !got.contains(&expected) || strays {
            wrong.push(format!(
                "{:?}\n  expected {expected}\n  got {got:?}",
                case.text
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} sentences misread:\n{}",
        wrong.len(),
        cases.case.len(),
        wrong.join("\n")
    );
}
