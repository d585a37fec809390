//! Every case of `fixtures/sentences.toml`: a sentence, and the fact orbit must read from it.

use orbit_core::{Actor, Direction, Document, Knowledge};
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
        let got: Vec<String> = facts
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} {}",
                    f.country, f.counterpart, f.direction, f.actor
                )
            })
            .collect();
        let expected = format!(
            "{} {} {} {}",
            case.country, case.counterpart, case.direction, case.actor
        );
        if !got.contains(&expected) {
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
