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
    /// The article's title, when the case needs one: it names the country the article is about.
    title: Option<String>,
    text: String,
    country: String,
    counterpart: String,
    direction: Direction,
    actor: Actor,
    /// Checked when given: the fact's PLOVER type.
    event_type: Option<EventType>,
    /// Checked when given: whether the fact is read as denied or not done.
    negated: Option<bool>,
    /// Checked when given: whether the fact is read as uncertain (alleged, reported, possible).
    hedged: Option<bool>,
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
            title: case.title.clone(),
            published: None,
            lang: Some(case.lang.clone()),
            text: case.text.clone(),
        };
        let facts = extractor.extract(&doc);
        let read_as_specified = |f: &orbit_core::Fact| {
            f.country == case.country
                && f.counterpart == case.counterpart
                && f.direction == case.direction
                && f.actor == case.actor
                && case.event_type.is_none_or(|t| t == f.event_type)
                && case.negated.is_none_or(|n| n == f.negated)
                && case.hedged.is_none_or(|h| h == f.hedged)
        };
        let strays = facts
            .iter()
            .any(|f| case.not_countries.contains(&f.country));
        if !facts.iter().any(read_as_specified) || strays {
            let got: Vec<String> = facts
                .iter()
                .map(|f| {
                    format!(
                        "{} {} {} {} {}{}{}",
                        f.country,
                        f.counterpart,
                        f.direction,
                        f.actor,
                        f.event_type,
                        if f.negated { " negated" } else { "" },
                        if f.hedged { " hedged" } else { "" }
                    )
                })
                .collect();
            wrong.push(format!(
                "{:?}\n  expected {} {} {} {} {:?} negated={:?} hedged={:?}, none for {:?}\n  got {got:?}",
                case.text,
                case.country,
                case.counterpart,
                case.direction,
                case.actor,
                case.event_type,
                case.negated,
                case.hedged,
                case.not_countries
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
