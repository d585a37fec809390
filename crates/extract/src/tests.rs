//! Attribution, direction and dating, specified by example sentences (DESIGN §4).

use std::sync::LazyLock;

use orbit_core::{Direction, Document, Fact, FuzzyDate, Knowledge};

use crate::Extractor;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let knowledge = Knowledge::load(None).expect("built-in knowledge loads");
    Extractor::new(&knowledge).expect("matchers compile")
});

fn doc(text: &str, published: Option<&str>, lang: &str) -> Document {
    Document {
        origin: "test".into(),
        url: Some("https://example.org/a".into()),
        source: Some("example.org".into()),
        title: None,
        published: published.map(|p| p.parse().expect("test date")),
        lang: Some(lang.into()),
        text: text.into(),
    }
}

fn facts(text: &str) -> Vec<Fact> {
    EXTRACTOR.extract(&doc(text, None, "en"))
}

/// Fails, listing the facts, when one of them is of event type `t`.
fn assert_no_event(f: &[Fact], t: orbit_core::EventType) {
    assert!(f.iter().all(|f| f.event_type != t), "{f:?}");
}

/// Fails, listing the facts, when one of them points `d`.
fn assert_no_direction(f: &[Fact], d: Direction) {
    assert!(f.iter().all(|f| f.direction != d), "{f:?}");
}

/// Fails, listing the facts, unless one of them is `country`'s with `counterpart`, pointing `d`.
fn assert_reads(f: &[Fact], country: &str, counterpart: &str, d: Direction) {
    assert!(
        f.iter()
            .any(|f| f.country == country && f.counterpart == counterpart && f.direction == d),
        "{f:?}"
    );
}

fn countries(text: &str) -> Vec<String> {
    let mut c: Vec<String> = facts(text).into_iter().map(|f| f.country).collect();
    c.sort();
    c.dedup();
    c
}

/// The countries of the facts of an article with a title, in the order extracted.
fn countries_of_article(title: &str, text: &str, lang: &str) -> Vec<String> {
    let mut d = doc(text, None, lang);
    d.title = Some(title.into());
    EXTRACTOR
        .extract(&d)
        .into_iter()
        .map(|f| f.country)
        .collect()
}

#[test]
fn a_visit_to_burkina_faso_is_burkina_fasos_fact() {
    let c = countries("Lavrov visited Burkina Faso and announced more military instructors.");
    assert_eq!(c, ["BF"]);
}

