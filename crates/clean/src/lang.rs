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

/// Common function words of English that French does not write. The other Latin-script
/// languages the detector knows share a few ("in", "was"), but a text in one of them also
/// has words of [`OTHER_WORDS`].
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "are", "was", "with", "that", "for", "from", "by", "has",
    "have", "had", "were", "been", "this", "which", "its", "their", "will", "would", "said", "not",
    "at", "as", "an", "it", "he", "his", "who", "also", "after", "but", "they",
];
/// Common function words of French that English does not write (some are Spanish or Italian
/// too, which [`OTHER_WORDS`] tells apart).
const FRENCH_WORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "et", "est", "une", "en", "dans", "avec", "sur", "au",
    "aux", "ont", "été", "cette", "ces", "pas", "pour", "sont", "leur", "ses", "mais", "nous",
    "ils", "elle", "qui", "que", "il", "par", "ne", "se", "sa",
];
/// Function words of the detector's other Latin-script languages (Spanish, Portuguese,
/// Italian, German) that English and French do not write: one of them leaves the text to
/// lingua.
const OTHER_WORDS: &[&str] = &[
    // Spanish
    "el", "los", "las", "del", "al", "lo", "su", "es", "por", "con", "una", "para", "como", "pero",
    "fue", "más", "según", // Portuguese
    "uma", "não", "os", "dos", "da", "em", "ao", "às", "pelo", "pela", "foi", "são", "seu", "sua",
    "também", // Italian
    "della", "delle", "dei", "di", "che", "gli", "nel", "alla", "per", "sono", "è", "anche", "più",
    "questo", // German
    "der", "und", "ist", "nicht", "mit", "von", "den", "dem", "das", "sich", "auf", "für", "eine",
    "ein", "zu", "im", "wird", "auch", "bei", "nach", "über",
];
/// The shortcut needs this many different function words of its language in the sample (a
/// list of dates repeats "de"; a list of titles has "the" and "of")...
const MIN_DISTINCT_FUNCTION_WORDS: u32 = 6;
/// ... one word in this many to be one (English and French prose has one in three or four;
/// a sample that mixes in another language has fewer) ...
const FUNCTION_WORD_SHARE: usize = 5;
/// ... and this many letters: on a shorter text lingua weighs every n-gram length, and a
/// sentence of English with two place names can come out French.
const MIN_PROSE_LETTERS: usize = 200;
/// English is decided with at most this many words with accents: names such as "Touadéra"
/// and words such as "communiqué" pull lingua toward French ("Residents of Faustin-Archange
/// Touadéra describe a tense situation, ..." came out ambiguous).
const MAX_ACCENTED_ENGLISH_WORDS: usize = 1;
/// At most one letter in this many may be of another script (a name in Cyrillic or Arabic
/// letters); more, and the text is left to lingua.
const OTHER_SCRIPT_SHARE: usize = 10;

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
        if let Some(language) = decided_by_function_words(sample) {
            return Some(language.iso_code_639_1().to_string());
        }
        self.lingua(sample)
    }

    /// lingua's answer for `sample`: its best language when confident enough.
    fn lingua(&self, sample: &str) -> Option<String> {
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

/// English or French when `sample` is a paragraph of prose full of that language's function
/// words and has none of the other languages': lingua is then sure of the same answer (a
/// test checks it on every shared corpus), and counting words costs a small fraction of
/// lingua's n-gram look-ups. Anything less clear-cut is left to lingua.
fn decided_by_function_words(sample: &str) -> Option<Language> {
    let (mut letters, mut other_script) = (0usize, 0usize);
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        other_script += usize::from(!c.is_ascii() && !is_latin(c));
    }
    if letters < MIN_PROSE_LETTERS || other_script * OTHER_SCRIPT_SHARE > letters {
        return None;
    }
    let (mut words, mut accented) = (0usize, 0usize);
    let (mut english, mut french) = (Hits::default(), Hits::default());
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        accented += usize::from(!word.is_ascii() && word.chars().any(is_latin));
        let lower = word.to_lowercase();
        let listed = |list: &[&str]| list.iter().position(|w| *w == lower);
        if let Some(i) = listed(ENGLISH_WORDS) {
            english.add(i);
        } else if let Some(i) = listed(FRENCH_WORDS) {
            french.add(i);
        } else if listed(OTHER_WORDS).is_some() {
            return None;
        }
    }
    let decisive = |hits: &Hits, others: &Hits| {
        others.words == 0
            && hits.distinct.count_ones() >= MIN_DISTINCT_FUNCTION_WORDS
            && hits.words * FUNCTION_WORD_SHARE >= words
    };
    if decisive(&english, &french) && accented <= MAX_ACCENTED_ENGLISH_WORDS {
        Some(Language::English)
    } else if decisive(&french, &english) {
        Some(Language::French)
    } else {
        None
    }
}

