//! Property: whatever text comes in, extraction returns facts that point inside it — no panic on
//! names cut by punctuation ("U.N."), stray quotes, empty paragraphs or mixed languages.

use orbit_core::{Document, Knowledge, MAX_FACT_CHARS};
use orbit_extract::Extractor;
use proptest::prelude::*;

/// Pieces of news text that have tripped extractors: names with dots, quotes, cue words,
/// dates, pronouns, paragraph breaks, French and Arabic.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "Mali", "Burkina Faso", "Niger", "Niamey", "the U.S.", "U.N.", "anti-U.N.", "Russia",
    "Russian", "French", "Wagner", "Africa Corps", "ECOWAS", "the country", "la junte", "They",
    "expelled", "signed an agreement with", "withdrew from", "sanctioned", "was sanctioned by",
    "troops", "instructors", "a quitté", "ont quitté la CEDEAO", "said", "met", "on 3 June 2024",
    "in 2023", "«", "»", "\"", "(", ")", ",", ".", ";", "?", "\n", "\n\n", "—", "-", " ",
    "Côte d'Ivoire", "Guinée-Bissau", "روسيا", "مالي", "é", "’s", "Lt.", "Col.", "Gen.",
];

fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        Extractor::new(&Knowledge::load(None).expect("built-in knowledge")).expect("matchers")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn facts_always_point_inside_the_text(
        picks in prop::collection::vec(0..PIECES.len(), 1..60),
        spaced in prop::collection::vec(any::<bool>(), 60),
        lang in prop::sample::select(vec!["en", "fr", "ar"]),
    ) {
        let mut text = String::new();
        for (i, p) in picks.iter().enumerate() {
            text.push_str(PIECES[*p]);
            if spaced[i] {
                text.push(' ');
            }
        }
        let doc = Document {
            origin: "property".into(),
            url: None,
            source: None,
            title: None,
            published: None,
            lang: Some(lang.into()),
            text: text.clone(),
        };
        for fact in extractor().extract(&doc) {
            let [start, end] = fact.span;
            prop_assert!(start <= end && end <= text.len(), "span {:?} in {} bytes", fact.span, text.len());
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            prop_assert!(fact.text.chars().count() <= MAX_FACT_CHARS);
        }
    }
}
