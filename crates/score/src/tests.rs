use orbit_core::{Bloc, Category, Direction, EventType, Fact, FuzzyDate, Period, Stance};

use crate::{Scorer, distinct_facts};

fn fact(id: i64, source: &str, direction: Direction, text: &str) -> Fact {
    Fact {
        id,
        article_id: id,
        url: Some(format!("https://{source}/{id}")),
        source: Some(source.into()),
        published: FuzzyDate::ymd(2024, 6, 10),
        event_date: FuzzyDate::ymd(2024, 6, 10),
        date_basis: None,
        country: "ML".into(),
        counterpart: if direction == Direction::TowardWest {
            "US".into()
        } else {
            "RU".into()
        },
        bloc: if direction == Direction::TowardWest {
            Bloc::West
        } else {
            Bloc::Russia
        },
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

fn score_of(facts: &[Fact]) -> (Option<u8>, Option<f64>) {
    let s = Scorer::load(None).unwrap().score(
        "ML",
        "Mali",
        &Period::parse("2024-06").unwrap(),
        facts,
        None,
    );
    (s.score, s.index)
}

#[test]
fn no_evidence_means_no_score() {
    assert_eq!(score_of(&[]), (None, None));
}

/// A rupture with one camp: hostile stance toward it, which points toward the other camp.
fn rupture(id: i64, source: &str, toward: Direction, text: &str) -> Fact {
    let mut f = fact(id, source, toward, text);
    f.stance = Stance::Hostile;
    f.event_type = EventType::Coerce;
    (f.counterpart, f.bloc) = if toward == Direction::TowardRussia {
        ("FR".into(), Bloc::West)
    } else {
        ("RU".into(), Bloc::Russia)
    };
    f
}

#[test]
fn cooperating_with_one_side_and_breaking_with_the_other_reaches_the_end_of_the_scale() {
    let mut facts: Vec<Fact> = (0..4)
        .map(|i| {
            fact(
                i,
                &format!("outlet{i}.example"),
                Direction::TowardRussia,
                &format!("Russian instructors event {i} in Mali."),
            )
        })
        .collect();
    facts.extend((4..6).map(|i| {
        rupture(
            i,
            &format!("outlet{i}.example"),
            Direction::TowardRussia,
            &format!("Mali expelled French unit {i}."),
        )
    }));
    assert_eq!(score_of(&facts).0, Some(5));
    let mut west: Vec<Fact> = (0..4)
        .map(|i| {
            fact(
                i,
                &format!("outlet{i}.example"),
                Direction::TowardWest,
                &format!("US training event {i} in Mali."),
            )
        })
        .collect();
    west.extend((4..6).map(|i| {
        rupture(
            i,
            &format!("outlet{i}.example"),
            Direction::TowardWest,
            &format!("Mali expelled Russian unit {i}."),
        )
    }));
    assert_eq!(score_of(&west).0, Some(1));
}

#[test]
fn sanctions_a_power_imposes_weigh_less_than_a_rupture_the_country_makes() {
    // The same hostile event toward the West, once the country's act ("Sudan expelled the US
    // envoy") and once the power's ("Washington sanctioned Sudan"), against one Western deal.
    let facts = |actor: orbit_core::Actor| {
        let mut hostile = rupture(1, "a.example", Direction::TowardRussia, "hostile");
        hostile.event_type = EventType::Sanction;
        hostile.actor = actor;
        vec![
            hostile,
            fact(2, "b.example", Direction::TowardWest, "US deal"),
        ]
    };
    let (_, own) = score_of(&facts(orbit_core::Actor::Country));
    let (_, imposed) = score_of(&facts(orbit_core::Actor::Counterpart));
    assert!(imposed.unwrap() < own.unwrap(), "{imposed:?} vs {own:?}");
}

#[test]
fn one_channel_alone_is_a_lean_not_an_overwhelming_alignment() {
    // Deals with Moscow and nothing else: Russia-skewed (4), not Russia-focused (5).
    let facts: Vec<Fact> = (0..6)
        .map(|i| {
            fact(
                i,
                &format!("outlet{i}.example"),
                Direction::TowardRussia,
                &format!("Russian instructors event {i} in Mali."),
            )
        })
        .collect();
    assert_eq!(score_of(&facts).0, Some(4));
}

#[test]
fn adding_pro_west_facts_lowers_the_index() {
    let mut facts: Vec<Fact> = (0..4)
        .map(|i| {
            fact(
                i,
                &format!("o{i}.example"),
                Direction::TowardRussia,
                &format!("Russia event {i} in Mali."),
            )
        })
        .collect();
    let before = score_of(&facts).1.unwrap();
    facts.push(fact(
        10,
        "w1.example",
        Direction::TowardWest,
        "Mali signed a pact with the US.",
    ));
    facts.push(fact(
        11,
        "w2.example",
        Direction::TowardWest,
        "Mali hosted US trainers.",
    ));
    let after = score_of(&facts).1.unwrap();
    assert!(after < before, "{after} !< {before}");
}

#[test]
fn syndicated_copies_do_not_move_the_score() {
    let base = vec![
        fact(
            1,
            "a.example",
            Direction::TowardRussia,
            "Russia sent instructors to Mali.",
        ),
        fact(
            2,
            "b.example",
            Direction::TowardWest,
            "Mali held talks with the US on training.",
        ),
    ];
    let mut copies = base.clone();
    for i in 0..10 {
        copies.push(fact(
            100 + i,
            &format!("wire{i}.example"),
            Direction::TowardRussia,
            "Russia sent  instructors to MALI!",
        ));
    }
    assert_eq!(distinct_facts(&copies).len(), 2);
    assert_eq!(score_of(&base), score_of(&copies));
}

#[test]
fn drivers_and_counter_evidence_are_split_by_side() {
    let facts = vec![
        fact(
            1,
            "a.example",
            Direction::TowardRussia,
            "Russia sent instructors to Mali.",
        ),
        fact(
            2,
            "b.example",
            Direction::TowardRussia,
            "Mali bought Russian helicopters.",
        ),
        fact(
            3,
            "c.example",
            Direction::TowardWest,
            "Mali held talks with the US.",
        ),
    ];
    let s = Scorer::load(None).unwrap().score(
        "ML",
        "Mali",
        &Period::parse("2024-06").unwrap(),
        &facts,
        None,
    );
    assert_eq!(s.drivers.len(), 2);
    assert_eq!(s.counter_evidence, [3]);
    assert_eq!(s.n_sources, 3);
    assert!(s.confidence > 0.0 && s.confidence < 1.0);
}

#[test]
fn change_is_measured_against_the_previous_period() {
    let june = Period::parse("2024-06").unwrap();
    let may = june.previous().unwrap();
    let mut old = fact(
        1,
        "a.example",
        Direction::TowardWest,
        "Mali held talks with the US.",
    );
    old.event_date = FuzzyDate::ymd(2024, 5, 2);
    let now = vec![fact(
        2,
        "b.example",
        Direction::TowardRussia,
        "Russia sent instructors to Mali.",
    )];
    let s = Scorer::load(None)
        .unwrap()
        .score("ML", "Mali", &june, &now, Some((&may, &[old])));
    assert_eq!(
        s.previous.as_ref().map(|p| p.period.as_str()),
        Some("2024-05")
    );
    assert!(s.change.unwrap() > 0.0);
}

#[test]
fn lightly_edited_wire_copies_count_once() {
    let story = "Russian military instructors arrived in Bamako on Wednesday to train Malian soldiers and install an air-defence system, state television said.";
    let edits = [
        "Russian military instructors arrived in Bamako on Wednesday to train Malian soldiers and install an air defence system, the state broadcaster reported.",
        "Russian military instructors arrived in Bamako on Wednesday to train Malian soldiers and install an air-defence system, according to state television.",
    ];
    let base = vec![
        fact(1, "a.example", Direction::TowardRussia, story),
        fact(
            2,
            "b.example",
            Direction::TowardWest,
            "Mali held talks with the US on counter-terrorism training in Bamako.",
        ),
    ];
    let mut copies = base.clone();
    for (i, text) in edits.iter().cycle().take(8).enumerate() {
        copies.push(fact(
            100 + i as i64,
            &format!("wire{i}.example"),
            Direction::TowardRussia,
            text,
        ));
    }
    assert_eq!(distinct_facts(&copies).len(), 2);
    assert_eq!(score_of(&base), score_of(&copies));
}

fn card(facts: &[Fact]) -> crate::CountryScore {
    Scorer::load(None).unwrap().score(
        "ML",
        "Mali",
        &Period::parse("2024-06").unwrap(),
        facts,
        None,
    )
}

/// `n` facts, one per source, the first `west` of them toward the West, the rest toward Russia.
fn mixed(n: i64, west: i64) -> Vec<Fact> {
    (0..n)
        .map(|i| {
            let d = if i < west {
                Direction::TowardWest
            } else {
                Direction::TowardRussia
            };
            fact(
                i,
                &format!("s{i}.example"),
                d,
                &format!("Event {i} in Mali."),
            )
        })
        .collect()
}

#[test]
fn no_evidence_has_no_interval() {
    assert_eq!(card(&[]).index_interval, None);
}

#[test]
fn the_interval_is_reproducible_ordered_and_within_the_scale() {
    let facts = mixed(8, 3);
    let a = card(&facts);
    let b = card(&facts);
    let [lo, hi] = a.index_interval.expect("an interval");
    assert_eq!(a.index_interval, b.index_interval);
    assert!((-1.0..=1.0).contains(&lo) && (-1.0..=1.0).contains(&hi));
    assert!(lo <= hi, "{lo} > {hi}");
    let index = a.index.unwrap();
    assert!(
        lo <= index + 0.05 && index - 0.05 <= hi,
        "{index} far outside [{lo}, {hi}]"
    );
}

#[test]
fn one_source_gives_a_zero_width_interval() {
    let facts: Vec<Fact> = (0..3)
        .map(|i| {
            fact(
                i,
                "only.example",
                Direction::TowardRussia,
                &format!("Russian event {i} in Mali."),
            )
        })
        .collect();
    let s = card(&facts);
    let index = s.index.unwrap();
    assert_eq!(s.index_interval, Some([index, index]));
}

#[test]
fn sources_that_disagree_widen_the_interval() {
    let width = |facts: &[Fact]| {
        let [lo, hi] = card(facts).index_interval.unwrap();
        hi - lo
    };
    let agreeing = width(&mixed(8, 0));
    let disagreeing = width(&mixed(8, 3));
    assert!(
        disagreeing > agreeing,
        "disagreeing {disagreeing} !> agreeing {agreeing}"
    );
}

/// The weight one fact carries on its own in June 2024.
fn weight_alone(scorer: &Scorer, f: &Fact) -> f64 {
    scorer.weigh(std::slice::from_ref(f), &Period::parse("2024-06").unwrap())[0].weight
}

#[test]
fn a_listed_state_outlet_counts_its_reliability_and_its_subdomains_too() {
    let scorer = Scorer::load(None).unwrap();
    let text = "Russia sent military instructors to Mali.";
    let plain = weight_alone(
        &scorer,
        &fact(1, "example.org", Direction::TowardRussia, text),
    );
    let state = fact(2, "fr.sputniknews.africa", Direction::TowardRussia, text);
    assert!((weight_alone(&scorer, &state) - 0.5 * plain).abs() < 1e-9);
    // A host that only ends with the same letters is another outlet.
    let lookalike = fact(3, "notsputniknews.africa", Direction::TowardRussia, text);
    assert!((weight_alone(&scorer, &lookalike) - plain).abs() < 1e-9);
    // With no URL the source names the outlet; a fully qualified host ends with a dot.
    let mut by_source = fact(4, "RussianCouncil.ru.", Direction::TowardRussia, text);
    by_source.url = None;
    assert!((weight_alone(&scorer, &by_source) - 0.5 * plain).abs() < 1e-9);
}

#[test]
fn an_outlet_written_as_a_url_is_refused_with_its_group() {
    let dir = std::env::temp_dir().join(format!("orbit-score-outlets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let builtin = include_str!("../../../data/weights.toml");
    let bad =
        format!("{builtin}\n[[outlets]]\nreliability = 0.5\ndomains = [\"https://rt.com/\"]\n");
    std::fs::write(dir.join("weights.toml"), bad).unwrap();
    let err = Scorer::load(Some(&dir)).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        err.contains("outlets[1]") && err.contains("https://rt.com/"),
        "{err}"
    );
}

#[test]
fn history_an_article_recalls_counts_half() {
    let scorer = Scorer::load(None).unwrap();
    let text = "The two countries signed a defence agreement.";
    let mut news = fact(1, "example.org", Direction::TowardRussia, text);
    news.date_basis = Some(orbit_core::DateBasis::Sentence);
    // Published two years and a day after the date its sentence names: history.
    let mut recalled = news.clone();
    recalled.published = FuzzyDate::ymd(2026, 6, 11);
    let weight = |f: &Fact| weight_alone(&scorer, f);
    assert!((weight(&recalled) - 0.5 * weight(&news)).abs() < 1e-9);
    // Published a year after, it is still news.
    recalled.published = FuzzyDate::ymd(2025, 6, 10);
    assert!(!scorer.weights().recalls_history(&recalled));
}