// `Hits` marks the words of a list in the bits of a u64.
const _: () = assert!(ENGLISH_WORDS.len() <= 64 && FRENCH_WORDS.len() <= 64);

/// The function words of one language found in a sample.
#[derive(Default)]
struct Hits {
    /// How many words of the sample are on the list.
    words: usize,
    /// Which of the list's words occur (bit i for the i-th word).
    distinct: u64,
}

impl Hits {
    fn add(&mut self, i: usize) {
        self.words += 1;
        self.distinct |= 1 << i;
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

    #[test]
    fn plain_english_and_french_prose_is_decided_by_its_function_words() {
        let english = "Mali's junta met Russia's foreign minister in Bamako on Tuesday, and the two \
                       sides said they had agreed to expand the training of soldiers, which the \
                       ministry described as a step toward a deeper partnership with Moscow. The \
                       opposition was not consulted.";
        assert_eq!(decided_by_function_words(english), Some(Language::English));
        let french = "Le gouvernement malien a annoncé la fin de l'accord de défense avec la France, \
                      qui avait été signé en 2014, et les autorités ont demandé le départ des \
                      soldats français dans un délai de six mois, selon un communiqué lu à la \
                      télévision nationale par le porte-parole.";
        assert_eq!(decided_by_function_words(french), Some(Language::French));
    }

    #[test]
    fn anything_less_clear_cut_is_left_to_lingua() {
        // Short: lingua weighs every n-gram length on it.
        assert_eq!(
            decided_by_function_words("The ministers met in Bamako and signed the accord."),
            None
        );
        // A list of dates repeats one French-looking word.
        let portuguese = "1a etapa: 10 de março – Interlagos\n2a etapa: 8 de abril – Curitiba\n\
                          3a etapa: 22 de abril – Velopark\n4a etapa: 06 de maio – Londrina\n\
                          5a etapa: 20 de maio – Santa Cruz do Sul\n6a etapa: 5 de agosto – \
                          Corrida do Milhão\n7a etapa: 19 de agosto – A ser divulgado";
        assert_eq!(decided_by_function_words(portuguese), None);
        // One word of another of the detector's languages.
        let mixed = "The minister said the talks with Moscow had been useful, and the two sides \
                     would meet again in June; the press agency of the ministry quoted him as \
                     saying that cooperation was going well, per the statement from the army, \
                     which has ruled since the coup.";
        assert_eq!(decided_by_function_words(mixed), None);
        // Names with accents pull lingua toward French.
        let names = "Residents of Faustin-Archange Touadéra's home region describe a tense \
                     situation, according to aid workers, and the communiqué from the presidency \
                     said that the army had been sent to the border with Chad by the minister, who \
                     has visited the region twice.";
        assert_eq!(decided_by_function_words(names), None);
    }

    /// Every 300-byte window, every 97 bytes, of the shared corpora's texts (language
    /// withheld): where function words decide, lingua says the same. (The synthetic benchmark
    /// corpus and the extraction benchmark's pages were checked the same way, every 13 to 97
    /// bytes, when the shortcut was added: over 600,000 windows decided, none differently.)
    #[test]
    fn function_words_never_contradict_lingua_on_the_shared_corpora() {
        let shared = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
        let mut texts: Vec<String> = Vec::new();
        for file in ["corpus/dev.jsonl", "corpus/june2024.jsonl"] {
            let Ok(lines) = std::fs::read_to_string(shared.join(file)) else {
                eprintln!("note: {file} is absent; skipping");
                continue;
            };
            texts.extend(
                lines
                    .lines()
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .filter_map(|v| v["text"].as_str().map(str::to_string)),
            );
        }
        if let Ok(seeds) = std::fs::read_dir(shared.join("seeds")) {
            texts.extend(seeds.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()));
        }
        let id = LanguageId::new();
        let mut decided = 0;
        for text in &texts {
            for start in (0..text.len())
                .step_by(97)
                .filter(|&i| text.is_char_boundary(i))
            {
                let window = &text[start..];
                let mut end = window.len().min(SAMPLE_BYTES);
                while !window.is_char_boundary(end) {
                    end -= 1;
                }
                let sample = &window[..end];
                if let Some(language) = decided_by_function_words(sample) {
                    decided += 1;
                    assert_eq!(
                        id.lingua(sample).as_deref(),
                        Some(language.iso_code_639_1().to_string().as_str()),
                        "{sample:?}"
                    );
                }
            }
        }
        assert!(
            texts.is_empty() || decided > 1000,
            "only {decided} windows decided"
        );
    }
}