#[test]
fn the_origin_of_a_movement_is_not_what_the_fact_is_about() {
    let f = facts("Russian mercenaries were flown from Mali to protect the Burkinabè leader.");
    assert_eq!(
        f.iter().map(|f| f.country.as_str()).collect::<Vec<_>>(),
        ["BF"]
    );
    assert_eq!(f[0].counterpart, "RU");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn a_list_of_countries_gives_a_fact_for_each() {
    let text = "The Russians use their power to exploit the chaos in African countries. \
                They also support other putschists, as in Mali, Chad, Burkina Faso and Niger.";
    let f = facts(text);
    let mut listed: Vec<&str> = f
        .iter()
        .filter(|f| f.text.contains("putschists"))
        .map(|f| f.country.as_str())
        .collect();
    listed.sort_unstable();
    assert_eq!(listed, ["BF", "ML", "NE", "TD"]);
    assert!(
        f.iter()
            .all(|f| f.counterpart == "RU" && f.direction == Direction::TowardRussia)
    );
    assert!(
        f[0].text.starts_with("[Russia] They also support"),
        "{}",
        f[0].text
    );
}

#[test]
fn a_sentence_naming_no_african_country_gives_no_fact() {
    assert!(
        facts(
            "Russia has been trying to build stronger ties with several nations ruled by juntas."
        )
        .is_empty()
    );
}

#[test]
fn the_country_is_resolved_inside_the_paragraph_and_bracketed() {
    let text = "Mali's strategic diversification extends beyond regional partnerships. \
                In late September, the country's minister of economy revealed aspirations to join the BRICS group.";
    let f = facts(text);
    let brics = f
        .iter()
        .find(|f| f.counterpart == "BRICS")
        .expect("BRICS fact");
    assert_eq!(brics.country, "ML");
    assert!(
        brics.text.starts_with("[Mali] In late September"),
        "{}",
        brics.text
    );
}

#[test]
fn expelling_french_troops_moves_toward_russia_without_a_russian_actor() {
    let f = facts("Niger's junta expelled French troops and ended its defence pact with Paris.");
    assert_eq!(f[0].country, "NE");
    assert_eq!(f[0].counterpart, "FR");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn cooperation_with_the_west_moves_toward_the_west() {
    let f = facts("Spain has been in talks with Mali about training its soldiers.");
    assert_eq!(f[0].country, "ML");
    assert_eq!(f[0].direction, Direction::TowardWest);
}

#[test]
fn hedged_and_negated_facts_weigh_less() {
    let plain = facts("Russia deployed troops to Mali.");
    let hedged = facts("Russia could deploy troops to Mali.");
    let negated = facts("Russia denied that it deployed troops to Mali.");
    assert!(hedged[0].hedged && !plain[0].hedged);
    assert!(negated[0].negated);
    assert!(hedged[0].weight < plain[0].weight);
    assert!(negated[0].weight < plain[0].weight);
}

/// The event date of the first fact about `country`, as written in the output.
fn event_date_of_country(facts: &[Fact], country: &str) -> Option<String> {
    facts
        .iter()
        .find(|f| f.country == country)
        .and_then(|f| f.event_date)
        .map(|d| d.to_string())
}

#[test]
fn event_dates_come_from_the_sentence_else_the_article() {
    let d = doc(
        "On October 21, 2024, Le Monde reported that Russia halted a joint operation with the Malian army. \
         Separately, Russia sent instructors to Burkina Faso.\n\n\
         Niger expelled the French ambassador.",
        Some("2024-11-09"),
        "en",
    );
    let f = EXTRACTOR.extract(&d);
    let by = |c| event_date_of_country(&f, c);
    assert_eq!(by("ML").as_deref(), Some("2024-10-21"));
    // Same paragraph: the date carries over from the previous sentence.
    assert_eq!(by("BF").as_deref(), Some("2024-10-21"));
    // New paragraph, no date: the article's.
    assert_eq!(by("NE").as_deref(), Some("2024-11-09"));
    assert!(f.iter().all(|f| f.published == FuzzyDate::ymd(2024, 11, 9)));
}

#[test]
fn russian_sentences_are_dated_by_the_date_they_name() {
    let d = doc(
        "Мали и Россия подписали соглашение о поставках топлива 12 октября 2025 года.\n\n\
         Нигер выслал французского посла в январе 2024 года.\n\n\
         Буркина-Фасо и Россия провели совместные учения в прошлом году.",
        Some("2025-11-03"),
        "ru",
    );
    let f = EXTRACTOR.extract(&d);
    let by = |c| event_date_of_country(&f, c);
    assert_eq!(by("ML").as_deref(), Some("2025-10-12"), "{f:#?}");
    assert_eq!(by("NE").as_deref(), Some("2024-01"), "{f:#?}");
    assert_eq!(by("BF").as_deref(), Some("2024"), "{f:#?}");
}

#[test]
fn french_sentences_are_attributed_and_typed() {
    let d = doc(
        "Le Burkina Faso a dénoncé les accords de défense avec la France et exigé le départ des troupes françaises.",
        Some("2023-01-22"),
        "fr",
    );
    let f = EXTRACTOR.extract(&d);
    assert_eq!(f[0].country, "BF");
    assert_eq!(f[0].counterpart, "FR");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn facts_are_short_and_spans_point_into_the_text() {
    let text = "Mali signed a defence agreement with Russia in 2019. Mali also bought Russian helicopters.";
    for f in facts(text) {
        assert!(f.text.chars().count() <= orbit_core::MAX_FACT_CHARS);
        assert_eq!(&text[f.span[0]..f.span[1]], f.text);
    }
}

#[test]
fn forces_moved_to_a_country_are_the_destinations_fact() {
    let f = facts(
        "A Russian cargo plane flew from Bamako in Mali to Ouagadougou, and Malian soldiers and Russian fighters were flown in to guard the Burkinabè leader.",
    );
    let countries: Vec<&str> = f.iter().map(|f| f.country.as_str()).collect();
    assert_eq!(countries, ["BF"], "{f:#?}");
}

#[test]
fn the_un_mission_in_mali_is_not_mali() {
    let text = "Ibrahim Traoré met Russian officials. Traoré said the Russian flights had carried equipment left behind by the UN mission in Mali.";
    let countries: Vec<String> = facts(text).into_iter().map(|f| f.country).collect();
    assert!(countries.iter().all(|c| c == "BF"), "{countries:?}");
}

#[test]
fn a_fronted_or_trailing_context_clause_does_not_decide_the_event() {
    let f =
        facts("Amid Wagner's departure, the Africa Corps reassured Mali of its continued support.");
    assert_eq!(
        f[0].direction,
        Direction::TowardRussia,
        "{:?}",
        f[0].event_type
    );
    let f = facts(
        "The United States will return Special Forces to Chad five months after they departed.",
    );
    assert_eq!(f[0].country, "TD");
    assert_eq!(
        f[0].direction,
        Direction::TowardWest,
        "{:?}",
        f[0].event_type
    );
}

#[test]
fn the_country_resolves_to_the_article_focus_when_the_paragraph_names_none() {
    let d = Document {
        title: Some("Le Mali reproche à la France un abandon en plein vol".into()),
        ..doc(
            "Le Mali reproche à la France un abandon en plein vol.\n\nLe premier ministre déplore un manque de concertation.\n\nLe pays semble à présent se tourner vers Moscou.",
            Some("2021-09-27"),
            "fr",
        )
    };
    let f = EXTRACTOR.extract(&d);
    let moscow = f
        .iter()
        .find(|f| f.counterpart == "RU")
        .expect("the turn to Moscow");
    assert_eq!(moscow.country, "ML");
    assert!(moscow.text.starts_with("[Mali] Le pays"), "{}", moscow.text);
}

#[test]
fn we_speaks_for_the_country_only_in_the_answer_to_a_question_of_its_own() {
    let interview = |text: &str| {
        EXTRACTOR.extract(&Document {
            title: Some("Madagascar : le nouveau pouvoir et Paris".into()),
            ..doc(text, None, "fr")
        })
    };
    let quote =
        "« La France a choisi son camp, nous choisirons nos partenaires », a lancé un officier.";
    // A question among an author's sentences: the "nous" after it is a quoted officer's.
    let essay = interview(&format!(
        "Une question revient : le pouvoir va-t-il se tourner vers Moscou ? Les signaux se multiplient.\n\n{quote}"
    ));
    assert!(essay.iter().all(|f| f.country != "MG"), "{essay:?}");
    // A paragraph of one question, then its answer: the interviewee speaks for the country.
    let answer = interview(&format!("Que répondez-vous à Paris ?\n\n{quote}"));
    assert!(answer.iter().any(|f| f.country == "MG"), "{answer:?}");
}

#[test]
fn a_minister_arriving_is_a_visit_and_troops_arriving_a_deployment() {
    let visit = facts(
        "Russian Foreign Minister Sergey Lavrov arrived in Conakry on a tour of West Africa.",
    );
    assert_eq!(visit[0].country, "GN");
    assert_eq!(visit[0].event_type, orbit_core::EventType::Consult);
    let troops =
        facts("Russian military instructors arrived in Niamey with an air-defence system.");
    assert_eq!(troops[0].event_type, orbit_core::EventType::Mobilize);
}

#[test]
fn abstaining_on_a_condemnation_of_russia_is_not_condemning_russia() {
    let f = facts("South Africa abstained on a UN resolution condemning Russia's war in Ukraine.");
    assert_eq!(f[0].country, "ZA");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

fn fr_facts(text: &str) -> Vec<Fact> {
    EXTRACTOR.extract(&doc(text, None, "fr"))
}

#[test]
fn curtailing_or_distancing_from_the_west_is_a_step_toward_russia() {
    let f = facts("Mali has curtailed its long-standing military ties with France.");
    assert_eq!(
        (f[0].country.as_str(), f[0].counterpart.as_str()),
        ("ML", "FR")
    );
    assert_eq!(f[0].direction, Direction::TowardRussia);
    let f = fr_facts("Le Niger entend s'éloigner de l'influence de la France.");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn ending_a_war_is_peace_making_not_a_rupture() {
    let f =
        facts("Kenya's president called for an end to the hostilities between Russia and Ukraine.");
    assert_no_event(&f, orbit_core::EventType::Retreat);
}

#[test]
fn no_sign_of_an_event_is_a_negation_and_an_option_under_consideration_a_hedge() {
    let f = facts("Ghana shows no sign of ending its partnership with the United States.");
    assert!(f[0].negated);
    let f = facts("A suspension of US trade benefits for Ethiopia is under consideration.");
    assert!(f[0].hedged);
}

#[test]
fn a_main_clause_event_is_with_the_power_the_main_clause_names() {
    // The cue is nearer to MINUSMA, named in the fronted context, than to Russia.
    let f = facts(
        "Since the departure of MINUSMA, rapprochement has deepened between Mali and Russia.",
    );
    assert_eq!(f[0].counterpart, "RU");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn a_fronted_topic_or_concession_does_not_decide_the_event() {
    let f = facts(
        "Regarding Western sanctions against Russia, the Moroccan ambassador praised cooperation with Moscow.",
    );
    assert_eq!(f[0].country, "MA");
    assert_ne!(f[0].event_type, orbit_core::EventType::Sanction);
    assert_eq!(f[0].stance, orbit_core::Stance::Cooperative);
}

#[test]
fn a_rebuff_idiom_is_a_rejection_not_a_deployment() {
    let f = fr_facts("Le président centrafricain a envoyé sur les roses son homologue français.");
    assert_eq!(
        (f[0].country.as_str(), f[0].counterpart.as_str()),
        ("CF", "FR")
    );
    assert_eq!(f[0].event_type, orbit_core::EventType::Reject);
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn its_neighbour_is_a_point_of_reference_not_the_party() {
    let f = fr_facts(
        "Au lieu de soutenir son voisin nigérien, le président béninois a choisi de servir les intérêts de Paris.",
    );
    assert!(!f.is_empty());
    assert!(f.iter().all(|f| f.country == "BJ"), "{f:?}");
}

#[test]
fn powers_named_as_the_theatre_of_a_war_are_not_the_counterpart() {
    // Russia and Ukraine name the war; the relation is with the United States.
    let f = facts(
        "Kenya called for talks on the Russia-Ukraine war during a meeting with the United States.",
    );
    assert_eq!(f[0].counterpart, "US", "{f:?}");
    let f = facts("Kenya called for diplomacy to address the Russia-Ukraine war.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn training_or_arming_armed_groups_is_an_accusation_against_the_power() {
    let f = fr_facts("Selon Niamey, les soldats français entraînent des terroristes au Niger.");
    assert_eq!(
        (f[0].country.as_str(), f[0].counterpart.as_str()),
        ("NE", "FR")
    );
    assert_eq!(f[0].stance, orbit_core::Stance::Hostile);
    assert_eq!(f[0].direction, Direction::TowardRussia);
    // Training against them is cooperation.
    let f = facts("French instructors are training Nigerien soldiers against terrorists.");
    assert_eq!(f[0].direction, Direction::TowardWest);
}

fn titled(title: &str, text: &str, lang: &str) -> Vec<Fact> {
    let mut d = doc(text, None, lang);
    d.title = Some(title.into());
    EXTRACTOR.extract(&d)
}

#[test]
fn a_membership_list_is_about_the_articles_own_country() {
    let f = titled(
        "Macron à Madagascar",
        "Le président français assistera à un sommet de la Commission de l'océan Indien, \
         un bloc composé de Madagascar, de l'île Maurice et des Comores.",
        "fr",
    );
    assert!(!f.is_empty());
    assert!(f.iter().all(|f| f.country == "MG"), "{f:?}");
}

#[test]
fn a_sentence_opening_with_a_comparison_is_background_for_the_compared_country() {
    let text = "Comme au Mali en 2021, les relations avec Paris se sont tendues après le putsch.";
    let f = titled("La Guinée et la France", text, "fr");
    assert!(f.iter().all(|f| f.country != "ML"), "{f:?}");
    // In a story about Mali itself, it is Mali's fact.
    let f = titled("Le Mali et la France", text, "fr");
    assert!(f.iter().any(|f| f.country == "ML"), "{f:?}");
}

#[test]
fn the_aside_scan_answers_as_lowercasing_each_prefix_does() {
    use crate::attribute::{Clause, is_aside_at};
    use std::cell::OnceCell;
    for text in [
        "Mali is expanding its security alliances, which now include China, Turkey, and Iran.",
        "Amid Wagner's departure, Mali's junta (backed by Moscow) signed a deal with Russia \
         after they departed.",
        "Le Niger, qui a expulsé les soldats français, s'est rapproché de la Russie, de la \
         Turquie et de l'Iran.",
        "İSTANBUL hosted Niger's minister, WHO met Erdoğan; ẞ and Ǆ are odd letters.",
    ] {
        let mentions = EXTRACTOR
            .entities
            .find_with_surnames(text, &orbit_core::fold(text));
        let clause = |aside_scan| Clause {
            text,
            start: 0,
            end: text.len(),
            mentions: mentions.clone(),
            cues: Vec::new(),
            asides: &EXTRACTOR.asides,
            aside_scan,
        };
        // A scan of `None` is what a clause with a capital sigma gets: each prefix lowercased.
        let (scanned, slow) = (clause(OnceCell::new()), clause(OnceCell::from(None)));
        for pos in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(
                is_aside_at(&scanned, pos),
                is_aside_at(&slow, pos),
                "{text:?} at {pos}"
            );
        }
        assert!(matches!(scanned.aside_scan.get(), Some(Some(_))));
    }
}

#[test]
fn a_list_in_an_aside_stays_in_the_aside_past_its_commas() {
    // All three are in the relative clause: the nearest to the cue is the counterpart.
    let f = facts(
        "Mali is expanding its security alliances, which now include China, Turkey, and Iran.",
    );
    assert_eq!(f[0].counterpart, "CN", "{f:?}");
}

#[test]
fn a_capitalised_cue_inside_a_name_is_not_backing_an_armed_group() {
    let f = facts(
        "Wagner and Mali's army suffered heavy losses to the Support Group for Islam and Muslims.",
    );
    assert_no_event(&f, orbit_core::EventType::Accuse);
}

#[test]
fn an_accusation_of_dealings_with_a_power_is_alleged_cooperation_for_the_accused() {
    let f = facts(
        "Ghana's president accused Captain Traoré of Burkina Faso of hiding Russian mercenaries.",
    );
    let bf = f
        .iter()
        .find(|f| f.country == "BF")
        .expect("a fact for the accused");
    assert_eq!(bf.counterpart, "RU");
    assert_eq!(bf.direction, Direction::TowardRussia);
    assert!(bf.hedged);
}

#[test]
fn diversifying_at_the_expense_of_a_partner_is_a_step_away_from_it() {
    let f = fr_facts(
        "Madagascar va diversifier sa coopération au détriment des privilèges accordés à la France.",
    );
    assert_eq!(f[0].counterpart, "FR");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn a_stated_readiness_or_wish_is_hedged() {
    let f = facts("Moscow confirmed its readiness to increase cooperation with Nigeria.");
    assert!(f[0].hedged);
    let f = fr_facts("Le Maroc souhaite renforcer sa coopération avec la Russie.");
    assert!(f[0].hedged);
}

#[test]
fn the_threat_as_a_danger_is_not_a_threat_between_states() {
    let f = facts(
        "The United States is supporting Benin in countering the threat of violent extremism.",
    );
    assert_eq!(f[0].direction, Direction::TowardWest, "{f:?}");
}

#[test]
fn evictions_entries_builds_and_arms_sales_are_events() {
    let f = facts("The junta evicted the American troops from Niger.");
    assert_eq!(f[0].direction, Direction::TowardRussia);
    let f = facts("Russian troops entered an air base in Niger.");
    assert_eq!(f[0].event_type, orbit_core::EventType::Mobilize);
    let f = facts("Rosatom launched the construction of Egypt's first nuclear power plant.");
    assert_eq!(
        (f[0].country.as_str(), f[0].counterpart.as_str()),
        ("EG", "RU")
    );
    let f = facts("Russia exports most of its weapons to Algeria.");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn the_west_african_nation_is_not_the_west() {
    let f = facts(
        "Thanks to this cooperation, the terrorists will be destroyed, he added, referring to the rebels who have fought in the West African nation of Burkina Faso since 2015.",
    );
    assert!(f.iter().all(|f| f.counterpart != "WEST"), "{f:?}");
    let sahara = facts("Morocco wants Western Sahara recognised as Moroccan by its partners.");
    assert!(sahara.iter().all(|f| f.counterpart != "WEST"), "{sahara:?}");
}

fn actor_of(text: &str) -> orbit_core::Actor {
    let f = facts(text);
    assert!(!f.is_empty(), "no fact in {text:?}");
    f[0].actor
}

#[test]
fn the_power_acts_when_it_is_named_first_and_the_country_after_the_event() {
    use orbit_core::Actor::{Counterpart, Country};
    assert_eq!(
        actor_of("Washington imposed sanctions on Sudan over the war."),
        Counterpart
    );
    assert_eq!(
        actor_of("Niger expelled the French ambassador on 6 July 2024."),
        Country
    );
    // Named together before the event: a joint act, the country's.
    assert_eq!(
        actor_of("Mali and Russia signed a defence agreement."),
        Country
    );
    // A power speaking about the country: its words, not the country's.
    assert_eq!(
        actor_of("Lavrov said Morocco was a friendly country and a strategic partner."),
        Counterpart
    );
}

#[test]
fn in_the_passive_the_agent_after_by_acts() {
    use orbit_core::Actor::{Counterpart, Country};
    assert_eq!(
        actor_of("Sudan was sanctioned by the United States in 2024."),
        Counterpart
    );
    assert_eq!(
        actor_of("French troops were expelled by the Malian junta."),
        Country
    );
    assert_eq!(actor_of("French troops were expelled from Mali."), Country);
    assert_eq!(
        fr_facts("Le Soudan a été sanctionné par les États-Unis.")[0].actor,
        Counterpart
    );
}

#[test]
fn the_power_whose_troops_move_is_the_counterpart_not_the_owner_of_the_place() {
    let f = facts("Russian troops entered a U.S. airbase in Niger on 2 May 2024.");
    assert_eq!(f[0].country, "NE");
    assert_eq!(f[0].counterpart, "RU");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn the_country_refers_back_only_to_a_country_already_named() {
    // The only African country comes last: "the country" before it means something else.
    let text = "Smog covers Delhi every winter.\n\nRussia sent military aid to the country in May 2024.\n\nOther cities like Lagos, Nigeria, face the same problem.";
    assert!(
        facts(text).iter().all(|f| f.country != "NG"),
        "{:?}",
        facts(text)
    );
    // Named first, it is the antecedent.
    let text = "Nigeria's air is the worst in the region.\n\nRussia sent military aid to the country in May 2024.";
    assert!(
        facts(text).iter().any(|f| f.country == "NG"),
        "{:?}",
        facts(text)
    );
}

#[test]
fn a_country_another_one_keeps_ties_with_is_the_other_party() {
    let c = countries(
        "Senegal and Togo remain partners of Western countries while refusing to break with Bamako, Ouagadougou and Niamey.",
    );
    assert_eq!(c, ["SN", "TG"]);
    // Their refusal to break with the AES capitals is theirs to dispute; what the sentence says
    // of them and the powers is that they remain Western partners.
    let f = facts(
        "Senegal and Togo remain partners of Western countries while refusing to break with Bamako, Ouagadougou and Niamey.",
    );
    assert!(
        f.iter().all(|f| f.direction == Direction::TowardWest),
        "{f:?}"
    );
    // Named as co-actors, not after the event word, they stay: "Niger, with Mali, left ECOWAS".
    let c = countries(
        "Niger, together with Mali and Burkina Faso, withdrew from ECOWAS in January 2024.",
    );
    assert_eq!(c, ["BF", "ML", "NE"]);
}

#[test]
fn a_dual_nationality_is_not_the_power_that_acts() {
    let f = facts(
        "The Treasury also sanctioned Sudanese-Ukrainian national Ahmad Abdalla, an official of the army's procurement arm.",
    );
    assert!(f.iter().all(|f| f.counterpart != "UA"), "{f:?}");
}

#[test]
fn where_a_speaker_stands_is_not_what_the_speech_is_about() {
    let c = countries(
        "Speaking in Nairobi, US Secretary of State Antony Blinken announced new aid for Sudan.",
    );
    assert_eq!(c, ["SD"]);
}

#[test]
fn a_dispute_between_neighbours_is_not_hostility_toward_a_power_named_elsewhere() {
    let f = facts(
        "Benin accused Niger's junta of blocking exports, while Niamey turned to Moscow for security support.",
    );
    assert!(f.iter().all(|f| f.country != "BJ"), "{f:?}");
    assert!(
        f.iter().any(|f| f.country == "NE" && f.counterpart == "RU"),
        "{f:?}"
    );
    // The power inside the accusation keeps the accuser's fact.
    let f = facts("Ghana accused Burkina Faso of hiring Wagner mercenaries.");
    assert!(
        f.iter().any(|f| f.country == "GH" && f.counterpart == "RU"),
        "{f:?}"
    );
}

#[test]
fn a_private_person_of_a_power_is_not_the_power() {
    assert!(
        facts("Moroccan authorities arrested a French tourist for drug possession.").is_empty()
    );
    assert!(facts("Two Russian students were expelled from Mali for fighting.").is_empty());
    assert_eq!(
        countries("Morocco arrested a French diplomat accused of spying."),
        vec!["MA"]
    );
}

#[test]
fn a_commentators_nationality_names_no_party() {
    assert_eq!(
        countries("Russia is deepening its military ties with Togo, said a Ghanaian analyst."),
        ["TG"]
    );
    let f = EXTRACTOR.extract(&doc(
        "Le Niger a signé un accord de défense avec la Russie, selon un politologue malien.",
        None,
        "fr",
    ));
    assert_eq!(
        f.iter().map(|f| f.country.as_str()).collect::<Vec<_>>(),
        ["NE"]
    );
    // A capitalised noun followed by a name is part of that name, not a person.
    assert_eq!(
        countries("The South African National Defence Force began naval drills with Russia."),
        ["ZA"]
    );
}

#[test]
fn a_head_of_state_named_with_a_nationality_is_not_the_countrys() {
    let text = "Guinea-Bissau's president arrived in Moscow on Tuesday.\n\n\
                Devant les caméras, le chef de l'État russe a salué une amitié ancienne.";
    let f = EXTRACTOR.extract(&doc(text, None, "fr"));
    assert!(
        !f.iter().any(|f| f.text.contains("le chef de l'État russe")),
        "{f:?}"
    );
    let text = "Guinea-Bissau's president arrived in Moscow on Tuesday.\n\n\
                Devant les caméras, le chef de l'État a salué une amitié ancienne avec la Russie.";
    let f = EXTRACTOR.extract(&doc(text, None, "fr"));
    assert!(
        f.iter()
            .any(|f| f.country == "GW" && f.text.contains("le chef de l'État")),
        "{f:?}"
    );
}

#[test]
fn countries_named_only_in_an_aside_of_another_countrys_story_get_no_fact() {
    let mut d = doc(
        "Uganda's president met Sergei Lavrov in Kampala on Tuesday.\n\n\
         Lavrov, on a tour that also took him to Egypt and Ethiopia, said Russia would honour \
         its grain contracts with African buyers.",
        None,
        "en",
    );
    d.title = Some("Museveni hosts Lavrov in Kampala".into());
    let f = EXTRACTOR.extract(&d);
    assert!(f.iter().any(|f| f.country == "UG"), "{f:?}");
    assert!(
        !f.iter().any(|f| f.country == "EG" || f.country == "ET"),
        "{f:?}"
    );
}

#[test]
fn what_another_country_had_done_is_background() {
    assert_eq!(
        countries_of_article(
            "Togo joins the Commonwealth",
            "Togo joined the Commonwealth on Friday. Algeria had recalled its ambassador to Paris \
             in 2021.",
            "en",
        ),
        ["TG"]
    );
}

#[test]
fn another_country_doing_the_same_is_background() {
    assert_eq!(
        countries_of_article(
            "Le Burkina Faso et l'uranium",
            "Le Burkina Faso a signé un accord minier avec Rosatom. Le Niger discute lui aussi \
             avec des partenaires russes.",
            "fr",
        ),
        ["BF"]
    );
}

#[test]
fn another_country_set_beside_by_a_pronoun_is_background() {
    assert_eq!(
        countries_of_article(
            "Le Maroc reçoit le président français",
            "Le Maroc a signé trois accords avec la France mardi. L'Algérie, elle, a rappelé \
             son ambassadeur à Paris.",
            "fr",
        ),
        ["MA"]
    );
}

#[test]
fn a_news_item_dated_from_an_elided_earlier_one_is_background() {
    // "depuis l'" ends with an apostrophe: the next word follows it with no space.
    assert_eq!(
        countries_of_article(
            "Le Togo et la Russie",
            "Le Togo a signé un accord de défense avec la Russie. Depuis l'arrivée au pouvoir \
             du général Tiani, le Niger a signé un accord militaire avec Moscou.",
            "fr",
        ),
        ["TG"]
    );
}

#[test]
fn what_other_countries_do_meanwhile_is_background() {
    assert_eq!(
        countries_of_article(
            "La Côte d'Ivoire et ses partenaires",
            "La Côte d'Ivoire a signé un accord de défense avec la France. Pendant que Bamako et \
             Ouagadougou expulsaient les soldats français, Abidjan renforçait ses liens avec \
             Paris.",
            "fr",
        ),
        ["CI"]
    );
}

#[test]
fn a_list_of_other_countries_is_background() {
    assert_eq!(
        countries_of_article(
            "Nigeria and the US sign a security pact",
            "Nigeria signed a security pact with the United States on Monday. French troops \
             were pushed out of Mali, Burkina Faso and Niger.",
            "en",
        ),
        ["NG"]
    );
    // In a story about them, the list is the news.
    let f = facts("French troops were pushed out of Mali, Burkina Faso and Niger.");
    assert!(f.iter().any(|f| f.country == "ML"), "{f:?}");
}

#[test]
fn a_neutral_organisations_accusation_is_its_own() {
    let f = EXTRACTOR.extract(&doc(
        "Les paramilitaires liés au groupe Wagner auprès des forces armées centrafricaines, \
         accusés par des experts de l'ONU d'exactions, restent déployés.",
        None,
        "fr",
    ));
    assert_no_event(&f, orbit_core::EventType::Accuse);
}

#[test]
fn an_event_in_another_countrys_aside_is_not_this_ones() {
    let f = EXTRACTOR.extract(&doc(
        "Avec environ 1 500 militaires, la base de Djibouti devient de facto le principal point \
         d'appui de l'armée française sur le continent, après les départs successifs de Bamako, \
         de Ouagadougou puis de Niamey, et alors que le Tchad et le Sénégal viennent d'annoncer \
         la fin de la présence militaire française.",
        None,
        "fr",
    ));
    assert!(!f.iter().any(|f| f.country == "DJ"), "{f:?}");
}

#[test]
fn another_country_following_suit_is_background() {
    assert_eq!(
        countries_of_article(
            "Le Mali rompt avec Kiev",
            "Le Mali a annoncé la rupture de ses relations avec l'Ukraine. Deux jours plus tard, \
             le Niger annonçait à son tour la rupture de ses relations avec Kiev.",
            "fr",
        ),
        ["ML"]
    );
}

#[test]
fn a_contrast_with_other_countries_is_background() {
    assert_eq!(
        countries_of_article(
            "Djibouti, a crowded garrison",
            "Djibouti hosts American, French and Chinese bases. Russia, by contrast, has sought \
             a foothold in Djibouti without success and has looked instead to Sudan and Eritrea.",
            "en",
        )
        .iter()
        .filter(|c| *c == "SD" || *c == "ER")
        .count(),
        0
    );
}

#[test]
fn what_unnamed_countries_do_is_theirs() {
    let f = facts(
        "Lavrov arrived in Guinea on Monday, on a tour of West Africa where coups have led \
         several countries to pivot toward Moscow.",
    );
    assert!(!f.is_empty());
    assert_no_event(&f, orbit_core::EventType::Support);
}

#[test]
fn a_country_named_in_passing_is_news_only_as_a_subject_or_a_host() {
    let text = "Ghana signed a defence agreement with the United States on Monday.\n\n\
                Security analysts in Nairobi said the move cemented a partnership with \
                Washington. Senegal has expelled the French ambassador. The US defence \
                secretary will also travel to Togo during the tour.";
    let mut got = countries_of_article("Ghana signs a defence pact with the US", text, "en");
    got.sort();
    assert_eq!(got, ["GH", "SN", "TG"]);
    // Named again, Kenya is more than company.
    let again = format!("{text} Kenya has deepened its security partnership with Washington.");
    assert!(
        countries_of_article("Ghana signs a defence pact with the US", &again, "en")
            .contains(&"KE".to_string())
    );
}

#[test]
fn what_an_aside_says_of_another_country_is_not_the_news() {
    let text = "Ghana signed a defence agreement with the United States on Monday.\n\n\
                Togo, which has also floated closer ties with the AES, shares a long border with \
                Ghana. Togo's port serves the whole region.";
    let got = countries_of_article("Ghana signs a defence pact with the US", text, "en");
    assert!(got.contains(&"GH".to_string()), "{got:?}");
    assert!(!got.contains(&"TG".to_string()), "{got:?}");
}

#[test]
fn sanctions_between_two_powers_are_not_the_host_countrys() {
    for text in [
        "The US Treasury sanctioned two Wagner-linked companies operating gold mines in the Central African Republic.",
        "Washington imposed sanctions on Russian firms operating in Sudan.",
        "Les États-Unis ont sanctionné la société russe Lobaye Invest, active en Centrafrique.",
    ] {
        assert!(facts(text).is_empty(), "{text:?}: {:?}", facts(text));
    }
    // The country is the target, or stands with the target: its fact stays.
    assert_eq!(
        countries("Washington imposed sanctions on Sudan over its ties with Russia."),
        ["SD"]
    );
    assert_eq!(
        countries("Zimbabwe condemned the sanctions imposed on Moscow by Washington."),
        ["ZW"]
    );
}

#[test]
fn a_power_named_only_in_another_countrys_aside_is_not_the_counterpart() {
    for text in [
        "Senegal welcomed the decision, which Mali, Burkina Faso and Russia had opposed.",
        "Ghana hosted the summit on Monday, weeks after Burkina Faso turned to Russian instructors.",
    ] {
        let f = facts(text);
        assert!(f.iter().all(|f| f.counterpart != "RU"), "{text:?}: {f:?}");
    }
    // The subject's own aside keeps its power: "qui entretient une coopération avec les
    // États-Unis" is Nouakchott's.
    let f = facts(
        "Nouakchott, which also cooperates with the United States on security, has become a key partner, since Bamako and Niamey turned to Moscow.",
    );
    assert!(
        f.iter().any(|f| f.country == "MR" && f.counterpart == "US"),
        "{f:?}"
    );
}

#[test]
fn a_power_named_in_an_argument_is_not_the_counterpart_of_the_act_defended() {
    let f = facts(
        "South Africa's navy began drills with Russian warships off Durban on Monday. Minister Naledi Pandor defended the exercise, arguing that South Africa also trains with France and the United States.",
    );
    assert!(!f.is_empty());
    assert!(f.iter().all(|f| f.counterpart == "RU"), "{f:?}");
    // What the argument itself names weighs as a claim.
    let f = facts(
        "Officials pointed out that Nigeria was offered partner status at the Kazan summit in Russia.",
    );
    assert!(f.iter().all(|f| f.hedged), "{f:?}");
}

#[test]
fn a_neighbour_named_for_geography_is_no_party_even_alone() {
    assert!(
        facts("The airstrip at Kidira, close to the borders with Mali and Mauritania, will host French instructors.")
            .is_empty()
    );
    // The pair before "border" may be the parties: "the Niger-Benin border dispute".
    assert!(!facts("China offered to mediate the Niger-Benin border dispute.").is_empty());
}

#[test]
fn what_happened_elsewhere_is_background_for_other_countries() {
    let c = countries_of_article(
        "Gabon and France agree to share the Libreville base",
        "Gabon and France agreed on Tuesday to turn the Libreville base into a shared camp.\n\nElsewhere on the continent, Chad demanded the departure of all French troops.",
        "en",
    );
    assert_eq!(c, vec!["GA"]);
}

#[test]
fn a_power_named_in_a_later_contrasting_clause_is_not_the_counterpart() {
    for text in [
        "Gabon's president received the new ambassador on Monday, while France announced a further cut in its garrison.",
        "Le gouvernement tanzanien a signé un accord d'exportation de noix de cajou, tandis que la Russie annonçait l'ouverture d'un consulat à Zanzibar.",
    ] {
        assert!(facts(text).is_empty(), "{text}");
    }
    let f = facts("Mali signed a deal with Russia, while France withdrew its troops.");
    assert!(!f.is_empty());
    assert!(f.iter().all(|f| f.counterpart == "RU"), "{f:?}");
    // A country named in the contrasting clause takes its event: US envoys met Libyans.
    let f = facts(
        "Libya's unity government has avoided public criticism, while US envoys have met Haftar's sons.",
    );
    assert!(!f.is_empty());
    assert!(
        f.iter()
            .all(|f| f.counterpart == "US" && f.event_type == orbit_core::EventType::Consult),
        "{f:?}"
    );
}

#[test]
fn a_power_taking_control_is_no_seizure_of_its_holdings() {
    let seizure = |text: &str| {
        facts(text)
            .iter()
            .any(|f| f.event_type == orbit_core::EventType::Coerce)
    };
    assert!(seizure(
        "Mali took control of the gold mine run by a Canadian company."
    ));
    assert!(!seizure(
        "Russian forces took control of the gold mine in Mali."
    ));
}

#[test]
fn a_drug_seizure_is_police_work_not_a_seizure_from_a_power() {
    let f = facts(
        "Police in Guinea-Bissau seized more than two tons of cocaine in an operation carried \
         out with the US Drug Enforcement Administration.",
    );
    assert_no_event(&f, orbit_core::EventType::Coerce);
}

#[test]
fn a_withdrawal_followed_by_the_same_powers_takeover_is_a_hand_over() {
    let types = |text: &str, lang: &str| -> Vec<orbit_core::EventType> {
        EXTRACTOR
            .extract(&doc(text, None, lang))
            .into_iter()
            .filter(|f| f.country == "ML" && f.counterpart == "RU")
            .map(|f| f.event_type)
            .collect()
    };
    let handed_over = types(
        "Le groupe Wagner a annoncé quitter le Mali. Le contingent de l'Africa Corps \
         reprendra les positions, a confirmé une source sécuritaire à Bamako.",
        "fr",
    );
    assert_eq!(handed_over, [orbit_core::EventType::Mobilize]);
    // An arrival told before a departure is the story of both.
    let arrived_then_left = types(
        "Russian instructors arrived in Mali in 2021. This month Wagner left Mali.",
        "en",
    );
    assert!(
        arrived_then_left.contains(&orbit_core::EventType::Retreat),
        "{arrived_then_left:?}"
    );
}

#[test]
fn forces_folded_into_the_same_powers_successor_stay() {
    let retreats = |text: &str| {
        facts(text)
            .into_iter()
            .filter(|f| f.event_type == orbit_core::EventType::Retreat)
            .count()
    };
    let left = "The Wagner Group announced that its fighters were pulling out of Mali.";
    assert_eq!(retreats(left), 1);
    assert_eq!(
        retreats(&format!(
            "{left} The exit does not mean Russian fighters are leaving. Its men will be \
             folded into the Africa Corps, two diplomats in Bamako said."
        )),
        0
    );
}

#[test]
fn an_opening_possessive_names_whose_event_it_is() {
    let f = facts(
        "French troops left Mali in August. Their departure opened the way for Malian units \
         backed by Wagner fighters to move north.",
    );
    let departures: Vec<&str> = f
        .iter()
        .filter(|f| f.event_type == orbit_core::EventType::Retreat)
        .map(|f| f.counterpart.as_str())
        .collect();
    assert_eq!(departures, ["FR", "FR"], "{f:?}");
}

#[test]
fn leaving_a_front_is_not_leaving_the_country() {
    let f = facts(
        "Hundreds of Wagner contractors withdrew from the frontlines south of Tripoli and were \
         flown to the Jufra airbase in central Libya.",
    );
    assert_no_event(&f, orbit_core::EventType::Retreat);
}

#[test]
fn one_powers_warning_about_another_is_not_the_countrys_act() {
    assert_eq!(
        countries(
            "Italy's defence minister warned that Russian ships could soon operate from Libyan ports."
        ),
        Vec::<String>::new()
    );
    // The country named as the subject keeps its act.
    assert_eq!(
        countries(
            "Asked about the war in Ukraine, he said Zambia had voted to condemn Russia's invasion."
        ),
        ["ZM"]
    );
}

#[test]
fn since_before_a_name_times_the_news_from_an_earlier_act() {
    let f = facts(
        "The US has held talks with the Central African Republic about training, the first \
         Western security presence in the country since Russian fighters arrived in 2018.",
    );
    assert!(f.iter().all(|f| f.counterpart != "RU"), "{f:?}");
    // "since" before a date or as an adverb opens no clause.
    let f = facts("US officials have since agreed to withdraw roughly 1,000 troops from Niger.");
    assert!(
        f.iter()
            .any(|f| f.country == "NE" && f.direction == Direction::TowardRussia),
        "{f:?}"
    );
}

#[test]
fn a_condition_is_no_resumption_of_the_act_it_sets() {
    let f = facts(
        "The US was open to resuming cooperation if the Central African Republic distanced \
         itself from Wagner.",
    );
    assert_no_direction(&f, Direction::TowardRussia);
}

#[test]
fn a_threat_to_bring_in_a_power_is_no_hostility_toward_it() {
    let f = fr_facts("Le Niger a menacé de faire appel à la Russie.");
    assert_no_direction(&f, Direction::TowardWest);
    let f = facts("Mali threatened to hire Wagner mercenaries.");
    assert_no_direction(&f, Direction::TowardWest);
    // A threat of a hostile act stays one.
    let f = facts("Mali threatened to expel French troops.");
    assert_eq!(f[0].direction, Direction::TowardRussia);
}

#[test]
fn an_act_in_context_outranks_what_a_description_says() {
    let f = facts(
        "The crisis has only intensified since Mali's coup leaders partnered with mercenaries \
         from the Russian Wagner Group, a paramilitary organization that has already been \
         accused of abuses.",
    );
    assert_no_event(&f, orbit_core::EventType::Accuse);
}

#[test]
fn the_return_of_a_suspended_programme_undoes_the_suspension() {
    let f = facts(
        "Thirty-two American Peace Corps volunteers were sworn in on Tuesday, marking the full \
         return of the programme to Sierra Leone after it was suspended during the pandemic.",
    );
    assert_no_direction(&f, Direction::TowardRussia);
}

#[test]
fn disinformation_fought_together_is_no_charge_against_the_partner() {
    let f = facts(
        "Nigeria's National Orientation Agency and the United States embassy have launched a \
         nine-month programme to train 600 journalists, civil servants and community \
         influencers in spotting coordinated disinformation.",
    );
    assert_no_direction(&f, Direction::TowardRussia);
}

#[test]
fn commentators_places_are_no_parties_beside_a_country_named_in_an_aside() {
    let c = countries_of_article(
        "Biden's visit to Luanda",
        "Biden visited Luanda on Wednesday. Analysts in Johannesburg and Windhoek said the \
         visit was also aimed at countering China, which holds much of Angola's external debt.",
        "en",
    );
    assert!(c.iter().all(|c| c != "ZA" && c != "NA"), "{c:?}");
}

#[test]
fn a_french_negation_around_any_verb_denies_the_event() {
    let f = fr_facts("Madagascar ne vote plus contre Moscou.");
    assert_no_direction(&f, Direction::TowardWest);
    let f = fr_facts("Madagascar vote contre Moscou.");
    assert!(
        f.iter().any(|f| f.direction == Direction::TowardWest),
        "{f:?}"
    );
}

#[test]
fn a_measure_lifted_is_a_concession_and_one_not_lifted_stays_hostile() {
    let f = facts("The ban on Barrick's exports was lifted by Tanzania in March.");
    assert!(
        f.iter()
            .any(|f| f.event_type == orbit_core::EventType::Concede),
        "{f:?}"
    );
    let f =
        fr_facts("Le Niger maintient l'interdiction visant Orano tant qu'elle ne sera pas levée.");
    assert_no_event(&f, orbit_core::EventType::Concede);
}

#[test]
fn an_act_after_a_gerund_is_context_for_the_news_before_it() {
    let f = facts(
        "Sudan signed gold deals with Russian companies after cutting diplomatic ties with the United Arab Emirates.",
    );
    assert_no_event(&f, orbit_core::EventType::Retreat);
    assert!(
        f.iter().any(|f| f.direction == Direction::TowardRussia),
        "{f:?}"
    );
}

#[test]
fn a_withdrawal_handed_over_in_a_sentence_naming_no_country_is_the_deployment() {
    let f = facts(
        "Wagner's fighters have left Mali. The Africa Corps is taking over their bases and equipment.",
    );
    assert_reads(&f, "ML", "RU", Direction::TowardRussia);
    assert!(
        f.iter()
            .any(|f| f.event_type == orbit_core::EventType::Mobilize),
        "{f:?}"
    );
    assert_no_event(&f, orbit_core::EventType::Retreat);
}

#[test]
fn a_fronted_condition_is_not_the_news() {
    let f = fr_facts("Si Paris coupe son aide au Tchad, N'Djamena se tournera vers Moscou.");
    assert_no_direction(&f, Direction::TowardWest);
}

#[test]
fn a_company_that_speaks_is_a_party_and_an_outlet_that_reports_is_not() {
    let f = facts("Barrick said Malian authorities had seized three tonnes of gold from its mine.");
    assert_reads(&f, "ML", "CA", Direction::TowardRussia);
    let f = facts("RFI said Mali had signed a mining agreement with Moscow.");
    assert!(f.iter().all(|f| f.counterpart != "FR"), "{f:?}");
}

#[test]
fn the_governments_own_bodies_refer_back_to_the_country() {
    let f = fr_facts(
        "Le Burkina Faso nationalise deux mines d'or. Le conseil des ministres a accordé un permis d'exploitation à Nordgold.",
    );
    assert_reads(&f, "BF", "RU", Direction::TowardRussia);
}

#[test]
fn a_fronted_clause_runs_past_a_span_of_names_and_after_a_conjunction() {
    let f = fr_facts(
        "Mais alors que plusieurs pays, du Mali au Niger, ont rompu avec Paris, le pouvoir camerounais choisit le dialogue.",
    );
    assert_reads(&f, "CM", "FR", Direction::TowardWest);
    assert_no_direction(&f, Direction::TowardRussia);
}

#[test]
fn officials_opening_a_sentence_are_the_paragraphs_country_unless_named_as_anothers() {
    let f = facts(
        "Mali has tightened its grip on gold. Authorities seized three tonnes of gold from Barrick's mine.",
    );
    assert_reads(&f, "ML", "CA", Direction::TowardRussia);
    let f = facts(
        "Mali has tightened its grip on gold. Officials in Washington announced new aid for the region.",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_city_named_as_where_a_powers_embassy_stands_is_no_party_to_its_dealings_with_a_third() {
    let f = facts(
        "The German embassy in Windhoek said Berlin rejects the accusation of genocide against \
         Israel.",
    );
    assert!(f.is_empty(), "{f:?}");
    // The embassy's own power's dealings stay the host's.
    let f = facts("The Russian embassy in Bamako said Moscow would deliver wheat.");
    assert_reads(&f, "ML", "RU", Direction::TowardRussia);
}

#[test]
fn what_a_comparison_measures_by_is_neither_a_party_nor_an_event() {
    let f = facts("Mali's debt is a bigger problem than Russian influence, the minister said.");
    assert!(f.is_empty(), "{f:?}");
    let f = facts(
        "Guinea signed an arms deal on better terms than Western suppliers offer, officials in Moscow said.",
    );
    assert_reads(&f, "GN", "RU", Direction::TowardRussia);
    assert!(f.iter().all(|f| f.counterpart != "WEST"), "{f:?}");
}

#[test]
fn a_power_left_unnamed_is_no_party() {
    let f = EXTRACTOR.extract(&doc(
        "« Le Mozambique a fait le choix de partenaires transparents », a déclaré le ministre de la \
         Défense, sans citer Moscou.",
        None,
        "fr",
    ));
    assert!(f.iter().all(|f| f.counterpart != "RU"), "{f:?}");
    let f = facts("Kenya's president criticised foreign mercenaries without naming Russia.");
    assert!(f.iter().all(|f| f.counterpart != "RU"), "{f:?}");
}

#[test]
fn another_powers_measure_against_a_power_is_no_act_of_the_country() {
    assert!(
        facts("Cairo says the plant is on schedule despite Western sanctions on Russia.")
            .is_empty()
    );
    assert!(
        EXTRACTOR
            .extract(&doc(
                "Le Caire assure que le chantier avance malgré les sanctions occidentales visant la Russie.",
                None,
                "fr"
            ))
            .is_empty()
    );
    // The country's own measure stays its act.
    assert!(!facts("Egypt imposed sanctions on Russia.").is_empty());
}

#[test]
fn ending_a_cold_spell_or_following_neighbours_is_no_accord_nor_rupture() {
    let fr = |text: &str| EXTRACTOR.extract(&doc(text, None, "fr"));
    // The end of years of estrangement is no rupture.
    assert_no_direction(
        &fr(
            "Pour Rabat, cette visite d'État scelle la fin de trois années de brouille avec Paris.",
        ),
        Direction::TowardRussia,
    );
    // Joining neighbours that suspended French media is no accord with France.
    let f = fr(
        "Le Niger rejoint ainsi le Mali et le Burkina Faso, qui ont suspendu les deux médias français.",
    );
    assert_no_direction(&f, Direction::TowardWest);
    assert!(!f.is_empty());
}

#[test]
fn a_leader_suspending_his_own_staff_breaks_with_no_one() {
    let f = facts("Liberia's president has suspended his chief of staff, the US embassy said.");
    assert_no_event(&f, orbit_core::EventType::Retreat);
}

#[test]
fn the_opposition_accusing_the_head_of_state_alleges_dealings() {
    let f = EXTRACTOR.extract(&doc(
        "Le président comorien a signé lundi un partenariat avec la France. À Moroni, \
         l'opposition, qui conteste la réélection d'Azali Assoumani en mars dernier, accuse le \
         chef de l'État de « vendre Mayotte » en échange de l'aide française.",
        None,
        "fr",
    ));
    let accusation = f
        .iter()
        .find(|f| f.text.contains("opposition"))
        .expect("a fact from the accusation");
    assert_eq!(accusation.direction, Direction::TowardWest, "{f:?}");
}

#[test]
fn partners_in_an_act_against_a_third_party_are_allies_unless_it_is_mutual() {
    let fr = |text: &str| EXTRACTOR.extract(&doc(text, None, "fr"));
    // An article before the target is no reciprocal.
    let f = fr(
        "Le Kenya et les États-Unis ont annoncé des sanctions contre les financiers des shebab.",
    );
    assert!(
        f.iter()
            .any(|f| f.event_type == orbit_core::EventType::Cooperate),
        "{f:?}"
    );
    // Acts the two aim at each other are a quarrel.
    let f = facts("Mali and France imposed sanctions against each other.");
    assert_no_event(&f, orbit_core::EventType::Cooperate);
}
