//! Language identification with lingua, over the languages orbit's sources are written in.

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

/// The languages the detector chooses among. Building lingua over all 75 languages is slow and
/// loads every model; these cover the media orbit monitors (see notes/crates.md §10).
const LANGUAGES: [Language; 8] = [
    Language::English,
    Language::French,
    Language::Portuguese,
    Language::Arabic,
    Language::Spanish,
    Language::German,
    Language::Italian,
    Language::Russian,
];

/// Below this many letters a guess is noise: "Mali" is a word in several languages.
const MIN_LETTERS: usize = 40;
/// lingua is given at most this much text: a paragraph decides as well as a whole page (the
/// labelled corpus is detected right at this length), and lingua's time grows with it.
const SAMPLE_BYTES: usize = 300;
/// The best language must be at least this confident, or the text is called ambiguous.
const MIN_CONFIDENCE: f64 = 0.6;
/// Latin letters with diacritics that the detector's Latin-script languages use. lingua only
/// chooses among its languages and is sure of itself even when the text is none of them: a
/// Polish page came out as English with confidence 0.99999. Letters outside this set ("ł",
/// "ż", "ř", "ş") mean another language.
const KNOWN_LATIN_LETTERS: &str = "àâæçéèêëîïôœùûüÿáãíóõúñäößìòº";

pub(crate) struct LanguageId {
    detector: LanguageDetector,
}

impl std::fmt::Debug for LanguageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LanguageId")
    }
}

impl LanguageId {
    pub(crate) fn new() -> Self {
        LanguageId {
            detector: LanguageDetectorBuilder::from_languages(&LANGUAGES).build(),
        }
    }

    /// The ISO 639-1 code of the language of `text`, or `None` when short or ambiguous.
    pub(crate) fn detect(&self, text: &str) -> Option<String> {
        let mut end = text.len().min(SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS
            || has_foreign_latin_letters(sample)
        {
            return None;
        }
        let (language, confidence) = self
            .detector
            .compute_language_confidence_values(sample)
            .into_iter()
            .next()?;
        (confidence >= MIN_CONFIDENCE).then(|| language.iso_code_639_1().to_string())
    }

    /// Whether the detector knows `code` (ISO 639-1), so its own guess can be trusted over a
    /// page's declared language.
    pub(crate) fn knows(code: &str) -> bool {
        LANGUAGES
            .iter()
            .any(|l| l.iso_code_639_1().to_string() == code)
    }
}

/// Latin letters that none of the detector's languages writes make up 4% or more of the
/// letters: Polish is full of them; an English story naming "Erdoğan" is not.
fn has_foreign_latin_letters(text: &str) -> bool {
    let (mut letters, mut foreign) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if !c.is_ascii()
            && c.to_lowercase()
                .any(|l| is_latin(l) && !KNOWN_LATIN_LETTERS.contains(l))
        {
            foreign += 1;
        }
    }
    foreign >= 3 && foreign * 25 >= letters
}

/// Latin-1 Supplement through Latin Extended Additional, where accented Latin letters live.
fn is_latin(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_french_and_refuses_short_text() {
        let id = LanguageId::new();
        assert_eq!(
            id.detect("Mali's junta met Russia's foreign minister in Bamako to discuss more military instructors.")
                .as_deref(),
            Some("en")
        );
        assert_eq!(
            id.detect(
                "Le gouvernement malien a annoncé la fin de l'accord de défense avec la France."
            )
            .as_deref(),
            Some("fr")
        );
        assert_eq!(id.detect("Mali"), None);
    }

    #[test]
    fn text_in_a_language_it_does_not_know_is_not_forced_into_one() {
        let id = LanguageId::new();
        let polish = "Rząd w Warszawie ogłosił, że żołnierze wrócą do kraju w przyszłym \
                      tygodniu, a minister obrony złożył wizytę w Afryce Zachodniej.";
        assert_eq!(id.detect(polish), None);
        let english = "Turkish President Recep Tayyip Erdoğan hosted the Libyan prime minister; \
                       Erdoğan and his guest discussed the security deals Erdoğan signed in 2019.";
        assert_eq!(id.detect(english).as_deref(), Some("en"));
    }
}
